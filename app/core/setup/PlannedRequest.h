// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace zaw::setup {

// One request of a setup as it would be sent, for the Review page and the exported script
// (SetupPlan::plannedRequests()). No secret is ever in it: where a body needs a secret or the ID
// of an object made by an earlier request, a JSON string holds a placeholder "{{NAME}}" instead
// (the whole string, or a part of it).
//
// NAME is either one of kSecretVariables, or the idVariable of an earlier request (or one of the
// knownValues of an earlier existing object). kNumberVariables are numbers: a string that is
// exactly "{{NAME}}" of one of them stands for the JSON number, not a string.
struct PlannedRequest
{
    QString stepKey; // SetupPlan::stepKey(): baseConnection, schema, dataSet, …
    QString title;   // translated: what this request makes, e.g. "Base connection"

    // Empty when no request is needed: the object exists (existingId) and is used as it is.
    QByteArray method;                    // "POST"
    QString servicePath;                  // below the Platform URL, e.g. /data/foundation/flowservice/connections
    QList<QPair<QString, QString>> query; // e.g. requestDataSource=true
    QList<QPair<QByteArray, QByteArray>> headers; // beyond the four gateway headers and Content-Type
    QJsonValue body;                              // with placeholders

    // Where the new object's ID is in the answer, and the variable that receives it.
    enum class IdIn {
        Field,           // answer[idField], e.g. "id" or "$id"
        CatalogReference // Catalog's ["@/dataSets/ID"]
    };
    IdIn idIn = IdIn::Field;
    QString idField = QStringLiteral("id");
    QString idVariable; // e.g. BASE_CONNECTION_ID; empty when nothing later needs it
    // Further values read from the answer: {variable, field}, e.g. {MAPPING_SET_VERSION, version}.
    QList<QPair<QString, QString>> moreVariables;

    // Set when the object already exists (made by this setup earlier, or chosen by the user):
    // method is then still filled in (what would make it), but a script that reproduces the setup
    // in the same sandbox may use existingId; knownValues give the variables it stands for.
    QString existingId;
    QList<QPair<QString, QString>> knownValues; // {variable, value}, e.g. {DATASET_ID, …}, {SCHEMA_ID, …}

    static QString placeholder(const QString &name) { return QStringLiteral("{{%1}}").arg(name); }

    // Secrets a body may need; a script reads them from environment variables of these names.
    static QStringList secretVariables()
    {
        return {QStringLiteral("ZOHO_CLIENT_SECRET"), QStringLiteral("ZOHO_ACCESS_TOKEN"),
                QStringLiteral("ZOHO_REFRESH_TOKEN")};
    }
    static QStringList numberVariables() { return {QStringLiteral("MAPPING_SET_VERSION")}; }
};

// What a script needs besides the requests: where to get an Adobe token and which sandbox to use.
// No secret: the Adobe client secret is read from ADOBE_CLIENT_SECRET by the script.
struct ScriptTarget
{
    QString imsTokenUrl;   // e.g. https://ims-na1.adobelogin.com/ims/token/v3
    QStringList imsScopes; // comma-joined into scope=
    QString platformUrl;   // e.g. https://platform.adobe.io
    QString clientId;      // x-api-key and the client_id of the token request
    QString orgId;         // x-gw-ims-org-id
    QString sandboxName;   // x-sandbox-name
};

} // namespace zaw::setup
