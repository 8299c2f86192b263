// SPDX-License-Identifier: GPL-3.0-or-later
// XdmSchemaBuilder: every row of the type table, the person fields of Leads and Contacts, name
// sanitising, skipped types and the identity choice.
#include "setup/XdmSchemaBuilder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using zaw::setup::XdmFieldMapping;
using zaw::setup::XdmSchemaBuilder;
using zaw::setup::XdmSchemaResult;
using zaw::setup::XdmTypeInfo;
using zaw::zoho::ZohoField;

Q_DECLARE_METATYPE(QList<ZohoField>)

namespace {

ZohoField zohoField(const QString &apiName, const QString &dataType, const QString &jsonType = u"string"_s,
                    const QString &formulaReturn = {})
{
    ZohoField f;
    f.apiName = apiName;
    f.label = apiName;
    f.dataType = dataType;
    f.jsonType = jsonType;
    f.raw = QJsonObject{{u"api_name"_s, apiName}, {u"data_type"_s, dataType}, {u"json_type"_s, jsonType}};
    if (!formulaReturn.isEmpty())
        f.raw.insert(u"formula"_s, QJsonObject{{u"return_type"_s, formulaReturn}});
    return f;
}

// The Zoho fields of the sandbox's Leads module (app/sandbox/ZohoSeed.cpp), plus a State field,
// which real Zoho Leads have.
QList<ZohoField> leadsFields()
{
    return {zohoField(u"id"_s, u"bigint"_s),
            zohoField(u"Owner"_s, u"ownerlookup"_s, u"jsonobject"_s),
            zohoField(u"Salutation"_s, u"picklist"_s),
            zohoField(u"First_Name"_s, u"text"_s),
            zohoField(u"Last_Name"_s, u"text"_s),
            zohoField(u"Full_Name"_s, u"text"_s),
            zohoField(u"Company"_s, u"text"_s),
            zohoField(u"Designation"_s, u"text"_s),
            zohoField(u"Email"_s, u"email"_s),
            zohoField(u"Secondary_Email"_s, u"email"_s),
            zohoField(u"Phone"_s, u"phone"_s),
            zohoField(u"Mobile"_s, u"phone"_s),
            zohoField(u"Website"_s, u"website"_s),
            zohoField(u"Annual_Revenue"_s, u"currency"_s, u"double"_s),
            zohoField(u"No_of_Employees"_s, u"integer"_s, u"integer"_s),
            zohoField(u"Email_Opt_Out"_s, u"boolean"_s, u"boolean"_s),
            zohoField(u"Street"_s, u"text"_s),
            zohoField(u"City"_s, u"text"_s),
            zohoField(u"State"_s, u"text"_s),
            zohoField(u"Zip_Code"_s, u"text"_s),
            zohoField(u"Country"_s, u"text"_s),
            zohoField(u"Products_of_Interest"_s, u"multiselectpicklist"_s, u"jsonarray"_s),
            zohoField(u"Follow_Up_Date"_s, u"date"_s),
            zohoField(u"Web_Visits"_s, u"bigint"_s),
            zohoField(u"Revenue_per_Employee"_s, u"formula"_s, u"double"_s, u"double"_s),
            zohoField(u"Modified_Time"_s, u"datetime"_s)};
}

QList<ZohoField> contactsFields()
{
    return {zohoField(u"Owner"_s, u"ownerlookup"_s, u"jsonobject"_s), zohoField(u"First_Name"_s, u"text"_s),
            zohoField(u"Last_Name"_s, u"text"_s), zohoField(u"Account_Name"_s, u"lookup"_s, u"jsonobject"_s),
            zohoField(u"Email"_s, u"email"_s), zohoField(u"Phone"_s, u"phone"_s),
            zohoField(u"Home_Phone"_s, u"phone"_s), zohoField(u"Fax"_s, u"phone"_s), zohoField(u"Mobile"_s, u"phone"_s),
            zohoField(u"Date_of_Birth"_s, u"date"_s), zohoField(u"Mailing_Street"_s, u"text"_s),
            zohoField(u"Mailing_City"_s, u"text"_s), zohoField(u"Mailing_State"_s, u"text"_s),
            zohoField(u"Mailing_Zip"_s, u"text"_s), zohoField(u"Mailing_Country"_s, u"text"_s),
            // A contact's "other" address is not the person's own: it stays custom.
            zohoField(u"City"_s, u"text"_s), zohoField(u"Modified_Time"_s, u"datetime"_s)};
}

QJsonObject zohoProperties(const XdmSchemaResult &result, const QString &tenant = u"_acme"_s)
{
    return result.schema.value(u"definitions"_s)
        .toObject()
        .value(u"zohoFields"_s)
        .toObject()
        .value(u"properties"_s)
        .toObject()
        .value(tenant)
        .toObject()
        .value(u"properties"_s)
        .toObject()
        .value(u"zoho"_s)
        .toObject()
        .value(u"properties"_s)
        .toObject();
}

QStringList allOfRefs(const XdmSchemaResult &result)
{
    QStringList refs;
    for (const QJsonValue &v : result.schema.value(u"allOf"_s).toArray())
        refs.append(v.toObject().value(u"$ref"_s).toString());
    return refs;
}

QList<XdmFieldMapping> mappingsOf(const XdmSchemaResult &result, const QString &zohoField)
{
    QList<XdmFieldMapping> list;
    for (const XdmFieldMapping &m : result.fields) {
        if (m.zohoField == zohoField)
            list.append(m);
    }
    return list;
}

QString pathOf(const XdmSchemaResult &result, const QString &zohoField)
{
    const auto list = mappingsOf(result, zohoField);
    return list.size() == 1 ? list.first().xdmPath : QString();
}

} // namespace

