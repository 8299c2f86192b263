// SPDX-License-Identifier: GPL-3.0-or-later
// Adobe Experience Platform answers: the error reader of every service (PlatformClient::errorFrom,
// codeFromType), Flow Service lists (items, RunInfo, explore columns), the IMS token answer
// (ImsClient::readTokenReply), Catalog datasets and batch status (CatalogClient::readDataSets,
// BatchIngestionClient::readBatch/readBatches). Input: one byte for the status, a header line
// (x-request-id / Retry-After), then the body; every reader gets every body.
// Invariants: an error answer always yields an error with a message; a token is stored only
// from a 2xx answer; a batch always has an ID.
#include "FuzzCommon.h"

#include "adobe/BatchIngestionClient.h"
#include "adobe/CatalogClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "net/HttpClient.h"

#include <limits>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 200, 201, 204, 207, 400, 401, 403, 404, 409, 412, 422, 429, 500, 503};
    static const QUrl url(QStringLiteral("https://platform.adobe.io/data/foundation/flowservice/flows"));
    fuzz::Input in(data, size);
    net::HttpResponse r;
    r.status = statuses[in.byte() % 15];
    const QByteArray header = in.line();
    if (!header.isEmpty()) {
        r.headers.append({"x-request-id", header});
        r.headers.append({"Retry-After", header});
    }
    r.body = in.rest();

    if (r.status >= 400) {
        const net::Error e = adobe::PlatformClient::errorFrom(r, "POST", url);
        ZAW_FUZZ_CHECK(e.isError());
        ZAW_FUZZ_CHECK(!e.message.isEmpty());
        adobe::PlatformClient::errorFrom(r, "GET", url, QStringLiteral("Try something else."));
    }
    const QJsonObject o = r.object();
    adobe::PlatformClient::codeFromType(o.value(QStringLiteral("type")).toString());
    adobe::PlatformClient::codeFromType(QString::fromUtf8(r.body.left(200)));

    const QList<QJsonObject> items = adobe::PlatformClient::items(r);
    // An out-of-range JSON number cast to qint64 is undefined behaviour (x86 yields the minimum):
    // the readers must fall back instead.
    constexpr qint64 kUndefinedCast = std::numeric_limits<qint64>::min();
    for (const adobe::RunInfo &run : adobe::RunInfo::listFromJson(items)) {
        ZAW_FUZZ_CHECK(run.inputRecords != kUndefinedCast && run.outputRecords != kUndefinedCast &&
                       run.failedRecords != kUndefinedCast);
        run.isFinished();
        run.isFailed();
    }
    adobe::FlowServiceClient::readColumns(o);

    adobe::AdobeSession session;
    const net::Error tokenError = adobe::ImsClient::readTokenReply(r, url, &session);
    if (tokenError) {
        ZAW_FUZZ_CHECK(session.accessToken.isEmpty());
        ZAW_FUZZ_CHECK(!tokenError.message.isEmpty());
    } else {
        ZAW_FUZZ_CHECK(r.isSuccess() && !session.accessToken.isEmpty());
        session.hasFreshToken();
    }

    for (const adobe::DataSetInfo &d : adobe::CatalogClient::readDataSets(o))
        adobe::CatalogClient::dataSetIdFromRef(d.id);
    adobe::CatalogClient::dataSetIdFromRef(QString::fromUtf8(r.body.left(200)));
    const QString batchId = QStringLiteral("01JBATCH0000000000000000");
    const adobe::IngestBatch b = adobe::BatchIngestionClient::readBatch(batchId, o);
    ZAW_FUZZ_CHECK(!b.id.isEmpty());
    ZAW_FUZZ_CHECK(b.inputRecordCount != kUndefinedCast && b.outputRecordCount != kUndefinedCast &&
                   b.failedRecordCount != kUndefinedCast);
    adobe::BatchIngestionClient::isFinal(b.status);
    adobe::BatchIngestionClient::isSuccess(b.status);
    for (const adobe::IngestBatch &x : adobe::BatchIngestionClient::readBatches(o, QStringLiteral("zaep:1:Leads:x")))
        ZAW_FUZZ_CHECK(x.externalId.isEmpty() || x.externalId == QLatin1String("zaep:1:Leads:x"));
    return 0;
}
