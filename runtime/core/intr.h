/* intr.h — Ctrl-C inside C code: long loops and blocking waits.
 *
 * The SIGINT handler (src/cli/main.c) only sets vm_sigint; the VM turns it
 * into KeyboardInterrupt on backward jumps and calls. C code that can run for
 * long without either (iterating a huge range in sum() or list(), a sort, a
 * sleep, a read from a terminal or pipe) asks here too, so that ^C stops it
 * at once and the traceback points at the statement that was running.
 *
 * Error convention: 0, or -1 with KeyboardInterrupt set (the pending ^C is
 * then consumed).
 */
#ifndef SCR_INTR_H
#define SCR_INTR_H

#include <signal.h>
#include <stdio.h>

extern volatile sig_atomic_t vm_sigint;      /* src/vm/vm.c */

/* ---- in long loops ---- */

/* Clear the pending ^C and raise KeyboardInterrupt; returns -1. */
int intr_raise(void);

/* Once per round: -1 with KeyboardInterrupt set when ^C was pressed, else
 * 0. One load of a flag: free on hot paths. */
static inline int intr_check(void)
{
    return __builtin_expect(vm_sigint != 0, 0) ? intr_raise() : 0;
}

/* ---- in blocking waits ---- */

/* Block until fd has input (or end of file, or an error for read() to
 * report). */
int intr_wait_readable(int fd);

/* The same before reading fp, which needs no wait while its buffer holds
 * input (or its end of file was seen). */
int intr_wait_stdio(FILE *fp);

/* Sleep secs seconds (>= 0). */
int intr_sleep(double secs);

#endif