class TestSetupSchema : public QObject
{
    Q_OBJECT

private slots:
    void typeTable_data();
    void typeTable();
    void skippedTypes_data();
    void skippedTypes();
    void leadsPersonFields();
    void contactsPersonFields();
    void personFieldOfWrongTypeStaysCustom();
    void otherModulesStayCustom();
    void schemaEnvelope();
    void tenantIdIsNormalised();
    void recordIdIsAlwaysThere();
    void sanitizeFieldName_data();
    void sanitizeFieldName();
    void sanitisedNamesDoNotCollide();
    void identityChoice_data();
    void identityChoice();
};

void TestSetupSchema::typeTable_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("jsonType");
    QTest::addColumn<QString>("formulaReturn");
    QTest::addColumn<QString>("type");        // JSON Schema type of the declared field
    QTest::addColumn<QString>("format");      // its format
    QTest::addColumn<QString>("metaXdmType"); // its meta:xdmType

    auto row = [](const char *name, const QString &dataType, const QString &jsonType, const QString &formulaReturn,
                  const QString &type, const QString &format, const QString &meta) {
        QTest::newRow(name) << dataType << jsonType << formulaReturn << type << format << meta;
    };
    const QString s = u"string"_s;
    row("text", u"text"_s, s, {}, s, {}, s);
    row("textarea", u"textarea"_s, s, {}, s, {}, s);
    row("email", u"email"_s, s, {}, s, {}, s);
    row("phone", u"phone"_s, s, {}, s, {}, s);
    row("website", u"website"_s, s, {}, s, {}, s);
    row("picklist", u"picklist"_s, s, {}, s, {}, s);
    row("autonumber", u"autonumber"_s, s, {}, s, {}, s);
    row("multiselectpicklist", u"multiselectpicklist"_s, u"jsonarray"_s, {}, u"array"_s, {}, u"array"_s);
    row("integer", u"integer"_s, u"integer"_s, {}, u"integer"_s, {}, u"int"_s);
    row("bigint as string", u"bigint"_s, s, {}, s, {}, s);
    row("bigint as integer", u"bigint"_s, u"integer"_s, {}, s, {}, s);
    row("double", u"double"_s, u"double"_s, {}, u"number"_s, {}, u"number"_s);
    row("currency", u"currency"_s, u"double"_s, {}, u"number"_s, {}, u"number"_s);
    row("percent", u"percent"_s, u"double"_s, {}, u"number"_s, {}, u"number"_s);
    row("boolean", u"boolean"_s, u"boolean"_s, {}, u"boolean"_s, {}, u"boolean"_s);
    row("date", u"date"_s, s, {}, s, u"date"_s, u"date"_s);
    row("datetime", u"datetime"_s, s, {}, s, u"date-time"_s, u"date-time"_s);
    row("lookup", u"lookup"_s, u"jsonobject"_s, {}, u"object"_s, {}, u"object"_s);
    row("ownerlookup", u"ownerlookup"_s, u"jsonobject"_s, {}, u"object"_s, {}, u"object"_s);
    row("userlookup", u"userlookup"_s, u"jsonobject"_s, {}, u"object"_s, {}, u"object"_s);
    row("formula double", u"formula"_s, u"double"_s, u"double"_s, u"number"_s, {}, u"number"_s);
    row("formula currency", u"formula"_s, u"double"_s, u"currency"_s, u"number"_s, {}, u"number"_s);
    row("formula string", u"formula"_s, s, u"string"_s, s, {}, s);
    row("formula boolean", u"formula"_s, u"boolean"_s, u"boolean"_s, u"boolean"_s, {}, u"boolean"_s);
    row("formula date", u"formula"_s, s, u"date"_s, s, u"date"_s, u"date"_s);
    row("formula datetime", u"formula"_s, s, u"datetime"_s, s, u"date-time"_s, u"date-time"_s);
    row("formula integer", u"formula"_s, u"integer"_s, u"integer"_s, u"integer"_s, {}, u"int"_s);
    row("formula without return_type uses json_type", u"formula"_s, u"double"_s, {}, u"number"_s, {}, u"number"_s);
    row("unknown type by json_type string", u"newfangled"_s, s, {}, s, {}, s);
    row("unknown type by json_type integer", u"newfangled"_s, u"integer"_s, {}, u"integer"_s, {}, u"int"_s);
    row("unknown type by json_type double", u"newfangled"_s, u"double"_s, {}, u"number"_s, {}, u"number"_s);
    row("unknown type by json_type boolean", u"newfangled"_s, u"boolean"_s, {}, u"boolean"_s, {}, u"boolean"_s);
}

