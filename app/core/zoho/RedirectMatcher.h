// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoints/Endpoints.h"
#include "net/Error.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace zaw::zoho {

// What came back from Zoho's consent page through the registered redirect URI.
struct RedirectResult
{
    enum class Kind {
        NotOurs,  // another URL: let the browser go on (or 404 it in the loopback listener)
        Granted,  // code + state + location + accounts-server, all checked
        Denied,   // the user pressed Deny (error=access_denied)
        Rejected, // aimed at our redirect URI but unusable or forged: stop, never exchange
    };
    Kind kind = Kind::NotOurs;
    QString code;
    QString state;
    QString location;    // data-centre code of the user's home
    QUrl accountsServer; // the accounts URL of that data centre, checked against the table
    QString error;       // Zoho's error parameter
    QString errorDescription;
    net::Error problem; // for Denied and Rejected: what to tell the user
};

// Matches navigations and loopback requests against the registered redirect URI exactly
// (scheme, host, port, path) and reads Zoho's parameters leniently (encoded or not, a trailing
// '&'), but refuses a wrong state, a repeated parameter, or an accounts-server that is not the
// accounts URL of the data centre named by location (DESIGN §3): a forged redirect must never
// get the client secret sent anywhere.
class RedirectMatcher
{
    Q_DECLARE_TR_FUNCTIONS(zaw::zoho::RedirectMatcher)

public:
    RedirectMatcher(const QString &registeredRedirectUri, const QString &expectedState, const Endpoints &endpoints);

    // True when url points at the registered redirect URI (its query is not looked at).
    bool targetsRedirectUri(const QUrl &url) const;
    RedirectResult match(const QUrl &url) const;

    static bool isLoopbackRedirect(const QUrl &redirectUri); // http://127.0.0.1:PORT/… or localhost

private:
    QUrl m_registered;
    QString m_expectedState;
    Endpoints m_endpoints;
};

} // namespace zaw::zoho
