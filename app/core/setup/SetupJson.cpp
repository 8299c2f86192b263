// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SetupJson.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace zaw::setup {

QJsonObject SetupJson::column(const catalogue::Column &c)
{
    QJsonObject xdm{{u"type"_s, c.xdmType.isEmpty() ? u"string"_s : c.xdmType}};
    if (!c.xdmFormat.isEmpty())
        xdm.insert(u"format"_s, c.xdmFormat);
    QJsonObject o{{u"name"_s, c.name}, {u"type"_s, c.type}, {u"xdm"_s, xdm}};
    if (!c.metaXdmType.isEmpty())
        o.insert(u"meta:xdmType"_s, c.metaXdmType);
    return o;
}

QJsonObject SetupJson::field(const zoho::ZohoField &f)
{
    QJsonObject o{{u"apiName"_s, f.apiName},   {u"label"_s, f.label},   {u"dataType"_s, f.dataType},
                  {u"jsonType"_s, f.jsonType}, {u"custom"_s, f.custom}, {u"readOnly"_s, f.readOnly}};
    // The one part of Zoho's raw field metadata the schema builder reads.
    const QString returnType = f.raw.value(u"formula"_s).toObject().value(u"return_type"_s).toString();
    if (!returnType.isEmpty())
        o.insert(u"formulaReturnType"_s, returnType);
    return o;
}

zoho::ZohoField SetupJson::fieldFrom(const QJsonObject &o)
{
    zoho::ZohoField f;
    f.apiName = o.value(u"apiName"_s).toString();
    f.label = o.value(u"label"_s).toString();
    f.dataType = o.value(u"dataType"_s).toString();
    f.jsonType = o.value(u"jsonType"_s).toString();
    f.custom = o.value(u"custom"_s).toBool();
    f.readOnly = o.value(u"readOnly"_s).toBool();
    const QString returnType = o.value(u"formulaReturnType"_s).toString();
    if (!returnType.isEmpty())
        f.raw.insert(u"formula"_s, QJsonObject{{u"return_type"_s, returnType}});
    return f;
}

QJsonObject SetupJson::row(const MappingRow &r)
{
    return QJsonObject{{u"source"_s, r.source},
                       {u"sourceType"_s, r.sourceType},
                       {u"destination"_s, r.destination},
                       {u"enabled"_s, r.enabled}};
}

MappingRow SetupJson::rowFrom(const QJsonObject &o)
{
    return MappingRow{o.value(u"source"_s).toString(), o.value(u"sourceType"_s).toString(),
                      o.value(u"destination"_s).toString(), o.value(u"enabled"_s).toBool(true)};
}

QJsonObject SetupJson::schedule(const Schedule &s)
{
    return QJsonObject{{u"frequency"_s, s.frequency},
                       {u"interval"_s, s.interval},
                       {u"start"_s, s.start.isValid() ? s.start.toUTC().toString(Qt::ISODate) : QString()},
                       {u"backfill"_s, s.backfill},
                       {u"deltaColumn"_s, s.deltaColumn}};
}

Schedule SetupJson::scheduleFrom(const QJsonObject &o)
{
    Schedule s;
    s.frequency = o.value(u"frequency"_s).toString(s.frequency);
    s.interval = o.value(u"interval"_s).toInt();
    s.start = QDateTime::fromString(o.value(u"start"_s).toString(), Qt::ISODate).toUTC();
    s.backfill = o.value(u"backfill"_s).toBool();
    s.deltaColumn = o.value(u"deltaColumn"_s).toString();
    return s;
}

QJsonArray SetupJson::columns(const QList<catalogue::Column> &list)
{
    QJsonArray a;
    for (const catalogue::Column &c : list)
        a.append(column(c));
    return a;
}

QJsonArray SetupJson::fields(const QList<zoho::ZohoField> &list)
{
    QJsonArray a;
    for (const zoho::ZohoField &f : list)
        a.append(field(f));
    return a;
}

QJsonArray SetupJson::rows(const QList<MappingRow> &list)
{
    QJsonArray a;
    for (const MappingRow &r : list)
        a.append(row(r));
    return a;
}

} // namespace zaw::setup
