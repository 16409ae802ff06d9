/* bytes.c — the immutable bytes type: construction (bytes(n), bytes(ints),
 * bytes(str, encoding)), CPython's repr escaping, indexing to ints, slicing,
 * comparison, hashing (equal to str's hash of the same bytes, as in CPython),
 * + and *, `in`, a handful of methods, and the utf-8 / ascii / latin-1 codecs
 * behind bytes.decode and str.encode with CPython's error messages.
 */
#define _GNU_SOURCE 1    /* memmem */
#include <string.h>
#include <errno.h>

#include "objects/bytes.h"
#include "core/args.h"
#include "objects/str.h"
#include "objects/function.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/operators.h"
#include "objects/iterators.h"

static Type bytes_iterator_type;

Bytes *bytes_new(const char *s, int64_t len)
{
    if (len < 0 || (uint64_t)len > (uint64_t)INT64_MAX / 2) { err_no_memory(); return NULL; }
    Bytes *b = obj_alloc(&bytes_type, sizeof(Bytes) + (size_t)len + 1);
    if (!b) return NULL;
    b->len = len;
    b->hash = -1;
    if (s && len) memcpy(b->data, s, (size_t)len);
    b->data[len] = 0;
    return b;
}

static Value wrap(Bytes *b) { return b ? val_from_obj(b) : VAL_ERROR; }

/* ------------------------------------------------------------------ */
/* codecs                                                               */

enum { ENC_UTF8 = CODEC_UTF8, ENC_ASCII = CODEC_ASCII, ENC_LATIN1 = CODEC_LATIN1, ENC_UNKNOWN = CODEC_UNKNOWN };

int codec_lookup(const char *name)
{
    char n[32];
    size_t i = 0;
    for (; name[i] && i < sizeof n - 1; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        n[i] = c == '_' || c == ' ' ? '-' : c;
    }
    n[i] = 0;
    if (name[i]) return ENC_UNKNOWN;
    if (!strcmp(n, "utf-8") || !strcmp(n, "utf8") || !strcmp(n, "u8") || !strcmp(n, "utf")) return ENC_UTF8;
    if (!strcmp(n, "ascii") || !strcmp(n, "us-ascii") || !strcmp(n, "646")) return ENC_ASCII;
    if (!strcmp(n, "latin-1") || !strcmp(n, "latin1") || !strcmp(n, "iso-8859-1") || !strcmp(n, "iso8859-1") ||
        !strcmp(n, "l1") || !strcmp(n, "latin"))
        return ENC_LATIN1;
    return ENC_UNKNOWN;
}

static const char *const enc_names[] = { "utf-8", "ascii", "latin-1" };

const char *codec_name(int codec) { return enc_names[codec]; }

int codec_errors(const char *name)
{
    if (!strcmp(name, "strict")) return CODEC_STRICT;
    if (!strcmp(name, "ignore")) return CODEC_IGNORE;
    if (!strcmp(name, "replace")) return CODEC_REPLACE;
    if (!strcmp(name, "backslashreplace")) return CODEC_BACKSLASHREPLACE;
    if (!strcmp(name, "xmlcharrefreplace")) return CODEC_XMLCHARREFREPLACE;
    if (!strcmp(name, "surrogateescape")) return CODEC_SURROGATEESCAPE;
    return CODEC_UNKNOWN_HANDLER;
}

