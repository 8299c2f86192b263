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

net::Error awaitTimedOut(int timeoutMs, const char *file, int line)
{
    const QString what =
        QStringLiteral("the asynchronous call started at %1:%2").arg(QString::fromUtf8(file)).arg(line);
    QTest::qFail(qPrintable(QStringLiteral("timed out after %1 ms waiting for %2").arg(timeoutMs).arg(what)), file,
                 line);
    return net::Error::make(net::ErrorCategory::Bug, QStringLiteral("no answer in %1 ms").arg(timeoutMs), what);
}

net::Error awaitError(std::function<void(QObject *, std::function<void(const net::Error &)>)> start, int timeoutMs,
                      const char *file, int line)
{
    net::Error out;
    bool done = false;
    QObject context;
    start(&context, [&](const net::Error &e) {
        out = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        return awaitTimedOut(timeoutMs, file, line);
    return out;
}

} // namespace zaw::test
