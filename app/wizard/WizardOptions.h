// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace zaw {

// The wizard's command line (DESIGN §8 for the shared options).
struct WizardOptions
{
    bool demo = false;
    bool smoke = false;
    QString endpointsFile;
    QString configDir;
    QString profile = QStringLiteral("default");

    enum class Outcome { Run, Exit };
    // Parses arguments; prints --help/--version or a usage error itself. On Outcome::Exit the
    // process ends with *exitCode.
    static Outcome parse(const QStringList &arguments, WizardOptions *options, int *exitCode);
};

} // namespace zaw
