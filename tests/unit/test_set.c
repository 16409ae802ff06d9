/* test_set.c — unit tests of runtime/objects/set.c: 100 000 keys, CPython's
 * iteration order for ints, reference counts of keys, frozenset hashing,
 * the algebra through set_binop, traverse for the collector and the error
 * texts. */
#include "check_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/operators.h"

static Set *ints(const int64_t *v, int n)
{
    Set *s = set_new(&set_type, VAL_UNDEF);
    ck_assert_ptr_nonnull(s);
    for (int i = 0; i < n; i++) ck_assert_int_eq(set_add(s, val_from_int(v[i])), 0);
    return s;
}

static void expect_order(Set *s, const int64_t *want, int n)
{
    int64_t pos = 0;
    Value k;
    int i = 0;
    while (set_next(s, &pos, &k)) {
        ck_assert_int_lt(i, n);
        ck_assert(val_is_int(k));
        ck_assert_int_eq(val_as_int(k), want[i]);
        i++;
    }
    ck_assert_int_eq(i, n);
}

START_TEST(test_many_keys)
{
    enum { N = 100000 };
    Set *s = set_new(&set_type, VAL_UNDEF);
    for (int64_t i = 0; i < N; i++) ck_assert_int_eq(set_add(s, val_from_int(i * 7)), 0);
    for (int64_t i = 0; i < N; i++) ck_assert_int_eq(set_add(s, val_from_int(i * 7)), 0);  /* no duplicates */
    ck_assert_int_eq(obj_len(val_from_obj(s)), N);
    for (int64_t i = 0; i < N; i++) {
        ck_assert_int_eq(set_contains_key(s, val_from_int(i * 7)), 1);
        ck_assert_int_eq(set_contains_key(s, val_from_int(i * 7 + 1)), 0);
    }
    for (int64_t i = 0; i < N; i += 2) ck_assert_int_eq(set_discard(s, val_from_int(i * 7)), 1);
    ck_assert_int_eq(set_discard(s, val_from_int(0)), 0);
    ck_assert_int_eq(s->used, N / 2);
    int64_t pos = 0, count = 0;
    Value k;
    while (set_next(s, &pos, &k)) {
        ck_assert_int_eq(val_as_int(k) % 14, 7);
        count++;
    }
    ck_assert_int_eq(count, N / 2);
    obj_decref(s);
}
END_TEST

START_TEST(test_cpython_order)
{
    /* the order CPython 3.11 gives after adding these one by one */
    const int64_t in[] = { 5, 3, 100, 1, 17, 9, -1, -2, 1000 };
    const int64_t want[] = { 1, 3, 100, 5, 1000, 9, 17, -2, -1 };
    Set *s = ints(in, 9);
    expect_order(s, want, 9);
    /* set(range(100)) without the even numbers: dummies are skipped */
    Set *r = set_new(&set_type, VAL_UNDEF);
    for (int i = 0; i < 100; i++) set_add(r, val_from_int(i));
    for (int i = 0; i < 100; i += 2) set_discard(r, val_from_int(i));
    int64_t pos = 0;
    Value k;
    for (int i = 1; i < 100; i += 2) {
        ck_assert(set_next(r, &pos, &k));
        ck_assert_int_eq(val_as_int(k), i);
    }
    obj_decref(r);
    obj_decref(s);
}
END_TEST

START_TEST(test_refcounts)
{
    Str *key = str_from_cstr("a key that is not interned");
    intptr_t base = key->ob.refcnt;
    Set *s = set_new(&set_type, VAL_UNDEF);
    set_add(s, str_val(key));
    set_add(s, str_val(key));
    ck_assert_int_eq(key->ob.refcnt, base + 1);
    Set *c = set_new(&frozenset_type, val_from_obj(s));      /* copy */
    ck_assert_int_eq(key->ob.refcnt, base + 2);
    ck_assert_int_eq(set_discard(s, str_val(key)), 1);
    ck_assert_int_eq(key->ob.refcnt, base + 1);
    obj_decref(c);
    ck_assert_int_eq(key->ob.refcnt, base);
    set_add(s, str_val(key));
    Value r = call_method(val_from_obj(s), "pop", 0);
    ck_assert(r == str_val(key));
    ck_assert_int_eq(key->ob.refcnt, base + 1);         /* the reference moved to r */
    decref(r);
    set_add(s, str_val(key));
    obj_decref(s);
    ck_assert_int_eq(key->ob.refcnt, base);
    obj_decref(key);
}
END_TEST

