#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang, ASan and UBSan in build-fuzz and
# runs each for a set time, on a scratch copy of its seed corpus (build-fuzz/fuzz-work/<target>/),
# then prints: target, seconds, executions, exec/s, corpus size, crashes (with the files).
#
#   scripts/fuzz.sh [--seconds N] [--jobs J] [--only NAME[,NAME…]] [--no-build]
#
#   --seconds N   fuzzing time per target (default 600)
#   --jobs J      targets fuzzed at the same time (default 1)
#   --only NAME   just these targets (redirect, endpoints, zoho_token, zoho_crm, adobe, schedule,
#                 profile, sync_state, csv, zip_csv)
#
# A crash, timeout, leak or out-of-memory of any target fails the script (exit 1). After a crash
# the target is started again (the finding stays in crashes/) until its time is used up. A
# reproducer goes into tests/fuzz/crashes/<target>/ once fixed or reported: the replay test
# (ctest -R fuzz_<target>_replay) runs it on every build. Everything runs under `nice -n 15`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build-fuzz}
SECONDS_PER_TARGET=600
JOBS=1
ONLY=""
BUILD=1
ALL_TARGETS=(redirect endpoints zoho_token zoho_crm adobe schedule profile sync_state csv zip_csv)

while [[ $# -gt 0 ]]; do
    case "$1" in
        --seconds) SECONDS_PER_TARGET=$2; shift 2 ;;
        --jobs) JOBS=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '3,19p' "$0"; exit 0 ;;
        *) echo "fuzz.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $SECONDS_PER_TARGET =~ ^[0-9]+$ && $SECONDS_PER_TARGET -gt 0 ]] || { echo "fuzz.sh: --seconds needs a positive number" >&2; exit 2; }
[[ $JOBS =~ ^[0-9]+$ && $JOBS -gt 0 ]] || { echo "fuzz.sh: --jobs needs a positive number" >&2; exit 2; }

TARGETS=()
if [[ -n $ONLY ]]; then
    IFS=',' read -r -a wanted <<< "$ONLY"
    for t in "${wanted[@]}"; do
        t=${t#fuzz_}
        if [[ " ${ALL_TARGETS[*]} " != *" $t "* ]]; then
            echo "fuzz.sh: no target '$t' (targets: ${ALL_TARGETS[*]})" >&2
            exit 2
        fi
        TARGETS+=("$t")
    done
else
    TARGETS=("${ALL_TARGETS[@]}")
fi

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$ROOT} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
LAUNCHER=()
command -v ccache >/dev/null && LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

if [[ $BUILD == 1 ]]; then
    if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
        nice -n 15 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_CXX_COMPILER=clang++ "${LAUNCHER[@]}" \
            -DZAW_FUZZ=ON -DZAW_BUILD_WIZARD=OFF -DZAW_SANITIZE=address,undefined
    fi
    nice -n 15 cmake --build "$BUILD_DIR" -j "${BUILD_JOBS:-2}" --target "${TARGETS[@]/#/fuzz_}"
fi

WORK=$ROOT/$BUILD_DIR/fuzz-work
mkdir -p "$WORK"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8

# Runs one target for its time; writes WORK/<t>/result: "<execs> <corpus> <crashes> <seconds>".
run_target() {
    local t=$1 dir=$WORK/$1
    local exe=$ROOT/$BUILD_DIR/tests/fuzz_$t
    rm -rf "$dir/corpus" "$dir/crashes" "$dir"/log-*.txt
    mkdir -p "$dir/corpus" "$dir/crashes"
    cp "$ROOT/tests/fuzz/corpus/$t"/* "$dir/corpus/" 2>/dev/null || true
    [[ -d $ROOT/tests/fuzz/crashes/$t ]] && cp "$ROOT/tests/fuzz/crashes/$t"/* "$dir/corpus/" 2>/dev/null || true
    local start end left execs=0 round=0 out
    start=$(date +%s)
    end=$((start + SECONDS_PER_TARGET))
    while :; do
        left=$((end - $(date +%s)))
        (( left > 0 )) || break
        round=$((round + 1))
        out=$dir/log-$round.txt
        # Leaves the loop only on time; a finding is written to crashes/ and fuzzing goes on.
        nice -n 15 "$exe" -max_total_time="$left" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
            -print_final_stats=1 -artifact_prefix="$dir/crashes/" "$dir/corpus" > "$out" 2>&1 || true
        local n
        n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out" | grep -o '[0-9]*$' | tail -n1 || true)
        [[ -z $n ]] && n=$(grep -o '^#[0-9]*' "$out" | tail -n1 | tr -d '#' || true)
        execs=$((execs + ${n:-0}))
        # Stop after a start that found nothing (time over) or after 20 findings.
        if ! grep -q 'ERROR: \|==ERROR\|deadly signal\|SUMMARY: \|ZAW_FUZZ_CHECK failed' "$out"; then
            break
        fi
        # A finding among the corpus files would end every restart at once: move it out.
        local f h
        for f in "$dir"/crashes/*-*; do
            [[ -f $f ]] || continue
            h=$(sha1sum < "$f" | cut -d' ' -f1)
            while read -r sum path; do
                [[ $sum == "$h" ]] && mv "$path" "$dir/crashes/corpus-$(basename "$path")"
            done < <(find "$dir/corpus" -type f -exec sha1sum {} +)
        done
        (( round < 20 )) || break
    done
    local crashes corpus elapsed
    crashes=$(find "$dir/crashes" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) | wc -l)
    corpus=$(find "$dir/corpus" -type f | wc -l)
    elapsed=$(( $(date +%s) - start ))
    echo "$execs $corpus $crashes $elapsed" > "$dir/result"
    echo "fuzz_$t: $execs executions in ${elapsed}s, corpus $corpus, findings $crashes" >&2
}

echo "Fuzzing ${#TARGETS[@]} target(s), ${SECONDS_PER_TARGET}s each, $JOBS at a time; work in $WORK" >&2
running=0
for t in "${TARGETS[@]}"; do
    [[ -x $ROOT/$BUILD_DIR/tests/fuzz_$t ]] || { echo "fuzz.sh: $BUILD_DIR/tests/fuzz_$t is not built" >&2; exit 2; }
    rm -f "$WORK/$t/result"
    run_target "$t" &
    running=$((running + 1))
    if (( running >= JOBS )); then
        wait -n || true
        running=$((running - 1))
    fi
done
wait || true

failed=0
printf '\n%-12s %8s %12s %9s %8s %8s\n' target seconds executions exec/s corpus crashes
for t in "${TARGETS[@]}"; do
    if [[ ! -f $WORK/$t/result ]]; then
        printf '%-12s %8s %12s %9s %8s %8s\n' "$t" - - - - "no result"
        failed=1
        continue
    fi
    read -r execs corpus crashes elapsed < "$WORK/$t/result"
    rate=$(( elapsed > 0 ? execs / elapsed : execs ))
    printf '%-12s %8d %12d %9d %8d %8d\n' "$t" "$elapsed" "$execs" "$rate" "$corpus" "$crashes"
    if (( crashes > 0 )); then
        failed=1
        find "$WORK/$t/crashes" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) \
            -printf '    %p\n'
    fi
done
if (( failed )); then
    echo "FAILED: findings above (logs: $WORK/<target>/log-*.txt; replay one: $BUILD_DIR/tests/fuzz_<target> FILE)"
    exit 1
fi
echo "OK: no crashes, timeouts, leaks or OOMs"
