// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SetupEngine.h"

#include "net/Redaction.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace zaw::setup {

namespace {

// Whether a failed create may nevertheless have made the object: the request may have reached the
// service and only the answer was lost (connection closed, timeout), the service failed half-way
// (5xx), or the answer could not be read. A 4xx (and a 429) says nothing was made.
bool mayHaveBeenCreated(const net::Error &e)
{
    if (e.category == net::ErrorCategory::Cancelled)
        return false;
    if (e.httpStatus >= 500)
        return true;
    return e.category == net::ErrorCategory::Network || e.category == net::ErrorCategory::Server ||
           e.category == net::ErrorCategory::Bug;
}

} // namespace

SetupEngine::SetupEngine(std::unique_ptr<SetupRecipe> recipe, const QString &setupId, QObject *parent)
    : QObject(parent)
    , m_recipe(std::move(recipe))
    , m_setupId(setupId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : setupId)
{
    m_recipe->attach(this);
    m_steps = m_recipe->steps();
    if (!m_steps.isEmpty())
        m_current = m_steps.first().key;
}

SetupEngine::~SetupEngine() = default;

QStringList SetupEngine::stepKeys() const
{
    QStringList keys;
    for (const SetupStep &s : m_steps)
        keys.append(s.key);
    return keys;
}

QString SetupEngine::label(const QString &key) const
{
    const SetupStep *s = findStep(key);
    return s && s->label ? s->label() : QString();
}

