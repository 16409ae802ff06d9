/* descr.c — the descriptor rules (descr.h) and the descriptor types:
 * staticmethod, classmethod, property and super. */
#include "objects/descr.h"

#include <string.h>

#include "core/args.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/class.h"
#include "objects/subclass.h"

/* ---- the binding rules ---- */

static Value method_new(Value func, Value self)
{
    Method *m = obj_alloc(&method_type, sizeof(Method));
    if (!m) return VAL_ERROR;
    m->func = new_ref(func);
    m->self = new_ref(self);
    return val_from_obj(m);
}

Value descr_call_prepend(Value f, Value first, Value *args, int nargs, Tuple *kw)
{
    int total = nargs + (kw ? (int)kw->len : 0);
    Value small[9];
    Value *a = small;
    if (total + 1 > 9) {
        a = mem_alloc(sizeof(Value) * ((size_t)total + 1));
        if (!a) { err_no_memory(); return VAL_ERROR; }
    }
    a[0] = first;
    if (total) memcpy(a + 1, args, sizeof(Value) * (size_t)total);
    Value r = obj_call(f, a, nargs + 1, kw);
    if (a != small) mem_free(a);
    return r;
}

Value descr_call(Value d, Value self, Value *args, int nargs, Tuple *kw)
{
    Type *dt = val_type(d);
    if (dt == &function_type) return descr_call_prepend(d, self, args, nargs, kw);
    if (subclass_is_trampoline(d)) d = ((Builtin *)val_as_obj(d))->self;      /* class C(str): up = str.upper */
    if (descr_is_unbound_builtin(d))
        return descr_call_prepend(d, class_method_self(((Builtin *)val_as_obj(d))->fn, self), args, nargs, kw);
    if (dt == &staticmethod_type) return obj_call(((Wrap *)val_as_obj(d))->func, args, nargs, kw);
    if (dt == &classmethod_type)
        return descr_call_prepend(((Wrap *)val_as_obj(d))->func, val_from_obj(val_type(self)), args, nargs, kw);
    return obj_call(d, args, nargs, kw);
}

Value descr_get(Value d, Value self, Type *owner)
{
    Type *dt = val_type(d);
    if (dt == &function_type) return self == VAL_UNDEF ? new_ref(d) : method_new(d, self);
    if (subclass_is_trampoline(d) && self != VAL_UNDEF) d = ((Builtin *)val_as_obj(d))->self;
    if (descr_is_unbound_builtin(d) && self == VAL_UNDEF) return class_unbound_method(d);
    if (descr_is_unbound_builtin(d) && self != VAL_UNDEF) {
        Builtin *b = (Builtin *)val_as_obj(d);
        if (strcmp(b->name, "__new__") == 0) return new_ref(d);
        return builtin_new(b->name, b->fn, class_method_self(b->fn, self));
    }
    if (dt == &builtin_type && owner && type_is_heap(owner) && class_is_type(((Builtin *)val_as_obj(d))->self)) {
        /* a builtin base's class method (dict.fromkeys) reached through a subclass binds to it */
        Builtin *b = (Builtin *)val_as_obj(d);
        if (type_is_subtype(owner, (Type *)val_as_obj(b->self))) return builtin_new(b->name, b->fn, val_from_obj(owner));
    }
    if (dt == &staticmethod_type) return new_ref(((Wrap *)val_as_obj(d))->func);
    if (dt == &classmethod_type) return method_new(((Wrap *)val_as_obj(d))->func, val_from_obj(owner));
    if (dt == &property_type) {
        if (self == VAL_UNDEF) return new_ref(d);
        Property *p = (Property *)val_as_obj(d);
        if (p->fget == VAL_NONE) {
            err_set(&exc_AttributeError, "unreadable attribute");
            return VAL_ERROR;
        }
        return obj_call(p->fget, &self, 1, NULL);
    }
    return new_ref(d);
}

/* ---- staticmethod / classmethod ---- */

