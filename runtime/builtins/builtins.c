/* builtins.c — the builtins module: print, len, the conversion types,
 * iteration helpers (sum, min, max, sorted, any, all, ...), numeric helpers
 * (abs, round, divmod, pow, hex, ...), introspection (isinstance, dir, id,
 * getrefcount, ...) and the builtin exception types, each bound by name.
 * Error texts follow CPython 3.11.
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <limits.h>
#include "core/args.h"
#include "objects/class.h"
#include "objects/subclass.h"
#include "core/interp.h"
#include "core/error.h"
#include "objects/generator.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/bytes.h"
#include "objects/range.h"
#include "objects/function.h"
#include "modules/module.h"
#include "objects/ellipsis.h"
#include "objects/operators.h"
#include "objects/format.h"
#include "objects/iterators.h"
#include "objects/textio.h"
#include "objects/fileio.h"
#include "core/vmcall.h"
#include "builtins/sitebuiltins.h"
#include "core/intr.h"
#include "objects/module.h"
#include "builtins/builtins.h"

static int count_kw(Tuple *kwnames) { return kwnames ? (int)kwnames->len : 0; }

static bool is_type(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &type_type; }

static Value new_str(const char *s)
{
    Str *r = str_from_cstr(s);
    return r ? str_val(r) : VAL_ERROR;
}

/* ---- print / input ---- */

/* Write str(v) to a standard stream without building a str for the common
 * types. */
static int print_value(FILE *fp, Value v)
{
    if (val_is_str(v)) return textio_put(fp, val_as_str(v)->data, val_as_str(v)->len);
    if (val_is_int(v)) {
        char buf[24], *p = buf + sizeof buf;
        int64_t i = val_as_int(v);
        uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
        do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
        if (i < 0) *--p = '-';
        return textio_put(fp, p, buf + sizeof buf - p);
    }
    if (val_is_float(v)) {
        char buf[40];
        float_repr_buf(val_as_float(v), buf, sizeof buf);
        return textio_put(fp, buf, (int64_t)strlen(buf));
    }
    Value s = obj_str(v);
    if (s == VAL_ERROR) return -1;
    int r = textio_put(fp, val_as_str(s)->data, val_as_str(s)->len);
    decref(s);
    return r;
}

static int write_str_of(Value file, Value v)
{
    if (val_is_str(v)) return textio_write(file, val_as_str(v)->data, val_as_str(v)->len);
    Value s = obj_str(v);
    if (s == VAL_ERROR) return -1;
    int r = textio_write(file, val_as_str(s)->data, val_as_str(s)->len);
    decref(s);
    return r;
}

static Value b_print(Value *args, int nargs, Tuple *kwnames)
{
    Value sep = VAL_NONE, end = VAL_NONE, file = VAL_NONE, flush = VAL_FALSE;
    int nkw = count_kw(kwnames);
    for (int k = 0; k < nkw; k++) {
        Str *kw = val_as_str(kwnames->items[k]);
        Value v = args[nargs + k];
        if (str_eq_cstr(kw, "sep")) sep = v;
        else if (str_eq_cstr(kw, "end")) end = v;
        else if (str_eq_cstr(kw, "file")) file = v;
        else if (str_eq_cstr(kw, "flush")) flush = v;
        else {
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for print()", kw->data);
            return VAL_ERROR;
        }
    }
    if (sep != VAL_NONE && !val_is_str(sep)) {
        err_format(&exc_TypeError, "sep must be None or a string, not %s", val_type_name(sep));
        return VAL_ERROR;
    }
    if (end != VAL_NONE && !val_is_str(end)) {
        err_format(&exc_TypeError, "end must be None or a string, not %s", val_type_name(end));
        return VAL_ERROR;
    }
    if (file == VAL_NONE) {
        file = textio_sys_stream("stdout");
        if (file == VAL_UNDEF) {
            err_set(&exc_RuntimeError, "lost sys.stdout");
            return VAL_ERROR;
        }
        if (file == VAL_NONE) return VAL_NONE;
    }
    const char *seps = sep == VAL_NONE ? " " : val_as_str(sep)->data;
    int64_t sepn = sep == VAL_NONE ? 1 : val_as_str(sep)->len;
    const char *ends = end == VAL_NONE ? "\n" : val_as_str(end)->data;
    int64_t endn = end == VAL_NONE ? 1 : val_as_str(end)->len;
    if (val_is_textio(file)) {
        FILE *fp = ((TextIO *)val_as_obj(file))->fp;
        for (int i = 0; i < nargs; i++) {
            if ((i > 0 && textio_put(fp, seps, sepn) < 0) || print_value(fp, args[i]) < 0) return VAL_ERROR;
        }
        if (textio_put(fp, ends, endn) < 0) return VAL_ERROR;
    } else {
        incref(file);           /* the file's write() may rebind whatever held it */
        for (int i = 0; i < nargs; i++) {
            if ((i > 0 && textio_write(file, seps, sepn) < 0) || write_str_of(file, args[i]) < 0) {
                decref(file);
                return VAL_ERROR;
            }
        }
        if (textio_write(file, ends, endn) < 0) { decref(file); return VAL_ERROR; }
        decref(file);
    }
    int fl = obj_truth(flush);
    if (fl < 0) return VAL_ERROR;
    if (fl && textio_flush(file) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static bool is_std_tty(Value f, FILE *fp)
{
    return val_is_obj(f) && val_as_obj(f)->type == &textio_type &&
           ((TextIO *)val_as_obj(f))->fp == fp && isatty(fileno(fp));
}

static Value b_input(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "input", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    Value in = textio_sys_stream("stdin");
    Value out = textio_sys_stream("stdout");
    if (in == VAL_UNDEF || in == VAL_NONE || out == VAL_UNDEF || out == VAL_NONE) {
        err_format(&exc_RuntimeError, "input(): lost sys.%s", in == VAL_UNDEF || in == VAL_NONE ? "stdin" : "stdout");
        return VAL_ERROR;
    }
    if (nargs == 1 && out != VAL_UNDEF && out != VAL_NONE) {
        if (write_str_of(out, args[0]) < 0) return VAL_ERROR;
    }
    if (out != VAL_UNDEF && out != VAL_NONE && textio_flush(out) < 0) return VAL_ERROR;
    textio_flush_stdout_quiet();
    StrBuf b;
    sb_init(&b);
    int c;
    bool any = false;
    while ((c = intr_wait_stdio(stdin) < 0 ? -2 : getc(stdin)) >= 0) {
        any = true;
        if (c == '\n') break;
        sb_putc(&b, (char)c);
    }
    if (c == -2) {              /* ^C */
        sb_free(&b);
        return VAL_ERROR;
    }
    if (!any) {
        sb_free(&b);
        /* a terminal may be read again after its ^D */
        if (isatty(fileno(stdin))) clearerr(stdin);
        /* CPython reads a terminal (sys.stdin and sys.stdout the process's
         * own, both terminals) through PyOS_Readline, whose EOFError has no
         * message */
        if (is_std_tty(in, stdin) && is_std_tty(out, stdout)) {
            Value e = exc_new(&exc_EOFError, NULL, 0);
            if (e != VAL_ERROR) err_set_exc(e);
        }
        else err_set(&exc_EOFError, "EOF when reading a line");
        return VAL_ERROR;
    }
    /* a '\r' before the '\n' stays, as CPython's sys.stdin keeps it; undecodable
     * bytes become lone surrogates (surrogateescape) */
    Value line = codec_decode_os(b.data ? b.data : "", b.len);
    sb_free(&b);
    return line;
}

/* ---- simple one-argument functions ---- */

static Value b_len(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "len", nargs, kwnames) < 0) return VAL_ERROR;
    int64_t n = obj_len(args[0]);
    if (n < 0) return VAL_ERROR;
    return int_from_i64(n);
}

