/* fileio.h — text files returned by the builtin open(). */
#ifndef SCR_FILEIO_H
#define SCR_FILEIO_H

#include "object.h"

extern Type fileio_type;

/* The builtin open(file, mode='r', encoding=None). */
Value fileio_open(Value *args, int nargs, Tuple *kwnames);

/* Added by the files helper: is v a file object open() returned? */
#include <stdbool.h>
bool  fileio_check(Value v);

#endif
