/* source.c — PEP 263: the encoding a source file declares on its first or
 * second line (`# -*- coding: latin-1 -*-`, `# vim: set fileencoding=...`),
 * found as CPython's tokenizer finds it, and the file decoded to the UTF-8
 * text the lexer reads. The encodings are the ones scr has codecs for:
 * UTF-8, Latin-1, ASCII and cp1252, under Python's names and aliases.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parse/source.h"
#include "memory/mem.h"

enum { SRC_UTF8, SRC_LATIN1, SRC_ASCII, SRC_CP1252, SRC_UNKNOWN };

/* CPython's get_normal_name: the spellings of utf-8 and latin-1 that the
 * tokenizer itself recognises become "utf-8" and "iso-8859-1"; any other
 * name stays as written (and so appears in "encoding problem: NAME"). */
static void normal_name(const char *s, char *out, size_t n)
{
    char buf[13];
    int i;
    for (i = 0; i < 12 && s[i]; i++) buf[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    buf[i] = 0;
    const char *r = s;
    if (!strcmp(buf, "utf-8") || !strncmp(buf, "utf-8-", 6)) r = "utf-8";
    else if (!strcmp(buf, "latin-1") || !strcmp(buf, "iso-8859-1") || !strcmp(buf, "iso-latin-1") ||
             !strncmp(buf, "latin-1-", 8) || !strncmp(buf, "iso-8859-1-", 11) || !strncmp(buf, "iso-latin-1-", 12))
        r = "iso-8859-1";
    snprintf(out, n, "%s", r);
}

/* Python's codec lookup: lower case, each run of characters other than
 * letters, digits and '.' one '_', then the aliases of encodings/aliases.py. */
static int lookup_codec(const char *name)
{
    char n[64];
    size_t k = 0;
    bool gap = false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '.') {
            if (gap && k > 0 && k < sizeof n - 1) n[k++] = '_';
            gap = false;
            if (k < sizeof n - 1) n[k++] = (char)tolower(c);
        } else {
            gap = true;
        }
    }
    n[k] = 0;
    static const struct { const char *name; int codec; } aliases[] = {
        {"utf_8", SRC_UTF8}, {"utf8", SRC_UTF8}, {"u8", SRC_UTF8}, {"utf", SRC_UTF8},
        {"utf8_ucs2", SRC_UTF8}, {"utf8_ucs4", SRC_UTF8}, {"cp65001", SRC_UTF8},
        {"latin_1", SRC_LATIN1}, {"latin1", SRC_LATIN1}, {"latin", SRC_LATIN1}, {"l1", SRC_LATIN1},
        {"iso8859_1", SRC_LATIN1}, {"iso_8859_1", SRC_LATIN1}, {"iso8859", SRC_LATIN1}, {"8859", SRC_LATIN1},
        {"cp819", SRC_LATIN1}, {"ibm819", SRC_LATIN1}, {"iso_ir_100", SRC_LATIN1},
        {"csisolatin1", SRC_LATIN1}, {"iso_8859_1_1987", SRC_LATIN1},
        {"ascii", SRC_ASCII}, {"us_ascii", SRC_ASCII}, {"us", SRC_ASCII}, {"646", SRC_ASCII},
        {"cp367", SRC_ASCII}, {"ibm367", SRC_ASCII}, {"csascii", SRC_ASCII}, {"iso646_us", SRC_ASCII},
        {"iso_ir_6", SRC_ASCII}, {"ansi_x3.4_1968", SRC_ASCII}, {"ansi_x3_4_1968", SRC_ASCII},
        {"ansi_x3.4_1986", SRC_ASCII}, {"iso_646.irv_1991", SRC_ASCII},
        {"cp1252", SRC_CP1252}, {"windows_1252", SRC_CP1252}, {"1252", SRC_CP1252},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strcmp(n, aliases[i].name)) return aliases[i].codec;
    return SRC_UNKNOWN;
}

