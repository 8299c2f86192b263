// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "zoho/CsvReader.h"

#include <QString>

#include <memory>

namespace zaw::zoho {

// Reads the CSV inside a ZIP (a Bulk Read result) in blocks, straight from the archive: nothing
// is unpacked to disk and the CSV is never held in memory whole.
class ZipCsvReader
{
public:
    enum class Status { More, End, Stopped, Failed };

    ZipCsvReader();
    ~ZipCsvReader();
    ZipCsvReader(const ZipCsvReader &) = delete;
    ZipCsvReader &operator=(const ZipCsvReader &) = delete;

    // Opens the archive and finds its first entry whose name ends in ".csv"; false with a
    // translated reason in *error when the file is no ZIP or holds no CSV.
    bool open(const QString &zipPath, QString *error);
    QString entryName() const { return m_entryName; }

    // Reads about maxBytes of the CSV and hands each complete row to onRow. More: call again;
    // End: all rows read; Stopped: onRow returned false; Failed: *error says why.
    Status readSome(qint64 maxBytes, const CsvReader::RowHandler &onRow, QString *error);
    void close();

private:
    struct Archive;
    std::unique_ptr<Archive> m_archive;
    CsvReader m_csv;
    QString m_entryName;
};

} // namespace zaw::zoho
