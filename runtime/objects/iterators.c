/* iterators.c — lazy iterator objects for map, filter, zip, enumerate,
 * reversed and iter(callable, sentinel). Each holds the iterators it pulls
 * from and produces one item per next(); none materialises its input.
 */
#include <stdio.h>
#include "objects/iterators.h"
#include "core/args.h"
#include "objects/attrcache.h"
#include "objects/subclass.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/range.h"
#include "objects/function.h"
#include "memory/gc.h"

/* The multi-iterator objects (map, zip) keep their iterators in a tuple. */
typedef struct MultiIter {
    Obj ob;
    Value func;          /* map: the function; VAL_UNDEF for zip */
    Tuple *iters;
    bool strict;         /* zip(strict=True) */
} MultiIter;

typedef struct FilterIter { Obj ob; Value func, it; } FilterIter;
typedef struct EnumIter { Obj ob; Value it; int64_t count; } EnumIter;
typedef struct RevIter { Obj ob; Value seq; int64_t index; } RevIter;
typedef struct CallIter { Obj ob; Value func, sentinel; } CallIter;

Value iter_self(Value v) { incref(v); return v; }

static Value iter_repr(Value v)
{
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<%s object at %p>", val_type_name(v), (void *)val_as_obj(v));
    return sb_finish(&b);
}

static void visit_val(Value v, VisitProc visit, void *arg)
{
    if (val_is_obj(v)) visit(val_as_obj(v), arg);
}

/* Turn args[0..n) into a tuple of iterators. */
static Tuple *iters_of(Value *args, int n)
{
    Tuple *t = tuple_new(n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        Value it = obj_iter(args[i]);
        if (it == VAL_ERROR) {
            for (int j = i; j < n; j++) t->items[j] = VAL_NONE;
            obj_decref(t);
            return NULL;
        }
        t->items[i] = it;
    }
    gc_track((Obj *)t);      /* see zip_next */
    return t;
}

/* ---- map / zip ---- */

static void multi_clear(Obj *o)
{
    MultiIter *m = (MultiIter *)o;
    Tuple *t = m->iters;
    m->iters = NULL;
    val_clear(&m->func);
    if (t) obj_decref(t);
}

static void multi_dealloc(Obj *o) { multi_clear(o); obj_free(o); }

static void multi_traverse(Obj *o, VisitProc visit, void *arg)
{
    MultiIter *m = (MultiIter *)o;
    visit_val(m->func, visit, arg);
    if (m->iters) visit((Obj *)m->iters, arg);
}

static Value map_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_no_kw(NULL, "map", kwnames) < 0) return VAL_ERROR;
    if (nargs < 2) {
        err_set(&exc_TypeError, "map() must have at least two arguments.");
        return VAL_ERROR;
    }
    Tuple *iters = iters_of(args + 1, nargs - 1);
    if (!iters) return VAL_ERROR;
    MultiIter *m = obj_alloc(&map_type, sizeof(MultiIter));
    if (!m) { obj_decref(iters); return VAL_ERROR; }
    m->func = args[0];
    incref(m->func);
    m->iters = iters;
    m->strict = false;
    return val_from_obj(m);
}

#define SMALL 8

static Value map_next(Value v)
{
    MultiIter *m = (MultiIter *)val_as_obj(v);
    if (!m->iters) return VAL_UNDEF;
    int n = (int)m->iters->len;
    Value small[SMALL], *items = small;
    if (n > SMALL) {
        items = mem_alloc_array((size_t)n, sizeof(Value));
        if (!items) { err_no_memory(); return VAL_ERROR; }
    }
    Value r = VAL_UNDEF;
    int got = 0;
    for (; got < n; got++) {
        Value x = obj_next(m->iters->items[got]);
        if (x == VAL_UNDEF || x == VAL_ERROR) { r = x; break; }
        items[got] = x;
    }
    if (got == n) r = obj_call(m->func, items, n, NULL);
    for (int i = 0; i < got; i++) decref(items[i]);
    if (items != small) mem_free(items);
    return r;
}

