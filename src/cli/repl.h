/* repl.h — the interactive prompt (src/cli/repl.c), entered by `scr` on a
 * terminal, by `scr -i`, and after `scr -i FILE` with the file's globals. */
#ifndef SCR_REPL_H
#define SCR_REPL_H

#include <stdbool.h>

/* Read-eval-print until end of input or SystemExit, in the current __main__
 * (created if needed). Returns the exit status: 0 at end of input, the
 * SystemExit code otherwise. SIGINT must be routed to vm_sigint (src/cli/main.c). */
int repl_run(bool banner);

/* After repl_run: its input ended right after a statement that ended in an
 * uncaught KeyboardInterrupt, so scr should die of SIGINT as python3 does. */
bool repl_ended_interrupted(void);

/* Built with libedit: line editing, history and Tab completion. */
bool repl_has_line_editing(void);

#endif
