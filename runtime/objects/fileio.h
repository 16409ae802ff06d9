/* fileio.h — text files returned by the builtin open(). */
#ifndef SCR_FILEIO_H
#define SCR_FILEIO_H

#include "core/object.h"

extern Type fileio_type;

/* The builtin open(file, mode='r', encoding=None). */
Value fileio_open(Value *args, int nargs, Tuple *kwnames);

/* Added by the files helper: is v a file object open() returned? */
#include <stdbool.h>
bool  fileio_check(Value v);
/* The optional size argument of read/readline/readlines (args[1]; None or
 * absent: -1), shared with sys.stdin (runtime/objects/textio.c). */
int   fileio_size_arg(const char *fname, Value *args, int nargs, Tuple *kwnames, int64_t *out);

#endif
