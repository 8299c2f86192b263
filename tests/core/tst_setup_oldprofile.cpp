// SPDX-License-Identifier: GPL-3.0-or-later
// A profile saved by an earlier version still resumes: tests/fixtures/setup-v1-profile.json was
// written by that version's zoho-aep-connect, whose `create` failed at the target connection (an
// injected 500), and setup-v1-sandbox-state.json is its sandbox's state with the objects made
// (see tests/fixtures/make-old-profile.py). The plan read from the profile finds the saved
// objects without making them again and makes the rest.
#include "AdobeTestRig.h"
#include "TestHttp.h"
#include "setup/SavedPlans.h"
#include "setup/SetupPlan.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw;
using namespace Qt::StringLiterals;
using setup::SetupPlan;
using Step = SetupPlan::Step;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Successful POSTs whose path matches pattern, logged after the entry with ID sinceId.
int posts(test::SandboxFixture &f, const QString &pattern, const QString &sinceId)
{
    const QRegularExpression re(pattern);
    const QJsonArray log = f.server().requestLog();
    bool counting = sinceId.isEmpty();
    int n = 0;
    for (const QJsonValue &v : log) {
        const QJsonObject o = v.toObject();
        if (!counting) {
            counting = o.value(u"requestId"_s).toString() == sinceId;
            continue;
        }
        const int status = o.value(u"status"_s).toInt();
        if (o.value(u"method"_s).toString() == u"POST"_s && status >= 200 && status < 300 &&
            re.match(o.value(u"path"_s).toString()).hasMatch())
            ++n;
    }
    return n;
}

QString lastRequestId(test::SandboxFixture &f)
{
    const QJsonArray log = f.server().requestLog();
    return log.isEmpty() ? QString() : log.last().toObject().value(u"requestId"_s).toString();
}

} // namespace

class TestSetupOldProfile : public QObject
{
    Q_OBJECT

private slots:
    void resumesAProfileOfTheEarlierVersion();
};

