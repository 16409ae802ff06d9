/* repl.c — the interactive prompt: read a statement (several lines for a
 * compound one), run it in the one __main__ module, echo expression values,
 * and go on after errors with the module's state intact.
 *
 * On a terminal, lines come from libedit (line editing, history kept in
 * ~/.scr_history, Tab completion) when scr was built with it; otherwise, and
 * whenever stdin or stdout is not a terminal, from plain stdio with the
 * prompts on stderr, as python3 does.
 *
 * libedit is used through its native API (histedit.h) with our own
 * character reader: a SIGINT at the prompt interrupts the reader's select(),
 * el_gets gives up, and the half-typed line is dropped without longjmp-ing
 * out of the library. (Its readline emulation beeps at every completion and
 * quotes "(" in completed names.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/select.h>

#ifdef SCR_HAVE_LIBEDIT
#include <histedit.h>
#include <locale.h>
#include <wchar.h>
#include <sys/ioctl.h>
#endif

#include "cli/repl.h"
#include "api/run.h"
#include "vm/vm.h"
#include "parse/ast.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "core/interp.h"
#include "objects/function.h"
#include "objects/attrcache.h"
#include "objects/instance.h"
#include "objects/subclass.h"
#include "compile/bytecode.h"
#include "objects/module.h"

#ifndef SCR_VERSION
#define SCR_VERSION "0.1.0"
#endif

#define PS1 ">>> "
#define PS2 "... "

typedef enum { LINE_OK, LINE_EOF, LINE_INTERRUPT, LINE_NOMEM } LineStatus;

/* ---- a growable text buffer (the statement being typed) ---- */

typedef struct Text { char *data; size_t len, cap; } Text;

static int text_add(Text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1) {
            if (cap > SIZE_MAX / 2) return -1;
            cap *= 2;
        }
        char *d = mem_realloc(t->data, cap);
        if (!d) return -1;
        t->data = d;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
    return 0;
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\r') return false;
    return true;
}

/* ---- plain line input ---- */

/* A SIGINT must interrupt the blocking read at the prompt, so the handler is
 * installed without SA_RESTART while we wait. */
static void sigint_restart(int on, struct sigaction *saved)
{
    if (on) {
        sigaction(SIGINT, saved, NULL);
        return;
    }
    struct sigaction sa;
    sigaction(SIGINT, NULL, saved);
    sa = *saved;
    if (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN) return;
    sa.sa_flags &= ~SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
}

static LineStatus plain_read(const char *prompt, Text *out)
{
    if (vm_sigint) {            /* a ^C that came after the last statement ended */
        vm_sigint = 0;
        return LINE_INTERRUPT;
    }
    fflush(stdout);
    fputs(prompt, stderr);
    fflush(stderr);
    struct sigaction saved;
    sigint_restart(0, &saved);
    LineStatus st = LINE_OK;
    bool any = false;
    for (;;) {
        int c = getc(stdin);
        if (c == EOF) {
            if (ferror(stdin) && errno == EINTR) {
                clearerr(stdin);
                if (vm_sigint) { vm_sigint = 0; st = LINE_INTERRUPT; break; }
                continue;
            }
            if (!any) st = LINE_EOF;
            clearerr(stdin);    /* a terminal may give more after Ctrl-D */
            break;
        }
        any = true;
        if (c == '\n') break;
        char ch = (char)c;
        if (text_add(out, &ch, 1) < 0) { st = LINE_NOMEM; break; }
    }
    sigint_restart(1, &saved);
    return st;
}

/* ---- libedit ---- */

#ifdef SCR_HAVE_LIBEDIT

static EditLine *el;
static History *hist;
static char *history_path;
static const char *cur_prompt = PS1;

static char *prompt_fn(EditLine *e)
{
    (void)e;
    return (char *)cur_prompt;
}

static void forget_listed(bool unless_same);

/* Set by getc_fn at the end of input or on a read error: only then (or on
 * ^C) is an el_gets that returns no line more than an edit that left the
 * line empty. */
static bool reader_ended;

/* libedit's reader, replaced so that a SIGINT at the prompt ends el_gets:
 * select() is never restarted, and a -1 here makes el_gets return NULL. */
static int getc_fn(EditLine *e, wchar_t *wc)
{
    (void)e;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (;;) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        int r = select(STDIN_FILENO + 1, &fds, NULL, NULL, NULL);
        if (r < 0 && errno == EINTR) {
            if (vm_sigint) return -1;
            continue;
        }
        if (r < 0) { reader_ended = true; return -1; }
        char c;
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n == 0) { reader_ended = true; return 0; }
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            reader_ended = true;
            return -1;
        }
        size_t k = mbrtowc(wc, &c, 1, &st);
        if (k == (size_t)-2) continue;                 /* more bytes to come */
        if (k == (size_t)-1) { memset(&st, 0, sizeof st); *wc = (unsigned char)c; }
        return 1;
    }
}

