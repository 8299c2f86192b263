// SPDX-License-Identifier: GPL-3.0-or-later
// Flow Service through the Adobe clients against the sandbox over loopback: specs and the
// retired Zoho source, base connections (etags, filters, paging), explore with a base connection
// made from real Zoho tokens (consent clicked through over HTTP), and a whole dataflow with the
// errors a user meets on the way (schedule rules, a base connection still in use).
#include "AdobeTestRig.h"
#include "ConsentDriver.h"
#include "TestHttp.h"
#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "catalogue/Column.h"
#include "net/HttpClient.h"
#include "zoho/AuthorizationRequest.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace zaw;
using namespace zaw::adobe;
using namespace zaw::test;

namespace {

const QString kConnectionsPath = QStringLiteral("flowservice/connections$");
const QString kZohoSpec = QLatin1String(FlowServiceClient::kZohoConnectionSpecId);

using Rig = test::AdobeRig;

ZohoAuthParams dummyParams()
{
    ZohoAuthParams p;
    p.endpoint = QStringLiteral("https://www.zohoapis.eu");
    p.accountsUrl = QStringLiteral("https://accounts.zoho.eu");
    p.clientId = QStringLiteral("1000.DUMMYCLIENT");
    p.clientSecret = QStringLiteral("dummy-secret");
    p.accessToken = QStringLiteral("1000.dummy.access");
    p.refreshToken = QStringLiteral("1000.dummy.refresh");
    return p;
}

} // namespace

class TestAdobeFlowService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void specs();
    void retiredZohoSourceOnMissingSpec();
    void retiredZohoSourceOnCreate();
    void connectionLifecycleWithEtags();
    void listsFollowContinuationLinks();
    void exploreWithRealZohoTokens();
    void exploreWithDeadZohoTokensShowsAepMessage();
    void wholeDataflow();
    void scheduleErrorsReachTheCaller();

private:
    CreatedObject createConnection(const QString &name, const ZohoAuthParams &params, const QString &description = {});
    void signInToZoho();
    // The target side and the source connection a flow needs, in the rig's sandbox.
    struct Parts
    {
        QString schemaId, dataSetId, mappingId, sourceId, targetId;
    };
    Parts buildParts(const QString &title);
    QJsonObject flowBody(const Parts &parts, const QJsonObject &schedule, const QJsonArray &extraTransformations = {});

    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<Rig> m_rig;
    ZohoAuthParams m_zoho; // real tokens of a demo user
    QString m_baseId;      // a base connection made from them
    QList<catalogue::Column> m_leadColumns;
};

void TestAdobeFlowService::initTestCase()
{
    m_fixture = std::make_unique<SandboxFixture>();
    m_rig = std::make_unique<Rig>(*m_fixture);
    signInToZoho();
    QVERIFY(!m_zoho.refreshToken.isEmpty());
}

// One consent as the wizard runs it, ending with tokens from the user's home data centre.
void TestAdobeFlowService::signInToZoho()
{
    const Endpoints endpoints = m_fixture->endpoints();
    const QJsonObject demo = m_fixture->credentials().value(QStringLiteral("zoho")).toObject();
    zoho::AuthorizationRequest request(
        endpoints.dataCenter(QStringLiteral("us"))->accounts, demo.value(QStringLiteral("clientId")).toString(),
        demo.value(QStringLiteral("redirectUri")).toString(), zoho::defaultScopes(), zoho::ClientType::Server);
    const ConsentOutcome outcome = runConsent(m_fixture->http, request.url(), QStringLiteral("ana.lima@example.com"));
    QCOMPARE(outcome.status, 302);
    zoho::RedirectMatcher matcher(request.redirectUri(), request.state(), endpoints);
    const zoho::RedirectResult grant = matcher.match(outcome.redirect);
    QCOMPARE(grant.kind, zoho::RedirectResult::Kind::Granted);

    zoho::ZohoSession session;
    session.clientId = demo.value(QStringLiteral("clientId")).toString();
    session.clientSecret = demo.value(QStringLiteral("clientSecret")).toString();
    zoho::ZohoAuthClient auth(&m_rig->http, endpoints);
    const net::Error e = test::awaitError([&](QObject *c, auto done) {
        auth.exchange(grant, request.redirectUri(), request.codeVerifier(), &session, c, done);
    });
    QVERIFY2(!e, qPrintable(e.message));
    m_zoho.endpoint = session.apiDomain.toString();
    m_zoho.accountsUrl = session.accountsServer.toString();
    m_zoho.clientId = session.clientId;
    m_zoho.clientSecret = session.clientSecret;
    m_zoho.accessToken = session.accessToken;
    m_zoho.refreshToken = session.refreshToken;
}

