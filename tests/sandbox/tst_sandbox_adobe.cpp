// SPDX-License-Identifier: GPL-3.0-or-later
// The Adobe side of the sandbox (IMS + Platform APIs) over real HTTP, with real Zoho credentials
// obtained from the sandbox's own consent page.
#include "TestHttp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using zaw::test::HttpResult;

namespace {

const QString kZohoSpec = u"929e4450-0237-4ed2-9404-b7e1e0a00309"_s;
const QString kDataLakeSpec = u"c604ff05-7f1a-43c0-8e18-33bf874cb11c"_s;
const QString kCrmFlowSpec = u"14518937-270c-4525-bdec-c2ba7cce3860"_s;
const QString kCloudStorageFlowSpec = u"9753525b-82c7-4dce-8a9b-5ccfce2b9876"_s;
const QString kProfileClass = u"https://ns.adobe.com/xdm/context/profile"_s;
const QString kScopes = u"ZohoCRM.modules.READ,ZohoCRM.settings.READ,ZohoCRM.users.READ,ZohoCRM.org.READ"_s;

using Headers = QList<QPair<QByteArray, QByteArray>>;

// The four gateway headers every Platform call carries, with helpers to drop or change one.
class AepHeaders
{
public:
    AepHeaders() = default;
    AepHeaders(const QString &token, const QString &apiKey, const QString &org, const QString &sandbox)
    {
        set("Authorization", "Bearer " + token.toLatin1());
        set("x-api-key", apiKey.toLatin1());
        set("x-gw-ims-org-id", org.toLatin1());
        set("x-sandbox-name", sandbox.toLatin1());
    }

    AepHeaders &set(const QByteArray &name, const QByteArray &value)
    {
        remove(name);
        m_headers.append({name, value});
        return *this;
    }

    AepHeaders &remove(const QByteArray &name)
    {
        m_headers.erase(std::remove_if(m_headers.begin(), m_headers.end(),
                                       [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; }),
                        m_headers.end());
        return *this;
    }

    AepHeaders with(const QByteArray &name, const QByteArray &value) const
    {
        AepHeaders copy = *this;
        copy.set(name, value);
        return copy;
    }

    AepHeaders without(const QByteArray &name) const
    {
        AepHeaders copy = *this;
        copy.remove(name);
        return copy;
    }

    AepHeaders inSandbox(const QString &sandbox) const { return with("x-sandbox-name", sandbox.toLatin1()); }
    Headers list() const { return m_headers; }

private:
    Headers m_headers;
};

struct ZohoTokens
{
    QString accessToken;
    QString refreshToken;
    QString apiDomain;
    QString accountsServer;
    QString location;
};

QPair<QByteArray, QByteArray> jsonContentType()
{
    return qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
}

QString dump(const HttpResult &r)
{
    return u"HTTP %1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(1500)));
}

QString flowType(const HttpResult &r)
{
    return r.object().value(u"type"_s).toString();
}

QString detailedMessage(const HttpResult &r)
{
    return r.object().value(u"report"_s).toObject().value(u"detailed-message"_s).toString();
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

class TestSandboxAdobe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void imsIssuesTokens();
    void imsRejectsBadCredentials();
    void gatewayChecksHeadersInOrder();
    void gatewayRejectsExpiredToken();
    void sandboxManagementListsSandboxes();
    void connectionSpecs();
    void flowSpecs();
    void connectionCreateGetList();
    void connectionCreateValidation();
    void connectionPatchNeedsFreshEtag();
    void connectionTestReportsCredentials();
    void exploreWithRealCredentials();
    void exploreParameterErrors();
    void exploreWithWrongClientSecretFails();
    void exploreWithWrongDataCentreFails();
    void exploreRefreshesExpiredZohoToken();
    void schemaRegistry();
    void catalogDataSets();
    void sourceAndTargetConnectionValidation();
    void sourceAndTargetLifecycle();
    void mappingSets();
    void happyPathFlow();
    void flowScheduleRules_data();
    void flowScheduleRules();
    void flowAcceptsNumericStrings();
    void flowWithCloudStorageSpecIsRefused();
    void flowMappingMustMatchDataSetSchema();
    void flowPatch();
    void deleteBaseConnectionUsedByFlow();
    void enableDisable();
    void runsFromControlRoute();
    void scheduledRunsAppear();
    void objectsAreScopedToSandbox();
    void stateSurvivesRestart();

private:
    QUrl platform(const QString &path, const QString &query = {}) const;
    HttpResult call(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                    const AepHeaders *headers = nullptr, const QString &query = {});
    HttpResult get(const QString &path, const QString &query = {}) { return call("GET", path, {}, nullptr, query); }
    HttpResult post(const QString &path, const QJsonValue &body) { return call("POST", path, body); }
    HttpResult patch(const QString &path, const QJsonArray &body, const QByteArray &ifMatch);
    QString mintAdobeToken();
    ZohoTokens zohoSignIn(const QString &login, const QString &dc);
    QString refreshZohoAccessToken(const ZohoTokens &tokens);
    int zohoRecordCount(const QString &module);
    QJsonObject connectionBody(const ZohoTokens &tokens, const QString &name) const;
    QString createConnection(const QJsonObject &body, const AepHeaders *headers = nullptr);
    QString createSchema(const QString &title, const AepHeaders *headers = nullptr);
    QString createDataSet(const QString &schemaId, const QString &name, const AepHeaders *headers = nullptr);
    QString createSourceConnection(const QString &baseId, const QString &table);
    QString createTargetConnection(const QString &dataSetId, const QString &schemaId);
    QString createMappingSet(const QString &schemaId);
    QJsonObject flowBody(const QString &name) const;
    QString createFlow(const QJsonObject &body);
    QByteArray etagOf(const QString &path);

    std::unique_ptr<zaw::test::SandboxFixture> m_fixture;
    QJsonObject m_adobe;
    QJsonObject m_zoho;
    AepHeaders m_headers;
    ZohoTokens m_ana;
    QString m_baseId;
    // A complete target side in prod, shared by the flow tests.
    QString m_schemaId;
    QString m_dataSetId;
    QString m_sourceId;
    QString m_targetId;
    QString m_mappingId;
};

// ---- helpers ---------------------------------------------------------------------------------

QUrl TestSandboxAdobe::platform(const QString &path, const QString &query) const
{
    QUrl url = m_fixture->server().url();
    // Tolerant mode keeps percent-encoded IDs (schema $id) encoded, as a real client sends them.
    url.setPath(u"/adobe/platform/data/foundation"_s + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query, QUrl::TolerantMode);
    return url;
}

HttpResult TestSandboxAdobe::call(const QByteArray &method, const QString &path, const QJsonValue &body,
                                  const AepHeaders *headers, const QString &query)
{
    Headers h = (headers ? *headers : m_headers).list();
    QByteArray payload;
    if (!body.isUndefined() && !body.isNull()) {
        h.append(jsonContentType());
        payload = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    }
    return m_fixture->http.send(method, platform(path, query), h, payload);
}

HttpResult TestSandboxAdobe::patch(const QString &path, const QJsonArray &body, const QByteArray &ifMatch)
{
    AepHeaders h = m_headers;
    if (!ifMatch.isNull())
        h.set("If-Match", ifMatch);
    return call("PATCH", path, body, &h);
}

QString TestSandboxAdobe::mintAdobeToken()
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, m_adobe.value(u"clientId"_s).toString());
    form.addQueryItem(u"client_secret"_s, m_adobe.value(u"clientSecret"_s).toString());
    form.addQueryItem(u"scope"_s, u"openid,AdobeID,read_organizations"_s);
    const HttpResult r = m_fixture->http.postForm(m_fixture->url(u"/adobe/ims/ims/token/v3"_s), form);
    if (r.status != 200)
        qFatal("IMS token failed: %d", r.status);
    return r.object().value(u"access_token"_s).toString();
}

ZohoTokens TestSandboxAdobe::zohoSignIn(const QString &login, const QString &dc)
{
    ZohoTokens tokens;
    const QString redirectUri = m_zoho.value(u"redirectUri"_s).toString();
    const QString authPath = u"/zoho/%1/accounts/oauth/v2/auth"_s.arg(dc);
    QUrlQuery q;
    q.addQueryItem(u"client_id"_s, m_zoho.value(u"clientId"_s).toString());
    q.addQueryItem(u"response_type"_s, u"code"_s);
    q.addQueryItem(u"redirect_uri"_s, redirectUri);
    q.addQueryItem(u"scope"_s, kScopes);
    q.addQueryItem(u"access_type"_s, u"offline"_s);
    q.addQueryItem(u"prompt"_s, u"consent"_s);
    q.addQueryItem(u"state"_s, u"st4te"_s);
    QUrl authUrl = m_fixture->url(authPath);
    authUrl.setQuery(q);
    HttpResult page = m_fixture->http.get(authUrl);
    static const QRegularExpression txRe(u"name=\"tx\"[^>]*value=\"([^\"]+)\""_s);
    QString tx = txRe.match(QString::fromUtf8(page.body)).captured(1);
    if (page.status != 200 || tx.isEmpty()) {
        qWarning("consent page: %s", qPrintable(dump(page)));
        return tokens;
    }
    QUrlQuery form;
    form.addQueryItem(u"tx"_s, tx);
    form.addQueryItem(u"login"_s, login);
    page = m_fixture->http.postForm(m_fixture->url(authPath), form);
    const QString html = QString::fromUtf8(page.body);
    static const QRegularExpression orgRe(u"<option value=\"([^\"]+)\""_s);
    const QString org = orgRe.match(html).captured(1);
    QUrlQuery accept;
    accept.addQueryItem(u"tx"_s, txRe.match(html).captured(1));
    accept.addQueryItem(u"login"_s, login);
    if (!org.isEmpty())
        accept.addQueryItem(u"org"_s, org);
    accept.addQueryItem(u"decision"_s, u"accept"_s);
    page = m_fixture->http.postForm(m_fixture->url(authPath), accept);
    const QUrl location(QString::fromUtf8(page.header("Location")));
    const QUrlQuery back(location);
    const QString code = back.queryItemValue(u"code"_s, QUrl::FullyDecoded);
    tokens.location = back.queryItemValue(u"location"_s, QUrl::FullyDecoded);
    tokens.accountsServer = back.queryItemValue(u"accounts-server"_s, QUrl::FullyDecoded);
    if (page.status != 302 || code.isEmpty()) {
        qWarning("consent answer: %s", qPrintable(dump(page)));
        return tokens;
    }
    QUrlQuery exchange;
    exchange.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
    exchange.addQueryItem(u"client_id"_s, m_zoho.value(u"clientId"_s).toString());
    exchange.addQueryItem(u"client_secret"_s, m_zoho.value(u"clientSecret"_s).toString());
    exchange.addQueryItem(u"redirect_uri"_s, redirectUri);
    exchange.addQueryItem(u"code"_s, code);
    const HttpResult token = m_fixture->http.postForm(QUrl(tokens.accountsServer + u"/oauth/v2/token"_s), exchange);
    tokens.accessToken = token.object().value(u"access_token"_s).toString();
    tokens.refreshToken = token.object().value(u"refresh_token"_s).toString();
    tokens.apiDomain = token.object().value(u"api_domain"_s).toString();
    return tokens;
}

QString TestSandboxAdobe::refreshZohoAccessToken(const ZohoTokens &tokens)
{
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"refresh_token"_s);
    form.addQueryItem(u"client_id"_s, m_zoho.value(u"clientId"_s).toString());
    form.addQueryItem(u"client_secret"_s, m_zoho.value(u"clientSecret"_s).toString());
    form.addQueryItem(u"refresh_token"_s, tokens.refreshToken);
    const HttpResult r = m_fixture->http.postForm(QUrl(tokens.accountsServer + u"/oauth/v2/token"_s), form);
    return r.object().value(u"access_token"_s).toString();
}

// Counts a module's records directly on the Zoho side, the way any Zoho client would.
int TestSandboxAdobe::zohoRecordCount(const QString &module)
{
    const QString token = refreshZohoAccessToken(m_ana);
    int count = 0;
    for (int page = 1; page <= 10; ++page) {
        QUrl url(m_ana.apiDomain + u"/crm/v8/"_s + module);
        url.setQuery(u"fields=id&per_page=200&page=%1"_s.arg(page));
        const HttpResult r = m_fixture->http.get(url, {{"Authorization", "Zoho-oauthtoken " + token.toLatin1()}});
        if (r.status == 204)
            break;
        if (r.status != 200)
            return -1;
        count += int(r.object().value(u"data"_s).toArray().size());
        if (!r.object().value(u"info"_s).toObject().value(u"more_records"_s).toBool())
            break;
    }
    return count;
}

