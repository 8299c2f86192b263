// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic demo data for the Zoho side of the sandbox: users, their CRM orgs, module and
// field metadata, and records. The tables (users, orgs, modules, fields, the names records draw
// from) are resources/sandbox/zoho/*.json, compiled in; records are generated from them with fixed
// seeds, so two runs (and two machines) see the same IDs, names and timestamps; nothing here is
// persisted.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace zaw::sandbox::zohoseed {

struct SeedOrg
{
    QString id;       // 18 digits
    QString idPrefix; // every ID inside the org starts with these digits
    QString companyName;
    QString domainName;
    QString environment; // production | sandbox | developer
    QString edition;     // license_details.paid_type
    QString timeZone;    // IANA name; record timestamps are written in this zone
    QString currency;    // ISO 4217
    QString currencySymbol;
    QString countryCode;
    int licensedUsers = 10;
};

struct SeedUser
{
    QString login; // e-mail, what the consent page asks for
    QString home;  // data-centre code
    QString firstName;
    QString lastName;
    QString zuid;
    QString roleName;
    QString profileName;
    // Zoho answers 403 NO_PERMISSION to every CRM call when the user's profile lacks
    // "API access" (permission Crm_Implied_Api_Access).
    bool apiAccess = true;
    QList<SeedOrg> orgs;

    QString fullName() const { return firstName + QLatin1Char(' ') + lastName; }
};

struct Record
{
    QString id;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    QJsonObject values; // every field of the module, keyed by API name
};

// An entry of GET /{module}/deleted: records removed through POST /_sandbox/zoho/change.
struct DeletedRecord
{
    QString id;
    QString displayName;
    QString type = QStringLiteral("recycle"); // recycle | permanent
    QJsonObject deletedBy;
    QJsonObject createdBy;
    qint64 deletedMs = 0;
};

struct Module
{
    QString apiName;
    QJsonObject metadata;         // one entry of GET /settings/modules
    QJsonArray fields;            // GET /settings/fields?module=
    QList<Record> records;        // ascending id
    QList<DeletedRecord> deleted; // in the order of deletion

    bool apiSupported() const;
    // Custom and linking modules share the scope ZohoCRM.modules.custom.*.
    bool usesCustomScope() const;
};

struct OrgData
{
    SeedOrg org;
    QString dataCenter;
    QString signedInLogin;
    QJsonObject orgJson; // the single entry of GET /org
    QJsonArray users;    // GET /users; [0] is the signed-in demo user
    QList<Module> modules;

    const Module *module(const QString &apiName) const; // case-insensitive
    QJsonObject currentUser() const { return users.isEmpty() ? QJsonObject() : users.first().toObject(); }
};

// The demo users, each with the orgs they can pick on the consent page.
QList<SeedUser> users();

// Builds the CRM content of one org of one user.
OrgData buildOrg(const SeedUser &user, const SeedOrg &org);

// The UTC millisecond timestamps of the seed are rendered with the org's UTC offset, as Zoho
// renders them in the user's time zone.
QString formatDateTime(qint64 msecsSinceEpoch, const QString &timeZone);

} // namespace zaw::sandbox::zohoseed
