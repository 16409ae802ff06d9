/* fileio.c — the builtin open() for UTF-8 text files: a file object over a
 * stdio FILE* with read/readline/readlines/write/writelines/close, line
 * iteration and the with-statement protocol. Files left open are closed
 * when their last reference goes away, as CPython does.
 */
#include <errno.h>
#include <stdio.h>
#include <strings.h>
#include <string.h>
#include "fileio.h"
#include "error.h"
#include "str.h"
#include "int.h"
#include "list.h"
#include "tuple.h"
#include "function.h"
#include "mem.h"

typedef struct FileIO {
    Obj ob;
    FILE *fp;            /* NULL once closed */
    Str *name;
    char mode[4];
    bool readable, writable;
} FileIO;

static FileIO *as_file(Value v) { return (FileIO *)val_as_obj(v); }

static int check_open(FileIO *f)
{
    if (!f->fp) { err_set(&exc_ValueError, "I/O operation on closed file."); return -1; }
    return 0;
}

static int check_readable(FileIO *f)
{
    if (check_open(f) < 0) return -1;
    if (!f->readable) { err_set(&exc_OSError, "not readable"); return -1; }
    return 0;
}

static void raise_errno(int e, Str *name)
{
    Type *t = &exc_OSError;
    switch (e) {
    case ENOENT: t = &exc_FileNotFoundError; break;
    case EACCES: case EPERM: t = &exc_PermissionError; break;
    case EISDIR: t = &exc_IsADirectoryError; break;
    case EEXIST: t = &exc_FileExistsError; break;
    default: break;
    }
    Value r = obj_repr(str_val(name));
    if (r == VAL_ERROR) return;
    err_format(t, "[Errno %d] %s: %s", e, strerror(e), val_as_str(r)->data);
    decref(r);
}

/* Universal newlines as CPython reads text: "\r\n" and a lone "\r" become "\n". */
static int get_char(FILE *fp)
{
    int c = getc(fp);
    if (c == '\r') {
        int d = getc(fp);
        if (d != '\n' && d != EOF) ungetc(d, fp);
        c = '\n';
    }
    return c;
}

/* One line including its '\n' (empty at end of file). */
static Value read_line(FileIO *f)
{
    char *buf = NULL;
    size_t cap = 0, len = 0;
    int c;
    while ((c = get_char(f->fp)) != EOF) {
        if (len + 1 >= cap) {
            size_t ncap = cap ? cap * 2 : 128;
            char *nb = mem_realloc(buf, ncap);
            if (!nb) { mem_free(buf); err_no_memory(); return VAL_ERROR; }
            buf = nb;
            cap = ncap;
        }
        buf[len++] = (char)c;
        if (c == '\n') break;
    }
    Str *s = str_new(buf ? buf : "", (int64_t)len);
    mem_free(buf);
    return s ? str_val(s) : VAL_ERROR;
}

/* Up to n characters (n < 0: all the rest). */
static Value read_chars(FileIO *f, int64_t n)
{
    char *buf = NULL;
    size_t cap = 0, len = 0;
    int64_t chars = 0;
    int c;
    while ((n < 0 || chars < n) && (c = get_char(f->fp)) != EOF) {
        int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
        if (len + 5 >= cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            char *nb = mem_realloc(buf, ncap);
            if (!nb) { mem_free(buf); err_no_memory(); return VAL_ERROR; }
            buf = nb;
            cap = ncap;
        }
        buf[len++] = (char)c;
        for (int i = 0; i < extra && (c = getc(f->fp)) != EOF; i++) buf[len++] = (char)c;
        chars++;
    }
    Str *s = str_new(buf ? buf : "", (int64_t)len);
    mem_free(buf);
    return s ? str_val(s) : VAL_ERROR;
}

static void file_close(FileIO *f)
{
    if (f->fp) { fclose(f->fp); f->fp = NULL; }
}

