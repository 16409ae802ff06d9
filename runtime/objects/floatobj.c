/* floatobj.c — the float type. Floats are unboxed doubles (value.h); this module
 * gives them CPython's repr (the shortest digits that read back as the same
 * double, laid out as float.__repr__ does), float() parsing with Python's
 * grammar (underscores, inf/nan spellings, no hex), a hash that agrees with
 * int's for integral values, and exact int/float comparison.
 */
#include "objects/floatobj.h"
#include "core/args.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "memory/mem.h"
#include "objects/attrcache.h"
#include "objects/subclass.h"
#include "objects/format.h"
#include "objects/function.h"

/* ---- repr ---- */

/* Shortest decimal digits of finite nonzero |d|: digits (no dot, no trailing
 * zeros) into dig, decimal exponent of the first digit into *exp10. */
static int shortest_digits(double d, char *dig, int *exp10)
{
    char tmp[40];
    int prec;
    /* Any decimal of <= 15 significant digits survives a round trip (DBL_DIG),
     * so for normal numbers the correctly rounded 15-digit form, trailing zeros
     * stripped, is the shortest whenever it round-trips; else 16, else 17. */
    if (fabs(d) >= DBL_MIN) {
        for (prec = 15; prec < 17; prec++) {
            snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
            if (strtod(tmp, NULL) == d) break;
        }
        if (prec == 17) snprintf(tmp, sizeof tmp, "%.16e", d);
    } else {                         /* subnormals have fewer digits of precision */
        for (prec = 1; prec < 17; prec++) {
            snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
            if (strtod(tmp, NULL) == d) break;
        }
        if (prec == 17) snprintf(tmp, sizeof tmp, "%.16e", d);
    }
    const char *p = tmp;
    if (*p == '-') p++;
    int n = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') dig[n++] = *p;
    *exp10 = atoi(p + 1);
    while (n > 1 && dig[n - 1] == '0') n--;
    dig[n] = 0;
    return n;
}

static const double pow10_table[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Fast path for the common short decimals (0.37, 2.5, 1234.5): the fewest
 * fractional digits k such that m / 10**k == d for an integer m < 10**15.
 * Both operands are exact doubles, so the IEEE division proves the round trip;
 * and below 10**15 adjacent k-digit decimals are several ulps apart, so the
 * candidate is unique and equals the shortest repr. Returns false when d needs
 * 16-17 digits or another layout; the general path handles those. */
static bool repr_short_decimal(double d, char *buf, size_t n)
{
    double a = fabs(d);
    if (!(a >= 1e-4 && a < 1e15)) return false;
    for (int k = 0; k < 23; k++) {
        double x = a * pow10_table[k];
        if (x >= 1e15) return false;
        double m = nearbyint(x);
        if (m / pow10_table[k] != a) continue;
        uint64_t u = (uint64_t)m;
        char digits[24], *p = digits + sizeof digits;
        *--p = 0;
        int nd = 0;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
            nd++;
        } while (u);
        char out[48], *o = out;
        if (d < 0) *o++ = '-';
        if (k == 0) {
            memcpy(o, p, nd);
            o += nd;
            *o++ = '.';
            *o++ = '0';
        } else if (nd > k) {
            memcpy(o, p, nd - k);
            o += nd - k;
            *o++ = '.';
            memcpy(o, p + nd - k, k);
            o += k;
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int i = nd; i < k; i++) *o++ = '0';
            memcpy(o, p, nd);
            o += nd;
        }
        *o = 0;
        snprintf(buf, n, "%s", out);
        return true;
    }
    return false;
}

