// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho Accounts: the consent page (sign-in, org choice, accept/deny) and grant codes.
#include "ZohoState.h"

namespace zaw::sandbox::zoho {

void ZohoState::registerAccountsRoutes(Router &router)
{
    const QString accounts = kDcPattern + QStringLiteral("/accounts/oauth");
    router.add("GET", accounts + QStringLiteral("/v2/auth"), [this](const Request &r) { return authGet(r); });
    router.add("POST", accounts + QStringLiteral("/v2/auth"), [this](const Request &r) { return authPost(r); });
    // The sign-in page's help link opens in a new window (the wizard sends those to the system browser).
    router.add("GET", accounts + QStringLiteral("/v2/help"), [](const Request &) {
        return Response::html(htmlPage(QStringLiteral("Help - Zoho Accounts (sandbox)"),
                                       QStringLiteral("<h1>Signing in to the sandbox</h1><p>Enter the e-mail address "
                                                      "of a demo account; the sandbox asks for no password.</p>")));
    });
}

Response ZohoState::errorPage(const QString &title, const QString &message, int status) const
{
    const QString body = QStringLiteral("<p class=\"brand\">Zoho Accounts &middot; sandbox</p>\n<h1>%1</h1>\n"
                                        "<p class=\"error\" role=\"alert\">%2</p>\n"
                                        "<p>Go back to the application and start the sign-in again.</p>\n")
                             .arg(title.toHtmlEscaped(), message.toHtmlEscaped());
    return Response::html(htmlPage(title, body), status);
}

Response ZohoState::loginPage(const QString &action, const QString &tx, const QString &login,
                              const QString &error) const
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
        body += QStringLiteral("<p class=\"error\" role=\"alert\" id=\"error\">%1</p>\n").arg(error.toHtmlEscaped());
    body += QStringLiteral(
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

Response ZohoState::consentPage(const QString &action, const QString &tx, const Transaction &t, const SeedUser &user,
                                const QString &error) const
{
    QString body =
        QStringLiteral("<p class=\"brand\">Zoho Accounts &middot; sandbox</p>\n<h1>Allow access?</h1>\n"
                       "<p><strong>%1</strong> asks for access to the Zoho account <strong>%2</strong>.</p>\n")
            .arg(kClientName.toHtmlEscaped(), user.login.toHtmlEscaped());
    if (!error.isEmpty())
        body += QStringLiteral("<p class=\"error\" role=\"alert\" id=\"error\">%1</p>\n").arg(error.toHtmlEscaped());
    body += QStringLiteral("<form method=\"post\" action=\"%1\">\n"
                           "<input type=\"hidden\" name=\"tx\" id=\"tx\" value=\"%2\">\n"
                           "<input type=\"hidden\" name=\"login\" id=\"login\" value=\"%3\">\n")
                .arg(action.toHtmlEscaped(), tx.toHtmlEscaped(), user.login.toHtmlEscaped());
    if (user.orgs.size() > 1) {
        // Zoho binds the grant to one org and environment; the user picks it here.
        QString options;
        for (const SeedOrg &org : user.orgs) {
            options +=
                QStringLiteral("<option value=\"%1\">%2 (%3)</option>\n")
                    .arg(org.id.toHtmlEscaped(), org.companyName.toHtmlEscaped(), environmentLabel(org.environment));
        }
        body +=
            QStringLiteral("<label for=\"org\">Organization</label>\n<select name=\"org\" id=\"org\">\n%1</select>\n")
                .arg(options);
    } else if (!user.orgs.isEmpty()) {
        body +=
            QStringLiteral("<p>Organization: <strong>%1</strong> (%2)</p>\n")
                .arg(user.orgs.first().companyName.toHtmlEscaped(), environmentLabel(user.orgs.first().environment));
    }
    QString scopes;
    for (const QString &scope : t.scopes)
        scopes += QStringLiteral("<li>%1 <code>%2</code></li>\n")
                      .arg(describeScope(scope).toHtmlEscaped(), scope.toHtmlEscaped());
    body += QStringLiteral("<h2>The application will be able to:</h2>\n<ul class=\"scopes\">\n%1</ul>\n").arg(scopes);
    if (t.accessType == QLatin1String("offline"))
        body += QStringLiteral("<p>It keeps this access until you revoke it.</p>\n");
    body +=
        QStringLiteral("<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">Accept</button>\n"
                       "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n</form>\n");
    return Response::html(htmlPage(QStringLiteral("Allow access - Zoho Accounts (sandbox)"), body));
}

QUrl ZohoState::redirectWith(const QString &redirectUri, const QList<QPair<QString, QString>> &params) const
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

Response ZohoState::denyRedirect(const Transaction &t) const
{
    QList<QPair<QString, QString>> params{{QStringLiteral("error"), QStringLiteral("access_denied")}};
    if (t.hasState)
        params.append({QStringLiteral("state"), t.state});
    return Response::redirect(redirectWith(t.redirectUri, params));
}

Response ZohoState::authGet(const Request &r)
{
    const QString dc = r.capture(1);
    if (r.queryValue(QStringLiteral("client_id")) != clientId) {
        return errorPage(
            QStringLiteral("Invalid Client"),
            QStringLiteral("No application with this client ID is registered with Zoho Accounts in this data centre."));
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
                QStringLiteral("\"%1\" is not a valid scope. Scopes are comma-separated, like ZohoCRM.modules.READ.")
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
        return errorPage(QStringLiteral("Invalid Request"), QStringLiteral("access_type must be online or offline."));
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

Response ZohoState::authPost(const Request &r)
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

} // namespace zaw::sandbox::zoho
