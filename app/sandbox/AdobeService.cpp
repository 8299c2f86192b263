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

AdobeService::AdobeService(SandboxContext *context)
    : d(std::make_unique<Private>())
{
    d->context = context;
    d->seed();
}

AdobeService::~AdobeService() = default;

void AdobeService::registerRoutes(Router &router)
{
    // One entry per API; each lives under its own path prefix, so their order does not matter.
    using RegisterRoutes = void (AdobeState::*)(Router &);
    static const RegisterRoutes apis[] = {
        &AdobeState::registerImsRoutes,       &AdobeState::registerFlowConnectionRoutes,
        &AdobeState::registerFlowRoutes,      &AdobeState::registerFlowRunRoutes,
        &AdobeState::registerCatalogRoutes,   &AdobeState::registerSchemaRegistryRoutes,
        &AdobeState::registerDataPrepRoutes,  &AdobeState::registerSandboxesRoutes,
        &AdobeState::registerIngestionRoutes, &AdobeState::registerIngestionControlRoutes,
    };
    for (const RegisterRoutes api : apis)
        (d.get()->*api)(router);
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
