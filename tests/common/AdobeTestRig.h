// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the Adobe and setup suites: the sandbox's demo Adobe credential with every client on
// top of it, and small helpers that wait for one asynchronous call of the core.
#pragma once

#include "TestHttp.h"
#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SandboxManagementClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "net/Error.h"
#include "net/HttpClient.h"

#include <QObject>
#include <QTest>

#include <functional>
#include <utility>

namespace zaw::test {

// One Adobe credential (the sandbox's demo one, sandbox "prod") and its clients, as the wizard's
// controller holds them.
struct AdobeRig
{
    explicit AdobeRig(SandboxFixture &f);

    net::HttpClient http;
    Endpoints endpoints;
    adobe::AdobeSession session;
    adobe::ImsClient ims;
    adobe::PlatformClient platform;
    adobe::FlowServiceClient flows;
    adobe::CatalogClient catalog;
    adobe::SchemaRegistryClient schemas;
    adobe::DataPrepClient prep;
    adobe::SandboxManagementClient sandboxes;
};

// A call that did not answer in timeoutMs: fails the current test, naming the caller's file and
// line (what was awaited), and gives the error the awaiting helpers return then.
net::Error awaitTimedOut(int timeoutMs, const char *file, int line);

// Starts a call with a context of its own and waits for its (value, error) answer. No answer in
// timeoutMs fails the current test (QTest::qFail at the caller's line) and returns an error, so
// that a caller checking the error stops too; the answer is dropped with the context.
template <typename T>
std::pair<T, net::Error> await(std::function<void(QObject *, std::function<void(const T &, const net::Error &)>)> start,
                               int timeoutMs = 30000, const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    std::pair<T, net::Error> out;
    bool done = false;
    QObject context;
    start(&context, [&](const T &value, const net::Error &e) {
        out = {value, e};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        out = {T{}, awaitTimedOut(timeoutMs, file, line)};
    return out;
}

// The same for calls that answer with an error only.
net::Error awaitError(std::function<void(QObject *, std::function<void(const net::Error &)>)> start,
                      int timeoutMs = 30000, const char *file = __builtin_FILE(), int line = __builtin_LINE());

} // namespace zaw::test
