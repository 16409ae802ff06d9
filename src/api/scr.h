/* scr.h — embedding the scr interpreter in a C program.
 *
 *     #include <scr.h>
 *     scr_interp *s = scr_new(0, NULL);
 *     int status = scr_run_string(s, "print(6 * 7)");
 *     scr_free(s);
 *
 * Build with `pkg-config --cflags --libs scr`. There is one interpreter per
 * process at a time: scr_new fails while another is alive, and succeeds again
 * after scr_free. Programs print to the process's stdout and stderr;
 * uncaught exceptions print their traceback on stderr. The functions are not
 * thread-safe.
 */
#ifndef SCR_H
#define SCR_H

/* NULL, which callers pass to scr_new and compare its result with: the
 * header stands alone, whatever the including file has included before. */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct scr_interp scr_interp;

/* A new interpreter; argv[0..argc) becomes sys.argv (argc 0: ['']).
 * NULL if an interpreter already exists or memory is short. */
scr_interp *scr_new(int argc, char **argv);

/* Run code in the interpreter's __main__ module, whose globals persist from
 * one call to the next. Returns the exit status python3 would give: 0 on
 * success, 1 after an uncaught exception or a syntax error (reported on
 * stderr), n for sys.exit(n). */
int scr_run_string(scr_interp *s, const char *code);

/* Run a file in __main__, like scr_run_string. Returns 2 when the file
 * cannot be opened, 1 for a directory or a file that is not UTF-8 (with a
 * message on stderr). */
int scr_run_file(scr_interp *s, const char *path);

/* Release the interpreter and every object it holds. NULL is ignored. */
void scr_free(scr_interp *s);

/* The version of the library, e.g. "0.1.0". */
const char *scr_version(void);

#ifdef __cplusplus
}
#endif

#endif
