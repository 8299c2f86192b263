// SPDX-License-Identifier: GPL-3.0-or-later
// The Adobe half of the sandbox: IMS (OAuth Server-to-Server tokens) and the Experience Platform
// APIs the wizard needs – Flow Service, Catalog, Schema Registry, Data Prep and Sandbox management –
// following reference/aep-platform-api.md (which wins over the published OpenAPI
// files where they disagree, see its §10).
//
// Error codes that no public source names for a case are marked "[emulator]" where they are
// chosen; every such body still has the documented shape of its service.
#include "AdobeService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace zaw::sandbox {

namespace {

const QString kOrgId = u"5A1C0FFEE0D15EA5E0123456@AdobeOrg"_s;
const QString kTenantId = u"zawdemo"_s;
const QString kRegion = u"VA7"_s;

const QString kZohoSpecId = u"929e4450-0237-4ed2-9404-b7e1e0a00309"_s;
const QString kDataLakeSpecId = u"c604ff05-7f1a-43c0-8e18-33bf874cb11c"_s;
const QString kCrmFlowSpecId = u"14518937-270c-4525-bdec-c2ba7cce3860"_s;
const QString kCloudStorageFlowSpecId = u"9753525b-82c7-4dce-8a9b-5ccfce2b9876"_s;
const QString kProviderId = u"0ed90a81-07f4-4586-8190-b40eccef1c5a"_s;
const QString kDynamicsSpecId = u"38ad80fe-8b06-4938-94f4-d4ee80266b07"_s;
const QString kSalesforceSpecId = u"cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"_s;
const QString kBasicAuth = u"Basic Authentication"_s;

const QString kProfileClass = u"https://ns.adobe.com/xdm/context/profile"_s;
const QString kRecordClass = u"https://ns.adobe.com/xdm/data/record"_s;
const QString kEventClass = u"https://ns.adobe.com/xdm/context/experienceevent"_s;

const QString kFoundation = u"/adobe/platform/data/foundation"_s;
const QString kFlowBase = u"/adobe/platform/data/foundation/flowservice"_s;

// Seeded objects: fixed IDs so that demo profiles made in one run still resolve in the next.
const QString kProdSandboxId = u"3f0c9a10-5e2b-11ee-8c6d-2b7f4e1a9c01"_s;
const QString kDevSandboxId = u"3f0c9a11-5e2b-11ee-8c6d-2b7f4e1a9c02"_s;
const QString kSeedSchemaHex = u"5e1f0c2a9b8d4e6f8a7b6c5d4e3f2a1b"_s;
const QString kSeedDataSetId = u"65f0c0ffee0d15ea5e012345"_s;
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

enum class Api { FlowService, Catalog, SchemaRegistry, DataPrep, SandboxManagement };

qint64 nowMs()
{
    return SandboxContext::now().toMSecsSinceEpoch();
}

QString randomAlphanumeric(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return out;
}

// Batch IDs in AEP are 26-character ULIDs (Crockford base32).
QString newBatchId()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString out;
    for (int i = 0; i < 26; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]));
    return out;
}

// `"xxxxxxxx-0000-0200-0000-xxxxxxxx0000"` – a JSON string that itself carries the quotes, as
// Flow Service answers it. The last group holds the write time, the first is random, so two
// writes in the same second still differ.
QString newEtag()
{
    const qint64 secs = nowMs() / 1000;
    return u"\""_s + SandboxContext::randomHex(4) + u"-0000-0200-0000-"_s +
           QString::number(secs, 16).rightJustified(8, QLatin1Char('0')) + u"0000\""_s;
}

QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.startsWith(u"W/"_s))
        value = value.mid(2);
    while (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        value = value.mid(1, value.size() - 2);
    return value;
}

// Values that the documentation sends as strings and the specs type as integers (startTime,
// interval, mappingVersion): both forms are accepted.
std::optional<qint64> asInteger(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return qint64(d);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 v = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

std::optional<bool> asBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString s = value.toString().trimmed().toLower();
        if (s == u"true"_s)
            return true;
        if (s == u"false"_s)
            return false;
    }
    return std::nullopt;
}

QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue current = object;
    for (const QString &part : dottedPath.split(QLatin1Char('.'))) {
        if (current.isObject()) {
            current = current.toObject().value(part);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            if (!ok)
                return QJsonValue(QJsonValue::Undefined);
            current = current.toArray().at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    return {};
}

// ---- property filters -----------------------------------------------------------------------
// Flow Service, Catalog and Sandbox lists take `property=<path><op><value>` (several are ANDed);
// values may carry the double quotes the docs show (`name=="zoho-crm"`).
struct PropertyFilter
{
    QString path;
    QString op; // "==", "!=", ">", "<", ">=", "<=", or empty for "exists"
    QString value;
};

std::optional<QList<PropertyFilter>> parseFilters(const QStringList &expressions, QString *error)
{
    static const QRegularExpression re(u"^\\s*([A-Za-z_][A-Za-z0-9_.:$@-]*)\\s*(==|!=|>=|<=|>|<)?\\s*(.*?)\\s*$"_s);
    QList<PropertyFilter> filters;
    for (const QString &expression : expressions) {
        if (expression.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch m = re.match(expression);
        if (!m.hasMatch() || (m.captured(2).isEmpty() && !m.captured(3).isEmpty())) {
            *error =
                u"The property filter '%1' is not valid. Use <property><operator><value>, e.g. name==\"value\"."_s.arg(
                    expression);
            return std::nullopt;
        }
        PropertyFilter f{m.captured(1), m.captured(2), m.captured(3)};
        if (f.value.size() >= 2 && ((f.value.startsWith(QLatin1Char('"')) && f.value.endsWith(QLatin1Char('"'))) ||
                                    (f.value.startsWith(QLatin1Char('\'')) && f.value.endsWith(QLatin1Char('\''))))) {
            f.value = f.value.mid(1, f.value.size() - 2);
        }
        filters.append(f);
    }
    return filters;
}

bool compareScalar(const QJsonValue &actual, const PropertyFilter &f)
{
    const QString text = scalarText(actual);
    if (f.op == u"=="_s)
        return text == f.value;
    if (f.op == u"!="_s)
        return text != f.value;
    bool okA = false;
    bool okB = false;
    const double a = text.toDouble(&okA);
    const double b = f.value.toDouble(&okB);
    const int cmp = (okA && okB) ? (a < b ? -1 : (a > b ? 1 : 0)) : text.compare(f.value);
    if (f.op == u">"_s)
        return cmp > 0;
    if (f.op == u"<"_s)
        return cmp < 0;
    if (f.op == u">="_s)
        return cmp >= 0;
    return cmp <= 0;
}

bool matchesFilters(const QJsonObject &object, const QList<PropertyFilter> &filters)
{
    for (const PropertyFilter &f : filters) {
        const QJsonValue actual = valueAt(object, f.path);
        if (f.op.isEmpty()) {
            if (actual.isUndefined() || actual.isNull())
                return false;
            continue;
        }
        if (actual.isArray()) {
            // A list property matches when any element does (sourceConnectionIds==X).
            const QJsonArray items = actual.toArray();
            bool any = false;
            for (const QJsonValue &item : items)
                any = any || compareScalar(item, f);
            if (f.op == u"!="_s)
                any = !items.isEmpty() &&
                      std::all_of(items.begin(), items.end(), [&](const QJsonValue &v) { return compareScalar(v, f); });
            if (!any)
                return false;
            continue;
        }
        if (actual.isUndefined() || actual.isNull() || actual.isObject()) {
            if (f.op != u"!="_s)
                return false;
            continue;
        }
        if (!compareScalar(actual, f))
            return false;
    }
    return true;
}

// ---- JSON Patch (the subset Flow Service uses) ----------------------------------------------
bool applyPatch(QJsonValue &node, QStringList segments, const QString &op, const QJsonValue &value, QString *error)
{
    const QString key = segments.takeFirst();
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (segments.isEmpty()) {
            if (op == u"remove"_s) {
                if (!object.contains(key)) {
                    *error = u"nothing to remove at '%1'"_s.arg(key);
                    return false;
                }
                object.remove(key);
            } else {
                object.insert(key, value);
            }
        } else {
            QJsonValue child = object.value(key);
            if (child.isUndefined() || child.isNull()) {
                if (op == u"remove"_s) {
                    *error = u"nothing to remove at '%1'"_s.arg(key);
                    return false;
                }
                child = QJsonObject();
            }
            if (!applyPatch(child, segments, op, value, error))
                return false;
            object.insert(key, child);
        }
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        bool ok = false;
        int index = key == u"-"_s ? int(array.size()) : key.toInt(&ok);
        if (key == u"-"_s)
            ok = true;
        if (!ok || index < 0 || index > array.size() || (index == array.size() && op != u"add"_s)) {
            *error = u"array index '%1' is out of range"_s.arg(key);
            return false;
        }
        if (segments.isEmpty()) {
            if (op == u"remove"_s)
                array.removeAt(index);
            else if (op == u"add"_s)
                array.insert(index, value);
            else
                array[index] = value;
        } else {
            QJsonValue child = array.at(index);
            if (!applyPatch(child, segments, op, value, error))
                return false;
            array[index] = child;
        }
        node = array;
        return true;
    }
    *error = u"'%1' cannot be reached"_s.arg(key);
    return false;
}

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

const QHash<QString, QList<StandardField>> &standardFieldGroups()
{
    static const QHash<QString, QList<StandardField>> groups = {
        {kProfileClass,
         {{"_id", "string", nullptr},
          {"_repo.createDate", "string", "date-time"},
          {"_repo.modifyDate", "string", "date-time"},
          {"createdByBatchID", "string", "uri"},
          {"modifiedByBatchID", "string", "uri"},
          {"personID", "string", nullptr},
          {"repositoryCreatedBy", "string", nullptr},
          {"repositoryLastModifiedBy", "string", nullptr}}},
        {kRecordClass, {{"_id", "string", nullptr}, {"_repo.createDate", "string", "date-time"}}},
        {kEventClass,
         {{"_id", "string", nullptr}, {"timestamp", "string", "date-time"}, {"eventType", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/context/profile-person-details"_s,
         {{"person.name.firstName", "string", nullptr},
          {"person.name.lastName", "string", nullptr},
          {"person.name.middleName", "string", nullptr},
          {"person.name.fullName", "string", nullptr},
          {"person.name.courtesyTitle", "string", nullptr},
          {"person.name.suffix", "string", nullptr},
          {"person.birthDate", "string", "date"},
          {"person.birthDayAndMonth", "string", nullptr},
          {"person.birthYear", "integer", nullptr},
          {"person.gender", "string", nullptr},
          {"person.maritalStatus", "string", nullptr},
          {"person.nationality", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/context/profile-personal-details"_s,
         {{"personalEmail.address", "string", "email"},
          {"personalEmail.primary", "boolean", nullptr},
          {"personalEmail.status", "string", nullptr},
          {"personalEmail.type", "string", nullptr},
          {"homeAddress.street1", "string", nullptr},
          {"homeAddress.street2", "string", nullptr},
          {"homeAddress.city", "string", nullptr},
          {"homeAddress.stateProvince", "string", nullptr},
          {"homeAddress.postalCode", "string", nullptr},
          {"homeAddress.country", "string", nullptr},
          {"homeAddress.countryCode", "string", nullptr},
          {"homeAddress.region", "string", nullptr},
          {"mobilePhone.number", "string", nullptr},
          {"mobilePhone.primary", "boolean", nullptr},
          {"homePhone.number", "string", nullptr},
          {"faxPhone.number", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/context/profile-work-details"_s,
         {{"workEmail.address", "string", "email"},
          {"workPhone.number", "string", nullptr},
          {"workAddress.street1", "string", nullptr},
          {"workAddress.city", "string", nullptr},
          {"workAddress.stateProvince", "string", nullptr},
          {"workAddress.postalCode", "string", nullptr},
          {"workAddress.country", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/mixins/profile-consents"_s,
         {{"consents.marketing.email.val", "string", nullptr}, {"consents.marketing.preferred", "string", nullptr}}},
    };
    return groups;
}

bool isKnownClass(const QString &id)
{
    return id == kProfileClass || id == kRecordClass || id == kEventClass;
}

void collectCustomPaths(const QJsonObject &properties, const QString &prefix, QSet<QString> *paths)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        paths->insert(path);
        const QJsonObject node = it.value().toObject();
        if (node.contains(u"properties"_s))
            collectCustomPaths(node.value(u"properties"_s).toObject(), path, paths);
    }
}

// Every field path of a stored schema: the standard ones of its class and field groups, plus the
// tenant fields it declares in "properties" or in inline "definitions". Intermediate objects
// (person.name) count as paths too, since a mapping may target a whole object.
QSet<QString> schemaPaths(const QJsonObject &schema)
{
    QSet<QString> paths;
    QStringList refs{schema.value(u"meta:class"_s).toString()};
    for (const QJsonValue &part : schema.value(u"allOf"_s).toArray())
        refs.append(part.toObject().value(u"$ref"_s).toString());
    for (const QString &ref : std::as_const(refs)) {
        const auto it = standardFieldGroups().constFind(ref);
        if (it == standardFieldGroups().constEnd())
            continue;
        for (const StandardField &field : *it) {
            const QStringList parts = QString::fromLatin1(field.path).split(QLatin1Char('.'));
            for (int i = 1; i <= parts.size(); ++i)
                paths.insert(parts.mid(0, i).join(QLatin1Char('.')));
        }
    }
    collectCustomPaths(schema.value(u"properties"_s).toObject(), {}, &paths);
    const QJsonObject definitions = schema.value(u"definitions"_s).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it)
        collectCustomPaths(it.value().toObject().value(u"properties"_s).toObject(), {}, &paths);
    return paths;
}

void insertFieldPath(QJsonObject &properties, const QStringList &parts, const QJsonObject &leaf)
{
    if (parts.size() == 1) {
        properties.insert(parts.first(), leaf);
        return;
    }
    QJsonObject node = properties.value(parts.first()).toObject();
    node.insert(u"type"_s, u"object"_s);
    node.insert(u"meta:xdmType"_s, u"object"_s);
    QJsonObject children = node.value(u"properties"_s).toObject();
    insertFieldPath(children, parts.mid(1), leaf);
    node.insert(u"properties"_s, children);
    properties.insert(parts.first(), node);
}

} // namespace

// ================================================================================================

struct AdobeService::Private
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

    using PlatformHandler = Response (Private::*)(const Request &, const Caller &);

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
    static QJsonObject zohoConnectionSpec();
    static QJsonObject dataLakeConnectionSpec();
    static QJsonObject crmFlowSpec();
    static QJsonObject cloudStorageFlowSpec();
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
    Response listConnections(const Request &request, const Caller &caller);
    Response getConnection(const Request &request, const Caller &caller);
    Response patchConnection(const Request &request, const Caller &caller);
    Response deleteConnection(const Request &request, const Caller &caller);
    Response testConnection(const Request &request, const Caller &caller);
    Response exploreConnection(const Request &request, const Caller &caller);
    Response createSourceConnection(const Request &request, const Caller &caller);
    Response listSourceConnections(const Request &request, const Caller &caller);
    Response getSourceConnection(const Request &request, const Caller &caller);
    Response patchSourceConnection(const Request &request, const Caller &caller);
    Response deleteSourceConnection(const Request &request, const Caller &caller);
    Response createTargetConnection(const Request &request, const Caller &caller);
    Response listTargetConnections(const Request &request, const Caller &caller);
    Response getTargetConnection(const Request &request, const Caller &caller);
    Response deleteTargetConnection(const Request &request, const Caller &caller);
    Response listFlowSpecs(const Request &request, const Caller &caller);
    Response getFlowSpec(const Request &request, const Caller &caller);
    Response createFlow(const Request &request, const Caller &caller);
    Response listFlows(const Request &request, const Caller &caller);
    Response getFlow(const Request &request, const Caller &caller);
    Response patchFlow(const Request &request, const Caller &caller);
    Response deleteFlow(const Request &request, const Caller &caller);
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

// ================================================================================================
// Seed and persistent state

namespace {

QJsonObject buildSchema(const QJsonObject &body, const QString &hex, const QString &sandboxId,
                        const QString &sandboxType, const QString &client, const QString &user, qint64 ms)
{
    const QString id = u"https://ns.adobe.com/%1/schemas/%2"_s.arg(kTenantId, hex);
    QJsonArray allOf = body.value(u"allOf"_s).toArray();
    QString metaClass = body.value(u"meta:class"_s).toString();
    QJsonArray extends;
    for (const QJsonValue &part : std::as_const(allOf)) {
        const QString ref = part.toObject().value(u"$ref"_s).toString();
        if (ref.startsWith(u"https://"_s)) {
            extends.append(ref);
            if (metaClass.isEmpty() && isKnownClass(ref))
                metaClass = ref;
        }
    }
    QJsonObject schema{{u"$id"_s, id},
                       {u"meta:altId"_s, u"_%1.schemas.%2"_s.arg(kTenantId, hex)},
                       {u"meta:resourceType"_s, u"schemas"_s},
                       {u"version"_s, u"1.0"_s},
                       {u"title"_s, body.value(u"title"_s).toString()},
                       {u"type"_s, u"object"_s},
                       {u"description"_s, body.value(u"description"_s).toString()},
                       {u"allOf"_s, allOf},
                       {u"refs"_s, extends},
                       {u"imsOrg"_s, kOrgId},
                       {u"meta:extensible"_s, false},
                       {u"meta:abstract"_s, false},
                       {u"meta:extends"_s, extends},
                       {u"meta:xdmType"_s, u"object"_s},
                       {u"meta:class"_s, metaClass},
                       {u"meta:containerId"_s, u"tenant"_s},
                       {u"meta:sandboxId"_s, sandboxId},
                       {u"meta:sandboxType"_s, sandboxType},
                       {u"meta:tenantNamespace"_s, u"_"_s + kTenantId},
                       {u"meta:registryMetadata"_s, QJsonObject{{u"repo:createdDate"_s, ms},
                                                                {u"repo:lastModifiedDate"_s, ms},
                                                                {u"xdm:createdClientId"_s, client},
                                                                {u"xdm:lastModifiedClientId"_s, client},
                                                                {u"xdm:createdUserId"_s, user},
                                                                {u"xdm:lastModifiedUserId"_s, user},
                                                                {u"eTag"_s, SandboxContext::randomHex(32)},
                                                                {u"meta:globalLibVersion"_s, u"1.52.2"_s}}}};
    if (body.contains(u"definitions"_s))
        schema.insert(u"definitions"_s, body.value(u"definitions"_s));
    if (body.contains(u"properties"_s))
        schema.insert(u"properties"_s, body.value(u"properties"_s));
    return schema;
}

QJsonObject buildDataSet(const QJsonObject &body, const QString &id, const QString &sandboxId, const QString &client,
                         const QString &user, qint64 ms)
{
    QJsonObject schemaRef = body.value(u"schemaRef"_s).toObject();
    if (!schemaRef.contains(u"contentType"_s))
        schemaRef.insert(u"contentType"_s, u"application/vnd.adobe.xed+json;version=1"_s);
    QJsonObject dataSet{{u"name"_s, body.value(u"name"_s).toString()},
                        {u"description"_s, body.value(u"description"_s).toString()},
                        {u"imsOrg"_s, kOrgId},
                        {u"sandboxId"_s, sandboxId},
                        {u"version"_s, u"1.0.0"_s},
                        {u"created"_s, ms},
                        {u"updated"_s, ms},
                        {u"createdClient"_s, client},
                        {u"createdUser"_s, user},
                        {u"updatedUser"_s, user},
                        {u"schemaRef"_s, schemaRef},
                        {u"tags"_s, body.value(u"tags"_s).toObject()},
                        {u"enableErrorDiagnostics"_s, body.value(u"enableErrorDiagnostics"_s).toBool(false)},
                        {u"viewId"_s, SandboxContext::randomHex(12)},
                        {u"files"_s, u"@/dataSetFiles?dataSetId="_s + id},
                        {u"observableSchema"_s, QJsonObject()}};
    return dataSet;
}

QJsonObject entryToJson(const QString &id, const QString &org, const QString &sandbox, const QJsonObject &data,
                        const QJsonObject &meta)
{
    return QJsonObject{{u"id"_s, id}, {u"org"_s, org}, {u"sandbox"_s, sandbox}, {u"data"_s, data}, {u"meta"_s, meta}};
}

} // namespace

void AdobeService::Private::seed()
{
    clientId = SandboxContext::randomHex(16);
    clientSecret = u"p8e-"_s + randomAlphanumeric(32);
    sandboxes = {{u"prod"_s, u"Prod"_s, u"production"_s, kProdSandboxId, true},
                 {u"dev"_s, u"Development"_s, u"development"_s, kDevSandboxId, false}};

    // One profile schema with a dataset already in prod, as a real org would have, so that the
    // wizard's "existing dataset" path has something to offer.
    const QString uiClient = u"exc_app"_s;
    const QString uiUser = u"ZAWDEMO0000000000000000A@AdobeID"_s;
    const QJsonObject schemaBody{
        {u"title"_s, u"Zoho CRM Contacts (existing)"_s},
        {u"description"_s, u"Profile schema for contacts imported from Zoho CRM"_s},
        {u"allOf"_s,
         QJsonArray{QJsonObject{{u"$ref"_s, kProfileClass}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-person-details"_s}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-personal-details"_s}},
                    QJsonObject{{u"$ref"_s, u"#/definitions/zohoFields"_s}}}},
        {u"meta:class"_s, kProfileClass},
        {u"definitions"_s,
         QJsonObject{
             {u"zohoFields"_s,
              QJsonObject{
                  {u"properties"_s,
                   QJsonObject{{u"_"_s + kTenantId,
                                QJsonObject{{u"type"_s, u"object"_s},
                                            {u"properties"_s,
                                             QJsonObject{{u"zohoId"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                         {u"accountName"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                         {u"modifiedTime"_s,
                                                          QJsonObject{{u"type"_s, u"string"_s},
                                                                      {u"format"_s, u"date-time"_s}}}}}}}}}}}}}};
    const QJsonObject schema =
        buildSchema(schemaBody, kSeedSchemaHex, kProdSandboxId, u"production"_s, uiClient, uiUser, kSeedTimeMs);
    schemas.insert(schema.value(u"$id"_s).toString(), Entry{kOrgId, u"prod"_s, schema, {}});

    const QJsonObject dataSetBody{
        {u"name"_s, u"Zoho CRM Contacts (existing)"_s},
        {u"description"_s, u"Contacts loaded from Zoho CRM"_s},
        {u"schemaRef"_s, QJsonObject{{u"id"_s, schema.value(u"$id"_s)},
                                     {u"contentType"_s, u"application/vnd.adobe.xed-full+json;version=1"_s}}}};
    dataSets.insert(kSeedDataSetId,
                    Entry{kOrgId,
                          u"prod"_s,
                          buildDataSet(dataSetBody, kSeedDataSetId, kProdSandboxId, uiClient, uiUser, kSeedTimeMs),
                          {}});
}

QJsonObject AdobeService::Private::saveState() const
{
    auto storeJson = [](const Store &store) {
        QJsonArray list;
        for (auto it = store.begin(); it != store.end(); ++it)
            list.append(entryToJson(it.key(), it->org, it->sandbox, it->data, it->meta));
        return list;
    };
    QJsonObject tokenJson;
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        tokenJson.insert(
            it.key(),
            QJsonObject{{u"clientId"_s, it->clientId}, {u"orgId"_s, it->orgId}, {u"expiresAt"_s, it->expiresAtMs}});
    }
    return QJsonObject{{u"clientId"_s, clientId},
                       {u"clientSecret"_s, clientSecret},
                       {u"tokens"_s, tokenJson},
                       {u"connections"_s, storeJson(connections)},
                       {u"sourceConnections"_s, storeJson(sourceConnections)},
                       {u"targetConnections"_s, storeJson(targetConnections)},
                       {u"flows"_s, storeJson(flows)},
                       {u"runs"_s, storeJson(runs)},
                       {u"dataSets"_s, storeJson(dataSets)},
                       {u"schemas"_s, storeJson(schemas)},
                       {u"mappingSets"_s, storeJson(mappingSets)}};
}

void AdobeService::Private::loadState(const QJsonObject &state)
{
    if (state.value(u"clientId"_s).toString().isEmpty())
        return; // nothing saved yet: keep the fresh seed
    clientId = state.value(u"clientId"_s).toString();
    clientSecret = state.value(u"clientSecret"_s).toString();
    tokens.clear();
    const QJsonObject tokenJson = state.value(u"tokens"_s).toObject();
    for (auto it = tokenJson.begin(); it != tokenJson.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        tokens.insert(it.key(), Token{t.value(u"clientId"_s).toString(), t.value(u"orgId"_s).toString(),
                                      qint64(t.value(u"expiresAt"_s).toDouble())});
    }
    auto load = [&state](const QString &key, Store &store) {
        if (!state.contains(key))
            return;
        store.clear();
        for (const QJsonValue &v : state.value(key).toArray()) {
            const QJsonObject o = v.toObject();
            store.insert(o.value(u"id"_s).toString(),
                         Entry{o.value(u"org"_s).toString(), o.value(u"sandbox"_s).toString(),
                               o.value(u"data"_s).toObject(), o.value(u"meta"_s).toObject()});
        }
    };
    load(u"connections"_s, connections);
    load(u"sourceConnections"_s, sourceConnections);
    load(u"targetConnections"_s, targetConnections);
    load(u"flows"_s, flows);
    load(u"runs"_s, runs);
    load(u"dataSets"_s, dataSets);
    load(u"schemas"_s, schemas);
    load(u"mappingSets"_s, mappingSets);
}

// ================================================================================================
// Shared helpers

const AdobeService::Private::SandboxInfo *AdobeService::Private::sandboxNamed(const QString &name) const
{
    for (const SandboxInfo &s : sandboxes) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

AdobeService::Private::Entry *AdobeService::Private::findIn(Store &store, const QString &id, const Caller &caller)
{
    auto it = store.find(id);
    if (it == store.end() || !visible(*it, caller))
        return nullptr;
    return &*it;
}

QJsonObject AdobeService::Private::auditFields(const Caller &caller, const QString &id) const
{
    const qint64 ms = nowMs();
    const QString etag = newEtag();
    return QJsonObject{{u"id"_s, id},
                       {u"createdAt"_s, ms},
                       {u"updatedAt"_s, ms},
                       {u"createdBy"_s, caller.user},
                       {u"updatedBy"_s, caller.user},
                       {u"createdClient"_s, caller.clientId},
                       {u"updatedClient"_s, caller.clientId},
                       {u"sandboxId"_s, caller.sandboxId},
                       {u"sandboxName"_s, caller.sandbox},
                       {u"imsOrgId"_s, caller.orgId},
                       {u"version"_s, etag},
                       {u"etag"_s, etag}};
}

void AdobeService::Private::touch(Entry &entry, const Caller &caller)
{
    const QString etag = newEtag();
    entry.data.insert(u"updatedAt"_s, nowMs());
    entry.data.insert(u"updatedBy"_s, caller.user);
    entry.data.insert(u"updatedClient"_s, caller.clientId);
    entry.data.insert(u"version"_s, etag);
    entry.data.insert(u"etag"_s, etag);
    context->changed();
}

Response AdobeService::Private::gatewayError(int status, const QString &code, const QString &message)
{
    return Response::json(QJsonObject{{u"error_code"_s, code}, {u"message"_s, message}}, status);
}

// Flow Service errors: code "NNNN-SSS" where SSS is the HTTP status, type URI FLOW-<code>.
Response AdobeService::Private::flowError(const Request &request, const QString &code, const QString &title,
                                          const QString &message, const QJsonObject &report)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    QJsonObject r = report;
    r.insert(u"detailed-message"_s, message);
    r.insert(u"request-id"_s, request.requestId);
    return Response::json(QJsonObject{{u"type"_s, u"https://ns.adobe.com/aep/errors/FLOW-"_s + code},
                                      {u"title"_s, title},
                                      {u"status"_s, status},
                                      {u"report"_s, r},
                                      {u"errorMessage"_s, message},
                                      {u"errorDetails"_s, message}},
                          status);
}

Response AdobeService::Private::notFound(const Request &request, const QString &type, const QString &id)
{
    // The documented not-found body (labels tutorial) is FLOW-1439-404 with the type and ID.
    return flowError(
        request, u"1439-404"_s, u"Resource not found"_s,
        u"The requested %1 resource %2 is not found. Verify the resource ID before trying again."_s.arg(type, id),
        QJsonObject{{u"id"_s, id}, {u"type"_s, type}});
}

Response AdobeService::Private::xdmError(const Request &, const QString &code, const QString &title,
                                         const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{
            {u"type"_s, u"http://ns.adobe.com/aep/errors/XDM-"_s + code},
            {u"title"_s, title},
            {u"status"_s, status},
            {u"report"_s, QJsonObject{{u"registryRequestId"_s, SandboxContext::uuid()},
                                      {u"timestamp"_s, SandboxContext::now().toString(u"MM-dd-yyyy HH:mm:ss"_s)},
                                      {u"detailed-message"_s, message},
                                      {u"sub-errors"_s, QJsonArray()}}},
            {u"detail"_s, message}},
        status);
}

// [emulator] Catalog and Data Prep publish no error bodies (the specs say `content: {}`); these use
// the same type/title/status/report/detail family with CAT- and MAPPER- codes.
Response AdobeService::Private::catalogError(const Request &request, const QString &code, const QString &title,
                                             const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{{u"type"_s, u"http://ns.adobe.com/aep/errors/CAT-"_s + code},
                    {u"title"_s, title},
                    {u"status"_s, status},
                    {u"report"_s, QJsonObject{{u"detailed-message"_s, message}, {u"request-id"_s, request.requestId}}},
                    {u"detail"_s, message}},
        status);
}

Response AdobeService::Private::prepError(const Request &request, const QString &code, const QString &title,
                                          const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{{u"type"_s, u"http://ns.adobe.com/aep/errors/MAPPER-"_s + code},
                    {u"title"_s, title},
                    {u"status"_s, status},
                    {u"report"_s, QJsonObject{{u"detailed-message"_s, message}, {u"request-id"_s, request.requestId}}},
                    {u"detail"_s, message}},
        status);
}

// The API gateway in front of every Platform service (reference §8.1), in the order AEP checks.
std::optional<Response> AdobeService::Private::gateway(const Request &request, Api api, Caller *caller) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.isEmpty())
        return gatewayError(403, u"403010"_s, u"Oauth token is missing."_s);
    QString token;
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        token = QString::fromLatin1(authorization.mid(7).trimmed());
    const auto it = tokens.constFind(token);
    if (token.isEmpty() || it == tokens.constEnd() || it->expiresAtMs <= nowMs())
        return gatewayError(401, u"401013"_s, u"Oauth token is not valid"_s);
    const QString apiKey = QString::fromLatin1(request.header("x-api-key").trimmed());
    if (apiKey.isEmpty())
        return gatewayError(403, u"403000"_s, u"Api Key is required"_s);
    if (apiKey != it->clientId)
        return gatewayError(403, u"403003"_s, u"Api Key is invalid"_s);
    const QString org = QString::fromLatin1(request.header("x-gw-ims-org-id").trimmed());
    if (org.isEmpty())
        return gatewayError(400, u"400003"_s, u"Missing header"_s);
    if (org != it->orgId)
        return gatewayError(403, u"403025"_s, u"Profile is not valid"_s);

    caller->clientId = it->clientId;
    caller->orgId = it->orgId;
    caller->user = technicalAccount();

    // Sandbox management lists the sandboxes a client may pick from, so it is the one service that
    // does not need to know the sandbox yet.
    const QString sandbox = QString::fromLatin1(request.header("x-sandbox-name").trimmed());
    if (api != Api::SandboxManagement || !sandbox.isEmpty()) {
        if (sandbox.isEmpty()) {
            return flowError(request, u"2105-400"_s, u"Bad Request"_s,
                             u"The header x-sandbox-name is missing in the request."_s);
        }
        const SandboxInfo *info = sandboxNamed(sandbox);
        if (!info) {
            return flowError(request, u"2100-404"_s, u"Sandbox not found"_s,
                             u"The sandbox '%1' is not found in the organization %2."_s.arg(sandbox, org),
                             QJsonObject{{u"sandboxName"_s, sandbox}});
        }
        caller->sandbox = info->name;
        caller->sandboxId = info->id;
    }

    const bool hasBody = !request.body.trimmed().isEmpty();
    if (hasBody && (request.method == "POST" || request.method == "PUT" || request.method == "PATCH")) {
        const QByteArray contentType = request.header("content-type").toLower();
        if (!contentType.contains("json")) {
            return Response::json(QJsonObject{{u"type"_s, u"/placeholder/type/uri"_s},
                                              {u"status"_s, 400},
                                              {u"title"_s, u"BadRequestError"_s},
                                              {u"detail"_s, u"A valid content-type must be specified"_s}},
                                  400);
        }
    }
    return std::nullopt;
}

