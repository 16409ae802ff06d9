/* interp.c — the interpreter's state (interp.h); src/api/lifecycle.c
 * fills it in at start and empties it at exit. */
#include <stdlib.h>
#include "core/interp.h"

Interp interp;
InterpConfig interp_config;

const char *interp_getenv(const char *name)
{
    return interp_config.ignore_environment ? NULL : getenv(name);
}
