// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::zoho {

// An RFC 4180 CSV parser fed in blocks of any size (a block may end inside a field, a quoted
// newline or a UTF-8 character): quoted fields hold commas, CR/LF and doubled quotes; rows end
// with CRLF or LF; a UTF-8 byte order mark is skipped; blank lines are skipped. Memory holds one
// row at a time.
class CsvReader
{
public:
    using RowHandler = std::function<bool(const QStringList &row)>; // false: stop reading

    // Parses the block; false when onRow asked to stop (the rest of the block is dropped).
    bool feed(const char *data, qsizetype size, const RowHandler &onRow);
    // The last row when the data did not end with a newline. False when onRow stopped, or when a
    // quoted field was never closed (then error() says so).
    bool finish(const RowHandler &onRow);

    qint64 rows() const { return m_rows; }
    QString error() const { return m_error; }

private:
    enum class State { StartField, Unquoted, Quoted, QuoteInQuoted, AfterCR };
    void endField();
    bool endRow(const RowHandler &onRow);

    State m_state = State::StartField;
    QByteArray m_field;
    QStringList m_row;
    bool m_fieldQuoted = false;
    bool m_atStart = true; // BOM check
    QByteArray m_bomBuffer;
    qint64 m_rows = 0;
    QString m_error;
};

} // namespace zaw::zoho
