/* test_list.c — unit tests of runtime/objects/list.c (and tuple.c): growth policy,
 * slices, stable sort with a key, method error texts, reprs, and the
 * reference counts of items through append/pop/clear. */
#include "check_util.h"
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/function.h"

static List *range_list(int64_t n)
{
    List *l = list_new(0);
    for (int64_t i = 0; i < n; i++) ck_assert_int_eq(list_append(l, val_from_int(i)), 0);
    return l;
}

START_TEST(test_append_growth)
{
    /* Capacities CPython 3.11 reaches (sys.getsizeof after each append). */
    static const int64_t caps[20] = { 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 24, 24, 24, 24 };
    List *l = list_new(0);
    ck_assert_int_eq(l->cap, 0);
    for (int i = 0; i < 20; i++) {
        list_append(l, val_from_int(i));
        ck_assert_int_eq(l->len, i + 1);
        ck_assert_int_eq(l->cap, caps[i]);
    }
    obj_decref(l);
    /* Ten million items stay within ~1/8 overallocation (~80 MB). */
    l = range_list(10000000);
    ck_assert_int_eq(l->len, 10000000);
    ck_assert_int_le(l->cap, 10000000 + 10000000 / 8 + 16);
    ck_assert(val_as_int(l->items[9999999]) == 9999999);
    obj_decref(l);
}
END_TEST

START_TEST(test_refcounts)
{
    Str *s = str_from_cstr("refcounted item");
    ck_assert_int_eq(s->ob.refcnt, 1);
    List *l = list_new(0);
    for (int i = 0; i < 10; i++) list_append(l, str_val(s));
    ck_assert_int_eq(s->ob.refcnt, 11);
    Value v = list_pop_last(l);
    ck_assert(v == str_val(s));
    ck_assert_int_eq(s->ob.refcnt, 11);          /* the popped reference is ours */
    decref(v);
    ck_assert_int_eq(s->ob.refcnt, 10);
    v = call_method(val_from_obj(l), "pop", 1, val_from_int(0));
    ck_assert(v == str_val(s));
    decref(v);
    ck_assert_int_eq(s->ob.refcnt, 9);
    ck_assert_int_eq(l->len, 8);
    Value c = call_method(val_from_obj(l), "copy", 0);
    ck_assert_int_eq(s->ob.refcnt, 17);
    decref(c);
    ck_assert_int_eq(s->ob.refcnt, 9);
    ck_assert(call_method(val_from_obj(l), "clear", 0) == VAL_NONE);
    ck_assert_int_eq(s->ob.refcnt, 1);
    ck_assert_int_eq(l->len, 0);
    /* Repeat and concat count references too. */
    list_append(l, str_val(s));
    Value r = list_repeat(l, 5);
    ck_assert_int_eq(s->ob.refcnt, 7);
    Value cc = list_concat(val_as_list(r), l);
    ck_assert_int_eq(val_as_list(cc)->len, 6);
    ck_assert_int_eq(s->ob.refcnt, 13);
    decref(r);
    decref(cc);
    obj_decref(l);
    ck_assert_int_eq(s->ob.refcnt, 1);
    obj_decref(s);
}
END_TEST

