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

// A command that has ended (or was killed at its timeout: exitCode -1) and what it printed.
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument doc() const { return QJsonDocument::fromJson(out); }
    QJsonObject json() const { return doc().object(); }
    QByteArray describe() const { return QByteArray::number(exitCode) + "\n" + out + "\n" + err; }
};

// Reads the process's stderr into *err until it printed the consent URL (a line that is an
// http:// URL and nothing else) or ended; that URL, or an invalid one.
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
    // Starts the command (global arguments first) with environment(); returns once it has started.
    void start(QProcess &process, const QStringList &args) const;
    // Runs a command to its end; stdinText is written to it first. Killed after timeoutMs.
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
