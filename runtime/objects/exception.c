/* exception.c — the builtin exception types (CPython's hierarchy), exception
 * instances (.args, str/repr, traceback entries, __context__/__cause__), the
 * one pending exception C code sets with err_*() and the VM fetches, and the
 * traceback printer CPython users know.
 *
 * Exc.cause: VAL_NONE when there is no `from` clause; VAL_FALSE is this
 * module's private mark for `raise ... from None` (cause None, context kept
 * but not printed, like CPython's __suppress_context__).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "core/args.h"
#include "objects/class.h"
#include "core/error.h"
#include "objects/textio.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "core/vmcall.h"

static Value pending = VAL_UNDEF;

static TbEntry *tb_buffer(Exc *e);
static void tb_clear(Exc *e);

/* OSError and UnicodeDecodeError/UnicodeEncodeError instances carry their
 * attributes after the Exc header (VAL_NONE when unset):
 *   OSError:  errno, strerror, filename, filename2
 *   Unicode*: encoding, object, start, end, reason */
#define EXCX_FIELDS 5
typedef struct ExcX { Exc base; Value f[EXCX_FIELDS]; } ExcX;
enum { F_ERRNO, F_STRERROR, F_FILENAME, F_FILENAME2 };
enum { F_ENCODING, F_OBJECT, F_START, F_END, F_REASON };

static void oserror_init(ExcX *x);
static void unicode_init(ExcX *x);
static int unicode_check_args(Type *t, Value *args, int nargs);

/* ---- instances ---- */

static bool is_subtype(Type *t, Type *base)
{
    if (t->flags & TYPE_HEAPTYPE) return type_is_subtype(t, base);   /* classes: through the MRO */
    if (t == &exc_UnsupportedOperation && base == &exc_ValueError) return true;
    for (; t; t = t->base)
        if (t == base) return true;
    return false;
}

static Value exc_value_for(Type *t, Tuple *args)
{
    if (is_subtype(t, &exc_SystemExit)) {
        if (args->len == 0) return VAL_NONE;
        if (args->len == 1) { incref(args->items[0]); return args->items[0]; }
        obj_incref(args);
        return val_from_obj(args);
    }
    if (is_subtype(t, &exc_StopIteration)) {
        if (args->len == 0) return VAL_NONE;
        incref(args->items[0]);
        return args->items[0];
    }
    return VAL_NONE;
}

Value exc_new(Type *t, Value *args, int nargs)
{
    size_t size = t->size >= sizeof(Exc) ? t->size : sizeof(Exc);
    Tuple *a;
    if (nargs == 0) {
        a = &tuple_empty;
        obj_incref(a);
    } else {
        a = tuple_from_array(args, nargs);
        if (!a) return VAL_ERROR;
    }
    Exc *e = obj_alloc(t, size);
    if (!e) { obj_decref(a); return VAL_ERROR; }
    memset((char *)e + sizeof(Obj), 0, size - sizeof(Obj));
    e->args = a;
    e->cause = VAL_NONE;
    e->context = VAL_NONE;
    e->ntb = e->tbcap = 0;
    e->tb = NULL;
    e->name_attr = e->obj_attr = VAL_UNDEF;
    e->value = exc_value_for(t, a);
    if (is_subtype(t, &exc_OSError) || is_subtype(t, &exc_UnicodeDecodeError) ||
        is_subtype(t, &exc_UnicodeEncodeError)) {
        ExcX *x = (ExcX *)e;
        for (int i = 0; i < EXCX_FIELDS; i++) x->f[i] = VAL_NONE;
        if (is_subtype(t, &exc_OSError)) oserror_init(x);
        else if (nargs == 5) unicode_init(x);
    }
    return val_from_obj(e);
}

static int exc_setattr(Value o, Str *name, Value v);

bool exc_takes_keywords(Type *t)
{
    return is_subtype(t, &exc_NameError) || is_subtype(t, &exc_AttributeError);
}

int exc_apply_keywords(Value e, Value *kwvals, Tuple *kwnames)
{
    Type *t = val_type(e);
    bool attr = is_subtype(t, &exc_AttributeError);
    for (int64_t i = 0; i < kwnames->len; i++) {
        Str *k = val_as_str(kwnames->items[i]);
        if (!str_eq_cstr(k, "name") && !(attr && str_eq_cstr(k, "obj"))) {
            Type *b = t;           /* CPython names the builtin class */
            while (type_is_heap(b) && b->base) b = b->base;
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for %s()", k->data, b->name);
            return -1;
        }
    }
    for (int64_t i = 0; i < kwnames->len; i++)
        if (exc_setattr(e, val_as_str(kwnames->items[i]), kwvals[i]) < 0) return -1;
    return 0;
}

/* NameError(..., name=) and AttributeError(..., name=, obj=). */
static Value exc_new_kw(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    Value e = exc_new(t, args, nargs);
    if (e == VAL_ERROR) return e;
    if (exc_apply_keywords(e, args + nargs, kwnames) < 0) {
        decref(e);
        return VAL_ERROR;
    }
    return e;
}

