/* list.c — the list type: a resizable array of Values with CPython's growth
 * policy (so memory use and sys.getsizeof match), slice get/set/delete with
 * extended slices, a stable merge sort with type-specialised comparisons,
 * the list methods with CPython's error texts, and the repr recursion guard
 * shared by every container repr (list_repr_enter/leave).
 */
#include <string.h>

#include "objects/list.h"
#include "core/args.h"
#include "objects/subclass.h"
#include "objects/tuple.h"
#include "objects/str.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/iterators.h"
#include "core/interp.h"
#include "core/intr.h"
#include "core/debug.h"

/* ------------------------------------------------------------------ */
/* storage                                                              */

/* CPython 3.11 list_resize: sets len to newsize, over-allocating by ~1/8. */
static int list_resize(List *l, int64_t newsize)
{
    int64_t allocated = l->cap;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->len = newsize;
        return 0;
    }
    uint64_t na = ((uint64_t)newsize + ((uint64_t)newsize >> 3) + 6) & ~(uint64_t)3;
    if (newsize - l->len > (int64_t)(na - (uint64_t)newsize))
        na = ((uint64_t)newsize + 3) & ~(uint64_t)3;
    if (newsize == 0) na = 0;
    if (na > (uint64_t)INT64_MAX / sizeof(Value)) { err_no_memory(); return -1; }
    Value *items;
    if (na == 0) {
        mem_free(l->items);
        items = NULL;
    } else {
        items = mem_realloc(l->items, (size_t)na * sizeof(Value));
        if (!items) { err_no_memory(); return -1; }
    }
    l->items = items;
    l->cap = (int64_t)na;
    l->len = newsize;
    return 0;
}

/* ------------------------------------------------------------------ */
/* consistency (SCR_DEBUG)                                              */

#ifdef SCR_DEBUG
static uint64_t list_mutations;

/* 0 <= len <= cap, storage present when cap > 0, and (with full) every
 * item a live value: no empty slot, no error marker, no freed object.
 * While list_sort runs, the list is empty with cap -1. */
static void list_check_consistency(const List *l, bool full)
{
    if (l->cap == -1) {
        scr_assert(l->len == 0 && l->items == NULL);
        return;
    }
    scr_assert(0 <= l->len && l->len <= l->cap);
    scr_assert(l->cap == 0 || l->items != NULL);
    if (!full) return;
    for (int64_t i = 0; i < l->len; i++) {
        Value v = l->items[i];
        scr_assert(v != VAL_UNDEF && v != VAL_ERROR);
        scr_assert(!val_is_obj(v) || val_as_obj(v)->refcnt > 0);
    }
}

/* After a mutation: the items in full for short lists, else about once per
 * len mutations (of any list), so that checking stays O(1) on average. */
static void list_check(const List *l)
{
    uint64_t n = (uint64_t)(l->len > 0 ? l->len : 1);
    uint64_t mask = n <= 16 ? 0 : (UINT64_C(1) << (64 - __builtin_clzll(n))) - 1;
    list_check_consistency(l, (++list_mutations & mask) == 0);
}
#else
#define list_check_consistency(l, full) ((void)0)
#define list_check(l) ((void)0)
#endif

/* Exactly n slots, for a list that has none yet (list(x) with known len). */
static int list_prealloc_exact(List *l, int64_t n)
{
    if (n <= 0) return 0;
    Value *items = mem_alloc_array((size_t)n, sizeof(Value));
    if (!items) { err_no_memory(); return -1; }
    l->items = items;
    l->cap = n;
    return 0;
}

List *list_new(int64_t cap)
{
    List *l = obj_alloc(&list_type, sizeof(List));
    if (!l) return NULL;
    l->len = 0;
    l->cap = 0;
    l->items = NULL;
    if (cap > 0 && list_prealloc_exact(l, cap) < 0) {
        obj_free(l);
        return NULL;
    }
    return l;
}

static int append_slow(List *l, Value v)
{
    int64_t n = l->len;
    if (list_resize(l, n + 1) < 0) return -1;
    l->items[n] = v;
    return 0;
}

int list_append_steal(List *l, Value v)
{
    int64_t n = l->len;
    if (n < l->cap) {
        l->items[n] = v;
        l->len = n + 1;
        list_check(l);
        return 0;
    }
    if (append_slow(l, v) < 0) { decref(v); return -1; }
    list_check(l);
    return 0;
}

int list_append(List *l, Value v)
{
    incref(v);
    return list_append_steal(l, v);
}

Value list_pop_last(List *l)
{
    if (l->len == 0) {
        err_set(&exc_IndexError, "pop from empty list");
        return VAL_ERROR;
    }
    Value v = l->items[l->len - 1];
    if (list_resize(l, l->len - 1) < 0) {     /* shrinking cannot really fail: keep going */
        err_clear();
        l->len--;
    }
    list_check(l);
    return v;
}

