// SPDX-License-Identifier: GPL-3.0-or-later
// Flow Service: runs.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerFlowRunRoutes(Router &router)
{
    addRoute(router, "GET", u"/flowservice/runs/?"_s, Api::FlowService, &AdobeState::listRuns);
    addRoute(router, "GET", u"/flowservice/runs/([^/]+)/?"_s, Api::FlowService, &AdobeState::getRun);
    router.add("POST", u"/_sandbox/adobe/flows/([^/]+)/run"_s,
               [this](const Request &request) { return controlRun(request); });
}

void AdobeState::materializeRuns(Entry &flow)
{
    if (flow.data.value(u"state"_s).toString() != u"enabled"_s)
        return;
    const QJsonObject schedule = flow.data.value(u"scheduleParams"_s).toObject();
    const auto startTime = asInteger(schedule.value(u"startTime"_s));
    if (!startTime)
        return;
    const qint64 start = *startTime * 1000;
    const qint64 now = nowMs();
    if (start > now)
        return;
    const qint64 done = qint64(flow.meta.value(u"generatedUntil"_s).toDouble());
    const QString frequency = schedule.value(u"frequency"_s).toString();
    QList<qint64> slotTimes;
    qint64 step = 0;
    if (frequency == u"once"_s) {
        if (done < start)
            slotTimes.append(start);
    } else {
        step = frequencyUnitMs(frequency) * asInteger(schedule.value(u"interval"_s)).value_or(1);
        if (step <= 0)
            return;
        const qint64 kMax = (now - start) / step;
        qint64 kMin = done < start ? 0 : (done - start) / step + 1;
        kMin = std::max(kMin, kMax - (kMaxCatchUpRuns - 1));
        for (qint64 k = kMin; k <= kMax; ++k)
            slotTimes.append(start + k * step);
    }
    if (slotTimes.isEmpty())
        return;
    flow.meta.insert(u"generatedUntil"_s, slotTimes.last());

    QString failure;
    const int records = sourceRecordCount(flow, &failure);
    for (qint64 slot : std::as_const(slotTimes)) {
        Entry &run = createRun(flow, slot, records, failure);
        if (step > 0)
            run.meta.insert(u"windowStart"_s, slot - step);
    }
    context->changed();
}

// How many records a run of the flow reads: the module's record count on the Zoho side, read
// with the credentials of the flow's base connection.
int AdobeState::sourceRecordCount(const Entry &flow, QString *failure)
{
    const QString sourceId = flow.data.value(u"sourceConnectionIds"_s).toArray().first().toString();
    const auto source = sourceConnections.constFind(sourceId);
    auto base = source == sourceConnections.constEnd()
                    ? connections.end()
                    : connections.find(source->data.value(u"baseConnectionId"_s).toString());
    if (base == connections.end()) {
        *failure = u"The source connection %1 or its base connection no longer exists."_s.arg(sourceId);
        return 0;
    }
    const int records =
        zohoRecordCount(*base, source->data.value(u"params"_s).toObject().value(u"tableName"_s).toString(), failure);
    return std::max(records, 0);
}

AdobeState::Entry &AdobeState::createRun(Entry &flow, qint64 startMs, int records, const QString &failure)
{
    const QString id = SandboxContext::uuid();
    const QString flowId = flow.data.value(u"id"_s).toString();
    const QJsonObject data{{u"id"_s, id},
                           {u"flowId"_s, flowId},
                           {u"flowSpec"_s, flow.data.value(u"flowSpec"_s)},
                           {u"createdAt"_s, startMs},
                           {u"createdBy"_s, flow.data.value(u"createdBy"_s)},
                           {u"createdClient"_s, flow.data.value(u"createdClient"_s)},
                           {u"updatedBy"_s, flow.data.value(u"createdBy"_s)},
                           {u"updatedClient"_s, flow.data.value(u"createdClient"_s)},
                           {u"sandboxId"_s, flow.data.value(u"sandboxId"_s)},
                           {u"sandboxName"_s, flow.data.value(u"sandboxName"_s)},
                           {u"imsOrgId"_s, flow.data.value(u"imsOrgId"_s)},
                           {u"providerRefId"_s, u"M-%1-incremental-0:%2"_s.arg(flowId, SandboxContext::uuid())},
                           {u"etag"_s, newEtag()}};
    const QJsonObject meta{{u"startedAt"_s, startMs},
                           {u"completedAt"_s, startMs + kRunDurationMs},
                           {u"records"_s, records},
                           {u"failure"_s, failure},
                           {u"windowStart"_s, startMs - 86400LL * 1000},
                           {u"batchId"_s, newBatchId()},
                           {u"copyActivityId"_s, SandboxContext::uuid()},
                           {u"promotionActivityId"_s, SandboxContext::uuid()},
                           {u"adfRunId"_s, SandboxContext::uuid()},
                           {u"sourceConnectionId"_s, flow.data.value(u"sourceConnectionIds"_s).toArray().first()},
                           {u"targetConnectionId"_s, flow.data.value(u"targetConnectionIds"_s).toArray().first()}};
    // A minute schedule left running for days would otherwise fill the state file.
    QList<QPair<double, QString>> existing;
    for (auto r = runs.constBegin(); r != runs.constEnd(); ++r) {
        if (r->data.value(u"flowId"_s).toString() == flowId)
            existing.append({r->meta.value(u"startedAt"_s).toDouble(), r.key()});
    }
    std::sort(existing.begin(), existing.end());
    for (int i = 0; i < int(existing.size()) - (kMaxStoredRunsPerFlow - 1); ++i)
        runs.remove(existing.at(i).second);
    auto it = runs.insert(id, Entry{flow.org, flow.sandbox, data, meta});
    return *it;
}

