// SPDX-License-Identifier: GPL-3.0-or-later
// The Adobe half of the sandbox: IMS (OAuth Server-to-Server tokens) and the Experience Platform
// APIs the wizard needs – Flow Service, Catalog, Schema Registry, Data Prep and Sandbox management –
// following reference/aep-platform-api.md (which wins over the published OpenAPI
// files where they disagree, see its §10).
//
// This header holds what those APIs share: the state (tokens, stored objects, runs), the gateway
// and the common helpers. Each API's handlers and routes live in their own file (ImsService.cpp,
// FlowConnectionsService.cpp, FlowService.cpp, FlowRunsService.cpp, CatalogService.cpp,
// SchemaRegistryService.cpp, DataPrepService.cpp, SandboxesService.cpp); list, get, delete and the
// common steps of create and PATCH of the Flow Service collections are in FlowCollections.cpp.
//
// Error codes that no public source names for a case are marked "[emulator]" where they are
// chosen; every such body still has the documented shape of its service.
#pragma once

#include "SandboxHttp.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <optional>

namespace zaw::sandbox::adobe {

using namespace Qt::StringLiterals;

const QString kOrgId = u"5A1C0FFEE0D15EA5E0123456@AdobeOrg"_s;
const QString kTenantId = u"zawdemo"_s;
const QString kRegion = u"VA7"_s;

const QString kZohoSpecId = u"929e4450-0237-4ed2-9404-b7e1e0a00309"_s;
const QString kDataLakeSpecId = u"c604ff05-7f1a-43c0-8e18-33bf874cb11c"_s;
const QString kCrmFlowSpecId = u"14518937-270c-4525-bdec-c2ba7cce3860"_s;
const QString kCloudStorageFlowSpecId = u"9753525b-82c7-4dce-8a9b-5ccfce2b9876"_s;
const QString kBasicAuth = u"Basic Authentication"_s;

const QString kProfileClass = u"https://ns.adobe.com/xdm/context/profile"_s;
const QString kRecordClass = u"https://ns.adobe.com/xdm/data/record"_s;
const QString kEventClass = u"https://ns.adobe.com/xdm/context/experienceevent"_s;

const QString kFoundation = u"/adobe/platform/data/foundation"_s;
const QString kFlowBase = u"/adobe/platform/data/foundation/flowservice"_s;

// The seeded objects (resources/sandbox/adobe/seed.json) were made at this time.
constexpr qint64 kSeedTimeMs = 1735689600000; // 2025-01-01T00:00:00Z

// Zoho auth params that AEP never echoes back (the reference leaves it open; we omit them).
const QStringList kSecretParams = {u"clientSecret"_s, u"accessToken"_s, u"refreshToken"_s};
const QStringList kZohoAuthParams = {u"endpoint"_s,     u"accountsUrl"_s, u"clientId"_s,
                                     u"clientSecret"_s, u"accessToken"_s, u"refreshToken"_s};

// The scheduler lets a start time this far in the past through: the wizard computes "now + N" on
// the user's machine, whose clock may run a little ahead of ours.
constexpr qint64 kStartTimeGraceMs = 60 * 1000;
// How long a run shows "inProgress" before it completes.
constexpr qint64 kRunDurationMs = 10 * 1000;
// Catch-up after a long pause materialises at most this many scheduled runs.
constexpr int kMaxCatchUpRuns = 20;
constexpr int kMaxStoredRunsPerFlow = 100;

enum class Api { FlowService, Catalog, SchemaRegistry, DataPrep, SandboxManagement, BatchIngestion, DataAccess };

qint64 nowMs();
QString randomAlphanumeric(int length);
QString newBatchId();
QString newEtag();
QString unquoted(QString value);
std::optional<qint64> asInteger(const QJsonValue &value);
std::optional<bool> asBool(const QJsonValue &value);
QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath);
QString scalarText(const QJsonValue &value);
// ---- property filters -----------------------------------------------------------------------
// Flow Service, Catalog and Sandbox lists take `property=<path><op><value>` (several are ANDed);
// values may carry the double quotes the docs show (`name=="zoho-crm"`).
struct PropertyFilter
{
    QString path;
    QString op; // "==", "!=", ">", "<", ">=", "<=", or empty for "exists"
    QString value;
};

std::optional<QList<PropertyFilter>> parseFilters(const QStringList &expressions, QString *error);
bool compareScalar(const QJsonValue &actual, const PropertyFilter &f);
bool matchesFilters(const QJsonObject &object, const QList<PropertyFilter> &filters);
bool applyPatch(QJsonValue &node, QStringList segments, const QString &op, const QJsonValue &value, QString *error);
// ---- XDM knowledge ----------------------------------------------------------------------------
// The field paths the standard class and field groups contribute, enough to check mapping
// destinations the way Data Prep does. Types are what the full schema view reports; everything
// not listed is a string.
struct StandardField
{
    const char *path;
    const char *type;
    const char *format;
};

