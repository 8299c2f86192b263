// SPDX-License-Identifier: GPL-3.0-or-later
// The exported setup script: its text (valid bash, no secret, the environment it reads, existing
// objects reused or sent again, every value shell-quoted) and real runs with bash, curl and jq
// against the in-process sandbox, through a small recording front that shows exactly what curl
// sent (headers, bodies with IDs and secrets filled in, the mapping version as a number) before
// passing it on. curl and jq are wrapped so that their command lines are logged: no secret and
// no access token may appear there.
#include "AdobeTestRig.h"
#include "SetupTestRig.h"
#include "TestHttp.h"
#include "TestSkip.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "setup/ScriptExporter.h"
#include "setup/SetupPlan.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QAbstractHttpServer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace zaw;
using zaw::setup::PlannedRequest;
using zaw::setup::ScriptExporter;
using zaw::setup::ScriptTarget;
using zaw::setup::SetupPlan;
using zaw::setup::SetupRequest;
using Existing = zaw::setup::ScriptExporter::Existing;

Q_DECLARE_METATYPE(zaw::setup::PlannedRequest)
Q_DECLARE_METATYPE(zaw::setup::ScriptExporter::Existing)

namespace {

const QString kFlowService = u"/data/foundation/flowservice"_s;

// Secrets that JSON, the shell and curl's config syntax would all like to interpret.
const QString kOddClientSecret = u"se\"cr\\et 'single' $(touch /tmp/zaw-pwned) `id` é→ {{ZOHO_ACCESS_TOKEN}}"_s;
const QString kOddAccessToken = u"1000.tok\\\\en\" with\nnewline\tand tab"_s;
const QString kOddRefreshToken = u"1000.refresh%20+&=?#;|<>\\u0041"_s;

// Sits in front of the sandbox: records each request as curl sent it, then lets the sandbox
// answer it (in-process, as the sandbox's own Platform side calls its Zoho side).
class RecordingFront : public QAbstractHttpServer
{
public:
    explicit RecordingFront(sandbox::SandboxServer *target)
        : m_target(target)
    {}

    QUrl start()
    {
        const quint16 port = listen(QHostAddress::LocalHost, 0);
        return port ? QUrl(u"http://127.0.0.1:%1"_s.arg(port)) : QUrl();
    }

    QList<sandbox::Request> seen;
    QList<int> statuses;

protected:
    bool handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket) override
    {
        sandbox::Request request;
        switch (httpRequest.method()) {
        case QHttpServerRequest::Method::Get:
            request.method = "GET";
            break;
        case QHttpServerRequest::Method::Post:
            request.method = "POST";
            break;
        case QHttpServerRequest::Method::Put:
            request.method = "PUT";
            break;
        case QHttpServerRequest::Method::Patch:
            request.method = "PATCH";
            break;
        case QHttpServerRequest::Method::Delete:
            request.method = "DELETE";
            break;
        default:
            request.method = "OTHER";
        }
        const QUrl url = httpRequest.url();
        request.path = url.path(QUrl::FullyDecoded);
        request.query = QUrlQuery(url);
        for (const auto &h : httpRequest.headers())
            request.headers.append({h.first.toLower(), h.second});
        request.body = httpRequest.body();
        seen.append(request);
        const sandbox::Response response = m_target->call(request);
        statuses.append(response.status);
        QHttpServerResponder responder = makeResponder(httpRequest, socket);
        responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
        for (const auto &h : response.headers) {
            if (h.first.toLower() != "content-length")
                responder.writeHeader(h.first, h.second);
        }
        responder.writeHeader("content-length", QByteArray::number(response.body.size()));
        responder.writeBody(response.body);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override
    {
        socket->write("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
    }

private:
    sandbox::SandboxServer *m_target;
};

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
    QMap<QString, QString> ids; // the NAME=value lines of standard output
};

// The placeholders filled as the script must fill them: {{NAME}} anywhere in keys and strings,
// a string that is exactly a number variable's placeholder as the number.
QString fillText(const QString &text, const QMap<QString, QString> &vars)
{
    static const QRegularExpression any(u"\\{\\{([A-Z][A-Z0-9_]*)\\}\\}"_s);
    QString out;
    qsizetype last = 0;
    auto it = any.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += vars.contains(m.captured(1)) ? vars.value(m.captured(1)) : m.captured(0);
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

QJsonValue fill(const QJsonValue &value, const QMap<QString, QString> &vars)
{
    if (value.isString()) {
        const QString s = value.toString();
        for (const QString &name : PlannedRequest::numberVariables()) {
            if (s == PlannedRequest::placeholder(name) && vars.contains(name))
                return vars.value(name).toDouble();
        }
        return fillText(s, vars);
    }
    if (value.isArray()) {
        QJsonArray a;
        for (const QJsonValue &v : value.toArray())
            a.append(fill(v, vars));
        return a;
    }
    if (value.isObject()) {
        QJsonObject o;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            o.insert(fillText(it.key(), vars), fill(it.value(), vars));
        return o;
    }
    return value;
}

QJsonValue bodyOf(const sandbox::Request &r)
{
    return QJsonDocument::fromJson(r.body).isArray() ? QJsonValue(QJsonDocument::fromJson(r.body).array())
                                                     : QJsonValue(QJsonDocument::fromJson(r.body).object());
}

PlannedRequest request(const QString &key, const QString &title, const QString &servicePath, const QJsonValue &body,
                       const QString &idVariable)
{
    PlannedRequest r;
    r.stepKey = key;
    r.title = title;
    r.method = "POST";
    r.servicePath = servicePath;
    r.body = body;
    r.idVariable = idVariable;
    return r;
}

QJsonObject zohoBaseBody(const QString &name, const QString &clientId)
{
    adobe::ZohoAuthParams params;
    params.endpoint = u"https://www.zohoapis.eu"_s;
    params.accountsUrl = u"https://accounts.zoho.eu"_s;
    params.clientId = clientId;
    params.clientSecret = PlannedRequest::placeholder(u"ZOHO_CLIENT_SECRET"_s);
    params.accessToken = PlannedRequest::placeholder(u"ZOHO_ACCESS_TOKEN"_s);
    params.refreshToken = PlannedRequest::placeholder(u"ZOHO_REFRESH_TOKEN"_s);
    return adobe::FlowServiceClient::zohoConnectionBody(name, u"Made by the script test"_s, params);
}

// A whole setup written by hand, in the shape SetupPlan plans it: a base connection with the
// three Zoho secrets, a schema whose body has "$id"/"$ref" keys, a dataset answered as a Catalog
// reference, a mapping set whose version the flow uses as a number, names with quotes and spaces.
QList<PlannedRequest> handBuiltSetup()
{
    QList<PlannedRequest> list;
    list.append(request(u"baseConnection"_s, u"Base connection (Zoho CRM account)"_s, kFlowService + u"/connections"_s,
                        zohoBaseBody(u"Zoho CRM 'Sales' account"_s, u"1000.CLIENTID"_s), u"BASE_CONNECTION_ID"_s));

    PlannedRequest schema = request(
        u"schema"_s, u"XDM schema"_s, u"/data/foundation/schemaregistry/tenant/schemas"_s,
        QJsonObject{{u"title"_s, u"Zoho CRM Leads (Ana's \"best\" leads)"_s},
                    {u"type"_s, u"object"_s},
                    {u"allOf"_s, QJsonArray{QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile"_s}},
                                            QJsonObject{{u"$ref"_s, u"#/definitions/zoho"_s}}}},
                    {u"definitions"_s,
                     QJsonObject{{u"zoho"_s, QJsonObject{{u"$id"_s, u"#/definitions/zoho"_s},
                                                         {u"properties"_s,
                                                          QJsonObject{{u"_{{TENANT_ID}}"_s,
                                                                       QJsonObject{{u"type"_s, u"object"_s}}}}}}}}}},
        u"SCHEMA_ID"_s);
    schema.idField = u"$id"_s;
    list.append(schema);

    PlannedRequest dataSet =
        request(u"dataSet"_s, u"Dataset"_s, u"/data/foundation/catalog/dataSets"_s,
                QJsonObject{{u"name"_s, u"Zoho CRM Leads"_s},
                            {u"schemaRef"_s,
                             QJsonObject{{u"id"_s, u"{{SCHEMA_ID}}"_s},
                                         {u"contentType"_s, u"application/vnd.adobe.xed-full+json;version=1"_s}}}},
                u"DATASET_ID"_s);
    dataSet.idIn = PlannedRequest::IdIn::CatalogReference;
    dataSet.query = {qMakePair(u"requestDataSource"_s, u"true"_s)};
    list.append(dataSet);

    PlannedRequest mapping = request(
        u"mappingSet"_s, u"Mapping set"_s, u"/data/foundation/conversion/mappingSets"_s,
        QJsonObject{{u"outputSchema"_s, QJsonObject{{u"schemaRef"_s, QJsonObject{{u"id"_s, u"{{SCHEMA_ID}}"_s}}}}},
                    {u"mappings"_s, QJsonArray{QJsonObject{{u"source"_s, u"Email"_s},
                                                           {u"destination"_s, u"_{{TENANT_ID}}.zoho.email"_s}}}}},
        u"MAPPING_SET_ID"_s);
    mapping.moreVariables = {qMakePair(u"MAPPING_SET_VERSION"_s, u"version"_s)};
    list.append(mapping);

    list.append(request(
        u"flow"_s, u"Dataflow"_s, kFlowService + u"/flows"_s,
        QJsonObject{
            {u"name"_s, u"Leads 'hourly' it's mine"_s},
            {u"description"_s, u"Reads through {{BASE_CONNECTION_ID}} into {{DATASET_ID}}"_s},
            {u"transformations"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"Mapping"_s},
                                    {u"params"_s, QJsonObject{{u"mappingId"_s, u"{{MAPPING_SET_ID}}"_s},
                                                              {u"mappingVersion"_s, u"{{MAPPING_SET_VERSION}}"_s}}}}}}},
        u"FLOW_ID"_s));
    return list;
}

