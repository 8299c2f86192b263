// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk Read's file side without the sandbox: the RFC 4180 CSV parser (quoted commas, newlines
// and quotes, any block boundary), reading the CSV straight out of a ZIP made here with
// libarchive (a large one, row by row), the cells typed by Zoho data_type, and one Bulk Read page
// against a small scripted HTTP server (job, polling, a download answered 429 more often than
// the HTTP client retries, records as the sync gets them).
#include "net/HttpClient.h"
#include "zoho/CsvReader.h"
#include "zoho/ZipCsvReader.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoBulkRead.h"
#include "zoho/ZohoCrmClient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <functional>

using namespace zaw;
using namespace zaw::zoho;

namespace {

QList<QStringList> parse(const QByteArray &csv, int blockSize, QString *error = nullptr)
{
    CsvReader reader;
    QList<QStringList> rows;
    auto onRow = [&](const QStringList &row) {
        rows.append(row);
        return true;
    };
    for (qsizetype i = 0; i < csv.size(); i += blockSize)
        reader.feed(csv.constData() + i, qMin<qsizetype>(blockSize, csv.size() - i), onRow);
    if (!reader.finish(onRow) && error)
        *error = reader.error();
    return rows;
}

// Writes a ZIP holding the given entries (name → content) with libarchive.
bool writeZip(const QString &path, const QList<QPair<QString, QByteArray>> &entries)
{
    struct archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        return false;
    for (const auto &e : entries) {
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.first.toUtf8().constData());
        archive_entry_set_size(entry, e.second.size());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_write_header(a, entry);
        archive_write_data(a, e.second.constData(), size_t(e.second.size()));
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
    return true;
}

// A tiny HTTP/1.1 server answering each request from a script (one connection per request).
class ScriptedServer : public QTcpServer
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    std::function<Answer(const QByteArray &method, const QString &path, const QByteArray &body)> handler;
    QList<QPair<QByteArray, QString>> seen;

    ScriptedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QList<QByteArray> lines = buffer->left(end).split('\n');
                    qsizetype length = 0;
                    for (const QByteArray &l : lines) {
                        if (l.toLower().startsWith("content-length:"))
                            length = l.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QList<QByteArray> first = lines.first().trimmed().split(' ');
                    const QByteArray body = buffer->mid(end + 4, length);
                    const QString path = QUrl(QString::fromLatin1(first.value(1))).path();
                    seen.append({first.value(0), path});
                    const Answer a = handler(first.value(0), path, body);
                    QByteArray out =
                        "HTTP/1.1 " + QByteArray::number(a.status) + " X\r\nContent-Type: " + a.contentType +
                        "\r\nContent-Length: " + QByteArray::number(a.body.size()) + "\r\nConnection: close\r\n";
                    for (const auto &h : a.headers)
                        out += h.first + ": " + h.second + "\r\n";
                    out += "\r\n" + a.body;
                    s->write(out);
                    s->disconnectFromHost();
                    buffer->clear();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    int count(const QByteArray &method, const QString &path) const
    {
        return int(std::count(seen.begin(), seen.end(), QPair<QByteArray, QString>(method, path)));
    }
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestZohoReadCsv : public QObject
{
    Q_OBJECT

private slots:
    void csvEdgeCases_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<QStringList>>("rows");
        using L = QList<QStringList>;
        QTest::newRow("plain") << QByteArray("a,b\r\n1,2\r\n") << L{{"a", "b"}, {"1", "2"}};
        QTest::newRow("LF and no final newline") << QByteArray("a,b\n1,2") << L{{"a", "b"}, {"1", "2"}};
        QTest::newRow("quoted comma") << QByteArray("a,\"x, y\"\r\n") << L{{"a", "x, y"}};
        QTest::newRow("quoted CRLF and LF")
            << QByteArray("id,Description\r\n1,\"line one\r\nline two\nthree\"\r\n2,z\r\n")
            << L{{"id", "Description"}, {"1", "line one\r\nline two\nthree"}, {"2", "z"}};
        QTest::newRow("doubled quotes") << QByteArray("\"she said \"\"hi\"\"\",\"\"\"\"\r\n")
                                        << L{{"she said \"hi\"", "\""}};
        QTest::newRow("empty cells") << QByteArray("a,,c,\r\n,,,\r\n") << L{{"a", "", "c", ""}, {"", "", "", ""}};
        QTest::newRow("empty quoted single cell") << QByteArray("\"\"\r\n") << L{{""}};
        QTest::newRow("blank lines skipped") << QByteArray("a\r\n\r\nb\n\n") << L{{"a"}, {"b"}};
        QTest::newRow("BOM and UTF-8") << QByteArray("\xEF\xBB\xBFName\r\nJos\xC3\xA9 \xE2\x82\xAC\r\n")
                                       << L{{"Name"}, {QString::fromUtf8("José €")}};
        QTest::newRow("quote inside unquoted cell kept") << QByteArray("ab\"c,d\r\n") << L{{"ab\"c", "d"}};
    }

    void csvEdgeCases()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QList<QStringList>, rows);
        // Every block size, down to one byte: a block may end anywhere (inside a quote, between CR
        // and LF, inside a UTF-8 character or the BOM).
        for (int block : {1, 2, 3, 5, 7, 4096}) {
            QString error;
            const QList<QStringList> got = parse(csv, block, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(got, rows);
        }
    }

