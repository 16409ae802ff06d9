/* mod_os.c — a small builtin `os` module: files and directories (remove,
 * rename, mkdir, makedirs, rmdir, listdir, getcwd, chdir), the process
 * (getpid, environ, getenv), the constants (sep, linesep, name, ...), and
 * os.path (CPython's posixpath: join, split, basename, dirname, splitext,
 * normpath, abspath, isabs, exists, isfile, isdir, getsize) as a module of
 * its own, also importable as "os.path". Failures raise the OSError
 * subclass CPython raises, with its "[Errno N] text: 'file'" message.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/args.h"
#include "modules/module.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "core/interp.h"
#include "memory/mem.h"
#include "objects/module.h"

extern char **environ;

static Value str_value(const char *s)
{
    Str *str = str_from_cstr(s);
    return str ? str_val(str) : VAL_ERROR;
}

static Value str_value_n(const char *s, int64_t n)
{
    Str *str = str_new(s, n);
    return str ? str_val(str) : VAL_ERROR;
}

/* ------------------------------------------------------------------ */
/* parameter lists shared by the functions below                        */

static const char *const p_names[] = { "p", NULL };
static const char *const s_names[] = { "s", NULL };
static const char *const path_names[] = { "path", NULL };
static const char *const filename_names[] = { "filename", NULL };

/* A path argument of an os function: its UTF-8 text, or NULL with TypeError/ValueError. */
static const char *path_arg(const char *fname, Value v, bool allow_fd)
{
    if (val_is_str(v) || val_is_bytes(v)) {
        const char *s = val_is_str(v) ? val_as_str(v)->data : val_as_bytes(v)->data;
        int64_t n = val_is_str(v) ? val_as_str(v)->len : val_as_bytes(v)->len;
        if ((int64_t)strlen(s) != n) {
            err_set(&exc_ValueError, "embedded null byte");
            return NULL;
        }
        if (val_is_str(v)) {
            /* a name from argv or listdir may hold escaped bytes; two
             * buffers, for the two paths of rename */
            static char bufs[2][PATH_MAX];
            static int next;
            next ^= 1;
            return codec_os_path(val_as_str(v), bufs[next], sizeof bufs[next]);
        }
        return s;
    }
    err_format(&exc_TypeError, "%s: path should be string, bytes%s, not %s", fname,
               allow_fd ? ", os.PathLike or integer" : " or os.PathLike", val_type_name(v));
    return NULL;
}

/* os.fspath() as os.path uses it: the str itself. */
static Str *fspath(Value v)
{
    if (val_is_str(v)) return val_as_str(v);
    err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", val_type_name(v));
    return NULL;
}

/* The one path argument of the os.path function fname (its keyword name
 * names[0]) as a borrowed str; NULL with the exception set. */
static Str *ospath_arg(const char *fname, const char *const *names, Value *args, int nargs, Tuple *kwnames)
{
    Value arg;
    if (args_def(fname, 0, args, nargs, kwnames, names, 1, &arg) < 0) return NULL;
    return fspath(arg);
}

static Value fail_path(Value path)
{
    err_set_errno(errno, path, VAL_UNDEF);
    return VAL_ERROR;
}

/* ------------------------------------------------------------------ */
/* os                                                                   */

static Value one_path_op(const char *fname, Value *args, int nargs, Tuple *kwnames, int (*op)(const char *))
{
    /* CPython's remove, unlink and rmdir also take dir_fd= (chdir does not),
     * which counts in their messages; scr takes no keywords here */
    static const char *const names[] = { "path", "dir_fd", NULL };
    Value a[2];
    if (args_no_kw(NULL, fname, kwnames) < 0) return VAL_ERROR;
    if (args_bind(fname, args, nargs, NULL, op == chdir ? path_names : names, 1, 1, a) < 0) return VAL_ERROR;
    const char *p = path_arg(fname, args[0], false);
    if (!p) return VAL_ERROR;
    if (op(p) != 0) return fail_path(args[0]);
    return VAL_NONE;
}

