// SPDX-License-Identifier: GPL-3.0-or-later
// ScheduleRules: every AEP schedule rule with its boundary values, the delta column, and the
// scheduleParams / transformations it renders.
#include "catalogue/Column.h"
#include "setup/ScheduleRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using zaw::catalogue::Column;
using zaw::setup::Schedule;
using zaw::setup::ScheduleField;
using zaw::setup::ScheduleProblem;
using zaw::setup::ScheduleRules;

Q_DECLARE_METATYPE(QList<ScheduleField>)

namespace {

// A fixed "now" keeps the boundaries exact.
const QDateTime kNow = QDateTime(QDate(2026, 3, 1), QTime(12, 0, 0), Qt::UTC);
const QStringList kDateTimeColumns{u"Created_Time"_s, u"Modified_Time"_s, u"Last_Activity_Time"_s};

Schedule schedule(const QString &frequency, int interval, qint64 startOffsetSecs, bool backfill,
                  const QString &deltaColumn)
{
    Schedule s;
    s.frequency = frequency;
    s.interval = interval;
    s.start = kNow.addSecs(startOffsetSecs);
    s.backfill = backfill;
    s.deltaColumn = deltaColumn;
    return s;
}

QStringList codes(const QList<ScheduleProblem> &problems)
{
    QStringList list;
    for (const ScheduleProblem &p : problems)
        list.append(p.code);
    return list;
}

QList<ScheduleField> fields(const QList<ScheduleProblem> &problems)
{
    QList<ScheduleField> list;
    for (const ScheduleProblem &p : problems)
        list.append(p.field);
    return list;
}

Column column(const QString &name, const QString &format)
{
    Column c;
    c.name = name;
    c.type = u"string"_s;
    c.xdmType = u"string"_s;
    c.xdmFormat = format;
    c.metaXdmType = format;
    return c;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSetupSchedule : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void messagesSayWhatToDo();
    void missingStart();
    void severalProblemsInAepOrder();
    void stricterThanTheSandboxGrace();
    void minimumInterval();
    void deltaColumnDefaults();
    void scheduleParamsShapes();
    void transformationsShapes();
};

void TestSetupSchedule::rules_data()
{
    QTest::addColumn<QString>("frequency");
    QTest::addColumn<int>("interval");
    QTest::addColumn<qint64>("startOffset"); // seconds from now
    QTest::addColumn<bool>("backfill");
    QTest::addColumn<QString>("deltaColumn");
    QTest::addColumn<QStringList>("expectedCodes");
    QTest::addColumn<QList<ScheduleField>>("expectedFields");

    const QString mt = u"Modified_Time"_s;
    const QStringList none;
    const QList<ScheduleField> noFields;
    QTest::newRow("once, valid") << u"once"_s << 0 << qint64(300) << false << QString() << none << noFields;
    QTest::newRow("hour 1, valid") << u"hour"_s << 1 << qint64(300) << true << mt << none << noFields;
    QTest::newRow("week 2 without backfill, valid") << u"week"_s << 2 << qint64(300) << false << mt << none << noFields;

    // 1397: the frequency word.
    QTest::newRow("1397 unknown frequency")
        << u"fortnight"_s << 1 << qint64(300) << false << mt << QStringList{u"1397-400"_s}
        << QList<ScheduleField>{ScheduleField::Frequency};
    QTest::newRow("1397 upper case") << u"Hour"_s << 1 << qint64(300) << false << mt << QStringList{u"1397-400"_s}
                                     << QList<ScheduleField>{ScheduleField::Frequency};
    QTest::newRow("1397 empty") << QString() << 0 << qint64(300) << false << QString() << QStringList{u"1397-400"_s}
                                << QList<ScheduleField>{ScheduleField::Frequency};

    // 1361 / 1364 / 1369: nothing repeating goes with once.
    QTest::newRow("1361 once with interval")
        << u"once"_s << 1 << qint64(300) << false << QString() << QStringList{u"1361-400"_s}
        << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("1364 once with backfill")
        << u"once"_s << 0 << qint64(300) << true << QString() << QStringList{u"1364-400"_s}
        << QList<ScheduleField>{ScheduleField::Backfill};
    QTest::newRow("1369 once with delta column")
        << u"once"_s << 0 << qint64(300) << false << mt << QStringList{u"1369-400"_s}
        << QList<ScheduleField>{ScheduleField::DeltaColumn};

    // 1362: minimum interval per frequency, both sides of each boundary.
    QTest::newRow("1362 minute 14") << u"minute"_s << 14 << qint64(300) << false << mt << QStringList{u"1362-400"_s}
                                    << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("minute 15") << u"minute"_s << 15 << qint64(300) << false << mt << none << noFields;
    QTest::newRow("1362 minute 0") << u"minute"_s << 0 << qint64(300) << false << mt << QStringList{u"1362-400"_s}
                                   << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("1362 hour 0") << u"hour"_s << 0 << qint64(300) << false << mt << QStringList{u"1362-400"_s}
                                 << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("hour 1") << u"hour"_s << 1 << qint64(300) << false << mt << none << noFields;
    QTest::newRow("1362 hour negative") << u"hour"_s << -2 << qint64(300) << false << mt << QStringList{u"1362-400"_s}
                                        << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("1362 day 0") << u"day"_s << 0 << qint64(300) << false << mt << QStringList{u"1362-400"_s}
                                << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("day 1") << u"day"_s << 1 << qint64(300) << false << mt << none << noFields;
    QTest::newRow("day 15") << u"day"_s << 15 << qint64(300) << false << mt << none << noFields;
    QTest::newRow("1362 week 0") << u"week"_s << 0 << qint64(300) << false << mt << QStringList{u"1362-400"_s}
                                 << QList<ScheduleField>{ScheduleField::Interval};
    QTest::newRow("week 1") << u"week"_s << 1 << qint64(300) << false << mt << none << noFields;

    // 1367: a repeating flow needs its delta column.
    QTest::newRow("1367 day without delta column")
        << u"day"_s << 1 << qint64(300) << false << QString() << QStringList{u"1367-400"_s}
        << QList<ScheduleField>{ScheduleField::DeltaColumn};
    QTest::newRow("1367 minute with blank delta column")
        << u"minute"_s << 15 << qint64(300) << true << u"  "_s << QStringList{u"1367-400"_s}
        << QList<ScheduleField>{ScheduleField::DeltaColumn};
    // Not a date-time column: AEP has no code for it, the runs would fail.
    QTest::newRow("delta column not date-time")
        << u"hour"_s << 1 << qint64(300) << false << u"Email"_s << QStringList{QString()}
        << QList<ScheduleField>{ScheduleField::DeltaColumn};
    QTest::newRow("other date-time delta column")
        << u"hour"_s << 1 << qint64(300) << false << u"Created_Time"_s << none << noFields;

    // 1360: start must not be in the past; now itself is fine.
    QTest::newRow("1360 start now-1s") << u"hour"_s << 1 << qint64(-1) << false << mt << QStringList{u"1360-400"_s}
                                       << QList<ScheduleField>{ScheduleField::Start};
    QTest::newRow("1360 once, start yesterday")
        << u"once"_s << 0 << qint64(-86400) << false << QString() << QStringList{u"1360-400"_s}
        << QList<ScheduleField>{ScheduleField::Start};
    QTest::newRow("start now") << u"hour"_s << 1 << qint64(0) << false << mt << none << noFields;
    QTest::newRow("start now+60s") << u"hour"_s << 1 << qint64(60) << false << mt << none << noFields;
}

void TestSetupSchedule::rules()
{
    QFETCH(QString, frequency);
    QFETCH(int, interval);
    QFETCH(qint64, startOffset);
    QFETCH(bool, backfill);
    QFETCH(QString, deltaColumn);
    QFETCH(QStringList, expectedCodes);
    QFETCH(QList<ScheduleField>, expectedFields);

    const QList<ScheduleProblem> problems = ScheduleRules::validate(
        schedule(frequency, interval, startOffset, backfill, deltaColumn), kNow, kDateTimeColumns);
    QCOMPARE(codes(problems), expectedCodes);
    QCOMPARE(fields(problems), expectedFields);
    for (const ScheduleProblem &p : problems)
        QVERIFY(!p.message.isEmpty());
}

void TestSetupSchedule::messagesSayWhatToDo()
{
    auto messageFor = [](const Schedule &s) {
        const auto problems = ScheduleRules::validate(s, kNow, kDateTimeColumns);
        return problems.isEmpty() ? QString() : problems.first().message;
    };
    QVERIFY(messageFor(schedule(u"minute"_s, 10, 300, false, u"Modified_Time"_s)).contains(u"15"_s));
    QVERIFY(messageFor(schedule(u"day"_s, 0, 300, false, u"Modified_Time"_s)).contains(u"1 day"_s));
    QVERIFY(messageFor(schedule(u"fortnight"_s, 1, 300, false, u"Modified_Time"_s)).contains(u"fortnight"_s));
    QVERIFY(messageFor(schedule(u"hour"_s, 1, 300, false, QString())).contains(u"Modified_Time"_s));
    const QString notDateTime = messageFor(schedule(u"hour"_s, 1, 300, false, u"Email"_s));
    QVERIFY(notDateTime.contains(u"Email"_s));
    QVERIFY(notDateTime.contains(u"Modified_Time"_s)); // offers the valid choices
    QVERIFY(messageFor(schedule(u"hour"_s, 1, -3600, false, u"Modified_Time"_s)).contains(u"2026-03-01 11:00:00"_s));
}

void TestSetupSchedule::missingStart()
{
    Schedule s = schedule(u"hour"_s, 1, 0, false, u"Modified_Time"_s);
    s.start = QDateTime();
    const auto problems = ScheduleRules::validate(s, kNow, kDateTimeColumns);
    QCOMPARE(codes(problems), QStringList{u"1304-400"_s});
    QCOMPARE(problems.first().field, ScheduleField::Start);
    QVERIFY(!ScheduleRules::toScheduleParams(s).contains(u"startTime"_s));
}

void TestSetupSchedule::severalProblemsInAepOrder()
{
    // Everything wrong with a once flow at the same time: reported field by field, in the order
    // Flow Service checks, so the first one is what AEP would answer.
    QList<ScheduleProblem> problems =
        ScheduleRules::validate(schedule(u"once"_s, 5, -10, true, u"Modified_Time"_s), kNow, kDateTimeColumns);
    QCOMPARE(codes(problems), (QStringList{u"1361-400"_s, u"1364-400"_s, u"1369-400"_s, u"1360-400"_s}));
    QCOMPARE(fields(problems), (QList<ScheduleField>{ScheduleField::Interval, ScheduleField::Backfill,
                                                     ScheduleField::DeltaColumn, ScheduleField::Start}));

    problems = ScheduleRules::validate(schedule(u"minute"_s, 5, -10, true, QString()), kNow, kDateTimeColumns);
    QCOMPARE(codes(problems), (QStringList{u"1362-400"_s, u"1367-400"_s, u"1360-400"_s}));

    // An unknown frequency hides the interval rules (their minimum is unknown) but not the start.
    problems = ScheduleRules::validate(schedule(u"yearly"_s, 0, -10, true, QString()), kNow, kDateTimeColumns);
    QCOMPARE(codes(problems), (QStringList{u"1397-400"_s, u"1360-400"_s}));
}

void TestSetupSchedule::stricterThanTheSandboxGrace()
{
    // The sandbox (like AEP) lets a start up to 60 s old through; the form does not.
    const auto problems =
        ScheduleRules::validate(schedule(u"hour"_s, 1, -30, false, u"Modified_Time"_s), kNow, kDateTimeColumns);
    QCOMPARE(codes(problems), QStringList{u"1360-400"_s});
    // Sub-second: a start 1 ms before now is already in the past.
    Schedule s = schedule(u"hour"_s, 1, 0, false, u"Modified_Time"_s);
    s.start = kNow.addMSecs(-1);
    QCOMPARE(codes(ScheduleRules::validate(s, kNow, kDateTimeColumns)), QStringList{u"1360-400"_s});
    // A start given in another time zone is compared as the same instant.
    s.start = kNow.addSecs(60).toOffsetFromUtc(2 * 3600);
    QVERIFY(ScheduleRules::validate(s, kNow, kDateTimeColumns).isEmpty());
    // Without a list of columns the delta column is not checked against one.
    QVERIFY(ScheduleRules::validate(schedule(u"hour"_s, 1, 60, false, u"Anything"_s), kNow).isEmpty());
}

void TestSetupSchedule::minimumInterval()
{
    QCOMPARE(ScheduleRules::minimumInterval(u"once"_s), 0);
    QCOMPARE(ScheduleRules::minimumInterval(u"minute"_s), 15);
    QCOMPARE(ScheduleRules::minimumInterval(u"hour"_s), 1);
    QCOMPARE(ScheduleRules::minimumInterval(u"day"_s), 1);
    QCOMPARE(ScheduleRules::minimumInterval(u"week"_s), 1);
    QCOMPARE(ScheduleRules::minimumInterval(u"month"_s), -1);
    QCOMPARE(ScheduleRules::frequencies(), (QStringList{u"once"_s, u"minute"_s, u"hour"_s, u"day"_s, u"week"_s}));
    QVERIFY(ScheduleRules::isValidFrequency(u"week"_s));
    QVERIFY(!ScheduleRules::isValidFrequency(u"WEEK"_s));
}

void TestSetupSchedule::deltaColumnDefaults()
{
    const QList<Column> leads{column(u"id"_s, {}), column(u"Created_Time"_s, u"date-time"_s),
                              column(u"Follow_Up_Date"_s, u"date"_s), column(u"Modified_Time"_s, u"date-time"_s),
                              column(u"Last_Activity_Time"_s, u"date-time"_s)};
    QCOMPARE(ScheduleRules::dateTimeColumns(leads),
             (QStringList{u"Created_Time"_s, u"Modified_Time"_s, u"Last_Activity_Time"_s}));
    QCOMPARE(ScheduleRules::defaultDeltaColumn(leads), u"Modified_Time"_s);

    // Without Modified_Time: another "modified" column, else the first date-time one.
    QCOMPARE(ScheduleRules::defaultDeltaColumn(QStringList{u"Created_Time"_s, u"Last_Modified_On"_s}),
             u"Last_Modified_On"_s);
    QCOMPARE(ScheduleRules::defaultDeltaColumn(QStringList{u"Created_Time"_s, u"Closed_At"_s}), u"Created_Time"_s);
    // A date is not a date-time: no delta column at all.
    QCOMPARE(ScheduleRules::defaultDeltaColumn(QList<Column>{column(u"Follow_Up_Date"_s, u"date"_s)}), QString());
    QCOMPARE(ScheduleRules::defaultDeltaColumn(QStringList()), QString());
}

void TestSetupSchedule::scheduleParamsShapes()
{
    const qint64 startSecs = kNow.addSecs(300).toSecsSinceEpoch();

    // once: start and frequency only.
    QJsonObject params = ScheduleRules::toScheduleParams(schedule(u"once"_s, 0, 300, false, QString()));
    QCOMPARE(params.keys(), (QStringList{u"frequency"_s, u"startTime"_s}));
    QCOMPARE(params.value(u"frequency"_s).toString(), u"once"_s);
    QVERIFY(params.value(u"startTime"_s).isDouble()); // a JSON number, not the tutorials' string
    QCOMPARE(params.value(u"startTime"_s).toInteger(), startSecs);
    QCOMPARE(compact(params),
             QByteArray("{\"frequency\":\"once\",\"startTime\":") + QByteArray::number(startSecs) + "}");
    // Even when the user left an interval or backfill on: they never reach AEP for once.
    params = ScheduleRules::toScheduleParams(schedule(u"once"_s, 3, 300, true, QString()));
    QCOMPARE(params.keys(), (QStringList{u"frequency"_s, u"startTime"_s}));

    // Repeating: interval and backfill as a number and a boolean.
    params = ScheduleRules::toScheduleParams(schedule(u"hour"_s, 1, 300, true, u"Modified_Time"_s));
    QCOMPARE(compact(params), QByteArray("{\"backfill\":true,\"frequency\":\"hour\",\"interval\":1,\"startTime\":") +
                                  QByteArray::number(startSecs) + "}");
    params = ScheduleRules::toScheduleParams(schedule(u"minute"_s, 15, 300, false, u"Modified_Time"_s));
    QCOMPARE(params.value(u"interval"_s).toInt(), 15);
    QCOMPARE(params.value(u"backfill"_s), QJsonValue(false));

    // Seconds, truncated: the epoch value of the instant, whatever its time zone.
    Schedule s = schedule(u"day"_s, 1, 0, false, u"Modified_Time"_s);
    s.start = QDateTime(QDate(2026, 3, 1), QTime(14, 0, 0, 999), Qt::OffsetFromUTC, 2 * 3600);
    QCOMPARE(ScheduleRules::toScheduleParams(s).value(u"startTime"_s).toInteger(), kNow.toSecsSinceEpoch());
}

void TestSetupSchedule::transformationsShapes()
{
    // once: no Copy at all (a delta column would be refused with 1369).
    QJsonArray t = ScheduleRules::toTransformations(schedule(u"once"_s, 0, 300, false, u"Modified_Time"_s),
                                                    u"0a1b2c3d4e5f40718293a4b5c6d7e8f9"_s, 0);
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.at(0).toObject(),
             (QJsonObject{{u"name"_s, u"Mapping"_s},
                          {u"params"_s, QJsonObject{{u"mappingId"_s, u"0a1b2c3d4e5f40718293a4b5c6d7e8f9"_s},
                                                    {u"mappingVersion"_s, 0}}}}));
    QVERIFY(t.at(0).toObject().value(u"params"_s).toObject().value(u"mappingVersion"_s).isDouble());

    // Repeating: Copy with the delta column first, then Mapping.
    t = ScheduleRules::toTransformations(schedule(u"hour"_s, 1, 300, true, u" Modified_Time "_s), u"abc"_s, 2);
    QCOMPARE(t.size(), 2);
    QCOMPARE(t.at(0).toObject(),
             (QJsonObject{{u"name"_s, u"Copy"_s},
                          {u"params"_s, QJsonObject{{u"deltaColumn"_s, QJsonObject{{u"name"_s, u"Modified_Time"_s},
                                                                                   {u"dateFormat"_s, u"YYYY-MM-DD"_s},
                                                                                   {u"timezone"_s, u"UTC"_s}}}}}}));
    QCOMPARE(t.at(1).toObject().value(u"name"_s).toString(), u"Mapping"_s);
    QCOMPARE(t.at(1).toObject().value(u"params"_s).toObject().value(u"mappingVersion"_s).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestSetupSchedule)
#include "tst_setup_schedule.moc"
