// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/XdmRow.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

#include <cmath>

namespace zaw::sync {

QString XdmRow::sha1(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QDateTime XdmRow::parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return {};
    return t.toUTC();
}

QString XdmRow::isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

QJsonValue XdmRow::sourceValue(const QJsonObject &record, const QString &source)
{
    const QStringList parts = source.split(QLatin1Char('.'));
    QJsonValue v = record.value(parts.first());
    for (int i = 1; i < parts.size(); ++i) {
        if (v.isObject()) {
            v = v.toObject().value(parts.at(i));
        } else if (v.isString() || v.isDouble()) {
            // A Bulk Read lookup column: the id only.
            if (parts.at(i) == QLatin1String("id"))
                return v.isString() ? v : QJsonValue(QString::number(static_cast<qint64>(v.toDouble())));
            return {};
        } else {
            return {};
        }
    }
    return v;
}

QJsonValue XdmRow::convert(const QJsonValue &value, const QString &xdmType, const QString &xdmFormat)
{
    if (value.isNull() || value.isUndefined())
        return QJsonValue::Undefined;
    if (value.isString() && value.toString().isEmpty())
        return QJsonValue::Undefined;
    if (xdmType == QLatin1String("array")) {
        QJsonArray list;
        if (value.isArray()) {
            for (const QJsonValue &v : value.toArray()) {
                if (v.isObject())
                    list.append(v.toObject()
                                    .value(QStringLiteral("name"))
                                    .toString(v.toObject().value(QStringLiteral("id")).toString()));
                else if (!v.isNull())
                    list.append(v.isString() ? v : QJsonValue(v.toVariant().toString()));
            }
        } else {
            for (const QString &s : value.toVariant().toString().split(QLatin1Char(';'), Qt::SkipEmptyParts))
                list.append(s.trimmed());
        }
        return list.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(list);
    }
    if (xdmType == QLatin1String("boolean")) {
        if (value.isBool())
            return value;
        const QString s = value.toVariant().toString().trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("0"))
            return false;
        return QJsonValue::Undefined;
    }
    if (xdmType == QLatin1String("integer") || xdmType == QLatin1String("number")) {
        double d = 0;
        if (value.isDouble()) {
            d = value.toDouble();
        } else if (value.isString()) {
            bool ok = false;
            d = value.toString().trimmed().toDouble(&ok);
            if (!ok)
                return QJsonValue::Undefined;
        } else if (value.isBool()) {
            d = value.toBool() ? 1 : 0;
        } else {
            return QJsonValue::Undefined;
        }
        if (!std::isfinite(d))
            return QJsonValue::Undefined;
        if (xdmType == QLatin1String("integer"))
            return static_cast<double>(static_cast<qint64>(std::llround(d)));
        return d;
    }
    // string (with format date / date-time)
    QString s;
    if (value.isString())
        s = value.toString();
    else if (value.isBool())
        s = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble()) {
        const double d = value.toDouble();
        s = (d == std::floor(d) && std::fabs(d) < 9e15) ? QString::number(static_cast<qint64>(d))
                                                        : QString::number(d, 'g', 17);
    } else if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(v.isObject() ? v.toObject().value(QStringLiteral("name")).toString()
                                      : v.toVariant().toString());
        s = parts.join(QStringLiteral("; "));
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        s = o.value(QStringLiteral("name")).toString(o.value(QStringLiteral("id")).toString());
    }
    if (s.isEmpty())
        return QJsonValue::Undefined;
    if (xdmFormat == QLatin1String("date-time")) {
        const QDateTime t = parseTime(s);
        if (!t.isValid())
            return QJsonValue::Undefined;
        return isoUtc(t);
    }
    if (xdmFormat == QLatin1String("date")) {
        QDate d = QDate::fromString(s.left(10), Qt::ISODate);
        if (!d.isValid())
            return QJsonValue::Undefined;
        return d.toString(Qt::ISODate);
    }
    return s;
}

void XdmRow::setPath(QJsonObject &row, const QString &path, const QJsonValue &value)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        row.insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    QJsonObject child = row.value(head).toObject();
    setPath(child, path.mid(dot + 1), value);
    row.insert(head, child);
}

QJsonValue XdmRow::valueAt(const QJsonObject &row, const QString &path)
{
    QJsonValue v = row;
    for (const QString &p : path.split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue::Undefined;
        v = v.toObject().value(p);
    }
    return v;
}

QJsonObject XdmRow::fromRecord(const SyncModuleConfig &module, const QJsonObject &record)
{
    return XdmRowBuilder(module).fromRecord(record);
}

