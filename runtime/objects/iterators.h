/* iterators.h — the lazy iterator types behind map, filter, zip, enumerate,
 * reversed and iter(callable, sentinel). Calling the type (builtins bind the
 * types themselves) builds one. */
#ifndef SCR_ITERATORS_H
#define SCR_ITERATORS_H

#include "core/object.h"

extern Type map_type, filter_type, zip_type, enumerate_type, reversed_type, callable_iterator_type;

Value iter_callable_new(Value func, Value sentinel);   /* iter(func, sentinel) */
Value iter_reversed(Value seq);                        /* reversed(seq) */

#endif