/* One line, read in libedit's unbuffered mode: el_gets returns after every
 * key, and setting the mode puts the terminal in raw mode *before* the
 * prompt is drawn, so that keys typed just after the prompt are not echoed
 * twice (once by the terminal, once by libedit). After a key that leaves
 * the line empty (Backspace, ^U, Left on an empty line...) el_gets returns
 * NULL with a count of -1, as it does at the end of input: getc_fn tells
 * the two apart. Ctrl-D on an empty line comes back as a lone ^D. */
static LineStatus edit_read(const char *prompt, Text *out)
{
    if (vm_sigint) {            /* a ^C that came after the last statement ended */
        vm_sigint = 0;
        return LINE_INTERRUPT;
    }
    fflush(stdout);
    fflush(stderr);
    cur_prompt = prompt;
    el_set(el, EL_UNBUFFERED, 1);
    const char *line = NULL;
    int count = 0;
    LineStatus st = LINE_OK;
    reader_ended = false;
    forget_listed(false);
    for (;;) {
        line = el_gets(el, &count);
        forget_listed(true);        /* an edit since the last listing: Tab lists again */
        if (vm_sigint) { vm_sigint = 0; st = LINE_INTERRUPT; break; }
        if (reader_ended) { st = LINE_EOF; break; }         /* end of input, read error */
        if (!line || count <= 0) continue;                  /* an edit left the line empty */
        if (count == 1 && line[0] == 4) { st = LINE_EOF; break; }  /* ^D on an empty line */
        if (line[count - 1] == '\n') break;
    }
    if (st == LINE_OK) {
        size_t n = (size_t)count - 1;
        if (!blank(line, n)) {
            HistEvent ev;
            char *h = malloc(n + 1);
            if (h) {
                memcpy(h, line, n);
                h[n] = '\0';
                history(hist, &ev, H_ENTER, h);
                free(h);
            }
        }
        if (text_add(out, line, n) < 0) st = LINE_NOMEM;
    }
    el_set(el, EL_UNBUFFERED, 0);          /* back to the terminal's cooked mode */
    return st;
}

/* -- Tab completion: keywords, globals, builtins, and obj.attr -- */

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield", NULL,
};

static char **cands;
static size_t ncands, capcands;

static void cands_clear(void)
{
    for (size_t i = 0; i < ncands; i++) free(cands[i]);
    ncands = 0;
}

/* Add prefix + name + suffix if name starts with want (and is not yet there). */
static void cand_add(const char *prefix, const char *name, size_t namelen, const char *want,
                     const char *suffix)
{
    size_t wl = strlen(want);
    if (namelen < wl || memcmp(name, want, wl) != 0) return;
    if (memchr(name, '\0', namelen)) return;
    size_t pl = strlen(prefix), sl = strlen(suffix);
    char *s = malloc(pl + namelen + sl + 1);
    if (!s) return;
    memcpy(s, prefix, pl);
    memcpy(s + pl, name, namelen);
    memcpy(s + pl + namelen, suffix, sl + 1);
    for (size_t i = 0; i < ncands; i++)
        if (strcmp(cands[i], s) == 0) { free(s); return; }
    if (ncands == capcands) {
        size_t cap = capcands ? capcands * 2 : 64;
        char **n = realloc(cands, cap * sizeof *n);
        if (!n) { free(s); return; }
        cands = n;
        capcands = cap;
    }
    cands[ncands++] = s;
}

/* The builtins written in C that CPython 3.11's rlcompleter completes with
 * "()": those whose inspect.signature() has no parameters ("owner.name",
 * owner being the module, or the type of the object a method is bound to).
 * Most C functions have no signature there, and get "(" only. */
