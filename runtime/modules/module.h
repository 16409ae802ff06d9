/* module.h — module objects, the registry of builtin modules (written in C:
 * sys, time, math, gc, tracemalloc, os, _weakref, atexit, builtins, _pydoc)
 * that `import` finds, and the interface of the import machinery
 * (src/api/import.c) for user modules and the library written in scr.
 *
 * Values returned are new references; errors are VAL_ERROR / -1 with the
 * exception set. */
#ifndef SCR_MODULE_H
#define SCR_MODULE_H

#include <stdbool.h>
#include "core/object.h"

/* ---- module objects ---- */

typedef struct Module { Obj ob; Str *name; Dict *dict; } Module;   /* both owned */

extern Type module_type;

static inline Dict *module_dict(Value m) { return ((Module *)val_as_obj(m))->dict; }   /* borrowed */

Value module_new(const char *name);             /* with __name__ set in its dict */
/* A new module with the builtin functions of fns (NULL-terminated) bound in
 * its dict, in order. */
Value module_new_with(const char *name, const MethodDef *fns);
/* Add `name` bound to a builtin function to a module dict. */
int   module_add_function(Dict *d, const char *name, CFunc fn);
int   module_add_functions(Dict *d, const MethodDef *fns);   /* each of fns, in order */

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

/* ---- user modules (src/api/import.c) ---- */

/* The main script's path: its directory is searched first (NULL: the cwd). */
void  import_set_main_dir(const char *script_path);
/* The file `import name` would load (name.scr on the search path): a new
 * malloc'd path the caller frees, NULL if there is none. */
char *import_find_module_file(const char *name);
/* name.scr found and run as a module (new reference), VAL_UNDEF when there
 * is no such file, VAL_ERROR when it failed. */
Value import_user_module(Str *name);
/* Is this module's code still running (a circular import sees it so)? */
bool  import_is_initializing(Value module);
void  import_fini(void);                        /* release the import state at exit */

/* ---- library modules written in scr ---- */

/* runtime/lib/NAME.scr, compiled into the program by the build as
 * frozen_modules (NULL-terminated). */
typedef struct FrozenModule { const char *name; const char *src; size_t len; } FrozenModule;
extern const FrozenModule frozen_modules[];
/* Run the frozen module `name` (new reference), VAL_UNDEF when there is none. */
Value import_frozen_module(Str *name);

#endif
