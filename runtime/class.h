/* class.h — user-defined classes (runtime/class.c): heap types created by
 * `class` statements, their instances (objects with a __dict__), the
 * `object` root, super, property, staticmethod, classmethod, NotImplemented,
 * and the generic slot functions that make builtins and operators dispatch
 * to dunder methods. */
#ifndef SCR_CLASS_H
#define SCR_CLASS_H

#include "object.h"
#include "function.h"

/* A heap type. Its Type part is what every generic operation sees: the
 * slots are filled by class_fix_slots from the dunders found in the MRO;
 * t.dict is the class namespace; t.base is the first base. Allocated as an
 * object of type_type (a tracked container: type_type has traverse/clear
 * that act on heap types only). An instance is laid out as the solid type,
 * then its Dict * (at dictoffset), then its weak reference list head
 * (t.weaklistoffset). */
typedef struct Class {
    Type t;
    Str *name, *qualname;
    Tuple *bases;        /* the direct bases (types) */
    Tuple *mro;          /* the MRO WITHOUT the class itself (no self-cycle) */
    Type *solid;         /* static type giving the instance layout: object or an exception */
    size_t dictoffset;   /* where an instance keeps its Dict * (NULL until first set) */
    bool has_del;        /* __del__ defined: t.finalize runs it (PEP 442) */
    struct WeakRef *weaklist;   /* weak references to the class itself (runtime/weakref.h) */
} Class;

static inline bool type_is_heap(const Type *t) { return (t->flags & TYPE_HEAPTYPE) != 0; }

extern Type object_type, super_type, property_type, staticmethod_type, classmethod_type,
    notimplemented_type;
extern Obj class_notimplemented;       /* the NotImplemented singleton */
extern Builtin class_build_class_fn;   /* __build_class__, pushed by LOAD_BUILD_CLASS */

/* A class attribute through the MRO: borrowed, VAL_UNDEF when missing. */
Value class_lookup(Type *t, Str *name);
Value class_lookup_cstr(Type *t, const char *name);
/* type_type's slots for heap types (runtime/object.c calls them). */
Value class_type_getattr(Value o, Str *name);
int   class_type_setattr(Value o, Str *name, Value v);
Value class_type_repr(Value v);
Value class_type_new3(Value *args, int nargs);   /* type(name, bases, dict) */
void  class_type_dealloc(Obj *o);
void  class_type_traverse(Obj *o, VisitProc visit, void *arg);
void  class_type_clear(Obj *o);
bool  class_is_subtype(Type *t, Type *base);     /* through the MRO of a heap type */

/* The name a traceback shows for an exception class: module.qualname, without
 * the module for __main__ and builtins (CPython's print_exception). */
const char *class_exc_name(Type *t, char *buf, size_t n);
/* with: returns mgr.__enter__() and sets *exit_out to the bound __exit__. */
Value class_enter(Value mgr, Value *exit_out);
/* Operators on instances of heap types: VAL_NOTIMPL when no dunder applies. */
Value class_binop(int op, Value a, Value b, bool inplace);
Value class_unary(int op, Value a);
/* object, super, property, ... and NotImplemented into the builtins dict. */
int   class_add_builtins(Dict *d);

/* ---- attribute caches (added by the bench helper) ----
 * class_epoch changes whenever what a class lookup answers may change (a
 * class namespace set or deleted, a class created, cleared or freed); a
 * class whose namespace was handed out as C.__dict__ gets CLASS_DICT_EXPOSED
 * and is never cached. */
#define CLASS_DICT_EXPOSED (1u << 24)
extern uint64_t class_epoch;
/* Forget every cached lookup (vm_init / vm_free: interned names die with
 * the interpreter). */
void class_cache_reset(void);

/* One LOAD_ATTR / LOAD_METHOD / STORE_ATTR site's memory of the last class
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
/* obj.name, obj.name as LOAD_METHOD wants it, obj.name = v (v == VAL_UNDEF
 * deletes) for an instance of a class, exactly as obj_getattr /
 * obj_get_method / obj_setattr would, using and refreshing *c. */
Value class_getattr_cached(Value o, Str *name, AttrCache *c);
Value class_getmethod_cached(Value o, Str *name, AttrCache *c, bool *is_method);
int   class_setattr_cached(Value o, Str *name, Value v, AttrCache *c);
/* Calling class t: when its instances are plain objects (object.__new__)
 * and its __init__ is a scr function the VM can run as a frame, a new bare
 * instance and *init (borrowed); else VAL_UNDEF (call the class generically). */
Value class_new_for_init(Type *t, Function **init);

#endif
