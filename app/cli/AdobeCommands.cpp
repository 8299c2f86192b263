// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdobeCommands.h"

#include "CliApp.h"
#include "account/SyncSetup.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "catalogue/AepExploreCatalogue.h"
#include "catalogue/ZohoCrmCatalogue.h"
#include "setup/SavedPlans.h"
#include "setup/SetupPlan.h"
#include "setup/SourceAccountQuery.h"
#include "store/SecretStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace zaw {

// ---- AepSessionHelper ------------------------------------------------------------------------

AepSessionHelper::AepSessionHelper(CliApp *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{}

AepSessionHelper::~AepSessionHelper() = default;

int AepSessionHelper::adobeExitCode(const net::Error &error)
{
    switch (error.category) {
    case net::ErrorCategory::SignInNeeded:
    case net::ErrorCategory::Permission:
        return ExitAuthorization;
    case net::ErrorCategory::Network:
        return ExitNetwork;
    default:
        return error.httpStatus ? ExitAdobe : ExitFailure;
    }
}

int AepSessionHelper::zohoExitCode(const net::Error &error)
{
    switch (error.category) {
    case net::ErrorCategory::SignInNeeded:
    case net::ErrorCategory::Permission:
        return ExitAuthorization;
    case net::ErrorCategory::Input:
        return error.code.startsWith(QLatin1String("invalid_")) ? ExitAuthorization : ExitFailure;
    case net::ErrorCategory::Network:
        return ExitNetwork;
    default:
        return ExitFailure;
    }
}

void AepSessionHelper::prepare(std::function<void()> ready)
{
    m_session = std::make_unique<account::ProfileSession>(m_app->http(), m_app->endpoints(), m_app->profiles(),
                                                          m_app->secrets());
    m_session->load(m_app->profileName(), true, [this, ready](const net::Error &error) {
        if (error) {
            const int code = error.code == QLatin1String(account::ProfileSession::kNoKeychain) ? ExitNoKeychain
                             : error.category == net::ErrorCategory::SignInNeeded              ? ExitAuthorization
                                                                                               : ExitFailure;
            m_app->failWith(code, error);
            return;
        }
        // Zoho lets a refresh token mint only a few access tokens: a fresh one is reused.
        if (!m_session->zoho().hasFreshAccessToken(300))
            m_app->info(tr("Refreshing the Zoho access token…"));
        m_session->ensureZohoToken([this, ready](const net::Error &tokenError) {
            if (tokenError) {
                net::Error e = tokenError;
                const int code = zohoExitCode(tokenError);
                if (code == ExitAuthorization)
                    e.message = tr("%1 Run \"zoho-aep-connect zoho-login\" again.").arg(tokenError.message);
                m_app->failWith(code, e);
                return;
            }
            ready();
        });
    });
}

void AepSessionHelper::saveProfile()
{
    QString error;
    if (!m_session->saveProfile(&error))
        m_app->info(tr("Warning: the profile could not be saved: %1").arg(error));
}

void AepSessionHelper::ensureBaseConnection(const QString &connectionName, std::function<void(const QString &)> ready)
{
    const QString saved = profile().setup.value(QStringLiteral("baseConnectionId")).toString();
    if (saved.isEmpty()) {
        makeBaseConnection(connectionName, ready);
        return;
    }
    flows()->connection(
        saved, this, [this, saved, connectionName, ready](const QJsonObject &, const net::Error &error) {
            if (!error) {
                ready(saved);
                return;
            }
            if (error.httpStatus == 404) {
                m_app->info(tr("The base connection %1 of the profile is gone; making a new one.").arg(saved));
                profile().setup.remove(QStringLiteral("baseConnectionId"));
                makeBaseConnection(connectionName, ready);
                return;
            }
            m_app->failWith(adobeExitCode(error), error);
        });
}

void AepSessionHelper::makeBaseConnection(const QString &connectionName, std::function<void(const QString &)> ready)
{
    // A plan of this profile that stopped before it had its base connection (or before a module
    // was chosen) continues, so that a create whose answer was lost is found, not repeated.
    const QJsonObject unfinished = setup::SavedPlans::find(profile().setup, [](const QJsonObject &state) {
        return !setup::SavedPlans::isComplete(state) && setup::SavedPlans::tablePath(state).isEmpty();
    });
    setup::SetupPlan *plan = nullptr;
    if (!unfinished.isEmpty())
        plan = setup::SetupPlan::fromState(platform(), unfinished, this, nullptr);
    if (!plan) {
        setup::SetupRequest request;
        request.baseConnectionName =
            connectionName.isEmpty() ? tr("Zoho CRM – %1").arg(profile().zoho.value(QStringLiteral("org")).toString())
                                     : connectionName;
        request.baseConnectionDescription = tr("Made by zoho-aep-connect.");
        plan = new setup::SetupPlan(platform(), request, this);
    }
    plan->setZohoSession(zohoSession());
    m_app->info(tr("Creating the base connection \"%1\"…").arg(plan->request().baseConnectionName));
    connect(plan, &setup::SetupPlan::stateChanged, this, [this](const QJsonObject &state) {
        setup::SavedPlans::put(profile().setup, state);
        saveProfile();
    });
    connect(plan, &setup::SetupPlan::reached, this,
            [plan, ready] { ready(plan->objectId(setup::SetupPlan::Step::BaseConnection)); });
    connect(plan, &setup::SetupPlan::failed, this,
            [this](setup::SetupPlan::Step, const net::Error &error) { m_app->failWith(adobeExitCode(error), error); });
    plan->runThrough(setup::SetupPlan::Step::BaseConnection);
}

// ---- AepCommand ------------------------------------------------------------------------------

AepCommand::AepCommand(CliApp *app, Kind kind)
    : QObject(app)
    , m_app(app)
    , m_kind(kind)
    , m_helper(new AepSessionHelper(app, this))
{}

AepCommand::~AepCommand() = default;

bool AepCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption table(QStringLiteral("table"), tr("The table's path, as \"tables\" lists it."),
                                   QStringLiteral("path"));
    const QCommandLineOption rows(QStringLiteral("rows"), tr("Rows to show (1–100)."), QStringLiteral("n"),
                                  QStringLiteral("10"));
    const QCommandLineOption dataset(QStringLiteral("dataset"), tr("Load into this existing dataset."),
                                     QStringLiteral("id"));
    const QCommandLineOption newDataset(QStringLiteral("new-dataset"), tr("Create a dataset with this name."),
                                        QStringLiteral("name"));
    const QCommandLineOption flowName(QStringLiteral("flow-name"), tr("Name of the dataflow."), QStringLiteral("name"));
    const QCommandLineOption frequency(QStringLiteral("frequency"), tr("once, minute, hour, day or week."),
                                       QStringLiteral("frequency"), QStringLiteral("once"));
    const QCommandLineOption interval(QStringLiteral("interval"), tr("Runs every N units of the frequency."),
                                      QStringLiteral("n"));
    const QCommandLineOption start(QStringLiteral("start"), tr("First run (ISO 8601); default: in 5 minutes."),
                                   QStringLiteral("time"));
    const QCommandLineOption backfill(QStringLiteral("backfill"), tr("Load the history on the first run."));
    const QCommandLineOption delta(QStringLiteral("delta-column"), tr("Date-time column for incremental loads."),
                                   QStringLiteral("name"));
    const QCommandLineOption diagnostics(QStringLiteral("error-diagnostics"), tr("Keep row-level error diagnostics."));
    const QCommandLineOption partial(QStringLiteral("partial-ingestion"),
                                     tr("Accept a run when at most this percentage of rows fail."),
                                     QStringLiteral("percent"));
    const QCommandLineOption another(QStringLiteral("another"),
                                     tr("Make a further dataflow for a table that has one already."));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  tr("flow (a Flow Service dataflow) or sync (this application copies the records "
                                     "through batch ingestion); default: flow when the organisation still offers "
                                     "the Zoho CRM source, else sync."),
                                  QStringLiteral("mode"));
    const QCommandLineOption connectionName(QStringLiteral("connection-name"),
                                            tr("Name of a new base connection; default: \"Zoho CRM – <org>\"."),
                                            QStringLiteral("name"));
    switch (m_kind) {
    case Kind::Tables:
        parser.setApplicationDescription(tr("Lists the Zoho CRM modules AEP sees through the base connection."));
        parser.addOptions({help, connectionName});
        break;
    case Kind::Preview:
        parser.setApplicationDescription(tr("Shows the columns and the first rows of a table."));
        parser.addOptions({help, table, rows, connectionName});
        break;
    case Kind::Create:
        parser.setApplicationDescription(
            tr("Creates the dataflow of a table, resuming a setup that failed earlier for the same table."));
        parser.addOptions({help, table, dataset, newDataset, flowName, frequency, interval, start, backfill, delta,
                           diagnostics, partial, connectionName, another, mode});
        break;
    }
    if (!parser.parse(arguments)) {
        m_app->usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        m_app->succeed({}, parser.helpText());
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_app->usageError(tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));
        return false;
    }
    m_connectionName = parser.value(connectionName).trimmed();
    if (m_kind == Kind::Tables)
        return true;
    m_table = parser.value(table).trimmed();
    if (m_table.isEmpty()) {
        m_app->usageError(tr("--table is required."));
        return false;
    }
    if (m_kind == Kind::Preview) {
        bool ok = false;
        m_rows = parser.value(rows).toInt(&ok);
        if (!ok || m_rows < 1 || m_rows > catalogue::SourceCatalogue::kMaxPreviewRows) {
            m_app->usageError(tr("--rows must be a number from 1 to 100."));
            return false;
        }
        return true;
    }

    m_mode = parser.value(mode).trimmed().toLower();
    if (!m_mode.isEmpty() && m_mode != QLatin1String("flow") && m_mode != QLatin1String("sync")) {
        m_app->usageError(tr("--mode must be flow or sync."));
        return false;
    }
    m_dataSetId = parser.value(dataset).trimmed();
    m_newDataSet = parser.value(newDataset).trimmed();
    if (!m_dataSetId.isEmpty() && !m_newDataSet.isEmpty()) {
        m_app->usageError(tr("Give either --dataset or --new-dataset, not both."));
        return false;
    }
    m_flowName = parser.value(flowName).trimmed();
    m_another = parser.isSet(another);
    m_errorDiagnostics = parser.isSet(diagnostics);
    if (parser.isSet(partial)) {
        bool ok = false;
        m_partialIngestion = parser.value(partial).toDouble(&ok);
        if (!ok || m_partialIngestion <= 0 || m_partialIngestion > 100) {
            m_app->usageError(tr("--partial-ingestion must be a percentage above 0 and at most 100."));
            return false;
        }
    }
    m_schedule.frequency = parser.value(frequency).trimmed().toLower();
    if (parser.isSet(interval)) {
        bool ok = false;
        m_schedule.interval = parser.value(interval).toInt(&ok);
        if (!ok) {
            m_app->usageError(tr("--interval must be a whole number."));
            return false;
        }
        m_intervalGiven = true;
    } else if (m_schedule.frequency != QLatin1String("once")) {
        m_schedule.interval = qMax(0, setup::ScheduleRules::minimumInterval(m_schedule.frequency));
    }
    if (parser.isSet(start)) {
        m_schedule.start = QDateTime::fromString(parser.value(start).trimmed(), Qt::ISODate);
        if (!m_schedule.start.isValid()) {
            m_app->usageError(tr("--start must be a date and time in ISO 8601, for example 2030-01-31T08:00:00Z."));
            return false;
        }
        m_schedule.start = m_schedule.start.toUTC();
    } else {
        m_schedule.start = QDateTime::currentDateTimeUtc().addSecs(5 * 60);
    }
    m_schedule.backfill = parser.isSet(backfill);
    m_schedule.deltaColumn = parser.value(delta).trimmed();
    // Checked now with what is known; the delta column again once the table's columns are.
    const QList<setup::ScheduleProblem> problems =
        setup::ScheduleRules::validate(m_schedule, QDateTime::currentDateTimeUtc());
    for (const setup::ScheduleProblem &p : problems) {
        if (p.field == setup::ScheduleField::DeltaColumn && m_schedule.deltaColumn.isEmpty())
            continue; // a default is chosen from the columns
        m_app->usageError(p.message);
        return false;
    }
    return true;
}