QJsonObject TestSandboxAdobe::connectionBody(const ZohoTokens &tokens, const QString &name) const
{
    const QString dcBase = m_fixture->url(u"/zoho/%1"_s.arg(tokens.location)).toString();
    return QJsonObject{
        {u"name"_s, name},
        {u"description"_s, u"Zoho CRM account"_s},
        {u"auth"_s, QJsonObject{{u"specName"_s, u"Basic Authentication"_s},
                                {u"params"_s, QJsonObject{{u"endpoint"_s, tokens.apiDomain},
                                                          {u"accountsUrl"_s, tokens.accountsServer},
                                                          {u"clientId"_s, m_zoho.value(u"clientId"_s)},
                                                          {u"clientSecret"_s, m_zoho.value(u"clientSecret"_s)},
                                                          {u"accessToken"_s, tokens.accessToken},
                                                          {u"refreshToken"_s, tokens.refreshToken}}}}},
        {u"connectionSpec"_s, QJsonObject{{u"id"_s, kZohoSpec}, {u"version"_s, u"1.0"_s}}}};
}

QString TestSandboxAdobe::createConnection(const QJsonObject &body, const AepHeaders *headers)
{
    const HttpResult r = call("POST", u"/flowservice/connections"_s, body, headers);
    if (r.status != 201)
        qWarning("create connection: %s", qPrintable(dump(r)));
    return r.object().value(u"id"_s).toString();
}

QString TestSandboxAdobe::createSchema(const QString &title, const AepHeaders *headers)
{
    const QJsonObject body{
        {u"type"_s, u"object"_s},
        {u"title"_s, title},
        {u"description"_s, u"Profile schema for Zoho records"_s},
        {u"allOf"_s,
         QJsonArray{QJsonObject{{u"$ref"_s, kProfileClass}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-person-details"_s}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-personal-details"_s}},
                    QJsonObject{{u"$ref"_s, u"#/definitions/zoho"_s}}}},
        {u"definitions"_s,
         QJsonObject{
             {u"zoho"_s,
              QJsonObject{{u"properties"_s,
                           QJsonObject{{u"_zawdemo"_s,
                                        QJsonObject{{u"type"_s, u"object"_s},
                                                    {u"properties"_s,
                                                     QJsonObject{{u"zohoId"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                                                 {u"modifiedTime"_s,
                                                                  QJsonObject{{u"type"_s, u"string"_s},
                                                                              {u"format"_s, u"date-time"_s}}}}}}}}}}}}},
        {u"meta:containerId"_s, u"tenant"_s},
        {u"meta:resourceType"_s, u"schemas"_s},
        {u"meta:xdmType"_s, u"object"_s},
        {u"meta:class"_s, kProfileClass}};
    const HttpResult r = call("POST", u"/schemaregistry/tenant/schemas"_s, body, headers);
    if (r.status != 201)
        qWarning("create schema: %s", qPrintable(dump(r)));
    return r.object().value(u"$id"_s).toString();
}

QString TestSandboxAdobe::createDataSet(const QString &schemaId, const QString &name, const AepHeaders *headers)
{
    const QJsonObject body{
        {u"name"_s, name},
        {u"schemaRef"_s, QJsonObject{{u"id"_s, schemaId},
                                     {u"contentType"_s, u"application/vnd.adobe.xed-full-notext+json; version=1"_s}}}};
    const HttpResult r = call("POST", u"/catalog/dataSets"_s, body, headers, u"requestDataSource=true"_s);
    if (r.status != 201)
        qWarning("create dataset: %s", qPrintable(dump(r)));
    return r.json().toArray().first().toString().section(u'/', -1);
}

QString TestSandboxAdobe::createSourceConnection(const QString &baseId, const QString &table)
{
    const QJsonObject body{
        {u"name"_s, u"Zoho %1 source"_s.arg(table)},
        {u"baseConnectionId"_s, baseId},
        {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
        {u"params"_s,
         QJsonObject{{u"tableName"_s, table},
                     {u"columns"_s, QJsonArray{QJsonObject{{u"name"_s, u"Email"_s}, {u"type"_s, u"string"_s}}}}}},
        {u"connectionSpec"_s, QJsonObject{{u"id"_s, kZohoSpec}, {u"version"_s, u"1.0"_s}}}};
    const HttpResult r = post(u"/flowservice/sourceConnections"_s, body);
    if (r.status != 201)
        qWarning("create source connection: %s", qPrintable(dump(r)));
    return r.object().value(u"id"_s).toString();
}

QString TestSandboxAdobe::createTargetConnection(const QString &dataSetId, const QString &schemaId)
{
    const QJsonObject body{
        {u"name"_s, u"Data Lake target"_s},
        {u"data"_s,
         QJsonObject{{u"format"_s, u"parquet_xdm"_s},
                     {u"schema"_s, QJsonObject{{u"id"_s, schemaId},
                                               {u"version"_s, u"application/vnd.adobe.xed-full+json;version=1"_s}}}}},
        {u"params"_s, QJsonObject{{u"dataSetId"_s, dataSetId}}},
        {u"connectionSpec"_s, QJsonObject{{u"id"_s, kDataLakeSpec}, {u"version"_s, u"1.0"_s}}}};
    const HttpResult r = post(u"/flowservice/targetConnections"_s, body);
    if (r.status != 201)
        qWarning("create target connection: %s", qPrintable(dump(r)));
    return r.object().value(u"id"_s).toString();
}

QString TestSandboxAdobe::createMappingSet(const QString &schemaId)
{
    const QJsonObject body{
        {u"outputSchema"_s,
         QJsonObject{
             {u"schemaRef"_s, QJsonObject{{u"id"_s, schemaId},
                                          {u"contentType"_s, u"application/vnd.adobe.xed-full+json;version=1"_s}}}}},
        {u"mappings"_s,
         QJsonArray{
             QJsonObject{{u"sourceType"_s, u"ATTRIBUTE"_s}, {u"source"_s, u"id"_s}, {u"destination"_s, u"_id"_s}},
             QJsonObject{{u"sourceType"_s, u"ATTRIBUTE"_s},
                         {u"source"_s, u"First_Name"_s},
                         {u"destination"_s, u"person.name.firstName"_s}},
             QJsonObject{{u"sourceType"_s, u"ATTRIBUTE"_s},
                         {u"source"_s, u"Email"_s},
                         {u"destination"_s, u"personalEmail.address"_s}}}}};
    const HttpResult r = post(u"/conversion/mappingSets"_s, body);
    if (r.status != 200)
        qWarning("create mapping set: %s", qPrintable(dump(r)));
    return r.object().value(u"id"_s).toString();
}

QJsonObject TestSandboxAdobe::flowBody(const QString &name) const
{
    return QJsonObject{
        {u"name"_s, name},
        {u"description"_s, u"Hourly load"_s},
        {u"flowSpec"_s, QJsonObject{{u"id"_s, kCrmFlowSpec}, {u"version"_s, u"1.0"_s}}},
        {u"sourceConnectionIds"_s, QJsonArray{m_sourceId}},
        {u"targetConnectionIds"_s, QJsonArray{m_targetId}},
        {u"transformations"_s,
         QJsonArray{
             QJsonObject{{u"name"_s, u"Copy"_s},
                         {u"params"_s, QJsonObject{{u"deltaColumn"_s, QJsonObject{{u"name"_s, u"Modified_Time"_s},
                                                                                  {u"dateFormat"_s, u"YYYY-MM-DD"_s},
                                                                                  {u"timezone"_s, u"UTC"_s}}}}}},
             QJsonObject{{u"name"_s, u"Mapping"_s},
                         {u"params"_s, QJsonObject{{u"mappingId"_s, m_mappingId}, {u"mappingVersion"_s, 0}}}}}},
        {u"scheduleParams"_s, QJsonObject{{u"startTime"_s, nowSecs() + 600},
                                          {u"frequency"_s, u"hour"_s},
                                          {u"interval"_s, 1},
                                          {u"backfill"_s, true}}},
        {u"options"_s, QJsonObject{{u"errorDiagnosticsEnabled"_s, true}, {u"partialIngestionPercent"_s, 5}}}};
}

QString TestSandboxAdobe::createFlow(const QJsonObject &body)
{
    const HttpResult r = post(u"/flowservice/flows"_s, body);
    if (r.status != 201)
        qWarning("create flow: %s", qPrintable(dump(r)));
    return r.object().value(u"id"_s).toString();
}

QByteArray TestSandboxAdobe::etagOf(const QString &path)
{
    const HttpResult r = get(path);
    return r.object().value(u"items"_s).toArray().first().toObject().value(u"etag"_s).toString().toLatin1();
}

// ---- tests -----------------------------------------------------------------------------------

void TestSandboxAdobe::initTestCase()
{
    zaw::sandbox::SandboxOptions options;
    // Many sign-ins and refreshes against one Zoho client: Zoho's per-window limits would bite.
    options.relaxedLimits = true;
    m_fixture = std::make_unique<zaw::test::SandboxFixture>(options);
    m_adobe = m_fixture->credentials().value(u"adobe"_s).toObject();
    m_zoho = m_fixture->credentials().value(u"zoho"_s).toObject();
    QVERIFY(!m_adobe.value(u"clientId"_s).toString().isEmpty());
    m_headers = AepHeaders(mintAdobeToken(), m_adobe.value(u"clientId"_s).toString(),
                           m_adobe.value(u"orgId"_s).toString(), u"prod"_s);

    m_ana = zohoSignIn(u"ana.lima@example.com"_s, u"us"_s);
    QVERIFY2(!m_ana.refreshToken.isEmpty(), "no Zoho refresh token for ana");
    QCOMPARE(m_ana.location, u"us"_s);
    m_baseId = createConnection(connectionBody(m_ana, u"Zoho CRM - shared"_s));
    QVERIFY(!m_baseId.isEmpty());

    m_schemaId = createSchema(u"Zoho CRM Contacts (flows)"_s);
    QVERIFY(!m_schemaId.isEmpty());
    m_dataSetId = createDataSet(m_schemaId, u"Zoho CRM Contacts dataset"_s);
    QVERIFY(!m_dataSetId.isEmpty());
    m_sourceId = createSourceConnection(m_baseId, u"Contacts"_s);
    QVERIFY(!m_sourceId.isEmpty());
    m_targetId = createTargetConnection(m_dataSetId, m_schemaId);
    QVERIFY(!m_targetId.isEmpty());
    m_mappingId = createMappingSet(m_schemaId);
    QVERIFY(!m_mappingId.isEmpty());
}

void TestSandboxAdobe::imsIssuesTokens()
{
    QCOMPARE(m_adobe.value(u"orgId"_s).toString(), u"5A1C0FFEE0D15EA5E0123456@AdobeOrg"_s);
    QCOMPARE(m_adobe.value(u"sandboxes"_s).toArray(), (QJsonArray{u"prod"_s, u"dev"_s}));
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(m_adobe.value(u"clientId"_s).toString()).hasMatch());
    QVERIFY(
        QRegularExpression(u"^p8e-[A-Za-z0-9]{32}$"_s).match(m_adobe.value(u"clientSecret"_s).toString()).hasMatch());

    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, m_adobe.value(u"clientId"_s).toString());
    form.addQueryItem(u"client_secret"_s, m_adobe.value(u"clientSecret"_s).toString());
    form.addQueryItem(u"scope"_s,
                      u"openid,session,AdobeID,read_organizations,additional_info.projectedProductContext"_s);
    HttpResult r = m_fixture->http.postForm(m_fixture->url(u"/adobe/ims/ims/token/v3"_s), form);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"token_type"_s).toString(), u"bearer"_s);
    QCOMPARE(r.object().value(u"expires_in"_s).toInt(), 86399);
    QVERIFY(r.object().value(u"access_token"_s).toString().startsWith(u"eyJ"_s));

    // The parameters may also travel in the query string.
    QUrl url = m_fixture->url(u"/adobe/ims/ims/token/v3"_s);
    url.setQuery(form);
    r = m_fixture->http.send("POST", url, {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 200);
    const QString token = r.object().value(u"access_token"_s).toString();
    QVERIFY(!token.isEmpty());
    // The new token works at the gateway.
    const AepHeaders h = m_headers.with("Authorization", "Bearer " + token.toLatin1());
    QCOMPARE(call("GET", u"/flowservice/connections"_s, {}, &h).status, 200);
}

