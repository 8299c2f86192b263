// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetupDraft.h"

namespace zaw {

SetupDraft::SetupDraft(QObject *parent)
    : QObject(parent)
{}

void SetupDraft::setRequest(const setup::SetupRequest &request)
{
    m_request = request;
    // Secrets never rest in the draft.
    m_request.zoho = {};
    emit changed();
}

void SetupDraft::update(const std::function<void(setup::SetupRequest &)> &change)
{
    change(m_request);
    m_request.zoho = {};
    emit changed();
}

void SetupDraft::setTenantId(const QString &tenantId)
{
    if (m_tenantId == tenantId)
        return;
    m_tenantId = tenantId;
    emit tenantIdChanged(tenantId);
}

void SetupDraft::clear()
{
    m_request = {};
    m_tenantId.clear();
    emit changed();
    emit tenantIdChanged({});
}

} // namespace zaw
