/* iterators.h — the iterator objects that are not a container's own: the
 * lazy iterators behind map, filter, zip, enumerate, reversed and
 * iter(callable, sentinel); the one sequence iterator that walks lists,
 * tuples and objects with only __getitem__; and the iter slot every
 * iterator shares.
 *
 * Conventions: functions returning Value return a new reference, or
 * VAL_ERROR with the exception set. A next slot returns VAL_UNDEF when
 * the iterator is exhausted (no exception set). */
#ifndef SCR_ITERATORS_H
#define SCR_ITERATORS_H

#include "core/object.h"
#include "objects/list.h"
#include "objects/tuple.h"

/* ---- the iter slot of every iterator ---- */

/* iter(it) is it: returns v with a new reference. */
Value iter_self(Value v);

/* ---- lazy iterators ---- */

/* Calling one of these types (the builtins bind the types themselves)
 * builds an iterator. */
extern Type map_type, filter_type, zip_type, enumerate_type, reversed_type, callable_iterator_type;

Value iter_callable_new(Value func, Value sentinel);   /* iter(func, sentinel) */
Value iter_reversed(Value seq);                        /* reversed(seq) */

/* ---- sequence iterators ---- */

/* One layout serves three types, which differ only in next():
 *   list_iterator_type   items of a List by index (sees the list change)
 *   tuple_iterator_type  items of a Tuple by index
 *   seq_iterator_type    seq[0], seq[1], ... through __getitem__, ending at
 *                        IndexError or StopIteration
 * seq is owned and NULL once exhausted: an exhausted iterator stays so. */
typedef struct SeqIter { Obj ob; Obj *seq; int64_t i; } SeqIter;

extern Type list_iterator_type, tuple_iterator_type, seq_iterator_type;

/* A new iterator of type t over seq (a List for list_iterator_type, a Tuple
 * for tuple_iterator_type, any object for seq_iterator_type). New
 * reference, VAL_ERROR on MemoryError. */
Value seqiter_new(Type *t, Value seq);

/* The next item of a list or tuple iterator, borrowed, and the index
 * advanced; VAL_UNDEF at the end, where the iterator is not yet marked
 * exhausted (its next slot does that). Inline for the VM's for loop. */
static inline Value seqiter_list_item(SeqIter *it)
{
    List *l = (List *)it->seq;
    return l && it->i < l->len ? l->items[it->i++] : VAL_UNDEF;
}

static inline Value seqiter_tuple_item(SeqIter *it)
{
    Tuple *t = (Tuple *)it->seq;
    return t && it->i < t->len ? t->items[it->i++] : VAL_UNDEF;
}

#endif