void TestSandboxAdobe::imsRejectsBadCredentials()
{
    auto attempt = [this](const QString &grant, const QString &id, const QString &secret, const QString &scope) {
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, grant);
        form.addQueryItem(u"client_id"_s, id);
        form.addQueryItem(u"client_secret"_s, secret);
        form.addQueryItem(u"scope"_s, scope);
        return m_fixture->http.postForm(m_fixture->url(u"/adobe/ims/ims/token/v3"_s), form);
    };
    const QString id = m_adobe.value(u"clientId"_s).toString();
    const QString secret = m_adobe.value(u"clientSecret"_s).toString();

    HttpResult r = attempt(u"client_credentials"_s, id, u"p8e-wrong"_s, u"openid"_s);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(u"error"_s).toString(), u"invalid_client"_s);
    QVERIFY(!r.object().value(u"error_description"_s).toString().isEmpty());
    QVERIFY(!r.object().contains(u"access_token"_s));

    r = attempt(u"client_credentials"_s, u"00000000000000000000000000000000"_s, secret, u"openid"_s);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(u"error"_s).toString(), u"invalid_client"_s);

    r = attempt(u"password"_s, id, secret, u"openid"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(u"error"_s).toString(), u"unsupported_grant_type"_s);

    r = attempt(u"client_credentials"_s, id, secret, QString());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(u"error"_s).toString(), u"invalid_scope"_s);
}

void TestSandboxAdobe::gatewayChecksHeadersInOrder()
{
    const QString path = u"/flowservice/connections"_s;
    auto expectGateway = [&](const AepHeaders &h, int status, const QString &code, const QString &message) {
        const HttpResult r = call("GET", path, {}, &h);
        QCOMPARE(r.status, status);
        const QJsonObject expected{{u"error_code"_s, code}, {u"message"_s, message}};
        QVERIFY2(r.object() == expected, qPrintable(dump(r)));
    };
    expectGateway(m_headers.without("Authorization"), 403, u"403010"_s, u"Oauth token is missing."_s);
    expectGateway(m_headers.with("Authorization", "Bearer eyJnotatoken"), 401, u"401013"_s,
                  u"Oauth token is not valid"_s);
    // Token checks come first: a bad token with no other header is still 401013.
    expectGateway(AepHeaders().set("Authorization", "Bearer eyJnotatoken"), 401, u"401013"_s,
                  u"Oauth token is not valid"_s);
    expectGateway(m_headers.without("x-api-key"), 403, u"403000"_s, u"Api Key is required"_s);
    // The API key of another client than the one the token was issued to.
    expectGateway(m_headers.with("x-api-key", "0123456789abcdef0123456789abcdef"), 403, u"403003"_s,
                  u"Api Key is invalid"_s);
    expectGateway(m_headers.without("x-gw-ims-org-id"), 400, u"400003"_s, u"Missing header"_s);
    expectGateway(m_headers.with("x-gw-ims-org-id", "0000000000000000000000AA@AdobeOrg"), 403, u"403025"_s,
                  u"Profile is not valid"_s);

    // With several headers wrong at once, the first check in the gateway's order answers.
    expectGateway(m_headers.without("x-api-key").without("x-gw-ims-org-id").without("x-sandbox-name"), 403, u"403000"_s,
                  u"Api Key is required"_s);
    expectGateway(m_headers.with("x-api-key", "0123456789abcdef0123456789abcdef").without("x-gw-ims-org-id"), 403,
                  u"403003"_s, u"Api Key is invalid"_s);
    expectGateway(m_headers.without("x-gw-ims-org-id").without("x-sandbox-name"), 400, u"400003"_s,
                  u"Missing header"_s);
    expectGateway(m_headers.with("x-gw-ims-org-id", "0000000000000000000000AA@AdobeOrg").inSandbox(u"nope"_s), 403,
                  u"403025"_s, u"Profile is not valid"_s);

    AepHeaders noSandbox = m_headers.without("x-sandbox-name");
    HttpResult r = call("GET", path, {}, &noSandbox);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-2105-400"_s);
    QCOMPARE(r.object().value(u"status"_s).toInt(), 400);
    QVERIFY(!r.object().value(u"title"_s).toString().isEmpty());
    QVERIFY(r.object().value(u"report"_s).toObject().contains(u"detailed-message"_s));

    const AepHeaders unknownSandbox = m_headers.inSandbox(u"staging"_s);
    r = call("GET", path, {}, &unknownSandbox);
    QCOMPARE(r.status, 404);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-2100-404"_s);

    // A body without a JSON Content-Type.
    Headers plain = m_headers.list();
    plain.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain")));
    r = m_fixture->http.send("POST", platform(path), plain, "{\"name\":\"x\"}");
    QCOMPARE(r.status, 400);
    // The sandbox is checked before the body.
    Headers plainNoSandbox = noSandbox.list();
    plainNoSandbox.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain")));
    QCOMPARE(flowType(m_fixture->http.send("POST", platform(path), plainNoSandbox, "{}")),
             u"https://ns.adobe.com/aep/errors/FLOW-2105-400"_s);
    const QJsonObject expected{{u"type"_s, u"/placeholder/type/uri"_s},
                               {u"status"_s, 400},
                               {u"title"_s, u"BadRequestError"_s},
                               {u"detail"_s, u"A valid content-type must be specified"_s}};
    QVERIFY2(r.object() == expected, qPrintable(dump(r)));

    // Every Platform service sits behind the same gateway.
    const AepHeaders noToken = m_headers.without("Authorization");
    for (const QString &other : {u"/catalog/dataSets"_s, u"/schemaregistry/stats"_s, u"/conversion/mappingSets"_s,
                                 u"/sandbox-management/sandboxes"_s}) {
        r = call("GET", other, {}, &noToken);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.object().value(u"error_code"_s).toString(), u"403010"_s);
    }
}

void TestSandboxAdobe::gatewayRejectsExpiredToken()
{
    const AepHeaders before = m_headers;
    QCOMPARE(call("GET", u"/flowservice/connections"_s, {}, &before).status, 200);
    m_fixture->server().expireAccessTokens();
    const HttpResult r = call("GET", u"/flowservice/connections"_s, {}, &before);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(u"error_code"_s).toString(), u"401013"_s);
    m_headers.set("Authorization", "Bearer " + mintAdobeToken().toLatin1());
    QCOMPARE(get(u"/flowservice/connections"_s).status, 200);
}

void TestSandboxAdobe::sandboxManagementListsSandboxes()
{
    // Listing sandboxes is how a client learns the names, so it needs no x-sandbox-name.
    const AepHeaders h = m_headers.without("x-sandbox-name");
    HttpResult r = call("GET", u"/sandbox-management/sandboxes"_s, {}, &h);
    QCOMPARE(r.status, 200);
    const QJsonArray list = r.object().value(u"sandboxes"_s).toArray();
    QCOMPARE(list.size(), 2);
    QJsonObject prod;
    QJsonObject dev;
    for (const QJsonValue &v : list) {
        if (v.toObject().value(u"name"_s).toString() == u"prod"_s)
            prod = v.toObject();
        else
            dev = v.toObject();
    }
    QCOMPARE(prod.value(u"type"_s).toString(), u"production"_s);
    QCOMPARE(prod.value(u"isDefault"_s).toBool(), true);
    QCOMPARE(prod.value(u"state"_s).toString(), u"active"_s);
    QVERIFY(!prod.value(u"title"_s).toString().isEmpty());
    QVERIFY(!prod.value(u"region"_s).toString().isEmpty());
    QCOMPARE(dev.value(u"name"_s).toString(), u"dev"_s);
    QCOMPARE(dev.value(u"type"_s).toString(), u"development"_s);
    QCOMPARE(dev.value(u"isDefault"_s).toBool(), false);

    r = call("GET", u"/sandbox-management/sandboxes/dev"_s, {}, &h);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"type"_s).toString(), u"development"_s);
    r = call("GET", u"/sandbox-management/sandboxes/nope"_s, {}, &h);
    QCOMPARE(r.status, 404);
}

void TestSandboxAdobe::connectionSpecs()
{
    HttpResult r = get(u"/flowservice/connectionSpecs/"_s + kZohoSpec);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.object().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject spec = items.first().toObject();
    QCOMPARE(spec.value(u"id"_s).toString(), kZohoSpec);
    QCOMPARE(spec.value(u"name"_s).toString(), u"zoho-crm"_s);
    QCOMPARE(spec.value(u"providerId"_s).toString(), u"0ed90a81-07f4-4586-8190-b40eccef1c5a"_s);
    QCOMPARE(spec.value(u"version"_s).toString(), u"1.0"_s);
    const QJsonObject auth = spec.value(u"authSpec"_s).toArray().first().toObject();
    QCOMPARE(auth.value(u"name"_s).toString(), u"Basic Authentication"_s);
    QCOMPARE(auth.value(u"spec"_s).toObject().value(u"required"_s).toArray(),
             (QJsonArray{u"endpoint"_s, u"accountsUrl"_s, u"clientId"_s, u"clientSecret"_s, u"accessToken"_s,
                         u"refreshToken"_s}));
    QCOMPARE(spec.value(u"sourceSpec"_s).toObject().value(u"spec"_s).toObject().value(u"required"_s).toArray(),
             (QJsonArray{u"tableName"_s, u"columns"_s}));
    QCOMPARE(spec.value(u"exploreSpec"_s).toObject().value(u"type"_s).toString(), u"Tabular"_s);

    r = get(u"/flowservice/connectionSpecs"_s, u"property=name%3D%3D%22zoho-crm%22"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 1);
    QCOMPARE(r.object().value(u"items"_s).toArray().first().toObject().value(u"id"_s).toString(), kZohoSpec);
    r = get(u"/flowservice/connectionSpecs"_s, u"property=name%3D%3D%22salesforce-x%22"_s);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 0);

    r = get(u"/flowservice/connectionSpecs/"_s + kDataLakeSpec);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().first().toObject().value(u"id"_s).toString(), kDataLakeSpec);

    r = get(u"/flowservice/connectionSpecs/00000000-0000-4000-8000-000000000000"_s);
    QCOMPARE(r.status, 404);
    QVERIFY(flowType(r).startsWith(u"https://ns.adobe.com/aep/errors/FLOW-"_s));
    QCOMPARE(r.object().value(u"status"_s).toInt(), 404);
}

void TestSandboxAdobe::flowSpecs()
{
    HttpResult r = get(u"/flowservice/flowSpecs"_s, u"property=name%3D%3D%22CRMToAEP%22"_s);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.object().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject spec = items.first().toObject();
    QCOMPARE(spec.value(u"id"_s).toString(), kCrmFlowSpec);
    QVERIFY(spec.value(u"sourceConnectionSpecIds"_s).toArray().contains(kZohoSpec));
    QCOMPARE(spec.value(u"targetConnectionSpecIds"_s).toArray(), QJsonArray{kDataLakeSpec});
    QCOMPARE(spec.value(u"scheduleSpec"_s)
                 .toObject()
                 .value(u"spec"_s)
                 .toObject()
                 .value(u"properties"_s)
                 .toObject()
                 .value(u"frequency"_s)
                 .toObject()
                 .value(u"enum"_s)
                 .toArray(),
             (QJsonArray{u"once"_s, u"minute"_s, u"hour"_s, u"day"_s, u"week"_s}));
    QVERIFY(spec.value(u"optionSpec"_s)
                .toObject()
                .value(u"spec"_s)
                .toObject()
                .value(u"properties"_s)
                .toObject()
                .contains(u"partialIngestionPercent"_s));
    QCOMPARE(spec.value(u"transformationSpecs"_s).toArray().size(), 2);

    r = get(u"/flowservice/flowSpecs/"_s + kCrmFlowSpec);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().first().toObject().value(u"name"_s).toString(), u"CRMToAEP"_s);
}