void AdobeService::Private::addRoute(Router &router, const QByteArray &method, const QString &pattern, Api api,
                                     PlatformHandler handler)
{
    router.add(method, kFoundation + pattern, [this, api, handler](const Request &request) {
        Caller caller;
        if (auto error = gateway(request, api, &caller))
            return *error;
        return (this->*handler)(request, caller);
    });
}

std::optional<QJsonObject> AdobeService::Private::jsonBody(const Request &request, Response *error) const
{
    if (request.body.trimmed().isEmpty()) {
        *error = flowError(request, u"1405-400"_s, u"Bad Request"_s, u"The request body is empty."_s);
        return std::nullopt;
    }
    bool ok = false;
    const QJsonValue body = request.json(&ok);
    if (!ok || !body.isObject()) {
        // [emulator] code: malformed JSON is not in the published catalogue.
        *error = flowError(request, u"1001-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
        return std::nullopt;
    }
    return body.toObject();
}

std::optional<Response> AdobeService::Private::checkIfMatch(const Request &request, const Entry &entry) const
{
    if (!request.hasHeader("if-match")) {
        return flowError(request, u"1403-400"_s, u"Bad Request"_s,
                         u"The header 'If-Match' is missing in the request."_s);
    }
    // update.md sends the etag without its quotes, update-dataflows.md with them: both work.
    const QString supplied = unquoted(QString::fromLatin1(request.header("if-match")));
    const QString current = unquoted(entry.data.value(u"etag"_s).toString());
    if (supplied != current) {
        return flowError(
            request, u"1404-412"_s, u"Precondition Failed"_s,
            u"Version not matching. Supplied version=[%1] does not match the current version on entity=[%2]."_s.arg(
                supplied, entry.data.value(u"id"_s).toString()));
    }
    return std::nullopt;
}

std::optional<QJsonArray> AdobeService::Private::patchInstructions(const Request &request, Response *error) const
{
    if (request.body.trimmed().isEmpty()) {
        *error = flowError(request, u"1405-400"_s, u"Bad Request"_s, u"The request body is empty."_s);
        return std::nullopt;
    }
    bool ok = false;
    const QJsonValue body = request.json(&ok);
    // The spec types the body as one instruction object; every doc (and AEP) uses an array.
    if (!ok || !body.isArray() || body.toArray().isEmpty()) {
        *error = flowError(request, u"1001-400"_s, u"Bad Request"_s,
                           u"The PATCH body must be a non-empty JSON array of {op, path, value} instructions."_s);
        return std::nullopt;
    }
    const QJsonArray instructions = body.toArray();
    for (const QJsonValue &v : instructions) {
        const QJsonObject instruction = v.toObject();
        const QString op = instruction.value(u"op"_s).toString();
        if (op != u"add"_s && op != u"replace"_s && op != u"remove"_s) {
            *error = flowError(
                request, u"1434-400"_s, u"Bad Request"_s,
                u"The patch operation '%1' is not supported. Supported operations: add, replace, remove."_s.arg(op));
            return std::nullopt;
        }
        const QString path = instruction.value(u"path"_s).toString();
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2) {
            *error = flowError(request, u"1455-400"_s, u"Bad Request"_s,
                               u"The patch instruction path '%1' is not valid."_s.arg(path));
            return std::nullopt;
        }
        if (op != u"remove"_s && !instruction.contains(u"value"_s)) {
            *error =
                flowError(request, u"1304-400"_s, u"Bad Request"_s,
                          u"The mandatory field 'value' is missing in the patch instruction for '%1'."_s.arg(path));
            return std::nullopt;
        }
    }
    return instructions;
}

// Lists of Flow Service: property (ANDed), orderby, limit + continuationToken, count.
Response AdobeService::Private::listResponse(const Request &request, QList<QJsonObject> items,
                                             const QString &collectionPath) const
{
    const bool hasLimit = request.query.hasQueryItem(u"limit"_s);
    const bool count = request.queryValue(u"count"_s).toLower() == u"true"_s;
    if (hasLimit && count) {
        return flowError(request, u"1401-400"_s, u"Bad Request"_s,
                         u"The query parameters 'limit' and 'count' cannot be used together."_s);
    }
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return flowError(request, u"1440-400"_s, u"Bad Request"_s, filterError);
    items.erase(
        std::remove_if(items.begin(), items.end(), [&](const QJsonObject &o) { return !matchesFilters(o, *filters); }),
        items.end());
    if (count)
        return Response::json(QJsonObject{{u"count"_s, int(items.size())}});

    QString orderBy = request.queryValue(u"orderby"_s).trimmed();
    bool descending = false;
    if (orderBy.startsWith(QLatin1Char('-')) || orderBy.startsWith(QLatin1Char('+'))) {
        descending = orderBy.startsWith(QLatin1Char('-'));
        orderBy = orderBy.mid(1);
    }
    if (orderBy.isEmpty()) {
        orderBy = u"createdAt"_s;
        descending = true;
    }
    std::stable_sort(items.begin(), items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const QJsonValue va = valueAt(a, orderBy);
        const QJsonValue vb = valueAt(b, orderBy);
        bool less;
        if (va.isDouble() && vb.isDouble())
            less = va.toDouble() < vb.toDouble();
        else
            less = scalarText(va).compare(scalarText(vb), Qt::CaseInsensitive) < 0;
        bool greater;
        if (va.isDouble() && vb.isDouble())
            greater = va.toDouble() > vb.toDouble();
        else
            greater = scalarText(va).compare(scalarText(vb), Qt::CaseInsensitive) > 0;
        return descending ? greater : less;
    });

    int offset = 0;
    const QString continuation = request.queryValue(u"continuationToken"_s);
    if (!continuation.isEmpty()) {
        bool ok = false;
        offset = QString::fromLatin1(QByteArray::fromBase64(continuation.toLatin1())).toInt(&ok);
        if (!ok || offset < 0) {
            return flowError(request, u"1001-400"_s, u"Bad Request"_s, u"The continuationToken is not valid."_s);
        }
    }
    int limit = int(items.size());
    if (hasLimit) {
        bool ok = false;
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1) {
            return flowError(request, u"1001-400"_s, u"Bad Request"_s,
                             u"The query parameter 'limit' must be a positive integer."_s);
        }
    }
    QJsonArray page;
    for (int i = offset; i < items.size() && page.size() < limit; ++i)
        page.append(items.at(i));
    QJsonObject links;
    if (offset + page.size() < items.size()) {
        QUrlQuery next;
        for (const QString &p : request.queryValues(u"property"_s))
            next.addQueryItem(u"property"_s, QString::fromLatin1(QUrl::toPercentEncoding(p)));
        if (!request.queryValue(u"orderby"_s).isEmpty())
            next.addQueryItem(u"orderby"_s, request.queryValue(u"orderby"_s));
        next.addQueryItem(u"limit"_s, QString::number(limit));
        next.addQueryItem(u"continuationToken"_s,
                          QString::fromLatin1(QByteArray::number(offset + int(page.size())).toBase64()));
        links.insert(u"next"_s, QJsonObject{{u"href"_s, collectionPath + u"?"_s + next.query(QUrl::FullyEncoded)}});
    }
    return Response::json(QJsonObject{{u"items"_s, page}, {u"_links"_s, links}});
}

