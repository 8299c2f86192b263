// SPDX-License-Identifier: GPL-3.0-or-later
// The setup logic against the sandbox over real HTTP: the schema built from the Leads fields is
// accepted by Schema Registry, the mapping built from Leads' explore columns validates row by
// row, a dataflow made with the schedule rules' output is created, and a schedule the rules
// reject is refused by the sandbox with the same code.
#include "ConsentDriver.h"
#include "TestHttp.h"
#include "catalogue/Column.h"
#include "setup/MappingBuilder.h"
#include "setup/ScheduleRules.h"
#include "setup/XdmSchemaBuilder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using zaw::catalogue::Column;
using zaw::setup::MappingBuilder;
using zaw::setup::MappingRow;
using zaw::setup::Schedule;
using zaw::setup::ScheduleRules;
using zaw::setup::XdmSchemaBuilder;
using zaw::setup::XdmSchemaResult;
using zaw::test::HttpResult;
using zaw::zoho::ZohoField;

namespace {

const QString kZohoSpec = u"929e4450-0237-4ed2-9404-b7e1e0a00309"_s;
const QString kDataLakeSpec = u"c604ff05-7f1a-43c0-8e18-33bf874cb11c"_s;
const QString kCrmFlowSpec = u"14518937-270c-4525-bdec-c2ba7cce3860"_s;
const QString kScopes = u"ZohoCRM.modules.READ,ZohoCRM.settings.READ,ZohoCRM.users.READ,ZohoCRM.org.READ"_s;

using Headers = QList<QPair<QByteArray, QByteArray>>;

QString dump(const HttpResult &r)
{
    return u"HTTP %1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(2000)));
}

qint64 asSeconds(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

} // namespace

class TestSetupSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void schemaFromLeadsFieldsIsAccepted();
    void mappingFromExploreColumnsValidates();
    void hourlyDataflowIsCreated();
    void rejectedSchedulesAgree_data();
    void rejectedSchedulesAgree();
    void clientIsAtLeastAsStrictAsTheSandbox();

private:
    QUrl platform(const QString &path, const QString &query = {}) const;
    HttpResult call(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                    const QString &query = {});
    QJsonObject flowBody(const QString &name, const Schedule &schedule) const;

    std::unique_ptr<zaw::test::SandboxFixture> m_fixture;
    Headers m_headers;
    QString m_baseId;
    QList<ZohoField> m_leadsFields;
    QList<Column> m_leadsColumns;
    XdmSchemaResult m_schema;
    QString m_schemaId;
    QString m_mappingId;
    int m_mappingVersion = -1;
    QString m_sourceId;
    QString m_targetId;
};

QUrl TestSetupSandbox::platform(const QString &path, const QString &query) const
{
    QUrl url = m_fixture->server().url();
    url.setPath(u"/adobe/platform/data/foundation"_s + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::TolerantMode);
    return url;
}