    void csvUnterminatedQuoteIsAnError()
    {
        QString error;
        parse("a,\"never closed\r\n", 3, &error);
        QVERIFY2(error.contains(QLatin1String("incomplete")), qPrintable(error));
    }

    void csvStopsWhenAsked()
    {
        CsvReader reader;
        int seen = 0;
        const QByteArray csv("1\n2\n3\n4\n");
        const bool go = reader.feed(csv.constData(), csv.size(), [&](const QStringList &) { return ++seen < 2; });
        QVERIFY(!go);
        QCOMPARE(seen, 2);
    }

    void cellsTypedLikeTheJsonApi()
    {
        QCOMPARE(ZohoBulkRead::typedCell({}, "text"), QJsonValue(QJsonValue::Null));
        QCOMPARE(ZohoBulkRead::typedCell({}, "boolean"), QJsonValue(QJsonValue::Null));
        QCOMPARE(ZohoBulkRead::typedCell("true", "boolean"), QJsonValue(true));
        QCOMPARE(ZohoBulkRead::typedCell("false", "boolean"), QJsonValue(false));
        QCOMPARE(ZohoBulkRead::typedCell("42", "integer"), QJsonValue(42));
        QCOMPARE(ZohoBulkRead::typedCell("9007199254740993", "bigint"), QJsonValue("9007199254740993"));
        QCOMPARE(ZohoBulkRead::typedCell("12.5", "currency"), QJsonValue(12.5));
        QCOMPARE(ZohoBulkRead::typedCell("0.25", "double"), QJsonValue(0.25));
        QCOMPARE(ZohoBulkRead::typedCell("30", "percent"), QJsonValue(30));
        QCOMPARE(ZohoBulkRead::typedCell("3.14", "decimal"), QJsonValue(3.14));
        QCOMPARE(ZohoBulkRead::typedCell("A;B;C", "multiselectpicklist"), QJsonValue(QJsonArray{"A", "B", "C"}));
        QCOMPARE(ZohoBulkRead::typedCell("555", "ownerlookup"), QJsonValue(QJsonObject{{"id", "555"}}));
        QCOMPARE(ZohoBulkRead::typedCell("556", "lookup"), QJsonValue(QJsonObject{{"id", "556"}}));
        QCOMPARE(ZohoBulkRead::typedCell("557", "userlookup"), QJsonValue(QJsonObject{{"id", "557"}}));
        QCOMPARE(ZohoBulkRead::typedCell("2026-11-28T10:00:00+01:00", "datetime"),
                 QJsonValue("2026-11-28T10:00:00+01:00"));
        QCOMPARE(ZohoBulkRead::typedCell("0123", "phone"), QJsonValue("0123"));

        const QJsonObject r = ZohoBulkRead::recordFromRow(
            {"id", "Owner", "Account_Name.id", "Email", "Annual_Revenue"},
            {"4150868000000002175", "99", "77", "", "1000"},
            {{"Owner", "ownerlookup"}, {"Email", "email"}, {"Annual_Revenue", "currency"}, {"id", "bigint"}});
        QCOMPARE(r.value("id"), QJsonValue("4150868000000002175"));
        QCOMPARE(r.value("Owner"), QJsonValue(QJsonObject{{"id", "99"}}));
        QCOMPARE(r.value("Account_Name"), QJsonValue(QJsonObject{{"id", "77"}}));
        QCOMPARE(r.value("Email"), QJsonValue(QJsonValue::Null));
        QCOMPARE(r.value("Annual_Revenue"), QJsonValue(1000));
    }

