/* str_methods.c — the methods of str (split, join, strip, find, replace,
 * case mapping, padding, ...) with CPython's semantics and error texts.
 * Strings are UTF-8: searching works on bytes, and positions are converted
 * to code-point indices only for non-ASCII strings. Classification and the
 * full case mappings (ß -> SS, final sigma, casefold) beyond ASCII use the
 * Unicode tables at the end of this file; simple one-to-one case mappings
 * come from the C.UTF-8 locale.
 */
#define _GNU_SOURCE
#include <string.h>
#include <locale.h>
#include <wctype.h>
#include "core/args.h"
#include "objects/str.h"
#include "objects/subclass.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/format.h"
#include "objects/function.h"
#include "objects/bytes.h"

/* ---- helpers ---- */

/* self (a str: subclass.c unboxes str subclass instances before calling) */
static Str *S(Value v) { return val_as_str(v); }
/* A str argument, or an instance of a str subclass (its text); NULL for
 * anything else. */
static inline Str *SA(Value v) { return val_is_str(v) ? val_as_str(v) : val_str_or_sub(v); }
static inline bool is_str(Value v) { return SA(v) != NULL; }

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

/* Unicode properties and case mappings as CPython 3.11 has them (Unicode
 * 14.0): generated tables at the end of this file. The C library supplies
 * only the simple one-to-one case mappings, which agree with Python's for
 * every code point outside special_cases. */
enum {
    UP_ALPHA = 1, UP_DECIMAL = 2, UP_DIGIT = 4, UP_NUMERIC = 8, UP_UPPER = 16, UP_LOWER = 32,
    UP_TITLE = 64, UP_CASED = 128, UP_CASE_IGNORABLE = 256,
};

typedef struct SpecialCase { uint32_t cp; const char *lower, *upper, *title, *fold; } SpecialCase;

#define UPROP_RUNS 3489
#define SPECIAL_CASES 356
static const uint32_t uprop_runs[UPROP_RUNS];
static const SpecialCase special_cases[SPECIAL_CASES];

static unsigned uprops(uint32_t c)
{
    size_t lo = 0, hi = UPROP_RUNS;      /* uprop_runs[0] starts at 0 */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((uprop_runs[mid] >> 9) <= c) lo = mid;
        else hi = mid;
    }
    return uprop_runs[lo] & 0x1ff;
}

static const SpecialCase *special_case(uint32_t c)
{
    size_t lo = 0, hi = SPECIAL_CASES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (special_cases[mid].cp < c) lo = mid + 1;
        else if (special_cases[mid].cp > c) hi = mid;
        else return &special_cases[mid];
    }
    return NULL;
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
    return uprops(c) & UP_UPPER;
}

static bool cp_islower(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return uprops(c) & UP_LOWER;
}

static bool cp_istitle(uint32_t c) { return c >= 0x80 && (uprops(c) & UP_TITLE); }

static bool cp_iscased(uint32_t c)
{
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return uprops(c) & UP_CASED;
}

static bool cp_isalpha(uint32_t c)
{
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return uprops(c) & UP_ALPHA;
}

static bool cp_isdecimal(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return uprops(c) & UP_DECIMAL;
}

static bool cp_isdigit(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return uprops(c) & UP_DIGIT;
}

static bool cp_isnumeric(uint32_t c)
{
    if (c < 0x80) return c >= '0' && c <= '9';
    return uprops(c) & UP_NUMERIC;
}

