/* set.h — set and frozenset: open-addressing hash tables of keys laid out
 * exactly as CPython's setobject.c (same sizes, linear probes then
 * perturbation), so that sets of small ints iterate in CPython's order.
 *
 * Ownership: keys are owned by the set. Errors: NULL / VAL_ERROR / -1 with
 * the exception set (TypeError for an unhashable key, MemoryError, or the
 * error of a __hash__ / __eq__ / iteration). */
#ifndef SCR_SET_H
#define SCR_SET_H

#include "core/object.h"

/* ---- the object ---- */

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
    struct WeakRef *weaklist;    /* weakref.h */
    SetEntry small[SET_MINSIZE];
} Set;

extern Type set_type, frozenset_type;

static inline bool val_is_anyset(Value v)
{
    return val_is_obj(v) && (val_as_obj(v)->type == &set_type || val_as_obj(v)->type == &frozenset_type);
}
static inline Set *val_as_set(Value v) { return (Set *)val_as_obj(v); }

/* ---- building ---- */

/* A new set of type t (set_type, frozenset_type or a subclass) holding the
 * items of iterable (VAL_UNDEF: none). */
Set  *set_new(Type *t, Value iterable);
/* Make the zeroed Set part of an instance of a set or frozenset subclass
 * (allocated by the class machinery) an empty set. Never fails. */
void  set_init_empty(Set *s);

/* ---- keys ---- */

int   set_add(Set *s, Value key);                /* increfs key */
int   set_update(Set *s, Value iterable);
int   set_contains_key(Set *s, Value key);       /* 1 / 0, -1 on error */
int   set_discard(Set *s, Value key);            /* 1 found, 0 not, -1 on error */
/* Iterate: `int64_t pos = 0; Value k; while (set_next(s, &pos, &k)) ...`
 * (borrowed keys; the set must not change meanwhile). */
bool  set_next(Set *s, int64_t *pos, Value *key);

/* ---- operators ---- */

/* | & - ^ and their in-place forms when both operands are sets or frozensets
 * (subclasses included; the in-place forms update a set in place): a new
 * reference (the left operand itself when updated in place); VAL_NOTIMPL
 * otherwise. */
Value set_binop(int op, Value a, Value b, bool inplace);

#endif