static Value b_repr(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "repr", nargs, kwnames) < 0) return VAL_ERROR;
    return obj_repr(args[0]);
}

static Value b_ascii(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "ascii", nargs, kwnames) < 0) return VAL_ERROR;
    Value r = obj_repr(args[0]);
    if (r == VAL_ERROR) return VAL_ERROR;
    Str *s = val_as_str(r);
    if (s->ascii) return r;
    StrBuf b;
    sb_init(&b);
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    while (p < e) {
        if (*p < 0x80) { sb_putc(&b, (char)*p++); continue; }
        uint32_t cp;
        int n = (*p >= 0xf0) ? 4 : (*p >= 0xe0) ? 3 : 2;
        cp = *p & (0x7f >> n);
        for (int i = 1; i < n && p + i < e; i++) cp = (cp << 6) | (p[i] & 0x3f);
        p += n;
        if (cp <= 0xff) sb_printf(&b, "\\x%02x", cp);
        else if (cp <= 0xffff) sb_printf(&b, "\\u%04x", cp);
        else sb_printf(&b, "\\U%08x", cp);
    }
    decref(r);
    return sb_finish(&b);
}

static Value b_hash(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "hash", nargs, kwnames) < 0) return VAL_ERROR;
    int64_t h;
    if (obj_hash(args[0], &h) < 0) return VAL_ERROR;
    return int_from_i64(h);
}

/* Heap objects: their address. Unboxed values have no address: the id is
 * derived from the value's bits, so equal numbers share an id (docs/memory.md). */
static Value b_id(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "id", nargs, kwnames) < 0) return VAL_ERROR;
    Value v = args[0];
    if (val_is_obj(v)) return int_from_i64((int64_t)(uintptr_t)val_as_obj(v));
    return int_from_i64((int64_t)(v & (uint64_t)INT64_MAX));
}

static Value b_callable(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "callable", nargs, kwnames) < 0) return VAL_ERROR;
    Type *t = val_type(args[0]);
    return val_from_bool(t->call != NULL || t == &type_type);
}

static Value b_abs(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "abs", nargs, kwnames) < 0) return VAL_ERROR;
    Value v = args[0];
    if (val_is_float(v)) return val_from_float(fabs(val_as_float(v)));
    if (val_is_intlike(v)) return int_abs(v);
    return val_abs_special(v);
}

