/* int.c — the int, bool and NoneType types.
 *
 * Ints in the 48-bit inline range are unboxed (value.h); the rest of the int64
 * range live in HeapInt objects, and anything wider in BigInt objects whose
 * arithmetic is in runtime/objects/bigint.c. Also here: int() / bool() construction,
 * parsing int literals with a base, repr and Python's int hash (reduction
 * modulo 2**61 - 1, so that equal ints and floats hash alike).
 */
#include "objects/int.h"
#include "core/args.h"

#include <math.h>
#include <string.h>

#include "core/error.h"
#include "objects/str.h"
#include "objects/floatobj.h"
#include "objects/tuple.h"
#include "memory/mem.h"
#include "objects/bigint.h"
#include "objects/operators.h"
#include "objects/attrcache.h"
#include "objects/subclass.h"
#include "objects/format.h"
#include "objects/function.h"

/* ---- construction and access ---- */

Value int_from_i64(int64_t i)
{
    if (int_fits_inline(i)) return val_from_int(i);
    if (i == INT_BIG_MARK) return bigint_from_i64(i);
    HeapInt *h = obj_alloc(&int_type, sizeof(HeapInt));
    if (!h) return VAL_ERROR;
    h->v = i;
    return val_from_obj(h);
}

bool val_is_intlike(Value v)
{
    return val_is_int(v) || val_is_bool(v) ||
           (val_is_obj(v) && val_as_obj(v)->type == &int_type);
}

int64_t val_to_i64(Value v)
{
    if (val_is_int(v)) return val_as_int(v);
    if (val_is_bool(v)) return v == VAL_TRUE;
    int64_t i = ((HeapInt *)val_as_obj(v))->v;
    if (i == INT_BIG_MARK && mpz_sgn(((BigInt *)val_as_obj(v))->z) > 0) return INT64_MAX;
    return i;                   /* a negative BigInt saturates to INT_BIG_MARK itself */
}

/* A user class's special method called on v (CPython looks dunders up on the
 * type, never the instance): plain functions get v as their first argument,
 * anything else goes through attribute access. */
static Value call_special(Value v, Value d, const char *name)
{
    if (val_type(d) == &function_type) {
        incref(d);   /* the call may rebind the class attribute */
        Value r = obj_call(d, &v, 1, NULL);
        decref(d);
        return r;
    }
    Value m = obj_getattr_cstr(v, name);
    if (m == VAL_ERROR) return VAL_ERROR;
    Value r = obj_call(m, NULL, 0, NULL);
    decref(m);
    return r;
}

bool val_has_index(Value v)
{
    Type *t = val_type(v);
    return type_is_heap(t) && class_lookup_cstr(t, "__index__") != VAL_UNDEF;
}

/* An int subclass instance counts as its value (CPython's PyLong_Check
 * paths ignore an overriding __index__). */
static inline Value unbox_int(Value v)
{
    if (val_is_boxed(v) && val_is_intlike(val_unbox(v))) return val_unbox(v);
    return v;
}