/* encoding and errors arguments (positional or keyword) of decode/encode. */
static int codec_args(const char *fname, Value *args, int nargs, Tuple *kwnames, int *enc, int *errs,
                      const char **errname)
{
    static const char *const names[] = { "encoding", "errors", NULL };
    Value a[2];
    if (args_bind(fname, args + 1, nargs - 1, kwnames, names, 2, 0, a) < 0) return -1;
    Value encv = a[0], errv = a[1];
    *enc = ENC_UTF8;
    *errs = CODEC_STRICT;
    *errname = "strict";
    if (encv != VAL_UNDEF) {
        if (!val_is_str(encv)) {
            err_format(&exc_TypeError, "%s() argument 'encoding' must be str, not %s", fname, val_type_name(encv));
            return -1;
        }
        *enc = codec_lookup(val_as_str(encv)->data);
        if (*enc == ENC_UNKNOWN) {
            err_format(&exc_LookupError, "unknown encoding: %s", val_as_str(encv)->data);
            return -1;
        }
    }
    if (errv != VAL_UNDEF) {
        if (!val_is_str(errv)) {
            err_format(&exc_TypeError, "%s() argument 'errors' must be str, not %s", fname, val_type_name(errv));
            return -1;
        }
        /* as CPython, an unknown handler is only an error once a character needs it */
        *errname = val_as_str(errv)->data;
        *errs = codec_errors(*errname);
    }
    return 0;
}

/* Length of the valid UTF-8 prefix of the sequence at p (CPython's rules:
 * no overlongs, no surrogates, nothing past U+10FFFF). Returns the full
 * length when valid, else -(bytes that were fine) - 1 and sets *why. */
int codec_utf8_check(const unsigned char *p, const unsigned char *end, const char **why)
{
    unsigned c = p[0];
    int n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c < 0xC2 || c > 0xF4) { *why = "invalid start byte"; return -1; }
    if (c < 0xE0) n = 2;
    else if (c < 0xF0) { n = 3; if (c == 0xE0) lo = 0xA0; else if (c == 0xED) hi = 0x9F; }
    else { n = 4; if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F; }
    for (int i = 1; i < n; i++) {
        if (p + i >= end) { *why = "unexpected end of data"; return -i; }
        unsigned d = p[i];
        if (d < (i == 1 ? lo : 0x80) || d > (i == 1 ? hi : 0xBF)) { *why = "invalid continuation byte"; return -i; }
    }
    return n;
}

int codec_decode_error(int enc, int errs, const char *errname, const char *data, int64_t len, int64_t start,
                       int64_t end, const char *why, StrBuf *out)
{
    switch (errs) {
    case CODEC_IGNORE:
        return 0;
    case CODEC_REPLACE:
        sb_puts(out, "\xEF\xBF\xBD");
        return 0;
    case CODEC_BACKSLASHREPLACE:
        for (int64_t i = start; i < end; i++) sb_printf(out, "\\x%02x", (unsigned char)data[i]);
        return 0;
    case CODEC_XMLCHARREFREPLACE:
        err_set(&exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    case CODEC_UNKNOWN_HANDLER:
        err_format(&exc_LookupError, "unknown error handler name '%s'", errname);
        return -1;
    case CODEC_SURROGATEESCAPE: {
        /* byte b >= 0x80 becomes U+DC00 + b (held as its 3-byte sequence);
         * an ASCII byte cannot be escaped, and the error stands */
        int64_t i = start;
        while (i < end && (unsigned char)data[i] >= 0x80) i++;
        if (i == end) {
            for (i = start; i < end; i++) {
                unsigned char c = (unsigned char)data[i];
                char three[3] = { (char)0xED, (char)(0xB0 | (c >> 6)), (char)(0x80 | (c & 0x3F)) };
                sb_putn(out, three, 3);
            }
            return 0;
        }
    }
    /* fall through */
    default:
        err_unicode_decode(enc_names[enc], data, len, start, end, why);
        return -1;
    }
}

static Value decode(const char *s, int64_t len, int enc, int errs, const char *errname)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    StrBuf b;
    sb_init(&b);
    while (p < end) {
        if (*p < 0x80) {
            const unsigned char *run = p;
            while (p < end && *p < 0x80) p++;
            sb_putn(&b, (const char *)run, p - run);
            continue;
        }
        if (enc == ENC_LATIN1) {
            char two[2] = { (char)(0xC0 | (*p >> 6)), (char)(0x80 | (*p & 0x3F)) };
            sb_putn(&b, two, 2);
            p++;
            continue;
        }
        int n = 1;
        const char *why = "ordinal not in range(128)";
        if (enc == ENC_UTF8) {
            n = codec_utf8_check(p, end, &why);
            if (n > 0) {
                sb_putn(&b, (const char *)p, n);
                p += n;
                continue;
            }
            n = -n;   /* bytes in the bad sequence */
        }
        int64_t at = p - (const unsigned char *)s;
        if (codec_decode_error(enc, errs, errname, s, len, at, at + n, why, &b) < 0) {
            sb_free(&b);
            return VAL_ERROR;
        }
        p += n;
    }
    return sb_finish(&b);
}