void AepCommand::run(const QStringList &arguments)
{
    if (!parse(arguments))
        return;
    if (m_kind == Kind::Create) {
        m_helper->prepare([this] { chooseMode(); });
        return;
    }
    m_helper->prepare([this] {
        m_helper->ensureBaseConnection(m_connectionName, [this](const QString &id) {
            m_baseConnectionId = id;
            m_catalogue = new catalogue::AepExploreCatalogue(m_helper->flows(), nullptr, this);
            m_catalogue->setBaseConnectionId(id);
            switch (m_kind) {
            case Kind::Tables:
                runTables();
                break;
            case Kind::Preview:
                runPreview();
                break;
            case Kind::Create:
                runCreate();
                break;
            }
        });
    });
}

void AepCommand::chooseMode()
{
    auto *query = new setup::SourceAccountQuery(m_helper->platform(), this);
    m_app->info(tr("Checking whether the organisation still offers the Zoho CRM source…"));
    query->checkSource(this, [this](const net::Error &error) {
        const bool retired = error && setup::SourceAccountQuery::isRetiredSource(error);
        if (error && !retired) {
            m_app->failWith(AepSessionHelper::adobeExitCode(error), error);
            return;
        }
        if (m_mode.isEmpty())
            m_mode = retired ? QStringLiteral("sync") : QStringLiteral("flow");
        if (m_mode == QLatin1String("sync")) {
            runSyncCreate();
            return;
        }
        if (retired) {
            net::Error e = error;
            e.message = tr("%1 Use --mode sync (the default for this organisation) to set up a direct sync instead.")
                            .arg(error.message);
            m_app->failWith(ExitAdobe, e);
            return;
        }
        m_helper->ensureBaseConnection(m_connectionName, [this](const QString &id) {
            m_baseConnectionId = id;
            m_catalogue = new catalogue::AepExploreCatalogue(m_helper->flows(), nullptr, this);
            m_catalogue->setBaseConnectionId(id);
            runCreate();
        });
    });
}