static const char *const no_arg_builtins[] = {
    "BufferedReader.writable", "BufferedWriter.readable", "TextIOWrapper.close", "TextIOWrapper.detach", "TextIOWrapper.fileno", "TextIOWrapper.flush",
    "TextIOWrapper.isatty", "TextIOWrapper.readable", "TextIOWrapper.seekable",
    "TextIOWrapper.tell", "TextIOWrapper.writable",
    "bool.as_integer_ratio", "bool.bit_count", "bool.bit_length",
    "builtins.copyright", "builtins.credits", "builtins.globals", "builtins.license",
    "builtins.locals",
    "bytearray.clear", "bytearray.copy", "bytearray.reverse",
    "complex.conjugate", "dict.popitem",
    "float.as_integer_ratio", "float.conjugate", "float.hex", "float.is_integer",
    "functools.get_cache_token",
    "gc.disable", "gc.enable", "gc.freeze", "gc.get_count", "gc.get_debug", "gc.get_freeze_count",
    "gc.get_stats", "gc.get_threshold", "gc.isenabled", "gc.unfreeze",
    "int.as_integer_ratio", "int.bit_count", "int.bit_length",
    "list.clear", "list.copy", "list.reverse",
    "os.abort", "os.cpu_count", "os.getcwd", "os.getcwdb", "os.getegid", "os.geteuid", "os.getgid",
    "os.getgroups", "os.getloadavg", "os.getlogin", "os.getpgrp", "os.getpid", "os.getppid",
    "os.getuid", "os.pipe", "os.sched_yield", "os.setsid", "os.sync", "os.times", "os.uname",
    "os.wait",
    "random.getstate", "random.random",
    "str.capitalize", "str.casefold", "str.isalnum", "str.isalpha", "str.isascii", "str.isdecimal",
    "str.isdigit", "str.isidentifier", "str.islower", "str.isnumeric", "str.isprintable",
    "str.isspace", "str.istitle", "str.isupper", "str.lower", "str.swapcase", "str.title",
    "str.upper",
    "sys.exc_info", "sys.exception", "sys.get_int_max_str_digits", "sys.getdefaultencoding",
    "sys.getfilesystemencodeerrors", "sys.getfilesystemencoding", "sys.getprofile",
    "sys.getrecursionlimit", "sys.getswitchinterval", "sys.gettrace", "sys.is_finalizing",
    "tracemalloc.clear_traces", "tracemalloc.get_traceback_limit", "tracemalloc.get_traced_memory",
    "tracemalloc.get_tracemalloc_memory", "tracemalloc.is_tracing", "tracemalloc.reset_peak",
    "tracemalloc.stop", "tracemalloc.take_snapshot",
};

static int str_ptr_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Parameters of a scr function: -1 when it takes any number (*args). */
static int code_params(const Code *co)
{
    if (co->flags & (CO_VARARGS | CO_VARKW)) return -1;
    return co->nparams + co->nkwonly;
}

/* Does the callable v take no arguments at all? As inspect.signature: scr
 * functions, bound methods and classes by their parameters (a class by its
 * __init__ or __new__, or none for a plain class), builtins by the table.
 * owner names the module or type v was found in ("builtins" for a name). */
static bool takes_no_args(Value v, const char *owner, const char *name)
{
    if (!val_is_obj(v)) return false;
    Obj *o = val_as_obj(v);
    if (o->type == &function_type) return code_params(((Function *)o)->code) == 0;
    if (o->type == &method_type) {
        Value f = ((Method *)o)->func;
        if (!val_is_obj(f) || val_as_obj(f)->type != &function_type) return false;
        return code_params(((Function *)val_as_obj(f))->code) == 1;
    }
    if (o->type == &type_type) {
        Type *t = (Type *)o;
        if (t == &object_type) return true;
        if (!type_is_heap(t) || type_solid(t) != &object_type) return false;
        Value init = class_lookup_cstr(t, "__init__"), nw = class_lookup_cstr(t, "__new__");
        if (val_is_obj(init) && val_as_obj(init)->type == &function_type)
            return code_params(((Function *)val_as_obj(init))->code) == 1;
        if (val_is_obj(nw) && val_as_obj(nw)->type == &function_type)
            return code_params(((Function *)val_as_obj(nw))->code) == 1;
        return true;            /* object's own: no parameters */
    }
    if (type_is_heap(o->type)) {        /* an instance: its class's __call__ */
        Value c = class_lookup_cstr(o->type, "__call__");
        return val_is_obj(c) && val_as_obj(c)->type == &function_type &&
               code_params(((Function *)val_as_obj(c))->code) == 1;
    }
    /* written in C: a builtin function, or an object such as copyright */
    if (o->type == &builtin_type) {
        Builtin *b = (Builtin *)o;
        name = b->name;
        if (b->self != VAL_UNDEF) owner = type_solid(val_type(b->self))->name;
    }
    char key[128];
    if (!owner || !name || snprintf(key, sizeof key, "%s.%s", owner, name) >= (int)sizeof key) return false;
    const char *k = key;
    return bsearch(&k, no_arg_builtins, sizeof no_arg_builtins / sizeof *no_arg_builtins,
                   sizeof *no_arg_builtins, str_ptr_cmp) != NULL;
}

static const char *callable_suffix(Value v, const char *owner, const char *name)
{
    Type *t = val_type(v);
    if (!t || !(t->call || t == &type_type)) return "";
    return takes_no_args(v, owner, name) ? "()" : "(";
}