CreatedObject TestAdobeFlowService::createConnection(const QString &name, const ZohoAuthParams &params,
                                                     const QString &description)
{
    const auto created = test::await<CreatedObject>([&](QObject *c, auto done) {
        m_rig->flows.createConnection(FlowServiceClient::zohoConnectionBody(name, description, params), c, done);
    });
    if (created.second)
        qWarning("create connection: %s", qPrintable(created.second.message));
    return created.first;
}

void TestAdobeFlowService::specs()
{
    const auto zohoSpec =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connectionSpec(kZohoSpec, c, done); });
    QVERIFY2(!zohoSpec.second, qPrintable(zohoSpec.second.message));
    QCOMPARE(zohoSpec.first.value("id").toString(), kZohoSpec);
    QCOMPARE(zohoSpec.first.value("authSpec").toArray().first().toObject().value("name").toString(),
             QLatin1String(FlowServiceClient::kZohoAuthSpecName));

    const auto crm = test::await<QJsonObject>([&](QObject *c, auto done) {
        m_rig->flows.flowSpecByName(QLatin1String(FlowServiceClient::kCrmFlowSpecName), c, done);
    });
    QVERIFY2(!crm.second, qPrintable(crm.second.message));
    QCOMPARE(crm.first.value("id").toString(), QLatin1String(FlowServiceClient::kCrmFlowSpecId));
    QVERIFY(crm.first.value("sourceConnectionSpecIds").toArray().contains(kZohoSpec));
    QVERIFY(crm.first.value("targetConnectionSpecIds")
                .toArray()
                .contains(QLatin1String(FlowServiceClient::kDataLakeConnectionSpecId)));

    const auto none = test::await<QJsonObject>(
        [&](QObject *c, auto done) { m_rig->flows.flowSpecByName(QStringLiteral("NoSuchToAEP"), c, done); });
    QCOMPARE(none.second.category, net::ErrorCategory::Input);
    QVERIFY2(none.second.message.contains("NoSuchToAEP"), qPrintable(none.second.message));
}

void TestAdobeFlowService::retiredZohoSourceOnMissingSpec()
{
    // A real organisation after June 2025 answers "not found" for the Zoho spec.
    m_fixture->addFault(QJsonObject{
        {"route", "flowservice/connectionSpecs/" + kZohoSpec}, {"method", "GET"}, {"status", 404}, {"count", 1}});
    const auto gone =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connectionSpec(kZohoSpec, c, done); });
    const net::Error &e = gone.second;
    QVERIFY(FlowServiceClient::isRetiredSourceError(e));
    QCOMPARE(e.category, net::ErrorCategory::Input);
    QCOMPARE(e.httpStatus, 404);
    QCOMPARE(e.code, QStringLiteral("1000-404"));
    QVERIFY2(e.message.contains("retired the Zoho CRM source"), qPrintable(e.message));
    QVERIFY2(e.message.contains("end of June 2025"), qPrintable(e.message));
    QVERIFY2(e.message.contains("cannot create Zoho CRM connections"), qPrintable(e.message));
    QVERIFY2(e.message.contains("direct-sync"), qPrintable(e.message));
    QVERIFY2(e.message.contains("batch ingestion"), qPrintable(e.message));
    QVERIFY(e.technicalDetails().contains(kZohoSpec));

    // Any other spec that is missing is just missing.
    const QString other = QStringLiteral("00000000-0000-4000-8000-000000000000");
    const auto missing =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connectionSpec(other, c, done); });
    QVERIFY(!FlowServiceClient::isRetiredSourceError(missing.second));
    QCOMPARE(missing.second.category, net::ErrorCategory::Input);
    QCOMPARE(missing.second.code, QStringLiteral("1439-404"));
    QVERIFY(!missing.second.message.contains("2025"));
    QVERIFY2(missing.second.message.contains(other), qPrintable(missing.second.message));

    // Without the fault the sandbox still offers the source.
    const auto back =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connectionSpec(kZohoSpec, c, done); });
    QVERIFY(!back.second);
}