static Value exc_type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    if (kwnames && kwnames->len > 0 && exc_takes_keywords(t)) return exc_new_kw(t, args, nargs, kwnames);
    if (args_no_kw(NULL, t->name, kwnames) < 0) return VAL_ERROR;
    if (t == &exc_OSError && nargs >= 2 && nargs <= 5 && val_is_intlike(args[0]))
        t = exc_oserror_type((int)val_to_i64(args[0]));   /* OSError(2, 'x') is a FileNotFoundError */
    else if ((t == &exc_UnicodeDecodeError || t == &exc_UnicodeEncodeError) && unicode_check_args(t, args, nargs) < 0)
        return VAL_ERROR;
    return exc_new(t, args, nargs);
}

static void exc_clear_refs(Obj *o)
{
    Exc *e = (Exc *)o;
    Value cause = e->cause, context = e->context, value = e->value;
    Dict *d = e->dict, *g = e->tb_globals;
    Value na = e->name_attr, oa = e->obj_attr;
    e->cause = e->context = e->value = VAL_NONE;
    e->dict = e->tb_globals = NULL;
    e->name_attr = e->obj_attr = VAL_UNDEF;
    if (g) obj_decref(g);
    if (na != VAL_UNDEF) decref(na);
    if (oa != VAL_UNDEF) decref(oa);
    decref(cause);
    decref(context);
    decref(value);
    if (d) obj_decref(d);
    tb_clear(e);
}

static void exc_dealloc(Obj *o)
{
    Exc *e = (Exc *)o;
    exc_clear_refs(o);
    mem_free(tb_buffer(e));
    if (e->args) obj_decref(e->args);
    obj_free(o);
}

static void exc_traverse(Obj *o, VisitProc visit, void *arg)
{
    Exc *e = (Exc *)o;
    if (e->args) visit((Obj *)e->args, arg);
    if (val_is_obj(e->cause)) visit(val_as_obj(e->cause), arg);
    if (val_is_obj(e->context)) visit(val_as_obj(e->context), arg);
    if (val_is_obj(e->value)) visit(val_as_obj(e->value), arg);
    if (e->dict) visit((Obj *)e->dict, arg);
    if (e->tb_globals) visit((Obj *)e->tb_globals, arg);
    if (val_is_obj(e->name_attr)) visit(val_as_obj(e->name_attr), arg);
    if (val_is_obj(e->obj_attr)) visit(val_as_obj(e->obj_attr), arg);
    for (int i = 0; i < e->ntb; i++) visit((Obj *)e->tb[i].code, arg);
}

static Value exc_str(Value v)
{
    Exc *e = (Exc *)val_as_obj(v);
    if (e->args->len == 0) return str_val(str_new("", 0));
    if (e->args->len == 1) return obj_str(e->args->items[0]);
    return obj_str(val_from_obj(e->args));
}

static Value keyerror_str(Value v)
{
    Exc *e = (Exc *)val_as_obj(v);
    if (e->args->len == 1) return obj_repr(e->args->items[0]);
    return exc_str(v);
}

static Value exc_repr(Value v)
{
    Exc *e = (Exc *)val_as_obj(v);
    Value r = e->args->len == 1 ? obj_repr(e->args->items[0]) : obj_repr(val_from_obj(e->args));
    if (r == VAL_ERROR) return VAL_ERROR;
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, val_type_name(v));
    if (e->args->len == 1) sb_putc(&b, '(');
    sb_putn(&b, val_as_str(r)->data, val_as_str(r)->len);
    if (e->args->len == 1) sb_putc(&b, ')');
    decref(r);
    return sb_finish(&b);
}

static int exc_hash(Value v, int64_t *out)
{
    uint64_t x = (uint64_t)(uintptr_t)val_as_obj(v);
    *out = (int64_t)((x >> 4) | (x << 60));
    if (*out == -1) *out = -2;
    return 0;
}

/* NameError.name, AttributeError.name and .obj: where they are kept, or
 * NULL for another attribute or type. */
static Value *name_obj_slot(Exc *e, Str *name)
{
    Type *t = e->ob.type;
    bool attr = is_subtype(t, &exc_AttributeError);
    if ((attr || is_subtype(t, &exc_NameError)) && str_eq_cstr(name, "name")) return &e->name_attr;
    if (attr && str_eq_cstr(name, "obj")) return &e->obj_attr;
    return NULL;
}

static Value exc_getattr(Value o, Str *name)
{
    Exc *e = (Exc *)val_as_obj(o);
    Type *t = val_as_obj(o)->type;
    if (str_eq_cstr(name, "args")) return new_ref(val_from_obj(e->args));
    if (str_eq_cstr(name, "__context__")) return new_ref(e->context);
    if (str_eq_cstr(name, "__cause__")) return e->cause == VAL_FALSE ? VAL_NONE : new_ref(e->cause);
    if (str_eq_cstr(name, "__suppress_context__")) return val_from_bool(e->cause != VAL_NONE);
    if (str_eq_cstr(name, "__traceback__")) return VAL_NONE;
    if (is_subtype(t, &exc_StopIteration) && str_eq_cstr(name, "value")) return new_ref(e->value);
    if (is_subtype(t, &exc_SystemExit) && str_eq_cstr(name, "code")) return new_ref(e->value);
    if (str_eq_cstr(name, "__dict__") && !type_is_heap(t)) {
        if (!e->dict && !(e->dict = dict_new())) return VAL_ERROR;
        return new_ref(val_from_obj(e->dict));
    }
    if (e->dict) {
        Value v = dict_get_str(e->dict, name);
        if (v != VAL_UNDEF) return new_ref(v);
    }
    Value *slot = name_obj_slot(e, name);
    if (slot) return *slot == VAL_UNDEF ? VAL_NONE : new_ref(*slot);    /* None until set */
    return VAL_UNDEF;     /* the generic lookup goes on (methods, __class__) */
}

