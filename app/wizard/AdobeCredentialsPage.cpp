// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdobeCredentialsPage.h"

#include "ErrorPanel.h"
#include "WizardContext.h"
#include "adobe/SandboxManagementClient.h"
#include "store/ProfileStore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace zaw {

AdobeCredentialsPage::AdobeCredentialsPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_clientId(new QLineEdit(this))
    , m_clientSecret(new QLineEdit(this))
    , m_orgId(new QLineEdit(this))
    , m_check(new QPushButton(tr("C&heck and list sandboxes"), this))
    , m_sandbox(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_error(new ErrorPanel(this))
{
    setObjectName(QStringLiteral("adobeCredentialsPage"));
    setTitle(tr("Adobe Experience Platform credential"));
    setSubTitle(tr("Enter the OAuth Server-to-Server credential of your Adobe Developer Console project, then pick "
                   "the sandbox the data goes to."));
    m_clientId->setObjectName(QStringLiteral("adobeClientIdEdit"));
    m_clientSecret->setObjectName(QStringLiteral("adobeClientSecretEdit"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_orgId->setObjectName(QStringLiteral("adobeOrgEdit"));
    m_orgId->setPlaceholderText(QStringLiteral("XXXXXXXXXXXXXXXXXXXXXXXX@AdobeOrg"));
    m_check->setObjectName(QStringLiteral("checkAdobeButton"));
    m_sandbox->setObjectName(QStringLiteral("sandboxCombo"));
    m_sandbox->setEnabled(false);
    m_status->setObjectName(QStringLiteral("adobeStatus"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(tr("Client &secret:"), m_clientSecret);
    form->addRow(tr("&Organisation ID:"), m_orgId);
    form->addRow(QString(), m_check);
    form->addRow(tr("Sand&box:"), m_sandbox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_clientId, m_clientSecret, m_orgId})
        connect(edit, &QLineEdit::textEdited, this, &AdobeCredentialsPage::credentialEdited);
    connect(m_check, &QPushButton::clicked, this, &AdobeCredentialsPage::checkCredential);
    connect(m_error, &ErrorPanel::retryRequested, this, &AdobeCredentialsPage::checkCredential);
    connect(m_sandbox, &QComboBox::currentIndexChanged, this, [this] {
        m_saved = false;
        emit completeChanged();
    });
}

void AdobeCredentialsPage::initializePage()
{
    if (m_initialised)
        return;
    m_initialised = true;
    const adobe::AdobeSession &s = *m_context->adobeSession();
    m_clientId->setText(s.clientId);
    m_clientSecret->setText(s.clientSecret);
    m_orgId->setText(s.orgId);
}

void AdobeCredentialsPage::cleanupPage()
{
    m_busy = false;
}

QString AdobeCredentialsPage::fieldProblem() const
{
    if (m_clientId->text().trimmed().isEmpty() || m_clientSecret->text().trimmed().isEmpty())
        return tr("Enter the client ID and the client secret of the credential (Developer Console → your project → "
                  "OAuth Server-to-Server).");
    if (!m_orgId->text().trimmed().endsWith(QLatin1String("@AdobeOrg")))
        return tr("Enter the organisation ID of the project; it ends with @AdobeOrg.");
    return {};
}

void AdobeCredentialsPage::credentialEdited()
{
    // A changed credential must be checked again before a sandbox can be chosen.
    m_sandbox->clear();
    m_sandbox->setEnabled(false);
    m_saved = false;
    m_status->clear();
    emit completeChanged();
}

void AdobeCredentialsPage::checkCredential()
{
    m_error->clear();
    const QString problem = fieldProblem();
    if (!problem.isEmpty()) {
        m_error->showError(net::Error::make(net::ErrorCategory::Input, problem), false);
        return;
    }
    adobe::AdobeSession *s = m_context->adobeSession();
    s->clientId = m_clientId->text().trimmed();
    s->clientSecret = m_clientSecret->text().trimmed();
    s->orgId = m_orgId->text().trimmed();
    s->clearToken();
    m_busy = true;
    m_check->setEnabled(false);
    m_status->setText(tr("Checking the credential with Adobe…"));
    emit completeChanged();
    m_context->adobeSandboxes()->list(this, [this](const QList<adobe::SandboxInfo> &list, const net::Error &error) {
        m_busy = false;
        m_check->setEnabled(true);
        if (error) {
            m_status->clear();
            m_error->showError(error);
            emit completeChanged();
            return;
        }
        m_sandbox->clear();
        int preferred = -1;
        for (const adobe::SandboxInfo &s : list) {
            m_sandbox->addItem(QStringLiteral("%1 (%2, %3)").arg(s.title, s.name, s.type), s.name);
            if (s.isDefault && preferred < 0)
                preferred = m_sandbox->count() - 1;
        }
        m_sandbox->setEnabled(!list.isEmpty());
        m_sandbox->setCurrentIndex(qMax(0, preferred));
        m_status->setText(list.isEmpty() ? tr("The credential works, but the organisation has no sandbox you may use.")
                                         : tr("The credential works. Pick the sandbox for the data."));
        emit completeChanged();
    });
}

bool AdobeCredentialsPage::isComplete() const
{
    return !m_busy && m_sandbox->isEnabled() && m_sandbox->currentIndex() >= 0;
}

bool AdobeCredentialsPage::validatePage()
{
    if (m_saved)
        return true;
    adobe::AdobeSession *s = m_context->adobeSession();
    s->sandboxName = m_sandbox->currentData().toString();
    store::Profile *profile = m_context->profile();
    profile->adobe = QJsonObject{{QStringLiteral("clientId"), s->clientId},
                                 {QStringLiteral("orgId"), s->orgId},
                                 {QStringLiteral("sandbox"), s->sandboxName}};
    QString error;
    if (!m_context->profiles()->save(*profile, &error)) {
        m_error->showError(net::Error::make(net::ErrorCategory::Input, error), false);
        return false;
    }
    // The secret goes to the keychain; the page moves on when that answered (async recipe).
    m_busy = true;
    emit completeChanged();
    m_context->secrets()->write(
        store::SecretStore::key(profile->id, QString::fromLatin1(store::SecretName::AdobeClientSecret)),
        s->clientSecret, this, [this](const store::SecretResult &result) {
            m_busy = false;
            m_context->adobeKeychainResult = result;
            m_saved = true;
            emit completeChanged();
            wizard()->next();
        });
    return false;
}

} // namespace zaw
