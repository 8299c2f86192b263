// SPDX-License-Identifier: GPL-3.0-or-later
// The setup plan against the sandbox over loopback: a whole setup with a new and with an existing
// dataset; a failure injected at every creation step, then Retry (or a new plan from the saved
// state) finishing without duplicates; a create whose answer is lost after AEP stored the object;
// a crash half-way and mid-request; a saved object deleted meanwhile; the 412 retry of the base
// connection PATCH; 429 with Retry-After; an IMS token that expires between steps. Duplicates are
// counted in the sandbox by each plan's marker.
#include "AdobeTestRig.h"
#include "SetupTestRig.h"
#include "TestHttp.h"
#include "adobe/CatalogClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "net/HttpClient.h"
#include "setup/SetupPlan.h"
#include "store/ProfileStore.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace zaw;
using zaw::setup::SetupPlan;
using zaw::setup::SetupRequest;
using Step = zaw::setup::SetupPlan::Step;
using Status = zaw::setup::SetupPlan::Status;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// The creation request of each step, as the sandbox logs its path.
QString routeOf(Step step)
{
    switch (step) {
    case Step::BaseConnection:
        return u"flowservice/connections$"_s;
    case Step::Schema:
        return u"schemaregistry/tenant/schemas$"_s;
    case Step::DataSet:
        return u"catalog/dataSets$"_s;
    case Step::SourceConnection:
        return u"flowservice/sourceConnections$"_s;
    case Step::TargetConnection:
        return u"flowservice/targetConnections$"_s;
    case Step::MappingSet:
        return u"conversion/mappingSets$"_s;
    case Step::Flow:
        return u"flowservice/flows$"_s;
    }
    return {};
}

using Rig = test::AdobeRig;

struct Outcome
{
    bool finished = false;
    bool failed = false;
    Step failedStep = Step::BaseConnection;
    net::Error error;
    QList<Step> started;
    QMap<Step, Status> statuses;
};

struct Counts
{
    int base = 0, schema = 0, dataSet = 0, source = 0, target = 0, mapping = 0, flow = 0;
};

} // namespace

class TestSetupPlan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void fullPlanWithNewDataSet();
    void fullPlanWithExistingDataSet();
    void failureAtEachCreationStep_data();
    void failureAtEachCreationStep();
    void lostReplyAtEachCreationStep_data();
    void lostReplyAtEachCreationStep();
    void resumeAfterCrashFromSavedState();
    void crashWhileACreateIsOnItsWay();
    void deletedObjectIsRecreated();
    void objectsMadeFromADeletedOneAreMadeAgain();
    void cancelThenResume();
    void reusedBaseConnectionRetriesOn412();
    void reusedBaseConnectionGivesUpAfterOneRetry();
    void rateLimitedCreateCompletes();
    void imsTokenExpiryMidFlow();

private:
    SetupRequest newDataSetRequest(const QString &tag, bool withFields = true) const;
    SetupRequest existingDataSetRequest(const QString &tag) const;
    // Starts (or resumes) the plan and waits for finished() or failed(), saving every state into
    // the profile as the wizard does.
    Outcome drive(SetupPlan *plan, void (SetupPlan::*action)() = &SetupPlan::start);
    std::unique_ptr<SetupPlan> planFromSavedState();
    void saveState(const QJsonObject &state);

    QJsonValue platformGet(const QString &path, const QString &query = {}, const QByteArray &accept = {});
    int platformSend(const QByteArray &method, const QString &path, const QJsonValue &body = {},
                     const Headers &extra = {}, QJsonObject *answer = nullptr);
    Counts countObjects(const QString &setupId, const QString &schemaId);
    void verifyOneOfEach(const SetupPlan &plan, bool newDataSet = true);
    int posts(Step step) const { return m_fixture->countRequests("POST", routeOf(step)); }

    std::unique_ptr<test::SandboxFixture> m_fixture;
    std::unique_ptr<Rig> m_rig;
    zoho::ZohoSession m_zoho;
    QList<zoho::ZohoField> m_leadsFields;
    QList<catalogue::Column> m_leadsColumns;
    QList<catalogue::Column> m_contactsColumns;
    QString m_baseId; // the test's own base connection (explore, reuse)
    QString m_existingDataSetId;
    QByteArray m_token; // for the test's own Platform calls

    QTemporaryDir m_configDir;
    std::unique_ptr<store::ProfileStore> m_store;
    store::Profile m_profile;
    QJsonObject m_savedState;
    QStringList m_saveErrors;
};

// ---- fixture ---------------------------------------------------------------------------------