static Value os_remove(Value *a, int n, Tuple *k) { return one_path_op("remove", a, n, k, unlink); }
static Value os_unlink(Value *a, int n, Tuple *k) { return one_path_op("unlink", a, n, k, unlink); }
static Value os_rmdir(Value *a, int n, Tuple *k) { return one_path_op("rmdir", a, n, k, rmdir); }
static Value os_chdir(Value *a, int n, Tuple *k) { return one_path_op("chdir", a, n, k, chdir); }

static Value rename_op(const char *fname, Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "src", "dst", "src_dir_fd", "dst_dir_fd", NULL };
    Value a[4];
    if (args_no_kw(NULL, fname, kwnames) < 0) return VAL_ERROR;
    if (args_bind(fname, args, nargs, NULL, names, 2, 2, a) < 0) return VAL_ERROR;
    const char *src = path_arg(fname, args[0], false);
    const char *dst = src ? path_arg(fname, args[1], false) : NULL;
    if (!dst) return VAL_ERROR;
    if (rename(src, dst) != 0) {
        err_set_errno(errno, args[0], args[1]);
        return VAL_ERROR;
    }
    return VAL_NONE;
}

static Value os_rename(Value *a, int n, Tuple *k) { return rename_op("rename", a, n, k); }
static Value os_replace(Value *a, int n, Tuple *k) { return rename_op("replace", a, n, k); }

static int mode_arg(Value *args, int nargs, int i, int *mode)
{
    *mode = 0777;
    if (nargs <= i) return 0;
    if (!val_is_intlike(args[i])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(args[i]));
        return -1;
    }
    *mode = (int)val_to_i64(args[i]);
    return 0;
}

static Value os_mkdir(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "path", "mode", "dir_fd", NULL };
    Value a[3];
    if (args_no_kw(NULL, "mkdir", kwnames) < 0) return VAL_ERROR;
    if (args_bind("mkdir", args, nargs, NULL, names, 2, 1, a) < 0) return VAL_ERROR;
    int mode;
    const char *p = path_arg("mkdir", args[0], false);
    if (!p || mode_arg(args, nargs, 1, &mode) < 0) return VAL_ERROR;
    if (mkdir(p, (mode_t)mode) != 0) return fail_path(args[0]);
    return VAL_NONE;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* os.makedirs(name, mode=0o777, exist_ok=False): the parents first, as CPython. */
static int makedirs(const char *p, int mode, bool exist_ok, Value name)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') n--;
    size_t cut = n;
    while (cut > 0 && p[cut - 1] != '/') cut--;
    size_t hl = cut;
    while (hl > 1 && p[hl - 1] == '/') hl--;
    if (hl > 0 && cut > 0 && cut < n) {
        char *head = mem_alloc(hl + 1);
        if (!head) { err_no_memory(); return -1; }
        memcpy(head, p, hl);
        head[hl] = 0;
        struct stat st;
        if (stat(head, &st) != 0) {
            Str *hs = str_from_cstr(head);
            int r = hs ? makedirs(head, mode, exist_ok, str_val(hs)) : -1;
            if (hs) obj_decref(hs);
            if (r < 0 && err_matches(&exc_FileExistsError)) { err_clear(); r = 0; }
            if (r < 0) { mem_free(head); return -1; }
        }
        mem_free(head);
    }
    if (mkdir(p, (mode_t)mode) != 0) {
        if (exist_ok && is_dir(p)) return 0;
        err_set_errno(errno, name, VAL_UNDEF);
        return -1;
    }
    return 0;
}