Type map_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "map",
    .size = sizeof(MultiIter),
    .flags = TYPE_CONTAINER,
    .dealloc = multi_dealloc,
    .repr = iter_repr,
    .iter = iter_self,
    .next = map_next,
    .new = map_new,
    .traverse = multi_traverse,
    .clear = multi_clear,
};

static Value zip_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    static const char *const names[] = { "strict", NULL };
    Value a[1];
    if (args_bind("zip", args + nargs, 0, kwnames, names, 0, 0, a) < 0) return VAL_ERROR;   /* after *iterables */
    bool strict = false;
    if (a[0] != VAL_UNDEF) {
        int tr = obj_truth(a[0]);
        if (tr < 0) return VAL_ERROR;
        strict = tr;
    }
    Tuple *iters = iters_of(args, nargs);
    if (!iters) return VAL_ERROR;
    MultiIter *m = obj_alloc(&zip_type, sizeof(MultiIter));
    if (!m) { obj_decref(iters); return VAL_ERROR; }
    m->func = VAL_UNDEF;
    m->iters = iters;
    m->strict = strict;
    return val_from_obj(m);
}

static Value zip_next(Value v)
{
    MultiIter *m = (MultiIter *)val_as_obj(v);
    if (!m->iters) return VAL_UNDEF;
    int64_t n = m->iters->len;
    if (n == 0) return VAL_UNDEF;
    Tuple *t = tuple_new(n);
    if (!t) return VAL_ERROR;
    for (int64_t i = 0; i < n; i++) {
        Value x = obj_next(m->iters->items[i]);
        if (x == VAL_UNDEF || x == VAL_ERROR) {
            for (int64_t j = i; j < n; j++) t->items[j] = VAL_NONE;
            obj_decref(t);
            if (x == VAL_UNDEF && m->strict) {
                if (i > 0) {
                    err_format(&exc_ValueError, "zip() argument %d is shorter than argument%s%d",
                               (int)i + 1, i == 1 ? " " : "s 1-", (int)i);
                    return VAL_ERROR;
                }
                for (int64_t j = 1; j < n; j++) {
                    Value y = obj_next(m->iters->items[j]);
                    if (y == VAL_ERROR) return VAL_ERROR;
                    if (y != VAL_UNDEF) {
                        decref(y);
                        err_format(&exc_ValueError, "zip() argument %d is longer than argument%s%d",
                                   (int)j + 1, j == 1 ? " " : "s 1-", (int)j);
                        return VAL_ERROR;
                    }
                }
            }
            return x;
        }
        t->items[i] = x;
    }
    /* A collection run by obj_next may have untracked t while it held only
     * None placeholders: track it again now that it is filled. */
    gc_track((Obj *)t);
    return val_from_obj(t);
}

Type zip_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "zip",
    .size = sizeof(MultiIter),
    .flags = TYPE_CONTAINER,
    .dealloc = multi_dealloc,
    .repr = iter_repr,
    .iter = iter_self,
    .next = zip_next,
    .new = zip_new,
    .traverse = multi_traverse,
    .clear = multi_clear,
};

/* ---- filter ---- */

static void filter_clear(Obj *o)
{
    FilterIter *f = (FilterIter *)o;
    val_clear(&f->func);
    val_clear(&f->it);
}

static void filter_dealloc(Obj *o) { filter_clear(o); obj_free(o); }

static void filter_traverse(Obj *o, VisitProc visit, void *arg)
{
    FilterIter *f = (FilterIter *)o;
    visit_val(f->func, visit, arg);
    visit_val(f->it, visit, arg);
}

static Value filter_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_range(NULL, "filter", nargs, kwnames, 2, 2) < 0) return VAL_ERROR;
    Value it = obj_iter(args[1]);
    if (it == VAL_ERROR) return VAL_ERROR;
    FilterIter *f = obj_alloc(&filter_type, sizeof(FilterIter));
    if (!f) { decref(it); return VAL_ERROR; }
    f->func = args[0];
    incref(f->func);
    f->it = it;
    return val_from_obj(f);
}

