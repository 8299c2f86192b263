// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/PlatformClient.h"
#include "net/Error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace zaw::adobe {

// What Flow Service answers to a create, a PATCH or an action: the object's ID and its new etag
// (a JSON string that itself carries double quotes; send it back unchanged in If-Match).
struct CreatedObject
{
    QString id;
    QString etag;
};

// One entry of explore?objectType=root: use path for the next calls and as params.tableName.
struct ExploreTable
{
    QString name;
    QString path;
    QString type;
    bool canPreview = false;
    bool canFetchSchema = false;
};

// The columns as AEP answers them (catalogue::Column reads them).
struct ExplorePreview
{
    QString format;
    QList<QJsonObject> columns;
    QList<QJsonObject> rows; // keyed by column name
};

// One run of a dataflow (GET /runs, reference §7.2), as the wizard and `status` show it.
struct RunInfo
{
    QString id;
    QString status; // statusSummary.status: inProgress, success, failed, … (as AEP words it)
    QDateTime started;
    QDateTime completed;      // invalid while running
    qint64 inputRecords = -1; // -1: not reported
    qint64 outputRecords = -1;
    qint64 failedRecords = -1;
    QStringList errors; // "CODE: message"

    bool isFinished() const { return completed.isValid() || status == QLatin1String("success") || isFailed(); }
    bool isFailed() const;
    static RunInfo fromJson(const QJsonObject &run);
    // The runs of a list, newest first.
    static QList<RunInfo> listFromJson(const QList<QJsonObject> &runs);
};

// The six values AEP needs for a Zoho CRM base connection (reference §2.2).
struct ZohoAuthParams
{
    QString endpoint;    // Zoho API domain of the user's data centre
    QString accountsUrl; // Zoho accounts URL of the same data centre
    QString clientId;
    QString clientSecret;
    QString accessToken;
    QString refreshToken;

    QJsonObject toJson() const;
};

// Flow Service (/data/foundation/flowservice): connection and flow specs, base connections and
// their explore API, source and target connections, dataflows and their runs.
class FlowServiceClient : public QObject
{
    Q_OBJECT

public:
    static constexpr char kZohoConnectionSpecId[] = "929e4450-0237-4ed2-9404-b7e1e0a00309";
    static constexpr char kCrmFlowSpecId[] = "14518937-270c-4525-bdec-c2ba7cce3860";
    static constexpr char kCrmFlowSpecName[] = "CRMToAEP";
    static constexpr char kDataLakeConnectionSpecId[] = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
    static constexpr char kZohoAuthSpecName[] = "Basic Authentication";
    static constexpr int kMaxPreviewRows = 100;

    using Done = std::function<void(const net::Error &)>;
    using ObjectDone = std::function<void(const QJsonObject &, const net::Error &)>;
    using ListDone = std::function<void(const QList<QJsonObject> &, const net::Error &)>;
    using CreatedDone = std::function<void(const CreatedObject &, const net::Error &)>;

    explicit FlowServiceClient(PlatformClient *platform, QObject *parent = nullptr);

    // Objects per page of a list (the limit parameter); 0 leaves it to the service. Lists follow
    // the continuation links, so this changes the number of requests, not the result.
    void setPageSize(int limit) { m_pageSize = limit; }
    int pageSize() const { return m_pageSize; }

    // Specs. A missing Zoho connection spec is reported as the retired source (see
    // retiredSourceError()).
    void connectionSpec(const QString &id, QObject *context, ObjectDone done);
    void flowSpec(const QString &id, QObject *context, ObjectDone done);
    void flowSpecByName(const QString &name, QObject *context, ObjectDone done);

    // Base connections.
    void createConnection(const QJsonObject &body, QObject *context, CreatedDone done);
    void connection(const QString &id, QObject *context, ObjectDone done);
    // propertyFilters: expressions such as propertyEquals("name", "Zoho EU"), ANDed; every page.
    void connections(const QStringList &propertyFilters, QObject *context, ListDone done);
    void patchConnection(const QString &id, const QString &etag, const QJsonArray &operations, QObject *context,
                         CreatedDone done);
    void deleteConnection(const QString &id, QObject *context, Done done);
    // Replaces a Zoho base connection's credentials (PATCH /auth/params with If-Match). With an
    // empty etag the connection is read first; a 412 (changed meanwhile) reads the etag again and
    // tries once more. done gets the new etag.
    void updateZohoCredentials(const QString &id, const QString &etag, const ZohoAuthParams &params, QObject *context,
                               CreatedDone done);
    // GET /connections/{id}/test: whether AEP can reach the source with the stored credentials.
    void testConnection(const QString &id, QObject *context, std::function<void(bool, const net::Error &)> done);

