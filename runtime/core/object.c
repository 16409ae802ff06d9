/* object.c — the object core: allocation, deallocation without unbounded C
 * recursion (the "trashcan"), the type of types, and the generic operations
 * (repr, hash, compare, len, item access, iteration, attributes, calls) that
 * dispatch through a value's type slots.
 *
 * Every generic operation tests the unboxed int/float cases first: they are the
 * hot ones and never need a type lookup.
 */
#include "core/object.h"

#include <stdio.h>
#include <string.h>

#include "memory/mem.h"
#include "memory/gc.h"
#include "core/debug.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/function.h"
#include "objects/attrcache.h"
#include "objects/instance.h"
#include "objects/subclass.h"
#include "objects/tuple.h"
#include "objects/docstrings.h"
#include "core/intr.h"

/* ---- allocation ---- */

void *obj_alloc(Type *t, size_t size)
{
    /* Containers get a GC header in front and join generation 0 (gc.c). */
    if (t->flags & TYPE_CONTAINER) return gc_alloc(t, size);
    Obj *o = mem_alloc(size);
    if (!o) {
        err_no_memory();
        return NULL;
    }
    /* Zeroed so that a dealloc running on a half-built object sees NULL/0
     * fields rather than garbage. */
    memset(o, 0, size);
    o->refcnt = 1;
    o->type = t;
    return o;
}

void obj_free(void *p)
{
    Obj *o = p;
    if (o->type->flags & TYPE_CONTAINER) gc_free(o);
    else mem_free(o);
}

/* ---- deallocation: the trashcan ----
 * Freeing a list nested a million deep would recurse a million deallocs deep.
 * Past DEALLOC_LIMIT nested deallocs, objects are parked on a pending list
 * (linked through their refcnt field, which is dead once it reached zero) and
 * freed by the outermost obj_dealloc once its own dealloc has returned. */

#define DEALLOC_LIMIT 256

static int dealloc_depth;
static Obj *dealloc_pending;

static inline void run_dealloc(Obj *o)
{
    /* A container leaves the collector's lists before its fields are torn
     * down, so that a collection started meanwhile never sees it. */
    if (o->type->flags & TYPE_CONTAINER) gc_untrack(o);
    if (o->type->dealloc)
        o->type->dealloc(o);
    else
        obj_free(o);
}

void obj_dealloc(Obj *o)
{
    scr_assert(o->refcnt == 0);
    if (dealloc_depth >= DEALLOC_LIMIT) {
        if (o->type->flags & TYPE_CONTAINER) gc_untrack(o);   /* before refcnt becomes a link */
        o->refcnt = (intptr_t)dealloc_pending;
        dealloc_pending = o;
        return;
    }
    dealloc_depth++;
    run_dealloc(o);
    if (dealloc_depth == 1) {
        while (dealloc_pending) {
            Obj *p = dealloc_pending;
            dealloc_pending = (Obj *)p->refcnt;
            p->refcnt = 0;
            run_dealloc(p);
        }
    }
    dealloc_depth--;
}

/* ---- types ---- */

Type *val_type(Value v)
{
    if (val_is_obj(v)) return val_as_obj(v)->type;
    if (val_is_int(v)) return &int_type;
    if (val_is_float(v)) return &float_type;
    if (val_is_bool(v)) return &bool_type;
    return &none_type;
}

const char *val_type_name(Value v)
{
    return val_type(v)->name;
}

bool type_is_subtype(Type *t, Type *base)
{
    if (t->flags & TYPE_HEAPTYPE) return class_is_subtype(t, base);
    if (base == &object_type) return true;
    for (; t; t = t->base)
        if (t == base) return true;
    return false;
}

bool val_isinstance(Value v, Type *t)
{
    return type_is_subtype(val_type(v), t);
}

/* Every type whose dict type_ready built, so that type_release_dicts can
 * drop them all at exit whichever module the type comes from. */
static Type **readied;
static size_t nreadied, capreadied;

static void remember_readied(Type *t)
{
    for (size_t i = 0; i < nreadied; i++)
        if (readied[i] == t) return;
    if (nreadied == capreadied) {
        size_t cap = capreadied ? capreadied * 2 : 64;
        Type **p = mem_realloc(readied, cap * sizeof(Type *));
        if (!p) return;          /* its dict is then only released if interp.c lists the type */
        readied = p;
        capreadied = cap;
    }
    readied[nreadied++] = t;
}