static Value b_ord(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "ord", nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = val_str_or_sub(args[0]);
    if (!s) {
        err_format(&exc_TypeError, "ord() expected string of length 1, but %s found", val_type_name(args[0]));
        return VAL_ERROR;
    }
    if (s->nchars != 1) {
        err_format(&exc_TypeError, "ord() expected a character, but string of length %lld found", (long long)s->nchars);
        return VAL_ERROR;
    }
    const unsigned char *p = (const unsigned char *)s->data;
    uint32_t cp;
    if (p[0] < 0x80) cp = p[0];
    else if (p[0] < 0xe0) cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
    else if (p[0] < 0xf0) cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
    else cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3fu) << 12) | ((p[2] & 0x3fu) << 6) | (p[3] & 0x3fu);
    return val_from_int(cp);
}

static Value b_chr(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "chr", nargs, kwnames) < 0) return VAL_ERROR;
    int64_t i;
    if (val_is_intlike(args[0]) && int_is_big(args[0])) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VAL_ERROR;
    }
    if (val_index(args[0], &i) < 0) return VAL_ERROR;
    if (i < 0 || i > 0x10ffff) {
        err_set(&exc_ValueError, "chr() arg not in range(0x110000)");
        return VAL_ERROR;
    }
    return str_from_codepoint((uint32_t)i);
}

static Value int_in_base(Value *args, int nargs, Tuple *kwnames, const char *fname, int shift, const char *prefix)
{
    if (args_one(NULL, fname, nargs, kwnames) < 0) return VAL_ERROR;
    int64_t i;
    if (!val_is_intlike(args[0]) && val_has_index(args[0])) {   /* hex(obj) goes through __index__ */
        Value k = int_index(args[0]);
        if (k == VAL_ERROR) return VAL_ERROR;
        Value r = int_in_base(&k, 1, NULL, fname, shift, prefix);
        decref(k);
        return r;
    }
    if (val_is_intlike(args[0]) && int_is_big(args[0])) return int_to_base_str(args[0], 1 << shift, prefix);
    if (val_index(args[0], &i) < 0) return VAL_ERROR;
    char buf[80], *p = buf + sizeof buf;
    *--p = 0;
    uint64_t u = i < 0 ? -(uint64_t)i : (uint64_t)i;
    unsigned mask = (1u << shift) - 1;
    do { *--p = "0123456789abcdef"[u & mask]; u >>= shift; } while (u);
    p -= 2;
    memcpy(p, prefix, 2);
    if (i < 0) *--p = '-';
    return new_str(p);
}

static Value b_hex(Value *a, int n, Tuple *k) { return int_in_base(a, n, k, "hex", 4, "0x"); }
static Value b_oct(Value *a, int n, Tuple *k) { return int_in_base(a, n, k, "oct", 3, "0o"); }
static Value b_bin(Value *a, int n, Tuple *k) { return int_in_base(a, n, k, "bin", 1, "0b"); }

/* ---- type checks ---- */

static bool is_instance_match(Value v, Type *t) { return val_isinstance(v, t); }
static bool is_subclass_match(Value v, Type *t) { return type_is_subtype((Type *)val_as_obj(v), t); }

/* Whether match(x, c) holds for cls or for a class in the (nested) tuple
 * cls: 1, 0, or -1 with the TypeError `bad` when cls is neither. */
static int match_class_or_tuple(Value x, Value cls, bool (*match)(Value, Type *), const char *bad, int depth)
{
    if (is_type(cls)) return match(x, (Type *)val_as_obj(cls));
    if (val_is_tuple(cls) && depth < 64) {
        Tuple *t = val_as_tuple(cls);
        for (int64_t i = 0; i < t->len; i++) {
            int r = match_class_or_tuple(x, t->items[i], match, bad, depth + 1);
            if (r != 0) return r;
        }
        return 0;
    }
    err_set(&exc_TypeError, bad);
    return -1;
}

static Value b_isinstance(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "isinstance", nargs, kwnames, 2, 2) < 0) return VAL_ERROR;
    int r = match_class_or_tuple(args[0], args[1], is_instance_match,
                                 "isinstance() arg 2 must be a type, a tuple of types, or a union", 0);
    if (r < 0) return VAL_ERROR;
    return val_from_bool(r);
}

static Value b_issubclass(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "issubclass", nargs, kwnames, 2, 2) < 0) return VAL_ERROR;
    if (!is_type(args[0])) {
        err_set(&exc_TypeError, "issubclass() arg 1 must be a class");
        return VAL_ERROR;
    }
    int r = match_class_or_tuple(args[0], args[1], is_subclass_match,
                                 "issubclass() arg 2 must be a class, a tuple of classes, or a union", 0);
    if (r < 0) return VAL_ERROR;
    return val_from_bool(r);
}

/* ---- attributes ---- */

static int attr_name(Value v, Str **out)
{
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'", val_type_name(v));
        return -1;
    }
    *out = val_as_str(v);
    return 0;
}

static Value b_getattr(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "getattr", nargs, kwnames, 2, 3) < 0) return VAL_ERROR;
    Str *name;
    if (attr_name(args[1], &name) < 0) return VAL_ERROR;
    Value r = obj_getattr(args[0], name);
    if (r == VAL_ERROR && nargs == 3 && err_matches(&exc_AttributeError)) {
        err_clear();
        incref(args[2]);
        return args[2];
    }
    return r;
}

