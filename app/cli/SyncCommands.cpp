// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncCommands.h"

#include "AdobeCommands.h"
#include "CliApp.h"
#include "account/ProfileSession.h"
#include "account/SyncRun.h"
#include "store/ProfileStore.h"
#include "sync/Schedule.h"
#include "sync/SyncConfig.h"
#include "sync/SyncPaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>

#include <cstdio>

namespace zaw {

SyncCommand::SyncCommand(CliApp *app, Kind kind)
    : QObject(app)
    , m_app(app)
    , m_kind(kind)
{}

SyncCommand::~SyncCommand()
{
    delete m_run; // holds the session
}

bool SyncCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption module(QStringLiteral("module"), tr("Only this Zoho module (e.g. Leads)."),
                                    QStringLiteral("name"));
    const QCommandLineOption every(QStringLiteral("every"),
                                   tr("How often the sync runs: 30m, 4h, 1d … (5 minutes to 1 day; default: the "
                                      "connection's, 4h)."),
                                   QStringLiteral("duration"));
    parser.addOption(help);
    if (m_kind == Kind::Sync) {
        parser.setApplicationDescription(
            tr("Runs the direct sync of the saved connection once: reads what changed in Zoho CRM since the last run "
               "and sends it to Experience Platform. Secrets come from the keychain only."));
        parser.addOption(module);
    } else {
        parser.setApplicationDescription(tr("install [--every DURATION] | show | remove: the background schedule of "
                                            "the direct sync (a systemd user timer, a LaunchAgent or a Task Scheduler "
                                            "task), one per connection."));
        parser.addPositionalArgument(QStringLiteral("action"), tr("install, show or remove"));
        parser.addOption(every);
    }
    if (!parser.parse(arguments)) {
        m_app->usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        m_app->succeed({}, parser.helpText());
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (m_kind == Kind::Sync) {
        if (!positional.isEmpty()) {
            m_app->usageError(tr("Unexpected argument \"%1\".").arg(positional.constFirst()));
            return false;
        }
        m_module = parser.value(module).trimmed();
        return true;
    }
    if (positional.size() != 1 ||
        !QStringList({QStringLiteral("install"), QStringLiteral("show"), QStringLiteral("remove")})
             .contains(positional.constFirst())) {
        m_app->usageError(tr("Say what to do with the schedule: install, show or remove."));
        return false;
    }
    m_action = positional.constFirst();
    if (parser.isSet(every)) {
        if (m_action != QLatin1String("install")) {
            m_app->usageError(tr("--every goes with \"schedule install\" only."));
            return false;
        }
        m_everyMinutes = sync::Schedule::parseDuration(parser.value(every));
        if (m_everyMinutes < sync::Schedule::kMinEveryMinutes || m_everyMinutes > sync::Schedule::kMaxEveryMinutes) {
            m_app->usageError(tr("--every must be a duration from 5m to 1d, for example 30m, 4h or 1d (not \"%1\").")
                                  .arg(parser.value(every)));
            return false;
        }
    }
    return true;
}

void SyncCommand::run(const QStringList &arguments)
{
    if (!parse(arguments))
        return;
    if (m_kind == Kind::Sync) {
        runSync();
        return;
    }
    if (m_action == QLatin1String("install"))
        runScheduleInstall();
    else if (m_action == QLatin1String("show"))
        runScheduleShow();
    else
        runScheduleRemove();
}

int SyncCommand::exitCode(const sync::RunReport &report)
{
    if (report.lockHeld || report.ok())
        return ExitOk;
    auto codeOf = [](const net::Error &e) {
        if (e.code == QLatin1String(account::ProfileSession::kNoKeychain))
            return int(ExitNoKeychain);
        switch (e.category) {
        case net::ErrorCategory::SignInNeeded:
        case net::ErrorCategory::Permission:
            return int(ExitAuthorization);
        case net::ErrorCategory::Network:
            return int(ExitNetwork);
        default:
            return int(ExitAdobe);
        }
    };
    if (report.error)
        return codeOf(report.error);
    for (const sync::ModuleReport &m : report.modules) {
        if (!m.isSuccess() && m.error)
            return codeOf(m.error);
    }
    // A batch Experience Platform failed, or one still pending when the run ended.
    return ExitAdobe;
}

void SyncCommand::runSync()
{
    const QString name = m_app->profileName();
    if (!m_app->profiles()->exists(name)) {
        m_app->failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input,
                                                      tr("There is no saved connection called \"%1\". Set one up "
                                                         "with zoho-login, adobe-login and \"create --mode sync\".")
                                                          .arg(name)));
        return;
    }
    m_session = std::make_unique<account::ProfileSession>(m_app->http(), m_app->endpoints(), m_app->profiles(),
                                                          m_app->secrets());
    m_session->load(name, true, [this](const net::Error &error) {
        if (error) {
            const int code = error.code == QLatin1String(account::ProfileSession::kNoKeychain) ? ExitNoKeychain
                             : error.category == net::ErrorCategory::SignInNeeded              ? ExitAuthorization
                                                                                               : ExitFailure;
            m_app->failWith(code, error);
            return;
        }
        const sync::SyncConfig config = sync::SyncConfig::fromProfile(m_session->profile());
        if (config.isEmpty()) {
            m_app->failWith(ExitFailure,
                            net::Error::make(net::ErrorCategory::Input,
                                             tr("The connection \"%1\" has no direct sync. Set one up with "
                                                "\"zoho-aep-connect create --table MODULE --mode sync\".")
                                                 .arg(m_session->profile().name)));
            return;
        }
        if (!m_module.isEmpty() && !config.module(m_module)) {
            QStringList names;
            for (const sync::SyncModuleConfig &m : config.modules)
                names << m.module;
            m_app->usageError(tr("The connection does not sync %1; it syncs: %2.").arg(m_module, names.join(", ")));
            return;
        }
        m_run = new account::SyncRun(m_session.get());
        m_run->setModule(m_module);
        connect(m_run, &account::SyncRun::progress, this, [this](const sync::SyncProgress &p) {
            using Phase = sync::SyncProgress::Phase;
            static Phase last = Phase::Done;
            static QString lastModule;
            if (p.phase == last && p.module == lastModule)
                return; // one line per phase: a scheduler's log stays short
            last = p.phase;
            lastModule = p.module;
            switch (p.phase) {
            case Phase::Starting:
                m_app->info(tr("%1: starting…").arg(p.module));
                break;
            case Phase::Reading:
                m_app->info(tr("%1: reading the changes from Zoho CRM…").arg(p.module));
                break;
            case Phase::Uploading:
                m_app->info(
                    tr("%1: sending %2 records and %3 deletions…").arg(p.module).arg(p.recordsRead).arg(p.tombstones));
                break;
            case Phase::Completing:
            case Phase::Waiting:
                m_app->info(tr("%1: waiting for Experience Platform to ingest the batch…").arg(p.module));
                break;
            case Phase::Done:
                break;
            }
        });
        connect(m_run, &account::SyncRun::finished, this, [this](const sync::RunReport &r) {
            QJsonArray modules;
            QStringList lines;
            for (const sync::ModuleReport &m : r.modules) {
                modules.append(m.toJson());
                if (m.status == QLatin1String(sync::ModuleReport::kNothingChanged))
                    lines << tr("%1: nothing changed.").arg(m.module);
                else if (m.isSuccess())
                    lines << tr("%1: %2 records and %3 deletions sent in batch %4 (%5).")
                                 .arg(m.module)
                                 .arg(m.recordsRead)
                                 .arg(m.tombstones)
                                 .arg(m.batchId, m.status);
                else
                    lines << tr("%1: %2%3")
                                 .arg(m.module, m.status,
                                      m.error ? QStringLiteral(" – ") + m.error.message : QString());
                if (m.failedRows > 0)
                    lines << tr("%1: %2 rows were rejected by Experience Platform.").arg(m.module).arg(m.failedRows);
            }
            QJsonObject json{{QStringLiteral("modules"), modules}};
            if (r.lockHeld) {
                json.insert(QStringLiteral("lockHeld"), true);
                lines << tr("Another run of this connection's sync is in progress; nothing was done.");
            }
            if (r.error)
                lines << tr("Error: %1").arg(r.error.message);
            const int code = exitCode(r);
            if (code != ExitOk && r.error && m_app->json())
                json.insert(QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("category"), net::categoryName(r.error.category)},
                                        {QStringLiteral("message"), r.error.message},
                                        {QStringLiteral("httpStatus"),
                                         r.error.httpStatus ? QJsonValue(r.error.httpStatus) : QJsonValue()},
                                        {QStringLiteral("code"),
                                         r.error.code.isEmpty() ? QJsonValue() : QJsonValue(r.error.code)},
                                        {QStringLiteral("requestId"),
                                         r.error.requestId.isEmpty() ? QJsonValue() : QJsonValue(r.error.requestId)}});
            m_app->result(code, json, lines.join(QLatin1Char('\n')));
        });
        m_run->start();
    });
}

