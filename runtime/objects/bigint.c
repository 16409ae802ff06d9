/* bigint.c — int arithmetic of any size through GMP.
 *
 * The operators call in here only when an operand is a BigInt or an int64
 * fast path overflowed, so the inline and int64 paths stay as they were.
 * Every result is normalised back to the smallest representation
 * (bigint_take). GMP allocates through mem.h so the heap counts stay exact;
 * as GMP aborts when an allocation fails, operations whose result could be
 * huge (*, **, <<, 10**n) check the size first and raise MemoryError.
 * Semantics are CPython's: floor division and modulo, two's-complement
 * bitwise operations on negatives, correctly rounded int -> float and true
 * division, the hash modulo 2**61 - 1.
 */
#include "objects/bigint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "memory/mem.h"
#include "objects/operators.h"
#include "objects/floatobj.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* ---- GMP's memory through mem.h ---- */

static void *gmp_alloc(size_t n)
{
    void *p = mem_alloc(n);
    if (!p) {
        /* sizes are checked before GMP runs; GMP cannot report a failure */
        fputs("scr: out of memory inside GMP\n", stderr);
        abort();
    }
    return p;
}

static void *gmp_realloc(void *p, size_t old, size_t n)
{
    (void)old;
    void *q = mem_realloc(p, n);
    if (!q) {
        fputs("scr: out of memory inside GMP\n", stderr);
        abort();
    }
    return q;
}

static void gmp_free(void *p, size_t n)
{
    (void)n;
    mem_free(p);
}

__attribute__((constructor)) static void bigint_setup(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

/* ---- representations ---- */

/* GMP counts limbs in an int; stay well below, and below what a machine has. */
#define MAX_BITS ((double)(UINT64_C(1) << 36))
#define PROBE_BITS 8e6

int bigint_check_bits(double bits)
{
    if (!(bits <= MAX_BITS)) {
        err_no_memory();
        return -1;
    }
    if (bits > PROBE_BITS) {
        /* will the memory (result plus GMP's temporaries) be there? */
        void *p = mem_alloc((size_t)(bits / 8) * 2 + 64);
        if (!p) {
            err_no_memory();
            return -1;
        }
        mem_free(p);
    }
    return 0;
}

void bigint_get(Value v, mpz_t out)
{
    if (bigint_check(v)) mpz_init_set(out, bigint_of(v)->z);
    else mpz_init_set_si(out, (long)val_to_i64(v));
}

Value bigint_from_i64(int64_t i)
{
    BigInt *b = obj_alloc(&int_type, sizeof(BigInt));
    if (!b) return VAL_ERROR;
    b->v = INT_BIG_MARK;
    mpz_init_set_si(b->z, (long)i);
    return val_from_obj(b);
}

Value bigint_take(mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long i = mpz_get_si(z);
        if (i != INT64_MIN) {
            mpz_clear(z);
            return int_from_i64(i);
        }
    }
    BigInt *b = obj_alloc(&int_type, sizeof(BigInt));
    if (!b) {
        mpz_clear(z);
        return VAL_ERROR;
    }
    b->v = INT_BIG_MARK;
    memcpy(b->z, z, sizeof(mpz_t));     /* the limbs move into the object */
    return val_from_obj(b);
}

bool int_is_big(Value v) { return bigint_check(v); }

int int_sign(Value v)
{
    if (bigint_check(v)) return mpz_sgn(bigint_of(v)->z);
    int64_t i = val_to_i64(v);
    return (i > 0) - (i < 0);
}

