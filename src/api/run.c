/* run.c — from source text to an exit status: parse, compile, run in the
 * __main__ module (a fresh one for each script, one kept across inputs for
 * the REPL and embedders), and report syntax errors, uncaught exceptions and
 * SystemExit exactly as python3 does (same text on stderr, same status).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <stdint.h>
#include <sys/stat.h>

#include "api/run.h"
#include "parse/ast.h"
#include "compile/compiler.h"
#include "parse/source.h"
#include "vm/vm.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/bytes.h"
#include "modules/module.h"
#include "core/interp.h"
#include "objects/textio.h"
#include "objects/module.h"
#include "core/vmcall.h"

int run_gcstats;

/* CPython's 1-based offset in code points of byte column col of a line of
 * tlen bytes (size with its newline), counted as its
 * _PyPegen_byte_offset_to_character_offset does: past the end, the newline and
 * the string's terminator count as one each. */
static long char_offset(const char *line, size_t tlen, long size, int col, int chars)
{
    long upto = (long)col + 1;
    if (!chars) return upto;
    if (upto > size + 1) upto = size + 1;
    if (upto <= (long)tlen) return (long)str_count_chars(line, (size_t)upto);
    return (long)str_count_chars(line, tlen) + (upto - (long)tlen);
}

/*   File "prog.scr", line 3
 *     x = (1 2)
 *          ^^^
 *   SyntaxError: invalid syntax. Perhaps you forgot a comma?
 *
 * As CPython 3.11 prints a SyntaxError: the line is read again from the
 * source (universal newlines, trailing whitespace kept, leading whitespace
 * dropped); the carets are placed by offsets in bytes or code points (see
 * below), and a range reaching past the line is cut at its end, exactly as
 * python3 does. Errors the REPL's compiler finds show no line:
 * CPython cannot read "<stdin>" again. */
void run_print_syntax_error_mode(const ParseError *err, const char *src, size_t len, const char *filename,
                                 int interactive)
{
    textio_flush_stdout_quiet();
    /* python3 reports undecodable source on one line, without a location */
    if (strncmp(err->msg, "Non-UTF-8 code", 14) == 0 || strncmp(err->msg, "encoding problem: ", 18) == 0) {
        fprintf(stderr, "SyntaxError: %s\n", err->msg);
        fflush(stderr);
        return;
    }
    ParseError at_end;
    if (interactive && err->incomplete && err->col < 0 && len > 0 && src[len - 1] == '\n') {
        /* The input ended with the empty line that closes a block at the
         * prompt: CPython's interactive tokenizer reports the error on that
         * line, marking its start. */
        at_end = *err;
        at_end.line = 1;
        for (size_t i = 0; i + 1 < len; i++) at_end.line += src[i] == '\n';
        at_end.col = 0;
        if (len == 1 || src[len - 2] != '\n') {
            /* Ctrl-D ended the input instead: the error is past the end
             * of the last line */
            size_t start = len - 1;
            while (start > 0 && src[start - 1] != '\n') start--;
            at_end.col = (int)(len - 1 - start);
        }
        err = &at_end;
    }
    fprintf(stderr, "  File \"%s\", line %d\n", filename, err->line);
    const char *p = src, *end = src + len;
    int found = err->line >= 1 && !((interactive || strcmp(filename, "<string>") == 0) && err->from_compiler);
    /* CPython converts the offsets to code points only for source it did
     * not read from a file (the REPL, -c): a file's are left in bytes */
    int chars = interactive || filename[0] == '<';
    for (int l = 1; found && l < err->line; l++) {
        while (p < end && *p != '\n' && *p != '\r') p++;
        if (p >= end) { found = 0; break; }
        p += (p[0] == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    }
    if (found && p >= end) found = 0;
    if (err->text[0] && err->line >= 1) {      /* an f-string's expression */
        p = err->text;
        end = p + strlen(p);
        found = 1;
    }
    if (found) {
        const char *e = p;
        while (e < end && *e != '\n' && *e != '\r') e++;
        size_t tlen = (size_t)(e - p);            /* without the newline */
        long size = (long)tlen + (e < end);       /* CPython's text ends with '\n' when the line has one */
        long offset = err->col < 0 ? 0 : char_offset(p, tlen, size, err->col, chars);
        long end_offset = -1;
        if (err->is_indent)
            ;       /* CPython marks only one column for IndentationError and TabError */
        else if (err->end_line > err->line)
            end_offset = size;
        else if (err->end_line == err->line)
            end_offset = char_offset(p, tlen, size, err->end_col, chars);
        if (end_offset > size + 1) end_offset = size + 1;
        long reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
        /* print_error_text() */
        const char *s = p;
        offset--;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) { s++; offset--; }
        long n = (long)(e - s);
        if (offset > n) offset = n;
        fprintf(stderr, "    %.*s\n", (int)n, s);
        if (offset >= 0) {
            fprintf(stderr, "    %*s", (int)offset, "");
            for (long i = 0; i < reps; i++) fputc('^', stderr);
            fputc('\n', stderr);
        }
    }
    fprintf(stderr, "%s: %s\n", err->is_indent == 2 ? "TabError" : err->is_indent ? "IndentationError" : "SyntaxError",
            err->msg);
    fflush(stderr);
}