void TestSandboxAdobe::connectionCreateGetList()
{
    const QString name = u"Zoho CRM - list test"_s;
    const HttpResult created = post(u"/flowservice/connections"_s, connectionBody(m_ana, name));
    QCOMPARE(created.status, 201);
    const QString id = created.object().value(u"id"_s).toString();
    QVERIFY2(QRegularExpression(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s)
                 .match(id)
                 .hasMatch(),
             qPrintable(id));
    const QString etag = created.object().value(u"etag"_s).toString();
    QVERIFY2(QRegularExpression(u"^\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{8}0000\"$"_s).match(etag).hasMatch(),
             qPrintable(etag));
    QVERIFY(created.header("Location").endsWith("/data/foundation/flowservice/connections/" + id.toLatin1()));

    HttpResult r = get(u"/flowservice/connections/"_s + id);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.object().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(item.value(u"id"_s).toString(), id);
    QCOMPARE(item.value(u"name"_s).toString(), name);
    QCOMPARE(item.value(u"state"_s).toString(), u"enabled"_s);
    QCOMPARE(item.value(u"etag"_s).toString(), etag);
    QCOMPARE(item.value(u"sandboxName"_s).toString(), u"prod"_s);
    QCOMPARE(item.value(u"imsOrgId"_s).toString(), m_adobe.value(u"orgId"_s).toString());
    QCOMPARE(item.value(u"connectionSpec"_s).toObject().value(u"id"_s).toString(), kZohoSpec);
    QVERIFY(item.value(u"createdAt"_s).toDouble() > 1.6e12); // epoch milliseconds
    const QJsonObject params = item.value(u"auth"_s).toObject().value(u"params"_s).toObject();
    QCOMPARE(params.value(u"endpoint"_s).toString(), m_ana.apiDomain);
    QCOMPARE(params.value(u"accountsUrl"_s).toString(), m_ana.accountsServer);
    QCOMPARE(params.value(u"clientId"_s).toString(), m_zoho.value(u"clientId"_s).toString());
    // Secrets never come back.
    QVERIFY(!params.contains(u"clientSecret"_s));
    QVERIFY(!params.contains(u"accessToken"_s));
    QVERIFY(!params.contains(u"refreshToken"_s));
    QVERIFY(!r.body.contains(m_zoho.value(u"clientSecret"_s).toString().toLatin1()));
    QVERIFY(!r.body.contains(m_ana.refreshToken.toLatin1()));

    r = get(u"/flowservice/connections"_s, u"property=connectionSpec.id%3D%3D"_s + kZohoSpec);
    QCOMPARE(r.status, 200);
    QStringList ids;
    for (const QJsonValue &v : r.object().value(u"items"_s).toArray())
        ids.append(v.toObject().value(u"id"_s).toString());
    QVERIFY(ids.contains(id));
    QVERIFY(ids.contains(m_baseId));
    QVERIFY(!r.body.contains(m_zoho.value(u"clientSecret"_s).toString().toLatin1()));

    // Several property filters are ANDed.
    r = get(
        u"/flowservice/connections"_s,
        u"property=connectionSpec.id%3D%3D%1&property=name%3D%3D%22Zoho%20CRM%20-%20list%20test%22"_s.arg(kZohoSpec));
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 1);
    QCOMPARE(r.object().value(u"items"_s).toArray().first().toObject().value(u"id"_s).toString(), id);
    r = get(u"/flowservice/connections"_s, u"property=name%3D%3Dnobody"_s);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 0);

    r = get(u"/flowservice/connections"_s, u"limit=1"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 1);
    QVERIFY(r.object()
                .value(u"_links"_s)
                .toObject()
                .value(u"next"_s)
                .toObject()
                .value(u"href"_s)
                .toString()
                .contains(u"continuationToken="_s));

    QStringList pagedIds;
    QString query = u"limit=2&orderby=name"_s;
    for (int page = 0; page < 50 && !query.isEmpty(); ++page) {
        r = get(u"/flowservice/connections"_s, query);
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(u"items"_s).toArray().size() <= 2);
        for (const QJsonValue &v : r.object().value(u"items"_s).toArray())
            pagedIds.append(v.toObject().value(u"name"_s).toString());
        query = r.object()
                    .value(u"_links"_s)
                    .toObject()
                    .value(u"next"_s)
                    .toObject()
                    .value(u"href"_s)
                    .toString()
                    .section(u'?', 1);
    }
    QStringList sortedNames = pagedIds;
    std::sort(sortedNames.begin(), sortedNames.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(pagedIds, sortedNames);
    QVERIFY(pagedIds.contains(name));
    r = get(u"/flowservice/connections"_s, u"orderby=-name"_s);
    QStringList descending;
    for (const QJsonValue &v : r.object().value(u"items"_s).toArray())
        descending.append(v.toObject().value(u"name"_s).toString());
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(descending, sortedNames);

    r = get(u"/flowservice/connections"_s, u"count=true"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"count"_s).toInt() >= 2);
    r = get(u"/flowservice/connections"_s, u"limit=5&count=true"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1401-400"_s);

    r = get(u"/flowservice/connections/00000000-0000-4000-8000-000000000000"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1439-404"_s);
}

void TestSandboxAdobe::connectionCreateValidation()
{
    QJsonObject body = connectionBody(m_ana, u"invalid"_s);
    body.remove(u"name"_s);
    HttpResult r = post(u"/flowservice/connections"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1304-400"_s);

    body = connectionBody(m_ana, u"invalid"_s);
    body.insert(u"connectionSpec"_s,
                QJsonObject{{u"id"_s, u"12345678-0000-4000-8000-000000000000"_s}, {u"version"_s, u"1.0"_s}});
    r = post(u"/flowservice/connections"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1413-400"_s);

    body = connectionBody(m_ana, u"invalid"_s);
    QJsonObject auth = body.value(u"auth"_s).toObject();
    auth.insert(u"specName"_s, u"OAuth2 Refresh Code"_s);
    body.insert(u"auth"_s, auth);
    r = post(u"/flowservice/connections"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1415-400"_s);

    body = connectionBody(m_ana, u"invalid"_s);
    auth = body.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    params.remove(u"refreshToken"_s);
    auth.insert(u"params"_s, params);
    body.insert(u"auth"_s, auth);
    r = post(u"/flowservice/connections"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1304-400"_s);
    QVERIFY2(detailedMessage(r).contains(u"refreshToken"_s), qPrintable(dump(r)));
}

void TestSandboxAdobe::connectionPatchNeedsFreshEtag()
{
    const QString id = createConnection(connectionBody(m_ana, u"Zoho CRM - to rename"_s));
    const QString path = u"/flowservice/connections/"_s + id;
    const QByteArray etag = etagOf(path);
    const QJsonArray rename{
        QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Zoho CRM - renamed"_s}},
        QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"rotated"_s}}};

    HttpResult r = patch(path, rename, QByteArray());
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1403-400"_s);

    r = patch(path, rename, "\"00000000-0000-0200-0000-000000000000\"");
    QCOMPARE(r.status, 412);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1404-412"_s);
    QCOMPARE(r.object().value(u"status"_s).toInt(), 412);

    // The etag works with or without its quotes; the trailing-slash form of the path works too.
    QByteArray bare = etag;
    bare.replace('"', "");
    r = patch(path + u"/"_s, rename, bare);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"id"_s).toString(), id);
    const QByteArray newEtag = r.object().value(u"etag"_s).toString().toLatin1();
    QVERIFY(!newEtag.isEmpty());
    QVERIFY(newEtag != etag);
    QCOMPARE(etagOf(path), newEtag);
    const QJsonObject item = get(path).object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(item.value(u"name"_s).toString(), u"Zoho CRM - renamed"_s);
    QCOMPARE(item.value(u"description"_s).toString(), u"rotated"_s);

    // The old etag is stale now.
    r = patch(path, rename, etag);
    QCOMPARE(r.status, 412);

    r = patch(path, QJsonArray{QJsonObject{{u"op"_s, u"move"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"x"_s}}},
              newEtag);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1434-400"_s);
    r = patch(path,
              QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/state"_s}, {u"value"_s, u"disabled"_s}}},
              newEtag);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1455-400"_s);

    // Credentials replaced wholesale are used from then on.
    QJsonObject params = connectionBody(m_ana, u"x"_s).value(u"auth"_s).toObject().value(u"params"_s).toObject();
    params.insert(u"clientSecret"_s, u"wrong-secret"_s);
    r = patch(path,
              QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/auth/params"_s}, {u"value"_s, params}}},
              newEtag);
    QCOMPARE(r.status, 200);
    r = get(path + u"/test"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"result"_s).toBool(), false);
}

void TestSandboxAdobe::connectionTestReportsCredentials()
{
    const HttpResult r = get(u"/flowservice/connections/%1/test"_s.arg(m_baseId));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"result"_s).toBool(), true);
}

void TestSandboxAdobe::exploreWithRealCredentials()
{
    const QString path = u"/flowservice/connections/%1/explore"_s.arg(m_baseId);
    HttpResult r = get(path, u"objectType=root"_s);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QVERIFY(r.json().isArray());
    QStringList tables;
    for (const QJsonValue &v : r.json().toArray()) {
        const QJsonObject t = v.toObject();
        QCOMPARE(t.value(u"type"_s).toString(), u"table"_s);
        QCOMPARE(t.value(u"canPreview"_s).toBool(), true);
        QCOMPARE(t.value(u"canFetchSchema"_s).toBool(), true);
        QVERIFY(!t.value(u"name"_s).toString().isEmpty());
        tables.append(t.value(u"path"_s).toString());
    }
    QVERIFY2(tables.contains(u"Leads"_s) && tables.contains(u"Contacts"_s), qPrintable(tables.join(u',')));
    // Linking modules and modules without API support are not tables.
    QVERIFY(!tables.contains(u"Deals_X_Contacts"_s));
    QVERIFY(!tables.contains(u"Home"_s));

    r = get(path, u"objectType=table&object=Contacts"_s);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QCOMPARE(r.object().value(u"format"_s).toString(), u"flat"_s);
    const QJsonArray columns = r.object().value(u"schema"_s).toObject().value(u"columns"_s).toArray();
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &v : columns)
        byName.insert(v.toObject().value(u"name"_s).toString(), v.toObject());
    QVERIFY(byName.contains(u"id"_s));
    QCOMPARE(byName.value(u"Email"_s).value(u"type"_s).toString(), u"string"_s);
    QCOMPARE(byName.value(u"Email"_s).value(u"xdm"_s).toObject().value(u"type"_s).toString(), u"string"_s);
    const QJsonObject modified = byName.value(u"Modified_Time"_s);
    QCOMPARE(modified.value(u"type"_s).toString(), u"string"_s);
    QCOMPARE(modified.value(u"meta:xdmType"_s).toString(), u"date-time"_s);
    QCOMPARE(modified.value(u"xdm"_s).toObject().value(u"format"_s).toString(), u"date-time"_s);
    QCOMPARE(byName.value(u"Date_of_Birth"_s).value(u"meta:xdmType"_s).toString(), u"date"_s);
    QVERIFY(!r.object().contains(u"data"_s));

    // Leads has more records than a preview shows.
    r = get(path, u"objectType=table&object=Leads&preview=true"_s);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    const QJsonArray rows = r.object().value(u"data"_s).toArray();
    QCOMPARE(rows.size(), 100);
    const QJsonArray leadColumns = r.object().value(u"schema"_s).toObject().value(u"columns"_s).toArray();
    QVERIFY(leadColumns.size() > 5);
    QHash<QString, QJsonObject> leads;
    for (const QJsonValue &v : leadColumns)
        leads.insert(v.toObject().value(u"name"_s).toString(), v.toObject());
    auto expectColumn = [&](const QString &name, const QString &type, const QString &xdmType, const QString &metaType) {
        const QJsonObject c = leads.value(name);
        QVERIFY2(!c.isEmpty(), qPrintable(name));
        QCOMPARE(c.value(u"type"_s).toString(), type);
        QCOMPARE(c.value(u"xdm"_s).toObject().value(u"type"_s).toString(), xdmType);
        QCOMPARE(c.value(u"meta:xdmType"_s).toString(), metaType);
    };
    expectColumn(u"Annual_Revenue"_s, u"double"_s, u"number"_s, QString());
    expectColumn(u"Engagement_Score"_s, u"double"_s, u"number"_s, QString());
    expectColumn(u"No_of_Employees"_s, u"integer"_s, u"integer"_s, QString());
    // Zoho types bigint as a JSON string (18 digits do not fit a double), and so does explore.
    expectColumn(u"Web_Visits"_s, u"string"_s, u"string"_s, QString());
    expectColumn(u"Email_Opt_Out"_s, u"boolean"_s, u"boolean"_s, QString());
    expectColumn(u"Owner"_s, u"object"_s, u"object"_s, QString());
    expectColumn(u"Products_of_Interest"_s, u"array"_s, u"array"_s, QString());
    expectColumn(u"Last_Activity_Time"_s, u"string"_s, u"string"_s, u"date-time"_s);
    const QJsonObject row = rows.first().toObject();
    QVERIFY(row.contains(u"id"_s));
    QVERIFY(row.contains(u"Last_Name"_s));
    for (auto it = row.begin(); it != row.end(); ++it) {
        bool known = false;
        for (const QJsonValue &c : leadColumns)
            known = known || c.toObject().value(u"name"_s).toString() == it.key();
        QVERIFY2(known, qPrintable(it.key()));
    }
}

