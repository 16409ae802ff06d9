/* list.h — mutable sequences. Growth is proportional (about 1/8 over, as
 * CPython) so a list of n items needs little more than 8n bytes. */
#ifndef SCR_LIST_H
#define SCR_LIST_H

#include "core/object.h"

struct List {
    Obj ob;
    int64_t len, cap;
    Value *items;
};

extern Type list_type;

List *list_new(int64_t cap);                    /* empty list with room for cap items */
int   list_append(List *l, Value v);            /* increfs v */
int   list_append_steal(List *l, Value v);
Value list_pop_last(List *l);                   /* new reference */
int   list_extend(List *l, Value iterable);
int   list_sort(List *l, Value key, bool reverse);  /* stable; key may be VAL_NONE */
Value list_from_iterable(Value iterable);

static inline bool val_is_list(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &list_type; }
static inline List *val_as_list(Value v) { return (List *)val_as_obj(v); }

Value list_concat(List *a, List *b);
Value list_repeat(List *l, int64_t n);      /* MemoryError when n * len overflows */

/* Added by the containers helper (runtime/objects/list.c): CPython's Py_ReprEnter /
 * Py_ReprLeave for container reprs. enter returns 1 when o is already being
 * repr'd (print "[...]"), 0 when entered (call leave afterwards), -1 with
 * RecursionError/MemoryError set. Also counts interp.depth. */
int   list_repr_enter(Obj *o);
void  list_repr_leave(Obj *o);

#endif
