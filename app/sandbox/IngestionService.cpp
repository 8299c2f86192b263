// SPDX-License-Identifier: GPL-3.0-or-later
// Batch Ingestion (/import/batches), Catalog batches (/catalog/batches) and Data Access failed rows
// (/export/batches/{id}/failed), following reference/aep-direct-ingestion.md §1:
//   create (loading) → PUT files (replace, idempotent) → COMPLETE → "processing" for processingMs →
//   every JSON line validated against the dataset's XDM schema → "success" (rejected rows within
//   partialIngestionPercent) or "failed"; accepted rows of a success batch go into the dataset.
// Control (no gateway): GET /_sandbox/adobe/datasets/{id}/rows, POST /_sandbox/adobe/ingestion.
#include "AdobeState.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cmath>

namespace zaw::sandbox::adobe {

namespace {

const QString kImport = u"/import/batches"_s;
const QString kFinalStatuses[] = {u"success"_s,   u"active"_s,   u"failed"_s,  u"failure"_s, u"aborted"_s,
                                  u"abandoned"_s, u"inactive"_s, u"deleted"_s, u"stalled"_s};

bool isFinal(const QString &status)
{
    return std::find(std::begin(kFinalStatuses), std::end(kFinalStatuses), status) != std::end(kFinalStatuses);
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return value.toDouble() == std::floor(value.toDouble()) ? u"integer"_s : u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"null"_s;
    }
}

QJsonObject violation(const QString &keyword, const QString &message, const QString &pointer)
{
    return QJsonObject{{u"keyword"_s, keyword},
                       {u"message"_s, message},
                       {u"pointerToViolation"_s, pointer.isEmpty() ? u"#"_s : pointer}};
}

bool isDateTime(const QString &text)
{
    // The forms AEP names in its validation message (retrieve-failed-batches.md).
    static const QRegularExpression pattern(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})$"_s);
    if (!pattern.match(text).hasMatch())
        return false;
    return QDateTime::fromString(text.left(19), u"yyyy-MM-ddTHH:mm:ss"_s).isValid();
}

