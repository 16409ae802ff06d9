/* mod_gc.c — the gc module: the collector's controls, statistics and
 * introspection as CPython 3.11 shows them (collect, enable/disable,
 * thresholds, counts, stats, is_tracked, get_objects, get_referrers,
 * get_referents, freeze, garbage, callbacks, the DEBUG_* flags). The
 * collector itself is runtime/memory/gc.c.
 */
#include "core/args.h"
#include "memory/gc.h"
#include "modules/module.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/range.h"
#include "objects/function.h"
#include "objects/class.h"
#include "objects/module.h"

static Value tuple3(const intptr_t v[3])
{
    Tuple *t = tuple_new(3);
    if (!t) return VAL_ERROR;
    for (int i = 0; i < 3; i++) {
        Value x = int_from_i64(v[i]);
        if (x == VAL_ERROR) { obj_decref(t); return VAL_ERROR; }
        t->items[i] = x;
    }
    return val_from_obj(t);
}

/* ---- collection control ---- */

static Value f_collect(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "generation", NULL };
    Value a[1];
    if (args_bind("collect", args, nargs, kwnames, names, 1, 0, a) < 0) return VAL_ERROR;
    int64_t gen = GC_NGENERATIONS - 1;
    if (a[0] != VAL_UNDEF && val_index(a[0], &gen) < 0) return VAL_ERROR;
    if (gen < 0 || gen >= GC_NGENERATIONS) {
        err_set(&exc_ValueError, "invalid generation");
        return VAL_ERROR;
    }
    return int_from_i64(gc_collect((int)gen));
}

static Value f_enable(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "enable", nargs, kwnames) < 0) return VAL_ERROR;
    gc_set_enabled(true);
    return VAL_NONE;
}

static Value f_disable(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "disable", nargs, kwnames) < 0) return VAL_ERROR;
    gc_set_enabled(false);
    return VAL_NONE;
}

static Value f_isenabled(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "isenabled", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_bool(gc_enabled());
}

static Value f_get_count(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "get_count", nargs, kwnames) < 0) return VAL_ERROR;
    intptr_t c[GC_NGENERATIONS];
    gc_get_counts(c);
    return tuple3(c);
}

static Value f_get_threshold(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "get_threshold", nargs, kwnames) < 0) return VAL_ERROR;
    intptr_t t[GC_NGENERATIONS];
    gc_get_thresholds(t);
    return tuple3(t);
}

static Value f_set_threshold(Value *args, int nargs, Tuple *kwnames)
{
    if (args_takes("gc", "set_threshold", nargs, kwnames, 1, GC_NGENERATIONS) < 0) return VAL_ERROR;
    intptr_t t[GC_NGENERATIONS];
    for (int i = 0; i < nargs; i++) {
        int64_t v;
        if (val_index(args[i], &v) < 0) return VAL_ERROR;
        if (v > INT32_MAX || v < INT32_MIN) {
            err_set(&exc_OverflowError, v > 0 ? "signed integer is greater than maximum"
                                               : "signed integer is less than minimum");
            return VAL_ERROR;
        }
        t[i] = (intptr_t)v;
    }
    gc_set_thresholds(t, nargs);
    return VAL_NONE;
}

static Value f_get_debug(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "get_debug", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_int(gc_get_debug());
}

static Value f_set_debug(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("gc", "set_debug", nargs, kwnames) < 0) return VAL_ERROR;
    int64_t flags;
    if (val_index(args[0], &flags) < 0) return VAL_ERROR;
    if (flags > INT32_MAX || flags < INT32_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VAL_ERROR;
    }
    gc_set_debug((int)flags);
    return VAL_NONE;
}

static Value f_get_stats(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "get_stats", nargs, kwnames) < 0) return VAL_ERROR;
    List *l = list_new(GC_NGENERATIONS);
    if (!l) return VAL_ERROR;
    for (int i = 0; i < GC_NGENERATIONS; i++) {
        GCGenStats s = gc_get_stats(i);
        Dict *d = dict_new();
        if (!d) { obj_decref(l); return VAL_ERROR; }
        Value c = int_from_i64(s.collections), k = int_from_i64(s.collected), u = int_from_i64(s.uncollectable);
        int bad = c == VAL_ERROR || k == VAL_ERROR || u == VAL_ERROR ||
                  dict_set_cstr(d, "collections", c) < 0 || dict_set_cstr(d, "collected", k) < 0 ||
                  dict_set_cstr(d, "uncollectable", u) < 0;
        xdecref(c);
        xdecref(k);
        xdecref(u);
        if (bad || list_append_steal(l, val_from_obj(d)) < 0) {
            if (bad) obj_decref(d);
            obj_decref(l);
            return VAL_ERROR;
        }
    }
    return val_from_obj(l);
}

