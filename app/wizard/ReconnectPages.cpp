// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconnectPages.h"
#include "PlainLabel.h"

#include "ConnectionWizard.h"
#include "ErrorPanel.h"
#include "PageStatus.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/ProfileSession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace zaw {

ReconnectPage::ReconnectPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_status(new PageStatus(this, QStringLiteral("reconnectStatus")))
    , m_zohoSecret(new QLineEdit(this))
    , m_zohoRotate(new QPushButton(tr("Check and &replace"), this))
    , m_adobeSecret(new QLineEdit(this))
    , m_adobeRotate(new QPushButton(tr("Check and re&place"), this))
    , m_rotateStatus(plainLabel(this))
{
    setObjectName(QStringLiteral("reconnectPage"));
    setTitle(tr("Reconnect"));
    setSubTitle(tr("The saved Zoho sign-in is tried first. If Zoho no longer accepts it, you sign in again; the "
                   "Experience Platform account then gets the new credentials."));
    m_zohoSecret->setObjectName(QStringLiteral("newZohoSecretEdit"));
    m_zohoSecret->setEchoMode(QLineEdit::Password);
    m_zohoRotate->setObjectName(QStringLiteral("rotateZohoButton"));
    m_adobeSecret->setObjectName(QStringLiteral("newAdobeSecretEdit"));
    m_adobeSecret->setEchoMode(QLineEdit::Password);
    m_adobeRotate->setObjectName(QStringLiteral("rotateAdobeButton"));
    m_rotateStatus->setObjectName(QStringLiteral("rotateStatus"));
    m_rotateStatus->setWordWrap(true);

    auto *rotateBox = new QGroupBox(tr("A client secret was changed?"), this);
    auto *zohoRow = new QHBoxLayout;
    zohoRow->addWidget(m_zohoSecret, 1);
    zohoRow->addWidget(m_zohoRotate);
    auto *adobeRow = new QHBoxLayout;
    adobeRow->addWidget(m_adobeSecret, 1);
    adobeRow->addWidget(m_adobeRotate);
    auto *form = new QFormLayout(rotateBox);
    form->addRow(tr("New &Zoho client secret:"), zohoRow);
    form->addRow(tr("New &Adobe client secret:"), adobeRow);
    form->addRow(m_rotateStatus);

    auto *layout = new QVBoxLayout(this);
    m_status->addTo(layout);
    layout->addSpacing(12);
    layout->addWidget(rotateBox);
    layout->addStretch(1);

    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, &ReconnectPage::start);
    connect(m_zohoRotate, &QPushButton::clicked, this, [this] { rotate(true); });
    connect(m_adobeRotate, &QPushButton::clicked, this, [this] { rotate(false); });
}

void ReconnectPage::initializePage()
{
    start();
}

void ReconnectPage::cleanupPage()
{
    // The reconnect cannot be stopped half-way; its answer is no longer this page's.
    m_status->cancel();
}

void ReconnectPage::watch()
{
    m_status->cancel();
    QObject *guard = m_status->guard();
    account::Reconnect *reconnect = m_context->controller()->reconnect();
    connect(reconnect, &account::Reconnect::progress, guard, [this](const QString &text) { m_status->setText(text); });
    connect(reconnect, &account::Reconnect::consentNeeded, guard, [this] {
        m_status->cancel();
        m_needsConsent = true;
        const QJsonObject z = m_context->controller()->profileSession()->profile().zoho;
        m_status->finish(
            tr("Zoho no longer accepts the saved sign-in. Next opens Zoho's sign-in page: sign in "
               "as %1 (%2).")
                .arg(z.value(QStringLiteral("email")).toString(), z.value(QStringLiteral("org")).toString()));
    });
    connect(reconnect, &account::Reconnect::finished, guard, [this](const account::ReconnectResult &result) {
        m_status->cancel();
        m_context->controller()->setReconnectResult(result);
        m_done = true;
        m_rotateStatus->clear();
        m_status->finish(result.changes.join(QLatin1Char('\n')));
    });
    connect(reconnect, &account::Reconnect::failed, guard, [this](const net::Error &error) {
        m_status->cancel();
        m_status->fail(error);
    });
}

void ReconnectPage::start()
{
    m_context->controller()->setReconnectResult(std::nullopt);
    m_done = false;
    m_needsConsent = false;
    watch();
    m_status->begin({});
    m_context->controller()->reconnect()->start();
}

void ReconnectPage::rotate(bool zoho)
{
    QLineEdit *edit = zoho ? m_zohoSecret : m_adobeSecret;
    const QString secret = edit->text().trimmed();
    if (secret.isEmpty()) {
        m_rotateStatus->setText(tr("Enter the new secret first."));
        return;
    }
    watch();
    m_status->begin(m_status->label()->text());
    if (zoho)
        m_context->controller()->reconnect()->rotateZohoSecret(secret);
    else
        m_context->controller()->reconnect()->rotateAdobeSecret(secret);
    edit->clear(); // not kept on screen; the session holds it once it is checked
}

bool ReconnectPage::isComplete() const
{
    return !m_status->isBusy() && (m_done || m_needsConsent);
}

ReconnectDonePage::ReconnectDonePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_status(new PageStatus(this, QStringLiteral("reconnectChanges")))
{
    setObjectName(QStringLiteral("reconnectDonePage"));
    setTitle(tr("Reconnected"));
    setFinalPage(true);
    m_status->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    m_status->addTo(layout);
    layout->addStretch(1);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, &ReconnectDonePage::initializePage);
}

void ReconnectDonePage::show(const account::ReconnectResult &result)
{
    QStringList lines;
    for (const QString &c : result.changes)
        lines << QStringLiteral("• ") + c;
    m_status->finish(tr("What changed:\n%1").arg(lines.join(QLatin1Char('\n'))));
}

void ReconnectDonePage::initializePage()
{
    m_status->cancel();
    m_status->clearError();
    if (m_context->controller()->reconnectResult()) {
        setSubTitle(tr("The connection works again."));
        show(*m_context->controller()->reconnectResult());
        return;
    }
    // After a new sign-in: the same user and organisation, then the base connection.
    account::Reconnect *reconnect = m_context->controller()->reconnect();
    QObject *guard = m_status->guard();
    connect(reconnect, &account::Reconnect::finished, guard, [this](const account::ReconnectResult &result) {
        m_status->cancel();
        setSubTitle(tr("The connection works again."));
        show(result);
    });
    connect(reconnect, &account::Reconnect::failed, guard, [this](const net::Error &error) {
        m_status->cancel();
        setSubTitle(tr("The connection was not changed."));
        const bool otherUser = error.category == net::ErrorCategory::SignInNeeded;
        m_status->fail(error, !otherUser);
    });
    m_status->begin(tr("Checking the account and updating the Experience Platform account…"));
    zoho::ZohoSignInFlow *flow = m_context->services()->zohoFlow();
    reconnect->continueWith(flow->session(), flow->account());
}

void ReconnectDonePage::cleanupPage()
{
    m_status->cancel();
}

bool ReconnectDonePage::isComplete() const
{
    return !m_status->isBusy();
}

} // namespace zaw
