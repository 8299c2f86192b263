// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttp.h"
#include <QTest>
class TestSandboxadobe : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("not written yet"); }
};
QTEST_GUILESS_MAIN(TestSandboxadobe)
#include "tst_sandbox_adobe.moc"