    // Explore (tabular sources).
    void exploreRoot(const QString &connectionId, QObject *context,
                     std::function<void(const QList<ExploreTable> &, const net::Error &)> done);
    void exploreTable(const QString &connectionId, const QString &tablePath, QObject *context,
                      std::function<void(const QList<QJsonObject> &columns, const net::Error &)> done);
    // Columns and at most maxRows (≤ 100) rows.
    void preview(const QString &connectionId, const QString &tablePath, int maxRows, QObject *context,
                 std::function<void(const ExplorePreview &, const net::Error &)> done);

    // Source and target connections.
    void createSourceConnection(const QJsonObject &body, QObject *context, CreatedDone done);
    void sourceConnection(const QString &id, QObject *context, ObjectDone done);
    void sourceConnections(const QStringList &propertyFilters, QObject *context, ListDone done);
    void deleteSourceConnection(const QString &id, QObject *context, Done done);
    void createTargetConnection(const QJsonObject &body, QObject *context, CreatedDone done);
    void targetConnection(const QString &id, QObject *context, ObjectDone done);
    void targetConnections(const QStringList &propertyFilters, QObject *context, ListDone done);
    void deleteTargetConnection(const QString &id, QObject *context, Done done);

    // Dataflows and runs.
    void createFlow(const QJsonObject &body, QObject *context, CreatedDone done);
    void flow(const QString &id, QObject *context, ObjectDone done);
    void flows(const QStringList &propertyFilters, QObject *context, ListDone done);
    void patchFlow(const QString &id, const QString &etag, const QJsonArray &operations, QObject *context,
                   CreatedDone done);
    void deleteFlow(const QString &id, QObject *context, Done done);
    void setFlowEnabled(const QString &id, bool enabled, QObject *context, CreatedDone done);
    void runs(const QString &flowId, QObject *context, ListDone done);

    // A collection (connections, sourceConnections, targetConnections, flows) below the Platform
    // URL, for the Review page and the exported script.
    static QString collectionPath(const QString &collection);
    // name=="value", the filter form of the tutorials.
    static QString propertyEquals(const QString &property, const QString &value);
    // One JSON-patch instruction (op is lower case, as AEP's documentation sends it).
    static QJsonObject patchOperation(const QString &op, const QString &path, const QJsonValue &value = {});
    // The POST /connections body of a Zoho CRM base connection.
    static QJsonObject zohoConnectionBody(const QString &name, const QString &description,
                                          const ZohoAuthParams &params);
    // The named column objects of an explore answer (schema.columns), as answered.
    static QList<QJsonObject> readColumns(const QJsonObject &exploreAnswer);

    // Adobe retired the Zoho CRM source (reference §11): what to tell the user when the
    // organisation no longer knows its connection spec. Keeps the original status and code.
    static net::Error retiredSourceError(const net::Error &original);
    static bool isRetiredSourceError(const net::Error &error);

private:
    void getItem(const QString &collection, const QString &id, QObject *context, ObjectDone done);
    void list(const QString &collection, const QUrlQuery &query, QObject *context, ListDone done,
              QList<QJsonObject> collected = {}, int page = 1);
    void create(const QString &collection, const QJsonObject &body, QObject *context, CreatedDone done);
    void patch(const QString &collection, const QString &id, const QString &etag, const QJsonArray &operations,
               QObject *context, CreatedDone done);
    void remove(const QString &collection, const QString &id, QObject *context, Done done);
    void explore(const QString &connectionId, const QUrlQuery &query, QObject *context, PlatformClient::Reply done);

    PlatformClient *m_platform;
    int m_pageSize = 0;
};

} // namespace zaw::adobe
