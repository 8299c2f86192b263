// SPDX-License-Identifier: GPL-3.0-or-later
// Clicks through the sandbox's Zoho consent page over HTTP, as a browser would: sign-in form,
// then the consent form (org picker, Accept or Deny). For core and command-line tests; the
// WebEngine tests drive the same page in a real browser.
#pragma once

#include "TestHttp.h"

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

} // namespace zaw::test
