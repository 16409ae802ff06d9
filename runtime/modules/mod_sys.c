/* mod_sys.c — the sys module: argv, exit, the recursion limit, reference
 * counts, memory readings (getsizeof, getallocatedblocks, the scr-only
 * getrss), the standard streams and a few constants describing the platform.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include "core/args.h"
#include "memory/mem.h"
#include "memory/gc.h"
#include "modules/module.h"
#include "core/interp.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/function.h"
#include "objects/textio.h"
#include "objects/bytes.h"
#include "core/vmcall.h"
#include "objects/module.h"

#ifndef SCR_VERSION
#define SCR_VERSION "0.1.0"
#endif

/* CPython 3.12 reports this for immortal objects; scr for unboxed values too. */
#define REFCNT_IMMORTAL INT64_C(4294967295)

Value sys_exit(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("sys", "exit", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    /* sys.exit(None) raises SystemExit() as CPython's PyErr_SetObject does */
    Value exc = exc_new(&exc_SystemExit, args, nargs == 1 && args[0] == VAL_NONE ? 0 : nargs);
    if (exc == VAL_ERROR) return VAL_ERROR;
    err_set_exc(exc);
    return VAL_ERROR;
}

Value sys_getrefcount(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("sys", "getrefcount", nargs, kwnames) < 0) return VAL_ERROR;
    if (!val_is_obj(args[0])) return int_from_i64(REFCNT_IMMORTAL);
    intptr_t rc = val_as_obj(args[0])->refcnt;
    if (rc >= OBJ_IMMORTAL / 2) return int_from_i64(REFCNT_IMMORTAL);
    return int_from_i64(rc);
}

static Value f_getrecursionlimit(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("sys", "getrecursionlimit", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64(interp.recursion_limit);
}

static Value f_setrecursionlimit(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("sys", "setrecursionlimit", nargs, kwnames) < 0) return VAL_ERROR;
    if (val_is_float(args[0])) {
        err_set(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return VAL_ERROR;
    }
    int64_t n;
    if (val_index(args[0], &n) < 0) return VAL_ERROR;
    if (n > INT32_MAX || n < INT32_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VAL_ERROR;
    }
    if (n < 1) {
        err_set(&exc_ValueError, "recursion limit must be greater or equal than 1");
        return VAL_ERROR;
    }
    if (n <= interp.depth) {
        err_format(&exc_RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                   (int)n, interp.depth);
        return VAL_ERROR;
    }
    interp.recursion_limit = (int)n;
    return VAL_NONE;
}

/* sys.getsizeof: the bytes scr's own layout gives the object, computed as
 * CPython's __sizeof__ does (fixed part + variable part) plus the collector's
 * header for container types, as CPython adds its PyGC_Head. Values stored in
 * the 8-byte value word itself (ints in the inline range, floats, None, bools)
 * have nothing on the heap: they report 8, the size of the word. */
static size_t sizeof_value(Value v)
{
    if (!val_is_obj(v)) return sizeof(Value);
    Obj *o = val_as_obj(v);
    Type *t = o->type;
    size_t n = t->size;
    if (t == &str_type) {
        n = offsetof(Str, data) + (size_t)((Str *)o)->len + 1;
    } else if (t == &list_type) {
        List *l = (List *)o;
        n = sizeof(List) + (size_t)(l->cap > 0 ? l->cap : 0) * sizeof(Value);
    } else if (t == &tuple_type) {
        n = sizeof(Tuple) + (size_t)((Tuple *)o)->len * sizeof(Value);
    } else if (t == &dict_type) {
        Dict *d = (Dict *)o;
        n = sizeof(Dict);
        /* The index and the entries share one block: index first. */
        if (d->entries)
            n += (size_t)((char *)d->entries - (char *)d->index) + (size_t)d->cap * sizeof(DictEntry);
    }
    if (t->flags & TYPE_CONTAINER) n += GC_HEAD_SIZE;
    return n;
}

static Value f_getsizeof(Value *args, int nargs, Tuple *kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    Value a[2];
    if (args_bind("getsizeof", args, nargs, kwnames, names, 2, 1, a) < 0) return VAL_ERROR;
    return int_from_i64((int64_t)sizeof_value(a[0]));
}

static Value f_getallocatedblocks(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("sys", "getallocatedblocks", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64((int64_t)mem_allocated_blocks());
}

/* scr only: the resident set size from /proc/self/statm, in bytes (0 where
 * there is no /proc). Stands in for psutil's readings in the seed's demos. */
static Value f_getrss(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("sys", "getrss", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64((int64_t)mem_rss());
}

/* sys.excepthook(type, value, traceback): print value's traceback to
 * stderr, as the top level does with an uncaught exception. */
static Value f_excepthook(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("sys", "excepthook", nargs, kwnames, 3, 3) < 0) return VAL_ERROR;
    if (!val_isinstance(args[1], &exc_BaseException)) {
        err_format(&exc_TypeError, "print_exception(): Exception expected for value, %s found", val_type_name(args[1]));
        return VAL_ERROR;
    }
    textio_flush_stdout_quiet();
    exc_print(args[1], stderr);
    return VAL_NONE;
}

static int set_new(Dict *d, const char *name, Value v)
{
    if (v == VAL_ERROR) return -1;
    int r = dict_set_cstr(d, name, v);
    decref(v);
    return r;
}

static Value str_value(const char *s)
{
    Str *str = str_from_cstr(s);
    return str ? str_val(str) : VAL_ERROR;
}

/* sys.stdin/stdout/stderr, or None when the descriptor is not open (as
 * CPython: `scr x.scr >&-` prints nothing rather than failing). */
static Value std_stream(FILE *fp, const char *name)
{
    if (fcntl(fileno(fp), F_GETFD) == -1 && errno == EBADF) return VAL_NONE;
    return textio_new(fp, name);
}

/* sys.exception() and sys.exc_info(): the exception an `except` block (or
 * a function it calls) is handling; scr has no traceback objects, so
 * exc_info's third item is None. */
static Value f_exception(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("sys", "exception", nargs, kwnames) < 0) return VAL_ERROR;
    return vm_handled_exception();
}

static Value f_exc_info(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("sys", "exc_info", nargs, kwnames) < 0) return VAL_ERROR;
    Value e = vm_handled_exception();
    Value t = e == VAL_NONE ? VAL_NONE : val_from_obj(val_type(e));
    Tuple *r = tuple_pack(3, t, e, VAL_NONE);
    decref(e);
    return r ? val_from_obj(r) : VAL_ERROR;
}

