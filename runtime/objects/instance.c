/* instance.c — instances of classes (instance.h): allocation, the
 * instance dict, attribute get/set/delete, teardown and __del__; and the
 * `object` root type, whose methods are the default behaviour. */
#include "objects/instance.h"

#include <string.h>

#include "core/args.h"
#include "memory/gc.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/int.h"
#include "objects/weakref.h"
#include "objects/format.h"
#include "objects/attrcache.h"
#include "objects/descr.h"
#include "objects/slots.h"
#include "objects/subclass.h"
#include "core/vmcall.h"

/* ---- making instances ---- */

Value inst_alloc(Class *c, Value *args, int nargs, Tuple *kw)
{
    Type *s = c->solid;
    Obj *o;
    if (s->flags & TYPE_EXCEPTION) {
        Value e = exc_new(&c->t, args, nargs);
        if (e == VAL_ERROR) return VAL_ERROR;
        obj_incref(c);
        return e;
    }
    if (c->t.flags & CLASS_BOXED) {
        Value v = s->new(s, args, nargs, kw);
        if (v == VAL_ERROR) return VAL_ERROR;
        o = obj_alloc(&c->t, c->t.size);
        if (!o) { decref(v); return VAL_ERROR; }
        ((BoxInst *)o)->value = v;
        obj_incref(c);
        return val_from_obj(o);
    }
    o = obj_alloc(&c->t, c->t.size);
    if (!o) return VAL_ERROR;
    obj_incref(c);
    if (s == &dict_type) dict_init_empty((Dict *)o);
    else if (s == &set_type || s == &frozenset_type) set_init_empty((Set *)o);
    if (s == &frozenset_type) {
        Value v = s->new(s, args, nargs, kw);
        int rc = v == VAL_ERROR ? -1 : set_update((Set *)o, v);
        xdecref(v);
        if (rc < 0) { obj_decref(o); return VAL_ERROR; }
    }
    return val_from_obj(o);
}

/* ---- the instance dict ---- */

Dict *inst_dict(Obj *o)
{
    Dict **dp = inst_dictptr(o);
    if (!*dp && (*dp = dict_new())) gc_set_embedded((Obj *)*dp, true);
    return *dp;
}

/* obj.__dict__ handed to Python code: from now on a dict of its own for
 * the collector (tracked and counted), as CPython 3.11 materialises it. */
static Dict *inst_dict_exposed(Obj *o)
{
    Dict *d = inst_dict(o);
    if (d && gc_is_embedded((Obj *)d)) {
        gc_set_embedded((Obj *)d, false);
        gc_track((Obj *)d);
    }
    return d;
}

/* ---- attributes ---- */

static Value inst_getattribute(Value o, Str *name)
{
    Obj *ob = val_as_obj(o);
    Type *t = ob->type;
    if (name->data[0] == '_' && name->data[1] == '_') {
        if (str_eq_cstr(name, "__dict__")) {
            Dict *d = inst_dict_exposed(ob);
            if (!d) return VAL_ERROR;
            obj_incref(d);
            return val_from_obj(d);
        }
        if (str_eq_cstr(name, "__class__")) {
            obj_incref(t);
            return val_from_obj(t);
        }
    }
    Value d = class_lookup(t, name);
    if (d != VAL_UNDEF && val_type(d) == &property_type) return descr_get(d, o, t);
    Dict *dict = *inst_dictptr(ob);
    if (dict) {
        Value v = dict_get_str(dict, name);
        if (v != VAL_UNDEF) return new_ref(v);
    }
    if (d != VAL_UNDEF) return descr_get(d, o, t);
    Class *c = (Class *)t;
    if (c->solid->getattr) {
        Value r = c->solid->getattr(val_unbox(o), name);
        if (r != VAL_UNDEF) return r;
    }
    err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
    return VAL_ERROR;
}

/* As CPython's slot_tp_getattr_hook: __getattr__ runs when the normal
 * lookup raised AttributeError, also from inside a property getter. */
Value inst_getattr_missing(Value o, Str *name)
{
    Value ga = class_lookup_cstr(val_type(o), "__getattr__");
    if (ga == VAL_UNDEF || inst_is_object_method(ga) || !err_matches(&exc_AttributeError)) return VAL_ERROR;
    err_clear();
    Value n = str_val(name);
    incref(ga);
    Value r = descr_call(ga, o, &n, 1, NULL);
    decref(ga);
    return r;
}

Value inst_getattr(Value o, Str *name)
{
    Value r = inst_getattribute(o, name);
    return r != VAL_ERROR ? r : inst_getattr_missing(o, name);
}