void TestSandboxAdobe::exploreParameterErrors()
{
    const QString path = u"/flowservice/connections/%1/explore"_s.arg(m_baseId);
    HttpResult r = get(path);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1358-400"_s);
    r = get(path, u"objectType=folder"_s);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1358-400"_s);
    r = get(path, u"objectType=table"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1337-400"_s);
    r = get(path, u"objectType=table&object=NoSuchModule"_s);
    QCOMPARE(r.status, 404);
}

void TestSandboxAdobe::exploreWithWrongClientSecretFails()
{
    QJsonObject body = connectionBody(m_ana, u"Zoho CRM - wrong secret"_s);
    QJsonObject auth = body.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    params.insert(u"clientSecret"_s, u"not-the-secret"_s);
    auth.insert(u"params"_s, params);
    body.insert(u"auth"_s, auth);
    // AEP accepts the account; the credentials fail when the source is first read.
    const QString id = createConnection(body);
    QVERIFY(!id.isEmpty());
    const HttpResult r = get(u"/flowservice/connections/%1/explore"_s.arg(id), u"objectType=root"_s);
    QCOMPARE(r.status, 400);
    QVERIFY(flowType(r).startsWith(u"https://ns.adobe.com/aep/errors/FLOW-"_s));
    QVERIFY2(detailedMessage(r).contains(u"invalid_client_secret"_s), qPrintable(dump(r)));
    QVERIFY(!r.body.contains("not-the-secret"));
    QCOMPARE(get(u"/flowservice/connections/%1/test"_s.arg(id)).object().value(u"result"_s).toBool(), false);
}

void TestSandboxAdobe::exploreWithWrongDataCentreFails()
{
    const ZohoTokens jonas = zohoSignIn(u"jonas.berg@example.eu"_s, u"us"_s);
    QCOMPARE(jonas.location, u"eu"_s);
    QVERIFY(!jonas.refreshToken.isEmpty());

    // Right data centre: works.
    const QString good = createConnection(connectionBody(jonas, u"Zoho CRM - EU"_s));
    HttpResult r = get(u"/flowservice/connections/%1/explore"_s.arg(good), u"objectType=root"_s);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));

    // The US Accounts URL for an EU account: Zoho's US data centre does not know the token.
    QJsonObject body = connectionBody(jonas, u"Zoho CRM - EU via US"_s);
    QJsonObject auth = body.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    params.insert(u"accountsUrl"_s, m_fixture->url(u"/zoho/us/accounts"_s).toString());
    auth.insert(u"params"_s, params);
    body.insert(u"auth"_s, auth);
    const QString wrong = createConnection(body);
    r = get(u"/flowservice/connections/%1/explore"_s.arg(wrong), u"objectType=root"_s);
    QCOMPARE(r.status, 400);
    QVERIFY2(detailedMessage(r).contains(u"invalid_code"_s), qPrintable(dump(r)));

    // An endpoint outside the sandbox cannot be reached at all.
    params.insert(u"accountsUrl"_s, jonas.accountsServer);
    params.insert(u"endpoint"_s, u"https://www.zohoapis.eu"_s);
    auth.insert(u"params"_s, params);
    body.insert(u"auth"_s, auth);
    body.insert(u"name"_s, u"Zoho CRM - unreachable"_s);
    const QString unreachable = createConnection(body);
    r = get(u"/flowservice/connections/%1/explore"_s.arg(unreachable), u"objectType=root"_s);
    QCOMPARE(r.status, 400);
    QVERIFY2(detailedMessage(r).contains(u"https://www.zohoapis.eu"_s), qPrintable(dump(r)));
}

void TestSandboxAdobe::exploreRefreshesExpiredZohoToken()
{
    const QString id = createConnection(connectionBody(m_ana, u"Zoho CRM - refresh"_s));
    const QString path = u"/flowservice/connections/%1/explore"_s.arg(id);
    QCOMPARE(get(path, u"objectType=root"_s).status, 200);

    m_fixture->server().expireAccessTokens(); // Zoho and Adobe tokens alike
    m_headers.set("Authorization", "Bearer " + mintAdobeToken().toLatin1());
    const QString tokenPath = u"^/zoho/us/accounts/oauth/v2/token$"_s;
    const int refreshesBefore = m_fixture->countRequests("POST", tokenPath);
    const HttpResult r = get(path, u"objectType=table&object=Contacts&preview=true"_s);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QVERIFY(!r.object().value(u"data"_s).toArray().isEmpty());
    QCOMPARE(m_fixture->countRequests("POST", tokenPath), refreshesBefore + 1);
    // The new access token is kept: the next call needs no refresh.
    QCOMPARE(get(path, u"objectType=root"_s).status, 200);
    QCOMPARE(m_fixture->countRequests("POST", tokenPath), refreshesBefore + 1);
}

void TestSandboxAdobe::schemaRegistry()
{
    HttpResult r = get(u"/schemaregistry/stats"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"tenantId"_s).toString(), u"zawdemo"_s);
    QCOMPARE(r.object().value(u"imsOrg"_s).toString(), m_adobe.value(u"orgId"_s).toString());
    QVERIFY(r.object().value(u"counts"_s).toObject().value(u"schemas"_s).toInt() >= 2);

    const QString title = u"Zoho CRM Leads (registry test)"_s;
    const QString id = createSchema(title);
    QVERIFY(QRegularExpression(u"^https://ns\\.adobe\\.com/zawdemo/schemas/[0-9a-f]{32}$"_s).match(id).hasMatch());
    const QString hex = id.section(u'/', -1);
    const QString altId = u"_zawdemo.schemas."_s + hex;

    AepHeaders listing = m_headers.with("Accept", "application/vnd.adobe.xed-id+json");
    r = call("GET", u"/schemaregistry/tenant/schemas"_s, {}, &listing);
    QCOMPARE(r.status, 200);
    QJsonObject found;
    for (const QJsonValue &v : r.object().value(u"results"_s).toArray()) {
        if (v.toObject().value(u"$id"_s).toString() == id)
            found = v.toObject();
    }
    QCOMPARE(found.value(u"meta:altId"_s).toString(), altId);
    QCOMPARE(found.value(u"version"_s).toString(), u"1.0"_s);
    QCOMPARE(found.value(u"title"_s).toString(), title);
    QVERIFY(!found.contains(u"allOf"_s));
    QVERIFY(r.object().contains(u"_page"_s));
    // Titles of the seeded schema are there too.
    QVERIFY(r.body.contains("Zoho CRM Contacts (existing)"));

    AepHeaders fullListing = m_headers.with("Accept", "application/vnd.adobe.xed+json");
    r = call("GET", u"/schemaregistry/tenant/schemas"_s, {}, &fullListing);
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"results"_s).toArray().first().toObject().contains(u"allOf"_s));

    AepHeaders noAccept = m_headers;
    r = call("GET", u"/schemaregistry/tenant/schemas"_s, {}, &noAccept);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"http://ns.adobe.com/aep/errors/XDM-1006-400"_s);

    AepHeaders lookup = m_headers.with("Accept", "application/vnd.adobe.xed+json; version=1");
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(id));
    r = call("GET", u"/schemaregistry/tenant/schemas/"_s + encoded, {}, &lookup);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QCOMPARE(r.object().value(u"$id"_s).toString(), id);
    QCOMPARE(r.object().value(u"meta:altId"_s).toString(), altId);
    QCOMPARE(r.object().value(u"meta:class"_s).toString(), kProfileClass);
    QCOMPARE(r.object().value(u"meta:containerId"_s).toString(), u"tenant"_s);
    QCOMPARE(r.object().value(u"version"_s).toString(), u"1.0"_s);
    r = call("GET", u"/schemaregistry/tenant/schemas/"_s + altId, {}, &lookup);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"$id"_s).toString(), id);

    AepHeaders full = m_headers.with("Accept", "application/vnd.adobe.xed-full+json; version=1");
    r = call("GET", u"/schemaregistry/tenant/schemas/"_s + altId, {}, &full);
    QCOMPARE(r.status, 200);
    const QJsonObject properties = r.object().value(u"properties"_s).toObject();
    QVERIFY(properties.value(u"person"_s).toObject().value(u"properties"_s).toObject().contains(u"name"_s));
    QVERIFY(properties.value(u"_zawdemo"_s).toObject().value(u"properties"_s).toObject().contains(u"zohoId"_s));

    AepHeaders noVersion = m_headers.with("Accept", "application/vnd.adobe.xed+json");
    r = call("GET", u"/schemaregistry/tenant/schemas/"_s + altId, {}, &noVersion);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"http://ns.adobe.com/aep/errors/XDM-1007-400"_s);
    QVERIFY(r.object().value(u"report"_s).toObject().contains(u"registryRequestId"_s));

    r = call("GET", u"/schemaregistry/tenant/schemas/_zawdemo.schemas.00000000000000000000000000000000"_s, {}, &lookup);
    QCOMPARE(r.status, 404);
    QCOMPARE(flowType(r), u"http://ns.adobe.com/aep/errors/XDM-1012-404"_s);
    QCOMPARE(r.object().value(u"title"_s).toString(), u"Resource Not Found"_s);
    QVERIFY(!r.object().value(u"detail"_s).toString().isEmpty());

    // Titles are unique per sandbox.
    QJsonObject duplicate{{u"title"_s, title},
                          {u"allOf"_s, QJsonArray{QJsonObject{{u"$ref"_s, kProfileClass}}}},
                          {u"meta:class"_s, kProfileClass}};
    r = post(u"/schemaregistry/tenant/schemas"_s, duplicate);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"http://ns.adobe.com/aep/errors/XDM-1521-400"_s);
    // Custom fields must live under the tenant namespace.
    QJsonObject outside{{u"title"_s, u"Outside namespace"_s},
                        {u"allOf"_s, QJsonArray{QJsonObject{{u"$ref"_s, kProfileClass}}}},
                        {u"properties"_s, QJsonObject{{u"leadSource"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}};
    r = post(u"/schemaregistry/tenant/schemas"_s, outside);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"http://ns.adobe.com/aep/errors/XDM-1021-400"_s);
    r = post(u"/schemaregistry/tenant/schemas"_s, QJsonObject{{u"allOf"_s, QJsonArray()}});
    QCOMPARE(r.status, 400);

    r = call("DELETE", u"/schemaregistry/tenant/schemas/"_s + encoded);
    QCOMPARE(r.status, 204);
    r = call("GET", u"/schemaregistry/tenant/schemas/"_s + encoded, {}, &lookup);
    QCOMPARE(r.status, 404);
}

