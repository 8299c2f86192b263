// SPDX-License-Identifier: GPL-3.0-or-later
// Adobe IMS: POST /ims/token/v3 (client_credentials).
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerImsRoutes(Router &router)
{
    router.add("POST", u"/adobe/ims/ims/token/v3"_s, [this](const Request &request) { return imsToken(request); });
}

Response AdobeState::imsToken(const Request &request)
{
    // Parameters may come in the body or the query string; the body wins.
    QHash<QString, QString> params;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded))
        params.insert(item.first, item.second);
    for (const auto &field : request.formFields())
        params.insert(field.first, field.second);

    auto oauthError = [](int status, const QString &error, const QString &description) {
        return Response::json(QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}}, status);
    };
    const QString grantType = params.value(u"grant_type"_s);
    if (grantType != u"client_credentials"_s) {
        return oauthError(400, u"unsupported_grant_type"_s,
                          grantType.isEmpty() ? u"grant_type is missing"_s
                                              : u"The grant type '%1' is not supported"_s.arg(grantType));
    }
    const QString id = params.value(u"client_id"_s);
    if (id.isEmpty())
        return oauthError(400, u"invalid_request"_s, u"client_id is missing"_s);
    if (id != clientId)
        return oauthError(401, u"invalid_client"_s, u"invalid client_id parameter"_s);
    if (params.value(u"client_secret"_s) != clientSecret)
        return oauthError(401, u"invalid_client"_s, u"invalid client_secret parameter"_s);
    if (params.value(u"scope"_s).trimmed().isEmpty())
        return oauthError(400, u"invalid_scope"_s, u"scope is missing or empty"_s);

    const qint64 now = nowMs();
    for (auto it = tokens.begin(); it != tokens.end();) {
        if (it->expiresAtMs < now - 24LL * 3600 * 1000)
            it = tokens.erase(it);
        else
            ++it;
    }
    const QString token = u"eyJ"_s + randomAlphanumeric(120);
    const int ttl = context->options.adobeTokenTtlSeconds;
    tokens.insert(token, Token{clientId, kOrgId, now + qint64(ttl) * 1000});
    context->changed();
    return Response::json(
        QJsonObject{{u"access_token"_s, token}, {u"token_type"_s, u"bearer"_s}, {u"expires_in"_s, ttl}});
}

} // namespace zaw::sandbox::adobe
