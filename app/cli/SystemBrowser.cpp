// SPDX-License-Identifier: GPL-3.0-or-later
#include "SystemBrowser.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QUrl>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#include <shellapi.h>
#endif

namespace zaw::cli {

namespace {

// Only web addresses: the URL comes from our own authorization request, but nothing else should
// ever reach a protocol handler from here.
bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

#ifndef Q_OS_WIN
bool startDetached(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ZOHO_CLIENT_SECRET"));
    env.remove(QStringLiteral("ADOBE_CLIENT_SECRET"));
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(QProcess::nullDevice());
    return process.startDetached();
}
#endif

} // namespace

bool openInSystemBrowser(const QUrl &url)
{
    if (!isWebUrl(url))
        return false;
    const QString address = url.toString(QUrl::FullyEncoded);
#if defined(Q_OS_WIN)
    // The browser is started by the shell, which passes on our environment; remove the secrets
    // from it first (this process has read them already).
    qunsetenv("ZOHO_CLIENT_SECRET");
    qunsetenv("ADOBE_CLIENT_SECRET");
    const auto result = reinterpret_cast<qintptr>(ShellExecuteW(
        nullptr, L"open", reinterpret_cast<const wchar_t *>(address.utf16()), nullptr, nullptr, SW_SHOWNORMAL));
    return result > 32; // ShellExecute's documented success threshold
#elif defined(Q_OS_MACOS)
    return startDetached(QStringLiteral("/usr/bin/open"), {address});
#else
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return false;
    return startDetached(QStringLiteral("xdg-open"), {address});
#endif
}

} // namespace zaw::cli
