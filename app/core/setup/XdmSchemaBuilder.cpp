// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/XdmSchemaBuilder.h"

#include <QJsonArray>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace zaw::setup {

const QString XdmSchemaBuilder::kProfileClass = u"https://ns.adobe.com/xdm/context/profile"_s;
const QString XdmSchemaBuilder::kPersonDetailsGroup = u"https://ns.adobe.com/xdm/context/profile-person-details"_s;
const QString XdmSchemaBuilder::kPersonalDetailsGroup = u"https://ns.adobe.com/xdm/context/profile-personal-details"_s;
const QString XdmSchemaBuilder::kWorkDetailsGroup = u"https://ns.adobe.com/xdm/context/profile-work-details"_s;
const QString XdmSchemaBuilder::kEmailNamespace = u"Email"_s;
const QString XdmSchemaBuilder::kZohoRecordNamespace = u"ZohoCRM"_s;

namespace {

// Where the Zoho fields live inside the tenant namespace: one object, so that a second source
// (another CRM) can sit next to it without clashing names.
const QString kZohoContainer = u"zoho"_s;
const QString kRecordIdField = u"id"_s;

enum class Group { PersonDetails, PersonalDetails, WorkDetails };

struct StandardTarget
{
    const char *zohoField;
    const char *path;
    Group group;
    const char *format; // the format the Zoho field must map to (nullptr: a plain string)
};

// Person fields of both Leads and Contacts.
const StandardTarget kPersonTargets[] = {
    {"Salutation", "person.name.courtesyTitle", Group::PersonDetails, nullptr},
    {"First_Name", "person.name.firstName", Group::PersonDetails, nullptr},
    {"Last_Name", "person.name.lastName", Group::PersonDetails, nullptr},
    {"Full_Name", "person.name.fullName", Group::PersonDetails, nullptr},
    {"Date_of_Birth", "person.birthDate", Group::PersonDetails, "date"},
    {"Email", "personalEmail.address", Group::PersonalDetails, nullptr},
    {"Mobile", "mobilePhone.number", Group::PersonalDetails, nullptr},
    {"Home_Phone", "homePhone.number", Group::PersonalDetails, nullptr},
    {"Fax", "faxPhone.number", Group::PersonalDetails, nullptr},
    {"Phone", "workPhone.number", Group::WorkDetails, nullptr},
};

// Leads keep one address; Contacts have a mailing and an "other" address, of which the mailing
// one is the person's own.
const StandardTarget kLeadAddressTargets[] = {
    {"Street", "homeAddress.street1", Group::PersonalDetails, nullptr},
    {"City", "homeAddress.city", Group::PersonalDetails, nullptr},
    {"State", "homeAddress.stateProvince", Group::PersonalDetails, nullptr},
    {"Zip_Code", "homeAddress.postalCode", Group::PersonalDetails, nullptr},
    {"Country", "homeAddress.country", Group::PersonalDetails, nullptr},
};

const StandardTarget kContactAddressTargets[] = {
    {"Mailing_Street", "homeAddress.street1", Group::PersonalDetails, nullptr},
    {"Mailing_City", "homeAddress.city", Group::PersonalDetails, nullptr},
    {"Mailing_State", "homeAddress.stateProvince", Group::PersonalDetails, nullptr},
    {"Mailing_Zip", "homeAddress.postalCode", Group::PersonalDetails, nullptr},
    {"Mailing_Country", "homeAddress.country", Group::PersonalDetails, nullptr},
};

const QString &groupId(Group group)
{
    switch (group) {
    case Group::PersonDetails:
        return XdmSchemaBuilder::kPersonDetailsGroup;
    case Group::PersonalDetails:
        return XdmSchemaBuilder::kPersonalDetailsGroup;
    case Group::WorkDetails:
        break;
    }
    return XdmSchemaBuilder::kWorkDetailsGroup;
}

const StandardTarget *standardTargetFor(const QString &module, const QString &apiName)
{
    const bool leads = module.compare(u"Leads"_s, Qt::CaseInsensitive) == 0;
    const bool contacts = module.compare(u"Contacts"_s, Qt::CaseInsensitive) == 0;
    if (!leads && !contacts)
        return nullptr;
    for (const StandardTarget &t : kPersonTargets) {
        if (apiName == QLatin1String(t.zohoField))
            return &t;
    }
    if (leads) {
        for (const StandardTarget &t : kLeadAddressTargets) {
            if (apiName == QLatin1String(t.zohoField))
                return &t;
        }
    } else {
        for (const StandardTarget &t : kContactAddressTargets) {
            if (apiName == QLatin1String(t.zohoField))
                return &t;
        }
    }
    return nullptr;
}

XdmTypeInfo scalar(const QString &type, const QString &metaXdmType, const QString &format = {})
{
    XdmTypeInfo info;
    info.kind = XdmTypeInfo::Kind::Scalar;
    info.type = type;
    info.metaXdmType = metaXdmType;
    info.format = format;
    return info;
}

XdmTypeInfo skipped(const QString &reason)
{
    XdmTypeInfo info;
    info.kind = XdmTypeInfo::Kind::Skipped;
    info.reason = reason;
    return info;
}

// Shared by data_type and by a formula's return_type, which uses the same words.
std::optional<XdmTypeInfo> scalarForDataType(const QString &dataType)
{
    static const QSet<QString> strings = {u"text"_s,    u"textarea"_s, u"email"_s,      u"phone"_s,
                                          u"website"_s, u"picklist"_s, u"autonumber"_s, u"string"_s};
    static const QSet<QString> numbers = {u"double"_s, u"currency"_s, u"percent"_s, u"decimal"_s};
    if (strings.contains(dataType) || dataType == u"bigint"_s)
        return scalar(u"string"_s, u"string"_s);
    if (dataType == u"integer"_s)
        return scalar(u"integer"_s, u"int"_s);
    if (numbers.contains(dataType))
        return scalar(u"number"_s, u"number"_s);
    if (dataType == u"boolean"_s)
        return scalar(u"boolean"_s, u"boolean"_s);
    if (dataType == u"date"_s)
        return scalar(u"string"_s, u"date"_s, u"date"_s);
    if (dataType == u"datetime"_s)
        return scalar(u"string"_s, u"date-time"_s, u"date-time"_s);
    return std::nullopt;
}

std::optional<XdmTypeInfo> scalarForJsonType(const QString &jsonType)
{
    if (jsonType == u"string"_s)
        return scalar(u"string"_s, u"string"_s);
    if (jsonType == u"integer"_s)
        return scalar(u"integer"_s, u"int"_s);
    if (jsonType == u"double"_s)
        return scalar(u"number"_s, u"number"_s);
    if (jsonType == u"boolean"_s)
        return scalar(u"boolean"_s, u"boolean"_s);
    return std::nullopt;
}

QJsonObject stringLeaf(const QString &title)
{
    return QJsonObject{{u"title"_s, title}, {u"type"_s, u"string"_s}, {u"meta:xdmType"_s, u"string"_s}};
}

QJsonObject objectNode(const QString &title, const QJsonObject &properties)
{
    return QJsonObject{
        {u"title"_s, title}, {u"type"_s, u"object"_s}, {u"meta:xdmType"_s, u"object"_s}, {u"properties"_s, properties}};
}

// The XDM declaration of one custom field. Descriptions go to AEP, where the whole org reads
// them, so they name the Zoho field rather than being translated for this user.
QJsonObject customLeaf(const zoho::ZohoField &field, const XdmTypeInfo &info)
{
    const QString title = field.label.isEmpty() ? field.apiName : field.label;
    QJsonObject leaf{{u"title"_s, title},
                     {u"description"_s, u"Zoho CRM field %1 (%2)"_s.arg(field.apiName, field.dataType)}};
    switch (info.kind) {
    case XdmTypeInfo::Kind::Scalar:
        leaf.insert(u"type"_s, info.type);
        leaf.insert(u"meta:xdmType"_s, info.metaXdmType);
        if (!info.format.isEmpty())
            leaf.insert(u"format"_s, info.format);
        if (info.metaXdmType == u"int"_s) {
            // XDM's "int" is the 32-bit range; Zoho's integer fields hold at most 9 digits.
            leaf.insert(u"minimum"_s, qint64(-2147483648LL));
            leaf.insert(u"maximum"_s, qint64(2147483647LL));
        }
        break;
    case XdmTypeInfo::Kind::StringArray:
        leaf.insert(u"type"_s, u"array"_s);
        leaf.insert(u"meta:xdmType"_s, u"array"_s);
        leaf.insert(u"items"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"meta:xdmType"_s, u"string"_s}});
        break;
    case XdmTypeInfo::Kind::Lookup:
        leaf.insert(u"type"_s, u"object"_s);
        leaf.insert(u"meta:xdmType"_s, u"object"_s);
        leaf.insert(u"properties"_s, QJsonObject{{u"id"_s, stringLeaf(u"ID"_s)}, {u"name"_s, stringLeaf(u"Name"_s)}});
        break;
    case XdmTypeInfo::Kind::Skipped:
        break;
    }
    return leaf;
}

