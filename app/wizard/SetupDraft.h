// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/SetupPlan.h"

#include <QObject>
#include <QString>

#include <functional>

namespace zaw {

// What the AEP pages decided so far, shared by them (KeePassXC's wizard model): each page reads
// it in initializePage() and writes its part back. The Zoho session is not kept here (secrets
// stay with the services; the plan gets them).
class SetupDraft : public QObject
{
    Q_OBJECT

public:
    explicit SetupDraft(QObject *parent = nullptr);

    const setup::SetupRequest &request() const { return m_request; }
    void setRequest(const setup::SetupRequest &request);
    // Changes part of the request and announces it once.
    void update(const std::function<void(setup::SetupRequest &)> &change);
    // Schema Registry's tenant of the chosen sandbox, once read (the Target page reads it).
    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &tenantId);
    // Forgets every decision (another connection was opened).
    void clear();

signals:
    void changed();
    void tenantIdChanged(const QString &tenantId);

private:
    setup::SetupRequest m_request;
    QString m_tenantId;
};

} // namespace zaw
