// SPDX-License-Identifier: GPL-3.0-or-later
// Changes to the seeded CRM records, so that a sync has something new to pick up:
//   POST /_sandbox/zoho/change   {"login", "org"?, "module", "op": "add", "count"}
//                                {"login", "org"?, "module", "op": "edit", "id", "fields": {...}}
//                                {"login", "org"?, "module", "op": "delete", "id"}
// and what Zoho shows of deletions: GET /crm/v8/{module}/deleted.
#include "ZohoState.h"

namespace zaw::sandbox::zoho {

namespace {

const int kMaxAddCount = 200000; // the benchmark seeds 100,000 Leads in one change

Response controlError(int status, const QString &message)
{
    return Response::json(QJsonObject{{QStringLiteral("error"), message}}, status);
}

// The value Zoho shows as a deleted record's display_name: the module's name field.
QString displayNameOf(const QJsonObject &values)
{
    for (const char *field : {"Full_Name", "Account_Name", "Deal_Name", "Campaign_Name", "Subject", "Name",
                              "Product_Name", "Vendor_Name", "Last_Name"}) {
        const QString text = values.value(QLatin1String(field)).toString();
        if (!text.isEmpty())
            return text;
    }
    return values.value(QStringLiteral("id")).toString();
}

QJsonObject userReference(const QJsonObject &user)
{
    return QJsonObject{{QStringLiteral("name"), user.value(QStringLiteral("full_name"))},
                       {QStringLiteral("id"), user.value(QStringLiteral("id"))}};
}

bool isReadOnlyField(const QString &apiName)
{
    static const QStringList readOnly = {QStringLiteral("id"), QStringLiteral("Created_Time"),
                                         QStringLiteral("Modified_Time"), QStringLiteral("Created_By"),
                                         QStringLiteral("Modified_By")};
    return readOnly.contains(apiName);
}

} // namespace

void ZohoState::registerChangeRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/_sandbox/zoho/change"), [this](const Request &r) { return change(r); });
}

Response ZohoState::change(const Request &r)
{
    bool ok = false;
    const QJsonValue body = r.json(&ok);
    if (!ok || !body.isObject())
        return controlError(400, QStringLiteral("the body must be a JSON object"));
    QJsonObject entry = body.toObject();
    const QString login = entry.value(QStringLiteral("login")).toString();
    if (login.isEmpty())
        return controlError(400, QStringLiteral("\"login\" is required"));
    const SeedUser *user = userByLogin(login);
    if (!user)
        return controlError(404, QStringLiteral("unknown login %1").arg(login));
    QString orgId = entry.value(QStringLiteral("org")).toString();
    if (orgId.isEmpty() && !user->orgs.isEmpty())
        orgId = user->orgs.first().id;
    const bool ownOrg =
        std::any_of(user->orgs.begin(), user->orgs.end(), [&orgId](const SeedOrg &o) { return o.id == orgId; });
    if (!ownOrg || !orgs.contains(orgId))
        return controlError(404, QStringLiteral("%1 has no org %2").arg(login, orgId));
    entry.remove(QStringLiteral("org"));
    entry.insert(QStringLiteral("orgId"), orgId);

    // Zoho's timestamps have whole seconds; a fraction would let a (Modified_Time, id) cursor
    // taken from the rendered value see the record again.
    const qint64 at = nowMs() / 1000 * 1000;
    QJsonArray ids;
    QString error;
    const int status = applyChange(entry, at, &ids, &error);
    if (status != 200)
        return controlError(status, error);
    entry.insert(QStringLiteral("atMs"), double(at));
    changeLog.append(entry);
    context->changed();
    return Response::json(QJsonObject{{QStringLiteral("ids"), ids}});
}