// ================================================================================================
// IMS: POST /ims/token/v3 (client_credentials)

Response AdobeService::Private::imsToken(const Request &request)
{
    // Parameters may come in the body or the query string; the body wins.
    QHash<QString, QString> params;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded))
        params.insert(item.first, item.second);
    for (const auto &field : request.formFields())
        params.insert(field.first, field.second);

    auto oauthError = [](int status, const QString &error, const QString &description) {
        return Response::json(QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}}, status);
    };
    const QString grantType = params.value(u"grant_type"_s);
    if (grantType != u"client_credentials"_s) {
        return oauthError(400, u"unsupported_grant_type"_s,
                          grantType.isEmpty() ? u"grant_type is missing"_s
                                              : u"The grant type '%1' is not supported"_s.arg(grantType));
    }
    const QString id = params.value(u"client_id"_s);
    if (id.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"client_id is missing"_s);
    if (id != clientId)
        return oauthError(401, u"invalid_client"_s, u"invalid client_id parameter"_s);
    if (params.value(u"client_secret"_s) != clientSecret)
        return oauthError(401, u"invalid_client"_s, u"invalid client_secret parameter"_s);
    if (params.value(u"scope"_s).trimmed().isEmpty())
        return oauthError(400, u"invalid_scope"_s, u"scope is missing or empty"_s);

    const qint64 now = nowMs();
    for (auto it = tokens.begin(); it != tokens.end();) {
        if (it->expiresAtMs < now - 24LL * 3600 * 1000)
            it = tokens.erase(it);
        else
            ++it;
    }
    const QString token = u"eyJ"_s + randomAlphanumeric(120);
    const int ttl = context->options.adobeTokenTtlSeconds;
    tokens.insert(token, Token{clientId, kOrgId, now + qint64(ttl) * 1000});
    context->changed();
    return Response::json(
        QJsonObject{{u"access_token"_s, token}, {u"token_type"_s, u"bearer"_s}, {u"expires_in"_s, ttl}});
}

// ================================================================================================
// The Platform side's calls to the Zoho side, with the credentials of a base connection

namespace {

QString sameUrlKey(const QString &url)
{
    QUrl u(url.trimmed());
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return u.scheme().toLower() + u"://"_s + u.host().toLower() + u":"_s + QString::number(u.port()) + path;
}

} // namespace

