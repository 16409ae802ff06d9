/* function.h — callable objects: functions defined in scr (code + globals +
 * defaults + closure cells), builtin functions, bound methods, and cells. */
#ifndef SCR_FUNCTION_H
#define SCR_FUNCTION_H

#include "core/object.h"

struct Code;

typedef struct Cell { Obj ob; Value v; } Cell;  /* v == VAL_UNDEF: empty */

typedef struct Function {
    Obj ob;
    struct Code *code;   /* owned */
    Dict *globals;       /* owned */
    Tuple *defaults;     /* NULL or values for the last len(defaults) parameters */
    Tuple *closure;      /* NULL or tuple of Cell, one per free variable of code */
    Str *name;           /* __name__ (owned) */
    Str *qualname;       /* __qualname__ (owned) */
    Dict *kwdefaults;    /* gen helper: NULL or keyword-only parameter name -> default */
    Dict *dict;          /* NULL or the function's attributes (f.calls = 0) */
    struct WeakRef *weaklist;
} Function;

typedef struct Builtin {
    Obj ob;
    const char *name;
    CFunc fn;
    Value self;          /* VAL_UNDEF for a plain function; else bound: called with self as args[0] */
    Str *module;         /* NULL or the module name, for repr */
} Builtin;

typedef struct Method {  /* a scr function bound to an object (issue 5: classes) */
    Obj ob;
    Value func, self;
    struct WeakRef *weaklist;
} Method;

extern Type function_type, builtin_type, method_type, cell_type;

Value builtin_new(const char *name, CFunc fn, Value self);  /* increfs self */
Value cell_new(Value v);                                    /* increfs v */
Value function_new(struct Code *code, Dict *globals);       /* increfs both */

#endif
