// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoService.h"

#include "ZohoSeed.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <optional>

namespace zaw::sandbox {

using zohoseed::Module;
using zohoseed::OrgData;
using zohoseed::SeedOrg;
using zohoseed::SeedUser;

namespace {

const QString kDefaultRedirectUri = QStringLiteral("http://127.0.0.1:47913/callback");
const QString kClientName = QStringLiteral("Zoho AEP Wizard (demo client)");
const QString kDcPattern = QStringLiteral("/zoho/(us|eu|in|au|cn|jp|ca|sa)");
const QString kApiPattern = QStringLiteral("(api|sandbox-api|developer-api)");

// Zoho's token limits (reference §4.2); all of them are off with relaxedLimits.
const qint64 kLimitWindowMs = 10 * 60 * 1000;
const int kMaxCodesPerWindow = 10;
const int kMaxMintsPerWindow = 10;
const int kMaxActiveAccessTokens = 15;
const int kMaxRefreshTokens = 20;

const qint64 kTransactionLifetimeMs = 30 * 60 * 1000;
const qint64 kPageTokenLifetimeMs = 24 * 3600 * 1000;
const int kMaxFields = 50;
const int kMaxPerPage = 200;
const int kDiscreteLimit = 2000;
const int kPageTokenLimit = 100000;

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

Response crmError(int status, const QString &code, const QString &message, const QJsonObject &details = {})
{
    return Response::json(QJsonObject{{QStringLiteral("code"), code},
                                      {QStringLiteral("details"), details},
                                      {QStringLiteral("message"), message},
                                      {QStringLiteral("status"), QStringLiteral("error")}},
                          status);
}

Response invalidData(const QString &param, const QJsonArray &supported = {})
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

} // namespace

struct ZohoService::Private
{
    struct Transaction
    {
        QString dc;
        QString redirectUri;
        QStringList scopes;
        QString state;
        bool hasState = false;
        QString challenge;
        QString challengeMethod;
        QString accessType;
        QString prompt;
        qint64 expiresMs = 0;
    };

    struct GrantCode
    {
        QString clientId;
        QString redirectUri;
        QStringList scopes;
        QString login;
        QString orgId;
        QString environment;
        QString dc; // the user's home DC: the only place the code can be exchanged
        QString challenge;
        QString challengeMethod;
        QString accessType;
        QString prompt;
        bool issueRefreshToken = false;
        qint64 expiresMs = 0;
    };

    struct RefreshToken
    {
        QString clientId;
        QString login;
        QString orgId;
        QString environment;
        QString dc;
        QStringList scopes;
        qint64 serial = 0;
        qint64 createdMs = 0;
        QList<qint64> mintsMs; // refresh grants inside the rolling window
    };

    struct AccessToken
    {
        QString clientId;
        QString login;
        QString orgId;
        QString environment;
        QString dc;
        QStringList scopes;
        QString refreshToken; // empty for online access
        qint64 serial = 0;
        qint64 expiresMs = 0;
    };

    struct PageCursor
    {
        QString orgId;
        QString binding;
        int offset = 0;
        qint64 expiresMs = 0;
    };

    // What a CRM request resolved to before any token is looked at.
    enum class CrmRoute { Users, Org, Modules, Module, Fields, Records };

    SandboxContext *context = nullptr;
    QString clientId;
    QString clientSecret;
    QStringList extraRedirectUris;
    QSet<QString> consents; // clientId|login of users who consented before
    QList<qint64> codeLogMs;
    qint64 serial = 0;
    QHash<QString, Transaction> transactions;
    QHash<QString, GrantCode> codes;
    QHash<QString, RefreshToken> refreshTokens;
    QHash<QString, AccessToken> accessTokens;
    QHash<QString, PageCursor> cursors;

    QList<SeedUser> users;
    QHash<QString, OrgData> orgs; // by org id

    static qint64 nowMs() { return SandboxContext::now().toMSecsSinceEpoch(); }

    const SeedUser *userByLogin(const QString &login) const
    {
        for (const SeedUser &u : users) {
            if (u.login.compare(login.trimmed(), Qt::CaseInsensitive) == 0)
                return &u;
        }
        return nullptr;
    }

    bool isRegisteredRedirect(const QString &uri) const
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

    QString accountsUrl(const QString &dc) const
    {
        return context->url(QStringLiteral("/zoho/%1/accounts").arg(dc)).toString();
    }

    QString apiDomain(const QString &dc, const QString &environment) const
    {
        return context->url(QStringLiteral("/zoho/%1/%2").arg(dc, prefixOfEnvironment(environment))).toString();
    }

    static void pruneWindow(QList<qint64> &log, qint64 now)
    {
        log.erase(std::remove_if(log.begin(), log.end(), [now](qint64 t) { return t <= now - kLimitWindowMs; }),
                  log.end());
    }

    // ---- Accounts: consent pages ------------------------------------------------------------

