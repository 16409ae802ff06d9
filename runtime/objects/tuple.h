/* tuple.h — immutable sequences; also the argument tuples of calls and the
 * keyword-name tuples of the calling convention. */
#ifndef SCR_TUPLE_H
#define SCR_TUPLE_H

#include "core/object.h"

struct Tuple {
    Obj ob;
    int64_t len;
    Value items[];
};

extern Type tuple_type;

Tuple *tuple_new(int64_t len);                  /* items set to VAL_NONE; fill them (steal) */
Tuple *tuple_from_array(const Value *items, int64_t n);  /* increfs the items */
Tuple *tuple_pack(int n, ...);                  /* increfs */
extern Tuple tuple_empty;                       /* the immortal () */

static inline bool val_is_tuple(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &tuple_type; }
static inline Tuple *val_as_tuple(Value v) { return (Tuple *)val_as_obj(v); }

Value tuple_concat(Tuple *a, Tuple *b);
Value tuple_repeat(Tuple *t, int64_t n);

#endif
