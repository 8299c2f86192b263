// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZohoCrmClient.h"

#include "endpoints/Endpoints.h"
#include "net/HttpClient.h"
#include "net/Redaction.h"

#include <QJsonDocument>
#include <QPointer>

namespace zaw::zoho {

ZohoCrmClient::ZohoCrmClient(net::HttpClient *http, ZohoAuthClient *auth, ZohoSession *session, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_auth(auth)
    , m_session(session)
{}

namespace {

// "/crm/v8/coql" and "/coql" alike → "/coql"; bulk paths stay whole.
QString crmRelative(const QString &path)
{
    if (path.startsWith(QLatin1String("/crm/v8/")))
        return path.mid(7);
    return path;
}

QString crmFull(const QString &path)
{
    if (path.startsWith(QLatin1String("/crm/")))
        return path;
    return QStringLiteral("/crm/v8") + path;
}

} // namespace

QString ZohoCrmClient::scopeFor(const QString &fullOrRelativePath)
{
    const QString path = crmRelative(fullOrRelativePath);
    if (path.startsWith(QLatin1String("/crm/bulk")) || path.startsWith(QLatin1String("/bulk")))
        return QStringLiteral("ZohoCRM.bulk.READ");
    if (path.startsWith(QLatin1String("/users")))
        return QStringLiteral("ZohoCRM.users.READ");
    if (path.startsWith(QLatin1String("/org")))
        return QStringLiteral("ZohoCRM.org.READ");
    if (path.startsWith(QLatin1String("/settings/modules")))
        return QStringLiteral("ZohoCRM.settings.modules.READ");
    if (path.startsWith(QLatin1String("/settings/fields")))
        return QStringLiteral("ZohoCRM.settings.fields.READ");
    if (path.startsWith(QLatin1String("/coql")))
        return QStringLiteral("ZohoCRM.coql.READ");
    return QStringLiteral("ZohoCRM.modules.READ");
}

net::Error ZohoCrmClient::crmError(const net::HttpResponse &response, const QString &path)
{
    const QJsonObject body = response.object();
    const QString code = body.value(QStringLiteral("code")).toString();
    net::Error e = net::HttpClient::errorForStatus(response, QUrl());
    e.code = code;
    const QString zohoMessage = body.value(QStringLiteral("message")).toString();
    const QJsonObject details = body.value(QStringLiteral("details")).toObject();
    e.detail = QStringLiteral("%1: %2").arg(crmFull(path), zohoMessage);
    if (!details.isEmpty())
        e.detail += QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    using net::ErrorCategory;
    if (code == QLatin1String("INVALID_TOKEN") || code == QLatin1String("AUTHENTICATION_FAILURE") ||
        code == QLatin1String("AUTHENTICATION_FAILED")) {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("Zoho CRM no longer accepts this connection's sign-in (it may have been revoked, or belong to "
                       "another data centre or environment). Sign in to Zoho again.");
    } else if (code == QLatin1String("OAUTH_SCOPE_MISMATCH")) {
        e.category = ErrorCategory::Permission;
        e.message = tr("The Zoho sign-in does not include the permission this step needs. Sign in again granting: "
                       "%1.")
                        .arg(scopeFor(path));
    } else if (code == QLatin1String("NO_PERMISSION")) {
        e.category = ErrorCategory::Permission;
        const QJsonArray perms = details.value(QStringLiteral("permissions")).toArray();
        QStringList names;
        for (const QJsonValue &p : perms)
            names << p.toString();
        e.message =
            tr("Your permission profile in Zoho CRM is not allowed to use the API. Ask your Zoho administrator to "
               "enable "
               "\"Zoho CRM API Access\" for your profile (Setup → Users and Control → Security Control → "
               "Profiles)%1.")
                .arg(names.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(names.join(QStringLiteral(", "))));
    } else if (code == QLatin1String("FEATURE_NOT_ENABLED") || code == QLatin1String("FEATURE_NOT_SUPPORTED") ||
               code == QLatin1String("API_NOT_SUPPORTED")) {
        e.category = ErrorCategory::Permission;
        e.message = tr("Your Zoho CRM edition does not offer this feature (%1).").arg(code);
    } else if (code == QLatin1String("TOO_MANY_REQUESTS") || response.status == 429) {
        e.category = ErrorCategory::RateLimit;
        const QByteArray retryAfter = response.header("Retry-After");
        bool seconds = false;
        const int wait = retryAfter.trimmed().toInt(&seconds);
        if (seconds && wait > 0)
            e.message = tr("Zoho CRM is receiving too many requests from your organisation (API credits or "
                           "concurrent calls used up). Wait %n second(s) and try again.",
                           nullptr, wait);
        else
            e.message = tr("Your Zoho CRM organisation has used up its API credits or concurrent calls for now. "
                           "Wait a few minutes and try again.");
    } else if (code == QLatin1String("INVALID_MODULE") || code == QLatin1String("MODULE_NOT_SUPPORTED")) {
        e.category = ErrorCategory::Input;
        e.message = tr("Zoho CRM does not know this module, or your permission profile in Zoho CRM cannot see it.");
    } else if (code == QLatin1String("SYNTAX_ERROR") || code == QLatin1String("INVALID_QUERY") ||
               code == QLatin1String("LIMIT_EXCEEDED") || code == QLatin1String("INVALID_ALIAS") ||
               code == QLatin1String("DUPLICATE_ALIAS") || code == QLatin1String("DUPLICATE_DATA")) {
        e.category = ErrorCategory::Input;
        QStringList where;
        for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
            const QJsonValue v = it.value();
            where << QStringLiteral("%1 %2").arg(it.key(), v.isString() ? v.toString()
                                                                        : QString::number(v.toVariant().toLongLong()));
        }
        const QString what = where.isEmpty() ? QString() : QStringLiteral("; ") + where.join(QStringLiteral(", "));
        if (code == QLatin1String("INVALID_QUERY"))
            e.message = tr("Zoho CRM could not run the query: %1 (%2%3). If a field was deleted or renamed in Zoho, "
                           "remove it from the selection.")
                            .arg(zohoMessage, code, what);
        else
            e.message = tr("Zoho CRM could not run the query: %1 (%2%3). Copy the details and report this.")
                            .arg(zohoMessage, code, what);
    } else if (!code.isEmpty() && response.status >= 400 && response.status < 500) {
        e.category = ErrorCategory::Input;
        e.message = tr("Zoho CRM refused the request: %1 (%2).").arg(zohoMessage, code);
    }
    return e;
}

void ZohoCrmClient::get(const QString &path, const QUrlQuery &query, QObject *context, Reply done)
{
    CrmRequest request;
    request.path = crmFull(path);
    request.query = query;
    send(request, context, std::move(done));
}

void ZohoCrmClient::send(const CrmRequest &request, QObject *context, Reply done)
{
    sendOnce(request, context, std::move(done), false);
}

void ZohoCrmClient::sendOnce(const CrmRequest &crmRequest, QObject *context, Reply done, bool retried)
{
    QPointer<QObject> guard(context);
    auto send = [this, crmRequest, guard, done, retried] {
        if (!guard)
            return;
        QUrl url = Endpoints::join(m_session->apiDomain, crmRequest.path);
        url.setQuery(crmRequest.query);
        const net::Headers auth{{"Authorization", "Zoho-oauthtoken " + m_session->accessToken.toLatin1()}};
        net::HttpRequest request = crmRequest.body.isUndefined()
                                       ? net::HttpRequest::get(url, auth)
                                       : net::HttpRequest::json(crmRequest.method, url, crmRequest.body, auth);
        request.method = crmRequest.method;
        for (const auto &h : crmRequest.headers)
            request.setHeader(h.first, h.second);
        request.downloadFile = crmRequest.downloadFile;
        request.expectJson = true; // a web page in place of records is an error, never "no records"
        request.idempotent = crmRequest.idempotent;
        request.maxAttempts = crmRequest.maxAttempts;
        net::HttpCall *call = m_http->send(request, lcZoho());
        // The asker is gone (a page left, a run cancelled): stop the request, a download too.
        connect(guard.data(), &QObject::destroyed, call, &net::HttpCall::cancel);
        connect(
            call, &net::HttpCall::finished, this,
            [this, crmRequest, guard, done, retried](const net::HttpResponse &response, const net::Error &transport) {
                if (!guard)
                    return;
                if (transport) {
                    done(response, transport);
                    return;
                }
                if (response.status == 401 && !retried &&
                    response.object().value(QStringLiteral("code")).toString() == QLatin1String("INVALID_TOKEN")) {
                    // The access token died early (revoked, evicted): mint one and try once more.
                    m_session->accessToken.clear();
                    sendOnce(crmRequest, guard, done, true);
                    return;
                }
                if (response.status >= 400) {
                    done(response, crmError(response, crmRequest.path));
                    return;
                }
                done(response, {});
            });
    };
    if (m_session->hasFreshAccessToken()) {
        send();
        return;
    }
    m_auth->refresh(m_session, context, [send, done](const net::Error &error) {
        if (error) {
            done({}, error);
            return;
        }
        send();
    });
}

QString ZohoCrmClient::coqlDateTime(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00");
}

int ZohoCrmClient::coqlCredits(int limit)
{
    if (limit <= 200)
        return 1;
    if (limit <= 1000)
        return 2;
    return 3;
}

net::Error ZohoCrmClient::readCoqlPage(const net::HttpResponse &r, CoqlPage *page)
{
    *page = CoqlPage();
    if (r.status == 204)
        return {};
    const QJsonObject body = r.object();
    if (!body.value(QStringLiteral("data")).isArray()) {
        return net::Error::make(net::ErrorCategory::Bug,
                                tr("Zoho CRM answered the query with something that is not a list of "
                                   "records. Try again; if it persists, report it."),
                                QString::fromUtf8(r.body.left(300)));
    }
    page->records = body.value(QStringLiteral("data")).toArray();
    const QJsonObject info = body.value(QStringLiteral("info")).toObject();
    page->moreRecords = info.value(QStringLiteral("more_records")).toBool();
    page->count = info.value(QStringLiteral("count")).toInt(int(page->records.size()));
    return {};
}

void ZohoCrmClient::coql(const QString &selectQuery, QObject *context,
                         std::function<void(const CoqlPage &, const net::Error &)> done)
{
    CrmRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/crm/v8/coql");
    request.body = QJsonObject{{QStringLiteral("select_query"), selectQuery}};
    // A query changes nothing: sending it twice is harmless.
    request.idempotent = true;
    send(request, context, [done](const net::HttpResponse &r, const net::Error &e) {
        CoqlPage page;
        if (e) {
            done(page, e);
            return;
        }
        const net::Error error = readCoqlPage(r, &page);
        done(error ? CoqlPage() : page, error);
    });
}

DeletedPage ZohoCrmClient::readDeletedPage(const net::HttpResponse &r, const QDateTime &ifModifiedSince)
{
    DeletedPage result;
    if (r.status == 204 || r.status == 304)
        return result;
    const QJsonObject body = r.object();
    for (const QJsonValue &v : body.value(QStringLiteral("data")).toArray()) {
        const QJsonObject d = v.toObject();
        DeletedRecord record;
        const QJsonValue id = d.value(QStringLiteral("id"));
        record.id = id.isString() ? id.toString() : QString::number(id.toVariant().toLongLong());
        record.displayName = d.value(QStringLiteral("display_name")).toString();
        record.type = d.value(QStringLiteral("type")).toString();
        record.deletedTime =
            QDateTime::fromString(d.value(QStringLiteral("deleted_time")).toString(), Qt::ISODate).toUTC();
        // Zoho filters by If-Modified-Since itself; an entry older than asked is left out all
        // the same (a server that ignores the header must not resend old deletions).
        if (ifModifiedSince.isValid() && record.deletedTime.isValid() && record.deletedTime < ifModifiedSince)
            continue;
        result.records.append(record);
    }
    result.moreRecords = body.value(QStringLiteral("info")).toObject().value(QStringLiteral("more_records")).toBool();
    return result;
}

void ZohoCrmClient::deletedRecords(const QString &module, int page, const QDateTime &ifModifiedSince, QObject *context,
                                   std::function<void(const DeletedPage &, const net::Error &)> done)
{
    CrmRequest request;
    request.path = QStringLiteral("/crm/v8/%1/deleted").arg(module);
    request.query.addQueryItem(QStringLiteral("type"), QStringLiteral("all"));
    request.query.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, page)));
    request.query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("200"));
    if (ifModifiedSince.isValid())
        request.headers.append({"If-Modified-Since", coqlDateTime(ifModifiedSince).toLatin1()});
    send(request, context, [done, ifModifiedSince](const net::HttpResponse &r, const net::Error &e) {
        if (e) {
            done(DeletedPage(), e);
            return;
        }
        done(readDeletedPage(r, ifModifiedSince), {});
    });
}

