/* bigint.h — ints beyond int64: heap int objects holding a GMP mpz_t.
 *
 * An int has three representations, all of type int: unboxed (48-bit inline,
 * value.h), HeapInt (the rest of int64) and BigInt (everything else, and
 * INT64_MIN). Every operation normalises its result to the smallest one, so
 * a BigInt never holds a value in (INT64_MIN, INT64_MAX]. A BigInt starts
 * with a HeapInt header whose v is INT_BIG_MARK (INT64_MIN), which is how the
 * two heap forms are told apart; val_to_i64() on a BigInt saturates.
 *
 * Only the numeric modules include this header (it pulls in gmp.h); the rest
 * of scr uses the gmp-free functions of int.h.
 */
#ifndef SCR_BIGINT_H
#define SCR_BIGINT_H

#include <gmp.h>
#include "objects/int.h"

#define INT_BIG_MARK INT64_MIN

typedef struct BigInt { Obj ob; int64_t v; mpz_t z; } BigInt;

static inline bool bigint_check(Value v)
{
    return val_is_obj(v) && val_as_obj(v)->type == &int_type &&
           ((HeapInt *)val_as_obj(v))->v == INT_BIG_MARK;
}
static inline BigInt *bigint_of(Value v) { return (BigInt *)val_as_obj(v); }

/* mpz_init_set of any intlike value (bool included). */
void  bigint_get(Value v, mpz_t out);
/* The int equal to z, in its smallest representation. Takes z over: the
 * caller must not clear or use it afterwards (even on VAL_ERROR). */
Value bigint_take(mpz_t z);
Value bigint_from_i64(int64_t i);   /* a BigInt, for INT64_MIN */

/* 0 when a result of about `bits` bits can be allocated, else -1 with
 * MemoryError (GMP aborts on allocation failure, so sizes are checked first). */
int   bigint_check_bits(double bits);

#endif