// The same setup with base connection and schema made already (as a resumed plan lists them).
QList<PlannedRequest> handBuiltSetupHalfDone()
{
    QList<PlannedRequest> list = handBuiltSetup();
    list[0].existingId = u"base-0001"_s;
    list[0].knownValues = {qMakePair(u"BASE_CONNECTION_ID"_s, u"base-0001"_s)};
    list[1].existingId = u"https://ns.adobe.com/tenant/schemas/it's-there"_s;
    list[1].knownValues = {qMakePair(u"SCHEMA_ID"_s, list[1].existingId)};
    return list;
}

} // namespace

class TestSetupScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    // The script's text.
    void scriptPassesBashSyntaxCheck_data();
    void scriptPassesBashSyntaxCheck();
    void scriptListsItsEnvironmentAndHoldsNoSecret();
    void existingObjectsAreReusedInReuseMode();
    void existingObjectsAreSentAgainInRecreateMode();
    void valuesWithQuotesAndSpacesSurviveTheShell();
    void unusableVariableNameIsRefused();

    // Runs with bash, curl and jq.
    void missingToolStopsTheScript();
    void missingSecretStopsTheScriptBeforeAnythingIsSent();
    void secretsWithQuotesAndBackslashesArriveIntact();
    void plannedSetupIsCreatedByTheScript();
    void reuseRunMakesOnlyWhatIsMissing();
    void failedRequestStopsTheScriptWithAdobesAnswer();

private:
    ScriptTarget target() const;
    SetupRequest setupRequest(const QString &tag) const;
    bool toolsReady(QString *why) const;
    // Writes the script, runs it with bash (asynchronously: the sandbox answers on this thread's
    // event loop) with the front's URLs and the given environment, and waits for it.
    Run runScript(const QString &script, const QMap<QString, QString> &env, const QString &path = {});
    QMap<QString, QString> secretsEnv() const;
    QStringList argvLog() const;
    // Requests that reached the Platform API (not IMS).
    QList<sandbox::Request> platformRequests() const;
    void verifyGatewayHeaders(const sandbox::Request &r, const QByteArray &token);
    QByteArray tokenOfLastRun() const;
    Run runPlannedSetup(SetupPlan &plan, const QList<PlannedRequest> &requests);

    std::unique_ptr<test::SandboxFixture> m_fixture;
    std::unique_ptr<test::AdobeRig> m_rig;
    std::unique_ptr<RecordingFront> m_front;
    QUrl m_frontUrl;
    QString m_adobeSecret;
    QString m_tenant;
    zoho::ZohoSession m_zoho;
    QList<zoho::ZohoField> m_leadsFields;
    QList<catalogue::Column> m_leadsColumns;
    QTemporaryDir m_dir;
    QString m_toolDir; // curl and jq wrappers that log their command lines
    QStringList m_missingTools;
    QMap<QString, QString> m_firstRunIds; // of plannedSetupIsCreatedByTheScript
};

