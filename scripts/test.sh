#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the whole test suite headless with ctest.
# Widget and WebEngine tests use the offscreen platform; keychain tests start their own D-Bus
# session with an unlocked gnome-keyring (scripts/with-keyring.sh). ZAW_BUILD_WIZARD=OFF: the core,
# the command line and the sandbox only (no Qt WebEngine; see setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [[ "${ZAW_BUILD_WIZARD:-ON}" == OFF ]]; then
    BUILD_DIR=${BUILD_DIR:-build-cli}
else
    BUILD_DIR=${BUILD_DIR:-build}
fi
export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
ctest --output-on-failure --no-tests=error --parallel 2 --timeout 600 "$@"
