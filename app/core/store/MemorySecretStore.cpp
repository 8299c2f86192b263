// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemorySecretStore.h"

#include <algorithm>

namespace zaw::store {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

bool MemorySecretStore::refuse(const QString &key, QObject *context, const Callback &done)
{
    if (!m_available) {
        deliver(context, done, SecretResult::failure(SecretStatus::NoKeychain,
                                                     QStringLiteral("in-memory store switched to unavailable")));
        return true;
    }
    if (!key.isNull() && !isValidKey(key)) {
        deliver(context, done, SecretResult::failure(SecretStatus::Other, QStringLiteral("invalid key \"%1\"").arg(key)));
        return true;
    }
    return false;
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    if (refuse(key, context, done))
        return;
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        deliver(context, std::move(done),
                SecretResult::failure(SecretStatus::NotFound, QStringLiteral("no entry \"%1\"").arg(key)));
    else
        deliver(context, std::move(done), SecretResult::success(*it));
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    if (refuse(key, context, done))
        return;
    m_entries.insert(key, value);
    deliver(context, std::move(done), SecretResult::success());
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    if (refuse(key, context, done))
        return;
    m_entries.remove(key);
    deliver(context, std::move(done), SecretResult::success());
}

void MemorySecretStore::probe(QObject *context, Callback done)
{
    if (refuse(QString(), context, done))
        return;
    deliver(context, std::move(done), SecretResult::success());
}

QStringList MemorySecretStore::keys() const
{
    QStringList keys = m_entries.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace zaw::store