/* Attributes of a builtin exception instance: args, the chaining ones, and
 * any other name in its __dict__, as CPython's BaseException. */
static int exc_setattr(Value o, Str *name, Value v)
{
    Exc *e = (Exc *)val_as_obj(o);
    if (str_eq_cstr(name, "args")) {
        if (v == VAL_UNDEF) {
            err_set(&exc_TypeError, "args may not be deleted");
            return -1;
        }
        Value t = obj_call(val_from_obj(&tuple_type), &v, 1, NULL);    /* tuple(v) */
        if (t == VAL_ERROR) return -1;
        Tuple *old = e->args;
        e->args = (Tuple *)val_as_obj(t);
        if (old) obj_decref(old);
        return 0;
    }
    if (str_eq_cstr(name, "__cause__") || str_eq_cstr(name, "__context__")) {
        if (v == VAL_UNDEF) v = VAL_NONE;
        if (v != VAL_NONE && !val_isinstance(v, &exc_BaseException)) {
            err_format(&exc_TypeError, "exception %s must be None or derive from BaseException",
                       str_eq_cstr(name, "__cause__") ? "cause" : "context");
            return -1;
        }
        Value *slot = str_eq_cstr(name, "__cause__") ? &e->cause : &e->context;
        Value old = *slot;
        incref(v);
        *slot = v;
        decref(old);
        return 0;
    }
    Value *slot = name_obj_slot(e, name);
    if (slot) {
        Value old = *slot;
        if (v != VAL_UNDEF) incref(v);
        *slot = v;
        if (old != VAL_UNDEF) decref(old);
        return 0;
    }
    if (v == VAL_UNDEF) {
        if (!e->dict || dict_get_str(e->dict, name) == VAL_UNDEF) {
            err_format(&exc_AttributeError, "'%s' object has no attribute '%s'", val_type_name(o), name->data);
            return -1;
        }
        return dict_del(e->dict, str_val(name));
    }
    if (!e->dict && !(e->dict = dict_new())) return -1;
    return dict_set_str(e->dict, name, v);
}

/* ---- OSError and the Unicode errors: extra attributes ---- */

static void excx_clear(Obj *o)
{
    ExcX *x = (ExcX *)o;
    for (int i = 0; i < EXCX_FIELDS; i++) {
        Value v = x->f[i];
        x->f[i] = VAL_NONE;
        decref(v);
    }
    exc_clear_refs(o);
}

static void excx_dealloc(Obj *o)
{
    excx_clear(o);
    exc_dealloc(o);
}

static void excx_traverse(Obj *o, VisitProc visit, void *arg)
{
    ExcX *x = (ExcX *)o;
    for (int i = 0; i < EXCX_FIELDS; i++)
        if (val_is_obj(x->f[i])) visit(val_as_obj(x->f[i]), arg);
    exc_traverse(o, visit, arg);
}

static void set_field(ExcX *x, int i, Value v)
{
    Value old = x->f[i];
    incref(v);
    x->f[i] = v;
    decref(old);
}

/* CPython's OSError.__init__: OSError(errno, strerror[, filename[, winerror[, filename2]]]).
 * With a filename, args keeps only (errno, strerror). */
static void oserror_init(ExcX *x)
{
    Tuple *a = x->base.args;
    if (a->len < 2 || a->len > 5) return;
    set_field(x, F_ERRNO, a->items[0]);
    set_field(x, F_STRERROR, a->items[1]);
    if (a->len >= 3 && a->items[2] != VAL_NONE) {
        set_field(x, F_FILENAME, a->items[2]);
        if (a->len == 5) set_field(x, F_FILENAME2, a->items[4]);
        Tuple *two = tuple_from_array(a->items, 2);
        if (!two) { err_clear(); return; }     /* args stays longer: cosmetic only */
        x->base.args = two;
        obj_decref(a);
    }
}

Type *exc_oserror_type(int e)
{
    switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if defined(EWOULDBLOCK) && EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES: case EPERM: return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return &exc_OSError;
    }
}

void err_set_errno(int e, Value filename, Value filename2)
{
    Str *msg = str_from_cstr(strerror(e));
    if (!msg) return;
    Value args[5] = { val_from_int(e), str_val(msg), filename == VAL_UNDEF ? VAL_NONE : filename, VAL_NONE,
                      filename2 };
    int n = filename2 != VAL_UNDEF ? 5 : filename != VAL_UNDEF ? 3 : 2;
    Value exc = exc_new(exc_oserror_type(e), args, n);
    obj_decref(msg);
    if (exc != VAL_ERROR) err_set_exc(exc);
}

