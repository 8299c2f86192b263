// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho CRM Bulk Read (reference/aep-direct-ingestion.md §4.3) and the record count:
//   POST /crm/bulk/v8/read               create a job (201 ADDED_SUCCESSFULLY)
//   GET  /crm/bulk/v8/read/{id}          ADDED → IN PROGRESS → COMPLETED over bulkReadMs
//   GET  /crm/bulk/v8/read/{id}/result   a ZIP holding one CSV <id>.csv; 10 downloads a minute
//   GET  /crm/v8/{module}/actions/count  {"count": N}
// A job snapshots the matching record ids when it is created; 200,000 records per page, the
// next page through next_page_token (a new job with {"query": {"page_token": …}}).
#include "ZohoState.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>

#include <archive.h>
#include <archive_entry.h>

namespace zaw::sandbox::zoho {

namespace {

const int kBulkPerPage = 200000;
const int kBulkDownloadsPerMinute = 10;
const qint64 kBulkTokenLifetimeMs = 24 * 3600 * 1000;
const int kBulkMaxCriteria = 25;

std::optional<qint64> parseDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?([+-]\\d{2}:\\d{2}|Z)$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

QString dataTypeOf(const Module &module, const QString &field)
{
    for (const QJsonValue &f : module.fields) {
        if (f.toObject().value(QStringLiteral("api_name")).toString() == field)
            return f.toObject().value(QStringLiteral("data_type")).toString();
    }
    return {};
}

QString canonicalField(const Module &module, const QString &name)
{
    if (name.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("id");
    for (const QJsonValue &f : module.fields) {
        const QString apiName = f.toObject().value(QStringLiteral("api_name")).toString();
        if (apiName.compare(name, Qt::CaseInsensitive) == 0)
            return apiName;
    }
    return {};
}

// One criterion's comparison: <0, 0, >0, or nullopt when the record has no comparable value.
std::optional<int> compareCriterion(const zohoseed::Record &record, const QString &field, const QString &type,
                                    const QJsonValue &literal)
{
    auto sign = [](auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); };
    const QString text = literal.isString() ? literal.toString() : literal.toVariant().toString();
    if (field == QLatin1String("id"))
        return sign(record.id.toLongLong(), text.toLongLong());
    if (type == QLatin1String("datetime") || type == QLatin1String("date")) {
        const auto right = parseDateTime(text);
        if (!right)
            return std::nullopt;
        qint64 left = 0;
        if (field == QLatin1String("Modified_Time"))
            left = record.modifiedMs;
        else if (field == QLatin1String("Created_Time"))
            left = record.createdMs;
        else {
            const QDateTime dt = QDateTime::fromString(record.values.value(field).toString(), Qt::ISODate);
            if (!dt.isValid())
                return std::nullopt;
            left = dt.toMSecsSinceEpoch();
        }
        return sign(left, *right);
    }
    const QJsonValue value = record.values.value(field);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (value.isDouble())
        return sign(value.toDouble(), text.toDouble());
    if (value.isBool())
        return sign(int(value.toBool()), int(text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0));
    if (value.isObject())
        return sign(value.toObject().value(QStringLiteral("id")).toString().toLongLong(), text.toLongLong());
    return sign(value.toString().compare(text, Qt::CaseInsensitive), 0);
}

const QStringList &comparators()
{
    static const QStringList list = {QStringLiteral("equal"),        QStringLiteral("not_equal"),
                                     QStringLiteral("in"),           QStringLiteral("not_in"),
                                     QStringLiteral("less_than"),    QStringLiteral("less_equal"),
                                     QStringLiteral("greater_than"), QStringLiteral("greater_equal"),
                                     QStringLiteral("between"),      QStringLiteral("not_between")};
    return list;
}

bool criterionMatches(const QJsonObject &c, const zohoseed::Record &record, const Module &module)
{
    if (c.contains(QStringLiteral("group"))) {
        const bool any =
            c.value(QStringLiteral("group_operator")).toString().compare(QLatin1String("or"), Qt::CaseInsensitive) == 0;
        const QJsonArray group = c.value(QStringLiteral("group")).toArray();
        for (const QJsonValue &child : group) {
            const bool m = criterionMatches(child.toObject(), record, module);
            if (any && m)
                return true;
            if (!any && !m)
                return false;
        }
        return !any;
    }
    const QString field = c.value(QStringLiteral("field")).toObject().value(QStringLiteral("api_name")).toString();
    const QString type = dataTypeOf(module, field);
    const QString comparator = c.value(QStringLiteral("comparator")).toString();
    const QJsonValue value = c.value(QStringLiteral("value"));
    if (comparator == QLatin1String("in") || comparator == QLatin1String("not_in")) {
        bool found = false;
        for (const QJsonValue &v : value.toArray()) {
            const auto o = compareCriterion(record, field, type, v);
            found = found || (o && *o == 0);
        }
        return comparator == QLatin1String("in") ? found : !found;
    }
    if (comparator == QLatin1String("between") || comparator == QLatin1String("not_between")) {
        const QJsonArray range = value.toArray();
        const auto low = compareCriterion(record, field, type, range.at(0));
        const auto high = compareCriterion(record, field, type, range.at(1));
        const bool inside = low && high && *low >= 0 && *high <= 0;
        return comparator == QLatin1String("between") ? inside : !inside;
    }
    const auto o = compareCriterion(record, field, type, value);
    if (!o)
        return comparator == QLatin1String("not_equal");
    if (comparator == QLatin1String("equal"))
        return *o == 0;
    if (comparator == QLatin1String("not_equal"))
        return *o != 0;
    if (comparator == QLatin1String("less_than"))
        return *o < 0;
    if (comparator == QLatin1String("less_equal"))
        return *o <= 0;
    if (comparator == QLatin1String("greater_than"))
        return *o > 0;
    return *o >= 0;
}

// Checks a criteria tree; answers the error to send, or nothing. Counts the leaves in *count.
std::optional<Response> checkCriteria(const QJsonObject &c, const Module &module, int *count)
{
    if (c.contains(QStringLiteral("group"))) {
        const QString op = c.value(QStringLiteral("group_operator")).toString().toLower();
        if (op != QLatin1String("and") && op != QLatin1String("or")) {
            return crmError(
                400, QStringLiteral("INVALID_DATA"), QStringLiteral("invalid data"),
                QJsonObject{{QStringLiteral("api_name"), QStringLiteral("group_operator")},
                            {QStringLiteral("json_path"), QStringLiteral("$.query.criteria.group_operator")}});
        }
        const QJsonArray group = c.value(QStringLiteral("group")).toArray();
        if (group.isEmpty()) {
            return crmError(400, QStringLiteral("INVALID_DATA"), QStringLiteral("invalid data"),
                            QJsonObject{{QStringLiteral("api_name"), QStringLiteral("group")}});
        }
        for (const QJsonValue &child : group) {
            if (auto e = checkCriteria(child.toObject(), module, count))
                return e;
        }
        return std::nullopt;
    }
    ++*count;
    const QString name = c.value(QStringLiteral("field")).toObject().value(QStringLiteral("api_name")).toString();
    const QString field = canonicalField(module, name);
    if (field.isEmpty()) {
        return crmError(400, QStringLiteral("INVALID_DATA"), QStringLiteral("invalid field in criteria"),
                        QJsonObject{{QStringLiteral("api_name"), name}});
    }
    const QString comparator = c.value(QStringLiteral("comparator")).toString();
    if (!comparators().contains(comparator)) {
        return crmError(400, QStringLiteral("INVALID_CRITERIA"), QStringLiteral("invalid comparator in criteria"),
                        QJsonObject{{QStringLiteral("api_name"), field}, {QStringLiteral("comparator"), comparator}});
    }
    const QString type = dataTypeOf(module, field);
    QJsonArray values;
    const QJsonValue value = c.value(QStringLiteral("value"));
    if (comparator.contains(QLatin1String("between")) || comparator.contains(QLatin1String("in"))) {
        values = value.toArray();
        if (!value.isArray() || values.isEmpty() ||
            (comparator.contains(QLatin1String("between")) && values.size() != 2))
            return crmError(400, QStringLiteral("INVALID_DATA"), QStringLiteral("invalid value in criteria"),
                            QJsonObject{{QStringLiteral("api_name"), field}});
    } else {
        values.append(value);
    }
    if (type == QLatin1String("datetime")) {
        for (const QJsonValue &v : std::as_const(values)) {
            if (!parseDateTime(v.toString())) {
                return crmError(400, QStringLiteral("INVALID_DATA"), QStringLiteral("invalid date time in criteria"),
                                QJsonObject{{QStringLiteral("api_name"), field},
                                            {QStringLiteral("expected_data_type"), QStringLiteral("datetime")}});
            }
        }
    }
    return std::nullopt;
}

// One CSV cell, as Bulk Read writes it: lookups as the id, booleans true/false, multi-select
// joined with ';', date-times as stored (ISO-8601 with offset), null as an empty cell.
QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Object:
        return value.toObject().value(QStringLiteral("id")).toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(v.isObject() ? v.toObject().value(QStringLiteral("name")).toString() : cellText(v));
        return parts.join(QLatin1Char(';'));
    }
    default:
        return {};
    }
}

