/* str.c — the str type: immutable UTF-8 strings with a cached hash, a cached
 * code-point count and an ascii flag (which makes indexing O(1) in the common
 * case), the intern table that lets dicts compare identifier keys by pointer,
 * cached one-character ASCII strings, repr with CPython's quoting and escaping
 * rules, and StrBuf for building strings. The str methods (split, join, ...)
 * are in str_methods.c.
 */
#define _GNU_SOURCE      /* memmem */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/str.h"
#include "core/args.h"
#include "objects/subclass.h"
#include "objects/bytes.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/range.h"
#include "objects/tuple.h"
#include "objects/iterators.h"

/* ------------------------------------------------------------------ */
/* hashing                                                              */

/* wyhash-style mixing: a 64x64->128 multiply folded to 64 bits, so every
 * input bit reaches the low bits a dict masks with. */
static inline uint64_t mum(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
    uint64_t ha = a >> 32, la = (uint32_t)a, hb = b >> 32, lb = (uint32_t)b;
    uint64_t rh = ha * hb, rm0 = ha * lb, rm1 = hb * la, rl = la * lb;
    uint64_t t = rl + (rm0 << 32), c = t < rl;
    uint64_t lo = t + (rm1 << 32);
    c += lo < t;
    uint64_t hi = rh + (rm0 >> 32) + (rm1 >> 32) + c;
    return lo ^ hi;
#endif
}

static inline uint64_t rd64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

#define P0 UINT64_C(0xa0761d6478bd642f)
#define P1 UINT64_C(0xe7037ed1a0b428db)
#define P2 UINT64_C(0x8ebc6af09c88c6e3)
#define P3 UINT64_C(0x589965cc75374cc3)

int64_t str_hash_bytes(const char *s, int64_t len)
{
    const uint8_t *p = (const uint8_t *)s;
    uint64_t h = P0 ^ (uint64_t)len;
    int64_t n = len;
    while (n >= 16) {
        h = mum(rd64(p) ^ P1, rd64(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    if (n >= 8) {
        h = mum(rd64(p) ^ P2, h ^ P1);
        p += 8;
        n -= 8;
    }
    uint64_t t = 0;
    if (n) memcpy(&t, p, (size_t)n);
    h = mum(t ^ P3, h ^ P2);
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t str_hash(Str *s)
{
    if (s->hash != -1) return s->hash;
    return s->hash = str_hash_bytes(s->data, s->len);
}

/* ------------------------------------------------------------------ */
/* UTF-8                                                                */

static inline int64_t count_codepoints(const char *s, int64_t len)
{
    const uint8_t *p = (const uint8_t *)s;
    int64_t i = 0, cont = 0;
    /* Count continuation bytes (10xxxxxx) a word at a time. */
    for (; i + 8 <= len; i += 8) {
        uint64_t w = rd64(p + i);
        uint64_t x = w & ~(w << 1) & UINT64_C(0x8080808080808080);   /* bit7 set, bit6 clear */
        if (w & UINT64_C(0x8080808080808080)) {
#ifdef __GNUC__
            cont += __builtin_popcountll(x);
#else
            for (; x; x &= x - 1) cont++;
#endif
        }
    }
    for (; i < len; i++) cont += (p[i] & 0xc0) == 0x80;
    return len - cont;
}

/* Decode the code point at p (valid UTF-8 assumed); *n gets its byte length. */
static inline uint32_t decode_cp(const uint8_t *p, int *n)
{
    uint8_t c = p[0];
    if (c < 0x80) { *n = 1; return c; }
    if (c < 0xe0) { *n = 2; return ((uint32_t)(c & 0x1f) << 6) | (p[1] & 0x3f); }
    if (c < 0xf0) { *n = 3; return ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f); }
    *n = 4;
    return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3f) << 12) | ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
}

static inline int encode_cp(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xc0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3f)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Byte offset of code point i (0 <= i <= nchars) of a non-ASCII string. */
static int64_t cp_offset(Str *s, int64_t i)
{
    if (s->ascii) return i;
    const uint8_t *p = (const uint8_t *)s->data;
    if (i > s->nchars / 2) {            /* walk back from the end */
        int64_t off = s->len, k = s->nchars;
        while (k > i) {
            off--;
            while ((p[off] & 0xc0) == 0x80) off--;
            k--;
        }
        return off;
    }
    int64_t off = 0;
    while (i > 0) {
        off++;
        while (off < s->len && (p[off] & 0xc0) == 0x80) off++;
        i--;
    }
    return off;
}

/* ------------------------------------------------------------------ */
/* allocation                                                           */

Str *str_alloc(int64_t len)
{
    if (len < 0 || (uint64_t)len > (uint64_t)INT64_MAX - sizeof(Str) - 1) {
        err_no_memory();
        return NULL;
    }
    Str *s = obj_alloc(&str_type, sizeof(Str) + (size_t)len + 1);
    if (!s) return NULL;
    s->len = len;
    s->nchars = len;
    s->hash = -1;
    s->ascii = 1;
    s->interned = 0;
    s->data[len] = 0;
    return s;
}

void str_finish(Str *s)
{
    s->data[s->len] = 0;
    s->nchars = count_codepoints(s->data, s->len);
    s->ascii = s->nchars == s->len;
    s->hash = -1;
}

static Str *ascii_chars[128];      /* borrowed from the intern table */
static Str *empty_str;

static Str *cached_small(const char *s, int64_t len)
{
    if (len == 0) {
        if (!empty_str) empty_str = str_intern("", 0);
        else obj_incref(empty_str);
        return empty_str;
    }
    unsigned char c = (unsigned char)s[0];
    Str *r = ascii_chars[c];
    if (!r) {
        r = str_intern(s, 1);
        if (!r) return NULL;
        ascii_chars[c] = r;
        return r;
    }
    obj_incref(r);
    return r;
}

int64_t str_count_chars(const char *s, size_t n)
{
    int64_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) k++;
    return k;
}

Str *str_new(const char *s, int64_t len)
{
    if (len == 0 || (len == 1 && (unsigned char)s[0] < 0x80)) return cached_small(s, len);
    Str *r = str_alloc(len);
    if (!r) return NULL;
    memcpy(r->data, s, (size_t)len);
    str_finish(r);
    return r;
}

