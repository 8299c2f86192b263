// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Schedule.h"

#include "sync/SyncHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace zaw::sync {

namespace {

const char kEveryKey[] = "X-ZohoAepEveryMinutes";
const QString kTaskFolder = QStringLiteral("ZohoAepWizard");

struct ToolResult
{
    bool started = false;
    int exitCode = -1;
    QString output; // stdout + stderr, trimmed
    bool ok() const { return started && exitCode == 0; }
};

// systemctl, launchctl and schtasks answer within milliseconds; a hung one is cut off.
ToolResult runTool(const QString &program, const QStringList &args, int timeoutMs = 15000)
{
    ToolResult result;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return result;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, args);
    if (!process.waitForStarted(timeoutMs))
        return result;
    result.started = true;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        result.output = QCoreApplication::translate("zaw::sync::Schedule", "%1 did not answer in time.").arg(program);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return result;
}

QString userId()
{
#ifdef Q_OS_UNIX
    return QString::number(::getuid());
#else
    return QString();
#endif
}

// systemd.service(5) "Command lines": specifiers ("%") and environment variables ("$") are
// expanded everywhere, also inside quotes; double quotes group an argument, with C escapes.
QString systemdQuote(const QString &arg)
{
    QString escaped = arg;
    escaped.replace(QLatin1Char('%'), QStringLiteral("%%"));
    escaped.replace(QLatin1Char('$'), QStringLiteral("$$"));
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9/_.,:=@+%$-]+$"));
    if (plain.match(escaped).hasMatch())
        return escaped;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    escaped.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    escaped.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// CommandLineToArgvW's rules: quotes around an argument with a blank or a quote; backslashes are
// literal unless they precede a quote.
QString windowsQuote(const QString &arg)
{
    if (!arg.isEmpty() && !arg.contains(QRegularExpression(QStringLiteral("[ \t\"]"))))
        return arg;
    QString out = QStringLiteral("\"");
    int backslashes = 0;
    for (const QChar c : arg) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        if (c == QLatin1Char('"')) {
            out += QString(backslashes * 2 + 1, QLatin1Char('\\'));
            out += c;
        } else {
            out += QString(backslashes, QLatin1Char('\\'));
            out += c;
        }
        backslashes = 0;
    }
    out += QString(backslashes * 2, QLatin1Char('\\'));
    out += QLatin1Char('"');
    return out;
}

QStringList argvOf(const ScheduleSpec &spec)
{
    return QStringList{spec.executable} + spec.globalArgs + QStringList{QStringLiteral("sync")};
}

QString calendarSpec(int every)
{
    if (every < 60 && 60 % every == 0)
        return QStringLiteral("*-*-* *:00/%1:00").arg(every);
    if (every % 60 == 0 && every < 24 * 60 && (24 * 60) % every == 0)
        return QStringLiteral("*-*-* 00/%1:00:00").arg(every / 60);
    if (every == 24 * 60)
        return QStringLiteral("*-*-* 00:00:00");
    return {};
}

// launchd has no "every N minutes" that survives sleep: StartCalendarInterval lists the times.
QList<QPair<int, int>> calendarTimes(int every, bool *minutesOnly)
{
    QList<QPair<int, int>> times; // (hour or -1, minute)
    *minutesOnly = every < 60 && 60 % every == 0;
    if (*minutesOnly) {
        for (int m = 0; m < 60; m += every)
            times.append({-1, m});
        return times;
    }
    for (int t = 0; t < 24 * 60; t += every)
        times.append({t / 60, t % 60});
    return times;
}

QString isoDuration(int every)
{
    if (every % (24 * 60) == 0)
        return QStringLiteral("P%1D").arg(every / (24 * 60));
    if (every % 60 == 0)
        return QStringLiteral("PT%1H").arg(every / 60);
    return QStringLiteral("PT%1M").arg(every);
}

QString systemdDir(const QString &home)
{
    return Schedule::systemdUserDir(home);
}

