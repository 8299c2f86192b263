// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/HealthCheck.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace zaw {

class PageStatus;
class WizardContext;
namespace account {
class DataflowManager;
}

// The dataflows of a saved connection: state, schedule and recent runs with their errors;
// enable or disable, change the schedule (AEP's rules checked first), delete.
class ManagePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ManagePage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void load();
    void flowChosen();
    void loadRuns(const QString &flowId);
    void setEnabled(bool enable);
    void applySchedule();
    void deleteFlow();
    void busy(bool on, const QString &text = {});
    QString currentFlow() const;
    int currentIndex() const;

    WizardContext *m_context;
    QTreeWidget *m_flows;
    QTreeWidget *m_runs;
    QPushButton *m_enable;
    QPushButton *m_disable;
    QComboBox *m_frequency;
    QSpinBox *m_interval;
    QPushButton *m_apply;
    QLabel *m_scheduleProblem;
    QPushButton *m_delete;
    PageStatus *m_status;
    account::DataflowManager *m_manager = nullptr;
    account::HealthCheck *m_check = nullptr;
    QList<account::FlowHealth> m_list;
};

} // namespace zaw
