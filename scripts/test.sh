#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite headless with ctest; then builds
# the suite again with AddressSanitizer + UndefinedBehaviorSanitizer and runs it once more.
# Widget and WebEngine tests use the offscreen platform; keychain tests start their own D-Bus
# session with an unlocked gnome-keyring (scripts/with-keyring.sh). ZAW_BUILD_WIZARD=OFF: the core,
# the command line and the sandbox only (no Qt WebEngine; see setup.sh). ZAW_SANITIZER_RUN=OFF
# leaves the sanitizer run out (a quick local run; CI always does it). Arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
./scripts/setup.sh
if [[ "${ZAW_BUILD_WIZARD:-ON}" == OFF ]]; then
    BUILD_DIR=${BUILD_DIR:-build-cli}
else
    BUILD_DIR=${BUILD_DIR:-build}
fi
export QT_QPA_PLATFORM=offscreen
# A suite that skips because a tool is missing fails under CI=true unless .ci/expected-skips lists
# it (zaw_add_test points the suites at that file; tests/common/TestSkip.h).
ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error --parallel 2 --timeout 600 "$@"

if [[ "${ZAW_SANITIZER_RUN:-ON}" == OFF && "${CI:-}" != true ]]; then
    echo "Sanitizer run left out (ZAW_SANITIZER_RUN=OFF)."
    exit 0
fi
# The sanitizer run: every report is fatal (-fno-sanitize-recover=all, halt_on_error). Left out:
# the suites that load the Qt WebEngine browser plugin (label "webengine"): Chromium is not built
# with the sanitizers, runs its own allocator, and its renderer runs in QtWebEngineProcess
# anyway; the sign-in logic they drive is covered here through the command line's suites.
# Also left out, for time only: tst_sync_fault (72 cells, about 150 sync runs as child processes);
# the sync engine's code runs under the sanitizers in tst_sync_engine (its crash matrix included)
# and the HTTP fault handling in the tst_fault_matrix_* entries.
# tests/sanitizers/lsan.supp lists leaks inside third-party libraries only.
asan_dir=${ASAN_BUILD_DIR:-${BUILD_DIR}-asan}
start=$(date +%s)
BUILD_DIR=$asan_dir ZAW_SANITIZE=address,undefined ./scripts/setup.sh
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=0:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$source_dir/tests/sanitizers/lsan.supp:print_suppressions=0"
ctest --test-dir "$asan_dir" --output-on-failure --no-tests=error --parallel 2 --timeout 900 \
    --label-exclude webengine --exclude-regex '^tst_sync_fault$' "$@"
echo "Sanitizer run (build + suite): $(( ($(date +%s) - start) / 60 )) min"