QString plistPath(const QString &home, const QString &profileName)
{
    return QDir(home).filePath(QStringLiteral("Library/LaunchAgents/") + Schedule::label(profileName) +
                               QStringLiteral(".plist"));
}

QString plistLogPath(const QString &home, const QString &profileName)
{
    return QDir(home).filePath(QStringLiteral("Library/Logs/zoho-aep-wizard/") + Schedule::label(profileName) +
                               QStringLiteral(".log"));
}

QString taskXmlPath(const QString &home, const QString &profileName)
{
    return QDir(home).filePath(QStringLiteral("AppData/Local/zoho-aep-wizard/schedule/") +
                               Schedule::label(profileName) + QStringLiteral(".xml"));
}

QString taskName(const QString &profileName)
{
    return kTaskFolder + QLatin1Char('\\') + Schedule::label(profileName);
}

QStringList pathsOf(SchedulerKind kind, const QString &profileName, const QString &home)
{
    switch (kind) {
    case SchedulerKind::SystemdUser: {
        const QDir dir(systemdDir(home));
        const QString base = Schedule::name(profileName);
        return {dir.filePath(base + QStringLiteral(".service")), dir.filePath(base + QStringLiteral(".timer"))};
    }
    case SchedulerKind::LaunchAgent:
        return {plistPath(home, profileName)};
    case SchedulerKind::TaskScheduler:
        return {taskXmlPath(home, profileName)};
    }
    return {};
}

QByteArray serviceUnit(const ScheduleSpec &spec)
{
    QString text;
    text += QStringLiteral("# Written by zoho-aep-connect \"schedule install\"; \"schedule remove\" deletes it.\n");
    text += QStringLiteral("[Unit]\n");
    text += QStringLiteral("Description=Zoho CRM to AEP sync (profile %1)\n").arg(systemdQuote(spec.profileName));
    text += QStringLiteral("After=network-online.target\n\n");
    text += QStringLiteral("[Service]\n");
    text += QStringLiteral("Type=oneshot\n");
    text += QStringLiteral("ExecStart=") + Schedule::systemdExecLine(argvOf(spec)) + QLatin1Char('\n');
    return text.toUtf8();
}

QByteArray timerUnit(const ScheduleSpec &spec)
{
    const int every = spec.everyMinutes;
    QString text;
    text += QStringLiteral("# Written by zoho-aep-connect \"schedule install\"; \"schedule remove\" deletes it.\n");
    text += QStringLiteral("[Unit]\n");
    text += QStringLiteral("Description=Zoho CRM to AEP sync every %1 minutes (profile %2)\n")
                .arg(every)
                .arg(systemdQuote(spec.profileName));
    text += QStringLiteral("\n[Timer]\n");
    const QString calendar = calendarSpec(every);
    if (!calendar.isEmpty()) {
        text += QStringLiteral("OnCalendar=") + calendar + QLatin1Char('\n');
    } else {
        text += QStringLiteral("OnActiveSec=5min\n");
        text += QStringLiteral("OnUnitActiveSec=%1min\n").arg(every);
    }
    // One catch-up run after the machine was off, not one per missed interval.
    text += QStringLiteral("Persistent=true\n");
    text += QStringLiteral("RandomizedDelaySec=%1s\n").arg(qMin(600, every * 6));
    text += QStringLiteral("Unit=%1.service\n").arg(Schedule::name(spec.profileName));
    text += QStringLiteral("%1=%2\n").arg(QLatin1String(kEveryKey)).arg(every);
    text += QStringLiteral("\n[Install]\nWantedBy=timers.target\n");
    return text.toUtf8();
}