// Each row end to end: the declared XDM field and the mapping entries the builder reports.
void TestSetupSchema::typeTable()
{
    QFETCH(QString, dataType);
    QFETCH(QString, jsonType);
    QFETCH(QString, formulaReturn);
    QFETCH(QString, type);
    QFETCH(QString, format);
    QFETCH(QString, metaXdmType);

    const ZohoField field = zohoField(u"Probe"_s, dataType, jsonType, formulaReturn);
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(u"Deals"_s, {field});
    QVERIFY2(result.skipped.isEmpty(), qPrintable(result.skipped.value(0).reason));

    const QJsonObject leaf = zohoProperties(result).value(u"Probe"_s).toObject();
    QCOMPARE(leaf.value(u"type"_s).toString(), type);
    QCOMPARE(leaf.value(u"format"_s).toString(), format);
    QCOMPARE(leaf.value(u"meta:xdmType"_s).toString(), metaXdmType);
    QCOMPARE(leaf.value(u"title"_s).toString(), u"Probe"_s);

    const QList<XdmFieldMapping> mappings = mappingsOf(result, u"Probe"_s);
    if (type == u"object"_s) {
        // A lookup: {id, name}, each filled from its own source attribute.
        const QJsonObject properties = leaf.value(u"properties"_s).toObject();
        QCOMPARE(properties.keys(), (QStringList{u"id"_s, u"name"_s}));
        QCOMPARE(properties.value(u"id"_s).toObject().value(u"type"_s).toString(), u"string"_s);
        QCOMPARE(properties.value(u"name"_s).toObject().value(u"type"_s).toString(), u"string"_s);
        QCOMPARE(mappings.size(), 2);
        QCOMPARE(mappings.at(0).source, u"Probe.id"_s);
        QCOMPARE(mappings.at(0).xdmPath, u"_acme.zoho.Probe.id"_s);
        QCOMPARE(mappings.at(1).source, u"Probe.name"_s);
        QCOMPARE(mappings.at(1).xdmPath, u"_acme.zoho.Probe.name"_s);
        QCOMPARE(mappings.at(1).xdmType, u"string"_s);
    } else {
        QCOMPARE(mappings.size(), 1);
        QCOMPARE(mappings.first().source, u"Probe"_s);
        QCOMPARE(mappings.first().xdmPath, u"_acme.zoho.Probe"_s);
        QCOMPARE(mappings.first().xdmType, type);
        QCOMPARE(mappings.first().xdmFormat, format);
        QVERIFY(!mappings.first().standard);
    }
    if (type == u"array"_s)
        QCOMPARE(leaf.value(u"items"_s).toObject().value(u"type"_s).toString(), u"string"_s);
    if (metaXdmType == u"int"_s) {
        QCOMPARE(leaf.value(u"minimum"_s).toInteger(), qint64(-2147483648LL));
        QCOMPARE(leaf.value(u"maximum"_s).toInteger(), qint64(2147483647));
    } else {
        QVERIFY(!leaf.contains(u"minimum"_s));
    }

    // typeFor() says the same as the declared field.
    const XdmTypeInfo info = XdmSchemaBuilder::typeFor(field);
    QCOMPARE(info.type, type);
    QCOMPARE(info.format, format);
    QCOMPARE(info.metaXdmType, metaXdmType);
}