bool SyncCommand::isDemoProfile() const
{
    // The wizard's demo keeps its connections in "demo-config" and serves Zoho and Adobe from
    // the sandbox inside the wizard: a background run would find nobody to talk to. A
    // connection on loopback without an --endpoints file to find it again is the same.
    if (QFileInfo(m_app->profiles()->configDir()).fileName() == QLatin1String("demo-config"))
        return true;
    if (m_app->locationArguments().contains(QStringLiteral("--endpoints")))
        return false;
    std::optional<store::Profile> profile = m_app->profiles()->load(m_app->profileName(), nullptr);
    if (!profile)
        return false;
    const QUrl api(profile->zoho.value(QStringLiteral("apiDomain")).toString());
    const QHostAddress host(api.host());
    return api.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback());
}

void SyncCommand::runScheduleInstall()
{
    QString error;
    std::optional<store::Profile> profile = m_app->profiles()->exists(m_app->profileName())
                                                ? m_app->profiles()->load(m_app->profileName(), &error)
                                                : std::nullopt;
    if (!profile) {
        m_app->failWith(
            ExitFailure,
            net::Error::make(
                net::ErrorCategory::Input,
                error.isEmpty() ? tr("There is no saved connection called \"%1\".").arg(m_app->profileName()) : error));
        return;
    }
    sync::SyncConfig config = sync::SyncConfig::fromProfile(*profile);
    if (config.isEmpty()) {
        m_app->failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input,
                                                      tr("The connection \"%1\" has no direct sync to schedule. Set "
                                                         "one up with \"create --table MODULE --mode sync\" first.")
                                                          .arg(profile->name)));
        return;
    }
    const int every = m_everyMinutes > 0 ? m_everyMinutes : config.everyMinutes;
    QStringList warnings;
    if (sync::SyncConfig::exceedsBatchGuardrail(every, int(config.modules.size())))
        warnings << tr("Every %1 minutes with %2 modules makes up to %3 batches a day, more than the %4 a day "
                       "Experience Platform recommends for a sandbox. Consider a longer interval.")
                        .arg(every)
                        .arg(config.modules.size())
                        .arg(sync::SyncConfig::batchesPerDay(every, int(config.modules.size())))
                        .arg(sync::SyncConfig::kMaxBatchesPerDay);
    if (every != config.everyMinutes) {
        config.everyMinutes = every;
        config.writeTo(&*profile);
        if (!m_app->profiles()->save(*profile, &error))
            warnings << tr("The profile could not be saved: %1").arg(error);
    }
    const bool demo = isDemoProfile();
    if (demo)
        warnings << tr("This is a demo connection (its services run inside the wizard): the schedule's files are "
                       "written but not enabled.");
    sync::ScheduleSpec spec;
    spec.profileName = profile->name;
    spec.executable = QFileInfo(QCoreApplication::applicationFilePath()).absoluteFilePath();
    spec.globalArgs = m_app->locationArguments();
    spec.everyMinutes = every;
    m_schedule = new sync::Schedule(this);
    const QString profileId = profile->id;
    m_schedule->install(
        spec, !demo, this,
        [this, warnings, profileId](const sync::ScheduleInfo &info, const QString &warning,
                                    const net::Error &error) mutable {
            if (error) {
                m_app->failWith(ExitFailure, error);
                return;
            }
            if (!warning.isEmpty())
                warnings << warning;
            for (const QString &w : warnings)
                m_app->info(tr("Warning: %1").arg(w));
            sync::ScheduleInfo shown = info;
            shown.lastResult = sync::Schedule::lastResult(sync::SyncPaths(m_app->profiles()->configDir(), profileId));
            QStringList lines{tr("Schedule installed: every %1 minutes.").arg(shown.everyMinutes)};
            lines << tr("Command: %1").arg(shown.command);
            for (const QString &f : shown.files)
                lines << tr("File: %1").arg(f);
            m_app->succeed(QJsonObject{{QStringLiteral("schedule"), shown.toJson()},
                                       {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}},
                           lines.join(QLatin1Char('\n')));
        });
}

