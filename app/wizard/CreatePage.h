// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/SetupPlan.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QTreeWidget;

namespace zaw {

class ErrorPanel;
class WizardContext;

// Runs the setup plan: one row per object with its status and ID, Try again after a failure
// (the plan resumes without duplicates), and Back to change an input (objects whose inputs
// changed are made again on the next run).
class CreatePage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { StepColumn, StatusColumn, IdColumn };

    explicit CreatePage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void run(bool retry);
    void watch(setup::SetupPlan *plan);
    void showStatus(setup::SetupPlan::Step step, setup::SetupPlan::Status status);

    WizardContext *m_context;
    QTreeWidget *m_steps;
    QLabel *m_status;
    QProgressBar *m_progress;
    ErrorPanel *m_error;
    setup::SetupPlan *m_watched = nullptr;
};

} // namespace zaw