int int_to_i64(Value v, int64_t *out)
{
    if (bigint_check(v)) {
        if (!mpz_fits_slong_p(bigint_of(v)->z)) {
            err_set(&exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        *out = mpz_get_si(bigint_of(v)->z);
        return 0;
    }
    *out = val_to_i64(v);
    return 0;
}

int int_cmp(Value a, Value b)
{
    bool ba = bigint_check(a), bb = bigint_check(b);
    int c;
    if (ba && bb) c = mpz_cmp(bigint_of(a)->z, bigint_of(b)->z);
    else if (ba) c = mpz_cmp_si(bigint_of(a)->z, (long)val_to_i64(b));
    else if (bb) c = -mpz_cmp_si(bigint_of(b)->z, (long)val_to_i64(a));
    else {
        int64_t x = val_to_i64(a), y = val_to_i64(b);
        return (x > y) - (x < y);
    }
    return (c > 0) - (c < 0);
}

int int_cmp_double(Value a, double d)
{
    if (isnan(d)) return 2;
    if (!bigint_check(a)) {
        int c = float_cmp_i64(d, val_to_i64(a));
        return -c;
    }
    int c = mpz_cmp_d(bigint_of(a)->z, d);      /* exact, infinities included */
    return (c > 0) - (c < 0);
}

/* ---- int <-> float ---- */

/* m * 2**e correctly rounded (half to even) to a double; m > 0, and sticky
 * says the true value is a little more than m * 2**e (bits below m).
 * HUGE_VAL when it overflows. */
static double round_mpz(const mpz_t m, long e, bool sticky)
{
    long n = (long)mpz_sizeinbase(m, 2);
    long top = n - 1 + e;                     /* exponent of the leading bit */
    if (top > 1023) return HUGE_VAL;
    long lsb = top - 52;                      /* weight of the last kept bit */
    if (lsb < -1074) lsb = -1074;
    long drop = lsb - e;
    if (drop <= 0 && !sticky) return ldexp(mpz_get_d(m), (int)e);   /* exact */
    if (drop <= 0) drop = 0;
    mpz_t q;
    mpz_init(q);
    mpz_tdiv_q_2exp(q, m, (mp_bitcnt_t)drop);
    bool half = drop > 0 && mpz_tstbit(m, (mp_bitcnt_t)drop - 1);
    bool rest = sticky || (drop > 1 && mpz_scan1(m, 0) < (mp_bitcnt_t)drop - 1);
    if (half && (rest || mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    double d = ldexp(mpz_get_d(q), (int)(e + drop));   /* q has at most 54 bits: exact */
    mpz_clear(q);
    return d;
}

int int_to_double(Value v, double *out)
{
    if (!bigint_check(v)) {
        *out = (double)val_to_i64(v);         /* the FPU rounds half to even */
        return 0;
    }
    const mpz_t *z = &bigint_of(v)->z;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, *z);
    double d = round_mpz(a, 0, false);
    mpz_clear(a);
    if (isinf(d)) {
        err_set(&exc_OverflowError, "int too large to convert to float");
        return -1;
    }
    *out = mpz_sgn(*z) < 0 ? -d : d;
    return 0;
}

Value int_from_double(double d)
{
    if (isnan(d)) {
        err_set(&exc_ValueError, "cannot convert float NaN to integer");
        return VAL_ERROR;
    }
    if (isinf(d)) {
        err_set(&exc_OverflowError, "cannot convert float infinity to integer");
        return VAL_ERROR;
    }
    d = trunc(d);
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0) return int_from_i64((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);                     /* exact: d is integral */
    return bigint_take(z);
}

/* a / b correctly rounded, as CPython's long_true_divide. */
static Value true_divide(const mpz_t a, const mpz_t b)
{
    if (mpz_sgn(b) == 0) {
        err_set(&exc_ZeroDivisionError, "division by zero");
        return VAL_ERROR;
    }
    bool neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0) return val_from_float(neg ? -0.0 : 0.0);
    long na = (long)mpz_sizeinbase(a, 2), nb = (long)mpz_sizeinbase(b, 2);
    if (na <= 53 && nb <= 53) return val_from_float(mpz_get_d(a) / mpz_get_d(b));
    long diff = na - nb;
    if (diff > 1025) goto overflow;
    if (diff < -1080) return val_from_float(neg ? -0.0 : 0.0);
    long k = 56 - diff;                       /* |a| * 2**k / |b| has at least 56 bits */
    mpz_t num, den, q, r;
    mpz_inits(num, den, q, r, NULL);
    mpz_abs(num, a);
    mpz_abs(den, b);
    if (k >= 0) mpz_mul_2exp(num, num, (mp_bitcnt_t)k);
    else mpz_mul_2exp(den, den, (mp_bitcnt_t)-k);
    mpz_tdiv_qr(q, r, num, den);
    double d = round_mpz(q, -k, mpz_sgn(r) != 0);
    mpz_clears(num, den, q, r, NULL);
    if (isinf(d)) goto overflow;
    return val_from_float(neg ? -d : d);
overflow:
    err_set(&exc_OverflowError, "integer division result too large for a float");
    return VAL_ERROR;
}

/* ---- hash and text ---- */

#define HASH_MODULUS ((UINT64_C(1) << 61) - 1)

int64_t int_hash_value(Value v)
{
    if (!bigint_check(v)) return int_hash_i64(val_to_i64(v));
    const mpz_t *z = &bigint_of(v)->z;
    int64_t h = (int64_t)mpz_tdiv_ui(*z, HASH_MODULUS);   /* |z| mod 2**61 - 1 */
    if (mpz_sgn(*z) < 0) h = -h;
    return h == -1 ? -2 : h;
}

static Value digits_limit_error(void)
{
    err_format(&exc_ValueError,
               "Exceeds the limit (%d digits) for integer string conversion; "
               "use sys.set_int_max_str_digits() to increase the limit", INT_MAX_STR_DIGITS);
    return VAL_ERROR;
}

char *bigint_abs_digits(Value v, int base, bool upper, int64_t *len)
{
    mpz_t a;
    bigint_get(v, a);
    mpz_abs(a, a);
    size_t cap = mpz_sizeinbase(a, base) + 2;
    if (base == 10 && cap - 2 > INT_MAX_STR_DIGITS + 1) {
        mpz_clear(a);
        digits_limit_error();
        return NULL;
    }
    char *buf = mem_alloc(cap);
    if (!buf) {
        mpz_clear(a);
        err_no_memory();
        return NULL;
    }
    mpz_get_str(buf, upper ? -base : base, a);
    mpz_clear(a);
    *len = (int64_t)strlen(buf);
    if (base == 10 && *len > INT_MAX_STR_DIGITS) {
        mem_free(buf);
        digits_limit_error();
        return NULL;
    }
    return buf;
}

Value int_to_base_str(Value v, int base, const char *prefix)
{
    int64_t n;
    char *d = bigint_abs_digits(v, base, false, &n);
    if (!d) return VAL_ERROR;
    bool neg = int_sign(v) < 0;
    size_t pl = strlen(prefix);
    char *buf = mem_alloc((size_t)n + pl + 2);
    if (!buf) {
        mem_free(d);
        err_no_memory();
        return VAL_ERROR;
    }
    size_t k = 0;
    if (neg) buf[k++] = '-';
    memcpy(buf + k, prefix, pl);
    k += pl;
    memcpy(buf + k, d, (size_t)n);
    k += (size_t)n;
    mem_free(d);
    Str *s = str_new(buf, (int64_t)k);
    mem_free(buf);
    return s ? str_val(s) : VAL_ERROR;
}

/* digits: base-`base` digits without sign, prefix or underscores. */
Value bigint_parse_digits(const char *digits, bool neg, int base)
{
    mpz_t z;
    if (mpz_init_set_str(z, digits, base) != 0) {    /* the caller validated them */
        mpz_clear(z);
        err_set(&exc_ValueError, "invalid literal for int()");
        return VAL_ERROR;
    }
    if (neg) mpz_neg(z, z);
    return bigint_take(z);
}

/* ---- arithmetic ---- */

static Value zero_division(int op)
{
    err_set(&exc_ZeroDivisionError, op == BINOP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
    return VAL_ERROR;
}

/* x ** y for y >= 0 */
static Value int_power(mpz_t r, const mpz_t x, const mpz_t y)
{
    if (mpz_cmpabs_ui(x, 1) <= 0) {           /* 0, 1, -1: no size to worry about */
        if (mpz_sgn(x) == 0) mpz_set_ui(r, mpz_sgn(y) == 0);
        else if (mpz_sgn(x) < 0 && mpz_odd_p(y)) mpz_set_si(r, -1);
        else mpz_set_ui(r, 1);
        return VAL_NONE;
    }
    if (!mpz_fits_ulong_p(y)) {
        err_no_memory();
        return VAL_ERROR;
    }
    unsigned long e = mpz_get_ui(y);
    if (bigint_check_bits((double)mpz_sizeinbase(x, 2) * (double)e) < 0) return VAL_ERROR;
    mpz_pow_ui(r, x, e);
    return VAL_NONE;
}

Value int_binary(int op, Value a, Value b)
{
    mpz_t x, y, r;
    bigint_get(a, x);
    bigint_get(b, y);
    mpz_init(r);
    Value res = VAL_NONE;
    switch (op) {
    case BINOP_ADD: mpz_add(r, x, y); break;
    case BINOP_SUB: mpz_sub(r, x, y); break;
    case BINOP_MUL:
        if (bigint_check_bits((double)mpz_sizeinbase(x, 2) + (double)mpz_sizeinbase(y, 2)) < 0)
            res = VAL_ERROR;
        else
            mpz_mul(r, x, y);
        break;
    case BINOP_TRUEDIV:
        res = true_divide(x, y);
        goto done_value;
    case BINOP_FLOORDIV:
        if (mpz_sgn(y) == 0) { res = zero_division(op); break; }
        mpz_fdiv_q(r, x, y);
        break;
    case BINOP_MOD:
        if (mpz_sgn(y) == 0) { res = zero_division(op); break; }
        mpz_fdiv_r(r, x, y);
        break;
    case BINOP_POW:
        if (mpz_sgn(y) < 0) {
            /* a negative exponent gives a float, as CPython's long_pow */
            double fx, fy;
            if (int_to_double(a, &fx) < 0 || int_to_double(b, &fy) < 0) res = VAL_ERROR;
            else res = op_binary(BINOP_POW, val_from_float(fx), val_from_float(fy), false);
            goto done_value;
        }
        res = int_power(r, x, y);
        break;
    case BINOP_LSHIFT:
        if (mpz_sgn(y) < 0) {
            err_set(&exc_ValueError, "negative shift count");
            res = VAL_ERROR;
        } else if (mpz_sgn(x) == 0) {
            mpz_set_ui(r, 0);
        } else if (!mpz_fits_ulong_p(y) ||
                   bigint_check_bits((double)mpz_sizeinbase(x, 2) + mpz_get_d(y)) < 0) {
            err_no_memory();
            res = VAL_ERROR;
        } else {
            mpz_mul_2exp(r, x, mpz_get_ui(y));
        }
        break;
    case BINOP_RSHIFT:
        if (mpz_sgn(y) < 0) {
            err_set(&exc_ValueError, "negative shift count");
            res = VAL_ERROR;
        } else if (!mpz_fits_ulong_p(y)) {
            mpz_set_si(r, mpz_sgn(x) < 0 ? -1 : 0);
        } else {
            mpz_fdiv_q_2exp(r, x, mpz_get_ui(y));   /* floor: an arithmetic shift */
        }
        break;
    case BINOP_AND: mpz_and(r, x, y); break;
    case BINOP_OR:  mpz_ior(r, x, y); break;
    case BINOP_XOR: mpz_xor(r, x, y); break;
    default:
        err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                   binop_symbols[op], val_type_name(a), val_type_name(b));
        res = VAL_ERROR;
        break;
    }
    mpz_clears(x, y, NULL);
    if (res == VAL_ERROR) {
        mpz_clear(r);
        return VAL_ERROR;
    }
    return bigint_take(r);
done_value:
    mpz_clears(x, y, r, NULL);
    return res;
}

Value int_unary(int op, Value a)
{
    if (!bigint_check(a)) {
        int64_t i = val_to_i64(a);                /* never INT64_MIN: that one is big */
        switch (op) {
        case UOP_NEG: return int_from_i64(-i);
        case UOP_POS: return int_from_i64(i);
        default:      return int_from_i64(~i);
        }
    }
    mpz_t r;
    mpz_init(r);
    switch (op) {
    case UOP_NEG: mpz_neg(r, bigint_of(a)->z); break;
    case UOP_POS: mpz_set(r, bigint_of(a)->z); break;
    default:      mpz_com(r, bigint_of(a)->z); break;
    }
    return bigint_take(r);
}

Value int_abs(Value v)
{
    return int_sign(v) < 0 ? int_unary(UOP_NEG, v) : int_unary(UOP_POS, v);
}

Value int_divmod(Value a, Value b)
{
    mpz_t x, y, q, r;
    bigint_get(a, x);
    bigint_get(b, y);
    if (mpz_sgn(y) == 0) {
        mpz_clears(x, y, NULL);
        return zero_division(BINOP_FLOORDIV);
    }
    mpz_inits(q, r, NULL);
    mpz_fdiv_qr(q, r, x, y);
    mpz_clears(x, y, NULL);
    Value qv = bigint_take(q);
    Value rv = bigint_take(r);
    if (qv == VAL_ERROR || rv == VAL_ERROR) {
        xdecref(qv);
        xdecref(rv);
        return VAL_ERROR;
    }
    Tuple *t = tuple_new(2);
    if (!t) {
        decref(qv);
        decref(rv);
        return VAL_ERROR;
    }
    t->items[0] = qv;
    t->items[1] = rv;
    return val_from_obj(t);
}

Value int_pow3(Value bv, Value ev, Value mv)
{
    if (int_sign(mv) == 0) {
        err_set(&exc_ValueError, "pow() 3rd argument cannot be 0");
        return VAL_ERROR;
    }
    mpz_t b, e, m, am, r;
    bigint_get(bv, b);
    bigint_get(ev, e);
    bigint_get(mv, m);
    mpz_inits(am, r, NULL);
    mpz_abs(am, m);
    Value res = VAL_NONE;
    if (mpz_cmp_ui(am, 1) == 0) {
        mpz_set_ui(r, 0);
    } else {
        mpz_mod(b, b, am);
        if (mpz_sgn(e) < 0) {
            if (!mpz_invert(b, b, am)) {
                err_set(&exc_ValueError, "base is not invertible for the given modulus");
                res = VAL_ERROR;
            }
            mpz_neg(e, e);
        }
        if (res != VAL_ERROR) {
            mpz_powm(r, b, e, am);
            if (mpz_sgn(m) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, am);
        }
    }
    mpz_clears(b, e, m, am, NULL);
    if (res == VAL_ERROR) {
        mpz_clear(r);
        return VAL_ERROR;
    }
    return bigint_take(r);
}

/* round(v, -k) for k > 0: to a multiple of 10**k, halves to even. */
Value int_round(Value v, int64_t ndigits)
{
    if (ndigits >= 0) return int_unary(UOP_POS, v);
    mpz_t x, p, q, r;
    bigint_get(v, x);
    uint64_t k = -(uint64_t)ndigits;
    if (k > mpz_sizeinbase(x, 10) + 1) {      /* |v| < 10**k / 2: rounds to 0 */
        mpz_clear(x);
        return val_from_int(0);
    }
    mpz_inits(p, q, r, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)k);
    mpz_fdiv_qr(q, r, x, p);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(x, p, r, NULL);
    return bigint_take(q);
}

int64_t int_bit_length(Value v)
{
    if (!bigint_check(v)) {
        int64_t i = val_to_i64(v);
        uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
        return u ? 64 - __builtin_clzll(u) : 0;
    }
    return (int64_t)mpz_sizeinbase(bigint_of(v)->z, 2);
}

int64_t int_bit_count(Value v)
{
    if (!bigint_check(v)) {
        int64_t i = val_to_i64(v);
        uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
        return __builtin_popcountll(u);
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, bigint_of(v)->z);
    int64_t n = (int64_t)mpz_popcount(a);
    mpz_clear(a);
    return n;
}
