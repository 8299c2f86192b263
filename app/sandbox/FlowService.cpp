// SPDX-License-Identifier: GPL-3.0-or-later
// Flow Service: dataflows.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerFlowRoutes(Router &router)
{
    addRoute(router, "POST", u"/flowservice/flows/([^/]+)/action/?"_s, Api::FlowService, &AdobeState::flowAction);
    addRoute(router, "GET", u"/flowservice/flows/?"_s, Api::FlowService, lister(flowsCollection()));
    addRoute(router, "POST", u"/flowservice/flows/?"_s, Api::FlowService, &AdobeState::createFlow);
    addRoute(router, "GET", u"/flowservice/flows/([^/]+)/?"_s, Api::FlowService, getter(flowsCollection()));
    addRoute(router, "PATCH", u"/flowservice/flows/([^/]+)/?"_s, Api::FlowService, &AdobeState::patchFlow);
    addRoute(router, "DELETE", u"/flowservice/flows/([^/]+)/?"_s, Api::FlowService, deleter(flowsCollection()));
}

namespace {

QJsonObject transformationNamed(const QJsonArray &transformations, const QString &name)
{
    for (const QJsonValue &v : transformations) {
        if (v.toObject().value(u"name"_s).toString().compare(name, Qt::CaseInsensitive) == 0)
            return v.toObject();
    }
    return {};
}

} // namespace

// The CRM schedule and Copy rules (reference §6.5/§6.6, sources-errors). `previous` is the stored
// schedule when a flow is updated.
std::optional<Response> AdobeState::validateSchedule(const Request &request, const QJsonObject &schedule,
                                                     const QJsonArray &transformations,
                                                     const QJsonObject *previous) const
{
    auto bad = [&](const QString &code, const QString &message) {
        return flowError(request, code, u"Bad Request"_s, message);
    };
    if (schedule.isEmpty())
        return bad(u"1304-400"_s, u"The mandatory field 'scheduleParams' is missing in the request."_s);
    if (!schedule.contains(u"frequency"_s))
        return bad(u"1304-400"_s, u"The mandatory field 'scheduleParams.frequency' is missing in the request."_s);
    const QString frequency = schedule.value(u"frequency"_s).toString();
    static const QStringList frequencies = {u"once"_s, u"minute"_s, u"hour"_s, u"day"_s, u"week"_s};
    if (!frequencies.contains(frequency)) {
        return bad(u"1397-400"_s,
                   u"The frequency '%1' is not valid. Valid values: once, minute, hour, day, week."_s.arg(
                       scalarText(schedule.value(u"frequency"_s))));
    }
    if (!schedule.contains(u"startTime"_s))
        return bad(u"1304-400"_s, u"The mandatory field 'scheduleParams.startTime' is missing in the request."_s);
    const auto startTime = asInteger(schedule.value(u"startTime"_s));
    if (!startTime || *startTime < 0) {
        return bad(u"1001-400"_s,
                   u"scheduleParams.startTime must be an epoch time in seconds (number or numeric string)."_s);
    }
    const QJsonObject copy = transformationNamed(transformations, u"Copy"_s);
    const QString deltaColumn =
        copy.value(u"params"_s).toObject().value(u"deltaColumn"_s).toObject().value(u"name"_s).toString().trimmed();
    const bool hasDelta = copy.value(u"params"_s).toObject().contains(u"deltaColumn"_s);

    if (frequency == u"once"_s) {
        if (schedule.contains(u"interval"_s))
            return bad(u"1361-400"_s, u"The interval is not allowed when the frequency is 'once'."_s);
        if (schedule.contains(u"backfill"_s))
            return bad(u"1364-400"_s, u"The backfill is not allowed when the frequency is 'once'."_s);
        if (hasDelta) {
            return bad(u"1369-400"_s,
                       u"The delta column is not allowed in copy transformation when the frequency is 'once'."_s);
        }
    } else {
        if (!schedule.contains(u"interval"_s)) {
            return bad(
                u"1304-400"_s,
                u"The mandatory field 'scheduleParams.interval' is missing for frequency '%1'."_s.arg(frequency));
        }
        const auto interval = asInteger(schedule.value(u"interval"_s));
        const int minimum = frequency == u"minute"_s ? 15 : 1;
        if (!interval || *interval < minimum) {
            return bad(u"1362-400"_s,
                       u"The interval for frequency '%1' must be an integer of at least %2; got %3."_s.arg(frequency)
                           .arg(minimum)
                           .arg(scalarText(schedule.value(u"interval"_s))));
        }
        if (schedule.contains(u"backfill"_s) && !asBool(schedule.value(u"backfill"_s)))
            return bad(u"1001-400"_s, u"scheduleParams.backfill must be a boolean."_s);
        if (deltaColumn.isEmpty()) {
            return bad(u"1367-400"_s,
                       u"The delta column is required in copy transformation when creating a CRM connector."_s);
        }
    }

    const qint64 startMs = *startTime * 1000;
    const qint64 now = nowMs();
    std::optional<qint64> previousStart;
    if (previous)
        previousStart = asInteger(previous->value(u"startTime"_s));
    if (previousStart && *previousStart * 1000 <= now && *previousStart != *startTime) {
        return bad(u"1366-400"_s, u"The start time has passed and can no longer be updated."_s);
    }
    const bool startChanged = !previousStart || *previousStart != *startTime;
    if (startChanged && startMs < now - kStartTimeGraceMs) {
        return bad(u"1360-400"_s,
                   u"The start time %1 is in the past. It must be at or after the current UTC time."_s.arg(*startTime));
    }
    return std::nullopt;
}