bool isDate(const QString &text)
{
    static const QRegularExpression pattern(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    return pattern.match(text).hasMatch() && QDate::fromString(text, u"yyyy-MM-dd"_s).isValid();
}

// A JSON pointer built only when a violation needs it (100,000 rows must validate quickly).
struct Pointer
{
    const Pointer *parent = nullptr;
    QString key;
    int index = -1;

    QString text() const
    {
        if (!parent)
            return u"#"_s;
        return parent->text() + u"/"_s + (index >= 0 ? QString::number(index) : key);
    }
};

// Validates one value against one node of the resolved (xed-full) schema.
void validateValue(const QJsonValue &value, const QJsonObject &node, const Pointer &at, QJsonArray *errors)
{
    if (value.isNull() || value.isUndefined())
        return; // null is "not provided"
    const QString type = node.value(u"type"_s).toString();
    const QString format = node.value(u"format"_s).toString();
    auto typeError = [&] {
        const QString pointer = at.text();
        errors->append(
            violation(u"type"_s,
                      u"instance type (%1) does not match any allowed primitive type (allowed: [\"%2\"])"_s.arg(
                          jsonTypeName(value), type),
                      pointer));
    };
    if (node.value(u"meta:xdmType"_s).toString() == u"map"_s) {
        if (!value.isObject()) // a map (identityMap) takes any keys
            typeError();
        return;
    }
    if (type == u"object"_s || (type.isEmpty() && node.contains(u"properties"_s))) {
        if (!value.isObject()) {
            typeError();
            return;
        }
        const QJsonObject properties = node.value(u"properties"_s).toObject();
        const QJsonObject object = value.toObject();
        QStringList unknown;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!properties.contains(it.key())) {
                unknown.append(u"\"%1\""_s.arg(it.key()));
                continue;
            }
            validateValue(it.value(), properties.value(it.key()).toObject(), Pointer{&at, it.key()}, errors);
        }
        if (!unknown.isEmpty()) {
            errors->append(violation(
                u"additionalProperties"_s,
                u"object instance has properties which are not allowed by the schema: [%1]"_s.arg(unknown.join(u","_s)),
                at.text()));
        }
        return;
    }
    if (type == u"array"_s) {
        if (!value.isArray()) { // arrays are never converted
            typeError();
            return;
        }
        const QJsonObject items = node.value(u"items"_s).toObject();
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            validateValue(array.at(i), items, Pointer{&at, {}, int(i)}, errors);
        return;
    }
    if (type == u"boolean"_s) {
        if (!value.isBool()) // booleans are never converted
            typeError();
        return;
    }
    if (type == u"integer"_s || type == u"number"_s) {
        double number = 0;
        if (value.isDouble()) {
            number = value.toDouble();
        } else if (value.isString()) { // a string converts to every scalar type
            bool ok = false;
            number = value.toString().trimmed().toDouble(&ok);
            if (!ok) {
                typeError();
                return;
            }
        } else {
            typeError();
            return;
        }
        if (type == u"integer"_s && number != std::floor(number)) {
            typeError();
            return;
        }
        if (node.contains(u"minimum"_s) && number < node.value(u"minimum"_s).toDouble()) {
            errors->append(violation(u"minimum"_s,
                                     u"numeric instance is lower than the required minimum (minimum: %1, found: %2)"_s
                                         .arg(node.value(u"minimum"_s).toDouble())
                                         .arg(number),
                                     at.text()));
        }
        if (node.contains(u"maximum"_s) && number > node.value(u"maximum"_s).toDouble()) {
            errors->append(violation(u"maximum"_s,
                                     u"numeric instance is greater than the required maximum (maximum: %1, found: %2)"_s
                                         .arg(node.value(u"maximum"_s).toDouble())
                                         .arg(number),
                                     at.text()));
        }
        return;
    }
    // string (and unknown types, treated as string)
    if (format == u"date-time"_s || format == u"date"_s) {
        if (value.isDouble())
            return; // epoch milliseconds are converted at ingestion
        if (!value.isString()) {
            typeError();
            return;
        }
        const bool ok = format == u"date"_s ? isDate(value.toString()) : isDateTime(value.toString());
        if (!ok) {
            const QString formats =
                format == u"date"_s
                    ? u"[yyyy-MM-dd]"_s
                    : u"[yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1-9}Z, yyyy-MM-dd'T'HH:mm:ss[+-]HH:mm, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,9}[+-]HH:mm]"_s;
            errors->append(violation(
                u"format"_s,
                u"string \"%1\" is invalid against requested date format(s) %2"_s.arg(value.toString(), formats),
                at.text()));
        }
        return;
    }
    if (!value.isString())
        typeError();
}

QByteArray compactLine(const QJsonObject &row)
{
    return QJsonDocument(row).toJson(QJsonDocument::Compact);
}

} // namespace

// [emulator] Batch Ingestion publishes no error bodies (`content: {}`); these use the Platform
// problem shape with INGEST- codes, as the Catalog errors do with CAT-.
Response AdobeState::ingestError(const Request &request, const QString &code, const QString &title,
                                 const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{{u"type"_s, u"http://ns.adobe.com/aep/errors/INGEST-"_s + code},
                    {u"title"_s, title},
                    {u"status"_s, status},
                    {u"report"_s, QJsonObject{{u"detailed-message"_s, message}, {u"request-id"_s, request.requestId}}},
                    {u"detail"_s, message}},
        status);
}

void AdobeState::registerIngestionRoutes(Router &router)
{
    addRoute(router, "POST", kImport + u"/?"_s, Api::BatchIngestion, &AdobeState::createBatch);
    addRoute(router, "PUT", kImport + u"/([^/]+)/datasets/([^/]+)/files/(.+)"_s, Api::BatchIngestion,
             &AdobeState::putBatchFile);
    addRoute(router, "POST", kImport + u"/([^/]+)/?"_s, Api::BatchIngestion, &AdobeState::batchAction);
    addRoute(router, "GET", u"/catalog/batches/?"_s, Api::Catalog, &AdobeState::listCatalogBatches);
    addRoute(router, "GET", u"/catalog/batches/([^/]+)/?"_s, Api::Catalog, &AdobeState::getCatalogBatch);
    addRoute(router, "GET", u"/export/batches/([^/]+)/failed/?"_s, Api::DataAccess, &AdobeState::listFailedFiles);
}

void AdobeState::registerIngestionControlRoutes(Router &router)
{
    router.add("GET", u"/_sandbox/adobe/datasets/([^/]+)/rows"_s,
               [this](const Request &request) { return controlDataSetRows(request); });
    router.add("POST", u"/_sandbox/adobe/ingestion"_s,
               [this](const Request &request) { return controlIngestion(request); });
}