void TestSetupSchema::skippedTypes_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("jsonType");
    QTest::addColumn<QString>("formulaReturn");
    QTest::addColumn<QString>("reasonWord"); // a word the reason must contain

    QTest::newRow("fileupload") << u"fileupload"_s << u"jsonarray"_s << QString() << u"attachments"_s;
    QTest::newRow("imageupload") << u"imageupload"_s << u"jsonarray"_s << QString() << u"attachments"_s;
    QTest::newRow("profileimage") << u"profileimage"_s << u"string"_s << QString() << u"attachments"_s;
    QTest::newRow("subform") << u"subform"_s << u"jsonarray"_s << QString() << u"Subform"_s;
    QTest::newRow("multiselectlookup") << u"multiselectlookup"_s << u"jsonarray"_s << QString() << u"linking"_s;
    QTest::newRow("multiuserlookup") << u"multiuserlookup"_s << u"jsonarray"_s << QString() << u"linking"_s;
    QTest::newRow("event_reminder") << u"event_reminder"_s << u"string"_s << QString() << u"Reminder"_s;
    QTest::newRow("RRULE") << u"RRULE"_s << u"jsonobject"_s << QString() << u"recurrence"_s;
    QTest::newRow("ALARM") << u"ALARM"_s << u"jsonobject"_s << QString() << u"Reminder"_s;
    QTest::newRow("formula of unknown type") << u"formula"_s << u"jsonobject"_s << u"matrix"_s << u"formula"_s;
    QTest::newRow("unknown object type") << u"gadget"_s << u"jsonobject"_s << QString() << u"gadget"_s;
    QTest::newRow("unknown array type") << u"gizmo"_s << u"jsonarray"_s << QString() << u"gizmo"_s;
}

void TestSetupSchema::skippedTypes()
{
    QFETCH(QString, dataType);
    QFETCH(QString, jsonType);
    QFETCH(QString, formulaReturn);
    QFETCH(QString, reasonWord);

    const QList<ZohoField> fields{zohoField(u"Kept"_s, u"text"_s),
                                  zohoField(u"Dropped"_s, dataType, jsonType, formulaReturn)};
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(u"Deals"_s, fields);
    QCOMPARE(result.skipped.size(), 1);
    QCOMPARE(result.skipped.first().zohoField, u"Dropped"_s);
    QCOMPARE(result.skipped.first().dataType, dataType);
    QVERIFY2(result.skipped.first().reason.contains(reasonWord), qPrintable(result.skipped.first().reason));
    QVERIFY(!zohoProperties(result).contains(u"Dropped"_s));
    QVERIFY(mappingsOf(result, u"Dropped"_s).isEmpty());
    QVERIFY(zohoProperties(result).contains(u"Kept"_s));
    QCOMPARE(XdmSchemaBuilder::typeFor(fields.at(1)).kind, XdmTypeInfo::Kind::Skipped);
}

