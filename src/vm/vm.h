/* vm.h — the bytecode interpreter: one contiguous value stack shared by all
 * frames, computed-goto dispatch, calls without malloc, exceptions unwound
 * through the code's handler tables (objects/code.h).
 *
 * This header is for the embedding layers (src/api, src/cli); the services
 * the runtime calls back into (vm_call_function, vm_locals, generators'
 * frames, ...) are declared in core/vmcall.h, which it includes. Errors:
 * VAL_ERROR with the exception set.
 */
#ifndef SCR_VM_H
#define SCR_VM_H

#include "core/intr.h"          /* vm_sigint */
#include "core/vmcall.h"
#include "objects/code.h"

/* ---- life cycle ---- */

/* Map the value stack and the frames; vm_running() is true from here on. */
void  vm_init(void);
/* Run the atexit handlers, tear down __main__ while code can still run,
 * then release the stacks and the VM's caches. */
void  vm_free(void);

/* ---- running code ---- */

/* Run module-level code with the given globals (borrowed); returns the
 * result (None) or VAL_ERROR with the exception pending (traceback
 * attached). */
Value vm_run_module(Code *code, Dict *globals);

/* vm_sigint (core/intr.h) is set from a SIGINT handler (src/cli/main.c);
 * the VM raises KeyboardInterrupt at the next backward jump or call and
 * clears it. */

#endif
