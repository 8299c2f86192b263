// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints/Endpoints.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace zaw {

namespace {

struct ProductionRow
{
    const char *code;
    const char *accounts;
    const char *tld; // zohoapis.<tld>
};

// Reference: zoho-oauth-and-crm-api.md §6 (Canada's accounts host is zohocloud.ca).
constexpr ProductionRow kProduction[] = {
    {"us", "https://accounts.zoho.com", "com"},       {"eu", "https://accounts.zoho.eu", "eu"},
    {"in", "https://accounts.zoho.in", "in"},         {"au", "https://accounts.zoho.com.au", "com.au"},
    {"cn", "https://accounts.zoho.com.cn", "com.cn"}, {"jp", "https://accounts.zoho.jp", "jp"},
    {"ca", "https://accounts.zohocloud.ca", "ca"},    {"sa", "https://accounts.zoho.sa", "sa"},
};

QString normalisedPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

// Checks one URL value of the file; returns an empty string when it is acceptable.
QString checkUrl(const QJsonValue &value, const QString &jsonPath, QUrl *out)
{
    if (!value.isString())
        return QCoreApplication::translate("zaw::Endpoints", "%1 must be a URL string.").arg(jsonPath);
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("zaw::Endpoints", "%1 is not a valid URL: %2")
            .arg(jsonPath, value.toString());
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return QCoreApplication::translate("zaw::Endpoints", "%1 must not contain a query, fragment or user name: %2")
            .arg(jsonPath, value.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        if (!Endpoints::isLoopbackHost(url.host()))
            return QCoreApplication::translate("zaw::Endpoints",
                                               "%1 uses plain http for a host that is not loopback; use https: %2")
                .arg(jsonPath, value.toString());
    } else if (scheme != QLatin1String("https")) {
        return QCoreApplication::translate("zaw::Endpoints", "%1 must be an https URL: %2")
            .arg(jsonPath, value.toString());
    }
    *out = url;
    return {};
}

} // namespace

QString crmEnvironmentName(CrmEnvironment environment)
{
    switch (environment) {
    case CrmEnvironment::Production:
        return QStringLiteral("production");
    case CrmEnvironment::Sandbox:
        return QStringLiteral("sandbox");
    case CrmEnvironment::Developer:
        return QStringLiteral("developer");
    }
    return {};
}

QString crmEnvironmentLabel(CrmEnvironment environment)
{
    switch (environment) {
    case CrmEnvironment::Production:
        return QCoreApplication::translate("zaw::Endpoints", "Production");
    case CrmEnvironment::Sandbox:
        return QCoreApplication::translate("zaw::Endpoints", "Sandbox");
    case CrmEnvironment::Developer:
        return QCoreApplication::translate("zaw::Endpoints", "Developer");
    }
    return {};
}

std::optional<CrmEnvironment> crmEnvironmentFromName(const QString &name)
{
    for (auto env : {CrmEnvironment::Production, CrmEnvironment::Sandbox, CrmEnvironment::Developer}) {
        if (name.compare(crmEnvironmentName(env), Qt::CaseInsensitive) == 0)
            return env;
    }
    return std::nullopt;
}

QUrl DataCenter::apiFor(CrmEnvironment environment) const
{
    switch (environment) {
    case CrmEnvironment::Production:
        return api;
    case CrmEnvironment::Sandbox:
        return sandboxApi;
    case CrmEnvironment::Developer:
        return developerApi;
    }
    return {};
}

Endpoints Endpoints::production()
{
    Endpoints e;
    for (const auto &row : kProduction) {
        DataCenter dc;
        dc.code = QString::fromLatin1(row.code);
        dc.accounts = QUrl(QString::fromLatin1(row.accounts));
        const QString tld = QString::fromLatin1(row.tld);
        dc.api = QUrl(QStringLiteral("https://www.zohoapis.") + tld);
        dc.sandboxApi = QUrl(QStringLiteral("https://sandbox.zohoapis.") + tld);
        dc.developerApi = QUrl(QStringLiteral("https://developer.zohoapis.") + tld);
        e.m_dataCenters.append(dc);
    }
    e.m_ims = QUrl(QStringLiteral("https://ims-na1.adobelogin.com"));
    e.m_platform = QUrl(QStringLiteral("https://platform.adobe.io"));
    return e;
}

std::optional<Endpoints> Endpoints::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("zaw::Endpoints", "Cannot read the endpoints file %1: %2")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

