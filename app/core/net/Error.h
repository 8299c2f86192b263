// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace zaw::net {

// What kind of trouble, so that callers (and users) know what to do next (STYLE: "sign in
// again" vs "not supported" vs "this is a bug"). A user's cancel is not an error.
enum class ErrorCategory {
    None,
    Network,      // no connection, DNS, TLS, proxy, timeout, dropped reply
    SignInNeeded, // credentials missing, expired, revoked or wrong
    Permission,   // signed in, but not allowed (scopes, profile, product entitlement)
    Input,        // the request was wrong: a value the user can change
    Conflict,     // changed elsewhere meanwhile (stale etag), already exists, in use
    RateLimit,    // too many requests; try later
    Server,       // the service failed
    Bug,          // should not happen: unexpected answer or misuse
    Cancelled,    // the user or the program stopped it
};

QString categoryName(ErrorCategory category);        // stable English identifier for JSON output
ErrorCategory categoryFromName(const QString &name); // the reverse; unknown names give Bug

// The one error type of the core: a translated message for people, and the technical detail for
// "Copy details". Never holds a secret.
struct Error
{
    ErrorCategory category = ErrorCategory::None;
    QString message; // translated; says what happened and what to do
    int httpStatus = 0;
    QString code;      // the service's own error code (e.g. INVALID_TOKEN, 1404-412, invalid_code)
    QString requestId; // as answered by the service
    QString detail;    // technical text: URL without query, service message

    bool isError() const { return category != ErrorCategory::None; }
    explicit operator bool() const { return isError(); }
    // Multi-line technical summary for the clipboard.
    QString technicalDetails() const;

    static Error make(ErrorCategory category, const QString &message, const QString &detail = {});
};

} // namespace zaw::net

Q_DECLARE_METATYPE(zaw::net::Error)
