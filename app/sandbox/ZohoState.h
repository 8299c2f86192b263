// SPDX-License-Identifier: GPL-3.0-or-later
// The state the Zoho APIs of the sandbox share: the demo client, consent transactions, grant codes,
// refresh and access tokens with Zoho's limits, CRM page cursors and the seeded orgs. Accounts
// (ZohoAccountsService.cpp), tokens (ZohoTokenService.cpp) and CRM (ZohoCrmService.cpp) each
// define their handlers in their own file.
#pragma once

#include "SandboxHttp.h"
#include "ZohoSeed.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <optional>

namespace zaw::sandbox::zoho {

using zohoseed::Module;
using zohoseed::OrgData;
using zohoseed::SeedOrg;
using zohoseed::SeedUser;

const QString kDefaultRedirectUri = QStringLiteral("http://127.0.0.1:47913/callback");
const QString kClientName = QStringLiteral("Zoho AEP Wizard (demo client)");
const QString kDcPattern = QStringLiteral("/zoho/(us|eu|in|au|cn|jp|ca|sa)");
const QString kApiPattern = QStringLiteral("(api|sandbox-api|developer-api)");

// Zoho's token limits (reference §4.2); all of them are off with relaxedLimits.
const qint64 kLimitWindowMs = 10 * 60 * 1000;
const int kMaxCodesPerWindow = 10;
const int kMaxMintsPerWindow = 10;
const int kMaxActiveAccessTokens = 15;
const int kMaxRefreshTokens = 20;

const qint64 kTransactionLifetimeMs = 30 * 60 * 1000;
const qint64 kPageTokenLifetimeMs = 24 * 3600 * 1000;
const int kMaxFields = 50;
const int kMaxPerPage = 200;
const int kDiscreteLimit = 2000;
const int kPageTokenLimit = 100000;

QString environmentOfPrefix(const QString &prefix);
QString prefixOfEnvironment(const QString &environment);
QString newToken();
QString newClientId();
QString normalizedUri(const QString &uri);
QJsonArray toJsonArray(const QStringList &list);
QStringList toStringList(const QJsonValue &value);
QJsonArray toJsonArray(const QList<qint64> &list);
QList<qint64> toMsList(const QJsonValue &value);
qint64 toMs(const QJsonValue &value);
QString base64UrlNoPadding(const QByteArray &data);
bool isValidScope(const QString &scope);
QString describeOperation(const QString &op);
QString describeScope(const QString &scope);
QString htmlPage(const QString &title, const QString &body);
QString environmentLabel(const QString &environment);
Response crmError(int status, const QString &code, const QString &message, const QJsonObject &details = {});
Response invalidData(const QString &param, const QJsonArray &supported = {});
Response invalidUrl();
Response tokenError(const QString &error);
std::optional<int> parseInt(const QString &text);

struct ZohoState
{
    struct Transaction
    {
        QString dc;
        QString redirectUri;
        QStringList scopes;
        QString state;
        bool hasState = false;
        QString challenge;
        QString challengeMethod;
        QString accessType;
        QString prompt;
        qint64 expiresMs = 0;
    };

    struct GrantCode
    {
        QString clientId;
        QString redirectUri;
        QStringList scopes;
        QString login;
        QString orgId;
        QString environment;
        QString dc; // the user's home DC: the only place the code can be exchanged
        QString challenge;
        QString challengeMethod;
        QString accessType;
        QString prompt;
        bool issueRefreshToken = false;
        qint64 expiresMs = 0;
    };

    struct RefreshToken
    {
        QString clientId;
        QString login;
        QString orgId;
        QString environment;
        QString dc;
        QStringList scopes;
        qint64 serial = 0;
        qint64 createdMs = 0;
        QList<qint64> mintsMs; // refresh grants inside the rolling window
    };

    struct AccessToken
    {
        QString clientId;
        QString login;
        QString orgId;
        QString environment;
        QString dc;
        QStringList scopes;
        QString refreshToken; // empty for online access
        qint64 serial = 0;
        qint64 expiresMs = 0;
    };

    struct PageCursor
    {
        QString orgId;
        QString binding;
        int offset = 0;
        qint64 expiresMs = 0;
    };

    // What a CRM request resolved to before any token is looked at.
    enum class CrmRoute { Users, Org, Modules, Module, Fields, Records, Coql, Deleted, Count };
    SandboxContext *context = nullptr;
    QString clientId;
    QString clientSecret;
    QStringList extraRedirectUris;
    QSet<QString> consents; // clientId|login of users who consented before
    QList<qint64> codeLogMs;
    qint64 serial = 0;
    QHash<QString, Transaction> transactions;
    QHash<QString, GrantCode> codes;
    QHash<QString, RefreshToken> refreshTokens;
    QHash<QString, AccessToken> accessTokens;
    QHash<QString, PageCursor> cursors;
    QList<SeedUser> users;
    QHash<QString, OrgData> orgs; // by org id
    // Every POST /_sandbox/zoho/change that succeeded, in order: the seed is rebuilt on load and
    // these are replayed, so the state file holds only the changes, not the records.
    QJsonArray changeLog;

