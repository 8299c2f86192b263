// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountCommands.h"

#include "AdobeCommands.h"
#include "CliApp.h"
#include "account/ProfileSession.h"
#include "store/ProfileStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace zaw {

namespace {

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonObject forgetJson(const account::ForgetResult &r)
{
    return QJsonObject{
        {QStringLiteral("forget"), QJsonObject{{QStringLiteral("revoked"), r.revoked},
                                               {QStringLiteral("revokeProblem"), stringOrNull(r.revokeProblem)},
                                               {QStringLiteral("deleted"), QJsonArray::fromStringList(r.deleted)},
                                               {QStringLiteral("left"), QJsonArray::fromStringList(r.left)},
                                               {QStringLiteral("profileRemoved"), r.profileRemoved},
                                               {QStringLiteral("scheduleRemoved"), r.scheduleRemoved}}}};
}

} // namespace

AccountCommand::AccountCommand(CliApp *app, Kind kind)
    : QObject(app)
    , m_app(app)
    , m_kind(kind)
{}

AccountCommand::~AccountCommand()
{
    // The core's objects hold the session: they go first.
    delete m_health;
    delete m_reconnect;
    delete m_forget;
}

void AccountCommand::run(const QStringList &arguments)
{
    if (!parse(arguments))
        return;
    switch (m_kind) {
    case Kind::Status:
        runStatus();
        break;
    case Kind::Reconnect:
        runReconnect();
        break;
    case Kind::Forget:
        runForget();
        break;
    }
}

bool AccountCommand::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    const QCommandLineOption deleteRemote(QStringLiteral("delete-remote"),
                                          tr("Also delete the connection's dataflows, source and target connections "
                                             "and base connection in Experience Platform (datasets and schemas "
                                             "stay)."));
    switch (m_kind) {
    case Kind::Status:
        parser.setApplicationDescription(
            tr("Checks the saved connection: the Zoho sign-in, the base connection, each dataflow and its last run. "
               "Exit code 0 when all is well."));
        break;
    case Kind::Reconnect:
        parser.setApplicationDescription(
            tr("Renews the Zoho sign-in of the saved connection (a new consent when Zoho no longer accepts the saved "
               "one, as the same Zoho user) and gives the base connection the new credentials."));
        parser.addOptions(ConsentRunner::commandLineOptions());
        break;
    case Kind::Forget:
        parser.setApplicationDescription(
            tr("Revokes the Zoho sign-in, deletes the connection's keychain entries and its profile."));
        parser.addOption(deleteRemote);
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
        m_app->usageError(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
        return false;
    }
    if (m_kind == Kind::Reconnect) {
        QString error;
        if (!ConsentRunner::readOptions(parser, &m_consentOptions, &error)) {
            m_app->usageError(error);
            return false;
        }
    }
    m_deleteRemote = m_kind == Kind::Forget && parser.isSet(deleteRemote);
    return true;
}

int AccountCommand::exitCodeFor(const net::Error &error) const
{
    if (error.code == QLatin1String(account::ProfileSession::kNoKeychain))
        return ExitNoKeychain;
    // Zoho's and Adobe's answers map differently (an HTTP error from Adobe is 6): tell them apart
    // by the address they came from.
    const QString platform = m_app->endpoints().platform().toString(QUrl::StripTrailingSlash);
    const QString ims = m_app->endpoints().ims().toString(QUrl::StripTrailingSlash);
    const bool adobe =
        (!platform.isEmpty() && error.detail.contains(platform)) || (!ims.isEmpty() && error.detail.contains(ims));
    return adobe ? AepSessionHelper::adobeExitCode(error) : AepSessionHelper::zohoExitCode(error);
}

void AccountCommand::fail(const net::Error &error)
{
    m_app->failWith(exitCodeFor(error), error);
}

void AccountCommand::load(std::function<void()> ready)
{
    const QString name = m_app->profileName();
    store::ProfileStore *profiles = m_app->profiles();
    // A connection with an Adobe credential needs its secret too; one without is checked (or
    // renewed) on the Zoho side only.
    bool requireAdobe = false;
    if (m_kind != Kind::Forget && profiles->exists(name)) {
        QString ignored; // load() below says it
        if (const auto profile = profiles->load(name, &ignored))
            requireAdobe = !profile->adobe.value(QStringLiteral("clientId")).toString().isEmpty();
    }
    m_session =
        std::make_unique<account::ProfileSession>(m_app->http(), m_app->endpoints(), profiles, m_app->secrets());
    // A connection never signed in, or whose secrets are gone, can still be forgotten (there is
    // nothing to revoke then).
    m_session->load(
        name, requireAdobe,
        [this, ready](const net::Error &error) {
            if (error) {
                fail(error);
                return;
            }
            ready();
        },
        m_kind != Kind::Forget);
}

