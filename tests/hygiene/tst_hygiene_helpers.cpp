// SPDX-License-Identifier: GPL-3.0-or-later
// The test helpers fail loudly (tests/common): a wait that times out fails the current test with a
// message saying what was awaited, and a command-line run tells a crash from an exit code (SIGABRT
// is signal 6; exit code 6 is "the service refused"). Each failure the helpers report is expected
// here (QEXPECT_FAIL), so this suite passes only when they do report it.
#include "AdobeTestRig.h"
#include "CliDriver.h"
#include "TestHttp.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace zaw;

class TestHygieneHelpers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void crashIsNotAnExitCode();
    void exitCodeSixIsAnExitCode();
    void commandThatDoesNotEndFailsTheTest();
    void consentUrlThatNeverComesFailsTheTest();
    void commandThatCannotStartFailsTheTest();
    void awaitThatTimesOutFailsTheTest();

private:
    // An executable script in the temporary folder that ignores its arguments (Cli passes its
    // global options first).
    QString script(const QString &name, const QByteArray &body);

    QTemporaryDir m_dir;
    std::unique_ptr<test::SandboxFixture> m_fixture;
};

void TestHygieneHelpers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_fixture = std::make_unique<test::SandboxFixture>();
}

QString TestHygieneHelpers::script(const QString &name, const QByteArray &body)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body + "\n");
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

void TestHygieneHelpers::crashIsNotAnExitCode()
{
    test::Cli cli(*m_fixture, script(u"abort.sh"_s, "echo about to abort >&2\nkill -ABRT $$"));
    const test::Run r = cli.run({u"status"_s});
    QVERIFY2(r.crashed(), r.describe().constData());
    QCOMPARE(r.signal, 6);
    QVERIFY(r.exitCode != 6);
    QVERIFY(r.exitCode < 0); // never an exit code
    QVERIFY2(r.describe().startsWith("crashed (signal 6)"), r.describe().constData());
    QVERIFY(r.err.contains("about to abort"));
}

void TestHygieneHelpers::exitCodeSixIsAnExitCode()
{
    test::Cli cli(*m_fixture, script(u"six.sh"_s, "exit 6"));
    const test::Run r = cli.run({u"status"_s});
    QCOMPARE(r.exitCode, 6);
    QVERIFY(!r.crashed());
    QCOMPARE(r.signal, 0);
    QVERIFY2(r.describe().startsWith("exit code 6"), r.describe().constData());
}

void TestHygieneHelpers::commandThatDoesNotEndFailsTheTest()
{
    test::Cli cli(*m_fixture, script(u"hang.sh"_s, "exec sleep 30"));
    QEXPECT_FAIL("", "a command still running at its timeout fails the test (saying so)", Continue);
    const test::Run r = cli.run({u"status"_s}, 500);
    QVERIFY2(r.timedOut(), r.describe().constData());
    QVERIFY2(r.describe().startsWith("timed out"), r.describe().constData());
}

void TestHygieneHelpers::consentUrlThatNeverComesFailsTheTest()
{
    test::Cli cli(*m_fixture, script(u"silent.sh"_s, "exec sleep 30"));
    QProcess process;
    cli.start(process, {u"zoho-login"_s});
    QByteArray err;
    QEXPECT_FAIL("", "no consent URL from a running command fails the test (saying so)", Continue);
    const QUrl url = test::waitForConsentUrl(process, &err, 500);
    QVERIFY(!url.isValid());
    process.kill();
    process.waitForFinished();
}

void TestHygieneHelpers::commandThatCannotStartFailsTheTest()
{
    test::Cli cli(*m_fixture, m_dir.filePath(u"no-such-program"_s));
    QEXPECT_FAIL("", "a command that cannot start fails the test (saying so)", Continue);
    const test::Run r = cli.run({u"status"_s}, 5000);
    QCOMPARE(r.exitCode, test::Run::kNotStarted);
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.describe().startsWith("did not start"), r.describe().constData());
}

void TestHygieneHelpers::awaitThatTimesOutFailsTheTest()
{
    // A call that never answers (its callback is dropped).
    auto never = [](QObject *, std::function<void(const QString &, const net::Error &)>) {};
    QEXPECT_FAIL("", "an await without an answer fails the test (saying where it was started)", Continue);
    const auto answer = test::await<QString>(never, 300);
    QVERIFY(answer.second.isError());
    QVERIFY2(answer.second.detail.contains(u"tst_hygiene_helpers.cpp"_s), qPrintable(answer.second.detail));

    auto neverError = [](QObject *, std::function<void(const net::Error &)>) {};
    QEXPECT_FAIL("", "an awaitError without an answer fails the test (saying where it was started)", Continue);
    const net::Error e = test::awaitError(neverError, 300);
    QVERIFY(e.isError());
}

QTEST_GUILESS_MAIN(TestHygieneHelpers)
#include "tst_hygiene_helpers.moc"