HttpResult TestSetupSandbox::call(const QByteArray &method, const QString &path, const QJsonValue &body,
                                  const QString &query)
{
    Headers headers = m_headers;
    QByteArray payload;
    if (body.isObject() || body.isArray()) {
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        payload = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    return m_fixture->http.send(method, platform(path, query), headers, payload);
}

QJsonObject TestSetupSandbox::flowBody(const QString &name, const Schedule &schedule) const
{
    return QJsonObject{
        {u"name"_s, name},
        {u"description"_s, u"Leads from Zoho CRM"_s},
        {u"flowSpec"_s, QJsonObject{{u"id"_s, kCrmFlowSpec}, {u"version"_s, u"1.0"_s}}},
        {u"sourceConnectionIds"_s, QJsonArray{m_sourceId}},
        {u"targetConnectionIds"_s, QJsonArray{m_targetId}},
        {u"transformations"_s, ScheduleRules::toTransformations(schedule, m_mappingId, m_mappingVersion)},
        {u"scheduleParams"_s, ScheduleRules::toScheduleParams(schedule)}};
}

void TestSetupSandbox::initTestCase()
{
    zaw::sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    m_fixture = std::make_unique<zaw::test::SandboxFixture>(options);
    const QJsonObject adobe = m_fixture->credentials().value(u"adobe"_s).toObject();
    const QJsonObject zoho = m_fixture->credentials().value(u"zoho"_s).toObject();

    // Adobe: an IMS token and the four gateway headers.
    QUrlQuery ims;
    ims.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    ims.addQueryItem(u"client_id"_s, adobe.value(u"clientId"_s).toString());
    ims.addQueryItem(u"client_secret"_s, adobe.value(u"clientSecret"_s).toString());
    ims.addQueryItem(u"scope"_s, u"openid,AdobeID,read_organizations"_s);
    const HttpResult token = m_fixture->http.postForm(m_fixture->url(u"/adobe/ims/ims/token/v3"_s), ims);
    QVERIFY2(token.status == 200, qPrintable(dump(token)));
    m_headers = {{"Authorization", "Bearer " + token.object().value(u"access_token"_s).toString().toLatin1()},
                 {"x-api-key", adobe.value(u"clientId"_s).toString().toLatin1()},
                 {"x-gw-ims-org-id", adobe.value(u"orgId"_s).toString().toLatin1()},
                 {"x-sandbox-name", "prod"}};

    // Zoho: consent as the demo user, then the code exchange.
    const QString redirectUri = zoho.value(u"redirectUri"_s).toString();
    QUrlQuery auth;
    auth.addQueryItem(u"client_id"_s, zoho.value(u"clientId"_s).toString());
    auth.addQueryItem(u"response_type"_s, u"code"_s);
    auth.addQueryItem(u"redirect_uri"_s, redirectUri);
    auth.addQueryItem(u"scope"_s, kScopes);
    auth.addQueryItem(u"access_type"_s, u"offline"_s);
    auth.addQueryItem(u"prompt"_s, u"consent"_s);
    auth.addQueryItem(u"state"_s, u"setup-test"_s);
    QUrl authUrl = m_fixture->url(u"/zoho/us/accounts/oauth/v2/auth"_s);
    authUrl.setQuery(auth);
    const zaw::test::ConsentOutcome consent =
        zaw::test::runConsent(m_fixture->http, authUrl, u"ana.lima@example.com"_s);
    QVERIFY2(consent.status == 302, consent.page.left(500).constData());
    const QUrlQuery back(consent.redirect);
    const QString accountsServer = back.queryItemValue(u"accounts-server"_s, QUrl::FullyDecoded);
    QUrlQuery exchange;
    exchange.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
    exchange.addQueryItem(u"client_id"_s, zoho.value(u"clientId"_s).toString());
    exchange.addQueryItem(u"client_secret"_s, zoho.value(u"clientSecret"_s).toString());
    exchange.addQueryItem(u"redirect_uri"_s, redirectUri);
    exchange.addQueryItem(u"code"_s, back.queryItemValue(u"code"_s, QUrl::FullyDecoded));
    const HttpResult tokens = m_fixture->http.postForm(QUrl(accountsServer + u"/oauth/v2/token"_s), exchange);
    const QString accessToken = tokens.object().value(u"access_token"_s).toString();
    const QString apiDomain = tokens.object().value(u"api_domain"_s).toString();
    QVERIFY2(!accessToken.isEmpty(), qPrintable(dump(tokens)));

    // The Leads fields as Zoho describes them, read into ZohoField the way ZohoCrmClient does.
    QUrl fieldsUrl(apiDomain + u"/crm/v8/settings/fields"_s);
    fieldsUrl.setQuery(u"module=Leads"_s);
    const HttpResult fields =
        m_fixture->http.get(fieldsUrl, {{"Authorization", "Zoho-oauthtoken " + accessToken.toLatin1()}});
    QVERIFY2(fields.status == 200, qPrintable(dump(fields)));
    for (const QJsonValue &v : fields.object().value(u"fields"_s).toArray()) {
        const QJsonObject f = v.toObject();
        ZohoField field;
        field.apiName = f.value(u"api_name"_s).toString();
        field.label = f.value(u"field_label"_s).toString();
        field.dataType = f.value(u"data_type"_s).toString();
        field.jsonType = f.value(u"json_type"_s).toString();
        field.custom = f.value(u"custom_field"_s).toBool();
        field.readOnly = f.value(u"read_only"_s).toBool();
        field.raw = f;
        m_leadsFields.append(field);
    }
    QVERIFY(m_leadsFields.size() > 20);

    // The AEP base connection with those Zoho credentials, and Leads as explore sees it.
    const QJsonObject connection{
        {u"name"_s, u"Zoho CRM (setup test)"_s},
        {u"auth"_s,
         QJsonObject{{u"specName"_s, u"Basic Authentication"_s},
                     {u"params"_s, QJsonObject{{u"endpoint"_s, apiDomain},
                                               {u"accountsUrl"_s, accountsServer},
                                               {u"clientId"_s, zoho.value(u"clientId"_s)},
                                               {u"clientSecret"_s, zoho.value(u"clientSecret"_s)},
                                               {u"accessToken"_s, accessToken},
                                               {u"refreshToken"_s, tokens.object().value(u"refresh_token"_s)}}}}},
        {u"connectionSpec"_s, QJsonObject{{u"id"_s, kZohoSpec}, {u"version"_s, u"1.0"_s}}}};
    const HttpResult base = call("POST", u"/flowservice/connections"_s, connection);
    QVERIFY2(base.status == 201, qPrintable(dump(base)));
    m_baseId = base.object().value(u"id"_s).toString();
    const HttpResult explore =
        call("GET", u"/flowservice/connections/%1/explore"_s.arg(m_baseId), {}, u"objectType=table&object=Leads"_s);
    QVERIFY2(explore.status == 200, qPrintable(dump(explore)));
    m_leadsColumns = Column::listFromJson(explore.json());
    QVERIFY(m_leadsColumns.size() > 20);
}

void TestSetupSandbox::schemaFromLeadsFieldsIsAccepted()
{
    // The tenant comes from Schema Registry, as the wizard gets it.
    const HttpResult stats = call("GET", u"/schemaregistry/stats"_s);
    QVERIFY2(stats.status == 200, qPrintable(dump(stats)));
    const QString tenantId = stats.object().value(u"tenantId"_s).toString();
    QVERIFY(!tenantId.isEmpty());

    m_schema = XdmSchemaBuilder(tenantId).build(u"Leads"_s, m_leadsFields);
    QVERIFY(m_schema.skipped.isEmpty()); // the sandbox's Leads use no skipped type
    QCOMPARE(m_schema.identity.xdmPath, u"personalEmail.address"_s);
    QCOMPARE(m_schema.identity.namespaceCode, u"Email"_s);

    const HttpResult created = call("POST", u"/schemaregistry/tenant/schemas"_s, m_schema.schema);
    QVERIFY2(created.status == 201, qPrintable(dump(created)));
    m_schemaId = created.object().value(u"$id"_s).toString();
    QVERIFY(m_schemaId.startsWith(u"https://ns.adobe.com/%1/schemas/"_s.arg(tenantId)));
    QCOMPARE(created.object().value(u"meta:class"_s).toString(), XdmSchemaBuilder::kProfileClass);
    QCOMPARE(created.object().value(u"title"_s).toString(), u"Zoho CRM Leads"_s);

    // The same title a second time is refused (why the builder lets the caller choose one).
    const HttpResult again = call("POST", u"/schemaregistry/tenant/schemas"_s, m_schema.schema);
    QCOMPARE(again.status, 400);
}

void TestSetupSandbox::mappingFromExploreColumnsValidates()
{
    QVERIFY(!m_schemaId.isEmpty());
    MappingBuilder builder(m_schemaId);
    builder.propose(m_schema.fields, m_leadsColumns);
    QVERIFY(builder.problems().isEmpty());
    // Every column of Leads found its field in the schema.
    for (const MappingRow &row : builder.rows())
        QVERIFY2(row.enabled && !row.destination.isEmpty(), qPrintable(row.source));
    const QJsonObject body = builder.toMappingSetBody();
    const int count = int(body.value(u"mappings"_s).toArray().size());
    int lookups = 0; // a lookup column fills two fields, {id, name}
    for (const Column &c : std::as_const(m_leadsColumns))
        lookups += c.type == u"object"_s ? 1 : 0;
    QVERIFY(lookups > 0);
    QCOMPARE(count, int(m_leadsColumns.size()) + lookups);

    HttpResult r = call("POST", u"/conversion/mappingSets/validate"_s, body);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QJsonArray results = r.object().value(u"validationResponse"_s).toArray();
    QCOMPARE(results.size(), count);
    for (int i = 0; i < count; ++i) {
        const QJsonObject result = results.at(i).toObject();
        QVERIFY2(result.value(u"status"_s).toString() == u"SUCCESS"_s,
                 qPrintable(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) +
                            builder.effectiveRows().at(i).destination));
    }

    // The check is real: a destination the schema lacks fails on exactly that row.
    MappingBuilder broken(m_schemaId);
    broken.propose(m_schema.fields, m_leadsColumns);
    broken.setDestination(1, u"person.noSuchField"_s);
    r = call("POST", u"/conversion/mappingSets/validate"_s, broken.toMappingSetBody());
    results = r.object().value(u"validationResponse"_s).toArray();
    QCOMPARE(results.at(1).toObject().value(u"status"_s).toString(), u"FAILED"_s);
    QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"SUCCESS"_s);

    r = call("POST", u"/conversion/mappingSets"_s, body);
    QCOMPARE(r.status, 200); // Data Prep answers a create with 200
    m_mappingId = r.object().value(u"id"_s).toString();
    m_mappingVersion = r.object().value(u"version"_s).toInt(-1);
    QVERIFY(!m_mappingId.isEmpty());
    QCOMPARE(m_mappingVersion, 0);
}

