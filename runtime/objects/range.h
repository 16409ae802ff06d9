/* range.h — range objects and their iterator; slices. */
#ifndef SCR_RANGE_H
#define SCR_RANGE_H

#include "core/object.h"

typedef struct Range { Obj ob; int64_t start, stop, step, len; } Range;
typedef struct Slice { Obj ob; Value start, stop, step; } Slice;

extern Type range_type, slice_type;

Value range_new(int64_t start, int64_t stop, int64_t step);  /* ValueError if step == 0 */
Value slice_new(Value start, Value stop, Value step);         /* increfs */
/* Resolve a slice against a sequence of length len (CPython's PySlice_GetIndicesEx). */
int   slice_indices(Slice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen);

/* The iterator of a range: yields next, next+step, ... `remaining` times. The VM
 * may step it inline in FOR_ITER. */
typedef struct RangeIter { Obj ob; int64_t next, step, remaining; } RangeIter;
extern Type range_iter_type;
Value range_reversed(Range *r);                               /* reversed(r): a RangeIter */

#endif
