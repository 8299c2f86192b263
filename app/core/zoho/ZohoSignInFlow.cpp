// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZohoSignInFlow.h"

#include "net/HttpClient.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace zaw::zoho {

ZohoSignInFlow::ZohoSignInFlow(net::HttpClient *http, const Endpoints &endpoints, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoints(endpoints)
    , m_auth(http, endpoints)
{
    qRegisterMetaType<zaw::zoho::ZohoAccount>();
}

ZohoSignInFlow::~ZohoSignInFlow() = default;

QUrl ZohoSignInFlow::begin(const ZohoAppSettings &settings, net::Error *error)
{
    cancel();
    const DataCenter *dc = m_endpoints.dataCenter(settings.startDc);
    if (!dc) {
        *error = net::Error::make(net::ErrorCategory::Input,
                                  tr("The data centre \"%1\" is not known.").arg(settings.startDc));
        return {};
    }
    if (dc->apiFor(settings.environment).isEmpty()) {
        *error = net::Error::make(net::ErrorCategory::Input,
                                  tr("The environment \"%1\" is not available for this data centre.")
                                      .arg(crmEnvironmentLabel(settings.environment)));
        return {};
    }
    m_settings = settings;
    m_grantUsed = false;
    m_session = ZohoSession();
    m_session.clientId = settings.clientId;
    m_session.clientSecret = settings.clientSecret;
    m_request = std::make_unique<AuthorizationRequest>(dc->accounts, settings.clientId, settings.redirectUri,
                                                       settings.scopes, settings.clientType);
    m_matcher = std::make_unique<RedirectMatcher>(settings.redirectUri, m_request->state(), m_endpoints);
    return m_request->url();
}

bool ZohoSignInFlow::isRedirect(const QUrl &url) const
{
    // Still true once the grant was used: the browser must not load the redirect URI (match()
    // rejects it).
    return m_matcher && m_matcher->targetsRedirectUri(url);
}

net::Error ZohoSignInFlow::usedGrantError()
{
    return net::Error::make(net::ErrorCategory::SignInNeeded,
                            tr("This sign-in answer has been used already and was ignored. To sign in again, start "
                               "a new sign-in."),
                            QStringLiteral("grant already used"));
}

RedirectResult ZohoSignInFlow::match(const QUrl &url) const
{
    if (!m_matcher)
        return RedirectResult();
    if (m_grantUsed && m_matcher->targetsRedirectUri(url)) {
        RedirectResult used;
        used.kind = RedirectResult::Kind::Rejected;
        used.problem = usedGrantError();
        return used;
    }
    return m_matcher->match(url);
}

void ZohoSignInFlow::cancel()
{
    m_attempt.reset();
    m_crm.reset();
    m_busy = false;
}

void ZohoSignInFlow::fail(const net::Error &error)
{
    m_busy = false;
    m_attempt.reset();
    // The half-finished session must not be used: drop its tokens.
    m_session.refreshToken.clear();
    m_session.accessToken.clear();
    emit failed(error);
}

void ZohoSignInFlow::complete(const RedirectResult &result)
{
    if (m_grantUsed) {
        // A grant is usable once: the same redirect, pasted or replayed, starts no second exchange.
        emit failed(usedGrantError());
        return;
    }
    if (!m_request) {
        emit failed(net::Error::make(net::ErrorCategory::Bug, tr("No sign-in is in progress.")));
        return;
    }
    if (result.kind == RedirectResult::Kind::NotOurs) {
        emit failed(net::Error::make(net::ErrorCategory::Input,
                                     tr("This address is not the redirect URI of this sign-in (%1). Paste the whole "
                                        "address of the page Zoho sent you to.")
                                         .arg(m_settings.redirectUri)));
        return;
    }
    // This answer belongs to the attempt: whatever it says, the attempt's state and PKCE verifier
    // are used up (a new begin() makes new ones).
    const QString redirectUri = m_request->redirectUri();
    const QString codeVerifier = m_request->codeVerifier();
    m_grantUsed = true;
    m_request.reset();
    m_matcher = std::make_unique<RedirectMatcher>(m_settings.redirectUri, QString(), m_endpoints);
    if (result.kind != RedirectResult::Kind::Granted) {
        emit failed(result.problem);
        return;
    }
    // The matcher checked these already; the flow does not send the client secret anywhere else
    // even when handed a result from elsewhere.
    const DataCenter *home = m_endpoints.dataCenter(result.location);
    if (!home || !Endpoints::sameBase(result.accountsServer, home->accounts)) {
        emit failed(net::Error::make(net::ErrorCategory::SignInNeeded,
                                     tr("The sign-in answer named an accounts server (%1) that is not Zoho's for the "
                                        "data centre \"%2\". It was ignored for your safety; start the sign-in "
                                        "again.")
                                         .arg(result.accountsServer.toString(), result.location),
                                     QStringLiteral("accounts-server outside the table")));
        return;
    }
    m_busy = true;
    m_attempt = std::make_unique<QObject>();
    emit progress(tr("Exchanging the grant code at %1…").arg(result.accountsServer.host()));
    m_auth.exchange(result, redirectUri, codeVerifier, &m_session, m_attempt.get(), [this](const net::Error &error) {
        if (error) {
            fail(error);
            return;
        }
        verify();
    });
}

void ZohoSignInFlow::verify()
{
    // The token reply decides where the access token goes next: only an API base of the user's
    // own data centre in the table.
    const DataCenter *home = m_endpoints.dataCenter(m_session.dc);
    CrmEnvironment apiEnvironment = CrmEnvironment::Production;
    const DataCenter *apiDc = m_endpoints.dataCenterByApi(m_session.apiDomain, &apiEnvironment);
    if (!home || apiDc != home || apiEnvironment != m_session.environment) {
        fail(net::Error::make(net::ErrorCategory::Bug,
                              tr("Zoho named an API domain (%1) that does not belong to your data centre (%2). "
                                 "Nothing was stored.")
                                  .arg(m_session.apiDomain.toString(), m_session.dc),
                              QStringLiteral("api_domain outside the table")));
        return;
    }
    if (m_session.environment != m_settings.environment) {
        fail(net::Error::make(
            net::ErrorCategory::Input,
            tr("You chose the environment \"%1\", but the organisation picked on Zoho's page belongs to the "
               "environment \"%2\". Sign in again "
               "and pick the right organisation, or change the environment.")
                .arg(crmEnvironmentLabel(m_settings.environment), crmEnvironmentLabel(m_session.environment))));
        return;
    }
    emit progress(tr("Checking the Zoho account…"));
    m_crm = std::make_unique<ZohoCrmClient>(m_http, &m_auth, &m_session);
    QObject *context = m_attempt.get();
    m_crm->currentUser(context, [this, context](const ZohoUser &user, const net::Error &error) {
        if (error) {
            fail(error);
            return;
        }
        m_account.user = user;
        m_crm->organization(context, [this](const ZohoOrg &org, const net::Error &error) {
            if (error) {
                fail(error);
                return;
            }
            m_account.org = org;
            m_account.dc = m_session.dc;
            m_account.environment = m_session.environment;
            m_account.apiDomain = m_session.apiDomain;
            m_busy = false;
            emit succeeded(m_account);
        });
    });
}

void ZohoSignInFlow::store(store::ProfileStore *profiles, store::SecretStore *secrets, store::Profile *profile,
                           QObject *context, std::function<void(const QString &, const store::SecretResult &)> done)
{
    // Data-centre codes, not URLs: a profile made against one sandbox run works with the next.
    QJsonObject zoho{{QStringLiteral("dc"), m_account.dc},
                     {QStringLiteral("environment"), crmEnvironmentName(m_account.environment)},
                     {QStringLiteral("clientId"), m_settings.clientId},
                     {QStringLiteral("clientType"), clientTypeName(m_settings.clientType)},
                     {QStringLiteral("redirectUri"), m_settings.redirectUri},
                     {QStringLiteral("scopes"), QJsonArray::fromStringList(m_settings.scopes)},
                     {QStringLiteral("userId"), m_account.user.id},
                     {QStringLiteral("user"), m_account.user.fullName},
                     {QStringLiteral("email"), m_account.user.email},
                     {QStringLiteral("org"), m_account.org.companyName},
                     {QStringLiteral("orgId"), m_account.org.id},
                     {QStringLiteral("edition"), m_account.org.edition}};
    profile->zoho = zoho;
    QString profileError;
    profiles->save(*profile, &profileError);

    // Written one after another; the first failure is reported and the rest skipped. The state
    // is owned by the pending keychain callback only (no closure refers to itself), so the
    // secrets are wiped and released as soon as the last write has answered.
    auto writes = std::make_shared<SecretWrites>();
    writes->secrets = secrets;
    writes->context = context;
    writes->id = profile->id;
    writes->profileError = profileError;
    writes->done = std::move(done);
    const QJsonObject access{{QStringLiteral("token"), m_session.accessToken},
                             {QStringLiteral("expiresAt"), m_session.accessExpiresAt.toString(Qt::ISODate)}};
    writes->entries = {{QString::fromLatin1(store::SecretName::ZohoClientSecret), m_session.clientSecret},
                       {QString::fromLatin1(store::SecretName::ZohoRefreshToken), m_session.refreshToken},
                       {QString::fromLatin1(store::SecretName::ZohoAccessToken),
                        QString::fromUtf8(QJsonDocument(access).toJson(QJsonDocument::Compact))}};
    writeNext(std::move(writes));
}

void ZohoSignInFlow::SecretWrites::wipe()
{
    for (auto &entry : entries)
        entry.second.fill(QLatin1Char('\0'));
    entries.clear();
}

void ZohoSignInFlow::writeNext(std::shared_ptr<SecretWrites> writes)
{
    if (writes->next >= writes->entries.size()) {
        writes->wipe();
        const auto done = std::move(writes->done);
        writes->done = nullptr;
        if (done)
            done(writes->profileError, store::SecretResult::success());
        return;
    }
    const auto &entry = writes->entries.at(writes->next);
    const QString key = store::SecretStore::key(writes->id, entry.first);
    const QString value = entry.second;
    store::SecretStore *secrets = writes->secrets;
    QObject *context = writes->context;
    secrets->write(key, value, context, [writes](const store::SecretResult &result) {
        if (!result.ok()) {
            writes->wipe();
            const auto done = std::move(writes->done);
            writes->done = nullptr;
            if (done)
                done(writes->profileError, result);
            return;
        }
        ++writes->next;
        writeNext(writes);
    });
}

} // namespace zaw::zoho
