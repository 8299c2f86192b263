// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SecretStore.h"

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
{}

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

SecretStore::Callback SecretStore::guarded(QObject *context, Callback done)
{
    if (!context)
        return done;
    return [guard = QPointer<QObject>(context), done = std::move(done)](const SecretResult &result) {
        if (guard && done)
            done(result);
    };
}

void SecretStore::deliver(Callback done, SecretResult result)
{
    QMetaObject::invokeMethod(
        this,
        [done = std::move(done), result = std::move(result)] {
            if (done)
                done(result);
        },
        Qt::QueuedConnection);
}

bool SecretStore::rejectInvalidKey(const QString &key, const Callback &reply)
{
    if (!key.isEmpty() && !key.contains(QLatin1Char('#')))
        return false;
    deliver(reply, SecretResult::failure(SecretStatus::Other, QStringLiteral("invalid key \"%1\"").arg(key)));
    return true;
}

} // namespace zaw::store