static void list_dealloc(Obj *o)
{
    List *l = (List *)o;
    if (l->items) {
        for (int64_t i = l->len - 1; i >= 0; i--) decref(l->items[i]);
        mem_free(l->items);
    }
    obj_free(o);
}

static void list_traverse(Obj *o, VisitProc visit, void *arg)
{
    List *l = (List *)o;
    for (int64_t i = 0; i < l->len; i++)
        if (val_is_obj(l->items[i])) visit(val_as_obj(l->items[i]), arg);
}

/* Detach the items before releasing them: a __del__ may look at the list. */
static void list_clear_items(List *l)
{
    Value *items = l->items;
    if (!items) return;
    int64_t n = l->len;
    l->items = NULL;
    l->len = 0;
    l->cap = 0;
    list_check_consistency(l, true);
    while (--n >= 0) decref(items[n]);
    mem_free(items);
}

static void list_clear_slot(Obj *o) { list_clear_items((List *)o); }

/* ------------------------------------------------------------------ */
/* extend / construction                                                */

int list_extend(List *l, Value iterable)
{
    if (val_is_list(iterable) || val_is_tuple(iterable)) {
        bool is_list = val_is_list(iterable);
        int64_t n = is_list ? val_as_list(iterable)->len : val_as_tuple(iterable)->len;
        if (n == 0) return 0;
        int64_t m = l->len;
        if (l->items == NULL) {
            if (list_prealloc_exact(l, n) < 0) return -1;
            l->len = n;
        } else if (list_resize(l, m + n) < 0) {
            return -1;
        }
        /* After the resize: extending a list by itself reads the new array. */
        const Value *src = is_list ? val_as_list(iterable)->items : val_as_tuple(iterable)->items;
        Value *dst = l->items + m;
        for (int64_t i = 0; i < n; i++) {
            incref(src[i]);
            dst[i] = src[i];
        }
        list_check(l);
        return 0;
    }
    Value it = obj_iter(iterable);
    if (it == VAL_ERROR) return -1;
    Type *t = val_type(iterable);
    if (t->len && l->items == NULL) {
        int64_t hint = t->len(iterable);
        if (hint < 0) err_clear();
        else if (hint > 0 && list_prealloc_exact(l, hint) < 0) { decref(it); return -1; }
    }
    Type *itt = val_type(it);
    Value (*next)(Value) = itt->next ? itt->next : obj_next;
    for (;;) {
        Value x = intr_check() < 0 ? VAL_ERROR : next(it);
        if (x == VAL_UNDEF) break;
        if (x == VAL_ERROR) { decref(it); return -1; }
        int64_t n = l->len;
        if (n < l->cap) {
            l->items[n] = x;
            l->len = n + 1;
        } else if (append_slow(l, x) < 0) {
            decref(x);
            decref(it);
            return -1;
        }
    }
    decref(it);
    if (l->len < l->cap && list_resize(l, l->len) < 0) err_clear();
    list_check(l);
    return 0;
}

Value list_from_iterable(Value iterable)
{
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    if (list_extend(l, iterable) < 0) {
        obj_decref(l);
        return VAL_ERROR;
    }
    return val_from_obj(l);
}

Value list_concat(List *a, List *b)
{
    if (a->len > INT64_MAX / (int64_t)sizeof(Value) - b->len) { err_no_memory(); return VAL_ERROR; }
    int64_t n = a->len + b->len;
    List *r = list_new(n);
    if (!r) return VAL_ERROR;
    for (int64_t i = 0; i < a->len; i++) { incref(a->items[i]); r->items[i] = a->items[i]; }
    for (int64_t i = 0; i < b->len; i++) { incref(b->items[i]); r->items[a->len + i] = b->items[i]; }
    r->len = n;
    list_check(r);
    return val_from_obj(r);
}

Value list_repeat(List *l, int64_t n)
{
    if (n <= 0 || l->len == 0) {
        List *r = list_new(0);
        return r ? val_from_obj(r) : VAL_ERROR;
    }
    if (l->len > INT64_MAX / (int64_t)sizeof(Value) / n) { err_no_memory(); return VAL_ERROR; }
    int64_t total = l->len * n;
    List *r = list_new(total);
    if (!r) return VAL_ERROR;
    Value *p = r->items;
    if (l->len == 1) {
        Value v = l->items[0];
        if (val_is_obj(v)) val_as_obj(v)->refcnt += total;
        for (int64_t i = 0; i < total; i++) p[i] = v;
    } else {
        for (int64_t i = 0; i < l->len; i++)
            if (val_is_obj(l->items[i])) val_as_obj(l->items[i])->refcnt += n;
        memcpy(p, l->items, (size_t)l->len * sizeof(Value));
        int64_t done = l->len;
        while (done < total) {
            int64_t k = done <= total - done ? done : total - done;
            memcpy(p + done, p, (size_t)k * sizeof(Value));
            done += k;
        }
    }
    r->len = total;
    list_check(r);
    return val_from_obj(r);
}

