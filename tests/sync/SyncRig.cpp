// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncRig.h"

#include "account/ProfileSession.h"
#include "catalogue/ZohoCrmCatalogue.h"
#include "net/HttpClient.h"
#include "setup/SetupEngine.h"
#include "setup/SyncRecipe.h"
#include "store/KeychainSecretStore.h"
#include "store/ProfileStore.h"
#include "sync/SyncConfig.h"
#include "sync/XdmRow.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonDocument>
#include <QTest>

namespace zaw::test {

SyncRig::SyncRig(const QString &connectExe, const QString &runnerExe, const sandbox::SandboxOptions &options)
    : fixture(std::make_unique<SandboxFixture>(options))
    , cli(std::make_unique<Cli>(*fixture, connectExe))
    , runner(runnerExe)
{}

QString SyncRig::configDir() const
{
    return cli->dir.filePath(QStringLiteral("config"));
}

QString SyncRig::profileId() const
{
    return m_profileId;
}

bool SyncRig::setUp(QString *error)
{
    if (!cli->zohoLogin() || !cli->adobeLogin()) {
        *error = QStringLiteral("zoho-login or adobe-login failed");
        return false;
    }
    net::HttpClient http;
    store::ProfileStore profiles(configDir());
    store::KeychainSecretStore secrets;
    account::ProfileSession session(&http, fixture->endpoints(), &profiles, &secrets);
    bool loaded = false;
    net::Error loadError;
    session.load(QStringLiteral("default"), true, [&](const net::Error &e) {
        loadError = e;
        loaded = true;
    });
    if (!QTest::qWaitFor([&] { return loaded; }, 30000) || loadError) {
        *error = QStringLiteral("load: ") + loadError.message;
        return false;
    }
    m_profileId = session.profile().id;

    QList<zoho::ZohoField> fields;
    bool got = false;
    net::Error fieldsError;
    session.zohoCrm()->fields(QStringLiteral("Leads"), &session,
                              [&](const QList<zoho::ZohoField> &f, const net::Error &e) {
                                  fields = f;
                                  fieldsError = e;
                                  got = true;
                              });
    if (!QTest::qWaitFor([&] { return got; }, 30000) || fieldsError) {
        *error = QStringLiteral("fields: ") + fieldsError.message;
        return false;
    }
    zohoToken = session.zoho().accessToken;
    m_zohoTokenUrl = session.zoho().accountsServer.resolved(QUrl(QStringLiteral("/oauth/v2/token")));
    if (!session.zoho().accountsServer.path().isEmpty()) // the sandbox serves Accounts under a path
        m_zohoTokenUrl.setPath(session.zoho().accountsServer.path() + QStringLiteral("/oauth/v2/token"));
    m_zohoRefresh = {session.zoho().clientId, session.zoho().clientSecret, session.zoho().refreshToken};

    auto recipe = std::make_unique<setup::SyncRecipe>(session.platform());
    setup::SyncRecipe *r = recipe.get();
    r->request().tablePath = QStringLiteral("Leads");
    r->request().zohoFields = fields;
    r->request().columns = catalogue::ZohoCrmCatalogue::columnsFor(fields);
    r->request().dataSetName = QStringLiteral("Leads sync test");
    setup::SetupEngine engine(std::move(recipe), QString());
    r->applyDefaults(engine.setupId());
    bool finished = false;
    net::Error setupError;
    QObject guard;
    QObject::connect(&engine, &setup::SetupEngine::finished, &guard, [&] { finished = true; });
    QObject::connect(&engine, &setup::SetupEngine::failed, &guard,
                     [&](const QString &, const net::Error &e) { setupError = e; });
    engine.runThrough();
    if (!QTest::qWaitFor([&] { return finished || setupError.isError(); }, 60000) || !finished) {
        *error = QStringLiteral("setup: ") + setupError.message;
        return false;
    }
    tenantId = r->tenantId();
    dataSetId = engine.objectId(QStringLiteral("dataSet"));
    const sync::SyncModuleConfig module =
        sync::SyncModuleConfig::fromSchema(QStringLiteral("Leads"), r->schemaResult(tenantId), tenantId, dataSetId,
                                           engine.objectId(QStringLiteral("schema")));
    identityPath = module.identityPath;
    deletedFlagPath = module.deletedFlagPath;
    sync::SyncConfig config;
    config.upsert(module);
    config.lagSeconds = 0;
    config.zohoOrgId = session.profile().zoho.value(QStringLiteral("orgId")).toString();
    config.writeTo(&session.profile());
    QString saveError;
    if (!session.saveProfile(&saveError)) {
        *error = saveError;
        return false;
    }
    return true;
}

QStringList SyncRig::runnerArgs(const QStringList &extraArgs) const
{
    return QStringList{QStringLiteral("--endpoints"), cli->endpointsFile, QStringLiteral("--config-dir"), configDir()} +
           extraArgs;
}

QProcessEnvironment SyncRig::environment(const QMap<QString, QString> &env) const
{
    QProcessEnvironment e = cli->environment();
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    return e;
}

Run SyncRig::sync(const QStringList &extraArgs, const QMap<QString, QString> &env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(environment(env));
    p.start(runner, runnerArgs(extraArgs));
    Run r;
    if (!p.waitForStarted()) {
        r.exitCode = Run::kNotStarted;
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.exitCode = Run::kTimedOut;
        r.err = "sync_runner did not end within " + QByteArray::number(timeoutMs) + " ms\n";
    } else {
        setOutcome(&r, p); // a crash is never read as an exit code
    }
    r.out = p.readAllStandardOutput();
    if (qEnvironmentVariableIsSet("ZAW_SYNC_TEST_VERBOSE"))
        qInfo().noquote() << p.readAllStandardError();
    r.err += p.readAllStandardError();
    return r;
}

HttpResult SyncRig::control(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return fixture->http.send(method, fixture->url(path), {{"Content-Type", "application/json"}},
                              body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonArray SyncRig::rows()
{
    const HttpResult r =
        fixture->http.get(fixture->url(QStringLiteral("/_sandbox/adobe/datasets/%1/rows").arg(dataSetId)));
    return r.object().value(QStringLiteral("rows")).toArray();
}

qint64 SyncRig::rowCount()
{
    const HttpResult r = fixture->http.get(
        fixture->url(QStringLiteral("/_sandbox/adobe/datasets/%1/rows?countOnly=true").arg(dataSetId)));
    return static_cast<qint64>(r.object().value(QStringLiteral("count")).toDouble());
}

bool SyncRig::refreshZohoToken()
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), m_zohoRefresh.at(0));
    form.addQueryItem(QStringLiteral("client_secret"), m_zohoRefresh.at(1));
    form.addQueryItem(QStringLiteral("refresh_token"), m_zohoRefresh.at(2));
    const HttpResult r = fixture->http.postForm(m_zohoTokenUrl, form);
    const QString token = r.object().value(QStringLiteral("access_token")).toString();
    if (r.status != 200 || token.isEmpty()) {
        qWarning() << "refreshing the rig's Zoho token:" << r.status;
        return false;
    }
    zohoToken = token;
    return true;
}

