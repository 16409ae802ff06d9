/* weakref.h — weak references (runtime/objects/weakref.c): weakref.ref objects,
 * the per-object list of them, and clearing them when their referent dies,
 * either by reference counting (its dealloc calls weakref_clear_refs) or as
 * cyclic garbage (the collector clears them before anything is finalized or
 * freed: runtime/memory/gc.c). Weakly referenceable objects keep the head of their
 * list at type->weaklistoffset: instances of classes, classes, functions,
 * bound methods, sets, frozensets and generators, as in CPython. */
#ifndef SCR_WEAKREF_H
#define SCR_WEAKREF_H

#include "core/object.h"

typedef struct WeakRef {
    Obj ob;
    Obj *object;                 /* the referent, NOT owned; NULL once it died */
    Value callback;              /* owned; VAL_UNDEF: none (or already called) */
    int64_t hash;                /* the referent's, once asked; -1 before */
    struct WeakRef *prev, *next; /* siblings in the referent's list */
} WeakRef;

extern Type weakref_type;        /* weakref.ref, alias weakref.ReferenceType */

/* Where o keeps its list head; NULL when o's type takes no weak reference. */
WeakRef **weakref_listptr(Obj *o);

/* weakref.ref(obj[, callback]): a new reference, or the shared one without
 * a callback when it exists; TypeError for a type without weak references. */
Value weakref_new(Value obj, Value callback);

/* From a dealloc, after the finalizer ran and did not resurrect o: clear
 * every weak reference to o, then call the callbacks of those still alive,
 * newest first (CPython's PyObject_ClearWeakRefs). */
void  weakref_clear_refs(Obj *o);
static inline void weakref_dealloc_hook(Obj *o)
{
    WeakRef **l = weakref_listptr(o);
    if (l && *l) weakref_clear_refs(o);
}

/* The collector's: detach r from its referent without calling the callback. */
void  weakref_unlink(WeakRef *r);

int64_t weakref_count(Obj *o);   /* weakref.getweakrefcount */

#endif
