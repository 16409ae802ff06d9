/* traceback.h — how the VM prints a traceback: one entry with its source
 * line and PEP 657 markers (traceback.c), the "Did you mean" hints
 * (suggest.c) and the width of East Asian characters (widechars.c).
 * tb_print_entry and the suggest_for_* hints are called from the runtime
 * and declared in core/vmcall.h. */
#ifndef SCR_TRACEBACK_H
#define SCR_TRACEBACK_H

#include <stdbool.h>
#include "core/vmcall.h"

/* Set while __main__'s globals are torn down at exit: CPython has cleared
 * sys.modules by then, cannot import io to read a source file, and prints
 * the entries of those tracebacks without their source lines. */
extern bool tb_finalizing;

/* East Asian wide or fullwidth (generated). */
bool tb_wide_char(unsigned int cp);

#endif