Value codec_decode(const char *s, int64_t len, int enc, int errs, const char *errname)
{
    return decode(s, len, enc, errs, errname);
}

/* The code point at p (s is valid UTF-8 as every Str is). */
static uint32_t cp_at(const unsigned char *p, int *n)
{
    if (p[0] < 0x80) { *n = 1; return p[0]; }
    if (p[0] < 0xE0) { *n = 2; return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F); }
    if (p[0] < 0xF0) { *n = 3; return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F); }
    *n = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Can codec enc not encode code point c? (UTF-8 cannot take a lone surrogate.) */
static bool unencodable(int enc, uint32_t c)
{
    if (enc == ENC_UTF8) return c >= 0xD800 && c <= 0xDFFF;
    return c >= (enc == ENC_ASCII ? 0x80u : 0x100u);
}

bool codec_has_surrogate(const char *s, int64_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while ((p = memchr(p, 0xED, (size_t)(end - p))) != NULL) {
        if (p + 1 < end && p[1] >= 0xA0) return true;
        p++;
    }
    return false;
}

Value codec_encode(Str *s, int enc, int errs, const char *errname)
{
    if (s->ascii || (enc == ENC_UTF8 && !codec_has_surrogate(s->data, s->len))) return wrap(bytes_new(s->data, s->len));
    StrBuf b;
    sb_init(&b);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->len;
    int64_t pos = 0;
    while (p < end) {
        int n;
        uint32_t cp = cp_at(p, &n);
        if (!unencodable(enc, cp)) {
            if (enc == ENC_UTF8) sb_putn(&b, (const char *)p, n);
            else sb_putc(&b, (char)cp);
            p += n;
            pos++;
            continue;
        }
        /* as CPython, the handler gets the whole run of unencodable characters */
        int64_t start = pos;
        const unsigned char *q = p;
        bool escapable = true;
        for (; q < end; pos++) {
            int m;
            uint32_t c = cp_at(q, &m);
            if (!unencodable(enc, c)) break;
            q += m;
            if (errs == CODEC_REPLACE) sb_putc(&b, '?');
            else if (errs == CODEC_BACKSLASHREPLACE)
                sb_printf(&b, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", (unsigned)c);
            else if (errs == CODEC_XMLCHARREFREPLACE) sb_printf(&b, "&#%u;", (unsigned)c);
            else if (errs == CODEC_SURROGATEESCAPE) {
                /* U+DC80..U+DCFF stand for the bytes 0x80..0xFF */
                if (escapable && c >= 0xDC80 && c <= 0xDCFF) {
                    sb_putc(&b, (char)(c - 0xDC00));
                } else if (escapable) {
                    /* as CPython, the error covers the rest of the run from here */
                    escapable = false;
                    start = pos;
                }
            }
        }
        if (errs == CODEC_STRICT || errs == CODEC_UNKNOWN_HANDLER || !escapable) {
            sb_free(&b);
            if (errs == CODEC_UNKNOWN_HANDLER)
                err_format(&exc_LookupError, "unknown error handler name '%s'", errname);
            else
                err_unicode_encode(enc_names[enc], str_val(s), start, pos,
                                   enc == ENC_UTF8 ? "surrogates not allowed"
                                   : enc == ENC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)");
            return VAL_ERROR;
        }
        p = q;
    }
    if (b.failed) { sb_free(&b); err_no_memory(); return VAL_ERROR; }
    Bytes *r = bytes_new(b.data ? b.data : "", b.len);
    sb_free(&b);
    return wrap(r);
}

const char *codec_os_path(Str *s, char *buf, size_t n)
{
    if (!codec_has_surrogate(s->data, s->len)) return s->data;
    Value b = codec_encode(s, ENC_UTF8, CODEC_SURROGATEESCAPE, "surrogateescape");
    if (b == VAL_ERROR) return NULL;
    Bytes *by = val_as_bytes(b);
    if ((size_t)by->len >= n) {
        decref(b);
        err_set_errno(ENAMETOOLONG, str_val(s), VAL_UNDEF);
        return NULL;
    }
    memcpy(buf, by->data, (size_t)by->len + 1);
    decref(b);
    return buf;
}

Value codec_decode_os(const char *s, int64_t len)
{
    return decode(s, len, ENC_UTF8, CODEC_SURROGATEESCAPE, "surrogateescape");
}

Value bytes_str_encode(Value *args, int nargs, Tuple *kwnames)
{
    int enc, errs;
    const char *errname;
    if (codec_args("encode", args, nargs, kwnames, &enc, &errs, &errname) < 0) return VAL_ERROR;
    return codec_encode(val_as_str(args[0]), enc, errs, errname);
}

/* ------------------------------------------------------------------ */
/* type slots                                                           */

static void bytes_dealloc(Obj *o) { obj_free(o); }

static Value bytes_repr(Value v)
{
    Bytes *b = val_as_bytes(v);
    char q = '\'';
    if (memchr(b->data, '\'', (size_t)b->len) && !memchr(b->data, '"', (size_t)b->len)) q = '"';
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, 'b');
    sb_putc(&sb, q);
    for (int64_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->data[i];
        if (c == (unsigned char)q || c == '\\') { sb_putc(&sb, '\\'); sb_putc(&sb, (char)c); }
        else if (c == '\t') sb_puts(&sb, "\\t");
        else if (c == '\n') sb_puts(&sb, "\\n");
        else if (c == '\r') sb_puts(&sb, "\\r");
        else if (c < 0x20 || c >= 0x7f) sb_printf(&sb, "\\x%02x", c);
        else sb_putc(&sb, (char)c);
    }
    sb_putc(&sb, q);
    return sb_finish(&sb);
}

