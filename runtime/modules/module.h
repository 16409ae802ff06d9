/* module.h — module objects and the registry of builtin modules (sys, time,
 * math, later gc and tracemalloc) that `import` finds. */
#ifndef SCR_MODULE_H
#define SCR_MODULE_H

#include "core/object.h"

typedef struct Module { Obj ob; Str *name; Dict *dict; } Module;

extern Type module_type;

Value module_new(const char *name);             /* with __name__ set in its dict */
/* Add `name` bound to a builtin function to a module dict. */
int   module_add_function(Dict *d, const char *name, CFunc fn);

typedef Value (*ModuleInit)(void);              /* returns a new Module */
typedef struct BuiltinModule { const char *name; ModuleInit init; } BuiltinModule;
extern const BuiltinModule builtin_modules[];   /* NULL-terminated (runtime/modules/module.c) */

/* Import a builtin module: cached in the interpreter's module table; raises
 * ModuleNotFoundError "No module named 'x'" when there is none. */
Value module_import(Str *name);

/* Initialisers of the builtin modules (runtime/modules/mod_sys.c, mod_time.c, mod_math.c). */
Value mod_sys_init(void);
Value mod_time_init(void);
Value mod_math_init(void);
Value mod_gc_init(void);        /* runtime/modules/mod_gc.c */
Value mod_tracemalloc_init(void);                /* runtime/modules/mod_tracemalloc.c */

/* Added by the gen helper (src/api/import.c): the user's own modules. */
#include <stdbool.h>
/* The main script's path: its directory is searched first (NULL: the cwd). */
void  import_set_main_dir(const char *script_path);
/* The file `import name` would load (name.scr on the search path): a new
 * malloc'd path, NULL if there is none. */
char *import_find_module_file(const char *name);
/* name.scr found and run as a module (new reference), VAL_UNDEF when there
 * is no such file, VAL_ERROR when it failed. */
Value import_user_module(Str *name);
/* Is this module's code still running (a circular import sees it so)? */
bool  import_is_initializing(Value module);
void  import_fini(void);

/* Library modules written in scr (runtime/lib/NAME.scr), compiled into the
 * program by the build as frozen_modules (NULL-terminated). */
typedef struct FrozenModule { const char *name; const char *src; size_t len; } FrozenModule;
extern const FrozenModule frozen_modules[];
/* Run the frozen module `name` (new reference), VAL_UNDEF when there is none. */
Value import_frozen_module(Str *name);

Value mod_weakref_init(void);   /* _weakref: runtime/modules/mod_weakref.c */
Value mod_atexit_init(void);    /* runtime/modules/mod_atexit.c */
/* Call the atexit functions, last registered first, and forget them. */
void  atexit_run(void);

/* Added by the files helper (runtime/modules/mod_os.c): os, and "os.path" (its posixpath submodule). */
Value mod_os_init(void);
Value mod_os_path_init(void);

#endif