void appendCsvCell(QByteArray *out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        QByteArray quoted = utf8;
        quoted.replace("\"", "\"\"");
        out->append('"').append(quoted).append('"');
    } else {
        out->append(utf8);
    }
}

la_ssize_t appendToByteArray(struct archive *, void *client, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(client)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

// A ZIP holding one file, written with libarchive.
QByteArray zipOneFile(const QString &name, const QByteArray &content)
{
    QByteArray out;
    struct archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, &out, nullptr, appendToByteArray, nullptr);
    struct archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.toUtf8().constData());
    archive_entry_set_size(entry, la_int64_t(content.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_mtime(entry, time_t(QDateTime::currentSecsSinceEpoch()), 0);
    archive_write_header(a, entry);
    archive_write_data(a, content.constData(), size_t(content.size()));
    archive_entry_free(entry);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

QJsonObject queryToJson(const ZohoState::BulkQuery &q)
{
    return QJsonObject{{QStringLiteral("orgId"), q.orgId},
                       {QStringLiteral("module"), q.module},
                       {QStringLiteral("fields"), toJsonArray(q.fields)},
                       {QStringLiteral("criteria"), q.criteria},
                       {QStringLiteral("page"), q.page}};
}

ZohoState::BulkQuery queryFromJson(const QJsonObject &o)
{
    ZohoState::BulkQuery q;
    q.orgId = o.value(QStringLiteral("orgId")).toString();
    q.module = o.value(QStringLiteral("module")).toString();
    q.fields = toStringList(o.value(QStringLiteral("fields")));
    q.criteria = o.value(QStringLiteral("criteria")).toObject();
    q.page = o.value(QStringLiteral("page")).toInt(1);
    return q;
}

} // namespace

void ZohoState::registerBulkRoutes(Router &router)
{
    const QString path = kDcPattern + QLatin1Char('/') + kApiPattern + QStringLiteral("/crm/bulk/v8/read(/.*)?");
    for (const QByteArray &method :
         {QByteArray("GET"), QByteArray("POST"), QByteArray("PUT"), QByteArray("PATCH"), QByteArray("DELETE")})
        router.add(method, path, [this](const Request &r) { return bulkRead(r); });
}

Response ZohoState::crmCount(const OrgData &, const Module &module) const
{
    if (!module.apiSupported())
        return apiNotSupported(module);
    return Response::json(QJsonObject{{QStringLiteral("count"), qint64(module.records.size())}});
}

QStringList ZohoState::bulkSelect(const BulkQuery &query, qint64 *total) const
{
    QStringList ids;
    const auto orgIt = orgs.constFind(query.orgId);
    if (orgIt == orgs.constEnd())
        return ids;
    const Module *module = orgIt->module(query.module);
    if (!module)
        return ids;
    QList<const zohoseed::Record *> selected;
    for (const zohoseed::Record &record : module->records) {
        if (query.criteria.isEmpty() || criterionMatches(query.criteria, record, *module))
            selected.append(&record);
    }
    std::sort(selected.begin(), selected.end(), [](const zohoseed::Record *a, const zohoseed::Record *b) {
        return a->id.toLongLong() < b->id.toLongLong();
    });
    *total = selected.size();
    const qsizetype from = qsizetype(query.page - 1) * kBulkPerPage;
    for (qsizetype i = from; i < selected.size() && i < from + kBulkPerPage; ++i)
        ids.append(selected.at(i)->id);
    return ids;
}

Response ZohoState::bulkRead(const Request &r)
{
    const QString dc = r.capture(1);
    const QString environment = environmentOfPrefix(r.capture(2));
    const QStringList segments = r.capture(3).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.size() > 2 || (segments.size() == 2 && segments.at(1) != QLatin1String("result")))
        return invalidUrl();
    AccessToken token;
    if (auto failure = authenticate(r, dc, environment, &token))
        return *failure;
    const QByteArray expectedMethod = segments.isEmpty() ? "POST" : "GET";
    if (r.method != expectedMethod) {
        return crmError(400, QStringLiteral("INVALID_REQUEST_METHOD"),
                        QStringLiteral("The http request method type is not a valid one"));
    }
    const auto orgIt = orgs.constFind(token.orgId);
    if (orgIt == orgs.constEnd())
        return crmError(401, QStringLiteral("INVALID_TOKEN"), QStringLiteral("invalid oauth token"));
    const OrgData &org = orgIt.value();
    if (!hasAnyScope(token.scopes, readScopes(QStringLiteral("zohocrm.bulk")))) {
        return crmError(401, QStringLiteral("OAUTH_SCOPE_MISMATCH"),
                        QStringLiteral("invalid oauth scope to access this URL"));
    }
    const SeedUser *user = userByLogin(token.login);
    if (!user || !user->apiAccess) {
        return crmError(
            403, QStringLiteral("NO_PERMISSION"), QStringLiteral("permission denied"),
            QJsonObject{{QStringLiteral("permissions"), QJsonArray{QStringLiteral("Crm_Implied_Api_Access")}}});
    }
    const qint64 now = nowMs();

    if (segments.isEmpty()) {
        // ---- create a job ----
        bool ok = false;
        const QJsonObject body = r.json(&ok).toObject();
        if (!ok) {
            return crmError(400, QStringLiteral("INVALID_DATA"), QStringLiteral("body is not valid JSON"),
                            QJsonObject{});
        }
        const QJsonObject callback = body.value(QStringLiteral("callback")).toObject();
        if (!callback.isEmpty()) {
            const QUrl url(callback.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
                return crmError(400, QStringLiteral("INVALID_CALLBACK_URL"), QStringLiteral("invalid callback url"));
            if (callback.value(QStringLiteral("method")).toString().toLower() != QLatin1String("post"))
                return crmError(400, QStringLiteral("INVALID_CALLBACK_METHOD"),
                                QStringLiteral("invalid callback method"));
        }
        const QString fileType = body.value(QStringLiteral("file_type")).toString(QStringLiteral("csv"));
        if (fileType != QLatin1String("csv") && fileType != QLatin1String("ics"))
            return invalidData(QStringLiteral("file_type"), QJsonArray{QStringLiteral("csv"), QStringLiteral("ics")});
        const QJsonObject queryJson = body.value(QStringLiteral("query")).toObject();
        BulkQuery query;
        const QString pageToken = queryJson.value(QStringLiteral("page_token")).toString();
        if (!pageToken.isEmpty()) {
            const auto t = bulkTokens.constFind(pageToken);
            if (t == bulkTokens.constEnd() || t->query.orgId != org.org.id)
                return invalidData(QStringLiteral("page_token"));
            if (t->expiresMs <= now) {
                return crmError(400, QStringLiteral("EXPIRED_VALUE"), QStringLiteral("the page_token has expired"),
                                QJsonObject{{QStringLiteral("param_name"), QStringLiteral("page_token")}});
            }
            query = t->query;
        } else {
            const QString moduleName =
                queryJson.value(QStringLiteral("module")).toObject().value(QStringLiteral("api_name")).toString();
            if (moduleName.isEmpty()) {
                return crmError(400, QStringLiteral("REQUIRED_PARAM_MISSING"),
                                QStringLiteral("One of the expected parameter is missing"),
                                QJsonObject{{QStringLiteral("api_name"), QStringLiteral("module")}});
            }
            const Module *module = org.module(moduleName);
            if (!module) {
                return crmError(400, QStringLiteral("INVALID_MODULE"),
                                QStringLiteral("the module name given seems to be invalid"),
                                QJsonObject{{QStringLiteral("api_name"), QStringLiteral("module")}});
            }
            if (!module->apiSupported()) {
                return crmError(400, QStringLiteral("MODULE_NOT_SUPPORTED"),
                                QStringLiteral("the module is not supported by Bulk Read"),
                                QJsonObject{{QStringLiteral("module"), module->apiName}});
            }
            query.orgId = org.org.id;
            query.module = module->apiName;
            for (const QJsonValue &f : queryJson.value(QStringLiteral("fields")).toArray()) {
                const QString field = canonicalField(*module, f.toString());
                if (field.isEmpty()) {
                    return crmError(400, QStringLiteral("INVALID_DATA"), QStringLiteral("invalid field given"),
                                    QJsonObject{{QStringLiteral("api_name"), f.toString()}});
                }
                if (field != QLatin1String("id") && !query.fields.contains(field))
                    query.fields.append(field);
            }
            if (query.fields.isEmpty()) {
                for (const QJsonValue &f : module->fields) {
                    const QString name = f.toObject().value(QStringLiteral("api_name")).toString();
                    if (name != QLatin1String("id"))
                        query.fields.append(name);
                }
            }
            query.criteria = queryJson.value(QStringLiteral("criteria")).toObject();
            if (!query.criteria.isEmpty()) {
                int count = 0;
                if (auto e = checkCriteria(query.criteria, *module, &count))
                    return *e;
                if (count > kBulkMaxCriteria) {
                    return crmError(400, QStringLiteral("CRITERIA_LIMIT_EXCEEDED"),
                                    QStringLiteral("criteria limit exceeded"),
                                    QJsonObject{{QStringLiteral("limit"), kBulkMaxCriteria}});
                }
            }
            if (queryJson.contains(QStringLiteral("page"))) {
                const int page = queryJson.value(QStringLiteral("page")).toInt(0);
                if (page < 1)
                    return invalidData(QStringLiteral("page"));
                query.page = page;
            }
        }
        const Module *module = org.module(query.module);
        if (!module || !hasAnyScope(token.scopes, moduleReadScopes(module))) {
            return crmError(401, QStringLiteral("OAUTH_SCOPE_MISMATCH"),
                            QStringLiteral("invalid oauth scope to access this URL"));
        }
        BulkJob job;
        job.query = query;
        job.createdMs = now;
        job.createdBy = QJsonObject{{QStringLiteral("id"), org.currentUser().value(QStringLiteral("id"))},
                                    {QStringLiteral("name"), org.currentUser().value(QStringLiteral("full_name"))}};
        qint64 total = 0;
        job.ids = bulkSelect(query, &total);
        job.count = job.ids.size();
        job.moreRecords = total > qint64(query.page) * kBulkPerPage;
        if (job.moreRecords) {
            BulkPageToken next;
            next.query = query;
            next.query.page = query.page + 1;
            next.expiresMs = now + kBulkTokenLifetimeMs;
            job.nextPageToken = newToken();
            bulkTokens.insert(job.nextPageToken, next);
        }
        const QString id = org.org.idPrefix + QString::number(++serial).rightJustified(
                                                  qMax(1, 19 - int(org.org.idPrefix.size())), QLatin1Char('0'));
        bulkJobs.insert(id, job);
        context->changed();
        const QString created = zohoseed::formatDateTime(now / 1000 * 1000, org.org.timeZone);
        return Response::json(
            QJsonObject{{QStringLiteral("data"),
                         QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                                {QStringLiteral("code"), QStringLiteral("ADDED_SUCCESSFULLY")},
                                                {QStringLiteral("message"), QStringLiteral("Added successfully.")},
                                                {QStringLiteral("details"),
                                                 QJsonObject{{QStringLiteral("id"), id},
                                                             {QStringLiteral("operation"), QStringLiteral("read")},
                                                             {QStringLiteral("state"), QStringLiteral("ADDED")},
                                                             {QStringLiteral("created_by"), job.createdBy},
                                                             {QStringLiteral("created_time"), created}}}}}},
                        {QStringLiteral("info"), QJsonObject()}},
            201);
    }

    const QString id = segments.at(0);
    auto jobIt = bulkJobs.find(id);
    if (jobIt == bulkJobs.end() || jobIt->query.orgId != org.org.id) {
        return crmError(400, QStringLiteral("RESOURCE_NOT_FOUND"),
                        QStringLiteral("the requested resource is not found"),
                        QJsonObject{{QStringLiteral("resource"), QStringLiteral("job_id")}});
    }
    BulkJob &job = *jobIt;
    const qint64 age = now - job.createdMs;
    const int duration = qMax(0, context->options.bulkReadMs);
    const QString state = age >= duration       ? QStringLiteral("COMPLETED")
                          : age * 3 >= duration ? QStringLiteral("IN PROGRESS")
                                                : QStringLiteral("ADDED");
    const QString resultPath =
        QStringLiteral("/crm/bulk/v8/read/%1/result").arg(id); // relative to the api domain, as Zoho sends it

    if (segments.size() == 1) {
        QJsonObject entry{
            {QStringLiteral("id"), id},
            {QStringLiteral("operation"), QStringLiteral("read")},
            {QStringLiteral("state"), state},
            {QStringLiteral("created_by"), job.createdBy},
            {QStringLiteral("created_time"), zohoseed::formatDateTime(job.createdMs / 1000 * 1000, org.org.timeZone)},
            {QStringLiteral("file_type"), QStringLiteral("csv")},
            {QStringLiteral("query"),
             QJsonObject{{QStringLiteral("module"), QJsonObject{{QStringLiteral("api_name"), job.query.module}}},
                         {QStringLiteral("fields"), toJsonArray(job.query.fields)},
                         {QStringLiteral("page"), job.query.page},
                         {QStringLiteral("criteria"), job.query.criteria}}}};
        if (state == QLatin1String("COMPLETED")) {
            QJsonObject result{{QStringLiteral("page"), job.query.page},
                               {QStringLiteral("count"), job.count},
                               {QStringLiteral("download_url"), resultPath},
                               {QStringLiteral("per_page"), kBulkPerPage},
                               {QStringLiteral("more_records"), job.moreRecords}};
            if (job.moreRecords)
                result.insert(QStringLiteral("next_page_token"), job.nextPageToken);
            entry.insert(QStringLiteral("result"), result);
        }
        return Response::json(QJsonObject{{QStringLiteral("data"), QJsonArray{entry}}});
    }

    // ---- download ----
    if (state != QLatin1String("COMPLETED")) {
        return crmError(400, QStringLiteral("RESOURCE_NOT_FOUND"), QStringLiteral("the job is not completed yet"),
                        QJsonObject{{QStringLiteral("resource"), QStringLiteral("result")}});
    }
    QList<qint64> &downloads = bulkDownloadsMs[org.org.id];
    downloads.erase(std::remove_if(downloads.begin(), downloads.end(), [now](qint64 t) { return t <= now - 60000; }),
                    downloads.end());
    if (downloads.size() >= kBulkDownloadsPerMinute) {
        const qint64 retry = (downloads.first() + 60000 - now + 999) / 1000;
        return crmError(429, QStringLiteral("TOO_MANY_REQUESTS"),
                        QStringLiteral("Only 10 requests for download are allowed for one-minute interval"))
            .withHeader("retry-after", QByteArray::number(qMax<qint64>(1, retry)));
    }
    downloads.append(now);

    const Module *module = org.module(job.query.module);
    if (job.ids.isEmpty() && job.count > 0) { // after a restart: the snapshot is taken again
        qint64 total = 0;
        job.ids = bulkSelect(job.query, &total);
    }
    QHash<QString, const zohoseed::Record *> byId;
    if (module) {
        byId.reserve(module->records.size());
        for (const zohoseed::Record &record : module->records)
            byId.insert(record.id, &record);
    }
    QByteArray csv;
    csv.reserve(qsizetype(job.ids.size()) * 200);
    QStringList header{QStringLiteral("id")};
    header += job.query.fields;
    for (int i = 0; i < header.size(); ++i) {
        if (i)
            csv.append(',');
        appendCsvCell(&csv, header.at(i));
    }
    csv.append("\r\n");
    for (const QString &recordId : std::as_const(job.ids)) {
        const zohoseed::Record *record = byId.value(recordId);
        if (!record)
            continue; // deleted since the job ran
        appendCsvCell(&csv, record->id);
        for (const QString &field : std::as_const(job.query.fields)) {
            csv.append(',');
            appendCsvCell(&csv, cellText(record->values.value(field)));
        }
        csv.append("\r\n");
    }
    Response response;
    response.status = 200;
    response.body = zipOneFile(id + QStringLiteral(".csv"), csv);
    response.withHeader("content-type", "application/zip")
        .withHeader("content-disposition", QStringLiteral("attachment; filename=%1.zip").arg(id).toUtf8());
    return response;
}

