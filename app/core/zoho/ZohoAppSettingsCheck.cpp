// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZohoAppSettingsCheck.h"

#include "zoho/AuthorizationRequest.h"

#include <QHash>
#include <QUrl>

namespace zaw::zoho {

ZohoAppSettingsCheck::ZohoAppSettingsCheck(const Endpoints &endpoints)
    : m_endpoints(endpoints)
{}

QString ZohoAppSettingsCheck::clientIdProblem(const QString &clientId)
{
    const QString id = clientId.trimmed();
    if (id.isEmpty())
        return tr("Enter the client ID from Zoho's API console.");
    if (id.contains(QLatin1Char(' ')))
        return tr("A client ID has no spaces; copy it again from Zoho's API console.");
    return {};
}

QString ZohoAppSettingsCheck::clientSecretProblem(const QString &clientSecret)
{
    if (clientSecret.trimmed().isEmpty())
        return tr("Enter the client secret from Zoho's API console (Client Secret tab).");
    return {};
}

QString ZohoAppSettingsCheck::clientTypeProblem(const QString &name)
{
    if (!clientTypeFromName(name))
        return tr("The client type is server (server-based application) or desktop (mobile or desktop "
                  "application with PKCE).");
    return {};
}

QString ZohoAppSettingsCheck::redirectUriProblem(const QString &redirectUri)
{
    const QString text = redirectUri.trimmed();
    if (text.isEmpty())
        return tr("Enter the redirect URI registered for the client, for example http://127.0.0.1:47913/callback.");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The redirect URI must be a full http:// or https:// address.");
    // Zoho sends the grant code to this address: in clear text only when it never leaves the computer.
    if (url.scheme() == QLatin1String("http") && !Endpoints::isLoopbackHost(url.host()))
        return tr("Plain http is only safe on this computer (127.0.0.1 or localhost); use https for other hosts.");
    if (url.hasFragment() || !url.userInfo().isEmpty())
        return tr("The redirect URI must not contain a # part or a user name.");
    return {};
}

QString ZohoAppSettingsCheck::dataCenterProblem(const QString &code) const
{
    if (m_endpoints.dataCenter(code.trimmed().toLower()))
        return {};
    QStringList codes;
    for (const DataCenter &dc : m_endpoints.dataCenters())
        codes << dc.code;
    return tr("\"%1\" is not a Zoho data centre here; choose one of: %2.").arg(code, codes.join(QStringLiteral(", ")));
}

QString ZohoAppSettingsCheck::environmentProblem(const QString &name)
{
    if (!crmEnvironmentFromName(name))
        return tr("The CRM environment is production, sandbox or developer.");
    return {};
}

QStringList ZohoAppSettingsCheck::requiredScopes()
{
    return {QStringLiteral("ZohoCRM.users.READ"), QStringLiteral("ZohoCRM.org.READ")};
}

bool ZohoAppSettingsCheck::grants(const QStringList &scopes, const QString &scope)
{
    QString all = scope;
    if (all.endsWith(QLatin1String(".READ"), Qt::CaseInsensitive))
        all = all.left(all.size() - 4) + QLatin1String("ALL");
    for (const QString &s : scopes) {
        if (s.compare(scope, Qt::CaseInsensitive) == 0 || s.compare(all, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString ZohoAppSettingsCheck::scopesProblem(const QStringList &scopes)
{
    if (scopes.isEmpty())
        return tr("Enter at least one scope.");
    for (const QString &s : scopes) {
        if (!isValidScopeName(s))
            return tr("\"%1\" is not a scope name (like ZohoCRM.modules.READ).").arg(s);
    }
    for (const QString &needed : requiredScopes()) {
        if (!grants(scopes, needed))
            return tr("Keep %1: it is needed to show which account signed in.").arg(needed);
    }
    return {};
}

QString ZohoAppSettingsCheck::scopesProblem(const QString &text)
{
    return scopesProblem(parseScopes(text));
}

QString ZohoAppSettingsCheck::apiConsoleUrl(const QString &dataCenter)
{
    static const QHash<QString, QString> hosts{{QStringLiteral("us"), QStringLiteral("api-console.zoho.com")},
                                               {QStringLiteral("eu"), QStringLiteral("api-console.zoho.eu")},
                                               {QStringLiteral("in"), QStringLiteral("api-console.zoho.in")},
                                               {QStringLiteral("au"), QStringLiteral("api-console.zoho.com.au")},
                                               {QStringLiteral("cn"), QStringLiteral("api-console.zoho.com.cn")},
                                               {QStringLiteral("jp"), QStringLiteral("api-console.zoho.jp")},
                                               {QStringLiteral("ca"), QStringLiteral("api-console.zohocloud.ca")},
                                               {QStringLiteral("sa"), QStringLiteral("api-console.zoho.sa")}};
    return QStringLiteral("https://") + hosts.value(dataCenter, hosts.value(QStringLiteral("us"))) + QLatin1Char('/');
}

QList<ZohoAppProblem> ZohoAppSettingsCheck::problems(const ZohoAppSettings &settings) const
{
    QList<ZohoAppProblem> out;
    auto add = [&out](ZohoAppField field, const QString &message) {
        if (!message.isEmpty())
            out.append({field, message});
    };
    add(ZohoAppField::ClientId, clientIdProblem(settings.clientId));
    add(ZohoAppField::ClientSecret, clientSecretProblem(settings.clientSecret));
    add(ZohoAppField::ClientType, clientTypeProblem(clientTypeName(settings.clientType)));
    add(ZohoAppField::RedirectUri, redirectUriProblem(settings.redirectUri));
    add(ZohoAppField::DataCenter, dataCenterProblem(settings.startDc));
    add(ZohoAppField::Environment, environmentProblem(crmEnvironmentName(settings.environment)));
    add(ZohoAppField::Scopes, scopesProblem(settings.scopes));
    return out;
}

} // namespace zaw::zoho
