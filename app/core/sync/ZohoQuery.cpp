// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ZohoQuery.h"

namespace zaw::sync {

QString ZohoQuery::time(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss+00:00"));
}

QDateTime ZohoQuery::windowEnd(const QDateTime &now, int lagSeconds)
{
    const qint64 secs = now.toUTC().toSecsSinceEpoch() - lagSeconds;
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

QList<QStringList> ZohoQuery::fieldGroups(const QStringList &fields, int maxPerSelect)
{
    const QStringList keys{QStringLiteral("id"), QStringLiteral("Modified_Time")};
    QStringList rest;
    for (const QString &f : fields) {
        if (!keys.contains(f) && !rest.contains(f))
            rest.append(f);
    }
    const int per = qMax(1, maxPerSelect - keys.size());
    QList<QStringList> groups;
    for (int i = 0; i < rest.size(); i += per)
        groups.append(keys + rest.mid(i, per));
    if (groups.isEmpty())
        groups.append(keys);
    return groups;
}

QString ZohoQuery::keyset(const QString &module, const QStringList &fields, const QDateTime &cursorTs,
                          const QString &cursorId, const QDateTime &windowEnd, int limit)
{
    const QString end = time(windowEnd);
    QString where;
    if (!cursorTs.isValid()) {
        where = QStringLiteral("Modified_Time < '%1'").arg(end);
    } else {
        const QString ts = time(cursorTs);
        where = QStringLiteral("(Modified_Time >= '%1' and Modified_Time < '%2')").arg(ts, end);
        if (!cursorId.isEmpty())
            where = QStringLiteral("(%1 and (Modified_Time > '%2' or id > %3))").arg(where, ts, cursorId);
    }
    return QStringLiteral("select %1 from %2 where %3 order by Modified_Time asc, id asc limit %4")
        .arg(fields.join(QStringLiteral(", ")), module, where)
        .arg(limit);
}

} // namespace zaw::sync