Str *str_from_cstr(const char *s) { return str_new(s, (int64_t)strlen(s)); }

Value str_from_codepoint(uint32_t cp)
{
    char buf[4];
    if (cp < 0x80) {
        buf[0] = (char)cp;
        Str *r = cached_small(buf, 1);
        return r ? str_val(r) : VAL_ERROR;
    }
    int n = encode_cp(cp, buf);
    Str *r = str_alloc(n);
    if (!r) return VAL_ERROR;
    memcpy(r->data, buf, (size_t)n);
    r->nchars = 1;
    r->ascii = 0;
    return str_val(r);
}

/* ------------------------------------------------------------------ */
/* interning: an open-addressing set of Str* that owns one reference to each */

static Str **itab;
static int64_t itab_mask = -1, itab_used;

static bool itab_grow(void)
{
    int64_t nsize = itab ? (itab_mask + 1) * 2 : 1024;
    Str **nt = mem_calloc((size_t)nsize, sizeof(Str *));
    if (!nt) return false;
    for (int64_t i = 0; itab && i <= itab_mask; i++) {
        Str *s = itab[i];
        if (!s) continue;
        uint64_t j = (uint64_t)s->hash & (uint64_t)(nsize - 1);
        while (nt[j]) j = (j + 1) & (uint64_t)(nsize - 1);
        nt[j] = s;
    }
    mem_free(itab);
    itab = nt;
    itab_mask = nsize - 1;
    return true;
}

/* Slot of the string with these bytes, or of the empty slot where it goes. */
static int64_t itab_find(const char *s, int64_t len, int64_t hash)
{
    uint64_t j = (uint64_t)hash & (uint64_t)itab_mask;
    for (;;) {
        Str *e = itab[j];
        if (!e || (e->hash == hash && e->len == len && memcmp(e->data, s, (size_t)len) == 0))
            return (int64_t)j;
        j = (j + 1) & (uint64_t)itab_mask;
    }
}

static bool itab_reserve(void)
{
    if (!itab || (itab_used + 1) * 2 > itab_mask + 1) {
        if (!itab_grow()) { err_no_memory(); return false; }
    }
    return true;
}

Str *str_intern(const char *s, int64_t len)
{
    if (!itab_reserve()) return NULL;
    int64_t h = str_hash_bytes(s, len);
    int64_t j = itab_find(s, len, h);
    if (itab[j]) {
        obj_incref(itab[j]);
        return itab[j];
    }
    Str *r = str_alloc(len);
    if (!r) return NULL;
    memcpy(r->data, s, (size_t)len);
    str_finish(r);
    r->hash = h;
    r->interned = 1;
    obj_incref(r);              /* the table's reference */
    itab[j] = r;
    itab_used++;
    return r;
}

Str *str_intern_cstr(const char *s) { return str_intern(s, (int64_t)strlen(s)); }

void str_intern_in_place(Str **sp)
{
    Str *s = *sp;
    if (s->interned) return;
    if (!itab_reserve()) { err_clear(); return; }   /* stays uninterned: still correct */
    int64_t h = str_hash(s);
    int64_t j = itab_find(s->data, s->len, h);
    if (itab[j]) {
        obj_incref(itab[j]);
        *sp = itab[j];
        obj_decref(s);
        return;
    }
    s->interned = 1;
    obj_incref(s);
    itab[j] = s;
    itab_used++;
}

void str_intern_clear(void)
{
    Str **t = itab;
    int64_t n = itab_mask + 1;
    itab = NULL;
    itab_mask = -1;
    itab_used = 0;
    memset(ascii_chars, 0, sizeof ascii_chars);
    empty_str = NULL;
    for (int64_t i = 0; t && i < n; i++) {
        if (t[i]) {
            t[i]->interned = 0;
            obj_decref(t[i]);
        }
    }
    mem_free(t);
}

/* ------------------------------------------------------------------ */
/* basic operations                                                     */

bool str_eq(Str *a, Str *b)
{
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->interned && b->interned) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, (size_t)a->len) == 0;
}

bool str_eq_cstr(Str *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)a->len == n && memcmp(a->data, s, n) == 0;
}

Str *str_concat(Str *a, Str *b)
{
    if (b->len == 0) { obj_incref(a); return a; }
    if (a->len == 0) { obj_incref(b); return b; }
    if (a->len > INT64_MAX - b->len) { err_no_memory(); return NULL; }
    Str *r = str_alloc(a->len + b->len);
    if (!r) return NULL;
    memcpy(r->data, a->data, (size_t)a->len);
    memcpy(r->data + a->len, b->data, (size_t)b->len);
    r->nchars = a->nchars + b->nchars;
    r->ascii = a->ascii && b->ascii;
    return r;
}

Value str_repeat(Str *s, int64_t n)
{
    if (n <= 0 || s->len == 0) { Str *e = cached_small("", 0); return e ? str_val(e) : VAL_ERROR; }
    if (n == 1) { obj_incref(s); return str_val(s); }
    if (s->len > INT64_MAX / n) { err_no_memory(); return VAL_ERROR; }
    int64_t total = s->len * n;
    Str *r = str_alloc(total);
    if (!r) return VAL_ERROR;
    if (s->len == 1) {
        memset(r->data, s->data[0], (size_t)total);
    } else {
        memcpy(r->data, s->data, (size_t)s->len);
        int64_t done = s->len;
        while (done < total) {
            int64_t k = done <= total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)k);
            done += k;
        }
    }
    r->nchars = s->nchars * n;
    r->ascii = s->ascii;
    return str_val(r);
}

Value str_getitem_index(Str *s, int64_t i)
{
    if (i < 0) i += s->nchars;
    if (i < 0 || i >= s->nchars) {
        err_set(&exc_IndexError, "string index out of range");
        return VAL_ERROR;
    }
    if (s->ascii) return str_from_codepoint((unsigned char)s->data[i]);
    int n;
    uint32_t cp = decode_cp((const uint8_t *)s->data + cp_offset(s, i), &n);
    return str_from_codepoint(cp);
}

