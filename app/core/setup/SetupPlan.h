// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "setup/MappingBuilder.h"
#include "setup/PlannedRequest.h"
#include "setup/ScheduleRules.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
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

// The ordered, resumable creation of the AEP objects of one dataflow (DESIGN §1 step 11):
// base connection → schema → dataset → source connection → target connection → mapping set →
// dataflow. Schema and dataset are skipped for an existing dataset (whose schema is read from it).
//
// Every object it makes is recorded in state() the moment its ID is known (stateChanged(); the
// caller writes it into profile.setup and saves), so a failure, a closed window or a crash
// resumes where it stopped: resume() checks each saved ID still exists (a 404 forgets it) and
// continues from the first missing step. An object made from one that had to be made again (a
// target connection whose dataset was deleted) is made again too; the old one is left in AEP and
// listed under "discarded" in the state, so that no lookup adopts it.
//
// Never a duplicate. Every object carries the plan's setupId in a marker, "[zaw-setup:<uuid>]":
//   base, source and target connections, dataflow — at the end of the description; found again
//     by listing with property=name=="<name>" (the filter Flow Service documents) and checking
//     the marker in the description;
//   dataset — at the end of the description; found with Catalog's name filter and the marker;
//   schema — at the end of the title, since Schema Registry lists give titles but not
//     descriptions (titles are unique in an organisation anyway, so the marker also keeps a
//     second setup of the same module from colliding); found with property=title==<title>;
//   mapping set — Data Prep keeps no name or description and lists cannot be filtered: found by
//     listing (GET /mappingSets?limit&start, up to 2,000) and matching output schema and
//     source → destination pairs (see listMappingSets()).
// Before each create the step is marked "attempted" in the state; a create whose answer was lost
// (connection error, timeout, a 5xx, an unreadable answer) and any create of a step marked
// attempted by an earlier run is preceded by a lookup by marker, and the object found is adopted.
// A clean run makes no lookups. 429/503 and an expired IMS token are handled below the plan
// (HttpClient retries, PlatformClient mints one new token).
//
// A reused base connection gets the session's Zoho credentials (PATCH /auth/params, If-Match);
// a 412 reads the etag again and retries once. It is the user's own object: reported, never
// replaced, when it is gone.
class SetupPlan : public QObject
{
    Q_OBJECT

public:
    enum class Step { BaseConnection, Schema, DataSet, SourceConnection, TargetConnection, MappingSet, Flow };
    Q_ENUM(Step)
    // Found: the object was already there (the chosen base connection, an ID saved by an earlier
    // run and still present, or the object a lost answer had created).
    enum class Status { Pending, Running, Done, Found, Skipped, Failed };
    Q_ENUM(Status)

    static constexpr int kStateFormat = 1;

    // platform must outlive the plan. The plan makes its own service clients on it.
    SetupPlan(adobe::PlatformClient *platform, const SetupRequest &request, QObject *parent = nullptr);
    ~SetupPlan() override;

    // A plan continued from a saved state (profile.setup). Returns nullptr and sets *error
    // (translated) when the state cannot be read. Set the Zoho session before resume() when
    // the base connection may still have to be made or updated.
    static SetupPlan *fromState(adobe::PlatformClient *platform, const QJsonObject &state, QObject *parent,
                                QString *error);

    static QList<Step> steps();
    static QString label(Step step);          // translated, for the Create page's rows
    static QString statusText(Status status); // translated
    static QString stepKey(Step step);        // stable identifier used in the state
    // The marker carried by every object of the plan with this setupId.
    static QString marker(const QString &setupId);
    // Zoho-like fields for XdmSchemaBuilder when only explore columns are known: lookups (JSON
    // objects in explore) become {id, name}, date-time and date stay dates, long becomes bigint,
    // arrays are skipped (explore does not say what they hold), everything else is text.
    static QList<zoho::ZohoField> fieldsFromColumns(const QList<catalogue::Column> &columns);

    void setZohoSession(const zoho::ZohoSession &session);
    // Replaces what the plan is to make, while it is not running: the wizard makes the plan when
    // the base connection is settled and fills in the rest page by page. Names left empty get
    // their defaults again; the Zoho session is kept when request.zoho is empty. An object made
    // earlier whose inputs differ now (another module, other mapping rows, …) is made again on
    // the next run, and the old one is left in AEP and listed as discarded.
    void setRequest(const SetupRequest &request);
    const SetupRequest &request() const { return m_request; }
    // Replaces the schedule (e.g. when the start time passed before a retry). Not while running.
    void setSchedule(const Schedule &schedule);

    // The mapping rows the plan would use when the request has none: for a new dataset what
    // MappingBuilder proposes for the generated schema; for an existing dataset the same, kept to
    // the paths its schema has, plus columns matched to its tenant fields by name. Reads the
    // tenant (and the existing schema); not while running.
    void proposeMappingRows(std::function<void(const QList<MappingRow> &rows, const net::Error &error)> done);

    // Runs the steps; for a plan with saved IDs the same as resume().
    void start();
    // Runs (or resumes) the steps up to and including last, then emits reached(last) — or
    // finished() when last is the dataflow. Retry() after a failure keeps that limit.
    void runThrough(Step last);
    // Checks the saved IDs and continues from the first step that is not done.
    void resume();
    // After failed(): continues from the failed step (the steps before it are checked again).
    void retry();
    // Stops now: the answer to the request in flight is ignored (a create that reached AEP is
    // found again by its marker next time). Emits cancelled().
    void cancel();

