#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a fresh lupdate would leave Dutch entries unfinished: every user-visible string in
# app/ must be translated. Usage: check-translations.sh [path-to-lupdate]
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${1:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ts in translations/*_nl.ts translations/*_en.ts; do
    cp "$ts" "$tmp/check.ts"
    only=()
    [[ "$ts" == *_en.ts ]] && only=(-pluralonly) # English: the plural forms only
    "$lupdate" -silent -no-obsolete -locations none "${only[@]}" app -ts "$tmp/check.ts" >/dev/null
    total=$(grep -c '<message' "$tmp/check.ts" || true)
    open=$(grep -c 'type="unfinished"' "$tmp/check.ts" || true)
    echo "$ts: $total strings, $open untranslated"
    if [[ "$open" != 0 ]]; then
        grep -B3 'type="unfinished"' "$tmp/check.ts" | grep '<source>' | head -20
        exit 1
    fi
done
