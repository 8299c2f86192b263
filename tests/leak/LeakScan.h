// SPDX-License-Identifier: GPL-3.0-or-later
// The secret-leak scan's tools: the secrets to look for (by name, never printed), the places to
// look (files under folders, captured output, the command lines and environments of a process
// and all its descendants while it runs, and what stand-ins for xdg-open and systemctl recorded),
// and the search itself. A hit names the place and the secret ("zoho refresh token #1a2b3c4d"),
// with a short hash instead of the value.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace zaw::test::leak {

// The first 8 hex digits of the value's SHA-256: enough to tell secrets apart in a report.
QString shortHash(const QByteArray &value);

class SecretSet
{
public:
    // Adds a secret under a name like "zoho refresh token"; values shorter than 8 bytes are
    // refused (they would match by chance). Returns whether it was new.
    bool add(const QString &name, const QString &value);
    // Every string in a JSON document (keys too) that looks like one of the sandbox's Zoho
    // tokens or codes (1000.<32 hex>.<32 hex>) or Adobe access tokens (eyJ + 120 letters and
    // digits), named after the JSON key that holds it. Returns how many were new.
    int addFromSandboxState(const QByteArray &json);
    // A PKCE code_challenge (S256) seen in a consent URL: the verifier behind it is a secret too.
    // It cannot be read anywhere, so find() checks every verifier-shaped word (43 to 128 of
    // A-Z a-z 0-9 - . _ ~) against the challenges.
    void addPkceChallenge(const QString &challenge);
    int challengeCount() const { return int(m_challenges.size()); }
    int size() const { return int(m_secrets.size()); }
    QStringList names() const;

    struct Hit
    {
        QString secret; // "name #hash"
        QString encoding;
    };
    // The secrets found in data, raw or percent-encoded.
    QList<Hit> find(const QByteArray &data) const;

private:
    struct Secret
    {
        QString name;
        QByteArray value;
    };
    QList<Secret> m_secrets;
    QSet<QByteArray> m_values;
    QSet<QByteArray> m_challenges;
};

// A place and what it held, e.g. {"file config/profiles/default.json", bytes}.
struct Place
{
    QString name;
    QByteArray data;
};

// Every file under dir (recursively, hidden ones too), each as "<label>/<relative path>".
QList<Place> filesUnder(const QString &dir, const QString &label);
// Every file under dir, counted (to prove the scan looked at something).
int fileCount(const QString &dir);

// Watches a process and all its descendants (through /proc) while the event loop runs, keeping
// every command line and environment it sees. Linux only; elsewhere it sees nothing.
class ProcessWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ProcessWatcher(QObject *parent = nullptr);
    // Watches the tree under pid from now on; label names it in the places ("zoho-aep-connect
    // zoho-login"). The root's own environment is left out when withRootEnvironment is false
    // (the test gave it the secrets on purpose); so is that of a fork of the root that has not
    // yet started another program (it still shows the root's first environment block).
    void watch(qint64 pid, const QString &label, bool withRootEnvironment = false);
    // One look at /proc now (also runs every few milliseconds by itself).
    void poll();
    // Command lines and environments seen so far, one place each (distinct contents only).
    QList<Place> places() const;
    // Processes seen so far, root processes included.
    int processCount() const { return int(m_seenPids.size()); }
    // Descendants seen so far (not the roots), e.g. "QtWebEngineProcess".
    QStringList descendantNames() const;

private:
    struct Root
    {
        qint64 pid;
        QString label;
        bool withEnvironment;
    };
    QList<Root> m_roots;
    QTimer m_timer;
    QSet<qint64> m_seenPids;
    QStringList m_descendants;
    QMap<QString, QByteArray> m_places; // place name (with pid) -> last distinct content
    QSet<QByteArray> m_recorded;
    QList<Place> m_placeList;
    void record(const QString &name, const QByteArray &data);
};

// Looks at every file under some folders every few milliseconds while the event loop runs, so
// that files that live only during a run (a sync's spool, a temp file) are scanned too. Keeps
// each distinct content once.
class FolderWatcher : public QObject
{
    Q_OBJECT
public:
    explicit FolderWatcher(QObject *parent = nullptr);
    void watch(const QString &dir, const QString &label);
    void poll();
    QList<Place> places() const { return m_places; }
    QStringList fileNames() const; // every file seen, "<label>/<relative path>"

private:
    QList<QPair<QString, QString>> m_dirs;
    QTimer m_timer;
    QSet<QByteArray> m_seen;
    QList<Place> m_places;
    QSet<QString> m_names;
};

// A folder of stand-ins for xdg-open, systemctl and others: each records its argv and the
// environment it was started with into a file of dumpDir, then exits with the given code.
// Put binDir first in PATH.
struct StandIns
{
    // tools: name -> exit code.
    bool create(const QString &binDir, const QString &dumpDir, const QMap<QString, int> &tools);
    // What the stand-ins recorded: "environment and arguments of xdg-open (pid N)".
    QList<Place> places() const;
    QStringList calledTools() const; // names of the stand-ins that ran, one per run
    QString binDir;
    QString dumpDir;
};

// The secrets in places: one line per hit, "secret in place (encoding)".
QStringList scan(const SecretSet &secrets, const QList<Place> &places);

} // namespace zaw::test::leak
