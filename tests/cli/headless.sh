#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# zoho-aep-connect runs with no display and no Qt platform set, and links neither Qt Gui, Widgets
# nor WebEngine (it is started by an OS scheduler, over SSH, on a server).
#   headless.sh PATH-TO-zoho-aep-connect
# Without ldd the library check cannot run: the test then prints only the skip marker
# "ZAW-SKIPPED: cli_headless: ..." (see tests/CMakeLists.txt), and in CI (CI=true) it fails unless
# .ci/expected-skips lists cli_headless.
set -u
exe=$1
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --version 2>&1)
rc=$?
if [[ $rc -ne 0 || "$out" != "zoho-aep-connect "* ]]; then
    echo "FAIL: --version without a display exited $rc: $out"
    exit 1
fi
version_ok="--version without a display: $out"
if ! command -v ldd >/dev/null 2>&1; then
    reason="ldd is not installed, so the library check did not run (ok: $version_ok)"
    ci=$(tr '[:upper:]' '[:lower:]' <<<"${CI:-}")
    expected=" ${ZAW_EXPECTED_SKIPS:-} $(sed 's/#.*//' "${ZAW_EXPECTED_SKIPS_FILE:-/dev/null}" 2>/dev/null | tr '\n' ' ') "
    if [[ -n "$ci" && "$ci" != 0 && "$ci" != false && "$expected" != *" cli_headless "* ]]; then
        echo "ZAW-UNEXPECTED-SKIP: cli_headless: $reason"
        exit 1
    fi
    echo "ZAW-SKIPPED: cli_headless: $reason"
    exit 0
fi
echo "ok: $version_ok"
libs=$(ldd "$exe")
bad=$(grep -E 'libQt6(Gui|Widgets|WebEngine[A-Za-z]*|OpenGL)\.so' <<<"$libs")
if [[ -n "$bad" ]]; then
    echo "FAIL: links a graphical library:"
    echo "$bad"
    exit 1
elif ! grep -q 'libQt6Core\.so' <<<"$libs"; then
    echo "FAIL: ldd shows no libQt6Core (not a Qt executable?)"
    exit 1
fi
echo "ok: ldd lists no Qt Gui, Widgets or WebEngine library"
