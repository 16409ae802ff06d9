/* registry.c — the builtin modules written in C and `import` of a module by
 * name (module.h): each is created once and cached in interp.modules
 * (sys.modules). */
#include <stdio.h>
#include "modules/module.h"
#include "objects/module.h"
#include "core/error.h"
#include "core/vmcall.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "core/interp.h"
#include "builtins/sitebuiltins.h"
#include "objects/docstrings.h"

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

