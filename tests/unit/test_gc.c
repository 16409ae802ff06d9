/* test_gc.c — the cycle collector on the C API (runtime/memory/gc.c): cycles of 1,
 * 2 and N objects are freed, a cycle reachable from a live object is kept
 * until the link is cut, survivors are promoted generation by generation,
 * threshold 0 starts collections by itself, a million-long chain and a cycle
 * through a million lists are collected without a crash, gc.freeze keeps
 * objects out of collections, DEBUG_SAVEALL keeps them in gc.garbage, and
 * tuples and dicts of atoms are untracked as in CPython 3.11. */
#include "check_util.h"
#include <stdlib.h>

#include "core/object.h"
#include "memory/gc.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/str.h"

/* A container with up to four references, counting its deallocations. */
typedef struct Node { Obj ob; Value ref[4]; } Node;

static int64_t freed;

static void node_clear(Obj *o)
{
    Node *n = (Node *)o;
    for (int i = 0; i < 4; i++) {
        Value v = n->ref[i];
        n->ref[i] = VAL_NONE;
        decref(v);
    }
}

static void node_dealloc(Obj *o)
{
    freed++;
    node_clear(o);
    obj_free(o);
}

static void node_traverse(Obj *o, VisitProc visit, void *arg)
{
    Node *n = (Node *)o;
    for (int i = 0; i < 4; i++)
        if (val_is_obj(n->ref[i])) visit(val_as_obj(n->ref[i]), arg);
}

static Type node_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "node",
    .size = sizeof(Node),
    .flags = TYPE_CONTAINER,
    .dealloc = node_dealloc,
    .traverse = node_traverse,
    .clear = node_clear,
};

static Node *node_new(void)
{
    Node *n = obj_alloc(&node_type, sizeof(Node));
    ck_assert_ptr_nonnull(n);
    for (int i = 0; i < 4; i++) n->ref[i] = VAL_NONE;
    return n;
}

/* n->ref[i] = target (a new reference). */
static void link(Node *n, int i, void *target)
{
    Value old = n->ref[i];
    n->ref[i] = val_from_obj(target);
    obj_incref(target);
    decref(old);
}

/* Each test starts from an empty young heap and default settings. */
static void setup(void)
{
    gc_set_enabled(true);
    gc_set_debug(0);
    intptr_t t[3] = { 700, 10, 10 };
    gc_set_thresholds(t, 3);
    gc_unfreeze();
    gc_collect(2);
    freed = 0;
}

typedef struct { Obj *want; int found; } Find;

static int find_step(Obj *o, void *arg)
{
    Find *f = arg;
    if (o == f->want) { f->found = 1; return 1; }
    return 0;
}

/* The generation holding o, or -1. */
static int generation_of(void *o)
{
    for (int g = 0; g < GC_NGENERATIONS; g++) {
        Find f = { o, 0 };
        gc_for_each(g, find_step, &f);
        if (f.found) return g;
    }
    return -1;
}

START_TEST(test_cycle_of_one)
{
    Node *a = node_new();
    link(a, 0, a);
    obj_decref(a);
    ck_assert_int_eq(freed, 0);          /* refcounting alone cannot free it */
    ck_assert_int_eq(gc_collect(0), 1);
    ck_assert_int_eq(freed, 1);
}
END_TEST

START_TEST(test_cycle_of_two_lists)
{
    size_t blocks = mem_allocated_blocks();
    List *a = list_new(0), *b = list_new(0);
    ck_assert_int_eq(list_append(a, val_from_obj(b)), 0);
    ck_assert_int_eq(list_append(b, val_from_obj(a)), 0);
    obj_decref(a);
    obj_decref(b);
    ck_assert_uint_gt(mem_allocated_blocks(), blocks);
    ck_assert_int_eq(gc_collect(2), 2);   /* CPython's answer for a two-list cycle */
    ck_assert_uint_eq(mem_allocated_blocks(), blocks);
}
END_TEST