void TestSetupPlan::initTestCase()
{
    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    m_fixture = std::make_unique<test::SandboxFixture>(options);
    m_rig = std::make_unique<Rig>(*m_fixture);
    QVERIFY(m_configDir.isValid());
    m_store = std::make_unique<store::ProfileStore>(m_configDir.path());
    m_profile = m_store->create(u"plan-test"_s);
    // Ana signed in; Leads as Zoho describes them (the schema source) and as AEP's explore sees
    // Leads and Contacts through a base connection of the test's own.
    test::ZohoSource source;
    QString error;
    QVERIFY2(test::readZohoSource(*m_fixture, *m_rig, u"ana.lima@example.com"_s, u"Plan test account"_s,
                                  {u"Leads"_s, u"Contacts"_s}, &source, &error),
             qPrintable(error));
    m_zoho = source.session;
    QVERIFY(!m_zoho.refreshToken.isEmpty());
    m_leadsFields = source.leadsFields;
    QVERIFY(m_leadsFields.size() > 20);
    m_baseId = source.baseId;
    m_leadsColumns = source.columns.value(u"Leads"_s);
    m_contactsColumns = source.columns.value(u"Contacts"_s);
    QVERIFY(m_leadsColumns.size() > 10);
    QVERIFY(m_contactsColumns.size() > 10);

    // The dataset the sandbox seeds in prod, as the Target page would list it.
    const auto existing = test::await<QList<adobe::DataSetInfo>>(
        [&](QObject *c, auto done) { m_rig->catalog.dataSetsByName(u"Zoho CRM Contacts (existing)"_s, c, done); });
    QVERIFY2(!existing.second && existing.first.size() == 1, qPrintable(existing.second.message));
    m_existingDataSetId = existing.first.first().id;
    m_token = m_rig->session.accessToken.toLatin1();
}

SetupRequest TestSetupPlan::newDataSetRequest(const QString &tag, bool withFields) const
{
    return test::newLeadsDataSetRequest(tag, u"Plan test"_s, m_zoho, m_leadsColumns,
                                        withFields ? m_leadsFields : QList<zoho::ZohoField>());
}

SetupRequest TestSetupPlan::existingDataSetRequest(const QString &tag) const
{
    return test::existingContactsDataSetRequest(tag, m_zoho, m_contactsColumns, m_existingDataSetId);
}

void TestSetupPlan::saveState(const QJsonObject &state)
{
    m_savedState = state;
    m_profile.setup = state;
    QString error;
    // The profile store refuses anything named like a secret.
    if (!m_store->save(m_profile, &error))
        m_saveErrors.append(error);
}

Outcome TestSetupPlan::drive(SetupPlan *plan, void (SetupPlan::*action)())
{
    Outcome out;
    QObject guard;
    connect(plan, &SetupPlan::stateChanged, &guard, [this](const QJsonObject &s) { saveState(s); });
    connect(plan, &SetupPlan::stepStarted, &guard, [&out](Step s) { out.started.append(s); });
    connect(plan, &SetupPlan::finished, &guard, [&out] { out.finished = true; });
    connect(plan, &SetupPlan::failed, &guard, [&out](Step s, const net::Error &e) {
        out.failed = true;
        out.failedStep = s;
        out.error = e;
    });
    (plan->*action)();
    if (!QTest::qWaitFor([&] { return out.finished || out.failed; }, 60000))
        qWarning("the plan neither finished nor failed");
    for (Step s : SetupPlan::steps())
        out.statuses.insert(s, plan->status(s));
    return out;
}

std::unique_ptr<SetupPlan> TestSetupPlan::planFromSavedState()
{
    // Read back from disk, as the next start of the application would.
    QString error;
    const auto profile = m_store->load(m_profile.name, &error);
    if (!profile) {
        qWarning("profile: %s", qPrintable(error));
        return {};
    }
    std::unique_ptr<SetupPlan> plan(SetupPlan::fromState(&m_rig->platform, profile->setup, nullptr, &error));
    if (!plan) {
        qWarning("state: %s", qPrintable(error));
        return {};
    }
    plan->setZohoSession(m_zoho); // from the keychain
    return plan;
}

// ---- the test's own view of the sandbox ------------------------------------------------------

int TestSetupPlan::platformSend(const QByteArray &method, const QString &path, const QJsonValue &body,
                                const Headers &extra, QJsonObject *answer)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QJsonObject adobe = m_fixture->credentials().value(u"adobe"_s).toObject();
        Headers headers{{"Authorization", "Bearer " + m_token},
                        {"x-api-key", adobe.value(u"clientId"_s).toString().toLatin1()},
                        {"x-gw-ims-org-id", adobe.value(u"orgId"_s).toString().toLatin1()},
                        {"x-sandbox-name", "prod"}};
        headers.append(extra);
        QByteArray payload;
        if (body.isObject() || body.isArray()) {
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            payload = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        }
        QUrl url = m_fixture->url(u"/adobe/platform/data/foundation"_s + path.section(u'?', 0, 0));
        if (path.contains(u'?'))
            url.setQuery(path.section(u'?', 1), QUrl::TolerantMode);
        const test::HttpResult r = m_fixture->http.send(method, url, headers, payload);
        if (r.status == 401 && attempt == 0) {
            // Expired by a test: a new token for the test's own calls.
            QUrlQuery form;
            form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
            form.addQueryItem(u"client_id"_s, adobe.value(u"clientId"_s).toString());
            form.addQueryItem(u"client_secret"_s, adobe.value(u"clientSecret"_s).toString());
            form.addQueryItem(u"scope"_s, u"openid,AdobeID,read_organizations"_s);
            const test::HttpResult t = m_fixture->http.postForm(m_fixture->url(u"/adobe/ims/ims/token/v3"_s), form);
            m_token = t.object().value(u"access_token"_s).toString().toLatin1();
            continue;
        }
        if (answer)
            *answer = r.object();
        return r.status;
    }
    return 0;
}