bool AdobeService::Private::zohoRefresh(Entry &connection, QString *reason)
{
    QJsonObject auth = connection.data.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    const QString accountsUrl = params.value(u"accountsUrl"_s).toString();
    const QString accountsPath = context->localPath(QUrl(accountsUrl));
    if (accountsPath.isEmpty()) {
        *reason = u"the Accounts URL %1 could not be reached (connection refused)."_s.arg(accountsUrl);
        return false;
    }
    const QList<QPair<QString, QString>> form = {{u"grant_type"_s, u"refresh_token"_s},
                                                 {u"client_id"_s, params.value(u"clientId"_s).toString()},
                                                 {u"client_secret"_s, params.value(u"clientSecret"_s).toString()},
                                                 {u"refresh_token"_s, params.value(u"refreshToken"_s).toString()}};
    QByteArray body;
    for (const auto &field : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    Request request;
    request.method = "POST";
    request.path = accountsPath + u"/oauth/v2/token"_s;
    request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
    request.body = body;
    request.internal = true;
    request.requestId = SandboxContext::uuid();
    const Response response = context->internalCall(request);
    const QJsonObject answer = response.jsonBody().toObject();
    const QString accessToken = answer.value(u"access_token"_s).toString();
    if (response.status != 200 || accessToken.isEmpty()) {
        // Zoho reports token errors as HTTP 200 with an "error" field.
        QString error = answer.value(u"error"_s).toString();
        if (error.isEmpty())
            error = u"HTTP %1"_s.arg(response.status);
        const QString description = answer.value(u"error_description"_s).toString();
        *reason = u"Zoho Accounts at %1 refused to refresh the access token: %2%3"_s.arg(
            accountsUrl, error, description.isEmpty() ? QString() : u" (%1)"_s.arg(description));
        return false;
    }
    params.insert(u"accessToken"_s, accessToken);
    auth.insert(u"params"_s, params);
    connection.data.insert(u"auth"_s, auth);
    connection.meta.insert(u"verified"_s, true);
    connection.meta.insert(u"apiDomain"_s, answer.value(u"api_domain"_s).toString());
    context->changed();
    return true;
}

AdobeService::Private::ZohoResult AdobeService::Private::zohoGet(Entry &connection, const QString &apiPath,
                                                                 const QList<QPair<QString, QString>> &query)
{
    ZohoResult result;
    const QString endpoint =
        connection.data.value(u"auth"_s).toObject().value(u"params"_s).toObject().value(u"endpoint"_s).toString();
    const QString apiBase = context->localPath(QUrl(endpoint));
    if (apiBase.isEmpty()) {
        result.reason = u"the Endpoint %1 could not be reached (connection refused)."_s.arg(endpoint);
        return result;
    }
    // A connection's credentials are checked the first time it is used (AEP says to "allow some
    // time for the new connection to establish"): a refresh proves client ID, secret, refresh
    // token and Accounts URL together, so a wrong secret fails even while the access token lives.
    bool refreshed = false;
    if (!connection.meta.value(u"verified"_s).toBool()) {
        if (!zohoRefresh(connection, &result.reason))
            return result;
        refreshed = true;
    }
    auto call = [&]() {
        Request request;
        request.method = "GET";
        request.path = apiBase + apiPath;
        QUrlQuery q;
        for (const auto &item : query)
            q.addQueryItem(item.first, item.second);
        request.query = q;
        const QString token = connection.data.value(u"auth"_s)
                                  .toObject()
                                  .value(u"params"_s)
                                  .toObject()
                                  .value(u"accessToken"_s)
                                  .toString();
        request.headers = {{"authorization", "Zoho-oauthtoken " + token.toUtf8()}};
        request.internal = true;
        request.requestId = SandboxContext::uuid();
        return context->internalCall(request);
    };
    Response response = call();
    QJsonObject body = response.jsonBody().toObject();
    if (response.status == 401 && body.value(u"code"_s).toString() == u"INVALID_TOKEN"_s && !refreshed) {
        if (!zohoRefresh(connection, &result.reason))
            return result;
        response = call();
        body = response.jsonBody().toObject();
    }
    result.status = response.status;
    result.body = body;
    if (response.status >= 400) {
        result.reason = u"Zoho CRM answered HTTP %1 %2: %3"_s.arg(response.status)
                            .arg(body.value(u"code"_s).toString(), body.value(u"message"_s).toString());
        const QString apiDomain = connection.meta.value(u"apiDomain"_s).toString();
        if (!apiDomain.isEmpty() && sameUrlKey(apiDomain) != sameUrlKey(endpoint)) {
            result.reason +=
                u" – the Zoho token belongs to %1 but the connection's Endpoint is %2."_s.arg(apiDomain, endpoint);
        }
        return result;
    }
    result.ok = true;
    return result;
}

int AdobeService::Private::zohoRecordCount(Entry &connection, const QString &module, QString *reason)
{
    // Discrete pages reach only the first 2,000 records; beyond that Zoho wants page_token.
    constexpr int perPage = 200;
    int count = 0;
    int page = 1;
    QString pageToken;
    for (int guard = 0; guard < 1000; ++guard) {
        QList<QPair<QString, QString>> query{{u"fields"_s, u"id"_s}, {u"per_page"_s, QString::number(perPage)}};
        if (pageToken.isEmpty())
            query.append({u"page"_s, QString::number(page)});
        else
            query.append({u"page_token"_s, pageToken});
        const ZohoResult r = zohoGet(connection, u"/crm/v8/"_s + module, query);
        if (!r.ok) {
            *reason = r.reason;
            return -1;
        }
        if (r.status == 204 || r.status == 304)
            break;
        count += int(r.body.value(u"data"_s).toArray().size());
        const QJsonObject info = r.body.value(u"info"_s).toObject();
        if (!info.value(u"more_records"_s).toBool())
            break;
        const QString next = info.value(u"next_page_token"_s).toString();
        if (!pageToken.isEmpty() || page * perPage >= 2000) {
            if (next.isEmpty())
                break;
            pageToken = next;
        } else {
            ++page;
        }
    }
    return count;
}

// ================================================================================================
// Flow Service: specs

QJsonObject AdobeService::Private::zohoConnectionSpec()
{
    auto param = [](const char *description, bool secret) {
        QJsonObject p{{u"type"_s, u"string"_s}, {u"description"_s, QString::fromLatin1(description)}};
        if (secret)
            p.insert(u"format"_s, u"password"_s);
        return p;
    };
    return QJsonObject{
        {u"id"_s, kZohoSpecId},
        {u"name"_s, u"zoho-crm"_s},
        {u"providerId"_s, kProviderId},
        {u"version"_s, u"1.0"_s},
        {u"authSpec"_s,
         QJsonArray{QJsonObject{
             {u"name"_s, kBasicAuth},
             {u"type"_s, u"BasicAuthentication"_s},
             {u"spec"_s,
              QJsonObject{{u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                          {u"type"_s, u"object"_s},
                          {u"properties"_s,
                           QJsonObject{{u"endpoint"_s, param("Zoho CRM server endpoint", false)},
                                       {u"accountsUrl"_s, param("Domain-specific Zoho accounts URL", false)},
                                       {u"clientId"_s, param("Client ID of the Zoho API client", false)},
                                       {u"clientSecret"_s, param("Client secret of the Zoho API client", true)},
                                       {u"accessToken"_s, param("Zoho OAuth access token", true)},
                                       {u"refreshToken"_s, param("Zoho OAuth refresh token", true)}}},
                          {u"required"_s, QJsonArray::fromStringList(kZohoAuthParams)}}}}}},
        {u"sourceSpec"_s,
         QJsonObject{
             {u"spec"_s,
              QJsonObject{{u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                          {u"type"_s, u"object"_s},
                          {u"properties"_s, QJsonObject{{u"tableName"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                        {u"columns"_s, QJsonObject{{u"type"_s, u"array"_s}}}}},
                          {u"required"_s, QJsonArray{u"tableName"_s, u"columns"_s}}}},
             {u"attributes"_s, QJsonObject{{u"uiAttributes"_s,
                                            QJsonObject{{u"isSource"_s, true},
                                                        {u"category"_s, QJsonObject{{u"key"_s, u"crm"_s}}},
                                                        {u"label"_s, QJsonObject{{u"key"_s, u"zohoCrmLabel"_s}}}}}}}}},
        {u"exploreSpec"_s, QJsonObject{{u"name"_s, u"Tabular"_s}, {u"type"_s, u"Tabular"_s}}},
        {u"attributes"_s, QJsonObject{{u"category"_s, u"CRM"_s}, {u"isSource"_s, true}}},
        {u"permissionsInfo"_s,
         QJsonObject{{u"view"_s, QJsonArray{QJsonObject{{u"@type"_s, u"lowLevel"_s},
                                                        {u"name"_s, u"EnterpriseSource"_s},
                                                        {u"permissions"_s, QJsonArray{u"read"_s}}}}},
                     {u"manage"_s, QJsonArray{QJsonObject{{u"@type"_s, u"lowLevel"_s},
                                                          {u"name"_s, u"EnterpriseSource"_s},
                                                          {u"permissions"_s, QJsonArray{u"write"_s}}}}}}}};
}

QJsonObject AdobeService::Private::dataLakeConnectionSpec()
{
    return QJsonObject{
        {u"id"_s, kDataLakeSpecId},
        {u"name"_s, u"Data Lake"_s},
        {u"providerId"_s, kProviderId},
        {u"version"_s, u"1.0"_s},
        {u"authSpec"_s, QJsonArray()},
        {u"targetSpec"_s,
         QJsonObject{{u"name"_s, u"Data Lake"_s},
                     {u"spec"_s, QJsonObject{{u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                                             {u"type"_s, u"object"_s},
                                             {u"properties"_s,
                                              QJsonObject{{u"dataSetId"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
                                             {u"required"_s, QJsonArray{u"dataSetId"_s}}}}}},
        {u"attributes"_s,
         QJsonObject{{u"category"_s, u"Database"_s}, {u"isSource"_s, false}, {u"isDestination"_s, true}}}};
}

QJsonObject AdobeService::Private::crmFlowSpec()
{
    QJsonObject scheduleSpec{
        {u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{{u"startTime"_s, QJsonObject{{u"description"_s, u"epoch time"_s}, {u"type"_s, u"integer"_s}}},
                     {u"frequency"_s,
                      QJsonObject{{u"type"_s, u"string"_s},
                                  {u"enum"_s, QJsonArray{u"once"_s, u"minute"_s, u"hour"_s, u"day"_s, u"week"_s}}}},
                     {u"interval"_s, QJsonObject{{u"type"_s, u"integer"_s}}},
                     {u"backfill"_s, QJsonObject{{u"type"_s, u"boolean"_s}, {u"default"_s, true}}}}},
        {u"required"_s, QJsonArray{u"startTime"_s, u"frequency"_s}},
        {u"if"_s, QJsonObject{{u"properties"_s, QJsonObject{{u"frequency"_s, QJsonObject{{u"const"_s, u"once"_s}}}}}}},
        {u"then"_s,
         QJsonObject{{u"allOf"_s,
                      QJsonArray{QJsonObject{{u"not"_s, QJsonObject{{u"required"_s, QJsonArray{u"interval"_s}}}}},
                                 QJsonObject{{u"not"_s, QJsonObject{{u"required"_s, QJsonArray{u"backfill"_s}}}}}}}}},
        {u"else"_s,
         QJsonObject{
             {u"required"_s, QJsonArray{u"interval"_s}},
             {u"if"_s,
              QJsonObject{{u"properties"_s, QJsonObject{{u"frequency"_s, QJsonObject{{u"const"_s, u"minute"_s}}}}}}},
             {u"then"_s, QJsonObject{{u"properties"_s, QJsonObject{{u"interval"_s, QJsonObject{{u"minimum"_s, 15}}}}}}},
             {u"else"_s,
              QJsonObject{{u"properties"_s, QJsonObject{{u"interval"_s, QJsonObject{{u"minimum"_s, 1}}}}}}}}}};
    return QJsonObject{
        {u"id"_s, kCrmFlowSpecId},
        {u"name"_s, u"CRMToAEP"_s},
        {u"providerId"_s, kProviderId},
        {u"version"_s, u"1.0"_s},
        {u"sourceConnectionSpecIds"_s, QJsonArray{kZohoSpecId, kSalesforceSpecId, kDynamicsSpecId}},
        {u"targetConnectionSpecIds"_s, QJsonArray{kDataLakeSpecId}},
        {u"optionSpec"_s,
         QJsonObject{
             {u"name"_s, u"OptionSpec"_s},
             {u"spec"_s,
              QJsonObject{
                  {u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                  {u"type"_s, u"object"_s},
                  {u"properties"_s,
                   QJsonObject{{u"errorDiagnosticsEnabled"_s,
                                QJsonObject{{u"title"_s, u"Error diagnostics"_s},
                                            {u"description"_s,
                                             u"Flag to enable detailed and sample error diagnostics summary."_s},
                                            {u"type"_s, u"boolean"_s},
                                            {u"default"_s, false}}},
                               {u"partialIngestionPercent"_s,
                                QJsonObject{{u"title"_s, u"Partial ingestion threshold"_s},
                                            {u"description"_s,
                                             u"Percentage of failed records tolerated before the run fails."_s},
                                            {u"type"_s, u"number"_s},
                                            {u"exclusiveMinimum"_s, 0}}}}}}}}},
        {u"transformationSpecs"_s,
         QJsonArray{
             QJsonObject{
                 {u"name"_s, u"Copy"_s},
                 {u"spec"_s,
                  QJsonObject{
                      {u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                      {u"type"_s, u"object"_s},
                      {u"properties"_s,
                       QJsonObject{{u"deltaColumn"_s,
                                    QJsonObject{{u"type"_s, u"object"_s},
                                                {u"properties"_s,
                                                 QJsonObject{{u"name"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                             {u"dateFormat"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                             {u"timezone"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
                                                {u"required"_s, QJsonArray{u"name"_s}}}}}},
                      {u"required"_s, QJsonArray{u"deltaColumn"_s}}}}},
             QJsonObject{
                 {u"name"_s, u"Mapping"_s},
                 {u"spec"_s, QJsonObject{{u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                                         {u"type"_s, u"object"_s},
                                         {u"properties"_s,
                                          QJsonObject{{u"mappingId"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                      {u"mappingVersion"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
                                         {u"required"_s, QJsonArray{u"mappingId"_s}}}}}}},
        {u"scheduleSpec"_s,
         QJsonObject{{u"name"_s, u"PeriodicSchedule"_s}, {u"type"_s, u"Periodic"_s}, {u"spec"_s, scheduleSpec}}},
        {u"runSpec"_s,
         QJsonObject{
             {u"name"_s, u"ProviderParams"_s},
             {u"spec"_s,
              QJsonObject{{u"$schema"_s, u"http://json-schema.org/draft-07/schema#"_s},
                          {u"type"_s, u"object"_s},
                          {u"properties"_s, QJsonObject{{u"startTime"_s, QJsonObject{{u"type"_s, u"integer"_s}}},
                                                        {u"windowStartTime"_s, QJsonObject{{u"type"_s, u"integer"_s}}},
                                                        {u"windowEndTime"_s, QJsonObject{{u"type"_s, u"integer"_s}}},
                                                        {u"deltaColumn"_s, QJsonObject{{u"type"_s, u"object"_s}}}}},
                          {u"required"_s,
                           QJsonArray{u"startTime"_s, u"windowStartTime"_s, u"windowEndTime"_s, u"deltaColumn"_s}}}}}},
        {u"attributes"_s, QJsonObject{{u"isSourceFlow"_s, true}, {u"flacValidationSupported"_s, true}}},
        {u"permissionsInfo"_s,
         QJsonObject{{u"view"_s, QJsonArray{QJsonObject{{u"@type"_s, u"lowLevel"_s},
                                                        {u"name"_s, u"EnterpriseSource"_s},
                                                        {u"permissions"_s, QJsonArray{u"read"_s}}}}},
                     {u"manage"_s, QJsonArray{QJsonObject{{u"@type"_s, u"lowLevel"_s},
                                                          {u"name"_s, u"EnterpriseSource"_s},
                                                          {u"permissions"_s, QJsonArray{u"write"_s}}}}}}}};
}

// Known so that the CRM tutorial's mistake (sending the cloud-storage spec) gets a precise answer.
QJsonObject AdobeService::Private::cloudStorageFlowSpec()
{
    return QJsonObject{{u"id"_s, kCloudStorageFlowSpecId},
                       {u"name"_s, u"CloudStorageToAEP"_s},
                       {u"providerId"_s, kProviderId},
                       {u"version"_s, u"1.0"_s},
                       {u"sourceConnectionSpecIds"_s, QJsonArray()},
                       {u"targetConnectionSpecIds"_s, QJsonArray{kDataLakeSpecId}},
                       {u"attributes"_s, QJsonObject{{u"isSourceFlow"_s, true}}}};
}

Response AdobeService::Private::getConnectionSpecs(const Request &request, const Caller &)
{
    QString error;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &error);
    if (!filters)
        return flowError(request, u"1440-400"_s, u"Bad Request"_s, error);
    QJsonArray items;
    for (const QJsonObject &spec : {zohoConnectionSpec(), dataLakeConnectionSpec()}) {
        if (matchesFilters(spec, *filters))
            items.append(spec);
    }
    return Response::json(QJsonObject{{u"items"_s, items}});
}

Response AdobeService::Private::getConnectionSpec(const Request &request, const Caller &)
{
    const QString id = request.capture(1);
    if (id == kZohoSpecId)
        return Response::json(QJsonObject{{u"items"_s, QJsonArray{zohoConnectionSpec()}}});
    if (id == kDataLakeSpecId)
        return Response::json(QJsonObject{{u"items"_s, QJsonArray{dataLakeConnectionSpec()}}});
    return notFound(request, u"connectionSpecs"_s, id);
}

Response AdobeService::Private::listFlowSpecs(const Request &request, const Caller &)
{
    QString error;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &error);
    if (!filters)
        return flowError(request, u"1440-400"_s, u"Bad Request"_s, error);
    QJsonArray items;
    for (const QJsonObject &spec : {crmFlowSpec(), cloudStorageFlowSpec()}) {
        if (matchesFilters(spec, *filters))
            items.append(spec);
    }
    return Response::json(QJsonObject{{u"items"_s, items}});
}

Response AdobeService::Private::getFlowSpec(const Request &request, const Caller &)
{
    const QString id = request.capture(1);
    if (id == kCrmFlowSpecId)
        return Response::json(QJsonObject{{u"items"_s, QJsonArray{crmFlowSpec()}}});
    if (id == kCloudStorageFlowSpecId)
        return Response::json(QJsonObject{{u"items"_s, QJsonArray{cloudStorageFlowSpec()}}});
    return notFound(request, u"flowSpecs"_s, id);
}

// ================================================================================================
// Flow Service: base connections

QJsonObject AdobeService::Private::connectionView(const Entry &entry) const
{
    QJsonObject view = entry.data;
    QJsonObject auth = view.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    for (const QString &secret : kSecretParams)
        params.remove(secret);
    auth.insert(u"params"_s, params);
    view.insert(u"auth"_s, auth);
    return view;
}

Response AdobeService::Private::createConnection(const Request &request, const Caller &caller)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'name' is missing in the request."_s);
    }
    const QJsonObject spec = body->value(u"connectionSpec"_s).toObject();
    const QString specId = spec.value(u"id"_s).toString();
    if (specId.isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'connectionSpec.id' is missing in the request."_s);
    }
    if (specId != kZohoSpecId) {
        return flowError(request, u"1413-400"_s, u"Bad Request"_s,
                         u"The connection spec ID '%1' is not valid."_s.arg(specId));
    }
    const QString version = spec.value(u"version"_s).toString();
    if (!version.isEmpty() && version != u"1.0"_s) {
        return flowError(request, u"1413-400"_s, u"Bad Request"_s,
                         u"The connection spec '%1' has no version '%2'."_s.arg(specId, version));
    }
    const QJsonObject auth = body->value(u"auth"_s).toObject();
    const QString specName = auth.value(u"specName"_s).toString();
    if (specName != kBasicAuth) {
        return flowError(
            request, u"1415-400"_s, u"Bad Request"_s,
            u"The auth spec '%1' could not be found for the connection spec '%2'."_s.arg(specName, specId));
    }
    const QJsonObject params = auth.value(u"params"_s).toObject();
    for (const QString &param : kZohoAuthParams) {
        if (params.value(param).toString().trimmed().isEmpty()) {
            return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                             u"The mandatory field 'auth.params.%1' is missing in the request."_s.arg(param));
        }
    }

    const QString id = SandboxContext::uuid();
    QJsonObject data = auditFields(caller, id);
    data.insert(u"name"_s, name);
    data.insert(u"description"_s, body->value(u"description"_s).toString());
    data.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, specId}, {u"version"_s, u"1.0"_s}});
    data.insert(u"state"_s, u"enabled"_s);
    data.insert(u"auth"_s, QJsonObject{{u"specName"_s, specName}, {u"params"_s, params}});
    connections.insert(id, Entry{caller.orgId, caller.sandbox, data, {}});
    context->changed();
    return Response::json(QJsonObject{{u"id"_s, id}, {u"etag"_s, data.value(u"etag"_s)}}, 201)
        .withHeader("location", platformUrl(kFlowBase + u"/connections/"_s + id).toUtf8());
}

Response AdobeService::Private::listConnections(const Request &request, const Caller &caller)
{
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(connections)) {
        if (visible(e, caller))
            items.append(connectionView(e));
    }
    return listResponse(request, items, u"/connections"_s);
}

Response AdobeService::Private::getConnection(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(connections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"connections"_s, request.capture(1));
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{connectionView(*entry)}}});
}

Response AdobeService::Private::patchConnection(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(connections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"connections"_s, request.capture(1));
    if (auto error = checkIfMatch(request, *entry))
        return *error;
    Response error;
    const auto instructions = patchInstructions(request, &error);
    if (!instructions)
        return error;

    QJsonValue patched = entry->data;
    bool credentialsChanged = false;
    for (const QJsonValue &v : *instructions) {
        const QJsonObject instruction = v.toObject();
        const QString op = instruction.value(u"op"_s).toString();
        const QString path = instruction.value(u"path"_s).toString();
        const bool authPath = path == u"/auth/params"_s || path.startsWith(u"/auth/params/"_s);
        if (path == u"/connectionSpec"_s || path.startsWith(u"/connectionSpec/"_s)) {
            return flowError(request, u"1414-400"_s, u"Bad Request"_s,
                             u"The connection spec of a connection cannot be updated."_s);
        }
        if (!authPath && path != u"/name"_s && path != u"/description"_s) {
            return flowError(
                request, u"1455-400"_s, u"Bad Request"_s,
                u"The patch instruction path '%1' is not valid for a connection. Valid paths: /auth/params, /name, /description."_s
                    .arg(path));
        }
        if ((path == u"/name"_s || path == u"/auth/params"_s) && op == u"remove"_s) {
            return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                             u"The mandatory field '%1' cannot be removed."_s.arg(path.mid(1)));
        }
        if (path == u"/auth/params"_s && !instruction.value(u"value"_s).isObject()) {
            return flowError(request, u"1001-400"_s, u"Bad Request"_s,
                             u"The value of /auth/params must be an object."_s);
        }
        QString patchError;
        if (!applyPatch(patched, path.mid(1).split(QLatin1Char('/')), op, instruction.value(u"value"_s), &patchError)) {
            return flowError(request, u"1455-400"_s, u"Bad Request"_s,
                             u"The patch instruction for '%1' cannot be applied: %2."_s.arg(path, patchError));
        }
        credentialsChanged = credentialsChanged || authPath;
    }
    QJsonObject data = patched.toObject();
    if (data.value(u"name"_s).toString().trimmed().isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s, u"The mandatory field 'name' is empty."_s);
    }
    const QJsonObject params = data.value(u"auth"_s).toObject().value(u"params"_s).toObject();
    for (const QString &param : kZohoAuthParams) {
        if (params.value(param).toString().trimmed().isEmpty()) {
            return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                             u"The mandatory field 'auth.params.%1' is missing in the request."_s.arg(param));
        }
    }
    entry->data = data;
    if (credentialsChanged)
        entry->meta.remove(u"verified"_s);
    touch(*entry, caller);
    return Response::json(
        QJsonObject{{u"id"_s, entry->data.value(u"id"_s)}, {u"etag"_s, entry->data.value(u"etag"_s)}});
}

bool AdobeService::Private::flowUsesBaseConnection(const Entry &flow, const QString &baseConnectionId) const
{
    for (const QJsonValue &v : flow.data.value(u"sourceConnectionIds"_s).toArray()) {
        const auto source = sourceConnections.constFind(v.toString());
        if (source != sourceConnections.constEnd() &&
            source->data.value(u"baseConnectionId"_s).toString() == baseConnectionId)
            return true;
    }
    return false;
}

Response AdobeService::Private::deleteConnection(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(connections, id, caller))
        return notFound(request, u"connections"_s, id);
    QStringList flowIds;
    for (auto it = flows.constBegin(); it != flows.constEnd(); ++it) {
        if (flowUsesBaseConnection(*it, id))
            flowIds.append(it.key());
    }
    if (!flowIds.isEmpty()) {
        return flowError(
            request, u"1418-400"_s, u"Bad Request"_s,
            u"The connection %1 cannot be deleted because the base connection is being used in one or more flows: %2. Delete the flows first."_s
                .arg(id, flowIds.join(u", "_s)));
    }
    connections.remove(id);
    context->changed();
    return Response::empty(204);
}

Response AdobeService::Private::testConnection(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(connections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"connections"_s, request.capture(1));
    const ZohoResult r = zohoGet(*entry, u"/crm/v8/settings/modules"_s, {});
    return Response::json(QJsonObject{{u"result"_s, r.ok}});
}

namespace {

// One explore column per Zoho field (reference §4.2 column variant a).
QJsonObject exploreColumn(const QJsonObject &field)
{
    const QString name = field.value(u"api_name"_s).toString();
    const QString jsonType = field.value(u"json_type"_s).toString();
    const QString dataType = field.value(u"data_type"_s).toString();
    QJsonObject column{{u"name"_s, name}};
    auto set = [&column](const QString &type, const QString &xdmType, const QString &format = {},
                         const QString &metaXdmType = {}) {
        column.insert(u"type"_s, type);
        QJsonObject xdm{{u"type"_s, xdmType}};
        if (!format.isEmpty())
            xdm.insert(u"format"_s, format);
        column.insert(u"xdm"_s, xdm);
        if (!metaXdmType.isEmpty())
            column.insert(u"meta:xdmType"_s, metaXdmType);
    };
    if (dataType == u"datetime"_s)
        set(u"string"_s, u"string"_s, u"date-time"_s, u"date-time"_s);
    else if (dataType == u"date"_s)
        set(u"string"_s, u"string"_s, u"date"_s, u"date"_s);
    else if (jsonType == u"integer"_s && dataType == u"bigint"_s)
        set(u"long"_s, u"integer"_s, {}, u"long"_s);
    else if (jsonType == u"integer"_s)
        set(u"integer"_s, u"integer"_s);
    else if (jsonType == u"double"_s)
        set(u"double"_s, u"number"_s);
    else if (jsonType == u"boolean"_s)
        set(u"boolean"_s, u"boolean"_s);
    else if (jsonType == u"jsonobject"_s)
        set(u"object"_s, u"object"_s);
    else if (jsonType == u"jsonarray"_s)
        set(u"array"_s, u"array"_s);
    else
        set(u"string"_s, u"string"_s);
    return column;
}

} // namespace

Response AdobeService::Private::exploreConnection(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(connections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"connections"_s, request.capture(1));
    // The spec's enum is upper case, every tutorial lower case: accept both.
    const QString objectType = request.queryValue(u"objectType"_s).toLower();
    if (objectType != u"root"_s && objectType != u"table"_s) {
        return flowError(request, u"1358-400"_s, u"Bad Request"_s,
                         u"The objectType '%1' is not valid. Valid values for this connection: root, table."_s.arg(
                             request.queryValue(u"objectType"_s)));
    }
    const QString connectionId = entry->data.value(u"id"_s).toString();
    auto zohoFailed = [&](const QString &reason) {
        // [emulator] code: the failing source call is reported with Zoho's own words.
        return flowError(
            request, u"1200-400"_s, u"Bad Request"_s,
            u"Unable to connect to Zoho CRM with the credentials of connection %1: %2"_s.arg(connectionId, reason),
            QJsonObject{{u"id"_s, connectionId}, {u"type"_s, u"connections"_s}});
    };

    if (objectType == u"root"_s) {
        const ZohoResult r = zohoGet(*entry, u"/crm/v8/settings/modules"_s, {});
        if (!r.ok)
            return zohoFailed(r.reason);
        QJsonArray tables;
        for (const QJsonValue &v : r.body.value(u"modules"_s).toArray()) {
            const QJsonObject module = v.toObject();
            if (!module.value(u"api_supported"_s).toBool() ||
                module.value(u"generated_type"_s).toString() == u"linking"_s)
                continue;
            const QString apiName = module.value(u"api_name"_s).toString();
            QString label = module.value(u"plural_label"_s).toString();
            if (label.isEmpty())
                label = apiName;
            tables.append(QJsonObject{{u"type"_s, u"table"_s},
                                      {u"name"_s, label},
                                      {u"path"_s, apiName},
                                      {u"canPreview"_s, true},
                                      {u"canFetchSchema"_s, true}});
        }
        return Response::json(tables);
    }

    const QString object = request.queryValue(u"object"_s).trimmed();
    if (object.isEmpty()) {
        return flowError(request, u"1337-400"_s, u"Bad Request"_s,
                         u"The query parameter 'object' is empty for objectType 'table'."_s);
    }
    const ZohoResult fields = zohoGet(*entry, u"/crm/v8/settings/fields"_s, {{u"module"_s, object}});
    if (!fields.ok) {
        const QString code = fields.body.value(u"code"_s).toString();
        if (fields.status == 400 && (code == u"INVALID_MODULE"_s || code == u"INVALID_DATA"_s))
            return notFound(request, u"table"_s, object);
        return zohoFailed(fields.reason);
    }
    if (fields.status == 204)
        return notFound(request, u"table"_s, object);
    QJsonArray columns;
    QStringList names;
    bool hasId = false;
    for (const QJsonValue &v : fields.body.value(u"fields"_s).toArray()) {
        const QJsonObject column = exploreColumn(v.toObject());
        const QString name = column.value(u"name"_s).toString();
        if (name.isEmpty() || names.contains(name))
            continue;
        hasId = hasId || name == u"id"_s;
        names.append(name);
        columns.append(column);
    }
    if (!hasId) {
        // Zoho's field metadata does not list the record ID, yet every record has one.
        columns.prepend(QJsonObject{
            {u"name"_s, u"id"_s}, {u"type"_s, u"string"_s}, {u"xdm"_s, QJsonObject{{u"type"_s, u"string"_s}}}});
        names.prepend(u"id"_s);
    }
    QJsonObject answer{{u"format"_s, u"flat"_s}, {u"schema"_s, QJsonObject{{u"columns"_s, columns}}}};

    if (request.queryValue(u"preview"_s).toLower() == u"true"_s) {
        // Zoho accepts at most 50 fields per records call: read the columns in slices and join
        // the slices on the record ID.
        QList<QJsonObject> rows;
        QHash<QString, int> rowById;
        for (int start = 0; start < names.size(); start += 49) {
            QStringList slice = names.mid(start, 49);
            if (!slice.contains(u"id"_s))
                slice.prepend(u"id"_s);
            const ZohoResult records =
                zohoGet(*entry, u"/crm/v8/"_s + object,
                        {{u"fields"_s, slice.join(QLatin1Char(','))}, {u"per_page"_s, u"100"_s}});
            if (!records.ok)
                return zohoFailed(records.reason);
            if (records.status == 204)
                break;
            for (const QJsonValue &v : records.body.value(u"data"_s).toArray()) {
                const QJsonObject record = v.toObject();
                const QString id = scalarText(record.value(u"id"_s));
                int index = rowById.value(id, -1);
                if (index < 0) {
                    if (rows.size() >= 100)
                        continue;
                    index = int(rows.size());
                    rowById.insert(id, index);
                    rows.append(QJsonObject());
                }
                QJsonObject &row = rows[index];
                for (const QString &name : std::as_const(slice)) {
                    if (record.contains(name))
                        row.insert(name, record.value(name));
                }
            }
        }
        QJsonArray data;
        for (const QJsonObject &row : std::as_const(rows))
            data.append(row);
        answer.insert(u"data"_s, data);
    }
    return Response::json(answer);
}

// ================================================================================================
// Flow Service: source and target connections

Response AdobeService::Private::createSourceConnection(const Request &request, const Caller &caller)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto missing = [&](const QString &field) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field '%1' is missing in the request."_s.arg(field));
    };
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return missing(u"name"_s);
    const QString baseId = body->value(u"baseConnectionId"_s).toString();
    if (baseId.isEmpty())
        return missing(u"baseConnectionId"_s);
    const Entry *base = findIn(connections, baseId, caller);
    if (!base)
        return notFound(request, u"connections"_s, baseId);
    const QJsonObject spec = body->value(u"connectionSpec"_s).toObject();
    const QString specId = spec.value(u"id"_s).toString();
    if (specId.isEmpty())
        return missing(u"connectionSpec.id"_s);
    if (specId != kZohoSpecId) {
        return flowError(
            request, u"1413-400"_s, u"Bad Request"_s,
            u"The connection spec ID '%1' is not valid for a source connection of base connection %2 (connection spec %3)."_s
                .arg(specId, baseId, kZohoSpecId));
    }
    const QJsonObject data = body->value(u"data"_s).toObject();
    const QString format = data.value(u"format"_s).toString();
    if (format.isEmpty())
        return missing(u"data.format"_s);
    if (format != u"tabular"_s) {
        return flowError(
            request, u"1001-400"_s, u"Bad Request"_s,
            u"The data format '%1' is not supported by a table-based source; use 'tabular'."_s.arg(format));
    }
    const QJsonObject params = body->value(u"params"_s).toObject();
    if (params.value(u"tableName"_s).toString().trimmed().isEmpty())
        return missing(u"params.tableName"_s);
    if (!params.value(u"columns"_s).isArray())
        return missing(u"params.columns"_s);

    const QString id = SandboxContext::uuid();
    QJsonObject item = auditFields(caller, id);
    item.insert(u"name"_s, name);
    item.insert(u"description"_s, body->value(u"description"_s).toString());
    item.insert(u"baseConnectionId"_s, baseId);
    item.insert(u"state"_s, u"enabled"_s);
    item.insert(u"data"_s, data);
    item.insert(u"params"_s, params);
    item.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, specId}, {u"version"_s, u"1.0"_s}});
    item.insert(
        u"inheritedAttributes"_s,
        QJsonObject{{u"baseConnection"_s,
                     QJsonObject{{u"id"_s, baseId}, {u"connectionSpec"_s, base->data.value(u"connectionSpec"_s)}}}});
    sourceConnections.insert(id, Entry{caller.orgId, caller.sandbox, item, {}});
    context->changed();
    return Response::json(QJsonObject{{u"id"_s, id}, {u"etag"_s, item.value(u"etag"_s)}}, 201)
        .withHeader("location", platformUrl(kFlowBase + u"/sourceConnections/"_s + id).toUtf8());
}

