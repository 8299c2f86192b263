// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace zaw::adobe {

class PlatformClient;

struct SandboxInfo
{
    QString name;  // what x-sandbox-name takes
    QString title; // what people read
    QString type;  // "production" | "development"
    QString state; // "active", …
    QString region;
    bool isDefault = false;
};

// Sandbox management (/data/foundation/sandbox-management): the sandboxes the credential may use,
// for the sandbox picker of the Adobe page.
class SandboxManagementClient : public QObject
{
    Q_OBJECT

public:
    explicit SandboxManagementClient(PlatformClient *platform, QObject *parent = nullptr);

    // The active sandboxes available to the credential (the user operation, which needs no
    // sandbox header and no admin rights).
    void list(QObject *context, std::function<void(const QList<SandboxInfo> &, const net::Error &)> done);

private:
    PlatformClient *m_platform;
};

} // namespace zaw::adobe