int ZohoState::applyChange(const QJsonObject &change, qint64 atMs, QJsonArray *ids, QString *error)
{
    OrgData &org = orgs[change.value(QStringLiteral("orgId")).toString()];
    const QString moduleName = change.value(QStringLiteral("module")).toString();
    if (moduleName.isEmpty()) {
        *error = QStringLiteral("\"module\" is required");
        return 400;
    }
    Module *module = nullptr;
    for (Module &m : org.modules) {
        if (m.apiName.compare(moduleName, Qt::CaseInsensitive) == 0)
            module = &m;
    }
    if (!module || !module->apiSupported()) {
        *error = QStringLiteral("unknown module %1").arg(moduleName);
        return 404;
    }
    const QString op = change.value(QStringLiteral("op")).toString();
    const QString timeText = zohoseed::formatDateTime(atMs, org.org.timeZone);
    const QJsonObject actor = userReference(org.currentUser());

    if (op == QLatin1String("add")) {
        const QJsonValue countValue = change.value(QStringLiteral("count"));
        const int count = countValue.isUndefined() ? 1 : countValue.toInt(-1);
        if (!countValue.isUndefined() && (!countValue.isDouble() || count < 1 || count > kMaxAddCount)) {
            *error = QStringLiteral("\"count\" must be a whole number from 1 to %1").arg(kMaxAddCount);
            return 400;
        }
        // New ids continue after the largest id the org has ever used, as Zoho's never repeat.
        qint64 nextId = 0;
        for (const Module &m : std::as_const(org.modules)) {
            for (const zohoseed::Record &rec : m.records)
                nextId = qMax(nextId, rec.id.toLongLong());
            for (const zohoseed::DeletedRecord &d : m.deleted)
                nextId = qMax(nextId, d.id.toLongLong());
        }
        for (int i = 0; i < count; ++i) {
            zohoseed::Record record;
            record.id = QString::number(++nextId);
            record.createdMs = atMs;
            record.modifiedMs = atMs;
            // A copy of a seeded record keeps every field plausible; the name says it is new.
            const int sequence = int(module->records.size() + module->deleted.size());
            if (!module->records.isEmpty())
                record.values = module->records.at(sequence % module->records.size()).values;
            if (record.values.value(QStringLiteral("Last_Name")).isString()) {
                const QString last = QStringLiteral("Added %1").arg(sequence + 1);
                record.values.insert(QStringLiteral("Last_Name"), last);
                if (record.values.contains(QStringLiteral("First_Name")))
                    record.values.insert(QStringLiteral("Full_Name"),
                                         record.values.value(QStringLiteral("First_Name")).toString() +
                                             QLatin1Char(' ') + last);
            }
            record.values.insert(QStringLiteral("id"), record.id);
            record.values.insert(QStringLiteral("Created_Time"), timeText);
            record.values.insert(QStringLiteral("Modified_Time"), timeText);
            if (record.values.contains(QStringLiteral("Modified_By")))
                record.values.insert(QStringLiteral("Modified_By"), actor);
            module->records.append(record);
            ids->append(record.id);
        }
        return 200;
    }

    if (op != QLatin1String("edit") && op != QLatin1String("delete")) {
        *error = QStringLiteral("\"op\" must be add, edit or delete");
        return 400;
    }
    const QJsonValue idValue = change.value(QStringLiteral("id"));
    const QString id = idValue.isDouble() ? QString::number(qint64(idValue.toDouble())) : idValue.toString();
    if (id.isEmpty()) {
        *error = QStringLiteral("\"id\" is required");
        return 400;
    }
    const auto it = std::find_if(module->records.begin(), module->records.end(),
                                 [&id](const zohoseed::Record &rec) { return rec.id == id; });
    if (it == module->records.end()) {
        *error = QStringLiteral("no %1 record %2").arg(module->apiName, id);
        return 404;
    }

    if (op == QLatin1String("edit")) {
        const QJsonValue fieldsValue = change.value(QStringLiteral("fields"));
        const QJsonObject fields = fieldsValue.toObject();
        if (!fieldsValue.isObject() || fields.isEmpty()) {
            *error = QStringLiteral("\"fields\" must be an object of API names and values");
            return 400;
        }
        QStringList known;
        for (const QJsonValue &f : module->fields)
            known.append(f.toObject().value(QStringLiteral("api_name")).toString());
        for (auto f = fields.begin(); f != fields.end(); ++f) {
            if (!known.contains(f.key()) || isReadOnlyField(f.key())) {
                *error = QStringLiteral("%1 is not an editable field of %2").arg(f.key(), module->apiName);
                return 400;
            }
        }
        for (auto f = fields.begin(); f != fields.end(); ++f)
            it->values.insert(f.key(), f.value());
        it->modifiedMs = atMs;
        it->values.insert(QStringLiteral("Modified_Time"), timeText);
        if (it->values.contains(QStringLiteral("Modified_By")))
            it->values.insert(QStringLiteral("Modified_By"), actor);
        ids->append(id);
        return 200;
    }

    zohoseed::DeletedRecord deleted;
    deleted.id = id;
    deleted.displayName = displayNameOf(it->values);
    deleted.deletedBy = actor;
    deleted.createdBy = it->values.value(QStringLiteral("Created_By")).toObject();
    deleted.deletedMs = atMs;
    module->deleted.append(deleted);
    module->records.erase(it);
    ids->append(id);
    return 200;
}

