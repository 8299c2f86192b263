// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "setup/PlannedRequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::setup {

class SetupEngine;

// An object as the engine records it: its ID, its etag where the service has one, and what else
// later steps need (a dataset's schema, a mapping set's version).
struct SetupObject
{
    QString id;
    QString etag;
    QJsonObject extra;
};
using SetupObjectDone = std::function<void(const SetupObject &, const net::Error &)>;

// One remote object of a recipe. The functions are called by SetupEngine while it runs; requests
// they send take SetupEngine::context() as their context, so that cancel() drops their answers.
struct SetupStep
{
    QString key;                    // stable: names the object in the saved state
    std::function<QString()> label; // translated
    // The steps whose objects this one is made from: when one of them gets a new object in a
    // run, this one is made again (the old one stays in AEP, listed as discarded).
    std::function<QStringList()> dependencies;
    // What the object is made from, hashed into the saved state: a saved object whose inputs
    // differ now is made again.
    std::function<QJsonArray()> inputs;

    // Optional: nothing to make in this run (status Skipped).
    std::function<bool()> skipped;

    // Optional: the user's own object, used instead of one made by the setup. It is read (and
    // updated, when update is set) but never made or replaced: an error is reported.
    std::function<QString()> existingId;
    std::function<QString()> existingEtag; // the etag the user's choice came with, if any
    bool existingFound = true;             // status Found, else Skipped
    QJsonObject existingExtra;             // recorded with it, e.g. {"existing": true}
    // Reads it (default: verify); its extra is recorded, its error (a check of its own) reported.
    std::function<void(const QString &id, SetupObjectDone done)> readExisting;
    // Optional: changes it with If-Match: etag; a 412 reads the etag again and tries once more.
    // Once updated, updatedKey is recorded true and later runs only read it.
    std::function<void(const QString &id, const QString &etag, SetupObjectDone done)> update;
    std::function<net::Error()> canUpdate; // checked before any request of an update
    QString updatedKey;

    // An object of the setup's own, carrying the marker (SetupEngine::marker()).
    std::function<void(SetupObjectDone done)> create;
    std::function<void(SetupObjectDone done)> lookup;                    // empty id: not found
    std::function<void(const QString &id, SetupObjectDone done)> verify; // a 404 means "gone"

    // The requests that would make it (usually one; none when nothing is made), with
    // placeholders as PlannedRequest describes. stepKey and title may be left empty; existingId
    // and knownValues are filled in from the saved object when left empty. hints: what the caller
    // knows beyond the state (e.g. {"tenantId": …}).
    std::function<QList<PlannedRequest>(const QJsonObject &hints)> plan;
};

// An ordered list of steps and the recipe's own part of the saved state. The engine knows nothing
// about which objects a recipe makes; a recipe knows nothing about resuming.
class SetupRecipe
{
public:
    SetupRecipe() = default;
    // Recipes own their service clients: never copied.
    SetupRecipe(const SetupRecipe &) = delete;
    SetupRecipe &operator=(const SetupRecipe &) = delete;
    virtual ~SetupRecipe() = default;

    // Called once by the engine that runs the recipe, before steps().
    void attach(SetupEngine *engine) { m_engine = engine; }

    // In the order they are made; built once, the functions may capture the recipe.
    virtual QList<SetupStep> steps() = 0;
    // Before a run through the step last: an error stops the run and is reported at *stepKey.
    virtual net::Error checkBeforeRun(const QString &last, QString *stepKey) const
    {
        Q_UNUSED(last);
        Q_UNUSED(stepKey);
        return {};
    }
    // Adds the recipe's own members (its request, what it has read) to the saved state.
    virtual void writeState(QJsonObject *state) const { Q_UNUSED(state); }

protected:
    SetupEngine *engine() const { return m_engine; }

private:
    SetupEngine *m_engine = nullptr;
};

} // namespace zaw::setup
