// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncPages.h"
#include "PlainLabel.h"

#include "DemoEnvironment.h"
#include "ErrorPanel.h"
#include "PageStatus.h"
#include "SetupDraft.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/ProfileSession.h"
#include "setup/XdmSchemaBuilder.h"
#include "store/ProfileStore.h"
#include "sync/SyncConfig.h"
#include "sync/SyncHistory.h"
#include "sync/SyncPaths.h"

#include <QComboBox>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizard>
#include <algorithm>

namespace zaw {

namespace {

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString everyText(int minutes)
{
    const int hours = minutes / 60;
    const QString hourly = QCoreApplication::translate("zaw::SyncPages", "every %n hour(s)", nullptr, hours);
    const QString text = QCoreApplication::translate("zaw::SyncPages", "every %n minute(s)", nullptr, minutes);
    return minutes % 60 == 0 ? hourly : text;
}

// The profile as it is on disk now (the sync section is written by the set-up, not the wizard).
store::Profile currentProfile(WizardContext *context)
{
    WizardServices *services = context->services();
    if (account::ProfileSession *session = context->controller()->syncBackend()->session())
        return session->profile();
    if (account::ProfileSession *session = context->controller()->profileSession())
        return session->profile();
    QString error;
    if (auto loaded = services->profiles()->load(services->profileName(), &error))
        return *loaded;
    return *services->profile();
}

sync::SyncHistory historyOf(WizardContext *context, const store::Profile &profile)
{
    return sync::SyncHistory(sync::SyncPaths(context->services()->profiles()->configDir(), profile.id));
}

} // namespace

// --- SyncRunView ---

SyncRunView::SyncRunView(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_label(plainLabel(this))
    , m_result(new QTreeWidget(this))
{
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setRange(0, int(sync::SyncProgress::Phase::Done));
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_label->setObjectName(QStringLiteral("syncProgressText"));
    m_label->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("syncRunResult"));
    m_result->setRootIsDecorated(false);
    m_result->setColumnCount(6);
    m_result->setHeaderLabels(
        {tr("Module"), tr("Records"), tr("Deleted"), tr("Batch"), tr("Status"), tr("Failed rows")});
    m_result->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_result->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_label);
    layout->addWidget(m_result, 1);
}

void SyncRunView::clear()
{
    m_progress->setValue(0);
    m_label->clear();
    m_result->clear();
    m_result->setVisible(false);
}

void SyncRunView::begin(const QString &text)
{
    clear();
    m_progress->setFormat(tr("Starting"));
    m_label->setText(text);
}

void SyncRunView::showProgress(const sync::SyncProgress &p)
{
    using Phase = sync::SyncProgress::Phase;
    // One step per phase of each module.
    const int phases = int(Phase::Done);
    const int modules = qMax(1, p.moduleCount);
    m_progress->setRange(0, phases * modules);
    m_progress->setValue(qMin(phases * modules, p.moduleIndex * phases + int(p.phase)));
    QString phase;
    switch (p.phase) {
    case Phase::Starting:
        phase = tr("Starting");
        break;
    case Phase::Reading:
        phase = tr("Reading Zoho CRM");
        break;
    case Phase::Uploading:
        phase = tr("Uploading");
        break;
    case Phase::Completing:
        phase = tr("Completing the batch");
        break;
    case Phase::Waiting:
        phase = tr("Waiting for Experience Platform");
        break;
    case Phase::Done:
        phase = tr("Done");
        break;
    }
    m_progress->setFormat(phase);
    QStringList parts;
    parts << tr("%1: %Ln record(s) read", nullptr, int(p.recordsRead)).arg(p.module);
    if (p.tombstones > 0)
        parts << tr("%Ln deletion(s)", nullptr, int(p.tombstones));
    if (p.filesTotal > 0)
        parts << tr("%1 of %Ln file(s) uploaded", nullptr, p.filesTotal).arg(p.filesUploaded);
    if (!p.batchStatus.isEmpty())
        parts << tr("batch status: %1").arg(statusText(p.batchStatus));
    m_label->setText(parts.join(QStringLiteral(" · ")));
}

