// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect run as a user runs it, for the command-line suites: a config directory and an
// endpoints file of its own against an in-process sandbox, the commands as child processes, and a
// consent URL they print clicked through over HTTP (ConsentDriver) as a browser would.
#pragma once

#include "TestHttp.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace zaw::test {

// A port on 127.0.0.1 that was free when asked.
quint16 freePort();

// POSTs the sandbox answered with success, whose path matches pattern.
int createdCount(SandboxFixture &f, const QString &pattern);

// A command that has ended and what it printed. exitCode is its exit code (0-255) only when it
// exited; a crash, a kill at the timeout or a failed start get negative values that never equal
// an exit code (a crash by SIGABRT is not exit code 6), and describe() says which it was.
struct Run
{
    static constexpr int kTimedOut = -1;   // killed at the timeout
    static constexpr int kCrashed = -2;    // ended by a signal (see signal)
    static constexpr int kNotStarted = -3; // could not be started (see err)

    int exitCode = kTimedOut;
    int signal = 0; // the signal that ended it when exitCode == kCrashed
    QByteArray out;
    QByteArray err;
    bool crashed() const { return exitCode == kCrashed; }
    bool timedOut() const { return exitCode == kTimedOut; }
    QJsonDocument doc() const { return QJsonDocument::fromJson(out); }
    QJsonObject json() const { return doc().object(); }
    // "exit code N", "crashed (signal N)", "timed out (killed)" or "did not start", then the output.
    QByteArray outcome() const;
    QByteArray describe() const { return outcome() + "\n" + out + "\n" + err; }
};

// What a finished process gives: its exit code, or kCrashed with the signal (QProcess reports a
// signal as the exit code, so a crash by SIGABRT would otherwise read as exit code 6).
void setOutcome(Run *run, const QProcess &process);

// Reads the process's stderr into *err until it printed the consent URL (a line that is an
// http:// URL and nothing else) or ended; that URL, or an invalid one. A process still running
// without a URL after timeoutMs fails the current test (QTest::qFail, saying so).
QUrl waitForConsentUrl(QProcess &process, QByteArray *err, int timeoutMs = 20000);

// One user of zoho-aep-connect (executable) against the sandbox f: its endpoints file and config
// directory, a redirect URI on a free loopback port registered for the demo Zoho client, and the
// demo client secrets in the environment.
struct Cli
{
    Cli(SandboxFixture &f, const QString &executable);

    // The system's environment with ZOHO_CLIENT_SECRET and ADOBE_CLIENT_SECRET set to zohoSecret
    // and adobeSecret (unset when empty), and extraEnv on top.
    QProcessEnvironment environment() const;
    // --endpoints, --config-dir, --json (unless jsonOutput is off) and --profile (when set).
    QStringList globalArgs() const;
    // Starts the command (global arguments first) with environment(); returns once it has started
    // (a start that fails fails the current test).
    void start(QProcess &process, const QStringList &args) const;
    // Runs a command to its end; stdinText is written to it first. Killed after timeoutMs (which
    // fails the current test: a command is expected to end).
    Run run(const QStringList &args, int timeoutMs = 60000, const QByteArray &stdinText = {});
    // Runs a command that prints a consent URL, and signs in there as login (as a browser would).
    Run runWithConsent(const QStringList &args, const QString &login);
    // zoho-login with the demo client as Ana, and adobe-login with the demo credential (sandbox
    // prod); false, with the output as a warning, when it fails.
    bool zohoLogin();
    bool adobeLogin();
    // The profile's file in the config directory.
    QString profileFile() const;
    // The commands started from now on find no D-Bus session, so no keychain.
    void withoutKeychain();

    SandboxFixture &fixture;
    const QString executable;
    QTemporaryDir dir;
    QString endpointsFile;
    QString redirectUri;
    QJsonObject zoho;    // the sandbox's demo Zoho client
    QJsonObject adobe;   // the sandbox's demo Adobe credential
    QString zohoSecret;  // ZOHO_CLIENT_SECRET: the demo client's unless changed
    QString adobeSecret; // ADOBE_CLIENT_SECRET: the demo credential's unless changed
    QMap<QString, QString> extraEnv;
    QStringList removedEnv; // variables the commands do not get (e.g. DISPLAY, as under a scheduler)
    QString profile;        // empty: the default one
    bool jsonOutput = true;
};

} // namespace zaw::test
