// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho Accounts: token (authorization code, refresh), revoke and server info, with Zoho's limits.
#include "ZohoState.h"

#include "ZohoService.h"

#include <QCryptographicHash>

namespace zaw::sandbox::zoho {

void ZohoState::registerTokenRoutes(Router &router)
{
    const QString accounts = kDcPattern + QStringLiteral("/accounts/oauth");
    router.add("POST", accounts + QStringLiteral("/v2/token"), [this](const Request &r) { return token(r); });
    // The CRM docs name /oauth/v2/token/revoke, newer Accounts docs /oauth/v2/revoke/token.
    router.add("POST", accounts + QStringLiteral("/v2/(?:token/revoke|revoke/token)"),
               [this](const Request &r) { return revoke(r); });
    router.add("GET", accounts + QStringLiteral("/serverinfo"), [this](const Request &r) { return serverInfo(r); });
}

QHash<QString, QString> ZohoState::tokenParameters(const Request &r)
{
    QHash<QString, QString> params;
    for (const auto &item : r.query.queryItems(QUrl::FullyDecoded))
        params.insert(item.first, item.second);
    for (const auto &field : r.formFields())
        params.insert(field.first, field.second);
    const QByteArray authorization = r.header("authorization").trimmed();
    if (authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const int colon = decoded.indexOf(':');
        if (colon > 0) {
            if (!params.contains(QStringLiteral("client_id")))
                params.insert(QStringLiteral("client_id"), QString::fromUtf8(decoded.left(colon)));
            if (!params.contains(QStringLiteral("client_secret")))
                params.insert(QStringLiteral("client_secret"), QString::fromUtf8(decoded.mid(colon + 1)));
        }
    }
    return params;
}

void ZohoState::removeAccessTokensOf(const QString &refreshToken)
{
    for (auto it = accessTokens.begin(); it != accessTokens.end();) {
        it = it.value().refreshToken == refreshToken ? accessTokens.erase(it) : std::next(it);
    }
}

QString ZohoState::mintAccessToken(const QString &login, const QString &orgId, const QString &environment,
                                   const QString &dc, const QStringList &scopes, const QString &refreshToken)
{
    const qint64 now = nowMs();
    for (auto it = accessTokens.begin(); it != accessTokens.end();) {
        it = it.value().expiresMs <= now ? accessTokens.erase(it) : std::next(it);
    }
    if (!refreshToken.isEmpty() && !context->options.relaxedLimits) {
        // The 16th live access token of a refresh token invalidates the oldest one.
        QList<QPair<qint64, QString>> live;
        for (auto it = accessTokens.cbegin(); it != accessTokens.cend(); ++it) {
            if (it.value().refreshToken == refreshToken)
                live.append({it.value().serial, it.key()});
        }
        std::sort(live.begin(), live.end());
        for (int i = 0; i <= live.size() - kMaxActiveAccessTokens; ++i)
            accessTokens.remove(live.at(i).second);
    }
    AccessToken token;
    token.clientId = clientId;
    token.login = login;
    token.orgId = orgId;
    token.environment = environment;
    token.dc = dc;
    token.scopes = scopes;
    token.refreshToken = refreshToken;
    token.serial = ++serial;
    token.expiresMs = now + qint64(context->options.zohoTokenTtlSeconds) * 1000;
    const QString text = newToken();
    accessTokens.insert(text, token);
    return text;
}

QString ZohoState::createRefreshToken(const GrantCode &code)
{
    if (!context->options.relaxedLimits) {
        // A user can hold 20 refresh tokens per client; the 21st deletes the oldest,
        // together with the access tokens minted from it.
        QList<QPair<qint64, QString>> owned;
        for (auto it = refreshTokens.cbegin(); it != refreshTokens.cend(); ++it) {
            if (it.value().clientId == code.clientId && it.value().login == code.login)
                owned.append({it.value().serial, it.key()});
        }
        std::sort(owned.begin(), owned.end());
        for (int i = 0; i <= owned.size() - kMaxRefreshTokens; ++i) {
            refreshTokens.remove(owned.at(i).second);
            removeAccessTokensOf(owned.at(i).second);
        }
    }
    RefreshToken token;
    token.clientId = code.clientId;
    token.login = code.login;
    token.orgId = code.orgId;
    token.environment = code.environment;
    token.dc = code.dc;
    token.scopes = code.scopes;
    token.serial = ++serial;
    token.createdMs = nowMs();
    const QString text = newToken();
    refreshTokens.insert(text, token);
    return text;
}

bool ZohoState::verifierMatches(const GrantCode &code, const QString &verifier)
{
    if (code.challenge.isEmpty())
        return true;
    if (verifier.isEmpty())
        return false;
    if (code.challengeMethod == QLatin1String("S256"))
        return base64UrlNoPadding(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)) ==
               code.challenge;
    return verifier == code.challenge;
}

