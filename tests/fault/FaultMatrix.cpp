// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultMatrix.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace zaw::test {

QList<FaultKind> allFaults()
{
    return {FaultKind::TooMany,    FaultKind::Server500, FaultKind::Unavailable503,
            FaultKind::DropBefore, FaultKind::DropAfter, FaultKind::Stall,
            FaultKind::Truncated,  FaultKind::NonJson,   FaultKind::Expired};
}

QString faultName(FaultKind kind)
{
    switch (kind) {
    case FaultKind::TooMany:
        return u"429+RA1"_s;
    case FaultKind::Server500:
        return u"500"_s;
    case FaultKind::Unavailable503:
        return u"503"_s;
    case FaultKind::DropBefore:
        return u"drop"_s;
    case FaultKind::DropAfter:
        return u"lost reply"_s;
    case FaultKind::Stall:
        return u"stall"_s;
    case FaultKind::Truncated:
        return u"truncated"_s;
    case FaultKind::NonJson:
        return u"non-JSON"_s;
    case FaultKind::Expired:
        return u"expired token"_s;
    }
    return {};
}

QString cellKey(const FaultCall &call, FaultKind kind)
{
    return call.label + u" × "_s + faultName(kind);
}

FaultMatrix::FaultMatrix(SandboxFixture *fixture, int stallMs)
    : m_f(fixture)
    , m_stallMs(stallMs)
{}

namespace {

bool isId(const QString &segment)
{
    static const QRegularExpression uuid(u"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"_s);
    static const QRegularExpression hex(u"^[0-9a-fA-F]{16,}$"_s);
    static const QRegularExpression digits(u"^[0-9]{5,}$"_s);
    static const QRegularExpression mixed(u"^[A-Za-z0-9_.:-]*[0-9][A-Za-z0-9_.:-]*$"_s);
    if (uuid.match(segment).hasMatch() || hex.match(segment).hasMatch() || digits.match(segment).hasMatch())
        return true;
    // An ID made of letters and enough digits (e.g. "conn4f2a…"), not a version like "v8" or "v3".
    int digitCount = 0;
    for (const QChar c : segment)
        digitCount += c.isDigit() ? 1 : 0;
    return segment.size() >= 12 && digitCount >= 3 && mixed.match(segment).hasMatch();
}

} // namespace

QString FaultMatrix::generalise(const QString &path)
{
    // A schema's $id in the path arrives decoded, slashes and all: everything from "https:" on
    // up to the next known word is one ID.
    QString p = path;
    static const QRegularExpression schemaId(u"https?:/+ns\\.adobe\\.com/[^/]+/schemas/[0-9a-fA-F]+"_s);
    p.replace(schemaId, u"\x01"_s);
    QStringList out;
    for (const QString &segment : p.split(u'/')) {
        if (segment == u"\x01"_s || isId(segment))
            out << u"[^/]+"_s;
        else
            out << QRegularExpression::escape(segment);
    }
    return u"^"_s + out.join(u'/') + u"$"_s;
}

int FaultMatrix::logMark() const
{
    return int(m_f->server().requestLog().size());
}

QJsonArray FaultMatrix::requestsSince(int mark, int end) const
{
    const QJsonArray log = m_f->server().requestLog();
    QJsonArray out;
    for (int i = mark; i < (end < 0 ? log.size() : std::min<qsizetype>(end, log.size())); ++i) {
        const QJsonObject o = log.at(i).toObject();
        if (o.value(u"internal"_s).toBool() || o.value(u"path"_s).toString().startsWith(u"/_sandbox/"_s))
            continue;
        out.append(o);
    }
    return out;
}

int FaultMatrix::createsSince(int mark, const QString &pattern) const
{
    const QRegularExpression re(pattern);
    int n = 0;
    for (const QJsonValue &v : requestsSince(mark)) {
        const QJsonObject o = v.toObject();
        const int status = o.value(u"status"_s).toInt();
        if (o.value(u"method"_s).toString() == u"POST"_s && status >= 200 && status < 300 &&
            re.match(o.value(u"path"_s).toString()).hasMatch())
            ++n;
    }
    return n;
}

void FaultMatrix::clearLog()
{
    // Each cell reads its own requests: the log stays far below the sandbox's cap.
    m_f->http.send("DELETE", m_f->url(u"/_sandbox/requests"_s));
}

