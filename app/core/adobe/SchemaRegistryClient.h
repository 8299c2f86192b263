// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace zaw::adobe {

class PlatformClient;

struct SchemaSummary
{
    QString id;    // $id, a URL under https://ns.adobe.com/{tenant}/schemas/
    QString altId; // meta:altId
    QString title;
    QString version;
};

// Schema Registry (/data/foundation/schemaregistry): the tenant ID and the organisation's own
// (tenant) XDM schemas.
class SchemaRegistryClient : public QObject
{
    Q_OBJECT

public:
    // Lookups must name a version in Accept; listings must not (reference §6.1).
    static constexpr char kAcceptSchema[] = "application/vnd.adobe.xed+json; version=1";
    static constexpr char kAcceptFullSchema[] = "application/vnd.adobe.xed-full+json; version=1";
    static constexpr char kAcceptIds[] = "application/vnd.adobe.xed-id+json";

    using ObjectDone = std::function<void(const QJsonObject &, const net::Error &)>;

    // POST target of createSchema(), below the Platform URL (for the Review page and the script).
    static QString tenantSchemasPath();

    explicit SchemaRegistryClient(PlatformClient *platform, QObject *parent = nullptr);

    // GET /stats → tenantId, the namespace of custom fields (without the leading underscore).
    void tenantId(QObject *context, std::function<void(const QString &, const net::Error &)> done);
    // POST /tenant/schemas; done gets the created schema ($id, meta:altId, …).
    void createSchema(const QJsonObject &body, QObject *context, ObjectDone done);
    // id: the $id or meta:altId. accept: one of the kAccept… lookup types.
    void schema(const QString &id, const QByteArray &accept, QObject *context, ObjectDone done);
    // Every tenant schema (all pages), filtered by property expressions such as title==Leads.
    void schemas(const QStringList &propertyFilters, QObject *context,
                 std::function<void(const QList<SchemaSummary> &, const net::Error &)> done);
    void deleteSchema(const QString &id, QObject *context, std::function<void(const net::Error &)> done);

private:
    void schemaPage(const QUrlQuery &query, QObject *context, QList<SchemaSummary> collected, int page,
                    std::function<void(const QList<SchemaSummary> &, const net::Error &)> done);

    PlatformClient *m_platform;
};

} // namespace zaw::adobe
