/* traceback.c — one entry of a printed traceback, as CPython 3.11's
 * Python/traceback.c writes it: the `File ...` line, the source line, and
 * under it the PEP 657 markers for the range of the instruction that
 * raised (src/compile/bytecode.h code_position).
 *
 * The markers follow CPython's rules: columns are stored as UTF-8 byte
 * offsets and shown as characters; a range running on to later lines is
 * marked to the line's last non-blank character; when the range is on one
 * line, that piece of source is parsed again and a binary operation or a
 * subscript gets `~` for its operands and `^` for its operator or index;
 * and nothing is marked when a plain `^` run would cover the whole line
 * (leading blanks aside). Everything here runs only when a traceback is
 * printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse/ast.h"
#include "objects/code.h"
#include "objects/bytes.h"
#include "memory/mem.h"
#include "vm/traceback.h"
#include "parse/source.h"
#include "objects/str.h"

static bool utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    const char *why;
    while (p < end) {
        if (*p < 0x80) { p++; continue; }
        int n = codec_utf8_check(p, end, &why);
        if (n <= 0) return false;
        p += n;
    }
    return true;
}

/* Line `line` (1-based) of the file without its line ending, in a new
 * buffer (mem_free it), or NULL when the file or the line is missing or
 * the line is not UTF-8 (CPython shows no source then). */
