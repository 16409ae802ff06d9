/* test_dict.c — unit tests of runtime/objects/dict.c: 100 000-key insert/lookup/
 * delete, insertion order across deletions and resizes, reference counts of
 * keys and values, update/copy, views, reprs and error texts. */
#include "check_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/function.h"

static Value key_str(int i)
{
    char buf[32];
    snprintf(buf, sizeof buf, "key%d", i);
    return str_val(str_from_cstr(buf));
}

START_TEST(test_many_keys)
{
    enum { N = 100000 };
    Dict *d = dict_new();
    Dict *si = dict_new();
    for (int i = 0; i < N; i++) {
        ck_assert_int_eq(dict_set(d, val_from_int(i * 7), val_from_int(i)), 0);
        Value k = key_str(i);
        ck_assert_int_eq(dict_set(si, k, val_from_int(i)), 0);
        decref(k);
    }
    ck_assert_int_eq(d->used, N);
    ck_assert_int_eq(obj_len(val_from_obj(si)), N);
    for (int i = 0; i < N; i++) {
        ck_assert(dict_get(d, val_from_int(i * 7)) == val_from_int(i));
        Value k = key_str(i);
        ck_assert(dict_get(si, k) == val_from_int(i));       /* equal, not identical, key */
        decref(k);
    }
    ck_assert(dict_get(d, val_from_int(3)) == VAL_UNDEF);
    ck_assert(dict_get_cstr(si, "key777") == val_from_int(777));
    ck_assert(dict_get_cstr(si, "nokey") == VAL_UNDEF);
    /* 1.0 and 1 are the same key. */
    ck_assert(dict_get(d, val_from_float(7.0)) == val_from_int(1));
    for (int i = 0; i < N; i += 2) {
        ck_assert_int_eq(dict_del(d, val_from_int(i * 7)), 0);
        Value k = key_str(i);
        ck_assert_int_eq(dict_del(si, k), 0);
        decref(k);
    }
    ck_assert_int_eq(d->used, N / 2);
    for (int i = 0; i < N; i++) {
        Value want = i % 2 ? val_from_int(i) : VAL_UNDEF;
        ck_assert(dict_get(d, val_from_int(i * 7)) == want);
        Value k = key_str(i);
        ck_assert(dict_get(si, k) == want);
        decref(k);
    }
    ck_assert_int_lt(dict_del(d, val_from_int(0)), 0);
    expect_exc(&exc_KeyError, NULL);
    obj_decref(d);
    obj_decref(si);
}
END_TEST

START_TEST(test_order)
{
    Dict *d = dict_new();
    for (int i = 0; i < 1000; i++) dict_set(d, val_from_int(i), val_from_int(i));
    for (int i = 0; i < 1000; i++)
        if (i % 3) dict_del(d, val_from_int(i));
    for (int i = 5000; i < 20000; i++) dict_set(d, val_from_int(i), val_from_int(i));   /* resizes */
    dict_set(d, val_from_int(0), val_from_int(-1));    /* replacing keeps the position */
    int64_t pos = 0, prev = -1, n = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        int64_t ki = val_as_int(k);
        ck_assert_int_gt(ki, prev);
        ck_assert(ki < 1000 ? ki % 3 == 0 : ki >= 5000);
        ck_assert(v == (ki == 0 ? val_from_int(-1) : k));
        prev = ki;
        n++;
    }
    ck_assert_int_eq(n, d->used);
    ck_assert_int_eq(n, 334 + 15000);
    /* popitem takes the last one. */
    Value it = call_method(val_from_obj(d), "popitem", 0);
    expect_repr(it, "(19999, 19999)");
    decref(it);
    obj_decref(d);

    d = dict_new();
    Str *a = str_from_cstr("a"), *b = str_from_cstr("b");
    dict_set(d, str_val(b), val_from_int(1));
    dict_set(d, str_val(a), val_from_int(2));
    expect_repr(val_from_obj(d), "{'b': 1, 'a': 2}");
    Value keys = call_method(val_from_obj(d), "keys", 0);
    Value values = call_method(val_from_obj(d), "values", 0);
    Value items = call_method(val_from_obj(d), "items", 0);
    expect_repr(keys, "dict_keys(['b', 'a'])");
    expect_repr(values, "dict_values([1, 2])");
    expect_repr(items, "dict_items([('b', 1), ('a', 2)])");
    ck_assert_int_eq(obj_len(items), 2);
    ck_assert_int_eq(obj_contains(keys, str_val(a)), 1);
    ck_assert_int_eq(obj_contains(values, val_from_int(3)), 0);
    Tuple *pair = tuple_pack(2, str_val(a), val_from_int(2));
    ck_assert_int_eq(obj_contains(items, val_from_obj(pair)), 1);
    obj_decref(pair);
    /* Iterating while the size changes. */
    Value iter = obj_iter(val_from_obj(d));
    Value first = obj_next(iter);
    ck_assert(first == str_val(b));
    decref(first);
    Str *c = str_from_cstr("c");
    dict_set(d, str_val(c), VAL_NONE);
    ck_assert(obj_next(iter) == VAL_ERROR);
    expect_exc(&exc_RuntimeError, "dictionary changed size during iteration");
    decref(iter);
    /* Recursive repr. */
    dict_set(d, str_val(c), val_from_obj(d));
    expect_repr(val_from_obj(d), "{'b': 1, 'a': 2, 'c': {...}}");
    dict_del(d, str_val(c));
    decref(keys); decref(values); decref(items);
    obj_decref(a); obj_decref(b); obj_decref(c);
    obj_decref(d);
}
END_TEST