Response AdobeState::createBatch(const Request &request, const Caller &caller)
{
    if (!request.header("content-type").toLower().contains("json")) {
        return ingestError(request, u"1001-415"_s, u"Unsupported Media Type"_s,
                           u"Content-Type must be application/json."_s);
    }
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return ingestError(request, u"1002-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    const QJsonObject body = parsed.toObject();
    const QString dataSetId = body.value(u"datasetId"_s).toString();
    if (dataSetId.isEmpty())
        return ingestError(request, u"1003-400"_s, u"Bad Request"_s, u"datasetId is required."_s);
    if (!findIn(dataSets, dataSetId, caller)) {
        return ingestError(request, u"1004-400"_s, u"Bad Request"_s,
                           u"The dataset %1 does not exist in the sandbox '%2'."_s.arg(dataSetId, caller.sandbox));
    }
    const QJsonObject inputFormat = body.value(u"inputFormat"_s).toObject();
    const QString format = inputFormat.value(u"format"_s).toString().toLower();
    if (!format.isEmpty() && format != u"json"_s) {
        // [emulator] only JSON lines are emulated; Parquet and CSV are real but unused here.
        return ingestError(request, u"1005-400"_s, u"Bad Request"_s,
                           u"inputFormat.format '%1' is not supported by this emulator; use json."_s.arg(format));
    }
    int percent = 0;
    if (body.contains(u"partialIngestionPercent"_s)) {
        const auto value = asInteger(body.value(u"partialIngestionPercent"_s));
        if (!value || *value < 0 || *value > 100) {
            return ingestError(request, u"1006-400"_s, u"Bad Request"_s,
                               u"partialIngestionPercent must be a whole number from 0 to 100."_s);
        }
        percent = int(*value);
    }
    const bool diagnostics = body.value(u"enableErrorDiagnostics"_s).toBool();
    QString id = newBatchId();
    while (batches.contains(id))
        id = newBatchId();
    const qint64 ms = nowMs();
    QJsonObject tags = body.value(u"tags"_s).toObject();
    tags.insert(u"acp_enableErrorDiagnostics"_s, QJsonArray{diagnostics ? u"true"_s : u"false"_s});
    if (body.contains(u"partialIngestionPercent"_s))
        tags.insert(u"acp_partialIngestionPercent"_s, QJsonArray{QString::number(percent)});
    QJsonObject data{{u"id"_s, id},
                     {u"imsOrg"_s, caller.orgId},
                     {u"sandboxId"_s, caller.sandboxId},
                     {u"status"_s, u"loading"_s},
                     {u"created"_s, ms},
                     {u"updated"_s, ms},
                     {u"createdUser"_s, caller.user},
                     {u"updatedUser"_s, caller.user},
                     {u"createdClient"_s, caller.clientId},
                     {u"updatedClient"_s, caller.clientId},
                     {u"externalId"_s, body.contains(u"externalId"_s) ? body.value(u"externalId"_s).toString() : id},
                     {u"inputFormat"_s, QJsonObject{{u"format"_s, u"json"_s}}},
                     {u"relatedObjects"_s, QJsonArray{QJsonObject{{u"type"_s, u"dataSet"_s}, {u"id"_s, dataSetId}}}},
                     {u"version"_s, u"1.0.0"_s},
                     {u"tags"_s, tags}};
    IngestBatch batch;
    batch.org = caller.orgId;
    batch.sandbox = caller.sandbox;
    batch.dataSetId = dataSetId;
    batch.data = data;
    batch.partialPercent = percent;
    batches.insert(id, batch);
    context->changed();
    return Response::json(data, 201);
}

Response AdobeState::putBatchFile(const Request &request, const Caller &caller)
{
    settleBatches();
    const QString id = request.capture(1);
    const QString dataSetId = request.capture(2);
    const QString path = request.capture(3);
    auto it = batches.find(id);
    if (it == batches.end() || it->org != caller.orgId || it->sandbox != caller.sandbox)
        return ingestError(request, u"1010-404"_s, u"Not Found"_s, u"The batch %1 was not found."_s.arg(id));
    if (it->dataSetId != dataSetId || !findIn(dataSets, dataSetId, caller)) {
        return ingestError(request, u"1011-404"_s, u"Not Found"_s,
                           u"The dataset %1 is not the dataset of batch %2."_s.arg(dataSetId, id));
    }
    const QByteArray contentType = request.header("content-type").toLower().trimmed();
    if (!contentType.startsWith("application/octet-stream")) {
        return ingestError(request, u"1012-415"_s, u"Unsupported Media Type"_s,
                           u"Content-Type must be application/octet-stream (not a multipart upload)."_s);
    }
    const QString status = it->data.value(u"status"_s).toString();
    if (status != u"loading"_s) {
        return ingestError(request, u"1013-400"_s, u"Bad Request"_s,
                           u"The batch %1 is '%2': files can only be added while it is loading."_s.arg(id, status));
    }
    it->files.insert(path, request.body); // replaces the file: the PUT is idempotent
    it->data.insert(u"updated"_s, nowMs());
    context->changed();
    return Response::empty(200); // the docs show "200 OK" with an empty body
}

Response AdobeState::batchAction(const Request &request, const Caller &caller)
{
    settleBatches();
    const QString id = request.capture(1);
    auto it = batches.find(id);
    if (it == batches.end() || it->org != caller.orgId || it->sandbox != caller.sandbox)
        return ingestError(request, u"1010-404"_s, u"Not Found"_s, u"The batch %1 was not found."_s.arg(id));
    const QString action = request.queryValue(u"action"_s).toUpper();
    const QString status = it->data.value(u"status"_s).toString();
    const qint64 ms = nowMs();
    if (action == u"COMPLETE"_s) {
        // COMPLETE is safe to retry: "If the operation actually succeeded, the API will return
        // success, even after retrying" – whatever processing made of the batch since.
        if (status != u"loading"_s && status != u"aborted"_s)
            return Response::json(it->data);
        if (status != u"loading"_s) {
            return ingestError(request, u"1014-400"_s, u"Bad Request"_s,
                               u"The batch %1 is '%2' and cannot be completed."_s.arg(id, status));
        }
        it->data.insert(u"status"_s, u"processing"_s);
        it->data.insert(u"started"_s, ms);
        it->data.insert(u"updated"_s, ms);
        it->processAtMs = ms + processingMs;
        if (failNextCount > 0 && !failNext.isEmpty()) {
            it->forcedOutcome = failNext;
            if (--failNextCount == 0)
                failNext.clear();
        }
        context->changed();
        settleBatches();
        return Response::json(it->data);
    }
    if (action == u"ABORT"_s) {
        if (status == u"aborted"_s)
            return Response::json(it->data);
        if (isFinal(status)) {
            return ingestError(request, u"1015-400"_s, u"Bad Request"_s,
                               u"The batch %1 is '%2': a finalized batch cannot be cancelled."_s.arg(id, status));
        }
        it->data.insert(u"status"_s, u"aborted"_s);
        it->data.insert(u"updated"_s, ms);
        it->data.insert(u"completed"_s, ms);
        it->files.clear();
        context->changed();
        return Response::json(it->data);
    }
    return ingestError(request, u"1016-400"_s, u"Bad Request"_s,
                       u"Unknown action '%1': use COMPLETE or ABORT."_s.arg(request.queryValue(u"action"_s)));
}

void AdobeState::settleBatches()
{
    const qint64 ms = nowMs();
    bool changed = false;
    for (auto it = batches.begin(); it != batches.end(); ++it) {
        if (it->data.value(u"status"_s).toString() == u"processing"_s && it->processAtMs <= ms) {
            processBatch(it.key(), *it);
            changed = true;
        }
    }
    if (changed)
        context->changed();
}

void AdobeState::processBatch(const QString &id, IngestBatch &batch)
{
    const qint64 ms = nowMs();
    batch.data.insert(u"updated"_s, ms);
    batch.data.insert(u"completed"_s, ms);
    const QString forced = batch.forcedOutcome;
    batch.forcedOutcome.clear();
    if (!forced.isEmpty()) {
        // A non-data failure injected with failNext: nothing of the batch reaches the dataset.
        batch.data.insert(u"status"_s, forced);
        if (forced == u"failed"_s) {
            batch.data.insert(u"errors"_s, QJsonArray{QJsonObject{
                                               {u"code"_s, u"INGEST-1000-500"_s},
                                               {u"description"_s, u"Internal error while promoting the batch."_s}}});
        } else if (forced == u"stalled"_s) {
            batch.data.insert(u"errors"_s,
                              QJsonArray{QJsonObject{{u"code"_s, u"INGEST-1001-503"_s},
                                                     {u"description"_s, u"All retries have been exhausted."_s}}});
        }
        batch.files.clear();
        return;
    }
    for (auto f = batch.files.cbegin(); f != batch.files.cend(); ++f) {
        if (f->isEmpty()) {
            batch.data.insert(u"status"_s, u"failed"_s);
            batch.data.insert(
                u"errors"_s,
                QJsonArray{QJsonObject{{u"code"_s, u"106"_s},
                                       {u"description"_s, u"Dataset file is empty. Please upload file with data."_s},
                                       {u"rows"_s, QJsonArray()}}});
            batch.files.clear();
            return;
        }
    }
    if (batch.files.isEmpty()) {
        // [emulator] code: AEP fails a batch completed without files.
        batch.data.insert(u"status"_s, u"failed"_s);
        batch.data.insert(u"errors"_s, QJsonArray{QJsonObject{{u"code"_s, u"INGEST-1002-400"_s},
                                                              {u"description"_s, u"The batch has no files."_s}}});
        return;
    }

    QJsonObject schemaNode;
    const Entry *dataSet = nullptr;
    {
        Caller owner;
        owner.orgId = batch.org;
        owner.sandbox = batch.sandbox;
        dataSet = findIn(dataSets, batch.dataSetId, owner);
        if (dataSet) {
            const QString schemaId = dataSet->data.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
            if (const Entry *schema = findSchema(schemaId, owner))
                schemaNode = fullSchema(schema->data);
        }
    }
    if (!dataSet || schemaNode.isEmpty()) {
        batch.data.insert(u"status"_s, u"failed"_s);
        batch.data.insert(
            u"errors"_s, QJsonArray{QJsonObject{{u"code"_s, u"INGEST-1003-404"_s},
                                                {u"description"_s, u"The dataset or its schema no longer exists."_s}}});
        batch.files.clear();
        return;
    }
    schemaNode.insert(u"type"_s, u"object"_s);
    if (schemaNode.value(u"meta:class"_s).toString() == kProfileClass) {
        // The profile class's identityMap: {"<namespace>": [{"id", "primary"}]}.
        QJsonObject properties = schemaNode.value(u"properties"_s).toObject();
        properties.insert(u"identityMap"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"meta:xdmType"_s, u"map"_s}});
        schemaNode.insert(u"properties"_s, properties);
    }

    qint64 input = 0;
    qint64 inputBytes = 0;
    QByteArray accepted;
    qint64 acceptedCount = 0;
    qint64 failed = 0;
    QJsonArray failedRowRefs;
    batch.failedRows.clear();
    for (auto f = batch.files.cbegin(); f != batch.files.cend(); ++f) {
        inputBytes += f->size();
        qint64 lineNo = 0;
        for (const QByteArray &rawLine : f->split('\n')) {
            ++lineNo;
            const QByteArray line = rawLine.trimmed();
            if (line.isEmpty())
                continue;
            ++input;
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
            QJsonArray errors;
            QJsonObject rejected;
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                errors.append(violation(u"json"_s,
                                        parseError.error != QJsonParseError::NoError
                                            ? u"The row is not valid JSON: %1"_s.arg(parseError.errorString())
                                            : u"The row is not a JSON object."_s,
                                        u"#"_s));
                rejected.insert(u"_corrupt_record"_s, QString::fromUtf8(line));
            } else {
                validateValue(doc.object(), schemaNode, Pointer{}, &errors);
                rejected = doc.object();
            }
            if (errors.isEmpty()) {
                accepted.append(line);
                accepted.append('\n');
                ++acceptedCount;
                continue;
            }
            ++failed;
            rejected.insert(u"_validationErrors"_s, errors);
            QByteArray &out = batch.failedRows[f.key()];
            out.append(compactLine(rejected));
            out.append('\n');
            if (failedRowRefs.size() < 100)
                failedRowRefs.append(u"%1:%2"_s.arg(f.key()).arg(lineNo));
        }
    }
    const int fileCount = int(batch.files.size());
    batch.files.clear();
    QJsonArray errors;
    if (failed > 0) {
        errors.append(QJsonObject{
            {u"code"_s, u"INGEST-1212-400"_s},
            {u"description"_s,
             u"Encountered %1 errors in the data. Successfully ingested %2 rows. Review the associated diagnostics for more details."_s
                 .arg(failed)
                 .arg(acceptedCount)},
            {u"recordCount"_s, failed},
            {u"rows"_s, failedRowRefs}});
    }
    batch.data.insert(u"errors"_s, errors);
    const bool overLimit = failed * 100 > qint64(batch.partialPercent) * input;
    if (failed > 0 && overLimit) {
        batch.data.insert(u"status"_s, u"failed"_s);
        batch.data.remove(u"metrics"_s); // metrics exist only on success batches
        batch.data.insert(u"failedBatchLocation"_s, platformUrl(kFoundation + u"/export/batches/%1/failed"_s.arg(id)));
        return;
    }
    batch.data.insert(u"status"_s, u"success"_s);
    batch.data.insert(u"metrics"_s, QJsonObject{{u"inputByteSize"_s, inputBytes},
                                                {u"inputFileCount"_s, fileCount},
                                                {u"inputRecordCount"_s, input},
                                                {u"outputRecordCount"_s, acceptedCount},
                                                {u"failedRecordCount"_s, failed}});
    if (failed > 0) {
        batch.data.insert(u"failedBatchLocation"_s, platformUrl(kFoundation + u"/export/batches/%1/failed"_s.arg(id)));
    }
    DataSetRows &rows = dataSetRows[batch.dataSetId];
    rows.lines.append(accepted);
    rows.count += acceptedCount;
    rowsDirty.insert(batch.dataSetId);
}

