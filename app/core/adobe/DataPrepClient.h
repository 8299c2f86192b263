// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::adobe {

class PlatformClient;

struct MappingSetInfo
{
    QString id; // 32 hex characters
    int version = 0;
    QJsonObject raw;
};

// The verdict on one mapping of a mapping set, in the order the mappings were sent.
struct MappingCheck
{
    QString source;
    QString destination;
    QString status;       // SUCCESS, FAILED, …
    QStringList problems; // readable reasons when it failed
    QJsonArray errors;    // as answered

    bool ok() const { return status.compare(QLatin1String("SUCCESS"), Qt::CaseInsensitive) == 0; }
};

// Data Prep (/data/foundation/conversion): mapping sets from source columns to XDM fields.
class DataPrepClient : public QObject
{
    Q_OBJECT

public:
    explicit DataPrepClient(PlatformClient *platform, QObject *parent = nullptr);

    // POST /mappingSets (Data Prep answers 200, not 201).
    void createMappingSet(const QJsonObject &body, QObject *context,
                          std::function<void(const MappingSetInfo &, const net::Error &)> done);
    // version < 0: the latest.
    void mappingSet(const QString &id, int version, QObject *context,
                    std::function<void(const QJsonObject &, const net::Error &)> done);
    // One page of GET /mappingSets?limit&start (the list takes no filter); more: a next link
    // was given.
    void mappingSetPage(int start, int limit, QObject *context,
                        std::function<void(const QList<QJsonObject> &sets, bool more, const net::Error &)> done);
    // POST /mappingSets/validate with the same body as a create.
    void validate(const QJsonObject &body, QObject *context,
                  std::function<void(const QList<MappingCheck> &, const net::Error &)> done);

    // Below the Platform URL, for the Review page and the exported script.
    static QString mappingSetsPath();
    // The outputSchema form of a mapping set body (the legacy xdmSchema form is not used).
    static QJsonObject mappingSetBody(const QString &schemaId, const QJsonArray &mappings);
    // sourceType ATTRIBUTE (a source column) or EXPRESSION (a calculated field).
    static QJsonObject mapping(const QString &source, const QString &destination,
                               const QString &sourceType = QStringLiteral("ATTRIBUTE"));

private:
    PlatformClient *m_platform;
};

} // namespace zaw::adobe
