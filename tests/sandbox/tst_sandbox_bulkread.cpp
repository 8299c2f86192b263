// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Zoho side for a direct sync's full load and large orgs: Bulk Read jobs (states over
// time, a ZIP of one CSV unpacked here with libarchive, page tokens, 10 downloads a minute),
// the record count, COQL's documented limits, 100,000 Leads that stay fast, --state, options.
#include "ConsentDriver.h"
#include "TestHttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <archive.h>
#include <archive_entry.h>

using namespace zaw;
using namespace zaw::test;
using namespace Qt::StringLiterals;

namespace {

const QString kScopes = u"ZohoCRM.modules.READ,ZohoCRM.settings.fields.READ,ZohoCRM.coql.READ,ZohoCRM.bulk.READ"_s;
const QString kAna = u"ana.lima@example.com"_s;
const QString kApi = u"/zoho/us/api/crm/v8/"_s;
const QString kBulk = u"/zoho/us/api/crm/bulk/v8/read"_s;

QString describe(const HttpResult &r)
{
    return u"HTTP %1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(400)));
}

// The files of a ZIP, unpacked in memory with libarchive.
QList<QPair<QString, QByteArray>> unzip(const QByteArray &zip)
{
    QList<QPair<QString, QByteArray>> files;
    struct archive *a = archive_read_new();
    archive_read_support_format_zip(a);
    if (archive_read_open_memory(a, zip.constData(), size_t(zip.size())) != ARCHIVE_OK) {
        archive_read_free(a);
        return files;
    }
    struct archive_entry *entry = nullptr;
    while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
        QByteArray content;
        char buffer[65536];
        la_ssize_t n = 0;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
            content.append(buffer, qsizetype(n));
        files.append({QString::fromUtf8(archive_entry_pathname(entry)), content});
    }
    archive_read_free(a);
    return files;
}

QStringList csvCells(const QByteArray &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    const QString text = QString::fromUtf8(line);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell.append(u'"');
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell.append(c);
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            cells.append(cell);
            cell.clear();
        } else {
            cell.append(c);
        }
    }
    cells.append(cell);
    return cells;
}

} // namespace

