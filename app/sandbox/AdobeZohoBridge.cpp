// SPDX-License-Identifier: GPL-3.0-or-later
// The Platform side's in-process calls to the Zoho side, with a base connection's credentials.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

namespace {

QString sameUrlKey(const QString &url)
{
    QUrl u(url.trimmed());
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return u.scheme().toLower() + u"://"_s + u.host().toLower() + u":"_s + QString::number(u.port()) + path;
}

} // namespace

bool AdobeState::zohoRefresh(Entry &connection, QString *reason)
{
    QJsonObject auth = connection.data.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    const QString accountsUrl = params.value(u"accountsUrl"_s).toString();
    const QString accountsPath = context->localPath(QUrl(accountsUrl));
    if (accountsPath.isEmpty()) {
        *reason = u"the Accounts URL %1 could not be reached (connection refused)."_s.arg(accountsUrl);
        return false;
    }
    const QList<QPair<QString, QString>> form = {{u"grant_type"_s, u"refresh_token"_s},
                                                 {u"client_id"_s, params.value(u"clientId"_s).toString()},
                                                 {u"client_secret"_s, params.value(u"clientSecret"_s).toString()},
                                                 {u"refresh_token"_s, params.value(u"refreshToken"_s).toString()}};
    QByteArray body;
    for (const auto &field : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    Request request;
    request.method = "POST";
    request.path = accountsPath + u"/oauth/v2/token"_s;
    request.headers = {{"content-type", "application/x-www-form-urlencoded"}};
    request.body = body;
    request.internal = true;
    request.requestId = SandboxContext::uuid();
    const Response response = context->internalCall(request);
    const QJsonObject answer = response.jsonBody().toObject();
    const QString accessToken = answer.value(u"access_token"_s).toString();
    if (response.status != 200 || accessToken.isEmpty()) {
        // Zoho reports token errors as HTTP 200 with an "error" field.
        QString error = answer.value(u"error"_s).toString();
        if (error.isEmpty())
            error = u"HTTP %1"_s.arg(response.status);
        const QString description = answer.value(u"error_description"_s).toString();
        *reason = u"Zoho Accounts at %1 refused to refresh the access token: %2%3"_s.arg(
            accountsUrl, error, description.isEmpty() ? QString() : u" (%1)"_s.arg(description));
        return false;
    }
    params.insert(u"accessToken"_s, accessToken);
    auth.insert(u"params"_s, params);
    connection.data.insert(u"auth"_s, auth);
    connection.meta.insert(u"verified"_s, true);
    connection.meta.insert(u"apiDomain"_s, answer.value(u"api_domain"_s).toString());
    context->changed();
    return true;
}

AdobeState::ZohoResult AdobeState::zohoGet(Entry &connection, const QString &apiPath,
                                           const QList<QPair<QString, QString>> &query)
{
    ZohoResult result;
    const QString endpoint =
        connection.data.value(u"auth"_s).toObject().value(u"params"_s).toObject().value(u"endpoint"_s).toString();
    const QString apiBase = context->localPath(QUrl(endpoint));
    if (apiBase.isEmpty()) {
        result.reason = u"the Endpoint %1 could not be reached (connection refused)."_s.arg(endpoint);
        return result;
    }
    // A connection's credentials are checked the first time it is used (AEP says to "allow some
    // time for the new connection to establish"): a refresh proves client ID, secret, refresh
    // token and Accounts URL together, so a wrong secret fails even while the access token lives.
    bool refreshed = false;
    if (!connection.meta.value(u"verified"_s).toBool()) {
        if (!zohoRefresh(connection, &result.reason))
            return result;
        refreshed = true;
    }
    auto call = [&]() {
        Request request;
        request.method = "GET";
        request.path = apiBase + apiPath;
        QUrlQuery q;
        for (const auto &item : query)
            q.addQueryItem(item.first, item.second);
        request.query = q;
        const QString token = connection.data.value(u"auth"_s)
                                  .toObject()
                                  .value(u"params"_s)
                                  .toObject()
                                  .value(u"accessToken"_s)
                                  .toString();
        request.headers = {{"authorization", "Zoho-oauthtoken " + token.toUtf8()}};
        request.internal = true;
        request.requestId = SandboxContext::uuid();
        return context->internalCall(request);
    };
    Response response = call();
    QJsonObject body = response.jsonBody().toObject();
    if (response.status == 401 && body.value(u"code"_s).toString() == u"INVALID_TOKEN"_s && !refreshed) {
        if (!zohoRefresh(connection, &result.reason))
            return result;
        response = call();
        body = response.jsonBody().toObject();
    }
    result.status = response.status;
    result.body = body;
    if (response.status >= 400) {
        result.reason = u"Zoho CRM answered HTTP %1 %2: %3"_s.arg(response.status)
                            .arg(body.value(u"code"_s).toString(), body.value(u"message"_s).toString());
        const QString apiDomain = connection.meta.value(u"apiDomain"_s).toString();
        if (!apiDomain.isEmpty() && sameUrlKey(apiDomain) != sameUrlKey(endpoint)) {
            result.reason +=
                u" – the Zoho token belongs to %1 but the connection's Endpoint is %2."_s.arg(apiDomain, endpoint);
        }
        return result;
    }
    result.ok = true;
    return result;
}

int AdobeState::zohoRecordCount(Entry &connection, const QString &module, QString *reason)
{
    // Discrete pages reach only the first 2,000 records; beyond that Zoho wants page_token.
    constexpr int perPage = 200;
    int count = 0;
    int page = 1;
    QString pageToken;
    for (int guard = 0; guard < 1000; ++guard) {
        QList<QPair<QString, QString>> query{{u"fields"_s, u"id"_s}, {u"per_page"_s, QString::number(perPage)}};
        if (pageToken.isEmpty())
            query.append({u"page"_s, QString::number(page)});
        else
            query.append({u"page_token"_s, pageToken});
        const ZohoResult r = zohoGet(connection, u"/crm/v8/"_s + module, query);
        if (!r.ok) {
            *reason = r.reason;
            return -1;
        }
        if (r.status == 204 || r.status == 304)
            break;
        count += int(r.body.value(u"data"_s).toArray().size());
        const QJsonObject info = r.body.value(u"info"_s).toObject();
        if (!info.value(u"more_records"_s).toBool())
            break;
        const QString next = info.value(u"next_page_token"_s).toString();
        if (!pageToken.isEmpty() || page * perPage >= 2000) {
            if (next.isEmpty())
                break;
            pageToken = next;
        } else {
            ++page;
        }
    }
    return count;
}

} // namespace zaw::sandbox::adobe
