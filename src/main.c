/* main.c — the scr command line, modelled on python3's:
 *   scr [-i] [-q] [-X opt] FILE [ARGS...]   run a file (sys.argv = [FILE, ARGS...])
 *   scr [-i] [-q] -c CODE [ARGS...]         run a string (sys.argv = ['-c', ARGS...])
 *   scr [-i] [-q] - [ARGS...]               run the program read from stdin
 *   scr                                     the REPL on a terminal, else as `scr -`
 *   scr --dis FILE                          print the bytecode of FILE
 *   scr -V / --version, -h / --help
 * -i enters the REPL after the program, with its globals. SIGINT becomes a
 * KeyboardInterrupt in the running program. The interpreter is torn down
 * completely before exit so that a leak checker sees every object released.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "run.h"
#include "repl.h"
#include "vm.h"
#include "ast.h"
#include "compiler.h"
#include "../runtime/interp.h"
#include "../runtime/error.h"
#include "../runtime/mem.h"
#include "../runtime/gc.h"

#ifndef SCR_VERSION
#define SCR_VERSION "0.1.0"
#endif

static const char usage_line[] = "usage: scr [option] ... [-c cmd | file | -] [arg] ...\n";

static void usage(FILE *f)
{
    fputs(usage_line, f);
    fputs("Options (and corresponding environment variables):\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running script; forces a prompt even\n"
          "         if stdin does not appear to be a terminal\n"
          "-q     : don't print version and copyright messages on interactive startup\n"
          "-V     : print the version number and exit (also --version)\n"
          "-X opt : set implementation-specific option:\n"
          "         -X gcstats: print the cycle collector's statistics at exit\n"
          "--dis  : print the bytecode of the program instead of running it\n"
          "Arguments:\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n"
          "\n"
          "Other environment variables:\n"
          "HOME         : the REPL keeps its history in $HOME/.scr_history\n"
          "SCR_GC_STRESS: run the cycle collector far more often (a test aid; slow)\n", f);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(usage_line, stderr);
    fputs("Try `scr -h' for more information.\n", stderr);
    return 2;
}

/* scr --dis FILE: compile only and print the disassembly. */
static int dis_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        fprintf(stderr, "scr: can't open file '%s': [Errno %d] %s\n", path, e, strerror(e));
        return 2;
    }
    size_t len = 0;
    char *src = run_read_all(f, &len);
    fclose(f);
    if (!src) { fputs("scr: out of memory\n", stderr); return 1; }
    ParseError err;
    memset(&err, 0, sizeof err);
    int status = 0;
    Node *mod = parse_module(src, len, path, &err);
    Code *co = mod ? compile_module(mod, path, COMPILE_FILE, &err) : NULL;
    if (mod) ast_free(mod);
    if (!co) {
        if (err_occurred()) { err_clear(); fputs("scr: out of memory\n", stderr); }
        else run_print_syntax_error(&err, src, len, path);
        status = 1;
    } else {
        code_dump(co, stdout);
        obj_decref(co);
    }
    mem_free(src);
    return status;
}

static void on_sigint(int sig)
{
    (void)sig;
    vm_sigint = 1;
}

/* -X gcstats: what the collector did and how high the heap went, read after
 * the program and before teardown (the exit-time collection is not counted). */
static void print_gcstats(void)
{
    fputs("gc.get_stats(): [", stderr);
    for (int g = 0; g < GC_NGENERATIONS; g++) {
        GCGenStats st = gc_get_stats(g);
        fprintf(stderr, "%s{'collections': %ld, 'collected': %ld, 'uncollectable': %ld}",
                g ? ", " : "", (long)st.collections, (long)st.collected, (long)st.uncollectable);
    }
    fprintf(stderr, "]\npeak heap: %zu bytes\n", mem_peak_bytes());
}

