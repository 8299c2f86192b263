// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoSeed.h"

#include "SandboxResources.h"
#include "ZohoSeedRecords.h"

#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QStringList>
#include <QTimeZone>

#include <functional>

namespace zaw::sandbox::zohoseed {

namespace {

using namespace detail;

quint64 stableHash(const QString &text)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char c : text.toUtf8()) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

const qint64 kDay = 86400000;
// The records were "created" between these dates and last touched before kLastModified, so an
// If-Modified-Since cursor anywhere in between splits them.
const qint64 kFirstCreated = QDateTime(QDate(2025, 6, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 kLastCreated = QDateTime(QDate(2026, 8, 31), QTime(18, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 kLastModified = QDateTime(QDate(2026, 10, 30), QTime(18, 0), Qt::UTC).toMSecsSinceEpoch();
// A mass update in Zoho (import, workflow, bulk edit) stamps many records with the same second; every
// 13th lead shares this Modified_Time so that keyset paging on (Modified_Time, id) meets a tie that
// spans more than one page.
const qint64 kLeadsMassUpdate = QDateTime(QDate(2026, 10, 20), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();

QString dateOnly(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date().toString(Qt::ISODate);
}

QString dateTimeIn(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate);
}

struct FieldDef
{
    QString apiName;
    QString label;
    QString dataType;
    QStringList choices;   // picklist / multiselectpicklist
    QString lookupModule;  // lookup
    QString formulaReturn; // formula: double | string
    QString autoPrefix;    // autonumber
    bool custom = false;
    bool mandatory = false;
    bool readOnly = false;
    int nullPercent = 0; // share of records that leave the field empty

    FieldDef asMandatory() const
    {
        FieldDef f = *this;
        f.mandatory = true;
        return f;
    }
    FieldDef asReadOnly() const
    {
        FieldDef f = *this;
        f.readOnly = true;
        return f;
    }
};

FieldDef field(const QString &apiName, const QString &label, const QString &dataType)
{
    FieldDef f;
    f.apiName = apiName;
    f.label = label;
    f.dataType = dataType;
    return f;
}

QString jsonTypeOf(const FieldDef &f)
{
    const QString &t = f.dataType;
    if (t == QLatin1String("integer"))
        return QStringLiteral("integer");
    if (t == QLatin1String("double") || t == QLatin1String("currency"))
        return QStringLiteral("double");
    if (t == QLatin1String("boolean"))
        return QStringLiteral("boolean");
    if (t == QLatin1String("lookup") || t == QLatin1String("ownerlookup"))
        return QStringLiteral("jsonobject");
    if (t == QLatin1String("multiselectpicklist"))
        return QStringLiteral("jsonarray");
    if (t == QLatin1String("formula"))
        return f.formulaReturn == QLatin1String("double") ? QStringLiteral("double") : QStringLiteral("string");
    // bigint included: 18-digit values do not survive a JavaScript number.
    return QStringLiteral("string");
}

struct ModuleDef
{
    QString apiName;
    QString moduleName;
    QString singular;
    QString plural;
    QString generatedType = QStringLiteral("default");
    bool apiSupported = true;
    bool convertable = false;
    int count = 0;
    QString nameField; // what lookups to this module show
    QList<FieldDef> fields;
    FillFunction fill;
};

class IdSource
{
public:
    IdSource(const QString &prefix, qint64 start)
        : m_prefix(prefix)
        , m_next(start)
    {}
    QString next() { return m_prefix + QStringLiteral("%1").arg(m_next++, 12, 10, QLatin1Char('0')); }

private:
    QString m_prefix;
    qint64 m_next;
};

QJsonObject userRef(const QJsonObject &user, bool withEmail)
{
    QJsonObject ref{{QStringLiteral("name"), user.value(QStringLiteral("full_name"))},
                    {QStringLiteral("id"), user.value(QStringLiteral("id"))}};
    if (withEmail)
        ref.insert(QStringLiteral("email"), user.value(QStringLiteral("email")));
    return ref;
}

QJsonValue defaultValue(const FieldDef &f, int index, qint64 createdMs, Rng &rng, const GenContext &ctx)
{
    const QString &t = f.dataType;
    if (t == QLatin1String("text"))
        return QStringLiteral("%1 %2").arg(f.label).arg(index + 1);
    if (t == QLatin1String("textarea"))
        return rng.pick(vocabulary().sentences);
    if (t == QLatin1String("email"))
        return QStringLiteral("contact%1@example.net").arg(index + 1);
    if (t == QLatin1String("phone"))
        return QStringLiteral("+1 555 %1 %2").arg(rng.between(100, 999)).arg(rng.between(1000, 9999));
    if (t == QLatin1String("website"))
        return QStringLiteral("https://www.example-%1.com").arg(index + 1);
    if (t == QLatin1String("picklist"))
        return rng.pick(f.choices);
    if (t == QLatin1String("multiselectpicklist")) {
        QJsonArray chosen;
        for (const QString &choice : f.choices) {
            if (rng.chance(35))
                chosen.append(choice);
        }
        if (chosen.isEmpty())
            chosen.append(f.choices.first());
        return chosen;
    }
    if (t == QLatin1String("integer"))
        return rng.between(1, 500);
    if (t == QLatin1String("bigint"))
        return QString::number(qint64(rng.between(1, 900000)) * 1000003LL + rng.between(0, 999));
    if (t == QLatin1String("double"))
        return rng.between(0, 10000) / 100.0;
    if (t == QLatin1String("currency"))
        return rng.between(10000, 10000000) / 100.0;
    if (t == QLatin1String("boolean"))
        return rng.chance(30);
    if (t == QLatin1String("date"))
        return dateOnly(createdMs + qint64(rng.between(1, 120)) * kDay, ctx.zone);
    if (t == QLatin1String("datetime"))
        return dateTimeIn(createdMs + qint64(rng.between(1, 2000)) * 3600000LL, ctx.zone);
    if (t == QLatin1String("ownerlookup"))
        return userRef(ctx.users.at(rng.bounded(int(ctx.users.size()))).toObject(), true);
    if (t == QLatin1String("lookup")) {
        const QList<Reference> targets = ctx.names.value(f.lookupModule);
        if (targets.isEmpty())
            return QJsonValue::Null;
        const Reference &target = rng.pick(targets);
        return QJsonObject{{QStringLiteral("name"), target.name}, {QStringLiteral("id"), target.id}};
    }
    if (t == QLatin1String("autonumber"))
        return QStringLiteral("%1%2").arg(f.autoPrefix).arg(index + 1, 5, 10, QLatin1Char('0'));
    return QJsonValue::Null; // formula: computed by the module's fill function
}

QJsonObject fieldJson(const FieldDef &f, IdSource &ids, const QString &currencySymbol, const QJsonArray &profiles)
{
    QJsonArray pickValues;
    for (int i = 0; i < f.choices.size(); ++i) {
        pickValues.append(QJsonObject{{QStringLiteral("display_value"), f.choices.at(i)},
                                      {QStringLiteral("actual_value"), f.choices.at(i)},
                                      {QStringLiteral("reference_value"), f.choices.at(i)},
                                      {QStringLiteral("sequence_number"), i + 1},
                                      {QStringLiteral("id"), ids.next()},
                                      {QStringLiteral("type"), QStringLiteral("used")}});
    }
    QJsonObject lookupJson;
    if (!f.lookupModule.isEmpty()) {
        lookupJson = QJsonObject{{QStringLiteral("display_label"), f.label},
                                 {QStringLiteral("api_name"), f.apiName},
                                 {QStringLiteral("module"), QJsonObject{{QStringLiteral("api_name"), f.lookupModule},
                                                                        {QStringLiteral("id"), QJsonValue::Null}}}};
    }
    QJsonObject autoNumberJson;
    if (f.dataType == QLatin1String("autonumber")) {
        autoNumberJson = QJsonObject{{QStringLiteral("prefix"), f.autoPrefix},
                                     {QStringLiteral("suffix"), QString()},
                                     {QStringLiteral("start_number"), 1}};
    }
    QJsonObject formulaJson;
    if (f.dataType == QLatin1String("formula"))
        formulaJson = QJsonObject{{QStringLiteral("return_type"), f.formulaReturn}};
    QJsonObject currencyJson;
    QJsonValue decimals = QJsonValue::Null;
    if (f.dataType == QLatin1String("currency") ||
        (f.dataType == QLatin1String("formula") && f.formulaReturn == QLatin1String("double"))) {
        currencyJson = QJsonObject{{QStringLiteral("rounding_option"), QStringLiteral("normal")},
                                   {QStringLiteral("precision"), 2},
                                   {QStringLiteral("symbol"), currencySymbol}};
        decimals = 2;
    } else if (f.dataType == QLatin1String("double")) {
        decimals = 2;
    }
    int length = 255;
    if (f.dataType == QLatin1String("textarea"))
        length = 32000;
    else if (f.dataType == QLatin1String("email") || f.dataType == QLatin1String("phone"))
        length = 100;
    else if (f.dataType == QLatin1String("integer"))
        length = 9;
    else if (f.dataType == QLatin1String("bigint") || f.dataType == QLatin1String("lookup") ||
             f.dataType == QLatin1String("ownerlookup"))
        length = 18;
    else if (f.dataType == QLatin1String("currency") || f.dataType == QLatin1String("double"))
        length = 16;
    else if (f.dataType == QLatin1String("boolean"))
        length = 5;

    const bool apiWritable = !f.readOnly;
    QJsonArray fieldProfiles;
    for (const QJsonValue &p : profiles) {
        QJsonObject profile = p.toObject();
        profile.insert(QStringLiteral("permission_type"),
                       f.readOnly ? QStringLiteral("read_only") : QStringLiteral("read_write"));
        fieldProfiles.append(profile);
    }
    return QJsonObject{
        {QStringLiteral("id"), ids.next()},
        {QStringLiteral("api_name"), f.apiName},
        {QStringLiteral("field_label"), f.label},
        {QStringLiteral("display_label"), f.label},
        {QStringLiteral("data_type"), f.dataType},
        {QStringLiteral("json_type"), jsonTypeOf(f)},
        {QStringLiteral("system_mandatory"), f.mandatory},
        {QStringLiteral("custom_field"), f.custom},
        {QStringLiteral("created_source"), f.custom ? QStringLiteral("custom") : QStringLiteral("default")},
        {QStringLiteral("read_only"), f.readOnly},
        {QStringLiteral("field_read_only"), f.readOnly},
        {QStringLiteral("visible"), true},
        {QStringLiteral("length"), length},
        {QStringLiteral("decimal_place"), decimals},
        {QStringLiteral("pick_list_values"), pickValues},
        {QStringLiteral("lookup"), lookupJson},
        {QStringLiteral("auto_number"), autoNumberJson},
        {QStringLiteral("formula"), formulaJson},
        {QStringLiteral("currency"), currencyJson},
        {QStringLiteral("unique"), QJsonObject()},
        {QStringLiteral("operation_type"), QJsonObject{{QStringLiteral("web_create"), apiWritable},
                                                       {QStringLiteral("web_update"), apiWritable},
                                                       {QStringLiteral("api_create"), apiWritable},
                                                       {QStringLiteral("api_update"), apiWritable}}},
        {QStringLiteral("sortable"),
         f.dataType != QLatin1String("textarea") && f.dataType != QLatin1String("multiselectpicklist")},
        {QStringLiteral("filterable"), f.dataType != QLatin1String("textarea")},
        {QStringLiteral("searchable"), f.dataType == QLatin1String("text") || f.dataType == QLatin1String("email") ||
                                           f.dataType == QLatin1String("phone")},
        {QStringLiteral("profiles"), fieldProfiles},
    };
}

FieldDef fieldFromJson(const QJsonObject &json)
{
    FieldDef f = field(json.value(QStringLiteral("apiName")).toString(), json.value(QStringLiteral("label")).toString(),
                       json.value(QStringLiteral("type")).toString());
    f.choices = stringList(json.value(QStringLiteral("choices")));
    f.lookupModule = json.value(QStringLiteral("lookupModule")).toString();
    f.formulaReturn = json.value(QStringLiteral("formulaReturn")).toString();
    f.autoPrefix = json.value(QStringLiteral("autoPrefix")).toString();
    f.custom = json.value(QStringLiteral("custom")).toBool();
    f.mandatory = json.value(QStringLiteral("mandatory")).toBool();
    f.readOnly = json.value(QStringLiteral("readOnly")).toBool();
    f.nullPercent = json.value(QStringLiteral("nullPercent")).toInt();
    return f;
}

// The modules in generation order (resources/sandbox/zoho/seed.json): lookups need their targets
// generated first.
QList<ModuleDef> moduleDefinitions()
{
    QList<ModuleDef> defs;
    const QJsonObject seed = sandboxResource(QStringLiteral("zoho/seed.json")).toObject();
    for (const QJsonValue &value : seed.value(QStringLiteral("modules")).toArray()) {
        const QJsonObject json = value.toObject();
        ModuleDef def;
        def.apiName = json.value(QStringLiteral("apiName")).toString();
        def.moduleName = json.value(QStringLiteral("moduleName")).toString();
        def.singular = json.value(QStringLiteral("singular")).toString();
        def.plural = json.value(QStringLiteral("plural")).toString();
        def.generatedType = json.value(QStringLiteral("generatedType")).toString(QStringLiteral("default"));
        def.apiSupported = json.value(QStringLiteral("apiSupported")).toBool(true);
        def.convertable = json.value(QStringLiteral("convertable")).toBool();
        def.count = json.value(QStringLiteral("count")).toInt();
        def.nameField = json.value(QStringLiteral("nameField")).toString();
        for (const QJsonValue &f : json.value(QStringLiteral("fields")).toArray())
            def.fields.append(fieldFromJson(f.toObject()));
        def.fill = fillFunctions().value(def.apiName);
        defs.append(def);
    }
    return defs;
}

// The order in which Zoho's module list shows them.
QStringList moduleOrder()
{
    return stringList(
        sandboxResource(QStringLiteral("zoho/seed.json")).toObject().value(QStringLiteral("moduleOrder")));
}

QList<FieldDef> withSystemFields(const ModuleDef &def)
{
    QList<FieldDef> all;
    all.append(field(QStringLiteral("id"), QStringLiteral("Record Id"), QStringLiteral("bigint")).asReadOnly());
    all.append(
        field(QStringLiteral("Owner"), QStringLiteral("%1 Owner").arg(def.singular), QStringLiteral("ownerlookup"))
            .asMandatory());
    all.append(def.fields);
    all.append(
        field(QStringLiteral("Created_By"), QStringLiteral("Created By"), QStringLiteral("ownerlookup")).asReadOnly());
    all.append(
        field(QStringLiteral("Created_Time"), QStringLiteral("Created Time"), QStringLiteral("datetime")).asReadOnly());
    all.append(field(QStringLiteral("Modified_By"), QStringLiteral("Modified By"), QStringLiteral("ownerlookup"))
                   .asReadOnly());
    all.append(field(QStringLiteral("Modified_Time"), QStringLiteral("Modified Time"), QStringLiteral("datetime"))
                   .asReadOnly());
    return all;
}

QJsonObject userJson(const QString &id, const QString &first, const QString &last, const QString &email,
                     const QString &zuid, const QJsonObject &role, const QJsonObject &profile, const SeedOrg &org,
                     qint64 createdMs, const QTimeZone &zone)
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("first_name"), first},
        {QStringLiteral("last_name"), last},
        {QStringLiteral("full_name"), first + QLatin1Char(' ') + last},
        {QStringLiteral("email"), email},
        {QStringLiteral("zuid"), zuid},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("confirm"), true},
        {QStringLiteral("role"), role},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("locale"), QStringLiteral("en_US")},
        {QStringLiteral("time_format"), QStringLiteral("HH:mm")},
        {QStringLiteral("date_format"), QStringLiteral("yyyy-MM-dd")},
        {QStringLiteral("time_zone"), org.timeZone},
        {QStringLiteral("country"), org.countryCode},
        {QStringLiteral("type__s"), QStringLiteral("Regular User")},
        {QStringLiteral("created_time"), dateTimeIn(createdMs, zone)},
    };
}

} // namespace

