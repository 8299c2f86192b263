// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore: the in-memory store, and the QtKeychain store against a real gnome-keyring
// (ctest runs this binary through scripts/with-keyring.sh) and against a D-Bus that is absent or
// never answers (child processes of this same binary).
#include "store/KeychainSecretStore.h"
#include "store/MemorySecretStore.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace zaw::store;

namespace {

// Set in a child process of this binary to run one keychain scenario instead of the tests.
constexpr char kChildModeVariable[] = "ZAW_TST_SECRETSTORE_CHILD";
// The tests never touch the product's own entries.
const QString kTestService = QStringLiteral("zoho-aep-wizard-test");
const QString kNoKeychainStart = QStringLiteral("No usable keychain (missing or locked).");
// A value the children store; it must never show up in their output (logs included).
const QString kChildSecret = QStringLiteral("child-secret-9f8e7d");

QString statusName(SecretStatus status)
{
    switch (status) {
    case SecretStatus::Ok:
        return QStringLiteral("Ok");
    case SecretStatus::NotFound:
        return QStringLiteral("NotFound");
    case SecretStatus::NoKeychain:
        return QStringLiteral("NoKeychain");
    case SecretStatus::AccessDenied:
        return QStringLiteral("AccessDenied");
    case SecretStatus::Other:
        break;
    }
    return QStringLiteral("Other");
}

QString describe(const SecretResult &result)
{
    return statusName(result.status) + QStringLiteral(" | ") + result.message + QStringLiteral(" | ") + result.detail;
}

using Start = std::function<void(QObject *context, SecretStore::Callback done)>;

// Runs one store call and waits for its callback. (Tests may spin the event loop; the product
// never does.)
SecretResult await(const Start &start)
{
    std::optional<SecretResult> result;
    QObject context;
    start(&context, [&result](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 40000)) {
        SecretResult timedOut;
        timedOut.status = SecretStatus::Other;
        timedOut.detail = QStringLiteral("test: the store never called back");
        return timedOut;
    }
    return *result;
}

SecretResult readKey(SecretStore &store, const QString &key)
{
    return await([&](QObject *c, SecretStore::Callback done) { store.read(key, c, std::move(done)); });
}

SecretResult writeKey(SecretStore &store, const QString &key, const QString &value)
{
    return await([&](QObject *c, SecretStore::Callback done) { store.write(key, value, c, std::move(done)); });
}

SecretResult removeKey(SecretStore &store, const QString &key)
{
    return await([&](QObject *c, SecretStore::Callback done) { store.remove(key, c, std::move(done)); });
}

SecretResult probeStore(SecretStore &store)
{
    return await([&](QObject *c, SecretStore::Callback done) { store.probe(c, std::move(done)); });
}

// Reads one keychain entry directly with QtKeychain, bypassing the store, to see the parts.
QPair<int, QString> rawRead(const QString &entry)
{
    std::unique_ptr<QKeychain::ReadPasswordJob> job(new QKeychain::ReadPasswordJob(kTestService));
    job->setAutoDelete(false);
    job->setKey(entry);
    QSignalSpy finished(job.get(), &QKeychain::Job::finished);
    job->start();
    if (!finished.wait(20000))
        return {-1, QString()};
    return {int(job->error()), job->textData()};
}

// A value of exactly `bytes` UTF-8 bytes with 1-, 2-, 3- and 4-byte characters, so that splitting
// must respect character boundaries (and surrogate pairs).
QString mixedValue(int bytes)
{
    const QString unit = QString::fromUtf8("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"); // a é € 😀 = 10 bytes
    QString value;
    while (value.toUtf8().size() + 10 <= bytes)
        value += unit;
    while (value.toUtf8().size() < bytes)
        value += QLatin1Char('z');
    return value;
}

// ---- child process side ----------------------------------------------------------------------

int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString mode = qEnvironmentVariable(kChildModeVariable);
    KeychainSecretStore store(kTestService);
    QTextStream out(stdout);
    auto print = [&out](const QString &operation, const SecretResult &r) {
        out << operation << '\t' << statusName(r.status) << '\t' << r.message << '\t' << r.detail << '\t' << r.value
            << Qt::endl;
    };

