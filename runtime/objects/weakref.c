/* weakref.c — weakref.ref. A weak reference points at its referent without
 * owning it; the referent keeps a doubly linked list of its weak references
 * so that, when it dies, each one is cleared (calling it then returns None)
 * and its callback is called with the reference as argument.
 *
 * As CPython: a reference without a callback is shared (weakref.ref(x) is
 * weakref.ref(x)) and kept at the head of the list; references with a
 * callback are inserted right after it, so the newest callback runs first.
 * The reference owns its callback, so the callback is what the collector
 * traverses; the referent is not. */
#include <stddef.h>

#include "objects/weakref.h"
#include "core/args.h"
#include "objects/class.h"
#include "core/error.h"
#include "memory/gc.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/tuple.h"

WeakRef **weakref_listptr(Obj *o)
{
    Type *t = o->type;
    if (t == &type_type) {
        Type *k = (Type *)o;
        return type_is_heap(k) ? &((Class *)k)->weaklist : NULL;
    }
    if (!t->weaklistoffset) return NULL;
    return (WeakRef **)((char *)o + t->weaklistoffset);
}

int64_t weakref_count(Obj *o)
{
    WeakRef **l = weakref_listptr(o);
    int64_t n = 0;
    for (WeakRef *r = l ? *l : NULL; r; r = r->next) n++;
    return n;
}

static void insert_after(WeakRef *r, WeakRef *prev)
{
    r->prev = prev;
    r->next = prev->next;
    if (prev->next) prev->next->prev = r;
    prev->next = r;
}

static void insert_head(WeakRef *r, WeakRef **list)
{
    r->prev = NULL;
    r->next = *list;
    if (*list) (*list)->prev = r;
    *list = r;
}

void weakref_unlink(WeakRef *r)
{
    if (!r->object) return;
    WeakRef **list = weakref_listptr(r->object);
    if (r->prev) r->prev->next = r->next;
    else *list = r->next;
    if (r->next) r->next->prev = r->prev;
    r->prev = r->next = NULL;
    r->object = NULL;
}

Value weakref_new(Value obj, Value callback)
{
    WeakRef **list = val_is_obj(obj) ? weakref_listptr(val_as_obj(obj)) : NULL;
    if (!list) {
        err_format(&exc_TypeError, "cannot create weak reference to '%s' object", val_type_name(obj));
        return VAL_ERROR;
    }
    if (callback == VAL_NONE) callback = VAL_UNDEF;
    WeakRef *basic = *list && (*list)->callback == VAL_UNDEF ? *list : NULL;
    if (callback == VAL_UNDEF && basic) {
        obj_incref(basic);
        return val_from_obj(basic);
    }
    WeakRef *r = obj_alloc(&weakref_type, sizeof(WeakRef));
    if (!r) return VAL_ERROR;
    r->object = val_as_obj(obj);
    r->hash = -1;
    r->callback = callback;
    if (callback != VAL_UNDEF) incref(callback);
    /* An allocation may have run a collection that freed... nothing we hold:
     * obj is borrowed from a live caller. Re-read the list head anyway. */
    if (callback != VAL_UNDEF && *list && (*list)->callback == VAL_UNDEF) insert_after(r, *list);
    else insert_head(r, list);
    return val_from_obj(r);
}

void weakref_clear_refs(Obj *o)
{
    WeakRef **list = weakref_listptr(o);
    if (!list || !*list) return;
    /* Clear them all before the first callback runs: a callback must not
     * reach o through another reference. */
    enum { SMALL = 8 };
    WeakRef *small[SMALL], **live = small;
    Value cbsmall[SMALL], *cbs = cbsmall;
    int64_t n = 0, cap = SMALL;
    for (WeakRef *r = *list; r; r = r->next)
        if (r->callback != VAL_UNDEF) n++;
    if (n > SMALL) {
        live = mem_alloc_array((size_t)n, sizeof *live);
        cbs = mem_alloc_array((size_t)n, sizeof *cbs);
        cap = n;
        if (!live || !cbs) {           /* no room to call them: clear only */
            mem_free(live);
            mem_free(cbs);
            live = small;
            cbs = cbsmall;
            cap = 0;
        }
    }
    int64_t k = 0;
    while (*list) {
        WeakRef *r = *list;
        Value cb = r->callback;
        r->callback = VAL_UNDEF;
        weakref_unlink(r);
        if (cb == VAL_UNDEF) continue;
        if (k < cap && r->ob.refcnt > 0) {
            obj_incref(r);
            live[k] = r;
            cbs[k++] = cb;
        } else {
            decref(cb);
        }
    }
    if (k == 0) goto done;
    Value saved = err_fetch();
    for (int64_t i = 0; i < k; i++) {
        Value arg = val_from_obj(live[i]);
        Value res = obj_call(cbs[i], &arg, 1, NULL);
        if (res == VAL_ERROR) err_write_unraisable(cbs[i]);
        else decref(res);
        decref(cbs[i]);
        obj_decref(live[i]);
    }
    if (saved != VAL_UNDEF) err_set_exc(saved);
done:
    if (live != small) {
        mem_free(live);
        mem_free(cbs);
    }
}

