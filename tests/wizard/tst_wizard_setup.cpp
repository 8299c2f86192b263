// SPDX-License-Identifier: GPL-3.0-or-later
// The AEP half of the wizard against its own demo sandbox, clicked through like a user: Adobe
// credential → source account → module → target → mapping → dataflow → review → create → done,
// with a new and with an existing dataset; a failure injected at every creation step and Try
// again (no duplicates, counted in the sandbox's request log); a reply lost after the object was
// stored; the retired-source message; the schedule rules as typed; the review without secrets and
// the exported script.
#include "ConsentDriver.h"
#include "TestHttp.h"
#include "WizardDriver.h"
#include "adobe/FlowServiceClient.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/ErrorPanel.h"
#include "wizard/WizardContext.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace zaw;
using namespace Qt::StringLiterals;
using Step = setup::SetupPlan::Step;

namespace {

QString routeOf(Step step)
{
    return test::DemoRun::routeOf(step);
}

// A demo run signed in to Zoho, starting at the Adobe credential page.
struct Run : test::DemoRun
{
    Run()
    {
        signIn();
        newWizard(ConnectionWizard::AdobeCredentialsPageId);
    }
};

} // namespace

class TestWizardSetup : public QObject
{
    Q_OBJECT

private slots:
    void newDataSetFromCredentialToFirstRun();
    void existingDataSetIsMappedAndValidated();
    void failureAtEachStepThenTryAgain_data();
    void failureAtEachStepThenTryAgain();
    void lostReplyIsFoundNotMadeTwice();
    void retiredSourceIsExplained();
    void scheduleRulesAsTyped();
    void reviewHidesSecretsAndExportsAScript();
    void goingBackToAnotherModuleRemakesWhatDependsOnIt();

private:
    // From the credential page to the given page, choosing the module (and an existing dataset).
    bool walkTo(Run &run, int pageId, const QString &module = u"Leads"_s, const QString &existingDataSet = {});
};

bool TestWizardSetup::walkTo(Run &run, int pageId, const QString &module, const QString &existingDataSet)
{
    return test::walkSetupTo(*run.wizard, pageId, module, existingDataSet);
}