void TestSandboxAdobe::catalogDataSets()
{
    const QString schema = createSchema(u"Dataset test schema"_s);
    const QJsonObject body{
        {u"name"_s, u"Catalog test dataset"_s},
        {u"schemaRef"_s,
         QJsonObject{{u"id"_s, schema}, {u"contentType"_s, u"application/vnd.adobe.xed+json;version=1"_s}}}};
    HttpResult r = call("POST", u"/catalog/dataSets"_s, body, nullptr, u"requestDataSource=true"_s);
    QCOMPARE(r.status, 201);
    const QJsonArray answer = r.json().toArray();
    QCOMPARE(answer.size(), 1);
    const QString ref = answer.first().toString();
    QVERIFY2(QRegularExpression(u"^@/dataSets/[0-9a-f]{24}$"_s).match(ref).hasMatch(), qPrintable(ref));
    const QString id = ref.section(u'/', -1);

    r = get(u"/catalog/dataSets/"_s + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().keys(), QStringList{id});
    const QJsonObject dataSet = r.object().value(id).toObject();
    QCOMPARE(dataSet.value(u"name"_s).toString(), u"Catalog test dataset"_s);
    QCOMPARE(dataSet.value(u"schemaRef"_s).toObject().value(u"id"_s).toString(), schema);
    QCOMPARE(dataSet.value(u"imsOrg"_s).toString(), m_adobe.value(u"orgId"_s).toString());

    r = get(u"/catalog/dataSets"_s, u"property=name%3D%3DCatalog%20test%20dataset"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().keys(), QStringList{id});
    r = get(u"/catalog/dataSets"_s, u"limit=1"_s);
    QCOMPARE(r.object().size(), 1);
    // The seeded dataset of prod.
    r = get(u"/catalog/dataSets"_s, u"property=name%3D%3DZoho%20CRM%20Contacts%20(existing)"_s);
    QCOMPARE(r.object().size(), 1);

    QJsonObject badSchema = body;
    badSchema.insert(
        u"schemaRef"_s,
        QJsonObject{{u"id"_s, u"https://ns.adobe.com/zawdemo/schemas/ffffffffffffffffffffffffffffffff"_s}});
    r = post(u"/catalog/dataSets"_s, badSchema);
    QCOMPARE(r.status, 400);

    r = call("DELETE", u"/catalog/dataSets/"_s + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().toArray(), QJsonArray{u"@/dataSets/"_s + id});
    QCOMPARE(get(u"/catalog/dataSets/"_s + id).status, 404);
}

void TestSandboxAdobe::sourceAndTargetConnectionValidation()
{
    QJsonObject body{{u"name"_s, u"orphan"_s},
                     {u"baseConnectionId"_s, u"00000000-0000-4000-8000-000000000000"_s},
                     {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
                     {u"params"_s, QJsonObject{{u"tableName"_s, u"Leads"_s}, {u"columns"_s, QJsonArray()}}},
                     {u"connectionSpec"_s, QJsonObject{{u"id"_s, kZohoSpec}, {u"version"_s, u"1.0"_s}}}};
    HttpResult r = post(u"/flowservice/sourceConnections"_s, body);
    QCOMPARE(r.status, 404);
    QVERIFY(flowType(r).startsWith(u"https://ns.adobe.com/aep/errors/FLOW-"_s));
    body.insert(u"baseConnectionId"_s, m_baseId);
    body.insert(u"params"_s, QJsonObject{{u"columns"_s, QJsonArray()}});
    r = post(u"/flowservice/sourceConnections"_s, body);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1304-400"_s);

    r = get(u"/flowservice/sourceConnections"_s, u"property=baseConnectionId%3D%3D"_s + m_baseId);
    QCOMPARE(r.status, 200);
    bool listed = false;
    for (const QJsonValue &v : r.object().value(u"items"_s).toArray())
        listed = listed || v.toObject().value(u"id"_s).toString() == m_sourceId;
    QVERIFY(listed);
    r = get(u"/flowservice/sourceConnections/"_s + m_sourceId);
    QCOMPARE(r.status, 200);
    const QJsonObject source = r.object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(source.value(u"state"_s).toString(), u"enabled"_s);
    QCOMPARE(source.value(u"params"_s).toObject().value(u"tableName"_s).toString(), u"Contacts"_s);
    QCOMPARE(source.value(u"inheritedAttributes"_s)
                 .toObject()
                 .value(u"baseConnection"_s)
                 .toObject()
                 .value(u"id"_s)
                 .toString(),
             m_baseId);

    QJsonObject target{{u"name"_s, u"bad target"_s},
                       {u"data"_s, QJsonObject{{u"format"_s, u"parquet_xdm"_s}}},
                       {u"params"_s, QJsonObject{{u"dataSetId"_s, m_dataSetId}}},
                       {u"connectionSpec"_s, QJsonObject{{u"id"_s, kZohoSpec}, {u"version"_s, u"1.0"_s}}}};
    r = post(u"/flowservice/targetConnections"_s, target);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1307-400"_s);
    target.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, kDataLakeSpec}, {u"version"_s, u"1.0"_s}});
    target.insert(u"params"_s, QJsonObject{{u"dataSetId"_s, QString()}});
    r = post(u"/flowservice/targetConnections"_s, target);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1325-400"_s);
    target.insert(u"params"_s, QJsonObject{{u"dataSetId"_s, u"ffffffffffffffffffffffff"_s}});
    r = post(u"/flowservice/targetConnections"_s, target);
    QCOMPARE(r.status, 400);

    r = get(u"/flowservice/targetConnections/"_s + m_targetId);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object()
                 .value(u"items"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"params"_s)
                 .toObject()
                 .value(u"dataSetId"_s)
                 .toString(),
             m_dataSetId);
}

void TestSandboxAdobe::sourceAndTargetLifecycle()
{
    const QString source = createSourceConnection(m_baseId, u"Deals"_s);
    const QString path = u"/flowservice/sourceConnections/"_s + source;
    const QJsonArray rename{
        QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"Deals (renamed)"_s}}};
    HttpResult r = patch(path, rename, QByteArray());
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1403-400"_s);
    r = patch(path, rename, "\"stale\"");
    QCOMPARE(r.status, 412);
    const QByteArray etag = etagOf(path);
    r = patch(path, rename, etag);
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"etag"_s).toString().toLatin1() != etag);
    QCOMPARE(get(path).object().value(u"items"_s).toArray().first().toObject().value(u"name"_s).toString(),
             u"Deals (renamed)"_s);
    r = get(u"/flowservice/sourceConnections"_s, u"property=name%3D%3D%22Deals%20(renamed)%22"_s);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 1);
    QCOMPARE(call("DELETE", path).status, 204);
    QCOMPARE(get(path).status, 404);

    const QString target = createTargetConnection(m_dataSetId, m_schemaId);
    r = get(u"/flowservice/targetConnections"_s, u"property=params.dataSetId%3D%3D"_s + m_dataSetId);
    QVERIFY(r.object().value(u"items"_s).toArray().size() >= 2);
    QCOMPARE(call("DELETE", u"/flowservice/targetConnections/"_s + target).status, 204);
    QCOMPARE(get(u"/flowservice/targetConnections/"_s + target).status, 404);

    // Connections a flow uses stay.
    const QString flow = createFlow(flowBody(u"keeps its connections"_s));
    QVERIFY(!flow.isEmpty());
    QCOMPARE(call("DELETE", u"/flowservice/sourceConnections/"_s + m_sourceId).status, 400);
    QCOMPARE(call("DELETE", u"/flowservice/targetConnections/"_s + m_targetId).status, 400);
    QCOMPARE(call("DELETE", u"/flowservice/flows/"_s + flow).status, 204);
}

void TestSandboxAdobe::mappingSets()
{
    const QJsonObject outputSchema{
        {u"schemaRef"_s,
         QJsonObject{{u"id"_s, m_schemaId}, {u"contentType"_s, u"application/vnd.adobe.xed-full+json;version=1"_s}}}};
    const QJsonObject good{{u"outputSchema"_s, outputSchema},
                           {u"mappings"_s, QJsonArray{QJsonObject{{u"sourceType"_s, u"ATTRIBUTE"_s},
                                                                  {u"source"_s, u"id"_s},
                                                                  {u"destination"_s, u"_zawdemo.zohoId"_s}},
                                                      QJsonObject{{u"sourceType"_s, u"EXPRESSION"_s},
                                                                  {u"source"_s, u"lower(Email)"_s},
                                                                  {u"destination"_s, u"personalEmail.address"_s}}}}};
    HttpResult r = post(u"/conversion/mappingSets"_s, good);
    // Data Prep answers a create with 200.
    QCOMPARE(r.status, 200);
    const QString id = r.object().value(u"id"_s).toString();
    QVERIFY(QRegularExpression(u"^[0-9a-f]{32}$"_s).match(id).hasMatch());
    QCOMPARE(r.object().value(u"version"_s).toInt(-1), 0);
    QVERIFY(r.object().contains(u"createdDate"_s));
    QVERIFY(r.object().contains(u"modifiedBy"_s));

    r = get(u"/conversion/mappingSets/"_s + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"mappings"_s).toArray().size(), 2);
    QCOMPARE(r.object().value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString(),
             m_schemaId);
    r = get(u"/conversion/mappingSets"_s, u"limit=50&start=0"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"data"_s).toArray().size() >= 2);
    QCOMPARE(r.object().value(u"_page"_s).toObject().value(u"limit"_s).toInt(), 50);

    QJsonObject withBad = good;
    QJsonArray mappings = good.value(u"mappings"_s).toArray();
    mappings.append(QJsonObject{
        {u"sourceType"_s, u"ATTRIBUTE"_s}, {u"source"_s, u"Email"_s}, {u"destination"_s, u"person.favouriteColour"_s}});
    withBad.insert(u"mappings"_s, mappings);
    r = post(u"/conversion/mappingSets/validate"_s, withBad);
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.object().value(u"validationResponse"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"status"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(results.at(1).toObject().value(u"status"_s).toString(), u"SUCCESS"_s);
    QCOMPARE(results.at(2).toObject().value(u"status"_s).toString(), u"FAILED"_s);
    QVERIFY(results.at(2)
                .toObject()
                .value(u"errors"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"exception"_s)
                .toString()
                .contains(u"person.favouriteColour"_s));
    // A bad mapping set is not stored.
    r = post(u"/conversion/mappingSets"_s, withBad);
    QCOMPARE(r.status, 400);

    // With the input columns known, an unknown source column fails too.
    QJsonObject withInput = good;
    withInput.insert(u"inputSchema"_s, QJsonObject{{u"columns"_s, QJsonArray{QJsonObject{{u"name"_s, u"Email"_s}}}}});
    r = post(u"/conversion/mappingSets/validate"_s, withInput);
    const QJsonArray inputResults = r.object().value(u"validationResponse"_s).toArray();
    QCOMPARE(inputResults.at(0).toObject().value(u"status"_s).toString(), u"FAILED"_s); // "id" is not a column
    QCOMPARE(inputResults.at(1).toObject().value(u"status"_s).toString(), u"SUCCESS"_s);

    QJsonObject unknownSchema = good;
    unknownSchema.insert(
        u"outputSchema"_s,
        QJsonObject{{u"schemaRef"_s, QJsonObject{{u"id"_s, u"https://ns.adobe.com/zawdemo/schemas/00"_s}}}});
    QCOMPARE(post(u"/conversion/mappingSets"_s, unknownSchema).status, 400);

    // PUT makes a new version; flows may pin any existing one.
    QJsonObject second = good;
    second.insert(u"mappings"_s,
                  QJsonArray{QJsonObject{
                      {u"sourceType"_s, u"ATTRIBUTE"_s}, {u"source"_s, u"id"_s}, {u"destination"_s, u"_id"_s}}});
    r = call("PUT", u"/conversion/mappingSets/"_s + id, second);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"version"_s).toInt(), 1);
    QCOMPARE(get(u"/conversion/mappingSets/"_s + id).object().value(u"mappings"_s).toArray().size(), 1);
    QCOMPARE(get(u"/conversion/mappingSets/"_s + id, u"version=0"_s).object().value(u"mappings"_s).toArray().size(), 2);
    QJsonObject flow = flowBody(u"pinned mapping version"_s);
    QJsonArray transformations = flow.value(u"transformations"_s).toArray();
    transformations[1] = QJsonObject{{u"name"_s, u"Mapping"_s},
                                     {u"params"_s, QJsonObject{{u"mappingId"_s, id}, {u"mappingVersion"_s, 1}}}};
    flow.insert(u"transformations"_s, transformations);
    r = post(u"/flowservice/flows"_s, flow);
    QVERIFY2(r.status == 201, qPrintable(dump(r)));
    QCOMPARE(call("DELETE", u"/flowservice/flows/"_s + r.object().value(u"id"_s).toString()).status, 204);
    transformations[1] = QJsonObject{{u"name"_s, u"Mapping"_s},
                                     {u"params"_s, QJsonObject{{u"mappingId"_s, id}, {u"mappingVersion"_s, 2}}}};
    flow.insert(u"transformations"_s, transformations);
    QCOMPARE(flowType(post(u"/flowservice/flows"_s, flow)), u"https://ns.adobe.com/aep/errors/FLOW-1412-400"_s);
    QCOMPARE(get(u"/conversion/mappingSets/ffffffffffffffffffffffffffffffff"_s).status, 404);
}