void TestSetupSchema::leadsPersonFields()
{
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(u"Leads"_s, leadsFields());
    QVERIFY(result.skipped.isEmpty());

    const QList<QPair<QString, QString>> standard{{u"Salutation"_s, u"person.name.courtesyTitle"_s},
                                                  {u"First_Name"_s, u"person.name.firstName"_s},
                                                  {u"Last_Name"_s, u"person.name.lastName"_s},
                                                  {u"Full_Name"_s, u"person.name.fullName"_s},
                                                  {u"Email"_s, u"personalEmail.address"_s},
                                                  {u"Phone"_s, u"workPhone.number"_s},
                                                  {u"Mobile"_s, u"mobilePhone.number"_s},
                                                  {u"Street"_s, u"homeAddress.street1"_s},
                                                  {u"City"_s, u"homeAddress.city"_s},
                                                  {u"State"_s, u"homeAddress.stateProvince"_s},
                                                  {u"Zip_Code"_s, u"homeAddress.postalCode"_s},
                                                  {u"Country"_s, u"homeAddress.country"_s}};
    for (const auto &[zoho, path] : standard) {
        const auto list = mappingsOf(result, zoho);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().xdmPath, path);
        QVERIFY2(list.first().standard, qPrintable(zoho));
        QCOMPARE(list.first().source, zoho);
        // A standard field is not declared a second time under the tenant.
        QVERIFY2(!zohoProperties(result).contains(zoho), qPrintable(zoho));
    }
    for (const QString &custom : {u"Company"_s, u"Designation"_s, u"Secondary_Email"_s, u"Website"_s,
                                  u"Annual_Revenue"_s, u"Modified_Time"_s, u"Web_Visits"_s}) {
        QCOMPARE(pathOf(result, custom), u"_acme.zoho."_s + custom);
        QVERIFY(!mappingsOf(result, custom).first().standard);
        QVERIFY(zohoProperties(result).contains(custom));
    }
    QCOMPARE(mappingsOf(result, u"Owner"_s).size(), 2);

    // Exactly the field groups in use, in a fixed order, then the custom fields.
    QCOMPARE(allOfRefs(result), (QStringList{XdmSchemaBuilder::kProfileClass, XdmSchemaBuilder::kPersonDetailsGroup,
                                             XdmSchemaBuilder::kPersonalDetailsGroup,
                                             XdmSchemaBuilder::kWorkDetailsGroup, u"#/definitions/zohoFields"_s}));
    QCOMPARE(result.fieldGroups,
             (QStringList{XdmSchemaBuilder::kPersonDetailsGroup, XdmSchemaBuilder::kPersonalDetailsGroup,
                          XdmSchemaBuilder::kWorkDetailsGroup}));
    // Every Zoho field but the skipped ones is reported once (twice for the lookup).
    QCOMPARE(result.fields.size(), leadsFields().size() + 1);
}