QString SyncRunView::statusText(const QString &status)
{
    if (status == QLatin1String(sync::ModuleReport::kNothingChanged))
        return tr("nothing changed");
    if (status == QLatin1String(sync::ModuleReport::kPending))
        return tr("not final yet");
    if (status == QLatin1String(sync::ModuleReport::kError))
        return tr("error");
    if (status == QLatin1String(sync::ModuleReport::kNeedsAttention))
        return tr("needs attention");
    return status; // Catalog's own word (success, failed, …)
}

QString SyncRunView::moduleSummary(const sync::ModuleReport &m)
{
    QString text =
        tr("%1: records written: %2, deletions: %3").arg(m.module, number(m.recordsRead), number(m.tombstones));
    if (!m.batchId.isEmpty())
        text += tr("; batch %1: %2").arg(m.batchId, statusText(m.status));
    else
        text += tr("; %1").arg(statusText(m.status));
    if (m.failedRows > 0)
        text += tr("; %n row(s) refused by Experience Platform", nullptr, int(m.failedRows));
    return text;
}

void SyncRunView::showReport(const sync::RunReport &report)
{
    m_result->clear();
    for (const sync::ModuleReport &m : report.modules) {
        auto *item = new QTreeWidgetItem(m_result, {m.module, number(m.recordsRead), number(m.tombstones), m.batchId,
                                                    statusText(m.status), number(m.failedRows)});
        if (!m.isSuccess())
            item->setForeground(4, QBrush(QColor(0xb0, 0x00, 0x20)));
        item->setToolTip(0, plainToolTip(moduleSummary(m)));
    }
    m_result->setVisible(!report.modules.isEmpty());
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    if (report.lockHeld) {
        m_progress->setFormat(tr("Not run"));
        m_label->setText(tr("Another sync of this connection was running, so this one did nothing. Try again when it "
                            "has finished."));
    } else if (report.error) {
        m_progress->setFormat(tr("Stopped"));
        m_label->setText(tr("The sync stopped: %1").arg(report.error.message));
    } else if (const auto stopped = std::find_if(report.modules.cbegin(), report.modules.cend(),
                                                 [](const sync::ModuleReport &m) { return bool(m.error); });
               stopped != report.modules.cend()) {
        // A module that stopped on an error (or was cancelled): its state is kept for the next run.
        m_progress->setFormat(tr("Stopped"));
        m_label->setText(tr("The sync of %1 stopped: %2").arg(stopped->module, stopped->error.message));
    } else {
        m_progress->setFormat(report.ok() ? tr("Done") : tr("Done, with problems"));
        qint64 records = 0, deleted = 0;
        for (const sync::ModuleReport &m : report.modules) {
            records += m.recordsRead;
            deleted += m.tombstones;
        }
        m_label->setText(tr("Finished. Sent to Experience Platform – records: %1, deletions: %2.")
                             .arg(number(records), number(deleted)));
    }
}

// --- SyncMappingPage ---

SyncMappingPage::SyncMappingPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_intro(plainLabel(this))
    , m_fields(new QTableWidget(this))
    , m_skipped(new QTableWidget(this))
    , m_identity(plainLabel(this))
{
    setObjectName(QStringLiteral("syncMappingPage"));
    setTitle(tr("Mapping"));
    setSubTitle(tr("This computer turns each Zoho CRM record into one XDM row as below, before it sends the rows to "
                   "Experience Platform. Deleted records arrive as rows marked deleted."));
    m_intro->setWordWrap(true);
    m_intro->setObjectName(QStringLiteral("syncMappingIntro"));
    m_fields->setObjectName(QStringLiteral("syncMappingTable"));
    m_fields->setColumnCount(3);
    m_fields->setHorizontalHeaderLabels({tr("Zoho field"), tr("XDM path"), tr("XDM type")});
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->hide();
    m_skipped->setObjectName(QStringLiteral("syncSkippedTable"));
    m_skipped->setColumnCount(3);
    m_skipped->setHorizontalHeaderLabels({tr("Zoho field"), tr("Type"), tr("Why it is left out")});
    m_skipped->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_skipped->horizontalHeader()->setStretchLastSection(true);
    m_skipped->verticalHeader()->hide();
    m_skipped->setMaximumHeight(140);
    m_identity->setObjectName(QStringLiteral("syncIdentityNote"));
    m_identity->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_fields, 3);
    layout->addWidget(m_identity);
    m_skippedLabel = new QLabel(tr("Left out:"), this);
    layout->addWidget(m_skippedLabel);
    layout->addWidget(m_skipped, 1);
}

