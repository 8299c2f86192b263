#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing (Debian/Ubuntu), configures with CMake + Ninja and builds.
# Used by run-demo.sh and test.sh; safe to run again (only missing packages are installed,
# the build is incremental). BUILD_DIR overrides the build folder (default: ./build).
# ZAW_BUILD_WIZARD=OFF builds only the core, the command line, the sandbox and their tests, for a
# server or scheduler machine: no Qt WebEngine is installed or needed (default folder: build-cli).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
    # toolchain
    cmake ninja-build g++ pkg-config
    # Qt 6: Widgets, Network, WebEngine, HttpServer (needs WebSockets' CMake files), Linguist
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    # secrets
    qtkeychain-qt6-dev
    # headless tests: session bus + Secret Service, virtual display
    dbus dbus-bin gnome-keyring xvfb xauth
    # the exported setup script and its test
    curl jq
    # direct sync: Bulk Read's ZIP results; systemd-analyze checks the generated timer units
    libarchive-dev systemd
)

ZAW_BUILD_WIZARD=${ZAW_BUILD_WIZARD:-ON}
if [[ "$ZAW_BUILD_WIZARD" != OFF ]]; then
    # The wizard: Qt WebEngine for the consent page, the SVG icon.
    PACKAGES+=(qt6-webengine-dev qt6-webengine-dev-tools libqt6svg6)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || missing+=("$p")
    done
    if ((${#missing[@]})); then
        echo "Installing: ${missing[*]}"
        sudo=""
        [[ $(id -u) -eq 0 ]] || sudo="sudo"
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
    fi
else
    echo "Not a Debian-based system: install Qt 6.4+ (Widgets, Network, WebEngine, HttpServer," >&2
    echo "WebSockets, LinguistTools), QtKeychain for Qt 6, CMake and Ninja yourself (see README)." >&2
fi

if [[ "$ZAW_BUILD_WIZARD" == OFF ]]; then
    BUILD_DIR=${BUILD_DIR:-build-cli}
else
    BUILD_DIR=${BUILD_DIR:-build}
fi
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
# ZAW_SANITIZE=address,undefined: the sanitizer build test.sh runs (-O1 with line tables: fast
# enough to run the suite, stacks still name file and line).
cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DZAW_BUILD_WIZARD="$ZAW_BUILD_WIZARD")
if [[ -n "${ZAW_SANITIZE:-}" ]]; then
    cmake_args+=(-DZAW_SANITIZE="$ZAW_SANITIZE" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1")
fi
if command -v ccache >/dev/null 2>&1; then
    cmake_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
    cmake -S . -B "$BUILD_DIR" "${cmake_args[@]}"
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)"
