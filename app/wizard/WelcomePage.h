// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/HealthCheck.h"

#include <QMap>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace zaw {

class PageStatus;
class WizardContext;
namespace account {
class ProfileSession;
}

// The first page. Without saved connections: what the wizard does and what it needs. With them:
// a dashboard — each connection with its Zoho account, Experience Platform sandbox and
// dataflows, and a health check per connection that fills in as the answers arrive; a
// connection that needs something says what. Actions: Reconnect, Add dataflow, Resume, Manage
// dataflows, Forget; Next sets up a new connection under a new name.
class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { NameColumn, HealthColumn, ZohoColumn, AdobeColumn, FlowsColumn };

    explicit WelcomePage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Checks every saved connection again (also the Refresh button).
    void refreshHealth();

private:
    struct Check
    {
        account::ProfileSession *session = nullptr;
        account::HealthCheck *check = nullptr;
        account::Health health;
    };
    void listProfiles();
    void showHealth(const QString &name, const account::Health &health);
    void selectionChanged();
    void act(int mode);
    QString selectedProfile() const;
    QString freeName() const;

    WizardContext *m_context;
    QLabel *m_intro;
    QLabel *m_demoBanner;
    QCheckBox *m_retiredDemo; // demo only: the sandbox acts like a 2026 organisation
    QLabel *m_endpointsNote;
    QLabel *m_savedTitle;
    QTreeWidget *m_profiles;
    QLabel *m_details;
    QPushButton *m_reconnect;
    QPushButton *m_addFlow;
    QPushButton *m_resume;
    QPushButton *m_manage;
    QPushButton *m_forget;
    QPushButton *m_refresh;
    QLabel *m_newLabel;
    QLineEdit *m_newName;
    PageStatus *m_status;
    QMap<QString, Check> m_checks;
    bool m_opened = false; // the chosen connection is open: Next goes on with the chosen action
};

} // namespace zaw
