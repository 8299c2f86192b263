// SPDX-License-Identifier: GPL-3.0-or-later
// Flow Service: list, get and delete of base connections, source connections, target connections
// and dataflows, one implementation for the four collections.
#include "AdobeState.h"

#include <algorithm>

namespace zaw::sandbox::adobe {

const AdobeState::Collection &AdobeState::baseConnectionsCollection()
{
    static const Collection c{u"connections"_s, &AdobeState::connections, &AdobeState::storedConnectionView,
                              &AdobeState::baseConnectionInUse, nullptr};
    return c;
}

const AdobeState::Collection &AdobeState::sourceConnectionsCollection()
{
    static const Collection c{u"sourceConnections"_s, &AdobeState::sourceConnections, nullptr,
                              &AdobeState::sourceConnectionInUse, nullptr};
    return c;
}

const AdobeState::Collection &AdobeState::targetConnectionsCollection()
{
    static const Collection c{u"targetConnections"_s, &AdobeState::targetConnections, nullptr,
                              &AdobeState::targetConnectionInUse, nullptr};
    return c;
}

const AdobeState::Collection &AdobeState::flowsCollection()
{
    static const Collection c{u"flows"_s, &AdobeState::flows, &AdobeState::flowView, nullptr,
                              &AdobeState::removeRunsOf};
    return c;
}

Response AdobeState::listIn(const Collection &collection, const Request &request, const Caller &caller)
{
    Store &store = this->*collection.store;
    QList<QJsonObject> items;
    for (auto it = store.begin(); it != store.end(); ++it) {
        if (visible(*it, caller))
            items.append(collection.view ? (this->*collection.view)(*it) : it->data);
    }
    return listResponse(request, items, u"/"_s + collection.name);
}

Response AdobeState::getIn(const Collection &collection, const Request &request, const Caller &caller)
{
    Entry *entry = findIn(this->*collection.store, request.capture(1), caller);
    if (!entry)
        return notFound(request, collection.name, request.capture(1));
    const QJsonObject view = collection.view ? (this->*collection.view)(*entry) : entry->data;
    return Response::json(QJsonObject{{u"items"_s, QJsonArray{view}}});
}

Response AdobeState::deleteIn(const Collection &collection, const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(this->*collection.store, id, caller))
        return notFound(request, collection.name, id);
    if (collection.deleteBlocked) {
        if (auto blocked = (this->*collection.deleteBlocked)(request, id))
            return *blocked;
    }
    (this->*collection.store).remove(id);
    if (collection.afterDelete)
        (this->*collection.afterDelete)(id);
    context->changed();
    return Response::empty(204);
}

Response AdobeState::storeCreated(const Collection &collection, const Caller &caller, const QString &id,
                                  const QJsonObject &data, const QJsonObject &meta)
{
    (this->*collection.store).insert(id, Entry{caller.orgId, caller.sandbox, data, meta});
    context->changed();
    return Response::json(QJsonObject{{u"id"_s, id}, {u"etag"_s, data.value(u"etag"_s)}}, 201)
        .withHeader("location", platformUrl(kFlowBase + u"/"_s + collection.name + u"/"_s + id).toUtf8());
}

std::optional<Response> AdobeState::beginPatch(const Collection &collection, const Request &request,
                                               const Caller &caller, Entry **entry, QJsonArray *instructions)
{
    *entry = findIn(this->*collection.store, request.capture(1), caller);
    if (!*entry)
        return notFound(request, collection.name, request.capture(1));
    if (auto error = checkIfMatch(request, **entry))
        return error;
    Response error;
    const auto parsed = patchInstructions(request, &error);
    if (!parsed)
        return error;
    *instructions = *parsed;
    return std::nullopt;
}