int inst_setattr(Value o, Str *name, Value v)
{
    Obj *ob = val_as_obj(o);
    Type *t = ob->type;
    Value d = class_lookup(t, name);
    if (d != VAL_UNDEF && val_type(d) == &property_type) {
        Property *p = (Property *)val_as_obj(d);
        Value f = v == VAL_UNDEF ? p->fdel : p->fset;
        if (f == VAL_NONE) {
            err_format(&exc_AttributeError, "property '%s' of '%s' object has no %s", name->data, t->name,
                       v == VAL_UNDEF ? "deleter" : "setter");
            return -1;
        }
        Value args[2] = { o, v };
        Value r = obj_call(f, args, v == VAL_UNDEF ? 1 : 2, NULL);
        if (r == VAL_ERROR) return -1;
        decref(r);
        return 0;
    }
    if (name->data[0] == '_' && str_eq_cstr(name, "__class__")) {
        err_set(&exc_TypeError, "__class__ assignment is not supported by scr");
        return -1;
    }
    Value sa = class_lookup_cstr(t, "__setattr__");
    if (sa != VAL_UNDEF && !inst_is_object_method(sa) && v != VAL_UNDEF) {
        Value args[2] = { str_val(name), v };
        incref(sa);
        Value r = descr_call(sa, o, args, 2, NULL);
        decref(sa);
        if (r == VAL_ERROR) return -1;
        decref(r);
        return 0;
    }
    Dict *dict = inst_dict(ob);
    if (!dict) return -1;
    if (v == VAL_UNDEF) {
        if (dict_get_str(dict, name) == VAL_UNDEF) {
            err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
            return -1;
        }
        return dict_del(dict, str_val(name));
    }
    return dict_set_str(dict, name, v);
}

/* ---- teardown ---- */

/* The collector clears cyclic garbage only after every finalizer in it has
 * run (gc.c), so __del__ is not called from here. */
void inst_clear(Obj *o)
{
    Class *c = (Class *)o->type;
    Dict **dp = inst_dictptr(o);
    Dict *d = *dp;
    *dp = NULL;
    if (d) obj_decref(d);
    /* a boxed value stays: it is immutable (a str, int, float or tuple,
     * which the collector clears on its own when it is in the cycle) */
    if (c->solid->clear && !(c->t.flags & CLASS_BOXED)) c->solid->clear(o);
}

/* type->finalize of a class with __del__ (PEP 442): called once, by the
 * collector or by inst_dealloc; an exception is reported, not raised. */
void inst_finalize(Obj *o)
{
    Class *c = (Class *)o->type;
    if (!vm_running()) return;        /* too late at exit: no frame to run it in */
    Value f = class_lookup_cstr(&c->t, "__del__");
    if (f == VAL_UNDEF) return;
    Value saved = err_fetch();
    incref(f);
    Value r = descr_call(f, val_from_obj(o), NULL, 0, NULL);
    if (r == VAL_ERROR) err_write_unraisable(f);
    else decref(r);
    decref(f);
    if (saved != VAL_UNDEF) err_set_exc(saved);
}

void inst_dealloc(Obj *o)
{
    Class *c = (Class *)o->type;
    gc_untrack(o);
    if (c->t.finalize && gc_finalize_from_dealloc(o)) return;
    weakref_dealloc_hook(o);
    Dict **dp = inst_dictptr(o);
    Dict *d = *dp;
    *dp = NULL;
    if (d) obj_decref(d);
    if (c->t.flags & CLASS_BOXED) {
        Value v = ((BoxInst *)o)->value;
        ((BoxInst *)o)->value = VAL_NONE;
        xdecref(v);
        obj_free(o);
    } else if (c->solid->dealloc) {
        c->solid->dealloc(o);
    } else {
        obj_free(o);
    }
    obj_decref(c);
}

/* An embedded __dict__ (gc.h) is part of the instance: its keys and values
 * are the instance's referents. */
void inst_traverse(Obj *o, VisitProc visit, void *arg)
{
    Class *c = (Class *)o->type;
    Dict *d = *inst_dictptr(o);
    if (d) {
        if (gc_is_embedded((Obj *)d)) dict_type.traverse((Obj *)d, visit, arg);
        else visit((Obj *)d, arg);
    }
    visit((Obj *)c, arg);
    if (c->t.flags & CLASS_BOXED) {
        Value v = ((BoxInst *)o)->value;
        if (val_is_obj(v)) visit(val_as_obj(v), arg);
    } else if (c->solid->traverse) {
        c->solid->traverse(o, visit, arg);
    }
}

/* ---- object ---- */

/* object.__setattr__(self, name, value): the plain instance-dict store. */
static Value object_setattr_m(Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw(NULL, "__setattr__", kw) < 0) return VAL_ERROR;
    if (nargs != 3 || !val_is_str(args[1])) {
        err_set(&exc_TypeError, "expected 2 arguments");
        return VAL_ERROR;
    }
    if (!type_is_heap(val_type(args[0]))) {
        if (obj_setattr(args[0], val_as_str(args[1]), args[2]) < 0) return VAL_ERROR;
        return VAL_NONE;
    }
    Dict *dict = inst_dict(val_as_obj(args[0]));
    if (!dict || dict_set_str(dict, val_as_str(args[1]), args[2]) < 0) return VAL_ERROR;
    return VAL_NONE;
}