/* ------------------------------------------------------------------ */
/* equality helpers                                                     */

/* 1/0 when decidable without running code, -2 otherwise. */
static inline int quick_eq(Value a, Value b)
{
    if (a == b) return 1;
    if (val_is_int(a) && val_is_int(b)) return 0;
    if (val_is_str(a) && val_is_str(b)) return str_eq(val_as_str(a), val_as_str(b));
    return -2;
}

/* a == b holding references, since __eq__ may mutate the container. */
static int item_eq(Value a, Value b)
{
    int k = quick_eq(a, b);
    if (k != -2) return k;
    incref(a);
    incref(b);
    k = obj_eq(a, b);
    decref(a);
    decref(b);
    return k;
}

/* ------------------------------------------------------------------ */
/* repr and the recursion guard                                         */

/* The objects whose repr is in progress, innermost last. */
static Obj *repr_small[32];
static Obj **repr_stack = repr_small;
static int64_t repr_n, repr_cap = 32;

int list_repr_enter(Obj *o)
{
    for (int64_t i = repr_n - 1; i >= 0; i--)
        if (repr_stack[i] == o) return 1;
    int limit = interp.recursion_limit > 0 ? interp.recursion_limit : 1000;
    if (interp.depth + 1 > limit) {
        err_set(&exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    if (repr_n == repr_cap) {
        int64_t nc = repr_cap * 2;
        Obj **ns = mem_alloc_array((size_t)nc, sizeof(Obj *));
        if (!ns) { err_no_memory(); return -1; }
        memcpy(ns, repr_stack, (size_t)repr_n * sizeof(Obj *));
        if (repr_stack != repr_small) mem_free(repr_stack);
        repr_stack = ns;
        repr_cap = nc;
    }
    repr_stack[repr_n++] = o;
    interp.depth++;
    return 0;
}

void list_repr_leave(Obj *o)
{
    for (int64_t i = repr_n - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(repr_stack + i, repr_stack + i + 1, (size_t)(repr_n - i - 1) * sizeof(Obj *));
            repr_n--;
            interp.depth--;
            break;
        }
    }
    if (repr_n == 0 && repr_stack != repr_small) {
        mem_free(repr_stack);
        repr_stack = repr_small;
        repr_cap = 32;
    }
}

static Value list_repr(Value v)
{
    List *l = val_as_list(v);
    if (l->len == 0) { Str *s = str_new("[]", 2); return s ? str_val(s) : VAL_ERROR; }
    int r = list_repr_enter((Obj *)l);
    if (r < 0) return VAL_ERROR;
    if (r > 0) { Str *s = str_new("[...]", 5); return s ? str_val(s) : VAL_ERROR; }
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '[');
    for (int64_t i = 0; i < l->len; i++) {
        if (i) sb_putn(&b, ", ", 2);
        Value x = l->items[i];
        incref(x);
        Value s = obj_repr(x);
        decref(x);
        if (s == VAL_ERROR) { sb_free(&b); list_repr_leave((Obj *)l); return VAL_ERROR; }
        sb_putn(&b, val_as_str(s)->data, val_as_str(s)->len);
        decref(s);
    }
    sb_putc(&b, ']');
    list_repr_leave((Obj *)l);
    return sb_finish(&b);
}

/* ------------------------------------------------------------------ */
/* comparison                                                           */

static Value list_compare(Value a, Value b, int op)
{
    if (!val_is_list_or_sub(b)) return VAL_NOTIMPL;
    List *x = val_as_list(a), *y = val_as_list(b);
    if (x->len != y->len && (op == CMP_EQ || op == CMP_NE)) return val_from_bool(op == CMP_NE);
    int64_t i;
    for (i = 0; i < x->len && i < y->len; i++) {
        Value p = x->items[i], q = y->items[i];
        if (p == q) continue;
        int k = item_eq(p, q);
        if (k < 0) return VAL_ERROR;
        if (!k) break;
    }
    if (i >= x->len || i >= y->len) {
        return val_from_bool(cmp_holds_i64(op, x->len, y->len));
    }
    if (op == CMP_EQ) return VAL_FALSE;
    if (op == CMP_NE) return VAL_TRUE;
    return obj_compare_held(x->items[i], y->items[i], op);
}