net::Error ZohoCrmClient::readRecordCount(const net::HttpResponse &r, qint64 *result)
{
    *result = 0;
    if (r.status == 204)
        return {};
    const QJsonValue count = r.object().value(QStringLiteral("count"));
    // A number outside qint64 cannot be cast (undefined behaviour, found by fuzz_zoho_crm): it is
    // no count, like a negative one.
    const bool countable =
        count.isString() || (count.isDouble() && count.toDouble() >= 0 && count.toDouble() <= 9.2e18);
    if (!countable) {
        return net::Error::make(net::ErrorCategory::Bug, tr("Zoho CRM did not say how many records the module holds."),
                                QString::fromUtf8(r.body.left(300)));
    }
    *result = count.isString() ? count.toString().toLongLong() : qint64(count.toDouble());
    return {};
}

void ZohoCrmClient::recordCount(const QString &module, QObject *context,
                                std::function<void(qint64, const net::Error &)> done)
{
    get(QStringLiteral("/%1/actions/count").arg(module), {}, context,
        [done](const net::HttpResponse &r, const net::Error &e) {
            if (e) {
                done(0, e);
                return;
            }
            qint64 count = 0;
            const net::Error error = readRecordCount(r, &count);
            done(count, error);
        });
}

net::Error ZohoCrmClient::readCurrentUser(const net::HttpResponse &r, ZohoUser *user)
{
    *user = ZohoUser();
    const QJsonObject u = r.object().value(QStringLiteral("users")).toArray().first().toObject();
    user->id = u.value(QStringLiteral("id")).toString();
    user->fullName = u.value(QStringLiteral("full_name")).toString();
    user->email = u.value(QStringLiteral("email")).toString();
    user->zuid = u.value(QStringLiteral("zuid")).toString();
    user->status = u.value(QStringLiteral("status")).toString();
    user->role = u.value(QStringLiteral("role")).toObject().value(QStringLiteral("name")).toString();
    user->profile = u.value(QStringLiteral("profile")).toObject().value(QStringLiteral("name")).toString();
    if (user->id.isEmpty())
        return net::Error::make(net::ErrorCategory::Server, tr("Zoho CRM did not name the signed-in user."));
    return {};
}