static Value oserror_str(Value v)
{
    ExcX *x = (ExcX *)val_as_obj(v);
    if (x->f[F_FILENAME] == VAL_NONE && (x->f[F_ERRNO] == VAL_NONE || x->f[F_STRERROR] == VAL_NONE))
        return exc_str(v);
    Value parts[4] = { VAL_UNDEF, VAL_UNDEF, VAL_UNDEF, VAL_UNDEF };
    Value r = VAL_ERROR;
    if ((parts[0] = obj_str(x->f[F_ERRNO])) == VAL_ERROR || (parts[1] = obj_str(x->f[F_STRERROR])) == VAL_ERROR)
        goto done;
    if (x->f[F_FILENAME] != VAL_NONE && (parts[2] = obj_repr(x->f[F_FILENAME])) == VAL_ERROR) goto done;
    if (x->f[F_FILENAME] != VAL_NONE && x->f[F_FILENAME2] != VAL_NONE &&
        (parts[3] = obj_repr(x->f[F_FILENAME2])) == VAL_ERROR)
        goto done;
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, "[Errno ");
    sb_putn(&b, val_as_str(parts[0])->data, val_as_str(parts[0])->len);
    sb_puts(&b, "] ");
    sb_putn(&b, val_as_str(parts[1])->data, val_as_str(parts[1])->len);
    if (parts[2] != VAL_UNDEF) {
        sb_puts(&b, ": ");
        sb_putn(&b, val_as_str(parts[2])->data, val_as_str(parts[2])->len);
    }
    if (parts[3] != VAL_UNDEF) {
        sb_puts(&b, " -> ");
        sb_putn(&b, val_as_str(parts[3])->data, val_as_str(parts[3])->len);
    }
    r = sb_finish(&b);
done:
    for (int i = 0; i < 4; i++) xdecref(parts[i]);
    return r;
}

static const char *const oserror_fields[] = { "errno", "strerror", "filename", "filename2", NULL };
static const char *const unicode_fields[] = { "encoding", "object", "start", "end", "reason", NULL };

static int field_index(const char *const *names, Str *name)
{
    for (int i = 0; names[i]; i++)
        if (str_eq_cstr(name, names[i])) return i;
    return -1;
}

static Value oserror_getattr(Value o, Str *name)
{
    int i = field_index(oserror_fields, name);
    if (i >= 0) return new_ref(((ExcX *)val_as_obj(o))->f[i]);
    return exc_getattr(o, name);
}

static Value unicode_getattr(Value o, Str *name)
{
    int i = field_index(unicode_fields, name);
    if (i >= 0) return new_ref(((ExcX *)val_as_obj(o))->f[i]);
    return exc_getattr(o, name);
}

static int excx_setattr(Value o, const char *const *names, Str *name, Value v)
{
    int i = field_index(names, name);
    if (i < 0) return exc_setattr(o, name, v);
    if (v == VAL_UNDEF) {
        err_set(&exc_TypeError, "can't delete attribute");
        return -1;
    }
    set_field((ExcX *)val_as_obj(o), i, v);
    return 0;
}

static int oserror_setattr(Value o, Str *name, Value v) { return excx_setattr(o, oserror_fields, name, v); }
static int unicode_setattr(Value o, Str *name, Value v) { return excx_setattr(o, unicode_fields, name, v); }

/* UnicodeDecodeError(encoding, object, start, end, reason) argument checks, with CPython's texts. */
static int unicode_check_args(Type *t, Value *args, int nargs)
{
    if (args_takes(NULL, NULL, nargs, NULL, 5, 5) < 0) return -1;
    if (!val_is_str(args[0])) {
        err_format(&exc_TypeError, "argument 1 must be str, not %s", val_type_name(args[0]));
        return -1;
    }
    if (t == &exc_UnicodeDecodeError && !val_is_bytes(args[1])) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", val_type_name(args[1]));
        return -1;
    }
    if (t == &exc_UnicodeEncodeError && !val_is_str(args[1])) {
        err_format(&exc_TypeError, "argument 2 must be str, not %s", val_type_name(args[1]));
        return -1;
    }
    for (int i = 2; i < 4; i++)
        if (!val_is_intlike(args[i])) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(args[i]));
            return -1;
        }
    if (!val_is_str(args[4])) {
        err_format(&exc_TypeError, "argument 5 must be str, not %s", val_type_name(args[4]));
        return -1;
    }
    return 0;
}

static void unicode_init(ExcX *x)
{
    for (int i = 0; i < EXCX_FIELDS; i++) set_field(x, i, x->base.args->items[i]);
}

/* str() of UnicodeDecodeError / UnicodeEncodeError; the fields may have been
 * replaced by anything, so every one is checked. */
