/* fileio.h — text files returned by the builtin open(). */
#ifndef SCR_FILEIO_H
#define SCR_FILEIO_H

#include "object.h"

extern Type fileio_type;

/* The builtin open(file, mode='r', encoding=None). */
Value fileio_open(Value *args, int nargs, Tuple *kwnames);

#endif