/* ------------------------------------------------------------------ */
/* indexing and slices                                                  */

static Value list_index_get(List *l, int64_t i)
{
    if (i < 0) i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len) {
        err_set(&exc_IndexError, "list index out of range");
        return VAL_ERROR;
    }
    incref(l->items[i]);
    return l->items[i];
}

static Value list_slice(List *l, Slice *sl)
{
    int64_t start, stop, step, n;
    if (slice_indices(sl, l->len, &start, &stop, &step, &n) < 0) return VAL_ERROR;
    if (n < 0) n = 0;
    List *r = list_new(n);
    if (!r) return VAL_ERROR;
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        incref(l->items[i]);
        r->items[k] = l->items[i];
    }
    r->len = n;
    list_check(r);
    return val_from_obj(r);
}

static Value list_getitem(Value o, Value key)
{
    List *l = val_as_list(o);
    if (val_is_int(key)) return list_index_get(l, val_as_int(key));
    if (val_is_obj(key) && val_as_obj(key)->type == &slice_type) return list_slice(l, (Slice *)val_as_obj(key));
    int64_t i;
    int k = int_subscript_index(key, &i);
    if (k) return k < 0 ? VAL_ERROR : list_index_get(l, i);
    err_format(&exc_TypeError, "list indices must be integers or slices, not %s", val_type_name(key));
    return VAL_ERROR;
}

/* The items of v as an array: *tmp is set when a temporary list had to be
 * built (also when v is l itself, which the assignment would overwrite). */
static int seq_items(List *l, Value v, const char *errmsg, Value **items, int64_t *n, Value *tmp)
{
    *tmp = VAL_UNDEF;
    if (val_is_list(v) && val_as_list(v) != l) {
        *items = val_as_list(v)->items;
        *n = val_as_list(v)->len;
        return 0;
    }
    if (val_is_tuple(v)) {
        *items = val_as_tuple(v)->items;
        *n = val_as_tuple(v)->len;
        return 0;
    }
    if (!val_is_list(v) && val_type(v)->iter == NULL) {
        err_set(&exc_TypeError, errmsg);
        return -1;
    }
    Value t = list_from_iterable(v);
    if (t == VAL_ERROR) return -1;
    *tmp = t;
    *items = val_as_list(t)->items;
    *n = val_as_list(t)->len;
    return 0;
}

/* l[lo:hi] = v (step 1); v == VAL_UNDEF deletes. CPython's list_ass_slice. */
static int list_ass_slice(List *l, int64_t lo, int64_t hi, Value v)
{
    Value *src = NULL, tmp = VAL_UNDEF;
    int64_t n = 0;
    if (v != VAL_UNDEF && seq_items(l, v, "can only assign an iterable", &src, &n, &tmp) < 0) return -1;
    if (lo < 0) lo = 0;
    else if (lo > l->len) lo = l->len;
    if (hi < lo) hi = lo;
    else if (hi > l->len) hi = l->len;
    int64_t norig = hi - lo, d = n - norig;
    Value small[8], *recycle = small;
    if (norig > 8) {
        recycle = mem_alloc_array((size_t)norig, sizeof(Value));
        if (!recycle) { err_no_memory(); xdecref(tmp); return -1; }
    }
    if (norig) memcpy(recycle, l->items + lo, (size_t)norig * sizeof(Value));
    int64_t oldlen = l->len;
    if (d < 0) {
        memmove(l->items + hi + d, l->items + hi, (size_t)(oldlen - hi) * sizeof(Value));
        if (list_resize(l, oldlen + d) < 0) err_clear();   /* shrinking: the data is in place */
    } else if (d > 0) {
        if (list_resize(l, oldlen + d) < 0) {
            if (recycle != small) mem_free(recycle);
            xdecref(tmp);
            return -1;
        }
        memmove(l->items + hi + d, l->items + hi, (size_t)(oldlen - hi) * sizeof(Value));
    }
    for (int64_t k = 0; k < n; k++) {
        incref(src[k]);
        l->items[lo + k] = src[k];
    }
    list_check(l);
    for (int64_t k = norig - 1; k >= 0; k--) decref(recycle[k]);
    if (recycle != small) mem_free(recycle);
    xdecref(tmp);
    return 0;
}

static int list_ass_index(List *l, int64_t i, Value v)
{
    if (i < 0) i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len) {
        err_set(&exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == VAL_UNDEF) return list_ass_slice(l, i, i + 1, VAL_UNDEF);
    Value old = l->items[i];
    incref(v);
    l->items[i] = v;
    list_check(l);
    decref(old);
    return 0;
}

