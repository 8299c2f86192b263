// SPDX-License-Identifier: GPL-3.0-or-later
// The fault matrix's machinery: the HTTP calls an operation of the core sends (read from the
// sandbox's request log of a clean run), one fault injected on one call at a time, and what the
// user gets: a retry that succeeds, or a clear error whose "Try again" completes.
#pragma once

#include "TestHttp.h"
#include "net/Error.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::test {

// The faults of every row, in column order.
enum class FaultKind { TooMany, Server500, Unavailable503, DropBefore, DropAfter, Stall, Truncated, NonJson, Expired };
QList<FaultKind> allFaults();
QString faultName(FaultKind kind);

// One HTTP call of an operation: its method and its path with IDs made into wildcards.
struct FaultCall
{
    QByteArray method;
    QString route; // an anchored regular expression
    QString label; // "POST /adobe/platform/…/connections"
    // A call the operation sends only after another one went wrong (the lookup after a lost
    // create answer): that first fault, added with this call's.
    QJsonObject precondition;
};

// What one run of the operation ended with.
struct RunResult
{
    enum class Kind { Ok, Failed, SignInAsked };
    Kind kind = Kind::Failed;
    net::Error error; // Failed: what the user is shown
};

// Runs operation for one area across every call × fault. Operations:
//   prepare(): a fresh object to work on (new names, a new consent, …), before the fault is added;
//   run(arm): runs the operation; calls arm() right before its first request of interest (after
//     the consent pages, for example) and returns what the user got;
//   retry(): "Try again" on the same objects after a failure;
//   verify(): the end state (complete, no duplicates); an empty string when fine.
struct FaultArea
{
    QString name;
    std::function<void()> prepare;
    std::function<RunResult(const std::function<void()> &arm)> run;
    std::function<RunResult()> retry;
    std::function<QString()> verify;
    // Also the calls of a recovery: for each POST, the calls a run sends when that POST's answer
    // is lost (lookups by marker).
    bool recoveryCalls = false;
    // Calls whose failure legitimately asks for a new sign-in (refresh of a dead token):
    // SignInAsked is accepted for them under Expired.
    bool signInAskAllowed = false;
};

class FaultMatrix
{
public:
    // stallMs: a delay past the client's idle timeout.
    FaultMatrix(SandboxFixture *fixture, int stallMs);

    // The distinct calls (method + generalised path) of one clean run of area, in order.
    QList<FaultCall> discover(const FaultArea &area, QString *error);
    // Every call × fault; returns the rows printed (qInfo) and the number of failed cells.
    int runAll(const FaultArea &area, const QList<FaultCall> &calls, const QMap<QString, QString> &knownFailures = {});

    // The log index where the current cell started; requests since then.
    int logMark() const;
    QJsonArray requestsSince(int mark, int end = -1) const;
    // POSTs since mark that made an object in the sandbox (2xx, answered or not) on a route matching pattern.
    int createsSince(int mark, const QString &pattern) const;

    static QString generalise(const QString &path);
    // Whether an error is what a user should see: a message, a category, no raw markup.
    static QString judgeError(const net::Error &error, FaultKind kind);

private:
    QString runCell(const FaultArea &area, const FaultCall &call, FaultKind kind);
    QString runCell(const FaultArea &area, FaultKind kind, const std::function<void()> &arm);
    QJsonObject faultFor(const FaultCall &call, FaultKind kind) const;
    bool faultStillPending() const;
    void clearLog();

    SandboxFixture *m_f;
    int m_stallMs;
};

// A cell's key: "<call label> × <fault name>"; known failures are listed as "<area name>: <key>".
QString cellKey(const FaultCall &call, FaultKind kind);

} // namespace zaw::test