const QHash<QString, QList<StandardField>> &standardFieldGroups();
bool isKnownClass(const QString &id);
// The length of one schedule unit (minute, hour, day, week); 0 for an unknown one.
qint64 frequencyUnitMs(const QString &frequency);
void collectCustomPaths(const QJsonObject &properties, const QString &prefix, QSet<QString> *paths);
QSet<QString> schemaPaths(const QJsonObject &schema);
void insertFieldPath(QJsonObject &properties, const QStringList &parts, const QJsonObject &leaf);

// Seed and create bodies shared by the seed and the Catalog / Schema Registry handlers.
QJsonObject buildSchema(const QJsonObject &body, const QString &hex, const QString &sandboxId,
                        const QString &sandboxType, const QString &client, const QString &user, qint64 ms);
QJsonObject buildDataSet(const QJsonObject &body, const QString &id, const QString &sandboxId, const QString &client,
                         const QString &user, qint64 ms);
QJsonObject entryToJson(const QString &id, const QString &org, const QString &sandbox, const QJsonObject &data,
                        const QJsonObject &meta);

struct AdobeState
{
    struct Token
    {
        QString clientId;
        QString orgId;
        qint64 expiresAtMs = 0;
    };

    // A stored object: its public JSON plus private bookkeeping, scoped to an org and a sandbox.
    struct Entry
    {
        QString org;
        QString sandbox;
        QJsonObject data;
        QJsonObject meta;
    };
    using Store = QMap<QString, Entry>;

    struct SandboxInfo
    {
        QString name;
        QString title;
        QString type;
        QString id;
        bool isDefault = false;
    };

    // Who is calling, as established by the gateway.
    struct Caller
    {
        QString clientId;
        QString orgId;
        QString sandbox;
        QString sandboxId;
        QString user; // the technical account of the credential
    };

    struct ZohoResult
    {
        bool ok = false;
        int status = 0;
        QJsonObject body;
        QString reason;
    };

    // A handler behind the gateway; member functions of AdobeState convert to it.
    using PlatformHandler = std::function<Response(AdobeState *, const Request &, const Caller &)>;

    // The Flow Service collections whose list, get and delete work the same way (FlowCollections.cpp):
    // only the stored map, the public view, what blocks a delete and the clean-up after one differ.
    struct Collection
    {
        QString name; // path segment, and the type named in 404 bodies
        Store AdobeState::*store = nullptr;
        QJsonObject (AdobeState::*view)(Entry &entry) = nullptr; // null: the stored data as it is
        // The error to answer when something still uses the entry.
        std::optional<Response> (AdobeState::*deleteBlocked)(const Request &request, const QString &id) = nullptr;
        void (AdobeState::*afterDelete)(const QString &id) = nullptr;
    };
    static const Collection &baseConnectionsCollection();
    static const Collection &sourceConnectionsCollection();
    static const Collection &targetConnectionsCollection();
    static const Collection &flowsCollection();
    Response listIn(const Collection &collection, const Request &request, const Caller &caller);
    Response getIn(const Collection &collection, const Request &request, const Caller &caller);
    Response deleteIn(const Collection &collection, const Request &request, const Caller &caller);
    // The common end of every create: stores the object and answers 201 {id, etag} with its location.
    Response storeCreated(const Collection &collection, const Caller &caller, const QString &id,
                          const QJsonObject &data, const QJsonObject &meta = {});
    // The common start of every PATCH: the entry, If-Match against its etag, the JSON Patch body.
    // Returns the error to answer, or fills *entry and *instructions.
    // Applies JSON-patch instructions whose paths are one of allowed or below it; a path
    // elsewhere or an instruction that cannot be applied is Flow Service's 1455-400, naming what
    // (e.g. "a flow").
    std::optional<Response> applyInstructions(const Request &request, const QJsonArray &instructions,
                                              const QStringList &allowed, const QString &what, QJsonValue *patched);
    std::optional<Response> beginPatch(const Collection &collection, const Request &request, const Caller &caller,
                                       Entry **entry, QJsonArray *instructions);
    // The common end of every PATCH: a new etag and update time, answered as {id, etag}.
    Response finishPatch(Entry &entry, const QJsonObject &data, const Caller &caller);
    static PlatformHandler lister(const Collection &collection);
    static PlatformHandler getter(const Collection &collection);
    static PlatformHandler deleter(const Collection &collection);
    std::optional<Response> baseConnectionInUse(const Request &request, const QString &id);
    std::optional<Response> sourceConnectionInUse(const Request &request, const QString &id);
    std::optional<Response> targetConnectionInUse(const Request &request, const QString &id);
    void removeRunsOf(const QString &flowId);
    QJsonObject storedConnectionView(Entry &entry) { return connectionView(entry); }

