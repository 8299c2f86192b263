// SPDX-License-Identifier: GPL-3.0-or-later
// What a direct sync reads from the sandbox's Zoho CRM: COQL (keyset paging on Modified_Time and
// id through a same-second cluster, Zoho's limits and errors), GET /{module}/deleted, and the
// control endpoint POST /_sandbox/zoho/change whose edits those APIs (and the --state file) see.
#include "ConsentDriver.h"
#include "TestHttp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace zaw;
using namespace zaw::test;

namespace {

const QString kReadScopes = QStringLiteral("ZohoCRM.modules.READ,ZohoCRM.settings.fields.READ,ZohoCRM.users.READ");
const QString kCoqlScopes = kReadScopes + QStringLiteral(",ZohoCRM.coql.READ");
const QString kAna = QStringLiteral("ana.lima@example.com");
const QString kApi = QStringLiteral("/zoho/us/api/crm/v8/");
const QString kEpoch = QStringLiteral("2000-01-01T00:00:00+00:00");

bool isCrmError(const HttpResult &r, int status, const QString &code)
{
    const QJsonObject o = r.object();
    QStringList keys = o.keys();
    keys.sort();
    return r.status == status &&
           keys == QStringList{QStringLiteral("code"), QStringLiteral("details"), QStringLiteral("message"),
                               QStringLiteral("status")} &&
           o.value(QStringLiteral("code")).toString() == code &&
           o.value(QStringLiteral("status")).toString() == QLatin1String("error") &&
           o.value(QStringLiteral("details")).isObject();
}

QString describe(const HttpResult &r)
{
    return QStringLiteral("HTTP %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(400)));
}

QString keysetQuery(const QString &fields, const QString &time, const QString &id, int limit = 10)
{
    return QStringLiteral("select %1 from Leads where (Modified_Time > '%2') or (Modified_Time = '%2' and id > %3) "
                          "order by Modified_Time asc, id asc limit %4")
        .arg(fields, time, id)
        .arg(limit);
}

} // namespace

class TestSandboxZohoSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxFixture> m_fixture;
    QString m_token;       // ana, with ZohoCRM.coql.READ
    QString m_noCoqlToken; // ana, module read only

    // The access token of one consent by `login` for `scopes`, or empty with a test failure.
    static QString signIn(SandboxFixture &fixture, const QString &login, const QString &scopes)
    {
        const QJsonObject zoho = fixture.credentials().value(QStringLiteral("zoho")).toObject();
        QUrl auth = fixture.url(QStringLiteral("/zoho/us/accounts/oauth/v2/auth"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("client_id"), zoho.value(QStringLiteral("clientId")).toString());
        q.addQueryItem(QStringLiteral("scope"), scopes);
        q.addQueryItem(QStringLiteral("redirect_uri"), zoho.value(QStringLiteral("redirectUri")).toString());
        q.addQueryItem(QStringLiteral("access_type"), QStringLiteral("offline"));
        q.addQueryItem(QStringLiteral("prompt"), QStringLiteral("consent"));
        auth.setQuery(q);
        const ConsentOutcome outcome = runConsent(fixture.http, auth, login);
        const QString code = QUrlQuery(outcome.redirect).queryItemValue(QStringLiteral("code"));
        if (outcome.status != 302 || code.isEmpty())
            return {};
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("client_id"), zoho.value(QStringLiteral("clientId")).toString());
        form.addQueryItem(QStringLiteral("client_secret"), zoho.value(QStringLiteral("clientSecret")).toString());
        form.addQueryItem(QStringLiteral("redirect_uri"), zoho.value(QStringLiteral("redirectUri")).toString());
        form.addQueryItem(QStringLiteral("code"), code);
        const HttpResult token =
            fixture.http.postForm(fixture.url(QStringLiteral("/zoho/us/accounts/oauth/v2/token")), form);
        return token.object().value(QStringLiteral("access_token")).toString();
    }