QJsonValue TestSetupPlan::platformGet(const QString &path, const QString &query, const QByteArray &accept)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const QJsonObject adobe = m_fixture->credentials().value(u"adobe"_s).toObject();
        Headers headers{{"Authorization", "Bearer " + m_token},
                        {"x-api-key", adobe.value(u"clientId"_s).toString().toLatin1()},
                        {"x-gw-ims-org-id", adobe.value(u"orgId"_s).toString().toLatin1()},
                        {"x-sandbox-name", "prod"}};
        if (!accept.isEmpty())
            headers.append(qMakePair(QByteArray("Accept"), accept));
        QUrl url = m_fixture->url(u"/adobe/platform/data/foundation"_s + path);
        if (!query.isEmpty())
            url.setQuery(query, QUrl::TolerantMode);
        const test::HttpResult r = m_fixture->http.get(url, headers);
        if (r.status == 401 && attempt == 0) {
            platformSend("GET", u"/flowservice/connectionSpecs"_s); // renews m_token
            continue;
        }
        if (r.status != 200)
            qWarning("GET %s: %d %s", qPrintable(path), r.status, r.body.left(300).constData());
        return r.json();
    }
    return {};
}

Counts TestSetupPlan::countObjects(const QString &setupId, const QString &schemaId)
{
    const QString marker = SetupPlan::marker(setupId);
    auto countItems = [&](const QString &collection) {
        int n = 0;
        for (const QJsonValue &v : platformGet(u"/flowservice/"_s + collection).toObject().value(u"items"_s).toArray())
            n += v.toObject().value(u"description"_s).toString().contains(marker) ? 1 : 0;
        return n;
    };
    Counts c;
    c.base = countItems(u"connections"_s);
    c.source = countItems(u"sourceConnections"_s);
    c.target = countItems(u"targetConnections"_s);
    c.flow = countItems(u"flows"_s);
    const QJsonObject dataSets = platformGet(u"/catalog/dataSets"_s, u"limit=10000"_s).toObject();
    for (const QJsonValue &v : dataSets)
        c.dataSet += v.toObject().value(u"description"_s).toString().contains(marker) ? 1 : 0;
    const QJsonObject schemas =
        platformGet(u"/schemaregistry/tenant/schemas"_s, u"limit=1000"_s, "application/vnd.adobe.xed-id+json")
            .toObject();
    for (const QJsonValue &v : schemas.value(u"results"_s).toArray())
        c.schema += v.toObject().value(u"title"_s).toString().contains(marker) ? 1 : 0;
    const QJsonObject sets = platformGet(u"/conversion/mappingSets"_s, u"limit=10000&start=0"_s).toObject();
    for (const QJsonValue &v : sets.value(u"data"_s).toArray()) {
        const QString output =
            v.toObject().value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
        c.mapping += output == schemaId ? 1 : 0;
    }
    return c;
}

// Exactly one object of each kind carries the plan's marker, and they are wired to each other.
void TestSetupPlan::verifyOneOfEach(const SetupPlan &plan, bool newDataSet)
{
    const Counts c = countObjects(plan.setupId(), plan.schemaId());
    QCOMPARE(c.base, 1);
    QCOMPARE(c.schema, newDataSet ? 1 : 0);
    QCOMPARE(c.dataSet, newDataSet ? 1 : 0);
    QCOMPARE(c.source, 1);
    QCOMPARE(c.target, 1);
    if (newDataSet)
        QCOMPARE(c.mapping, 1); // the schema is the plan's own, so every mapping set on it is too
    QCOMPARE(c.flow, 1);

    const QJsonObject flow = platformGet(u"/flowservice/flows/"_s + plan.objectId(Step::Flow))
                                 .toObject()
                                 .value(u"items"_s)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(flow.value(u"sourceConnectionIds"_s).toArray(), QJsonArray{plan.objectId(Step::SourceConnection)});
    QCOMPARE(flow.value(u"targetConnectionIds"_s).toArray(), QJsonArray{plan.objectId(Step::TargetConnection)});
    QString mappingId;
    for (const QJsonValue &t : flow.value(u"transformations"_s).toArray()) {
        if (t.toObject().value(u"name"_s).toString() == u"Mapping"_s)
            mappingId = t.toObject().value(u"params"_s).toObject().value(u"mappingId"_s).toString();
    }
    QCOMPARE(mappingId, plan.objectId(Step::MappingSet));
    const QJsonObject source = platformGet(u"/flowservice/sourceConnections/"_s + plan.objectId(Step::SourceConnection))
                                   .toObject()
                                   .value(u"items"_s)
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(source.value(u"baseConnectionId"_s).toString(), plan.objectId(Step::BaseConnection));
    const QJsonObject target = platformGet(u"/flowservice/targetConnections/"_s + plan.objectId(Step::TargetConnection))
                                   .toObject()
                                   .value(u"items"_s)
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(target.value(u"params"_s).toObject().value(u"dataSetId"_s).toString(), plan.objectId(Step::DataSet));
    const QJsonObject dataSet = platformGet(u"/catalog/dataSets/"_s + plan.objectId(Step::DataSet))
                                    .toObject()
                                    .value(plan.objectId(Step::DataSet))
                                    .toObject();
    QCOMPARE(dataSet.value(u"schemaRef"_s).toObject().value(u"id"_s).toString(), plan.schemaId());
    QVERIFY2(m_saveErrors.isEmpty(), qPrintable(m_saveErrors.join(u"; "_s)));
}

