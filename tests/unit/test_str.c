/* test_str.c — unit tests of runtime/objects/str.c: hash caching, interning identity,
 * UTF-8 code-point indexing and slicing, repr quoting and escaping, repeat
 * overflow, StrBuf. */
#include "check_util.h"
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/range.h"

static Str *S(const char *s) { return str_from_cstr(s); }

static void expect_str(Value v, const char *want)
{
    ck_assert(v != VAL_ERROR);
    ck_assert(val_is_str(v));
    ck_assert_str_eq(val_as_str(v)->data, want);
    decref(v);
}

static Value repr_of(const char *s)
{
    Str *x = S(s);
    Value r = obj_repr(str_val(x));
    obj_decref(x);
    return r;
}

START_TEST(test_hash_cached)
{
    Str *a = S("hello world, this is longer than sixteen bytes");
    Str *b = S("hello world, this is longer than sixteen bytes");
    ck_assert(a != b);
    ck_assert_int_eq(a->hash, -1);
    int64_t h = str_hash(a);
    ck_assert_int_ne(h, -1);
    ck_assert_int_eq(a->hash, h);
    ck_assert_int_eq(str_hash(a), h);
    ck_assert_int_eq(str_hash(b), h);
    int64_t oh;
    ck_assert_int_eq(obj_hash(str_val(b), &oh), 0);
    ck_assert_int_eq(oh, h);
    ck_assert_int_eq(str_hash_bytes(a->data, a->len), h);
    /* Different strings of every short length hash differently. */
    char buf[40];
    int64_t prev = 0;
    for (int n = 0; n < 40; n++) {
        memset(buf, 'x', (size_t)n);
        int64_t hh = str_hash_bytes(buf, n);
        ck_assert_int_ne(hh, -1);
        if (n) ck_assert_int_ne(hh, prev);
        prev = hh;
    }
    ck_assert_int_ne(str_hash_bytes("ab", 2), str_hash_bytes("ba", 2));
    obj_decref(a);
    obj_decref(b);
}
END_TEST

START_TEST(test_interning)
{
    Str *a = str_intern_cstr("some_identifier");
    Str *b = str_intern("some_identifier", 15);
    ck_assert_ptr_eq(a, b);
    ck_assert(a->interned);
    Str *c = S("some_identifier");
    ck_assert_ptr_ne(c, a);
    ck_assert(!c->interned);
    ck_assert(str_eq(c, a));
    intptr_t rc = a->ob.refcnt;
    str_intern_in_place(&c);
    ck_assert_ptr_eq(c, a);
    ck_assert_int_eq(a->ob.refcnt, rc + 1);
    /* A new string interned in place becomes the unique copy. */
    Str *d = S("another_name_xyz");
    str_intern_in_place(&d);
    ck_assert(d->interned);
    Str *e = str_intern_cstr("another_name_xyz");
    ck_assert_ptr_eq(d, e);
    /* Interned strings differing in content are never equal by pointer. */
    ck_assert(!str_eq(a, d));
    obj_decref(a); obj_decref(b); obj_decref(c); obj_decref(d); obj_decref(e);
    /* One-character ASCII strings are cached. */
    Value x = str_from_codepoint('q'), y = str_getitem_index(val_as_str(x), 0);
    ck_assert(x == y);
    decref(x); decref(y);
}
END_TEST

START_TEST(test_utf8_indexing)
{
    Str *s = S("h\xc3\xa9llo \xe2\x82\xac\xf0\x9f\x98\x80!");   /* "héllo €😀!" */
    ck_assert_int_eq(s->len, 15);
    ck_assert_int_eq(s->nchars, 9);
    ck_assert(!s->ascii);
    ck_assert_int_eq(obj_len(str_val(s)), 9);
    const char *want[] = { "h", "\xc3\xa9", "l", "l", "o", " ", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "!" };
    for (int i = 0; i < 9; i++) expect_str(str_getitem_index(s, i), want[i]);
    expect_str(str_getitem_index(s, -3), "\xe2\x82\xac");
    expect_str(str_getitem_index(s, -9), "h");
    ck_assert(str_getitem_index(s, 9) == VAL_ERROR);
    expect_exc(&exc_IndexError, "string index out of range");
    ck_assert(str_getitem_index(s, -10) == VAL_ERROR);
    expect_exc(&exc_IndexError, "string index out of range");
    ck_assert(obj_getitem(str_val(s), str_val(s)) == VAL_ERROR);
    expect_exc(&exc_TypeError, "string indices must be integers, not 'str'");
    ck_assert(obj_setitem(str_val(s), val_from_int(0), val_from_int(1)) < 0);
    expect_exc(&exc_TypeError, "'str' object does not support item assignment");

    /* Slices, with steps (results checked against python3). */
    Value sl = slice_new(val_from_int(1), val_from_int(4), VAL_NONE);
    expect_str(obj_getitem(str_val(s), sl), "\xc3\xa9ll");
    decref(sl);
    sl = slice_new(VAL_NONE, VAL_NONE, val_from_int(-2));
    expect_str(obj_getitem(str_val(s), sl), "!\xe2\x82\xacolh");
    decref(sl);
    sl = slice_new(val_from_int(-4), VAL_NONE, VAL_NONE);
    expect_str(obj_getitem(str_val(s), sl), " \xe2\x82\xac\xf0\x9f\x98\x80!");
    decref(sl);
    Str *a = S("abcdef");
    sl = slice_new(VAL_NONE, VAL_NONE, val_from_int(-1));
    expect_str(obj_getitem(str_val(a), sl), "fedcba");
    decref(sl);
    sl = slice_new(val_from_int(5), val_from_int(1), VAL_NONE);
    expect_str(obj_getitem(str_val(a), sl), "");
    decref(sl);

    /* Iteration by code point. */
    Value it = obj_iter(str_val(s));
    ck_assert(it != VAL_ERROR);
    int n = 0;
    for (Value c; (c = obj_next(it)) != VAL_UNDEF; n++) {
        ck_assert_int_eq(val_as_str(c)->nchars, 1);
        ck_assert_str_eq(val_as_str(c)->data, want[n]);
        decref(c);
    }
    ck_assert_int_eq(n, 9);
    decref(it);

    /* `in` */
    Str *sub = S("\xe2\x82\xac!");
    ck_assert_int_eq(obj_contains(str_val(s), str_val(sub)), 0);
    obj_decref(sub);
    sub = S("llo \xe2\x82\xac");
    ck_assert_int_eq(obj_contains(str_val(s), str_val(sub)), 1);
    obj_decref(sub);
    ck_assert_int_eq(obj_contains(str_val(s), val_from_int(1)), -1);
    expect_exc(&exc_TypeError, "'in <string>' requires string as left operand, not int");

    /* Comparison by code point is comparison by UTF-8 bytes. */
    Str *z = S("z"), *e = S("\xc3\xa9");
    ck_assert_int_eq(obj_compare_bool(str_val(z), str_val(e), CMP_LT), 1);
    ck_assert_int_eq(obj_compare_bool(str_val(a), str_val(z), CMP_LT), 1);
    obj_decref(z); obj_decref(e);
    obj_decref(a);
    obj_decref(s);
}
END_TEST

