// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdobeTestRig.h"

namespace zaw::test {

AdobeRig::AdobeRig(SandboxFixture &f)
    : endpoints(f.endpoints())
    , ims(&http, endpoints)
    , platform(&http, &ims, &session, endpoints)
    , flows(&platform)
    , catalog(&platform)
    , schemas(&platform)
    , prep(&platform)
    , sandboxes(&platform)
{
    const QJsonObject adobe = f.credentials().value(QStringLiteral("adobe")).toObject();
    session.clientId = adobe.value(QStringLiteral("clientId")).toString();
    session.clientSecret = adobe.value(QStringLiteral("clientSecret")).toString();
    session.orgId = adobe.value(QStringLiteral("orgId")).toString();
    session.sandboxName = QStringLiteral("prod");
}

net::Error awaitError(std::function<void(QObject *, std::function<void(const net::Error &)>)> start, int timeoutMs)
{
    net::Error out;
    bool done = false;
    QObject context;
    start(&context, [&](const net::Error &e) {
        out = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qFatal("call did not finish");
    return out;
}

} // namespace zaw::test
