/* object.h — the heap object header, reference counting, type objects and
 * their slots, and the generic operations every part of the interpreter
 * calls (repr, hash, compare, call, iterate, index, attributes).
 *
 * Conventions, everywhere in scr:
 *   - a function returning Value returns a NEW reference, or VAL_ERROR with an
 *     exception set (runtime/core/error.h); one returning a pointer returns a
 *     new reference or NULL with an exception set, unless it says "borrowed";
 *   - arguments are BORROWED: the callee increfs what it keeps (Value *args
 *     points into the VM stack, which owns them); a function that takes over
 *     the caller's reference says it "steals";
 *   - a function returning int returns 0/1 for false/true or success and -1
 *     with an exception set.
 */
#ifndef SCR_OBJECT_H
#define SCR_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "core/debug.h"
#include "core/ops.h"
#include "core/value.h"

typedef struct Type Type;
typedef struct Str Str;
typedef struct Tuple Tuple;
typedef struct List List;
typedef struct Dict Dict;

/* ---- the object header ----
 * Every heap object starts with these two words; a Value pointing at one has
 * val_is_obj(). A container type (TYPE_CONTAINER) also has a GC header in
 * front of them (runtime/memory/gc.h). */
struct Obj {
    intptr_t refcnt;
    Type *type;
};

/* Immortal objects (static types, interned builtin singletons) start with this
 * count so that no sequence of decrefs ever frees them; the collector treats
 * a container with such a count as headerless and never tracks it. */
#define OBJ_IMMORTAL ((intptr_t)1 << 60)
#define OBJ_HEAD_INIT(t) { OBJ_IMMORTAL, (t) }

/* ---- reference counting ----
 * Each place that holds a Value owns one reference to its object: a
 * variable, a container slot, a slot of the VM's stack. incref when storing
 * a borrowed value, decref when overwriting or dropping one; the decref that
 * takes the count to zero frees the object through its type's dealloc.
 * A count never goes below zero and a freed object is never increfed (both
 * checked by scr_assert in SCR_DEBUG builds: runtime/core/debug.h).
 * Drop references after the holder is consistent again: a decref can run
 * arbitrary code (__del__, weak reference callbacks) that looks at it. */
void obj_dealloc(Obj *o);        /* count reached zero: untracks a container, runs type->dealloc
                                    without growing the C stack unboundedly */

static inline void obj_incref(void *o)
{
    scr_assert(((Obj *)o)->refcnt > 0);
    ((Obj *)o)->refcnt++;
}
static inline void obj_decref(void *o)
{
    scr_assert(((Obj *)o)->refcnt > 0);
    if (--((Obj *)o)->refcnt == 0) obj_dealloc((Obj *)o);
}
/* The same on a Value: no-ops for unboxed numbers, None and the bools. */
static inline void incref(Value v) { if (val_is_obj(v)) obj_incref(val_as_obj(v)); }
static inline void decref(Value v) { if (val_is_obj(v)) obj_decref(val_as_obj(v)); }
/* decref that tolerates an empty slot (VAL_UNDEF) or VAL_ERROR. */
static inline void xdecref(Value v) { if (v != VAL_UNDEF && v != VAL_ERROR) decref(v); }
/* Empties a slot holding an owned reference (or VAL_UNDEF), then drops the
 * reference, so that code run by the decref never sees the old value. */
static inline void val_clear(Value *slot) { Value v = *slot; *slot = VAL_UNDEF; xdecref(v); }
/* incref and return v: turns a borrowed value into a new reference. */
static inline Value new_ref(Value v) { incref(v); return v; }

/* ---- type objects ---- */

/* Vectorcall convention for builtin functions and methods: args[0..nargs) are
 * the positional arguments followed by len(kwnames) keyword values; kwnames is
 * NULL or a tuple of interned str. For methods args[0] is self. All borrowed;
 * returns a new reference or VAL_ERROR. */
typedef Value (*CFunc)(Value *args, int nargs, Tuple *kwnames);

typedef struct MethodDef {
    const char *name;
    CFunc fn;
} MethodDef;

/* What a traverse slot calls for each object its instance holds a reference
 * to (runtime/memory/gc.h). */
typedef void (*VisitProc)(Obj *o, void *arg);

enum {
    TYPE_CONTAINER  = 1 << 0,   /* may hold references: has a GC header, tracked by the collector */
    TYPE_EXCEPTION  = 1 << 1,   /* BaseException or a subclass */
    TYPE_SEQUENCE   = 1 << 2,   /* list, tuple, str, range: for `in` and unpacking fast paths */
    TYPE_BASETYPE   = 1 << 3,   /* may be subclassed by a class statement */
    TYPE_HEAPTYPE   = 1 << 12,  /* a class created at run time (runtime/objects/class.h: struct Class) */
};

/* A type's slots. NULL means "not supported" (the generic operation raises
 * CPython's TypeError) unless the slot says otherwise. Every slot follows
 * the conventions above: arguments borrowed, results new or VAL_ERROR / -1.
 *
 * A container type (TYPE_CONTAINER) must also provide what the collector
 * relies on (runtime/memory/gc.h, docs/memory.md): instances allocated with
 * obj_alloc (zeroed, tracked at once), a traverse visiting exactly the
 * references the instance owns, a clear breaking them, and a dealloc that
 * finds the instance already untracked. */
struct Type {
    Obj ob;                      /* types are values: type(x) returns one */
    const char *name;
    Type *base;                  /* single base: exception hierarchy, bool -> int */
    size_t size;                 /* fixed size of an instance, for sys.getsizeof */
    unsigned flags;

