// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoAccountPage.h"
#include "PlainLabel.h"

#include "WizardContext.h"
#include "WizardServices.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace zaw {

ZohoAccountPage::ZohoAccountPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_user(value(QStringLiteral("accountUser")))
    , m_email(value(QStringLiteral("accountEmail")))
    , m_org(value(QStringLiteral("accountOrg")))
    , m_edition(value(QStringLiteral("accountEdition")))
    , m_environment(value(QStringLiteral("accountEnvironment")))
    , m_dataCenter(value(QStringLiteral("accountDataCenter")))
    , m_keychain(value(QStringLiteral("keychainStatus")))
{
    setObjectName(QStringLiteral("zohoAccountPage"));
    setTitle(tr("Zoho account"));
    setSubTitle(tr("This is the account the connection will read from. If it is not the right one, cancel and "
                   "sign in again."));
    m_keychain->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("Organisation:"), m_org);
    form->addRow(tr("Edition:"), m_edition);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("Data centre:"), m_dataCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(12);
    layout->addWidget(m_keychain);
    layout->addStretch(1);
}

QLabel *ZohoAccountPage::value(const QString &name)
{
    auto *label = plainLabel(this);
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void ZohoAccountPage::initializePage()
{
    const zoho::ZohoAccount &account = m_context->services()->zohoFlow()->account();
    m_user->setText(account.user.fullName);
    m_email->setText(account.user.email);
    m_org->setText(QStringLiteral("%1 (%2)").arg(account.org.companyName, account.org.id));
    m_edition->setText(account.org.edition);
    m_environment->setText(crmEnvironmentLabel(account.environment));
    const DataCenter *dc = m_context->services()->endpoints().dataCenter(account.dc);
    m_dataCenter->setText(dc ? QStringLiteral("%1 — %2").arg(account.dc, dc->api.toString()) : account.dc);
    const store::SecretResult &keychain = m_context->services()->zohoKeychainResult();
    if (keychain.ok()) {
        m_keychain->setText(tr("The client secret and the refresh token are stored in your system keychain "
                               "(service \"zoho-aep-wizard\"), nowhere else."));
    } else if (keychain.status == store::SecretStatus::NoKeychain) {
        m_keychain->setText(tr("Not stored: no usable keychain (missing or locked). The connection works until you "
                               "close the wizard; to keep it, install or unlock a keychain (for example GNOME "
                               "Keyring or KWallet) and reconnect."));
    } else {
        m_keychain->setText(tr("Not stored: %1").arg(keychain.message));
    }
}

} // namespace zaw
