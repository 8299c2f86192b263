// SPDX-License-Identifier: GPL-3.0-or-later
// zaw-bench-setup: how many HTTP requests the AEP setup makes and how long it takes over
// loopback, against the in-process sandbox. Runs SetupPlan from scratch N times for a new dataset
// (Leads) and for the sandbox's seeded existing dataset (Contacts), and once the wizard's whole
// path of requests (the pages before Create, then Create). Requests are counted in the sandbox's
// request log; times are wall clock. See bench/README.md, "Setup flow benchmark".
#include "AdobeTestRig.h"
#include "SetupTestRig.h"
#include "TestHttp.h"
#include "setup/MappingBuilder.h"
#include "setup/PlannedRequest.h"
#include "setup/SetupPlan.h"
#include "setup/XdmSchemaBuilder.h"
#include "store/ProfileStore.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <functional>
#include <memory>

#ifndef ZAW_BENCH_BUILD_TYPE
#define ZAW_BENCH_BUILD_TYPE ""
#endif

using namespace Qt::StringLiterals;
using namespace zaw;
using zaw::setup::SetupPlan;
using zaw::setup::SetupRequest;
using Step = zaw::setup::SetupPlan::Step;

namespace {

constexpr int kTimeoutMs = 120000;

void print(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void printError(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stderr);
    std::fflush(stderr);
}

QString describe(const net::Error &error)
{
    QString text = error.message;
    if (error.httpStatus)
        text += u" [HTTP %1]"_s.arg(error.httpStatus);
    if (!error.code.isEmpty())
        text += u" [%1]"_s.arg(error.code);
    if (!error.detail.isEmpty())
        text += u" (%1)"_s.arg(error.detail);
    return text;
}

net::Error noAnswer()
{
    return net::Error::make(net::ErrorCategory::Network, u"no answer within %1 s"_s.arg(kTimeoutMs / 1000));
}

// Waits for the answers of asynchronous calls in a real event loop, which returns as soon as the
// last one arrives. (QTest::qWaitFor sleeps up to 10 ms between its passes over the event loop;
// that sleep would be measured as time spent on requests.)
class Answers
{
public:
    void expect() { ++m_pending; }
    void arrived()
    {
        if (--m_pending == 0)
            m_loop.quit();
    }
    // False when an answer is still missing after timeoutMs.
    bool wait(int timeoutMs = kTimeoutMs)
    {
        if (m_pending <= 0)
            return true;
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
        m_loop.exec();
        return m_pending <= 0;
    }

private:
    int m_pending = 0;
    QEventLoop m_loop;
};

// One asynchronous call of the core with a (value, error) answer, waited for.
template <typename T, typename Start> std::pair<T, net::Error> await(Start start)
{
    std::pair<T, net::Error> out;
    Answers answers;
    QObject context;
    answers.expect();
    start(&context, [&](const T &value, const net::Error &e) {
        out = {value, e};
        answers.arrived();
    });
    if (!answers.wait())
        out.second = noAnswer();
    return out;
}

// ---- counting requests in the sandbox's log --------------------------------------------------

// The requests of one measured stretch, from the sandbox's request log.
struct Requests
{
    int total = 0; // sent by the product's clients over HTTP (what the table calls requests)
    int ims = 0;
    int flowService = 0;
    int catalog = 0;
    int schemaRegistry = 0;
    int conversion = 0;
    int otherPlatform = 0;
    int zoho = 0;         // the product's own calls to Zoho (Accounts, CRM)
    int other = 0;        // anything else (none expected)
    int zohoInternal = 0; // AEP's calls to Zoho, which the sandbox makes inside itself
    int failedStatus = 0; // answers with status 0 or ≥ 400, internal ones included
    QStringList lines;    // "METHOD path status", in order
    QStringList creates;  // "POST servicePath" of the product's POSTs to the Platform, in order

