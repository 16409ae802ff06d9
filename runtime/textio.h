/* textio.h — the text streams sys.stdout and sys.stderr: thin objects over a
 * stdio FILE*, so print() can write straight into its buffer. */
#ifndef SCR_TEXTIO_H
#define SCR_TEXTIO_H

#include <stdio.h>
#include "object.h"

typedef struct TextIO { Obj ob; FILE *fp; const char *name; } TextIO;

extern Type textio_type;

/* Set stdio buffering as CPython does: line-buffered stdout on a tty, block-buffered otherwise. */
void  textio_setup(void);
Value textio_new(FILE *fp, const char *name);   /* name as in repr: "<stdout>" */
static inline bool val_is_textio(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &textio_type; }

/* Write n bytes of UTF-8 to a file object: directly for a TextIO, through its
 * write() method for anything else. -1 with an exception set on failure. */
int   textio_write(Value file, const char *s, int64_t n);
/* Call file.flush() (fflush for a TextIO). */
int   textio_flush(Value file);

/* sys.stdout / sys.stderr as currently bound in the sys module (borrowed;
 * VAL_UNDEF when deleted). */
Value textio_sys_stream(const char *name);

#endif