std::optional<Response> AdobeState::validateMapping(const Request &request, const Caller &caller,
                                                    const QJsonArray &transformations, const QJsonArray &targetIds)
{
    const QJsonObject mapping = transformationNamed(transformations, u"Mapping"_s);
    if (mapping.isEmpty())
        return std::nullopt;
    const QJsonObject params = mapping.value(u"params"_s).toObject();
    const QString mappingId = params.value(u"mappingId"_s).toString();
    const Entry *mappingSet = findIn(mappingSets, mappingId, caller);
    if (!mappingSet) {
        return flowError(request, u"1419-400"_s, u"Bad Request"_s,
                         u"Mapping validation failed: the mapping set '%1' does not exist in the sandbox '%2'."_s.arg(
                             mappingId, caller.sandbox));
    }
    QJsonObject version = mappingSet->data;
    if (params.contains(u"mappingVersion"_s)) {
        const auto requested = asInteger(params.value(u"mappingVersion"_s));
        const qint64 current = mappingSet->data.value(u"version"_s).toInteger();
        if (!requested || *requested < 0 || *requested > current) {
            return flowError(request, u"1412-400"_s, u"Bad Request"_s,
                             u"The mapping version '%1' is not valid for the mapping set %2 (latest version %3)."_s
                                 .arg(scalarText(params.value(u"mappingVersion"_s)), mappingId)
                                 .arg(current));
        }
        for (const QJsonValue &v : mappingSet->meta.value(u"history"_s).toArray()) {
            if (v.toObject().value(u"version"_s).toInteger() == *requested)
                version = v.toObject();
        }
    }
    const QString mappingSchema =
        version.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    for (const QJsonValue &v : targetIds) {
        const Entry *target = findIn(targetConnections, v.toString(), caller);
        if (!target)
            continue;
        const QString dataSetId = target->data.value(u"params"_s).toObject().value(u"dataSetId"_s).toString();
        const auto dataSet = dataSets.constFind(dataSetId);
        const QString dataSetSchema = dataSet == dataSets.constEnd()
                                          ? QString()
                                          : dataSet->data.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
        if (dataSetSchema != mappingSchema) {
            return flowError(
                request, u"1425-400"_s, u"Bad Request"_s,
                u"The schema %1 of the mapping set %2 does not match the schema %3 of the target dataset %4."_s.arg(
                    mappingSchema, mappingId, dataSetSchema, dataSetId));
        }
    }
    return std::nullopt;
}

namespace {

std::optional<QString> optionsProblem(const QJsonObject &options)
{
    if (options.contains(u"partialIngestionPercent"_s)) {
        const QJsonValue v = options.value(u"partialIngestionPercent"_s);
        bool ok = v.isDouble();
        double percent = v.toDouble();
        if (v.isString())
            percent = v.toString().toDouble(&ok);
        if (!ok || percent <= 0 || percent > 100)
            return u"options.partialIngestionPercent must be a number greater than 0 and at most 100."_s;
    }
    if (options.contains(u"errorDiagnosticsEnabled"_s) && !asBool(options.value(u"errorDiagnosticsEnabled"_s)))
        return u"options.errorDiagnosticsEnabled must be a boolean."_s;
    return std::nullopt;
}

} // namespace

