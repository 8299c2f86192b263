// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "zoho/ZohoCrmClient.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::setup {

// One XDM leaf that a Zoho field fills. A lookup gives two of these (its id and its name), so
// `source` is the Data Prep source attribute ("Owner.id"), which for plain fields equals the
// Zoho API name.
struct XdmFieldMapping
{
    QString zohoField;     // Zoho API name, as explore names the column
    QString source;        // Data Prep ATTRIBUTE source
    QString xdmPath;       // dotted destination path, e.g. person.name.firstName or _tenant.zoho.Lead_Source
    QString xdmType;       // JSON Schema type of the leaf: string | integer | number | boolean | array
    QString xdmFormat;     // date | date-time | empty
    bool standard = false; // a path of an Adobe field group rather than of the tenant namespace
};

// A Zoho field the schema leaves out, with the reason shown to the user (translated).
struct SkippedField
{
    QString zohoField;
    QString dataType;
    QString reason;
};

// The identity a later step declares with an identity descriptor (POST /tenant/descriptors).
struct IdentityChoice
{
    QString zohoField;     // Email or id
    QString xdmPath;       // where that field lands in the schema
    QString namespaceCode; // "Email" (standard in every org) or kZohoRecordNamespace
    // True when the namespace is not one of AEP's standard ones and must be created first
    // (Identity Service) before the descriptor can refer to it.
    bool customNamespace = false;
};

struct XdmSchemaResult
{
    QJsonObject schema; // body of POST /schemaregistry/tenant/schemas
    QList<XdmFieldMapping> fields;
    QList<SkippedField> skipped;
    IdentityChoice identity;
    QStringList fieldGroups; // Adobe field groups referenced in allOf (besides the class)
    // With setForDirectSync(true): where a tombstone row says "deleted in Zoho" (boolean) and
    // when (date-time); empty otherwise.
    QString deletedFlagPath;
    QString deletedTimePath;
};

// How one Zoho field type becomes XDM.
struct XdmTypeInfo
{
    enum class Kind {
        Scalar,      // one leaf of `type`/`format`
        StringArray, // array of strings
        Lookup,      // object {id, name}
        Skipped,     // no XDM field; see reason
    };
    Kind kind = Kind::Skipped;
    QString type;        // JSON Schema type
    QString format;      // date | date-time
    QString metaXdmType; // XDM's own type name (string, int, number, boolean, date, date-time, array, object)
    QString reason;      // translated, for Skipped
};

// Turns the Zoho fields of one module into an XDM Individual Profile schema for
// POST /schemaregistry/tenant/schemas (reference aep-platform-api §6.1).
//
// Type mapping (Zoho data_type, with json_type as the fallback for types not listed):
//
//   Zoho data_type                              XDM type / format          meta:xdmType
//   ------------------------------------------  -------------------------  ------------
//   text, textarea, email, phone, website,      string                     string
//     picklist, autonumber
//   multiselectpicklist                         array of string            array
//   integer                                     integer (32-bit bounds)    int
//   bigint                                      string                     string
//   double, currency, percent, decimal          number                     number
//   boolean                                     boolean                    boolean
//   date                                        string / date              date
//   datetime                                    string / date-time         date-time
//   lookup, ownerlookup, userlookup             object {id, name}          object
//   formula                                     by formula.return_type, as the rows above
//   fileupload, imageupload, profileimage,      skipped (reason given)
//     subform, multiselectlookup,
//     multiuserlookup, event_reminder, RRULE,
//     ALARM
//   anything else                               by json_type: string → string,
//                                               integer → int, double → number,
//                                               boolean → boolean; jsonobject/jsonarray → skipped
//
// Why these choices:
// - bigint → string: bigint values (record ids are bigints too) reach 18-19 digits, and XDM's
//   `long` stops at 2^53, so a number would silently lose digits. A string loses nothing, and
//   Data Prep turns a numeric source into it.
// - email/website/phone stay plain strings without `format`: AEP validates formats at ingestion,
//   and a CRM holds values like "www.example.com" that are not URIs; one of those would fail the
//   whole row.
// - lookups → {id, name}: the id joins with the dataset of the target module, the name is what
//   people recognise in segments. Each becomes its own mapping (Owner.id, Owner.name).
//
// Person fields of Leads and Contacts go to Adobe's standard profile fields (field groups
// profile-person-details, profile-personal-details, profile-work-details), when their type fits:
//   Salutation → person.name.courtesyTitle, First_Name → person.name.firstName,
//   Last_Name → person.name.lastName, Full_Name → person.name.fullName,
//   Date_of_Birth → person.birthDate, Email → personalEmail.address,
//   Mobile → mobilePhone.number, Home_Phone → homePhone.number, Fax → faxPhone.number,
//   Phone → workPhone.number (Zoho keeps a separate Home_Phone, so Phone is the business line),
//   Street/City/State/Zip_Code/Country (Leads) and Mailing_Street/Mailing_City/Mailing_State/
//   Mailing_Zip/Mailing_Country (Contacts) → homeAddress.street1/city/stateProvince/postalCode/country.
// Everything else goes under the tenant namespace as _<tenantId>.zoho.<name>, with the name
// sanitised by sanitizeFieldName(). The Zoho record id is always there as _<tenantId>.zoho.id,
// even when the field list does not name it (Zoho's metadata usually does not).
//
// Identity: Email (namespace "Email") when the module has an Email field of type email or text,
// otherwise the record id (custom namespace kZohoRecordNamespace).
class XdmSchemaBuilder
{
    Q_DECLARE_TR_FUNCTIONS(zaw::setup::XdmSchemaBuilder)

public:
    // tenantId as /schemaregistry/stats answers it ("acmecorp"); a leading '_' is tolerated.
    explicit XdmSchemaBuilder(const QString &tenantId);

    // Schema Registry refuses a second schema with the same title (XDM-1521-400): the caller
    // picks a unique one when the default "Zoho CRM <module>" is taken.
    void setTitle(const QString &title) { m_title = title; }
    void setDescription(const QString &description) { m_description = description; }
    // Direct sync writes the rows itself, deletions included (reference aep-direct-ingestion
    // §3.5 (a)): the schema gains _<tenant>.zoho.isDeleted (boolean) and
    // _<tenant>.zoho.deletedTime (date-time), and the identity is always the Zoho record id,
    // the one value a deleted record still has (Zoho's /deleted answer gives no e-mail).
    void setForDirectSync(bool on) { m_forDirectSync = on; }

    QString tenantNamespace() const { return m_tenantNamespace; } // "_acmecorp"
    // Path of a custom field: _<tenant>.zoho.<name>; name must already be sanitised.
    QString customPath(const QString &name) const;

    XdmSchemaResult build(const QString &module, const QList<zoho::ZohoField> &fields) const;

    static XdmTypeInfo typeFor(const zoho::ZohoField &field);
    // XDM field names: ASCII letters, digits and '_'. Accents are dropped (é → e), any other
    // character becomes '_', a leading digit gets an "f_" prefix (a leading '_' is reserved for
    // the tenant namespace, so it gets the prefix too), an empty name becomes "field".
    static QString sanitizeFieldName(const QString &name);

    static const QString kProfileClass;
    static const QString kPersonDetailsGroup;
    static const QString kPersonalDetailsGroup;
    static const QString kWorkDetailsGroup;
    static const QString kEmailNamespace;
    static const QString kZohoRecordNamespace;

private:
    QString m_tenantNamespace;
    QString m_title;
    QString m_description;
    bool m_forDirectSync = false;
};

} // namespace zaw::setup