void TestAdobeFlowService::retiredZohoSourceOnCreate()
{
    // "Invalid spec ID" (1413-400) for the Zoho spec on create means the same; the sandbox
    // answers it for an unknown version of the spec.
    QJsonObject body = FlowServiceClient::zohoConnectionBody(QStringLiteral("Retired"), {}, dummyParams());
    body.insert("connectionSpec", QJsonObject{{"id", kZohoSpec}, {"version", "9.9"}});
    const auto created =
        test::await<CreatedObject>([&](QObject *c, auto done) { m_rig->flows.createConnection(body, c, done); });
    QVERIFY(FlowServiceClient::isRetiredSourceError(created.second));
    QCOMPARE(created.second.code, QStringLiteral("1413-400"));
    QVERIFY(created.second.message.contains("end of June 2025"));

    // The same code for another spec is an ordinary input error.
    body.insert("connectionSpec",
                QJsonObject{{"id", QLatin1String(FlowServiceClient::kDataLakeConnectionSpecId)}, {"version", "1.0"}});
    const auto other =
        test::await<CreatedObject>([&](QObject *c, auto done) { m_rig->flows.createConnection(body, c, done); });
    QVERIFY(!FlowServiceClient::isRetiredSourceError(other.second));
    QCOMPARE(other.second.code, QStringLiteral("1413-400"));
    QCOMPARE(other.second.category, net::ErrorCategory::Input);
    QVERIFY2(other.second.message.contains("is not valid"), qPrintable(other.second.message));
}

void TestAdobeFlowService::connectionLifecycleWithEtags()
{
    // Characters that mean something in a query string must survive the property filter.
    const QString name = QStringLiteral("Zoho CRM – lifecycle & co = 100% +1");
    const CreatedObject created = createConnection(name, dummyParams(), QStringLiteral("first"));
    QVERIFY(!created.id.isEmpty());
    QVERIFY2(created.etag.startsWith('"') && created.etag.endsWith('"'), qPrintable(created.etag));
    createConnection(QStringLiteral("Zoho CRM – another"), dummyParams());

    const auto got =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connection(created.id, c, done); });
    QVERIFY2(!got.second, qPrintable(got.second.message));
    QCOMPARE(got.first.value("name").toString(), name);
    QCOMPARE(got.first.value("state").toString(), QStringLiteral("enabled"));
    QCOMPARE(got.first.value("etag").toString(), created.etag);
    QVERIFY(!got.first.value("auth").toObject().value("params").toObject().contains("clientSecret"));

    const auto byName = test::await<QList<QJsonObject>>([&](QObject *c, auto done) {
        m_rig->flows.connections({FlowServiceClient::propertyEquals("name", name)}, c, done);
    });
    QVERIFY2(!byName.second, qPrintable(byName.second.message));
    QCOMPARE(byName.first.size(), 1);
    QCOMPARE(byName.first.first().value("id").toString(), created.id);

    // A first PATCH with the current etag works and changes the etag.
    const QJsonArray rename{FlowServiceClient::patchOperation("replace", "/name", name + " (renamed)")};
    const auto patched = test::await<CreatedObject>(
        [&](QObject *c, auto done) { m_rig->flows.patchConnection(created.id, created.etag, rename, c, done); });
    QVERIFY2(!patched.second, qPrintable(patched.second.message));
    QVERIFY(patched.first.etag != created.etag);

    // Someone else changed it meanwhile: the old etag is refused with AEP's words.
    const QJsonArray describe{FlowServiceClient::patchOperation("add", "/description", "rotated")};
    const auto stale = test::await<CreatedObject>(
        [&](QObject *c, auto done) { m_rig->flows.patchConnection(created.id, created.etag, describe, c, done); });
    QCOMPARE(stale.second.category, net::ErrorCategory::Conflict);
    QCOMPARE(stale.second.code, QStringLiteral("1404-412"));
    QCOMPARE(stale.second.httpStatus, 412);
    QVERIFY2(stale.second.message.contains("Version not matching"), qPrintable(stale.second.message));
    QVERIFY2(stale.second.message.contains("Reload"), qPrintable(stale.second.message));
    QCOMPARE(m_fixture->countRequests("PATCH", "flowservice/connections/" + created.id), 2);

    // Re-read, then the same change succeeds.
    const auto fresh =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connection(created.id, c, done); });
    const QString etag = fresh.first.value("etag").toString();
    QCOMPARE(etag, patched.first.etag);
    const auto retried = test::await<CreatedObject>(
        [&](QObject *c, auto done) { m_rig->flows.patchConnection(created.id, etag, describe, c, done); });
    QVERIFY2(!retried.second, qPrintable(retried.second.message));
    const auto after =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connection(created.id, c, done); });
    QCOMPARE(after.first.value("name").toString(), name + " (renamed)");
    QCOMPARE(after.first.value("description").toString(), QStringLiteral("rotated"));

    const net::Error deleted =
        test::awaitError([&](QObject *c, auto done) { m_rig->flows.deleteConnection(created.id, c, done); });
    QVERIFY2(!deleted, qPrintable(deleted.message));
    const auto gone =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.connection(created.id, c, done); });
    QCOMPARE(gone.second.category, net::ErrorCategory::Input);
    QCOMPARE(gone.second.code, QStringLiteral("1439-404"));
    QVERIFY2(gone.second.message.contains(created.id), qPrintable(gone.second.message));
}