Response ZohoState::authorizationCodeGrant(const QString &dc, const QHash<QString, QString> &params)
{
    const QString codeText = params.value(QStringLiteral("code"));
    const auto it = codes.constFind(codeText);
    // Every DC keeps its own codes: a code taken to another DC is simply unknown there.
    if (codeText.isEmpty() || it == codes.constEnd() || it->dc != dc || it->clientId != clientId)
        return tokenError(QStringLiteral("invalid_code"));
    if (it->expiresMs <= nowMs()) {
        codes.remove(codeText);
        context->changed();
        return tokenError(QStringLiteral("invalid_code"));
    }
    const GrantCode code = it.value();
    if (params.value(QStringLiteral("redirect_uri")) != code.redirectUri)
        return tokenError(QStringLiteral("invalid_redirect_uri"));
    if (!verifierMatches(code, params.value(QStringLiteral("code_verifier"))))
        return tokenError(QStringLiteral("invalid_code"));

    codes.remove(codeText);
    QString refreshToken;
    if (code.issueRefreshToken)
        refreshToken = createRefreshToken(code);
    const QString accessToken =
        mintAccessToken(code.login, code.orgId, code.environment, code.dc, code.scopes, refreshToken);
    context->changed();

    QJsonObject reply{{QStringLiteral("access_token"), accessToken},
                      {QStringLiteral("api_domain"), apiDomain(code.dc, code.environment)},
                      {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                      {QStringLiteral("expires_in"), context->options.zohoTokenTtlSeconds}};
    if (!refreshToken.isEmpty())
        reply.insert(QStringLiteral("refresh_token"), refreshToken);
    return Response::json(reply);
}

Response ZohoState::refreshTokenGrant(const QString &dc, const QHash<QString, QString> &params)
{
    const QString tokenText = params.value(QStringLiteral("refresh_token"));
    const auto it = refreshTokens.find(tokenText);
    if (tokenText.isEmpty() || it == refreshTokens.end() || it->dc != dc || it->clientId != clientId)
        return tokenError(QStringLiteral("invalid_code"));
    const qint64 now = nowMs();
    pruneWindow(it->mintsMs, now);
    if (!context->options.relaxedLimits && it->mintsMs.size() >= kMaxMintsPerWindow) {
        return Response::json(QJsonObject{
            {QStringLiteral("error_description"),
             QStringLiteral("You have made too many requests continuously. Please try again after some time.")},
            {QStringLiteral("error"), QStringLiteral("Access Denied")},
            {QStringLiteral("status"), QStringLiteral("failure")}});
    }
    it->mintsMs.append(now);
    const RefreshToken token = it.value();
    const QString accessToken =
        mintAccessToken(token.login, token.orgId, token.environment, token.dc, token.scopes, tokenText);
    context->changed();
    return Response::json(QJsonObject{{QStringLiteral("access_token"), accessToken},
                                      {QStringLiteral("api_domain"), apiDomain(token.dc, token.environment)},
                                      {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                      {QStringLiteral("expires_in"), context->options.zohoTokenTtlSeconds}});
}

Response ZohoState::token(const Request &r)
{
    const QString dc = r.capture(1);
    const QHash<QString, QString> params = tokenParameters(r);
    if (params.value(QStringLiteral("client_id")) != clientId)
        return tokenError(QStringLiteral("invalid_client"));
    if (params.value(QStringLiteral("client_secret")) != clientSecret)
        return tokenError(QStringLiteral("invalid_client_secret"));
    const QString grantType = params.value(QStringLiteral("grant_type"));
    if (grantType == QLatin1String("authorization_code"))
        return authorizationCodeGrant(dc, params);
    if (grantType == QLatin1String("refresh_token"))
        return refreshTokenGrant(dc, params);
    return tokenError(QStringLiteral("unsupported_grant_type"));
}

Response ZohoState::revoke(const Request &r)
{
    const QString dc = r.capture(1);
    QString tokenText = r.queryValue(QStringLiteral("token"));
    if (tokenText.isEmpty()) {
        for (const auto &field : r.formFields()) {
            if (field.first == QLatin1String("token"))
                tokenText = field.second;
        }
    }
    const auto refresh = refreshTokens.constFind(tokenText);
    if (!tokenText.isEmpty() && refresh != refreshTokens.constEnd() && refresh->dc == dc) {
        refreshTokens.remove(tokenText);
        removeAccessTokensOf(tokenText);
        context->changed();
        return Response::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});
    }
    const auto access = accessTokens.constFind(tokenText);
    if (!tokenText.isEmpty() && access != accessTokens.constEnd() && access->dc == dc) {
        accessTokens.remove(tokenText);
        context->changed();
        return Response::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")}});
    }
    return Response::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("failure")},
                                      {QStringLiteral("error"), QStringLiteral("invalid_token")}},
                          400);
}

Response ZohoState::serverInfo(const Request &) const
{
    QJsonObject locations;
    for (const QString &dc : ZohoService::dataCenterCodes())
        locations.insert(dc, accountsUrl(dc));
    return Response::json(
        QJsonObject{{QStringLiteral("result"), QStringLiteral("success")}, {QStringLiteral("locations"), locations}});
}

} // namespace zaw::sandbox::zoho
