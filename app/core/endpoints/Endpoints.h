// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace zaw {

enum class CrmEnvironment { Production, Sandbox, Developer };

QString crmEnvironmentName(CrmEnvironment environment);  // stable identifier: production, sandbox, developer
QString crmEnvironmentLabel(CrmEnvironment environment); // translated, for people
std::optional<CrmEnvironment> crmEnvironmentFromName(const QString &name);

// One Zoho data centre: where consent and tokens live (accounts) and where CRM answers (api).
// sandboxApi / developerApi are empty when that CRM environment is not offered.
struct DataCenter
{
    QString code;
    QUrl accounts;
    QUrl api;
    QUrl sandboxApi;
    QUrl developerApi;

    QUrl apiFor(CrmEnvironment environment) const;
};

// The URLs of every service the product talks to: the production table built in, or an
// endpoints file (DESIGN §3) that replaces it as a whole.
class Endpoints
{
public:
    static Endpoints production();
    // Reads an endpoints file. On failure returns nothing and sets *error to a translated
    // message naming the offending JSON path.
    static std::optional<Endpoints> fromFile(const QString &path, QString *error);
    static std::optional<Endpoints> fromJson(const QByteArray &json, QString *error);

    QByteArray toJson() const;

    const QList<DataCenter> &dataCenters() const { return m_dataCenters; }
    const DataCenter *dataCenter(const QString &code) const;
    // The data centre whose accounts URL equals url (trailing slash and host case ignored).
    const DataCenter *dataCenterByAccounts(const QUrl &url) const;
    // The data centre and environment whose API base equals url.
    const DataCenter *dataCenterByApi(const QUrl &url, CrmEnvironment *environment = nullptr) const;

    QUrl ims() const { return m_ims; }
    QUrl platform() const { return m_platform; }

    void setDataCenters(const QList<DataCenter> &dataCenters) { m_dataCenters = dataCenters; }
    void setIms(const QUrl &url) { m_ims = url; }
    void setPlatform(const QUrl &url) { m_platform = url; }

    // URL equality as the endpoints rules define it: scheme, host (any case), port and path,
    // with a trailing slash on the path ignored.
    static bool sameBase(const QUrl &a, const QUrl &b);
    static bool isLoopbackHost(const QString &host);
    // Appends a path such as "/oauth/v2/token" to a base URL, keeping the base's own path.
    static QUrl join(const QUrl &base, const QString &path);

private:
    QList<DataCenter> m_dataCenters;
    QUrl m_ims;
    QUrl m_platform;
};

} // namespace zaw