void TestAdobeFlowService::listsFollowContinuationLinks()
{
    const QString tag = QStringLiteral("paging batch");
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << createConnection(QStringLiteral("Paged %1").arg(i), dummyParams(), tag).id;
    const int before = m_fixture->countRequests("GET", kConnectionsPath);
    m_rig->flows.setPageSize(2);
    const auto list = test::await<QList<QJsonObject>>([&](QObject *c, auto done) {
        m_rig->flows.connections({FlowServiceClient::propertyEquals("description", tag)}, c, done);
    });
    m_rig->flows.setPageSize(0);
    QVERIFY2(!list.second, qPrintable(list.second.message));
    QStringList got;
    for (const QJsonObject &o : list.first)
        got << o.value("id").toString();
    got.sort();
    ids.sort();
    QCOMPARE(got, ids);
    QCOMPARE(m_fixture->countRequests("GET", kConnectionsPath) - before, 3);
}

void TestAdobeFlowService::exploreWithRealZohoTokens()
{
    const CreatedObject base = createConnection(QStringLiteral("Zoho CRM – Ana"), m_zoho);
    QVERIFY(!base.id.isEmpty());
    m_baseId = base.id;

    const auto test = test::await<bool>([&](QObject *c, auto done) { m_rig->flows.testConnection(m_baseId, c, done); });
    QVERIFY(!test.second);
    QVERIFY(test.first);

    const auto tables =
        test::await<QList<ExploreTable>>([&](QObject *c, auto done) { m_rig->flows.exploreRoot(m_baseId, c, done); });
    QVERIFY2(!tables.second, qPrintable(tables.second.message));
    QStringList paths;
    for (const ExploreTable &t : tables.first) {
        paths << t.path;
        QVERIFY(!t.name.isEmpty());
        QVERIFY(t.canPreview);
    }
    QVERIFY2(paths.contains("Leads") && paths.contains("Contacts"), qPrintable(paths.join(',')));

    const auto columns = test::await<QList<QJsonObject>>(
        [&](QObject *c, auto done) { m_rig->flows.exploreTable(m_baseId, QStringLiteral("Leads"), c, done); });
    QVERIFY2(!columns.second, qPrintable(columns.second.message));
    QHash<QString, catalogue::Column> byName;
    for (const catalogue::Column &c : catalogue::Column::listFromJson(columns.first))
        byName.insert(c.name, c);
    QVERIFY(byName.contains("id"));
    QVERIFY(byName.contains("Email"));
    QCOMPARE(byName.value("Email").xdmType, QStringLiteral("string"));
    QCOMPARE(byName.value("Modified_Time").xdmFormat, QStringLiteral("date-time"));
    QCOMPARE(byName.value("Email").raw.value("name").toString(), QStringLiteral("Email"));
    m_leadColumns = catalogue::Column::listFromJson(columns.first);

    const auto preview = test::await<ExplorePreview>(
        [&](QObject *c, auto done) { m_rig->flows.preview(m_baseId, QStringLiteral("Leads"), 5, c, done); });
    QVERIFY2(!preview.second, qPrintable(preview.second.message));
    QCOMPARE(preview.first.rows.size(), 5);
    QCOMPARE(preview.first.columns.size(), columns.first.size());
    QVERIFY(!preview.first.rows.first().value("id").toString().isEmpty());

    const auto many = test::await<ExplorePreview>(
        [&](QObject *c, auto done) { m_rig->flows.preview(m_baseId, QStringLiteral("Leads"), 5000, c, done); });
    QVERIFY2(!many.second, qPrintable(many.second.message));
    QVERIFY(many.first.rows.size() > 5);
    QVERIFY(many.first.rows.size() <= FlowServiceClient::kMaxPreviewRows);

    const auto unknown = test::await<QList<QJsonObject>>(
        [&](QObject *c, auto done) { m_rig->flows.exploreTable(m_baseId, QStringLiteral("No_Such_Module"), c, done); });
    QCOMPARE(unknown.second.category, net::ErrorCategory::Input);
    QCOMPARE(unknown.second.httpStatus, 404);
}

