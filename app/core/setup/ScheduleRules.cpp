// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ScheduleRules.h"

using namespace Qt::StringLiterals;

namespace zaw::setup {

// The format AEP's CRM tutorial sends with the delta column.
const QString ScheduleRules::kDeltaDateFormat = u"YYYY-MM-DD"_s;

namespace {

const QString kOnce = u"once"_s;

} // namespace

QString ScheduleRules::frequencyLabel(const QString &frequency)
{
    if (frequency == u"once"_s)
        return tr("Once");
    if (frequency == u"minute"_s)
        return tr("Every N minutes");
    if (frequency == u"hour"_s)
        return tr("Every N hours");
    if (frequency == u"day"_s)
        return tr("Every N days");
    if (frequency == u"week"_s)
        return tr("Every N weeks");
    return frequency;
}

QStringList ScheduleRules::frequencies()
{
    return {kOnce, u"minute"_s, u"hour"_s, u"day"_s, u"week"_s};
}

bool ScheduleRules::isValidFrequency(const QString &frequency)
{
    // Case matters: Flow Service compares the exact lower-case words.
    return frequencies().contains(frequency);
}

int ScheduleRules::minimumInterval(const QString &frequency)
{
    if (!isValidFrequency(frequency))
        return -1;
    if (frequency == kOnce)
        return 0;
    // Newest AEP text: 15 for minute, 1 for the others (older text said 15 everywhere).
    return frequency == u"minute"_s ? 15 : 1;
}

QList<ScheduleProblem> ScheduleRules::validate(const Schedule &schedule, const QDateTime &now,
                                               const QStringList &availableDateTimeColumns)
{
    QList<ScheduleProblem> problems;
    const QString &frequency = schedule.frequency;
    const bool knownFrequency = isValidFrequency(frequency);
    if (!knownFrequency) {
        problems.append(
            {ScheduleField::Frequency, u"1397-400"_s,
             tr("\"%1\" is not a frequency AEP knows. Choose Once, Minute, Hour, Day or Week.").arg(frequency)});
    }
    if (!schedule.start.isValid()) {
        problems.append({ScheduleField::Start, u"1304-400"_s, tr("Choose when the dataflow starts (UTC).")});
    }

    const QString deltaColumn = schedule.deltaColumn.trimmed();
    if (knownFrequency && frequency == kOnce) {
        if (schedule.interval != 0) {
            problems.append({ScheduleField::Interval, u"1361-400"_s,
                             tr("A dataflow that runs once has no interval. Clear the interval or choose a repeating "
                                "frequency.")});
        }
        if (schedule.backfill) {
            problems.append({ScheduleField::Backfill, u"1364-400"_s,
                             tr("Backfill only applies to repeating dataflows; a dataflow that runs once loads "
                                "everything anyway. Turn backfill off or choose a repeating frequency.")});
        }
        if (!deltaColumn.isEmpty()) {
            problems.append({ScheduleField::DeltaColumn, u"1369-400"_s,
                             tr("A dataflow that runs once loads every record, so it takes no delta column. Clear "
                                "the delta column or choose a repeating frequency.")});
        }
    } else if (knownFrequency) {
        const int minimum = minimumInterval(frequency);
        if (schedule.interval < minimum) {
            QString message;
            if (frequency == u"minute"_s)
                message = tr("A dataflow that runs by the minute needs an interval of at least 15 minutes. Enter 15 "
                             "or more.");
            else if (frequency == u"hour"_s)
                message = tr("Enter an interval of at least 1 hour.");
            else if (frequency == u"day"_s)
                message = tr("Enter an interval of at least 1 day.");
            else
                message = tr("Enter an interval of at least 1 week.");
            problems.append({ScheduleField::Interval, u"1362-400"_s, message});
        }
        if (deltaColumn.isEmpty()) {
            problems.append({ScheduleField::DeltaColumn, u"1367-400"_s,
                             tr("A repeating dataflow loads only what changed since the last run, by a date-time "
                                "column. Choose one, such as Modified_Time.")});
        } else if (!availableDateTimeColumns.isEmpty() && !availableDateTimeColumns.contains(deltaColumn)) {
            // Flow Service accepts any name here; the runs would then fail or load nothing.
            problems.append({ScheduleField::DeltaColumn, QString(),
                             tr("\"%1\" is not a date-time column of this table. Choose one of: %2.")
                                 .arg(deltaColumn, availableDateTimeColumns.join(u", "_s))});
        }
    }

    if (schedule.start.isValid() && schedule.start.toMSecsSinceEpoch() < now.toMSecsSinceEpoch()) {
        problems.append({ScheduleField::Start, u"1360-400"_s,
                         tr("The start time %1 UTC has already passed. Choose a time from now on.")
                             .arg(schedule.start.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s))});
    }
    return problems;
}

QStringList ScheduleRules::dateTimeColumns(const QList<catalogue::Column> &columns)
{
    QStringList names;
    for (const catalogue::Column &c : columns) {
        if (c.isDateTime())
            names.append(c.name);
    }
    return names;
}

QString ScheduleRules::defaultDeltaColumn(const QStringList &dateTimeColumns)
{
    // Zoho updates Modified_Time on every change of a record: exactly what an incremental load
    // needs. Created_Time would miss updates.
    if (dateTimeColumns.contains(u"Modified_Time"_s))
        return u"Modified_Time"_s;
    for (const QString &name : dateTimeColumns) {
        if (name.contains(u"Modified"_s, Qt::CaseInsensitive))
            return name;
    }
    return dateTimeColumns.isEmpty() ? QString() : dateTimeColumns.first();
}

QString ScheduleRules::defaultDeltaColumn(const QList<catalogue::Column> &columns)
{
    return defaultDeltaColumn(dateTimeColumns(columns));
}

QJsonObject ScheduleRules::toScheduleParams(const Schedule &schedule)
{
    QJsonObject params{{u"frequency"_s, schedule.frequency}};
    // Integers, not the strings of the tutorials: the flow spec's JSON Schema types them so.
    if (schedule.start.isValid())
        params.insert(u"startTime"_s, schedule.start.toSecsSinceEpoch());
    if (schedule.frequency != kOnce) {
        params.insert(u"interval"_s, schedule.interval);
        params.insert(u"backfill"_s, schedule.backfill);
    }
    return params;
}

QJsonArray ScheduleRules::toTransformations(const Schedule &schedule, const QString &mappingId, int mappingVersion)
{
    QJsonArray transformations;
    if (schedule.frequency != kOnce) {
        const QJsonObject deltaColumn{{u"name"_s, schedule.deltaColumn.trimmed()},
                                      {u"dateFormat"_s, kDeltaDateFormat},
                                      {u"timezone"_s, u"UTC"_s}};
        transformations.append(
            QJsonObject{{u"name"_s, u"Copy"_s}, {u"params"_s, QJsonObject{{u"deltaColumn"_s, deltaColumn}}}});
    }
    transformations.append(
        QJsonObject{{u"name"_s, u"Mapping"_s},
                    {u"params"_s, QJsonObject{{u"mappingId"_s, mappingId}, {u"mappingVersion"_s, mappingVersion}}}});
    return transformations;
}

} // namespace zaw::setup