static Value str_slice(Str *s, Slice *sl)
{
    int64_t start, stop, step, n;
    if (slice_indices(sl, s->nchars, &start, &stop, &step, &n) < 0) return VAL_ERROR;
    if (n <= 0) { Str *e = cached_small("", 0); return e ? str_val(e) : VAL_ERROR; }
    if (step == 1) {
        if (n == s->nchars) { obj_incref(s); return str_val(s); }
        int64_t b0 = cp_offset(s, start);
        int64_t b1 = s->ascii ? stop : b0 + (cp_offset(s, stop) - b0);
        Str *r = str_new(s->data + b0, b1 - b0);
        return r ? str_val(r) : VAL_ERROR;
    }
    if (s->ascii) {
        Str *r = str_alloc(n);
        if (!r) return VAL_ERROR;
        for (int64_t k = 0, i = start; k < n; k++, i += step) r->data[k] = s->data[i];
        return str_val(r);
    }
    /* Non-ASCII with a step: index the code points once. */
    int64_t *offs = mem_alloc_array((size_t)s->nchars + 1, sizeof(int64_t));
    if (!offs) { err_no_memory(); return VAL_ERROR; }
    const uint8_t *p = (const uint8_t *)s->data;
    int64_t k = 0;
    for (int64_t off = 0; off < s->len; off++)
        if ((p[off] & 0xc0) != 0x80) offs[k++] = off;
    offs[k] = s->len;
    int64_t bytes = 0;
    for (int64_t j = 0, i = start; j < n; j++, i += step) bytes += offs[i + 1] - offs[i];
    Str *r = str_alloc(bytes);
    if (!r) { mem_free(offs); return VAL_ERROR; }
    char *out = r->data;
    for (int64_t j = 0, i = start; j < n; j++, i += step) {
        int64_t w = offs[i + 1] - offs[i];
        memcpy(out, s->data + offs[i], (size_t)w);
        out += w;
    }
    mem_free(offs);
    r->nchars = n;
    r->ascii = 0;
    return str_val(r);
}

static Value str_getitem(Value o, Value key)
{
    Str *s = val_as_str(o);
    if (val_is_int(key)) return str_getitem_index(s, val_as_int(key));
    if (val_is_obj(key) && val_as_obj(key)->type == &slice_type) return str_slice(s, (Slice *)val_as_obj(key));
    int64_t i;
    int k = int_subscript_index(key, &i);
    if (k) return k < 0 ? VAL_ERROR : str_getitem_index(s, i);
    err_format(&exc_TypeError, "string indices must be integers, not '%s'", val_type_name(key));
    return VAL_ERROR;
}

static int str_contains(Value o, Value x)
{
    Str *s = val_as_str(o), *n = val_str_or_sub(x);
    if (!n) {
        err_format(&exc_TypeError, "'in <string>' requires string as left operand, not %s", val_type_name(x));
        return -1;
    }
    if (n->len == 0) return 1;
    if (n->len > s->len) return 0;
    if (n->len == 1) return memchr(s->data, n->data[0], (size_t)s->len) != NULL;
    return memmem(s->data, (size_t)s->len, n->data, (size_t)n->len) != NULL;
}

static int64_t str_len(Value v) { return val_as_str(v)->nchars; }

static int str_hash_slot(Value v, int64_t *out) { *out = str_hash(val_as_str(v)); return 0; }

static Value str_compare(Value a, Value b, int op)
{
    if (!val_is_str(b)) return VAL_NOTIMPL;
    Str *x = val_as_str(a), *y = val_as_str(b);
    if (op == CMP_EQ) return val_from_bool(str_eq(x, y));
    if (op == CMP_NE) return val_from_bool(!str_eq(x, y));
    int64_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, (size_t)m);
    if (c == 0) c = (x->len > y->len) - (x->len < y->len);
    return val_from_bool(cmp_holds(op, c));
}

static Value str_str(Value v) { incref(v); return v; }

/* ------------------------------------------------------------------ */
/* repr                                                                 */