void ZohoState::rebuildOrgs()
{
    orgs.clear();
    for (const SeedUser &user : std::as_const(users)) {
        for (const SeedOrg &org : user.orgs)
            orgs.insert(org.id, zohoseed::buildOrg(user, org));
    }
}

void ZohoState::replayChanges(const QJsonArray &log)
{
    if (changeLog.isEmpty() && log.isEmpty())
        return;
    rebuildOrgs();
    changeLog = QJsonArray();
    for (const QJsonValue &v : log) {
        const QJsonObject entry = v.toObject();
        if (!orgs.contains(entry.value(QStringLiteral("orgId")).toString()))
            continue; // an org of an older seed
        QJsonArray ids;
        QString error;
        if (applyChange(entry, qint64(entry.value(QStringLiteral("atMs")).toDouble()), &ids, &error) == 200)
            changeLog.append(entry);
    }
}

Response ZohoState::crmDeleted(const Request &r, const OrgData &org, const Module &module) const
{
    if (!module.apiSupported())
        return apiNotSupported(module);
    static const QStringList types = {QStringLiteral("all"), QStringLiteral("recycle"), QStringLiteral("permanent")};
    QString type = QStringLiteral("all");
    if (r.query.hasQueryItem(QStringLiteral("type"))) {
        type = r.queryValue(QStringLiteral("type"));
        if (!types.contains(type))
            return invalidData(QStringLiteral("type"), toJsonArray(types));
    }
    int perPage = kMaxPerPage;
    if (r.query.hasQueryItem(QStringLiteral("per_page"))) {
        const auto value = parseInt(r.queryValue(QStringLiteral("per_page")));
        if (!value || *value < 1 || *value > kMaxPerPage)
            return invalidData(QStringLiteral("per_page"));
        perPage = *value;
    }
    int page = 1;
    if (r.query.hasQueryItem(QStringLiteral("page"))) {
        const auto value = parseInt(r.queryValue(QStringLiteral("page")));
        if (!value || *value < 1)
            return invalidData(QStringLiteral("page"));
        page = *value;
    }

    // If-Modified-Since (ISO 8601 with an offset, as Zoho takes it): only deletions after that time;
    // none at all is 304 Not Modified.
    qint64 sinceMs = -1;
    if (r.hasHeader("if-modified-since")) {
        const QDateTime since =
            QDateTime::fromString(QString::fromLatin1(r.header("if-modified-since")).trimmed(), Qt::ISODate);
        if (!since.isValid())
            return invalidData(QStringLiteral("If-Modified-Since"));
        sinceMs = since.toMSecsSinceEpoch();
    }
    QList<const zohoseed::DeletedRecord *> selected;
    // Most recent deletion first.
    for (auto it = module.deleted.crbegin(); it != module.deleted.crend(); ++it) {
        if ((type == QLatin1String("all") || it->type == type) && it->deletedMs > sinceMs)
            selected.append(&*it);
    }
    if (sinceMs >= 0 && selected.isEmpty())
        return Response::empty(304);
    const qint64 offset = qint64(page - 1) * perPage;
    if (offset >= selected.size())
        return Response::empty(204);
    QJsonArray data;
    const qsizetype end = qMin<qsizetype>(selected.size(), offset + perPage);
    for (qsizetype i = offset; i < end; ++i) {
        const zohoseed::DeletedRecord &d = *selected.at(i);
        data.append(
            QJsonObject{{QStringLiteral("id"), d.id},
                        {QStringLiteral("display_name"), d.displayName},
                        {QStringLiteral("type"), d.type},
                        {QStringLiteral("deleted_by"), d.deletedBy},
                        {QStringLiteral("created_by"), d.createdBy},
                        {QStringLiteral("deleted_time"), zohoseed::formatDateTime(d.deletedMs, org.org.timeZone)}});
    }
    return Response::json(
        QJsonObject{{QStringLiteral("data"), data},
                    {QStringLiteral("info"), QJsonObject{{QStringLiteral("count"), data.size()},
                                                         {QStringLiteral("more_records"), end < selected.size()},
                                                         {QStringLiteral("page"), page},
                                                         {QStringLiteral("per_page"), perPage}}}});
}

} // namespace zaw::sandbox::zoho
