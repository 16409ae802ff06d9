/* fileio.c — the builtin open(): file objects over a POSIX file descriptor,
 * text (TextIOWrapper) and binary (BufferedReader / BufferedWriter /
 * BufferedRandom, FileIO when unbuffered), with CPython's semantics: modes
 * r/w/a/x with 'b' and '+', read/readline/readlines/iteration,
 * write/writelines, seek/tell/truncate/flush, the newline= translations, the
 * utf-8 / ascii / latin-1 codecs with errors=, and CPython's error texts.
 *
 * One buffer serves reading (buf[rpos..rlen) unread) or writing (buf[0..wlen)
 * pending), never both; `pos` is the logical position. Text is decoded one
 * character at a time straight from the buffer, so tell() is the exact byte
 * offset (what CPython's opaque cookie is for these codecs in the usual
 * state). CPython decodes 8 KiB chunks ahead of the reader; that is mimicked
 * where a user can see it: a decoding error is raised when the chunk holding
 * it is reached (position counted from the chunk start), and in text mode a
 * write after a read lands where the read-ahead stopped.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "objects/fileio.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/tuple.h"
#include "objects/function.h"
#include "memory/mem.h"
#include "core/intr.h"

#define CHUNK 8192

enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };   /* newline=None, '', '\n', '\r', '\r\n' */
enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

typedef struct FileIO {
    Obj ob;
    int fd;                  /* -1 once closed */
    Value name;              /* str, bytes or int, as given to open() */
    Str *mode;               /* the mode attribute */
    Str *encname, *errname;  /* text: encoding and errors as given */
    bool text, readable, writable, appending, seekable, closefd, raw;
    bool telling;            /* false while a for loop reads lines (CPython disables tell() then) */
    bool cr_pending;         /* newline bookkeeping: the last chunk ended in '\r' */
    int codec, errs, newline, seennl;
    char *buf;
    int64_t cap, rpos, rlen, wlen;
    int64_t pos;             /* logical byte position */
    int64_t vend, vtail;     /* text: bytes before vend were decoded ahead; the last vtail of
                                them are an incomplete sequence that belongs to the next chunk */
} FileIO;

static FileIO *as_file(Value v) { return (FileIO *)val_as_obj(v); }
static bool is_file_type(Type *t);

/* ------------------------------------------------------------------ */
/* errors                                                               */

static int unsupported(const char *msg)
{
    err_set(&exc_UnsupportedOperation, msg);
    return -1;
}

static int closed_error(const char *msg)
{
    err_set(&exc_ValueError, msg);
    return -1;
}

#define CLOSED "I/O operation on closed file."
#define CLOSED_RAW "I/O operation on closed file"

static int check_open(FileIO *f)
{
    return f->fd < 0 ? closed_error(CLOSED) : 0;
}

/* read/readline/readlines/next: text checks closed first, binary readable first. */
static int check_readable(FileIO *f, const char *binary_closed_msg)
{
    if (f->text) {
        if (f->fd < 0) return closed_error(CLOSED);
        return f->readable ? 0 : unsupported("not readable");
    }
    if (!f->readable) return unsupported("read");
    return f->fd < 0 ? closed_error(binary_closed_msg) : 0;
}

static int check_writable(FileIO *f, const char *binary_closed_msg)
{
    if (f->text) {
        if (f->fd < 0) return closed_error(CLOSED);
        return f->writable ? 0 : unsupported("not writable");
    }
    if (!f->writable) return unsupported("write");
    return f->fd < 0 ? closed_error(binary_closed_msg) : 0;
}

static void raise_errno(int e) { err_set_errno(e, VAL_UNDEF, VAL_UNDEF); }

/* ------------------------------------------------------------------ */
/* the byte layer                                                       */

static int ensure_buffer(FileIO *f, int64_t need)
{
    if (f->cap >= need) return 0;
    int64_t cap = f->cap ? f->cap : 2 * CHUNK;
    while (cap < need) {
        if (cap > INT64_MAX / 2) { err_no_memory(); return -1; }
        cap *= 2;
    }
    char *nb = mem_realloc(f->buf, (size_t)cap);
    if (!nb) { err_no_memory(); return -1; }
    f->buf = nb;
    f->cap = cap;
    return 0;
}

static int flush_writes(FileIO *f)
{
    int64_t done = 0;
    while (done < f->wlen) {
        ssize_t n = write(f->fd, f->buf + done, (size_t)(f->wlen - done));
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            memmove(f->buf, f->buf + done, (size_t)(f->wlen - done));
            f->wlen -= done;
            raise_errno(e);
            return -1;
        }
        done += n;
    }
    f->wlen = 0;
    /* CPython's BufferedRandom asks the descriptor where an appending write
     * went; the others count (so tell() can say what the writes would give) */
    if (f->appending && f->readable && f->seekable) {
        off_t p = lseek(f->fd, 0, SEEK_CUR);
        if (p >= 0) f->pos = p;
    }
    return 0;
}

/* Give back read-ahead: the descriptor goes back to the logical position. */
static void drop_reads(FileIO *f)
{
    int64_t unread = f->rlen - f->rpos;
    if (unread > 0 && f->seekable) lseek(f->fd, -(off_t)unread, SEEK_CUR);
    f->rpos = f->rlen = 0;
}

/* At least `need` unread bytes in the buffer unless the file ends first:
 * the number available, or -1 with an exception set. */
static int64_t fill(FileIO *f, int64_t need)
{
    if (f->wlen && flush_writes(f) < 0) return -1;
    int64_t have = f->rlen - f->rpos;
    if (have >= need) return have;
    if (f->rpos > 0) {
        memmove(f->buf, f->buf + f->rpos, (size_t)have);
        f->rpos = 0;
        f->rlen = have;
    }
    if (ensure_buffer(f, need > CHUNK ? need : CHUNK) < 0) return -1;
    while (f->rlen < need) {
        /* a pipe or terminal may block: wait where ^C can end it */
        if (!f->seekable && intr_wait_readable(f->fd) < 0) return -1;
        ssize_t n = read(f->fd, f->buf + f->rlen, (size_t)(f->cap - f->rlen));
        if (n < 0) {
            if (errno == EINTR) continue;
            raise_errno(errno);
            return -1;
        }
        if (n == 0) break;
        f->rlen += n;
    }
    return f->rlen - f->rpos;
}

