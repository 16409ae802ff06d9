/* function.c — the callable object types: scr functions (code + globals +
 * defaults + closure, called through the VM), builtin functions and their
 * bound form, bound methods, and the cells closures share.
 */
#include <stddef.h>
#include <stdio.h>
#include "objects/function.h"
#include "objects/weakref.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/code.h"
#include "core/vmcall.h"
#include "objects/subclass.h"
#include "objects/docstrings.h"
#include "objects/set.h"
#include "objects/textio.h"
#include "objects/fileio.h"
#include <string.h>

/* Calls with more arguments than this copy them to the heap to prepend self. */
#define SMALL_ARGS 8

/* Call f (or, when fn is given, the C function fn) with self prepended to
 * args (positional and keyword values). */
static Value call_with_self(Value f, CFunc fn, Value self, Value *args, int nargs, Tuple *kwnames)
{
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    Value small[SMALL_ARGS + 1];
    Value *a = small;
    if (total + 1 > SMALL_ARGS + 1) {
        a = mem_alloc_array((size_t)total + 1, sizeof(Value));
        if (!a) { err_no_memory(); return VAL_ERROR; }
    }
    a[0] = self;
    if (total) memcpy(a + 1, args, (size_t)total * sizeof(Value));
    Value r;
    if (!fn && val_is_obj(f) && val_as_obj(f)->type == &builtin_type
        && ((Builtin *)val_as_obj(f))->self == VAL_UNDEF)
        fn = ((Builtin *)val_as_obj(f))->fn;
    if (fn)
        r = fn(a, nargs + 1, kwnames);
    else
        r = obj_call(f, a, nargs + 1, kwnames);
    if (a != small) mem_free(a);
    return r;
}

static int identity_hash(Value v, int64_t *out)
{
    uint64_t x = (uint64_t)(uintptr_t)val_as_obj(v);
    *out = (int64_t)((x >> 4) | (x << 60));
    if (*out == -1) *out = -2;
    return 0;
}

static Value no_attr(Value o, Str *name)
{
    err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", val_type_name(o), name->data);
    return VAL_ERROR;
}

static Value new_str_value(const char *s)
{
    Str *r = str_from_cstr(s);
    return r ? str_val(r) : VAL_ERROR;
}

/* ---- function ---- */

Value function_new(struct Code *code, Dict *globals)
{
    Function *f = obj_alloc(&function_type, sizeof(Function));
    if (!f) return VAL_ERROR;
    f->code = code;
    obj_incref(code);
    f->globals = globals;
    obj_incref(globals);
    f->defaults = NULL;
    f->closure = NULL;
    f->kwdefaults = NULL;
    f->dict = NULL;
    f->weaklist = NULL;
    f->name = code->name;
    if (f->name) obj_incref(f->name);
    f->qualname = code->qualname ? code->qualname : code->name;
    if (f->qualname) obj_incref(f->qualname);
    return val_from_obj(f);
}

static void function_clear(Obj *o)
{
    Function *f = (Function *)o;
    Dict *g = f->globals;
    Tuple *d = f->defaults, *c = f->closure;
    f->globals = NULL;
    f->defaults = NULL;
    f->closure = NULL;
    Dict *kd = f->kwdefaults, *fd = f->dict;
    f->kwdefaults = NULL;
    f->dict = NULL;
    if (kd) obj_decref(kd);
    if (fd) obj_decref(fd);
    if (g) obj_decref(g);
    if (d) obj_decref(d);
    if (c) obj_decref(c);
}

static void function_dealloc(Obj *o)
{
    Function *f = (Function *)o;
    weakref_dealloc_hook(o);
    function_clear(o);
    if (f->code) obj_decref(f->code);
    if (f->name) obj_decref(f->name);
    if (f->qualname) obj_decref(f->qualname);
    obj_free(o);
}

static void function_traverse(Obj *o, VisitProc visit, void *arg)
{
    Function *f = (Function *)o;
    if (f->code) visit((Obj *)f->code, arg);
    if (f->globals) visit((Obj *)f->globals, arg);
    if (f->defaults) visit((Obj *)f->defaults, arg);
    if (f->closure) visit((Obj *)f->closure, arg);
    if (f->kwdefaults) visit((Obj *)f->kwdefaults, arg);
    if (f->dict) visit((Obj *)f->dict, arg);
}

static Value function_repr(Value v)
{
    Function *f = (Function *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<function %s at %p>", f->qualname ? f->qualname->data : "?", (void *)f);
    return sb_finish(&b);
}

static Value function_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    return vm_call_function((Function *)val_as_obj(self), args, nargs, kwnames);
}

