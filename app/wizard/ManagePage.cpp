// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManagePage.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "WizardContext.h"
#include "account/DataflowManager.h"
#include "account/ProfileSession.h"
#include "setup/ScheduleRules.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace zaw {

ManagePage::ManagePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_flows(new QTreeWidget(this))
    , m_runs(new QTreeWidget(this))
    , m_enable(new QPushButton(tr("&Enable"), this))
    , m_disable(new QPushButton(tr("&Disable"), this))
    , m_frequency(new QComboBox(this))
    , m_interval(new QSpinBox(this))
    , m_apply(new QPushButton(tr("&Change schedule"), this))
    , m_scheduleProblem(plainLabel(this))
    , m_delete(new QPushButton(tr("De&lete…"), this))
    , m_status(new PageStatus(this, QStringLiteral("manageStatus")))
{
    setObjectName(QStringLiteral("managePage"));
    setTitle(tr("Manage dataflows"));
    setFinalPage(true);
    m_flows->setObjectName(QStringLiteral("manageFlows"));
    m_flows->setColumnCount(4);
    m_flows->setHeaderLabels({tr("Dataflow"), tr("Module"), tr("State"), tr("Schedule")});
    m_flows->setRootIsDecorated(false);
    m_flows->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->setObjectName(QStringLiteral("manageRuns"));
    m_runs->setColumnCount(4);
    m_runs->setHeaderLabels({tr("Run started"), tr("Status"), tr("Records (read / ingested / failed)"), tr("Errors")});
    m_runs->setRootIsDecorated(false);
    m_runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_enable->setObjectName(QStringLiteral("enableFlowButton"));
    m_disable->setObjectName(QStringLiteral("disableFlowButton"));
    m_frequency->setObjectName(QStringLiteral("manageFrequencyCombo"));
    for (const QString &f : setup::ScheduleRules::frequencies()) {
        if (f != QLatin1String("once")) // a running flow cannot become a one-off
            m_frequency->addItem(setup::ScheduleRules::frequencyLabel(f), f);
    }
    m_interval->setObjectName(QStringLiteral("manageIntervalSpin"));
    m_interval->setRange(0, 10000);
    m_apply->setObjectName(QStringLiteral("applyScheduleButton"));
    m_scheduleProblem->setObjectName(QStringLiteral("manageScheduleProblem"));
    m_scheduleProblem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_scheduleProblem->setWordWrap(true);
    m_delete->setObjectName(QStringLiteral("deleteFlowButton"));

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_enable);
    actions->addWidget(m_disable);
    actions->addSpacing(12);
    actions->addWidget(m_frequency);
    actions->addWidget(m_interval);
    actions->addWidget(m_apply);
    actions->addStretch(1);
    actions->addWidget(m_delete);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_flows);
    splitter->addWidget(m_runs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);
    layout->addWidget(m_scheduleProblem);
    m_status->addTo(layout);

    connect(m_flows, &QTreeWidget::currentItemChanged, this, &ManagePage::flowChosen);
    connect(m_enable, &QPushButton::clicked, this, [this] { setEnabled(true); });
    connect(m_disable, &QPushButton::clicked, this, [this] { setEnabled(false); });
    connect(m_apply, &QPushButton::clicked, this, &ManagePage::applySchedule);
    connect(m_delete, &QPushButton::clicked, this, &ManagePage::deleteFlow);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, &ManagePage::load);
    auto checkSchedule = [this] {
        setup::Schedule s;
        s.frequency = m_frequency->currentData().toString();
        s.interval = m_interval->value();
        const int minimum = setup::ScheduleRules::minimumInterval(s.frequency);
        m_scheduleProblem->setText(
            s.interval < minimum
                ? tr("Experience Platform needs an interval of at least %1 for this frequency.").arg(minimum)
                : QString());
        m_apply->setEnabled(!m_status->isBusy() && currentIndex() >= 0 && s.interval >= minimum);
    };
    connect(m_frequency, &QComboBox::currentIndexChanged, this, checkSchedule);
    connect(m_interval, &QSpinBox::valueChanged, this, checkSchedule);
}

void ManagePage::initializePage()
{
    setSubTitle(tr("The dataflows of \"%1\".").arg(m_context->controller()->profileSession()->profile().name));
    // The opened connection's own clients: the one set this run talks through.
    delete m_manager;
    m_manager = new account::DataflowManager(m_context->controller()->profileSession(), this);
    load();
}

void ManagePage::cleanupPage()
{
    m_status->cancel();
    delete m_check;
    m_check = nullptr;
}

void ManagePage::busy(bool on, const QString &text)
{
    if (!on)
        m_status->finish(text);
    else if (!text.isEmpty())
        m_status->begin(text);
    for (QWidget *w : std::initializer_list<QWidget *>{m_enable, m_disable, m_apply, m_delete})
        w->setEnabled(!on && currentIndex() >= 0);
    emit completeChanged();
}

