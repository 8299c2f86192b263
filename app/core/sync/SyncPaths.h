// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace zaw::sync {

// Where one profile's sync keeps its working files: beside the profiles, in
// `<config dir>/sync/<profile id>/` (so --config-dir isolates a test or a second installation,
// and renaming a profile keeps its cursors). Nothing in here is secret.
//
//   sync.lock                 QLockFile: one run per profile at a time
//   state/<module>.json       cursor, phase and pending batch of one module (QSaveFile)
//   spool/<module>/<key>/     JSON-lines files of a window until its batch is final
//   history.jsonl             one line per run (newest last, capped)
//   download/                 Bulk Read results while they are unpacked
class SyncPaths
{
public:
    SyncPaths(const QString &configDir, const QString &profileId);

    QString root() const { return m_root; }
    QString lockFile() const;
    QString stateDir() const;
    QString stateFile(const QString &module) const;
    // key: a file-name-safe form of the batch's externalId (see fileSafe()).
    QString spoolDir(const QString &module, const QString &key) const;
    QString moduleSpoolRoot(const QString &module) const;
    QString historyFile() const;
    QString downloadDir() const;

    // Creates root() and its folders, readable by the owner only. False with *error set when a
    // folder cannot be made.
    bool ensure(QString *error) const;
    // Removes everything of this profile's sync (forget).
    bool removeAll() const;

    // Letters, digits, '-', '_' and '.' kept, anything else written as '_' (module names and
    // externalIds become folder names).
    static QString fileSafe(const QString &text);

private:
    QString m_root;
};

} // namespace zaw::sync