static void fileio_dealloc(Obj *o)
{
    FileIO *f = (FileIO *)o;
    file_close(f);
    if (f->name) decref(str_val(f->name));
    obj_free(o);
}

static Value fileio_repr(Value v)
{
    FileIO *f = as_file(v);
    Value r = obj_repr(str_val(f->name));
    if (r == VAL_ERROR) return VAL_ERROR;
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<_io.TextIOWrapper name=%s mode='%s' encoding='UTF-8'>", val_as_str(r)->data, f->mode);
    decref(r);
    return sb_finish(&b);
}

static Value fileio_getattr(Value o, Str *name)
{
    FileIO *f = as_file(o);
    if (str_eq_cstr(name, "closed")) return val_from_bool(f->fp == NULL);
    if (str_eq_cstr(name, "name")) { incref(str_val(f->name)); return str_val(f->name); }
    if (str_eq_cstr(name, "mode")) { Str *s = str_from_cstr(f->mode); return s ? str_val(s) : VAL_ERROR; }
    if (str_eq_cstr(name, "encoding")) { Str *s = str_from_cstr("UTF-8"); return s ? str_val(s) : VAL_ERROR; }
    return VAL_UNDEF;
}

static Value fileio_iter(Value o)
{
    if (check_open(as_file(o)) < 0) return VAL_ERROR;
    incref(o);
    return o;
}

static Value fileio_next(Value o)
{
    FileIO *f = as_file(o);
    if (check_readable(f) < 0) return VAL_ERROR;
    Value line = read_line(f);
    if (line == VAL_ERROR) return VAL_ERROR;
    if (val_as_str(line)->len == 0) { decref(line); return VAL_UNDEF; }
    return line;
}

static int64_t size_arg(const char *fname, Value *args, int nargs, Tuple *kwnames, int64_t *out)
{
    if (args_no_kw(fname, kwnames) < 0) return -1;
    *out = -1;
    if (nargs > 2) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %d", fname, nargs - 1);
        return -1;
    }
    if (nargs == 2 && args[1] != VAL_NONE) {
        if (!val_is_int(args[1])) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'", val_type_name(args[1]));
            return -1;
        }
        *out = val_as_int(args[1]);
    }
    return 0;
}

static Value m_read(Value *args, int nargs, Tuple *kwnames)
{
    int64_t n;
    if (size_arg("read", args, nargs, kwnames, &n) < 0) return VAL_ERROR;
    if (check_readable(as_file(args[0])) < 0) return VAL_ERROR;
    return read_chars(as_file(args[0]), n);
}

static Value m_readline(Value *args, int nargs, Tuple *kwnames)
{
    int64_t n;
    if (size_arg("readline", args, nargs, kwnames, &n) < 0) return VAL_ERROR;
    if (check_readable(as_file(args[0])) < 0) return VAL_ERROR;
    return read_line(as_file(args[0]));
}

static Value m_readlines(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs;
    if (args_no_kw("readlines", kwnames) < 0) return VAL_ERROR;
    FileIO *f = as_file(args[0]);
    if (check_readable(f) < 0) return VAL_ERROR;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    for (;;) {
        Value line = read_line(f);
        if (line == VAL_ERROR) { decref(val_from_obj(l)); return VAL_ERROR; }
        if (val_as_str(line)->len == 0) { decref(line); break; }
        int r = list_append(l, line);
        decref(line);
        if (r < 0) { decref(val_from_obj(l)); return VAL_ERROR; }
    }
    return val_from_obj(l);
}

static int write_str(FileIO *f, Value s)
{
    if (!val_is_str(s)) {
        err_format(&exc_TypeError, "write() argument must be str, not %s", val_type_name(s));
        return -1;
    }
    Str *str = val_as_str(s);
    if (str->len > 0 && fwrite(str->data, 1, (size_t)str->len, f->fp) != (size_t)str->len) {
        int e = errno;
        clearerr(f->fp);
        raise_errno(e, f->name);
        return -1;
    }
    return 0;
}

