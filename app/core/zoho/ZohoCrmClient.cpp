// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZohoCrmClient.h"

#include "endpoints/Endpoints.h"
#include "net/HttpClient.h"
#include "net/Redaction.h"

#include <QPointer>

namespace zaw::zoho {

ZohoCrmClient::ZohoCrmClient(net::HttpClient *http, ZohoAuthClient *auth, ZohoSession *session, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_auth(auth)
    , m_session(session)
{}

QString ZohoCrmClient::scopeFor(const QString &path)
{
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
    e.detail = QStringLiteral("GET /crm/v8%1: %2").arg(path, body.value(QStringLiteral("message")).toString());
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
        const QJsonArray perms =
            body.value(QStringLiteral("details")).toObject().value(QStringLiteral("permissions")).toArray();
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
    } else if (code == QLatin1String("TOO_MANY_REQUESTS")) {
        e.category = ErrorCategory::RateLimit;
        e.message = tr("Your Zoho CRM organisation has used up its API credits or concurrent calls for now. Try "
                       "again later.");
    } else if (code == QLatin1String("INVALID_MODULE")) {
        e.category = ErrorCategory::Input;
        e.message = tr("Zoho CRM does not know this module, or your permission profile in Zoho CRM cannot see it.");
    } else if (!code.isEmpty() && response.status >= 400 && response.status < 500) {
        e.category = ErrorCategory::Input;
        e.message =
            tr("Zoho CRM refused the request: %1 (%2).").arg(body.value(QStringLiteral("message")).toString(), code);
    }
    return e;
}

void ZohoCrmClient::get(const QString &path, const QUrlQuery &query, QObject *context, Reply done, bool retried)
{
    QPointer<QObject> guard(context);
    auto send = [this, path, query, guard, done, retried] {
        if (!guard)
            return;
        QUrl url = Endpoints::join(m_session->apiDomain, QStringLiteral("/crm/v8") + path);
        url.setQuery(query);
        auto request =
            net::HttpRequest::get(url, {{"Authorization", "Zoho-oauthtoken " + m_session->accessToken.toLatin1()}});
        net::HttpCall *call = m_http->send(request, lcZoho());
        connect(
            call, &net::HttpCall::finished, this,
            [this, path, query, guard, done, retried](const net::HttpResponse &response, const net::Error &transport) {
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
                    get(path, query, guard, done, true);
                    return;
                }
                if (response.status >= 400) {
                    done(response, crmError(response, path));
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
        const QJsonObject u = r.object().value(QStringLiteral("users")).toArray().first().toObject();
        user.id = u.value(QStringLiteral("id")).toString();
        user.fullName = u.value(QStringLiteral("full_name")).toString();
        user.email = u.value(QStringLiteral("email")).toString();
        user.zuid = u.value(QStringLiteral("zuid")).toString();
        user.status = u.value(QStringLiteral("status")).toString();
        user.role = u.value(QStringLiteral("role")).toObject().value(QStringLiteral("name")).toString();
        user.profile = u.value(QStringLiteral("profile")).toObject().value(QStringLiteral("name")).toString();
        if (user.id.isEmpty()) {
            done(user, net::Error::make(net::ErrorCategory::Server, tr("Zoho CRM did not name the signed-in user.")));
            return;
        }
        done(user, {});
    });
}

void ZohoCrmClient::organization(QObject *context, std::function<void(const ZohoOrg &, const net::Error &)> done)
{
    get(QStringLiteral("/org"), {}, context, [done](const net::HttpResponse &r, const net::Error &e) {
        ZohoOrg org;
        if (e) {
            done(org, e);
            return;
        }
        const QJsonObject o = r.object().value(QStringLiteral("org")).toArray().first().toObject();
        org.id = o.value(QStringLiteral("id")).toString();
        org.companyName = o.value(QStringLiteral("company_name")).toString();
        org.domainName = o.value(QStringLiteral("domain_name")).toString();
        org.edition =
            o.value(QStringLiteral("license_details")).toObject().value(QStringLiteral("paid_type")).toString();
        org.environment = o.value(QStringLiteral("type")).toString();
        org.timeZone = o.value(QStringLiteral("time_zone")).toString();
        org.currency = o.value(QStringLiteral("currency")).toString();
        org.country = o.value(QStringLiteral("country_code")).toString();
        if (org.id.isEmpty()) {
            done(org, net::Error::make(net::ErrorCategory::Server, tr("Zoho CRM did not describe the organisation.")));
            return;
        }
        done(org, {});
    });
}

void ZohoCrmClient::modules(QObject *context, std::function<void(const QList<ZohoModule> &, const net::Error &)> done)
{
    get(QStringLiteral("/settings/modules"), {}, context, [done](const net::HttpResponse &r, const net::Error &e) {
        QList<ZohoModule> list;
        if (e) {
            done(list, e);
            return;
        }
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
        done(list, {});
    });
}

void ZohoCrmClient::fields(const QString &module, QObject *context,
                           std::function<void(const QList<ZohoField> &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("module"), module);
    get(QStringLiteral("/settings/fields"), q, context, [done](const net::HttpResponse &r, const net::Error &e) {
        QList<ZohoField> list;
        if (e) {
            done(list, e);
            return;
        }
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
        done(list, {});
    });
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
        ZohoRecordsPage result;
        result.page = page;
        if (e) {
            done(result, e);
            return;
        }
        // 204: no records at all.
        const QJsonObject body = r.object();
        result.records = body.value(QStringLiteral("data")).toArray();
        const QJsonObject info = body.value(QStringLiteral("info")).toObject();
        result.moreRecords = info.value(QStringLiteral("more_records")).toBool();
        result.nextPageToken = info.value(QStringLiteral("next_page_token")).toString();
        done(result, {});
    });
}

} // namespace zaw::zoho
