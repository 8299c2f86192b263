// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace zaw::store {

// What became of a keychain call. NoKeychain covers both "no keychain service" and "keychain
// locked": on Linux QtKeychain 0.13 cannot tell them apart (DESIGN §5).
enum class SecretStatus { Ok, NotFound, NoKeychain, AccessDenied, Other };

struct SecretResult
{
    SecretStatus status = SecretStatus::Ok;
    QString value;   // the secret, only for a successful read
    QString message; // translated, says what to do next; empty on Ok
    QString detail;  // technical part for "Copy details"; never contains a secret
    bool ok() const { return status == SecretStatus::Ok; }

    static SecretResult success(const QString &value = {});
    // A failure with the standard translated message for its status.
    static SecretResult failure(SecretStatus status, const QString &detail);
};

// The entry names the product keeps per profile (combine with SecretStore::key()).
namespace SecretName {
inline constexpr char ZohoClientSecret[] = "zoho.clientSecret";
inline constexpr char ZohoRefreshToken[] = "zoho.refreshToken";
inline constexpr char ZohoAccessToken[] = "zoho.accessToken"; // JSON with the expiry
inline constexpr char AdobeClientSecret[] = "adobe.clientSecret";
inline constexpr char AdobeAccessToken[] = "adobe.accessToken";
inline constexpr char ProxyPassword[] = "proxy.password";
} // namespace SecretName

// Where secrets live. Every call is asynchronous: `done` runs once, on a later turn of the event
// loop (never inside the call), unless `context` (when not null) or the store has been destroyed
// by then, so a page that goes away never gets a callback into a dead object. Calls on one
// store take effect, and answer, in the order they were made.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    static constexpr char ServiceName[] = "zoho-aep-wizard";

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, Callback done) = 0;
    // Removing a key that does not exist is Ok: the caller wanted it gone, and it is.
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
    // Writes, reads back and deletes a throw-away entry: the only way to learn whether a usable
    // keychain exists, since QtKeychain 0.13 has no isAvailable().
    virtual void probe(QObject *context, Callback done) = 0;

    // "<profileId>/<name>", e.g. "3f2a…/zoho.refreshToken".
    static QString key(const QString &profileId, const QString &name);

    // The translated "what happened, what to do" text for a status (empty for Ok).
    static QString messageFor(SecretStatus status);

protected:
    // Wraps `done` so that it does nothing once `context` (when not null) has been destroyed.
    static Callback guarded(QObject *context, Callback done);
    // Queues `done(result)` for a later turn of the event loop; dropped if the store goes first.
    void deliver(Callback done, SecretResult result);
    // Keys are "<profile>/<name>"; '#' is reserved for the parts of a long value. An invalid key
    // is a programming error, answered with Other rather than risking a clash with another entry.
    // Returns true when it answered.
    bool rejectInvalidKey(const QString &key, const Callback &reply);
};

} // namespace zaw::store
