/* vm.h — the bytecode interpreter: one contiguous value stack shared by all
 * frames, computed-goto dispatch, calls without malloc, exceptions unwound
 * through the code's handler tables. */
#ifndef SCR_VM_H
#define SCR_VM_H

#include "compile/bytecode.h"
#include "objects/function.h"

void  vm_init(void);
void  vm_free(void);
/* Run module-level code with the given globals; returns the result (None) or
 * VAL_ERROR with the exception pending (traceback attached). */
Value vm_run_module(Code *code, Dict *globals);
/* Call a scr function from C (function_type.call; builtins such as map and
 * sorted(key=) come through here). */
Value vm_call_function(Function *f, Value *args, int nargs, Tuple *kwnames);

/* Globals of the innermost running scr frame (dir(), globals()); NULL at top level. */
Dict *vm_current_globals(void);
/* The exception being handled (sys.exception()), a new reference, or None. */
Value vm_handled_exception(void);
/* Added by the gen helper: locals() of the innermost running scr function as
 * a new dict (bound slots, cells' contents); VAL_UNDEF at module level (the
 * globals are the locals there); VAL_ERROR on MemoryError. */
Value vm_locals(void);

/* Added by the repl helper. Set from a SIGINT handler (src/cli/main.c); the VM
 * raises KeyboardInterrupt at the next backward jump or call and clears it. */
#include <signal.h>
extern volatile sig_atomic_t vm_sigint;

/* Added by the class helper: false before vm_init and after vm_free (runtime/objects/instance.c
 * runs __del__ only while scr code can still run). */
bool vm_running(void);

#endif