static Value b_hasattr(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "hasattr", nargs, kwnames, 2, 2) < 0) return VAL_ERROR;
    Str *name;
    if (attr_name(args[1], &name) < 0) return VAL_ERROR;
    Value r = obj_getattr(args[0], name);
    if (r == VAL_ERROR) {
        if (!err_matches(&exc_AttributeError)) return VAL_ERROR;
        err_clear();
        return VAL_FALSE;
    }
    decref(r);
    return VAL_TRUE;
}

static Value b_setattr(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "setattr", nargs, kwnames, 3, 3) < 0) return VAL_ERROR;
    Str *name;
    if (attr_name(args[1], &name) < 0) return VAL_ERROR;
    if (obj_setattr(args[0], name, args[2]) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value b_delattr(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "delattr", nargs, kwnames, 2, 2) < 0) return VAL_ERROR;
    Str *name;
    if (attr_name(args[1], &name) < 0) return VAL_ERROR;
    if (obj_setattr(args[0], name, VAL_UNDEF) < 0) return VAL_ERROR;
    return VAL_NONE;
}

/* ---- iteration ---- */

static Value b_iter(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "iter", nargs, kwnames, 1, 2) < 0) return VAL_ERROR;
    if (nargs == 1) return obj_iter(args[0]);
    Type *t = val_type(args[0]);
    if (t->call == NULL && t != &type_type) {
        err_set(&exc_TypeError, "iter(v, w): v must be callable");
        return VAL_ERROR;
    }
    return iter_callable_new(args[0], args[1]);
}

static Value b_next(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "next", nargs, kwnames, 1, 2) < 0) return VAL_ERROR;
    if (!val_type(args[0])->next) {
        err_format(&exc_TypeError, "'%s' object is not an iterator", val_type_name(args[0]));
        return VAL_ERROR;
    }
    Value ret = VAL_NONE;
    Value r;
    if (val_type(args[0]) == &generator_type) {
        /* a generator's return value rides on the StopIteration, as in
         * CPython's gen_iternext */
        int done;
        r = gen_send((Generator *)val_as_obj(args[0]), VAL_NONE, &done);
        if (done) {
            ret = r;
            r = VAL_UNDEF;
        }
    } else {
        r = obj_next(args[0]);
    }
    if (r != VAL_UNDEF) return r;
    if (nargs == 2) {
        decref(ret);
        incref(args[1]);
        return args[1];
    }
    Value exc = ret == VAL_NONE ? exc_new(&exc_StopIteration, NULL, 0) : exc_new(&exc_StopIteration, &ret, 1);
    decref(ret);
    if (exc == VAL_ERROR) return VAL_ERROR;
    err_set_exc(exc);
    return VAL_ERROR;
}

static Value truth_scan(Value iterable, bool want)
{
    Value it = obj_iter(iterable);
    if (it == VAL_ERROR) return VAL_ERROR;
    Value x;
    while ((x = obj_next(it)) != VAL_UNDEF) {
        if (x == VAL_ERROR) { decref(it); return VAL_ERROR; }
        int t = obj_truth(x);
        decref(x);
        if (t < 0) { decref(it); return VAL_ERROR; }
        if ((bool)t == want) { decref(it); return val_from_bool(want); }
    }
    decref(it);
    return val_from_bool(!want);
}

static Value b_any(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "any", nargs, kwnames) < 0) return VAL_ERROR;
    return truth_scan(args[0], true);
}

static Value b_all(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(NULL, "all", nargs, kwnames) < 0) return VAL_ERROR;
    return truth_scan(args[0], false);
}

static Value sum_generic(Value acc, Value it)
{
    Value x;
    while ((x = obj_next(it)) != VAL_UNDEF) {
        if (x == VAL_ERROR) { decref(acc); return VAL_ERROR; }
        Value r = op_binary(BINOP_ADD, acc, x, false);
        decref(x);
        decref(acc);
        if (r == VAL_ERROR) return VAL_ERROR;
        acc = r;
    }
    return acc;
}

static Value b_sum(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"/iterable", "start", NULL};
    Value a[2];
    if (args_bind("sum", args, nargs, kwnames, names, 2, 1, a) < 0) return VAL_ERROR;
    Value start = a[1] == VAL_UNDEF ? val_from_int(0) : a[1];
    if (val_is_str(start)) {
        err_set(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        return VAL_ERROR;
    }
    if (val_is_obj(start) && !val_is_intlike(start)) {
        const char *tn = val_type_name(start);
        if (!strcmp(tn, "bytes") || !strcmp(tn, "bytearray")) {
            err_format(&exc_TypeError, "sum() can't sum %s [use b''.join(seq) instead]", tn);
            return VAL_ERROR;
        }
    }
    Value it = obj_iter(a[0]);
    if (it == VAL_ERROR) return VAL_ERROR;
    Value x = VAL_UNDEF;
    /* int fast path */
    if (val_is_intlike(start) && !val_is_float(start) && !int_is_big(start)) {
        int64_t acc = val_to_i64(start);
        for (;;) {
            x = obj_next(it);
            if (x == VAL_UNDEF) { decref(it); return int_from_i64(acc); }
            if (x == VAL_ERROR) { decref(it); return VAL_ERROR; }
            if (val_is_float(x) || !val_is_intlike(x) || int_is_big(x)) break;
            int64_t r;
            if (__builtin_add_overflow(acc, val_to_i64(x), &r)) break;
            acc = r;
            decref(x);
        }
        if (val_is_float(x)) {
            start = val_from_float((double)acc);
        } else {
            start = int_from_i64(acc);
            if (start == VAL_ERROR) { decref(x); decref(it); return VAL_ERROR; }
        }
    } else {
        incref(start);
    }
    /* float fast path: x (if any) is the pending item */
    if (val_is_float(start)) {
        double acc = val_as_float(start);
        for (;;) {
            if (x == VAL_UNDEF) x = obj_next(it);
            if (x == VAL_UNDEF) { decref(it); return val_from_float(acc); }
            if (x == VAL_ERROR) { decref(it); return VAL_ERROR; }
            if (val_is_float(x)) acc += val_as_float(x);
            else if (val_is_int(x)) acc += (double)val_as_int(x);
            else break;
            x = VAL_UNDEF;
        }
        start = val_from_float(acc);
    }
    Value acc = start;
    if (x != VAL_UNDEF) {
        Value r = op_binary(BINOP_ADD, acc, x, false);
        decref(x);
        decref(acc);
        if (r == VAL_ERROR) { decref(it); return VAL_ERROR; }
        acc = r;
    }
    acc = sum_generic(acc, it);
    decref(it);
    return acc;
}

