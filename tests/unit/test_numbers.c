/* test_numbers.c — ints, floats and their operators against CPython 3.11:
 * float repr, int()/float() parsing, floor division and modulo signs,
 * overflow and zero-division errors with their exact messages, hashes that
 * agree across int and float, and exact int/float comparison. */
#include "check_util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/operators.h"
#include "objects/range.h"

static Value I(int64_t i) { return int_from_i64(i); }
/* A borrowed int for arguments: the reference is kept here and released at
 * the end, so that I(2**53 + 1) can be written inline without a leak. */
static Value made[64];
static int nmade;
static Value B(int64_t i)
{
    Value v = int_from_i64(i);
    if (val_is_obj(v)) { ck_assert(nmade < 64); made[nmade++] = v; }
    return v;
}
static void release_made(void) { while (nmade) decref(made[--nmade]); }
static Value F(double d) { return val_from_float(d); }

/* ---- float repr ---- */

static const struct { double d; const char *s; } repr_table[] = {
    { 1.0, "1.0" }, { 0.1, "0.1" }, { 1e16, "1e+16" }, { 1.5e-05, "1.5e-05" },
    { 1e-05, "1e-05" }, { 0.0001, "0.0001" }, { -0.0, "-0.0" }, { 0.0, "0.0" },
    { 123456789012345.0, "123456789012345.0" }, { 1234567890123456.0, "1234567890123456.0" },
    { 1e22, "1e+22" }, { 5e-324, "5e-324" }, { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { 0.1 + 0.2, "0.30000000000000004" }, { 1e-7, "1e-07" }, { 100.0, "100.0" },
    { 2.5e16, "2.5e+16" }, { 1.0 / 3, "0.3333333333333333" }, { 2.0 / 3, "0.6666666666666666" },
    { -1.5, "-1.5" }, { 3.14159, "3.14159" }, { 1e100, "1e+100" }, { 1.23e-300, "1.23e-300" },
    { 9007199254740993.0, "9007199254740992.0" }, { 0.5, "0.5" }, { 2.2250738585072014e-308, "2.2250738585072014e-308" },
    { 4.9406564584124654e-322, "4.94e-322" }, { 123.456, "123.456" }, { 1e15, "1000000000000000.0" },
    { 9999999999999998.0, "9999999999999998.0" }, { 0.001, "0.001" }, { 1.1, "1.1" },
};

START_TEST(test_float_repr_table)
{
    char buf[64];
    for (size_t i = 0; i < sizeof repr_table / sizeof repr_table[0]; i++) {
        float_repr_buf(repr_table[i].d, buf, sizeof buf);
        ck_assert_str_eq(buf, repr_table[i].s);
    }
    float_repr_buf(INFINITY, buf, sizeof buf);
    ck_assert_str_eq(buf, "inf");
    float_repr_buf(-INFINITY, buf, sizeof buf);
    ck_assert_str_eq(buf, "-inf");
    float_repr_buf(NAN, buf, sizeof buf);
    ck_assert_str_eq(buf, "nan");
    expect_repr_new(F(2.5), "2.5");
}
END_TEST

/* ---- int() parsing ---- */

static void expect_int(const char *s, int base, int64_t want)
{
    Value v = int_parse(s, (int64_t)strlen(s), base);
    ck_assert_msg(v != VAL_ERROR, "int(%s, %d) failed", s, base);
    ck_assert_int_eq(val_to_i64(v), want);
    decref(v);
}

static void expect_bad_int(const char *s, int base, const char *msg)
{
    expect_error(int_parse(s, (int64_t)strlen(s), base), &exc_ValueError, msg);
}

START_TEST(test_int_parse)
{
    expect_int("0", 10, 0);
    expect_int("  12_3 ", 10, 123);
    expect_int("-42", 10, -42);
    expect_int("+5", 10, 5);
    expect_int("ff", 16, 255);
    expect_int("0x1f", 0, 31);
    expect_int("0x_1f", 16, 31);
    expect_int("0b101", 0, 5);
    expect_int("0o17", 8, 15);
    expect_int("0_0", 0, 0);
    expect_int("z", 36, 35);
    expect_int("\t7\n", 10, 7);
    expect_int("9223372036854775807", 10, INT64_MAX);
    expect_int("-9223372036854775808", 10, INT64_MIN);
    expect_bad_int("x", 10, "invalid literal for int() with base 10: 'x'");
    expect_bad_int("010", 0, "invalid literal for int() with base 0: '010'");
    expect_bad_int("1__2", 10, "invalid literal for int() with base 10: '1__2'");
    expect_bad_int("_12", 10, "invalid literal for int() with base 10: '_12'");
    expect_bad_int("12_", 10, "invalid literal for int() with base 10: '12_'");
    expect_bad_int("", 10, "invalid literal for int() with base 10: ''");
    expect_bad_int(" ", 10, "invalid literal for int() with base 10: ' '");
    expect_bad_int("- 5", 10, "invalid literal for int() with base 10: '- 5'");
    expect_bad_int("0x", 16, "invalid literal for int() with base 16: '0x'");
    expect_error(int_parse("1", 1, 1), &exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    expect_repr_new(int_parse("9223372036854775808", 19, 10), "9223372036854775808");   /* a bigint */
}
END_TEST

START_TEST(test_int_constructor)
{
    Value t = val_from_obj(&int_type);
    Value a[2];
    a[0] = F(-2.7);
    Value r = obj_call(t, a, 1, NULL);
    ck_assert_int_eq(val_to_i64(r), -2);
    a[0] = F(INFINITY);
    expect_error(obj_call(t, a, 1, NULL), &exc_OverflowError, "cannot convert float infinity to integer");
    a[0] = F(NAN);
    expect_error(obj_call(t, a, 1, NULL), &exc_ValueError, "cannot convert float NaN to integer");
    a[0] = VAL_TRUE;
    r = obj_call(t, a, 1, NULL);
    ck_assert(r == val_from_int(1));
    a[0] = VAL_NONE;
    expect_error(obj_call(t, a, 1, NULL), &exc_TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
    a[0] = F(1.5);
    a[1] = val_from_int(10);
    expect_error(obj_call(t, a, 2, NULL), &exc_TypeError, "int() can't convert non-string with explicit base");
    /* type(x) */
    a[0] = VAL_TRUE;
    r = obj_call(val_from_obj(&type_type), a, 1, NULL);
    ck_assert(r == val_from_obj(&bool_type));
    expect_repr_new(r, "<class 'bool'>");
    /* bool() */
    a[0] = F(0.0);
    ck_assert(obj_call(val_from_obj(&bool_type), a, 1, NULL) == VAL_FALSE);
    ck_assert(type_is_subtype(&bool_type, &int_type));
    ck_assert(val_isinstance(VAL_TRUE, &int_type));
    ck_assert(!val_isinstance(F(1.0), &int_type));
}
END_TEST

START_TEST(test_float_parse)
{
    static const struct { const char *s; double d; } ok[] = {
        { "  1.5 ", 1.5 }, { "1_000.5", 1000.5 }, { "1e5", 1e5 }, { ".5", 0.5 }, { "5.", 5.0 },
        { "-2.5E-3", -2.5e-3 }, { "1_0e1_0", 1e11 }, { "1e999", INFINITY },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        Value v = float_parse(ok[i].s, (int64_t)strlen(ok[i].s));
        ck_assert_msg(v != VAL_ERROR, "float(%s)", ok[i].s);
        ck_assert(val_as_float(v) == ok[i].d);
    }
    ck_assert(isinf(val_as_float(float_parse("-Infinity", 9))) && val_as_float(float_parse("-Infinity", 9)) < 0);
    ck_assert(isinf(val_as_float(float_parse("inf", 3))));
    ck_assert(isnan(val_as_float(float_parse(" nan", 4))));
    static const char *const bad[] = { "x", "1__0", "0x1p3", ".", "1e", "1e_5", "1_e5", "", "in" };
    static const char *const msg[] = {
        "could not convert string to float: 'x'", "could not convert string to float: '1__0'",
        "could not convert string to float: '0x1p3'", "could not convert string to float: '.'",
        "could not convert string to float: '1e'", "could not convert string to float: '1e_5'",
        "could not convert string to float: '1_e5'", "could not convert string to float: ''",
        "could not convert string to float: 'in'",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_error(float_parse(bad[i], (int64_t)strlen(bad[i])), &exc_ValueError, msg[i]);
    expect_error(float_parse(" x ", 3), &exc_ValueError, "could not convert string to float: ' x '");
}
END_TEST

/* ---- arithmetic ---- */

static int64_t int_op(int op, int64_t a, int64_t b)
{
    Value r = op_binary(op, I(a), I(b), false);
    ck_assert(r != VAL_ERROR);
    ck_assert(val_is_intlike(r));
    int64_t x = val_to_i64(r);
    decref(r);
    return x;
}

static double float_op(int op, Value a, Value b)
{
    Value r = op_binary(op, a, b, false);
    ck_assert(r != VAL_ERROR);
    ck_assert(val_is_float(r));
    return val_as_float(r);
}

START_TEST(test_floor_div_mod_signs)
{
    ck_assert_int_eq(int_op(BINOP_MOD, 3, -2), -1);
    ck_assert_int_eq(int_op(BINOP_MOD, -3, 2), 1);
    ck_assert_int_eq(int_op(BINOP_FLOORDIV, -3, 2), -2);
    ck_assert_int_eq(int_op(BINOP_FLOORDIV, 3, -2), -2);
    ck_assert_int_eq(int_op(BINOP_FLOORDIV, 7, 2), 3);
    ck_assert_int_eq(int_op(BINOP_MOD, -7, -2), -1);
    ck_assert_int_eq(int_op(BINOP_RSHIFT, -7, 1), -4);
    ck_assert_int_eq(int_op(BINOP_RSHIFT, -7, 100), -1);
    ck_assert_int_eq(int_op(BINOP_POW, -2, 63), INT64_MIN);
    ck_assert(float_op(BINOP_MOD, F(3.5), I(-2)) == -0.5);
    ck_assert(float_op(BINOP_FLOORDIV, F(-3.5), I(2)) == -2.0);
    double z = float_op(BINOP_MOD, F(0.0), I(-5));
    ck_assert(z == 0.0 && signbit(z));
    z = float_op(BINOP_MOD, F(-0.0), I(5));
    ck_assert(z == 0.0 && !signbit(z));
    ck_assert(float_op(BINOP_FLOORDIV, I(5), F(0.5)) == 10.0);
    ck_assert(float_op(BINOP_TRUEDIV, I(1), I(4)) == 0.25);
    ck_assert(float_op(BINOP_POW, I(2), I(-1)) == 0.5);
    ck_assert(float_op(BINOP_POW, I(-2), I(-1)) == -0.5);
    ck_assert(float_op(BINOP_POW, F(0.0), I(0)) == 1.0);
    ck_assert(isnan(float_op(BINOP_FLOORDIV, F(INFINITY), I(1))));
    /* bools are ints; & | ^ of two bools stay bool */
    ck_assert(op_binary(BINOP_ADD, VAL_TRUE, VAL_TRUE, false) == val_from_int(2));
    ck_assert(op_binary(BINOP_AND, VAL_TRUE, VAL_TRUE, false) == VAL_TRUE);
    ck_assert(op_binary(BINOP_XOR, VAL_TRUE, VAL_TRUE, false) == VAL_FALSE);
    ck_assert(op_binary(BINOP_OR, VAL_TRUE, val_from_int(2), false) == val_from_int(3));
    ck_assert(op_unary(UOP_INVERT, VAL_TRUE) == val_from_int(-2));
    ck_assert(op_unary(UOP_NEG, VAL_TRUE) == val_from_int(-1));
    ck_assert(op_unary(UOP_POS, VAL_TRUE) == val_from_int(1));
    ck_assert(op_unary(UOP_NOT, val_from_int(0)) == VAL_TRUE);
}
END_TEST

START_TEST(test_heap_int_arithmetic)
{
    /* crossing the 48-bit inline boundary both ways */
    int64_t big = INT_INLINE_MAX;
    Value r = op_binary(BINOP_ADD, I(big), I(1), false);
    ck_assert(val_is_obj(r));
    ck_assert_int_eq(val_to_i64(r), big + 1);
    Value s = op_binary(BINOP_SUB, r, I(1), false);
    ck_assert(val_is_int(s));
    ck_assert_int_eq(val_as_int(s), big);
    ck_assert_int_eq(obj_compare_bool(r, I(big), CMP_GT), 1);
    ck_assert_int_eq(obj_eq(r, F((double)(big + 1))), 1);
    expect_repr_new(r, "140737488355328");
    expect_repr_new(I(INT64_MIN), "-9223372036854775808");
}
END_TEST

START_TEST(test_overflow_and_zero_division)
{
    /* beyond 64 bits the results are bigints (tests/unit/test_bigint.c) */
    expect_repr_new(op_binary(BINOP_ADD, B(INT64_MAX), B(1), false), "9223372036854775808");
    expect_repr_new(op_binary(BINOP_MUL, B(INT64_C(1) << 62), B(2), false), "9223372036854775808");
    expect_repr_new(op_binary(BINOP_POW, I(2), I(64), false), "18446744073709551616");
    expect_repr_new(op_binary(BINOP_LSHIFT, I(1), I(64), false), "18446744073709551616");
    expect_repr_new(op_binary(BINOP_FLOORDIV, B(INT64_MIN), B(-1), false), "9223372036854775808");
    expect_error(op_binary(BINOP_LSHIFT, I(1), I(-1), false), &exc_ValueError, "negative shift count");
    expect_error(op_binary(BINOP_RSHIFT, I(1), I(-1), false), &exc_ValueError, "negative shift count");
    expect_error(op_binary(BINOP_POW, F(2.0), I(10000), false), &exc_OverflowError,
                 "(34, 'Numerical result out of range')");
    expect_error(op_binary(BINOP_TRUEDIV, I(1), I(0), false), &exc_ZeroDivisionError, "division by zero");
    expect_error(op_binary(BINOP_FLOORDIV, I(1), I(0), false), &exc_ZeroDivisionError,
                 "integer division or modulo by zero");
    expect_error(op_binary(BINOP_MOD, I(1), I(0), false), &exc_ZeroDivisionError, "integer modulo by zero");
    expect_error(op_binary(BINOP_TRUEDIV, F(1.0), I(0), false), &exc_ZeroDivisionError, "float division by zero");
    expect_error(op_binary(BINOP_TRUEDIV, I(1), F(0.0), false), &exc_ZeroDivisionError, "float division by zero");
    expect_error(op_binary(BINOP_FLOORDIV, F(1.0), I(0), false), &exc_ZeroDivisionError,
                 "float floor division by zero");
    expect_error(op_binary(BINOP_MOD, I(1), F(0.0), false), &exc_ZeroDivisionError, "float modulo");
    expect_error(op_binary(BINOP_POW, I(0), I(-1), false), &exc_ZeroDivisionError,
                 "0.0 cannot be raised to a negative power");
    expect_error(op_binary(BINOP_POW, F(0.0), F(-1.0), false), &exc_ZeroDivisionError,
                 "0.0 cannot be raised to a negative power");
    expect_error(op_unary(UOP_INVERT, F(1.5)), &exc_TypeError, "bad operand type for unary ~: 'float'");
    expect_error(op_binary(BINOP_MATMUL, I(1), I(2), false), &exc_TypeError,
                 "unsupported operand type(s) for @: 'int' and 'int'");
    expect_error(op_binary(BINOP_LSHIFT, F(1.0), I(2), true), &exc_TypeError,
                 "unsupported operand type(s) for <<=: 'float' and 'int'");
    expect_error(op_binary(BINOP_POW, I(1), VAL_NONE, false), &exc_TypeError,
                 "unsupported operand type(s) for ** or pow(): 'int' and 'NoneType'");
    expect_error(op_binary(BINOP_MUL, F(1.5), VAL_NONE, false), &exc_TypeError,
                 "unsupported operand type(s) for *: 'float' and 'NoneType'");
}
END_TEST

/* ---- comparison and hashing ---- */

START_TEST(test_compare_exact)
{
    int64_t p53 = INT64_C(1) << 53;
    ck_assert_int_eq(obj_eq(B(p53 + 1), F((double)p53)), 0);
    ck_assert_int_eq(obj_compare_bool(B(p53 + 1), F((double)p53), CMP_GT), 1);
    ck_assert_int_eq(obj_compare_bool(F((double)p53), B(p53 + 1), CMP_LT), 1);
    ck_assert_int_eq(obj_eq(I(1), F(1.0)), 1);
    ck_assert_int_eq(obj_eq(VAL_TRUE, I(1)), 1);
    ck_assert_int_eq(obj_compare_bool(F(0.5), I(1), CMP_LT), 1);
    ck_assert_int_eq(obj_compare_bool(F(NAN), F(NAN), CMP_EQ), 0);
    ck_assert_int_eq(obj_compare_bool(F(NAN), I(1), CMP_NE), 1);
    ck_assert_int_eq(obj_compare_bool(F(9.3e18), B(INT64_MAX), CMP_GT), 1);
    ck_assert(op_compare(CMP_LT, I(1), F(1.5)) == VAL_TRUE);
    ck_assert(op_compare(CMP_IS, I(5), I(5)) == VAL_TRUE);
    ck_assert(op_compare(CMP_EQ, VAL_NONE, I(0)) == VAL_FALSE);
    ck_assert(op_compare(CMP_NE, VAL_NONE, VAL_NONE) == VAL_FALSE);
    expect_error(op_compare(CMP_LT, I(1), VAL_NONE), &exc_TypeError,
                 "'<' not supported between instances of 'int' and 'NoneType'");
    expect_error(op_compare(CMP_GE, F(1.0), VAL_NONE), &exc_TypeError,
                 "'>=' not supported between instances of 'float' and 'NoneType'");
    Value r = range_new(0, 10, 3);
    ck_assert(op_compare(CMP_IN, I(9), r) == VAL_TRUE);
    ck_assert(op_compare(CMP_IN, I(8), r) == VAL_FALSE);
    ck_assert(op_compare(CMP_NOT_IN, F(6.0), r) == VAL_FALSE);
    expect_repr_new(r, "range(0, 10, 3)");
    expect_error(op_compare(CMP_IN, I(1), I(1)), &exc_TypeError, "argument of type 'int' is not iterable");
}
END_TEST

static int64_t hash_of(Value v)
{
    int64_t h;
    ck_assert_int_eq(obj_hash(v, &h), 0);
    return h;
}

START_TEST(test_hashes)
{
    ck_assert_int_eq(hash_of(I(-1)), -2);
    ck_assert_int_eq(hash_of(I(-2)), -2);
    ck_assert_int_eq(int_hash_i64(INT64_C(1) << 61), 1);
    ck_assert_int_eq(int_hash_i64((INT64_C(1) << 61) - 1), 0);
    ck_assert_int_eq(int_hash_i64(-(INT64_C(1) << 61)), -2);
    ck_assert_int_eq(hash_of(F(1.5)), INT64_C(1152921504606846977));
    ck_assert_int_eq(hash_of(F(-1.0)), -2);
    ck_assert_int_eq(hash_of(F(INFINITY)), 314159);
    ck_assert_int_eq(hash_of(F(-INFINITY)), -314159);
    ck_assert_int_eq(hash_of(F(1e100)), INT64_C(1822893315824342674));
    ck_assert_int_eq(hash_of(F(0.1)), INT64_C(230584300921369408));
    for (int64_t i = -1000; i <= 1000; i += 7)
        ck_assert_int_eq(hash_of(I(i)), hash_of(F((double)i)));
    ck_assert_int_eq(hash_of(B(INT64_C(1) << 60)), hash_of(F(0x1p60)));
    ck_assert_int_eq(hash_of(VAL_TRUE), 1);
    ck_assert_int_eq(hash_of(VAL_FALSE), 0);
    Value a = range_new(0, 0, 1), b = range_new(5, 5, 3);
    ck_assert_int_eq(obj_eq(a, b), 1);
    ck_assert_int_eq(hash_of(a), hash_of(b));
    decref(a);
    decref(b);
}
END_TEST

/* ---- type machinery ---- */

START_TEST(test_type_objects)
{
    expect_repr_new(val_from_obj(&int_type), "<class 'int'>");
    expect_repr_new(val_from_obj(&type_type), "<class 'type'>");
    expect_repr_new(VAL_TRUE, "True");
    expect_repr_new(VAL_NONE, "None");
    Value n = obj_getattr_cstr(val_from_obj(&float_type), "__name__");
    expect_repr_new(n, "'float'");
    ck_assert_str_eq(val_type_name(F(1.0)), "float");
    ck_assert_str_eq(val_type_name(VAL_NONE), "NoneType");
    ck_assert_str_eq(val_type_name(B(INT64_MAX)), "int");
    /* methods bind to their object */
    Value m = obj_getattr_cstr(I(-255), "bit_length");
    ck_assert(m != VAL_ERROR);
    Value r = obj_call(m, NULL, 0, NULL);
    ck_assert(r == val_from_int(8));
    decref(m);
    m = obj_getattr_cstr(VAL_TRUE, "bit_length");    /* inherited from int */
    ck_assert(obj_call(m, NULL, 0, NULL) == val_from_int(1));
    decref(m);
    m = obj_getattr_cstr(F(2.0), "is_integer");
    ck_assert(obj_call(m, NULL, 0, NULL) == VAL_TRUE);
    decref(m);
    expect_error(obj_getattr_cstr(I(1), "x"), &exc_AttributeError, "'int' object has no attribute 'x'");
    expect_error(obj_getattr_cstr(val_from_obj(&int_type), "x"), &exc_AttributeError,
                 "type object 'int' has no attribute 'x'");
    expect_error(obj_call(I(1), NULL, 0, NULL), &exc_TypeError, "'int' object is not callable");
    expect_error(obj_getitem(I(1), I(0)), &exc_TypeError, "'int' object is not subscriptable");
    expect_error(obj_iter(I(1)), &exc_TypeError, "'int' object is not iterable");
    ck_assert_int_eq(obj_len(F(1.0)), -1);
    expect_error(VAL_ERROR, &exc_TypeError, "object of type 'float' has no len()");
    ck_assert_int_eq(obj_truth(F(0.0)), 0);
    ck_assert_int_eq(obj_truth(B(INT64_MIN)), 1);
}
END_TEST

START_TEST(test_range_and_slice)
{
    Value r = range_new(0, 10, 1);
    Value s = slice_new(VAL_NONE, VAL_NONE, I(-1));
    Value rr = obj_getitem(r, s);
    expect_repr_new(rr, "range(9, -1, -1)");
    decref(s);
    s = slice_new(I(2), I(8), I(3));
    expect_repr_new(obj_getitem(r, s), "range(2, 8, 3)");
    expect_repr_new(s, "slice(2, 8, 3)");
    Value neg = obj_getitem(r, I(-1));
    ck_assert(neg == val_from_int(9));
    expect_error(obj_getitem(r, I(10)), &exc_IndexError, "range object index out of range");
    ck_assert_int_eq(obj_len(r), 10);
    decref(r);
    expect_error(range_new(1, 2, 0), &exc_ValueError, "range() arg 3 must not be zero");
    Value a[1] = { F(1.5) };
    expect_error(obj_call(val_from_obj(&range_type), a, 1, NULL), &exc_TypeError,
                 "'float' object cannot be interpreted as an integer");
    Slice sl = { .ob = OBJ_HEAD_INIT(&slice_type), .start = VAL_NONE, .stop = VAL_NONE, .step = I(0) };
    int64_t b, e, st, n;
    ck_assert_int_eq(slice_indices(&sl, 5, &b, &e, &st, &n), -1);
    expect_error(VAL_ERROR, &exc_ValueError, "slice step cannot be zero");
    sl.step = I(-2);
    ck_assert_int_eq(slice_indices(&sl, 5, &b, &e, &st, &n), 0);
    ck_assert_int_eq(b, 4);
    ck_assert_int_eq(e, -1);
    ck_assert_int_eq(n, 3);
    sl.start = I(-100);
    sl.stop = I(100);
    sl.step = VAL_NONE;
    ck_assert_int_eq(slice_indices(&sl, 5, &b, &e, &st, &n), 0);
    ck_assert_int_eq(b, 0);
    ck_assert_int_eq(e, 5);
    ck_assert_int_eq(n, 5);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_float_repr_table, test_int_parse, test_int_constructor,
                    test_float_parse, test_floor_div_mod_signs, test_heap_int_arithmetic,
                    test_overflow_and_zero_division, test_compare_exact, test_hashes,
                    test_type_objects, test_range_and_slice, NULL);
}

const CheckSuite check_suite = { .name = "numbers", .add_tests = add_tests,
    .interp = CHECK_INTERP_RUN, .at_exit = release_made };
