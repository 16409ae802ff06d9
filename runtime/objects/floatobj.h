/* floatobj.h — Python floats: unboxed doubles (value.h); the type object, repr as
 * the shortest string that round-trips, and hashing compatible with ints.
 */
#ifndef SCR_FLOATOBJ_H
#define SCR_FLOATOBJ_H

#include "core/object.h"

extern Type float_type;

Value float_repr_value(double d);               /* new Str: repr(d) as CPython prints it */
void  float_repr_buf(double d, char *buf, size_t n);  /* same text into buf (n >= 32) */
int64_t float_hash(double d);
Value float_parse(const char *s, int64_t len);  /* float("..."), ValueError on bad text */
/* int or float -> double; TypeError "must be real number, not str" otherwise. */
int   val_to_double(Value v, double *out);
/* Exact comparison of a double with an int64 (no rounding of i): -1, 0 or 1
 * as d <, ==, > i; 2 when d is NaN. */
int   float_cmp_i64(double d, int64_t i);

#endif
