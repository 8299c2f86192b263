// SPDX-License-Identifier: GPL-3.0-or-later
// The direct sync's recipe (schema and dataset) on the same SetupEngine, against the sandbox:
// it makes both, a dataset whose create answer is lost is found by its marker, and a second run
// from the saved state makes nothing.
#include "AdobeTestRig.h"
#include "TestHttp.h"
#include "setup/SetupEngine.h"
#include "setup/SyncRecipe.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace zaw;
using namespace Qt::StringLiterals;
using setup::SetupEngine;

namespace {

QList<catalogue::Column> columns()
{
    return catalogue::Column::listFromJson(QJsonArray{
        QJsonObject{{u"name"_s, u"id"_s}, {u"type"_s, u"string"_s}, {u"xdm"_s, QJsonObject{{u"type"_s, u"string"_s}}}},
        QJsonObject{
            {u"name"_s, u"Email"_s}, {u"type"_s, u"string"_s}, {u"xdm"_s, QJsonObject{{u"type"_s, u"string"_s}}}},
        QJsonObject{{u"name"_s, u"Modified_Time"_s},
                    {u"type"_s, u"string"_s},
                    {u"meta:xdmType"_s, u"date-time"_s},
                    {u"xdm"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"format"_s, u"date-time"_s}}}}});
}

struct Outcome
{
    bool finished = false;
    net::Error error;
};

} // namespace

class TestSetupSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void makesSchemaAndDataSet();
    void lostDataSetAnswerIsFoundByMarker();
    void rerunFromSavedStateMakesNothing();

private:
    std::unique_ptr<SetupEngine> newEngine(const QString &tag, const QJsonObject &state = {});
    Outcome run(SetupEngine *engine);
    int posts(const QString &pattern) const;

    std::unique_ptr<test::SandboxFixture> m_f;
    std::unique_ptr<test::AdobeRig> m_rig;
    QJsonObject m_saved;
};

void TestSetupSync::initTestCase()
{
    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    m_f = std::make_unique<test::SandboxFixture>(options);
    m_rig = std::make_unique<test::AdobeRig>(*m_f);
}

std::unique_ptr<SetupEngine> TestSetupSync::newEngine(const QString &tag, const QJsonObject &state)
{
    auto recipe = std::make_unique<setup::SyncRecipe>(&m_rig->platform);
    setup::SyncRecipe *r = recipe.get();
    if (!state.isEmpty()) {
        r->readRequest(state.value(u"request"_s).toObject());
        r->setTenantId(state.value(u"tenantId"_s).toString());
    } else {
        r->request().tablePath = u"Leads"_s;
        r->request().columns = columns();
        r->request().dataSetName = u"Leads sync (%1)"_s.arg(tag);
    }
    auto engine = std::make_unique<SetupEngine>(std::move(recipe), state.value(u"setupId"_s).toString());
    if (!state.isEmpty())
        engine->restore(state);
    r->applyDefaults(engine->setupId());
    return engine;
}

Outcome TestSetupSync::run(SetupEngine *engine)
{
    Outcome out;
    QObject guard;
    connect(engine, &SetupEngine::finished, &guard, [&out] { out.finished = true; });
    connect(engine, &SetupEngine::failed, &guard, [&out](const QString &, const net::Error &e) { out.error = e; });
    connect(engine, &SetupEngine::stateChanged, &guard, [this](const QJsonObject &s) { m_saved = s; });
    engine->runThrough();
    if (!QTest::qWaitFor([&] { return out.finished || out.error.isError(); }, 60000))
        out.error = net::Error::make(net::ErrorCategory::Network, u"no answer"_s);
    return out;
}

int TestSetupSync::posts(const QString &pattern) const
{
    return m_f->countRequests("POST", pattern);
}