void SyncMappingPage::initializePage()
{
    const setup::SetupRequest &draft = m_context->draft()->request();
    setup::XdmSchemaBuilder builder(m_context->draft()->tenantId());
    builder.setForDirectSync(true);
    const setup::XdmSchemaResult schema = builder.build(draft.tablePath, draft.zohoFields);
    m_intro->setText(
        draft.dataSetId.isEmpty()
            ? tr("%1: %n field(s) go into the new schema.", nullptr, int(schema.fields.size())).arg(draft.tablePath)
            : tr("%1: the fields below are written into the existing dataset; its schema must have "
                 "them.")
                  .arg(draft.tablePath));
    m_fields->setRowCount(int(schema.fields.size()));
    for (int i = 0; i < schema.fields.size(); ++i) {
        const setup::XdmFieldMapping &f = schema.fields.at(i);
        const QString type = f.xdmFormat.isEmpty() ? f.xdmType : tr("%1 (%2)").arg(f.xdmType, f.xdmFormat);
        m_fields->setItem(i, 0, new QTableWidgetItem(f.source));
        m_fields->setItem(i, 1, new QTableWidgetItem(f.xdmPath));
        m_fields->setItem(i, 2, new QTableWidgetItem(type));
    }
    m_fields->resizeColumnsToContents();
    m_skipped->setRowCount(int(schema.skipped.size()));
    for (int i = 0; i < schema.skipped.size(); ++i) {
        const setup::SkippedField &f = schema.skipped.at(i);
        m_skipped->setItem(i, 0, new QTableWidgetItem(f.zohoField));
        m_skipped->setItem(i, 1, new QTableWidgetItem(f.dataType));
        m_skipped->setItem(i, 2, new QTableWidgetItem(f.reason));
    }
    m_skipped->resizeColumnsToContents();
    // Nothing left out: no empty table.
    m_skippedLabel->setVisible(!schema.skipped.isEmpty());
    m_skipped->setVisible(!schema.skipped.isEmpty());
    m_identity->setText(tr("Identity: the Zoho record id at %1. A deleted record becomes a row with %2 = true and "
                           "the deletion time at %3.")
                            .arg(schema.identity.xdmPath, schema.deletedFlagPath, schema.deletedTimePath));
}

// --- SyncSchedulePage ---

SyncSchedulePage::SyncSchedulePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_every(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_warning(plainLabel(this))
    , m_demoNote(plainLabel(this))
{
    setObjectName(QStringLiteral("syncSchedulePage"));
    setTitle(tr("Schedule"));
    setSubTitle(tr("This computer's scheduler runs the sync, also when the wizard is closed. A run sends what "
                   "changed in Zoho CRM since the last one, as one batch per module."));
    m_every->setObjectName(QStringLiteral("syncEverySpin"));
    m_every->setRange(1, 999);
    m_every->setValue(4);
    m_unit->setObjectName(QStringLiteral("syncEveryUnitCombo"));
    m_unit->addItem(tr("hours"), 60);
    m_unit->addItem(tr("minutes"), 1);
    m_unit->setAccessibleName(tr("Unit"));
    m_warning->setObjectName(QStringLiteral("syncGuardrailWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b00020"));
    m_demoNote->setObjectName(QStringLiteral("syncScheduleDemoNote"));
    m_demoNote->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_every);
    row->addWidget(m_unit);
    row->addStretch(1);
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("Run &every:"), this);
    label->setBuddy(m_every);
    form->addRow(label, row);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_demoNote);
    layout->addStretch(1);
    connect(m_every, &QSpinBox::valueChanged, this, &SyncSchedulePage::updateWarning);
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] {
        m_every->setMinimum(m_unit->currentData().toInt() == 1 ? 5 : 1);
        updateWarning();
    });
}

int SyncSchedulePage::everyMinutes() const
{
    return m_every->value() * m_unit->currentData().toInt();
}