/* Everything up to the end of the file in the buffer. */
static int64_t fill_all(FileIO *f)
{
    int64_t have = fill(f, 1);
    if (have < 0) return -1;
    struct stat st;
    int64_t want = have + CHUNK;
    if (f->seekable && fstat(f->fd, &st) == 0 && st.st_size - f->pos + 1 > want) want = st.st_size - f->pos + 1;
    for (;;) {
        int64_t got = fill(f, want);
        if (got < 0) return -1;
        if (got < want) return got;
        if (want > INT64_MAX / 2) { err_no_memory(); return -1; }
        want *= 2;
    }
}

static void consume(FileIO *f, int64_t n)
{
    f->rpos += n;
    f->pos += n;
}

static int buf_write(FileIO *f, const char *p, int64_t n)
{
    if (f->rlen > f->rpos || f->rpos) drop_reads(f);
    if (f->wlen + n > (f->cap ? f->cap : 2 * CHUNK) && f->wlen && flush_writes(f) < 0) return -1;
    if (n >= 2 * CHUNK) {
        if (ensure_buffer(f, n) < 0) return -1;
    } else if (ensure_buffer(f, 2 * CHUNK) < 0) {
        return -1;
    }
    memcpy(f->buf + f->wlen, p, (size_t)n);
    f->wlen += n;
    f->pos += n;
    if (f->raw || f->wlen >= CHUNK) return flush_writes(f);
    return 0;
}

/* Write out what is buffered (flush_writes learns where appending writes went). */
static int sync_pos(FileIO *f)
{
    return f->wlen ? flush_writes(f) : 0;
}

static void reset_decoder(FileIO *f)
{
    f->vend = f->pos;
    f->vtail = 0;
    f->cr_pending = false;
}

/* ------------------------------------------------------------------ */
/* text decoding                                                        */

/* Handlers that raise rather than replace: the chunk is checked up front. */
static bool raising_handler(FileIO *f)
{
    return f->errs == CODEC_STRICT || f->errs == CODEC_UNKNOWN_HANDLER || f->errs == CODEC_XMLCHARREFREPLACE;
}

/* newlines seen in data (CPython's IncrementalNewlineDecoder bookkeeping) */
static void note_newlines(FileIO *f, const char *data, int64_t len, bool final)
{
    if (f->newline != NL_UNIVERSAL && f->newline != NL_UNTRANSLATED) return;
    if (len > 0 && !f->cr_pending && !memchr(data, '\r', (size_t)len)) {     /* the usual text: '\n' only */
        if (!(f->seennl & SEEN_LF) && memchr(data, '\n', (size_t)len)) f->seennl |= SEEN_LF;
        return;
    }
    for (int64_t i = 0; i < len; i++) {
        char c = data[i];
        if (f->cr_pending) {
            f->cr_pending = false;
            if (c == '\n') { f->seennl |= SEEN_CRLF; continue; }
            f->seennl |= SEEN_CR;
        }
        if (c == '\n') f->seennl |= SEEN_LF;
        else if (c == '\r') f->cr_pending = true;
    }
    if (final && f->cr_pending) {
        f->cr_pending = false;
        f->seennl |= SEEN_CR;
    }
}

/* The reader reached the end of what was decoded ahead: take the next chunk
 * (the rest of the file when `all`, as read() does), check it the way
 * CPython's decoder would and note its newlines. */
static int enter_chunk(FileIO *f, bool all)
{
    if (f->pos != f->vend - f->vtail) reset_decoder(f);    /* moved by a write */
    int64_t tail = f->vtail;
    int64_t avail = all ? fill_all(f) : fill(f, tail + CHUNK);
    if (avail < 0) return -1;
    int64_t len = all || avail < tail + CHUNK ? avail : tail + CHUNK;
    bool final = all || len == tail;
    const unsigned char *data = (const unsigned char *)f->buf + f->rpos;
    int64_t i = 0, newtail = 0;
    while (i < len) {
        if (data[i] < 0x80) {
            i++;
            uint64_t w;
            while (i + 8 <= len && (memcpy(&w, data + i, 8), !(w & UINT64_C(0x8080808080808080)))) i += 8;
            continue;
        }
        if (f->codec == CODEC_LATIN1) { i++; continue; }
        int n = 1;
        const char *why = "ordinal not in range(128)";
        if (f->codec == CODEC_UTF8) {
            n = codec_utf8_check(data + i, data + len, &why);
            if (n > 0) { i += n; continue; }
            n = -n;
            if (!final && i + n == len && !strcmp(why, "unexpected end of data")) {
                newtail = n;
                break;
            }
        }
        if (raising_handler(f)) {
            StrBuf dummy;
            sb_init(&dummy);
            codec_decode_error(f->codec, f->errs, f->errname->data, (const char *)data, len, i, i + n, why, &dummy);
            sb_free(&dummy);
            return -1;
        }
        i += n;
    }
    note_newlines(f, (const char *)data + tail, len - tail - newtail, final);
    f->vend = f->pos + len;
    f->vtail = newtail;
    return 0;
}

/* Is the byte at pos inside the chunk decoded ahead? Enters the next one if not.
 * 1: yes, 0: end of file, -1: error. */
static int have_decoded(FileIO *f, bool all)
{
    if (f->pos < f->vend - f->vtail && f->rpos < f->rlen) return 1;
    if (enter_chunk(f, all) < 0) return -1;
    return f->pos < f->vend - f->vtail && f->rpos < f->rlen;
}