Response AdobeService::Private::listSourceConnections(const Request &request, const Caller &caller)
{
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(sourceConnections)) {
        if (visible(e, caller))
            items.append(e.data);
    }
    return listResponse(request, items, u"/sourceConnections"_s);
}

Response AdobeService::Private::getSourceConnection(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(sourceConnections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"sourceConnections"_s, request.capture(1));
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{entry->data}}});
}

Response AdobeService::Private::patchSourceConnection(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(sourceConnections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"sourceConnections"_s, request.capture(1));
    if (auto error = checkIfMatch(request, *entry))
        return *error;
    Response error;
    const auto instructions = patchInstructions(request, &error);
    if (!instructions)
        return error;
    QJsonValue patched = entry->data;
    for (const QJsonValue &v : *instructions) {
        const QJsonObject instruction = v.toObject();
        const QString path = instruction.value(u"path"_s).toString();
        if (path != u"/name"_s && path != u"/description"_s && path != u"/params"_s &&
            !path.startsWith(u"/params/"_s)) {
            return flowError(
                request, u"1455-400"_s, u"Bad Request"_s,
                u"The patch instruction path '%1' is not valid for a source connection. Valid paths: /name, /description, /params."_s
                    .arg(path));
        }
        QString patchError;
        if (!applyPatch(patched, path.mid(1).split(QLatin1Char('/')), instruction.value(u"op"_s).toString(),
                        instruction.value(u"value"_s), &patchError)) {
            return flowError(request, u"1455-400"_s, u"Bad Request"_s,
                             u"The patch instruction for '%1' cannot be applied: %2."_s.arg(path, patchError));
        }
    }
    const QJsonObject data = patched.toObject();
    if (data.value(u"name"_s).toString().trimmed().isEmpty() ||
        data.value(u"params"_s).toObject().value(u"tableName"_s).toString().isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory fields 'name' and 'params.tableName' cannot be removed."_s);
    }
    entry->data = data;
    touch(*entry, caller);
    return Response::json(
        QJsonObject{{u"id"_s, entry->data.value(u"id"_s)}, {u"etag"_s, entry->data.value(u"etag"_s)}});
}

Response AdobeService::Private::deleteSourceConnection(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(sourceConnections, id, caller))
        return notFound(request, u"sourceConnections"_s, id);
    for (const Entry &flow : std::as_const(flows)) {
        if (flow.data.value(u"sourceConnectionIds"_s).toArray().contains(QJsonValue(id))) {
            // [emulator] code: the published catalogue names 1418 only for base connections.
            return flowError(
                request, u"1418-400"_s, u"Bad Request"_s,
                u"The source connection %1 cannot be deleted because it is being used in the flow %2. Delete the flow first."_s
                    .arg(id, flow.data.value(u"id"_s).toString()));
        }
    }
    sourceConnections.remove(id);
    context->changed();
    return Response::empty(204);
}

Response AdobeService::Private::createTargetConnection(const Request &request, const Caller &caller)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'name' is missing in the request."_s);
    }
    const QString specId = body->value(u"connectionSpec"_s).toObject().value(u"id"_s).toString();
    if (specId != kDataLakeSpecId) {
        return flowError(request, u"1307-400"_s, u"Bad Request"_s,
                         u"The connection spec ID '%1' is not valid for a target connection. Allowed value: %2."_s.arg(
                             specId, kDataLakeSpecId));
    }
    if (!body->value(u"data"_s).isObject()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'data' is missing in the request."_s);
    }
    const QJsonObject params = body->value(u"params"_s).toObject();
    const QString dataSetId = params.value(u"dataSetId"_s).toString().trimmed();
    if (dataSetId.isEmpty()) {
        return flowError(request, u"1325-400"_s, u"Bad Request"_s, u"The dataSetId in params cannot be empty."_s);
    }
    const Entry *dataSet = findIn(dataSets, dataSetId, caller);
    if (!dataSet) {
        return flowError(
            request, u"1325-400"_s, u"Bad Request"_s,
            u"The dataSetId '%1' is not valid: no such dataset in the sandbox '%2'."_s.arg(dataSetId, caller.sandbox));
    }
    QJsonObject data = body->value(u"data"_s).toObject();
    const QString dataSetSchema = dataSet->data.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    const QString schemaId = data.value(u"schema"_s).toObject().value(u"id"_s).toString();
    if (!schemaId.isEmpty() && schemaId != dataSetSchema) {
        return flowError(
            request, u"1425-400"_s, u"Bad Request"_s,
            u"The schema %1 does not match the schema %2 of the dataset %3."_s.arg(schemaId, dataSetSchema, dataSetId));
    }
    if (!data.contains(u"format"_s))
        data.insert(u"format"_s, u"parquet_xdm"_s);

    const QString id = SandboxContext::uuid();
    QJsonObject item = auditFields(caller, id);
    item.insert(u"name"_s, name);
    item.insert(u"description"_s, body->value(u"description"_s).toString());
    item.insert(u"state"_s, u"enabled"_s);
    item.insert(u"data"_s, data);
    item.insert(u"params"_s, params);
    item.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, specId}, {u"version"_s, u"1.0"_s}});
    targetConnections.insert(id, Entry{caller.orgId, caller.sandbox, item, {}});
    context->changed();
    return Response::json(QJsonObject{{u"id"_s, id}, {u"etag"_s, item.value(u"etag"_s)}}, 201)
        .withHeader("location", platformUrl(kFlowBase + u"/targetConnections/"_s + id).toUtf8());
}

Response AdobeService::Private::listTargetConnections(const Request &request, const Caller &caller)
{
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(targetConnections)) {
        if (visible(e, caller))
            items.append(e.data);
    }
    return listResponse(request, items, u"/targetConnections"_s);
}

Response AdobeService::Private::getTargetConnection(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(targetConnections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"targetConnections"_s, request.capture(1));
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{entry->data}}});
}

Response AdobeService::Private::deleteTargetConnection(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(targetConnections, id, caller))
        return notFound(request, u"targetConnections"_s, id);
    for (const Entry &flow : std::as_const(flows)) {
        if (flow.data.value(u"targetConnectionIds"_s).toArray().contains(QJsonValue(id))) {
            return flowError(
                request, u"1418-400"_s, u"Bad Request"_s,
                u"The target connection %1 cannot be deleted because it is being used in the flow %2. Delete the flow first."_s
                    .arg(id, flow.data.value(u"id"_s).toString()));
        }
    }
    targetConnections.remove(id);
    context->changed();
    return Response::empty(204);
}

// ================================================================================================
// Flow Service: dataflows

namespace {

qint64 frequencyUnitMs(const QString &frequency)
{
    if (frequency == u"minute"_s)
        return 60LL * 1000;
    if (frequency == u"hour"_s)
        return 3600LL * 1000;
    if (frequency == u"day"_s)
        return 86400LL * 1000;
    if (frequency == u"week"_s)
        return 7 * 86400LL * 1000;
    return 0;
}

QJsonObject transformationNamed(const QJsonArray &transformations, const QString &name)
{
    for (const QJsonValue &v : transformations) {
        if (v.toObject().value(u"name"_s).toString().compare(name, Qt::CaseInsensitive) == 0)
            return v.toObject();
    }
    return {};
}

} // namespace

// The CRM schedule and Copy rules (reference §6.5/§6.6, sources-errors). `previous` is the stored
// schedule when a flow is updated.
std::optional<Response> AdobeService::Private::validateSchedule(const Request &request, const QJsonObject &schedule,
                                                                const QJsonArray &transformations,
                                                                const QJsonObject *previous) const
{
    auto bad = [&](const QString &code, const QString &message) {
        return flowError(request, code, u"Bad Request"_s, message);
    };
    if (schedule.isEmpty())
        return bad(u"1304-400"_s, u"The mandatory field 'scheduleParams' is missing in the request."_s);
    if (!schedule.contains(u"frequency"_s))
        return bad(u"1304-400"_s, u"The mandatory field 'scheduleParams.frequency' is missing in the request."_s);
    const QString frequency = schedule.value(u"frequency"_s).toString();
    static const QStringList frequencies = {u"once"_s, u"minute"_s, u"hour"_s, u"day"_s, u"week"_s};
    if (!frequencies.contains(frequency)) {
        return bad(u"1397-400"_s,
                   u"The frequency '%1' is not valid. Valid values: once, minute, hour, day, week."_s.arg(
                       scalarText(schedule.value(u"frequency"_s))));
    }
    if (!schedule.contains(u"startTime"_s))
        return bad(u"1304-400"_s, u"The mandatory field 'scheduleParams.startTime' is missing in the request."_s);
    const auto startTime = asInteger(schedule.value(u"startTime"_s));
    if (!startTime || *startTime < 0) {
        return bad(u"1001-400"_s,
                   u"scheduleParams.startTime must be an epoch time in seconds (number or numeric string)."_s);
    }
    const QJsonObject copy = transformationNamed(transformations, u"Copy"_s);
    const QString deltaColumn =
        copy.value(u"params"_s).toObject().value(u"deltaColumn"_s).toObject().value(u"name"_s).toString().trimmed();
    const bool hasDelta = copy.value(u"params"_s).toObject().contains(u"deltaColumn"_s);

    if (frequency == u"once"_s) {
        if (schedule.contains(u"interval"_s))
            return bad(u"1361-400"_s, u"The interval is not allowed when the frequency is 'once'."_s);
        if (schedule.contains(u"backfill"_s))
            return bad(u"1364-400"_s, u"The backfill is not allowed when the frequency is 'once'."_s);
        if (hasDelta) {
            return bad(u"1369-400"_s,
                       u"The delta column is not allowed in copy transformation when the frequency is 'once'."_s);
        }
    } else {
        if (!schedule.contains(u"interval"_s)) {
            return bad(
                u"1304-400"_s,
                u"The mandatory field 'scheduleParams.interval' is missing for frequency '%1'."_s.arg(frequency));
        }
        const auto interval = asInteger(schedule.value(u"interval"_s));
        const int minimum = frequency == u"minute"_s ? 15 : 1;
        if (!interval || *interval < minimum) {
            return bad(u"1362-400"_s,
                       u"The interval for frequency '%1' must be an integer of at least %2; got %3."_s.arg(frequency)
                           .arg(minimum)
                           .arg(scalarText(schedule.value(u"interval"_s))));
        }
        if (schedule.contains(u"backfill"_s) && !asBool(schedule.value(u"backfill"_s)))
            return bad(u"1001-400"_s, u"scheduleParams.backfill must be a boolean."_s);
        if (deltaColumn.isEmpty()) {
            return bad(u"1367-400"_s,
                       u"The delta column is required in copy transformation when creating a CRM connector."_s);
        }
    }

    const qint64 startMs = *startTime * 1000;
    const qint64 now = nowMs();
    std::optional<qint64> previousStart;
    if (previous)
        previousStart = asInteger(previous->value(u"startTime"_s));
    if (previousStart && *previousStart * 1000 <= now && *previousStart != *startTime) {
        return bad(u"1366-400"_s, u"The start time has passed and can no longer be updated."_s);
    }
    const bool startChanged = !previousStart || *previousStart != *startTime;
    if (startChanged && startMs < now - kStartTimeGraceMs) {
        return bad(u"1360-400"_s,
                   u"The start time %1 is in the past. It must be at or after the current UTC time."_s.arg(*startTime));
    }
    return std::nullopt;
}

std::optional<Response> AdobeService::Private::validateMapping(const Request &request, const Caller &caller,
                                                               const QJsonArray &transformations,
                                                               const QJsonArray &targetIds)
{
    const QJsonObject mapping = transformationNamed(transformations, u"Mapping"_s);
    if (mapping.isEmpty())
        return std::nullopt;
    const QJsonObject params = mapping.value(u"params"_s).toObject();
    const QString mappingId = params.value(u"mappingId"_s).toString();
    const Entry *mappingSet = findIn(mappingSets, mappingId, caller);
    if (!mappingSet) {
        return flowError(request, u"1419-400"_s, u"Bad Request"_s,
                         u"Mapping validation failed: the mapping set '%1' does not exist in the sandbox '%2'."_s.arg(
                             mappingId, caller.sandbox));
    }
    QJsonObject version = mappingSet->data;
    if (params.contains(u"mappingVersion"_s)) {
        const auto requested = asInteger(params.value(u"mappingVersion"_s));
        const qint64 current = mappingSet->data.value(u"version"_s).toInteger();
        if (!requested || *requested < 0 || *requested > current) {
            return flowError(request, u"1412-400"_s, u"Bad Request"_s,
                             u"The mapping version '%1' is not valid for the mapping set %2 (latest version %3)."_s
                                 .arg(scalarText(params.value(u"mappingVersion"_s)), mappingId)
                                 .arg(current));
        }
        for (const QJsonValue &v : mappingSet->meta.value(u"history"_s).toArray()) {
            if (v.toObject().value(u"version"_s).toInteger() == *requested)
                version = v.toObject();
        }
    }
    const QString mappingSchema =
        version.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    for (const QJsonValue &v : targetIds) {
        const Entry *target = findIn(targetConnections, v.toString(), caller);
        if (!target)
            continue;
        const QString dataSetId = target->data.value(u"params"_s).toObject().value(u"dataSetId"_s).toString();
        const auto dataSet = dataSets.constFind(dataSetId);
        const QString dataSetSchema = dataSet == dataSets.constEnd()
                                          ? QString()
                                          : dataSet->data.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
        if (dataSetSchema != mappingSchema) {
            return flowError(
                request, u"1425-400"_s, u"Bad Request"_s,
                u"The schema %1 of the mapping set %2 does not match the schema %3 of the target dataset %4."_s.arg(
                    mappingSchema, mappingId, dataSetSchema, dataSetId));
        }
    }
    return std::nullopt;
}

namespace {

std::optional<QString> optionsProblem(const QJsonObject &options)
{
    if (options.contains(u"partialIngestionPercent"_s)) {
        const QJsonValue v = options.value(u"partialIngestionPercent"_s);
        bool ok = v.isDouble();
        double percent = v.toDouble();
        if (v.isString())
            percent = v.toString().toDouble(&ok);
        if (!ok || percent <= 0 || percent > 100)
            return u"options.partialIngestionPercent must be a number greater than 0 and at most 100."_s;
    }
    if (options.contains(u"errorDiagnosticsEnabled"_s) && !asBool(options.value(u"errorDiagnosticsEnabled"_s)))
        return u"options.errorDiagnosticsEnabled must be a boolean."_s;
    return std::nullopt;
}

} // namespace

Response AdobeService::Private::createFlow(const Request &request, const Caller &caller)
{
    if (request.query.hasQueryItem(u"mode"_s)) {
        // Drafts (POST /flows?mode=draft + op=publish) are a documented AEP feature the wizard does
        // not use; the sandbox does not model them.
        return flowError(request, u"1368-400"_s, u"Bad Request"_s,
                         u"The mode '%1' is not supported by this sandbox: create the flow without a mode."_s.arg(
                             request.queryValue(u"mode"_s)));
    }
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto bad = [&](const QString &code, const QString &message) {
        return flowError(request, code, u"Bad Request"_s, message);
    };
    if (body->contains(u"state"_s))
        return bad(u"1410-400"_s, u"State is not allowed in the create flow request."_s);
    if (body->contains(u"mode"_s))
        return bad(u"1368-400"_s, u"Mode is not allowed in the create flow request."_s);
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return bad(u"1304-400"_s, u"The mandatory field 'name' is missing in the request."_s);

    const QString flowSpecId = body->value(u"flowSpec"_s).toObject().value(u"id"_s).toString();
    if (flowSpecId.isEmpty())
        return bad(u"1304-400"_s, u"The mandatory field 'flowSpec.id' is missing in the request."_s);
    if (flowSpecId == kCloudStorageFlowSpecId) {
        return bad(
            u"1413-400"_s,
            u"The flow spec %1 (CloudStorageToAEP) does not support the source connection spec %2 (zoho-crm). Use the flow spec %3 (CRMToAEP)."_s
                .arg(kCloudStorageFlowSpecId, kZohoSpecId, kCrmFlowSpecId));
    }
    if (flowSpecId != kCrmFlowSpecId)
        return bad(u"1413-400"_s, u"The flow spec ID '%1' is not valid."_s.arg(flowSpecId));

    const QJsonArray sourceIds = body->value(u"sourceConnectionIds"_s).toArray();
    const QJsonArray targetIds = body->value(u"targetConnectionIds"_s).toArray();
    if (sourceIds.size() != 1)
        return bad(u"1304-400"_s, u"Exactly one ID is required in 'sourceConnectionIds'."_s);
    if (targetIds.size() != 1)
        return bad(u"1304-400"_s, u"Exactly one ID is required in 'targetConnectionIds'."_s);
    const Entry *source = findIn(sourceConnections, sourceIds.first().toString(), caller);
    if (!source)
        return notFound(request, u"sourceConnections"_s, sourceIds.first().toString());
    const Entry *target = findIn(targetConnections, targetIds.first().toString(), caller);
    if (!target)
        return notFound(request, u"targetConnections"_s, targetIds.first().toString());
    const QString baseId = source->data.value(u"baseConnectionId"_s).toString();
    const Entry *base = findIn(connections, baseId, caller);
    if (!base)
        return notFound(request, u"connections"_s, baseId);

    const QJsonArray transformations = body->value(u"transformations"_s).toArray();
    const QJsonObject schedule = body->value(u"scheduleParams"_s).toObject();
    if (auto problem = validateSchedule(request, schedule, transformations, nullptr))
        return *problem;
    if (auto problem = validateMapping(request, caller, transformations, targetIds))
        return *problem;
    const QJsonObject options = body->value(u"options"_s).toObject();
    if (auto problem = optionsProblem(options))
        return bad(u"1001-400"_s, *problem);

    const QString id = SandboxContext::uuid();
    const qint64 now = nowMs();
    QJsonObject item = auditFields(caller, id);
    item.insert(u"name"_s, name);
    item.insert(u"description"_s, body->value(u"description"_s).toString());
    item.insert(u"flowSpec"_s, QJsonObject{{u"id"_s, flowSpecId}, {u"version"_s, u"1.0"_s}});
    item.insert(u"state"_s, u"enabled"_s);
    item.insert(u"sourceConnectionIds"_s, sourceIds);
    item.insert(u"targetConnectionIds"_s, targetIds);
    item.insert(
        u"inheritedAttributes"_s,
        QJsonObject{
            {u"properties"_s, QJsonObject{{u"isSourceFlow"_s, true}}},
            {u"sourceConnections"_s,
             QJsonArray{QJsonObject{
                 {u"id"_s, source->data.value(u"id"_s)},
                 {u"connectionSpec"_s, source->data.value(u"connectionSpec"_s)},
                 {u"baseConnection"_s,
                  QJsonObject{{u"id"_s, baseId}, {u"connectionSpec"_s, base->data.value(u"connectionSpec"_s)}}}}}},
            {u"targetConnections"_s,
             QJsonArray{QJsonObject{{u"id"_s, target->data.value(u"id"_s)},
                                    {u"connectionSpec"_s, target->data.value(u"connectionSpec"_s)}}}}});
    item.insert(u"options"_s, options);
    item.insert(u"scheduleParams"_s, schedule);
    item.insert(u"transformations"_s, transformations);
    item.insert(u"runs"_s, u"/runs?property=flowId==%1"_s.arg(id));
    item.insert(u"lastOperation"_s,
                QJsonObject{{u"started"_s, now},
                            {u"updated"_s, 0},
                            {u"percentCompleted"_s, 100},
                            {u"status"_s, QJsonObject{{u"value"_s, u"completed"_s}, {u"errors"_s, QJsonArray()}}},
                            {u"ops"_s, QJsonArray()},
                            {u"operation"_s, u"create"_s}});
    item.insert(u"labels"_s, QJsonArray());
    const qint64 startMs = *asInteger(schedule.value(u"startTime"_s)) * 1000;
    // Scheduled runs are generated lazily for every slot at or after this point.
    const QJsonObject meta{{u"generatedUntil"_s, startMs - 1}};
    flows.insert(id, Entry{caller.orgId, caller.sandbox, item, meta});
    context->changed();
    return Response::json(QJsonObject{{u"id"_s, id}, {u"etag"_s, item.value(u"etag"_s)}}, 201)
        .withHeader("location", platformUrl(kFlowBase + u"/flows/"_s + id).toUtf8());
}

