/* test_bigint.c — ints beyond 64 bits (runtime/objects/bigint.c): the switch between
 * the inline, HeapInt and GMP representations and the normalisation back,
 * GMP's memory counted by mem.h and returned, correctly rounded int -> float
 * and true division, hashes, the saturating val_to_i64, and MemoryError (not
 * an abort) for absurd sizes. Expected values come from CPython 3.11. */
#include "check_util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/int.h"
#include "objects/bigint.h"
#include "objects/operators.h"
#include "objects/floatobj.h"

static Value I(int64_t i) { return int_from_i64(i); }

static Value P(const char *s)
{
    Value v = int_parse(s, (int64_t)strlen(s), 0);
    ck_assert(v != VAL_ERROR);
    return v;
}

static Value binop(int op, const char *a, const char *b)
{
    Value x = P(a), y = P(b);
    Value r = op_binary(op, x, y, false);
    decref(x);
    decref(y);
    return r;
}

START_TEST(test_representations)
{
    Value a = I(INT_INLINE_MAX);
    ck_assert(val_is_int(a));
    Value b = op_binary(BINOP_ADD, a, I(1), false);            /* inline -> HeapInt */
    ck_assert(val_is_obj(b) && !int_is_big(b));
    Value c = op_binary(BINOP_MUL, b, b, false);               /* HeapInt -> BigInt */
    ck_assert(int_is_big(c));
    Value d = op_binary(BINOP_FLOORDIV, c, b, false);          /* back to HeapInt */
    ck_assert(val_is_obj(d) && !int_is_big(d));
    ck_assert_int_eq(val_to_i64(d), INT_INLINE_MAX + 1);
    Value e = op_binary(BINOP_SUB, c, c, false);               /* back to inline */
    ck_assert(val_is_int(e) && val_as_int(e) == 0);
    /* INT64_MIN is a BigInt (its HeapInt v is the mark); both directions */
    Value m = I(INT64_MIN);
    ck_assert(int_is_big(m));
    ck_assert_int_eq(val_to_i64(m), INT64_MIN);
    Value n = op_unary(UOP_NEG, m);
    expect_repr_new(op_unary(UOP_NEG, n), "-9223372036854775808");
    expect_repr_new(n, "9223372036854775808");
    Value k = op_binary(BINOP_SUB, m, I(-1), false);
    ck_assert(!int_is_big(k) && val_to_i64(k) == INT64_MIN + 1);
    decref(k);
    decref(m);
    decref(b);
    decref(c);
    decref(d);
}
END_TEST