void TestSetupSchema::contactsPersonFields()
{
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(u"Contacts"_s, contactsFields());
    const QList<QPair<QString, QString>> standard{{u"First_Name"_s, u"person.name.firstName"_s},
                                                  {u"Last_Name"_s, u"person.name.lastName"_s},
                                                  {u"Email"_s, u"personalEmail.address"_s},
                                                  {u"Phone"_s, u"workPhone.number"_s},
                                                  {u"Home_Phone"_s, u"homePhone.number"_s},
                                                  {u"Fax"_s, u"faxPhone.number"_s},
                                                  {u"Mobile"_s, u"mobilePhone.number"_s},
                                                  {u"Date_of_Birth"_s, u"person.birthDate"_s},
                                                  {u"Mailing_Street"_s, u"homeAddress.street1"_s},
                                                  {u"Mailing_City"_s, u"homeAddress.city"_s},
                                                  {u"Mailing_State"_s, u"homeAddress.stateProvince"_s},
                                                  {u"Mailing_Zip"_s, u"homeAddress.postalCode"_s},
                                                  {u"Mailing_Country"_s, u"homeAddress.country"_s}};
    for (const auto &[zoho, path] : standard) {
        QCOMPARE(pathOf(result, zoho), path);
        QVERIFY(mappingsOf(result, zoho).first().standard);
    }
    QCOMPARE(mappingsOf(result, u"Date_of_Birth"_s).first().xdmFormat, u"date"_s);
    // City on a contact is not its mailing address: no second writer for homeAddress.city.
    QCOMPARE(pathOf(result, u"City"_s), u"_acme.zoho.City"_s);
    QCOMPARE(pathOf(result, u"Account_Name"_s), QString()); // a lookup has two paths
    QCOMPARE(mappingsOf(result, u"Account_Name"_s).at(0).xdmPath, u"_acme.zoho.Account_Name.id"_s);
}

void TestSetupSchema::personFieldOfWrongTypeStaysCustom()
{
    // A Date_of_Birth kept as text cannot fill person.birthDate (a date); a numeric "Phone"
    // cannot fill a string phone number.
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(
        u"Contacts"_s, {zohoField(u"Date_of_Birth"_s, u"text"_s), zohoField(u"Phone"_s, u"bigint"_s, u"integer"_s),
                        zohoField(u"Mobile"_s, u"integer"_s, u"integer"_s)});
    QCOMPARE(pathOf(result, u"Date_of_Birth"_s), u"_acme.zoho.Date_of_Birth"_s);
    // bigint is a string in XDM, so it does fit a phone number.
    QCOMPARE(pathOf(result, u"Phone"_s), u"workPhone.number"_s);
    QCOMPARE(pathOf(result, u"Mobile"_s), u"_acme.zoho.Mobile"_s);
    QVERIFY(!allOfRefs(result).contains(XdmSchemaBuilder::kPersonDetailsGroup));
    QVERIFY(!allOfRefs(result).contains(XdmSchemaBuilder::kPersonalDetailsGroup));
    QVERIFY(allOfRefs(result).contains(XdmSchemaBuilder::kWorkDetailsGroup));
}

void TestSetupSchema::otherModulesStayCustom()
{
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(
        u"Accounts"_s, {zohoField(u"Account_Name"_s, u"text"_s), zohoField(u"Phone"_s, u"phone"_s),
                        zohoField(u"First_Name"_s, u"text"_s), zohoField(u"City"_s, u"text"_s)});
    for (const XdmFieldMapping &m : result.fields) {
        QVERIFY2(!m.standard, qPrintable(m.zohoField));
        QVERIFY2(m.xdmPath.startsWith(u"_acme.zoho."_s), qPrintable(m.xdmPath));
    }
    QCOMPARE(allOfRefs(result), (QStringList{XdmSchemaBuilder::kProfileClass, u"#/definitions/zohoFields"_s}));
    QVERIFY(result.fieldGroups.isEmpty());
}

