/* textio.c — sys.stdin / sys.stdout / sys.stderr: text streams over a stdio
 * FILE*. print() recognises them and writes into the FILE* buffer without
 * building a call, which is what keeps output-heavy programs fast. stdin
 * reads through the same FILE* as input() (UTF-8, lines end at "\n"), so
 * the two can be mixed.
 *
 * Errors behave as CPython's TextIOWrapper over a BufferedWriter, as far as a
 * program can see: text collects until more than 8192 bytes are pending and
 * then goes out at once, and a write that fails (EPIPE on a closed pipe)
 * raises in the print or write that sent it, its data lost; a flush that
 * fails raises too, but CPython keeps that data buffered, so the flush at
 * exit fails again and is reported ("Exception ignored in: ...", status 120).
 *
 * The streams work as python3's do in a UTF-8 locale such as C.UTF-8:
 * undecodable input bytes become lone surrogates U+DC80..U+DCFF
 * (surrogateescape) and go back out as the same bytes on stdout; stderr
 * writes any lone surrogate as a \udcXX escape (backslashreplace).
 */
#define _GNU_SOURCE      /* __fpurge */
#include <errno.h>
#include <unistd.h>
#include <stdio_ext.h>
#include "objects/textio.h"
#include "core/args.h"
#include "objects/fileio.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/function.h"
#include "core/interp.h"
#include "objects/list.h"
#include "objects/bytes.h"
#include "objects/iterators.h"
#include "core/intr.h"
#include "objects/module.h"

/* CPython's TextIOWrapper chunk: pending text goes out once it exceeds this. */
#define TEXTIO_CHUNK 8192

static bool stdout_chunked;          /* block-buffered: the chunk rule applies */
static int64_t stdout_pending;       /* bytes written since the last chunk went out */
static int stdout_kept_errno;        /* a failed flush whose data CPython keeps buffered */

void textio_setup(void)
{
    stdout_pending = 0;
    stdout_kept_errno = 0;
    stdout_chunked = false;
    if (interp_config.unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
        setvbuf(stderr, NULL, _IONBF, 0);
    } else if (isatty(fileno(stdout))) {
        setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
    } else {
        /* bigger than a chunk plus a typical write, so that stdio itself
         * seldom decides when data goes out */
        setvbuf(stdout, NULL, _IOFBF, 1 << 16);
        stdout_chunked = true;
    }
}

/* A write to fp failed with errno e: the data is dropped (as CPython's text
 * layer drops the chunk it could not write) and the OSError raised. */
static int write_failed(FILE *fp, int e)
{
    __fpurge(fp);
    clearerr(fp);
    if (fp == stdout) stdout_pending = 0;
    err_set_errno(e ? e : EIO, VAL_UNDEF, VAL_UNDEF);
    return -1;
}

static int chunk_out(FILE *fp)
{
    stdout_pending = 0;
    if (fflush(fp) != 0) return write_failed(fp, errno);
    return 0;
}

/* s with its lone surrogates encoded for fp: on stderr as \udcXX escapes,
 * elsewhere U+DC80..U+DCFF as the bytes they stand for and any other one a
 * UnicodeEncodeError ("surrogates not allowed"), as CPython reports it. */
static int encode_surrogates(FILE *fp, const char *s, int64_t n, StrBuf *out)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    int64_t pos = 0;
    while (p < end) {
        int k = (*p & 0xC0) == 0x80 ? 1 : *p < 0xE0 ? (*p < 0x80 ? 1 : 2) : *p < 0xF0 ? 3 : 4;
        if (k > end - p) k = (int)(end - p);
        if (*p == 0xED && k == 3 && p[1] >= 0xA0) {
            unsigned cp = 0xD000u | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
            if (fp == stderr) {
                sb_printf(out, "\\u%04x", cp);
            } else if (cp >= 0xDC80 && cp <= 0xDCFF) {
                sb_putc(out, (char)(cp - 0xDC00));
            } else {
                Str *str = str_new(s, n);
                if (!str) return -1;
                err_unicode_encode("utf-8", str_val(str), pos, pos + 1, "surrogates not allowed");
                obj_decref(str);
                return -1;
            }
        } else {
            sb_putn(out, (const char *)p, k);
        }
        p += k;
        pos++;
    }
    return 0;
}

int textio_put(FILE *fp, const char *s, int64_t n)
{
    if (n <= 0) return 0;
    StrBuf enc;
    sb_init(&enc);
    if (codec_has_surrogate(s, n)) {
        if (encode_surrogates(fp, s, n, &enc) < 0) { sb_free(&enc); return -1; }
        s = enc.data;
        n = enc.len;
    }
    int r = 0;
    if (fp == stdout && stdout_chunked) {
        /* CPython writes out what is pending before text that would take it
         * past a chunk, and everything once a chunk is full */
        if (stdout_pending > 0 && stdout_pending + n > TEXTIO_CHUNK && chunk_out(fp) < 0) r = -1;
        else if (fwrite(s, 1, (size_t)n, fp) != (size_t)n) r = write_failed(fp, errno);
        else if ((stdout_pending += n) >= TEXTIO_CHUNK) r = chunk_out(fp);
    } else if (fwrite(s, 1, (size_t)n, fp) != (size_t)n) {
        r = write_failed(fp, errno);
    }
    sb_free(&enc);
    return r;
}

