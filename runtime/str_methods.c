/* str_methods.c — the methods of str (split, join, strip, find, replace,
 * case mapping, padding, ...) with CPython's semantics and error texts.
 * Strings are UTF-8: searching works on bytes, and positions are converted
 * to code-point indices only for non-ASCII strings. Case mapping and
 * classification beyond ASCII use the C.UTF-8 locale's tables.
 */
#define _GNU_SOURCE
#include <string.h>
#include <locale.h>
#include <wctype.h>
#include "str.h"
#include "error.h"
#include "mem.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "format.h"
#include "function.h"
#include "bytes.h"

/* ---- helpers ---- */

static Str *S(Value v) { return val_as_str(v); }

static Value new_ref(Value v) { incref(v); return v; }

static Value str_value(const char *s, int64_t n)
{
    Str *r = str_new(s, n);
    return r ? str_val(r) : VAL_ERROR;
}

static int ulen(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static uint32_t decode(const char *s, const char *e, int *n)
{
    const unsigned char *p = (const unsigned char *)s;
    int l = ulen(p[0]);
    if (s + l > e) l = (int)(e - s);
    *n = l;
    if (l == 1) return p[0];
    uint32_t cp = p[0] & (0x7f >> l);
    for (int i = 1; i < l; i++) cp = (cp << 6) | (p[i] & 0x3f);
    return cp;
}

static void put_cp(StrBuf *b, uint32_t cp)
{
    char buf[4];
    int n;
    if (cp < 0x80) { buf[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { buf[0] = (char)(0xc0 | (cp >> 6)); buf[1] = (char)(0x80 | (cp & 0x3f)); n = 2; }
    else if (cp < 0x10000) {
        buf[0] = (char)(0xe0 | (cp >> 12)); buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (cp & 0x3f)); n = 3;
    } else {
        buf[0] = (char)(0xf0 | (cp >> 18)); buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); buf[3] = (char)(0x80 | (cp & 0x3f)); n = 4;
    }
    sb_putn(b, buf, n);
}

/* Byte offset of code point i (0 <= i <= nchars). */
static int64_t cp_to_byte(Str *s, int64_t i)
{
    if (s->ascii) return i;
    int64_t off = 0;
    while (i > 0 && off < s->len) {
        off += ulen((unsigned char)s->data[off]);
        i--;
    }
    return off > s->len ? s->len : off;
}

static int64_t byte_to_cp(Str *s, int64_t off)
{
    if (s->ascii) return off;
    int64_t c = 0;
    for (int64_t i = 0; i < off; i++)
        if (((unsigned char)s->data[i] & 0xc0) != 0x80) c++;
    return c;
}

static locale_t uloc;
static bool uloc_tried;

static locale_t unicode_locale(void)
{
    if (!uloc_tried) {
        uloc_tried = true;
        uloc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (!uloc) uloc = newlocale(LC_CTYPE_MASK, "en_US.UTF-8", (locale_t)0);
    }
    return uloc;
}

void str_methods_cleanup(void)
{
    if (uloc) freelocale(uloc);
    uloc = (locale_t)0;
    uloc_tried = false;
}

static uint32_t cp_upper(uint32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    locale_t l = unicode_locale();
    return l ? (uint32_t)towupper_l((wint_t)c, l) : c;
}

static uint32_t cp_lower(uint32_t c)
{
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    locale_t l = unicode_locale();
    return l ? (uint32_t)towlower_l((wint_t)c, l) : c;
}

static bool cp_isupper(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    locale_t l = unicode_locale();
    return l && iswupper_l((wint_t)c, l);
}

static bool cp_islower(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    locale_t l = unicode_locale();
    return l && iswlower_l((wint_t)c, l);
}

static bool cp_iscased(uint32_t c) { return cp_isupper(c) || cp_islower(c); }

static bool cp_isalpha(uint32_t c)
{
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    locale_t l = unicode_locale();
    return l && iswalpha_l((wint_t)c, l);
}

static bool cp_isdigit(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    /* Arabic-Indic, extended Arabic-Indic, Devanagari, fullwidth and superscript digits */
    return (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x966 && c <= 0x96f)
        || (c >= 0xff10 && c <= 0xff19) || c == 0xb2 || c == 0xb3 || c == 0xb9 || (c >= 0x2070 && c <= 0x2079);
}

static bool cp_isspace(uint32_t c)
{
    if (c < 0x80) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
        || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

static bool cp_isalnum(uint32_t c)
{
    if (c < 0x80) return cp_isalpha(c) || cp_isdigit(c);
    locale_t l = unicode_locale();
    return cp_isdigit(c) || (l && iswalnum_l((wint_t)c, l));
}

static int no_args(const char *name, int nargs, Tuple *kwnames)
{
    if (kwnames && kwnames->len) {
        err_format(&exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "str.%s() takes no arguments (%d given)", name, nargs - 1);
        return -1;
    }
    return 0;
}

/* "name expected at least/most n arguments, got k" (Argument Clinic style). */
static int clinic_args(const char *name, int nargs, Tuple *kwnames, int min, int max)
{
    if (kwnames && kwnames->len) {
        err_format(&exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    int n = nargs - 1;
    if (n < min) {
        err_format(&exc_TypeError, "%s expected %s%d argument%s, got %d", name, min == max ? "" : "at least ",
                   min, min == 1 ? "" : "s", n);
        return -1;
    }
    if (n > max) {
        err_format(&exc_TypeError, "%s expected %s%d argument%s, got %d", name, min == max ? "" : "at most ",
                   max, max == 1 ? "" : "s", n);
        return -1;
    }
    return 0;
}

/* "name() takes at least/most n arguments (k given)" (older style). */
static int old_args(const char *name, int nargs, Tuple *kwnames, int min, int max)
{
    if (kwnames && kwnames->len) {
        err_format(&exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    int n = nargs - 1;
    if (n < min) {
        err_format(&exc_TypeError, "%s() takes at least %d argument%s (%d given)", name, min, min == 1 ? "" : "s", n);
        return -1;
    }
    if (n > max) {
        err_format(&exc_TypeError, "%s() takes at most %d argument%s (%d given)", name, max, max == 1 ? "" : "s", n);
        return -1;
    }
    return 0;
}

static int need_str(Value v)
{
    if (val_is_str(v)) return 0;
    err_format(&exc_TypeError, "must be str, not %s", val_type_name(v));
    return -1;
}

static int index_arg(Value v, int64_t *out)
{
    if (val_is_float(v) || !val_is_intlike(v)) {
        if (val_is_float(v) || val_is_obj(v) || val_is_none(v)) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(v));
            return -1;
        }
    }
    return val_index(v, out);
}

/* Resolve optional start/end (code points, Python slice rules) for s. */
static int slice_args(Str *s, Value *args, int nargs, int first, int64_t *start, int64_t *end)
{
    int64_t n = s->nchars;
    *start = 0;
    *end = n;
    for (int k = 0; k < 2; k++) {
        int i = first + k;
        if (i >= nargs || args[i] == VAL_NONE) continue;
        int64_t v;
        if (val_is_float(args[i]) || !val_is_intlike(args[i])) {
            err_set(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        v = val_to_i64(args[i]);
        if (v < 0) { v += n; if (v < 0) v = 0; }
        if (k == 1 && v > n) v = n;      /* a start past the end finds nothing */
        if (k == 0) *start = v; else *end = v;
    }
    return 0;
}

/* Find needle in hay[from, to) (bytes); forward or backward. -1 if absent. */
static int64_t search(const char *hay, int64_t from, int64_t to, const char *needle, int64_t nn, bool reverse)
{
    if (to - from < nn) return -1;
    if (nn == 0) return reverse ? to : from;
    if (!reverse) {
        const char *r = memmem(hay + from, (size_t)(to - from), needle, (size_t)nn);
        return r ? r - hay : -1;
    }
    for (int64_t i = to - nn; i >= from; i--)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, (size_t)nn) == 0) return i;
    return -1;
}

/* ---- searching ---- */

/* find/rfind/index/rindex: returns code-point index or -1; -2 on error. */
static int64_t find_impl(const char *name, Value *args, int nargs, Tuple *kwnames, bool reverse)
{
    if (old_args(name, nargs, kwnames, 1, 3) < 0) return -2;
    Str *s = S(args[0]);
    if (need_str(args[1]) < 0) return -2;
    Str *sub = S(args[1]);
    int64_t start, end;
    if (slice_args(s, args, nargs, 2, &start, &end) < 0) return -2;
    if (start > end) return -1;
    int64_t bs = cp_to_byte(s, start), be = cp_to_byte(s, end);
    int64_t r = search(s->data, bs, be, sub->data, sub->len, reverse);
    if (r < 0) return -1;
    return byte_to_cp(s, r);
}

static Value m_find(Value *a, int n, Tuple *k)
{
    int64_t r = find_impl("find", a, n, k, false);
    return r == -2 ? VAL_ERROR : int_from_i64(r);
}

static Value m_rfind(Value *a, int n, Tuple *k)
{
    int64_t r = find_impl("rfind", a, n, k, true);
    return r == -2 ? VAL_ERROR : int_from_i64(r);
}

static Value m_index(Value *a, int n, Tuple *k)
{
    int64_t r = find_impl("index", a, n, k, false);
    if (r == -2) return VAL_ERROR;
    if (r == -1) { err_set(&exc_ValueError, "substring not found"); return VAL_ERROR; }
    return int_from_i64(r);
}

static Value m_rindex(Value *a, int n, Tuple *k)
{
    int64_t r = find_impl("rindex", a, n, k, true);
    if (r == -2) return VAL_ERROR;
    if (r == -1) { err_set(&exc_ValueError, "substring not found"); return VAL_ERROR; }
    return int_from_i64(r);
}

static Value m_count(Value *args, int nargs, Tuple *kwnames)
{
    if (old_args("count", nargs, kwnames, 1, 3) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    if (need_str(args[1]) < 0) return VAL_ERROR;
    Str *sub = S(args[1]);
    int64_t start, end;
    if (slice_args(s, args, nargs, 2, &start, &end) < 0) return VAL_ERROR;
    if (start > end) return val_from_int(0);
    if (sub->len == 0) return int_from_i64(end - start + 1);
    int64_t bs = cp_to_byte(s, start), be = cp_to_byte(s, end), c = 0;
    for (;;) {
        int64_t r = search(s->data, bs, be, sub->data, sub->len, false);
        if (r < 0) break;
        c++;
        bs = r + sub->len;
    }
    return int_from_i64(c);
}

static Value starts_ends(const char *name, Value *args, int nargs, Tuple *kwnames, bool ends)
{
    if (old_args(name, nargs, kwnames, 1, 3) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    Value pre = args[1];
    int64_t start, end;
    Value *items = &pre;
    int64_t nitems = 1;
    if (val_is_tuple(pre)) {
        items = val_as_tuple(pre)->items;
        nitems = val_as_tuple(pre)->len;
        for (int64_t i = 0; i < nitems; i++)
            if (!val_is_str(items[i])) {
                err_format(&exc_TypeError, "tuple for %s must only contain str, not %s", name, val_type_name(items[i]));
                return VAL_ERROR;
            }
    } else if (!val_is_str(pre)) {
        err_format(&exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name, val_type_name(pre));
        return VAL_ERROR;
    }
    if (slice_args(s, args, nargs, 2, &start, &end) < 0) return VAL_ERROR;
    int64_t bs = cp_to_byte(s, start), be = cp_to_byte(s, end);
    for (int64_t i = 0; i < nitems; i++) {
        Str *p = S(items[i]);
        if (start > end) continue;
        if (be - bs < p->len) continue;
        const char *at = ends ? s->data + be - p->len : s->data + bs;
        if (memcmp(at, p->data, (size_t)p->len) == 0) return VAL_TRUE;
    }
    return VAL_FALSE;
}

static Value m_startswith(Value *a, int n, Tuple *k) { return starts_ends("startswith", a, n, k, false); }
static Value m_endswith(Value *a, int n, Tuple *k) { return starts_ends("endswith", a, n, k, true); }

/* ---- join / split ---- */

static Value m_join(Value *args, int nargs, Tuple *kwnames)
{
    if (kwnames && kwnames->len) { err_set(&exc_TypeError, "str.join() takes no keyword arguments"); return VAL_ERROR; }
    if (nargs != 2) {
        err_format(&exc_TypeError, "str.join() takes exactly one argument (%d given)", nargs - 1);
        return VAL_ERROR;
    }
    Str *sep = S(args[0]);
    Value seq = args[1];
    Value owned = VAL_UNDEF;
    Value *items;
    int64_t n;
    if (val_is_list(seq)) {
        items = val_as_list(seq)->items;
        n = val_as_list(seq)->len;
    } else if (val_is_tuple(seq)) {
        items = val_as_tuple(seq)->items;
        n = val_as_tuple(seq)->len;
    } else {
        Value it = obj_iter(seq);
        if (it == VAL_ERROR) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_set(&exc_TypeError, "can only join an iterable");
            }
            return VAL_ERROR;
        }
        decref(it);
        owned = list_from_iterable(seq);
        if (owned == VAL_ERROR) return VAL_ERROR;
        items = val_as_list(owned)->items;
        n = val_as_list(owned)->len;
    }
    if (n == 1 && val_is_str(items[0])) {
        Value r = new_ref(items[0]);
        if (owned != VAL_UNDEF) decref(owned);
        return r;
    }
    int64_t total = 0;
    bool ascii = sep->ascii;
    for (int64_t i = 0; i < n; i++) {
        if (!val_is_str(items[i])) {
            err_format(&exc_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                       val_type_name(items[i]));
            if (owned != VAL_UNDEF) decref(owned);
            return VAL_ERROR;
        }
        Str *it = S(items[i]);
        if (__builtin_add_overflow(total, it->len, &total) || (i > 0 && __builtin_add_overflow(total, sep->len, &total))) {
            if (owned != VAL_UNDEF) decref(owned);
            err_no_memory();
            return VAL_ERROR;
        }
        ascii &= it->ascii;
    }
    Str *r = str_alloc(total);
    if (!r) { if (owned != VAL_UNDEF) decref(owned); return VAL_ERROR; }
    char *p = r->data;
    for (int64_t i = 0; i < n; i++) {
        if (i > 0 && sep->len) { memcpy(p, sep->data, (size_t)sep->len); p += sep->len; }
        Str *it = S(items[i]);
        memcpy(p, it->data, (size_t)it->len);
        p += it->len;
    }
    *p = 0;
    str_finish(r);
    (void)ascii;
    if (owned != VAL_UNDEF) decref(owned);
    return str_val(r);
}

static int append_piece(List *l, const char *p, int64_t n)
{
    Value v = str_value(p, n);
    if (v == VAL_ERROR) return -1;
    return list_append_steal(l, v);
}

/* Whitespace at p? Returns its byte length or 0. */
static int space_at(const char *p, const char *e)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) return cp_isspace(c) ? 1 : 0;
    int n;
    uint32_t cp = decode(p, e, &n);
    return cp_isspace(cp) ? n : 0;
}

/* Whitespace ending just before q (q > b)? Returns its byte length or 0. */
static int space_before(const char *b, const char *q, const char *e)
{
    const char *p = q - 1;
    while (p > b && ((unsigned char)*p & 0xc0) == 0x80) p--;
    int n = space_at(p, e);
    return n == q - p ? n : 0;
}

static int split_args(const char *name, Value *args, int nargs, Tuple *kwnames, Value *sep, int64_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value a[2];
    if (args_bind(name, args + 1, nargs - 1, kwnames, names, 2, 0, a) < 0) return -1;
    *sep = a[0] == VAL_UNDEF ? VAL_NONE : a[0];
    if (*sep != VAL_NONE && !val_is_str(*sep)) {
        err_format(&exc_TypeError, "must be str or None, not %s", val_type_name(*sep));
        return -1;
    }
    *maxsplit = -1;
    if (a[1] != VAL_UNDEF && index_arg(a[1], maxsplit) < 0) return -1;
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    if (*sep != VAL_NONE && S(*sep)->len == 0) {
        err_set(&exc_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static Value m_split(Value *args, int nargs, Tuple *kwnames)
{
    Value sepv;
    int64_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sepv, &maxsplit) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    const char *p = s->data, *e = s->data + s->len;
    if (sepv == VAL_NONE) {
        for (;;) {
            int n;
            while (p < e && (n = space_at(p, e)) > 0) p += n;
            if (p >= e) break;
            if (maxsplit == 0) {
                if (append_piece(l, p, e - p) < 0) goto fail;
                break;
            }
            const char *q = p;
            while (q < e && space_at(q, e) == 0) q += ulen((unsigned char)*q);
            if (q > e) q = e;
            if (append_piece(l, p, q - p) < 0) goto fail;
            maxsplit--;
            p = q;
        }
    } else {
        Str *sep = S(sepv);
        while (maxsplit > 0) {
            int64_t r = search(s->data, p - s->data, s->len, sep->data, sep->len, false);
            if (r < 0) break;
            if (append_piece(l, p, s->data + r - p) < 0) goto fail;
            p = s->data + r + sep->len;
            maxsplit--;
        }
        if (append_piece(l, p, e - p) < 0) goto fail;
    }
    return val_from_obj(l);
fail:
    obj_decref(l);
    return VAL_ERROR;
}

static int reverse_list(List *l)
{
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return 0;
}

static Value m_rsplit(Value *args, int nargs, Tuple *kwnames)
{
    Value sepv;
    int64_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sepv, &maxsplit) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    const char *b = s->data, *q = s->data + s->len, *e = q;
    if (sepv == VAL_NONE) {
        for (;;) {
            int n;
            while (q > b && (n = space_before(b, q, e)) > 0) q -= n;
            if (q <= b) break;
            if (maxsplit == 0) {
                if (append_piece(l, b, q - b) < 0) goto fail;
                break;
            }
            const char *p = q;
            while (p > b && space_before(b, p, e) == 0) {
                p--;
                while (p > b && ((unsigned char)*p & 0xc0) == 0x80) p--;
            }
            if (append_piece(l, p, q - p) < 0) goto fail;
            maxsplit--;
            q = p;
        }
    } else {
        Str *sep = S(sepv);
        while (maxsplit > 0) {
            int64_t r = search(s->data, 0, q - b, sep->data, sep->len, true);
            if (r < 0) break;
            if (append_piece(l, b + r + sep->len, q - (b + r + sep->len)) < 0) goto fail;
            q = b + r;
            maxsplit--;
        }
        if (append_piece(l, b, q - b) < 0) goto fail;
    }
    reverse_list(l);
    return val_from_obj(l);
fail:
    obj_decref(l);
    return VAL_ERROR;
}

static Value m_splitlines(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    Value a[1];
    if (args_bind("splitlines", args + 1, nargs - 1, kwnames, names, 1, 0, a) < 0) return VAL_ERROR;
    int keep = 0;
    if (a[0] != VAL_UNDEF) {
        if (val_is_float(a[0])) {
            err_set(&exc_TypeError, "'float' object cannot be interpreted as an integer");
            return VAL_ERROR;
        }
        keep = obj_truth(a[0]);
        if (keep < 0) return VAL_ERROR;
    }
    Str *s = S(args[0]);
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    const char *p = s->data, *e = s->data + s->len;
    while (p < e) {
        const char *q = p;
        int eol = 0;
        while (q < e) {
            unsigned char c = (unsigned char)*q;
            if (c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e) { eol = 1; break; }
            if (c == '\r') { eol = (q + 1 < e && q[1] == '\n') ? 2 : 1; break; }
            if (c >= 0x80) {
                int n;
                uint32_t cp = decode(q, e, &n);
                if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) { eol = n; break; }
                q += n;
                continue;
            }
            q++;
        }
        if (append_piece(l, p, (q - p) + (keep ? eol : 0)) < 0) { obj_decref(l); return VAL_ERROR; }
        p = q + eol;
    }
    return val_from_obj(l);
}

static Value partition(Value *args, int nargs, Tuple *kwnames, bool reverse)
{
    const char *name = reverse ? "rpartition" : "partition";
    if (kwnames && kwnames->len) {
        err_format(&exc_TypeError, "str.%s() takes no keyword arguments", name);
        return VAL_ERROR;
    }
    if (nargs != 2) {
        err_format(&exc_TypeError, "str.%s() takes exactly one argument (%d given)", name, nargs - 1);
        return VAL_ERROR;
    }
    if (need_str(args[1]) < 0) return VAL_ERROR;
    Str *s = S(args[0]), *sep = S(args[1]);
    if (sep->len == 0) { err_set(&exc_ValueError, "empty separator"); return VAL_ERROR; }
    int64_t r = search(s->data, 0, s->len, sep->data, sep->len, reverse);
    Value parts[3];
    Str *empty = str_intern("", 0);
    if (!empty) return VAL_ERROR;
    if (r < 0) {
        if (reverse) { parts[0] = str_val(empty); parts[1] = str_val(empty); parts[2] = args[0]; }
        else { parts[0] = args[0]; parts[1] = str_val(empty); parts[2] = str_val(empty); }
        Tuple *t = tuple_from_array(parts, 3);
        obj_decref(empty);
        return t ? val_from_obj(t) : VAL_ERROR;
    }
    obj_decref(empty);
    Value a = str_value(s->data, r), c = str_value(s->data + r + sep->len, s->len - r - sep->len);
    if (a == VAL_ERROR || c == VAL_ERROR) { xdecref(a); xdecref(c); return VAL_ERROR; }
    Tuple *t = tuple_new(3);
    if (!t) { decref(a); decref(c); return VAL_ERROR; }
    t->items[0] = a;
    t->items[1] = new_ref(args[1]);
    t->items[2] = c;
    return val_from_obj(t);
}

static Value m_partition(Value *a, int n, Tuple *k) { return partition(a, n, k, false); }
static Value m_rpartition(Value *a, int n, Tuple *k) { return partition(a, n, k, true); }

/* ---- strip / replace ---- */

static bool in_chars(Str *chars, const char *p, const char *e, int *n)
{
    if (!chars) {
        *n = space_at(p, e);
        if (*n) return true;
        *n = ulen((unsigned char)*p);
        return false;
    }
    uint32_t c = decode(p, e, n);
    const char *q = chars->data, *qe = chars->data + chars->len;
    while (q < qe) {
        int m;
        if (decode(q, qe, &m) == c) return true;
        q += m;
    }
    return false;
}

static Value strip(const char *name, Value *args, int nargs, Tuple *kwnames, bool left, bool right)
{
    if (clinic_args(name, nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    Str *s = S(args[0]), *chars = NULL;
    if (nargs == 2 && args[1] != VAL_NONE) {
        if (!val_is_str(args[1])) {
            err_format(&exc_TypeError, "%s arg must be None or str", name);
            return VAL_ERROR;
        }
        chars = S(args[1]);
    }
    const char *b = s->data, *e = s->data + s->len, *p = b, *q = e;
    int n;
    if (left)
        while (p < q && in_chars(chars, p, e, &n)) p += n;
    if (right) {
        while (q > p) {
            const char *c = q - 1;
            while (c > p && ((unsigned char)*c & 0xc0) == 0x80) c--;
            if (!in_chars(chars, c, e, &n)) break;
            q = c;
        }
    }
    if (p == b && q == e) return new_ref(args[0]);
    return str_value(p, q - p);
}

static Value m_strip(Value *a, int n, Tuple *k) { return strip("strip", a, n, k, true, true); }
static Value m_lstrip(Value *a, int n, Tuple *k) { return strip("lstrip", a, n, k, true, false); }
static Value m_rstrip(Value *a, int n, Tuple *k) { return strip("rstrip", a, n, k, false, true); }

static Value m_replace(Value *args, int nargs, Tuple *kwnames)
{
    if (clinic_args("replace", nargs, kwnames, 2, 3) < 0) return VAL_ERROR;
    for (int i = 1; i <= 2; i++)
        if (!val_is_str(args[i])) {
            err_format(&exc_TypeError, "replace() argument %d must be str, not %s", i, val_type_name(args[i]));
            return VAL_ERROR;
        }
    int64_t count = -1;
    if (nargs == 4 && index_arg(args[3], &count) < 0) return VAL_ERROR;
    if (count < 0) count = INT64_MAX;
    Str *s = S(args[0]), *old = S(args[1]), *rep = S(args[2]);
    StrBuf b;
    sb_init(&b);
    const char *p = s->data, *e = s->data + s->len;
    if (old->len == 0) {
        int64_t done = 0;
        while (done < count) {
            sb_putn(&b, rep->data, rep->len);
            done++;
            if (p >= e) break;
            int n = ulen((unsigned char)*p);
            sb_putn(&b, p, n);
            p += n;
        }
        sb_putn(&b, p, e - p);
        return sb_finish(&b);
    }
    int64_t done = 0;
    while (done < count) {
        int64_t r = search(s->data, p - s->data, s->len, old->data, old->len, false);
        if (r < 0) break;
        if (done == 0 && b.len == 0 && r < 0) break;
        sb_putn(&b, p, s->data + r - p);
        sb_putn(&b, rep->data, rep->len);
        p = s->data + r + old->len;
        done++;
    }
    if (done == 0) {
        sb_free(&b);
        return new_ref(args[0]);
    }
    sb_putn(&b, p, e - p);
    return sb_finish(&b);
}

static Value m_removeprefix(Value *args, int nargs, Tuple *kwnames)
{
    if (clinic_args("removeprefix", nargs, kwnames, 1, 1) < 0) return VAL_ERROR;
    if (!val_is_str(args[1])) {
        err_format(&exc_TypeError, "removeprefix() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *s = S(args[0]), *p = S(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data, p->data, (size_t)p->len) == 0)
        return str_value(s->data + p->len, s->len - p->len);
    return new_ref(args[0]);
}

static Value m_removesuffix(Value *args, int nargs, Tuple *kwnames)
{
    if (clinic_args("removesuffix", nargs, kwnames, 1, 1) < 0) return VAL_ERROR;
    if (!val_is_str(args[1])) {
        err_format(&exc_TypeError, "removesuffix() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *s = S(args[0]), *p = S(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data + s->len - p->len, p->data, (size_t)p->len) == 0)
        return str_value(s->data, s->len - p->len);
    return new_ref(args[0]);
}

/* ---- case ---- */

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static Value map_case(const char *name, Value *args, int nargs, Tuple *kwnames, int mode)
{
    if (no_args(name, nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    StrBuf b;
    sb_init(&b);
    const char *p = s->data, *e = s->data + s->len;
    bool prev_cased = false, first = true;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n), r;
        p += n;
        switch (mode) {
        case CASE_UPPER: r = cp_upper(c); break;
        case CASE_LOWER: r = cp_lower(c); break;
        case CASE_SWAP: r = cp_isupper(c) ? cp_lower(c) : cp_islower(c) ? cp_upper(c) : c; break;
        case CASE_TITLE:
            r = prev_cased ? cp_lower(c) : cp_upper(c);
            prev_cased = cp_iscased(c);
            break;
        default:
            r = first ? cp_upper(c) : cp_lower(c);
            break;
        }
        first = false;
        if (r < 0x80) sb_putc(&b, (char)r);
        else put_cp(&b, r);
    }
    return sb_finish(&b);
}

static Value m_upper(Value *a, int n, Tuple *k) { return map_case("upper", a, n, k, CASE_UPPER); }
static Value m_lower(Value *a, int n, Tuple *k) { return map_case("lower", a, n, k, CASE_LOWER); }
static Value m_casefold(Value *a, int n, Tuple *k) { return map_case("casefold", a, n, k, CASE_LOWER); }
static Value m_swapcase(Value *a, int n, Tuple *k) { return map_case("swapcase", a, n, k, CASE_SWAP); }
static Value m_title(Value *a, int n, Tuple *k) { return map_case("title", a, n, k, CASE_TITLE); }
static Value m_capitalize(Value *a, int n, Tuple *k) { return map_case("capitalize", a, n, k, CASE_CAPITALIZE); }

/* ---- classification ---- */

static Value classify(const char *name, Value *args, int nargs, Tuple *kwnames, bool (*pred)(uint32_t))
{
    if (no_args(name, nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    if (s->len == 0) return VAL_FALSE;
    const char *p = s->data, *e = s->data + s->len;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n);
        if (!pred(c)) return VAL_FALSE;
        p += n;
    }
    return VAL_TRUE;
}

static bool cp_isdecimal(uint32_t c) { return cp_isdigit(c) && c != 0xb2 && c != 0xb3 && c != 0xb9 && !(c >= 0x2070 && c <= 0x2079); }

static Value m_isdigit(Value *a, int n, Tuple *k) { return classify("isdigit", a, n, k, cp_isdigit); }
static Value m_isdecimal(Value *a, int n, Tuple *k) { return classify("isdecimal", a, n, k, cp_isdecimal); }
static Value m_isnumeric(Value *a, int n, Tuple *k) { return classify("isnumeric", a, n, k, cp_isdigit); }
static Value m_isalpha(Value *a, int n, Tuple *k) { return classify("isalpha", a, n, k, cp_isalpha); }
static Value m_isspace(Value *a, int n, Tuple *k) { return classify("isspace", a, n, k, cp_isspace); }
static Value m_isalnum(Value *a, int n, Tuple *k) { return classify("isalnum", a, n, k, cp_isalnum); }

static Value m_isascii(Value *args, int nargs, Tuple *kwnames)
{
    if (no_args("isascii", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_bool(S(args[0])->ascii);
}

static Value m_isprintable(Value *args, int nargs, Tuple *kwnames)
{
    if (no_args("isprintable", nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    const char *p = s->data, *e = s->data + s->len;
    while (p < e) {
        int n;
        if (!str_cp_printable(decode(p, e, &n))) return VAL_FALSE;
        p += n;
    }
    return VAL_TRUE;
}

/* isupper/islower: at least one cased character, none of the other case. */
static Value case_check(const char *name, Value *args, int nargs, Tuple *kwnames, bool upper)
{
    if (no_args(name, nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    const char *p = s->data, *e = s->data + s->len;
    bool cased = false;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n);
        p += n;
        if (upper ? cp_islower(c) : cp_isupper(c)) return VAL_FALSE;
        if (upper ? cp_isupper(c) : cp_islower(c)) cased = true;
    }
    return val_from_bool(cased);
}

static Value m_isupper(Value *a, int n, Tuple *k) { return case_check("isupper", a, n, k, true); }
static Value m_islower(Value *a, int n, Tuple *k) { return case_check("islower", a, n, k, false); }

static Value m_istitle(Value *args, int nargs, Tuple *kwnames)
{
    if (no_args("istitle", nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    const char *p = s->data, *e = s->data + s->len;
    bool cased = false, prev_cased = false;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n);
        p += n;
        if (cp_isupper(c)) {
            if (prev_cased) return VAL_FALSE;
            prev_cased = cased = true;
        } else if (cp_islower(c)) {
            if (!prev_cased) return VAL_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return val_from_bool(cased);
}

static Value m_isidentifier(Value *args, int nargs, Tuple *kwnames)
{
    if (no_args("isidentifier", nargs, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    if (s->len == 0) return VAL_FALSE;
    const char *p = s->data, *e = s->data + s->len;
    bool first = true;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n);
        p += n;
        bool ok = c == '_' || cp_isalpha(c) || (!first && (cp_isalnum(c) || c >= 0x80));
        if (!ok && !(c >= 0x80 && !first)) return VAL_FALSE;
        first = false;
    }
    return VAL_TRUE;
}

/* ---- padding ---- */

static int width_arg(Value v, int64_t *w)
{
    if (index_arg(v, w) < 0) return -1;
    return 0;
}

static int fill_arg(const char *name, Value v, const char **fill, int *filllen)
{
    (void)name;
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "The fill character must be a unicode character, not %s", val_type_name(v));
        return -1;
    }
    if (S(v)->nchars != 1) {
        err_set(&exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fill = S(v)->data;
    *filllen = (int)S(v)->len;
    return 0;
}

static void put_fill(StrBuf *b, const char *fill, int n, int64_t count)
{
    for (int64_t i = 0; i < count; i++) sb_putn(b, fill, n);
}

/* 0: ljust, 1: rjust, 2: center */
static Value pad(const char *name, Value *args, int nargs, Tuple *kwnames, int mode)
{
    if (clinic_args(name, nargs, kwnames, 1, 2) < 0) return VAL_ERROR;
    int64_t width;
    if (width_arg(args[1], &width) < 0) return VAL_ERROR;
    const char *fill = " ";
    int filllen = 1;
    if (nargs == 3 && fill_arg(name, args[2], &fill, &filllen) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    if (width <= s->nchars) return new_ref(args[0]);
    int64_t marg = width - s->nchars, left;
    if (mode == 0) left = 0;
    else if (mode == 1) left = marg;
    else left = marg / 2 + (marg & width & 1);
    if (marg > ((int64_t)1 << 40)) { err_no_memory(); return VAL_ERROR; }
    StrBuf b;
    sb_init(&b);
    put_fill(&b, fill, filllen, left);
    sb_putn(&b, s->data, s->len);
    put_fill(&b, fill, filllen, marg - left);
    return sb_finish(&b);
}

static Value m_ljust(Value *a, int n, Tuple *k) { return pad("ljust", a, n, k, 0); }
static Value m_rjust(Value *a, int n, Tuple *k) { return pad("rjust", a, n, k, 1); }
static Value m_center(Value *a, int n, Tuple *k) { return pad("center", a, n, k, 2); }

static Value m_zfill(Value *args, int nargs, Tuple *kwnames)
{
    if (kwnames && kwnames->len) { err_set(&exc_TypeError, "str.zfill() takes no keyword arguments"); return VAL_ERROR; }
    if (nargs != 2) {
        err_format(&exc_TypeError, "str.zfill() takes exactly one argument (%d given)", nargs - 1);
        return VAL_ERROR;
    }
    int64_t width;
    if (width_arg(args[1], &width) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    if (width <= s->nchars) return new_ref(args[0]);
    if (width - s->nchars > ((int64_t)1 << 40)) { err_no_memory(); return VAL_ERROR; }
    StrBuf b;
    sb_init(&b);
    const char *p = s->data;
    int64_t n = s->len;
    if (n > 0 && (p[0] == '+' || p[0] == '-')) {
        sb_putc(&b, p[0]);
        p++;
        n--;
    }
    for (int64_t i = 0; i < width - s->nchars; i++) sb_putc(&b, '0');
    sb_putn(&b, p, n);
    return sb_finish(&b);
}

static Value m_expandtabs(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    Value a[1];
    if (args_bind("expandtabs", args + 1, nargs - 1, kwnames, names, 1, 0, a) < 0) return VAL_ERROR;
    int64_t tab = 8;
    if (a[0] != VAL_UNDEF && index_arg(a[0], &tab) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    StrBuf b;
    sb_init(&b);
    int64_t col = 0;
    const char *p = s->data, *e = s->data + s->len;
    while (p < e) {
        unsigned char c = (unsigned char)*p;
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                for (int64_t i = 0; i < n; i++) sb_putc(&b, ' ');
                col += n;
            }
            p++;
        } else if (c == '\n' || c == '\r') {
            sb_putc(&b, (char)c);
            col = 0;
            p++;
        } else {
            int n = ulen(c);
            sb_putn(&b, p, n);
            p += n;
            col++;
        }
    }
    return sb_finish(&b);
}

static Value m_format(Value *args, int nargs, Tuple *kwnames)
{
    return format_str_method(args, nargs, kwnames);
}

const MethodDef str_methods[] = {
    {"join", m_join}, {"split", m_split}, {"rsplit", m_rsplit}, {"splitlines", m_splitlines},
    {"strip", m_strip}, {"lstrip", m_lstrip}, {"rstrip", m_rstrip},
    {"replace", m_replace}, {"find", m_find}, {"rfind", m_rfind}, {"index", m_index},
    {"rindex", m_rindex}, {"count", m_count}, {"startswith", m_startswith}, {"endswith", m_endswith},
    {"upper", m_upper}, {"lower", m_lower}, {"casefold", m_casefold}, {"swapcase", m_swapcase},
    {"title", m_title}, {"capitalize", m_capitalize},
    {"isdigit", m_isdigit}, {"isdecimal", m_isdecimal}, {"isnumeric", m_isnumeric},
    {"isalpha", m_isalpha}, {"isspace", m_isspace}, {"isalnum", m_isalnum}, {"isupper", m_isupper},
    {"islower", m_islower}, {"istitle", m_istitle}, {"isidentifier", m_isidentifier},
    {"isascii", m_isascii}, {"isprintable", m_isprintable},
    {"center", m_center}, {"ljust", m_ljust}, {"rjust", m_rjust}, {"zfill", m_zfill},
    {"expandtabs", m_expandtabs}, {"format", m_format},
    {"partition", m_partition}, {"rpartition", m_rpartition},
    {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix},
    {"encode", bytes_str_encode},
    {NULL, NULL},
};
