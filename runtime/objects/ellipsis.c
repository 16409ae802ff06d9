/* ellipsis.c — `...`: a constant with no behaviour of its own, used as a
 * placeholder (`def todo(): ...`) and by slicing libraries. One immortal
 * object, like None, so `x is ...` works. */
#include "objects/ellipsis.h"
#include "core/args.h"
#include "objects/str.h"
#include "core/error.h"
#include "objects/tuple.h"

static Value ellipsis_repr(Value v)
{
    (void)v;
    Str *s = str_from_cstr("Ellipsis");
    return s ? str_val(s) : VAL_ERROR;
}

static int ellipsis_hash(Value v, int64_t *out)
{
    uint64_t x = (uint64_t)(uintptr_t)val_as_obj(v);
    *out = (int64_t)((x >> 4) | (x << 60));
    if (*out == -1) *out = -2;
    return 0;
}

/* ellipsis() is the singleton itself, as type(...)() is in CPython. */
static Value ellipsis_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    (void)t;
    (void)args;
    if (args_type_none("EllipsisType", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_obj(&ellipsis_obj);
}

Type ellipsis_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "ellipsis", .size = sizeof(Obj),
    .repr = ellipsis_repr, .hash = ellipsis_hash, .new = ellipsis_new,
};

Obj ellipsis_obj = OBJ_HEAD_INIT(&ellipsis_type);