void TestSetupSchema::schemaEnvelope()
{
    XdmSchemaBuilder builder(u"acme"_s);
    XdmSchemaResult result = builder.build(u"Leads"_s, leadsFields());
    const QJsonObject &schema = result.schema;
    QCOMPARE(schema.value(u"type"_s).toString(), u"object"_s);
    QCOMPARE(schema.value(u"title"_s).toString(), u"Zoho CRM Leads"_s);
    QVERIFY(schema.value(u"description"_s).toString().contains(u"Leads"_s));
    QCOMPARE(schema.value(u"meta:class"_s).toString(), u"https://ns.adobe.com/xdm/context/profile"_s);
    QCOMPARE(schema.value(u"meta:containerId"_s).toString(), u"tenant"_s);
    QCOMPARE(schema.value(u"meta:resourceType"_s).toString(), u"schemas"_s);
    QCOMPARE(schema.value(u"meta:xdmType"_s).toString(), u"object"_s);
    // Custom fields only under the tenant namespace, in the definition allOf points at.
    const QJsonObject definition = schema.value(u"definitions"_s).toObject().value(u"zohoFields"_s).toObject();
    QCOMPARE(definition.value(u"properties"_s).toObject().keys(), QStringList{u"_acme"_s});
    QVERIFY(!schema.contains(u"properties"_s));
    const QJsonObject tenant = definition.value(u"properties"_s).toObject().value(u"_acme"_s).toObject();
    QCOMPARE(tenant.value(u"type"_s).toString(), u"object"_s);
    QCOMPARE(tenant.value(u"properties"_s).toObject().keys(), QStringList{u"zoho"_s});
    QVERIFY(zohoProperties(result)
                .value(u"Company"_s)
                .toObject()
                .value(u"description"_s)
                .toString()
                .contains(u"Company"_s));

    builder.setTitle(u"Leads from Zoho (2)"_s);
    builder.setDescription(u"Mine"_s);
    result = builder.build(u"Leads"_s, leadsFields());
    QCOMPARE(result.schema.value(u"title"_s).toString(), u"Leads from Zoho (2)"_s);
    QCOMPARE(result.schema.value(u"description"_s).toString(), u"Mine"_s);
}

void TestSetupSchema::tenantIdIsNormalised()
{
    for (const QString &tenant : {u"acme"_s, u"_acme"_s, u" acme "_s}) {
        const XdmSchemaBuilder builder(tenant);
        QCOMPARE(builder.tenantNamespace(), u"_acme"_s);
        QCOMPARE(builder.customPath(u"Company"_s), u"_acme.zoho.Company"_s);
        const XdmSchemaResult result = builder.build(u"Deals"_s, {zohoField(u"Stage"_s, u"picklist"_s)});
        QVERIFY(zohoProperties(result).contains(u"Stage"_s));
    }
}

void TestSetupSchema::recordIdIsAlwaysThere()
{
    // Zoho's field metadata normally does not list the record id …
    XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(u"Deals"_s, {zohoField(u"Stage"_s, u"picklist"_s)});
    QCOMPARE(result.fields.first().zohoField, u"id"_s);
    QCOMPARE(result.fields.first().source, u"id"_s);
    QCOMPARE(result.fields.first().xdmPath, u"_acme.zoho.id"_s);
    QCOMPARE(result.fields.first().xdmType, u"string"_s);
    QCOMPARE(zohoProperties(result).value(u"id"_s).toObject().value(u"type"_s).toString(), u"string"_s);
    // … and when it does (the sandbox lists it as a bigint), it is still one string field.
    result = XdmSchemaBuilder(u"acme"_s).build(
        u"Deals"_s, {zohoField(u"id"_s, u"bigint"_s, u"integer"_s), zohoField(u"Stage"_s, u"picklist"_s)});
    QCOMPARE(mappingsOf(result, u"id"_s).size(), 1);
    QCOMPARE(result.fields.size(), 2);
    QCOMPARE(zohoProperties(result).value(u"id"_s).toObject().value(u"type"_s).toString(), u"string"_s);
}

void TestSetupSchema::sanitizeFieldName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Lead_Source"_s << u"Lead_Source"_s;
    QTest::newRow("digits inside") << u"Field_12"_s << u"Field_12"_s;
    QTest::newRow("accents dropped") << u"Número_Cliënt"_s << u"Numero_Client"_s;
    QTest::newRow("punctuation") << u"a.b-c d"_s << u"a_b_c_d"_s;
    QTest::newRow("no decomposition") << u"Größe (cm)"_s << u"Gro_e__cm_"_s;
    QTest::newRow("leading digit") << u"1st_Call"_s << u"f_1st_Call"_s;
    QTest::newRow("leading underscore") << u"_hidden"_s << u"f__hidden"_s;
    QTest::newRow("non-latin") << u"名前"_s << u"f___"_s;
    QTest::newRow("empty") << QString() << u"field"_s;
}

