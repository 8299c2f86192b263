// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/SyncSetup.h"

#include "account/ProfileSession.h"
#include "adobe/CatalogClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "setup/SetupEngine.h"
#include "setup/SyncRecipe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace zaw::account {

namespace {

const QString kPlans = QString::fromLatin1(SyncSetup::kStateKey);

// The object at `_<tenant>.zoho` of a (full) XDM schema, found by walking "properties"; a schema
// whose field groups are not resolved is searched as a whole.
bool hasTombstoneFields(const QJsonObject &schema, const QString &tenant)
{
    QJsonObject node = schema;
    for (const QString &segment : {QStringLiteral("_") + tenant, QStringLiteral("zoho")})
        node = node.value(QStringLiteral("properties")).toObject().value(segment).toObject();
    const QJsonObject props = node.value(QStringLiteral("properties")).toObject();
    if (props.contains(QStringLiteral("isDeleted")) && props.contains(QStringLiteral("deletedTime")))
        return true;
    // Anywhere else in the document (definitions, allOf of an unresolved answer).
    std::function<bool(const QJsonValue &)> search = [&](const QJsonValue &v) -> bool {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const QJsonObject zoho =
                o.value(QStringLiteral("zoho")).toObject().value(QStringLiteral("properties")).toObject();
            if (zoho.contains(QStringLiteral("isDeleted")) && zoho.contains(QStringLiteral("deletedTime")))
                return true;
            for (auto it = o.begin(); it != o.end(); ++it)
                if (search(it.value()))
                    return true;
        } else if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                if (search(e))
                    return true;
        }
        return false;
    };
    return search(schema);
}

} // namespace