// ---- 1, 2: whole plans -----------------------------------------------------------------------

void TestSetupPlan::fullPlanWithNewDataSet()
{
    SetupPlan plan(&m_rig->platform, newDataSetRequest(u"full"_s));
    QMap<Step, int> postsBefore;
    for (Step s : SetupPlan::steps())
        postsBefore.insert(s, posts(s));
    const int before = int(m_fixture->server().requestLog().size());
    QElapsedTimer timer;
    timer.start();
    const Outcome out = drive(&plan);
    const qint64 ms = timer.elapsed();
    const int requests = int(m_fixture->server().requestLog().size()) - before;
    QVERIFY2(out.finished, qPrintable(out.error.message));
    qInfo("full plan, new dataset: %d HTTP requests, %lld ms over loopback", requests, ms);
    const QJsonArray log = m_fixture->server().requestLog();

    QCOMPARE(out.started, SetupPlan::steps());
    for (Step s : SetupPlan::steps())
        QCOMPARE(out.statuses.value(s), Status::Done);
    for (Step s : SetupPlan::steps())
        QCOMPARE(posts(s) - postsBefore.value(s), 1);
    verifyOneOfEach(plan);

    // What the Done page and `create --json` show.
    const QJsonObject result = plan.result();
    for (const QString &key : {u"baseConnectionId"_s, u"schemaId"_s, u"dataSetId"_s, u"sourceConnectionId"_s,
                               u"targetConnectionId"_s, u"mappingSetId"_s, u"flowId"_s})
        QVERIFY2(!result.value(key).toString().isEmpty(), qPrintable(key));

    // The saved state: every ID, and no secret of either side.
    QVERIFY(plan.isComplete());
    QCOMPARE(m_savedState.value(u"setupId"_s).toString(), plan.setupId());
    QCOMPARE(m_savedState.value(u"objects"_s).toObject().value(u"flow"_s).toObject().value(u"id"_s).toString(),
             plan.objectId(Step::Flow));
    QVERIFY(!m_savedState.value(u"objects"_s)
                 .toObject()
                 .value(u"baseConnection"_s)
                 .toObject()
                 .value(u"etag"_s)
                 .toString()
                 .isEmpty());
    const QByteArray saved = QJsonDocument(m_savedState).toJson();
    const QJsonObject adobe = m_fixture->credentials().value(u"adobe"_s).toObject();
    for (const QString &secret : {m_zoho.clientSecret, m_zoho.refreshToken, m_zoho.accessToken,
                                  adobe.value(u"clientSecret"_s).toString(), m_rig->session.accessToken})
        QVERIFY(!saved.contains(secret.toUtf8()));
    QVERIFY(store::ProfileStore::secretPaths(m_profile).isEmpty());

    // The stored flow is what the request asked for.
    const QJsonObject flow = platformGet(u"/flowservice/flows/"_s + plan.objectId(Step::Flow))
                                 .toObject()
                                 .value(u"items"_s)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(flow.value(u"name"_s).toString(), u"Leads hourly (full)"_s);
    QCOMPARE(flow.value(u"options"_s).toObject().value(u"partialIngestionPercent"_s).toDouble(), 5.0);
    QCOMPARE(flow.value(u"options"_s).toObject().value(u"errorDiagnosticsEnabled"_s).toBool(), true);
    QCOMPARE(flow.value(u"scheduleParams"_s).toObject().value(u"frequency"_s).toString(), u"hour"_s);
}