void TestAdobeFlowService::exploreWithDeadZohoTokensShowsAepMessage()
{
    ZohoAuthParams dead = m_zoho;
    dead.accessToken = QStringLiteral("1000.revoked.access");
    dead.refreshToken = QStringLiteral("1000.revoked.refresh");
    const CreatedObject base = createConnection(QStringLiteral("Zoho CRM – dead"), dead);
    const auto tables =
        test::await<QList<ExploreTable>>([&](QObject *c, auto done) { m_rig->flows.exploreRoot(base.id, c, done); });
    QCOMPARE(tables.second.category, net::ErrorCategory::Input);
    QCOMPARE(tables.second.code, QStringLiteral("1200-400"));
    QVERIFY2(tables.second.message.contains("Unable to connect to Zoho CRM"), qPrintable(tables.second.message));
    QVERIFY2(tables.second.message.contains("sign in to Zoho again"), qPrintable(tables.second.message));
    // A bad parameter is not blamed on the credentials.
    const auto noTable = test::await<QList<QJsonObject>>(
        [&](QObject *c, auto done) { m_rig->flows.exploreTable(base.id, QString(), c, done); });
    QCOMPARE(noTable.second.code, QStringLiteral("1337-400"));
    QVERIFY2(!noTable.second.message.contains("sign in to Zoho again"), qPrintable(noTable.second.message));
}