void SyncSchedulePage::initializePage()
{
    const int minutes = m_context->controller()->syncEveryMinutes();
    if (minutes % 60 == 0) {
        m_unit->setCurrentIndex(0);
        m_every->setValue(minutes / 60);
    } else {
        m_unit->setCurrentIndex(1);
        m_every->setValue(minutes);
    }
    m_demoNote->setText(m_context->isDemo()
                            ? tr("Demo: the schedule is written but not turned on, since nothing serves the demo "
                                 "sandbox once the wizard is closed. Use Sync now on the last page instead.")
                            : QString());
    m_demoNote->setVisible(m_context->isDemo());
    updateWarning();
}

void SyncSchedulePage::updateWarning()
{
    // Every module of the profile can make one batch per run.
    const sync::SyncConfig config = sync::SyncConfig::fromJson(currentProfile(m_context).sync);
    const QString module = m_context->draft()->request().tablePath;
    const int modules = int(config.modules.size()) + (config.module(module) ? 0 : 1);
    const int minutes = everyMinutes();
    if (sync::SyncConfig::exceedsBatchGuardrail(minutes, modules)) {
        m_warning->setText(tr("Up to %1 batches a day: more than the %2 a day Experience Platform allows per sandbox. "
                              "Choose a longer interval.")
                               .arg(sync::SyncConfig::batchesPerDay(minutes, modules))
                               .arg(sync::SyncConfig::kMaxBatchesPerDay));
        m_warning->setVisible(true);
    } else {
        m_warning->clear();
        m_warning->setVisible(false);
    }
}

bool SyncSchedulePage::validatePage()
{
    m_context->controller()->setSyncEveryMinutes(everyMinutes());
    return true;
}

// --- SyncReviewPage ---

