/* tuple.c — the tuple type: fixed-size immutable sequences, also used for
 * call arguments and keyword-name tuples. () is one immortal static object.
 * Hashing follows CPython's xxHash-based scheme so hash((1, 2)) matches
 * python3 exactly; repr, comparison and the index/count methods follow
 * CPython's texts.
 */
#include <stdarg.h>
#include <string.h>

#include "objects/tuple.h"
#include "core/args.h"
#include "objects/list.h"
#include "objects/str.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/iterators.h"

Tuple tuple_empty = { .ob = OBJ_HEAD_INIT(&tuple_type), .len = 0 };

Tuple *tuple_new(int64_t len)
{
    if (len <= 0) {
        obj_incref(&tuple_empty);
        return &tuple_empty;
    }
    if ((uint64_t)len > (INT64_MAX - sizeof(Tuple)) / sizeof(Value)) {
        err_no_memory();
        return NULL;
    }
    Tuple *t = obj_alloc(&tuple_type, sizeof(Tuple) + (size_t)len * sizeof(Value));
    if (!t) return NULL;
    t->len = len;
    for (int64_t i = 0; i < len; i++) t->items[i] = VAL_NONE;
    return t;
}

Tuple *tuple_from_array(const Value *items, int64_t n)
{
    Tuple *t = tuple_new(n);
    if (!t) return NULL;
    for (int64_t i = 0; i < n; i++) {
        incref(items[i]);
        t->items[i] = items[i];
    }
    return t;
}

Tuple *tuple_pack(int n, ...)
{
    Tuple *t = tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        Value v = va_arg(ap, Value);
        incref(v);
        t->items[i] = v;
    }
    va_end(ap);
    return t;
}

Value tuple_pair_steal(Value a, Value b)
{
    if (a == VAL_ERROR || b == VAL_ERROR) {
        xdecref(a);
        xdecref(b);
        return VAL_ERROR;
    }
    Tuple *t = tuple_new(2);
    if (!t) { decref(a); decref(b); return VAL_ERROR; }
    t->items[0] = a;
    t->items[1] = b;
    return val_from_obj(t);
}

static void tuple_dealloc(Obj *o)
{
    Tuple *t = (Tuple *)o;
    for (int64_t i = t->len - 1; i >= 0; i--) decref(t->items[i]);   /* last to first, as CPython */
    obj_free(o);
}

static void tuple_traverse(Obj *o, VisitProc visit, void *arg)
{
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++)
        if (val_is_obj(t->items[i])) visit(val_as_obj(t->items[i]), arg);
}

static void tuple_clear_slot(Obj *o)
{
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++) {
        Value v = t->items[i];
        t->items[i] = VAL_NONE;
        decref(v);
    }
}

/* ---- repr ---- */

static Value tuple_repr(Value v)
{
    Tuple *t = val_as_tuple(v);
    if (t->len == 0) { Str *s = str_new("()", 2); return s ? str_val(s) : VAL_ERROR; }
    int r = list_repr_enter((Obj *)t);
    if (r < 0) return VAL_ERROR;
    if (r > 0) { Str *s = str_new("(...)", 5); return s ? str_val(s) : VAL_ERROR; }
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '(');
    for (int64_t i = 0; i < t->len; i++) {
        if (i) sb_putn(&b, ", ", 2);
        Value s = obj_repr(t->items[i]);
        if (s == VAL_ERROR) { sb_free(&b); list_repr_leave((Obj *)t); return VAL_ERROR; }
        sb_putn(&b, val_as_str(s)->data, val_as_str(s)->len);
        decref(s);
    }
    if (t->len == 1) sb_putc(&b, ',');
    sb_putc(&b, ')');
    list_repr_leave((Obj *)t);
    return sb_finish(&b);
}

/* ---- hash: CPython 3.11 tuplehash (xxHash-derived) ---- */

#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int tuple_hash(Value v, int64_t *out)
{
    Tuple *t = val_as_tuple(v);
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->len; i++) {
        int64_t h;
        if (obj_hash(t->items[i], &h) < 0) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ UINT64_C(3527539));
    if (acc == UINT64_MAX) { *out = 1546275796; return 0; }
    *out = (int64_t)acc;
    return 0;
}

/* ---- comparison ---- */

static Value tuple_compare(Value a, Value b, int op)
{
    if (!val_is_tuple(b)) return VAL_NOTIMPL;
    Tuple *x = val_as_tuple(a), *y = val_as_tuple(b);
    int64_t i, n = x->len < y->len ? x->len : y->len;
    for (i = 0; i < n; i++) {
        if (x->items[i] == y->items[i]) continue;
        int k = obj_eq(x->items[i], y->items[i]);
        if (k < 0) return VAL_ERROR;
        if (!k) break;
    }
    if (i >= n) {
        return val_from_bool(cmp_holds_i64(op, x->len, y->len));
    }
    if (op == CMP_EQ) return VAL_FALSE;
    if (op == CMP_NE) return VAL_TRUE;
    return obj_compare(x->items[i], y->items[i], op);
}

/* ---- sequence operations ---- */

static Value tuple_slice(Tuple *t, Slice *sl)
{
    int64_t start, stop, step, n;
    if (slice_indices(sl, t->len, &start, &stop, &step, &n) < 0) return VAL_ERROR;
    if (n <= 0) { obj_incref(&tuple_empty); return val_from_obj(&tuple_empty); }
    if (step == 1 && n == t->len) { obj_incref(t); return val_from_obj(t); }
    Tuple *r = tuple_new(n);
    if (!r) return VAL_ERROR;
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        incref(t->items[i]);
        r->items[k] = t->items[i];
    }
    return val_from_obj(r);
}

