// SPDX-License-Identifier: GPL-3.0-or-later
// What the consent browser lets through to the operating system and which sign-in hosts it
// trusts. Plain functions without Qt WebEngine or the core libraries, so they are unit-tested
// on their own (tests/wizard/tst_consent_policy.cpp) and used by the plugin and the wizard alike.
#pragma once

#include "ConsentBrowser.h"

#include <QStringList>
#include <QUrl>

namespace zaw {

// The only gate before a URL is handed to the system browser (QDesktopServices::openUrl):
// https with a host and no user info; plain http only to a loopback host when policy.allowLoopback.
// Every other scheme (file, javascript, data, made-up protocol handlers…) is refused.
ZAW_BROWSERAPI_EXPORT bool isAllowedExternalUrl(const QUrl &url, const ConsentPolicy &policy);

// Whether a page host is one the user may safely sign in on: an accounts host of the table, a
// known identity provider (Zoho, Google, Microsoft, Apple, LinkedIn, Facebook, Twitter/X,
// Yahoo) over https, or the loopback sandbox when policy.allowLoopback.
ZAW_BROWSERAPI_EXPORT bool isTrustedSignInUrl(const QUrl &url, const ConsentPolicy &policy);

// "https://accounts.zoho.eu" (scheme, host and a non-default port): what the address line shows.
ZAW_BROWSERAPI_EXPORT QString addressLineText(const QUrl &url);

// True for 127.0.0.1/8, ::1 and localhost.
ZAW_BROWSERAPI_EXPORT bool isLoopbackHostName(const QString &host);

} // namespace zaw