const SetupStep *SetupEngine::findStep(const QString &key) const
{
    for (const SetupStep &s : m_steps) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QString SetupEngine::marker(const QString &setupId)
{
    return u"[zaw-setup:%1]"_s.arg(setupId);
}

QString SetupEngine::withMarker(const QString &text) const
{
    const QString t = text.trimmed();
    return t.isEmpty() ? marker() : t + u' ' + marker();
}

QString SetupEngine::objectId(const QString &key) const
{
    return m_objects.value(key).value(u"id"_s).toString();
}

void SetupEngine::setObject(const QString &key, const QJsonObject &object)
{
    m_objects.insert(key, object);
}

QObject *SetupEngine::context()
{
    if (!m_context)
        m_context = new QObject(this);
    return m_context;
}

// ---- state -----------------------------------------------------------------------------------

bool SetupEngine::restore(const QJsonObject &state)
{
    const QUuid id = QUuid::fromString(state.value(u"setupId"_s).toString());
    const int format = state.value(u"format"_s).toInt();
    if (format < 1 || format > kStateFormat || id.isNull())
        return false;
    m_setupId = id.toString(QUuid::WithoutBraces);
    m_objects.clear();
    m_attempted.clear();
    m_discarded.clear();
    const QJsonObject objects = state.value(u"objects"_s).toObject();
    const QStringList keys = stepKeys();
    for (const QString &key : keys) {
        const QJsonObject o = objects.value(key).toObject();
        if (!o.value(u"id"_s).toString().isEmpty())
            m_objects.insert(key, o);
    }
    for (const QJsonValue &v : state.value(u"attempted"_s).toArray()) {
        if (keys.contains(v.toString()) && !m_attempted.contains(v.toString()))
            m_attempted.append(v.toString());
    }
    for (const QJsonValue &v : state.value(u"discarded"_s).toArray())
        m_discarded.append(v.toString());
    return true;
}

QJsonObject SetupEngine::state() const
{
    QJsonObject objects;
    for (auto it = m_objects.begin(); it != m_objects.end(); ++it)
        objects.insert(it.key(), it.value());
    QJsonObject o{{u"format"_s, kStateFormat},
                  {u"setupId"_s, m_setupId},
                  {u"objects"_s, objects},
                  {u"attempted"_s, QJsonArray::fromStringList(m_attempted)},
                  {u"discarded"_s, QJsonArray::fromStringList(m_discarded)},
                  {u"complete"_s, isComplete()}};
    m_recipe->writeState(&o);
    return o;
}

void SetupEngine::saveState()
{
    // Each change is saved to disk by the caller: an unchanged state is not sent again.
    const QJsonObject current = state();
    if (current == m_lastState)
        return;
    m_lastState = current;
    emit stateChanged(current);
}

bool SetupEngine::isComplete() const
{
    return !m_running && !m_steps.isEmpty() && !objectId(m_steps.last().key).isEmpty() && m_attempted.isEmpty();
}

QString SetupEngine::inputsHash(const SetupStep &step) const
{
    const QJsonArray inputs = step.inputs ? step.inputs() : QJsonArray();
    const QByteArray bytes = QJsonDocument(inputs).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

// ---- running ---------------------------------------------------------------------------------

void SetupEngine::runThrough(const QString &last)
{
    if (m_running)
        return;
    m_last = last.isEmpty() || !findStep(last) ? (m_steps.isEmpty() ? QString() : m_steps.last().key) : last;
    run();
}

void SetupEngine::retry()
{
    if (m_last.isEmpty() && !m_steps.isEmpty())
        m_last = m_steps.last().key;
    run();
}

void SetupEngine::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    // Dropping the guard drops the answer of the request in flight.
    delete m_context;
    if (m_status.value(m_current) == Status::Running)
        m_status.insert(m_current, Status::Pending);
    emit cancelled();
}

void SetupEngine::run()
{
    if (m_running || m_steps.isEmpty())
        return;
    m_running = true;
    m_error = {};
    delete m_context;
    m_context = new QObject(this);
    m_changed.clear();
    for (const SetupStep &s : std::as_const(m_steps))
        m_status.insert(s.key, Status::Pending);
    m_index = 0;
    QString failKey = m_steps.first().key;
    const net::Error refused = m_recipe->checkBeforeRun(m_last, &failKey);
    if (refused) {
        m_current = failKey;
        fail(failKey, refused);
        return;
    }
    runStep();
}

void SetupEngine::runStep()
{
    if (!m_running)
        return;
    qsizetype lastIndex = m_steps.size() - 1;
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).key == m_last)
            lastIndex = i;
    }
    if (m_index > lastIndex) {
        m_running = false;
        saveState();
        if (m_last == m_steps.last().key)
            emit finished();
        else
            emit reached(m_last);
        return;
    }
    const SetupStep &s = m_steps.at(m_index);
    m_current = s.key;
    m_status.insert(s.key, Status::Running);
    emit stepStarted(s.key);
    if (!m_running)
        return;
    if (s.skipped && s.skipped()) {
        finishStep(s.key, Status::Skipped);
        return;
    }
    const QString existing = s.existingId ? s.existingId() : QString();
    if (!existing.isEmpty()) {
        useExisting(s, existing);
        return;
    }
    ensureObject(s);
}

void SetupEngine::finishStep(const QString &key, Status status)
{
    m_status.insert(key, status);
    qCDebug(lcSetup) << "step" << key << "finished:" << status;
    saveState();
    emit stepFinished(key, status);
    if (!m_running) // cancelled by a slot of stepFinished
        return;
    ++m_index;
    runStep();
}

void SetupEngine::fail(const QString &key, const net::Error &error)
{
    m_status.insert(key, Status::Failed);
    m_error = error;
    m_running = false;
    qCInfo(lcSetup) << "step" << key << "failed:" << error.code << error.httpStatus;
    saveState();
    emit failed(key, error);
}

// ---- objects of the setup's own ----------------------------------------------------------------

bool SetupEngine::dependencyChanged(const SetupStep &step) const
{
    const QStringList dependencies = step.dependencies ? step.dependencies() : QStringList();
    for (const QString &d : dependencies) {
        if (m_changed.contains(d))
            return true;
    }
    return false;
}

void SetupEngine::markAttempted(const QString &key, bool attempted)
{
    m_attempted.removeAll(key);
    if (attempted)
        m_attempted.append(key);
    saveState();
}