    Response errorPage(const QString &title, const QString &message, int status = 400) const
    {
        const QString body = QStringLiteral("<p class=\"brand\">Zoho Accounts &middot; sandbox</p>\n<h1>%1</h1>\n"
                                            "<p class=\"error\" role=\"alert\">%2</p>\n"
                                            "<p>Go back to the application and start the sign-in again.</p>\n")
                                 .arg(title.toHtmlEscaped(), message.toHtmlEscaped());
        return Response::html(htmlPage(title, body), status);
    }

    Response loginPage(const QString &action, const QString &tx, const QString &login, const QString &error) const
    {
        QString demoUsers;
        for (const SeedUser &u : users) {
            demoUsers += QStringLiteral("<li><code>%1</code> &ndash; data centre %2, %3 organization(s)</li>\n")
                             .arg(u.login.toHtmlEscaped(), u.home.toUpper())
                             .arg(u.orgs.size());
        }
        QString body = QStringLiteral("<p class=\"brand\">Zoho Accounts &middot; sandbox</p>\n<h1>Sign in</h1>\n"
                                      "<p>to continue to <strong>%1</strong></p>\n")
                           .arg(kClientName.toHtmlEscaped());
        if (!error.isEmpty())
            body +=
                QStringLiteral("<p class=\"error\" role=\"alert\" id=\"error\">%1</p>\n").arg(error.toHtmlEscaped());
        body +=
            QStringLiteral(
                "<form method=\"post\" action=\"%1\">\n"
                "<input type=\"hidden\" name=\"tx\" id=\"tx\" value=\"%2\">\n"
                "<label for=\"login\">E-mail address</label>\n"
                "<input type=\"text\" name=\"login\" id=\"login\" value=\"%3\" autocomplete=\"username\" autofocus "
                "required>\n"
                "<button type=\"submit\" id=\"next\">Next</button>\n</form>\n"
                "<p><a id=\"help\" href=\"help\" target=\"_blank\" "
                "rel=\"noopener\">Help with signing in</a></p>\n"
                "<h2>Demo accounts</h2>\n<p>The sandbox asks for no password. Sign in as one of:</p>\n<ul>\n%4</ul>\n")
                .arg(action.toHtmlEscaped(), tx.toHtmlEscaped(), login.toHtmlEscaped(), demoUsers);
        return Response::html(htmlPage(QStringLiteral("Sign in - Zoho Accounts (sandbox)"), body));
    }

    Response consentPage(const QString &action, const QString &tx, const Transaction &t, const SeedUser &user,
                         const QString &error) const
    {
        QString body =
            QStringLiteral("<p class=\"brand\">Zoho Accounts &middot; sandbox</p>\n<h1>Allow access?</h1>\n"
                           "<p><strong>%1</strong> asks for access to the Zoho account <strong>%2</strong>.</p>\n")
                .arg(kClientName.toHtmlEscaped(), user.login.toHtmlEscaped());
        if (!error.isEmpty())
            body +=
                QStringLiteral("<p class=\"error\" role=\"alert\" id=\"error\">%1</p>\n").arg(error.toHtmlEscaped());
        body += QStringLiteral("<form method=\"post\" action=\"%1\">\n"
                               "<input type=\"hidden\" name=\"tx\" id=\"tx\" value=\"%2\">\n"
                               "<input type=\"hidden\" name=\"login\" id=\"login\" value=\"%3\">\n")
                    .arg(action.toHtmlEscaped(), tx.toHtmlEscaped(), user.login.toHtmlEscaped());
        if (user.orgs.size() > 1) {
            // Zoho binds the grant to one org and environment; the user picks it here.
            QString options;
            for (const SeedOrg &org : user.orgs) {
                options += QStringLiteral("<option value=\"%1\">%2 (%3)</option>\n")
                               .arg(org.id.toHtmlEscaped(), org.companyName.toHtmlEscaped(),
                                    environmentLabel(org.environment));
            }
            body += QStringLiteral(
                        "<label for=\"org\">Organization</label>\n<select name=\"org\" id=\"org\">\n%1</select>\n")
                        .arg(options);
        } else if (!user.orgs.isEmpty()) {
            body += QStringLiteral("<p>Organization: <strong>%1</strong> (%2)</p>\n")
                        .arg(user.orgs.first().companyName.toHtmlEscaped(),
                             environmentLabel(user.orgs.first().environment));
        }
        QString scopes;
        for (const QString &scope : t.scopes)
            scopes += QStringLiteral("<li>%1 <code>%2</code></li>\n")
                          .arg(describeScope(scope).toHtmlEscaped(), scope.toHtmlEscaped());
        body +=
            QStringLiteral("<h2>The application will be able to:</h2>\n<ul class=\"scopes\">\n%1</ul>\n").arg(scopes);
        if (t.accessType == QLatin1String("offline"))
            body += QStringLiteral("<p>It keeps this access until you revoke it.</p>\n");
        body += QStringLiteral(
            "<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">Accept</button>\n"
            "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n</form>\n");
        return Response::html(htmlPage(QStringLiteral("Allow access - Zoho Accounts (sandbox)"), body));
    }

