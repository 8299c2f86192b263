// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreatePage.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"
#include "SetupDraft.h"
#include "WizardContext.h"
#include "account/DataflowManager.h"
#include "setup/SourceAccountQuery.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace zaw {

using setup::SetupPlan;

CreatePage::CreatePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_steps(new QTreeWidget(this))
    , m_status(plainLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new ErrorPanel(this))
{
    setObjectName(QStringLiteral("createPage"));
    setTitle(tr("Create"));
    setSubTitle(tr("The objects are made one after the other. If a step fails, fix the cause and try again: what "
                   "exists already is found, not made twice."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next"));
    m_steps->setObjectName(QStringLiteral("createSteps"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Step"), tr("Status"), tr("ID")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (SetupPlan::Step step : SetupPlan::steps())
        new QTreeWidgetItem(m_steps, {SetupPlan::label(step), SetupPlan::statusText(SetupPlan::Status::Pending)});
    m_status->setObjectName(QStringLiteral("createStatus"));
    m_status->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("createProgress"));
    m_progress->setRange(0, int(SetupPlan::steps().size()));
    m_error->setObjectName(QStringLiteral("createError"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    connect(m_error, &ErrorPanel::retryRequested, this, [this] { run(true); });
}

void CreatePage::initializePage()
{
    run(false);
}

void CreatePage::cleanupPage()
{
    // Back while running: the answer in flight is dropped; the next run finds what it made.
    if (m_watched && m_watched->isRunning())
        m_watched->cancel();
}

void CreatePage::run(bool retry)
{
    SetupPlan *plan = m_context->controller()->updatePlan();
    watch(plan);
    m_error->clear();
    // A start chosen on an earlier page may have passed meanwhile; AEP refuses one in the past.
    const account::StartAdjustment start =
        account::DataflowManager::adjustPassedStart(plan->request().schedule, QDateTime::currentDateTimeUtc());
    if (start.moved) {
        plan->setSchedule(start.schedule);
        m_context->draft()->update([&start](setup::SetupRequest &r) { r.schedule = start.schedule; });
    }
    m_status->setText(start.moved ? start.message : tr("Creating…"));
    m_progress->setValue(0);
    emit completeChanged();
    if (retry)
        plan->retry();
    else
        plan->resume();
}

void CreatePage::watch(SetupPlan *plan)
{
    if (m_watched == plan)
        return;
    m_watched = plan;
    connect(plan, &SetupPlan::stepStarted, this,
            [this](SetupPlan::Step step) { showStatus(step, SetupPlan::Status::Running); });
    connect(plan, &SetupPlan::stepFinished, this, &CreatePage::showStatus);
    connect(plan, &SetupPlan::failed, this, [this](SetupPlan::Step step, const net::Error &error) {
        showStatus(step, SetupPlan::Status::Failed);
        m_status->setText(tr("Stopped at \"%1\".").arg(SetupPlan::label(step)));
        m_error->showError(error, !setup::SourceAccountQuery::isRetiredSource(error));
        emit completeChanged();
    });
    connect(plan, &SetupPlan::finished, this, [this] {
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("Everything is in place. The dataflow is created."));
        emit completeChanged();
    });
}

void CreatePage::showStatus(SetupPlan::Step step, SetupPlan::Status status)
{
    const int index = int(SetupPlan::steps().indexOf(step));
    QTreeWidgetItem *item = m_steps->topLevelItem(index);
    if (!item)
        return;
    item->setText(StatusColumn, SetupPlan::statusText(status));
    item->setText(IdColumn, m_watched ? m_watched->objectId(step) : QString());
    if (status == SetupPlan::Status::Failed)
        item->setForeground(StatusColumn, QBrush(QColor(0xb0, 0x00, 0x20)));
    else
        item->setForeground(StatusColumn, QBrush());
    if (status == SetupPlan::Status::Running)
        m_steps->setCurrentItem(item);
    else if (status != SetupPlan::Status::Failed)
        m_progress->setValue(index + 1);
}

bool CreatePage::isComplete() const
{
    return m_watched && m_watched->isComplete();
}

} // namespace zaw