    static HttpResult coql(SandboxFixture &fixture, const QString &token, const QString &query)
    {
        return fixture.http.postJson(fixture.url(kApi + QStringLiteral("coql")),
                                     QJsonObject{{QStringLiteral("select_query"), query}},
                                     {{"Authorization", "Zoho-oauthtoken " + token.toLatin1()}});
    }
    HttpResult coql(const QString &query) { return coql(*m_fixture, m_token, query); }

    static HttpResult crmGet(SandboxFixture &fixture, const QString &token, const QString &pathAndQuery)
    {
        return fixture.http.get(fixture.url(kApi + pathAndQuery),
                                {{"Authorization", "Zoho-oauthtoken " + token.toLatin1()}});
    }

    static HttpResult change(SandboxFixture &fixture, const QJsonObject &body)
    {
        return fixture.http.postJson(fixture.url(QStringLiteral("/_sandbox/zoho/change")), body);
    }

    // Every Leads id through Get Records, the reference the COQL walk is compared with.
    QSet<QString> leadIdsByGetRecords()
    {
        QSet<QString> ids;
        for (int page = 1; page <= 10; ++page) {
            const HttpResult r =
                crmGet(*m_fixture, m_token, QStringLiteral("Leads?fields=Last_Name&per_page=200&page=%1").arg(page));
            if (r.status != 200)
                break;
            for (const QJsonValue &row : r.object().value(QStringLiteral("data")).toArray())
                ids.insert(row.toObject().value(QStringLiteral("id")).toString());
            if (!r.object().value(QStringLiteral("info")).toObject().value(QStringLiteral("more_records")).toBool())
                break;
        }
        return ids;
    }

    struct Walk
    {
        QString failure;
        QList<QPair<QDateTime, QString>> rows; // Modified_Time, id in the order served
        int pagesStartingInsideATie = 0;       // a page whose first row shares the previous page's last second
    };

    // Keyset paging through Leads from (time, id), `limit` rows a query, as a sync would.
    Walk keysetWalk(QString time, QString id, int limit = 10)
    {
        Walk walk;
        for (int guard = 0; guard < 1000; ++guard) {
            const HttpResult r = coql(keysetQuery(QStringLiteral("Last_Name, Modified_Time"), time, id, limit));
            if (r.status == 204)
                return walk;
            if (r.status != 200) {
                walk.failure = describe(r);
                return walk;
            }
            const QJsonArray data = r.object().value(QStringLiteral("data")).toArray();
            const QJsonObject info = r.object().value(QStringLiteral("info")).toObject();
            if (data.isEmpty() || data.size() > limit || info.value(QStringLiteral("count")).toInt() != data.size()) {
                walk.failure = QStringLiteral("bad page: %1").arg(describe(r));
                return walk;
            }
            const QString firstTime = data.first().toObject().value(QStringLiteral("Modified_Time")).toString();
            if (!walk.rows.isEmpty() && firstTime == time)
                ++walk.pagesStartingInsideATie;
            for (const QJsonValue &v : data) {
                const QJsonObject row = v.toObject();
                time = row.value(QStringLiteral("Modified_Time")).toString();
                id = row.value(QStringLiteral("id")).toString();
                walk.rows.append({QDateTime::fromString(time, Qt::ISODate), id});
            }
            if (!info.value(QStringLiteral("more_records")).toBool() && data.size() < limit)
                return walk;
        }
        walk.failure = QStringLiteral("the walk did not end");
        return walk;
    }

private slots:
    void initTestCase()
    {
        sandbox::SandboxOptions options;
        options.relaxedLimits = true;
        m_fixture = std::make_unique<SandboxFixture>(options);
        m_token = signIn(*m_fixture, kAna, kCoqlScopes);
        QVERIFY(!m_token.isEmpty());
        m_noCoqlToken = signIn(*m_fixture, kAna, kReadScopes);
        QVERIFY(!m_noCoqlToken.isEmpty());
    }