START_TEST(test_cycle_of_n)
{
    enum { N = 1000 };
    Node *first = node_new(), *prev = first;
    for (int i = 1; i < N; i++) {
        Node *n = node_new();
        link(prev, 0, n);
        obj_decref(n);
        prev = n;
    }
    link(prev, 0, first);
    obj_decref(first);
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(gc_collect(2), N);
    ck_assert_int_eq(freed, N);
}
END_TEST

START_TEST(test_reachable_cycle_kept)
{
    Node *a = node_new(), *b = node_new();
    link(a, 0, b);
    link(b, 0, a);
    List *holder = list_new(0);            /* a live object (owned by this C code) */
    ck_assert_int_eq(list_append(holder, val_from_obj(a)), 0);
    obj_decref(a);
    obj_decref(b);
    ck_assert_int_eq(gc_collect(2), 0);
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(((Node *)a)->ref[0], val_from_obj(b));   /* untouched */
    Value v = list_pop_last(holder);       /* cut the link */
    decref(v);
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(gc_collect(2), 2);
    ck_assert_int_eq(freed, 2);
    obj_decref(holder);
}
END_TEST

START_TEST(test_cycle_through_tuple_and_dict)
{
    /* d = {}; t = (d,); d['t'] = t */
    Dict *d = dict_new();
    ck_assert(!gc_is_tracked((Obj *)d));
    Tuple *t = tuple_pack(1, val_from_obj(d));
    ck_assert(gc_is_tracked((Obj *)t));
    ck_assert_int_eq(dict_set_cstr(d, "t", val_from_obj(t)), 0);
    ck_assert(gc_is_tracked((Obj *)d));    /* a tracked tuple went in */
    obj_decref(t);
    obj_decref(d);
    ck_assert_int_eq(gc_collect(2), 2);
}
END_TEST

START_TEST(test_promotion)
{
    Node *a = node_new();
    ck_assert_int_eq(generation_of(a), 0);
    gc_collect(0);
    ck_assert_int_eq(generation_of(a), 1);
    gc_collect(0);
    ck_assert_int_eq(generation_of(a), 1);  /* a young collection leaves gen 1 alone */
    gc_collect(1);
    ck_assert_int_eq(generation_of(a), 2);
    gc_collect(2);
    ck_assert_int_eq(generation_of(a), 2);  /* the oldest generation keeps it */
    /* Garbage in an older generation is found only when that one is collected. */
    link(a, 0, a);
    obj_decref(a);
    ck_assert_int_eq(gc_collect(0), 0);
    ck_assert_int_eq(gc_collect(1), 0);
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(gc_collect(2), 1);
    ck_assert_int_eq(freed, 1);
}
END_TEST

START_TEST(test_counts)
{
    intptr_t c[3];
    gc_collect(0);
    gc_get_counts(c);
    ck_assert_int_eq(c[0], 0);
    ck_assert_int_eq(c[1], 1);              /* one young collection since the last gen-1 one */
    Node *a = node_new(), *b = node_new();
    gc_get_counts(c);
    ck_assert_int_eq(c[0], 2);              /* allocations minus deallocations */
    obj_decref(b);
    gc_get_counts(c);
    ck_assert_int_eq(c[0], 1);
    obj_decref(a);
    gc_collect(1);
    gc_get_counts(c);
    ck_assert_int_eq(c[0], 0);
    ck_assert_int_eq(c[1], 0);
    ck_assert_int_eq(c[2], 1);
}
END_TEST

START_TEST(test_threshold_starts_collections)
{
    intptr_t t[3] = { 10, 10, 10 };
    gc_set_thresholds(t, 3);
    intptr_t before = gc_get_stats(0).collections;
    /* Cycles dropped as they are made: collected without gc_collect. */
    for (int i = 0; i < 100; i++) {
        Node *a = node_new();
        link(a, 0, a);
        obj_decref(a);
    }
    intptr_t ran = gc_get_stats(0).collections - before;
    ck_assert_int_ge(ran, 100 / 11 - 1);
    ck_assert_int_le(ran, 100 / 11 + 1);
    ck_assert_int_ge(freed, 80);
    /* Disabled: nothing runs by itself. */
    gc_set_enabled(false);
    before = gc_get_stats(0).collections;
    for (int i = 0; i < 100; i++) obj_decref(node_new());
    List *keep = list_new(0);
    for (int i = 0; i < 100; i++) {
        List *l = list_new(0);
        list_append_steal(keep, val_from_obj(l));
    }
    ck_assert_int_eq(gc_get_stats(0).collections, before);
    obj_decref(keep);
    gc_set_enabled(true);
}
END_TEST

