// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace zaw::adobe {
class PlatformClient;
class FlowServiceClient;
} // namespace zaw::adobe

namespace zaw::setup {

// A Zoho CRM base connection ("source account") that exists in the sandbox.
struct BaseConnectionInfo
{
    QString id;
    QString name;
    QString description;
    QString state; // enabled, …
    QString etag;  // for the PATCH of its credentials (If-Match)

    // "name (id)", or the id alone when it has no name (translated pattern).
    QString displayName() const;
};

// What the Source account page asks Experience Platform before anything is made: does the
// organisation still offer the Zoho CRM source, and which Zoho CRM accounts exist already.
class SourceAccountQuery : public QObject
{
    Q_OBJECT

public:
    // platform must outlive this object.
    explicit SourceAccountQuery(adobe::PlatformClient *platform, QObject *parent = nullptr);
    ~SourceAccountQuery() override;

    // Reads the Zoho CRM connection spec. A missing spec (Adobe retired the source in June 2025)
    // answers the retired-source error (isRetiredSource() is true for it: no point in retrying).
    void checkSource(QObject *context, std::function<void(const net::Error &error)> done);
    // The base connections of the Zoho CRM connection spec, all pages.
    void baseConnections(QObject *context,
                         std::function<void(const QList<BaseConnectionInfo> &, const net::Error &error)> done);

    static bool isRetiredSource(const net::Error &error);

private:
    std::unique_ptr<adobe::FlowServiceClient> m_flows;
};

} // namespace zaw::setup
