// SPDX-License-Identifier: GPL-3.0-or-later
// What ZohoSeed.cpp and ZohoSeedRecords.cpp share: the generator, the vocabulary records draw from
// and the per-module functions that give generated records their characteristic values.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QTimeZone>

#include <functional>

namespace zaw::sandbox::zohoseed::detail {

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

// Names, places and phrases the generated records draw from (resources/sandbox/zoho/vocabulary.json).
struct Vocabulary
{
    QStringList firstNames;
    QStringList lastNames;
    QStringList companyStems;
    QStringList companyKinds;
    QList<QPair<QString, QString>> places; // city, country
    QStringList titles;
    QStringList sentences;
    QStringList dealProducts;
    QStringList dealStages;
    QList<int> stageProbability; // per deal stage
    QStringList campaignThemes;
    QStringList taskSubjects;
    QStringList subscriptionPlans;
};

const Vocabulary &vocabulary();
QStringList stringList(const QJsonValue &value);
// "Bluefin Works", "Northgate Works", ...: the same index always gives the same company.
QString companyName(int index);
// Lower-case ASCII letters and digits of text, for e-mail domains and web sites.
QString slug(const QString &text);

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

// The fill function of each module that has one, by API name.
const QHash<QString, FillFunction> &fillFunctions();

} // namespace zaw::sandbox::zohoseed::detail
