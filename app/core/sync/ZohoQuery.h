// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::sync {

// The COQL text of the keyset reader (reference §4.2, §5.2 step 4).
class ZohoQuery
{
public:
    static constexpr int kPageSize = 2000;
    static constexpr int kMaxFieldsPerSelect = 50;

    // Groups of at most maxPerSelect fields, each starting with id and Modified_Time; every other
    // field of `fields` in exactly one group, in order.
    static QList<QStringList> fieldGroups(const QStringList &fields, int maxPerSelect = kMaxFieldsPerSelect);
    // select … from module where ((Modified_Time >= 'ts' and Modified_Time < 'end') and
    // (Modified_Time > 'ts' or id > cid)) order by Modified_Time asc, id asc limit 2000.
    // An invalid cursorTs: no lower bound; an empty cursorId: no tie-break clause.
    static QString keyset(const QString &module, const QStringList &fields, const QDateTime &cursorTs,
                          const QString &cursorId, const QDateTime &windowEnd, int limit = kPageSize);
    // "yyyy-MM-ddTHH:mm:ss+00:00"
    static QString time(const QDateTime &t);
    // floor_to_second(now − lag) in UTC.
    static QDateTime windowEnd(const QDateTime &now, int lagSeconds);
};

} // namespace zaw::sync