QString uniqueName(const QString &candidate, QSet<QString> *used)
{
    QString name = candidate;
    for (int n = 2; used->contains(name); ++n)
        name = candidate + u"_%1"_s.arg(n);
    used->insert(name);
    return name;
}

} // namespace

XdmSchemaBuilder::XdmSchemaBuilder(const QString &tenantId)
{
    QString tenant = tenantId.trimmed();
    while (tenant.startsWith(QLatin1Char('_')))
        tenant.remove(0, 1);
    m_tenantNamespace = QLatin1Char('_') + tenant;
}

QString XdmSchemaBuilder::customPath(const QString &name) const
{
    return m_tenantNamespace + QLatin1Char('.') + kZohoContainer + QLatin1Char('.') + name;
}

QString XdmSchemaBuilder::sanitizeFieldName(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue; // the accent of a decomposed é
        const ushort u = c.unicode();
        const bool ascii = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
        out.append(ascii ? c : QLatin1Char('_'));
    }
    if (out.isEmpty())
        return u"field"_s;
    if (out.front().isDigit() || out.front() == QLatin1Char('_'))
        out.prepend(u"f_"_s);
    return out;
}

XdmTypeInfo XdmSchemaBuilder::typeFor(const zoho::ZohoField &field)
{
    // Zoho writes most types in lower case but RRULE and ALARM in upper case.
    const QString dataType = field.dataType.trimmed().toLower();
    const QString jsonType = field.jsonType.trimmed().toLower();

    if (dataType == u"multiselectpicklist"_s) {
        XdmTypeInfo info;
        info.kind = XdmTypeInfo::Kind::StringArray;
        info.type = u"array"_s;
        info.metaXdmType = u"array"_s;
        return info;
    }
    if (dataType == u"lookup"_s || dataType == u"ownerlookup"_s || dataType == u"userlookup"_s) {
        XdmTypeInfo info;
        info.kind = XdmTypeInfo::Kind::Lookup;
        info.type = u"object"_s;
        info.metaXdmType = u"object"_s;
        return info;
    }
    if (dataType == u"fileupload"_s || dataType == u"imageupload"_s || dataType == u"profileimage"_s)
        return skipped(tr("File and image fields hold attachments, which a dataflow does not copy into AEP."));
    if (dataType == u"subform"_s) {
        return skipped(tr("Subform rows are records of their own, which a profile field cannot hold. Load the "
                          "subform's module as a table of its own if you need it."));
    }
    if (dataType == u"multiselectlookup"_s || dataType == u"multiuserlookup"_s) {
        return skipped(tr("Multi-select lookups are stored in a linking module. Load that module as a table of "
                          "its own if you need the links."));
    }
    if (dataType == u"event_reminder"_s || dataType == u"rrule"_s || dataType == u"alarm"_s)
        return skipped(tr("Reminder and recurrence settings of activities have no place in a profile."));
    if (dataType == u"formula"_s) {
        const QString returnType =
            field.raw.value(u"formula"_s).toObject().value(u"return_type"_s).toString().trimmed().toLower();
        if (auto info = scalarForDataType(returnType))
            return *info;
        if (auto info = scalarForJsonType(jsonType))
            return *info;
        return skipped(tr("The result type of this formula is unknown, so no XDM type can be chosen for it."));
    }
    if (auto info = scalarForDataType(dataType))
        return *info;
    // A type this table does not know: Zoho's json_type still says how the value travels.
    if (auto info = scalarForJsonType(jsonType))
        return *info;
    return skipped(tr("The Zoho field type \"%1\" has no XDM equivalent.").arg(field.dataType));
}

