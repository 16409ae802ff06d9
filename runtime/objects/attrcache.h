/* attrcache.h — looking names up in classes, and the caches that make it
 * cheap. A class lookup walks the MRO (class.h) probing each namespace;
 * method calls and attribute accesses do it all the time, so, like
 * CPython's type method cache, answers are kept per (class, interned name)
 * and stay valid while class_epoch is unchanged. Behind that, each
 * LOAD_ATTR / LOAD_METHOD / STORE_ATTR site of the VM keeps an AttrCache
 * remembering what the last class it saw says about its name. */
#ifndef SCR_ATTRCACHE_H
#define SCR_ATTRCACHE_H

#include "objects/class.h"

/* ---- looking names up through the MRO ----
 * A class attribute: borrowed (the class namespace holds it), VAL_UNDEF
 * when no class in the MRO defines it. Never raises. */
Value class_lookup(Type *t, Str *name);
Value class_lookup_cstr(Type *t, const char *name);
/* name's first definition in t's MRO (borrowed, VAL_UNDEF) and whether a
 * class (rather than a builtin type) holds it. */
Value attrcache_lookup_owned(Type *t, const char *name, bool *heap_owner);
/* Is name's first definition in t's MRO in a class (not a builtin type)?
 * False for a builtin type t. */
bool  class_user_defined(Type *t, const char *name);
/* What calling a class asks first: t's __init__ (borrowed) when no class in
 * t's MRO defines __new__, VAL_UNDEF when one does or __init__ is missing. */
Value attrcache_init_unless_new(Type *t);

/* ---- validity ----
 * class_epoch changes whenever what a class lookup answers may change (a
 * class namespace set or deleted, a class created, cleared or freed): the
 * code doing so increments it. A class whose namespace was handed out as
 * C.__dict__ (mutable behind the epoch's back) gets CLASS_DICT_EXPOSED and
 * lookups through it are never cached. */
#define CLASS_DICT_EXPOSED (1u << 24)
extern uint64_t class_epoch;
/* Forget every cached lookup (vm_init / vm_free: interned names die with
 * the interpreter). */
void class_cache_reset(void);

/* ---- the VM's per-site caches ----
 * One LOAD_ATTR / LOAD_METHOD / STORE_ATTR site's memory of the last class
 * it saw (zeroed: empty). Valid while type and epoch match. */
enum { AC_DICT = 1, AC_METHOD = 2, AC_PROPERTY = 3, AC_OTHER = 4, AC_KIND = 7,
       AC_STORE_DICT = 8, /* a store goes straight to the instance dict */
       AC_HAS_GETATTR = 16 /* the class defines __getattr__ */ };
typedef struct AttrCache {
    Type *type;
    uint64_t epoch;
    Value descr;         /* the class attribute (borrowed) or VAL_UNDEF */
    Value aux;           /* AC_PROPERTY: its getter (borrowed) */
    int32_t kind;        /* AC_* */
    int32_t hint;        /* index of the name in the instance dict's entries, or -1 */
} AttrCache;
/* obj.name, obj.name as LOAD_METHOD wants it (*is_method: a function to
 * call with o prepended, returned unbound), obj.name = v (v == VAL_UNDEF
 * deletes) for an instance o of a class, exactly as obj_getattr /
 * obj_get_method / obj_setattr would, using and refreshing *c. New
 * references; VAL_ERROR / -1 with the exception set. */
Value class_getattr_cached(Value o, Str *name, AttrCache *c);
Value class_getmethod_cached(Value o, Str *name, AttrCache *c, bool *is_method);
int   class_setattr_cached(Value o, Str *name, Value v, AttrCache *c);

#endif
