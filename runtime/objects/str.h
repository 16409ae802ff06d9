/* str.h — immutable UTF-8 strings with cached hash, code-point length and
 * interning. Indexing is O(1) when the string is ASCII (the common case),
 * O(n) otherwise. Methods (split, join, format, ...) live in str_methods.c,
 * formatting (format specs, `%`, float repr) in format.h.
 */
#ifndef SCR_STR_H
#define SCR_STR_H

#include "core/object.h"

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

Str  *str_new(const char *s, int64_t len);      /* copies; NULL + MemoryError on failure */
Str  *str_from_cstr(const char *s);
Str  *str_alloc(int64_t len);                   /* uninitialised data[len]; call str_finish */
void  str_finish(Str *s);                       /* counts code points, sets ascii */
Str  *str_intern(const char *s, int64_t len);   /* new reference to the unique copy */
Str  *str_intern_cstr(const char *s);
void  str_intern_in_place(Str **s);             /* replace *s by its interned copy */
Str  *str_concat(Str *a, Str *b);
Value str_from_codepoint(uint32_t cp);          /* one-character string (cached for ASCII) */
int64_t str_hash(Str *s);
bool  str_eq(Str *a, Str *b);                   /* pointer equality first */
bool  str_eq_cstr(Str *a, const char *s);
void  str_intern_clear(void);                   /* at exit */

static inline Value str_val(Str *s) { return val_from_obj(s); }
static inline bool val_is_str(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &str_type; }
static inline Str *val_as_str(Value v) { return (Str *)val_as_obj(v); }

/* A growable byte buffer for building strings. */
typedef struct StrBuf { char *data; int64_t len, cap; bool failed; } StrBuf;
void  sb_init(StrBuf *b);
void  sb_putn(StrBuf *b, const char *s, int64_t n);
void  sb_puts(StrBuf *b, const char *s);
void  sb_putc(StrBuf *b, char c);
void  sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Value sb_finish(StrBuf *b);                     /* new Str (or VAL_ERROR); frees the buffer */
void  sb_free(StrBuf *b);

Value str_repeat(Str *s, int64_t n);
Value str_getitem_index(Str *s, int64_t i);   /* code point i (negative allowed), IndexError */
extern const MethodDef str_methods[];        /* runtime/objects/str_methods.c */

/* Added by the containers helper (runtime/objects/str.c). */
int64_t str_hash_bytes(const char *s, int64_t len);  /* the hash str_hash caches, for lookups without a Str */
bool  str_cp_printable(uint32_t cp);            /* str.isprintable() for one code point (Unicode 14) */

/* Release the Unicode case tables str_methods.c loads on first use (interp_free). */
void str_methods_cleanup(void);

/* Code points in s[0..n) of UTF-8 text: every byte that is not a
 * continuation byte starts one, so a cut-off or stray sequence counts once
 * (as CPython counts a prefix decoded with errors="replace"). */
int64_t str_count_chars(const char *s, size_t n);

#endif