    bool isRunning() const { return m_running; }
    bool isComplete() const;
    QString setupId() const { return m_setupId; }
    Status status(Step step) const { return m_status.value(step, Status::Pending); }
    Step currentStep() const { return m_current; }
    net::Error lastError() const { return m_error; }
    // The object's ID (the schema's $id, the dataset's Catalog ID, …); empty when not known.
    QString objectId(Step step) const;
    QString schemaId() const;
    QString tenantId() const { return m_tenantId; }
    // Schema Registry's tenant when the caller read it already (saves the plan a request).
    void setTenantId(const QString &tenantId);

    // The non-secret state: setupId, the request's inputs, the ID (and etag) of every object.
    QJsonObject state() const;
    // The IDs, as `create --json` prints them: baseConnectionId, schemaId, dataSetId,
    // sourceConnectionId, targetConnectionId, mappingSetId, flowId.
    QJsonObject result() const;

    // Every request a run from scratch would send, in order, with placeholders where a secret or
    // the ID of an earlier object goes (see PlannedRequest); objects that exist already carry
    // their IDs in existingId. tenantId: Schema Registry's tenant (for the schema's field paths);
    // when empty, the one this plan read, if any. Nothing is sent.
    QList<PlannedRequest> plannedRequests(const QString &tenantId = {}) const;

signals:
    void stepStarted(zaw::setup::SetupPlan::Step step);
    void stepFinished(zaw::setup::SetupPlan::Step step, zaw::setup::SetupPlan::Status status);
    void failed(zaw::setup::SetupPlan::Step step, const zaw::net::Error &error);
    void finished();
    // A runThrough(step) with step before the dataflow got there.
    void reached(zaw::setup::SetupPlan::Step step);
    void cancelled();
    // After every change of state(): write it into the profile and save it.
    void stateChanged(const QJsonObject &state);

private:
    // An object as the plan records it: its ID, its etag where the service has one, and what
    // else later steps need (a dataset's schema, a mapping set's version).
    struct Made
    {
        QString id;
        QString etag;
        QJsonObject extra;
    };
    using MadeDone = std::function<void(const Made &, const net::Error &)>;
    // How one step's object is checked, found by its marker and created.
    struct Ops
    {
        std::function<void(const QString &id, MadeDone done)> verify; // a 404 means "gone"
        std::function<void(MadeDone done)> lookup;                    // empty id: not found
        std::function<void(MadeDone done)> create;
    };

    SetupPlan(adobe::PlatformClient *platform, QObject *parent);
    void applyDefaults();
    // The inputs of a step's object, hashed: a saved object whose inputs differ is made again.
    QString inputsOf(Step step) const;
    void run();
    void runStep();
    void finishStep(Step step, Status status);
    void fail(Step step, const net::Error &error);

    void ensureObject(Step step, const Ops &ops);
    void createPath(Step step, const Ops &ops);
    void sendCreate(Step step, const Ops &ops);
    void record(Step step, const Made &made);
    void forget(Step step, bool discard);
    QList<Step> dependencies(Step step) const;
    bool dependencyChanged(Step step) const;
    void markAttempted(Step step, bool attempted);
    void emitState();

    void baseConnectionStep();
    void reuseBaseConnection();
    void patchBaseConnection(const QString &etag, bool reread);
    void schemaStep();
    void dataSetStep();
    void existingDataSetStep();
    void sourceConnectionStep();
    void targetConnectionStep();
    void mappingSetStep();
    void flowStep();

    bool zohoParams(adobe::ZohoAuthParams *out) const;
    net::Error zohoSessionMissing() const;
    void withTenant(std::function<void(const QString &tenant, const net::Error &)> done);
    void withMappingBody(std::function<void(const QJsonObject &body, const net::Error &)> done);
    void proposeForExistingSchema(const QString &tenant,
                                  std::function<void(const QList<MappingRow> &rows, const net::Error &)> done);
    void listMappingSets(int start, int page, const QJsonObject &wanted, MadeDone done);
    // Flow Service lookup: objects named name whose description carries the marker.
    void lookupFlowObject(const QString &collection, const QString &name, MadeDone done);
    QString withMarker(const QString &text) const;
    QList<zoho::ZohoField> schemaFields() const;
    QJsonObject schemaBody(const QString &tenant) const;
    QJsonObject dataSetBody(const QString &schemaId) const;
    QJsonObject sourceConnectionBody(const QString &baseConnectionId) const;
    QJsonObject targetConnectionBody(const QString &dataSetId, const QString &schemaId) const;
    QJsonObject mappingSetBody(const QString &schemaId, const QList<MappingRow> &rows) const;
    QJsonObject flowBody(const QString &sourceId, const QString &targetId, const QString &mappingId,
                         int mappingVersion) const;
    bool carriesMarker(const QString &text) const;

    QJsonObject requestToJson() const;
    bool requestFromJson(const QJsonObject &json);

    adobe::PlatformClient *m_platform;
    adobe::FlowServiceClient *m_flows;
    adobe::CatalogClient *m_catalog;
    adobe::SchemaRegistryClient *m_schemas;
    adobe::DataPrepClient *m_prep;

    SetupRequest m_request;
    QString m_setupId;
    QString m_tenantId;
    QMap<Step, QJsonObject> m_objects; // per step: {id, etag, …}
    QList<Step> m_attempted;           // a create was sent and its outcome is not known
    QStringList m_discarded;           // IDs left behind because something they were made from changed
    QMap<Step, Status> m_status;
    QList<Step> m_changed; // steps whose object got a new ID during this run
    QJsonObject m_mappingBody;
    QJsonObject m_lastState; // the state last sent with stateChanged()
    Step m_current = Step::BaseConnection;
    Step m_last = Step::Flow; // where the run in progress stops
    int m_index = 0;
    bool m_running = false;
    net::Error m_error;
    QPointer<QObject> m_context; // the guard of the run in progress; deleted to cancel it
};

} // namespace zaw::setup