bool Module::apiSupported() const
{
    return metadata.value(QStringLiteral("api_supported")).toBool();
}

bool Module::usesCustomScope() const
{
    const QString type = metadata.value(QStringLiteral("generated_type")).toString();
    return type == QLatin1String("custom") || type == QLatin1String("linking");
}

const Module *OrgData::module(const QString &apiName) const
{
    for (const Module &m : modules) {
        if (m.apiName.compare(apiName, Qt::CaseInsensitive) == 0)
            return &m;
    }
    return nullptr;
}

QString formatDateTime(qint64 msecsSinceEpoch, const QString &timeZone)
{
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(0);
    return dateTimeIn(msecsSinceEpoch, zone);
}

QList<SeedUser> users()
{
    QList<SeedUser> list;
    const QJsonObject seed = sandboxResource(QStringLiteral("zoho/seed.json")).toObject();
    for (const QJsonValue &value : seed.value(QStringLiteral("users")).toArray()) {
        const QJsonObject json = value.toObject();
        SeedUser user;
        user.login = json.value(QStringLiteral("login")).toString();
        user.home = json.value(QStringLiteral("home")).toString();
        user.firstName = json.value(QStringLiteral("firstName")).toString();
        user.lastName = json.value(QStringLiteral("lastName")).toString();
        user.zuid = json.value(QStringLiteral("zuid")).toString();
        user.roleName = json.value(QStringLiteral("roleName")).toString();
        user.profileName = json.value(QStringLiteral("profileName")).toString();
        user.apiAccess = json.value(QStringLiteral("apiAccess")).toBool(true);
        for (const QJsonValue &o : json.value(QStringLiteral("orgs")).toArray()) {
            const QJsonObject orgJson = o.toObject();
            SeedOrg org;
            org.id = orgJson.value(QStringLiteral("id")).toString();
            org.idPrefix = orgJson.value(QStringLiteral("idPrefix")).toString();
            org.companyName = orgJson.value(QStringLiteral("companyName")).toString();
            org.domainName = orgJson.value(QStringLiteral("domainName")).toString();
            org.environment = orgJson.value(QStringLiteral("environment")).toString();
            org.edition = orgJson.value(QStringLiteral("edition")).toString();
            org.timeZone = orgJson.value(QStringLiteral("timeZone")).toString();
            org.currency = orgJson.value(QStringLiteral("currency")).toString();
            org.currencySymbol = orgJson.value(QStringLiteral("currencySymbol")).toString();
            org.countryCode = orgJson.value(QStringLiteral("countryCode")).toString();
            org.licensedUsers = orgJson.value(QStringLiteral("licensedUsers")).toInt(10);
            user.orgs.append(org);
        }
        list.append(user);
    }
    return list;
}

