// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's fixed data (seed users, orgs and modules, connection and flow specs) lives in JSON
// files under resources/sandbox/, compiled into zaw_sandbox, so an installed demo needs no data
// folder.
#pragma once

#include <QJsonValue>
#include <QString>

namespace zaw::sandbox {

// The parsed document at :/sandbox/<name>, read once. A missing or malformed resource is a build
// mistake, so it aborts with a message rather than serving an empty sandbox.
QJsonValue sandboxResource(const QString &name);

} // namespace zaw::sandbox
