/* module.c — module objects: a name and a dict of globals (module.h). */
#include "objects/module.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "core/interp.h"
#include "core/vmcall.h"
#include <stdio.h>

Value module_new(const char *name)
{
    Str *n = str_intern_cstr(name);
    if (!n) return VAL_ERROR;
    Dict *d = dict_new();
    if (!d) { obj_decref(n); return VAL_ERROR; }
    Module *m = obj_alloc(&module_type, sizeof(Module));
    if (!m) { obj_decref(n); obj_decref(d); return VAL_ERROR; }
    m->name = n;
    m->dict = d;
    if (dict_set_cstr(d, "__name__", str_val(n)) < 0 || dict_set_cstr(d, "__doc__", VAL_NONE) < 0) {
        obj_decref(m);
        return VAL_ERROR;
    }
    return val_from_obj(m);
}

int module_add_functions(Dict *d, const MethodDef *fns)
{
    for (const MethodDef *f = fns; f->name; f++)
        if (module_add_function(d, f->name, f->fn) < 0) return -1;
    return 0;
}

Value module_new_with(const char *name, const MethodDef *fns)
{
    Value m = module_new(name);
    if (m == VAL_ERROR) return VAL_ERROR;
    if (module_add_functions(module_dict(m), fns) < 0) {
        decref(m);
        return VAL_ERROR;
    }
    return m;
}

int module_add_function(Dict *d, const char *name, CFunc fn)
{
    Value f = builtin_new(name, fn, VAL_UNDEF);
    if (f == VAL_ERROR) return -1;
    Value mod = dict_get_cstr(d, "__name__");      /* f.__module__, and its doc's key */
    if (val_is_str(mod)) {
        incref(mod);
        ((Builtin *)val_as_obj(f))->module = val_as_str(mod);
    }
    int r = dict_set_cstr(d, name, f);
    decref(f);
    return r;
}

static void module_dealloc(Obj *o)
{
    Module *m = (Module *)o;
    if (m->dict) obj_decref(m->dict);
    if (m->name) obj_decref(m->name);
    obj_free(o);
}

static void module_traverse(Obj *o, VisitProc visit, void *arg)
{
    Module *m = (Module *)o;
    if (m->dict) visit((Obj *)m->dict, arg);
}

/* The dict stays (attribute lookups must keep working); emptying it breaks the cycle. */
static void module_clear(Obj *o)
{
    Module *m = (Module *)o;
    if (m->dict) dict_clear(m->dict);
}

static Value module_repr(Value v)
{
    Module *m = (Module *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    Value file = dict_get_cstr(m->dict, "__file__");
    if (val_is_str(file))
        sb_printf(&b, "<module '%s' from '%s'>", m->name->data, val_as_str(file)->data);
    else
        sb_printf(&b, "<module '%s' (built-in)>", m->name->data);
    return sb_finish(&b);
}

static Value module_getattr(Value o, Str *name)
{
    Module *m = (Module *)val_as_obj(o);
    Value v = dict_get_str(m->dict, name);
    if (v != VAL_UNDEF && v != VAL_ERROR) {
        incref(v);
        return v;
    }
    if (str_eq_cstr(name, "__dict__")) {
        obj_incref(m->dict);
        return val_from_obj(m->dict);
    }
    if (import_is_initializing(o))
        err_format(&exc_AttributeError, "partially initialized module '%s' has no attribute '%s' "
                   "(most likely due to a circular import)", m->name->data, name->data);
    else
        err_format(&exc_AttributeError, "module '%s' has no attribute '%s'", m->name->data, name->data);
    return VAL_ERROR;
}

static int module_setattr(Value o, Str *name, Value v)
{
    Module *m = (Module *)val_as_obj(o);
    if (v != VAL_UNDEF) return dict_set_str(m->dict, name, v);
    Value old = dict_get_str(m->dict, name);
    if (old == VAL_UNDEF || old == VAL_ERROR) {
        err_format(&exc_AttributeError, "module '%s' has no attribute '%s'", m->name->data, name->data);
        return -1;
    }
    return dict_del(m->dict, str_val(name));
}

Type module_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "module",
    .size = sizeof(Module),
    .flags = TYPE_CONTAINER,
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .traverse = module_traverse,
    .clear = module_clear,
};