    QUrl redirectWith(const QString &redirectUri, const QList<QPair<QString, QString>> &params) const
    {
        QUrl url(redirectUri);
        QString query = url.query(QUrl::FullyEncoded);
        for (const auto &p : params) {
            if (!query.isEmpty())
                query += QLatin1Char('&');
            query += QString::fromLatin1(QUrl::toPercentEncoding(p.first) + '=' + QUrl::toPercentEncoding(p.second));
        }
        url.setQuery(query, QUrl::StrictMode);
        return url;
    }

    Response denyRedirect(const Transaction &t) const
    {
        QList<QPair<QString, QString>> params{{QStringLiteral("error"), QStringLiteral("access_denied")}};
        if (t.hasState)
            params.append({QStringLiteral("state"), t.state});
        return Response::redirect(redirectWith(t.redirectUri, params));
    }

    Response authGet(const Request &r)
    {
        const QString dc = r.capture(1);
        if (r.queryValue(QStringLiteral("client_id")) != clientId) {
            return errorPage(
                QStringLiteral("Invalid Client"),
                QStringLiteral(
                    "No application with this client ID is registered with Zoho Accounts in this data centre."));
        }
        const QString redirectUri = r.queryValue(QStringLiteral("redirect_uri"));
        if (!isRegisteredRedirect(redirectUri)) {
            return errorPage(
                QStringLiteral("Invalid Redirect Uri"),
                QStringLiteral("The redirect URI \"%1\" is not one of the redirect URIs registered for this client.")
                    .arg(redirectUri));
        }
        if (r.queryValue(QStringLiteral("response_type")) != QLatin1String("code")) {
            return errorPage(QStringLiteral("Invalid Response Type"),
                             QStringLiteral("The response_type must be \"code\" for this client."));
        }
        QStringList scopes;
        for (const QString &part : r.queryValue(QStringLiteral("scope")).split(QLatin1Char(','))) {
            const QString scope = part.trimmed();
            if (scope.isEmpty())
                continue;
            if (!isValidScope(scope)) {
                return errorPage(
                    QStringLiteral("Invalid OAuth Scope"),
                    QStringLiteral(
                        "\"%1\" is not a valid scope. Scopes are comma-separated, like ZohoCRM.modules.READ.")
                        .arg(scope));
            }
            if (!scopes.contains(scope, Qt::CaseInsensitive))
                scopes.append(scope);
        }
        if (scopes.isEmpty())
            return errorPage(QStringLiteral("Invalid OAuth Scope"), QStringLiteral("The request names no scope."));

        Transaction t;
        t.dc = dc;
        t.redirectUri = redirectUri;
        t.scopes = scopes;
        t.hasState = r.query.hasQueryItem(QStringLiteral("state"));
        t.state = r.queryValue(QStringLiteral("state"));
        t.challenge = r.queryValue(QStringLiteral("code_challenge"));
        t.challengeMethod = r.queryValue(QStringLiteral("code_challenge_method"));
        if (!t.challengeMethod.isEmpty() && t.challenge.isEmpty()) {
            return errorPage(QStringLiteral("Invalid Request"),
                             QStringLiteral("code_challenge_method was sent without a code_challenge."));
        }
        if (!t.challenge.isEmpty()) {
            // Zoho's documented default is plain, not S256.
            if (t.challengeMethod.isEmpty())
                t.challengeMethod = QStringLiteral("plain");
            if (t.challengeMethod != QLatin1String("S256") && t.challengeMethod != QLatin1String("plain")) {
                return errorPage(QStringLiteral("Invalid Request"),
                                 QStringLiteral("code_challenge_method must be S256 or plain."));
            }
        }
        t.accessType = r.queryValue(QStringLiteral("access_type")).toLower();
        if (t.accessType.isEmpty())
            t.accessType = QStringLiteral("online");
        if (t.accessType != QLatin1String("online") && t.accessType != QLatin1String("offline"))
            return errorPage(QStringLiteral("Invalid Request"),
                             QStringLiteral("access_type must be online or offline."));
        t.prompt = r.queryValue(QStringLiteral("prompt")).toLower();
        const qint64 now = nowMs();
        t.expiresMs = now + kTransactionLifetimeMs;

        for (auto it = transactions.begin(); it != transactions.end();) {
            it = it.value().expiresMs <= now ? transactions.erase(it) : std::next(it);
        }
        const QString tx = SandboxContext::randomHex(16);
        transactions.insert(tx, t);
        return loginPage(r.path, tx, QString(), QString());
    }

