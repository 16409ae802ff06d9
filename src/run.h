/* run.h — the pipeline from source text to a finished run, used by the CLI,
 * the REPL and embedders: parse, compile, execute in __main__, report errors
 * as CPython does. */
#ifndef SCR_RUN_H
#define SCR_RUN_H

#include <stddef.h>

/* Each returns the process exit status python3 would give: 0, 1 for an
 * uncaught exception (traceback printed on stderr), n for sys.exit(n). */
int run_source(const char *src, size_t len, const char *filename);
int run_file(const char *path);      /* 2 if the file cannot be opened */

#endif