static int list_ass_subscript_slice(List *l, Slice *sl, Value v)
{
    int64_t start, stop, step, n;
    if (slice_indices(sl, l->len, &start, &stop, &step, &n) < 0) return -1;
    if (step == 1) return list_ass_slice(l, start, stop, v);
    if (n < 0) n = 0;
    if (v == VAL_UNDEF) {
        if (n <= 0) return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (n - 1) - 1;
            step = -step;
        }
        Value *garbage = mem_alloc_array((size_t)n, sizeof(Value));
        if (!garbage) { err_no_memory(); return -1; }
        int64_t cur = start, i;
        for (i = 0; cur < stop; cur += step, i++) {
            int64_t lim = step - 1;
            garbage[i] = l->items[cur];
            if (cur + step >= l->len) lim = l->len - cur - 1;
            memmove(l->items + cur - i, l->items + cur + 1, (size_t)lim * sizeof(Value));
        }
        cur = start + n * step;
        if (cur < l->len)
            memmove(l->items + cur - n, l->items + cur, (size_t)(l->len - cur) * sizeof(Value));
        if (list_resize(l, l->len - n) < 0) err_clear();
        list_check(l);
        for (i = 0; i < n; i++) decref(garbage[i]);
        mem_free(garbage);
        return 0;
    }
    Value *src, tmp;
    int64_t m;
    if (seq_items(l, v, "must assign iterable to extended slice", &src, &m, &tmp) < 0) return -1;
    if (m != n) {
        err_format(&exc_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                   (long long)m, (long long)n);
        xdecref(tmp);
        return -1;
    }
    if (n == 0) { xdecref(tmp); return 0; }
    Value *garbage = mem_alloc_array((size_t)n, sizeof(Value));
    if (!garbage) { err_no_memory(); xdecref(tmp); return -1; }
    for (int64_t k = 0, cur = start; k < n; k++, cur += step) {
        garbage[k] = l->items[cur];
        incref(src[k]);
        l->items[cur] = src[k];
    }
    list_check(l);
    for (int64_t k = 0; k < n; k++) decref(garbage[k]);
    mem_free(garbage);
    xdecref(tmp);
    return 0;
}

static int list_setitem(Value o, Value key, Value v)
{
    List *l = val_as_list(o);
    if (val_is_int(key)) return list_ass_index(l, val_as_int(key), v);
    if (val_is_obj(key) && val_as_obj(key)->type == &slice_type)
        return list_ass_subscript_slice(l, (Slice *)val_as_obj(key), v);
    int64_t i;
    int k = int_subscript_index(key, &i);
    if (k) return k < 0 ? -1 : list_ass_index(l, i, v);
    err_format(&exc_TypeError, "list indices must be integers or slices, not %s", val_type_name(key));
    return -1;
}

static int list_contains(Value o, Value x)
{
    List *l = val_as_list(o);
    for (int64_t i = 0; i < l->len; i++) {
        int k = item_eq(l->items[i], x);
        if (k) return k;
    }
    return 0;
}

static int64_t list_len(Value v) { return val_as_list(v)->len; }

/* ------------------------------------------------------------------ */
/* iteration                                                            */

static Value list_iter(Value v) { return seqiter_new(&list_iterator_type, v); }

/* ------------------------------------------------------------------ */
/* sort: stable merge sort, binary insertion for short runs              */

enum { SORT_GENERIC, SORT_INT, SORT_FLOAT, SORT_STR, SORT_FAILED };

typedef struct SortState {
    int kind;
    bool failed;
    Value *keys, *vals;      /* vals NULL without a key function */
    Value *tk, *tv;          /* scratch for merges */
} SortState;

/* A failed comparison, or ^C, ends the sort: every comparison after it is
 * false, which lets the merges finish at once with the items all kept. */
static void sort_fail(SortState *st)
{
    if (!st->failed) intr_raise();
    st->failed = true;
    st->kind = SORT_FAILED;
}

static inline bool sort_lt(SortState *st, Value a, Value b)
{
    if (__builtin_expect(vm_sigint != 0, 0)) sort_fail(st);
    switch (st->kind) {
    case SORT_FAILED:
        return false;
    case SORT_INT:
        return val_as_int(a) < val_as_int(b);
    case SORT_FLOAT:
        return val_as_float(a) < val_as_float(b);
    case SORT_STR: {
        Str *x = val_as_str(a), *y = val_as_str(b);
        int64_t m = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->data, y->data, (size_t)m);
        return c < 0 || (c == 0 && x->len < y->len);
    }
    default:
        {
            int r = obj_compare_bool(a, b, CMP_LT);
            if (r < 0) { st->failed = true; st->kind = SORT_FAILED; return false; }
            return r;
        }
    }
}

static void reverse_values(Value *a, int64_t n)
{
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) { Value t = a[i]; a[i] = a[j]; a[j] = t; }
}

