// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/PlatformClient.h"

#include "adobe/ImsClient.h"
#include "net/Redaction.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace zaw::adobe {

namespace {

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QString firstText(std::initializer_list<QJsonValue> values)
{
    for (const QJsonValue &v : values) {
        const QString text = v.toString().trimmed();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

// Gateway codes (reference §8.1) that mean the token or the client ID did not pass, as opposed
// to a credential that passed but may not use this organisation.
bool isCredentialCode(const QString &code)
{
    static const QStringList codes = {
        QStringLiteral("401013"),   QStringLiteral("403010"),   QStringLiteral("403000"),
        QStringLiteral("403003"),   QStringLiteral("2000-401"), QStringLiteral("2001-401"),
        QStringLiteral("2002-401"), QStringLiteral("2114-400"), QStringLiteral("2115-400")};
    return codes.contains(code);
}

bool isSandboxNotFound(const QString &code)
{
    return code == QLatin1String("2100-404") || code == QLatin1String("2101-404") || code == QLatin1String("2103-404");
}

} // namespace

PlatformClient::PlatformClient(net::HttpClient *http, ImsClient *ims, AdobeSession *session, const Endpoints &endpoints,
                               QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_ims(ims)
    , m_session(session)
    , m_endpoints(endpoints)
{}

QString PlatformClient::segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl PlatformClient::url(const QString &servicePath, const QUrlQuery &query) const
{
    QUrl u = m_endpoints.platform();
    QString base = u.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    // Tolerant mode keeps the percent-encoding of IDs that are themselves URLs (schema $id).
    u.setPath(base + servicePath, QUrl::TolerantMode);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

QString PlatformClient::codeFromType(const QString &type)
{
    static const QRegularExpression re(QStringLiteral("(?:^|/)(?:([A-Za-z]+)-)?([0-9]{3,6}-[0-9]{3})$"));
    const QRegularExpressionMatch m = re.match(type.trimmed());
    if (!m.hasMatch())
        return {};
    const QString prefix = m.captured(1).toUpper();
    // Flow Service's catalogue and every tutorial name its codes without the FLOW- prefix.
    if (prefix.isEmpty() || prefix == QLatin1String("FLOW"))
        return m.captured(2);
    return prefix + QLatin1Char('-') + m.captured(2);
}

QList<QJsonObject> PlatformClient::items(const net::HttpResponse &response)
{
    QList<QJsonObject> list;
    for (const QJsonValue &v : response.object().value(QStringLiteral("items")).toArray())
        list.append(v.toObject());
    return list;
}

QString PlatformClient::adviceFor(const QString &code, net::ErrorCategory category, int status)
{
    using net::ErrorCategory;
    if (code == QLatin1String("403000") || code == QLatin1String("403003")) {
        return tr("Check the client ID of the credential in the Adobe Developer Console and enter it again.");
    }
    if (category == ErrorCategory::SignInNeeded) {
        return tr("Adobe did not accept the access token even after a new one was requested. Check the "
                  "credential in the Adobe Developer Console and enter its client ID and secret again.");
    }
    if (code == QLatin1String("403025") || code == QLatin1String("403027")) {
        return tr("Check that the organisation ID (…@AdobeOrg) is the one of the Developer Console project, and "
                  "that the project's credential has the Experience Platform API with a product profile.");
    }
    if (isSandboxNotFound(code)) {
        return tr("Pick a sandbox from the organisation's list (sandbox names are lower case).");
    }
    if (code == QLatin1String("2105-400")) {
        return tr("Pick a sandbox for this connection.");
    }
    if (code == QLatin1String("400003")) {
        return tr("Enter the organisation ID of the Developer Console project (it ends with @AdobeOrg).");
    }
    if (code == QLatin1String("1418-400")) {
        return tr("Delete the dataflows that use it first, then try again.");
    }
    if (category == ErrorCategory::Permission) {
        return tr("Ask an Adobe Experience Platform administrator to add the missing permission (for sources: "
                  "View Sources and Manage Sources) to a product profile of this credential.");
    }
    if (category == ErrorCategory::Conflict) {
        return tr("The object was changed elsewhere meanwhile. Reload it and try again.");
    }
    if (category == ErrorCategory::RateLimit) {
        return tr("Adobe is limiting the number of requests. Wait a minute and try again.");
    }
    if (category == ErrorCategory::Server) {
        return tr("Try again later; if it keeps failing, give Adobe support the request ID from the copied "
                  "details.");
    }
    if (status == 404) {
        return tr("The object may have been deleted in Adobe Experience Platform; check the name or ID.");
    }
    if (category == ErrorCategory::Input) {
        return tr("Correct the value the message names and try again.");
    }
    return {};
}

net::Error PlatformClient::errorFrom(const net::HttpResponse &response, const QByteArray &method, const QUrl &url,
                                     const QString &callerAdvice)
{
    using net::ErrorCategory;
    const QUrl bare = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    net::Error e = net::HttpClient::errorForStatus(response, bare);
    const int status = response.status;
    const QJsonObject body = response.json().toObject();
    const QJsonObject report = body.value(QStringLiteral("report")).toObject();
    const QString type = body.value(QStringLiteral("type")).toString();
    const QString title = body.value(QStringLiteral("title")).toString();

    QString code;
    QString said;
    if (body.contains(QStringLiteral("error_code"))) {
        // The gateway's flat shape: {"error_code": "403025", "message": "Profile is not valid"}.
        code = scalarText(body.value(QStringLiteral("error_code")));
        said = body.value(QStringLiteral("message")).toString().trimmed();
    } else {
        // Flow Service, Schema Registry (errorBasic) and the Catalog / Data Prep answers share
        // type/title/status/report/detail; older answers carry only errorMessage.
        code = codeFromType(type);
        if (code.isEmpty())
            code = scalarText(body.value(QStringLiteral("code")));
        said = firstText({report.value(QStringLiteral("detailed-message")), body.value(QStringLiteral("detail")),
                          body.value(QStringLiteral("errorMessage")), body.value(QStringLiteral("message")),
                          body.value(QStringLiteral("errorDetails")), body.value(QStringLiteral("title"))});
    }
    const QString requestId =
        firstText({report.value(QStringLiteral("request-id")), report.value(QStringLiteral("registryRequestId")),
                   body.value(QStringLiteral("request-id"))});
    e.code = code;
    if (!requestId.isEmpty())
        e.requestId = requestId;
    e.detail = QStringLiteral("%1 %2 -> HTTP %3").arg(QString::fromLatin1(method), net::redactedUrl(bare)).arg(status);
    if (!type.isEmpty())
        e.detail += QStringLiteral(" %1").arg(type);
    if (!title.isEmpty())
        e.detail += QStringLiteral(" (%1)").arg(title);
    if (!said.isEmpty())
        e.detail += QStringLiteral(": %1").arg(said);

    // Category: the HTTP status first, refined by the codes whose meaning is known.
    if (status == 401 || isCredentialCode(code))
        e.category = ErrorCategory::SignInNeeded;
    else if (status == 403)
        e.category = ErrorCategory::Permission;
    else if (status == 409 || status == 412)
        e.category = ErrorCategory::Conflict;
    else if (status == 429)
        e.category = ErrorCategory::RateLimit;
    else if (status >= 500)
        e.category = ErrorCategory::Server;
    else if (status >= 400)
        e.category = ErrorCategory::Input;

    const QString advice = callerAdvice.isEmpty() ? adviceFor(code, e.category, status) : callerAdvice;

    if (said.isEmpty()) {
        if (!code.isEmpty())
            e.message = tr("%1 (error %2)").arg(e.message, code);
        return e;
    }
    while (said.endsWith(QLatin1Char('.')))
        said.chop(1);
    const QString reference = code.isEmpty() ? tr("HTTP %1").arg(status) : tr("error %1").arg(code);
    e.message = tr("Adobe Experience Platform answered: %1 (%2). %3").arg(said, reference, advice).trimmed();
    return e;
}

bool PlatformClient::answersJson(const QString &servicePath, const QUrlQuery &query)
{
    return !(servicePath.startsWith(QLatin1String("/data/foundation/export/")) &&
             query.hasQueryItem(QStringLiteral("path")));
}

void PlatformClient::send(const QByteArray &method, const QString &servicePath, const QUrlQuery &query,
                          const QJsonValue &body, const net::Headers &extraHeaders, QObject *context, Reply done,
                          Scope scope)
{
    Call call;
    call.method = method;
    call.servicePath = servicePath;
    call.query = query;
    call.body = body;
    call.extraHeaders = extraHeaders;
    call.guard = context ? context : this;
    call.done = std::move(done);
    call.scope = scope;
    QString missing;
    if (m_session->orgId.trimmed().isEmpty())
        missing = tr("Enter the organisation ID of the Developer Console project (it ends with @AdobeOrg).");
    else if (scope == Scope::Sandbox && m_session->sandboxName.trimmed().isEmpty())
        missing = tr("Pick a sandbox of the Adobe Experience Platform organisation.");
    if (!missing.isEmpty()) {
        QTimer::singleShot(0, this, [call, missing] {
            if (call.guard)
                call.done({}, net::Error::make(net::ErrorCategory::Input, missing));
        });
        return;
    }
    dispatch(call, false);
}

void PlatformClient::dispatch(const Call &call, bool renewed)
{
    QPointer<PlatformClient> self(this);
    m_ims->ensureToken(m_session, call.guard.data(), [self, call, renewed](const net::Error &error) {
        if (!call.guard || !self)
            return;
        if (error) {
            call.done({}, error);
            return;
        }
        self->transmit(call, renewed);
    });
}

void PlatformClient::transmit(const Call &call, bool renewed)
{
    net::Headers headers{
        {"Authorization", "Bearer " + m_session->accessToken.toLatin1()},
        {"x-api-key", m_session->clientId.trimmed().toLatin1()},
        {"x-gw-ims-org-id", m_session->orgId.trimmed().toLatin1()},
    };
    if (call.scope == Scope::Sandbox)
        headers.append({"x-sandbox-name", m_session->sandboxName.trimmed().toLatin1()});
    const QUrl target = url(call.servicePath, call.query);
    net::HttpRequest request = net::HttpRequest::json(call.method, target, call.body, headers);
    request.expectJson = answersJson(call.servicePath, call.query);
    for (const auto &h : call.extraHeaders)
        request.setHeader(h.first, h.second);

    const QString usedToken = m_session->accessToken;
    net::HttpCall *httpCall = m_http->send(request, lcAdobe());
    connect(httpCall, &net::HttpCall::retrying, this, &PlatformClient::retrying);
    connect(httpCall, &net::HttpCall::finished, this,
            [this, call, renewed, usedToken, target](const net::HttpResponse &response, const net::Error &transport) {
                if (!call.guard)
                    return;
                if (transport) {
                    call.done(response, transport);
                    return;
                }
                if (response.status == 401 && !renewed) {
                    // Tokens can die before expires_in says (forced expiry, a rotated secret): one
                    // new token and one more try. Another call may have renewed it already.
                    if (m_session->accessToken == usedToken)
                        m_session->clearToken();
                    dispatch(call, true);
                    return;
                }
                if (!response.isSuccess()) {
                    call.done(response, errorFrom(response, call.method, target));
                    return;
                }
                call.done(response, {});
            });
}

} // namespace zaw::adobe
