// SPDX-License-Identifier: GPL-3.0-or-later
// The endpoints-file loader (Endpoints::fromJson, fromFile). Invariants: a refusal says why; an
// accepted file writes out (toJson) into a file that loads again to the same table; its lookups
// find their own data centres.
#include "FuzzCommon.h"

#include "endpoints/Endpoints.h"

#include <QFile>
#include <QTemporaryDir>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<Endpoints> e = Endpoints::fromJson(json, &error);
    if (!e) {
        ZAW_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    for (const DataCenter &dc : e->dataCenters()) {
        e->dataCenter(dc.code);
        e->dataCenterByAccounts(dc.accounts);
        CrmEnvironment env = CrmEnvironment::Production;
        e->dataCenterByApi(dc.api, &env);
        for (CrmEnvironment x : {CrmEnvironment::Production, CrmEnvironment::Sandbox, CrmEnvironment::Developer})
            Endpoints::join(dc.apiFor(x), QStringLiteral("/crm/v8/org"));
        Endpoints::isLoopbackHost(dc.accounts.host());
    }
    Endpoints::join(e->ims(), QStringLiteral("/ims/token/v3"));
    QString again;
    const std::optional<Endpoints> round = Endpoints::fromJson(e->toJson(), &again);
    if (!round)
        std::fprintf(stderr, "round trip refused: %s\n", qPrintable(again));
    ZAW_FUZZ_CHECK(round.has_value());
    ZAW_FUZZ_CHECK(round->dataCenters().size() == e->dataCenters().size());
    ZAW_FUZZ_CHECK(round->toJson() == e->toJson());
    return 0;
}