int main(int argc, char **argv)
{
    enum { RUN_FILE, RUN_CMD, RUN_STDIN, RUN_DIS } mode = RUN_STDIN;
    const char *target = NULL;
    bool inspect = false, quiet = false, explicit_stdin = false;
    int first_arg = argc;          /* argv index of sys.argv[0] */
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') break;          /* FILE or "-" */
        if (a[1] == '-') {
            if (a[2] == '\0') { i++; break; }             /* "--": options end */
            if (strcmp(a, "--version") == 0) { printf("scr %s\n", SCR_VERSION); return 0; }
            if (strcmp(a, "--help") == 0) { usage(stdout); return 0; }
            if (strcmp(a, "--dis") == 0) {
                if (i + 1 >= argc) return usage_error("Argument expected for the %s option", a);
                mode = RUN_DIS;
                target = argv[i + 1];
                first_arg = i + 1;
                goto options_done;
            }
            return usage_error("unknown option %s", a);
        }
        /* a cluster of one-letter options: -iq, -cCODE, -Xgcstats */
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'i': inspect = true; break;
            case 'q': quiet = true; break;
            case 'V': printf("scr %s\n", SCR_VERSION); return 0;
            case 'h': case '?': usage(stdout); return 0;
            case 'c':
            case 'X': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                char opt[3] = {'-', *p, '\0'};
                if (!val) return usage_error("Argument expected for the %s option", opt);
                if (*p == 'c') {
                    mode = RUN_CMD;
                    target = val;
                    first_arg = i;   /* sys.argv[0] becomes '-c' below */
                    goto options_done;
                }
                if (strcmp(val, "gcstats") == 0) {
                    run_gcstats = 1;
                } else {
                    fprintf(stderr, "scr: unknown -X option '%s' (known: gcstats)\n", val);
                    fputs(usage_line, stderr);
                    return 2;
                }
                goto next_arg;       /* the rest of the argument was the value */
            }
            default: {
                char opt[3] = {'-', *p, '\0'};
                return usage_error("Unknown option: %s", opt);
            }
            }
        }
    next_arg:;
    }
    if (i < argc) {
        first_arg = i;
        if (strcmp(argv[i], "-") == 0) {
            explicit_stdin = true;
        } else {
            mode = RUN_FILE;
            target = argv[i];
        }
    }
options_done:;

    /* sys.argv */
    int sargc = argc - first_arg;
    char **sargv = argv + first_arg;
    char *dash_c = "-c";
    char *empty = "";
    char *one[1];
    if (mode == RUN_CMD) {
        sargv[0] = dash_c;       /* argv[first_arg] held the code (or -cCODE), already in target */
    } else if (sargc <= 0) {
        one[0] = empty;
        sargv = one;
        sargc = 1;
    }

    interp_init(sargc, sargv);
    vm_init();
    if (mode == RUN_DIS) {
        int st = dis_file(target);
        vm_free();
        interp_free();
        return st;
    }

    /* ^C raises KeyboardInterrupt in the program (SA_RESTART: a blocking
     * read in input() is not cut short by it). As python3, leave SIGINT
     * alone when it is ignored (a background job of a script, nohup). */
    struct sigaction sa;
    if (sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL) {
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, NULL);
    }

    int status = 0;
    RunOutcome how = RUN_OK;
    int flags = inspect ? RUN_KEEP_GOING : RUN_FRESH_MAIN;
    bool repl = inspect;
    if (mode == RUN_FILE) {
        how = run_path(target, flags, &status);
    } else if (mode == RUN_CMD) {
        how = run_text(target, strlen(target), "<string>", flags, &status);
    } else if (!inspect && (explicit_stdin || !isatty(STDIN_FILENO))) {
        size_t len = 0;
        char *src = run_read_all(stdin, &len);
        if (!src) {
            perror("scr: <stdin>");
            status = 1;
        } else {
            how = run_text(src, len, "<stdin>", RUN_FRESH_MAIN, &status);
            mem_free(src);
        }
    } else {
        repl = true;
    }
    if (repl) {
        /* python3 shows the banner only when no program ran first */
        status = repl_run(!quiet && mode == RUN_STDIN);
        how = RUN_OK;
    }
    fflush(stdout);
    if (run_gcstats) print_gcstats();
    vm_free();
    interp_free();
    if (how == RUN_INTERRUPTED) {
        /* as python3: die of the signal, so that the shell sees ^C */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
