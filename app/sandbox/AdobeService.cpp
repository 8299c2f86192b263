// SPDX-License-Identifier: GPL-3.0-or-later
// The Adobe half of the sandbox: wires the Platform APIs over one shared AdobeState.
#include "AdobeService.h"

#include "AdobeState.h"

using namespace Qt::StringLiterals;

namespace zaw::sandbox {

using namespace adobe;

struct AdobeService::Private : public AdobeState
{
};

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
    d->addRoute(router, "GET", u"/flowservice/connections/?"_s, flow, P::lister(P::baseConnectionsCollection()));
    d->addRoute(router, "POST", u"/flowservice/connections/?"_s, flow, &P::createConnection);
    d->addRoute(router, "GET", u"/flowservice/connections/([^/]+)/explore/?"_s, flow, &P::exploreConnection);
    d->addRoute(router, "GET", u"/flowservice/connections/([^/]+)/test/?"_s, flow, &P::testConnection);
    d->addRoute(router, "GET", u"/flowservice/connections/([^/]+)/?"_s, flow,
                P::getter(P::baseConnectionsCollection()));
    d->addRoute(router, "PATCH", u"/flowservice/connections/([^/]+)/?"_s, flow, &P::patchConnection);
    d->addRoute(router, "DELETE", u"/flowservice/connections/([^/]+)/?"_s, flow,
                P::deleter(P::baseConnectionsCollection()));
    d->addRoute(router, "GET", u"/flowservice/sourceConnections/?"_s, flow,
                P::lister(P::sourceConnectionsCollection()));
    d->addRoute(router, "POST", u"/flowservice/sourceConnections/?"_s, flow, &P::createSourceConnection);
    d->addRoute(router, "GET", u"/flowservice/sourceConnections/([^/]+)/?"_s, flow,
                P::getter(P::sourceConnectionsCollection()));
    d->addRoute(router, "PATCH", u"/flowservice/sourceConnections/([^/]+)/?"_s, flow, &P::patchSourceConnection);
    d->addRoute(router, "DELETE", u"/flowservice/sourceConnections/([^/]+)/?"_s, flow,
                P::deleter(P::sourceConnectionsCollection()));
    d->addRoute(router, "GET", u"/flowservice/targetConnections/?"_s, flow,
                P::lister(P::targetConnectionsCollection()));
    d->addRoute(router, "POST", u"/flowservice/targetConnections/?"_s, flow, &P::createTargetConnection);
    d->addRoute(router, "GET", u"/flowservice/targetConnections/([^/]+)/?"_s, flow,
                P::getter(P::targetConnectionsCollection()));
    d->addRoute(router, "DELETE", u"/flowservice/targetConnections/([^/]+)/?"_s, flow,
                P::deleter(P::targetConnectionsCollection()));
    d->addRoute(router, "GET", u"/flowservice/flowSpecs/?"_s, flow, &P::listFlowSpecs);
    d->addRoute(router, "GET", u"/flowservice/flowSpecs/([^/]+)/?"_s, flow, &P::getFlowSpec);
    d->addRoute(router, "POST", u"/flowservice/flows/([^/]+)/action/?"_s, flow, &P::flowAction);
    d->addRoute(router, "GET", u"/flowservice/flows/?"_s, flow, P::lister(P::flowsCollection()));
    d->addRoute(router, "POST", u"/flowservice/flows/?"_s, flow, &P::createFlow);
    d->addRoute(router, "GET", u"/flowservice/flows/([^/]+)/?"_s, flow, P::getter(P::flowsCollection()));
    d->addRoute(router, "PATCH", u"/flowservice/flows/([^/]+)/?"_s, flow, &P::patchFlow);
    d->addRoute(router, "DELETE", u"/flowservice/flows/([^/]+)/?"_s, flow, P::deleter(P::flowsCollection()));
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
