// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "zoho/ZohoSignInFlow.h"

#include <QObject>
#include <QStringList>

namespace zaw::account {

class ProfileSession;

// What a reconnect or a rotated secret changed, for the Done page and the command's JSON.
struct ReconnectResult
{
    bool signedInAgain = false; // consent was run again (the refresh token was dead)
    bool baseConnectionUpdated = false;
    QString baseConnectionId;
    QStringList changes; // translated, one line each
};

// Brings a saved connection back to life (DESIGN §1 "Re-running"):
//   start(): a refresh with the saved refresh token. If Zoho refuses it, consentNeeded() asks
//     the caller (the wizard's sign-in page, or `reconnect`'s browser flow, with prompt=consent)
//     for a new sign-in with the profile's client, handed back with continueWith().
//   continueWith(): refuses another Zoho user or organisation (naming both), keeps the new
//     tokens in the keychain.
//   Then the base connection's /auth/params get the new credentials (PATCH with If-Match; a 412
//   reads the etag again and retries once), and finished() says what changed.
// rotateZohoSecret()/rotateAdobeSecret() check a new client secret before it replaces the
// stored one (a refresh with it, an IMS token with it); the Zoho one also goes to the base
// connection.
class Reconnect : public QObject
{
    Q_OBJECT

public:
    explicit Reconnect(ProfileSession *session, QObject *parent = nullptr);

    void start();
    void continueWith(const zoho::ZohoSession &session, const zoho::ZohoAccount &account);
    void rotateZohoSecret(const QString &secret);
    void rotateAdobeSecret(const QString &secret);

    // The Zoho settings a new sign-in for this profile uses (its client, redirect URI, scopes,
    // data centre and environment); the client secret comes from the keychain.
    zoho::ZohoAppSettings signInSettings() const;

signals:
    void progress(const QString &text);
    void consentNeeded();
    void finished(const zaw::account::ReconnectResult &result);
    void failed(const zaw::net::Error &error);

private:
    void keepTokensThenUpdate();
    void updateBaseConnection();
    void fail(const net::Error &error);

    ProfileSession *m_session;
    ReconnectResult m_result;
};

} // namespace zaw::account