XdmRowBuilder::XdmRowBuilder(const SyncModuleConfig &module)
    : m_module(module.module)
{
    for (const setup::XdmFieldMapping &m : module.fields) {
        if (m.xdmPath.isEmpty())
            continue;
        Leaf leaf;
        leaf.path = m.xdmPath.split(QLatin1Char('.'));
        leaf.source = m.source.isEmpty() ? m.zohoField : m.source;
        leaf.xdmType = m.xdmType;
        leaf.xdmFormat = m.xdmFormat;
        m_leaves.push_back(leaf);
    }
    if (!module.identityPath.isEmpty()) {
        Leaf leaf;
        leaf.path = module.identityPath.split(QLatin1Char('.'));
        leaf.special = Special::Identity;
        m_leaves.push_back(leaf);
    }
    if (!module.deletedFlagPath.isEmpty()) {
        Leaf leaf;
        leaf.path = module.deletedFlagPath.split(QLatin1Char('.'));
        leaf.special = Special::NotDeleted;
        m_leaves.push_back(leaf);
    }
    // Stable: of two leaves at one path the later (the identity) wins, as with setPath.
    std::stable_sort(m_leaves.begin(), m_leaves.end(), [](const Leaf &a, const Leaf &b) {
        const int n = int(qMin(a.path.size(), b.path.size()));
        for (int i = 0; i < n; ++i) {
            const int c = a.path.at(i).compare(b.path.at(i));
            if (c != 0)
                return c < 0;
        }
        return a.path.size() < b.path.size();
    });
}

QJsonObject XdmRowBuilder::build(const std::vector<QJsonValue> &values, int begin, int end, int depth) const
{
    QJsonObject object;
    int i = begin;
    while (i < end) {
        const QString &key = m_leaves[size_t(i)].path.at(depth);
        int j = i + 1;
        while (j < end && m_leaves[size_t(j)].path.size() > depth && m_leaves[size_t(j)].path.at(depth) == key)
            ++j;
        // [i, j): the leaves under key. A leaf ending here is a value; the rest an object.
        QJsonValue value = QJsonValue::Undefined;
        int k = i;
        while (k < j && m_leaves[size_t(k)].path.size() == depth + 1) {
            if (!values[size_t(k)].isUndefined())
                value = values[size_t(k)];
            ++k;
        }
        if (k < j) {
            const QJsonObject child = build(values, k, j, depth + 1);
            if (!child.isEmpty())
                object.insert(key, child);
        } else if (!value.isUndefined()) {
            object.insert(key, value);
        }
        i = j;
    }
    return object;
}

QJsonObject XdmRowBuilder::fromRecord(const QJsonObject &record) const
{
    const QString id = XdmRow::sourceValue(record, QStringLiteral("id")).toVariant().toString();
    const QString modified = record.value(QStringLiteral("Modified_Time")).toString();
    std::vector<QJsonValue> values;
    values.reserve(m_leaves.size());
    for (const Leaf &leaf : m_leaves) {
        switch (leaf.special) {
        case Special::Identity:
            values.push_back(id);
            break;
        case Special::NotDeleted:
            values.push_back(false);
            break;
        case Special::None:
            values.push_back(XdmRow::convert(XdmRow::sourceValue(record, leaf.source), leaf.xdmType, leaf.xdmFormat));
            break;
        }
    }
    QJsonObject row = build(values, 0, int(m_leaves.size()), 0);
    const QDateTime t = XdmRow::parseTime(modified);
    row.insert(QStringLiteral("_id"), XdmRow::sha1(m_module + QLatin1Char('|') + id + QLatin1Char('|') +
                                                   (t.isValid() ? XdmRow::isoUtc(t) : modified)));
    return row;
}

QJsonObject XdmRow::tombstone(const SyncModuleConfig &module, const QString &zohoId, const QDateTime &deletedTime)
{
    QJsonObject row;
    const QString when = isoUtc(deletedTime);
    if (!module.identityPath.isEmpty())
        setPath(row, module.identityPath, zohoId);
    if (!module.deletedFlagPath.isEmpty())
        setPath(row, module.deletedFlagPath, true);
    if (!module.deletedTimePath.isEmpty())
        setPath(row, module.deletedTimePath, when);
    row.insert(QStringLiteral("_id"),
               sha1(module.module + QLatin1Char('|') + zohoId + QStringLiteral("|deleted|") + when));
    return row;
}

} // namespace zaw::sync