static const uint32_t nonprint_ranges[][2] = {
    {0x80,0xa0}, {0xad,0xad}, {0x378,0x379}, {0x380,0x383}, {0x38b,0x38b}, {0x38d,0x38d},
    {0x3a2,0x3a2}, {0x530,0x530}, {0x557,0x558}, {0x58b,0x58c}, {0x590,0x590}, {0x5c8,0x5cf},
    {0x5eb,0x5ee}, {0x5f5,0x605}, {0x61c,0x61c}, {0x6dd,0x6dd}, {0x70e,0x70f}, {0x74b,0x74c},
    {0x7b2,0x7bf}, {0x7fb,0x7fc}, {0x82e,0x82f}, {0x83f,0x83f}, {0x85c,0x85d}, {0x85f,0x85f},
    {0x86b,0x86f}, {0x88f,0x897}, {0x8e2,0x8e2}, {0x984,0x984}, {0x98d,0x98e}, {0x991,0x992},
    {0x9a9,0x9a9}, {0x9b1,0x9b1}, {0x9b3,0x9b5}, {0x9ba,0x9bb}, {0x9c5,0x9c6}, {0x9c9,0x9ca},
    {0x9cf,0x9d6}, {0x9d8,0x9db}, {0x9de,0x9de}, {0x9e4,0x9e5}, {0x9ff,0xa00}, {0xa04,0xa04},
    {0xa0b,0xa0e}, {0xa11,0xa12}, {0xa29,0xa29}, {0xa31,0xa31}, {0xa34,0xa34}, {0xa37,0xa37},
    {0xa3a,0xa3b}, {0xa3d,0xa3d}, {0xa43,0xa46}, {0xa49,0xa4a}, {0xa4e,0xa50}, {0xa52,0xa58},
    {0xa5d,0xa5d}, {0xa5f,0xa65}, {0xa77,0xa80}, {0xa84,0xa84}, {0xa8e,0xa8e}, {0xa92,0xa92},
    {0xaa9,0xaa9}, {0xab1,0xab1}, {0xab4,0xab4}, {0xaba,0xabb}, {0xac6,0xac6}, {0xaca,0xaca},
    {0xace,0xacf}, {0xad1,0xadf}, {0xae4,0xae5}, {0xaf2,0xaf8}, {0xb00,0xb00}, {0xb04,0xb04},
    {0xb0d,0xb0e}, {0xb11,0xb12}, {0xb29,0xb29}, {0xb31,0xb31}, {0xb34,0xb34}, {0xb3a,0xb3b},
    {0xb45,0xb46}, {0xb49,0xb4a}, {0xb4e,0xb54}, {0xb58,0xb5b}, {0xb5e,0xb5e}, {0xb64,0xb65},
    {0xb78,0xb81}, {0xb84,0xb84}, {0xb8b,0xb8d}, {0xb91,0xb91}, {0xb96,0xb98}, {0xb9b,0xb9b},
    {0xb9d,0xb9d}, {0xba0,0xba2}, {0xba5,0xba7}, {0xbab,0xbad}, {0xbba,0xbbd}, {0xbc3,0xbc5},
    {0xbc9,0xbc9}, {0xbce,0xbcf}, {0xbd1,0xbd6}, {0xbd8,0xbe5}, {0xbfb,0xbff}, {0xc0d,0xc0d},
    {0xc11,0xc11}, {0xc29,0xc29}, {0xc3a,0xc3b}, {0xc45,0xc45}, {0xc49,0xc49}, {0xc4e,0xc54},
    {0xc57,0xc57}, {0xc5b,0xc5c}, {0xc5e,0xc5f}, {0xc64,0xc65}, {0xc70,0xc76}, {0xc8d,0xc8d},
    {0xc91,0xc91}, {0xca9,0xca9}, {0xcb4,0xcb4}, {0xcba,0xcbb}, {0xcc5,0xcc5}, {0xcc9,0xcc9},
    {0xcce,0xcd4}, {0xcd7,0xcdc}, {0xcdf,0xcdf}, {0xce4,0xce5}, {0xcf0,0xcf0}, {0xcf3,0xcff},
    {0xd0d,0xd0d}, {0xd11,0xd11}, {0xd45,0xd45}, {0xd49,0xd49}, {0xd50,0xd53}, {0xd64,0xd65},
    {0xd80,0xd80}, {0xd84,0xd84}, {0xd97,0xd99}, {0xdb2,0xdb2}, {0xdbc,0xdbc}, {0xdbe,0xdbf},
    {0xdc7,0xdc9}, {0xdcb,0xdce}, {0xdd5,0xdd5}, {0xdd7,0xdd7}, {0xde0,0xde5}, {0xdf0,0xdf1},
    {0xdf5,0xe00}, {0xe3b,0xe3e}, {0xe5c,0xe80}, {0xe83,0xe83}, {0xe85,0xe85}, {0xe8b,0xe8b},
    {0xea4,0xea4}, {0xea6,0xea6}, {0xebe,0xebf}, {0xec5,0xec5}, {0xec7,0xec7}, {0xece,0xecf},
    {0xeda,0xedb}, {0xee0,0xeff}, {0xf48,0xf48}, {0xf6d,0xf70}, {0xf98,0xf98}, {0xfbd,0xfbd},
    {0xfcd,0xfcd}, {0xfdb,0xfff}, {0x10c6,0x10c6}, {0x10c8,0x10cc}, {0x10ce,0x10cf}, {0x1249,0x1249},
    {0x124e,0x124f}, {0x1257,0x1257}, {0x1259,0x1259}, {0x125e,0x125f}, {0x1289,0x1289}, {0x128e,0x128f},
    {0x12b1,0x12b1}, {0x12b6,0x12b7}, {0x12bf,0x12bf}, {0x12c1,0x12c1}, {0x12c6,0x12c7}, {0x12d7,0x12d7},
    {0x1311,0x1311}, {0x1316,0x1317}, {0x135b,0x135c}, {0x137d,0x137f}, {0x139a,0x139f}, {0x13f6,0x13f7},
    {0x13fe,0x13ff}, {0x1680,0x1680}, {0x169d,0x169f}, {0x16f9,0x16ff}, {0x1716,0x171e}, {0x1737,0x173f},
    {0x1754,0x175f}, {0x176d,0x176d}, {0x1771,0x1771}, {0x1774,0x177f}, {0x17de,0x17df}, {0x17ea,0x17ef},
    {0x17fa,0x17ff}, {0x180e,0x180e}, {0x181a,0x181f}, {0x1879,0x187f}, {0x18ab,0x18af}, {0x18f6,0x18ff},
    {0x191f,0x191f}, {0x192c,0x192f}, {0x193c,0x193f}, {0x1941,0x1943}, {0x196e,0x196f}, {0x1975,0x197f},
    {0x19ac,0x19af}, {0x19ca,0x19cf}, {0x19db,0x19dd}, {0x1a1c,0x1a1d}, {0x1a5f,0x1a5f}, {0x1a7d,0x1a7e},
    {0x1a8a,0x1a8f}, {0x1a9a,0x1a9f}, {0x1aae,0x1aaf}, {0x1acf,0x1aff}, {0x1b4d,0x1b4f}, {0x1b7f,0x1b7f},
    {0x1bf4,0x1bfb}, {0x1c38,0x1c3a}, {0x1c4a,0x1c4c}, {0x1c89,0x1c8f}, {0x1cbb,0x1cbc}, {0x1cc8,0x1ccf},
    {0x1cfb,0x1cff}, {0x1f16,0x1f17}, {0x1f1e,0x1f1f}, {0x1f46,0x1f47}, {0x1f4e,0x1f4f}, {0x1f58,0x1f58},
    {0x1f5a,0x1f5a}, {0x1f5c,0x1f5c}, {0x1f5e,0x1f5e}, {0x1f7e,0x1f7f}, {0x1fb5,0x1fb5}, {0x1fc5,0x1fc5},
    {0x1fd4,0x1fd5}, {0x1fdc,0x1fdc}, {0x1ff0,0x1ff1}, {0x1ff5,0x1ff5}, {0x1fff,0x200f}, {0x2028,0x202f},
    {0x205f,0x206f}, {0x2072,0x2073}, {0x208f,0x208f}, {0x209d,0x209f}, {0x20c1,0x20cf}, {0x20f1,0x20ff},
    {0x218c,0x218f}, {0x2427,0x243f}, {0x244b,0x245f}, {0x2b74,0x2b75}, {0x2b96,0x2b96}, {0x2cf4,0x2cf8},
    {0x2d26,0x2d26}, {0x2d28,0x2d2c}, {0x2d2e,0x2d2f}, {0x2d68,0x2d6e}, {0x2d71,0x2d7e}, {0x2d97,0x2d9f},
    {0x2da7,0x2da7}, {0x2daf,0x2daf}, {0x2db7,0x2db7}, {0x2dbf,0x2dbf}, {0x2dc7,0x2dc7}, {0x2dcf,0x2dcf},
    {0x2dd7,0x2dd7}, {0x2ddf,0x2ddf}, {0x2e5e,0x2e7f}, {0x2e9a,0x2e9a}, {0x2ef4,0x2eff}, {0x2fd6,0x2fef},
    {0x2ffc,0x3000}, {0x3040,0x3040}, {0x3097,0x3098}, {0x3100,0x3104}, {0x3130,0x3130}, {0x318f,0x318f},
    {0x31e4,0x31ef}, {0x321f,0x321f}, {0xa48d,0xa48f}, {0xa4c7,0xa4cf}, {0xa62c,0xa63f}, {0xa6f8,0xa6ff},
    {0xa7cb,0xa7cf}, {0xa7d2,0xa7d2}, {0xa7d4,0xa7d4}, {0xa7da,0xa7f1}, {0xa82d,0xa82f}, {0xa83a,0xa83f},
    {0xa878,0xa87f}, {0xa8c6,0xa8cd}, {0xa8da,0xa8df}, {0xa954,0xa95e}, {0xa97d,0xa97f}, {0xa9ce,0xa9ce},
    {0xa9da,0xa9dd}, {0xa9ff,0xa9ff}, {0xaa37,0xaa3f}, {0xaa4e,0xaa4f}, {0xaa5a,0xaa5b}, {0xaac3,0xaada},
    {0xaaf7,0xab00}, {0xab07,0xab08}, {0xab0f,0xab10}, {0xab17,0xab1f}, {0xab27,0xab27}, {0xab2f,0xab2f},
    {0xab6c,0xab6f}, {0xabee,0xabef}, {0xabfa,0xabff}, {0xd7a4,0xd7af}, {0xd7c7,0xd7ca}, {0xd7fc,0xf8ff},
    {0xfa6e,0xfa6f}, {0xfada,0xfaff}, {0xfb07,0xfb12}, {0xfb18,0xfb1c}, {0xfb37,0xfb37}, {0xfb3d,0xfb3d},
    {0xfb3f,0xfb3f}, {0xfb42,0xfb42}, {0xfb45,0xfb45}, {0xfbc3,0xfbd2}, {0xfd90,0xfd91}, {0xfdc8,0xfdce},
    {0xfdd0,0xfdef}, {0xfe1a,0xfe1f}, {0xfe53,0xfe53}, {0xfe67,0xfe67}, {0xfe6c,0xfe6f}, {0xfe75,0xfe75},
    {0xfefd,0xff00}, {0xffbf,0xffc1}, {0xffc8,0xffc9}, {0xffd0,0xffd1}, {0xffd8,0xffd9}, {0xffdd,0xffdf},
    {0xffe7,0xffe7}, {0xffef,0xfffb}, {0xfffe,0xffff}, {0x1000c,0x1000c}, {0x10027,0x10027}, {0x1003b,0x1003b},
    {0x1003e,0x1003e}, {0x1004e,0x1004f}, {0x1005e,0x1007f}, {0x100fb,0x100ff}, {0x10103,0x10106}, {0x10134,0x10136},
    {0x1018f,0x1018f}, {0x1019d,0x1019f}, {0x101a1,0x101cf}, {0x101fe,0x1027f}, {0x1029d,0x1029f}, {0x102d1,0x102df},
    {0x102fc,0x102ff}, {0x10324,0x1032c}, {0x1034b,0x1034f}, {0x1037b,0x1037f}, {0x1039e,0x1039e}, {0x103c4,0x103c7},
    {0x103d6,0x103ff}, {0x1049e,0x1049f}, {0x104aa,0x104af}, {0x104d4,0x104d7}, {0x104fc,0x104ff}, {0x10528,0x1052f},
    {0x10564,0x1056e}, {0x1057b,0x1057b}, {0x1058b,0x1058b}, {0x10593,0x10593}, {0x10596,0x10596}, {0x105a2,0x105a2},
    {0x105b2,0x105b2}, {0x105ba,0x105ba}, {0x105bd,0x105ff}, {0x10737,0x1073f}, {0x10756,0x1075f}, {0x10768,0x1077f},
    {0x10786,0x10786}, {0x107b1,0x107b1}, {0x107bb,0x107ff}, {0x10806,0x10807}, {0x10809,0x10809}, {0x10836,0x10836},
    {0x10839,0x1083b}, {0x1083d,0x1083e}, {0x10856,0x10856}, {0x1089f,0x108a6}, {0x108b0,0x108df}, {0x108f3,0x108f3},
    {0x108f6,0x108fa}, {0x1091c,0x1091e}, {0x1093a,0x1093e}, {0x10940,0x1097f}, {0x109b8,0x109bb}, {0x109d0,0x109d1},
    {0x10a04,0x10a04}, {0x10a07,0x10a0b}, {0x10a14,0x10a14}, {0x10a18,0x10a18}, {0x10a36,0x10a37}, {0x10a3b,0x10a3e},
    {0x10a49,0x10a4f}, {0x10a59,0x10a5f}, {0x10aa0,0x10abf}, {0x10ae7,0x10aea}, {0x10af7,0x10aff}, {0x10b36,0x10b38},
    {0x10b56,0x10b57}, {0x10b73,0x10b77}, {0x10b92,0x10b98}, {0x10b9d,0x10ba8}, {0x10bb0,0x10bff}, {0x10c49,0x10c7f},
    {0x10cb3,0x10cbf}, {0x10cf3,0x10cf9}, {0x10d28,0x10d2f}, {0x10d3a,0x10e5f}, {0x10e7f,0x10e7f}, {0x10eaa,0x10eaa},
    {0x10eae,0x10eaf}, {0x10eb2,0x10eff}, {0x10f28,0x10f2f}, {0x10f5a,0x10f6f}, {0x10f8a,0x10faf}, {0x10fcc,0x10fdf},
    {0x10ff7,0x10fff}, {0x1104e,0x11051}, {0x11076,0x1107e}, {0x110bd,0x110bd}, {0x110c3,0x110cf}, {0x110e9,0x110ef},
    {0x110fa,0x110ff}, {0x11135,0x11135}, {0x11148,0x1114f}, {0x11177,0x1117f}, {0x111e0,0x111e0}, {0x111f5,0x111ff},
    {0x11212,0x11212}, {0x1123f,0x1127f}, {0x11287,0x11287}, {0x11289,0x11289}, {0x1128e,0x1128e}, {0x1129e,0x1129e},
    {0x112aa,0x112af}, {0x112eb,0x112ef}, {0x112fa,0x112ff}, {0x11304,0x11304}, {0x1130d,0x1130e}, {0x11311,0x11312},
    {0x11329,0x11329}, {0x11331,0x11331}, {0x11334,0x11334}, {0x1133a,0x1133a}, {0x11345,0x11346}, {0x11349,0x1134a},
    {0x1134e,0x1134f}, {0x11351,0x11356}, {0x11358,0x1135c}, {0x11364,0x11365}, {0x1136d,0x1136f}, {0x11375,0x113ff},
    {0x1145c,0x1145c}, {0x11462,0x1147f}, {0x114c8,0x114cf}, {0x114da,0x1157f}, {0x115b6,0x115b7}, {0x115de,0x115ff},
    {0x11645,0x1164f}, {0x1165a,0x1165f}, {0x1166d,0x1167f}, {0x116ba,0x116bf}, {0x116ca,0x116ff}, {0x1171b,0x1171c},
    {0x1172c,0x1172f}, {0x11747,0x117ff}, {0x1183c,0x1189f}, {0x118f3,0x118fe}, {0x11907,0x11908}, {0x1190a,0x1190b},
    {0x11914,0x11914}, {0x11917,0x11917}, {0x11936,0x11936}, {0x11939,0x1193a}, {0x11947,0x1194f}, {0x1195a,0x1199f},
    {0x119a8,0x119a9}, {0x119d8,0x119d9}, {0x119e5,0x119ff}, {0x11a48,0x11a4f}, {0x11aa3,0x11aaf}, {0x11af9,0x11bff},
    {0x11c09,0x11c09}, {0x11c37,0x11c37}, {0x11c46,0x11c4f}, {0x11c6d,0x11c6f}, {0x11c90,0x11c91}, {0x11ca8,0x11ca8},
    {0x11cb7,0x11cff}, {0x11d07,0x11d07}, {0x11d0a,0x11d0a}, {0x11d37,0x11d39}, {0x11d3b,0x11d3b}, {0x11d3e,0x11d3e},
    {0x11d48,0x11d4f}, {0x11d5a,0x11d5f}, {0x11d66,0x11d66}, {0x11d69,0x11d69}, {0x11d8f,0x11d8f}, {0x11d92,0x11d92},
    {0x11d99,0x11d9f}, {0x11daa,0x11edf}, {0x11ef9,0x11faf}, {0x11fb1,0x11fbf}, {0x11ff2,0x11ffe}, {0x1239a,0x123ff},
    {0x1246f,0x1246f}, {0x12475,0x1247f}, {0x12544,0x12f8f}, {0x12ff3,0x12fff}, {0x1342f,0x143ff}, {0x14647,0x167ff},
    {0x16a39,0x16a3f}, {0x16a5f,0x16a5f}, {0x16a6a,0x16a6d}, {0x16abf,0x16abf}, {0x16aca,0x16acf}, {0x16aee,0x16aef},
    {0x16af6,0x16aff}, {0x16b46,0x16b4f}, {0x16b5a,0x16b5a}, {0x16b62,0x16b62}, {0x16b78,0x16b7c}, {0x16b90,0x16e3f},
    {0x16e9b,0x16eff}, {0x16f4b,0x16f4e}, {0x16f88,0x16f8e}, {0x16fa0,0x16fdf}, {0x16fe5,0x16fef}, {0x16ff2,0x16fff},
    {0x187f8,0x187ff}, {0x18cd6,0x18cff}, {0x18d09,0x1afef}, {0x1aff4,0x1aff4}, {0x1affc,0x1affc}, {0x1afff,0x1afff},
    {0x1b123,0x1b14f}, {0x1b153,0x1b163}, {0x1b168,0x1b16f}, {0x1b2fc,0x1bbff}, {0x1bc6b,0x1bc6f}, {0x1bc7d,0x1bc7f},
    {0x1bc89,0x1bc8f}, {0x1bc9a,0x1bc9b}, {0x1bca0,0x1ceff}, {0x1cf2e,0x1cf2f}, {0x1cf47,0x1cf4f}, {0x1cfc4,0x1cfff},
    {0x1d0f6,0x1d0ff}, {0x1d127,0x1d128}, {0x1d173,0x1d17a}, {0x1d1eb,0x1d1ff}, {0x1d246,0x1d2df}, {0x1d2f4,0x1d2ff},
    {0x1d357,0x1d35f}, {0x1d379,0x1d3ff}, {0x1d455,0x1d455}, {0x1d49d,0x1d49d}, {0x1d4a0,0x1d4a1}, {0x1d4a3,0x1d4a4},
    {0x1d4a7,0x1d4a8}, {0x1d4ad,0x1d4ad}, {0x1d4ba,0x1d4ba}, {0x1d4bc,0x1d4bc}, {0x1d4c4,0x1d4c4}, {0x1d506,0x1d506},
    {0x1d50b,0x1d50c}, {0x1d515,0x1d515}, {0x1d51d,0x1d51d}, {0x1d53a,0x1d53a}, {0x1d53f,0x1d53f}, {0x1d545,0x1d545},
    {0x1d547,0x1d549}, {0x1d551,0x1d551}, {0x1d6a6,0x1d6a7}, {0x1d7cc,0x1d7cd}, {0x1da8c,0x1da9a}, {0x1daa0,0x1daa0},
    {0x1dab0,0x1deff}, {0x1df1f,0x1dfff}, {0x1e007,0x1e007}, {0x1e019,0x1e01a}, {0x1e022,0x1e022}, {0x1e025,0x1e025},
    {0x1e02b,0x1e0ff}, {0x1e12d,0x1e12f}, {0x1e13e,0x1e13f}, {0x1e14a,0x1e14d}, {0x1e150,0x1e28f}, {0x1e2af,0x1e2bf},
    {0x1e2fa,0x1e2fe}, {0x1e300,0x1e7df}, {0x1e7e7,0x1e7e7}, {0x1e7ec,0x1e7ec}, {0x1e7ef,0x1e7ef}, {0x1e7ff,0x1e7ff},
    {0x1e8c5,0x1e8c6}, {0x1e8d7,0x1e8ff}, {0x1e94c,0x1e94f}, {0x1e95a,0x1e95d}, {0x1e960,0x1ec70}, {0x1ecb5,0x1ed00},
    {0x1ed3e,0x1edff}, {0x1ee04,0x1ee04}, {0x1ee20,0x1ee20}, {0x1ee23,0x1ee23}, {0x1ee25,0x1ee26}, {0x1ee28,0x1ee28},
    {0x1ee33,0x1ee33}, {0x1ee38,0x1ee38}, {0x1ee3a,0x1ee3a}, {0x1ee3c,0x1ee41}, {0x1ee43,0x1ee46}, {0x1ee48,0x1ee48},
    {0x1ee4a,0x1ee4a}, {0x1ee4c,0x1ee4c}, {0x1ee50,0x1ee50}, {0x1ee53,0x1ee53}, {0x1ee55,0x1ee56}, {0x1ee58,0x1ee58},
    {0x1ee5a,0x1ee5a}, {0x1ee5c,0x1ee5c}, {0x1ee5e,0x1ee5e}, {0x1ee60,0x1ee60}, {0x1ee63,0x1ee63}, {0x1ee65,0x1ee66},
    {0x1ee6b,0x1ee6b}, {0x1ee73,0x1ee73}, {0x1ee78,0x1ee78}, {0x1ee7d,0x1ee7d}, {0x1ee7f,0x1ee7f}, {0x1ee8a,0x1ee8a},
    {0x1ee9c,0x1eea0}, {0x1eea4,0x1eea4}, {0x1eeaa,0x1eeaa}, {0x1eebc,0x1eeef}, {0x1eef2,0x1efff}, {0x1f02c,0x1f02f},
    {0x1f094,0x1f09f}, {0x1f0af,0x1f0b0}, {0x1f0c0,0x1f0c0}, {0x1f0d0,0x1f0d0}, {0x1f0f6,0x1f0ff}, {0x1f1ae,0x1f1e5},
    {0x1f203,0x1f20f}, {0x1f23c,0x1f23f}, {0x1f249,0x1f24f}, {0x1f252,0x1f25f}, {0x1f266,0x1f2ff}, {0x1f6d8,0x1f6dc},
    {0x1f6ed,0x1f6ef}, {0x1f6fd,0x1f6ff}, {0x1f774,0x1f77f}, {0x1f7d9,0x1f7df}, {0x1f7ec,0x1f7ef}, {0x1f7f1,0x1f7ff},
    {0x1f80c,0x1f80f}, {0x1f848,0x1f84f}, {0x1f85a,0x1f85f}, {0x1f888,0x1f88f}, {0x1f8ae,0x1f8af}, {0x1f8b2,0x1f8ff},
    {0x1fa54,0x1fa5f}, {0x1fa6e,0x1fa6f}, {0x1fa75,0x1fa77}, {0x1fa7d,0x1fa7f}, {0x1fa87,0x1fa8f}, {0x1faad,0x1faaf},
    {0x1fabb,0x1fabf}, {0x1fac6,0x1facf}, {0x1fada,0x1fadf}, {0x1fae8,0x1faef}, {0x1faf7,0x1faff}, {0x1fb93,0x1fb93},
    {0x1fbcb,0x1fbef}, {0x1fbfa,0x1ffff}, {0x2a6e0,0x2a6ff}, {0x2b739,0x2b73f}, {0x2b81e,0x2b81f}, {0x2cea2,0x2ceaf},
    {0x2ebe1,0x2f7ff}, {0x2fa1e,0x2ffff}, {0x3134b,0xe00ff}, {0xe01f0,0x10ffff},
};