/* The coding spec of one line, as CPython's get_coding_spec: the line must
 * be a comment (after blanks), the first "coding" followed by ':' or '='
 * in it, then blanks, then the name ([-\w.]+). Returns 1 with the name in
 * spec, 0 for a comment or blank line without one, -1 for a line holding
 * code (which ends the search). */
static int coding_spec(const char *s, size_t n, char *spec, size_t specn)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) i++;
    if (i >= n || s[i] == '\n' || s[i] == '\r') return 0;
    if (s[i] != '#') return -1;
    for (; i + 6 < n; i++) {
        if (memcmp(s + i, "coding", 6) != 0) continue;
        const char *t = s + i + 6, *end = s + n;
        if (*t != ':' && *t != '=') continue;
        do t++; while (t < end && (*t == ' ' || *t == '\t'));
        const char *b = t;
        while (t < end && (isalnum((unsigned char)*t) || *t == '-' || *t == '_' || *t == '.')) t++;
        if (t > b) {
            size_t k = (size_t)(t - b) < specn - 1 ? (size_t)(t - b) : specn - 1;
            memcpy(spec, b, k);
            spec[k] = 0;
            return 1;
        }
    }
    return 0;
}

/* cp1252's 0x80..0x9F (0: undefined, which the codec refuses). */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
};

static bool valid_utf8(const unsigned char *p, const unsigned char *end)
{
    while (p < end) {
        unsigned c = *p;
        int n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) { p++; continue; }
        if (c < 0xC2 || c > 0xF4) return false;
        if (c < 0xE0) n = 2;
        else if (c < 0xF0) { n = 3; if (c == 0xE0) lo = 0xA0; else if (c == 0xED) hi = 0x9F; }
        else { n = 4; if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F; }
        if (end - p < n) return false;
        for (int i = 1; i < n; i++)
            if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) return false;
        p += n;
    }
    return true;
}

static void fail(ParseError *err, const char *name, bool bom)
{
    memset(err, 0, sizeof *err);
    snprintf(err->msg, sizeof err->msg, "encoding problem: %s%s", name, bom ? " with BOM" : "");
}

/* The declaration in the first two lines of src[:len]: 0 without one, else
 * 1 with its name (as CPython's get_normal_name leaves it) in name. */
static int declared(const char *src, size_t len, bool *bom, char *name, size_t namen)
{
    *bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
    const char *p = src + (*bom ? 3 : 0), *end = src + len;
    char spec[64] = "";
    for (int line = 0; line < 2 && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
        if (coding_spec(p, n, spec, sizeof spec) != 0) break;
        p += n;
    }
    if (!spec[0]) return 0;
    normal_name(spec, name, namen);
    return 1;
}

/* The UTF-8 form of the one-byte-per-character text s[:len] in codec, into
 * out (room for 3 * len + 1); the length, or -1 for a byte the codec lacks. */
