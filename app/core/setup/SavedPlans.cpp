// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SavedPlans.h"

using namespace Qt::StringLiterals;

namespace zaw::setup::SavedPlans {

void put(QJsonObject &setup, const QJsonObject &state)
{
    const QString id = state.value(u"setupId"_s).toString();
    QJsonObject plans = setup.value(u"plans"_s).toObject();
    for (const QString &key : plans.keys()) {
        if (key != id && plans.value(key).toObject().value(u"setupId"_s).toString() == id)
            plans.remove(key);
    }
    plans.insert(id, state);
    setup.insert(u"plans"_s, plans);
    const QString base = baseConnectionId(state);
    if (!base.isEmpty())
        setup.insert(u"baseConnectionId"_s, base);
}

void remove(QJsonObject &setup, const QString &setupId)
{
    QJsonObject plans = setup.value(u"plans"_s).toObject();
    for (const QString &key : plans.keys()) {
        if (key == setupId || plans.value(key).toObject().value(u"setupId"_s).toString() == setupId)
            plans.remove(key);
    }
    setup.insert(u"plans"_s, plans);
}

QJsonObject find(const QJsonObject &setup, const std::function<bool(const QJsonObject &)> &match)
{
    const QJsonObject plans = setup.value(u"plans"_s).toObject();
    for (auto it = plans.begin(); it != plans.end(); ++it) {
        const QJsonObject state = it.value().toObject();
        if (match(state))
            return state;
    }
    return {};
}

QString tablePath(const QJsonObject &state)
{
    return state.value(u"request"_s).toObject().value(u"tablePath"_s).toString();
}

QString baseConnectionId(const QJsonObject &state)
{
    return state.value(u"objects"_s).toObject().value(u"baseConnection"_s).toObject().value(u"id"_s).toString();
}

bool isComplete(const QJsonObject &state)
{
    return state.value(u"complete"_s).toBool();
}

} // namespace zaw::setup::SavedPlans
