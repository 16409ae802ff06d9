/* mod_import.c — `import m` of the user's own modules: m.scr in the main
 * script's directory, then in each directory of SCR_PATH (colon-separated).
 * The module is created, put in sys.modules before its code runs (so a
 * circular import sees it partially initialised, as in Python) and taken out
 * again if its code fails. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "core/interp.h"
#include "parse/ast.h"
#include "compile/compiler.h"
#include "vm/vm.h"
#include "api/run.h"
#include "parse/source.h"
#include "objects/module.h"
#include "core/vmcall.h"

static char *main_dir;          /* directory of the main script; NULL: the working directory */
static List *initializing;      /* modules whose code is running (partially initialised) */

void import_set_main_dir(const char *script_path)
{
    free(main_dir);
    main_dir = NULL;
    if (!script_path) return;
    const char *slash = strrchr(script_path, '/');
    size_t n = slash ? (size_t)(slash - script_path) : 0;
    if (slash && n == 0) n = 1;              /* "/x.scr": the root */
    if (!slash) return;
    main_dir = malloc(n + 1);
    if (!main_dir) return;
    memcpy(main_dir, script_path, n);
    main_dir[n] = 0;
}

bool import_is_initializing(Value module)
{
    if (!initializing) return false;
    for (int64_t i = 0; i < initializing->len; i++)
        if (initializing->items[i] == module) return true;
    return false;
}

/* dir/name.scr if it is a readable regular file: a new malloc'd path. */
static char *try_dir(const char *dir, const char *name)
{
    char cwd[4096];
    if (!dir || !*dir) {
        if (!getcwd(cwd, sizeof cwd)) return NULL;
        dir = cwd;
    }
    size_t n = strlen(dir) + strlen(name) + 6;
    char *p = malloc(n);
    if (!p) return NULL;
    snprintf(p, n, "%s%s%s.scr", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    FILE *f = fopen(p, "rb");
    if (!f) { free(p); return NULL; }
    fclose(f);
    return p;
}

static char *find_module(const char *name)
{
    /* -I: neither the script's directory nor the working directory */
    char *p = interp_config.isolated ? NULL : try_dir(main_dir, name);
    if (p) return p;
    const char *path = interp_getenv("SCR_PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        char dir[4096];
        if (n < sizeof dir) {
            memcpy(dir, path, n);
            dir[n] = 0;
            if (n > 0 && (p = try_dir(dir, name))) return p;
        }
        path = end ? end + 1 : NULL;
    }
    return NULL;
}

/* Compile src (named path in tracebacks) and run it as module `name`;
 * file: its __file__, or NULL for none. */
static Value load_source(Str *name, const char *path, const char *src, size_t len, const char *file_attr)
{
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    Node *tree = parse_module(src, len, path, &perr);
    Code *co = tree ? compile_module(tree, path, COMPILE_FILE, &perr) : NULL;
    if (tree) ast_free(tree);
    if (!co) {
        if (!err_occurred()) {
            err_format(perr.is_indent ? &exc_IndentationError : &exc_SyntaxError, "%s (%s, line %d)",
                       perr.msg, strrchr(path, '/') ? strrchr(path, '/') + 1 : path, perr.line);
            /* printed uncaught, it shows the module's line and caret */
            Value exc = err_fetch();
            exc_note_syntax_source(exc, &perr, sizeof perr, src, len, path);
            err_set_exc(exc);
        }
        return VAL_ERROR;
    }
    Value m = module_new(name->data);
    Str *fs = m == VAL_ERROR || !file_attr ? NULL : str_from_cstr(file_attr);
    Value file = fs ? str_val(fs) : VAL_ERROR;
    if (m == VAL_ERROR || (file_attr && file == VAL_ERROR) ||
        (file_attr && dict_set_cstr(((Module *)val_as_obj(m))->dict, "__file__", file) < 0) ||
        dict_set_str(interp.modules, name, m) < 0) {
        if (file != VAL_ERROR) decref(file);
        if (m != VAL_ERROR) decref(m);
        obj_decref(co);
        return VAL_ERROR;
    }
    if (file != VAL_ERROR) decref(file);
    if (!initializing && !(initializing = list_new(0))) { obj_decref(co); decref(m); return VAL_ERROR; }
    if (list_append(initializing, m) < 0) { obj_decref(co); decref(m); return VAL_ERROR; }
    Value r = vm_run_module(co, ((Module *)val_as_obj(m))->dict);
    obj_decref(co);
    for (int64_t i = initializing->len - 1; i >= 0; i--)
        if (initializing->items[i] == m) {
            Value x = initializing->items[i];
            memmove(&initializing->items[i], &initializing->items[i + 1],
                    (size_t)(initializing->len - i - 1) * sizeof(Value));
            initializing->len--;
            decref(x);
            break;
        }
    if (initializing->len == 0) {
        obj_decref(initializing);
        initializing = NULL;
    }
    if (r == VAL_ERROR) {
        Value e = err_fetch();
        if (dict_get_str(interp.modules, name) == m) {
            if (dict_del(interp.modules, str_val(name)) < 0) err_clear();
        }
        err_set_exc(e);
        decref(m);
        return VAL_ERROR;
    }
    decref(r);
    /* what sys.modules holds now is the result (a module may replace itself) */
    Value got = dict_get_str(interp.modules, name);
    decref(m);
    if (got == VAL_UNDEF || got == VAL_ERROR) {
        err_format(&exc_ImportError, "Loaded module %s not found in sys.modules", name->data);
        return VAL_ERROR;
    }
    incref(got);
    return got;
}

static Value load(Str *name, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_format(&exc_ImportError, "cannot read '%s': %s", path, strerror(errno));
        return VAL_ERROR;
    }
    size_t len = 0;
    char *src = run_read_all(f, &len);
    fclose(f);
    if (!src) { err_no_memory(); return VAL_ERROR; }
    /* decoded as its coding declaration says (PEP 263) */
    char *text;
    size_t n;
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    if (source_decode(src, len, false, &text, &n, &perr) < 0) {
        mem_free(text);
        mem_free(src);
        err_format(&exc_SyntaxError, "%s", perr.msg);
        return VAL_ERROR;
    }
    Value m = load_source(name, path, text ? text : src, text ? n : len, path);
    mem_free(text);
    mem_free(src);
    return m;
}

Value import_frozen_module(Str *name)
{
    for (const FrozenModule *fm = frozen_modules; fm->name; fm++) {
        if (!str_eq_cstr(name, fm->name)) continue;
        char label[128];
        snprintf(label, sizeof label, "<frozen %s>", fm->name);   /* as CPython names its frozen modules */
        return load_source(name, label, fm->src, fm->len, NULL);
    }
    return VAL_UNDEF;
}

char *import_find_module_file(const char *name)
{
    return find_module(name);
}

Value import_user_module(Str *name)
{
    char *path = find_module(name->data);
    if (!path) return VAL_UNDEF;
    Value m = load(name, path);
    free(path);
    return m;
}

void import_fini(void)
{
    if (initializing) obj_decref(initializing);
    initializing = NULL;
}