START_TEST(test_slices)
{
    List *l = range_list(10);
    Value lv = val_from_obj(l);
    Value sl = slice_new(val_from_int(1), val_from_int(8), val_from_int(3));
    Value r = obj_getitem(lv, sl);
    expect_repr(r, "[1, 4, 7]");
    decref(sl);

    /* l[2:5] = () ; l[::3] = ['a', 'b', 'c'] ; del l[::2]  (as python3) */
    sl = slice_new(val_from_int(2), val_from_int(5), VAL_NONE);
    ck_assert_int_eq(obj_setitem(lv, sl, val_from_obj(&tuple_empty)), 0);
    decref(sl);
    expect_repr(lv, "[0, 1, 5, 6, 7, 8, 9]");
    List *abc = list_new(0);
    const char *names[] = { "a", "b", "c" };
    for (int i = 0; i < 3; i++) {
        Str *s = str_from_cstr(names[i]);
        list_append_steal(abc, str_val(s));
    }
    sl = slice_new(VAL_NONE, VAL_NONE, val_from_int(3));
    ck_assert_int_eq(obj_setitem(lv, sl, val_from_obj(abc)), 0);
    expect_repr(lv, "['a', 1, 5, 'b', 7, 8, 'c']");
    ck_assert_int_eq(obj_delitem(lv, sl), 0);
    decref(sl);
    expect_repr(lv, "[1, 5, 7, 8]");
    sl = slice_new(VAL_NONE, VAL_NONE, val_from_int(2));
    ck_assert_int_eq(obj_delitem(lv, sl), 0);
    expect_repr(lv, "[5, 8]");
    /* l[::2] = ['a','b','c'] on a 2-item list */
    ck_assert_int_lt(obj_setitem(lv, sl, val_from_obj(abc)), 0);
    expect_exc(&exc_ValueError, "attempt to assign sequence of size 3 to extended slice of size 1");
    ck_assert_int_lt(obj_setitem(lv, sl, val_from_int(1)), 0);
    expect_exc(&exc_TypeError, "must assign iterable to extended slice");
    decref(sl);
    /* l[1:1] = l (self-assignment inserts a copy) */
    sl = slice_new(val_from_int(1), val_from_int(1), VAL_NONE);
    ck_assert_int_eq(obj_setitem(lv, sl, lv), 0);
    expect_repr(lv, "[5, 5, 8, 8]");
    ck_assert_int_lt(obj_setitem(lv, sl, val_from_int(1)), 0);
    expect_exc(&exc_TypeError, "can only assign an iterable");
    decref(sl);
    /* Negative-step deletion, then growth through a slice. */
    sl = slice_new(VAL_NONE, VAL_NONE, val_from_int(-3));
    ck_assert_int_eq(obj_delitem(lv, sl), 0);
    expect_repr(lv, "[5, 8]");
    decref(sl);
    sl = slice_new(val_from_int(1), val_from_int(2), VAL_NONE);
    ck_assert_int_eq(obj_setitem(lv, sl, r), 0);
    expect_repr(lv, "[5, 1, 4, 7]");
    decref(sl);
    decref(r);
    obj_decref(abc);

    /* Indexing errors. */
    ck_assert(obj_getitem(lv, val_from_int(4)) == VAL_ERROR);
    expect_exc(&exc_IndexError, "list index out of range");
    ck_assert(obj_setitem(lv, val_from_int(-5), VAL_NONE) < 0);
    expect_exc(&exc_IndexError, "list assignment index out of range");
    ck_assert(obj_getitem(lv, VAL_NONE) == VAL_ERROR);
    expect_exc(&exc_TypeError, "list indices must be integers or slices, not NoneType");
    Value v = obj_getitem(lv, val_from_int(-1));
    ck_assert(v == val_from_int(7));
    obj_decref(l);
}
END_TEST

static Value key_first(Value *args, int nargs, Tuple *kw)
{
    (void)nargs; (void)kw;
    Value k = val_as_tuple(args[0])->items[0];
    incref(k);
    return k;
}

/* l holds pairs (k, i) sorted by k (descending when reverse), with i
 * ascending among equal k: the order a stable sort by k gives when the
 * pairs were made with i ascending. */
static void expect_stable_by_key(List *l, bool reverse)
{
    for (int64_t i = 1; i < l->len; i++) {
        Tuple *a = val_as_tuple(l->items[i - 1]), *b = val_as_tuple(l->items[i]);
        int64_t ka = val_as_int(a->items[0]), kb = val_as_int(b->items[0]);
        if (reverse)
            ck_assert_int_ge(ka, kb);
        else
            ck_assert_int_le(ka, kb);
        if (ka == kb) ck_assert_int_lt(val_as_int(a->items[1]), val_as_int(b->items[1]));
    }
}

static int key_calls;
static Value key_count(Value *args, int nargs, Tuple *kw)
{
    (void)nargs; (void)kw;
    key_calls++;
    return val_from_int(-val_as_int(args[0]));
}