// ---- fixture ---------------------------------------------------------------------------------

void TestSetupScript::initTestCase()
{
    QVERIFY(m_dir.isValid());
    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    m_fixture = std::make_unique<test::SandboxFixture>(options);
    m_rig = std::make_unique<test::AdobeRig>(*m_fixture);
    m_adobeSecret = m_rig->session.clientSecret;
    m_front = std::make_unique<RecordingFront>(&m_fixture->server());
    m_frontUrl = m_front->start();
    QVERIFY(m_frontUrl.isValid());

    // curl and jq behind wrappers that log their arguments (sh's printf is a builtin).
    m_toolDir = m_dir.filePath(u"bin"_s);
    QVERIFY(QDir().mkpath(m_toolDir));
    for (const QString &tool : {u"curl"_s, u"jq"_s}) {
        const QString real = QStandardPaths::findExecutable(tool);
        if (real.isEmpty()) {
            m_missingTools.append(tool);
            continue;
        }
        QFile wrapper(m_toolDir + u'/' + tool);
        QVERIFY(wrapper.open(QIODevice::WriteOnly));
        wrapper.write(u"#!/bin/sh\nprintf '%s\\n' \"%1 $*\" >>\"$SCRIPT_TEST_ARGV_LOG\"\nexec %2 \"$@\"\n"_s
                          .arg(tool, ScriptExporter::shellQuote(real))
                          .toUtf8());
        wrapper.close();
        QVERIFY(wrapper.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    }

    // Ana signed in; Leads as Zoho describes them and as AEP's explore sees them, through a base
    // connection of the test's own.
    test::ZohoSource source;
    QString error;
    QVERIFY2(test::readZohoSource(*m_fixture, *m_rig, u"ana.lima@example.com"_s, u"Script test account"_s, {u"Leads"_s},
                                  &source, &error),
             qPrintable(error));
    m_zoho = source.session;
    QVERIFY(!m_zoho.refreshToken.isEmpty());
    m_leadsFields = source.leadsFields;
    m_leadsColumns = source.columns.value(u"Leads"_s);
    QVERIFY(m_leadsColumns.size() > 10);

    const auto tenant = test::await<QString>([&](QObject *c, auto done) { m_rig->schemas.tenantId(c, done); });
    QVERIFY2(!tenant.second, qPrintable(tenant.second.message));
    m_tenant = tenant.first;
}

void TestSetupScript::init()
{
    m_front->seen.clear();
    m_front->statuses.clear();
    QFile::remove(m_dir.filePath(u"argv.log"_s));
}

// Production URLs: the runs point the script at the front through PLATFORM_URL and IMS_TOKEN_URL.
ScriptTarget TestSetupScript::target() const
{
    ScriptTarget t;
    t.imsTokenUrl = u"https://ims-na1.adobelogin.com/ims/token/v3"_s;
    t.imsScopes = adobe::ImsClient::defaultScopes();
    t.platformUrl = u"https://platform.adobe.io"_s;
    t.clientId = m_rig->session.clientId;
    t.orgId = m_rig->session.orgId;
    t.sandboxName = m_rig->session.sandboxName;
    return t;
}

SetupRequest TestSetupScript::setupRequest(const QString &tag) const
{
    SetupRequest r;
    r.baseConnectionName = u"Zoho CRM (Ana's \"%1\" account)"_s.arg(tag);
    r.zoho = m_zoho;
    r.tablePath = u"Leads"_s;
    r.columns = m_leadsColumns;
    r.zohoFields = m_leadsFields;
    r.dataSetName = u"Zoho CRM Leads (%1)"_s.arg(tag);
    r.schemaTitle = u"Zoho CRM Leads (%1)"_s.arg(tag);
    r.flowName = u"Leads 'hourly' (%1)"_s.arg(tag);
    r.errorDiagnostics = true;
    r.partialIngestionPercent = 5;
    r.schedule.frequency = u"hour"_s;
    r.schedule.interval = 1;
    r.schedule.backfill = true;
    r.schedule.deltaColumn = u"Modified_Time"_s;
    r.schedule.start = QDateTime::currentDateTimeUtc().addSecs(3600);
    return r;
}

bool TestSetupScript::toolsReady(QString *why) const
{
    if (m_missingTools.isEmpty())
        return true;
    *why = u"not installed: %1 (apt-get install curl jq)"_s.arg(m_missingTools.join(u", "_s));
    return false;
}

// Runs only with curl and jq: their absence is a skip with a marker ctest recognises (TestSkip.h),
// and in CI a failure unless .ci/expected-skips lists this suite.
#define REQUIRE_TOOLS()                                                                                                \
    do {                                                                                                               \
        QString why;                                                                                                   \
        if (!toolsReady(&why))                                                                                         \
            ZAW_SKIP_MISSING_TOOL(why);                                                                                \
    } while (false)

QMap<QString, QString> TestSetupScript::secretsEnv() const
{
    return {{u"ADOBE_CLIENT_SECRET"_s, m_adobeSecret},
            {u"ZOHO_CLIENT_SECRET"_s, m_zoho.clientSecret},
            {u"ZOHO_ACCESS_TOKEN"_s, m_zoho.accessToken},
            {u"ZOHO_REFRESH_TOKEN"_s, m_zoho.refreshToken}};
}

Run TestSetupScript::runScript(const QString &script, const QMap<QString, QString> &env, const QString &path)
{
    Run run;
    const QString file = m_dir.filePath(u"setup.sh"_s);
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return run;
    f.write(script.toUtf8());
    f.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {u"ADOBE_CLIENT_SECRET"_s, u"ZOHO_CLIENT_SECRET"_s, u"ZOHO_ACCESS_TOKEN"_s, u"ZOHO_REFRESH_TOKEN"_s,
          u"PLATFORM_URL"_s, u"IMS_TOKEN_URL"_s, u"ADOBE_SANDBOX_NAME"_s, u"TENANT_ID"_s})
        environment.remove(name);
    environment.insert(u"PATH"_s, path.isEmpty() ? m_toolDir + u':' + environment.value(u"PATH"_s) : path);
    environment.insert(u"SCRIPT_TEST_ARGV_LOG"_s, m_dir.filePath(u"argv.log"_s));
    environment.insert(u"PLATFORM_URL"_s, m_frontUrl.toString() + u"/adobe/platform"_s);
    environment.insert(u"IMS_TOKEN_URL"_s, m_frontUrl.toString() + u"/adobe/ims/ims/token/v3"_s);
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());

    QProcess bash;
    bash.setProcessEnvironment(environment);
    bash.setWorkingDirectory(m_dir.path());
    bash.start(u"/bin/bash"_s, {file});
    if (!bash.waitForStarted(10000))
        return run;
    bash.closeWriteChannel();
    // Never waitForFinished(): the sandbox answers curl on this thread's event loop.
    run.finished = QTest::qWaitFor([&] { return bash.state() == QProcess::NotRunning; }, 90000);
    if (!run.finished) {
        bash.kill();
        bash.waitForFinished(5000);
    }
    run.exitCode = bash.exitStatus() == QProcess::NormalExit ? bash.exitCode() : -1;
    run.out = QString::fromUtf8(bash.readAllStandardOutput());
    run.err = QString::fromUtf8(bash.readAllStandardError());
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            run.ids.insert(line.left(eq), line.mid(eq + 1));
    }
    return run;
}