    void seedHasASameSecondClusterOfLeads()
    {
        const Walk walk = keysetWalk(kEpoch, QStringLiteral("0"), 2000);
        QVERIFY2(walk.failure.isEmpty(), qPrintable(walk.failure));
        QHash<QDateTime, int> perSecond;
        for (const auto &row : walk.rows)
            ++perSecond[row.first];
        int largest = 0;
        for (const int n : std::as_const(perSecond))
            largest = qMax(largest, n);
        QVERIFY2(largest >= 30, qPrintable(QString::number(largest)));
    }

    void keysetPagingVisitsEveryLeadOnce()
    {
        const QSet<QString> expected = leadIdsByGetRecords();
        QVERIFY(expected.size() >= 400);
        const Walk walk = keysetWalk(kEpoch, QStringLiteral("0"));
        QVERIFY2(walk.failure.isEmpty(), qPrintable(walk.failure));
        QSet<QString> seen;
        for (qsizetype i = 0; i < walk.rows.size(); ++i) {
            QVERIFY2(!seen.contains(walk.rows.at(i).second), qPrintable(walk.rows.at(i).second));
            seen.insert(walk.rows.at(i).second);
            if (i > 0) {
                const auto &before = walk.rows.at(i - 1);
                const auto &now = walk.rows.at(i);
                QVERIFY(before.first < now.first ||
                        (before.first == now.first && before.second.toLongLong() < now.second.toLongLong()));
            }
        }
        QCOMPARE(seen, expected);
        // The cluster is larger than a page, so at least one page boundary falls inside it.
        QVERIFY(walk.pagesStartingInsideATie >= 2);
    }

    void idsCompareAsNumbers()
    {
        // Every id has 18 digits: as text "999" sorts after all of them, as a number before.
        const HttpResult r = coql(QStringLiteral("select Last_Name from Leads where id > 999 limit 5"));
        QVERIFY2(r.status == 200, qPrintable(describe(r)));
        QCOMPARE(r.object().value(QStringLiteral("data")).toArray().size(), 5);
        QCOMPARE(r.object().value(QStringLiteral("info")).toObject().value(QStringLiteral("more_records")).toBool(),
                 true);
    }