static bool cp_isspace(uint32_t c)
{
    if (c < 0x80) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
        || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* str.isalnum(): isalpha, isdecimal, isdigit or isnumeric (the last covers the others). */
static bool cp_isalnum(uint32_t c)
{
    if (c < 0x80) return cp_isalpha(c) || cp_isdigit(c);
    return uprops(c) & (UP_ALPHA | UP_NUMERIC);
}

static int need_str(Value v)
{
    if (is_str(v)) return 0;
    err_format(&exc_TypeError, "must be str, not %s", val_type_name(v));
    return -1;
}

static int index_arg(Value v, int64_t *out)
{
    if (!val_is_intlike(v) && !val_has_index(v)) {
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
        if (!val_is_intlike(args[i]) && !val_has_index(args[i])) {
            err_set(&exc_TypeError, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        Value iv = int_index(args[i]);
        if (iv == VAL_ERROR) return -1;
        int64_t v = val_to_i64(iv);
        decref(iv);
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
    if (args_takes("str", name, nargs - 1, kwnames, 1, 3) < 0) return -2;
    Str *s = S(args[0]);
    if (need_str(args[1]) < 0) return -2;
    Str *sub = SA(args[1]);
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
    if (args_takes("str", "count", nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    if (need_str(args[1]) < 0) return VAL_ERROR;
    Str *sub = SA(args[1]);
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
    if (args_takes("str", name, nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    Value pre = args[1];
    int64_t start, end;
    Value *items = &pre;
    int64_t nitems = 1;
    if (val_is_tuple(pre)) {
        items = val_as_tuple(pre)->items;
        nitems = val_as_tuple(pre)->len;
        for (int64_t i = 0; i < nitems; i++)
            if (!is_str(items[i])) {
                err_format(&exc_TypeError, "tuple for %s must only contain str, not %s", name, val_type_name(items[i]));
                return VAL_ERROR;
            }
    } else if (!is_str(pre)) {
        err_format(&exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name, val_type_name(pre));
        return VAL_ERROR;
    }
    if (slice_args(s, args, nargs, 2, &start, &end) < 0) return VAL_ERROR;
    int64_t bs = cp_to_byte(s, start), be = cp_to_byte(s, end);
    for (int64_t i = 0; i < nitems; i++) {
        Str *p = SA(items[i]);
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
    if (args_one("str", "join", nargs - 1, kwnames) < 0) return VAL_ERROR;
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
    bool exact = true;           /* no str subclass instance among the items */
    for (int64_t i = 0; i < n; i++) {
        Str *it = SA(items[i]);
        if (!it) {
            err_format(&exc_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                       val_type_name(items[i]));
            if (owned != VAL_UNDEF) decref(owned);
            return VAL_ERROR;
        }
        exact &= val_as_obj(items[i]) == (Obj *)it;
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
        Str *it = exact ? val_as_str(items[i]) : SA(items[i]);
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
    if (*sep != VAL_NONE) {
        Str *sp = SA(*sep);
        if (!sp) {
            err_format(&exc_TypeError, "must be str or None, not %s", val_type_name(*sep));
            return -1;
        }
        *sep = str_val(sp);      /* a str subclass's text (borrowed: the instance holds it) */
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
    if (a[0] != VAL_UNDEF) {     /* keepends is an int argument: splitlines("x") is a TypeError */
        int64_t k;
        if (val_index(a[0], &k) < 0) return VAL_ERROR;
        keep = k != 0;
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
    if (args_one("str", name, nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (need_str(args[1]) < 0) return VAL_ERROR;
    Str *s = S(args[0]), *sep = SA(args[1]);
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
    if (args_range("str", name, nargs - 1, kwnames, 0, 1) < 0) return VAL_ERROR;
    Str *s = S(args[0]), *chars = NULL;
    if (nargs == 2 && args[1] != VAL_NONE) {
        if (!is_str(args[1])) {
            err_format(&exc_TypeError, "%s arg must be None or str", name);
            return VAL_ERROR;
        }
        chars = SA(args[1]);
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
    if (args_range("str", "replace", nargs - 1, kwnames, 2, 3) < 0) return VAL_ERROR;
    for (int i = 1; i <= 2; i++)
        if (!is_str(args[i])) {
            err_format(&exc_TypeError, "replace() argument %d must be str, not %s", i, val_type_name(args[i]));
            return VAL_ERROR;
        }
    int64_t count = -1;
    if (nargs == 4 && index_arg(args[3], &count) < 0) return VAL_ERROR;
    if (count < 0) count = INT64_MAX;
    Str *s = S(args[0]), *old = SA(args[1]), *rep = SA(args[2]);
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
    if (args_one("str", "removeprefix", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (!is_str(args[1])) {
        err_format(&exc_TypeError, "removeprefix() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *s = S(args[0]), *p = SA(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data, p->data, (size_t)p->len) == 0)
        return str_value(s->data + p->len, s->len - p->len);
    return new_ref(args[0]);
}

static Value m_removesuffix(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("str", "removesuffix", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (!is_str(args[1])) {
        err_format(&exc_TypeError, "removesuffix() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *s = S(args[0]), *p = SA(args[1]);
    if (p->len && p->len <= s->len && memcmp(s->data + s->len - p->len, p->data, (size_t)p->len) == 0)
        return str_value(s->data, s->len - p->len);
    return new_ref(args[0]);
}

/* ---- case ---- */

enum { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };
enum { MAP_NONE, MAP_UPPER, MAP_LOWER, MAP_TITLE, MAP_FOLD };

/* Σ at p (q just after it) lowers to the final ς when a cased letter precedes
 * it and none follows, case-ignorable characters skipped on both sides
 * (CPython's handle_capital_sigma). */
static uint32_t lower_sigma(const char *start, const char *p, const char *q, const char *e)
{
    uint32_t c = 0;
    bool found = false;
    int n;
    while (p > start) {
        const char *t = p - 1;
        while (t > start && ((unsigned char)*t & 0xc0) == 0x80) t--;
        c = decode(t, e, &n);
        p = t;
        if (!(uprops(c) & UP_CASE_IGNORABLE)) { found = true; break; }
    }
    bool final = found && cp_iscased(c);
    if (final) {
        while (q < e) {
            c = decode(q, e, &n);
            if (!(uprops(c) & UP_CASE_IGNORABLE)) break;
            q += n;
        }
        final = q == e || !cp_iscased(c);
    }
    return final ? 0x3c2 : 0x3c3;
}

/* Append the full case mapping `map` of c, the character at [p, q) of [start, e). */
static void put_mapped(StrBuf *b, uint32_t c, int map, const char *start, const char *p, const char *q, const char *e)
{
    if (c < 0x80) {
        if ((map == MAP_UPPER || map == MAP_TITLE) && c >= 'a' && c <= 'z') c -= 32;
        else if ((map == MAP_LOWER || map == MAP_FOLD) && c >= 'A' && c <= 'Z') c += 32;
        sb_putc(b, (char)c);
        return;
    }
    if (map == MAP_NONE) { put_cp(b, c); return; }
    if (map == MAP_LOWER && c == 0x3a3) { put_cp(b, lower_sigma(start, p, q, e)); return; }
    const SpecialCase *sc = special_case(c);
    if (sc) {
        const char *m = NULL;
        switch (map) {
        case MAP_UPPER: m = sc->upper; break;
        case MAP_LOWER: m = sc->lower; break;
        case MAP_TITLE: m = sc->title ? sc->title : sc->upper; break;
        default:        m = sc->fold ? sc->fold : sc->lower; break;
        }
        if (m) { sb_puts(b, m); return; }
    }
    put_cp(b, map == MAP_UPPER || map == MAP_TITLE ? cp_upper(c) : cp_lower(c));
}

static Value map_case(const char *name, Value *args, int nargs, Tuple *kwnames, int mode)
{
    if (args_none("str", name, nargs - 1, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    StrBuf b;
    sb_init(&b);
    const char *p = s->data, *e = s->data + s->len;
    bool prev_cased = false, first = true;
    while (p < e) {
        int n, map;
        uint32_t c = decode(p, e, &n);
        switch (mode) {
        case CASE_UPPER: map = MAP_UPPER; break;
        case CASE_LOWER: map = MAP_LOWER; break;
        case CASE_FOLD: map = MAP_FOLD; break;
        case CASE_SWAP: map = cp_isupper(c) ? MAP_LOWER : cp_islower(c) ? MAP_UPPER : MAP_NONE; break;
        case CASE_TITLE:
            map = prev_cased ? MAP_LOWER : MAP_TITLE;
            prev_cased = cp_iscased(c);
            break;
        default:
            map = first ? MAP_TITLE : MAP_LOWER;
            break;
        }
        first = false;
        put_mapped(&b, c, map, s->data, p, p + n, e);
        p += n;
    }
    return sb_finish(&b);
}

static Value m_upper(Value *a, int n, Tuple *k) { return map_case("upper", a, n, k, CASE_UPPER); }
static Value m_lower(Value *a, int n, Tuple *k) { return map_case("lower", a, n, k, CASE_LOWER); }
static Value m_casefold(Value *a, int n, Tuple *k) { return map_case("casefold", a, n, k, CASE_FOLD); }
static Value m_swapcase(Value *a, int n, Tuple *k) { return map_case("swapcase", a, n, k, CASE_SWAP); }
static Value m_title(Value *a, int n, Tuple *k) { return map_case("title", a, n, k, CASE_TITLE); }
static Value m_capitalize(Value *a, int n, Tuple *k) { return map_case("capitalize", a, n, k, CASE_CAPITALIZE); }

/* ---- classification ---- */

static Value classify(const char *name, Value *args, int nargs, Tuple *kwnames, bool (*pred)(uint32_t))
{
    if (args_none("str", name, nargs - 1, kwnames) < 0) return VAL_ERROR;
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

static Value m_isdigit(Value *a, int n, Tuple *k) { return classify("isdigit", a, n, k, cp_isdigit); }
static Value m_isdecimal(Value *a, int n, Tuple *k) { return classify("isdecimal", a, n, k, cp_isdecimal); }
static Value m_isnumeric(Value *a, int n, Tuple *k) { return classify("isnumeric", a, n, k, cp_isnumeric); }
static Value m_isalpha(Value *a, int n, Tuple *k) { return classify("isalpha", a, n, k, cp_isalpha); }
static Value m_isspace(Value *a, int n, Tuple *k) { return classify("isspace", a, n, k, cp_isspace); }
static Value m_isalnum(Value *a, int n, Tuple *k) { return classify("isalnum", a, n, k, cp_isalnum); }

static Value m_isascii(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("str", "isascii", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return val_from_bool(S(args[0])->ascii);
}

static Value m_isprintable(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("str", "isprintable", nargs - 1, kwnames) < 0) return VAL_ERROR;
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
    if (args_none("str", name, nargs - 1, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    const char *p = s->data, *e = s->data + s->len;
    bool cased = false;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n);
        p += n;
        if ((upper ? cp_islower(c) : cp_isupper(c)) || cp_istitle(c)) return VAL_FALSE;
        if (upper ? cp_isupper(c) : cp_islower(c)) cased = true;
    }
    return val_from_bool(cased);
}

static Value m_isupper(Value *a, int n, Tuple *k) { return case_check("isupper", a, n, k, true); }
static Value m_islower(Value *a, int n, Tuple *k) { return case_check("islower", a, n, k, false); }

static Value m_istitle(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("str", "istitle", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Str *s = S(args[0]);
    const char *p = s->data, *e = s->data + s->len;
    bool cased = false, prev_cased = false;
    while (p < e) {
        int n;
        uint32_t c = decode(p, e, &n);
        p += n;
        if (cp_isupper(c) || cp_istitle(c)) {
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
    if (args_none("str", "isidentifier", nargs - 1, kwnames) < 0) return VAL_ERROR;
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
    if (!is_str(v)) {
        err_format(&exc_TypeError, "The fill character must be a unicode character, not %s", val_type_name(v));
        return -1;
    }
    if (SA(v)->nchars != 1) {
        err_set(&exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fill = SA(v)->data;
    *filllen = (int)SA(v)->len;
    return 0;
}

static void put_fill(StrBuf *b, const char *fill, int n, int64_t count)
{
    for (int64_t i = 0; i < count; i++) sb_putn(b, fill, n);
}

/* 0: ljust, 1: rjust, 2: center */
static Value pad(const char *name, Value *args, int nargs, Tuple *kwnames, int mode)
{
    if (args_range("str", name, nargs - 1, kwnames, 1, 2) < 0) return VAL_ERROR;
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
    if (args_one("str", "zfill", nargs - 1, kwnames) < 0) return VAL_ERROR;
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
    {"__format__", format_dunder},
    {NULL, NULL},
};

/* ---- Unicode tables ----
 * Generated with python3.11 (Unicode 14.0, what CPython 3.11 answers) by a
 * script that, for every code point c, sets UP_ALPHA/DECIMAL/DIGIT/NUMERIC
 * from chr(c).isalpha()/isdecimal()/isdigit()/isnumeric(), UP_UPPER and
 * UP_LOWER from isupper()/islower(), UP_TITLE from istitle() and not
 * isupper(), UP_CASED as their union, and UP_CASE_IGNORABLE from how
 * 'A\u03a3' + chr(c) (+ 'B') lowers (final sigma skips exactly the
 * case-ignorable characters); then run-length encodes the flags. special_cases
 * lists every c whose lower()/upper()/title() is longer than one character,
 * whose title() differs from upper() or whose casefold() differs from lower();
 * the simple mappings of every other code point were checked to agree with
 * towlower/towupper of glibc's C.UTF-8. */

/* Generated from python3.11's unicodedata (Unicode 14.0.0): code point c has the
 * UP_* flags of the last entry whose start (entry >> 9) is <= c. */
static const uint32_t uprop_runs[UPROP_RUNS] = {
    0x0, 0x4f00, 0x5000, 0x5d00, 0x5e00, 0x600e, 0x7500, 0x7600, 0x8291, 0xb600, 0xbd00, 0xbe00, 0xc100,
    0xc2a1, 0xf600, 0x15100, 0x15200, 0x154a1, 0x15600, 0x15b00, 0x15c00, 0x15f00, 0x16000, 0x1640c, 0x16900,
    0x16aa1, 0x16c00, 0x16f00, 0x1720c, 0x174a1, 0x17600, 0x17808, 0x17e00, 0x18091, 0x1ae00, 0x1b091,
    0x1bea1, 0x1ee00, 0x1f0a1, 0x20091, 0x202a1, 0x20491, 0x206a1, 0x20891, 0x20aa1, 0x20c91, 0x20ea1,
    0x21091, 0x212a1, 0x21491, 0x216a1, 0x21891, 0x21aa1, 0x21c91, 0x21ea1, 0x22091, 0x222a1, 0x22491,
    0x226a1, 0x22891, 0x22aa1, 0x22c91, 0x22ea1, 0x23091, 0x232a1, 0x23491, 0x236a1, 0x23891, 0x23aa1,
    0x23c91, 0x23ea1, 0x24091, 0x242a1, 0x24491, 0x246a1, 0x24891, 0x24aa1, 0x24c91, 0x24ea1, 0x25091,
    0x252a1, 0x25491, 0x256a1, 0x25891, 0x25aa1, 0x25c91, 0x25ea1, 0x26091, 0x262a1, 0x26491, 0x266a1,
    0x26891, 0x26aa1, 0x26c91, 0x26ea1, 0x27291, 0x274a1, 0x27691, 0x278a1, 0x27a91, 0x27ca1, 0x27e91,
    0x280a1, 0x28291, 0x284a1, 0x28691, 0x288a1, 0x28a91, 0x28ca1, 0x28e91, 0x290a1, 0x29491, 0x296a1,
    0x29891, 0x29aa1, 0x29c91, 0x29ea1, 0x2a091, 0x2a2a1, 0x2a491, 0x2a6a1, 0x2a891, 0x2aaa1, 0x2ac91,
    0x2aea1, 0x2b091, 0x2b2a1, 0x2b491, 0x2b6a1, 0x2b891, 0x2baa1, 0x2bc91, 0x2bea1, 0x2c091, 0x2c2a1,
    0x2c491, 0x2c6a1, 0x2c891, 0x2caa1, 0x2cc91, 0x2cea1, 0x2d091, 0x2d2a1, 0x2d491, 0x2d6a1, 0x2d891,
    0x2daa1, 0x2dc91, 0x2dea1, 0x2e091, 0x2e2a1, 0x2e491, 0x2e6a1, 0x2e891, 0x2eaa1, 0x2ec91, 0x2eea1,
    0x2f091, 0x2f4a1, 0x2f691, 0x2f8a1, 0x2fa91, 0x2fca1, 0x30291, 0x306a1, 0x30891, 0x30aa1, 0x30c91,
    0x310a1, 0x31291, 0x318a1, 0x31c91, 0x324a1, 0x32691, 0x32aa1, 0x32c91, 0x332a1, 0x33891, 0x33ca1,
    0x33e91, 0x342a1, 0x34491, 0x346a1, 0x34891, 0x34aa1, 0x34c91, 0x350a1, 0x35291, 0x354a1, 0x35891,
    0x35aa1, 0x35c91, 0x360a1, 0x36291, 0x368a1, 0x36a91, 0x36ca1, 0x36e91, 0x372a1, 0x37601, 0x37891,
    0x37aa1, 0x38001, 0x38891, 0x38ac1, 0x38ca1, 0x38e91, 0x390c1, 0x392a1, 0x39491, 0x396c1, 0x398a1,
    0x39a91, 0x39ca1, 0x39e91, 0x3a0a1, 0x3a291, 0x3a4a1, 0x3a691, 0x3a8a1, 0x3aa91, 0x3aca1, 0x3ae91,
    0x3b0a1, 0x3b291, 0x3b4a1, 0x3b691, 0x3b8a1, 0x3bc91, 0x3bea1, 0x3c091, 0x3c2a1, 0x3c491, 0x3c6a1,
    0x3c891, 0x3caa1, 0x3cc91, 0x3cea1, 0x3d091, 0x3d2a1, 0x3d491, 0x3d6a1, 0x3d891, 0x3daa1, 0x3dc91,
    0x3dea1, 0x3e291, 0x3e4c1, 0x3e6a1, 0x3e891, 0x3eaa1, 0x3ec91, 0x3f2a1, 0x3f491, 0x3f6a1, 0x3f891,
    0x3faa1, 0x3fc91, 0x3fea1, 0x40091, 0x402a1, 0x40491, 0x406a1, 0x40891, 0x40aa1, 0x40c91, 0x40ea1,
    0x41091, 0x412a1, 0x41491, 0x416a1, 0x41891, 0x41aa1, 0x41c91, 0x41ea1, 0x42091, 0x422a1, 0x42491,
    0x426a1, 0x42891, 0x42aa1, 0x42c91, 0x42ea1, 0x43091, 0x432a1, 0x43491, 0x436a1, 0x43891, 0x43aa1,
    0x43c91, 0x43ea1, 0x44091, 0x442a1, 0x44491, 0x446a1, 0x44891, 0x44aa1, 0x44c91, 0x44ea1, 0x45091,
    0x452a1, 0x45491, 0x456a1, 0x45891, 0x45aa1, 0x45c91, 0x45ea1, 0x46091, 0x462a1, 0x46491, 0x466a1,
    0x47491, 0x478a1, 0x47a91, 0x47ea1, 0x48291, 0x484a1, 0x48691, 0x48ea1, 0x49091, 0x492a1, 0x49491,
    0x496a1, 0x49891, 0x49aa1, 0x49c91, 0x49ea1, 0x52801, 0x52aa1, 0x561a1, 0x57301, 0x581a1, 0x58500,
    0x58d01, 0x5a500, 0x5c1a1, 0x5cb00, 0x5d901, 0x5db00, 0x5dd01, 0x5df00, 0x68ba0, 0x68d00, 0x6e091,
    0x6e2a1, 0x6e491, 0x6e6a1, 0x6e901, 0x6eb00, 0x6ec91, 0x6eea1, 0x6f000, 0x6f5a1, 0x6f6a1, 0x6fc00,
    0x6fe91, 0x70000, 0x70900, 0x70c91, 0x70f00, 0x71091, 0x71600, 0x71891, 0x71a00, 0x71c91, 0x720a1,
    0x72291, 0x74400, 0x74691, 0x758a1, 0x79e91, 0x7a0a1, 0x7a491, 0x7aaa1, 0x7b091, 0x7b2a1, 0x7b491,
    0x7b6a1, 0x7b891, 0x7baa1, 0x7bc91, 0x7bea1, 0x7c091, 0x7c2a1, 0x7c491, 0x7c6a1, 0x7c891, 0x7caa1,
    0x7cc91, 0x7cea1, 0x7d091, 0x7d2a1, 0x7d491, 0x7d6a1, 0x7d891, 0x7daa1, 0x7dc91, 0x7dea1, 0x7e891,
    0x7eaa1, 0x7ec00, 0x7ee91, 0x7f0a1, 0x7f291, 0x7f6a1, 0x7fa91, 0x860a1, 0x8c091, 0x8c2a1, 0x8c491,
    0x8c6a1, 0x8c891, 0x8caa1, 0x8cc91, 0x8cea1, 0x8d091, 0x8d2a1, 0x8d491, 0x8d6a1, 0x8d891, 0x8daa1,
    0x8dc91, 0x8dea1, 0x8e091, 0x8e2a1, 0x8e491, 0x8e6a1, 0x8e891, 0x8eaa1, 0x8ec91, 0x8eea1, 0x8f091,
    0x8f2a1, 0x8f491, 0x8f6a1, 0x8f891, 0x8faa1, 0x8fc91, 0x8fea1, 0x90091, 0x902a1, 0x90400, 0x90700,
    0x91491, 0x916a1, 0x91891, 0x91aa1, 0x91c91, 0x91ea1, 0x92091, 0x922a1, 0x92491, 0x926a1, 0x92891,
    0x92aa1, 0x92c91, 0x92ea1, 0x93091, 0x932a1, 0x93491, 0x936a1, 0x93891, 0x93aa1, 0x93c91, 0x93ea1,
    0x94091, 0x942a1, 0x94491, 0x946a1, 0x94891, 0x94aa1, 0x94c91, 0x94ea1, 0x95091, 0x952a1, 0x95491,
    0x956a1, 0x95891, 0x95aa1, 0x95c91, 0x95ea1, 0x96091, 0x962a1, 0x96491, 0x966a1, 0x96891, 0x96aa1,
    0x96c91, 0x96ea1, 0x97091, 0x972a1, 0x97491, 0x976a1, 0x97891, 0x97aa1, 0x97c91, 0x97ea1, 0x98091,
    0x984a1, 0x98691, 0x988a1, 0x98a91, 0x98ca1, 0x98e91, 0x990a1, 0x99291, 0x994a1, 0x99691, 0x998a1,
    0x99a91, 0x99ca1, 0x9a091, 0x9a2a1, 0x9a491, 0x9a6a1, 0x9a891, 0x9aaa1, 0x9ac91, 0x9aea1, 0x9b091,
    0x9b2a1, 0x9b491, 0x9b6a1, 0x9b891, 0x9baa1, 0x9bc91, 0x9bea1, 0x9c091, 0x9c2a1, 0x9c491, 0x9c6a1,
    0x9c891, 0x9caa1, 0x9cc91, 0x9cea1, 0x9d091, 0x9d2a1, 0x9d491, 0x9d6a1, 0x9d891, 0x9daa1, 0x9dc91,
    0x9dea1, 0x9e091, 0x9e2a1, 0x9e491, 0x9e6a1, 0x9e891, 0x9eaa1, 0x9ec91, 0x9eea1, 0x9f091, 0x9f2a1,
    0x9f491, 0x9f6a1, 0x9f891, 0x9faa1, 0x9fc91, 0x9fea1, 0xa0091, 0xa02a1, 0xa0491, 0xa06a1, 0xa0891,
    0xa0aa1, 0xa0c91, 0xa0ea1, 0xa1091, 0xa12a1, 0xa1491, 0xa16a1, 0xa1891, 0xa1aa1, 0xa1c91, 0xa1ea1,
    0xa2091, 0xa22a1, 0xa2491, 0xa26a1, 0xa2891, 0xa2aa1, 0xa2c91, 0xa2ea1, 0xa3091, 0xa32a1, 0xa3491,
    0xa36a1, 0xa3891, 0xa3aa1, 0xa3c91, 0xa3ea1, 0xa4091, 0xa42a1, 0xa4491, 0xa46a1, 0xa4891, 0xa4aa1,
    0xa4c91, 0xa4ea1, 0xa5091, 0xa52a1, 0xa5491, 0xa56a1, 0xa5891, 0xa5aa1, 0xa5c91, 0xa5ea1, 0xa6000,
    0xa6291, 0xaae00, 0xab301, 0xab400, 0xabf00, 0xac0a1, 0xb1200, 0xb2300, 0xb7c00, 0xb7f00, 0xb8000,
    0xb8300, 0xb8600, 0xb8900, 0xb8c00, 0xb8f00, 0xb9000, 0xba001, 0xbd600, 0xbde01, 0xbe600, 0xbe900,
    0xbea00, 0xc0100, 0xc0c00, 0xc2100, 0xc3600, 0xc3900, 0xc3a00, 0xc4001, 0xc8101, 0xc8201, 0xc9700,
    0xcc00e, 0xcd400, 0xcdc01, 0xce100, 0xce201, 0xda800, 0xdaa01, 0xdad00, 0xdbc00, 0xdbf00, 0xdcb01,
    0xdcf00, 0xdd200, 0xdd500, 0xddc01, 0xde00e, 0xdf401, 0xdfa00, 0xdfe01, 0xe0000, 0xe1f00, 0xe2001,
    0xe2300, 0xe2401, 0xe6100, 0xe9600, 0xe9a01, 0xf4d00, 0xf6201, 0xf6400, 0xf800e, 0xf9401, 0xfd700,
    0xfe901, 0xfec00, 0xff501, 0xff600, 0xffb00, 0xffc00, 0x100001, 0x102d00, 0x103501, 0x103700, 0x104901,
    0x104b00, 0x105101, 0x105300, 0x105c00, 0x108001, 0x10b300, 0x10b800, 0x10c001, 0x10d600, 0x10e001,
    0x111100, 0x111201, 0x111e00, 0x112100, 0x112400, 0x113100, 0x114001, 0x119301, 0x119500, 0x120600,
    0x120801, 0x127500, 0x127600, 0x127900, 0x127a01, 0x127c00, 0x128300, 0x129200, 0x129b00, 0x129c00,
    0x12a001, 0x12a300, 0x12b001, 0x12c500, 0x12c800, 0x12cc0e, 0x12e000, 0x12e301, 0x12e401, 0x130300,
    0x130400, 0x130a01, 0x131a00, 0x131e01, 0x132200, 0x132601, 0x135200, 0x135401, 0x136200, 0x136401,
    0x136600, 0x136c01, 0x137400, 0x137900, 0x137a01, 0x137c00, 0x138300, 0x138a00, 0x139b00, 0x139c01,
    0x139e00, 0x13b801, 0x13bc00, 0x13be01, 0x13c500, 0x13c800, 0x13cc0e, 0x13e001, 0x13e400, 0x13e808,
    0x13f400, 0x13f801, 0x13fa00, 0x13fd00, 0x13fe00, 0x140300, 0x140600, 0x140a01, 0x141600, 0x141e01,
    0x142200, 0x142601, 0x145200, 0x145401, 0x146200, 0x146401, 0x146800, 0x146a01, 0x146e00, 0x147001,
    0x147400, 0x147900, 0x147a00, 0x148300, 0x148600, 0x148f00, 0x149200, 0x149700, 0x149c00, 0x14a300,
    0x14a400, 0x14b201, 0x14ba00, 0x14bc01, 0x14be00, 0x14cc0e, 0x14e100, 0x14e401, 0x14eb00, 0x14ec00,
    0x150300, 0x150600, 0x150a01, 0x151c00, 0x151e01, 0x152400, 0x152601, 0x155200, 0x155401, 0x156200,
    0x156401, 0x156800, 0x156a01, 0x157400, 0x157900, 0x157a01, 0x157c00, 0x158300, 0x158c00, 0x158f00,
    0x159200, 0x159b00, 0x159c00, 0x15a001, 0x15a200, 0x15c001, 0x15c500, 0x15c800, 0x15cc0e, 0x15e000,
    0x15f201, 0x15f500, 0x160000, 0x160300, 0x160400, 0x160a01, 0x161a00, 0x161e01, 0x162200, 0x162601,
    0x165200, 0x165401, 0x166200, 0x166401, 0x166800, 0x166a01, 0x167400, 0x167900, 0x167a01, 0x167c00,
    0x167f00, 0x168000, 0x168300, 0x168a00, 0x169b00, 0x169c00, 0x16ab00, 0x16ae00, 0x16b801, 0x16bc00,
    0x16be01, 0x16c500, 0x16c800, 0x16cc0e, 0x16e000, 0x16e201, 0x16e408, 0x16f000, 0x170500, 0x170601,
    0x170800, 0x170a01, 0x171600, 0x171c01, 0x172200, 0x172401, 0x172c00, 0x173201, 0x173600, 0x173801,
    0x173a00, 0x173c01, 0x174000, 0x174601, 0x174a00, 0x175001, 0x175600, 0x175c01, 0x177400, 0x178100,
    0x178200, 0x179b00, 0x179c00, 0x17a001, 0x17a200, 0x17cc0e, 0x17e008, 0x17e600, 0x180100, 0x180200,
    0x180900, 0x180a01, 0x181a00, 0x181c01, 0x182200, 0x182401, 0x185200, 0x185401, 0x187400, 0x187900,
    0x187a01, 0x187d00, 0x188200, 0x188d00, 0x189200, 0x189500, 0x189c00, 0x18ab00, 0x18ae00, 0x18b001,
    0x18b600, 0x18ba01, 0x18bc00, 0x18c001, 0x18c500, 0x18c800, 0x18cc0e, 0x18e000, 0x18f008, 0x18fe00,
    0x190001, 0x190300, 0x190400, 0x190a01, 0x191a00, 0x191c01, 0x192200, 0x192401, 0x195200, 0x195401,
    0x196800, 0x196a01, 0x197400, 0x197900, 0x197a01, 0x197c00, 0x197f00, 0x198000, 0x198d00, 0x198e00,
    0x199900, 0x199c00, 0x19ba01, 0x19be00, 0x19c001, 0x19c500, 0x19c800, 0x19cc0e, 0x19e000, 0x19e201,
    0x19e600, 0x1a0100, 0x1a0400, 0x1a0801, 0x1a1a00, 0x1a1c01, 0x1a2200, 0x1a2401, 0x1a7700, 0x1a7a01,
    0x1a7c00, 0x1a8300, 0x1a8a00, 0x1a9b00, 0x1a9c01, 0x1a9e00, 0x1aa801, 0x1aae00, 0x1ab008, 0x1abe01,
    0x1ac500, 0x1ac800, 0x1acc0e, 0x1ae008, 0x1af200, 0x1af401, 0x1b0000, 0x1b0300, 0x1b0400, 0x1b0a01,
    0x1b2e00, 0x1b3401, 0x1b6400, 0x1b6601, 0x1b7800, 0x1b7a01, 0x1b7c00, 0x1b8001, 0x1b8e00, 0x1b9500,
    0x1b9600, 0x1ba500, 0x1baa00, 0x1bad00, 0x1bae00, 0x1bcc0e, 0x1be000, 0x1c0201, 0x1c6300, 0x1c6401,
    0x1c6900, 0x1c7600, 0x1c8001, 0x1c8d01, 0x1c8f00, 0x1c9e00, 0x1ca00e, 0x1cb400, 0x1d0201, 0x1d0600,
    0x1d0801, 0x1d0a00, 0x1d0c01, 0x1d1600, 0x1d1801, 0x1d4800, 0x1d4a01, 0x1d4c00, 0x1d4e01, 0x1d6300,
    0x1d6401, 0x1d6900, 0x1d7a01, 0x1d7c00, 0x1d8001, 0x1d8a00, 0x1d8d01, 0x1d8e00, 0x1d9100, 0x1d9c00,
    0x1da00e, 0x1db400, 0x1db801, 0x1dc000, 0x1e0001, 0x1e0200, 0x1e3100, 0x1e3400, 0x1e400e, 0x1e5408,
    0x1e6800, 0x1e6b00, 0x1e6c00, 0x1e6f00, 0x1e7000, 0x1e7300, 0x1e7400, 0x1e8001, 0x1e9000, 0x1e9201,
    0x1eda00, 0x1ee300, 0x1efe00, 0x1f0100, 0x1f0a00, 0x1f0d00, 0x1f1001, 0x1f1b00, 0x1f3000, 0x1f3300,
    0x1f7a00, 0x1f8d00, 0x1f8e00, 0x200001, 0x205600, 0x205b00, 0x206200, 0x206500, 0x207000, 0x207300,
    0x207600, 0x207b00, 0x207e01, 0x20800e, 0x209400, 0x20a001, 0x20ac00, 0x20b100, 0x20b401, 0x20bd00,
    0x20c201, 0x20c400, 0x20ca01, 0x20ce00, 0x20dc01, 0x20e300, 0x20ea01, 0x210500, 0x210600, 0x210b00,
    0x210e00, 0x211b00, 0x211c01, 0x211e00, 0x21200e, 0x213400, 0x213b00, 0x213c00, 0x214091, 0x218c00,
    0x218e91, 0x219000, 0x219a91, 0x219c00, 0x21a0a1, 0x21f600, 0x21f901, 0x21faa1, 0x220001, 0x249200,
    0x249401, 0x249c00, 0x24a001, 0x24ae00, 0x24b001, 0x24b200, 0x24b401, 0x24bc00, 0x24c001, 0x251200,
    0x251401, 0x251c00, 0x252001, 0x256200, 0x256401, 0x256c00, 0x257001, 0x257e00, 0x258001, 0x258200,
    0x258401, 0x258c00, 0x259001, 0x25ae00, 0x25b001, 0x262200, 0x262401, 0x262c00, 0x263001, 0x26b600,
    0x26bb00, 0x26c000, 0x26d20c, 0x26e408, 0x26fa00, 0x270001, 0x272000, 0x274091, 0x27ec00, 0x27f0a1,
    0x27fc00, 0x280201, 0x2cda00, 0x2cde01, 0x2d0000, 0x2d0201, 0x2d3600, 0x2d4001, 0x2dd600, 0x2ddc08,
    0x2de201, 0x2df200, 0x2e0001, 0x2e2500, 0x2e2a00, 0x2e3e01, 0x2e6500, 0x2e6800, 0x2e8001, 0x2ea500,
    0x2ea800, 0x2ec001, 0x2eda00, 0x2edc01, 0x2ee200, 0x2ee500, 0x2ee800, 0x2f0001, 0x2f6900, 0x2f6c00,
    0x2f6f00, 0x2f7c00, 0x2f8d00, 0x2f8e00, 0x2f9300, 0x2fa800, 0x2faf01, 0x2fb000, 0x2fb801, 0x2fbb00,
    0x2fbc00, 0x2fc00e, 0x2fd400, 0x2fe008, 0x2ff400, 0x301700, 0x30200e, 0x303400, 0x304001, 0x308701,
    0x308801, 0x30f200, 0x310001, 0x310b00, 0x310e01, 0x315300, 0x315401, 0x315600, 0x316001, 0x31ec00,
    0x320001, 0x323e00, 0x324100, 0x324600, 0x324f00, 0x325200, 0x326500, 0x326600, 0x327300, 0x327800,
    0x328c0e, 0x32a001, 0x32dc00, 0x32e001, 0x32ea00, 0x330001, 0x335800, 0x336001, 0x339400, 0x33a00e,
    0x33b40c, 0x33b600, 0x340001, 0x342f00, 0x343200, 0x343700, 0x343800, 0x344001, 0x34aa00, 0x34ad00,
    0x34ae00, 0x34b100, 0x34be00, 0x34c100, 0x34c200, 0x34c500, 0x34c600, 0x34cb00, 0x34da00, 0x34e700,
    0x34fa00, 0x34ff00, 0x35000e, 0x351400, 0x35200e, 0x353400, 0x354f01, 0x355000, 0x356100, 0x359e00,
    0x360100, 0x360800, 0x360a01, 0x366900, 0x366a00, 0x366d00, 0x367600, 0x367900, 0x367a00, 0x368500,
    0x368600, 0x368a01, 0x369a00, 0x36a00e, 0x36b400, 0x36d700, 0x36e800, 0x370100, 0x370400, 0x370601,
    0x374200, 0x374500, 0x374c00, 0x375100, 0x375400, 0x375700, 0x375c01, 0x37600e, 0x377401, 0x37cd00,
    0x37ce00, 0x37d100, 0x37d400, 0x37db00, 0x37dc00, 0x37df00, 0x37e400, 0x380001, 0x384800, 0x385900,
    0x386800, 0x386d00, 0x387000, 0x38800e, 0x389400, 0x389a01, 0x38a00e, 0x38b401, 0x38f101, 0x38fc00,
    0x3900a1, 0x391200, 0x392091, 0x397600, 0x397a91, 0x398000, 0x39a100, 0x39a600, 0x39a900, 0x39c200,
    0x39c500, 0x39d201, 0x39db00, 0x39dc01, 0x39e900, 0x39ea01, 0x39ee00, 0x39f100, 0x39f401, 0x39f600,
    0x3a00a1, 0x3a59a1, 0x3ad6a1, 0x3af1a1, 0x3af2a1, 0x3b37a1, 0x3b8100, 0x3c0091, 0x3c02a1, 0x3c0491,
    0x3c06a1, 0x3c0891, 0x3c0aa1, 0x3c0c91, 0x3c0ea1, 0x3c1091, 0x3c12a1, 0x3c1491, 0x3c16a1, 0x3c1891,
    0x3c1aa1, 0x3c1c91, 0x3c1ea1, 0x3c2091, 0x3c22a1, 0x3c2491, 0x3c26a1, 0x3c2891, 0x3c2aa1, 0x3c2c91,
    0x3c2ea1, 0x3c3091, 0x3c32a1, 0x3c3491, 0x3c36a1, 0x3c3891, 0x3c3aa1, 0x3c3c91, 0x3c3ea1, 0x3c4091,
    0x3c42a1, 0x3c4491, 0x3c46a1, 0x3c4891, 0x3c4aa1, 0x3c4c91, 0x3c4ea1, 0x3c5091, 0x3c52a1, 0x3c5491,
    0x3c56a1, 0x3c5891, 0x3c5aa1, 0x3c5c91, 0x3c5ea1, 0x3c6091, 0x3c62a1, 0x3c6491, 0x3c66a1, 0x3c6891,
    0x3c6aa1, 0x3c6c91, 0x3c6ea1, 0x3c7091, 0x3c72a1, 0x3c7491, 0x3c76a1, 0x3c7891, 0x3c7aa1, 0x3c7c91,
    0x3c7ea1, 0x3c8091, 0x3c82a1, 0x3c8491, 0x3c86a1, 0x3c8891, 0x3c8aa1, 0x3c8c91, 0x3c8ea1, 0x3c9091,
    0x3c92a1, 0x3c9491, 0x3c96a1, 0x3c9891, 0x3c9aa1, 0x3c9c91, 0x3c9ea1, 0x3ca091, 0x3ca2a1, 0x3ca491,
    0x3ca6a1, 0x3ca891, 0x3caaa1, 0x3cac91, 0x3caea1, 0x3cb091, 0x3cb2a1, 0x3cb491, 0x3cb6a1, 0x3cb891,
    0x3cbaa1, 0x3cbc91, 0x3cbea1, 0x3cc091, 0x3cc2a1, 0x3cc491, 0x3cc6a1, 0x3cc891, 0x3ccaa1, 0x3ccc91,
    0x3ccea1, 0x3cd091, 0x3cd2a1, 0x3cd491, 0x3cd6a1, 0x3cd891, 0x3cdaa1, 0x3cdc91, 0x3cdea1, 0x3ce091,
    0x3ce2a1, 0x3ce491, 0x3ce6a1, 0x3ce891, 0x3ceaa1, 0x3cec91, 0x3ceea1, 0x3cf091, 0x3cf2a1, 0x3cf491,
    0x3cf6a1, 0x3cf891, 0x3cfaa1, 0x3cfc91, 0x3cfea1, 0x3d0091, 0x3d02a1, 0x3d0491, 0x3d06a1, 0x3d0891,
    0x3d0aa1, 0x3d0c91, 0x3d0ea1, 0x3d1091, 0x3d12a1, 0x3d1491, 0x3d16a1, 0x3d1891, 0x3d1aa1, 0x3d1c91,
    0x3d1ea1, 0x3d2091, 0x3d22a1, 0x3d2491, 0x3d26a1, 0x3d2891, 0x3d2aa1, 0x3d3c91, 0x3d3ea1, 0x3d4091,
    0x3d42a1, 0x3d4491, 0x3d46a1, 0x3d4891, 0x3d4aa1, 0x3d4c91, 0x3d4ea1, 0x3d5091, 0x3d52a1, 0x3d5491,
    0x3d56a1, 0x3d5891, 0x3d5aa1, 0x3d5c91, 0x3d5ea1, 0x3d6091, 0x3d62a1, 0x3d6491, 0x3d66a1, 0x3d6891,
    0x3d6aa1, 0x3d6c91, 0x3d6ea1, 0x3d7091, 0x3d72a1, 0x3d7491, 0x3d76a1, 0x3d7891, 0x3d7aa1, 0x3d7c91,
    0x3d7ea1, 0x3d8091, 0x3d82a1, 0x3d8491, 0x3d86a1, 0x3d8891, 0x3d8aa1, 0x3d8c91, 0x3d8ea1, 0x3d9091,
    0x3d92a1, 0x3d9491, 0x3d96a1, 0x3d9891, 0x3d9aa1, 0x3d9c91, 0x3d9ea1, 0x3da091, 0x3da2a1, 0x3da491,
    0x3da6a1, 0x3da891, 0x3daaa1, 0x3dac91, 0x3daea1, 0x3db091, 0x3db2a1, 0x3db491, 0x3db6a1, 0x3db891,
    0x3dbaa1, 0x3dbc91, 0x3dbea1, 0x3dc091, 0x3dc2a1, 0x3dc491, 0x3dc6a1, 0x3dc891, 0x3dcaa1, 0x3dcc91,
    0x3dcea1, 0x3dd091, 0x3dd2a1, 0x3dd491, 0x3dd6a1, 0x3dd891, 0x3ddaa1, 0x3ddc91, 0x3ddea1, 0x3de091,
    0x3de2a1, 0x3de491, 0x3de6a1, 0x3de891, 0x3deaa1, 0x3dec91, 0x3deea1, 0x3df091, 0x3df2a1, 0x3df491,
    0x3df6a1, 0x3df891, 0x3dfaa1, 0x3dfc91, 0x3dfea1, 0x3e1091, 0x3e20a1, 0x3e2c00, 0x3e3091, 0x3e3c00,
    0x3e40a1, 0x3e5091, 0x3e60a1, 0x3e7091, 0x3e80a1, 0x3e8c00, 0x3e9091, 0x3e9c00, 0x3ea0a1, 0x3eb000,
    0x3eb291, 0x3eb400, 0x3eb691, 0x3eb800, 0x3eba91, 0x3ebc00, 0x3ebe91, 0x3ec0a1, 0x3ed091, 0x3ee0a1,
    0x3efc00, 0x3f00a1, 0x3f10c1, 0x3f20a1, 0x3f30c1, 0x3f40a1, 0x3f50c1, 0x3f60a1, 0x3f6a00, 0x3f6ca1,
    0x3f7091, 0x3f78c1, 0x3f7b00, 0x3f7ca1, 0x3f7f00, 0x3f84a1, 0x3f8a00, 0x3f8ca1, 0x3f9091, 0x3f98c1,
    0x3f9b00, 0x3fa0a1, 0x3fa800, 0x3faca1, 0x3fb091, 0x3fb800, 0x3fbb00, 0x3fc0a1, 0x3fd091, 0x3fdb00,
    0x3fe000, 0x3fe4a1, 0x3fea00, 0x3feca1, 0x3ff091, 0x3ff8c1, 0x3ffb00, 0x3ffe00, 0x401700, 0x402000,
    0x403100, 0x403400, 0x404900, 0x404a00, 0x404f00, 0x405000, 0x405500, 0x405e00, 0x40c100, 0x40ca00,
    0x40cd00, 0x40e00c, 0x40e3a1, 0x40e400, 0x40e80c, 0x40f400, 0x40ffa1, 0x41000c, 0x411400, 0x4121a1,
    0x413a00, 0x41a100, 0x41e200, 0x420491, 0x420600, 0x420e91, 0x421000, 0x4214a1, 0x421691, 0x421ca1,
    0x422091, 0x4226a1, 0x422800, 0x422a91, 0x422c00, 0x423291, 0x423c00, 0x424891, 0x424a00, 0x424c91,
    0x424e00, 0x425091, 0x425200, 0x425491, 0x425c00, 0x425ea1, 0x426091, 0x4268a1, 0x426a01, 0x4272a1,
    0x427400, 0x4278a1, 0x427c91, 0x428000, 0x428a91, 0x428ca1, 0x429400, 0x429ca1, 0x429e00, 0x42a008,
    0x42c098, 0x42e0a8, 0x430008, 0x430691, 0x4308a1, 0x430a08, 0x431400, 0x48c00c, 0x48d208, 0x48e80c,
    0x48fa08, 0x49100c, 0x492208, 0x493800, 0x496c90, 0x49a0a0, 0x49d40c, 0x49d608, 0x49ea0c, 0x49fc08,
    0x49fe0c, 0x4a0000, 0x4eec0c, 0x4efe08, 0x4f000c, 0x4f1208, 0x4f140c, 0x4f2608, 0x4f2800, 0x580091,
    0x5860a1, 0x58c091, 0x58c2a1, 0x58c491, 0x58caa1, 0x58ce91, 0x58d0a1, 0x58d291, 0x58d4a1, 0x58d691,
    0x58d8a1, 0x58da91, 0x58e2a1, 0x58e491, 0x58e6a1, 0x58ea91, 0x58eca1, 0x58f9a1, 0x58fc91, 0x5902a1,
    0x590491, 0x5906a1, 0x590891, 0x590aa1, 0x590c91, 0x590ea1, 0x591091, 0x5912a1, 0x591491, 0x5916a1,
    0x591891, 0x591aa1, 0x591c91, 0x591ea1, 0x592091, 0x5922a1, 0x592491, 0x5926a1, 0x592891, 0x592aa1,
    0x592c91, 0x592ea1, 0x593091, 0x5932a1, 0x593491, 0x5936a1, 0x593891, 0x593aa1, 0x593c91, 0x593ea1,
    0x594091, 0x5942a1, 0x594491, 0x5946a1, 0x594891, 0x594aa1, 0x594c91, 0x594ea1, 0x595091, 0x5952a1,
    0x595491, 0x5956a1, 0x595891, 0x595aa1, 0x595c91, 0x595ea1, 0x596091, 0x5962a1, 0x596491, 0x5966a1,
    0x596891, 0x596aa1, 0x596c91, 0x596ea1, 0x597091, 0x5972a1, 0x597491, 0x5976a1, 0x597891, 0x597aa1,
    0x597c91, 0x597ea1, 0x598091, 0x5982a1, 0x598491, 0x5986a1, 0x598891, 0x598aa1, 0x598c91, 0x598ea1,
    0x599091, 0x5992a1, 0x599491, 0x5996a1, 0x599891, 0x599aa1, 0x599c91, 0x599ea1, 0x59a091, 0x59a2a1,
    0x59a491, 0x59a6a1, 0x59a891, 0x59aaa1, 0x59ac91, 0x59aea1, 0x59b091, 0x59b2a1, 0x59b491, 0x59b6a1,
    0x59b891, 0x59baa1, 0x59bc91, 0x59bea1, 0x59c091, 0x59c2a1, 0x59c491, 0x59c6a1, 0x59ca00, 0x59d691,
    0x59d8a1, 0x59da91, 0x59dca1, 0x59df00, 0x59e491, 0x59e6a1, 0x59e800, 0x59fa08, 0x59fc00, 0x5a00a1,
    0x5a4c00, 0x5a4ea1, 0x5a5000, 0x5a5aa1, 0x5a5c00, 0x5a6001, 0x5ad000, 0x5adf01, 0x5ae000, 0x5aff00,
    0x5b0001, 0x5b2e00, 0x5b4001, 0x5b4e00, 0x5b5001, 0x5b5e00, 0x5b6001, 0x5b6e00, 0x5b7001, 0x5b7e00,
    0x5b8001, 0x5b8e00, 0x5b9001, 0x5b9e00, 0x5ba001, 0x5bae00, 0x5bb001, 0x5bbe00, 0x5bc100, 0x5c0000,
    0x5c5f01, 0x5c6000, 0x600b01, 0x600c01, 0x600e08, 0x601000, 0x604208, 0x605500, 0x605c00, 0x606301,
    0x606c00, 0x607008, 0x607701, 0x607801, 0x607a00, 0x608201, 0x612e00, 0x613300, 0x613b01, 0x613e01,
    0x614000, 0x614201, 0x61f600, 0x61f901, 0x61fe01, 0x620000, 0x620a01, 0x626000, 0x626201, 0x631e00,
    0x632408, 0x632c00, 0x634001, 0x638000, 0x63e001, 0x640000, 0x644008, 0x645400, 0x649008, 0x64a000,
    0x64a208, 0x64c000, 0x650008, 0x651400, 0x656208, 0x658000, 0x680001, 0x680a09, 0x680c01, 0x690609,
    0x690801, 0x705409, 0x705601, 0x769a09, 0x769c01, 0x9b8000, 0x9c0009, 0x9c0201, 0x9c0609, 0x9c0801,
    0x9c0e09, 0x9c1001, 0x9c1209, 0x9c1401, 0x9cba09, 0x9cbc01, 0x9d1809, 0x9d1a01, 0x9d2809, 0x9d2a01,
    0x9d2c09, 0x9d2e01, 0x9d7e09, 0x9d8201, 0x9dbe09, 0x9dc001, 0x9dd009, 0x9dd201, 0x9e1a09, 0x9e1c01,
    0x9ee009, 0x9ee201, 0xa20809, 0xa20a01, 0xa28c09, 0xa28e01, 0xa2d209, 0xa2d401, 0xa2d609, 0xa2d801,
    0xa2da09, 0xa2dc01, 0xa68209, 0xa68401, 0xa68609, 0xa68c01, 0xa69809, 0xa69a01, 0xa78209, 0xa78a01,
    0xadb609, 0xadb801, 0xb1e209, 0xb1e401, 0xb1f209, 0xb1f401, 0xbcf409, 0xbcf601, 0xbdfc09, 0xbe0001,
    0xbe1809, 0xbe1e01, 0xbe2009, 0xbe2201, 0xc5fc09, 0xc5fe01, 0xc69809, 0xc69a01, 0xcfa409, 0xcfa601,
    0xde0c09, 0xde0e01, 0xe72c09, 0xe72e01, 0xecfc09, 0xecfe01, 0x1010c09, 0x1010e01, 0x1085809, 0x1085a01,
    0x1195c09, 0x1195e01, 0x1196609, 0x1196801, 0x11a6009, 0x11a6201, 0x12c4209, 0x12c4401, 0x12c8c09,
    0x12c8e01, 0x12c9809, 0x12c9a01, 0x12cf009, 0x12cf201, 0x12dec09, 0x12dee01, 0x1402b01, 0x1402c01,
    0x1491a00, 0x149a001, 0x149f101, 0x149fc00, 0x14a0001, 0x14c1901, 0x14c1a00, 0x14c2001, 0x14c400e,
    0x14c5401, 0x14c5800, 0x14c8091, 0x14c82a1, 0x14c8491, 0x14c86a1, 0x14c8891, 0x14c8aa1, 0x14c8c91,
    0x14c8ea1, 0x14c9091, 0x14c92a1, 0x14c9491, 0x14c96a1, 0x14c9891, 0x14c9aa1, 0x14c9c91, 0x14c9ea1,
    0x14ca091, 0x14ca2a1, 0x14ca491, 0x14ca6a1, 0x14ca891, 0x14caaa1, 0x14cac91, 0x14caea1, 0x14cb091,
    0x14cb2a1, 0x14cb491, 0x14cb6a1, 0x14cb891, 0x14cbaa1, 0x14cbc91, 0x14cbea1, 0x14cc091, 0x14cc2a1,
    0x14cc491, 0x14cc6a1, 0x14cc891, 0x14ccaa1, 0x14ccc91, 0x14ccea1, 0x14cd091, 0x14cd2a1, 0x14cd491,
    0x14cd6a1, 0x14cd891, 0x14cdaa1, 0x14cdc01, 0x14cdf00, 0x14ce600, 0x14ce900, 0x14cfc00, 0x14cff01,
    0x14d0091, 0x14d02a1, 0x14d0491, 0x14d06a1, 0x14d0891, 0x14d0aa1, 0x14d0c91, 0x14d0ea1, 0x14d1091,
    0x14d12a1, 0x14d1491, 0x14d16a1, 0x14d1891, 0x14d1aa1, 0x14d1c91, 0x14d1ea1, 0x14d2091, 0x14d22a1,
    0x14d2491, 0x14d26a1, 0x14d2891, 0x14d2aa1, 0x14d2c91, 0x14d2ea1, 0x14d3091, 0x14d32a1, 0x14d3491,
    0x14d36a1, 0x14d39a1, 0x14d3d00, 0x14d4001, 0x14dcc08, 0x14de100, 0x14de400, 0x14e0100, 0x14e2f01,
    0x14e4100, 0x14e4491, 0x14e46a1, 0x14e4891, 0x14e4aa1, 0x14e4c91, 0x14e4ea1, 0x14e5091, 0x14e52a1,
    0x14e5491, 0x14e56a1, 0x14e5891, 0x14e5aa1, 0x14e5c91, 0x14e5ea1, 0x14e6491, 0x14e66a1, 0x14e6891,
    0x14e6aa1, 0x14e6c91, 0x14e6ea1, 0x14e7091, 0x14e72a1, 0x14e7491, 0x14e76a1, 0x14e7891, 0x14e7aa1,
    0x14e7c91, 0x14e7ea1, 0x14e8091, 0x14e82a1, 0x14e8491, 0x14e86a1, 0x14e8891, 0x14e8aa1, 0x14e8c91,
    0x14e8ea1, 0x14e9091, 0x14e92a1, 0x14e9491, 0x14e96a1, 0x14e9891, 0x14e9aa1, 0x14e9c91, 0x14e9ea1,
    0x14ea091, 0x14ea2a1, 0x14ea491, 0x14ea6a1, 0x14ea891, 0x14eaaa1, 0x14eac91, 0x14eaea1, 0x14eb091,
    0x14eb2a1, 0x14eb491, 0x14eb6a1, 0x14eb891, 0x14ebaa1, 0x14ebc91, 0x14ebea1, 0x14ec091, 0x14ec2a1,
    0x14ec491, 0x14ec6a1, 0x14ec891, 0x14ecaa1, 0x14ecc91, 0x14ecea1, 0x14ed091, 0x14ed2a1, 0x14ed491,
    0x14ed6a1, 0x14ed891, 0x14edaa1, 0x14edc91, 0x14edea1, 0x14ee1a1, 0x14ee2a1, 0x14ef291, 0x14ef4a1,
    0x14ef691, 0x14ef8a1, 0x14efa91, 0x14efea1, 0x14f0091, 0x14f02a1, 0x14f0491, 0x14f06a1, 0x14f0891,
    0x14f0aa1, 0x14f0c91, 0x14f0ea1, 0x14f1101, 0x14f1300, 0x14f1691, 0x14f18a1, 0x14f1a91, 0x14f1ca1,
    0x14f1e01, 0x14f2091, 0x14f22a1, 0x14f2491, 0x14f26a1, 0x14f2c91, 0x14f2ea1, 0x14f3091, 0x14f32a1,
    0x14f3491, 0x14f36a1, 0x14f3891, 0x14f3aa1, 0x14f3c91, 0x14f3ea1, 0x14f4091, 0x14f42a1, 0x14f4491,
    0x14f46a1, 0x14f4891, 0x14f4aa1, 0x14f4c91, 0x14f4ea1, 0x14f5091, 0x14f52a1, 0x14f5491, 0x14f5ea1,
    0x14f6091, 0x14f6aa1, 0x14f6c91, 0x14f6ea1, 0x14f7091, 0x14f72a1, 0x14f7491, 0x14f76a1, 0x14f7891,
    0x14f7aa1, 0x14f7c91, 0x14f7ea1, 0x14f8091, 0x14f82a1, 0x14f8491, 0x14f86a1, 0x14f8891, 0x14f90a1,
    0x14f9291, 0x14f94a1, 0x14f9600, 0x14fa091, 0x14fa2a1, 0x14fa400, 0x14fa6a1, 0x14fa800, 0x14faaa1,
    0x14fac91, 0x14faea1, 0x14fb091, 0x14fb2a1, 0x14fb400, 0x14fe501, 0x14fea91, 0x14feca1, 0x14fee01,
    0x14ff1a1, 0x14ff4a1, 0x14ff601, 0x1500500, 0x1500601, 0x1500d00, 0x1500e01, 0x1501700, 0x1501801,
    0x1504600, 0x1504b00, 0x1504e00, 0x1505900, 0x1505a00, 0x1506008, 0x1506c00, 0x1508001, 0x150e800,
    0x1510401, 0x1516800, 0x1518900, 0x1518c00, 0x151a00e, 0x151b400, 0x151c100, 0x151e401, 0x151f000,
    0x151f601, 0x151f800, 0x151fa01, 0x151ff00, 0x152000e, 0x1521401, 0x1524d00, 0x1525c00, 0x1526001,
    0x1528f00, 0x152a400, 0x152c001, 0x152fa00, 0x1530100, 0x1530600, 0x1530801, 0x1536700, 0x1536800,
    0x1536d00, 0x1537400, 0x1537900, 0x1537c00, 0x1539f01, 0x153a00e, 0x153b400, 0x153c001, 0x153cb00,
    0x153cd01, 0x153ce01, 0x153e00e, 0x153f401, 0x153fe00, 0x1540001, 0x1545300, 0x1545e00, 0x1546300,
    0x1546600, 0x1546b00, 0x1546e00, 0x1548001, 0x1548700, 0x1548801, 0x1549900, 0x1549a00, 0x154a00e,
    0x154b400, 0x154c001, 0x154e101, 0x154e201, 0x154ee00, 0x154f401, 0x154f600, 0x154f900, 0x154fa00,
    0x154fc01, 0x1556100, 0x1556201, 0x1556500, 0x1556a01, 0x1556f00, 0x1557201, 0x1557d00, 0x1558001,
    0x1558300, 0x1558401, 0x1558600, 0x155b601, 0x155bb01, 0x155bc00, 0x155c001, 0x155d600, 0x155d900,
    0x155dc00, 0x155e401, 0x155e701, 0x155ea00, 0x155ed00, 0x155ee00, 0x1560201, 0x1560e00, 0x1561201,
    0x1561e00, 0x1562201, 0x1562e00, 0x1564001, 0x1564e00, 0x1565001, 0x1565e00, 0x15660a1, 0x156b700,
    0x156b9a1, 0x156c0a1, 0x156d301, 0x156d500, 0x156d800, 0x156e0a1, 0x1578001, 0x157c600, 0x157cb00,
    0x157cc00, 0x157d100, 0x157d200, 0x157db00, 0x157dc00, 0x157e00e, 0x157f400, 0x1580001, 0x1af4800,
    0x1af6001, 0x1af8e00, 0x1af9601, 0x1aff800, 0x1f20001, 0x1f2d609, 0x1f2d801, 0x1f2e609, 0x1f2e801,
    0x1f2f009, 0x1f2f201, 0x1f36409, 0x1f36601, 0x1f3a209, 0x1f3a401, 0x1f3a609, 0x1f3a801, 0x1f3fa09,
    0x1f3fc01, 0x1f4dc00, 0x1f4e001, 0x1f5b400, 0x1f600a1, 0x1f60e00, 0x1f626a1, 0x1f63000, 0x1f63a01,
    0x1f63d00, 0x1f63e01, 0x1f65200, 0x1f65401, 0x1f66e00, 0x1f67001, 0x1f67a00, 0x1f67c01, 0x1f67e00,
    0x1f68001, 0x1f68400, 0x1f68601, 0x1f68a00, 0x1f68c01, 0x1f76500, 0x1f78600, 0x1f7a601, 0x1fa7c00,
    0x1faa001, 0x1fb2000, 0x1fb2401, 0x1fb9000, 0x1fbe001, 0x1fbf800, 0x1fc0100, 0x1fc2000, 0x1fc2700,
    0x1fc2800, 0x1fc4100, 0x1fc6000, 0x1fca500, 0x1fca600, 0x1fcab00, 0x1fcac00, 0x1fce001, 0x1fcea00,
    0x1fcec01, 0x1fdfa00, 0x1fdff00, 0x1fe0000, 0x1fe0f00, 0x1fe1000, 0x1fe1d00, 0x1fe1e00, 0x1fe200e,
    0x1fe3500, 0x1fe3600, 0x1fe4291, 0x1fe7600, 0x1fe7d00, 0x1fe7e00, 0x1fe8100, 0x1fe82a1, 0x1feb600,
    0x1fecc01, 0x1fee101, 0x1fee201, 0x1ff3d01, 0x1ff4001, 0x1ff7e00, 0x1ff8401, 0x1ff9000, 0x1ff9401,
    0x1ffa000, 0x1ffa401, 0x1ffb000, 0x1ffb401, 0x1ffba00, 0x1ffc700, 0x1ffc800, 0x1fff300, 0x1fff800,
    0x2000001, 0x2001800, 0x2001a01, 0x2004e00, 0x2005001, 0x2007600, 0x2007801, 0x2007c00, 0x2007e01,
    0x2009c00, 0x200a001, 0x200bc00, 0x2010001, 0x201f600, 0x2020e08, 0x2026800, 0x2028008, 0x202f200,
    0x2031408, 0x2031800, 0x203fb00, 0x203fc00, 0x2050001, 0x2053a00, 0x2054001, 0x205a200, 0x205c100,
    0x205c208, 0x205f800, 0x2060001, 0x2064008, 0x2064800, 0x2065a01, 0x2068208, 0x2068401, 0x2069408,
    0x2069600, 0x206a001, 0x206ed00, 0x206f600, 0x2070001, 0x2073c00, 0x2074001, 0x2078800, 0x2079001,
    0x207a000, 0x207a208, 0x207ac00, 0x2080091, 0x20850a1, 0x208a001, 0x2093c00, 0x209400e, 0x2095400,
    0x2096091, 0x209a800, 0x209b0a1, 0x209f800, 0x20a0001, 0x20a5000, 0x20a6001, 0x20ac800, 0x20ae091,
    0x20af600, 0x20af891, 0x20b1600, 0x20b1891, 0x20b2600, 0x20b2891, 0x20b2c00, 0x20b2ea1, 0x20b4400,
    0x20b46a1, 0x20b6400, 0x20b66a1, 0x20b7400, 0x20b76a1, 0x20b7a00, 0x20c0001, 0x20e6e00, 0x20e8001,
    0x20eac00, 0x20ec001, 0x20ed000, 0x20f01a1, 0x20f0301, 0x20f07a1, 0x20f0c00, 0x20f0fa1, 0x20f6200,
    0x20f65a1, 0x20f7600, 0x2100001, 0x2100c00, 0x2101001, 0x2101200, 0x2101401, 0x2106c00, 0x2106e01,
    0x2107200, 0x2107801, 0x2107a00, 0x2107e01, 0x210ac00, 0x210b008, 0x210c001, 0x210ee00, 0x210f208,
    0x2110001, 0x2113e00, 0x2114e08, 0x2116000, 0x211c001, 0x211e600, 0x211e801, 0x211ec00, 0x211f608,
    0x2120001, 0x2122c08, 0x2123800, 0x2124001, 0x2127400, 0x2130001, 0x2137000, 0x2137808, 0x2137c01,
    0x2138008, 0x213a000, 0x213a408, 0x2140001, 0x2140300, 0x2140800, 0x2140b00, 0x2140e00, 0x2141900,
    0x2142001, 0x2142800, 0x2142a01, 0x2143000, 0x2143201, 0x2146c00, 0x2147100, 0x2147600, 0x2147f00,
    0x214800c, 0x2148808, 0x2149200, 0x214c001, 0x214fa08, 0x214fe00, 0x2150001, 0x2153a08, 0x2154000,
    0x2158001, 0x2159000, 0x2159201, 0x215cb00, 0x215ce00, 0x215d608, 0x215e000, 0x2160001, 0x2166c00,
    0x2168001, 0x216ac00, 0x216b008, 0x216c001, 0x216e600, 0x216f008, 0x2170001, 0x2172400, 0x2175208,
    0x2176000, 0x2180001, 0x2189200, 0x2190091, 0x2196600, 0x21980a1, 0x219e600, 0x219f408, 0x21a0001,
    0x21a4900, 0x21a5000, 0x21a600e, 0x21a7400, 0x21cc00c, 0x21cd208, 0x21cfe00, 0x21d0001, 0x21d5400,
    0x21d5700, 0x21d5a00, 0x21d6001, 0x21d6400, 0x21e0001, 0x21e3a08, 0x21e4e01, 0x21e5000, 0x21e6001,
    0x21e8d00, 0x21ea208, 0x21eaa00, 0x21ee001, 0x21f0500, 0x21f0c00, 0x21f6001, 0x21f8a08, 0x21f9800,
    0x21fc001, 0x21fee00, 0x2200300, 0x2200400, 0x2200601, 0x2207100, 0x2208e00, 0x220a40c, 0x220b608,
    0x220cc0e, 0x220e100, 0x220e201, 0x220e700, 0x220ea01, 0x220ec00, 0x220ff00, 0x2210400, 0x2210601,
    0x2216000, 0x2216700, 0x2216e00, 0x2217300, 0x2217600, 0x2217b00, 0x2217c00, 0x2218500, 0x2218600,
    0x2219b00, 0x2219c00, 0x221a001, 0x221d200, 0x221e00e, 0x221f400, 0x2220100, 0x2220601, 0x2224f00,
    0x2225800, 0x2225b00, 0x2226a00, 0x2226c0e, 0x2228000, 0x2228801, 0x2228a00, 0x2228e01, 0x2229000,
    0x222a001, 0x222e700, 0x222e800, 0x222ec01, 0x222ee00, 0x2230100, 0x2230400, 0x2230601, 0x2236600,
    0x2236d00, 0x2237e00, 0x2238201, 0x2238a00, 0x2239300, 0x2239a00, 0x2239f00, 0x223a00e, 0x223b401,
    0x223b600, 0x223b801, 0x223ba00, 0x223c208, 0x223ea00, 0x2240001, 0x2242400, 0x2242601, 0x2245800,
    0x2245f00, 0x2246400, 0x2246900, 0x2246a00, 0x2246d00, 0x2247000, 0x2247d00, 0x2247e00, 0x2250001,
    0x2250e00, 0x2251001, 0x2251200, 0x2251401, 0x2251c00, 0x2251e01, 0x2253c00, 0x2253e01, 0x2255200,
    0x2256001, 0x225bf00, 0x225c000, 0x225c700, 0x225d600, 0x225e00e, 0x225f400, 0x2260100, 0x2260400,
    0x2260a01, 0x2261a00, 0x2261e01, 0x2262200, 0x2262601, 0x2265200, 0x2265401, 0x2266200, 0x2266401,
    0x2266800, 0x2266a01, 0x2267400, 0x2267700, 0x2267a01, 0x2267c00, 0x2268100, 0x2268200, 0x226a001,
    0x226a200, 0x226ba01, 0x226c400, 0x226cd00, 0x226da00, 0x226e100, 0x226ea00, 0x2280001, 0x2286a00,
    0x2287100, 0x2288000, 0x2288500, 0x2288a00, 0x2288d00, 0x2288e01, 0x2289600, 0x228a00e, 0x228b400,
    0x228bd00, 0x228be01, 0x228c400, 0x2290001, 0x2296000, 0x2296700, 0x2297200, 0x2297500, 0x2297600,
    0x2297f00, 0x2298200, 0x2298500, 0x2298801, 0x2298c00, 0x2298e01, 0x2299000, 0x229a00e, 0x229b400,
    0x22b0001, 0x22b5e00, 0x22b6500, 0x22b6c00, 0x22b7900, 0x22b7c00, 0x22b7f00, 0x22b8200, 0x22bb001,
    0x22bb900, 0x22bbc00, 0x22c0001, 0x22c6000, 0x22c6700, 0x22c7600, 0x22c7b00, 0x22c7c00, 0x22c7f00,
    0x22c8200, 0x22c8801, 0x22c8a00, 0x22ca00e, 0x22cb400, 0x22d0001, 0x22d5700, 0x22d5800, 0x22d5b00,
    0x22d5c00, 0x22d6100, 0x22d6c00, 0x22d6f00, 0x22d7001, 0x22d7200, 0x22d800e, 0x22d9400, 0x22e0001,
    0x22e3600, 0x22e3b00, 0x22e4000, 0x22e4500, 0x22e4c00, 0x22e4f00, 0x22e5800, 0x22e600e, 0x22e7408,
    0x22e7800, 0x22e8001, 0x22e8e00, 0x2300001, 0x2305800, 0x2305f00, 0x2307000, 0x2307300, 0x2307600,
    0x2314091, 0x23180a1, 0x231c00e, 0x231d408, 0x231e600, 0x231fe01, 0x2320e00, 0x2321201, 0x2321400,
    0x2321801, 0x2322800, 0x2322a01, 0x2322e00, 0x2323001, 0x2326000, 0x2327700, 0x2327a00, 0x2327d00,
    0x2327e01, 0x2328000, 0x2328201, 0x2328400, 0x2328700, 0x2328800, 0x232a00e, 0x232b400, 0x2334001,
    0x2335000, 0x2335401, 0x233a200, 0x233a900, 0x233b000, 0x233b500, 0x233b800, 0x233c100, 0x233c201,
    0x233c400, 0x233c601, 0x233c800, 0x2340001, 0x2340300, 0x2341601, 0x2346700, 0x2347200, 0x2347401,
    0x2347700, 0x2347e00, 0x2348f00, 0x2349000, 0x234a001, 0x234a300, 0x234ae00, 0x234b300, 0x234b801,
    0x2351500, 0x2352e00, 0x2353100, 0x2353400, 0x2353a01, 0x2353c00, 0x2356001, 0x235f200, 0x2380001,
    0x2381200, 0x2381401, 0x2385e00, 0x2386100, 0x2386e00, 0x2387100, 0x2387c00, 0x2387f00, 0x2388001,
    0x2388200, 0x238a00e, 0x238b408, 0x238da00, 0x238e401, 0x2392000, 0x2392500, 0x2395000, 0x2395500,
    0x2396200, 0x2396500, 0x2396800, 0x2396b00, 0x2396e00, 0x23a0001, 0x23a0e00, 0x23a1001, 0x23a1400,
    0x23a1601, 0x23a6300, 0x23a6e00, 0x23a7500, 0x23a7600, 0x23a7900, 0x23a7c00, 0x23a7f00, 0x23a8c01,
    0x23a8f00, 0x23a9000, 0x23aa00e, 0x23ab400, 0x23ac001, 0x23acc00, 0x23ace01, 0x23ad200, 0x23ad401,
    0x23b1400, 0x23b2100, 0x23b2400, 0x23b2b00, 0x23b2c00, 0x23b2f00, 0x23b3001, 0x23b3200, 0x23b400e,
    0x23b5400, 0x23dc001, 0x23de700, 0x23dea00, 0x23f6001, 0x23f6200, 0x23f8008, 0x23faa00, 0x2400001,
    0x2473400, 0x2480008, 0x248de00, 0x2490001, 0x24a8800, 0x25f2001, 0x25fe200, 0x2600001, 0x2685e00,
    0x2686100, 0x2687200, 0x2880001, 0x28c8e00, 0x2d00001, 0x2d47200, 0x2d48001, 0x2d4be00, 0x2d4c00e,
    0x2d4d400, 0x2d4e001, 0x2d57e00, 0x2d5800e, 0x2d59400, 0x2d5a001, 0x2d5dc00, 0x2d5e100, 0x2d5ea00,
    0x2d60001, 0x2d66100, 0x2d66e00, 0x2d68101, 0x2d68800, 0x2d6a00e, 0x2d6b400, 0x2d6b608, 0x2d6c400,
    0x2d6c601, 0x2d6f000, 0x2d6fa01, 0x2d72000, 0x2dc8091, 0x2dcc0a1, 0x2dd0008, 0x2dd2e00, 0x2de0001,
    0x2de9600, 0x2de9f00, 0x2dea001, 0x2dea200, 0x2df1f00, 0x2df2701, 0x2df4000, 0x2dfc101, 0x2dfc400,
    0x2dfc701, 0x2dfc900, 0x2dfca00, 0x2e00001, 0x30ff000, 0x3100001, 0x319ac00, 0x31a0001, 0x31a1200,
    0x35fe101, 0x35fe800, 0x35feb01, 0x35ff800, 0x35ffb01, 0x35ffe00, 0x3600001, 0x3624600, 0x362a001,
    0x362a600, 0x362c801, 0x362d000, 0x362e001, 0x365f800, 0x3780001, 0x378d600, 0x378e001, 0x378fa00,
    0x3790001, 0x3791200, 0x3792001, 0x3793400, 0x3793b00, 0x3793e00, 0x3794100, 0x3794800, 0x39e0100,
    0x39e5c00, 0x39e6100, 0x39e8e00, 0x3a2cf00, 0x3a2d400, 0x3a2e700, 0x3a30600, 0x3a30b00, 0x3a31800,
    0x3a35500, 0x3a35c00, 0x3a48500, 0x3a48a00, 0x3a5c008, 0x3a5e800, 0x3a6c008, 0x3a6f200, 0x3a80091,
    0x3a834a1, 0x3a86891, 0x3a89ca1, 0x3a8aa00, 0x3a8aca1, 0x3a8d091, 0x3a904a1, 0x3a93891, 0x3a93a00,
    0x3a93c91, 0x3a94000, 0x3a94491, 0x3a94600, 0x3a94a91, 0x3a94e00, 0x3a95291, 0x3a95a00, 0x3a95c91,
    0x3a96ca1, 0x3a97400, 0x3a976a1, 0x3a97800, 0x3a97aa1, 0x3a98800, 0x3a98aa1, 0x3a9a091, 0x3a9d4a1,
    0x3aa0891, 0x3aa0c00, 0x3aa0e91, 0x3aa1600, 0x3aa1a91, 0x3aa2a00, 0x3aa2c91, 0x3aa3a00, 0x3aa3ca1,
    0x3aa7091, 0x3aa7400, 0x3aa7691, 0x3aa7e00, 0x3aa8091, 0x3aa8a00, 0x3aa8c91, 0x3aa8e00, 0x3aa9491,
    0x3aaa200, 0x3aaa4a1, 0x3aad891, 0x3ab0ca1, 0x3ab4091, 0x3ab74a1, 0x3aba891, 0x3abdca1, 0x3ac1091,
    0x3ac44a1, 0x3ac7891, 0x3acaca1, 0x3ace091, 0x3ad14a1, 0x3ad4c00, 0x3ad5091, 0x3ad8200, 0x3ad84a1,
    0x3adb600, 0x3adb8a1, 0x3adc491, 0x3adf600, 0x3adf8a1, 0x3ae2a00, 0x3ae2ca1, 0x3ae3891, 0x3ae6a00,
    0x3ae6ca1, 0x3ae9e00, 0x3aea0a1, 0x3aeac91, 0x3aede00, 0x3aee0a1, 0x3af1200, 0x3af14a1, 0x3af2091,
    0x3af5200, 0x3af54a1, 0x3af8600, 0x3af88a1, 0x3af9491, 0x3af96a1, 0x3af9800, 0x3af9c0e, 0x3b00000,
    0x3b40100, 0x3b46e00, 0x3b47700, 0x3b4da00, 0x3b4eb00, 0x3b4ec00, 0x3b50900, 0x3b50a00, 0x3b53700,
    0x3b54000, 0x3b54300, 0x3b56000, 0x3be00a1, 0x3be1401, 0x3be16a1, 0x3be3e00, 0x3c00100, 0x3c00e00,
    0x3c01100, 0x3c03200, 0x3c03700, 0x3c04400, 0x3c04700, 0x3c04a00, 0x3c04d00, 0x3c05600, 0x3c20001,
    0x3c25a00, 0x3c26100, 0x3c26f01, 0x3c27c00, 0x3c2800e, 0x3c29400, 0x3c29c01, 0x3c29e00, 0x3c52001,
    0x3c55d00, 0x3c55e00, 0x3c58001, 0x3c5d900, 0x3c5e00e, 0x3c5f400, 0x3cfc001, 0x3cfce00, 0x3cfd001,
    0x3cfd800, 0x3cfda01, 0x3cfde00, 0x3cfe001, 0x3cffe00, 0x3d00001, 0x3d18a00, 0x3d18e08, 0x3d1a100,
    0x3d1ae00, 0x3d20091, 0x3d244a1, 0x3d28900, 0x3d29701, 0x3d29800, 0x3d2a00e, 0x3d2b400, 0x3d8e208,
    0x3d95800, 0x3d95a08, 0x3d96000, 0x3d96208, 0x3d96a00, 0x3da0208, 0x3da5c00, 0x3da5e08, 0x3da7c00,
    0x3dc0001, 0x3dc0800, 0x3dc0a01, 0x3dc4000, 0x3dc4201, 0x3dc4600, 0x3dc4801, 0x3dc4a00, 0x3dc4e01,
    0x3dc5000, 0x3dc5201, 0x3dc6600, 0x3dc6801, 0x3dc7000, 0x3dc7201, 0x3dc7400, 0x3dc7601, 0x3dc7800,
    0x3dc8401, 0x3dc8600, 0x3dc8e01, 0x3dc9000, 0x3dc9201, 0x3dc9400, 0x3dc9601, 0x3dc9800, 0x3dc9a01,
    0x3dca000, 0x3dca201, 0x3dca600, 0x3dca801, 0x3dcaa00, 0x3dcae01, 0x3dcb000, 0x3dcb201, 0x3dcb400,
    0x3dcb601, 0x3dcb800, 0x3dcba01, 0x3dcbc00, 0x3dcbe01, 0x3dcc000, 0x3dcc201, 0x3dcc600, 0x3dcc801,
    0x3dcca00, 0x3dcce01, 0x3dcd600, 0x3dcd801, 0x3dce600, 0x3dce801, 0x3dcf000, 0x3dcf201, 0x3dcfa00,
    0x3dcfc01, 0x3dcfe00, 0x3dd0001, 0x3dd1400, 0x3dd1601, 0x3dd3800, 0x3dd4201, 0x3dd4800, 0x3dd4a01,
    0x3dd5400, 0x3dd5601, 0x3dd7800, 0x3e2000c, 0x3e21608, 0x3e21a00, 0x3e26090, 0x3e29400, 0x3e2a090,
    0x3e2d400, 0x3e2e090, 0x3e31400, 0x3e7f700, 0x3e80000, 0x3f7e00e, 0x3f7f400, 0x4000001, 0x4000209,
    0x4000401, 0x400c809, 0x400ca01, 0x401c409, 0x401c601, 0x4024209, 0x4024401, 0x4125409, 0x4125601,
    0x4130609, 0x4130801, 0x4131809, 0x4131a01, 0x4133809, 0x4133a01, 0x415d409, 0x415d601, 0x415fa09,
    0x415fc01, 0x4163209, 0x4163401, 0x4472009, 0x4472201, 0x4533009, 0x4533201, 0x4763609, 0x4763801,
    0x4c4da09, 0x4c4dc01, 0x54dc000, 0x54e0001, 0x56e7200, 0x56e8001, 0x5703c00, 0x5704001, 0x59d4400,
    0x59d6001, 0x5d7c200, 0x5f00001, 0x5f12009, 0x5f12201, 0x5f43c00, 0x6000001, 0x6269600, 0x1c000300,
    0x1c000400, 0x1c004100, 0x1c010000, 0x1c020100, 0x1c03e000,
};
/* Full case mappings that differ from the simple ones (SpecialCasing.txt,
 * CaseFolding.txt): lower, upper, title, casefold; NULL: the simple mapping
 * (title: the upper mapping; casefold: the lower mapping). */
static const SpecialCase special_cases[SPECIAL_CASES] = {
    {0xb5, NULL, NULL, NULL, "\316\274"},
    {0xdf, NULL, "SS", "Ss", "ss"},
    {0x130, "i\314\207", NULL, NULL, NULL},
    {0x149, NULL, "\312\274N", NULL, "\312\274n"},
    {0x17f, NULL, NULL, NULL, "s"},
    {0x1c4, NULL, NULL, "\307\205", NULL},
    {0x1c5, NULL, NULL, "\307\205", NULL},
    {0x1c6, NULL, NULL, "\307\205", NULL},
    {0x1c7, NULL, NULL, "\307\210", NULL},
    {0x1c8, NULL, NULL, "\307\210", NULL},
    {0x1c9, NULL, NULL, "\307\210", NULL},
    {0x1ca, NULL, NULL, "\307\213", NULL},
    {0x1cb, NULL, NULL, "\307\213", NULL},
    {0x1cc, NULL, NULL, "\307\213", NULL},
    {0x1f0, NULL, "J\314\214", NULL, "j\314\214"},
    {0x1f1, NULL, NULL, "\307\262", NULL},
    {0x1f2, NULL, NULL, "\307\262", NULL},
    {0x1f3, NULL, NULL, "\307\262", NULL},
    {0x345, NULL, NULL, NULL, "\316\271"},
    {0x390, NULL, "\316\231\314\210\314\201", NULL, "\316\271\314\210\314\201"},
    {0x3b0, NULL, "\316\245\314\210\314\201", NULL, "\317\205\314\210\314\201"},
    {0x3c2, NULL, NULL, NULL, "\317\203"},
    {0x3d0, NULL, NULL, NULL, "\316\262"},
    {0x3d1, NULL, NULL, NULL, "\316\270"},
    {0x3d5, NULL, NULL, NULL, "\317\206"},
    {0x3d6, NULL, NULL, NULL, "\317\200"},
    {0x3f0, NULL, NULL, NULL, "\316\272"},
    {0x3f1, NULL, NULL, NULL, "\317\201"},
    {0x3f5, NULL, NULL, NULL, "\316\265"},
    {0x587, NULL, "\324\265\325\222", "\324\265\326\202", "\325\245\326\202"},
    {0x10d0, NULL, NULL, "\341\203\220", NULL},
    {0x10d1, NULL, NULL, "\341\203\221", NULL},
    {0x10d2, NULL, NULL, "\341\203\222", NULL},
    {0x10d3, NULL, NULL, "\341\203\223", NULL},
    {0x10d4, NULL, NULL, "\341\203\224", NULL},
    {0x10d5, NULL, NULL, "\341\203\225", NULL},
    {0x10d6, NULL, NULL, "\341\203\226", NULL},
    {0x10d7, NULL, NULL, "\341\203\227", NULL},
    {0x10d8, NULL, NULL, "\341\203\230", NULL},
    {0x10d9, NULL, NULL, "\341\203\231", NULL},
    {0x10da, NULL, NULL, "\341\203\232", NULL},
    {0x10db, NULL, NULL, "\341\203\233", NULL},
    {0x10dc, NULL, NULL, "\341\203\234", NULL},
    {0x10dd, NULL, NULL, "\341\203\235", NULL},
    {0x10de, NULL, NULL, "\341\203\236", NULL},
    {0x10df, NULL, NULL, "\341\203\237", NULL},
    {0x10e0, NULL, NULL, "\341\203\240", NULL},
    {0x10e1, NULL, NULL, "\341\203\241", NULL},
    {0x10e2, NULL, NULL, "\341\203\242", NULL},
    {0x10e3, NULL, NULL, "\341\203\243", NULL},
    {0x10e4, NULL, NULL, "\341\203\244", NULL},
    {0x10e5, NULL, NULL, "\341\203\245", NULL},
    {0x10e6, NULL, NULL, "\341\203\246", NULL},
    {0x10e7, NULL, NULL, "\341\203\247", NULL},
    {0x10e8, NULL, NULL, "\341\203\250", NULL},
    {0x10e9, NULL, NULL, "\341\203\251", NULL},
    {0x10ea, NULL, NULL, "\341\203\252", NULL},
    {0x10eb, NULL, NULL, "\341\203\253", NULL},
    {0x10ec, NULL, NULL, "\341\203\254", NULL},
    {0x10ed, NULL, NULL, "\341\203\255", NULL},
    {0x10ee, NULL, NULL, "\341\203\256", NULL},
    {0x10ef, NULL, NULL, "\341\203\257", NULL},
    {0x10f0, NULL, NULL, "\341\203\260", NULL},
    {0x10f1, NULL, NULL, "\341\203\261", NULL},
    {0x10f2, NULL, NULL, "\341\203\262", NULL},
    {0x10f3, NULL, NULL, "\341\203\263", NULL},
    {0x10f4, NULL, NULL, "\341\203\264", NULL},
    {0x10f5, NULL, NULL, "\341\203\265", NULL},
    {0x10f6, NULL, NULL, "\341\203\266", NULL},
    {0x10f7, NULL, NULL, "\341\203\267", NULL},
    {0x10f8, NULL, NULL, "\341\203\270", NULL},
    {0x10f9, NULL, NULL, "\341\203\271", NULL},
    {0x10fa, NULL, NULL, "\341\203\272", NULL},
    {0x10fd, NULL, NULL, "\341\203\275", NULL},
    {0x10fe, NULL, NULL, "\341\203\276", NULL},
    {0x10ff, NULL, NULL, "\341\203\277", NULL},
    {0x13a0, NULL, NULL, NULL, "\341\216\240"},
    {0x13a1, NULL, NULL, NULL, "\341\216\241"},
    {0x13a2, NULL, NULL, NULL, "\341\216\242"},
    {0x13a3, NULL, NULL, NULL, "\341\216\243"},
    {0x13a4, NULL, NULL, NULL, "\341\216\244"},
    {0x13a5, NULL, NULL, NULL, "\341\216\245"},
    {0x13a6, NULL, NULL, NULL, "\341\216\246"},
    {0x13a7, NULL, NULL, NULL, "\341\216\247"},
    {0x13a8, NULL, NULL, NULL, "\341\216\250"},
    {0x13a9, NULL, NULL, NULL, "\341\216\251"},
    {0x13aa, NULL, NULL, NULL, "\341\216\252"},
    {0x13ab, NULL, NULL, NULL, "\341\216\253"},
    {0x13ac, NULL, NULL, NULL, "\341\216\254"},
    {0x13ad, NULL, NULL, NULL, "\341\216\255"},
    {0x13ae, NULL, NULL, NULL, "\341\216\256"},
    {0x13af, NULL, NULL, NULL, "\341\216\257"},
    {0x13b0, NULL, NULL, NULL, "\341\216\260"},
    {0x13b1, NULL, NULL, NULL, "\341\216\261"},
    {0x13b2, NULL, NULL, NULL, "\341\216\262"},
    {0x13b3, NULL, NULL, NULL, "\341\216\263"},
    {0x13b4, NULL, NULL, NULL, "\341\216\264"},
    {0x13b5, NULL, NULL, NULL, "\341\216\265"},
    {0x13b6, NULL, NULL, NULL, "\341\216\266"},
    {0x13b7, NULL, NULL, NULL, "\341\216\267"},
    {0x13b8, NULL, NULL, NULL, "\341\216\270"},
    {0x13b9, NULL, NULL, NULL, "\341\216\271"},
    {0x13ba, NULL, NULL, NULL, "\341\216\272"},
    {0x13bb, NULL, NULL, NULL, "\341\216\273"},
    {0x13bc, NULL, NULL, NULL, "\341\216\274"},
    {0x13bd, NULL, NULL, NULL, "\341\216\275"},
    {0x13be, NULL, NULL, NULL, "\341\216\276"},
    {0x13bf, NULL, NULL, NULL, "\341\216\277"},
    {0x13c0, NULL, NULL, NULL, "\341\217\200"},
    {0x13c1, NULL, NULL, NULL, "\341\217\201"},
    {0x13c2, NULL, NULL, NULL, "\341\217\202"},
    {0x13c3, NULL, NULL, NULL, "\341\217\203"},
    {0x13c4, NULL, NULL, NULL, "\341\217\204"},
    {0x13c5, NULL, NULL, NULL, "\341\217\205"},
    {0x13c6, NULL, NULL, NULL, "\341\217\206"},
    {0x13c7, NULL, NULL, NULL, "\341\217\207"},
    {0x13c8, NULL, NULL, NULL, "\341\217\210"},
    {0x13c9, NULL, NULL, NULL, "\341\217\211"},
    {0x13ca, NULL, NULL, NULL, "\341\217\212"},
    {0x13cb, NULL, NULL, NULL, "\341\217\213"},
    {0x13cc, NULL, NULL, NULL, "\341\217\214"},
    {0x13cd, NULL, NULL, NULL, "\341\217\215"},
    {0x13ce, NULL, NULL, NULL, "\341\217\216"},
    {0x13cf, NULL, NULL, NULL, "\341\217\217"},
    {0x13d0, NULL, NULL, NULL, "\341\217\220"},
    {0x13d1, NULL, NULL, NULL, "\341\217\221"},
    {0x13d2, NULL, NULL, NULL, "\341\217\222"},
    {0x13d3, NULL, NULL, NULL, "\341\217\223"},
    {0x13d4, NULL, NULL, NULL, "\341\217\224"},
    {0x13d5, NULL, NULL, NULL, "\341\217\225"},
    {0x13d6, NULL, NULL, NULL, "\341\217\226"},
    {0x13d7, NULL, NULL, NULL, "\341\217\227"},
    {0x13d8, NULL, NULL, NULL, "\341\217\230"},
    {0x13d9, NULL, NULL, NULL, "\341\217\231"},
    {0x13da, NULL, NULL, NULL, "\341\217\232"},
    {0x13db, NULL, NULL, NULL, "\341\217\233"},
    {0x13dc, NULL, NULL, NULL, "\341\217\234"},
    {0x13dd, NULL, NULL, NULL, "\341\217\235"},
    {0x13de, NULL, NULL, NULL, "\341\217\236"},
    {0x13df, NULL, NULL, NULL, "\341\217\237"},
    {0x13e0, NULL, NULL, NULL, "\341\217\240"},
    {0x13e1, NULL, NULL, NULL, "\341\217\241"},
    {0x13e2, NULL, NULL, NULL, "\341\217\242"},
    {0x13e3, NULL, NULL, NULL, "\341\217\243"},
    {0x13e4, NULL, NULL, NULL, "\341\217\244"},
    {0x13e5, NULL, NULL, NULL, "\341\217\245"},
    {0x13e6, NULL, NULL, NULL, "\341\217\246"},
    {0x13e7, NULL, NULL, NULL, "\341\217\247"},
    {0x13e8, NULL, NULL, NULL, "\341\217\250"},
    {0x13e9, NULL, NULL, NULL, "\341\217\251"},
    {0x13ea, NULL, NULL, NULL, "\341\217\252"},
    {0x13eb, NULL, NULL, NULL, "\341\217\253"},
    {0x13ec, NULL, NULL, NULL, "\341\217\254"},
    {0x13ed, NULL, NULL, NULL, "\341\217\255"},
    {0x13ee, NULL, NULL, NULL, "\341\217\256"},
    {0x13ef, NULL, NULL, NULL, "\341\217\257"},
    {0x13f0, NULL, NULL, NULL, "\341\217\260"},
    {0x13f1, NULL, NULL, NULL, "\341\217\261"},
    {0x13f2, NULL, NULL, NULL, "\341\217\262"},
    {0x13f3, NULL, NULL, NULL, "\341\217\263"},
    {0x13f4, NULL, NULL, NULL, "\341\217\264"},
    {0x13f5, NULL, NULL, NULL, "\341\217\265"},
    {0x13f8, NULL, NULL, NULL, "\341\217\260"},
    {0x13f9, NULL, NULL, NULL, "\341\217\261"},
    {0x13fa, NULL, NULL, NULL, "\341\217\262"},
    {0x13fb, NULL, NULL, NULL, "\341\217\263"},
    {0x13fc, NULL, NULL, NULL, "\341\217\264"},
    {0x13fd, NULL, NULL, NULL, "\341\217\265"},
    {0x1c80, NULL, NULL, NULL, "\320\262"},
    {0x1c81, NULL, NULL, NULL, "\320\264"},
    {0x1c82, NULL, NULL, NULL, "\320\276"},
    {0x1c83, NULL, NULL, NULL, "\321\201"},
    {0x1c84, NULL, NULL, NULL, "\321\202"},
    {0x1c85, NULL, NULL, NULL, "\321\202"},
    {0x1c86, NULL, NULL, NULL, "\321\212"},
    {0x1c87, NULL, NULL, NULL, "\321\243"},
    {0x1c88, NULL, NULL, NULL, "\352\231\213"},
    {0x1e96, NULL, "H\314\261", NULL, "h\314\261"},
    {0x1e97, NULL, "T\314\210", NULL, "t\314\210"},
    {0x1e98, NULL, "W\314\212", NULL, "w\314\212"},
    {0x1e99, NULL, "Y\314\212", NULL, "y\314\212"},
    {0x1e9a, NULL, "A\312\276", NULL, "a\312\276"},
    {0x1e9b, NULL, NULL, NULL, "\341\271\241"},
    {0x1e9e, NULL, NULL, NULL, "ss"},
    {0x1f50, NULL, "\316\245\314\223", NULL, "\317\205\314\223"},
    {0x1f52, NULL, "\316\245\314\223\314\200", NULL, "\317\205\314\223\314\200"},
    {0x1f54, NULL, "\316\245\314\223\314\201", NULL, "\317\205\314\223\314\201"},
    {0x1f56, NULL, "\316\245\314\223\315\202", NULL, "\317\205\314\223\315\202"},
    {0x1f80, NULL, "\341\274\210\316\231", "\341\276\210", "\341\274\200\316\271"},
    {0x1f81, NULL, "\341\274\211\316\231", "\341\276\211", "\341\274\201\316\271"},
    {0x1f82, NULL, "\341\274\212\316\231", "\341\276\212", "\341\274\202\316\271"},
    {0x1f83, NULL, "\341\274\213\316\231", "\341\276\213", "\341\274\203\316\271"},
    {0x1f84, NULL, "\341\274\214\316\231", "\341\276\214", "\341\274\204\316\271"},
    {0x1f85, NULL, "\341\274\215\316\231", "\341\276\215", "\341\274\205\316\271"},
    {0x1f86, NULL, "\341\274\216\316\231", "\341\276\216", "\341\274\206\316\271"},
    {0x1f87, NULL, "\341\274\217\316\231", "\341\276\217", "\341\274\207\316\271"},
    {0x1f88, NULL, "\341\274\210\316\231", "\341\276\210", "\341\274\200\316\271"},
    {0x1f89, NULL, "\341\274\211\316\231", "\341\276\211", "\341\274\201\316\271"},
    {0x1f8a, NULL, "\341\274\212\316\231", "\341\276\212", "\341\274\202\316\271"},
    {0x1f8b, NULL, "\341\274\213\316\231", "\341\276\213", "\341\274\203\316\271"},
    {0x1f8c, NULL, "\341\274\214\316\231", "\341\276\214", "\341\274\204\316\271"},
    {0x1f8d, NULL, "\341\274\215\316\231", "\341\276\215", "\341\274\205\316\271"},
    {0x1f8e, NULL, "\341\274\216\316\231", "\341\276\216", "\341\274\206\316\271"},
    {0x1f8f, NULL, "\341\274\217\316\231", "\341\276\217", "\341\274\207\316\271"},
    {0x1f90, NULL, "\341\274\250\316\231", "\341\276\230", "\341\274\240\316\271"},
    {0x1f91, NULL, "\341\274\251\316\231", "\341\276\231", "\341\274\241\316\271"},
    {0x1f92, NULL, "\341\274\252\316\231", "\341\276\232", "\341\274\242\316\271"},
    {0x1f93, NULL, "\341\274\253\316\231", "\341\276\233", "\341\274\243\316\271"},
    {0x1f94, NULL, "\341\274\254\316\231", "\341\276\234", "\341\274\244\316\271"},
    {0x1f95, NULL, "\341\274\255\316\231", "\341\276\235", "\341\274\245\316\271"},
    {0x1f96, NULL, "\341\274\256\316\231", "\341\276\236", "\341\274\246\316\271"},
    {0x1f97, NULL, "\341\274\257\316\231", "\341\276\237", "\341\274\247\316\271"},
    {0x1f98, NULL, "\341\274\250\316\231", "\341\276\230", "\341\274\240\316\271"},
    {0x1f99, NULL, "\341\274\251\316\231", "\341\276\231", "\341\274\241\316\271"},
    {0x1f9a, NULL, "\341\274\252\316\231", "\341\276\232", "\341\274\242\316\271"},
    {0x1f9b, NULL, "\341\274\253\316\231", "\341\276\233", "\341\274\243\316\271"},
    {0x1f9c, NULL, "\341\274\254\316\231", "\341\276\234", "\341\274\244\316\271"},
    {0x1f9d, NULL, "\341\274\255\316\231", "\341\276\235", "\341\274\245\316\271"},
    {0x1f9e, NULL, "\341\274\256\316\231", "\341\276\236", "\341\274\246\316\271"},
    {0x1f9f, NULL, "\341\274\257\316\231", "\341\276\237", "\341\274\247\316\271"},
    {0x1fa0, NULL, "\341\275\250\316\231", "\341\276\250", "\341\275\240\316\271"},
    {0x1fa1, NULL, "\341\275\251\316\231", "\341\276\251", "\341\275\241\316\271"},
    {0x1fa2, NULL, "\341\275\252\316\231", "\341\276\252", "\341\275\242\316\271"},
    {0x1fa3, NULL, "\341\275\253\316\231", "\341\276\253", "\341\275\243\316\271"},
    {0x1fa4, NULL, "\341\275\254\316\231", "\341\276\254", "\341\275\244\316\271"},
    {0x1fa5, NULL, "\341\275\255\316\231", "\341\276\255", "\341\275\245\316\271"},
    {0x1fa6, NULL, "\341\275\256\316\231", "\341\276\256", "\341\275\246\316\271"},
    {0x1fa7, NULL, "\341\275\257\316\231", "\341\276\257", "\341\275\247\316\271"},
    {0x1fa8, NULL, "\341\275\250\316\231", "\341\276\250", "\341\275\240\316\271"},
    {0x1fa9, NULL, "\341\275\251\316\231", "\341\276\251", "\341\275\241\316\271"},
    {0x1faa, NULL, "\341\275\252\316\231", "\341\276\252", "\341\275\242\316\271"},
    {0x1fab, NULL, "\341\275\253\316\231", "\341\276\253", "\341\275\243\316\271"},
    {0x1fac, NULL, "\341\275\254\316\231", "\341\276\254", "\341\275\244\316\271"},
    {0x1fad, NULL, "\341\275\255\316\231", "\341\276\255", "\341\275\245\316\271"},
    {0x1fae, NULL, "\341\275\256\316\231", "\341\276\256", "\341\275\246\316\271"},
    {0x1faf, NULL, "\341\275\257\316\231", "\341\276\257", "\341\275\247\316\271"},
    {0x1fb2, NULL, "\341\276\272\316\231", "\341\276\272\315\205", "\341\275\260\316\271"},
    {0x1fb3, NULL, "\316\221\316\231", "\341\276\274", "\316\261\316\271"},
    {0x1fb4, NULL, "\316\206\316\231", "\316\206\315\205", "\316\254\316\271"},
    {0x1fb6, NULL, "\316\221\315\202", NULL, "\316\261\315\202"},
    {0x1fb7, NULL, "\316\221\315\202\316\231", "\316\221\315\202\315\205", "\316\261\315\202\316\271"},
    {0x1fbc, NULL, "\316\221\316\231", "\341\276\274", "\316\261\316\271"},
    {0x1fbe, NULL, NULL, NULL, "\316\271"},
    {0x1fc2, NULL, "\341\277\212\316\231", "\341\277\212\315\205", "\341\275\264\316\271"},
    {0x1fc3, NULL, "\316\227\316\231", "\341\277\214", "\316\267\316\271"},
    {0x1fc4, NULL, "\316\211\316\231", "\316\211\315\205", "\316\256\316\271"},
    {0x1fc6, NULL, "\316\227\315\202", NULL, "\316\267\315\202"},
    {0x1fc7, NULL, "\316\227\315\202\316\231", "\316\227\315\202\315\205", "\316\267\315\202\316\271"},
    {0x1fcc, NULL, "\316\227\316\231", "\341\277\214", "\316\267\316\271"},
    {0x1fd2, NULL, "\316\231\314\210\314\200", NULL, "\316\271\314\210\314\200"},
    {0x1fd3, NULL, "\316\231\314\210\314\201", NULL, "\316\271\314\210\314\201"},
    {0x1fd6, NULL, "\316\231\315\202", NULL, "\316\271\315\202"},
    {0x1fd7, NULL, "\316\231\314\210\315\202", NULL, "\316\271\314\210\315\202"},
    {0x1fe2, NULL, "\316\245\314\210\314\200", NULL, "\317\205\314\210\314\200"},
    {0x1fe3, NULL, "\316\245\314\210\314\201", NULL, "\317\205\314\210\314\201"},
    {0x1fe4, NULL, "\316\241\314\223", NULL, "\317\201\314\223"},
    {0x1fe6, NULL, "\316\245\315\202", NULL, "\317\205\315\202"},
    {0x1fe7, NULL, "\316\245\314\210\315\202", NULL, "\317\205\314\210\315\202"},
    {0x1ff2, NULL, "\341\277\272\316\231", "\341\277\272\315\205", "\341\275\274\316\271"},
    {0x1ff3, NULL, "\316\251\316\231", "\341\277\274", "\317\211\316\271"},
    {0x1ff4, NULL, "\316\217\316\231", "\316\217\315\205", "\317\216\316\271"},
    {0x1ff6, NULL, "\316\251\315\202", NULL, "\317\211\315\202"},
    {0x1ff7, NULL, "\316\251\315\202\316\231", "\316\251\315\202\315\205", "\317\211\315\202\316\271"},
    {0x1ffc, NULL, "\316\251\316\231", "\341\277\274", "\317\211\316\271"},
    {0xab70, NULL, NULL, NULL, "\341\216\240"},
    {0xab71, NULL, NULL, NULL, "\341\216\241"},
    {0xab72, NULL, NULL, NULL, "\341\216\242"},
    {0xab73, NULL, NULL, NULL, "\341\216\243"},
    {0xab74, NULL, NULL, NULL, "\341\216\244"},
    {0xab75, NULL, NULL, NULL, "\341\216\245"},
    {0xab76, NULL, NULL, NULL, "\341\216\246"},
    {0xab77, NULL, NULL, NULL, "\341\216\247"},
    {0xab78, NULL, NULL, NULL, "\341\216\250"},
    {0xab79, NULL, NULL, NULL, "\341\216\251"},
    {0xab7a, NULL, NULL, NULL, "\341\216\252"},
    {0xab7b, NULL, NULL, NULL, "\341\216\253"},
    {0xab7c, NULL, NULL, NULL, "\341\216\254"},
    {0xab7d, NULL, NULL, NULL, "\341\216\255"},
    {0xab7e, NULL, NULL, NULL, "\341\216\256"},
    {0xab7f, NULL, NULL, NULL, "\341\216\257"},
    {0xab80, NULL, NULL, NULL, "\341\216\260"},
    {0xab81, NULL, NULL, NULL, "\341\216\261"},
    {0xab82, NULL, NULL, NULL, "\341\216\262"},
    {0xab83, NULL, NULL, NULL, "\341\216\263"},
    {0xab84, NULL, NULL, NULL, "\341\216\264"},
    {0xab85, NULL, NULL, NULL, "\341\216\265"},
    {0xab86, NULL, NULL, NULL, "\341\216\266"},
    {0xab87, NULL, NULL, NULL, "\341\216\267"},
    {0xab88, NULL, NULL, NULL, "\341\216\270"},
    {0xab89, NULL, NULL, NULL, "\341\216\271"},
    {0xab8a, NULL, NULL, NULL, "\341\216\272"},
    {0xab8b, NULL, NULL, NULL, "\341\216\273"},
    {0xab8c, NULL, NULL, NULL, "\341\216\274"},
    {0xab8d, NULL, NULL, NULL, "\341\216\275"},
    {0xab8e, NULL, NULL, NULL, "\341\216\276"},
    {0xab8f, NULL, NULL, NULL, "\341\216\277"},
    {0xab90, NULL, NULL, NULL, "\341\217\200"},
    {0xab91, NULL, NULL, NULL, "\341\217\201"},
    {0xab92, NULL, NULL, NULL, "\341\217\202"},
    {0xab93, NULL, NULL, NULL, "\341\217\203"},
    {0xab94, NULL, NULL, NULL, "\341\217\204"},
    {0xab95, NULL, NULL, NULL, "\341\217\205"},
    {0xab96, NULL, NULL, NULL, "\341\217\206"},
    {0xab97, NULL, NULL, NULL, "\341\217\207"},
    {0xab98, NULL, NULL, NULL, "\341\217\210"},
    {0xab99, NULL, NULL, NULL, "\341\217\211"},
    {0xab9a, NULL, NULL, NULL, "\341\217\212"},
    {0xab9b, NULL, NULL, NULL, "\341\217\213"},
    {0xab9c, NULL, NULL, NULL, "\341\217\214"},
    {0xab9d, NULL, NULL, NULL, "\341\217\215"},
    {0xab9e, NULL, NULL, NULL, "\341\217\216"},
    {0xab9f, NULL, NULL, NULL, "\341\217\217"},
    {0xaba0, NULL, NULL, NULL, "\341\217\220"},
    {0xaba1, NULL, NULL, NULL, "\341\217\221"},
    {0xaba2, NULL, NULL, NULL, "\341\217\222"},
    {0xaba3, NULL, NULL, NULL, "\341\217\223"},
    {0xaba4, NULL, NULL, NULL, "\341\217\224"},
    {0xaba5, NULL, NULL, NULL, "\341\217\225"},
    {0xaba6, NULL, NULL, NULL, "\341\217\226"},
    {0xaba7, NULL, NULL, NULL, "\341\217\227"},
    {0xaba8, NULL, NULL, NULL, "\341\217\230"},
    {0xaba9, NULL, NULL, NULL, "\341\217\231"},
    {0xabaa, NULL, NULL, NULL, "\341\217\232"},
    {0xabab, NULL, NULL, NULL, "\341\217\233"},
    {0xabac, NULL, NULL, NULL, "\341\217\234"},
    {0xabad, NULL, NULL, NULL, "\341\217\235"},
    {0xabae, NULL, NULL, NULL, "\341\217\236"},
    {0xabaf, NULL, NULL, NULL, "\341\217\237"},
    {0xabb0, NULL, NULL, NULL, "\341\217\240"},
    {0xabb1, NULL, NULL, NULL, "\341\217\241"},
    {0xabb2, NULL, NULL, NULL, "\341\217\242"},
    {0xabb3, NULL, NULL, NULL, "\341\217\243"},
    {0xabb4, NULL, NULL, NULL, "\341\217\244"},
    {0xabb5, NULL, NULL, NULL, "\341\217\245"},
    {0xabb6, NULL, NULL, NULL, "\341\217\246"},
    {0xabb7, NULL, NULL, NULL, "\341\217\247"},
    {0xabb8, NULL, NULL, NULL, "\341\217\250"},
    {0xabb9, NULL, NULL, NULL, "\341\217\251"},
    {0xabba, NULL, NULL, NULL, "\341\217\252"},
    {0xabbb, NULL, NULL, NULL, "\341\217\253"},
    {0xabbc, NULL, NULL, NULL, "\341\217\254"},
    {0xabbd, NULL, NULL, NULL, "\341\217\255"},
    {0xabbe, NULL, NULL, NULL, "\341\217\256"},
    {0xabbf, NULL, NULL, NULL, "\341\217\257"},
    {0xfb00, NULL, "FF", "Ff", "ff"},
    {0xfb01, NULL, "FI", "Fi", "fi"},
    {0xfb02, NULL, "FL", "Fl", "fl"},
    {0xfb03, NULL, "FFI", "Ffi", "ffi"},
    {0xfb04, NULL, "FFL", "Ffl", "ffl"},
    {0xfb05, NULL, "ST", "St", "st"},
    {0xfb06, NULL, "ST", "St", "st"},
    {0xfb13, NULL, "\325\204\325\206", "\325\204\325\266", "\325\264\325\266"},
    {0xfb14, NULL, "\325\204\324\265", "\325\204\325\245", "\325\264\325\245"},
    {0xfb15, NULL, "\325\204\324\273", "\325\204\325\253", "\325\264\325\253"},
    {0xfb16, NULL, "\325\216\325\206", "\325\216\325\266", "\325\276\325\266"},
    {0xfb17, NULL, "\325\204\324\275", "\325\204\325\255", "\325\264\325\255"},
};