/* min()/max(): op is CMP_LT for min, CMP_GT for max. */
static Value minmax(Value *args, int nargs, Tuple *kwnames, int op, const char *fname)
{
    static const char *const names[] = { "key", "default", NULL };
    Value a[2];
    if (args_range(NULL, fname, nargs, NULL, 1, INT_MAX) < 0) return VAL_ERROR;
    if (args_bind(fname, args + nargs, 0, kwnames, names, 0, 0, a) < 0) return VAL_ERROR;   /* after *args */
    Value key = a[0] == VAL_UNDEF ? VAL_NONE : a[0], dflt = a[1];
    if (nargs > 1 && dflt != VAL_UNDEF) {
        err_format(&exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", fname);
        return VAL_ERROR;
    }
    Value it = VAL_UNDEF;
    int pos = 0;
    if (nargs == 1) {
        it = obj_iter(args[0]);
        if (it == VAL_ERROR) return VAL_ERROR;
    }
    Value best = VAL_UNDEF, bestkey = VAL_UNDEF;
    for (;;) {
        Value x;
        if (it != VAL_UNDEF) {
            x = obj_next(it);
            if (x == VAL_UNDEF) break;
            if (x == VAL_ERROR) goto fail;
        } else {
            if (pos >= nargs) break;
            x = args[pos++];
            incref(x);
        }
        Value k = x;
        if (key != VAL_NONE) {
            k = obj_call(key, &x, 1, NULL);
            if (k == VAL_ERROR) { decref(x); goto fail; }
        } else {
            incref(k);
        }
        if (best == VAL_UNDEF) {
            best = x;
            bestkey = k;
            continue;
        }
        int better;
        if (val_is_int(k) && val_is_int(bestkey))
            better = op == CMP_LT ? val_as_int(k) < val_as_int(bestkey) : val_as_int(k) > val_as_int(bestkey);
        else if (val_is_float(k) && val_is_float(bestkey))
            better = op == CMP_LT ? val_as_float(k) < val_as_float(bestkey) : val_as_float(k) > val_as_float(bestkey);
        else
            better = obj_compare_bool(k, bestkey, op);
        if (better < 0) { decref(x); decref(k); goto fail; }
        if (better) {
            decref(best);
            decref(bestkey);
            best = x;
            bestkey = k;
        } else {
            decref(x);
            decref(k);
        }
    }
    if (it != VAL_UNDEF) decref(it);
    if (best == VAL_UNDEF) {
        if (dflt != VAL_UNDEF) {
            incref(dflt);
            return dflt;
        }
        err_format(&exc_ValueError, "%s() arg is an empty sequence", fname);
        return VAL_ERROR;
    }
    decref(bestkey);
    return best;
fail:
    if (it != VAL_UNDEF) decref(it);
    if (best != VAL_UNDEF) { decref(best); decref(bestkey); }
    return VAL_ERROR;
}

static Value b_min(Value *a, int n, Tuple *k) { return minmax(a, n, k, CMP_LT, "min"); }
static Value b_max(Value *a, int n, Tuple *k) { return minmax(a, n, k, CMP_GT, "max"); }

static Value b_sorted(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"/iterable", "key", "reverse", NULL};
    Value a[3];
    if (args_range(NULL, "sorted", nargs, NULL, 1, 1) < 0) return VAL_ERROR;
    if (args_bind("sort", args, nargs, kwnames, names, 1, 1, a) < 0) return VAL_ERROR;
    int rev = 0;
    if (a[2] != VAL_UNDEF) {     /* an int argument, as list.sort() wants it */
        int64_t r;
        if (val_index(a[2], &r) < 0) return VAL_ERROR;
        rev = r != 0;
    }
    Value l = list_from_iterable(a[0]);
    if (l == VAL_ERROR) return VAL_ERROR;
    if (list_sort(val_as_list(l), a[1] == VAL_UNDEF ? VAL_NONE : a[1], rev) < 0) {
        decref(l);
        return VAL_ERROR;
    }
    return l;
}

