// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxCommandLine.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("zoho-aep-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ZAW_VERSION));
    return zaw::sandbox::runSandboxCommandLine(QCoreApplication::arguments());
}