static Value f_freeze(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "freeze", nargs, kwnames) < 0) return VAL_ERROR;
    gc_freeze();
    return VAL_NONE;
}

static Value f_unfreeze(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "unfreeze", nargs, kwnames) < 0) return VAL_ERROR;
    gc_unfreeze();
    return VAL_NONE;
}

static Value f_get_freeze_count(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("gc", "get_freeze_count", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64(gc_freeze_count());
}

/* ---- introspection ---- */

static Value f_is_tracked(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("gc", "is_tracked", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_bool(val_is_obj(args[0]) && gc_is_tracked(val_as_obj(args[0])));
}

static Value f_is_finalized(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("gc", "is_finalized", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_bool(val_is_obj(args[0]) && gc_is_finalized(val_as_obj(args[0])));
}

/* The references an object holds, as values and in the order CPython's
 * tp_traverse visits them (what gc.get_referents prints). The collector's
 * traverse slots only see heap objects; here unboxed ints and floats held
 * by the common containers are reported too, as CPython reports its int
 * objects. */
typedef void (*EmitFn)(Value v, void *arg);

typedef struct { EmitFn emit; void *arg; } EmitCtx;

static void emit_obj(Obj *o, void *arg)
{
    EmitCtx *c = arg;
    c->emit(val_from_obj(o), c->arg);
}

static void referents(Obj *o, EmitFn emit, void *arg)
{
    Type *t = o->type;
    if (t == &list_type) {
        List *l = (List *)o;
        for (int64_t i = l->len - 1; i >= 0; i--) emit(l->items[i], arg);
    } else if (t == &tuple_type) {
        Tuple *tu = (Tuple *)o;
        for (int64_t i = tu->len - 1; i >= 0; i--) emit(tu->items[i], arg);
    } else if (t == &dict_type) {
        Dict *d = (Dict *)o;
        bool str_keys = true;        /* CPython's str-only tables visit values only */
        for (int64_t i = 0; i < d->nentries && str_keys; i++)
            if (d->entries[i].key != VAL_UNDEF && !val_is_str(d->entries[i].key)) str_keys = false;
        for (int64_t i = 0; i < d->nentries; i++) {
            DictEntry *e = &d->entries[i];
            if (e->key == VAL_UNDEF) continue;
            emit(e->value, arg);
            if (!str_keys) emit(e->key, arg);
        }
    } else if (t == &cell_type) {
        Cell *c = (Cell *)o;
        if (c->v != VAL_UNDEF) emit(c->v, arg);
    } else if (t == &slice_type) {
        Slice *s = (Slice *)o;
        emit(s->start, arg);
        emit(s->stop, arg);
        emit(s->step, arg);
    } else if (type_is_heap(t) && !(t->flags & TYPE_EXCEPTION)) {
        /* an instance: the values of its embedded __dict__ (CPython 3.11
         * keeps them inline), or the exposed dict; then its class */
        Dict *d = *(Dict **)((char *)o + ((Class *)t)->dictoffset);
        if (d && gc_is_embedded((Obj *)d)) referents((Obj *)d, emit, arg);
        else if (d) emit(val_from_obj(d), arg);
        emit(val_from_obj(t), arg);
    } else if (t->traverse) {
        EmitCtx c = { emit, arg };
        t->traverse(o, emit_obj, &c);
    }
}

typedef struct { List *out; bool failed; } Collect;

static void append_value(Value v, void *arg)
{
    Collect *c = arg;
    if (!c->failed && list_append(c->out, v) < 0) c->failed = true;
}

static Value f_get_referents(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "get_referents", kwnames) < 0) return VAL_ERROR;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    Collect c = { l, false };
    for (int i = 0; i < nargs && !c.failed; i++)
        if (val_is_obj(args[i]) && (val_as_obj(args[i])->type->flags & TYPE_CONTAINER))
            referents(val_as_obj(args[i]), append_value, &c);
    if (c.failed) { obj_decref(l); return VAL_ERROR; }
    return val_from_obj(l);
}

typedef struct { Value *objs; int n; bool hit; } Search;

static void search_value(Value v, void *arg)
{
    Search *s = arg;
    for (int i = 0; i < s->n && !s->hit; i++)
        if (s->objs[i] == v) s->hit = true;
}

typedef struct { List *out; Value *objs; int n; bool failed; } Referrers;

static int referrer_step(Obj *o, void *arg)
{
    Referrers *r = arg;
    if (o == (Obj *)r->out) return 0;
    Search s = { r->objs, r->n, false };
    referents(o, search_value, &s);
    /* Appending only grows the result's item array: no container is
     * allocated, so the generation lists do not change under the walk. */
    if (s.hit && list_append(r->out, val_from_obj(o)) < 0) {
        r->failed = true;
        return 1;
    }
    return 0;
}

static Value f_get_referrers(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "get_referrers", kwnames) < 0) return VAL_ERROR;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    Referrers r = { l, args, nargs, false };
    if (nargs > 0) gc_for_each(-1, referrer_step, &r);
    if (r.failed) { obj_decref(l); return VAL_ERROR; }
    return val_from_obj(l);
}