/* Binary insertion of [start, hi) into the sorted prefix [lo, start). */
static void sort_insertion(SortState *st, int64_t lo, int64_t start, int64_t hi)
{
    Value *k = st->keys, *v = st->vals;
    for (int64_t i = start; i < hi; i++) {
        Value x = k[i];
        int64_t a = lo, b = i;
        while (a < b) {                     /* first position whose item is > x */
            int64_t m = a + (b - a) / 2;
            if (sort_lt(st, x, k[m])) b = m;
            else a = m + 1;
        }
        if (a == i) continue;
        memmove(k + a + 1, k + a, (size_t)(i - a) * sizeof(Value));
        k[a] = x;
        if (v) {
            Value y = v[i];
            memmove(v + a + 1, v + a, (size_t)(i - a) * sizeof(Value));
            v[a] = y;
        }
    }
}

/* Merge the sorted runs [lo, mid) and [mid, hi), copying the shorter one
 * to the scratch area (at most n/2 items). */
static void sort_merge(SortState *st, int64_t lo, int64_t mid, int64_t hi)
{
    Value *k = st->keys, *v = st->vals, *tk = st->tk, *tv = st->tv;
    /* Items of the left run not greater than the right run's first stay put;
     * items of the right run not less than the left run's last too. */
    {
        int64_t a = lo, b = mid;
        while (a < b) {
            int64_t m = a + (b - a) / 2;
            if (sort_lt(st, k[mid], k[m])) b = m;
            else a = m + 1;
        }
        lo = a;
        if (lo == mid) return;
        a = mid;
        b = hi;
        while (a < b) {
            int64_t m = a + (b - a) / 2;
            if (sort_lt(st, k[m], k[mid - 1])) a = m + 1;
            else b = m;
        }
        hi = a;
    }
    int64_t nl = mid - lo, nr = hi - mid;
    if (nl <= nr) {
        memcpy(tk, k + lo, (size_t)nl * sizeof(Value));
        if (v) memcpy(tv, v + lo, (size_t)nl * sizeof(Value));
        int64_t i = 0, j = mid, d = lo;
        while (i < nl && j < hi) {
            if (sort_lt(st, k[j], tk[i])) {
                if (v) v[d] = v[j];
                k[d++] = k[j++];
            } else {
                if (v) v[d] = tv[i];
                k[d++] = tk[i++];
            }
        }
        if (i < nl) {
            memcpy(k + d, tk + i, (size_t)(nl - i) * sizeof(Value));
            if (v) memcpy(v + d, tv + i, (size_t)(nl - i) * sizeof(Value));
        }
    } else {
        memcpy(tk, k + mid, (size_t)nr * sizeof(Value));
        if (v) memcpy(tv, v + mid, (size_t)nr * sizeof(Value));
        int64_t i = mid - 1, j = nr - 1, d = hi - 1;
        while (i >= lo && j >= 0) {
            if (sort_lt(st, tk[j], k[i])) {
                if (v) v[d] = v[i];
                k[d--] = k[i--];
            } else {
                if (v) v[d] = tv[j];
                k[d--] = tk[j--];
            }
        }
        if (j >= 0) {
            memcpy(k + lo, tk, (size_t)(j + 1) * sizeof(Value));
            if (v) memcpy(v + lo, tv, (size_t)(j + 1) * sizeof(Value));
        }
    }
}

static int64_t min_run(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) { r |= n & 1; n >>= 1; }
    return n + r;
}

/* Natural merge sort with timsort's run detection and merge invariants
 * (without galloping): O(n) on sorted or reversed input, stable. */
