// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho CRM v8: users, org, modules, fields and records, with scopes and page tokens.
#include "ZohoState.h"

namespace zaw::sandbox::zoho {

void ZohoState::registerCrmRoutes(Router &router)
{
    const QString api = kDcPattern + QLatin1Char('/') + kApiPattern;
    registerBulkRoutes(router); // before the catch-all below
    for (const QByteArray &method :
         {QByteArray("GET"), QByteArray("POST"), QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE")}) {
        router.add(method, api + QStringLiteral("/crm/v8/(.*)"), [this](const Request &r) { return crm(r); });
        router.add(method, api + QStringLiteral("(?:/.*)?"), [](const Request &) { return invalidUrl(); });
    }
}

// Answers an error response, or nothing when the request carries a live token of this DC
// and environment.
std::optional<Response> ZohoState::authenticate(const Request &r, const QString &dc, const QString &environment,
                                                AccessToken *out) const
{
    const QByteArray header = r.header("authorization").trimmed();
    const int space = header.indexOf(' ');
    const QByteArray scheme = space > 0 ? header.left(space) : QByteArray();
    const QString value = space > 0 ? QString::fromLatin1(header.mid(space + 1).trimmed()) : QString();
    const bool knownScheme = scheme.compare("Zoho-oauthtoken", Qt::CaseInsensitive) == 0 ||
                             scheme.compare("Bearer", Qt::CaseInsensitive) == 0;
    if (!knownScheme || value.isEmpty())
        return crmError(401, QStringLiteral("AUTHENTICATION_FAILURE"), QStringLiteral("Authentication failed"));
    const auto it = accessTokens.constFind(value);
    // Tokens belong to one DC and one environment; anywhere else they are just unknown.
    if (it == accessTokens.constEnd() || it->expiresMs <= nowMs() || it->dc != dc || it->environment != environment)
        return crmError(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("invalid oauth token"));
    *out = it.value();
    return std::nullopt;
}

bool ZohoState::hasAnyScope(const QStringList &granted, const QStringList &accepted)
{
    for (const QString &scope : granted) {
        if (accepted.contains(scope.toLower()))
            return true;
    }
    return false;
}

QStringList ZohoState::readScopes(const QString &stem)
{
    return {stem + QStringLiteral(".read"), stem + QStringLiteral(".all")};
}

Response ZohoState::crm(const Request &r)
{
    const QString dc = r.capture(1);
    const QString environment = environmentOfPrefix(r.capture(2));
    const QStringList segments = r.capture(3).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return invalidUrl();

    CrmRoute route;
    const QString first = segments.first();
    if (first == QLatin1String("users") && segments.size() <= 2)
        route = CrmRoute::Users;
    else if (first == QLatin1String("org") && segments.size() == 1)
        route = CrmRoute::Org;
    else if (first == QLatin1String("settings") && segments.size() == 2 && segments.at(1) == QLatin1String("modules"))
        route = CrmRoute::Modules;
    else if (first == QLatin1String("settings") && segments.size() == 3 && segments.at(1) == QLatin1String("modules"))
        route = CrmRoute::Module;
    else if (first == QLatin1String("settings") && segments.size() == 2 && segments.at(1) == QLatin1String("fields"))
        route = CrmRoute::Fields;
    else if (first == QLatin1String("coql") && segments.size() == 1)
        route = CrmRoute::Coql;
    else if (segments.size() == 1 && first != QLatin1String("settings") && first != QLatin1String("bulk"))
        route = CrmRoute::Records;
    else if (segments.size() == 3 && segments.at(1) == QLatin1String("actions") &&
             segments.at(2) == QLatin1String("count") && first != QLatin1String("settings"))
        route = CrmRoute::Count;
    else if (segments.size() == 2 && segments.at(1) == QLatin1String("deleted") && first != QLatin1String("settings") &&
             first != QLatin1String("coql") && first != QLatin1String("bulk"))
        route = CrmRoute::Deleted;
    else
        return invalidUrl();

    AccessToken token;
    if (auto failure = authenticate(r, dc, environment, &token))
        return *failure;
    if (r.method != (route == CrmRoute::Coql ? "POST" : "GET")) {
        return crmError(400, QStringLiteral("INVALID_REQUEST_METHOD"),
                        QStringLiteral("The http request method type is not a valid one"));
    }

    const auto orgIt = orgs.constFind(token.orgId);
    if (orgIt == orgs.constEnd()) // a token saved by an older seed
        return crmError(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("invalid oauth token"));
    const OrgData &org = orgIt.value();
    const QStringList settingsScopes = readScopes(QStringLiteral("zohocrm.settings"));
    QStringList accepted;
    const Module *module = nullptr;
    switch (route) {
    case CrmRoute::Users:
        accepted = readScopes(QStringLiteral("zohocrm.users"));
        break;
    case CrmRoute::Org:
        accepted = readScopes(QStringLiteral("zohocrm.org"));
        break;
    case CrmRoute::Modules:
    case CrmRoute::Module:
        accepted = settingsScopes + readScopes(QStringLiteral("zohocrm.settings.modules"));
        break;
    case CrmRoute::Fields:
        accepted = settingsScopes + readScopes(QStringLiteral("zohocrm.settings.fields"));
        break;
    case CrmRoute::Records:
    case CrmRoute::Deleted:
    case CrmRoute::Count:
        module = org.module(first);
        accepted = moduleReadScopes(module);
        break;
    case CrmRoute::Coql:
        // The module's read scope is checked once the query names it.
        accepted = {QStringLiteral("zohocrm.coql.read")};
        break;
    }
    if (!hasAnyScope(token.scopes, accepted)) {
        return crmError(401, QStringLiteral("OAUTH_SCOPE_MISMATCH"),
                        QStringLiteral("invalid oauth scope to access this URL"));
    }
    const SeedUser *user = userByLogin(token.login);
    if (!user || !user->apiAccess) {
        return crmError(
            403, QStringLiteral("NO_PERMISSION"), QStringLiteral("permission denied"),
            QJsonObject{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("Crm_Implied_Api_Access")}}});
    }