static void add_dict_names(Dict *d, const char *want)
{
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!val_is_str(k)) continue;
        Str *s = val_as_str(k);
        cand_add("", s->data, (size_t)s->len, want, callable_suffix(v, "builtins", s->data));
    }
}

static bool is_ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* `expr.att`: expr must be a dotted name; it is looked up (never called). */
static void add_attr_names(const char *text, const char *dot)
{
    const char *att = dot + 1;
    size_t elen = (size_t)(dot - text);
    for (size_t i = 0; i < elen; i++)
        if (!is_ident_char(text[i]) && text[i] != '.') return;
    if (elen == 0 || text[0] == '.' || (text[0] >= '0' && text[0] <= '9')) return;
    char *expr = malloc(elen + 1);
    if (!expr) return;
    memcpy(expr, text, elen);
    expr[elen] = '\0';
    char *save = NULL, *part = strtok_r(expr, ".", &save);
    Value obj = VAL_UNDEF;
    Dict *g = run_main_globals();
    if (!g) { err_clear(); free(expr); return; }
    if (part) {
        obj = dict_get_cstr(g, part);
        if (obj == VAL_ERROR || obj == VAL_UNDEF) {
            err_clear();
            obj = interp.builtins ? dict_get_cstr(interp.builtins, part) : VAL_UNDEF;
        }
        if (obj == VAL_ERROR) { err_clear(); obj = VAL_UNDEF; }
        if (obj != VAL_UNDEF) incref(obj);
    }
    while (obj != VAL_UNDEF && (part = strtok_r(NULL, ".", &save)) != NULL) {
        Value next = obj_getattr_cstr(obj, part);
        decref(obj);
        obj = next == VAL_ERROR ? VAL_UNDEF : next;
        if (next == VAL_ERROR) err_clear();
    }
    free(expr);
    if (obj == VAL_UNDEF) return;
    Value dirf = interp.builtins ? dict_get_cstr(interp.builtins, "dir") : VAL_UNDEF;
    Value names = (dirf == VAL_UNDEF || dirf == VAL_ERROR) ? VAL_ERROR : obj_call(dirf, &obj, 1, NULL);
    if (names == VAL_ERROR || !val_is_obj(names) || val_as_obj(names)->type != &list_type) {
        err_clear();
        decref(obj);
        if (names != VAL_ERROR) decref(names);
        return;
    }
    /* "obj." offers public names only, "obj._" adds private ones, as rlcompleter */
    size_t plen = elen + 1;
    char *prefix = malloc(plen + 1);
    /* whose methods the table in takes_no_args names: a module's, or (bound
     * to obj) its type's; a class's functions are not bound, and take self */
    char owner[64] = "";
    if (val_is_obj(obj) && val_as_obj(obj)->type == &module_type) {
        Str *mn = ((Module *)val_as_obj(obj))->name;
        if (mn) snprintf(owner, sizeof owner, "%s", mn->data);
    }
    if (prefix) {
        memcpy(prefix, text, plen);
        prefix[plen] = '\0';
        List *l = (List *)val_as_obj(names);
        for (int64_t i = 0; i < l->len; i++) {
            if (!val_is_str(l->items[i])) continue;
            Str *s = val_as_str(l->items[i]);
            if (s->data[0] == '_' && att[0] != '_') continue;
            if (strncmp(s->data, "__", 2) == 0 && strncmp(att, "__", 2) != 0) continue;
            Value a = obj_getattr(obj, s);
            const char *suffix = "";
            if (a == VAL_ERROR) err_clear();
            else { suffix = callable_suffix(a, owner[0] ? owner : NULL, s->data); decref(a); }
            cand_add(prefix, s->data, (size_t)s->len, att, suffix);
        }
        free(prefix);
    }
    decref(names);
    decref(obj);
}

static int cand_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect_candidates(const char *text)
{
    cands_clear();
    const char *dot = strrchr(text, '.');
    if (dot) {
        add_attr_names(text, dot);
    } else {
        for (int i = 0; keywords[i]; i++) {
            const char *k = keywords[i], *suffix = " ";
            if (strcmp(k, "try") == 0 || strcmp(k, "finally") == 0) suffix = ":";
            else if (strcmp(k, "else") == 0 || strcmp(k, "pass") == 0 || strcmp(k, "break") == 0 ||
                     strcmp(k, "continue") == 0 || k[0] <= 'Z') suffix = "";
            cand_add("", k, strlen(k), text, suffix);
        }
        Dict *g = run_main_globals();
        if (g) add_dict_names(g, text);
        else err_clear();
        if (interp.builtins) add_dict_names(interp.builtins, text);
    }
    qsort(cands, ncands, sizeof *cands, cand_cmp);
}