static void sort_all(SortState *st, int64_t n)
{
    int64_t minrun = min_run(n);
    int64_t runbase[85], runlen[85];
    int nruns = 0;
    int64_t i = 0;
    while (i < n) {
        int64_t j = i + 1;
        if (j < n) {
            if (sort_lt(st, st->keys[j], st->keys[i])) {        /* strictly descending */
                while (j + 1 < n && sort_lt(st, st->keys[j + 1], st->keys[j])) j++;
                j++;
                reverse_values(st->keys + i, j - i);
                if (st->vals) reverse_values(st->vals + i, j - i);
            } else {
                while (j + 1 < n && !sort_lt(st, st->keys[j + 1], st->keys[j])) j++;
                j++;
            }
        }
        if (j - i < minrun) {
            int64_t e = i + minrun < n ? i + minrun : n;
            sort_insertion(st, i, j, e);
            j = e;
        }
        runbase[nruns] = i;
        runlen[nruns] = j - i;
        nruns++;
        i = j;
        /* Keep run lengths decreasing fast enough that the stack stays tiny. */
        while (nruns > 1) {
            int m = nruns - 2;
            if ((m > 0 && runlen[m - 1] <= runlen[m] + runlen[m + 1]) ||
                (m > 1 && runlen[m - 2] <= runlen[m - 1] + runlen[m])) {
                if (runlen[m - 1] < runlen[m + 1]) m--;
            } else if (runlen[m] > runlen[m + 1]) {
                break;
            }
            sort_merge(st, runbase[m], runbase[m + 1], runbase[m + 1] + runlen[m + 1]);
            runlen[m] += runlen[m + 1];
            for (int q = m + 1; q < nruns - 1; q++) { runbase[q] = runbase[q + 1]; runlen[q] = runlen[q + 1]; }
            nruns--;
        }
    }
    while (nruns > 1) {
        int m = nruns - 2;
        if (m > 0 && runlen[m - 1] < runlen[m + 1]) m--;
        sort_merge(st, runbase[m], runbase[m + 1], runbase[m + 1] + runlen[m + 1]);
        runlen[m] += runlen[m + 1];
        for (int q = m + 1; q < nruns - 1; q++) { runbase[q] = runbase[q + 1]; runlen[q] = runlen[q + 1]; }
        nruns--;
    }
}

int list_sort(List *l, Value key, bool reverse)
{
    /* The list is emptied while sorting, as in CPython, so that key functions
     * and comparisons that touch it cannot disturb the array being sorted. */
    int64_t n = l->len, cap = l->cap;
    Value *items = l->items;
    l->items = NULL;
    l->len = 0;
    l->cap = -1;
    int rc = 0;
    Value *keys = NULL;
    if (key != VAL_NONE && key != VAL_UNDEF && n > 0) {
        keys = mem_alloc_array((size_t)n, sizeof(Value));
        if (!keys) { err_no_memory(); rc = -1; goto restore; }
        for (int64_t i = 0; i < n; i++) {
            keys[i] = intr_check() < 0 ? VAL_ERROR : obj_call(key, &items[i], 1, NULL);
            if (keys[i] == VAL_ERROR) {
                while (--i >= 0) decref(keys[i]);
                mem_free(keys);
                keys = NULL;
                rc = -1;
                goto restore;
            }
        }
    }
    if (n > 1) {
        SortState st = { .keys = keys ? keys : items, .vals = keys ? items : NULL };
        Value *kk = st.keys;
        bool all_int = true, all_float = true, all_str = true;
        for (int64_t i = 0; i < n && (all_int || all_float || all_str); i++) {
            all_int = all_int && val_is_int(kk[i]);
            all_float = all_float && val_is_float(kk[i]);
            all_str = all_str && val_is_str(kk[i]);
        }
        st.kind = all_int ? SORT_INT : all_float ? SORT_FLOAT : all_str ? SORT_STR : SORT_GENERIC;
        size_t half = (size_t)(n / 2 + 1);
        st.tk = mem_alloc_array(half * (st.vals ? 2 : 1), sizeof(Value));
        if (!st.tk) {
            err_no_memory();
            rc = -1;
        } else {
            st.tv = st.vals ? st.tk + half : NULL;
            if (reverse) {                   /* CPython's trick keeps equal items in order */
                reverse_values(st.keys, n);
                if (st.vals) reverse_values(st.vals, n);
            }
            sort_all(&st, n);
            if (reverse) {
                reverse_values(st.keys, n);
                if (st.vals) reverse_values(st.vals, n);
            }
            mem_free(st.tk);
            if (st.failed) rc = -1;
        }
    }
    if (keys) {
        for (int64_t i = 0; i < n; i++) decref(keys[i]);
        mem_free(keys);
    }
restore:
    if (l->cap != -1) {
        /* Modified during the sort: drop whatever was put in meanwhile. */
        Value *extra = l->items;
        int64_t en = l->len;
        l->items = items;
        l->len = n;
        l->cap = cap;
        while (--en >= 0) decref(extra[en]);
        mem_free(extra);
        if (rc == 0) {
            err_set(&exc_ValueError, "list modified during sort");
            rc = -1;
        }
        return rc;
    }
    l->items = items;
    l->len = n;
    l->cap = cap;
    list_check(l);
    return rc;
}

/* ------------------------------------------------------------------ */
/* methods                                                              */

