// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "zoho/ZohoAuthClient.h"

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

    // Maps a CRM error answer ({code, details, message, status}) to category and message.
    static net::Error crmError(const net::HttpResponse &response, const QString &path);
    // The scope an endpoint needs, for "sign in again granting: …".
    static QString scopeFor(const QString &path);

private:
    using Reply = std::function<void(const net::HttpResponse &, const net::Error &)>;
    void get(const QString &path, const QUrlQuery &query, QObject *context, Reply done, bool retried = false);

    net::HttpClient *m_http;
    ZohoAuthClient *m_auth;
    ZohoSession *m_session;
};

} // namespace zaw::zoho