SyncReviewPage::SyncReviewPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_summary(plainLabel(this))
{
    setObjectName(QStringLiteral("syncReviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("Create makes these objects in Experience Platform, installs the schedule and runs the first "
                   "sync."));
    setButtonText(QWizard::NextButton, tr("&Create"));
    m_summary->setObjectName(QStringLiteral("syncReviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch(1);
}

void SyncReviewPage::initializePage()
{
    const setup::SetupRequest &draft = m_context->draft()->request();
    const int minutes = m_context->controller()->syncEveryMinutes();
    const QString module = draft.tablePath.toHtmlEscaped();
    QStringList items;
    items << tr("<b>Zoho CRM module:</b> %1 (%n field(s) read)", nullptr, int(draft.zohoFields.size())).arg(module);
    if (draft.dataSetId.isEmpty()) {
        items << tr("<b>XDM schema:</b> a new one made from the module's fields, with the Zoho record id as identity "
                    "and two fields that mark deleted records");
        items << tr("<b>Dataset:</b> a new one, \"%1\"").arg(draft.dataSetName.toHtmlEscaped());
    } else {
        items << tr("<b>Dataset:</b> the existing %1").arg(draft.dataSetId.toHtmlEscaped());
    }
    items << (m_context->isDemo()
                  ? tr("<b>Schedule:</b> %1, written to this computer's scheduler but not turned on (demo)")
                        .arg(everyText(minutes))
                  : tr("<b>Schedule:</b> %1, in this computer's scheduler").arg(everyText(minutes)));
    QString html = QStringLiteral("<ul><li>") + items.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>");
    html += tr("<p><b>What a run does:</b> it reads the %1 records changed in Zoho CRM since the last run (the first "
               "run reads them all) and those deleted since, turns them into XDM rows as on the Mapping page, and "
               "sends them to the dataset as one batch. It waits until Experience Platform has accepted the batch "
               "before it remembers how far it got, so a run that stops half-way is taken up by the next one: nothing "
               "is lost or sent twice. A run without changes sends nothing.</p>")
                .arg(module);
    m_summary->setText(html);
}

// --- SyncCreatePage ---

SyncCreatePage::SyncCreatePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_steps(new QTreeWidget(this))
    , m_run(new SyncRunView(this))
    , m_cancel(new QPushButton(tr("Cancel the &run"), this))
    , m_error(new ErrorPanel(this))
{
    setObjectName(QStringLiteral("syncCreatePage"));
    setTitle(tr("Create"));
    setSubTitle(tr("The schema and dataset are made, the schedule is installed, then the first sync loads every "
                   "record of the module. If a step fails, fix the cause and try again: nothing is made twice."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next"));
    m_steps->setObjectName(QStringLiteral("syncCreateSteps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Step"), tr("Status"), tr("Details")});
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const QString &label : {tr("Open the connection"), tr("Schema and dataset"), tr("Schedule"), tr("First sync")})
        new QTreeWidgetItem(m_steps, {label, tr("Waiting")});
    m_steps->setMaximumHeight(120);
    m_cancel->setObjectName(QStringLiteral("syncCancelButton"));
    m_cancel->setEnabled(false);
    m_error->setObjectName(QStringLiteral("syncCreateError"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addWidget(m_run, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    connect(m_error, &ErrorPanel::retryRequested, this, &SyncCreatePage::run);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_context->controller()->syncBackend()->cancel();
        m_cancel->setEnabled(false);
    });
}

void SyncCreatePage::initializePage()
{
    m_done = false;
    m_at = SessionStep;
    for (int i = 0; i < StepCount; ++i)
        setStep(Step(i), tr("Waiting"));
    run();
}

void SyncCreatePage::cleanupPage()
{
    delete m_guard;
    m_guard = nullptr;
    m_context->controller()->syncBackend()->cancel();
    m_busy = false;
}

bool SyncCreatePage::isComplete() const
{
    return m_done && !m_busy;
}

void SyncCreatePage::setStep(Step step, const QString &status, const QString &detail)
{
    QTreeWidgetItem *item = m_steps->topLevelItem(int(step));
    if (!item)
        return;
    item->setText(1, status);
    item->setText(2, detail);
}

void SyncCreatePage::stopped(Step step, const net::Error &error)
{
    m_busy = false;
    m_cancel->setEnabled(false);
    setStep(step, tr("Failed"));
    m_error->showError(error);
    emit completeChanged();
}

void SyncCreatePage::run()
{
    // A fresh context: answers for an earlier attempt go nowhere.
    delete m_guard;
    m_guard = new QObject(this);
    m_busy = true;
    m_done = false;
    m_error->clear();
    emit completeChanged();
    SyncBackend *backend = m_context->controller()->syncBackend();
    // Each step continues from where the last attempt stopped (the set-up itself is resumable).
    if (m_at > SessionStep && backend->session()) {
        if (m_at == SetupStep)
            setUp();
        else if (m_at == ScheduleStep)
            installSchedule();
        else
            firstRun();
        return;
    }
    m_at = SessionStep;
    setStep(SessionStep, tr("Running"));
    backend->openSession(m_context->services(), m_context->controller()->profileSession(), m_guard,
                         [this](account::ProfileSession *, const net::Error &error) {
                             if (error) {
                                 stopped(SessionStep, error);
                                 return;
                             }
                             setStep(SessionStep, tr("Done"), m_context->services()->profileName());
                             m_at = SetupStep;
                             setUp();
                         });
}

void SyncCreatePage::setUp()
{
    SyncBackend *backend = m_context->controller()->syncBackend();
    setStep(SetupStep, tr("Running"));
    m_run->begin(tr("Making the schema and dataset…"));
    const setup::SetupRequest &draft = m_context->draft()->request();
    SyncBackend::SetupRequest request;
    request.module = draft.tablePath;
    request.columns = draft.columns;
    request.zohoFields = draft.zohoFields;
    request.newDataSetName = draft.dataSetId.isEmpty() ? draft.dataSetName : QString();
    request.existingDataSetId = draft.dataSetId;
    request.everyMinutes = m_context->controller()->syncEveryMinutes();
    connect(backend, &SyncBackend::setupProgress, m_guard, [this](const QString &label, int done, int total) {
        setStep(SetupStep, tr("Running"), tr("%1 (%2 of %3)").arg(label).arg(done).arg(total));
        m_run->label()->setText(label);
    });
    connect(backend, &SyncBackend::setupFinished, m_guard,
            [this, backend](const sync::SyncModuleConfig &module, const net::Error &error) {
                disconnect(backend, nullptr, m_guard, nullptr);
                if (error) {
                    stopped(SetupStep, error);
                    return;
                }
                setStep(SetupStep, tr("Done"), tr("schema %1, dataset %2").arg(module.schemaId, module.dataSetId));
                m_at = ScheduleStep;
                installSchedule();
            });
    backend->setUp(request);
}

void SyncCreatePage::installSchedule()
{
    SyncBackend *backend = m_context->controller()->syncBackend();
    setStep(ScheduleStep, tr("Running"));
    WizardServices *services = m_context->services();
    QStringList args;
    if (!m_context->endpointsFile().isEmpty())
        args << QStringLiteral("--endpoints") << m_context->endpointsFile();
    args << QStringLiteral("--config-dir") << services->profiles()->configDir() << QStringLiteral("--profile")
         << services->profileName();
    // Nothing serves the demo's in-process sandbox once the wizard closes: written, not enabled.
    const bool enable = !m_context->isDemo();
    connect(backend, &SyncBackend::scheduleFinished, m_guard,
            [this, backend, enable](const SyncBackend::ScheduleResult &result) {
                disconnect(backend, nullptr, m_guard, nullptr);
                if (result.error) {
                    stopped(ScheduleStep, result.error);
                    return;
                }
                const int minutes = m_context->controller()->syncEveryMinutes();
                QString detail = enable ? tr("%1, turned on").arg(everyText(minutes))
                                        : tr("%1, written but not turned on (demo)").arg(everyText(minutes));
                if (!result.warning.isEmpty())
                    detail += QStringLiteral(" – ") + result.warning;
                setStep(ScheduleStep, tr("Done"), detail);
                m_at = RunStep;
                firstRun();
            });
    backend->installSchedule(services->profileName(), args, m_context->controller()->syncEveryMinutes(), enable);
}

void SyncCreatePage::firstRun()
{
    SyncBackend *backend = m_context->controller()->syncBackend();
    setStep(RunStep, tr("Running"));
    m_run->begin(tr("The first sync reads every %1 record…").arg(m_context->draft()->request().tablePath));
    m_cancel->setEnabled(true);
    connect(backend, &SyncBackend::runProgress, m_guard,
            [this](const sync::SyncProgress &p) { m_run->showProgress(p); });
    connect(backend, &SyncBackend::runFinished, m_guard, [this, backend](const sync::RunReport &report) {
        disconnect(backend, nullptr, m_guard, nullptr);
        m_cancel->setEnabled(false);
        m_busy = false;
        m_run->showReport(report);
        if (report.error) {
            setStep(RunStep, tr("Failed"));
            m_error->showError(report.error);
        } else {
            QStringList parts;
            for (const sync::ModuleReport &m : report.modules)
                parts << SyncRunView::moduleSummary(m);
            setStep(RunStep, report.ok() ? tr("Done") : tr("Needs attention"), parts.join(QStringLiteral("; ")));
        }
        // The objects exist and the schedule is in place: Done shows the run, whatever it did.
        m_done = true;
        emit completeChanged();
    });
    backend->setLagSeconds(m_context->isDemo() ? 0 : -1);
    backend->run(m_context->draft()->request().tablePath);
}

// --- SyncDonePage ---

SyncDonePage::SyncDonePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_objects(plainLabel(this))
    , m_health(plainLabel(this))
    , m_run(new SyncRunView(this))
    , m_history(new QTreeWidget(this))
    , m_syncNow(new QPushButton(tr("&Sync now"), this))
    , m_cancel(new QPushButton(tr("Cancel the &run"), this))
    , m_change(new QPushButton(tr("Change demo data in &Zoho"), this))
    , m_status(new PageStatus(this, QStringLiteral("syncDoneStatus")))
{
    setObjectName(QStringLiteral("syncDonePage"));
    setTitle(tr("Sync from this computer"));
    setFinalPage(true);
    m_objects->setObjectName(QStringLiteral("syncObjects"));
    m_objects->setWordWrap(true);
    m_objects->setTextFormat(Qt::RichText);
    m_objects->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_health->setObjectName(QStringLiteral("syncHealth"));
    m_health->setWordWrap(true);
    m_history->setObjectName(QStringLiteral("syncHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setColumnCount(6);
    m_history->setHeaderLabels({tr("Finished"), tr("Module"), tr("Records"), tr("Deleted"), tr("Status"), tr("Batch")});
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_cancel->setObjectName(QStringLiteral("syncCancelButton"));
    m_cancel->setEnabled(false);
    m_change->setObjectName(QStringLiteral("changeDemoDataButton"));
    m_change->setToolTip(tr("Adds 3 leads, edits one and deletes one in the demo's Zoho CRM, so the next sync has "
                            "something to send."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_change);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_objects);
    layout->addWidget(m_health);
    layout->addLayout(buttons);
    layout->addWidget(m_run);
    layout->addWidget(new QLabel(tr("Last runs:"), this));
    layout->addWidget(m_history, 1);
    m_status->addTo(layout);
    connect(m_syncNow, &QPushButton::clicked, this, &SyncDonePage::syncNow);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_context->controller()->syncBackend()->cancel();
        m_cancel->setEnabled(false);
    });
    connect(m_change, &QPushButton::clicked, this, &SyncDonePage::changeDemoData);
}

void SyncDonePage::initializePage()
{
    m_change->setVisible(m_context->isDemo());
    m_run->clear();
    m_run->setVisible(false);
    SyncBackend *backend = m_context->controller()->syncBackend();
    if (!backend->session()) {
        // A saved sync opened from the welcome page (Manage): its session is the controller's.
        backend->openSession(m_context->services(), m_context->controller()->profileSession(), m_status->guard(),
                             [this](account::ProfileSession *, const net::Error &error) {
                                 if (error)
                                     m_status->fail(error, false);
                                 showState();
                             });
        return;
    }
    // The first run's result, just shown by Create.
    const store::Profile profile = currentProfile(m_context);
    if (const auto last = historyOf(m_context, profile).lastRun()) {
        m_run->setVisible(true);
        m_run->showReport(*last);
    }
    showState();
}

void SyncDonePage::cleanupPage()
{
    m_context->controller()->syncBackend()->cancel();
    m_status->cancel();
}

bool SyncDonePage::isComplete() const
{
    return !m_running;
}

void SyncDonePage::showState()
{
    const store::Profile profile = currentProfile(m_context);
    const sync::SyncConfig config = sync::SyncConfig::fromJson(profile.sync);
    const SyncBackend::ScheduleResult schedule = SyncBackend::scheduleInfo(profile.name);
    QStringList items;
    for (const sync::SyncModuleConfig &m : config.modules)
        items << tr("<b>%1</b> → dataset %2 (schema %3)")
                     .arg(m.module.toHtmlEscaped(), m.dataSetId.toHtmlEscaped(), m.schemaId.toHtmlEscaped());
    QString scheduleText;
    if (!schedule.installed)
        scheduleText = tr("no schedule installed");
    else if (schedule.enabled)
        scheduleText =
            tr("%1, turned on").arg(everyText(schedule.everyMinutes > 0 ? schedule.everyMinutes : config.everyMinutes));
    else
        scheduleText =
            m_context->isDemo()
                ? tr("%1, written but not turned on: nothing serves the demo sandbox once the wizard is "
                     "closed, so use Sync now")
                      .arg(everyText(schedule.everyMinutes > 0 ? schedule.everyMinutes : config.everyMinutes))
                : tr("%1, written but not turned on").arg(everyText(config.everyMinutes));
    QString html = tr("<p>Connection <b>%1</b> syncs from this computer:</p>").arg(profile.name.toHtmlEscaped());
    html += QStringLiteral("<ul><li>") + items.join(QStringLiteral("</li><li>")) + QStringLiteral("</li><li>") +
            tr("Schedule: %1").arg(scheduleText.toHtmlEscaped()) + QStringLiteral("</li></ul>");
    if (!schedule.files.isEmpty())
        html += tr("<p>Scheduler files: %1</p>").arg(schedule.files.join(QStringLiteral(", ")).toHtmlEscaped());
    m_objects->setText(html);

    // Health: the last run of each module; a failed one, or none for two intervals, needs attention.
    const sync::SyncHistory history = historyOf(m_context, profile);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList attention;
    for (const sync::SyncModuleConfig &m : config.modules) {
        const auto last = history.lastRun(m.module);
        if (sync::SyncHistory::needsAttention(last, config.everyMinutes, profile.created, now))
            attention << (last ? tr("%1: the last run did not succeed (%2)")
                                     .arg(m.module, SyncRunView::statusText(last->report.status))
                               : tr("%1: no run for two intervals").arg(m.module));
    }
    m_health->setText(attention.isEmpty() ? tr("Health: fine.")
                                          : tr("Needs attention: %1. Run Sync now, or see the last runs below.")
                                                .arg(attention.join(QStringLiteral("; "))));
    m_health->setStyleSheet(attention.isEmpty() ? QString() : QStringLiteral("color: #b00020"));

    m_history->clear();
    const QList<sync::RunReport> runs = history.runs(20);
    for (const sync::RunReport &run : runs) {
        const QString at = QLocale().toString(run.finished.toLocalTime(), QLocale::ShortFormat);
        if (run.modules.isEmpty()) {
            new QTreeWidgetItem(m_history, {at, QString(), QString(), QString(),
                                            run.lockHeld ? tr("another run was busy") : run.error.message, QString()});
            continue;
        }
        for (const sync::ModuleReport &m : run.modules)
            new QTreeWidgetItem(m_history, {at, m.module, number(m.recordsRead), number(m.tombstones),
                                            SyncRunView::statusText(m.status), m.batchId});
    }
    m_syncNow->setEnabled(!m_running && !config.isEmpty() && m_context->controller()->syncBackend()->session());
}

void SyncDonePage::syncNow()
{
    SyncBackend *backend = m_context->controller()->syncBackend();
    if (m_running || !backend->session())
        return;
    m_running = true;
    m_syncNow->setEnabled(false);
    m_change->setEnabled(false);
    m_cancel->setEnabled(true);
    m_run->setVisible(true);
    m_run->begin(tr("Syncing…"));
    m_status->clearError();
    m_status->label()->clear();
    emit completeChanged();
    QObject *guard = m_status->guard();
    connect(backend, &SyncBackend::runProgress, guard, [this](const sync::SyncProgress &p) { m_run->showProgress(p); });
    connect(backend, &SyncBackend::runFinished, guard, [this, backend, guard](const sync::RunReport &report) {
        disconnect(backend, nullptr, guard, nullptr);
        m_running = false;
        m_cancel->setEnabled(false);
        m_change->setEnabled(true);
        m_run->showReport(report);
        showState();
        emit completeChanged();
    });
    backend->setLagSeconds(m_context->isDemo() ? 0 : -1);
    backend->run();
}

void SyncDonePage::changeDemoData()
{
    if (!m_context->isDemo())
        return;
    m_change->setEnabled(false);
    m_status->begin(tr("Changing the demo's Zoho CRM data…"));
    // Two leads to edit and delete: the first ones Zoho CRM lists.
    m_changeCatalogue = SyncBackend::zohoCatalogue(m_context->services());
    m_changeCatalogue->preview(
        QStringLiteral("Leads"), 2, m_status->guard(),
        [this](const catalogue::Preview &preview, const net::Error &error) {
            if (error || preview.rows.size() < 2) {
                m_change->setEnabled(true);
                m_status->fail(error ? error
                                     : net::Error::make(net::ErrorCategory::Input,
                                                        tr("The demo's Zoho CRM has fewer than two leads to change.")));
                return;
            }
            const QString login = currentProfile(m_context).zoho.value(QStringLiteral("email")).toString();
            const QString editId = preview.rows.at(0).value(QStringLiteral("id")).toVariant().toString();
            const QString deleteId = preview.rows.at(1).value(QStringLiteral("id")).toVariant().toString();
            m_context->demo()->changeZohoData(
                m_context->services()->http(), login, editId, deleteId, m_status->guard(),
                [this](const QString &failed) {
                    m_change->setEnabled(true);
                    if (!failed.isEmpty()) {
                        m_status->failInput(failed);
                        return;
                    }
                    m_status->finish(tr("In Zoho CRM: 3 leads added, 1 edited, 1 deleted. Sync now sends them."));
                });
        });
}

} // namespace zaw
