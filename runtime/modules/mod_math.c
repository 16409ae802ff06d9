/* mod_math.c — the math module: libm functions with CPython's error rules
 * (ValueError "math domain error" for arguments outside the domain,
 * OverflowError "math range error" for results too large), exact float sums
 * (fsum) and the integer functions (gcd, factorial, comb, ...).
 */
#include <math.h>
#include <float.h>
#include "core/args.h"
#include "modules/module.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/operators.h"
#include "memory/mem.h"
#include "objects/tuple.h"
#include "objects/bigint.h"
#include "objects/module.h"
#include <string.h>

static Value domain_error(void) { err_set(&exc_ValueError, "math domain error"); return VAL_ERROR; }
static Value range_error(void) { err_set(&exc_OverflowError, "math range error"); return VAL_ERROR; }

/* A double with an integral value -> int, as int(x) does. */
static Value double_to_int(double d)
{
    return int_from_double(d);             /* exact, of any size */
}

/* One-argument functions: CPython's math_1 rules. can_overflow: an infinite
 * result from a finite argument is a range error (else a domain error). */
static Value math_1(Value *args, int nargs, Tuple *kwnames, const char *fname, double (*f)(double), bool can_overflow)
{
    if (args_one("math", fname, nargs, kwnames) < 0) return VAL_ERROR;
    double x;
    if (val_to_double(args[0], &x) < 0) return VAL_ERROR;
    double r = f(x);
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    return val_from_float(r);
}

#define MATH1(pyname, cfn, ovf) \
    static Value m_##pyname(Value *args, int nargs, Tuple *kwnames) \
    { return math_1(args, nargs, kwnames, #pyname, cfn, ovf); }

static double c_sqrt(double x) { return x < 0 ? NAN : sqrt(x); }
static double c_log2(double x) { return x <= 0 ? (x == 0 ? -INFINITY : NAN) : log2(x); }
static double c_log10(double x) { return x <= 0 ? (x == 0 ? -INFINITY : NAN) : log10(x); }
static double c_sin(double x) { return isinf(x) ? NAN : sin(x); }
static double c_cos(double x) { return isinf(x) ? NAN : cos(x); }
static double c_tan(double x) { return isinf(x) ? NAN : tan(x); }
static double c_degrees(double x) { return x * (180.0 / M_PI); }
static double c_radians(double x) { return x * (M_PI / 180.0); }
static double c_gamma(double x) { return (x <= 0 && x == floor(x)) ? NAN : tgamma(x); }
static double c_lgamma(double x) { return (x <= 0 && x == floor(x)) ? INFINITY : lgamma(x); }
static double c_atanh(double x) { return fabs(x) >= 1 ? NAN : atanh(x); }

MATH1(sqrt, c_sqrt, false)
MATH1(exp, exp, true)
MATH1(expm1, expm1, true)
static Value m_log2_float(Value *a, int n, Tuple *k) { return math_1(a, n, k, "log2", c_log2, false); }
static Value m_log10_float(Value *a, int n, Tuple *k) { return math_1(a, n, k, "log10", c_log10, false); }

/* log2/log10 of an int beyond a double's range: of m * 2**e, as CPython's loghelper */
static Value big_log(Value *args, int nargs, Tuple *kwnames, double (*f)(double),
                     Value (*small)(Value *, int, Tuple *))
{
    if (nargs != 1 || (kwnames && kwnames->len) || !val_is_intlike(args[0]) || !int_is_big(args[0]))
        return small(args, nargs, kwnames);
    if (int_sign(args[0]) <= 0) return domain_error();
    long e;
    double m = mpz_get_d_2exp(&e, bigint_of(args[0])->z);
    return val_from_float(f(m) + (double)e * f(2.0));
}
static Value m_log2(Value *a, int n, Tuple *k) { return big_log(a, n, k, log2, m_log2_float); }
static Value m_log10(Value *a, int n, Tuple *k) { return big_log(a, n, k, log10, m_log10_float); }
MATH1(log1p, log1p, false)
MATH1(sin, c_sin, false)
MATH1(cos, c_cos, false)
MATH1(tan, c_tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)
MATH1(sinh, sinh, true)
MATH1(cosh, cosh, true)
MATH1(tanh, tanh, false)
MATH1(asinh, asinh, false)
MATH1(acosh, acosh, false)
MATH1(atanh, c_atanh, false)
MATH1(fabs, fabs, false)
MATH1(degrees, c_degrees, true)
MATH1(radians, c_radians, false)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(gamma, c_gamma, true)
MATH1(lgamma, c_lgamma, true)

static double log_of(Value v, bool *err)
{
    double x;
    *err = false;
    if (int_is_big(v)) {
        /* beyond a double's range: log(m * 2**e) = log(m) + e * log(2) */
        if (int_sign(v) <= 0) { domain_error(); *err = true; return 0; }
        long e;
        double m = mpz_get_d_2exp(&e, bigint_of(v)->z);
        return log(m) + (double)e * log(2.0);
    }
    if (val_to_double(v, &x) < 0) { *err = true; return 0; }
    if (isnan(x)) return x;
    if (x <= 0) { domain_error(); *err = true; return 0; }
    return log(x);
}

static Value m_log(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "log", kwnames) < 0) return VAL_ERROR;
    if (nargs < 1 || nargs > 2) {   /* an optional group, in Argument Clinic's words */
        err_set(&exc_TypeError, "math.log requires 1 to 2 arguments");
        return VAL_ERROR;
    }
    bool err;
    double num = log_of(args[0], &err);
    if (err) return VAL_ERROR;
    if (nargs == 1) return val_from_float(num);
    double den = log_of(args[1], &err);
    if (err) return VAL_ERROR;
    if (den == 0) { err_set(&exc_ZeroDivisionError, "float division by zero"); return VAL_ERROR; }
    return val_from_float(num / den);
}