/* One character decoded into out; *c is its first byte. 1, 0 at the end, -1 error. */
static int decode_char(FileIO *f, StrBuf *out, int *c, bool all)
{
    for (;;) {
        int r = have_decoded(f, all);
        if (r <= 0) return r;
        const unsigned char *p = (const unsigned char *)f->buf + f->rpos;
        const unsigned char *end = (const unsigned char *)f->buf + f->rlen;
        *c = p[0];
        if (p[0] < 0x80) {
            sb_putc(out, (char)p[0]);
            consume(f, 1);
            return 1;
        }
        if (f->codec == CODEC_LATIN1) {
            char two[2] = { (char)(0xC0 | (p[0] >> 6)), (char)(0x80 | (p[0] & 0x3F)) };
            sb_putn(out, two, 2);
            consume(f, 1);
            return 1;
        }
        int n = 1;
        const char *why = "ordinal not in range(128)";
        if (f->codec == CODEC_UTF8) {
            n = codec_utf8_check(p, end, &why);
            if (n > 0) {
                sb_putn(out, (const char *)p, n);
                consume(f, n);
                return 1;
            }
            n = -n;
        }
        int64_t before = out->len;
        if (codec_decode_error(f->codec, f->errs, f->errname->data, (const char *)p, end - p, 0, n, why, out) < 0)
            return -1;
        consume(f, n);
        if (out->len > before) return 1;      /* 'ignore' produced nothing: go on */
    }
}

/* The next byte without consuming it (-1 at the end, -2 on error). */
static int peek_byte(FileIO *f, bool all)
{
    int r = have_decoded(f, all);
    if (r < 0) return -2;
    return r ? (unsigned char)f->buf[f->rpos] : -1;
}

/* One character with newline= translation applied. */
static int read_char(FileIO *f, StrBuf *out, int *c, bool all)
{
    int r = decode_char(f, out, c, all);
    if (r <= 0 || *c != '\r' || f->newline != NL_UNIVERSAL) return r;
    int next = peek_byte(f, all);
    if (next == -2) return -1;
    if (next == '\n') consume(f, 1);
    out->data[out->len - 1] = '\n';
    *c = '\n';
    return 1;
}

/* The fast path: copy a run of ordinary characters (no '\r'; no '\n' when
 * stop_nl) from the part decoded ahead into out, at most max of them
 * (max < 0: no limit). Bytes >= 0x80 only when the chunk was checked whole
 * (a raising handler), so they are known to be complete UTF-8 sequences.
 * Returns the number of characters copied. */
static int64_t bulk_copy(FileIO *f, StrBuf *out, int64_t max, bool stop_nl)
{
    int64_t lim = f->vend - f->vtail - f->pos;
    if (lim > f->rlen - f->rpos) lim = f->rlen - f->rpos;
    if (lim <= 0 || max == 0) return 0;
    const unsigned char *p = (const unsigned char *)f->buf + f->rpos;
    bool valid = raising_handler(f) && f->codec != CODEC_LATIN1;
    if (valid && max < 0) {           /* no characters to count: find where the run stops */
        const unsigned char *cr = memchr(p, '\r', (size_t)lim);
        int64_t n = cr ? cr - p : lim;
        const unsigned char *nl = stop_nl ? memchr(p, '\n', (size_t)n) : NULL;
        if (nl) n = nl - p;
        sb_putn(out, (const char *)p, n);
        consume(f, n);
        return n;
    }
    int64_t i = 0, chars = 0;
    while (i < lim) {
        unsigned char c = p[i];
        if (c >= 0x80) {
            if (!valid) break;
            if ((c & 0xC0) == 0x80) { i++; continue; }      /* continuation of the character counted */
        } else if (c == '\r' || (c == '\n' && stop_nl)) {
            break;
        }
        if (chars == max) break;
        chars++;
        i++;
    }
    sb_putn(out, (const char *)p, i);
    consume(f, i);
    return chars;
}

static Value text_read(FileIO *f, int64_t n)
{
    StrBuf b;
    sb_init(&b);
    for (int64_t count = 0; n < 0 || count < n; count++) {
        count += bulk_copy(f, &b, n < 0 ? -1 : n - count, false);
        if (n >= 0 && count >= n) break;
        int c, r = read_char(f, &b, &c, n < 0);
        if (r < 0) { sb_free(&b); return VAL_ERROR; }
        if (r == 0) break;
    }
    return sb_finish(&b);
}

static Value text_readline(FileIO *f, int64_t limit)
{
    StrBuf b;
    sb_init(&b);
    for (int64_t count = 0; limit < 0 || count < limit; count++) {
        count += bulk_copy(f, &b, limit < 0 ? -1 : limit - count, true);
        if (limit >= 0 && count >= limit) break;
        int c, r = read_char(f, &b, &c, false);
        if (r < 0) { sb_free(&b); return VAL_ERROR; }
        if (r == 0) break;
        if (c == '\n' && f->newline != NL_CR && f->newline != NL_CRLF) break;
        if (c == '\r' && f->newline == NL_CR) break;
        if (c == '\r' && limit >= 0 && count + 1 >= limit) break;    /* a '\n' after it is not taken */
        if (c == '\r' && (f->newline == NL_UNTRANSLATED || f->newline == NL_CRLF)) {
            int next = peek_byte(f, false);
            if (next == -2) { sb_free(&b); return VAL_ERROR; }
            if (next == '\n') {
                consume(f, 1);
                sb_putc(&b, '\n');
                break;
            }
            if (f->newline == NL_UNTRANSLATED) break;
        }
    }
    return sb_finish(&b);
}

/* ------------------------------------------------------------------ */
/* binary reading                                                       */

static Value bin_read(FileIO *f, int64_t n)
{
    int64_t have = n < 0 ? fill_all(f) : fill(f, n);
    if (have < 0) return VAL_ERROR;
    if (n >= 0 && have > n) have = n;
    Bytes *b = bytes_new(f->buf ? f->buf + f->rpos : "", have);
    if (!b) return VAL_ERROR;
    consume(f, have);
    return val_from_obj(b);
}

