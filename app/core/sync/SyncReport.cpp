// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncReport.h"

#include <QJsonArray>

namespace zaw::sync {

namespace {

QJsonObject errorJson(const net::Error &e)
{
    return {{QStringLiteral("category"), net::categoryName(e.category)},
            {QStringLiteral("message"), e.message},
            {QStringLiteral("httpStatus"), e.httpStatus},
            {QStringLiteral("code"), e.code},
            {QStringLiteral("requestId"), e.requestId}};
}

net::Error errorFromJson(const QJsonValue &value)
{
    net::Error e;
    const QJsonObject o = value.toObject();
    if (o.isEmpty())
        return e;
    e.category = net::categoryFromName(o.value(QStringLiteral("category")).toString());
    e.message = o.value(QStringLiteral("message")).toString();
    e.httpStatus = o.value(QStringLiteral("httpStatus")).toInt();
    e.code = o.value(QStringLiteral("code")).toString();
    e.requestId = o.value(QStringLiteral("requestId")).toString();
    return e;
}

} // namespace

QJsonObject ModuleReport::toJson() const
{
    QJsonObject o{{QStringLiteral("module"), module},
                  {QStringLiteral("recordsRead"), recordsRead},
                  {QStringLiteral("tombstones"), tombstones},
                  {QStringLiteral("batchId"), batchId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(batchId)},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("failedRows"), failedRows},
                  {QStringLiteral("firstLoad"), firstLoad},
                  {QStringLiteral("zohoCredits"), zohoCredits}};
    if (!externalId.isEmpty())
        o.insert(QStringLiteral("externalId"), externalId);
    if (!failedRecordIds.isEmpty())
        o.insert(QStringLiteral("failedRecordIds"), QJsonArray::fromStringList(failedRecordIds));
    if (error)
        o.insert(QStringLiteral("error"), errorJson(error));
    return o;
}

ModuleReport ModuleReport::fromJson(const QJsonObject &json)
{
    ModuleReport m;
    m.module = json.value(QStringLiteral("module")).toString();
    m.recordsRead = json.value(QStringLiteral("recordsRead")).toInteger();
    m.tombstones = json.value(QStringLiteral("tombstones")).toInteger();
    m.batchId = json.value(QStringLiteral("batchId")).toString();
    m.externalId = json.value(QStringLiteral("externalId")).toString();
    m.status = json.value(QStringLiteral("status")).toString();
    m.failedRows = json.value(QStringLiteral("failedRows")).toInteger();
    for (const auto &v : json.value(QStringLiteral("failedRecordIds")).toArray())
        m.failedRecordIds.append(v.toString());
    m.firstLoad = json.value(QStringLiteral("firstLoad")).toBool();
    m.zohoCredits = json.value(QStringLiteral("zohoCredits")).toInt();
    m.error = errorFromJson(json.value(QStringLiteral("error")));
    return m;
}

bool RunReport::ok() const
{
    if (error)
        return false;
    for (const auto &m : modules) {
        if (!m.isSuccess())
            return false;
    }
    return true;
}

QJsonObject RunReport::toJson() const
{
    QJsonArray list;
    for (const auto &m : modules)
        list.append(m.toJson());
    QJsonObject o{{QStringLiteral("started"), started.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("finished"), finished.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("modules"), list}};
    if (lockHeld)
        o.insert(QStringLiteral("lockHeld"), true);
    if (error)
        o.insert(QStringLiteral("error"), errorJson(error));
    return o;
}

RunReport RunReport::fromJson(const QJsonObject &json)
{
    RunReport r;
    r.started = QDateTime::fromString(json.value(QStringLiteral("started")).toString(), Qt::ISODate);
    r.finished = QDateTime::fromString(json.value(QStringLiteral("finished")).toString(), Qt::ISODate);
    for (const auto &v : json.value(QStringLiteral("modules")).toArray())
        r.modules.append(ModuleReport::fromJson(v.toObject()));
    r.lockHeld = json.value(QStringLiteral("lockHeld")).toBool();
    r.error = errorFromJson(json.value(QStringLiteral("error")));
    return r;
}

} // namespace zaw::sync
