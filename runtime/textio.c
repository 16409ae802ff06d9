/* textio.c — sys.stdout / sys.stderr: objects with write() and flush() over
 * a stdio FILE*. print() recognises them and writes into the FILE* buffer
 * without building a call, which is what keeps output-heavy programs fast.
 */
#include <unistd.h>
#include "textio.h"
#include "error.h"
#include "str.h"
#include "dict.h"
#include "int.h"
#include "function.h"
#include "module.h"
#include "interp.h"

void textio_setup(void)
{
    if (isatty(fileno(stdout)))
        setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
    else
        setvbuf(stdout, NULL, _IOFBF, 1 << 16);
}

Value textio_new(FILE *fp, const char *name)
{
    TextIO *t = obj_alloc(&textio_type, sizeof(TextIO));
    if (!t) return VAL_ERROR;
    t->fp = fp;
    t->name = name;
    return val_from_obj(t);
}

static void textio_dealloc(Obj *o) { obj_free(o); }

static Value textio_repr(Value v)
{
    TextIO *t = (TextIO *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", t->name,
              t->fp == stdin ? "r" : "w");
    return sb_finish(&b);
}

int textio_write(Value file, const char *s, int64_t n)
{
    if (val_is_textio(file)) {
        TextIO *t = (TextIO *)val_as_obj(file);
        if (n > 0 && fwrite(s, 1, (size_t)n, t->fp) != (size_t)n && ferror(t->fp)) {
            clearerr(t->fp);
            err_set(&exc_OSError, "write failed");
            return -1;
        }
        return 0;
    }
    Str *str = str_new(s, n);
    if (!str) return -1;
    Value arg = str_val(str);
    Value m = obj_getattr_cstr(file, "write");
    if (m == VAL_ERROR) { decref(arg); return -1; }
    Value r = obj_call(m, &arg, 1, NULL);
    decref(m);
    decref(arg);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

int textio_flush(Value file)
{
    if (val_is_textio(file)) {
        fflush(((TextIO *)val_as_obj(file))->fp);
        return 0;
    }
    Value m = obj_getattr_cstr(file, "flush");
    if (m == VAL_ERROR) return -1;
    Value r = obj_call(m, NULL, 0, NULL);
    decref(m);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

Value textio_sys_stream(const char *name)
{
    if (!interp.modules) return VAL_UNDEF;
    Value sys = dict_get_cstr(interp.modules, "sys");
    if (sys == VAL_UNDEF || sys == VAL_ERROR || !val_is_obj(sys) || val_as_obj(sys)->type != &module_type)
        return VAL_UNDEF;
    Value v = dict_get_cstr(((Module *)val_as_obj(sys))->dict, name);
    return v == VAL_ERROR ? VAL_UNDEF : v;
}

static Value m_write(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw("write", kwnames) < 0) return VAL_ERROR;
    if (nargs != 2) {
        err_format(&exc_TypeError, "write() takes exactly one argument (%d given)", nargs - 1);
        return VAL_ERROR;
    }
    if (!val_is_str(args[1])) {
        err_format(&exc_TypeError, "write() argument must be str, not %s", val_type_name(args[1]));
        return VAL_ERROR;
    }
    Str *s = val_as_str(args[1]);
    if (textio_write(args[0], s->data, s->len) < 0) return VAL_ERROR;
    return int_from_i64(s->nchars);
}

static Value m_flush(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs;
    if (args_no_kw("flush", kwnames) < 0) return VAL_ERROR;
    fflush(((TextIO *)val_as_obj(args[0]))->fp);
    return VAL_NONE;
}

static Value m_isatty(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return val_from_bool(isatty(fileno(((TextIO *)val_as_obj(args[0]))->fp)));
}

static Value m_fileno(Value *args, int nargs, Tuple *kwnames)
{
    (void)nargs; (void)kwnames;
    return int_from_i64(fileno(((TextIO *)val_as_obj(args[0]))->fp));
}

static const MethodDef textio_methods[] = {
    {"write", m_write},
    {"flush", m_flush},
    {"isatty", m_isatty},
    {"fileno", m_fileno},
    {NULL, NULL},
};

Type textio_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "TextIOWrapper",
    .size = sizeof(TextIO),
    .dealloc = textio_dealloc,
    .repr = textio_repr,
    .methods = textio_methods,
};
