// SPDX-License-Identifier: GPL-3.0-or-later
// The Zoho side of the sandbox: Accounts (consent pages, token, refresh, revoke, limits) and
// CRM v8 (auth errors, metadata, records and paging). Most tests drive it over real HTTP like a
// browser and an API client would; the limit tests that need more than ten minutes of Zoho's
// rolling windows run the service in-process and age its saved state instead of sleeping.
#include "TestHttp.h"

#include "sandbox/SandboxHttp.h"
#include "sandbox/ZohoService.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>
#include <memory>

using namespace zaw::sandbox;
using zaw::test::HttpResult;
using zaw::test::SandboxFixture;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
using Params = QList<QPair<QString, QString>>;

const QString kAllScopes = QStringLiteral("ZohoCRM.modules.READ,ZohoCRM.settings.modules.READ,ZohoCRM.settings.fields."
                                          "READ,ZohoCRM.users.READ,ZohoCRM.org.READ");
const QString kDefaultRedirect = QStringLiteral("http://127.0.0.1:47913/callback");
const QString kAna = QStringLiteral("ana.lima@example.com");
const QString kJonas = QStringLiteral("jonas.berg@example.eu");
const QString kPriya = QStringLiteral("priya.nair@example.in");
const QString kMei = QStringLiteral("mei.tanaka@example.jp");
const QRegularExpression kTokenPattern(QStringLiteral("^1000\\.[0-9a-f]{32}\\.[0-9a-f]{32}$"));

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray location;
    QByteArray contentType;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

// One request, answered either over HTTP by a SandboxFixture or in-process by a bare service.
using Transport = std::function<Reply(const QByteArray &method, const QString &pathAndQuery, const Headers &headers,
                                      const QByteArray &body)>;

QString encode(const Params &params)
{
    QStringList parts;
    for (const auto &p : params)
        parts.append(QString::fromLatin1(QUrl::toPercentEncoding(p.first) + '=' + QUrl::toPercentEncoding(p.second)));
    return parts.join(QLatin1Char('&'));
}

Reply postForm(const Transport &t, const QString &path, const Params &params, const Headers &extra = {})
{
    Headers headers = extra;
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return t("POST", path, headers, encode(params).toUtf8());
}

// A small stand-in for the Platform side: the service and its routes, no HTTP at all.
struct DirectSandbox
{
    explicit DirectSandbox(const SandboxOptions &options = {})
    {
        context.options = options;
        context.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:41234"));
        service = std::make_unique<ZohoService>(&context);
        service->registerRoutes(router);
        context.internalCall = [this](Request request) {
            request.internal = true;
            return router.dispatch(request).value_or(Response::empty(404));
        };
    }

    Transport transport()
    {
        return [this](const QByteArray &method, const QString &pathAndQuery, const Headers &headers,
                      const QByteArray &body) {
            Request request;
            request.method = method;
            const int q = pathAndQuery.indexOf(QLatin1Char('?'));
            request.path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
            request.query = QUrlQuery(q < 0 ? QString() : pathAndQuery.mid(q + 1));
            for (const auto &h : headers)
                request.headers.append(qMakePair(h.first.toLower(), h.second));
            request.body = body;
            const Response response = context.internalCall(request);
            return Reply{response.status, response.body, response.header("location"), response.header("content-type")};
        };
    }

    SandboxContext context;
    Router router;
    std::unique_ptr<ZohoService> service;
};

Transport httpTransport(SandboxFixture &fixture)
{
    return [&fixture](const QByteArray &method, const QString &pathAndQuery, const Headers &headers,
                      const QByteArray &body) {
        const HttpResult r = fixture.http.send(method, fixture.url(pathAndQuery), headers, body);
        return Reply{r.status, r.body, r.header("location"), r.header("content-type")};
    };
}

QString htmlAttribute(const QByteArray &html, const QString &tagPattern, const QString &attribute)
{
    const QRegularExpression tag(tagPattern);
    const QRegularExpressionMatch m = tag.match(QString::fromUtf8(html));
    if (!m.hasMatch())
        return {};
    const QRegularExpression attr(QStringLiteral("\\b%1=\"([^\"]*)\"").arg(attribute));
    return attr.match(m.captured(0)).captured(1);
}

QString inputValue(const QByteArray &html, const QString &id)
{
    return htmlAttribute(html, QStringLiteral("<input[^>]*\\bid=\"%1\"[^>]*>").arg(id), QStringLiteral("value"));
}

QString formAction(const QByteArray &html)
{
    return htmlAttribute(html, QStringLiteral("<form[^>]*>"), QStringLiteral("action"));
}

struct Consent
{
    QString dc = QStringLiteral("us");
    QString login = kAna;
    QString org; // empty: the first one offered
    QString scope = kAllScopes;
    QString redirectUri = kDefaultRedirect;
    QString state = QStringLiteral("st-42");
    bool sendState = true;
    QString accessType = QStringLiteral("offline");
    QString prompt = QStringLiteral("consent");
    QString challenge;
    QString challengeMethod;
    QString decision = QStringLiteral("accept");
};

struct ConsentResult
{
    QString failure; // empty when the pages behaved as a browser expects
    int status = 0;
    QByteArray rawLocation;
    QUrlQuery query; // of the redirect
    QByteArray consentPage;

    QString value(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
};

// Walks the consent pages as a browser would: GET the authorization URL, post the login form,
// then post the consent form, and reads the final redirect.
ConsentResult runConsent(const Transport &t, const QString &clientId, const Consent &c)
{
    ConsentResult result;
    Params query{{QStringLiteral("response_type"), QStringLiteral("code")},
                 {QStringLiteral("client_id"), clientId},
                 {QStringLiteral("scope"), c.scope},
                 {QStringLiteral("redirect_uri"), c.redirectUri},
                 {QStringLiteral("access_type"), c.accessType}};
    if (!c.prompt.isEmpty())
        query.append({QStringLiteral("prompt"), c.prompt});
    if (c.sendState)
        query.append({QStringLiteral("state"), c.state});
    if (!c.challenge.isEmpty())
        query.append({QStringLiteral("code_challenge"), c.challenge});
    if (!c.challengeMethod.isEmpty())
        query.append({QStringLiteral("code_challenge_method"), c.challengeMethod});
    const Reply first = t("GET", QStringLiteral("/zoho/%1/accounts/oauth/v2/auth?%2").arg(c.dc, encode(query)), {}, {});
    const QString tx = inputValue(first.body, QStringLiteral("tx"));
    const QString action = formAction(first.body);
    if (first.status != 200 || tx.isEmpty() || action.isEmpty()) {
        result.failure =
            QStringLiteral("login page: HTTP %1 %2").arg(first.status).arg(QString::fromUtf8(first.body.left(300)));
        return result;
    }
    const Reply second = postForm(t, action, {{QStringLiteral("tx"), tx}, {QStringLiteral("login"), c.login}});
    result.consentPage = second.body;
    if (second.status != 200 || !second.body.contains("id=\"accept\"")) {
        result.failure =
            QStringLiteral("consent page: HTTP %1 %2").arg(second.status).arg(QString::fromUtf8(second.body.left(300)));
        return result;
    }
    Params decision{{QStringLiteral("tx"), inputValue(second.body, QStringLiteral("tx"))},
                    {QStringLiteral("login"), inputValue(second.body, QStringLiteral("login"))}};
    if (second.body.contains("id=\"org\"")) {
        QString org = c.org;
        if (org.isEmpty())
            org = htmlAttribute(second.body, QStringLiteral("<option[^>]*>"), QStringLiteral("value"));
        decision.append({QStringLiteral("org"), org});
    }
    decision.append({QStringLiteral("decision"), c.decision});
    const Reply third = postForm(t, formAction(second.body), decision);
    result.status = third.status;
    result.rawLocation = third.location;
    if (third.status != 302 || third.location.isEmpty()) {
        result.failure =
            QStringLiteral("decision: HTTP %1 %2").arg(third.status).arg(QString::fromUtf8(third.body.left(300)));
        return result;
    }
    result.query = QUrlQuery(QUrl::fromEncoded(third.location));
    return result;
}

QString pathOf(const QString &absoluteUrl)
{
    return QUrl(absoluteUrl).path();
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool isCrmEnvelope(const QJsonObject &o, const QString &code)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys == QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("message"),
                               QStringLiteral("status")} &&
           o.value(QStringLiteral("code")).toString() == code &&
           o.value(QStringLiteral("status")).toString() == QLatin1String("error") &&
           o.value(QStringLiteral("details")).isObject() && !o.value(QStringLiteral("message")).toString().isEmpty();
}

// Pretends the limit windows started `ms` earlier, as if the test had waited that long.
void ageLimitWindows(ZohoService &service, qint64 ms)
{
    QJsonObject state = service.saveState();
    QJsonArray codeLog;
    for (const QJsonValue &v : state.value(QStringLiteral("codeLog")).toArray())
        codeLog.append(v.toDouble() - double(ms));
    state.insert(QStringLiteral("codeLog"), codeLog);
    QJsonArray refreshTokens;
    for (const QJsonValue &v : state.value(QStringLiteral("refreshTokens")).toArray()) {
        QJsonObject token = v.toObject();
        QJsonArray mints;
        for (const QJsonValue &m : token.value(QStringLiteral("mints")).toArray())
            mints.append(m.toDouble() - double(ms));
        token.insert(QStringLiteral("mints"), mints);
        refreshTokens.append(token);
    }
    state.insert(QStringLiteral("refreshTokens"), refreshTokens);
    service.loadState(state);
}

SandboxOptions relaxed()
{
    SandboxOptions options;
    options.relaxedLimits = true;
    return options;
}

} // namespace

class TestSandboxZoho : public QObject
{
    Q_OBJECT

private:
    struct Session
    {
        QString failure;
        QJsonObject tokens; // the token endpoint's answer
        QString location;
        QString accessToken() const { return tokens.value(QStringLiteral("access_token")).toString(); }
        QString refreshToken() const { return tokens.value(QStringLiteral("refresh_token")).toString(); }
        QString apiPath() const { return pathOf(tokens.value(QStringLiteral("api_domain")).toString()); }
    };

    std::unique_ptr<SandboxFixture> m_fixture; // relaxed limits: many sign-ins
    Transport m_http;
    QString m_clientId;
    QString m_clientSecret;
    Session m_ana; // every scope of kAllScopes, US production

