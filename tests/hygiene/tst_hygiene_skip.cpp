// SPDX-License-Identifier: GPL-3.0-or-later
// A suite that cannot pass by accident: ctest itself, run on a small fixture project with the
// project's skip rules (SkipRules.cmake, TestSkip.h, with-keyring.sh, headless.sh), reads
//   - a missing tool outside CI as skipped, and in CI as failed unless .ci/expected-skips (or
//     ZAW_EXPECTED_SKIPS) lists the suite — a name in a comment does not count;
//   - a skipped case next to a failed one, 77 failures, or a crash after a skip as failed.
#include <QDir>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHygieneSkip : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ctestReads_data();
    void ctestReads();

private:
    QTemporaryDir m_dir;
    QMap<QString, QString> m_results; // fixture test → Passed, Skipped or Failed
    QString m_output;
};

void TestHygieneSkip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString tools = m_dir.filePath(u"tools"_s);
    QVERIFY(QDir().mkpath(tools));
    QProcess cmake;
    cmake.setProcessChannelMode(QProcess::MergedChannels);
    cmake.start(QStringLiteral(ZAW_CMAKE),
                {u"-S"_s, QStringLiteral(ZAW_SOURCE_DIR "/tests/hygiene/skip-fixture"), u"-B"_s,
                 m_dir.filePath(u"build"_s), u"-DFAKE="_s + QStringLiteral(ZAW_FAKE),
                 u"-DSRC="_s + QStringLiteral(ZAW_SOURCE_DIR), u"-DTOOLS="_s + tools});
    QVERIFY2(cmake.waitForFinished(60000), "cmake did not finish configuring the fixture in 60 s");
    QVERIFY2(cmake.exitStatus() == QProcess::NormalExit && cmake.exitCode() == 0, cmake.readAll().constData());

    QProcess ctest;
    ctest.setProcessChannelMode(QProcess::MergedChannels);
    ctest.start(QStringLiteral(ZAW_CTEST), {u"--test-dir"_s, m_dir.filePath(u"build"_s), u"--parallel"_s, u"2"_s});
    QVERIFY2(ctest.waitForFinished(120000), "ctest did not finish the fixture in 120 s");
    m_output = QString::fromUtf8(ctest.readAll());
    // "1/9 Test #1: qt_pass ....   Passed    0.01 sec", "***Skipped", "***Failed",
    // "Subprocess aborted***Exception:".
    static const QRegularExpression line(u"Test +#\\d+: (\\S+) \\.+(.*?)\\s+[0-9.]+ sec"_s);
    for (auto it = line.globalMatch(m_output); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString verdict = m.captured(2);
        m_results.insert(m.captured(1), verdict.contains(u"Passed"_s)    ? u"Passed"_s
                                        : verdict.contains(u"Skipped"_s) ? u"Skipped"_s
                                                                         : u"Failed"_s);
    }
    QVERIFY2(!m_results.isEmpty(), qPrintable(m_output));
}

void TestHygieneSkip::ctestReads_data()
{
    QTest::addColumn<QString>("expected");
    QTest::newRow("qt_pass") << u"Passed"_s;
    QTest::newRow("qt_skip") << u"Skipped"_s;
    QTest::newRow("qt_skip_then_fail") << u"Failed"_s;
    QTest::newRow("qt_77_failures") << u"Failed"_s;
    QTest::newRow("qt_skip_then_crash") << u"Failed"_s;
    QTest::newRow("qt_skip_in_ci") << u"Failed"_s;
    QTest::newRow("qt_skip_in_ci_expected_env") << u"Skipped"_s;
    QTest::newRow("qt_skip_in_ci_expected_file") << u"Skipped"_s;
    QTest::newRow("qt_skip_in_ci_comment_only") << u"Failed"_s;
    QTest::newRow("keyring_missing_tools") << u"Skipped"_s;
    QTest::newRow("keyring_missing_tools_in_ci") << u"Failed"_s;
    QTest::newRow("keyring_missing_tools_in_ci_expected") << u"Skipped"_s;
    QTest::newRow("headless_without_ldd") << u"Skipped"_s;
    QTest::newRow("headless_without_ldd_in_ci") << u"Failed"_s;
    QTest::newRow("headless_without_ldd_in_ci_expected") << u"Skipped"_s;
}

void TestHygieneSkip::ctestReads()
{
    QFETCH(QString, expected);
    const QString name = QString::fromUtf8(QTest::currentDataTag());
    QVERIFY2(m_results.contains(name), qPrintable(u"%1 not in ctest's output:\n%2"_s.arg(name, m_output)));
    QVERIFY2(m_results.value(name) == expected,
             qPrintable(u"%1: ctest says %2, expected %3\n%4"_s.arg(name, m_results.value(name), expected, m_output)));
}

QTEST_GUILESS_MAIN(TestHygieneSkip)
#include "tst_hygiene_skip.moc"
