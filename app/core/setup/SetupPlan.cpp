// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SetupPlan.h"

#include "setup/CatalogSteps.h"

#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace zaw::setup {

static_assert(SetupPlan::kStateFormat == SetupEngine::kStateFormat);

SetupPlan::SetupPlan(adobe::PlatformClient *platform, const QString &setupId, QObject *parent)
    : QObject(parent)
{
    auto recipe = std::make_unique<FlowServiceRecipe>(platform);
    m_recipe = recipe.get();
    m_engine = new SetupEngine(std::move(recipe), setupId, this);
    connect(m_engine, &SetupEngine::stepStarted, this, [this](const QString &key) { emit stepStarted(stepOf(key)); });
    connect(m_engine, &SetupEngine::stepFinished, this, [this](const QString &key, SetupEngine::Status status) {
        emit stepFinished(stepOf(key), Status(int(status)));
    });
    connect(m_engine, &SetupEngine::failed, this,
            [this](const QString &key, const net::Error &error) { emit failed(stepOf(key), error); });
    connect(m_engine, &SetupEngine::finished, this, &SetupPlan::finished);
    connect(m_engine, &SetupEngine::reached, this, [this](const QString &key) { emit reached(stepOf(key)); });
    connect(m_engine, &SetupEngine::cancelled, this, &SetupPlan::cancelled);
    connect(m_engine, &SetupEngine::stateChanged, this, &SetupPlan::stateChanged);
}

SetupPlan::SetupPlan(adobe::PlatformClient *platform, const SetupRequest &request, QObject *parent)
    : SetupPlan(platform, QString(), parent)
{
    m_recipe->request() = request;
    m_recipe->applyDefaults(m_engine->setupId());
}

SetupPlan::~SetupPlan() = default;

SetupPlan *SetupPlan::fromState(adobe::PlatformClient *platform, const QJsonObject &state, QObject *parent,
                                QString *error)
{
    auto refuse = [error](const QString &why) -> SetupPlan * {
        if (error)
            *error = why;
        return nullptr;
    };
    const int format = state.value(u"format"_s).toInt();
    if (format > kStateFormat)
        return refuse(tr("The saved setup was made by a newer version of this application. Update it to continue "
                         "this setup."));
    const QUuid id = QUuid::fromString(state.value(u"setupId"_s).toString());
    if (format < 1 || id.isNull())
        return refuse(tr("The saved setup cannot be read: it has no valid setup ID."));

    auto plan = std::unique_ptr<SetupPlan>(new SetupPlan(platform, id.toString(QUuid::WithoutBraces), nullptr));
    plan->m_recipe->setTenantId(state.value(u"tenantId"_s).toString());
    if (!plan->m_recipe->readRequest(state.value(u"request"_s).toObject()))
        return refuse(tr("The saved setup cannot be read: the module or the names of the objects to create are "
                         "missing."));
    plan->m_recipe->applyDefaults(plan->m_engine->setupId());
    plan->m_engine->restore(state);
    plan->setParent(parent);
    return plan.release();
}

// ---- steps -----------------------------------------------------------------------------------

QList<SetupPlan::Step> SetupPlan::steps()
{
    return {Step::BaseConnection,   Step::Schema,     Step::DataSet, Step::SourceConnection,
            Step::TargetConnection, Step::MappingSet, Step::Flow};
}

QString SetupPlan::stepKey(Step step)
{
    return FlowServiceRecipe::stepKeys().value(int(step));
}

SetupPlan::Step SetupPlan::stepOf(const QString &key)
{
    const qsizetype i = FlowServiceRecipe::stepKeys().indexOf(key);
    return i < 0 ? Step::BaseConnection : Step(i);
}

QString SetupPlan::label(Step step)
{
    return FlowServiceRecipe::stepLabel(stepKey(step));
}

QString SetupPlan::statusText(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("Waiting");
    case Status::Running:
        return tr("In progress…");
    case Status::Done:
        return tr("Created");
    case Status::Found:
        return tr("Already there");
    case Status::Skipped:
        return tr("Skipped");
    case Status::Failed:
        return tr("Failed");
    }
    return {};
}