TestAdobeFlowService::Parts TestAdobeFlowService::buildParts(const QString &title)
{
    Parts parts;
    const auto tenant = test::await<QString>([&](QObject *c, auto done) { m_rig->schemas.tenantId(c, done); });
    if (tenant.second)
        qWarning("tenant: %s", qPrintable(tenant.second.message));
    const QString tenantField = QLatin1Char('_') + tenant.first;
    const QJsonObject schemaBody{
        {"type", "object"},
        {"title", title},
        {"allOf", QJsonArray{QJsonObject{{"$ref", "https://ns.adobe.com/xdm/context/profile"}},
                             QJsonObject{{"$ref", "https://ns.adobe.com/xdm/context/profile-person-details"}},
                             QJsonObject{{"$ref", "https://ns.adobe.com/xdm/context/profile-personal-details"}}}},
        {"properties",
         QJsonObject{
             {tenantField, QJsonObject{{"type", "object"},
                                       {"properties", QJsonObject{{"zohoId", QJsonObject{{"type", "string"}}}}}}}}},
        {"meta:class", "https://ns.adobe.com/xdm/context/profile"}};
    const auto schema =
        test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->schemas.createSchema(schemaBody, c, done); });
    if (schema.second)
        qWarning("schema: %s", qPrintable(schema.second.message));
    parts.schemaId = schema.first.value("$id").toString();

    const auto dataSet = test::await<QString>([&](QObject *c, auto done) {
        m_rig->catalog.createDataSet(CatalogClient::dataSetBody(title + " dataset", parts.schemaId), c, done);
    });
    parts.dataSetId = dataSet.first;

    const QJsonArray mappings{DataPrepClient::mapping("Email", "personalEmail.address"),
                              DataPrepClient::mapping("Last_Name", "person.name.lastName"),
                              DataPrepClient::mapping("id", tenantField + ".zohoId")};
    const auto mappingSet = test::await<MappingSetInfo>([&](QObject *c, auto done) {
        m_rig->prep.createMappingSet(DataPrepClient::mappingSetBody(parts.schemaId, mappings), c, done);
    });
    if (mappingSet.second)
        qWarning("mapping set: %s", qPrintable(mappingSet.second.message));
    parts.mappingId = mappingSet.first.id;

    QJsonArray columns;
    for (const catalogue::Column &c : std::as_const(m_leadColumns))
        columns.append(c.raw);
    const QJsonObject sourceBody{{"name", title + " source"},
                                 {"baseConnectionId", m_baseId},
                                 {"data", QJsonObject{{"format", "tabular"}}},
                                 {"params", QJsonObject{{"tableName", "Leads"}, {"columns", columns}}},
                                 {"connectionSpec", QJsonObject{{"id", kZohoSpec}, {"version", "1.0"}}}};
    const auto source = test::await<CreatedObject>(
        [&](QObject *c, auto done) { m_rig->flows.createSourceConnection(sourceBody, c, done); });
    if (source.second)
        qWarning("source: %s", qPrintable(source.second.message));
    parts.sourceId = source.first.id;

    const QJsonObject targetBody{
        {"name", title + " target"},
        {"data", QJsonObject{{"format", "parquet_xdm"},
                             {"schema", QJsonObject{{"id", parts.schemaId},
                                                    {"version", "application/vnd.adobe.xed-full+json;version=1"}}}}},
        {"params", QJsonObject{{"dataSetId", parts.dataSetId}}},
        {"connectionSpec",
         QJsonObject{{"id", QLatin1String(FlowServiceClient::kDataLakeConnectionSpecId)}, {"version", "1.0"}}}};
    const auto target = test::await<CreatedObject>(
        [&](QObject *c, auto done) { m_rig->flows.createTargetConnection(targetBody, c, done); });
    if (target.second)
        qWarning("target: %s", qPrintable(target.second.message));
    parts.targetId = target.first.id;
    return parts;
}

QJsonObject TestAdobeFlowService::flowBody(const Parts &parts, const QJsonObject &schedule,
                                           const QJsonArray &extraTransformations)
{
    QJsonArray transformations = extraTransformations;
    transformations.append(QJsonObject{{"name", "Mapping"},
                                       {"params", QJsonObject{{"mappingId", parts.mappingId}, {"mappingVersion", 0}}}});
    return QJsonObject{
        {"name", "Zoho Leads dataflow"},
        {"flowSpec", QJsonObject{{"id", QLatin1String(FlowServiceClient::kCrmFlowSpecId)}, {"version", "1.0"}}},
        {"sourceConnectionIds", QJsonArray{parts.sourceId}},
        {"targetConnectionIds", QJsonArray{parts.targetId}},
        {"transformations", transformations},
        {"scheduleParams", schedule}};
}

