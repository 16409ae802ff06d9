/* bytes.h — immutable byte strings (literals, indexing as ints, slicing,
 * concatenation, search, hex), and the codecs between bytes and str:
 * utf-8, ascii and latin-1 with CPython's error handlers, shared with
 * str.encode, open() and the os module.
 *
 * Values returned are new references; errors are NULL / VAL_ERROR / -1 with
 * the exception set. */
#ifndef SCR_BYTES_H
#define SCR_BYTES_H

#include "core/object.h"
#include "objects/str.h"

/* ---- the object ---- */

typedef struct Bytes {
    Obj ob;
    int64_t len;
    int64_t hash;         /* -1 until computed (the same as str's for the same bytes) */
    char data[];          /* len bytes + a NUL */
} Bytes;

extern Type bytes_type;

static inline bool val_is_bytes(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &bytes_type; }
static inline Bytes *val_as_bytes(Value v) { return (Bytes *)val_as_obj(v); }

Bytes *bytes_new(const char *s, int64_t len);    /* copies s[:len]; NULL with MemoryError */
/* bytes + bytes, bytes * n, n * bytes; VAL_NOTIMPL for other operands. */
Value bytes_binop(int op, Value a, Value b);
/* str.encode(encoding='utf-8', errors='strict') (a CFunc registered among
 * str's methods). */
Value bytes_str_encode(Value *args, int nargs, Tuple *kwnames);

/* ---- codecs: names ---- */

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN };
enum { CODEC_STRICT, CODEC_IGNORE, CODEC_REPLACE, CODEC_BACKSLASHREPLACE, CODEC_XMLCHARREFREPLACE,
       CODEC_UNKNOWN_HANDLER, CODEC_SURROGATEESCAPE };
int   codec_lookup(const char *name);            /* CODEC_UNKNOWN when scr does not have it */
const char *codec_name(int codec);               /* "utf-8", "ascii", "latin-1" (static) */
int   codec_errors(const char *name);            /* CODEC_UNKNOWN_HANDLER for a name it does not know */

/* ---- codecs: decoding ---- */

/* The UTF-8 sequence at p: its length when valid, else -(number of bytes
 * making up the maximal invalid part) with *why set to CPython's reason. */
int   codec_utf8_check(const unsigned char *p, const unsigned char *end, const char **why);
/* The error handler for data[start:end] that codec `enc` cannot decode:
 * appends the replacement to out and returns 0, or raises (UnicodeDecodeError
 * over all of data[:len], LookupError for an unknown handler) and returns -1. */
int   codec_decode_error(int enc, int errs, const char *errname, const char *data, int64_t len, int64_t start,
                         int64_t end, const char *why, StrBuf *out);
/* s[:len] decoded with codec `enc`: a new Str, or UnicodeDecodeError /
 * LookupError. */
Value codec_decode(const char *s, int64_t len, int enc, int errs, const char *errname);
/* Bytes from the operating system (argv, environment, file names) as a str:
 * UTF-8 with surrogateescape, as CPython decodes them in a UTF-8 locale. */
Value codec_decode_os(const char *s, int64_t len);

/* ---- codecs: encoding ---- */

/* s encoded with codec `enc`: a new Bytes, or UnicodeEncodeError / LookupError. */
Value codec_encode(Str *s, int enc, int errs, const char *errname);
/* Does the str data s[:len] hold a lone surrogate (a 3-byte ED A0..BF xx)? */
bool  codec_has_surrogate(const char *s, int64_t len);
/* The bytes a file name str stands for: its UTF-8, with the lone surrogates
 * U+DC80..U+DCFF back as the bytes they came from (surrogateescape, as
 * CPython's os.fsencode). s->data itself when there are none, else buf
 * (n bytes); NULL with UnicodeEncodeError or ENAMETOOLONG. */
const char *codec_os_path(Str *s, char *buf, size_t n);

#endif
