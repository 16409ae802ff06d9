/* test_refcount.c — reference counting and deallocation: objects are freed
 * exactly once when their count drops to zero, immortal objects never are,
 * a million-deep chain of objects is freed without overflowing the C stack
 * (the trashcan in object.c), and the allocator's counters return to where
 * they started. */
#include "check_util.h"
#include <stdlib.h>

#include "core/object.h"
#include "memory/mem.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/range.h"

/* A test object holding one reference, counting its deallocations. */
typedef struct Node { Obj ob; Value child; int id; } Node;

static int64_t dealloc_count;
static int last_freed_id;

static void node_dealloc(Obj *o)
{
    Node *n = (Node *)o;
    dealloc_count++;
    last_freed_id = n->id;
    decref(n->child);
    obj_free(o);
}

static Type node_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "node",
    .size = sizeof(Node),
    .dealloc = node_dealloc,
};

static Node *node_new(Value child, int id)
{
    Node *n = obj_alloc(&node_type, sizeof(Node));
    ck_assert_ptr_nonnull(n);
    n->child = child;            /* steals */
    n->id = id;
    return n;
}

START_TEST(test_alloc_sets_header)
{
    Node *n = node_new(VAL_NONE, 1);
    ck_assert_int_eq(n->ob.refcnt, 1);
    ck_assert_ptr_eq(n->ob.type, &node_type);
    ck_assert_ptr_eq(val_type(val_from_obj(n)), &node_type);
    dealloc_count = 0;
    obj_decref(n);
    ck_assert_int_eq(dealloc_count, 1);
}
END_TEST

START_TEST(test_freed_exactly_once)
{
    dealloc_count = 0;
    Node *n = node_new(VAL_NONE, 7);
    Value v = val_from_obj(n);
    incref(v);
    incref(v);
    ck_assert_int_eq(n->ob.refcnt, 3);
    decref(v);
    decref(v);
    ck_assert_int_eq(dealloc_count, 0);
    decref(v);
    ck_assert_int_eq(dealloc_count, 1);
    ck_assert_int_eq(last_freed_id, 7);
}
END_TEST

START_TEST(test_children_released)
{
    dealloc_count = 0;
    Node *leaf = node_new(VAL_NONE, 1);
    Node *mid = node_new(val_from_obj(leaf), 2);
    obj_incref(leaf);            /* an outside reference keeps the leaf alive */
    obj_decref(mid);
    ck_assert_int_eq(dealloc_count, 1);
    ck_assert_int_eq(leaf->ob.refcnt, 1);
    obj_decref(leaf);
    ck_assert_int_eq(dealloc_count, 2);
}
END_TEST

START_TEST(test_unboxed_values_ignored)
{
    /* incref/decref on non-pointers are no-ops */
    Value vals[] = { val_from_int(5), val_from_float(2.5), VAL_NONE, VAL_TRUE, VAL_FALSE };
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        incref(vals[i]);
        decref(vals[i]);
        decref(vals[i]);
    }
    xdecref(VAL_UNDEF);
    xdecref(VAL_ERROR);
}
END_TEST

START_TEST(test_immortal_never_freed)
{
    static Node imm = { .ob = OBJ_HEAD_INIT(&node_type), .child = VAL_NONE, .id = 99 };
    dealloc_count = 0;
    Value v = val_from_obj(&imm);
    for (int i = 0; i < 1000; i++) decref(v);
    ck_assert_int_eq(dealloc_count, 0);
    ck_assert(imm.ob.refcnt > 0);
    /* types are immortal too */
    Value t = val_from_obj(&int_type);
    for (int i = 0; i < 1000; i++) decref(t);
    ck_assert(int_type.ob.refcnt > 0);
}
END_TEST