void AepCommand::runSyncCreate()
{
    m_app->info(tr("Reading the Zoho fields of %1…").arg(m_table));
    auto *zohoCatalogue = new catalogue::ZohoCrmCatalogue(m_helper->zohoCrm(), this);
    zohoCatalogue->describe(m_table, this, [this](const catalogue::TableDescription &table, const net::Error &error) {
        net::Error e = error ? error : table.zohoFieldsError;
        if (e) {
            m_app->failWith(AepSessionHelper::zohoExitCode(e), e);
            return;
        }
        auto *setup = new account::SyncSetup(m_helper->session(), this);
        m_syncCreate = setup;
        connect(setup, &account::SyncSetup::progress, this, [this](const QString &label, int done, int total) {
            if (!label.isEmpty())
                m_app->info(tr("%1 (%2 of %3)…").arg(label).arg(done + 1).arg(total));
        });
        connect(setup, &account::SyncSetup::finished, this,
                [this](const sync::SyncModuleConfig &module, const net::Error &error) {
                    if (error) {
                        m_app->failWith(error.category == net::ErrorCategory::Input && !error.httpStatus
                                            ? ExitFailure
                                            : AepSessionHelper::adobeExitCode(error),
                                        error);
                        return;
                    }
                    const QJsonObject json{{QStringLiteral("mode"), QStringLiteral("sync")},
                                           {QStringLiteral("module"), module.module},
                                           {QStringLiteral("schemaId"), module.schemaId},
                                           {QStringLiteral("dataSetId"), module.dataSetId}};
                    m_app->succeed(json, tr("The direct sync of %1 is set up.\nschemaId: %2\ndataSetId: %3\nRun "
                                            "\"zoho-aep-connect sync\" for the first load, and \"zoho-aep-connect "
                                            "schedule install\" to run it in the background.")
                                             .arg(module.module, module.schemaId, module.dataSetId));
                });
        account::SyncSetup::Request request;
        request.module = m_table;
        request.columns = table.columns;
        request.zohoFields = table.zohoFields;
        request.newDataSetName = m_newDataSet;
        request.existingDataSetId = m_dataSetId;
        setup->start(request);
    });
}