START_TEST(test_sort)
{
    /* Pairs (k, i) with many equal k: sorting by k keeps i ascending. */
    List *l = list_new(0);
    unsigned seed = 12345;
    for (int i = 0; i < 5000; i++) {
        seed = seed * 1103515245u + 12345u;
        Tuple *t = tuple_pack(2, val_from_int((seed >> 16) % 50), val_from_int(i));
        list_append_steal(l, val_from_obj(t));
    }
    Value key = builtin_new("key", key_first, VAL_UNDEF);
    ck_assert_int_eq(list_sort(l, key, false), 0);
    expect_stable_by_key(l, false);
    /* reverse=True is also stable. */
    ck_assert_int_eq(list_sort(l, key, true), 0);
    expect_stable_by_key(l, true);
    /* Without a key tuples compare element by element. */
    ck_assert_int_eq(list_sort(l, VAL_NONE, false), 0);
    for (int64_t i = 1; i < l->len; i++)
        ck_assert_int_eq(obj_compare_bool(l->items[i - 1], l->items[i], CMP_LT), 1);
    decref(key);
    obj_decref(l);

    /* The key is called once per item. */
    l = range_list(1000);
    key = builtin_new("neg", key_count, VAL_UNDEF);
    key_calls = 0;
    ck_assert_int_eq(list_sort(l, key, false), 0);
    ck_assert_int_eq(key_calls, 1000);
    ck_assert(val_as_int(l->items[0]) == 999 && val_as_int(l->items[999]) == 0);
    decref(key);

    /* Strings and floats. */
    List *s = list_new(0);
    const char *w[] = { "pear", "apple", "fig", "apple2", "", "zz", "\xc3\xa9" };
    for (int i = 0; i < 7; i++) list_append_steal(s, str_val(str_from_cstr(w[i])));
    ck_assert_int_eq(list_sort(s, VAL_NONE, false), 0);
    expect_repr(val_from_obj(s), "['', 'apple', 'apple2', 'fig', 'pear', 'zz', '\xc3\xa9']");
    /* Incomparable items: TypeError, and the list keeps all its items. */
    list_append(s, val_from_int(1));
    ck_assert_int_lt(list_sort(s, VAL_NONE, false), 0);
    expect_exc(&exc_TypeError, NULL);
    ck_assert_int_eq(s->len, 8);
    obj_decref(s);
    obj_decref(l);
}
END_TEST

START_TEST(test_methods)
{
    List *l = range_list(5);
    Value lv = val_from_obj(l);
    ck_assert(call_method(lv, "insert", 2, val_from_int(-100), val_from_int(42)) == VAL_NONE);
    ck_assert(call_method(lv, "insert", 2, val_from_int(100), val_from_int(43)) == VAL_NONE);
    expect_repr(lv, "[42, 0, 1, 2, 3, 4, 43]");
    ck_assert(call_method(lv, "index", 1, val_from_int(3)) == val_from_int(4));
    ck_assert(call_method(lv, "index", 2, val_from_int(42), val_from_int(1)) == VAL_ERROR);
    expect_exc(&exc_ValueError, "42 is not in list");
    ck_assert(call_method(lv, "remove", 1, val_from_int(42)) == VAL_NONE);
    ck_assert(call_method(lv, "remove", 1, val_from_int(42)) == VAL_ERROR);
    expect_exc(&exc_ValueError, "list.remove(x): x not in list");
    ck_assert(call_method(lv, "count", 1, val_from_int(3)) == val_from_int(1));
    ck_assert(call_method(lv, "reverse", 0) == VAL_NONE);
    expect_repr(lv, "[43, 4, 3, 2, 1, 0]");
    ck_assert(call_method(lv, "pop", 1, val_from_int(10)) == VAL_ERROR);
    expect_exc(&exc_IndexError, "pop index out of range");
    ck_assert(call_method(lv, "append", 0) == VAL_ERROR);
    expect_exc(&exc_TypeError, "list.append() takes exactly one argument (0 given)");
    ck_assert(call_method(lv, "extend", 1, lv) == VAL_NONE);
    ck_assert_int_eq(l->len, 12);
    ck_assert(call_method(lv, "clear", 0) == VAL_NONE);
    ck_assert(call_method(lv, "pop", 0) == VAL_ERROR);
    expect_exc(&exc_IndexError, "pop from empty list");

    /* [0] * 2**60 */
    list_append(l, val_from_int(0));
    ck_assert(list_repeat(l, INT64_C(1) << 60) == VAL_ERROR);
    expect_exc(&exc_MemoryError, NULL);

    /* Recursive repr, comparisons, `in`. */
    list_append(l, lv);
    expect_repr(lv, "[0, [...]]");
    ck_assert_int_eq(obj_contains(lv, val_from_int(0)), 1);
    ck_assert_int_eq(obj_contains(lv, val_from_int(5)), 0);
    ck_assert(call_method(lv, "clear", 0) == VAL_NONE);
    List *a = range_list(2), *b = range_list(3);
    ck_assert_int_eq(obj_compare_bool(val_from_obj(a), val_from_obj(b), CMP_LT), 1);
    ck_assert_int_eq(obj_compare_bool(val_from_obj(a), val_from_obj(b), CMP_EQ), 0);
    list_append(a, val_from_int(2));
    ck_assert_int_eq(obj_compare_bool(val_from_obj(a), val_from_obj(b), CMP_EQ), 1);
    obj_decref(a);
    obj_decref(b);
    obj_decref(l);
}
END_TEST