static Value bin_readline(FileIO *f, int64_t limit)
{
    int64_t scanned = 0;
    for (;;) {
        int64_t have = fill(f, scanned + 1);
        if (have < 0) return VAL_ERROR;
        if (limit >= 0 && have > limit) have = limit;
        const char *nl = have > scanned ? memchr(f->buf + f->rpos + scanned, '\n', (size_t)(have - scanned)) : NULL;
        int64_t len = nl ? nl - (f->buf + f->rpos) + 1 : have;
        if (nl || have == scanned || (limit >= 0 && have >= limit)) {
            Bytes *b = bytes_new(f->buf ? f->buf + f->rpos : "", len);
            if (!b) return VAL_ERROR;
            consume(f, len);
            return val_from_obj(b);
        }
        scanned = have;
        if (fill(f, have + CHUNK) < 0) return VAL_ERROR;
        if (f->rlen - f->rpos == have) {        /* end of file */
            Bytes *b = bytes_new(f->buf + f->rpos, have);
            if (!b) return VAL_ERROR;
            consume(f, have);
            return val_from_obj(b);
        }
    }
}

static Value read_line(FileIO *f, int64_t limit)
{
    return f->text ? text_readline(f, limit) : bin_readline(f, limit);
}

static bool line_empty(Value line)
{
    return val_is_str(line) ? val_as_str(line)->len == 0 : val_as_bytes(line)->len == 0;
}

/* ------------------------------------------------------------------ */
/* writing                                                              */

/* CPython's text layer read ahead up to vend: a write goes there. */
static int text_prepare_write(FileIO *f)
{
    if (f->vend > f->pos && f->seekable) {
        drop_reads(f);
        if (lseek(f->fd, (off_t)f->vend, SEEK_SET) < 0) { raise_errno(errno); return -1; }
        f->pos = f->vend;
    }
    return 0;
}

static int text_write(FileIO *f, Value s)
{
    if (!val_is_str(s)) {
        err_format(&exc_TypeError, "write() argument must be str, not %s", val_type_name(s));
        return -1;
    }
    Str *str = val_as_str(s);
    Value translated = VAL_UNDEF;
    if ((f->newline == NL_CR || f->newline == NL_CRLF) && memchr(str->data, '\n', (size_t)str->len)) {
        StrBuf b;
        sb_init(&b);
        for (int64_t i = 0; i < str->len; i++) {
            if (str->data[i] == '\n') sb_puts(&b, f->newline == NL_CR ? "\r" : "\r\n");
            else sb_putc(&b, str->data[i]);
        }
        translated = sb_finish(&b);
        if (translated == VAL_ERROR) return -1;
        str = val_as_str(translated);
    }
    const char *data = str->data;
    int64_t len = str->len;
    Value encoded = VAL_UNDEF;
    if (!str->ascii && (f->codec != CODEC_UTF8 || codec_has_surrogate(str->data, str->len))) {
        encoded = codec_encode(str, f->codec, f->errs, f->errname->data);
        if (encoded == VAL_ERROR) { xdecref(translated); return -1; }
        data = val_as_bytes(encoded)->data;
        len = val_as_bytes(encoded)->len;
    }
    int r = text_prepare_write(f);
    if (r == 0 && len > 0) r = buf_write(f, data, len);
    reset_decoder(f);
    xdecref(encoded);
    xdecref(translated);
    return r;
}

static int bin_write(FileIO *f, Value b)
{
    if (!val_is_bytes(b)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(b));
        return -1;
    }
    Bytes *x = val_as_bytes(b);
    return x->len ? buf_write(f, x->data, x->len) : 0;
}

/* ------------------------------------------------------------------ */
/* closing and the type slots                                           */

static int file_close(FileIO *f)
{
    if (f->fd < 0) return 0;
    int r = sync_pos(f);
    if (f->closefd) close(f->fd);
    f->fd = -1;
    mem_free(f->buf);
    f->buf = NULL;
    f->cap = f->rpos = f->rlen = f->wlen = 0;
    return r;
}

static void fileio_dealloc(Obj *o)
{
    FileIO *f = (FileIO *)o;
    if (file_close(f) < 0) err_clear();
    decref(f->name);
    if (f->mode) obj_decref(f->mode);
    if (f->encname) obj_decref(f->encname);
    if (f->errname) obj_decref(f->errname);
    obj_free(o);
}

static const char *kind_name(FileIO *f)
{
    if (f->text) return "TextIOWrapper";
    if (f->raw) return "FileIO";
    if (f->readable && f->writable) return "BufferedRandom";
    return f->readable ? "BufferedReader" : "BufferedWriter";
}

static Value fileio_repr(Value v)
{
    FileIO *f = as_file(v);
    if (f->raw && f->fd < 0) return str_val(str_from_cstr("<_io.FileIO [closed]>"));
    Value r = obj_repr(f->name);
    if (r == VAL_ERROR) return VAL_ERROR;
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<_io.%s name=%s", kind_name(f), val_as_str(r)->data);
    if (f->text) sb_printf(&b, " mode='%s' encoding='%s'>", f->mode->data, f->encname->data);
    else if (f->raw) sb_printf(&b, " mode='%s' closefd=%s>", f->mode->data, f->closefd ? "True" : "False");
    else sb_putc(&b, '>');
    decref(r);
    return sb_finish(&b);
}

static Value newlines_value(FileIO *f)
{
    static const char *const one[] = { NULL, "\n", "\r", NULL, "\r\n" };
    int s = f->seennl;
    if (s == 0) return VAL_NONE;
    if (s == SEEN_LF || s == SEEN_CR || s == SEEN_CRLF) {
        Str *x = str_from_cstr(one[s]);
        return x ? str_val(x) : VAL_ERROR;
    }
    Tuple *t = tuple_new((s & 1) + ((s >> 1) & 1) + ((s >> 2) & 1));
    if (!t) return VAL_ERROR;
    int k = 0;
    const char *order[] = { "\r", "\n", "\r\n" };
    int bits[] = { SEEN_CR, SEEN_LF, SEEN_CRLF };
    for (int i = 0; i < 3; i++) {
        if (!(s & bits[i])) continue;
        Str *x = str_from_cstr(order[i]);
        if (!x) { obj_decref(t); return VAL_ERROR; }
        t->items[k++] = str_val(x);
    }
    return val_from_obj(t);
}