static Value rounding(Value *args, int nargs, Tuple *kwnames, const char *fname, double (*f)(double))
{
    if (args_one("math", fname, nargs, kwnames) < 0) return VAL_ERROR;
    if (val_is_intlike(args[0])) return int_unary(UOP_POS, args[0]);
    double x;
    if (val_to_double(args[0], &x) < 0) return VAL_ERROR;
    return double_to_int(f(x));
}

static Value m_floor(Value *a, int n, Tuple *k) { return rounding(a, n, k, "floor", floor); }
static Value m_ceil(Value *a, int n, Tuple *k) { return rounding(a, n, k, "ceil", ceil); }
static Value m_trunc(Value *a, int n, Tuple *k) { return rounding(a, n, k, "trunc", trunc); }

static int two_doubles(const char *fname, Value *args, int nargs, Tuple *kwnames, double *x, double *y)
{
    if (args_range("math", fname, nargs, kwnames, 2, 2) < 0) return -1;
    if (val_to_double(args[0], x) < 0 || val_to_double(args[1], y) < 0) return -1;
    return 0;
}

static Value m_atan2(Value *args, int nargs, Tuple *kwnames)
{
    double y, x;
    if (two_doubles("atan2", args, nargs, kwnames, &y, &x) < 0) return VAL_ERROR;
    return val_from_float(atan2(y, x));
}

static Value m_copysign(Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, kwnames, &x, &y) < 0) return VAL_ERROR;
    return val_from_float(copysign(x, y));
}

static Value m_fmod(Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, kwnames, &x, &y) < 0) return VAL_ERROR;
    if (isinf(y) && isfinite(x)) return val_from_float(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
    return val_from_float(r);
}

static Value m_pow(Value *args, int nargs, Tuple *kwnames)
{
    double x, y;
    if (two_doubles("pow", args, nargs, kwnames, &x, &y) < 0) return VAL_ERROR;
    if (!isfinite(x) || !isfinite(y)) {
        /* libm's IEEE rules agree with CPython for non-finite arguments. */
        if (x == 1.0 || y == 0.0) return val_from_float(1.0);
        return val_from_float(pow(x, y));
    }
    if (x == 0.0 && y < 0) return domain_error();
    if (x < 0 && y != floor(y)) return domain_error();
    double r = pow(x, y);
    if (isinf(r)) return range_error();
    return val_from_float(r);
}

static Value m_hypot(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw("math", "hypot", kwnames) < 0) return VAL_ERROR;
    double acc = 0;
    bool any_nan = false, any_inf = false;
    if (nargs == 2) {
        double x, y;
        if (val_to_double(args[0], &x) < 0 || val_to_double(args[1], &y) < 0) return VAL_ERROR;
        return val_from_float(hypot(x, y));
    }
    double maxv = 0;
    double *v = nargs ? mem_alloc_array((size_t)nargs, sizeof(double)) : NULL;
    if (nargs && !v) { err_no_memory(); return VAL_ERROR; }
    for (int i = 0; i < nargs; i++) {
        if (val_to_double(args[i], &v[i]) < 0) { mem_free(v); return VAL_ERROR; }
        v[i] = fabs(v[i]);
        if (isnan(v[i])) any_nan = true;
        if (isinf(v[i])) any_inf = true;
        if (v[i] > maxv) maxv = v[i];
    }
    if (any_inf) { mem_free(v); return val_from_float(INFINITY); }
    if (any_nan) { mem_free(v); return val_from_float(NAN); }
    if (maxv == 0) { mem_free(v); return val_from_float(0.0); }
    for (int i = 0; i < nargs; i++) {
        double t = v[i] / maxv;
        acc += t * t;
    }
    mem_free(v);
    return val_from_float(maxv * sqrt(acc));
}

