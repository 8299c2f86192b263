// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/CsvReader.h"

#include <QCoreApplication>

namespace zaw::zoho {

void CsvReader::endField()
{
    m_row.append(QString::fromUtf8(m_field));
    m_field.clear();
}

bool CsvReader::endRow(const RowHandler &onRow)
{
    QStringList row;
    row.swap(m_row);
    const bool blank = row.size() == 1 && row.first().isEmpty() && !m_fieldQuoted;
    m_fieldQuoted = false;
    if (blank)
        return true;
    ++m_rows;
    return onRow(row);
}

bool CsvReader::feed(const char *data, qsizetype size, const RowHandler &onRow)
{
    qsizetype i = 0;
    if (m_atStart) {
        // Skip a UTF-8 BOM, even when it arrives split over blocks.
        static const char bom[] = "\xEF\xBB\xBF";
        while (i < size && m_bomBuffer.size() < 3 && data[i] == bom[m_bomBuffer.size()])
            m_bomBuffer.append(data[i++]);
        if (m_bomBuffer.size() < 3 && i == size)
            return true; // could still be a BOM
        m_atStart = false;
        if (m_bomBuffer.size() < 3 && !m_bomBuffer.isEmpty()) {
            // Not a BOM after all: parse those bytes first.
            const QByteArray pending = m_bomBuffer;
            m_bomBuffer.clear();
            if (!feed(pending.constData(), pending.size(), onRow))
                return false;
        }
    }
    for (; i < size; ++i) {
        const char c = data[i];
        switch (m_state) {
        case State::AfterCR:
            m_state = State::StartField;
            if (c == '\n')
                break;
            [[fallthrough]];
        case State::StartField:
            if (c == '"') {
                m_state = State::Quoted;
                m_fieldQuoted = true;
                break;
            }
            [[fallthrough]];
        case State::Unquoted:
            if (c == ',') {
                endField();
                m_fieldQuoted = false;
                m_state = State::StartField;
            } else if (c == '\r' || c == '\n') {
                endField();
                m_state = c == '\r' ? State::AfterCR : State::StartField;
                if (!endRow(onRow))
                    return false;
            } else {
                m_field.append(c);
                m_state = State::Unquoted;
            }
            break;
        case State::Quoted:
            if (c == '"')
                m_state = State::QuoteInQuoted;
            else
                m_field.append(c);
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                m_field.append('"');
                m_state = State::Quoted;
            } else if (c == ',') {
                endField();
                m_fieldQuoted = false;
                m_state = State::StartField;
            } else if (c == '\r' || c == '\n') {
                endField();
                m_state = c == '\r' ? State::AfterCR : State::StartField;
                if (!endRow(onRow))
                    return false;
            } else {
                // Not RFC 4180 ("ab"c): keep the text as written.
                m_field.append(c);
                m_state = State::Unquoted;
            }
            break;
        }
    }
    return true;
}

bool CsvReader::finish(const RowHandler &onRow)
{
    if (m_atStart && !m_bomBuffer.isEmpty()) {
        m_atStart = false;
        const QByteArray pending = m_bomBuffer;
        m_bomBuffer.clear();
        if (pending != QByteArrayLiteral("\xEF\xBB\xBF") && !feed(pending.constData(), pending.size(), onRow))
            return false;
    }
    if (m_state == State::Quoted) {
        m_error = QCoreApplication::translate("zaw::zoho::CsvReader",
                                              "The export file ends inside a quoted value: it is incomplete.");
        return false;
    }
    if (m_state == State::AfterCR || (m_state == State::StartField && m_row.isEmpty() && !m_fieldQuoted))
        return true;
    endField();
    m_state = State::StartField;
    return endRow(onRow);
}

} // namespace zaw::zoho