    void zipCsvReadRowByRow()
    {
        QTemporaryDir dir;
        // 60,000 rows with quoted newlines: far more than one read block.
        QByteArray csv = "id,Last_Name,Description\r\n";
        for (int i = 1; i <= 60000; ++i)
            csv += QByteArray::number(i) + ",Name " + QByteArray::number(i) + ",\"a, \"\"b\"\"\r\nc\"\r\n";
        const QString zip = dir.filePath("job.zip");
        QVERIFY(writeZip(zip, {{"readme.txt", "not the data"}, {"111.csv", csv}}));

        ZipCsvReader reader;
        QString error;
        QVERIFY2(reader.open(zip, &error), qPrintable(error));
        QCOMPARE(reader.entryName(), QStringLiteral("111.csv"));
        qint64 rows = 0;
        int turns = 0;
        QStringList last;
        ZipCsvReader::Status status = ZipCsvReader::Status::More;
        while (status == ZipCsvReader::Status::More) {
            ++turns;
            status = reader.readSome(
                256 * 1024,
                [&](const QStringList &row) {
                    ++rows;
                    last = row;
                    return true;
                },
                &error);
        }
        QCOMPARE(status, ZipCsvReader::Status::End);
        QCOMPARE(rows, qint64(60001));
        QVERIFY2(turns > 3, qPrintable(QString::number(turns))); // read in blocks, not whole
        QCOMPARE(last, (QStringList{"60000", "Name 60000", "a, \"b\"\r\nc"}));
    }

    void zipProblemsAreReported()
    {
        QTemporaryDir dir;
        const QString notZip = dir.filePath("bad.zip");
        QFile f(notZip);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a zip file at all, just text");
        f.close();
        ZipCsvReader reader;
        QString error;
        QVERIFY(!reader.open(notZip, &error));
        QVERIFY2(error.contains(QLatin1String("Run it again")), qPrintable(error));

        const QString noCsv = dir.filePath("nocsv.zip");
        QVERIFY(writeZip(noCsv, {{"readme.txt", "x"}}));
        QVERIFY(!reader.open(noCsv, &error));
        QVERIFY2(error.contains(QLatin1String("no CSV")), qPrintable(error));
    }

