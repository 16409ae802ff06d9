/* int.h — Python ints. Values in the 48-bit inline range are unboxed (value.h);
 * the rest of the int64 range are heap objects; results beyond 64 bits raise
 * OverflowError until bigints arrive. bool is a subtype of int.
 */
#ifndef SCR_INT_H
#define SCR_INT_H

#include "object.h"

typedef struct HeapInt { Obj ob; int64_t v; } HeapInt;

extern Type int_type, bool_type, none_type;

Value int_from_i64(int64_t i);                  /* inline or heap; never fails but for MemoryError */
bool  val_is_intlike(Value v);                  /* int (inline or heap) or bool */
int64_t val_to_i64(Value v);                    /* for intlike values only */
/* Accepts ints and bools; otherwise TypeError "'float' object cannot be interpreted as an integer". */
int   val_index(Value v, int64_t *out);
Value int_parse(const char *s, int64_t len, int base);  /* int("..."), ValueError on bad text */
Value int_repr(Value v);
int64_t int_hash_i64(int64_t i);                /* Python's hash of an int */

#endif
