// SPDX-License-Identifier: GPL-3.0-or-later
// The fault matrix of a direct sync run (issue 11, item 4, extended to core/sync): for every
// HTTP call a scheduled run makes (Zoho's token refresh, COQL, deleted records; Adobe's IMS
// token, batch create, file upload, COMPLETE, Catalog status), inject in turn a 429 with
// Retry-After, a 500, a 503, a dropped connection, a lost reply (handled, answer dropped), a stall
// past the timeout, a truncated body, a non-JSON body and an expired token. What the user of a
// scheduled sync must get: either the run succeeds after a retry, or it ends with a clear message
// and the next run brings everything: no record missing, no row twice. The matrix is printed.
#include "SyncRig.h"
#include "sync/XdmRow.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTime>

using namespace zaw;
using namespace Qt::StringLiterals;

namespace {

struct Call
{
    const char *name;
    const char *method;
    const char *route; // searched in the sandbox path
    bool zoho;
};

// Every call of an incremental run, in the order it makes them.
const Call kCalls[] = {
    {"Zoho token refresh", "POST", "oauth/v2/token$", true},
    {"Adobe IMS token", "POST", "ims/token/v3$", false},
    {"Zoho COQL", "POST", "crm/v8/coql$", true},
    {"Zoho deleted", "GET", "crm/v8/Leads/deleted$", true},
    {"AEP create batch", "POST", "import/batches/?$", false},
    {"AEP upload file", "PUT", "import/batches/[^/]+/datasets/[^/]+/files/", false},
    {"AEP complete batch", "POST", "import/batches/[^/]+/?$", false},
    {"AEP batch status", "GET", "catalog/batches/[^/]+/?$", false},
};

const char *const kFaults[] = {"429", "500", "503", "drop", "lost", "stall", "truncated", "non-JSON", "expired"};

// The fault object for one cell; applies to the first matching request only.
QJsonObject faultFor(const Call &call, const QString &fault)
{
    QJsonObject f{{u"method"_s, QString::fromLatin1(call.method)},
                  {u"route"_s, QString::fromLatin1(call.route)},
                  {u"count"_s, 1}};
    if (fault == u"429"_s) {
        f.insert(u"status"_s, 429);
        f.insert(u"retryAfter"_s, 1);
    } else if (fault == u"500"_s) {
        f.insert(u"status"_s, 500);
    } else if (fault == u"503"_s) {
        f.insert(u"status"_s, 503);
    } else if (fault == u"drop"_s) {
        f.insert(u"drop"_s, u"before"_s);
    } else if (fault == u"lost"_s) {
        f.insert(u"drop"_s, u"after"_s);
    } else if (fault == u"stall"_s) {
        f.insert(u"delay"_s, 1500); // the runner's idle timeout is 700 ms
    } else if (fault == u"truncated"_s) {
        f.insert(u"truncate"_s, true);
    } else if (fault == u"non-JSON"_s) {
        f.insert(u"status"_s, 200);
        f.insert(u"body"_s, u"<html><body><h1>Gateway</h1>Try later</body></html>"_s);
        f.insert(u"contentType"_s, u"text/html"_s);
    } else if (fault == u"expired"_s) {
        // The service's own answer to an access token that expired (reference: Zoho INVALID_TOKEN,
        // IMS 401013).
        f.insert(u"status"_s, 401);
        f.insert(u"body"_s, call.zoho ? u"{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth "
                                        u"token\",\"status\":\"error\"}"_s
                                      : u"{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}"_s);
        f.insert(u"contentType"_s, u"application/json"_s);
    }
    return f;
}

// Every "message" in the run's JSON (module errors and the run's own).
QStringList messages(const QJsonValue &v)
{
    QStringList out;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == u"message"_s && it.value().isString())
                out << it.value().toString();
            else
                out << messages(it.value());
        }
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            out << messages(e);
    }
    return out;
}

} // namespace

class TestSyncFault : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matrix_data();
    void matrix();
    void cleanupTestCase();

private:
    // Empty when every Zoho record is in the dataset and no row is there twice; else why not.
    QString missingOrTwice();
    test::Run sync() { return m_rig->sync(m_args); }

    std::unique_ptr<test::SyncRig> m_rig;
    QStringList m_args;
    QMap<QString, QMap<QString, QString>> m_outcomes; // call -> fault -> outcome
};

void TestSyncFault::initTestCase()
{
    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    m_rig = std::make_unique<test::SyncRig>(QStringLiteral(ZAW_CONNECT_EXE), QStringLiteral(ZAW_SYNC_RUNNER), options);
    QString error;
    QVERIFY2(m_rig->setUp(&error), qPrintable(error));
    // Short timeouts and backoff so a stall costs about a second, not a minute.
    m_args = {u"--idle-timeout-ms"_s, u"700"_s, u"--backoff-ms"_s, u"100"_s};
    const test::Run first = sync();
    QVERIFY2(first.exitCode == 0, first.describe().constData());
    QVERIFY2(missingOrTwice().isEmpty(), qPrintable(missingOrTwice()));
    // Batches process quickly here: the matrix has many cells.
    m_rig->control("POST", u"/_sandbox/adobe/ingestion"_s, {{u"processingMs"_s, 50}});
}