static Value unicode_str(Value v, bool decode)
{
    ExcX *x = (ExcX *)val_as_obj(v);
    Value enc = x->f[F_ENCODING], obj = x->f[F_OBJECT], reason = x->f[F_REASON];
    if (!val_is_str(enc) || !val_is_str(reason) || !val_is_intlike(x->f[F_START]) || !val_is_intlike(x->f[F_END]) ||
        (decode ? !val_is_bytes(obj) : !val_is_str(obj)))
        return str_val(str_new("", 0));
    int64_t start = val_to_i64(x->f[F_START]), end = val_to_i64(x->f[F_END]);
    int64_t len = decode ? val_as_bytes(obj)->len : val_as_str(obj)->nchars;
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "'%s' codec can't %s ", val_as_str(enc)->data, decode ? "decode" : "encode");
    if (start >= 0 && start < len && end == start + 1) {
        if (decode) {
            sb_printf(&b, "byte 0x%02x", (unsigned char)val_as_bytes(obj)->data[start]);
        } else {
            Value ch = str_getitem_index(val_as_str(obj), start);
            if (ch == VAL_ERROR) { sb_free(&b); return VAL_ERROR; }
            const unsigned char *p = (const unsigned char *)val_as_str(ch)->data;
            uint32_t cp = p[0] < 0x80 ? p[0] : p[0] < 0xE0 ? ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F)
                        : p[0] < 0xF0 ? ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F)
                        : ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
                          ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            decref(ch);
            if (cp <= 0xff) sb_printf(&b, "character '\\x%02x'", (unsigned)cp);
            else if (cp <= 0xffff) sb_printf(&b, "character '\\u%04x'", (unsigned)cp);
            else sb_printf(&b, "character '\\U%08x'", (unsigned)cp);
        }
        sb_printf(&b, " in position %lld: ", (long long)start);
    } else {
        sb_printf(&b, "%s in position %lld-%lld: ", decode ? "bytes" : "characters", (long long)start,
                  (long long)end - 1);
    }
    sb_putn(&b, val_as_str(reason)->data, val_as_str(reason)->len);
    return sb_finish(&b);
}

static Value unicode_decode_str(Value v) { return unicode_str(v, true); }
static Value unicode_encode_str(Value v) { return unicode_str(v, false); }

static void set_unicode_error(Type *t, const char *encoding, Value obj, int64_t start, int64_t end,
                              const char *reason)
{
    Str *enc = str_from_cstr(encoding), *why = enc ? str_from_cstr(reason) : NULL;
    if (!why) {
        if (enc) obj_decref(enc);
        return;
    }
    Value args[5] = { str_val(enc), obj, int_from_i64(start), int_from_i64(end), str_val(why) };
    Value exc = exc_new(t, args, 5);
    obj_decref(enc);
    obj_decref(why);
    if (exc != VAL_ERROR) err_set_exc(exc);
}

void err_unicode_decode(const char *encoding, const char *data, int64_t len, int64_t start, int64_t end,
                        const char *reason)
{
    Bytes *obj = bytes_new(data, len);
    if (!obj) return;
    set_unicode_error(&exc_UnicodeDecodeError, encoding, val_from_obj(obj), start, end, reason);
    obj_decref(obj);
}

void err_unicode_encode(const char *encoding, Value str, int64_t start, int64_t end, const char *reason)
{
    set_unicode_error(&exc_UnicodeEncodeError, encoding, str, start, end, reason);
}

#define EXC_FLAGS (TYPE_EXCEPTION | TYPE_BASETYPE | TYPE_CONTAINER)
#define EXCX_TYPE(NAME, BASE, STR, GET, SET) \
    Type exc_##NAME = { \
        .ob = OBJ_HEAD_INIT(&type_type), .name = #NAME, .base = BASE, \
        .size = sizeof(ExcX), .flags = EXC_FLAGS, .dealloc = excx_dealloc, \
        .repr = exc_repr, .str = STR, .hash = exc_hash, .getattr = GET, .setattr = SET, \
        .new = exc_type_new, .traverse = excx_traverse, .clear = excx_clear, \
    };
#define OSERROR_TYPE(NAME, BASE) EXCX_TYPE(NAME, BASE, oserror_str, oserror_getattr, oserror_setattr)
#define EXC_TYPE_STR(NAME, BASE, STR) \
    Type exc_##NAME = { \
        .ob = OBJ_HEAD_INIT(&type_type), .name = #NAME, .base = BASE, \
        .size = sizeof(Exc), .flags = EXC_FLAGS, .dealloc = exc_dealloc, \
        .repr = exc_repr, .str = STR, .hash = exc_hash, .getattr = exc_getattr, .setattr = exc_setattr, \
        .new = exc_type_new, .traverse = exc_traverse, .clear = exc_clear_refs, \
    };
#define EXC_TYPE(NAME, BASE) EXC_TYPE_STR(NAME, BASE, exc_str)

