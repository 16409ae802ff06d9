/* textio.h — the text streams sys.stdin, sys.stdout and sys.stderr: thin
 * objects over a stdio FILE*, so print() can write straight into its buffer;
 * and writing to whatever object sys.stdout is bound to.
 *
 * Errors: VAL_ERROR / -1 with the exception set. */
#ifndef SCR_TEXTIO_H
#define SCR_TEXTIO_H

#include <stdio.h>
#include "core/object.h"

/* ---- the object ---- */

typedef struct TextIO { Obj ob; FILE *fp; const char *name; } TextIO;   /* name static */

extern Type textio_type;

/* Set stdio buffering as CPython does: line-buffered stdout on a tty, block-buffered otherwise. */
void  textio_setup(void);
Value textio_new(FILE *fp, const char *name);   /* new ref; name static, as in repr: "<stdout>" */
static inline bool val_is_textio(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &textio_type; }

/* ---- writing to any file object ---- */

/* Write n bytes of UTF-8 to a file object: directly for a TextIO, through its
 * write() method for anything else. -1 with an exception set on failure. */
int   textio_write(Value file, const char *s, int64_t n);
/* Call file.flush() (fflush for a TextIO). */
int   textio_flush(Value file);

/* ---- the standard streams ---- */

/* Write n bytes of str data to a standard stream as sys.stdout.write would:
 * lone surrogates encoded as the stream's error handler says, CPython's
 * chunking on a block-buffered stdout, OSError (BrokenPipeError, ...) when
 * the write fails. -1 with the exception set. */
int   textio_put(FILE *fp, const char *s, int64_t n);
/* Flush a standard stream; OSError on failure (remembered for stdout, whose
 * exit flush then fails too, as CPython's buffer keeps the data). */
int   textio_flush_fp(FILE *fp);
/* Flush stdout before a traceback or the like; an error is remembered, not
 * raised (the pending exception, if any, is kept). */
void  textio_flush_stdout_quiet(void);
/* The flush at exit: on failure "Exception ignored in: <stdout>" and the
 * error on stderr, and -1 (python3 then exits with status 120). */
int   textio_exit_flush(void);

/* sys.stdout / sys.stderr as currently bound in the sys module (borrowed;
 * VAL_UNDEF when deleted). */
Value textio_sys_stream(const char *name);

#endif
