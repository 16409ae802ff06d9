/* api.c — the public embedding API (src/api/scr.h) over the interpreter's
 * process-wide state: an scr_interp is a token for the one interp/vm pair,
 * so that a second scr_new while one is alive is refused instead of
 * corrupting it. */
#include <string.h>
#include <stdlib.h>

#include "api/scr.h"
#include "api/run.h"
#include "vm/vm.h"
#include "core/interp.h"
#include "api/lifecycle.h"

#ifndef SCR_VERSION
#define SCR_VERSION "0.1.0"
#endif

struct scr_interp { int alive; };

static scr_interp the_interp;

scr_interp *scr_new(int argc, char **argv)
{
    if (the_interp.alive) return NULL;
    static char empty[] = "";
    static char *no_args[] = {empty, NULL};
    if (argc <= 0 || !argv) {
        argc = 1;
        argv = no_args;
    }
    interp_init(argc, argv);
    vm_init();
    the_interp.alive = 1;
    return &the_interp;
}

int scr_run_string(scr_interp *s, const char *code)
{
    if (!s || !s->alive || !code) return 1;
    int status;
    run_text(code, strlen(code), "<string>", 0, &status);
    return status;
}

int scr_run_file(scr_interp *s, const char *path)
{
    if (!s || !s->alive || !path) return 1;
    int status;
    run_path(path, 0, &status);
    return status;
}

void scr_free(scr_interp *s)
{
    if (!s || !s->alive) return;
    vm_free();
    interp_free();
    s->alive = 0;
}

const char *scr_version(void)
{
    return SCR_VERSION;
}