    switch (route) {
    case CrmRoute::Users:
        return crmUsers(r, org, segments.value(1));
    case CrmRoute::Org:
        return Response::json(QJsonObject{{QStringLiteral("org"), QJsonArray{org.orgJson}}});
    case CrmRoute::Modules:
        return crmModules(org);
    case CrmRoute::Module:
        return crmModule(org, segments.at(2));
    case CrmRoute::Fields:
        return crmFields(r, org);
    case CrmRoute::Records:
        if (!module) {
            return crmError(400, QStringLiteral("INVALID_MODULE"),
                            QStringLiteral("the module name given seems to be invalid"),
                            QJsonObject{{QStringLiteral("resource_path_index"), 0}});
        }
        return crmRecords(r, org, *module);
    case CrmRoute::Deleted:
        if (!module) {
            return crmError(400, QStringLiteral("INVALID_MODULE"),
                            QStringLiteral("the module name given seems to be invalid"),
                            QJsonObject{{QStringLiteral("resource_path_index"), 0}});
        }
        return crmDeleted(r, org, *module);
    case CrmRoute::Coql:
        return crmCoql(r, org, token);
    case CrmRoute::Count:
        if (!module) {
            return crmError(400, QStringLiteral("INVALID_MODULE"),
                            QStringLiteral("the module name given seems to be invalid"),
                            QJsonObject{{QStringLiteral("resource_path_index"), 0}});
        }
        return crmCount(org, *module);
    }
    return invalidUrl();
}

QStringList ZohoState::moduleReadScopes(const Module *module)
{
    QStringList accepted = readScopes(QStringLiteral("zohocrm.modules"));
    if (module) {
        accepted += readScopes(QStringLiteral("zohocrm.modules.") + module->apiName.toLower());
        if (module->usesCustomScope())
            accepted += readScopes(QStringLiteral("zohocrm.modules.custom"));
    }
    return accepted;
}