QSet<QString> SyncRig::zohoIds()
{
    QSet<QString> ids;
    QString last = QStringLiteral("0");
    for (;;) {
        const QString query = QStringLiteral("select id from Leads where id > %1 order by id asc limit 2000").arg(last);
        const HttpResult r = fixture->http.postJson(fixture->url(QStringLiteral("/zoho/us/api/crm/v8/coql")),
                                                    QJsonObject{{QStringLiteral("select_query"), query}},
                                                    {{"Authorization", "Zoho-oauthtoken " + zohoToken.toLatin1()}});
        if (r.status == 204)
            break;
        if (r.status == 401 && refreshZohoToken())
            continue; // a test expired every token
        const QJsonArray data = r.object().value(QStringLiteral("data")).toArray();
        if (r.status != 200 || data.isEmpty()) {
            qWarning() << "zohoIds:" << r.status << r.body.left(300);
            break;
        }
        for (const QJsonValue &v : data) {
            last = v.toObject().value(QStringLiteral("id")).toVariant().toString();
            ids.insert(last);
        }
        if (data.size() < 2000)
            break;
    }
    return ids;
}

QStringList SyncRig::change(const QJsonObject &body)
{
    QJsonObject b = body;
    b.insert(QStringLiteral("login"), QStringLiteral("ana.lima@example.com"));
    if (!b.contains(QStringLiteral("module")))
        b.insert(QStringLiteral("module"), QStringLiteral("Leads"));
    const HttpResult r = fixture->http.postJson(fixture->url(QStringLiteral("/_sandbox/zoho/change")), b);
    if (r.status != 200)
        qWarning() << "change:" << r.status << r.body.left(300);
    // Zoho's times have whole seconds and a run with lag 0 reads up to the start of its second:
    // the change is seen by a run that starts in the next second.
    QTest::qWait(1050 - int(QDateTime::currentMSecsSinceEpoch() % 1000));
    QStringList ids;
    for (const QJsonValue &v : r.object().value(QStringLiteral("ids")).toArray())
        ids.append(v.toVariant().toString());
    return ids;
}

int SyncRig::batchesCreated()
{
    return createdCount(*fixture, QStringLiteral("import/batches$"));
}

} // namespace zaw::test
