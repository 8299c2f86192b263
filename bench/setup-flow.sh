#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Setup flow benchmark: HTTP requests and wall time of the AEP setup (SetupPlan) and of the
# wizard's path of requests, against the in-process sandbox over loopback. See bench/README.md.
#
#   bench/setup-flow.sh [--runs N] [--verbose]     (arguments go to zaw-bench-setup; --help lists them)
#
# Builds nothing: it runs $BUILD_DIR/bench/setup-flow/zaw-bench-setup (BUILD_DIR: default build,
# relative to the project folder), which the product build makes when tests are built.
# Exit status: the program's: 0 every run finished, 1 a run failed (or the program is missing),
# 2 bad arguments.
set -euo pipefail
script=$(readlink -f "$0")
cd "$(dirname "$script")/.."

BUILD_DIR=${BUILD_DIR:-build}
BENCH="$BUILD_DIR/bench/setup-flow/zaw-bench-setup"
if [[ ! -x "$BENCH" ]]; then
    echo "$BENCH not found. Build it with:" >&2
    echo "    cmake --build $BUILD_DIR --target zaw-bench-setup" >&2
    echo "(after scripts/setup.sh, or any configure with ZAW_BUILD_TESTS=ON, the default;" >&2
    echo "set BUILD_DIR to use a product built in another folder)." >&2
    exit 1
fi
export QT_QPA_PLATFORM=offscreen
exec "$BENCH" "$@"