/* Non-printable as str.isprintable() says (Unicode 14, Python 3.11): control,
 * format, surrogate, private-use, unassigned and separators other than ' '. */
bool str_cp_printable(uint32_t cp)
{
    if (cp < 0x80) return cp >= 0x20 && cp != 0x7f;
    size_t lo = 0, hi = sizeof nonprint_ranges / sizeof nonprint_ranges[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < nonprint_ranges[mid][0]) hi = mid;
        else if (cp > nonprint_ranges[mid][1]) lo = mid + 1;
        else return false;
    }
    return true;
}

static Value str_repr(Value v)
{
    Str *s = val_as_str(v);
    const uint8_t *p = (const uint8_t *)s->data;
    bool sq = memchr(s->data, '\'', (size_t)s->len) != NULL;
    bool dq = sq && memchr(s->data, '"', (size_t)s->len) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, quote);
    int64_t i = 0, run = 0;
    static const char hex[] = "0123456789abcdef";
    while (i < s->len) {
        uint8_t c = p[i];
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != (uint8_t)quote) { i++; run++; continue; }
        if (run) { sb_putn(&b, (const char *)p + i - run, run); run = 0; }
        if (c < 0x80) {
            char e[4] = { '\\', 0, 0, 0 };
            switch (c) {
            case '\n': e[1] = 'n'; sb_putn(&b, e, 2); break;
            case '\r': e[1] = 'r'; sb_putn(&b, e, 2); break;
            case '\t': e[1] = 't'; sb_putn(&b, e, 2); break;
            case '\\': e[1] = '\\'; sb_putn(&b, e, 2); break;
            default:
                if (c == (uint8_t)quote) { e[1] = (char)c; sb_putn(&b, e, 2); break; }
                e[1] = 'x'; e[2] = hex[c >> 4]; e[3] = hex[c & 15];
                sb_putn(&b, e, 4);
            }
            i++;
            continue;
        }
        int n;
        uint32_t cp = decode_cp(p + i, &n);
        if (str_cp_printable(cp)) sb_putn(&b, (const char *)p + i, n);
        else if (cp < 0x100) sb_printf(&b, "\\x%02x", cp);
        else if (cp < 0x10000) sb_printf(&b, "\\u%04x", cp);
        else sb_printf(&b, "\\U%08x", cp);
        i += n;
    }
    if (run) sb_putn(&b, (const char *)p + i - run, run);
    sb_putc(&b, quote);
    return sb_finish(&b);
}