static size_t common_prefix(void)
{
    if (ncands == 0) return 0;
    size_t n = strlen(cands[0]);
    for (size_t i = 1; i < ncands; i++) {
        size_t j = 0;
        while (j < n && cands[i][j] == cands[0][j]) j++;
        n = j;
    }
    return n;
}

/* The candidates in columns, sorted down each column, as readline shows
 * python3's: each column two wider than the longest name, every name but
 * those in the last column of the screen padded to it. */
static void list_candidates(void)
{
    size_t width = 0;
    for (size_t i = 0; i < ncands; i++)
        if (strlen(cands[i]) > width) width = strlen(cands[i]);
    width += 2;
    struct winsize ws;
    size_t cols = 80;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) cols = ws.ws_col;
    size_t per = cols / width;
    if (per != 1 && per * width == cols) per--;
    if (per == 0) per = 1;
    size_t rows = (ncands + per - 1) / per;
    fputc('\n', stdout);
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < per; c++) {
            size_t i = r + c * rows;
            if (i >= ncands) break;
            if (c + 1 < per) fprintf(stdout, "%-*s", (int)width, cands[i]);
            else fputs(cands[i], stdout);
        }
        fputc('\n', stdout);
    }
    fflush(stdout);
}

/* The line as it was when its candidates were listed: Tab again on the
 * same line does not list them again. */
static char *listed_line;
static size_t listed_cursor;

static bool same_as_listed(const LineInfo *li)
{
    size_t n = (size_t)(li->lastchar - li->buffer);
    return listed_line && listed_cursor == (size_t)(li->cursor - li->buffer) &&
           strlen(listed_line) == n && memcmp(listed_line, li->buffer, n) == 0;
}

static void forget_listed(bool unless_same)
{
    if (!listed_line || (unless_same && same_as_listed(el_line(el)))) return;
    free(listed_line);
    listed_line = NULL;
}

static void remember_listed(const LineInfo *li)
{
    size_t n = (size_t)(li->lastchar - li->buffer);
    free(listed_line);
    listed_line = malloc(n + 1);
    if (!listed_line) return;
    memcpy(listed_line, li->buffer, n);
    listed_line[n] = '\0';
    listed_cursor = (size_t)(li->cursor - li->buffer);
}

static const char word_breaks[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

/* Tab: indentation when only blanks precede the cursor (as in python3);
 * else complete the word before the cursor as far as it is unambiguous,
 * and list the candidates when it cannot go further. */
static unsigned char tab_fn(EditLine *e, int ch)
{
    (void)ch;
    const LineInfo *li = el_line(e);
    const char *p = li->cursor;
    while (p > li->buffer && (p[-1] == ' ' || p[-1] == '\t')) p--;
    if (p == li->buffer) {
        el_insertstr(e, "    ");
        return CC_REFRESH;
    }
    p = li->cursor;
    while (p > li->buffer && !strchr(word_breaks, p[-1])) p--;
    size_t tlen = (size_t)(li->cursor - p);
    char *text = malloc(tlen + 1);
    if (!text) return CC_ERROR;
    memcpy(text, p, tlen);
    text[tlen] = '\0';
    collect_candidates(text);
    err_clear();
    unsigned char rc = CC_REFRESH_BEEP;
    size_t lcp = common_prefix();
    if (ncands > 0 && lcp > tlen) {
        char *rest = malloc(lcp - tlen + 1);
        if (rest) {
            memcpy(rest, cands[0] + tlen, lcp - tlen);
            rest[lcp - tlen] = '\0';
            el_insertstr(e, rest);
            free(rest);
        }
        rc = CC_REFRESH;
    } else if (ncands > 1 && same_as_listed(li)) {
        rc = CC_NORM;                   /* listed already: the list is on the screen */
    } else if (ncands > 1) {
        list_candidates();
        remember_listed(li);
        rc = CC_REDISPLAY;
    }
    free(text);
    cands_clear();
    return rc;
}

/* Ctrl-D: the end of input on an empty line (without libedit's "^D"
 * echo: the REPL prints the newline), else delete the character under the
 * cursor, and at the end of the line only beep, as readline does. */
static unsigned char ctrl_d_fn(EditLine *e, int ch)
{
    (void)ch;
    const LineInfo *li = el_line(e);
    if (li->lastchar == li->buffer) return CC_EOF;
    if (li->cursor == li->lastchar) return CC_ERROR;
    el_cursor(e, 1);
    el_deletestr(e, 1);
    return CC_REFRESH;
}

static void edit_start(void)
{
    /* multibyte input needs a UTF-8 LC_CTYPE; scr's own code is locale-free */
    if (!setlocale(LC_CTYPE, "") || MB_CUR_MAX == 1) setlocale(LC_CTYPE, "C.UTF-8");
    el = el_init("scr", stdin, stdout, stderr);
    hist = history_init();
    if (!el || !hist) {
        if (el) el_end(el);
        if (hist) history_end(hist);
        el = NULL;
        hist = NULL;
        return;
    }
    HistEvent ev;
    history(hist, &ev, H_SETSIZE, 1000);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 0);              /* SIGINT is ours: see getc_fn */
    el_set(el, EL_PROMPT, prompt_fn);
    el_set(el, EL_HIST, history, hist);
    el_set(el, EL_GETCFN, getc_fn);
    /* el_set would copy these two strings and never free them */
    el_wset(el, EL_ADDFN, L"scr-complete", L"Complete a name or indent", tab_fn);
    el_set(el, EL_BIND, "^I", "scr-complete", NULL);
    el_wset(el, EL_ADDFN, L"scr-eof-or-delete", L"End of input on an empty line, else delete", ctrl_d_fn);
    el_set(el, EL_BIND, "^D", "scr-eof-or-delete", NULL);
    el_set(el, EL_BIND, "^W", "ed-delete-prev-word", NULL);    /* readline's, not a region kill */
    el_source(el, NULL);                   /* ~/.editrc, as other libedit programs */
    const char *home = getenv("HOME");
    if (home && home[0]) {
        size_t n = strlen(home) + sizeof "/.scr_history";
        history_path = malloc(n);
        if (history_path) {
            snprintf(history_path, n, "%s/.scr_history", home);
            history(hist, &ev, H_LOAD, history_path);   /* absent on the first run: fine */
        }
    }
}