START_TEST(test_refcounts)
{
    Dict *d = dict_new();
    Str *k = str_from_cstr("the key");
    List *v = list_new(0), *w = list_new(0);
    dict_set(d, str_val(k), val_from_obj(v));
    ck_assert_int_eq(k->ob.refcnt, 2);
    ck_assert_int_eq(v->ob.refcnt, 2);
    dict_set(d, str_val(k), val_from_obj(w));       /* replace: old value released, key kept */
    ck_assert_int_eq(k->ob.refcnt, 2);
    ck_assert_int_eq(v->ob.refcnt, 1);
    ck_assert_int_eq(w->ob.refcnt, 2);
    Dict *c = dict_copy(d);
    ck_assert_int_eq(k->ob.refcnt, 3);
    ck_assert_int_eq(w->ob.refcnt, 3);
    Value got = obj_getitem(val_from_obj(c), str_val(k));
    ck_assert(got == val_from_obj(w));
    ck_assert_int_eq(w->ob.refcnt, 4);
    decref(got);
    obj_decref(c);
    ck_assert_int_eq(k->ob.refcnt, 2);
    Value p = call_method(val_from_obj(d), "pop", 1, str_val(k));
    ck_assert(p == val_from_obj(w));
    ck_assert_int_eq(k->ob.refcnt, 1);
    ck_assert_int_eq(w->ob.refcnt, 2);
    decref(p);
    dict_set(d, str_val(k), val_from_obj(v));
    Value sd = call_method(val_from_obj(d), "setdefault", 2, val_from_int(5), val_from_obj(w));
    ck_assert(sd == val_from_obj(w));
    ck_assert_int_eq(w->ob.refcnt, 3);
    decref(sd);
    dict_clear(d);
    ck_assert_int_eq(k->ob.refcnt, 1);
    ck_assert_int_eq(v->ob.refcnt, 1);
    ck_assert_int_eq(w->ob.refcnt, 1);
    ck_assert_int_eq(d->used, 0);
    obj_decref(d);
    obj_decref(k); obj_decref(v); obj_decref(w);
}
END_TEST

