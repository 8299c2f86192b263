// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SyncBackend.h"
#include "sync/SyncReport.h"

#include <QWidget>
#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace zaw {

class ErrorPanel;
class PageStatus;
class WizardContext;

// A run of the direct sync as the user sees it: a progress bar (records read, files uploaded,
// the batch's status in Experience Platform) and, once finished, one line per module.
class SyncRunView : public QWidget
{
    Q_OBJECT

public:
    explicit SyncRunView(QWidget *parent = nullptr);

    void begin(const QString &text);
    void showProgress(const sync::SyncProgress &progress);
    void showReport(const sync::RunReport &report);
    void clear();

    QProgressBar *progressBar() const { return m_progress; }
    QLabel *label() const { return m_label; }
    QTreeWidget *result() const { return m_result; }

    // "1,234 records read, 1 deleted; batch 01H… success" for a module.
    static QString moduleSummary(const sync::ModuleReport &module);
    static QString statusText(const QString &status);

private:
    QProgressBar *m_progress;
    QLabel *m_label;
    QTreeWidget *m_result;
};

// Direct sync: the local transformation, Zoho field → XDM path and type, and the fields left out.
class SyncMappingPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SyncMappingPage(WizardContext *context, QWidget *parent = nullptr);
    void initializePage() override;

private:
    WizardContext *m_context;
    QLabel *m_intro;
    QTableWidget *m_fields;
    QTableWidget *m_skipped;
    QLabel *m_skippedLabel = nullptr;
    QLabel *m_identity;
};

// Direct sync: how often the operating system's scheduler runs the sync.
class SyncSchedulePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SyncSchedulePage(WizardContext *context, QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    int everyMinutes() const;

private:
    void updateWarning();

    WizardContext *m_context;
    QSpinBox *m_every;
    QComboBox *m_unit;
    QLabel *m_warning;
    QLabel *m_demoNote;
};

// Direct sync: what Create makes and what a run does.
class SyncReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SyncReviewPage(WizardContext *context, QWidget *parent = nullptr);
    void initializePage() override;

private:
    WizardContext *m_context;
    QLabel *m_summary;
};

// Direct sync: makes the schema and dataset, installs the schedule and runs the first sync.
class SyncCreatePage : public QWizardPage
{
    Q_OBJECT

public:
    enum Step { SessionStep, SetupStep, ScheduleStep, RunStep, StepCount };

    explicit SyncCreatePage(WizardContext *context, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void run();
    void setUp();
    void installSchedule();
    void firstRun();
    void setStep(Step step, const QString &status, const QString &detail = {});
    void stopped(Step step, const net::Error &error);

    WizardContext *m_context;
    QTreeWidget *m_steps;
    SyncRunView *m_run;
    QPushButton *m_cancel;
    ErrorPanel *m_error;
    QObject *m_guard = nullptr;
    Step m_at = SessionStep;
    bool m_busy = false;
    bool m_done = false;
};

// Direct sync's own page for a profile: the objects, the schedule, the last runs with their
// health, "Sync now" (with progress) and, in the demo, "Change demo data in Zoho". The Done page
// of a new sync and the Manage page of a saved one.
class SyncDonePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SyncDonePage(WizardContext *context, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void showState();
    void syncNow();
    void changeDemoData();

    WizardContext *m_context;
    QLabel *m_objects;
    QLabel *m_health;
    SyncRunView *m_run;
    QTreeWidget *m_history;
    QPushButton *m_syncNow;
    QPushButton *m_cancel;
    QPushButton *m_change;
    PageStatus *m_status;
    std::unique_ptr<catalogue::SourceCatalogue> m_changeCatalogue; // reads the leads the demo changes
    bool m_running = false;
};

} // namespace zaw