START_TEST(test_deep_chain_no_stack_overflow)
{
    const int N = 1000000;
    size_t bytes0 = mem_allocated_bytes(), blocks0 = mem_allocated_blocks();
    dealloc_count = 0;
    Value head = VAL_NONE;
    for (int i = 0; i < N; i++) head = val_from_obj(node_new(head, i));
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0 + N);
    decref(head);
    ck_assert_int_eq(dealloc_count, N);
    ck_assert_uint_eq(mem_allocated_bytes(), bytes0);
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0);
}
END_TEST

/* A wide tree whose nodes are deep: several chains hanging off one root each
 * fill and drain the trashcan in turn. */
typedef struct Pair { Obj ob; Value a, b; } Pair;
static void pair_dealloc(Obj *o)
{
    Pair *p = (Pair *)o;
    dealloc_count++;
    decref(p->a);
    decref(p->b);
    obj_free(o);
}
static Type pair_type = { .ob = OBJ_HEAD_INIT(&type_type), .name = "pair", .dealloc = pair_dealloc };

START_TEST(test_deep_binary_structure)
{
    size_t blocks0 = mem_allocated_blocks();
    dealloc_count = 0;
    Value head = VAL_NONE;
    int64_t made = 0;
    for (int i = 0; i < 200000; i++) {
        Pair *p = obj_alloc(&pair_type, sizeof(Pair));
        p->a = head;
        p->b = val_from_obj(node_new(VAL_NONE, i));
        made += 2;
        head = val_from_obj(p);
    }
    decref(head);
    ck_assert_int_eq(dealloc_count, made);
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0);
}
END_TEST

START_TEST(test_mem_counters)
{
    size_t bytes0 = mem_allocated_bytes(), blocks0 = mem_allocated_blocks();
    void *p = mem_alloc(100);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0 + 1);
    ck_assert_uint_ge(mem_allocated_bytes(), bytes0 + 100);
    p = mem_realloc(p, 10000);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0 + 1);
    ck_assert_uint_ge(mem_allocated_bytes(), bytes0 + 10000);
    void *q = mem_calloc(10, 8);
    ck_assert_ptr_nonnull(q);
    for (int i = 0; i < 80; i++) ck_assert_int_eq(((char *)q)[i], 0);
    mem_free(p);
    mem_free(q);
    mem_free(NULL);
    ck_assert_uint_eq(mem_allocated_bytes(), bytes0);
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0);
    /* overflowing sizes fail cleanly */
    ck_assert_ptr_null(mem_alloc_array((size_t)1 << 62, 16));
    ck_assert_ptr_null(mem_calloc((size_t)1 << 62, 16));
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0);
}
END_TEST

START_TEST(test_heap_objects_balance)
{
    /* heap ints and ranges come and go without leaking */
    size_t bytes0 = mem_allocated_bytes(), blocks0 = mem_allocated_blocks();
    Value big = int_from_i64(INT64_C(1) << 60);
    ck_assert(val_is_obj(big));
    ck_assert(val_is_intlike(big));
    ck_assert_int_eq(val_to_i64(big), INT64_C(1) << 60);
    Value small = int_from_i64(12345);
    ck_assert(val_is_int(small));
    Value r = range_new(0, 10, 2);
    ck_assert(r != VAL_ERROR);
    Value it = obj_iter(r);
    int64_t sum = 0;
    for (Value x; (x = obj_next(it)) != VAL_UNDEF;) sum += val_to_i64(x);
    ck_assert_int_eq(sum, 20);
    decref(it);
    decref(r);
    decref(big);
    ck_assert_uint_eq(mem_allocated_bytes(), bytes0);
    ck_assert_uint_eq(mem_allocated_blocks(), blocks0);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_alloc_sets_header, test_freed_exactly_once, test_children_released,
                    test_unboxed_values_ignored, test_immortal_never_freed,
                    test_deep_chain_no_stack_overflow, test_deep_binary_structure,
                    test_mem_counters, test_heap_objects_balance, NULL);
}

const CheckSuite check_suite = { .name = "refcount", .add_tests = add_tests, .timeout = 60 };
