/* instance.h — instances of classes and the `object` root type. An
 * instance is laid out as its class's solid type (class.h), then a Dict *
 * for its __dict__ (made on first store), then its weak reference list
 * head. This module allocates instances, answers and stores their
 * attributes (properties first, then the instance dict, then the class),
 * and tears them down (the collector's traverse and clear, __del__ as
 * PEP 442's finalizer, dealloc). `object`'s own methods are the default
 * behaviour the other modules compare against. */
#ifndef SCR_INSTANCE_H
#define SCR_INSTANCE_H

#include "objects/class.h"

extern Type object_type;

/* ---- making instances ---- */
/* A new instance of class c made as its builtin base makes one: the
 * arguments go to the base's constructor when the value is fixed at
 * creation (exceptions, frozenset, str, int, float, tuple); list, dict and
 * set instances start empty and their __init__ fills them. New reference. */
Value inst_alloc(Class *c, Value *args, int nargs, Tuple *kw);

/* ---- the instance dict ---- */
/* Where o (an instance of a class) keeps its Dict *: NULL until first set. */
static inline Dict **inst_dictptr(Obj *o)
{
    Class *c = (Class *)o->type;
    return (Dict **)((char *)o + c->dictoffset);
}
/* o's dict, made (embedded in o for the collector: gc.h) when missing:
 * borrowed, NULL with MemoryError set. */
Dict *inst_dict(Obj *o);

/* ---- attributes (every class's Type.getattr / Type.setattr) ---- */
/* o.name: new reference, VAL_ERROR with AttributeError (or what a
 * property or __getattr__ raised) set. */
Value inst_getattr(Value o, Str *name);
/* The lookup of o.name has just failed with the exception set: as
 * CPython's slot_tp_getattr_hook, the class's __getattr__(o, name) when it
 * defines one and the error is an AttributeError, else VAL_ERROR with the
 * error left as it is. */
Value inst_getattr_missing(Value o, Str *name);
/* o.name = v, or del o.name when v == VAL_UNDEF: 0, or -1 with the
 * exception set. */
int   inst_setattr(Value o, Str *name, Value v);

/* ---- teardown (every class's Type slots) ---- */
void  inst_traverse(Obj *o, VisitProc visit, void *arg);
/* Drops the dict and the base's contents; __del__ is not called here (the
 * collector runs every finalizer of a cycle before clearing it). */
void  inst_clear(Obj *o);
/* Type.finalize of a class with __del__: runs it once; an exception is
 * reported as unraisable, never raised. */
void  inst_finalize(Obj *o);
void  inst_dealloc(Obj *o);

/* ---- object's own methods ----
 * d is one of object's methods (object.__setattr__, object.__hash__, ...),
 * as a class lookup finds it: the default behaviour, which the slots apply
 * without calling it. */
bool  inst_is_object_method(Value d);
bool  inst_is_object_hash(Value d);
/* object.__hash__ of the object at p: its address, rotated so that the
 * alignment bits do not all land in the same buckets (never -1). */
int64_t inst_pointer_hash(const void *p);

#endif