void TestAdobeFlowService::wholeDataflow()
{
    QVERIFY(!m_baseId.isEmpty());
    const Parts parts = buildParts(QStringLiteral("Zoho Leads flow"));
    QVERIFY(!parts.sourceId.isEmpty() && !parts.targetId.isEmpty() && !parts.mappingId.isEmpty());

    const auto source = test::await<QJsonObject>(
        [&](QObject *c, auto done) { m_rig->flows.sourceConnection(parts.sourceId, c, done); });
    QCOMPARE(source.first.value("baseConnectionId").toString(), m_baseId);
    const auto sources = test::await<QList<QJsonObject>>([&](QObject *c, auto done) {
        m_rig->flows.sourceConnections({FlowServiceClient::propertyEquals("baseConnectionId", m_baseId)}, c, done);
    });
    QCOMPARE(sources.first.size(), 1);
    const auto target = test::await<QJsonObject>(
        [&](QObject *c, auto done) { m_rig->flows.targetConnection(parts.targetId, c, done); });
    QCOMPARE(target.first.value("params").toObject().value("dataSetId").toString(), parts.dataSetId);
    const auto targets =
        test::await<QList<QJsonObject>>([&](QObject *c, auto done) { m_rig->flows.targetConnections({}, c, done); });
    QVERIFY(!targets.first.isEmpty());

    const QJsonObject once{{"startTime", QDateTime::currentSecsSinceEpoch() + 600}, {"frequency", "once"}};
    const auto flow = test::await<CreatedObject>(
        [&](QObject *c, auto done) { m_rig->flows.createFlow(flowBody(parts, once), c, done); });
    QVERIFY2(!flow.second, qPrintable(flow.second.message));
    const QString flowId = flow.first.id;

    const auto listed = test::await<QList<QJsonObject>>([&](QObject *c, auto done) {
        m_rig->flows.flows({QStringLiteral("sourceConnectionIds==%1").arg(parts.sourceId)}, c, done);
    });
    QCOMPARE(listed.first.size(), 1);
    QCOMPARE(listed.first.first().value("id").toString(), flowId);

    // A run, started through the sandbox's control route, is listed for the flow.
    const HttpResult run =
        m_fixture->http.send("POST", m_fixture->url(QStringLiteral("/_sandbox/adobe/flows/%1/run").arg(flowId)));
    QCOMPARE(run.status, 201);
    const auto runs =
        test::await<QList<QJsonObject>>([&](QObject *c, auto done) { m_rig->flows.runs(flowId, c, done); });
    QVERIFY2(!runs.second, qPrintable(runs.second.message));
    QCOMPARE(runs.first.size(), 1);
    QCOMPARE(runs.first.first().value("flowId").toString(), flowId);

    // Disable, rename with the etag of the action's answer, enable.
    const auto disabled =
        test::await<CreatedObject>([&](QObject *c, auto done) { m_rig->flows.setFlowEnabled(flowId, false, c, done); });
    QVERIFY2(!disabled.second, qPrintable(disabled.second.message));
    const auto got = test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.flow(flowId, c, done); });
    QCOMPARE(got.first.value("state").toString(), QStringLiteral("disabled"));
    QCOMPARE(got.first.value("etag").toString(), disabled.first.etag);
    const auto renamed = test::await<CreatedObject>([&](QObject *c, auto done) {
        m_rig->flows.patchFlow(flowId, disabled.first.etag,
                               {FlowServiceClient::patchOperation("replace", "/name", "Leads (renamed)")}, c, done);
    });
    QVERIFY2(!renamed.second, qPrintable(renamed.second.message));
    const auto stale = test::await<CreatedObject>([&](QObject *c, auto done) {
        m_rig->flows.patchFlow(flowId, disabled.first.etag,
                               {FlowServiceClient::patchOperation("replace", "/name", "again")}, c, done);
    });
    QCOMPARE(stale.second.code, QStringLiteral("1404-412"));
    const auto enabled =
        test::await<CreatedObject>([&](QObject *c, auto done) { m_rig->flows.setFlowEnabled(flowId, true, c, done); });
    QVERIFY(!enabled.second);
    const auto again = test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.flow(flowId, c, done); });
    QCOMPARE(again.first.value("state").toString(), QStringLiteral("enabled"));
    QCOMPARE(again.first.value("name").toString(), QStringLiteral("Leads (renamed)"));

    // The base connection cannot go while a flow uses it; AEP says why.
    const net::Error inUse =
        test::awaitError([&](QObject *c, auto done) { m_rig->flows.deleteConnection(m_baseId, c, done); });
    QCOMPARE(inUse.category, net::ErrorCategory::Input);
    QCOMPARE(inUse.code, QStringLiteral("1418-400"));
    QCOMPARE(inUse.httpStatus, 400);
    QVERIFY2(inUse.message.contains("is being used in one or more flows"), qPrintable(inUse.message));
    QVERIFY2(inUse.message.contains("Delete the dataflows"), qPrintable(inUse.message));

    // The documented order: flow, source and target connections, then the base connection.
    QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_rig->flows.deleteFlow(flowId, c, done); }));
    QVERIFY(!test::awaitError(
        [&](QObject *c, auto done) { m_rig->flows.deleteSourceConnection(parts.sourceId, c, done); }));
    QVERIFY(!test::awaitError(
        [&](QObject *c, auto done) { m_rig->flows.deleteTargetConnection(parts.targetId, c, done); }));
    const auto flowGone = test::await<QJsonObject>([&](QObject *c, auto done) { m_rig->flows.flow(flowId, c, done); });
    QCOMPARE(flowGone.second.code, QStringLiteral("1439-404"));
    QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_rig->flows.deleteConnection(m_baseId, c, done); }));
    // Every create was sent once: a POST is never retried by the HTTP helper.
    QCOMPARE(m_fixture->countRequests("POST", "flowservice/flows$"), 1);
    m_baseId.clear();
}