void type_release_dicts(void)
{
    for (size_t i = 0; i < nreadied; i++) {
        Dict *d = readied[i]->dict;
        readied[i]->dict = NULL;
        if (d) obj_decref(d);
    }
    mem_free(readied);
    readied = NULL;
    nreadied = capreadied = 0;
}

void type_ready(Type *t)
{
    if (t->dict) return;
    if (!t->ob.type) t->ob.type = &type_type;
    if (t->ob.refcnt == 0) t->ob.refcnt = OBJ_IMMORTAL;
    if (t->base) type_ready(t->base);
    Dict *d = dict_new();
    if (!d) {
        err_clear();             /* retried lazily on the next lookup */
        return;
    }
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        Value f = builtin_new(m->name, m->fn, VAL_UNDEF);
        if (f == VAL_ERROR || dict_set_cstr(d, m->name, f) < 0) {
            if (f != VAL_ERROR) decref(f);
            obj_decref(d);
            err_clear();
            return;
        }
        decref(f);
    }
    t->dict = d;
    remember_readied(t);
}

/* Attribute of a type or one of its bases: a borrowed value or VAL_UNDEF. */
static Value type_lookup(Type *t, Str *name)
{
    if (t->flags & TYPE_HEAPTYPE) return class_lookup(t, name);
    for (; t; t = t->base) {
        if (!t->dict) {
            type_ready(t);
            if (!t->dict) continue;
        }
        Value v = dict_get_str(t->dict, name);
        if (v != VAL_UNDEF) return v;
    }
    return VAL_UNDEF;
}

static int64_t pointer_hash(const void *p)
{
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);            /* the low bits are alignment: always zero */
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

static Value type_repr(Value v)
{
    Type *t = (Type *)val_as_obj(v);
    if (t->flags & TYPE_HEAPTYPE) return class_type_repr(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<class '%s'>", t->name);
    return sb_finish(&b);
}

static int type_hash(Value v, int64_t *out)
{
    *out = pointer_hash(val_as_obj(v));
    return 0;
}

static Value type_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    Type *t = (Type *)val_as_obj(self);
    if (!t->new) {
        err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
        return VAL_ERROR;
    }
    return t->new(t, args, nargs, kwnames);
}

/* type(x): the type of x. type(name, bases, dict) arrives with classes. */
static Value type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    if (nargs == 1 && !kwnames) {
        Type *r = val_type(args[0]);
        obj_incref(r);
        return val_from_obj(r);
    }
    if (nargs == 3 && !kwnames) return class_type_new3(args, nargs);
    err_set(&exc_TypeError, "type() takes 1 or 3 arguments");
    return VAL_ERROR;
}

/* The introspection attributes of a builtin type (help() reads them):
 * __doc__ and __text_signature__ from runtime/objects/docstrings.c, __module__
 * ("weakref" for "weakref.ReferenceType", else builtins), __bases__ and
 * __mro__ along the single base chain. VAL_UNDEF: not one of them. */
static Value static_type_attr(Type *t, Str *name)
{
    if (name->data[0] != '_' || name->data[1] != '_') return VAL_UNDEF;
    if (str_eq_cstr(name, "__doc__") || str_eq_cstr(name, "__text_signature__")) {
        char key[80];
        const char *sig;
        snprintf(key, sizeof key, "type:%s", t->name);
        const char *doc = doc_lookup(NULL, key, &sig);
        const char *r = name->data[2] == 'd' ? doc : sig;
        if (!r) return VAL_NONE;
        Str *s = str_from_cstr(r);
        return s ? str_val(s) : VAL_ERROR;
    }
    if (str_eq_cstr(name, "__module__")) {
        const char *dot = strrchr(t->name, '.');
        Str *s = dot ? str_new(t->name, (int64_t)(dot - t->name)) : str_from_cstr("builtins");
        return s ? str_val(s) : VAL_ERROR;
    }
    bool mro = str_eq_cstr(name, "__mro__");
    if (mro || str_eq_cstr(name, "__bases__")) {
        Value items[64];
        int n = 0;
        if (mro) items[n++] = val_from_obj(t);
        for (Type *b = t->base; b && n < 63 && (mro || n == 0); b = b->base) items[n++] = val_from_obj(b);
        if (t != &object_type && (n == 0 || items[n - 1] != val_from_obj(&object_type)) && (mro || n == 0))
            items[n++] = val_from_obj(&object_type);
        Tuple *r = tuple_new(n);
        if (!r) return VAL_ERROR;
        for (int i = 0; i < n; i++) {
            incref(items[i]);
            r->items[i] = items[i];
        }
        return val_from_obj(r);
    }
    return VAL_UNDEF;
}

