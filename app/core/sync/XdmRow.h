// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SyncConfig.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace zaw::sync {

// The local transformation of a direct sync: one Zoho record (COQL/records JSON, or a Bulk Read
// CSV row shaped like it) into one XDM row of the module's dataset (contract "XDM row").
class XdmRow
{
public:
    // Each mapping's value at `source` converted to xdmType/xdmFormat and set at xdmPath; nulls
    // and empty values are left out. The identity path holds the record id; `_id` is
    // sha1(module|id|Modified_Time).
    static QJsonObject fromRecord(const SyncModuleConfig &module, const QJsonObject &record);
    // A deletion: identity, deleted flag true, deletion time; `_id` = sha1(module|id|deleted|time).
    static QJsonObject tombstone(const SyncModuleConfig &module, const QString &zohoId, const QDateTime &deletedTime);

    // The value at a dotted source ("Owner.id" reads record["Owner"]["id"]; a lookup given as its
    // id only, as Bulk Read writes it, reads as {"id": value}).
    static QJsonValue sourceValue(const QJsonObject &record, const QString &source);
    // value as the XDM leaf wants it; undefined when it cannot be converted or is empty.
    static QJsonValue convert(const QJsonValue &value, const QString &xdmType, const QString &xdmFormat);
    // Sets value at a dotted path, making the objects on the way.
    static void setPath(QJsonObject &row, const QString &path, const QJsonValue &value);
    static QJsonValue valueAt(const QJsonObject &row, const QString &path);
    // A Zoho date-time as UTC ("2026-10-20T07:30:00Z"); invalid when not a date-time.
    static QDateTime parseTime(const QString &text);
    static QString isoUtc(const QDateTime &time);
    static QString sha1(const QString &text);
};

// XdmRow::fromRecord for many records of one module: the paths are split and ordered once, and
// each row's objects are built once (no copy per field).
class XdmRowBuilder
{
public:
    explicit XdmRowBuilder(const SyncModuleConfig &module);
    QJsonObject fromRecord(const QJsonObject &record) const;

private:
    enum class Special { None, Identity, NotDeleted };
    struct Leaf
    {
        QStringList path;
        QString source;
        QString xdmType, xdmFormat;
        Special special = Special::None;
    };
    QJsonObject build(const std::vector<QJsonValue> &values, int begin, int end, int depth) const;

    QString m_module;
    std::vector<Leaf> m_leaves; // ordered by path
};

} // namespace zaw::sync
