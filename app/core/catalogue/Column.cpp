// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/Column.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace zaw::catalogue {

bool Column::isDateTime() const
{
    return metaXdmType == u"date-time"_s || xdmFormat == u"date-time"_s;
}

Column Column::fromJson(const QJsonObject &column)
{
    Column c;
    c.raw = column;
    c.name = column.value(u"name"_s).toString();
    c.type = column.value(u"type"_s).toString();
    const QJsonObject xdm = column.value(u"xdm"_s).toObject();
    // Some examples write xdm.type as "String": XDM's own words are lower case.
    c.xdmType = xdm.value(u"type"_s).toString().toLower();
    c.xdmFormat = xdm.value(u"format"_s).toString();
    c.metaXdmType = column.value(u"meta:xdmType"_s).toString();
    return c;
}

QString Column::sourceType() const
{
    if (!type.isEmpty())
        return type;
    return raw.value(u"meta"_s).toObject().value(u"originalType"_s).toString().toLower();
}

QList<Column> Column::listFromJson(const QJsonValue &exploreAnswer)
{
    QJsonArray columns;
    if (exploreAnswer.isArray()) {
        columns = exploreAnswer.toArray();
    } else {
        const QJsonObject o = exploreAnswer.toObject();
        if (o.contains(u"columns"_s))
            columns = o.value(u"columns"_s).toArray();
        else
            columns = o.value(u"schema"_s).toObject().value(u"columns"_s).toArray();
    }
    QList<QJsonObject> objects;
    for (const QJsonValue &v : std::as_const(columns))
        objects.append(v.toObject());
    return listFromJson(objects);
}

QList<Column> Column::listFromJson(const QList<QJsonObject> &columns)
{
    QList<Column> list;
    for (const QJsonObject &o : columns) {
        const Column c = fromJson(o);
        if (!c.name.isEmpty())
            list.append(c);
    }
    return list;
}

} // namespace zaw::catalogue