void TestSetupSchema::sanitizeFieldName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(XdmSchemaBuilder::sanitizeFieldName(name), expected);
}

void TestSetupSchema::sanitisedNamesDoNotCollide()
{
    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(
        u"Deals"_s,
        {zohoField(u"Net_Value"_s, u"currency"_s, u"double"_s), zohoField(u"Net-Value"_s, u"text"_s),
         zohoField(u"Net Value"_s, u"text"_s), zohoField(u"i-d"_s, u"text"_s), zohoField(u"Net_Value"_s, u"text"_s)});
    QCOMPARE(pathOf(result, u"Net_Value"_s), u"_acme.zoho.Net_Value"_s);
    QCOMPARE(pathOf(result, u"Net-Value"_s), u"_acme.zoho.Net_Value_2"_s);
    QCOMPARE(pathOf(result, u"Net Value"_s), u"_acme.zoho.Net_Value_3"_s);
    // "id" is the record id's name.
    QCOMPARE(pathOf(result, u"i-d"_s), u"_acme.zoho.i_d"_s);
    // The Zoho name stays the source: it is what explore calls the column.
    QCOMPARE(mappingsOf(result, u"Net-Value"_s).first().source, u"Net-Value"_s);
    // A field listed twice is declared once.
    QCOMPARE(zohoProperties(result).value(u"Net_Value"_s).toObject().value(u"type"_s).toString(), u"number"_s);
    QCOMPARE(zohoProperties(result).size(), 5); // id, Net_Value, Net_Value_2, Net_Value_3, i_d
}

void TestSetupSchema::identityChoice_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<QList<ZohoField>>("fields");
    QTest::addColumn<QString>("zohoField");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<bool>("custom");

    QTest::newRow("Leads: Email") << u"Leads"_s << leadsFields() << u"Email"_s << u"personalEmail.address"_s
                                  << u"Email"_s << false;
    QTest::newRow("Contacts: Email") << u"Contacts"_s << contactsFields() << u"Email"_s << u"personalEmail.address"_s
                                     << u"Email"_s << false;
    QTest::newRow("custom module with an e-mail field")
        << u"Subscriptions"_s << QList<ZohoField>{zohoField(u"Plan"_s, u"text"_s), zohoField(u"Email"_s, u"email"_s)}
        << u"Email"_s << u"_acme.zoho.Email"_s << u"Email"_s << false;
    QTest::newRow("Accounts: record id") << u"Accounts"_s << QList<ZohoField>{zohoField(u"Account_Name"_s, u"text"_s)}
                                         << u"id"_s << u"_acme.zoho.id"_s << u"ZohoCRM"_s << true;
    QTest::newRow("Leads without Email") << u"Leads"_s
                                         << QList<ZohoField>{zohoField(u"Last_Name"_s, u"text"_s),
                                                             zohoField(u"Secondary_Email"_s, u"email"_s)}
                                         << u"id"_s << u"_acme.zoho.id"_s << u"ZohoCRM"_s << true;
    QTest::newRow("an Email that is not an address")
        << u"Deals"_s << QList<ZohoField>{zohoField(u"Email"_s, u"boolean"_s, u"boolean"_s)} << u"id"_s
        << u"_acme.zoho.id"_s << u"ZohoCRM"_s << true;
}

void TestSetupSchema::identityChoice()
{
    QFETCH(QString, module);
    QFETCH(QList<ZohoField>, fields);
    QFETCH(QString, zohoField);
    QFETCH(QString, path);
    QFETCH(QString, ns);
    QFETCH(bool, custom);

    const XdmSchemaResult result = XdmSchemaBuilder(u"acme"_s).build(module, fields);
    QCOMPARE(result.identity.zohoField, zohoField);
    QCOMPARE(result.identity.xdmPath, path);
    QCOMPARE(result.identity.namespaceCode, ns);
    QCOMPARE(result.identity.customNamespace, custom);
    // The identity path is one the schema really has.
    QCOMPARE(pathOf(result, zohoField), path);
}

QTEST_GUILESS_MAIN(TestSetupSchema)
#include "tst_setup_schema.moc"