void SetupEngine::record(const SetupStep &step, const SetupObject &made)
{
    QJsonObject o = made.extra;
    o.insert(u"id"_s, made.id);
    o.insert(u"inputs"_s, inputsHash(step));
    if (!made.etag.isEmpty())
        o.insert(u"etag"_s, made.etag);
    m_objects.insert(step.key, o);
    m_attempted.removeAll(step.key);
    if (!m_changed.contains(step.key))
        m_changed.append(step.key);
    saveState();
}

void SetupEngine::forget(const QString &key, bool discard)
{
    const QString id = objectId(key);
    // An object made from something that has since been replaced stays in the service; its ID is
    // kept so that a lookup by marker never adopts it.
    if (discard && !id.isEmpty() && !m_discarded.contains(id))
        m_discarded.append(id);
    m_objects.remove(key);
    saveState();
}

void SetupEngine::ensureObject(const SetupStep &step)
{
    const QString saved = objectId(step.key);
    if (saved.isEmpty()) {
        createPath(step);
        return;
    }
    const QString inputs = m_objects.value(step.key).value(u"inputs"_s).toString();
    if (dependencyChanged(step) || (!inputs.isEmpty() && inputs != inputsHash(step))) {
        // Made from something that has since been replaced, or for other inputs (the user went
        // back and chose another module, other mapping rows, …).
        forget(step.key, true);
        createPath(step);
        return;
    }
    const QString key = step.key;
    step.verify(saved, [this, key](const SetupObject &current, const net::Error &e) {
        const SetupStep *s = findStep(key);
        if (e && e.httpStatus == 404) {
            // Deleted meanwhile: made again, and so is everything made from it.
            forget(key, false);
            createPath(*s);
            return;
        }
        if (e) {
            fail(key, e);
            return;
        }
        QJsonObject o = m_objects.value(key);
        if (!current.etag.isEmpty())
            o.insert(u"etag"_s, current.etag);
        for (auto it = current.extra.begin(); it != current.extra.end(); ++it)
            o.insert(it.key(), it.value());
        m_objects.insert(key, o);
        finishStep(key, Status::Found);
    });
}

void SetupEngine::createPath(const SetupStep &step)
{
    if (!m_attempted.contains(step.key)) {
        sendCreate(step);
        return;
    }
    // An earlier run sent this create and never learnt what became of it.
    const QString key = step.key;
    step.lookup([this, key](const SetupObject &found, const net::Error &e) {
        if (e) {
            fail(key, e);
            return;
        }
        const SetupStep *s = findStep(key);
        if (!found.id.isEmpty()) {
            record(*s, found);
            finishStep(key, Status::Found);
            return;
        }
        sendCreate(*s);
    });
}

void SetupEngine::sendCreate(const SetupStep &step)
{
    // Saved before the request leaves: a crash while it is on its way still leads the next run
    // to look for the object first.
    markAttempted(step.key, true);
    if (!m_running)
        return; // a receiver of stateChanged cancelled the run: nothing leaves
    const QString key = step.key;
    step.create([this, key](const SetupObject &made, const net::Error &e) {
        const SetupStep *s = findStep(key);
        if (!e) {
            record(*s, made);
            finishStep(key, Status::Done);
            return;
        }
        if (!mayHaveBeenCreated(e)) {
            markAttempted(key, false);
            fail(key, e);
            return;
        }
        s->lookup([this, key, e](const SetupObject &found, const net::Error &lookupError) {
            if (!lookupError && !found.id.isEmpty()) {
                record(*findStep(key), found);
                finishStep(key, Status::Found);
                return;
            }
            // Still unknown: the step stays "attempted", so a retry looks again before creating.
            fail(key, e);
        });
    });
}

// ---- the user's own objects --------------------------------------------------------------------