START_TEST(test_repr)
{
    expect_str(repr_of("abc"), "'abc'");
    expect_str(repr_of(""), "''");
    expect_str(repr_of("a'b"), "\"a'b\"");
    expect_str(repr_of("a\"b"), "'a\"b'");
    expect_str(repr_of("a'b\"c"), "'a\\'b\"c'");
    expect_str(repr_of("x\n\r\t\\y"), "'x\\n\\r\\t\\\\y'");
    expect_str(repr_of("\x01\x1f\x7f"), "'\\x01\\x1f\\x7f'");
    /* Printable non-ASCII kept, the rest escaped (python3 3.11 output). */
    expect_str(repr_of("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'");
    expect_str(repr_of("\xc2\x80\xc2\x9f\xc2\xa0\xc2\xad"), "'\\x80\\x9f\\xa0\\xad'");
    expect_str(repr_of("\xe2\x80\x8b\xe3\x80\x80\xef\xbb\xbf"), "'\\u200b\\u3000\\ufeff'");
    expect_str(repr_of("\xf3\xa0\x80\x81"), "'\\U000e0001'");
    ck_assert(str_cp_printable(' '));
    ck_assert(!str_cp_printable(0xa0));
    ck_assert(str_cp_printable(0x4e2d));
}
END_TEST

START_TEST(test_concat_repeat)
{
    Str *a = S("ab"), *b = S("\xc3\xa9");
    Str *c = str_concat(a, b);
    ck_assert_str_eq(c->data, "ab\xc3\xa9");
    ck_assert_int_eq(c->nchars, 3);
    ck_assert(!c->ascii);
    expect_str(str_repeat(a, 3), "ababab");
    expect_str(str_repeat(a, 0), "");
    expect_str(str_repeat(a, -5), "");
    Value r = str_repeat(c, 4);
    ck_assert_int_eq(val_as_str(r)->nchars, 12);
    ck_assert_int_eq(val_as_str(r)->len, 16);
    decref(r);
    ck_assert(str_repeat(a, INT64_C(1) << 62) == VAL_ERROR);    /* 'ab' * 2**62 */
    expect_exc(&exc_MemoryError, NULL);
    obj_decref(a); obj_decref(b); obj_decref(c);
}
END_TEST

START_TEST(test_strbuf_and_new)
{
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < 1000; i++) sb_printf(&b, "%d,", i % 10);
    sb_puts(&b, "end");
    sb_putc(&b, '!');
    Value v = sb_finish(&b);
    ck_assert_int_eq(val_as_str(v)->len, 2004);
    ck_assert(memcmp(val_as_str(v)->data + 2000, "end!", 4) == 0);
    decref(v);
    sb_init(&b);
    expect_str(sb_finish(&b), "");

    Value e = str_type.new(&str_type, NULL, 0, NULL);
    expect_str(e, "");
    Str *s = S("same");
    Value arg = str_val(s);
    Value r = str_type.new(&str_type, &arg, 1, NULL);
    ck_assert(r == arg);                      /* str of a str is itself */
    decref(r);
    obj_decref(s);
    Value i = val_from_int(42);
    expect_str(str_type.new(&str_type, &i, 1, NULL), "42");
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_hash_cached, test_interning, test_utf8_indexing, test_repr,
                    test_concat_repeat, test_strbuf_and_new, NULL);
}

const CheckSuite check_suite = { .name = "str", .add_tests = add_tests };
