// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoSeed.h"

#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QStringList>
#include <QTimeZone>

#include <functional>

namespace zaw::sandbox::zohoseed {

namespace {

// splitmix64: tiny, well distributed and identical on every platform, unlike
// QRandomGenerator's unspecified sequence for a given seed.
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int bounded(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    int between(int low, int high) { return low + bounded(high - low + 1); }
    bool chance(int percent) { return bounded(100) < percent; }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(bounded(int(list.size()))); }

private:
    quint64 m_state;
};

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

const QStringList kFirstNames = {
    QStringLiteral("Amelia"), QStringLiteral("Bruno"), QStringLiteral("Carla"), QStringLiteral("Dmitri"),
    QStringLiteral("Elena"),  QStringLiteral("Farid"), QStringLiteral("Greta"), QStringLiteral("Hiro"),
    QStringLiteral("Ines"),   QStringLiteral("Jakub"), QStringLiteral("Keiko"), QStringLiteral("Liam"),
    QStringLiteral("Maya"),   QStringLiteral("Nils"),  QStringLiteral("Oona"),  QStringLiteral("Pavel"),
    QStringLiteral("Quinn"),  QStringLiteral("Rosa"),  QStringLiteral("Samir"), QStringLiteral("Tessa"),
    QStringLiteral("Umar"),   QStringLiteral("Vera"),  QStringLiteral("Wen"),   QStringLiteral("Yara"),
};
const QStringList kLastNames = {
    QStringLiteral("Abbott"),  QStringLiteral("Bauer"),   QStringLiteral("Castillo"), QStringLiteral("Dubois"),
    QStringLiteral("Eriksen"), QStringLiteral("Fischer"), QStringLiteral("Gupta"),    QStringLiteral("Hansen"),
    QStringLiteral("Ito"),     QStringLiteral("Jensen"),  QStringLiteral("Kowalski"), QStringLiteral("Larsen"),
    QStringLiteral("Moreau"),  QStringLiteral("Novak"),   QStringLiteral("Okafor"),   QStringLiteral("Patel"),
    QStringLiteral("Quist"),   QStringLiteral("Rossi"),   QStringLiteral("Silva"),    QStringLiteral("Tanaka"),
    QStringLiteral("Varga"),   QStringLiteral("Weber"),   QStringLiteral("Young"),    QStringLiteral("Zhang"),
};
const QStringList kCompanyStems = {
    QStringLiteral("Bluefin"),    QStringLiteral("Northgate"), QStringLiteral("Silverline"),
    QStringLiteral("Greenfield"), QStringLiteral("Ironbark"),  QStringLiteral("Brightwater"),
    QStringLiteral("Lakeside"),   QStringLiteral("Summit"),
};
const QStringList kCompanyKinds = {
    QStringLiteral("Works"),     QStringLiteral("Labs"),    QStringLiteral("Foods"),
    QStringLiteral("Logistics"), QStringLiteral("Systems"), QStringLiteral("Traders"),
};
const QList<QPair<QString, QString>> kPlaces = {
    {QStringLiteral("Austin"), QStringLiteral("United States")},
    {QStringLiteral("Toronto"), QStringLiteral("Canada")},
    {QStringLiteral("Hamburg"), QStringLiteral("Germany")},
    {QStringLiteral("Lyon"), QStringLiteral("France")},
    {QStringLiteral("Bengaluru"), QStringLiteral("India")},
    {QStringLiteral("Osaka"), QStringLiteral("Japan")},
    {QStringLiteral("Melbourne"), QStringLiteral("Australia")},
    {QStringLiteral("Riyadh"), QStringLiteral("Saudi Arabia")},
    {QStringLiteral("Porto"), QStringLiteral("Portugal")},
    {QStringLiteral("Gdansk"), QStringLiteral("Poland")},
};
const QStringList kTitles = {
    QStringLiteral("Head of Marketing"), QStringLiteral("Operations Manager"), QStringLiteral("CTO"),
    QStringLiteral("Procurement Lead"),  QStringLiteral("Data Analyst"),       QStringLiteral("Owner"),
};
const QStringList kSentences = {
    QStringLiteral("Met at the spring trade fair; asked for a product demo."),
    QStringLiteral("Prefers e-mail over phone calls.\nFollow up after the budget review."),
    QStringLiteral("Referred by an existing customer."),
    QStringLiteral("Interested in the annual plan, needs approval from finance."),
    QStringLiteral("Downloaded the whitepaper twice."),
};

QString companyName(int index)
{
    const int combos = int(kCompanyStems.size() * kCompanyKinds.size());
    QString name = kCompanyStems.at(index % kCompanyStems.size()) + QLatin1Char(' ') +
                   kCompanyKinds.at((index / kCompanyStems.size()) % kCompanyKinds.size());
    if (index >= combos)
        name += QStringLiteral(" %1").arg(index / combos + 1);
    return name;
}

QString slug(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out.append(c);
    }
    return out;
}

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

    FieldDef asCustom() const
    {
        FieldDef f = *this;
        f.custom = true;
        return f;
    }
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
    FieldDef withNulls(int percent) const
    {
        FieldDef f = *this;
        f.nullPercent = percent;
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

FieldDef picklist(const QString &apiName, const QString &label, const QStringList &choices, bool multi = false)
{
    FieldDef f = field(apiName, label, multi ? QStringLiteral("multiselectpicklist") : QStringLiteral("picklist"));
    f.choices = choices;
    return f;
}

FieldDef lookup(const QString &apiName, const QString &label, const QString &module)
{
    FieldDef f = field(apiName, label, QStringLiteral("lookup"));
    f.lookupModule = module;
    return f;
}

FieldDef formula(const QString &apiName, const QString &label, const QString &returnType)
{
    FieldDef f = field(apiName, label, QStringLiteral("formula")).asReadOnly();
    f.formulaReturn = returnType;
    return f;
}

FieldDef autoNumber(const QString &apiName, const QString &label, const QString &prefix)
{
    FieldDef f = field(apiName, label, QStringLiteral("autonumber")).asReadOnly();
    f.autoPrefix = prefix;
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

struct Reference
{
    QString id;
    QString name;
};

struct GenContext
{
    QTimeZone zone;
    QJsonArray users;                       // org users, for Owner / Created_By / Modified_By
    QHash<QString, QList<Reference>> names; // module → generated records, for lookups
};

using FillFunction = std::function<void(int index, Rng &rng, const GenContext &ctx, QJsonObject &values)>;

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
        return rng.pick(kSentences);
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

const QStringList kLeadSources = {QStringLiteral("Advertisement"),     QStringLiteral("Cold Call"),
                                  QStringLiteral("Employee Referral"), QStringLiteral("Online Store"),
                                  QStringLiteral("Partner"),           QStringLiteral("Trade Show"),
                                  QStringLiteral("Web Download")};
const QStringList kIndustries = {QStringLiteral("Manufacturing"), QStringLiteral("Retail"),
                                 QStringLiteral("Logistics"),     QStringLiteral("Healthcare"),
                                 QStringLiteral("Technology"),    QStringLiteral("Education")};
const QStringList kRatings = {QStringLiteral("Acquired"), QStringLiteral("Active"), QStringLiteral("Market Failed"),
                              QStringLiteral("Project Cancelled"), QStringLiteral("Shut Down")};
const QStringList kDealStages = {QStringLiteral("Qualification"),        QStringLiteral("Needs Analysis"),
                                 QStringLiteral("Proposal/Price Quote"), QStringLiteral("Negotiation/Review"),
                                 QStringLiteral("Closed Won"),           QStringLiteral("Closed Lost")};
const QList<int> kStageProbability = {10, 25, 50, 75, 100, 0};

void fillPerson(int index, Rng &rng, QJsonObject &values, const QString &emailDomain)
{
    const QString first = kFirstNames.at((index * 7 + rng.bounded(3)) % kFirstNames.size());
    const QString last = kLastNames.at((index * 5 + index / kLastNames.size()) % kLastNames.size());
    values.insert(QStringLiteral("First_Name"), first);
    values.insert(QStringLiteral("Last_Name"), last);
    values.insert(QStringLiteral("Full_Name"), first + QLatin1Char(' ') + last);
    values.insert(QStringLiteral("Email"),
                  QStringLiteral("%1.%2%3@%4").arg(first.toLower(), last.toLower()).arg(index + 1).arg(emailDomain));
}

QList<ModuleDef> moduleDefinitions()
{
    QList<ModuleDef> defs;

    ModuleDef leads;
    leads.apiName = QStringLiteral("Leads");
    leads.singular = QStringLiteral("Lead");
    leads.plural = QStringLiteral("Leads");
    leads.convertable = true;
    leads.count = 460;
    leads.nameField = QStringLiteral("Full_Name");
    leads.fields = {
        picklist(QStringLiteral("Salutation"), QStringLiteral("Salutation"),
                 {QStringLiteral("Mr."), QStringLiteral("Mrs."), QStringLiteral("Ms."), QStringLiteral("Dr."),
                  QStringLiteral("Prof.")})
            .withNulls(40),
        field(QStringLiteral("First_Name"), QStringLiteral("First Name"), QStringLiteral("text")),
        field(QStringLiteral("Last_Name"), QStringLiteral("Last Name"), QStringLiteral("text")).asMandatory(),
        field(QStringLiteral("Full_Name"), QStringLiteral("Lead Name"), QStringLiteral("text")).asReadOnly(),
        field(QStringLiteral("Company"), QStringLiteral("Company"), QStringLiteral("text")),
        field(QStringLiteral("Designation"), QStringLiteral("Title"), QStringLiteral("text")),
        field(QStringLiteral("Email"), QStringLiteral("Email"), QStringLiteral("email")),
        field(QStringLiteral("Secondary_Email"), QStringLiteral("Secondary Email"), QStringLiteral("email"))
            .withNulls(85),
        field(QStringLiteral("Phone"), QStringLiteral("Phone"), QStringLiteral("phone")),
        field(QStringLiteral("Mobile"), QStringLiteral("Mobile"), QStringLiteral("phone")).withNulls(30),
        field(QStringLiteral("Website"), QStringLiteral("Website"), QStringLiteral("website")).withNulls(20),
        picklist(QStringLiteral("Lead_Source"), QStringLiteral("Lead Source"), kLeadSources),
        picklist(QStringLiteral("Lead_Status"), QStringLiteral("Lead Status"),
                 {QStringLiteral("Not Contacted"), QStringLiteral("Attempted to Contact"),
                  QStringLiteral("Contact in Future"), QStringLiteral("Contacted"), QStringLiteral("Junk Lead"),
                  QStringLiteral("Pre-Qualified")}),
        picklist(QStringLiteral("Industry"), QStringLiteral("Industry"), kIndustries),
        field(QStringLiteral("Annual_Revenue"), QStringLiteral("Annual Revenue"), QStringLiteral("currency")),
        field(QStringLiteral("No_of_Employees"), QStringLiteral("No. of Employees"), QStringLiteral("integer")),
        picklist(QStringLiteral("Rating"), QStringLiteral("Rating"), kRatings).withNulls(25),
        field(QStringLiteral("Email_Opt_Out"), QStringLiteral("Email Opt Out"), QStringLiteral("boolean")),
        field(QStringLiteral("Street"), QStringLiteral("Street"), QStringLiteral("text")),
        field(QStringLiteral("City"), QStringLiteral("City"), QStringLiteral("text")),
        field(QStringLiteral("Zip_Code"), QStringLiteral("Zip Code"), QStringLiteral("text")),
        field(QStringLiteral("Country"), QStringLiteral("Country"), QStringLiteral("text")),
        field(QStringLiteral("Description"), QStringLiteral("Description"), QStringLiteral("textarea")).withNulls(30),
        picklist(QStringLiteral("Products_of_Interest"), QStringLiteral("Products of Interest"),
                 {QStringLiteral("Analytics"), QStringLiteral("Automation"), QStringLiteral("Storage"),
                  QStringLiteral("Support Plan")},
                 true)
            .asCustom(),
        field(QStringLiteral("Follow_Up_Date"), QStringLiteral("Follow-up Date"), QStringLiteral("date"))
            .asCustom()
            .withNulls(35),
        autoNumber(QStringLiteral("Lead_Reference"), QStringLiteral("Lead Reference"), QStringLiteral("LD-"))
            .asCustom(),
        field(QStringLiteral("Web_Visits"), QStringLiteral("Web Visits"), QStringLiteral("bigint")).asCustom(),
        field(QStringLiteral("Engagement_Score"), QStringLiteral("Engagement Score"), QStringLiteral("double"))
            .asCustom(),
        formula(QStringLiteral("Revenue_per_Employee"), QStringLiteral("Revenue per Employee"),
                QStringLiteral("double"))
            .asCustom(),
        field(QStringLiteral("Last_Activity_Time"), QStringLiteral("Last Activity Time"), QStringLiteral("datetime"))
            .asReadOnly(),
    };
    leads.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        const int company = rng.bounded(60);
        const QString companyText = companyName(company);
        fillPerson(index, rng, values, slug(companyText) + QStringLiteral(".example"));
        values.insert(QStringLiteral("Company"), companyText);
        values.insert(QStringLiteral("Designation"), rng.pick(kTitles));
        const auto &place = rng.pick(kPlaces);
        values.insert(QStringLiteral("City"), place.first);
        values.insert(QStringLiteral("Country"), place.second);
        values.insert(QStringLiteral("Street"), QStringLiteral("%1 Harbour Road").arg(rng.between(1, 240)));
        values.insert(QStringLiteral("Zip_Code"), QStringLiteral("%1").arg(rng.between(10000, 99999)));
        values.insert(QStringLiteral("Website"), QStringLiteral("https://www.%1.example").arg(slug(companyText)));
        const int employees = rng.between(3, 2500);
        const double revenue = employees * double(rng.between(40, 180)) * 1000.0;
        values.insert(QStringLiteral("No_of_Employees"), employees);
        values.insert(QStringLiteral("Annual_Revenue"), revenue);
        values.insert(QStringLiteral("Revenue_per_Employee"), qRound(revenue / employees * 100.0) / 100.0);
    };
    defs.append(leads);

    ModuleDef accounts;
    accounts.apiName = QStringLiteral("Accounts");
    accounts.singular = QStringLiteral("Account");
    accounts.plural = QStringLiteral("Accounts");
    accounts.count = 40;
    accounts.nameField = QStringLiteral("Account_Name");
    accounts.fields = {
        field(QStringLiteral("Account_Name"), QStringLiteral("Account Name"), QStringLiteral("text")).asMandatory(),
        field(QStringLiteral("Account_Number"), QStringLiteral("Account Number"), QStringLiteral("bigint")),
        picklist(QStringLiteral("Account_Type"), QStringLiteral("Account Type"),
                 {QStringLiteral("Analyst"), QStringLiteral("Competitor"), QStringLiteral("Customer"),
                  QStringLiteral("Distributor"), QStringLiteral("Partner"), QStringLiteral("Prospect"),
                  QStringLiteral("Reseller")}),
        picklist(QStringLiteral("Industry"), QStringLiteral("Industry"), kIndustries),
        field(QStringLiteral("Phone"), QStringLiteral("Phone"), QStringLiteral("phone")),
        field(QStringLiteral("Website"), QStringLiteral("Website"), QStringLiteral("website")),
        field(QStringLiteral("Annual_Revenue"), QStringLiteral("Annual Revenue"), QStringLiteral("currency")),
        field(QStringLiteral("Employees"), QStringLiteral("Employees"), QStringLiteral("integer")),
        picklist(QStringLiteral("Rating"), QStringLiteral("Rating"), kRatings).withNulls(30),
        lookup(QStringLiteral("Parent_Account"), QStringLiteral("Parent Account"), QStringLiteral("Accounts"))
            .withNulls(70),
        field(QStringLiteral("Billing_City"), QStringLiteral("Billing City"), QStringLiteral("text")),
        field(QStringLiteral("Billing_Country"), QStringLiteral("Billing Country"), QStringLiteral("text")),
        field(QStringLiteral("Description"), QStringLiteral("Description"), QStringLiteral("textarea")).withNulls(40),
    };
    accounts.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        const QString name = companyName(index);
        values.insert(QStringLiteral("Account_Name"), name);
        values.insert(QStringLiteral("Website"), QStringLiteral("https://www.%1.example").arg(slug(name)));
        const auto &place = rng.pick(kPlaces);
        values.insert(QStringLiteral("Billing_City"), place.first);
        values.insert(QStringLiteral("Billing_Country"), place.second);
        values.insert(QStringLiteral("Employees"), rng.between(5, 12000));
    };
    defs.append(accounts);

    ModuleDef contacts;
    contacts.apiName = QStringLiteral("Contacts");
    contacts.singular = QStringLiteral("Contact");
    contacts.plural = QStringLiteral("Contacts");
    contacts.count = 80;
    contacts.nameField = QStringLiteral("Full_Name");
    contacts.fields = {
        field(QStringLiteral("First_Name"), QStringLiteral("First Name"), QStringLiteral("text")),
        field(QStringLiteral("Last_Name"), QStringLiteral("Last Name"), QStringLiteral("text")).asMandatory(),
        field(QStringLiteral("Full_Name"), QStringLiteral("Contact Name"), QStringLiteral("text")).asReadOnly(),
        lookup(QStringLiteral("Account_Name"), QStringLiteral("Account Name"), QStringLiteral("Accounts")),
        field(QStringLiteral("Email"), QStringLiteral("Email"), QStringLiteral("email")),
        field(QStringLiteral("Phone"), QStringLiteral("Phone"), QStringLiteral("phone")),
        field(QStringLiteral("Mobile"), QStringLiteral("Mobile"), QStringLiteral("phone")).withNulls(40),
        field(QStringLiteral("Title"), QStringLiteral("Title"), QStringLiteral("text")),
        field(QStringLiteral("Department"), QStringLiteral("Department"), QStringLiteral("text")).withNulls(50),
        field(QStringLiteral("Date_of_Birth"), QStringLiteral("Date of Birth"), QStringLiteral("date")).withNulls(60),
        picklist(QStringLiteral("Lead_Source"), QStringLiteral("Lead Source"), kLeadSources),
        field(QStringLiteral("Mailing_City"), QStringLiteral("Mailing City"), QStringLiteral("text")),
        field(QStringLiteral("Mailing_Country"), QStringLiteral("Mailing Country"), QStringLiteral("text")),
        field(QStringLiteral("Email_Opt_Out"), QStringLiteral("Email Opt Out"), QStringLiteral("boolean")),
        autoNumber(QStringLiteral("Contact_Number"), QStringLiteral("Contact Number"), QStringLiteral("CT-"))
            .asCustom(),
        field(QStringLiteral("Description"), QStringLiteral("Description"), QStringLiteral("textarea")).withNulls(50),
    };
    contacts.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        fillPerson(index + 11, rng, values, QStringLiteral("mail.example"));
        values.insert(QStringLiteral("Title"), rng.pick(kTitles));
        values.insert(QStringLiteral("Department"),
                      rng.chance(50) ? QStringLiteral("Purchasing") : QStringLiteral("Finance"));
        const auto &place = rng.pick(kPlaces);
        values.insert(QStringLiteral("Mailing_City"), place.first);
        values.insert(QStringLiteral("Mailing_Country"), place.second);
        const QDate birth(rng.between(1960, 2001), rng.between(1, 12), rng.between(1, 28));
        values.insert(QStringLiteral("Date_of_Birth"), birth.toString(Qt::ISODate));
    };
    defs.append(contacts);

    ModuleDef deals;
    deals.apiName = QStringLiteral("Deals");
    deals.singular = QStringLiteral("Deal");
    deals.plural = QStringLiteral("Deals");
    deals.count = 60;
    deals.nameField = QStringLiteral("Deal_Name");
    deals.fields = {
        field(QStringLiteral("Deal_Name"), QStringLiteral("Deal Name"), QStringLiteral("text")).asMandatory(),
        lookup(QStringLiteral("Account_Name"), QStringLiteral("Account Name"), QStringLiteral("Accounts")),
        lookup(QStringLiteral("Contact_Name"), QStringLiteral("Contact Name"), QStringLiteral("Contacts"))
            .withNulls(20),
        field(QStringLiteral("Amount"), QStringLiteral("Amount"), QStringLiteral("currency")),
        picklist(QStringLiteral("Stage"), QStringLiteral("Stage"), kDealStages).asMandatory(),
        field(QStringLiteral("Probability"), QStringLiteral("Probability (%)"), QStringLiteral("integer")),
        formula(QStringLiteral("Expected_Revenue"), QStringLiteral("Expected Revenue"), QStringLiteral("double")),
        field(QStringLiteral("Closing_Date"), QStringLiteral("Closing Date"), QStringLiteral("date")).asMandatory(),
        picklist(QStringLiteral("Type"), QStringLiteral("Type"),
                 {QStringLiteral("New Business"), QStringLiteral("Existing Business")}),
        picklist(QStringLiteral("Lead_Source"), QStringLiteral("Lead Source"), kLeadSources),
        field(QStringLiteral("Next_Step"), QStringLiteral("Next Step"), QStringLiteral("text")).withNulls(40),
        field(QStringLiteral("Description"), QStringLiteral("Description"), QStringLiteral("textarea")).withNulls(50),
    };
    deals.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        static const QStringList products = {QStringLiteral("Annual licence"), QStringLiteral("Onboarding"),
                                             QStringLiteral("Fleet upgrade"), QStringLiteral("Support renewal")};
        const int stage = rng.bounded(int(kDealStages.size()));
        const double amount = rng.between(500, 250000) * 10.0;
        values.insert(QStringLiteral("Deal_Name"), QStringLiteral("%1 #%2").arg(rng.pick(products)).arg(index + 101));
        values.insert(QStringLiteral("Stage"), kDealStages.at(stage));
        values.insert(QStringLiteral("Amount"), amount);
        values.insert(QStringLiteral("Probability"), kStageProbability.at(stage));
        values.insert(QStringLiteral("Expected_Revenue"), amount * kStageProbability.at(stage) / 100.0);
        values.insert(QStringLiteral("Next_Step"), QStringLiteral("Send revised quote"));
    };
    defs.append(deals);

    ModuleDef campaigns;
    campaigns.apiName = QStringLiteral("Campaigns");
    campaigns.singular = QStringLiteral("Campaign");
    campaigns.plural = QStringLiteral("Campaigns");
    campaigns.count = 12;
    campaigns.nameField = QStringLiteral("Campaign_Name");
    campaigns.fields = {
        field(QStringLiteral("Campaign_Name"), QStringLiteral("Campaign Name"), QStringLiteral("text")).asMandatory(),
        picklist(QStringLiteral("Type"), QStringLiteral("Type"),
                 {QStringLiteral("Conference"), QStringLiteral("Webinar"), QStringLiteral("Email"),
                  QStringLiteral("Advertisement"), QStringLiteral("Trade Show")}),
        picklist(QStringLiteral("Status"), QStringLiteral("Status"),
                 {QStringLiteral("Planning"), QStringLiteral("Active"), QStringLiteral("Inactive"),
                  QStringLiteral("Complete")}),
        field(QStringLiteral("Start_Date"), QStringLiteral("Start Date"), QStringLiteral("date")),
        field(QStringLiteral("End_Date"), QStringLiteral("End Date"), QStringLiteral("date")),
        field(QStringLiteral("Expected_Revenue"), QStringLiteral("Expected Revenue"), QStringLiteral("currency")),
        field(QStringLiteral("Budgeted_Cost"), QStringLiteral("Budgeted Cost"), QStringLiteral("currency")),
        field(QStringLiteral("Actual_Cost"), QStringLiteral("Actual Cost"), QStringLiteral("currency")).withNulls(30),
        field(QStringLiteral("Expected_Response"), QStringLiteral("Expected Response"), QStringLiteral("integer")),
        field(QStringLiteral("Num_sent"), QStringLiteral("Numbers sent"), QStringLiteral("bigint")),
        field(QStringLiteral("Description"), QStringLiteral("Description"), QStringLiteral("textarea")).withNulls(50),
    };
    campaigns.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        static const QStringList themes = {QStringLiteral("Spring Launch"), QStringLiteral("Partner Summit"),
                                           QStringLiteral("Winback"), QStringLiteral("Product Webinar")};
        values.insert(QStringLiteral("Campaign_Name"),
                      QStringLiteral("%1 %2").arg(themes.at(index % themes.size())).arg(index / 4 + 1));
        const QDate start = QDate(2025, 6, 1).addDays(index * 35 + rng.bounded(10));
        values.insert(QStringLiteral("Start_Date"), start.toString(Qt::ISODate));
        values.insert(QStringLiteral("End_Date"), start.addDays(rng.between(7, 60)).toString(Qt::ISODate));
    };
    defs.append(campaigns);

    ModuleDef tasks;
    tasks.apiName = QStringLiteral("Tasks");
    tasks.singular = QStringLiteral("Task");
    tasks.plural = QStringLiteral("Tasks");
    tasks.count = 45;
    tasks.nameField = QStringLiteral("Subject");
    tasks.fields = {
        field(QStringLiteral("Subject"), QStringLiteral("Subject"), QStringLiteral("text")).asMandatory(),
        field(QStringLiteral("Due_Date"), QStringLiteral("Due Date"), QStringLiteral("date")),
        picklist(QStringLiteral("Status"), QStringLiteral("Status"),
                 {QStringLiteral("Not Started"), QStringLiteral("Deferred"), QStringLiteral("In Progress"),
                  QStringLiteral("Completed"), QStringLiteral("Waiting for input")}),
        picklist(QStringLiteral("Priority"), QStringLiteral("Priority"),
                 {QStringLiteral("High"), QStringLiteral("Highest"), QStringLiteral("Low"), QStringLiteral("Lowest"),
                  QStringLiteral("Normal")}),
        lookup(QStringLiteral("Who_Id"), QStringLiteral("Contact Name"), QStringLiteral("Contacts")).withNulls(20),
        lookup(QStringLiteral("What_Id"), QStringLiteral("Related To"), QStringLiteral("Deals")).withNulls(30),
        field(QStringLiteral("Send_Notification_Email"), QStringLiteral("Send Notification Email"),
              QStringLiteral("boolean")),
        field(QStringLiteral("Closed_Time"), QStringLiteral("Closed Time"), QStringLiteral("datetime")).asReadOnly(),
        field(QStringLiteral("Description"), QStringLiteral("Description"), QStringLiteral("textarea")).withNulls(50),
    };
    tasks.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        static const QStringList subjects = {QStringLiteral("Call back"), QStringLiteral("Send contract"),
                                             QStringLiteral("Prepare demo"), QStringLiteral("Check invoice")};
        values.insert(QStringLiteral("Subject"),
                      QStringLiteral("%1 (%2)").arg(subjects.at(index % subjects.size())).arg(index + 1));
        if (rng.chance(60))
            values.insert(QStringLiteral("Closed_Time"), QJsonValue::Null);
    };
    defs.append(tasks);

    ModuleDef vendors;
    vendors.apiName = QStringLiteral("Vendors");
    vendors.singular = QStringLiteral("Vendor");
    vendors.plural = QStringLiteral("Vendors");
    vendors.count = 0; // an empty module, so clients meet 204 No Content
    vendors.nameField = QStringLiteral("Vendor_Name");
    vendors.fields = {
        field(QStringLiteral("Vendor_Name"), QStringLiteral("Vendor Name"), QStringLiteral("text")).asMandatory(),
        field(QStringLiteral("Email"), QStringLiteral("Email"), QStringLiteral("email")),
        field(QStringLiteral("Phone"), QStringLiteral("Phone"), QStringLiteral("phone")),
        field(QStringLiteral("Website"), QStringLiteral("Website"), QStringLiteral("website")),
        picklist(QStringLiteral("Category"), QStringLiteral("Category"),
                 {QStringLiteral("Hardware"), QStringLiteral("Services")}),
    };
    defs.append(vendors);

    ModuleDef subscriptions;
    subscriptions.apiName = QStringLiteral("Subscriptions");
    subscriptions.moduleName = QStringLiteral("CustomModule1");
    subscriptions.singular = QStringLiteral("Subscription");
    subscriptions.plural = QStringLiteral("Subscriptions");
    subscriptions.generatedType = QStringLiteral("custom");
    subscriptions.count = 30;
    subscriptions.nameField = QStringLiteral("Name");
    subscriptions.fields = {
        field(QStringLiteral("Name"), QStringLiteral("Subscription Name"), QStringLiteral("text")).asMandatory(),
        autoNumber(QStringLiteral("Subscription_Number"), QStringLiteral("Subscription Number"), QStringLiteral("SUB-"))
            .asCustom(),
        lookup(QStringLiteral("Account"), QStringLiteral("Account"), QStringLiteral("Accounts")).asCustom(),
        picklist(QStringLiteral("Plan"), QStringLiteral("Plan"),
                 {QStringLiteral("Starter"), QStringLiteral("Growth"), QStringLiteral("Scale")})
            .asCustom(),
        picklist(QStringLiteral("Features"), QStringLiteral("Features"),
                 {QStringLiteral("SSO"), QStringLiteral("Audit Log"), QStringLiteral("API"), QStringLiteral("Sandbox")},
                 true)
            .asCustom(),
        field(QStringLiteral("Seats"), QStringLiteral("Seats"), QStringLiteral("integer")).asCustom(),
        field(QStringLiteral("Monthly_Fee"), QStringLiteral("Monthly Fee"), QStringLiteral("currency")).asCustom(),
        formula(QStringLiteral("Annual_Value"), QStringLiteral("Annual Value"), QStringLiteral("double")).asCustom(),
        formula(QStringLiteral("Plan_Label"), QStringLiteral("Plan Label"), QStringLiteral("string")).asCustom(),
        field(QStringLiteral("Discount_Rate"), QStringLiteral("Discount Rate"), QStringLiteral("double")).asCustom(),
        field(QStringLiteral("Renewal_Date"), QStringLiteral("Renewal Date"), QStringLiteral("date")).asCustom(),
        field(QStringLiteral("Auto_Renew"), QStringLiteral("Auto Renew"), QStringLiteral("boolean")).asCustom(),
        field(QStringLiteral("Usage_Bytes"), QStringLiteral("Usage (bytes)"), QStringLiteral("bigint")).asCustom(),
        field(QStringLiteral("Notes"), QStringLiteral("Notes"), QStringLiteral("textarea")).asCustom().withNulls(40),
    };
    subscriptions.fill = [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
        static const QStringList plans = {QStringLiteral("Starter"), QStringLiteral("Growth"), QStringLiteral("Scale")};
        const int plan = rng.bounded(int(plans.size()));
        const int seats = rng.between(1, 40) * (plan + 1);
        const double fee = seats * (12.0 + plan * 8.0);
        values.insert(QStringLiteral("Name"), QStringLiteral("%1 plan %2").arg(plans.at(plan)).arg(index + 1));
        values.insert(QStringLiteral("Plan"), plans.at(plan));
        values.insert(QStringLiteral("Seats"), seats);
        values.insert(QStringLiteral("Monthly_Fee"), fee);
        values.insert(QStringLiteral("Annual_Value"), fee * 12.0);
        values.insert(QStringLiteral("Plan_Label"), QStringLiteral("%1 x%2").arg(plans.at(plan)).arg(seats));
    };
    defs.append(subscriptions);

    ModuleDef linking;
    linking.apiName = QStringLiteral("Deals_X_Contacts");
    linking.singular = QStringLiteral("Deal Contact Role");
    linking.plural = QStringLiteral("Deal Contact Roles");
    linking.generatedType = QStringLiteral("linking");
    linking.count = 25;
    linking.fields = {
        lookup(QStringLiteral("Deal"), QStringLiteral("Deal"), QStringLiteral("Deals")).asMandatory(),
        lookup(QStringLiteral("Contact"), QStringLiteral("Contact"), QStringLiteral("Contacts")).asMandatory(),
        picklist(QStringLiteral("Role"), QStringLiteral("Role"),
                 {QStringLiteral("Decision Maker"), QStringLiteral("Evaluator"), QStringLiteral("Influencer")}),
    };
    defs.append(linking);

    // Zoho lists UI-only modules too, flagged api_supported:false; clients must skip them.
    ModuleDef home;
    home.apiName = QStringLiteral("Home");
    home.singular = QStringLiteral("Home");
    home.plural = QStringLiteral("Home");
    home.apiSupported = false;
    defs.append(home);

    return defs;
}