void AepCommand::runTables()
{
    m_app->info(tr("Listing the tables…"));
    m_catalogue->tables(this, [this](const QList<catalogue::Table> &tables, const net::Error &error) {
        if (error) {
            m_app->failWith(AepSessionHelper::adobeExitCode(error), error);
            return;
        }
        QJsonArray array;
        QStringList lines;
        for (const catalogue::Table &t : tables) {
            array.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("path"), t.path}});
            lines << QStringLiteral("%1\t%2").arg(t.path, t.name);
        }
        m_app->succeed(array, lines.join(QLatin1Char('\n')));
    });
}

void AepCommand::runPreview()
{
    m_app->info(tr("Reading a preview of %1…").arg(m_table));
    m_catalogue->preview(m_table, m_rows, this, [this](const catalogue::Preview &preview, const net::Error &error) {
        if (error) {
            m_app->failWith(AepSessionHelper::adobeExitCode(error), error);
            return;
        }
        QJsonArray columns;
        QStringList names;
        for (const catalogue::Column &c : preview.columns) {
            columns.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("type"), c.sourceType()}});
            names << c.name;
        }
        QJsonArray rows;
        QStringList lines{names.join(QLatin1Char('\t'))};
        for (const QJsonObject &row : preview.rows) {
            rows.append(row);
            QStringList cells;
            for (const QString &n : names)
                cells << catalogue::Preview::cellText(row.value(n));
            lines << cells.join(QLatin1Char('\t'));
        }
        m_app->succeed(QJsonObject{{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}},
                       lines.join(QLatin1Char('\n')));
    });
}