/* ---- numbers ---- */

static Value b_divmod(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "divmod", nargs, kwnames, 2, 2) < 0) return VAL_ERROR;
    Value a = val_unbox(args[0]), b = val_unbox(args[1]);     /* int and float subclasses: their value */
    bool aint = val_is_intlike(a) && !val_is_float(a), bint = val_is_intlike(b) && !val_is_float(b);
    if (aint && bint && (int_is_big(a) || int_is_big(b))) return int_divmod(a, b);
    if (aint && bint) {
        int64_t x = val_to_i64(a), y = val_to_i64(b);
        if (y == 0) {
            err_set(&exc_ZeroDivisionError, "integer division or modulo by zero");
            return VAL_ERROR;
        }
        if (!(x == INT64_MIN && y == -1)) {
            int64_t q = x / y, r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) { r += y; q -= 1; }
            return tuple_pair_steal(int_from_i64(q), int_from_i64(r));
        }
    } else if ((aint || val_is_float(a)) && (bint || val_is_float(b))) {
        double vx, wx;
        if (val_to_double(a, &vx) < 0 || val_to_double(b, &wx) < 0) return VAL_ERROR;
        if (wx == 0.0) {
            err_set(&exc_ZeroDivisionError, "float divmod()");
            return VAL_ERROR;
        }
        double mod = fmod(vx, wx), div = (vx - mod) / wx, floordiv;
        if (mod) {
            if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
        } else {
            mod = copysign(0.0, wx);
        }
        if (div) {
            floordiv = floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        } else {
            floordiv = copysign(0.0, vx / wx);
        }
        Tuple *t = tuple_new(2);
        if (!t) return VAL_ERROR;
        t->items[0] = val_from_float(floordiv);
        t->items[1] = val_from_float(mod);
        return val_from_obj(t);
    } else {
        err_format(&exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                   val_type_name(args[0]), val_type_name(args[1]));
        return VAL_ERROR;
    }
    /* INT64_MIN, -1: the operators raise the overflow error */
    Value q = op_binary(BINOP_FLOORDIV, a, b, false);
    if (q == VAL_ERROR) return VAL_ERROR;
    return tuple_pair_steal(q, op_binary(BINOP_MOD, a, b, false));
}

static int64_t mulmod(int64_t a, int64_t b, int64_t m)
{
    return (int64_t)(((__int128)a * b) % m);
}

static Value b_pow(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Value a[3];
    if (args_bind("pow", args, nargs, kwnames, names, 3, 2, a) < 0) return VAL_ERROR;
    if (a[2] == VAL_UNDEF || a[2] == VAL_NONE) return op_binary(BINOP_POW, a[0], a[1], false);
    for (int i = 0; i < 3; i++) a[i] = val_unbox(a[i]);
    for (int i = 0; i < 3; i++) {
        if (val_is_float(a[i]) || !val_is_intlike(a[i])) {
            if (!val_is_float(a[i]) && !val_is_intlike(a[i]) && i < 2) {
                err_format(&exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                           val_type_name(a[0]), val_type_name(a[1]), val_type_name(a[2]));
                return VAL_ERROR;
            }
            err_set(&exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
            return VAL_ERROR;
        }
    }
    if (int_is_big(a[0]) || int_is_big(a[1]) || int_is_big(a[2])) return int_pow3(a[0], a[1], a[2]);
    int64_t base = val_to_i64(a[0]), e = val_to_i64(a[1]), m = val_to_i64(a[2]);
    if (m == 0) {
        err_set(&exc_ValueError, "pow() 3rd argument cannot be 0");
        return VAL_ERROR;
    }
    int64_t am = m < 0 ? -m : m;
    int64_t b = base % am;
    if (b < 0) b += am;
    if (e < 0) {
        /* modular inverse by extended Euclid */
        __int128 t = 0, nt = 1, r = am, nr = b;
        while (nr != 0) {
            __int128 q = r / nr, tmp;
            tmp = t - q * nt; t = nt; nt = tmp;
            tmp = r - q * nr; r = nr; nr = tmp;
        }
        if (r != 1) {
            err_set(&exc_ValueError, "base is not invertible for the given modulus");
            return VAL_ERROR;
        }
        if (t < 0) t += am;
        b = (int64_t)t;
        e = e == INT64_MIN ? INT64_MAX : -e;   /* INT64_MIN: unreachable in practice */
    }
    int64_t r = 1 % am;
    while (e > 0) {
        if (e & 1) r = mulmod(r, b, am);
        b = mulmod(b, b, am);
        e >>= 1;
    }
    if (m < 0 && r != 0) r -= am;
    return int_from_i64(r);
}

/* Round a double to a whole number, half to even, as int. */
static Value double_round_to_int(double x)
{
    return int_from_double(nearbyint(x));
}

/* round(x, n) for a float, correctly rounded (half to even on the exact
 * binary value) like CPython's dtoa-based double_round. */
static Value double_round(double x, int64_t n)
{
    if (!isfinite(x) || x == 0.0) return val_from_float(x);
    if (n > 323) return val_from_float(x);
    if (n < -308) return val_from_float(copysign(0.0, x));
    char buf[1200];
    double r;
    if (n >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)n, x);
        r = strtod(buf, NULL);
    } else {
        double t = trunc(x);
        bool frac = x != t;
        char digits[400];
        int len = snprintf(digits, sizeof digits, "%.0f", fabs(t));
        int k = (int)-n;
        int keep = len - k;
        bool up;
        if (keep < 0 || (len == 1 && digits[0] == '0')) {
            up = false;
            keep = 0;
        } else {
            char d = digits[keep];
            if (d > '5') up = true;
            else if (d < '5') up = false;
            else {
                bool rest = frac;
                for (int i = keep + 1; i < len && !rest; i++) rest = digits[i] != '0';
                up = rest || (keep > 0 && ((digits[keep - 1] - '0') & 1));
            }
        }
        /* kept digits (+1 if rounding up), then k zeros */
        int p = 0;
        buf[p++] = '0';
        memcpy(buf + p, digits, (size_t)keep);
        p += keep;
        if (up) {
            int i = p - 1;
            while (buf[i] == '9') buf[i--] = '0';
            buf[i]++;
        }
        memset(buf + p, '0', (size_t)k);
        p += k;
        buf[p] = 0;
        r = strtod(buf, NULL);
        if (x < 0) r = -r;
    }
    if (isinf(r)) {
        err_set(&exc_OverflowError, "rounded value too large to represent");
        return VAL_ERROR;
    }
    return val_from_float(r);
}