int textio_flush_fp(FILE *fp)
{
    if (fp == stdout) stdout_pending = 0;
    if (fflush(fp) != 0) {
        int e = errno ? errno : EIO;
        __fpurge(fp);
        clearerr(fp);
        if (fp == stdout) stdout_kept_errno = e;
        err_set_errno(e, VAL_UNDEF, VAL_UNDEF);
        return -1;
    }
    if (fp == stdout && stdout_kept_errno) {
        /* CPython still holds the data that failed: it fails again */
        err_set_errno(stdout_kept_errno, VAL_UNDEF, VAL_UNDEF);
        return -1;
    }
    return 0;
}

void textio_flush_stdout_quiet(void)
{
    Value exc = err_fetch();
    if (textio_flush_fp(stdout) < 0) err_clear();
    if (exc != VAL_UNDEF) err_set_exc(exc);
}

int textio_exit_flush(void)
{
    Value exc = err_fetch();
    int r = 0;
    if (textio_flush_fp(stdout) < 0) {
        Value out = textio_sys_stream("stdout");
        if (out == VAL_UNDEF || out == VAL_NONE) out = textio_sys_stream("__stdout__");
        if (out == VAL_UNDEF) err_clear();
        else err_write_unraisable(out);
        fflush(stderr);
        r = -1;
    }
    if (exc != VAL_UNDEF) err_set_exc(exc);
    return r;
}

Value textio_new(FILE *fp, const char *name)
{
    TextIO *t = obj_alloc(&textio_type, sizeof(TextIO));
    if (!t) return VAL_ERROR;
    t->fp = fp;
    t->name = name;
    return val_from_obj(t);
}

static void textio_dealloc(Obj *o) { obj_free(o); }

static Value textio_repr(Value v)
{
    TextIO *t = (TextIO *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", t->name,
              t->fp == stdin ? "r" : "w");
    return sb_finish(&b);
}

