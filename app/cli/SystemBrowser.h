// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QUrl;

namespace zaw::cli {

// Opens url in the user's default browser without Qt Gui, so the command line stays a
// QCoreApplication that runs headless under a scheduler: ShellExecute on Windows, `open` on
// macOS, `xdg-open` elsewhere. On a Unix desktop session without DISPLAY or WAYLAND_DISPLAY
// nothing is started (xdg-open would fall back to a text browser in this terminal); the caller
// has printed the address already. The browser does not inherit ZOHO_CLIENT_SECRET or
// ADOBE_CLIENT_SECRET. Returns whether a browser was started.
bool openInSystemBrowser(const QUrl &url);

} // namespace zaw::cli
