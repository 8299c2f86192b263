// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentDriver.h"

#include "net/HttpClient.h"
#include "zoho/AuthorizationRequest.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"

#include <QRegularExpression>
#include <QTest>

namespace zaw::test {

namespace {

QString inputValue(const QByteArray &page, const QString &name)
{
    const QRegularExpression re(QStringLiteral("name=\"%1\"[^>]*value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(page)).captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

QUrl formAction(const QByteArray &page, const QUrl &pageUrl)
{
    const QRegularExpression re(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    const QString action =
        re.match(QString::fromUtf8(page)).captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return action.isEmpty() ? pageUrl : pageUrl.resolved(QUrl(action));
}

HttpResult postForm(Http &http, const QUrl &url, const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery form;
    for (const auto &f : fields)
        form.addQueryItem(f.first, f.second);
    return http.postForm(url, form);
}

} // namespace

ConsentOutcome runConsent(Http &http, const QUrl &authUrl, const QString &login, const QString &org,
                          const QString &decision)
{
    ConsentOutcome out;
    HttpResult page = http.get(authUrl);
    out.status = page.status;
    out.page = page.body;
    const QString tx = inputValue(page.body, QStringLiteral("tx"));
    if (page.status != 200 || tx.isEmpty())
        return out;
    const QUrl signInAction = formAction(page.body, authUrl);
    page = postForm(http, signInAction, {{QStringLiteral("tx"), tx}, {QStringLiteral("login"), login}});
    out.status = page.status;
    out.page = page.body;
    if (page.status != 200 || !page.body.contains("name=\"decision\""))
        return out;
    QList<QPair<QString, QString>> fields{{QStringLiteral("tx"), inputValue(page.body, QStringLiteral("tx"))},
                                          {QStringLiteral("login"), login},
                                          {QStringLiteral("decision"), decision}};
    if (page.body.contains("name=\"org\"")) {
        QString chosen = org;
        if (chosen.isEmpty()) {
            const QRegularExpression re(QStringLiteral("<option[^>]*value=\"([^\"]+)\""));
            chosen = re.match(QString::fromUtf8(page.body)).captured(1);
        }
        fields.append({QStringLiteral("org"), chosen});
    }
    page = postForm(http, formAction(page.body, signInAction), fields);
    out.status = page.status;
    out.page = page.body;
    if (page.status == 302)
        out.redirect = QUrl::fromEncoded(page.header("Location"));
    return out;
}

bool signInToZoho(Http &http, const Endpoints &endpoints, const QJsonObject &demoZohoCredentials, const QString &login,
                  zoho::ZohoSession *session, QString *error, zoho::ZohoAuthClient *auth)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const QString clientId = demoZohoCredentials.value(QStringLiteral("clientId")).toString();
    zoho::AuthorizationRequest request(endpoints.dataCenter(QStringLiteral("us"))->accounts, clientId,
                                       demoZohoCredentials.value(QStringLiteral("redirectUri")).toString(),
                                       zoho::defaultScopes(), zoho::ClientType::Server);
    const ConsentOutcome outcome = runConsent(http, request.url(), login);
    if (outcome.status != 302)
        return fail(QStringLiteral("the sandbox's Zoho consent answered %1 instead of a redirect").arg(outcome.status));
    zoho::RedirectMatcher matcher(request.redirectUri(), request.state(), endpoints);
    const zoho::RedirectResult grant = matcher.match(outcome.redirect);
    if (grant.kind != zoho::RedirectResult::Kind::Granted)
        return fail(QStringLiteral("the consent's redirect carries no grant: %1").arg(outcome.redirect.toString()));

    *session = {};
    session->clientId = clientId;
    session->clientSecret = demoZohoCredentials.value(QStringLiteral("clientSecret")).toString();
    net::HttpClient ownHttp;
    zoho::ZohoAuthClient ownAuth(&ownHttp, endpoints);
    bool done = false;
    net::Error failure;
    QObject context;
    (auth ? auth : &ownAuth)
        ->exchange(grant, request.redirectUri(), request.codeVerifier(), session, &context, [&](const net::Error &e) {
            failure = e;
            done = true;
        });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return fail(QStringLiteral("the Zoho code exchange did not answer"));
    if (failure) {
        QString reason = QStringLiteral("Zoho code exchange: %1").arg(failure.message);
        if (failure.httpStatus)
            reason += QStringLiteral(" [HTTP %1]").arg(failure.httpStatus);
        if (!failure.code.isEmpty())
            reason += QStringLiteral(" [%1]").arg(failure.code);
        return fail(reason);
    }
    return true;
}

} // namespace zaw::test