QByteArray launchAgentPlist(const ScheduleSpec &spec, const QString &home)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    xml.writeStartElement(QStringLiteral("plist"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("dict"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Label"));
    xml.writeTextElement(QStringLiteral("string"), Schedule::label(spec.profileName));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    xml.writeStartElement(QStringLiteral("array"));
    for (const QString &arg : argvOf(spec))
        xml.writeTextElement(QStringLiteral("string"), arg);
    xml.writeEndElement();
    // StartCalendarInterval, not StartInterval: calendar firings missed in sleep are coalesced
    // into one at wake (reference §6.2).
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("StartCalendarInterval"));
    xml.writeStartElement(QStringLiteral("array"));
    bool minutesOnly = false;
    for (const auto &time : calendarTimes(spec.everyMinutes, &minutesOnly)) {
        xml.writeStartElement(QStringLiteral("dict"));
        if (!minutesOnly) {
            xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Hour"));
            xml.writeTextElement(QStringLiteral("integer"), QString::number(time.first));
        }
        xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Minute"));
        xml.writeTextElement(QStringLiteral("integer"), QString::number(time.second));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    xml.writeEmptyElement(QStringLiteral("false"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProcessType"));
    xml.writeTextElement(QStringLiteral("string"), QStringLiteral("Background"));
    const QString log = plistLogPath(home, spec.profileName);
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("StandardOutPath"));
    xml.writeTextElement(QStringLiteral("string"), log);
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("StandardErrorPath"));
    xml.writeTextElement(QStringLiteral("string"), log);
    xml.writeEndElement(); // dict
    xml.writeEndElement(); // plist
    xml.writeEndDocument();
    return out;
}

QByteArray taskXml(const ScheduleSpec &spec)
{
    QString text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.writeStartElement(QStringLiteral("Task"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.2"));
    xml.writeDefaultNamespace(QStringLiteral("http://schemas.microsoft.com/windows/2004/02/mit/task"));
    xml.writeStartElement(QStringLiteral("RegistrationInfo"));
    xml.writeTextElement(QStringLiteral("Description"),
                         QStringLiteral("Zoho CRM to AEP sync (profile %1)").arg(spec.profileName));
    xml.writeTextElement(QStringLiteral("URI"), QLatin1Char('\\') + taskName(spec.profileName));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("Triggers"));
    xml.writeStartElement(QStringLiteral("TimeTrigger"));
    xml.writeStartElement(QStringLiteral("Repetition"));
    xml.writeTextElement(QStringLiteral("Interval"), isoDuration(spec.everyMinutes));
    xml.writeTextElement(QStringLiteral("StopAtDurationEnd"), QStringLiteral("false"));
    xml.writeEndElement();
    // Local midnight of a fixed past day: the runs fall on the same times of day as on Linux/macOS.
    xml.writeTextElement(QStringLiteral("StartBoundary"), QStringLiteral("2020-01-01T00:00:00"));
    xml.writeTextElement(QStringLiteral("Enabled"), QStringLiteral("true"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("Principals"));
    xml.writeStartElement(QStringLiteral("Principal"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("Author"));
    // Only while the user is logged on: no stored password, and the Credential Manager is usable.
    xml.writeTextElement(QStringLiteral("LogonType"), QStringLiteral("InteractiveToken"));
    xml.writeTextElement(QStringLiteral("RunLevel"), QStringLiteral("LeastPrivilege"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("Settings"));
    xml.writeTextElement(QStringLiteral("MultipleInstancesPolicy"), QStringLiteral("IgnoreNew"));
    xml.writeTextElement(QStringLiteral("DisallowStartIfOnBatteries"), QStringLiteral("false"));
    xml.writeTextElement(QStringLiteral("StopIfGoingOnBatteries"), QStringLiteral("false"));
    xml.writeTextElement(QStringLiteral("StartWhenAvailable"), QStringLiteral("true"));
    xml.writeTextElement(QStringLiteral("ExecutionTimeLimit"), QStringLiteral("PT4H"));
    xml.writeTextElement(QStringLiteral("Enabled"), QStringLiteral("true"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("Actions"));
    xml.writeAttribute(QStringLiteral("Context"), QStringLiteral("Author"));
    xml.writeStartElement(QStringLiteral("Exec"));
    xml.writeTextElement(QStringLiteral("Command"),
                         QString(spec.executable).replace(QLatin1Char('/'), QLatin1Char('\\')));
    xml.writeTextElement(QStringLiteral("Arguments"),
                         Schedule::windowsCommandLine(spec.globalArgs + QStringList{QStringLiteral("sync")}));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement(); // Task
    // schtasks /XML reads UTF-16 (with its byte order mark) as the declaration says.
    const QString document = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n") + text + QLatin1Char('\n');
    QByteArray out("\xFF\xFE", 2);
    for (const QChar c : document) {
        out.append(char(c.unicode() & 0xff));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}

bool writeFile(const ScheduleFile &file, QString *error)
{
    if (!QDir().mkpath(QFileInfo(file.path).absolutePath())) {
        *error = QCoreApplication::translate("zaw::sync::Schedule", "The folder %1 could not be created.")
                     .arg(QDir::toNativeSeparators(QFileInfo(file.path).absolutePath()));
        return false;
    }
    QSaveFile out(file.path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size() || !out.commit()) {
        *error = QCoreApplication::translate("zaw::sync::Schedule", "The schedule file %1 could not be written: %2")
                     .arg(QDir::toNativeSeparators(file.path), out.errorString());
        return false;
    }
    return true;
}

QString unitValue(const QByteArray &content, const QString &key)
{
    for (const QString &line : QString::fromUtf8(content).split(QLatin1Char('\n'))) {
        if (line.startsWith(key + QLatin1Char('=')))
            return line.mid(key.size() + 1).trimmed();
    }
    return {};
}

} // namespace

QJsonObject ScheduleInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("installed"), installed},
        {QStringLiteral("enabled"), enabled},
        {QStringLiteral("files"), QJsonArray::fromStringList(files)},
        {QStringLiteral("everyMinutes"), everyMinutes},
        {QStringLiteral("nextRun"),
         nextRun.isValid() ? QJsonValue(nextRun.toUTC().toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("lastResult"), lastResult.isEmpty() ? QJsonValue() : QJsonValue(lastResult)},
        {QStringLiteral("command"), command.isEmpty() ? QJsonValue() : QJsonValue(command)},
    };
}

Schedule::Schedule(QObject *parent)
    : QObject(parent)
    , m_home(QDir::homePath())
{}

SchedulerKind Schedule::native()
{
#if defined(Q_OS_MACOS)
    return SchedulerKind::LaunchAgent;
#elif defined(Q_OS_WIN)
    return SchedulerKind::TaskScheduler;
#else
    return SchedulerKind::SystemdUser;
#endif
}

QString Schedule::name(const QString &profileName)
{
    // systemd-escape: ASCII letters, digits, ":", "_" and "." (not first) stay; "/" is "-"; the
    // rest is "\xNN" per UTF-8 byte.
    QString escaped;
    const QByteArray utf8 = profileName.toUtf8();
    for (int i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
                          c == '_' || (c == '.' && i > 0);
        if (c == '/')
            escaped += QLatin1Char('-');
        else if (keep)
            escaped += QLatin1Char(c);
        else
            escaped += QStringLiteral("\\x%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
    }
    return QStringLiteral("zoho-aep-sync-") + escaped;
}

QString Schedule::label(const QString &profileName)
{
    return QStringLiteral("org.zoho-aep-wizard.sync.") + profileName;
}

QString Schedule::systemdUserDir(const QString &home)
{
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString base =
        !xdg.isEmpty() && QDir::isAbsolutePath(xdg) ? xdg : QDir(home).filePath(QStringLiteral(".config"));
    return QDir(base).filePath(QStringLiteral("systemd/user"));
}

QString Schedule::connectExecutable()
{
#ifdef Q_OS_WIN
    const QString file = QStringLiteral("zoho-aep-connect.exe");
#else
    const QString file = QStringLiteral("zoho-aep-connect");
#endif
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(file), here.filePath(QStringLiteral("../cli/") + file),
                                     here.filePath(QStringLiteral("../app/cli/") + file)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("zoho-aep-connect"));
}

QString Schedule::systemdExecLine(const QStringList &argv)
{
    QStringList quoted;
    for (const QString &arg : argv)
        quoted << systemdQuote(arg);
    return quoted.join(QLatin1Char(' '));
}

QString Schedule::windowsCommandLine(const QStringList &argv)
{
    QStringList quoted;
    for (const QString &arg : argv)
        quoted << windowsQuote(arg);
    return quoted.join(QLatin1Char(' '));
}

int Schedule::parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,5})\\s*(m|min|h|d)?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return 0;
    const int n = match.captured(1).toInt();
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("h"))
        return n * 60;
    if (unit == QLatin1String("d"))
        return n * 24 * 60;
    return n;
}

QDateTime Schedule::nextRunAfter(int everyMinutes, const QDateTime &after)
{
    if (everyMinutes <= 0)
        return {};
    const QDateTime local = after.toLocalTime();
    const QDateTime midnight(local.date(), QTime(0, 0));
    const qint64 minutes = midnight.secsTo(local) / 60;
    const qint64 steps = minutes / everyMinutes + 1;
    QDateTime next = midnight.addSecs(steps * everyMinutes * 60);
    // A cadence that does not divide the day starts again at midnight (systemd's OnCalendar,
    // launchd's list of times).
    const QDateTime nextMidnight = midnight.addDays(1);
    if (next > nextMidnight)
        next = nextMidnight;
    return next;
}

QString Schedule::lastResult(const SyncPaths &paths)
{
    const auto last = SyncHistory(paths).lastRun();
    if (!last)
        return {};
    if (last->error.isError())
        return QString::fromLatin1(ModuleReport::kError);
    for (const ModuleReport &module : last->modules) {
        if (!module.isSuccess())
            return module.status;
    }
    return last->modules.isEmpty() ? QString() : QStringLiteral("success");
}

QList<ScheduleFile> Schedule::files(SchedulerKind kind, const ScheduleSpec &spec, const QString &home)
{
    const QStringList paths = pathsOf(kind, spec.profileName, home);
    switch (kind) {
    case SchedulerKind::SystemdUser:
        return {{paths.at(0), serviceUnit(spec)}, {paths.at(1), timerUnit(spec)}};
    case SchedulerKind::LaunchAgent:
        return {{paths.at(0), launchAgentPlist(spec, home)}};
    case SchedulerKind::TaskScheduler:
        return {{paths.at(0), taskXml(spec)}};
    }
    return {};
}

void Schedule::install(const ScheduleSpec &spec, bool enable, QObject *context,
                       std::function<void(const ScheduleInfo &, const QString &, const net::Error &)> done)
{
    auto finish = [context, done](const ScheduleInfo &info, const QString &warning, const net::Error &error) {
        QTimer::singleShot(0, context, [done, info, warning, error] { done(info, warning, error); });
    };
    if (spec.executable.isEmpty() || !QDir::isAbsolutePath(spec.executable)) {
        finish({}, {},
               net::Error::make(net::ErrorCategory::Bug,
                                tr("zoho-aep-connect was not found beside this program. Reinstall the application.")));
        return;
    }
    if (spec.everyMinutes < kMinEveryMinutes || spec.everyMinutes > kMaxEveryMinutes) {
        finish({}, {},
               net::Error::make(net::ErrorCategory::Input,
                                tr("The sync can run every 5 minutes at the most often and once a day at the least. "
                                   "Choose an interval between 5m and 1d.")));
        return;
    }
    const SchedulerKind kind = native();
    for (const ScheduleFile &file : files(kind, spec, m_home)) {
        QString error;
        if (!writeFile(file, &error)) {
            finish({}, {}, net::Error::make(net::ErrorCategory::Input, error));
            return;
        }
    }
    QString warning;
    if (enable) {
        if (kind == SchedulerKind::SystemdUser) {
            const QString timer = name(spec.profileName) + QStringLiteral(".timer");
            const QString later = QStringLiteral("systemctl --user daemon-reload && systemctl --user enable --now ") +
                                  QLatin1Char('\'') + timer + QLatin1Char('\'');
            ToolResult reload =
                runTool(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("daemon-reload")});
            ToolResult enabled;
            if (reload.ok())
                enabled = runTool(QStringLiteral("systemctl"),
                                  {QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"), timer});
            if (!reload.ok() || !enabled.ok()) {
                const QString why =
                    !reload.started ? tr("systemctl is not available") : (reload.ok() ? enabled.output : reload.output);
                warning = tr("The schedule's files are written, but the systemd user manager could not enable the "
                             "timer (%1). When you are logged in to a desktop or after \"loginctl enable-linger\", "
                             "run: %2")
                              .arg(why.section(QLatin1Char('\n'), 0, 0), later);
            }
        } else if (kind == SchedulerKind::LaunchAgent) {
            const QString domain = QStringLiteral("gui/") + userId();
            const QString plist = pathsOf(kind, spec.profileName, m_home).value(0);
            runTool(QStringLiteral("launchctl"),
                    {QStringLiteral("bootout"), domain + QLatin1Char('/') + label(spec.profileName)});
            const ToolResult loaded =
                runTool(QStringLiteral("launchctl"), {QStringLiteral("bootstrap"), domain, plist});
            if (!loaded.ok())
                warning = tr("The LaunchAgent is written, but launchd did not load it (%1). Run later: launchctl "
                             "bootstrap %2 \"%3\"")
                              .arg(loaded.output.section(QLatin1Char('\n'), 0, 0), domain, plist);
        } else {
            const QString xml = QDir::toNativeSeparators(pathsOf(kind, spec.profileName, m_home).value(0));
            const ToolResult created = runTool(
                QStringLiteral("schtasks"), {QStringLiteral("/Create"), QStringLiteral("/XML"), xml,
                                             QStringLiteral("/TN"), taskName(spec.profileName), QStringLiteral("/F")});
            if (!created.ok())
                warning = tr("The task file is written, but Task Scheduler did not take it (%1). Run later: schtasks "
                             "/Create /XML \"%2\" /TN \"%3\" /F")
                              .arg(created.output.section(QLatin1Char('\n'), 0, 0), xml, taskName(spec.profileName));
        }
    }
    finish(show(spec.profileName), warning, {});
}

void Schedule::remove(const QString &profileName, QObject *context, std::function<void(const net::Error &)> done)
{
    const SchedulerKind kind = native();
    const QStringList paths = pathsOf(kind, profileName, m_home);
    const bool present =
        std::any_of(paths.cbegin(), paths.cend(), [](const QString &p) { return QFileInfo::exists(p); });
    if (present) {
        // Best effort: without a user manager there is nothing to disable, the files go anyway.
        if (kind == SchedulerKind::SystemdUser) {
            runTool(QStringLiteral("systemctl"),
                    {QStringLiteral("--user"), QStringLiteral("disable"), QStringLiteral("--now"),
                     name(profileName) + QStringLiteral(".timer")});
        } else if (kind == SchedulerKind::LaunchAgent) {
            runTool(
                QStringLiteral("launchctl"),
                {QStringLiteral("bootout"), QStringLiteral("gui/") + userId() + QLatin1Char('/') + label(profileName)});
        } else {
            runTool(QStringLiteral("schtasks"),
                    {QStringLiteral("/Delete"), QStringLiteral("/TN"), taskName(profileName), QStringLiteral("/F")});
        }
    }
    net::Error error;
    for (const QString &path : paths) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            error = net::Error::make(net::ErrorCategory::Input,
                                     tr("The schedule file %1 could not be deleted. Delete it by hand.")
                                         .arg(QDir::toNativeSeparators(path)));
    }
    if (present && kind == SchedulerKind::SystemdUser)
        runTool(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("daemon-reload")});
    QTimer::singleShot(0, context, [done, error] { done(error); });
}

