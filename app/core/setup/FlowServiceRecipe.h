// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "setup/MappingBuilder.h"
#include "setup/ScheduleRules.h"
#include "setup/SetupRecipe.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::adobe {
class PlatformClient;
class FlowServiceClient;
class CatalogClient;
class SchemaRegistryClient;
class DataPrepClient;
struct ZohoAuthParams;
} // namespace zaw::adobe

namespace zaw::setup {

// What the wizard's pages (or `create`'s options) decided. Everything except `zoho` is kept in
// the plan's state; `zoho` holds secrets and lives in memory only.
struct SetupRequest
{
    // Base connection: reuse baseConnectionId when set (its credentials are replaced with the
    // session's, with If-Match: baseConnectionEtag when known, else a fresh read), otherwise
    // create one named baseConnectionName.
    QString baseConnectionId;
    QString baseConnectionEtag;
    QString baseConnectionName; // empty: "Zoho CRM"
    QString baseConnectionDescription;
    // Secrets: the Zoho credentials put into a new or reused base connection (DESIGN §5).
    zoho::ZohoSession zoho;

    // The table: explore's path (a Zoho module API name) and its explore columns.
    QString tablePath;
    QList<catalogue::Column> columns;

    // Target: an existing dataset (dataSetId), or a new one named dataSetName whose schema is
    // built by XdmSchemaBuilder from zohoFields — or, when there are none, from the explore
    // columns (see SetupPlan::fieldsFromColumns()).
    QString dataSetId;
    QString dataSetSchemaId; // the existing dataset's schema when known (for plannedRequests())
    QString dataSetName;     // empty: "Zoho CRM <table>"
    QString dataSetDescription;
    QString schemaTitle; // empty: "Zoho CRM <table>"; the setup marker is always appended
    QList<zoho::ZohoField> zohoFields;

    // Empty: the rows MappingBuilder proposes (for an existing dataset, only those whose XDM path
    // the dataset's schema has, plus columns matched to its tenant fields by name).
    QList<MappingRow> mappingRows;

    // Dataflow.
    QString flowName; // empty: "Zoho CRM <table> dataflow"
    QString flowDescription;
    bool errorDiagnostics = false;
    double partialIngestionPercent = 0; // 0: off; otherwise > 0 and ≤ 100
    Schedule schedule;

    // Names of the connections the plan makes; empty: "Zoho CRM <table> source/target connection".
    QString sourceConnectionName;
    QString targetConnectionName;
};

// The Flow Service dataflow from Zoho CRM into the Data Lake: base connection → schema → dataset
// → source connection → target connection → mapping set → dataflow. Schema and dataset are
// skipped for an existing dataset (whose schema is read from it). How each object carries the
// marker and is found again:
//   base, source and target connections, dataflow — at the end of the description; found by
//     listing with property=name=="<name>" (the filter Flow Service documents);
//   dataset, schema — see CatalogSteps;
//   mapping set — Data Prep keeps no name or description and lists cannot be filtered: found by
//     listing (up to 2,000) and matching output schema and source → destination pairs.
// A reused base connection gets the session's Zoho credentials (PATCH /auth/params, If-Match).
class FlowServiceRecipe : public SetupRecipe
{
public:
    explicit FlowServiceRecipe(adobe::PlatformClient *platform);
    ~FlowServiceRecipe() override;

    // The step keys, in order (the SetupPlan::Step values in the saved state).
    static QStringList stepKeys();
    static QString stepLabel(const QString &key); // translated

    QList<SetupStep> steps() override;
    net::Error checkBeforeRun(const QString &last, QString *stepKey) const override;
    void writeState(QJsonObject *state) const override;

    SetupRequest &request() { return m_request; }
    const SetupRequest &request() const { return m_request; }
    // Names are settled once and kept in the state: a resume in another language must look for
    // the same names the first run created.
    void applyDefaults(const QString &setupId);
    // False when the saved request lacks the module or the names of the objects to make.
    bool readRequest(const QJsonObject &json);
    QJsonObject requestJson() const;
    // Forgets the mapping body built for the previous request.
    void requestChanged() { m_mappingBody = {}; }

    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &tenantId) { m_tenantId = tenantId; }
    QString schemaId() const;

    void proposeMappingRows(std::function<void(const QList<MappingRow> &rows, const net::Error &error)> done);

private:
    SetupStep baseConnectionStep();
    SetupStep schemaStep();
    SetupStep dataSetStep();
    SetupStep sourceConnectionStep();
    SetupStep targetConnectionStep();
    SetupStep mappingSetStep();
    SetupStep flowStep();
    // The parts every Flow Service object shares: read by ID, found by name and marker.
    void flowObjectOps(SetupStep *step, const QString &collection, std::function<QString()> name);

    bool zohoParams(adobe::ZohoAuthParams *out) const;
    net::Error zohoSessionMissing() const;
    void withTenant(std::function<void(const QString &tenant, const net::Error &)> done);
    void withMappingBody(std::function<void(const QJsonObject &body, const net::Error &)> done);
    void proposeForExistingSchema(const QString &tenant,
                                  std::function<void(const QList<MappingRow> &rows, const net::Error &)> done);
    void listMappingSets(int start, int page, const QJsonObject &wanted, SetupObjectDone done);
    QList<zoho::ZohoField> schemaFields() const;
    QJsonObject schemaBody(const QString &tenant) const;
    QJsonObject sourceConnectionBody(const QString &baseConnectionId) const;
    QJsonObject targetConnectionBody(const QString &dataSetId, const QString &schemaId) const;
    QJsonObject mappingSetBody(const QString &schemaId, const QList<MappingRow> &rows) const;
    QJsonObject flowBody(const QString &sourceId, const QString &targetId, const QString &mappingId,
                         int mappingVersion) const;
    QString withMarker(const QString &text) const;

    adobe::PlatformClient *m_platform;
    adobe::FlowServiceClient *m_flows;
    adobe::CatalogClient *m_catalog;
    adobe::SchemaRegistryClient *m_schemas;
    adobe::DataPrepClient *m_prep;

    SetupRequest m_request;
    QString m_tenantId;
    QJsonObject m_mappingBody;
};

} // namespace zaw::setup
