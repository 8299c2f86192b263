// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/Reconnect.h"

#include "account/ProfileSession.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "setup/ZohoAuthParams.h"
#include "store/SecretStore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace zaw::account {

namespace {

// Zoho's answers that mean "this refresh token (or client) no longer works": sign in again.
bool refreshTokenDead(const net::Error &e)
{
    return e.category == net::ErrorCategory::SignInNeeded || e.code == u"invalid_code"_s ||
           e.code == u"invalid_token"_s;
}

QString who(const QString &user, const QString &email, const QString &org)
{
    const QString person = email.isEmpty() ? user : (user.isEmpty() ? email : u"%1 <%2>"_s.arg(user, email));
    return org.isEmpty() ? person : Reconnect::tr("%1 of %2").arg(person, org);
}

} // namespace

Reconnect::Reconnect(ProfileSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

zoho::ZohoAppSettings Reconnect::signInSettings() const
{
    const QJsonObject z = m_session->profile().zoho;
    zoho::ZohoAppSettings s;
    s.clientId = z.value(u"clientId"_s).toString();
    s.clientSecret = m_session->zoho().clientSecret;
    s.clientType =
        z.value(u"clientType"_s).toString() == u"desktop"_s ? zoho::ClientType::Desktop : zoho::ClientType::Server;
    s.redirectUri = z.value(u"redirectUri"_s).toString();
    s.startDc = z.value(u"dc"_s).toString(u"us"_s);
    s.environment = m_session->zoho().environment;
    QStringList scopes;
    for (const QJsonValue &v : z.value(u"scopes"_s).toArray())
        scopes << v.toString();
    if (!scopes.isEmpty())
        s.scopes = scopes;
    return s;
}

void Reconnect::fail(const net::Error &error)
{
    emit failed(error);
}

void Reconnect::start()
{
    m_result = {};
    emit progress(tr("Asking Zoho for a new access token…"));
    // Always a real refresh: the question is whether the refresh token still works.
    m_session->zohoAuth()->refresh(&m_session->zoho(), this, [this](const net::Error &error) {
        if (error && refreshTokenDead(error)) {
            emit progress(tr("Zoho no longer accepts the saved sign-in; sign in again."));
            emit consentNeeded();
            return;
        }
        if (error) {
            fail(error);
            return;
        }
        m_result.changes << tr("Zoho gave a new access token with the saved sign-in.");
        keepTokensThenUpdate();
    });
}

void Reconnect::continueWith(const zoho::ZohoSession &session, const zoho::ZohoAccount &account)
{
    const QJsonObject saved = m_session->profile().zoho;
    const QString savedUserId = saved.value(u"userId"_s).toString();
    const QString savedEmail = saved.value(u"email"_s).toString();
    const QString savedOrgId = saved.value(u"orgId"_s).toString();
    const bool sameUser = !savedUserId.isEmpty() ? account.user.id == savedUserId
                                                 : account.user.email.compare(savedEmail, Qt::CaseInsensitive) == 0;
    const bool sameOrg = savedOrgId.isEmpty() || account.org.id == savedOrgId;
    if (!sameUser || !sameOrg) {
        // The other account's new sign-in is of no use here: revoked, not left behind.
        m_session->zohoAuth()->revoke(session, this, [](const net::Error &) {});
        fail(net::Error::make(
            net::ErrorCategory::SignInNeeded,
            tr("You signed in as %1, but this connection belongs to %2. Sign in as %2, or set up a new connection "
               "for the other account.")
                .arg(who(account.user.fullName, account.user.email, account.org.companyName),
                     who(saved.value(u"user"_s).toString(), savedEmail, saved.value(u"org"_s).toString()))));
        return;
    }
    m_session->zoho() = session;
    m_result.signedInAgain = true;
    m_result.changes << tr("Signed in to Zoho again as %1; the new refresh token replaces the dead one.")
                            .arg(who(account.user.fullName, account.user.email, account.org.companyName));
    keepTokensThenUpdate();
}

void Reconnect::rotateZohoSecret(const QString &secret)
{
    m_result = {};
    // Checked first: a refresh with the new secret. The stored one stays until it works.
    auto trial = std::make_shared<zoho::ZohoSession>(m_session->zoho());
    trial->clientSecret = secret;
    trial->accessToken.clear();
    emit progress(tr("Checking the new Zoho client secret…"));
    m_session->zohoAuth()->refresh(trial.get(), this, [this, trial](const net::Error &error) {
        if (error) {
            net::Error e = error;
            e.message = tr("Zoho refused the new client secret; the stored one is kept. %1").arg(error.message);
            fail(e);
            return;
        }
        m_session->zoho() = *trial;
        m_result.changes << tr("The new Zoho client secret works and replaces the stored one.");
        keepTokensThenUpdate();
    });
}

void Reconnect::rotateAdobeSecret(const QString &secret)
{
    m_result = {};
    auto trial = std::make_shared<adobe::AdobeSession>(m_session->adobe());
    trial->clientSecret = secret;
    trial->clearToken();
    auto ims = std::make_shared<adobe::ImsClient>(m_session->http(), m_session->endpoints());
    emit progress(tr("Checking the new Adobe client secret…"));
    ims->requestToken(trial.get(), this, [this, trial, ims](const net::Error &error) {
        if (error) {
            net::Error e = error;
            e.message = tr("Adobe refused the new client secret; the stored one is kept. %1").arg(error.message);
            fail(e);
            return;
        }
        m_session->adobe() = *trial;
        m_session->storeSecret(store::SecretName::AdobeClientSecret, trial->clientSecret,
                               [this](const store::SecretResult &r) {
                                   if (!r.ok()) {
                                       fail(ProfileSession::keychainError(r));
                                       return;
                                   }
                                   m_result.changes << tr("The new Adobe client secret works and is stored.");
                                   emit finished(m_result);
                               });
    });
}

void Reconnect::keepTokensThenUpdate()
{
    m_session->storeZohoSecrets([this](const store::SecretResult &r) {
        if (!r.ok()) {
            fail(ProfileSession::keychainError(r));
            return;
        }
        m_result.changes << tr("The keychain holds the new Zoho credentials.");
        updateBaseConnection();
    });
}

void Reconnect::updateBaseConnection()
{
    const QString id = m_session->baseConnectionId();
    m_result.baseConnectionId = id;
    if (id.isEmpty()) {
        emit finished(m_result);
        return;
    }
    if (!m_session->hasAdobe()) {
        fail(net::Error::make(net::ErrorCategory::SignInNeeded,
                              tr("The Zoho credentials are renewed and stored, but the Experience Platform account "
                                 "%1 still has the old ones: the keychain holds no Adobe client secret. Enter it as "
                                 "a changed Adobe client secret, then reconnect again.")
                                  .arg(id)));
        return;
    }
    emit progress(tr("Giving the Experience Platform account the new credentials…"));
    const adobe::ZohoAuthParams params = setup::zohoAuthParams(m_session->zoho());
    m_session->flows()->updateZohoCredentials(
        id, {}, params, this, [this, id](const adobe::CreatedObject &, const net::Error &error) {
            if (error) {
                net::Error e = error;
                if (error.httpStatus == 404)
                    e.message = tr("The Zoho credentials are renewed, but the Experience Platform account (base "
                                   "connection %1) no longer exists. Set up a new dataflow to make one.")
                                    .arg(id);
                fail(e);
                return;
            }
            m_result.baseConnectionUpdated = true;
            m_result.changes << tr("The Experience Platform account %1 uses the new credentials.").arg(id);
            emit finished(m_result);
        });
}

} // namespace zaw::account