    /* Release every reference the instance holds, then obj_free it. Called
     * by obj_dealloc with the count at zero and a container already off the
     * collector's lists; a dealloc that runs a finalizer first
     * (gc_finalize_from_dealloc) stops there when the object was
     * resurrected. NULL: nothing to release, obj_free only. */
    void   (*dealloc)(Obj *o);
    Value  (*repr)(Value v);
    Value  (*str)(Value v);                          /* NULL: repr */
    int    (*hash)(Value v, int64_t *out);           /* NULL: by identity without compare,
                                                        else unhashable -> TypeError */
    Value  (*compare)(Value a, Value b, int op);     /* op is a CmpOp (CMP_LT..CMP_GE);
                                                        VAL_NOTIMPL when b is foreign */
    int    (*truth)(Value v);                        /* NULL: len != 0, else true */
    int64_t (*len)(Value v);                         /* -1 with exception on error */
    Value  (*getitem)(Value o, Value key);
    int    (*setitem)(Value o, Value key, Value v);  /* v == VAL_UNDEF deletes */
    int    (*contains)(Value o, Value x);
    Value  (*iter)(Value o);
    Value  (*next)(Value it);                        /* VAL_UNDEF when exhausted, no exception */
    Value  (*call)(Value self, Value *args, int nargs, Tuple *kwnames);
    Value  (*getattr)(Value o, Str *name);           /* NULL: look in methods/dict only */
    int    (*setattr)(Value o, Str *name, Value v);  /* v == VAL_UNDEF deletes */
    Value  (*new)(Type *t, Value *args, int nargs, Tuple *kwnames); /* calling the type */
    const MethodDef *methods;    /* NULL-terminated; become bound methods on attribute access */
    /* Containers: call visit(o, arg) once for each reference to a heap object
     * the instance owns, and for nothing else (a visit of a borrowed
     * reference makes the collector free a live object). Must not allocate,
     * change a count or run code; must cope with a zeroed, half-built
     * instance (skip NULL / VAL_UNDEF fields). */
    void   (*traverse)(Obj *o, VisitProc visit, void *arg);
    /* Containers: drop the references that can form a cycle, leaving the
     * instance valid (each field detached before its decref, since the
     * decref may run code that looks at it). The collector calls it on
     * cyclic garbage while holding a reference. NULL: the type relies on
     * the other members of a cycle to break it. */
    void   (*clear)(Obj *o);
    Dict  *dict;                 /* built from methods by type_ready() */
    /* PEP 442's tp_finalize: runs __del__ or closes a generator, at most
     * once per object (gc.h: GC_FINALIZED), before the collector clears
     * cyclic garbage or from the type's dealloc. May resurrect the object. */
    void   (*finalize)(Obj *o);
    size_t weaklistoffset;       /* where an instance keeps its WeakRef list; 0: no weak references.
                                    Its dealloc then calls weakref_dealloc_hook (runtime/objects/weakref.h) */
};

extern Type type_type;           /* "type" */

void   type_ready(Type *t);      /* builds t->dict from t->methods; idempotent */
void   type_release_dicts(void); /* drops every dict type_ready built (interp_free) */

/* ---- allocation ----
 * obj_alloc returns a zeroed object of `size` bytes (header included) with
 * refcnt 1, or NULL with MemoryError set. A container gets its GC header in
 * front and is tracked at once (dicts: once they hold a container), so a
 * collection may traverse it from the next allocation on: fill it in an
 * order that keeps it valid for traverse and dealloc at every step.
 * obj_free releases the memory only: the end of a dealloc, or the undoing of
 * an obj_alloc whose object was never handed out. */
void *obj_alloc(Type *t, size_t size);
void  obj_free(void *o);

/* ---- types of values ---- */
Type  *val_type(Value v);        /* borrowed: int, float, bool, NoneType or the object's type */
const char *val_type_name(Value v);
bool   type_is_subtype(Type *t, Type *base);
bool   val_isinstance(Value v, Type *t);

/* ---- generic operations ----
 * Each dispatches on the value's type slots (unboxed numbers first) and
 * raises CPython's TypeError when the slot is missing. */
Value  obj_repr(Value v);        /* new Str or VAL_ERROR */
Value  obj_str(Value v);
int    obj_hash(Value v, int64_t *out);         /* 0, or -1 (unhashable, or __hash__ raised) */
int    obj_truth(Value v);
Value  obj_compare(Value a, Value b, int op);   /* result object (bool for builtins) */
/* obj_compare on values borrowed from a holder that the comparison's own code
 * may change (a list's items, a weak reference's referent): a reference to
 * each is held while it runs. */
Value  obj_compare_held(Value a, Value b, int op);
int    obj_compare_bool(Value a, Value b, int op);
int    obj_eq(Value a, Value b);                /* identity shortcut, then == */
int64_t obj_len(Value v);                       /* -1 with an exception set */
Value  obj_getitem(Value o, Value key);
int    obj_setitem(Value o, Value key, Value v);
int    obj_delitem(Value o, Value key);
int    obj_contains(Value o, Value x);          /* `x in o` */
Value  obj_iter(Value o);
Value  obj_next(Value it);                      /* VAL_UNDEF at the end, no exception set */
Value  obj_getattr(Value o, Str *name);
Value  obj_getattr_cstr(Value o, const char *name);
int    obj_setattr(Value o, Str *name, Value v);
Value  obj_call(Value f, Value *args, int nargs, Tuple *kwnames);

/* Look a method up without building a bound method (the VM's LOAD_METHOD):
 * returns a new reference to the plain function and sets *is_method when it
 * must be called with the object as args[0]. */
Value  obj_get_method(Value o, Str *name, bool *is_method);

#endif