static const MethodDef sys_functions[] = {
    {"exit", sys_exit}, {"excepthook", f_excepthook}, {"exception", f_exception},
    {"exc_info", f_exc_info}, {"__excepthook__", f_excepthook}, {"getrefcount", sys_getrefcount},
    {"getrecursionlimit", f_getrecursionlimit}, {"setrecursionlimit", f_setrecursionlimit},
    {"getsizeof", f_getsizeof}, {"getallocatedblocks", f_getallocatedblocks}, {"getrss", f_getrss},
    {NULL, NULL},
};

Value mod_sys_init(void)
{
    Value m = module_new_with("sys", sys_functions);
    if (m == VAL_ERROR) return VAL_ERROR;
    Dict *d = module_dict(m);
    if (set_new(d, "stdout", std_stream(stdout, "<stdout>")) < 0
        || set_new(d, "stderr", std_stream(stderr, "<stderr>")) < 0
        || set_new(d, "stdin", std_stream(stdin, "<stdin>")) < 0
        || set_new(d, "version", str_value(SCR_VERSION)) < 0
        || set_new(d, "platform", str_value("linux")) < 0
        || set_new(d, "byteorder", str_value(
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
               "big"
#else
               "little"
#endif
               )) < 0
        || set_new(d, "maxsize", int_from_i64(INT64_MAX)) < 0)
        goto fail;
    if (dict_set_cstr(d, "__stdout__", dict_get_cstr(d, "stdout")) < 0
        || dict_set_cstr(d, "__stderr__", dict_get_cstr(d, "stderr")) < 0)
        goto fail;
    if (interp.argv && dict_set_cstr(d, "argv", val_from_obj(interp.argv)) < 0) goto fail;
    List *warn = list_new(0);
    if (!warn || set_new(d, "warnoptions", val_from_obj(warn)) < 0) goto fail;
    for (int i = 0; i < interp_config.nwarnoptions; i++) {
        const char *o = interp_config.warnoptions[i];
        Value w = codec_decode_os(o, (int64_t)strlen(o));
        if (w == VAL_ERROR || list_append_steal(warn, w) < 0) goto fail;
    }
    if (set_new(d, "dont_write_bytecode", val_from_bool(interp_config.dont_write_bytecode)) < 0) goto fail;
    if (interp.modules && dict_set_cstr(d, "modules", val_from_obj(interp.modules)) < 0) goto fail;
    return m;
fail:
    decref(m);
    return VAL_ERROR;
}