static long long recode(int codec, const unsigned char *s, size_t len, char *out)
{
    size_t k = 0;
    for (const unsigned char *e = s + len; s < e; s++) {
        unsigned cp = *s;
        if (cp >= 0x80) {
            if (codec == SRC_ASCII) cp = 0;
            else if (codec == SRC_CP1252 && cp < 0xA0) cp = cp1252_high[cp - 0x80];
            if (!cp) return -1;
        }
        if (cp < 0x80) {
            out[k++] = (char)cp;
        } else if (cp < 0x800) {
            out[k++] = (char)(0xC0 | (cp >> 6));
            out[k++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[k++] = (char)(0xE0 | (cp >> 12));
            out[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[k] = 0;
    return (long long)k;
}

/* ---- a file that declares UTF-8 but is not ---- */

/* Length of the maximal invalid part at p as CPython's decoder sees it (1..3),
 * 0 when p starts a valid sequence; *why gets the reason. */
static int invalid_at(const unsigned char *p, const unsigned char *end, const char **why)
{
    unsigned c = *p;
    int n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 0;
    if (c < 0xC2 || c > 0xF4) { *why = "invalid start byte"; return 1; }
    if (c < 0xE0) n = 2;
    else if (c < 0xF0) { n = 3; if (c == 0xE0) lo = 0xA0; else if (c == 0xED) hi = 0x9F; }
    else { n = 4; if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F; }
    for (int i = 1; i < n; i++) {
        if (p + i >= end) { *why = "unexpected end of data"; return i; }
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) { *why = "invalid continuation byte"; return i; }
    }
    return 0;
}

static int seq_len(unsigned c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/* Clears *err and sets the message of CPython's "(unicode error)" for the
 * invalid part at p (bad bytes long, from invalid_at), pos bytes into the
 * decoded text. */
static void decode_error(ParseError *err, const unsigned char *p, size_t pos, int bad, const char *why)
{
    memset(err, 0, sizeof *err);
    if (bad == 1)
        snprintf(err->msg, sizeof err->msg,
                 "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s", *p, pos, why);
    else
        snprintf(err->msg, sizeof err->msg,
                 "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s", pos,
                 pos + (size_t)bad - 1, why);
}

/* src with each invalid part replaced by U+FFFD (as Python's "replace"). */
static char *replace_invalid(const char *src, size_t len, size_t *outlen)
{
    char *out = mem_alloc(len * 3 + 1);
    if (!out) return NULL;
    const unsigned char *p = (const unsigned char *)src, *end = p + len;
    size_t k = 0;
    while (p < end) {
        const char *why;
        int bad = invalid_at(p, end, &why);
        if (bad) {
            memcpy(out + k, "\xEF\xBF\xBD", 3);
            k += 3;
            p += bad;
        } else {
            int n = seq_len(*p);
            memcpy(out + k, p, (size_t)n);
            k += (size_t)n;
            p += n;
        }
    }
    out[k] = 0;
    *outlen = k;
    return out;
}

/* The characters in the first n bytes of UTF-8 text s (a sequence cut at
 * the end counts as one, as decoding with "replace" makes it). */
static int chars_in(const char *s, size_t slen, size_t n)
{
    if (n > slen) n = slen;
    int c = 0;
    for (size_t i = 0; i < n; i += (size_t)seq_len((unsigned char)s[i])) c++;
    return c;
}

static bool ident_byte(unsigned c) { return c == '_' || isalnum(c) || c >= 0x80; }

/* The string literal (prefix already skipped) whose quote is at q: sets
 * *body and *body_end (its contents) and returns the end of the literal. */
static size_t skip_string(const char *s, size_t len, size_t q, size_t *body, size_t *body_end)
{
    char quote = s[q];
    bool triple = q + 2 < len && s[q + 1] == quote && s[q + 2] == quote;
    size_t i = q + (triple ? 3 : 1);
    *body = i;
    while (i < len) {
        if (s[i] == '\\' && i + 1 < len) { i += 2; continue; }
        if (!triple && s[i] == '\n') break;
        if (s[i] == quote && (!triple || (i + 2 < len && s[i + 1] == quote && s[i + 2] == quote))) {
            *body_end = i;
            return i + (triple ? 3 : 1);
        }
        i++;
    }
    *body_end = i;
    return i;
}

/* Is s[a:b] a string prefix (r, u, b, f, br, rb, fr, rf in any case)? */
static bool string_prefix(const char *s, size_t a, size_t b, bool *is_bytes)
{
    char p[3] = {0};
    if (b - a > 2) return false;
    for (size_t i = a; i < b; i++) p[i - a] = (char)tolower((unsigned char)s[i]);
    *is_bytes = strchr(p, 'b') != NULL;
    return !strcmp(p, "r") || !strcmp(p, "u") || !strcmp(p, "b") || !strcmp(p, "f") || !strcmp(p, "br") ||
           !strcmp(p, "rb") || !strcmp(p, "fr") || !strcmp(p, "rf");
}

/* The SyntaxError CPython gives for a file that declares UTF-8 but is not:
 * only the tokens it decodes fail — a string literal ("(unicode error)" at
 * the token the parser looked ahead to) or a name (at the bad byte); a bad
 * byte in a comment is never decoded, and one in a bytes literal gets the
 * parser's "bytes can only contain ASCII" error. Returns -1 with err set,
 * 0 when the program can be lexed from the text with U+FFFD in place of
 * each bad part (*out). Either way *out is that text, for the report. */
static int utf8_declared_check(const char *s, size_t len, char **out, size_t *outlen, ParseError *err)
{
    *out = replace_invalid(s, len, outlen);
    if (!*out) { memset(err, 0, sizeof *err); snprintf(err->msg, sizeof err->msg, "out of memory"); return -1; }
    const unsigned char *u = (const unsigned char *)s, *end = u + len;
    size_t i = 0;
    int line = 1;
    size_t line_start = 0;
    while (i < len) {
        unsigned char c = u[i];
        if (c == '\n') { i++; line++; line_start = i; continue; }
        if (c == '#') { while (i < len && u[i] != '\n') i++; continue; }
        size_t q = i;
        bool is_bytes = false, is_f = false, is_raw = false;
        if (ident_byte(c) && !isdigit(c)) {
            size_t e = i;
            while (e < len && ident_byte(u[e])) e++;
            if (e < len && (u[e] == '"' || u[e] == '\'') && string_prefix(s, i, e, &is_bytes)) {
                q = e;
                is_f = memchr(s + i, 'f', e - i) || memchr(s + i, 'F', e - i);
                is_raw = memchr(s + i, 'r', e - i) || memchr(s + i, 'R', e - i);
            } else {
                for (size_t k = i; k < e;) {
                    const char *why;
                    int bad = invalid_at(u + k, u + e, &why);    /* the name alone is decoded */
                    if (!bad) { k += (size_t)seq_len(u[k]); continue; }
                    /* a name: at the bad byte, its offset in the name */
                    decode_error(err, u + k, k - i, bad, why);
                    err->line = line;
                    const char *raw = s + line_start;
                    int ci = 0;
                    for (size_t b = 0; b < k - line_start;) {
                        const char *w;
                        int n = invalid_at((const unsigned char *)raw + b, end, &w);
                        b += n ? (size_t)n : (size_t)seq_len((unsigned char)raw[b]);
                        ci++;
                    }
                    /* python3 puts this caret under the ci-th character
                     * (not byte) of the line, which a column of ci does */
                    err->col = ci;
                    return -1;
                }
                i = e;
                continue;
            }
        }
        if (u[q] == '"' || u[q] == '\'') {
            size_t body, body_end;
            i = skip_string(s, len, q, &body, &body_end);
            for (size_t k = q; k < i; k++)
                if (u[k] == '\n') { line++; line_start = k + 1; }
            if (is_bytes) continue;
            /* CPython decodes a plain literal whole, but an f-string or one
             * with backslash escapes run by run of non-ASCII bytes */
            bool by_runs = is_f || (!is_raw && memchr(s + body, '\\', body_end - body));
            for (size_t k = body; k < body_end;) {
                const char *why;
                size_t stop = body_end;
                if (by_runs) {
                    body = k;
                    for (stop = k; stop < body_end && u[stop] >= 0x80;) stop++;
                }
                int bad = invalid_at(u + k, u + stop, &why);
                if (!bad) { k += (size_t)seq_len(u[k]); continue; }
                decode_error(err, u + k, k - body, bad, why);
                /* where: the token after the literal (and after any literals
                 * it is joined to), which the parser had read */
                size_t t = i;
                for (;;) {
                    while (t < len && (u[t] == ' ' || u[t] == '\t' || u[t] == '\f')) t++;
                    size_t e = t;
                    while (e < len && ident_byte(u[e]) && !isdigit(u[e])) e++;
                    bool b2;
                    size_t qq = e < len && (u[e] == '"' || u[e] == '\'') && (e == t || string_prefix(s, t, e, &b2)) ? e : len;
                    if (qq == len) break;
                    size_t bb, be;
                    t = skip_string(s, len, qq, &bb, &be);
                    for (size_t k2 = qq; k2 < t; k2++)
                        if (u[k2] == '\n') { line++; line_start = k2 + 1; }
                }
                err->line = line;
                size_t rs = 0;
                for (int l = 1; l < line; l++) rs = (size_t)((char *)memchr(*out + rs, '\n', *outlen - rs) - *out) + 1;
                const char *rl = *out + rs;
                size_t rlen = *outlen - rs;
                int c0 = chars_in(rl, rlen, t - line_start + 1) - 1;
                err->col = c0 < 0 ? 0 : c0;     /* a character column, as for a name */
                return -1;
            }
            continue;
        }
        i++;
    }
    return 0;
}

int source_decode(const char *src, size_t len, bool from_pipe, char **out, size_t *outlen, ParseError *err)
{
    *out = NULL;
    *outlen = 0;
    bool bom;
    char name[64];
    if (!declared(src, len, &bom, name, sizeof name)) return 0;
    if (!strcmp(name, "utf-8")) {
        if (valid_utf8((const unsigned char *)src, (const unsigned char *)src + len)) return 0;
        if (utf8_declared_check(src, len, out, outlen, err) == 0 || !*out) return 0;
        /* CPython meets the undecodable token only when it parses up to it:
         * a syntax error before it is reported instead */
        ParseError first;
        Node *tree = parse_module(*out, *outlen, "", &first);
        if (tree) ast_free(tree);
        else if (first.line > 0 && first.line < err->line && strcmp(first.msg, "out of memory") != 0) *err = first;
        return -1;
    }
    if (bom) { fail(err, name, true); return -1; }
    int codec = lookup_codec(name);
    /* python3.11 cannot reread a program piped to it in another encoding,
     * and reports any encoding but UTF-8 as a problem there */
    if (codec == SRC_UNKNOWN || from_pipe) { fail(err, name, false); return -1; }
    if (codec == SRC_UTF8) {
        if (!valid_utf8((const unsigned char *)src, (const unsigned char *)src + len)) {
            fail(err, name, false);
            return -1;
        }
        return 0;
    }
    /* each byte becomes one character: at most 3 bytes of UTF-8 */
    char *buf = mem_alloc(len * 3 + 1);
    if (!buf) { memset(err, 0, sizeof *err); snprintf(err->msg, sizeof err->msg, "out of memory"); return -1; }
    long long k = recode(codec, (const unsigned char *)src, len, buf);
    if (k < 0) { mem_free(buf); fail(err, name, false); return -1; }
    *out = buf;
    *outlen = (size_t)k;
    return 0;
}

void source_recode_line(const char *filename, char *buf, size_t n)
{
    bool high = false;
    for (const char *p = buf; *p; p++) high |= (unsigned char)*p >= 0x80;
    if (!high || !filename || filename[0] == '<') return;
    FILE *f = fopen(filename, "rb");
    if (!f) return;
    char head[2048];
    size_t got = fread(head, 1, sizeof head, f);
    fclose(f);
    bool bom;
    char name[64];
    if (!declared(head, got, &bom, name, sizeof name)) return;
    int codec = lookup_codec(name);
    if (codec != SRC_LATIN1 && codec != SRC_CP1252) return;
    size_t len = strlen(buf);
    char *tmp = mem_alloc(len * 3 + 1);
    if (!tmp) return;
    if (recode(codec, (const unsigned char *)buf, len, tmp) >= 0) snprintf(buf, n, "%s", tmp);
    mem_free(tmp);
}