static void edit_stop(void)
{
    if (!el) return;
    HistEvent ev;
    if (history_path) {
        history(hist, &ev, H_SAVE, history_path);
        free(history_path);
        history_path = NULL;
    }
    el_end(el);
    history_end(hist);
    el = NULL;
    hist = NULL;
    cands_clear();
    free(cands);
    cands = NULL;
    capcands = 0;
    forget_listed(false);
}

#endif /* SCR_HAVE_LIBEDIT */

bool repl_has_line_editing(void)
{
#ifdef SCR_HAVE_LIBEDIT
    return true;
#else
    return false;
#endif
}

static LineStatus read_line(const char *prompt, Text *out)
{
#ifdef SCR_HAVE_LIBEDIT
    if (el) return edit_read(prompt, out);
#endif
    return plain_read(prompt, out);
}

/* ---- deciding when a statement is complete ---- */

static bool is_simple(const Node *n)
{
    switch (n->kind) {
    case N_EXPR_STMT: case N_ASSIGN: case N_AUGASSIGN: case N_BREAK: case N_CONTINUE:
    case N_PASS: case N_RETURN: case N_GLOBAL: case N_NONLOCAL: case N_DEL: case N_ASSERT:
    case N_IMPORT: case N_IMPORT_FROM: case N_RAISE:
        return true;
    default:
        return false;
    }
}

typedef enum { NEED_MORE, RUN_IT, BAD_DEDENT } Verdict;

/* Whether data ends inside brackets or a triple-quoted string (a rough scan: strings and comments
 * skipped), used when the parser stopped early at an error the compiler
 * would find. */
static bool open_brackets(const char *data, size_t len)
{
    int depth = 0;
    const char *p = data, *end = data + len;
    while (p < end) {
        char c = *p;
        if (c == '#') {
            while (p < end && *p != '\n') p++;
        } else if (c == '\'' || c == '"') {
            bool triple = end - p >= 3 && p[1] == c && p[2] == c;
            p += triple ? 3 : 1;
            while (p < end) {
                if (*p == '\\') { p += 2; continue; }
                if (*p == c && (!triple || (end - p >= 3 && p[1] == c && p[2] == c))) {
                    p += triple ? 3 : 1;
                    break;
                }
                if (*p == '\n' && !triple) break;
                p++;
            }
            if (p >= end && triple) return true;      /* in a triple-quoted string */
            continue;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            depth--;
        }
        p++;
    }
    return depth > 0;
}

/* The last line of buf when it is back at the left margin (a new statement
 * inside a block typed without the empty line that ends it), else 0. */
