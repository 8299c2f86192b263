// SPDX-License-Identifier: GPL-3.0-or-later
// The secret-leak scan over the whole command-line demo: zoho-aep-connect against a standalone
// sandbox (zoho-aep-sandbox), the way an administrator's script runs it: zoho-login with the
// secret in ZOHO_CLIENT_SECRET and the system browser, with the secret on stdin, and as a desktop
// client (PKCE); adobe-login with the secret in ADOBE_CLIENT_SECRET and on stdin; create (flow,
// then --mode sync), sync, status, schedule install/show/remove, reconnect and forget, every zaw
// log category on. Then no client secret, no token, grant code or PKCE verifier (read from the
// sandbox's state file, the consent redirects and the real keychain) may appear in: any file
// under the command's config, cache, data, state, temp and home folders, also while it runs
// (profile, sync spool, state and history, locks, the schedule's unit files), what the commands
// printed (logs included), the command lines of the command and of everything it started, and
// the environments of everything it started (the system browser and systemctl are stand-ins that
// record theirs). A hit names the place and the secret, never the secret itself.
#include "CliDriver.h"
#include "ConsentDriver.h"
#include "LeakScan.h"
#include "TestHttp.h"
#include "TestSkip.h"
#include "store/KeychainSecretStore.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace zaw;
using namespace zaw::test;
using namespace zaw::test::leak;

namespace {

const QString kConnectExe = QStringLiteral(ZAW_CONNECT_EXE);
const QString kSandboxExe = QStringLiteral(ZAW_SANDBOX_EXE);

} // namespace

class TestLeakCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_stateFile;
    QString m_endpoints;
    QProcess m_sandbox;
    QJsonObject m_zoho;
    QJsonObject m_adobe;
    QString m_redirectUri;
    Http m_http;
    SecretSet m_secrets;
    ProcessWatcher m_watcher;
    FolderWatcher m_files;
    StandIns m_standIns;
    QList<Place> m_places;  // output and folder contents, collected after every command
    QStringList m_commands; // what ran, for the report
    QStringList m_folders;  // the scanned folders
    QString m_profileId;

    QString path(const QString &name) const { return m_root.filePath(name); }

    QProcessEnvironment environment(bool zohoSecret, bool adobeSecret) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("ZOHO_CLIENT_SECRET"));
        env.remove(QStringLiteral("ADOBE_CLIENT_SECRET"));
        if (zohoSecret)
            env.insert(QStringLiteral("ZOHO_CLIENT_SECRET"), m_zoho.value(QStringLiteral("clientSecret")).toString());
        if (adobeSecret)
            env.insert(QStringLiteral("ADOBE_CLIENT_SECRET"), m_adobe.value(QStringLiteral("clientSecret")).toString());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("state")));
        env.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")));
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        // A display, so that --browser system starts "xdg-open" (the stand-in first in PATH).
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":99"));
        env.insert(QStringLiteral("PATH"), m_standIns.binDir + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("zaw.*=true"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category} %{type}: %{message}"));
        return env;
    }

    struct Options
    {
        bool zohoSecret = true;  // ZOHO_CLIENT_SECRET set, as in an administrator's script
        bool adobeSecret = true; // ADOBE_CLIENT_SECRET set
        QByteArray stdinText;
        bool consent = false; // prints a consent URL: sign in there as a browser would
        int timeoutMs = 120000;
    };

    // Runs one command (watched), keeps its output and the folders' contents, and the tokens the
    // sandbox has issued so far. Returns its exit code and JSON.
    QPair<int, QJsonObject> run(const QStringList &args, const Options &o)
    {
        QProcess p;
        p.setProcessEnvironment(environment(o.zohoSecret, o.adobeSecret));
        p.start(kConnectExe, QStringList{QStringLiteral("--endpoints"), m_endpoints, QStringLiteral("--json")} + args);
        if (!p.waitForStarted(10000))
            qFatal("zoho-aep-connect did not start");
        const QString label = QStringLiteral("zoho-aep-connect ") + args.join(QLatin1Char(' '));
        m_commands << args.join(QLatin1Char(' '));
        m_watcher.watch(p.processId(), label);
        if (!o.stdinText.isEmpty()) {
            p.write(o.stdinText);
            p.closeWriteChannel();
        }
        QByteArray err;
        if (o.consent) {
            const QUrl consent = waitForConsentUrl(p, &err, 30000);
            if (consent.isValid()) {
                m_secrets.addPkceChallenge(QUrlQuery(consent).queryItemValue(QStringLiteral("code_challenge")));
                const ConsentOutcome outcome = runConsent(m_http, consent, QStringLiteral("ana.lima@example.com"));
                if (outcome.status == 302) {
                    // The grant code passes through the browser: one more secret to look for.
                    m_secrets.add(QStringLiteral("zoho grant code"),
                                  QUrlQuery(outcome.redirect).queryItemValue(QStringLiteral("code")));
                    m_http.get(outcome.redirect);
                }
            } else {
                qWarning("%s: no consent URL", qPrintable(label));
            }
        }
        const bool ended = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, o.timeoutMs);
        if (!ended) {
            p.kill();
            p.waitForFinished(5000);
        }
        m_watcher.poll();
        const QByteArray out = p.readAllStandardOutput();
        err += p.readAllStandardError();
        m_places.append({QStringLiteral("standard output of %1").arg(label), out});
        m_places.append({QStringLiteral("standard error (logs) of %1").arg(label), err});
        m_files.poll();
        readSandboxState();
        const int code = ended && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        if (code != 0)
            qWarning("%s: exit %d\n%s", qPrintable(label), code, err.right(1500).constData());
        return {code, QJsonDocument::fromJson(out).object()};
    }

    void readSandboxState()
    {
        QFile f(m_stateFile);
        if (f.open(QIODevice::ReadOnly))
            m_secrets.addFromSandboxState(f.readAll());
    }

    // The profile's secrets as the keychain holds them now.
    int readKeychain()
    {
        if (m_profileId.isEmpty()) {
            // Wherever the product keeps its profiles under XDG_CONFIG_HOME.
            QDirIterator it(path(QStringLiteral("config")), {QStringLiteral("default.json")}, QDir::Files,
                            QDirIterator::Subdirectories);
            QFile profile(it.hasNext() ? it.next() : QString());
            if (!profile.open(QIODevice::ReadOnly))
                return -1;
            m_profileId = QJsonDocument::fromJson(profile.readAll()).object().value(QStringLiteral("id")).toString();
        }
        store::KeychainSecretStore keychain;
        QObject guard;
        int found = 0;
        for (const char *name : {store::SecretName::ZohoClientSecret, store::SecretName::ZohoRefreshToken,
                                 store::SecretName::ZohoAccessToken, store::SecretName::AdobeClientSecret,
                                 store::SecretName::AdobeAccessToken}) {
            bool done = false;
            store::SecretResult result;
            keychain.read(store::SecretStore::key(m_profileId, QString::fromLatin1(name)), &guard,
                          [&](const store::SecretResult &r) {
                              result = r;
                              done = true;
                          });
            if (!QTest::qWaitFor([&] { return done; }, 15000))
                qFatal("the keychain did not answer");
            if (!result.ok())
                continue;
            ++found;
            const QString label = QStringLiteral("keychain %1").arg(QString::fromLatin1(name));
            // Cached access tokens are JSON with their expiry: the token is the secret.
            const QJsonObject o = QJsonDocument::fromJson(result.value.toUtf8()).object();
            m_secrets.add(label, o.isEmpty() ? result.value : o.value(QStringLiteral("token")).toString());
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            ZAW_SKIP_MISSING_TOOL(QStringLiteral("needs the keyring session of scripts/with-keyring.sh"));
        QVERIFY(m_root.isValid());
        m_folders = QStringList{QStringLiteral("config"), QStringLiteral("cache"), QStringLiteral("data"),
                                QStringLiteral("state"),  QStringLiteral("tmp"),   QStringLiteral("home")};
        for (const QString &folder : std::as_const(m_folders)) {
            QVERIFY(QDir().mkpath(path(folder)));
            m_files.watch(path(folder), folder);
        }
        // The system browser records and "opens"; systemctl records and fails like a machine
        // without a user manager (the schedule's files are written all the same).
        QVERIFY(m_standIns.create(path(QStringLiteral("bin")), path(QStringLiteral("dumps")),
                                  {{QStringLiteral("xdg-open"), 0}, {QStringLiteral("systemctl"), 1}}));

        // The sandbox is the other side (Zoho, Adobe): its own files are not scanned.
        m_stateFile = path(QStringLiteral("sandbox/state.json"));
        m_endpoints = path(QStringLiteral("sandbox/endpoints.json"));
        QVERIFY(QDir().mkpath(path(QStringLiteral("sandbox"))));
        m_sandbox.start(kSandboxExe,
                        {QStringLiteral("--write-endpoints"), m_endpoints, QStringLiteral("--state"), m_stateFile,
                         QStringLiteral("--print-credentials"), QStringLiteral("--limits"), QStringLiteral("relaxed")});
        QVERIFY(m_sandbox.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return m_sandbox.canReadLine(); }, 15000));
        const QJsonObject credentials = QJsonDocument::fromJson(m_sandbox.readLine()).object();
        m_zoho = credentials.value(QStringLiteral("zoho")).toObject();
        m_adobe = credentials.value(QStringLiteral("adobe")).toObject();
        QVERIFY(m_secrets.add(QStringLiteral("zoho client secret"),
                              m_zoho.value(QStringLiteral("clientSecret")).toString()));
        QVERIFY(m_secrets.add(QStringLiteral("adobe client secret"),
                              m_adobe.value(QStringLiteral("clientSecret")).toString()));
        // Our own redirect URI on a free port, as an administrator registers one.
        m_redirectUri = QStringLiteral("http://127.0.0.1:%1/leak-callback").arg(freePort());
        const HttpResult registered = m_http.postJson(
            QUrl(credentials.value(QStringLiteral("url")).toString() + QStringLiteral("/_sandbox/clients")),
            QJsonObject{{QStringLiteral("redirectUri"), m_redirectUri}});
        QVERIFY2(registered.status == 200 || registered.status == 201, registered.body.constData());
    }

    void cleanupTestCase()
    {
        if (m_sandbox.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_sandbox.processId()), SIGTERM);
            if (!m_sandbox.waitForFinished(10000))
                m_sandbox.kill();
        }
    }

    // The scan itself: a secret planted in a grandchild's environment, in a command line, in a
    // stand-in's environment and in a file is found, percent-encoded too; the root's own
    // environment (given on purpose) is not counted.
    void theScanFindsPlantedSecrets()
    {
        const QString planted = QStringLiteral("planted+secret/5f1e2d3c");
        SecretSet secrets;
        QVERIFY(secrets.add(QStringLiteral("planted secret"), planted));
        QTemporaryDir dir;
        StandIns standIns;
        QVERIFY(standIns.create(dir.filePath(QStringLiteral("bin")), dir.filePath(QStringLiteral("dumps")),
                                {{QStringLiteral("xdg-open"), 0}}));
        QFile file(dir.filePath(QStringLiteral("files/deep/x.txt")));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("files/deep"))));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("url=" + QUrl::toPercentEncoding(planted));
        file.close();

        ProcessWatcher watcher;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GIVEN_ON_PURPOSE"), planted);
        p.setProcessEnvironment(env);
        p.start(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("env -u GIVEN_ON_PURPOSE PLANTED=\"$GIVEN_ON_PURPOSE\" sleep 1; "
                                                  "env -u GIVEN_ON_PURPOSE PLANTED=\"$GIVEN_ON_PURPOSE\" %1/xdg-open; "
                                                  "sleep 0.3 # %2")
                                       .arg(standIns.binDir, planted)});
        QVERIFY(p.waitForStarted());
        watcher.watch(p.processId(), QStringLiteral("planted"));
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10000));
        QList<Place> places = watcher.places() + standIns.places() + filesUnder(dir.path(), QStringLiteral("dir"));
        const QString hits = scan(secrets, places).join(QLatin1Char('\n'));
        QVERIFY2(hits.contains(QLatin1String("in command line of planted (raw)")), qPrintable(hits));
        QVERIFY2(hits.contains(QLatin1String("in environment of sleep (pid")), qPrintable(hits));
        QVERIFY2(hits.contains(QLatin1String("in environment and arguments of xdg-open (stand-in")), qPrintable(hits));
        QVERIFY2(hits.contains(QLatin1String("in file dir/files/deep/x.txt (percent-encoded)")), qPrintable(hits));
        QVERIFY2(!hits.contains(QLatin1String("environment of planted")), qPrintable(hits));
        QVERIFY2(!hits.contains(planted), "a hit printed the secret itself");
        // A PKCE verifier is found through its challenge.
        const QByteArray verifier = "Abc.def_ghi~jkl-mno0123456789012345678901234567890";
        secrets.addPkceChallenge(
            QString::fromLatin1(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        const QStringList pkce = scan(secrets, {{QStringLiteral("a log"), "code_verifier=" + verifier + "&x=1"}});
        QVERIFY2(pkce.size() == 1 && pkce.at(0).startsWith(QLatin1String("PKCE verifier #")),
                 qPrintable(pkce.join(u"; ")));
    }

    void wholeDemoLeavesNoSecretBehind()
    {
        const QString clientId = m_zoho.value(QStringLiteral("clientId")).toString();
        const QStringList login{QStringLiteral("zoho-login"), QStringLiteral("--client-id"), clientId,
                                QStringLiteral("--redirect-uri"), m_redirectUri};
        // Sign-in 1: the secret in the environment, the consent page in the system browser.
        Options systemBrowser;
        systemBrowser.consent = true;
        QCOMPARE(run(login + QStringList{QStringLiteral("--browser"), QStringLiteral("system")}, systemBrowser).first,
                 0);
        // Started detached: it may still be writing.
        QVERIFY2(QTest::qWaitFor([&] { return m_standIns.calledTools().contains(QStringLiteral("xdg-open")); }, 5000),
                 "the system browser (stand-in) was not started: its environment was not checked");
        // Sign-in 2: the secret on stdin.
        Options viaStdin;
        viaStdin.consent = true;
        viaStdin.zohoSecret = false;
        viaStdin.stdinText = m_zoho.value(QStringLiteral("clientSecret")).toString().toUtf8() + '\n';
        QCOMPARE(run(login + QStringList{QStringLiteral("--browser"), QStringLiteral("none"),
                                         QStringLiteral("--client-secret-stdin")},
                     viaStdin)
                     .first,
                 0);
        // Sign-in 3: a desktop client, with PKCE (the verifier must stay in memory).
        Options desktop;
        desktop.consent = true;
        QCOMPARE(run(login + QStringList{QStringLiteral("--browser"), QStringLiteral("none"),
                                         QStringLiteral("--client-type"), QStringLiteral("desktop")},
                     desktop)
                     .first,
                 0);
        QVERIFY2(m_secrets.challengeCount() >= 1, "no PKCE challenge was seen: the verifier was not looked for");
        QCOMPARE(run({QStringLiteral("adobe-login"), QStringLiteral("--client-id"),
                      m_adobe.value(QStringLiteral("clientId")).toString(), QStringLiteral("--org"),
                      m_adobe.value(QStringLiteral("orgId")).toString(), QStringLiteral("--sandbox"),
                      QStringLiteral("prod")},
                     {})
                     .first,
                 0);
        // The Adobe secret on stdin too.
        Options adobeViaStdin;
        adobeViaStdin.adobeSecret = false;
        adobeViaStdin.stdinText = m_adobe.value(QStringLiteral("clientSecret")).toString().toUtf8() + '\n';
        QCOMPARE(run({QStringLiteral("adobe-login"), QStringLiteral("--client-id"),
                      m_adobe.value(QStringLiteral("clientId")).toString(), QStringLiteral("--org"),
                      m_adobe.value(QStringLiteral("orgId")).toString(), QStringLiteral("--sandbox"),
                      QStringLiteral("prod"), QStringLiteral("--client-secret-stdin")},
                     adobeViaStdin)
                     .first,
                 0);
        QVERIFY2(readKeychain() >= 4, "the keychain holds too few of the profile's secrets");

        const auto flow = run({QStringLiteral("create"), QStringLiteral("--table"), QStringLiteral("Leads"),
                               QStringLiteral("--mode"), QStringLiteral("flow")},
                              {});
        QCOMPARE(flow.first, 0);
        QVERIFY(!flow.second.value(QStringLiteral("flowId")).toString().isEmpty());
        const auto sync = run({QStringLiteral("create"), QStringLiteral("--table"), QStringLiteral("Contacts"),
                               QStringLiteral("--mode"), QStringLiteral("sync"), QStringLiteral("--new-dataset"),
                               QStringLiteral("Contacts (leak scan)")},
                              {});
        QCOMPARE(sync.first, 0);
        const auto synced = run({QStringLiteral("sync")}, {});
        QCOMPARE(synced.first, 0);
        QVERIFY(!synced.second.value(QStringLiteral("modules")).toArray().isEmpty());
        QCOMPARE(run({QStringLiteral("status")}, {}).first, 0);
        QCOMPARE(run({QStringLiteral("schedule"), QStringLiteral("install"), QStringLiteral("--every"),
                      QStringLiteral("2h")},
                     {})
                     .first,
                 0);
        QVERIFY2(fileCount(path(QStringLiteral("config/systemd"))) >= 2, "no schedule files were written");
        QCOMPARE(run({QStringLiteral("schedule"), QStringLiteral("show")}, {}).first, 0);
        QCOMPARE(run({QStringLiteral("schedule"), QStringLiteral("remove")}, {}).first, 0);
        QCOMPARE(run({QStringLiteral("reconnect"), QStringLiteral("--browser"), QStringLiteral("system")}, {}).first,
                 0);
        QVERIFY(readKeychain() >= 4); // the tokens reconnect minted
        QCOMPARE(run({QStringLiteral("forget")}, {}).first, 0);

        // The scan proves something only when it had secrets to look for and places to look.
        const QStringList names = m_secrets.names();
        QVERIFY2(names.contains(QStringLiteral("zoho refresh token")), qPrintable(names.join(u", ")));
        QVERIFY2(names.contains(QStringLiteral("zoho grant code")), qPrintable(names.join(u", ")));
        QVERIFY2(names.contains(QStringLiteral("adobe access token")), qPrintable(names.join(u", ")));
        QVERIFY(m_watcher.processCount() >= m_commands.size());
        bool sawLogs = false;
        for (const Place &p : std::as_const(m_places))
            sawLogs = sawLogs || p.data.contains("zaw.");
        QVERIFY2(sawLogs, "no zaw log lines were captured: the logs were not scanned");

        QList<Place> places = m_places;
        places += m_files.places();
        places += m_watcher.places();
        places += m_standIns.places();
        const QStringList hits = scan(m_secrets, places);
        qInfo("leak scan: %d secrets, %d places, %d processes (%s), stand-ins run: %s", m_secrets.size(),
              int(places.size()), m_watcher.processCount(), qPrintable(m_watcher.descendantNames().join(u", ")),
              qPrintable(m_standIns.calledTools().join(u", ")));
        qInfo("files scanned: %s", qPrintable(m_files.fileNames().join(u", ")));
        for (const QString &hit : hits)
            qWarning("LEAK: %s", qPrintable(hit));
        QVERIFY2(hits.isEmpty(),
                 qPrintable(QStringLiteral("%1 leaks, the first: %2").arg(hits.size()).arg(hits.value(0))));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestLeakCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_leak_cli.moc"
