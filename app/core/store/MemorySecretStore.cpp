// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MemorySecretStore.h"

#include <algorithm>

namespace zaw::store {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{}

bool MemorySecretStore::unavailable(const Callback &reply)
{
    if (m_available)
        return false;
    deliver(reply, SecretResult::failure(SecretStatus::NoKeychain, QStringLiteral("in-memory store switched off")));
    return true;
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    const Callback reply = guarded(context, std::move(done));
    if (unavailable(reply) || rejectInvalidKey(key, reply))
        return;
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        deliver(reply, SecretResult::failure(SecretStatus::NotFound, QStringLiteral("no entry \"%1\"").arg(key)));
    else
        deliver(reply, SecretResult::success(*it));
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    const Callback reply = guarded(context, std::move(done));
    if (unavailable(reply) || rejectInvalidKey(key, reply))
        return;
    m_entries.insert(key, value);
    deliver(reply, SecretResult::success());
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    const Callback reply = guarded(context, std::move(done));
    if (unavailable(reply) || rejectInvalidKey(key, reply))
        return;
    m_entries.remove(key);
    deliver(reply, SecretResult::success());
}

void MemorySecretStore::probe(QObject *context, Callback done)
{
    const Callback reply = guarded(context, std::move(done));
    if (unavailable(reply))
        return;
    deliver(reply, SecretResult::success());
}

QStringList MemorySecretStore::keys() const
{
    QStringList keys = m_entries.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace zaw::store