QString TestSyncFault::missingOrTwice()
{
    QHash<QString, int> perRowId;
    QSet<QString> liveIds;
    for (const QJsonValue &v : m_rig->rows()) {
        const QJsonObject row = v.toObject();
        ++perRowId[row.value(u"_id"_s).toString()];
        if (!sync::XdmRow::valueAt(row, m_rig->deletedFlagPath).toBool())
            liveIds.insert(sync::XdmRow::valueAt(row, m_rig->identityPath).toVariant().toString());
    }
    for (auto it = perRowId.begin(); it != perRowId.end(); ++it) {
        if (it.value() != 1)
            return u"row %1 is in the dataset %2 times"_s.arg(it.key()).arg(it.value());
    }
    QSet<QString> missing = m_rig->zohoIds();
    if (missing.isEmpty())
        return u"Zoho has no records"_s;
    missing.subtract(liveIds);
    if (!missing.isEmpty())
        return u"%1 Zoho records are missing from the dataset"_s.arg(missing.size());
    return {};
}

void TestSyncFault::matrix_data()
{
    QTest::addColumn<int>("call");
    QTest::addColumn<QString>("fault");
    for (int c = 0; c < int(std::size(kCalls)); ++c) {
        for (const char *f : kFaults)
            QTest::addRow("%s × %s", kCalls[c].name, f) << c << QString::fromLatin1(f);
    }
}

void TestSyncFault::matrix()
{
    QFETCH(int, call);
    QFETCH(QString, fault);
    const Call &c = kCalls[call];
    const QString name = QString::fromLatin1(c.name);
    QString &outcome = m_outcomes[name][fault];
    outcome = u"FAIL"_s;

    // A change for this run to carry: one record added, one edited.
    const QStringList added = m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 1}});
    QCOMPARE(added.size(), 1);
    const QString edited = *m_rig->zohoIds().begin();
    m_rig->change({{u"op"_s, u"edit"_s},
                   {u"id"_s, edited},
                   {u"fields"_s, QJsonObject{{u"Last_Name"_s, u"Fault %1 %2"_s.arg(call).arg(fault)}}}});
    // A run reads up to the start of its current second: let that second pass.
    QTest::qWait(1050 - QTime::currentTime().msec());

    m_rig->fixture->server().clearFaults();
    // The run keeps a Zoho access token until it expires: make it expire so the run refreshes.
    if (QByteArray(c.route).contains("oauth"))
        QCOMPARE(m_rig->control("POST", u"/_sandbox/tokens/expire"_s).status, 200);
    m_rig->fixture->addFault(faultFor(c, fault));
    const test::Run faulted = sync();
    // The fault must have met its call: a cell whose call never happened proves nothing.
    const test::HttpResult left = m_rig->control("GET", u"/_sandbox/faults"_s);
    QVERIFY2(left.status == 200 && left.object().value(u"faults"_s).isArray(), left.body.constData());
    const QJsonArray remaining = left.object().value(u"faults"_s).toArray(); // spent faults are gone
    m_rig->fixture->server().clearFaults();
    if (!remaining.isEmpty()) {
        outcome = u"FAIL: call not made"_s;
        QFAIL(qPrintable(u"%1 was never called: %2"_s.arg(name, QString::fromUtf8(left.body))));
    }

    if (faulted.exitCode == 0) {
        outcome = u"retried ok"_s;
    } else {
        // A clear message: said in words, no markup or raw body from the server.
        const QStringList said = messages(faulted.json());
        QVERIFY2(faulted.exitCode == 1, faulted.describe().constData());
        QVERIFY2(!said.isEmpty() || !faulted.err.trimmed().isEmpty(), faulted.describe().constData());
        for (const QString &m : said) {
            QVERIFY2(!m.trimmed().isEmpty(), faulted.describe().constData());
            QVERIFY2(!m.contains(u"<html"_s, Qt::CaseInsensitive), qPrintable(m));
        }
        // The next scheduled run (nothing injected) brings what this one could not.
        const test::Run again = sync();
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        outcome = u"error, next run ok"_s;
    }
    const QString problem = missingOrTwice();
    if (!problem.isEmpty()) {
        outcome = u"FAIL: "_s + problem;
        QFAIL(qPrintable(problem));
    }
    // The edit arrived, once.
    int editedRows = 0;
    for (const QJsonValue &v : m_rig->rows()) {
        if (QJsonDocument(v.toObject())
                .toJson(QJsonDocument::Compact)
                .contains(u"Fault %1 %2"_s.arg(call).arg(fault).toUtf8()))
            ++editedRows;
    }
    if (editedRows != 1)
        outcome = u"FAIL: the edit arrived %1 times"_s.arg(editedRows);
    QCOMPARE(editedRows, 1);
}

void TestSyncFault::cleanupTestCase()
{
    // call × fault → outcome
    QString table = u"\nSync fault matrix (call × fault → outcome)\n"_s;
    table += u"%1"_s.arg(u"call"_s, -20);
    for (const char *f : kFaults)
        table += u" | %1"_s.arg(QString::fromLatin1(f), -18);
    table += u'\n';
    for (const Call &c : kCalls) {
        const QString name = QString::fromLatin1(c.name);
        table += u"%1"_s.arg(name, -20);
        for (const char *f : kFaults)
            table += u" | %1"_s.arg(m_outcomes.value(name).value(QString::fromLatin1(f), u"-"_s), -18);
        table += u'\n';
    }
    qInfo().noquote() << table;
}

QTEST_GUILESS_MAIN(TestSyncFault)
#include "tst_sync_fault.moc"
