// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/MappingValidation.h"

#include "adobe/DataPrepClient.h"

namespace zaw::setup {

net::Error MappingVerdict::error() const
{
    if (accepted())
        return {};
    return net::Error::make(net::ErrorCategory::Input,
                            MappingValidation::tr("Data Prep refuses part of the mapping. Fix these rows or untick "
                                                  "them:\n%1")
                                .arg(refused.join(QLatin1Char('\n'))));
}

MappingValidation::MappingValidation(adobe::PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_prep(std::make_unique<adobe::DataPrepClient>(platform))
{}

MappingValidation::~MappingValidation() = default;

void MappingValidation::validate(const QString &schemaId, const QList<MappingRow> &rows,
                                 const QList<catalogue::Column> &columns, QObject *context,
                                 std::function<void(const MappingVerdict &, const net::Error &)> done)
{
    MappingBuilder builder(schemaId);
    builder.setRows(rows);
    builder.setColumns(columns);
    m_prep->validate(
        builder.toMappingSetBody(), context, [done](const QList<adobe::MappingCheck> &checks, const net::Error &error) {
            MappingVerdict verdict;
            if (!error) {
                for (const adobe::MappingCheck &c : checks) {
                    if (!c.ok())
                        verdict.refused << tr("%1 → %2: %3")
                                               .arg(c.source, c.destination,
                                                    c.problems.isEmpty() ? c.status
                                                                         : c.problems.join(QStringLiteral("; ")));
                }
            }
            done(verdict, error);
        });
}

} // namespace zaw::setup