void TestAdobeFlowService::scheduleErrorsReachTheCaller()
{
    const CreatedObject base = createConnection(QStringLiteral("Zoho CRM – schedules"), m_zoho);
    m_baseId = base.id;
    const Parts parts = buildParts(QStringLiteral("Zoho Leads schedules"));
    QVERIFY(!parts.sourceId.isEmpty());
    const qint64 later = QDateTime::currentSecsSinceEpoch() + 600;
    const QJsonArray copy{QJsonObject{
        {"name", "Copy"}, {"params", QJsonObject{{"deltaColumn", QJsonObject{{"name", "Modified_Time"}}}}}}};

    struct Case
    {
        QJsonObject schedule;
        QJsonArray transformations;
        QString code;
        QString said;
    };
    const QList<Case> cases = {
        {QJsonObject{{"startTime", later}, {"frequency", "once"}}, copy, "1369-400", "delta column is not allowed"},
        {QJsonObject{{"startTime", later}, {"frequency", "minute"}, {"interval", 5}}, copy, "1362-400", "at least 15"},
        {QJsonObject{{"startTime", later}, {"frequency", "hour"}, {"interval", 1}},
         {},
         "1367-400",
         "delta column is required"},
        {QJsonObject{{"startTime", later - 7200}, {"frequency", "once"}}, {}, "1360-400", "is in the past"},
        {QJsonObject{{"startTime", later}, {"frequency", "once"}, {"interval", 1}},
         {},
         "1361-400",
         "interval is not allowed"},
    };
    for (const Case &c : cases) {
        const auto flow = test::await<CreatedObject>([&](QObject *ctx, auto done) {
            m_rig->flows.createFlow(flowBody(parts, c.schedule, c.transformations), ctx, done);
        });
        QCOMPARE(flow.second.code, c.code);
        QCOMPARE(flow.second.category, net::ErrorCategory::Input);
        QCOMPARE(flow.second.httpStatus, 400);
        QVERIFY2(flow.second.message.contains(c.said), qPrintable(flow.second.message));
        QVERIFY2(flow.second.message.contains(c.code), qPrintable(flow.second.message));
    }
    const auto flows = test::await<QList<QJsonObject>>([&](QObject *c, auto done) { m_rig->flows.flows({}, c, done); });
    QVERIFY(flows.first.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdobeFlowService)
#include "tst_adobe_flowservice.moc"