static Value os_makedirs(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "name", "mode", "exist_ok", NULL };
    Value a[3];
    if (args_def("makedirs", 0, args, nargs, kwnames, names, 1, a) < 0) return VAL_ERROR;
    const char *p = path_arg("mkdir", a[0], false);
    int mode = 0777;
    if (!p) return VAL_ERROR;
    if (a[1] != VAL_UNDEF && mode_arg(&a[1], 1, 0, &mode) < 0) return VAL_ERROR;
    int exist_ok = a[2] == VAL_UNDEF ? 0 : obj_truth(a[2]);
    if (exist_ok < 0) return VAL_ERROR;
    return makedirs(p, mode, exist_ok, a[0]) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value os_listdir(Value *args, int nargs, Tuple *kwnames)
{
    Value a[1];
    if (args_no_kw(NULL, "listdir", kwnames) < 0) return VAL_ERROR;
    if (args_bind("listdir", args, nargs, NULL, path_names, 1, 0, a) < 0) return VAL_ERROR;
    Value pathv = nargs ? args[0] : VAL_NONE;
    const char *p = ".";
    if (pathv != VAL_NONE && !(p = path_arg("listdir", pathv, true))) return VAL_ERROR;
    DIR *d = opendir(p);
    if (!d) {
        if (pathv == VAL_NONE) {
            Str *dot = str_from_cstr(".");
            if (!dot) return VAL_ERROR;
            err_set_errno(errno, str_val(dot), VAL_UNDEF);
            obj_decref(dot);
            return VAL_ERROR;
        }
        return fail_path(pathv);
    }
    List *l = list_new(0);
    if (!l) { closedir(d); return VAL_ERROR; }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        Value s;
        if (val_is_bytes(pathv)) {
            Bytes *b = bytes_new(e->d_name, (int64_t)strlen(e->d_name));
            s = b ? val_from_obj(b) : VAL_ERROR;
        } else {
            s = codec_decode_os(e->d_name, (int64_t)strlen(e->d_name));
        }
        if (s == VAL_ERROR || list_append_steal(l, s) < 0) {
            closedir(d);
            obj_decref(l);
            return VAL_ERROR;
        }
    }
    closedir(d);
    return val_from_obj(l);
}

static char *cwd_alloc(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = mem_alloc(cap);
        if (!buf) { err_no_memory(); return NULL; }
        if (getcwd(buf, cap)) return buf;
        mem_free(buf);
        if (errno != ERANGE) { err_set_errno(errno, VAL_UNDEF, VAL_UNDEF); return NULL; }
        cap *= 2;
    }
}

static Value os_getcwd(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("posix", "getcwd", nargs, kwnames) < 0) return VAL_ERROR;
    char *cwd = cwd_alloc();
    if (!cwd) return VAL_ERROR;
    Value r = codec_decode_os(cwd, (int64_t)strlen(cwd));
    mem_free(cwd);
    return r;
}

static Value os_getpid(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("posix", "getpid", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64((int64_t)getpid());
}

static Value os_cpu_count(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("posix", "cpu_count", nargs, kwnames) < 0) return VAL_ERROR;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? int_from_i64(n) : VAL_NONE;
}

static Value os_strerror(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("posix", "strerror", nargs, kwnames) < 0) return VAL_ERROR;
    if (!val_is_intlike(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(args[0]));
        return VAL_ERROR;
    }
    return str_value(strerror((int)val_to_i64(args[0])));
}

/* os.getenv(key, default=None) is os.environ.get(key, default), as in CPython. */
static Value os_getenv(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "key", "default", NULL };
    Value a[2];
    if (args_def("getenv", 0, args, nargs, kwnames, names, 1, a) < 0) return VAL_ERROR;
    if (!val_is_str(a[0])) {
        err_format(&exc_TypeError, "str expected, not %s", val_type_name(a[0]));
        return VAL_ERROR;
    }
    Value dflt = a[1] == VAL_UNDEF ? VAL_NONE : a[1];
    Value os = interp.modules ? dict_get_cstr(interp.modules, "os") : VAL_UNDEF;
    Value env = VAL_UNDEF;
    if (val_is_obj(os) && val_as_obj(os)->type == &module_type)
        env = dict_get_cstr(((Module *)val_as_obj(os))->dict, "environ");
    if (val_is_dict(env)) {
        Value v = dict_get(val_as_dict(env), a[0]);
        if (v == VAL_ERROR) return VAL_ERROR;
        if (v != VAL_UNDEF) { incref(v); return v; }
        incref(dflt);
        return dflt;
    }
    const char *v = getenv(val_as_str(a[0])->data);
    if (v) return codec_decode_os(v, (int64_t)strlen(v));
    incref(dflt);
    return dflt;
}

