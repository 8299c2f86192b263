// SPDX-License-Identifier: GPL-3.0-or-later
// account::DataflowManager against the sandbox over loopback: a dataflow made by a whole setup
// plan (Leads into a new dataset, hourly), then disabled and enabled (the state read back),
// rescheduled within AEP's rules (an interval below the minimum refused before any request),
// its runs listed, and deleted. Plus the "start already passed" rule of the Create page.
#include "AdobeTestRig.h"
#include "SetupTestRig.h"
#include "TestHttp.h"
#include "account/DataflowManager.h"
#include "setup/SetupPlan.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace zaw;
using account::DataflowManager;
using account::FlowState;

class TestUsecaseDataflow : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SandboxFixture> m_fixture;
    std::unique_ptr<test::AdobeRig> m_rig;
    std::unique_ptr<DataflowManager> m_manager;
    QString m_flowId;

    FlowState readState()
    {
        const auto s = test::await<FlowState>([&](QObject *c, auto done) { m_manager->state(m_flowId, c, done); });
        if (s.second)
            qWarning("%s", qPrintable(s.second.message));
        return s.first;
    }

private slots:
    void initTestCase()
    {
        sandbox::SandboxOptions options;
        options.relaxedLimits = true;
        m_fixture = std::make_unique<test::SandboxFixture>(options);
        m_rig = std::make_unique<test::AdobeRig>(*m_fixture);
        test::ZohoSource source;
        QString error;
        QVERIFY2(test::readZohoSource(*m_fixture, *m_rig, u"ana.lima@example.com"_s, u"Dataflow test account"_s,
                                      {u"Leads"_s}, &source, &error),
                 qPrintable(error));
        setup::SetupRequest request =
            test::newLeadsDataSetRequest(u"manager"_s, u"Dataflow manager test"_s, source.session,
                                         source.columns.value(u"Leads"_s), source.leadsFields);
        request.baseConnectionId = source.baseId;
        setup::SetupPlan plan(&m_rig->platform, request);
        QSignalSpy finished(&plan, &setup::SetupPlan::finished);
        QSignalSpy failed(&plan, &setup::SetupPlan::failed);
        plan.start();
        QVERIFY(QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, 60000));
        const QString why = failed.isEmpty() ? QString() : failed.first().at(1).value<net::Error>().message;
        QVERIFY2(failed.isEmpty(), qPrintable(why));
        m_flowId = plan.objectId(setup::SetupPlan::Step::Flow);
        QVERIFY(!m_flowId.isEmpty());
        m_manager = std::make_unique<DataflowManager>(&m_rig->platform);
    }

    void stateIsTyped()
    {
        const FlowState s = readState();
        QCOMPARE(s.id, m_flowId);
        QVERIFY(s.name.contains(u"manager"_s));
        QCOMPARE(s.state, u"enabled"_s);
        QVERIFY(s.isEnabled());
        QCOMPARE(s.frequency, u"hour"_s);
        QCOMPARE(s.interval, 1);
        QVERIFY(s.start.isValid());
        QVERIFY(!s.etag.isEmpty());
        QVERIFY(!s.stateText().isEmpty());
    }

    void disableAndEnable()
    {
        QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_manager->setEnabled(m_flowId, false, c, done); }));
        QCOMPARE(readState().state, u"disabled"_s);
        QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_manager->setEnabled(m_flowId, true, c, done); }));
        QCOMPARE(readState().state, u"enabled"_s);
    }

    void rescheduleWithinTheRules()
    {
        QVERIFY(
            !test::awaitError([&](QObject *c, auto done) { m_manager->reschedule(m_flowId, u"day"_s, 2, c, done); }));
        FlowState s = readState();
        QCOMPARE(s.frequency, u"day"_s);
        QCOMPARE(s.interval, 2);
        QVERIFY(!test::awaitError(
            [&](QObject *c, auto done) { m_manager->reschedule(m_flowId, u"minute"_s, 15, c, done); }));
        s = readState();
        QCOMPARE(s.frequency, u"minute"_s);
        QCOMPARE(s.interval, 15);
    }

    void intervalBelowTheMinimumIsRefused()
    {
        const int patches = m_fixture->countRequests("PATCH", u"/flows/"_s);
        const net::Error error =
            test::awaitError([&](QObject *c, auto done) { m_manager->reschedule(m_flowId, u"minute"_s, 5, c, done); });
        QVERIFY(error);
        QCOMPARE(error.category, net::ErrorCategory::Input);
        QVERIFY2(error.message.contains(u"15"_s), qPrintable(error.message));
        QCOMPARE(error.message, DataflowManager::scheduleProblem(u"minute"_s, 5));
        QCOMPARE(m_fixture->countRequests("PATCH", u"/flows/"_s), patches); // AEP was not asked
        QVERIFY(DataflowManager::scheduleProblem(u"hour"_s, 1).isEmpty());
        QVERIFY(!DataflowManager::scheduleProblem(u"hour"_s, 0).isEmpty());
        QCOMPARE(readState().interval, 15);
    }

    void runsAreListed()
    {
        auto runs =
            test::await<QList<adobe::RunInfo>>([&](QObject *c, auto done) { m_manager->runs(m_flowId, c, done); });
        QVERIFY2(!runs.second, qPrintable(runs.second.message));
        QVERIFY(runs.first.isEmpty()); // the first run is an hour away
        const account::FirstRunStatus waiting =
            DataflowManager::firstRun(runs.first, QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(!waiting.over);
        QVERIFY2(waiting.text.startsWith(u"Not started yet"_s), qPrintable(waiting.text));
        const auto started =
            m_fixture->http.postJson(m_fixture->url(u"/_sandbox/adobe/flows/%1/run"_s.arg(m_flowId)), QJsonObject{});
        QVERIFY2(started.status / 100 == 2, started.body.constData());
        QVERIFY(QTest::qWaitFor(
            [&] {
                runs = test::await<QList<adobe::RunInfo>>(
                    [&](QObject *c, auto done) { m_manager->runs(m_flowId, c, done); });
                return !runs.first.isEmpty() && runs.first.first().isFinished();
            },
            30000));
        QCOMPARE(runs.first.size(), 1);
        QVERIFY(runs.first.first().started.isValid());
        QVERIFY(!runs.first.first().status.isEmpty());
        const account::FirstRunStatus over = DataflowManager::firstRun(runs.first, QDateTime::currentDateTimeUtc());
        QVERIFY(over.over);
        QVERIFY2(over.text.startsWith(runs.first.first().isFailed() ? u"Failed"_s : u"Succeeded"_s),
                 qPrintable(over.text));
    }

    void deleteOnceAndAgain()
    {
        QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_manager->remove(m_flowId, {}, c, done); }));
        const auto gone = test::await<FlowState>([&](QObject *c, auto done) { m_manager->state(m_flowId, c, done); });
        QCOMPARE(gone.second.httpStatus, 404);
        // Gone already counts as deleted.
        QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_manager->remove(m_flowId, {}, c, done); }));
    }

    void passedStartMoves()
    {
        const QDateTime now = QDateTime::fromString(u"2030-01-31T08:00:30Z"_s, Qt::ISODate);
        setup::Schedule s;
        s.frequency = u"hour"_s;
        s.interval = 1;
        s.start = now.addSecs(-3600);
        const account::StartAdjustment moved = DataflowManager::adjustPassedStart(s, now);
        QVERIFY(moved.moved);
        QCOMPARE(moved.schedule.start, QDateTime::fromString(u"2030-01-31T08:02:00Z"_s, Qt::ISODate));
        QCOMPARE(moved.schedule.frequency, u"hour"_s);
        QVERIFY(!moved.message.isEmpty());
        // Less than a minute ahead is too close as well; further ahead stays.
        s.start = now.addSecs(30);
        QVERIFY(DataflowManager::adjustPassedStart(s, now).moved);
        s.start = now.addSecs(120);
        const account::StartAdjustment kept = DataflowManager::adjustPassedStart(s, now);
        QVERIFY(!kept.moved);
        QCOMPARE(kept.schedule.start, s.start);
        QVERIFY(kept.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsecaseDataflow)
#include "tst_usecase_dataflow.moc"