int64_t inst_pointer_hash(const void *p)
{
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

static Value object_repr(Value v)
{
    Type *t = val_type(v);
    StrBuf b;
    sb_init(&b);
    if (type_is_heap(t)) {
        const char *m = class_module(t);
        sb_printf(&b, "<%s.%s object at %p>", m, ((Class *)t)->qualname->data, (void *)val_as_obj(v));
    } else {
        sb_printf(&b, "<%s object at %p>", t->name, (void *)val_as_obj(v));
    }
    return sb_finish(&b);
}

static Value object_new(Type *t, Value *args, int nargs, Tuple *kw)
{
    (void)args;
    if (nargs || (kw && kw->len)) {
        err_set(&exc_TypeError, "object() takes no arguments");
        return VAL_ERROR;
    }
    Obj *o = obj_alloc(t, sizeof(Obj));
    return o ? val_from_obj(o) : VAL_ERROR;
}

static Value object_init_m(Value *args, int nargs, Tuple *kw)
{
    (void)args;
    if (nargs > 1 || (kw && kw->len)) {
        Type *t = val_type(args[0]);
        err_format(&exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                   class_user_defined(t, "__init__") ? "object" : t->name);
        return VAL_ERROR;
    }
    return VAL_NONE;
}

static Value object_new_m(Value *args, int nargs, Tuple *kw)
{
    if (nargs < 1 || !class_is_type(args[0])) {
        err_set(&exc_TypeError, "object.__new__(X): X is not a type object");
        return VAL_ERROR;
    }
    Type *t = (Type *)val_as_obj(args[0]);
    if (type_is_heap(t) && (nargs > 1 || (kw && kw->len)) && !(t->flags & TYPE_EXCEPTION)) {
        if (class_user_defined(t, "__new__"))
            err_set(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        else
            err_format(&exc_TypeError, "%s() takes no arguments", t->name);
        return VAL_ERROR;
    }
    if (type_is_heap(t) && ((Class *)t)->solid != &object_type && !(t->flags & TYPE_EXCEPTION)) {
        Type *sb = t;      /* as CPython names it: the first class not defining __new__ itself */
        while (type_is_heap(sb) && sb->dict && dict_get_cstr(sb->dict, "__new__") != VAL_UNDEF) sb = sb->base;
        err_format(&exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", t->name, sb->name);
        return VAL_ERROR;
    }
    if (type_is_heap(t)) return inst_alloc((Class *)t, args + 1, nargs - 1, NULL);
    if (t->new) return t->new(t, args + 1, nargs - 1, NULL);
    err_format(&exc_TypeError, "object.__new__(%s) is not safe", t->name);
    return VAL_ERROR;
}

static Value object_repr_m(Value *args, int nargs, Tuple *kw)
{
    (void)nargs; (void)kw;
    return object_repr(args[0]);
}

static Value object_str_m(Value *args, int nargs, Tuple *kw)
{
    (void)nargs; (void)kw;
    return obj_repr(args[0]);
}

static Value object_eq_m(Value *args, int nargs, Tuple *kw)
{
    (void)kw;
    if (nargs != 2) { err_set(&exc_TypeError, "expected 1 argument"); return VAL_ERROR; }
    if (args[0] == args[1]) return VAL_TRUE;
    return new_ref(val_from_obj(&class_notimplemented));
}

static Value object_ne_m(Value *args, int nargs, Tuple *kw)
{
    (void)kw;
    if (nargs != 2) { err_set(&exc_TypeError, "expected 1 argument"); return VAL_ERROR; }
    Value r = obj_compare(args[0], args[1], CMP_EQ);
    if (r == VAL_ERROR) return r;
    int t = obj_truth(r);
    decref(r);
    return t < 0 ? VAL_ERROR : val_from_bool(!t);
}

static Value object_hash_m(Value *args, int nargs, Tuple *kw)
{
    (void)nargs; (void)kw;
    return int_from_i64(inst_pointer_hash(val_as_obj(args[0])));
}

static const MethodDef object_methods[] = {
    {"__init__", object_init_m}, {"__new__", object_new_m}, {"__repr__", object_repr_m},
    {"__str__", object_str_m}, {"__eq__", object_eq_m}, {"__ne__", object_ne_m},
    {"__hash__", object_hash_m}, {"__setattr__", object_setattr_m}, {"__format__", format_object_dunder},
    {NULL, NULL},
};

bool inst_is_object_method(Value d)
{
    if (!descr_is_unbound_builtin(d)) return false;
    for (const MethodDef *m = object_methods; m->name; m++)
        if (((Builtin *)val_as_obj(d))->fn == m->fn) return true;
    return false;
}

Type object_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "object", .size = sizeof(Obj), .flags = TYPE_BASETYPE,
    .repr = object_repr, .new = object_new, .methods = object_methods,
};

bool inst_is_object_hash(Value d)
{
    return descr_is_unbound_builtin(d) && ((Builtin *)val_as_obj(d))->fn == object_hash_m;
}
