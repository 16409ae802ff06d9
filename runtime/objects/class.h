/* class.h — user-defined classes (runtime/objects/class.c): heap types created by
 * `class` statements, their instances (objects with a __dict__), the
 * `object` root, super, property, staticmethod, classmethod, NotImplemented,
 * and the generic slot functions that make builtins and operators dispatch
 * to dunder methods. */
#ifndef SCR_CLASS_H
#define SCR_CLASS_H

#include "core/object.h"
#include "objects/function.h"

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
    Type *solid;         /* static type giving the instance layout: object, an exception,
                          * list, dict, set, frozenset, or (CLASS_BOXED) str, int, float, tuple */
    size_t dictoffset;   /* where an instance keeps its Dict * (NULL until first set) */
    bool has_del;        /* __del__ defined: t.finalize runs it (PEP 442) */
    struct WeakRef *weaklist;   /* weak references to the class itself (runtime/objects/weakref.h) */
} Class;

static inline bool type_is_heap(const Type *t) { return (t->flags & TYPE_HEAPTYPE) != 0; }

/* ---- subclasses of builtin types ----
 * A class deriving from list, dict, set or frozenset lays its instances out
 * as that type's struct (its methods and slots work on them unchanged),
 * then the __dict__ and weak reference list. Ints and floats are unboxed
 * values, and str and tuple are variable-sized, so a class deriving from
 * one of those is CLASS_BOXED: its instance is a BoxInst holding a value of
 * the exact base type, which the slots and the base's methods unbox. */
#define CLASS_BOXED (1u << 25)
typedef struct BoxInst { Obj ob; Value value; } BoxInst;   /* then __dict__, weak references */

extern Type list_type, dict_type, set_type, frozenset_type, str_type, tuple_type, int_type, float_type;

/* The static type whose layout and behaviour t's instances have: t itself,
 * or for a class its builtin base (object, an exception, list, str, ...). */
static inline Type *type_solid(Type *t) { return type_is_heap(t) ? ((Class *)t)->solid : t; }
static inline bool val_is_boxed(Value v)
{
    return val_is_obj(v) && (val_as_obj(v)->type->flags & CLASS_BOXED);
}
/* The value of the exact base type an instance of a CLASS_BOXED class holds
 * (borrowed); v itself otherwise. */
static inline Value val_unbox(Value v) { return val_is_boxed(v) ? ((BoxInst *)val_as_obj(v))->value : v; }
/* Instances of list/dict/set subclasses (same layout as the base: use
 * val_as_list etc. on them directly), for the C paths CPython takes with
 * PyList_Check rather than PyList_CheckExact. */
static inline bool val_is_list_or_sub(Value v) { return val_is_obj(v) && type_solid(val_as_obj(v)->type) == &list_type; }
static inline bool val_is_dict_or_sub(Value v) { return val_is_obj(v) && type_solid(val_as_obj(v)->type) == &dict_type; }
static inline bool val_is_anyset_or_sub(Value v)
{
    if (!val_is_obj(v)) return false;
    Type *s = type_solid(val_as_obj(v)->type);
    return s == &set_type || s == &frozenset_type;
}
/* A str (or str subclass instance): the exact Str holding its text, else NULL. */
static inline Str *val_str_or_sub(Value v)
{
    v = val_unbox(v);
    return val_is_obj(v) && val_as_obj(v)->type == &str_type ? (Str *)val_as_obj(v) : NULL;
}
static inline Tuple *val_tuple_or_sub(Value v)
{
    v = val_unbox(v);
    return val_is_obj(v) && val_as_obj(v)->type == &tuple_type ? (Tuple *)val_as_obj(v) : NULL;
}
/* A builtin method found in a boxed base's namespace (str.upper, ...) is
 * called with the unboxed value as self; other builtins (object's methods,
 * the base dunders of class.c, which unbox themselves) keep the instance.
 * Returns the value to pass as self (borrowed). */
Value class_method_self(CFunc fn, Value self);
/* A builtin type's attribute f read from the type (str.upper): new
 * reference to f, or for a method of str, int, float or tuple a callable
 * that unboxes a subclass instance passed as self (runtime/core/object.c's
 * type getattr and class attribute reads use it). */
Value class_unbound_method(Value f);
/* The builtin type whose method f is (str for str.upper, unbound or as its
 * type's dict holds it), NULL for anything else. */
Type *class_builtin_method_owner(Value f);
/* Is name's first definition in t's MRO in a class (not a builtin type)? */
bool  class_user_defined(Type *t, const char *name);


extern Type object_type, super_type, property_type, staticmethod_type, classmethod_type,
    notimplemented_type;
extern Obj class_notimplemented;       /* the NotImplemented singleton */
extern Builtin class_build_class_fn;   /* __build_class__, pushed by LOAD_BUILD_CLASS */

/* A class attribute through the MRO: borrowed, VAL_UNDEF when missing. */
Value class_lookup(Type *t, Str *name);
Value class_lookup_cstr(Type *t, const char *name);
/* type_type's slots for heap types (runtime/core/object.c calls them). */
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

/* ---- attribute caches ----
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
