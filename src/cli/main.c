/* main.c — the scr command line, modelled on python3's:
 *   scr [options] FILE [ARGS...]            run a file (sys.argv = [FILE, ARGS...])
 *   scr [options] -c CODE [ARGS...]         run a string (sys.argv = ['-c', ARGS...])
 *   scr [options] -m MOD [ARGS...]          run MOD.scr as __main__ (sys.argv[0] its path)
 *   scr [options] - [ARGS...]               run the program read from stdin
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

#include "api/run.h"
#include "cli/repl.h"
#include "vm/vm.h"
#include "parse/ast.h"
#include "compile/compiler.h"
#include "parse/source.h"
#include "core/interp.h"
#include "core/error.h"
#include "memory/mem.h"
#include "memory/gc.h"
#include "modules/module.h"
#include "objects/textio.h"
#include "objects/bytes.h"
#include "core/vmcall.h"
#include "api/lifecycle.h"

#ifndef SCR_VERSION
#define SCR_VERSION "0.1.0"
#endif

static const char usage_line[] = "usage: scr [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static void usage(FILE *f)
{
    fputs(usage_line, f);
    fputs("Options (and corresponding environment variables):\n"
          "-B     : don't write bytecode files (scr never writes them; accepted as python3's)\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-E     : ignore SCR_* environment variables (such as SCR_PATH)\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running script; forces a prompt even\n"
          "         if stdin does not appear to be a terminal\n"
          "-I     : isolate scr from the user's environment (implies -E; imports do not\n"
          "         look in the script's directory or the working directory)\n"
          "-m mod : run module mod (mod.scr on the search path) as a script\n"
          "         (terminates option list)\n"
          "-O     : remove assert and __debug__-dependent statements\n"
          "-OO    : do -O changes and also discard docstrings\n"
          "-q     : don't print version and copyright messages on interactive startup\n"
          "-u     : force the stdout and stderr streams to be unbuffered;\n"
          "         this option has no effect on stdin; also SCR_UNBUFFERED=x\n"
          "-V     : print the version number and exit (also --version)\n"
          "-W arg : warning control, kept in sys.warnoptions (scr has no warnings module yet)\n"
          "-X opt : set implementation-specific option:\n"
          "         -X gcstats: print the cycle collector's statistics at exit\n"
          "--dis  : print the bytecode of the program instead of running it\n"
          "Arguments:\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n"
          "\n"
          "Other environment variables:\n"
          "HOME          : the REPL keeps its history in $HOME/.scr_history\n"
          "SCR_PATH      : ':'-separated directories searched for modules after the\n"
          "                script's directory\n"
          "SCR_GC_STRESS : run the cycle collector far more often (a test aid; slow)\n", f);
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
    char *text;
    size_t n;
    if (source_decode(src, len, false, &text, &n, &err) < 0) {
        run_print_syntax_error(&err, text ? text : src, text ? n : len, path);
        mem_free(text);
        mem_free(src);
        return 1;
    }
    if (text) {
        mem_free(src);
        src = text;
        len = n;
    }
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

/* What the command line asked for. */
typedef struct CliOptions {
    enum { RUN_FILE, RUN_CMD, RUN_STDIN, RUN_DIS, RUN_MODULE } mode;
    const char *target;        /* the file, the code or the module name */
    bool inspect, quiet, explicit_stdin, unbuffered;
    int first_arg;             /* argv index of sys.argv[0] */
} CliOptions;

/* Parse the options as python3's getopt does: one-letter options cluster
 * (-uB, -iq); c, m, W and X take the rest of the argument or the next one
 * (-cCODE, -m mod, -Wignore); -c and -m end the option list. Returns -1 when
 * the program is to run, else the exit status (after -h, -V or a usage
 * error). */