std::optional<Endpoints> Endpoints::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            QCoreApplication::translate("zaw::Endpoints", "The endpoints file is not valid JSON (at offset %1: %2).")
                .arg(parseError.offset)
                .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("zaw::Endpoints", "The endpoints file must contain a JSON object.");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    Endpoints e;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QLatin1String("zoho") && it.key() != QLatin1String("adobe")) {
            *error =
                QCoreApplication::translate("zaw::Endpoints", "Unknown key %1 in the endpoints file.").arg(it.key());
            return std::nullopt;
        }
    }

    const QJsonValue zoho = root.value(QLatin1String("zoho"));
    if (!zoho.isObject()) {
        *error = QCoreApplication::translate("zaw::Endpoints", "%1 is missing or not an object.")
                     .arg(QStringLiteral("zoho"));
        return std::nullopt;
    }
    const QJsonObject zohoObj = zoho.toObject();
    for (auto it = zohoObj.begin(); it != zohoObj.end(); ++it) {
        if (it.key() != QLatin1String("dataCenters")) {
            *error = QCoreApplication::translate("zaw::Endpoints", "Unknown key %1 in the endpoints file.")
                         .arg(QStringLiteral("zoho.") + it.key());
            return std::nullopt;
        }
    }
    const QJsonValue dcs = zohoObj.value(QLatin1String("dataCenters"));
    if (!dcs.isObject() || dcs.toObject().isEmpty()) {
        *error = QCoreApplication::translate("zaw::Endpoints", "%1 is missing or empty.")
                     .arg(QStringLiteral("zoho.dataCenters"));
        return std::nullopt;
    }
    const QJsonObject dcsObj = dcs.toObject();
    for (auto it = dcsObj.begin(); it != dcsObj.end(); ++it) {
        const QString base = QStringLiteral("zoho.dataCenters.") + it.key();
        if (!it.value().isObject()) {
            *error = QCoreApplication::translate("zaw::Endpoints", "%1 must be an object.").arg(base);
            return std::nullopt;
        }
        DataCenter dc;
        dc.code = it.key();
        const QJsonObject o = it.value().toObject();
        for (auto f = o.begin(); f != o.end(); ++f) {
            const QString key = f.key();
            const QString path = base + QLatin1Char('.') + key;
            QUrl *target = nullptr;
            if (key == QLatin1String("accounts"))
                target = &dc.accounts;
            else if (key == QLatin1String("api"))
                target = &dc.api;
            else if (key == QLatin1String("sandboxApi"))
                target = &dc.sandboxApi;
            else if (key == QLatin1String("developerApi"))
                target = &dc.developerApi;
            if (!target) {
                *error =
                    QCoreApplication::translate("zaw::Endpoints", "Unknown key %1 in the endpoints file.").arg(path);
                return std::nullopt;
            }
            const QString problem = checkUrl(f.value(), path, target);
            if (!problem.isEmpty()) {
                *error = problem;
                return std::nullopt;
            }
        }
        for (const char *required : {"accounts", "api"}) {
            if (!o.contains(QLatin1String(required))) {
                *error = QCoreApplication::translate("zaw::Endpoints", "%1 is missing.")
                             .arg(base + QLatin1Char('.') + QLatin1String(required));
                return std::nullopt;
            }
        }
        e.m_dataCenters.append(dc);
    }

    const QJsonValue adobe = root.value(QLatin1String("adobe"));
    if (!adobe.isObject()) {
        *error = QCoreApplication::translate("zaw::Endpoints", "%1 is missing or not an object.")
                     .arg(QStringLiteral("adobe"));
        return std::nullopt;
    }
    const QJsonObject adobeObj = adobe.toObject();
    for (auto it = adobeObj.begin(); it != adobeObj.end(); ++it) {
        const QString path = QStringLiteral("adobe.") + it.key();
        QUrl *target = it.key() == QLatin1String("ims")        ? &e.m_ims
                       : it.key() == QLatin1String("platform") ? &e.m_platform
                                                               : nullptr;
        if (!target) {
            *error = QCoreApplication::translate("zaw::Endpoints", "Unknown key %1 in the endpoints file.").arg(path);
            return std::nullopt;
        }
        const QString problem = checkUrl(it.value(), path, target);
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    for (const char *required : {"ims", "platform"}) {
        if (!adobeObj.contains(QLatin1String(required))) {
            *error = QCoreApplication::translate("zaw::Endpoints", "%1 is missing.")
                         .arg(QStringLiteral("adobe.") + QLatin1String(required));
            return std::nullopt;
        }
    }
    return e;
}

QByteArray Endpoints::toJson() const
{
    QJsonObject dcs;
    for (const DataCenter &dc : m_dataCenters) {
        QJsonObject o{{QStringLiteral("accounts"), dc.accounts.toString()}, {QStringLiteral("api"), dc.api.toString()}};
        if (!dc.sandboxApi.isEmpty())
            o.insert(QStringLiteral("sandboxApi"), dc.sandboxApi.toString());
        if (!dc.developerApi.isEmpty())
            o.insert(QStringLiteral("developerApi"), dc.developerApi.toString());
        dcs.insert(dc.code, o);
    }
    const QJsonObject root{{QStringLiteral("zoho"), QJsonObject{{QStringLiteral("dataCenters"), dcs}}},
                           {QStringLiteral("adobe"), QJsonObject{{QStringLiteral("ims"), m_ims.toString()},
                                                                 {QStringLiteral("platform"), m_platform.toString()}}}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

const DataCenter *Endpoints::dataCenter(const QString &code) const
{
    for (const DataCenter &dc : m_dataCenters) {
        if (dc.code.compare(code, Qt::CaseInsensitive) == 0)
            return &dc;
    }
    return nullptr;
}

const DataCenter *Endpoints::dataCenterByAccounts(const QUrl &url) const
{
    for (const DataCenter &dc : m_dataCenters) {
        if (sameBase(dc.accounts, url))
            return &dc;
    }
    return nullptr;
}

const DataCenter *Endpoints::dataCenterByApi(const QUrl &url, CrmEnvironment *environment) const
{
    for (const DataCenter &dc : m_dataCenters) {
        for (auto env : {CrmEnvironment::Production, CrmEnvironment::Sandbox, CrmEnvironment::Developer}) {
            const QUrl base = dc.apiFor(env);
            if (!base.isEmpty() && sameBase(base, url)) {
                if (environment)
                    *environment = env;
                return &dc;
            }
        }
    }
    return nullptr;
}

bool Endpoints::sameBase(const QUrl &a, const QUrl &b)
{
    if (!a.isValid() || !b.isValid())
        return false;
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port() == b.port() && a.userInfo().isEmpty() &&
           b.userInfo().isEmpty() && normalisedPath(a) == normalisedPath(b) && !a.hasQuery() && !b.hasQuery() &&
           !a.hasFragment() && !b.hasFragment();
}

bool Endpoints::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

QUrl Endpoints::join(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString p = normalisedPath(base);
    url.setPath(p + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
    return url;
}

} // namespace zaw
