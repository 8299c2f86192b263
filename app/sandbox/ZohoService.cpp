// SPDX-License-Identifier: GPL-3.0-or-later
// Wires the Zoho APIs (Accounts, tokens, CRM) over one shared ZohoState.
#include "ZohoService.h"

#include "ZohoState.h"

namespace zaw::sandbox {

using namespace zoho;

struct ZohoService::Private : public ZohoState
{
};

ZohoService::ZohoService(SandboxContext *context)
    : d(std::make_unique<Private>())
{
    d->context = context;
    d->clientId = newClientId();
    d->clientSecret = SandboxContext::randomHex(21);
    d->users = zohoseed::users();
    d->rebuildOrgs();
}

ZohoService::~ZohoService() = default;

QStringList ZohoService::dataCenterCodes()
{
    return {QStringLiteral("us"), QStringLiteral("eu"), QStringLiteral("in"), QStringLiteral("au"),
            QStringLiteral("cn"), QStringLiteral("jp"), QStringLiteral("ca"), QStringLiteral("sa")};
}

void ZohoService::registerRoutes(Router &router)
{
    d->registerAccountsRoutes(router);
    d->registerTokenRoutes(router);
    d->registerCrmRoutes(router);
    d->registerChangeRoutes(router);
}

QJsonObject ZohoService::saveState() const
{
    QJsonArray consents;
    for (const QString &c : d->consents)
        consents.append(c);
    QJsonArray codes;
    for (auto it = d->codes.cbegin(); it != d->codes.cend(); ++it)
        codes.append(Private::codeToJson(it.key(), it.value()));
    QJsonArray refresh;
    for (auto it = d->refreshTokens.cbegin(); it != d->refreshTokens.cend(); ++it)
        refresh.append(Private::refreshToJson(it.key(), it.value()));
    QJsonArray access;
    for (auto it = d->accessTokens.cbegin(); it != d->accessTokens.cend(); ++it)
        access.append(Private::accessToJson(it.key(), it.value()));
    return QJsonObject{{QStringLiteral("clientId"), d->clientId},
                       {QStringLiteral("clientSecret"), d->clientSecret},
                       {QStringLiteral("redirectUris"), toJsonArray(d->extraRedirectUris)},
                       {QStringLiteral("consents"), consents},
                       {QStringLiteral("codeLog"), toJsonArray(d->codeLogMs)},
                       {QStringLiteral("serial"), double(d->serial)},
                       {QStringLiteral("codes"), codes},
                       {QStringLiteral("refreshTokens"), refresh},
                       {QStringLiteral("accessTokens"), access},
                       {QStringLiteral("changes"), d->changeLog},
                       {QStringLiteral("bulk"), d->saveBulkState()}};
}

void ZohoService::loadState(const QJsonObject &state)
{
    // Older state files have no "changes": the seed as generated.
    d->replayChanges(state.value(QStringLiteral("changes")).toArray());
    const QString clientId = state.value(QStringLiteral("clientId")).toString();
    const QString clientSecret = state.value(QStringLiteral("clientSecret")).toString();
    if (clientId.isEmpty() || clientSecret.isEmpty())
        return; // nothing saved yet: keep the freshly generated client
    d->clientId = clientId;
    d->clientSecret = clientSecret;
    d->extraRedirectUris = toStringList(state.value(QStringLiteral("redirectUris")));
    d->consents.clear();
    for (const QJsonValue &c : state.value(QStringLiteral("consents")).toArray())
        d->consents.insert(c.toString());
    d->codeLogMs = toMsList(state.value(QStringLiteral("codeLog")));
    d->serial = toMs(state.value(QStringLiteral("serial")));
    d->codes.clear();
    for (const QJsonValue &v : state.value(QStringLiteral("codes")).toArray())
        d->codes.insert(v.toObject().value(QStringLiteral("code")).toString(), Private::codeFromJson(v.toObject()));
    d->refreshTokens.clear();
    for (const QJsonValue &v : state.value(QStringLiteral("refreshTokens")).toArray())
        d->refreshTokens.insert(v.toObject().value(QStringLiteral("token")).toString(),
                                Private::refreshFromJson(v.toObject()));
    d->accessTokens.clear();
    for (const QJsonValue &v : state.value(QStringLiteral("accessTokens")).toArray())
        d->accessTokens.insert(v.toObject().value(QStringLiteral("token")).toString(),
                               Private::accessFromJson(v.toObject()));
    d->transactions.clear();
    d->cursors.clear();
    d->loadBulkState(state.value(QStringLiteral("bulk")).toObject());
}

void ZohoService::expireAccessTokens()
{
    const qint64 past = Private::nowMs() - 1000;
    for (auto it = d->accessTokens.begin(); it != d->accessTokens.end(); ++it)
        it.value().expiresMs = qMin(it.value().expiresMs, past);
    d->context->changed();
}

QJsonObject ZohoService::credentials() const
{
    QJsonArray users;
    for (const SeedUser &user : d->users) {
        QJsonArray orgs;
        for (const SeedOrg &org : user.orgs) {
            orgs.append(QJsonObject{{QStringLiteral("id"), org.id},
                                    {QStringLiteral("name"), org.companyName},
                                    {QStringLiteral("environment"), org.environment}});
        }
        users.append(QJsonObject{{QStringLiteral("login"), user.login},
                                 {QStringLiteral("home"), user.home},
                                 {QStringLiteral("orgs"), orgs}});
    }
    return QJsonObject{{QStringLiteral("clientId"), d->clientId},
                       {QStringLiteral("clientSecret"), d->clientSecret},
                       {QStringLiteral("redirectUri"), kDefaultRedirectUri},
                       {QStringLiteral("users"), users}};
}

void ZohoService::addRedirectUri(const QString &uri)
{
    if (normalizedUri(uri).isEmpty() || d->isRegisteredRedirect(uri))
        return;
    d->extraRedirectUris.append(uri);
    d->context->changed();
}

} // namespace zaw::sandbox
