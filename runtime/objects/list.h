/* list.h — Python lists: mutable sequences of values. Growth is proportional
 * (about 1/8 over, as CPython) so a list of n items needs little more than 8n
 * bytes. Also the recursion guard every container's repr uses.
 *
 * Ownership: items are owned by the list. Errors: NULL / VAL_ERROR / -1 with
 * the exception set (MemoryError unless stated). */
#ifndef SCR_LIST_H
#define SCR_LIST_H

#include "core/object.h"

/* ---- the object ---- */

struct List {
    Obj ob;
    int64_t len, cap;    /* cap is -1 while list_sort has emptied the list */
    Value *items;        /* len owned values; NULL when cap is 0 */
};

extern Type list_type;

static inline bool val_is_list(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &list_type; }
static inline List *val_as_list(Value v) { return (List *)val_as_obj(v); }

/* ---- building ---- */

List *list_new(int64_t cap);                    /* new, empty, with room for cap items */
Value list_from_iterable(Value iterable);       /* list(iterable): new reference */
int   list_append(List *l, Value v);            /* increfs v */
int   list_append_steal(List *l, Value v);      /* takes v over, also on failure */
int   list_extend(List *l, Value iterable);     /* l += iterable; errors of the iteration */
Value list_concat(List *a, List *b);            /* a + b: new reference */
Value list_repeat(List *l, int64_t n);          /* l * n: new; MemoryError when n * len overflows */

/* ---- taking apart ---- */

Value list_pop_last(List *l);                   /* new reference; IndexError when empty */
/* Stable sort in place; key may be VAL_NONE. -1 with the error of a key
 * call or a comparison (ValueError if the list was changed meanwhile). */
int   list_sort(List *l, Value key, bool reverse);

/* ---- the repr recursion guard ---- */

/* CPython's Py_ReprEnter / Py_ReprLeave, for every container's repr: enter
 * returns 1 when o is already being repr'd (print "[...]"), 0 when entered
 * (call leave afterwards), -1 with RecursionError/MemoryError set. Also
 * counts interp.depth. */
int   list_repr_enter(Obj *o);
void  list_repr_leave(Obj *o);

#endif