static void wrap_dealloc(Obj *o) { decref(((Wrap *)o)->func); obj_free(o); }
static void wrap_traverse(Obj *o, VisitProc visit, void *arg)
{
    Value f = ((Wrap *)o)->func;
    if (val_is_obj(f)) visit(val_as_obj(f), arg);
}
static void wrap_clear(Obj *o)
{
    Wrap *w = (Wrap *)o;
    Value f = w->func;
    w->func = VAL_NONE;
    decref(f);
}
static Value wrap_new(Type *t, Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw(NULL, t->name, kw) < 0) return VAL_ERROR;
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s expected 1 argument, got %d", t->name, nargs);
        return VAL_ERROR;
    }
    Wrap *w = obj_alloc(t, sizeof(Wrap));
    if (!w) return VAL_ERROR;
    w->func = new_ref(args[0]);
    return val_from_obj(w);
}
static Value wrap_getattr(Value o, Str *name)
{
    Wrap *w = (Wrap *)val_as_obj(o);
    if (str_eq_cstr(name, "__func__") || str_eq_cstr(name, "__wrapped__")) return new_ref(w->func);
    return VAL_UNDEF;
}
Value descr_staticmethod(Value func)
{
    Wrap *w = obj_alloc(&staticmethod_type, sizeof(Wrap));
    if (!w) return VAL_ERROR;
    w->func = new_ref(func);
    return val_from_obj(w);
}
static Value static_call(Value self, Value *args, int nargs, Tuple *kw)
{
    return obj_call(((Wrap *)val_as_obj(self))->func, args, nargs, kw);
}

Type staticmethod_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "staticmethod", .size = sizeof(Wrap),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE, .dealloc = wrap_dealloc, .traverse = wrap_traverse,
    .clear = wrap_clear, .new = wrap_new, .getattr = wrap_getattr, .call = static_call,
};
Type classmethod_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "classmethod", .size = sizeof(Wrap),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE, .dealloc = wrap_dealloc, .traverse = wrap_traverse,
    .clear = wrap_clear, .new = wrap_new, .getattr = wrap_getattr,
};

/* ---- property ---- */

static void prop_clear(Obj *o)
{
    Property *p = (Property *)o;
    Value a = p->fget, b = p->fset, c = p->fdel, d = p->doc;
    p->fget = p->fset = p->fdel = p->doc = VAL_NONE;
    decref(a); decref(b); decref(c); decref(d);
}
static void prop_dealloc(Obj *o) { prop_clear(o); obj_free(o); }
static void prop_traverse(Obj *o, VisitProc visit, void *arg)
{
    Property *p = (Property *)o;
    Value vs[4] = { p->fget, p->fset, p->fdel, p->doc };
    for (int i = 0; i < 4; i++) if (val_is_obj(vs[i])) visit(val_as_obj(vs[i]), arg);
}
static Value prop_make(Value fget, Value fset, Value fdel, Value doc)
{
    Property *p = obj_alloc(&property_type, sizeof(Property));
    if (!p) return VAL_ERROR;
    p->fget = new_ref(fget == VAL_UNDEF ? VAL_NONE : fget);
    p->fset = new_ref(fset == VAL_UNDEF ? VAL_NONE : fset);
    p->fdel = new_ref(fdel == VAL_UNDEF ? VAL_NONE : fdel);
    p->doc = new_ref(doc == VAL_UNDEF ? VAL_NONE : doc);
    return val_from_obj(p);
}
static Value prop_new(Type *t, Value *args, int nargs, Tuple *kw)
{
    (void)t;
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    Value out[4];
    if (args_bind("property", args, nargs, kw, names, 4, 0, out) < 0) return VAL_ERROR;
    return prop_make(out[0], out[1], out[2], out[3]);
}
static Value prop_getter(Value *args, int nargs, Tuple *kw)
{
    (void)kw;
    if (nargs != 2) { err_set(&exc_TypeError, "getter() takes exactly one argument"); return VAL_ERROR; }
    Property *p = (Property *)val_as_obj(args[0]);
    return prop_make(args[1], p->fset, p->fdel, p->doc);
}
static Value prop_setter(Value *args, int nargs, Tuple *kw)
{
    (void)kw;
    if (nargs != 2) { err_set(&exc_TypeError, "setter() takes exactly one argument"); return VAL_ERROR; }
    Property *p = (Property *)val_as_obj(args[0]);
    return prop_make(p->fget, args[1], p->fdel, p->doc);
}
static Value prop_deleter(Value *args, int nargs, Tuple *kw)
{
    (void)kw;
    if (nargs != 2) { err_set(&exc_TypeError, "deleter() takes exactly one argument"); return VAL_ERROR; }
    Property *p = (Property *)val_as_obj(args[0]);
    return prop_make(p->fget, p->fset, args[1], p->doc);
}
static Value prop_getattr(Value o, Str *name)
{
    Property *p = (Property *)val_as_obj(o);
    if (str_eq_cstr(name, "fget")) return new_ref(p->fget);
    if (str_eq_cstr(name, "fset")) return new_ref(p->fset);
    if (str_eq_cstr(name, "fdel")) return new_ref(p->fdel);
    if (str_eq_cstr(name, "__doc__")) return new_ref(p->doc);
    return VAL_UNDEF;
}
static const MethodDef prop_methods[] = {
    {"getter", prop_getter}, {"setter", prop_setter}, {"deleter", prop_deleter}, {NULL, NULL},
};

