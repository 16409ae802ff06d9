/* set.h — set and frozenset: open-addressing hash tables of keys laid out
 * exactly as CPython's setobject.c (same sizes, linear probes then
 * perturbation), so that sets of small ints iterate in CPython's order. */
#ifndef SCR_SET_H
#define SCR_SET_H

#include "core/object.h"

#define SET_MINSIZE 8

typedef struct SetEntry {
    Value key;           /* VAL_UNDEF: never used; VAL_ERROR: dummy (deleted) */
    int64_t hash;
} SetEntry;

typedef struct Set {
    Obj ob;
    int64_t fill;        /* active + dummy entries */
    int64_t used;        /* active entries */
    int64_t mask;        /* table size - 1 */
    SetEntry *table;     /* small, or a mem_alloc'd array */
    int64_t hash;        /* frozenset: -1 until computed */
    int64_t finger;      /* where pop() resumes its search */
    struct WeakRef *weaklist;
    SetEntry small[SET_MINSIZE];
} Set;

extern Type set_type, frozenset_type;

static inline bool val_is_anyset(Value v)
{
    return val_is_obj(v) && (val_as_obj(v)->type == &set_type || val_as_obj(v)->type == &frozenset_type);
}
static inline Set *val_as_set(Value v) { return (Set *)val_as_obj(v); }

Set  *set_new(Type *t, Value iterable);          /* t: set_type or frozenset_type; iterable may be VAL_UNDEF */
int   set_add(Set *s, Value key);                /* increfs key */
int   set_contains_key(Set *s, Value key);       /* 1/0, -1 with TypeError for unhashable keys */
int   set_discard(Set *s, Value key);            /* 1 found, 0 not, -1 error */
int   set_update(Set *s, Value iterable);
/* Iterate: `int64_t pos = 0; Value k; while (set_next(s, &pos, &k)) ...` (borrowed). */
bool  set_next(Set *s, int64_t *pos, Value *key);
/* | & - ^ and their in-place forms when both operands are sets (the in-place
 * forms need the left one to be a set); VAL_NOTIMPL otherwise. */
Value set_binop(int op, Value a, Value b, bool inplace);
/* Added by the subclass helper: make the zeroed Set part of an instance of a
 * set or frozenset subclass (runtime/objects/instance.c) an empty set. */
void  set_init_empty(Set *s);

#endif
