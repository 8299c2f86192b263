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
    return m_matcher && m_matcher->targetsRedirectUri(url);
}

RedirectResult ZohoSignInFlow::match(const QUrl &url) const
{
    return m_matcher ? m_matcher->match(url) : RedirectResult();
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
    if (result.kind != RedirectResult::Kind::Granted) {
        emit failed(result.problem);
        return;
    }
    m_busy = true;
    m_attempt = std::make_unique<QObject>();
    emit progress(tr("Exchanging the grant code at %1…").arg(result.accountsServer.host()));
    m_auth.exchange(result, m_request->redirectUri(), m_request->codeVerifier(), &m_session, m_attempt.get(),
                    [this](const net::Error &error) {
                        if (error) {
                            fail(error);
                            return;
                        }
                        verify();
                    });
}

void ZohoSignInFlow::verify()
{
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

    const QString id = profile->id;
    const QJsonObject access{{QStringLiteral("token"), m_session.accessToken},
                             {QStringLiteral("expiresAt"), m_session.accessExpiresAt.toString(Qt::ISODate)}};
    const QList<QPair<QString, QString>> entries{
        {QString::fromLatin1(store::SecretName::ZohoClientSecret), m_session.clientSecret},
        {QString::fromLatin1(store::SecretName::ZohoRefreshToken), m_session.refreshToken},
        {QString::fromLatin1(store::SecretName::ZohoAccessToken),
         QString::fromUtf8(QJsonDocument(access).toJson(QJsonDocument::Compact))}};
    // Written one after another; the first failure is reported and the rest skipped.
    auto writeNext = std::make_shared<std::function<void(int)>>();
    *writeNext = [=](int index) {
        if (index >= entries.size()) {
            done(profileError, store::SecretResult::success());
            return;
        }
        secrets->write(store::SecretStore::key(id, entries[index].first), entries[index].second, context,
                       [=](const store::SecretResult &result) {
                           if (!result.ok()) {
                               done(profileError, result);
                               return;
                           }
                           (*writeNext)(index + 1);
                       });
    };
    (*writeNext)(0);
}

} // namespace zaw::zoho
