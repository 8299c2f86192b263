// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncConfig.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

namespace zaw::sync {

namespace {

QJsonObject mappingJson(const setup::XdmFieldMapping &m)
{
    QJsonObject o{{QStringLiteral("zohoField"), m.zohoField},
                  {QStringLiteral("source"), m.source},
                  {QStringLiteral("xdmPath"), m.xdmPath},
                  {QStringLiteral("xdmType"), m.xdmType}};
    if (!m.xdmFormat.isEmpty())
        o.insert(QStringLiteral("xdmFormat"), m.xdmFormat);
    if (m.standard)
        o.insert(QStringLiteral("standard"), true);
    return o;
}

setup::XdmFieldMapping mappingFromJson(const QJsonObject &o)
{
    setup::XdmFieldMapping m;
    m.zohoField = o.value(QStringLiteral("zohoField")).toString();
    m.source = o.value(QStringLiteral("source")).toString(m.zohoField);
    m.xdmPath = o.value(QStringLiteral("xdmPath")).toString();
    m.xdmType = o.value(QStringLiteral("xdmType")).toString();
    m.xdmFormat = o.value(QStringLiteral("xdmFormat")).toString();
    m.standard = o.value(QStringLiteral("standard")).toBool();
    return m;
}

} // namespace

QStringList SyncModuleConfig::zohoFields() const
{
    QStringList names{QStringLiteral("id"), QStringLiteral("Modified_Time")};
    for (const auto &f : fields) {
        const QString top = f.source.section(QLatin1Char('.'), 0, 0);
        if (!top.isEmpty() && !names.contains(top))
            names.append(top);
    }
    return names;
}

QString SyncModuleConfig::fieldsHash() const
{
    QStringList lines;
    for (const auto &f : fields)
        lines.append(f.source + QLatin1Char('>') + f.xdmPath + QLatin1Char(':') + f.xdmType + QLatin1Char('/') +
                     f.xdmFormat);
    std::sort(lines.begin(), lines.end());
    lines.append(identityPath + QLatin1Char('|') + deletedFlagPath + QLatin1Char('|') + deletedTimePath);
    return QString::fromLatin1(
        QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha1).toHex());
}

QJsonObject SyncModuleConfig::toJson() const
{
    QJsonArray list;
    for (const auto &f : fields)
        list.append(mappingJson(f));
    return {{QStringLiteral("module"), module},
            {QStringLiteral("dataSetId"), dataSetId},
            {QStringLiteral("schemaId"), schemaId},
            {QStringLiteral("tenantId"), tenantId},
            {QStringLiteral("fields"), list},
            {QStringLiteral("identityPath"), identityPath},
            {QStringLiteral("deletedFlagPath"), deletedFlagPath},
            {QStringLiteral("deletedTimePath"), deletedTimePath}};
}

SyncModuleConfig SyncModuleConfig::fromJson(const QJsonObject &json)
{
    SyncModuleConfig m;
    m.module = json.value(QStringLiteral("module")).toString();
    m.dataSetId = json.value(QStringLiteral("dataSetId")).toString();
    m.schemaId = json.value(QStringLiteral("schemaId")).toString();
    m.tenantId = json.value(QStringLiteral("tenantId")).toString();
    for (const auto &v : json.value(QStringLiteral("fields")).toArray())
        m.fields.append(mappingFromJson(v.toObject()));
    m.identityPath = json.value(QStringLiteral("identityPath")).toString();
    m.deletedFlagPath = json.value(QStringLiteral("deletedFlagPath")).toString();
    m.deletedTimePath = json.value(QStringLiteral("deletedTimePath")).toString();
    return m;
}

SyncModuleConfig SyncModuleConfig::fromSchema(const QString &module, const setup::XdmSchemaResult &schema,
                                              const QString &tenantId, const QString &dataSetId,
                                              const QString &schemaId)
{
    SyncModuleConfig m;
    m.module = module;
    m.dataSetId = dataSetId;
    m.schemaId = schemaId;
    m.tenantId = tenantId.startsWith(QLatin1Char('_')) ? tenantId.mid(1) : tenantId;
    m.fields = schema.fields;
    m.identityPath = schema.identity.xdmPath;
    m.deletedFlagPath = schema.deletedFlagPath;
    m.deletedTimePath = schema.deletedTimePath;
    return m;
}

const SyncModuleConfig *SyncConfig::module(const QString &name) const
{
    for (const auto &m : modules) {
        if (m.module == name)
            return &m;
    }
    return nullptr;
}

void SyncConfig::upsert(const SyncModuleConfig &module)
{
    for (auto &m : modules) {
        if (m.module == module.module) {
            m = module;
            return;
        }
    }
    modules.append(module);
}

QJsonObject SyncConfig::toJson() const
{
    if (modules.isEmpty())
        return {};
    QJsonArray list;
    for (const auto &m : modules)
        list.append(m.toJson());
    return {{QStringLiteral("modules"), list},
            {QStringLiteral("zohoOrgId"), zohoOrgId},
            {QStringLiteral("lagSeconds"), lagSeconds},
            {QStringLiteral("everyMinutes"), everyMinutes}};
}

SyncConfig SyncConfig::fromJson(const QJsonObject &json)
{
    SyncConfig c;
    for (const auto &v : json.value(QStringLiteral("modules")).toArray())
        c.modules.append(SyncModuleConfig::fromJson(v.toObject()));
    c.zohoOrgId = json.value(QStringLiteral("zohoOrgId")).toString();
    c.lagSeconds = std::clamp(json.value(QStringLiteral("lagSeconds")).toInt(kDefaultLagSeconds), 0, kMaxLagSeconds);
    c.everyMinutes = qMax(1, json.value(QStringLiteral("everyMinutes")).toInt(kDefaultEveryMinutes));
    return c;
}

int SyncConfig::batchesPerDay(int everyMinutes, int moduleCount)
{
    if (everyMinutes <= 0 || moduleCount <= 0)
        return 0;
    const int runs = (24 * 60 + everyMinutes - 1) / everyMinutes;
    return runs * moduleCount;
}

} // namespace zaw::sync
