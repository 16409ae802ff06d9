/* range.c — range objects, their iterator, and slice objects.
 *
 * A range stores start/stop/step and its precomputed length, so len, indexing,
 * slicing (which yields another range) and `in` for ints are O(1). Slices
 * carry arbitrary values; slice_indices resolves them against a length with
 * CPython's rules (PySlice_Unpack + PySlice_AdjustIndices).
 */
#include "objects/range.h"
#include "core/args.h"

#include "core/error.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/iterators.h"

#define SSIZE_MSG "Python int too large to convert to C ssize_t"

/* ---- range ---- */

/* Number of items, or -1 when it does not fit an int64. */
static int64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    __int128 n = 0;
    if (step > 0 && start < stop)
        n = ((__int128)stop - start - 1) / step + 1;
    else if (step < 0 && start > stop)
        n = ((__int128)start - stop - 1) / -(__int128)step + 1;
    return n > INT64_MAX ? -1 : (int64_t)n;
}

Value range_new(int64_t start, int64_t stop, int64_t step)
{
    if (step == 0) {
        err_set(&exc_ValueError, "range() arg 3 must not be zero");
        return VAL_ERROR;
    }
    int64_t len = range_length(start, stop, step);
    if (len < 0) {
        /* CPython builds it and fails only at len(); scr's lengths are int64. */
        err_set(&exc_OverflowError, SSIZE_MSG);
        return VAL_ERROR;
    }
    Range *r = obj_alloc(&range_type, sizeof(Range));
    if (!r) return VAL_ERROR;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = len;
    return val_from_obj(r);
}

static inline Range *as_range(Value v) { return (Range *)val_as_obj(v); }

static inline Value int_val(int64_t i)
{
    return int_fits_inline(i) ? val_from_int(i) : int_from_i64(i);
}

static Value range_type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_range(NULL, "range", nargs, kwnames, 1, 3) < 0) return VAL_ERROR;
    int64_t v[3] = { 0, 0, 1 };
    for (int i = 0; i < nargs; i++)
        if (val_index(args[i], &v[i]) < 0) return VAL_ERROR;
    if (nargs == 1) return range_new(0, v[0], 1);
    return range_new(v[0], v[1], v[2]);
}

