// SPDX-License-Identifier: GPL-3.0-or-later
// The schedule files of the three OS schedulers (reference §6), generated on any OS: paths, the
// command they run (quoting of a config dir with spaces and "%"), the cadence, and what
// `systemd-analyze verify` says about the units.
#include "sync/Schedule.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace zaw::sync;

namespace {

const QString kExe = QStringLiteral("/opt/zoho aep/bin/zoho-aep-connect");

ScheduleSpec spec(const QString &configDir, int every = 240)
{
    ScheduleSpec s;
    s.profileName = QStringLiteral("sales-eu");
    s.executable = kExe;
    s.globalArgs = {QStringLiteral("--config-dir"), configDir, QStringLiteral("--profile"), QStringLiteral("sales-eu")};
    s.everyMinutes = every;
    return s;
}

QString utf16(const QByteArray &raw)
{
    if (raw.size() < 2 || uchar(raw.at(0)) != 0xFF || uchar(raw.at(1)) != 0xFE)
        return {};
    QString text;
    for (int i = 2; i + 1 < raw.size(); i += 2)
        text += QChar(ushort(uchar(raw.at(i)) | (uchar(raw.at(i + 1)) << 8)));
    return text;
}

QString line(const QByteArray &unit, const QString &key)
{
    for (const QString &l : QString::fromUtf8(unit).split(QLatin1Char('\n')))
        if (l.startsWith(key + QLatin1Char('=')))
            return l.mid(key.size() + 1);
    return {};
}

} // namespace

