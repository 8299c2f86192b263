// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReconnectPages.h"

#include "ConnectionWizard.h"
#include "ErrorPanel.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/ProfileSession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace zaw {

namespace {

QProgressBar *busyBar(QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setRange(0, 0);
    bar->setMaximumHeight(6);
    bar->setTextVisible(false);
    bar->hide();
    return bar;
}

} // namespace

ReconnectPage::ReconnectPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_status(new QLabel(this))
    , m_progress(busyBar(this))
    , m_error(new ErrorPanel(this))
    , m_zohoSecret(new QLineEdit(this))
    , m_zohoRotate(new QPushButton(tr("Check and &replace"), this))
    , m_adobeSecret(new QLineEdit(this))
    , m_adobeRotate(new QPushButton(tr("Check and re&place"), this))
    , m_rotateStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("reconnectPage"));
    setTitle(tr("Reconnect"));
    setSubTitle(tr("The saved Zoho sign-in is tried first. If Zoho no longer accepts it, you sign in again; the "
                   "Experience Platform account then gets the new credentials."));
    m_status->setObjectName(QStringLiteral("reconnectStatus"));
    m_status->setWordWrap(true);
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
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addSpacing(12);
    layout->addWidget(rotateBox);
    layout->addStretch(1);

    connect(m_error, &ErrorPanel::retryRequested, this, &ReconnectPage::start);
    connect(m_zohoRotate, &QPushButton::clicked, this, [this] { rotate(true); });
    connect(m_adobeRotate, &QPushButton::clicked, this, [this] { rotate(false); });
}

void ReconnectPage::initializePage()
{
    account::Reconnect *reconnect = m_context->controller()->reconnect();
    // Connected once per reconnect object (a new one for every opened connection).
    if (!reconnect->property("zawWatched").toBool()) {
        reconnect->setProperty("zawWatched", true);
        connect(reconnect, &account::Reconnect::progress, this, [this](const QString &text) {
            if (m_busy)
                m_status->setText(text);
        });
        connect(reconnect, &account::Reconnect::consentNeeded, this, [this] {
            m_busy = false;
            m_progress->hide();
            m_needsConsent = true;
            const QJsonObject z = m_context->controller()->profileSession()->profile().zoho;
            m_status->setText(
                tr("Zoho no longer accepts the saved sign-in. Next opens Zoho's sign-in page: sign in "
                   "as %1 (%2).")
                    .arg(z.value(QStringLiteral("email")).toString(), z.value(QStringLiteral("org")).toString()));
            emit completeChanged();
        });
        connect(reconnect, &account::Reconnect::finished, this, [this](const account::ReconnectResult &result) {
            m_busy = false;
            m_progress->hide();
            if (wizard() && wizard()->currentPage() != this)
                return;
            m_context->controller()->setReconnectResult(result);
            m_done = true;
            m_status->setText(result.changes.join(QLatin1Char('\n')));
            m_rotateStatus->clear();
            emit completeChanged();
        });
        connect(reconnect, &account::Reconnect::failed, this, [this](const net::Error &error) {
            m_busy = false;
            m_progress->hide();
            if (wizard() && wizard()->currentPage() != this)
                return;
            m_error->showError(error);
            emit completeChanged();
        });
    }
    start();
}

void ReconnectPage::start()
{
    m_context->controller()->setReconnectResult(std::nullopt);
    m_error->clear();
    m_done = false;
    m_needsConsent = false;
    m_busy = true;
    m_progress->show();
    emit completeChanged();
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
    m_error->clear();
    m_busy = true;
    m_progress->show();
    emit completeChanged();
    if (zoho)
        m_context->controller()->reconnect()->rotateZohoSecret(secret);
    else
        m_context->controller()->reconnect()->rotateAdobeSecret(secret);
    edit->clear(); // not kept on screen; the session holds it once it is checked
}

bool ReconnectPage::isComplete() const
{
    return !m_busy && (m_done || m_needsConsent);
}

ReconnectDonePage::ReconnectDonePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_changes(new QLabel(this))
    , m_progress(busyBar(this))
    , m_error(new ErrorPanel(this))
{
    setObjectName(QStringLiteral("reconnectDonePage"));
    setTitle(tr("Reconnected"));
    setFinalPage(true);
    m_changes->setObjectName(QStringLiteral("reconnectChanges"));
    m_changes->setWordWrap(true);
    m_changes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_changes);
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_error, &ErrorPanel::retryRequested, this, &ReconnectDonePage::initializePage);
}

void ReconnectDonePage::show(const account::ReconnectResult &result)
{
    QStringList lines;
    for (const QString &c : result.changes)
        lines << QStringLiteral("• ") + c;
    m_changes->setText(tr("What changed:\n%1").arg(lines.join(QLatin1Char('\n'))));
}

void ReconnectDonePage::initializePage()
{
    m_error->clear();
    if (m_context->controller()->reconnectResult()) {
        setSubTitle(tr("The connection works again."));
        show(*m_context->controller()->reconnectResult());
        return;
    }
    // After a new sign-in: the same user and organisation, then the base connection.
    account::Reconnect *reconnect = m_context->controller()->reconnect();
    auto *guard = new QObject(this);
    connect(reconnect, &account::Reconnect::finished, guard, [this, guard](const account::ReconnectResult &result) {
        guard->deleteLater();
        m_busy = false;
        m_progress->hide();
        setSubTitle(tr("The connection works again."));
        show(result);
        emit completeChanged();
    });
    connect(reconnect, &account::Reconnect::failed, guard, [this, guard](const net::Error &error) {
        guard->deleteLater();
        m_busy = false;
        m_progress->hide();
        setSubTitle(tr("The connection was not changed."));
        const bool otherUser = error.category == net::ErrorCategory::SignInNeeded;
        m_error->showError(error, !otherUser);
        emit completeChanged();
    });
    m_busy = true;
    m_progress->show();
    m_changes->setText(tr("Checking the account and updating the Experience Platform account…"));
    emit completeChanged();
    zoho::ZohoSignInFlow *flow = m_context->services()->zohoFlow();
    reconnect->continueWith(flow->session(), flow->account());
}

bool ReconnectDonePage::isComplete() const
{
    return !m_busy;
}

} // namespace zaw