void TestSetupPlan::fullPlanWithExistingDataSet()
{
    SetupPlan plan(&m_rig->platform, existingDataSetRequest(u"existing"_s));
    const int datasetPosts = posts(Step::DataSet);
    const int schemaPosts = posts(Step::Schema);
    const int before = int(m_fixture->server().requestLog().size());
    QElapsedTimer timer;
    timer.start();
    const Outcome out = drive(&plan);
    const qint64 ms = timer.elapsed();
    const int requests = int(m_fixture->server().requestLog().size()) - before;
    QVERIFY2(out.finished, qPrintable(out.error.message));
    qInfo("full plan, existing dataset: %d HTTP requests, %lld ms over loopback", requests, ms);

    QCOMPARE(out.statuses.value(Step::Schema), Status::Skipped);
    QCOMPARE(out.statuses.value(Step::DataSet), Status::Skipped);
    for (Step s : {Step::BaseConnection, Step::SourceConnection, Step::TargetConnection, Step::MappingSet, Step::Flow})
        QCOMPARE(out.statuses.value(s), Status::Done);
    QCOMPARE(posts(Step::DataSet), datasetPosts);
    QCOMPARE(posts(Step::Schema), schemaPosts);
    QCOMPARE(plan.objectId(Step::DataSet), m_existingDataSetId);
    QVERIFY(plan.schemaId().startsWith(u"https://ns.adobe.com/"_s));
    verifyOneOfEach(plan, false);

    // The mapping fits the dataset's own schema: standard person fields, and tenant fields matched
    // to the columns by name.
    const QJsonObject set = platformGet(u"/conversion/mappingSets/"_s + plan.objectId(Step::MappingSet)).toObject();
    QStringList destinations;
    for (const QJsonValue &m : set.value(u"mappings"_s).toArray())
        destinations.append(m.toObject().value(u"destination"_s).toString());
    QVERIFY2(destinations.contains(u"personalEmail.address"_s), qPrintable(destinations.join(u' ')));
    QVERIFY2(destinations.contains(u"person.name.lastName"_s), qPrintable(destinations.join(u' ')));
    QVERIFY2(destinations.contains(u"_%1.modifiedTime"_s.arg(plan.tenantId())), qPrintable(destinations.join(u' ')));
    QVERIFY2(destinations.contains(u"_%1.zohoId"_s.arg(plan.tenantId())), qPrintable(destinations.join(u' ')));
}

// ---- 3, 4: a failure at each creation step ---------------------------------------------------

void TestSetupPlan::failureAtEachCreationStep_data()
{
    QTest::addColumn<Step>("step");
    QTest::addColumn<bool>("fromSavedState");
    bool fromState = false;
    for (Step s : SetupPlan::steps()) {
        QTest::newRow(qPrintable(SetupPlan::stepKey(s))) << s << fromState;
        fromState = !fromState;
    }
}

void TestSetupPlan::failureAtEachCreationStep()
{
    QFETCH(Step, step);
    QFETCH(bool, fromSavedState);
    auto plan = std::make_unique<SetupPlan>(&m_rig->platform, newDataSetRequest(u"fail-"_s + SetupPlan::stepKey(step)));
    const int postsBefore = posts(step);
    m_fixture->addFault(
        QJsonObject{{u"method"_s, u"POST"_s}, {u"route"_s, routeOf(step)}, {u"status"_s, 500}, {u"count"_s, 1}});

    Outcome out = drive(plan.get());
    QVERIFY(out.failed);
    QCOMPARE(out.failedStep, step);
    QCOMPARE(out.error.httpStatus, 500);
    QVERIFY(!out.error.message.isEmpty());
    QCOMPARE(plan->lastError().httpStatus, 500);
    QCOMPARE(out.statuses.value(step), Status::Failed);
    for (Step s : SetupPlan::steps()) {
        if (s < step)
            QCOMPARE(out.statuses.value(s), Status::Done);
        else if (s > step)
            QCOMPARE(out.statuses.value(s), Status::Pending);
    }
    QVERIFY(!out.started.contains(Step(int(step) + 1)));

    if (fromSavedState) {
        const QString setupId = plan->setupId();
        plan.reset();
        plan = planFromSavedState();
        QVERIFY(plan);
        QCOMPARE(plan->setupId(), setupId);
        out = drive(plan.get(), &SetupPlan::resume);
    } else {
        out = drive(plan.get(), &SetupPlan::retry);
    }
    QVERIFY2(out.finished, qPrintable(out.error.message));
    for (Step s : SetupPlan::steps()) {
        // Earlier steps are checked (still there), the failed one and the later ones made now.
        QCOMPARE(out.statuses.value(s), s < step ? Status::Found : Status::Done);
    }
    QCOMPARE(posts(step) - postsBefore, 2); // the refused one and the real one
    verifyOneOfEach(*plan);
}

void TestSetupPlan::lostReplyAtEachCreationStep_data()
{
    QTest::addColumn<Step>("step");
    for (Step s : SetupPlan::steps())
        QTest::newRow(qPrintable(SetupPlan::stepKey(s))) << s;
}

void TestSetupPlan::lostReplyAtEachCreationStep()
{
    QFETCH(Step, step);
    // Without Zoho's field list: the schema is built from the explore columns.
    SetupPlan plan(&m_rig->platform, newDataSetRequest(u"lost-"_s + SetupPlan::stepKey(step), false));
    const int postsBefore = posts(step);
    m_fixture->addFault(
        QJsonObject{{u"method"_s, u"POST"_s}, {u"route"_s, routeOf(step)}, {u"drop"_s, u"after"_s}, {u"count"_s, 1}});

    const Outcome out = drive(&plan);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(out.statuses.value(step), Status::Found); // adopted, not created a second time
    QCOMPARE(posts(step) - postsBefore, 1);
    verifyOneOfEach(plan);
}

