// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox management.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerSandboxesRoutes(Router &router)
{
    addRoute(router, "GET", u"/sandbox-management/?"_s, Api::SandboxManagement, &AdobeState::listSandboxes);
    addRoute(router, "GET", u"/sandbox-management/sandboxes/?"_s, Api::SandboxManagement, &AdobeState::listSandboxes);
    addRoute(router, "GET", u"/sandbox-management/sandboxes/([^/]+)/?"_s, Api::SandboxManagement,
             &AdobeState::getSandbox);
}

QJsonObject AdobeState::sandboxView(const SandboxInfo &sandbox) const
{
    const QString created = QDateTime::fromMSecsSinceEpoch(kSeedTimeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    return QJsonObject{{u"name"_s, sandbox.name},
                       {u"title"_s, sandbox.title},
                       {u"state"_s, u"active"_s},
                       {u"type"_s, sandbox.type},
                       {u"region"_s, kRegion},
                       {u"isDefault"_s, sandbox.isDefault},
                       {u"eTag"_s, 1},
                       {u"createdDate"_s, created},
                       {u"lastModifiedDate"_s, created},
                       {u"createdBy"_s, QString()},
                       {u"modifiedBy"_s, QString()}};
}

Response AdobeState::listSandboxes(const Request &request, const Caller &)
{
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return flowError(request, u"1440-400"_s, u"Bad Request"_s, filterError);
    QJsonArray list;
    for (const SandboxInfo &s : std::as_const(sandboxes)) {
        const QJsonObject view = sandboxView(s);
        if (matchesFilters(view, *filters))
            list.append(view);
    }
    return Response::json(QJsonObject{{u"sandboxes"_s, list},
                                      {u"_page"_s, QJsonObject{{u"limit"_s, 50}, {u"count"_s, int(list.size())}}},
                                      {u"_links"_s, QJsonObject()}});
}

Response AdobeState::getSandbox(const Request &request, const Caller &caller)
{
    const SandboxInfo *sandbox = sandboxNamed(request.capture(1));
    if (!sandbox) {
        return flowError(
            request, u"2100-404"_s, u"Sandbox not found"_s,
            u"The sandbox '%1' is not found in the organization %2."_s.arg(request.capture(1), caller.orgId),
            QJsonObject{{u"sandboxName"_s, request.capture(1)}});
    }
    return Response::json(sandboxView(*sandbox));
}

} // namespace zaw::sandbox::adobe