void SetupEngine::useExisting(const SetupStep &step, const QString &id)
{
    const QJsonObject saved = m_objects.value(step.key);
    const bool same = saved.value(u"id"_s).toString() == id;
    const auto read = step.readExisting ? step.readExisting : step.verify;
    const QString key = step.key;
    if (!step.update || (same && saved.value(step.updatedKey).toBool())) {
        // Nothing to change (or changed by an earlier run): only read. It is the user's own
        // object, so a missing one is reported rather than replaced.
        read(id, [this, key, id](const SetupObject &current, const net::Error &e) {
            if (e) {
                fail(key, e);
                return;
            }
            adoptExisting(*findStep(key), id, current, false);
        });
        return;
    }
    if (step.canUpdate) {
        const net::Error refused = step.canUpdate();
        if (refused) {
            fail(key, refused);
            return;
        }
    }
    const QString etag = same && saved.contains(u"etag"_s) ? saved.value(u"etag"_s).toString()
                                                           : (step.existingEtag ? step.existingEtag() : QString());
    if (!etag.isEmpty()) {
        updateExisting(step, id, etag, true);
        return;
    }
    read(id, [this, key, id](const SetupObject &current, const net::Error &e) {
        if (e) {
            fail(key, e);
            return;
        }
        updateExisting(*findStep(key), id, current.etag, true);
    });
}

void SetupEngine::updateExisting(const SetupStep &step, const QString &id, const QString &etag, bool reread)
{
    const QString key = step.key;
    step.update(id, etag, [this, key, id, reread](const SetupObject &updated, const net::Error &e) {
        const SetupStep *s = findStep(key);
        if (e && e.httpStatus == 412 && reread) {
            // Changed elsewhere since its etag was read: read it again and try once more.
            const auto read = s->readExisting ? s->readExisting : s->verify;
            read(id, [this, key, id](const SetupObject &current, const net::Error &readError) {
                if (readError) {
                    fail(key, readError);
                    return;
                }
                updateExisting(*findStep(key), id, current.etag, false);
            });
            return;
        }
        if (e) {
            fail(key, e);
            return;
        }
        adoptExisting(*s, id, updated, true);
    });
}

void SetupEngine::adoptExisting(const SetupStep &step, const QString &id, const SetupObject &current, bool updated)
{
    const QJsonObject before = m_objects.value(step.key);
    bool changed = before.value(u"id"_s).toString() != id;
    for (auto it = current.extra.begin(); it != current.extra.end() && !changed; ++it)
        changed = !before.isEmpty() && before.value(it.key()) != it.value();
    if (changed && !m_changed.contains(step.key))
        m_changed.append(step.key);
    QJsonObject o = before.value(u"id"_s).toString() == id ? before : QJsonObject();
    for (auto it = current.extra.begin(); it != current.extra.end(); ++it)
        o.insert(it.key(), it.value());
    for (auto it = step.existingExtra.begin(); it != step.existingExtra.end(); ++it)
        o.insert(it.key(), it.value());
    o.insert(u"id"_s, id);
    if (!current.etag.isEmpty())
        o.insert(u"etag"_s, current.etag);
    if (updated && !step.updatedKey.isEmpty())
        o.insert(step.updatedKey, true);
    m_objects.insert(step.key, o);
    finishStep(step.key, step.existingFound ? Status::Found : Status::Skipped);
}

// ---- review ----------------------------------------------------------------------------------

QList<PlannedRequest> SetupEngine::plannedRequests(const QJsonObject &hints) const
{
    QList<PlannedRequest> list;
    for (const SetupStep &s : m_steps) {
        if (!s.plan)
            continue;
        for (PlannedRequest p : s.plan(hints)) {
            if (p.stepKey.isEmpty())
                p.stepKey = s.key;
            if (p.title.isEmpty() && s.label)
                p.title = s.label();
            if (p.existingId.isEmpty() && !p.method.isEmpty())
                p.existingId = objectId(p.stepKey);
            list.append(p);
        }
    }
    // Known IDs of the objects made already.
    for (PlannedRequest &p : list) {
        if (!p.existingId.isEmpty() && p.knownValues.isEmpty() && !p.idVariable.isEmpty())
            p.knownValues = {qMakePair(p.idVariable, p.existingId)};
    }
    return list;
}

} // namespace zaw::setup
