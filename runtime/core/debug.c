/* debug.c — the failure path of scr_assert (runtime/core/debug.h). */
#include "core/debug.h"

#ifdef SCR_DEBUG
#include <stdio.h>
#include <stdlib.h>

void scr_assert_fail(const char *cond, const char *file, int line, const char *func)
{
    fflush(stdout);
    fprintf(stderr, "scr: internal invariant broken: %s\n    at %s:%d in %s()\n",
            cond, file, line, func);
    abort();
}
#else
/* ISO C wants a translation unit to declare something. */
typedef int debug_unused;
#endif