static Value type_getattr(Value o, Str *name)
{
    Type *t = (Type *)val_as_obj(o);
    if (t->flags & TYPE_HEAPTYPE) return class_type_getattr(o, name);
    if (name->data[0] == '_' && (str_eq_cstr(name, "__name__") || str_eq_cstr(name, "__qualname__"))) {
        const char *dot = strrchr(t->name, '.');     /* "weakref.ReferenceType": module, then name */
        Str *s = str_from_cstr(dot ? dot + 1 : t->name);
        return s ? str_val(s) : VAL_ERROR;
    }
    Value v = type_lookup(t, name);
    if (v != VAL_UNDEF) {
        /* str.upper must unbox an instance of a str subclass (subclass.h), and
         * list.append(x, 1) must check x: a C method trusts args[0]
         * (class_unbound_method wraps only the builtin types' own methods) */
        return class_unbound_method(v);
        incref(v);
        return v;
    }
    if (str_eq_cstr(name, "__class__")) {
        obj_incref(&type_type);
        return val_from_obj(&type_type);
    }
    v = static_type_attr(t, name);
    if (v != VAL_UNDEF) return v;
    err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", t->name, name->data);
    return VAL_ERROR;
}

static int type_setattr(Value o, Str *name, Value v)
{
    Type *t = (Type *)val_as_obj(o);
    if (t->flags & TYPE_HEAPTYPE) return class_type_setattr(o, name, v);
    err_format(&exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, t->name);
    return -1;
}

Type type_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "type",
    .size = sizeof(Type),
    .flags = TYPE_CONTAINER,         /* heap types (runtime/objects/class.c); static ones are immortal, headerless */
    .dealloc = class_type_dealloc,
    .traverse = class_type_traverse,
    .clear = class_type_clear,
    .repr = type_repr,
    .hash = type_hash,
    .call = type_call,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .new = type_new,
};

/* ---- generic operations ---- */

static const char *const cmp_symbols[] = { "<", "<=", "==", "!=", ">", ">=" };
static const int cmp_swapped[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };

Value obj_repr(Value v)
{
    if (val_is_int(v)) return int_repr(v);
    if (val_is_float(v)) return float_repr_value(val_as_float(v));
    Type *t = val_type(v);
    if (t->repr) return t->repr(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<%s object at %p>", t->name, (void *)val_as_obj(v));
    return sb_finish(&b);
}

Value obj_str(Value v)
{
    if (val_is_str(v)) {
        incref(v);
        return v;
    }
    Type *t = val_type(v);
    if (t->str) return t->str(v);
    return obj_repr(v);
}

int obj_hash(Value v, int64_t *out)
{
    if (val_is_int(v)) {
        *out = int_hash_i64(val_as_int(v));
        return 0;
    }
    if (val_is_float(v)) {
        *out = float_hash(val_as_float(v));
        return 0;
    }
    Type *t = val_type(v);
    if (t->hash) return t->hash(v, out);
    /* As object.__hash__: a type that defines no equality hashes by identity;
     * one that defines equality but no hash (list, dict, slice) is unhashable. */
    if (!t->compare && val_is_obj(v)) {
        *out = pointer_hash(val_as_obj(v));
        return 0;
    }
    err_format(&exc_TypeError, "unhashable type: '%s'", t->name);
    return -1;
}

int obj_truth(Value v)
{
    if (v == VAL_TRUE) return 1;
    if (v == VAL_FALSE || v == VAL_NONE) return 0;
    if (val_is_int(v)) return (v & VAL_PAYLOAD) != 0;
    if (val_is_float(v)) return val_as_float(v) != 0.0;
    Type *t = val_type(v);
    if (t->truth) return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

/* CPython's do_richcompare: a proper subtype's reflected method goes first,
 * then the left operand's, then the right operand's reflected one; == and !=
 * fall back to identity. */
Value obj_compare(Value a, Value b, int op)
{
    if (val_is_int(a) && val_is_int(b))
        return val_from_bool(cmp_holds_i64(op, val_as_int(a), val_as_int(b)));
    if (val_is_float(a) && val_is_float(b))
        return val_from_bool(cmp_holds_double(op, val_as_float(a), val_as_float(b)));

    Type *ta = val_type(a), *tb = val_type(b);
    bool checked_reverse = false;
    Value r;
    if (ta != tb && tb->compare && type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->compare(b, a, cmp_swapped[op]);
        if (r != VAL_NOTIMPL) return r;
    }
    if (ta->compare) {
        r = ta->compare(a, b, op);
        if (r != VAL_NOTIMPL) return r;
    }
    if (!checked_reverse && (ta != tb || (ta->flags & TYPE_HEAPTYPE)) && tb->compare) {
        r = tb->compare(b, a, cmp_swapped[op]);
        if (r != VAL_NOTIMPL) return r;
    }
    if (op == CMP_EQ) return val_from_bool(a == b);
    if (op == CMP_NE) return val_from_bool(a != b);
    err_format(&exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
               cmp_symbols[op], ta->name, tb->name);
    return VAL_ERROR;
}

Value obj_compare_held(Value a, Value b, int op)
{
    incref(a);
    incref(b);
    Value r = obj_compare(a, b, op);
    decref(a);
    decref(b);
    return r;
}

int obj_compare_bool(Value a, Value b, int op)
{
    if (val_is_int(a) && val_is_int(b))
        return cmp_holds_i64(op, val_as_int(a), val_as_int(b));
    if (val_is_float(a) && val_is_float(b))
        return cmp_holds_double(op, val_as_float(a), val_as_float(b));
    Value r = obj_compare(a, b, op);
    if (r == VAL_TRUE) return 1;
    if (r == VAL_FALSE) return 0;
    if (r == VAL_ERROR) return -1;
    int t = obj_truth(r);
    decref(r);
    return t;
}

int obj_eq(Value a, Value b)
{
    if (a == b) return 1;
    if (val_is_int(a) && val_is_int(b)) return 0;
    if (val_is_str(a) && val_is_str(b)) return str_eq(val_as_str(a), val_as_str(b));
    return obj_compare_bool(a, b, CMP_EQ);
}

int64_t obj_len(Value v)
{
    Type *t = val_type(v);
    if (t->len) return t->len(v);
    err_format(&exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

Value obj_getitem(Value o, Value key)
{
    Type *t = val_type(o);
    if (t->getitem) return t->getitem(o, key);
    if (t == &type_type)
        err_format(&exc_TypeError, "type '%s' is not subscriptable", ((Type *)val_as_obj(o))->name);
    else
        err_format(&exc_TypeError, "'%s' object is not subscriptable", t->name);
    return VAL_ERROR;
}

int obj_setitem(Value o, Value key, Value v)
{
    Type *t = val_type(o);
    if (t->setitem) return t->setitem(o, key, v);
    err_format(&exc_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int obj_delitem(Value o, Value key)
{
    Type *t = val_type(o);
    if (t->setitem) return t->setitem(o, key, VAL_UNDEF);
    err_format(&exc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int obj_contains(Value o, Value x)
{
    Type *t = val_type(o);
    if (t->contains) return t->contains(o, x);
    if (!t->iter) {
        err_format(&exc_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Value it = t->iter(o);
    if (it == VAL_ERROR) return -1;
    int found = 0;
    for (;;) {
        Value v = obj_next(it);
        if (v == VAL_UNDEF) break;
        if (v == VAL_ERROR) {
            found = -1;
            break;
        }
        int eq = obj_eq(v, x);
        decref(v);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    decref(it);
    return found;
}

Value obj_iter(Value o)
{
    Type *t = val_type(o);
    if (t->iter) return t->iter(o);
    err_format(&exc_TypeError, "'%s' object is not iterable", t->name);
    return VAL_ERROR;
}

Value obj_next(Value it)
{
    Type *t = val_type(it);
    /* C loops over iterators (sum, min, list(), join, ...) pass here for
     * every item: ^C stops them, however long the iterable */
    if (intr_check() < 0) return VAL_ERROR;
    if (t->next) return t->next(it);
    err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
    return VAL_ERROR;
}

/* A function found in a type's dict, accessed through an instance. */
static Value bind_method(Value f, Value self)
{
    if (val_is_obj(f) && val_as_obj(f)->type == &builtin_type) {
        Builtin *b = (Builtin *)val_as_obj(f);
        if (b->self == VAL_UNDEF) return builtin_new(b->name, b->fn, self);
    }
    incref(f);
    return f;
}

static Value getattr_impl(Value o, Str *name);

/* Any AttributeError is given .name and .obj, as CPython's PyObject_GetAttr
 * does (they make the "Did you mean" hint when it is printed). */
Value obj_getattr(Value o, Str *name)
{
    Value r = getattr_impl(o, name);
    if (r == VAL_ERROR) exc_attribute_error_context(o, name);
    return r;
}

static Value getattr_impl(Value o, Str *name)
{
    Type *t = val_type(o);
    bool pending = false;          /* the type's getattr raised AttributeError */
    if (t->getattr) {
        Value r = t->getattr(o, name);
        if (r != VAL_UNDEF && r != VAL_ERROR) return r;
        if (r == VAL_ERROR) {
            /* a class's instances looked in the class already (and a
             * property getter's AttributeError must stand) */
            if (!err_matches(&exc_AttributeError) || (t->flags & TYPE_HEAPTYPE)) return VAL_ERROR;
            pending = true;
        }
    }
    Value f = type_lookup(t, name);
    if (f != VAL_UNDEF) {
        if (pending) err_clear();
        return bind_method(f, o);
    }
    if (!(t->flags & TYPE_HEAPTYPE) && str_eq_cstr(name, "__doc__")) {
        if (pending) err_clear();
        return static_type_attr(t, name);          /* (3).__doc__ is int's */
    }
    if (pending) return VAL_ERROR;
    if (str_eq_cstr(name, "__class__")) {
        obj_incref(t);
        return val_from_obj(t);
    }
    err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
    return VAL_ERROR;
}

Value obj_getattr_cstr(Value o, const char *name)
{
    Str *s = str_intern_cstr(name);
    if (!s) return VAL_ERROR;
    Value r = obj_getattr(o, s);
    obj_decref(s);
    return r;
}

int obj_setattr(Value o, Str *name, Value v)
{
    Type *t = val_type(o);
    if (t->setattr) return t->setattr(o, name, v);
    if (type_lookup(t, name) != VAL_UNDEF)
        err_format(&exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, name->data);
    else
        err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
    return -1;
}

Value obj_call(Value f, Value *args, int nargs, Tuple *kwnames)
{
    Type *t = val_type(f);
    if (t->call) return t->call(f, args, nargs, kwnames);
    err_format(&exc_TypeError, "'%s' object is not callable", t->name);
    return VAL_ERROR;
}

Value obj_get_method(Value o, Str *name, bool *is_method)
{
    Type *t = val_type(o);
    if (t->flags & TYPE_HEAPTYPE) {
        /* a plain function of an instance's class: called with self, no bound method built */
        Value f = class_lookup(t, name);
        if (f != VAL_UNDEF && val_is_obj(f) && val_as_obj(f)->type == &function_type) {
            Dict *d = *(Dict **)((char *)val_as_obj(o) + ((Class *)t)->dictoffset);
            if (!d || dict_get_str(d, name) == VAL_UNDEF) {
                *is_method = true;
                incref(f);
                return f;
            }
        }
    }
    if (!t->getattr) {
        Value f = type_lookup(t, name);
        if (f != VAL_UNDEF) {
            *is_method = val_is_obj(f) && val_as_obj(f)->type == &builtin_type &&
                         ((Builtin *)val_as_obj(f))->self == VAL_UNDEF;
            incref(f);
            return f;
        }
    }
    *is_method = false;
    return obj_getattr(o, name);
}
