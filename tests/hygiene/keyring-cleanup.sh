#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/with-keyring.sh leaves nothing behind: no keyring folder in TMPDIR and no keyring daemon,
# whether the program passes, fails or crashes; and it passes the program's exit status on (a
# crash stays a crash: bash reports the script killed by SIGABRT as 134).
#   keyring-cleanup.sh PATH-TO-with-keyring.sh
set -u
with_keyring=$1
name=hygiene_keyring_cleanup
missing=()
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if (( ${#missing[@]} )); then
    reason="not installed: ${missing[*]}"
    ci=$(tr '[:upper:]' '[:lower:]' <<<"${CI:-}")
    expected=" ${ZAW_EXPECTED_SKIPS:-} $(sed 's/#.*//' "${ZAW_EXPECTED_SKIPS_FILE:-/dev/null}" 2>/dev/null | tr '\n' ' ') "
    if [[ -n "$ci" && "$ci" != 0 && "$ci" != false && "$expected" != *" $name "* ]]; then
        echo "ZAW-UNEXPECTED-SKIP: $name: $reason"
        exit 1
    fi
    echo "ZAW-SKIPPED: $name: $reason"
    exit 0
fi

fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Processes (of this user) whose environment points into a folder: a daemon left running.
left_running() {
    local env pid
    for env in /proc/[0-9]*/environ; do
        pid=${env#/proc/}
        pid=${pid%/environ}
        if { tr '\0' '\n' <"$env"; } 2>/dev/null | grep -q "^XDG_RUNTIME_DIR=$1"; then
            echo "$pid $({ tr '\0' ' ' </proc/"$pid"/cmdline; } 2>/dev/null)"
        fi
    done
}
check() { # expected-status description command...
    local expected=$1 what=$2 status bad=0
    shift 2
    local dir="$tmp/$RANDOM$RANDOM"
    mkdir "$dir"
    # In a subshell, so that the shell does not report the abort on its own.
    (TMPDIR="$dir" exec "$with_keyring" "$@" >"$tmp/out" 2>&1)
    status=$?
    if [[ $status != "$expected" ]]; then
        echo "FAIL: $what: exit status $status, expected $expected"
        sed 's/^/    /' "$tmp/out"
        bad=1
    fi
    if [[ -n "$(ls -A "$dir")" ]]; then
        echo "FAIL: $what: left in TMPDIR: $(ls -A "$dir" | tr '\n' ' ')"
        bad=1
    fi
    local daemons
    daemons=$(left_running "$dir")
    if [[ -n "$daemons" ]]; then
        echo "FAIL: $what: still running: $daemons"
        while read -r pid _; do kill "$pid" 2>/dev/null; done <<<"$daemons"
        bad=1
    fi
    if [[ $bad == 0 ]]; then echo "ok: $what"; else fail=1; fi
}
check 0 "a passing program" true
check 6 "a program exiting 6" sh -c 'exit 6'
check 134 "a program killed by SIGABRT" sh -c 'kill -ABRT $$'
# The keychain works inside: the Secret Service answers on the private bus.
check 0 "the Secret Service is on the bus" sh -c 'dbus-send --session --print-reply --dest=org.freedesktop.DBus \
    /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q true'
exit $fail