static Value m_isnan(Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (args_one("math", "isnan", nargs, kwnames) < 0 || val_to_double(args[0], &x) < 0) return VAL_ERROR;
    return val_from_bool(isnan(x));
}

static Value m_isinf(Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (args_one("math", "isinf", nargs, kwnames) < 0 || val_to_double(args[0], &x) < 0) return VAL_ERROR;
    return val_from_bool(isinf(x));
}

static Value m_isfinite(Value *args, int nargs, Tuple *kwnames)
{
    double x;
    if (args_one("math", "isfinite", nargs, kwnames) < 0 || val_to_double(args[0], &x) < 0) return VAL_ERROR;
    return val_from_bool(isfinite(x));
}

static Value m_modf(Value *args, int nargs, Tuple *kwnames)
{
    double x, ip;
    if (args_one("math", "modf", nargs, kwnames) < 0 || val_to_double(args[0], &x) < 0) return VAL_ERROR;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) ip = x;
    Tuple *t = tuple_pack(2, val_from_float(fp), val_from_float(ip));
    return t ? val_from_obj(t) : VAL_ERROR;
}

static Value m_frexp(Value *args, int nargs, Tuple *kwnames)
{
    double x;
    int e = 0;
    if (args_one("math", "frexp", nargs, kwnames) < 0 || val_to_double(args[0], &x) < 0) return VAL_ERROR;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    Tuple *t = tuple_pack(2, val_from_float(m), val_from_int(e));
    return t ? val_from_obj(t) : VAL_ERROR;
}

static Value m_ldexp(Value *args, int nargs, Tuple *kwnames)
{
    double x;
    int64_t e;
    if (args_range("math", "ldexp", nargs, kwnames, 2, 2) < 0 || val_to_double(args[0], &x) < 0) return VAL_ERROR;
    if (!val_is_intlike(args[1])) {
        err_set(&exc_TypeError, "Expected an int as second argument to ldexp.");
        return VAL_ERROR;
    }
    e = val_to_i64(args[1]);
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x)) return range_error();
    return val_from_float(r);
}

/* Shewchuk's exact summation, as CPython's math.fsum. */
static Value m_fsum(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("math", "fsum", nargs, kwnames) < 0) return VAL_ERROR;
    Value it = obj_iter(args[0]);
    if (it == VAL_ERROR) return VAL_ERROR;
    double small[32], *p = small;
    int n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    Value item;
    while ((item = obj_next(it)) != VAL_UNDEF) {
        double x;
        if (item == VAL_ERROR || val_to_double(item, &x) < 0) {
            if (item != VAL_ERROR) decref(item);
            goto fail;
        }
        decref(item);
        double xsave = x;
        int i = 0;
        for (int j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    err_set(&exc_OverflowError, "intermediate overflow in fsum");
                    goto fail;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    double *np = mem_alloc_array((size_t)cap * 2, sizeof(double));
                    if (!np) { err_no_memory(); goto fail; }
                    memcpy(np, p, (size_t)n * sizeof(double));
                    if (p != small) mem_free(p);
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    decref(it);
    double hi = 0.0;
    if (special_sum != 0.0) {
        if (p != small) mem_free(p);
        if (isnan(inf_sum)) { err_set(&exc_ValueError, "-inf + inf in fsum"); return VAL_ERROR; }
        return val_from_float(special_sum);
    }
    if (n > 0) {
        hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    if (p != small) mem_free(p);
    return val_from_float(hi);
fail:
    decref(it);
    if (p != small) mem_free(p);
    return VAL_ERROR;
}

/* An int argument of any size as a new mpz (the caller clears it). */
static int int_arg(Value v, mpz_t out)
{
    if (val_is_float(v) || !val_is_intlike(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(v));
        return -1;
    }
    bigint_get(v, out);
    return 0;
}

static Value m_gcd(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw("math", "gcd", kwnames) < 0) return VAL_ERROR;
    mpz_t g, v;
    mpz_init(g);
    for (int i = 0; i < nargs; i++) {
        if (int_arg(args[i], v) < 0) { mpz_clear(g); return VAL_ERROR; }
        mpz_gcd(g, g, v);
        mpz_clear(v);
    }
    return bigint_take(g);
}

static Value m_lcm(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw("math", "lcm", kwnames) < 0) return VAL_ERROR;
    mpz_t l, v;
    mpz_init_set_ui(l, 1);
    for (int i = 0; i < nargs; i++) {
        if (int_arg(args[i], v) < 0) { mpz_clear(l); return VAL_ERROR; }
        if (mpz_sgn(l) != 0 &&
            bigint_check_bits((double)mpz_sizeinbase(l, 2) + (double)mpz_sizeinbase(v, 2)) < 0) {
            mpz_clears(l, v, NULL);
            return VAL_ERROR;
        }
        mpz_lcm(l, l, v);
        mpz_clear(v);
    }
    return bigint_take(l);
}