START_TEST(test_saturation_and_index)
{
    Value big = P("100000000000000000000000000000");
    Value neg = P("-100000000000000000000000000000");
    ck_assert_int_eq(val_to_i64(big), INT64_MAX);
    ck_assert_int_eq(val_to_i64(neg), INT64_MIN);
    int64_t i;
    ck_assert_int_eq(val_index(big, &i), -1);
    expect_error(VAL_ERROR, &exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    ck_assert_int_eq(int_to_i64(neg, &i), -1);
    expect_error(VAL_ERROR, &exc_OverflowError, "Python int too large to convert to C long");
    ck_assert_int_eq(int_sign(big), 1);
    ck_assert_int_eq(int_sign(neg), -1);
    ck_assert_int_eq(int_cmp(big, neg), 1);
    ck_assert_int_eq(int_cmp(I(5), big), -1);
    ck_assert_int_eq(obj_truth(neg), 1);
    decref(big);
    decref(neg);
}
END_TEST

START_TEST(test_arithmetic)
{
    expect_repr_new(binop(BINOP_MUL, "123456789012345678901234567890", "987654321098765432109876543210"),
                "121932631137021795226185032733622923332237463801111263526900");
    expect_repr_new(binop(BINOP_FLOORDIV, "-1267650600228229401496703205376", "7"), "-181092942889747057356671886483");
    expect_repr_new(binop(BINOP_MOD, "-1267650600228229401496703205376", "7"), "5");
    expect_repr_new(binop(BINOP_MOD, "1267650600228229401496703205376", "-7"), "-5");
    expect_repr_new(binop(BINOP_POW, "3", "100"), "515377520732011331036461129765621272702107522001");
    expect_repr_new(binop(BINOP_LSHIFT, "-3", "70"), "-3541774862152233910272");
    expect_repr_new(binop(BINOP_RSHIFT, "-3541774862152233910273", "69"), "-7");
    expect_repr_new(binop(BINOP_AND, "-18446744073709551616", "1180591620717411303423"), "1162144876643701751808");
    expect_repr_new(binop(BINOP_XOR, "1180591620717411303424", "-1"), "-1180591620717411303425");
    Value h = P("0x400000000000000000");
    expect_repr_new(op_binary(BINOP_ADD, VAL_TRUE, h, false), "1180591620717411303425");
    decref(h);
    Value p = P("1267650600228229401496703205376");
    expect_repr_new(int_pow3(I(3), I(-1), p), "845100400152152934331135470251");
    expect_error(int_pow3(I(2), I(-1), I(4)), &exc_ValueError, "base is not invertible for the given modulus");
    expect_repr_new(int_divmod(p, I(-7)), "(-181092942889747057356671886483, -5)");
    Value r = P("1267650601000000000000000000000");
    expect_repr_new(int_round(r, -21), "1267650601000000000000000000000");
    decref(r);
    expect_repr_new(int_round(p, -21), "1267650600000000000000000000000");
    expect_repr_new(int_to_base_str(p, 16, "0x"), "'0x10000000000000000000000000'");
    ck_assert_int_eq(int_bit_length(p), 101);
    decref(p);
}
END_TEST

START_TEST(test_float_conversion)
{
    double d;
    /* 2**64 + 2**11 is a tie: half to even rounds down; one more rounds up */
    Value a = P("18446744073709553664");
    ck_assert_int_eq(int_to_double(a, &d), 0);
    ck_assert(d == 18446744073709551616.0);
    Value b = P("18446744073709553665");
    ck_assert_int_eq(int_to_double(b, &d), 0);
    ck_assert(d == 18446744073709555712.0);
    Value big = op_binary(BINOP_POW, I(2), I(1024), false);
    ck_assert_int_eq(int_to_double(big, &d), -1);
    expect_error(VAL_ERROR, &exc_OverflowError, "int too large to convert to float");
    ck_assert_int_eq(int_cmp_double(b, 18446744073709551616.0), 1);
    ck_assert_int_eq(int_cmp_double(a, 18446744073709551616.0), 1);
    ck_assert_int_eq(int_cmp_double(big, INFINITY), -1);
    ck_assert_int_eq(int_cmp_double(big, NAN), 2);
    Value f = int_from_double(1e300);                 /* exact */
    ck_assert(int_is_big(f) && int_cmp_double(f, 1e300) == 0);
    ck_assert_int_eq(int_bit_length(f), 997);
    decref(f);
    /* true division: correctly rounded, including results CPython gets via long_true_divide */
    Value n = P("12345678901234567890123");
    Value q = op_binary(BINOP_TRUEDIV, n, I(1000), false);
    decref(n);
    ck_assert(val_as_float(q) == 12345678901234567890.123);
    Value t = op_binary(BINOP_POW, I(10), I(400), false);
    Value z = op_binary(BINOP_TRUEDIV, I(1), t, false);
    ck_assert(val_as_float(z) == 0.0);
    decref(t);
    expect_error(op_binary(BINOP_TRUEDIV, big, I(1), false), &exc_OverflowError,
                 "integer division result too large for a float");
    decref(a);
    decref(b);
    decref(big);
}
END_TEST

START_TEST(test_hash)
{
    Value a = P("1267650600228229401496703205376");   /* 2**100 */
    ck_assert_int_eq(int_hash_value(a), 549755813888);
    Value n = op_unary(UOP_NEG, a);
    ck_assert_int_eq(int_hash_value(n), -549755813888);
    Value m = P("-2305843009213693952");                /* -2**61 hashes to -1 -> -2 */
    ck_assert_int_eq(int_hash_value(m), -2);
    ck_assert_int_eq(int_hash_value(a), float_hash(1267650600228229401496703205376.0));
    decref(a);
    decref(n);
    decref(m);
}
END_TEST

START_TEST(test_text_and_limits)
{
    Value v = int_parse("  -0x_dead_beef_dead_beef_dead  ", 32, 0);
    expect_repr_new(v, "-1051570404382037444124333");
    char *s = malloc(5002);
    memset(s, '7', 5001);
    s[5001] = 0;
    expect_error(int_parse(s, 5001, 10), &exc_ValueError,
                 "Exceeds the limit (4300 digits) for integer string conversion: value has 5001 digits; "
                 "use sys.set_int_max_str_digits() to increase the limit");
    Value h = int_parse(s, 5001, 16);                  /* power-of-two bases are not limited */
    ck_assert(int_is_big(h));
    decref(h);
    free(s);
    Value big = op_binary(BINOP_POW, I(10), I(4300), false);
    expect_error(int_repr(big), &exc_ValueError,
                 "Exceeds the limit (4300 digits) for integer string conversion; "
                 "use sys.set_int_max_str_digits() to increase the limit");
    decref(big);
}
END_TEST

START_TEST(test_memory)
{
    size_t before = mem_allocated_bytes();
    Value x = op_binary(BINOP_POW, I(7), I(5000), false);
    ck_assert(mem_allocated_bytes() > before + 1500);     /* GMP's limbs are counted */
    Value y = op_binary(BINOP_MUL, x, x, false);
    decref(x);
    decref(y);
    ck_assert_uint_eq(mem_allocated_bytes(), before);     /* and returned */
    /* absurd sizes: MemoryError before GMP runs (GMP would abort) */
    Value one = I(1), big = I(INT64_C(1) << 60);
    ck_assert(op_binary(BINOP_LSHIFT, one, big, false) == VAL_ERROR);
    ck_assert(err_matches(&exc_MemoryError));
    err_clear();
    Value ten = I(10), e = op_binary(BINOP_POW, I(10), I(12), false);
    ck_assert(op_binary(BINOP_POW, ten, e, false) == VAL_ERROR);
    ck_assert(err_matches(&exc_MemoryError));
    err_clear();
    decref(big);
    decref(e);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_representations, test_saturation_and_index, test_arithmetic,
                    test_float_conversion, test_hash, test_text_and_limits, test_memory, NULL);
}

const CheckSuite check_suite = { .name = "bigint", .add_tests = add_tests,
    .interp = CHECK_INTERP_RUN };
