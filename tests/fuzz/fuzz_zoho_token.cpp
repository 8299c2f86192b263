// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho's token endpoint answers (ZohoAuthClient::readTokenReply, tokenError). Input: one byte
// for the HTTP status, one for the data centre and exchange/refresh, then the body.
// Invariants: success stores an access token and an api domain of the session's own data
// centre (a reply naming another must never redirect the token); a failure stores nothing and
// says what to do.
#include "FuzzCommon.h"

#include "net/HttpClient.h"
#include "zoho/ZohoAuthClient.h"

#include <QJsonDocument>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Endpoints endpoints = Endpoints::production();
    static const int statuses[] = {200, 200, 200, 400, 401, 403, 429, 500, 503, 302};
    fuzz::Input in(data, size);
    const int status = statuses[in.byte() % 10];
    const uint8_t mode = in.byte();
    const bool exchange = mode & 1;
    const QList<DataCenter> &dcs = endpoints.dataCenters();
    const QString dcCode = (mode >> 1) % 16 < dcs.size() ? dcs.at((mode >> 1) % 16).code : QStringLiteral("zz");
    const QByteArray body = in.rest();

    zoho::ZohoSession session;
    session.dc = dcCode;
    session.refreshToken = QStringLiteral("1000.old-refresh");
    net::HttpResponse response;
    response.status = status;
    response.body = body;
    const net::Error e = zoho::ZohoAuthClient::readTokenReply(response.object(), status, endpoints, &session, exchange);
    if (e) {
        ZAW_FUZZ_CHECK(!e.message.isEmpty());
        if (session.accessToken.isEmpty())
            ZAW_FUZZ_CHECK(session.apiDomain.isEmpty());
    } else {
        ZAW_FUZZ_CHECK(!session.accessToken.isEmpty());
        const DataCenter *dc = endpoints.dataCenter(dcCode);
        ZAW_FUZZ_CHECK(dc != nullptr);
        CrmEnvironment env = CrmEnvironment::Production;
        ZAW_FUZZ_CHECK(endpoints.dataCenterByApi(session.apiDomain, &env) == dc);
        if (exchange)
            ZAW_FUZZ_CHECK(!session.refreshToken.isEmpty());
    }
    // The error mapper alone, with Zoho's words taken from the body.
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const net::Error t = zoho::ZohoAuthClient::tokenError(
        o.value(QStringLiteral("error")).toString(), o.value(QStringLiteral("error_description")).toString(), status);
    ZAW_FUZZ_CHECK(!t.message.isEmpty());
    return 0;
}
