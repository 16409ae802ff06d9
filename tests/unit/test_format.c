/* test_format.c — unit tests of the text formatting in runtime/objects/format.c
 * (format specs, str.format, printf-style %) and of the str methods in
 * runtime/objects/str_methods.c. Every expected string (and error text) was printed
 * by python3 3.11 for the same operation.
 */
#include "check_util.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/format.h"
#include "objects/function.h"

/* Values made by keep() and the V* constructors below are released when the
 * test ends. */
#define POOL_MAX 4096
static Value pool[POOL_MAX];
static int npool;

static Value keep(Value v)
{
    ck_assert(v != VAL_ERROR);
    ck_assert_int_lt(npool, POOL_MAX);
    pool[npool++] = v;
    return v;
}

static void setup(void) { npool = 0; }

static void teardown(void)
{
    while (npool > 0) decref(pool[--npool]);
}

static Value VI(int64_t i) { return int_from_i64(i); }
static Value VF(double d) { return val_from_float(d); }
static Value VS(const char *s) { return keep(str_val(str_from_cstr(s))); }
static Value VT(int n, Value *items) { return keep(val_from_obj(tuple_from_array(items, n))); }

static Value VL(int n, Value *items)
{
    List *l = list_new(n);
    for (int i = 0; i < n; i++) list_append(l, items[i]);
    return keep(val_from_obj(l));
}

static Value VD(int n, Value *kv)
{
    Dict *d = dict_new();
    for (int i = 0; i < n; i++) dict_set(d, kv[2 * i], kv[2 * i + 1]);
    return keep(val_from_obj(d));
}

static void expect_str(Value v, const char *want, const char *what)
{
    if (v == VAL_ERROR) {
        Value e = err_fetch();
        Value s = obj_str(e);
        ck_abort_msg("%s: unexpected error %s: %s", what, val_type_name(e), val_as_str(s)->data);
    }
    ck_assert_msg(val_is_str(v), "%s: not a str", what);
    ck_assert_msg(strcmp(val_as_str(v)->data, want) == 0, "%s: got '%s', want '%s'", what, val_as_str(v)->data, want);
    decref(v);
}

static void expect_raised(Value v, Type *t, const char *msg, const char *what)
{
    if (v != VAL_ERROR) {
        Value r = obj_repr(v);
        ck_abort_msg("%s: expected %s, got %s", what, t->name, val_as_str(r)->data);
    }
    ck_assert(err_occurred());
    Value e = err_fetch();
    ck_assert_msg(val_type(e) == t, "%s: raised %s, want %s", what, val_type_name(e), t->name);
    Value s = obj_str(e);
    ck_assert(s != VAL_ERROR);
    ck_assert_msg(strcmp(val_as_str(s)->data, msg) == 0, "%s: message '%s', want '%s'", what, val_as_str(s)->data, msg);
    decref(s);
    decref(e);
}

static void check_fmt(Value v, const char *spec, const char *want)
{
    Str *s = str_from_cstr(spec);
    expect_str(format_value(v, s), want, spec);
    obj_decref(s);
}

static void check_fmt_err(Value v, const char *spec, Type *t, const char *msg)
{
    Str *s = str_from_cstr(spec);
    expect_raised(format_value(v, s), t, msg, spec);
    obj_decref(s);
}

static void check_pct(const char *fmt, Value args, const char *want)
{
    Str *s = str_from_cstr(fmt);
    expect_str(format_percent(s, args), want, fmt);
    obj_decref(s);
}

static void check_pct_err(const char *fmt, Value args, Type *t, const char *msg)
{
    Str *s = str_from_cstr(fmt);
    expect_raised(format_percent(s, args), t, msg, fmt);
    obj_decref(s);
}

static Value call_sfmt(const char *tmpl, int n, Value *args)
{
    Value a[16];
    a[0] = VS(tmpl);
    for (int i = 0; i < n; i++) a[i + 1] = args[i];
    return format_str_method(a, n + 1, NULL);
}

static void check_sfmt(const char *tmpl, int n, Value *args, const char *want)
{
    expect_str(call_sfmt(tmpl, n, args), want, tmpl);
}

static void check_sfmt_err(const char *tmpl, int n, Value *args, Type *t, const char *msg)
{
    expect_raised(call_sfmt(tmpl, n, args), t, msg, tmpl);
}

static Value call_meth(const char *name, Value self, int n, Value *args)
{
    const MethodDef *m = str_methods;
    while (m->name && strcmp(m->name, name) != 0) m++;
    ck_assert_msg(m->name != NULL, "no str method %s", name);
    Value a[16];
    a[0] = self;
    for (int i = 0; i < n; i++) a[i + 1] = args[i];
    return m->fn(a, n + 1, NULL);
}

/* The result's repr is compared, so lists, tuples, ints and bools work too. */
static void check_meth(const char *name, Value self, int n, Value *args, const char *want_repr)
{
    Value r = call_meth(name, self, n, args);
    if (r == VAL_ERROR) expect_str(r, want_repr, name);
    Value rep = obj_repr(r);
    decref(r);
    expect_str(rep, want_repr, name);
}

static void check_meth_err(const char *name, Value self, int n, Value *args, Type *t, const char *msg)
{
    expect_raised(call_meth(name, self, n, args), t, msg, name);
}

