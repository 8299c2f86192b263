// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "setup/XdmSchemaBuilder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace zaw::setup {

// One editable line of the mapping page.
struct MappingRow
{
    QString source;      // Data Prep source attribute (column name, or Owner.id for a lookup part)
    QString sourceType;  // the column's type, for display
    QString destination; // XDM path; empty: not mapped (the row is left out of the body)
    bool enabled = true;

    bool operator==(const MappingRow &other) const
    {
        return source == other.source && sourceType == other.sourceType && destination == other.destination &&
               enabled == other.enabled;
    }
};

struct MappingProblem
{
    enum class Kind {
        DuplicateDestination, // two enabled rows write the same XDM path
        MissingSource,        // an enabled row has a destination but no source
        NothingMapped,        // no row would reach the mapping set (Data Prep refuses an empty list)
    };
    Kind kind = Kind::NothingMapped;
    QString destination;
    QList<int> rows; // indexes into rows()
    QString message; // translated
};

// Builds the mapping set of POST /conversion/mappingSets (reference §6.4) as a list of rows the
// user can edit; the rows render back into the request body. Only enabled rows with a source and
// a destination are rendered; problems() reports what Data Prep would refuse or silently resolve
// one way (two sources for one destination).
class MappingBuilder
{
    Q_DECLARE_TR_FUNCTIONS(zaw::setup::MappingBuilder)

public:
    explicit MappingBuilder(const QString &schemaId);

    // Proposed rows: for every explore column, one row per schema field it fills (two for a
    // lookup); a column the schema has no field for gets a disabled row without destination, so
    // the user can still map it. With no columns, one row per schema field.
    static QList<MappingRow> proposeRows(const QList<XdmFieldMapping> &fields, const QList<catalogue::Column> &columns);

    // Replaces the rows with proposeRows() and remembers the columns for the input schema.
    void propose(const QList<XdmFieldMapping> &fields, const QList<catalogue::Column> &columns);

    const QList<MappingRow> &rows() const { return m_rows; }
    void setRows(const QList<MappingRow> &rows) { m_rows = rows; }
    void setDestination(int row, const QString &destination);
    void setEnabled(int row, bool enabled);
    void addRow(const MappingRow &row) { m_rows.append(row); }
    void removeRow(int row);
    // The columns sent as inputSchema, so that Data Prep can check every source attribute.
    void setColumns(const QList<catalogue::Column> &columns) { m_columns = columns; }

    QList<MappingProblem> problems() const;
    // The rows that reach the body, in order.
    QList<MappingRow> effectiveRows() const;
    QJsonArray toMappings() const;
    QJsonObject toMappingSetBody() const;

    static const QString kOutputContentType;

private:
    QString m_schemaId;
    QList<MappingRow> m_rows;
    QList<catalogue::Column> m_columns;
};

} // namespace zaw::setup
