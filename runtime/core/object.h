/* object.h — the heap object header, type objects, reference counting and the
 * generic operations every part of the interpreter calls (repr, hash, compare,
 * call, iterate, index, attributes).
 *
 * Ownership convention, everywhere in scr:
 *   - a function returning Value returns a NEW reference, or VAL_ERROR with an
 *     exception set (runtime/core/error.h);
 *   - arguments are BORROWED (Value *args points into the VM stack, which owns them);
 *   - a function returning int returns 0/1 for false/true or success and -1 with
 *     an exception set.
 */
#ifndef SCR_OBJECT_H
#define SCR_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "core/value.h"
#include "core/ops.h"

typedef struct Type Type;
typedef struct Str Str;
typedef struct Tuple Tuple;
typedef struct List List;
typedef struct Dict Dict;

struct Obj {
    intptr_t refcnt;
    Type *type;
};

/* Immortal objects (static types, interned builtin singletons) start with this
 * count so that no sequence of DECREFs ever frees them. */
#define OBJ_IMMORTAL ((intptr_t)1 << 60)
#define OBJ_HEAD_INIT(t) { OBJ_IMMORTAL, (t) }

/* Vectorcall convention for builtin functions and methods: args[0..nargs) are
 * the positional arguments followed by len(kwnames) keyword values; kwnames is
 * NULL or a tuple of interned str. For methods args[0] is self. */
typedef Value (*CFunc)(Value *args, int nargs, Tuple *kwnames);

typedef struct MethodDef {
    const char *name;
    CFunc fn;
} MethodDef;

typedef void (*VisitProc)(Obj *o, void *arg);

enum {
    TYPE_CONTAINER  = 1 << 0,   /* may hold references: tracked by the collector */
    TYPE_EXCEPTION  = 1 << 1,   /* BaseException or a subclass */
    TYPE_SEQUENCE   = 1 << 2,   /* list, tuple, str, range: for `in` and unpacking fast paths */
    TYPE_BASETYPE   = 1 << 3,   /* may be subclassed (later issues) */
    TYPE_HEAPTYPE   = 1 << 12,  /* a class created at run time (runtime/objects/class.h: struct Class) */
};

struct Type {
    Obj ob;                      /* types are values: type(x) returns one */
    const char *name;
    Type *base;                  /* single base: exception hierarchy, bool -> int */
    size_t size;                 /* fixed size of an instance, for sys.getsizeof */
    unsigned flags;

    void   (*dealloc)(Obj *o);                       /* release references, free memory */
    Value  (*repr)(Value v);
    Value  (*str)(Value v);                          /* NULL: repr */
    int    (*hash)(Value v, int64_t *out);           /* NULL: unhashable -> TypeError */
    Value  (*compare)(Value a, Value b, int op);     /* VAL_NOTIMPL when b is foreign */
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
    void   (*traverse)(Obj *o, VisitProc visit, void *arg);  /* collector (issue 3) */
    void   (*clear)(Obj *o);
    Dict  *dict;                 /* built from methods by type_ready() */
    /* PEP 442's tp_finalize: runs __del__ or closes a generator, at most
     * once per object (gc.h: GC_FINALIZED), before the collector clears
     * cyclic garbage or from the type's dealloc. May resurrect the object. */
    void   (*finalize)(Obj *o);
    size_t weaklistoffset;       /* where an instance keeps its WeakRef list; 0: no weak references */
};

extern Type type_type;           /* "type" */

/* ---- reference counting ---- */
void obj_dealloc(Obj *o);        /* runs type->dealloc without growing the C stack unboundedly */

static inline void incref(Value v) { if (val_is_obj(v)) val_as_obj(v)->refcnt++; }
static inline void decref(Value v)
{
    if (val_is_obj(v)) {
        Obj *o = val_as_obj(v);
        if (--o->refcnt == 0) obj_dealloc(o);
    }
}
static inline void xdecref(Value v) { if (v != VAL_UNDEF && v != VAL_ERROR) decref(v); }
static inline void obj_incref(void *o) { ((Obj *)o)->refcnt++; }
static inline void obj_decref(void *o) { if (--((Obj *)o)->refcnt == 0) obj_dealloc((Obj *)o); }

/* Allocate an object of `size` bytes (header included) with refcnt 1. Returns
 * NULL with MemoryError set on failure. */
void *obj_alloc(Type *t, size_t size);
void  obj_free(void *o);         /* memory only; called at the end of a dealloc */

/* ---- generic operations ---- */
Type  *val_type(Value v);        /* int, float, bool, NoneType or the object's type */
const char *val_type_name(Value v);
bool   type_is_subtype(Type *t, Type *base);
bool   val_isinstance(Value v, Type *t);
void   type_ready(Type *t);      /* builds t->dict from t->methods; idempotent */
void   type_release_dicts(void); /* drops every dict type_ready built (interp_free; runtime/core/object.c) */

Value  obj_repr(Value v);        /* new Str or VAL_ERROR */
Value  obj_str(Value v);
int    obj_hash(Value v, int64_t *out);
int    obj_truth(Value v);
Value  obj_compare(Value a, Value b, int op);  /* result object (bool for builtins) */
int    obj_compare_bool(Value a, Value b, int op);
int    obj_eq(Value a, Value b);                /* identity shortcut, then == */
int64_t obj_len(Value v);
Value  obj_getitem(Value o, Value key);
int    obj_setitem(Value o, Value key, Value v);
int    obj_delitem(Value o, Value key);
int    obj_contains(Value o, Value x);          /* `x in o` */
Value  obj_iter(Value o);
Value  obj_next(Value it);                      /* VAL_UNDEF at the end */
Value  obj_getattr(Value o, Str *name);
Value  obj_getattr_cstr(Value o, const char *name);
int    obj_setattr(Value o, Str *name, Value v);
Value  obj_call(Value f, Value *args, int nargs, Tuple *kwnames);

/* Look a method up without building a bound method (the VM's LOAD_METHOD):
 * returns a new reference to the plain function and sets *is_method when it
 * must be called with the object as args[0]. */
Value  obj_get_method(Value o, Str *name, bool *is_method);

#endif