void TestSetupOldProfile::resumesAProfileOfTheEarlierVersion()
{
    const QString fixtures = QStringLiteral(ZAW_FIXTURES_DIR);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateCopy = dir.filePath(u"sandbox-state.json"_s);
    QVERIFY(QFile::copy(fixtures + u"/setup-v1-sandbox-state.json"_s, stateCopy));
    QFile::setPermissions(stateCopy, QFile::ReadOwner | QFile::WriteOwner);

    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    test::SandboxFixture f(options);
    QString error;
    QVERIFY2(f.server().setStateFile(stateCopy, &error), qPrintable(error));

    // The profile as the earlier version wrote it: one unfinished plan for Leads, whose target
    // connection create failed with a 5xx (so it is marked attempted).
    const QJsonObject profile = readJson(fixtures + u"/setup-v1-profile.json"_s);
    const QJsonObject saved = setup::SavedPlans::find(profile.value(u"setup"_s).toObject(), [](const QJsonObject &s) {
        return setup::SavedPlans::tablePath(s) == u"Leads"_s;
    });
    QCOMPARE(saved.value(u"format"_s).toInt(), 1);
    QCOMPARE(saved.value(u"attempted"_s).toArray(), QJsonArray{u"targetConnection"_s});
    QVERIFY(!setup::SavedPlans::isComplete(saved));
    const QJsonObject objects = saved.value(u"objects"_s).toObject();
    const QStringList madeBefore{u"baseConnection"_s, u"schema"_s, u"dataSet"_s, u"sourceConnection"_s};
    QCOMPARE(objects.keys(), QStringList({u"baseConnection"_s, u"dataSet"_s, u"schema"_s, u"sourceConnection"_s}));

    test::AdobeRig rig(f);
    std::unique_ptr<SetupPlan> plan(SetupPlan::fromState(&rig.platform, saved, nullptr, &error));
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->setupId(), saved.value(u"setupId"_s).toString());
    for (Step step : SetupPlan::steps()) {
        const QString key = SetupPlan::stepKey(step);
        QCOMPARE(plan->objectId(step), objects.value(key).toObject().value(u"id"_s).toString());
    }

    // As the wizard does before a retry: the start chosen then has passed meanwhile.
    setup::Schedule schedule = plan->request().schedule;
    schedule.start = QDateTime::currentDateTimeUtc().addSecs(3600);
    plan->setSchedule(schedule);

    bool finished = false;
    net::Error failure;
    QList<QJsonObject> states;
    connect(plan.get(), &SetupPlan::finished, this, [&finished] { finished = true; });
    connect(plan.get(), &SetupPlan::failed, this, [&failure](Step, const net::Error &e) { failure = e; });
    connect(plan.get(), &SetupPlan::stateChanged, this, [&states](const QJsonObject &s) { states.append(s); });
    const QString mark = lastRequestId(f);
    plan->resume();
    QTRY_VERIFY_WITH_TIMEOUT(finished || failure.isError(), 60000);
    QVERIFY2(finished, qPrintable(failure.message + u" "_s + failure.detail));

    // The objects the earlier version made are found, not made again …
    QCOMPARE(plan->status(Step::BaseConnection), SetupPlan::Status::Found);
    QCOMPARE(plan->status(Step::Schema), SetupPlan::Status::Found);
    QCOMPARE(plan->status(Step::DataSet), SetupPlan::Status::Found);
    QCOMPARE(plan->status(Step::SourceConnection), SetupPlan::Status::Found);
    QCOMPARE(posts(f, u"flowservice/connections$"_s, mark), 0);
    QCOMPARE(posts(f, u"schemaregistry/tenant/schemas$"_s, mark), 0);
    QCOMPARE(posts(f, u"catalog/dataSets$"_s, mark), 0);
    QCOMPARE(posts(f, u"flowservice/sourceConnections$"_s, mark), 0);
    for (const QString &key : madeBefore)
        QCOMPARE(plan->state().value(u"objects"_s).toObject().value(key).toObject().value(u"id"_s).toString(),
                 objects.value(key).toObject().value(u"id"_s).toString());

    // … and the rest is made, once each.
    QCOMPARE(plan->status(Step::TargetConnection), SetupPlan::Status::Done);
    QCOMPARE(plan->status(Step::MappingSet), SetupPlan::Status::Done);
    QCOMPARE(plan->status(Step::Flow), SetupPlan::Status::Done);
    QCOMPARE(posts(f, u"flowservice/targetConnections$"_s, mark), 1);
    QCOMPARE(posts(f, u"conversion/mappingSets$"_s, mark), 1);
    QCOMPARE(posts(f, u"flowservice/flows$"_s, mark), 1);

    // The dataflow exists and is made from the saved source connection.
    const auto flow =
        test::await<QJsonObject>([&](QObject *c, auto done) { rig.flows.flow(plan->objectId(Step::Flow), c, done); });
    QVERIFY2(!flow.second, qPrintable(flow.second.message));
    QCOMPARE(flow.first.value(u"sourceConnectionIds"_s).toArray().first().toString(),
             objects.value(u"sourceConnection"_s).toObject().value(u"id"_s).toString());

    // The state it saves reads as before: same format, same setup, nothing attempted, complete.
    QVERIFY(!states.isEmpty());
    const QJsonObject last = states.last();
    QCOMPARE(last.value(u"format"_s).toInt(), 1);
    QCOMPARE(last.value(u"setupId"_s).toString(), saved.value(u"setupId"_s).toString());
    QCOMPARE(last.value(u"attempted"_s).toArray(), QJsonArray());
    QVERIFY(last.value(u"complete"_s).toBool());
    QCOMPARE(last.value(u"request"_s).toObject().value(u"tablePath"_s).toString(), u"Leads"_s);
}

QTEST_GUILESS_MAIN(TestSetupOldProfile)
#include "tst_setup_oldprofile.moc"