QJsonObject AdobeState::batchView(const QString &, const IngestBatch &batch) const
{
    return batch.data;
}

Response AdobeState::getCatalogBatch(const Request &request, const Caller &caller)
{
    settleBatches();
    const QString id = request.capture(1);
    const auto it = batches.constFind(id);
    if (it == batches.constEnd() || it->org != caller.orgId || it->sandbox != caller.sandbox) {
        return catalogError(request, u"1007-404"_s, u"Not Found"_s,
                            u"The batch %1 was not found in the sandbox '%2'."_s.arg(id, caller.sandbox));
    }
    return Response::json(QJsonObject{{id, batchView(id, *it)}});
}

Response AdobeState::listCatalogBatches(const Request &request, const Caller &caller)
{
    settleBatches();
    const QString externalId = request.queryValue(u"externalId"_s);
    const QString dataSet = request.queryValue(u"dataSet"_s);
    const QString status = request.queryValue(u"status"_s);
    int limit = 50;
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1)
            return catalogError(request, u"1005-400"_s, u"Bad Request"_s, u"limit must be a positive integer."_s);
        limit = std::min(limit, 100);
    }
    const int start = std::max(0, request.queryValue(u"start"_s).toInt());
    const QString orderBy = request.queryValue(u"orderBy"_s);
    QList<QPair<QString, const IngestBatch *>> matching;
    for (auto it = batches.constBegin(); it != batches.constEnd(); ++it) {
        if (it->org != caller.orgId || it->sandbox != caller.sandbox)
            continue;
        if (!externalId.isEmpty() && it->data.value(u"externalId"_s).toString() != externalId)
            continue;
        if (!dataSet.isEmpty() && it->dataSetId != dataSet)
            continue;
        if (!status.isEmpty() && it->data.value(u"status"_s).toString() != status)
            continue;
        matching.append({it.key(), &*it});
    }
    const bool ascending = orderBy.startsWith(u"asc:"_s);
    std::stable_sort(matching.begin(), matching.end(), [ascending](const auto &a, const auto &b) {
        const double ca = a.second->data.value(u"created"_s).toDouble();
        const double cb = b.second->data.value(u"created"_s).toDouble();
        return ascending ? ca < cb : ca > cb;
    });
    QJsonObject answer;
    for (int i = start; i < matching.size() && answer.size() < limit; ++i)
        answer.insert(matching.at(i).first, batchView(matching.at(i).first, *matching.at(i).second));
    return Response::json(answer);
}

