// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdobeCredentialsPage.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/AdobeCredentialCheck.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace zaw {

using account::AdobeCredentialCheck;

AdobeCredentialsPage::AdobeCredentialsPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_clientId(new QLineEdit(this))
    , m_clientSecret(new QLineEdit(this))
    , m_orgId(new QLineEdit(this))
    , m_checkButton(new QPushButton(tr("C&heck and list sandboxes"), this))
    , m_sandbox(new QComboBox(this))
    , m_status(new PageStatus(this, QStringLiteral("adobeStatus")))
    , m_check(new AdobeCredentialCheck(context->services()->http(), context->services()->endpoints(),
                                       context->services()->adobeSession(), this))
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
    m_checkButton->setObjectName(QStringLiteral("checkAdobeButton"));
    m_sandbox->setObjectName(QStringLiteral("sandboxCombo"));
    m_sandbox->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(tr("Client &secret:"), m_clientSecret);
    form->addRow(tr("&Organisation ID:"), m_orgId);
    form->addRow(QString(), m_checkButton);
    form->addRow(tr("Sand&box:"), m_sandbox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_status->addTo(layout);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_clientId, m_clientSecret, m_orgId})
        connect(edit, &QLineEdit::textEdited, this, &AdobeCredentialsPage::credentialEdited);
    connect(m_checkButton, &QPushButton::clicked, this, &AdobeCredentialsPage::checkCredential);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, &AdobeCredentialsPage::checkCredential);
    connect(m_status, &PageStatus::busyChanged, m_checkButton, &QWidget::setDisabled);
    connect(m_sandbox, &QComboBox::currentIndexChanged, this, [this] {
        m_saved = false;
        emit completeChanged();
    });
    connect(m_check, &AdobeCredentialCheck::checked, this, &AdobeCredentialsPage::showSandboxes);
    connect(m_check, &AdobeCredentialCheck::failed, m_status, [this](const net::Error &error) {
        // A profile that cannot be saved is the user's to fix, not a retry.
        m_status->fail(error, !m_storing);
        m_storing = false;
    });
    connect(m_check, &AdobeCredentialCheck::stored, this,
            [this](const adobe::SandboxInfo &, const store::SecretResult &keychain) { stored(keychain); });
}

void AdobeCredentialsPage::initializePage()
{
    if (m_initialised)
        return;
    m_initialised = true;
    const adobe::AdobeSession &s = *m_context->services()->adobeSession();
    m_clientId->setText(s.clientId);
    m_clientSecret->setText(s.clientSecret);
    m_orgId->setText(s.orgId);
}

void AdobeCredentialsPage::cleanupPage()
{
    m_storing = false;
    m_check->cancel();
    m_status->cancel();
}

void AdobeCredentialsPage::credentialEdited()
{
    // A changed credential must be checked again before a sandbox can be chosen.
    m_sandbox->clear();
    m_sandbox->setEnabled(false);
    m_saved = false;
    m_status->setText({});
    emit completeChanged();
}

void AdobeCredentialsPage::checkCredential()
{
    m_status->clearError();
    const auto problems =
        AdobeCredentialCheck::fieldProblems(m_clientId->text(), m_clientSecret->text(), m_orgId->text());
    if (!problems.isEmpty()) {
        m_status->failInput(problems.first().message);
        return;
    }
    m_status->begin(tr("Checking the credential with Adobe…"));
    m_check->check(m_clientId->text(), m_clientSecret->text(), m_orgId->text());
}

void AdobeCredentialsPage::showSandboxes()
{
    const QList<adobe::SandboxInfo> list = m_check->sandboxes();
    m_sandbox->clear();
    for (const adobe::SandboxInfo &s : list)
        m_sandbox->addItem(QStringLiteral("%1 (%2, %3)").arg(s.title, s.name, s.type), s.name);
    m_sandbox->setEnabled(!list.isEmpty());
    m_sandbox->setCurrentIndex(qMax(0, m_check->preferredIndex()));
    m_status->finish(list.isEmpty() ? tr("The credential works, but the organisation has no sandbox you may use.")
                                    : tr("The credential works. Pick the sandbox for the data."));
}

bool AdobeCredentialsPage::isComplete() const
{
    return !m_status->isBusy() && m_sandbox->isEnabled() && m_sandbox->currentIndex() >= 0;
}

bool AdobeCredentialsPage::validatePage()
{
    if (m_saved)
        return true;
    // The secret goes to the keychain; the page moves on when that answered (async recipe).
    m_status->begin(m_status->label()->text());
    m_storing = true;
    WizardServices *services = m_context->services();
    m_check->store(services->profiles(), services->secrets(), services->profile(), m_sandbox->currentData().toString());
    return false;
}

void AdobeCredentialsPage::stored(const store::SecretResult &keychain)
{
    m_context->services()->setAdobeKeychainResult(keychain);
    m_storing = false;
    m_saved = true;
    m_status->finish(m_status->label()->text());
    wizard()->next();
}

} // namespace zaw
