// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho Accounts (OAuth) and Zoho CRM v8 for every data centre, by path prefix:
//   /zoho/<dc>/accounts/...        Accounts (consent page, token, revoke)
//   /zoho/<dc>/api/crm/v8/...      CRM production
//   /zoho/<dc>/sandbox-api/crm/v8/...   CRM sandbox environment
//   /zoho/<dc>/developer-api/crm/v8/... CRM developer environment
#pragma once

#include "SandboxHttp.h"

#include <QJsonObject>

#include <memory>

namespace zaw::sandbox {

class ZohoService final : public Service
{
public:
    explicit ZohoService(SandboxContext *context);
    ~ZohoService() override;

    void registerRoutes(Router &router) override;
    QJsonObject saveState() const override;
    void loadState(const QJsonObject &state) override;
    void expireAccessTokens() override;
    // {"clientId", "clientSecret", "redirectUri", "users": [{"login", "home", "orgs": [...]}]}
    QJsonObject credentials() const override;

    // The data centre codes served, in the order of the production table.
    static QStringList dataCenterCodes();
    // Registers one more exact redirect URI for the demo client (POST /_sandbox/clients).
    void addRedirectUri(const QString &uri);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace zaw::sandbox