QList<FaultCall> FaultMatrix::discover(const FaultArea &area, QString *error)
{
    m_f->server().clearFaults();
    clearLog();
    area.prepare();
    int mark = 0;
    const RunResult r = area.run([&] { mark = logMark(); });
    // What the operation sent; not what verify() reads to check the outcome.
    const int end = logMark();
    if (r.kind != RunResult::Kind::Ok) {
        *error = u"the clean run of %1 failed: %2"_s.arg(area.name, r.error.message);
        return {};
    }
    const QString problem = area.verify();
    if (!problem.isEmpty()) {
        *error = u"the clean run of %1: %2"_s.arg(area.name, problem);
        return {};
    }
    QList<FaultCall> calls;
    QSet<QString> seen;
    for (const QJsonValue &v : requestsSince(mark, end)) {
        const QJsonObject o = v.toObject();
        FaultCall call;
        call.method = o.value(u"method"_s).toString().toLatin1();
        call.route = generalise(o.value(u"path"_s).toString());
        const QString key = QString::fromLatin1(call.method) + u' ' + call.route;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        QString shown = call.route.mid(1, call.route.size() - 2);
        shown.replace(u"[^/]+"_s, u"{id}"_s);
        shown.remove(u'\\');
        call.label = QString::fromLatin1(call.method) + u' ' + shown;
        calls << call;
    }
    if (!area.recoveryCalls)
        return calls;
    const QList<FaultCall> direct = calls;
    for (const FaultCall &create : direct) {
        if (create.method != "POST" || !create.precondition.isEmpty())
            continue;
        const QJsonObject lost{
            {u"method"_s, u"POST"_s}, {u"route"_s, create.route}, {u"drop"_s, u"after"_s}, {u"count"_s, 1}};
        m_f->server().clearFaults();
        clearLog();
        area.prepare();
        int from = 0;
        const RunResult lostRun = area.run([&] {
            from = logMark();
            m_f->addFault(lost);
        });
        const int to = logMark();
        if (lostRun.kind == RunResult::Kind::Failed)
            area.retry();
        for (const QJsonValue &v : requestsSince(from, to)) {
            const QJsonObject o = v.toObject();
            FaultCall call;
            call.method = o.value(u"method"_s).toString().toLatin1();
            call.route = generalise(o.value(u"path"_s).toString());
            const QString key = QString::fromLatin1(call.method) + u' ' + call.route;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            QString shown = call.route.mid(1, call.route.size() - 2);
            shown.replace(u"[^/]+"_s, u"{id}"_s);
            shown.remove(u'\\');
            call.label = QString::fromLatin1(call.method) + u' ' + shown + u" (after a lost "_s + create.label + u")"_s;
            call.precondition = lost;
            calls << call;
        }
    }
    m_f->server().clearFaults();
    return calls;
}

QJsonObject FaultMatrix::faultFor(const FaultCall &call, FaultKind kind) const
{
    QJsonObject f{{u"method"_s, QString::fromLatin1(call.method)}, {u"route"_s, call.route}, {u"count"_s, 1}};
    const bool crm = call.route.contains(u"/crm/"_s);
    const bool platform = call.route.contains(u"adobe/platform"_s);
    switch (kind) {
    case FaultKind::TooMany:
        f.insert(u"status"_s, 429);
        f.insert(u"retryAfter"_s, 1);
        break;
    case FaultKind::Server500:
        f.insert(u"status"_s, 500);
        break;
    case FaultKind::Unavailable503:
        f.insert(u"status"_s, 503);
        break;
    case FaultKind::DropBefore:
        f.insert(u"drop"_s, u"before"_s);
        break;
    case FaultKind::DropAfter:
        f.insert(u"drop"_s, u"after"_s);
        break;
    case FaultKind::Stall:
        f.insert(u"delay"_s, m_stallMs);
        break;
    case FaultKind::Truncated:
        f.insert(u"truncate"_s, true);
        break;
    case FaultKind::NonJson:
        // A proxy's error page where JSON was expected.
        f.insert(u"status"_s, 502);
        f.insert(u"body"_s, u"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                            u"<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response.</p>"
                            u"</body></html>"_s);
        break;
    case FaultKind::Expired:
        // The service's own answer to an access token that expired.
        f.insert(u"status"_s, 401);
        f.insert(u"contentType"_s, u"application/json"_s);
        if (crm)
            f.insert(
                u"body"_s,
                u"{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}"_s);
        else if (platform)
            f.insert(u"body"_s, u"{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}"_s);
        else // the token endpoints themselves: the token the request carries (a refresh token) is dead
            f.insert(u"body"_s, u"{\"error\":\"invalid_token\"}"_s);
        break;
    }
    return f;
}

bool FaultMatrix::faultStillPending() const
{
    const HttpResult list = m_f->http.get(m_f->url(u"/_sandbox/faults"_s));
    return !list.object().value(u"faults"_s).toArray().isEmpty();
}