Value int_index(Value v)
{
    v = unbox_int(v);
    if (val_is_intlike(v)) { incref(v); return v; }
    Type *t = val_type(v);
    Value d = type_is_heap(t) ? class_lookup_cstr(t, "__index__") : VAL_UNDEF;
    if (d == VAL_UNDEF) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", t->name);
        return VAL_ERROR;
    }
    Value r = call_special(v, d, "__index__");
    if (r != VAL_ERROR && unbox_int(r) != r) {      /* an int subclass instance: its value */
        Value u = unbox_int(r);
        incref(u);
        decref(r);
        r = u;
    }
    if (r != VAL_ERROR && !val_is_intlike(r)) {
        err_format(&exc_TypeError, "__index__ returned non-int (type %s)", val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

int int_subscript_index(Value key, int64_t *out)
{
    key = unbox_int(key);
    Value k = key;
    if (!val_is_intlike(key)) {
        if (!val_has_index(key)) return 0;
        k = int_index(key);
        if (k == VAL_ERROR) return -1;
    }
    int rc = 1;
    if (int_is_big(k)) {
        err_format(&exc_IndexError, "cannot fit '%s' into an index-sized integer", val_type_name(key));
        rc = -1;
    } else {
        *out = val_to_i64(k);
    }
    if (k != key) decref(k);
    return rc;
}

Value val_abs_special(Value v)
{
    Type *t = val_type(v);
    Value d = type_is_heap(t) ? class_lookup_cstr(t, "__abs__") : VAL_UNDEF;
    if (d == VAL_UNDEF) {
        err_format(&exc_TypeError, "bad operand type for abs(): '%s'", t->name);
        return VAL_ERROR;
    }
    return call_special(v, d, "__abs__");
}

int val_index(Value v, int64_t *out)
{
    if (val_is_int(v)) {
        *out = val_as_int(v);
        return 0;
    }
    v = unbox_int(v);
    if (!val_is_intlike(v) && val_has_index(v)) {
        Value k = int_index(v);
        if (k == VAL_ERROR) return -1;
        int rc = val_index(k, out);
        decref(k);
        return rc;
    }
    if (val_is_intlike(v)) {
        if (bigint_check(v) && !mpz_fits_slong_p(bigint_of(v)->z)) {
            err_set(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        *out = bigint_check(v) ? mpz_get_si(bigint_of(v)->z) : val_to_i64(v);
        return 0;
    }
    err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(v));
    return -1;
}

/* ---- repr and hash ---- */

/* Decimal digits of i into the end of buf[32]; returns the start. */
static char *i64_to_dec(int64_t i, char *end)
{
    uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (i < 0) *--p = '-';
    return p;
}

Value int_repr(Value v)
{
    if (bigint_check(v)) {
        int64_t n;
        char *d = bigint_abs_digits(v, 10, false, &n);
        if (!d) return VAL_ERROR;
        Str *s;
        if (mpz_sgn(bigint_of(v)->z) < 0) {
            char *m = mem_realloc(d, (size_t)n + 2);
            if (!m) {
                mem_free(d);
                err_no_memory();
                return VAL_ERROR;
            }
            d = m;
            memmove(d + 1, d, (size_t)n + 1);
            d[0] = '-';
            n++;
        }
        s = str_new(d, n);
        mem_free(d);
        return s ? str_val(s) : VAL_ERROR;
    }
    char buf[32];
    char *end = buf + sizeof buf;
    char *p = i64_to_dec(val_to_i64(v), end);
    Str *s = str_new(p, end - p);
    return s ? str_val(s) : VAL_ERROR;
}

#define HASH_MODULUS ((UINT64_C(1) << 61) - 1)

int64_t int_hash_i64(int64_t i)
{
    uint64_t a = i < 0 ? -(uint64_t)i : (uint64_t)i;
    if (a >= HASH_MODULUS) a %= HASH_MODULUS;
    int64_t h = i < 0 ? -(int64_t)a : (int64_t)a;
    return h == -1 ? -2 : h;
}

static int int_hash(Value v, int64_t *out)
{
    *out = int_hash_value(v);
    return 0;
}

/* ---- parsing ---- */

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* ValueError "invalid literal for int() with base 10: 'x'": the repr of the
 * whole argument, cut at 200 characters as CPython's %.200R does. */
static Value bad_literal(const char *s, int64_t len, int base)
{
    Str *str = str_new(s, len);
    if (!str) return VAL_ERROR;
    Value r = obj_repr(str_val(str));
    obj_decref(str);
    if (r == VAL_ERROR) return VAL_ERROR;
    Str *rs = val_as_str(r);
    int64_t n = 0, chars = 0;
    while (n < rs->len && chars < 200) {        /* 200 code points of UTF-8 */
        n++;
        while (n < rs->len && (rs->data[n] & 0xc0) == 0x80) n++;
        chars++;
    }
    err_format(&exc_ValueError, "invalid literal for int() with base %d: %.*s", base, (int)n, rs->data);
    decref(r);
    return VAL_ERROR;
}

/* CPython limits decimal (non power of two base) conversions to 4300 digits,
 * against quadratic-time denial of service. */
static bool too_many_digits(int base, int64_t ndigits)
{
    return (base & (base - 1)) != 0 && ndigits > INT_MAX_STR_DIGITS;
}

static Value digit_limit(int64_t ndigits)
{
    err_format(&exc_ValueError,
               "Exceeds the limit (%d digits) for integer string conversion: value has %lld digits; "
               "use sys.set_int_max_str_digits() to increase the limit",
               INT_MAX_STR_DIGITS, (long long)ndigits);
    return VAL_ERROR;
}

Value int_parse(const char *s, int64_t len, int base)
{
    if (base != 0 && (base < 2 || base > 36)) {
        err_set(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return VAL_ERROR;
    }
    const char *p = s, *end = s + len;
    int orig_base = base;
    while (p < end && is_space(*p)) p++;
    while (end > p && is_space(end[-1])) end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    bool prefixed = false;
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = true;
        }
    }
    bool zero_lead = false;
    if (base == 0) {
        base = 10;
        zero_lead = p < end && *p == '0';     /* "010" is not a literal: only zeros may follow */
    }
    /* digits, single underscores between them (one may follow a prefix) */
    if (prefixed && p < end && *p == '_') p++;
    if (p >= end) return bad_literal(s, len, orig_base);
    const char *start = p;
    uint64_t acc = 0;
    bool overflow = false;
    int64_t ndigits = 0;
    uint64_t limit = neg ? (UINT64_C(1) << 63) : (uint64_t)INT64_MAX;
    for (;;) {
        int d = digit_value(*p);
        if (d >= base || (zero_lead && d != 0)) {
            if (too_many_digits(base, ndigits)) return digit_limit(ndigits);
            return bad_literal(s, len, orig_base);
        }
        ndigits++;
        if (!overflow) {
            if (acc > (limit - (uint64_t)d) / (uint64_t)base) overflow = true;
            else acc = acc * (uint64_t)base + (uint64_t)d;
        }
        p++;
        if (p == end) break;
        if (*p == '_') {
            p++;
            if (p == end) return bad_literal(s, len, orig_base);
        }
    }
    if (too_many_digits(base, ndigits)) return digit_limit(ndigits);
    if (overflow) {
        char *buf = mem_alloc((size_t)ndigits + 1), *o = buf;
        if (!buf) {
            err_no_memory();
            return VAL_ERROR;
        }
        for (const char *q = start; q < end; q++)
            if (*q != '_') *o++ = *q;
        *o = 0;
        Value r = bigint_parse_digits(buf, neg, base);
        mem_free(buf);
        return r;
    }
    int64_t v = neg ? (int64_t)(0 - acc) : (int64_t)acc;
    return int_from_i64(v);
}

/* ---- type slots ---- */

static Value int_repr_slot(Value v) { return int_repr(v); }

static Value int_compare(Value a, Value b, int op)
{
    int c;
    if (val_is_intlike(b)) {
        c = int_cmp(a, b);
    } else if (val_is_float(b)) {
        c = int_cmp_double(a, val_as_float(b));
    } else {
        return VAL_NOTIMPL;
    }
    if (c == 2) return val_from_bool(op == CMP_NE);
    return val_from_bool(cmp_holds(op, c));
}

static int int_truth(Value v) { return val_to_i64(v) != 0; }

/* int(x=0), int(x, base=10) */
static Value int_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    static const char *const names[] = { "/x", "base", NULL };
    Value a[2];
    if (args_bind("int", args, nargs, kwnames, names, 2, 0, a) < 0) return VAL_ERROR;
    Value x = a[0], basev = a[1];
    if (basev != VAL_UNDEF) {
        if (x == VAL_UNDEF) {
            err_set(&exc_TypeError, "int() missing string argument");
            return VAL_ERROR;
        }
        int64_t base;
        if (val_index(basev, &base) < 0) return VAL_ERROR;
        if (val_str_or_sub(x)) x = val_unbox(x);
        if (!val_is_str(x)) {
            err_set(&exc_TypeError, "int() can't convert non-string with explicit base");
            return VAL_ERROR;
        }
        if (base != 0 && (base < 2 || base > 36)) {
            err_set(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return VAL_ERROR;
        }
        return int_parse(val_as_str(x)->data, val_as_str(x)->len, (int)base);
    }
    if (x == VAL_UNDEF) return val_from_int(0);
    if (val_is_int(x)) return x;
    if (val_is_float(x)) {
        return int_from_double(val_as_float(x));
    }
    if (val_is_intlike(x)) {
        if (val_is_bool(x)) return val_from_int(x == VAL_TRUE);
        incref(x);
        return x;
    }
    if (val_is_str(x)) return int_parse(val_as_str(x)->data, val_as_str(x)->len, 10);
    Str *xs = val_str_or_sub(x);
    if (xs) return int_parse(xs->data, xs->len, 10);
    if (type_is_heap(val_type(x))) {     /* int(obj): __int__, then __index__ */
        Value d = class_lookup_cstr(val_type(x), "__int__");
        if (d != VAL_UNDEF) {
            Value r = call_special(x, d, "__int__");
            if (r != VAL_ERROR && !val_is_intlike(r)) {
                err_format(&exc_TypeError, "__int__ returned non-int (type %s)", val_type_name(r));
                decref(r);
                return VAL_ERROR;
            }
            if (val_is_bool(r)) r = val_from_int(r == VAL_TRUE);
            return r;
        }
        if (val_has_index(x)) {
            Value r = int_index(x);
            if (val_is_bool(r)) r = val_from_int(r == VAL_TRUE);
            return r;
        }
    }
    err_format(&exc_TypeError,
               "int() argument must be a string, a bytes-like object or a real number, not '%s'",
               val_type_name(x));
    return VAL_ERROR;
}

static Value m_bit_length(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("int", "bit_length", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return int_from_i64(int_bit_length(args[0]));
}

static Value m_bit_count(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("int", "bit_count", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return int_from_i64(int_bit_count(args[0]));
}

static Value int_conjugate(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("int", "conjugate", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return int_unary(UOP_POS, args[0]);
}

static const MethodDef int_methods[] = {
    { "bit_length", m_bit_length },
    { "bit_count", m_bit_count },
    { "conjugate", int_conjugate },
    { "__format__", format_dunder },
    { NULL, NULL },
};

static void int_dealloc(Obj *o)
{
    if (((HeapInt *)o)->v == INT_BIG_MARK) mpz_clear(((BigInt *)o)->z);
    obj_free(o);
}

Type int_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "int",
    .size = sizeof(HeapInt),
    .flags = TYPE_BASETYPE,
    .dealloc = int_dealloc,
    .repr = int_repr_slot,
    .hash = int_hash,
    .compare = int_compare,
    .truth = int_truth,
    .new = int_new,
    .methods = int_methods,
};

/* ---- bool ---- */

static Value bool_repr(Value v)
{
    Str *s = str_intern_cstr(v == VAL_TRUE ? "True" : "False");
    return s ? str_val(s) : VAL_ERROR;
}

static Value bool_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_range(NULL, "bool", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (nargs == 0) return VAL_FALSE;
    int r = obj_truth(args[0]);
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

Type bool_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "bool",
    .base = &int_type,
    .size = sizeof(HeapInt),
    .repr = bool_repr,
    .hash = int_hash,
    .compare = int_compare,
    .truth = int_truth,
    .new = bool_new,
};

/* ---- None ---- */

static Value none_repr(Value v)
{
    (void)v;
    Str *s = str_intern_cstr("None");
    return s ? str_val(s) : VAL_ERROR;
}

static int none_hash(Value v, int64_t *out)
{
    (void)v;
    *out = 0x7fb7a2c4e1d;        /* CPython hashes None by address: any constant will do */
    return 0;
}

static int none_truth(Value v) { (void)v; return 0; }

static Value none_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t; (void)args;
    if (args_type_none("NoneType", nargs, kwnames) < 0) return VAL_ERROR;
    return VAL_NONE;
}

Type none_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "NoneType",
    .size = sizeof(Obj),
    .repr = none_repr,
    .hash = none_hash,
    .truth = none_truth,
    .new = none_new,
};