static int bytes_hash(Value v, int64_t *out)
{
    Bytes *b = val_as_bytes(v);
    if (b->hash == -1) b->hash = str_hash_bytes(b->data, b->len);
    *out = b->hash;
    return 0;
}

static Value bytes_compare(Value a, Value b, int op)
{
    if (!val_is_bytes(b)) return VAL_NOTIMPL;
    Bytes *x = val_as_bytes(a), *y = val_as_bytes(b);
    int c;
    if ((op == CMP_EQ || op == CMP_NE) && x->len != y->len) c = 1;
    else {
        int64_t n = x->len < y->len ? x->len : y->len;
        c = memcmp(x->data, y->data, (size_t)n);
        if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    }
    return val_from_bool(cmp_holds(op, c));
}

static int64_t bytes_len(Value v) { return val_as_bytes(v)->len; }

static Value bytes_getitem(Value o, Value key)
{
    Bytes *b = val_as_bytes(o);
    if (val_is_obj(key) && val_as_obj(key)->type == &slice_type) {
        int64_t start, stop, step, n;
        if (slice_indices((Slice *)val_as_obj(key), b->len, &start, &stop, &step, &n) < 0) return VAL_ERROR;
        if (step == 1) return wrap(bytes_new(b->data + start, n));
        Bytes *r = bytes_new(NULL, n);
        if (!r) return VAL_ERROR;
        for (int64_t i = 0; i < n; i++) r->data[i] = b->data[start + i * step];
        return val_from_obj(r);
    }
    int64_t i;
    int k = int_subscript_index(key, &i);
    if (k < 0) return VAL_ERROR;
    if (k == 0) {
        err_format(&exc_TypeError, "byte indices must be integers or slices, not %s", val_type_name(key));
        return VAL_ERROR;
    }
    if (i < 0) i += b->len;
    if (i < 0 || i >= b->len) {
        err_set(&exc_IndexError, "index out of range");
        return VAL_ERROR;
    }
    return val_from_int((unsigned char)b->data[i]);
}