void ZohoCrmClient::currentUser(QObject *context, std::function<void(const ZohoUser &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("type"), QStringLiteral("CurrentUser"));
    get(QStringLiteral("/users"), q, context, [done](const net::HttpResponse &r, const net::Error &e) {
        ZohoUser user;
        if (e) {
            done(user, e);
            return;
        }
        const net::Error error = readCurrentUser(r, &user);
        done(user, error);
    });
}

net::Error ZohoCrmClient::readOrganization(const net::HttpResponse &r, ZohoOrg *org)
{
    *org = ZohoOrg();
    const QJsonObject o = r.object().value(QStringLiteral("org")).toArray().first().toObject();
    org->id = o.value(QStringLiteral("id")).toString();
    org->companyName = o.value(QStringLiteral("company_name")).toString();
    org->domainName = o.value(QStringLiteral("domain_name")).toString();
    org->edition = o.value(QStringLiteral("license_details")).toObject().value(QStringLiteral("paid_type")).toString();
    org->environment = o.value(QStringLiteral("type")).toString();
    org->timeZone = o.value(QStringLiteral("time_zone")).toString();
    org->currency = o.value(QStringLiteral("currency")).toString();
    org->country = o.value(QStringLiteral("country_code")).toString();
    if (org->id.isEmpty())
        return net::Error::make(net::ErrorCategory::Server, tr("Zoho CRM did not describe the organisation."));
    return {};
}

