// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/ModuleState.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace zaw::sync {

namespace {

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss+00:00")) : QString();
}

QDateTime timeFrom(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

void putTime(QJsonObject &o, const char *key, const QDateTime &t)
{
    o.insert(QLatin1String(key), t.isValid() ? QJsonValue(timeText(t)) : QJsonValue());
}

} // namespace

QJsonObject PendingBatch::toJson() const
{
    QJsonArray list;
    for (const PendingFile &f : files)
        list.append(QJsonObject{{QStringLiteral("name"), f.name},
                                {QStringLiteral("bytes"), static_cast<double>(f.bytes)},
                                {QStringLiteral("rows"), static_cast<double>(f.rows)},
                                {QStringLiteral("uploaded"), f.uploaded}});
    QJsonObject o{{QStringLiteral("externalId"), externalId},
                  {QStringLiteral("batchId"), batchId.isEmpty() ? QJsonValue() : QJsonValue(batchId)},
                  {QStringLiteral("spoolKey"), spoolKey},
                  {QStringLiteral("windowEnd"),
                   QJsonObject{{QStringLiteral("ts"), timeText(windowEnd)}, {QStringLiteral("id"), QJsonValue()}}},
                  {QStringLiteral("files"), list},
                  {QStringLiteral("completed"), completed},
                  {QStringLiteral("firstLoad"), firstLoad},
                  {QStringLiteral("attempt"), attempt},
                  {QStringLiteral("records"), static_cast<double>(records)},
                  {QStringLiteral("tombstones"), static_cast<double>(tombstones)}};
    putTime(o, "deletedUntil", deletedUntil);
    return o;
}

PendingBatch PendingBatch::fromJson(const QJsonObject &o)
{
    PendingBatch p;
    p.externalId = o.value(QStringLiteral("externalId")).toString();
    p.batchId = o.value(QStringLiteral("batchId")).toString();
    p.spoolKey = o.value(QStringLiteral("spoolKey")).toString();
    p.windowEnd = timeFrom(o.value(QStringLiteral("windowEnd")).toObject().value(QStringLiteral("ts")));
    p.deletedUntil = timeFrom(o.value(QStringLiteral("deletedUntil")));
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        PendingFile pf;
        pf.name = f.value(QStringLiteral("name")).toString();
        pf.bytes = static_cast<qint64>(f.value(QStringLiteral("bytes")).toDouble());
        pf.rows = static_cast<qint64>(f.value(QStringLiteral("rows")).toDouble());
        pf.uploaded = f.value(QStringLiteral("uploaded")).toBool();
        p.files.append(pf);
    }
    p.completed = o.value(QStringLiteral("completed")).toBool();
    p.firstLoad = o.value(QStringLiteral("firstLoad")).toBool();
    p.attempt = o.value(QStringLiteral("attempt")).toInt();
    p.records = static_cast<qint64>(o.value(QStringLiteral("records")).toDouble());
    p.tombstones = static_cast<qint64>(o.value(QStringLiteral("tombstones")).toDouble());
    return p;
}

QJsonObject ModuleState::toJson() const
{
    QJsonObject o{
        {QStringLiteral("module"), module},
        {QStringLiteral("datasetId"), dataSetId},
        {QStringLiteral("fieldsHash"), fieldsHash},
        {QStringLiteral("phase"), phase.isEmpty() ? QStringLiteral("initial") : phase},
        {QStringLiteral("cursor"),
         QJsonObject{{QStringLiteral("ts"), cursorTs.isValid() ? QJsonValue(timeText(cursorTs)) : QJsonValue()},
                     {QStringLiteral("id"), cursorId.isEmpty() ? QJsonValue() : QJsonValue(cursorId)}}},
        {QStringLiteral("pending"), pending.isValid() ? QJsonValue(pending.toJson()) : QJsonValue()}};
    putTime(o, "deletedSince", deletedSince);
    if (!attentionHash.isEmpty())
        o.insert(QStringLiteral("attention"), QJsonObject{{QStringLiteral("fieldsHash"), attentionHash},
                                                          {QStringLiteral("batchId"), attentionBatchId},
                                                          {QStringLiteral("message"), attentionMessage},
                                                          {QStringLiteral("errors"), attentionErrors}});
    return o;
}

ModuleState ModuleState::fromJson(const QJsonObject &o)
{
    ModuleState s;
    s.module = o.value(QStringLiteral("module")).toString();
    s.dataSetId = o.value(QStringLiteral("datasetId")).toString();
    s.fieldsHash = o.value(QStringLiteral("fieldsHash")).toString();
    s.phase = o.value(QStringLiteral("phase")).toString(QStringLiteral("initial"));
    const QJsonObject c = o.value(QStringLiteral("cursor")).toObject();
    s.cursorTs = timeFrom(c.value(QStringLiteral("ts")));
    s.cursorId = c.value(QStringLiteral("id")).toString();
    s.deletedSince = timeFrom(o.value(QStringLiteral("deletedSince")));
    if (o.value(QStringLiteral("pending")).isObject())
        s.pending = PendingBatch::fromJson(o.value(QStringLiteral("pending")).toObject());
    const QJsonObject a = o.value(QStringLiteral("attention")).toObject();
    s.attentionHash = a.value(QStringLiteral("fieldsHash")).toString();
    s.attentionBatchId = a.value(QStringLiteral("batchId")).toString();
    s.attentionMessage = a.value(QStringLiteral("message")).toString();
    s.attentionErrors = a.value(QStringLiteral("errors")).toArray();
    return s;
}

bool ModuleState::load(const QString &path, const QString &module, ModuleState *state, QString *error)
{
    QFile f(path);
    if (!f.exists()) {
        *state = ModuleState();
        state->module = module;
        state->phase = QStringLiteral("initial");
        return true;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("zaw::sync::ModuleState",
                                                 "Cannot read the sync state %1 (%2). Check the file's permissions.")
                         .arg(path, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("zaw::sync::ModuleState",
                                                 "The sync state %1 is damaged (%2). Delete it to load the module "
                                                 "again from the start.")
                         .arg(path, pe.errorString());
        return false;
    }
    *state = fromJson(doc.object());
    if (state->module.isEmpty())
        state->module = module;
    return true;
}

bool ModuleState::save(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("zaw::sync::ModuleState",
                                                 "Cannot write the sync state %1 (%2). Check free space and "
                                                 "permissions.")
                         .arg(path, f.errorString());
        return false;
    }
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        if (error)
            *error = QCoreApplication::translate("zaw::sync::ModuleState",
                                                 "Cannot write the sync state %1 (%2). Check free space and "
                                                 "permissions.")
                         .arg(path, f.errorString());
        return false;
    }
    return true;
}

QString ModuleState::compact(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("19700101T000000Z");
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString ModuleState::externalId(const QString &zohoOrgId, const QString &module, const QDateTime &cursorTs,
                                const QDateTime &windowEnd, int attempt)
{
    QString id = QStringLiteral("zaep:%1:%2:%3-%4").arg(zohoOrgId, module, compact(cursorTs), compact(windowEnd));
    if (attempt > 0)
        id += QStringLiteral("-r%1").arg(attempt);
    return id;
}

} // namespace zaw::sync
