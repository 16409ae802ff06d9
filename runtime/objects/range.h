/* range.h — range objects and their iterator, and slice objects with the
 * index arithmetic sequences use to resolve them.
 *
 * Errors: VAL_ERROR / -1 with the exception set. */
#ifndef SCR_RANGE_H
#define SCR_RANGE_H

#include "core/object.h"

/* ---- ranges ---- */

typedef struct Range { Obj ob; int64_t start, stop, step, len; } Range;

extern Type range_type;

Value range_new(int64_t start, int64_t stop, int64_t step);  /* new ref; ValueError if step == 0 */

/* The iterator of a range: yields next, next+step, ... `remaining` times.
 * The VM steps it inline in FOR_ITER. */
typedef struct RangeIter { Obj ob; int64_t next, step, remaining; } RangeIter;
extern Type range_iter_type;
Value range_reversed(Range *r);                               /* reversed(r): a new RangeIter */

/* ---- slices ---- */

typedef struct Slice { Obj ob; Value start, stop, step; } Slice;   /* owned members */

extern Type slice_type;

Value slice_new(Value start, Value stop, Value step);         /* new ref; increfs the three */
/* Resolve a slice against a sequence of length len (CPython's
 * PySlice_GetIndicesEx): 0, or -1 with TypeError for a non-index member or
 * ValueError for a zero step. */
int   slice_indices(Slice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen);
/* The start or stop argument v of seq.index() against a sequence of length
 * len (CPython's _PyEval_SliceIndexNotNone): negative counts from the end,
 * clamped at 0; a large value is left for the caller to clamp. 0, or -1 with
 * TypeError for a non-index or the error of __index__. */
int   slice_bound_index(Value v, int64_t len, int64_t *out);

#endif