void ZohoCrmClient::organization(QObject *context, std::function<void(const ZohoOrg &, const net::Error &)> done)
{
    get(QStringLiteral("/org"), {}, context, [done](const net::HttpResponse &r, const net::Error &e) {
        ZohoOrg org;
        if (e) {
            done(org, e);
            return;
        }
        const net::Error error = readOrganization(r, &org);
        done(org, error);
    });
}

QList<ZohoModule> ZohoCrmClient::readModules(const net::HttpResponse &r)
{
    QList<ZohoModule> list;
    for (const QJsonValue &v : r.object().value(QStringLiteral("modules")).toArray()) {
        const QJsonObject m = v.toObject();
        ZohoModule module;
        module.apiName = m.value(QStringLiteral("api_name")).toString();
        module.pluralLabel = m.value(QStringLiteral("plural_label")).toString();
        module.singularLabel = m.value(QStringLiteral("singular_label")).toString();
        module.generatedType = m.value(QStringLiteral("generated_type")).toString();
        module.apiSupported = m.value(QStringLiteral("api_supported")).toBool();
        // Linking modules and modules closed to the API cannot be ingested.
        if (module.apiSupported && module.generatedType != QLatin1String("linking"))
            list.append(module);
    }
    return list;
}

void ZohoCrmClient::modules(QObject *context, std::function<void(const QList<ZohoModule> &, const net::Error &)> done)
{
    get(QStringLiteral("/settings/modules"), {}, context, [done](const net::HttpResponse &r, const net::Error &e) {
        if (e) {
            done({}, e);
            return;
        }
        done(readModules(r), {});
    });
}