static Value filter_next(Value v)
{
    FilterIter *f = (FilterIter *)val_as_obj(v);
    if (f->it == VAL_UNDEF) return VAL_UNDEF;
    for (;;) {
        Value x = obj_next(f->it);
        if (x == VAL_UNDEF || x == VAL_ERROR) return x;
        int ok;
        if (f->func == VAL_NONE || (val_is_obj(f->func) && val_as_obj(f->func) == (Obj *)&bool_type)) {
            ok = obj_truth(x);
        } else {
            Value r = obj_call(f->func, &x, 1, NULL);
            if (r == VAL_ERROR) { decref(x); return VAL_ERROR; }
            ok = obj_truth(r);
            decref(r);
        }
        if (ok < 0) { decref(x); return VAL_ERROR; }
        if (ok) return x;
        decref(x);
    }
}

Type filter_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "filter",
    .size = sizeof(FilterIter),
    .flags = TYPE_CONTAINER,
    .dealloc = filter_dealloc,
    .repr = iter_repr,
    .iter = iter_self,
    .next = filter_next,
    .new = filter_new,
    .traverse = filter_traverse,
    .clear = filter_clear,
};

/* ---- enumerate ---- */

static void enum_clear(Obj *o) { val_clear(&((EnumIter *)o)->it); }
static void enum_dealloc(Obj *o) { enum_clear(o); obj_free(o); }
static void enum_traverse(Obj *o, VisitProc visit, void *arg) { visit_val(((EnumIter *)o)->it, visit, arg); }

static Value enum_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    static const char *const names[] = {"iterable", "start", NULL};
    Value a[2];
    /* CPython's parser for enumerate names an unknown keyword before a
     * missing iterable; without the iterable it calls any keyword unknown
     * (enumerate(start=1)), and without keywords it gives no position. */
    if (args_bind("enumerate", args, nargs, kwnames, names, 2, 0, a) < 0) return VAL_ERROR;
    if (a[0] == VAL_UNDEF) {
        if (kwnames && kwnames->len)
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                       val_as_str(kwnames->items[0])->data);
        else
            err_set(&exc_TypeError, "enumerate() missing required argument 'iterable'");
        return VAL_ERROR;
    }
    int64_t start = 0;
    if (a[1] != VAL_UNDEF) {
        if (val_is_float(a[1]) || !val_is_intlike(a[1])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(a[1]));
            return VAL_ERROR;
        }
        start = val_to_i64(a[1]);
    }
    Value it = obj_iter(a[0]);
    if (it == VAL_ERROR) return VAL_ERROR;
    EnumIter *e = obj_alloc(&enumerate_type, sizeof(EnumIter));
    if (!e) { decref(it); return VAL_ERROR; }
    e->it = it;
    e->count = start;
    return val_from_obj(e);
}

static Value enum_next(Value v)
{
    EnumIter *e = (EnumIter *)val_as_obj(v);
    if (e->it == VAL_UNDEF) return VAL_UNDEF;
    Value x = obj_next(e->it);
    if (x == VAL_UNDEF || x == VAL_ERROR) return x;
    Value idx = int_from_i64(e->count);
    if (idx == VAL_ERROR) { decref(x); return VAL_ERROR; }
    Tuple *t = tuple_new(2);
    if (!t) { decref(x); decref(idx); return VAL_ERROR; }
    e->count++;
    t->items[0] = idx;
    t->items[1] = x;
    return val_from_obj(t);
}

Type enumerate_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "enumerate",
    .size = sizeof(EnumIter),
    .flags = TYPE_CONTAINER,
    .dealloc = enum_dealloc,
    .repr = iter_repr,
    .iter = iter_self,
    .next = enum_next,
    .new = enum_new,
    .traverse = enum_traverse,
    .clear = enum_clear,
};

/* ---- reversed ---- */

static void rev_clear(Obj *o) { val_clear(&((RevIter *)o)->seq); }
static void rev_dealloc(Obj *o) { rev_clear(o); obj_free(o); }
static void rev_traverse(Obj *o, VisitProc visit, void *arg) { visit_val(((RevIter *)o)->seq, visit, arg); }

static Value rev_make(Value seq, int64_t len)
{
    RevIter *r = obj_alloc(&reversed_type, sizeof(RevIter));
    if (!r) return VAL_ERROR;
    r->seq = seq;
    incref(seq);
    r->index = len - 1;
    return val_from_obj(r);
}

