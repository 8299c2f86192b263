// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SecretStore.h"

#include <QQueue>
#include <QStringList>

namespace QKeychain {
class Job;
}

namespace zaw::store {

// Secrets in the operating system's keychain through QtKeychain 0.13 (DESIGN §5).
//
// - Every job has a deadline: some Secret Service setups never answer (qtkeychain#240, a D-Bus
//   activation that hangs). After it the caller gets NoKeychain and a late answer is ignored.
//   QtKeychain runs its jobs one at a time, so a job that hangs delays every later one too; they
//   time out in turn instead of hanging the wizard.
// - Calls on one store run one after another, in the order they were made.
// - The insecure fallback stays off: it would put secrets into a plaintext QSettings file.
// - A value whose UTF-8 form exceeds EntryLimitBytes is split over "key", "key#2", "key#3"…,
//   the first entry starting with a "zaw-parts:N" header; Windows refuses entries over
//   2,560 bytes and Adobe access tokens are long JWTs.
// - On Windows QtKeychain 0.13 names the credential by the key alone, so keys are prefixed with
//   the service name there to keep our entries apart from other programs'.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 15000;
    static constexpr int EntryLimitBytes = 2000;

    explicit KeychainSecretStore(QObject *parent = nullptr);
    // Tests pass their own service name so that they never touch the product's entries.
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    void probe(QObject *context, Callback done) override;

    QString service() const { return m_service; }
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // The name the keychain itself sees for part `part` (1-based) of `key`; tests use it to look
    // at the parts of a long value directly.
    QString entryName(const QString &key, int part = 1) const;

    // How a QtKeychain error (a QKeychain::Error value) and its text map onto a status.
    static SecretStatus statusForError(int keychainError, const QString &errorText);
    // Splits `value` into pieces of at most `maxBytes` UTF-8 bytes without cutting a character.
    static QStringList splitUtf8(const QString &value, int maxBytes);

private:
    struct JobOutcome;
    using JobDone = std::function<void(const JobOutcome &)>;
    using PartsDone = std::function<void(const SecretResult &, int partCount)>;
    using Operation = std::function<void(Callback finish)>;

    // Calls run one after another, so a read issued after a write sees the new value and two
    // writes of a long value cannot mix their parts.
    void enqueue(QObject *context, Callback done, Operation operation);
    void startNext();

    void readValue(const QString &key, Callback finish);
    void writeValue(const QString &key, const QString &value, Callback finish);
    void removeValue(const QString &key, Callback finish);
    void probeKeychain(Callback finish);

    // Starts `job` with the store's deadline; `next` runs exactly once (unless the store is gone).
    void runJob(QKeychain::Job *job, const QString &operation, JobDone next);
    void readEntry(const QString &entry, JobDone next);
    void writeEntry(const QString &entry, const QString &text, JobDone next);
    void deleteEntry(const QString &entry, JobDone next);

    // Reads only the first entry and reports how many parts the stored value has (0: none).
    void readPartCount(const QString &key, PartsDone next);
    void readParts(const QString &key, int part, int count, QStringList parts, Callback next);
    void writeParts(const QString &key, QStringList entries, int part, Callback next);
    void deleteParts(const QString &key, int part, int last, Callback next);

    static SecretResult resultFor(const JobOutcome &outcome);

    QString m_service;
    int m_timeoutMs = DefaultTimeoutMs;
    QQueue<std::function<void()>> m_queue;
    bool m_running = false;
};

} // namespace zaw::store