    void add(const QJsonObject &entry)
    {
        const QString method = entry.value(u"method"_s).toString();
        const QString path = entry.value(u"path"_s).toString();
        const int status = entry.value(u"status"_s).toInt();
        const bool internal = entry.value(u"internal"_s).toBool();
        lines.append(u"%1%2 %3 %4"_s.arg(internal ? u"  (AEP>Zoho, for the request below) "_s : QString(), method, path)
                         .arg(status));
        if (status == 0 || status >= 400)
            ++failedStatus;
        if (internal) {
            ++zohoInternal;
            return;
        }
        ++total;
        static const QString platformRoot = u"/adobe/platform"_s;
        if (method == u"POST"_s && path.startsWith(platformRoot + u'/'))
            creates.append(u"POST "_s + path.mid(platformRoot.size()));
        static const QString platform = u"/adobe/platform/data/foundation/"_s;
        if (path.startsWith(u"/adobe/ims/"_s))
            ++ims;
        else if (path.startsWith(platform + u"flowservice"_s))
            ++flowService;
        else if (path.startsWith(platform + u"catalog"_s))
            ++catalog;
        else if (path.startsWith(platform + u"schemaregistry"_s))
            ++schemaRegistry;
        else if (path.startsWith(platform + u"conversion"_s))
            ++conversion;
        else if (path.startsWith(u"/adobe/platform/"_s))
            ++otherPlatform;
        else if (path.startsWith(u"/zoho/"_s))
            ++zoho;
        else
            ++other;
    }

    Requests &operator+=(const Requests &o)
    {
        total += o.total;
        ims += o.ims;
        flowService += o.flowService;
        catalog += o.catalog;
        schemaRegistry += o.schemaRegistry;
        conversion += o.conversion;
        otherPlatform += o.otherPlatform;
        zoho += o.zoho;
        other += o.other;
        zohoInternal += o.zohoInternal;
        failedStatus += o.failedStatus;
        lines += o.lines;
        creates += o.creates;
        return *this;
    }
};

// Where the request log stood: the ID of its last entry. (The log keeps the newest 20,000
// entries, so a count of entries would go wrong once it is full.)
class LogMark
{
public:
    explicit LogMark(const sandbox::SandboxServer &server)
        : m_server(server)
    {
        const QJsonArray log = server.requestLog();
        if (!log.isEmpty())
            m_lastId = log.last().toObject().value(u"requestId"_s).toString();
    }