/* bits in n! (an upper bound), for the size check */
/* The one argument of math.fname as an integer >= 0 in n, which the caller
 * then owns (mpz_clear); -1 with the exception set, the ValueError neg_msg
 * when it is negative. */
static int nonneg_int_arg(const char *fname, Value *args, int nargs, Tuple *kwnames, const char *neg_msg, mpz_t n)
{
    if (args_one("math", fname, nargs, kwnames) < 0 || int_arg(args[0], n) < 0) return -1;
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        err_set(&exc_ValueError, neg_msg);
        return -1;
    }
    return 0;
}

static double factorial_bits(unsigned long n)
{
    return n < 2 ? 1 : (double)n * log2((double)n) + 64;
}

static Value m_factorial(Value *args, int nargs, Tuple *kwnames)
{
    mpz_t n;
    if (nonneg_int_arg("factorial", args, nargs, kwnames, "factorial() not defined for negative values", n) < 0) return VAL_ERROR;
    if (!mpz_fits_slong_p(n)) {
        mpz_clear(n);
        err_set(&exc_OverflowError, "factorial() argument should not exceed 9223372036854775807");
        return VAL_ERROR;
    }
    unsigned long k = mpz_get_ui(n);
    if (bigint_check_bits(factorial_bits(k)) < 0) { mpz_clear(n); return VAL_ERROR; }
    mpz_fac_ui(n, k);
    return bigint_take(n);
}

static Value comb_perm(Value *args, int nargs, Tuple *kwnames, bool comb)
{
    const char *fname = comb ? "comb" : "perm";
    mpz_t n, k;
    if (args_range("math", fname, nargs, kwnames, comb ? 2 : 1, 2) < 0 || int_arg(args[0], n) < 0) return VAL_ERROR;
    if (nargs == 1 || args[1] == VAL_NONE) mpz_init_set(k, n);
    else if (int_arg(args[1], k) < 0) { mpz_clear(n); return VAL_ERROR; }
    Value r = VAL_NONE;
    if (mpz_sgn(n) < 0) {
        err_set(&exc_ValueError, "n must be a non-negative integer");
        r = VAL_ERROR;
    } else if (mpz_sgn(k) < 0) {
        err_set(&exc_ValueError, "k must be a non-negative integer");
        r = VAL_ERROR;
    } else if (mpz_cmp(k, n) > 0) {
        mpz_set_ui(n, 0);
    } else {
        /* comb: C(n, min(k, n - k)); perm: C(n, k) * k! */
        mpz_t m;
        mpz_init(m);
        mpz_sub(m, n, k);
        if (comb && mpz_cmp(m, k) < 0) mpz_swap(m, k);
        if (!mpz_fits_slong_p(k)) {
            err_format(&exc_OverflowError, comb ? "min(n - k, k) must not exceed %ld" : "k must not exceed %ld",
                       (long)INT64_MAX);
            r = VAL_ERROR;
        } else {
            unsigned long kk = mpz_get_ui(k);
            double bits = (double)mpz_sizeinbase(n, 2) * (double)kk;
            if (bigint_check_bits(bits) < 0) {
                r = VAL_ERROR;
            } else {
                mpz_bin_ui(n, n, kk);
                if (!comb) {
                    mpz_fac_ui(m, kk);
                    mpz_mul(n, n, m);
                }
            }
        }
        mpz_clear(m);
    }
    mpz_clear(k);
    if (r == VAL_ERROR) { mpz_clear(n); return VAL_ERROR; }
    return bigint_take(n);
}

