#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync first-load benchmark: 10,000 and 100,000 Leads from the sandbox into an AEP dataset
# of the sandbox, through sync_runner (account::SyncRun) measured with /usr/bin/time -v: records/s
# to COMPLETE and to the final batch status, and the sync process's peak RSS. Aim: >= 10,000
# records/s and RSS(100k) <= 1.2 x RSS(10k).
#
#   bench/sync-firstload.sh [--sizes 10000,100000] [-- sync_runner arguments, e.g. --bulk-threshold 0]
#
# Builds nothing: it runs $BUILD_DIR/tests/zaw-bench-sync (BUILD_DIR: default build), made with the
# tests (cmake --build build --target zaw-bench-sync). The keychain the runner reads its secrets
# from is a private D-Bus session with a fresh keyring (scripts/with-keyring.sh).
set -euo pipefail
script=$(readlink -f "$0")
cd "$(dirname "$script")/.."

BUILD_DIR=${BUILD_DIR:-build}
BENCH="$BUILD_DIR/tests/zaw-bench-sync"
if [[ ! -x "$BENCH" ]]; then
    echo "$BENCH not found. Build it with:" >&2
    echo "    cmake --build $BUILD_DIR --target zaw-bench-sync" >&2
    exit 1
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "/usr/bin/time is needed (Debian/Ubuntu package: time)." >&2
    exit 1
fi
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
exec scripts/with-keyring.sh "$BENCH" "$@"