static Dict *environ_snapshot(void)
{
    Dict *d = dict_new();
    if (!d) return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        /* undecodable bytes become lone surrogates, as in CPython's os.environ */
        Value k = codec_decode_os(*e, eq - *e);
        Value v = k == VAL_ERROR ? VAL_ERROR : codec_decode_os(eq + 1, (int64_t)strlen(eq + 1));
        int r = v == VAL_ERROR ? -1 : dict_set(d, k, v);
        xdecref(k);
        xdecref(v);
        if (r < 0) { obj_decref(d); return NULL; }
    }
    return d;
}

/* ------------------------------------------------------------------ */
/* os.path (posixpath)                                                  */

static Value op_join(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const a_names[] = { "a", NULL };
    Value first;
    if (args_no_kw(NULL, "join", kwnames) < 0) return VAL_ERROR;
    /* join(a, *p): the first parameter is bound here, the rest checked below */
    if (args_def("join", 0, args, nargs < 1 ? nargs : 1, NULL, a_names, 1, &first) < 0) return VAL_ERROR;
    Str *a = fspath(first);
    if (!a) return VAL_ERROR;
    for (int i = 1; i < nargs; i++)
        if (!val_is_str(args[i])) {
            err_format(&exc_TypeError, "join() argument must be str, bytes, or os.PathLike object, not '%s'",
                       val_type_name(args[i]));
            return VAL_ERROR;
        }
    StrBuf b;
    sb_init(&b);
    sb_putn(&b, a->data, a->len);
    for (int i = 1; i < nargs; i++) {
        Str *s = val_as_str(args[i]);
        if (s->len > 0 && s->data[0] == '/') b.len = 0;
        else if (b.len > 0 && b.data[b.len - 1] != '/') sb_putc(&b, '/');
        sb_putn(&b, s->data, s->len);
    }
    return sb_finish(&b);
}

/* Index just past the last '/' of s (0 if none). */
static int64_t after_last_sep(Str *s)
{
    int64_t i = s->len;
    while (i > 0 && s->data[i - 1] != '/') i--;
    return i;
}

/* head of split(): without its trailing slashes unless it is all slashes */
static int64_t head_len(Str *s, int64_t i)
{
    int64_t h = i;
    bool all = true;
    for (int64_t k = 0; k < i; k++) if (s->data[k] != '/') all = false;
    if (i > 0 && !all)
        while (h > 0 && s->data[h - 1] == '/') h--;
    return h;
}

