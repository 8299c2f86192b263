// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/CrashHook.h"

#ifdef ZAW_TEST_HOOKS
#include <QByteArray>

#include <cstdio>
#include <unistd.h>
#endif

namespace zaw::sync {

void crashPoint(const char *point)
{
#ifdef ZAW_TEST_HOOKS
    static const QByteArray wanted = qgetenv("ZAW_SYNC_CRASH_AT");
    if (!wanted.isEmpty() && wanted == point) {
        std::fprintf(stderr, "ZAW_SYNC_CRASH_AT=%s: exiting\n", point);
        std::fflush(nullptr);
        ::_exit(70);
    }
#else
    Q_UNUSED(point);
#endif
}

} // namespace zaw::sync
