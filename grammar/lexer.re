/* lexer.re — the scr tokenizer (re2c, UTF-8): turns source text into the
 * tokens of grammar/parser.y following Python 3.11's lexical rules:
 * INDENT/DEDENT from a stack of columns (tabs to multiples of 8, with
 * CPython's tab/space consistency check), implicit line joining inside
 * brackets, backslash continuation, and literals decoded here so the parser
 * only sees values. Errors carry CPython's messages and positions. */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <math.h>

#include "parse/lexer.h"
#include "parser.h"

/*!include:re2c "unicode_categories.re" */

#define MAXINDENT 100   /* CPython's limits */
#define MAXLEVEL  200

struct Lexer {
    unsigned char *buf;             /* copy of the source + NUL sentinel */
    const unsigned char *cur, *end, *line_start, *tok;
    int line;
    int ind[MAXINDENT + 1], alt[MAXINDENT + 1], nind;
    int pending;                    /* >0: INDENTs, <0: DEDENTs still to emit */
    int pend_line, pend_col;
    int at_bol;                     /* at the start of a logical line */
    int line_has_tok;               /* a token was emitted on this logical line */
    int eof_state;                  /* 0: reading, 1: input ended, DEDENTs/EOF follow */
    struct { unsigned char ch; int line, col; } br[MAXLEVEL];
    int nbr;
    int kw, kw_line, last_kw, last_kw_line;
    const char *filename;
    ParseError *err;
    int failed;
    int soft;                       /* the error is one CPython's tokenizer reports without an exception */
    char pre_error;                 /* source rejected before tokenizing */
    char bytes_mode;                /* scanning a b'' literal: raw byte escapes, ASCII only */
    /* A literal's bad escape or non-ASCII byte: CPython finds it while building
     * the tree, after reading the token that follows the literals, and reports
     * it there (defer 1) or on the literal's whole span (defer 2). */
    int defer, defer_line, defer_col, defer_end_line, defer_end_col;
    char defer_msg[200];
    int cmt_line, cmt_col, cmt_end;  /* the last comment: CPython's NEWLINE token after one spans it */
};

/* ---- errors ---- */

static int lx_fail(Lexer *lx, int line, int col, int indent, int incomplete, const char *fmt, ...)
{
    ParseError *e = lx->err;
    va_list ap;
    lx->failed = 1;
    if (!e)
        return -1;
    e->line = line;
    e->col = col;
    e->end_line = e->end_col = 0;
    e->text[0] = 0;
    e->is_indent = indent;
    e->incomplete = incomplete;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static int lx_nomem(Lexer *lx)
{
    return lx_fail(lx, 0, 0, 0, 0, "out of memory");
}

static int col_of(const Lexer *lx, const unsigned char *p)
{
    return (int)(p - lx->line_start);
}

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at p (before end), 0 if invalid. */
static int utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n, i;
    uint32_t cp;
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) { n = 2; cp = c & 0x1F; }
    else if (c < 0xF0) { n = 3; cp = c & 0x0F; }
    else if (c < 0xF5) { n = 4; cp = c & 0x07; }
    else return 0;
    if (end - p < n) return 0;
    for (i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
    return n;
}

