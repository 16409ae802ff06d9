/* value.h — the 8-byte value every part of scr passes around (NaN-boxing).
 *
 * A Value is a uint64_t. A double is stored as itself (every NaN is folded to
 * one canonical quiet NaN). Everything else lives in the quiet-NaN space:
 *
 *   pointer  : 1111 1111 1111 11xx | 48-bit address     (sign bit set)
 *   int      : 0111 1111 1111 1101 | 48-bit two's complement payload
 *   special  : 0111 1111 1111 1110 | None / False / True / internal markers
 *
 * Pointers rely on user-space addresses fitting in 48 bits (x86-64, aarch64
 * with 48-bit VA): interp_init checks that at start-up in every build
 * (src/api/lifecycle.c), and val_from_obj() asserts it in builds with
 * assertions enabled.
 * Ints outside the inline range are heap objects of type int
 * (runtime/objects/int.h), so `is` and id() on numbers compare values, not
 * identities (docs/memory.md).
 *
 * Nothing here touches reference counts: boxing or unboxing a pointer neither
 * takes nor drops a reference (runtime/core/object.h has incref/decref).
 */
#ifndef SCR_VALUE_H
#define SCR_VALUE_H

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;
typedef struct Obj Obj;

/* ---- the encoding ---- */

#define VAL_QNAN      UINT64_C(0x7ffc000000000000)
#define VAL_SIGN      UINT64_C(0x8000000000000000)
#define VAL_TAG_MASK  UINT64_C(0xffff000000000000)
#define VAL_PAYLOAD   UINT64_C(0x0000ffffffffffff)

#define VAL_PTR_TAG   (VAL_SIGN | VAL_QNAN)                    /* 0xfffc... */
#define VAL_INT_TAG   UINT64_C(0x7ffd000000000000)
#define VAL_SPEC_TAG  UINT64_C(0x7ffe000000000000)
#define VAL_CANON_NAN UINT64_C(0x7ff8000000000000)

/* ---- specials ----
 * VAL_UNDEF marks an empty slot (unbound local, deleted dict entry,
 * exhausted iterator); VAL_ERROR is what a C function returns when it has set
 * an exception (runtime/core/error.h); VAL_NOTIMPL is returned by comparison
 * slots that do not handle the other operand. Scripts never see the last
 * three. */
#define VAL_NONE      (VAL_SPEC_TAG | 0)
#define VAL_FALSE     (VAL_SPEC_TAG | 2)
#define VAL_TRUE      (VAL_SPEC_TAG | 3)
#define VAL_UNDEF     (VAL_SPEC_TAG | 4)
#define VAL_ERROR     (VAL_SPEC_TAG | 5)
#define VAL_NOTIMPL   (VAL_SPEC_TAG | 6)

/* ---- tests ---- */

static inline bool val_is_obj(Value v)    { return (v & VAL_PTR_TAG) == VAL_PTR_TAG; }
static inline bool val_is_int(Value v)    { return (v & VAL_TAG_MASK) == VAL_INT_TAG; }
static inline bool val_is_float(Value v)  { return (v & VAL_QNAN) != VAL_QNAN; }
static inline bool val_is_bool(Value v)   { return (v | 1) == VAL_TRUE; }
static inline bool val_is_none(Value v)   { return v == VAL_NONE; }

/* ---- heap objects (borrowed: no reference is taken or dropped) ---- */

static inline Obj *val_as_obj(Value v)    { return (Obj *)(uintptr_t)(v & VAL_PAYLOAD); }
static inline Value val_from_obj(const void *o)
{
    assert(((uintptr_t)o & ~VAL_PAYLOAD) == 0 && "address above 48 bits");
    return VAL_PTR_TAG | (uint64_t)(uintptr_t)o;
}

/* ---- inline ints ---- */

#define INT_INLINE_MIN (-(INT64_C(1) << 47))
#define INT_INLINE_MAX ((INT64_C(1) << 47) - 1)

static inline int64_t val_as_int(Value v) { return ((int64_t)(v << 16)) >> 16; }
static inline bool int_fits_inline(int64_t i) { return i >= INT_INLINE_MIN && i <= INT_INLINE_MAX; }
/* Only for i in the inline range; int_from_i64() (runtime/objects/int.h) handles any int64. */
static inline Value val_from_int(int64_t i) { return VAL_INT_TAG | ((uint64_t)i & VAL_PAYLOAD); }

/* ---- floats and bools ---- */

static inline double val_as_float(Value v) { double d; memcpy(&d, &v, sizeof d); return d; }
static inline Value val_from_float(double d)
{
    Value v;
    memcpy(&v, &d, sizeof v);
    if ((v & UINT64_C(0x7ff0000000000000)) == UINT64_C(0x7ff0000000000000) && (v & UINT64_C(0x000fffffffffffff)))
        return VAL_CANON_NAN;      /* every NaN is the same value */
    return v;
}

static inline Value val_from_bool(bool b) { return b ? VAL_TRUE : VAL_FALSE; }

#endif