START_TEST(test_older_thresholds)
{
    intptr_t t[3] = { 5, 3, 1000000 };
    gc_set_thresholds(t, 3);
    intptr_t g0 = gc_get_stats(0).collections, g1 = gc_get_stats(1).collections;
    List *keep = list_new(0);
    for (int i = 0; i < 600; i++) list_append_steal(keep, val_from_obj(node_new()));
    intptr_t d0 = gc_get_stats(0).collections - g0, d1 = gc_get_stats(1).collections - g1;
    /* One collection per 6 allocations (count > 5); after 4 young ones
     * (count 1 > 3) the next is of generation 1: one in five. */
    ck_assert_int_ge(d0 + d1, 600 / 6 - 2);
    ck_assert_int_ge(d1, (d0 + d1) / 5 - 1);
    ck_assert_int_le(d1, (d0 + d1) / 5 + 1);
    obj_decref(keep);
}
END_TEST

START_TEST(test_million_chain)
{
    /* [[[...[]...]]] a million deep, kept alive: scanned without recursion. */
    List *outer = list_new(0), *cur = outer;
    for (int i = 0; i < 1000000; i++) {
        List *l = list_new(0);
        ck_assert_ptr_nonnull(l);
        ck_assert_int_eq(list_append_steal(cur, val_from_obj(l)), 0);
        cur = l;
    }
    ck_assert_int_eq(gc_collect(2), 0);
    /* Closing it into a cycle through a million lists: freed by the collector. */
    ck_assert_int_eq(list_append(cur, val_from_obj(outer)), 0);
    obj_decref(outer);
    ck_assert_int_eq(gc_collect(2), 1000001);
}
END_TEST

START_TEST(test_million_ring_reverse_order)
{
    /* Each list refers to the one allocated before it, so the scan meets
     * the referents before their referrers: the worst order for marking. */
    List *first = list_new(0), *prev = first;
    for (int i = 0; i < 1000000; i++) {
        List *l = list_new(0);
        ck_assert_int_eq(list_append_steal(l, val_from_obj(prev)), 0);
        prev = l;
    }
    ck_assert_int_eq(list_append_steal(first, val_from_obj(prev)), 0);   /* closes the ring */
    ck_assert_int_eq(gc_collect(2), 1000001);
}
END_TEST

START_TEST(test_freeze)
{
    ck_assert_int_eq(gc_freeze_count(), 0);
    Node *a = node_new();
    link(a, 0, a);
    gc_freeze();
    ck_assert_int_ge(gc_freeze_count(), 1);
    ck_assert_int_eq(generation_of(a), -1);
    obj_decref(a);
    ck_assert_int_eq(gc_collect(2), 0);     /* frozen: never collected */
    ck_assert_int_eq(freed, 0);
    gc_unfreeze();
    ck_assert_int_eq(gc_freeze_count(), 0);
    ck_assert_int_eq(generation_of(a), 2);
    ck_assert_int_eq(gc_collect(2), 1);
    ck_assert_int_eq(freed, 1);
}
END_TEST

START_TEST(test_saveall)
{
    List *garbage = gc_garbage_list();
    ck_assert_ptr_nonnull(garbage);
    gc_set_debug(GC_DEBUG_SAVEALL);
    Node *a = node_new(), *b = node_new();
    link(a, 0, b);
    link(b, 0, a);
    obj_decref(a);
    obj_decref(b);
    ck_assert_int_eq(gc_collect(2), 2);
    ck_assert_int_eq(freed, 0);
    ck_assert_int_eq(garbage->len, 2);
    gc_set_debug(0);
    Value x = list_pop_last(garbage), y = list_pop_last(garbage);
    decref(x);
    decref(y);
    ck_assert_int_eq(gc_collect(2), 2);
    ck_assert_int_eq(freed, 2);
}
END_TEST

