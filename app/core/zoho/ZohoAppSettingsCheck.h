// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoints/Endpoints.h"
#include "zoho/ZohoSignInFlow.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::zoho {

// One field of the Zoho app page / one option of `zoho-login`.
enum class ZohoAppField { ClientId, ClientSecret, ClientType, RedirectUri, DataCenter, Environment, Scopes };

struct ZohoAppProblem
{
    ZohoAppField field = ZohoAppField::ClientId;
    QString message; // translated: what is wrong and what to do
};

// The one check of the Zoho client settings, for the wizard's Zoho app page and `zoho-login`:
// each field on its own (so a form can put the message under its field), and the whole settings
// at once. Every *Problem() returns an empty string when the value is fine.
class ZohoAppSettingsCheck
{
    Q_DECLARE_TR_FUNCTIONS(zaw::zoho::ZohoAppSettingsCheck)

public:
    // endpoints: the data centres that can be chosen.
    explicit ZohoAppSettingsCheck(const Endpoints &endpoints);

    static QString clientIdProblem(const QString &clientId);
    static QString clientSecretProblem(const QString &clientSecret);
    // name: "server" or "desktop" (clientTypeName()).
    static QString clientTypeProblem(const QString &name);
    // A full http(s) URL; plain http only for a loopback host; no fragment, no user name.
    static QString redirectUriProblem(const QString &redirectUri);
    // code: a data-centre code the endpoints know (us, eu, …).
    QString dataCenterProblem(const QString &code) const;
    // name: production, sandbox or developer (crmEnvironmentName()).
    static QString environmentProblem(const QString &name);
    // At least one scope, each a scope name, and the required ones present (.ALL stands in for
    // .READ). text: as typed (commas, spaces or new lines).
    static QString scopesProblem(const QStringList &scopes);
    static QString scopesProblem(const QString &text);

    // The scopes the sign-in cannot do without: the account shown before anything is created is
    // read with them.
    static QStringList requiredScopes();
    // scope is granted by scopes (the same name, or its .ALL form).
    static bool grants(const QStringList &scopes, const QString &scope);

    // Zoho's API console, where the client is registered: one host per data centre (us for an
    // unknown code).
    static QString apiConsoleUrl(const QString &dataCenter);

    // Every problem of the settings, in the order of the fields above.
    QList<ZohoAppProblem> problems(const ZohoAppSettings &settings) const;
    bool isValid(const ZohoAppSettings &settings) const { return problems(settings).isEmpty(); }

private:
    Endpoints m_endpoints;
};

} // namespace zaw::zoho