class TestSyncSchedule : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qunsetenv("XDG_CONFIG_HOME"); }

    void names()
    {
        QCOMPARE(Schedule::name(QStringLiteral("default")), QStringLiteral("zoho-aep-sync-default"));
        // systemd-escape: "-" is \x2d, "." and "_" stay
        QCOMPARE(Schedule::name(QStringLiteral("sales-eu.v2_x")), QStringLiteral("zoho-aep-sync-sales\\x2deu.v2_x"));
        QCOMPARE(Schedule::parseDuration(QStringLiteral("30m")), 30);
        QCOMPARE(Schedule::parseDuration(QStringLiteral("4h")), 240);
        QCOMPARE(Schedule::parseDuration(QStringLiteral("1d")), 1440);
        QCOMPARE(Schedule::parseDuration(QStringLiteral("soon")), 0);
    }

    void systemdFiles()
    {
        const QString configDir = QStringLiteral("/home/u/My Config/100%");
        const auto files = Schedule::files(SchedulerKind::SystemdUser, spec(configDir), QStringLiteral("/home/u"));
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).path, QStringLiteral("/home/u/.config/systemd/user/zoho-aep-sync-sales\\x2deu.service"));
        QCOMPARE(files.at(1).path, QStringLiteral("/home/u/.config/systemd/user/zoho-aep-sync-sales\\x2deu.timer"));
        QCOMPARE(line(files.at(0).content, QStringLiteral("Type")), QStringLiteral("oneshot"));
        QCOMPARE(line(files.at(0).content, QStringLiteral("ExecStart")),
                 QStringLiteral("\"/opt/zoho aep/bin/zoho-aep-connect\" --config-dir \"/home/u/My Config/100%%\" "
                                "--profile sales-eu sync"));
        QCOMPARE(line(files.at(1).content, QStringLiteral("OnCalendar")), QStringLiteral("*-*-* 00/4:00:00"));
        QCOMPARE(line(files.at(1).content, QStringLiteral("Persistent")), QStringLiteral("true"));
        QVERIFY(!line(files.at(1).content, QStringLiteral("RandomizedDelaySec")).isEmpty());
        QCOMPARE(line(files.at(1).content, QStringLiteral("WantedBy")), QStringLiteral("timers.target"));
        const auto half = Schedule::files(SchedulerKind::SystemdUser, spec(configDir, 30), QStringLiteral("/home/u"));
        QCOMPARE(line(half.at(1).content, QStringLiteral("OnCalendar")), QStringLiteral("*-*-* *:00/30:00"));
        const auto odd =
            Schedule::files(SchedulerKind::SystemdUser, spec(configDir, 7 * 60), QStringLiteral("/home/u"));
        QCOMPARE(line(odd.at(1).content, QStringLiteral("OnUnitActiveSec")), QStringLiteral("420min"));

        qputenv("XDG_CONFIG_HOME", "/tmp/xdg");
        const auto xdg = Schedule::files(SchedulerKind::SystemdUser, spec(configDir), QStringLiteral("/home/u"));
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(xdg.at(0).path, QStringLiteral("/tmp/xdg/systemd/user/zoho-aep-sync-sales\\x2deu.service"));
    }

    // The units as systemd itself reads them: the ExecStart splits back into the same argv.
    void systemdAnalyzeVerify()
    {
        const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
        if (analyze.isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("systemd-analyze is missing on CI");
            QSKIP("systemd-analyze is not installed");
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // verify checks that the executable exists: a copy of /bin/true at a path with a space.
        const QString exe = dir.filePath(QStringLiteral("bin dir/zoho-aep-connect"));
        QVERIFY(QDir().mkpath(QFileInfo(exe).absolutePath()));
        QVERIFY(QFile::copy(QStringLiteral("/bin/true"), exe));
        QFile::setPermissions(exe, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        for (const int every : {240, 30, 7 * 60, 24 * 60}) {
            ScheduleSpec s = spec(dir.filePath(QStringLiteral("My Config/100%")), every);
            s.executable = exe;
            const auto files = Schedule::files(SchedulerKind::SystemdUser, s, dir.path());
            for (const ScheduleFile &file : files) {
                QVERIFY(QDir().mkpath(QFileInfo(file.path).absolutePath()));
                QFile out(file.path);
                QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
                out.write(file.content);
            }
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("SYSTEMD_UNIT_PATH"),
                       QFileInfo(files.at(0).path).absolutePath() + QLatin1Char(':'));
            process.setProcessEnvironment(env);
            process.start(analyze, {QStringLiteral("verify"), files.at(0).path, files.at(1).path});
            QVERIFY(process.waitForFinished(60000));
            const QString output = QString::fromLocal8Bit(process.readAll());
            QVERIFY2(process.exitCode() == 0, qPrintable(output));
            // Nothing about our units (lines about the host's other units are not ours to judge).
            QVERIFY2(!output.contains(QLatin1String("zoho-aep-sync")), qPrintable(QString::number(every) + output));
        }
    }

    void launchAgent()
    {
        const QString configDir = QStringLiteral("/Users/u/My Config/100% <&>");
        const auto files = Schedule::files(SchedulerKind::LaunchAgent, spec(configDir), QStringLiteral("/Users/u"));
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).path,
                 QStringLiteral("/Users/u/Library/LaunchAgents/org.zoho-aep-wizard.sync.sales-eu.plist"));
        QXmlStreamReader xml(files.at(0).content);
        QString key, label;
        QStringList args;
        QList<QPair<int, int>> times; // hour, minute
        bool runAtLoad = true;
        QString out, err;
        int hour = -1;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const QString element = xml.name().toString();
            if (element == QLatin1String("key")) {
                const QString k = xml.readElementText();
                if (k == QLatin1String("Hour") || k == QLatin1String("Minute"))
                    key = QStringLiteral("Calendar.") + k;
                else
                    key = k;
            } else if (element == QLatin1String("string")) {
                const QString v = xml.readElementText();
                if (key == QLatin1String("Label"))
                    label = v;
                else if (key == QLatin1String("ProgramArguments"))
                    args << v;
                else if (key == QLatin1String("StandardOutPath"))
                    out = v;
                else if (key == QLatin1String("StandardErrorPath"))
                    err = v;
            } else if (element == QLatin1String("integer")) {
                const int v = xml.readElementText().toInt();
                if (key == QLatin1String("Calendar.Hour"))
                    hour = v;
                else if (key == QLatin1String("Calendar.Minute"))
                    times.append({hour, v});
            } else if (element == QLatin1String("false") && key == QLatin1String("RunAtLoad")) {
                runAtLoad = false;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(label, QStringLiteral("org.zoho-aep-wizard.sync.sales-eu"));
        QCOMPARE(args, QStringList({kExe, QStringLiteral("--config-dir"), configDir, QStringLiteral("--profile"),
                                    QStringLiteral("sales-eu"), QStringLiteral("sync")}));
        QCOMPARE(times, (QList<QPair<int, int>>{{0, 0}, {4, 0}, {8, 0}, {12, 0}, {16, 0}, {20, 0}}));
        QVERIFY(!runAtLoad);
        QVERIFY(out.startsWith(QLatin1String("/Users/u/Library/Logs/")));
        QCOMPARE(err, out);
    }

    void taskScheduler()
    {
        const QString configDir = QStringLiteral("C:\\Users\\u\\My Config\\100%\\");
        ScheduleSpec s = spec(configDir, 30);
        s.executable = QStringLiteral("C:/Program Files/ZohoAEP/zoho-aep-connect.exe");
        const auto files = Schedule::files(SchedulerKind::TaskScheduler, s, QStringLiteral("C:/Users/u"));
        QCOMPARE(files.size(), 1);
        QVERIFY(files.at(0).path.startsWith(QLatin1String("C:/Users/u/AppData/Local/")));
        const QString text = utf16(files.at(0).content);
        QVERIFY2(text.startsWith(QLatin1String("<?xml version=\"1.0\" encoding=\"UTF-16\"?>")), "UTF-16 with BOM");
        QXmlStreamReader xml(QString(text).replace(QStringLiteral("encoding=\"UTF-16\""), QString()));
        QMap<QString, QString> values;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() != QLatin1String("Task") &&
                xml.name() != QLatin1String("Triggers")) {
                const QString name = xml.name().toString();
                if (QStringList{QStringLiteral("Interval"), QStringLiteral("StartWhenAvailable"),
                                QStringLiteral("MultipleInstancesPolicy"), QStringLiteral("LogonType"),
                                QStringLiteral("Command"), QStringLiteral("Arguments"), QStringLiteral("StartBoundary")}
                        .contains(name))
                    values[name] = xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(values.value(QStringLiteral("Interval")), QStringLiteral("PT30M"));
        QCOMPARE(values.value(QStringLiteral("StartWhenAvailable")), QStringLiteral("true"));
        QCOMPARE(values.value(QStringLiteral("MultipleInstancesPolicy")), QStringLiteral("IgnoreNew"));
        QCOMPARE(values.value(QStringLiteral("LogonType")), QStringLiteral("InteractiveToken"));
        QVERIFY(!values.value(QStringLiteral("StartBoundary")).isEmpty());
        QCOMPARE(values.value(QStringLiteral("Command")),
                 QStringLiteral("C:\\Program Files\\ZohoAEP\\zoho-aep-connect.exe"));
        // CommandLineToArgvW: the trailing backslash before the closing quote is doubled.
        QCOMPARE(values.value(QStringLiteral("Arguments")),
                 QStringLiteral("--config-dir \"C:\\Users\\u\\My Config\\100%\\\\\" --profile sales-eu sync"));
    }

    void installShowRemoveWithoutUserManager()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("xdg")).toUtf8());
        Schedule schedule;
        schedule.setHome(home.path());
        // Not enabled (as for a demo profile): files only, no warning.
        ScheduleInfo info;
        QString warning = QStringLiteral("unset");
        zaw::net::Error error;
        bool done = false;
        schedule.install(spec(home.filePath(QStringLiteral("cfg")), 60), false, this,
                         [&](const ScheduleInfo &i, const QString &w, const zaw::net::Error &e) {
                             info = i;
                             warning = w;
                             error = e;
                             done = true;
                         });
        QTRY_VERIFY(done);
        QVERIFY2(!error, qPrintable(error.message));
        QVERIFY(warning.isEmpty());
        QVERIFY(info.installed);
        QCOMPARE(info.everyMinutes, 60);
        QVERIFY(info.command.endsWith(QLatin1String(" sync")));
        if (Schedule::native() == SchedulerKind::SystemdUser) {
            QCOMPARE(info.files.size(), 2);
            QVERIFY(info.files.at(0).startsWith(home.filePath(QStringLiteral("xdg/systemd/user/"))));
        }
        QVERIFY(info.nextRun.isValid());
        QCOMPARE(schedule.show(QStringLiteral("sales-eu")).everyMinutes, 60);

        bool removed = false;
        schedule.remove(QStringLiteral("sales-eu"), this, [&](const zaw::net::Error &e) {
            error = e;
            removed = true;
        });
        QTRY_VERIFY(removed);
        QVERIFY(!error);
        for (const QString &file : info.files)
            QVERIFY(!QFileInfo::exists(file));
        QVERIFY(!schedule.show(QStringLiteral("sales-eu")).installed);
        qunsetenv("XDG_CONFIG_HOME");
    }

    void nextRun()
    {
        const QDateTime at(QDate(2026, 12, 7), QTime(9, 10));
        QCOMPARE(Schedule::nextRunAfter(240, at), QDateTime(QDate(2026, 12, 7), QTime(12, 0)));
        QCOMPARE(Schedule::nextRunAfter(30, at), QDateTime(QDate(2026, 12, 7), QTime(9, 30)));
        QCOMPARE(Schedule::nextRunAfter(1440, at), QDateTime(QDate(2026, 12, 8), QTime(0, 0)));
    }
};

QTEST_GUILESS_MAIN(TestSyncSchedule)
#include "tst_sync_schedule.moc"