void TestSetupSync::makesSchemaAndDataSet()
{
    auto engine = newEngine(u"clean"_s);
    QCOMPARE(engine->stepKeys(), QStringList({u"schema"_s, u"dataSet"_s}));
    // What Review and the exported script would show: the recipe's two creates.
    const QList<setup::PlannedRequest> planned = engine->plannedRequests();
    QCOMPARE(planned.size(), 2);
    QCOMPARE(planned.at(0).stepKey, u"schema"_s);
    QCOMPARE(planned.at(0).servicePath, u"/data/foundation/schemaregistry/tenant/schemas"_s);
    QCOMPARE(planned.at(1).stepKey, u"dataSet"_s);
    QCOMPARE(planned.at(1).servicePath, u"/data/foundation/catalog/dataSets"_s);
    QCOMPARE(planned.at(1).body.toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString(),
             u"{{SCHEMA_ID}}"_s);
    const int schemas = posts(u"schemaregistry/tenant/schemas$"_s);
    const int dataSets = posts(u"catalog/dataSets$"_s);
    const Outcome out = run(engine.get());
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(engine->status(u"schema"_s), SetupEngine::Status::Done);
    QCOMPARE(engine->status(u"dataSet"_s), SetupEngine::Status::Done);
    QCOMPARE(posts(u"schemaregistry/tenant/schemas$"_s), schemas + 1);
    QCOMPARE(posts(u"catalog/dataSets$"_s), dataSets + 1);
    QVERIFY(engine->isComplete());

    // The dataset is of the schema made, and carries the marker.
    const auto d = test::await<adobe::DataSetInfo>(
        [&](QObject *c, auto done) { m_rig->catalog.dataSet(engine->objectId(u"dataSet"_s), c, done); });
    QVERIFY2(!d.second, qPrintable(d.second.message));
    QCOMPARE(d.first.schemaId, engine->objectId(u"schema"_s));
    QVERIFY(engine->carriesMarker(d.first.raw.value(u"description"_s).toString()));
    // No Flow Service object: the sync sends its records itself.
    QCOMPARE(m_f->countRequests("POST", u"flowservice"_s), 0);
}

void TestSetupSync::lostDataSetAnswerIsFoundByMarker()
{
    auto engine = newEngine(u"lost"_s);
    m_f->addFault(QJsonObject{
        {u"method"_s, u"POST"_s}, {u"route"_s, u"catalog/dataSets$"_s}, {u"drop"_s, u"after"_s}, {u"count"_s, 1}});
    const Outcome out = run(engine.get());
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(engine->status(u"dataSet"_s), SetupEngine::Status::Found);
    const auto found = test::await<QList<adobe::DataSetInfo>>(
        [&](QObject *c, auto done) { m_rig->catalog.dataSetsByName(u"Leads sync (lost)"_s, c, done); });
    QVERIFY2(!found.second, qPrintable(found.second.message));
    QCOMPARE(found.first.size(), 1);
    QCOMPARE(found.first.first().id, engine->objectId(u"dataSet"_s));
}

void TestSetupSync::rerunFromSavedStateMakesNothing()
{
    auto first = newEngine(u"rerun"_s);
    QVERIFY(run(first.get()).finished);
    const QJsonObject state = m_saved;
    QCOMPARE(state.value(u"setupId"_s).toString(), first->setupId());
    QVERIFY(state.value(u"complete"_s).toBool());

    auto second = newEngine(u"rerun"_s, state);
    const int before = m_f->countRequests("POST", u"."_s);
    const Outcome out = run(second.get());
    QVERIFY2(out.finished, qPrintable(out.error.message));
    QCOMPARE(second->status(u"schema"_s), SetupEngine::Status::Found);
    QCOMPARE(second->status(u"dataSet"_s), SetupEngine::Status::Found);
    QCOMPARE(second->objectId(u"dataSet"_s), first->objectId(u"dataSet"_s));
    QCOMPARE(second->objectId(u"schema"_s), first->objectId(u"schema"_s));
    QCOMPARE(m_f->countRequests("POST", u"."_s) - before, 0);
}

QTEST_GUILESS_MAIN(TestSetupSync)
#include "tst_setup_sync.moc"
