// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

namespace zaw::setup {

// The setup plans of a profile, as kept in profile.setup (shared by the wizard and the command
// line): "plans" maps each plan's setupId to its state (SetupPlan::state()), and
// "baseConnectionId" is the base connection of the newest plan that has one — the profile's
// source account, which `tables`, `preview` and a new dataflow use.
//
// States saved by earlier versions under the module's name instead of the setupId are still
// found, and moved under their setupId the next time they are saved.
namespace SavedPlans {

// Stores state (replacing the plan's earlier entry under any key) and notes its base connection.
void put(QJsonObject &setup, const QJsonObject &state);

// Removes the plan's entry (a dataflow the user deleted).
void remove(QJsonObject &setup, const QString &setupId);

// The first saved state for which match returns true; empty when none does.
QJsonObject find(const QJsonObject &setup, const std::function<bool(const QJsonObject &state)> &match);

// What callers ask of a state.
QString tablePath(const QJsonObject &state);
QString baseConnectionId(const QJsonObject &state);
bool isComplete(const QJsonObject &state);

} // namespace SavedPlans

} // namespace zaw::setup
