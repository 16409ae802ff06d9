/* attrcache.c — class lookups through the MRO and their caches
 * (attrcache.h), and attribute access on instances through the VM's
 * per-site caches. */
#include "objects/attrcache.h"

#include <string.h>

#include "core/error.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/descr.h"
#include "objects/instance.h"

/* ---- the lookup cache ----
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
    Type *m[CLASS_MRO_MAX];
    int n = class_mro(t, m, CLASS_MRO_MAX);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        if (m[i]->flags & CLASS_DICT_EXPOSED) ok = false;
        Value v = class_own_attr(m[i], name);
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

Value attrcache_lookup_owned(Type *t, const char *name, bool *heap_owner)
{
    Str *s = cached_name(name);
    *heap_owner = false;
    if (!s) { err_clear(); return VAL_UNDEF; }
    bool cacheable;
    return lookup_ex(t, s, heap_owner, &cacheable);
}

bool class_user_defined(Type *t, const char *name)
{
    bool heap_owner;
    return type_is_heap(t) && attrcache_lookup_owned(t, name, &heap_owner) != VAL_UNDEF && heap_owner;
}

Value attrcache_init_unless_new(Type *t)
{
    if (!hot_names()) return VAL_UNDEF;
    bool heap_owner, cacheable;
    if (lookup_ex(t, new_name, &heap_owner, &cacheable) != VAL_UNDEF && heap_owner) return VAL_UNDEF;
    return lookup_ex(t, init_name, &heap_owner, &cacheable);
}

/* ---- attribute access with the VM's inline caches (AttrCache) ----
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
    if (c->kind != AC_PROPERTY && (sa == VAL_UNDEF || inst_is_object_method(sa))) c->kind |= AC_STORE_DICT;
    if (ga != VAL_UNDEF && !inst_is_object_method(ga)) c->kind |= AC_HAS_GETATTR;
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
        return r == VAL_ERROR ? inst_getattr_missing(o, name) : r;
    }
    Dict *dict = *inst_dictptr(ob);
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
        Dict *dict = *inst_dictptr(ob);
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