void AepCommand::runCreate()
{
    // A new dataset's schema is built from the module's Zoho fields; an existing one needs none.
    m_app->info(tr("Reading the columns of %1…").arg(m_table));
    if (m_dataSetId.isEmpty())
        m_app->info(tr("Reading the Zoho fields of %1…").arg(m_table));
    m_catalogue->setCrmClient(m_dataSetId.isEmpty() ? m_helper->zohoCrm() : nullptr);
    m_catalogue->describe(m_table, this, [this](const catalogue::TableDescription &table, const net::Error &error) {
        if (error) {
            m_app->failWith(AepSessionHelper::adobeExitCode(error), error);
            return;
        }
        createWith(table);
    });
}

void AepCommand::createWith(const catalogue::TableDescription &table)
{
    const QList<catalogue::Column> &columns = table.columns;
    if (m_schedule.frequency != QLatin1String("once") && m_schedule.deltaColumn.isEmpty())
        m_schedule.deltaColumn = setup::ScheduleRules::defaultDeltaColumn(columns);
    const QList<setup::ScheduleProblem> problems = setup::ScheduleRules::validate(
        m_schedule, QDateTime::currentDateTimeUtc(), setup::ScheduleRules::dateTimeColumns(columns));
    if (!problems.isEmpty()) {
        m_app->usageError(problems.first().message);
        return;
    }
    // After the schedule check, as before the catalogue read both at once: a wrong delta column
    // is a usage error (2) whatever Zoho answered.
    if (table.zohoFieldsError) {
        m_app->failWith(AepSessionHelper::zohoExitCode(table.zohoFieldsError), table.zohoFieldsError);
        return;
    }
    startPlan(columns, table.zohoFields);
}

