// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace zaw::catalogue {

// One column of a source table, as every catalogue gives it and the setup reads it. The shape is
// that of Flow Service explore (objectType=table), reference aep-platform-api §4.2:
// {name, type, xdm{type, format}, meta:xdmType}; a catalogue that reads another source (Zoho CRM
// directly) answers in the same shape.
struct Column
{
    QString name;
    QString type;        // the source's own type word: string, double, boolean, long, object …
    QString xdmType;     // xdm.type, lower case (XDM's own words)
    QString xdmFormat;   // xdm.format (date, date-time) when given
    QString metaXdmType; // meta:xdmType when given
    QJsonObject raw;     // as answered, for params.columns of a source connection

    bool isDateTime() const;
    // type, or for older explore answers that give only meta.originalType, that (lower case).
    QString sourceType() const;
    // The fields as answered, nothing derived: the setup saves and hashes what it reads here, so
    // a value filled in from another field would make a saved setup's objects again.
    static Column fromJson(const QJsonObject &column);
    // Accepts the whole explore answer ({"schema": {"columns": […]}}), the schema object, the
    // bare columns array or a list of column objects; columns without a name are left out.
    static QList<Column> listFromJson(const QJsonValue &exploreAnswer);
    static QList<Column> listFromJson(const QList<QJsonObject> &columns);
};

} // namespace zaw::catalogue