static Value tuple_index_get(Tuple *t, int64_t i)
{
    if (i < 0) i += t->len;
    if ((uint64_t)i >= (uint64_t)t->len) {
        err_set(&exc_IndexError, "tuple index out of range");
        return VAL_ERROR;
    }
    incref(t->items[i]);
    return t->items[i];
}

static Value tuple_getitem(Value o, Value key)
{
    Tuple *t = val_as_tuple(o);
    if (val_is_int(key)) return tuple_index_get(t, val_as_int(key));
    if (val_is_obj(key) && val_as_obj(key)->type == &slice_type) return tuple_slice(t, (Slice *)val_as_obj(key));
    int64_t i;
    int k = int_subscript_index(key, &i);
    if (k) return k < 0 ? VAL_ERROR : tuple_index_get(t, i);
    err_format(&exc_TypeError, "tuple indices must be integers or slices, not %s", val_type_name(key));
    return VAL_ERROR;
}

static int tuple_contains(Value o, Value x)
{
    Tuple *t = val_as_tuple(o);
    for (int64_t i = 0; i < t->len; i++) {
        if (t->items[i] == x) return 1;
        int k = obj_eq(t->items[i], x);
        if (k) return k;
    }
    return 0;
}

static int64_t tuple_len(Value v) { return val_as_tuple(v)->len; }

Value tuple_concat(Tuple *a, Tuple *b)
{
    if (b->len == 0) { obj_incref(a); return val_from_obj(a); }
    if (a->len == 0) { obj_incref(b); return val_from_obj(b); }
    if (a->len > INT64_MAX - b->len) { err_no_memory(); return VAL_ERROR; }
    Tuple *r = tuple_new(a->len + b->len);
    if (!r) return VAL_ERROR;
    for (int64_t i = 0; i < a->len; i++) { incref(a->items[i]); r->items[i] = a->items[i]; }
    for (int64_t i = 0; i < b->len; i++) { incref(b->items[i]); r->items[a->len + i] = b->items[i]; }
    return val_from_obj(r);
}

Value tuple_repeat(Tuple *t, int64_t n)
{
    if (n <= 0 || t->len == 0) { obj_incref(&tuple_empty); return val_from_obj(&tuple_empty); }
    if (n == 1) { obj_incref(t); return val_from_obj(t); }
    if (t->len > INT64_MAX / (int64_t)sizeof(Value) / n) { err_no_memory(); return VAL_ERROR; }
    Tuple *r = tuple_new(t->len * n);
    if (!r) return VAL_ERROR;
    Value *p = r->items;
    for (int64_t k = 0; k < n; k++)
        for (int64_t i = 0; i < t->len; i++) { incref(t->items[i]); *p++ = t->items[i]; }
    return val_from_obj(r);
}

/* ---- iteration ---- */

static Value tuple_iter(Value v) { return seqiter_new(&tuple_iterator_type, v); }

/* ---- methods ---- */

static Value tuple_m_index(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("tuple", "index", nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    Tuple *t = val_as_tuple(args[0]);
    int64_t start = 0, stop = t->len;
    if (nargs > 2 && slice_bound_index(args[2], t->len, &start) < 0) return VAL_ERROR;
    if (nargs > 3 && slice_bound_index(args[3], t->len, &stop) < 0) return VAL_ERROR;
    if (stop > t->len) stop = t->len;
    for (int64_t i = start; i < stop; i++) {
        int k = t->items[i] == args[1] ? 1 : obj_eq(t->items[i], args[1]);
        if (k < 0) return VAL_ERROR;
        if (k) return val_from_int(i);
    }
    err_set(&exc_ValueError, "tuple.index(x): x not in tuple");
    return VAL_ERROR;
}

static Value tuple_m_count(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("tuple", "count", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Tuple *t = val_as_tuple(args[0]);
    int64_t c = 0;
    for (int64_t i = 0; i < t->len; i++) {
        int k = t->items[i] == args[1] ? 1 : obj_eq(t->items[i], args[1]);
        if (k < 0) return VAL_ERROR;
        c += k;
    }
    return val_from_int(c);
}

static const MethodDef tuple_methods[] = {
    { "index", tuple_m_index },
    { "count", tuple_m_count },
    { NULL, NULL },
};

static Value tuple_type_new(Type *tp, Value *args, int nargs, Tuple *kwnames)
{
    (void)tp;
    if (args_range(NULL, "tuple", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (nargs == 0) { obj_incref(&tuple_empty); return val_from_obj(&tuple_empty); }
    Value x = args[0];
    if (val_is_tuple(x)) { incref(x); return x; }
    if (val_is_list(x)) {
        List *l = val_as_list(x);
        Tuple *t = tuple_from_array(l->items, l->len);
        return t ? val_from_obj(t) : VAL_ERROR;
    }
    Value l = list_from_iterable(x);
    if (l == VAL_ERROR) return VAL_ERROR;
    List *lp = val_as_list(l);
    Tuple *t = tuple_new(lp->len);
    if (!t) { decref(l); return VAL_ERROR; }
    /* Move the items: the list gives up its references. */
    memcpy(t->items, lp->items, (size_t)lp->len * sizeof(Value));
    lp->len = 0;
    decref(l);
    return val_from_obj(t);
}

Type tuple_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "tuple",
    .size = sizeof(Tuple),
    .flags = TYPE_CONTAINER | TYPE_SEQUENCE | TYPE_BASETYPE,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .compare = tuple_compare,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .new = tuple_type_new,
    .methods = tuple_methods,
    .traverse = tuple_traverse,
    .clear = tuple_clear_slot,
};