QJsonObject AdobeService::Private::flowView(Entry &entry)
{
    materializeRuns(entry);
    QJsonObject view = entry.data;
    const QJsonObject last = lastRunDetails(view.value(u"id"_s).toString());
    if (!last.isEmpty())
        view.insert(u"lastRunDetails"_s, last);
    return view;
}

Response AdobeService::Private::listFlows(const Request &request, const Caller &caller)
{
    QList<QJsonObject> items;
    for (auto it = flows.begin(); it != flows.end(); ++it) {
        if (visible(*it, caller))
            items.append(flowView(*it));
    }
    return listResponse(request, items, u"/flows"_s);
}

Response AdobeService::Private::getFlow(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(flows, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"flows"_s, request.capture(1));
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{flowView(*entry)}}});
}

Response AdobeService::Private::patchFlow(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(flows, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"flows"_s, request.capture(1));
    if (auto error = checkIfMatch(request, *entry))
        return *error;
    Response error;
    const auto instructions = patchInstructions(request, &error);
    if (!instructions)
        return error;
    static const QStringList allowed = {u"/name"_s, u"/description"_s, u"/scheduleParams"_s, u"/transformations"_s,
                                        u"/options"_s};
    QJsonValue patched = entry->data;
    for (const QJsonValue &v : *instructions) {
        const QJsonObject instruction = v.toObject();
        const QString path = instruction.value(u"path"_s).toString();
        const bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const QString &prefix) {
            return path == prefix || path.startsWith(prefix + QLatin1Char('/'));
        });
        if (!ok) {
            return flowError(
                request, u"1455-400"_s, u"Bad Request"_s,
                u"The patch instruction path '%1' is not valid for a flow. Valid paths: /name, /description, /scheduleParams, /transformations, /options."_s
                    .arg(path));
        }
        QString patchError;
        if (!applyPatch(patched, path.mid(1).split(QLatin1Char('/')), instruction.value(u"op"_s).toString(),
                        instruction.value(u"value"_s), &patchError)) {
            return flowError(request, u"1455-400"_s, u"Bad Request"_s,
                             u"The patch instruction for '%1' cannot be applied: %2."_s.arg(path, patchError));
        }
    }
    QJsonObject data = patched.toObject();
    if (data.value(u"name"_s).toString().trimmed().isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s, u"The mandatory field 'name' cannot be empty."_s);
    }
    const QJsonObject previous = entry->data.value(u"scheduleParams"_s).toObject();
    const QJsonArray transformations = data.value(u"transformations"_s).toArray();
    if (auto problem =
            validateSchedule(request, data.value(u"scheduleParams"_s).toObject(), transformations, &previous))
        return *problem;
    if (auto problem =
            validateMapping(request, caller, transformations, data.value(u"targetConnectionIds"_s).toArray()))
        return *problem;
    if (auto problem = optionsProblem(data.value(u"options"_s).toObject()))
        return flowError(request, u"1001-400"_s, u"Bad Request"_s, *problem);

    const qint64 oldStart = asInteger(previous.value(u"startTime"_s)).value_or(0);
    const qint64 newStart = asInteger(data.value(u"scheduleParams"_s).toObject().value(u"startTime"_s)).value_or(0);
    if (newStart != oldStart)
        entry->meta.insert(u"generatedUntil"_s, newStart * 1000 - 1);
    QJsonObject operation = data.value(u"lastOperation"_s).toObject();
    operation.insert(u"operation"_s, u"update"_s);
    operation.insert(u"updated"_s, nowMs());
    data.insert(u"lastOperation"_s, operation);
    entry->data = data;
    touch(*entry, caller);
    return Response::json(
        QJsonObject{{u"id"_s, entry->data.value(u"id"_s)}, {u"etag"_s, entry->data.value(u"etag"_s)}});
}

Response AdobeService::Private::deleteFlow(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(flows, id, caller))
        return notFound(request, u"flows"_s, id);
    flows.remove(id);
    for (auto it = runs.begin(); it != runs.end();) {
        if (it->data.value(u"flowId"_s).toString() == id)
            it = runs.erase(it);
        else
            ++it;
    }
    context->changed();
    return Response::empty(204);
}

Response AdobeService::Private::flowAction(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(flows, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"flows"_s, request.capture(1));
    // Tutorials send ?op=disable, the spec an upper-case enum: the case does not matter. subOp is
    // optional here although the spec marks it required.
    const QString op = request.queryValue(u"op"_s).toLower();
    if (op != u"enable"_s && op != u"disable"_s) {
        return flowError(
            request, u"1001-400"_s, u"Bad Request"_s,
            u"The operation '%1' is not supported for this flow. Supported operations: enable, disable."_s.arg(
                request.queryValue(u"op"_s)));
    }
    // Catch up on slots that passed while it was enabled, so that disabling keeps its history.
    materializeRuns(*entry);
    const QString state = op == u"enable"_s ? u"enabled"_s : u"disabled"_s;
    if (op == u"enable"_s && entry->data.value(u"state"_s).toString() != state) {
        // Slots that passed while the flow was disabled never run.
        const qint64 until = qint64(entry->meta.value(u"generatedUntil"_s).toDouble());
        entry->meta.insert(u"generatedUntil"_s, std::max(until, nowMs()));
    }
    entry->data.insert(u"state"_s, state);
    QJsonObject operation = entry->data.value(u"lastOperation"_s).toObject();
    operation.insert(u"operation"_s, op);
    operation.insert(u"updated"_s, nowMs());
    entry->data.insert(u"lastOperation"_s, operation);
    touch(*entry, caller);
    return Response::json(
        QJsonObject{{u"id"_s, entry->data.value(u"id"_s)}, {u"etag"_s, entry->data.value(u"etag"_s)}});
}

// ================================================================================================
// Flow Service: runs

void AdobeService::Private::materializeRuns(Entry &flow)
{
    if (flow.data.value(u"state"_s).toString() != u"enabled"_s)
        return;
    const QJsonObject schedule = flow.data.value(u"scheduleParams"_s).toObject();
    const auto startTime = asInteger(schedule.value(u"startTime"_s));
    if (!startTime)
        return;
    const qint64 start = *startTime * 1000;
    const qint64 now = nowMs();
    if (start > now)
        return;
    const qint64 done = qint64(flow.meta.value(u"generatedUntil"_s).toDouble());
    const QString frequency = schedule.value(u"frequency"_s).toString();
    QList<qint64> slotTimes;
    qint64 step = 0;
    if (frequency == u"once"_s) {
        if (done < start)
            slotTimes.append(start);
    } else {
        step = frequencyUnitMs(frequency) * asInteger(schedule.value(u"interval"_s)).value_or(1);
        if (step <= 0)
            return;
        const qint64 kMax = (now - start) / step;
        qint64 kMin = done < start ? 0 : (done - start) / step + 1;
        kMin = std::max(kMin, kMax - (kMaxCatchUpRuns - 1));
        for (qint64 k = kMin; k <= kMax; ++k)
            slotTimes.append(start + k * step);
    }
    if (slotTimes.isEmpty())
        return;
    flow.meta.insert(u"generatedUntil"_s, slotTimes.last());

    QString failure;
    const int records = sourceRecordCount(flow, &failure);
    for (qint64 slot : std::as_const(slotTimes)) {
        Entry &run = createRun(flow, slot, records, failure);
        if (step > 0)
            run.meta.insert(u"windowStart"_s, slot - step);
    }
    context->changed();
}

// How many records a run of the flow reads: the module's record count on the Zoho side, read
// with the credentials of the flow's base connection.
int AdobeService::Private::sourceRecordCount(const Entry &flow, QString *failure)
{
    const QString sourceId = flow.data.value(u"sourceConnectionIds"_s).toArray().first().toString();
    const auto source = sourceConnections.constFind(sourceId);
    auto base = source == sourceConnections.constEnd()
                    ? connections.end()
                    : connections.find(source->data.value(u"baseConnectionId"_s).toString());
    if (base == connections.end()) {
        *failure = u"The source connection %1 or its base connection no longer exists."_s.arg(sourceId);
        return 0;
    }
    const int records =
        zohoRecordCount(*base, source->data.value(u"params"_s).toObject().value(u"tableName"_s).toString(), failure);
    return std::max(records, 0);
}

AdobeService::Private::Entry &AdobeService::Private::createRun(Entry &flow, qint64 startMs, int records,
                                                               const QString &failure)
{
    const QString id = SandboxContext::uuid();
    const QString flowId = flow.data.value(u"id"_s).toString();
    const QJsonObject data{{u"id"_s, id},
                           {u"flowId"_s, flowId},
                           {u"flowSpec"_s, flow.data.value(u"flowSpec"_s)},
                           {u"createdAt"_s, startMs},
                           {u"createdBy"_s, flow.data.value(u"createdBy"_s)},
                           {u"createdClient"_s, flow.data.value(u"createdClient"_s)},
                           {u"updatedBy"_s, flow.data.value(u"createdBy"_s)},
                           {u"updatedClient"_s, flow.data.value(u"createdClient"_s)},
                           {u"sandboxId"_s, flow.data.value(u"sandboxId"_s)},
                           {u"sandboxName"_s, flow.data.value(u"sandboxName"_s)},
                           {u"imsOrgId"_s, flow.data.value(u"imsOrgId"_s)},
                           {u"providerRefId"_s, u"M-%1-incremental-0:%2"_s.arg(flowId, SandboxContext::uuid())},
                           {u"etag"_s, newEtag()}};
    const QJsonObject meta{{u"startedAt"_s, startMs},
                           {u"completedAt"_s, startMs + kRunDurationMs},
                           {u"records"_s, records},
                           {u"failure"_s, failure},
                           {u"windowStart"_s, startMs - 86400LL * 1000},
                           {u"batchId"_s, newBatchId()},
                           {u"copyActivityId"_s, SandboxContext::uuid()},
                           {u"promotionActivityId"_s, SandboxContext::uuid()},
                           {u"adfRunId"_s, SandboxContext::uuid()},
                           {u"sourceConnectionId"_s, flow.data.value(u"sourceConnectionIds"_s).toArray().first()},
                           {u"targetConnectionId"_s, flow.data.value(u"targetConnectionIds"_s).toArray().first()}};
    // A minute schedule left running for days would otherwise fill the state file.
    QList<QPair<double, QString>> existing;
    for (auto r = runs.constBegin(); r != runs.constEnd(); ++r) {
        if (r->data.value(u"flowId"_s).toString() == flowId)
            existing.append({r->meta.value(u"startedAt"_s).toDouble(), r.key()});
    }
    std::sort(existing.begin(), existing.end());
    for (int i = 0; i < int(existing.size()) - (kMaxStoredRunsPerFlow - 1); ++i)
        runs.remove(existing.at(i).second);
    auto it = runs.insert(id, Entry{flow.org, flow.sandbox, data, meta});
    return *it;
}

QJsonObject AdobeService::Private::runView(const Entry &entry) const
{
    QJsonObject view = entry.data;
    const qint64 started = qint64(entry.meta.value(u"startedAt"_s).toDouble());
    const qint64 completed = qint64(entry.meta.value(u"completedAt"_s).toDouble());
    const int records = entry.meta.value(u"records"_s).toInt();
    const QString failure = entry.meta.value(u"failure"_s).toString();
    const bool done = nowMs() >= completed;
    const bool failed = !failure.isEmpty();
    const QString status = !done ? u"inProgress"_s : (failed ? u"failed"_s : u"success"_s);
    const int output = done && !failed ? records : 0;
    // Sizes scale with the record count: roughly what one Zoho record weighs as JSON and Parquet.
    const qint64 inputBytes = qint64(records) * 612;
    const qint64 outputBytes = done && !failed ? qint64(records) * 389 + 2048 : 0;
    view.insert(u"updatedAt"_s, done ? completed : started);

    QJsonObject duration{{u"startedAtUTC"_s, started}};
    if (done)
        duration.insert(u"completedAtUTC"_s, completed);
    QJsonArray errors;
    if (failed && done)
        errors.append(QJsonObject{{u"code"_s, u"CONNECTOR-2001-500"_s}, {u"message"_s, failure}});
    const QString copyId = entry.meta.value(u"copyActivityId"_s).toString();
    const QString promotionId = entry.meta.value(u"promotionActivityId"_s).toString();
    QJsonArray activityRefs{copyId};
    if (!failed)
        activityRefs.append(promotionId);

    view.insert(
        u"metrics"_s,
        QJsonObject{{u"durationSummary"_s, duration},
                    {u"sizeSummary"_s, QJsonObject{{u"inputBytes"_s, inputBytes}, {u"outputBytes"_s, outputBytes}}},
                    {u"recordSummary"_s, QJsonObject{{u"inputRecordCount"_s, records},
                                                     {u"outputRecordCount"_s, output},
                                                     {u"createdRecordCount"_s, output},
                                                     {u"failedRecordCount"_s, 0},
                                                     {u"skippedRecordCount"_s, 0}}},
                    {u"fileSummary"_s, QJsonObject{{u"inputFileCount"_s, failed ? 0 : 1},
                                                   {u"outputFileCount"_s, done && !failed ? 1 : 0},
                                                   {u"activityRefs"_s, QJsonArray{copyId}}}},
                    {u"statusSummary"_s,
                     QJsonObject{{u"status"_s, status}, {u"errors"_s, errors}, {u"activityRefs"_s, activityRefs}}}});

    QJsonObject copyDuration = duration;
    copyDuration.insert(u"extensions"_s,
                        QJsonObject{{u"windowStart"_s, qint64(entry.meta.value(u"windowStart"_s).toDouble())},
                                    {u"windowEnd"_s, started}});
    QJsonArray activities{
        QJsonObject{{u"id"_s, copyId},
                    {u"name"_s, u"Copy Activity"_s},
                    {u"updatedAtUTC"_s, done ? completed : started},
                    {u"durationSummary"_s, copyDuration},
                    {u"sizeSummary"_s, QJsonObject{{u"inputBytes"_s, inputBytes}, {u"outputBytes"_s, inputBytes}}},
                    {u"recordSummary"_s,
                     QJsonObject{{u"inputRecordCount"_s, records}, {u"outputRecordCount"_s, done ? records : 0}}},
                    {u"fileSummary"_s, QJsonObject{{u"outputFileCount"_s, done && !failed ? 1 : 0}}},
                    {u"statusSummary"_s, QJsonObject{{u"status"_s, status}, {u"errors"_s, errors}}},
                    {u"sourceInfo"_s,
                     QJsonArray{QJsonObject{
                         {u"id"_s, entry.meta.value(u"sourceConnectionId"_s)},
                         {u"type"_s, u"SourceConnection"_s},
                         {u"reference"_s, QJsonObject{{u"type"_s, u"AdfRunId"_s},
                                                      {u"ids"_s, QJsonArray{entry.meta.value(u"adfRunId"_s)}}}}}}}}};
    if (!failed) {
        activities.append(QJsonObject{
            {u"id"_s, promotionId},
            {u"name"_s, u"Promotion Activity"_s},
            {u"updatedAtUTC"_s, done ? completed : started},
            {u"durationSummary"_s, duration},
            {u"sizeSummary"_s, QJsonObject{{u"inputBytes"_s, inputBytes}, {u"outputBytes"_s, outputBytes}}},
            {u"recordSummary"_s, QJsonObject{{u"inputRecordCount"_s, records},
                                             {u"outputRecordCount"_s, output},
                                             {u"failedRecordCount"_s, 0}}},
            {u"statusSummary"_s,
             QJsonObject{{u"status"_s, status},
                         {u"extensions"_s, QJsonObject{{u"manifest"_s, QJsonObject{{u"failedRecords"_s, QJsonArray()},
                                                                                   {u"sampleErrors"_s, QJsonArray()}}},
                                                       {u"errors"_s, QJsonArray()}}}}},
            {u"targetInfo"_s,
             QJsonArray{
                 QJsonObject{{u"id"_s, entry.meta.value(u"targetConnectionId"_s)},
                             {u"type"_s, u"TargetConnection"_s},
                             {u"reference"_s, QJsonObject{{u"type"_s, u"Batch"_s},
                                                          {u"ids"_s, QJsonArray{entry.meta.value(u"batchId"_s)}}}}}}}});
    }
    view.insert(u"activities"_s, activities);
    return view;
}

QJsonObject AdobeService::Private::lastRunDetails(const QString &flowId) const
{
    const Entry *latest = nullptr;
    for (const Entry &run : runs) {
        if (run.data.value(u"flowId"_s).toString() != flowId)
            continue;
        if (!latest || run.meta.value(u"startedAt"_s).toDouble() >= latest->meta.value(u"startedAt"_s).toDouble())
            latest = &run;
    }
    if (!latest)
        return {};
    const QJsonObject view = runView(*latest);
    const QJsonObject duration = view.value(u"metrics"_s).toObject().value(u"durationSummary"_s).toObject();
    QJsonObject details{
        {u"id"_s, latest->data.value(u"id"_s)},
        {u"state"_s, view.value(u"metrics"_s).toObject().value(u"statusSummary"_s).toObject().value(u"status"_s)},
        {u"startedAtUTC"_s, duration.value(u"startedAtUTC"_s)}};
    if (duration.contains(u"completedAtUTC"_s))
        details.insert(u"completedAtUTC"_s, duration.value(u"completedAtUTC"_s));
    return details;
}

Response AdobeService::Private::listRuns(const Request &request, const Caller &caller)
{
    for (auto it = flows.begin(); it != flows.end(); ++it) {
        if (visible(*it, caller))
            materializeRuns(*it);
    }
    QList<QJsonObject> items;
    for (const Entry &run : std::as_const(runs)) {
        if (visible(run, caller))
            items.append(runView(run));
    }
    return listResponse(request, items, u"/runs"_s);
}

Response AdobeService::Private::getRun(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(runs, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"runs"_s, request.capture(1));
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{runView(*entry)}}});
}