    void limitWithOffsetAndDefaultOrder()
    {
        const HttpResult all =
            coql(QStringLiteral("select Last_Name from Leads where Modified_Time >= '%1' limit 6").arg(kEpoch));
        const HttpResult tail =
            coql(QStringLiteral("select Last_Name from Leads where Modified_Time >= '%1' limit 2, 4").arg(kEpoch));
        QCOMPARE(all.status, 200);
        QCOMPARE(tail.status, 200);
        const QJsonArray a = all.object().value(QStringLiteral("data")).toArray();
        const QJsonArray t = tail.object().value(QStringLiteral("data")).toArray();
        QCOMPARE(t.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(t.at(i).toObject().value(QStringLiteral("id")),
                     a.at(i + 2).toObject().value(QStringLiteral("id")));
        // Zoho's default order is id ascending.
        QVERIFY(a.at(0).toObject().value(QStringLiteral("id")).toString().toLongLong() <
                a.at(1).toObject().value(QStringLiteral("id")).toString().toLongLong());
        QStringList keys = a.at(0).toObject().keys();
        keys.sort();
        QCOMPARE(keys, QStringList({QStringLiteral("Last_Name"), QStringLiteral("id")}));
    }

    void fiftyOneFieldsAreRefused()
    {
        QStringList fields;
        for (int i = 0; i < 51; ++i)
            fields.append(i % 2 ? QStringLiteral("Last_Name") : QStringLiteral("Email"));
        const HttpResult r = coql(QStringLiteral("select %1 from Leads where Modified_Time >= '%2' limit 10")
                                      .arg(fields.join(u", "), kEpoch));
        QVERIFY2(isCrmError(r, 400, QStringLiteral("LIMIT_EXCEEDED")), qPrintable(describe(r)));
        QCOMPARE(r.object().value(QStringLiteral("details")).toObject().value(QStringLiteral("limit")).toInt(), 50);
    }

    void aQueryWithoutWhereIsRefused()
    {
        for (const QString &query :
             {QStringLiteral("select Last_Name from Leads order by id asc limit 10"),
              QStringLiteral("select Last_Name from Leads limit 10"), QStringLiteral("select Last_Name from Leads")}) {
            const HttpResult r = coql(query);
            QVERIFY2(isCrmError(r, 400, QStringLiteral("SYNTAX_ERROR")), qPrintable(query + describe(r)));
        }
    }

    void nothingMatchingIsNoContent()
    {
        const HttpResult r =
            coql(QStringLiteral("select Last_Name from Leads where Modified_Time > '2099-01-01T00:00:00+00:00'"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
    }

    void badQueriesGetZohosErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        const QString where = QStringLiteral(" where Modified_Time >= '2000-01-01T00:00:00+00:00'");
        QTest::newRow("unknown field") << QStringLiteral("select Nope from Leads") + where << "INVALID_QUERY";
        QTest::newRow("unknown where field")
            << QStringLiteral("select Last_Name from Leads where Nope = 'x'") << "INVALID_QUERY";
        QTest::newRow("unknown order field")
            << QStringLiteral("select Last_Name from Leads") + where + QStringLiteral(" order by Nope")
            << "INVALID_QUERY";
        QTest::newRow("unknown module") << QStringLiteral("select Last_Name from Nopes") + where << "INVALID_QUERY";
        QTest::newRow("no offset") << QStringLiteral(
                                          "select Last_Name from Leads where Modified_Time >= '2000-01-01T00:00:00'")
                                   << "INVALID_QUERY";
        QTest::newRow("not a time") << QStringLiteral("select Last_Name from Leads where Modified_Time > 'yesterday'")
                                    << "INVALID_QUERY";
        QTest::newRow("select star") << QStringLiteral("select * from Leads") + where << "SYNTAX_ERROR";
        QTest::newRow("no from") << QStringLiteral("select Last_Name") << "SYNTAX_ERROR";
        QTest::newRow("unclosed bracket")
            << QStringLiteral("select Last_Name from Leads where (id > 1") << "SYNTAX_ERROR";
        QTest::newRow("unclosed string") << QStringLiteral("select Last_Name from Leads where Modified_Time > '2000")
                                         << "SYNTAX_ERROR";
        QTest::newRow("trailing words") << QStringLiteral("select Last_Name from Leads") + where + " please"
                                        << "SYNTAX_ERROR";
        QTest::newRow("limit 2001") << QStringLiteral("select Last_Name from Leads") + where + " limit 2001"
                                    << "LIMIT_EXCEEDED";
        QTest::newRow("beyond 100000") << QStringLiteral("select Last_Name from Leads") + where + " limit 99995, 10"
                                       << "LIMIT_EXCEEDED";
    }

    void badQueriesGetZohosErrors()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        const HttpResult r = coql(query);
        QVERIFY2(isCrmError(r, 400, code), qPrintable(describe(r)));
    }

    void bodyAndMethodAreChecked()
    {
        const HttpResult empty = m_fixture->http.postJson(m_fixture->url(kApi + QStringLiteral("coql")), QJsonObject(),
                                                          {{"Authorization", "Zoho-oauthtoken " + m_token.toLatin1()}});
        QVERIFY2(isCrmError(empty, 400, QStringLiteral("REQUIRED_PARAM_MISSING")), qPrintable(describe(empty)));
        const HttpResult get = crmGet(*m_fixture, m_token, QStringLiteral("coql"));
        QVERIFY2(isCrmError(get, 400, QStringLiteral("INVALID_REQUEST_METHOD")), qPrintable(describe(get)));
        const HttpResult anonymous = coql(*m_fixture, QString(), QStringLiteral("select id from Leads where id > 1"));
        QCOMPARE(anonymous.status, 401);
    }

    void coqlNeedsItsScope()
    {
        const QString query = keysetQuery(QStringLiteral("Last_Name"), kEpoch, QStringLiteral("0"));
        const HttpResult r = coql(*m_fixture, m_noCoqlToken, query);
        QVERIFY2(isCrmError(r, 401, QStringLiteral("OAUTH_SCOPE_MISMATCH")), qPrintable(describe(r)));

        // ZohoCRM.coql.READ alone does not open a module.
        const QString coqlOnly = signIn(*m_fixture, kAna, QStringLiteral("ZohoCRM.coql.READ,ZohoCRM.users.READ"));
        QVERIFY(!coqlOnly.isEmpty());
        const HttpResult noModule = coql(*m_fixture, coqlOnly, query);
        QVERIFY2(isCrmError(noModule, 401, QStringLiteral("OAUTH_SCOPE_MISMATCH")), qPrintable(describe(noModule)));
    }

    void controlEndpointRefusesBadChanges_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not json") << QByteArray("nope") << 400;
        QTest::newRow("no login") << QByteArray(R"({"module":"Leads","op":"add"})") << 400;
        QTest::newRow("unknown login") << QByteArray(R"({"login":"nobody@example.com","module":"Leads","op":"add"})")
                                       << 404;
        QTest::newRow("unknown org") << QByteArray(
                                            R"({"login":"ana.lima@example.com","org":"1","module":"Leads","op":"add"})")
                                     << 404;
        QTest::newRow("unknown module") << QByteArray(R"({"login":"ana.lima@example.com","module":"Nopes","op":"add"})")
                                        << 404;
        QTest::newRow("unknown op") << QByteArray(R"({"login":"ana.lima@example.com","module":"Leads","op":"x"})")
                                    << 400;
        QTest::newRow("bad count") << QByteArray(
                                          R"({"login":"ana.lima@example.com","module":"Leads","op":"add","count":0})")
                                   << 400;
        QTest::newRow("no id") << QByteArray(R"({"login":"ana.lima@example.com","module":"Leads","op":"delete"})")
                               << 400;
        QTest::newRow("unknown id")
            << QByteArray(R"({"login":"ana.lima@example.com","module":"Leads","op":"delete","id":"1"})") << 404;
    }