Response AdobeState::listFailedFiles(const Request &request, const Caller &caller)
{
    settleBatches();
    const QString id = request.capture(1);
    const auto it = batches.constFind(id);
    if (it == batches.constEnd() || it->org != caller.orgId || it->sandbox != caller.sandbox) {
        return ingestError(request, u"1020-404"_s, u"Not Found"_s, u"The batch %1 was not found."_s.arg(id));
    }
    const QString path = request.queryValue(u"path"_s);
    if (!path.isEmpty()) {
        const auto file = it->failedRows.constFind(path);
        if (file == it->failedRows.constEnd()) {
            return ingestError(request, u"1021-404"_s, u"Not Found"_s,
                               u"The batch %1 has no failed file %2."_s.arg(id, path));
        }
        Response rows = Response::empty(200);
        rows.body = *file;
        return rows.withHeader("content-type", "application/json");
    }
    QJsonArray data;
    for (auto f = it->failedRows.constBegin(); f != it->failedRows.constEnd(); ++f) {
        QUrl href = context->url(kFoundation + u"/export/batches/"_s + id + u"/failed"_s);
        QUrlQuery query;
        query.addQueryItem(u"path"_s, QString::fromLatin1(QUrl::toPercentEncoding(f.key())));
        href.setQuery(query);
        data.append(QJsonObject{{u"name"_s, f.key()},
                                {u"length"_s, QString::number(f->size())},
                                {u"_links"_s, QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, href.toString()}}}}}});
    }
    return Response::json(
        QJsonObject{{u"data"_s, data}, {u"_page"_s, QJsonObject{{u"limit"_s, 100}, {u"count"_s, int(data.size())}}}});
}