void SyncCommand::runScheduleShow()
{
    m_schedule = new sync::Schedule(this);
    sync::ScheduleInfo info = m_schedule->show(m_app->profileName());
    QString error;
    if (m_app->profiles()->exists(m_app->profileName())) {
        if (const auto profile = m_app->profiles()->load(m_app->profileName(), &error))
            info.lastResult = sync::Schedule::lastResult(sync::SyncPaths(m_app->profiles()->configDir(), profile->id));
    }
    QStringList lines;
    if (!info.installed) {
        lines << tr("No schedule is installed for the connection \"%1\".").arg(m_app->profileName());
    } else {
        lines
            << tr("Every %1 minutes, %2.").arg(info.everyMinutes).arg(info.enabled ? tr("enabled") : tr("not enabled"));
        lines << tr("Command: %1").arg(info.command);
        for (const QString &f : info.files)
            lines << tr("File: %1").arg(f);
        if (info.nextRun.isValid())
            lines << tr("Next run: %1").arg(QLocale().toString(info.nextRun.toLocalTime(), QLocale::ShortFormat));
    }
    lines << tr("Last result: %1").arg(info.lastResult.isEmpty() ? tr("no run yet") : info.lastResult);
    m_app->succeed(QJsonObject{{QStringLiteral("schedule"), info.toJson()}}, lines.join(QLatin1Char('\n')));
}

void SyncCommand::runScheduleRemove()
{
    m_schedule = new sync::Schedule(this);
    const sync::ScheduleInfo before = m_schedule->show(m_app->profileName());
    m_schedule->remove(m_app->profileName(), this, [this, before](const net::Error &error) {
        if (error) {
            m_app->failWith(ExitFailure, error);
            return;
        }
        m_app->succeed(
            QJsonObject{{QStringLiteral("schedule"),
                         QJsonObject{{QStringLiteral("installed"), false},
                                     {QStringLiteral("removed"), QJsonArray::fromStringList(before.files)}}}},
            before.installed ? tr("The schedule of \"%1\" is removed.").arg(m_app->profileName())
                             : tr("No schedule was installed for \"%1\".").arg(m_app->profileName()));
    });
}

} // namespace zaw
