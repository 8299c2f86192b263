#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens the wizard in demo mode against the built-in
# sandbox. Extra arguments go to the wizard (e.g. --smoke).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
if [[ $(id -u) -eq 0 ]]; then
    # Chromium will not start its sandbox as root. This applies to this demo run only; the
    # product never turns the sandbox off by itself.
    echo "Running as root: the embedded browser's sandbox is turned off for this demo run." >&2
    export QTWEBENGINE_DISABLE_SANDBOX=1
fi
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && "$(uname)" == Linux ]]; then
    echo "No display found: running on a virtual display (xvfb-run)." >&2
    exec xvfb-run -a "$BUILD_DIR/app/wizard/zoho-aep-wizard" --demo "$@"
fi
exec "$BUILD_DIR/app/wizard/zoho-aep-wizard" --demo "$@"
