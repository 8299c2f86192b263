// SPDX-License-Identifier: GPL-3.0-or-later
// Adobe IMS and the Experience Platform APIs:
//   /adobe/ims/ims/token/v3
//   /adobe/platform/data/foundation/{flowservice,catalog,schemaregistry,conversion,sandbox-management}/...
#pragma once

#include "SandboxHttp.h"

#include <QJsonObject>

#include <memory>

namespace zaw::sandbox {

class AdobeService final : public Service
{
public:
    explicit AdobeService(SandboxContext *context);
    ~AdobeService() override;

    void registerRoutes(Router &router) override;
    QJsonObject saveState() const override;
    void loadState(const QJsonObject &state) override;
    void expireAccessTokens() override;
    // {"clientId", "clientSecret", "orgId", "sandboxes": ["prod", "dev"]}
    QJsonObject credentials() const override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace zaw::sandbox
