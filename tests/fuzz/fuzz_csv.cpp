// SPDX-License-Identifier: GPL-3.0-or-later
// The Bulk Read CSV path: zoho::CsvReader fed in blocks split where the input says (inside a
// field, a quoted newline, a UTF-8 character), then each row typed into a record
// (ZohoBulkRead::recordFromRow, typedCell) with the header's fields given data types from the
// input. Input: one byte per split size (until a 0 byte), one byte of type choices, then the CSV.
// Invariants: the rows do not depend on where the blocks were split (differential against one
// block); the error is the same too; every record has the header's keys.
#include "FuzzCommon.h"

#include "zoho/CsvReader.h"
#include "zoho/ZohoBulkRead.h"

#include <QHash>
#include <QJsonObject>

using namespace zaw;

namespace {

struct Parsed
{
    QList<QStringList> rows;
    bool finished = false;
    QString error;
};

Parsed parse(const QByteArray &csv, const QList<int> &splits, int stopAfter)
{
    Parsed out;
    zoho::CsvReader reader;
    auto onRow = [&out, stopAfter](const QStringList &row) {
        out.rows.append(row);
        return stopAfter <= 0 || out.rows.size() < stopAfter;
    };
    qsizetype pos = 0;
    int i = 0;
    bool go = true;
    while (go && pos < csv.size()) {
        const qsizetype n = splits.isEmpty() ? csv.size() : qMax(1, splits.at(i++ % splits.size()));
        const qsizetype len = qMin(n, csv.size() - pos);
        go = reader.feed(csv.constData() + pos, len, onRow);
        pos += len;
    }
    if (go)
        out.finished = reader.finish(onRow);
    out.error = reader.error();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString types[] = {
        QStringLiteral("text"),    QStringLiteral("boolean"),     QStringLiteral("integer"),
        QStringLiteral("double"),  QStringLiteral("currency"),    QStringLiteral("percent"),
        QStringLiteral("bigint"),  QStringLiteral("datetime"),    QStringLiteral("multiselectpicklist"),
        QStringLiteral("lookup"),  QStringLiteral("ownerlookup"), QStringLiteral("decimal"),
        QStringLiteral("date"),    QStringLiteral("userlookup"),  QStringLiteral("picklist"),
        QStringLiteral("formula"),
    };
    fuzz::Input in(data, size);
    QList<int> splits;
    while (!in.empty() && splits.size() < 16) {
        const uint8_t b = in.byte();
        if (b == 0)
            break;
        splits.append(b);
    }
    const uint8_t typeSeed = in.byte();
    const QByteArray csv = in.rest();

    const Parsed whole = parse(csv, {}, 0);
    const Parsed split = parse(csv, splits.isEmpty() ? QList<int>{1} : splits, 0);
    ZAW_FUZZ_CHECK(whole.rows == split.rows);
    ZAW_FUZZ_CHECK(whole.finished == split.finished);
    ZAW_FUZZ_CHECK(whole.error == split.error);
    if (!whole.finished)
        ZAW_FUZZ_CHECK(!whole.error.isEmpty());
    // Stopping early keeps what came before.
    const Parsed stopped = parse(csv, splits, 2);
    ZAW_FUZZ_CHECK(stopped.rows.size() <= 2);
    ZAW_FUZZ_CHECK(stopped.rows == whole.rows.mid(0, stopped.rows.size()));

    if (whole.rows.isEmpty())
        return 0;
    const QStringList header = whole.rows.first();
    QHash<QString, QString> fieldTypes;
    for (int i = 0; i < header.size(); ++i)
        fieldTypes.insert(header.at(i), types[(typeSeed + i * 7) % 16]);
    for (int r = 1; r < whole.rows.size() && r < 64; ++r) {
        const QStringList &row = whole.rows.at(r);
        zoho::ZohoBulkRead::recordFromRow(header, row, fieldTypes);
        for (int c = 0; c < row.size() && c < 32; ++c)
            zoho::ZohoBulkRead::typedCell(row.at(c), types[(typeSeed + c) % 16]);
    }
    return 0;
}