class TestSandboxBulkRead : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fixture;
    QString m_token;

    static QString signIn(SandboxFixture &fixture, const QString &scopes)
    {
        const QJsonObject zoho = fixture.credentials().value(u"zoho"_s).toObject();
        QUrl auth = fixture.url(u"/zoho/us/accounts/oauth/v2/auth"_s);
        QUrlQuery q;
        q.addQueryItem(u"response_type"_s, u"code"_s);
        q.addQueryItem(u"client_id"_s, zoho.value(u"clientId"_s).toString());
        q.addQueryItem(u"scope"_s, scopes);
        q.addQueryItem(u"redirect_uri"_s, zoho.value(u"redirectUri"_s).toString());
        q.addQueryItem(u"access_type"_s, u"offline"_s);
        q.addQueryItem(u"prompt"_s, u"consent"_s);
        auth.setQuery(q);
        const ConsentOutcome outcome = runConsent(fixture.http, auth, kAna);
        const QString code = QUrlQuery(outcome.redirect).queryItemValue(u"code"_s);
        if (outcome.status != 302 || code.isEmpty())
            return {};
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
        form.addQueryItem(u"client_id"_s, zoho.value(u"clientId"_s).toString());
        form.addQueryItem(u"client_secret"_s, zoho.value(u"clientSecret"_s).toString());
        form.addQueryItem(u"redirect_uri"_s, zoho.value(u"redirectUri"_s).toString());
        form.addQueryItem(u"code"_s, code);
        return fixture.http.postForm(fixture.url(u"/zoho/us/accounts/oauth/v2/token"_s), form)
            .object()
            .value(u"access_token"_s)
            .toString();
    }

    QList<QPair<QByteArray, QByteArray>> auth(const QString &token = {}) const
    {
        return {{"Authorization", "Zoho-oauthtoken " + (token.isEmpty() ? m_token : token).toLatin1()}};
    }
    SandboxFixture &fx(SandboxFixture *f) { return f ? *f : *m_fixture; }

    HttpResult coql(const QString &query)
    {
        return m_fixture->http.postJson(m_fixture->url(kApi + u"coql"_s), QJsonObject{{u"select_query"_s, query}},
                                        auth());
    }
    HttpResult addLeads(int count, SandboxFixture *f = nullptr)
    {
        return fx(f).http.postJson(
            fx(f).url(u"/_sandbox/zoho/change"_s),
            QJsonObject{{u"login"_s, kAna}, {u"module"_s, u"Leads"_s}, {u"op"_s, u"add"_s}, {u"count"_s, count}});
    }
    qint64 leadCount(SandboxFixture *f = nullptr)
    {
        const HttpResult r = fx(f).http.get(fx(f).url(kApi + u"Leads/actions/count"_s), auth());
        return r.status == 200 ? qint64(r.object().value(u"count"_s).toDouble()) : -1;
    }
    HttpResult createJob(const QJsonObject &query, SandboxFixture *f = nullptr, const QString &token = {})
    {
        return fx(f).http.postJson(fx(f).url(kBulk), QJsonObject{{u"query"_s, query}, {u"file_type"_s, u"csv"_s}},
                                   auth(token));
    }
    QJsonObject job(const QString &id, SandboxFixture *f = nullptr)
    {
        return fx(f).http.get(fx(f).url(kBulk + u"/"_s + id), auth()).object()[u"data"_s].toArray().first().toObject();
    }
    HttpResult download(const QString &id, SandboxFixture *f = nullptr)
    {
        return fx(f).http.get(fx(f).url(kBulk + u"/"_s + id + u"/result"_s), auth());
    }
    void setBulkReadMs(int ms, SandboxFixture *f = nullptr)
    {
        QCOMPARE(fx(f).http.postJson(fx(f).url(u"/_sandbox/options"_s), QJsonObject{{u"bulkReadMs"_s, ms}}).status,
                 200);
    }
    static QJsonObject before(const QString &time)
    {
        return QJsonObject{{u"field"_s, QJsonObject{{u"api_name"_s, u"Modified_Time"_s}}},
                           {u"comparator"_s, u"less_than"_s},
                           {u"value"_s, time}};
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        m_token = signIn(*m_fixture, kScopes);
        QVERIFY(!m_token.isEmpty());
    }
    void cleanup() { m_fixture.reset(); }

    void countFollowsChanges()
    {
        const qint64 seeded = leadCount();
        QVERIFY(seeded > 0);
        QCOMPARE(addLeads(25).status, 200);
        QCOMPARE(leadCount(), seeded + 25);
    }

    void jobMovesOverTimeToAZipOfOneCsv()
    {
        setBulkReadMs(900);
        const QString later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(u"yyyy-MM-ddTHH:mm:ss+00:00"_s);
        const HttpResult created = createJob(QJsonObject{
            {u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
            {u"fields"_s, QJsonArray{u"Last_Name"_s, u"Email"_s, u"Owner"_s, u"Email_Opt_Out"_s,
                                     u"Products_of_Interest"_s, u"Modified_Time"_s}},
            {u"criteria"_s,
             QJsonObject{
                 {u"group_operator"_s, u"and"_s},
                 {u"group"_s, QJsonArray{QJsonObject{{u"field"_s, QJsonObject{{u"api_name"_s, u"Modified_Time"_s}}},
                                                     {u"comparator"_s, u"greater_equal"_s},
                                                     {u"value"_s, u"2000-01-01T00:00:00+00:00"_s}},
                                         before(later)}}}}});
        QVERIFY2(created.status == 201, qPrintable(describe(created)));
        const QJsonObject entry = created.object()[u"data"_s].toArray().first().toObject();
        QCOMPARE(entry[u"code"_s].toString(), u"ADDED_SUCCESSFULLY"_s);
        const QString id = entry[u"details"_s].toObject()[u"id"_s].toString();
        QCOMPARE(entry[u"details"_s].toObject()[u"state"_s].toString(), u"ADDED"_s);
        QCOMPARE(job(id)[u"state"_s].toString(), u"ADDED"_s);
        QCOMPARE(download(id).status, 400); // not completed yet
        QTRY_COMPARE_WITH_TIMEOUT(job(id)[u"state"_s].toString(), u"IN PROGRESS"_s, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(job(id)[u"state"_s].toString(), u"COMPLETED"_s, 3000);
        const QJsonObject result = job(id)[u"result"_s].toObject();
        QCOMPARE(result[u"count"_s].toInteger(), leadCount());
        QCOMPARE(result[u"per_page"_s].toInt(), 200000);
        QCOMPARE(result[u"more_records"_s].toBool(), false);
        QCOMPARE(result[u"download_url"_s].toString(), u"/crm/bulk/v8/read/%1/result"_s.arg(id));

        const HttpResult zip = download(id);
        QCOMPARE(zip.status, 200);
        QVERIFY(zip.header("content-type").contains("zip"));
        const auto files = unzip(zip.body);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first().first, id + u".csv"_s);
        const QList<QByteArray> lines = files.first().second.trimmed().split('\n');
        QCOMPARE(lines.size(), int(leadCount()) + 1);
        QCOMPARE(csvCells(lines.first().trimmed()),
                 (QStringList{u"id"_s, u"Last_Name"_s, u"Email"_s, u"Owner"_s, u"Email_Opt_Out"_s,
                              u"Products_of_Interest"_s, u"Modified_Time"_s}));
        // Compare one row with the JSON API's view of the same record.
        const QStringList row = csvCells(lines.at(1).trimmed());
        const HttpResult record = m_fixture->http.get(
            m_fixture->url(
                kApi +
                u"Leads?fields=Last_Name,Email,Owner,Email_Opt_Out,Products_of_Interest,Modified_Time&sort_by=id&sort_order=asc&per_page=1"_s),
            auth());
        const QJsonObject json = record.object()[u"data"_s].toArray().first().toObject();
        QCOMPARE(row.at(0), json[u"id"_s].toString());
        QCOMPARE(row.at(1), json[u"Last_Name"_s].toString());
        QCOMPARE(row.at(3), json[u"Owner"_s].toObject()[u"id"_s].toString()); // a lookup: the id only
        QCOMPARE(row.at(4), json[u"Email_Opt_Out"_s].toBool() ? u"true"_s : u"false"_s);
        QStringList picks;
        for (const QJsonValue &v : json[u"Products_of_Interest"_s].toArray())
            picks.append(v.toString());
        QCOMPARE(row.at(5), picks.join(u';'));
        QCOMPARE(row.at(6), json[u"Modified_Time"_s].toString());
        QVERIFY(QDateTime::fromString(row.at(6), Qt::ISODate).isValid());
    }

    void criteriaSelectRecords()
    {
        setBulkReadMs(0);
        const qint64 seeded = leadCount();
        QTest::qWait(1100); // the added records get a later second
        const QString cut = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ss+00:00"_s);
        QTest::qWait(1100);
        QCOMPARE(addLeads(7).status, 200);
        const QString id = createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
                                                 {u"fields"_s, QJsonArray{u"Last_Name"_s}},
                                                 {u"criteria"_s, before(cut)}})
                               .object()[u"data"_s]
                               .toArray()
                               .first()
                               .toObject()[u"details"_s]
                               .toObject()[u"id"_s]
                               .toString();
        QCOMPARE(job(id)[u"result"_s].toObject()[u"count"_s].toInteger(), seeded);
        // Errors: a bad date-time, an unknown field, no bulk scope.
        QCOMPARE(createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
                                       {u"criteria"_s, before(u"2026-01-01 10:00"_s)}})
                     .status,
                 400);
        QCOMPARE(createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
                                       {u"fields"_s, QJsonArray{u"Nope"_s}}})
                     .object()[u"code"_s]
                     .toString(),
                 u"INVALID_DATA"_s);
        const QString noBulk = signIn(*m_fixture, u"ZohoCRM.modules.READ"_s);
        const HttpResult denied =
            createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}}}, nullptr, noBulk);
        QCOMPARE(denied.status, 401);
        QCOMPARE(denied.object()[u"code"_s].toString(), u"OAUTH_SCOPE_MISMATCH"_s);
    }

    void elevenDownloadsInAMinuteAre429()
    {
        setBulkReadMs(0);
        const QString id = createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
                                                 {u"fields"_s, QJsonArray{u"Last_Name"_s}}})
                               .object()[u"data"_s]
                               .toArray()
                               .first()
                               .toObject()[u"details"_s]
                               .toObject()[u"id"_s]
                               .toString();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(download(id).status, 200);
        const HttpResult limited = download(id);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.object()[u"code"_s].toString(), u"TOO_MANY_REQUESTS"_s);
    }

    void pagesOf200000WithPageToken()
    {
        setBulkReadMs(0);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(addLeads(200000).status, 200);
        qInfo("200,000 adds: %lld ms", timer.restart());
        const qint64 total = leadCount();
        QVERIFY(total > 200000);
        const HttpResult first = createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
                                                       {u"fields"_s, QJsonArray{u"Last_Name"_s, u"Modified_Time"_s}}});
        const QString id =
            first.object()[u"data"_s].toArray().first().toObject()[u"details"_s].toObject()[u"id"_s].toString();
        const QJsonObject result = job(id)[u"result"_s].toObject();
        QCOMPARE(result[u"count"_s].toInteger(), 200000);
        QVERIFY(result[u"more_records"_s].toBool());
        const QString token = result[u"next_page_token"_s].toString();
        QVERIFY(!token.isEmpty());
        const HttpResult zip = download(id);
        qInfo("job + download of 200,000: %lld ms", timer.restart());
        QCOMPARE(zip.status, 200);
        QCOMPARE(unzip(zip.body).first().second.count('\n'), 200001);

        const HttpResult second = createJob(QJsonObject{{u"page_token"_s, token}});
        QVERIFY2(second.status == 201, qPrintable(describe(second)));
        const QString secondId =
            second.object()[u"data"_s].toArray().first().toObject()[u"details"_s].toObject()[u"id"_s].toString();
        const QJsonObject secondResult = job(secondId)[u"result"_s].toObject();
        QCOMPARE(secondResult[u"count"_s].toInteger(), total - 200000);
        QCOMPARE(secondResult[u"page"_s].toInt(), 2);
        QVERIFY(!secondResult[u"more_records"_s].toBool());
        QCOMPARE(createJob(QJsonObject{{u"page_token"_s, u"nope"_s}}).status, 400);
    }

    void coqlLimits()
    {
        auto code = [this](const QString &query) { return coql(query).object()[u"code"_s].toString(); };
        QCOMPARE(code(u"select Last_Name from Leads where id > 0 limit 2001"_s), u"LIMIT_EXCEEDED"_s);
        QCOMPARE(code(u"select Last_Name from Leads where id > 0 limit 99000, 2000"_s), u"LIMIT_EXCEEDED"_s);
        QStringList many;
        for (int i = 0; i < 51; ++i)
            many.append(u"Last_Name"_s);
        QCOMPARE(code(u"select %1 from Leads where id > 0"_s.arg(many.join(u", "_s))), u"LIMIT_EXCEEDED"_s);
        QString nested = u"id > 0"_s;
        for (int i = 1; i < 26; ++i)
            nested = u"(%1 and id > %2)"_s.arg(nested).arg(i);
        QCOMPARE(code(u"select Last_Name from Leads where %1"_s.arg(nested)), u"LIMIT_EXCEEDED"_s);
        // More than two criteria must be bracketed.
        QCOMPARE(code(u"select Last_Name from Leads where id > 1 and id > 2 and id > 3"_s), u"SYNTAX_ERROR"_s);
        QCOMPARE(code(u"select Last_Name from Leads where id > 1 and id > 2 or id > 3"_s), u"SYNTAX_ERROR"_s);
        QCOMPARE(coql(u"select Last_Name from Leads where ((id > 1 and id > 2) or id > 3)"_s).status, 200);
        QStringList values;
        for (int i = 0; i < 51; ++i)
            values.append(u"'x%1'"_s.arg(i));
        QCOMPARE(code(u"select Last_Name from Leads where Last_Name in (%1)"_s.arg(values.join(u", "_s))),
                 u"LIMIT_EXCEEDED"_s);
        // The documented comparators work.
        const HttpResult all = coql(u"select Last_Name, Email from Leads where id is not null limit 2000"_s);
        QCOMPARE(all.status, 200);
        const int total = int(all.object()[u"data"_s].toArray().size());
        const QJsonObject firstRow = all.object()[u"data"_s].toArray().first().toObject();
        const QString name = firstRow[u"Last_Name"_s].toString();
        const HttpResult in =
            coql(u"select Last_Name from Leads where Last_Name in ('%1', 'nobody') limit 2000"_s.arg(name));
        QVERIFY2(in.status == 200, qPrintable(describe(in)));
        const int named = int(in.object()[u"data"_s].toArray().size());
        QVERIFY(named >= 1);
        const HttpResult notIn =
            coql(u"select Last_Name from Leads where Last_Name not in ('%1') limit 2000"_s.arg(name));
        QCOMPARE(int(notIn.object()[u"data"_s].toArray().size()), total - named);
        const HttpResult like =
            coql(u"select Last_Name from Leads where Last_Name like '%1%' limit 2000"_s.arg(name.left(2)));
        QVERIFY(like.object()[u"data"_s].toArray().size() >= named);
        const HttpResult between = coql(
            u"select Last_Name from Leads where Modified_Time between '2000-01-01T00:00:00+00:00' and '2100-01-01T00:00:00+00:00' limit 2000"_s);
        QCOMPARE(int(between.object()[u"data"_s].toArray().size()), total);
        QCOMPARE(coql(u"select Last_Name from Leads where id is null"_s).status, 204);
    }

    // 100,000 Leads are added and walked page by page. The times are printed, not asserted
    // (a figure, not a pass mark: the sanitizer run is several times slower; bench/ measures).
    void hundredThousandLeadsAreServed()
    {
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(addLeads(100000).status, 200);
        qInfo("adding 100,000 Leads: %lld ms", timer.elapsed());
        // A keyset walk's page: Modified_Time >= cursor, order by Modified_Time, id, limit 2000.
        QString time = u"2000-01-01T00:00:00+00:00"_s;
        QString lastId = u"0"_s;
        int rows = 0;
        timer.restart();
        for (int page = 0; page < 5; ++page) {
            const HttpResult r =
                coql(u"select Last_Name, Modified_Time from Leads where (Modified_Time > '%1') or "
                     u"(Modified_Time = '%1' and id > %2) order by Modified_Time asc, id asc limit 2000"_s.arg(time,
                                                                                                               lastId));
            QVERIFY2(r.status == 200, qPrintable(describe(r)));
            const QJsonArray data = r.object()[u"data"_s].toArray();
            rows += int(data.size());
            const QJsonObject last = data.last().toObject();
            time = QDateTime::fromString(last[u"Modified_Time"_s].toString(), Qt::ISODate)
                       .toUTC()
                       .toString(u"yyyy-MM-ddTHH:mm:ss+00:00"_s);
            lastId = last[u"id"_s].toString();
        }
        QCOMPARE(rows, 10000);
        qInfo("5 keyset pages over 100,000 Leads: %lld ms", timer.elapsed());
    }

    void jobsSurviveRestartAndOptions()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(u"state.json"_s);
        QString id;
        qint64 count = 0;
        {
            SandboxFixture f;
            QString error;
            QVERIFY2(f.server().setStateFile(stateFile, &error), qPrintable(error));
            const QString token = signIn(f, kScopes);
            m_token = token;
            setBulkReadMs(0, &f);
            QCOMPARE(f.http.postJson(f.url(u"/_sandbox/options"_s), QJsonObject{{u"retiredZohoSource"_s, true}}).status,
                     200);
            QVERIFY(f.server().retiredZohoSource());
            id = createJob(QJsonObject{{u"module"_s, QJsonObject{{u"api_name"_s, u"Leads"_s}}},
                                       {u"fields"_s, QJsonArray{u"Last_Name"_s}}},
                           &f)
                     .object()[u"data"_s]
                     .toArray()
                     .first()
                     .toObject()[u"details"_s]
                     .toObject()[u"id"_s]
                     .toString();
            count = job(id, &f)[u"result"_s].toObject()[u"count"_s].toInteger();
            QVERIFY(count > 0);
            QTest::qWait(50);
        }
        SandboxFixture f;
        QString error;
        QVERIFY2(f.server().setStateFile(stateFile, &error), qPrintable(error));
        QVERIFY(f.server().retiredZohoSource());
        f.server().setRetiredZohoSource(false);
        QVERIFY(!f.server().retiredZohoSource());
        QCOMPARE(job(id, &f)[u"state"_s].toString(), u"COMPLETED"_s);
        const HttpResult zip = download(id, &f);
        QCOMPARE(zip.status, 200);
        QCOMPARE(unzip(zip.body).first().second.trimmed().count('\n'), count);
    }
};

QTEST_GUILESS_MAIN(TestSandboxBulkRead)
#include "tst_sandbox_bulkread.moc"