Response AdobeState::createFlow(const Request &request, const Caller &caller)
{
    if (request.query.hasQueryItem(u"mode"_s)) {
        // Drafts (POST /flows?mode=draft + op=publish) are a documented AEP feature the wizard does
        // not use; the sandbox does not model them.
        return flowError(request, u"1368-400"_s, u"Bad Request"_s,
                         u"The mode '%1' is not supported by this sandbox: create the flow without a mode."_s.arg(
                             request.queryValue(u"mode"_s)));
    }
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto bad = [&](const QString &code, const QString &message) {
        return flowError(request, code, u"Bad Request"_s, message);
    };
    if (body->contains(u"state"_s))
        return bad(u"1410-400"_s, u"State is not allowed in the create flow request."_s);
    if (body->contains(u"mode"_s))
        return bad(u"1368-400"_s, u"Mode is not allowed in the create flow request."_s);
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return bad(u"1304-400"_s, u"The mandatory field 'name' is missing in the request."_s);

    const QString flowSpecId = body->value(u"flowSpec"_s).toObject().value(u"id"_s).toString();
    if (flowSpecId.isEmpty())
        return bad(u"1304-400"_s, u"The mandatory field 'flowSpec.id' is missing in the request."_s);
    if (flowSpecId == kCloudStorageFlowSpecId) {
        return bad(
            u"1413-400"_s,
            u"The flow spec %1 (CloudStorageToAEP) does not support the source connection spec %2 (zoho-crm). Use the flow spec %3 (CRMToAEP)."_s
                .arg(kCloudStorageFlowSpecId, kZohoSpecId, kCrmFlowSpecId));
    }
    if (flowSpecId != kCrmFlowSpecId)
        return bad(u"1413-400"_s, u"The flow spec ID '%1' is not valid."_s.arg(flowSpecId));

    const QJsonArray sourceIds = body->value(u"sourceConnectionIds"_s).toArray();
    const QJsonArray targetIds = body->value(u"targetConnectionIds"_s).toArray();
    if (sourceIds.size() != 1)
        return bad(u"1304-400"_s, u"Exactly one ID is required in 'sourceConnectionIds'."_s);
    if (targetIds.size() != 1)
        return bad(u"1304-400"_s, u"Exactly one ID is required in 'targetConnectionIds'."_s);
    const Entry *source = findIn(sourceConnections, sourceIds.first().toString(), caller);
    if (!source)
        return notFound(request, u"sourceConnections"_s, sourceIds.first().toString());
    const Entry *target = findIn(targetConnections, targetIds.first().toString(), caller);
    if (!target)
        return notFound(request, u"targetConnections"_s, targetIds.first().toString());
    const QString baseId = source->data.value(u"baseConnectionId"_s).toString();
    const Entry *base = findIn(connections, baseId, caller);
    if (!base)
        return notFound(request, u"connections"_s, baseId);

    const QJsonArray transformations = body->value(u"transformations"_s).toArray();
    const QJsonObject schedule = body->value(u"scheduleParams"_s).toObject();
    if (auto problem = validateSchedule(request, schedule, transformations, nullptr))
        return *problem;
    if (auto problem = validateMapping(request, caller, transformations, targetIds))
        return *problem;
    const QJsonObject options = body->value(u"options"_s).toObject();
    if (auto problem = optionsProblem(options))
        return bad(u"1001-400"_s, *problem);

    const QString id = SandboxContext::uuid();
    const qint64 now = nowMs();
    QJsonObject item = auditFields(caller, id);
    item.insert(u"name"_s, name);
    item.insert(u"description"_s, body->value(u"description"_s).toString());
    item.insert(u"flowSpec"_s, QJsonObject{{u"id"_s, flowSpecId}, {u"version"_s, u"1.0"_s}});
    item.insert(u"state"_s, u"enabled"_s);
    item.insert(u"sourceConnectionIds"_s, sourceIds);
    item.insert(u"targetConnectionIds"_s, targetIds);
    item.insert(
        u"inheritedAttributes"_s,
        QJsonObject{
            {u"properties"_s, QJsonObject{{u"isSourceFlow"_s, true}}},
            {u"sourceConnections"_s,
             QJsonArray{QJsonObject{
                 {u"id"_s, source->data.value(u"id"_s)},
                 {u"connectionSpec"_s, source->data.value(u"connectionSpec"_s)},
                 {u"baseConnection"_s,
                  QJsonObject{{u"id"_s, baseId}, {u"connectionSpec"_s, base->data.value(u"connectionSpec"_s)}}}}}},
            {u"targetConnections"_s,
             QJsonArray{QJsonObject{{u"id"_s, target->data.value(u"id"_s)},
                                    {u"connectionSpec"_s, target->data.value(u"connectionSpec"_s)}}}}});
    item.insert(u"options"_s, options);
    item.insert(u"scheduleParams"_s, schedule);
    item.insert(u"transformations"_s, transformations);
    item.insert(u"runs"_s, u"/runs?property=flowId==%1"_s.arg(id));
    item.insert(u"lastOperation"_s,
                QJsonObject{{u"started"_s, now},
                            {u"updated"_s, 0},
                            {u"percentCompleted"_s, 100},
                            {u"status"_s, QJsonObject{{u"value"_s, u"completed"_s}, {u"errors"_s, QJsonArray()}}},
                            {u"ops"_s, QJsonArray()},
                            {u"operation"_s, u"create"_s}});
    item.insert(u"labels"_s, QJsonArray());
    const qint64 startMs = *asInteger(schedule.value(u"startTime"_s)) * 1000;
    // Scheduled runs are generated lazily for every slot at or after this point.
    const QJsonObject meta{{u"generatedUntil"_s, startMs - 1}};
    return storeCreated(flowsCollection(), caller, id, item, meta);
}