static int dedented_line(const Text *buf)
{
    if (buf->len < 2) return 0;
    const char *end = buf->data + buf->len - 1;     /* the final '\n' */
    const char *p = end;
    int line = 1;
    for (const char *q = buf->data; q < end; q++) line += *q == '\n';
    while (p > buf->data && p[-1] != '\n') p--;
    if (p == buf->data || p == end || *p == ' ' || *p == '\t' || *p == '\f' || *p == '#') return 0;
    if (p - buf->data >= 2 && p[-2] == '\\') return 0;       /* after a backslash */
    if (open_brackets(buf->data, (size_t)(p - buf->data))) return 0;
    static const char *const cont[] = { "else", "elif", "except", "finally" };
    for (size_t i = 0; i < sizeof cont / sizeof cont[0]; i++) {
        size_t n = strlen(cont[i]);
        if ((size_t)(end - p) >= n && memcmp(p, cont[i], n) == 0 &&
            (p + n == end || !(isalnum((unsigned char)p[n]) || p[n] == '_')))
            return 0;
    }
    return line;
}

/* Whether the first statement in buf opens a block (a decorator, or a
 * keyword of a compound statement), judged from its first word. */
static bool starts_compound(const Text *buf)
{
    static const char *const kws[] = { "def", "class", "if", "for", "while", "try", "with",
                                       "async" };
    const char *p = buf->data, *end = buf->data + buf->len;
    for (;;) {                                    /* skip empty and comment-only lines */
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
        if (p < end && *p == '#') {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl : end;
        }
        if (p < end && (*p == '\n' || *p == '\r')) { p++; continue; }
        break;
    }
    if (p < end && *p == '@') return true;
    size_t n = 0;
    while (p + n < end && (isalnum((unsigned char)p[n]) || p[n] == '_')) n++;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (strlen(kws[i]) == n && memcmp(p, kws[i], n) == 0) return true;
    return false;
}

/* As CPython's REPL: a simple statement runs as soon as it is complete; a
 * compound one (its first line ended with ':') runs at the first empty line;
 * open brackets and triple-quoted strings go on across empty lines. */
static Verdict judge(const Text *buf, bool last_blank, int *bad_line)
{
    ParseError err;
    memset(&err, 0, sizeof err);
    Node *mod = parse_module(buf->data, buf->len, "<stdin>", &err);
    if (!mod) {
        if (err_occurred()) return RUN_IT;        /* MemoryError: let run_text report it */
        if (!err.incomplete) {
            /* CPython finds these after parsing the whole statement: in a
             * compound statement, only once the empty line has ended it */
            if (err.from_compiler && !last_blank) {
                if (open_brackets(buf->data, buf->len)) return NEED_MORE;
                if (starts_compound(buf)) {
                    int dl = dedented_line(buf);
                    if (dl) {
                        *bad_line = dl;
                        return BAD_DEDENT;
                    }
                    return NEED_MORE;
                }
            }
            return RUN_IT;                        /* a syntax error: run_text prints it */
        }
        /* The empty line ends the statement unless the lexer is still in
         * brackets, a triple-quoted string or after a backslash: then it
         * is part of the statement */
        if (last_blank && !strstr(err.msg, "never closed") && !strstr(err.msg, "unterminated triple-quoted") &&
            !strstr(err.msg, "unexpected EOF while parsing"))
            return RUN_IT;
        return NEED_MORE;
    }
    Verdict v = RUN_IT;
    if (mod->body.len > 0 && !is_simple(mod->body.items[0])) {
        if (mod->body.len > 1 && mod->body.items[1]->line > mod->body.items[0]->line) {
            *bad_line = mod->body.items[1]->line;     /* a dedented line inside a block */
            v = BAD_DEDENT;
        } else if (!last_blank) {
            v = NEED_MORE;
        }
    }
    ast_free(mod);
    return v;
}

static void print_bad_dedent(const Text *buf, int line)
{
    ParseError err;
    memset(&err, 0, sizeof err);
    err.line = line;
    const char *p = buf->data, *end = buf->data + buf->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    err.col = (int)strspn(p, " \t");
    /* CPython marks the whole first token of the line */
    int n = 0;
    while (p + err.col + n < end && (isalnum((unsigned char)p[err.col + n]) || p[err.col + n] == '_' ||
                                     (unsigned char)p[err.col + n] >= 0x80))
        n++;
    if (n > 1) {
        err.end_line = line;
        err.end_col = err.col + n;
    }
    snprintf(err.msg, sizeof err.msg, "invalid syntax");
    run_print_syntax_error(&err, buf->data, buf->len, "<stdin>");
}

/* ---- sys.ps1 and sys.ps2 ---- */

static Dict *sys_dict(void)
{
    if (!interp.modules) return NULL;
    Value sys = dict_get_cstr(interp.modules, "sys");
    if (sys == VAL_UNDEF || sys == VAL_ERROR || !val_is_obj(sys) || val_as_obj(sys)->type != &module_type) {
        err_clear();
        return NULL;
    }
    return ((Module *)val_as_obj(sys))->dict;
}

/* As CPython, the interactive loop creates sys.ps1 and sys.ps2 when they
 * are not there yet (a program run with -i may have set them). */
