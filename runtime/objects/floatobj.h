/* floatobj.h — Python floats: unboxed doubles (core/value.h), so this is the
 * type object and the conversions: repr as the shortest string that
 * round-trips, parsing, hashing equal to an equal int's, and exact
 * comparison with ints.
 *
 * Errors: VAL_ERROR / -1 with the exception set. */
#ifndef SCR_FLOATOBJ_H
#define SCR_FLOATOBJ_H

#include "core/object.h"

extern Type float_type;

/* ---- text ---- */

Value float_repr_value(double d);               /* new Str: repr(d) as CPython prints it */
void  float_repr_buf(double d, char *buf, size_t n);  /* same text into buf (n >= 32) */
Value float_parse(const char *s, int64_t len);  /* float("..."): new ref; ValueError on bad text */

/* ---- numbers ---- */

int64_t float_hash(double d);
/* int, float or an object with __float__ -> *out; -1 with TypeError "must
 * be real number, not str" otherwise, OverflowError for an int too large. */
int   val_to_double(Value v, double *out);
/* Exact comparison of a double with an int64 (no rounding of i): -1, 0 or 1
 * as d <, ==, > i; 2 when d is NaN. Never fails. */
int   float_cmp_i64(double d, int64_t i);

#endif