void run_print_syntax_error(const ParseError *err, const char *src, size_t len, const char *filename)
{
    run_print_syntax_error_mode(err, src, len, filename, 0);
}
/* An uncaught exception goes to sys.excepthook when the program replaced
 * it, as in CPython; when that hook fails too, both are printed. */
static void run_print_uncaught(Value exc)
{
    Value sys = interp.modules ? dict_get_cstr(interp.modules, "sys") : VAL_UNDEF;
    Value hook = VAL_UNDEF, orig = VAL_UNDEF;
    if (val_is_obj(sys) && val_as_obj(sys)->type == &module_type && ((Module *)val_as_obj(sys))->dict) {
        hook = dict_get_cstr(((Module *)val_as_obj(sys))->dict, "excepthook");
        orig = dict_get_cstr(((Module *)val_as_obj(sys))->dict, "__excepthook__");
    }
    if (hook == VAL_UNDEF || hook == VAL_ERROR || hook == orig) {
        if (hook == VAL_ERROR) err_clear();
        exc_print(exc, stderr);
        return;
    }
    incref(hook);
    Value argv[3] = {val_from_obj(val_type(exc)), exc, VAL_NONE};
    Value r = obj_call(hook, argv, 3, NULL);
    decref(hook);
    if (r != VAL_ERROR) {
        decref(r);
        return;
    }
    Value err = err_fetch();
    fflush(stdout);
    fputs("Error in sys.excepthook:\n", stderr);
    if (err != VAL_UNDEF) {
        exc_print(err, stderr);
        decref(err);
    }
    fputs("\nOriginal exception was:\n", stderr);
    exc_print(exc, stderr);
}


static void run_syntax_block(const void *perr, const char *src, size_t len, const char *filename)
{
    run_print_syntax_error_mode(perr, src, len, filename, 0);
}

/* Report the pending exception; returns how the run ended and sets *status. */
static RunOutcome report_exception(int flags, int *status)
{
    exc_syntax_block_hook = run_syntax_block;
    Value exc = err_fetch();
    RunOutcome how = RUN_EXCEPTION;
    *status = 1;
    if (exc == VAL_UNDEF) return RUN_EXCEPTION;
    if (val_isinstance(exc, &exc_SystemExit) && !(flags & RUN_KEEP_GOING)) {
        Value code = ((Exc *)val_as_obj(exc))->value;
        how = RUN_EXIT;
        if (code == VAL_NONE) {
            *status = 0;
        } else if (val_is_intlike(code)) {
            *status = (int)val_to_i64(code);
        } else {
            textio_flush_stdout_quiet();
            Value s = obj_str(code);
            if (s == VAL_ERROR) {
                err_clear();
            } else {
                fwrite(val_as_str(s)->data, 1, (size_t)val_as_str(s)->len, stderr);
                fputc('\n', stderr);
                decref(s);
            }
            *status = 1;
        }
    } else {
        if (val_isinstance(exc, &exc_KeyboardInterrupt)) how = RUN_INTERRUPTED;
        textio_flush_stdout_quiet();
        run_print_uncaught(exc);
    }
    decref(exc);
    fflush(stderr);
    return how;
}

