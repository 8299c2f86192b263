// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SecretStore.h"

#include <QHash>
#include <QStringList>

namespace zaw::store {

// Secrets in this process's memory only. Unit tests use it instead of a real keychain, and the
// wizard can use it when the user chooses to continue "for this run only" without a keychain.
// Callbacks arrive asynchronously, as with the real keychain, so callers are exercised the same way.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &value, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;
    void probe(QObject *context, Callback done) override;

    // Test switch: false makes every call fail with NoKeychain, like a missing or locked keyring.
    void setAvailable(bool available) { m_available = available; }
    bool isAvailable() const { return m_available; }

    // The keys currently held (for tests asserting that something was stored or cleaned up).
    QStringList keys() const;

private:
    // Answers NoKeychain when switched off; true when it did.
    bool unavailable(const Callback &reply);

    QHash<QString, QString> m_entries;
    bool m_available = true;
};

} // namespace zaw::store