    // The entries logged since the mark was made.
    Requests since() const
    {
        const QJsonArray log = m_server.requestLog();
        qsizetype first = 0;
        if (!m_lastId.isEmpty()) {
            for (qsizetype i = log.size() - 1; i >= 0; --i) {
                if (log.at(i).toObject().value(u"requestId"_s).toString() == m_lastId) {
                    first = i + 1;
                    break;
                }
            }
        }
        Requests r;
        for (qsizetype i = first; i < log.size(); ++i)
            r.add(log.at(i).toObject());
        return r;
    }

private:
    const sandbox::SandboxServer &m_server;
    QString m_lastId;
};

// The creates a run sends, in order, as the plan's recipe gives them (SetupPlan::plannedRequests():
// the requests that make an object not made yet).
QStringList plannedCreates(const SetupPlan &plan)
{
    QStringList creates;
    for (const setup::PlannedRequest &p : plan.plannedRequests()) {
        if (!p.method.isEmpty() && p.existingId.isEmpty())
            creates.append(QString::fromLatin1(p.method) + u' ' + p.servicePath);
    }
    return creates;
}

// ---- figures ---------------------------------------------------------------------------------

struct Figures
{
    qint64 ns = 0;
    Requests requests;
    int saves = 0;     // profile saves during the run (only when the plan's state is saved)
    int repeated = 0;  // of them, saves of a state equal to the one saved just before
    qint64 saveNs = 0; // time spent in them, part of ns
};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

template <typename T> T median(QList<T> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return T();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

// "14" when every run made the same number, else "14-15".
QString span(const QList<Figures> &runs, int Requests::*field)
{
    int lo = INT_MAX, hi = INT_MIN;
    for (const Figures &f : runs) {
        lo = std::min(lo, f.requests.*field);
        hi = std::max(hi, f.requests.*field);
    }
    return lo == hi ? QString::number(lo) : u"%1-%2"_s.arg(lo).arg(hi);
}

QString tableHeader()
{
    return u"%1 %2 %3 %4 %5 %6 %7 %8 %9 | %10 %11 %12"_s.arg(u"scenario"_s, -40)
        .arg(u"runs"_s, 4)
        .arg(u"req/run"_s, 7)
        .arg(u"IMS"_s, 3)
        .arg(u"flow"_s, 5)
        .arg(u"cat"_s, 4)
        .arg(u"schema"_s, 6)
        .arg(u"conv"_s, 4)
        .arg(u"Zoho"_s, 4)
        .arg(u"AEP>Zoho"_s, 8)
        .arg(u"wall ms min / median / max"_s, -28)
        .arg(u"ms/req (median)"_s);
}

QString tableRow(const QString &scenario, const QList<Figures> &runs)
{
    QList<double> wall, perRequest;
    for (const Figures &f : runs) {
        wall.append(ms(f.ns));
        perRequest.append(f.requests.total > 0 ? ms(f.ns) / f.requests.total : 0.0);
    }
    const double lo = *std::min_element(wall.begin(), wall.end());
    const double hi = *std::max_element(wall.begin(), wall.end());
    const QString times = u"%1 / %2 / %3"_s.arg(lo, 0, 'f', 1).arg(median(wall), 0, 'f', 1).arg(hi, 0, 'f', 1);
    return u"%1 %2 %3 %4 %5 %6 %7 %8 %9 | %10 %11 %12"_s.arg(scenario, -40)
        .arg(runs.size(), 4)
        .arg(span(runs, &Requests::total), 7)
        .arg(span(runs, &Requests::ims), 3)
        .arg(span(runs, &Requests::flowService), 5)
        .arg(span(runs, &Requests::catalog), 4)
        .arg(span(runs, &Requests::schemaRegistry), 6)
        .arg(span(runs, &Requests::conversion), 4)
        .arg(span(runs, &Requests::zoho), 4)
        .arg(span(runs, &Requests::zohoInternal), 8)
        .arg(times, -28)
        .arg(median(perRequest), 0, 'f', 2);
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    const QStringList parts = QString::fromLatin1(file.readAll()).split(u' ', Qt::SkipEmptyParts);
    return parts.size() >= 3 ? parts.mid(0, 3).join(u' ') : u"unknown"_s;
}

bool isOptimised(const QString &buildType)
{
    return buildType == u"Release"_s || buildType == u"RelWithDebInfo"_s || buildType == u"MinSizeRel"_s;
}

// ---- the benchmark ---------------------------------------------------------------------------

enum class Target { NewDataSet, ExistingDataSet };
// Whether the plan's state is written into a profile at every change, as the wizard (and
// `create`) do: ProfileStore::save() commits a QSaveFile, which syncs the file to disk.
enum class Saving { None, Profile };

class Bench
{
public:
    explicit Bench(bool verbose)
        : m_verbose(verbose)
    {
        sandbox::SandboxOptions options;
        options.relaxedLimits = true; // Zoho's token limits off: repeated runs are not throttled
        m_fixture = std::make_unique<test::SandboxFixture>(options);
        m_prepRig = std::make_unique<test::AdobeRig>(*m_fixture);
    }

    bool prepare();
    // N plans from scratch on clients of their own: the first run mints the IMS token and opens
    // the connections, the later ones reuse both.
    bool runPlans(Target target, Saving saving, int runs, QList<Figures> *out);
    // The requests the wizard sends from Source account to Create, in its order (pages before
    // Create, then Create), on the clients the Adobe credential page left behind.
    bool runWizardPath(Figures *pages, Figures *create);
    // The creates each scenario's recipe planned (new, existing, wizard Create), all runs alike.
    QMap<QString, int> plannedCreateCounts() const { return m_plannedCreates; }

private:
    SetupRequest newDataSetRequest(const QString &tag) const;
    SetupRequest existingDataSetRequest(const QString &tag) const;
    // Runs action (start, resume or runThrough) until finished(), or reached(last) when last
    // is before the dataflow.
    bool drive(SetupPlan &plan, const std::function<void()> &action, Step last, const QString &what, qint64 *ns);
    void showRequests(const QString &title, const Requests &r) const;
    bool check(const net::Error &error, const QString &what) const;
    // Whether the POSTs of a run are the creates the recipe planned for it.
    bool matchesPlan(const QStringList &planned, const Requests &r, const QString &what);

    bool m_verbose = false;
    std::unique_ptr<test::SandboxFixture> m_fixture;
    std::unique_ptr<test::AdobeRig> m_prepRig;
    zoho::ZohoSession m_zoho;
    QList<zoho::ZohoField> m_leadsFields;
    QList<catalogue::Column> m_leadsColumns;
    QList<catalogue::Column> m_contactsColumns;
    QString m_existingDataSetId;
    QString m_runId = QString::number(QDateTime::currentSecsSinceEpoch(), 36);
    QMap<QString, int> m_plannedCreates;
};

bool Bench::matchesPlan(const QStringList &planned, const Requests &r, const QString &what)
{
    m_plannedCreates.insert(what.section(u',', 0, 0), int(planned.size()));
    if (r.creates == planned)
        return true;
    printError(u"error: %1: the run sent other creates than its plan:\n  planned: %2\n  sent:    %3"_s.arg(
        what, planned.join(u", "_s), r.creates.join(u", "_s)));
    return false;
}

bool Bench::check(const net::Error &error, const QString &what) const
{
    if (!error)
        return true;
    printError(u"error: %1: %2"_s.arg(what, describe(error)));
    return false;
}

void Bench::showRequests(const QString &title, const Requests &r) const
{
    if (!m_verbose)
        return;
    print(u"-- %1: %2 request(s), %3 inside the sandbox"_s.arg(title).arg(r.total).arg(r.zohoInternal));
    for (const QString &line : r.lines)
        print(u"   "_s + line);
}

// What the runs need and the wizard's pages would have read: the Leads fields and the explore
// columns of Leads and Contacts (through a base connection of the benchmark's own), and the
// seeded existing dataset. Not timed.
bool Bench::prepare()
{
    test::ZohoSource source;
    QString error;
    if (!test::readZohoSource(*m_fixture, *m_prepRig, u"ana.lima@example.com"_s, u"Benchmark explore account"_s,
                              {u"Leads"_s, u"Contacts"_s}, &source, &error)) {
        printError(u"error: "_s + error);
        return false;
    }
    m_zoho = source.session;
    m_leadsFields = source.leadsFields;
    m_leadsColumns = source.columns.value(u"Leads"_s);
    m_contactsColumns = source.columns.value(u"Contacts"_s);

    const QString existingName = u"Zoho CRM Contacts (existing)"_s;
    const auto existing = await<QList<adobe::DataSetInfo>>(
        [&](QObject *c, auto done) { m_prepRig->catalog.dataSetsByName(existingName, c, done); });
    if (!check(existing.second, u"the seeded dataset"_s))
        return false;
    if (existing.first.size() != 1) {
        printError(u"error: the sandbox has %1 dataset(s) named \"%2\" instead of one"_s.arg(existing.first.size())
                       .arg(existingName));
        return false;
    }
    m_existingDataSetId = existing.first.first().id;
    return true;
}

SetupRequest Bench::newDataSetRequest(const QString &tag) const
{
    return test::newLeadsDataSetRequest(tag, u"Setup flow benchmark"_s, m_zoho, m_leadsColumns, m_leadsFields);
}

SetupRequest Bench::existingDataSetRequest(const QString &tag) const
{
    return test::existingContactsDataSetRequest(tag, m_zoho, m_contactsColumns, m_existingDataSetId);
}

bool Bench::drive(SetupPlan &plan, const std::function<void()> &action, Step last, const QString &what, qint64 *ns)
{
    bool done = false;
    bool failed = false;
    Step failedStep = Step::BaseConnection;
    net::Error error;
    QEventLoop loop;
    QObject guard;
    QObject::connect(&plan, &SetupPlan::finished, &guard, [&] {
        done = true;
        loop.quit();
    });
    QObject::connect(&plan, &SetupPlan::reached, &guard, [&](Step step) {
        if (step != last)
            return;
        done = true;
        loop.quit();
    });
    QObject::connect(&plan, &SetupPlan::failed, &guard, [&](Step step, const net::Error &e) {
        failed = true;
        failedStep = step;
        error = e;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);

    QElapsedTimer timer;
    timer.start();
    action();
    if (!done && !failed) {
        timeout.start(kTimeoutMs);
        loop.exec();
    }
    *ns = timer.nsecsElapsed();
    if (failed)
        return check(error, u"%1, step %2"_s.arg(what, SetupPlan::stepKey(failedStep)));
    if (!done)
        return check(noAnswer(), u"%1, step %2"_s.arg(what, SetupPlan::stepKey(plan.currentStep())));
    return true;
}

bool Bench::runPlans(Target target, Saving saving, int runs, QList<Figures> *out)
{
    // Fresh clients: an empty IMS session and no open connections, as after a start.
    test::AdobeRig rig(*m_fixture);
    QString kind = target == Target::NewDataSet ? u"new"_s : u"existing"_s;
    QTemporaryDir configDir;
    std::unique_ptr<store::ProfileStore> profiles;
    store::Profile profile;
    if (saving == Saving::Profile) {
        kind += u" saved"_s;
        if (!configDir.isValid()) {
            printError(u"error: no temporary folder for the profile: %1"_s.arg(configDir.errorString()));
            return false;
        }
        profiles = std::make_unique<store::ProfileStore>(configDir.path());
        profile = profiles->create(u"bench"_s);
    }
    for (int i = 1; i <= runs; ++i) {
        const QString tag = u"bench %1 %2-%3"_s.arg(kind, m_runId).arg(i);
        SetupPlan plan(&rig.platform,
                       target == Target::NewDataSet ? newDataSetRequest(tag) : existingDataSetRequest(tag));
        Figures f;
        QString saveError;
        if (profiles) {
            QObject::connect(&plan, &SetupPlan::stateChanged, &plan, [&](const QJsonObject &state) {
                QElapsedTimer saveTimer;
                saveTimer.start();
                if (state == profile.setup)
                    ++f.repeated;
                profile.setup = state;
                QString error;
                if (!profiles->save(profile, &error) && saveError.isEmpty())
                    saveError = error.isEmpty() ? u"not saved"_s : error;
                f.saveNs += saveTimer.nsecsElapsed();
                ++f.saves;
            });
        }
        const QStringList planned = plannedCreates(plan);
        const LogMark mark(m_fixture->server());
        const bool ok = drive(
            plan, [&plan] { plan.start(); }, Step::Flow, u"%1 dataset, run %2"_s.arg(kind).arg(i), &f.ns);
        f.requests = mark.since();
        if (i <= 2 || !ok)
            showRequests(u"%1 dataset, run %2 (%3 ms)"_s.arg(kind).arg(i).arg(ms(f.ns), 0, 'f', 1), f.requests);
        if (!ok || !matchesPlan(planned, f.requests, u"%1 dataset, run %2"_s.arg(kind).arg(i)))
            return false;
        if (!saveError.isEmpty()) {
            printError(u"error: %1 dataset, run %2: the profile: %3"_s.arg(kind).arg(i).arg(saveError));
            return false;
        }
        out->append(f);
    }
    return true;
}

bool Bench::runWizardPath(Figures *pages, Figures *create)
{
    test::AdobeRig &rig = *m_prepRig;
    zoho::ZohoAuthClient auth(&rig.http, rig.endpoints);
    zoho::ZohoCrmClient crm(&rig.http, &auth, &m_zoho);
    const QString tag = u"bench wizard %1"_s.arg(m_runId);
    SetupRequest draft;
    draft.zoho = m_zoho;
    draft.baseConnectionName = u"Zoho CRM (%1)"_s.arg(tag);
    draft.baseConnectionDescription = u"Setup flow benchmark"_s;

    const LogMark pagesMark(m_fixture->server());
    QElapsedTimer timer;
    qint64 pagesNs = 0;

    // Source account: the connection spec still offered, the Zoho accounts made earlier, then
    // Next makes the base connection through the plan.
    timer.start();
    const auto spec = await<QJsonObject>([&](QObject *c, auto done) {
        rig.flows.connectionSpec(QLatin1String(adobe::FlowServiceClient::kZohoConnectionSpecId), c, done);
    });
    if (!check(spec.second, u"wizard: connection spec"_s))
        return false;
    const auto accounts = await<QList<QJsonObject>>([&](QObject *c, auto done) {
        rig.flows.connections(
            {adobe::FlowServiceClient::propertyEquals(u"connectionSpec.id"_s,
                                                      QLatin1String(adobe::FlowServiceClient::kZohoConnectionSpecId))},
            c, done);
    });
    if (!check(accounts.second, u"wizard: Zoho accounts list"_s))
        return false;
    pagesNs += timer.nsecsElapsed();
    SetupPlan plan(&rig.platform, draft);
    qint64 baseNs = 0;
    if (!drive(
            plan, [&plan] { plan.runThrough(Step::BaseConnection); }, Step::BaseConnection,
            u"wizard: base connection"_s, &baseNs))
        return false;
    pagesNs += baseNs;
    const QString base = plan.objectId(Step::BaseConnection);

    // Select data: the modules, then for the chosen one its columns, a preview and its Zoho
    // fields, all three at once as the page asks for them.
    timer.start();
    const auto tables =
        await<QList<adobe::ExploreTable>>([&](QObject *c, auto done) { rig.flows.exploreRoot(base, c, done); });
    if (!check(tables.second, u"wizard: explore root"_s))
        return false;
    QList<QJsonObject> columns;
    QList<zoho::ZohoField> fields;
    net::Error columnsError, previewError, fieldsError;
    {
        Answers answers;
        QObject context;
        answers.expect();
        rig.flows.exploreTable(base, u"Leads"_s, &context, [&](const QList<QJsonObject> &found, const net::Error &e) {
            columns = found;
            columnsError = e;
            answers.arrived();
        });
        answers.expect();
        rig.flows.preview(base, u"Leads"_s, adobe::FlowServiceClient::kMaxPreviewRows, &context,
                          [&](const adobe::ExplorePreview &, const net::Error &e) {
                              previewError = e;
                              answers.arrived();
                          });
        answers.expect();
        crm.fields(u"Leads"_s, &context, [&](const QList<zoho::ZohoField> &found, const net::Error &e) {
            fields = found;
            fieldsError = e;
            answers.arrived();
        });
        if (!answers.wait())
            columnsError = noAnswer();
    }
    if (!check(columnsError, u"wizard: explore columns"_s) || !check(previewError, u"wizard: preview"_s) ||
        !check(fieldsError, u"wizard: Zoho fields"_s))
        return false;

    // Target: the tenant and the sandbox's datasets, side by side.
    QString tenant;
    net::Error tenantError, dataSetsError;
    {
        Answers answers;
        QObject context;
        answers.expect();
        rig.schemas.tenantId(&context, [&](const QString &found, const net::Error &e) {
            tenant = found;
            tenantError = e;
            answers.arrived();
        });
        answers.expect();
        rig.catalog.dataSets(&context, [&](const QList<adobe::DataSetInfo> &, const net::Error &e) {
            dataSetsError = e;
            answers.arrived();
        });
        if (!answers.wait())
            tenantError = noAnswer();
    }
    if (!check(tenantError, u"wizard: Schema Registry tenant"_s) || !check(dataSetsError, u"wizard: datasets"_s))
        return false;
    pagesNs += timer.nsecsElapsed();
    pages->ns = pagesNs;
    pages->requests = pagesMark.since();
    showRequests(u"wizard path, pages before Create (%1 ms)"_s.arg(ms(pagesNs), 0, 'f', 1), pages->requests);

    // Mapping (new dataset): the rows proposed for the schema the setup will make, no request.
    // Dataflow and Review send nothing either. Create: the whole draft, then resume().
    SetupRequest request = newDataSetRequest(tag);
    request.baseConnectionDescription = draft.baseConnectionDescription;
    request.columns.clear();
    for (const QJsonObject &c : columns)
        request.columns.append(catalogue::Column::fromJson(c));
    request.zohoFields = fields;
    const setup::XdmSchemaResult built = setup::XdmSchemaBuilder(tenant).build(request.tablePath, fields);
    request.mappingRows = setup::MappingBuilder::proposeRows(built.fields, request.columns);
    plan.setRequest(request);

    const QStringList planned = plannedCreates(plan);
    const LogMark createMark(m_fixture->server());
    const bool ok = drive(
        plan, [&plan] { plan.resume(); }, Step::Flow, u"wizard: Create"_s, &create->ns);
    create->requests = createMark.since();
    showRequests(u"wizard path, Create (%1 ms)"_s.arg(ms(create->ns), 0, 'f', 1), create->requests);
    return ok && matchesPlan(planned, create->requests, u"wizard Create"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"zaw-bench-setup"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Requests and wall time of the AEP setup (SetupPlan) and of the wizard's path of requests, against the "
        "in-process sandbox over loopback."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per scenario (default 10)."_s, u"N"_s, u"10"_s);
    const QCommandLineOption verboseOption(u"verbose"_s,
                                           u"List the requests of the first two runs of each scenario and of the "
                                           "wizard path."_s);
    parser.addOption(runsOption);
    parser.addOption(verboseOption);
    if (!parser.parse(app.arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        print(parser.helpText());
        return 0;
    }
    bool numeric = false;
    const int runs = parser.value(runsOption).toInt(&numeric);
    if (!numeric || runs < 1) {
        printError(u"--runs needs a positive whole number, not '%1'"_s.arg(parser.value(runsOption)));
        return 2;
    }

    const QString buildType = QStringLiteral(ZAW_BENCH_BUILD_TYPE);
    print(u"zaw-bench-setup: SetupPlan against the in-process sandbox over loopback"_s);
    print(u"Qt %1 (built with %2), build type: %3, runs: %4 per scenario, load average: %5"_s
              .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                   buildType.isEmpty() ? u"unspecified"_s : buildType)
              .arg(runs)
              .arg(loadAverage()));
    if (!isOptimised(buildType))
        print(u"note: not an optimised build; its figures are higher than a Release build's."_s);

    Bench bench(parser.isSet(verboseOption));
    if (!bench.prepare())
        return 1;

    QList<Figures> created, existing, saved;
    Figures pages, create;
    const bool ok = bench.runPlans(Target::NewDataSet, Saving::None, runs, &created) &&
                    bench.runPlans(Target::ExistingDataSet, Saving::None, runs, &existing) &&
                    bench.runWizardPath(&pages, &create) &&
                    bench.runPlans(Target::NewDataSet, Saving::Profile, runs, &saved);
    if (!ok)
        return 1;

    print({});
    print(tableHeader());
    auto rows = [](const QString &name, const QList<Figures> &all) {
        print(tableRow(name + u": first run"_s, all.mid(0, 1)));
        if (all.size() > 1)
            print(tableRow(name + u": later runs"_s, all.mid(1)));
    };
    rows(u"new dataset (Leads)"_s, created);
    rows(u"existing dataset (Contacts)"_s, existing);
    Figures whole = pages;
    whole.ns += create.ns;
    whole.requests += create.requests;
    print(tableRow(u"wizard path (Leads, new dataset)"_s, {whole}));
    print(tableRow(u"  of which pages before Create"_s, {pages}));
    print(tableRow(u"  of which Create (resume)"_s, {create}));
    rows(u"new dataset + profile saves"_s, saved);
    print({});
    print(u"req/run: HTTP requests the product sent to the sandbox, broken down into IMS (tokens minted), flow (Flow "
          "Service),"_s);
    print(u"  cat (Catalog), schema (Schema Registry), conv (Data Prep) and Zoho (the product's own Zoho calls)."_s);
    print(u"AEP>Zoho: AEP's calls to Zoho, made inside the sandbox (not in req/run). a-b: the runs differed."_s);
    const QMap<QString, int> planned = bench.plannedCreateCounts();
    print(u"creates: every run sent the creates its plan's recipe gives (plannedRequests()): %1 for a new dataset, %2 "
          "for the existing one, %3 in the wizard's Create."_s.arg(planned.value(u"new dataset"_s))
              .arg(planned.value(u"existing dataset"_s))
              .arg(planned.value(u"wizard Create"_s)));
    QList<int> saves, repeated;
    QList<double> perSave;
    for (const Figures &f : saved) {
        saves.append(f.saves);
        repeated.append(f.repeated);
        if (f.saves > 0)
            perSave.append(ms(f.saveNs) / f.saves);
    }
    print(u"profile saves: %1 per run (%2 of them the same state as the save before), %3 ms each (median), in %4;"_s
              .arg(median(saves))
              .arg(median(repeated))
              .arg(median(perSave), 0, 'f', 2)
              .arg(QDir::toNativeSeparators(QDir::tempPath())));
    print(u"  the wizard saves its profile at every state change too; the other rows leave that out."_s);

    int unusual = 0;
    for (const QList<Figures> *list : {&created, &existing, &saved})
        for (const Figures &f : *list)
            unusual += f.requests.failedStatus + f.requests.other + f.requests.otherPlatform;
    unusual += whole.requests.failedStatus + whole.requests.other + whole.requests.otherPlatform;
    if (unusual > 0)
        print(u"note: %1 request(s) answered with an error status or went outside the listed services (see "
              "--verbose)."_s.arg(unusual));
    return 0;
}
