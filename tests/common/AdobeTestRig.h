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

// Starts a call with a context of its own and waits for its (value, error) answer.
template <typename T>
std::pair<T, net::Error> await(std::function<void(QObject *, std::function<void(const T &, const net::Error &)>)> start,
                               int timeoutMs = 30000)
{
    std::pair<T, net::Error> out;
    bool done = false;
    QObject context;
    start(&context, [&](const T &value, const net::Error &e) {
        out = {value, e};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qFatal("call did not finish");
    return out;
}

// The same for calls that answer with an error only.
net::Error awaitError(std::function<void(QObject *, std::function<void(const net::Error &)>)> start,
                      int timeoutMs = 30000);

} // namespace zaw::test
