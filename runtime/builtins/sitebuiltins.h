/* sitebuiltins.h — what CPython's site module adds to the builtins (exit,
 * quit, copyright, credits, license, help), the pager help writes through,
 * and the builtins and _pydoc modules.
 *
 * Errors: VAL_ERROR / -1 with the exception set. */
#ifndef SCR_SITEBUILTINS_H
#define SCR_SITEBUILTINS_H

#include "core/object.h"

/* Bind exit, quit, copyright, credits, license and help in the builtins dict. */
int   site_add_builtins(Dict *d);
/* Show text as pydoc does: through $MANPAGER, $PAGER or less when standard
 * input and output are terminals, else written to sys.stdout. */
int   site_page(const char *text, int64_t len);

/* Module initialisers (module.h's registry); each returns a new Module. */
Value mod_pydoc_init(void);      /* _pydoc: page(text) */
Value mod_builtins_init(void);   /* builtins: a module over interp.builtins */

#endif