std::optional<Response> AdobeState::applyInstructions(const Request &request, const QJsonArray &instructions,
                                                      const QStringList &allowed, const QString &what,
                                                      QJsonValue *patched)
{
    for (const QJsonValue &v : instructions) {
        const QJsonObject instruction = v.toObject();
        const QString path = instruction.value(u"path"_s).toString();
        const bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const QString &prefix) {
            return path == prefix || path.startsWith(prefix + QLatin1Char('/'));
        });
        if (!ok) {
            return flowError(request, u"1455-400"_s, u"Bad Request"_s,
                             u"The patch instruction path '%1' is not valid for %2. Valid paths: %3."_s.arg(
                                 path, what, allowed.join(u", "_s)));
        }
        QString patchError;
        if (!applyPatch(*patched, path.mid(1).split(QLatin1Char('/')), instruction.value(u"op"_s).toString(),
                        instruction.value(u"value"_s), &patchError)) {
            return flowError(request, u"1455-400"_s, u"Bad Request"_s,
                             u"The patch instruction for '%1' cannot be applied: %2."_s.arg(path, patchError));
        }
    }
    return std::nullopt;
}

Response AdobeState::finishPatch(Entry &entry, const QJsonObject &data, const Caller &caller)
{
    entry.data = data;
    touch(entry, caller);
    return Response::json(QJsonObject{{u"id"_s, entry.data.value(u"id"_s)}, {u"etag"_s, entry.data.value(u"etag"_s)}});
}

AdobeState::PlatformHandler AdobeState::lister(const Collection &collection)
{
    return [&collection](AdobeState *state, const Request &request, const Caller &caller) {
        return state->listIn(collection, request, caller);
    };
}

AdobeState::PlatformHandler AdobeState::getter(const Collection &collection)
{
    return [&collection](AdobeState *state, const Request &request, const Caller &caller) {
        return state->getIn(collection, request, caller);
    };
}

AdobeState::PlatformHandler AdobeState::deleter(const Collection &collection)
{
    return [&collection](AdobeState *state, const Request &request, const Caller &caller) {
        return state->deleteIn(collection, request, caller);
    };
}

std::optional<Response> AdobeState::baseConnectionInUse(const Request &request, const QString &id)
{
    QStringList flowIds;
    for (auto it = flows.constBegin(); it != flows.constEnd(); ++it) {
        if (flowUsesBaseConnection(*it, id))
            flowIds.append(it.key());
    }
    if (flowIds.isEmpty())
        return std::nullopt;
    return flowError(
        request, u"1418-400"_s, u"Bad Request"_s,
        u"The connection %1 cannot be deleted because the base connection is being used in one or more flows: %2. Delete the flows first."_s
            .arg(id, flowIds.join(u", "_s)));
}

std::optional<Response> AdobeState::sourceConnectionInUse(const Request &request, const QString &id)
{
    for (const Entry &flow : std::as_const(flows)) {
        if (flow.data.value(u"sourceConnectionIds"_s).toArray().contains(QJsonValue(id))) {
            // [emulator] code: the published catalogue names 1418 only for base connections.
            return flowError(
                request, u"1418-400"_s, u"Bad Request"_s,
                u"The source connection %1 cannot be deleted because it is being used in the flow %2. Delete the flow first."_s
                    .arg(id, flow.data.value(u"id"_s).toString()));
        }
    }
    return std::nullopt;
}

std::optional<Response> AdobeState::targetConnectionInUse(const Request &request, const QString &id)
{
    for (const Entry &flow : std::as_const(flows)) {
        if (flow.data.value(u"targetConnectionIds"_s).toArray().contains(QJsonValue(id))) {
            return flowError(
                request, u"1418-400"_s, u"Bad Request"_s,
                u"The target connection %1 cannot be deleted because it is being used in the flow %2. Delete the flow first."_s
                    .arg(id, flow.data.value(u"id"_s).toString()));
        }
    }
    return std::nullopt;
}

void AdobeState::removeRunsOf(const QString &flowId)
{
    for (auto it = runs.begin(); it != runs.end();) {
        if (it->data.value(u"flowId"_s).toString() == flowId)
            it = runs.erase(it);
        else
            ++it;
    }
}

} // namespace zaw::sandbox::adobe