void TestWizardSetup::newDataSetFromCredentialToFirstRun()
{
    Run run;
    QVERIFY(walkTo(run, ConnectionWizard::MappingPageId));
    auto *mapping = run.find<QTableWidget>(u"mappingTable"_s);
    QTRY_VERIFY(mapping->rowCount() > 10);
    QVERIFY(run.find<QLabel>(u"mappingProblems"_s)->text().isEmpty());
    QVERIFY(run.advanceTo(ConnectionWizard::DataflowPageId));
    QCOMPARE(run.find<QComboBox>(u"deltaColumnCombo"_s)->currentText(), u"Modified_Time"_s);
    QVERIFY(run.advanceTo(ConnectionWizard::ReviewPageId));
    QCOMPARE(run.find<QTreeWidget>(u"reviewObjects"_s)->topLevelItemCount(), 7);
    QVERIFY(run.advanceTo(ConnectionWizard::CreatePageId));
    QVERIFY(run.advanceTo(ConnectionWizard::DonePageId, 30000));

    // One of each, and the IDs on the Done page.
    for (Step s : setup::SetupPlan::steps())
        QCOMPARE(run.posts(s, true), 1);
    const QString flowId = run.context.controller()->plan()->objectId(Step::Flow);
    QVERIFY(!flowId.isEmpty());
    QVERIFY(run.find<QLabel>(u"doneIds"_s)->text().contains(flowId));
    QTRY_COMPARE(run.find<QLabel>(u"flowState"_s)->text(), u"Enabled"_s);
    QTRY_VERIFY(run.find<QLabel>(u"firstRun"_s)->text().contains(u"due at"_s));

    // The demo's "Run now": the run shows while it runs, then its figures (the sandbox's Leads: 460).
    QTest::mouseClick(run.find<QPushButton>(u"runNowButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(run.find<QLabel>(u"firstRun"_s)->text().startsWith(u"Running"_s), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(run.find<QLabel>(u"firstRun"_s)->text().startsWith(u"Succeeded"_s), 30000);
    QVERIFY2(run.find<QLabel>(u"firstRun"_s)->text().contains(u"460 records read"_s),
             qPrintable(run.find<QLabel>(u"firstRun"_s)->text()));

    // The profile holds the plan, complete, and no secret.
    QFile profile(run.dir + u"/config/profiles/default.json"_s);
    QVERIFY(profile.open(QIODevice::ReadOnly));
    const QByteArray json = profile.readAll();
    QVERIFY(json.contains(flowId.toUtf8()));
    QVERIFY(json.contains("\"complete\": true"));
    QVERIFY(!json.contains(run.context.services()->zohoFlow()->session().refreshToken.toUtf8()));
    QVERIFY(!json.contains(run.context.services()->zohoFlow()->session().clientSecret.toUtf8()));
    QVERIFY(!json.contains(run.context.services()->adobeSession()->clientSecret.toUtf8()));
}

void TestWizardSetup::existingDataSetIsMappedAndValidated()
{
    Run run;
    QVERIFY(walkTo(run, ConnectionWizard::MappingPageId, u"Contacts"_s, u"Zoho CRM Contacts (existing)"_s));
    auto *mapping = run.find<QTableWidget>(u"mappingTable"_s);
    QTRY_VERIFY(mapping->rowCount() > 0);
    // Next first asks Data Prep; then the dataflow page.
    QVERIFY(run.advanceTo(ConnectionWizard::DataflowPageId));
    QVERIFY(run.find<QLabel>(u"mappingStatus"_s) == nullptr); // the page changed
    QVERIFY(run.advanceTo(ConnectionWizard::ReviewPageId));
    // No schema and no dataset to make: the existing dataset is used.
    auto *objects = run.find<QTreeWidget>(u"reviewObjects"_s);
    QCOMPARE(objects->topLevelItemCount(), 6);
    QVERIFY(run.advanceTo(ConnectionWizard::CreatePageId));
    QVERIFY(run.advanceTo(ConnectionWizard::DonePageId, 30000));
    QCOMPARE(run.posts(Step::Schema, false), 0);
    QCOMPARE(run.posts(Step::DataSet, false), 0);
    for (Step s : {Step::BaseConnection, Step::SourceConnection, Step::TargetConnection, Step::MappingSet, Step::Flow})
        QCOMPARE(run.posts(s, true), 1);
}

void TestWizardSetup::failureAtEachStepThenTryAgain_data()
{
    QTest::addColumn<Step>("step");
    for (Step s : setup::SetupPlan::steps())
        QTest::newRow(qPrintable(setup::SetupPlan::stepKey(s))) << s;
}

void TestWizardSetup::failureAtEachStepThenTryAgain()
{
    QFETCH(Step, step);
    Run run;
    run.addFault(
        QJsonObject{{u"method"_s, u"POST"_s}, {u"route"_s, routeOf(step)}, {u"status"_s, 500}, {u"count"_s, 1}});
    // The base connection is made on the source account page, the rest on the create page.
    const int failingPage =
        step == Step::BaseConnection ? ConnectionWizard::SourceAccountPageId : ConnectionWizard::CreatePageId;
    if (step == Step::BaseConnection) {
        QTest::mouseClick(run.find<QPushButton>(u"checkAdobeButton"_s), Qt::LeftButton);
        QTRY_VERIFY(run.find<QComboBox>(u"sandboxCombo"_s)->count() > 0);
        QVERIFY(run.advanceTo(ConnectionWizard::SourceAccountPageId));
        QTRY_VERIFY(run.canAdvance());
        QTest::mouseClick(run.advanceButton(), Qt::LeftButton);
    } else {
        QVERIFY(walkTo(run, ConnectionWizard::CreatePageId));
    }
    auto *panel = run.page()->findChild<ErrorPanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 20000);
    QCOMPARE(run.wizard->currentId(), failingPage);
    QVERIFY(!panel->message().isEmpty());
    if (step != Step::BaseConnection) {
        QVERIFY(!run.canAdvance()); // the create page moves on only when everything is made
        auto *rows = run.find<QTreeWidget>(u"createSteps"_s);
        QCOMPARE(rows->topLevelItem(int(step))->text(1),
                 setup::SetupPlan::statusText(setup::SetupPlan::Status::Failed));
    }

    QTest::mouseClick(panel->findChild<QPushButton *>(u"retryButton"_s), Qt::LeftButton);
    if (step == Step::BaseConnection) {
        QTRY_COMPARE_WITH_TIMEOUT(run.wizard->currentId(), int(ConnectionWizard::SelectDataPageId), 20000);
        QVERIFY(walkTo(run, ConnectionWizard::CreatePageId) ||
                run.wizard->currentId() == ConnectionWizard::CreatePageId);
    }
    QTRY_VERIFY_WITH_TIMEOUT(run.canAdvance(), 30000);
    QVERIFY(!panel->isVisible() || step == Step::BaseConnection);
    for (Step s : setup::SetupPlan::steps()) {
        QCOMPARE(run.posts(s, true), 1);                  // made once
        QCOMPARE(run.posts(s, false), s == step ? 2 : 1); // plus the refused attempt
    }
}

void TestWizardSetup::lostReplyIsFoundNotMadeTwice()
{
    Run run;
    // The sandbox stores the flow and the source connection, then drops the connection.
    run.addFault(QJsonObject{{u"method"_s, u"POST"_s},
                             {u"route"_s, routeOf(Step::SourceConnection)},
                             {u"drop"_s, u"after"_s},
                             {u"count"_s, 1}});
    run.addFault(QJsonObject{
        {u"method"_s, u"POST"_s}, {u"route"_s, routeOf(Step::Flow)}, {u"drop"_s, u"after"_s}, {u"count"_s, 1}});
    QVERIFY(walkTo(run, ConnectionWizard::CreatePageId));
    QTRY_VERIFY_WITH_TIMEOUT(run.canAdvance(), 30000);
    auto *rows = run.find<QTreeWidget>(u"createSteps"_s);
    const QString found = setup::SetupPlan::statusText(setup::SetupPlan::Status::Found);
    QCOMPARE(rows->topLevelItem(int(Step::SourceConnection))->text(1), found);
    QCOMPARE(rows->topLevelItem(int(Step::Flow))->text(1), found);
    for (Step s : setup::SetupPlan::steps())
        QCOMPARE(run.posts(s, false), 1);
}

void TestWizardSetup::retiredSourceIsExplained()
{
    Run run;
    run.addFault(QJsonObject{{u"method"_s, u"GET"_s},
                             {u"route"_s, u"flowservice/connectionSpecs/"_s +
                                              QLatin1String(adobe::FlowServiceClient::kZohoConnectionSpecId)},
                             {u"status"_s, 404}});
    QVERIFY(walkTo(run, ConnectionWizard::SourceAccountPageId));
    // Said plainly, and not a dead end: syncing from this computer is offered and chosen.
    auto *note = run.find<QLabel>(u"retiredSourceNote"_s);
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 15000);
    QVERIFY2(note->text().contains(u"retired"_s) && note->text().contains(u"June 2025"_s), qPrintable(note->text()));
    QVERIFY(!run.page()->findChild<ErrorPanel *>()->isVisible());
    QVERIFY(run.find<QRadioButton>(u"syncModeRadio"_s)->isChecked());
    QVERIFY(!run.find<QRadioButton>(u"newConnectionRadio"_s)->isEnabled());
    QVERIFY(!run.find<QRadioButton>(u"existingConnectionRadio"_s)->isEnabled());
    QTRY_VERIFY(run.canAdvance());
    QVERIFY(run.advanceTo(ConnectionWizard::SelectDataPageId));
    QVERIFY(run.context.controller()->isSyncMode());
    QCOMPARE(run.posts(Step::BaseConnection, false), 0);
}

