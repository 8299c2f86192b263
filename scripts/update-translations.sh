#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/*.ts from the sources (quiet diffs: no locations, no obsolete entries).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || true)
if [ -z "$lupdate" ]; then
    bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)
    lupdate="$bins/lupdate"
fi
# A string that moved to another class keeps its Dutch: the entries left unfinished are filled
# from identical source texts (carry-translations.py), then lupdate writes the file once more.
old=$(mktemp)
trap 'rm -f "$old"' EXIT
cp translations/zoho-aep-wizard_nl.ts "$old"
"$lupdate" -silent -no-obsolete -locations none app -ts translations/zoho-aep-wizard_nl.ts
python3 scripts/carry-translations.py translations/zoho-aep-wizard_nl.ts "$old"
"$lupdate" -silent -no-obsolete -locations none app -ts translations/zoho-aep-wizard_nl.ts
# English needs only the plural forms ("%n module(s)" → "1 module", "2 modules").
"$lupdate" -silent -no-obsolete -locations none -pluralonly app -ts translations/zoho-aep-wizard_en.ts
