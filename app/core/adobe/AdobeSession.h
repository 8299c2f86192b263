// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace zaw::adobe {

// One OAuth Server-to-Server credential used against one organisation and sandbox. The client
// secret lives here in memory and in the keychain only (DESIGN §5).
struct AdobeSession
{
    QString clientId; // also the x-api-key of every Platform call
    QString clientSecret;
    QString orgId;       // ...@AdobeOrg
    QString sandboxName; // all lower case, e.g. "prod"
    QString accessToken;
    QDateTime expiresAt; // UTC

    // Adobe throttles integrations that mint too many tokens: reuse one until it is about to
    // expire.
    bool hasFreshToken(int marginSeconds = 300) const;
    void clearToken();
};

} // namespace zaw::adobe