static Value fileio_getattr(Value o, Str *name)
{
    FileIO *f = as_file(o);
    Type *t = val_as_obj(o)->type;
    if (!t->dict) type_ready(t);
    if (t->dict && dict_get_str(t->dict, name) != VAL_UNDEF) return VAL_UNDEF;   /* a method: the common case */
    if (str_eq_cstr(name, "closed")) return val_from_bool(f->fd < 0);
    if (str_eq_cstr(name, "name")) return new_ref(f->name);
    if (str_eq_cstr(name, "mode")) return new_ref(str_val(f->mode));
    if (f->raw && str_eq_cstr(name, "closefd")) return val_from_bool(f->closefd);
    if (f->text) {
        if (str_eq_cstr(name, "encoding")) return new_ref(str_val(f->encname));
        if (str_eq_cstr(name, "errors")) return new_ref(str_val(f->errname));
        if (str_eq_cstr(name, "newlines")) return newlines_value(f);
        if (str_eq_cstr(name, "line_buffering")) return VAL_FALSE;
    }
    /* the text CPython gives, in case no method has this name either */
    err_format(&exc_AttributeError, "'_io.%s' object has no attribute '%s'", kind_name(f), name->data);
    return VAL_ERROR;
}

static Value fileio_iter(Value o)
{
    if (check_open(as_file(o)) < 0) return VAL_ERROR;
    incref(o);
    return o;
}

static Value fileio_next(Value o)
{
    FileIO *f = as_file(o);
    if (check_readable(f, "readline of closed file") < 0) return VAL_ERROR;
    f->telling = false;
    Value line = read_line(f, -1);
    if (line == VAL_ERROR) return VAL_ERROR;
    if (line_empty(line)) {
        decref(line);
        f->telling = f->seekable;
        return VAL_UNDEF;
    }
    return line;
}

/* ------------------------------------------------------------------ */
/* methods                                                              */

int fileio_size_arg(const char *fname, Value *args, int nargs, Tuple *kwnames, int64_t *out)
{
    /* sys.stdin (runtime/objects/textio.c) is a TextIOWrapper in CPython too */
    const char *owner = is_file_type(val_type(args[0])) ? kind_name(as_file(args[0])) : "TextIOWrapper";
    if (args_range(owner, fname, nargs - 1, kwnames, 0, 1) < 0) return -1;
    *out = -1;
    if (nargs == 2 && args[1] != VAL_NONE) {
        if (!val_is_intlike(args[1])) {
            err_format(&exc_TypeError, "argument should be integer or None, not '%s'", val_type_name(args[1]));
            return -1;
        }
        *out = val_to_i64(args[1]);
    }
    return 0;
}

static Value m_read(Value *args, int nargs, Tuple *kwnames)
{
    int64_t n;
    FileIO *f = as_file(args[0]);
    if (fileio_size_arg("read", args, nargs, kwnames, &n) < 0) return VAL_ERROR;
    if (check_readable(f, "read of closed file") < 0) return VAL_ERROR;
    return f->text ? text_read(f, n) : bin_read(f, n);
}

static Value m_readline(Value *args, int nargs, Tuple *kwnames)
{
    int64_t n;
    FileIO *f = as_file(args[0]);
    if (f->text && nargs == 2 && !val_is_intlike(args[1])) {     /* TextIOWrapper.readline takes no None */
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(args[1]));
        return VAL_ERROR;
    }
    if (fileio_size_arg("readline", args, nargs, kwnames, &n) < 0) return VAL_ERROR;
    if (check_readable(f, "readline of closed file") < 0) return VAL_ERROR;
    return read_line(f, n);
}

static Value m_readlines(Value *args, int nargs, Tuple *kwnames)
{
    int64_t hint;
    FileIO *f = as_file(args[0]);
    if (fileio_size_arg("readlines", args, nargs, kwnames, &hint) < 0) return VAL_ERROR;
    if (check_open(f) < 0 || check_readable(f, CLOSED) < 0) return VAL_ERROR;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    int64_t total = 0;
    for (;;) {
        Value line = read_line(f, -1);
        if (line == VAL_ERROR) { obj_decref(l); return VAL_ERROR; }
        if (line_empty(line)) { decref(line); break; }
        total += val_is_str(line) ? val_as_str(line)->nchars : val_as_bytes(line)->len;
        if (list_append_steal(l, line) < 0) { obj_decref(l); return VAL_ERROR; }
        if (hint > 0 && total >= hint) break;
    }
    return val_from_obj(l);
}

static Value m_write(Value *args, int nargs, Tuple *kwnames)
{
    FileIO *f = as_file(args[0]);
    /* a BufferedReader's write is _BufferedIOBase.write, whose keyword message names no type */
    const char *kwowner = f->readable && !f->writable && !f->raw && !f->text ? NULL : kind_name(f);
    if (args_no_kw(kwowner, "write", kwnames) < 0 || args_one(kind_name(f), "write", nargs - 1, NULL) < 0)
        return VAL_ERROR;
    if (check_writable(f, f->raw ? CLOSED : "write to closed file") < 0) return VAL_ERROR;
    if (f->text) {
        if (text_write(f, args[1]) < 0) return VAL_ERROR;
        return int_from_i64(val_as_str(args[1])->nchars);
    }
    if (bin_write(f, args[1]) < 0) return VAL_ERROR;
    return int_from_i64(val_as_bytes(args[1])->len);
}

