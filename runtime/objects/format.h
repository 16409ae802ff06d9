/* format.h — text formatting: the format-spec mini-language shared by
 * str.format() and format(), and printf-style `str % args`. */
#ifndef SCR_FORMAT_H
#define SCR_FORMAT_H

#include "core/object.h"

Value format_value(Value v, Str *spec);     /* format(v, spec), e.g. spec ">8.3f" */
Value format_percent(Str *fmt, Value args); /* fmt % args (args: tuple, dict or single value) */
Value format_str_method(Value *args, int nargs, Tuple *kwnames);  /* str.format: args[0] is the template */

/* Added by the breadth helper: the __format__ methods. format_dunder is
 * int/float/str.__format__(spec); format_object_dunder is object.__format__
 * (str(self) for an empty spec, else "unsupported format string passed to
 * X.__format__"), for runtime/objects/instance.c's object_methods. */
Value format_dunder(Value *args, int nargs, Tuple *kwnames);
Value format_object_dunder(Value *args, int nargs, Tuple *kwnames);

#endif