static Value m_append(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("list", "append", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (list_append(val_as_list(args[0]), args[1]) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_extend(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("list", "extend", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (list_extend(val_as_list(args[0]), args[1]) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_pop(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("list", "pop", nargs - 1, kwnames, 0, 1) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    if (nargs == 1) return list_pop_last(l);
    int64_t i;
    if (val_index(args[1], &i) < 0) return VAL_ERROR;
    if (l->len == 0) { err_set(&exc_IndexError, "pop from empty list"); return VAL_ERROR; }
    if (i < 0) i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len) { err_set(&exc_IndexError, "pop index out of range"); return VAL_ERROR; }
    Value v = l->items[i];
    if (i == l->len - 1) return list_pop_last(l);
    incref(v);
    if (list_ass_slice(l, i, i + 1, VAL_UNDEF) < 0) { decref(v); return VAL_ERROR; }
    return v;
}

static Value m_insert(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("list", "insert", nargs - 1, kwnames, 2, 2) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    int64_t i;
    if (val_index(args[1], &i) < 0) return VAL_ERROR;
    int64_t n = l->len;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (list_resize(l, n + 1) < 0) return VAL_ERROR;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    incref(args[2]);
    l->items[i] = args[2];
    list_check(l);
    return VAL_NONE;
}

static Value m_remove(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("list", "remove", nargs - 1, kwnames) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    for (int64_t i = 0; i < l->len; i++) {
        int k = item_eq(l->items[i], args[1]);
        if (k < 0) return VAL_ERROR;
        if (k) {
            if (list_ass_slice(l, i, i + 1, VAL_UNDEF) < 0) return VAL_ERROR;
            return VAL_NONE;
        }
    }
    err_set(&exc_ValueError, "list.remove(x): x not in list");
    return VAL_ERROR;
}

static Value m_index(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("list", "index", nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && slice_bound_index(args[2], l->len, &start) < 0) return VAL_ERROR;
    if (nargs > 3 && slice_bound_index(args[3], l->len, &stop) < 0) return VAL_ERROR;
    for (int64_t i = start; i < stop && i < l->len; i++) {
        int k = item_eq(l->items[i], args[1]);
        if (k < 0) return VAL_ERROR;
        if (k) return val_from_int(i);
    }
    Value r = obj_repr(args[1]);
    if (r == VAL_ERROR) return VAL_ERROR;
    err_format(&exc_ValueError, "%s is not in list", val_as_str(r)->data);
    decref(r);
    return VAL_ERROR;
}

static Value m_count(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("list", "count", nargs - 1, kwnames) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    int64_t c = 0;
    for (int64_t i = 0; i < l->len; i++) {
        int k = item_eq(l->items[i], args[1]);
        if (k < 0) return VAL_ERROR;
        c += k;
    }
    return val_from_int(c);
}

static Value m_sort(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "key", "reverse", NULL };
    Value a[2];
    if (args_bind("sort", args + 1, nargs - 1, kwnames, names, 0, 0, a) < 0) return VAL_ERROR;
    Value key = a[0] == VAL_UNDEF ? VAL_NONE : a[0];
    bool reverse = false;
    if (a[1] != VAL_UNDEF) {
        int64_t r;
        if (val_index(a[1], &r) < 0) return VAL_ERROR;
        reverse = r != 0;
    }
    if (list_sort(val_as_list(args[0]), key, reverse) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_reverse(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("list", "reverse", nargs - 1, kwnames) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    reverse_values(l->items, l->len);
    list_check(l);
    return VAL_NONE;
}

static Value m_clear(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("list", "clear", nargs - 1, kwnames) < 0) return VAL_ERROR;
    list_clear_items(val_as_list(args[0]));
    return VAL_NONE;
}

static Value m_copy(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("list", "copy", nargs - 1, kwnames) < 0) return VAL_ERROR;
    List *l = val_as_list(args[0]);
    List *r = list_new(l->len);
    if (!r) return VAL_ERROR;
    for (int64_t i = 0; i < l->len; i++) { incref(l->items[i]); r->items[i] = l->items[i]; }
    r->len = l->len;
    list_check(r);
    return val_from_obj(r);
}

static const MethodDef list_methods[] = {
    { "append", m_append },
    { "pop", m_pop },
    { "extend", m_extend },
    { "insert", m_insert },
    { "remove", m_remove },
    { "index", m_index },
    { "count", m_count },
    { "sort", m_sort },
    { "reverse", m_reverse },
    { "clear", m_clear },
    { "copy", m_copy },
    { NULL, NULL },
};

static Value list_type_new(Type *tp, Value *args, int nargs, Tuple *kwnames)
{
    (void)tp;
    if (args_range(NULL, "list", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (nargs == 0) {
        List *l = list_new(0);
        return l ? val_from_obj(l) : VAL_ERROR;
    }
    return list_from_iterable(args[0]);
}

Type list_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "list",
    .size = sizeof(List),
    .flags = TYPE_CONTAINER | TYPE_SEQUENCE | TYPE_BASETYPE,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .compare = list_compare,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
    .new = list_type_new,
    .methods = list_methods,
    .traverse = list_traverse,
    .clear = list_clear_slot,
};