static char *read_line(const char *filename, int line, size_t *lenp)
{
    FILE *f = fopen(filename, "rb");
    if (!f) return NULL;
    int cur = 1, c = 0;
    while (cur < line && (c = getc(f)) != EOF)
        if (c == '\n') cur++;
    if (cur < line) { fclose(f); return NULL; }
    size_t len = 0, cap = 128;
    char *buf = mem_alloc(cap);
    bool any = false;
    while (buf && (c = getc(f)) != EOF) {
        any = true;
        if (c == '\n') break;
        if (len + 2 > cap) {
            char *nb = mem_realloc(buf, cap * 2);
            if (!nb) { mem_free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        buf[len++] = (char)c;
    }
    fclose(f);
    if (!buf) return NULL;
    if (!any) { mem_free(buf); return NULL; }
    if (len > 0 && buf[len - 1] == '\r') len--;    /* universal newlines */
    buf[len] = '\0';
    /* A file declaring Latin-1 or cp1252 (PEP 263) shows its characters:
     * recoded, a byte becomes at most three. */
    char *wide = mem_realloc(buf, len * 3 + 1);
    if (!wide) { mem_free(buf); return NULL; }
    buf = wide;
    source_recode_line(filename, buf, len * 3 + 1);
    len = strlen(buf);
    if (!utf8_valid(buf, len)) { mem_free(buf); return NULL; }
    *lenp = len;
    return buf;
}

/* Code points in the first n bytes of s. */
static int chars_in(const char *s, size_t n) { return (int)str_count_chars(s, n); }

/* CPython's _PyPegen_byte_offset_to_character_offset. */
static int byte_to_char(const char *s, size_t len, int col)
{
    if ((size_t)col > len + 1) col = (int)len + 1;
    if ((size_t)col == len + 1) return chars_in(s, len) + 1;
    return chars_in(s, (size_t)col);
}

/* Byte offset of character number ch in s. */
static size_t char_to_byte(const char *s, size_t len, int ch)
{
    size_t i = 0;
    for (int k = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (k == ch) return i;
            k++;
        }
    }
    return len;
}

/* Columns the first nchars characters of s take on a terminal: two for
 * East Asian wide and fullwidth ones (CPython 3.11.7 places its markers so). */
static int display_width(const char *s, size_t len, int nchars)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    int w = 0;
    for (int k = 0; k < nchars && p < end; k++) {
        unsigned int cp = *p++;
        if (cp >= 0x80) {
            int more = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : 1;
            cp &= 0x3F >> more;
            while (more-- > 0 && p < end && (*p & 0xC0) == 0x80) cp = (cp << 6) | (*p++ & 0x3F);
        }
        w += cp >= 0x1100 && tb_wide_char(cp) ? 2 : 1;
    }
    return w;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* Parses seg (one line of source) alone; for a lone expression statement
 * that is a binary operation or a subscript, sets the byte range [*left,
 * *right) of its operator or index and returns true. */
static bool segment_anchors(const char *seg, size_t n, int *left, int *right)
{
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    Node *m = parse_module(seg, n, "<traceback>", &perr);
    if (!m) return false;
    bool found = false;
    if (m->body.len == 1 && m->body.items[0]->kind == N_EXPR_STMT) {
        Node *e = m->body.items[0]->a;
        if (e->kind == N_BINOP && e->a->end_line == 1 && e->b->line == 1) {
            int from = e->a->end_lcol, to = e->b->col;
            for (int i = from; i < to; i++) {
                if (is_blank(seg[i])) continue;
                *left = i;
                *right = i + 1;
                if (i + 1 < to && !is_blank(seg[i + 1])) ++*right;   /* two characters: // ** << ... */
                found = true;
                if (i + 1 < to && seg[i] == ')') continue;          /* a parenthesized left operand */
                break;
            }
        } else if (e->kind == N_SUBSCRIPT && e->a->end_line == 1 && e->b->end_line == 1) {
            int l = e->a->end_lcol, r = e->b->end_lcol + 1;
            int len = (int)n;
            while (l < len && seg[l] != '[') l++;
            while (r < len && seg[r] != ']') r++;
            if (r < len) r++;
            *left = l;
            *right = r;
            found = true;
        }
    }
    ast_free(m);
    return found;
}

/* The marker line for an entry whose source line is src (len bytes). */
static void print_markers(FILE *fp, const char *src, size_t len, int lead, int line, int col, int end_line,
                          int end_col)
{
    if (col < 0 || end_col < 0 || end_line < line) return;
    int nchars = chars_in(src, len);
    int start = byte_to_char(src, len, col);
    int end = byte_to_char(src, len, end_col);
    int left = -1, right = -1;            /* display columns of the operator/index */
    bool anchored = false;
    if (end_line == line) {
        if (start < end) {
            size_t b0 = char_to_byte(src, len, start), b1 = char_to_byte(src, len, end);
            char *seg = mem_alloc(b1 - b0 + 1);
            if (seg) {
                memcpy(seg, src + b0, b1 - b0);
                seg[b1 - b0] = '\0';
                int l, r;
                if (segment_anchors(seg, b1 - b0, &l, &r)) {
                    left = display_width(seg, b1 - b0, chars_in(seg, (size_t)l));
                    right = display_width(seg, b1 - b0, chars_in(seg, (size_t)r));
                    anchored = true;
                }
                mem_free(seg);
            }
        }
    } else {
        /* CPython indexes the UTF-8 bytes with a count of characters here. */
        int i = nchars;
        while (--i >= 0)
            if ((size_t)i < len && !is_blank(src[i])) break;
        end = i + 1;
    }
    if (end - start == nchars - lead && !anchored) return;
    int dstart = display_width(src, len, start), dend = display_width(src, len, end);
    for (int i = lead - 4; i < dstart; i++) fputc(' ', fp);
    for (int i = 0; i < dend - dstart; i++) {
        char ch = '^';
        if (anchored) ch = left <= i && i < right ? '^' : '~';
        fputc(ch, fp);
    }
    fputc('\n', fp);
}

bool tb_finalizing;

void tb_print_entry(void *file, const Code *c, int line, int instr)
{
    FILE *fp = file;
    const char *fn = c->filename ? c->filename->data : "<unknown>";
    const char *name = c->name ? c->name->data : "?";
    fprintf(fp, "  File \"%s\", line %d, in %s\n", fn, line, name);
    size_t fnlen = strlen(fn);
    if (fn[0] == '<' && fnlen > 0 && fn[fnlen - 1] == '>') return;
    if (tb_finalizing) return;
    size_t len;
    char *src = read_line(fn, line, &len);
    if (!src) return;
    int leadb = 0;
    while ((size_t)leadb < len && is_blank(src[leadb])) leadb++;
    fputs("    ", fp);
    fwrite(src + leadb, 1, len - (size_t)leadb, fp);
    fputc('\n', fp);
    int pline, col, end_line, end_col;
    code_position(c, instr, &pline, &col, &end_line, &end_col);
    if (pline == line) print_markers(fp, src, len, leadb, line, col, end_line, end_col);
    mem_free(src);
}
