/* format.c — text formatting as CPython does it: the format-spec
 * mini-language of format() and str.format() ([[fill]align][sign][z][#][0]
 * [width][,|_][.precision][type]), the str.format() template language, and
 * printf-style `str % args`. Floats are printed with the C library's
 * correctly rounded conversions; the texts around them (exponent form,
 * trailing zeros, padding, grouping) follow CPython's formatter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "objects/format.h"
#include "core/args.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/attrcache.h"
#include "objects/subclass.h"
#include "objects/function.h"

typedef struct Spec {
    char fill[5];        /* UTF-8 of the fill character */
    int filllen;
    bool fill_given;
    char align;          /* 0 (default), '<', '>', '^', '=' */
    char sign;           /* 0, '+', '-', ' ' */
    bool z, alt;
    int64_t width;       /* -1: none */
    char grouping;       /* 0, ',', '_' */
    int64_t precision;   /* -1: none */
    uint32_t type;       /* 0: none */
} Spec;

/* ---- small UTF-8 helpers ---- */

static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static uint32_t utf8_decode(const char *s, int *n)
{
    const unsigned char *p = (const unsigned char *)s;
    int l = utf8_len(p[0]);
    *n = l;
    if (l == 1) return p[0];
    uint32_t cp = p[0] & (0x7f >> l);
    for (int i = 1; i < l; i++) cp = (cp << 6) | (p[i] & 0x3f);
    return cp;
}

static int64_t utf8_count(const char *s, int64_t n)
{
    int64_t c = 0;
    for (int64_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80) c++;
    return c;
}

/* Byte length of the first `chars` code points of s[0..n). */
static int64_t utf8_prefix(const char *s, int64_t n, int64_t chars)
{
    int64_t i = 0;
    while (i < n && chars > 0) {
        i += utf8_len((unsigned char)s[i]);
        chars--;
    }
    return i > n ? n : i;
}

static void put_fill(StrBuf *b, const Spec *s, int64_t count)
{
    if (s->filllen == 1) {
        for (int64_t i = 0; i < count; i++) sb_putc(b, s->fill[0]);
    } else {
        for (int64_t i = 0; i < count; i++) sb_putn(b, s->fill, s->filllen);
    }
}

/* ---- spec parsing ---- */

static bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static void type_char_text(char *buf, size_t n, uint32_t t)
{
    if (t > 32 && t < 128) snprintf(buf, n, "%c", (int)t);
    else snprintf(buf, n, "\\x%x", (unsigned)t);
}

