/* str.h — Python strs: immutable UTF-8 strings with cached hash, code-point
 * length and interning. Indexing is O(1) when the string is ASCII (the
 * common case), O(n) otherwise. Also StrBuf, the growable buffer strings are
 * built in. The methods (split, join, ...) live in str_methods.c, formatting
 * (format specs, `%`) in format.h.
 *
 * Values returned are new references; errors are NULL / VAL_ERROR with the
 * exception set (MemoryError unless stated). */
#ifndef SCR_STR_H
#define SCR_STR_H

#include "core/object.h"

/* ---- the object ---- */

struct Str {
    Obj ob;
    int64_t len;          /* bytes, excluding the trailing NUL */
    int64_t nchars;       /* code points */
    int64_t hash;         /* -1 until computed */
    uint8_t ascii;        /* len == nchars */
    uint8_t interned;
    char data[];          /* NUL-terminated UTF-8 */
};

extern Type str_type;
extern const MethodDef str_methods[];           /* str_methods.c */

static inline Value str_val(Str *s) { return val_from_obj(s); }
static inline bool val_is_str(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &str_type; }
static inline Str *val_as_str(Value v) { return (Str *)val_as_obj(v); }

/* ---- building ---- */

Str  *str_new(const char *s, int64_t len);      /* copies s[:len] */
Str  *str_from_cstr(const char *s);
Str  *str_alloc(int64_t len);                   /* uninitialised data[len]; fill it, then str_finish */
void  str_finish(Str *s);                       /* counts code points, sets ascii */
Str  *str_concat(Str *a, Str *b);               /* may return a or b itself (a new reference) */
Value str_repeat(Str *s, int64_t n);
Value str_from_codepoint(uint32_t cp);          /* one-character string (cached for ASCII) */
Value str_getitem_index(Str *s, int64_t i);     /* code point i (negative allowed), IndexError */

/* ---- interning ---- */

Str  *str_intern(const char *s, int64_t len);   /* new reference to the unique copy */
Str  *str_intern_cstr(const char *s);
/* Replace *s (owned) by its interned copy; on MemoryError *s stays as it
 * is, uninterned, and no exception is set. */
void  str_intern_in_place(Str **s);
void  str_intern_clear(void);                   /* at exit */

/* ---- hashing and comparison (never fail) ---- */

int64_t str_hash(Str *s);
/* The hash str_hash caches, for lookups without a Str. */
int64_t str_hash_bytes(const char *s, int64_t len);
bool  str_eq(Str *a, Str *b);                   /* pointer equality first */
bool  str_eq_cstr(Str *a, const char *s);

/* ---- code points ---- */

bool  str_cp_printable(uint32_t cp);            /* str.isprintable() for one code point (Unicode 14) */
/* Code points in s[0..n) of UTF-8 text: every byte that is not a
 * continuation byte starts one, so a cut-off or stray sequence counts once
 * (as CPython counts a prefix decoded with errors="replace"). */
int64_t str_count_chars(const char *s, size_t n);
/* Release the Unicode case tables str_methods.c loads on first use (interp_free). */
void  str_methods_cleanup(void);

/* ---- StrBuf: a growable byte buffer for building strings ---- */

/* A failed allocation sets `failed` and makes the later puts no-ops, so a
 * builder checks once, at sb_finish. */
typedef struct StrBuf { char *data; int64_t len, cap; bool failed; } StrBuf;
void  sb_init(StrBuf *b);
void  sb_putn(StrBuf *b, const char *s, int64_t n);
void  sb_puts(StrBuf *b, const char *s);
void  sb_putc(StrBuf *b, char c);
void  sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Value sb_finish(StrBuf *b);                     /* new Str (or VAL_ERROR); frees the buffer */
void  sb_free(StrBuf *b);                       /* discard the buffer */

#endif
