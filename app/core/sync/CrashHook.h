// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test hook of the crash matrix (reference §5.3): with ZAW_SYNC_CRASH_AT=<point> in the
// environment the process ends at once (_exit(70)) when a run reaches that point. Compiled only
// when ZAW_TEST_HOOKS is defined (test builds); a no-op otherwise.
namespace zaw::sync {
void crashPoint(const char *point);
}