QJsonObject AdobeState::runView(const Entry &entry) const
{
    QJsonObject view = entry.data;
    const qint64 started = qint64(entry.meta.value(u"startedAt"_s).toDouble());
    const qint64 completed = qint64(entry.meta.value(u"completedAt"_s).toDouble());
    const int records = entry.meta.value(u"records"_s).toInt();
    const QString failure = entry.meta.value(u"failure"_s).toString();
    const bool done = nowMs() >= completed;
    const bool failed = !failure.isEmpty();
    const QString status = !done ? u"inProgress"_s : (failed ? u"failed"_s : u"success"_s);
    const int output = done && !failed ? records : 0;
    // Sizes scale with the record count: roughly what one Zoho record weighs as JSON and Parquet.
    const qint64 inputBytes = qint64(records) * 612;
    const qint64 outputBytes = done && !failed ? qint64(records) * 389 + 2048 : 0;
    view.insert(u"updatedAt"_s, done ? completed : started);

    QJsonObject duration{{u"startedAtUTC"_s, started}};
    if (done)
        duration.insert(u"completedAtUTC"_s, completed);
    QJsonArray errors;
    if (failed && done)
        errors.append(QJsonObject{{u"code"_s, u"CONNECTOR-2001-500"_s}, {u"message"_s, failure}});
    const QString copyId = entry.meta.value(u"copyActivityId"_s).toString();
    const QString promotionId = entry.meta.value(u"promotionActivityId"_s).toString();
    QJsonArray activityRefs{copyId};
    if (!failed)
        activityRefs.append(promotionId);

    view.insert(
        u"metrics"_s,
        QJsonObject{{u"durationSummary"_s, duration},
                    {u"sizeSummary"_s, QJsonObject{{u"inputBytes"_s, inputBytes}, {u"outputBytes"_s, outputBytes}}},
                    {u"recordSummary"_s, QJsonObject{{u"inputRecordCount"_s, records},
                                                     {u"outputRecordCount"_s, output},
                                                     {u"createdRecordCount"_s, output},
                                                     {u"failedRecordCount"_s, 0},
                                                     {u"skippedRecordCount"_s, 0}}},
                    {u"fileSummary"_s, QJsonObject{{u"inputFileCount"_s, failed ? 0 : 1},
                                                   {u"outputFileCount"_s, done && !failed ? 1 : 0},
                                                   {u"activityRefs"_s, QJsonArray{copyId}}}},
                    {u"statusSummary"_s,
                     QJsonObject{{u"status"_s, status}, {u"errors"_s, errors}, {u"activityRefs"_s, activityRefs}}}});

    QJsonObject copyDuration = duration;
    copyDuration.insert(u"extensions"_s,
                        QJsonObject{{u"windowStart"_s, qint64(entry.meta.value(u"windowStart"_s).toDouble())},
                                    {u"windowEnd"_s, started}});
    QJsonArray activities{
        QJsonObject{{u"id"_s, copyId},
                    {u"name"_s, u"Copy Activity"_s},
                    {u"updatedAtUTC"_s, done ? completed : started},
                    {u"durationSummary"_s, copyDuration},
                    {u"sizeSummary"_s, QJsonObject{{u"inputBytes"_s, inputBytes}, {u"outputBytes"_s, inputBytes}}},
                    {u"recordSummary"_s,
                     QJsonObject{{u"inputRecordCount"_s, records}, {u"outputRecordCount"_s, done ? records : 0}}},
                    {u"fileSummary"_s, QJsonObject{{u"outputFileCount"_s, done && !failed ? 1 : 0}}},
                    {u"statusSummary"_s, QJsonObject{{u"status"_s, status}, {u"errors"_s, errors}}},
                    {u"sourceInfo"_s,
                     QJsonArray{QJsonObject{
                         {u"id"_s, entry.meta.value(u"sourceConnectionId"_s)},
                         {u"type"_s, u"SourceConnection"_s},
                         {u"reference"_s, QJsonObject{{u"type"_s, u"AdfRunId"_s},
                                                      {u"ids"_s, QJsonArray{entry.meta.value(u"adfRunId"_s)}}}}}}}}};
    if (!failed) {
        activities.append(QJsonObject{
            {u"id"_s, promotionId},
            {u"name"_s, u"Promotion Activity"_s},
            {u"updatedAtUTC"_s, done ? completed : started},
            {u"durationSummary"_s, duration},
            {u"sizeSummary"_s, QJsonObject{{u"inputBytes"_s, inputBytes}, {u"outputBytes"_s, outputBytes}}},
            {u"recordSummary"_s, QJsonObject{{u"inputRecordCount"_s, records},
                                             {u"outputRecordCount"_s, output},
                                             {u"failedRecordCount"_s, 0}}},
            {u"statusSummary"_s,
             QJsonObject{{u"status"_s, status},
                         {u"extensions"_s, QJsonObject{{u"manifest"_s, QJsonObject{{u"failedRecords"_s, QJsonArray()},
                                                                                   {u"sampleErrors"_s, QJsonArray()}}},
                                                       {u"errors"_s, QJsonArray()}}}}},
            {u"targetInfo"_s,
             QJsonArray{
                 QJsonObject{{u"id"_s, entry.meta.value(u"targetConnectionId"_s)},
                             {u"type"_s, u"TargetConnection"_s},
                             {u"reference"_s, QJsonObject{{u"type"_s, u"Batch"_s},
                                                          {u"ids"_s, QJsonArray{entry.meta.value(u"batchId"_s)}}}}}}}});
    }
    view.insert(u"activities"_s, activities);
    return view;
}