Response AdobeState::controlDataSetRows(const Request &request)
{
    settleBatches();
    const QString id = request.capture(1);
    if (!dataSets.contains(id))
        return Response::json(QJsonObject{{u"error"_s, u"unknown dataset %1"_s.arg(id)}}, 404);
    const DataSetRows rows = dataSetRows.value(id);
    QJsonObject answer{{u"count"_s, rows.count}};
    if (request.queryValue(u"countOnly"_s) == u"true"_s)
        return Response::json(answer);
    // ?offset=N&limit=M pick a slice of the rows, in the order they were ingested.
    const qint64 offset = std::max<qint64>(0, request.queryValue(u"offset"_s).toLongLong());
    const qint64 limit =
        request.query.hasQueryItem(u"limit"_s) ? request.queryValue(u"limit"_s).toLongLong() : rows.count;
    QJsonArray list;
    qint64 index = 0;
    for (const QByteArray &line : rows.lines.split('\n')) {
        if (line.isEmpty())
            continue;
        if (index++ < offset)
            continue;
        if (list.size() >= limit)
            break;
        list.append(QJsonDocument::fromJson(line).object());
    }
    answer.insert(u"rows"_s, list);
    return Response::json(answer);
}

Response AdobeState::controlIngestion(const Request &request)
{
    bool ok = false;
    const QJsonObject body = request.json(&ok).toObject();
    if (!ok)
        return Response::json(QJsonObject{{u"error"_s, u"the body must be a JSON object"_s}}, 400);
    if (body.contains(u"processingMs"_s)) {
        const auto ms = asInteger(body.value(u"processingMs"_s));
        if (!ms || *ms < 0)
            return Response::json(QJsonObject{{u"error"_s, u"\"processingMs\" must be a whole number >= 0"_s}}, 400);
        processingMs = *ms;
    }
    if (body.contains(u"failNext"_s)) {
        const QString outcome = body.value(u"failNext"_s).toString();
        static const QStringList outcomes = {u"failed"_s, u"stalled"_s, u"abandoned"_s, QString()};
        if (!outcomes.contains(outcome)) {
            return Response::json(QJsonObject{{u"error"_s, u"\"failNext\" must be failed, stalled or abandoned"_s}},
                                  400);
        }
        const auto count = body.contains(u"count"_s) ? asInteger(body.value(u"count"_s)) : std::optional<qint64>(1);
        if (!count || *count < 0)
            return Response::json(QJsonObject{{u"error"_s, u"\"count\" must be a whole number >= 0"_s}}, 400);
        failNext = outcome;
        failNextCount = outcome.isEmpty() ? 0 : int(*count);
    }
    context->changed();
    return Response::json(
        QJsonObject{{u"processingMs"_s, processingMs}, {u"failNext"_s, failNext}, {u"count"_s, failNextCount}});
}

