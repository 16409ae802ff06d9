/* module.h — the registry of builtin modules (written in C: sys, time,
 * math, gc, tracemalloc, os, _weakref, atexit, builtins, _pydoc) and
 * `import` by name, which also finds the library written in scr and the
 * user's modules through the import machinery (core/vmcall.h). Module
 * objects themselves are objects/module.h.
 *
 * Values returned are new references; errors are VAL_ERROR / -1 with the
 * exception set. */
#ifndef SCR_MODULE_H
#define SCR_MODULE_H

#include "core/object.h"

/* ---- builtin modules ---- */

typedef Value (*ModuleInit)(void);              /* returns a new Module */
typedef struct BuiltinModule { const char *name; ModuleInit init; } BuiltinModule;
extern const BuiltinModule builtin_modules[];   /* NULL-terminated */

/* The initialisers, one per mod_*.c (builtins and _pydoc: sitebuiltins.h). */
Value mod_sys_init(void);
Value mod_time_init(void);
Value mod_math_init(void);
Value mod_gc_init(void);
Value mod_tracemalloc_init(void);
Value mod_os_init(void);
Value mod_os_path_init(void);   /* "os.path": the os module's posixpath */
Value mod_weakref_init(void);   /* _weakref */
Value mod_atexit_init(void);

/* Call the atexit functions, last registered first, and forget them; an
 * error is printed as "Exception ignored in atexit callback", not returned. */
void  atexit_run(void);

/* ---- importing ---- */

/* import name: the module in the interpreter's module table (sys.modules),
 * else a builtin module, a library module written in scr, or the user's
 * name.scr, run and entered in the table; ModuleNotFoundError "No module
 * named 'x'" when there is none. */
Value module_import(Str *name);
/* getattr(import name, attr); AttributeError if the module lacks attr. */
Value module_import_attr(const char *name, const char *attr);

/* ---- shared with the builtins ---- */

Value sys_exit(Value *args, int nargs, Tuple *kwnames);        /* raises SystemExit: always VAL_ERROR */
Value sys_getrefcount(Value *args, int nargs, Tuple *kwnames);

#endif