    Response authPost(const Request &r)
    {
        QHash<QString, QString> form;
        for (const auto &field : r.formFields())
            form.insert(field.first, field.second);
        const QString tx = form.value(QStringLiteral("tx"));
        const auto it = transactions.constFind(tx);
        if (tx.isEmpty() || it == transactions.constEnd() || it->expiresMs <= nowMs()) {
            return errorPage(QStringLiteral("Sign-in expired"),
                             QStringLiteral("This sign-in page is no longer valid (unknown or expired transaction)."));
        }
        const Transaction t = it.value();
        const QString login = form.value(QStringLiteral("login")).trimmed();
        const SeedUser *user = userByLogin(login);
        if (!user) {
            return loginPage(r.path, tx, login,
                             login.isEmpty() ? QStringLiteral("Enter the e-mail address of your Zoho account.")
                                             : QStringLiteral("There is no Zoho account for \"%1\".").arg(login));
        }
        const QString decision = form.value(QStringLiteral("decision"));
        if (decision.isEmpty())
            return consentPage(r.path, tx, t, *user, QString());
        if (decision == QLatin1String("deny")) {
            transactions.remove(tx);
            return denyRedirect(t);
        }
        if (decision != QLatin1String("accept"))
            return consentPage(r.path, tx, t, *user, QStringLiteral("Choose Accept or Deny."));

        const SeedOrg *org = nullptr;
        if (user->orgs.size() == 1) {
            org = &user->orgs.first();
        } else {
            const QString orgId = form.value(QStringLiteral("org"));
            for (const SeedOrg &candidate : user->orgs) {
                if (candidate.id == orgId)
                    org = &candidate;
            }
            if (!org)
                return consentPage(r.path, tx, t, *user, QStringLiteral("Choose the organization to connect."));
        }

        transactions.remove(tx);
        const qint64 now = nowMs();
        pruneWindow(codeLogMs, now);
        if (!context->options.relaxedLimits && codeLogMs.size() >= kMaxCodesPerWindow) {
            // Zoho refuses the 11th grant code of a client within ten minutes with access_denied.
            return denyRedirect(t);
        }
        codeLogMs.append(now);

        const QString consentKey = clientId + QLatin1Char('|') + user->login;
        GrantCode code;
        code.clientId = clientId;
        code.redirectUri = t.redirectUri;
        code.scopes = t.scopes;
        code.login = user->login;
        code.orgId = org->id;
        code.environment = org->environment;
        code.dc = user->home;
        code.challenge = t.challenge;
        code.challengeMethod = t.challengeMethod;
        code.accessType = t.accessType;
        code.prompt = t.prompt;
        // A refresh token comes only with the first consent, unless prompt=consent asks again.
        code.issueRefreshToken = t.accessType == QLatin1String("offline") &&
                                 (!consents.contains(consentKey) || t.prompt == QLatin1String("consent"));
        code.expiresMs = now + qint64(context->options.codeTtlSeconds) * 1000;
        for (auto c = codes.begin(); c != codes.end();) {
            c = c.value().expiresMs <= now ? codes.erase(c) : std::next(c);
        }
        const QString codeText = newToken();
        codes.insert(codeText, code);
        consents.insert(consentKey);
        context->changed();

        QList<QPair<QString, QString>> params{{QStringLiteral("code"), codeText}};
        if (t.hasState)
            params.append({QStringLiteral("state"), t.state});
        // Zoho answers with the user's own DC, wherever the consent started.
        params.append({QStringLiteral("location"), user->home});
        params.append({QStringLiteral("accounts-server"), accountsUrl(user->home)});
        return Response::redirect(redirectWith(t.redirectUri, params));
    }

    // ---- Accounts: tokens -------------------------------------------------------------------

    static QHash<QString, QString> tokenParameters(const Request &r)
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

    void removeAccessTokensOf(const QString &refreshToken)
    {
        for (auto it = accessTokens.begin(); it != accessTokens.end();) {
            it = it.value().refreshToken == refreshToken ? accessTokens.erase(it) : std::next(it);
        }
    }

    QString mintAccessToken(const QString &login, const QString &orgId, const QString &environment, const QString &dc,
                            const QStringList &scopes, const QString &refreshToken)
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

    QString createRefreshToken(const GrantCode &code)
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

    static bool verifierMatches(const GrantCode &code, const QString &verifier)
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

    Response authorizationCodeGrant(const QString &dc, const QHash<QString, QString> &params)
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

    Response refreshTokenGrant(const QString &dc, const QHash<QString, QString> &params)
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

    Response token(const Request &r)
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

    Response revoke(const Request &r)
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

    Response serverInfo(const Request &) const
    {
        QJsonObject locations;
        for (const QString &dc : ZohoService::dataCenterCodes())
            locations.insert(dc, accountsUrl(dc));
        return Response::json(QJsonObject{{QStringLiteral("result"), QStringLiteral("success")},
                                          {QStringLiteral("locations"), locations}});
    }

    // ---- CRM --------------------------------------------------------------------------------

    // Answers an error response, or nothing when the request carries a live token of this DC
    // and environment.
    std::optional<Response> authenticate(const Request &r, const QString &dc, const QString &environment,
                                         AccessToken *out) const
    {
        const QByteArray header = r.header("authorization").trimmed();
        const int space = header.indexOf(' ');
        const QByteArray scheme = space > 0 ? header.left(space) : QByteArray();
        const QString value = space > 0 ? QString::fromLatin1(header.mid(space + 1).trimmed()) : QString();
        const bool knownScheme = scheme.compare("Zoho-oauthtoken", Qt::CaseInsensitive) == 0 ||
                                 scheme.compare("Bearer", Qt::CaseInsensitive) == 0;
        if (!knownScheme || value.isEmpty())
            return crmError(401, QStringLiteral("AUTHENTICATION_FAILURE"), QStringLiteral("Authentication failed"));
        const auto it = accessTokens.constFind(value);
        // Tokens belong to one DC and one environment; anywhere else they are just unknown.
        if (it == accessTokens.constEnd() || it->expiresMs <= nowMs() || it->dc != dc || it->environment != environment)
            return crmError(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("invalid oauth token"));
        *out = it.value();
        return std::nullopt;
    }

