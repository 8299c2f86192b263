// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;
class QTimer;

namespace zaw {

class WizardContext;
namespace account {
class DataflowManager;
}

// The result: the IDs of everything made, where to see it in Experience Platform, and the
// dataflow's state and first run, polled until that run has finished (and on Refresh).
class DonePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DonePage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

private:
    void refresh();
    QLabel *value(const QString &name);

    WizardContext *m_context;
    QLabel *m_ids;
    QLabel *m_flowState;
    QLabel *m_run;
    QLabel *m_link;
    QPushButton *m_refresh;
    QPushButton *m_runNow;
    QTimer *m_poll;
    account::DataflowManager *m_manager = nullptr;
    QObject *m_calls = nullptr; // context of the reads in flight; deleted when the page is left
    bool m_busy = false;
};

} // namespace zaw