QJsonObject AdobeState::flowView(Entry &entry)
{
    materializeRuns(entry);
    QJsonObject view = entry.data;
    const QJsonObject last = lastRunDetails(view.value(u"id"_s).toString());
    if (!last.isEmpty())
        view.insert(u"lastRunDetails"_s, last);
    return view;
}

Response AdobeState::patchFlow(const Request &request, const Caller &caller)
{
    Entry *entry = nullptr;
    QJsonArray instructions;
    if (auto error = beginPatch(flowsCollection(), request, caller, &entry, &instructions))
        return *error;
    QJsonValue patched = entry->data;
    if (auto error = applyInstructions(
            request, instructions,
            {u"/name"_s, u"/description"_s, u"/scheduleParams"_s, u"/transformations"_s, u"/options"_s}, u"a flow"_s,
            &patched))
        return *error;
    QJsonObject data = patched.toObject();
    if (data.value(u"name"_s).toString().trimmed().isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s, u"The mandatory field 'name' cannot be empty."_s);
    }
    const QJsonObject previous = entry->data.value(u"scheduleParams"_s).toObject();
    const QJsonArray transformations = data.value(u"transformations"_s).toArray();
    if (auto problem =
            validateSchedule(request, data.value(u"scheduleParams"_s).toObject(), transformations, &previous))
        return *problem;
    if (auto problem =
            validateMapping(request, caller, transformations, data.value(u"targetConnectionIds"_s).toArray()))
        return *problem;
    if (auto problem = optionsProblem(data.value(u"options"_s).toObject()))
        return flowError(request, u"1001-400"_s, u"Bad Request"_s, *problem);

    const qint64 oldStart = asInteger(previous.value(u"startTime"_s)).value_or(0);
    const qint64 newStart = asInteger(data.value(u"scheduleParams"_s).toObject().value(u"startTime"_s)).value_or(0);
    if (newStart != oldStart)
        entry->meta.insert(u"generatedUntil"_s, newStart * 1000 - 1);
    QJsonObject operation = data.value(u"lastOperation"_s).toObject();
    operation.insert(u"operation"_s, u"update"_s);
    operation.insert(u"updated"_s, nowMs());
    data.insert(u"lastOperation"_s, operation);
    return finishPatch(*entry, data, caller);
}

Response AdobeState::flowAction(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(flows, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"flows"_s, request.capture(1));
    // Tutorials send ?op=disable, the spec an upper-case enum: the case does not matter. subOp is
    // optional here although the spec marks it required.
    const QString op = request.queryValue(u"op"_s).toLower();
    if (op != u"enable"_s && op != u"disable"_s) {
        return flowError(
            request, u"1001-400"_s, u"Bad Request"_s,
            u"The operation '%1' is not supported for this flow. Supported operations: enable, disable."_s.arg(
                request.queryValue(u"op"_s)));
    }
    // Catch up on slots that passed while it was enabled, so that disabling keeps its history.
    materializeRuns(*entry);
    const QString state = op == u"enable"_s ? u"enabled"_s : u"disabled"_s;
    if (op == u"enable"_s && entry->data.value(u"state"_s).toString() != state) {
        // Slots that passed while the flow was disabled never run.
        const qint64 until = qint64(entry->meta.value(u"generatedUntil"_s).toDouble());
        entry->meta.insert(u"generatedUntil"_s, std::max(until, nowMs()));
    }
    entry->data.insert(u"state"_s, state);
    QJsonObject operation = entry->data.value(u"lastOperation"_s).toObject();
    operation.insert(u"operation"_s, op);
    operation.insert(u"updated"_s, nowMs());
    entry->data.insert(u"lastOperation"_s, operation);
    touch(*entry, caller);
    return Response::json(
        QJsonObject{{u"id"_s, entry->data.value(u"id"_s)}, {u"etag"_s, entry->data.value(u"etag"_s)}});
}

} // namespace zaw::sandbox::adobe