Value iter_reversed(Value seq)
{
    Type *t = val_type(seq);
    if (type_is_heap(t)) {
        Value d = class_lookup_cstr(t, "__reversed__");
        if (d != VAL_UNDEF) {
            if (d == VAL_NONE) {
                err_format(&exc_TypeError, "'%s' object is not reversible", t->name);
                return VAL_ERROR;
            }
            Value m = obj_getattr_cstr(seq, "__reversed__");
            if (m == VAL_ERROR) return VAL_ERROR;
            Value r = obj_call(m, NULL, 0, NULL);
            decref(m);
            return r;
        }
        /* a list or dict subclass reverses as its base does */
        if (type_solid(t) == &dict_type) t = &dict_type;
        else if (type_solid(t) == &list_type) return rev_make(seq, val_as_list(seq)->len);
    }
    if (t == &range_type) {
        Range *r = (Range *)val_as_obj(seq);
        Value rr = range_new(r->start + (r->len - 1) * r->step, r->start - r->step, -r->step);
        if (r->len == 0) { if (rr != VAL_ERROR) decref(rr); rr = range_new(0, 0, 1); }
        if (rr == VAL_ERROR) return VAL_ERROR;
        Value it = obj_iter(rr);
        decref(rr);
        return it;
    }
    if (t == &dict_type) {
        Dict *d = val_as_dict(seq);
        List *keys = list_new(d->used);
        if (!keys) return VAL_ERROR;
        int64_t pos = 0;
        Value k, v;
        while (dict_next(d, &pos, &k, &v))
            if (list_append(keys, k) < 0) { obj_decref(keys); return VAL_ERROR; }
        Value r = rev_make(val_from_obj(keys), keys->len);
        obj_decref(keys);
        return r;
    }
    if (t == &list_type || ((t->flags & TYPE_SEQUENCE) && t->len && t->getitem)) {
        int64_t n = obj_len(seq);
        if (n < 0) return VAL_ERROR;
        return rev_make(seq, n);
    }
    err_format(&exc_TypeError, "'%s' object is not reversible", t->name);
    return VAL_ERROR;
}

static Value rev_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_range(NULL, "reversed", nargs, kwnames, 1, 1) < 0) return VAL_ERROR;
    return iter_reversed(args[0]);
}

static Value rev_next(Value v)
{
    RevIter *r = (RevIter *)val_as_obj(v);
    if (r->seq == VAL_UNDEF || r->index < 0) return VAL_UNDEF;
    if (val_is_list_or_sub(r->seq)) {
        List *l = val_as_list(r->seq);
        if (r->index >= l->len) { r->index = -1; return VAL_UNDEF; }
        Value x = l->items[r->index--];
        incref(x);
        return x;
    }
    Value x = obj_getitem(r->seq, val_from_int(r->index));
    if (x == VAL_ERROR && (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration))) {
        err_clear();
        r->index = -1;
        return VAL_UNDEF;
    }
    r->index--;
    return x;
}

Type reversed_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "reversed",
    .size = sizeof(RevIter),
    .flags = TYPE_CONTAINER,
    .dealloc = rev_dealloc,
    .repr = iter_repr,
    .iter = iter_self,
    .next = rev_next,
    .new = rev_new,
    .traverse = rev_traverse,
    .clear = rev_clear,
};

/* ---- iter(callable, sentinel) ---- */

static void call_clear(Obj *o)
{
    CallIter *c = (CallIter *)o;
    val_clear(&c->func);
    val_clear(&c->sentinel);
}

static void call_dealloc(Obj *o) { call_clear(o); obj_free(o); }

static void call_traverse(Obj *o, VisitProc visit, void *arg)
{
    CallIter *c = (CallIter *)o;
    visit_val(c->func, visit, arg);
    visit_val(c->sentinel, visit, arg);
}

Value iter_callable_new(Value func, Value sentinel)
{
    CallIter *c = obj_alloc(&callable_iterator_type, sizeof(CallIter));
    if (!c) return VAL_ERROR;
    c->func = func;
    incref(func);
    c->sentinel = sentinel;
    incref(sentinel);
    return val_from_obj(c);
}