    if (mode == QLatin1String("silent")) {
        // The bus accepts the connection and never says a word: only the deadline can end this.
        store.setTimeoutMs(500);
        auto calls = std::make_shared<int>(0);
        store.write(SecretStore::key("child", "zoho.refreshToken"), kChildSecret, nullptr,
                    [&, calls](const SecretResult &r) {
                        ++*calls;
                        print(QStringLiteral("write"), r);
                    });
        // The parent drops the connection after a while; that late answer must be ignored.
        QTimer::singleShot(6000, &app, [&, calls] {
            out << "calls\t" << *calls << Qt::endl;
            app.quit();
        });
        return app.exec();
    }

    // "unreachable": DBUS_SESSION_BUS_ADDRESS points nowhere.
    store.setTimeoutMs(10000);
    const QString key = SecretStore::key("child", "zoho.refreshToken");
    store.write(key, kChildSecret, nullptr, [&](const SecretResult &r) {
        print(QStringLiteral("write"), r);
        store.read(key, nullptr, [&](const SecretResult &r) {
            print(QStringLiteral("read"), r);
            store.remove(key, nullptr, [&](const SecretResult &r) {
                print(QStringLiteral("remove"), r);
                store.probe(nullptr, [&](const SecretResult &r) {
                    print(QStringLiteral("probe"), r);
                    app.quit();
                });
            });
        });
    });
    return app.exec();
}

struct ChildRun
{
    QMap<QString, QStringList> lines; // operation → status, message, detail, value
    QByteArray output;                // stdout + stderr, logs included
};

QProcessEnvironment childEnvironment(const QString &mode, const QString &busAddress)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(kChildModeVariable, mode);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
    // A desktop session's variables would make QtKeychain pick KWallet or GNOME paths instead.
    for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "DISPLAY"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("zaw.store.*=true"));
    return env;
}