// POST /_sandbox/adobe/flows/{id}/run: a run that starts now, whatever the schedule says (tests and
// the demo use it to show a run without waiting for a slot).
Response AdobeService::Private::controlRun(const Request &request)
{
    const QString id = request.capture(1);
    auto it = flows.find(id);
    if (it == flows.end())
        return notFound(request, u"flows"_s, id);
    materializeRuns(*it);
    QString failure;
    const int records = sourceRecordCount(*it, &failure);
    Entry &run = createRun(*it, nowMs(), records, failure);
    context->changed();
    return Response::json(runView(run), 201);
}

// ================================================================================================
// Catalog: datasets

Response AdobeService::Private::createDataSet(const Request &request, const Caller &caller)
{
    // ?requestDataSource=true (CRM tutorial) is accepted and changes nothing here.
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject()) {
        return catalogError(request, u"1001-400"_s, u"Bad Request"_s,
                            u"The request body is not a valid JSON object."_s);
    }
    const QJsonObject body = parsed.toObject();
    const QString schemaId = body.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    if (schemaId.isEmpty()) {
        return catalogError(request, u"1002-400"_s, u"Bad Request"_s,
                            u"schemaRef.id is required: a dataset must reference an XDM schema."_s);
    }
    const Entry *schema = findSchema(schemaId, caller);
    if (!schema) {
        return catalogError(request, u"1003-400"_s, u"Bad Request"_s,
                            u"The schema %1 does not exist in the sandbox '%2'."_s.arg(schemaId, caller.sandbox));
    }
    QJsonObject normalized = body;
    QJsonObject schemaRef = body.value(u"schemaRef"_s).toObject();
    schemaRef.insert(u"id"_s, schema->data.value(u"$id"_s));
    normalized.insert(u"schemaRef"_s, schemaRef);
    const QString id = SandboxContext::randomHex(12);
    dataSets.insert(id, Entry{caller.orgId,
                              caller.sandbox,
                              buildDataSet(normalized, id, caller.sandboxId, caller.clientId, caller.user, nowMs()),
                              {}});
    context->changed();
    return Response::json(QJsonArray{u"@/dataSets/"_s + id}, 201)
        .withHeader("location", platformUrl(kFoundation + u"/catalog/dataSets/"_s + id).toUtf8());
}

namespace {

QJsonObject selectProperties(const QJsonObject &object, const QString &properties)
{
    if (properties.trimmed().isEmpty())
        return object;
    QJsonObject selected;
    for (const QString &key : properties.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (object.contains(key.trimmed()))
            selected.insert(key.trimmed(), object.value(key.trimmed()));
    }
    return selected;
}

} // namespace

Response AdobeService::Private::listDataSets(const Request &request, const Caller &caller)
{
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return catalogError(request, u"1004-400"_s, u"Bad Request"_s, filterError);
    int limit = 50; // Catalog's default page size
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1)
            return catalogError(request, u"1005-400"_s, u"Bad Request"_s, u"limit must be a positive integer."_s);
    }
    const int start = std::max(0, request.queryValue(u"start"_s).toInt());
    const QString name = request.queryValue(u"name"_s);
    QList<QPair<QString, QJsonObject>> matching;
    for (auto it = dataSets.constBegin(); it != dataSets.constEnd(); ++it) {
        if (!visible(*it, caller) || !matchesFilters(it->data, *filters))
            continue;
        if (!name.isEmpty() && it->data.value(u"name"_s).toString() != name)
            continue;
        matching.append({it.key(), it->data});
    }
    std::stable_sort(matching.begin(), matching.end(), [](const auto &a, const auto &b) {
        return a.second.value(u"created"_s).toDouble() > b.second.value(u"created"_s).toDouble();
    });
    QJsonObject answer;
    for (int i = start; i < matching.size() && answer.size() < limit; ++i)
        answer.insert(matching.at(i).first,
                      selectProperties(matching.at(i).second, request.queryValue(u"properties"_s)));
    return Response::json(answer);
}

Response AdobeService::Private::getDataSet(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    const Entry *entry = findIn(dataSets, id, caller);
    if (!entry) {
        return catalogError(request, u"1006-404"_s, u"Not Found"_s,
                            u"The dataset %1 was not found in the sandbox '%2'."_s.arg(id, caller.sandbox));
    }
    return Response::json(QJsonObject{{id, selectProperties(entry->data, request.queryValue(u"properties"_s))}});
}

Response AdobeService::Private::deleteDataSet(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(dataSets, id, caller)) {
        return catalogError(request, u"1006-404"_s, u"Not Found"_s,
                            u"The dataset %1 was not found in the sandbox '%2'."_s.arg(id, caller.sandbox));
    }
    dataSets.remove(id);
    context->changed();
    return Response::json(QJsonArray{u"@/dataSets/"_s + id}, 200);
}

// ================================================================================================
// Schema Registry

AdobeService::Private::Entry *AdobeService::Private::findSchema(const QString &idOrAltId, const Caller &caller)
{
    for (auto it = schemas.begin(); it != schemas.end(); ++it) {
        if (!visible(*it, caller))
            continue;
        if (it->data.value(u"$id"_s).toString() == idOrAltId || it->data.value(u"meta:altId"_s).toString() == idOrAltId)
            return &*it;
    }
    return nullptr;
}

// The "full" views (xed-full…) resolve the class and field groups into properties.
QJsonObject AdobeService::Private::fullSchema(const QJsonObject &schema) const
{
    QJsonObject full = schema;
    QJsonObject properties;
    QStringList refs{schema.value(u"meta:class"_s).toString()};
    for (const QJsonValue &part : schema.value(u"allOf"_s).toArray())
        refs.append(part.toObject().value(u"$ref"_s).toString());
    for (const QString &ref : std::as_const(refs)) {
        const auto it = standardFieldGroups().constFind(ref);
        if (it == standardFieldGroups().constEnd())
            continue;
        for (const StandardField &field : *it) {
            QJsonObject leaf{{u"type"_s, QString::fromLatin1(field.type)},
                             {u"meta:xdmType"_s, QString::fromLatin1(field.type)}};
            if (field.format) {
                leaf.insert(u"format"_s, QString::fromLatin1(field.format));
                if (qstrcmp(field.format, "date-time") == 0 || qstrcmp(field.format, "date") == 0)
                    leaf.insert(u"meta:xdmType"_s, QString::fromLatin1(field.format));
            }
            insertFieldPath(properties, QString::fromLatin1(field.path).split(QLatin1Char('.')), leaf);
        }
    }
    auto merge = [&properties](const QJsonObject &custom) {
        for (auto it = custom.begin(); it != custom.end(); ++it)
            properties.insert(it.key(), it.value());
    };
    merge(schema.value(u"properties"_s).toObject());
    const QJsonObject definitions = schema.value(u"definitions"_s).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it)
        merge(it.value().toObject().value(u"properties"_s).toObject());
    full.insert(u"properties"_s, properties);
    full.remove(u"definitions"_s);
    return full;
}

Response AdobeService::Private::schemaStats(const Request &, const Caller &caller)
{
    QList<const Entry *> own;
    for (const Entry &e : std::as_const(schemas)) {
        if (visible(e, caller))
            own.append(&e);
    }
    std::sort(own.begin(), own.end(), [](const Entry *a, const Entry *b) {
        return a->data.value(u"meta:registryMetadata"_s).toObject().value(u"repo:createdDate"_s).toDouble() >
               b->data.value(u"meta:registryMetadata"_s).toObject().value(u"repo:createdDate"_s).toDouble();
    });
    QJsonArray recent;
    QHash<QString, QJsonArray> byClass;
    for (const Entry *e : std::as_const(own)) {
        const QJsonObject item{{u"title"_s, e->data.value(u"title"_s)},
                               {u"$id"_s, e->data.value(u"$id"_s)},
                               {u"meta:altId"_s, e->data.value(u"meta:altId"_s)},
                               {u"version"_s, e->data.value(u"version"_s)}};
        if (recent.size() < 5)
            recent.append(item);
        byClass[e->data.value(u"meta:class"_s).toString()].append(item);
    }
    QJsonArray classUsage;
    for (auto it = byClass.constBegin(); it != byClass.constEnd(); ++it) {
        const QString title = it.key() == kProfileClass ? u"XDM Individual Profile"_s
                              : it.key() == kEventClass ? u"XDM ExperienceEvent"_s
                                                        : u"Record"_s;
        classUsage.append(QJsonObject{
            {u"$id"_s, it.key()}, {u"title"_s, title}, {u"numberOfSchemas"_s, int(it->size())}, {u"schemas"_s, *it}});
    }
    return Response::json(QJsonObject{{u"imsOrg"_s, caller.orgId},
                                      {u"tenantId"_s, kTenantId},
                                      {u"counts"_s, QJsonObject{{u"schemas"_s, int(own.size())},
                                                                {u"mixins"_s, 0},
                                                                {u"datatypes"_s, 0},
                                                                {u"classes"_s, 0},
                                                                {u"unions"_s, 0}}},
                                      {u"recentlyCreatedResources"_s, recent},
                                      {u"recentlyUpdatedResources"_s, recent},
                                      {u"classUsage"_s, classUsage}});
}

Response AdobeService::Private::createSchema(const Request &request, const Caller &caller)
{
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject()) {
        // [emulator] code for a malformed body.
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    }
    const QJsonObject body = parsed.toObject();
    const QString title = body.value(u"title"_s).toString().trimmed();
    if (title.isEmpty())
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s, u"The schema must have a non-empty title."_s);
    for (const Entry &e : std::as_const(schemas)) {
        if (visible(e, caller) && e.data.value(u"title"_s).toString().compare(title, Qt::CaseInsensitive) == 0) {
            return xdmError(request, u"1521-400"_s, u"Title not unique"_s,
                            u"Object titles must be unique. An object %1 already exists with the same title"_s.arg(
                                e.data.value(u"$id"_s).toString()));
        }
    }
    QString metaClass = body.value(u"meta:class"_s).toString();
    for (const QJsonValue &part : body.value(u"allOf"_s).toArray()) {
        const QString ref = part.toObject().value(u"$ref"_s).toString();
        if (metaClass.isEmpty() && isKnownClass(ref))
            metaClass = ref;
    }
    if (!isKnownClass(metaClass)) {
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s,
                        u"The schema must extend a class in allOf (for example %1)."_s.arg(kProfileClass));
    }
    // Custom fields live under the tenant namespace (XDM troubleshooting guide, XDM-1021-400).
    const QString tenantField = u"_"_s + kTenantId;
    QList<QJsonObject> customBlocks{body.value(u"properties"_s).toObject()};
    const QJsonObject definitions = body.value(u"definitions"_s).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it)
        customBlocks.append(it.value().toObject().value(u"properties"_s).toObject());
    for (const QJsonObject &block : std::as_const(customBlocks)) {
        for (auto it = block.begin(); it != block.end(); ++it) {
            if (it.key() != tenantField) {
                return xdmError(
                    request, u"1021-400"_s, u"Namespace validation error"_s,
                    u"A custom field is defined under an invalid namespace. All custom fields must be defined under a top-level field named %1 (found '%2')."_s
                        .arg(tenantField, it.key()));
            }
        }
    }
    QJsonObject normalized = body;
    normalized.insert(u"title"_s, title);
    normalized.insert(u"meta:class"_s, metaClass);
    const SandboxInfo *sandbox = sandboxNamed(caller.sandbox);
    const QJsonObject schema = buildSchema(normalized, SandboxContext::randomHex(16), caller.sandboxId,
                                           sandbox ? sandbox->type : QString(), caller.clientId, caller.user, nowMs());
    const QString id = schema.value(u"$id"_s).toString();
    schemas.insert(id, Entry{caller.orgId, caller.sandbox, schema, {}});
    context->changed();
    return Response::json(schema, 201)
        .withHeader("location", platformUrl(kFoundation + u"/schemaregistry/tenant/schemas/"_s +
                                            QString::fromLatin1(QUrl::toPercentEncoding(id)))
                                    .toUtf8());
}

Response AdobeService::Private::listSchemas(const Request &request, const Caller &caller)
{
    // Listings take an Accept without a version; xed-id gives the short form.
    const QString accept = QString::fromLatin1(request.header("accept")).trimmed();
    static const QRegularExpression listing(u"^application/vnd\\.adobe\\.(xed-id|xed)\\+json$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = listing.match(accept);
    if (!m.hasMatch()) {
        return xdmError(
            request, u"1006-400"_s, u"Accept header invalid"_s,
            u"The supplied Accept header is not valid: %1 - A valid Accept value should look like application/vnd.adobe.{xed|xdm}+json"_s
                .arg(accept));
    }
    const bool idsOnly = m.captured(1).toLower() == u"xed-id"_s;
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s, filterError);
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(schemas)) {
        if (visible(e, caller) && matchesFilters(e.data, *filters))
            items.append(e.data);
    }
    std::sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"title"_s).toString().compare(b.value(u"title"_s).toString(), Qt::CaseInsensitive) < 0;
    });
    const int start = std::max(0, request.queryValue(u"start"_s).toInt());
    int limit = request.queryValue(u"limit"_s).toInt();
    if (limit <= 0)
        limit = 300;
    QJsonArray results;
    for (int i = start; i < items.size() && results.size() < limit; ++i) {
        const QJsonObject &s = items.at(i);
        if (idsOnly) {
            results.append(QJsonObject{{u"$id"_s, s.value(u"$id"_s)},
                                       {u"meta:altId"_s, s.value(u"meta:altId"_s)},
                                       {u"version"_s, s.value(u"version"_s)},
                                       {u"title"_s, s.value(u"title"_s)}});
        } else {
            results.append(s);
        }
    }
    QJsonValue next = QJsonValue::Null;
    if (start + results.size() < items.size()) {
        next = u"/data/foundation/schemaregistry/tenant/schemas?start=%1&limit=%2"_s.arg(start + results.size())
                   .arg(limit);
    }
    return Response::json(QJsonObject{
        {u"results"_s, results},
        {u"_page"_s, QJsonObject{{u"orderby"_s, u"title"_s}, {u"next"_s, next}, {u"count"_s, int(results.size())}}},
        {u"_links"_s,
         QJsonObject{{u"next"_s, next},
                     {u"global_schemas"_s,
                      QJsonObject{{u"href"_s, platformUrl(kFoundation + u"/schemaregistry/global/schemas"_s)}}}}}});
}

