/* main.c — the scr command line, modelled on python3's:
 *   scr FILE [ARGS...]     run a file (sys.argv = [FILE, ARGS...])
 *   scr -c CODE [ARGS...]  run a string (sys.argv = ['-c', ARGS...])
 *   scr - / scr            run the program read from stdin
 *   scr --dis FILE         print the bytecode of FILE
 *   scr -V / --version, -h / --help
 * The interpreter is torn down completely before exit so that a leak checker
 * sees every object released.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "vm.h"
#include "ast.h"
#include "compiler.h"
#include "../runtime/interp.h"
#include "../runtime/error.h"
#include "../runtime/mem.h"

#ifndef SCR_VERSION
#define SCR_VERSION "0.1.0"
#endif

static const char usage_line[] = "usage: scr [option] ... [-c cmd | file | -] [arg] ...\n";

static void usage(FILE *f)
{
    fputs(usage_line, f);
    fputs("Options:\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-h     : print this help message and exit (also --help)\n"
          "-V     : print the version number and exit (also --version)\n"
          "--dis  : print the bytecode of the program instead of running it\n"
          "Arguments:\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n", f);
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = mem_alloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = mem_realloc(buf, cap * 2);
            if (!nb) { mem_free(buf); return NULL; }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    *len = n;
    return buf;
}

/* scr --dis FILE: compile only and print the disassembly. */
static int dis_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "scr: can't open file '%s'\n", path); return 2; }
    size_t len;
    char *src = read_all(f, &len);
    fclose(f);
    if (!src) { fputs("scr: out of memory\n", stderr); return 1; }
    ParseError err;
    memset(&err, 0, sizeof err);
    int status = 0;
    Node *mod = parse_module(src, len, path, &err);
    Code *co = mod ? compile_module(mod, path, COMPILE_FILE, &err) : NULL;
    if (mod) ast_free(mod);
    if (!co) {
        fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", path, err.line,
                err.is_indent ? "IndentationError" : "SyntaxError", err.msg);
        err_clear();
        status = 1;
    } else {
        code_dump(co, stdout);
        obj_decref(co);
    }
    mem_free(src);
    return status;
}

int main(int argc, char **argv)
{
    enum { RUN_FILE, RUN_CMD, RUN_STDIN, RUN_DIS } mode = RUN_STDIN;
    const char *target = NULL;
    int first_arg = argc;          /* argv index of sys.argv[0] */
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) {
                fputs("Argument expected for the -c option\n", stderr);
                fputs(usage_line, stderr);
                fputs("Try `scr -h' for more information.\n", stderr);
                return 2;
            }
            mode = RUN_CMD;
            target = argv[i + 1];
            first_arg = i + 1;     /* sys.argv[0] becomes '-c' below */
            break;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("scr %s\n", SCR_VERSION);
            return 0;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 || strcmp(a, "-?") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--dis") == 0) {
            if (i + 1 >= argc) {
                fputs("Argument expected for the --dis option\n", stderr);
                return 2;
            }
            mode = RUN_DIS;
            target = argv[i + 1];
            first_arg = i + 1;
            break;
        }
        if (strcmp(a, "-") == 0) {
            mode = RUN_STDIN;
            first_arg = i;
            break;
        }
        if (a[0] == '-') {
            fprintf(stderr, "Unknown option: %s\n", a);
            fputs(usage_line, stderr);
            fputs("Try `scr -h' for more information.\n", stderr);
            return 2;
        }
        mode = RUN_FILE;
        target = a;
        first_arg = i;
        break;
    }

    /* sys.argv */
    int sargc = argc - first_arg;
    char **sargv = argv + first_arg;
    char *dash_c = "-c";
    char *empty = "";
    char *one[1];
    if (mode == RUN_CMD) {
        sargv[0] = dash_c;       /* argv[first_arg] was the code string, already in target */
    } else if (sargc <= 0) {
        one[0] = empty;
        sargv = one;
        sargc = 1;
    }

    if (mode == RUN_DIS) {
        interp_init(sargc, sargv);
        vm_init();
        int st = dis_file(target);
        vm_free();
        interp_free();
        return st;
    }

    interp_init(sargc, sargv);
    vm_init();
    int status;
    if (mode == RUN_FILE) {
        status = run_file(target);
    } else if (mode == RUN_CMD) {
        status = run_source(target, strlen(target), "<string>");
    } else {
        size_t len;
        char *src = read_all(stdin, &len);
        if (!src) {
            fputs("scr: out of memory\n", stderr);
            status = 1;
        } else {
            status = run_source(src, len, "<stdin>");
            mem_free(src);
        }
    }
    fflush(stdout);
    vm_free();
    interp_free();
    return status;
}