ChildRun parseChild(const QByteArray &output)
{
    ChildRun run;
    run.output = output;
    for (const QByteArray &line : output.split('\n')) {
        const QStringList fields = QString::fromUtf8(line).split(QLatin1Char('\t'));
        if (fields.size() >= 2)
            run.lines.insert(fields.first(), fields.mid(1));
    }
    return run;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
public:
    // True when the keychain tests did not run because no test keyring was set up.
    bool keychainSkipped() const { return !m_keychainSkipReason.isEmpty(); }

private:
    QString m_keychainSkipReason;
    int m_counter = 0;

    // A profile id no earlier test used, so leftovers of a failed test cannot mask a bug.
    QString freshId() { return QStringLiteral("%1test%2").arg(QCoreApplication::applicationPid()).arg(++m_counter); }

#define REQUIRE_KEYCHAIN()                                                                                             \
    do {                                                                                                               \
        if (keychainSkipped())                                                                                         \
            QSKIP(qPrintable(m_keychainSkipReason));                                                                   \
    } while (false)

private slots:
    void initTestCase()
    {
        // scripts/with-keyring.sh (what ctest runs) starts a private D-Bus session and points
        // XDG_DATA_HOME and XDG_RUNTIME_DIR at the same fresh folder for its keyring. Without it
        // these tests would write into the developer's own keyring, so they skip (exit 77);
        // with it, a keychain that does not work is a failure, never a skip.
        const bool underWrapper = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") &&
                                  !qEnvironmentVariable("XDG_RUNTIME_DIR").isEmpty() &&
                                  qEnvironmentVariable("XDG_RUNTIME_DIR") == qEnvironmentVariable("XDG_DATA_HOME");
        if (!underWrapper) {
            m_keychainSkipReason = QStringLiteral("keychain tests run only through scripts/with-keyring.sh (ctest)");
            return;
        }
        KeychainSecretStore store(kTestService);
        const SecretResult probe = probeStore(store);
        QVERIFY2(probe.ok(), qPrintable("the test keyring does not work: " + describe(probe)));
    }

    // ---- shared ----

    void keyJoinsProfileIdAndName()
    {
        QCOMPARE(SecretStore::key("3f2a", SecretName::ZohoRefreshToken), QStringLiteral("3f2a/zoho.refreshToken"));
        QCOMPARE(QString::fromLatin1(SecretStore::ServiceName), QStringLiteral("zoho-aep-wizard"));
    }

    void messagesSayWhatToDo()
    {
        QVERIFY(SecretStore::messageFor(SecretStatus::Ok).isEmpty());
        QVERIFY(SecretStore::messageFor(SecretStatus::NoKeychain).startsWith(kNoKeychainStart));
        QVERIFY(SecretStore::messageFor(SecretStatus::NoKeychain).contains("for this run only"));
        for (SecretStatus s : {SecretStatus::NotFound, SecretStatus::AccessDenied, SecretStatus::Other})
            QVERIFY(!SecretStore::messageFor(s).isEmpty());
    }

    void keychainErrorsMapToStatuses_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<SecretStatus>("status");
        QTest::newRow("ok") << int(QKeychain::NoError) << QString() << SecretStatus::Ok;
        QTest::newRow("not found") << int(QKeychain::EntryNotFound) << "Entry not found" << SecretStatus::NotFound;
        QTest::newRow("denied") << int(QKeychain::AccessDenied) << "Collection is locked" << SecretStatus::AccessDenied;
        QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser) << "" << SecretStatus::AccessDenied;
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << "No keychain service available"
                                    << SecretStatus::NoKeychain;
        // What 0.13.2 says on Linux without a session bus, and without an unlocked keyring (B0.5).
        QTest::newRow("no bus") << int(QKeychain::OtherError) << "Cannot autolaunch D-Bus without X11 $DISPLAY"
                                << SecretStatus::NoKeychain;
        QTest::newRow("no collection") << int(QKeychain::OtherError)
                                       << "Object does not exist at path “/org/freedesktop/secrets/collection/login”"
                                       << SecretStatus::NoKeychain;
        QTest::newRow("windows size") << int(QKeychain::OtherError) << "Credential size exceeds maximum size of 2560"
                                      << SecretStatus::Other;
        QTest::newRow("could not delete") << int(QKeychain::CouldNotDeleteEntry) << "" << SecretStatus::Other;
        QTest::newRow("not implemented") << int(QKeychain::NotImplemented) << "" << SecretStatus::Other;
    }

    void keychainErrorsMapToStatuses()
    {
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(SecretStatus, status);
        QCOMPARE(statusName(KeychainSecretStore::statusForError(error, text)), statusName(status));
    }

    void splitKeepsCharactersWhole()
    {
        const QString value = mixedValue(5000);
        QCOMPARE(value.toUtf8().size(), 5000);
        for (int limit : {4, 7, 10, 1968}) {
            const QStringList parts = KeychainSecretStore::splitUtf8(value, limit);
            QCOMPARE(parts.join(QString()), value);
            for (const QString &part : parts) {
                QVERIFY(!part.isEmpty());
                QVERIFY(part.toUtf8().size() <= limit);
                QVERIFY(!part.back().isHighSurrogate());
                QVERIFY(!part.front().isLowSurrogate());
            }
        }
        QCOMPARE(KeychainSecretStore::splitUtf8(QString(), 10), QStringList{QString()});
    }

    // ---- memory store ----

    void memoryRoundTrip()
    {
        MemorySecretStore store;
        const QString key = SecretStore::key("p1", SecretName::ZohoClientSecret);
        QVERIFY(writeKey(store, key, "s3cret").ok());
        const SecretResult read = readKey(store, key);
        QVERIFY2(read.ok(), qPrintable(describe(read)));
        QCOMPARE(read.value, QStringLiteral("s3cret"));
        QVERIFY(read.message.isEmpty());
        QCOMPARE(store.keys(), QStringList{key});
        QVERIFY(writeKey(store, key, "other").ok());
        QCOMPARE(readKey(store, key).value, QStringLiteral("other"));
        QVERIFY(probeStore(store).ok());
    }

    void memoryNotFound()
    {
        MemorySecretStore store;
        const SecretResult read = readKey(store, "p1/zoho.refreshToken");
        QCOMPARE(statusName(read.status), QStringLiteral("NotFound"));
        QVERIFY(read.value.isEmpty());
        QVERIFY(!read.message.isEmpty());
    }

    void memoryRemove()
    {
        MemorySecretStore store;
        QVERIFY(removeKey(store, "p1/zoho.refreshToken").ok()); // missing: still Ok
        QVERIFY(writeKey(store, "p1/zoho.refreshToken", "x").ok());
        QVERIFY(removeKey(store, "p1/zoho.refreshToken").ok());
        QCOMPARE(statusName(readKey(store, "p1/zoho.refreshToken").status), QStringLiteral("NotFound"));
        QVERIFY(store.keys().isEmpty());
    }

    void memoryUnavailableIsNoKeychain()
    {
        MemorySecretStore store;
        QVERIFY(writeKey(store, "p1/zoho.refreshToken", "x").ok());
        store.setAvailable(false);
        const QList<SecretResult> results = {readKey(store, "p1/zoho.refreshToken"),
                                             writeKey(store, "p1/zoho.refreshToken", "y"),
                                             removeKey(store, "p1/zoho.refreshToken"), probeStore(store)};
        for (const SecretResult &r : results) {
            QCOMPARE(statusName(r.status), QStringLiteral("NoKeychain"));
            QVERIFY2(r.message.startsWith(kNoKeychainStart), qPrintable(r.message));
            QVERIFY(r.value.isEmpty());
        }
        store.setAvailable(true);
        QCOMPARE(readKey(store, "p1/zoho.refreshToken").value, QStringLiteral("x")); // nothing changed
    }

    void memoryRejectsReservedKeys()
    {
        MemorySecretStore store;
        QCOMPARE(statusName(writeKey(store, "p1/a#2", "x").status), QStringLiteral("Other"));
        QCOMPARE(statusName(readKey(store, QString()).status), QStringLiteral("Other"));
    }

    void memoryCallbackIsAsynchronous()
    {
        MemorySecretStore store;
        int calls = 0;
        store.read("p1/x", nullptr, [&calls](const SecretResult &) { ++calls; });
        QCOMPARE(calls, 0); // never inside the call
        QTRY_COMPARE(calls, 1);
    }

    void memoryCallbackDroppedWithItsContext()
    {
        MemorySecretStore store;
        bool called = false;
        auto *context = new QObject;
        store.write("p1/x", "v", context, [&called](const SecretResult &) { called = true; });
        delete context;
        // A later call on a live context arrives after the first one would have.
        QVERIFY(readKey(store, "p1/x").ok());
        QTest::qWait(20);
        QVERIFY(!called);
        QCOMPARE(readKey(store, "p1/x").value, QStringLiteral("v")); // the write itself happened
    }

    // ---- keychain store against the real gnome-keyring ----

    void keychainRoundTrip()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const QString key = SecretStore::key(freshId(), SecretName::ZohoRefreshToken);
        const QString value = QString::fromUtf8("1000.r\xc3\xa9"
                                                "fresh:token/with=chars");
        SecretResult r = writeKey(store, key, value);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = readKey(store, key);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.value, value);
        // A short value is stored as it is: other tools see the plain secret.
        QCOMPARE(rawRead(store.entryName(key)).second, value);
        QVERIFY(removeKey(store, key).ok());
        QCOMPARE(statusName(readKey(store, key).status), QStringLiteral("NotFound"));
    }

    void keychainLongValueIsSplitAndJoined()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const QString key = SecretStore::key(freshId(), SecretName::AdobeAccessToken);
        const QString value = mixedValue(5000);
        SecretResult r = writeKey(store, key, value);
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        // Three entries, each within the limit; the first says how many there are.
        for (int part = 1; part <= 3; ++part) {
            const auto [error, text] = rawRead(store.entryName(key, part));
            QCOMPARE(error, int(QKeychain::NoError));
            QVERIFY2(text.toUtf8().size() <= KeychainSecretStore::EntryLimitBytes,
                     qPrintable(QString::number(text.toUtf8().size())));
            if (part == 1)
                QVERIFY(text.startsWith("zaw-parts:3\n"));
        }
        QCOMPARE(rawRead(store.entryName(key, 4)).first, int(QKeychain::EntryNotFound));

        r = readKey(store, key);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.value, value);

        r = removeKey(store, key);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        for (int part = 1; part <= 3; ++part)
            QCOMPARE(rawRead(store.entryName(key, part)).first, int(QKeychain::EntryNotFound));
        QCOMPARE(statusName(readKey(store, key).status), QStringLiteral("NotFound"));
    }

    void keychainOverwrite()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const QString key = SecretStore::key(freshId(), SecretName::ZohoAccessToken);
        QVERIFY(writeKey(store, key, "first").ok());
        QVERIFY(writeKey(store, key, "second").ok());
        QCOMPARE(readKey(store, key).value, QStringLiteral("second"));

        // Long over short, then short over long: no stale part may survive.
        const QString longValue = mixedValue(4500);
        QVERIFY(writeKey(store, key, longValue).ok());
        QCOMPARE(readKey(store, key).value, longValue);
        QVERIFY(writeKey(store, key, "third").ok());
        QCOMPARE(readKey(store, key).value, QStringLiteral("third"));
        QCOMPARE(rawRead(store.entryName(key, 2)).first, int(QKeychain::EntryNotFound));
        QCOMPARE(rawRead(store.entryName(key, 3)).first, int(QKeychain::EntryNotFound));

        // A short value that happens to look like our header survives unchanged.
        const QString lookalike = QStringLiteral("zaw-parts:2\nnot really");
        QVERIFY(writeKey(store, key, lookalike).ok());
        QCOMPARE(readKey(store, key).value, lookalike);
        QVERIFY(removeKey(store, key).ok());
    }

    void keychainNotFoundAndRemovingMissing()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const QString key = SecretStore::key(freshId(), SecretName::ProxyPassword);
        const SecretResult r = readKey(store, key);
        QCOMPARE(statusName(r.status), QStringLiteral("NotFound"));
        QVERIFY(!r.message.isEmpty());
        QVERIFY2(removeKey(store, key).ok(), qPrintable(describe(removeKey(store, key))));
    }

    void keychainProfilesDoNotSeeEachOther()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const QString a = SecretStore::key(freshId(), SecretName::ZohoRefreshToken);
        const QString b = SecretStore::key(freshId(), SecretName::ZohoRefreshToken);
        QVERIFY(writeKey(store, a, "token-a").ok());
        QCOMPARE(statusName(readKey(store, b).status), QStringLiteral("NotFound"));
        QVERIFY(writeKey(store, b, "token-b").ok());
        QCOMPARE(readKey(store, a).value, QStringLiteral("token-a"));
        QCOMPARE(readKey(store, b).value, QStringLiteral("token-b"));
        QVERIFY(removeKey(store, a).ok());
        QCOMPARE(readKey(store, b).value, QStringLiteral("token-b"));
        QVERIFY(removeKey(store, b).ok());
    }

    void keychainServicesDoNotSeeEachOther()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore test(kTestService);
        KeychainSecretStore other(kTestService + "-other");
        const QString key = SecretStore::key(freshId(), SecretName::AdobeClientSecret);
        QVERIFY(writeKey(test, key, "mine").ok());
        QCOMPARE(statusName(readKey(other, key).status), QStringLiteral("NotFound"));
        QVERIFY(removeKey(test, key).ok());
    }

    void keychainProbe()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const SecretResult r = probeStore(store);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(r.value.isEmpty());
    }

    void keychainCallbackDroppedWithItsContext()
    {
        REQUIRE_KEYCHAIN();
        KeychainSecretStore store(kTestService);
        const QString key = SecretStore::key(freshId(), SecretName::ZohoClientSecret);
        bool called = false;
        auto *context = new QObject;
        store.write(key, "v", context, [&called](const SecretResult &) { called = true; });
        delete context;
        // The store runs calls in order: this read starts only after the write has finished.
        const SecretResult r = readKey(store, key);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.value, QStringLiteral("v"));
        QTest::qWait(20);
        QVERIFY(!called);
        QVERIFY(removeKey(store, key).ok());
    }

    // ---- keychain store without a keychain (child processes; need no keyring) ----

    void noKeychainWhenTheBusIsUnreachable()
    {
        QProcess child;
        child.setProcessEnvironment(
            childEnvironment("unreachable", QStringLiteral("unix:path=/nonexistent/zaw-test-bus")));
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 60000);
        const ChildRun run = parseChild(child.readAll());
        QCOMPARE(child.exitCode(), 0);
        for (const QString operation : {"write", "read", "remove", "probe"}) {
            QVERIFY2(run.lines.contains(operation), run.output.constData());
            const QStringList fields = run.lines.value(operation);
            QCOMPARE(fields.value(0), QStringLiteral("NoKeychain"));
            QVERIFY2(fields.value(1).startsWith(kNoKeychainStart), qPrintable(fields.value(1)));
            // QtKeychain's own error was mapped: this is not the deadline speaking.
            QVERIFY2(!fields.value(2).contains("did not answer"), qPrintable(fields.value(2)));
            QVERIFY(fields.value(3).isEmpty());
        }
        QVERIFY2(!run.output.contains(kChildSecret.toUtf8()), run.output.constData());
    }

    void noKeychainWhenTheBusNeverAnswers()
    {
#ifdef Q_OS_WIN
        QSKIP("D-Bus is the Linux keychain's transport");
#endif
        // A socket that accepts the connection and then stays silent, like a Secret Service whose
        // activation hangs: only the store's deadline ends the wait.
        QTemporaryDir dir;
        QLocalServer bus;
        QVERIFY(bus.listen(dir.filePath("bus")));
        QList<QLocalSocket *> connections;
        connect(&bus, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket *socket = bus.nextPendingConnection())
                connections << socket;
        });

        QProcess child;
        child.setProcessEnvironment(childEnvironment("silent", "unix:path=" + dir.filePath("bus")));
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!connections.isEmpty(), 10000);
        // Past the child's deadline, let the late failure arrive.
        QTest::qWait(1500);
        for (QLocalSocket *socket : std::as_const(connections))
            socket->abort();
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 30000);
        const ChildRun run = parseChild(child.readAll());
        qDeleteAll(connections);

        QCOMPARE(child.exitCode(), 0);
        const QStringList write = run.lines.value("write");
        QCOMPARE(write.value(0), QStringLiteral("NoKeychain"));
        QVERIFY2(write.value(1).startsWith(kNoKeychainStart), qPrintable(write.value(1)));
        QVERIFY2(write.value(2).contains("did not answer within 500 ms"), qPrintable(write.value(2)));
        QCOMPARE(run.lines.value("calls").value(0), QStringLiteral("1")); // the late answer was ignored
        QVERIFY2(run.output.contains("ignoring a late keychain answer"), run.output.constData());
        QVERIFY2(!run.output.contains(kChildSecret.toUtf8()), run.output.constData());
    }
};

// Not QTEST_GUILESS_MAIN: the same binary also serves as the child process of the no-keychain
// tests, and a run without the test keyring must end with ctest's "skipped" code (77), not 0.
int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kChildModeVariable))
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestSecretStore test;
    const int failures = QTest::qExec(&test, argc, argv);
    return failures == 0 && test.keychainSkipped() ? 77 : failures;
}

#include "tst_secretstore.moc"