QString FaultMatrix::judgeError(const net::Error &error, FaultKind kind)
{
    if (!error.isError())
        return u"failed without an error"_s;
    if (error.message.trimmed().isEmpty())
        return u"an empty message"_s;
    static const QRegularExpression markup(u"<\\s*(!doctype|html|body|head|h1|p)\\b"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    if (markup.match(error.message).hasMatch())
        return u"raw HTML in the message: %1"_s.arg(error.message.left(120));
    if (error.category == net::ErrorCategory::Cancelled)
        return u"reported as cancelled"_s;
    const bool transient = kind != FaultKind::Expired;
    if (transient && (error.category == net::ErrorCategory::SignInNeeded ||
                      error.category == net::ErrorCategory::Permission || error.category == net::ErrorCategory::Input))
        return u"a passing fault reported as %1: %2"_s.arg(net::categoryName(error.category), error.message.left(120));
    return {};
}

QString FaultMatrix::runCell(const FaultArea &area, const FaultCall &call, FaultKind kind)
{
    const QJsonObject fault = faultFor(call, kind);
    return runCell(area, kind, [&] {
        if (!call.precondition.isEmpty())
            m_f->addFault(call.precondition);
        m_f->addFault(fault);
    });
}

QString FaultMatrix::runCell(const FaultArea &area, FaultKind kind, const std::function<void()> &arm)
{
    m_f->server().clearFaults();
    clearLog();
    area.prepare();
    const RunResult first = area.run(arm);
    const bool hit = !faultStillPending();
    m_f->server().clearFaults();
    QString outcome;
    if (!hit && first.kind == RunResult::Kind::Ok)
        return u"FAIL: call not reached"_s;
    if (first.kind == RunResult::Kind::Ok) {
        outcome = u"retried ok"_s;
    } else {
        if (first.kind == RunResult::Kind::SignInAsked) {
            if (!(area.signInAskAllowed && kind == FaultKind::Expired))
                return u"FAIL: asks for a new sign-in after a passing fault"_s;
        } else {
            const QString problem = judgeError(first.error, kind);
            if (!problem.isEmpty())
                return u"FAIL: "_s + problem;
        }
        const RunResult again = area.retry();
        if (again.kind != RunResult::Kind::Ok)
            return u"FAIL: Try again: %1"_s.arg(again.kind == RunResult::Kind::SignInAsked ? u"asks for sign-in"_s
                                                                                           : again.error.message);
        outcome = first.kind == RunResult::Kind::SignInAsked ? u"sign-in+retry ok"_s : u"error+retry ok"_s;
    }
    if (kind == FaultKind::Stall)
        QTest::qWait(m_stallMs); // a stalled request is handled after the client gave up: count it too
    const QString problem = area.verify();
    if (!problem.isEmpty())
        return u"FAIL: "_s + problem;
    return outcome;
}

int FaultMatrix::runAll(const FaultArea &area, const QList<FaultCall> &calls,
                        const QMap<QString, QString> &knownFailures)
{
    int failures = 0;
    QStringList header{u"%1 call"_s.arg(area.name)};
    for (FaultKind kind : allFaults())
        header << faultName(kind);
    QStringList rows;
    QStringList notes;
    for (const FaultCall &call : calls) {
        QStringList row{call.label};
        for (FaultKind kind : allFaults()) {
            QString outcome = runCell(area, call, kind);
            const QString key = area.name + u": "_s + cellKey(call, kind);
            if (outcome.startsWith(u"FAIL"_s)) {
                if (knownFailures.contains(key)) {
                    notes << u"KNOWN %1: %2 (%3)"_s.arg(key, outcome, knownFailures.value(key));
                    outcome = u"KNOWN FAIL"_s;
                } else {
                    ++failures;
                    notes << u"%1: %2"_s.arg(key, outcome);
                    outcome = u"FAIL"_s;
                }
            } else if (knownFailures.contains(key)) {
                notes << u"KNOWN FAILURE NOW PASSES, take it off the list: %1"_s.arg(key);
            }
            row << outcome;
        }
        rows << row.join(u" | "_s);
    }
    // Every token the service issued so far expires right before the run (POST
    // /_sandbox/tokens/expire): the saved and cached access tokens are dead at their first use.
    QString expired = runCell(area, FaultKind::Expired,
                              [this] { m_f->http.postJson(m_f->url(u"/_sandbox/tokens/expire"_s), QJsonObject()); });
    if (expired.startsWith(u"FAIL"_s)) {
        ++failures;
        notes << u"%1: all tokens expired before the run: %2"_s.arg(area.name, expired);
        expired = u"FAIL"_s;
    }
    rows << u"(all calls) tokens expired in the sandbox before the run: "_s + expired;
    qInfo().noquote() << u"\n==== fault matrix: %1 ====\n"_s.arg(area.name) + header.join(u" | "_s) + u"\n"_s +
                             rows.join(u"\n"_s) + (notes.isEmpty() ? QString() : u"\n-- "_s + notes.join(u"\n-- "_s));
    return failures;
}

} // namespace zaw::test
