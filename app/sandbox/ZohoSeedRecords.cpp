// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoSeedRecords.h"

#include "SandboxResources.h"

#include <QDate>

namespace zaw::sandbox::zohoseed::detail {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

const Vocabulary &vocabulary()
{
    static const Vocabulary v = [] {
        const QJsonObject json = sandboxResource(QStringLiteral("zoho/vocabulary.json")).toObject();
        Vocabulary out;
        out.firstNames = stringList(json.value(QStringLiteral("firstNames")));
        out.lastNames = stringList(json.value(QStringLiteral("lastNames")));
        out.companyStems = stringList(json.value(QStringLiteral("companyStems")));
        out.companyKinds = stringList(json.value(QStringLiteral("companyKinds")));
        for (const QJsonValue &place : json.value(QStringLiteral("places")).toArray())
            out.places.append({place.toArray().at(0).toString(), place.toArray().at(1).toString()});
        out.titles = stringList(json.value(QStringLiteral("titles")));
        out.sentences = stringList(json.value(QStringLiteral("sentences")));
        out.dealProducts = stringList(json.value(QStringLiteral("dealProducts")));
        out.dealStages = stringList(json.value(QStringLiteral("dealStages")));
        for (const QJsonValue &p : json.value(QStringLiteral("stageProbability")).toArray())
            out.stageProbability.append(p.toInt());
        out.campaignThemes = stringList(json.value(QStringLiteral("campaignThemes")));
        out.taskSubjects = stringList(json.value(QStringLiteral("taskSubjects")));
        out.subscriptionPlans = stringList(json.value(QStringLiteral("subscriptionPlans")));
        return out;
    }();
    return v;
}

QString companyName(int index)
{
    const int combos = int(vocabulary().companyStems.size() * vocabulary().companyKinds.size());
    QString name =
        vocabulary().companyStems.at(index % vocabulary().companyStems.size()) + QLatin1Char(' ') +
        vocabulary().companyKinds.at((index / vocabulary().companyStems.size()) % vocabulary().companyKinds.size());
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

namespace {

void fillPerson(int index, Rng &rng, QJsonObject &values, const QString &emailDomain)
{
    const QString first = vocabulary().firstNames.at((index * 7 + rng.bounded(3)) % vocabulary().firstNames.size());
    const QString last =
        vocabulary().lastNames.at((index * 5 + index / vocabulary().lastNames.size()) % vocabulary().lastNames.size());
    values.insert(QStringLiteral("First_Name"), first);
    values.insert(QStringLiteral("Last_Name"), last);
    values.insert(QStringLiteral("Full_Name"), first + QLatin1Char(' ') + last);
    values.insert(QStringLiteral("Email"),
                  QStringLiteral("%1.%2%3@%4").arg(first.toLower(), last.toLower()).arg(index + 1).arg(emailDomain));
}

} // namespace

// How the generated records of a module get their characteristic values (names that match their
// company, a probability that follows the deal stage, ...); every other field gets a generic value.
const QHash<QString, FillFunction> &fillFunctions()
{
    static const QHash<QString, FillFunction> fills{
        {QStringLiteral("Leads"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             const int company = rng.bounded(60);
             const QString companyText = companyName(company);
             fillPerson(index, rng, values, slug(companyText) + QStringLiteral(".example"));
             values.insert(QStringLiteral("Company"), companyText);
             values.insert(QStringLiteral("Designation"), rng.pick(vocabulary().titles));
             const auto &place = rng.pick(vocabulary().places);
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
         }},
        {QStringLiteral("Accounts"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             const QString name = companyName(index);
             values.insert(QStringLiteral("Account_Name"), name);
             values.insert(QStringLiteral("Website"), QStringLiteral("https://www.%1.example").arg(slug(name)));
             const auto &place = rng.pick(vocabulary().places);
             values.insert(QStringLiteral("Billing_City"), place.first);
             values.insert(QStringLiteral("Billing_Country"), place.second);
             values.insert(QStringLiteral("Employees"), rng.between(5, 12000));
         }},
        {QStringLiteral("Contacts"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             fillPerson(index + 11, rng, values, QStringLiteral("mail.example"));
             values.insert(QStringLiteral("Title"), rng.pick(vocabulary().titles));
             values.insert(QStringLiteral("Department"),
                           rng.chance(50) ? QStringLiteral("Purchasing") : QStringLiteral("Finance"));
             const auto &place = rng.pick(vocabulary().places);
             values.insert(QStringLiteral("Mailing_City"), place.first);
             values.insert(QStringLiteral("Mailing_Country"), place.second);
             const QDate birth(rng.between(1960, 2001), rng.between(1, 12), rng.between(1, 28));
             values.insert(QStringLiteral("Date_of_Birth"), birth.toString(Qt::ISODate));
         }},
        {QStringLiteral("Deals"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             const QStringList &products = vocabulary().dealProducts;
             const int stage = rng.bounded(int(vocabulary().dealStages.size()));
             const double amount = rng.between(500, 250000) * 10.0;
             values.insert(QStringLiteral("Deal_Name"),
                           QStringLiteral("%1 #%2").arg(rng.pick(products)).arg(index + 101));
             values.insert(QStringLiteral("Stage"), vocabulary().dealStages.at(stage));
             values.insert(QStringLiteral("Amount"), amount);
             values.insert(QStringLiteral("Probability"), vocabulary().stageProbability.at(stage));
             values.insert(QStringLiteral("Expected_Revenue"),
                           amount * vocabulary().stageProbability.at(stage) / 100.0);
             values.insert(QStringLiteral("Next_Step"), QStringLiteral("Send revised quote"));
         }},
        {QStringLiteral("Campaigns"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             const QStringList &themes = vocabulary().campaignThemes;
             values.insert(QStringLiteral("Campaign_Name"),
                           QStringLiteral("%1 %2").arg(themes.at(index % themes.size())).arg(index / 4 + 1));
             const QDate start = QDate(2025, 6, 1).addDays(index * 35 + rng.bounded(10));
             values.insert(QStringLiteral("Start_Date"), start.toString(Qt::ISODate));
             values.insert(QStringLiteral("End_Date"), start.addDays(rng.between(7, 60)).toString(Qt::ISODate));
         }},
        {QStringLiteral("Tasks"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             const QStringList &subjects = vocabulary().taskSubjects;
             values.insert(QStringLiteral("Subject"),
                           QStringLiteral("%1 (%2)").arg(subjects.at(index % subjects.size())).arg(index + 1));
             if (rng.chance(60))
                 values.insert(QStringLiteral("Closed_Time"), QJsonValue::Null);
         }},
        {QStringLiteral("Subscriptions"),
         [](int index, Rng &rng, const GenContext &, QJsonObject &values) {
             const QStringList &plans = vocabulary().subscriptionPlans;
             const int plan = rng.bounded(int(plans.size()));
             const int seats = rng.between(1, 40) * (plan + 1);
             const double fee = seats * (12.0 + plan * 8.0);
             values.insert(QStringLiteral("Name"), QStringLiteral("%1 plan %2").arg(plans.at(plan)).arg(index + 1));
             values.insert(QStringLiteral("Plan"), plans.at(plan));
             values.insert(QStringLiteral("Seats"), seats);
             values.insert(QStringLiteral("Monthly_Fee"), fee);
             values.insert(QStringLiteral("Annual_Value"), fee * 12.0);
             values.insert(QStringLiteral("Plan_Label"), QStringLiteral("%1 x%2").arg(plans.at(plan)).arg(seats));
         }},
    };
    return fills;
}

} // namespace zaw::sandbox::zohoseed::detail