START_TEST(test_untrack_atoms)
{
    Str *s = str_from_cstr("text");
    Tuple *atoms = tuple_pack(3, val_from_int(1), val_from_float(2.5), str_val(s));
    List *l = list_new(0);
    Tuple *holds_list = tuple_pack(2, val_from_int(1), val_from_obj(l));
    Tuple *holds_atoms_tuple = tuple_pack(1, val_from_obj(atoms));
    ck_assert(gc_is_tracked((Obj *)atoms));           /* tracked at creation */
    ck_assert(gc_is_tracked((Obj *)holds_atoms_tuple));
    ck_assert(!gc_may_be_tracked(val_from_obj(&tuple_empty)));   /* static: no header */

    Dict *d = dict_new();
    ck_assert(!gc_is_tracked((Obj *)d));               /* 3.11: dicts start untracked */
    ck_assert_int_eq(dict_set_cstr(d, "a", val_from_int(1)), 0);
    ck_assert(!gc_is_tracked((Obj *)d));
    ck_assert_int_eq(dict_set_cstr(d, "l", val_from_obj(l)), 0);
    ck_assert(gc_is_tracked((Obj *)d));
    Dict *dt = dict_new();
    ck_assert_int_eq(dict_set_cstr(dt, "t", val_from_obj(atoms)), 0);
    ck_assert(gc_is_tracked((Obj *)dt));               /* the tuple is still tracked */

    gc_collect(0);                                     /* young: tuples only */
    ck_assert(!gc_is_tracked((Obj *)atoms));
    ck_assert(gc_is_tracked((Obj *)holds_list));
    ck_assert(gc_is_tracked((Obj *)l));
    ck_assert(gc_is_tracked((Obj *)dt));
    Str *key = str_intern_cstr("l");
    ck_assert_int_eq(dict_del(d, str_val(key)), 0);
    obj_decref(key);
    ck_assert(gc_is_tracked((Obj *)d));                /* deletion does not untrack */
    gc_collect(2);                                     /* full: dicts of atoms too */
    ck_assert(!gc_is_tracked((Obj *)d));
    ck_assert(!gc_is_tracked((Obj *)dt));
    ck_assert(!gc_is_tracked((Obj *)holds_atoms_tuple));
    ck_assert(gc_is_tracked((Obj *)holds_list));
    ck_assert_int_eq(dict_set_cstr(d, "again", val_from_obj(l)), 0);
    ck_assert(gc_is_tracked((Obj *)d));                /* re-tracked by an insertion */

    obj_decref(holds_atoms_tuple);
    obj_decref(holds_list);
    obj_decref(atoms);
    obj_decref(dt);
    obj_decref(d);
    obj_decref(l);
    obj_decref(s);
}
END_TEST

START_TEST(test_stats_and_dealloc_untracks)
{
    GCGenStats before = gc_get_stats(2);
    Node *a = node_new();
    ck_assert(gc_is_tracked((Obj *)a));
    obj_decref(a);                          /* freed by refcounting: off the lists */
    ck_assert_int_eq(freed, 1);
    Node *b = node_new();
    link(b, 0, b);
    obj_decref(b);
    gc_collect(2);
    GCGenStats after = gc_get_stats(2);
    ck_assert_int_eq(after.collections, before.collections + 1);
    ck_assert_int_eq(after.collected, before.collected + 1);
    ck_assert_int_eq(after.uncollectable, before.uncollectable);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_cycle_of_one, test_cycle_of_two_lists, test_cycle_of_n,
                    test_reachable_cycle_kept, test_cycle_through_tuple_and_dict, test_promotion,
                    test_counts, test_threshold_starts_collections, test_older_thresholds,
                    test_million_chain, test_million_ring_reverse_order, test_freeze, test_saveall,
                    test_untrack_atoms, test_stats_and_dealloc_untracks, NULL);
}

const CheckSuite check_suite = { .name = "gc", .add_tests = add_tests, .timeout = 120,
    .setup = setup };