    SandboxContext *context = nullptr;
    QString clientId;
    QString clientSecret;
    QList<SandboxInfo> sandboxes;
    QHash<QString, Token> tokens;
    Store connections;
    Store sourceConnections;
    Store targetConnections;
    Store flows;
    Store runs;
    Store dataSets;
    Store schemas;
    Store mappingSets;

    // ---- Batch ingestion (IngestionService.cpp) -------------------------------------------------
    // One batch of POST /import/batches: its Catalog view (data), the uploaded files until it is
    // processed, and the rejected rows (JSON lines with _validationErrors) per input file.
    struct IngestBatch
    {
        QString org;
        QString sandbox;
        QString dataSetId;
        QJsonObject data;
        QMap<QString, QByteArray> files;
        QMap<QString, QByteArray> failedRows;
        qint64 processAtMs = 0; // while "processing": when validation runs
        QString forcedOutcome;  // failNext: "failed" | "stalled" | "abandoned"
        int partialPercent = 0;
    };
    // The rows a dataset received: compact JSON lines, so that 100,000 rows stay small.
    struct DataSetRows
    {
        QByteArray lines;
        qint64 count = 0;
    };
    QMap<QString, IngestBatch> batches;
    QHash<QString, DataSetRows> dataSetRows;
    // Datasets whose rows changed since they were last written beside the state file, and where.
    mutable QSet<QString> rowsDirty;
    mutable QString rowsWrittenFor;
    qint64 processingMs = 150;
    QString failNext;
    int failNextCount = 0;

    void registerIngestionRoutes(Router &router);
    void registerIngestionControlRoutes(Router &router);
    // Moves every batch whose processing time is over to its final status.
    void settleBatches();
    void processBatch(const QString &id, IngestBatch &batch);
    QJsonObject batchView(const QString &id, const IngestBatch &batch) const;
    QJsonObject saveIngestionState() const;
    void loadIngestionState(const QJsonObject &state);
    static Response ingestError(const Request &request, const QString &code, const QString &title,
                                const QString &message);
    Response createBatch(const Request &request, const Caller &caller);
    Response putBatchFile(const Request &request, const Caller &caller);
    Response batchAction(const Request &request, const Caller &caller);
    Response getCatalogBatch(const Request &request, const Caller &caller);
    Response listCatalogBatches(const Request &request, const Caller &caller);
    Response listFailedFiles(const Request &request, const Caller &caller);
    Response controlDataSetRows(const Request &request);
    Response controlIngestion(const Request &request);

    // ---- seed and state -----------------------------------------------------------------------
    void seed();
    QJsonObject saveState() const;
    void loadState(const QJsonObject &state);

    // ---- shared helpers -----------------------------------------------------------------------
    QString technicalAccount() const { return clientId.left(24).toUpper() + u"@techacct.adobe.com"_s; }
    const SandboxInfo *sandboxNamed(const QString &name) const;
    static bool visible(const Entry &entry, const Caller &caller)
    {
        return entry.org == caller.orgId && entry.sandbox == caller.sandbox;
    }
    Entry *findIn(Store &store, const QString &id, const Caller &caller);
    QJsonObject auditFields(const Caller &caller, const QString &id) const;
    void touch(Entry &entry, const Caller &caller);
    QString platformUrl(const QString &path) const { return context->url(path).toString(); }

    static Response gatewayError(int status, const QString &code, const QString &message);
    static Response flowError(const Request &request, const QString &code, const QString &title, const QString &message,
                              const QJsonObject &report = {});
    static Response notFound(const Request &request, const QString &type, const QString &id);
    static Response xdmError(const Request &request, const QString &code, const QString &title, const QString &message);
    static Response catalogError(const Request &request, const QString &code, const QString &title,
                                 const QString &message);
    static Response prepError(const Request &request, const QString &code, const QString &title,
                              const QString &message);
    std::optional<Response> gateway(const Request &request, Api api, Caller *caller) const;
    // Each Platform API registers its routes from its own file.
    void registerImsRoutes(Router &router);
    void registerFlowConnectionRoutes(Router &router);
    void registerFlowRoutes(Router &router);
    void registerFlowRunRoutes(Router &router);
    void registerCatalogRoutes(Router &router);
    void registerSchemaRegistryRoutes(Router &router);
    void registerDataPrepRoutes(Router &router);
    void registerSandboxesRoutes(Router &router);
    void addRoute(Router &router, const QByteArray &method, const QString &pattern, Api api, PlatformHandler handler);