void TestWizardSetup::scheduleRulesAsTyped()
{
    Run run;
    QVERIFY(walkTo(run, ConnectionWizard::DataflowPageId));
    auto *frequency = run.find<QComboBox>(u"frequencyCombo"_s);
    auto *interval = run.find<QSpinBox>(u"intervalSpin"_s);
    auto *start = run.find<QDateTimeEdit>(u"startEdit"_s);
    auto *backfill = run.find<QCheckBox>(u"backfillCheck"_s);
    auto *delta = run.find<QComboBox>(u"deltaColumnCombo"_s);
    auto problem = [&run](const char *name) { return run.find<QLabel>(QString::fromLatin1(name)); };
    QTRY_VERIFY(run.canAdvance()); // the defaults are valid: hourly, backfill, Modified_Time

    // Minute: at least 15.
    frequency->setCurrentIndex(frequency->findData(u"minute"_s));
    QCOMPARE(interval->value(), 15); // raised to the minimum on the change
    interval->setValue(10);
    QVERIFY(problem("intervalProblem")->isVisible());
    QVERIFY(problem("intervalProblem")->text().contains(u"15"_s));
    QVERIFY(!run.canAdvance());
    interval->setValue(15);
    QVERIFY(!problem("intervalProblem")->isVisible());
    QVERIFY(run.canAdvance());

    // Hour/day/week: at least 1.
    frequency->setCurrentIndex(frequency->findData(u"day"_s));
    interval->setValue(0);
    QVERIFY(problem("intervalProblem")->isVisible());
    QVERIFY(!run.canAdvance());
    interval->setValue(1);

    // A start in the past.
    start->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    QVERIFY(problem("startProblem")->isVisible());
    QVERIFY(!run.canAdvance());
    start->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    QVERIFY(!problem("startProblem")->isVisible());

    // Once: no interval, backfill or delta column (the form clears and disables them).
    frequency->setCurrentIndex(frequency->findData(u"once"_s));
    QCOMPARE(interval->value(), 0);
    QVERIFY(!interval->isEnabled() && !backfill->isEnabled() && !delta->isEnabled());
    QVERIFY(!backfill->isChecked());
    QVERIFY(run.canAdvance());

    // The delta column offered is a date-time column of the module.
    frequency->setCurrentIndex(frequency->findData(u"week"_s));
    QVERIFY(delta->isEnabled());
    for (int i = 0; i < delta->count(); ++i)
        QVERIFY2(delta->itemText(i).endsWith(u"_Time"_s), qPrintable(delta->itemText(i)));

    // A name is required.
    auto *name = run.find<QLineEdit>(u"flowNameEdit"_s);
    name->clear();
    QVERIFY(problem("nameProblem")->isVisible());
    QVERIFY(!run.canAdvance());
    QTest::keyClicks(name, u"Leads weekly"_s);
    QVERIFY(run.canAdvance());
    QVERIFY(run.advanceTo(ConnectionWizard::ReviewPageId));
    QCOMPARE(run.context.draft()->request().schedule.frequency, u"week"_s);
    QCOMPARE(run.context.draft()->request().flowName, u"Leads weekly"_s);
}

