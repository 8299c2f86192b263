// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers of the Zoho APIs and the persistence of their state.
#include "ZohoState.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace zaw::sandbox::zoho {

QString environmentOfPrefix(const QString &prefix)
{
    if (prefix == QLatin1String("sandbox-api"))
        return QStringLiteral("sandbox");
    if (prefix == QLatin1String("developer-api"))
        return QStringLiteral("developer");
    return QStringLiteral("production");
}

QString prefixOfEnvironment(const QString &environment)
{
    if (environment == QLatin1String("sandbox"))
        return QStringLiteral("sandbox-api");
    if (environment == QLatin1String("developer"))
        return QStringLiteral("developer-api");
    return QStringLiteral("api");
}

QString newToken()
{
    return QStringLiteral("1000.%1.%2").arg(SandboxContext::randomHex(16), SandboxContext::randomHex(16));
}

QString newClientId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    QString id = QStringLiteral("1000.");
    for (int i = 0; i < 30; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]));
    return id;
}

// Redirect URIs match exactly as Zoho compares them; QUrl only lower-cases scheme and host.
QString normalizedUri(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return {};
    return url.toString(QUrl::FullyEncoded);
}

QJsonArray toJsonArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QJsonArray toJsonArray(const QList<qint64> &list)
{
    QJsonArray array;
    for (const qint64 v : list)
        array.append(double(v));
    return array;
}

QList<qint64> toMsList(const QJsonValue &value)
{
    QList<qint64> list;
    for (const QJsonValue &v : value.toArray())
        list.append(qint64(v.toDouble()));
    return list;
}

qint64 toMs(const QJsonValue &value)
{
    return qint64(value.toDouble());
}