static Value m_comb(Value *a, int n, Tuple *k) { return comb_perm(a, n, k, true); }
static Value m_perm(Value *a, int n, Tuple *k) { return comb_perm(a, n, k, false); }

static Value m_isqrt(Value *args, int nargs, Tuple *kwnames)
{
    mpz_t n;
    if (nonneg_int_arg("isqrt", args, nargs, kwnames, "isqrt() argument must be nonnegative", n) < 0) return VAL_ERROR;
    mpz_sqrt(n, n);
    return bigint_take(n);
}

static Value m_prod(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"/iterable", "start", NULL};
    Value a[2];
    if (args_bind("prod", args, nargs, kwnames, names, 1, 1, a) < 0) return VAL_ERROR;
    Value acc = a[1] == VAL_UNDEF ? val_from_int(1) : a[1];
    incref(acc);
    Value it = obj_iter(a[0]);
    if (it == VAL_ERROR) { decref(acc); return VAL_ERROR; }
    Value item;
    while ((item = obj_next(it)) != VAL_UNDEF) {
        if (item == VAL_ERROR) { decref(acc); decref(it); return VAL_ERROR; }
        Value r = op_binary(BINOP_MUL, acc, item, false);
        decref(item);
        decref(acc);
        if (r == VAL_ERROR) { decref(it); return VAL_ERROR; }
        acc = r;
    }
    decref(it);
    return acc;
}

static Value m_isclose(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Value v[4];
    if (args_bind("isclose", args, nargs, kwnames, names, 2, 2, v) < 0) return VAL_ERROR;
    double a, b, rel = 1e-9, abst = 0.0;
    if (val_to_double(v[0], &a) < 0 || val_to_double(v[1], &b) < 0) return VAL_ERROR;
    if (v[2] != VAL_UNDEF && val_to_double(v[2], &rel) < 0) return VAL_ERROR;
    if (v[3] != VAL_UNDEF && val_to_double(v[3], &abst) < 0) return VAL_ERROR;
    if (rel < 0.0 || abst < 0.0) { err_set(&exc_ValueError, "tolerances must be non-negative"); return VAL_ERROR; }
    if (a == b) return VAL_TRUE;
    if (isinf(a) || isinf(b)) return VAL_FALSE;
    double diff = fabs(b - a);
    return val_from_bool((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abst));
}

static const MethodDef math_functions[] = {
    {"sqrt", m_sqrt}, {"exp", m_exp}, {"expm1", m_expm1}, {"log", m_log}, {"log2", m_log2},
    {"log10", m_log10}, {"log1p", m_log1p}, {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan},
    {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan}, {"atan2", m_atan2}, {"sinh", m_sinh},
    {"cosh", m_cosh}, {"tanh", m_tanh}, {"asinh", m_asinh}, {"acosh", m_acosh}, {"atanh", m_atanh},
    {"fabs", m_fabs}, {"floor", m_floor}, {"ceil", m_ceil}, {"trunc", m_trunc},
    {"degrees", m_degrees}, {"radians", m_radians}, {"erf", m_erf}, {"erfc", m_erfc},
    {"gamma", m_gamma}, {"lgamma", m_lgamma}, {"pow", m_pow}, {"hypot", m_hypot},
    {"copysign", m_copysign}, {"fmod", m_fmod}, {"modf", m_modf}, {"frexp", m_frexp},
    {"ldexp", m_ldexp}, {"isnan", m_isnan}, {"isinf", m_isinf}, {"isfinite", m_isfinite},
    {"fsum", m_fsum}, {"gcd", m_gcd}, {"lcm", m_lcm}, {"factorial", m_factorial},
    {"comb", m_comb}, {"perm", m_perm}, {"isqrt", m_isqrt}, {"prod", m_prod}, {"isclose", m_isclose},
    {NULL, NULL},
};

Value mod_math_init(void)
{
    Value m = module_new_with("math", math_functions);
    if (m == VAL_ERROR) return VAL_ERROR;
    Dict *d = module_dict(m);
    if (dict_set_cstr(d, "pi", val_from_float(M_PI)) < 0
        || dict_set_cstr(d, "e", val_from_float(M_E)) < 0
        || dict_set_cstr(d, "tau", val_from_float(2 * M_PI)) < 0
        || dict_set_cstr(d, "inf", val_from_float(INFINITY)) < 0
        || dict_set_cstr(d, "nan", val_from_float(NAN)) < 0)
        goto fail;
    return m;
fail:
    decref(m);
    return VAL_ERROR;
}