/* ---- the type ---- */

static Value wr_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    /* CPython counts the arguments in ref.__new__ and refuses keywords in
     * ref.__init__, which runs once the reference exists */
    if (args_range(NULL, "__new__", nargs, NULL, 1, 2) < 0) return VAL_ERROR;
    Value r = weakref_new(args[0], nargs == 2 ? args[1] : VAL_UNDEF);
    if (r != VAL_ERROR && args_no_kw(NULL, "ref", kwnames) < 0) {
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

static Value wr_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_range(NULL, "weakref", nargs, kwnames, 0, 0) < 0) return VAL_ERROR;
    WeakRef *r = (WeakRef *)val_as_obj(self);
    if (!r->object || r->object->refcnt <= 0) return VAL_NONE;
    obj_incref(r->object);
    return val_from_obj(r->object);
}

static int wr_hash(Value v, int64_t *out)
{
    WeakRef *r = (WeakRef *)val_as_obj(v);
    if (r->hash != -1) {
        *out = r->hash;
        return 0;
    }
    if (!r->object) {
        err_set(&exc_TypeError, "weak object has gone away");
        return -1;
    }
    if (obj_hash(val_from_obj(r->object), &r->hash) < 0) {
        r->hash = -1;
        return -1;
    }
    *out = r->hash;
    return 0;
}

/* Two live references compare as their referents; otherwise by identity. */
static Value wr_compare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &weakref_type) return VAL_NOTIMPL;
    WeakRef *x = (WeakRef *)val_as_obj(a), *y = (WeakRef *)val_as_obj(b);
    if (!x->object || !y->object) {
        bool same = x == y;
        return val_from_bool(op == CMP_EQ ? same : !same);
    }
    return obj_compare_held(val_from_obj(x->object), val_from_obj(y->object), op);
}

static Value wr_repr(Value v)
{
    WeakRef *r = (WeakRef *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    if (!r->object) {
        sb_printf(&b, "<weakref at %p; dead>", (void *)r);
    } else {
        Value name = obj_getattr_cstr(val_from_obj(r->object), "__name__");
        if (name == VAL_ERROR) err_clear();
        if (name != VAL_ERROR && val_is_str(name))
            sb_printf(&b, "<weakref at %p; to '%s' at %p (%s)>", (void *)r, r->object->type->name,
                      (void *)r->object, val_as_str(name)->data);
        else
            sb_printf(&b, "<weakref at %p; to '%s' at %p>", (void *)r, r->object->type->name,
                      (void *)r->object);
        if (name != VAL_ERROR) decref(name);
    }
    return sb_finish(&b);
}

static Value wr_getattr(Value o, Str *name)
{
    WeakRef *r = (WeakRef *)val_as_obj(o);
    if (str_eq_cstr(name, "__callback__")) {
        if (r->callback == VAL_UNDEF) return VAL_NONE;
        incref(r->callback);
        return r->callback;
    }
    return VAL_UNDEF;
}

static void wr_traverse(Obj *o, VisitProc visit, void *arg)
{
    WeakRef *r = (WeakRef *)o;
    if (val_is_obj(r->callback)) visit(val_as_obj(r->callback), arg);
}

static void wr_clear(Obj *o)
{
    WeakRef *r = (WeakRef *)o;
    weakref_unlink(r);
    val_clear(&r->callback);
}

static void wr_dealloc(Obj *o)
{
    gc_untrack(o);
    wr_clear(o);
    obj_free(o);
}

Type weakref_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "weakref.ReferenceType", .size = sizeof(WeakRef),
    .flags = TYPE_CONTAINER, .dealloc = wr_dealloc, .repr = wr_repr, .hash = wr_hash,
    .compare = wr_compare, .call = wr_call, .getattr = wr_getattr, .new = wr_new,
    .traverse = wr_traverse, .clear = wr_clear,
};