// The order in which Zoho's module list shows them (the generation order above differs
// because lookups need their targets first).
const QStringList kModuleOrder = {
    QStringLiteral("Home"),          QStringLiteral("Leads"),
    QStringLiteral("Contacts"),      QStringLiteral("Accounts"),
    QStringLiteral("Deals"),         QStringLiteral("Tasks"),
    QStringLiteral("Campaigns"),     QStringLiteral("Vendors"),
    QStringLiteral("Subscriptions"), QStringLiteral("Deals_X_Contacts"),
};

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

    SeedUser ana;
    ana.login = QStringLiteral("ana.lima@example.com");
    ana.home = QStringLiteral("us");
    ana.firstName = QStringLiteral("Ana");
    ana.lastName = QStringLiteral("Lima");
    ana.zuid = QStringLiteral("60012345");
    ana.roleName = QStringLiteral("CEO");
    ana.profileName = QStringLiteral("Administrator");
    SeedOrg harborview;
    harborview.id = QStringLiteral("583021000000000017");
    harborview.idPrefix = QStringLiteral("583021");
    harborview.companyName = QStringLiteral("Harborview Outfitters Inc.");
    harborview.domainName = QStringLiteral("org58302117");
    harborview.environment = QStringLiteral("production");
    harborview.edition = QStringLiteral("enterprise");
    harborview.timeZone = QStringLiteral("America/New_York");
    harborview.currency = QStringLiteral("USD");
    harborview.currencySymbol = QStringLiteral("$");
    harborview.countryCode = QStringLiteral("US");
    harborview.licensedUsers = 25;
    ana.orgs = {harborview};
    list.append(ana);

    SeedUser jonas;
    jonas.login = QStringLiteral("jonas.berg@example.eu");
    jonas.home = QStringLiteral("eu");
    jonas.firstName = QStringLiteral("Jonas");
    jonas.lastName = QStringLiteral("Berg");
    jonas.zuid = QStringLiteral("20074410");
    jonas.roleName = QStringLiteral("CEO");
    jonas.profileName = QStringLiteral("Administrator");
    SeedOrg nordlicht;
    nordlicht.id = QStringLiteral("741190000000000023");
    nordlicht.idPrefix = QStringLiteral("741190");
    nordlicht.companyName = QStringLiteral("Nordlicht Logistik GmbH");
    nordlicht.domainName = QStringLiteral("org74119023");
    nordlicht.environment = QStringLiteral("production");
    nordlicht.edition = QStringLiteral("professional");
    nordlicht.timeZone = QStringLiteral("Europe/Berlin");
    nordlicht.currency = QStringLiteral("EUR");
    nordlicht.currencySymbol = QStringLiteral("\u20ac");
    nordlicht.countryCode = QStringLiteral("DE");
    nordlicht.licensedUsers = 12;
    SeedOrg nordlichtSandbox = nordlicht;
    nordlichtSandbox.id = QStringLiteral("741195000000000031");
    nordlichtSandbox.idPrefix = QStringLiteral("741195");
    nordlichtSandbox.companyName = QStringLiteral("Nordlicht Logistik GmbH QA");
    nordlichtSandbox.domainName = QStringLiteral("org74119531");
    nordlichtSandbox.environment = QStringLiteral("sandbox");
    jonas.orgs = {nordlicht, nordlichtSandbox};
    list.append(jonas);

    SeedUser priya;
    priya.login = QStringLiteral("priya.nair@example.in");
    priya.home = QStringLiteral("in");
    priya.firstName = QStringLiteral("Priya");
    priya.lastName = QStringLiteral("Nair");
    priya.zuid = QStringLiteral("40098231");
    priya.roleName = QStringLiteral("Sales Representative");
    priya.profileName = QStringLiteral("Sales Associate");
    priya.apiAccess = false;
    SeedOrg saffron;
    saffron.id = QStringLiteral("330542000000000049");
    saffron.idPrefix = QStringLiteral("330542");
    saffron.companyName = QStringLiteral("Saffron Analytics Pvt Ltd");
    saffron.domainName = QStringLiteral("org33054249");
    saffron.environment = QStringLiteral("production");
    saffron.edition = QStringLiteral("standard");
    saffron.timeZone = QStringLiteral("Asia/Kolkata");
    saffron.currency = QStringLiteral("INR");
    saffron.currencySymbol = QStringLiteral("\u20b9");
    saffron.countryCode = QStringLiteral("IN");
    saffron.licensedUsers = 8;
    priya.orgs = {saffron};
    list.append(priya);

    SeedUser mei;
    mei.login = QStringLiteral("mei.tanaka@example.jp");
    mei.home = QStringLiteral("jp");
    mei.firstName = QStringLiteral("Mei");
    mei.lastName = QStringLiteral("Tanaka");
    mei.zuid = QStringLiteral("70031877");
    mei.roleName = QStringLiteral("CEO");
    mei.profileName = QStringLiteral("Administrator");
    SeedOrg sakura;
    sakura.id = QStringLiteral("912266000000000057");
    sakura.idPrefix = QStringLiteral("912266");
    sakura.companyName = QStringLiteral("Sakura Devworks K.K. (Developer)");
    sakura.domainName = QStringLiteral("org91226657");
    sakura.environment = QStringLiteral("developer");
    sakura.edition = QStringLiteral("free");
    sakura.timeZone = QStringLiteral("Asia/Tokyo");
    sakura.currency = QStringLiteral("JPY");
    sakura.currencySymbol = QStringLiteral("\u00a5");
    sakura.countryCode = QStringLiteral("JP");
    sakura.licensedUsers = 3;
    mei.orgs = {sakura};
    list.append(mei);

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
        const QString first = kFirstNames.at((people.bounded(int(kFirstNames.size())) + i * 5) % kFirstNames.size());
        const QString last = kLastNames.at((people.bounded(int(kLastNames.size())) + i * 7) % kLastNames.size());
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
    for (int i = 0; i < kModuleOrder.size(); ++i)
        sequence.insert(kModuleOrder.at(i), i + 1);

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
    for (const QString &name : kModuleOrder)
        data.modules.append(built.value(name));
    return data;
}

} // namespace zaw::sandbox::zohoseed