    void bulkReadPageAgainstScriptedZoho()
    {
        QTemporaryDir dir;
        const QString zipPath = dir.filePath("served.zip");
        const QByteArray csv = "id,Last_Name,Owner,Email,Tags_X,Annual_Revenue,Email_Opt_Out,Modified_Time\r\n"
                               "101,\"Lima, Ana\",9001,ana@example.com,A;B,1200.5,true,2026-11-28T10:00:00+01:00\r\n"
                               "102,\"Multi\r\nline\",9002,,,,false,2026-11-28T11:00:00+01:00\r\n";
        QVERIFY(writeZip(zipPath, {{"111.csv", csv}}));
        QFile zf(zipPath);
        QVERIFY(zf.open(QIODevice::ReadOnly));
        const QByteArray zipBytes = zf.readAll();

        ScriptedServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int polls = 0;
        int downloads = 0;
        const int rateLimited = 6; // more than HttpClient's 4 attempts
        QJsonObject jobBody;
        server.handler = [&](const QByteArray &method, const QString &path, const QByteArray &body) {
            ScriptedServer::Answer a;
            if (method == "POST" && path == "/crm/bulk/v8/read") {
                jobBody = QJsonDocument::fromJson(body).object();
                a.status = 201;
                a.body = json(
                    {{"data", QJsonArray{QJsonObject{{"status", "success"},
                                                     {"code", "ADDED_SUCCESSFULLY"},
                                                     {"details", QJsonObject{{"id", "111"}, {"state", "ADDED"}}}}}}});
            } else if (path == "/crm/bulk/v8/read/111") {
                ++polls;
                QJsonObject job{{"id", "111"}, {"state", polls < 3 ? "IN PROGRESS" : "COMPLETED"}};
                if (polls >= 3)
                    job.insert(
                        "result",
                        QJsonObject{{"page", 1}, {"count", 2}, {"more_records", true}, {"next_page_token", "tok-2"}});
                a.body = json({{"data", QJsonArray{job}}});
            } else if (path == "/crm/bulk/v8/read/111/result") {
                if (++downloads <= rateLimited) {
                    a.status = 429;
                    a.headers = {{"Retry-After", "0"}};
                    a.body = json({{"code", "TOO_MANY_REQUESTS"},
                                   {"status", "error"},
                                   {"message", "slow down"},
                                   {"details", QJsonObject()}});
                } else {
                    a.contentType = "application/zip";
                    a.body = zipBytes;
                }
            } else {
                a.status = 404;
                a.body = json({{"code", "INVALID_URL_PATTERN"},
                               {"status", "error"},
                               {"message", "no"},
                               {"details", QJsonObject()}});
            }
            return a;
        };

        net::HttpClient http;
        http.setBackoff(10, 50, 5000);
        ZohoAuthClient auth(&http, Endpoints());
        ZohoSession session;
        session.apiDomain = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        session.accessToken = QStringLiteral("test-token");
        session.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        ZohoCrmClient crm(&http, &auth, &session);
        ZohoBulkRead bulk(&crm);
        bulk.setPollIntervals(10, 40);
        bulk.setRateLimitRetries(3, 10);
        QStringList states;
        connect(&bulk, &ZohoBulkRead::stateChanged, this, [&](const QString &s) { states << s; });
        const QHash<QString, QString> types{{"Owner", "ownerlookup"},          {"Email", "email"},
                                            {"Tags_X", "multiselectpicklist"}, {"Annual_Revenue", "currency"},
                                            {"Email_Opt_Out", "boolean"},      {"Modified_Time", "datetime"}};
        const QString work = dir.filePath("work");
        QList<QJsonObject> records;
        BulkReadResult result;
        net::Error error;
        bool done = false;
        QObject context;
        const QDateTime before(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC);
        bulk.readPage(
            "Leads", {"Last_Name", "Owner", "Email", "Tags_X", "Annual_Revenue", "Email_Opt_Out", "Modified_Time"},
            types, before, "tok-1", work,
            [&](const QJsonObject &r) {
                records.append(r);
                return true;
            },
            &context,
            [&](const BulkReadResult &r, const net::Error &e) {
                result = r;
                error = e;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY2(!error, qPrintable(error.message));
        QCOMPARE(result.jobId, QStringLiteral("111"));
        QCOMPARE(result.count, qint64(2));
        QVERIFY(result.moreRecords);
        QCOMPARE(result.nextPageToken, QStringLiteral("tok-2"));
        QCOMPARE(downloads, rateLimited + 1); // every 429 waited out
        QVERIFY(polls >= 3);
        QVERIFY2(states.contains("IN PROGRESS") && states.contains("COMPLETED"), qPrintable(states.join(',')));
        QVERIFY(QDir(work).entryList(QDir::Files).isEmpty()); // the ZIP is deleted

        const QJsonObject query = jobBody.value("query").toObject();
        QCOMPARE(query.value("module").toObject().value("api_name").toString(), QStringLiteral("Leads"));
        QCOMPARE(query.value("page_token").toString(), QStringLiteral("tok-1"));
        QCOMPARE(query.value("criteria").toObject().value("value").toString(),
                 QStringLiteral("2026-11-28T12:00:00+00:00"));
        QCOMPARE(query.value("criteria").toObject().value("comparator").toString(), QStringLiteral("less_than"));
        QCOMPARE(jobBody.value("file_type").toString(), QStringLiteral("csv"));

        QCOMPARE(records.size(), 2);
        const QJsonObject ana = records.at(0);
        QCOMPARE(ana.value("id"), QJsonValue("101"));
        QCOMPARE(ana.value("Last_Name"), QJsonValue("Lima, Ana"));
        QCOMPARE(ana.value("Owner"), QJsonValue(QJsonObject{{"id", "9001"}}));
        QCOMPARE(ana.value("Tags_X"), QJsonValue(QJsonArray{"A", "B"}));
        QCOMPARE(ana.value("Annual_Revenue"), QJsonValue(1200.5));
        QCOMPARE(ana.value("Email_Opt_Out"), QJsonValue(true));
        QCOMPARE(ana.value("Modified_Time"), QJsonValue("2026-11-28T10:00:00+01:00"));
        const QJsonObject multi = records.at(1);
        QCOMPARE(multi.value("Last_Name"), QJsonValue("Multi\r\nline"));
        QCOMPARE(multi.value("Email"), QJsonValue(QJsonValue::Null));
        QCOMPARE(multi.value("Tags_X"), QJsonValue(QJsonValue::Null));
        QCOMPARE(multi.value("Email_Opt_Out"), QJsonValue(false));

        // The caller stops after the first record: a Cancelled error, the ZIP deleted all the same.
        polls = 0;
        downloads = rateLimited; // no more 429s
        done = false;
        int seen = 0;
        bulk.readPage(
            "Leads", {"Last_Name"}, types, {}, {}, work, [&](const QJsonObject &) { return ++seen < 1; }, &context,
            [&](const BulkReadResult &, const net::Error &e) {
                error = e;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QCOMPARE(error.category, net::ErrorCategory::Cancelled);
        QCOMPARE(seen, 1);
        QVERIFY(QDir(work).entryList(QDir::Files).isEmpty());

        // Stopped while Zoho is still working on the job: Cancelled, nothing downloaded.
        polls = -1000; // IN PROGRESS for a long while
        const int downloadsBefore = server.count("GET", "/crm/bulk/v8/read/111/result");
        done = false;
        QObject pollingContext;
        bulk.readPage(
            "Leads", {"Last_Name"}, types, {}, {}, work, [&](const QJsonObject &) { return true; }, &pollingContext,
            [&](const BulkReadResult &, const net::Error &e) {
                error = e;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return states.endsWith("IN PROGRESS") && polls > -998; }, 5000));
        bulk.cancel();
        QVERIFY(done);
        QCOMPARE(error.category, net::ErrorCategory::Cancelled);
        QTest::qWait(100);
        QCOMPARE(server.count("GET", "/crm/bulk/v8/read/111/result"), downloadsBefore);

        // Rate-limited for longer than we wait: a RateLimit error that says to wait.
        polls = 0;
        downloads = -100;
        done = false;
        bulk.readPage(
            "Leads", {"Last_Name"}, types, {}, {}, work, [&](const QJsonObject &) { return true; }, &context,
            [&](const BulkReadResult &, const net::Error &e) {
                error = e;
                done = true;
            });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QCOMPARE(error.category, net::ErrorCategory::RateLimit);
        QVERIFY2(error.message.contains(QLatin1String("Wait")), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(TestZohoReadCsv)
#include "tst_zoho_read_csv.moc"