static Value call_next(Value v)
{
    CallIter *c = (CallIter *)val_as_obj(v);
    if (c->func == VAL_UNDEF) return VAL_UNDEF;
    Value r = obj_call(c->func, NULL, 0, NULL);
    if (r == VAL_ERROR) {
        if (err_matches(&exc_StopIteration)) {
            err_clear();
            call_clear((Obj *)c);
            return VAL_UNDEF;
        }
        return VAL_ERROR;
    }
    int eq = obj_eq(r, c->sentinel);
    if (eq < 0) { decref(r); return VAL_ERROR; }
    if (eq) {
        decref(r);
        call_clear((Obj *)c);
        return VAL_UNDEF;
    }
    return r;
}

Type callable_iterator_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "callable_iterator",
    .size = sizeof(CallIter),
    .flags = TYPE_CONTAINER,
    .dealloc = call_dealloc,
    .repr = iter_repr,
    .iter = iter_self,
    .next = call_next,
    .traverse = call_traverse,
    .clear = call_clear,
};

/* ------------------------------------------------------------------ */
/* sequence iterators                                                   */

/* One object serves the list, tuple and __getitem__ iterators; only next()
 * differs. Exhaustion drops the sequence, so an exhausted iterator stays
 * exhausted when the sequence grows (as CPython's). */

static void seqiter_dealloc(Obj *o)
{
    SeqIter *it = (SeqIter *)o;
    if (it->seq) obj_decref(it->seq);
    obj_free(o);
}

static void seqiter_traverse(Obj *o, VisitProc visit, void *arg)
{
    SeqIter *it = (SeqIter *)o;
    if (it->seq) visit(it->seq, arg);
}

static void seqiter_clear(Obj *o)
{
    SeqIter *it = (SeqIter *)o;
    Obj *seq = it->seq;
    it->seq = NULL;
    if (seq) obj_decref(seq);
}

/* next() of a list or tuple iterator, given the item found (borrowed) or
 * VAL_UNDEF at the end, where the sequence is dropped. */
static Value seqiter_result(SeqIter *it, Value x)
{
    if (x == VAL_UNDEF) {
        seqiter_clear(&it->ob);
        return VAL_UNDEF;
    }
    incref(x);
    return x;
}

static Value listiter_next(Value v)
{
    SeqIter *it = (SeqIter *)val_as_obj(v);
    return seqiter_result(it, seqiter_list_item(it));
}

static Value tupleiter_next(Value v)
{
    SeqIter *it = (SeqIter *)val_as_obj(v);
    return seqiter_result(it, seqiter_tuple_item(it));
}

/* The old sequence protocol: __getitem__(0), (1), ... until IndexError or
 * StopIteration. */
static Value getitemiter_next(Value v)
{
    SeqIter *it = (SeqIter *)val_as_obj(v);
    if (!it->seq) return VAL_UNDEF;
    Value r = obj_getitem(val_from_obj(it->seq), val_from_int(it->i));
    if (r == VAL_ERROR) {
        if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) {
            err_clear();
            seqiter_clear(&it->ob);
            return VAL_UNDEF;
        }
        return VAL_ERROR;
    }
    it->i++;
    return r;
}

#define SEQITER_TYPE(cname, pyname, nextfn) \
    Type cname = { \
        .ob = OBJ_HEAD_INIT(&type_type), .name = pyname, .size = sizeof(SeqIter), \
        .flags = TYPE_CONTAINER, .dealloc = seqiter_dealloc, .iter = iter_self, \
        .next = nextfn, .traverse = seqiter_traverse, .clear = seqiter_clear, \
    }

SEQITER_TYPE(list_iterator_type, "list_iterator", listiter_next);
SEQITER_TYPE(tuple_iterator_type, "tuple_iterator", tupleiter_next);
SEQITER_TYPE(seq_iterator_type, "iterator", getitemiter_next);

Value seqiter_new(Type *t, Value seq)
{
    SeqIter *it = obj_alloc(t, sizeof(SeqIter));
    if (!it) return VAL_ERROR;
    it->seq = val_as_obj(seq);
    obj_incref(it->seq);
    it->i = 0;
    return val_from_obj(it);
}
