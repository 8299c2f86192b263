// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/MappingBuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::setup {

// What the scheduling step of the wizard (reference aep-platform-api §9.5) and `create
// --frequency … --interval … --start … --backfill --delta-column …` collect.
struct Schedule
{
    QString frequency = QStringLiteral("once"); // AEP's words: once | minute | hour | day | week
    int interval = 0;                           // 0: none (the only valid value for once)
    QDateTime start;                            // first run, UTC
    bool backfill = false;                      // load history on the first run (not for once)
    QString deltaColumn;                        // date-time column for incremental loads (not for once)
};

enum class ScheduleField { Frequency, Interval, Start, Backfill, DeltaColumn };

struct ScheduleProblem
{
    ScheduleField field = ScheduleField::Frequency;
    QString code;    // the Flow Service error this prevents, e.g. "1362-400"; empty when AEP has none
    QString message; // translated: what is wrong and what to do
};

// AEP's schedule and Copy-transformation rules for CRM dataflows (reference §6.5, §6.6), checked
// before POST /flows so that the form can point at the field instead of showing error 1362:
//
//   1397  frequency not one of once, minute, hour, day, week
//   1304  no start time
//   1361  interval with once            1364  backfill with once
//   1369  delta column with once        1362  interval below the minimum (minute 15; hour, day, week 1)
//   1367  no delta column for a repeating flow
//   1360  start time in the past
//
// AEP documents start >= now; the sandbox lets a start up to a minute old through, to absorb
// clock skew. The client requires start >= now, so whatever it accepts is accepted there too
// (re-validate just before POST /flows: a start chosen on an earlier page may have passed).
class ScheduleRules
{
    Q_DECLARE_TR_FUNCTIONS(zaw::setup::ScheduleRules)

public:
    static QStringList frequencies(); // in the order the form offers them
    // How a form names a frequency (translated): "Once", "Every N hours", …
    static QString frequencyLabel(const QString &frequency);
    static bool isValidFrequency(const QString &frequency);
    // 15 for minute, 1 for hour/day/week, 0 for once (no interval), -1 for an unknown frequency.
    static int minimumInterval(const QString &frequency);

    // Problems in the order Flow Service checks them, so problems.first() is the error AEP would
    // answer. availableDateTimeColumns: the table's date-time columns; when given, the delta
    // column must be one of them (empty: not known, not checked).
    static QList<ScheduleProblem> validate(const Schedule &schedule, const QDateTime &now,
                                           const QStringList &availableDateTimeColumns = {});

    // The columns that can serve as delta column: date-time ones (a date alone cannot tell two
    // runs of the same day apart).
    static QStringList dateTimeColumns(const QList<catalogue::Column> &columns);
    // Modified_Time when present, then another date-time column whose name says "Modified", then
    // the first date-time column; empty when there is none.
    static QString defaultDeltaColumn(const QStringList &dateTimeColumns);
    static QString defaultDeltaColumn(const QList<catalogue::Column> &columns);

    // scheduleParams of POST /flows: startTime in epoch seconds (an integer), frequency, and for
    // a repeating flow interval and backfill (both must be absent for once).
    static QJsonObject toScheduleParams(const Schedule &schedule);
    // transformations of POST /flows: Copy with the delta column for a repeating flow only (AEP
    // refuses one for once), then Mapping.
    static QJsonArray toTransformations(const Schedule &schedule, const QString &mappingId, int mappingVersion);

    static const QString kDeltaDateFormat;
};

} // namespace zaw::setup
