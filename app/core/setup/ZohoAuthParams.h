// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/FlowServiceClient.h"
#include "zoho/ZohoAuthClient.h"

namespace zaw::setup {

// The six values of a Zoho session (its data centre's API and accounts URLs, client, tokens) as
// a Zoho CRM base connection takes them. Here rather than in core/adobe, which knows nothing of
// Zoho's sign-in.
adobe::ZohoAuthParams zohoAuthParams(const zoho::ZohoSession &session);

} // namespace zaw::setup