static int parse_spec(Str *spec, Spec *s, char default_align, Value v)
{
    const char *p = spec->data, *e = spec->data + spec->len;
    memset(s, 0, sizeof *s);
    s->fill[0] = ' ';
    s->filllen = 1;
    s->width = -1;
    s->precision = -1;
    bool align_given = false;
    (void)default_align;
    /* [[fill]align] */
    if (p < e) {
        int n = utf8_len((unsigned char)*p);
        if (p + n < e && is_align(p[n])) {
            memcpy(s->fill, p, (size_t)n);
            s->filllen = n;
            s->fill_given = true;
            s->align = p[n];
            align_given = true;
            p += n + 1;
        } else if (is_align(*p)) {
            s->align = *p++;
            align_given = true;
        }
    }
    if (p < e && (*p == '+' || *p == '-' || *p == ' ')) s->sign = *p++;
    if (p < e && *p == 'z') { s->z = true; p++; }
    if (p < e && *p == '#') { s->alt = true; p++; }
    if (p < e && *p == '0' && !s->fill_given) {
        s->fill[0] = '0';
        s->filllen = 1;
        s->fill_given = true;
        if (!align_given && default_align == '>') s->align = '=';
        p++;
    }
    const char *q = p;
    int64_t w = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        if (w > (INT64_MAX - 9) / 10 || w > 0x7fffffff) {
            err_set(&exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        w = w * 10 + (*p++ - '0');
    }
    if (w > 0x7fffffff) {
        err_set(&exc_ValueError, "Too many decimal digits in format string");
        return -1;
    }
    if (p > q) s->width = w;
    if (p < e && *p == ',') { s->grouping = ','; p++; }
    if (p < e && *p == '_') {
        if (s->grouping) { err_set(&exc_ValueError, "Cannot specify both ',' and '_'."); return -1; }
        s->grouping = '_';
        p++;
    }
    if (p < e && *p == ',') {
        if (s->grouping == '_') { err_set(&exc_ValueError, "Cannot specify both ',' and '_'."); return -1; }
        err_set(&exc_ValueError, "Cannot specify ',' with ','.");
        return -1;
    }
    if (p < e && *p == '.') {
        p++;
        q = p;
        int64_t pr = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            if (pr > 0x7fffffff / 10) {
                err_set(&exc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            pr = pr * 10 + (*p++ - '0');
        }
        if (p == q) {
            err_set(&exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        s->precision = pr;
    }
    if (e - p > 1 && utf8_len((unsigned char)*p) != e - p) {
        err_format(&exc_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                   spec->data, val_type_name(v));
        return -1;
    }
    if (p < e) {
        int n;
        s->type = utf8_decode(p, &n);
    }
    if (s->grouping) {
        uint32_t t = s->type;
        if (t == 0 && val_is_str(v)) t = 's';
        if (t == 0 && !val_is_float(v)) t = 'd';
        switch (t) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (s->grouping == '_') break;
            /* fall through */
        default: {
            char tc[16];
            type_char_text(tc, sizeof tc, t);
            err_format(&exc_ValueError, "Cannot specify '%c' with '%s'.", s->grouping, tc);
            return -1;
        }
        }
    }
    return 0;
}

/* Emit body padded to the spec's width. lead is the sign/prefix part that
 * '=' alignment keeps left of the padding. */
static void emit_padded(StrBuf *b, const Spec *s, char default_align,
                        const char *lead, int64_t leadlen, const char *body, int64_t bodylen, int64_t bodychars)
{
    int64_t total = leadlen + bodychars;
    int64_t pad = s->width > total ? s->width - total : 0;
    char align = s->align ? s->align : default_align;
    if (pad == 0) {
        sb_putn(b, lead, leadlen);
        sb_putn(b, body, bodylen);
        return;
    }
    switch (align) {
    case '<':
        sb_putn(b, lead, leadlen);
        sb_putn(b, body, bodylen);
        put_fill(b, s, pad);
        break;
    case '^':
        put_fill(b, s, pad / 2);
        sb_putn(b, lead, leadlen);
        sb_putn(b, body, bodylen);
        put_fill(b, s, pad - pad / 2);
        break;
    case '=':
        sb_putn(b, lead, leadlen);
        put_fill(b, s, pad);
        sb_putn(b, body, bodylen);
        break;
    default:
        put_fill(b, s, pad);
        sb_putn(b, lead, leadlen);
        sb_putn(b, body, bodylen);
        break;
    }
}

/* Group the digits d[0..n) by `every` with separator sep into b; with
 * min_width > 0 pad with leading zeros (the separators included) to at
 * least that many characters, never starting with a separator. */
static void put_grouped(StrBuf *b, const char *d, int64_t n, char sep, int every, int64_t min_width)
{
    int64_t ndig = n;
    if (min_width > 0) {
        /* find the smallest digit count whose grouped length >= min_width */
        while (ndig + (ndig - 1) / every < min_width) ndig++;
    }
    for (int64_t i = 0; i < ndig; i++) {
        int64_t from_right = ndig - i;      /* digits left including this one */
        sb_putc(b, i < ndig - n ? '0' : d[i - (ndig - n)]);
        if (from_right > 1 && (from_right - 1) % every == 0) sb_putc(b, sep);
    }
}

/* ---- int ---- */

/* The digits of |v| in base 1 << shift (base 10 when shift is 0), written
 * backwards so that they end at end; returns where they start. */
static char *small_abs_digits(char *end, int64_t v, int shift, bool upper)
{
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    char *p = end;
    if (shift) {
        const char *hexd = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        unsigned mask = (1u << shift) - 1;
        do { *--p = hexd[u & mask]; u >>= shift; } while (u);
    } else {
        do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
    }
    return p;
}

static Value format_float_spec(double x, Spec *s, Value orig);

static Value format_int_spec(int64_t v, Spec *s, Value orig)
{
    uint32_t t = s->type;
    switch (t) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (int_to_double(orig, &d) < 0) return VAL_ERROR;
        return format_float_spec(d, s, orig);
    }
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    default: {
        char tc[16];
        type_char_text(tc, sizeof tc, t);
        err_format(&exc_ValueError, "Unknown format code '%s' for object of type '%s'", tc, val_type_name(orig));
        return VAL_ERROR;
    }
    }
    if (s->precision >= 0) {
        err_set(&exc_ValueError, "Precision not allowed in integer format specifier");
        return VAL_ERROR;
    }
    if (s->z) {
        err_set(&exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return VAL_ERROR;
    }
    StrBuf b;
    sb_init(&b);
    if (t == 'c') {
        if (s->sign) {
            err_set(&exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return VAL_ERROR;
        }
        if (s->alt) {
            err_set(&exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return VAL_ERROR;
        }
        if (int_is_big(orig)) {
            err_set(&exc_OverflowError, "Python int too large to convert to C long");
            return VAL_ERROR;
        }
        if (v < 0 || v > 0x10ffff) {
            err_set(&exc_OverflowError, "%c arg not in range(0x110000)");
            return VAL_ERROR;
        }
        Value ch = str_from_codepoint((uint32_t)v);
        if (ch == VAL_ERROR) return VAL_ERROR;
        Str *cs = val_as_str(ch);
        emit_padded(&b, s, '>', "", 0, cs->data, cs->len, 1);
        decref(ch);
        return sb_finish(&b);
    }
    int shift = 0;
    const char *prefix = "";
    if (t == 'b') { shift = 1; prefix = "0b"; }
    else if (t == 'o') { shift = 3; prefix = "0o"; }
    else if (t == 'x') { shift = 4; prefix = "0x"; }
    else if (t == 'X') { shift = 4; prefix = "0X"; }
    char digits[80], *p = digits + sizeof digits, *bigd = NULL;
    int64_t nd;
    if (int_is_big(orig)) {
        bigd = bigint_abs_digits(orig, shift ? 1 << shift : 10, t == 'X', &nd);
        if (!bigd) return VAL_ERROR;
        p = bigd;
        if (int_sign(orig) < 0) v = -1;
    } else {
        p = small_abs_digits(p, v, shift, t == 'X');
        nd = digits + sizeof digits - p;
    }
    char lead[8];
    int ll = 0;
    if (v < 0) lead[ll++] = '-';
    else if (s->sign == '+') lead[ll++] = '+';
    else if (s->sign == ' ') lead[ll++] = ' ';
    if (s->alt && *prefix) { lead[ll++] = prefix[0]; lead[ll++] = prefix[1]; }
    StrBuf body;
    sb_init(&body);
    if (s->grouping) {
        int64_t minw = 0;
        if (s->fill_given && s->fill[0] == '0' && s->filllen == 1 && s->align == '=' && s->width > ll)
            minw = s->width - ll;
        put_grouped(&body, p, nd, s->grouping, shift ? 4 : 3, minw);
    } else {
        sb_putn(&body, p, nd);
    }
    mem_free(bigd);
    if (body.failed) { sb_free(&b); return sb_finish(&body); }
    emit_padded(&b, s, '>', lead, ll, body.data, body.len, body.len);
    sb_free(&body);
    return sb_finish(&b);
}

/* ---- float ---- */

static void strip_zeros(char *buf, bool keep_one)
{
    char *dot = strchr(buf, '.');
    if (!dot) return;
    char *end = buf + strlen(buf);
    while (end > dot + 1 && end[-1] == '0') end--;
    if (end == dot + 1) {
        if (keep_one) { *end++ = '0'; }
        else end = dot;
    }
    *end = 0;
}

/* Python's repr-style 'g' (no type, with precision): exponent form when
 * exp < -4 or exp >= p - 1; at least one digit after the point. */
static void format_r_prec(double x, int p, bool alt, char *out, size_t n)
{
    if (p == 0) p = 1;
    /* out (p + 400 bytes) holds all p digits: a short buffer would cut the exponent off */
    snprintf(out, n, alt ? "%#.*e" : "%.*e", p - 1, x);   /* '#' keeps the point: 1.e+00 */
    char *ep = strchr(out, 'e');
    int exp = ep ? atoi(ep + 1) : 0;
    if (ep && (exp < -4 || exp >= p - 1)) {
        *ep = 0;
        if (!alt) strip_zeros(out, false);
        size_t l = strlen(out);
        snprintf(out + l, n - l, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else {
        snprintf(out, n, "%.*f", p - 1 - exp, x);
        if (!alt) strip_zeros(out, true);
        else if (!strchr(out, '.')) strcat(out, ".0");
    }
}

static Value format_float_spec(double x, Spec *s, Value orig)
{
    uint32_t t = s->type;
    switch (t) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default: {
        char tc[16];
        type_char_text(tc, sizeof tc, t);
        err_format(&exc_ValueError, "Unknown format code '%s' for object of type '%s'", tc, val_type_name(orig));
        return VAL_ERROR;
    }
    }
    if (s->grouping && t == 'n') {
        err_format(&exc_ValueError, "Cannot specify '%c' with 'n'.", s->grouping);
        return VAL_ERROR;
    }
    bool upper = t == 'E' || t == 'F' || t == 'G';
    int prec = s->precision < 0 ? 6 : (int)(s->precision > 1000000 ? 1000000 : s->precision);
    if (t == '%') x *= 100.0;
    size_t cap = (size_t)prec + 400;
    char *buf = mem_alloc(cap);
    if (!buf) { err_no_memory(); return VAL_ERROR; }
    bool neg = signbit(x) && !isnan(x);
    double ax = fabs(x);
    if (!isfinite(ax)) {
        snprintf(buf, cap, "%s", isnan(ax) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        if (t == '%') strcat(buf, "%");
    } else {
        switch (t) {
        case 0:
            if (s->precision < 0) {
                float_repr_buf(ax, buf, cap);
                char *ep = strchr(buf, 'e');
                if (s->alt && ep && !strchr(buf, '.')) {     /* '#': 1e+16 -> 1.e+16 */
                    memmove(ep + 1, ep, strlen(ep) + 1);
                    *ep = '.';
                }
            } else {
                format_r_prec(ax, prec, s->alt, buf, cap);
            }
            break;
        case 'e': case 'E':
            snprintf(buf, cap, s->alt ? "%#.*e" : "%.*e", prec, ax);
            break;
        case 'f': case 'F': case '%':
            snprintf(buf, cap, s->alt ? "%#.*f" : "%.*f", prec, ax);
            if (t == '%') strcat(buf, "%");
            break;
        default: /* g G n */
            snprintf(buf, cap, s->alt ? "%#.*g" : "%.*g", prec == 0 ? 1 : prec, ax);
            break;
        }
        if (upper)
            for (char *c = buf; *c; c++) if (*c == 'e') *c = 'E';
        if (neg && s->z) {
            /* negative zero coercion: -0.00 -> 0.00 */
            bool allzero = true;
            for (char *c = buf; *c && *c != 'e' && *c != 'E'; c++)
                if (*c >= '1' && *c <= '9') { allzero = false; break; }
            if (allzero) neg = false;
        }
    }
    char lead[2];
    int ll = 0;
    if (neg) lead[ll++] = '-';
    else if (s->sign == '+') lead[ll++] = '+';
    else if (s->sign == ' ') lead[ll++] = ' ';
    StrBuf b, body;
    sb_init(&b);
    sb_init(&body);
    if (s->grouping && isfinite(x)) {
        int64_t n = 0, len = (int64_t)strlen(buf);
        while (n < len && buf[n] >= '0' && buf[n] <= '9') n++;
        int64_t minw = 0;
        if (s->fill_given && s->fill[0] == '0' && s->filllen == 1 && s->align == '=' && s->width > ll + (len - n))
            minw = s->width - ll - (len - n);
        put_grouped(&body, buf, n, s->grouping, 3, minw);
        sb_putn(&body, buf + n, len - n);
    } else {
        sb_puts(&body, buf);
    }
    mem_free(buf);
    if (body.failed) { sb_free(&b); return sb_finish(&body); }
    emit_padded(&b, s, '>', lead, ll, body.data, body.len, body.len);
    sb_free(&body);
    return sb_finish(&b);
}

/* ---- str ---- */

static Value format_str_spec(Str *str, Spec *s)
{
    uint32_t t = s->type;
    if (t != 0 && t != 's') {
        char tc[16];
        type_char_text(tc, sizeof tc, t);
        err_format(&exc_ValueError, "Unknown format code '%s' for object of type 'str'", tc);
        return VAL_ERROR;
    }
    if (s->sign == ' ') { err_set(&exc_ValueError, "Space not allowed in string format specifier"); return VAL_ERROR; }
    if (s->sign) { err_set(&exc_ValueError, "Sign not allowed in string format specifier"); return VAL_ERROR; }
    if (s->z) {
        err_set(&exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return VAL_ERROR;
    }
    if (s->alt) {
        err_set(&exc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return VAL_ERROR;
    }
    if (s->align == '=') {
        err_set(&exc_ValueError, "'=' alignment not allowed in string format specifier");
        return VAL_ERROR;
    }
    int64_t len = str->len, chars = str->nchars;
    if (s->precision >= 0 && s->precision < chars) {
        len = str->ascii ? s->precision : utf8_prefix(str->data, str->len, s->precision);
        chars = s->precision;
    }
    if (s->width <= chars && len == str->len) {
        obj_incref(str);
        return str_val(str);
    }
    StrBuf b;
    sb_init(&b);
    emit_padded(&b, s, '<', "", 0, str->data, len, chars);
    return sb_finish(&b);
}

/* format(v, spec) for an instance of a class defining __format__. */
static Value call_user_format(Value v, Value d, Str *spec)
{
    Value r;
    incref(d);   /* the call may rebind the class attribute */
    if (val_type(d) == &function_type) {
        Value a[2] = { v, str_val(spec) };
        r = obj_call(d, a, 2, NULL);
    } else {
        Value m = obj_getattr_cstr(v, "__format__");
        Value a = str_val(spec);
        r = m == VAL_ERROR ? VAL_ERROR : obj_call(m, &a, 1, NULL);
        xdecref(m);
    }
    decref(d);
    if (r != VAL_ERROR && !val_is_str(r)) {
        err_format(&exc_TypeError, "__format__ must return a str, not %s", val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

Value format_value(Value v, Str *spec)
{
    Type *t = val_type(v);
    if (type_is_heap(t)) {
        if (val_is_boxed(v) && !class_user_defined(t, "__format__")) {
            /* str, int, float subclasses: str(v) for an empty spec (their
             * __str__ or __repr__ may be overridden), else the value's format */
            if (spec->len == 0) return obj_str(v);
            v = val_unbox(v);
        } else {
            Value d = class_lookup_cstr(t, "__format__");
            if (d != VAL_UNDEF) return call_user_format(v, d, spec);
        }
    }
    if (spec->len == 0) {
        if (val_is_str(v)) { incref(v); return v; }
        return obj_str(v);
    }
    Spec s;
    if (val_is_str(v)) {
        if (parse_spec(spec, &s, '<', v) < 0) return VAL_ERROR;
        return format_str_spec(val_as_str(v), &s);
    }
    if (val_is_float(v)) {
        if (parse_spec(spec, &s, '>', v) < 0) return VAL_ERROR;
        return format_float_spec(val_as_float(v), &s, v);
    }
    if (val_is_intlike(v)) {
        if (parse_spec(spec, &s, '>', v) < 0) return VAL_ERROR;
        return format_int_spec(val_to_i64(v), &s, v);
    }
    err_format(&exc_TypeError, "unsupported format string passed to %s.__format__", val_type_name(v));
    return VAL_ERROR;
}

/* X.__format__(spec): the builtin types' method, and object's (which accepts
 * only an empty spec, so that a class's __format__ can defer to super()). */
static Value format_dunder_impl(Value *args, int nargs, Tuple *kwnames, bool object)
{
    const char *owner = object ? "object" : val_is_bool(args[0]) ? "int" : val_type_name(args[0]);
    if (args_one(owner, "__format__", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (!val_is_str(args[1])) {
        err_format(&exc_TypeError, "__format__() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *spec = val_as_str(args[1]);
    if (!object) return format_value(args[0], spec);
    if (spec->len) {
        err_format(&exc_TypeError, "unsupported format string passed to %s.__format__", val_type_name(args[0]));
        return VAL_ERROR;
    }
    return obj_str(args[0]);
}

Value format_dunder(Value *args, int nargs, Tuple *kwnames)
{
    return format_dunder_impl(args, nargs, kwnames, false);
}

Value format_object_dunder(Value *args, int nargs, Tuple *kwnames)
{
    return format_dunder_impl(args, nargs, kwnames, true);
}

/* ---- str.format ---- */

typedef struct FmtArgs {
    Value *pos;
    int npos;
    Value *kwvals;
    Tuple *kwnames;
    int auto_state;      /* 0 unknown, 1 auto, 2 manual */
    int auto_next;
} FmtArgs;

static Value build_format(const char *p, const char *e, FmtArgs *a, int depth, StrBuf *out);

/* Parse an all-digit field part; -1 when it is not one. */
static int64_t digits_value(const char *p, const char *e, bool *overflow)
{
    *overflow = false;
    if (p == e) return -1;
    int64_t v = 0;
    for (const char *q = p; q < e; q++) {
        if (*q < '0' || *q > '9') return -1;
        if (v > (INT64_MAX - 9) / 10) { *overflow = true; return -1; }
        v = v * 10 + (*q - '0');
    }
    return v;
}

static Value lookup_kw(FmtArgs *a, const char *p, const char *e)
{
    int64_t n = a->kwnames ? a->kwnames->len : 0;
    for (int64_t i = 0; i < n; i++) {
        Str *k = val_as_str(a->kwnames->items[i]);
        if (k->len == e - p && memcmp(k->data, p, (size_t)(e - p)) == 0) {
            incref(a->kwvals[i]);
            return a->kwvals[i];
        }
    }
    Str *key = str_new(p, e - p);
    if (!key) return VAL_ERROR;
    err_set_value(&exc_KeyError, str_val(key));
    obj_decref(key);
    return VAL_ERROR;
}

/* Resolve a field name (arg_name ("." attr | "[" key "]")*) to a new reference. */
static Value get_field(const char *p, const char *e, FmtArgs *a)
{
    const char *q = p;
    while (q < e && *q != '.' && *q != '[') q++;
    bool ovf;
    int64_t idx = digits_value(p, q, &ovf);
    if (ovf) { err_set(&exc_ValueError, "Too many decimal digits in format string"); return VAL_ERROR; }
    Value obj;
    if (p == q) {
        if (a->auto_state == 2) {
            err_set(&exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
            return VAL_ERROR;
        }
        a->auto_state = 1;
        idx = a->auto_next++;
    } else if (idx >= 0) {
        if (a->auto_state == 1) {
            err_set(&exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
            return VAL_ERROR;
        }
        a->auto_state = 2;
    }
    if (idx >= 0) {
        if (idx >= a->npos) {
            err_format(&exc_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
            return VAL_ERROR;
        }
        obj = a->pos[idx];
        incref(obj);
    } else {
        obj = lookup_kw(a, p, q);
        if (obj == VAL_ERROR) return VAL_ERROR;
    }
    p = q;
    while (p < e) {
        Value next;
        if (*p == '.') {
            p++;
            q = p;
            while (q < e && *q != '.' && *q != '[') q++;
            if (q == p) {
                err_set(&exc_ValueError, "Empty attribute in format string");
                decref(obj);
                return VAL_ERROR;
            }
            Str *name = str_intern(p, q - p);
            if (!name) { decref(obj); return VAL_ERROR; }
            next = obj_getattr(obj, name);
            obj_decref(name);
            p = q;
        } else if (*p == '[') {
            p++;
            q = p;
            while (q < e && *q != ']') q++;
            if (q == e) {
                err_set(&exc_ValueError, "Missing ']' in format string");
                decref(obj);
                return VAL_ERROR;
            }
            if (q == p) {
                err_set(&exc_ValueError, "Empty attribute in format string");
                decref(obj);
                return VAL_ERROR;
            }
            int64_t k = digits_value(p, q, &ovf);
            Value key;
            if (k >= 0) key = int_from_i64(k);
            else {
                Str *ks = str_new(p, q - p);
                key = ks ? str_val(ks) : VAL_ERROR;
            }
            if (key == VAL_ERROR) { decref(obj); return VAL_ERROR; }
            next = obj_getitem(obj, key);
            decref(key);
            p = q + 1;
            if (p < e && *p != '.' && *p != '[') {
                if (next != VAL_ERROR) decref(next);
                decref(obj);
                err_set(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
                return VAL_ERROR;
            }
        } else {
            decref(obj);
            err_set(&exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            return VAL_ERROR;
        }
        decref(obj);
        if (next == VAL_ERROR) return VAL_ERROR;
        obj = next;
    }
    return obj;
}

/* One replacement field: p..e is the text between the braces' contents as
 * CPython's parse_field delimits it. */
static int render_field(const char *fn, const char *fe, uint32_t conv, const char *sp, const char *se,
                        bool expand, FmtArgs *a, int depth, StrBuf *out)
{
    Value obj = get_field(fn, fe, a);
    if (obj == VAL_ERROR) return -1;
    if (conv) {
        Value c;
        if (conv == 'r' || conv == 'a') c = obj_repr(obj);
        else if (conv == 's') c = obj_str(obj);
        else {
            char tc[16];
            type_char_text(tc, sizeof tc, conv);
            err_format(&exc_ValueError, "Unknown conversion specifier %s", tc);
            decref(obj);
            return -1;
        }
        decref(obj);
        if (c == VAL_ERROR) return -1;
        obj = c;
    }
    Str *spec;
    if (expand) {
        StrBuf sb;
        sb_init(&sb);
        if (build_format(sp, se, a, depth - 1, &sb) == VAL_ERROR) {
            sb_free(&sb);
            decref(obj);
            return -1;
        }
        Value sv = sb_finish(&sb);
        if (sv == VAL_ERROR) { decref(obj); return -1; }
        spec = val_as_str(sv);
    } else {
        spec = str_new(sp, se - sp);
        if (!spec) { decref(obj); return -1; }
    }
    Value r;
    if (spec->len == 0 && val_is_str(obj)) { r = obj; incref(r); }
    else r = format_value(obj, spec);
    obj_decref(spec);
    decref(obj);
    if (r == VAL_ERROR) return -1;
    sb_putn(out, val_as_str(r)->data, val_as_str(r)->len);
    decref(r);
    return 0;
}

static Value build_format(const char *p, const char *e, FmtArgs *a, int depth, StrBuf *out)
{
    if (depth <= 0) {
        err_set(&exc_ValueError, "Max string recursion exceeded");
        return VAL_ERROR;
    }
    while (p < e) {
        const char *lit = p;
        char c = 0;
        while (p < e) {
            c = *p++;
            if (c == '{' || c == '}') break;
            c = 0;
        }
        bool at_end = p >= e;
        int64_t len = p - lit;
        if (c == '}' && (at_end || *p != '}')) {
            err_set(&exc_ValueError, "Single '}' encountered in format string");
            return VAL_ERROR;
        }
        if (at_end && c == '{') {
            err_set(&exc_ValueError, "Single '{' encountered in format string");
            return VAL_ERROR;
        }
        bool markup = c != 0;
        if (c && !at_end) {
            if (*p == c) { p++; markup = false; }
            else len--;
        }
        sb_putn(out, lit, len);
        if (!markup) continue;
        /* parse_field */
        const char *fn = p, *fe;
        char ch = 0;
        while (p < e) {
            ch = *p++;
            if (ch == '{') {
                err_set(&exc_ValueError, "unexpected '{' in field name");
                return VAL_ERROR;
            }
            if (ch == '[') {
                while (p < e && *p != ']') p++;
                ch = 0;
                continue;
            }
            if (ch == '}' || ch == ':' || ch == '!') break;
            ch = 0;
        }
        fe = ch ? p - 1 : p;
        uint32_t conv = 0;
        const char *sp = p, *se = p;
        bool expand = false;
        if (ch == '!' || ch == ':') {
            bool done = false;
            if (ch == '!') {
                if (p >= e) {
                    err_set(&exc_ValueError, "end of string while looking for conversion specifier");
                    return VAL_ERROR;
                }
                int n;
                conv = utf8_decode(p, &n);
                p += n;
                if (p < e) {
                    char c2 = *p++;
                    if (c2 == '}') done = true;
                    else if (c2 != ':') {
                        err_set(&exc_ValueError, "expected ':' after conversion specifier");
                        return VAL_ERROR;
                    }
                }
            }
            if (!done) {
                sp = p;
                int count = 1;
                bool closed = false;
                while (p < e) {
                    char c3 = *p++;
                    if (c3 == '{') { expand = true; count++; }
                    else if (c3 == '}') {
                        if (--count == 0) { se = p - 1; closed = true; break; }
                    }
                }
                if (!closed) {
                    err_set(&exc_ValueError, "unmatched '{' in format spec");
                    return VAL_ERROR;
                }
            } else {
                sp = se = p;
            }
        } else if (ch != '}') {
            err_set(&exc_ValueError, "expected '}' before end of string");
            return VAL_ERROR;
        }
        if (render_field(fn, fe, conv, sp, se, expand, a, depth, out) < 0) return VAL_ERROR;
    }
    return VAL_NONE;
}

Value format_str_method(Value *args, int nargs, Tuple *kwnames)
{
    if (nargs < 1 || !val_is_str(args[0])) {
        err_set(&exc_TypeError, "descriptor 'format' of 'str' object needs an argument");
        return VAL_ERROR;
    }
    Str *t = val_as_str(args[0]);
    FmtArgs a = { args + 1, nargs - 1, args + nargs, kwnames, 0, 0 };
    StrBuf out;
    sb_init(&out);
    if (build_format(t->data, t->data + t->len, &a, 2, &out) == VAL_ERROR) {
        sb_free(&out);
        return VAL_ERROR;
    }
    return sb_finish(&out);
}

/* ---- printf-style % ---- */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct PctState {
    Value args;          /* the right operand */
    Value *items;        /* tuple items, or &args for a single value */
    int64_t arglen, argidx;
    Value dict;          /* mapping for %(name)s, or VAL_UNDEF */
} PctState;

static Value next_arg(PctState *st)
{
    if (st->argidx < st->arglen) {
        int64_t i = st->argidx++;
        return st->arglen < 0 ? st->args : st->items[i];
    }
    err_set(&exc_TypeError, "not enough arguments for format string");
    return VAL_ERROR;
}

/* A '*' width or precision: the next argument, which must be an int. */
static int star_arg(PctState *st, int64_t *out)
{
    Value w = next_arg(st);
    if (w == VAL_ERROR) return -1;
    if (val_is_float(w) || !val_is_intlike(w)) {
        err_set(&exc_TypeError, "* wants int");
        return -1;
    }
    *out = val_to_i64(w);
    return 0;
}

/* Pad body (with a sign/prefix lead) into out per the % flags. */
static void pct_pad(StrBuf *out, int flags, int64_t width, const char *lead, int64_t leadlen,
                    const char *body, int64_t bodylen, int64_t bodychars, bool numeric)
{
    int64_t total = leadlen + bodychars;
    int64_t pad = width > total ? width - total : 0;
    if (flags & F_LJUST) {
        sb_putn(out, lead, leadlen);
        sb_putn(out, body, bodylen);
        for (int64_t i = 0; i < pad; i++) sb_putc(out, ' ');
    } else if ((flags & F_ZERO) && numeric) {
        sb_putn(out, lead, leadlen);
        for (int64_t i = 0; i < pad; i++) sb_putc(out, '0');
        sb_putn(out, body, bodylen);
    } else {
        for (int64_t i = 0; i < pad; i++) sb_putc(out, ' ');
        sb_putn(out, lead, leadlen);
        sb_putn(out, body, bodylen);
    }
}

/* A number-like instance (a class with __index__, __int__ or __float__) for
 * %d and friends: int(v), or operator.index(v) for %o %x %X, as CPython's
 * formatlong does. VAL_UNDEF when v is no such instance. */
static Value pct_user_int(Value v, char type)
{
    Type *t = val_type(v);
    if (!type_is_heap(t)) return VAL_UNDEF;
    if (class_lookup_cstr(t, "__index__") == VAL_UNDEF && class_lookup_cstr(t, "__int__") == VAL_UNDEF &&
        class_lookup_cstr(t, "__float__") == VAL_UNDEF)
        return VAL_UNDEF;
    if (type == 'o' || type == 'x' || type == 'X') return int_index(v);
    Value it = val_from_obj(&int_type);
    return obj_call(it, &v, 1, NULL);
}

static int pct_int(StrBuf *out, Value v, char type, int flags, int64_t width, int64_t prec)
{
    int64_t i;
    Value uv = pct_user_int(v, type);
    if (uv != VAL_UNDEF) {
        if (uv != VAL_ERROR) {
            int r = pct_int(out, uv, type, flags, width, prec);
            decref(uv);
            return r;
        }
        if (!err_matches(&exc_TypeError)) return -1;
        err_clear();     /* CPython reports the wrong type, not the conversion's error */
    }
    if (type == 'd' || type == 'i' || type == 'u') {
        if (val_is_float(v)) {
            double d = val_as_float(v);
            if (isinf(d)) { err_set(&exc_OverflowError, "cannot convert float infinity to integer"); return -1; }
            if (isnan(d)) { err_set(&exc_ValueError, "cannot convert float NaN to integer"); return -1; }
            if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
                Value iv = int_from_double(d);
                if (iv == VAL_ERROR) return -1;
                int r = pct_int(out, iv, type, flags, width, prec);
                decref(iv);
                return r;
            }
            i = (int64_t)d;
        } else if (val_is_intlike(v)) {
            i = val_to_i64(v);
        } else {
            err_format(&exc_TypeError, "%%%c format: a real number is required, not %s", type, val_type_name(v));
            return -1;
        }
    } else {
        if (val_is_float(v) || !val_is_intlike(v)) {
            err_format(&exc_TypeError, "%%%c format: an integer is required, not %s", type, val_type_name(v));
            return -1;
        }
        i = val_to_i64(v);
    }
    char digits[80], *p = digits + sizeof digits, *bigd = NULL;
    int64_t nd;
    if (int_is_big(v)) {
        bigd = bigint_abs_digits(v, type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10, type == 'X', &nd);
        if (!bigd) return -1;
        p = bigd;
        i = int_sign(v);
    } else {
        p = small_abs_digits(p, i, type == 'o' ? 3 : type == 'x' || type == 'X' ? 4 : 0, type == 'X');
        nd = digits + sizeof digits - p;
    }
    char lead[4];
    int ll = 0;
    if (i < 0) lead[ll++] = '-';
    else if (flags & F_SIGN) lead[ll++] = '+';
    else if (flags & F_BLANK) lead[ll++] = ' ';
    if ((flags & F_ALT) && (type == 'o' || type == 'x' || type == 'X')) {
        lead[ll++] = '0';
        lead[ll++] = type;
    }
    StrBuf body;
    sb_init(&body);
    for (int64_t k = nd; k < prec; k++) sb_putc(&body, '0');
    sb_putn(&body, p, nd);
    mem_free(bigd);
    if (body.failed) { sb_free(&body); err_no_memory(); return -1; }
    pct_pad(out, flags, width, lead, ll, body.data, body.len, body.len, true);
    sb_free(&body);
    return 0;
}

static int pct_float(StrBuf *out, Value v, char type, int flags, int64_t width, int64_t prec)
{
    double x;
    if (val_to_double(v, &x) < 0) return -1;
    if (prec < 0) prec = 6;
    if (prec > 1000000) prec = 1000000;
    size_t cap = (size_t)prec + 400;
    char *buf = mem_alloc(cap);
    if (!buf) { err_no_memory(); return -1; }
    bool neg = signbit(x) && !isnan(x);
    double ax = fabs(x);
    if (!isfinite(ax)) {
        bool up = type == 'E' || type == 'F' || type == 'G';
        snprintf(buf, cap, "%s", isnan(ax) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
    } else {
        char f[8];
        snprintf(f, sizeof f, (flags & F_ALT) ? "%%#.*%c" : "%%.*%c", type);
        snprintf(buf, cap, f, (int)((type == 'g' || type == 'G') && prec == 0 ? 1 : prec), ax);
    }
    char lead[2];
    int ll = 0;
    if (neg) lead[ll++] = '-';
    else if (flags & F_SIGN) lead[ll++] = '+';
    else if (flags & F_BLANK) lead[ll++] = ' ';
    int64_t n = (int64_t)strlen(buf);
    pct_pad(out, flags, width, lead, ll, buf, n, n, true);
    mem_free(buf);
    return 0;
}

Value format_percent(Str *fmt, Value args)
{
    PctState st;
    if (val_tuple_or_sub(args)) args = val_unbox(args);      /* a tuple subclass's items are the arguments */
    st.args = args;
    if (val_is_tuple(args)) {
        st.items = val_as_tuple(args)->items;
        st.arglen = val_as_tuple(args)->len;
        st.argidx = 0;
    } else {
        st.items = &st.args;
        st.arglen = -1;
        st.argidx = -2;
    }
    st.dict = VAL_UNDEF;
    if (!val_is_tuple(args) && !val_is_str(args) && val_is_obj(args) && val_type(args)->getitem)
        st.dict = args;
    const char *p = fmt->data, *e = fmt->data + fmt->len;
    StrBuf out;
    sb_init(&out);
    Value keyval = VAL_UNDEF;     /* owned value fetched by %(key) */
    while (p < e) {
        const char *q = memchr(p, '%', (size_t)(e - p));
        if (!q) { sb_putn(&out, p, e - p); break; }
        sb_putn(&out, p, q - p);
        p = q + 1;
        if (p < e && *p == '%') { sb_putc(&out, '%'); p++; continue; }
        if (p < e && *p == '(') {
            if (st.dict == VAL_UNDEF) {
                err_set(&exc_TypeError, "format requires a mapping");
                goto fail;
            }
            p++;
            const char *ks = p;
            int depth = 1;
            while (p < e) {
                if (*p == ')') { if (--depth == 0) break; }
                else if (*p == '(') depth++;
                p++;
            }
            if (p >= e) {
                err_set(&exc_ValueError, "incomplete format key");
                goto fail;
            }
            Str *key = str_new(ks, p - ks);
            if (!key) goto fail;
            p++;
            /* as CPython: the value replaces the arguments from here on */
            Value kv = obj_getitem(st.dict, str_val(key));
            obj_decref(key);
            if (kv == VAL_ERROR) goto fail;
            if (keyval != VAL_UNDEF) decref(keyval);
            keyval = kv;
            st.args = keyval;
            st.items = &st.args;
            st.arglen = -1;
            st.argidx = -2;
        }
        int flags = 0;
        while (p < e) {
            if (*p == '-') flags |= F_LJUST;
            else if (*p == '+') flags |= F_SIGN;
            else if (*p == ' ') flags |= F_BLANK;
            else if (*p == '#') flags |= F_ALT;
            else if (*p == '0') flags |= F_ZERO;
            else break;
            p++;
        }
        int64_t width = -1, prec = -1;
        if (p < e && *p == '*') {
            p++;
            if (star_arg(&st, &width) < 0) goto fail;
            if (width < 0) { flags |= F_LJUST; width = -width; }
        } else {
            while (p < e && *p >= '0' && *p <= '9') {
                if (width < 0) width = 0;
                if (width > 0x7fffffff / 10) { err_set(&exc_ValueError, "width too big"); goto fail; }
                width = width * 10 + (*p++ - '0');
            }
        }
        if (p < e && *p == '.') {
            p++;
            prec = 0;
            if (p < e && *p == '*') {
                p++;
                if (star_arg(&st, &prec) < 0) goto fail;
                if (prec < 0) prec = 0;
            } else {
                while (p < e && *p >= '0' && *p <= '9') {
                    if (prec > 0x7fffffff / 10) { err_set(&exc_ValueError, "precision too big"); goto fail; }
                    prec = prec * 10 + (*p++ - '0');
                }
            }
        }
        if (p >= e) {
            err_set(&exc_ValueError, "incomplete format");
            goto fail;
        }
        const char *tp = p;
        int tn;
        uint32_t type = utf8_decode(p, &tn);
        p += tn;
        Value v = next_arg(&st);
        if (v == VAL_ERROR) goto fail;
        int rc = 0;
        switch (type) {
        case 's': case 'r': case 'a': {
            Value s = type == 's' ? obj_str(v) : obj_repr(v);
            if (s == VAL_ERROR) goto fail;
            Str *ss = val_as_str(s);
            int64_t len = ss->len, chars = ss->nchars;
            if (prec >= 0 && prec < chars) {
                len = utf8_prefix(ss->data, ss->len, prec);
                chars = prec;
            }
            pct_pad(&out, flags, width, "", 0, ss->data, len, chars, false);
            decref(s);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            rc = pct_int(&out, v, (char)type, flags, width, prec);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            rc = pct_float(&out, v, (char)type, flags, width, prec);
            break;
        case 'c': {
            Value ch;
            if (val_is_str(v)) {
                if (val_as_str(v)->nchars != 1) {
                    err_set(&exc_TypeError, "%c requires int or char");
                    goto fail;
                }
                ch = v;
                incref(ch);
            } else if ((val_is_intlike(v) && !val_is_float(v)) || val_has_index(v)) {
                Value iv = int_index(v);
                if (iv == VAL_ERROR) goto fail;
                int64_t c = val_to_i64(iv);
                decref(iv);
                if (c < 0 || c > 0x10ffff) {
                    err_set(&exc_OverflowError, "%c arg not in range(0x110000)");
                    goto fail;
                }
                ch = str_from_codepoint((uint32_t)c);
                if (ch == VAL_ERROR) goto fail;
            } else {
                err_set(&exc_TypeError, "%c requires int or char");
                goto fail;
            }
            pct_pad(&out, flags, width, "", 0, val_as_str(ch)->data, val_as_str(ch)->len, 1, false);
            decref(ch);
            break;
        }
        default: {
            int64_t index = utf8_count(fmt->data, tp - fmt->data);
            err_format(&exc_ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                       type >= 32 && type <= 126 ? (int)type : '?', (unsigned)type, (long long)index);
            goto fail;
        }
        }
        if (rc < 0) goto fail;
    }
    if (keyval != VAL_UNDEF) decref(keyval);
    if (st.argidx < st.arglen && st.dict == VAL_UNDEF) {
        err_set(&exc_TypeError, "not all arguments converted during string formatting");
        sb_free(&out);
        return VAL_ERROR;
    }
    return sb_finish(&out);
fail:
    if (keyval != VAL_UNDEF) decref(keyval);
    sb_free(&out);
    return VAL_ERROR;
}
