/* vmcall.h — the calls the runtime makes into the interpreter.
 *
 * The runtime (objects, builtins, modules) sits below the VM: it includes no
 * header of src/ but this one, which declares the few services of src/ it
 * needs: calling a scr function, the state of the running frame, running a
 * generator's frame, printing a traceback entry, and compiling and running
 * the modules written in scr that `import` finds. src/vm/vm.h includes
 * it rather than declaring them again.
 *
 * Errors follow the runtime's convention: VAL_ERROR (or NULL) with the
 * exception set.
 */
#ifndef SCR_VMCALL_H
#define SCR_VMCALL_H

#include <stdbool.h>
#include "core/object.h"

struct Function;
struct Generator;
struct Code;

/* ---- running scr code (src/vm/vm.c) ---- */

/* False before vm_init and after vm_free: no scr code can run then (a
 * __del__ is skipped, a dying generator is not closed). */
bool vm_running(void);

/* Call a scr function from C (function_type.call; builtins such as map and
 * sorted(key=) come through here): args are nargs positional values then
 * one value per name of kwnames (NULL: none), all borrowed. Returns a new
 * reference, or VAL_ERROR. */
Value vm_call_function(struct Function *f, Value *args, int nargs, Tuple *kwnames);

/* ---- the innermost running frame ---- */

/* Its globals (dir(), globals(), a NameError's suggestions), borrowed;
 * NULL when no scr code runs. */
Dict *vm_current_globals(void);

/* locals() of the innermost scr function as a new dict (bound slots,
 * cells' contents); VAL_UNDEF at module level, where the globals are the
 * locals; VAL_ERROR on MemoryError. */
Value vm_locals(void);

/* The exception being handled (sys.exception()), a new reference, or None. */
Value vm_handled_exception(void);

/* ---- generators: frames suspended in a Generator (objects/generator.h) ---- */

/* Run g until it yields or finishes. send: the value of the current yield
 * expression (VAL_NONE to start); exc: VAL_UNDEF or an exception instance
 * to raise at the yield instead (borrowed). Returns the yielded value with
 * *done = 0, the return value with *done = 1, or VAL_ERROR. */
Value vm_gen_resume(struct Generator *g, Value send, Value exc, int *done);

/* The iterator a suspended g delegates to in `yield from` (the top of its
 * saved operand stack), borrowed; VAL_UNDEF when g is not suspended there. */
Value vm_gen_delegate(struct Generator *g);

/* Make g, suspended in `yield from`, resume after it with the delegate
 * popped and released: the value sent by the next resume is then the
 * result of the `yield from`. */
void vm_gen_leave_yield_from(struct Generator *g);

/* ---- tracebacks (src/vm/traceback.c, src/vm/suggest.c) ---- */

/* `  File "F", line N, in NAME`, the source line and its PEP 657 markers
 * for instruction instr of c, as CPython 3.11 prints them. file is a FILE *. */
void tb_print_entry(void *file, const struct Code *c, int line, int instr);

/* The hints of CPython 3.11's "Did you mean: 'x'?", as a new reference or
 * NULL: for a NameError raised in code with those globals, and for an
 * AttributeError on obj. Never leave an exception set. */
Str *suggest_for_name(Str *name, const struct Code *code, Dict *globals);
Str *suggest_for_attribute(Str *name, Value obj);

/* ---- importing modules written in scr (src/api/import.c) ---- */

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
