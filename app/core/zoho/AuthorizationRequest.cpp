// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/AuthorizationRequest.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace zaw::zoho {

QString clientTypeName(ClientType type)
{
    return type == ClientType::Desktop ? QStringLiteral("desktop") : QStringLiteral("server");
}

std::optional<ClientType> clientTypeFromName(const QString &name)
{
    if (name.compare(QLatin1String("desktop"), Qt::CaseInsensitive) == 0)
        return ClientType::Desktop;
    if (name.compare(QLatin1String("server"), Qt::CaseInsensitive) == 0)
        return ClientType::Server;
    return std::nullopt;
}

QStringList defaultScopes()
{
    return {QStringLiteral("ZohoCRM.modules.READ"),
            QStringLiteral("ZohoCRM.settings.modules.READ"),
            QStringLiteral("ZohoCRM.settings.fields.READ"),
            QStringLiteral("ZohoCRM.users.READ"),
            QStringLiteral("ZohoCRM.org.READ"),
            QStringLiteral("ZohoCRM.coql.READ"),
            QStringLiteral("ZohoCRM.bulk.READ")};
}

QStringList parseScopes(const QString &text)
{
    QStringList out;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        bool seen = false;
        for (const QString &o : std::as_const(out))
            seen = seen || o.compare(p, Qt::CaseInsensitive) == 0;
        if (!seen)
            out << p;
    }
    return out;
}

bool isValidScopeName(const QString &scope)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z]+(\\.[A-Za-z0-9_]+){1,3}$"));
    return re.match(scope).hasMatch();
}

AuthorizationRequest::AuthorizationRequest(const QUrl &accountsBase, const QString &clientId,
                                           const QString &redirectUri, const QStringList &scopes, ClientType clientType)
    : m_accountsBase(accountsBase)
    , m_clientId(clientId)
    , m_redirectUri(redirectUri)
    , m_scopes(scopes)
    , m_clientType(clientType)
    , m_state(randomUrlSafe(16)) // 128 bits
    , m_codeVerifier(clientType == ClientType::Desktop ? randomUrlSafe(32) : QString())
{}

QUrl AuthorizationRequest::url() const
{
    QUrl url = Endpoints::join(m_accountsBase, QStringLiteral("/oauth/v2/auth"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), m_clientId);
    // Zoho separates scopes with commas, not spaces (reference §2, §7).
    q.addQueryItem(QStringLiteral("scope"), m_scopes.join(QLatin1Char(',')));
    q.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri);
    // offline + consent: without prompt=consent a user who consented before gets no refresh token.
    q.addQueryItem(QStringLiteral("access_type"), QStringLiteral("offline"));
    q.addQueryItem(QStringLiteral("prompt"), QStringLiteral("consent"));
    q.addQueryItem(QStringLiteral("state"), m_state);
    if (!m_codeVerifier.isEmpty()) {
        q.addQueryItem(QStringLiteral("code_challenge"), codeChallenge());
        // Zoho's default method is "plain": always say S256.
        q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    }
    // Encode everything that is not unreserved so the redirect URI and commas survive intact.
    QString query;
    for (const auto &item : q.queryItems(QUrl::FullyDecoded)) {
        if (!query.isEmpty())
            query += QLatin1Char('&');
        query += QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=') +
                 QString::fromLatin1(QUrl::toPercentEncoding(item.second));
    }
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

QString AuthorizationRequest::codeChallenge() const
{
    return m_codeVerifier.isEmpty() ? QString() : s256(m_codeVerifier);
}

QString AuthorizationRequest::randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    auto *gen = QRandomGenerator::system();
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(gen->bounded(256));
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString AuthorizationRequest::s256(const QString &verifier)
{
    const QByteArray hash = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace zaw::zoho