EXC_TYPE(BaseException, NULL)
EXC_TYPE(SystemExit, &exc_BaseException)
EXC_TYPE(KeyboardInterrupt, &exc_BaseException)
EXC_TYPE(Exception, &exc_BaseException)
EXC_TYPE(ArithmeticError, &exc_Exception)
EXC_TYPE(ZeroDivisionError, &exc_ArithmeticError)
EXC_TYPE(OverflowError, &exc_ArithmeticError)
EXC_TYPE(FloatingPointError, &exc_ArithmeticError)
EXC_TYPE(LookupError, &exc_Exception)
EXC_TYPE(IndexError, &exc_LookupError)
EXC_TYPE_STR(KeyError, &exc_LookupError, keyerror_str)
EXC_TYPE(NameError, &exc_Exception)
EXC_TYPE(UnboundLocalError, &exc_NameError)
EXC_TYPE(TypeError, &exc_Exception)
EXC_TYPE(ValueError, &exc_Exception)
EXC_TYPE(UnicodeError, &exc_ValueError)
EXC_TYPE(AttributeError, &exc_Exception)
EXC_TYPE(AssertionError, &exc_Exception)
EXC_TYPE(RuntimeError, &exc_Exception)
EXC_TYPE(RecursionError, &exc_RuntimeError)
EXC_TYPE(NotImplementedError, &exc_RuntimeError)
EXC_TYPE(MemoryError, &exc_Exception)
EXC_TYPE(StopIteration, &exc_Exception)
EXC_TYPE(SyntaxError, &exc_Exception)
EXC_TYPE(IndentationError, &exc_SyntaxError)
EXC_TYPE(ImportError, &exc_Exception)
EXC_TYPE(ModuleNotFoundError, &exc_ImportError)
OSERROR_TYPE(OSError, &exc_Exception)
OSERROR_TYPE(FileNotFoundError, &exc_OSError)
OSERROR_TYPE(FileExistsError, &exc_OSError)
OSERROR_TYPE(PermissionError, &exc_OSError)
OSERROR_TYPE(IsADirectoryError, &exc_OSError)
OSERROR_TYPE(NotADirectoryError, &exc_OSError)
OSERROR_TYPE(InterruptedError, &exc_OSError)
OSERROR_TYPE(BlockingIOError, &exc_OSError)
OSERROR_TYPE(ChildProcessError, &exc_OSError)
OSERROR_TYPE(ConnectionError, &exc_OSError)
OSERROR_TYPE(BrokenPipeError, &exc_ConnectionError)
OSERROR_TYPE(ConnectionAbortedError, &exc_ConnectionError)
OSERROR_TYPE(ConnectionRefusedError, &exc_ConnectionError)
OSERROR_TYPE(ConnectionResetError, &exc_ConnectionError)
OSERROR_TYPE(ProcessLookupError, &exc_OSError)
OSERROR_TYPE(TimeoutError, &exc_OSError)
/* io.UnsupportedOperation: OSError and ValueError in CPython; scr types have
 * one base, so `except ValueError` is special-cased in is_subtype(). */
OSERROR_TYPE(UnsupportedOperation, &exc_OSError)
EXCX_TYPE(UnicodeDecodeError, &exc_UnicodeError, unicode_decode_str, unicode_getattr, unicode_setattr)
EXCX_TYPE(UnicodeEncodeError, &exc_UnicodeError, unicode_encode_str, unicode_getattr, unicode_setattr)
EXC_TYPE(EOFError, &exc_Exception)
EXC_TYPE(SystemError, &exc_Exception)
EXC_TYPE(GeneratorExit, &exc_BaseException)

Type *const exc_builtin_types[] = {
    &exc_BaseException, &exc_SystemExit, &exc_KeyboardInterrupt, &exc_Exception,
    &exc_ArithmeticError, &exc_ZeroDivisionError, &exc_OverflowError, &exc_FloatingPointError,
    &exc_LookupError, &exc_IndexError, &exc_KeyError, &exc_NameError, &exc_UnboundLocalError,
    &exc_TypeError, &exc_ValueError, &exc_UnicodeError, &exc_AttributeError, &exc_AssertionError,
    &exc_RuntimeError, &exc_RecursionError, &exc_NotImplementedError, &exc_MemoryError,
    &exc_StopIteration, &exc_SyntaxError, &exc_IndentationError, &exc_ImportError,
    &exc_ModuleNotFoundError, &exc_OSError, &exc_EOFError, &exc_SystemError,
    &exc_GeneratorExit, &exc_FileNotFoundError, &exc_FileExistsError, &exc_PermissionError,
    &exc_IsADirectoryError, &exc_NotADirectoryError, &exc_InterruptedError, &exc_BlockingIOError,
    &exc_ChildProcessError, &exc_ConnectionError, &exc_BrokenPipeError, &exc_ConnectionAbortedError,
    &exc_ConnectionRefusedError, &exc_ConnectionResetError, &exc_ProcessLookupError, &exc_TimeoutError,
    &exc_UnicodeDecodeError, &exc_UnicodeEncodeError,
    NULL
};

/* Raised when an allocation fails: allocating another object then would be
 * unwise, so one immortal instance is reused. */
static Exc memory_error = {
    .ob = OBJ_HEAD_INIT(&exc_MemoryError),
    .args = &tuple_empty,
    .cause = VAL_NONE, .context = VAL_NONE, .value = VAL_NONE,
    .name_attr = VAL_UNDEF, .obj_attr = VAL_UNDEF,
};

/* ---- the pending exception ---- */

void err_set_exc(Value exc)
{
    Value old = pending;
    pending = exc;
    if (old != VAL_UNDEF) decref(old);
}

void err_set_value(Type *t, Value arg)
{
    Value e = exc_new(t, &arg, 1);
    if (e == VAL_ERROR) return;      /* MemoryError is pending instead */
    err_set_exc(e);
}

void err_set(Type *t, const char *msg)
{
    Str *s = str_from_cstr(msg);
    if (!s) { err_no_memory(); return; }
    Value sv = str_val(s);
    err_set_value(t, sv);
    decref(sv);
}

void err_format(Type *t, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof small) { err_set(t, small); return; }
    char *big = mem_alloc((size_t)n + 1);
    if (!big) { err_no_memory(); return; }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    err_set(t, big);
    mem_free(big);
}

void err_no_memory(void)
{
    tb_clear(&memory_error);
    Value ctx = memory_error.context;
    memory_error.context = VAL_NONE;
    decref(ctx);
    err_set_exc(val_from_obj(&memory_error));
}

bool err_occurred(void) { return pending != VAL_UNDEF; }