    static bool hasAnyScope(const QStringList &granted, const QStringList &accepted)
    {
        for (const QString &scope : granted) {
            if (accepted.contains(scope.toLower()))
                return true;
        }
        return false;
    }

    static QStringList readScopes(const QString &stem)
    {
        return {stem + QStringLiteral(".read"), stem + QStringLiteral(".all")};
    }

    Response crm(const Request &r)
    {
        const QString dc = r.capture(1);
        const QString environment = environmentOfPrefix(r.capture(2));
        const QStringList segments = r.capture(3).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (segments.isEmpty())
            return invalidUrl();

        CrmRoute route;
        const QString first = segments.first();
        if (first == QLatin1String("users") && segments.size() <= 2)
            route = CrmRoute::Users;
        else if (first == QLatin1String("org") && segments.size() == 1)
            route = CrmRoute::Org;
        else if (first == QLatin1String("settings") && segments.size() == 2 &&
                 segments.at(1) == QLatin1String("modules"))
            route = CrmRoute::Modules;
        else if (first == QLatin1String("settings") && segments.size() == 3 &&
                 segments.at(1) == QLatin1String("modules"))
            route = CrmRoute::Module;
        else if (first == QLatin1String("settings") && segments.size() == 2 &&
                 segments.at(1) == QLatin1String("fields"))
            route = CrmRoute::Fields;
        else if (segments.size() == 1 && first != QLatin1String("settings") && first != QLatin1String("coql") &&
                 first != QLatin1String("bulk"))
            route = CrmRoute::Records;
        else
            return invalidUrl();

        AccessToken token;
        if (auto failure = authenticate(r, dc, environment, &token))
            return *failure;
        if (r.method != "GET") {
            return crmError(400, QStringLiteral("INVALID_REQUEST_METHOD"),
                            QStringLiteral("The http request method type is not a valid one"));
        }

        const auto orgIt = orgs.constFind(token.orgId);
        if (orgIt == orgs.constEnd()) // a token saved by an older seed
            return crmError(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("invalid oauth token"));
        const OrgData &org = orgIt.value();
        const QStringList settingsScopes = readScopes(QStringLiteral("zohocrm.settings"));
        QStringList accepted;
        const Module *module = nullptr;
        switch (route) {
        case CrmRoute::Users:
            accepted = readScopes(QStringLiteral("zohocrm.users"));
            break;
        case CrmRoute::Org:
            accepted = readScopes(QStringLiteral("zohocrm.org"));
            break;
        case CrmRoute::Modules:
        case CrmRoute::Module:
            accepted = settingsScopes + readScopes(QStringLiteral("zohocrm.settings.modules"));
            break;
        case CrmRoute::Fields:
            accepted = settingsScopes + readScopes(QStringLiteral("zohocrm.settings.fields"));
            break;
        case CrmRoute::Records:
            module = org.module(first);
            accepted = readScopes(QStringLiteral("zohocrm.modules"));
            if (module) {
                accepted += readScopes(QStringLiteral("zohocrm.modules.") + module->apiName.toLower());
                if (module->usesCustomScope())
                    accepted += readScopes(QStringLiteral("zohocrm.modules.custom"));
            }
            break;
        }
        if (!hasAnyScope(token.scopes, accepted)) {
            return crmError(401, QStringLiteral("OAUTH_SCOPE_MISMATCH"),
                            QStringLiteral("invalid oauth scope to access this URL"));
        }
        const SeedUser *user = userByLogin(token.login);
        if (!user || !user->apiAccess) {
            return crmError(
                403, QStringLiteral("NO_PERMISSION"), QStringLiteral("permission denied"),
                QJsonObject{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("Crm_Implied_Api_Access")}}});
        }