static int check_writable(FileIO *f)
{
    if (check_open(f) < 0) return -1;
    if (!f->writable) { err_set(&exc_OSError, "not writable"); return -1; }
    return 0;
}

static Value m_write(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw("write", kwnames) < 0) return VAL_ERROR;
    if (nargs != 2) {
        err_format(&exc_TypeError, "write() takes exactly one argument (%d given)", nargs - 1);
        return VAL_ERROR;
    }
    FileIO *f = as_file(args[0]);
    if (check_writable(f) < 0 || write_str(f, args[1]) < 0) return VAL_ERROR;
    return int_from_i64(val_as_str(args[1])->nchars);
}

static Value m_writelines(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw("writelines", kwnames) < 0) return VAL_ERROR;
    if (nargs != 2) {
        err_format(&exc_TypeError, "writelines() takes exactly one argument (%d given)", nargs - 1);
        return VAL_ERROR;
    }
    FileIO *f = as_file(args[0]);
    if (check_writable(f) < 0) return VAL_ERROR;
    Value it = obj_iter(args[1]);
    if (it == VAL_ERROR) return VAL_ERROR;
    for (;;) {
        Value x = obj_next(it);
        if (x == VAL_ERROR) { decref(it); return VAL_ERROR; }
        if (x == VAL_UNDEF) break;
        int r = write_str(f, x);
        decref(x);
        if (r < 0) { decref(it); return VAL_ERROR; }
    }
    decref(it);
    return VAL_NONE;
}

static Value m_close(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs;
    if (args_no_kw("close", kwnames) < 0) return VAL_ERROR;
    file_close(as_file(args[0]));
    return VAL_NONE;
}

static Value m_flush(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs;
    if (args_no_kw("flush", kwnames) < 0) return VAL_ERROR;
    FileIO *f = as_file(args[0]);
    if (check_open(f) < 0) return VAL_ERROR;
    fflush(f->fp);
    return VAL_NONE;
}

static Value m_enter(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    if (check_open(as_file(args[0])) < 0) return VAL_ERROR;
    incref(args[0]);
    return args[0];
}

static Value m_exit(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    file_close(as_file(args[0]));
    return VAL_NONE;
}

static Value m_readable(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    if (check_open(as_file(args[0])) < 0) return VAL_ERROR;
    return val_from_bool(as_file(args[0])->readable);
}

static Value m_writable(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    if (check_open(as_file(args[0])) < 0) return VAL_ERROR;
    return val_from_bool(as_file(args[0])->writable);
}

static const MethodDef fileio_methods[] = {
    {"read", m_read}, {"readline", m_readline}, {"readlines", m_readlines},
    {"write", m_write}, {"writelines", m_writelines}, {"close", m_close}, {"flush", m_flush},
    {"readable", m_readable}, {"writable", m_writable},
    {"__enter__", m_enter}, {"__exit__", m_exit},
    {NULL, NULL},
};

Type fileio_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "TextIOWrapper",
    .size = sizeof(FileIO),
    .dealloc = fileio_dealloc,
    .repr = fileio_repr,
    .iter = fileio_iter,
    .next = fileio_next,
    .getattr = fileio_getattr,
    .methods = fileio_methods,
};