static Value op_basename(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("basename", p_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    int64_t i = after_last_sep(s);
    return str_value_n(s->data + i, s->len - i);
}

static Value op_dirname(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("dirname", p_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    return str_value_n(s->data, head_len(s, after_last_sep(s)));
}

/* The tuple (s[:head_end], s[tail_start:]) that split and splitext return. */
static Value split_pair(Str *s, int64_t head_end, int64_t tail_start)
{
    Value head = str_value_n(s->data, head_end);
    Value tail = head == VAL_ERROR ? VAL_ERROR : str_value_n(s->data + tail_start, s->len - tail_start);
    return tuple_pair_steal(head, tail);
}

static Value op_split(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("split", p_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    int64_t i = after_last_sep(s);
    return split_pair(s, head_len(s, i), i);
}

static Value op_splitext(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("splitext", p_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    int64_t sep = -1, dot = -1;
    for (int64_t i = 0; i < s->len; i++) {
        if (s->data[i] == '/') sep = i;
        else if (s->data[i] == '.') dot = i;
    }
    int64_t cut = s->len;
    if (dot > sep) {
        for (int64_t i = sep + 1; i < dot; i++)
            if (s->data[i] != '.') { cut = dot; break; }
    }
    return split_pair(s, cut, cut);
}

static Value op_isabs(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("isabs", s_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    return val_from_bool(s->len > 0 && s->data[0] == '/');
}

/* posixpath.normpath */
static Value normpath(const char *p, int64_t n)
{
    if (n == 0) return str_value(".");
    int initial = p[0] == '/';
    if (initial && n >= 2 && p[1] == '/' && !(n >= 3 && p[2] == '/')) initial = 2;
    /* components as (start, len) pairs */
    int64_t *comp = mem_alloc_array((size_t)n + 1, 2 * sizeof(int64_t));
    if (!comp) { err_no_memory(); return VAL_ERROR; }
    int64_t nc = 0;
    for (int64_t i = 0; i <= n;) {
        int64_t j = i;
        while (j < n && p[j] != '/') j++;
        int64_t len = j - i;
        const char *c = p + i;
        if (len == 0 || (len == 1 && c[0] == '.')) {
            /* skip */
        } else if (!(len == 2 && c[0] == '.' && c[1] == '.') || (!initial && nc == 0) ||
                   (nc > 0 && comp[2 * (nc - 1) + 1] == 2 && p[comp[2 * (nc - 1)]] == '.' &&
                    p[comp[2 * (nc - 1)] + 1] == '.')) {
            comp[2 * nc] = i;
            comp[2 * nc + 1] = len;
            nc++;
        } else if (nc > 0) {
            nc--;
        }
        i = j + 1;
    }
    StrBuf b;
    sb_init(&b);
    for (int k = 0; k < initial; k++) sb_putc(&b, '/');
    for (int64_t k = 0; k < nc; k++) {
        if (k) sb_putc(&b, '/');
        sb_putn(&b, p + comp[2 * k], comp[2 * k + 1]);
    }
    mem_free(comp);
    if (b.len == 0) sb_putc(&b, '.');
    return sb_finish(&b);
}

static Value op_normpath(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("normpath", path_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    return normpath(s->data, s->len);
}

static Value op_abspath(Value *args, int nargs, Tuple *kwnames)
{
    Str *s = ospath_arg("abspath", path_names, args, nargs, kwnames);
    if (!s) return VAL_ERROR;
    if (s->len > 0 && s->data[0] == '/') return normpath(s->data, s->len);
    char *cwd = cwd_alloc();
    if (!cwd) return VAL_ERROR;
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, cwd);
    mem_free(cwd);
    if (b.len == 0 || b.data[b.len - 1] != '/') sb_putc(&b, '/');
    sb_putn(&b, s->data, s->len);
    if (b.failed) { sb_free(&b); err_no_memory(); return VAL_ERROR; }
    Value r = normpath(b.data, b.len);
    sb_free(&b);
    return r;
}

/* stat() for exists/isfile/isdir: 1 found, 0 not (any OSError or ValueError), -1 TypeError. */
static int stat_arg(const char *fname, Value *args, int nargs, Tuple *kwnames, const char *pname, struct stat *st)
{
    const char *const names[] = { pname, NULL };
    Value v;
    if (args_def(fname, 0, args, nargs, kwnames, names, 1, &v) < 0) return -1;
    if (val_is_intlike(v)) return fstat((int)val_to_i64(v), st) == 0;
    if (!val_is_str(v) && !val_is_bytes(v)) {
        err_format(&exc_TypeError, "stat: path should be string, bytes, os.PathLike or integer, not %s",
                   val_type_name(v));
        return -1;
    }
    const char *p = val_is_str(v) ? val_as_str(v)->data : val_as_bytes(v)->data;
    int64_t n = val_is_str(v) ? val_as_str(v)->len : val_as_bytes(v)->len;
    if ((int64_t)strlen(p) != n) return 0;
    char buf[PATH_MAX];
    if (val_is_str(v) && !(p = codec_os_path(val_as_str(v), buf, sizeof buf))) {
        err_clear();
        return 0;
    }
    return stat(p, st) == 0;
}

static Value op_exists(Value *args, int nargs, Tuple *kwnames)
{
    struct stat st;
    int r = stat_arg("exists", args, nargs, kwnames, "path", &st);
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

static Value op_isfile(Value *args, int nargs, Tuple *kwnames)
{
    struct stat st;
    int r = stat_arg("isfile", args, nargs, kwnames, "path", &st);
    return r < 0 ? VAL_ERROR : val_from_bool(r && S_ISREG(st.st_mode));
}

static Value op_isdir(Value *args, int nargs, Tuple *kwnames)
{
    struct stat st;
    int r = stat_arg("isdir", args, nargs, kwnames, "s", &st);
    return r < 0 ? VAL_ERROR : val_from_bool(r && S_ISDIR(st.st_mode));
}

static Value op_getsize(Value *args, int nargs, Tuple *kwnames)
{
    Value arg;
    if (args_def("getsize", 0, args, nargs, kwnames, filename_names, 1, &arg) < 0) return VAL_ERROR;
    const char *p = path_arg("stat", arg, true);
    if (!p) return VAL_ERROR;
    struct stat st;
    if (stat(p, &st) != 0) return fail_path(arg);
    return int_from_i64((int64_t)st.st_size);
}

/* ------------------------------------------------------------------ */
/* the modules                                                          */

static int set_new(Dict *d, const char *name, Value v)
{
    if (v == VAL_ERROR) return -1;
    int r = dict_set_cstr(d, name, v);
    decref(v);
    return r;
}

static const MethodDef path_functions[] = {
    {"join", op_join}, {"basename", op_basename}, {"dirname", op_dirname}, {"split", op_split},
    {"splitext", op_splitext}, {"isabs", op_isabs}, {"normpath", op_normpath}, {"abspath", op_abspath},
    {"exists", op_exists}, {"isfile", op_isfile}, {"isdir", op_isdir}, {"getsize", op_getsize},
    {NULL, NULL},
};

static Value make_path_module(void)
{
    Value m = module_new_with("posixpath", path_functions);
    if (m == VAL_ERROR) return VAL_ERROR;
    Dict *d = module_dict(m);
    if (set_new(d, "sep", str_value("/")) < 0
        || set_new(d, "curdir", str_value(".")) < 0
        || set_new(d, "pardir", str_value("..")) < 0
        || set_new(d, "extsep", str_value(".")) < 0
        || set_new(d, "pathsep", str_value(":")) < 0
        || set_new(d, "devnull", str_value("/dev/null")) < 0) {
        decref(m);
        return VAL_ERROR;
    }
    return m;
}

static const MethodDef os_functions[] = {
    {"remove", os_remove}, {"unlink", os_unlink}, {"rename", os_rename}, {"replace", os_replace},
    {"mkdir", os_mkdir}, {"makedirs", os_makedirs}, {"rmdir", os_rmdir}, {"listdir", os_listdir},
    {"getcwd", os_getcwd}, {"chdir", os_chdir}, {"getpid", os_getpid}, {"cpu_count", os_cpu_count},
    {"strerror", os_strerror}, {"getenv", os_getenv},
    {NULL, NULL},
};

Value mod_os_init(void)
{
    Value m = module_new("os");
    if (m == VAL_ERROR) return VAL_ERROR;
    Dict *d = module_dict(m);
    Dict *env = environ_snapshot();
    if (!env
        || set_new(d, "environ", val_from_obj(env)) < 0
        || module_add_functions(d, os_functions) < 0
        || set_new(d, "path", make_path_module()) < 0
        || set_new(d, "name", str_value("posix")) < 0
        || set_new(d, "sep", str_value("/")) < 0
        || set_new(d, "altsep", VAL_NONE) < 0
        || set_new(d, "linesep", str_value("\n")) < 0
        || set_new(d, "curdir", str_value(".")) < 0
        || set_new(d, "pardir", str_value("..")) < 0
        || set_new(d, "extsep", str_value(".")) < 0
        || set_new(d, "pathsep", str_value(":")) < 0
        || set_new(d, "devnull", str_value("/dev/null")) < 0
        || dict_set_cstr(d, "error", val_from_obj(&exc_OSError)) < 0) {
        decref(m);
        return VAL_ERROR;
    }
    return m;
}

/* "os.path" in sys.modules is the os module's path (import os.path as p, from os.path import x). */
Value mod_os_path_init(void)
{
    return module_import_attr("os", "path");
}
