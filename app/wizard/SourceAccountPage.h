// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace zaw {

class PageStatus;
class WizardContext;
namespace adobe {
class PlatformClient;
}
namespace setup {
class SourceAccountQuery;
}

// The AEP base connection that holds the Zoho credentials: a new one (name, description) or an
// existing connection of the Zoho CRM spec, whose credentials are replaced with this sign-in's.
// Next makes (or updates) it through the setup plan, since exploring the modules needs it.
class SourceAccountPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SourceAccountPage(WizardContext *context, QWidget *parent = nullptr);
    ~SourceAccountPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void checkSource();
    void showRetired(bool retired);
    void listConnections();
    void choiceChanged();
    QString choiceKey() const;

    WizardContext *m_context;
    QRadioButton *m_new;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QRadioButton *m_existing;
    QComboBox *m_connections;
    QRadioButton *m_sync;  // direct sync: no source account, this computer moves the records
    QLabel *m_retiredNote; // why the source account choices are gone (retired source)
    PageStatus *m_status;
    std::unique_ptr<setup::SourceAccountQuery> m_query;
    QString m_checkedSandbox; // the sandbox the spec check and the list are for
    QString m_readyFor;       // choiceKey() of the base connection the plan has
    bool m_specOk = false;
    bool m_retired = false; // the organisation no longer offers the Zoho CRM source
};

} // namespace zaw