// ---- 5: crashes, deletions, cancel -----------------------------------------------------------

void TestSetupPlan::resumeAfterCrashFromSavedState()
{
    auto plan = std::make_unique<SetupPlan>(&m_rig->platform, newDataSetRequest(u"crash"_s));
    m_fixture->addFault(QJsonObject{
        {u"method"_s, u"POST"_s}, {u"route"_s, routeOf(Step::TargetConnection)}, {u"status"_s, 500}, {u"count"_s, 1}});
    Outcome out = drive(plan.get());
    QVERIFY(out.failed);
    QCOMPARE(out.failedStep, Step::TargetConnection);
    const QString sourceId = plan->objectId(Step::SourceConnection);
    QVERIFY(!sourceId.isEmpty());
    plan.reset(); // the window closes, or the process dies

    plan = planFromSavedState();
    QVERIFY(plan);
    QCOMPARE(plan->objectId(Step::SourceConnection), sourceId);
    out = drive(plan.get(), &SetupPlan::resume);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    for (Step s : {Step::BaseConnection, Step::Schema, Step::DataSet, Step::SourceConnection})
        QCOMPARE(out.statuses.value(s), Status::Found);
    for (Step s : {Step::TargetConnection, Step::MappingSet, Step::Flow})
        QCOMPARE(out.statuses.value(s), Status::Done);
    QCOMPARE(plan->objectId(Step::SourceConnection), sourceId);
    verifyOneOfEach(*plan);
}

void TestSetupPlan::crashWhileACreateIsOnItsWay()
{
    // The process ends while POST /targetConnections is on its way; AEP stores the object anyway.
    auto plan = std::make_unique<SetupPlan>(&m_rig->platform, newDataSetRequest(u"midflight"_s));
    const int postsBefore = posts(Step::TargetConnection);
    m_fixture->addFault(QJsonObject{
        {u"method"_s, u"POST"_s}, {u"route"_s, routeOf(Step::TargetConnection)}, {u"delay"_s, 600}, {u"count"_s, 1}});
    QPointer<SetupPlan> watched = plan.get();
    connect(plan.get(), &SetupPlan::stateChanged, this, [this](const QJsonObject &s) { saveState(s); });
    bool sent = false;
    connect(plan.get(), &SetupPlan::stepStarted, this, [&sent](Step s) { sent = sent || s == Step::TargetConnection; });
    plan->start();
    QVERIFY(QTest::qWaitFor([&] { return sent; }, 30000));
    QTest::qWait(200); // the request is at the sandbox now, its answer delayed
    plan.reset();
    QVERIFY(!watched);
    QVERIFY(QTest::qWaitFor([&] { return posts(Step::TargetConnection) > postsBefore; }, 5000));
    QCOMPARE(countObjects(m_savedState.value(u"setupId"_s).toString(), {}).target, 1);

    plan = planFromSavedState();
    QVERIFY(plan);
    QVERIFY(plan->objectId(Step::TargetConnection).isEmpty()); // its ID never arrived
    const Outcome out = drive(plan.get(), &SetupPlan::resume);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(out.statuses.value(Step::TargetConnection), Status::Found);
    QCOMPARE(posts(Step::TargetConnection) - postsBefore, 1);
    verifyOneOfEach(*plan);
}

void TestSetupPlan::deletedObjectIsRecreated()
{
    auto plan = std::make_unique<SetupPlan>(&m_rig->platform, newDataSetRequest(u"deleted"_s));
    m_fixture->addFault(
        QJsonObject{{u"method"_s, u"POST"_s}, {u"route"_s, routeOf(Step::Flow)}, {u"status"_s, 500}, {u"count"_s, 1}});
    Outcome out = drive(plan.get());
    QVERIFY(out.failed);
    QCOMPARE(out.failedStep, Step::Flow);
    const QString oldSource = plan->objectId(Step::SourceConnection);
    const QString target = plan->objectId(Step::TargetConnection);
    const QString mapping = plan->objectId(Step::MappingSet);
    plan.reset();

    // Someone deletes the source connection in the AEP UI meanwhile.
    QCOMPARE(platformSend("DELETE", u"/flowservice/sourceConnections/"_s + oldSource), 204);

    plan = planFromSavedState();
    QVERIFY(plan);
    const int sourcePosts = posts(Step::SourceConnection);
    out = drive(plan.get(), &SetupPlan::resume);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(out.statuses.value(Step::SourceConnection), Status::Done);
    QCOMPARE(posts(Step::SourceConnection) - sourcePosts, 1);
    QVERIFY(plan->objectId(Step::SourceConnection) != oldSource);
    // What was not made from it is kept.
    QCOMPARE(out.statuses.value(Step::TargetConnection), Status::Found);
    QCOMPARE(out.statuses.value(Step::MappingSet), Status::Found);
    QCOMPARE(plan->objectId(Step::TargetConnection), target);
    QCOMPARE(plan->objectId(Step::MappingSet), mapping);
    QCOMPARE(out.statuses.value(Step::Flow), Status::Done);
    verifyOneOfEach(*plan);
}