static Value b_round(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    Value a[2];
    if (args_bind("round", args, nargs, kwnames, names, 2, 1, a) < 0) return VAL_ERROR;
    Value x = val_unbox(a[0]);
    bool nd = a[1] != VAL_UNDEF && a[1] != VAL_NONE;
    int64_t n = 0;
    if (!val_is_float(x) && !val_is_intlike(x)) {
        err_format(&exc_TypeError, "type %s doesn't define __round__ method", val_type_name(a[0]));
        return VAL_ERROR;
    }
    if (nd && val_is_intlike(a[1]) && int_is_big(a[1])) n = val_to_i64(a[1]);   /* saturates: same result */
    else if (nd && val_index(a[1], &n) < 0) return VAL_ERROR;
    if (val_is_float(x)) {
        if (!nd) return double_round_to_int(val_as_float(x));
        return double_round(val_as_float(x), n);
    }
    if (int_is_big(x)) return int_round(x, nd ? n : 0);
    int64_t v = val_to_i64(x);
    if (!nd || n >= 0) return int_from_i64(v);
    if (n < -19) return int_round(x, n);
    __int128 p = 1;
    for (int64_t i = 0; i < -n; i++) p *= 10;
    __int128 q = v / p, r = v % p;
    if (r < 0) { r += p; q -= 1; }
    if (2 * r > p || (2 * r == p && (q & 1))) q += 1;
    __int128 res = q * p;
    if (res > INT64_MAX || res < INT64_MIN) return int_round(x, n);
    return int_from_i64((int64_t)res);
}

static Value b_format(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "format", nargs, kwnames, 1, 2) < 0) return VAL_ERROR;
    if (nargs == 2 && !val_is_str(args[1])) {
        err_format(&exc_TypeError, "format() argument 2 must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    if (nargs == 1) {
        Str *empty = str_intern("", 0);
        if (!empty) return VAL_ERROR;
        Value r = format_value(args[0], empty);
        obj_decref(empty);
        return r;
    }
    return format_value(args[0], val_as_str(args[1]));
}

/* ---- namespaces ---- */

static Dict *current_globals(void)
{
    Dict *g = vm_current_globals();
    if (g) return g;
    if (val_is_obj(interp.main_module) && val_as_obj(interp.main_module)->type == &module_type)
        return ((Module *)val_as_obj(interp.main_module))->dict;
    return NULL;
}

static Value b_globals(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none(NULL, "globals", nargs, kwnames) < 0) return VAL_ERROR;
    Dict *g = current_globals();
    if (!g) {
        g = dict_new();
        return g ? val_from_obj(g) : VAL_ERROR;
    }
    obj_incref(g);
    return val_from_obj(g);
}

/* locals(): in a function a new dict snapshot of its bound locals (src/vm/vm.c),
 * at module level the globals. A class body keeps its namespace dict in the
 * hidden local ".ns" (src/compile/symtable.c): locals() there is that dict. */
static Value b_locals(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none(NULL, "locals", nargs, kwnames) < 0) return VAL_ERROR;
    Value l = vm_locals();
    if (l == VAL_UNDEF) return b_globals(args, 0, NULL);
    if (l != VAL_ERROR) {
        Value ns = dict_get_cstr(val_as_dict(l), ".ns");
        if (ns != VAL_UNDEF && val_is_dict(ns)) {
            incref(ns);
            decref(l);
            return ns;
        }
    }
    return l;
}