        switch (route) {
        case CrmRoute::Users:
            return crmUsers(r, org, segments.value(1));
        case CrmRoute::Org:
            return Response::json(QJsonObject{{QStringLiteral("org"), QJsonArray{org.orgJson}}});
        case CrmRoute::Modules:
            return crmModules(org);
        case CrmRoute::Module:
            return crmModule(org, segments.at(2));
        case CrmRoute::Fields:
            return crmFields(r, org);
        case CrmRoute::Records:
            if (!module) {
                return crmError(400, QStringLiteral("INVALID_MODULE"),
                                QStringLiteral("the module name given seems to be invalid"),
                                QJsonObject{{QStringLiteral("resource_path_index"), 0}});
            }
            return crmRecords(r, org, *module);
        }
        return invalidUrl();
    }

    Response crmUsers(const Request &r, const OrgData &org, const QString &userId) const
    {
        static const QStringList listTypes = {QStringLiteral("AllUsers"),
                                              QStringLiteral("ActiveUsers"),
                                              QStringLiteral("AdminUsers"),
                                              QStringLiteral("ActiveConfirmedUsers"),
                                              QStringLiteral("ActiveConfirmedAdmins"),
                                              QStringLiteral("ConfirmedUsers"),
                                              QStringLiteral("AllActiveUsers"),
                                              QStringLiteral("ActiveAndDeactive")};
        static const QStringList emptyTypes = {
            QStringLiteral("DeactiveUsers"),          QStringLiteral("DeletedUsers"),
            QStringLiteral("NotConfirmedUsers"),      QStringLiteral("DeveloperUsers"),
            QStringLiteral("ActiveLiteUser"),         QStringLiteral("ChildRoleUsers"),
            QStringLiteral("ParentRoleUsers"),        QStringLiteral("SubordinateRoleUsers"),
            QStringLiteral("ConfirmedReportingUsers")};
        QJsonArray selected;
        if (!userId.isEmpty()) {
            for (const QJsonValue &u : org.users) {
                if (u.toObject().value(QStringLiteral("id")).toString() == userId)
                    selected.append(u);
            }
        } else {
            const QString type = r.queryValue(QStringLiteral("type"));
            if (type == QLatin1String("CurrentUser")) {
                selected.append(org.currentUser());
            } else if (type.isEmpty() || listTypes.contains(type)) {
                for (const QJsonValue &u : org.users) {
                    if (type != QLatin1String("AdminUsers") && type != QLatin1String("ActiveConfirmedAdmins"))
                        selected.append(u);
                    else if (u.toObject()
                                 .value(QStringLiteral("profile"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString() == QLatin1String("Administrator"))
                        selected.append(u);
                }
            } else if (!emptyTypes.contains(type)) {
                return invalidData(QStringLiteral("type"),
                                   toJsonArray(QStringList{QStringLiteral("CurrentUser")} + listTypes + emptyTypes));
            }
        }
        if (selected.isEmpty())
            return Response::empty(204);
        return Response::json(
            QJsonObject{{QStringLiteral("users"), selected},
                        {QStringLiteral("info"), QJsonObject{{QStringLiteral("per_page"), kMaxPerPage},
                                                             {QStringLiteral("count"), selected.size()},
                                                             {QStringLiteral("page"), 1},
                                                             {QStringLiteral("more_records"), false}}}});
    }

    Response crmModules(const OrgData &org) const
    {
        QJsonArray modules;
        for (const Module &m : org.modules)
            modules.append(m.metadata);
        return Response::json(QJsonObject{{QStringLiteral("modules"), modules}});
    }

    Response crmModule(const OrgData &org, const QString &apiName) const
    {
        const Module *module = org.module(apiName);
        if (!module) {
            return crmError(400, QStringLiteral("INVALID_MODULE"),
                            QStringLiteral("the module name given seems to be invalid"),
                            QJsonObject{{QStringLiteral("resource_path_index"), 2}});
        }
        return Response::json(QJsonObject{{QStringLiteral("modules"), QJsonArray{module->metadata}}});
    }

    Response crmFields(const Request &r, const OrgData &org) const
    {
        const QString name = r.queryValue(QStringLiteral("module"));
        if (name.isEmpty()) {
            return crmError(400, QStringLiteral("REQUIRED_PARAM_MISSING"),
                            QStringLiteral("One of the expected parameter is missing"),
                            QJsonObject{{QStringLiteral("param_name"), QStringLiteral("module")}});
        }
        const Module *module = org.module(name);
        if (!module) {
            return crmError(400, QStringLiteral("INVALID_MODULE"),
                            QStringLiteral("the module name given seems to be invalid"),
                            QJsonObject{{QStringLiteral("param_name"), QStringLiteral("module")}});
        }
        if (!module->apiSupported())
            return apiNotSupported(*module);
        return Response::json(QJsonObject{{QStringLiteral("fields"), module->fields}});
    }

    static Response apiNotSupported(const Module &module)
    {
        return crmError(400, QStringLiteral("API_NOT_SUPPORTED"),
                        QStringLiteral("the module is not supported in the API"),
                        QJsonObject{{QStringLiteral("api_name"), module.apiName}});
    }

    Response crmRecords(const Request &r, const OrgData &org, const Module &module)
    {
        if (!module.apiSupported())
            return apiNotSupported(module);

        QStringList fields;
        for (const QString &part : r.queryValue(QStringLiteral("fields")).split(QLatin1Char(','))) {
            const QString name = part.trimmed();
            if (!name.isEmpty() && !fields.contains(name))
                fields.append(name);
        }
        if (fields.isEmpty()) {
            return crmError(400, QStringLiteral("REQUIRED_PARAM_MISSING"),
                            QStringLiteral("One of the expected parameter is missing"),
                            QJsonObject{{QStringLiteral("param_name"), QStringLiteral("fields")}});
        }
        if (fields.size() > kMaxFields) {
            return crmError(400, QStringLiteral("LIMIT_EXCEEDED"),
                            QStringLiteral("the number of fields exceeds the limit"),
                            QJsonObject{{QStringLiteral("limit"), kMaxFields},
                                        {QStringLiteral("param_name"), QStringLiteral("fields")}});
        }

        static const QStringList sortFields = {QStringLiteral("id"), QStringLiteral("Created_Time"),
                                               QStringLiteral("Modified_Time")};
        QString sortBy = QStringLiteral("id");
        if (r.query.hasQueryItem(QStringLiteral("sort_by"))) {
            const QString wanted = r.queryValue(QStringLiteral("sort_by"));
            sortBy.clear();
            for (const QString &candidate : sortFields) {
                if (candidate.compare(wanted, Qt::CaseInsensitive) == 0)
                    sortBy = candidate;
            }
            if (sortBy.isEmpty())
                return invalidData(QStringLiteral("sort_by"), toJsonArray(sortFields));
        }
        QString sortOrder = QStringLiteral("desc");
        if (r.query.hasQueryItem(QStringLiteral("sort_order"))) {
            sortOrder = r.queryValue(QStringLiteral("sort_order")).toLower();
            if (sortOrder != QLatin1String("asc") && sortOrder != QLatin1String("desc"))
                return invalidData(QStringLiteral("sort_order"),
                                   QJsonArray{QStringLiteral("asc"), QStringLiteral("desc")});
        }
        int perPage = kMaxPerPage;
        if (r.query.hasQueryItem(QStringLiteral("per_page"))) {
            const auto value = parseInt(r.queryValue(QStringLiteral("per_page")));
            if (!value || *value < 1 || *value > kMaxPerPage)
                return invalidData(QStringLiteral("per_page"));
            perPage = *value;
        }
        std::optional<qint64> modifiedSince;
        if (r.hasHeader("if-modified-since")) {
            const QString text = QString::fromLatin1(r.header("if-modified-since")).trimmed();
            QDateTime since = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!since.isValid())
                since = QDateTime::fromString(text, Qt::RFC2822Date);
            if (!since.isValid())
                return invalidData(QStringLiteral("If-Modified-Since"));
            modifiedSince = since.toMSecsSinceEpoch();
        }

        QStringList boundFields = fields;
        boundFields.sort();
        const QString binding = QStringList{module.apiName, boundFields.join(QLatin1Char(',')), sortBy, sortOrder,
                                            modifiedSince ? QString::number(*modifiedSince) : QString()}
                                    .join(QLatin1Char('|'));
        const qint64 now = nowMs();
        int offset = 0;
        int page = 1;
        if (r.query.hasQueryItem(QStringLiteral("page_token"))) {
            const QString tokenText = r.queryValue(QStringLiteral("page_token"));
            const auto cursor = cursors.constFind(tokenText);
            if (cursor == cursors.constEnd())
                return invalidData(QStringLiteral("page_token"));
            if (cursor->expiresMs <= now) {
                return crmError(400, QStringLiteral("EXPIRED_VALUE"), QStringLiteral("the page_token has expired"),
                                QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
            }
            if (cursor->orgId != org.org.id || cursor->binding != binding) {
                return crmError(400, QStringLiteral("TOKEN_BOUND_DATA_MISMATCH"),
                                QStringLiteral("the parameters differ from those the page_token was issued for"),
                                QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
            }
            offset = cursor->offset;
            if (offset >= kPageTokenLimit) {
                return crmError(400, QStringLiteral("PAGINATION_LIMIT_EXCEEDED"),
                                QStringLiteral("You can only get upto 100000 records using page_token param"),
                                QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
            }
            page = offset / perPage + 1;
        } else {
            if (r.query.hasQueryItem(QStringLiteral("page"))) {
                const auto value = parseInt(r.queryValue(QStringLiteral("page")));
                if (!value || *value < 1)
                    return invalidData(QStringLiteral("page"));
                page = *value;
            }
            if (qint64(page) * perPage > kDiscreteLimit) {
                return crmError(
                    400, QStringLiteral("DISCRETE_PAGINATION_LIMIT_EXCEEDED"),
                    QStringLiteral("You can only get the first 2000 records without using page_token param"),
                    QJsonObject{{QStringLiteral("limit"), kDiscreteLimit}});
            }
            offset = (page - 1) * perPage;
        }

        if (module.records.isEmpty())
            return Response::empty(204);
        QList<const zohoseed::Record *> selected;
        for (const zohoseed::Record &record : module.records) {
            if (!modifiedSince || record.modifiedMs > *modifiedSince)
                selected.append(&record);
        }
        if (selected.isEmpty())
            return Response::empty(304);
        const bool ascending = sortOrder == QLatin1String("asc");
        auto key = [&sortBy](const zohoseed::Record *rec) {
            if (sortBy == QLatin1String("Created_Time"))
                return rec->createdMs;
            if (sortBy == QLatin1String("Modified_Time"))
                return rec->modifiedMs;
            return qint64(0);
        };
        // Ties are broken by id so that pages never overlap or skip records.
        std::stable_sort(selected.begin(), selected.end(), [&](const zohoseed::Record *a, const zohoseed::Record *b) {
            const qint64 ka = key(a);
            const qint64 kb = key(b);
            if (ka != kb)
                return ascending ? ka < kb : ka > kb;
            return ascending ? a->id < b->id : a->id > b->id;
        });
        if (offset >= selected.size())
            return Response::empty(204);

        QJsonArray data;
        const int end = int(qMin<qsizetype>(selected.size(), offset + perPage));
        for (int i = offset; i < end; ++i) {
            const QJsonObject &values = selected.at(i)->values;
            QJsonObject row{{QStringLiteral("id"), values.value(QStringLiteral("id"))}};
            for (const QString &name : fields) {
                if (values.contains(name))
                    row.insert(name, values.value(name));
            }
            data.append(row);
        }
        const bool more = end < selected.size();
        QJsonObject info{{QStringLiteral("per_page"), perPage},
                         {QStringLiteral("count"), data.size()},
                         {QStringLiteral("page"), page},
                         {QStringLiteral("more_records"), more},
                         {QStringLiteral("sort_by"), sortBy},
                         {QStringLiteral("sort_order"), sortOrder},
                         {QStringLiteral("next_page_token"), QJsonValue::Null},
                         {QStringLiteral("previous_page_token"), QJsonValue::Null},
                         {QStringLiteral("page_token_expiry"), QJsonValue::Null}};
        if (more) {
            for (auto it = cursors.begin(); it != cursors.end();) {
                it = it.value().expiresMs <= now ? cursors.erase(it) : std::next(it);
            }
            PageCursor cursor;
            cursor.orgId = org.org.id;
            cursor.binding = binding;
            cursor.offset = end;
            cursor.expiresMs = now + kPageTokenLifetimeMs;
            const QString tokenText = SandboxContext::randomHex(20);
            cursors.insert(tokenText, cursor);
            info.insert(QStringLiteral("next_page_token"), tokenText);
            info.insert(QStringLiteral("page_token_expiry"),
                        zohoseed::formatDateTime(cursor.expiresMs, org.org.timeZone));
        }
        return Response::json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("info"), info}});
    }

    // ---- persistence ------------------------------------------------------------------------

    static QJsonObject codeToJson(const QString &text, const GrantCode &c)
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

    static GrantCode codeFromJson(const QJsonObject &o)
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

    static QJsonObject refreshToJson(const QString &text, const RefreshToken &t)
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

    static RefreshToken refreshFromJson(const QJsonObject &o)
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

    static QJsonObject accessToJson(const QString &text, const AccessToken &t)
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

    static AccessToken accessFromJson(const QJsonObject &o)
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
};