ScheduleInfo Schedule::show(const QString &profileName) const
{
    ScheduleInfo info;
    const SchedulerKind kind = native();
    const QStringList paths = pathsOf(kind, profileName, m_home);
    for (const QString &path : paths) {
        if (QFileInfo::exists(path))
            info.files << path;
    }
    info.installed = !info.files.isEmpty() && info.files.size() == paths.size();
    if (!info.installed)
        return info;
    auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    if (kind == SchedulerKind::SystemdUser) {
        info.command = unitValue(read(paths.at(0)), QStringLiteral("ExecStart"));
        info.everyMinutes = unitValue(read(paths.at(1)), QLatin1String(kEveryKey)).toInt();
        const QString timer = name(profileName) + QStringLiteral(".timer");
        const ToolResult enabled =
            runTool(QStringLiteral("systemctl"), {QStringLiteral("--user"), QStringLiteral("is-enabled"), timer}, 5000);
        info.enabled = enabled.ok() && enabled.output.startsWith(QLatin1String("enabled"));
        if (info.enabled) {
            const ToolResult next = runTool(QStringLiteral("systemctl"),
                                            {QStringLiteral("--user"), QStringLiteral("show"), timer,
                                             QStringLiteral("--property=NextElapseUSecRealtime"),
                                             QStringLiteral("--value"), QStringLiteral("--timestamp=unix")},
                                            5000);
            if (next.ok() && next.output.startsWith(QLatin1Char('@')))
                info.nextRun = QDateTime::fromSecsSinceEpoch(next.output.mid(1).toLongLong(), Qt::UTC);
        }
    } else if (kind == SchedulerKind::LaunchAgent) {
        QXmlStreamReader xml(read(paths.at(0)));
        QStringList args;
        QString key;
        int entries = 0;
        bool hours = false;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("key")) {
                const QString k = xml.readElementText();
                if (k == QLatin1String("ProgramArguments") || k == QLatin1String("StartCalendarInterval"))
                    key = k;
                else if (k == QLatin1String("Hour"))
                    hours = true;
                else if (k != QLatin1String("Minute"))
                    key.clear();
            } else if (xml.name() == QLatin1String("string") && key == QLatin1String("ProgramArguments")) {
                args << xml.readElementText();
            } else if (xml.name() == QLatin1String("dict") && key == QLatin1String("StartCalendarInterval")) {
                ++entries;
            }
        }
        info.command = args.join(QLatin1Char(' '));
        if (entries > 0)
            info.everyMinutes = (hours ? 24 * 60 : 60) / entries;
        info.enabled = runTool(QStringLiteral("launchctl"),
                               {QStringLiteral("print"),
                                QStringLiteral("gui/") + userId() + QLatin1Char('/') + label(profileName)},
                               5000)
                           .ok();
    } else {
        const QByteArray raw = read(paths.at(0));
        QString text;
        for (int i = 2; i + 1 < raw.size(); i += 2)
            text += QChar(ushort(uchar(raw.at(i)) | (uchar(raw.at(i + 1)) << 8)));
        text.replace(QStringLiteral("encoding=\"UTF-16\""), QString());
        QXmlStreamReader xml(text);
        QString command, arguments;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("Interval")) {
                const QString interval = xml.readElementText();
                static const QRegularExpression iso(QStringLiteral("^P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?$"));
                const auto m = iso.match(interval);
                if (m.hasMatch())
                    info.everyMinutes =
                        m.captured(1).toInt() * 1440 + m.captured(2).toInt() * 60 + m.captured(3).toInt();
            } else if (xml.name() == QLatin1String("Command")) {
                command = xml.readElementText();
            } else if (xml.name() == QLatin1String("Arguments")) {
                arguments = xml.readElementText();
            }
        }
        info.command = windowsQuote(command) + QLatin1Char(' ') + arguments;
        info.enabled = runTool(QStringLiteral("schtasks"),
                               {QStringLiteral("/Query"), QStringLiteral("/TN"), taskName(profileName)}, 5000)
                           .ok();
    }
    if (!info.nextRun.isValid())
        info.nextRun = nextRunAfter(info.everyMinutes, QDateTime::currentDateTime());
    return info;
}

} // namespace zaw::sync