START_TEST(test_update_copy)
{
    Dict *a = dict_new();
    for (int i = 0; i < 50; i++) dict_set(a, val_from_int(i), val_from_int(i * i));
    Dict *b = dict_copy(a);
    ck_assert_int_eq(obj_compare_bool(val_from_obj(a), val_from_obj(b), CMP_EQ), 1);
    dict_set(b, val_from_int(1), val_from_int(0));
    ck_assert_int_eq(obj_compare_bool(val_from_obj(a), val_from_obj(b), CMP_EQ), 0);
    ck_assert(dict_get(a, val_from_int(1)) == val_from_int(1));
    for (int i = 0; i < 40; i++) dict_del(a, val_from_int(i));
    Dict *c = dict_copy(a);                          /* copy of a dict with holes */
    ck_assert_int_eq(c->used, 10);
    expect_repr(val_from_obj(c), "{40: 1600, 41: 1681, 42: 1764, 43: 1849, 44: 1936, 45: 2025, "
                                 "46: 2116, 47: 2209, 48: 2304, 49: 2401}");
    ck_assert_int_eq(dict_update(c, val_from_obj(b)), 0);
    ck_assert_int_eq(c->used, 50);
    ck_assert(dict_get(c, val_from_int(1)) == val_from_int(0));
    Value k0;
    int64_t pos = 0;
    dict_next(c, &pos, &k0, NULL);
    ck_assert(k0 == val_from_int(40));               /* existing keys keep their place */

    /* update from pairs, and its errors */
    Dict *d = dict_new();
    List *pairs = list_new(0);
    Tuple *t = tuple_pack(2, val_from_int(1), val_from_int(2));
    list_append(pairs, val_from_obj(t));
    ck_assert_int_eq(dict_update(d, val_from_obj(pairs)), 0);
    expect_repr(val_from_obj(d), "{1: 2}");
    Tuple *t3 = tuple_pack(3, val_from_int(1), val_from_int(2), val_from_int(3));
    list_append(pairs, val_from_obj(t3));
    ck_assert_int_lt(dict_update(d, val_from_obj(pairs)), 0);
    expect_exc(&exc_ValueError, "dictionary update sequence element #1 has length 3; 2 is required");
    List *bad = list_new(0);
    list_append(bad, val_from_int(1));
    ck_assert_int_lt(dict_update(d, val_from_obj(bad)), 0);
    expect_exc(&exc_TypeError, "cannot convert dictionary update sequence element #0 to a sequence");
    ck_assert_int_lt(dict_set(d, val_from_obj(bad), VAL_NONE), 0);
    expect_exc(&exc_TypeError, "unhashable type: 'list'");
    Str *missing = str_from_cstr("missing");
    ck_assert(obj_getitem(val_from_obj(d), str_val(missing)) == VAL_ERROR);
    ck_assert(err_matches(&exc_KeyError));
    Value e = err_fetch();
    ck_assert(((Exc *)val_as_obj(e))->args->items[0] == str_val(missing));   /* KeyError(key) */
    decref(e);
    obj_decref(missing);

    /* dict(pairs) through the type, fromkeys, versions */
    Value pairs1 = list_from_iterable(val_from_obj(pairs));
    ck_assert_int_eq(obj_setitem(pairs1, val_from_int(1), val_from_obj(t)), 0);
    Value arg = pairs1;
    Value nd = dict_type.new(&dict_type, &arg, 1, NULL);
    expect_repr(nd, "{1: 2}");
    uint64_t ver = val_as_dict(nd)->version;
    dict_set(val_as_dict(nd), val_from_int(3), val_from_int(4));
    ck_assert(val_as_dict(nd)->version != ver);
    Value fk = call_method(val_from_obj(&dict_type), "fromkeys", 2, nd, val_from_int(0));
    expect_repr(fk, "{1: 0, 3: 0}");
    decref(fk);
    decref(nd);
    decref(pairs1);
    obj_decref(t); obj_decref(t3); obj_decref(bad); obj_decref(pairs);
    obj_decref(a); obj_decref(b); obj_decref(c); obj_decref(d);
}
END_TEST

/* dict.fromkeys is a classmethod once dict_type_init() ran (interp_init). */
START_TEST(test_fromkeys_classmethod)
{
    dict_type_init();
    List *keys = list_new(0);
    list_append(keys, val_from_int(1));
    list_append(keys, val_from_int(2));
    Value arg = val_from_obj(keys);
    Value f = obj_getattr_cstr(val_from_obj(&dict_type), "fromkeys");
    ck_assert(f != VAL_ERROR);
    Value r = obj_call(f, &arg, 1, NULL);
    expect_repr(r, "{1: None, 2: None}");
    decref(r);
    decref(f);
    Dict *d = dict_new();
    f = obj_getattr_cstr(val_from_obj(d), "fromkeys");       /* {}.fromkeys(keys) */
    ck_assert(f != VAL_ERROR);
    r = obj_call(f, &arg, 1, NULL);
    expect_repr(r, "{1: None, 2: None}");
    decref(r);
    decref(f);
    obj_decref(d);
    obj_decref(keys);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_many_keys, test_order, test_refcounts, test_update_copy,
                    test_fromkeys_classmethod, NULL);
}

const CheckSuite check_suite = { .name = "dict", .add_tests = add_tests, .timeout = 60,
    .interp = CHECK_INTERP_RUN };
