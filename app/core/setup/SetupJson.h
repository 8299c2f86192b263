// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "setup/MappingBuilder.h"
#include "setup/ScheduleRules.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace zaw::setup {

// The JSON forms a recipe keeps in the saved state and hashes as a step's inputs. They are part
// of the state format: a change here makes saved objects look changed (and be made again).
class SetupJson
{
public:
    static QJsonObject column(const catalogue::Column &c);
    static QJsonObject field(const zoho::ZohoField &f);
    static zoho::ZohoField fieldFrom(const QJsonObject &o);
    static QJsonObject row(const MappingRow &r);
    static MappingRow rowFrom(const QJsonObject &o);
    static QJsonObject schedule(const Schedule &s);
    static Schedule scheduleFrom(const QJsonObject &o);

    static QJsonArray columns(const QList<catalogue::Column> &list);
    static QJsonArray fields(const QList<zoho::ZohoField> &list);
    static QJsonArray rows(const QList<MappingRow> &list);
};

} // namespace zaw::setup