void TestSandboxAdobe::happyPathFlow()
{
    const QString name = u"Zoho CRM Contacts dataflow"_s;
    const HttpResult created = post(u"/flowservice/flows"_s, flowBody(name));
    QVERIFY2(created.status == 201, qPrintable(dump(created)));
    const QString id = created.object().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(created.object().value(u"etag"_s).toString().startsWith(u"\""_s));
    QVERIFY(!created.header("Location").isEmpty());

    HttpResult r = get(u"/flowservice/flows/"_s + id);
    QCOMPARE(r.status, 200);
    const QJsonObject flow = r.object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(flow.value(u"state"_s).toString(), u"enabled"_s);
    QCOMPARE(flow.value(u"name"_s).toString(), name);
    QCOMPARE(flow.value(u"flowSpec"_s).toObject().value(u"id"_s).toString(), kCrmFlowSpec);
    QCOMPARE(flow.value(u"sourceConnectionIds"_s).toArray(), QJsonArray{m_sourceId});
    QCOMPARE(flow.value(u"targetConnectionIds"_s).toArray(), QJsonArray{m_targetId});
    QCOMPARE(flow.value(u"runs"_s).toString(), u"/runs?property=flowId==%1"_s.arg(id));
    const QJsonObject inherited = flow.value(u"inheritedAttributes"_s).toObject();
    QCOMPARE(inherited.value(u"sourceConnections"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"baseConnection"_s)
                 .toObject()
                 .value(u"id"_s)
                 .toString(),
             m_baseId);
    QCOMPARE(flow.value(u"scheduleParams"_s).toObject().value(u"frequency"_s).toString(), u"hour"_s);
    QCOMPARE(flow.value(u"options"_s).toObject().value(u"partialIngestionPercent"_s).toInt(), 5);
    // Its start is in the future: no run yet.
    QVERIFY(!flow.contains(u"lastRunDetails"_s));

    r = get(u"/flowservice/flows"_s, u"property=name%3D%3D%22Zoho%20CRM%20Contacts%20dataflow%22"_s);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 1);
    r = get(u"/flowservice/flows"_s, u"property=sourceConnectionIds%3D%3D"_s + m_sourceId);
    bool listed = false;
    for (const QJsonValue &v : r.object().value(u"items"_s).toArray())
        listed = listed || v.toObject().value(u"id"_s).toString() == id;
    QVERIFY(listed);
    r = get(u"/flowservice/runs"_s, u"property=flowId%3D%3D"_s + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().size(), 0);
}

void TestSandboxAdobe::flowScheduleRules_data()
{
    QTest::addColumn<QJsonObject>("schedule");
    QTest::addColumn<bool>("withDelta");
    QTest::addColumn<QString>("code");
    const qint64 later = nowSecs() + 900;
    QTest::newRow("start in the past") << QJsonObject{{u"startTime"_s, nowSecs() - 3600},
                                                      {u"frequency"_s, u"hour"_s},
                                                      {u"interval"_s, 1}}
                                       << true << u"1360-400"_s;
    QTest::newRow("once with interval") << QJsonObject{{u"startTime"_s, later},
                                                       {u"frequency"_s, u"once"_s},
                                                       {u"interval"_s, 1}}
                                        << false << u"1361-400"_s;
    QTest::newRow("minute interval 10") << QJsonObject{{u"startTime"_s, later},
                                                       {u"frequency"_s, u"minute"_s},
                                                       {u"interval"_s, 10}}
                                        << true << u"1362-400"_s;
    QTest::newRow("hour interval 0") << QJsonObject{{u"startTime"_s, later},
                                                    {u"frequency"_s, u"hour"_s},
                                                    {u"interval"_s, 0}}
                                     << true << u"1362-400"_s;
    QTest::newRow("once with backfill") << QJsonObject{{u"startTime"_s, later},
                                                       {u"frequency"_s, u"once"_s},
                                                       {u"backfill"_s, true}}
                                        << false << u"1364-400"_s;
    QTest::newRow("hour without delta column")
        << QJsonObject{{u"startTime"_s, later}, {u"frequency"_s, u"hour"_s}, {u"interval"_s, 1}} << false
        << u"1367-400"_s;
    QTest::newRow("once with delta column")
        << QJsonObject{{u"startTime"_s, later}, {u"frequency"_s, u"once"_s}} << true << u"1369-400"_s;
    QTest::newRow("month") << QJsonObject{{u"startTime"_s, later}, {u"frequency"_s, u"month"_s}, {u"interval"_s, 1}}
                           << true << u"1397-400"_s;
}

void TestSandboxAdobe::flowScheduleRules()
{
    QFETCH(QJsonObject, schedule);
    QFETCH(bool, withDelta);
    QFETCH(QString, code);
    QJsonObject body = flowBody(u"schedule rule"_s);
    body.insert(u"scheduleParams"_s, schedule);
    if (!withDelta) {
        QJsonArray transformations = body.value(u"transformations"_s).toArray();
        transformations.removeAt(0); // Copy with the delta column
        body.insert(u"transformations"_s, transformations);
    }
    const HttpResult r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-"_s + code);
}

void TestSandboxAdobe::flowAcceptsNumericStrings()
{
    // Every doc sends startTime and interval as strings; the specs type them as integers.
    QJsonObject body = flowBody(u"string schedule"_s);
    body.insert(u"scheduleParams"_s, QJsonObject{{u"startTime"_s, QString::number(nowSecs() + 600)},
                                                 {u"frequency"_s, u"minute"_s},
                                                 {u"interval"_s, u"15"_s}});
    QJsonArray transformations = body.value(u"transformations"_s).toArray();
    QJsonObject mapping = transformations.at(1).toObject();
    mapping.insert(u"params"_s, QJsonObject{{u"mappingId"_s, m_mappingId}, {u"mappingVersion"_s, u"0"_s}});
    transformations[1] = mapping;
    body.insert(u"transformations"_s, transformations);
    HttpResult r = post(u"/flowservice/flows"_s, body);
    QVERIFY2(r.status == 201, qPrintable(dump(r)));

    // Fields the create request may not carry, and options out of range.
    body = flowBody(u"with state"_s);
    body.insert(u"state"_s, u"enabled"_s);
    r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1410-400"_s);
    body = flowBody(u"with mode"_s);
    body.insert(u"mode"_s, u"draft"_s);
    r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1368-400"_s);
    body = flowBody(u"zero percent"_s);
    body.insert(u"options"_s, QJsonObject{{u"partialIngestionPercent"_s, 0}});
    r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(r.status, 400);
}

void TestSandboxAdobe::flowWithCloudStorageSpecIsRefused()
{
    QJsonObject body = flowBody(u"tutorial mistake"_s);
    body.insert(u"flowSpec"_s, QJsonObject{{u"id"_s, kCloudStorageFlowSpec}, {u"version"_s, u"1.0"_s}});
    HttpResult r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(r.status, 400);
    QVERIFY(flowType(r).startsWith(u"https://ns.adobe.com/aep/errors/FLOW-"_s));
    QVERIFY2(detailedMessage(r).contains(kCrmFlowSpec), qPrintable(dump(r)));

    body.insert(u"flowSpec"_s,
                QJsonObject{{u"id"_s, u"00000000-0000-4000-8000-000000000000"_s}, {u"version"_s, u"1.0"_s}});
    r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(r.status, 400);
}

void TestSandboxAdobe::flowMappingMustMatchDataSetSchema()
{
    // A mapping set for the seeded schema, while the target dataset uses another one.
    AepHeaders listing = m_headers.with("Accept", "application/vnd.adobe.xed-id+json");
    QString seeded;
    for (const QJsonValue &v :
         call("GET", u"/schemaregistry/tenant/schemas"_s, {}, &listing).object().value(u"results"_s).toArray()) {
        if (v.toObject().value(u"title"_s).toString() == u"Zoho CRM Contacts (existing)"_s)
            seeded = v.toObject().value(u"$id"_s).toString();
    }
    QVERIFY(!seeded.isEmpty());
    const QString otherMapping = createMappingSet(seeded);
    QVERIFY(!otherMapping.isEmpty());

    QJsonObject body = flowBody(u"mismatched mapping"_s);
    QJsonArray transformations = body.value(u"transformations"_s).toArray();
    transformations[1] =
        QJsonObject{{u"name"_s, u"Mapping"_s},
                    {u"params"_s, QJsonObject{{u"mappingId"_s, otherMapping}, {u"mappingVersion"_s, 0}}}};
    body.insert(u"transformations"_s, transformations);
    HttpResult r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1425-400"_s);

    transformations[1] = QJsonObject{
        {u"name"_s, u"Mapping"_s}, {u"params"_s, QJsonObject{{u"mappingId"_s, m_mappingId}, {u"mappingVersion"_s, 7}}}};
    body.insert(u"transformations"_s, transformations);
    r = post(u"/flowservice/flows"_s, body);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1412-400"_s);
}

void TestSandboxAdobe::flowPatch()
{
    const QString id = createFlow(flowBody(u"to patch"_s));
    const QString path = u"/flowservice/flows/"_s + id;
    const QJsonArray rename{
        QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"patched"_s}},
        QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/scheduleParams/interval"_s}, {u"value"_s, 2}}};
    HttpResult r = patch(path, rename, QByteArray());
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1403-400"_s);
    r = patch(path, rename, "\"stale\"");
    QCOMPARE(r.status, 412);
    const QByteArray etag = etagOf(path);
    r = patch(path, rename, etag);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QVERIFY(r.object().value(u"etag"_s).toString().toLatin1() != etag);
    const QJsonObject flow = get(path).object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(flow.value(u"name"_s).toString(), u"patched"_s);
    QCOMPARE(flow.value(u"scheduleParams"_s).toObject().value(u"interval"_s).toInt(), 2);
    // The schedule rules hold for updates too.
    r = patch(
        path,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/scheduleParams/interval"_s}, {u"value"_s, 0}}},
        etagOf(path));
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1362-400"_s);

    // Once the start time has passed it cannot move.
    QJsonObject started = flowBody(u"already started"_s);
    started.insert(u"scheduleParams"_s,
                   QJsonObject{{u"startTime"_s, nowSecs() - 20}, {u"frequency"_s, u"hour"_s}, {u"interval"_s, 1}});
    const QString startedId = createFlow(started);
    QVERIFY(!startedId.isEmpty());
    r = patch(u"/flowservice/flows/"_s + startedId,
              QJsonArray{QJsonObject{{u"op"_s, u"replace"_s},
                                     {u"path"_s, u"/scheduleParams/startTime"_s},
                                     {u"value"_s, nowSecs() + 3600}}},
              etagOf(u"/flowservice/flows/"_s + startedId));
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1366-400"_s);
}

void TestSandboxAdobe::deleteBaseConnectionUsedByFlow()
{
    const QString base = createConnection(connectionBody(m_ana, u"Zoho CRM - to delete"_s));
    const QString source = createSourceConnection(base, u"Leads"_s);
    QJsonObject body = flowBody(u"uses the base"_s);
    body.insert(u"sourceConnectionIds"_s, QJsonArray{source});
    const QString flow = createFlow(body);
    QVERIFY(!flow.isEmpty());

    HttpResult r = call("DELETE", u"/flowservice/connections/"_s + base);
    QCOMPARE(r.status, 400);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1418-400"_s);
    QCOMPARE(get(u"/flowservice/connections/"_s + base).status, 200);

    r = call("DELETE", u"/flowservice/flows/"_s + flow);
    QCOMPARE(r.status, 204);
    QCOMPARE(get(u"/flowservice/flows/"_s + flow).status, 404);
    r = call("DELETE", u"/flowservice/sourceConnections/"_s + source);
    QCOMPARE(r.status, 204);
    r = call("DELETE", u"/flowservice/connections/"_s + base);
    QCOMPARE(r.status, 204);
    QCOMPARE(get(u"/flowservice/connections/"_s + base).status, 404);
}