void TestSetupSandbox::hourlyDataflowIsCreated()
{
    QVERIFY(!m_mappingId.isEmpty());
    // Dataset on the new schema, source connection on Leads, target connection to the dataset.
    HttpResult r =
        call("POST", u"/catalog/dataSets"_s,
             QJsonObject{{u"name"_s, u"Zoho CRM Leads"_s},
                         {u"schemaRef"_s,
                          QJsonObject{{u"id"_s, m_schemaId},
                                      {u"contentType"_s, u"application/vnd.adobe.xed-full-notext+json; version=1"_s}}}},
             u"requestDataSource=true"_s);
    QVERIFY2(r.status == 201, qPrintable(dump(r)));
    const QString dataSetId = r.json().toArray().first().toString().section(u'/', -1);
    QJsonArray columns;
    for (const Column &c : std::as_const(m_leadsColumns))
        columns.append(QJsonObject{{u"name"_s, c.name}, {u"type"_s, c.type}});
    r = call("POST", u"/flowservice/sourceConnections"_s,
             QJsonObject{{u"name"_s, u"Zoho CRM Leads source"_s},
                         {u"baseConnectionId"_s, m_baseId},
                         {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
                         {u"params"_s, QJsonObject{{u"tableName"_s, u"Leads"_s}, {u"columns"_s, columns}}},
                         {u"connectionSpec"_s, QJsonObject{{u"id"_s, kZohoSpec}, {u"version"_s, u"1.0"_s}}}});
    QVERIFY2(r.status == 201, qPrintable(dump(r)));
    m_sourceId = r.object().value(u"id"_s).toString();
    r = call("POST", u"/flowservice/targetConnections"_s,
             QJsonObject{{u"name"_s, u"Zoho CRM Leads target"_s},
                         {u"data"_s,
                          QJsonObject{{u"format"_s, u"parquet_xdm"_s},
                                      {u"schema"_s, QJsonObject{{u"id"_s, m_schemaId},
                                                                {u"version"_s, MappingBuilder::kOutputContentType}}}}},
                         {u"params"_s, QJsonObject{{u"dataSetId"_s, dataSetId}}},
                         {u"connectionSpec"_s, QJsonObject{{u"id"_s, kDataLakeSpec}, {u"version"_s, u"1.0"_s}}}});
    QVERIFY2(r.status == 201, qPrintable(dump(r)));
    m_targetId = r.object().value(u"id"_s).toString();

    // The schedule as the form would fill it: hourly, incremental by the default delta column.
    const QStringList dateTimeColumns = ScheduleRules::dateTimeColumns(m_leadsColumns);
    Schedule schedule;
    schedule.frequency = u"hour"_s;
    schedule.interval = 1;
    schedule.backfill = true;
    schedule.start = QDateTime::currentDateTimeUtc().addSecs(120);
    schedule.deltaColumn = ScheduleRules::defaultDeltaColumn(m_leadsColumns);
    QCOMPARE(schedule.deltaColumn, u"Modified_Time"_s);
    QVERIFY(ScheduleRules::validate(schedule, QDateTime::currentDateTimeUtc(), dateTimeColumns).isEmpty());

    r = call("POST", u"/flowservice/flows"_s, flowBody(u"Zoho CRM Leads hourly"_s, schedule));
    QVERIFY2(r.status == 201, qPrintable(dump(r)));
    const QString flowId = r.object().value(u"id"_s).toString();
    r = call("GET", u"/flowservice/flows/"_s + flowId);
    QCOMPARE(r.status, 200);
    const QJsonObject flow = r.object().value(u"items"_s).toArray().first().toObject();
    const QJsonObject stored = flow.value(u"scheduleParams"_s).toObject();
    QCOMPARE(asSeconds(stored.value(u"startTime"_s)), schedule.start.toSecsSinceEpoch());
    QCOMPARE(stored.value(u"frequency"_s).toString(), u"hour"_s);

    // A once flow, rendered without interval, backfill and Copy, is accepted too.
    Schedule once;
    once.start = QDateTime::currentDateTimeUtc().addSecs(120);
    QVERIFY(ScheduleRules::validate(once, QDateTime::currentDateTimeUtc(), dateTimeColumns).isEmpty());
    r = call("POST", u"/flowservice/flows"_s, flowBody(u"Zoho CRM Leads once"_s, once));
    QVERIFY2(r.status == 201, qPrintable(dump(r)));
}

void TestSetupSandbox::rejectedSchedulesAgree_data()
{
    QTest::addColumn<QString>("frequency");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("startOffset");
    QTest::addColumn<QString>("deltaColumn");
    QTest::addColumn<QString>("code");

    QTest::newRow("minute 10") << u"minute"_s << 10 << 600 << u"Modified_Time"_s << u"1362-400"_s;
    QTest::newRow("minute 14") << u"minute"_s << 14 << 600 << u"Modified_Time"_s << u"1362-400"_s;
    QTest::newRow("hour 0") << u"hour"_s << 0 << 600 << u"Modified_Time"_s << u"1362-400"_s;
    QTest::newRow("day without delta column") << u"day"_s << 1 << 600 << QString() << u"1367-400"_s;
    QTest::newRow("start ten minutes ago") << u"hour"_s << 1 << -600 << u"Modified_Time"_s << u"1360-400"_s;
    QTest::newRow("unknown frequency") << u"fortnight"_s << 1 << 600 << u"Modified_Time"_s << u"1397-400"_s;
}

void TestSetupSandbox::rejectedSchedulesAgree()
{
    QFETCH(QString, frequency);
    QFETCH(int, interval);
    QFETCH(int, startOffset);
    QFETCH(QString, deltaColumn);
    QFETCH(QString, code);
    QVERIFY(!m_targetId.isEmpty());

    Schedule schedule;
    schedule.frequency = frequency;
    schedule.interval = interval;
    schedule.start = QDateTime::currentDateTimeUtc().addSecs(startOffset);
    schedule.deltaColumn = deltaColumn;
    const auto problems = ScheduleRules::validate(schedule, QDateTime::currentDateTimeUtc(),
                                                  ScheduleRules::dateTimeColumns(m_leadsColumns));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code, code);

    const HttpResult r = call("POST", u"/flowservice/flows"_s, flowBody(u"Refused %1"_s.arg(frequency), schedule));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(u"type"_s).toString(), u"https://ns.adobe.com/aep/errors/FLOW-"_s + code);
}