QJsonObject ZohoState::saveBulkState() const
{
    QJsonArray jobs;
    for (auto it = bulkJobs.constBegin(); it != bulkJobs.constEnd(); ++it) {
        jobs.append(QJsonObject{{QStringLiteral("id"), it.key()},
                                {QStringLiteral("query"), queryToJson(it->query)},
                                {QStringLiteral("createdBy"), it->createdBy},
                                {QStringLiteral("createdMs"), double(it->createdMs)},
                                {QStringLiteral("count"), double(it->count)},
                                {QStringLiteral("moreRecords"), it->moreRecords},
                                {QStringLiteral("nextPageToken"), it->nextPageToken}});
    }
    QJsonArray tokens;
    for (auto it = bulkTokens.constBegin(); it != bulkTokens.constEnd(); ++it) {
        tokens.append(QJsonObject{{QStringLiteral("token"), it.key()},
                                  {QStringLiteral("query"), queryToJson(it->query)},
                                  {QStringLiteral("expiresMs"), double(it->expiresMs)}});
    }
    return QJsonObject{{QStringLiteral("jobs"), jobs}, {QStringLiteral("tokens"), tokens}};
}

void ZohoState::loadBulkState(const QJsonObject &state)
{
    bulkJobs.clear();
    bulkTokens.clear();
    for (const QJsonValue &v : state.value(QStringLiteral("jobs")).toArray()) {
        const QJsonObject o = v.toObject();
        BulkJob job;
        job.query = queryFromJson(o.value(QStringLiteral("query")).toObject());
        job.createdBy = o.value(QStringLiteral("createdBy")).toObject();
        job.createdMs = qint64(o.value(QStringLiteral("createdMs")).toDouble());
        job.count = qint64(o.value(QStringLiteral("count")).toDouble());
        job.moreRecords = o.value(QStringLiteral("moreRecords")).toBool();
        job.nextPageToken = o.value(QStringLiteral("nextPageToken")).toString();
        bulkJobs.insert(o.value(QStringLiteral("id")).toString(), job);
    }
    for (const QJsonValue &v : state.value(QStringLiteral("tokens")).toArray()) {
        const QJsonObject o = v.toObject();
        bulkTokens.insert(o.value(QStringLiteral("token")).toString(),
                          BulkPageToken{queryFromJson(o.value(QStringLiteral("query")).toObject()),
                                        qint64(o.value(QStringLiteral("expiresMs")).toDouble())});
    }
}

} // namespace zaw::sandbox::zoho