QJsonObject AdobeState::saveIngestionState() const
{
    QJsonArray list;
    for (auto it = batches.constBegin(); it != batches.constEnd(); ++it) {
        QJsonObject files;
        for (auto f = it->files.constBegin(); f != it->files.constEnd(); ++f)
            files.insert(f.key(), QString::fromLatin1(f->toBase64()));
        QJsonObject failed;
        for (auto f = it->failedRows.constBegin(); f != it->failedRows.constEnd(); ++f)
            failed.insert(f.key(), QString::fromUtf8(*f));
        list.append(QJsonObject{{u"id"_s, it.key()},
                                {u"org"_s, it->org},
                                {u"sandbox"_s, it->sandbox},
                                {u"dataSetId"_s, it->dataSetId},
                                {u"data"_s, it->data},
                                {u"files"_s, files},
                                {u"failedRows"_s, failed},
                                {u"processAt"_s, it->processAtMs},
                                {u"forcedOutcome"_s, it->forcedOutcome},
                                {u"partialPercent"_s, it->partialPercent}});
    }
    QJsonObject rows;
    const QString stateFile = context->stateFile;
    if (stateFile != rowsWrittenFor) { // a new state file: every dataset's rows go there
        rowsDirty = QSet<QString>(dataSetRows.keyBegin(), dataSetRows.keyEnd());
        rowsWrittenFor = stateFile;
    }
    for (auto it = dataSetRows.constBegin(); it != dataSetRows.constEnd(); ++it) {
        if (stateFile.isEmpty()) {
            rows.insert(it.key(), QJsonObject{{u"count"_s, it->count}, {u"lines"_s, QString::fromUtf8(it->lines)}});
            continue;
        }
        // Beside the state file, so that 100,000 rows are not re-serialised with every change.
        const QString name = it.key() + u".jsonl"_s;
        if (rowsDirty.contains(it.key())) {
            QDir().mkpath(stateFile + u".rows"_s);
            QSaveFile file(stateFile + u".rows/"_s + name);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(it->lines);
                file.commit();
            }
        }
        rows.insert(it.key(), QJsonObject{{u"count"_s, it->count}, {u"file"_s, name}});
    }
    rowsDirty.clear();
    return QJsonObject{{u"batches"_s, list},
                       {u"rows"_s, rows},
                       {u"processingMs"_s, processingMs},
                       {u"failNext"_s, failNext},
                       {u"failNextCount"_s, failNextCount}};
}