/* ------------------------------------------------------------------ */
/* iteration                                                            */

typedef struct StrIter { Obj ob; Str *s; int64_t pos; } StrIter;

static void striter_dealloc(Obj *o)
{
    StrIter *it = (StrIter *)o;
    if (it->s) obj_decref(it->s);
    obj_free(o);
}


static Value striter_next(Value v)
{
    StrIter *it = (StrIter *)val_as_obj(v);
    Str *s = it->s;
    if (!s) return VAL_UNDEF;
    if (it->pos >= s->len) {
        it->s = NULL;
        obj_decref(s);
        return VAL_UNDEF;
    }
    uint8_t c = (uint8_t)s->data[it->pos];
    if (c < 0x80) {
        it->pos++;
        Str *r = ascii_chars[c];
        if (r) { obj_incref(r); return str_val(r); }
        return str_from_codepoint(c);
    }
    int n;
    uint32_t cp = decode_cp((const uint8_t *)s->data + it->pos, &n);
    it->pos += n;
    return str_from_codepoint(cp);
}

static void striter_traverse(Obj *o, VisitProc visit, void *arg)
{
    StrIter *it = (StrIter *)o;
    if (it->s) visit((Obj *)it->s, arg);
}

/* Two names as in CPython (repr shows them); same behaviour. */
#define STRITER_TYPE(cname, pyname) \
    static Type cname = { \
        .ob = OBJ_HEAD_INIT(&type_type), .name = pyname, .size = sizeof(StrIter), \
        .dealloc = striter_dealloc, .iter = iter_self, .next = striter_next, \
        .traverse = striter_traverse, \
    }
