// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/AdobeCredentialCheck.h"

#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "store/ProfileStore.h"

#include <QJsonObject>

namespace zaw::account {

namespace {

constexpr char kSandboxMissingMarker[] = "sandbox not listed";

} // namespace

AdobeCredentialCheck::AdobeCredentialCheck(net::HttpClient *http, const Endpoints &endpoints,
                                           adobe::AdobeSession *session, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoints(endpoints)
    , m_session(session)
{
    makeClients();
}

AdobeCredentialCheck::~AdobeCredentialCheck() = default;

void AdobeCredentialCheck::makeClients()
{
    // Fresh clients for every check: ImsClient shares one token request among all who wait for
    // it, so a check started while the last credential's request is in flight would otherwise
    // join it and list the sandboxes with the old credential's token.
    m_sandboxClient.reset();
    m_platform.reset();
    m_ims = std::make_unique<adobe::ImsClient>(m_http, m_endpoints);
    m_platform = std::make_unique<adobe::PlatformClient>(m_http, m_ims.get(), m_session, m_endpoints);
    m_sandboxClient = std::make_unique<adobe::SandboxManagementClient>(m_platform.get());
}

QList<AdobeCredentialCheck::FieldProblem>
AdobeCredentialCheck::fieldProblems(const QString &clientId, const QString &clientSecret, const QString &orgId,
                                    const QString &sandboxName, bool requireSandbox)
{
    QList<FieldProblem> out;
    // One sentence for both: they come from the same screen of the Developer Console.
    const QString credential = tr("Enter the client ID and the client secret of the credential (Developer Console → "
                                  "your project → OAuth Server-to-Server).");
    if (clientId.trimmed().isEmpty())
        out.append({Field::ClientId, credential});
    if (clientSecret.trimmed().isEmpty())
        out.append({Field::ClientSecret, credential});
    if (!orgId.trimmed().endsWith(QLatin1String("@AdobeOrg")))
        out.append({Field::OrgId, tr("Enter the organisation ID of the project; it ends with @AdobeOrg.")});
    if (requireSandbox && sandboxName.trimmed().isEmpty())
        out.append({Field::Sandbox, tr("Name the sandbox the data goes to, for example prod.")});
    return out;
}

void AdobeCredentialCheck::check(const QString &clientId, const QString &clientSecret, const QString &orgId,
                                 const QString &sandboxName)
{
    cancel();
    m_sandboxes.clear();
    m_session->clientId = clientId.trimmed();
    m_session->clientSecret = clientSecret.trimmed();
    m_session->orgId = orgId.trimmed();
    m_session->sandboxName = sandboxName.trimmed().toLower();
    m_session->clearToken();
    makeClients();
    m_busy = true;
    m_attempt = new QObject(this);
    const QString wanted = m_session->sandboxName;
    // The sandbox list needs a token, so a wrong client or secret is answered by IMS here.
    m_sandboxClient->list(m_attempt, [this, wanted](const QList<adobe::SandboxInfo> &list, const net::Error &error) {
        finishAttempt();
        if (error) {
            emit failed(error);
            return;
        }
        m_sandboxes = list;
        if (!wanted.isEmpty() && !sandbox(wanted)) {
            QStringList names;
            for (const adobe::SandboxInfo &s : list)
                names << s.name;
            emit failed(net::Error::make(net::ErrorCategory::Input,
                                         tr("The organisation has no sandbox named \"%1\". Its sandboxes: %2.")
                                             .arg(wanted, names.join(QStringLiteral(", "))),
                                         QString::fromLatin1(kSandboxMissingMarker)));
            return;
        }
        emit checked(list);
    });
}

void AdobeCredentialCheck::store(store::ProfileStore *profiles, store::SecretStore *secrets, store::Profile *profile,
                                 const QString &sandboxName)
{
    const std::optional<adobe::SandboxInfo> chosen = sandbox(sandboxName.trimmed().toLower());
    if (!chosen) {
        emit failed(net::Error::make(net::ErrorCategory::Input,
                                     tr("Check the credential first and pick one of the sandboxes it lists.")));
        return;
    }
    m_session->sandboxName = chosen->name;
    profile->adobe = QJsonObject{{QStringLiteral("clientId"), m_session->clientId},
                                 {QStringLiteral("orgId"), m_session->orgId},
                                 {QStringLiteral("sandbox"), m_session->sandboxName}};
    QString error;
    if (!profiles->save(*profile, &error)) {
        emit failed(net::Error::make(net::ErrorCategory::Input, error));
        return;
    }
    cancel();
    m_busy = true;
    m_attempt = new QObject(this);
    const adobe::SandboxInfo info = *chosen;
    secrets->write(store::SecretStore::key(profile->id, QString::fromLatin1(store::SecretName::AdobeClientSecret)),
                   m_session->clientSecret, m_attempt, [this, info](const store::SecretResult &result) {
                       finishAttempt();
                       emit stored(info, result);
                   });
}

void AdobeCredentialCheck::cancel()
{
    delete m_attempt;
    m_busy = false;
}

int AdobeCredentialCheck::preferredIndex() const
{
    for (int i = 0; i < m_sandboxes.size(); ++i) {
        if (m_sandboxes.at(i).isDefault)
            return i;
    }
    return m_sandboxes.isEmpty() ? -1 : 0;
}

std::optional<adobe::SandboxInfo> AdobeCredentialCheck::sandbox(const QString &name) const
{
    for (const adobe::SandboxInfo &s : m_sandboxes) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

bool AdobeCredentialCheck::isSandboxMissing(const net::Error &error)
{
    return error.detail == QLatin1String(kSandboxMissingMarker);
}

QString AdobeCredentialCheck::imsTokenUrl(const Endpoints &endpoints)
{
    return Endpoints::join(endpoints.ims(), QStringLiteral("/ims/token/v3")).toString();
}

QStringList AdobeCredentialCheck::imsScopes()
{
    return adobe::ImsClient::defaultScopes();
}

void AdobeCredentialCheck::finishAttempt()
{
    // Called from inside the answer, whose context the attempt is: deleted once the call unwound.
    if (m_attempt)
        m_attempt->deleteLater();
    m_attempt = nullptr;
    m_busy = false;
}

} // namespace zaw::account
