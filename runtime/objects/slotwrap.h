/* slotwrap.h — the builtin types' special methods as methods: list.__getitem__,
 * str.__eq__, tuple.__new__, int.__add__, BaseException.__init__, ...,
 * what super().__getitem__(i) or dict.__setitem__(self, k, v) reach from a
 * subclass (CPython's slot wrappers). Each runs the base type's own C slot
 * (never the subclass's override) on the instance, or on the value a boxed
 * instance holds (subclass.h). */
#ifndef SCR_SLOTWRAP_H
#define SCR_SLOTWRAP_H

#include "core/object.h"

/* Puts the special methods into the namespaces of list, dict, set,
 * frozenset, str, tuple, int, float and BaseException, next to their
 * methods (a name a type already defines stays); list, dict and set get
 * __hash__ = None. 0, or -1 with the exception set. */
int   slotwrap_add_all(void);

/* list/dict/set.__init__(self, *rest, **kw) once self is known to be one
 * (s its solid type): clear, then fill from the optional argument. Returns
 * VAL_NONE, or VAL_ERROR with the exception set. */
Value slotwrap_init_container(Type *s, Value self, Value *rest, int nrest, Tuple *kw);

#endif