XdmSchemaResult XdmSchemaBuilder::build(const QString &module, const QList<zoho::ZohoField> &fields) const
{
    XdmSchemaResult result;
    QSet<QString> usedNames{kRecordIdField};
    if (m_forDirectSync) {
        // Reserved for the tombstone fields; a Zoho field of the same name gets a suffix.
        usedNames.insert(u"isDeleted"_s);
        usedNames.insert(u"deletedTime"_s);
    }
    QSet<QString> usedStandardPaths;
    QSet<QString> seenFields{kRecordIdField};
    bool groupUsed[3] = {false, false, false}; // indexed by Group
    QJsonObject zohoProperties;

    // The record id first: every record has one, explore always lists it, and it is the
    // identity of last resort.
    {
        zoho::ZohoField id;
        id.apiName = kRecordIdField;
        id.label = u"Record Id"_s;
        id.dataType = u"bigint"_s;
        for (const zoho::ZohoField &f : fields) {
            if (f.apiName == kRecordIdField)
                id = f;
        }
        zohoProperties.insert(kRecordIdField, customLeaf(id, scalar(u"string"_s, u"string"_s)));
        result.fields.append(
            {kRecordIdField, kRecordIdField, customPath(kRecordIdField), u"string"_s, QString(), false});
    }

    for (const zoho::ZohoField &field : fields) {
        if (field.apiName.isEmpty() || seenFields.contains(field.apiName))
            continue;
        seenFields.insert(field.apiName);
        const XdmTypeInfo info = typeFor(field);
        if (info.kind == XdmTypeInfo::Kind::Skipped) {
            result.skipped.append({field.apiName, field.dataType, info.reason});
            continue;
        }

        if (const StandardTarget *target = standardTargetFor(module, field.apiName)) {
            const QString path = QString::fromLatin1(target->path);
            const QString wantedFormat = target->format ? QString::fromLatin1(target->format) : QString();
            // Only when the value fits the standard field (a Date_of_Birth kept as text stays
            // custom), and only once per path.
            const bool fits =
                info.kind == XdmTypeInfo::Kind::Scalar && info.type == u"string"_s && info.format == wantedFormat;
            if (fits && !usedStandardPaths.contains(path)) {
                usedStandardPaths.insert(path);
                groupUsed[int(target->group)] = true;
                result.fields.append({field.apiName, field.apiName, path, info.type, info.format, true});
                continue;
            }
        }

        const QString name = uniqueName(sanitizeFieldName(field.apiName), &usedNames);
        zohoProperties.insert(name, customLeaf(field, info));
        const QString path = customPath(name);
        switch (info.kind) {
        case XdmTypeInfo::Kind::Lookup:
            result.fields.append({field.apiName, field.apiName + u".id"_s, path + u".id"_s, u"string"_s, {}, false});
            result.fields.append(
                {field.apiName, field.apiName + u".name"_s, path + u".name"_s, u"string"_s, {}, false});
            break;
        case XdmTypeInfo::Kind::StringArray:
            result.fields.append({field.apiName, field.apiName, path, u"array"_s, {}, false});
            break;
        default:
            result.fields.append({field.apiName, field.apiName, path, info.type, info.format, false});
            break;
        }
    }

    if (m_forDirectSync) {
        zoho::ZohoField flag;
        flag.apiName = u"isDeleted"_s;
        flag.label = tr("Deleted in Zoho CRM");
        flag.dataType = u"boolean"_s;
        zohoProperties.insert(flag.apiName, customLeaf(flag, scalar(u"boolean"_s, u"boolean"_s)));
        zoho::ZohoField when;
        when.apiName = u"deletedTime"_s;
        when.label = tr("Deleted in Zoho CRM at");
        when.dataType = u"datetime"_s;
        zohoProperties.insert(when.apiName, customLeaf(when, scalar(u"string"_s, u"date-time"_s, u"date-time"_s)));
        result.deletedFlagPath = customPath(flag.apiName);
        result.deletedTimePath = customPath(when.apiName);
    }

    // Identity: the e-mail address when the module has one, else the record id (always the
    // record id for a direct sync).
    result.identity = {kRecordIdField, customPath(kRecordIdField), kZohoRecordNamespace, true};
    for (const zoho::ZohoField &field : m_forDirectSync ? QList<zoho::ZohoField>() : fields) {
        const QString dataType = field.dataType.toLower();
        if (field.apiName != u"Email"_s || (dataType != u"email"_s && dataType != u"text"_s))
            continue;
        for (const XdmFieldMapping &m : std::as_const(result.fields)) {
            if (m.zohoField == field.apiName) {
                result.identity = {field.apiName, m.xdmPath, kEmailNamespace, false};
                break;
            }
        }
        break;
    }

    QJsonArray allOf{QJsonObject{{u"$ref"_s, kProfileClass}}};
    for (Group g : {Group::PersonDetails, Group::PersonalDetails, Group::WorkDetails}) {
        if (groupUsed[int(g)]) {
            allOf.append(QJsonObject{{u"$ref"_s, groupId(g)}});
            result.fieldGroups.append(groupId(g));
        }
    }
    allOf.append(QJsonObject{{u"$ref"_s, u"#/definitions/zohoFields"_s}});

    // Custom fields must sit under the tenant namespace (XDM-1021-400 otherwise).
    const QJsonObject tenant =
        objectNode(u"Zoho CRM"_s, QJsonObject{{kZohoContainer, objectNode(u"Zoho CRM fields"_s, zohoProperties)}});
    const QJsonObject definitions{
        {u"zohoFields"_s, QJsonObject{{u"type"_s, u"object"_s},
                                      {u"meta:xdmType"_s, u"object"_s},
                                      {u"properties"_s, QJsonObject{{m_tenantNamespace, tenant}}}}}};

    const QString title = m_title.isEmpty() ? tr("Zoho CRM %1").arg(module) : m_title;
    const QString description =
        m_description.isEmpty() ? tr("Profile schema for Zoho CRM %1, generated from the module's fields.").arg(module)
                                : m_description;
    result.schema = QJsonObject{{u"type"_s, u"object"_s},
                                {u"title"_s, title},
                                {u"description"_s, description},
                                {u"allOf"_s, allOf},
                                {u"definitions"_s, definitions},
                                {u"meta:class"_s, kProfileClass},
                                {u"meta:containerId"_s, u"tenant"_s},
                                {u"meta:resourceType"_s, u"schemas"_s},
                                {u"meta:xdmType"_s, u"object"_s}};
    return result;
}

} // namespace zaw::setup