static Value b_vars(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "vars", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (nargs == 0) return b_locals(args, 0, NULL);
    if (val_type(args[0]) == &module_type) {
        Dict *d = ((Module *)val_as_obj(args[0]))->dict;
        obj_incref(d);
        return val_from_obj(d);
    }
    Value d = obj_getattr_cstr(args[0], "__dict__");
    if (d == VAL_ERROR && err_matches(&exc_AttributeError)) {
        err_clear();
        err_set(&exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static int add_keys(List *l, Dict *seen, Dict *d)
{
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!val_is_str(k)) continue;
        Value have = dict_get(seen, k);
        if (have == VAL_ERROR) return -1;
        if (have != VAL_UNDEF) continue;
        if (dict_set(seen, k, VAL_NONE) < 0 || list_append(l, k) < 0) return -1;
    }
    return 0;
}

static Value b_dir(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, "dir", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    List *l = list_new(0);
    Dict *seen = dict_new();
    if (!l || !seen) {
        if (l) obj_decref(l);
        if (seen) obj_decref(seen);
        return VAL_ERROR;
    }
    int rc = 0;
    if (nargs == 0) {
        Dict *g = current_globals();
        if (g) rc = add_keys(l, seen, g);
    } else {
        Value o = args[0];
        Type *t = val_type(o);
        if (t == &module_type) {
            rc = add_keys(l, seen, ((Module *)val_as_obj(o))->dict);
        } else {
            if (type_is_heap(t)) {           /* an instance of a class: its __dict__ first */
                Dict *d = *(Dict **)((char *)val_as_obj(o) + ((Class *)t)->dictoffset);
                if (d) rc = add_keys(l, seen, d);
            }
            if (t == &type_type) t = (Type *)val_as_obj(o);
            if (type_is_heap(t)) {           /* classes: through the MRO */
                Class *c = (Class *)t;
                rc = rc < 0 ? rc : add_keys(l, seen, t->dict);
                for (int64_t i = 0; c->mro && i < c->mro->len && rc == 0; i++) {
                    Type *x = (Type *)val_as_obj(c->mro->items[i]);
                    type_ready(x);
                    if (x->dict) rc = add_keys(l, seen, x->dict);
                }
                t = NULL;
            }
            for (; t && rc == 0; t = t->base) {
                type_ready(t);
                if (t->dict) rc = add_keys(l, seen, t->dict);
            }
        }
    }
    obj_decref(seen);
    if (rc < 0 || list_sort(l, VAL_NONE, false) < 0) {
        obj_decref(l);
        return VAL_ERROR;
    }
    return val_from_obj(l);
}

/* ---- the builtins dict ---- */

static const MethodDef builtin_functions[] = {
    {"print", b_print}, {"input", b_input}, {"len", b_len}, {"repr", b_repr}, {"ascii", b_ascii},
    {"hash", b_hash}, {"id", b_id}, {"callable", b_callable}, {"abs", b_abs}, {"ord", b_ord},
    {"chr", b_chr}, {"hex", b_hex}, {"oct", b_oct}, {"bin", b_bin}, {"isinstance", b_isinstance},
    {"issubclass", b_issubclass}, {"getattr", b_getattr}, {"hasattr", b_hasattr},
    {"setattr", b_setattr}, {"delattr", b_delattr}, {"iter", b_iter}, {"next", b_next},
    {"any", b_any}, {"all", b_all}, {"sum", b_sum}, {"min", b_min}, {"max", b_max},
    {"sorted", b_sorted}, {"divmod", b_divmod}, {"pow", b_pow}, {"round", b_round},
    {"format", b_format}, {"globals", b_globals}, {"dir", b_dir},
    {"locals", b_locals}, {"vars", b_vars},
    {"getrefcount", sys_getrefcount},
    {"open", fileio_open},
    {NULL, NULL},
};

Dict *builtins_init(void)
{
    Dict *d = dict_new();
    if (!d) return NULL;
    if (module_add_functions(d, builtin_functions) < 0) goto fail;
    Type *const types[] = {
        &str_type, &int_type, &float_type, &bool_type, &list_type, &tuple_type, &dict_type,
        &type_type, &range_type, &map_type, &filter_type, &zip_type, &enumerate_type, &reversed_type,
        &set_type, &frozenset_type, &bytes_type, &slice_type,
        NULL,
    };
    for (int i = 0; types[i]; i++) {
        type_ready(types[i]);
        if (dict_set_cstr(d, types[i]->name, val_from_obj(types[i])) < 0) goto fail;
    }
    for (int i = 0; exc_builtin_types[i]; i++) {
        type_ready(exc_builtin_types[i]);
        if (dict_set_cstr(d, exc_builtin_types[i]->name, val_from_obj(exc_builtin_types[i])) < 0) goto fail;
    }
    if (dict_set_cstr(d, "Ellipsis", val_from_obj(&ellipsis_obj)) < 0) goto fail;
    /* the old names of OSError, kept by Python 3 as aliases */
    if (dict_set_cstr(d, "IOError", val_from_obj(&exc_OSError)) < 0 ||
        dict_set_cstr(d, "EnvironmentError", val_from_obj(&exc_OSError)) < 0)
        goto fail;
    if (class_add_builtins(d) < 0) goto fail;   /* object, super, property, ... (runtime/objects/class.c) */
    if (site_add_builtins(d) < 0) goto fail;    /* exit, quit, help, ... (runtime/builtins/sitebuiltins.c) */
    Value name = new_str("builtins");
    if (name == VAL_ERROR) goto fail;
    int r = dict_set_cstr(d, "__name__", name);
    decref(name);
    if (r < 0) goto fail;
    return d;
fail:
    obj_decref(d);
    return NULL;
}
