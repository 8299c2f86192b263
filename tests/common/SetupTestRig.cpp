// SPDX-License-Identifier: GPL-3.0-or-later
#include "SetupTestRig.h"

#include <QDateTime>

namespace zaw::test {

bool readZohoSource(SandboxFixture &f, AdobeRig &rig, const QString &login, const QString &accountName,
                    const QStringList &tables, ZohoSource *out, QString *error)
{
    if (!signInToZoho(f.http, f.endpoints(), f.credentials().value(QStringLiteral("zoho")).toObject(), login,
                      &out->session, error))
        return false;
    auto fail = [error](const QString &what, const net::Error &e) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(what, e.message);
        return false;
    };

    zoho::ZohoAuthClient auth(&rig.http, rig.endpoints);
    zoho::ZohoCrmClient crm(&rig.http, &auth, &out->session);
    const auto fields =
        await<QList<zoho::ZohoField>>([&](QObject *c, auto done) { crm.fields(QStringLiteral("Leads"), c, done); });
    if (fields.second)
        return fail(QStringLiteral("Zoho fields of Leads"), fields.second);
    out->leadsFields = fields.first;

    const adobe::ZohoAuthParams params = setup::zohoAuthParams(out->session);
    const auto base = await<adobe::CreatedObject>([&](QObject *c, auto done) {
        rig.flows.createConnection(adobe::FlowServiceClient::zohoConnectionBody(accountName, {}, params), c, done);
    });
    if (base.second)
        return fail(QStringLiteral("base connection for explore"), base.second);
    out->baseId = base.first.id;
    for (const QString &table : tables) {
        const auto explored = await<QList<QJsonObject>>(
            [&](QObject *c, auto done) { rig.flows.exploreTable(out->baseId, table, c, done); });
        if (explored.second)
            return fail(QStringLiteral("explore columns of %1").arg(table), explored.second);
        QList<catalogue::Column> &columns = out->columns[table];
        for (const QJsonObject &column : explored.first)
            columns.append(catalogue::Column::fromJson(column));
    }
    return true;
}

setup::SetupRequest newLeadsDataSetRequest(const QString &tag, const QString &description,
                                           const zoho::ZohoSession &zoho, const QList<catalogue::Column> &columns,
                                           const QList<zoho::ZohoField> &fields)
{
    setup::SetupRequest r;
    r.baseConnectionName = QStringLiteral("Zoho CRM (%1)").arg(tag);
    r.baseConnectionDescription = description;
    r.zoho = zoho;
    r.tablePath = QStringLiteral("Leads");
    r.columns = columns;
    r.zohoFields = fields;
    r.dataSetName = QStringLiteral("Zoho CRM Leads (%1)").arg(tag);
    r.schemaTitle = QStringLiteral("Zoho CRM Leads (%1)").arg(tag);
    r.flowName = QStringLiteral("Leads hourly (%1)").arg(tag);
    r.flowDescription = QStringLiteral("Hourly incremental load of Leads");
    r.errorDiagnostics = true;
    r.partialIngestionPercent = 5;
    r.schedule.frequency = QStringLiteral("hour");
    r.schedule.interval = 1;
    r.schedule.backfill = true;
    r.schedule.deltaColumn = QStringLiteral("Modified_Time");
    r.schedule.start = QDateTime::currentDateTimeUtc().addSecs(3600);
    return r;
}

setup::SetupRequest existingContactsDataSetRequest(const QString &tag, const zoho::ZohoSession &zoho,
                                                   const QList<catalogue::Column> &columns, const QString &dataSetId)
{
    setup::SetupRequest r;
    r.baseConnectionName = QStringLiteral("Zoho CRM (%1)").arg(tag);
    r.zoho = zoho;
    r.tablePath = QStringLiteral("Contacts");
    r.columns = columns;
    r.dataSetId = dataSetId;
    r.flowName = QStringLiteral("Contacts once (%1)").arg(tag);
    r.schedule.start = QDateTime::currentDateTimeUtc().addSecs(3600); // once
    return r;
}

} // namespace zaw::test