void TestSandboxAdobe::enableDisable()
{
    const QString id = createFlow(flowBody(u"toggle"_s));
    const QString path = u"/flowservice/flows/"_s + id;
    const QByteArray etag = etagOf(path);
    HttpResult r = call("POST", path + u"/action"_s, {}, nullptr, u"op=disable"_s);
    QVERIFY2(r.status == 200, qPrintable(dump(r)));
    QCOMPARE(r.object().value(u"id"_s).toString(), id);
    QVERIFY(r.object().value(u"etag"_s).toString().toLatin1() != etag);
    QJsonObject flow = get(path).object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(flow.value(u"state"_s).toString(), u"disabled"_s);
    QCOMPARE(flow.value(u"lastOperation"_s).toObject().value(u"operation"_s).toString(), u"disable"_s);

    r = call("POST", path + u"/action"_s, {}, nullptr, u"op=ENABLE&subOp=none"_s);
    QCOMPARE(r.status, 200);
    flow = get(path).object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(flow.value(u"state"_s).toString(), u"enabled"_s);

    r = call("POST", path + u"/action"_s, {}, nullptr, u"op=explode"_s);
    QCOMPARE(r.status, 400);
    r = call("POST", u"/flowservice/flows/00000000-0000-4000-8000-000000000000/action"_s, {}, nullptr, u"op=enable"_s);
    QCOMPARE(r.status, 404);
}

void TestSandboxAdobe::runsFromControlRoute()
{
    const QString id = createFlow(flowBody(u"run on demand"_s));
    const HttpResult run = m_fixture->http.send("POST", m_fixture->url(u"/_sandbox/adobe/flows/%1/run"_s.arg(id)));
    QVERIFY2(run.status == 201, qPrintable(dump(run)));
    const QString runId = run.object().value(u"id"_s).toString();
    QCOMPARE(run.object().value(u"flowId"_s).toString(), id);

    const int expected = zohoRecordCount(u"Contacts"_s);
    QVERIFY(expected > 0);

    HttpResult r = get(u"/flowservice/runs"_s, u"property=flowId%3D%3D"_s + id);
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"_links"_s).isObject());
    const QJsonArray items = r.object().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(item.value(u"id"_s).toString(), runId);
    const QJsonObject metrics = item.value(u"metrics"_s).toObject();
    QCOMPARE(metrics.value(u"recordSummary"_s).toObject().value(u"inputRecordCount"_s).toInt(), expected);
    QCOMPARE(metrics.value(u"recordSummary"_s).toObject().value(u"failedRecordCount"_s).toInt(-1), 0);
    // It has just started.
    QCOMPARE(metrics.value(u"statusSummary"_s).toObject().value(u"status"_s).toString(), u"inProgress"_s);
    QVERIFY(metrics.value(u"durationSummary"_s).toObject().value(u"startedAtUTC"_s).toDouble() > 1.6e12);
    QVERIFY(metrics.value(u"sizeSummary"_s).toObject().value(u"inputBytes"_s).toDouble() > 0);
    QVERIFY(metrics.contains(u"fileSummary"_s));
    const QJsonArray activities = item.value(u"activities"_s).toArray();
    QCOMPARE(activities.size(), 2);
    const QJsonObject promotion = activities.at(1).toObject();
    const QString batch = promotion.value(u"targetInfo"_s)
                              .toArray()
                              .first()
                              .toObject()
                              .value(u"reference"_s)
                              .toObject()
                              .value(u"ids"_s)
                              .toArray()
                              .first()
                              .toString();
    QVERIFY2(QRegularExpression(u"^[0-9A-Z]{26}$"_s).match(batch).hasMatch(), qPrintable(batch));

    r = get(u"/flowservice/runs/"_s + runId);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().first().toObject().value(u"flowId"_s).toString(), id);

    const QJsonObject flow = get(u"/flowservice/flows/"_s + id).object().value(u"items"_s).toArray().first().toObject();
    QCOMPARE(flow.value(u"lastRunDetails"_s).toObject().value(u"id"_s).toString(), runId);
    QCOMPARE(flow.value(u"lastRunDetails"_s).toObject().value(u"state"_s).toString(), u"inProgress"_s);

    QCOMPARE(m_fixture->http.send("POST", m_fixture->url(u"/_sandbox/adobe/flows/nope/run"_s)).status, 404);
}

void TestSandboxAdobe::scheduledRunsAppear()
{
    // A flow whose start is just now: its first slot is due at once and shows up on read.
    QJsonObject body = flowBody(u"scheduled"_s);
    body.insert(u"sourceConnectionIds"_s, QJsonArray{createSourceConnection(m_baseId, u"Leads"_s)});
    body.insert(u"scheduleParams"_s,
                QJsonObject{{u"startTime"_s, nowSecs() - 5}, {u"frequency"_s, u"minute"_s}, {u"interval"_s, 15}});
    const QString id = createFlow(body);
    QVERIFY(!id.isEmpty());
    const HttpResult r = get(u"/flowservice/runs"_s, u"property=flowId%3D%3D"_s + id);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.object().value(u"items"_s).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first()
                 .toObject()
                 .value(u"metrics"_s)
                 .toObject()
                 .value(u"recordSummary"_s)
                 .toObject()
                 .value(u"inputRecordCount"_s)
                 .toInt(),
             zohoRecordCount(u"Leads"_s));
    // Reading again creates no second run for the same slot.
    QCOMPARE(get(u"/flowservice/runs"_s, u"property=flowId%3D%3D"_s + id).object().value(u"items"_s).toArray().size(),
             1);

    // A run whose slot began more than its duration ago has completed.
    QJsonObject earlier = flowBody(u"started a while ago"_s);
    earlier.insert(u"scheduleParams"_s,
                   QJsonObject{{u"startTime"_s, nowSecs() - 45}, {u"frequency"_s, u"day"_s}, {u"interval"_s, 1}});
    const QString done = createFlow(earlier);
    QVERIFY(!done.isEmpty());
    const QJsonObject finished = get(u"/flowservice/runs"_s, u"property=flowId%3D%3D"_s + done)
                                     .object()
                                     .value(u"items"_s)
                                     .toArray()
                                     .first()
                                     .toObject();
    const QJsonObject metrics = finished.value(u"metrics"_s).toObject();
    QCOMPARE(metrics.value(u"statusSummary"_s).toObject().value(u"status"_s).toString(), u"success"_s);
    QVERIFY(metrics.value(u"durationSummary"_s).toObject().contains(u"completedAtUTC"_s));
    QCOMPARE(metrics.value(u"recordSummary"_s).toObject().value(u"outputRecordCount"_s).toInt(),
             metrics.value(u"recordSummary"_s).toObject().value(u"inputRecordCount"_s).toInt());
    const QJsonObject last = get(u"/flowservice/flows/"_s + done)
                                 .object()
                                 .value(u"items"_s)
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(u"lastRunDetails"_s)
                                 .toObject();
    QCOMPARE(last.value(u"id"_s).toString(), finished.value(u"id"_s).toString());
    QCOMPARE(last.value(u"state"_s).toString(), u"success"_s);

    // Disabling keeps the history and adds nothing.
    QCOMPARE(call("POST", u"/flowservice/flows/%1/action"_s.arg(id), {}, nullptr, u"op=disable"_s).status, 200);
    QCOMPARE(get(u"/flowservice/runs"_s, u"property=flowId%3D%3D"_s + id).object().value(u"items"_s).toArray().size(),
             1);
}

void TestSandboxAdobe::objectsAreScopedToSandbox()
{
    const AepHeaders dev = m_headers.inSandbox(u"dev"_s);
    const QString connection = createConnection(connectionBody(m_ana, u"Zoho CRM - dev"_s), &dev);
    QVERIFY(!connection.isEmpty());
    QCOMPARE(call("GET", u"/flowservice/connections/"_s + connection, {}, &dev).status, 200);
    HttpResult r = get(u"/flowservice/connections/"_s + connection);
    QCOMPARE(r.status, 404);
    QCOMPARE(flowType(r), u"https://ns.adobe.com/aep/errors/FLOW-1439-404"_s);
    QVERIFY(!get(u"/flowservice/connections"_s).body.contains(connection.toLatin1()));
    QCOMPARE(call("GET", u"/flowservice/connections/"_s + m_baseId, {}, &dev).status, 404);

    const QString schema = createSchema(u"Dev schema"_s, &dev);
    QVERIFY(!schema.isEmpty());
    const QString dataSet = createDataSet(schema, u"Dev dataset"_s, &dev);
    QVERIFY(!dataSet.isEmpty());
    QCOMPARE(call("GET", u"/catalog/dataSets/"_s + dataSet, {}, &dev).status, 200);
    QCOMPARE(get(u"/catalog/dataSets/"_s + dataSet).status, 404);
    // The seeded prod dataset is not in dev, and a prod schema cannot back a dev dataset.
    QCOMPARE(call("GET", u"/catalog/dataSets"_s, {}, &dev).object().keys(), QStringList{dataSet});
    const QJsonObject body{{u"name"_s, u"cross"_s}, {u"schemaRef"_s, QJsonObject{{u"id"_s, m_schemaId}}}};
    QCOMPARE(call("POST", u"/catalog/dataSets"_s, body, &dev).status, 400);
    // The same title may exist in each sandbox.
    QVERIFY(!createSchema(u"Zoho CRM Contacts (flows)"_s, &dev).isEmpty());
}

void TestSandboxAdobe::stateSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"state.json"_s);
    QString clientId;
    QString connectionId;
    {
        zaw::sandbox::SandboxOptions options;
        options.relaxedLimits = true;
        zaw::test::SandboxFixture first(options);
        QString error;
        QVERIFY2(first.server().setStateFile(file, &error), qPrintable(error));
        const QJsonObject adobe = first.credentials().value(u"adobe"_s).toObject();
        clientId = adobe.value(u"clientId"_s).toString();
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
        form.addQueryItem(u"client_id"_s, clientId);
        form.addQueryItem(u"client_secret"_s, adobe.value(u"clientSecret"_s).toString());
        form.addQueryItem(u"scope"_s, u"openid"_s);
        const QString token = first.http.postForm(first.url(u"/adobe/ims/ims/token/v3"_s), form)
                                  .object()
                                  .value(u"access_token"_s)
                                  .toString();
        QVERIFY(!token.isEmpty());
        const AepHeaders h(token, clientId, adobe.value(u"orgId"_s).toString(), u"prod"_s);
        Headers headers = h.list();
        headers.append(jsonContentType());
        QUrl url = first.url(u"/adobe/platform/data/foundation/flowservice/connections"_s);
        const HttpResult r = first.http.send(
            "POST", url, headers, QJsonDocument(connectionBody(m_ana, u"persisted"_s)).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 201);
        connectionId = r.object().value(u"id"_s).toString();
    }
    zaw::sandbox::SandboxOptions options;
    zaw::test::SandboxFixture second(options);
    QString error;
    QVERIFY2(second.server().setStateFile(file, &error), qPrintable(error));
    const QJsonObject adobe = second.credentials().value(u"adobe"_s).toObject();
    QCOMPARE(adobe.value(u"clientId"_s).toString(), clientId);
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
    form.addQueryItem(u"client_id"_s, clientId);
    form.addQueryItem(u"client_secret"_s, adobe.value(u"clientSecret"_s).toString());
    form.addQueryItem(u"scope"_s, u"openid"_s);
    const QString token = second.http.postForm(second.url(u"/adobe/ims/ims/token/v3"_s), form)
                              .object()
                              .value(u"access_token"_s)
                              .toString();
    const AepHeaders h(token, clientId, adobe.value(u"orgId"_s).toString(), u"prod"_s);
    const HttpResult r = second.http.get(
        second.url(u"/adobe/platform/data/foundation/flowservice/connections/"_s + connectionId), h.list());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"items"_s).toArray().first().toObject().value(u"name"_s).toString(), u"persisted"_s);
}

QTEST_GUILESS_MAIN(TestSandboxAdobe)
#include "tst_sandbox_adobe.moc"