START_TEST(test_frozenset_hash)
{
    int64_t h;
    Set *e = set_new(&frozenset_type, VAL_UNDEF);
    ck_assert_int_eq(obj_hash(val_from_obj(e), &h), 0);
    ck_assert_int_eq(h, INT64_C(133146708735736));
    const int64_t v[] = { 3, 1, 2 };
    Set *s = ints(v, 3);
    Set *f = set_new(&frozenset_type, val_from_obj(s));
    ck_assert_int_eq(obj_hash(val_from_obj(f), &h), 0);
    ck_assert_int_eq(h, INT64_C(-272375401224217160));
    ck_assert_int_eq(obj_hash(val_from_obj(s), &h), -1);
    expect_exc(&exc_TypeError, "unhashable type: 'set'");
    /* a set key is looked up as the equal frozenset */
    Set *outer = set_new(&set_type, VAL_UNDEF);
    ck_assert_int_eq(set_add(outer, val_from_obj(f)), 0);
    ck_assert_int_eq(set_contains_key(outer, val_from_obj(s)), 1);
    obj_decref(outer);
    obj_decref(f);
    obj_decref(s);
    obj_decref(e);
}
END_TEST

START_TEST(test_algebra)
{
    const int64_t av[] = { 1, 2, 3, 4 }, bv[] = { 3, 4, 5 };
    Set *a = ints(av, 4), *b = ints(bv, 3);
    Value A = val_from_obj(a), B = val_from_obj(b);
    const int64_t u[] = { 1, 2, 3, 4, 5 }, i[] = { 3, 4 }, d[] = { 1, 2 }, x[] = { 1, 2, 5 };
    Value r = set_binop(BINOP_OR, A, B, false);
    expect_order(val_as_set(r), u, 5);
    decref(r);
    r = set_binop(BINOP_AND, A, B, false);
    expect_order(val_as_set(r), i, 2);
    decref(r);
    r = set_binop(BINOP_SUB, A, B, false);
    expect_order(val_as_set(r), d, 2);
    decref(r);
    r = set_binop(BINOP_XOR, A, B, false);
    expect_order(val_as_set(r), x, 3);
    decref(r);
    ck_assert(set_binop(BINOP_ADD, A, B, false) == VAL_NOTIMPL);
    List *l = list_new(0);
    ck_assert(set_binop(BINOP_OR, A, val_from_obj(l), false) == VAL_NOTIMPL);
    obj_decref(l);
    r = set_binop(BINOP_OR, A, B, true);                   /* |= keeps the object */
    ck_assert(r == A);
    decref(r);
    expect_order(a, u, 5);
    r = obj_compare(B, A, CMP_LT);
    ck_assert(r == VAL_TRUE);
    r = obj_compare(A, B, CMP_LE);
    ck_assert(r == VAL_FALSE);
    obj_decref(a);
    obj_decref(b);
}
END_TEST

static void count_visit(Obj *o, void *arg)
{
    (void)o;
    (*(int *)arg)++;
}

START_TEST(test_traverse_and_errors)
{
    Set *s = set_new(&set_type, VAL_UNDEF);
    Str *k1 = str_from_cstr("k1"), *k2 = str_from_cstr("k2");
    set_add(s, str_val(k1));
    set_add(s, str_val(k2));
    set_add(s, val_from_int(5));                         /* not an object: not visited */
    int n = 0;
    set_type.traverse((Obj *)s, count_visit, &n);
    ck_assert_int_eq(n, 2);
    set_type.clear((Obj *)s);                            /* what the collector calls */
    ck_assert_int_eq(s->used, 0);
    ck_assert_int_eq(k1->ob.refcnt, 1);
    List *l = list_new(0);
    ck_assert_int_eq(set_add(s, val_from_obj(l)), -1);
    expect_exc(&exc_TypeError, "unhashable type: 'list'");
    Value r = call_method(val_from_obj(s), "pop", 0);
    ck_assert(r == VAL_ERROR);
    expect_exc(&exc_KeyError, "pop from an empty set");
    r = call_method(val_from_obj(s), "remove", 1, val_from_int(7));
    ck_assert(r == VAL_ERROR);
    expect_exc(&exc_KeyError, NULL);
    Value rep = obj_repr(val_from_obj(s));
    ck_assert_str_eq(val_as_str(rep)->data, "set()");
    decref(rep);
    obj_decref(l);
    obj_decref(k1);
    obj_decref(k2);
    obj_decref(s);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_many_keys, test_cpython_order, test_refcounts, test_frozenset_hash,
                    test_algebra, test_traverse_and_errors, NULL);
}

const CheckSuite check_suite = { .name = "set", .add_tests = add_tests, .timeout = 60,
    .interp = CHECK_INTERP_RUN };