static uint32_t utf8_decode(const unsigned char *p, int n)
{
    uint32_t cp;
    int i;
    if (n == 1) return p[0];
    cp = p[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (i = 1; i < n; i++)
        cp = (cp << 6) | (p[i] & 0x3F);
    return cp;
}

/* Encodes any code point below 0x110000 (lone surrogates too, as Python's str
 * can hold them: they come out as 3-byte sequences). */
static int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- growable byte buffer for decoded strings ---- */

typedef struct Buf { char *p; size_t len, cap; } Buf;

static int buf_put(Buf *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 32;
        char *np;
        while (cap < b->len + n + 1) {
            if (cap > SIZE_MAX / 2) return -1;
            cap *= 2;
        }
        np = realloc(b->p, cap);
        if (!np) return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 0;
}

/* ---- lifecycle ---- */

Lexer *lexer_new(const char *src, size_t len, const char *filename, ParseError *err)
{
    Lexer *lx = calloc(1, sizeof *lx);
    const unsigned char *p, *e;
    if (!lx) return NULL;
    lx->buf = malloc(len + 1);
    if (!lx->buf) { free(lx); return NULL; }
    memcpy(lx->buf, src, len);
    lx->buf[len] = 0;
    lx->cur = lx->line_start = lx->buf;
    lx->end = lx->buf + len;
    lx->line = 1;
    lx->at_bol = 1;
    lx->err = err;
    lx->filename = filename ? filename : "<string>";
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        lx->cur = lx->line_start = lx->buf + 3;   /* UTF-8 BOM */

    /* CPython decodes the whole file before tokenizing: do the same checks. */
    for (p = lx->cur, e = lx->end; p < e;) {
        int n;
        if (*p == 0) {
            int line = 1;
            for (const unsigned char *q = lx->buf; q < p; q++) line += *q == '\n';
            lx_fail(lx, line, -1, 0, 0, "source code cannot contain null bytes");
            lx->pre_error = 1;
            break;
        }
        n = utf8_len(p, e);
        if (!n) {
            int line = 1;
            for (const unsigned char *q = lx->buf; q < p; q++) line += *q == '\n';
            lx_fail(lx, line, 0, 0, 0,
                    "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                    "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    *p, lx->filename, line);
            lx->pre_error = 1;
            break;
        }
        p += n;
    }
    /* `#!` first line: an ordinary comment in Python too. */
    return lx;
}

void lexer_free(Lexer *lx)
{
    if (!lx) return;
    free(lx->buf);
    free(lx);
}

int lexer_block_keyword(const Lexer *lx, int *line)
{
    if (line) *line = lx->last_kw_line;
    return lx->last_kw;
}

int lexer_error_kind(const Lexer *lx)
{
    return lx->soft;
}

int lexer_next_col(const Lexer *lx)
{
    const unsigned char *q = lx->cur;
    while (q < lx->end && (*q == ' ' || *q == '\t' || *q == '\f')) q++;
    return col_of(lx, q);
}

int lexer_depth(const Lexer *lx)
{
    return lx->nbr;
}

/* ---- indentation ---- */

static void start_eof(Lexer *lx)
{
    lx->eof_state = 1;
    lx->pending = -lx->nind;
    lx->nind = 0;
    lx->pend_line = lx->line;
    lx->pend_col = col_of(lx, lx->cur);
}

/* At the start of a logical line: skip blank and comment-only lines, then
 * compare the indentation with the stack. Sets lx->pending. */
static int do_indent(Lexer *lx)
{
    const unsigned char *p;
    int col, alt;
    for (;;) {
        p = lx->cur;
        col = alt = 0;
        for (;; p++) {
            if (*p == ' ') { col++; alt++; }
            else if (*p == '\t') { col = (col / 8 + 1) * 8; alt++; }
            else if (*p == '\f') { col = alt = 0; }
            else break;
        }
        if (*p == '#')
            while (p < lx->end && *p != '\n' && *p != '\r') p++;
        if (p < lx->end && (*p == '\n' || *p == '\r')) {
            p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
            lx->cur = lx->line_start = p;
            lx->line++;
            continue;
        }
        break;
    }
    lx->cur = p;
    lx->at_bol = 0;
    if (p >= lx->end) {
        start_eof(lx);
        return 0;
    }
    lx->pend_line = lx->line;
    lx->pend_col = col_of(lx, p);
    if (col == lx->ind[lx->nind]) {
        if (alt != lx->alt[lx->nind]) goto tab_error;
    } else if (col > lx->ind[lx->nind]) {
        if (lx->nind + 1 >= MAXINDENT)
        {
            lx->soft = 1;
            return lx_fail(lx, lx->line, col_of(lx, p), 1, 0, "too many levels of indentation");
        }
        if (alt <= lx->alt[lx->nind]) goto tab_error;
        lx->nind++;
        lx->ind[lx->nind] = col;
        lx->alt[lx->nind] = alt;
        lx->pending = 1;
    } else {
        while (lx->nind > 0 && col < lx->ind[lx->nind]) {
            lx->nind--;
            lx->pending--;
        }
        if (col != lx->ind[lx->nind]) {
            const unsigned char *eol = p;
            while (eol < lx->end && *eol != '\n' && *eol != '\r') eol++;
            lx->soft = 1;
            return lx_fail(lx, lx->line, col_of(lx, eol), 1, 0,
                           "unindent does not match any outer indentation level");
        }
        if (alt != lx->alt[lx->nind]) goto tab_error;
    }
    return 0;
tab_error:
    lx->soft = 1;
    return lx_fail(lx, lx->line, 0, 2, 0, "inconsistent use of tabs and spaces in indentation");
}

/* ---- numbers ---- */

static int is_id_byte(unsigned c)
{
    /* CPython ends a number before a non-ASCII character (`1é` is two tokens) */
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int digit_val(unsigned c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return 99;
}

/* Python accepts `1if x else y` (with a warning): a number may be directly
 * followed by one of these keywords. */
static int keyword_follows(const unsigned char *p)
{
    static const char *const kws[] = { "and", "else", "for", "if", "in", "is", "not", "or" };
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (strncmp((const char *)p, kws[i], strlen(kws[i])) == 0)
            return 1;
    return 0;
}

/* Reads digits of `base` with single '_' separators. Returns the count of
 * digits, or -1 when an '_' is not followed by a digit (p left on it). */
static int read_digits(const unsigned char **pp, int base)
{
    const unsigned char *p = *pp;
    int n = 0;
    for (;;) {
        if (*p == '_') {
            if (digit_val(p[1]) >= base) { *pp = p; return -1; }
            p++;
        }
        if (digit_val(*p) >= base) break;
        p++;
        n++;
    }
    *pp = p;
    return n;
}

static int scan_number(Lexer *lx, LexToken *t, const unsigned char *start)
{
    const unsigned char *p = start;
    int line = lx->line, col = col_of(lx, start);
    int base = 10, is_float = 0;
    static const char *const kind_name[17] = {
        [2] = "binary", [8] = "octal", [10] = "decimal", [16] = "hexadecimal"
    };

    if (p[0] == '0' && p[1] && strchr("xXoObB", p[1])) {
        int n;
        base = (p[1] == 'x' || p[1] == 'X') ? 16 : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
        p += 2;
        n = read_digits(&p, base);
        if (n == 0 && base < 10 && *p >= '0' && *p <= '9')
            return lx_fail(lx, line, col_of(lx, p), 0, 0, "invalid digit '%c' in %s literal", *p, kind_name[base]);
        if (n <= 0)   /* CPython marks the character before the one it stopped at */
            return lx_fail(lx, line, col_of(lx, p) - (n == 0), 0, 0, "invalid %s literal", kind_name[base]);
        if (base < 10 && *p >= '0' && *p <= '9')
            return lx_fail(lx, line, col_of(lx, p), 0, 0, "invalid digit '%c' in %s literal", *p, kind_name[base]);
    } else {
        const unsigned char *int_start = p;
        if (*p != '.') {
            if (read_digits(&p, 10) < 0)
                return lx_fail(lx, line, col_of(lx, p), 0, 0, "invalid decimal literal");
        }
        if (*p == '.') {
            is_float = 1;
            p++;
            if (*p >= '0' && *p <= '9' && read_digits(&p, 10) < 0)
                return lx_fail(lx, line, col_of(lx, p), 0, 0, "invalid decimal literal");
        }
        if (*p == 'e' || *p == 'E') {
            const unsigned char *q = p + 1;
            if (*q == '+' || *q == '-') q++;
            if (*q >= '0' && *q <= '9') {
                p = q;
                if (read_digits(&p, 10) < 0)
                    return lx_fail(lx, line, col_of(lx, p), 0, 0, "invalid decimal literal");
                is_float = 1;
            } else if (!keyword_follows(p)) {
                return lx_fail(lx, line, col_of(lx, p) - 1, 0, 0, "invalid decimal literal");
            }
        }
        if (*p == 'j' || *p == 'J')
            return lx_fail(lx, line, col, 0, 0, "imaginary literals are not supported by scr yet");
        if (!is_float && int_start[0] == '0') {
            const unsigned char *zeros_end = int_start;
            while (zeros_end < p && (*zeros_end == '0' || *zeros_end == '_')) zeros_end++;
            if (zeros_end < p) {
                lx_fail(lx, line, col, 0, 0,
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
                if (lx->err) {       /* marked up to the last zero, as CPython */
                    lx->err->end_line = line;
                    lx->err->end_col = col_of(lx, zeros_end);
                }
                return -1;
            }
        }
    }
    if (is_id_byte(*p) && !keyword_follows(p))   /* marked on the character before the letter, as CPython */
        return lx_fail(lx, line, col_of(lx, p) - 1, 0, 0, "invalid %s literal", kind_name[base]);

    /* the literal without '_' */
    size_t n = (size_t)(p - start);
    char small[128], *text = n < sizeof small ? small : malloc(n + 1);
    size_t k = 0;
    if (!text) return lx_nomem(lx);
    for (const unsigned char *q = start; q < p; q++)
        if (*q != '_') text[k++] = (char)*q;
    text[k] = 0;

    t->line = t->end_line = line;
    t->col = col;
    t->end_col = col_of(lx, p);
    if (is_float) {
        t->kind = TOK_FLOAT;
        t->fval = strtod(text, NULL);
    } else {
        uint64_t v = 0;
        int over = 0;
        const char *d = text + (base == 10 ? 0 : 2);
        t->kind = TOK_INT;
        for (; *d; d++) {
            unsigned dv = (unsigned)digit_val((unsigned char)*d);
            if (v > (UINT64_MAX - dv) / (unsigned)base) { over = 1; break; }
            v = v * (unsigned)base + dv;
        }
        if (over || v > (uint64_t)INT64_MAX) {
            t->overflow = 1;
            if (text == small) {
                t->str = malloc(k + 1);
                if (t->str) memcpy(t->str, small, k + 1);
            } else {
                t->str = text;
            }
            if (!t->str) return lx_nomem(lx);
            t->slen = k;
            text = small;
        } else {
            t->ival = (int64_t)v;
        }
    }
    if (text != small) free(text);
    lx->cur = p;
    return t->kind;
}

/* ---- strings ---- */

/* Remembers the literal's first decoding error; lexer_next reports it. */
static void str_defer(Lexer *lx, int how, int line, int col, const char *fmt, ...)
{
    va_list ap;
    if (lx->defer) return;
    lx->defer = how;
    lx->defer_line = line;
    lx->defer_col = col;
    va_start(ap, fmt);
    vsnprintf(lx->defer_msg, sizeof lx->defer_msg, fmt, ap);
    va_end(ap);
}

/* A position as CPython's decoder counts it: it first rewrites each
 * non-ASCII character of the literal as \UXXXXXXXX (ten characters). */
static size_t str_esc_pos(const unsigned char *body, const unsigned char *at)
{
    size_t n = 0;
    for (; body < at; body++)
        n += *body < 0x80 ? 1 : *body >= 0xC0 ? 10 : 0;
    return n;
}

static void str_fail_unicode(Lexer *lx, const unsigned char *body, const unsigned char *from,
                             const unsigned char *to, const char *what)
{
    str_defer(lx, 1, 0, 0, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
              str_esc_pos(body, from), str_esc_pos(body, to), what);
}

/* p points just after the prefix; *p is the quote. */
static int scan_string(Lexer *lx, LexToken *t, const unsigned char *start, const unsigned char *p, int raw)
{
    int line = lx->line, col = col_of(lx, start);
    unsigned char q = *p;
    int triple = p[1] == q && p[2] == q;
    const unsigned char *body;
    Buf b = { 0 };
    char enc[4];
    int had_defer = lx->defer;

    p += triple ? 3 : 1;
    body = p;
    for (;;) {
        const unsigned char *run = p;
        while (p < lx->end && *p != q && *p != '\\' && *p != '\n' && *p != '\r') p++;
        if (lx->bytes_mode)
            for (const unsigned char *r = run; r < p; r++)
                if (*r >= 0x80) {
                    str_defer(lx, 2, line, col, "bytes can only contain ASCII literal characters");
                    break;
                }
        if (p > run && buf_put(&b, run, (size_t)(p - run)) < 0) goto nomem;
        if (p >= lx->end) {
            free(b.p);
            if (triple)   /* CPython counts the last line, not the empty one after a final newline */
                return lx_fail(lx, line, col, 0, 1, "unterminated triple-quoted string literal (detected at line %d)",
                               lx->line - (lx->end > lx->buf && (lx->end[-1] == '\n' || lx->end[-1] == '\r')));
            return lx_fail(lx, line, col, 0, 0, "unterminated string literal (detected at line %d)", lx->line);
        }
        if (*p == '\n' || *p == '\r') {
            if (!triple) {
                free(b.p);
                return lx_fail(lx, line, col, 0, 0, "unterminated string literal (detected at line %d)", lx->line);
            }
            /* newlines in the source are \n in the value */
            p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
            lx->line++;
            lx->line_start = p;
            if (buf_put(&b, "\n", 1) < 0) goto nomem;
            continue;
        }
        if (*p == q) {
            if (!triple) { p++; break; }
            if (p[1] == q && p[2] == q) { p += 3; break; }
            if (buf_put(&b, p, 1) < 0) goto nomem;
            p++;
            continue;
        }
        /* backslash */
        if (p + 1 >= lx->end) {
            p++;
            continue;   /* reported as unterminated on the next round */
        }
        if (raw) {
            /* the backslash stays, and protects the next character (even a quote or newline) */
            if (buf_put(&b, p, 1) < 0) goto nomem;
            p++;
            if (*p == '\n' || *p == '\r') {
                p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
                lx->line++;
                lx->line_start = p;
                if (buf_put(&b, "\n", 1) < 0) goto nomem;
            } else {
                if (buf_put(&b, p, 1) < 0) goto nomem;
                p++;
            }
            continue;
        }
        {
            const unsigned char *bs = p;
            unsigned char c = p[1];
            uint32_t cp;
            int ndig, i;
            p += 2;
            switch (c) {
            case '\n': lx->line++; lx->line_start = p; continue;
            case '\r': if (*p == '\n') p++; lx->line++; lx->line_start = p; continue;
            case '\\': case '\'': case '"':
                if (buf_put(&b, &c, 1) < 0) goto nomem;
                continue;
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'a': c = '\a'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'v': c = '\v'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                cp = (uint32_t)(c - '0');
                for (i = 0; i < 2 && *p >= '0' && *p <= '7'; i++, p++)
                    cp = cp * 8 + (uint32_t)(*p - '0');
                if (lx->bytes_mode) {
                    enc[0] = (char)(cp & 0xff);
                    if (buf_put(&b, enc, 1) < 0) goto nomem;
                    continue;
                }
                if (buf_put(&b, enc, (size_t)utf8_encode(cp, enc)) < 0) goto nomem;
                continue;
            case 'x': ndig = 2; goto hex;
            case 'u': case 'U': case 'N':
                if (lx->bytes_mode) {      /* not escapes in bytes: kept as written */
                    p = bs + 1;
                    if (buf_put(&b, "\\", 1) < 0) goto nomem;
                    continue;
                }
                if (c == 'N') goto escape_N;
                ndig = c == 'u' ? 4 : 8;
            hex:
                cp = 0;
                for (i = 0; i < ndig; i++, p++) {
                    int dv = digit_val(*p);
                    if (dv > 15) {
                        if (lx->bytes_mode)
                            str_defer(lx, 1, 0, 0, "(value error) invalid \\x escape at position %zu",
                                      (size_t)(bs - body));
                        else
                            str_fail_unicode(lx, body, bs, p - 1,
                                             c == 'x' ? "truncated \\xXX escape" :
                                             c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                        break;
                    }
                    cp = cp * 16 + (uint32_t)dv;
                }
                if (i < ndig)
                    continue;
                if (cp > 0x10FFFF) {
                    str_fail_unicode(lx, body, bs, p - 1, "illegal Unicode character");
                    continue;
                }
                if (lx->bytes_mode) {
                    enc[0] = (char)cp;
                    if (buf_put(&b, enc, 1) < 0) goto nomem;
                    continue;
                }
                if (buf_put(&b, enc, (size_t)utf8_encode(cp, enc)) < 0) goto nomem;
                continue;
            escape_N:
                free(b.p);
                lx->soft = 1;
                return lx_fail(lx, line, col, 0, 0, "\\N{...} escapes are not supported by scr yet");
            default:
                /* unknown escape: Python keeps the backslash */
                p = bs + 1;
                if (buf_put(&b, "\\", 1) < 0) goto nomem;
                continue;
            }
            if (buf_put(&b, &c, 1) < 0) goto nomem;
        }
    }
    if (!b.p && buf_put(&b, "", 0) < 0) goto nomem;
    if (!had_defer && lx->defer == 2) {
        lx->defer_end_line = lx->line;
        lx->defer_end_col = col_of(lx, p);
    }
    t->kind = TOK_STRING;
    t->line = line;
    t->col = col;
    t->end_line = lx->line;
    t->end_col = col_of(lx, p);
    t->str = b.p;
    t->slen = b.len;
    lx->cur = p;
    return TOK_STRING;
nomem:
    free(b.p);
    return lx_nomem(lx);
}

/* ---- brackets ---- */

static int open_bracket(Lexer *lx, unsigned char ch)
{
    if (lx->nbr >= MAXLEVEL)
        return lx_fail(lx, lx->line, col_of(lx, lx->tok), 0, 0, "too many nested parentheses");
    lx->br[lx->nbr].ch = ch;
    lx->br[lx->nbr].line = lx->line;
    lx->br[lx->nbr].col = col_of(lx, lx->tok);
    lx->nbr++;
    return 0;
}

static int close_bracket(Lexer *lx, unsigned char ch)
{
    unsigned char want = ch == ')' ? '(' : ch == ']' ? '[' : '{';
    int col = col_of(lx, lx->tok);
    if (lx->nbr == 0)
        return lx_fail(lx, lx->line, col, 0, 0, "unmatched '%c'", ch);
    lx->nbr--;
    if (lx->br[lx->nbr].ch != want) {
        if (lx->br[lx->nbr].line != lx->line)
            return lx_fail(lx, lx->line, col, 0, 0,
                           "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                           ch, lx->br[lx->nbr].ch, lx->br[lx->nbr].line);
        return lx_fail(lx, lx->line, col, 0, 0,
                       "closing parenthesis '%c' does not match opening parenthesis '%c'", ch, lx->br[lx->nbr].ch);
    }
    return 0;
}

/* ---- the scanner ---- */

static int invalid_char(Lexer *lx)
{
    const unsigned char *p = lx->tok;
    int n = utf8_len(p, lx->end);
    uint32_t cp = utf8_decode(p, n ? n : 1);
    int col = col_of(lx, p);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD ||
        (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF)
        return lx_fail(lx, lx->line, col, 0, 0, "invalid non-printable character U+%04X", cp);
    if (cp < 0x80)   /* $ ? ! ` : CPython's tokenizer passes them on and the parser says invalid syntax */
        return lx_fail(lx, lx->line, col, 0, 0, "invalid syntax");
    return lx_fail(lx, lx->line, col, 0, 0, "invalid character '%.*s' (U+%04X)", n, (const char *)p, cp);
}

#define TOKEN(k) do { kind = (k); goto done; } while (0)
#define AUG(o) do { t->op = (o); TOKEN(TOK_AUGASSIGN); } while (0)

static int scan(Lexer *lx, LexToken *t)
{
    const unsigned char *cur, *mar;
    int kind;
again:
    cur = lx->cur;
    lx->tok = cur;
    /*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = cur;
    re2c:define:YYMARKER = mar;
    re2c:yyfill:enable = 0;

    id_start = L | Nl | [_];
    id_cont  = id_start | Mn | Mc | Nd | Pc;
    nl = "\r\n" | "\n" | "\r";

    "\x00" {
        if (lx->tok < lx->end)   /* excluded by lexer_new; defensive */
            return lx_fail(lx, lx->line, col_of(lx, lx->tok), 0, 0, "source code cannot contain null bytes");
        lx->cur = lx->tok;
        if (lx->nbr > 0) {
            int i = lx->nbr - 1;
            lx->soft = 2;
            return lx_fail(lx, lx->br[i].line, lx->br[i].col, 0, 1, "'%c' was never closed", lx->br[i].ch);
        }
        if (lx->line_has_tok) {
            /* a missing final newline */
            lx->at_bol = 1;
            t->line = t->end_line = lx->line;
            t->col = t->end_col = col_of(lx, lx->tok);
            return TOK_NEWLINE;
        }
        start_eof(lx);
        return -2;   /* caller loops */
    }
    [ \t\f]+ { lx->cur = cur; goto again; }
    "#" [^\n\r\x00]* {
        lx->cmt_line = lx->line;
        lx->cmt_col = col_of(lx, lx->tok);
        lx->cmt_end = col_of(lx, cur);
        lx->cur = cur;
        goto again;
    }
    "\\" nl {
        if (cur >= lx->end) {
            lx->soft = 1;
            return lx_fail(lx, lx->line, col_of(lx, lx->tok) + 1, 0, 1, "unexpected EOF while parsing");
        }
        lx->cur = lx->line_start = cur;
        lx->line++;
        goto again;
    }
    "\\" {
        lx->soft = 1;
        if (cur >= lx->end)
            return lx_fail(lx, lx->line, col_of(lx, lx->tok) + 1, 0, 1, "unexpected EOF while parsing");
        return lx_fail(lx, lx->line, col_of(lx, lx->tok) + 1, 0, 0,
                       "unexpected character after line continuation character");
    }
    nl {
        if (lx->nbr > 0 || !lx->line_has_tok) {
            lx->cur = lx->line_start = cur;
            lx->line++;
            goto again;
        }
        t->line = t->end_line = lx->line;
        t->col = col_of(lx, lx->tok);
        t->end_col = t->col + 1;
        lx->cur = lx->line_start = cur;
        lx->line++;
        lx->at_bol = 1;
        return TOK_NEWLINE;
    }

    "False"    { TOKEN(TOK_FALSE); }
    "None"     { TOKEN(TOK_NONE); }
    "True"     { TOKEN(TOK_TRUE); }
    "and"      { TOKEN(TOK_AND); }
    "as"       { TOKEN(TOK_AS); }
    "assert"   { TOKEN(TOK_ASSERT); }
    "async"    { TOKEN(TOK_ASYNC); }
    "await"    { TOKEN(TOK_AWAIT); }
    "break"    { TOKEN(TOK_BREAK); }
    "class"    { TOKEN(TOK_CLASS); }
    "continue" { TOKEN(TOK_CONTINUE); }
    "def"      { TOKEN(TOK_DEF); }
    "del"      { TOKEN(TOK_DEL); }
    "elif"     { TOKEN(TOK_ELIF); }
    "else"     { TOKEN(TOK_ELSE); }
    "except"   { TOKEN(TOK_EXCEPT); }
    "finally"  { TOKEN(TOK_FINALLY); }
    "for"      { TOKEN(TOK_FOR); }
    "from"     { TOKEN(TOK_FROM); }
    "global"   { TOKEN(TOK_GLOBAL); }
    "if"       { TOKEN(TOK_IF); }
    "import"   { TOKEN(TOK_IMPORT); }
    "in"       { TOKEN(TOK_IN); }
    "is"       { TOKEN(TOK_IS); }
    "lambda"   { TOKEN(TOK_LAMBDA); }
    "nonlocal" { TOKEN(TOK_NONLOCAL); }
    "not"      { TOKEN(TOK_NOT); }
    "or"       { TOKEN(TOK_OR); }
    "pass"     { TOKEN(TOK_PASS); }
    "raise"    { TOKEN(TOK_RAISE); }
    "return"   { TOKEN(TOK_RETURN); }
    "try"      { TOKEN(TOK_TRY); }
    "while"    { TOKEN(TOK_WHILE); }
    "with"     { TOKEN(TOK_WITH); }
    "yield"    { TOKEN(TOK_YIELD); }

    [rR] / ['"] { return scan_string(lx, t, lx->tok, cur, 1); }
    [uU] / ['"] { return scan_string(lx, t, lx->tok, cur, 0); }
    ['"]        { return scan_string(lx, t, lx->tok, lx->tok, 0); }
    ([bB] | [bB][rR] | [rR][bB]) / ['"] {
        /* TOK_STRING with op 1: the value is bytes (the parser makes an N_BYTES) */
        int k;
        lx->bytes_mode = 1;
        k = scan_string(lx, t, lx->tok, cur, cur - lx->tok == 2);
        lx->bytes_mode = 0;
        if (k > 0) t->op = 1;
        return k;
    }
    ([fF] | [fF][rR] | [rR][fF]) / ['"] {
        /* TOK_STRING with op 2 (3 when raw): str holds the body as written,
         * which the parser splits into literal parts and expressions */
        int k = scan_string(lx, t, lx->tok, cur, 1);
        if (k > 0) t->op = cur - lx->tok == 2 ? 3 : 2;
        return k;
    }

    id_start id_cont* {
        size_t n = (size_t)(cur - lx->tok);
        t->str = malloc(n + 1);
        if (!t->str) return lx_nomem(lx);
        memcpy(t->str, lx->tok, n);
        t->str[n] = 0;
        t->slen = n;
        TOKEN(TOK_NAME);
    }

    [0-9] | "." [0-9] { return scan_number(lx, t, lx->tok); }

    "(" { if (open_bracket(lx, '(') < 0) return -1; TOKEN('('); }
    "[" { if (open_bracket(lx, '[') < 0) return -1; TOKEN('['); }
    "{" { if (open_bracket(lx, '{') < 0) return -1; TOKEN('{'); }
    ")" { if (close_bracket(lx, ')') < 0) return -1; TOKEN(')'); }
    "]" { if (close_bracket(lx, ']') < 0) return -1; TOKEN(']'); }
    "}" { if (close_bracket(lx, '}') < 0) return -1; TOKEN('}'); }

    "+="  { AUG(BINOP_ADD); }
    "-="  { AUG(BINOP_SUB); }
    "*="  { AUG(BINOP_MUL); }
    "/="  { AUG(BINOP_TRUEDIV); }
    "//=" { AUG(BINOP_FLOORDIV); }
    "%="  { AUG(BINOP_MOD); }
    "**=" { AUG(BINOP_POW); }
    "&="  { AUG(BINOP_AND); }
    "|="  { AUG(BINOP_OR); }
    "^="  { AUG(BINOP_XOR); }
    ">>=" { AUG(BINOP_RSHIFT); }
    "<<=" { AUG(BINOP_LSHIFT); }
    "@="  { AUG(BINOP_MATMUL); }
    "**"  { TOKEN(TOK_POW); }
    "//"  { TOKEN(TOK_FLOORDIV); }
    "<<"  { TOKEN(TOK_LSHIFT); }
    ">>"  { TOKEN(TOK_RSHIFT); }
    "<="  { TOKEN(TOK_LE); }
    ">="  { TOKEN(TOK_GE); }
    "=="  { TOKEN(TOK_EQ); }
    "!="  { TOKEN(TOK_NE); }
    "->"  { TOKEN(TOK_ARROW); }
    ":="  { TOKEN(TOK_WALRUS); }
    "..." { TOKEN(TOK_ELLIPSIS); }
    [-+*/%@&|^~<>=.,:;] { TOKEN(lx->tok[0]); }

    * { return invalid_char(lx); }
    */
done:
    lx->cur = cur;
    t->line = t->end_line = lx->line;
    t->col = col_of(lx, lx->tok);
    t->end_col = col_of(lx, cur);
    return kind;
}

int lexer_next(Lexer *lx, LexToken *t)
{
    memset(t, 0, sizeof *t);
    for (;;) {
        int k;
        if (lx->failed)
            return t->kind = -1;
        if (lx->pending > 0) {
            lx->pending--;
            t->kind = TOK_INDENT;
            t->line = t->end_line = lx->pend_line;
            t->col = 0;
            t->end_col = lx->pend_col;
            return t->kind;
        }
        if (lx->pending < 0) {
            lx->pending++;
            t->kind = TOK_DEDENT;
            t->line = t->end_line = lx->pend_line;
            t->col = t->end_col = lx->pend_col;
            t->at_eof = lx->eof_state;
            return t->kind;
        }
        if (lx->eof_state) {
            t->kind = TOK_YYEOF;
            t->line = t->end_line = lx->line;
            t->col = t->end_col = col_of(lx, lx->cur);
            t->at_eof = 1;
            return t->kind;
        }
        if (lx->pre_error) {
            lx->failed = 1;
            continue;
        }
        if (lx->at_bol) {
            if (do_indent(lx) < 0)
                return t->kind = -1;
            continue;
        }
        k = scan(lx, t);
        if (k == -2)
            continue;
        if (k < 0) {
            free(t->str);
            memset(t, 0, sizeof *t);
            return t->kind = -1;
        }
        if (lx->defer && k != TOK_STRING) {
            int at_line = lx->defer == 1 ? t->line : lx->defer_line, at_col = lx->defer == 1 ? t->col : lx->defer_col;
            int end_line = t->end_line, end_col = t->end_col;
            if (k == TOK_NEWLINE && lx->cmt_line == t->line && lx->cmt_end == t->col) {
                at_col = lx->cmt_col;
                end_col = lx->cmt_end;
            }
            free(t->str);
            memset(t, 0, sizeof *t);
            lx->soft = 1;
            lx_fail(lx, at_line, at_col, 0, 0, "%s", lx->defer_msg);
            if (lx->defer == 2 && lx->err) {
                lx->err->end_line = lx->defer_end_line;
                lx->err->end_col = lx->defer_end_col;
            } else if (lx->err && end_line == at_line && end_col > at_col + 1) {
                lx->err->end_line = end_line;
                lx->err->end_col = end_col;
            }
            return t->kind = -1;
        }
        if (k == TOK_NEWLINE) {
            lx->line_has_tok = 0;
            lx->last_kw = lx->kw;
            lx->last_kw_line = lx->kw_line;
        } else if (!lx->line_has_tok) {
            lx->line_has_tok = 1;
            lx->kw = k;
            lx->kw_line = t->line;
        }
        t->kind = k;
        return k;
    }
}

const char *lexer_token_name(int kind)
{
    static char one[8];
    switch (kind) {
    case -1: return "ERROR";
    case TOK_YYEOF: return "EOF";
    case TOK_NAME: return "NAME";
    case TOK_INT: return "INT";
    case TOK_FLOAT: return "FLOAT";
    case TOK_STRING: return "STRING";
    case TOK_NEWLINE: return "NEWLINE";
    case TOK_INDENT: return "INDENT";
    case TOK_DEDENT: return "DEDENT";
    case TOK_AUGASSIGN: return "AUGASSIGN";
    case TOK_POW: return "'**'";
    case TOK_FLOORDIV: return "'//'";
    case TOK_LSHIFT: return "'<<'";
    case TOK_RSHIFT: return "'>>'";
    case TOK_LE: return "'<='";
    case TOK_GE: return "'>='";
    case TOK_EQ: return "'=='";
    case TOK_NE: return "'!='";
    case TOK_ARROW: return "'->'";
    case TOK_WALRUS: return "':='";
    case TOK_ELLIPSIS: return "'...'";
    case TOK_FALSE: return "False";
    case TOK_NONE: return "None";
    case TOK_TRUE: return "True";
    case TOK_AND: return "and";
    case TOK_AS: return "as";
    case TOK_ASSERT: return "assert";
    case TOK_ASYNC: return "async";
    case TOK_AWAIT: return "await";
    case TOK_BREAK: return "break";
    case TOK_CLASS: return "class";
    case TOK_CONTINUE: return "continue";
    case TOK_DEF: return "def";
    case TOK_DEL: return "del";
    case TOK_ELIF: return "elif";
    case TOK_ELSE: return "else";
    case TOK_EXCEPT: return "except";
    case TOK_FINALLY: return "finally";
    case TOK_FOR: return "for";
    case TOK_FROM: return "from";
    case TOK_GLOBAL: return "global";
    case TOK_IF: return "if";
    case TOK_IMPORT: return "import";
    case TOK_IN: return "in";
    case TOK_IS: return "is";
    case TOK_LAMBDA: return "lambda";
    case TOK_NONLOCAL: return "nonlocal";
    case TOK_NOT: return "not";
    case TOK_OR: return "or";
    case TOK_PASS: return "pass";
    case TOK_RAISE: return "raise";
    case TOK_RETURN: return "return";
    case TOK_TRY: return "try";
    case TOK_WHILE: return "while";
    case TOK_WITH: return "with";
    case TOK_YIELD: return "yield";
    default:
        if (kind > 0 && kind < 128) {
            snprintf(one, sizeof one, "'%c'", kind);
            return one;
        }
        return "?";
    }
}
