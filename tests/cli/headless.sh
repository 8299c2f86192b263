#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# zoho-aep-connect runs with no display and no Qt platform set, and links neither Qt Gui, Widgets
# nor WebEngine (it is started by an OS scheduler, over SSH, on a server).
#   headless.sh PATH-TO-zoho-aep-connect
set -u
exe=$1
fail=0
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$exe" --version 2>&1)
rc=$?
if [[ $rc -ne 0 || "$out" != "zoho-aep-connect "* ]]; then
    echo "FAIL: --version without a display exited $rc: $out"
    fail=1
else
    echo "ok: --version without a display: $out"
fi
if command -v ldd >/dev/null 2>&1; then
    libs=$(ldd "$exe")
    bad=$(grep -E 'libQt6(Gui|Widgets|WebEngine[A-Za-z]*|OpenGL)\.so' <<<"$libs")
    if [[ -n "$bad" ]]; then
        echo "FAIL: links a graphical library:"
        echo "$bad"
        fail=1
    elif ! grep -q 'libQt6Core\.so' <<<"$libs"; then
        echo "FAIL: ldd shows no libQt6Core (not a Qt executable?)"
        fail=1
    else
        echo "ok: ldd lists no Qt Gui, Widgets or WebEngine library"
    fi
fi
exit $fail
