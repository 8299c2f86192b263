// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace zaw {

class ErrorPanel;
class WizardContext;

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
    QString fieldProblem() const;

    WizardContext *m_context;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLineEdit *m_orgId;
    QPushButton *m_check;
    QComboBox *m_sandbox;
    QLabel *m_status;
    ErrorPanel *m_error;
    bool m_initialised = false;
    bool m_busy = false;
    bool m_saved = false;
};

} // namespace zaw
