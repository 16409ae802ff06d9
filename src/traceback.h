/* traceback.h — printing one traceback entry (src/traceback.c). */
#ifndef SCR_TRACEBACK_H
#define SCR_TRACEBACK_H

#include <stdbool.h>

struct Code;

/* `  File "F", line N, in NAME`, the source line and its PEP 657 markers
 * for instruction instr of c, as CPython 3.11 prints them. */
void tb_print_entry(void *file /* FILE * */, const struct Code *c, int line, int instr);

/* East Asian wide or fullwidth (src/widechars.c, generated). */
bool tb_wide_char(unsigned int cp);

#endif