int textio_write(Value file, const char *s, int64_t n)
{
    if (val_is_textio(file)) return textio_put(((TextIO *)val_as_obj(file))->fp, s, n);
    Str *str = str_new(s, n);
    if (!str) return -1;
    Value arg = str_val(str);
    Value m = obj_getattr_cstr(file, "write");
    if (m == VAL_ERROR) { decref(arg); return -1; }
    Value r = obj_call(m, &arg, 1, NULL);
    decref(m);
    decref(arg);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

int textio_flush(Value file)
{
    if (val_is_textio(file)) return textio_flush_fp(((TextIO *)val_as_obj(file))->fp);
    Value m = obj_getattr_cstr(file, "flush");
    if (m == VAL_ERROR) return -1;
    Value r = obj_call(m, NULL, 0, NULL);
    decref(m);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

Value textio_sys_stream(const char *name)
{
    if (!interp.modules) return VAL_UNDEF;
    Value sys = dict_get_cstr(interp.modules, "sys");
    if (sys == VAL_UNDEF || sys == VAL_ERROR || !val_is_obj(sys) || val_as_obj(sys)->type != &module_type)
        return VAL_UNDEF;
    Value v = dict_get_cstr(((Module *)val_as_obj(sys))->dict, name);
    return v == VAL_ERROR ? VAL_UNDEF : v;
}

static TextIO *self_of(Value v) { return (TextIO *)val_as_obj(v); }
static bool is_input(Value v) { return self_of(v)->fp == stdin; }

static Value m_write(Value *args, int nargs, Tuple *kwnames)
{
    if (is_input(args[0])) {
        err_set(&exc_UnsupportedOperation, "not writable");
        return VAL_ERROR;
    }
    if (args_one("TextIOWrapper", "write", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (!val_is_str(args[1])) {
        err_format(&exc_TypeError, "write() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *s = val_as_str(args[1]);
    if (textio_write(args[0], s->data, s->len) < 0) return VAL_ERROR;
    return int_from_i64(s->nchars);
}

static Value m_flush(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("TextIOWrapper", "flush", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (!is_input(args[0]) && textio_flush_fp(self_of(args[0])->fp) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_isatty(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return val_from_bool(isatty(fileno(((TextIO *)val_as_obj(args[0]))->fp)));
}

static Value m_fileno(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return int_from_i64(fileno(((TextIO *)val_as_obj(args[0]))->fp));
}

/* One line of stdin ('' at the end; CPython's stdin does not translate "\r\n"); limit < 0: no limit. */
static Value read_line(FILE *fp, int64_t limit)
{
    StrBuf b;
    sb_init(&b);
    int c = 0;
    int64_t n = 0;
    while ((limit < 0 || n < limit) && (c = intr_wait_stdio(fp) < 0 ? -2 : getc(fp)) >= 0) {
        if ((c & 0xC0) != 0x80) n++;
        sb_putc(&b, (char)c);
        if (c == '\n') break;
    }
    if (c == -2) { sb_free(&b); return VAL_ERROR; }     /* ^C */
    /* finish a multi-byte character cut by the limit (only then: after a
     * whole line, another getc would wait for the next one) */
    while (c >= 0 && c != '\n' && n > 0 && (c = getc(fp)) != EOF) {
        if ((c & 0xC0) != 0x80) { ungetc(c, fp); break; }
        sb_putc(&b, (char)c);
    }
    /* undecodable bytes become lone surrogates (surrogateescape), as in
     * CPython's sys.stdin under a UTF-8 locale */
    Value r = codec_decode_os(b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

static int check_input(Value self)
{
    if (is_input(self)) return 0;
    err_set(&exc_UnsupportedOperation, "not readable");
    return -1;
}

static Value m_readline(Value *args, int nargs, Tuple *kwnames)
{
    int64_t n;
    if (fileio_size_arg("readline", args, nargs, kwnames, &n) < 0 || check_input(args[0]) < 0) return VAL_ERROR;
    return read_line(self_of(args[0])->fp, n);
}

static Value m_read(Value *args, int nargs, Tuple *kwnames)
{
    int64_t n;
    if (fileio_size_arg("read", args, nargs, kwnames, &n) < 0 || check_input(args[0]) < 0) return VAL_ERROR;
    StrBuf b;
    sb_init(&b);
    int64_t got = 0;
    while (n < 0 || got < n) {
        Value line = read_line(self_of(args[0])->fp, n < 0 ? -1 : n - got);
        if (line == VAL_ERROR) { sb_free(&b); return VAL_ERROR; }
        Str *s = val_as_str(line);
        bool end = s->len == 0;
        sb_putn(&b, s->data, s->len);
        got += s->nchars;
        decref(line);
        if (end) break;
    }
    return sb_finish(&b);
}

static Value m_readlines(Value *args, int nargs, Tuple *kwnames)
{
    int64_t hint;
    if (fileio_size_arg("readlines", args, nargs, kwnames, &hint) < 0 || check_input(args[0]) < 0) return VAL_ERROR;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    int64_t total = 0;
    for (;;) {
        Value line = read_line(self_of(args[0])->fp, -1);
        if (line == VAL_ERROR) { obj_decref(l); return VAL_ERROR; }
        if (val_as_str(line)->len == 0) { decref(line); break; }
        total += val_as_str(line)->nchars;
        if (list_append_steal(l, line) < 0) { obj_decref(l); return VAL_ERROR; }
        if (hint > 0 && total >= hint) break;
    }
    return val_from_obj(l);
}

static Value textio_next(Value v)
{
    if (check_input(v) < 0) return VAL_ERROR;
    Value line = read_line(self_of(v)->fp, -1);
    if (line == VAL_ERROR) return VAL_ERROR;
    if (val_as_str(line)->len == 0) { decref(line); return VAL_UNDEF; }
    return line;
}

static Value m_readable(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return val_from_bool(is_input(args[0]));
}

static Value m_writable(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return val_from_bool(!is_input(args[0]));
}

static Value m_seekable(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return val_from_bool(lseek(fileno(self_of(args[0])->fp), 0, SEEK_CUR) >= 0);
}

static Value cstr(const char *s)
{
    Str *x = str_from_cstr(s);
    return x ? str_val(x) : VAL_ERROR;
}

static Value textio_getattr(Value v, Str *name)
{
    TextIO *t = self_of(v);
    if (str_eq_cstr(name, "name")) return cstr(t->name);
    if (str_eq_cstr(name, "mode")) return cstr(t->fp == stdin ? "r" : "w");
    if (str_eq_cstr(name, "encoding")) return cstr("utf-8");
    if (str_eq_cstr(name, "errors")) return cstr(t->fp == stderr ? "backslashreplace" : "surrogateescape");
    if (str_eq_cstr(name, "closed")) return VAL_FALSE;
    if (str_eq_cstr(name, "newlines")) return VAL_NONE;
    if (str_eq_cstr(name, "line_buffering"))
        return val_from_bool(t->fp == stderr || (t->fp == stdout && isatty(fileno(stdout))));
    return VAL_UNDEF;
}

static const MethodDef textio_methods[] = {
    {"write", m_write},
    {"read", m_read},
    {"readline", m_readline},
    {"readlines", m_readlines},
    {"readable", m_readable},
    {"writable", m_writable},
    {"seekable", m_seekable},
    {"flush", m_flush},
    {"isatty", m_isatty},
    {"fileno", m_fileno},
    {NULL, NULL},
};

Type textio_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "TextIOWrapper",
    .size = sizeof(TextIO),
    .dealloc = textio_dealloc,
    .repr = textio_repr,
    .getattr = textio_getattr,
    .iter = iter_self,
    .next = textio_next,
    .methods = textio_methods,
};
