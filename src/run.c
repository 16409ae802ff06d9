/* run.c — from source text to an exit status: parse, compile, run in a fresh
 * __main__ module, and report syntax errors, uncaught exceptions and
 * SystemExit exactly as python3 does (same text on stderr, same status).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#include "run.h"
#include "ast.h"
#include "compiler.h"
#include "vm.h"
#include "../runtime/error.h"
#include "../runtime/mem.h"
#include "../runtime/str.h"
#include "../runtime/int.h"
#include "../runtime/dict.h"
#include "../runtime/module.h"
#include "../runtime/interp.h"

/*   File "prog.scr", line 3
 *     x = = 2
 *         ^
 *   SyntaxError: invalid syntax                                           */
static void print_syntax_error(const ParseError *err, const char *src, size_t len, const char *filename)
{
    fflush(stdout);
    fprintf(stderr, "  File \"%s\", line %d\n", filename, err->line);
    /* find the line in the source */
    const char *p = src, *end = src + len;
    for (int l = 1; l < err->line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) { p = end; break; }
        p = nl + 1;
    }
    if (p < end && err->line >= 1) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\f')) e--;
        const char *s = p;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
        if (s < e) {
            fprintf(stderr, "    %.*s\n", (int)(e - s), s);
            int col = err->col - (int)(s - p);
            if (col < 0) col = 0;
            if (col > (int)(e - s)) col = (int)(e - s);
            fprintf(stderr, "    %*s^\n", col, "");
        }
    }
    fprintf(stderr, "%s: %s\n", err->is_indent ? "IndentationError" : "SyntaxError", err->msg);
    fflush(stderr);
}

/* The status for an uncaught exception (taken from the pending slot). */
static int report_exception(void)
{
    Value exc = err_fetch();
    int status = 1;
    if (exc == VAL_UNDEF) return 1;
    if (val_isinstance(exc, &exc_SystemExit)) {
        Value code = ((Exc *)val_as_obj(exc))->value;
        if (code == VAL_NONE) {
            status = 0;
        } else if (val_is_intlike(code)) {
            status = (int)val_to_i64(code);
        } else {
            fflush(stdout);
            Value s = obj_str(code);
            if (s == VAL_ERROR) {
                err_clear();
            } else {
                fwrite(val_as_str(s)->data, 1, (size_t)val_as_str(s)->len, stderr);
                fputc('\n', stderr);
                decref(s);
            }
            status = 1;
        }
    } else {
        fflush(stdout);
        exc_print(exc, stderr);
        status = 1;
    }
    decref(exc);
    fflush(stderr);
    return status;
}

int run_source(const char *src, size_t len, const char *filename)
{
    ParseError err;
    memset(&err, 0, sizeof err);
    Node *mod = parse_module(src, len, filename, &err);
    if (!mod) {
        if (err_occurred()) return report_exception();   /* e.g. MemoryError */
        print_syntax_error(&err, src, len, filename);
        return 1;
    }
    Code *co = compile_module(mod, filename, COMPILE_FILE, &err);
    ast_free(mod);
    if (!co) {
        if (err_occurred()) return report_exception();
        print_syntax_error(&err, src, len, filename);
        return 1;
    }
    Value m = module_new("__main__");
    if (m == VAL_ERROR) {
        obj_decref(co);
        return report_exception();
    }
    if (interp.modules && dict_set_cstr(interp.modules, "__main__", m) < 0) {
        decref(m);
        obj_decref(co);
        return report_exception();
    }
    Value old = interp.main_module;
    interp.main_module = m;          /* the reference module_new gave us */
    if (val_is_obj(old)) {
        /* A previous program's functions and globals refer to each other:
         * break the cycle, as interp_free does at exit. */
        if (val_as_obj(old)->type == &module_type && ((Module *)val_as_obj(old))->dict)
            dict_clear(((Module *)val_as_obj(old))->dict);
        decref(old);
    }
    Dict *globals = ((Module *)val_as_obj(m))->dict;
    Value r = vm_run_module(co, globals);
    obj_decref(co);
    int status = 0;
    if (r == VAL_ERROR) status = report_exception();
    else decref(r);
    fflush(stdout);
    return status;
}

int run_file(const char *path)
{
    /* CPython names the script by joining the working directory and the
     * given path (no normalisation), in tracebacks and in its errors. */
    char *abspath;
    if (path[0] == '/') {
        abspath = mem_alloc(strlen(path) + 1);
        if (abspath) strcpy(abspath, path);
    } else {
        char cwd[4096];
        if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, ".");
        abspath = mem_alloc(strlen(cwd) + strlen(path) + 2);
        if (abspath) sprintf(abspath, "%s/%s", cwd, path);
    }
    if (!abspath) {
        fputs("scr: out of memory\n", stderr);
        return 1;
    }
    struct stat st;
    FILE *f = NULL;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "scr: can't find '__main__' module in '%s'\n", abspath);
        mem_free(abspath);
        return 1;
    }
    f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        fprintf(stderr, "scr: can't open file '%s': [Errno %d] %s\n", abspath, e, strerror(e));
        mem_free(abspath);
        return 2;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = mem_alloc(cap);
    while (buf) {
        if (len == cap) {
            char *nb = mem_realloc(buf, cap * 2);
            if (!nb) { mem_free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        if (n == 0) break;
        len += n;
    }
    fclose(f);
    if (!buf) {
        fputs("scr: out of memory\n", stderr);
        mem_free(abspath);
        return 1;
    }
    int status = run_source(buf, len, abspath);
    mem_free(buf);
    mem_free(abspath);
    return status;
}
