/* module.c — module objects (a name and a dict of globals) and `import` of
 * the builtin modules, each created once and cached in interp.modules
 * (sys.modules).
 */
#include "modules/module.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "core/interp.h"
#include "builtins/sitebuiltins.h"
#include "objects/docstrings.h"
#include <stdio.h>

const BuiltinModule builtin_modules[] = {
    {"sys", mod_sys_init},
    {"time", mod_time_init},
    {"math", mod_math_init},
    {"gc", mod_gc_init},
    {"tracemalloc", mod_tracemalloc_init},
    {"os", mod_os_init},
    {"os.path", mod_os_path_init},       /* the os module's path (posixpath) */
    {"_weakref", mod_weakref_init},
    {"atexit", mod_atexit_init},
    {"builtins", mod_builtins_init},     /* runtime/builtins/sitebuiltins.c */
    {"_pydoc", mod_pydoc_init},
    {NULL, NULL},
};

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

Value module_import(Str *name)
{
    Value m = dict_get_str(interp.modules, name);
    if (m != VAL_UNDEF && m != VAL_ERROR) {
        incref(m);
        return m;
    }
    for (const BuiltinModule *bm = builtin_modules; bm->name; bm++) {
        if (!str_eq_cstr(name, bm->name)) continue;
        m = bm->init();
        if (m == VAL_ERROR) return VAL_ERROR;
        char key[64];
        snprintf(key, sizeof key, "module:%s", bm->name);
        const char *doc = doc_lookup(NULL, key, NULL);
        Str *ds = doc ? str_from_cstr(doc) : NULL;
        if (ds) {
            Dict *d = ((Module *)val_as_obj(m))->dict;
            if (dict_set_cstr(d, "__doc__", str_val(ds)) < 0) err_clear();
            obj_decref(ds);
        } else if (doc) {
            err_clear();
        }
        if (dict_set_str(interp.modules, name, m) < 0) {
            decref(m);
            return VAL_ERROR;
        }
        return m;
    }
    m = import_frozen_module(name);         /* runtime/lib/NAME.scr, built in */
    if (m != VAL_UNDEF) return m;
    m = import_user_module(name);           /* src/api/import.c */
    if (m != VAL_UNDEF) return m;
    err_format(&exc_ModuleNotFoundError, "No module named '%s'", name->data);
    return VAL_ERROR;
}

Value module_import_attr(const char *name, const char *attr)
{
    Str *n = str_intern_cstr(name);
    if (!n) return VAL_ERROR;
    Value m = module_import(n);
    obj_decref(n);
    if (m == VAL_ERROR) return VAL_ERROR;
    Value r = obj_getattr_cstr(m, attr);
    decref(m);
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
