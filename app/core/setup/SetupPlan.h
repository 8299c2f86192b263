// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "setup/FlowServiceRecipe.h"
#include "setup/MappingBuilder.h"
#include "setup/PlannedRequest.h"
#include "setup/ScheduleRules.h"
#include "setup/SetupEngine.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::adobe {
class PlatformClient;
} // namespace zaw::adobe

namespace zaw::setup {

// The ordered, resumable creation of the AEP objects of one dataflow (DESIGN §1 step 11):
// base connection → schema → dataset → source connection → target connection → mapping set →
// dataflow. Schema and dataset are skipped for an existing dataset (whose schema is read from it).
// The façade the wizard and `create` use: a SetupEngine running a FlowServiceRecipe, with the
// steps as an enum (whose stepKey() names the objects in the saved state).
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
//     source → destination pairs (see FlowServiceRecipe).
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
    const SetupRequest &request() const;
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

    bool isRunning() const;
    bool isComplete() const;
    QString setupId() const;
    Status status(Step step) const;
    Step currentStep() const;
    net::Error lastError() const;
    // The object's ID (the schema's $id, the dataset's Catalog ID, …); empty when not known.
    QString objectId(Step step) const;
    QString schemaId() const;
    QString tenantId() const;
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

    // The engine that runs the steps (for a caller that wants the recipe's keys and requests).
    SetupEngine *engine() const { return m_engine; }

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
    SetupPlan(adobe::PlatformClient *platform, const QString &setupId, QObject *parent);
    static Step stepOf(const QString &key);

    FlowServiceRecipe *m_recipe; // owned by m_engine
    SetupEngine *m_engine;
};

} // namespace zaw::setup
