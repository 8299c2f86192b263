// SPDX-License-Identifier: GPL-3.0-or-later
// A Bulk Read download: zoho::ZipCsvReader opening a ZIP made of the input bytes (written to a
// temporary file, as the download is) and reading its CSV in blocks whose size the first byte
// picks. Invariants: a file that is no ZIP or holds no CSV is refused with a reason; a failed
// read says why; the reader stops (no endless loop on a hostile archive).
#include "FuzzCommon.h"

#include "zoho/ZipCsvReader.h"

#include <QFile>
#include <QTemporaryDir>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    static QTemporaryDir dir;
    ZAW_FUZZ_CHECK(dir.isValid());
    fuzz::Input in(data, size);
    const qint64 block = 1 + qint64(in.byte()) * 37;
    const QByteArray zip = in.rest();
    const QString path = dir.filePath(QStringLiteral("bulk-read.zip"));
    {
        QFile f(path);
        ZAW_FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(zip);
    }
    zoho::ZipCsvReader reader;
    QString error;
    if (!reader.open(path, &error)) {
        ZAW_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    ZAW_FUZZ_CHECK(reader.entryName().endsWith(QLatin1String(".csv"), Qt::CaseInsensitive));
    qint64 rows = 0;
    const auto onRow = [&rows](const QStringList &) { return ++rows < 100000; };
    for (int round = 0; round < 100000; ++round) {
        const zoho::ZipCsvReader::Status s = reader.readSome(block, onRow, &error);
        if (s == zoho::ZipCsvReader::Status::More)
            continue;
        if (s == zoho::ZipCsvReader::Status::Failed)
            ZAW_FUZZ_CHECK(!error.isEmpty());
        reader.close();
        return 0;
    }
    ZAW_FUZZ_CHECK(!"ZipCsvReader::readSome never ended");
    return 0;
}
