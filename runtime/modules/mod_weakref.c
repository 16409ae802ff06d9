/* mod_weakref.c — the _weakref module: the C half of weakref (the ref type
 * and the counts). The containers and finalize are written in scr itself
 * (runtime/lib/weakref.scr), as CPython writes them in Python. */
#include "core/args.h"
#include "modules/module.h"
#include "objects/weakref.h"
#include "core/error.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/module.h"

static WeakRef **list_of(Value v)
{
    return val_is_obj(v) ? weakref_listptr(val_as_obj(v)) : NULL;
}

static Value f_getweakrefcount(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("_weakref", "getweakrefcount", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_int(list_of(args[0]) ? weakref_count(val_as_obj(args[0])) : 0);
}

static Value f_getweakrefs(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("_weakref", "getweakrefs", nargs, kwnames) < 0) return VAL_ERROR;
    List *l = list_new(0);
    if (!l) return VAL_ERROR;
    WeakRef **head = list_of(args[0]);
    for (WeakRef *r = head ? *head : NULL; r; r = r->next)
        if (list_append(l, val_from_obj(r)) < 0) {
            obj_decref(l);
            return VAL_ERROR;
        }
    return val_from_obj(l);
}

static const MethodDef weakref_functions[] = {
    {"getweakrefcount", f_getweakrefcount}, {"getweakrefs", f_getweakrefs},
    {NULL, NULL},
};

Value mod_weakref_init(void)
{
    Value m = module_new_with("_weakref", weakref_functions);
    if (m == VAL_ERROR) return VAL_ERROR;
    Dict *d = module_dict(m);
    if (dict_set_cstr(d, "ref", val_from_obj(&weakref_type)) < 0 ||
        dict_set_cstr(d, "ReferenceType", val_from_obj(&weakref_type)) < 0) {
        decref(m);
        return VAL_ERROR;
    }
    return m;
}