void ManagePage::load()
{
    m_status->clearError();
    delete m_check;
    m_check = new account::HealthCheck(m_context->controller()->profileSession(), this);
    busy(true, tr("Reading the dataflows…"));
    connect(m_check, &account::HealthCheck::finished, this, [this](const account::Health &health) {
        const QString previous = currentFlow();
        m_list = health.flows;
        m_flows->clear();
        for (const account::FlowHealth &f : std::as_const(m_list)) {
            auto *item = new QTreeWidgetItem(m_flows, {f.name, f.tablePath, f.state, f.schedule});
            item->setData(0, Qt::UserRole, f.id);
            if (f.id == previous)
                m_flows->setCurrentItem(item);
        }
        if (!m_flows->currentItem() && m_flows->topLevelItemCount() > 0)
            m_flows->setCurrentItem(m_flows->topLevelItem(0));
        busy(false);
        if (health.baseConnectionError)
            m_status->errorPanel()->showError(health.baseConnectionError);
        flowChosen();
    });
    m_check->start();
}

int ManagePage::currentIndex() const
{
    const QTreeWidgetItem *item = m_flows->currentItem();
    return item ? m_flows->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)) : -1;
}

QString ManagePage::currentFlow() const
{
    const QTreeWidgetItem *item = m_flows->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void ManagePage::flowChosen()
{
    const int index = currentIndex();
    const bool waiting = m_status->isBusy();
    for (QWidget *w : std::initializer_list<QWidget *>{m_enable, m_disable, m_apply, m_delete})
        w->setEnabled(!waiting && index >= 0);
    m_runs->clear();
    if (index < 0 || index >= m_list.size())
        return;
    const account::FlowHealth &f = m_list.at(index);
    m_enable->setEnabled(!waiting && f.state == QLatin1String("disabled"));
    m_disable->setEnabled(!waiting && f.state == QLatin1String("enabled"));
    const QStringList parts = f.schedule.split(QLatin1Char('/'));
    const int fi = m_frequency->findData(parts.value(0));
    if (fi >= 0)
        m_frequency->setCurrentIndex(fi);
    m_interval->setValue(parts.value(1).toInt());
    loadRuns(f.id);
}

void ManagePage::loadRuns(const QString &flowId)
{
    m_manager->runs(
        flowId, m_status->guard(), [this, flowId](const QList<adobe::RunInfo> &runs, const net::Error &error) {
            if (currentFlow() != flowId)
                return;
            m_runs->clear();
            if (error) {
                m_status->setText(tr("The runs could not be read: %1").arg(error.message));
                return;
            }
            for (const adobe::RunInfo &r : runs) {
                auto count = [](qint64 n) { return n < 0 ? QStringLiteral("–") : QString::number(n); };
                new QTreeWidgetItem(m_runs,
                                    {QLocale().toString(r.started.toLocalTime(), QLocale::ShortFormat), r.status,
                                     QStringLiteral("%1 / %2 / %3")
                                         .arg(count(r.inputRecords), count(r.outputRecords), count(r.failedRecords)),
                                     r.errors.join(QStringLiteral("; "))});
            }
            if (runs.isEmpty())
                new QTreeWidgetItem(m_runs, {tr("No run yet.")});
        });
}

void ManagePage::setEnabled(bool enable)
{
    const QString id = currentFlow();
    if (id.isEmpty())
        return;
    busy(true, enable ? tr("Enabling the dataflow…") : tr("Disabling the dataflow…"));
    m_manager->setEnabled(id, enable, m_status->guard(), [this, enable](const net::Error &error) {
        busy(false);
        if (error) {
            m_status->fail(error, false);
            return;
        }
        m_status->setText(enable ? tr("The dataflow is enabled.") : tr("The dataflow is disabled."));
        load();
    });
}

void ManagePage::applySchedule()
{
    const QString id = currentFlow();
    if (id.isEmpty())
        return;
    const QString frequency = m_frequency->currentData().toString();
    const int interval = m_interval->value();
    busy(true, tr("Changing the schedule…"));
    m_manager->reschedule(id, frequency, interval, m_status->guard(), [this](const net::Error &error) {
        busy(false);
        if (error) {
            m_status->fail(error, false);
            return;
        }
        m_status->setText(tr("The schedule is changed."));
        load();
    });
}

void ManagePage::deleteFlow()
{
    const int index = currentIndex();
    if (index < 0)
        return;
    const account::FlowHealth f = m_list.at(index);
    const auto answer = plainQuestion(
        this, tr("Delete the dataflow"),
        tr("Delete the dataflow \"%1\" in Experience Platform? Its runs stop; the dataset and the data already "
           "loaded stay.")
            .arg(f.name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    busy(true, tr("Deleting the dataflow…"));
    // The manager also forgets the setup that made it, in the opened connection's profile.
    m_manager->remove(f.id, f.setupId, m_status->guard(), [this, f](const net::Error &error) {
        busy(false);
        if (error) {
            m_status->fail(error, false);
            return;
        }
        m_status->setText(tr("The dataflow \"%1\" is deleted.").arg(f.name));
        load();
    });
}

bool ManagePage::isComplete() const
{
    return !m_status->isBusy();
}

} // namespace zaw
