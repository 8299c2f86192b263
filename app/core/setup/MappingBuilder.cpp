// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/MappingBuilder.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace zaw::setup {

const QString MappingBuilder::kOutputContentType = u"application/vnd.adobe.xed-full+json;version=1"_s;

MappingBuilder::MappingBuilder(const QString &schemaId)
    : m_schemaId(schemaId)
{}

QList<MappingRow> MappingBuilder::proposeRows(const QList<XdmFieldMapping> &fields,
                                              const QList<catalogue::Column> &columns)
{
    QList<MappingRow> rows;
    if (columns.isEmpty()) {
        for (const XdmFieldMapping &f : fields)
            rows.append({f.source, f.xdmType, f.xdmPath, true});
        return rows;
    }
    QHash<QString, QList<const XdmFieldMapping *>> byField;
    for (const XdmFieldMapping &f : fields)
        byField[f.zohoField].append(&f);
    for (const catalogue::Column &column : columns) {
        const auto matches = byField.value(column.name);
        if (matches.isEmpty()) {
            rows.append({column.name, column.type, QString(), false});
            continue;
        }
        for (const XdmFieldMapping *f : matches)
            rows.append({f->source, column.type, f->xdmPath, true});
    }
    // A schema field without a column (the source does not expose it) is left out: Data Prep
    // would refuse a source attribute that the input does not have.
    return rows;
}

void MappingBuilder::propose(const QList<XdmFieldMapping> &fields, const QList<catalogue::Column> &columns)
{
    m_rows = proposeRows(fields, columns);
    m_columns = columns;
}

void MappingBuilder::setDestination(int row, const QString &destination)
{
    if (row >= 0 && row < m_rows.size())
        m_rows[row].destination = destination.trimmed();
}

void MappingBuilder::setEnabled(int row, bool enabled)
{
    if (row >= 0 && row < m_rows.size())
        m_rows[row].enabled = enabled;
}

void MappingBuilder::removeRow(int row)
{
    if (row >= 0 && row < m_rows.size())
        m_rows.removeAt(row);
}

QList<MappingRow> MappingBuilder::effectiveRows() const
{
    QList<MappingRow> list;
    for (const MappingRow &row : m_rows) {
        if (row.enabled && !row.source.trimmed().isEmpty() && !row.destination.trimmed().isEmpty())
            list.append(row);
    }
    return list;
}

QList<MappingProblem> MappingBuilder::problems() const
{
    QList<MappingProblem> list;
    QHash<QString, QList<int>> byDestination;
    QStringList order;
    for (int i = 0; i < m_rows.size(); ++i) {
        const MappingRow &row = m_rows.at(i);
        const QString destination = row.destination.trimmed();
        if (!row.enabled || destination.isEmpty())
            continue;
        if (row.source.trimmed().isEmpty()) {
            MappingProblem p;
            p.kind = MappingProblem::Kind::MissingSource;
            p.destination = destination;
            p.rows = {i};
            p.message = tr("Row %1 writes to %2 but has no source field. Choose a source field or clear the row.")
                            .arg(i + 1)
                            .arg(destination);
            list.append(p);
            continue;
        }
        if (!byDestination.contains(destination))
            order.append(destination);
        byDestination[destination].append(i);
    }
    for (const QString &destination : std::as_const(order)) {
        const QList<int> rows = byDestination.value(destination);
        if (rows.size() < 2)
            continue;
        QStringList sources;
        QStringList numbers;
        for (int i : rows) {
            sources.append(m_rows.at(i).source);
            numbers.append(QString::number(i + 1));
        }
        MappingProblem p;
        p.kind = MappingProblem::Kind::DuplicateDestination;
        p.destination = destination;
        p.rows = rows;
        p.message = tr("%1 is the destination of several fields (%2, rows %3). Keep one of them and change or "
                       "clear the others.")
                        .arg(destination, sources.join(u", "_s), numbers.join(u", "_s));
        list.append(p);
    }
    if (effectiveRows().isEmpty()) {
        MappingProblem p;
        p.kind = MappingProblem::Kind::NothingMapped;
        p.message = tr("No field is mapped. Give at least one source field a destination.");
        list.append(p);
    }
    return list;
}

QJsonArray MappingBuilder::toMappings() const
{
    QJsonArray mappings;
    for (const MappingRow &row : effectiveRows()) {
        mappings.append(QJsonObject{{u"sourceType"_s, u"ATTRIBUTE"_s},
                                    {u"source"_s, row.source.trimmed()},
                                    {u"destination"_s, row.destination.trimmed()}});
    }
    return mappings;
}

QJsonObject MappingBuilder::toMappingSetBody() const
{
    QJsonObject body{
        {u"outputSchema"_s,
         QJsonObject{{u"schemaRef"_s, QJsonObject{{u"id"_s, m_schemaId}, {u"contentType"_s, kOutputContentType}}}}},
        {u"mappings"_s, toMappings()}};
    if (!m_columns.isEmpty()) {
        // The source's shape as an inline JSON schema, so that Data Prep can refuse a misspelt
        // source attribute when the mapping set is created rather than at the first run.
        QJsonObject properties;
        for (const catalogue::Column &c : m_columns) {
            QJsonObject property{{u"type"_s, c.xdmType.isEmpty() ? u"string"_s : c.xdmType}};
            if (!c.xdmFormat.isEmpty())
                property.insert(u"format"_s, c.xdmFormat);
            properties.insert(c.name, property);
        }
        body.insert(u"inputSchema"_s,
                    QJsonObject{{u"schema"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, properties}}}});
    }
    return body;
}

} // namespace zaw::setup
