// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in suite for tst_hygiene_skip: what it does is chosen by ZAW_FAKE_MODE —
//   pass             every case passes
//   skip             a case lacks a tool (ZAW_SKIP_MISSING_TOOL), the others pass
//   skip-then-fail   as skip, and another case fails
//   fail77           77 cases fail (QtTest's exit code is then 77)
//   skip-then-crash  as skip, then the process aborts
#include "TestSkip.h"

#include <QTest>

#include <cstdlib>

class TestHygieneFake : public QObject
{
    Q_OBJECT

private slots:
    void passes() { QVERIFY(true); }

    void needsATool()
    {
        if (mode().startsWith("skip"))
            ZAW_SKIP_MISSING_TOOL(QStringLiteral("fake-tool is not installed"));
    }

    void fails_data()
    {
        QTest::addColumn<bool>("fail");
        const int rows = mode() == "fail77" ? 77 : 1;
        for (int i = 0; i < rows; ++i)
            QTest::addRow("case %d", i) << (mode() == "fail77" || mode() == "skip-then-fail");
    }

    void fails()
    {
        QFETCH(bool, fail);
        if (fail)
            QFAIL("failing on purpose");
    }

    void crashes()
    {
        if (mode() == "skip-then-crash")
            std::abort();
    }

private:
    static QByteArray mode() { return qgetenv("ZAW_FAKE_MODE"); }
};

QTEST_GUILESS_MAIN(TestHygieneFake)
#include "tst_hygiene_fake.moc"
