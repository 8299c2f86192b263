// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the setup and account suites and the setup flow benchmark: what the wizard's pages
// have read by Create (a Zoho sign-in, the fields of Leads, the columns AEP's explore sees), and
// the two dataflows they set up.
#pragma once

#include "AdobeTestRig.h"
#include "ConsentDriver.h"
#include "setup/SetupPlan.h"
#include "setup/ZohoAuthParams.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QMap>

namespace zaw::test {

// What the wizard's pages have read by Create: login's Zoho session (signInToZoho with the
// sandbox's demo client), the Zoho fields of Leads, and the columns AEP's explore sees for each
// table through a base connection of the caller's own (baseId).
struct ZohoSource
{
    zoho::ZohoSession session;
    QList<zoho::ZohoField> leadsFields;
    QString baseId;
    QMap<QString, QList<catalogue::Column>> columns; // by table
};

// Reads a ZohoSource for tables, the base connection named accountName; false, with the reason in
// *error, when a step fails.
bool readZohoSource(SandboxFixture &f, AdobeRig &rig, const QString &login, const QString &accountName,
                    const QStringList &tables, ZohoSource *out, QString *error);

// Leads into a new dataset, hourly and incremental on Modified_Time with backfill, from an hour
// from now; names end in " (tag)".
setup::SetupRequest newLeadsDataSetRequest(const QString &tag, const QString &description,
                                           const zoho::ZohoSession &zoho, const QList<catalogue::Column> &columns,
                                           const QList<zoho::ZohoField> &fields);

// Contacts into the existing dataset dataSetId, once, an hour from now (no Zoho fields: the schema
// is the dataset's own).
setup::SetupRequest existingContactsDataSetRequest(const QString &tag, const zoho::ZohoSession &zoho,
                                                   const QList<catalogue::Column> &columns, const QString &dataSetId);

} // namespace zaw::test