/* A new __main__ module replaces the current one (in sys.modules too). */
static int fresh_main(void)
{
    Value m = module_new("__main__");
    if (m == VAL_ERROR) return -1;
    Str *bname = str_intern_cstr("builtins");      /* __main__.__builtins__, as CPython */
    Value b = bname ? module_import(bname) : VAL_ERROR;
    if (bname) obj_decref(bname);
    if (b == VAL_ERROR || dict_set_cstr(((Module *)val_as_obj(m))->dict, "__builtins__", b) < 0) {
        xdecref(b);
        decref(m);
        return -1;
    }
    decref(b);
    if (interp.modules && dict_set_cstr(interp.modules, "__main__", m) < 0) {
        decref(m);
        return -1;
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
    return 0;
}

Dict *run_main_globals(void)
{
    Value m = interp.main_module;
    if (!val_is_obj(m) || val_as_obj(m)->type != &module_type) {
        if (fresh_main() < 0) return NULL;
        m = interp.main_module;
    }
    return ((Module *)val_as_obj(m))->dict;
}

/* __file__ of the script being run: its path (absolute, as CPython 3.9+
 * gives it) or "<stdin>" for a program piped in. */
static int set_main_file(Dict *globals, const char *filename)
{
    /* a path is bytes: undecodable ones become lone surrogates, as in sys.argv */
    Value f = codec_decode_os(filename, (int64_t)strlen(filename));
    if (f == VAL_ERROR) return -1;
    int r = dict_set_cstr(globals, "__file__", f);
    decref(f);
    return r;
}

RunOutcome run_text(const char *src, size_t len, const char *filename, int flags, int *status)
{
    ParseError err;
    memset(&err, 0, sizeof err);
    *status = 1;
    Node *mod = parse_module(src, len, filename, &err);
    if (!mod) {
        if (err_occurred()) return report_exception(flags, status);   /* e.g. MemoryError */
        run_print_syntax_error_mode(&err, src, len, filename, flags & RUN_INTERACTIVE);
        return RUN_SYNTAX_ERROR;
    }
    Code *co = compile_module(mod, filename, (flags & RUN_INTERACTIVE) ? COMPILE_INTERACTIVE : COMPILE_FILE, &err);
    ast_free(mod);
    if (!co) {
        if (err_occurred()) return report_exception(flags, status);
        run_print_syntax_error_mode(&err, src, len, filename, flags & RUN_INTERACTIVE);
        return RUN_SYNTAX_ERROR;
    }
    if ((flags & RUN_FRESH_MAIN) && fresh_main() < 0) {
        obj_decref(co);
        return report_exception(flags, status);
    }
    Dict *globals = run_main_globals();
    if (!globals || ((flags & RUN_SET_FILE) && set_main_file(globals, filename) < 0)) {
        obj_decref(co);
        return report_exception(flags, status);
    }
    Value r = vm_run_module(co, globals);
    obj_decref(co);
    RunOutcome how = RUN_OK;
    *status = 0;
    if (r == VAL_ERROR) how = report_exception(flags, status);
    else decref(r);
    textio_flush_stdout_quiet();
    return how;
}

int run_source(const char *src, size_t len, const char *filename)
{
    int status;
    run_text(src, len, filename, RUN_FRESH_MAIN, &status);
    return status;
}

char *run_read_all(void *file, size_t *len)
{
    FILE *f = file;
    size_t cap = 1 << 16, n = 0;
    char *buf = mem_alloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap > SIZE_MAX / 2) { mem_free(buf); errno = ENOMEM; return NULL; }
            char *nb = mem_realloc(buf, cap * 2);
            if (!nb) { mem_free(buf); errno = ENOMEM; return NULL; }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) {
            if (ferror(f)) { int e = errno; mem_free(buf); errno = e ? e : EIO; return NULL; }
            break;
        }
        n += r;
    }
    if (!buf) errno = ENOMEM;
    else *len = n;
    return buf;
}

RunOutcome run_source_bytes(const char *src, size_t len, const char *filename, bool from_pipe, int flags,
                            int *status)
{
    char *text;
    size_t n;
    ParseError err;
    memset(&err, 0, sizeof err);
    if (source_decode(src, len, from_pipe, &text, &n, &err) < 0) {
        run_print_syntax_error(&err, text ? text : src, text ? n : len, filename);
        mem_free(text);
        *status = 1;
        return RUN_SYNTAX_ERROR;
    }
    RunOutcome how = run_text(text ? text : src, text ? n : len, filename, flags, status);
    mem_free(text);
    return how;
}

RunOutcome run_path(const char *path, int flags, int *status)
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
    *status = 1;
    if (!abspath) {
        fputs("scr: out of memory\n", stderr);
        return RUN_NOT_FOUND;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "scr: can't find '__main__' module in '%s'\n", abspath);
        mem_free(abspath);
        return RUN_NOT_FOUND;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        fprintf(stderr, "scr: can't open file '%s': [Errno %d] %s\n", abspath, e, strerror(e));
        mem_free(abspath);
        *status = 2;
        return RUN_NOT_FOUND;
    }
    size_t len = 0;
    char *buf = run_read_all(f, &len);
    int e = errno;
    fclose(f);
    if (!buf) {
        if (e == ENOMEM) fputs("scr: out of memory\n", stderr);
        else fprintf(stderr, "scr: can't read file '%s': [Errno %d] %s\n", abspath, e, strerror(e));
        mem_free(abspath);
        return RUN_NOT_FOUND;
    }
    import_set_main_dir(abspath);     /* `import m` looks for m.scr next to the script */
    RunOutcome how = run_source_bytes(buf, len, abspath, false, flags | RUN_SET_FILE, status);
    mem_free(buf);
    mem_free(abspath);
    return how;
}

int run_file(const char *path)
{
    int status;
    run_path(path, RUN_FRESH_MAIN, &status);
    return status;
}
