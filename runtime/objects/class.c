/* class.c — classes defined in scr. A `class` statement becomes a heap type
 * (struct Class) whose Type slots point to the generic functions below, which
 * look the matching dunder up in the C3 method resolution order and call it,
 * so that every builtin and operator dispatches to user methods the way
 * CPython's slot wrappers do. Also: the `object` root type, instances with a
 * __dict__ (exception, list, dict and set subclasses keep their base's
 * layout and put the dict after it; str, int, float and tuple subclass
 * instances box a value of the base: class.h), the builtin bases' dunders
 * (list.__getitem__, str.__new__, ...), super, property, staticmethod,
 * classmethod, NotImplemented, __build_class__ and the `with` protocol.
 */
#include "objects/class.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "memory/mem.h"
#include "memory/gc.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/bytes.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/fileio.h"
#include "objects/textio.h"
#include "objects/generator.h"
#include "objects/range.h"
#include "objects/floatobj.h"
#include "objects/operators.h"
#include "objects/weakref.h"
#include "objects/format.h"
#include "objects/code.h"
#include "core/vmcall.h"

#define MRO_MAX 128

/* ---- small helpers ---- */

static Value new_ref(Value v) { incref(v); return v; }

static Value object_hash_m(Value *args, int nargs, Tuple *kw);
#define object_hash_fn object_hash_m

static bool is_type_val(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &type_type; }

static Dict **dictptr(Obj *o)
{
    Class *c = (Class *)o->type;
    return (Dict **)((char *)o + c->dictoffset);
}

static Value method_new(Value func, Value self)
{
    Method *m = obj_alloc(&method_type, sizeof(Method));
    if (!m) return VAL_ERROR;
    m->func = new_ref(func);
    m->self = new_ref(self);
    return val_from_obj(m);
}

/* f(first, *args) */
static Value call_prepend(Value f, Value first, Value *args, int nargs, Tuple *kw)
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

typedef struct Wrap { Obj ob; Value func; } Wrap;                 /* staticmethod, classmethod */
typedef struct Property { Obj ob; Value fget, fset, fdel, doc; } Property;
typedef struct Super { Obj ob; Type *type; Value obj; Type *objtype; } Super;

static bool is_plain_builtin(Value d)
{
    return val_is_obj(d) && val_as_obj(d)->type == &builtin_type && ((Builtin *)val_as_obj(d))->self == VAL_UNDEF;
}

/* d is one of object's own methods (object.__setattr__, ...): the default
 * behaviour, which the slots apply without calling it. */
static bool is_object_method(Value d);
/* str.upper as class_unbound_method wraps it */
static bool is_trampoline(Value d);

/* Call attribute d found in the class of self as a method: descriptor rules. */
static Value call_attr(Value d, Value self, Value *args, int nargs, Tuple *kw)
{
    Type *dt = val_type(d);
    if (dt == &function_type) return call_prepend(d, self, args, nargs, kw);
    if (is_trampoline(d)) d = ((Builtin *)val_as_obj(d))->self;      /* class C(str): up = str.upper */
    if (is_plain_builtin(d))
        return call_prepend(d, class_method_self(((Builtin *)val_as_obj(d))->fn, self), args, nargs, kw);
    if (dt == &staticmethod_type) return obj_call(((Wrap *)val_as_obj(d))->func, args, nargs, kw);
    if (dt == &classmethod_type)
        return call_prepend(((Wrap *)val_as_obj(d))->func, val_from_obj(val_type(self)), args, nargs, kw);
    return obj_call(d, args, nargs, kw);
}