void TestSetupPlan::objectsMadeFromADeletedOneAreMadeAgain()
{
    auto plan = std::make_unique<SetupPlan>(&m_rig->platform, newDataSetRequest(u"deleted-dataset"_s));
    m_fixture->addFault(
        QJsonObject{{u"method"_s, u"POST"_s}, {u"route"_s, routeOf(Step::Flow)}, {u"status"_s, 500}, {u"count"_s, 1}});
    Outcome out = drive(plan.get());
    QVERIFY(out.failed);
    QCOMPARE(out.failedStep, Step::Flow);
    const QString oldDataSet = plan->objectId(Step::DataSet);
    const QString oldTarget = plan->objectId(Step::TargetConnection);
    const QString mapping = plan->objectId(Step::MappingSet);
    const QString setupId = plan->setupId();
    plan.reset();

    // The dataset is deleted meanwhile: the saved target connection still exists but writes into
    // nothing, so it must not be used for the dataflow.
    QCOMPARE(platformSend("DELETE", u"/catalog/dataSets/"_s + oldDataSet), 200);
    QVERIFY(countObjects(setupId, {}).target == 1);

    plan = planFromSavedState();
    QVERIFY(plan);
    out = drive(plan.get(), &SetupPlan::resume);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(out.statuses.value(Step::Schema), Status::Found);
    QCOMPARE(out.statuses.value(Step::DataSet), Status::Done);
    QCOMPARE(out.statuses.value(Step::TargetConnection), Status::Done);
    QCOMPARE(out.statuses.value(Step::MappingSet), Status::Found); // made from the schema, which stayed
    QCOMPARE(out.statuses.value(Step::Flow), Status::Done);
    QVERIFY(plan->objectId(Step::DataSet) != oldDataSet);
    QVERIFY(plan->objectId(Step::TargetConnection) != oldTarget);
    QCOMPARE(plan->objectId(Step::MappingSet), mapping);
    // The old target connection is left behind, known as discarded so that no lookup adopts it.
    QVERIFY(m_savedState.value(u"discarded"_s).toArray().contains(oldTarget));
    const Counts c = countObjects(setupId, plan->schemaId());
    QCOMPARE(c.dataSet, 1);
    QCOMPARE(c.target, 2);
    QCOMPARE(c.flow, 1);
    QCOMPARE(c.mapping, 1);
    const QJsonObject flow = platformGet(u"/flowservice/flows/"_s + plan->objectId(Step::Flow))
                                 .toObject()
                                 .value(u"items"_s)
                                 .toArray()
                                 .first()
                                 .toObject();
    QCOMPARE(flow.value(u"targetConnectionIds"_s).toArray(), QJsonArray{plan->objectId(Step::TargetConnection)});
}

void TestSetupPlan::cancelThenResume()
{
    SetupPlan plan(&m_rig->platform, newDataSetRequest(u"cancel"_s));
    bool cancelled = false;
    connect(&plan, &SetupPlan::cancelled, this, [&cancelled] { cancelled = true; });
    {
        QObject guard;
        connect(&plan, &SetupPlan::stepStarted, &guard, [&plan](Step s) {
            if (s == Step::SourceConnection)
                plan.cancel();
        });
        plan.start();
        QVERIFY(QTest::qWaitFor([&] { return cancelled; }, 30000));
    }
    QVERIFY(!plan.isRunning());
    QCOMPARE(plan.status(Step::SourceConnection), Status::Pending);
    QVERIFY(plan.objectId(Step::SourceConnection).isEmpty());
    QTest::qWait(100); // nothing runs on behind the user's back
    QVERIFY(plan.objectId(Step::SourceConnection).isEmpty());

    const Outcome out = drive(&plan, &SetupPlan::resume);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(out.statuses.value(Step::DataSet), Status::Found);
    QCOMPARE(out.statuses.value(Step::SourceConnection), Status::Done);
    verifyOneOfEach(plan);
}

// ---- 6: reusing a base connection: If-Match and 412 ------------------------------------------

