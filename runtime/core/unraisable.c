/* unraisable.c — reporting an exception nobody can catch: one raised by a
 * __del__, a weakref callback, a gc callback or a generator's finally block
 * run from a dealloc. As CPython's PyErr_WriteUnraisable, the program goes
 * on; stderr gets "Exception ignored in: <obj>" and the traceback. */
#include <stdio.h>

#include "core/error.h"
#include "objects/str.h"
#include "objects/textio.h"

void err_write_unraisable(Value obj)
{
    Value exc = err_fetch();
    textio_flush_stdout_quiet();
    Value r = obj_repr(obj);
    if (r != VAL_ERROR) {
        fprintf(stderr, "Exception ignored in: %s\n", val_as_str(r)->data);
        decref(r);
    } else {
        err_clear();
        fprintf(stderr, "Exception ignored in: <%s object>\n", val_type_name(obj));
    }
    if (exc != VAL_UNDEF) {
        exc_print_unraisable(exc, stderr);
        decref(exc);
    }
}