void TestWizardSetup::reviewHidesSecretsAndExportsAScript()
{
    Run run;
    QVERIFY(walkTo(run, ConnectionWizard::ReviewPageId));
    const QStringList secrets{run.context.services()->zohoFlow()->session().clientSecret,
                              run.context.services()->zohoFlow()->session().refreshToken,
                              run.context.services()->zohoFlow()->session().accessToken,
                              run.context.services()->adobeSession()->clientSecret};
    auto *objects = run.find<QTreeWidget>(u"reviewObjects"_s);
    auto *body = run.find<QPlainTextEdit>(u"reviewBody"_s);
    QStringList shown;
    for (int i = 0; i < objects->topLevelItemCount(); ++i) {
        objects->setCurrentItem(objects->topLevelItem(i));
        shown << body->toPlainText();
    }
    // The base connection exists already (made on the source account page).
    QVERIFY(
        objects->topLevelItem(0)->text(1).contains(run.context.controller()->plan()->objectId(Step::BaseConnection)));
    QVERIFY(shown.at(0).contains(u"{{ZOHO_CLIENT_SECRET}}"_s));
    QVERIFY(shown.at(6).contains(u"{{SOURCE_CONNECTION_ID}}"_s));
    QVERIFY(shown.at(6).contains(u"Modified_Time"_s));
    for (const QString &s : secrets) {
        QVERIFY(!s.isEmpty());
        for (const QString &text : shown)
            QVERIFY2(!text.contains(s), "a secret is shown on the review page");
    }

    // Export: the file dialog is answered like a user would.
    const QString path = run.dir + u"/setup.sh"_s;
    QTimer::singleShot(0, [path] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
    QTest::mouseClick(run.find<QPushButton>(u"exportScriptButton"_s), Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(path));
    QVERIFY(run.find<QLabel>(u"exportStatus"_s)->text().contains(u"setup.sh"_s));
    QFile script(path);
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QByteArray text = script.readAll();
    for (const QString &s : secrets)
        QVERIFY2(!text.contains(s.toUtf8()), "a secret is in the exported script");
    QVERIFY(text.contains("ADOBE_CLIENT_SECRET"));
    QCOMPARE(script.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QProcess bash;
    bash.start(u"bash"_s, {u"-n"_s, path});
    QVERIFY(bash.waitForFinished(10000));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
}

void TestWizardSetup::goingBackToAnotherModuleRemakesWhatDependsOnIt()
{
    Run run;
    // The flow fails; the user goes back and picks Contacts instead of Leads.
    run.addFault(
        QJsonObject{{u"method"_s, u"POST"_s}, {u"route"_s, routeOf(Step::Flow)}, {u"status"_s, 500}, {u"count"_s, 1}});
    QVERIFY(walkTo(run, ConnectionWizard::CreatePageId));
    auto *panel = run.page()->findChild<ErrorPanel *>();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 20000);
    for (int i = 0; i < 5; ++i)
        run.wizard->back();
    QCOMPARE(run.wizard->currentId(), int(ConnectionWizard::SelectDataPageId));
    auto *list = run.find<QListWidget>(u"moduleList"_s);
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == u"Contacts"_s)
            list->setCurrentRow(i);
    }
    for (int next : {int(ConnectionWizard::TargetPageId), int(ConnectionWizard::MappingPageId),
                     int(ConnectionWizard::DataflowPageId), int(ConnectionWizard::ReviewPageId),
                     int(ConnectionWizard::CreatePageId)})
        QVERIFY(run.advanceTo(next));
    QTRY_VERIFY_WITH_TIMEOUT(run.canAdvance(), 30000);
    // The base connection is kept; everything made for Leads is made again for Contacts.
    QCOMPARE(run.posts(Step::BaseConnection, true), 1);
    for (Step s : {Step::Schema, Step::DataSet, Step::SourceConnection, Step::TargetConnection, Step::MappingSet})
        QCOMPARE(run.posts(s, true), 2);
    QCOMPARE(run.posts(Step::Flow, true), 1);
    QCOMPARE(run.context.controller()->plan()->request().tablePath, u"Contacts"_s);
}

QTEST_MAIN(TestWizardSetup)
#include "tst_wizard_setup.moc"