// ---- status ------------------------------------------------------------------------------------

int AccountCommand::statusExitCode(const account::Health &health)
{
    using Action = account::Health::Action;
    switch (health.action()) {
    case Action::None:
        // An answer of Adobe that is neither a refusal nor a network failure (a 5xx) is no
        // reason to call the connection healthy.
        return health.baseConnectionError ? ExitAdobe : ExitOk;
    case Action::Reconnect:
    case Action::FixAdobeCredential:
        return ExitAuthorization;
    case Action::CheckNetwork:
        return ExitNetwork;
    case Action::AdobeProblem:
    case Action::RecreateAccount:
    case Action::ResumeSetup:
    case Action::CheckFlows:
    case Action::CheckSync:
        return ExitAdobe;
    }
    return ExitFailure;
}

void AccountCommand::runStatus()
{
    load([this] {
        m_health = new account::HealthCheck(m_session.get());
        connect(m_health, &account::HealthCheck::finished, this, [this](const account::Health &h) {
            const QJsonObject saved = m_session->profile().zoho;
            const QString email = saved.value(QStringLiteral("email")).toString();
            const QString user = saved.value(QStringLiteral("user")).toString();
            const QString who =
                tr("%1 of %2, data centre %3")
                    .arg(user.isEmpty() ? email : tr("%1 <%2>").arg(user, email),
                         saved.value(QStringLiteral("org")).toString(), saved.value(QStringLiteral("dc")).toString());
            QStringList lines;
            lines << tr("Connection \"%1\"").arg(m_session->profile().name);
            switch (h.zoho) {
            case account::Health::Zoho::Usable:
                lines << tr("Zoho CRM: %1; the saved sign-in works.").arg(who);
                break;
            case account::Health::Zoho::SignInNeeded:
                lines << tr("Zoho CRM: %1; the saved sign-in no longer works: %2").arg(who, h.zohoError.message);
                break;
            case account::Health::Zoho::Unreachable:
            case account::Health::Zoho::Unknown:
                lines << tr("Zoho CRM: %1; not reached: %2").arg(who, h.zohoError.message);
                break;
            }
            if (!m_session->hasAdobe())
                lines << tr("Experience Platform: no Adobe credential yet.");
            else if (h.baseConnectionId.isEmpty())
                lines << tr("Base connection: none yet (the first dataflow makes it).");
            else if (h.baseConnectionError)
                lines << tr("Base connection %1: could not be read: %2")
                             .arg(h.baseConnectionId, h.baseConnectionError.message);
            else if (h.baseConnectionState == QLatin1String("missing"))
                lines << tr("Base connection %1: no longer exists in Experience Platform.").arg(h.baseConnectionId);
            else
                lines << tr("Base connection %1: %2.").arg(h.baseConnectionId, h.baseConnectionState);
            for (const account::FlowHealth &f : h.flows) {
                QString state;
                if (!f.checked)
                    state = tr("not checked");
                else if (f.error)
                    state = tr("could not be read: %1").arg(f.error.message);
                else if (f.state == QLatin1String("missing"))
                    state = tr("no longer exists in Experience Platform");
                else if (!f.lastRun)
                    state = tr("%1, schedule %2, no run yet").arg(f.state, f.schedule);
                else
                    state = tr("%1, schedule %2, last run %3 (started %4)")
                                .arg(f.state, f.schedule, f.lastRun->status,
                                     f.lastRun->started.isValid() ? f.lastRun->started.toString(Qt::ISODate)
                                                                  : tr("not yet"));
                lines << tr("Dataflow \"%1\" (%2, table %3): %4").arg(f.name, f.id, f.tablePath, state);
            }
            for (const account::SyncHealth &s : h.sync) {
                if (!s.lastRun)
                    lines << tr("Direct sync of %1: no run yet.").arg(s.module);
                else
                    lines << tr("Direct sync of %1: last run %2 at %3, %4 records read%5.")
                                 .arg(s.module, s.lastRun->report.status, s.lastRun->at.toUTC().toString(Qt::ISODate))
                                 .arg(s.lastRun->report.recordsRead)
                                 .arg(s.lastRun->report.batchId.isEmpty()
                                          ? QString()
                                          : tr(", batch %1").arg(s.lastRun->report.batchId));
            }
            for (const account::UnfinishedSetup &u : h.unfinished)
                lines << (u.tablePath.isEmpty()
                              ? tr("Unfinished setup %1, stopped before a module was chosen.").arg(u.setupId)
                              : tr("Unfinished setup %1 of %2.").arg(u.setupId, u.tablePath));
            const int code = statusExitCode(h);
            const QString action = h.actionText();
            if (!action.isEmpty() && !(code != ExitOk && h.action() == account::Health::Action::None))
                lines << action;
            m_app->result(code, h.toJson(), lines.join(QLatin1Char('\n')));
        });
        m_health->start();
    });
}