/* d found in a class, accessed through instance self (or class: self == VAL_UNDEF). */
static Value descr_get(Value d, Value self, Type *owner)
{
    Type *dt = val_type(d);
    if (dt == &function_type) return self == VAL_UNDEF ? new_ref(d) : method_new(d, self);
    if (is_trampoline(d) && self != VAL_UNDEF) d = ((Builtin *)val_as_obj(d))->self;
    if (is_plain_builtin(d) && self == VAL_UNDEF) return class_unbound_method(d);
    if (is_plain_builtin(d) && self != VAL_UNDEF) {
        Builtin *b = (Builtin *)val_as_obj(d);
        if (strcmp(b->name, "__new__") == 0) return new_ref(d);
        return builtin_new(b->name, b->fn, class_method_self(b->fn, self));
    }
    if (dt == &builtin_type && owner && type_is_heap(owner) && is_type_val(((Builtin *)val_as_obj(d))->self)) {
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

/* ---- the MRO ---- */

/* t followed by its MRO; static types: the base chain then object. */
static int mro_of(Type *t, Type **out, int max)
{
    int n = 0;
    if (type_is_heap(t)) {
        Class *c = (Class *)t;
        out[n++] = t;
        for (int64_t i = 0; c->mro && i < c->mro->len && n < max; i++)
            out[n++] = (Type *)val_as_obj(c->mro->items[i]);
        return n;
    }
    for (Type *x = t; x && n < max - 1; x = x->base) out[n++] = x;
    if (out[n - 1] != &object_type) out[n++] = &object_type;
    return n;
}

static Value dict_of(Type *x, Str *name)
{
    if (!x->dict) type_ready(x);
    return x->dict ? dict_get_str(x->dict, name) : VAL_UNDEF;
}

/* ---- the attribute lookup cache ----
 * Looking a name up through the MRO costs one hash probe per class; method
 * calls and attribute accesses do it all the time. Like CPython's type
 * method cache, results are kept per (class, interned name) and are valid
 * while class_epoch is unchanged: it moves whenever a class namespace may
 * change (setattr/delattr on a class, a class created, cleared or freed).
 * The one other way to change a namespace, mutating C.__dict__ in place
 * (CPython forbids it: a mappingproxy), marks the class CLASS_DICT_EXPOSED
 * and lookups through such a class are never cached. */
uint64_t class_epoch = 1;

typedef struct MCEntry {
    Type *t;
    Str *name;           /* interned: immortal while the interpreter lives */
    uint64_t epoch;
    Value v;             /* borrowed from a class dict, VAL_UNDEF: missing */
    bool heap_owner;     /* found in a class, not in a builtin type */
} MCEntry;

#define MC_SIZE 2048
static MCEntry mcache[MC_SIZE];

/* Interned names of the dunders the slots look up, by C string. */
typedef struct NameEntry { const char *c; Str *s; } NameEntry;
#define NC_SIZE 128
static NameEntry ncache[NC_SIZE];

/* Behind the sites' caches, one shared by all sites, per (class, name):
 * a site that sees several classes (a method of a base class called on
 * instances of its subclasses) refills from here cheaply. */
typedef struct ACEntry { Str *name; AttrCache ac; } ACEntry;
#define AC_SIZE 1024
static ACEntry acache[AC_SIZE];
static Str *setattr_name, *getattr_name, *init_name, *new_name;   /* interned (borrowed); reset with the caches */

static Str *cached_name(const char *name);

/* The names the hot paths look up, interned once per interpreter. */
static bool hot_names(void)
{
    if (setattr_name) return true;
    setattr_name = cached_name("__setattr__");
    getattr_name = cached_name("__getattr__");
    init_name = cached_name("__init__");
    new_name = cached_name("__new__");
    if (setattr_name && getattr_name && init_name && new_name) return true;
    setattr_name = NULL;
    err_clear();
    return false;
}

void class_cache_reset(void)
{
    memset(mcache, 0, sizeof mcache);
    memset(ncache, 0, sizeof ncache);
    memset(acache, 0, sizeof acache);
    setattr_name = getattr_name = init_name = new_name = NULL;
    class_epoch++;
}

/* The interned Str for a C string (borrowed: the intern table keeps it). */
static Str *cached_name(const char *name)
{
    NameEntry *e = &ncache[((uintptr_t)name >> 3) & (NC_SIZE - 1)];
    if (e->c == name && e->s && strcmp(e->s->data, name) == 0) return e->s;
    Str *s = str_intern_cstr(name);
    if (!s) return NULL;
    obj_decref(s);       /* the intern table holds it */
    e->c = name;
    e->s = s;
    return s;
}

static Value lookup_uncached(Type *t, Str *name, bool *heap_owner, bool *cacheable)
{
    Type *m[MRO_MAX];
    int n = mro_of(t, m, MRO_MAX);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        if (m[i]->flags & CLASS_DICT_EXPOSED) ok = false;
        Value v = dict_of(m[i], name);
        if (v != VAL_UNDEF) {
            *heap_owner = type_is_heap(m[i]);
            for (i++; i < n && ok; i++) if (m[i]->flags & CLASS_DICT_EXPOSED) ok = false;
            *cacheable = ok;
            return v;
        }
    }
    *heap_owner = false;
    *cacheable = ok;
    return VAL_UNDEF;
}

static Value lookup_ex(Type *t, Str *name, bool *heap_owner, bool *cacheable)
{
    if (!type_is_heap(t) || !name->interned) return lookup_uncached(t, name, heap_owner, cacheable);
    uintptr_t h = ((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3) ^ ((uintptr_t)name >> 11);
    MCEntry *e = &mcache[h & (MC_SIZE - 1)];
    if (e->t == t && e->name == name && e->epoch == class_epoch) {
        *heap_owner = e->heap_owner;
        *cacheable = true;
        return e->v;
    }
    Value v = lookup_uncached(t, name, heap_owner, cacheable);
    if (*cacheable) {
        e->t = t;
        e->name = name;
        e->epoch = class_epoch;
        e->v = v;
        e->heap_owner = *heap_owner;
    }
    return v;
}

Value class_lookup(Type *t, Str *name)
{
    bool heap_owner, cacheable;
    return lookup_ex(t, name, &heap_owner, &cacheable);
}

Value class_lookup_cstr(Type *t, const char *name)
{
    Str *s = cached_name(name);
    if (!s) { err_clear(); return VAL_UNDEF; }
    return class_lookup(t, s);
}

/* Is the first definition of name in t's MRO in a class (not a builtin type)? */
static bool user_defined(Type *t, const char *name)
{
    Str *s = cached_name(name);
    if (!s) { err_clear(); return false; }
    bool heap_owner, cacheable;
    return lookup_ex(t, s, &heap_owner, &cacheable) != VAL_UNDEF && heap_owner;
}

bool class_user_defined(Type *t, const char *name)
{
    return type_is_heap(t) && user_defined(t, name);
}

/* name's first definition in t's MRO (borrowed, VAL_UNDEF) and whether a
 * class (rather than a builtin type) holds it. */
static Value lookup_owned(Type *t, const char *name, bool *heap_owner)
{
    Str *s = cached_name(name);
    *heap_owner = false;
    if (!s) { err_clear(); return VAL_UNDEF; }
    bool cacheable;
    return lookup_ex(t, s, heap_owner, &cacheable);
}

/* Instances laid out as a builtin container (list, dict, set, frozenset). */
static bool is_layout_solid(Type *s)
{
    return s == &list_type || s == &dict_type || s == &set_type || s == &frozenset_type;
}

static bool is_boxed_solid(Type *s)
{
    return s == &int_type || s == &float_type || s == &str_type || s == &tuple_type;
}

bool class_is_subtype(Type *t, Type *base)
{
    if (t == base || base == &object_type) return true;
    Type *m[MRO_MAX];
    int n = mro_of(t, m, MRO_MAX);
    for (int i = 0; i < n; i++)
        if (m[i] == base) return true;
    return false;
}

/* C3 linearization of bases: out receives the MRO without the new class. */
static int c3_merge(Tuple *bases, Type **out, int max)
{
    int nseq = (int)bases->len + 1;
    Type *seqs[nseq][MRO_MAX];
    int len[nseq], pos[nseq];
    for (int i = 0; i < (int)bases->len; i++) {
        len[i] = mro_of((Type *)val_as_obj(bases->items[i]), seqs[i], MRO_MAX);
        pos[i] = 0;
    }
    len[nseq - 1] = (int)bases->len;
    pos[nseq - 1] = 0;
    for (int i = 0; i < (int)bases->len; i++) seqs[nseq - 1][i] = (Type *)val_as_obj(bases->items[i]);
    int n = 0;
    for (;;) {
        bool empty = true;
        for (int i = 0; i < nseq; i++) if (pos[i] < len[i]) empty = false;
        if (empty) return n;
        Type *cand = NULL;
        for (int i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= len[i]) continue;
            Type *h = seqs[i][pos[i]];
            bool in_tail = false;
            for (int j = 0; j < nseq && !in_tail; j++)
                for (int k = pos[j] + 1; k < len[j]; k++)
                    if (seqs[j][k] == h) { in_tail = true; break; }
            if (!in_tail) cand = h;
        }
        if (!cand || n >= max) {
            StrBuf b;
            sb_init(&b);
            sb_puts(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
            for (int i = 0; i < (int)bases->len; i++)
                sb_printf(&b, "%s %s", i ? "," : "", ((Type *)val_as_obj(bases->items[i]))->name);
            Value msg = sb_finish(&b);
            if (msg != VAL_ERROR) {
                err_set(&exc_TypeError, val_as_str(msg)->data);
                decref(msg);
            }
            return -1;
        }
        out[n++] = cand;
        for (int i = 0; i < nseq; i++)
            if (pos[i] < len[i] && seqs[i][pos[i]] == cand) pos[i]++;
    }
}

/* ---- calling dunders from slots ---- */

static Value call_dunder(Value self, const char *name, Value *args, int nargs)
{
    Value d = class_lookup_cstr(val_type(self), name);
    if (d == VAL_UNDEF) {
        err_set(&exc_AttributeError, name);
        return VAL_ERROR;
    }
    incref(d);   /* the call may rebind the class attribute */
    Value r = call_attr(d, self, args, nargs, NULL);
    decref(d);
    return r;
}

static Value slot_repr(Value v)
{
    Value r = call_dunder(v, "__repr__", NULL, 0);
    if (r != VAL_ERROR && !val_is_str(r)) {
        err_format(&exc_TypeError, "__repr__ returned non-string (type %s)", val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

static Value slot_str(Value v)
{
    Value r = call_dunder(v, "__str__", NULL, 0);
    if (r != VAL_ERROR && !val_is_str(r)) {
        err_format(&exc_TypeError, "__str__ returned non-string (type %s)", val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

static int64_t pointer_hash(const void *p)
{
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    int64_t h = (int64_t)y;
    return h == -1 ? -2 : h;
}

static int slot_hash(Value v, int64_t *out)
{
    Type *t = val_type(v);
    bool heap_owner;
    Value d = lookup_owned(t, "__hash__", &heap_owner);
    if (d == VAL_NONE) {
        err_format(&exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    if (d == VAL_UNDEF || !heap_owner || (is_plain_builtin(d) && ((Builtin *)val_as_obj(d))->fn == object_hash_fn)) {
        /* the builtin base's hash: by identity for object, by value for
         * str, int, float, tuple, frozenset (list, dict, set have None) */
        Type *s = ((Class *)t)->solid;
        if (s == &object_type || (s->flags & TYPE_EXCEPTION) || d == VAL_UNDEF ||
            (is_plain_builtin(d) && ((Builtin *)val_as_obj(d))->fn == object_hash_fn)) {
            *out = pointer_hash(val_as_obj(v));
            return 0;
        }
        if (!s->hash) {
            err_format(&exc_TypeError, "unhashable type: '%s'", t->name);
            return -1;
        }
        return s->hash(val_unbox(v), out);
    }
    Value r = call_attr(d, v, NULL, 0, NULL);
    if (r == VAL_ERROR) return -1;
    if (!val_is_int(r) && !val_isinstance(r, &int_type)) {
        decref(r);
        err_set(&exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* As CPython: a result that fits in 64 bits is the hash itself (-1
     * becomes -2); a bigger one is reduced as hash(int) does. */
    Value u = val_unbox(r);
    int64_t h;
    if (int_to_i64(u, &h) == 0) {
        decref(r);
        *out = h == -1 ? -2 : h;
        return 0;
    }
    err_clear();                     /* OverflowError: too big for 64 bits */
    int rc = obj_hash(u, out);
    decref(r);
    return rc;
}

static const char *const cmp_names[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };

static const int cmp_swapped[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };

/* The comparison of a boxed instance's value: its base's slot on the
 * unboxed operands, then (for a builtin right operand) the reflection. */
static Value box_compare(Value a, Value b, int op)
{
    Value ua = val_unbox(a), ub = val_unbox(b);
    Type *sa = val_type(ua), *sb = val_type(ub);
    if (sa->compare) {
        Value r = sa->compare(ua, ub, op);
        if (r != VAL_NOTIMPL) return r;
    }
    if (sb != sa && !type_is_heap(sb) && sb->compare) return sb->compare(ub, ua, cmp_swapped[op]);
    return VAL_NOTIMPL;
}

/* a op b as the builtin base of a's class compares (VAL_NOTIMPL for object). */
static Value base_compare(Value a, Value b, int op)
{
    Class *c = (Class *)val_type(a);
    if (c->t.flags & CLASS_BOXED) return box_compare(a, b, op);
    if (is_layout_solid(c->solid)) return c->solid->compare(a, b, op);
    return VAL_NOTIMPL;
}

static Value slot_compare(Value a, Value b, int op)
{
    Type *t = val_type(a);
    bool heap_owner;
    Value d = lookup_owned(t, cmp_names[op], &heap_owner);
    if (d != VAL_UNDEF && heap_owner && !is_plain_builtin(d)) {
        incref(d);
        Value r = call_attr(d, a, &b, 1, NULL);
        decref(d);
        if (r == val_from_obj(&class_notimplemented)) {
            decref(r);
            return VAL_NOTIMPL;
        }
        return r;
    }
    /* not defined by a class: the builtin base's comparison */
    if (is_layout_solid(((Class *)t)->solid) || (t->flags & CLASS_BOXED)) return base_compare(a, b, op);
    if (op == CMP_NE) {
        /* object.__ne__: the inverse of __eq__ unless that is NotImplemented */
        Value e = class_lookup_cstr(t, "__eq__");
        if (e == VAL_UNDEF || is_object_method(e)) return VAL_NOTIMPL;
        incref(e);
        Value r = call_attr(e, a, &b, 1, NULL);
        decref(e);
        if (r == VAL_ERROR) return VAL_ERROR;
        if (r == val_from_obj(&class_notimplemented)) {
            decref(r);
            return VAL_NOTIMPL;
        }
        int tr = obj_truth(r);
        decref(r);
        if (tr < 0) return VAL_ERROR;
        return val_from_bool(!tr);
    }
    return VAL_NOTIMPL;
}

static int slot_bool(Value v)
{
    Value r = call_dunder(v, "__bool__", NULL, 0);
    if (r == VAL_ERROR) return -1;
    if (!val_is_bool(r)) {
        err_format(&exc_TypeError, "__bool__ should return bool, returned %s", val_type_name(r));
        decref(r);
        return -1;
    }
    return r == VAL_TRUE;
}

static int64_t slot_len(Value v)
{
    Value r = call_dunder(v, "__len__", NULL, 0);
    if (r == VAL_ERROR) return -1;
    if (val_is_boxed(r) && val_is_intlike(val_unbox(r))) {     /* an int subclass instance: its value */
        Value u = new_ref(val_unbox(r));
        decref(r);
        r = u;
    }
    if (!val_is_int(r) && !val_is_bool(r)) {
        if (val_isinstance(r, &int_type)) {
            decref(r);
            err_set(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(r));
        decref(r);
        return -1;
    }
    int64_t n = val_is_bool(r) ? (r == VAL_TRUE) : val_as_int(r);
    if (n < 0) {
        err_set(&exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Value slot_getitem(Value o, Value key)
{
    return call_dunder(o, "__getitem__", &key, 1);
}

static int slot_setitem(Value o, Value key, Value v)
{
    Value args[2] = { key, v };
    Value r = v == VAL_UNDEF ? call_dunder(o, "__delitem__", args, 1) : call_dunder(o, "__setitem__", args, 2);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

static int slot_contains(Value o, Value x)
{
    Value r = call_dunder(o, "__contains__", &x, 1);
    if (r == VAL_ERROR) return -1;
    int t = obj_truth(r);
    decref(r);
    return t;
}

static Value slot_iter(Value o)
{
    Value r = call_dunder(o, "__iter__", NULL, 0);
    if (r == VAL_ERROR) return r;
    if (!val_type(r)->next) {
        err_format(&exc_TypeError, "iter() returned non-iterator of type '%s'", val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

static Value slot_next(Value it)
{
    Value r = call_dunder(it, "__next__", NULL, 0);
    if (r == VAL_ERROR && err_matches(&exc_StopIteration)) {
        err_clear();
        return VAL_UNDEF;
    }
    return r;
}

static Value slot_call(Value self, Value *args, int nargs, Tuple *kw)
{
    Value d = class_lookup_cstr(val_type(self), "__call__");
    if (d == VAL_UNDEF) {
        err_format(&exc_TypeError, "'%s' object is not callable", val_type_name(self));
        return VAL_ERROR;
    }
    incref(d);
    Value r = call_attr(d, self, args, nargs, kw);
    decref(d);
    return r;
}

/* ---- iteration through __getitem__ (the old sequence protocol) ---- */

typedef struct SeqIter { Obj ob; Value seq; int64_t i; } SeqIter;

static void seqiter_dealloc(Obj *o) { xdecref(((SeqIter *)o)->seq); obj_free(o); }
static void seqiter_traverse(Obj *o, VisitProc visit, void *arg)
{
    SeqIter *s = (SeqIter *)o;
    if (s->seq != VAL_UNDEF && val_is_obj(s->seq)) visit(val_as_obj(s->seq), arg);
}
static void seqiter_clear(Obj *o)
{
    SeqIter *s = (SeqIter *)o;
    Value v = s->seq;
    s->seq = VAL_UNDEF;
    xdecref(v);
}
static Value seqiter_self(Value v) { return new_ref(v); }
static Value seqiter_next(Value v)
{
    SeqIter *s = (SeqIter *)val_as_obj(v);
    if (s->seq == VAL_UNDEF) return VAL_UNDEF;
    Value r = obj_getitem(s->seq, val_from_int(s->i));
    if (r == VAL_ERROR) {
        if (err_matches(&exc_IndexError) || err_matches(&exc_StopIteration)) {
            err_clear();
            Value q = s->seq;
            s->seq = VAL_UNDEF;
            decref(q);
            return VAL_UNDEF;
        }
        return VAL_ERROR;
    }
    s->i++;
    return r;
}

static Type seqiter_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "iterator", .size = sizeof(SeqIter),
    .flags = TYPE_CONTAINER, .dealloc = seqiter_dealloc, .iter = seqiter_self, .next = seqiter_next,
    .traverse = seqiter_traverse, .clear = seqiter_clear,
};

static Value slot_seq_iter(Value o)
{
    SeqIter *s = obj_alloc(&seqiter_type, sizeof(SeqIter));
    if (!s) return VAL_ERROR;
    s->seq = new_ref(o);
    s->i = 0;
    return val_from_obj(s);
}

/* ---- instances ---- */

/* The collector clears cyclic garbage only after every finalizer in it has
 * run (gc.c), so __del__ is not called from here. */
static void inst_clear(Obj *o)
{
    Class *c = (Class *)o->type;
    Dict **dp = dictptr(o);
    Dict *d = *dp;
    *dp = NULL;
    if (d) obj_decref(d);
    /* a boxed value stays: it is immutable (a str, int, float or tuple,
     * which the collector clears on its own when it is in the cycle) */
    if (c->solid->clear && !(c->t.flags & CLASS_BOXED)) c->solid->clear(o);
}

/* type->finalize of a class with __del__ (PEP 442): called once, by the
 * collector or by inst_dealloc; an exception is reported, not raised. */
static void inst_finalize(Obj *o)
{
    Class *c = (Class *)o->type;
    if (!vm_running()) return;        /* too late at exit: no frame to run it in */
    Value f = class_lookup_cstr(&c->t, "__del__");
    if (f == VAL_UNDEF) return;
    Value saved = err_fetch();
    incref(f);
    Value r = call_attr(f, val_from_obj(o), NULL, 0, NULL);
    if (r == VAL_ERROR) err_write_unraisable(f);
    else decref(r);
    decref(f);
    if (saved != VAL_UNDEF) err_set_exc(saved);
}

static void inst_dealloc(Obj *o)
{
    Class *c = (Class *)o->type;
    gc_untrack(o);
    if (c->t.finalize && gc_finalize_from_dealloc(o)) return;
    weakref_dealloc_hook(o);
    Dict **dp = dictptr(o);
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
static void inst_traverse(Obj *o, VisitProc visit, void *arg)
{
    Class *c = (Class *)o->type;
    Dict *d = *dictptr(o);
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

static Dict *inst_dict(Obj *o)
{
    Dict **dp = dictptr(o);
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
    Dict *dict = *dictptr(ob);
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
static Value inst_getattr(Value o, Str *name)
{
    Value r = inst_getattribute(o, name);
    if (r != VAL_ERROR) return r;
    Value ga = class_lookup_cstr(val_as_obj(o)->type, "__getattr__");
    if (ga == VAL_UNDEF || is_object_method(ga) || !err_matches(&exc_AttributeError)) return VAL_ERROR;
    err_clear();
    Value n = str_val(name);
    incref(ga);
    r = call_attr(ga, o, &n, 1, NULL);
    decref(ga);
    return r;
}

static int inst_setattr(Value o, Str *name, Value v)
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
    if (sa != VAL_UNDEF && !is_object_method(sa) && v != VAL_UNDEF) {
        Value args[2] = { str_val(name), v };
        incref(sa);
        Value r = call_attr(sa, o, args, 2, NULL);
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

/* object.__setattr__(self, name, value): the plain instance-dict store. */
static Value object_setattr_m(Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw("__setattr__", kw) < 0) return VAL_ERROR;
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

/* ---- attribute access with the VM's inline caches (class.h: AttrCache) ----
 * Each LOAD_ATTR / LOAD_METHOD / STORE_ATTR site remembers, for the class it
 * last saw, what the class says about the name (nothing, a function, a
 * property, another attribute) and where the name sat in the instance dict;
 * the answers are those of inst_getattr / inst_setattr, valid while
 * class_epoch holds. */

static inline ACEntry *acache_slot(Type *t, Str *name)
{
    uintptr_t h = ((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3) ^ ((uintptr_t)name >> 12);
    return &acache[h & (AC_SIZE - 1)];
}

static bool attr_cache_fill(Type *t, Str *name, AttrCache *c)
{
    if (!type_is_heap(t) || !name->interned) return false;
    ACEntry *g = acache_slot(t, name);
    if (g->ac.type == t && g->name == name && g->ac.epoch == class_epoch) {
        int32_t hint = c->type == t && g->ac.hint < 0 ? c->hint : g->ac.hint;
        *c = g->ac;
        c->hint = hint;
        return true;
    }
    if (name->data[0] == '_' && name->data[1] == '_' &&
        (str_eq_cstr(name, "__dict__") || str_eq_cstr(name, "__class__")))
        return false;
    if (!hot_names()) return false;
    bool heap_owner, cacheable, cacheable2;
    Value d = lookup_ex(t, name, &heap_owner, &cacheable);
    Value sa = lookup_ex(t, setattr_name, &heap_owner, &cacheable2);
    if (!cacheable || !cacheable2) return false;
    Value ga = lookup_ex(t, getattr_name, &heap_owner, &cacheable2);
    if (!cacheable2) return false;
    if (c->type != t) c->hint = -1;
    c->type = t;
    c->epoch = class_epoch;
    c->descr = d;
    c->aux = VAL_UNDEF;
    Type *dt = d == VAL_UNDEF ? NULL : val_type(d);
    if (!dt) c->kind = AC_DICT;
    else if (dt == &function_type) c->kind = AC_METHOD;
    else if (dt == &property_type) {
        c->kind = AC_PROPERTY;
        c->aux = ((Property *)val_as_obj(d))->fget;
    } else c->kind = AC_OTHER;
    if (c->kind != AC_PROPERTY && (sa == VAL_UNDEF || is_object_method(sa))) c->kind |= AC_STORE_DICT;
    if (ga != VAL_UNDEF && !is_object_method(ga)) c->kind |= AC_HAS_GETATTR;
    g->name = name;
    g->ac = *c;
    return true;
}

/* name in the instance dict d, through the remembered entry index. */
static Value dict_probe(Dict *d, Str *name, AttrCache *c)
{
    Value key = str_val(name);
    int64_t i = c->hint;
    if (i >= 0 && i < d->nentries && d->entries[i].key == key) return d->entries[i].value;
    Value v = dict_get_str(d, name);
    if (v != VAL_UNDEF && d->nentries <= 64) {
        for (i = 0; i < d->nentries; i++)
            if (d->entries[i].key == key) {
                c->hint = (int32_t)i;
                ACEntry *g = acache_slot(c->type, name);
                if (g->ac.type == c->type && g->name == name) g->ac.hint = (int32_t)i;
                break;
            }
    }
    return v;
}

/* A property's getter raised AttributeError: CPython then tries __getattr__. */
static Value getattr_fallback(Value o, Str *name)
{
    Value ga = class_lookup_cstr(val_type(o), "__getattr__");
    if (ga == VAL_UNDEF || is_object_method(ga) || !err_matches(&exc_AttributeError)) return VAL_ERROR;
    err_clear();
    Value n = str_val(name);
    incref(ga);
    Value r = call_attr(ga, o, &n, 1, NULL);
    decref(ga);
    return r;
}

Value class_getattr_cached(Value o, Str *name, AttrCache *c)
{
    Obj *ob = val_as_obj(o);
    Type *t = ob->type;
    if ((c->type != t || c->epoch != class_epoch) && !attr_cache_fill(t, name, c)) return inst_getattr(o, name);
    Value d = c->descr;
    if ((c->kind & AC_KIND) == AC_PROPERTY) {
        incref(d);
        Value r = descr_get(d, o, t);
        decref(d);
        return r == VAL_ERROR ? getattr_fallback(o, name) : r;
    }
    Dict *dict = *dictptr(ob);
    if (dict) {
        Value v = dict_probe(dict, name, c);
        if (v != VAL_UNDEF) return new_ref(v);
    }
    if (d != VAL_UNDEF) return descr_get(d, o, t);
    return inst_getattr(o, name);
}

Value class_getmethod_cached(Value o, Str *name, AttrCache *c, bool *is_method)
{
    Obj *ob = val_as_obj(o);
    Type *t = ob->type;
    *is_method = false;
    if ((c->type != t || c->epoch != class_epoch) && !attr_cache_fill(t, name, c)) return inst_getattr(o, name);
    if ((c->kind & AC_KIND) == AC_METHOD) {
        Dict *dict = *dictptr(ob);
        if (!dict || dict_get_str(dict, name) == VAL_UNDEF) {
            *is_method = true;
            return new_ref(c->descr);
        }
    }
    return class_getattr_cached(o, name, c);
}

int class_setattr_cached(Value o, Str *name, Value v, AttrCache *c)
{
    Obj *ob = val_as_obj(o);
    Type *t = ob->type;
    if (v != VAL_UNDEF && (c->type == t && c->epoch == class_epoch ? true : attr_cache_fill(t, name, c)) &&
        (c->kind & AC_STORE_DICT)) {
        Dict *dict = inst_dict(ob);
        if (!dict || dict_set_str(dict, name, v) < 0) return -1;
        if (c->type == t) (void)dict_probe(dict, name, c);     /* learn where it went */
        return 0;
    }
    return inst_setattr(o, name, v);
}

/* A new instance of class c made as its builtin base makes one: the
 * arguments go to the base's constructor when the value is fixed at
 * creation (exceptions, frozenset, str, int, float, tuple); list, dict and
 * set instances start empty and their __init__ fills them. */
static Value inst_alloc(Class *c, Value *args, int nargs, Tuple *kw)
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


/* Calling a class: __new__ then __init__. */
static Value base_init_body(Type *s, Value self, Value *rest, int nrest, Tuple *kw);

static Value class_new(Type *t, Value *args, int nargs, Tuple *kw)
{
    Class *c = (Class *)t;
    Value cls = val_from_obj(t);
    bool unew = user_defined(t, "__new__"), uinit = user_defined(t, "__init__");
    Value obj;
    if (unew) {
        Value f = class_lookup_cstr(t, "__new__");
        if (val_type(f) == &staticmethod_type) f = ((Wrap *)val_as_obj(f))->func;
        incref(f);
        obj = call_prepend(f, cls, args, nargs, kw);
        decref(f);
        if (obj == VAL_ERROR) return VAL_ERROR;
        if (!val_isinstance(obj, t)) return obj;
    } else {
        if (!uinit && (nargs || (kw && kw->len)) && c->solid == &object_type) {
            err_format(&exc_TypeError, "%s() takes no arguments", t->name);
            return VAL_ERROR;
        }
        bool exc_kw = (c->solid->flags & TYPE_EXCEPTION) && !uinit && kw && kw->len;
        if (exc_kw && !exc_takes_keywords(c->solid)) {
            err_format(&exc_TypeError, "%s() takes no keyword arguments", t->name);
            return VAL_ERROR;
        }
        obj = inst_alloc(c, args, nargs, kw);
        if (obj == VAL_ERROR) return VAL_ERROR;
        if (exc_kw && exc_apply_keywords(obj, args + nargs, kw) < 0) {     /* name=, obj= */
            decref(obj);
            return VAL_ERROR;
        }
    }
    if (uinit) {
        Value f = class_lookup_cstr(val_type(obj), "__init__");
        incref(f);
        Value r = call_attr(f, obj, args, nargs, kw);
        decref(f);
        if (r == VAL_ERROR) { decref(obj); return VAL_ERROR; }
        if (r != VAL_NONE) {
            err_format(&exc_TypeError, "__init__() should return None, not '%s'", val_type_name(r));
            decref(r);
            decref(obj);
            return VAL_ERROR;
        }
    } else {
        Type *s = type_solid(val_type(obj));
        if (s == &list_type || s == &dict_type || s == &set_type) {   /* list.__init__(obj, *args) ... */
            Value r = base_init_body(s, obj, args, nargs, kw);
            if (r == VAL_ERROR) { decref(obj); return VAL_ERROR; }
        }
    }
    return obj;
}

Value class_new_for_init(Type *t, Function **init)
{
    Class *c = (Class *)t;
    if (!type_is_heap(t) || c->solid != &object_type || !hot_names()) return VAL_UNDEF;
    bool heap_owner, cacheable;
    if (lookup_ex(t, new_name, &heap_owner, &cacheable) != VAL_UNDEF && heap_owner) return VAL_UNDEF;
    Value f = lookup_ex(t, init_name, &heap_owner, &cacheable);
    if (!val_is_obj(f) || val_as_obj(f)->type != &function_type) return VAL_UNDEF;
    Function *fn = (Function *)val_as_obj(f);
    if (fn->code->flags & CO_GENERATOR) return VAL_UNDEF;
    *init = fn;
    return inst_alloc(c, NULL, 0, NULL);
}

/* ---- slots of classes deriving from a boxed builtin (str, int, float,
 * tuple): the base's slot on the value the instance holds ---- */

static Value box_repr(Value v) { return obj_repr(val_unbox(v)); }
static Value box_str(Value v) { return obj_str(val_unbox(v)); }
static int box_truth(Value v) { return obj_truth(val_unbox(v)); }
static int64_t box_len(Value v) { return obj_len(val_unbox(v)); }
static Value box_getitem(Value o, Value key) { return obj_getitem(val_unbox(o), key); }
static int box_contains(Value o, Value x) { return obj_contains(val_unbox(o), x); }
static Value box_iter(Value o) { return obj_iter(val_unbox(o)); }

/* d[key] on a dict subclass defining __missing__ (CPython's dict_subscript). */
static Value slot_dict_missing(Value o, Value key)
{
    Value v = dict_get(val_as_dict(o), key);
    if (v == VAL_ERROR) return VAL_ERROR;
    if (v != VAL_UNDEF) return new_ref(v);
    return call_dunder(o, "__missing__", &key, 1);
}

static void class_fix_slots(Class *c)
{
    Type *t = &c->t, *s = c->solid;
    if (t->flags & CLASS_BOXED) {
        t->repr = box_repr;
        t->str = s->str ? box_str : NULL;
        t->compare = box_compare;
        t->truth = s->truth ? box_truth : NULL;
        t->len = s->len ? box_len : NULL;
        t->getitem = s->getitem ? box_getitem : NULL;
        t->setitem = NULL;
        t->contains = s->contains ? box_contains : NULL;
        t->iter = s->iter ? box_iter : NULL;
        t->next = NULL;
        t->call = NULL;
    } else {
        t->repr = s->repr;
        t->str = s->str;
        t->compare = s->compare;
        t->truth = s->truth;
        t->len = s->len;
        t->getitem = s->getitem;
        t->setitem = s->setitem;
        t->contains = s->contains;
        t->iter = s->iter;
        t->next = s->next;
        t->call = s->call;
    }
    Value (*base_iter)(Value) = t->iter;
    t->hash = slot_hash;
    t->dealloc = inst_dealloc;
    t->traverse = inst_traverse;
    t->clear = inst_clear;
    t->getattr = inst_getattr;
    t->setattr = inst_setattr;
    t->new = class_new;
    if (user_defined(t, "__repr__")) t->repr = slot_repr;
    if (user_defined(t, "__str__")) t->str = slot_str;
    for (int i = 0; i < 6; i++)
        if (user_defined(t, cmp_names[i])) t->compare = slot_compare;
    if (user_defined(t, "__bool__")) t->truth = slot_bool;
    if (user_defined(t, "__len__")) t->len = slot_len;
    if (user_defined(t, "__getitem__")) {
        t->getitem = slot_getitem;
        if (!base_iter) t->iter = slot_seq_iter;   /* list, str, ... keep their own iteration */
    } else if (s == &dict_type && user_defined(t, "__missing__")) {
        t->getitem = slot_dict_missing;
    }
    if (user_defined(t, "__setitem__") || user_defined(t, "__delitem__")) t->setitem = slot_setitem;
    if (user_defined(t, "__contains__")) t->contains = slot_contains;
    if (user_defined(t, "__iter__")) t->iter = slot_iter;
    if (user_defined(t, "__next__")) t->next = slot_next;
    if (user_defined(t, "__call__")) t->call = slot_call;
    c->has_del = user_defined(t, "__del__");
    t->finalize = c->has_del ? inst_finalize : NULL;
}

/* ---- creating classes ---- */

static Value class_create(Str *name, Tuple *bases, Dict *ns)
{
    Tuple *own_bases = NULL;
    if (bases->len == 0) {
        own_bases = tuple_pack(1, val_from_obj(&object_type));
        if (!own_bases) return VAL_ERROR;
        bases = own_bases;
    } else {
        obj_incref(bases);
        own_bases = bases;
    }
    Type *solid = &object_type;
    for (int64_t i = 0; i < bases->len; i++) {
        Value b = bases->items[i];
        if (!is_type_val(b)) {
            err_set(&exc_TypeError, "bases must be types");
            goto fail;
        }
        Type *bt = (Type *)val_as_obj(b);
        Type *bs = type_is_heap(bt) ? ((Class *)bt)->solid : bt;
        if (bs != &object_type && !(bs->flags & TYPE_EXCEPTION) && !is_layout_solid(bs) && !is_boxed_solid(bs)) {
            if (bs == &bool_type || bs == &none_type || !(bs->flags & TYPE_BASETYPE))
                err_format(&exc_TypeError, "type '%s' is not an acceptable base type", bs->name);
            else
                err_format(&exc_TypeError, "subclassing '%s' is not supported by scr yet", bs->name);
            goto fail;
        }
        for (int64_t j = 0; j < i; j++)
            if (bases->items[j] == b) {
                err_format(&exc_TypeError, "duplicate base class %s", bt->name);
                goto fail;
            }
        if (type_is_subtype(bs, solid)) solid = bs;
        else if (!type_is_subtype(solid, bs)) {
            err_set(&exc_TypeError, "multiple bases have instance lay-out conflict");
            goto fail;
        }
    }
    /* as type.__new__: a class without a docstring has __doc__ None of its
     * own (it does not inherit its base's) */
    if (dict_get_cstr(ns, "__doc__") == VAL_UNDEF && dict_set_cstr(ns, "__doc__", VAL_NONE) < 0) goto fail;
    Type *m[MRO_MAX];
    int nm = c3_merge(bases, m, MRO_MAX - 1);
    if (nm < 0) goto fail;
    Tuple *mro = tuple_new(nm);
    if (!mro) goto fail;
    for (int i = 0; i < nm; i++) {
        obj_incref(m[i]);
        mro->items[i] = val_from_obj(m[i]);
    }
    Class *c = obj_alloc(&type_type, sizeof(Class));
    if (!c) {
        obj_decref(mro);
        goto fail;
    }
    memset((char *)c + sizeof(Obj), 0, sizeof(Class) - sizeof(Obj));
    c->name = name;
    obj_incref(name);
    Value qn = dict_get_cstr(ns, "__qualname__");
    if (val_is_str(qn)) {
        c->qualname = val_as_str(qn);
        obj_incref(c->qualname);
    } else {
        c->qualname = name;
        obj_incref(name);
    }
    if (qn != VAL_UNDEF) {     /* as type.__new__: __qualname__ is not a class attribute */
        Str *k = str_intern_cstr("__qualname__");
        if (!k || dict_del(ns, str_val(k)) < 0) err_clear();
        if (k) obj_decref(k);
    }
    c->bases = bases;       /* takes own_bases */
    c->mro = mro;
    c->solid = solid;
    bool boxed = is_boxed_solid(solid);
    if (solid == &object_type) c->dictoffset = sizeof(Obj);
    else if (solid->flags & TYPE_EXCEPTION) c->dictoffset = solid->size >= sizeof(Exc) ? solid->size : sizeof(Exc);
    else if (boxed) c->dictoffset = sizeof(BoxInst);
    else c->dictoffset = (solid->size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    c->t.name = name->data;
    c->t.base = (Type *)val_as_obj(bases->items[0]);
    c->t.size = c->dictoffset + sizeof(Dict *) + sizeof(WeakRef *);   /* __dict__, weak references */
    /* as CPython: no weak references to instances of int and tuple subclasses */
    c->t.weaklistoffset = solid == &int_type || solid == &tuple_type ? 0 : c->dictoffset + sizeof(Dict *);
    c->t.flags = TYPE_CONTAINER | TYPE_HEAPTYPE | TYPE_BASETYPE | (solid->flags & (TYPE_EXCEPTION | TYPE_SEQUENCE)) |
                 (boxed ? CLASS_BOXED : 0);
    obj_incref(ns);
    c->t.dict = ns;
    /* as type.__new__: __new__ is implicitly a staticmethod; defining __eq__ alone drops __hash__ */
    Value nf = dict_get_cstr(ns, "__new__");
    if (nf != VAL_UNDEF && val_type(nf) == &function_type) {
        Wrap *w = obj_alloc(&staticmethod_type, sizeof(Wrap));
        if (!w) { obj_decref(c); return VAL_ERROR; }
        w->func = new_ref(nf);
        int rc = dict_set_cstr(ns, "__new__", val_from_obj(w));
        obj_decref(w);
        if (rc < 0) { obj_decref(c); return VAL_ERROR; }
    }
    if (dict_get_cstr(ns, "__eq__") != VAL_UNDEF && dict_get_cstr(ns, "__hash__") == VAL_UNDEF)
        if (dict_set_cstr(ns, "__hash__", VAL_NONE) < 0) { obj_decref(c); return VAL_ERROR; }
    class_fix_slots(c);
    class_epoch++;       /* c may sit where a freed class was */
    return val_from_obj(c);
fail:
    obj_decref(own_bases);
    return VAL_ERROR;
}

/* __build_class__(body, name, *bases) */
static Value build_class(Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw("__build_class__", kw) < 0) return VAL_ERROR;
    if (nargs < 2 || !val_is_str(args[1])) {
        err_set(&exc_TypeError, "__build_class__: not enough arguments");
        return VAL_ERROR;
    }
    Tuple *bases = tuple_from_array(args + 2, nargs - 2);
    if (!bases) return VAL_ERROR;
    Dict *ns = dict_new();
    if (!ns) { obj_decref(bases); return VAL_ERROR; }
    Value nsv = val_from_obj(ns);
    Value cell = obj_call(args[0], &nsv, 1, NULL);
    if (cell == VAL_ERROR) { obj_decref(ns); obj_decref(bases); return VAL_ERROR; }
    Value cls = class_create(val_as_str(args[1]), bases, ns);
    obj_decref(bases);
    obj_decref(ns);
    if (cls != VAL_ERROR && val_is_obj(cell) && val_as_obj(cell)->type == &cell_type) {
        Cell *c = (Cell *)val_as_obj(cell);
        Value old = c->v;
        c->v = new_ref(cls);
        xdecref(old);
    }
    decref(cell);
    return cls;
}

Builtin class_build_class_fn = {
    .ob = OBJ_HEAD_INIT(&builtin_type), .name = "__build_class__", .fn = build_class, .self = VAL_UNDEF,
};

Value class_type_new3(Value *args, int nargs)
{
    if (nargs != 3 || !val_is_str(args[0]) || !val_is_tuple(args[1]) || !val_is_dict(args[2])) {
        err_set(&exc_TypeError, "type() takes 1 or 3 arguments");
        return VAL_ERROR;
    }
    Dict *ns = dict_copy(val_as_dict(args[2]));
    if (!ns) return VAL_ERROR;
    if (dict_get_cstr(ns, "__qualname__") == VAL_UNDEF && dict_set_cstr(ns, "__qualname__", args[0]) < 0) {
        obj_decref(ns);
        return VAL_ERROR;
    }
    if (dict_get_cstr(ns, "__module__") == VAL_UNDEF) {
        Str *m = str_from_cstr("__main__");
        if (!m || dict_set_cstr(ns, "__module__", str_val(m)) < 0) {
            if (m) obj_decref(m);
            obj_decref(ns);
            return VAL_ERROR;
        }
        obj_decref(m);
    }
    Value r = class_create(val_as_str(args[0]), val_as_tuple(args[1]), ns);
    obj_decref(ns);
    return r;
}

/* ---- the class object itself (type_type slots for heap types) ---- */

static const char *class_module(Type *t)
{
    Value m = type_is_heap(t) && t->dict ? dict_get_cstr(t->dict, "__module__") : VAL_UNDEF;
    return val_is_str(m) ? val_as_str(m)->data : "builtins";
}

const char *class_exc_name(Type *t, char *buf, size_t n)
{
    Class *c = (Class *)t;
    const char *m = class_module(t);
    if (strcmp(m, "__main__") == 0 || strcmp(m, "builtins") == 0) snprintf(buf, n, "%s", c->qualname->data);
    else snprintf(buf, n, "%s.%s", m, c->qualname->data);
    return buf;
}

Value class_type_repr(Value v)
{
    Class *c = (Class *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    const char *m = class_module(&c->t);
    if (strcmp(m, "builtins") == 0) sb_printf(&b, "<class '%s'>", c->qualname->data);
    else sb_printf(&b, "<class '%s.%s'>", m, c->qualname->data);
    return sb_finish(&b);
}

Value class_type_getattr(Value o, Str *name)
{
    Class *c = (Class *)val_as_obj(o);
    Type *t = &c->t;
    if (name->data[0] == '_' && name->data[1] == '_') {
        if (str_eq_cstr(name, "__name__")) return new_ref(str_val(c->name));
        if (str_eq_cstr(name, "__qualname__")) return new_ref(str_val(c->qualname));
        if (str_eq_cstr(name, "__bases__")) return new_ref(val_from_obj(c->bases));
        if (str_eq_cstr(name, "__base__")) return new_ref(val_from_obj(t->base));
        if (str_eq_cstr(name, "__dict__")) {
            /* mutable from now on behind class_type_setattr's back: no caching */
            t->flags |= CLASS_DICT_EXPOSED;
            class_epoch++;
            return new_ref(val_from_obj(t->dict));
        }
        if (str_eq_cstr(name, "__class__")) return new_ref(val_from_obj(&type_type));
        if (str_eq_cstr(name, "__mro__")) {
            Tuple *r = tuple_new(c->mro->len + 1);
            if (!r) return VAL_ERROR;
            r->items[0] = new_ref(o);
            for (int64_t i = 0; i < c->mro->len; i++) r->items[i + 1] = new_ref(c->mro->items[i]);
            return val_from_obj(r);
        }
    }
    Value d = class_lookup(t, name);
    if (d != VAL_UNDEF) return descr_get(d, VAL_UNDEF, t);
    if (str_eq_cstr(name, "__doc__")) return VAL_NONE;
    err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", c->qualname->data, name->data);
    return VAL_ERROR;
}

int class_type_setattr(Value o, Str *name, Value v)
{
    Class *c = (Class *)val_as_obj(o);
    int rc;
    class_epoch++;       /* before: the old value's __del__ may look names up */
    if (v == VAL_UNDEF) {
        if (dict_get_str(c->t.dict, name) == VAL_UNDEF) {
            err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", c->t.name, name->data);
            return -1;
        }
        rc = dict_del(c->t.dict, str_val(name));
    } else {
        rc = dict_set_str(c->t.dict, name, v);
    }
    class_epoch++;
    if (rc == 0 && name->data[0] == '_') class_fix_slots(c);
    return rc;
}

void class_type_traverse(Obj *o, VisitProc visit, void *arg)
{
    Type *t = (Type *)o;
    if (!type_is_heap(t)) return;
    Class *c = (Class *)o;
    if (t->dict) visit((Obj *)t->dict, arg);
    if (c->bases) visit((Obj *)c->bases, arg);
    if (c->mro) visit((Obj *)c->mro, arg);
}

void class_type_clear(Obj *o)
{
    Type *t = (Type *)o;
    if (!type_is_heap(t)) return;
    /* the dict object stays (lookups keep working while the cycle is torn down) */
    class_epoch++;
    if (t->dict) dict_clear(t->dict);
    class_epoch++;
}

void class_type_dealloc(Obj *o)
{
    Type *t = (Type *)o;
    if (!type_is_heap(t)) return;     /* static types are immortal */
    class_epoch++;                    /* no cached lookup may outlive it */
    Class *c = (Class *)o;
    weakref_dealloc_hook(o);
    if (t->dict) obj_decref(t->dict);
    if (c->bases) obj_decref(c->bases);
    if (c->mro) obj_decref(c->mro);
    if (c->qualname) obj_decref(c->qualname);
    if (c->name) obj_decref(c->name);
    obj_free(o);
}

/* ---- object ---- */

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
                   user_defined(t, "__init__") ? "object" : t->name);
        return VAL_ERROR;
    }
    return VAL_NONE;
}

static Value object_new_m(Value *args, int nargs, Tuple *kw)
{
    if (nargs < 1 || !is_type_val(args[0])) {
        err_set(&exc_TypeError, "object.__new__(X): X is not a type object");
        return VAL_ERROR;
    }
    Type *t = (Type *)val_as_obj(args[0]);
    if (type_is_heap(t) && (nargs > 1 || (kw && kw->len)) && !(t->flags & TYPE_EXCEPTION)) {
        if (user_defined(t, "__new__"))
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
    return int_from_i64(pointer_hash(val_as_obj(args[0])));
}

static const MethodDef object_methods[] = {
    {"__init__", object_init_m}, {"__new__", object_new_m}, {"__repr__", object_repr_m},
    {"__str__", object_str_m}, {"__eq__", object_eq_m}, {"__ne__", object_ne_m},
    {"__hash__", object_hash_m}, {"__setattr__", object_setattr_m}, {"__format__", format_object_dunder},
    {NULL, NULL},
};

static bool is_object_method(Value d)
{
    if (!is_plain_builtin(d)) return false;
    for (const MethodDef *m = object_methods; m->name; m++)
        if (((Builtin *)val_as_obj(d))->fn == m->fn) return true;
    return false;
}

Type object_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "object", .size = sizeof(Obj), .flags = TYPE_BASETYPE,
    .repr = object_repr, .new = object_new, .methods = object_methods,
};

/* ---- NotImplemented ---- */

static Value notimpl_repr(Value v) { (void)v; Str *s = str_from_cstr("NotImplemented"); return s ? str_val(s) : VAL_ERROR; }

Type notimplemented_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "NotImplementedType", .size = sizeof(Obj), .repr = notimpl_repr,
};

Obj class_notimplemented = OBJ_HEAD_INIT(&notimplemented_type);

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
    if (args_no_kw(t->name, kw) < 0) return VAL_ERROR;
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
    if (args_no_kw("super", kw) < 0) return VAL_ERROR;
    if (nargs == 0) {
        err_set(&exc_RuntimeError, "super(): no arguments");
        return VAL_ERROR;
    }
    if (nargs != 2) {
        err_set(&exc_TypeError, "super() takes 0 or 2 arguments in scr");
        return VAL_ERROR;
    }
    if (!is_type_val(args[0])) {
        err_format(&exc_TypeError, "super() argument 1 must be a type, not %s", val_type_name(args[0]));
        return VAL_ERROR;
    }
    Type *ty = (Type *)val_as_obj(args[0]);
    Type *objtype;
    if (is_type_val(args[1]) && type_is_subtype((Type *)val_as_obj(args[1]), ty))
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
        Type *m[MRO_MAX];
        int n = mro_of(s->objtype, m, MRO_MAX), i = 0;
        while (i < n && m[i] != s->type) i++;
        for (i++; i < n; i++) {
            Value d = dict_of(m[i], name);
            if (d == VAL_UNDEF) continue;
            if (s->obj == val_from_obj(s->objtype)) {      /* super() in a classmethod: bind to the class */
                if (val_type(d) == &classmethod_type)
                    return method_new(((Wrap *)val_as_obj(d))->func, s->obj);
                if (is_plain_builtin(d) && strcmp(((Builtin *)val_as_obj(d))->name, "__new__") != 0)
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

/* ---- BaseException.__init__ (sets args, for super().__init__(msg)) ---- */

static Value exc_init_m(Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw("BaseException.__init__", kw) < 0) return VAL_ERROR;
    if (nargs < 1 || !val_isinstance(args[0], &exc_BaseException)) {
        err_set(&exc_TypeError, "descriptor '__init__' requires a 'BaseException' object");
        return VAL_ERROR;
    }
    Exc *e = (Exc *)val_as_obj(args[0]);
    Tuple *a = tuple_from_array(args + 1, nargs - 1);
    if (!a) return VAL_ERROR;
    Tuple *old = e->args;
    e->args = a;
    if (old) obj_decref(old);
    return VAL_NONE;
}

/* ---- with ---- */

Value class_enter(Value mgr, Value *exit_out)
{
    Type *t = val_type(mgr);
    Value enter = type_is_heap(t) ? class_lookup_cstr(t, "__enter__") : VAL_UNDEF;
    Value exitf = type_is_heap(t) ? class_lookup_cstr(t, "__exit__") : VAL_UNDEF;
    if (!type_is_heap(t)) {
        /* builtin managers (files) expose __enter__/__exit__ as methods */
        Value e = obj_getattr_cstr(mgr, "__enter__");
        if (e == VAL_ERROR) {
            err_clear();
            err_format(&exc_TypeError, "'%s' object does not support the context manager protocol", t->name);
            return VAL_ERROR;
        }
        Value x = obj_getattr_cstr(mgr, "__exit__");
        if (x == VAL_ERROR) {
            decref(e);
            err_clear();
            err_format(&exc_TypeError, "'%s' object does not support the context manager protocol", t->name);
            return VAL_ERROR;
        }
        Value r = obj_call(e, NULL, 0, NULL);
        decref(e);
        if (r == VAL_ERROR) { decref(x); return VAL_ERROR; }
        *exit_out = x;
        return r;
    }
    if (enter == VAL_UNDEF || exitf == VAL_UNDEF) {
        err_format(&exc_TypeError, "'%s' object does not support the context manager protocol%s", t->name,
                   enter != VAL_UNDEF ? " (missed __exit__ method)" : "");
        return VAL_ERROR;
    }
    Value x = descr_get(exitf, mgr, t);
    if (x == VAL_ERROR) return VAL_ERROR;
    incref(enter);
    Value r = call_attr(enter, mgr, NULL, 0, NULL);
    decref(enter);
    if (r == VAL_ERROR) { decref(x); return VAL_ERROR; }
    *exit_out = x;
    return r;
}

/* ---- operators ---- */

static const char *const bin_names[][3] = {
    [BINOP_ADD] = {"__add__", "__radd__", "__iadd__"},
    [BINOP_SUB] = {"__sub__", "__rsub__", "__isub__"},
    [BINOP_MUL] = {"__mul__", "__rmul__", "__imul__"},
    [BINOP_TRUEDIV] = {"__truediv__", "__rtruediv__", "__itruediv__"},
    [BINOP_FLOORDIV] = {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    [BINOP_MOD] = {"__mod__", "__rmod__", "__imod__"},
    [BINOP_POW] = {"__pow__", "__rpow__", "__ipow__"},
    [BINOP_LSHIFT] = {"__lshift__", "__rlshift__", "__ilshift__"},
    [BINOP_RSHIFT] = {"__rshift__", "__rrshift__", "__irshift__"},
    [BINOP_AND] = {"__and__", "__rand__", "__iand__"},
    [BINOP_OR] = {"__or__", "__ror__", "__ior__"},
    [BINOP_XOR] = {"__xor__", "__rxor__", "__ixor__"},
    [BINOP_MATMUL] = {"__matmul__", "__rmatmul__", "__imatmul__"},
};

/* self.name(other) if the class defines it: VAL_NOTIMPL when it does not or returns NotImplemented. */
static Value try_dunder(Value self, const char *name, Value other)
{
    Type *t = val_type(self);
    if (!type_is_heap(t)) return VAL_NOTIMPL;
    bool heap_owner;
    Value d = lookup_owned(t, name, &heap_owner);
    /* a builtin base's own operators: operators.c applies them after */
    if (d == VAL_UNDEF || d == VAL_NONE || !heap_owner) return VAL_NOTIMPL;
    incref(d);
    Value r = call_attr(d, self, &other, 1, NULL);
    decref(d);
    if (r == val_from_obj(&class_notimplemented)) {
        decref(r);
        return VAL_NOTIMPL;
    }
    return r;
}

Value class_binop(int op, Value a, Value b, bool inplace)
{
    if (op < 0 || op >= BINOP__COUNT) return VAL_NOTIMPL;
    Value r;
    if (inplace) {
        r = try_dunder(a, bin_names[op][2], b);
        if (r != VAL_NOTIMPL) return r;
    }
    Type *ta = val_type(a), *tb = val_type(b);
    bool b_first = ta != tb && type_is_heap(tb) && type_is_subtype(tb, ta) &&
                   user_defined(tb, bin_names[op][1]);
    if (b_first) {
        r = try_dunder(b, bin_names[op][1], a);
        if (r != VAL_NOTIMPL) return r;
    }
    r = try_dunder(a, bin_names[op][0], b);
    if (r != VAL_NOTIMPL) return r;
    if (!b_first && ta != tb) {
        r = try_dunder(b, bin_names[op][1], a);
        if (r != VAL_NOTIMPL) return r;
    }
    return VAL_NOTIMPL;
}

Value class_unary(int op, Value a)
{
    static const char *const names[] = { "__neg__", "__pos__", "__invert__" };
    if (op < 0 || op > UOP_INVERT || !type_is_heap(val_type(a))) return VAL_NOTIMPL;
    bool heap_owner;
    Value d = lookup_owned(val_type(a), names[op], &heap_owner);
    if (d == VAL_UNDEF || !heap_owner) {
        /* an int or float subclass: the operator on the value */
        Value u = val_unbox(a);
        if (u != a && (val_is_intlike(u) || (val_is_float(u) && op != UOP_INVERT))) return op_unary(op, u);
        return VAL_NOTIMPL;
    }
    incref(d);
    Value r = call_attr(d, a, NULL, 0, NULL);
    decref(d);
    return r;
}

/* ---- the builtin bases' dunders ----
 * list.__getitem__, str.__eq__, tuple.__new__, int.__add__, ...: what
 * super().__getitem__(i) or dict.__setitem__(self, k, v) reach from a
 * subclass. Each runs the base type's own slot (never the subclass's
 * override) on the instance, or on the value a boxed instance holds. */

static Type *solid_of(Value v) { return type_solid(val_type(v)); }

static bool want_args(const char *name, Value *args, int nargs, Tuple *kw, int n)
{
    (void)args;
    if (kw && kw->len) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs != n) {
        if (nargs < 1) err_format(&exc_TypeError, "descriptor '%s' needs an argument", name);
        else err_format(&exc_TypeError, "expected %d argument%s, got %d", n - 1, n == 2 ? "" : "s", nargs - 1);
        return false;
    }
    return true;
}

static Value notimpl_obj(Value r)
{
    return r == VAL_NOTIMPL ? new_ref(val_from_obj(&class_notimplemented)) : r;
}

static Value no_slot(const char *name, Value self)
{
    err_format(&exc_TypeError, "descriptor '%s' does not apply to a '%s' object", name, val_type_name(self));
    return VAL_ERROR;
}

static Value bd_repr(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__repr__", args, nargs, kw, 1)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    return s->repr ? s->repr(val_unbox(args[0])) : obj_repr(val_unbox(args[0]));
}

static Value bd_str(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__str__", args, nargs, kw, 1)) return VAL_ERROR;
    return obj_str(val_unbox(args[0]));
}

static Value bd_hash(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__hash__", args, nargs, kw, 1)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    int64_t h;
    if (!s->hash) return no_slot("__hash__", args[0]);
    if (s->hash(val_unbox(args[0]), &h) < 0) return VAL_ERROR;
    return int_from_i64(h);
}

static Value bd_compare(Value *args, int nargs, Tuple *kw, int op)
{
    if (!want_args(cmp_names[op], args, nargs, kw, 2)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->compare) return notimpl_obj(VAL_NOTIMPL);
    return notimpl_obj(s->compare(val_unbox(args[0]), val_unbox(args[1]), op));
}

#define BD_CMP(fname, op) \
    static Value fname(Value *args, int nargs, Tuple *kw) { return bd_compare(args, nargs, kw, op); }
BD_CMP(bd_lt, CMP_LT)
BD_CMP(bd_le, CMP_LE)
BD_CMP(bd_eq, CMP_EQ)
BD_CMP(bd_ne, CMP_NE)
BD_CMP(bd_gt, CMP_GT)
BD_CMP(bd_ge, CMP_GE)

static Value bd_len(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__len__", args, nargs, kw, 1)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->len) return no_slot("__len__", args[0]);
    int64_t n = s->len(val_unbox(args[0]));
    return n < 0 ? VAL_ERROR : int_from_i64(n);
}

static Value bd_getitem(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__getitem__", args, nargs, kw, 2)) return VAL_ERROR;
    Type *t = val_type(args[0]), *s = type_solid(t);
    if (!s->getitem) return no_slot("__getitem__", args[0]);
    if (s == &dict_type && t != s && user_defined(t, "__missing__")) return slot_dict_missing(args[0], args[1]);
    return s->getitem(val_unbox(args[0]), args[1]);
}

static Value bd_setitem(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__setitem__", args, nargs, kw, 3)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->setitem) return no_slot("__setitem__", args[0]);
    return s->setitem(val_unbox(args[0]), args[1], args[2]) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value bd_delitem(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__delitem__", args, nargs, kw, 2)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->setitem) return no_slot("__delitem__", args[0]);
    return s->setitem(val_unbox(args[0]), args[1], VAL_UNDEF) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value bd_contains(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__contains__", args, nargs, kw, 2)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->contains) return no_slot("__contains__", args[0]);
    int r = s->contains(val_unbox(args[0]), args[1]);
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

static Value bd_iter(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__iter__", args, nargs, kw, 1)) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->iter) return no_slot("__iter__", args[0]);
    return s->iter(val_unbox(args[0]));
}

/* self.clear() as the base type does it (list, set) */
static int base_clear(Value self, Type *s)
{
    Value f = s->dict ? dict_get_cstr(s->dict, "clear") : VAL_UNDEF;
    if (f == VAL_UNDEF) return 0;
    Value r = obj_call(f, &self, 1, NULL);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

/* list.__init__, dict.__init__, set.__init__ (want: which; NULL: self's base) */
/* list/dict/set.__init__(self, *rest, **kw) once self is known to be one
 * (s its solid type): clear, then fill from the optional argument. */
static Value base_init_body(Type *s, Value self, Value *rest, int nrest, Tuple *kw)
{
    int nkw = kw ? (int)kw->len : 0;
    if (nkw && s != &dict_type) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", s->name);
        return VAL_ERROR;
    }
    if (nrest > 1) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %d", s->name, nrest);
        return VAL_ERROR;
    }
    if (s == &dict_type) {
        Dict *d = val_as_dict(self);
        if (nrest == 1 && dict_update(d, rest[0]) < 0) return VAL_ERROR;
        for (int i = 0; i < nkw; i++)
            if (dict_set(d, kw->items[i], rest[nrest + i]) < 0) return VAL_ERROR;
        return VAL_NONE;
    }
    if (base_clear(self, s) < 0) return VAL_ERROR;
    if (nrest == 1) {
        int rc = s == &list_type ? list_extend(val_as_list(self), rest[0]) : set_update(val_as_set(self), rest[0]);
        if (rc < 0) return VAL_ERROR;
    }
    return VAL_NONE;
}

/* list.__init__ and friends called explicitly: args[0] must be one. */
static Value bd_init_of(Type *want, Value *args, int nargs, Tuple *kw)
{
    Type *s = nargs > 0 ? solid_of(args[0]) : NULL;
    if (s != want) {
        if (nargs < 1) err_format(&exc_TypeError, "descriptor '__init__' of '%s' object needs an argument", want->name);
        else err_format(&exc_TypeError, "descriptor '__init__' requires a '%s' object but received a '%s'",
                        want->name, val_type_name(args[0]));
        return VAL_ERROR;
    }
    return base_init_body(s, args[0], args + 1, nargs - 1, kw);
}

static Value bd_init_list(Value *args, int nargs, Tuple *kw) { return bd_init_of(&list_type, args, nargs, kw); }
static Value bd_init_dict(Value *args, int nargs, Tuple *kw) { return bd_init_of(&dict_type, args, nargs, kw); }
static Value bd_init_set(Value *args, int nargs, Tuple *kw) { return bd_init_of(&set_type, args, nargs, kw); }

/* base.__new__(cls, *args): an instance of cls (base itself or a class
 * deriving from it) made by base's constructor. */
static Value bd_new(Type *base, Value *args, int nargs, Tuple *kw)
{
    if (nargs < 1) {
        err_format(&exc_TypeError, "%s.__new__(): not enough arguments", base->name);
        return VAL_ERROR;
    }
    if (!is_type_val(args[0])) {
        err_format(&exc_TypeError, "%s.__new__(X): X is not a type object (%s)", base->name, val_type_name(args[0]));
        return VAL_ERROR;
    }
    Type *t = (Type *)val_as_obj(args[0]);
    if (!type_is_subtype(t, base)) {
        err_format(&exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", base->name, t->name, t->name, base->name);
        return VAL_ERROR;
    }
    if (!type_is_heap(t)) return t->new(t, args + 1, nargs - 1, kw);
    if (type_solid(t) != base) {
        err_format(&exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", base->name, t->name,
                   type_solid(t)->name);
        return VAL_ERROR;
    }
    return inst_alloc((Class *)t, args + 1, nargs - 1, kw);
}

#define BD_NEW(fname, base) \
    static Value fname(Value *args, int nargs, Tuple *kw) { return bd_new(&base, args, nargs, kw); }
BD_NEW(bd_new_list, list_type)
BD_NEW(bd_new_dict, dict_type)
BD_NEW(bd_new_set, set_type)
BD_NEW(bd_new_frozenset, frozenset_type)
BD_NEW(bd_new_str, str_type)
BD_NEW(bd_new_tuple, tuple_type)
BD_NEW(bd_new_int, int_type)
BD_NEW(bd_new_float, float_type)

/* a op b with the builtin bases' rules only (operators.c). */
static Value bd_binop(Value *args, int nargs, Tuple *kw, const char *name, int op, int form)
{
    if (!want_args(name, args, nargs, kw, 2)) return VAL_ERROR;
    Value self = val_unbox(args[0]), other = val_unbox(args[1]);
    if (val_is_intlike(self) && !val_is_intlike(other))      /* int.__add__(1, 2.5): NotImplemented */
        return notimpl_obj(VAL_NOTIMPL);
    if (val_is_float(self) && !val_is_float(other) && !val_is_intlike(other)) return notimpl_obj(VAL_NOTIMPL);
    Value r = form == 1 ? op_binary_base(op, args[1], args[0], false)
                        : op_binary_base(op, args[0], args[1], form == 2);
    return notimpl_obj(r);
}

#define BD_BIN(stem, op) \
    static Value bd_##stem(Value *args, int nargs, Tuple *kw) { return bd_binop(args, nargs, kw, "__" #stem "__", op, 0); } \
    static Value bd_r##stem(Value *args, int nargs, Tuple *kw) { return bd_binop(args, nargs, kw, "__r" #stem "__", op, 1); }
#define BD_BIN_I(stem, op) BD_BIN(stem, op) \
    static Value bd_i##stem(Value *args, int nargs, Tuple *kw) { return bd_binop(args, nargs, kw, "__i" #stem "__", op, 2); }
BD_BIN_I(add, BINOP_ADD)
BD_BIN_I(sub, BINOP_SUB)
BD_BIN_I(mul, BINOP_MUL)
BD_BIN(truediv, BINOP_TRUEDIV)
BD_BIN(floordiv, BINOP_FLOORDIV)
BD_BIN(mod, BINOP_MOD)
BD_BIN(pow, BINOP_POW)
BD_BIN(lshift, BINOP_LSHIFT)
BD_BIN(rshift, BINOP_RSHIFT)
BD_BIN_I(and, BINOP_AND)
BD_BIN_I(or, BINOP_OR)
BD_BIN_I(xor, BINOP_XOR)

static Value bd_unary(Value *args, int nargs, Tuple *kw, const char *name, int op)
{
    if (!want_args(name, args, nargs, kw, 1)) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (!val_is_float(u) && !val_is_intlike(u)) return no_slot(name, args[0]);
    return op_unary(op, u);
}
static Value bd_neg(Value *args, int nargs, Tuple *kw) { return bd_unary(args, nargs, kw, "__neg__", UOP_NEG); }
static Value bd_pos(Value *args, int nargs, Tuple *kw) { return bd_unary(args, nargs, kw, "__pos__", UOP_POS); }
static Value bd_invert(Value *args, int nargs, Tuple *kw) { return bd_unary(args, nargs, kw, "__invert__", UOP_INVERT); }

static Value bd_abs(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__abs__", args, nargs, kw, 1)) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (val_is_float(u)) return val_from_float(fabs(val_as_float(u)));
    if (val_is_intlike(u)) return int_abs(u);
    return no_slot("__abs__", args[0]);
}

static Value bd_int(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__int__", args, nargs, kw, 1)) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (val_is_float(u)) return int_from_double(val_as_float(u));
    if (val_is_intlike(u)) return val_is_bool(u) ? val_from_int(u == VAL_TRUE) : new_ref(u);
    return no_slot("__int__", args[0]);
}

static Value bd_index(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__index__", args, nargs, kw, 1)) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (val_is_intlike(u)) return val_is_bool(u) ? val_from_int(u == VAL_TRUE) : new_ref(u);
    return no_slot("__index__", args[0]);
}

static Value bd_float(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__float__", args, nargs, kw, 1)) return VAL_ERROR;
    double d;
    if (val_to_double(val_unbox(args[0]), &d) < 0) return VAL_ERROR;
    return val_from_float(d);
}

static Value bd_bool(Value *args, int nargs, Tuple *kw)
{
    if (!want_args("__bool__", args, nargs, kw, 1)) return VAL_ERROR;
    int r = obj_truth(val_unbox(args[0]));
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

#define BD_CMPS {"__eq__", bd_eq}, {"__ne__", bd_ne}, {"__lt__", bd_lt}, {"__le__", bd_le}, \
    {"__gt__", bd_gt}, {"__ge__", bd_ge}, {"__repr__", bd_repr}
#define BD_SEQ {"__len__", bd_len}, {"__contains__", bd_contains}, {"__iter__", bd_iter}
#define BD_ARITH(stem) {"__" #stem "__", bd_##stem}, {"__r" #stem "__", bd_r##stem}
#define BD_INPLACE(stem) {"__i" #stem "__", bd_i##stem}
#define BD_NUM BD_CMPS, {"__hash__", bd_hash}, BD_ARITH(add), BD_ARITH(sub), BD_ARITH(mul), BD_ARITH(truediv), \
    BD_ARITH(floordiv), BD_ARITH(mod), BD_ARITH(pow), {"__neg__", bd_neg}, {"__pos__", bd_pos}, {"__abs__", bd_abs}, \
    {"__int__", bd_int}, {"__float__", bd_float}, {"__bool__", bd_bool}

static const MethodDef bdt_list[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_list}, {"__init__", bd_init_list}, {"__getitem__", bd_getitem},
    {"__setitem__", bd_setitem}, {"__delitem__", bd_delitem}, {"__add__", bd_add}, {"__mul__", bd_mul},
    {"__rmul__", bd_rmul}, BD_INPLACE(add), BD_INPLACE(mul), {NULL, NULL},
};
static const MethodDef bdt_dict[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_dict}, {"__init__", bd_init_dict}, {"__getitem__", bd_getitem},
    {"__setitem__", bd_setitem}, {"__delitem__", bd_delitem}, BD_ARITH(or), BD_INPLACE(or), {NULL, NULL},
};
static const MethodDef bdt_set[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_set}, {"__init__", bd_init_set}, BD_ARITH(or), BD_ARITH(and),
    BD_ARITH(sub), BD_ARITH(xor), BD_INPLACE(or), BD_INPLACE(and), BD_INPLACE(sub), BD_INPLACE(xor), {NULL, NULL},
};
static const MethodDef bdt_frozenset[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_frozenset}, {"__hash__", bd_hash}, BD_ARITH(or), BD_ARITH(and),
    BD_ARITH(sub), BD_ARITH(xor), {NULL, NULL},
};
static const MethodDef bdt_str[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_str}, {"__str__", bd_str}, {"__hash__", bd_hash},
    {"__getitem__", bd_getitem}, {"__add__", bd_add}, {"__mul__", bd_mul}, {"__rmul__", bd_rmul},
    {"__mod__", bd_mod}, {NULL, NULL},
};
static const MethodDef bdt_tuple[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_tuple}, {"__hash__", bd_hash}, {"__getitem__", bd_getitem},
    {"__add__", bd_add}, {"__mul__", bd_mul}, {"__rmul__", bd_rmul}, {NULL, NULL},
};
static const MethodDef bdt_int[] = {
    BD_NUM, {"__new__", bd_new_int}, BD_ARITH(lshift), BD_ARITH(rshift), BD_ARITH(and), BD_ARITH(or),
    BD_ARITH(xor), {"__invert__", bd_invert}, {"__index__", bd_index}, {NULL, NULL},
};
static const MethodDef bdt_float[] = { BD_NUM, {"__new__", bd_new_float}, {NULL, NULL} };

/* Into the builtin bases' namespaces, next to their methods (a name they
 * already define stays). list, dict and set get __hash__ = None. */
static int add_base_dunders(Type *t, const MethodDef *defs, bool unhashable)
{
    type_ready(t);
    if (!t->dict) {
        err_no_memory();
        return -1;
    }
    for (const MethodDef *m = defs; m->name; m++) {
        if (dict_get_cstr(t->dict, m->name) != VAL_UNDEF) continue;
        Value f = builtin_new(m->name, m->fn, VAL_UNDEF);
        if (f == VAL_ERROR) return -1;
        int rc = dict_set_cstr(t->dict, m->name, f);
        decref(f);
        if (rc < 0) return -1;
    }
    if (unhashable && dict_get_cstr(t->dict, "__hash__") == VAL_UNDEF && dict_set_cstr(t->dict, "__hash__", VAL_NONE) < 0)
        return -1;
    return 0;
}

Value class_method_self(CFunc fn, Value self)
{
    if (!val_is_boxed(self)) return self;
    const MethodDef *m = ((Class *)val_as_obj(self)->type)->solid->methods;
    for (; m && m->name; m++)
        if (m->fn == fn) return val_unbox(self);
    return self;
}

/* Which builtin type has the method f in its namespace (NULL: none): its
 * unbound calls (list.append(x, 1)) must check that x is one, since the C
 * method takes args[0] as its own type without looking. */
static Type *method_owner_in(Type *t, Value f)
{
    Builtin *b = (Builtin *)val_as_obj(f);
    for (const MethodDef *m = t->methods; m && m->name; m++)
        if (m->fn == b->fn && t->dict && dict_get_cstr(t->dict, m->name) == f) return t;
    return NULL;
}

static Type *boxed_method_owner(Value f)
{
    static Type *const owners[] = { &str_type, &int_type, &float_type, &tuple_type, &list_type, &dict_type,
                                    &set_type, &frozenset_type, &bytes_type, &range_type, &slice_type,
                                    &generator_type, &textio_type, &fileio_type, &weakref_type };
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++)
        if (method_owner_in(owners[i], f)) return owners[i];
    for (int i = 0; exc_builtin_types[i]; i++)
        if (method_owner_in(exc_builtin_types[i], f)) return exc_builtin_types[i];
    return NULL;
}

/* str.upper(x): the trampoline's self is the method itself (args[0]),
 * args[1] the instance, unboxed for the call. */
static Value unbound_call(Value *args, int nargs, Tuple *kw)
{
    Builtin *m = (Builtin *)val_as_obj(args[0]);
    Type *owner = boxed_method_owner(args[0]);
    if (nargs < 2) {
        err_format(&exc_TypeError, "unbound method %s.%s() needs an argument", owner ? owner->name : "?", m->name);
        return VAL_ERROR;
    }
    Value self = args[1], u = val_unbox(self);
    if (owner && !val_isinstance(u, owner)) {
        err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->name,
                   owner->name, val_type_name(self));
        return VAL_ERROR;
    }
    args[1] = u;         /* borrowed for the call, as the VM passes a bound self */
    Value r = m->fn(args + 1, nargs - 1, kw);
    args[1] = self;
    return r;
}

static bool is_trampoline(Value d)
{
    return val_is_obj(d) && val_as_obj(d)->type == &builtin_type && ((Builtin *)val_as_obj(d))->fn == unbound_call;
}

Type *class_builtin_method_owner(Value f)
{
    if (is_trampoline(f)) f = ((Builtin *)val_as_obj(f))->self;
    if (!is_plain_builtin(f)) return NULL;
    Type *t = boxed_method_owner(f);
    if (t) return t;
    /* the special methods class_add_builtins put in the dicts (int.__add__) */
    static Type *const owners[] = { &object_type, &str_type, &int_type, &bool_type, &float_type, &tuple_type,
                                    &list_type, &dict_type, &set_type, &frozenset_type, &bytes_type, &range_type };
    const char *name = ((Builtin *)val_as_obj(f))->name;
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++)
        if (owners[i]->dict && dict_get_cstr(owners[i]->dict, name) == f) return owners[i];
    return NULL;
}

Value class_unbound_method(Value f)
{
    if (is_plain_builtin(f) && boxed_method_owner(f))
        return builtin_new(((Builtin *)val_as_obj(f))->name, unbound_call, f);
    return new_ref(f);
}

/* ---- registration ---- */

int class_add_builtins(Dict *d)
{
    Type *const types[] = { &object_type, &super_type, &property_type, &staticmethod_type, &classmethod_type, NULL };
    for (int i = 0; types[i]; i++) {
        type_ready(types[i]);
        if (dict_set_cstr(d, types[i]->name, val_from_obj(types[i])) < 0) return -1;
    }
    if (add_base_dunders(&list_type, bdt_list, true) < 0 || add_base_dunders(&dict_type, bdt_dict, true) < 0 ||
        add_base_dunders(&set_type, bdt_set, true) < 0 || add_base_dunders(&frozenset_type, bdt_frozenset, false) < 0 ||
        add_base_dunders(&str_type, bdt_str, false) < 0 || add_base_dunders(&tuple_type, bdt_tuple, false) < 0 ||
        add_base_dunders(&int_type, bdt_int, false) < 0 || add_base_dunders(&float_type, bdt_float, false) < 0)
        return -1;
    type_ready(&notimplemented_type);
    if (dict_set_cstr(d, "NotImplemented", val_from_obj(&class_notimplemented)) < 0) return -1;
    type_ready(&exc_BaseException);
    if (exc_BaseException.dict && dict_get_cstr(exc_BaseException.dict, "__init__") == VAL_UNDEF) {
        Value f = builtin_new("__init__", exc_init_m, VAL_UNDEF);
        if (f == VAL_ERROR) return -1;
        int rc = dict_set_cstr(exc_BaseException.dict, "__init__", f);
        decref(f);
        if (rc < 0) return -1;
    }
    return 0;
}
