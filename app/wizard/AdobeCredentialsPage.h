// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SecretStore.h"

#include <QWizardPage>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace zaw {

class PageStatus;
class WizardContext;
namespace account {
class AdobeCredentialCheck;
}

// The Adobe OAuth Server-to-Server credential (client ID, secret, org ID) and the sandbox, picked
// from the organisation's own list once the credential is checked.
class AdobeCredentialsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AdobeCredentialsPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void checkCredential();
    void credentialEdited();
    void showSandboxes();
    void stored(const store::SecretResult &keychain);

    WizardContext *m_context;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLineEdit *m_orgId;
    QPushButton *m_checkButton;
    QComboBox *m_sandbox;
    PageStatus *m_status;
    account::AdobeCredentialCheck *m_check;
    bool m_initialised = false;
    bool m_saved = false;
    bool m_storing = false;
};

} // namespace zaw