Type property_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "property", .size = sizeof(Property),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE, .dealloc = prop_dealloc, .traverse = prop_traverse,
    .clear = prop_clear, .new = prop_new, .getattr = prop_getattr, .methods = prop_methods,
};

/* ---- super ---- */

typedef struct Super { Obj ob; Type *type; Value obj; Type *objtype; } Super;

static void super_clear(Obj *o)
{
    Super *s = (Super *)o;
    Value v = s->obj;
    Type *a = s->type, *b = s->objtype;
    s->obj = VAL_NONE;
    s->type = s->objtype = NULL;
    decref(v);
    if (a) obj_decref(a);
    if (b) obj_decref(b);
}
static void super_dealloc(Obj *o) { super_clear(o); obj_free(o); }
static void super_traverse(Obj *o, VisitProc visit, void *arg)
{
    Super *s = (Super *)o;
    if (val_is_obj(s->obj)) visit(val_as_obj(s->obj), arg);
    if (s->type) visit((Obj *)s->type, arg);
    if (s->objtype) visit((Obj *)s->objtype, arg);
}
static Value super_new(Type *t, Value *args, int nargs, Tuple *kw)
{
    (void)t;
    if (args_no_kw(NULL, "super", kw) < 0) return VAL_ERROR;
    if (nargs == 0) {
        err_set(&exc_RuntimeError, "super(): no arguments");
        return VAL_ERROR;
    }
    if (nargs != 2) {
        err_set(&exc_TypeError, "super() takes 0 or 2 arguments in scr");
        return VAL_ERROR;
    }
    if (!class_is_type(args[0])) {
        err_format(&exc_TypeError, "super() argument 1 must be a type, not %s", val_type_name(args[0]));
        return VAL_ERROR;
    }
    Type *ty = (Type *)val_as_obj(args[0]);
    Type *objtype;
    if (class_is_type(args[1]) && type_is_subtype((Type *)val_as_obj(args[1]), ty))
        objtype = (Type *)val_as_obj(args[1]);
    else if (val_isinstance(args[1], ty))
        objtype = val_type(args[1]);
    else {
        err_set(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
        return VAL_ERROR;
    }
    Super *s = obj_alloc(&super_type, sizeof(Super));
    if (!s) return VAL_ERROR;
    s->type = ty;
    obj_incref(ty);
    s->obj = new_ref(args[1]);
    s->objtype = objtype;
    obj_incref(objtype);
    return val_from_obj(s);
}
static Value super_getattr(Value o, Str *name)
{
    Super *s = (Super *)val_as_obj(o);
    if (!str_eq_cstr(name, "__class__")) {
        Type *m[CLASS_MRO_MAX];
        int n = class_mro(s->objtype, m, CLASS_MRO_MAX), i = 0;
        while (i < n && m[i] != s->type) i++;
        for (i++; i < n; i++) {
            Value d = class_own_attr(m[i], name);
            if (d == VAL_UNDEF) continue;
            if (s->obj == val_from_obj(s->objtype)) {      /* super() in a classmethod: bind to the class */
                if (val_type(d) == &classmethod_type)
                    return method_new(((Wrap *)val_as_obj(d))->func, s->obj);
                if (descr_is_unbound_builtin(d) && strcmp(((Builtin *)val_as_obj(d))->name, "__new__") != 0)
                    return builtin_new(((Builtin *)val_as_obj(d))->name, ((Builtin *)val_as_obj(d))->fn, s->obj);
                return descr_get(d, VAL_UNDEF, s->objtype);
            }
            return descr_get(d, s->obj, s->objtype);
        }
    }
    return VAL_UNDEF;
}
static Value super_repr(Value v)
{
    Super *s = (Super *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<super: <class '%s'>, <%s object>>", s->type->name, s->objtype->name);
    return sb_finish(&b);
}

Type super_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "super", .size = sizeof(Super),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE, .dealloc = super_dealloc, .traverse = super_traverse,
    .clear = super_clear, .new = super_new, .getattr = super_getattr, .repr = super_repr,
};