static void prompts_init(void)
{
    Dict *d = sys_dict();
    if (!d) return;
    static const char *const names[2] = { "ps1", "ps2" }, *const vals[2] = { PS1, PS2 };
    for (int i = 0; i < 2; i++) {
        Value old = dict_get_cstr(d, names[i]);
        if (old != VAL_UNDEF && old != VAL_ERROR) continue;
        err_clear();
        Str *v = str_from_cstr(vals[i]);
        if (!v) { err_clear(); continue; }
        if (dict_set_cstr(d, names[i], str_val(v)) < 0) err_clear();
        decref(str_val(v));
    }
}

/* The prompt to show: str() of sys.ps1 or sys.ps2, so that changing them
 * takes effect at the next prompt. */
static const char *prompt_text(bool cont)
{
    static char text[512];
    const char *dflt = cont ? PS2 : PS1;
    Dict *d = sys_dict();
    if (!d) return dflt;
    Value v = dict_get_cstr(d, cont ? "ps2" : "ps1");
    if (v == VAL_UNDEF || v == VAL_ERROR) {
        err_clear();
        return "";
    }
    Value s = obj_str(v);
    if (s == VAL_ERROR) {           /* as CPython: no prompt then */
        err_clear();
        return "";
    }
    Str *str = val_as_str(s);
    size_t n = (size_t)str->len < sizeof text - 1 ? (size_t)str->len : sizeof text - 1;
    memcpy(text, str->data, n);
    text[n] = '\0';
    decref(s);
    return text;
}

/* ---- the loop ---- */

/* Whether the statement run last ended in an uncaught KeyboardInterrupt,
 * with nothing read since. */
static bool last_interrupted;

bool repl_ended_interrupted(void)
{
    /* python3 reading a terminal ends normally then; reading a pipe or a
     * file it dies of SIGINT, as after a program interrupted */
    return last_interrupted && !isatty(STDIN_FILENO);
}

int repl_run(bool banner)
{
    int status = 0;
    bool done = false;
    Text buf = {0};
    Text line = {0};
    if (!run_main_globals()) {
        err_clear();
        fputs("scr: out of memory\n", stderr);
        return 1;
    }
#ifdef SCR_HAVE_LIBEDIT
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) edit_start();
#endif
    prompts_init();
    if (banner) {
        fprintf(stderr, "scr %s on linux \xe2\x80\x94 exit() or Ctrl-D to leave\n", SCR_VERSION);
        fflush(stderr);
    }
    while (!done) {
        line.len = 0;
        if (line.data) line.data[0] = '\0';
        LineStatus ls = read_line(prompt_text(buf.len > 0), &line);
        if (ls == LINE_INTERRUPT) {
            fputs("\nKeyboardInterrupt\n", stderr);
            fflush(stderr);
            buf.len = 0;
            continue;
        }
        bool at_eof = false;
        if (ls != LINE_EOF) last_interrupted = false;
        if (ls == LINE_EOF) {
            fputc('\n', stderr);
            fflush(stderr);
            if (!buf.len || blank(buf.data, buf.len)) break;
            at_eof = true;      /* as python3: Ctrl-D at "... " ends the statement and runs it */
        }
        if (at_eof) {
            /* run_text reports whatever the statement still lacks */
        } else if (ls == LINE_NOMEM || text_add(&buf, line.data ? line.data : "", line.len) < 0 ||
            text_add(&buf, "\n", 1) < 0) {
            fputs("MemoryError\n", stderr);
            buf.len = 0;
            continue;
        }
        /* Only an empty line ends a block, as in python3: one holding
         * spaces is skipped like a comment */
        bool last_blank = line.len == 0;
        if (blank(line.data ? line.data : "", line.len) && blank(buf.data, buf.len - 1)) {   /* an empty line at >>> */
            buf.len = 0;
            continue;
        }
        int bad_line = 0;
        Verdict v = at_eof ? RUN_IT : judge(&buf, last_blank, &bad_line);
        if (v == NEED_MORE) continue;
        if (v == BAD_DEDENT) {
            print_bad_dedent(&buf, bad_line);
            buf.len = 0;
            continue;
        }
        int st;
        vm_sigint = 0;          /* a ^C typed at the prompt was handled there */
        RunOutcome how = run_text(buf.data, buf.len, "<stdin>", RUN_INTERACTIVE, &st);
        last_interrupted = how == RUN_INTERRUPTED;
        buf.len = 0;
        if (how == RUN_EXIT) {
            status = st;
            done = true;
        }
    }
    mem_free(buf.data);
    mem_free(line.data);
#ifdef SCR_HAVE_LIBEDIT
    edit_stop();
#endif
    fflush(stdout);
    return status;
}