START_TEST(test_format_spec)
{
    check_fmt(VI(5), "", "5");
    check_fmt(VI(5), ">5", "    5");
    check_fmt(VI(5), "<5", "5    ");
    check_fmt(VI(-5), "=+5", "-   5");
    check_fmt(VI(5), "+", "+5");
    check_fmt(VI(5), " ", " 5");
    check_fmt(VI(255), "x", "ff");
    check_fmt(VI(255), "X", "FF");
    check_fmt(VI(255), "#x", "0xff");
    check_fmt(VI(255), "#010x", "0x000000ff");
    check_fmt(VI(-255), "#010x", "-0x00000ff");
    check_fmt(VI(5), "b", "101");
    check_fmt(VI(-7), "b", "-111");
    check_fmt(VI(8), "o", "10");
    check_fmt(VI(8), "#o", "0o10");
    check_fmt(VI(65), "c", "A");
    check_fmt(VI(1234567), ",", "1,234,567");
    check_fmt(VI(1234567), "_", "1_234_567");
    check_fmt(VI(1234567), "_x", "12_d687");
    check_fmt(VI(1234567), "_b", "1_0010_1101_0110_1000_0111");
    check_fmt(VI(-1234567), ",d", "-1,234,567");
    check_fmt(VI(1234), "08,", "0,001,234");
    check_fmt(VI(1234), "09,", "0,001,234");
    check_fmt(VI(1234), "010,", "00,001,234");
    check_fmt(VI(1234), "07,", "001,234");
    check_fmt(VI(4660), "012_x", "00_0000_1234");
    check_fmt(VI(4660), "#012_x", "0x0_0000_1234");
    check_fmt(VI(1234), "+010,", "+0,001,234");
    check_fmt(VI(1234), "*=10,", "*****1,234");
    check_fmt(VI(12), "n", "12");
    check_fmt(VI(12), "%", "1200.000000%");
    check_fmt(VI(3), ".2f", "3.00");
    check_fmt(VI(3), "e", "3.000000e+00");
    check_fmt(VAL_TRUE, "", "True");
    check_fmt(VAL_TRUE, "d", "1");
    check_fmt(VAL_TRUE, ">5", "    1");
    check_fmt(VAL_NONE, "", "None");
    check_fmt(VF(0x1.8000000000000p+0), "", "1.5");
    check_fmt(VF(0x1.0000000000000p+0), "", "1.0");
    check_fmt(VF(0x1.1c37937e08000p+53), "", "1e+16");
    check_fmt(VF(0x1.1c37937e08000p+53), "10", "     1e+16");
    check_fmt(VF(0x1.ad7f29abcaf48p-24), "", "1e-07");
    check_fmt(VF(-0x0.0p+0), "", "-0.0");
    check_fmt(VF(-0x0.0p+0), "z.1f", "0.0");
    check_fmt(VF(-0x1.ad7f29abcaf48p-24), "z.3f", "0.000");
    check_fmt(VF(0x1.999999999999ap-4), ".17", "0.10000000000000001");
    check_fmt(VF(0x0.0000000000001p-1022), "", "5e-324");
    check_fmt(VF(0x1.0000000000000p+0), ".3", "1.0");
    check_fmt(VF(0x1.9000000000000p+6), ".3", "1e+02");
    check_fmt(VF(0x1.4000000000000p+3), ".3", "10.0");
    check_fmt(VF(0x1.5af1d78b58c40p+66), ".3", "1e+20");
    check_fmt(VF(0x1.9e409301b5a02p-17), ".3", "1.23e-05");
    check_fmt(VF(0x0.0p+0), ".3", "0.0");
    check_fmt(VF(0x1.0000000000000p+0), "#.3", "1.00");
    check_fmt(VF(0x1.8000000000000p+0), "10.3", "       1.5");
    check_fmt(VF(0x1.921f9f01b866ep+1), ".2f", "3.14");
    check_fmt(VF(0x1.921f9f01b866ep+1), "=+12.3f", "+      3.142");
    check_fmt(VF(0x1.4000000000000p+1), ".0f", "2");
    check_fmt(VF(0x1.c000000000000p+1), ".0f", "4");
    check_fmt(VF(0x1.0000000000000p-3), ".2f", "0.12");
    check_fmt(VF(0x1.5666666666666p+1), ".2f", "2.67");
    check_fmt(VF(0x1.0f0cf064dd592p+73), "f", "10000000000000000000000.000000");
    check_fmt(VF(0x1.0000000000000p+0), "#.0f", "1.");
    check_fmt(VF(0x1.81cd6c8b43958p+13), "e", "1.234568e+04");
    check_fmt(VF(0x1.81cd6c8b43958p+13), ".2E", "1.23E+04");
    check_fmt(VF(0x0.0p+0), "e", "0.000000e+00");
    check_fmt(VF(0x1.9e3abe16fc70dp-17), "e", "1.234500e-05");
    check_fmt(VF(0x1.8000000000000p+3), "g", "12");
    check_fmt(VF(0x1.249ad2594c37dp+332), "g", "1e+100");
    check_fmt(VF(0x1.e240000000000p+16), "G", "123456");
    check_fmt(VF(0x1.a36e2eb1c432dp-14), "g", "0.0001");
    check_fmt(VF(0x1.4f8b588e368f1p-17), "g", "1e-05");
    check_fmt(VF(0x1.0000000000000p+0), "#g", "1.00000");
    check_fmt(VF(0x1.81cd6c8b43958p+13), "n", "12345.7");
    check_fmt(VF(0x1.8000000000000p+0), "%", "150.000000%");
    check_fmt(VF(0x1.0000000000000p-1), ".0%", "50%");
    check_fmt(VF(0x1.f972474538ef3p-4), "+.1%", "+12.3%");
    check_fmt(VF(0x1.8000000000000p+0), ",.2f", "1.50");
    check_fmt(VF(0x1.d6f3454000000p+26), ",", "123,456,789.0");
    check_fmt(VF(0x1.34a0000000000p+10), "012,.1f", "00,001,234.5");
    check_fmt(VF(-0x1.34a0000000000p+10), "010,", "-001,234.5");
    check_fmt(VF(0x1.78c29dccccccdp+23), "_.2f", "12_345_678.90");
    check_fmt(VF(INFINITY), "", "inf");
    check_fmt(VF(INFINITY), "010", "0000000inf");
    check_fmt(VF(-INFINITY), "+010.2f", "-000000inf");
    check_fmt(VF(NAN), "F", "NAN");
    check_fmt(VF(NAN), "+", "+nan");
    check_fmt(VF(INFINITY), "E", "INF");
    check_fmt(VS("ab"), "", "ab");
    check_fmt(VS("ab"), "^7", "  ab   ");
    check_fmt(VS("ab"), ">5", "   ab");
    check_fmt(VS("ab"), "*<5", "ab***");
    check_fmt(VS("abc"), ".2", "ab");
    check_fmt(VS("ab"), "05", "ab000");
    check_fmt(VS("\303\251"), "*^5", "**\303\251**");
    check_fmt(VS("\346\227\245\346\234\254"), "_^8", "___\346\227\245\346\234\254___");
    check_fmt(VS("abcdef"), "10.3", "abc       ");
}
END_TEST