QList<ZohoField> ZohoCrmClient::readFields(const net::HttpResponse &r)
{
    QList<ZohoField> list;
    for (const QJsonValue &v : r.object().value(QStringLiteral("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        ZohoField field;
        field.apiName = f.value(QStringLiteral("api_name")).toString();
        field.label = f.value(QStringLiteral("field_label")).toString();
        field.dataType = f.value(QStringLiteral("data_type")).toString();
        field.jsonType = f.value(QStringLiteral("json_type")).toString();
        field.custom = f.value(QStringLiteral("custom_field")).toBool();
        field.readOnly = f.value(QStringLiteral("read_only")).toBool();
        field.raw = f;
        list.append(field);
    }
    return list;
}

void ZohoCrmClient::fields(const QString &module, QObject *context,
                           std::function<void(const QList<ZohoField> &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("module"), module);
    get(QStringLiteral("/settings/fields"), q, context, [done](const net::HttpResponse &r, const net::Error &e) {
        if (e) {
            done({}, e);
            return;
        }
        done(readFields(r), {});
    });
}

ZohoRecordsPage ZohoCrmClient::readRecordsPage(const net::HttpResponse &r, int page)
{
    ZohoRecordsPage result;
    result.page = page;
    // 204: no records at all.
    const QJsonObject body = r.object();
    result.records = body.value(QStringLiteral("data")).toArray();
    const QJsonObject info = body.value(QStringLiteral("info")).toObject();
    result.moreRecords = info.value(QStringLiteral("more_records")).toBool();
    result.nextPageToken = info.value(QStringLiteral("next_page_token")).toString();
    return result;
}

void ZohoCrmClient::records(const QString &module, const QStringList &fields, int page, int perPage,
                            const QString &pageToken, QObject *context,
                            std::function<void(const ZohoRecordsPage &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("fields"), fields.mid(0, 50).join(QLatin1Char(',')));
    q.addQueryItem(QStringLiteral("per_page"), QString::number(qBound(1, perPage, 200)));
    if (!pageToken.isEmpty())
        q.addQueryItem(QStringLiteral("page_token"), pageToken);
    else
        q.addQueryItem(QStringLiteral("page"), QString::number(qMax(1, page)));
    get(QLatin1Char('/') + module, q, context, [done, page](const net::HttpResponse &r, const net::Error &e) {
        if (e) {
            ZohoRecordsPage result;
            result.page = page;
            done(result, e);
            return;
        }
        done(readRecordsPage(r, page), {});
    });
}

} // namespace zaw::zoho
