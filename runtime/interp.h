/* interp.h — the state of the one interpreter in a process: builtins, loaded
 * modules, argv, recursion limit. Set up by interp_init, torn down (every
 * object released) by interp_free. */
#ifndef SCR_INTERP_H
#define SCR_INTERP_H

#include "object.h"

typedef struct Interp {
    Dict *builtins;        /* the builtins module's dict */
    Dict *modules;         /* sys.modules: name -> module */
    List *argv;            /* sys.argv */
    int recursion_limit;   /* sys.setrecursionlimit, default 1000 */
    int depth;             /* current call depth (scr frames + C re-entries) */
    Value main_module;
} Interp;

extern Interp interp;

void interp_init(int argc, char **argv);   /* argv as sys.argv */
void interp_free(void);
Dict *builtins_init(void);                 /* runtime/builtins.c: the builtins dict */

/* Shared by the builtins and the sys module (runtime/mod_sys.c). */
Value sys_exit(Value *args, int nargs, Tuple *kwnames);        /* raises SystemExit */
Value sys_getrefcount(Value *args, int nargs, Tuple *kwnames);

#endif
