/* function.h — callable objects: functions defined in scr (code + globals +
 * defaults + closure cells), builtin functions (a C function, possibly bound
 * to a self), bound methods, and the cells closures share.
 *
 * Ownership: the object pointers in these structs are owned unless stated.
 * The constructors return a new reference, or VAL_ERROR with MemoryError. */
#ifndef SCR_FUNCTION_H
#define SCR_FUNCTION_H

#include "core/object.h"

struct Code;

/* ---- the objects ---- */

typedef struct Cell { Obj ob; Value v; } Cell;  /* v == VAL_UNDEF: empty */

typedef struct Function {
    Obj ob;
    struct Code *code;
    Dict *globals;
    Tuple *defaults;     /* NULL or values for the last len(defaults) parameters */
    Tuple *closure;      /* NULL or tuple of Cell, one per free variable of code */
    Str *name;           /* __name__ */
    Str *qualname;       /* __qualname__ */
    Dict *kwdefaults;    /* NULL or keyword-only parameter name -> default */
    Dict *dict;          /* NULL or the function's attributes (f.calls = 0) */
    struct WeakRef *weaklist;    /* weakref.h: the list head, not a reference */
} Function;

typedef struct Builtin {
    Obj ob;
    const char *name;    /* static */
    CFunc fn;
    Value self;          /* VAL_UNDEF for a plain function; else bound: called with self as args[0] */
    Str *module;         /* NULL or the module name, for repr */
} Builtin;

/* A function bound to an object: calling it calls func with self first. */
typedef struct Method {
    Obj ob;
    Value func, self;
    struct WeakRef *weaklist;    /* weakref.h: the list head, not a reference */
} Method;

extern Type function_type, builtin_type, method_type, cell_type;

/* ---- constructors ---- */

Value function_new(struct Code *code, Dict *globals);       /* increfs both */
Value builtin_new(const char *name, CFunc fn, Value self);  /* name static; increfs self */
Value cell_new(Value v);                                    /* increfs v; VAL_UNDEF: empty */

/* ---- argument checking for builtins ---- */

#endif