void float_repr_buf(double d, char *buf, size_t n)
{
    if (repr_short_decimal(d, buf, n)) return;
    if (isnan(d)) {
        snprintf(buf, n, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, n, d > 0 ? "inf" : "-inf");
        return;
    }
    if (d == 0) {
        snprintf(buf, n, signbit(d) ? "-0.0" : "0.0");
        return;
    }
    char dig[24], out[48];
    int e;
    int nd = shortest_digits(d, dig, &e);
    char *o = out;
    if (d < 0) *o++ = '-';
    if (e >= -4 && e < 16) {         /* positional, as float.__repr__ */
        int decpt = e + 1;
        if (decpt <= 0) {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -decpt; i++) *o++ = '0';
            memcpy(o, dig, nd);
            o += nd;
        } else if (decpt >= nd) {
            memcpy(o, dig, nd);
            o += nd;
            for (int i = nd; i < decpt; i++) *o++ = '0';
            *o++ = '.';
            *o++ = '0';
        } else {
            memcpy(o, dig, decpt);
            o += decpt;
            *o++ = '.';
            memcpy(o, dig + decpt, nd - decpt);
            o += nd - decpt;
        }
        *o = 0;
    } else {
        *o++ = dig[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, dig + 1, nd - 1);
            o += nd - 1;
        }
        snprintf(o, out + sizeof out - o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    snprintf(buf, n, "%s", out);
}

Value float_repr_value(double d)
{
    char buf[48];
    float_repr_buf(d, buf, sizeof buf);
    Str *s = str_new(buf, (int64_t)strlen(buf));
    return s ? str_val(s) : VAL_ERROR;
}

/* ---- hash (CPython's _Py_HashDouble) ---- */

#define HASH_BITS 61
#define HASH_MODULUS ((UINT64_C(1) << HASH_BITS) - 1)

int64_t float_hash(double v)
{
    if (!isfinite(v)) {
        if (isinf(v)) return v > 0 ? 314159 : -314159;
        return 0;
    }
    /* integral values that fit an int64: exactly the int's hash */
    if (v >= -9223372036854775808.0 && v < 9223372036854775808.0 && v == trunc(v))
        return int_hash_i64((int64_t)v);
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;        /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* ---- parsing ---- */

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* digitpart: digit (["_"] digit)*, copied without underscores. */
static const char *scan_digits(const char *p, const char *end, char **out)
{
    if (p >= end || !is_digit(*p)) return NULL;
    for (;;) {
        *(*out)++ = *p++;
        if (p < end && *p == '_' && p + 1 < end && is_digit(p[1])) p++;
        if (p >= end || !is_digit(*p)) return p;
    }
}

static bool match_word(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(end - p) != n) return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != w[i]) return false;
    return true;
}

static Value bad_float(const char *s, int64_t len)
{
    Str *str = str_new(s, len);
    if (!str) return VAL_ERROR;
    Value r = obj_repr(str_val(str));
    obj_decref(str);
    if (r == VAL_ERROR) return VAL_ERROR;
    err_format(&exc_ValueError, "could not convert string to float: %s", val_as_str(r)->data);
    decref(r);
    return VAL_ERROR;
}

Value float_parse(const char *s, int64_t len)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) p++;
    while (end > p && is_space(end[-1])) end--;
    bool neg = false;
    const char *body = p;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (match_word(p, end, "inf") || match_word(p, end, "infinity"))
        return val_from_float(neg ? -INFINITY : INFINITY);
    if (match_word(p, end, "nan"))
        return val_from_float(NAN);

    char small[64];
    char *buf = small;
    if (end - body + 1 > (int64_t)sizeof small) {
        buf = mem_alloc((size_t)(end - body + 1));
        if (!buf) {
            err_no_memory();
            return VAL_ERROR;
        }
    }
    char *o = buf;
    if (neg) *o++ = '-';
    bool ok = false;
    const char *q = scan_digits(p, end, &o);
    if (q) p = q;
    if (p < end && *p == '.') {
        *o++ = *p++;
        const char *f = scan_digits(p, end, &o);
        if (f) p = f;
        ok = q || f;                    /* "5." and ".5", never "." */
    } else {
        ok = q != NULL;
    }
    if (ok && p < end && (*p == 'e' || *p == 'E')) {
        *o++ = *p++;
        if (p < end && (*p == '+' || *p == '-')) *o++ = *p++;
        const char *x = scan_digits(p, end, &o);
        if (x) p = x;
        else ok = false;
    }
    ok = ok && p == end;
    *o = 0;
    double d = ok ? strtod(buf, NULL) : 0.0;
    if (buf != small) mem_free(buf);
    if (!ok) return bad_float(s, len);
    return val_from_float(d);
}

/* ---- conversion and comparison ---- */

/* An instance of a class as a float (PyFloat_AsDouble): __float__, then
 * __index__. 1 with *out set, 0 when the class has neither, -1 on error. */