static Value function_getattr(Value o, Str *name)
{
    Function *f = (Function *)val_as_obj(o);
    if (str_eq_cstr(name, "__name__")) return f->name ? new_ref(str_val(f->name)) : VAL_NONE;
    if (str_eq_cstr(name, "__qualname__")) return f->qualname ? new_ref(str_val(f->qualname)) : VAL_NONE;
    if (str_eq_cstr(name, "__doc__") || str_eq_cstr(name, "__module__")) {
        /* assigned ones live in the function's __dict__ */
        Value v = f->dict ? dict_get_str(f->dict, name) : VAL_UNDEF;
        if (v != VAL_UNDEF) return new_ref(v);
    }
    if (str_eq_cstr(name, "__doc__")) return f->code && f->code->doc ? new_ref(str_val(f->code->doc)) : VAL_NONE;
    if (str_eq_cstr(name, "__module__")) {
        Value m = f->globals ? dict_get_cstr(f->globals, "__name__") : VAL_UNDEF;
        if (m == VAL_UNDEF || m == VAL_ERROR) return VAL_NONE;
        return new_ref(m);
    }
    if (str_eq_cstr(name, "__defaults__"))
        return f->defaults ? new_ref(val_from_obj(f->defaults)) : VAL_NONE;
    if (str_eq_cstr(name, "__kwdefaults__"))
        return f->kwdefaults ? new_ref(val_from_obj(f->kwdefaults)) : VAL_NONE;
    if (str_eq_cstr(name, "__code__")) return new_ref(val_from_obj(f->code));
    if (str_eq_cstr(name, "__dict__")) {
        if (!f->dict && !(f->dict = dict_new())) return VAL_ERROR;
        return new_ref(val_from_obj(f->dict));
    }
    Value v = f->dict ? dict_get_str(f->dict, name) : VAL_UNDEF;
    if (v != VAL_UNDEF) return new_ref(v);
    return no_attr(o, name);
}

/* Function attributes live in f.__dict__; the few special ones keep their
 * CPython type checks. */
static int function_setattr(Value o, Str *name, Value v)
{
    Function *f = (Function *)val_as_obj(o);
    bool is_name = str_eq_cstr(name, "__name__");
    if (is_name || str_eq_cstr(name, "__qualname__")) {
        if (v == VAL_UNDEF || !val_is_str(v)) {
            err_format(&exc_TypeError, "%s must be set to a string object", name->data);
            return -1;
        }
        Str **slot = is_name ? &f->name : &f->qualname;
        Str *old = *slot;
        *slot = val_as_str(v);
        obj_incref(*slot);
        if (old) obj_decref(old);
        return 0;
    }
    if (str_eq_cstr(name, "__defaults__")) {
        if (v != VAL_UNDEF && v != VAL_NONE && val_type(v) != &tuple_type) {
            err_set(&exc_TypeError, "__defaults__ must be set to a tuple object");
            return -1;
        }
        Tuple *old = f->defaults;
        f->defaults = v == VAL_UNDEF || v == VAL_NONE ? NULL : (Tuple *)val_as_obj(v);
        if (f->defaults) obj_incref(f->defaults);
        if (old) obj_decref(old);
        return 0;
    }
    if (str_eq_cstr(name, "__dict__")) {
        if (v == VAL_UNDEF) {
            err_set(&exc_TypeError, "cannot delete __dict__");
            return -1;
        }
        if (!val_is_dict(v)) {
            err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", val_type_name(v));
            return -1;
        }
        Dict *old = f->dict;
        f->dict = val_as_dict(v);
        obj_incref(f->dict);
        if (old) obj_decref(old);
        return 0;
    }
    if (v == VAL_UNDEF) {
        if (!f->dict || dict_get_str(f->dict, name) == VAL_UNDEF) {
            no_attr(o, name);
            return -1;
        }
        return dict_del(f->dict, str_val(name));
    }
    if (!f->dict && !(f->dict = dict_new())) return -1;
    return dict_set_str(f->dict, name, v);
}

Type function_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "function",
    .size = sizeof(Function),
    .flags = TYPE_CONTAINER,
    .dealloc = function_dealloc,
    .repr = function_repr,
    .hash = identity_hash,
    .call = function_call,
    .getattr = function_getattr,
    .setattr = function_setattr,
    .traverse = function_traverse,
    .clear = function_clear,
    .weaklistoffset = offsetof(Function, weaklist),
};

/* ---- builtin function / bound builtin method ---- */

Value builtin_new(const char *name, CFunc fn, Value self)
{
    Builtin *b = obj_alloc(&builtin_type, sizeof(Builtin));
    if (!b) return VAL_ERROR;
    b->name = name;
    b->fn = fn;
    b->self = self;
    if (self != VAL_UNDEF) incref(self);
    b->module = NULL;
    return val_from_obj(b);
}

static void builtin_dealloc(Obj *o)
{
    Builtin *b = (Builtin *)o;
    if (b->self != VAL_UNDEF) decref(b->self);
    if (b->module) obj_decref(b->module);
    obj_free(o);
}

