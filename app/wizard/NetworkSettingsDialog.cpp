// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetworkSettingsDialog.h"
#include "PlainLabel.h"

#include "NetworkSettings.h"
#include "WizardContext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace zaw {

NetworkSettingsDialog::NetworkSettingsDialog(WizardContext *context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_system(new QRadioButton(tr("Use the system's proxy settings"), this))
    , m_manual(new QRadioButton(tr("Use this proxy:"), this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(plainLabel(this))
{
    setObjectName(QStringLiteral("networkSettingsDialog"));
    setWindowTitle(tr("Network settings"));
    m_system->setObjectName(QStringLiteral("systemProxyRadio"));
    m_manual->setObjectName(QStringLiteral("manualProxyRadio"));
    m_host->setObjectName(QStringLiteral("proxyHostEdit"));
    m_port->setObjectName(QStringLiteral("proxyPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(3128);
    m_user->setObjectName(QStringLiteral("proxyUserEdit"));
    m_password->setObjectName(QStringLiteral("proxyPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged"));
    m_error->setObjectName(QStringLiteral("proxyError"));
    m_error->setWordWrap(true);
    m_error->hide();

    const net::ProxySettings &p = context->network()->proxy();
    (p.useSystem ? m_system : m_manual)->setChecked(true);
    m_host->setText(p.host);
    if (p.port)
        m_port->setValue(p.port);
    m_user->setText(p.user);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&User name (optional):"), m_user);
    form->addRow(tr("Pass&word (optional):"), m_password);
    auto *note = new QLabel(tr("Used for Zoho, Adobe and the embedded browser alike. The password is kept in your "
                               "system keychain."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_system);
    layout->addWidget(m_manual);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NetworkSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_manual, &QRadioButton::toggled, this, &NetworkSettingsDialog::updateEnabled);
    updateEnabled();
}

void NetworkSettingsDialog::updateEnabled()
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_user, m_password})
        w->setEnabled(m_manual->isChecked());
}

void NetworkSettingsDialog::accept()
{
    net::ProxySettings p;
    p.useSystem = m_system->isChecked();
    p.host = m_host->text().trimmed();
    p.port = quint16(m_port->value());
    p.user = m_user->text().trimmed();
    if (!p.useSystem && (p.host.isEmpty() || p.host.contains(QLatin1Char(' ')))) {
        m_error->setText(tr("Enter the proxy's host name, for example proxy.example.com."));
        m_error->show();
        return;
    }
    // An empty password field keeps the stored one.
    const bool newPassword = !m_password->text().isEmpty();
    m_context->network()->setProxy(p, newPassword ? std::optional<QString>(m_password->text()) : std::nullopt);
    QDialog::accept();
}

} // namespace zaw