    void controlEndpointRefusesBadChanges()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const HttpResult r = m_fixture->http.send("POST", m_fixture->url(QStringLiteral("/_sandbox/zoho/change")),
                                                  {{"Content-Type", "application/json"}}, body);
        QCOMPARE(r.status, status);
        QVERIFY(!r.object().value(QStringLiteral("error")).toString().isEmpty());
    }

    void noDeletedRecordsIsNoContent()
    {
        QCOMPARE(crmGet(*m_fixture, m_token, QStringLiteral("Contacts/deleted")).status, 204);
        const HttpResult bad = crmGet(*m_fixture, m_token, QStringLiteral("Leads/deleted?type=gone"));
        QVERIFY2(isCrmError(bad, 400, QStringLiteral("INVALID_DATA")), qPrintable(describe(bad)));
        const HttpResult unknown = crmGet(*m_fixture, m_token, QStringLiteral("Nopes/deleted"));
        QVERIFY2(isCrmError(unknown, 400, QStringLiteral("INVALID_MODULE")), qPrintable(describe(unknown)));
    }

    // Last: it changes the records the tests above walk.
    void changesAreSeenByCoqlGetRecordsAndDeleted()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const Walk start = keysetWalk(kEpoch, QStringLiteral("0"), 2000);
        QVERIFY2(start.failure.isEmpty(), qPrintable(start.failure));
        const auto last = start.rows.last();

        const HttpResult added = change(*m_fixture, {{QStringLiteral("login"), kAna},
                                                     {QStringLiteral("module"), QStringLiteral("Leads")},
                                                     {QStringLiteral("op"), QStringLiteral("add")},
                                                     {QStringLiteral("count"), 3}});
        QVERIFY2(added.status == 200, qPrintable(describe(added)));
        const QJsonArray addedIds = added.object().value(QStringLiteral("ids")).toArray();
        QCOMPARE(addedIds.size(), 3);

        // A lead of the same-second cluster is edited: it leaves the cluster for "now".
        QHash<QDateTime, int> perSecond;
        for (const auto &row : start.rows)
            ++perSecond[row.first];
        QString edited;
        for (const auto &row : start.rows) {
            if (perSecond.value(row.first) >= 30 && edited.isEmpty())
                edited = row.second;
        }
        QVERIFY(!edited.isEmpty());
        const HttpResult edit =
            change(*m_fixture,
                   {{QStringLiteral("login"), kAna},
                    {QStringLiteral("module"), QStringLiteral("Leads")},
                    {QStringLiteral("op"), QStringLiteral("edit")},
                    {QStringLiteral("id"), edited},
                    {QStringLiteral("fields"), QJsonObject{{QStringLiteral("Last_Name"), QStringLiteral("Edited")}}}});
        QVERIFY2(edit.status == 200, qPrintable(describe(edit)));
        QCOMPARE(edit.object().value(QStringLiteral("ids")).toArray(), QJsonArray{edited});
        const HttpResult readOnly =
            change(*m_fixture, {{QStringLiteral("login"), kAna},
                                {QStringLiteral("module"), QStringLiteral("Leads")},
                                {QStringLiteral("op"), QStringLiteral("edit")},
                                {QStringLiteral("id"), edited},
                                {QStringLiteral("fields"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}}}});
        QCOMPARE(readOnly.status, 400);

        const QString deleted = addedIds.at(0).toString();
        const HttpResult del = change(*m_fixture, {{QStringLiteral("login"), kAna},
                                                   {QStringLiteral("module"), QStringLiteral("Leads")},
                                                   {QStringLiteral("op"), QStringLiteral("delete")},
                                                   {QStringLiteral("id"), deleted}});
        QVERIFY2(del.status == 200, qPrintable(describe(del)));

        // The sync's next run, from the cursor where the last one ended, sees the edit and the two
        // added leads that are left, nothing else.
        const Walk next = keysetWalk(last.first.toString(Qt::ISODate), last.second);
        QVERIFY2(next.failure.isEmpty(), qPrintable(next.failure));
        QSet<QString> nextIds;
        for (const auto &row : next.rows) {
            nextIds.insert(row.second);
            QVERIFY(row.first >= before);
        }
        QCOMPARE(nextIds, (QSet<QString>{edited, addedIds.at(1).toString(), addedIds.at(2).toString()}));

        const HttpResult one =
            coql(QStringLiteral("select Last_Name, Modified_Time from Leads where id = %1").arg(edited));
        QCOMPARE(one.status, 200);
        const QJsonObject row = one.object().value(QStringLiteral("data")).toArray().at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("Last_Name")).toString(), QStringLiteral("Edited"));
        QVERIFY(QDateTime::fromString(row.value(QStringLiteral("Modified_Time")).toString(), Qt::ISODate) >= before);

        QCOMPARE(coql(QStringLiteral("select Last_Name from Leads where id = %1").arg(deleted)).status, 204);
        QVERIFY(!leadIdsByGetRecords().contains(deleted));
        QVERIFY(leadIdsByGetRecords().contains(addedIds.at(1).toString()));

        const HttpResult bin = crmGet(*m_fixture, m_token, QStringLiteral("Leads/deleted?type=all&page=1&per_page=10"));
        QVERIFY2(bin.status == 200, qPrintable(describe(bin)));
        const QJsonArray entries = bin.object().value(QStringLiteral("data")).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries.at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), deleted);
        QCOMPARE(entry.value(QStringLiteral("type")).toString(), QStringLiteral("recycle"));
        QVERIFY(!entry.value(QStringLiteral("display_name")).toString().isEmpty());
        QVERIFY(
            !entry.value(QStringLiteral("deleted_by")).toObject().value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(QDateTime::fromString(entry.value(QStringLiteral("deleted_time")).toString(), Qt::ISODate) >= before);
        const QJsonObject info = bin.object().value(QStringLiteral("info")).toObject();
        QCOMPARE(info.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("more_records")).toBool(), false);
        QCOMPARE(info.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("per_page")).toInt(), 10);
        QCOMPARE(crmGet(*m_fixture, m_token, QStringLiteral("Leads/deleted?type=permanent")).status, 204);
        QCOMPARE(crmGet(*m_fixture, m_token, QStringLiteral("Leads/deleted?type=recycle")).status, 200);

        // If-Modified-Since: deletions after that time only; none is 304 Not Modified.
        const QDateTime deletedAt =
            QDateTime::fromString(entry.value(QStringLiteral("deleted_time")).toString(), Qt::ISODate);
        const auto since = [&](const QDateTime &t) {
            return m_fixture->http.get(m_fixture->url(kApi + QStringLiteral("Leads/deleted")),
                                       {{"Authorization", "Zoho-oauthtoken " + m_token.toLatin1()},
                                        {"If-Modified-Since", t.toUTC().toString(Qt::ISODate).toLatin1()}});
        };
        const HttpResult earlier = since(deletedAt.addSecs(-1));
        QCOMPARE(earlier.status, 200);
        QCOMPARE(earlier.object().value(QStringLiteral("data")).toArray().size(), 1);
        QCOMPARE(since(deletedAt.addSecs(1)).status, 304);
    }

    void changesSurviveTheStateFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("state.json"));
        QString error;
        QString token;
        QString edited;
        QString deleted;
        {
            SandboxFixture first;
            QVERIFY2(first.server().setStateFile(path, &error), qPrintable(error));
            token = signIn(first, kAna, kCoqlScopes);
            QVERIFY(!token.isEmpty());
            const HttpResult page =
                coql(first, token, keysetQuery(QStringLiteral("Last_Name"), kEpoch, QStringLiteral("0"), 2));
            QCOMPARE(page.status, 200);
            edited = page.object()
                         .value(QStringLiteral("data"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString();
            deleted = page.object()
                          .value(QStringLiteral("data"))
                          .toArray()
                          .at(1)
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toString();
            QCOMPARE(change(first, {{QStringLiteral("login"), kAna},
                                    {QStringLiteral("module"), QStringLiteral("Leads")},
                                    {QStringLiteral("op"), QStringLiteral("edit")},
                                    {QStringLiteral("id"), edited},
                                    {QStringLiteral("fields"),
                                     QJsonObject{{QStringLiteral("City"), QStringLiteral("Reykjavik")}}}})
                         .status,
                     200);
            QCOMPARE(change(first, {{QStringLiteral("login"), kAna},
                                    {QStringLiteral("module"), QStringLiteral("Leads")},
                                    {QStringLiteral("op"), QStringLiteral("delete")},
                                    {QStringLiteral("id"), deleted}})
                         .status,
                     200);
        }
        SandboxFixture second;
        QVERIFY2(second.server().setStateFile(path, &error), qPrintable(error));
        const HttpResult one = coql(second, token, QStringLiteral("select City from Leads where id = %1").arg(edited));
        QVERIFY2(one.status == 200, qPrintable(describe(one)));
        QCOMPARE(one.object()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("City"))
                     .toString(),
                 QStringLiteral("Reykjavik"));
        QCOMPARE(coql(second, token, QStringLiteral("select City from Leads where id = %1").arg(deleted)).status, 204);
        const HttpResult bin = crmGet(second, token, QStringLiteral("Leads/deleted"));
        QCOMPARE(bin.status, 200);
        QCOMPARE(bin.object()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 deleted);
    }
};

QTEST_GUILESS_MAIN(TestSandboxZohoSync)
#include "tst_sandbox_zoho_sync.moc"