static Value m_writelines(Value *args, int nargs, Tuple *kwnames)
{
    FileIO *f = as_file(args[0]);
    if (args_one(kind_name(f), "writelines", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (check_open(f) < 0 || check_writable(f, CLOSED) < 0) return VAL_ERROR;
    Value it = obj_iter(args[1]);
    if (it == VAL_ERROR) return VAL_ERROR;
    for (;;) {
        Value x = obj_next(it);
        if (x == VAL_ERROR) { decref(it); return VAL_ERROR; }
        if (x == VAL_UNDEF) break;
        int r = f->text ? text_write(f, x) : bin_write(f, x);
        decref(x);
        if (r < 0) { decref(it); return VAL_ERROR; }
    }
    decref(it);
    return VAL_NONE;
}

static Value m_close(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(kind_name(as_file(args[0])), "close", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return file_close(as_file(args[0])) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value m_flush(Value *args, int nargs, Tuple *kwnames)
{
    FileIO *f = as_file(args[0]);
    if (args_none(kind_name(as_file(args[0])), "flush", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (f->fd < 0) {
        if (f->text || f->raw || !f->writable) return closed_error(CLOSED), VAL_ERROR;
        return closed_error("flush of closed file"), VAL_ERROR;
    }
    return sync_pos(f) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value m_enter(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    if (check_open(as_file(args[0])) < 0) return VAL_ERROR;
    return new_ref(args[0]);
}

static Value m_exit(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return file_close(as_file(args[0])) < 0 ? VAL_ERROR : VAL_NONE;
}

/* readable()/writable() of a closed file: False when the mode never allowed it. */
static Value capability(Value *args, int nargs, Tuple *kwnames, const char *fname, bool cap)
{
    if (args_none(kind_name(as_file(args[0])), fname, nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (as_file(args[0])->fd < 0 && cap) return closed_error(CLOSED_RAW), VAL_ERROR;
    return val_from_bool(cap);
}

static Value m_readable(Value *a, int n, Tuple *k) { return capability(a, n, k, "readable", as_file(a[0])->readable); }
static Value m_writable(Value *a, int n, Tuple *k) { return capability(a, n, k, "writable", as_file(a[0])->writable); }

static Value m_seekable(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(kind_name(as_file(args[0])), "seekable", nargs - 1, kwnames) < 0) return VAL_ERROR;
    FileIO *f = as_file(args[0]);
    if (f->fd < 0) return closed_error(CLOSED_RAW), VAL_ERROR;
    return val_from_bool(f->seekable);
}

static Value m_fileno(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(kind_name(as_file(args[0])), "fileno", nargs - 1, kwnames) < 0) return VAL_ERROR;
    FileIO *f = as_file(args[0]);
    if (f->fd < 0) return closed_error(CLOSED_RAW), VAL_ERROR;
    return val_from_int(f->fd);
}

static Value m_isatty(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(kind_name(as_file(args[0])), "isatty", nargs - 1, kwnames) < 0) return VAL_ERROR;
    FileIO *f = as_file(args[0]);
    if (f->fd < 0) return closed_error(CLOSED_RAW), VAL_ERROR;
    return val_from_bool(isatty(f->fd));
}

static Value m_tell(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(kind_name(as_file(args[0])), "tell", nargs - 1, kwnames) < 0) return VAL_ERROR;
    FileIO *f = as_file(args[0]);
    if (f->fd < 0) return closed_error(f->text ? CLOSED : CLOSED_RAW), VAL_ERROR;
    if (!f->seekable) {
        if (f->text) return unsupported("underlying stream is not seekable"), VAL_ERROR;
        return raise_errno(ESPIPE), VAL_ERROR;
    }
    if (f->text && !f->telling) {
        err_set(&exc_OSError, "telling position disabled by next() call");
        return VAL_ERROR;
    }
    if (f->text && sync_pos(f) < 0) return VAL_ERROR;     /* a binary tell() does not flush */
    return int_from_i64(f->pos);
}

static int int_arg(Value v, int64_t *out)
{
    if (!val_is_intlike(v)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(v));
        return -1;
    }
    *out = val_to_i64(v);
    return 0;
}

/* Move the descriptor: the new logical position, or -1. */
static int64_t do_seek(FileIO *f, int64_t off, int whence)
{
    if (sync_pos(f) < 0) return -1;
    if (whence == SEEK_CUR) {
        off += f->pos;
        whence = SEEK_SET;
    }
    drop_reads(f);
    off_t r = lseek(f->fd, (off_t)off, whence);
    if (r < 0) {
        raise_errno(errno);
        lseek(f->fd, (off_t)f->pos, SEEK_SET);
        return -1;
    }
    f->pos = r;
    reset_decoder(f);
    f->telling = true;
    return r;
}

static Value m_seek(Value *args, int nargs, Tuple *kwnames)
{
    FileIO *f = as_file(args[0]);
    if (args_range(kind_name(f), "seek", nargs - 1, kwnames, 1, 2) < 0) return VAL_ERROR;
    int64_t off, whence = 0;
    if (f->fd < 0) return closed_error(f->text ? CLOSED : "seek of closed file"), VAL_ERROR;
    if (int_arg(args[1], &off) < 0 || (nargs == 3 && int_arg(args[2], &whence) < 0)) return VAL_ERROR;
    if (f->text) {
        if (!f->seekable) return unsupported("underlying stream is not seekable"), VAL_ERROR;
        if (whence == 1 && off != 0) return unsupported("can't do nonzero cur-relative seeks"), VAL_ERROR;
        if (whence == 2 && off != 0) return unsupported("can't do nonzero end-relative seeks"), VAL_ERROR;
        if (whence < 0 || whence > 2) {
            err_format(&exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
            return VAL_ERROR;
        }
        if (whence == 1) {
            if (!f->telling) {
                err_set(&exc_OSError, "telling position disabled by next() call");
                return VAL_ERROR;
            }
            if (sync_pos(f) < 0) return VAL_ERROR;
            off = f->pos;
            whence = 0;
        }
        if (off < 0) {
            err_format(&exc_ValueError, "negative seek position %lld", (long long)off);
            return VAL_ERROR;
        }
    } else if (whence < 0 || whence > 4) {
        err_format(&exc_ValueError, "whence value %lld unsupported", (long long)whence);
        return VAL_ERROR;
    }
    int64_t r = do_seek(f, off, (int)whence);
    return r < 0 ? VAL_ERROR : int_from_i64(r);
}

static Value m_truncate(Value *args, int nargs, Tuple *kwnames)
{
    FileIO *f = as_file(args[0]);
    if (args_range(kind_name(f), "truncate", nargs - 1, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (f->fd < 0) return closed_error(f->text ? CLOSED : "truncate of closed file"), VAL_ERROR;
    if (!f->writable) return unsupported("truncate"), VAL_ERROR;
    if (sync_pos(f) < 0) return VAL_ERROR;
    int64_t size = f->text && f->vend > f->pos ? f->vend : f->pos;   /* CPython's buffer position */
    if (nargs == 2 && args[1] != VAL_NONE && int_arg(args[1], &size) < 0) return VAL_ERROR;
    drop_reads(f);                      /* what was read ahead may be gone */
    if (ftruncate(f->fd, (off_t)size) < 0) return raise_errno(errno), VAL_ERROR;
    return int_from_i64(size);
}

static Value m_iter(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(NULL, "__iter__", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return fileio_iter(args[0]);
}

static Value m_next(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(NULL, "__next__", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Value r = fileio_next(args[0]);
    if (r == VAL_UNDEF) {
        Value e = exc_new(&exc_StopIteration, NULL, 0);
        if (e != VAL_ERROR) err_set_exc(e);
        return VAL_ERROR;
    }
    return r;
}

static const MethodDef fileio_methods[] = {
    {"read", m_read}, {"readline", m_readline}, {"readlines", m_readlines},
    {"write", m_write}, {"writelines", m_writelines}, {"close", m_close}, {"flush", m_flush},
    {"readable", m_readable}, {"writable", m_writable}, {"seekable", m_seekable},
    {"seek", m_seek}, {"tell", m_tell}, {"truncate", m_truncate},
    {"fileno", m_fileno}, {"isatty", m_isatty},
    {"__enter__", m_enter}, {"__exit__", m_exit}, {"__iter__", m_iter}, {"__next__", m_next},
    {NULL, NULL},
};

#define FILE_TYPE(VAR, NAME) \
    Type VAR = { \
        .ob = OBJ_HEAD_INIT(&type_type), .name = NAME, .size = sizeof(FileIO), \
        .dealloc = fileio_dealloc, .repr = fileio_repr, .iter = fileio_iter, .next = fileio_next, \
        .getattr = fileio_getattr, .methods = fileio_methods, \
    };

FILE_TYPE(fileio_type, "TextIOWrapper")
FILE_TYPE(fileio_reader_type, "BufferedReader")
FILE_TYPE(fileio_writer_type, "BufferedWriter")
FILE_TYPE(fileio_random_type, "BufferedRandom")
FILE_TYPE(fileio_raw_type, "FileIO")

static bool is_file_type(Type *t)
{
    return t == &fileio_type || t == &fileio_reader_type || t == &fileio_writer_type ||
           t == &fileio_random_type || t == &fileio_raw_type;
}

bool fileio_check(Value v)
{
    return val_is_obj(v) && is_file_type(val_as_obj(v)->type);
}

/* ------------------------------------------------------------------ */
/* open()                                                               */

static int str_or_none(Value v, const char *what)
{
    if (v == VAL_UNDEF || v == VAL_NONE || val_is_str(v)) return 0;
    err_format(&exc_TypeError, "open() argument '%s' must be str or None, not %s", what, val_type_name(v));
    return -1;
}

Value fileio_open(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline",
                                        "closefd", "opener", NULL};
    Value a[8];
    if (args_bind("open", args, nargs, kwnames, names, 8, 1, a) < 0) return VAL_ERROR;
    Value file = a[0];
    bool is_fd = val_is_intlike(file);
    if (!is_fd && !val_is_str(file) && !val_is_bytes(file)) {
        err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", val_type_name(file));
        return VAL_ERROR;
    }
    const char *mode = "r";
    if (a[1] != VAL_UNDEF) {
        if (!val_is_str(a[1])) {
            err_format(&exc_TypeError, "open() argument 'mode' must be str, not %s", val_type_name(a[1]));
            return VAL_ERROR;
        }
        mode = val_as_str(a[1])->data;
    }
    int64_t buffering = -1;
    if (a[2] != VAL_UNDEF && int_arg(a[2], &buffering) < 0) return VAL_ERROR;
    if (str_or_none(a[3], "encoding") < 0 || str_or_none(a[4], "errors") < 0 || str_or_none(a[5], "newline") < 0)
        return VAL_ERROR;
    bool has_enc = val_is_str(a[3]), has_errors = val_is_str(a[4]), has_newline = val_is_str(a[5]);
    bool closefd = true;
    if (a[6] != VAL_UNDEF) {
        int t = obj_truth(a[6]);
        if (t < 0) return VAL_ERROR;
        closefd = t;
    }
    Value opener = a[7] == VAL_UNDEF ? VAL_NONE : a[7];

    int kind = 0, nkind = 0;
    bool text = false, binary = false, plus = false;
    for (const char *p = mode; *p; p++) {
        if (!strchr("rwaxtb+", *p) || strchr(p + 1, *p)) {
            err_format(&exc_ValueError, "invalid mode: '%s'", mode);
            return VAL_ERROR;
        }
        if (strchr("rwax", *p)) { kind = *p; nkind++; }
        else if (*p == 't') text = true;
        else if (*p == 'b') binary = true;
        else plus = true;
    }
    if (a[1] != VAL_UNDEF && (int64_t)strlen(mode) != val_as_str(a[1])->len) {
        err_set(&exc_ValueError, "embedded null character");
        return VAL_ERROR;
    }
    if (text && binary) { err_set(&exc_ValueError, "can't have text and binary mode at once"); return VAL_ERROR; }
    if (nkind > 1) { err_set(&exc_ValueError, "must have exactly one of create/read/write/append mode"); return VAL_ERROR; }
    if (binary && has_enc) { err_set(&exc_ValueError, "binary mode doesn't take an encoding argument"); return VAL_ERROR; }
    if (binary && has_errors) { err_set(&exc_ValueError, "binary mode doesn't take an errors argument"); return VAL_ERROR; }
    if (binary && has_newline) { err_set(&exc_ValueError, "binary mode doesn't take a newline argument"); return VAL_ERROR; }
    if (nkind == 0) {
        err_set(&exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
        return VAL_ERROR;
    }

    /* the descriptor */
    int flags = (plus ? O_RDWR : kind == 'r' ? O_RDONLY : O_WRONLY) | O_CLOEXEC;
    if (kind == 'w') flags |= O_CREAT | O_TRUNC;
    else if (kind == 'a') flags |= O_CREAT | O_APPEND;
    else if (kind == 'x') flags |= O_CREAT | O_EXCL;
    int fd;
    if (is_fd) {
        int64_t n = val_to_i64(file);
        if (n < 0) { err_set(&exc_ValueError, "negative file descriptor"); return VAL_ERROR; }
        fd = (int)n;
        if (fcntl(fd, F_GETFD) < 0) { raise_errno(errno); return VAL_ERROR; }
    } else {
        if (!closefd) { err_set(&exc_ValueError, "Cannot use closefd=False with file name"); return VAL_ERROR; }
        const char *path = val_is_str(file) ? val_as_str(file)->data : val_as_bytes(file)->data;
        int64_t plen = val_is_str(file) ? val_as_str(file)->len : val_as_bytes(file)->len;
        if ((int64_t)strlen(path) != plen) {
            err_set(&exc_ValueError, val_is_str(file) ? "embedded null character" : "embedded null byte");
            return VAL_ERROR;
        }
        if (opener != VAL_NONE) {
            Value oa[2] = { file, val_from_int(flags) };
            Value r = obj_call(opener, oa, 2, NULL);
            if (r == VAL_ERROR) return VAL_ERROR;
            if (!val_is_int(r)) {
                err_set(&exc_TypeError, "expected integer from opener");
                decref(r);
                return VAL_ERROR;
            }
            fd = (int)val_as_int(r);
            if (fd < 0) { err_format(&exc_ValueError, "opener returned %d", fd); return VAL_ERROR; }
        } else {
            char pbuf[PATH_MAX];
            if (val_is_str(file) && !(path = codec_os_path(val_as_str(file), pbuf, sizeof pbuf))) return VAL_ERROR;
            do fd = open(path, flags, 0666); while (fd < 0 && errno == EINTR);
            if (fd < 0) { err_set_errno(errno, file, VAL_UNDEF); return VAL_ERROR; }
        }
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (closefd) close(fd);
        err_set_errno(EISDIR, file, VAL_UNDEF);
        return VAL_ERROR;
    }
    bool seekable = lseek(fd, 0, SEEK_CUR) >= 0;
    int64_t pos = 0;
    if (kind == 'a' && seekable) pos = lseek(fd, 0, SEEK_END);
    else if (seekable) pos = lseek(fd, 0, SEEK_CUR);

    /* the text layer's arguments, checked after the open as CPython does */
    int codec = CODEC_UTF8, errs = CODEC_STRICT, newline = NL_UNIVERSAL;
    const char *encname = "UTF-8", *errname = "strict";
    const char *fail = NULL;
    Type *failtype = &exc_ValueError;
    char failbuf[256];
    if (buffering == 0 && !binary) fail = "can't have unbuffered text I/O";
    if (!fail && !binary && has_newline) {
        const char *nl = val_as_str(a[5])->data;
        if (!*nl) newline = NL_UNTRANSLATED;
        else if (!strcmp(nl, "\n")) newline = NL_LF;
        else if (!strcmp(nl, "\r")) newline = NL_CR;
        else if (!strcmp(nl, "\r\n")) newline = NL_CRLF;
        else {
            snprintf(failbuf, sizeof failbuf, "illegal newline value: %s", nl);
            fail = failbuf;
        }
    }
    if (!fail && !binary && has_enc) {
        encname = val_as_str(a[3])->data;
        codec = !strcmp(encname, "locale") ? CODEC_UTF8 : codec_lookup(encname);
        if (!strcmp(encname, "locale")) encname = "UTF-8";
        if (codec == CODEC_UNKNOWN) {
            snprintf(failbuf, sizeof failbuf, "unknown encoding: %s", encname);
            fail = failbuf;
            failtype = &exc_LookupError;
        }
    }
    if (!fail && !binary && has_errors) {
        errname = val_as_str(a[4])->data;
        errs = codec_errors(errname);
    }
    if (fail) {
        if (closefd) close(fd);
        err_set(failtype, fail);
        return VAL_ERROR;
    }
    char normal[4] = { 0 };
    if (binary) {
        int k = 0;
        normal[k++] = kind == 'x' ? 'x' : kind == 'a' ? 'a' : plus || kind == 'r' ? 'r' : 'w';
        normal[k++] = 'b';
        if (plus) normal[k++] = '+';
    }
    Str *modestr = str_from_cstr(binary ? normal : mode);
    Str *encstr = modestr ? str_from_cstr(encname) : NULL;
    Str *errstr = encstr ? str_from_cstr(errname) : NULL;
    Type *t = !binary ? &fileio_type : buffering == 0 ? &fileio_raw_type
            : plus ? &fileio_random_type : kind == 'r' ? &fileio_reader_type : &fileio_writer_type;
    FileIO *f = errstr ? obj_alloc(t, sizeof(FileIO)) : NULL;
    if (!f) {
        if (modestr) obj_decref(modestr);
        if (encstr) obj_decref(encstr);
        if (errstr) obj_decref(errstr);
        if (closefd) close(fd);
        return VAL_ERROR;
    }
    memset((char *)f + sizeof(Obj), 0, sizeof(FileIO) - sizeof(Obj));
    f->fd = fd;
    f->name = new_ref(file);
    f->mode = modestr;
    f->encname = encstr;
    f->errname = errstr;
    f->text = !binary;
    f->readable = kind == 'r' || plus;
    f->writable = kind != 'r' || plus;
    f->appending = kind == 'a';
    f->seekable = seekable;
    f->closefd = closefd;
    f->raw = binary && buffering == 0;
    f->telling = seekable;
    f->codec = codec;
    f->errs = errs;
    f->newline = newline;
    f->pos = pos;
    f->vend = pos;
    return val_from_obj(f);
}
