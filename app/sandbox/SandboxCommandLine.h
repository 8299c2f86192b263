// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace zaw::sandbox {

// zoho-aep-sandbox: parses the command line, starts the server and runs until SIGINT/SIGTERM.
int runSandboxCommandLine(const QStringList &arguments);

} // namespace zaw::sandbox