STRITER_TYPE(str_ascii_iterator_type, "str_ascii_iterator");
STRITER_TYPE(str_iterator_type, "str_iterator");
#undef STRITER_TYPE

static Value str_iter(Value v)
{
    Str *s = val_as_str(v);
    StrIter *it = obj_alloc(s->ascii ? &str_ascii_iterator_type : &str_iterator_type, sizeof(StrIter));
    if (!it) return VAL_ERROR;
    obj_incref(s);
    it->s = s;
    it->pos = 0;
    return val_from_obj(it);
}

/* ------------------------------------------------------------------ */
/* the type                                                             */

static Value str_type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    static const char *const names[] = { "object", "encoding", "errors", NULL };
    Value a[3];
    if (args_bind("str", args, nargs, kwnames, names, 3, 0, a) < 0) return VAL_ERROR;
    Value obj = a[0], encv = a[1], errv = a[2];
    if (encv != VAL_UNDEF || errv != VAL_UNDEF) {
        if (encv != VAL_UNDEF && !val_is_str(encv)) {
            err_format(&exc_TypeError, "str() argument 'encoding' must be str, not %s", val_type_name(encv));
            return VAL_ERROR;
        }
        if (errv != VAL_UNDEF && !val_is_str(errv)) {
            err_format(&exc_TypeError, "str() argument 'errors' must be str, not %s", val_type_name(errv));
            return VAL_ERROR;
        }
        if (obj != VAL_UNDEF && val_is_bytes(obj)) {    /* str(b, encoding, errors) is b.decode(...) */
            const char *ename = encv != VAL_UNDEF ? val_as_str(encv)->data : "utf-8";
            const char *errname = errv != VAL_UNDEF ? val_as_str(errv)->data : "strict";
            int enc = codec_lookup(ename);
            if (enc == CODEC_UNKNOWN) {
                err_format(&exc_LookupError, "unknown encoding: %s", ename);
                return VAL_ERROR;
            }
            Bytes *b = val_as_bytes(obj);
            return codec_decode(b->data, b->len, enc, codec_errors(errname), errname);
        }
        if (obj != VAL_UNDEF) {
            if (val_is_str(obj)) err_set(&exc_TypeError, "decoding str is not supported");
            else err_format(&exc_TypeError, "decoding to str: need a bytes-like object, %s found", val_type_name(obj));
            return VAL_ERROR;
        }
    }
    if (obj == VAL_UNDEF) {
        Str *e = cached_small("", 0);
        return e ? str_val(e) : VAL_ERROR;
    }
    if (val_is_str(obj)) { incref(obj); return obj; }
    return obj_str(obj);
}