Response ZohoState::crmUsers(const Request &r, const OrgData &org, const QString &userId) const
{
    static const QStringList listTypes = {QStringLiteral("AllUsers"),
                                          QStringLiteral("ActiveUsers"),
                                          QStringLiteral("AdminUsers"),
                                          QStringLiteral("ActiveConfirmedUsers"),
                                          QStringLiteral("ActiveConfirmedAdmins"),
                                          QStringLiteral("ConfirmedUsers"),
                                          QStringLiteral("AllActiveUsers"),
                                          QStringLiteral("ActiveAndDeactive")};
    static const QStringList emptyTypes = {
        QStringLiteral("DeactiveUsers"),          QStringLiteral("DeletedUsers"),
        QStringLiteral("NotConfirmedUsers"),      QStringLiteral("DeveloperUsers"),
        QStringLiteral("ActiveLiteUser"),         QStringLiteral("ChildRoleUsers"),
        QStringLiteral("ParentRoleUsers"),        QStringLiteral("SubordinateRoleUsers"),
        QStringLiteral("ConfirmedReportingUsers")};
    QJsonArray selected;
    if (!userId.isEmpty()) {
        for (const QJsonValue &u : org.users) {
            if (u.toObject().value(QStringLiteral("id")).toString() == userId)
                selected.append(u);
        }
    } else {
        const QString type = r.queryValue(QStringLiteral("type"));
        if (type == QLatin1String("CurrentUser")) {
            selected.append(org.currentUser());
        } else if (type.isEmpty() || listTypes.contains(type)) {
            for (const QJsonValue &u : org.users) {
                if (type != QLatin1String("AdminUsers") && type != QLatin1String("ActiveConfirmedAdmins"))
                    selected.append(u);
                else if (u.toObject()
                             .value(QStringLiteral("profile"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString() == QLatin1String("Administrator"))
                    selected.append(u);
            }
        } else if (!emptyTypes.contains(type)) {
            return invalidData(QStringLiteral("type"),
                               toJsonArray(QStringList{QStringLiteral("CurrentUser")} + listTypes + emptyTypes));
        }
    }
    if (selected.isEmpty())
        return Response::empty(204);
    return Response::json(QJsonObject{{QStringLiteral("users"), selected},
                                      {QStringLiteral("info"), QJsonObject{{QStringLiteral("per_page"), kMaxPerPage},
                                                                           {QStringLiteral("count"), selected.size()},
                                                                           {QStringLiteral("page"), 1},
                                                                           {QStringLiteral("more_records"), false}}}});
}

Response ZohoState::crmModules(const OrgData &org) const
{
    QJsonArray modules;
    for (const Module &m : org.modules)
        modules.append(m.metadata);
    return Response::json(QJsonObject{{QStringLiteral("modules"), modules}});
}

Response ZohoState::crmModule(const OrgData &org, const QString &apiName) const
{
    const Module *module = org.module(apiName);
    if (!module) {
        return crmError(400, QStringLiteral("INVALID_MODULE"),
                        QStringLiteral("the module name given seems to be invalid"),
                        QJsonObject{{QStringLiteral("resource_path_index"), 2}});
    }
    return Response::json(QJsonObject{{QStringLiteral("modules"), QJsonArray{module->metadata}}});
}

Response ZohoState::crmFields(const Request &r, const OrgData &org) const
{
    const QString name = r.queryValue(QStringLiteral("module"));
    if (name.isEmpty()) {
        return crmError(400, QStringLiteral("REQUIRED_PARAM_MISSING"),
                        QStringLiteral("One of the expected parameter is missing"),
                        QJsonObject{{QStringLiteral("param_name"), QStringLiteral("module")}});
    }
    const Module *module = org.module(name);
    if (!module) {
        return crmError(400, QStringLiteral("INVALID_MODULE"),
                        QStringLiteral("the module name given seems to be invalid"),
                        QJsonObject{{QStringLiteral("param_name"), QStringLiteral("module")}});
    }
    if (!module->apiSupported())
        return apiNotSupported(*module);
    return Response::json(QJsonObject{{QStringLiteral("fields"), module->fields}});
}

Response ZohoState::apiNotSupported(const Module &module)
{
    return crmError(400, QStringLiteral("API_NOT_SUPPORTED"), QStringLiteral("the module is not supported in the API"),
                    QJsonObject{{QStringLiteral("api_name"), module.apiName}});
}

Response ZohoState::crmRecords(const Request &r, const OrgData &org, const Module &module)
{
    if (!module.apiSupported())
        return apiNotSupported(module);

    QStringList fields;
    for (const QString &part : r.queryValue(QStringLiteral("fields")).split(QLatin1Char(','))) {
        const QString name = part.trimmed();
        if (!name.isEmpty() && !fields.contains(name))
            fields.append(name);
    }
    if (fields.isEmpty()) {
        return crmError(400, QStringLiteral("REQUIRED_PARAM_MISSING"),
                        QStringLiteral("One of the expected parameter is missing"),
                        QJsonObject{{QStringLiteral("param_name"), QStringLiteral("fields")}});
    }
    if (fields.size() > kMaxFields) {
        return crmError(400, QStringLiteral("LIMIT_EXCEEDED"), QStringLiteral("the number of fields exceeds the limit"),
                        QJsonObject{{QStringLiteral("limit"), kMaxFields},
                                    {QStringLiteral("param_name"), QStringLiteral("fields")}});
    }

    static const QStringList sortFields = {QStringLiteral("id"), QStringLiteral("Created_Time"),
                                           QStringLiteral("Modified_Time")};
    QString sortBy = QStringLiteral("id");
    if (r.query.hasQueryItem(QStringLiteral("sort_by"))) {
        const QString wanted = r.queryValue(QStringLiteral("sort_by"));
        sortBy.clear();
        for (const QString &candidate : sortFields) {
            if (candidate.compare(wanted, Qt::CaseInsensitive) == 0)
                sortBy = candidate;
        }
        if (sortBy.isEmpty())
            return invalidData(QStringLiteral("sort_by"), toJsonArray(sortFields));
    }
    QString sortOrder = QStringLiteral("desc");
    if (r.query.hasQueryItem(QStringLiteral("sort_order"))) {
        sortOrder = r.queryValue(QStringLiteral("sort_order")).toLower();
        if (sortOrder != QLatin1String("asc") && sortOrder != QLatin1String("desc"))
            return invalidData(QStringLiteral("sort_order"), QJsonArray{QStringLiteral("asc"), QStringLiteral("desc")});
    }
    int perPage = kMaxPerPage;
    if (r.query.hasQueryItem(QStringLiteral("per_page"))) {
        const auto value = parseInt(r.queryValue(QStringLiteral("per_page")));
        if (!value || *value < 1 || *value > kMaxPerPage)
            return invalidData(QStringLiteral("per_page"));
        perPage = *value;
    }
    std::optional<qint64> modifiedSince;
    if (r.hasHeader("if-modified-since")) {
        const QString text = QString::fromLatin1(r.header("if-modified-since")).trimmed();
        QDateTime since = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!since.isValid())
            since = QDateTime::fromString(text, Qt::RFC2822Date);
        if (!since.isValid())
            return invalidData(QStringLiteral("If-Modified-Since"));
        modifiedSince = since.toMSecsSinceEpoch();
    }

    QStringList boundFields = fields;
    boundFields.sort();
    const QString binding = QStringList{module.apiName, boundFields.join(QLatin1Char(',')), sortBy, sortOrder,
                                        modifiedSince ? QString::number(*modifiedSince) : QString()}
                                .join(QLatin1Char('|'));
    const qint64 now = nowMs();
    int offset = 0;
    int page = 1;
    if (r.query.hasQueryItem(QStringLiteral("page_token"))) {
        const QString tokenText = r.queryValue(QStringLiteral("page_token"));
        const auto cursor = cursors.constFind(tokenText);
        if (cursor == cursors.constEnd())
            return invalidData(QStringLiteral("page_token"));
        if (cursor->expiresMs <= now) {
            return crmError(400, QStringLiteral("EXPIRED_VALUE"), QStringLiteral("the page_token has expired"),
                            QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
        }
        if (cursor->orgId != org.org.id || cursor->binding != binding) {
            return crmError(400, QStringLiteral("TOKEN_BOUND_DATA_MISMATCH"),
                            QStringLiteral("the parameters differ from those the page_token was issued for"),
                            QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
        }
        offset = cursor->offset;
        if (offset >= kPageTokenLimit) {
            return crmError(400, QStringLiteral("PAGINATION_LIMIT_EXCEEDED"),
                            QStringLiteral("You can only get upto 100000 records using page_token param"),
                            QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
        }
        page = offset / perPage + 1;
    } else {
        if (r.query.hasQueryItem(QStringLiteral("page"))) {
            const auto value = parseInt(r.queryValue(QStringLiteral("page")));
            if (!value || *value < 1)
                return invalidData(QStringLiteral("page"));
            page = *value;
        }
        if (qint64(page) * perPage > kDiscreteLimit) {
            return crmError(400, QStringLiteral("DISCRETE_PAGINATION_LIMIT_EXCEEDED"),
                            QStringLiteral("You can only get the first 2000 records without using page_token param"),
                            QJsonObject{{QStringLiteral("limit"), kDiscreteLimit}});
        }
        offset = (page - 1) * perPage;
    }

    if (module.records.isEmpty())
        return Response::empty(204);
    QList<const zohoseed::Record *> selected;
    for (const zohoseed::Record &record : module.records) {
        if (!modifiedSince || record.modifiedMs > *modifiedSince)
            selected.append(&record);
    }
    if (selected.isEmpty())
        return Response::empty(304);
    const bool ascending = sortOrder == QLatin1String("asc");
    const int sortKind = sortBy == QLatin1String("Created_Time") ? 1 : sortBy == QLatin1String("Modified_Time") ? 2 : 0;
    auto key = [sortKind](const zohoseed::Record *rec) {
        return sortKind == 1 ? rec->createdMs : sortKind == 2 ? rec->modifiedMs : qint64(0);
    };
    // Ties are broken by id so that pages never overlap or skip records; only the records up to
    // this page are put in order (100,000 Leads stay fast).
    const qsizetype needed = qMin<qsizetype>(selected.size(), qsizetype(offset) + perPage);
    std::partial_sort(selected.begin(), selected.begin() + needed, selected.end(),
                      [&](const zohoseed::Record *a, const zohoseed::Record *b) {
                          const qint64 ka = key(a);
                          const qint64 kb = key(b);
                          if (ka != kb)
                              return ascending ? ka < kb : ka > kb;
                          const qint64 ia = a->id.toLongLong();
                          const qint64 ib = b->id.toLongLong();
                          return ascending ? ia < ib : ia > ib;
                      });
    if (offset >= selected.size())
        return Response::empty(204);

    QJsonArray data;
    const int end = int(qMin<qsizetype>(selected.size(), offset + perPage));
    for (int i = offset; i < end; ++i) {
        const QJsonObject &values = selected.at(i)->values;
        QJsonObject row{{QStringLiteral("id"), values.value(QStringLiteral("id"))}};
        for (const QString &name : fields) {
            if (values.contains(name))
                row.insert(name, values.value(name));
        }
        data.append(row);
    }
    const bool more = end < selected.size();
    QJsonObject info{{QStringLiteral("per_page"), perPage},
                     {QStringLiteral("count"), data.size()},
                     {QStringLiteral("page"), page},
                     {QStringLiteral("more_records"), more},
                     {QStringLiteral("sort_by"), sortBy},
                     {QStringLiteral("sort_order"), sortOrder},
                     {QStringLiteral("next_page_token"), QJsonValue::Null},
                     {QStringLiteral("previous_page_token"), QJsonValue::Null},
                     {QStringLiteral("page_token_expiry"), QJsonValue::Null}};
    if (more) {
        for (auto it = cursors.begin(); it != cursors.end();) {
            it = it.value().expiresMs <= now ? cursors.erase(it) : std::next(it);
        }
        PageCursor cursor;
        cursor.orgId = org.org.id;
        cursor.binding = binding;
        cursor.offset = end;
        cursor.expiresMs = now + kPageTokenLifetimeMs;
        const QString tokenText = SandboxContext::randomHex(20);
        cursors.insert(tokenText, cursor);
        info.insert(QStringLiteral("next_page_token"), tokenText);
        info.insert(QStringLiteral("page_token_expiry"), zohoseed::formatDateTime(cursor.expiresMs, org.org.timeZone));
    }
    return Response::json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("info"), info}});
}

} // namespace zaw::sandbox::zoho