QString base64UrlNoPadding(const QByteArray &data)
{
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool isValidScope(const QString &scope)
{
    static const QRegularExpression crm(
        QStringLiteral("^zohocrm\\.(?:(?:users|org|coql|bulk|notifications)|(?:settings|modules)(?:\\.[a-z0-9_]+)?)"
                       "\\.(?:all|read|create|update|delete|write)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression other(
        QStringLiteral("^(?:aaaserver\\.profile|zohosearch\\.securesearch)\\.(?:all|read)$"),
        QRegularExpression::CaseInsensitiveOption);
    return crm.match(scope).hasMatch() || other.match(scope).hasMatch();
}

QString describeOperation(const QString &op)
{
    const QString o = op.toLower();
    if (o == QLatin1String("read"))
        return QStringLiteral("See");
    if (o == QLatin1String("create"))
        return QStringLiteral("Create");
    if (o == QLatin1String("update"))
        return QStringLiteral("Change");
    if (o == QLatin1String("delete"))
        return QStringLiteral("Delete");
    if (o == QLatin1String("write"))
        return QStringLiteral("Create, change and delete");
    return QStringLiteral("See, create, change and delete");
}

QString describeScope(const QString &scope)
{
    const QStringList parts = scope.split(QLatin1Char('.'));
    const QString service = parts.value(0).toLower();
    const QString op = parts.last();
    if (service == QLatin1String("aaaserver"))
        return QStringLiteral("See your Zoho profile: name and e-mail address");
    if (service == QLatin1String("zohosearch"))
        return QStringLiteral("Search your CRM data");
    const QString family = parts.value(1).toLower();
    const QString sub = parts.size() > 3 ? parts.value(2) : QString();
    const QString verb = describeOperation(op);
    if (family == QLatin1String("users"))
        return verb + QStringLiteral(" the users of your CRM organization");
    if (family == QLatin1String("org"))
        return verb + QStringLiteral(" your CRM organization's details");
    if (family == QLatin1String("coql"))
        return QStringLiteral("Run COQL queries on your CRM records");
    if (family == QLatin1String("bulk"))
        return verb + QStringLiteral(" your CRM records in bulk (exports)");
    if (family == QLatin1String("notifications"))
        return verb + QStringLiteral(" notifications about changes in your CRM");
    if (family == QLatin1String("settings"))
        return verb + (sub.isEmpty() ? QStringLiteral(" all your CRM settings")
                                     : QStringLiteral(" your CRM settings: %1").arg(sub));
    if (sub.isEmpty())
        return verb + QStringLiteral(" the records of every CRM module");
    if (sub.compare(QLatin1String("custom"), Qt::CaseInsensitive) == 0)
        return verb + QStringLiteral(" the records of your custom CRM modules");
    return verb + QStringLiteral(" the records of the CRM module %1").arg(sub);
}

const char *const kCss =
    "body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1d2630;margin:0}"
    "main{max-width:34rem;margin:3rem auto;background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:2rem}"
    "h1{font-size:1.5rem;margin-top:0}h2{font-size:1.05rem}"
    ".brand{color:#5b6670;font-size:.9rem;margin-top:0}"
    ".error{background:#fdecea;border:1px solid #e0867c;padding:.6rem;border-radius:4px}"
    "label{display:block;margin:.8rem 0 .3rem}input[type=text],select{width:100%;padding:.5rem;box-sizing:border-box}"
    "button{margin:1rem .5rem 0 0;padding:.55rem 1.4rem;font-size:1rem}"
    "code{background:#eef1f4;padding:0 .25rem;border-radius:3px}";

QString htmlPage(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n<main>\n%3</main>\n</body>\n</html>\n")
        .arg(title.toHtmlEscaped(), QString::fromLatin1(kCss), body);
}

QString environmentLabel(const QString &environment)
{
    if (environment == QLatin1String("sandbox"))
        return QStringLiteral("Sandbox");
    if (environment == QLatin1String("developer"))
        return QStringLiteral("Developer");
    return QStringLiteral("Production");
}

Response crmError(int status, const QString &code, const QString &message, const QJsonObject &details)
{
    return Response::json(QJsonObject{{QStringLiteral("code"), code},
                                      {QStringLiteral("details"), details},
                                      {QStringLiteral("message"), message},
                                      {QStringLiteral("status"), QStringLiteral("error")}},
                          status);
}

Response invalidData(const QString &param, const QJsonArray &supported)
{
    QJsonObject details{{QStringLiteral("param_name"), param}};
    if (!supported.isEmpty())
        details.insert(QStringLiteral("supported_values"), supported);
    return crmError(400, QStringLiteral("INVALID_DATA"),
                    QStringLiteral("the value given for %1 is not valid").arg(param), details);
}

Response invalidUrl()
{
    return crmError(404, QStringLiteral("INVALID_URL_PATTERN"),
                    QStringLiteral("Please check if the URL trying to access is a correct one"));
}

// Zoho's token endpoint reports every failure with HTTP 200 and an "error" field.
Response tokenError(const QString &error)
{
    return Response::json(QJsonObject{{QStringLiteral("error"), error}}, 200);
}

std::optional<int> parseInt(const QString &text)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

const SeedUser *ZohoState::userByLogin(const QString &login) const
{
    for (const SeedUser &u : users) {
        if (u.login.compare(login.trimmed(), Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

bool ZohoState::isRegisteredRedirect(const QString &uri) const
{
    const QString wanted = normalizedUri(uri);
    if (wanted.isEmpty())
        return false;
    if (normalizedUri(kDefaultRedirectUri) == wanted)
        return true;
    for (const QString &extra : extraRedirectUris) {
        if (normalizedUri(extra) == wanted)
            return true;
    }
    return false;
}

QString ZohoState::accountsUrl(const QString &dc) const
{
    return context->url(QStringLiteral("/zoho/%1/accounts").arg(dc)).toString();
}

QString ZohoState::apiDomain(const QString &dc, const QString &environment) const
{
    return context->url(QStringLiteral("/zoho/%1/%2").arg(dc, prefixOfEnvironment(environment))).toString();
}

void ZohoState::pruneWindow(QList<qint64> &log, qint64 now)
{
    log.erase(std::remove_if(log.begin(), log.end(), [now](qint64 t) { return t <= now - kLimitWindowMs; }), log.end());
}

QJsonObject ZohoState::codeToJson(const QString &text, const GrantCode &c)
{
    return QJsonObject{{QStringLiteral("code"), text},
                       {QStringLiteral("clientId"), c.clientId},
                       {QStringLiteral("redirectUri"), c.redirectUri},
                       {QStringLiteral("scopes"), toJsonArray(c.scopes)},
                       {QStringLiteral("login"), c.login},
                       {QStringLiteral("orgId"), c.orgId},
                       {QStringLiteral("environment"), c.environment},
                       {QStringLiteral("dc"), c.dc},
                       {QStringLiteral("challenge"), c.challenge},
                       {QStringLiteral("challengeMethod"), c.challengeMethod},
                       {QStringLiteral("accessType"), c.accessType},
                       {QStringLiteral("prompt"), c.prompt},
                       {QStringLiteral("issueRefreshToken"), c.issueRefreshToken},
                       {QStringLiteral("expires"), double(c.expiresMs)}};
}

ZohoState::GrantCode ZohoState::codeFromJson(const QJsonObject &o)
{
    GrantCode c;
    c.clientId = o.value(QStringLiteral("clientId")).toString();
    c.redirectUri = o.value(QStringLiteral("redirectUri")).toString();
    c.scopes = toStringList(o.value(QStringLiteral("scopes")));
    c.login = o.value(QStringLiteral("login")).toString();
    c.orgId = o.value(QStringLiteral("orgId")).toString();
    c.environment = o.value(QStringLiteral("environment")).toString();
    c.dc = o.value(QStringLiteral("dc")).toString();
    c.challenge = o.value(QStringLiteral("challenge")).toString();
    c.challengeMethod = o.value(QStringLiteral("challengeMethod")).toString();
    c.accessType = o.value(QStringLiteral("accessType")).toString();
    c.prompt = o.value(QStringLiteral("prompt")).toString();
    c.issueRefreshToken = o.value(QStringLiteral("issueRefreshToken")).toBool();
    c.expiresMs = toMs(o.value(QStringLiteral("expires")));
    return c;
}

QJsonObject ZohoState::refreshToJson(const QString &text, const RefreshToken &t)
{
    return QJsonObject{{QStringLiteral("token"), text},
                       {QStringLiteral("clientId"), t.clientId},
                       {QStringLiteral("login"), t.login},
                       {QStringLiteral("orgId"), t.orgId},
                       {QStringLiteral("environment"), t.environment},
                       {QStringLiteral("dc"), t.dc},
                       {QStringLiteral("scopes"), toJsonArray(t.scopes)},
                       {QStringLiteral("serial"), double(t.serial)},
                       {QStringLiteral("created"), double(t.createdMs)},
                       {QStringLiteral("mints"), toJsonArray(t.mintsMs)}};
}

ZohoState::RefreshToken ZohoState::refreshFromJson(const QJsonObject &o)
{
    RefreshToken t;
    t.clientId = o.value(QStringLiteral("clientId")).toString();
    t.login = o.value(QStringLiteral("login")).toString();
    t.orgId = o.value(QStringLiteral("orgId")).toString();
    t.environment = o.value(QStringLiteral("environment")).toString();
    t.dc = o.value(QStringLiteral("dc")).toString();
    t.scopes = toStringList(o.value(QStringLiteral("scopes")));
    t.serial = toMs(o.value(QStringLiteral("serial")));
    t.createdMs = toMs(o.value(QStringLiteral("created")));
    t.mintsMs = toMsList(o.value(QStringLiteral("mints")));
    return t;
}

QJsonObject ZohoState::accessToJson(const QString &text, const AccessToken &t)
{
    return QJsonObject{{QStringLiteral("token"), text},
                       {QStringLiteral("clientId"), t.clientId},
                       {QStringLiteral("login"), t.login},
                       {QStringLiteral("orgId"), t.orgId},
                       {QStringLiteral("environment"), t.environment},
                       {QStringLiteral("dc"), t.dc},
                       {QStringLiteral("scopes"), toJsonArray(t.scopes)},
                       {QStringLiteral("refreshToken"), t.refreshToken},
                       {QStringLiteral("serial"), double(t.serial)},
                       {QStringLiteral("expires"), double(t.expiresMs)}};
}

ZohoState::AccessToken ZohoState::accessFromJson(const QJsonObject &o)
{
    AccessToken t;
    t.clientId = o.value(QStringLiteral("clientId")).toString();
    t.login = o.value(QStringLiteral("login")).toString();
    t.orgId = o.value(QStringLiteral("orgId")).toString();
    t.environment = o.value(QStringLiteral("environment")).toString();
    t.dc = o.value(QStringLiteral("dc")).toString();
    t.scopes = toStringList(o.value(QStringLiteral("scopes")));
    t.refreshToken = o.value(QStringLiteral("refreshToken")).toString();
    t.serial = toMs(o.value(QStringLiteral("serial")));
    t.expiresMs = toMs(o.value(QStringLiteral("expires")));
    return t;
}

} // namespace zaw::sandbox::zoho
