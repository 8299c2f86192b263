// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "zoho/ZohoAuthClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace zaw::net {
class HttpClient;
struct HttpResponse;
} // namespace zaw::net

namespace zaw::zoho {

struct ZohoUser
{
    QString id, fullName, email, zuid, status, role, profile;
};

struct ZohoOrg
{
    QString id, companyName, domainName, edition, environment, timeZone, currency, country;
};

struct ZohoModule
{
    QString apiName, pluralLabel, singularLabel, generatedType;
    bool apiSupported = false;
};

struct ZohoField
{
    QString apiName, label, dataType, jsonType;
    bool custom = false;
    bool readOnly = false;
    QJsonObject raw;
};

struct ZohoRecordsPage
{
    QJsonArray records;
    bool moreRecords = false;
    QString nextPageToken;
    int page = 1;
};

// One COQL answer (POST /crm/v8/coql). A 204 (nothing matched) is an empty page.
struct CoqlPage
{
    QJsonArray records;
    bool moreRecords = false;
    int count = 0;
};

// One entry of GET /crm/v8/{module}/deleted.
struct DeletedRecord
{
    QString id, displayName, type; // type: recycle or permanent
    QDateTime deletedTime;         // UTC
};

struct DeletedPage
{
    QList<DeletedRecord> records;
    bool moreRecords = false;
};

// A CRM call as ZohoCrmClient::send() makes it: path from the api_domain ("/crm/v8/coql",
// "/crm/bulk/v8/read"), JSON body when not undefined, extra headers, and optionally a file the
// 2xx answer is streamed to (HttpRequest::downloadFile).
struct CrmRequest
{
    QByteArray method = "GET";
    QString path;
    QUrlQuery query;
    QJsonValue body = QJsonValue(QJsonValue::Undefined);
    QList<QPair<QByteArray, QByteArray>> headers;
    QString downloadFile;
    bool idempotent = true;
    int maxAttempts = 4;
};

// Zoho CRM v8 at the session's api_domain: the calls the wizard needs to verify an account and
// look at its data. Refreshes the access token when it is about to expire, and once more when
// CRM answers INVALID_TOKEN.
class ZohoCrmClient : public QObject
{
    Q_OBJECT

public:
    ZohoCrmClient(net::HttpClient *http, ZohoAuthClient *auth, ZohoSession *session, QObject *parent = nullptr);

    void currentUser(QObject *context, std::function<void(const ZohoUser &, const net::Error &)> done);
    void organization(QObject *context, std::function<void(const ZohoOrg &, const net::Error &)> done);
    // Modules that can be read through the API (api_supported, not linking modules).
    void modules(QObject *context, std::function<void(const QList<ZohoModule> &, const net::Error &)> done);
    void fields(const QString &module, QObject *context,
                std::function<void(const QList<ZohoField> &, const net::Error &)> done);
    // One page of records (fields: at most 50, Zoho's limit).
    void records(const QString &module, const QStringList &fields, int page, int perPage, const QString &pageToken,
                 QObject *context, std::function<void(const ZohoRecordsPage &, const net::Error &)> done);

    // COQL (scope ZohoCRM.coql.READ). A syntax or column error is an Input error naming Zoho's
    // words (code SYNTAX_ERROR, INVALID_QUERY, LIMIT_EXCEEDED …). 204 → empty page.
    void coql(const QString &selectQuery, QObject *context,
              std::function<void(const CoqlPage &, const net::Error &)> done);
    // Deleted records of a module, 200 per page (page from 1); ifModifiedSince invalid = all.
    // 204/304 → empty page.
    void deletedRecords(const QString &module, int page, const QDateTime &ifModifiedSince, QObject *context,
                        std::function<void(const DeletedPage &, const net::Error &)> done);
    // GET /crm/v8/{module}/actions/count.
    void recordCount(const QString &module, QObject *context, std::function<void(qint64, const net::Error &)> done);

    // Any CRM call, with the token refresh (and one more try on INVALID_TOKEN) and the CRM
    // error mapping of the calls above. For ZohoBulkRead.
    using Reply = std::function<void(const net::HttpResponse &, const net::Error &)>;
    void send(const CrmRequest &request, QObject *context, Reply done);

    // "2026-11-28T10:00:00+00:00": how COQL criteria take a date-time (always UTC).
    static QString coqlDateTime(const QDateTime &t);
    // API credits one COQL call costs by its LIMIT: 1–200 → 1, 201–1000 → 2, 1001–2000 → 3.
    static int coqlCredits(int limit);

    ZohoSession *session() const { return m_session; }
    ZohoAuthClient *auth() const { return m_auth; }
    net::HttpClient *http() const { return m_http; }

    // Maps a CRM error answer ({code, details, message, status}) to category and message.
    // path: relative to /crm/v8 ("/coql") or from the api_domain ("/crm/bulk/v8/read").
    static net::Error crmError(const net::HttpResponse &response, const QString &path);
    // The scope an endpoint needs, for "sign in again granting: …".
    static QString scopeFor(const QString &path);

    // The readers of the 2xx answers of the calls above (no I/O; public for the fuzz targets).
    static net::Error readCurrentUser(const net::HttpResponse &response, ZohoUser *user);
    static net::Error readOrganization(const net::HttpResponse &response, ZohoOrg *org);
    static QList<ZohoModule> readModules(const net::HttpResponse &response);
    static QList<ZohoField> readFields(const net::HttpResponse &response);
    static ZohoRecordsPage readRecordsPage(const net::HttpResponse &response, int page);
    static net::Error readCoqlPage(const net::HttpResponse &response, CoqlPage *page);
    // Entries older than ifModifiedSince (when valid) are left out.
    static DeletedPage readDeletedPage(const net::HttpResponse &response, const QDateTime &ifModifiedSince);
    static net::Error readRecordCount(const net::HttpResponse &response, qint64 *count);

private:
    void get(const QString &path, const QUrlQuery &query, QObject *context, Reply done);
    void sendOnce(const CrmRequest &request, QObject *context, Reply done, bool retried);

    net::HttpClient *m_http;
    ZohoAuthClient *m_auth;
    ZohoSession *m_session;
};

} // namespace zaw::zoho