static void str_dealloc(Obj *o) { obj_free(o); }

Type str_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "str",
    .size = sizeof(Str),
    .flags = TYPE_SEQUENCE | TYPE_BASETYPE,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .compare = str_compare,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
    .new = str_type_new,
    .methods = str_methods,
};

/* ------------------------------------------------------------------ */
/* StrBuf                                                               */

void sb_init(StrBuf *b) { b->data = NULL; b->len = b->cap = 0; b->failed = false; }

static bool sb_reserve(StrBuf *b, int64_t extra)
{
    if (b->failed) return false;
    if (extra <= b->cap - b->len - 1) return true;
    if (extra > INT64_MAX / 2 - b->len) { b->failed = true; return false; }
    int64_t need = b->len + extra + 1;
    int64_t ncap = b->cap < 64 ? 64 : b->cap;
    while (ncap < need) ncap *= 2;
    char *nd = mem_realloc(b->data, (size_t)ncap);
    if (!nd) { b->failed = true; return false; }
    b->data = nd;
    b->cap = ncap;
    return true;
}

void sb_putn(StrBuf *b, const char *s, int64_t n)
{
    if (n <= 0 || !sb_reserve(b, n)) return;
    memcpy(b->data + b->len, s, (size_t)n);
    b->len += n;
    b->data[b->len] = 0;
}

void sb_puts(StrBuf *b, const char *s) { sb_putn(b, s, (int64_t)strlen(s)); }

void sb_putc(StrBuf *b, char c)
{
    if (!sb_reserve(b, 1)) return;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

void sb_printf(StrBuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) { sb_putn(b, small, n); return; }
    if (!sb_reserve(b, n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += n;
}

Value sb_finish(StrBuf *b)
{
    if (b->failed) {
        sb_free(b);
        err_no_memory();
        return VAL_ERROR;
    }
    Str *s = str_new(b->data ? b->data : "", b->len);
    sb_free(b);
    return s ? str_val(s) : VAL_ERROR;
}

void sb_free(StrBuf *b)
{
    mem_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
