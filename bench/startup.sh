#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up benchmark: `zoho-aep-wizard --smoke` against a bare QWizard built with the same Qt.
# Budget: at most 1.5x the bare wizard's median wall time and median peak RSS (aim: 1.3x), and
# no QtWebEngineProcess started. See bench/README.md.
#
#   bench/startup.sh [--runs N] [--platform offscreen|xcb|...]
#
# BUILD_DIR (default: build) is the product's build folder (scripts/setup.sh makes it);
# BARE_BUILD_DIR (default: build/bench-bare) is where the bare wizard is built.
# Exit status: 0 budget met and no QtWebEngineProcess, 1 otherwise (or on error), 2 bad usage.
set -euo pipefail
script=$(readlink -f "$0")
cd "$(dirname "$script")/.."

BUDGET=1.5
AIM=1.3
runs=15
platform=offscreen

usage() {
    sed -n '3,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$script"
}

while (($#)); do
    case "$1" in
        --runs) [[ $# -ge 2 ]] || { echo "--runs needs a number" >&2; exit 2; }; runs=$2; shift 2 ;;
        --runs=*) runs=${1#--runs=}; shift ;;
        --platform) [[ $# -ge 2 ]] || { echo "--platform needs a name" >&2; exit 2; }; platform=$2; shift 2 ;;
        --platform=*) platform=${1#--platform=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "Unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "--runs needs a positive whole number, not '$runs'" >&2
    exit 2
fi
if [[ "$platform" == xcb && -z "${DISPLAY:-}" ]]; then
    echo "--platform xcb needs a display (DISPLAY is not set)" >&2
    exit 1
fi

# ---- tools and programs ---------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    echo "/usr/bin/time is missing (on Debian/Ubuntu it is the package 'time': apt-get install time)." >&2
    exit 1
fi
for tool in cmake ninja; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$tool is missing: run scripts/setup.sh first (it installs the build tools)." >&2
        exit 1
    fi
done

BUILD_DIR=${BUILD_DIR:-build}
PRODUCT="$BUILD_DIR/app/wizard/zoho-aep-wizard"
if [[ ! -x "$PRODUCT" ]]; then
    echo "$PRODUCT not found: build the product first with scripts/setup.sh" >&2
    echo "(set BUILD_DIR to use a product built in another folder)." >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zaw-bench.XXXXXX")
poller_pid=""
cleanup() {
    if [[ -n "$poller_pid" ]]; then
        kill "$poller_pid" 2>/dev/null || true
        wait "$poller_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

cache_value() { # cache_value FILE KEY -> value of KEY:TYPE=value in a CMakeCache.txt, or nothing
    [[ -f "$1" ]] || return 0
    sed -n "s/^$2:[A-Z]*=//p" "$1" | head -n 1
}

# Build the bare wizard against the Qt the product was configured with.
BARE_BUILD_DIR=${BARE_BUILD_DIR:-build/bench-bare}
BARE="$BARE_BUILD_DIR/bare-wizard"
qt_dir=$(cache_value "$BUILD_DIR/CMakeCache.txt" Qt6_DIR)
configure=(cmake -S bench/bare-wizard -B "$BARE_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release)
[[ -n "$qt_dir" ]] && configure+=("-DQt6_DIR=$qt_dir")
if [[ ! -f "$BARE_BUILD_DIR/build.ninja" ]] \
    || [[ -n "$qt_dir" && "$(cache_value "$BARE_BUILD_DIR/CMakeCache.txt" Qt6_DIR)" != "$qt_dir" ]]; then
    echo "Configuring the bare wizard in $BARE_BUILD_DIR ..." >&2
    "${configure[@]}" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 1; }
fi
cmake --build "$BARE_BUILD_DIR" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; exit 1; }

# ---- run environment ------------------------------------------------------------------------
# Every run starts with empty private config/data/cache folders (the same first-start state each
# time, and nothing of the user's own profiles is read or written).
export QT_QPA_PLATFORM="$platform"
export XDG_CONFIG_HOME="$tmp/home/config" XDG_DATA_HOME="$tmp/home/data" XDG_CACHE_HOME="$tmp/home/cache"
if [[ -z "${XDG_RUNTIME_DIR:-}" ]]; then
    mkdir -m 700 "$tmp/runtime"
    export XDG_RUNTIME_DIR="$tmp/runtime"
fi
# Marks the processes of this benchmark (children inherit it); used by the fallback check below.
export ZAW_BENCH_TAG="zaw-bench-$$-$RANDOM"

fresh_home() {
    rm -rf "${tmp:?}/home"
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
}

fail_run() { # fail_run WHAT STATUS
    echo "$1 exited with status $2; its output:" >&2
    tail -n 20 "$tmp/out.log" >&2
    exit 1
}

# run_wall PROGRAM ARGS... -> prints the wall time in ms. Timed by bash itself around the
# program's fork/exec/exit (the same span as time's %e, which only has 10 ms resolution and
# truncates; timing around /usr/bin/time would add its own start-up to both programs).
run_wall() {
    local start end status=0
    fresh_home
    start=$EPOCHREALTIME
    "$@" >"$tmp/out.log" 2>&1 || status=$?
    end=$EPOCHREALTIME
    ((status == 0)) || fail_run "$*" "$status"
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }'
}

# run_rss PROGRAM ARGS... -> prints "elapsed_s peak_rss_kb" as measured by /usr/bin/time.
run_rss() {
    local status=0
    fresh_home
    /usr/bin/time -f '%e %M' -o "$tmp/time.out" "$@" >"$tmp/out.log" 2>&1 || status=$?
    ((status == 0)) || fail_run "$*" "$status"
    tail -n 1 "$tmp/time.out"
}

if [[ -z "${EPOCHREALTIME:-}" ]]; then
    # bash < 5: fall back to /usr/bin/time's 10 ms figure.
    run_wall() { run_rss "$@" | awk '{ printf "%.1f\n", $1 * 1000 }'; }
fi

# measure NAME PROGRAM ARGS...: one timed run and one memory run, appended to NAME.wall / NAME.rss
measure() {
    local name=$1
    shift
    run_wall "$@" >>"$tmp/$name.wall"
    run_rss "$@" | awk '{ print $2 }' >>"$tmp/$name.rss"
}

# ---- QtWebEngineProcess check ---------------------------------------------------------------
# Preferred: trace every execve of one product smoke run. Fallback (no strace, or ptrace not
# allowed): poll for QtWebEngineProcess processes carrying this run's ZAW_BENCH_TAG while the
# product runs (processes of other programs on the machine are ignored).
webengine_method=poll
if command -v strace >/dev/null 2>&1 && strace -f -qq -e trace=execve -o /dev/null true >/dev/null 2>&1; then
    webengine_method=strace
fi
start_poller() {
    : >"$tmp/webengine.pids"
    (
        while :; do
            for pid in $(pgrep -f QtWebEngineProcess || true); do
                if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "ZAW_BENCH_TAG=$ZAW_BENCH_TAG"; then
                    echo "$pid" >>"$tmp/webengine.pids"
                fi
            done
            sleep 0.05
        done
    ) &
    poller_pid=$!
}
stop_poller() {
    kill "$poller_pid" 2>/dev/null || true
    wait "$poller_pid" 2>/dev/null || true
    poller_pid=""
}

# ---- runs -----------------------------------------------------------------------------------
product_type=$(cache_value "$BUILD_DIR/CMakeCache.txt" CMAKE_BUILD_TYPE)
bare_qt_dir=$(cache_value "$BARE_BUILD_DIR/CMakeCache.txt" Qt6_DIR)
qt_version=$(cat "$bare_qt_dir/Qt6ConfigVersionImpl.cmake" "$bare_qt_dir/Qt6ConfigVersion.cmake" 2>/dev/null \
    | sed -n 's/^set(PACKAGE_VERSION "\([0-9.]*\)")$/\1/p' | head -n 1 || true)
echo "platform: $platform, runs: $runs per program (+1 warm-up), product: $PRODUCT" \
    "(${product_type:-unknown} build), Qt ${qt_version:-?}, load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
case "${product_type,,}" in
    release|relwithdebinfo|minsizerel) ;;
    *) echo "note: the product is a ${product_type:-non-optimised} build; its figures are worse than an optimised build's." ;;
esac

[[ "$webengine_method" == poll ]] && start_poller

echo "warm-up ..." >&2
run_wall "$BARE" >/dev/null
run_wall "$PRODUCT" --smoke >/dev/null
for ((i = 1; i <= runs; i++)); do
    printf '\rrun %d/%d ' "$i" "$runs" >&2
    # Alternate the order so neither program always runs right after the other.
    if ((i % 2)); then
        measure bare "$BARE"
        measure product "$PRODUCT" --smoke
    else
        measure product "$PRODUCT" --smoke
        measure bare "$BARE"
    fi
done
printf '\r%*s\r' 20 '' >&2

if [[ "$webengine_method" == poll ]]; then
    stop_poller
    webengine=no
    [[ -s "$tmp/webengine.pids" ]] && webengine=yes
    webengine_how="polled during all product runs; strace not available"
else
    fresh_home
    status=0
    strace -f -qq -e trace=execve -o "$tmp/strace.log" "$PRODUCT" --smoke >"$tmp/out.log" 2>&1 || status=$?
    ((status == 0)) || fail_run "strace $PRODUCT --smoke" "$status"
    webengine=no
    grep -q 'execve("[^"]*QtWebEngineProcess' "$tmp/strace.log" && webengine=yes
    webengine_how="execve calls of one --smoke run traced with strace -f"
fi

# For information: demo mode starts the built-in sandbox in-process before the first page.
measure demo "$PRODUCT" --smoke --demo

# ---- report ---------------------------------------------------------------------------------
# median FILE FORMAT
median() {
    sort -n "$1" | awk -v f="$2" '{ v[NR] = $1 }
        END { printf f "\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
minimum() { sort -n "$1" | head -n 1; }

bare_wall=$(median "$tmp/bare.wall" %.1f)
bare_wall_min=$(minimum "$tmp/bare.wall")
bare_rss=$(median "$tmp/bare.rss" %.0f)
prod_wall=$(median "$tmp/product.wall" %.1f)
prod_wall_min=$(minimum "$tmp/product.wall")
prod_rss=$(median "$tmp/product.rss" %.0f)
demo_wall=$(cat "$tmp/demo.wall")
demo_rss=$(cat "$tmp/demo.rss")

read -r wall_ratio rss_ratio verdict aim_note <<<"$(awk -v pw="$prod_wall" -v bw="$bare_wall" \
    -v pr="$prod_rss" -v br="$bare_rss" -v budget="$BUDGET" -v aim="$AIM" 'BEGIN {
        w = pw / bw; r = pr / br
        # Compare the printed (rounded) ratios so the verdict matches what is shown.
        ws = sprintf("%.2f", w); rs = sprintf("%.2f", r)
        verdict = (ws + 0 <= budget && rs + 0 <= budget) ? "PASS" : "FAIL"
        note = (ws + 0 <= aim && rs + 0 <= aim) ? "within" : "above"
        print ws, rs, verdict, note
    }')"

row() { printf '%-32s %-24s %s\n' "$@"; }
row "program" "wall ms (median/min)" "peak RSS KB (median)"
row "bare QWizard" "$bare_wall / $bare_wall_min" "$bare_rss"
row "zoho-aep-wizard --smoke" "$prod_wall / $prod_wall_min" "$prod_rss"
row "zoho-aep-wizard --smoke --demo" "$demo_wall (1 run, info)" "$demo_rss (1 run, info)"
row "ratio (product/bare, medians)" "${wall_ratio}x" \
    "${rss_ratio}x   (budget ${BUDGET}x, aim ${AIM}x): $verdict, $aim_note the ${AIM}x aim"
echo "QtWebEngineProcess started: $webengine ($webengine_how)"

[[ "$verdict" == PASS && "$webengine" == no ]]