static int parse_options(int argc, char **argv, CliOptions *o)
{
    int i = 1;
    o->mode = RUN_STDIN;
    o->first_arg = argc;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') break;          /* FILE or "-" */
        if (a[1] == '-') {
            if (a[2] == '\0') { i++; break; }             /* "--": options end */
            if (strcmp(a, "--version") == 0) { printf("scr %s\n", SCR_VERSION); return 0; }
            if (strcmp(a, "--help") == 0) { usage(stdout); return 0; }
            if (strcmp(a, "--dis") == 0) {
                if (i + 1 >= argc) return usage_error("Argument expected for the %s option", a);
                o->mode = RUN_DIS;
                o->target = argv[i + 1];
                o->first_arg = i + 1;
                return -1;
            }
            return usage_error("unknown option %s", a);
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'i': o->inspect = true; break;
            case 'q': o->quiet = true; break;
            case 'u': o->unbuffered = true; break;
            case 'B': interp_config.dont_write_bytecode = true; break;
            case 'E': interp_config.ignore_environment = true; break;
            case 'I': interp_config.isolated = interp_config.ignore_environment = true; break;
            case 'O': interp_config.optimize++; break;
            case 'V': printf("scr %s\n", SCR_VERSION); return 0;
            case 'h': case '?': usage(stdout); return 0;
            case 'c': case 'm': case 'W': case 'X': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                char opt[3] = {'-', *p, '\0'};
                if (!val) return usage_error("Argument expected for the %s option", opt);
                if (*p == 'c' || *p == 'm') {
                    o->mode = *p == 'c' ? RUN_CMD : RUN_MODULE;
                    o->target = val;
                    o->first_arg = i;   /* sys.argv[0] becomes '-c' or the module's path */
                    return -1;
                }
                if (*p == 'W') {
                    char **w = realloc(interp_config.warnoptions,
                                       (size_t)(interp_config.nwarnoptions + 1) * sizeof *w);
                    if (!w) { fputs("scr: out of memory\n", stderr); return 1; }
                    interp_config.warnoptions = w;
                    w[interp_config.nwarnoptions++] = (char *)val;
                } else if (strcmp(val, "gcstats") == 0) {
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
        o->first_arg = i;
        if (strcmp(argv[i], "-") == 0) {
            o->explicit_stdin = true;
        } else {
            o->mode = RUN_FILE;
            o->target = argv[i];
        }
    }
    return -1;
}

/* -m mod: the module's file, as an absolute path (it becomes sys.argv[0]);
 * NULL after python3's message when there is none. scr has no packages, so a
 * dotted name is never found. */
static char *find_main_module(const char *name)
{
    if (name[0] == '.') {
        fputs("scr: Relative module names not supported\n", stderr);
        return NULL;
    }
    const char *dot = strchr(name, '.');
    if (dot) {
        char first[256];
        snprintf(first, sizeof first, "%.*s", (int)(dot - name), name);
        char *parent = strchr(first, '/') ? NULL : import_find_module_file(first);
        fprintf(stderr, "scr: Error while finding module specification for '%s' (ModuleNotFoundError: ", name);
        if (parent) fprintf(stderr, "__path__ attribute not found on '%s' while trying to find '%s')\n", first, name);
        else fprintf(stderr, "No module named '%s')\n", first);
        free(parent);
        return NULL;
    }
    char *path = strchr(name, '/') || !name[0] ? NULL : import_find_module_file(name);
    if (!path) {
        fprintf(stderr, "scr: No module named %s\n", name);
        return NULL;
    }
    if (path[0] != '/') {
        char cwd[4096];
        char *abs = getcwd(cwd, sizeof cwd) ? malloc(strlen(cwd) + strlen(path) + 2) : NULL;
        if (abs) sprintf(abs, "%s/%s", cwd, path);
        free(path);
        path = abs;
        if (!path) fputs("scr: out of memory\n", stderr);
    }
    return path;
}

/* -c CODE whose bytes are not UTF-8: python3 decodes the argument with
 * surrogateescape and then fails to encode it back for the compiler, which
 * it reports so (status 1). 0 when the code is fine. */
static int check_command_utf8(const char *code)
{
    Value s = codec_decode_os(code, (int64_t)strlen(code));
    if (s == VAL_ERROR) return 1;
    Value b = codec_encode(val_as_str(s), CODEC_UTF8, CODEC_STRICT, "strict");
    decref(s);
    if (b != VAL_ERROR) {
        decref(b);
        return 0;
    }
    Value exc = err_fetch();
    fputs("Unable to decode the command from the command line:\n", stderr);
    if (exc != VAL_UNDEF) {
        exc_print(exc, stderr);
        decref(exc);
    }
    fflush(stderr);
    return 1;
}

int main(int argc, char **argv)
{
    CliOptions opt;
    memset(&opt, 0, sizeof opt);
    int st = parse_options(argc, argv, &opt);
    if (st >= 0) {
        free(interp_config.warnoptions);
        return st;
    }
    const char *unbuf = interp_config.ignore_environment ? NULL : getenv("SCR_UNBUFFERED");
    interp_config.unbuffered = opt.unbuffered || (unbuf && *unbuf);
    /* As python3: a write to a closed pipe is an EPIPE error (BrokenPipeError),
     * not a death by SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);

    char *module_path = NULL;
    if (opt.mode == RUN_MODULE) {
        /* the search path is the working directory (not under -I), then SCR_PATH */
        module_path = find_main_module(opt.target);
        if (!module_path) {
            free(interp_config.warnoptions);
            return 1;
        }
    }

    /* sys.argv */
    int sargc = argc - opt.first_arg;
    char **sargv = argv + opt.first_arg;
    char *dash_c = "-c";
    char *empty = "";
    char *one[1];
    if (opt.mode == RUN_CMD) {
        sargv[0] = dash_c;       /* argv[first_arg] held the code (or -cCODE), already in target */
    } else if (opt.mode == RUN_MODULE) {
        sargv[0] = module_path;
    } else if (sargc <= 0) {
        one[0] = empty;
        sargv = one;
        sargc = 1;
    }

    interp_init(sargc, sargv);
    vm_init();
    if (opt.mode == RUN_DIS) {
        int dst = dis_file(opt.target);
        vm_free();
        interp_free();
        free(interp_config.warnoptions);
        return dst;
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
    int flags = opt.inspect ? RUN_KEEP_GOING : RUN_FRESH_MAIN;
    bool repl = opt.inspect;
    if (opt.mode == RUN_FILE || opt.mode == RUN_MODULE) {
        how = run_path(opt.mode == RUN_FILE ? opt.target : module_path, flags, &status);
    } else if (opt.mode == RUN_CMD) {
        if ((status = check_command_utf8(opt.target)) == 0)
            how = run_text(opt.target, strlen(opt.target), "<string>", flags, &status);
    } else if (!opt.inspect && (opt.explicit_stdin || !isatty(STDIN_FILENO))) {
        size_t len = 0;
        char *src = run_read_all(stdin, &len);
        if (!src) {
            perror("scr: <stdin>");
            status = 1;
        } else {
            /* python3 honours a coding declaration on stdin only when it
             * can reread it (a file, not a pipe) */
            bool pipe = lseek(STDIN_FILENO, 0, SEEK_CUR) < 0;
            how = run_source_bytes(src, len, "<stdin>", pipe, RUN_FRESH_MAIN | RUN_SET_FILE, &status);
            mem_free(src);
        }
    } else {
        repl = true;
    }
    if (repl) {
        /* python3 shows the banner only when no program ran first */
        status = repl_run(!opt.quiet && opt.mode == RUN_STDIN);
        how = repl_ended_interrupted() ? RUN_INTERRUPTED : RUN_OK;
    }
    /* As python3 at exit: the atexit functions, then stdout is flushed; a
     * flush that fails (a closed pipe) is reported and the status is 120. */
    atexit_run();
    if (textio_exit_flush() < 0) status = 120;
    if (run_gcstats) print_gcstats();
    vm_free();
    interp_free();
    free(module_path);
    free(interp_config.warnoptions);
    if (how == RUN_INTERRUPTED) {
        /* as python3: die of the signal, so that the shell sees ^C */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