void TestSetupPlan::reusedBaseConnectionRetriesOn412()
{
    QJsonObject answer;
    QCOMPARE(platformSend("GET", u"/flowservice/connections/"_s + m_baseId, {}, {}, &answer), 200);
    const QString staleEtag = answer.value(u"items"_s).toArray().first().toObject().value(u"etag"_s).toString();
    QVERIFY(!staleEtag.isEmpty());
    // Renamed elsewhere (the AEP UI) after the Source account page read it.
    const QJsonArray rename{
        adobe::FlowServiceClient::patchOperation(u"replace"_s, u"/description"_s, u"edited elsewhere"_s)};
    QCOMPARE(
        platformSend("PATCH", u"/flowservice/connections/"_s + m_baseId, rename, {{"If-Match", staleEtag.toUtf8()}}),
        200);

    SetupRequest request = newDataSetRequest(u"reuse"_s);
    request.baseConnectionId = m_baseId;
    request.baseConnectionEtag = staleEtag;
    SetupPlan plan(&m_rig->platform, request);
    const QString connectionPath = u"flowservice/connections/%1$"_s.arg(m_baseId);
    const int patches = m_fixture->countRequests("PATCH", connectionPath);
    const int reads = m_fixture->countRequests("GET", connectionPath);
    const int creates = posts(Step::BaseConnection);
    const Outcome out = drive(&plan);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(out.statuses.value(Step::BaseConnection), Status::Found);
    QCOMPARE(m_fixture->countRequests("PATCH", connectionPath) - patches, 2); // 412, then the retry
    QCOMPARE(m_fixture->countRequests("GET", connectionPath) - reads, 1);     // the fresh etag
    QCOMPARE(posts(Step::BaseConnection), creates);
    QCOMPARE(plan.objectId(Step::BaseConnection), m_baseId);

    const QJsonObject source = platformGet(u"/flowservice/sourceConnections/"_s + plan.objectId(Step::SourceConnection))
                                   .toObject()
                                   .value(u"items"_s)
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(source.value(u"baseConnectionId"_s).toString(), m_baseId);
    // The credentials were replaced (the non-secret ones are visible), and the etag moved on.
    QCOMPARE(platformSend("GET", u"/flowservice/connections/"_s + m_baseId, {}, {}, &answer), 200);
    const QJsonObject connection = answer.value(u"items"_s).toArray().first().toObject();
    QCOMPARE(connection.value(u"auth"_s).toObject().value(u"params"_s).toObject().value(u"endpoint"_s).toString(),
             m_zoho.apiDomain.toString());
    QCOMPARE(
        connection.value(u"etag"_s).toString(),
        m_savedState.value(u"objects"_s).toObject().value(u"baseConnection"_s).toObject().value(u"etag"_s).toString());
}

void TestSetupPlan::reusedBaseConnectionGivesUpAfterOneRetry()
{
    SetupRequest request = newDataSetRequest(u"reuse-412"_s);
    request.baseConnectionId = m_baseId;
    SetupPlan plan(&m_rig->platform, request);
    const QString connectionPath = u"flowservice/connections/%1$"_s.arg(m_baseId);
    m_fixture->addFault(
        QJsonObject{{u"method"_s, u"PATCH"_s}, {u"route"_s, connectionPath}, {u"status"_s, 412}, {u"count"_s, 3}});
    const int patches = m_fixture->countRequests("PATCH", connectionPath);
    const Outcome out = drive(&plan);
    m_fixture->server().clearFaults();
    QVERIFY(out.failed);
    QCOMPARE(out.failedStep, Step::BaseConnection);
    QCOMPARE(out.error.httpStatus, 412);
    QCOMPARE(m_fixture->countRequests("PATCH", connectionPath) - patches, 2);
}

// ---- 7, 8: the gateway's 429 and IMS token expiry --------------------------------------------

void TestSetupPlan::rateLimitedCreateCompletes()
{
    SetupPlan plan(&m_rig->platform, newDataSetRequest(u"429"_s));
    const int flowPosts = posts(Step::Flow);
    m_fixture->addFault(QJsonObject{{u"method"_s, u"POST"_s},
                                    {u"route"_s, routeOf(Step::Flow)},
                                    {u"status"_s, 429},
                                    {u"retryAfter"_s, 1},
                                    {u"count"_s, 1}});
    QElapsedTimer timer;
    timer.start();
    const Outcome out = drive(&plan);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QVERIFY(timer.elapsed() >= 900); // Retry-After was honoured
    QCOMPARE(out.statuses.value(Step::Flow), Status::Done);
    QCOMPARE(posts(Step::Flow) - flowPosts, 2);
    verifyOneOfEach(plan);
}

void TestSetupPlan::imsTokenExpiryMidFlow()
{
    SetupPlan plan(&m_rig->platform, newDataSetRequest(u"ims"_s));
    const QString tokenPath = u"ims/token/v3$"_s;
    QVERIFY(m_rig->session.hasFreshToken()); // a token from the earlier calls is cached
    const int tokens = m_fixture->countRequests("POST", tokenPath);
    int expiries = 0;
    connect(&plan, &SetupPlan::stepFinished, this, [this, &expiries](Step s) {
        if (s == Step::DataSet) {
            m_fixture->server().expireAccessTokens();
            ++expiries;
        }
    });
    const Outcome out = drive(&plan);
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(expiries, 1);
    QCOMPARE(m_fixture->countRequests("POST", tokenPath) - tokens, 1);
    verifyOneOfEach(plan);
}

QTEST_GUILESS_MAIN(TestSetupPlan)
#include "tst_setup_plan.moc"