QStringList TestSetupScript::argvLog() const
{
    QFile f(m_dir.filePath(u"argv.log"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

QList<sandbox::Request> TestSetupScript::platformRequests() const
{
    QList<sandbox::Request> list;
    for (const sandbox::Request &r : m_front->seen) {
        if (r.path.startsWith(u"/adobe/platform/"_s))
            list.append(r);
    }
    return list;
}

QByteArray TestSetupScript::tokenOfLastRun() const
{
    for (const sandbox::Request &r : m_front->seen) {
        const QByteArray authorization = r.header("authorization");
        if (authorization.startsWith("Bearer "))
            return authorization.mid(7);
    }
    return {};
}

void TestSetupScript::verifyGatewayHeaders(const sandbox::Request &r, const QByteArray &token)
{
    QCOMPARE(r.header("authorization"), "Bearer " + token);
    QCOMPARE(r.header("x-api-key"), m_rig->session.clientId.toUtf8());
    QCOMPARE(r.header("x-gw-ims-org-id"), m_rig->session.orgId.toUtf8());
    QCOMPARE(r.header("x-sandbox-name"), QByteArray("prod"));
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(int(r.headerValues("authorization").size()), 1);
}

// ---- the script's text -----------------------------------------------------------------------

void TestSetupScript::scriptPassesBashSyntaxCheck_data()
{
    QTest::addColumn<QList<PlannedRequest>>("requests");
    QTest::addColumn<Existing>("existing");
    QTest::newRow("new setup") << handBuiltSetup() << Existing::Reuse;
    QTest::newRow("half done, reuse") << handBuiltSetupHalfDone() << Existing::Reuse;
    QTest::newRow("half done, recreate") << handBuiltSetupHalfDone() << Existing::Recreate;
    QTest::newRow("nothing") << QList<PlannedRequest>() << Existing::Reuse;
}

void TestSetupScript::scriptPassesBashSyntaxCheck()
{
    QFETCH(QList<PlannedRequest>, requests);
    QFETCH(Existing, existing);
    QString error;
    const QString script = ScriptExporter::script(requests, target(), existing, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(script.startsWith(u"#!/usr/bin/env bash\n"_s));
    QVERIFY(script.contains(u"\nset -euo pipefail\n"_s));
    const QString file = m_dir.filePath(u"syntax.sh"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(script.toUtf8());
    f.close();
    QProcess bash;
    bash.start(u"/bin/bash"_s, {u"-n"_s, file});
    QVERIFY(bash.waitForFinished(20000)); // no sandbox involved
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
    // Bodies go in verbatim through quoted here-documents: "$id" and "$ref" are not expanded.
    if (!requests.isEmpty()) {
        QVERIFY(script.contains(u"<<'ZAW_BODY'\n"_s));
        const bool schemaSent = existing == Existing::Recreate || requests.at(1).existingId.isEmpty();
        QCOMPARE(script.contains(u"\n            \"$ref\": \"https://ns.adobe.com/xdm/context/profile\"\n"_s),
                 schemaSent);
        QCOMPARE(script.contains(u"\n            \"$id\": \"#/definitions/zoho\",\n"_s), schemaSent);
    }
}

void TestSetupScript::scriptListsItsEnvironmentAndHoldsNoSecret()
{
    // A plan that holds real secrets in memory: none of them reaches the script.
    SetupRequest r = setupRequest(u"no secrets"_s);
    r.zoho.clientSecret = u"zoho-client-secret-5f2a9c"_s;
    r.zoho.accessToken = u"1000.access-token-77e1b0"_s;
    r.zoho.refreshToken = u"1000.refresh-token-c0ffee"_s;
    SetupPlan plan(&m_rig->platform, r);
    const QList<PlannedRequest> planned = plan.plannedRequests(m_tenant);
    QVERIFY(planned.size() >= 6);
    for (const QList<PlannedRequest> &requests : {planned, handBuiltSetup()}) {
        const QString script = ScriptExporter::script(requests, target());
        QVERIFY(!script.isEmpty());
        for (const QString &secret : {r.zoho.clientSecret, r.zoho.accessToken, r.zoho.refreshToken, m_adobeSecret,
                                      m_zoho.clientSecret, m_zoho.refreshToken, m_zoho.accessToken})
            QVERIFY2(!script.contains(secret), qPrintable(secret));
        // The header names what it reads; the secret variables are checked before anything is sent.
        for (const QString &name :
             {u"ADOBE_CLIENT_SECRET"_s, u"ZOHO_CLIENT_SECRET"_s, u"ZOHO_ACCESS_TOKEN"_s, u"ZOHO_REFRESH_TOKEN"_s}) {
            QVERIFY2(QRegularExpression(u"\n#   %1 +required: "_s.arg(name)).match(script).hasMatch(),
                     qPrintable(name));
        }
        QVERIFY(script.contains(u"\nfor zaw_name in 'ADOBE_CLIENT_SECRET' 'ZOHO_CLIENT_SECRET' 'ZOHO_ACCESS_TOKEN' "
                                u"'ZOHO_REFRESH_TOKEN'; do\n"_s));
        QVERIFY(QRegularExpression(u"\n#   PLATFORM_URL +optional, default https://platform.adobe.io\n"_s)
                    .match(script)
                    .hasMatch());
        QVERIFY(script.contains(u": \"${PLATFORM_URL:=$ZAW_DEFAULT_PLATFORM_URL}\""_s));
        QVERIFY(script.contains(u": \"${IMS_TOKEN_URL:=$ZAW_DEFAULT_IMS_TOKEN_URL}\""_s));
        // Nothing that looks like a secret value next to a secret's name.
        static const QRegularExpression secretValue(
            u"(?i)(secret|token)\"?\\s*[:=]\\s*\"?(?!\\{\\{)[^\\s\"'{}$]{8,}"_s);
        const QRegularExpressionMatch found = secretValue.match(script);
        QVERIFY2(!found.hasMatch(), qPrintable(found.captured()));
        // Placeholders, not values, in the bodies.
        QVERIFY(script.contains(u"\"clientSecret\": \"{{ZOHO_CLIENT_SECRET}}\""_s));
        QVERIFY(script.contains(u"\"mappingVersion\": \"{{MAPPING_SET_VERSION}}\""_s));
        // Nothing that would pass a secret as an argument: curl reads its config from stdin.
        QVERIFY(!script.contains(u"--arg ZOHO_"_s));
        QVERIFY(!script.contains(u"\"$ADOBE_CLIENT_SECRET\""_s));
        QCOMPARE(script.count(u"\n        curl --silent "_s), 2);
        QCOMPARE(script.count(u"--max-time 120 --config - \\\n"_s) + script.count(u"--max-time 300 --config - \\\n"_s),
                 2);
    }
    QCOMPARE(ScriptExporter::requiredSecrets(planned), (QStringList{u"ADOBE_CLIENT_SECRET"_s, u"ZOHO_CLIENT_SECRET"_s,
                                                                    u"ZOHO_ACCESS_TOKEN"_s, u"ZOHO_REFRESH_TOKEN"_s}));
}

void TestSetupScript::existingObjectsAreReusedInReuseMode()
{
    const QString script = ScriptExporter::script(handBuiltSetupHalfDone(), target(), Existing::Reuse);
    QVERIFY(!script.isEmpty());
    QVERIFY(script.contains(u"\nBASE_CONNECTION_ID='base-0001'\n"_s));
    QVERIFY(script.contains(u"\nSCHEMA_ID='https://ns.adobe.com/tenant/schemas/it'\\''s-there'\n"_s));
    QVERIFY(script.contains(u"#   1. Base connection (Zoho CRM account): exists, used as it is: base-0001\n"_s));
    // Neither is sent, so the Zoho secrets are not needed.
    QVERIFY(!script.contains(u"zaw_prepare 'Base connection (Zoho CRM account)'"_s));
    QVERIFY(!script.contains(u"zaw_prepare 'XDM schema'"_s));
    QCOMPARE(ScriptExporter::requiredSecrets(handBuiltSetupHalfDone(), Existing::Reuse),
             QStringList{u"ADOBE_CLIENT_SECRET"_s});
    QVERIFY(script.contains(u"\nfor zaw_name in 'ADOBE_CLIENT_SECRET'; do\n"_s));
    QVERIFY(!script.contains(u"ZOHO_CLIENT_SECRET"_s.prepend(u"#   "_s)));
    // The rest is made, reading its IDs from the answers.
    QVERIFY(script.contains(u"zaw_prepare 'Dataset' 'POST' '/data/foundation/catalog/dataSets' "
                            u"'[[\"requestDataSource\",\"true\"]]' '[]'"_s));
    QVERIFY(script.contains(u"zaw_read_catalog_id 'Dataset' 'DATASET_ID'\n"_s));
    QVERIFY(script.contains(u"zaw_read_field 'Mapping set' 'MAPPING_SET_VERSION' 'version'\n"_s));
    QVERIFY(script.contains(u"--arg SCHEMA_ID \"${SCHEMA_ID:?"_s));
    for (const QString &name :
         {u"BASE_CONNECTION_ID"_s, u"SCHEMA_ID"_s, u"DATASET_ID"_s, u"MAPPING_SET_ID"_s, u"FLOW_ID"_s})
        QVERIFY2(script.contains(u"\nprintf '%s=%s\\n' '%1' \"$%1\"\n"_s.arg(name)), qPrintable(name));
}

void TestSetupScript::existingObjectsAreSentAgainInRecreateMode()
{
    const QString script = ScriptExporter::script(handBuiltSetupHalfDone(), target(), Existing::Recreate);
    QVERIFY(!script.isEmpty());
    QVERIFY(script.contains(u"zaw_prepare 'Base connection (Zoho CRM account)' 'POST' "
                            u"'/data/foundation/flowservice/connections'"_s));
    QVERIFY(script.contains(u"zaw_read_field 'Base connection (Zoho CRM account)' 'BASE_CONNECTION_ID' 'id'\n"_s));
    QVERIFY(script.contains(u"zaw_read_field 'XDM schema' 'SCHEMA_ID' '$id'\n"_s));
    // The old IDs are not used: the new objects' IDs are read from the answers.
    QVERIFY(!script.contains(u"BASE_CONNECTION_ID='base-0001'"_s));
    QVERIFY(!script.contains(u"SCHEMA_ID='https://ns.adobe.com"_s));
    QCOMPARE(ScriptExporter::requiredSecrets(handBuiltSetupHalfDone(), Existing::Recreate).size(), 4);
    // The schema's field paths need the tenant, which no request provides: read from AEP.
    QVERIFY(script.contains(u"zaw_read_field 'Tenant ID' 'TENANT_ID' 'tenantId'"_s));
}

void TestSetupScript::valuesWithQuotesAndSpacesSurviveTheShell()
{
    const QStringList values{u"it's"_s,        u"''"_s,  u"a b  c"_s, u"$(id) `id` ${HOME} \\ \" ! *"_s,
                             u"line\nbreak"_s, u"é→ü"_s, QString()};
    for (const QString &value : values) {
        QProcess bash;
        bash.start(u"/bin/bash"_s, {u"-c"_s, u"printf '%s' "_s + ScriptExporter::shellQuote(value)});
        QVERIFY(bash.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(bash.readAllStandardOutput()), value);
    }
    // Titles and names with line breaks stay in their comment line.
    QList<PlannedRequest> requests = handBuiltSetup();
    requests[0].title = u"Base\nconnection; rm -rf /"_s;
    const QString script = ScriptExporter::script(requests, target());
    QVERIFY(script.contains(u"\n#   1. Base connection; rm -rf /: POST"_s));
    QVERIFY(!script.contains(u"\nconnection; rm -rf /"_s));
}

void TestSetupScript::unusableVariableNameIsRefused()
{
    for (const QString &name : {u"PATH"_s, u"base id"_s, u"X;rm"_s, u"ZOHO_CLIENT_SECRET"_s, u"PLATFORM_URL"_s,
                                u"ZAW_CONFIG"_s, u"HTTPS_PROXY"_s}) {
        QList<PlannedRequest> requests = handBuiltSetup();
        requests[2].idVariable = name;
        QString error;
        QVERIFY2(ScriptExporter::script(requests, target(), Existing::Reuse, &error).isEmpty(), qPrintable(name));
        QVERIFY(error.contains(name));
    }
}

// ---- runs ------------------------------------------------------------------------------------

void TestSetupScript::missingToolStopsTheScript()
{
    // A PATH with bash's basics but without jq.
    const QString bin = m_dir.filePath(u"nojq"_s);
    QVERIFY(QDir().mkpath(bin));
    for (const QString &tool : {u"curl"_s, u"cat"_s}) {
        const QString real = QStandardPaths::findExecutable(tool);
        if (!real.isEmpty())
            QFile::link(real, bin + u'/' + tool);
    }
    const Run run = runScript(ScriptExporter::script(handBuiltSetup(), target()), secretsEnv(), bin);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"needs "_s) && run.err.contains(u"install it"_s), qPrintable(run.err));
    QVERIFY(m_front->seen.isEmpty());
}

void TestSetupScript::missingSecretStopsTheScriptBeforeAnythingIsSent()
{
    REQUIRE_TOOLS();
    QMap<QString, QString> env = secretsEnv();
    env.remove(u"ZOHO_REFRESH_TOKEN"_s);
    env.remove(u"ADOBE_CLIENT_SECRET"_s);
    const Run run = runScript(ScriptExporter::script(handBuiltSetup(), target()), env);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"Set these environment variables first"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"ADOBE_CLIENT_SECRET ZOHO_REFRESH_TOKEN"_s), qPrintable(run.err));
    QVERIFY(m_front->seen.isEmpty());
    QVERIFY(run.ids.isEmpty());
}

void TestSetupScript::secretsWithQuotesAndBackslashesArriveIntact()
{
    REQUIRE_TOOLS();
    // A base connection with the three secrets, and a source connection that names it inside
    // longer strings.
    const QString name = u"Zoho CRM 'Sales' \"EU\" $(not run) account"_s;
    QList<PlannedRequest> requests;
    requests.append(request(u"baseConnection"_s, u"Base connection"_s, kFlowService + u"/connections"_s,
                            zohoBaseBody(name, m_zoho.clientId), u"BASE_CONNECTION_ID"_s));
    requests.append(
        request(u"sourceConnection"_s, u"Source connection"_s, kFlowService + u"/sourceConnections"_s,
                QJsonObject{{u"name"_s, u"Leads of '{{BASE_CONNECTION_ID}}'"_s},
                            {u"description"_s, u"Made from {{BASE_CONNECTION_ID}}; {{NOT_A_VARIABLE}} stays"_s},
                            {u"baseConnectionId"_s, u"{{BASE_CONNECTION_ID}}"_s},
                            {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
                            {u"params"_s, QJsonObject{{u"tableName"_s, u"Leads"_s}, {u"columns"_s, QJsonArray()}}},
                            {u"connectionSpec"_s,
                             QJsonObject{{u"id"_s, QLatin1String(adobe::FlowServiceClient::kZohoConnectionSpecId)},
                                         {u"version"_s, u"1.0"_s}}}},
                u"SOURCE_CONNECTION_ID"_s));
    const QString script = ScriptExporter::script(requests, target());
    QVERIFY(!script.isEmpty());
    QMap<QString, QString> env = secretsEnv();
    env.insert(u"ZOHO_CLIENT_SECRET"_s, kOddClientSecret);
    env.insert(u"ZOHO_ACCESS_TOKEN"_s, kOddAccessToken);
    env.insert(u"ZOHO_REFRESH_TOKEN"_s, kOddRefreshToken);
    QFile::remove(u"/tmp/zaw-pwned"_s);
    const Run run = runScript(script, env);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(!QFile::exists(u"/tmp/zaw-pwned"_s));

    const QList<sandbox::Request> sent = platformRequests();
    QCOMPARE(sent.size(), 2);
    const QByteArray token = tokenOfLastRun();
    QVERIFY(!token.isEmpty());
    for (const sandbox::Request &r : sent)
        verifyGatewayHeaders(r, token);

    bool ok = false;
    const QJsonObject base = sent.at(0).json(&ok).toObject();
    QVERIFY2(ok, sent.at(0).body.constData()); // valid JSON, however odd the secrets
    QCOMPARE(base.value(u"name"_s).toString(), name);
    const QJsonObject params = base.value(u"auth"_s).toObject().value(u"params"_s).toObject();
    QCOMPARE(params.value(u"clientSecret"_s).toString(), kOddClientSecret); // not filled in again
    QCOMPARE(params.value(u"accessToken"_s).toString(), kOddAccessToken);
    QCOMPARE(params.value(u"refreshToken"_s).toString(), kOddRefreshToken);
    QCOMPARE(params.value(u"clientId"_s).toString(), m_zoho.clientId);

    const QString baseId = run.ids.value(u"BASE_CONNECTION_ID"_s);
    QVERIFY(!baseId.isEmpty());
    const QJsonObject source = sent.at(1).json(&ok).toObject();
    QVERIFY(ok);
    QCOMPARE(source.value(u"baseConnectionId"_s).toString(), baseId);
    QCOMPARE(source.value(u"name"_s).toString(), u"Leads of '%1'"_s.arg(baseId));
    QCOMPARE(source.value(u"description"_s).toString(), u"Made from %1; {{NOT_A_VARIABLE}} stays"_s.arg(baseId));
    QCOMPARE(run.ids.keys(), (QStringList{u"BASE_CONNECTION_ID"_s, u"SOURCE_CONNECTION_ID"_s}));

    // No secret and no access token on any command line of curl or jq.
    const QStringList argv = argvLog();
    QVERIFY(argv.size() >= 3);
    for (const QString &line : argv) {
        for (const QString &secret :
             {kOddClientSecret, kOddAccessToken, kOddRefreshToken, m_adobeSecret, QString::fromLatin1(token)})
            QVERIFY2(!line.contains(secret), qPrintable(line));
    }
}

Run TestSetupScript::runPlannedSetup(SetupPlan &plan, const QList<PlannedRequest> &requests)
{
    Q_UNUSED(plan);
    QString error;
    const QString script = ScriptExporter::script(requests, target(), Existing::Reuse, &error);
    if (!error.isEmpty())
        qWarning("script: %s", qPrintable(error));
    return runScript(script, secretsEnv());
}

void TestSetupScript::plannedSetupIsCreatedByTheScript()
{
    REQUIRE_TOOLS();
    SetupPlan plan(&m_rig->platform, setupRequest(u"script run"_s));
    // Without a tenant, as the Review page may plan it before Schema Registry was asked: the
    // script reads the tenant itself.
    const QList<PlannedRequest> planned = plan.plannedRequests();
    const QString script = ScriptExporter::script(planned, target());
    for (const QString &secret : secretsEnv())
        QVERIFY(!script.contains(secret));
    const Run run = runScript(script, secretsEnv());
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList idNames{
        u"BASE_CONNECTION_ID"_s,   u"SCHEMA_ID"_s,      u"DATASET_ID"_s, u"SOURCE_CONNECTION_ID"_s,
        u"TARGET_CONNECTION_ID"_s, u"MAPPING_SET_ID"_s, u"FLOW_ID"_s};
    for (const QString &name : idNames)
        QVERIFY2(!run.ids.value(name).isEmpty(), qPrintable(name + u"\n"_s + run.out + run.err));
    QVERIFY2(run.err.contains(u"Done: 7 made, 0 already there."_s), qPrintable(run.err));

    // The token request: a form with the credential, the secret from the environment.
    const sandbox::Request &ims = m_front->seen.first();
    QCOMPARE(ims.path, u"/adobe/ims/ims/token/v3"_s);
    QMap<QString, QString> form;
    for (const auto &field : ims.formFields())
        form.insert(field.first, field.second);
    QCOMPARE(form.value(u"grant_type"_s), u"client_credentials"_s);
    QCOMPARE(form.value(u"client_id"_s), m_rig->session.clientId);
    QCOMPARE(form.value(u"client_secret"_s), m_adobeSecret);
    QCOMPARE(form.value(u"scope"_s), adobe::ImsClient::defaultScopes().join(u','));

    // Every Platform call carries the gateway headers. The tenant is read just before the first
    // request that needs it (the schema); then the seven creates in order, each body as planned
    // with the earlier IDs, the secrets and the tenant filled in.
    QList<sandbox::Request> sent = platformRequests();
    QCOMPARE(sent.size(), 8);
    const QByteArray token = tokenOfLastRun();
    for (const sandbox::Request &r : sent)
        verifyGatewayHeaders(r, token);
    const sandbox::Request stats = sent.takeAt(1);
    QCOMPARE(stats.method, QByteArray("GET"));
    QCOMPARE(stats.path, u"/adobe/platform/data/foundation/schemaregistry/stats"_s);
    QMap<QString, QString> vars = run.ids;
    const QMap<QString, QString> secrets = secretsEnv();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        vars.insert(it.key(), it.value());
    vars.insert(u"TENANT_ID"_s, m_tenant);
    const QJsonObject mappingSet = test::await<QJsonObject>([&](QObject *c, auto done) {
                                       m_rig->prep.mappingSet(run.ids.value(u"MAPPING_SET_ID"_s), -1, c, done);
                                   }).first;
    vars.insert(u"MAPPING_SET_VERSION"_s, QString::number(mappingSet.value(u"version"_s).toInt()));
    for (int i = 0; i < planned.size(); ++i) {
        const sandbox::Request &r = sent.at(i);
        QCOMPARE(r.method, planned.at(i).method);
        QCOMPARE(r.path, u"/adobe/platform"_s + planned.at(i).servicePath);
        for (const auto &q : planned.at(i).query)
            QCOMPARE(r.queryValue(q.first), q.second);
        QCOMPARE(bodyOf(r), fill(planned.at(i).body, vars));
    }
    // The tenant filled in gives the body planned with the tenant known.
    const QList<PlannedRequest> withTenant = plan.plannedRequests(m_tenant);
    QCOMPARE(bodyOf(sent.at(1)), fill(withTenant.at(1).body, vars));
    QVERIFY(bodyOf(sent.at(1)).toObject().contains(u"allOf"_s));

    // The dataflow exists, wired to what the script made, with the mapping version as a number.
    const auto flow = test::await<QJsonObject>(
        [&](QObject *c, auto done) { m_rig->flows.flow(run.ids.value(u"FLOW_ID"_s), c, done); });
    QVERIFY2(!flow.second, qPrintable(flow.second.message));
    QCOMPARE(flow.first.value(u"sourceConnectionIds"_s).toArray(),
             QJsonArray{run.ids.value(u"SOURCE_CONNECTION_ID"_s)});
    QCOMPARE(flow.first.value(u"targetConnectionIds"_s).toArray(),
             QJsonArray{run.ids.value(u"TARGET_CONNECTION_ID"_s)});
    QCOMPARE(flow.first.value(u"name"_s).toString(), u"Leads 'hourly' (script run)"_s);
    const QJsonObject sentFlow = bodyOf(sent.last()).toObject();
    bool versionSeen = false;
    for (const QJsonValue &t : sentFlow.value(u"transformations"_s).toArray()) {
        const QJsonObject params = t.toObject().value(u"params"_s).toObject();
        if (!params.contains(u"mappingVersion"_s))
            continue;
        QVERIFY(params.value(u"mappingVersion"_s).isDouble());
        QCOMPARE(params.value(u"mappingId"_s).toString(), run.ids.value(u"MAPPING_SET_ID"_s));
        versionSeen = true;
    }
    QVERIFY(versionSeen);
    const auto dataSet = test::await<adobe::DataSetInfo>(
        [&](QObject *c, auto done) { m_rig->catalog.dataSet(run.ids.value(u"DATASET_ID"_s), c, done); });
    QVERIFY2(!dataSet.second, qPrintable(dataSet.second.message));
    QCOMPARE(dataSet.first.schemaId, run.ids.value(u"SCHEMA_ID"_s));

    // The base connection holds working Zoho credentials: AEP reads Leads through it.
    const auto columns = test::await<QList<QJsonObject>>([&](QObject *c, auto done) {
        m_rig->flows.exploreTable(run.ids.value(u"BASE_CONNECTION_ID"_s), u"Leads"_s, c, done);
    });
    QVERIFY2(!columns.second, qPrintable(columns.second.message));
    QVERIFY(!columns.first.isEmpty());

    // Secrets and the token never on a command line.
    const QStringList argv = argvLog();
    QVERIFY(argv.size() >= 9);
    for (const QString &line : argv) {
        for (const QString &secret : secretsEnv())
            QVERIFY2(!line.contains(secret), qPrintable(line));
        QVERIFY(!line.contains(QString::fromLatin1(token)));
    }
    m_firstRunIds = run.ids;
}

void TestSetupScript::reuseRunMakesOnlyWhatIsMissing()
{
    REQUIRE_TOOLS();
    if (m_firstRunIds.isEmpty()) {
        SetupPlan first(&m_rig->platform, setupRequest(u"first"_s));
        const Run run = runPlannedSetup(first, first.plannedRequests(m_tenant));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        m_firstRunIds = run.ids;
        init();
    }
    // A second dataflow on the objects of the first: base connection, schema and dataset exist.
    SetupPlan plan(&m_rig->platform, setupRequest(u"second"_s));
    QList<PlannedRequest> requests = plan.plannedRequests(m_tenant);
    QCOMPARE(requests.at(0).stepKey, u"baseConnection"_s);
    QCOMPARE(requests.at(1).stepKey, u"schema"_s);
    QCOMPARE(requests.at(2).stepKey, u"dataSet"_s);
    for (int i = 0; i < 3; ++i) {
        PlannedRequest &r = requests[i];
        r.existingId = m_firstRunIds.value(r.idVariable);
        r.knownValues = {qMakePair(r.idVariable, r.existingId)};
    }
    QMap<QString, QString> env = secretsEnv();
    for (const QString &name : PlannedRequest::secretVariables())
        env.remove(name); // not needed: the base connection is not made again
    const Run run = runScript(ScriptExporter::script(requests, target(), Existing::Reuse), env);
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"Done: 4 made, 3 already there."_s), qPrintable(run.err));

    const QList<sandbox::Request> sent = platformRequests();
    QStringList paths;
    for (const sandbox::Request &r : sent)
        paths.append(QString::fromLatin1(r.method) + u' ' + r.path.section(u'/', 5));
    QCOMPARE(paths, (QStringList{u"POST flowservice/sourceConnections"_s, u"POST flowservice/targetConnections"_s,
                                 u"POST conversion/mappingSets"_s, u"POST flowservice/flows"_s}));
    QCOMPARE(bodyOf(sent.at(0)).toObject().value(u"baseConnectionId"_s).toString(),
             m_firstRunIds.value(u"BASE_CONNECTION_ID"_s));
    const QJsonObject targetBody = bodyOf(sent.at(1)).toObject();
    QCOMPARE(targetBody.value(u"params"_s).toObject().value(u"dataSetId"_s).toString(),
             m_firstRunIds.value(u"DATASET_ID"_s));
    QCOMPARE(targetBody.value(u"data"_s).toObject().value(u"schema"_s).toObject().value(u"id"_s).toString(),
             m_firstRunIds.value(u"SCHEMA_ID"_s));
    // The reused IDs are printed with the new ones.
    QCOMPARE(run.ids.value(u"BASE_CONNECTION_ID"_s), m_firstRunIds.value(u"BASE_CONNECTION_ID"_s));
    QVERIFY(!run.ids.value(u"FLOW_ID"_s).isEmpty());
    QVERIFY(run.ids.value(u"FLOW_ID"_s) != m_firstRunIds.value(u"FLOW_ID"_s));
    const auto flow = test::await<QJsonObject>(
        [&](QObject *c, auto done) { m_rig->flows.flow(run.ids.value(u"FLOW_ID"_s), c, done); });
    QVERIFY2(!flow.second, qPrintable(flow.second.message));
}