SyncSetup::SyncSetup(ProfileSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

SyncSetup::~SyncSetup() = default;

QJsonObject SyncSetup::savedState(const QJsonObject &profileSetup, const QString &module)
{
    return profileSetup.value(kPlans).toObject().value(module).toObject();
}

void SyncSetup::saveState(const QJsonObject &state)
{
    store::Profile &profile = m_session->profile();
    QJsonObject plans = profile.setup.value(kPlans).toObject();
    plans.insert(m_request.module, state);
    profile.setup.insert(kPlans, plans);
    QString error;
    if (!m_session->saveProfile(&error))
        qWarning("%s", qPrintable(error));
}

void SyncSetup::start(const Request &request)
{
    if (m_running)
        return;
    m_running = true;
    m_request = request;
    m_context = new QObject(this);
    auto recipe = std::make_unique<setup::SyncRecipe>(m_session->platform());
    m_recipe = recipe.get();
    const QJsonObject saved = savedState(m_session->profile().setup, request.module);
    // The saved request wins for a resume (names chosen then, in the language of then); the
    // columns and fields are today's.
    if (!saved.isEmpty() && m_recipe->readRequest(saved.value(QStringLiteral("request")).toObject()))
        m_recipe->setTenantId(saved.value(QStringLiteral("tenantId")).toString());
    setup::SyncRequest &r = m_recipe->request();
    r.tablePath = request.module;
    r.columns = request.columns;
    r.zohoFields = request.zohoFields;
    if (!request.newDataSetName.isEmpty())
        r.dataSetName = request.newDataSetName;
    m_engine =
        std::make_unique<setup::SetupEngine>(std::move(recipe), saved.value(QStringLiteral("setupId")).toString());
    if (!saved.isEmpty())
        m_engine->restore(saved);
    m_recipe->applyDefaults(m_engine->setupId());
    if (!request.existingDataSetId.isEmpty())
        useExistingDataSet();
    else
        startEngine();
}

void SyncSetup::startEngine()
{
    setup::SetupEngine *engine = m_engine.get();
    const QStringList keys = engine->stepKeys();
    connect(engine, &setup::SetupEngine::stateChanged, m_context,
            [this](const QJsonObject &state) { saveState(state); });
    connect(engine, &setup::SetupEngine::stepStarted, m_context, [this, keys](const QString &key) {
        emit progress(m_engine->label(key), int(keys.indexOf(key)), int(keys.size()));
    });
    connect(engine, &setup::SetupEngine::failed, m_context,
            [this](const QString &, const net::Error &error) { fail(error); });
    connect(engine, &setup::SetupEngine::finished, m_context, [this, keys] {
        emit progress(QString(), int(keys.size()), int(keys.size()));
        saveState(m_engine->state());
        complete(m_recipe->tenantId(), m_engine->objectId(QStringLiteral("dataSet")),
                 m_engine->objectId(QStringLiteral("schema")));
    });
    engine->runThrough();
}

void SyncSetup::useExistingDataSet()
{
    auto *catalog = new adobe::CatalogClient(m_session->platform(), m_context);
    auto *schemas = new adobe::SchemaRegistryClient(m_session->platform(), m_context);
    const QString id = m_request.existingDataSetId;
    emit progress(tr("Checking the dataset %1").arg(id), 0, 2);
    catalog->dataSet(id, m_context, [this, schemas, id](const adobe::DataSetInfo &dataSet, const net::Error &error) {
        if (error) {
            fail(error);
            return;
        }
        schemas->tenantId(m_context, [this, schemas, id, dataSet](const QString &tenant, const net::Error &error) {
            if (error) {
                fail(error);
                return;
            }
            emit progress(tr("Checking the schema of the dataset"), 1, 2);
            schemas->schema(
                dataSet.schemaId, adobe::SchemaRegistryClient::kAcceptFullSchema, m_context,
                [this, id, dataSet, tenant](const QJsonObject &schema, const net::Error &error) {
                    if (error) {
                        fail(error);
                        return;
                    }
                    if (!hasTombstoneFields(schema, tenant)) {
                        fail(net::Error::make(
                            net::ErrorCategory::Input,
                            tr("The dataset %1 cannot receive a direct sync: its schema has no fields for deleted "
                               "records (made by this application for a sync). Use --new-dataset to make one.")
                                .arg(id)));
                        return;
                    }
                    m_recipe->setTenantId(tenant);
                    emit progress(QString(), 2, 2);
                    complete(tenant, id, dataSet.schemaId);
                });
        });
    });
}

void SyncSetup::complete(const QString &tenant, const QString &dataSetId, const QString &schemaId)
{
    const sync::SyncModuleConfig module = sync::SyncModuleConfig::fromSchema(
        m_request.module, m_recipe->schemaResult(tenant), tenant, dataSetId, schemaId);
    store::Profile &profile = m_session->profile();
    sync::SyncConfig config = sync::SyncConfig::fromProfile(profile);
    config.upsert(module);
    const QString orgId = profile.zoho.value(QStringLiteral("orgId")).toString();
    if (!orgId.isEmpty())
        config.zohoOrgId = orgId;
    if (m_request.everyMinutes > 0)
        config.everyMinutes = m_request.everyMinutes;
    config.writeTo(&profile);
    // HealthCheck counts "has not run for two intervals" from here.
    QJsonObject plans = profile.setup.value(kPlans).toObject();
    QJsonObject state = plans.value(m_request.module).toObject();
    state.insert(QStringLiteral("configuredAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    plans.insert(m_request.module, state);
    profile.setup.insert(kPlans, plans);
    QString error;
    if (!m_session->saveProfile(&error)) {
        fail(net::Error::make(net::ErrorCategory::Input, error));
        return;
    }
    m_running = false;
    emit finished(module, {});
}

void SyncSetup::fail(const net::Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_context)
        m_context->deleteLater();
    emit finished({}, error);
}

void SyncSetup::cancel()
{
    if (!m_running)
        return;
    if (m_engine && m_engine->isRunning())
        m_engine->cancel();
    fail(net::Error::make(net::ErrorCategory::Cancelled, tr("The set-up was stopped.")));
}

} // namespace zaw::account