ZohoService::ZohoService(SandboxContext *context)
    : d(std::make_unique<Private>())
{
    d->context = context;
    d->clientId = newClientId();
    d->clientSecret = SandboxContext::randomHex(21);
    d->users = zohoseed::users();
    for (const SeedUser &user : d->users) {
        for (const SeedOrg &org : user.orgs)
            d->orgs.insert(org.id, zohoseed::buildOrg(user, org));
    }
}

ZohoService::~ZohoService() = default;

QStringList ZohoService::dataCenterCodes()
{
    return {QStringLiteral("us"), QStringLiteral("eu"), QStringLiteral("in"), QStringLiteral("au"),
            QStringLiteral("cn"), QStringLiteral("jp"), QStringLiteral("ca"), QStringLiteral("sa")};
}

void ZohoService::registerRoutes(Router &router)
{
    Private *p = d.get();
    const QString accounts = kDcPattern + QStringLiteral("/accounts/oauth");
    router.add("GET", accounts + QStringLiteral("/v2/auth"), [p](const Request &r) { return p->authGet(r); });
    router.add("POST", accounts + QStringLiteral("/v2/auth"), [p](const Request &r) { return p->authPost(r); });
    // The sign-in page's help link opens in a new window (the wizard sends those to the system browser).
    router.add("GET", accounts + QStringLiteral("/v2/help"), [](const Request &) {
        return Response::html(htmlPage(QStringLiteral("Help - Zoho Accounts (sandbox)"),
                                       QStringLiteral("<h1>Signing in to the sandbox</h1><p>Enter the e-mail address "
                                                      "of a demo account; the sandbox asks for no password.</p>")));
    });
    router.add("POST", accounts + QStringLiteral("/v2/token"), [p](const Request &r) { return p->token(r); });
    // The CRM docs name /oauth/v2/token/revoke, newer Accounts docs /oauth/v2/revoke/token.
    router.add("POST", accounts + QStringLiteral("/v2/(?:token/revoke|revoke/token)"),
               [p](const Request &r) { return p->revoke(r); });
    router.add("GET", accounts + QStringLiteral("/serverinfo"), [p](const Request &r) { return p->serverInfo(r); });

    const QString api = kDcPattern + QLatin1Char('/') + kApiPattern;
    for (const QByteArray &method :
         {QByteArray("GET"), QByteArray("POST"), QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE")}) {
        router.add(method, api + QStringLiteral("/crm/v8/(.*)"), [p](const Request &r) { return p->crm(r); });
        router.add(method, api + QStringLiteral("(?:/.*)?"), [](const Request &) { return invalidUrl(); });
    }
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
                       {QStringLiteral("accessTokens"), access}};
}

void ZohoService::loadState(const QJsonObject &state)
{
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
