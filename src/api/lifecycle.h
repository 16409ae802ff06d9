/* lifecycle.h — starting and stopping the one interpreter of a process.
 *
 * interp_init readies every type, creates the builtins, the module table
 * with sys loaded and sys.argv (argv[0..argc), or [''] when argc is 0); it
 * prints a message and exits the process when it cannot (memory, or a
 * platform whose addresses do not fit NaN-boxed values). interp_free
 * releases every object, so that a leak checker sees no block left behind;
 * interp_init may then be called again. src/cli/main.c and the embedding API
 * (api.c) call them; runtime/core/interp.h holds the state they manage.
 */
#ifndef SCR_LIFECYCLE_H
#define SCR_LIFECYCLE_H

void interp_init(int argc, char **argv);
void interp_free(void);

#endif