Value fileio_open(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding"};
    Value a[4] = {VAL_UNDEF, VAL_UNDEF, VAL_UNDEF, VAL_UNDEF};
    int nkw = kwnames ? (int)kwnames->len : 0;
    int npos = nargs;
    if (npos > 4) {
        err_format(&exc_TypeError, "open() takes at most 4 arguments (%d given)", npos);
        return VAL_ERROR;
    }
    for (int i = 0; i < npos; i++) a[i] = args[i];
    for (int k = 0; k < nkw; k++) {
        Str *kn = val_as_str(kwnames->items[k]);
        int j = 0;
        while (j < 4 && !str_eq_cstr(kn, names[j])) j++;
        if (j == 4) {
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for open()", kn->data);
            return VAL_ERROR;
        }
        if (a[j] != VAL_UNDEF) {
            err_format(&exc_TypeError, "argument for open() given by name ('%s') and position (%d)",
                       names[j], j + 1);
            return VAL_ERROR;
        }
        a[j] = args[npos + k];
    }
    if (a[0] == VAL_UNDEF) {
        err_set(&exc_TypeError, "open() missing required argument 'file' (pos 1)");
        return VAL_ERROR;
    }
    if (!val_is_str(a[0])) {
        err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", val_type_name(a[0]));
        return VAL_ERROR;
    }
    const char *mode = "r";
    if (a[1] != VAL_UNDEF) {
        if (!val_is_str(a[1])) {
            err_format(&exc_TypeError, "open() argument 'mode' must be str, not %s", val_type_name(a[1]));
            return VAL_ERROR;
        }
        mode = val_as_str(a[1])->data;
    }
    if (a[3] != VAL_UNDEF && a[3] != VAL_NONE) {
        if (!val_is_str(a[3])) {
            err_format(&exc_TypeError, "open() argument 'encoding' must be str or None, not %s",
                       val_type_name(a[3]));
            return VAL_ERROR;
        }
        const char *e = val_as_str(a[3])->data;
        if (strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0) {
            err_format(&exc_LookupError, "unknown encoding: %s", e);
            return VAL_ERROR;
        }
    }
    int kind = 0, nkind = 0;
    bool text = false, binary = false, plus = false;
    for (const char *p = mode; *p; p++) {
        const char *seen = strchr(p + 1, *p);
        if (!strchr("rwaxtb+", *p) || seen) {
            err_format(&exc_ValueError, "invalid mode: '%s'", mode);
            return VAL_ERROR;
        }
        if (strchr("rwax", *p)) { kind = *p; nkind++; }
        else if (*p == 't') text = true;
        else if (*p == 'b') binary = true;
        else plus = true;
    }
    if (text && binary) { err_set(&exc_ValueError, "can't have text and binary mode at once"); return VAL_ERROR; }
    if (nkind == 0) {
        err_set(&exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
        return VAL_ERROR;
    }
    if (nkind != 1) {
        err_set(&exc_ValueError, "must have exactly one of create/read/write/append mode");
        return VAL_ERROR;
    }
    if (binary) { err_set(&exc_ValueError, "binary mode is not supported yet"); return VAL_ERROR; }
    if (plus) { err_set(&exc_ValueError, "'+' mode is not supported yet"); return VAL_ERROR; }
    Str *path = val_as_str(a[0]);
    if ((int64_t)strlen(path->data) != path->len) {
        err_set(&exc_ValueError, "embedded null character");
        return VAL_ERROR;
    }
    const char *cmode = kind == 'r' ? "r" : kind == 'w' ? "w" : kind == 'a' ? "a" : "wx";
    errno = 0;
    FILE *fp = fopen(path->data, cmode);
    if (!fp) { raise_errno(errno ? errno : EIO, path); return VAL_ERROR; }
    if (kind == 'r') {
        /* fopen succeeds on a directory; reading it fails with EISDIR */
        int c = getc(fp);
        if (c == EOF && ferror(fp)) {
            int e = errno;
            fclose(fp);
            raise_errno(e, path);
            return VAL_ERROR;
        }
        if (c != EOF) ungetc(c, fp);
    }
    FileIO *f = obj_alloc(&fileio_type, sizeof(FileIO));
    if (!f) { fclose(fp); return VAL_ERROR; }
    f->fp = fp;
    obj_incref(path);
    f->name = path;
    f->mode[0] = (char)kind;
    f->mode[1] = '\0';
    f->readable = kind == 'r';
    f->writable = kind != 'r';
    return val_from_obj(f);
}
