/* format.h — text formatting: the format-spec mini-language shared by
 * format(), str.format() and the __format__ methods, and printf-style
 * `str % args`.
 *
 * Every function returns a new reference (a str), or VAL_ERROR with the
 * exception set (ValueError for a bad spec, TypeError for a bad argument,
 * as CPython words them). */
#ifndef SCR_FORMAT_H
#define SCR_FORMAT_H

#include "core/object.h"

/* ---- format specs ---- */

Value format_value(Value v, Str *spec);     /* format(v, spec), e.g. spec ">8.3f" */
/* str.format(*args, **kw): args[0] is the template. */
Value format_str_method(Value *args, int nargs, Tuple *kwnames);

/* The __format__ methods (CFunc, args[0] is self): format_dunder is
 * int/float/str.__format__(spec); format_object_dunder is object.__format__
 * (str(self) for an empty spec, else TypeError "unsupported format string
 * passed to X.__format__"). */
Value format_dunder(Value *args, int nargs, Tuple *kwnames);
Value format_object_dunder(Value *args, int nargs, Tuple *kwnames);

/* ---- printf-style ---- */

Value format_percent(Str *fmt, Value args); /* fmt % args (args: tuple, dict or single value) */

#endif
