/* class.h — class objects: the heap types a `class` statement (or
 * type(name, bases, dict)) creates, their method resolution order, the
 * attributes a class itself answers (__name__, __mro__, __dict__, ...) and
 * calling a class to make an instance.
 *
 * The other parts of classes live beside this file, each with its header:
 *   attrcache.h  looking names up through the MRO, and the caches doing it
 *   instance.h   instances (layout, __dict__, attributes, teardown) and `object`
 *   descr.h      descriptors: binding rules, staticmethod, classmethod,
 *                property, super
 *   slots.h      the type slots that call dunders (repr, ==, len, iter, ...),
 *                operators and `with` on instances, NotImplemented
 *   subclass.h   subclasses of builtin types (list, dict, str, int, ...)
 *   slotwrap.h   the builtin types' special methods (list.__getitem__, ...)
 *
 * Conventions of all of them: a Value returned is a new reference unless
 * said "borrowed"; VAL_ERROR, -1 or NULL mean an exception is set. */
#ifndef SCR_CLASS_H
#define SCR_CLASS_H

#include "core/object.h"
#include "objects/function.h"

/* ---- the class object ----
 * A heap type. Its Type part is what every generic operation sees: the
 * slots are set by slots_update (slots.h) from the dunders found in the
 * MRO; t.dict is the class namespace; t.base is the first base. Allocated
 * as an object of type_type (a tracked container: type_type has traverse
 * and clear that act on heap types only). An instance is laid out as the
 * solid type, then its Dict * (at dictoffset), then its weak reference list
 * head (t.weaklistoffset). */
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
/* v is a type object (a builtin type or a class). */
static inline bool class_is_type(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &type_type; }

/* ---- the method resolution order ---- */
#define CLASS_MRO_MAX 128     /* the longest MRO a class may have */
/* t followed by its MRO into out (at most max entries; static types: the
 * base chain, then object); returns the count. */
int   class_mro(Type *t, Type **out, int max);
/* name in x's own namespace, without the MRO: borrowed, VAL_UNDEF when
 * missing (a static type's namespace is built on first use). */
Value class_own_attr(Type *x, Str *name);
bool  class_is_subtype(Type *t, Type *base);     /* through the MRO of a heap type */

/* ---- creating classes ----
 * __build_class__(body, name, *bases), pushed by LOAD_BUILD_CLASS, runs the
 * class body into a new namespace and makes the class; type(name, bases,
 * dict) makes one from a copy of dict. */
extern Builtin class_build_class_fn;
Value class_type_new3(Value *args, int nargs);

/* ---- type_type's slots for heap types (runtime/core/object.c calls them) ---- */
Value class_type_getattr(Value o, Str *name);
int   class_type_setattr(Value o, Str *name, Value v);   /* v == VAL_UNDEF deletes */
Value class_type_repr(Value v);
void  class_type_dealloc(Obj *o);
void  class_type_traverse(Obj *o, VisitProc visit, void *arg);
void  class_type_clear(Obj *o);

/* The __module__ a class was defined in ("builtins" for a static type);
 * borrowed from its namespace. */
const char *class_module(Type *t);
/* The name a traceback shows for an exception class: module.qualname, without
 * the module for __main__ and builtins (CPython's print_exception); written
 * into buf, which is returned. */
const char *class_exc_name(Type *t, char *buf, size_t n);

/* ---- calling a class ----
 * class_new is every class's Type.new: __new__ (object's or the class's),
 * then __init__. */
Value class_new(Type *t, Value *args, int nargs, Tuple *kw);
/* The VM's shortcut: when t's instances are plain objects (object.__new__)
 * and its __init__ is a scr function the VM can run as a frame, a new bare
 * instance and *init (borrowed); else VAL_UNDEF (call the class generically). */
Value class_new_for_init(Type *t, Function **init);

/* ---- registration ----
 * object, super, property, staticmethod, classmethod and NotImplemented into
 * the builtins dict d, and the special methods into the builtin types'
 * namespaces (slotwrap.h). */
int   class_add_builtins(Dict *d);

#endif
