/* descr.h — descriptors: what an attribute found in a class becomes when it
 * is read through an instance or the class (a function binds to the
 * instance, a classmethod to the class, a property calls its getter, ...),
 * and the descriptor types themselves: staticmethod, classmethod, property
 * and super. The rules are CPython's for the descriptor types scr has;
 * there are no user-defined __get__/__set__. */
#ifndef SCR_DESCR_H
#define SCR_DESCR_H

#include "core/object.h"
#include "objects/function.h"

extern Type staticmethod_type, classmethod_type, property_type, super_type;

/* A staticmethod or classmethod: the callable it wraps (owned). */
typedef struct Wrap { Obj ob; Value func; } Wrap;
/* A property: its accessors and doc, VAL_NONE where missing (all owned). */
typedef struct Property { Obj ob; Value fget, fset, fdel, doc; } Property;

/* A builtin function not bound to anything: a builtin type's method as its
 * namespace holds it (list.append), which binds to the instance. */
static inline bool descr_is_unbound_builtin(Value d)
{
    return val_is_obj(d) && val_as_obj(d)->type == &builtin_type && ((Builtin *)val_as_obj(d))->self == VAL_UNDEF;
}

/* ---- the binding rules ----
 * d was found in the class owner (d borrowed); self is the instance it is
 * read through, or VAL_UNDEF when read from the class itself. Returns what
 * the attribute read gives: a new reference, VAL_ERROR with the exception
 * set. */
Value descr_get(Value d, Value self, Type *owner);
/* self.<d>(*args) for d found in self's class: what descr_get then calling
 * the result would do, without making the bound method. */
Value descr_call(Value d, Value self, Value *args, int nargs, Tuple *kw);
/* f(first, *args, **kw) (kw: the names of the values after args). */
Value descr_call_prepend(Value f, Value first, Value *args, int nargs, Tuple *kw);
/* staticmethod(func): new reference, VAL_ERROR with MemoryError set. */
Value descr_staticmethod(Value func);

#endif