Value err_fetch(void)
{
    Value e = pending;
    pending = VAL_UNDEF;
    return e;
}

bool err_matches(Type *t)
{
    return pending != VAL_UNDEF && is_subtype(val_type(pending), t);
}

void err_clear(void)
{
    val_clear(&pending);
}

void exc_attribute_error_context(Value obj, Str *name)
{
    if (pending == VAL_UNDEF || !val_isinstance(pending, &exc_AttributeError)) return;
    Exc *e = (Exc *)val_as_obj(pending);
    if (e->name_attr != VAL_UNDEF || e->obj_attr != VAL_UNDEF) return;
    obj_incref(name);
    incref(obj);
    e->name_attr = str_val(name);
    e->obj_attr = obj;
}

void exc_name_error_context(Str *name)
{
    if (pending == VAL_UNDEF || val_type(pending) != &exc_NameError) return;
    Exc *e = (Exc *)val_as_obj(pending);
    if (e->name_attr != VAL_UNDEF) return;
    obj_incref(name);
    e->name_attr = str_val(name);
}

bool exc_matches(Value exc, Value cls)
{
    Type *et = val_type(exc);
    if (val_is_tuple(cls)) {
        Tuple *t = val_as_tuple(cls);
        for (int64_t i = 0; i < t->len; i++)
            if (exc_matches(exc, t->items[i])) return true;
        return false;
    }
    if (!val_is_obj(cls) || val_as_obj(cls)->type != &type_type) return false;
    return is_subtype(et, (Type *)val_as_obj(cls));
}

/* Entries arrive innermost first, but tb[] keeps the innermost last: they
 * are stored at the end of a buffer of tbcap entries so that adding an outer
 * frame is a pointer decrement (deep recursion makes long tracebacks). */
static TbEntry *tb_buffer(Exc *e) { return e->tb ? e->tb - (e->tbcap - e->ntb) : NULL; }

void exc_add_traceback(Value exc, struct Code *code, int line, int instr)
{
    if (!val_is_obj(exc) || !(val_as_obj(exc)->type->flags & TYPE_EXCEPTION)) return;
    Exc *e = (Exc *)val_as_obj(exc);
    if (e->ntb == e->tbcap) {
        int cap = e->tbcap ? e->tbcap * 2 : 8;
        if (cap < e->tbcap) return;
        TbEntry *nb = mem_alloc_array((size_t)cap, sizeof(TbEntry));
        if (!nb) return;           /* a shorter traceback beats a second error */
        if (e->ntb) memcpy(nb + cap - e->ntb, e->tb, (size_t)e->ntb * sizeof(TbEntry));
        mem_free(tb_buffer(e));
        e->tb = nb + cap - e->ntb;
        e->tbcap = cap;
    }
    e->tb--;
    e->tb[0].code = code;
    e->tb[0].line = line;
    e->tb[0].instr = instr;
    if (e->ntb == 0 && e->ob.type == &exc_NameError && !e->tb_globals) {
        /* the frame raising it: its globals are candidates for the hint */
        e->tb_globals = vm_current_globals();
        if (e->tb_globals) obj_incref(e->tb_globals);
    }
    obj_incref(code);
    e->ntb++;
}

/* Drop every entry (keeping the buffer). */
static void tb_clear(Exc *e)
{
    for (int i = 0; i < e->ntb; i++) obj_decref(e->tb[i].code);
    if (e->tb) e->tb += e->ntb;
    e->ntb = 0;
}

static void exc_forget_syntax_source(void);

void exc_cleanup(void)
{
    tb_clear(&memory_error);
    mem_free(tb_buffer(&memory_error));
    memory_error.tb = NULL;
    memory_error.tbcap = 0;
    Value ctx = memory_error.context;
    memory_error.context = VAL_NONE;
    decref(ctx);
    err_clear();
    exc_forget_syntax_source();
}

/* ---- printing ---- */

/* The "Did you mean" hint of an exception of exactly NameError or
 * AttributeError with a str .name (and .obj), or NULL. */
static Str *suggestion(Exc *e)
{
    Type *t = e->ob.type;
    if (t != &exc_NameError && t != &exc_AttributeError) return NULL;
    Value name = e->name_attr;
    if (!val_is_str(name) || val_type(name) != &str_type) return NULL;
    if (t == &exc_AttributeError) {
        Value obj = e->obj_attr;
        if (obj == VAL_UNDEF) return NULL;
        return suggest_for_attribute(val_as_str(name), obj);
    }
    if (e->ntb == 0) return NULL;
    return suggest_for_name(val_as_str(name), e->tb[e->ntb - 1].code, e->tb_globals);
}

static struct {
    Obj *exc;                   /* no reference held: checked with its type when printed */
    void *err;                  /* the parser's error record, opaque here */
    char *src, *filename;
    size_t len;
} exc_syntax_src;

void (*exc_syntax_block_hook)(const void *perr, const char *src, size_t len, const char *filename);

static void exc_forget_syntax_source(void)
{
    free(exc_syntax_src.err);
    free(exc_syntax_src.src);
    free(exc_syntax_src.filename);
    memset(&exc_syntax_src, 0, sizeof exc_syntax_src);
}

