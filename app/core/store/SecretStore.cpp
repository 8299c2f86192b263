// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStore.h"

#include <QPointer>

namespace zaw::store {

SecretResult SecretResult::success(const QString &value)
{
    SecretResult result;
    result.value = value;
    return result;
}

SecretResult SecretResult::failure(SecretStatus status, const QString &detail)
{
    SecretResult result;
    result.status = status;
    result.message = SecretStore::messageFor(status);
    result.detail = detail;
    return result;
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::key(const QString &profileId, const QString &name)
{
    return profileId + QLatin1Char('/') + name;
}

QString SecretStore::messageFor(SecretStatus status)
{
    switch (status) {
    case SecretStatus::Ok:
        return {};
    case SecretStatus::NotFound:
        return tr("The secret is not saved in the keychain. Sign in again to save it.");
    case SecretStatus::NoKeychain:
        // The wording is fixed by DESIGN §5: users must learn that "missing" and "locked" look
        // the same to us, and that they can go on without saving anything.
        return tr("No usable keychain (missing or locked). Unlock your system keychain (on Linux a "
                  "Secret Service such as GNOME Keyring or KWallet) and try again, or continue for "
                  "this run only without saving secrets.");
    case SecretStatus::AccessDenied:
        return tr("Access to the keychain was denied. Unlock the keychain or allow this application "
                  "to use it, then try again.");
    case SecretStatus::Other:
        break;
    }
    return tr("The keychain reported an error. Try again; if it keeps happening, copy the details "
              "and report them.");
}

void SecretStore::deliver(QObject *context, Callback done, SecretResult result)
{
    // A null context means "no guard"; a non-null one that has died cancels the callback.
    const bool guarded = context != nullptr;
    QMetaObject::invokeMethod(
        this,
        [guard = QPointer<QObject>(context), guarded, done = std::move(done), result = std::move(result)] {
            if (guarded && !guard)
                return;
            if (done)
                done(result);
        },
        Qt::QueuedConnection);
}

bool SecretStore::isValidKey(const QString &key)
{
    return !key.isEmpty() && !key.contains(QLatin1Char('#'));
}

} // namespace zaw::store