START_TEST(test_format_spec_errors)
{
    check_fmt_err(VI(1), "abc", &exc_ValueError, "Invalid format specifier 'abc' for object of type 'int'");
    check_fmt_err(VF(0x1.0000000000000p+0), "d", &exc_ValueError, "Unknown format code 'd' for object of type 'float'");
    check_fmt_err(VI(1), ".2d", &exc_ValueError, "Precision not allowed in integer format specifier");
    check_fmt_err(VS("a"), "+", &exc_ValueError, "Sign not allowed in string format specifier");
    check_fmt_err(VS("a"), " ", &exc_ValueError, "Space not allowed in string format specifier");
    check_fmt_err(VS("a"), "=5", &exc_ValueError, "'=' alignment not allowed in string format specifier");
    check_fmt_err(VS("a"), ",", &exc_ValueError, "Cannot specify ',' with 's'.");
    check_fmt_err(VS("a"), "#", &exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    check_fmt_err(VI(1), ",x", &exc_ValueError, "Cannot specify ',' with 'x'.");
    check_fmt_err(VI(1), ",_", &exc_ValueError, "Cannot specify both ',' and '_'.");
    check_fmt_err(VI(1), "_,", &exc_ValueError, "Cannot specify both ',' and '_'.");
    check_fmt_err(VI(1), ",,", &exc_ValueError, "Cannot specify ',' with ','.");
    check_fmt_err(VI(65), "#c", &exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    check_fmt_err(VI(1), "+c", &exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    check_fmt_err(VI(1), "_c", &exc_ValueError, "Cannot specify '_' with 'c'.");
    check_fmt_err(VI(1), "z", &exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    check_fmt_err(VS("a"), "z", &exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    check_fmt_err(VF(0x1.8000000000000p+0), ",n", &exc_ValueError, "Cannot specify ',' with 'n'.");
    check_fmt_err(VI(1), "xx", &exc_ValueError, "Invalid format specifier 'xx' for object of type 'int'");
    check_fmt_err(VI(1), ".", &exc_ValueError, "Format specifier missing precision");
    check_fmt_err(VI(1), "1000000000000000000000", &exc_ValueError, "Too many decimal digits in format string");
    check_fmt_err(VAL_NONE, ">5", &exc_TypeError, "unsupported format string passed to NoneType.__format__");
    check_fmt_err(VL(0, NULL), "x", &exc_TypeError, "unsupported format string passed to list.__format__");
    check_fmt_err(VS("a"), "d", &exc_ValueError, "Unknown format code 'd' for object of type 'str'");
    check_fmt_err(VI(1114112), "c", &exc_OverflowError, "%c arg not in range(0x110000)");
}
END_TEST

START_TEST(test_percent)
{
    check_pct("%d", VI(5), "5");
    check_pct("%s", VS("abc"), "abc");
    check_pct("%r", VS("abc"), "'abc'");
    check_pct("%5.2f|%-5d|%+d|% d|%05d|%#x|%#o|%e|%g|%G", VT(10, (Value[]){VF(0x1.921f9f01b866ep+1), VI(42), VI(5), VI(5), VI(-42), VI(255), VI(8), VF(0x1.81cd6c8b43958p+13), VF(0x1.9e0fcaf9380fcp-17), VF(0x1.b7cdfd9d7bdbbp-34)}), " 3.14|42   |+5| 5|-0042|0xff|0o10|1.234568e+04|1.234e-05|1E-10");
    check_pct("%*d|%-*d|%.*f", VT(6, (Value[]){VI(5), VI(1), VI(5), VI(2), VI(2), VF(0x1.921f9f01b866ep+1)}), "    1|2    |3.14");
    check_pct("%s %r", VT(2, (Value[]){VS("a"), VS("a")}), "a 'a'");
    check_pct("%c%c", VT(2, (Value[]){VI(65), VS("b")}), "Ab");
    check_pct("%.2s", VS("abcdef"), "ab");
    check_pct("%d", VF(0x1.f333333333333p+1), "3");
    check_pct("%i", VAL_TRUE, "1");
    check_pct("%s", VAL_NONE, "None");
    check_pct("a", VT(0, NULL), "a");
    check_pct("%%", VT(0, NULL), "%");
    check_pct("%05f", VF(INFINITY), "00inf");
    check_pct("%-05d|", VI(3), "3    |");
    check_pct("%.3d", VI(5), "005");
    check_pct("%+.3d", VI(-5), "-005");
    check_pct("%#5x", VI(255), " 0xff");
    check_pct("%#05x", VI(255), "0x0ff");
    check_pct("%X", VI(255), "FF");
    check_pct("%5s|%-5s|", VT(2, (Value[]){VS("ab"), VS("cd")}), "   ab|cd   |");
    check_pct("%05s", VS("ab"), "   ab");
    check_pct("%.0e", VI(12345), "1e+04");
    check_pct("%#.0f", VI(1), "1.");
    check_pct("%#g", VI(1), "1.00000");
    check_pct("%10.4g", VF(0x1.921fb53c8d4f1p+1), "     3.142");
    check_pct("%x", VI(-255), "-ff");
    check_pct("%s", VT(1, (Value[]){VI(1)}), "1");
    check_pct("%s", VL(2, (Value[]){VI(1), VI(2)}), "[1, 2]");
    check_pct("%.1f", VF(0x1.0000000000000p-2), "0.2");
    check_pct("%.2f", VF(0x1.5666666666666p+1), "2.67");
    check_pct("%s", VF(0x1.0000000000000p+0), "1.0");
    check_pct("%r", VF(0x1.1c37937e08000p+53), "1e+16");
    check_pct("%u", VI(5), "5");
    check_pct("%-*d|", VT(2, (Value[]){VI(-5), VI(3)}), "3    |");
    check_pct("%s \303\251 %s", VT(2, (Value[]){VS("\303\240"), VS("\303\274")}), "\303\240 \303\251 \303\274");
    check_pct("%-6s\303\251|", VS("\303\240"), "\303\240     \303\251|");
    check_pct("%c", VS("\303\251"), "\303\251");
    check_pct("%3c|", VI(65), "  A|");
    check_pct("%f", VI(1), "1.000000");
    check_pct("%e", VF(-0x0.0p+0), "-0.000000e+00");
    check_pct("%g", VI(100000), "100000");
    check_pct("%g", VI(1000000), "1e+06");
    check_pct("%o", VI(8), "10");
    check_pct("%(a)s", VD(1, (Value[]){VS("a"), VI(1)}), "1");
    check_pct("%(a)s-%(b)r", VD(2, (Value[]){VS("a"), VI(1), VS("b"), VS("x")}), "1-'x'");
    check_pct("%s", VD(1, (Value[]){VS("a"), VI(1)}), "{'a': 1}");
    check_pct("a", VL(0, NULL), "a");
}
END_TEST

START_TEST(test_percent_errors)
{
    check_pct_err("%d", VT(0, NULL), &exc_TypeError, "not enough arguments for format string");
    check_pct_err("%d %d", VT(1, (Value[]){VI(1)}), &exc_TypeError, "not enough arguments for format string");
    check_pct_err("%d", VT(2, (Value[]){VI(1), VI(2)}), &exc_TypeError, "not all arguments converted during string formatting");
    check_pct_err("%d", VS("a"), &exc_TypeError, "%d format: a real number is required, not str");
    check_pct_err("%x", VF(0x1.8000000000000p+0), &exc_TypeError, "%x format: an integer is required, not float");
    check_pct_err("%c", VS("ab"), &exc_TypeError, "%c requires int or char");
    check_pct_err("%c", VF(0x1.8000000000000p+0), &exc_TypeError, "%c requires int or char");
    check_pct_err("%z", VI(1), &exc_ValueError, "unsupported format character 'z' (0x7a) at index 1");
    check_pct_err("%", VI(1), &exc_ValueError, "incomplete format");
    check_pct_err("%(a)s", VI(1), &exc_TypeError, "format requires a mapping");
    check_pct_err("%(a)s %(b)s", VD(1, (Value[]){VS("a"), VI(1)}), &exc_KeyError, "'b'");
    check_pct_err("%(a)s %s", VD(1, (Value[]){VS("a"), VI(1)}), &exc_TypeError, "not enough arguments for format string");
    check_pct_err("a", VI(1), &exc_TypeError, "not all arguments converted during string formatting");
    check_pct_err("%*d", VT(2, (Value[]){VS("a"), VI(1)}), &exc_TypeError, "* wants int");
    check_pct_err("%5%", VT(0, NULL), &exc_TypeError, "not enough arguments for format string");
    check_pct_err("%5%", VT(1, (Value[]){VI(1)}), &exc_ValueError, "unsupported format character '%' (0x25) at index 2");
    check_pct_err("%(a", VD(1, (Value[]){VS("a"), VI(1)}), &exc_ValueError, "incomplete format key");
    check_pct_err("%c", VI(1114112), &exc_OverflowError, "%c arg not in range(0x110000)");
    check_pct_err("%d", VF(INFINITY), &exc_OverflowError, "cannot convert float infinity to integer");
    check_pct_err("%f", VS("a"), &exc_TypeError, "must be real number, not str");
    check_pct_err("%\303\251", VI(1), &exc_ValueError, "unsupported format character '?' (0xe9) at index 1");
}
END_TEST

START_TEST(test_str_format)
{
    check_sfmt("{} {}", 2, (Value[]){VI(1), VS("a")}, "1 a");
    check_sfmt("{1}{0}{1}", 2, (Value[]){VS("a"), VS("b")}, "bab");
    check_sfmt("{:>5}|{:<5}|{:^5}", 3, (Value[]){VI(1), VI(2), VI(3)}, "    1|2    |  3  ");
    check_sfmt("{:.2f}", 1, (Value[]){VF(0x1.921f9f01b866ep+1)}, "3.14");
    check_sfmt("{!r}", 1, (Value[]){VS("x")}, "'x'");
    check_sfmt("{!r:>5}", 1, (Value[]){VS("a")}, "  'a'");
    check_sfmt("{!s:>4}", 1, (Value[]){VL(1, (Value[]){VI(1)})}, " [1]");
    check_sfmt("{{}}{}", 1, (Value[]){VI(1)}, "{}1");
    check_sfmt("{:{}}", 2, (Value[]){VI(1), VI(5)}, "    1");
    check_sfmt("{0:{1}.{2}f}", 3, (Value[]){VF(0x1.921f9f01b866ep+1), VI(10), VI(2)}, "      3.14");
    check_sfmt("{0[1]}", 1, (Value[]){VL(2, (Value[]){VI(1), VI(2)})}, "2");
    check_sfmt("{0[0][1]}", 1, (Value[]){VL(1, (Value[]){VS("ab")})}, "b");
    check_sfmt("{:,}", 1, (Value[]){VI(1000000)}, "1,000,000");
    check_sfmt("{:x} {:X} {:o} {:b} {:#b}", 5, (Value[]){VI(255), VI(255), VI(8), VI(5), VI(5)}, "ff FF 10 101 0b101");
    check_sfmt("{:*^10}", 1, (Value[]){VS("\303\251")}, "****\303\251*****");
    check_sfmt("{0}{0}", 1, (Value[]){VS("a")}, "aa");
    check_sfmt("{:08.3f}", 1, (Value[]){VF(-0x1.921f9f01b866ep+1)}, "-003.142");
    check_sfmt("{:5}", 1, (Value[]){VAL_TRUE}, "    1");
    check_sfmt("{}", 1, (Value[]){VAL_NONE}, "None");
    check_sfmt("{:.3}", 1, (Value[]){VS("abcdef")}, "abc");
    check_sfmt("plain", 0, NULL, "plain");
    check_sfmt("", 0, NULL, "");
    check_sfmt("\303\251{}\303\274", 1, (Value[]){VS("\303\240")}, "\303\251\303\240\303\274");
}
END_TEST

START_TEST(test_str_format_errors)
{
    check_sfmt_err("{} {}", 1, (Value[]){VI(1)}, &exc_IndexError, "Replacement index 1 out of range for positional args tuple");
    check_sfmt_err("{0} {}", 2, (Value[]){VI(1), VI(2)}, &exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
    check_sfmt_err("{} {0}", 2, (Value[]){VI(1), VI(2)}, &exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
    check_sfmt_err("}", 0, NULL, &exc_ValueError, "Single '}' encountered in format string");
    check_sfmt_err("{", 0, NULL, &exc_ValueError, "Single '{' encountered in format string");
    check_sfmt_err("{0", 1, (Value[]){VI(1)}, &exc_ValueError, "expected '}' before end of string");
    check_sfmt_err("{a}", 0, NULL, &exc_KeyError, "'a'");
    check_sfmt_err("{0!x}", 1, (Value[]){VI(1)}, &exc_ValueError, "Unknown conversion specifier x");
    check_sfmt_err("{:{:{}}}", 3, (Value[]){VI(1), VI(2), VI(3)}, &exc_ValueError, "Max string recursion exceeded");
    check_sfmt_err("{!}", 1, (Value[]){VI(1)}, &exc_ValueError, "unmatched '{' in format spec");
    check_sfmt_err("{!r", 1, (Value[]){VI(1)}, &exc_ValueError, "unmatched '{' in format spec");
    check_sfmt_err("{!rx}", 1, (Value[]){VI(1)}, &exc_ValueError, "expected ':' after conversion specifier");
    check_sfmt_err("{0.}", 1, (Value[]){VI(1)}, &exc_ValueError, "Empty attribute in format string");
    check_sfmt_err("{0[}", 1, (Value[]){VI(1)}, &exc_ValueError, "expected '}' before end of string");
    check_sfmt_err("{0[0]x}", 1, (Value[]){VL(1, (Value[]){VI(1)})}, &exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    check_sfmt_err("{a{}", 1, (Value[]){VI(1)}, &exc_ValueError, "unexpected '{' in field name");
    check_sfmt_err("{0:x}", 1, (Value[]){VS("a")}, &exc_ValueError, "Unknown format code 'x' for object of type 'str'");
    check_sfmt_err("{:d}", 1, (Value[]){VF(0x1.8000000000000p+0)}, &exc_ValueError, "Unknown format code 'd' for object of type 'float'");
    check_sfmt_err("{:5}", 1, (Value[]){VAL_NONE}, &exc_TypeError, "unsupported format string passed to NoneType.__format__");
    check_sfmt_err("{0[5]}", 1, (Value[]){VL(1, (Value[]){VI(1)})}, &exc_IndexError, "list index out of range");
}
END_TEST

START_TEST(test_str_methods)
{
    check_meth("join", VS("x"), 1, (Value[]){VL(1, (Value[]){VS("a")})}, "'a'");
    check_meth("join", VS(", "), 1, (Value[]){VT(2, (Value[]){VS("a"), VS("b")})}, "'a, b'");
    check_meth("join", VS(""), 1, (Value[]){VL(0, NULL)}, "''");
    check_meth("join", VS("-"), 1, (Value[]){VS("abc")}, "'a-b-c'");
    check_meth("join", VS("\303\251"), 1, (Value[]){VL(2, (Value[]){VS("a"), VS("b")})}, "'a\303\251b'");
    check_meth("split", VS("a b  c"), 0, NULL, "['a', 'b', 'c']");
    check_meth("split", VS(""), 0, NULL, "[]");
    check_meth("split", VS(""), 1, (Value[]){VS(",")}, "['']");
    check_meth("split", VS(" a  b "), 2, (Value[]){VAL_NONE, VI(1)}, "['a', 'b ']");
    check_meth("split", VS("a,b,,c"), 2, (Value[]){VS(","), VI(2)}, "['a', 'b', ',c']");
    check_meth("split", VS("a,b,,c"), 1, (Value[]){VS(",")}, "['a', 'b', '', 'c']");
    check_meth("split", VS("  a b"), 2, (Value[]){VAL_NONE, VI(0)}, "['a b']");
    check_meth("split", VS("a b  "), 2, (Value[]){VAL_NONE, VI(0)}, "['a b  ']");
    check_meth("split", VS("a\303\251b"), 1, (Value[]){VS("\303\251")}, "['a', 'b']");
    check_meth("split", VS("a b\tc\nd"), 0, NULL, "['a', 'b', 'c', 'd']");
    check_meth("split", VS("   "), 1, (Value[]){VS(" ")}, "['', '', '', '']");
    check_meth("rsplit", VS(" a  b "), 2, (Value[]){VAL_NONE, VI(1)}, "[' a', 'b']");
    check_meth("rsplit", VS("a,b,,c"), 2, (Value[]){VS(","), VI(2)}, "['a,b', '', 'c']");
    check_meth("rsplit", VS("a b  "), 2, (Value[]){VAL_NONE, VI(0)}, "['a b']");
    check_meth("rsplit", VS("a\303\251,b\303\251"), 1, (Value[]){VS(",")}, "['a\303\251', 'b\303\251']");
    check_meth("rsplit", VS("a,b,c"), 2, (Value[]){VS(","), VI(1)}, "['a,b', 'c']");
    check_meth("splitlines", VS("ab\r\ncd\nef\rgh\013ij"), 0, NULL, "['ab', 'cd', 'ef', 'gh', 'ij']");
    check_meth("splitlines", VS("ab\r\ncd\n"), 1, (Value[]){VAL_TRUE}, "['ab\\r\\n', 'cd\\n']");
    check_meth("splitlines", VS(""), 0, NULL, "[]");
    check_meth("splitlines", VS("\n"), 0, NULL, "['']");
    check_meth("splitlines", VS("a\n\nb"), 0, NULL, "['a', '', 'b']");
    check_meth("strip", VS("  \t x\n"), 0, NULL, "'x'");
    check_meth("strip", VS("xxaxx"), 1, (Value[]){VS("x")}, "'a'");
    check_meth("lstrip", VS("xxaxx"), 1, (Value[]){VS("x")}, "'axx'");
    check_meth("rstrip", VS("xxaxx"), 1, (Value[]){VS("x")}, "'xxa'");
    check_meth("strip", VS("  \303\251  "), 0, NULL, "'\303\251'");
    check_meth("strip", VS("abcba"), 1, (Value[]){VS("ab")}, "'c'");
    check_meth("strip", VS("\303\251a\303\251"), 1, (Value[]){VS("\303\251")}, "'a'");
    check_meth("replace", VS("abc"), 2, (Value[]){VS(""), VS("-")}, "'-a-b-c-'");
    check_meth("replace", VS("abc"), 3, (Value[]){VS(""), VS("-"), VI(2)}, "'-a-bc'");
    check_meth("replace", VS("aaa"), 3, (Value[]){VS("a"), VS("b"), VI(-5)}, "'bbb'");
    check_meth("replace", VS("mississippi"), 3, (Value[]){VS("ss"), VS("SS"), VI(1)}, "'miSSissippi'");
    check_meth("replace", VS("abc"), 2, (Value[]){VS("z"), VS("X")}, "'abc'");
    check_meth("replace", VS("aaaa"), 2, (Value[]){VS("aa"), VS("b")}, "'bb'");
    check_meth("find", VS("abc"), 1, (Value[]){VS("c")}, "2");
    check_meth("find", VS("abc"), 2, (Value[]){VS(""), VI(3)}, "3");
    check_meth("find", VS("abc"), 2, (Value[]){VS(""), VI(4)}, "-1");
    check_meth("find", VS("abc"), 3, (Value[]){VS("a"), VI(-10), VI(-2)}, "0");
    check_meth("find", VS("\303\251\303\240\303\274"), 1, (Value[]){VS("\303\274")}, "2");
    check_meth("find", VS("\346\227\245\346\234\254\350\252\236\343\203\206\343\202\255\343\202\271\343\203\210"), 1, (Value[]){VS("\343\203\206")}, "3");
    check_meth("find", VS("abc"), 1, (Value[]){VS("z")}, "-1");
    check_meth("rfind", VS("mississippi"), 1, (Value[]){VS("ss")}, "5");
    check_meth("rfind", VS("abcabc"), 3, (Value[]){VS("abc"), VI(0), VI(5)}, "0");
    check_meth("index", VS("abc"), 2, (Value[]){VS("c"), VI(-1)}, "2");
    check_meth("rindex", VS("abc"), 1, (Value[]){VS("c")}, "2");
    check_meth("count", VS("abc"), 1, (Value[]){VS("")}, "4");
    check_meth("count", VS("abc"), 2, (Value[]){VS(""), VI(5)}, "0");
    check_meth("count", VS("mississippi"), 1, (Value[]){VS("ss")}, "2");
    check_meth("count", VS("\303\251\303\251\303\251"), 1, (Value[]){VS("\303\251")}, "3");
    check_meth("count", VS("aaaa"), 1, (Value[]){VS("aa")}, "2");
    check_meth("count", VS("abcabc"), 2, (Value[]){VS("bc"), VI(2)}, "1");
    check_meth("startswith", VS("abc"), 2, (Value[]){VS("b"), VI(1)}, "True");
    check_meth("startswith", VS("abc"), 1, (Value[]){VT(2, (Value[]){VS("x"), VS("a")})}, "True");
    check_meth("startswith", VS("abc"), 2, (Value[]){VS(""), VI(4)}, "False");
    check_meth("startswith", VS("abc"), 2, (Value[]){VS(""), VI(3)}, "True");
    check_meth("startswith", VS("hello"), 3, (Value[]){VS("he"), VI(0), VI(1)}, "False");
    check_meth("endswith", VS("ab"), 1, (Value[]){VT(2, (Value[]){VS("b"), VS("c")})}, "True");
    check_meth("endswith", VS("abc"), 3, (Value[]){VS("b"), VI(0), VI(2)}, "True");
    check_meth("endswith", VS("abc"), 2, (Value[]){VS("bc"), VI(1)}, "True");
    check_meth("upper", VS("\303\251\303\240\303\274 x"), 0, NULL, "'\303\211\303\200\303\234 X'");
    check_meth("lower", VS("\303\211\303\200 X"), 0, NULL, "'\303\251\303\240 x'");
    check_meth("swapcase", VS("Hello"), 0, NULL, "'hELLO'");
    check_meth("title", VS("hello world"), 0, NULL, "'Hello World'");
    check_meth("title", VS("they're bill's"), 0, NULL, "\"They'Re Bill'S\"");
    check_meth("title", VS("ab cd-ef"), 0, NULL, "'Ab Cd-Ef'");
    check_meth("capitalize", VS("hELLO wORLD"), 0, NULL, "'Hello world'");
    check_meth("casefold", VS("AbC"), 0, NULL, "'abc'");
    check_meth("isupper", VS("ABC1"), 0, NULL, "True");
    check_meth("isupper", VS("1"), 0, NULL, "False");
    check_meth("islower", VS("abc"), 0, NULL, "True");
    check_meth("islower", VS("Abc"), 0, NULL, "False");
    check_meth("isdigit", VS(""), 0, NULL, "False");
    check_meth("isdigit", VS("12"), 0, NULL, "True");
    check_meth("isdigit", VS("12a"), 0, NULL, "False");
    check_meth("isalpha", VS("\303\251"), 0, NULL, "True");
    check_meth("isalpha", VS("x y"), 0, NULL, "False");
    check_meth("isspace", VS(" \t"), 0, NULL, "True");
    check_meth("isalnum", VS("Ab12"), 0, NULL, "True");
    check_meth("istitle", VS("Hello World"), 0, NULL, "True");
    check_meth("isidentifier", VS("_a1"), 0, NULL, "True");
    check_meth("isidentifier", VS("1a"), 0, NULL, "False");
    check_meth("isdecimal", VS("12"), 0, NULL, "True");
    check_meth("center", VS("x"), 2, (Value[]){VI(4), VS("*")}, "'*x**'");
    check_meth("center", VS("xy"), 2, (Value[]){VI(5), VS("*")}, "'**xy*'");
    check_meth("center", VS("xy"), 2, (Value[]){VI(6), VS("*")}, "'**xy**'");
    check_meth("center", VS("x"), 2, (Value[]){VI(6), VS("*")}, "'**x***'");
    check_meth("center", VS("\346\227\245\346\234\254"), 2, (Value[]){VI(6), VS("*")}, "'**\346\227\245\346\234\254**'");
    check_meth("ljust", VS("x"), 2, (Value[]){VI(3), VS("-")}, "'x--'");
    check_meth("rjust", VS("x"), 1, (Value[]){VI(3)}, "'  x'");
    check_meth("center", VS("abc"), 1, (Value[]){VI(2)}, "'abc'");
    check_meth("zfill", VS("-42"), 1, (Value[]){VI(6)}, "'-00042'");
    check_meth("zfill", VS("+x"), 1, (Value[]){VI(4)}, "'+00x'");
    check_meth("zfill", VS("ab"), 1, (Value[]){VI(5)}, "'000ab'");
    check_meth("zfill", VS("-"), 1, (Value[]){VI(3)}, "'-00'");
    check_meth("partition", VS("a b"), 1, (Value[]){VS(" ")}, "('a', ' ', 'b')");
    check_meth("rpartition", VS("a b c"), 1, (Value[]){VS(" ")}, "('a b', ' ', 'c')");
    check_meth("rpartition", VS("abc"), 1, (Value[]){VS("x")}, "('', '', 'abc')");
    check_meth("partition", VS("abc"), 1, (Value[]){VS("x")}, "('abc', '', '')");
    check_meth("partition", VS("key=value=x"), 1, (Value[]){VS("=")}, "('key', '=', 'value=x')");
    check_meth("rpartition", VS("path/to/file"), 1, (Value[]){VS("/")}, "('path/to', '/', 'file')");
    check_meth("expandtabs", VS("a\tb\tc"), 1, (Value[]){VI(4)}, "'a   b   c'");
    check_meth("expandtabs", VS("a\tbc\td"), 0, NULL, "'a       bc      d'");
    check_meth("removeprefix", VS("xyz"), 1, (Value[]){VS("x")}, "'yz'");
    check_meth("removesuffix", VS("xyz"), 1, (Value[]){VS("yz")}, "'x'");
    check_meth("format", VS("{}-{}"), 2, (Value[]){VI(1), VS("b")}, "'1-b'");
}
END_TEST

START_TEST(test_str_method_errors)
{
    check_meth_err("index", VS("x"), 0, NULL, &exc_TypeError, "index() takes at least 1 argument (0 given)");
    check_meth_err("rfind", VS("x"), 0, NULL, &exc_TypeError, "rfind() takes at least 1 argument (0 given)");
    check_meth_err("startswith", VS("x"), 0, NULL, &exc_TypeError, "startswith() takes at least 1 argument (0 given)");
    check_meth_err("find", VS("x"), 2, (Value[]){VS("x"), VS("a")}, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    check_meth_err("find", VS("x"), 4, (Value[]){VS("x"), VI(1), VI(2), VI(3)}, &exc_TypeError, "find() takes at most 3 arguments (4 given)");
    check_meth_err("split", VS("x"), 3, (Value[]){VI(1), VI(2), VI(3)}, &exc_TypeError, "split() takes at most 2 arguments (3 given)");
    check_meth_err("strip", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "strip arg must be None or str");
    check_meth_err("strip", VS("x"), 2, (Value[]){VI(1), VI(2)}, &exc_TypeError, "strip expected at most 1 argument, got 2");
    check_meth_err("replace", VS("x"), 2, (Value[]){VI(1), VI(2)}, &exc_TypeError, "replace() argument 1 must be str, not int");
    check_meth_err("replace", VS("x"), 2, (Value[]){VS("a"), VI(2)}, &exc_TypeError, "replace() argument 2 must be str, not int");
    check_meth_err("replace", VS("x"), 3, (Value[]){VS("a"), VS("b"), VS("c")}, &exc_TypeError, "'str' object cannot be interpreted as an integer");
    check_meth_err("replace", VS("x"), 1, (Value[]){VS("a")}, &exc_TypeError, "replace expected at least 2 arguments, got 1");
    check_meth_err("startswith", VS("x"), 1, (Value[]){VT(2, (Value[]){VS("a"), VI(1)})}, &exc_TypeError, "tuple for startswith must only contain str, not int");
    check_meth_err("startswith", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "startswith first arg must be str or a tuple of str, not int");
    check_meth_err("endswith", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "endswith first arg must be str or a tuple of str, not int");
    check_meth_err("center", VS("x"), 2, (Value[]){VI(5), VI(1)}, &exc_TypeError, "The fill character must be a unicode character, not int");
    check_meth_err("center", VS("x"), 1, (Value[]){VS("a")}, &exc_TypeError, "'str' object cannot be interpreted as an integer");
    check_meth_err("center", VS("x"), 2, (Value[]){VI(5), VS("ab")}, &exc_TypeError, "The fill character must be exactly one character long");
    check_meth_err("center", VS("x"), 0, NULL, &exc_TypeError, "center expected at least 1 argument, got 0");
    check_meth_err("ljust", VS("x"), 0, NULL, &exc_TypeError, "ljust expected at least 1 argument, got 0");
    check_meth_err("zfill", VS("x"), 0, NULL, &exc_TypeError, "str.zfill() takes exactly one argument (0 given)");
    check_meth_err("zfill", VS("x"), 1, (Value[]){VF(0x1.8000000000000p+0)}, &exc_TypeError, "'float' object cannot be interpreted as an integer");
    check_meth_err("partition", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "must be str, not int");
    check_meth_err("partition", VS("x"), 1, (Value[]){VS("")}, &exc_ValueError, "empty separator");
    check_meth_err("splitlines", VS("x"), 2, (Value[]){VI(1), VI(2)}, &exc_TypeError, "splitlines() takes at most 1 argument (2 given)");
    check_meth_err("join", VS("x"), 1, (Value[]){VL(1, (Value[]){VI(1)})}, &exc_TypeError, "sequence item 0: expected str instance, int found");
    check_meth_err("join", VS("x"), 1, (Value[]){VL(2, (Value[]){VS("a"), VI(2)})}, &exc_TypeError, "sequence item 1: expected str instance, int found");
    check_meth_err("join", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "can only join an iterable");
    check_meth_err("join", VS("x"), 0, NULL, &exc_TypeError, "str.join() takes exactly one argument (0 given)");
    check_meth_err("split", VS("x"), 1, (Value[]){VS("")}, &exc_ValueError, "empty separator");
    check_meth_err("rsplit", VS("x"), 1, (Value[]){VS("")}, &exc_ValueError, "empty separator");
    check_meth_err("split", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "must be str or None, not int");
    check_meth_err("index", VS("x"), 1, (Value[]){VS("y")}, &exc_ValueError, "substring not found");
    check_meth_err("rindex", VS("x"), 1, (Value[]){VS("y")}, &exc_ValueError, "substring not found");
    check_meth_err("count", VS("x"), 0, NULL, &exc_TypeError, "count() takes at least 1 argument (0 given)");
    check_meth_err("find", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "must be str, not int");
    check_meth_err("count", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "must be str, not int");
    check_meth_err("upper", VS("x"), 1, (Value[]){VI(1)}, &exc_TypeError, "str.upper() takes no arguments (1 given)");
}
END_TEST

/* Keyword arguments go through args_bind. */
START_TEST(test_keywords)
{
    Str *sep = str_intern_cstr("sep"), *maxsplit = str_intern_cstr("maxsplit");
    Tuple *kw = tuple_pack(2, str_val(sep), str_val(maxsplit));
    Value a[3] = { VS("a,b,c"), VS(","), VI(1) };
    const MethodDef *m = str_methods;
    while (strcmp(m->name, "split") != 0) m++;
    Value r = m->fn(a, 1, kw);
    Value rep = obj_repr(r);
    decref(r);
    expect_str(rep, "['a', 'b,c']", "split(sep=',', maxsplit=1)");
    Str *bad = str_intern_cstr("bad");
    Tuple *kw2 = tuple_pack(1, str_val(bad));
    expect_raised(m->fn(a, 1, kw2), &exc_TypeError, "'bad' is an invalid keyword argument for split()", "split(bad=)");
    /* str.format with a keyword argument */
    Str *name = str_intern_cstr("name");
    Tuple *kw3 = tuple_pack(1, str_val(name));
    Value b[2] = { VS("<{name:>4}>"), VS("ab") };
    expect_str(format_str_method(b, 1, kw3), "<  ab>", "format(name=)");
    Value c[1] = { VS("{name}{missing}") };
    Tuple *kw4 = tuple_pack(1, str_val(name));
    Value c2[2] = { c[0], VS("x") };
    expect_raised(format_str_method(c2, 1, kw4), &exc_KeyError, "'missing'", "format missing key");
    /* attribute access in a field name */
    Value f = keep(builtin_new("len", NULL, VAL_UNDEF));
    Value d[2] = { VS("{0.__name__}|{0.__name__:>5}"), f };
    expect_str(format_str_method(d, 2, NULL), "len|  len", "format attr");
    obj_decref(kw); obj_decref(kw2); obj_decref(kw3); obj_decref(kw4);
    obj_decref(sep); obj_decref(maxsplit); obj_decref(bad); obj_decref(name);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_format_spec, test_format_spec_errors, test_percent,
                    test_percent_errors, test_str_format, test_str_format_errors, test_str_methods,
                    test_str_method_errors, test_keywords, NULL);
}

const CheckSuite check_suite = { .name = "format", .add_tests = add_tests,
    .interp = CHECK_INTERP_EACH_TEST, .setup = setup, .teardown = teardown };
