// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZipCsvReader.h"

#include <QCoreApplication>
#include <QFile>

#include <archive.h>
#include <archive_entry.h>

namespace zaw::zoho {

struct ZipCsvReader::Archive
{
    struct archive *handle = nullptr;
    ~Archive()
    {
        if (handle)
            archive_read_free(handle);
    }
};

ZipCsvReader::ZipCsvReader() = default;
ZipCsvReader::~ZipCsvReader() = default;

void ZipCsvReader::close()
{
    m_archive.reset();
}

bool ZipCsvReader::open(const QString &zipPath, QString *error)
{
    close();
    m_csv = CsvReader();
    m_entryName.clear();
    m_archive = std::make_unique<Archive>();
    m_archive->handle = archive_read_new();
    archive_read_support_format_zip(m_archive->handle);
    if (archive_read_open_filename(m_archive->handle, QFile::encodeName(zipPath).constData(), 64 * 1024) !=
        ARCHIVE_OK) {
        if (error)
            *error =
                QCoreApplication::translate("zaw::zoho::ZipCsvReader",
                                            "The Zoho CRM export could not be opened as a ZIP file (%1). Run it again.")
                    .arg(QString::fromUtf8(archive_error_string(m_archive->handle)));
        close();
        return false;
    }
    struct archive_entry *entry = nullptr;
    for (;;) {
        const int r = archive_read_next_header(m_archive->handle, &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            if (error)
                *error = QCoreApplication::translate("zaw::zoho::ZipCsvReader",
                                                     "The Zoho CRM export is damaged (%1). Run it again.")
                             .arg(QString::fromUtf8(archive_error_string(m_archive->handle)));
            close();
            return false;
        }
        const QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry) ? archive_entry_pathname_utf8(entry)
                                                                                  : archive_entry_pathname(entry));
        if (name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            m_entryName = name;
            return true;
        }
        archive_read_data_skip(m_archive->handle);
    }
    if (error)
        *error = QCoreApplication::translate("zaw::zoho::ZipCsvReader",
                                             "The Zoho CRM export holds no CSV file. Run it again.");
    close();
    return false;
}

ZipCsvReader::Status ZipCsvReader::readSome(qint64 maxBytes, const CsvReader::RowHandler &onRow, QString *error)
{
    if (!m_archive) {
        if (error)
            *error = QCoreApplication::translate("zaw::zoho::ZipCsvReader", "The Zoho CRM export is not open.");
        return Status::Failed;
    }
    char buffer[64 * 1024];
    qint64 read = 0;
    while (read < maxBytes) {
        const la_ssize_t n = archive_read_data(m_archive->handle, buffer, sizeof buffer);
        if (n < 0) {
            if (error)
                *error = QCoreApplication::translate("zaw::zoho::ZipCsvReader",
                                                     "The Zoho CRM export is damaged (%1). Run it again.")
                             .arg(QString::fromUtf8(archive_error_string(m_archive->handle)));
            close();
            return Status::Failed;
        }
        if (n == 0) {
            const bool go = m_csv.finish(onRow);
            close();
            if (!go && !m_csv.error().isEmpty()) {
                if (error)
                    *error = m_csv.error();
                return Status::Failed;
            }
            return go ? Status::End : Status::Stopped;
        }
        read += n;
        if (!m_csv.feed(buffer, n, onRow)) {
            close();
            return Status::Stopped;
        }
    }
    return Status::More;
}

} // namespace zaw::zoho