/* A bound builtin holds its self: `l.append(l.append)` is a cycle. */
static void builtin_traverse(Obj *o, VisitProc visit, void *arg)
{
    Builtin *b = (Builtin *)o;
    if (val_is_obj(b->self)) visit(val_as_obj(b->self), arg);
    if (b->module) visit((Obj *)b->module, arg);
}

static Value builtin_repr(Value v)
{
    Builtin *b = (Builtin *)val_as_obj(v);
    StrBuf sb;
    sb_init(&sb);
    if (b->self == VAL_UNDEF)
        sb_printf(&sb, "<built-in function %s>", b->name);
    else if (val_is_obj(b->self) && val_as_obj(b->self)->type == &type_type)
        sb_printf(&sb, "<built-in method %s of type object at %p>", b->name, (void *)val_as_obj(b->self));
    else
        sb_printf(&sb, "<built-in method %s of %s object at %p>", b->name, val_type_name(b->self),
                  val_is_obj(b->self) ? (void *)val_as_obj(b->self) : (void *)(uintptr_t)(b->self & VAL_PAYLOAD));
    return sb_finish(&sb);
}

static Value builtin_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    Builtin *b = (Builtin *)val_as_obj(self);
    if (b->self == VAL_UNDEF) return b->fn(args, nargs, kwnames);
    return call_with_self(self, b->fn, b->self, args, nargs, kwnames);
}

/* The type whose method b is: its own methods table for a bound method, the
 * type's for dict.fromkeys, the owner of an unbound one; NULL for a function. */
static Type *builtin_owner(Builtin *b)
{
    if (b->self == VAL_UNDEF || val_type(b->self) == &builtin_type)
        return class_builtin_method_owner(val_from_obj(b));
    Type *t = val_type(b->self);
    if (t == &type_type) t = (Type *)val_as_obj(b->self);
    for (Type *u = t; u; u = u->base)
        for (const MethodDef *m = u->methods; m && m->name; m++)
            if (m->fn == b->fn && strcmp(m->name, b->name) == 0) return u;
    return t;
}

/* b's entry in runtime/objects/docstrings.c: the raw doc (NULL: none) and its signature. */
static const char *builtin_doc(Builtin *b, const char **sig)
{
    Type *owner = builtin_owner(b);
    if (owner) {
        const char *d = doc_lookup(owner->name, b->name, sig);
        if (!d && owner == &frozenset_type) d = doc_lookup("set", b->name, sig);
        if (!d && (owner->methods == textio_type.methods || owner->methods == fileio_type.methods))
            d = doc_lookup("io", b->name, sig);                               /* the file types share them */
        if (!d && b->name[0] == '_') d = doc_lookup("*", b->name, sig);    /* __add__ of any type */
        return d;
    }
    if (b->module && !str_eq_cstr(b->module, "builtins")) return doc_lookup(b->module->data, b->name, sig);
    if (b->name[0] == '_') return doc_lookup("*", b->name, sig);           /* object.__init__ */
    return doc_lookup(NULL, b->name, sig);
}

static Value builtin_getattr(Value o, Str *name)
{
    Builtin *b = (Builtin *)val_as_obj(o);
    if (str_eq_cstr(name, "__name__") || str_eq_cstr(name, "__qualname__")) {
        Str *s = str_from_cstr(b->name);
        return s ? str_val(s) : VAL_ERROR;
    }
    if (str_eq_cstr(name, "__doc__") || str_eq_cstr(name, "__text_signature__")) {
        const char *sig, *doc = builtin_doc(b, &sig);
        const char *s = name->data[2] == 'd' ? doc : sig;
        return s ? new_str_value(s) : VAL_NONE;
    }
    if (str_eq_cstr(name, "__module__")) {
        if (b->self != VAL_UNDEF) return VAL_NONE;
        if (b->module) return new_ref(str_val(b->module));
        return builtin_owner(b) ? VAL_NONE : new_str_value("builtins");
    }
    if (str_eq_cstr(name, "__objclass__")) {
        Type *owner = b->self == VAL_UNDEF || val_type(b->self) == &builtin_type ? builtin_owner(b) : NULL;
        if (owner) return new_ref(val_from_obj(owner));
    }
    if (str_eq_cstr(name, "__self__")) {
        if (b->self == VAL_UNDEF) return VAL_NONE;
        return new_ref(b->self);
    }
    return no_attr(o, name);
}

static int builtin_hash(Value v, int64_t *out)
{
    Builtin *b = (Builtin *)val_as_obj(v);
    *out = (int64_t)(((uintptr_t)b->fn >> 4) ^ (b->self == VAL_UNDEF ? 0 : (uintptr_t)b->self));
    if (*out == -1) *out = -2;
    return 0;
}

