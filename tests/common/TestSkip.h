// SPDX-License-Identifier: GPL-3.0-or-later
// Skips that cannot hide a failure. A QtTest binary's exit code is its failure count, so a skip is
// not an exit code: a test that truly lacks a tool prints a marker line that ctest's
// SKIP_REGULAR_EXPRESSION recognises (see zaw_add_test in tests/CMakeLists.txt, which also requires
// "0 failed" in QtTest's totals, so a skipped case never hides a failed one). In CI (CI=true) a skip
// is a failure unless the suite is declared expected to skip on that machine: ZAW_EXPECTED_SKIPS
// (space-separated suite names) or the file named by ZAW_EXPECTED_SKIPS_FILE (.ci/expected-skips).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QtGlobal>

#include <cstdio>

namespace zaw::test {

// Whether this machine runs as CI: CI set to anything but "", "0" or "false".
inline bool runsInCi()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "0" && ci != "false";
}

// Suites expected to skip on this machine: ZAW_EXPECTED_SKIPS plus the file ZAW_EXPECTED_SKIPS_FILE
// (whitespace-separated names, '#' starts a comment).
inline QStringList expectedSkips()
{
    QString text = QString::fromLocal8Bit(qgetenv("ZAW_EXPECTED_SKIPS"));
    const QString path = QString::fromLocal8Bit(qgetenv("ZAW_EXPECTED_SKIPS_FILE"));
    if (!path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
            for (const QString &line : lines)
                text += QLatin1Char(' ') + line.section(QLatin1Char('#'), 0, 0);
        }
    }
    return text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

// A tool the test needs is missing on this machine. Returns true when the caller may skip:
// prints "ZAW-SKIPPED: <testName>: <reason>" (ctest's SKIP_REGULAR_EXPRESSION marks the test skipped).
// When CI=true and testName is not listed in ZAW_EXPECTED_SKIPS (space-separated; scripts read it from
// .ci/expected-skips) it prints "ZAW-UNEXPECTED-SKIP: ..." and returns false: the caller must fail.
inline bool mayskip(const char *testName, const QString &reason)
{
    // QtTest's application name may be argv[0] with its folder; ctest names the suite by its file.
    const QString name = QFileInfo(QString::fromLocal8Bit(testName ? testName : "")).fileName();
    const QString oneLine = QString(reason).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const bool allowed = !runsInCi() || expectedSkips().contains(name);
    // stdout, flushed: ctest merges both streams, and the marker must come before QtTest's totals.
    std::fprintf(stdout, "%s: %s: %s\n", allowed ? "ZAW-SKIPPED" : "ZAW-UNEXPECTED-SKIP", qPrintable(name),
                 qPrintable(oneLine));
    std::fflush(stdout);
    return allowed;
}

} // namespace zaw::test

#define ZAW_SKIP_MISSING_TOOL(reason)                                                                                  \
    do {                                                                                                               \
        if (zaw::test::mayskip(QTest::currentAppName(), (reason)))                                                     \
            QSKIP(qPrintable(reason));                                                                                 \
        else                                                                                                           \
            QFAIL(qPrintable(QStringLiteral("Unexpected skip in CI: ") + (reason)));                                   \
    } while (0)