QJsonObject AdobeState::lastRunDetails(const QString &flowId) const
{
    const Entry *latest = nullptr;
    for (const Entry &run : runs) {
        if (run.data.value(u"flowId"_s).toString() != flowId)
            continue;
        if (!latest || run.meta.value(u"startedAt"_s).toDouble() >= latest->meta.value(u"startedAt"_s).toDouble())
            latest = &run;
    }
    if (!latest)
        return {};
    const QJsonObject view = runView(*latest);
    const QJsonObject duration = view.value(u"metrics"_s).toObject().value(u"durationSummary"_s).toObject();
    QJsonObject details{
        {u"id"_s, latest->data.value(u"id"_s)},
        {u"state"_s, view.value(u"metrics"_s).toObject().value(u"statusSummary"_s).toObject().value(u"status"_s)},
        {u"startedAtUTC"_s, duration.value(u"startedAtUTC"_s)}};
    if (duration.contains(u"completedAtUTC"_s))
        details.insert(u"completedAtUTC"_s, duration.value(u"completedAtUTC"_s));
    return details;
}

Response AdobeState::listRuns(const Request &request, const Caller &caller)
{
    for (auto it = flows.begin(); it != flows.end(); ++it) {
        if (visible(*it, caller))
            materializeRuns(*it);
    }
    QList<QJsonObject> items;
    for (const Entry &run : std::as_const(runs)) {
        if (visible(run, caller))
            items.append(runView(run));
    }
    return listResponse(request, items, u"/runs"_s);
}

Response AdobeState::getRun(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(runs, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"runs"_s, request.capture(1));
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{runView(*entry)}}});
}

// POST /_sandbox/adobe/flows/{id}/run: a run that starts now, whatever the schedule says (tests and
// the demo use it to show a run without waiting for a slot).
Response AdobeState::controlRun(const Request &request)
{
    const QString id = request.capture(1);
    auto it = flows.find(id);
    if (it == flows.end())
        return notFound(request, u"flows"_s, id);
    materializeRuns(*it);
    QString failure;
    const int records = sourceRecordCount(*it, &failure);
    Entry &run = createRun(*it, nowMs(), records, failure);
    context->changed();
    return Response::json(runView(run), 201);
}

} // namespace zaw::sandbox::adobe