void AepCommand::startPlan(const QList<catalogue::Column> &columns, const QList<zoho::ZohoField> &fields)
{
    using setup::SavedPlans::isComplete;
    using setup::SavedPlans::tablePath;
    store::Profile &profile = m_helper->profile();
    // 1. A setup of this table that stopped half-way continues.
    const QJsonObject unfinished = setup::SavedPlans::find(
        profile.setup, [this](const QJsonObject &state) { return !isComplete(state) && tablePath(state) == m_table; });
    if (!unfinished.isEmpty()) {
        QString error;
        setup::SetupPlan *plan = setup::SetupPlan::fromState(m_helper->platform(), unfinished, this, &error);
        if (plan) {
            m_app->info(tr("Resuming the setup of %1 that stopped earlier…").arg(m_table));
            plan->setZohoSession(m_helper->zohoSession());
            plan->setSchedule(m_schedule);
            watchPlan(plan);
            plan->resume();
            return;
        }
        m_app->info(tr("The saved setup of %1 cannot be read (%2); starting a new one.").arg(m_table, error));
    }
    // 2. A finished one: a second dataflow of the same table only when asked for.
    const QJsonObject finished = setup::SavedPlans::find(
        profile.setup, [this](const QJsonObject &state) { return isComplete(state) && tablePath(state) == m_table; });
    if (!finished.isEmpty() && !m_another) {
        const QString flow = finished.value(QStringLiteral("objects"))
                                 .toObject()
                                 .value(QStringLiteral("flow"))
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        m_app->usageError(
            tr("%1 has a dataflow already (%2). Pass --another to make a second one.").arg(m_table, flow));
        return;
    }

    setup::SetupRequest request;
    request.zoho = m_helper->zohoSession();
    request.tablePath = m_table;
    request.columns = columns;
    request.dataSetId = m_dataSetId;
    request.dataSetName = m_newDataSet;
    request.zohoFields = fields;
    request.flowName = m_flowName;
    request.errorDiagnostics = m_errorDiagnostics;
    request.partialIngestionPercent = m_partialIngestion;
    request.schedule = m_schedule;

    // 3. The plan that made the profile's base connection (tables, preview, or a wizard that
    // stopped before choosing a module) goes on with this table.
    const QJsonObject baseOnly = setup::SavedPlans::find(profile.setup, [this](const QJsonObject &state) {
        return !isComplete(state) && tablePath(state).isEmpty() &&
               setup::SavedPlans::baseConnectionId(state) == m_baseConnectionId;
    });
    setup::SetupPlan *plan =
        baseOnly.isEmpty() ? nullptr : setup::SetupPlan::fromState(m_helper->platform(), baseOnly, this, nullptr);
    if (plan) {
        request.baseConnectionName = plan->request().baseConnectionName;
        request.baseConnectionDescription = plan->request().baseConnectionDescription;
        plan->setRequest(request);
    } else {
        // 4. A new plan on the profile's base connection (its credentials are brought up to date).
        request.baseConnectionId = m_baseConnectionId;
        plan = new setup::SetupPlan(m_helper->platform(), request, this);
    }
    watchPlan(plan);
    plan->start();
}

void AepCommand::watchPlan(setup::SetupPlan *plan)
{
    m_plan = plan;
    connect(plan, &setup::SetupPlan::stateChanged, this, [this](const QJsonObject &state) {
        setup::SavedPlans::put(m_helper->profile().setup, state);
        m_helper->saveProfile();
    });
    connect(plan, &setup::SetupPlan::stepFinished, this,
            [this](setup::SetupPlan::Step step, setup::SetupPlan::Status status) {
                m_app->info(tr("%1: %2").arg(setup::SetupPlan::label(step), setup::SetupPlan::statusText(status)));
            });
    connect(plan, &setup::SetupPlan::failed, this, [this](setup::SetupPlan::Step, const net::Error &error) {
        m_app->failWith(AepSessionHelper::adobeExitCode(error), error);
    });
    connect(plan, &setup::SetupPlan::finished, this, [this] {
        const QJsonObject result = m_plan->result();
        QStringList lines{tr("The dataflow of %1 is set up.").arg(m_table)};
        for (auto it = result.begin(); it != result.end(); ++it)
            lines << QStringLiteral("%1: %2").arg(it.key(), it.value().toString());
        m_app->succeed(result, lines.join(QLatin1Char('\n')));
    });
}

} // namespace zaw