    // Each API registers its routes from its own file.
    void registerAccountsRoutes(Router &router);
    void registerTokenRoutes(Router &router);
    void registerCrmRoutes(Router &router);
    void registerChangeRoutes(Router &router);

    static qint64 nowMs() { return SandboxContext::now().toMSecsSinceEpoch(); }

    const SeedUser *userByLogin(const QString &login) const;
    bool isRegisteredRedirect(const QString &uri) const;
    QString accountsUrl(const QString &dc) const;
    QString apiDomain(const QString &dc, const QString &environment) const;
    static void pruneWindow(QList<qint64> &log, qint64 now);

    // ---- Accounts: consent pages ------------------------------------------------------------

    Response errorPage(const QString &title, const QString &message, int status = 400) const;
    Response loginPage(const QString &action, const QString &tx, const QString &login, const QString &error) const;

    Response consentPage(const QString &action, const QString &tx, const Transaction &t, const SeedUser &user,
                         const QString &error) const;
    QUrl redirectWith(const QString &redirectUri, const QList<QPair<QString, QString>> &params) const;
    Response denyRedirect(const Transaction &t) const;
    Response authGet(const Request &r);
    Response authPost(const Request &r);

    // ---- Accounts: tokens -------------------------------------------------------------------

    static QHash<QString, QString> tokenParameters(const Request &r);
    void removeAccessTokensOf(const QString &refreshToken);

    QString mintAccessToken(const QString &login, const QString &orgId, const QString &environment, const QString &dc,
                            const QStringList &scopes, const QString &refreshToken);
    QString createRefreshToken(const GrantCode &code);
    static bool verifierMatches(const GrantCode &code, const QString &verifier);
    Response authorizationCodeGrant(const QString &dc, const QHash<QString, QString> &params);
    Response refreshTokenGrant(const QString &dc, const QHash<QString, QString> &params);
    Response token(const Request &r);
    Response revoke(const Request &r);
    Response serverInfo(const Request &) const;

    // ---- CRM --------------------------------------------------------------------------------

    std::optional<Response> authenticate(const Request &r, const QString &dc, const QString &environment,
                                         AccessToken *out) const;
    static bool hasAnyScope(const QStringList &granted, const QStringList &accepted);
    static QStringList readScopes(const QString &stem);
    Response crm(const Request &r);
    Response crmUsers(const Request &r, const OrgData &org, const QString &userId) const;
    Response crmModules(const OrgData &org) const;
    Response crmModule(const OrgData &org, const QString &apiName) const;
    Response crmFields(const Request &r, const OrgData &org) const;
    static Response apiNotSupported(const Module &module);
    Response crmRecords(const Request &r, const OrgData &org, const Module &module);
    static QStringList moduleReadScopes(const Module *module);
    Response crmCoql(const Request &r, const OrgData &org, const AccessToken &token) const;
    Response crmDeleted(const Request &r, const OrgData &org, const Module &module) const;

    // ---- control: POST /_sandbox/zoho/change ------------------------------------------------

    Response change(const Request &r);
    // Applies one change (its org already resolved into "orgId") at `atMs`; answers the HTTP
    // status and fills ids, or the status and an error message.
    int applyChange(const QJsonObject &change, qint64 atMs, QJsonArray *ids, QString *error);
    void rebuildOrgs();
    void replayChanges(const QJsonArray &log);

    // ---- Bulk Read (ZohoBulkService.cpp) and record count ------------------------------------

    struct BulkQuery
    {
        QString orgId;
        QString module;
        QStringList fields;   // as requested (id is always the first CSV column)
        QJsonObject criteria; // as sent, validated
        int page = 1;
    };
    struct BulkJob
    {
        BulkQuery query;
        QJsonObject createdBy;
        qint64 createdMs = 0;
        qint64 count = 0;
        bool moreRecords = false;
        QString nextPageToken;
        QStringList ids; // the snapshot taken at creation (not persisted: recomputed after a restart)
    };
    struct BulkPageToken
    {
        BulkQuery query;
        qint64 expiresMs = 0;
    };
    QHash<QString, BulkJob> bulkJobs;
    QHash<QString, BulkPageToken> bulkTokens;
    QHash<QString, QList<qint64>> bulkDownloadsMs; // per org, the last minute

    void registerBulkRoutes(Router &router);
    Response bulkRead(const Request &r);
    Response crmCount(const OrgData &org, const Module &module) const;
    QStringList bulkSelect(const BulkQuery &query, qint64 *total) const;
    QJsonObject saveBulkState() const;
    void loadBulkState(const QJsonObject &state);

    // ---- persistence ------------------------------------------------------------------------

    static QJsonObject codeToJson(const QString &text, const GrantCode &c);
    static GrantCode codeFromJson(const QJsonObject &o);
    static QJsonObject refreshToJson(const QString &text, const RefreshToken &t);
    static RefreshToken refreshFromJson(const QJsonObject &o);
    static QJsonObject accessToJson(const QString &text, const AccessToken &t);
    static AccessToken accessFromJson(const QJsonObject &o);
};

} // namespace zaw::sandbox::zoho
