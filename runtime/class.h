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

#endif
