// SPDX-License-Identifier: GPL-3.0-or-later
// Clicks through the sandbox's Zoho consent page over HTTP, as a browser would: sign-in form,
// then the consent form (org picker, Accept or Deny). For core and command-line tests; the
// WebEngine tests drive the same page in a real browser. signInToZoho adds the code exchange: the
// Zoho session the wizard's Sign in page ends with.
#pragma once

#include "TestHttp.h"

namespace zaw::zoho {
class ZohoAuthClient;
struct ZohoSession;
} // namespace zaw::zoho

namespace zaw::test {

struct ConsentOutcome
{
    int status = 0;  // of the last answer: 302 when Zoho redirected back
    QUrl redirect;   // the Location of that 302
    QByteArray page; // the last HTML page when there was no redirect
};

// authUrl: the full consent URL; login: a demo user; org: an org id for users with several orgs
// (empty: the first one); decision: "accept" or "deny".
ConsentOutcome runConsent(Http &http, const QUrl &authUrl, const QString &login, const QString &org = {},
                          const QString &decision = QStringLiteral("accept"));

// One consent as the wizard runs it with the sandbox's demo Zoho client (demoZohoCredentials: its
// "zoho" credentials; server-based, starting at the "us" data centre), clicked through over http
// as login, then the code exchanged at the user's home data centre. *session is reset to the demo
// client's ID and secret, then filled with the tokens. auth: the client that exchanges the code
// (null: one of its own). False, with the reason in *error, when any step fails.
bool signInToZoho(Http &http, const Endpoints &endpoints, const QJsonObject &demoZohoCredentials, const QString &login,
                  zoho::ZohoSession *session, QString *error = nullptr, zoho::ZohoAuthClient *auth = nullptr);

} // namespace zaw::test