Response AdobeService::Private::getSchema(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    // Lookups must name a version in Accept (XDM-1007-400 otherwise).
    const QString accept = QString::fromLatin1(request.header("accept")).trimmed();
    static const QRegularExpression lookup(
        u"^application/vnd\\.adobe\\.(xed|xed-full|xed-notext|xed-full-notext|xed-full-desc)\\+json\\s*;\\s*version\\s*=\\s*([0-9]+)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = lookup.match(accept);
    if (!m.hasMatch()) {
        return xdmError(
            request, u"1007-400"_s, u"Accept header invalid"_s,
            u"The supplied Accept header is not valid: %1 - A valid Accept value should look like application/vnd.adobe.{xed|xdm}+json; version=1 (Version should be specified)"_s
                .arg(accept));
    }
    const Entry *entry = findSchema(id, caller);
    const QString version = m.captured(2);
    if (!entry || version != u"1"_s) {
        return xdmError(request, u"1012-404"_s, u"Resource Not Found"_s,
                        u"Requested resource %1 with version %2 is not found"_s.arg(id, version));
    }
    const bool full = m.captured(1).toLower().startsWith(u"xed-full"_s);
    return Response::json(full ? fullSchema(entry->data) : entry->data);
}

Response AdobeService::Private::deleteSchema(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    const Entry *entry = findSchema(id, caller);
    if (!entry) {
        return xdmError(request, u"1012-404"_s, u"Resource Not Found"_s,
                        u"Requested resource %1 with version 1 is not found"_s.arg(id));
    }
    schemas.remove(entry->data.value(u"$id"_s).toString());
    context->changed();
    return Response::empty(204);
}

// ================================================================================================
// Data Prep (conversion): mapping sets

// Checks every mapping of a create/validate body against its output schema. The destination must
// be a field path of the schema (see schemaPaths()); an ATTRIBUTE source must be a plain field
// reference and, when the body carries an input schema (inputSchema.schema.properties or
// inputSchema.columns as explore returns them), one of its columns; an EXPRESSION must at least
// have balanced parentheses. Data Prep's expression language itself is not interpreted.
std::optional<QJsonArray> AdobeService::Private::checkMappings(const Request &request, const Caller &caller,
                                                               const QJsonObject &body, QString *schemaId,
                                                               Response *error, bool *allValid)
{
    *allValid = true;
    QString id = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    if (id.isEmpty())
        id = body.value(u"xdmSchema"_s).toString(); // the legacy body of the CRM tutorial
    if (id.isEmpty()) {
        *error = prepError(request, u"1001-400"_s, u"Bad Request"_s, u"outputSchema.schemaRef.id is required."_s);
        return std::nullopt;
    }
    const Entry *schema = findSchema(id, caller);
    if (!schema) {
        *error = prepError(request, u"1002-400"_s, u"Bad Request"_s,
                           u"The output schema %1 does not exist in the sandbox '%2'."_s.arg(id, caller.sandbox));
        return std::nullopt;
    }
    *schemaId = schema->data.value(u"$id"_s).toString();
    const QJsonArray mappings = body.value(u"mappings"_s).toArray();
    if (mappings.isEmpty()) {
        *error = prepError(request, u"1003-400"_s, u"Bad Request"_s, u"mappings must be a non-empty array."_s);
        return std::nullopt;
    }
    const QSet<QString> paths = schemaPaths(schema->data);
    QSet<QString> columns;
    const QJsonObject inputSchema = body.value(u"inputSchema"_s).toObject();
    for (const QString &key : inputSchema.value(u"schema"_s).toObject().value(u"properties"_s).toObject().keys())
        columns.insert(key);
    for (const QJsonValue &c : inputSchema.value(u"columns"_s).toArray())
        columns.insert(c.toObject().value(u"name"_s).toString());

    static const QRegularExpression fieldReference(u"^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$"_s);
    QJsonArray results;
    for (const QJsonValue &v : mappings) {
        const QJsonObject mapping = v.toObject();
        QString sourceType = mapping.value(u"sourceType"_s).toString(u"ATTRIBUTE"_s);
        if (sourceType == u"text/x.schema-path"_s)
            sourceType = u"ATTRIBUTE"_s;
        QString source = mapping.value(u"source"_s).toString(mapping.value(u"sourceAttribute"_s).toString());
        QString destination =
            mapping.value(u"destination"_s).toString(mapping.value(u"destinationXdmPath"_s).toString());
        if (destination.startsWith(QLatin1Char('/')))
            destination = destination.mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
        QStringList problems;
        if (sourceType != u"ATTRIBUTE"_s && sourceType != u"EXPRESSION"_s && sourceType != u"STATIC"_s)
            problems.append(u"Invalid sourceType '%1'; expected ATTRIBUTE, EXPRESSION or STATIC."_s.arg(sourceType));
        if (source.trimmed().isEmpty()) {
            problems.append(u"The source is empty."_s);
        } else if (sourceType == u"ATTRIBUTE"_s) {
            if (!fieldReference.match(source).hasMatch())
                problems.append(u"The source attribute '%1' is not a valid field reference."_s.arg(source));
            else if (!columns.isEmpty() && !columns.contains(source.section(QLatin1Char('.'), 0, 0)))
                problems.append(u"The source attribute '%1' is not a column of the input schema."_s.arg(source));
        } else if (sourceType == u"EXPRESSION"_s) {
            if (source.count(QLatin1Char('(')) != source.count(QLatin1Char(')')))
                problems.append(u"The expression '%1' has unbalanced parentheses."_s.arg(source));
        }
        if (destination.isEmpty())
            problems.append(u"The destination is empty."_s);
        else if (!paths.contains(destination))
            problems.append(
                u"The destination path '%1' does not exist in the schema %2."_s.arg(destination, *schemaId));
        if (problems.isEmpty()) {
            results.append(QJsonObject{{u"status"_s, u"SUCCESS"_s}, {u"errors"_s, QJsonValue::Null}});
            continue;
        }
        *allValid = false;
        QJsonArray errors;
        for (const QString &problem : std::as_const(problems)) {
            errors.append(QJsonObject{{u"source"_s, source},
                                      {u"destination"_s, destination},
                                      {u"sourceType"_s, sourceType},
                                      {u"columnName"_s, sourceType == u"ATTRIBUTE"_s ? source : QString()},
                                      {u"exception"_s, problem}});
        }
        // The spec's enum for a failed mapping is FAILED.
        results.append(QJsonObject{{u"status"_s, u"FAILED"_s}, {u"errors"_s, errors}});
    }
    return results;
}

QJsonObject AdobeService::Private::mappingSetSummary(const QJsonObject &mappingSet) const
{
    return QJsonObject{{u"id"_s, mappingSet.value(u"id"_s)},
                       {u"version"_s, mappingSet.value(u"version"_s)},
                       {u"createdDate"_s, mappingSet.value(u"createdDate"_s)},
                       {u"modifiedDate"_s, mappingSet.value(u"modifiedDate"_s)},
                       {u"createdBy"_s, mappingSet.value(u"createdBy"_s)},
                       {u"modifiedBy"_s, mappingSet.value(u"modifiedBy"_s)}};
}

namespace {

// Stored mappings come back with the extra fields AEP adds; ATTRIBUTE reads back as a schema path.
QJsonArray storedMappings(const QJsonArray &mappings, const QString &user, qint64 ms)
{
    QJsonArray stored;
    for (const QJsonValue &v : mappings) {
        const QJsonObject m = v.toObject();
        QString sourceType = m.value(u"sourceType"_s).toString(u"ATTRIBUTE"_s);
        const QString source = m.value(u"source"_s).toString(m.value(u"sourceAttribute"_s).toString());
        const QString destination = m.value(u"destination"_s).toString(m.value(u"destinationXdmPath"_s).toString());
        if (sourceType == u"ATTRIBUTE"_s)
            sourceType = u"text/x.schema-path"_s;
        QJsonObject item{{u"id"_s, SandboxContext::randomHex(16)},
                         {u"version"_s, 0},
                         {u"createdDate"_s, ms},
                         {u"modifiedDate"_s, ms},
                         {u"createdBy"_s, user},
                         {u"modifiedBy"_s, user},
                         {u"sourceType"_s, sourceType},
                         {u"source"_s, source},
                         {u"destination"_s, destination},
                         {u"identity"_s, m.value(u"identity"_s).toBool(false)},
                         {u"primaryIdentity"_s, m.value(u"primaryIdentity"_s).toBool(false)},
                         {u"matchScore"_s, 0.0},
                         {u"functionVersion"_s, 1},
                         {u"sourceAttribute"_s, source},
                         {u"destinationXdmPath"_s, destination}};
        if (m.contains(u"name"_s))
            item.insert(u"name"_s, m.value(u"name"_s));
        if (m.contains(u"description"_s))
            item.insert(u"description"_s, m.value(u"description"_s));
        stored.append(item);
    }
    return stored;
}

} // namespace

Response AdobeService::Private::createMappingSet(const Request &request, const Caller &caller)
{
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return prepError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    const QJsonObject body = parsed.toObject();
    QString schemaId;
    Response error;
    bool allValid = true;
    const auto results = checkMappings(request, caller, body, &schemaId, &error, &allValid);
    if (!results)
        return error;
    if (!allValid) {
        QStringList problems;
        for (const QJsonValue &r : *results) {
            for (const QJsonValue &e : r.toObject().value(u"errors"_s).toArray())
                problems.append(e.toObject().value(u"exception"_s).toString());
        }
        return prepError(request, u"1004-400"_s, u"Mapping validation failed"_s, problems.join(QLatin1Char(' ')));
    }
    const qint64 ms = nowMs();
    const QString id = SandboxContext::randomHex(16);
    QJsonObject schemaRef = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject();
    schemaRef.insert(u"id"_s, schemaId);
    if (!schemaRef.contains(u"contentType"_s))
        schemaRef.insert(u"contentType"_s, u"application/vnd.adobe.xed-full+json;version=1"_s);
    QJsonObject mappingSet{{u"id"_s, id},
                           {u"version"_s, 0},
                           {u"name"_s, body.value(u"name"_s).toString()},
                           {u"createdDate"_s, ms},
                           {u"modifiedDate"_s, ms},
                           {u"createdBy"_s, caller.user},
                           {u"modifiedBy"_s, caller.user},
                           {u"outputSchema"_s, QJsonObject{{u"schemaRef"_s, schemaRef}}},
                           {u"mappings"_s, storedMappings(body.value(u"mappings"_s).toArray(), caller.user, ms)},
                           {u"status"_s, u"PUBLISHED"_s},
                           {u"allowNullValues"_s, false},
                           {u"xdmVersion"_s, u"1.0"_s},
                           {u"schemaRef"_s, schemaRef},
                           {u"xdmSchema"_s, schemaId}};
    if (body.contains(u"inputSchema"_s))
        mappingSet.insert(u"inputSchema"_s, body.value(u"inputSchema"_s));
    mappingSets.insert(id, Entry{caller.orgId, caller.sandbox, mappingSet, {}});
    context->changed();
    // Data Prep answers a create with 200, not 201 (reference §6.4).
    return Response::json(mappingSetSummary(mappingSet), 200);
}

Response AdobeService::Private::putMappingSet(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(mappingSets, request.capture(1), caller);
    if (!entry) {
        return prepError(request, u"1005-404"_s, u"Not Found"_s,
                         u"The mapping set %1 was not found."_s.arg(request.capture(1)));
    }
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return prepError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    const QJsonObject body = parsed.toObject();
    QString schemaId;
    Response error;
    bool allValid = true;
    const auto results = checkMappings(request, caller, body, &schemaId, &error, &allValid);
    if (!results)
        return error;
    if (!allValid)
        return prepError(request, u"1004-400"_s, u"Mapping validation failed"_s,
                         u"One or more mappings are invalid."_s);
    QJsonArray history = entry->meta.value(u"history"_s).toArray();
    history.append(entry->data);
    entry->meta.insert(u"history"_s, history);
    const qint64 ms = nowMs();
    QJsonObject schemaRef = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject();
    schemaRef.insert(u"id"_s, schemaId);
    QJsonObject &data = entry->data;
    data.insert(u"version"_s, data.value(u"version"_s).toInt() + 1);
    data.insert(u"modifiedDate"_s, ms);
    data.insert(u"modifiedBy"_s, caller.user);
    data.insert(u"outputSchema"_s, QJsonObject{{u"schemaRef"_s, schemaRef}});
    data.insert(u"schemaRef"_s, schemaRef);
    data.insert(u"xdmSchema"_s, schemaId);
    data.insert(u"mappings"_s, storedMappings(body.value(u"mappings"_s).toArray(), caller.user, ms));
    context->changed();
    return Response::json(mappingSetSummary(data), 200);
}

Response AdobeService::Private::getMappingSet(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(mappingSets, request.capture(1), caller);
    if (!entry) {
        return prepError(request, u"1005-404"_s, u"Not Found"_s,
                         u"The mapping set %1 was not found."_s.arg(request.capture(1)));
    }
    if (request.query.hasQueryItem(u"version"_s)) {
        const int version = request.queryValue(u"version"_s).toInt();
        if (version == entry->data.value(u"version"_s).toInt())
            return Response::json(entry->data);
        for (const QJsonValue &v : entry->meta.value(u"history"_s).toArray()) {
            if (v.toObject().value(u"version"_s).toInt() == version)
                return Response::json(v.toObject());
        }
        return prepError(request, u"1005-404"_s, u"Not Found"_s,
                         u"The mapping set %1 has no version %2."_s.arg(request.capture(1)).arg(version));
    }
    return Response::json(entry->data);
}

Response AdobeService::Private::listMappingSets(const Request &request, const Caller &caller)
{
    // Both paging parameters are required by the spec.
    bool limitOk = false;
    bool startOk = false;
    const int limit = request.queryValue(u"limit"_s).toInt(&limitOk);
    const int start = request.queryValue(u"start"_s).toInt(&startOk);
    if (!limitOk || !startOk || limit < 1 || start < 0) {
        return prepError(request, u"1006-400"_s, u"Bad Request"_s,
                         u"The query parameters 'limit' (>= 1) and 'start' (>= 0) are required."_s);
    }
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(mappingSets)) {
        if (visible(e, caller))
            items.append(e.data);
    }
    std::stable_sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"modifiedDate"_s).toDouble() > b.value(u"modifiedDate"_s).toDouble();
    });
    QJsonArray data;
    for (int i = start; i < items.size() && data.size() < limit; ++i)
        data.append(items.at(i));
    QJsonObject links;
    if (start + data.size() < items.size()) {
        links.insert(
            u"next"_s,
            QJsonObject{{u"href"_s, u"/mappingSets?limit=%1&start=%2"_s.arg(limit).arg(start + int(data.size()))}});
    }
    return Response::json(QJsonObject{{u"data"_s, data},
                                      {u"_page"_s, QJsonObject{{u"count"_s, int(data.size())}, {u"limit"_s, limit}}},
                                      {u"_links"_s, links}});
}

Response AdobeService::Private::validateMappingSet(const Request &request, const Caller &caller)
{
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return prepError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    QString schemaId;
    Response error;
    bool allValid = true;
    const auto results = checkMappings(request, caller, parsed.toObject(), &schemaId, &error, &allValid);
    if (!results)
        return error;
    return Response::json(QJsonObject{{u"validationResponse"_s, *results}});
}

// ================================================================================================
// Sandbox management

QJsonObject AdobeService::Private::sandboxView(const SandboxInfo &sandbox) const
{
    const QString created = QDateTime::fromMSecsSinceEpoch(kSeedTimeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    return QJsonObject{{u"name"_s, sandbox.name},
                       {u"title"_s, sandbox.title},
                       {u"state"_s, u"active"_s},
                       {u"type"_s, sandbox.type},
                       {u"region"_s, kRegion},
                       {u"isDefault"_s, sandbox.isDefault},
                       {u"eTag"_s, 1},
                       {u"createdDate"_s, created},
                       {u"lastModifiedDate"_s, created},
                       {u"createdBy"_s, QString()},
                       {u"modifiedBy"_s, QString()}};
}

Response AdobeService::Private::listSandboxes(const Request &request, const Caller &)
{
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return flowError(request, u"1440-400"_s, u"Bad Request"_s, filterError);
    QJsonArray list;
    for (const SandboxInfo &s : std::as_const(sandboxes)) {
        const QJsonObject view = sandboxView(s);
        if (matchesFilters(view, *filters))
            list.append(view);
    }
    return Response::json(QJsonObject{{u"sandboxes"_s, list},
                                      {u"_page"_s, QJsonObject{{u"limit"_s, 50}, {u"count"_s, int(list.size())}}},
                                      {u"_links"_s, QJsonObject()}});
}

Response AdobeService::Private::getSandbox(const Request &request, const Caller &caller)
{
    const SandboxInfo *sandbox = sandboxNamed(request.capture(1));
    if (!sandbox) {
        return flowError(
            request, u"2100-404"_s, u"Sandbox not found"_s,
            u"The sandbox '%1' is not found in the organization %2."_s.arg(request.capture(1), caller.orgId),
            QJsonObject{{u"sandboxName"_s, request.capture(1)}});
    }
    return Response::json(sandboxView(*sandbox));
}

// ================================================================================================
// AdobeService

AdobeService::AdobeService(SandboxContext *context)
    : d(std::make_unique<Private>())
{
    d->context = context;
    d->seed();
}

AdobeService::~AdobeService() = default;

void AdobeService::registerRoutes(Router &router)
{
    using P = Private;
    router.add("POST", u"/adobe/ims/ims/token/v3"_s, [this](const Request &request) { return d->imsToken(request); });

    const Api flow = Api::FlowService;
    d->addRoute(router, "GET", u"/flowservice/connectionSpecs/?"_s, flow, &P::getConnectionSpecs);
    d->addRoute(router, "GET", u"/flowservice/connectionSpecs/([^/]+)/?"_s, flow, &P::getConnectionSpec);
    d->addRoute(router, "GET", u"/flowservice/connections/?"_s, flow, &P::listConnections);
    d->addRoute(router, "POST", u"/flowservice/connections/?"_s, flow, &P::createConnection);
    d->addRoute(router, "GET", u"/flowservice/connections/([^/]+)/explore/?"_s, flow, &P::exploreConnection);
    d->addRoute(router, "GET", u"/flowservice/connections/([^/]+)/test/?"_s, flow, &P::testConnection);
    d->addRoute(router, "GET", u"/flowservice/connections/([^/]+)/?"_s, flow, &P::getConnection);
    d->addRoute(router, "PATCH", u"/flowservice/connections/([^/]+)/?"_s, flow, &P::patchConnection);
    d->addRoute(router, "DELETE", u"/flowservice/connections/([^/]+)/?"_s, flow, &P::deleteConnection);
    d->addRoute(router, "GET", u"/flowservice/sourceConnections/?"_s, flow, &P::listSourceConnections);
    d->addRoute(router, "POST", u"/flowservice/sourceConnections/?"_s, flow, &P::createSourceConnection);
    d->addRoute(router, "GET", u"/flowservice/sourceConnections/([^/]+)/?"_s, flow, &P::getSourceConnection);
    d->addRoute(router, "PATCH", u"/flowservice/sourceConnections/([^/]+)/?"_s, flow, &P::patchSourceConnection);
    d->addRoute(router, "DELETE", u"/flowservice/sourceConnections/([^/]+)/?"_s, flow, &P::deleteSourceConnection);
    d->addRoute(router, "GET", u"/flowservice/targetConnections/?"_s, flow, &P::listTargetConnections);
    d->addRoute(router, "POST", u"/flowservice/targetConnections/?"_s, flow, &P::createTargetConnection);
    d->addRoute(router, "GET", u"/flowservice/targetConnections/([^/]+)/?"_s, flow, &P::getTargetConnection);
    d->addRoute(router, "DELETE", u"/flowservice/targetConnections/([^/]+)/?"_s, flow, &P::deleteTargetConnection);
    d->addRoute(router, "GET", u"/flowservice/flowSpecs/?"_s, flow, &P::listFlowSpecs);
    d->addRoute(router, "GET", u"/flowservice/flowSpecs/([^/]+)/?"_s, flow, &P::getFlowSpec);
    d->addRoute(router, "POST", u"/flowservice/flows/([^/]+)/action/?"_s, flow, &P::flowAction);
    d->addRoute(router, "GET", u"/flowservice/flows/?"_s, flow, &P::listFlows);
    d->addRoute(router, "POST", u"/flowservice/flows/?"_s, flow, &P::createFlow);
    d->addRoute(router, "GET", u"/flowservice/flows/([^/]+)/?"_s, flow, &P::getFlow);
    d->addRoute(router, "PATCH", u"/flowservice/flows/([^/]+)/?"_s, flow, &P::patchFlow);
    d->addRoute(router, "DELETE", u"/flowservice/flows/([^/]+)/?"_s, flow, &P::deleteFlow);
    d->addRoute(router, "GET", u"/flowservice/runs/?"_s, flow, &P::listRuns);
    d->addRoute(router, "GET", u"/flowservice/runs/([^/]+)/?"_s, flow, &P::getRun);

    d->addRoute(router, "GET", u"/catalog/dataSets/?"_s, Api::Catalog, &P::listDataSets);
    d->addRoute(router, "POST", u"/catalog/dataSets/?"_s, Api::Catalog, &P::createDataSet);
    d->addRoute(router, "GET", u"/catalog/dataSets/([^/]+)/?"_s, Api::Catalog, &P::getDataSet);
    d->addRoute(router, "DELETE", u"/catalog/dataSets/([^/]+)/?"_s, Api::Catalog, &P::deleteDataSet);

    const Api xdm = Api::SchemaRegistry;
    d->addRoute(router, "GET", u"/schemaregistry/stats/?"_s, xdm, &P::schemaStats);
    d->addRoute(router, "GET", u"/schemaregistry/tenant/schemas/?"_s, xdm, &P::listSchemas);
    d->addRoute(router, "POST", u"/schemaregistry/tenant/schemas/?"_s, xdm, &P::createSchema);
    // Schema IDs arrive URL-encoded and are decoded with the path, so they span several segments.
    d->addRoute(router, "GET", u"/schemaregistry/tenant/schemas/(.+?)/?"_s, xdm, &P::getSchema);
    d->addRoute(router, "DELETE", u"/schemaregistry/tenant/schemas/(.+?)/?"_s, xdm, &P::deleteSchema);

    const Api prep = Api::DataPrep;
    d->addRoute(router, "POST", u"/conversion/mappingSets/validate/?"_s, prep, &P::validateMappingSet);
    d->addRoute(router, "GET", u"/conversion/mappingSets/?"_s, prep, &P::listMappingSets);
    d->addRoute(router, "POST", u"/conversion/mappingSets/?"_s, prep, &P::createMappingSet);
    d->addRoute(router, "GET", u"/conversion/mappingSets/([^/]+)/?"_s, prep, &P::getMappingSet);
    d->addRoute(router, "PUT", u"/conversion/mappingSets/([^/]+)/?"_s, prep, &P::putMappingSet);

    const Api sandboxApi = Api::SandboxManagement;
    d->addRoute(router, "GET", u"/sandbox-management/?"_s, sandboxApi, &P::listSandboxes);
    d->addRoute(router, "GET", u"/sandbox-management/sandboxes/?"_s, sandboxApi, &P::listSandboxes);
    d->addRoute(router, "GET", u"/sandbox-management/sandboxes/([^/]+)/?"_s, sandboxApi, &P::getSandbox);

    router.add("POST", u"/_sandbox/adobe/flows/([^/]+)/run"_s,
               [this](const Request &request) { return d->controlRun(request); });
}

QJsonObject AdobeService::saveState() const
{
    return d->saveState();
}

void AdobeService::loadState(const QJsonObject &state)
{
    d->loadState(state);
}

void AdobeService::expireAccessTokens()
{
    const qint64 past = nowMs() - 1;
    for (auto it = d->tokens.begin(); it != d->tokens.end(); ++it)
        it->expiresAtMs = std::min(it->expiresAtMs, past);
    d->context->changed();
}

QJsonObject AdobeService::credentials() const
{
    QJsonArray names;
    for (const auto &s : std::as_const(d->sandboxes))
        names.append(s.name);
    return QJsonObject{{u"clientId"_s, d->clientId},
                       {u"clientSecret"_s, d->clientSecret},
                       {u"orgId"_s, kOrgId},
                       {u"sandboxes"_s, names}};
}

} // namespace zaw::sandbox
