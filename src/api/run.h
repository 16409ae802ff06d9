/* run.h — the pipeline from source text to a finished run, used by the CLI,
 * the REPL and embedders: decode, parse, compile, execute in __main__, and
 * report errors as CPython does.
 *
 * Errors are reported here, on stderr, in CPython's words; the functions
 * return what the process's exit status would be.
 */
#ifndef SCR_RUN_H
#define SCR_RUN_H

#include <stdbool.h>
#include <stddef.h>

struct Dict;
struct ParseError;

/* ---- options ---- */

/* `-X gcstats` was given on the command line: the cycle collector's
 * statistics are to be printed at exit. */
extern int run_gcstats;

/* ---- running a program ---- */

/* Each returns the process exit status python3 would give: 0, 1 for an
 * uncaught exception (traceback printed on stderr), n for sys.exit(n). */
int run_source(const char *src, size_t len, const char *filename);
int run_file(const char *path);      /* 2 if the file cannot be opened */

/* How a run ended; *status gets the exit status python3 would give for it. */
typedef enum RunOutcome {
    RUN_OK,              /* ran to the end */
    RUN_SYNTAX_ERROR,    /* not run: the SyntaxError was printed on stderr */
    RUN_EXCEPTION,       /* uncaught exception, traceback printed */
    RUN_INTERRUPTED,     /* uncaught KeyboardInterrupt, traceback printed */
    RUN_EXIT,            /* SystemExit (message, if any, printed): *status is its code */
    RUN_NOT_FOUND        /* run_path only: no such file, directory, bad UTF-8 (reported) */
} RunOutcome;

/* run_text's flags. */
enum {
    RUN_FRESH_MAIN  = 1, /* run in a new __main__ module, not the current one */
    RUN_INTERACTIVE = 2, /* compile for the REPL: expression values are echoed */
    RUN_KEEP_GOING  = 4, /* `scr -i`: SystemExit gets a traceback like any exception */
    RUN_SET_FILE    = 8  /* __main__.__file__ = the filename (a script, "<stdin>"), as CPython */
};

/* Run source text (UTF-8) in __main__ (created on first use and kept
 * between calls, unless RUN_FRESH_MAIN). */
RunOutcome run_text(const char *src, size_t len, const char *filename, int flags, int *status);
/* Run the bytes of a source file: decoded as its coding declaration says
 * (PEP 263; from_pipe: a program piped to stdin, where python3 accepts
 * only UTF-8), then run_text. */
RunOutcome run_source_bytes(const char *src, size_t len, const char *filename, bool from_pipe, int flags,
                            int *status);
/* Read and run a file, named in tracebacks by its absolute path as python3
 * does. RUN_NOT_FOUND with *status 2 (cannot open) or 1 (a directory, not
 * UTF-8) after a one-line message on stderr. */
RunOutcome run_path(const char *path, int flags, int *status);

/* The globals of __main__ (borrowed), created if there is none yet; NULL
 * with the exception set when out of memory. */
struct Dict *run_main_globals(void);

/* ---- reporting ---- */

/* Print a parser error as python3 does: File/line, the source line, a caret. */
void run_print_syntax_error(const struct ParseError *err, const char *src, size_t len, const char *filename);
/* interactive: src was typed at the REPL prompt (errors from the compiler show no source line). */
void run_print_syntax_error_mode(const struct ParseError *err, const char *src, size_t len, const char *filename,
                                 int interactive);

/* ---- input ---- */

/* Read a whole stream (a FILE *) into a new mem_alloc'ed buffer; NULL when
 * out of memory or on a read error (errno set). */
char *run_read_all(void *file, size_t *len);

#endif