void TestSetupSandbox::clientIsAtLeastAsStrictAsTheSandbox()
{
    // Within the sandbox's 60 s grace the client already says no: whatever the form lets
    // through, the service accepts.
    QVERIFY(!m_targetId.isEmpty());
    Schedule schedule;
    schedule.frequency = u"hour"_s;
    schedule.interval = 1;
    schedule.deltaColumn = u"Modified_Time"_s;
    schedule.start = QDateTime::currentDateTimeUtc().addSecs(-20);
    const auto problems = ScheduleRules::validate(schedule, QDateTime::currentDateTimeUtc());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().code, u"1360-400"_s);
    const HttpResult r = call("POST", u"/flowservice/flows"_s, flowBody(u"Within the grace"_s, schedule));
    QVERIFY2(r.status == 201, qPrintable(dump(r)));

    // minute 15 is the smallest interval both accept.
    schedule.frequency = u"minute"_s;
    schedule.interval = 15;
    schedule.start = QDateTime::currentDateTimeUtc().addSecs(300);
    QVERIFY(ScheduleRules::validate(schedule, QDateTime::currentDateTimeUtc()).isEmpty());
    QCOMPARE(call("POST", u"/flowservice/flows"_s, flowBody(u"Every quarter hour"_s, schedule)).status, 201);
}

QTEST_GUILESS_MAIN(TestSetupSandbox)
#include "tst_setup_sandbox.moc"
