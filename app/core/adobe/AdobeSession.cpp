// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/AdobeSession.h"

namespace zaw::adobe {

bool AdobeSession::hasFreshToken(int marginSeconds) const
{
    return !accessToken.isEmpty() && expiresAt.isValid() &&
           QDateTime::currentDateTimeUtc().secsTo(expiresAt) > marginSeconds;
}

void AdobeSession::clearToken()
{
    accessToken.clear();
    expiresAt = QDateTime();
}

} // namespace zaw::adobe
