/* int.h — Python ints, of any size, and bool and None. Values in the 48-bit
 * inline range are unboxed (core/value.h); the rest of the int64 range are
 * HeapInt objects; wider ints (and INT64_MIN) are BigInt objects holding a
 * GMP integer (bigint.h). All three are of type int; results always take the
 * smallest representation. bool is a subtype of int.
 *
 * Values returned are new references; errors are VAL_ERROR / -1 with the
 * exception set (MemoryError unless stated). Arguments named a, b, v are
 * intlike (int or bool) unless stated. */
#ifndef SCR_INT_H
#define SCR_INT_H

#include "core/object.h"

/* ---- the types ---- */

typedef struct HeapInt { Obj ob; int64_t v; } HeapInt;

extern Type int_type, bool_type, none_type;

bool  val_is_intlike(Value v);                  /* int (any representation) or bool */
bool  int_is_big(Value v);                      /* a BigInt: outside (INT64_MIN, INT64_MAX] */

/* ---- conversions ---- */

Value int_from_i64(int64_t i);                  /* inline or heap; fails only with MemoryError */
Value int_from_double(double d);                /* int(d): exact; ValueError/OverflowError for nan/inf */
/* A BigInt saturates to INT64_MAX / INT64_MIN: callers that need the exact
 * value check int_is_big() or use int_to_i64(). Never fails. */
int64_t val_to_i64(Value v);
int   int_to_i64(Value v, int64_t *out);        /* OverflowError "Python int too large to convert to C long" */
/* Correctly rounded (half to even); OverflowError "int too large to convert to float". */
int   int_to_double(Value v, double *out);
/* v any value: ints and bools into *out; otherwise TypeError "'float' object
 * cannot be interpreted as an integer"; ints beyond int64: OverflowError
 * "cannot fit 'int' into an index-sized integer". */
int   val_index(Value v, int64_t *out);

/* ---- the __index__ protocol (v any value) ---- */

bool  val_has_index(Value v);                   /* an instance of a class defining __index__ */
Value int_index(Value v);                       /* operator.index(v); TypeError for a non-index */
/* A subscript key as an index: 1 with *out set for ints and __index__ objects,
 * 0 (no exception) for other keys, -1 with IndexError "cannot fit 'X' into an
 * index-sized integer" or the __index__ error. */
int   int_subscript_index(Value key, int64_t *out);

/* ---- text ---- */

#define INT_MAX_STR_DIGITS 4300                 /* CPython's default int <-> decimal str limit */

Value int_parse(const char *s, int64_t len, int base);  /* int("..."), ValueError on bad text */
Value int_repr(Value v);
Value int_to_base_str(Value v, int base, const char *prefix);  /* hex(), oct(), bin() text */
/* Digits of |v| in base 2..36 (lower case unless upper) as a NUL-terminated
 * mem_alloc'd string the caller frees; *len gets its length. NULL with
 * MemoryError; decimal conversion of more than INT_MAX_STR_DIGITS digits
 * raises ValueError. */
char *bigint_abs_digits(Value v, int base, bool upper, int64_t *len);
/* digits: validated digits of `base` without sign, prefix or underscores. */
Value bigint_parse_digits(const char *digits, bool neg, int base);

/* ---- comparison and hashing (never fail) ---- */

int     int_sign(Value v);                      /* -1, 0 or 1 */
int     int_cmp(Value a, Value b);              /* -1, 0 or 1 */
int     int_cmp_double(Value a, double d);      /* exact: -1, 0, 1 as a <, ==, > d; 2 if d is NaN */
int64_t int_hash_i64(int64_t i);                /* Python's hash of an int */
int64_t int_hash_value(Value v);                /* hash(v), equal to the hash of an equal float */

/* ---- arithmetic ---- */

Value   int_binary(int op, Value a, Value b);   /* any BinOp on two ints (bools included) */
Value   int_unary(int op, Value a);             /* UOP_NEG, UOP_POS (int(v)), UOP_INVERT */
Value   int_abs(Value v);
Value   int_divmod(Value a, Value b);           /* (a // b, a % b) */
Value   int_pow3(Value b, Value e, Value m);    /* pow(b, e, m), negative e by modular inverse */
Value   int_round(Value v, int64_t ndigits);    /* round(v, ndigits) */
int64_t int_bit_length(Value v);                /* never fails */
int64_t int_bit_count(Value v);                 /* never fails */
Value   val_abs_special(Value v);               /* abs() of a non-number: __abs__ or TypeError */

#endif