void TestSetupScript::failedRequestStopsTheScriptWithAdobesAnswer()
{
    REQUIRE_TOOLS();
    // A source connection on a base connection that does not exist: AEP answers 404.
    QList<PlannedRequest> requests = handBuiltSetup();
    requests[0].existingId = u"0000-gone"_s;
    PlannedRequest source =
        request(u"sourceConnection"_s, u"Source connection"_s, kFlowService + u"/sourceConnections"_s,
                QJsonObject{{u"name"_s, u"Leads"_s},
                            {u"baseConnectionId"_s, u"{{BASE_CONNECTION_ID}}"_s},
                            {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
                            {u"params"_s, QJsonObject{{u"tableName"_s, u"Leads"_s}, {u"columns"_s, QJsonArray()}}},
                            {u"connectionSpec"_s,
                             QJsonObject{{u"id"_s, QLatin1String(adobe::FlowServiceClient::kZohoConnectionSpecId)}}}},
                u"SOURCE_CONNECTION_ID"_s);
    requests = {requests.at(0), source, requests.at(4)};
    const Run run = runScript(ScriptExporter::script(requests, target()), {{u"ADOBE_CLIENT_SECRET"_s, m_adobeSecret}});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"Source connection failed: Adobe Experience Platform answered HTTP 404: "_s),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(u"0000-gone"_s), qPrintable(run.err)); // Adobe's own message
    QCOMPARE(platformRequests().size(), 1);                          // stopped: the dataflow was not sent
    QVERIFY(run.ids.isEmpty());
}

QTEST_GUILESS_MAIN(TestSetupScript)
#include "tst_setup_script.moc"