OrgData buildOrg(const SeedUser &user, const SeedOrg &org)
{
    OrgData data;
    data.org = org;
    data.dataCenter = user.home;
    data.signedInLogin = user.login;

    QTimeZone zone(org.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(0);
    IdSource metaIds(org.idPrefix, 100);
    IdSource recordIds(org.idPrefix, 2000001);

    const QJsonObject adminProfile{{QStringLiteral("name"), QStringLiteral("Administrator")},
                                   {QStringLiteral("id"), metaIds.next()}};
    const QJsonObject standardProfile{{QStringLiteral("name"), QStringLiteral("Standard")},
                                      {QStringLiteral("id"), metaIds.next()}};
    const QJsonObject userProfile =
        user.profileName == QLatin1String("Administrator")
            ? adminProfile
            : QJsonObject{{QStringLiteral("name"), user.profileName}, {QStringLiteral("id"), metaIds.next()}};
    const QJsonObject ownRole{{QStringLiteral("name"), user.roleName}, {QStringLiteral("id"), metaIds.next()}};
    const QJsonObject managerRole{{QStringLiteral("name"), QStringLiteral("Sales Manager")},
                                  {QStringLiteral("id"), metaIds.next()}};

    const QString emailDomain = user.login.section(QLatin1Char('@'), 1);
    const qint64 orgCreated = kFirstCreated - 90 * kDay;
    data.users.append(userJson(metaIds.next(), user.firstName, user.lastName, user.login, user.zuid, ownRole,
                               userProfile, org, orgCreated, zone));
    // Colleagues differ per org (derived from the org ID) so that Owner values vary between orgs.
    Rng people(stableHash(org.id));
    for (int i = 0; i < 2; ++i) {
        const QString first = vocabulary().firstNames.at((people.bounded(int(vocabulary().firstNames.size())) + i * 5) %
                                                         vocabulary().firstNames.size());
        const QString last = vocabulary().lastNames.at((people.bounded(int(vocabulary().lastNames.size())) + i * 7) %
                                                       vocabulary().lastNames.size());
        const QString email = QStringLiteral("%1.%2@%3").arg(first.toLower(), last.toLower(), emailDomain);
        data.users.append(userJson(metaIds.next(), first, last, email,
                                   QString::number(50000000 + people.bounded(40000000)), managerRole, standardProfile,
                                   org, orgCreated + (i + 1) * 7 * kDay, zone));
    }

    const QJsonObject primaryUser = data.users.first().toObject();
    const bool paid = org.edition != QLatin1String("free");
    data.orgJson = QJsonObject{
        {QStringLiteral("id"), org.id},
        {QStringLiteral("company_name"), org.companyName},
        {QStringLiteral("alias"), QJsonValue::Null},
        {QStringLiteral("domain_name"), org.domainName},
        {QStringLiteral("primary_email"), user.login},
        {QStringLiteral("primary_zuid"), user.zuid},
        {QStringLiteral("zgid"), QString::number(stableHash(org.id) % 900000000ULL + 100000000ULL)},
        {QStringLiteral("type"), org.environment},
        {QStringLiteral("time_zone"), org.timeZone},
        {QStringLiteral("currency"), org.currency},
        {QStringLiteral("iso_code"), org.currency},
        {QStringLiteral("currency_symbol"), org.currencySymbol},
        {QStringLiteral("currency_locale"), QStringLiteral("en_%1").arg(org.countryCode)},
        {QStringLiteral("country_code"), org.countryCode},
        {QStringLiteral("mc_status"), false},
        {QStringLiteral("gapps_enabled"), false},
        {QStringLiteral("hipaa_compliance_enabled"), false},
        {QStringLiteral("privacy_settings"), true},
        {QStringLiteral("max_per_page"), 200},
        {QStringLiteral("license_details"),
         QJsonObject{{QStringLiteral("paid"), paid},
                     {QStringLiteral("paid_type"), org.edition},
                     {QStringLiteral("users_license_purchased"), org.licensedUsers},
                     {QStringLiteral("portal_users_license_purchased"), 0},
                     {QStringLiteral("trial_type"), QJsonValue::Null},
                     {QStringLiteral("trial_expiry"), QJsonValue::Null},
                     {QStringLiteral("paid_expiry"),
                      paid ? QJsonValue(QStringLiteral("2027-03-31T23:59:59+00:00")) : QJsonValue()}}},
    };

    GenContext ctx;
    ctx.zone = zone;
    ctx.users = data.users;
    const QJsonArray moduleProfiles{adminProfile, standardProfile};
    const QJsonObject modifiedBy = userRef(primaryUser, false);

    QHash<QString, Module> built;
    QHash<QString, int> sequence;
    const QStringList order = moduleOrder();
    for (int i = 0; i < order.size(); ++i)
        sequence.insert(order.at(i), i + 1);

    for (const ModuleDef &def : moduleDefinitions()) {
        Module module;
        module.apiName = def.apiName;
        const bool isCustom = def.generatedType != QLatin1String("default");
        module.metadata = QJsonObject{
            {QStringLiteral("id"), metaIds.next()},
            {QStringLiteral("api_name"), def.apiName},
            {QStringLiteral("module_name"), def.moduleName.isEmpty() ? def.apiName : def.moduleName},
            {QStringLiteral("singular_label"), def.singular},
            {QStringLiteral("plural_label"), def.plural},
            {QStringLiteral("actual_singular_label"), def.singular},
            {QStringLiteral("actual_plural_label"), def.plural},
            {QStringLiteral("api_supported"), def.apiSupported},
            {QStringLiteral("generated_type"), def.generatedType},
            {QStringLiteral("creatable"), def.apiSupported},
            {QStringLiteral("editable"), def.apiSupported},
            {QStringLiteral("deletable"), def.apiSupported},
            {QStringLiteral("viewable"), true},
            {QStringLiteral("convertable"), def.convertable},
            {QStringLiteral("visibility"), 1},
            {QStringLiteral("status"), QStringLiteral("visible")},
            {QStringLiteral("parent_module"), QJsonObject()},
            {QStringLiteral("profiles"), moduleProfiles},
            {QStringLiteral("sequence_number"), sequence.value(def.apiName)},
            {QStringLiteral("modified_time"),
             isCustom ? QJsonValue(dateTimeIn(orgCreated + 30 * kDay, zone)) : QJsonValue()},
            {QStringLiteral("modified_by"), isCustom ? QJsonValue(modifiedBy) : QJsonValue()},
            {QStringLiteral("access_type"), QStringLiteral("org_based")},
            {QStringLiteral("global_search_supported"),
             def.apiSupported && def.generatedType != QLatin1String("linking")},
            {QStringLiteral("show_as_tab"), def.generatedType != QLatin1String("linking")},
            {QStringLiteral("quick_create"), def.apiSupported && def.generatedType != QLatin1String("linking")},
            {QStringLiteral("web_link"), QJsonValue::Null},
            {QStringLiteral("arguments"), QJsonArray()},
        };
        if (!def.apiSupported) {
            built.insert(def.apiName, module);
            continue;
        }

        const QList<FieldDef> fields = withSystemFields(def);
        for (const FieldDef &f : fields)
            module.fields.append(fieldJson(f, metaIds, org.currencySymbol, moduleProfiles));

        Rng rng(stableHash(org.id + QLatin1Char('/') + def.apiName));
        QList<Reference> names;
        const qint64 span = kLastCreated - kFirstCreated;
        for (int i = 0; i < def.count; ++i) {
            Record record;
            record.id = recordIds.next();
            // Whole seconds, spread evenly with a little jitter, so Created_Time follows the ids.
            const qint64 slot = span / qMax(def.count, 1);
            record.createdMs =
                (kFirstCreated + slot * i + rng.bounded(int(qMin<qint64>(slot / 2, 3 * 3600000LL)))) / 1000 * 1000;
            if (rng.chance(20)) {
                record.modifiedMs = record.createdMs;
            } else {
                const qint64 later =
                    record.createdMs + qint64(rng.between(1, 150)) * kDay + qint64(rng.bounded(86400)) * 1000;
                record.modifiedMs = qMin(later, kLastModified - qint64(rng.bounded(72 * 3600)) * 1000);
                record.modifiedMs = qMax(record.modifiedMs, record.createdMs);
            }
            // Set after the draws above so that every other value of the seed stays as it was.
            if (def.apiName == QLatin1String("Leads") && i % 13 == 4)
                record.modifiedMs = qMax(kLeadsMassUpdate, record.createdMs);

            QJsonObject values;
            if (def.fill)
                def.fill(i, rng, ctx, values);
            for (const FieldDef &f : fields) {
                if (values.contains(f.apiName))
                    continue;
                if (f.nullPercent > 0 && rng.chance(f.nullPercent)) {
                    values.insert(f.apiName, QJsonValue::Null);
                    continue;
                }
                values.insert(f.apiName, defaultValue(f, i, record.createdMs, rng, ctx));
            }
            const QJsonObject owner = data.users.at(rng.bounded(int(data.users.size()))).toObject();
            values.insert(QStringLiteral("id"), record.id);
            values.insert(QStringLiteral("Owner"), userRef(owner, true));
            values.insert(QStringLiteral("Created_By"), userRef(owner, true));
            values.insert(QStringLiteral("Created_Time"), dateTimeIn(record.createdMs, zone));
            values.insert(QStringLiteral("Modified_Time"), dateTimeIn(record.modifiedMs, zone));
            if (values.value(QStringLiteral("Last_Activity_Time")).isString())
                values.insert(QStringLiteral("Last_Activity_Time"), dateTimeIn(record.modifiedMs, zone));
            record.values = values;
            if (!def.nameField.isEmpty())
                names.append({record.id, values.value(def.nameField).toString()});
            module.records.append(record);
        }
        ctx.names.insert(def.apiName, names);
        built.insert(def.apiName, module);
    }

    // Lookup targets are known only once every module has its id.
    for (auto it = built.begin(); it != built.end(); ++it) {
        QJsonArray fields = it->fields;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            QJsonObject f = fields.at(i).toObject();
            QJsonObject lookupJson = f.value(QStringLiteral("lookup")).toObject();
            QJsonObject target = lookupJson.value(QStringLiteral("module")).toObject();
            if (target.isEmpty())
                continue;
            target.insert(
                QStringLiteral("id"),
                built.value(target.value(QStringLiteral("api_name")).toString()).metadata.value(QStringLiteral("id")));
            lookupJson.insert(QStringLiteral("module"), target);
            f.insert(QStringLiteral("lookup"), lookupJson);
            fields.replace(i, f);
        }
        it->fields = fields;
    }
    for (const QString &name : order)
        data.modules.append(built.value(name));
    return data;
}

} // namespace zaw::sandbox::zohoseed