void AdobeState::loadIngestionState(const QJsonObject &state)
{
    if (state.isEmpty())
        return;
    batches.clear();
    for (const QJsonValue &v : state.value(u"batches"_s).toArray()) {
        const QJsonObject o = v.toObject();
        IngestBatch b;
        b.org = o.value(u"org"_s).toString();
        b.sandbox = o.value(u"sandbox"_s).toString();
        b.dataSetId = o.value(u"dataSetId"_s).toString();
        b.data = o.value(u"data"_s).toObject();
        const QJsonObject files = o.value(u"files"_s).toObject();
        for (auto f = files.begin(); f != files.end(); ++f)
            b.files.insert(f.key(), QByteArray::fromBase64(f.value().toString().toLatin1()));
        const QJsonObject failed = o.value(u"failedRows"_s).toObject();
        for (auto f = failed.begin(); f != failed.end(); ++f)
            b.failedRows.insert(f.key(), f.value().toString().toUtf8());
        b.processAtMs = qint64(o.value(u"processAt"_s).toDouble());
        b.forcedOutcome = o.value(u"forcedOutcome"_s).toString();
        b.partialPercent = o.value(u"partialPercent"_s).toInt();
        batches.insert(o.value(u"id"_s).toString(), b);
    }
    dataSetRows.clear();
    rowsDirty.clear();
    rowsWrittenFor = context->stateFile;
    const QJsonObject rows = state.value(u"rows"_s).toObject();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        QByteArray lines = o.value(u"lines"_s).toString().toUtf8();
        if (o.contains(u"file"_s)) {
            QFile file(context->stateFile + u".rows/"_s + o.value(u"file"_s).toString());
            if (file.open(QIODevice::ReadOnly))
                lines = file.readAll();
        } else {
            rowsDirty.insert(it.key()); // saved inline: written beside the state file next time
        }
        dataSetRows.insert(it.key(), DataSetRows{lines, qint64(o.value(u"count"_s).toDouble())});
    }
    processingMs = qint64(state.value(u"processingMs"_s).toDouble(150));
    failNext = state.value(u"failNext"_s).toString();
    failNextCount = state.value(u"failNextCount"_s).toInt();
}

} // namespace zaw::sandbox::adobe