void exc_note_syntax_source(Value exc, const void *perr, size_t perr_size, const char *src, size_t len,
                            const char *filename)
{
    exc_forget_syntax_source();
    char *s = malloc(len + 1), *f = strdup(filename);
    void *e = malloc(perr_size);
    if (!s || !f || !e) { free(s); free(f); free(e); return; }
    memcpy(s, src, len);
    s[len] = 0;
    exc_syntax_src.exc = val_as_obj(exc);
    memcpy(e, perr, perr_size);
    exc_syntax_src.err = e;
    exc_syntax_src.src = s;
    exc_syntax_src.filename = f;
    exc_syntax_src.len = len;
}

/* unraisable: as CPython's write_unraisable_exc_file, which prints no hint
 * and writes ": " before even an empty message. */
static void print_one(Value exc, FILE *fp, bool unraisable)
{
    Exc *e = (Exc *)val_as_obj(exc);
    if (e->ntb > 0) fputs("Traceback (most recent call last):\n", fp);
    /* Like CPython, a run of more than 3 identical entries (recursion) is
     * cut to 3 and a count. */
    const char *lastfile = NULL, *lastname = NULL;
    int lastline = -1, count = 0;
    for (int i = 0; i < e->ntb; i++) {
        Code *c = e->tb[i].code;
        const char *fn = c->filename ? c->filename->data : "<unknown>";
        const char *name = c->name ? c->name->data : "?";
        int line = e->tb[i].line;
        if (!lastfile || strcmp(fn, lastfile) != 0 || line != lastline || strcmp(name, lastname) != 0) {
            if (count > 3)
                fprintf(fp, "  [Previous line repeated %d more time%s]\n", count - 3, count - 3 > 1 ? "s" : "");
            lastfile = fn;
            lastname = name;
            lastline = line;
            count = 0;
        }
        if (++count > 3) continue;
        tb_print_entry(fp, c, line, e->tb[i].instr);
    }
    if (count > 3)
        fprintf(fp, "  [Previous line repeated %d more time%s]\n", count - 3, count - 3 > 1 ? "s" : "");
    if (exc_syntax_src.exc == val_as_obj(exc) && val_isinstance(exc, &exc_SyntaxError) && exc_syntax_block_hook &&
        fp == stderr) {
        fflush(fp);
        exc_syntax_block_hook(exc_syntax_src.err, exc_syntax_src.src, exc_syntax_src.len, exc_syntax_src.filename);
        return;
    }
    const char *name = val_type_name(exc);
    char qbuf[512];
    if (type_is_heap(val_type(exc))) name = class_exc_name(val_type(exc), qbuf, sizeof qbuf);
    else if (val_type(exc) == &exc_UnsupportedOperation) name = "io.UnsupportedOperation";
    Value s = obj_str(exc);
    if (s == VAL_ERROR) {
        err_clear();
        fprintf(fp, "%s: <exception str() failed>\n", name);
        return;
    }
    Str *hint = unraisable ? NULL : suggestion(e);
    if (unraisable || (val_is_str(s) && val_as_str(s)->len > 0)) {
        fprintf(fp, "%s: ", name);
        /* through stderr's error handler: a lone surrogate shows as \udcXX */
        if (textio_put(fp, val_as_str(s)->data, val_as_str(s)->len) < 0) err_clear();
    } else {
        fputs(name, fp);
    }
    if (hint) {
        Value r = obj_repr(str_val(hint));
        if (r != VAL_ERROR) {
            fputs(". Did you mean: ", fp);
            fwrite(val_as_str(r)->data, 1, (size_t)val_as_str(r)->len, fp);
            fputc('?', fp);
            decref(r);
        } else {
            err_clear();
        }
        obj_decref(hint);
    }
    fputc('\n', fp);
    decref(s);
}

static bool is_exc(Value v)
{
    return val_is_obj(v) && (val_as_obj(v)->type->flags & TYPE_EXCEPTION);
}

#define CHAIN_MAX 64
static void print_chain(Value exc, FILE *fp, Obj **seen, int nseen)
{
    Exc *e = (Exc *)val_as_obj(exc);
    if (nseen < CHAIN_MAX) {
        seen[nseen++] = val_as_obj(exc);
        Value next = VAL_UNDEF;
        const char *msg = NULL;
        if (is_exc(e->cause)) {
            next = e->cause;
            msg = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (e->cause == VAL_NONE && is_exc(e->context)) {
            next = e->context;
            msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        if (next != VAL_UNDEF) {
            bool dup = false;
            for (int i = 0; i < nseen; i++) if (seen[i] == val_as_obj(next)) dup = true;
            if (!dup) {
                print_chain(next, fp, seen, nseen);
                fputs(msg, fp);
            }
        }
    }
    print_one(exc, fp, false);
}

void exc_print(Value exc, void *file)
{
    FILE *fp = file ? (FILE *)file : stderr;
    if (!is_exc(exc)) {
        fputs("TypeError: print_exception(): Exception expected\n", fp);
        return;
    }
    Obj *seen[CHAIN_MAX];
    print_chain(exc, fp, seen, 0);
    fflush(fp);
}

void exc_print_unraisable(Value exc, void *file)
{
    FILE *fp = file ? (FILE *)file : stderr;
    if (!is_exc(exc)) {
        fputs("TypeError: print_exception(): Exception expected\n", fp);
        return;
    }
    print_one(exc, fp, true);
    fflush(fp);
}
