/* fileio.h — file objects: what the builtin open() returns, text
 * (TextIOWrapper) or binary (BufferedReader/Writer/Random, FileIO), over a
 * POSIX file descriptor with CPython's semantics and error texts.
 *
 * Errors: VAL_ERROR / -1 with the exception set. */
#ifndef SCR_FILEIO_H
#define SCR_FILEIO_H

#include <stdbool.h>
#include "core/object.h"

/* The text file type (io.TextIOWrapper); the binary ones are private. */
extern Type fileio_type;

/* The builtin open(file, mode='r', buffering=-1, encoding=None, ...): a new
 * file object. */
Value fileio_open(Value *args, int nargs, Tuple *kwnames);

/* Is v a file object open() returned (text or binary)? */
bool  fileio_check(Value v);

/* The optional size argument of read/readline/readlines (args[1]; None or
 * absent: -1) into *out, shared with sys.stdin (textio.c); -1 with
 * TypeError. */
int   fileio_size_arg(const char *fname, Value *args, int nargs, Tuple *kwnames, int64_t *out);

#endif