/* A bytes-like argument (only bytes here); TypeError otherwise. */
static Bytes *need_bytes(Value v)
{
    if (val_is_bytes(v)) return val_as_bytes(v);
    err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(v));
    return NULL;
}

static int64_t find_in(Bytes *b, int64_t from, int64_t to, const char *needle, int64_t nn)
{
    if (to - from < nn) return -1;
    if (nn == 0) return from;
    const char *r = memmem(b->data + from, (size_t)(to - from), needle, (size_t)nn);
    return r ? r - b->data : -1;
}

static int bytes_contains(Value o, Value x)
{
    Bytes *b = val_as_bytes(o);
    if (val_is_intlike(x)) {
        int64_t c = val_to_i64(x);
        if (c < 0 || c > 255) { err_set(&exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        return b->len && memchr(b->data, (int)c, (size_t)b->len) != NULL;
    }
    Bytes *n = need_bytes(x);
    if (!n) return -1;
    return find_in(b, 0, b->len, n->data, n->len) >= 0;
}

typedef struct BytesIter { Obj ob; Bytes *b; int64_t pos; } BytesIter;

static Value bytes_iter(Value v)
{
    BytesIter *it = obj_alloc(&bytes_iterator_type, sizeof(BytesIter));
    if (!it) return VAL_ERROR;
    obj_incref(val_as_obj(v));
    it->b = val_as_bytes(v);
    return val_from_obj(it);
}

static void bytesiter_dealloc(Obj *o)
{
    BytesIter *it = (BytesIter *)o;
    if (it->b) obj_decref(it->b);
    obj_free(o);
}


static Value bytesiter_next(Value v)
{
    BytesIter *it = (BytesIter *)val_as_obj(v);
    if (!it->b) return VAL_UNDEF;
    if (it->pos >= it->b->len) {
        obj_decref(it->b);
        it->b = NULL;
        return VAL_UNDEF;
    }
    return val_from_int((unsigned char)it->b->data[it->pos++]);
}

static Type bytes_iterator_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "bytes_iterator", .size = sizeof(BytesIter),
    .dealloc = bytesiter_dealloc, .iter = iter_self, .next = bytesiter_next,
};

Value bytes_binop(int op, Value a, Value b)
{
    if (op == BINOP_ADD && val_is_bytes(a)) {
        if (!val_is_bytes(b)) {
            err_format(&exc_TypeError, "can't concat %s to bytes", val_type_name(b));
            return VAL_ERROR;
        }
        Bytes *x = val_as_bytes(a), *y = val_as_bytes(b);
        if (x->len > INT64_MAX / 2 - y->len) { err_no_memory(); return VAL_ERROR; }
        Bytes *r = bytes_new(NULL, x->len + y->len);
        if (!r) return VAL_ERROR;
        memcpy(r->data, x->data, (size_t)x->len);
        memcpy(r->data + x->len, y->data, (size_t)y->len);
        return val_from_obj(r);
    }
    if (op == BINOP_MUL) {
        Value seq = val_is_bytes(a) ? a : b, n = val_is_bytes(a) ? b : a;
        if (!val_is_intlike(n)) {
            err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%s'", val_type_name(n));
            return VAL_ERROR;
        }
        Bytes *x = val_as_bytes(seq);
        int64_t k = val_to_i64(n);
        if (k < 0) k = 0;
        if (x->len && k > (INT64_MAX / 4) / x->len) { err_no_memory(); return VAL_ERROR; }
        Bytes *r = bytes_new(NULL, x->len * k);
        if (!r) return VAL_ERROR;
        for (int64_t i = 0; i < k; i++) memcpy(r->data + i * x->len, x->data, (size_t)x->len);
        return val_from_obj(r);
    }
    return VAL_NOTIMPL;
}

/* ------------------------------------------------------------------ */
/* methods                                                              */

#define SELF val_as_bytes(args[0])

/* Optional start/end arguments, clamped like slice bounds. */
static int bounds(Bytes *b, Value *args, int nargs, int first, int64_t *start, int64_t *end)
{
    *start = 0;
    *end = b->len;
    for (int k = 0; k < 2; k++) {
        if (first + k >= nargs || args[first + k] == VAL_NONE) continue;
        int64_t v;
        if (val_index(args[first + k], &v) < 0) return -1;
        if (v < 0) { v += b->len; if (v < 0) v = 0; }
        if (v > b->len) v = b->len;
        *(k ? end : start) = v;
    }
    return 0;
}

/* The needle of find/count: bytes or an int in range(256). */
static int needle_of(Value v, char *one, const char **p, int64_t *n)
{
    if (val_is_intlike(v)) {
        int64_t c = val_to_i64(v);
        if (c < 0 || c > 255) { err_set(&exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        *one = (char)c;
        *p = one;
        *n = 1;
        return 0;
    }
    if (!val_is_bytes(v)) {
        err_format(&exc_TypeError, "argument should be integer or bytes-like object, not '%s'", val_type_name(v));
        return -1;
    }
    *p = val_as_bytes(v)->data;
    *n = val_as_bytes(v)->len;
    return 0;
}

static Value m_find(Value *args, int nargs, Tuple *kwnames)
{
    if (args_takes("bytes", "find", nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    char one;
    const char *p;
    int64_t n, start, end;
    if (needle_of(args[1], &one, &p, &n) < 0 || bounds(SELF, args, nargs, 2, &start, &end) < 0) return VAL_ERROR;
    if (start > end) return val_from_int(-1);
    return int_from_i64(find_in(SELF, start, end, p, n));
}

static Value m_index(Value *args, int nargs, Tuple *kwnames)
{
    Value r = m_find(args, nargs, kwnames);
    if (r == val_from_int(-1)) { err_set(&exc_ValueError, "subsection not found"); return VAL_ERROR; }
    return r;
}

static Value m_count(Value *args, int nargs, Tuple *kwnames)
{
    if (args_takes("bytes", "count", nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    char one;
    const char *p;
    int64_t n, start, end, c = 0;
    if (needle_of(args[1], &one, &p, &n) < 0 || bounds(SELF, args, nargs, 2, &start, &end) < 0) return VAL_ERROR;
    if (start > end) return val_from_int(0);
    if (n == 0) return int_from_i64(end - start + 1);
    for (;;) {
        int64_t r = find_in(SELF, start, end, p, n);
        if (r < 0) break;
        c++;
        start = r + n;
    }
    return int_from_i64(c);
}

static Value starts_ends(const char *name, Value *args, int nargs, Tuple *kwnames, bool ends)
{
    if (args_takes("bytes", name, nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    Bytes *b = SELF;
    Value pre = args[1];
    Value *items = &pre;
    int64_t nitems = 1, start, end;
    if (val_is_tuple(pre)) {
        items = val_as_tuple(pre)->items;
        nitems = val_as_tuple(pre)->len;
    } else if (!val_is_bytes(pre)) {
        err_format(&exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, val_type_name(pre));
        return VAL_ERROR;
    }
    if (bounds(b, args, nargs, 2, &start, &end) < 0) return VAL_ERROR;
    for (int64_t i = 0; i < nitems; i++) {
        Bytes *p = need_bytes(items[i]);
        if (!p) return VAL_ERROR;
        if (start > end || end - start < p->len) continue;
        const char *at = ends ? b->data + end - p->len : b->data + start;
        if (memcmp(at, p->data, (size_t)p->len) == 0) return VAL_TRUE;
    }
    return VAL_FALSE;
}

static Value m_startswith(Value *a, int n, Tuple *k) { return starts_ends("startswith", a, n, k, false); }
static Value m_endswith(Value *a, int n, Tuple *k) { return starts_ends("endswith", a, n, k, true); }

static Value m_decode(Value *args, int nargs, Tuple *kwnames)
{
    int enc, errs;
    const char *errname;
    if (codec_args("decode", args, nargs, kwnames, &enc, &errs, &errname) < 0) return VAL_ERROR;
    return decode(SELF->data, SELF->len, enc, errs, errname);
}

/* bytes.hex(sep=, bytes_per_sep=1): sep goes between groups of
 * |bytes_per_sep| bytes, counted from the right when it is positive. */
static Value m_hex(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "sep", "bytes_per_sep", NULL };
    Value a[2];
    if (args_bind("hex", args + 1, nargs - 1, kwnames, names, 2, 0, a) < 0) return VAL_ERROR;
    Bytes *b = SELF;
    char sep = 0;
    int64_t per = 1;
    if (a[0] != VAL_UNDEF) {
        int64_t seplen = obj_len(a[0]);
        if (seplen < 0) return VAL_ERROR;
        if (seplen != 1) { err_set(&exc_ValueError, "sep must be length 1."); return VAL_ERROR; }
        if (val_is_str(a[0])) sep = val_as_str(a[0])->data[0];
        else if (val_is_bytes(a[0])) sep = val_as_bytes(a[0])->data[0];
        else { err_set(&exc_TypeError, "sep must be str or bytes."); return VAL_ERROR; }
        if ((unsigned char)sep > 127) { err_set(&exc_ValueError, "sep must be ASCII."); return VAL_ERROR; }
    }
    if (a[1] != VAL_UNDEF && val_index(a[1], &per) < 0) return VAL_ERROR;
    int64_t group = per < 0 ? -per : per;
    if (!sep || b->len == 0) group = 0;
    int64_t nsep = group ? (b->len - 1) / group : 0;
    static const char digits[] = "0123456789abcdef";
    Str *s = str_alloc(b->len * 2 + nsep);
    if (!s) return VAL_ERROR;
    char *o = s->data;
    for (int64_t i = 0; i < b->len; i++) {
        if (group && i > 0 && (per < 0 ? i : b->len - i) % group == 0) *o++ = sep;
        unsigned char c = (unsigned char)b->data[i];
        *o++ = digits[c >> 4];
        *o++ = digits[c & 15];
    }
    *o = 0;
    str_finish(s);
    return str_val(s);
}

static Value m_join(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("bytes", "join", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Value l = list_from_iterable(args[1]);
    if (l == VAL_ERROR) return VAL_ERROR;
    List *lst = val_as_list(l);
    Bytes *sep = SELF;
    int64_t total = 0;
    for (int64_t i = 0; i < lst->len; i++) {
        if (!val_is_bytes(lst->items[i])) {
            err_format(&exc_TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                       val_type_name(lst->items[i]));
            decref(l);
            return VAL_ERROR;
        }
        total += val_as_bytes(lst->items[i])->len + (i ? sep->len : 0);
    }
    Bytes *r = bytes_new(NULL, total);
    if (!r) { decref(l); return VAL_ERROR; }
    int64_t at = 0;
    for (int64_t i = 0; i < lst->len; i++) {
        Bytes *x = val_as_bytes(lst->items[i]);
        if (i) { memcpy(r->data + at, sep->data, (size_t)sep->len); at += sep->len; }
        memcpy(r->data + at, x->data, (size_t)x->len);
        at += x->len;
    }
    decref(l);
    return val_from_obj(r);
}

static bool is_ws(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int push_piece(List *l, const char *s, int64_t n)
{
    Bytes *b = bytes_new(s, n);
    if (!b) return -1;
    return list_append_steal(l, val_from_obj(b));
}

static Value m_split(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = { "sep", "maxsplit", NULL };
    Value a[2];
    if (args_bind("split", args + 1, nargs - 1, kwnames, names, 2, 0, a) < 0) return VAL_ERROR;
    Value sepv = a[0] == VAL_UNDEF ? VAL_NONE : a[0], maxv = a[1];
    int64_t maxsplit = -1;
    if (maxv != VAL_UNDEF && val_index(maxv, &maxsplit) < 0) return VAL_ERROR;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    Bytes *b = SELF;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    const char *s = b->data, *e = s + b->len;
    if (sepv == VAL_NONE) {
        const char *p = s;
        while (p < e) {
            while (p < e && is_ws((unsigned char)*p)) p++;
            if (p >= e) break;
            if (maxsplit-- == 0) {
                const char *q = e;
                while (q > p && is_ws((unsigned char)q[-1])) q--;
                if (push_piece(l, p, q - p) < 0) goto fail;
                break;
            }
            const char *w = p;
            while (p < e && !is_ws((unsigned char)*p)) p++;
            if (push_piece(l, w, p - w) < 0) goto fail;
        }
        return val_from_obj(l);
    }
    Bytes *sep = need_bytes(sepv);
    if (!sep) goto fail;
    if (sep->len == 0) { err_set(&exc_ValueError, "empty separator"); goto fail; }
    int64_t from = 0;
    while (maxsplit-- > 0) {
        int64_t r = find_in(b, from, b->len, sep->data, sep->len);
        if (r < 0) break;
        if (push_piece(l, s + from, r - from) < 0) goto fail;
        from = r + sep->len;
    }
    if (push_piece(l, s + from, b->len - from) < 0) goto fail;
    return val_from_obj(l);
fail:
    obj_decref(l);
    return VAL_ERROR;
}

static const MethodDef bytes_methods[] = {
    { "decode", m_decode },
    { "hex", m_hex },
    { "find", m_find },
    { "index", m_index },
    { "count", m_count },
    { "startswith", m_startswith },
    { "endswith", m_endswith },
    { "join", m_join },
    { "split", m_split },
    { NULL, NULL },
};

/* bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]). */
static Value bytes_type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    int nkw = kwnames ? (int)kwnames->len : 0;
    Value src = nargs > 0 ? args[0] : VAL_UNDEF;
    if (src == VAL_UNDEF) {
        if (nkw > 0) {
            err_set(&exc_TypeError, "encoding or errors without sequence argument");
            return VAL_ERROR;
        }
        return wrap(bytes_new(NULL, 0));
    }
    if (val_is_str(src)) {
        if (nargs + nkw < 2) { err_set(&exc_TypeError, "string argument without an encoding"); return VAL_ERROR; }
        int enc, errs;
        const char *errname;
        if (codec_args("bytes", args, nargs, kwnames, &enc, &errs, &errname) < 0) return VAL_ERROR;
        return codec_encode(val_as_str(src), enc, errs, errname);
    }
    if (nargs + nkw > 1) {
        err_set(&exc_TypeError, nargs + nkw == 2 ? "encoding without a string argument" : "errors without a string argument");
        return VAL_ERROR;
    }
    if (val_is_bytes(src)) { incref(src); return src; }
    if (val_is_intlike(src)) {
        int64_t n = val_to_i64(src);
        if (n < 0) { err_set(&exc_ValueError, "negative count"); return VAL_ERROR; }
        Bytes *r = bytes_new(NULL, n);
        if (r) memset(r->data, 0, (size_t)n);
        return wrap(r);
    }
    if (val_type(src)->iter == NULL) {
        err_format(&exc_TypeError, "cannot convert '%s' object to bytes", val_type_name(src));
        return VAL_ERROR;
    }
    Value l = list_from_iterable(src);
    if (l == VAL_ERROR) return VAL_ERROR;
    List *lst = val_as_list(l);
    Bytes *r = bytes_new(NULL, lst->len);
    if (!r) { decref(l); return VAL_ERROR; }
    for (int64_t i = 0; i < lst->len; i++) {
        int64_t c;
        if (val_index(lst->items[i], &c) < 0) { decref(l); obj_decref(r); return VAL_ERROR; }
        if (c < 0 || c > 255) {
            err_set(&exc_ValueError, "bytes must be in range(0, 256)");
            decref(l);
            obj_decref(r);
            return VAL_ERROR;
        }
        r->data[i] = (char)c;
    }
    decref(l);
    return val_from_obj(r);
}

Type bytes_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "bytes",
    .size = sizeof(Bytes),
    .flags = TYPE_SEQUENCE | TYPE_BASETYPE,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .compare = bytes_compare,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
    .new = bytes_type_new,
    .methods = bytes_methods,
};
