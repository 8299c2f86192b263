// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ZohoAuthParams.h"

namespace zaw::setup {

adobe::ZohoAuthParams zohoAuthParams(const zoho::ZohoSession &session)
{
    adobe::ZohoAuthParams p;
    p.endpoint = session.apiDomain.toString();
    p.accountsUrl = session.accountsServer.toString();
    p.clientId = session.clientId;
    p.clientSecret = session.clientSecret;
    p.accessToken = session.accessToken;
    p.refreshToken = session.refreshToken;
    return p;
}

} // namespace zaw::setup
