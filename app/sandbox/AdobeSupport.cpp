// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers every Platform API of the sandbox uses: IDs, etags, property filters, JSON Patch, XDM paths.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

qint64 nowMs()
{
    return SandboxContext::now().toMSecsSinceEpoch();
}

QString randomAlphanumeric(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return out;
}

// Batch IDs in AEP are 26-character ULIDs (Crockford base32).
QString newBatchId()
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString out;
    for (int i = 0; i < 26; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]));
    return out;
}

// `"xxxxxxxx-0000-0200-0000-xxxxxxxx0000"` – a JSON string that itself carries the quotes, as
// Flow Service answers it. The last group holds the write time, the first is random, so two
// writes in the same second still differ.
QString newEtag()
{
    const qint64 secs = nowMs() / 1000;
    return u"\""_s + SandboxContext::randomHex(4) + u"-0000-0200-0000-"_s +
           QString::number(secs, 16).rightJustified(8, QLatin1Char('0')) + u"0000\""_s;
}

QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.startsWith(u"W/"_s))
        value = value.mid(2);
    while (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        value = value.mid(1, value.size() - 2);
    return value;
}

// Values that the documentation sends as strings and the specs type as integers (startTime,
// interval, mappingVersion): both forms are accepted.
std::optional<qint64> asInteger(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return qint64(d);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 v = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

std::optional<bool> asBool(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString s = value.toString().trimmed().toLower();
        if (s == u"true"_s)
            return true;
        if (s == u"false"_s)
            return false;
    }
    return std::nullopt;
}

QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue current = object;
    for (const QString &part : dottedPath.split(QLatin1Char('.'))) {
        if (current.isObject()) {
            current = current.toObject().value(part);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            if (!ok)
                return QJsonValue(QJsonValue::Undefined);
            current = current.toArray().at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    return {};
}

// ---- property filters -----------------------------------------------------------------------
// Flow Service, Catalog and Sandbox lists take `property=<path><op><value>` (several are ANDed);
// values may carry the double quotes the docs show (`name=="zoho-crm"`).

std::optional<QList<PropertyFilter>> parseFilters(const QStringList &expressions, QString *error)
{
    static const QRegularExpression re(u"^\\s*([A-Za-z_][A-Za-z0-9_.:$@-]*)\\s*(==|!=|>=|<=|>|<)?\\s*(.*?)\\s*$"_s);
    QList<PropertyFilter> filters;
    for (const QString &expression : expressions) {
        if (expression.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch m = re.match(expression);
        if (!m.hasMatch() || (m.captured(2).isEmpty() && !m.captured(3).isEmpty())) {
            *error =
                u"The property filter '%1' is not valid. Use <property><operator><value>, e.g. name==\"value\"."_s.arg(
                    expression);
            return std::nullopt;
        }
        PropertyFilter f{m.captured(1), m.captured(2), m.captured(3)};
        if (f.value.size() >= 2 && ((f.value.startsWith(QLatin1Char('"')) && f.value.endsWith(QLatin1Char('"'))) ||
                                    (f.value.startsWith(QLatin1Char('\'')) && f.value.endsWith(QLatin1Char('\''))))) {
            f.value = f.value.mid(1, f.value.size() - 2);
        }
        filters.append(f);
    }
    return filters;
}

bool compareScalar(const QJsonValue &actual, const PropertyFilter &f)
{
    const QString text = scalarText(actual);
    if (f.op == u"=="_s)
        return text == f.value;
    if (f.op == u"!="_s)
        return text != f.value;
    bool okA = false;
    bool okB = false;
    const double a = text.toDouble(&okA);
    const double b = f.value.toDouble(&okB);
    const int cmp = (okA && okB) ? (a < b ? -1 : (a > b ? 1 : 0)) : text.compare(f.value);
    if (f.op == u">"_s)
        return cmp > 0;
    if (f.op == u"<"_s)
        return cmp < 0;
    if (f.op == u">="_s)
        return cmp >= 0;
    return cmp <= 0;
}

bool matchesFilters(const QJsonObject &object, const QList<PropertyFilter> &filters)
{
    for (const PropertyFilter &f : filters) {
        const QJsonValue actual = valueAt(object, f.path);
        if (f.op.isEmpty()) {
            if (actual.isUndefined() || actual.isNull())
                return false;
            continue;
        }
        if (actual.isArray()) {
            // A list property matches when any element does (sourceConnectionIds==X).
            const QJsonArray items = actual.toArray();
            bool any = false;
            for (const QJsonValue &item : items)
                any = any || compareScalar(item, f);
            if (f.op == u"!="_s)
                any = !items.isEmpty() &&
                      std::all_of(items.begin(), items.end(), [&](const QJsonValue &v) { return compareScalar(v, f); });
            if (!any)
                return false;
            continue;
        }
        if (actual.isUndefined() || actual.isNull() || actual.isObject()) {
            if (f.op != u"!="_s)
                return false;
            continue;
        }
        if (!compareScalar(actual, f))
            return false;
    }
    return true;
}

// ---- JSON Patch (the subset Flow Service uses) ----------------------------------------------
bool applyPatch(QJsonValue &node, QStringList segments, const QString &op, const QJsonValue &value, QString *error)
{
    const QString key = segments.takeFirst();
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (segments.isEmpty()) {
            if (op == u"remove"_s) {
                if (!object.contains(key)) {
                    *error = u"nothing to remove at '%1'"_s.arg(key);
                    return false;
                }
                object.remove(key);
            } else {
                object.insert(key, value);
            }
        } else {
            QJsonValue child = object.value(key);
            if (child.isUndefined() || child.isNull()) {
                if (op == u"remove"_s) {
                    *error = u"nothing to remove at '%1'"_s.arg(key);
                    return false;
                }
                child = QJsonObject();
            }
            if (!applyPatch(child, segments, op, value, error))
                return false;
            object.insert(key, child);
        }
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        bool ok = false;
        int index = key == u"-"_s ? int(array.size()) : key.toInt(&ok);
        if (key == u"-"_s)
            ok = true;
        if (!ok || index < 0 || index > array.size() || (index == array.size() && op != u"add"_s)) {
            *error = u"array index '%1' is out of range"_s.arg(key);
            return false;
        }
        if (segments.isEmpty()) {
            if (op == u"remove"_s)
                array.removeAt(index);
            else if (op == u"add"_s)
                array.insert(index, value);
            else
                array[index] = value;
        } else {
            QJsonValue child = array.at(index);
            if (!applyPatch(child, segments, op, value, error))
                return false;
            array[index] = child;
        }
        node = array;
        return true;
    }
    *error = u"'%1' cannot be reached"_s.arg(key);
    return false;
}

// ---- XDM knowledge ----------------------------------------------------------------------------
// The field paths the standard class and field groups contribute, enough to check mapping
// destinations the way Data Prep does. Types are what the full schema view reports; everything
// not listed is a string.

const QHash<QString, QList<StandardField>> &standardFieldGroups()
{
    static const QHash<QString, QList<StandardField>> groups = {
        {kProfileClass,
         {{"_id", "string", nullptr},
          {"_repo.createDate", "string", "date-time"},
          {"_repo.modifyDate", "string", "date-time"},
          {"createdByBatchID", "string", "uri"},
          {"modifiedByBatchID", "string", "uri"},
          {"personID", "string", nullptr},
          {"repositoryCreatedBy", "string", nullptr},
          {"repositoryLastModifiedBy", "string", nullptr}}},
        {kRecordClass, {{"_id", "string", nullptr}, {"_repo.createDate", "string", "date-time"}}},
        {kEventClass,
         {{"_id", "string", nullptr}, {"timestamp", "string", "date-time"}, {"eventType", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/context/profile-person-details"_s,
         {{"person.name.firstName", "string", nullptr},
          {"person.name.lastName", "string", nullptr},
          {"person.name.middleName", "string", nullptr},
          {"person.name.fullName", "string", nullptr},
          {"person.name.courtesyTitle", "string", nullptr},
          {"person.name.suffix", "string", nullptr},
          {"person.birthDate", "string", "date"},
          {"person.birthDayAndMonth", "string", nullptr},
          {"person.birthYear", "integer", nullptr},
          {"person.gender", "string", nullptr},
          {"person.maritalStatus", "string", nullptr},
          {"person.nationality", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/context/profile-personal-details"_s,
         {{"personalEmail.address", "string", "email"},
          {"personalEmail.primary", "boolean", nullptr},
          {"personalEmail.status", "string", nullptr},
          {"personalEmail.type", "string", nullptr},
          {"homeAddress.street1", "string", nullptr},
          {"homeAddress.street2", "string", nullptr},
          {"homeAddress.city", "string", nullptr},
          {"homeAddress.stateProvince", "string", nullptr},
          {"homeAddress.postalCode", "string", nullptr},
          {"homeAddress.country", "string", nullptr},
          {"homeAddress.countryCode", "string", nullptr},
          {"homeAddress.region", "string", nullptr},
          {"mobilePhone.number", "string", nullptr},
          {"mobilePhone.primary", "boolean", nullptr},
          {"homePhone.number", "string", nullptr},
          {"faxPhone.number", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/context/profile-work-details"_s,
         {{"workEmail.address", "string", "email"},
          {"workPhone.number", "string", nullptr},
          {"workAddress.street1", "string", nullptr},
          {"workAddress.city", "string", nullptr},
          {"workAddress.stateProvince", "string", nullptr},
          {"workAddress.postalCode", "string", nullptr},
          {"workAddress.country", "string", nullptr}}},
        {u"https://ns.adobe.com/xdm/mixins/profile-consents"_s,
         {{"consents.marketing.email.val", "string", nullptr}, {"consents.marketing.preferred", "string", nullptr}}},
    };
    return groups;
}

bool isKnownClass(const QString &id)
{
    return id == kProfileClass || id == kRecordClass || id == kEventClass;
}

void collectCustomPaths(const QJsonObject &properties, const QString &prefix, QSet<QString> *paths)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        paths->insert(path);
        const QJsonObject node = it.value().toObject();
        if (node.contains(u"properties"_s))
            collectCustomPaths(node.value(u"properties"_s).toObject(), path, paths);
    }
}

// Every field path of a stored schema: the standard ones of its class and field groups, plus the
// tenant fields it declares in "properties" or in inline "definitions". Intermediate objects
// (person.name) count as paths too, since a mapping may target a whole object.
QSet<QString> schemaPaths(const QJsonObject &schema)
{
    QSet<QString> paths;
    QStringList refs{schema.value(u"meta:class"_s).toString()};
    for (const QJsonValue &part : schema.value(u"allOf"_s).toArray())
        refs.append(part.toObject().value(u"$ref"_s).toString());
    for (const QString &ref : std::as_const(refs)) {
        const auto it = standardFieldGroups().constFind(ref);
        if (it == standardFieldGroups().constEnd())
            continue;
        for (const StandardField &field : *it) {
            const QStringList parts = QString::fromLatin1(field.path).split(QLatin1Char('.'));
            for (int i = 1; i <= parts.size(); ++i)
                paths.insert(parts.mid(0, i).join(QLatin1Char('.')));
        }
    }
    collectCustomPaths(schema.value(u"properties"_s).toObject(), {}, &paths);
    const QJsonObject definitions = schema.value(u"definitions"_s).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it)
        collectCustomPaths(it.value().toObject().value(u"properties"_s).toObject(), {}, &paths);
    return paths;
}

void insertFieldPath(QJsonObject &properties, const QStringList &parts, const QJsonObject &leaf)
{
    if (parts.size() == 1) {
        properties.insert(parts.first(), leaf);
        return;
    }
    QJsonObject node = properties.value(parts.first()).toObject();
    node.insert(u"type"_s, u"object"_s);
    node.insert(u"meta:xdmType"_s, u"object"_s);
    QJsonObject children = node.value(u"properties"_s).toObject();
    insertFieldPath(children, parts.mid(1), leaf);
    node.insert(u"properties"_s, children);
    properties.insert(parts.first(), node);
}

QJsonObject buildSchema(const QJsonObject &body, const QString &hex, const QString &sandboxId,
                        const QString &sandboxType, const QString &client, const QString &user, qint64 ms)
{
    const QString id = u"https://ns.adobe.com/%1/schemas/%2"_s.arg(kTenantId, hex);
    QJsonArray allOf = body.value(u"allOf"_s).toArray();
    QString metaClass = body.value(u"meta:class"_s).toString();
    QJsonArray extends;
    for (const QJsonValue &part : std::as_const(allOf)) {
        const QString ref = part.toObject().value(u"$ref"_s).toString();
        if (ref.startsWith(u"https://"_s)) {
            extends.append(ref);
            if (metaClass.isEmpty() && isKnownClass(ref))
                metaClass = ref;
        }
    }
    QJsonObject schema{{u"$id"_s, id},
                       {u"meta:altId"_s, u"_%1.schemas.%2"_s.arg(kTenantId, hex)},
                       {u"meta:resourceType"_s, u"schemas"_s},
                       {u"version"_s, u"1.0"_s},
                       {u"title"_s, body.value(u"title"_s).toString()},
                       {u"type"_s, u"object"_s},
                       {u"description"_s, body.value(u"description"_s).toString()},
                       {u"allOf"_s, allOf},
                       {u"refs"_s, extends},
                       {u"imsOrg"_s, kOrgId},
                       {u"meta:extensible"_s, false},
                       {u"meta:abstract"_s, false},
                       {u"meta:extends"_s, extends},
                       {u"meta:xdmType"_s, u"object"_s},
                       {u"meta:class"_s, metaClass},
                       {u"meta:containerId"_s, u"tenant"_s},
                       {u"meta:sandboxId"_s, sandboxId},
                       {u"meta:sandboxType"_s, sandboxType},
                       {u"meta:tenantNamespace"_s, u"_"_s + kTenantId},
                       {u"meta:registryMetadata"_s, QJsonObject{{u"repo:createdDate"_s, ms},
                                                                {u"repo:lastModifiedDate"_s, ms},
                                                                {u"xdm:createdClientId"_s, client},
                                                                {u"xdm:lastModifiedClientId"_s, client},
                                                                {u"xdm:createdUserId"_s, user},
                                                                {u"xdm:lastModifiedUserId"_s, user},
                                                                {u"eTag"_s, SandboxContext::randomHex(32)},
                                                                {u"meta:globalLibVersion"_s, u"1.52.2"_s}}}};
    if (body.contains(u"definitions"_s))
        schema.insert(u"definitions"_s, body.value(u"definitions"_s));
    if (body.contains(u"properties"_s))
        schema.insert(u"properties"_s, body.value(u"properties"_s));
    return schema;
}

QJsonObject buildDataSet(const QJsonObject &body, const QString &id, const QString &sandboxId, const QString &client,
                         const QString &user, qint64 ms)
{
    QJsonObject schemaRef = body.value(u"schemaRef"_s).toObject();
    if (!schemaRef.contains(u"contentType"_s))
        schemaRef.insert(u"contentType"_s, u"application/vnd.adobe.xed+json;version=1"_s);
    QJsonObject dataSet{{u"name"_s, body.value(u"name"_s).toString()},
                        {u"description"_s, body.value(u"description"_s).toString()},
                        {u"imsOrg"_s, kOrgId},
                        {u"sandboxId"_s, sandboxId},
                        {u"version"_s, u"1.0.0"_s},
                        {u"created"_s, ms},
                        {u"updated"_s, ms},
                        {u"createdClient"_s, client},
                        {u"createdUser"_s, user},
                        {u"updatedUser"_s, user},
                        {u"schemaRef"_s, schemaRef},
                        {u"tags"_s, body.value(u"tags"_s).toObject()},
                        {u"enableErrorDiagnostics"_s, body.value(u"enableErrorDiagnostics"_s).toBool(false)},
                        {u"viewId"_s, SandboxContext::randomHex(12)},
                        {u"files"_s, u"@/dataSetFiles?dataSetId="_s + id},
                        {u"observableSchema"_s, QJsonObject()}};
    return dataSet;
}

QJsonObject entryToJson(const QString &id, const QString &org, const QString &sandbox, const QJsonObject &data,
                        const QJsonObject &meta)
{
    return QJsonObject{{u"id"_s, id}, {u"org"_s, org}, {u"sandbox"_s, sandbox}, {u"data"_s, data}, {u"meta"_s, meta}};
}

qint64 frequencyUnitMs(const QString &frequency)
{
    if (frequency == u"minute"_s)
        return 60LL * 1000;
    if (frequency == u"hour"_s)
        return 3600LL * 1000;
    if (frequency == u"day"_s)
        return 86400LL * 1000;
    if (frequency == u"week"_s)
        return 7 * 86400LL * 1000;
    return 0;
}

} // namespace zaw::sandbox::adobe
