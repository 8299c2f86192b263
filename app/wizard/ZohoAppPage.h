// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace zaw {

class WizardContext;

// The Zoho API client: ID, secret, client type, redirect URI, where consent starts, the CRM
// environment and the scopes; with what to register in Zoho's API console.
class ZohoAppPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ZohoAppPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The problem with each field, or an empty string (translated; shown under the field).
    QString clientIdProblem() const;
    QString clientSecretProblem() const;
    QString redirectUriProblem() const;
    QString scopesProblem() const;

private:
    void revalidate();
    void updateRegistration();

    WizardContext *m_context;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QComboBox *m_clientType;
    QLineEdit *m_redirectUri;
    QComboBox *m_dataCenter;
    QComboBox *m_environment;
    QPlainTextEdit *m_scopes;
    QLabel *m_clientIdError;
    QLabel *m_clientSecretError;
    QLabel *m_redirectUriError;
    QLabel *m_scopesError;
    QLabel *m_homepageValue;
    QLabel *m_redirectValue;
    QLabel *m_consoleLink;
    bool m_initialised = false;
};

} // namespace zaw