START_TEST(test_tuple)
{
    expect_repr(val_from_obj(&tuple_empty), "()");
    Tuple *t1 = tuple_pack(1, val_from_int(1));
    expect_repr(val_from_obj(t1), "(1,)");
    Tuple *t = tuple_pack(2, val_from_int(1), val_from_int(2));
    int64_t h;
    /* python3: hash(()), hash((1, 2)), hash((1, (2, 3))) */
    ck_assert_int_eq(obj_hash(val_from_obj(&tuple_empty), &h), 0);
    ck_assert(h == INT64_C(5740354900026072187));
    ck_assert_int_eq(obj_hash(val_from_obj(t), &h), 0);
    ck_assert(h == INT64_C(-3550055125485641917));
    Tuple *t23 = tuple_pack(2, val_from_int(2), val_from_int(3));
    Tuple *n = tuple_pack(2, val_from_int(1), val_from_obj(t23));
    ck_assert_int_eq(obj_hash(val_from_obj(n), &h), 0);
    ck_assert(h == INT64_C(7267574591690527098));
    ck_assert(obj_getitem(val_from_obj(t), val_from_int(2)) == VAL_ERROR);
    expect_exc(&exc_IndexError, "tuple index out of range");
    ck_assert(obj_getitem(val_from_obj(t), val_from_int(-2)) == val_from_int(1));
    Value c = tuple_concat(t, t23);
    expect_repr(c, "(1, 2, 2, 3)");
    Value r = tuple_repeat(t1, 3);
    expect_repr(r, "(1, 1, 1)");
    ck_assert_int_eq(obj_compare_bool(val_from_obj(t), c, CMP_LT), 1);
    ck_assert(call_method(c, "index", 1, val_from_int(3)) == val_from_int(3));
    ck_assert(call_method(c, "count", 1, val_from_int(2)) == val_from_int(2));
    ck_assert(call_method(c, "index", 1, val_from_int(9)) == VAL_ERROR);
    expect_exc(&exc_ValueError, "tuple.index(x): x not in tuple");
    /* A tuple holding a list holding the tuple. */
    List *l = list_new(0);
    Tuple *tl = tuple_pack(1, val_from_obj(l));
    list_append(l, val_from_obj(tl));
    expect_repr(val_from_obj(tl), "([(...)],)");
    ck_assert(call_method(val_from_obj(l), "clear", 0) == VAL_NONE);
    obj_decref(tl);
    obj_decref(l);
    decref(c);
    decref(r);
    obj_decref(n);
    obj_decref(t23);
    obj_decref(t);
    obj_decref(t1);
}
END_TEST

/* Many sizes and input shapes: result sorted, stable, a permutation. */
START_TEST(test_sort_patterns)
{
    Value key = builtin_new("key", key_first, VAL_UNDEF);
    unsigned seed = 99;
    for (int shape = 0; shape < 5; shape++) {
        for (int n = 0; n < 3000; n += n < 70 ? 1 : 397) {
            List *l = list_new(0);
            for (int i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                int64_t k;
                switch (shape) {
                case 0: k = (seed >> 16) % 1000; break;          /* random */
                case 1: k = i / 3; break;                        /* sorted, duplicates */
                case 2: k = n - i; break;                        /* reversed */
                case 3: k = i % 37; break;                       /* sawtooth */
                default: k = (seed >> 16) % 3; break;            /* few distinct */
                }
                list_append_steal(l, val_from_obj(tuple_pack(2, val_from_int(k), val_from_int(i))));
            }
            ck_assert_int_eq(list_sort(l, key, shape == 4), 0);
            int64_t seen = 0;
            for (int64_t i = 0; i < l->len; i++) {
                Tuple *b = val_as_tuple(l->items[i]);
                seen += val_as_int(b->items[1]);
                if (!i) continue;
                Tuple *a = val_as_tuple(l->items[i - 1]);
                int64_t ka = val_as_int(a->items[0]), kb = val_as_int(b->items[0]);
                if (shape == 4) ck_assert_int_ge(ka, kb);
                else ck_assert_int_le(ka, kb);
                if (ka == kb) ck_assert_int_lt(val_as_int(a->items[1]), val_as_int(b->items[1]));
            }
            ck_assert_int_eq(seen, (int64_t)n * (n - 1) / 2);
            obj_decref(l);
        }
    }
    decref(key);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_append_growth, test_refcounts, test_slices, test_sort,
                    test_sort_patterns, test_methods, test_tuple, NULL);
}

const CheckSuite check_suite = { .name = "list", .add_tests = add_tests, .timeout = 60 };
