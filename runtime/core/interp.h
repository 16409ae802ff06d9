/* interp.h — the state of the one interpreter in a process: builtins, loaded
 * modules, argv, recursion limit, and the command-line configuration it was
 * started with. interp_init sets it up (exiting the process with a message
 * when it cannot); interp_free tears it down, releasing every object, so
 * that a leak checker sees no block left behind. */
#ifndef SCR_INTERP_H
#define SCR_INTERP_H

#include "core/object.h"

/* ---- configuration ---- */

/* How the command line configured the interpreter (all zero for an
 * embedder): set before interp_init, read while it runs. */
typedef struct InterpConfig {
    int optimize;               /* -O: 1 (no assert, __debug__ False); -OO: 2 (and no docstrings) */
    bool ignore_environment;    /* -E, -I: SCR_* variables are not read */
    bool isolated;              /* -I: imports do not look next to the script or in the working directory */
    bool unbuffered;            /* -u, SCR_UNBUFFERED: stdout and stderr written through */
    bool dont_write_bytecode;   /* -B: sys.dont_write_bytecode (scr never writes bytecode files) */
    int nwarnoptions;           /* -W arguments, in order: sys.warnoptions */
    char **warnoptions;
} InterpConfig;

extern InterpConfig interp_config;

/* getenv for the interpreter's own SCR_* variables: NULL under -E / -I. */
const char *interp_getenv(const char *name);

/* ---- the interpreter state ----
 * The interpreter owns one reference to each object below; code reading
 * them borrows. */
typedef struct Interp {
    Dict *builtins;        /* the builtins module's dict */
    Dict *modules;         /* sys.modules: name -> module */
    List *argv;            /* sys.argv */
    int recursion_limit;   /* sys.setrecursionlimit, default 1000 */
    int depth;             /* current call depth (scr frames + C re-entries) */
    Value main_module;     /* VAL_NONE until the program's __main__ exists */
} Interp;

extern Interp interp;

#endif
