#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service,
# so QtKeychain has a real keychain, and removes the keyring folder afterwards.
#   with-keyring.sh PROGRAM [ARGS...]      (exits with PROGRAM's status; a crash stays a crash)
# When the tools are missing it prints "ZAW-SKIPPED: <suite>: <reason>" and exits 0 (ctest: skipped)
# – except in CI (CI=true), where that fails unless the suite is listed in ZAW_EXPECTED_SKIPS or in
# .ci/expected-skips (see that file).
set -euo pipefail
suite=$(basename -- "${1:?usage: with-keyring.sh PROGRAM [ARGS...]}")

expected_skips() {
    local file=${ZAW_EXPECTED_SKIPS_FILE:-$(dirname -- "$0")/../.ci/expected-skips}
    printf '%s\n' "${ZAW_EXPECTED_SKIPS:-}"
    [[ -r "$file" ]] && sed 's/#.*//' "$file"
    return 0
}

missing=()
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if (( ${#missing[@]} )); then
    reason="not installed: ${missing[*]}"
    ci=$(tr '[:upper:]' '[:lower:]' <<<"${CI:-}")
    expected=" $(expected_skips | tr -s ' \t\n' '   ') "
    if [[ -n "$ci" && "$ci" != 0 && "$ci" != false && "$expected" != *" $suite "* ]]; then
        echo "ZAW-UNEXPECTED-SKIP: $suite: $reason (list it in .ci/expected-skips if this machine lacks them)"
        exit 1
    fi
    echo "ZAW-SKIPPED: $suite: $reason"
    exit 0
fi

# No exec: the clean-up must run after the program ends (an exec would drop the EXIT trap). The
# daemon runs in the foreground so its PID is known and it can be stopped: a daemonised one outlives
# the D-Bus session and keeps writing into the keyring folder.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export XDG_DATA_HOME="$keyring_home" XDG_RUNTIME_DIR="$keyring_home"
export ZAW_TEST_KEYRING=1
status=0
dbus-run-session -- sh -c '
    printf "%s" "test-keyring" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    daemon=$!
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
        tries=$((tries + 1))
        if [ "$tries" -gt 200 ]; then
            echo "with-keyring.sh: the keyring did not start within 10 s" >&2
            kill "$daemon" 2>/dev/null
            exit 1
        fi
        sleep 0.05
    done
    status=0
    "$@" || status=$?
    kill "$daemon" 2>/dev/null
    wait "$daemon" 2>/dev/null
    exit "$status"' sh "$@" || status=$?
rm -rf "$keyring_home"
trap - EXIT INT TERM
# A QtTest binary exits with at most 127 (its failure count, capped), so 128+N is signal N: die of
# the same signal, so ctest reports a crash ("Subprocess aborted") and not a number of failures.
if (( status > 128 && status < 128 + 65 )); then
    kill -s $((status - 128)) $$
fi
exit "$status"
