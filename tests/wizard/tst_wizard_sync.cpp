// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard in direct-sync mode against its own demo sandbox acting as a 2026 organisation,
// clicked through like a user: the first page's switch, the retired source explained on Source
// account with "Sync from this computer", Select data listing Zoho CRM's modules, the local
// mapping, the schedule (default every 4 hours), Create making the schema and dataset, writing the
// schedule without enabling it (demo) and loading every Lead with a progress bar, Done showing the
// first run; then "Change demo data in Zoho" and "Sync now" bring 1 edit + 3 adds and 1 deletion.
#include "TestHttp.h"
#include "WizardDriver.h"
#include "store/ProfileStore.h"
#include "sync/Schedule.h"
#include "sync/SyncConfig.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/ErrorPanel.h"
#include "wizard/WizardContext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace zaw;
using namespace Qt::StringLiterals;

namespace {

struct Run : test::DemoRun
{
    QObject guard;

    // What the sign-in page stores: the account in the profile, the secrets in the keychain.
    void storeSignIn(const QString &login)
    {
        store::Profile *p = context.services()->profile();
        bool done = false;
        context.services()->zohoFlow()->store(context.services()->profiles(), secrets, p, &guard,
                                              [&done](const QString &, const store::SecretResult &) { done = true; });
        QVERIFY2(QTest::qWaitFor([&done] { return done; }, 10000), "the sign-in was not stored within 10 s");
        p->zoho.insert(u"dc"_s, u"us"_s);
        p->zoho.insert(u"clientId"_s, context.services()->zohoFlow()->session().clientId);
        p->zoho.insert(u"clientType"_s, u"server"_s);
        p->zoho.insert(u"environment"_s, u"production"_s);
        p->zoho.insert(u"email"_s, login);
        p->zoho.insert(u"redirectUri"_s, context.demo()->credentials()["zoho"].toObject()["redirectUri"].toString());
        QString error;
        context.services()->profiles()->save(*p, &error);
    }

    // Zoho's own count of a module's records.
    qint64 zohoCount(const QString &module)
    {
        const zoho::ZohoSession &s = context.services()->zohoFlow()->session();
        const QUrl u = Endpoints::join(s.apiDomain, u"crm/v8/%1/actions/count"_s.arg(module));
        const test::HttpResult r = http.get(u, {{"Authorization", "Zoho-oauthtoken " + s.accessToken.toUtf8()}});
        if (r.status != 200)
            qWarning() << u << r.status << r.body;
        return r.status == 200 ? qint64(r.object().value(u"count"_s).toDouble()) : -1;
    }
    // Rows in the AEP dataset, as the sandbox keeps them.
    qint64 datasetRows(const QString &dataSetId)
    {
        QUrl u = url(u"/_sandbox/adobe/datasets/%1/rows"_s.arg(dataSetId));
        u.setQuery(u"countOnly=true"_s);
        const test::HttpResult r = http.get(u);
        return r.status == 200 ? qint64(r.object().value(u"count"_s).toDouble()) : -1;
    }
    // What the Create page shows: its steps and its error.
    QString createState()
    {
        QStringList lines;
        if (auto *steps = find<QTreeWidget>(u"syncCreateSteps"_s))
            for (int i = 0; i < steps->topLevelItemCount(); ++i)
                lines << steps->topLevelItem(i)->text(0) + u": "_s + steps->topLevelItem(i)->text(1) + u" "_s +
                             steps->topLevelItem(i)->text(2);
        if (auto *error = find<ErrorPanel>(u"syncCreateError"_s))
            lines << error->message();
        if (auto *text = find<QLabel>(u"syncProgressText"_s))
            lines << text->text();
        return lines.join(u'\n');
    }
    sync::SyncConfig syncConfig()
    {
        QString error;
        const auto p = context.services()->profiles()->load(context.services()->profileName(), &error);
        return p ? sync::SyncConfig::fromProfile(*p) : sync::SyncConfig();
    }
    // The run result's line of a module: records, deleted, batch, status, failed rows.
    QStringList resultRow(const QString &module)
    {
        auto *tree = find<QTreeWidget>(u"syncRunResult"_s);
        for (int i = 0; tree && i < tree->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = tree->topLevelItem(i);
            if (item->text(0) == module)
                return {item->text(1), item->text(2), item->text(3), item->text(4), item->text(5)};
        }
        return {};
    }
};

// With ZAW_SHOT_DIR set (a look at the pages under Xvfb): the window as it is now.
void shot(test::DemoRun &run, const QString &name)
{
    const QString dir = qEnvironmentVariable("ZAW_SHOT_DIR");
    if (dir.isEmpty() || !run.wizard)
        return;
    QDir().mkpath(dir);
    QTest::qWait(200);
    run.wizard->grab().save(dir + u"/"_s + name + u".png"_s);
}

qint64 number(const QString &text)
{
    return QLocale().toLongLong(text);
}

} // namespace

class TestWizardSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The schedule's files go here, not into the real home.
        QVERIFY(m_xdg.isValid());
        qputenv("XDG_CONFIG_HOME", m_xdg.path().toUtf8());
    }

    void demoIn2026SyncsFromThisComputer()
    {
        Run run;
        run.signIn();
        run.storeSignIn(u"ana.lima@example.com"_s);

        // The first page: act like a 2026 organisation.
        run.newWizard(ConnectionWizard::WelcomePageId);
        auto *retired = run.find<QCheckBox>(u"retiredSourceDemoCheck"_s);
        QVERIFY(retired);
        QTRY_VERIFY(retired->isVisible());
        retired->setChecked(true);
        shot(run, u"01-welcome-2026"_s);
        QVERIFY2(run.context.demo()->isRetiredZohoSource(), "the demo sandbox did not switch");
        QVERIFY(retired->isChecked());
        run.newWizard(ConnectionWizard::WelcomePageId); // the window again: the switch shows the sandbox's state
        QTRY_VERIFY(run.find<QCheckBox>(u"retiredSourceDemoCheck"_s)->isChecked());

        run.newWizard(ConnectionWizard::AdobeCredentialsPageId);
        QVERIFY(test::walkSetupTo(*run.wizard, ConnectionWizard::SourceAccountPageId));
        // The retired source is said plainly, and sync is offered (and chosen).
        auto *note = run.find<QLabel>(u"retiredSourceNote"_s);
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 15000);
        QVERIFY2(note->text().contains(u"retired"_s) && note->text().contains(u"June 2025"_s),
                 qPrintable(note->text()));
        auto *syncRadio = run.find<QRadioButton>(u"syncModeRadio"_s);
        QVERIFY(syncRadio->isChecked());
        QVERIFY(!run.find<QRadioButton>(u"newConnectionRadio"_s)->isEnabled());
        shot(run, u"02-source-account-retired"_s);
        QTRY_VERIFY(run.canAdvance());
        QVERIFY(run.advanceTo(ConnectionWizard::SelectDataPageId));
        QVERIFY(run.context.controller()->isSyncMode());
        QCOMPARE(run.requests("POST", u"flowservice/connections$"_s), 0); // no base connection in sync mode

        // Select data lists Zoho CRM's modules (read from Zoho, not through explore).
        auto *modules = run.find<QListWidget>(u"moduleList"_s);
        QTRY_VERIFY_WITH_TIMEOUT(modules->count() > 0, 15000);
        QStringList names;
        for (int i = 0; i < modules->count(); ++i)
            names << modules->item(i)->data(Qt::UserRole).toString();
        QVERIFY2(names.contains(u"Leads"_s) && names.contains(u"Contacts"_s), qPrintable(names.join(u',')));
        QCOMPARE(run.requests("GET", u"flowservice/connections/.*/explore"_s), 0);
        shot(run, u"03-select-data"_s);
        // Target: a new dataset; the sandbox's other datasets were not made for a sync.
        QVERIFY(test::walkSetupTo(*run.wizard, ConnectionWizard::TargetPageId));
        QTRY_VERIFY_WITH_TIMEOUT(run.canAdvance(), 15000);
        QVERIFY(run.find<QRadioButton>(u"newDataSetRadio"_s)->isChecked());
        QVERIFY(!run.find<QRadioButton>(u"existingDataSetRadio"_s)->isEnabled());
        QVERIFY(test::walkSetupTo(*run.wizard, ConnectionWizard::SyncMappingPageId));
        QVERIFY(run.find<QTableWidget>(u"syncMappingTable"_s)->rowCount() > 3);
        shot(run, u"04-sync-mapping"_s);
        QVERIFY(run.advanceTo(ConnectionWizard::SyncSchedulePageId));
        QCOMPARE(run.find<QSpinBox>(u"syncEverySpin"_s)->value(), 4); // every 4 hours by default
        // Every 10 minutes would pass AEP's 90 batches a day: said before anything is made.
        auto *unit = run.find<QComboBox>(u"syncEveryUnitCombo"_s);
        auto *every = run.find<QSpinBox>(u"syncEverySpin"_s);
        auto *warning = run.find<QLabel>(u"syncGuardrailWarning"_s);
        QVERIFY(warning->isHidden());
        unit->setCurrentIndex(unit->findData(1));
        every->setValue(10);
        QVERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(u"90"_s), qPrintable(warning->text()));
        unit->setCurrentIndex(unit->findData(60));
        every->setValue(4);
        QVERIFY(warning->isHidden());
        shot(run, u"05-sync-schedule"_s);
        QVERIFY(run.advanceTo(ConnectionWizard::SyncReviewPageId));
        const QString review = run.find<QLabel>(u"syncReviewSummary"_s)->text();
        QVERIFY2(review.contains(u"Dataset"_s) && review.contains(u"not turned on"_s), qPrintable(review));
        shot(run, u"06-sync-review"_s);

        // Create: schema + dataset, the schedule written, the first run loads every Lead.
        QVERIFY(run.advanceTo(ConnectionWizard::SyncCreatePageId));
        auto *bar = run.find<QProgressBar>(u"syncProgress"_s);
        QVERIFY2(QTest::qWaitFor([&run] { return run.canAdvance(); }, 60000), qPrintable(run.createState()));
        QCOMPARE(bar->value(), bar->maximum());
        shot(run, u"07-sync-create"_s);
        const sync::SyncConfig config = run.syncConfig();
        QVERIFY(config.module(u"Leads"_s));
        const QString dataSetId = config.module(u"Leads"_s)->dataSetId;
        QVERIFY(!dataSetId.isEmpty() && !config.module(u"Leads"_s)->schemaId.isEmpty());
        const qint64 zohoLeads = run.zohoCount(u"Leads"_s);
        QVERIFY(zohoLeads > 0);
        QVERIFY(run.advanceTo(ConnectionWizard::SyncDonePageId));
        QStringList row = run.resultRow(u"Leads"_s);
        QVERIFY2(row.size() == 5, "Done shows no line for Leads");
        QCOMPARE(number(row.at(0)), zohoLeads);
        QCOMPARE(row.at(3), u"success"_s);
        QVERIFY(!row.at(2).isEmpty()); // the batch id
        QCOMPARE(run.datasetRows(dataSetId), zohoLeads);
        shot(run, u"08-sync-done"_s);

        // The schedule: written, not enabled (demo).
        const sync::ScheduleInfo schedule = sync::Schedule().show(run.context.services()->profileName());
        QVERIFY(schedule.installed);
        QVERIFY(!schedule.enabled);
        for (const QString &file : schedule.files)
            QVERIFY2(file.startsWith(m_xdg.path()), qPrintable(file));
        QVERIFY(run.find<QLabel>(u"syncObjects"_s)->text().contains(u"not turned on"_s));

        // A change in Zoho, then Sync now: the edit, the adds and the deletion arrive.
        auto *change = run.find<QPushButton>(u"changeDemoDataButton"_s);
        QVERIFY(change->isVisible());
        QTest::mouseClick(change, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(run.find<QLabel>(u"syncDoneStatus"_s)->text().contains(u"3 leads added"_s), 10000);
        // A run reads up to the last whole second (Zoho's times have no fraction): a person takes
        // longer than that to reach the button.
        QTest::qWait(1100);
        auto *syncNow = run.find<QPushButton>(u"syncNowButton"_s);
        QVERIFY(syncNow->isEnabled());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(syncNow->isEnabled(), 60000);
        row = run.resultRow(u"Leads"_s);
        QVERIFY(row.size() == 5);
        QCOMPARE(number(row.at(0)), 4); // 1 edit + 3 adds
        QCOMPARE(number(row.at(1)), 1); // 1 tombstone
        QCOMPARE(row.at(3), u"success"_s);
        QCOMPARE(run.find<QTreeWidget>(u"syncHistory"_s)->topLevelItemCount(), 2);
        shot(run, u"09-sync-now"_s);

        // The dashboard: the connection's details show the sync's last run; Manage opens its page.
        run.newWizard(ConnectionWizard::WelcomePageId);
        auto *profiles = run.find<QTreeWidget>(u"savedProfiles"_s);
        QTRY_VERIFY_WITH_TIMEOUT(profiles->topLevelItemCount() > 0, 15000);
        profiles->setCurrentItem(profiles->topLevelItem(0));
        auto *details = run.find<QLabel>(u"profileDetails"_s);
        QTRY_VERIFY_WITH_TIMEOUT(details->text().contains(u"Sync of Leads from this computer: last run"_s), 15000);
        auto *manage = run.find<QPushButton>(u"manageButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(manage->isEnabled(), 15000);
        QTest::mouseClick(manage, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(run.wizard->currentId(), int(ConnectionWizard::SyncDonePageId), 15000);
        QCOMPARE(run.find<QTreeWidget>(u"syncHistory"_s)->topLevelItemCount(), 2);
        QVERIFY(run.find<QLabel>(u"syncHealth"_s)->text().contains(u"fine"_s));
        QTRY_VERIFY(run.find<QPushButton>(u"syncNowButton"_s)->isEnabled());
        shot(run, u"10-manage-sync"_s);

        // Sync now, cancelled at once: the run stops, says so, and the page can sync again.
        QTest::mouseClick(run.find<QPushButton>(u"syncNowButton"_s), Qt::LeftButton);
        auto *cancel = run.find<QPushButton>(u"syncCancelButton"_s);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(run.find<QPushButton>(u"syncNowButton"_s)->isEnabled(), 30000);
        QVERIFY(!cancel->isEnabled());
        const QString stopped = run.find<QLabel>(u"syncProgressText"_s)->text();
        QVERIFY2(stopped.contains(u"stopped"_s), qPrintable(stopped + run.resultRow(u"Leads"_s).join(u"|"_s) +
                                                            run.find<QProgressBar>(u"syncProgress"_s)->format()));
    }

    // With the Zoho CRM source still offered, a user may choose to sync from this computer anyway.
    void syncChosenOnPurpose()
    {
        Run run;
        run.signIn();
        run.storeSignIn(u"ana.lima@example.com"_s);
        run.newWizard(ConnectionWizard::AdobeCredentialsPageId);
        QVERIFY(test::walkSetupTo(*run.wizard, ConnectionWizard::SourceAccountPageId));
        QTRY_VERIFY_WITH_TIMEOUT(run.canAdvance(), 15000); // the spec is there: a source account could be made
        QVERIFY(!run.find<QLabel>(u"retiredSourceNote"_s)->isVisible());
        QVERIFY(run.find<QRadioButton>(u"newConnectionRadio"_s)->isChecked());
        run.find<QRadioButton>(u"syncModeRadio"_s)->setChecked(true);
        QVERIFY(run.advanceTo(ConnectionWizard::SelectDataPageId));
        QVERIFY(run.context.controller()->isSyncMode());
        QCOMPARE(run.requests("POST", u"flowservice/connections$"_s), 0);
        QTRY_VERIFY_WITH_TIMEOUT(run.find<QListWidget>(u"moduleList"_s)->count() > 0, 15000);
        QCOMPARE(run.requests("GET", u"flowservice/connections/.*/explore"_s), 0);
        // Back, and the dataflow path again: Select data reads through Experience Platform then.
        run.wizard->back();
        QCOMPARE(run.wizard->currentId(), int(ConnectionWizard::SourceAccountPageId));
        QVERIFY(run.find<QRadioButton>(u"syncModeRadio"_s)->isChecked());
    }

private:
    QTemporaryDir m_xdg;
};

QTEST_MAIN(TestWizardSync)
#include "tst_wizard_sync.moc"
