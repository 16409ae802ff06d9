/* traceback.h — printing one traceback entry (src/vm/traceback.c). */
#ifndef SCR_TRACEBACK_H
#define SCR_TRACEBACK_H

#include <stdbool.h>
#include "core/object.h"

struct Code;

/* `  File "F", line N, in NAME`, the source line and its PEP 657 markers
 * for instruction instr of c, as CPython 3.11 prints them. */
void tb_print_entry(void *file /* FILE * */, const struct Code *c, int line, int instr);

/* Set while __main__'s globals are torn down at exit: CPython has cleared
 * sys.modules by then, cannot import io to read a source file, and prints
 * the entries of those tracebacks without their source lines. */
extern bool tb_finalizing;

/* The hints of CPython 3.11's "Did you mean: 'x'?" (src/vm/suggest.c), as a
 * new reference or NULL: for a NameError raised in code with those
 * globals, and for an AttributeError on obj. Never leave an error set. */
Str *suggest_for_name(Str *name, const struct Code *code, Dict *globals);
Str *suggest_for_attribute(Str *name, Value obj);

/* East Asian wide or fullwidth (src/vm/widechars.c, generated). */
bool tb_wide_char(unsigned int cp);

#endif