static Value builtin_compare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !val_is_obj(b) || val_as_obj(b)->type != &builtin_type)
        return VAL_NOTIMPL;
    Builtin *x = (Builtin *)val_as_obj(a), *y = (Builtin *)val_as_obj(b);
    bool eq = x->fn == y->fn && x->self == y->self;
    return val_from_bool(op == CMP_EQ ? eq : !eq);
}

Type builtin_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "builtin_function_or_method",
    .size = sizeof(Builtin),
    .flags = TYPE_CONTAINER,
    .dealloc = builtin_dealloc,
    .repr = builtin_repr,
    .hash = builtin_hash,
    .compare = builtin_compare,
    .call = builtin_call,
    .getattr = builtin_getattr,
    .traverse = builtin_traverse,
};

/* ---- bound method ---- */

static void method_clear(Obj *o)
{
    Method *m = (Method *)o;
    Value f = m->func, s = m->self;
    m->func = VAL_NONE;
    m->self = VAL_NONE;
    decref(f);
    decref(s);
}

static void method_dealloc(Obj *o)
{
    weakref_dealloc_hook(o);
    method_clear(o);
    obj_free(o);
}

static void method_traverse(Obj *o, VisitProc visit, void *arg)
{
    Method *m = (Method *)o;
    if (val_is_obj(m->func)) visit(val_as_obj(m->func), arg);
    if (val_is_obj(m->self)) visit(val_as_obj(m->self), arg);
}

static Value method_repr(Value v)
{
    Method *m = (Method *)val_as_obj(v);
    Value r = obj_repr(m->self);
    if (r == VAL_ERROR) return VAL_ERROR;
    const char *qn = "?";
    if (val_is_obj(m->func) && val_as_obj(m->func)->type == &function_type) {
        Function *f = (Function *)val_as_obj(m->func);
        if (f->qualname) qn = f->qualname->data;
    }
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<bound method %s of %s>", qn, val_as_str(r)->data);
    decref(r);
    return sb_finish(&b);
}

static Value method_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    Method *m = (Method *)val_as_obj(self);
    return call_with_self(m->func, NULL, m->self, args, nargs, kwnames);
}

static Value method_getattr(Value o, Str *name)
{
    Method *m = (Method *)val_as_obj(o);
    if (str_eq_cstr(name, "__self__")) return new_ref(m->self);
    if (str_eq_cstr(name, "__func__")) return new_ref(m->func);
    return obj_getattr(m->func, name);
}

static int method_hash(Value v, int64_t *out)
{
    Method *m = (Method *)val_as_obj(v);
    int64_t h;
    if (obj_hash(m->func, &h) < 0) return -1;
    *out = h ^ (int64_t)(m->self >> 4);
    if (*out == -1) *out = -2;
    return 0;
}

static Value method_compare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !val_is_obj(b) || val_as_obj(b)->type != &method_type)
        return VAL_NOTIMPL;
    Method *x = (Method *)val_as_obj(a), *y = (Method *)val_as_obj(b);
    bool eq = x->func == y->func && x->self == y->self;
    return val_from_bool(op == CMP_EQ ? eq : !eq);
}

Type method_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "method",
    .size = sizeof(Method),
    .flags = TYPE_CONTAINER,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .hash = method_hash,
    .compare = method_compare,
    .call = method_call,
    .getattr = method_getattr,
    .traverse = method_traverse,
    .clear = method_clear,
    .weaklistoffset = offsetof(Method, weaklist),
};

/* ---- cell ---- */

Value cell_new(Value v)
{
    Cell *c = obj_alloc(&cell_type, sizeof(Cell));
    if (!c) return VAL_ERROR;
    if (v != VAL_UNDEF) incref(v);
    c->v = v;
    return val_from_obj(c);
}

static void cell_clear(Obj *o)
{
    Cell *c = (Cell *)o;
    val_clear(&c->v);
}

static void cell_dealloc(Obj *o)
{
    cell_clear(o);
    obj_free(o);
}

static void cell_traverse(Obj *o, VisitProc visit, void *arg)
{
    Cell *c = (Cell *)o;
    if (val_is_obj(c->v)) visit(val_as_obj(c->v), arg);
}

static Value cell_repr(Value v)
{
    Cell *c = (Cell *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    if (c->v == VAL_UNDEF)
        sb_printf(&b, "<cell at %p: empty>", (void *)c);
    else
        sb_printf(&b, "<cell at %p: %s object at %p>", (void *)c, val_type_name(c->v),
                  val_is_obj(c->v) ? (void *)val_as_obj(c->v) : (void *)(uintptr_t)(c->v & VAL_PAYLOAD));
    return sb_finish(&b);
}

Type cell_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "cell",
    .size = sizeof(Cell),
    .flags = TYPE_CONTAINER,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .traverse = cell_traverse,
    .clear = cell_clear,
};
