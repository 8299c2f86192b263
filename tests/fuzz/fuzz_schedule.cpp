// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule rules: setup::ScheduleRules (validate, toScheduleParams, toTransformations, the
// delta column defaults) on a Schedule built from the input, and the direct sync's scheduler
// (sync::Schedule: parseDuration, nextRunAfter, the unit/plist/task files and command lines).
// Input: control bytes (frequency, interval, start, backfill), then text lines: frequency word,
// delta column, date-time columns (comma-separated), a duration, a profile name, arguments.
// Invariants: a schedule validate() accepts gives AEP what it demands (startTime ≥ now as an
// integer, no interval/backfill for once); a duration that parses lies in (0, …]; the next run
// is after the given time.
#include "FuzzCommon.h"

#include "setup/ScheduleRules.h"
#include "sync/Schedule.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1764324000, Qt::UTC);
    fuzz::Input in(data, size);
    const uint8_t control = in.byte();
    setup::Schedule s;
    const QStringList frequencies = setup::ScheduleRules::frequencies();
    s.interval = int(qint16(in.u16()));
    s.start = (control & 0x10) ? QDateTime() : now.addSecs(qint64(qint32(in.u32())));
    s.backfill = control & 0x20;
    const QString word = QString::fromUtf8(in.line());
    s.frequency = (control & 0x08) ? word : frequencies.value((control & 0x07) % (frequencies.size() + 1), word);
    s.deltaColumn = QString::fromUtf8(in.line());
    const QStringList columns = QString::fromUtf8(in.line()).split(
        QLatin1Char(','), (control & 0x40) ? Qt::SkipEmptyParts : Qt::KeepEmptyParts);

    setup::ScheduleRules::frequencyLabel(s.frequency);
    setup::ScheduleRules::minimumInterval(s.frequency);
    const QList<setup::ScheduleProblem> problems =
        setup::ScheduleRules::validate(s, now, (control & 0x80) ? columns : QStringList());
    for (const setup::ScheduleProblem &p : problems)
        ZAW_FUZZ_CHECK(!p.message.isEmpty());
    const QJsonObject params = setup::ScheduleRules::toScheduleParams(s);
    const QJsonArray transformations = setup::ScheduleRules::toTransformations(s, QStringLiteral("map-1"), 0);
    if (problems.isEmpty()) {
        ZAW_FUZZ_CHECK(setup::ScheduleRules::isValidFrequency(s.frequency));
        ZAW_FUZZ_CHECK(params.value(QStringLiteral("startTime")).isDouble());
        ZAW_FUZZ_CHECK(qint64(params.value(QStringLiteral("startTime")).toDouble()) >= now.toSecsSinceEpoch());
        if (s.frequency == QLatin1String("once")) {
            ZAW_FUZZ_CHECK(!params.contains(QStringLiteral("interval")));
            ZAW_FUZZ_CHECK(!params.contains(QStringLiteral("backfill")));
        } else {
            ZAW_FUZZ_CHECK(s.interval >= setup::ScheduleRules::minimumInterval(s.frequency));
        }
        ZAW_FUZZ_CHECK(!transformations.isEmpty());
    }
    setup::ScheduleRules::defaultDeltaColumn(columns);

    // The direct sync's scheduler.
    const QString duration = QString::fromUtf8(in.line());
    const int minutes = sync::Schedule::parseDuration(duration);
    ZAW_FUZZ_CHECK(minutes >= 0);
    const int every = minutes > 0 ? minutes : int(control) + 1;
    const QDateTime after = now.addSecs(qint64(qint32(in.u32())));
    const QDateTime next = sync::Schedule::nextRunAfter(every, after);
    ZAW_FUZZ_CHECK(next.isValid() && next > after);
    sync::ScheduleSpec spec;
    spec.profileName = QString::fromUtf8(in.line());
    spec.executable = QStringLiteral("/opt/zoho-aep-wizard/bin/zoho-aep-connect");
    spec.everyMinutes = every;
    const QStringList argv = QString::fromUtf8(in.rest()).split(QLatin1Char('\n'));
    spec.globalArgs = argv;
    sync::Schedule::name(spec.profileName);
    sync::Schedule::label(spec.profileName);
    sync::Schedule::systemdExecLine(argv);
    sync::Schedule::windowsCommandLine(argv);
    for (sync::SchedulerKind kind :
         {sync::SchedulerKind::SystemdUser, sync::SchedulerKind::LaunchAgent, sync::SchedulerKind::TaskScheduler}) {
        for (const sync::ScheduleFile &f : sync::Schedule::files(kind, spec, QStringLiteral("/home/fuzz")))
            ZAW_FUZZ_CHECK(!f.path.isEmpty() && !f.content.isEmpty());
    }
    return 0;
}
