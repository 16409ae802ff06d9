/* builtins.h — the builtin functions (print, len, isinstance, ...) as the
 * dict every module's globals fall back to. */
#ifndef SCR_BUILTINS_H
#define SCR_BUILTINS_H

#include "core/object.h"

/* The builtins dict, a new reference; NULL with the exception set on
 * failure. Called once by interp_init (src/api/lifecycle.c). */
Dict *builtins_init(void);

#endif
