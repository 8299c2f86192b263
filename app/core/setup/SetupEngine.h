// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "setup/PlannedRequest.h"
#include "setup/SetupRecipe.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>

namespace zaw::setup {

// Makes the remote objects of a recipe in order, resumably, and never twice (DESIGN §1 step 11).
//
// Every object is recorded in state() the moment its ID is known (stateChanged(); the caller
// saves it), with a hash of its inputs. A later run checks each saved ID (a 404 forgets it) and
// continues from the first missing step; a saved object whose inputs changed, or that was made
// from an object made again, is made again and its old ID is listed as discarded, so that no
// lookup adopts it.
//
// Before each create the step is marked "attempted" in the state. A create whose answer was lost
// (connection error, timeout, a 5xx, an unreadable answer), and any create of a step marked
// attempted by an earlier run, is preceded by the step's lookup by marker, and the object found is
// adopted. A clean run makes no lookups.
class SetupEngine : public QObject
{
    Q_OBJECT

public:
    // Found: the object was already there (the user's own, an ID saved by an earlier run and still
    // present, or the object a lost answer had created).
    enum class Status { Pending, Running, Done, Found, Skipped, Failed };
    Q_ENUM(Status)

    static constexpr int kStateFormat = 1;

    // Takes the recipe; setupId empty: a new one.
    explicit SetupEngine(std::unique_ptr<SetupRecipe> recipe, const QString &setupId = {}, QObject *parent = nullptr);
    ~SetupEngine() override;

    SetupRecipe *recipe() const { return m_recipe.get(); }
    QStringList stepKeys() const;
    QString label(const QString &key) const;
    QString setupId() const { return m_setupId; }
    // The marker carried by every object of the setup with this setupId: "[zaw-setup:<uuid>]".
    static QString marker(const QString &setupId);
    QString marker() const { return marker(m_setupId); }
    // text with the marker appended.
    QString withMarker(const QString &text) const;
    bool carriesMarker(const QString &text) const { return text.contains(marker()); }
    // Left behind by an earlier run: never adopted by a lookup.
    bool isDiscarded(const QString &id) const { return m_discarded.contains(id); }

    // The saved object of a step ({id, etag, inputs, …}); empty when none.
    QJsonObject object(const QString &key) const { return m_objects.value(key); }
    QString objectId(const QString &key) const;
    // Records what a recipe learnt about its user's own object outside a run (not saved by itself).
    void setObject(const QString &key, const QJsonObject &object);

    // The saved state of the engine's part: objects, attempted, discarded. False when the setup ID
    // is missing or the format is newer than kStateFormat.
    bool restore(const QJsonObject &state);
    // format, setupId, objects, attempted, discarded, complete, and the recipe's members.
    QJsonObject state() const;
    // Emits stateChanged() when state() differs from the one sent last (each one is written to
    // disk by the caller). Recipes call it when their own part changed.
    void saveState();

    // Runs (or resumes) the steps up to and including last (empty: all), then emits finished()
    // after the last step of the recipe, else reached(last). Saved IDs are checked first.
    void runThrough(const QString &last = {});
    // After failed(): continues with the same limit from the failed step.
    void retry();
    // Stops now: the answer to the request in flight is ignored (a create that reached the
    // service is found again by its marker next time). Emits cancelled().
    void cancel();

    bool isRunning() const { return m_running; }
    // Not running, the last step's object known and no create of unknown outcome.
    bool isComplete() const;
    Status status(const QString &key) const { return m_status.value(key, Status::Pending); }
    QString currentStep() const { return m_current; }
    net::Error lastError() const { return m_error; }
    // The guard of the requests of the run in progress (made when none).
    QObject *context();

    // Every request a run from scratch would send, in order (see SetupStep::plan). Nothing is sent.
    QList<PlannedRequest> plannedRequests(const QJsonObject &hints = {}) const;

signals:
    void stepStarted(const QString &key);
    void stepFinished(const QString &key, zaw::setup::SetupEngine::Status status);
    void failed(const QString &key, const zaw::net::Error &error);
    void finished();
    void reached(const QString &key);
    void cancelled();
    void stateChanged(const QJsonObject &state);

private:
    const SetupStep *findStep(const QString &key) const;
    QString inputsHash(const SetupStep &step) const;
    void run();
    void runStep();
    void finishStep(const QString &key, Status status);
    void fail(const QString &key, const net::Error &error);

    void ensureObject(const SetupStep &step);
    void createPath(const SetupStep &step);
    void sendCreate(const SetupStep &step);
    void useExisting(const SetupStep &step, const QString &id);
    void updateExisting(const SetupStep &step, const QString &id, const QString &etag, bool reread);
    void adoptExisting(const SetupStep &step, const QString &id, const SetupObject &current, bool updated);
    void record(const SetupStep &step, const SetupObject &made);
    void forget(const QString &key, bool discard);
    bool dependencyChanged(const SetupStep &step) const;
    void markAttempted(const QString &key, bool attempted);

    std::unique_ptr<SetupRecipe> m_recipe;
    QList<SetupStep> m_steps;
    QString m_setupId;
    QMap<QString, QJsonObject> m_objects; // per step key: {id, etag, inputs, …}
    QStringList m_attempted;              // a create was sent and its outcome is not known
    QStringList m_discarded;              // IDs left behind because something they were made from changed
    QMap<QString, Status> m_status;
    QStringList m_changed; // steps whose object got a new ID during this run
    QJsonObject m_lastState;
    QString m_current;
    QString m_last; // where the run in progress stops
    int m_index = 0;
    bool m_running = false;
    net::Error m_error;
    QPointer<QObject> m_context; // deleted to cancel the run in progress
};

} // namespace zaw::setup