static Value range_repr(Value v)
{
    Range *r = as_range(v);
    StrBuf b;
    sb_init(&b);
    if (r->step == 1)
        sb_printf(&b, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else
        sb_printf(&b, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
    return sb_finish(&b);
}

static int64_t range_len(Value v) { return as_range(v)->len; }

static int range_truth(Value v) { return as_range(v)->len != 0; }

/* Two ranges are equal when they produce the same sequence. */
static bool range_equal(Range *a, Range *b)
{
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->len == 0) return true;
    if (a->start != b->start) return false;
    return a->len == 1 || a->step == b->step;
}

static Value range_compare(Value a, Value b, int op)
{
    if (!val_is_obj(b) || val_as_obj(b)->type != &range_type || (op != CMP_EQ && op != CMP_NE))
        return VAL_NOTIMPL;
    bool eq = range_equal(as_range(a), as_range(b));
    return val_from_bool(op == CMP_EQ ? eq : !eq);
}

static uint64_t mix(uint64_t acc, uint64_t lane)
{
    /* xxHash round, as CPython's tuple hash */
    acc += lane * UINT64_C(14029467366897019727);
    acc = (acc << 31) | (acc >> 33);
    return acc * UINT64_C(11400714785074694791);
}

/* Hash of the sequence's identity: (len, start, step) with the parts that do
 * not matter for equality left out, as CPython does. */
static int range_hash(Value v, int64_t *out)
{
    Range *r = as_range(v);
    uint64_t acc = UINT64_C(2870177450012600261);
    acc = mix(acc, (uint64_t)int_hash_i64(r->len));
    acc = mix(acc, r->len ? (uint64_t)int_hash_i64(r->start) : 0x9e3779b9u);
    acc = mix(acc, r->len > 1 ? (uint64_t)int_hash_i64(r->step) : 0x7f4a7c15u);
    int64_t h = (int64_t)acc;
    *out = h == -1 ? -2 : h;
    return 0;
}

static inline int64_t range_item(Range *r, int64_t i)
{
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

static Value range_getitem(Value o, Value key)
{
    Range *r = as_range(o);
    if (val_is_int(key) || val_is_bool(key) || (val_is_obj(key) && val_as_obj(key)->type == &int_type)) {
        int64_t i = val_to_i64(key);
        if (i < 0) i += r->len;
        if (i < 0 || i >= r->len) {
            err_set(&exc_IndexError, "range object index out of range");
            return VAL_ERROR;
        }
        return int_val(range_item(r, i));
    }
    if (val_is_obj(key) && val_as_obj(key)->type == &slice_type) {
        int64_t start, stop, step, n;
        if (slice_indices((Slice *)val_as_obj(key), r->len, &start, &stop, &step, &n) < 0)
            return VAL_ERROR;
        /* new start/stop are r[start] and r[stop] (the latter may lie one step
         * outside the range); compute in 128 bits and insist the result fits */
        __int128 ns = (__int128)r->start + (__int128)start * r->step;
        __int128 ne = (__int128)r->start + (__int128)stop * r->step;
        __int128 nst = (__int128)step * r->step;
        if (ns < INT64_MIN || ns > INT64_MAX || ne < INT64_MIN || ne > INT64_MAX ||
            nst < INT64_MIN || nst > INT64_MAX) {
            err_set(&exc_OverflowError, SSIZE_MSG);
            return VAL_ERROR;
        }
        return range_new((int64_t)ns, (int64_t)ne, (int64_t)nst);
    }
    if (val_has_index(key)) {
        Value k = int_index(key);
        if (k == VAL_ERROR) return VAL_ERROR;
        Value res = range_getitem(o, k);
        decref(k);
        return res;
    }
    err_format(&exc_TypeError, "range indices must be integers or slices, not %s", val_type_name(key));
    return VAL_ERROR;
}

/* Index of integer x in r, or -1. */
static int64_t range_index_of(Range *r, int64_t x)
{
    if (r->step > 0) {
        if (!(r->start <= x && x < r->stop)) return -1;
    } else {
        if (!(r->stop < x && x <= r->start)) return -1;
    }
    __int128 d = (__int128)x - r->start;
    if (d % r->step != 0) return -1;
    return (int64_t)(d / r->step);
}

static Value range_iter(Value o);
static Value range_iter_next(Value it);

static int range_contains(Value o, Value x)
{
    Range *r = as_range(o);
    if (val_is_int(x) || val_is_bool(x) || (val_is_obj(x) && val_as_obj(x)->type == &int_type))
        return range_index_of(r, val_to_i64(x)) >= 0;
    /* other values (2.0 in range(3)): compare item by item, as CPython */
    for (int64_t i = 0; i < r->len; i++) {
        Value v = int_val(range_item(r, i));
        if (v == VAL_ERROR) return -1;
        int eq = obj_eq(v, x);
        decref(v);
        if (eq != 0) return eq;
    }
    return 0;
}

/* Assigning to an attribute of a range or slice (type name tname): start,
 * stop and step are read-only, there is no other. Always -1. */
static int start_stop_step_setattr(const char *tname, Str *name)
{
    if (str_eq_cstr(name, "start") || str_eq_cstr(name, "stop") || str_eq_cstr(name, "step"))
        err_set(&exc_AttributeError, "readonly attribute");
    else
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", tname, name->data);
    return -1;
}

static Value range_getattr(Value o, Str *name)
{
    Range *r = as_range(o);
    if (str_eq_cstr(name, "start")) return int_val(r->start);
    if (str_eq_cstr(name, "stop")) return int_val(r->stop);
    if (str_eq_cstr(name, "step")) return int_val(r->step);
    return VAL_UNDEF;
}

static int range_setattr(Value o, Str *name, Value v)
{
    (void)o; (void)v;
    return start_stop_step_setattr("range", name);
}

/* Compares x with the items of r by == (the path for non-int x, which may define __eq__).
   With count NULL: returns the index of the first equal item, or -1 if none.  Otherwise
   adds the number of equal items to *count and returns 0.  -2 with the exception set. */
static int64_t range_scan_eq(Range *r, Value x, int64_t *count)
{
    for (int64_t i = 0; i < r->len; i++) {
        Value v = int_val(range_item(r, i));
        if (v == VAL_ERROR) return -2;
        int eq = obj_eq(v, x);
        decref(v);
        if (eq < 0) return -2;
        if (!eq) continue;
        if (!count) return i;
        (*count)++;
    }
    return count ? 0 : -1;
}

static Value range_count(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("range", "count", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Range *r = as_range(args[0]);
    Value x = args[1];
    if (val_is_intlike(x)) return val_from_int(range_index_of(r, val_to_i64(x)) >= 0);
    int64_t n = 0;
    if (range_scan_eq(r, x, &n) == -2) return VAL_ERROR;
    return int_val(n);
}

static Value range_index(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("range", "index", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Range *r = as_range(args[0]);
    Value x = args[1];
    if (val_is_intlike(x)) {
        int64_t i = range_index_of(r, val_to_i64(x));
        if (i >= 0) return int_val(i);
        err_format(&exc_ValueError, "%lld is not in range", (long long)val_to_i64(x));
        return VAL_ERROR;
    }
    int64_t i = range_scan_eq(r, x, NULL);
    if (i == -2) return VAL_ERROR;
    if (i >= 0) return int_val(i);
    err_set(&exc_ValueError, "sequence.index(x): x not in sequence");
    return VAL_ERROR;
}

static const MethodDef range_methods[] = {
    { "count", range_count },
    { "index", range_index },
    { NULL, NULL },
};

Type range_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "range",
    .size = sizeof(Range),
    .flags = TYPE_SEQUENCE,
    .repr = range_repr,
    .hash = range_hash,
    .compare = range_compare,
    .truth = range_truth,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .getattr = range_getattr,
    .setattr = range_setattr,
    .new = range_type_new,
    .methods = range_methods,
};

/* ---- range iterator ---- */

static Value range_iter_make(int64_t first, int64_t step, int64_t n)
{
    RangeIter *it = obj_alloc(&range_iter_type, sizeof(RangeIter));
    if (!it) return VAL_ERROR;
    it->next = first;
    it->step = step;
    it->remaining = n;
    return val_from_obj(it);
}

static Value range_iter(Value o)
{
    Range *r = as_range(o);
    return range_iter_make(r->start, r->step, r->len);
}

Value range_reversed(Range *r)
{
    if (r->len == 0) return range_iter_make(0, 1, 0);
    /* -step cannot overflow the arithmetic: items are stepped with wrapping adds */
    return range_iter_make(range_item(r, r->len - 1), (int64_t)(0 - (uint64_t)r->step), r->len);
}

static Value range_iter_next(Value v)
{
    RangeIter *it = (RangeIter *)val_as_obj(v);
    if (it->remaining <= 0) return VAL_UNDEF;
    int64_t x = it->next;
    it->next = (int64_t)((uint64_t)x + (uint64_t)it->step);   /* may wrap past the last item */
    it->remaining--;
    return int_fits_inline(x) ? val_from_int(x) : int_from_i64(x);
}

static Value range_iter_length_hint(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return int_val(((RangeIter *)val_as_obj(args[0]))->remaining);
}

static const MethodDef range_iter_methods[] = {
    { "__length_hint__", range_iter_length_hint },
    { NULL, NULL },
};

Type range_iter_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "range_iterator",
    .size = sizeof(RangeIter),
    .iter = iter_self,
    .next = range_iter_next,
    .methods = range_iter_methods,
};

/* ---- slice ---- */

Value slice_new(Value start, Value stop, Value step)
{
    Slice *s = obj_alloc(&slice_type, sizeof(Slice));
    if (!s) return VAL_ERROR;
    incref(start);
    incref(stop);
    incref(step);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return val_from_obj(s);
}

static int slice_value(Value v, int64_t *out)
{
    if (val_is_intlike(v)) {
        *out = val_to_i64(v);
        return 0;
    }
    if (val_has_index(v)) {
        Value k = int_index(v);
        if (k == VAL_ERROR) return -1;
        *out = val_to_i64(k);   /* saturates like CPython's clamping of huge bounds */
        decref(k);
        return 0;
    }
    err_set(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int slice_bound_index(Value v, int64_t len, int64_t *out)
{
    if (!val_is_intlike(v) && !val_has_index(v)) {
        err_set(&exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Value k = int_index(v);
    if (k == VAL_ERROR) return -1;
    int64_t i = val_to_i64(k);
    decref(k);
    if (i < 0) { i += len; if (i < 0) i = 0; }
    *out = i;
    return 0;
}

int slice_indices(Slice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen)
{
    int64_t st = 1, b, e;
    if (s->step != VAL_NONE) {
        if (slice_value(s->step, &st) < 0) return -1;
        if (st == 0) {
            err_set(&exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (st < -INT64_MAX) st = -INT64_MAX;   /* so that -step cannot overflow */
    }
    if (s->start == VAL_NONE) b = st < 0 ? INT64_MAX : 0;
    else if (slice_value(s->start, &b) < 0) return -1;
    if (s->stop == VAL_NONE) e = st < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_value(s->stop, &e) < 0) return -1;

    if (b < 0) {
        b += len;
        if (b < 0) b = st < 0 ? -1 : 0;
    } else if (b >= len) {
        b = st < 0 ? len - 1 : len;
    }
    if (e < 0) {
        e += len;
        if (e < 0) e = st < 0 ? -1 : 0;
    } else if (e >= len) {
        e = st < 0 ? len - 1 : len;
    }
    int64_t n = 0;
    if (st < 0) {
        if (e < b) n = (int64_t)(((uint64_t)b - (uint64_t)e - 1) / (uint64_t)(-st) + 1);
    } else if (b < e) {
        n = (int64_t)(((uint64_t)e - (uint64_t)b - 1) / (uint64_t)st + 1);
    }
    *start = b;
    *stop = e;
    *step = st;
    *slicelen = n;
    return 0;
}

static Value slice_type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (args_range(NULL, "slice", nargs, kwnames, 1, 3) < 0) return VAL_ERROR;
    if (nargs == 1) return slice_new(VAL_NONE, args[0], VAL_NONE);
    return slice_new(args[0], args[1], nargs == 3 ? args[2] : VAL_NONE);
}

static void slice_dealloc(Obj *o)
{
    Slice *s = (Slice *)o;
    decref(s->start);
    decref(s->stop);
    decref(s->step);
    obj_free(o);
}

static void slice_traverse(Obj *o, VisitProc visit, void *arg)
{
    Slice *s = (Slice *)o;
    if (val_is_obj(s->start)) visit(val_as_obj(s->start), arg);
    if (val_is_obj(s->stop)) visit(val_as_obj(s->stop), arg);
    if (val_is_obj(s->step)) visit(val_as_obj(s->step), arg);
}

static Value slice_repr(Value v)
{
    Slice *s = (Slice *)val_as_obj(v);
    Value parts[3] = { s->start, s->stop, s->step };
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "slice(");
    for (int i = 0; i < 3; i++) {
        Value r = obj_repr(parts[i]);
        if (r == VAL_ERROR) {
            sb_free(&b);
            return VAL_ERROR;
        }
        if (i) sb_puts(&b, ", ");
        sb_putn(&b, val_as_str(r)->data, val_as_str(r)->len);
        decref(r);
    }
    sb_putc(&b, ')');
    return sb_finish(&b);
}

/* Slices compare as the tuples (start, stop, step). */
static Value slice_compare(Value a, Value b, int op)
{
    if (!val_is_obj(b) || val_as_obj(b)->type != &slice_type) return VAL_NOTIMPL;
    Slice *x = (Slice *)val_as_obj(a), *y = (Slice *)val_as_obj(b);
    Value xs[3] = { x->start, x->stop, x->step }, ys[3] = { y->start, y->stop, y->step };
    for (int i = 0; i < 3; i++) {
        int eq = obj_eq(xs[i], ys[i]);
        if (eq < 0) return VAL_ERROR;
        if (!eq) {
            if (op == CMP_EQ) return VAL_FALSE;
            if (op == CMP_NE) return VAL_TRUE;
            return obj_compare(xs[i], ys[i], op);
        }
    }
    return val_from_bool(op == CMP_EQ || op == CMP_LE || op == CMP_GE);
}

static Value slice_getattr(Value o, Str *name)
{
    Slice *s = (Slice *)val_as_obj(o);
    Value v = VAL_UNDEF;
    if (str_eq_cstr(name, "start")) v = s->start;
    else if (str_eq_cstr(name, "stop")) v = s->stop;
    else if (str_eq_cstr(name, "step")) v = s->step;
    if (v != VAL_UNDEF) incref(v);
    return v;
}

static int slice_setattr(Value o, Str *name, Value v)
{
    (void)o; (void)v;
    return start_stop_step_setattr("slice", name);
}

static Value slice_indices_method(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("slice", "indices", nargs - 1, kwnames) < 0) return VAL_ERROR;
    int64_t len, start, stop, step, n;
    if (val_index(args[1], &len) < 0) return VAL_ERROR;
    if (len < 0) {
        err_set(&exc_ValueError, "length should not be negative");
        return VAL_ERROR;
    }
    if (slice_indices((Slice *)val_as_obj(args[0]), len, &start, &stop, &step, &n) < 0)
        return VAL_ERROR;
    Value a = int_val(start), b = int_val(stop), c = int_val(step);
    Tuple *t = (a == VAL_ERROR || b == VAL_ERROR || c == VAL_ERROR) ? NULL : tuple_pack(3, a, b, c);
    xdecref(a);
    xdecref(b);
    xdecref(c);
    return t ? val_from_obj(t) : VAL_ERROR;
}

static const MethodDef slice_methods[] = {
    { "indices", slice_indices_method },
    { NULL, NULL },
};

Type slice_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "slice",
    .size = sizeof(Slice),
    .flags = TYPE_CONTAINER,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .compare = slice_compare,
    .getattr = slice_getattr,
    .setattr = slice_setattr,
    .new = slice_type_new,
    .methods = slice_methods,
    .traverse = slice_traverse,
};
