// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho CRM answers (ZohoCrmClient::read* and crmError): current user, org, modules, fields,
// records, COQL, deleted records, count, and error bodies with headers. Input: one byte picks the
// status, then a Retry-After line, then the body. Every reader gets every body.
// Invariants: a reader that succeeds names what it promises (user/org id); an error says what to do.
#include "FuzzCommon.h"

#include "net/HttpClient.h"
#include "zoho/ZohoCrmClient.h"

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 200, 200, 201, 204, 304, 400, 401, 403, 404, 429, 500, 502, 503};
    fuzz::Input in(data, size);
    net::HttpResponse r;
    r.status = statuses[in.byte() % 14];
    const QByteArray retryAfter = in.line();
    if (!retryAfter.isEmpty())
        r.headers.append({"Retry-After", retryAfter});
    r.body = in.rest();

    zoho::ZohoUser user;
    if (!zoho::ZohoCrmClient::readCurrentUser(r, &user))
        ZAW_FUZZ_CHECK(!user.id.isEmpty());
    zoho::ZohoOrg org;
    if (!zoho::ZohoCrmClient::readOrganization(r, &org))
        ZAW_FUZZ_CHECK(!org.id.isEmpty());
    for (const zoho::ZohoModule &m : zoho::ZohoCrmClient::readModules(r))
        ZAW_FUZZ_CHECK(m.apiSupported && m.generatedType != QLatin1String("linking"));
    zoho::ZohoCrmClient::readFields(r);
    zoho::ZohoCrmClient::readRecordsPage(r, 3);
    zoho::CoqlPage coql;
    const net::Error coqlError = zoho::ZohoCrmClient::readCoqlPage(r, &coql);
    if (coqlError)
        ZAW_FUZZ_CHECK(!coqlError.message.isEmpty());
    const QDateTime since = QDateTime::fromSecsSinceEpoch(1764324000, Qt::UTC);
    for (const zoho::DeletedRecord &d : zoho::ZohoCrmClient::readDeletedPage(r, since).records)
        ZAW_FUZZ_CHECK(!d.deletedTime.isValid() || d.deletedTime >= since);
    zoho::ZohoCrmClient::readDeletedPage(r, {});
    qint64 count = -1;
    const net::Error countError = zoho::ZohoCrmClient::readRecordCount(r, &count);
    if (countError)
        ZAW_FUZZ_CHECK(count == 0 && !countError.message.isEmpty());
    else if (r.object().value(QStringLiteral("count")).isDouble())
        ZAW_FUZZ_CHECK(count >= 0); // {"count":1e300} once came out negative (an undefined cast)
    for (const char *path : {"/coql", "/users", "/crm/bulk/v8/read", "/Leads/deleted"}) {
        const net::Error e = zoho::ZohoCrmClient::crmError(r, QString::fromLatin1(path));
        ZAW_FUZZ_CHECK(!e.message.isEmpty());
    }
    return 0;
}