static int object_step(Obj *o, void *arg)
{
    Collect *c = arg;
    if (o == (Obj *)c->out) return 0;
    if (list_append(c->out, val_from_obj(o)) < 0) {
        c->failed = true;
        return 1;
    }
    return 0;
}

static Value f_get_objects(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "generation", NULL };
    Value a[1];
    if (args_bind("get_objects", args, nargs, kwnames, names, 1, 0, a) < 0) return VAL_ERROR;
    int64_t gen = -1;
    if (a[0] != VAL_UNDEF && a[0] != VAL_NONE) {
        if (!val_is_intlike(a[0])) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'", val_type_name(a[0]));
            return VAL_ERROR;
        }
        gen = val_to_i64(a[0]);      /* -1 means all, as None (CPython's sentinel) */
        if (gen >= GC_NGENERATIONS) {
            err_format(&exc_ValueError,
                       "generation parameter must be less than the number of available generations (%d)",
                       GC_NGENERATIONS);
            return VAL_ERROR;
        }
        if (gen < -1) {
            err_set(&exc_ValueError, "generation parameter cannot be negative");
            return VAL_ERROR;
        }
    }
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    Collect c = { l, false };
    gc_for_each((int)gen, object_step, &c);
    if (c.failed) { obj_decref(l); return VAL_ERROR; }
    return val_from_obj(l);
}

/* ---- the module ---- */

static const MethodDef functions[] = {
    { "enable", f_enable },
    { "disable", f_disable },
    { "isenabled", f_isenabled },
    { "collect", f_collect },
    { "get_count", f_get_count },
    { "get_threshold", f_get_threshold },
    { "set_threshold", f_set_threshold },
    { "get_debug", f_get_debug },
    { "set_debug", f_set_debug },
    { "get_stats", f_get_stats },
    { "is_tracked", f_is_tracked },
    { "is_finalized", f_is_finalized },
    { "get_objects", f_get_objects },
    { "get_referrers", f_get_referrers },
    { "get_referents", f_get_referents },
    { "freeze", f_freeze },
    { "unfreeze", f_unfreeze },
    { "get_freeze_count", f_get_freeze_count },
    { NULL, NULL },
};

static const struct { const char *name; int value; } constants[] = {
    { "DEBUG_STATS", GC_DEBUG_STATS },
    { "DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE },
    { "DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE },
    { "DEBUG_SAVEALL", GC_DEBUG_SAVEALL },
    { "DEBUG_LEAK", GC_DEBUG_LEAK },
    { NULL, 0 },
};

Value mod_gc_init(void)
{
    Value m = module_new_with("gc", functions);
    if (m == VAL_ERROR) return VAL_ERROR;
    Dict *d = module_dict(m);
    for (int i = 0; constants[i].name; i++)
        if (dict_set_cstr(d, constants[i].name, val_from_int(constants[i].value)) < 0) goto fail;
    List *garbage = gc_garbage_list(), *callbacks = gc_callbacks_list();
    if (!garbage || !callbacks) goto fail;
    if (dict_set_cstr(d, "garbage", val_from_obj(garbage)) < 0 ||
        dict_set_cstr(d, "callbacks", val_from_obj(callbacks)) < 0)
        goto fail;
    return m;
fail:
    decref(m);
    return VAL_ERROR;
}
