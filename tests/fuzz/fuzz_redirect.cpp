// SPDX-License-Identifier: GPL-3.0-or-later
// The redirect matcher (zoho/RedirectMatcher): what a browser navigation or a loopback request
// delivers. Input: the URL (first line); the first byte picks the registered redirect URI.
// Invariants: only a URL aimed at the registered URI is ever more than NotOurs, and a Granted
// result carries the expected state, a code, and the accounts URL of its own data centre.
#include "FuzzCommon.h"

#include "endpoints/Endpoints.h"
#include "zoho/RedirectMatcher.h"

#include <QUrl>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Endpoints endpoints = Endpoints::production();
    static const QString registered[] = {
        QStringLiteral("http://127.0.0.1:53682/callback"),
        QStringLiteral("http://localhost:53682/callback"),
        QStringLiteral("https://www.zylker.com/callback"),
        QStringLiteral("https://oauth.pstmn.io/v1/browser-callback"),
    };
    static const QString state = QStringLiteral("s7Kx-2f9QeW_0pL3");
    fuzz::Input in(data, size);
    const QString redirect = registered[in.byte() % 4];
    const QByteArray raw = in.line();
    zoho::RedirectMatcher matcher(redirect, state, endpoints);
    for (const QUrl &url :
         {QUrl(QString::fromUtf8(raw)), QUrl::fromEncoded(raw), QUrl(QString::fromUtf8(raw), QUrl::StrictMode)}) {
        const bool targets = matcher.targetsRedirectUri(url);
        const zoho::RedirectResult r = matcher.match(url);
        zoho::RedirectMatcher::isLoopbackRedirect(url);
        if (r.kind != zoho::RedirectResult::Kind::NotOurs)
            ZAW_FUZZ_CHECK(targets);
        if (r.kind == zoho::RedirectResult::Kind::Granted) {
            ZAW_FUZZ_CHECK(r.state == state);
            ZAW_FUZZ_CHECK(!r.code.isEmpty());
            const DataCenter *dc = endpoints.dataCenter(r.location);
            ZAW_FUZZ_CHECK(dc != nullptr);
            ZAW_FUZZ_CHECK(Endpoints::sameBase(dc->accounts, r.accountsServer));
            ZAW_FUZZ_CHECK(r.accountsServer.scheme() == QLatin1String("https"));
        }
        if (r.kind == zoho::RedirectResult::Kind::Rejected || r.kind == zoho::RedirectResult::Kind::Denied)
            ZAW_FUZZ_CHECK(!r.problem.message.isEmpty());
    }
    return 0;
}
