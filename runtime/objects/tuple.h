/* tuple.h — Python tuples: immutable sequences, the items stored inline.
 * Also the argument tuples of calls and the keyword-name tuples (kwnames)
 * of the calling convention.
 *
 * Ownership: items are owned by the tuple. Errors: NULL / VAL_ERROR with the
 * exception set (MemoryError). */
#ifndef SCR_TUPLE_H
#define SCR_TUPLE_H

#include "core/object.h"

/* ---- the object ---- */

struct Tuple {
    Obj ob;
    int64_t len;
    Value items[];
};

extern Type tuple_type;
extern Tuple tuple_empty;                       /* the immortal (); tuple_new(0) returns it */

static inline bool val_is_tuple(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &tuple_type; }
static inline Tuple *val_as_tuple(Value v) { return (Tuple *)val_as_obj(v); }

/* ---- building (each a new reference) ---- */

/* Items set to VAL_NONE: fill them by assignment, which hands the tuple the
 * reference (steals), before the tuple is shared. */
Tuple *tuple_new(int64_t len);
Tuple *tuple_from_array(const Value *items, int64_t n);  /* increfs the items */
Tuple *tuple_pack(int n, ...);                  /* n Values; increfs them */
/* The tuple (a, b), given the references to a and b.  Either may be VAL_ERROR (a failed
 * build): then the other is dropped and the result is VAL_ERROR. */
Value tuple_pair_steal(Value a, Value b);
Value tuple_concat(Tuple *a, Tuple *b);         /* a + b */
Value tuple_repeat(Tuple *t, int64_t n);        /* t * n; MemoryError when n * len overflows */

#endif