// ---- reconnect ---------------------------------------------------------------------------------

void AccountCommand::runReconnect()
{
    load([this] {
        m_reconnect = new account::Reconnect(m_session.get());
        connect(m_reconnect, &account::Reconnect::progress, this, [this](const QString &t) { m_app->info(t); });
        connect(m_reconnect, &account::Reconnect::consentNeeded, this, &AccountCommand::consentAgain);
        connect(m_reconnect, &account::Reconnect::failed, this, &AccountCommand::fail);
        connect(m_reconnect, &account::Reconnect::finished, this, [this](const account::ReconnectResult &r) {
            const QJsonObject json{{QStringLiteral("reconnect"),
                                    QJsonObject{{QStringLiteral("signedInAgain"), r.signedInAgain},
                                                {QStringLiteral("baseConnectionUpdated"), r.baseConnectionUpdated},
                                                {QStringLiteral("baseConnectionId"), stringOrNull(r.baseConnectionId)},
                                                {QStringLiteral("changes"), QJsonArray::fromStringList(r.changes)}}}};
            m_app->succeed(json, r.changes.join(QLatin1Char('\n')));
        });
        m_reconnect->start();
    });
}

void AccountCommand::consentAgain()
{
    const zoho::ZohoAppSettings settings = m_reconnect->signInSettings();
    QString error;
    if (!ConsentRunner::checkRedirectUri(settings.redirectUri, m_consentOptions.paste, &error)) {
        m_app->usageError(error);
        return;
    }
    m_consent = new ConsentRunner(m_app, this);
    connect(m_consent, &ConsentRunner::succeeded, this, [this](const zoho::ZohoAccount &account) {
        m_reconnect->continueWith(m_consent->flow()->session(), account);
    });
    connect(m_consent, &ConsentRunner::failed, this,
            [this](int exitCode, const net::Error &e) { m_app->failWith(exitCode, e); });
    m_consent->start(settings, m_consentOptions);
}

// ---- forget ------------------------------------------------------------------------------------

void AccountCommand::runForget()
{
    const QString name = m_app->profileName();
    if (!m_app->profiles()->exists(name)) {
        // A second forget is harmless.
        m_app->succeed(forgetJson({}), tr("There is no saved connection called \"%1\": nothing to forget.").arg(name));
        return;
    }
    load([this] {
        m_forget = new account::Forget(m_session.get(), m_deleteRemote);
        connect(m_forget, &account::Forget::progress, this, [this](const QString &t) { m_app->info(t); });
        connect(m_forget, &account::Forget::finished, this, [this](const account::ForgetResult &r) {
            QStringList lines;
            for (const QString &item : r.deleted)
                lines << tr("Deleted the %1 in Experience Platform.").arg(item);
            if (r.revoked)
                lines << tr("Zoho revoked the sign-in.");
            else if (!r.revokeProblem.isEmpty())
                lines << r.revokeProblem;
            if (r.scheduleRemoved)
                lines << tr("The background schedule of the sync is removed.");
            if (!r.syncProblem.isEmpty())
                lines << r.syncProblem;
            lines << tr("The connection \"%1\" is forgotten: its keychain entries and its profile are removed.")
                         .arg(m_session->profile().name);
            m_app->succeed(forgetJson(r), lines.join(QLatin1Char('\n')));
        });
        connect(m_forget, &account::Forget::failed, this,
                [this](const net::Error &error, const account::ForgetResult &r) {
                    for (const QString &item : r.deleted)
                        m_app->info(tr("Deleted the %1 in Experience Platform.").arg(item));
                    fail(error);
                });
        m_forget->start();
    });
}

} // namespace zaw