    Params codeExchange(const QString &code, const QString &redirectUri = kDefaultRedirect) const
    {
        return {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("client_id"), m_clientId},
                {QStringLiteral("client_secret"), m_clientSecret},
                {QStringLiteral("redirect_uri"), redirectUri},
                {QStringLiteral("code"), code}};
    }

    Params refreshParams(const QString &refreshToken) const
    {
        return {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                {QStringLiteral("client_id"), m_clientId},
                {QStringLiteral("client_secret"), m_clientSecret},
                {QStringLiteral("refresh_token"), refreshToken}};
    }

    static Reply tokenCall(const Transport &t, const QString &dc, const Params &params)
    {
        return postForm(t, QStringLiteral("/zoho/%1/accounts/oauth/v2/token").arg(dc), params);
    }

    static Reply crmGet(const Transport &t, const QString &apiPath, const QString &pathAndQuery, const QString &token,
                        const Headers &extra = {})
    {
        Headers headers = extra;
        if (!token.isEmpty())
            headers.append(qMakePair(QByteArray("Authorization"), "Zoho-oauthtoken " + token.toLatin1()));
        return t("GET", apiPath + QStringLiteral("/crm/v8/") + pathAndQuery, headers, {});
    }

    Session signIn(const Transport &t, const QString &clientId, const QString &clientSecret, const Consent &c) const
    {
        Session s;
        const ConsentResult consent = runConsent(t, clientId, c);
        if (!consent.failure.isEmpty()) {
            s.failure = consent.failure;
            return s;
        }
        const QString code = consent.value(QStringLiteral("code"));
        s.location = consent.value(QStringLiteral("location"));
        if (code.isEmpty()) {
            s.failure = QStringLiteral("no code in %1").arg(QString::fromUtf8(consent.rawLocation));
            return s;
        }
        Params params = {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("client_id"), clientId},
                         {QStringLiteral("client_secret"), clientSecret},
                         {QStringLiteral("redirect_uri"), c.redirectUri},
                         {QStringLiteral("code"), code}};
        const Reply reply = tokenCall(t, s.location, params);
        s.tokens = reply.object();
        if (reply.status != 200 || !s.tokens.contains(QStringLiteral("access_token")))
            s.failure = QStringLiteral("token: HTTP %1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
        return s;
    }

    Session signIn(const Consent &c) const { return signIn(m_http, m_clientId, m_clientSecret, c); }

    Session signIn(const QString &login, const QString &scope = kAllScopes, const QString &org = {}) const
    {
        Consent c;
        c.login = login;
        c.scope = scope;
        c.org = org;
        return signIn(c);
    }

    QString orgOf(const QString &login, const QString &environment) const
    {
        for (const QJsonValue &u : m_fixture->credentials()
                                       .value(QStringLiteral("zoho"))
                                       .toObject()
                                       .value(QStringLiteral("users"))
                                       .toArray()) {
            if (u.toObject().value(QStringLiteral("login")).toString() != login)
                continue;
            for (const QJsonValue &o : u.toObject().value(QStringLiteral("orgs")).toArray()) {
                if (o.toObject().value(QStringLiteral("environment")).toString() == environment)
                    return o.toObject().value(QStringLiteral("id")).toString();
            }
        }
        return {};
    }

    // Every Leads id, walking discrete pages.
    QStringList allLeadIds(const QString &extraQuery = {})
    {
        QStringList ids;
        for (int page = 1; page <= 10; ++page) {
            const Reply r =
                crmGet(m_http, m_ana.apiPath(),
                       QStringLiteral("Leads?fields=Last_Name&per_page=200&page=%1%2").arg(page).arg(extraQuery),
                       m_ana.accessToken());
            if (r.status != 200)
                break;
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
                ids.append(row.toObject().value(QStringLiteral("id")).toString());
            if (!r.object().value(QStringLiteral("info")).toObject().value(QStringLiteral("more_records")).toBool())
                break;
        }
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<SandboxFixture>(relaxed());
        m_http = httpTransport(*m_fixture);
        const QJsonObject zoho = m_fixture->credentials().value(QStringLiteral("zoho")).toObject();
        m_clientId = zoho.value(QStringLiteral("clientId")).toString();
        m_clientSecret = zoho.value(QStringLiteral("clientSecret")).toString();
        QVERIFY(!m_clientId.isEmpty());
        m_ana = signIn(kAna);
        QVERIFY2(m_ana.failure.isEmpty(), qPrintable(m_ana.failure));
    }

    // ---- Accounts: client, server info, authorization request ------------------------------

    void credentialsDescribeTheDemoClient()
    {
        const QJsonObject zoho = m_fixture->credentials().value(QStringLiteral("zoho")).toObject();
        QVERIFY(QRegularExpression(QStringLiteral("^1000\\.[A-Z0-9]{30}$")).match(m_clientId).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{42}$")).match(m_clientSecret).hasMatch());
        QCOMPARE(zoho.value(QStringLiteral("redirectUri")).toString(), kDefaultRedirect);
        QHash<QString, QJsonObject> users;
        for (const QJsonValue &u : zoho.value(QStringLiteral("users")).toArray())
            users.insert(u.toObject().value(QStringLiteral("login")).toString(), u.toObject());
        QCOMPARE(users.value(kAna).value(QStringLiteral("home")).toString(), QStringLiteral("us"));
        QCOMPARE(users.value(kJonas).value(QStringLiteral("home")).toString(), QStringLiteral("eu"));
        QCOMPARE(users.value(kPriya).value(QStringLiteral("home")).toString(), QStringLiteral("in"));
        const QJsonArray jonasOrgs = users.value(kJonas).value(QStringLiteral("orgs")).toArray();
        QCOMPARE(jonasOrgs.size(), 2);
        QCOMPARE(jonasOrgs.at(0).toObject().value(QStringLiteral("environment")).toString(),
                 QStringLiteral("production"));
        QCOMPARE(jonasOrgs.at(1).toObject().value(QStringLiteral("environment")).toString(), QStringLiteral("sandbox"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{18}$"))
                    .match(jonasOrgs.at(0).toObject().value(QStringLiteral("id")).toString())
                    .hasMatch());
        QVERIFY(!jonasOrgs.at(0).toObject().value(QStringLiteral("name")).toString().isEmpty());
    }

    void serverInfoListsEveryDataCenter()
    {
        const Reply r = m_http("GET", QStringLiteral("/zoho/au/accounts/oauth/serverinfo"), {}, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("result")).toString(), QStringLiteral("success"));
        const QJsonObject locations = r.object().value(QStringLiteral("locations")).toObject();
        QCOMPARE(locations.keys().size(), 8);
        for (const QString &dc : ZohoService::dataCenterCodes())
            QCOMPARE(locations.value(dc).toString(),
                     m_fixture->url(QStringLiteral("/zoho/%1/accounts").arg(dc)).toString());
    }

    void unknownClientGetsAnErrorPageWithoutRedirect()
    {
        const Params q{{QStringLiteral("response_type"), QStringLiteral("code")},
                       {QStringLiteral("client_id"), QStringLiteral("1000.NOSUCHCLIENT0000000000000000000")},
                       {QStringLiteral("scope"), kAllScopes},
                       {QStringLiteral("redirect_uri"), kDefaultRedirect}};
        const Reply r = m_http("GET", QStringLiteral("/zoho/us/accounts/oauth/v2/auth?") + encode(q), {}, {});
        QVERIFY(r.status == 200 || r.status == 400);
        QVERIFY(r.location.isEmpty());
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY(r.body.contains("Invalid Client"));
        QVERIFY(!r.body.contains("id=\"tx\""));
    }

    void authorizationRequestErrors_data()
    {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("pageText");
        QTest::newRow("redirect with trailing slash") << "redirect_uri"
                                                      << "http://127.0.0.1:47913/callback/"
                                                      << "Redirect";
        QTest::newRow("redirect on another port") << "redirect_uri"
                                                  << "http://127.0.0.1:47914/callback"
                                                  << "Redirect";
        QTest::newRow("redirect on another path") << "redirect_uri"
                                                  << "http://127.0.0.1:47913/cb"
                                                  << "Redirect";
        QTest::newRow("redirect with localhost") << "redirect_uri"
                                                 << "http://localhost:47913/callback"
                                                 << "Redirect";
        QTest::newRow("redirect over https") << "redirect_uri"
                                             << "https://127.0.0.1:47913/callback"
                                             << "Redirect";
        QTest::newRow("implicit grant") << "response_type"
                                        << "token"
                                        << "Response Type";
        QTest::newRow("no scope") << "scope"
                                  << ""
                                  << "Scope";
        QTest::newRow("space separated scopes") << "scope"
                                                << "ZohoCRM.modules.READ ZohoCRM.users.READ"
                                                << "Scope";
        QTest::newRow("unknown scope") << "scope"
                                       << "ZohoCRM.everything"
                                       << "Scope";
        QTest::newRow("unknown PKCE method") << "code_challenge_method"
                                             << "S512"
                                             << "code_challenge";
        QTest::newRow("bad access type") << "access_type"
                                         << "forever"
                                         << "access_type";
    }

    void authorizationRequestErrors()
    {
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        QFETCH(QString, pageText);
        Params q{
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), m_clientId},
            {QStringLiteral("scope"), kAllScopes},
            {QStringLiteral("redirect_uri"), kDefaultRedirect},
            {QStringLiteral("code_challenge"), s256(QStringLiteral("verifier-verifier-verifier-verifier-verifier"))},
            {QStringLiteral("state"), QStringLiteral("abc")}};
        bool replaced = false;
        for (auto &p : q) {
            if (p.first == parameter) {
                p.second = value;
                replaced = true;
            }
        }
        if (!replaced)
            q.append({parameter, value});
        const Reply r = m_http("GET", QStringLiteral("/zoho/us/accounts/oauth/v2/auth?") + encode(q), {}, {});
        QCOMPARE(r.status, 400);
        QVERIFY(r.location.isEmpty());
        QVERIFY(r.contentType.startsWith("text/html"));
        QVERIFY2(r.body.contains(pageText.toUtf8()), r.body.constData());
        QVERIFY(!r.body.contains("id=\"tx\""));
    }

    void consentPagesFollowTheAutomationContract()
    {
        const Params q{{QStringLiteral("response_type"), QStringLiteral("code")},
                       {QStringLiteral("client_id"), m_clientId},
                       {QStringLiteral("scope"), QStringLiteral("ZohoCRM.modules.READ,ZohoCRM.org.READ")},
                       {QStringLiteral("redirect_uri"), kDefaultRedirect}};
        const Reply first = m_http("GET", QStringLiteral("/zoho/us/accounts/oauth/v2/auth?") + encode(q), {}, {});
        QCOMPARE(first.status, 200);
        QVERIFY(first.contentType.startsWith("text/html"));
        QVERIFY(first.body.contains("<form method=\"post\" action=\"/zoho/us/accounts/oauth/v2/auth\">"));
        QVERIFY(QRegularExpression(QStringLiteral("<input type=\"hidden\" name=\"tx\" id=\"tx\" value=\"[0-9a-f]+\">"))
                    .match(QString::fromUtf8(first.body))
                    .hasMatch());
        QVERIFY(first.body.contains("<input type=\"text\" name=\"login\" id=\"login\""));
        QVERIFY(first.body.contains("id=\"next\""));
        QVERIFY(first.body.contains("<h1>"));
        QVERIFY(!first.body.contains("http://") && !first.body.contains("https://")); // no external resources
        const QString tx = inputValue(first.body, QStringLiteral("tx"));

        // Two orgs: the consent page offers a picker.
        const Reply jonas = postForm(m_http, QStringLiteral("/zoho/us/accounts/oauth/v2/auth"),
                                     {{QStringLiteral("tx"), tx}, {QStringLiteral("login"), kJonas}});
        QCOMPARE(jonas.status, 200);
        QCOMPARE(inputValue(jonas.body, QStringLiteral("tx")), tx);
        QVERIFY(jonas.body.contains("<input type=\"hidden\" name=\"login\" id=\"login\""));
        QCOMPARE(inputValue(jonas.body, QStringLiteral("login")), kJonas);
        QVERIFY(jonas.body.contains("<select name=\"org\" id=\"org\">"));
        QVERIFY(jonas.body.contains(orgOf(kJonas, QStringLiteral("production")).toUtf8()));
        QVERIFY(jonas.body.contains(orgOf(kJonas, QStringLiteral("sandbox")).toUtf8()));
        QVERIFY(jonas.body.contains("<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">"));
        QVERIFY(jonas.body.contains("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">"));
        QVERIFY(jonas.body.contains("the records of every CRM module"));
        QVERIFY(jonas.body.contains("organization&#39;s details") || jonas.body.contains("organization's details"));

        // One org: no picker.
        const Reply ana = postForm(m_http, QStringLiteral("/zoho/us/accounts/oauth/v2/auth"),
                                   {{QStringLiteral("tx"), tx}, {QStringLiteral("login"), kAna}});
        QCOMPARE(ana.status, 200);
        QVERIFY(ana.body.contains("id=\"accept\""));
        QVERIFY(!ana.body.contains("id=\"org\""));
    }

    void unknownLoginShowsTheFirstPageAgain()
    {
        const Params q{{QStringLiteral("response_type"), QStringLiteral("code")},
                       {QStringLiteral("client_id"), m_clientId},
                       {QStringLiteral("scope"), kAllScopes},
                       {QStringLiteral("redirect_uri"), kDefaultRedirect}};
        const Reply first = m_http("GET", QStringLiteral("/zoho/us/accounts/oauth/v2/auth?") + encode(q), {}, {});
        const QString tx = inputValue(first.body, QStringLiteral("tx"));
        const Reply again =
            postForm(m_http, QStringLiteral("/zoho/us/accounts/oauth/v2/auth"),
                     {{QStringLiteral("tx"), tx}, {QStringLiteral("login"), QStringLiteral("nobody@example.org")}});
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("id=\"next\""));
        QVERIFY(!again.body.contains("id=\"accept\""));
        QVERIFY(again.body.contains("class=\"error\""));
        QVERIFY(again.body.contains("nobody@example.org"));
        QCOMPARE(inputValue(again.body, QStringLiteral("tx")), tx);
    }

    void unknownTransactionGetsAnErrorPage()
    {
        const Reply r = postForm(m_http, QStringLiteral("/zoho/us/accounts/oauth/v2/auth"),
                                 {{QStringLiteral("tx"), QStringLiteral("0123456789abcdef")},
                                  {QStringLiteral("login"), kAna},
                                  {QStringLiteral("decision"), QStringLiteral("accept")}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.location.isEmpty());
        QVERIFY(r.body.contains("class=\"error\""));
    }

    void euUserStartingAtUsIsSentToEu()
    {
        Consent c;
        c.dc = QStringLiteral("us");
        c.login = kJonas;
        const ConsentResult r = runConsent(m_http, m_clientId, c);
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        QVERIFY(r.rawLocation.startsWith("http://127.0.0.1:47913/callback?code="));
        QVERIFY(kTokenPattern.match(r.value(QStringLiteral("code"))).hasMatch());
        QCOMPARE(r.value(QStringLiteral("state")), QStringLiteral("st-42"));
        QCOMPARE(r.value(QStringLiteral("location")), QStringLiteral("eu"));
        const QString euAccounts = m_fixture->url(QStringLiteral("/zoho/eu/accounts")).toString();
        QCOMPARE(r.value(QStringLiteral("accounts-server")), euAccounts);
        // URL-encoded, as Zoho sends it.
        QVERIFY(r.rawLocation.contains("accounts-server=" + QUrl::toPercentEncoding(euAccounts)));
    }

    void stateIsOmittedWhenNoneWasSent()
    {
        Consent c;
        c.sendState = false;
        const ConsentResult r = runConsent(m_http, m_clientId, c);
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        QVERIFY(!r.value(QStringLiteral("code")).isEmpty());
        QVERIFY(!r.query.hasQueryItem(QStringLiteral("state")));
        QCOMPARE(r.value(QStringLiteral("location")), QStringLiteral("us"));
    }

    void denyRedirectsWithAccessDenied()
    {
        Consent c;
        c.decision = QStringLiteral("deny");
        c.state = QStringLiteral("deny me");
        const ConsentResult r = runConsent(m_http, m_clientId, c);
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        QVERIFY(r.rawLocation.startsWith("http://127.0.0.1:47913/callback?"));
        QCOMPARE(r.value(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(r.value(QStringLiteral("state")), QStringLiteral("deny me"));
        QVERIFY(!r.query.hasQueryItem(QStringLiteral("code")));
    }

    void addedRedirectUriIsAcceptedExactly()
    {
        const QString extra = QStringLiteral("http://127.0.0.1:50123/oauth/done");
        m_fixture->server().addRedirectUri(extra);
        Consent c;
        c.redirectUri = extra;
        const Session s = signIn(c);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        c.redirectUri = extra + QLatin1Char('/');
        QVERIFY(!runConsent(m_http, m_clientId, c).failure.isEmpty());
    }

    // ---- Accounts: token endpoint -----------------------------------------------------------

    void codeExchangeAnswersTokens()
    {
        const QJsonObject t = m_ana.tokens;
        QVERIFY(kTokenPattern.match(t.value(QStringLiteral("access_token")).toString()).hasMatch());
        QVERIFY(kTokenPattern.match(t.value(QStringLiteral("refresh_token")).toString()).hasMatch());
        QCOMPARE(t.value(QStringLiteral("api_domain")).toString(),
                 m_fixture->url(QStringLiteral("/zoho/us/api")).toString());
        QCOMPARE(t.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(t.value(QStringLiteral("expires_in")).toInt(), 3600);
        QCOMPARE(t.keys().size(), 5);
    }

    void codeAtAnotherDataCenterIsInvalid()
    {
        Consent c;
        c.login = kJonas;
        const ConsentResult consent = runConsent(m_http, m_clientId, c);
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        const QString code = consent.value(QStringLiteral("code"));
        const Reply atUs = tokenCall(m_http, QStringLiteral("us"), codeExchange(code));
        QCOMPARE(atUs.status, 200);
        QCOMPARE(atUs.object(), QJsonObject({{QStringLiteral("error"), QStringLiteral("invalid_code")}}));
        // The user's own DC still takes it.
        const Reply atEu = tokenCall(m_http, QStringLiteral("eu"), codeExchange(code));
        QCOMPARE(atEu.status, 200);
        QCOMPARE(atEu.object().value(QStringLiteral("api_domain")).toString(),
                 m_fixture->url(QStringLiteral("/zoho/eu/api")).toString());
    }

    void reusedCodeIsInvalid()
    {
        const ConsentResult consent = runConsent(m_http, m_clientId, Consent());
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        const QString code = consent.value(QStringLiteral("code"));
        QVERIFY(tokenCall(m_http, QStringLiteral("us"), codeExchange(code))
                    .object()
                    .contains(QStringLiteral("access_token")));
        const Reply again = tokenCall(m_http, QStringLiteral("us"), codeExchange(code));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_code"));
    }

    void expiredCodeIsInvalid()
    {
        SandboxOptions options = relaxed();
        options.codeTtlSeconds = 1;
        SandboxFixture fixture(options);
        const Transport t = httpTransport(fixture);
        const QJsonObject zoho = fixture.credentials().value(QStringLiteral("zoho")).toObject();
        const ConsentResult consent = runConsent(t, zoho.value(QStringLiteral("clientId")).toString(), Consent());
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        QTest::qWait(2100);
        const Reply r =
            tokenCall(t, QStringLiteral("us"),
                      {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                       {QStringLiteral("client_id"), zoho.value(QStringLiteral("clientId")).toString()},
                       {QStringLiteral("client_secret"), zoho.value(QStringLiteral("clientSecret")).toString()},
                       {QStringLiteral("redirect_uri"), kDefaultRedirect},
                       {QStringLiteral("code"), consent.value(QStringLiteral("code"))}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_code"));
    }

    void clientErrorsAtTheTokenEndpoint_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("clientSecret");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown client") << "1000.NOSUCHCLIENT0000000000000000000"
                                        << ""
                                        << "invalid_client";
        QTest::newRow("no client") << ""
                                   << ""
                                   << "invalid_client";
        QTest::newRow("wrong secret") << ""
                                      << "0123456789abcdef0123456789abcdef0123456789"
                                      << "invalid_client_secret";
    }

    void clientErrorsAtTheTokenEndpoint()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, clientSecret);
        QFETCH(QString, error);
        const ConsentResult consent = runConsent(m_http, m_clientId, Consent());
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        Params params = codeExchange(consent.value(QStringLiteral("code")));
        for (auto &p : params) {
            if (p.first == QLatin1String("client_id") &&
                (!clientId.isEmpty() || error == QLatin1String("invalid_client")))
                p.second = clientId;
            if (p.first == QLatin1String("client_secret") && !clientSecret.isEmpty())
                p.second = clientSecret;
        }
        const Reply r = tokenCall(m_http, QStringLiteral("us"), params);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object(), QJsonObject({{QStringLiteral("error"), error}}));
    }

    void redirectMismatchAtTheTokenEndpoint()
    {
        const QString other = QStringLiteral("http://127.0.0.1:50124/other");
        m_fixture->server().addRedirectUri(other);
        const ConsentResult consent = runConsent(m_http, m_clientId, Consent());
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        const QString code = consent.value(QStringLiteral("code"));
        // Registered, but not the one the code was issued for.
        Reply r = tokenCall(m_http, QStringLiteral("us"), codeExchange(code, other));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_redirect_uri"));
        r = tokenCall(m_http, QStringLiteral("us"), codeExchange(code, kDefaultRedirect + QLatin1Char('/')));
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_redirect_uri"));
        r = tokenCall(m_http, QStringLiteral("us"), codeExchange(code));
        QVERIFY(r.object().contains(QStringLiteral("access_token")));
    }

    void pkce_data()
    {
        QTest::addColumn<QString>("method"); // code_challenge_method sent ("" = none)
        QTest::addColumn<QString>("challenge");
        QTest::addColumn<QString>("verifier"); // code_verifier sent ("" = none)
        QTest::addColumn<bool>("accepted");
        const QString verifier = QStringLiteral("dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk");
        QTest::newRow("S256 right") << "S256" << s256(verifier) << verifier << true;
        QTest::newRow("S256 wrong") << "S256" << s256(verifier)
                                    << QStringLiteral("not-the-verifier-at-all-0123456789abcdef") << false;
        QTest::newRow("S256 missing") << "S256" << s256(verifier) << QString() << false;
        QTest::newRow("S256 challenge as verifier") << "S256" << s256(verifier) << s256(verifier) << false;
        QTest::newRow("plain right") << "plain" << verifier << verifier << true;
        QTest::newRow("default is plain") << "" << verifier << verifier << true;
        QTest::newRow("default is not S256") << "" << s256(verifier) << verifier << false;
    }

    void pkce()
    {
        QFETCH(QString, method);
        QFETCH(QString, challenge);
        QFETCH(QString, verifier);
        QFETCH(bool, accepted);
        Consent c;
        c.challenge = challenge;
        c.challengeMethod = method;
        const ConsentResult consent = runConsent(m_http, m_clientId, c);
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        Params params = codeExchange(consent.value(QStringLiteral("code")));
        if (!verifier.isEmpty())
            params.append({QStringLiteral("code_verifier"), verifier});
        const Reply r = tokenCall(m_http, QStringLiteral("us"), params);
        QCOMPARE(r.status, 200);
        if (accepted)
            QVERIFY2(r.object().contains(QStringLiteral("access_token")), r.body.constData());
        else
            QCOMPARE(r.object(), QJsonObject({{QStringLiteral("error"), QStringLiteral("invalid_code")}}));
    }

    void tokenParametersInEveryTransport_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("query string") << "query";
        QTest::newRow("urlencoded body") << "urlencoded";
        QTest::newRow("multipart body") << "multipart";
        QTest::newRow("basic auth") << "basic";
    }

    void tokenParametersInEveryTransport()
    {
        QFETCH(QString, transport);
        const ConsentResult consent = runConsent(m_http, m_clientId, Consent());
        QVERIFY2(consent.failure.isEmpty(), qPrintable(consent.failure));
        const Params params = codeExchange(consent.value(QStringLiteral("code")));
        const QString path = QStringLiteral("/zoho/us/accounts/oauth/v2/token");
        Reply r;
        if (transport == QLatin1String("query")) {
            r = m_http("POST", path + QLatin1Char('?') + encode(params), {}, {});
        } else if (transport == QLatin1String("urlencoded")) {
            r = postForm(m_http, path, params);
        } else if (transport == QLatin1String("multipart")) {
            const QByteArray boundary = "----zawBoundary7MA4YWxkTrZu0gW";
            QByteArray body;
            for (const auto &p : params) {
                body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.first.toUtf8() +
                        "\"\r\n\r\n" + p.second.toUtf8() + "\r\n";
            }
            body += "--" + boundary + "--\r\n";
            r = m_http("POST", path, {{"Content-Type", "multipart/form-data; boundary=" + boundary}}, body);
        } else {
            Params rest;
            for (const auto &p : params) {
                if (p.first != QLatin1String("client_id") && p.first != QLatin1String("client_secret"))
                    rest.append(p);
            }
            const QByteArray basic = (m_clientId + QLatin1Char(':') + m_clientSecret).toUtf8().toBase64();
            r = postForm(m_http, path, rest, {{"Authorization", "Basic " + basic}});
        }
        QCOMPARE(r.status, 200);
        QVERIFY2(r.object().contains(QStringLiteral("access_token")), r.body.constData());
    }

    void refreshAnswersNoNewRefreshToken()
    {
        const Session s = signIn(kAna);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const Reply r = tokenCall(m_http, QStringLiteral("us"), refreshParams(s.refreshToken()));
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.object();
        QVERIFY(kTokenPattern.match(o.value(QStringLiteral("access_token")).toString()).hasMatch());
        QVERIFY(o.value(QStringLiteral("access_token")).toString() != s.accessToken());
        QVERIFY(!o.contains(QStringLiteral("refresh_token")));
        QCOMPARE(o.value(QStringLiteral("api_domain")).toString(),
                 m_fixture->url(QStringLiteral("/zoho/us/api")).toString());
        QCOMPARE(o.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), 3600);
        QCOMPARE(crmGet(m_http, s.apiPath(), QStringLiteral("org"), o.value(QStringLiteral("access_token")).toString())
                     .status,
                 200);
    }

    void refreshTokenOnlyForOfflineFirstOrForcedConsent()
    {
        SandboxFixture fixture(relaxed());
        const Transport t = httpTransport(fixture);
        const QJsonObject zoho = fixture.credentials().value(QStringLiteral("zoho")).toObject();
        const QString id = zoho.value(QStringLiteral("clientId")).toString();
        const QString secret = zoho.value(QStringLiteral("clientSecret")).toString();
        Consent c;
        c.prompt.clear();
        c.accessType = QStringLiteral("online");
        Session s = signIn(t, id, secret, c);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        QVERIFY(!s.tokens.contains(QStringLiteral("refresh_token")));
        // Offline, but the user consented before and no prompt=consent: still none.
        c.accessType = QStringLiteral("offline");
        s = signIn(t, id, secret, c);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        QVERIFY(!s.tokens.contains(QStringLiteral("refresh_token")));
        c.prompt = QStringLiteral("consent");
        s = signIn(t, id, secret, c);
        QVERIFY(kTokenPattern.match(s.refreshToken()).hasMatch());
        // A first consent of another user with offline access gets one without prompt.
        c.prompt.clear();
        c.login = kJonas;
        s = signIn(t, id, secret, c);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        QVERIFY(kTokenPattern.match(s.refreshToken()).hasMatch());
    }

    void refreshAtAnotherDataCenterIsInvalid()
    {
        const Reply r = tokenCall(m_http, QStringLiteral("eu"), refreshParams(m_ana.refreshToken()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object(), QJsonObject({{QStringLiteral("error"), QStringLiteral("invalid_code")}}));
        QCOMPARE(tokenCall(m_http, QStringLiteral("us"), refreshParams(QStringLiteral("1000.abc.def")))
                     .object()
                     .value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("invalid_code"));
    }

    void unsupportedGrantType()
    {
        Params params = refreshParams(m_ana.refreshToken());
        params[0].second = QStringLiteral("password");
        const Reply r = tokenCall(m_http, QStringLiteral("us"), params);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("unsupported_grant_type"));
    }

    void revokeKillsRefreshAndAccessTokens()
    {
        const Session s = signIn(kAna);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const QString minted = tokenCall(m_http, QStringLiteral("us"), refreshParams(s.refreshToken()))
                                   .object()
                                   .value(QStringLiteral("access_token"))
                                   .toString();
        QCOMPARE(crmGet(m_http, s.apiPath(), QStringLiteral("org"), minted).status, 200);
        // Revoking at another DC does not find the token.
        QCOMPARE(
            m_http("POST", QStringLiteral("/zoho/eu/accounts/oauth/v2/token/revoke?token=") + s.refreshToken(), {}, {})
                .status,
            400);

        const Reply revoked =
            m_http("POST", QStringLiteral("/zoho/us/accounts/oauth/v2/token/revoke?token=") + s.refreshToken(), {}, {});
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.object(), QJsonObject({{QStringLiteral("status"), QStringLiteral("success")}}));
        const Reply refresh = tokenCall(m_http, QStringLiteral("us"), refreshParams(s.refreshToken()));
        QCOMPARE(refresh.status, 200);
        QCOMPARE(refresh.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_code"));
        for (const QString &token : {minted, s.accessToken()}) {
            const Reply crm = crmGet(m_http, s.apiPath(), QStringLiteral("org"), token);
            QCOMPARE(crm.status, 401);
            QVERIFY(isCrmEnvelope(crm.object(), QStringLiteral("INVALID_TOKEN")));
        }
        const Reply unknown =
            m_http("POST", QStringLiteral("/zoho/us/accounts/oauth/v2/token/revoke?token=") + s.refreshToken(), {}, {});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.object().value(QStringLiteral("status")).toString(), QStringLiteral("failure"));
    }

    void revokeAnAccessTokenInAFormBody()
    {
        const Session s = signIn(kAna);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const Reply r = postForm(m_http, QStringLiteral("/zoho/us/accounts/oauth/v2/revoke/token"),
                                 {{QStringLiteral("token"), s.accessToken()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
        QCOMPARE(crmGet(m_http, s.apiPath(), QStringLiteral("org"), s.accessToken()).status, 401);
        // The refresh token lives on.
        QVERIFY(tokenCall(m_http, QStringLiteral("us"), refreshParams(s.refreshToken()))
                    .object()
                    .contains(QStringLiteral("access_token")));
    }

    void forcedExpiryInvalidatesAccessTokens()
    {
        SandboxFixture fixture(relaxed());
        const Transport t = httpTransport(fixture);
        const QJsonObject zoho = fixture.credentials().value(QStringLiteral("zoho")).toObject();
        const Session s = signIn(t, zoho.value(QStringLiteral("clientId")).toString(),
                                 zoho.value(QStringLiteral("clientSecret")).toString(), Consent());
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        QCOMPARE(crmGet(t, s.apiPath(), QStringLiteral("org"), s.accessToken()).status, 200);
        fixture.server().expireAccessTokens();
        const Reply r = crmGet(t, s.apiPath(), QStringLiteral("org"), s.accessToken());
        QCOMPARE(r.status, 401);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_TOKEN")));
    }

    // ---- Accounts: limits (Zoho's defaults) ----------------------------------------------

    void eleventhMintWithinTenMinutesIsDenied()
    {
        SandboxFixture fixture; // default limits
        const Transport t = httpTransport(fixture);
        const QJsonObject zoho = fixture.credentials().value(QStringLiteral("zoho")).toObject();
        const QString id = zoho.value(QStringLiteral("clientId")).toString();
        const QString secret = zoho.value(QStringLiteral("clientSecret")).toString();
        const Session s = signIn(t, id, secret, Consent());
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const Params params{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("client_id"), id},
                            {QStringLiteral("client_secret"), secret},
                            {QStringLiteral("refresh_token"), s.refreshToken()}};
        for (int i = 1; i <= 10; ++i) {
            const Reply r = tokenCall(t, QStringLiteral("us"), params);
            QVERIFY2(r.object().contains(QStringLiteral("access_token")),
                     qPrintable(QStringLiteral("mint %1: %2").arg(i).arg(QString::fromUtf8(r.body))));
        }
        const Reply denied = tokenCall(t, QStringLiteral("us"), params);
        QCOMPARE(denied.status, 200);
        QCOMPARE(denied.object(),
                 QJsonObject({{QStringLiteral("error_description"),
                               QStringLiteral(
                                   "You have made too many requests continuously. Please try again after some time.")},
                              {QStringLiteral("error"), QStringLiteral("Access Denied")},
                              {QStringLiteral("status"), QStringLiteral("failure")}}));
    }

    void eleventhGrantCodeWithinTenMinutesIsDenied()
    {
        SandboxFixture fixture; // default limits
        const Transport t = httpTransport(fixture);
        const QString id =
            fixture.credentials().value(QStringLiteral("zoho")).toObject().value(QStringLiteral("clientId")).toString();
        for (int i = 1; i <= 10; ++i) {
            const ConsentResult r = runConsent(t, id, Consent());
            QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
            QVERIFY2(!r.value(QStringLiteral("code")).isEmpty(), qPrintable(QStringLiteral("code %1").arg(i)));
        }
        Consent c;
        c.state = QStringLiteral("eleven");
        const ConsentResult r = runConsent(t, id, c);
        QVERIFY2(r.failure.isEmpty(), qPrintable(r.failure));
        QCOMPARE(r.value(QStringLiteral("error")), QStringLiteral("access_denied"));
        QCOMPARE(r.value(QStringLiteral("state")), QStringLiteral("eleven"));
        QVERIFY(!r.query.hasQueryItem(QStringLiteral("code")));
    }

    void twentyFirstRefreshTokenEvictsTheFirst()
    {
        // Twenty-one consents take three ten-minute windows of the grant-code limit; the
        // windows are aged through the saved state.
        DirectSandbox sandbox;
        const Transport t = sandbox.transport();
        const QJsonObject creds = sandbox.service->credentials();
        const QString id = creds.value(QStringLiteral("clientId")).toString();
        const QString secret = creds.value(QStringLiteral("clientSecret")).toString();
        QList<Session> sessions;
        for (int i = 0; i < 21; ++i) {
            if (i > 0 && i % 10 == 0)
                ageLimitWindows(*sandbox.service, 11 * 60 * 1000);
            const Session s = signIn(t, id, secret, Consent());
            QVERIFY2(s.failure.isEmpty(), qPrintable(QStringLiteral("sign-in %1: %2").arg(i + 1).arg(s.failure)));
            QVERIFY(!s.refreshToken().isEmpty());
            sessions.append(s);
        }
        const auto refresh = [&](const Session &s) {
            return tokenCall(t, QStringLiteral("us"),
                             {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                              {QStringLiteral("client_id"), id},
                              {QStringLiteral("client_secret"), secret},
                              {QStringLiteral("refresh_token"), s.refreshToken()}});
        };
        QCOMPARE(refresh(sessions.first()).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_code"));
        const Reply dead = crmGet(t, sessions.first().apiPath(), QStringLiteral("org"), sessions.first().accessToken());
        QVERIFY(isCrmEnvelope(dead.object(), QStringLiteral("INVALID_TOKEN")));
        QVERIFY(refresh(sessions.at(1)).object().contains(QStringLiteral("access_token")));
        QVERIFY(refresh(sessions.last()).object().contains(QStringLiteral("access_token")));
        QCOMPARE(crmGet(t, sessions.at(1).apiPath(), QStringLiteral("org"), sessions.at(1).accessToken()).status, 200);
    }

    void sixteenthAccessTokenEvictsTheOldest()
    {
        DirectSandbox sandbox;
        const Transport t = sandbox.transport();
        const QJsonObject creds = sandbox.service->credentials();
        const QString id = creds.value(QStringLiteral("clientId")).toString();
        const QString secret = creds.value(QStringLiteral("clientSecret")).toString();
        const Session s = signIn(t, id, secret, Consent());
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const Params params{{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("client_id"), id},
                            {QStringLiteral("client_secret"), secret},
                            {QStringLiteral("refresh_token"), s.refreshToken()}};
        QStringList minted{s.accessToken()};
        for (int i = 1; i <= 15; ++i) {
            if (i == 11)
                ageLimitWindows(*sandbox.service, 11 * 60 * 1000);
            const Reply r = tokenCall(t, QStringLiteral("us"), params);
            QVERIFY2(r.object().contains(QStringLiteral("access_token")), r.body.constData());
            minted.append(r.object().value(QStringLiteral("access_token")).toString());
            if (i == 14)
                QCOMPARE(crmGet(t, s.apiPath(), QStringLiteral("org"), minted.first()).status, 200);
        }
        QCOMPARE(crmGet(t, s.apiPath(), QStringLiteral("org"), minted.first()).status, 401);
        QCOMPARE(crmGet(t, s.apiPath(), QStringLiteral("org"), minted.at(1)).status, 200);
        QCOMPARE(crmGet(t, s.apiPath(), QStringLiteral("org"), minted.last()).status, 200);
    }

    // ---- in-process use and persistence ---------------------------------------------------

    void internalCallsBehaveLikeHttp()
    {
        // As the Platform emulator calls it: SandboxServer::call, no sockets.
        Request refresh;
        refresh.method = "POST";
        refresh.path = QStringLiteral("/zoho/us/accounts/oauth/v2/token");
        refresh.headers = {{"content-type", "application/x-www-form-urlencoded"}};
        refresh.body = encode(refreshParams(m_ana.refreshToken())).toUtf8();
        const Response minted = m_fixture->server().call(refresh);
        QCOMPARE(minted.status, 200);
        const QString token = minted.jsonBody().toObject().value(QStringLiteral("access_token")).toString();
        QVERIFY(kTokenPattern.match(token).hasMatch());

        Request org;
        org.method = "GET";
        org.path = QStringLiteral("/zoho/us/api/crm/v8/Leads");
        org.query = QUrlQuery(QStringLiteral("fields=Last_Name,Email&per_page=3"));
        org.headers = {{"authorization", "Zoho-oauthtoken " + token.toLatin1()}};
        const Response leads = m_fixture->server().call(org);
        QCOMPARE(leads.status, 200);
        QCOMPARE(leads.jsonBody().toObject().value(QStringLiteral("data")).toArray().size(), 3);

        org.headers.clear();
        QCOMPARE(m_fixture->server().call(org).status, 401);
    }

    void stateKeepsClientAndTokens()
    {
        DirectSandbox first;
        const QJsonObject creds = first.service->credentials();
        first.service->addRedirectUri(QStringLiteral("http://127.0.0.1:50125/cb"));
        Consent c;
        c.redirectUri = QStringLiteral("http://127.0.0.1:50125/cb");
        const Session s = signIn(first.transport(), creds.value(QStringLiteral("clientId")).toString(),
                                 creds.value(QStringLiteral("clientSecret")).toString(), c);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const QJsonObject saved = QJsonDocument::fromJson(QJsonDocument(first.service->saveState()).toJson()).object();

        DirectSandbox second;
        QVERIFY(second.service->credentials().value(QStringLiteral("clientId")) !=
                creds.value(QStringLiteral("clientId")));
        second.service->loadState(saved);
        QCOMPARE(second.service->credentials().value(QStringLiteral("clientId")),
                 creds.value(QStringLiteral("clientId")));
        QCOMPARE(second.service->credentials().value(QStringLiteral("clientSecret")),
                 creds.value(QStringLiteral("clientSecret")));
        const Transport t = second.transport();
        QCOMPARE(crmGet(t, s.apiPath(), QStringLiteral("org"), s.accessToken()).status, 200);
        const Reply r =
            tokenCall(t, QStringLiteral("us"),
                      {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                       {QStringLiteral("client_id"), creds.value(QStringLiteral("clientId")).toString()},
                       {QStringLiteral("client_secret"), creds.value(QStringLiteral("clientSecret")).toString()},
                       {QStringLiteral("refresh_token"), s.refreshToken()}});
        QVERIFY2(r.object().contains(QStringLiteral("access_token")), r.body.constData());
        // The added redirect URI survived too.
        QVERIFY(runConsent(t, creds.value(QStringLiteral("clientId")).toString(), c).failure.isEmpty());
        // And an empty state (first start) keeps the generated client.
        DirectSandbox fresh;
        const QJsonValue generated = fresh.service->credentials().value(QStringLiteral("clientId"));
        fresh.service->loadState(QJsonObject());
        QCOMPARE(fresh.service->credentials().value(QStringLiteral("clientId")), generated);
    }

    // ---- CRM: authentication and authorization ------------------------------------------

    void crmAuthenticationErrors_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("no header") << QByteArray() << 401 << "AUTHENTICATION_FAILURE";
        QTest::newRow("scheme only") << QByteArray("Zoho-oauthtoken") << 401 << "AUTHENTICATION_FAILURE";
        QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz") << 401 << "AUTHENTICATION_FAILURE";
        QTest::newRow("bare token") << QByteArray("1000.0123.4567") << 401 << "AUTHENTICATION_FAILURE";
        QTest::newRow("unknown token")
            << QByteArray("Zoho-oauthtoken 1000.0123456789abcdef0123456789abcdef.0123456789abcdef0123456789abcdef")
            << 401 << "INVALID_TOKEN";
    }

    void crmAuthenticationErrors()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(int, status);
        QFETCH(QString, code);
        Headers headers;
        if (!authorization.isEmpty())
            headers.append(qMakePair(QByteArray("Authorization"), authorization));
        const Reply r = m_http("GET", QStringLiteral("/zoho/us/api/crm/v8/org"), headers, {});
        QCOMPARE(r.status, status);
        QVERIFY2(isCrmEnvelope(r.object(), code), r.body.constData());
        if (code == QLatin1String("AUTHENTICATION_FAILURE")) {
            QCOMPARE(r.object(), QJsonObject({{QStringLiteral("code"), QStringLiteral("AUTHENTICATION_FAILURE")},
                                              {QStringLiteral("details"), QJsonObject()},
                                              {QStringLiteral("message"), QStringLiteral("Authentication failed")},
                                              {QStringLiteral("status"), QStringLiteral("error")}}));
        } else {
            QCOMPARE(r.object().value(QStringLiteral("message")).toString(), QStringLiteral("invalid oauth token"));
        }
    }

    void bearerSchemeIsAccepted()
    {
        const Reply r = m_http("GET", QStringLiteral("/zoho/us/api/crm/v8/org"),
                               {{"Authorization", "Bearer " + m_ana.accessToken().toLatin1()}}, {});
        QCOMPARE(r.status, 200);
    }

    void tokenOfAnotherDataCenterIsInvalid()
    {
        const Reply r = crmGet(m_http, QStringLiteral("/zoho/eu/api"), QStringLiteral("org"), m_ana.accessToken());
        QCOMPARE(r.status, 401);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_TOKEN")));
    }

    void tokensAreBoundToTheirEnvironment()
    {
        Reply r = crmGet(m_http, QStringLiteral("/zoho/us/sandbox-api"), QStringLiteral("org"), m_ana.accessToken());
        QCOMPARE(r.status, 401);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_TOKEN")));

        const Session sandbox = signIn(kJonas, kAllScopes, orgOf(kJonas, QStringLiteral("sandbox")));
        QVERIFY2(sandbox.failure.isEmpty(), qPrintable(sandbox.failure));
        QCOMPARE(sandbox.location, QStringLiteral("eu"));
        QCOMPARE(sandbox.tokens.value(QStringLiteral("api_domain")).toString(),
                 m_fixture->url(QStringLiteral("/zoho/eu/sandbox-api")).toString());
        r = crmGet(m_http, QStringLiteral("/zoho/eu/sandbox-api"), QStringLiteral("org"), sandbox.accessToken());
        QCOMPARE(r.status, 200);
        const QJsonObject org = r.object().value(QStringLiteral("org")).toArray().first().toObject();
        QCOMPARE(org.value(QStringLiteral("type")).toString(), QStringLiteral("sandbox"));
        QCOMPARE(org.value(QStringLiteral("id")).toString(), orgOf(kJonas, QStringLiteral("sandbox")));
        r = crmGet(m_http, QStringLiteral("/zoho/eu/api"), QStringLiteral("org"), sandbox.accessToken());
        QCOMPARE(r.status, 401);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_TOKEN")));

        const Session production = signIn(kJonas, kAllScopes, orgOf(kJonas, QStringLiteral("production")));
        QVERIFY2(production.failure.isEmpty(), qPrintable(production.failure));
        QCOMPARE(production.apiPath(), QStringLiteral("/zoho/eu/api"));
        r = crmGet(m_http, production.apiPath(), QStringLiteral("org"), production.accessToken());
        QCOMPARE(r.object()
                     .value(QStringLiteral("org"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("production"));
    }

    void developerOrgAnswersOnDeveloperApi()
    {
        const Session mei = signIn(kMei);
        QVERIFY2(mei.failure.isEmpty(), qPrintable(mei.failure));
        QCOMPARE(mei.location, QStringLiteral("jp"));
        QCOMPARE(mei.apiPath(), QStringLiteral("/zoho/jp/developer-api"));
        const Reply r = crmGet(m_http, mei.apiPath(), QStringLiteral("org"), mei.accessToken());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object()
                     .value(QStringLiteral("org"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("developer"));
    }

    void scopes_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("users for org") << "ZohoCRM.users.READ"
                                       << "org" << 401;
        QTest::newRow("users for users") << "ZohoCRM.users.READ"
                                         << "users?type=CurrentUser" << 200;
        QTest::newRow("users.ALL for users") << "ZohoCRM.users.ALL"
                                             << "users?type=CurrentUser" << 200;
        QTest::newRow("org lower case") << "zohocrm.org.all"
                                        << "org" << 200;
        QTest::newRow("modules.READ for metadata") << "ZohoCRM.modules.READ"
                                                   << "settings/modules" << 401;
        QTest::newRow("leads scope for Leads") << "ZohoCRM.modules.leads.READ"
                                               << "Leads?fields=Last_Name" << 200;
        QTest::newRow("leads scope for Contacts") << "ZohoCRM.modules.leads.READ"
                                                  << "Contacts?fields=Last_Name" << 401;
        QTest::newRow("custom scope for custom module") << "ZohoCRM.modules.custom.READ"
                                                        << "Subscriptions?fields=Name" << 200;
        QTest::newRow("custom scope for Leads") << "ZohoCRM.modules.custom.READ"
                                                << "Leads?fields=Last_Name" << 401;
        QTest::newRow("create is not read") << "ZohoCRM.modules.CREATE"
                                            << "Leads?fields=Last_Name" << 401;
        QTest::newRow("modules.ALL") << "ZohoCRM.modules.ALL"
                                     << "Deals?fields=Deal_Name" << 200;
        QTest::newRow("settings.modules for modules") << "ZohoCRM.settings.modules.READ"
                                                      << "settings/modules" << 200;
        QTest::newRow("settings.modules.ALL for modules") << "ZohoCRM.settings.modules.ALL"
                                                          << "settings/modules/Leads" << 200;
        QTest::newRow("settings.modules for fields") << "ZohoCRM.settings.modules.READ"
                                                     << "settings/fields?module=Leads" << 401;
        QTest::newRow("settings.fields for fields") << "ZohoCRM.settings.fields.READ"
                                                    << "settings/fields?module=Leads" << 200;
        QTest::newRow("settings.READ for fields") << "ZohoCRM.settings.READ"
                                                  << "settings/fields?module=Leads" << 200;
        QTest::newRow("settings.ALL for modules") << "ZohoCRM.settings.ALL"
                                                  << "settings/modules" << 200;
        QTest::newRow("coql and bulk are not records") << "ZohoCRM.coql.READ,ZohoCRM.bulk.READ"
                                                       << "Leads?fields=Last_Name" << 401;
        QTest::newRow("profile scope only") << "AaaServer.profile.READ"
                                            << "users?type=CurrentUser" << 401;
    }

    void scopes()
    {
        QFETCH(QString, scope);
        QFETCH(QString, path);
        QFETCH(int, status);
        Consent c;
        c.scope = scope;
        c.accessType = QStringLiteral("online");
        const Session s = signIn(c);
        QVERIFY2(s.failure.isEmpty(), qPrintable(s.failure));
        const Reply r = crmGet(m_http, s.apiPath(), path, s.accessToken());
        QCOMPARE(r.status, status);
        if (status == 401) {
            QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("OAUTH_SCOPE_MISMATCH")));
            QCOMPARE(r.object().value(QStringLiteral("message")).toString(),
                     QStringLiteral("invalid oauth scope to access this URL"));
        }
    }

    void userWithoutApiAccessGetsNoPermission()
    {
        const Session priya = signIn(kPriya);
        QVERIFY2(priya.failure.isEmpty(), qPrintable(priya.failure));
        QCOMPARE(priya.location, QStringLiteral("in"));
        for (const QString &path : {QStringLiteral("users?type=CurrentUser"), QStringLiteral("org"),
                                    QStringLiteral("settings/modules"), QStringLiteral("Leads?fields=Last_Name")}) {
            const Reply r = crmGet(m_http, priya.apiPath(), path, priya.accessToken());
            QCOMPARE(r.status, 403);
            QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("NO_PERMISSION")));
            QCOMPARE(
                r.object().value(QStringLiteral("details")).toObject(),
                QJsonObject({{QStringLiteral("permissions"), QJsonArray{QStringLiteral("Crm_Implied_Api_Access")}}}));
        }
    }

    // ---- CRM: metadata --------------------------------------------------------------------

    void currentUserAndUsers()
    {
        Reply r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("users?type=CurrentUser"), m_ana.accessToken());
        QCOMPARE(r.status, 200);
        const QJsonArray users = r.object().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 1);
        const QJsonObject me = users.first().toObject();
        QCOMPARE(me.value(QStringLiteral("email")).toString(), kAna);
        QCOMPARE(me.value(QStringLiteral("full_name")).toString(), QStringLiteral("Ana Lima"));
        QCOMPARE(me.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{18}$"))
                    .match(me.value(QStringLiteral("id")).toString())
                    .hasMatch());
        QVERIFY(!me.value(QStringLiteral("zuid")).toString().isEmpty());
        QVERIFY(!me.value(QStringLiteral("role")).toObject().value(QStringLiteral("name")).toString().isEmpty());
        QCOMPARE(me.value(QStringLiteral("profile")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Administrator"));
        const QJsonObject info = r.object().value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("more_records")).toBool(), false);

        r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("users?type=AllUsers"), m_ana.accessToken());
        QVERIFY(r.object().value(QStringLiteral("users")).toArray().size() > 1);
        r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("users?type=Nonsense"), m_ana.accessToken());
        QCOMPARE(r.status, 400);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_DATA")));
    }

    void organization()
    {
        const Reply r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("org"), m_ana.accessToken());
        QCOMPARE(r.status, 200);
        const QJsonArray orgs = r.object().value(QStringLiteral("org")).toArray();
        QCOMPARE(orgs.size(), 1);
        const QJsonObject org = orgs.first().toObject();
        QCOMPARE(org.value(QStringLiteral("id")).toString(), orgOf(kAna, QStringLiteral("production")));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{18}$"))
                    .match(org.value(QStringLiteral("id")).toString())
                    .hasMatch());
        QVERIFY(!org.value(QStringLiteral("company_name")).toString().isEmpty());
        QVERIFY(!org.value(QStringLiteral("domain_name")).toString().isEmpty());
        QCOMPARE(org.value(QStringLiteral("type")).toString(), QStringLiteral("production"));
        QCOMPARE(org.value(QStringLiteral("license_details")).toObject().value(QStringLiteral("paid_type")).toString(),
                 QStringLiteral("enterprise"));
        QVERIFY(!org.value(QStringLiteral("time_zone")).toString().isEmpty());
        QVERIFY(!org.value(QStringLiteral("currency")).toString().isEmpty());
        QCOMPARE(org.value(QStringLiteral("primary_email")).toString(), kAna);
    }

    void modules()
    {
        const Reply r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/modules"), m_ana.accessToken());
        QCOMPARE(r.status, 200);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &m : r.object().value(QStringLiteral("modules")).toArray())
            byName.insert(m.toObject().value(QStringLiteral("api_name")).toString(), m.toObject());
        for (const QString &name : {QStringLiteral("Leads"), QStringLiteral("Contacts"), QStringLiteral("Accounts"),
                                    QStringLiteral("Deals"), QStringLiteral("Campaigns"), QStringLiteral("Tasks")}) {
            QVERIFY2(byName.contains(name), qPrintable(name));
            QCOMPARE(byName.value(name).value(QStringLiteral("generated_type")).toString(), QStringLiteral("default"));
            QCOMPARE(byName.value(name).value(QStringLiteral("api_supported")).toBool(), true);
        }
        QCOMPARE(byName.value(QStringLiteral("Subscriptions")).value(QStringLiteral("generated_type")).toString(),
                 QStringLiteral("custom"));
        int linking = 0;
        int unsupported = 0;
        for (const QJsonObject &m : byName) {
            linking += m.value(QStringLiteral("generated_type")).toString() == QLatin1String("linking");
            unsupported += m.value(QStringLiteral("api_supported")) == QJsonValue(false);
            QVERIFY(m.contains(QStringLiteral("id")) && m.contains(QStringLiteral("module_name")) &&
                    m.contains(QStringLiteral("plural_label")) && m.contains(QStringLiteral("singular_label")));
        }
        QCOMPARE(linking, 1);
        QCOMPARE(unsupported, 1);

        const Reply one =
            crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/modules/Leads"), m_ana.accessToken());
        QCOMPARE(one.status, 200);
        QCOMPARE(one.object().value(QStringLiteral("modules")).toArray().size(), 1);
        QCOMPARE(one.object().value(QStringLiteral("modules")).toArray().first().toObject(),
                 byName.value(QStringLiteral("Leads")));
        const Reply none =
            crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/modules/Nope"), m_ana.accessToken());
        QCOMPARE(none.status, 400);
        QVERIFY(isCrmEnvelope(none.object(), QStringLiteral("INVALID_MODULE")));
    }

    void fields()
    {
        QSet<QString> dataTypes;
        QSet<QString> jsonTypes;
        for (const QString &module : {QStringLiteral("Leads"), QStringLiteral("Contacts"), QStringLiteral("Accounts"),
                                      QStringLiteral("Deals"), QStringLiteral("Campaigns"), QStringLiteral("Tasks"),
                                      QStringLiteral("Subscriptions"), QStringLiteral("Deals_X_Contacts")}) {
            const Reply r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/fields?module=") + module,
                                   m_ana.accessToken());
            QCOMPARE(r.status, 200);
            QHash<QString, QJsonObject> byName;
            for (const QJsonValue &f : r.object().value(QStringLiteral("fields")).toArray()) {
                const QJsonObject field = f.toObject();
                byName.insert(field.value(QStringLiteral("api_name")).toString(), field);
                dataTypes.insert(field.value(QStringLiteral("data_type")).toString());
                jsonTypes.insert(field.value(QStringLiteral("json_type")).toString());
                if (field.value(QStringLiteral("data_type")).toString() == QLatin1String("picklist"))
                    QVERIFY(!field.value(QStringLiteral("pick_list_values")).toArray().isEmpty());
                if (field.value(QStringLiteral("data_type")).toString() == QLatin1String("lookup")) {
                    const QJsonObject target =
                        field.value(QStringLiteral("lookup")).toObject().value(QStringLiteral("module")).toObject();
                    QVERIFY(!target.value(QStringLiteral("api_name")).toString().isEmpty());
                    QVERIFY(!target.value(QStringLiteral("id")).toString().isEmpty());
                }
            }
            for (const QString &name : {QStringLiteral("id"), QStringLiteral("Owner"), QStringLiteral("Created_Time"),
                                        QStringLiteral("Modified_Time")})
                QVERIFY2(byName.contains(name), qPrintable(module + QLatin1Char('.') + name));
            QCOMPARE(byName.value(QStringLiteral("Owner")).value(QStringLiteral("data_type")).toString(),
                     QStringLiteral("ownerlookup"));
            QCOMPARE(byName.value(QStringLiteral("Owner")).value(QStringLiteral("json_type")).toString(),
                     QStringLiteral("jsonobject"));
            QCOMPARE(byName.value(QStringLiteral("Modified_Time")).value(QStringLiteral("data_type")).toString(),
                     QStringLiteral("datetime"));
        }
        for (const char *type :
             {"text", "textarea", "email", "phone", "website", "picklist", "multiselectpicklist", "integer", "bigint",
              "double", "currency", "boolean", "date", "datetime", "lookup", "ownerlookup", "autonumber", "formula"})
            QVERIFY2(dataTypes.contains(QLatin1String(type)), type);
        for (const char *type : {"string", "integer", "double", "boolean", "jsonobject", "jsonarray"})
            QVERIFY2(jsonTypes.contains(QLatin1String(type)), type);

        Reply r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/fields"), m_ana.accessToken());
        QCOMPARE(r.status, 400);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("REQUIRED_PARAM_MISSING")));
        QCOMPARE(r.object().value(QStringLiteral("details")).toObject().value(QStringLiteral("param_name")).toString(),
                 QStringLiteral("module"));
        r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/fields?module=Nope"), m_ana.accessToken());
        QCOMPARE(r.status, 400);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_MODULE")));
        r = crmGet(m_http, m_ana.apiPath(), QStringLiteral("settings/fields?module=Home"), m_ana.accessToken());
        QCOMPARE(r.status, 400);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("API_NOT_SUPPORTED")));
    }

    // ---- CRM: records ---------------------------------------------------------------------

    void recordRequestErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QJsonObject>("details");
        QStringList many;
        for (int i = 1; i <= 51; ++i)
            many.append(QStringLiteral("Field_%1").arg(i));
        const QJsonObject fieldsParam{{QStringLiteral("param_name"), QStringLiteral("fields")}};
        QTest::newRow("no fields") << "Leads" << 400 << "REQUIRED_PARAM_MISSING" << fieldsParam;
        QTest::newRow("empty fields") << "Leads?fields=" << 400 << "REQUIRED_PARAM_MISSING" << fieldsParam;
        QTest::newRow("51 fields") << QStringLiteral("Leads?fields=") + many.join(QLatin1Char(',')) << 400
                                   << "LIMIT_EXCEEDED"
                                   << QJsonObject{{QStringLiteral("limit"), 50},
                                                  {QStringLiteral("param_name"), QStringLiteral("fields")}};
        many.removeLast();
        QTest::newRow("50 fields") << QStringLiteral("Leads?fields=") + many.join(QLatin1Char(',')) << 200 << ""
                                   << QJsonObject();
        QTest::newRow("per_page 201") << "Leads?fields=Last_Name&per_page=201" << 400 << "INVALID_DATA"
                                      << QJsonObject{{QStringLiteral("param_name"), QStringLiteral("per_page")}};
        QTest::newRow("per_page 0") << "Leads?fields=Last_Name&per_page=0" << 400 << "INVALID_DATA"
                                    << QJsonObject{{QStringLiteral("param_name"), QStringLiteral("per_page")}};
        QTest::newRow("page 0") << "Leads?fields=Last_Name&page=0" << 400 << "INVALID_DATA"
                                << QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page")}};
        QTest::newRow("page x") << "Leads?fields=Last_Name&page=x" << 400 << "INVALID_DATA"
                                << QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page")}};
        QTest::newRow("page 11 of 200") << "Leads?fields=Last_Name&page=11&per_page=200" << 400
                                        << "DISCRETE_PAGINATION_LIMIT_EXCEEDED"
                                        << QJsonObject{{QStringLiteral("limit"), 2000}};
        QTest::newRow("page 21 of 100") << "Leads?fields=Last_Name&page=21&per_page=100" << 400
                                        << "DISCRETE_PAGINATION_LIMIT_EXCEEDED"
                                        << QJsonObject{{QStringLiteral("limit"), 2000}};
        QTest::newRow("page 10 of 200 is allowed")
            << "Leads?fields=Last_Name&page=10&per_page=200" << 204 << "" << QJsonObject();
        QTest::newRow("bad sort_by") << "Leads?fields=Last_Name&sort_by=Last_Name" << 400 << "INVALID_DATA"
                                     << QJsonObject();
        QTest::newRow("bad sort_order") << "Leads?fields=Last_Name&sort_order=up" << 400 << "INVALID_DATA"
                                        << QJsonObject{{QStringLiteral("param_name"), QStringLiteral("sort_order")},
                                                       {QStringLiteral("supported_values"),
                                                        QJsonArray{QStringLiteral("asc"), QStringLiteral("desc")}}};
        QTest::newRow("unknown page_token")
            << "Leads?fields=Last_Name&page_token=0123abcd" << 400 << "INVALID_DATA"
            << QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}};
        QTest::newRow("unknown module") << "Nope?fields=Name" << 400 << "INVALID_MODULE" << QJsonObject();
        QTest::newRow("module not in the API") << "Home?fields=Name" << 400 << "API_NOT_SUPPORTED" << QJsonObject();
        QTest::newRow("unknown path") << "settings/nothing" << 404 << "INVALID_URL_PATTERN" << QJsonObject();
        QTest::newRow("nested unknown path") << "Leads/1/2/3" << 404 << "INVALID_URL_PATTERN" << QJsonObject();
    }

    void recordRequestErrors()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QJsonObject, details);
        const Reply r = crmGet(m_http, m_ana.apiPath(), path, m_ana.accessToken());
        QCOMPARE(r.status, status);
        if (code.isEmpty())
            return;
        QVERIFY2(isCrmEnvelope(r.object(), code), r.body.constData());
        if (!details.isEmpty())
            QCOMPARE(r.object().value(QStringLiteral("details")).toObject(), details);
    }

    void unknownApiVersionIsAnInvalidUrl()
    {
        const Reply r = m_http("GET", QStringLiteral("/zoho/us/api/crm/v2/Leads?fields=Last_Name"),
                               {{"Authorization", "Zoho-oauthtoken " + m_ana.accessToken().toLatin1()}}, {});
        QCOMPARE(r.status, 404);
        QVERIFY(isCrmEnvelope(r.object(), QStringLiteral("INVALID_URL_PATTERN")));
    }

    void recordsCarryOnlyTheRequestedFields()
    {
        const Reply r =
            crmGet(m_http, m_ana.apiPath(),
                   QStringLiteral("Leads?fields=Last_Name,Email,Owner,Modified_Time&per_page=5"), m_ana.accessToken());
        QCOMPARE(r.status, 200);
        const QJsonArray data = r.object().value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 5);
        for (const QJsonValue &v : data) {
            const QJsonObject row = v.toObject();
            QStringList keys = row.keys();
            keys.sort();
            QCOMPARE(keys,
                     QStringList({QStringLiteral("Email"), QStringLiteral("Last_Name"), QStringLiteral("Modified_Time"),
                                  QStringLiteral("Owner"), QStringLiteral("id")}));
            QVERIFY(QRegularExpression(QStringLiteral("^\\d{18}$"))
                        .match(row.value(QStringLiteral("id")).toString())
                        .hasMatch());
            const QJsonObject owner = row.value(QStringLiteral("Owner")).toObject();
            QVERIFY(!owner.value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(!owner.value(QStringLiteral("id")).toString().isEmpty());
            QVERIFY(owner.value(QStringLiteral("email")).toString().contains(QLatin1Char('@')));
            QVERIFY(
                QDateTime::fromString(row.value(QStringLiteral("Modified_Time")).toString(), Qt::ISODate).isValid());
        }
        const QJsonObject info = r.object().value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("per_page")).toInt(), 5);
        QCOMPARE(info.value(QStringLiteral("count")).toInt(), 5);
        QCOMPARE(info.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("more_records")).toBool(), true);
        QVERIFY(!info.value(QStringLiteral("next_page_token")).toString().isEmpty());
        QVERIFY(
            QDateTime::fromString(info.value(QStringLiteral("page_token_expiry")).toString(), Qt::ISODate).isValid());
        QCOMPARE(info.value(QStringLiteral("sort_by")).toString(), QStringLiteral("id"));
        QCOMPARE(info.value(QStringLiteral("sort_order")).toString(), QStringLiteral("desc"));
    }

    void discretePagesVisitEveryLeadOnce()
    {
        const QStringList big = allLeadIds();
        QVERIFY(big.size() >= 450);
        QCOMPARE(QSet<QString>(big.begin(), big.end()).size(), big.size());

        QStringList small;
        for (int page = 1;; ++page) {
            QVERIFY(page <= 20);
            const Reply r =
                crmGet(m_http, m_ana.apiPath(), QStringLiteral("Leads?fields=Email&per_page=37&page=%1").arg(page),
                       m_ana.accessToken());
            QCOMPARE(r.status, 200);
            const QJsonObject info = r.object().value(QStringLiteral("info")).toObject();
            QCOMPARE(info.value(QStringLiteral("page")).toInt(), page);
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
                small.append(row.toObject().value(QStringLiteral("id")).toString());
            if (!info.value(QStringLiteral("more_records")).toBool())
                break;
        }
        QCOMPARE(small, big);
    }

    void pageTokensContinueAndAreBound()
    {
        const QString query =
            QStringLiteral("Leads?fields=Last_Name,Email&per_page=150&sort_by=Modified_Time&sort_order=asc");
        QStringList ids;
        QString token;
        Reply r = crmGet(m_http, m_ana.apiPath(), query, m_ana.accessToken());
        for (int guard = 0; guard < 10; ++guard) {
            QCOMPARE(r.status, 200);
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
                ids.append(row.toObject().value(QStringLiteral("id")).toString());
            const QJsonObject info = r.object().value(QStringLiteral("info")).toObject();
            if (!info.value(QStringLiteral("more_records")).toBool()) {
                QVERIFY(info.value(QStringLiteral("next_page_token")).isNull());
                break;
            }
            token = info.value(QStringLiteral("next_page_token")).toString();
            QVERIFY(!token.isEmpty());
            r = crmGet(m_http, m_ana.apiPath(), query + QStringLiteral("&page_token=") + token, m_ana.accessToken());
        }
        QStringList expected = allLeadIds();
        QCOMPARE(ids.size(), expected.size());
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()), QSet<QString>(expected.begin(), expected.end()));

        // The last token used, with other parameters than it was issued for.
        const QStringList mismatches = {
            QStringLiteral("Leads?fields=Last_Name&per_page=150&sort_by=Modified_Time&sort_order=asc"),
            QStringLiteral("Leads?fields=Last_Name,Email&per_page=150&sort_by=Modified_Time&sort_order=desc"),
            QStringLiteral("Leads?fields=Last_Name,Email&per_page=150&sort_by=id&sort_order=asc"),
            QStringLiteral("Contacts?fields=Last_Name,Email&per_page=150&sort_by=Modified_Time&sort_order=asc"),
        };
        for (const QString &other : mismatches) {
            r = crmGet(m_http, m_ana.apiPath(), other + QStringLiteral("&page_token=") + token, m_ana.accessToken());
            QCOMPARE(r.status, 400);
            QVERIFY2(isCrmEnvelope(r.object(), QStringLiteral("TOKEN_BOUND_DATA_MISMATCH")), qPrintable(other));
            QCOMPARE(r.object().value(QStringLiteral("details")).toObject(),
                     QJsonObject({{QStringLiteral("param_name"), QStringLiteral("page_token")}}));
        }
        // The same fields in another order are the same request.
        r = crmGet(m_http, m_ana.apiPath(),
                   QStringLiteral(
                       "Leads?fields=Email,Last_Name&per_page=150&sort_by=Modified_Time&sort_order=asc&page_token=") +
                       token,
                   m_ana.accessToken());
        QCOMPARE(r.status, 200);
    }

    void sortByModifiedTime()
    {
        const Reply r = crmGet(m_http, m_ana.apiPath(),
                               QStringLiteral("Leads?fields=Modified_Time&sort_by=Modified_Time&sort_order=asc"),
                               m_ana.accessToken());
        QCOMPARE(r.status, 200);
        QDateTime previous;
        for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray()) {
            const QDateTime t =
                QDateTime::fromString(row.toObject().value(QStringLiteral("Modified_Time")).toString(), Qt::ISODate);
            QVERIFY(t.isValid());
            if (previous.isValid())
                QVERIFY(previous <= t);
            previous = t;
        }
        const Reply desc =
            crmGet(m_http, m_ana.apiPath(), QStringLiteral("Leads?fields=Created_Time&sort_by=Created_Time&per_page=2"),
                   m_ana.accessToken());
        const QJsonArray two = desc.object().value(QStringLiteral("data")).toArray();
        QVERIFY(
            QDateTime::fromString(two.at(0).toObject().value(QStringLiteral("Created_Time")).toString(), Qt::ISODate) >=
            QDateTime::fromString(two.at(1).toObject().value(QStringLiteral("Created_Time")).toString(), Qt::ISODate));
    }

    void ifModifiedSinceFilters()
    {
        QList<QDateTime> times;
        for (int page = 1; page <= 3; ++page) {
            const Reply r = crmGet(m_http, m_ana.apiPath(),
                                   QStringLiteral("Leads?fields=Modified_Time&page=%1").arg(page), m_ana.accessToken());
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
                times.append(QDateTime::fromString(row.toObject().value(QStringLiteral("Modified_Time")).toString(),
                                                   Qt::ISODate));
        }
        QVERIFY(times.size() >= 450);
        std::sort(times.begin(), times.end());
        const QDateTime cutoff = times.at(times.size() / 2);
        const int expected =
            int(std::count_if(times.begin(), times.end(), [&](const QDateTime &t) { return t > cutoff; }));
        QVERIFY(expected > 0 && expected < times.size());

        // Sent with an offset other than the data's, as a client in India would.
        const QByteArray header = cutoff.toOffsetFromUtc(5 * 3600 + 1800).toString(Qt::ISODate).toLatin1();
        QVERIFY(header.endsWith("+05:30"));
        int seen = 0;
        for (int page = 1; page <= 3; ++page) {
            const Reply r =
                crmGet(m_http, m_ana.apiPath(), QStringLiteral("Leads?fields=Modified_Time&page=%1").arg(page),
                       m_ana.accessToken(), {{"If-Modified-Since", header}});
            if (r.status == 204)
                break;
            QCOMPARE(r.status, 200);
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray()) {
                QVERIFY(QDateTime::fromString(row.toObject().value(QStringLiteral("Modified_Time")).toString(),
                                              Qt::ISODate) > cutoff);
                ++seen;
            }
            if (!r.object().value(QStringLiteral("info")).toObject().value(QStringLiteral("more_records")).toBool())
                break;
        }
        QCOMPARE(seen, expected);

        const QByteArray later = times.last().addSecs(1).toString(Qt::ISODate).toLatin1();
        const Reply none = crmGet(m_http, m_ana.apiPath(), QStringLiteral("Leads?fields=Modified_Time"),
                                  m_ana.accessToken(), {{"If-Modified-Since", later}});
        QCOMPARE(none.status, 304);
        QVERIFY(none.body.isEmpty());

        const Reply bad = crmGet(m_http, m_ana.apiPath(), QStringLiteral("Leads?fields=Modified_Time"),
                                 m_ana.accessToken(), {{"If-Modified-Since", "yesterday"}});
        QCOMPARE(bad.status, 400);
    }

    void emptyModuleAnswers204()
    {
        const Reply r =
            crmGet(m_http, m_ana.apiPath(), QStringLiteral("Vendors?fields=Vendor_Name"), m_ana.accessToken());
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
    }

    void otherModulesHaveRecords()
    {
        for (const QString &path :
             {QStringLiteral("Contacts?fields=Full_Name,Account_Name"), QStringLiteral("Accounts?fields=Account_Name"),
              QStringLiteral("Deals?fields=Deal_Name,Amount,Stage"), QStringLiteral("Campaigns?fields=Campaign_Name"),
              QStringLiteral("Tasks?fields=Subject"), QStringLiteral("Subscriptions?fields=Name,Features,Annual_Value"),
              QStringLiteral("deals_x_contacts?fields=Role")}) {
            const Reply r = crmGet(m_http, m_ana.apiPath(), path, m_ana.accessToken());
            QCOMPARE(r.status, 200);
            QVERIFY2(r.object().value(QStringLiteral("data")).toArray().size() >= 10, qPrintable(path));
        }
        const Reply contacts = crmGet(m_http, m_ana.apiPath(),
                                      QStringLiteral("Contacts?fields=Account_Name&per_page=1"), m_ana.accessToken());
        const QJsonObject account = contacts.object()
                                        .value(QStringLiteral("data"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("Account_Name"))
                                        .toObject();
        QVERIFY(!account.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(!account.value(QStringLiteral("name")).toString().isEmpty());
    }

    void seedIsDeterministic()
    {
        DirectSandbox a;
        DirectSandbox b;
        const auto firstPage = [](DirectSandbox &s) {
            const QJsonObject creds = s.service->credentials();
            Consent c;
            c.accessType = QStringLiteral("online");
            const ConsentResult consent =
                runConsent(s.transport(), creds.value(QStringLiteral("clientId")).toString(), c);
            const Reply tokens =
                tokenCall(s.transport(), QStringLiteral("us"),
                          {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                           {QStringLiteral("client_id"), creds.value(QStringLiteral("clientId")).toString()},
                           {QStringLiteral("client_secret"), creds.value(QStringLiteral("clientSecret")).toString()},
                           {QStringLiteral("redirect_uri"), kDefaultRedirect},
                           {QStringLiteral("code"), consent.value(QStringLiteral("code"))}});
            return crmGet(s.transport(), QStringLiteral("/zoho/us/api"),
                          QStringLiteral("Leads?fields=Last_Name,Email,Owner,Annual_Revenue,Modified_Time&per_page=50"),
                          tokens.object().value(QStringLiteral("access_token")).toString())
                .object()
                .value(QStringLiteral("data"));
        };
        const QJsonValue one = firstPage(a);
        QCOMPARE(one.toArray().size(), 50);
        QCOMPARE(firstPage(b), one);
    }
};

QTEST_GUILESS_MAIN(TestSandboxZoho)
#include "tst_sandbox_zoho.moc"