static int user_float(Value x, double *out)
{
    if (!type_is_heap(val_type(x))) return 0;
    Value d = class_lookup_cstr(val_type(x), "__float__");
    if (d != VAL_UNDEF) {
        incref(d);   /* the call may rebind the class attribute */
        Value r;
        if (val_type(d) == &function_type) {
            r = obj_call(d, &x, 1, NULL);
        } else {
            Value m = obj_getattr_cstr(x, "__float__");
            r = m == VAL_ERROR ? VAL_ERROR : obj_call(m, NULL, 0, NULL);
            xdecref(m);
        }
        decref(d);
        if (r == VAL_ERROR) return -1;
        if (!val_is_float(r)) {
            err_format(&exc_TypeError, "%s.__float__ returned non-float (type %s)", val_type_name(x),
                       val_type_name(r));
            decref(r);
            return -1;
        }
        *out = val_as_float(r);
        return 1;
    }
    if (!val_has_index(x)) return 0;
    Value i = int_index(x);
    if (i == VAL_ERROR) return -1;
    int rc = int_to_double(i, out);
    decref(i);
    return rc < 0 ? -1 : 1;
}

int val_to_double(Value v, double *out)
{
    if (val_is_float(v)) {
        *out = val_as_float(v);
        return 0;
    }
    if (val_is_intlike(v)) return int_to_double(v, out);
    int k = user_float(v, out);
    if (k) return k < 0 ? -1 : 0;
    err_format(&exc_TypeError, "must be real number, not %s", val_type_name(v));
    return -1;
}

int float_cmp_i64(double d, int64_t i)
{
    if (isnan(d)) return 2;
    if (d >= 9223372036854775808.0) return 1;
    if (d < -9223372036854775808.0) return -1;
    double t = trunc(d);
    int64_t di = (int64_t)t;
    if (di != i) return di < i ? -1 : 1;
    return d > t ? 1 : d < t ? -1 : 0;       /* the fraction decides */
}

static Value float_compare(Value a, Value b, int op)
{
    double x = val_as_float(a);
    int c;
    if (val_is_float(b)) {
        double y = val_as_float(b);
        c = x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    } else if (val_is_intlike(b)) {
        c = int_cmp_double(b, x);          /* exact, for ints of any size */
        if (c != 2) c = -c;
    } else {
        return VAL_NOTIMPL;
    }
    if (c == 2) return val_from_bool(op == CMP_NE);
    return val_from_bool(cmp_holds(op, c));
}

/* ---- type slots ---- */

static Value float_repr_slot(Value v) { return float_repr_value(val_as_float(v)); }

static int float_hash_slot(Value v, int64_t *out)
{
    *out = float_hash(val_as_float(v));
    return 0;
}

static int float_truth(Value v) { return val_as_float(v) != 0.0; }

static Value float_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_range(NULL, "float", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (nargs == 0) return val_from_float(0.0);
    Value x = args[0];
    if (val_is_float(x)) return x;
    if (val_is_intlike(x)) {
        double d;
        if (int_to_double(x, &d) < 0) return VAL_ERROR;
        return val_from_float(d);
    }
    if (val_is_str(x)) return float_parse(val_as_str(x)->data, val_as_str(x)->len);
    Str *xs = val_str_or_sub(x);
    if (xs) return float_parse(xs->data, xs->len);
    double d;
    int k = user_float(x, &d);
    if (k) return k < 0 ? VAL_ERROR : val_from_float(d);
    err_format(&exc_TypeError, "float() argument must be a string or a real number, not '%s'",
               val_type_name(x));
    return VAL_ERROR;
}

static Value float_is_integer(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("float", "is_integer", nargs - 1, kwnames) < 0) return VAL_ERROR;
    double d = val_as_float(args[0]);
    return val_from_bool(isfinite(d) && d == floor(d));
}

static const MethodDef float_methods[] = {
    { "is_integer", float_is_integer },
    { "__format__", format_dunder },
    { NULL, NULL },
};

Type float_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "float",
    .size = 24,                  /* sys.getsizeof(1.0) in CPython */
    .flags = TYPE_BASETYPE,
    .repr = float_repr_slot,
    .hash = float_hash_slot,
    .compare = float_compare,
    .truth = float_truth,
    .new = float_new,
    .methods = float_methods,
};