    std::optional<Response> checkIfMatch(const Request &request, const Entry &entry) const;
    std::optional<QJsonArray> patchInstructions(const Request &request, Response *error) const;
    Response listResponse(const Request &request, QList<QJsonObject> items, const QString &collectionPath) const;
    std::optional<QJsonObject> jsonBody(const Request &request, Response *error) const;

    // ---- IMS --------------------------------------------------------------------------------
    Response imsToken(const Request &request);

    // ---- Zoho, in-process ---------------------------------------------------------------------
    bool zohoRefresh(Entry &connection, QString *reason);
    ZohoResult zohoGet(Entry &connection, const QString &apiPath, const QList<QPair<QString, QString>> &query);
    int zohoRecordCount(Entry &connection, const QString &module, QString *reason);

    // ---- Flow Service ---------------------------------------------------------------------------
    QJsonObject connectionView(const Entry &entry) const;
    QJsonObject flowView(Entry &entry);
    QJsonObject runView(const Entry &entry) const;
    static QJsonArray connectionSpecs();
    // The specs this organisation offers: without the Zoho one with --retired-zoho-source.
    QJsonArray offeredConnectionSpecs() const;
    static QJsonArray flowSpecs();
    std::optional<Response> validateSchedule(const Request &request, const QJsonObject &schedule,
                                             const QJsonArray &transformations, const QJsonObject *previous) const;
    std::optional<Response> validateMapping(const Request &request, const Caller &caller,
                                            const QJsonArray &transformations, const QJsonArray &targetIds);
    bool flowUsesBaseConnection(const Entry &flow, const QString &baseConnectionId) const;
    void materializeRuns(Entry &flow);
    int sourceRecordCount(const Entry &flow, QString *failure);
    Entry &createRun(Entry &flow, qint64 startMs, int records, const QString &failure);
    QJsonObject lastRunDetails(const QString &flowId) const;

    Response getConnectionSpecs(const Request &request, const Caller &caller);
    Response getConnectionSpec(const Request &request, const Caller &caller);
    Response createConnection(const Request &request, const Caller &caller);
    Response patchConnection(const Request &request, const Caller &caller);
    Response testConnection(const Request &request, const Caller &caller);
    Response exploreConnection(const Request &request, const Caller &caller);
    Response createSourceConnection(const Request &request, const Caller &caller);
    Response patchSourceConnection(const Request &request, const Caller &caller);
    Response createTargetConnection(const Request &request, const Caller &caller);
    Response listFlowSpecs(const Request &request, const Caller &caller);
    Response getFlowSpec(const Request &request, const Caller &caller);
    Response createFlow(const Request &request, const Caller &caller);
    Response patchFlow(const Request &request, const Caller &caller);
    Response flowAction(const Request &request, const Caller &caller);
    Response listRuns(const Request &request, const Caller &caller);
    Response getRun(const Request &request, const Caller &caller);
    Response controlRun(const Request &request);

    // ---- Catalog ------------------------------------------------------------------------------
    Response createDataSet(const Request &request, const Caller &caller);
    Response listDataSets(const Request &request, const Caller &caller);
    Response getDataSet(const Request &request, const Caller &caller);
    Response deleteDataSet(const Request &request, const Caller &caller);

    // ---- Schema Registry ----------------------------------------------------------------------
    Entry *findSchema(const QString &idOrAltId, const Caller &caller);
    QJsonObject fullSchema(const QJsonObject &schema) const;
    Response schemaStats(const Request &request, const Caller &caller);
    Response createSchema(const Request &request, const Caller &caller);
    Response listSchemas(const Request &request, const Caller &caller);
    Response getSchema(const Request &request, const Caller &caller);
    Response deleteSchema(const Request &request, const Caller &caller);

    // ---- Data Prep ----------------------------------------------------------------------------
    std::optional<QJsonArray> checkMappings(const Request &request, const Caller &caller, const QJsonObject &body,
                                            QString *schemaId, Response *error, bool *allValid);
    QJsonObject mappingSetSummary(const QJsonObject &mappingSet) const;
    Response createMappingSet(const Request &request, const Caller &caller);
    Response listMappingSets(const Request &request, const Caller &caller);
    Response getMappingSet(const Request &request, const Caller &caller);
    Response putMappingSet(const Request &request, const Caller &caller);
    Response validateMappingSet(const Request &request, const Caller &caller);

    // ---- Sandbox management -------------------------------------------------------------------
    QJsonObject sandboxView(const SandboxInfo &sandbox) const;
    Response listSandboxes(const Request &request, const Caller &caller);
    Response getSandbox(const Request &request, const Caller &caller);
};

} // namespace zaw::sandbox::adobe