QString SetupPlan::marker(const QString &setupId)
{
    return SetupEngine::marker(setupId);
}

QList<zoho::ZohoField> SetupPlan::fieldsFromColumns(const QList<catalogue::Column> &columns)
{
    return CatalogSteps::fieldsFromColumns(columns);
}

// ---- the request -----------------------------------------------------------------------------

const SetupRequest &SetupPlan::request() const
{
    return m_recipe->request();
}

void SetupPlan::setZohoSession(const zoho::ZohoSession &session)
{
    m_recipe->request().zoho = session;
}

void SetupPlan::setRequest(const SetupRequest &request)
{
    if (m_engine->isRunning())
        return;
    SetupRequest &r = m_recipe->request();
    const zoho::ZohoSession session = r.zoho;
    r = request;
    if (r.zoho.refreshToken.isEmpty() && r.zoho.clientSecret.isEmpty())
        r.zoho = session;
    m_recipe->requestChanged();
    m_recipe->applyDefaults(m_engine->setupId());
    m_engine->saveState();
}

void SetupPlan::setSchedule(const Schedule &schedule)
{
    if (m_engine->isRunning())
        return;
    m_recipe->request().schedule = schedule;
    m_engine->saveState();
}

void SetupPlan::proposeMappingRows(std::function<void(const QList<MappingRow> &, const net::Error &)> done)
{
    if (m_engine->isRunning()) {
        done({}, net::Error::make(net::ErrorCategory::Input, tr("The setup is running; wait until it stops.")));
        return;
    }
    m_recipe->proposeMappingRows(done);
}

QString SetupPlan::tenantId() const
{
    return m_recipe->tenantId();
}

void SetupPlan::setTenantId(const QString &tenantId)
{
    if (m_recipe->tenantId().isEmpty() && !tenantId.isEmpty()) {
        m_recipe->setTenantId(tenantId);
        m_engine->saveState();
    }
}

// ---- running ---------------------------------------------------------------------------------

void SetupPlan::start()
{
    runThrough(Step::Flow);
}

void SetupPlan::resume()
{
    runThrough(Step::Flow);
}

void SetupPlan::runThrough(Step last)
{
    m_engine->runThrough(stepKey(last));
}

void SetupPlan::retry()
{
    m_engine->retry();
}

void SetupPlan::cancel()
{
    m_engine->cancel();
}

bool SetupPlan::isRunning() const
{
    return m_engine->isRunning();
}

bool SetupPlan::isComplete() const
{
    return m_engine->isComplete();
}

QString SetupPlan::setupId() const
{
    return m_engine->setupId();
}

SetupPlan::Status SetupPlan::status(Step step) const
{
    return Status(int(m_engine->status(stepKey(step))));
}

SetupPlan::Step SetupPlan::currentStep() const
{
    return stepOf(m_engine->currentStep());
}

net::Error SetupPlan::lastError() const
{
    return m_engine->lastError();
}

// ---- state and results -----------------------------------------------------------------------

QString SetupPlan::objectId(Step step) const
{
    return m_engine->objectId(stepKey(step));
}

QString SetupPlan::schemaId() const
{
    return m_recipe->schemaId();
}

QJsonObject SetupPlan::state() const
{
    return m_engine->state();
}

QJsonObject SetupPlan::result() const
{
    QJsonObject o;
    auto put = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(u"baseConnectionId"_s, objectId(Step::BaseConnection));
    put(u"schemaId"_s, schemaId());
    put(u"dataSetId"_s, objectId(Step::DataSet));
    put(u"sourceConnectionId"_s, objectId(Step::SourceConnection));
    put(u"targetConnectionId"_s, objectId(Step::TargetConnection));
    put(u"mappingSetId"_s, objectId(Step::MappingSet));
    put(u"flowId"_s, objectId(Step::Flow));
    return o;
}

QList<PlannedRequest> SetupPlan::plannedRequests(const QString &tenantId) const
{
    QJsonObject hints;
    if (!tenantId.isEmpty())
        hints.insert(u"tenantId"_s, tenantId);
    return m_engine->plannedRequests(hints);
}

} // namespace zaw::setup
