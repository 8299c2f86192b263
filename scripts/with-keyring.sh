#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service,
# so QtKeychain has a real keychain. Exits 77 (ctest: skipped) when the tools are missing.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    echo "SKIP: dbus-run-session or gnome-keyring-daemon is not installed" >&2
    exit 77
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home" XDG_RUNTIME_DIR="$keyring_home"
export ZAW_TEST_KEYRING=1
exec dbus-run-session -- sh -c '
    printf "%s" "test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    exec "$@"' sh "$@"
