/* mod_atexit.c — the atexit module: functions to call when the program
 * ends, last registered first, before the interpreter tears anything down
 * (src/vm/vm.c's vm_free calls atexit_run while the VM can still run code).
 * weakref.finalize relies on it, as in CPython. */
#include <stdio.h>
#include <string.h>
#include <limits.h>

#include "core/args.h"
#include "modules/module.h"
#include "objects/textio.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "memory/mem.h"
#include "objects/module.h"

/* Entries (func, args tuple, kwargs dict or None); owned here. */
static List *callbacks;

static Value f_register(Value *args, int nargs, Tuple *kwnames)
{
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (args_takes("atexit", "register", nargs, NULL, 1, INT_MAX) < 0) return VAL_ERROR;
    if (!val_type(args[0])->call) {
        err_set(&exc_TypeError, "the first argument must be callable");
        return VAL_ERROR;
    }
    if (!callbacks && !(callbacks = list_new(0))) return VAL_ERROR;
    Tuple *pos = tuple_new(nargs - 1);
    Dict *kw = nkw ? dict_new() : NULL;
    Tuple *entry = NULL;
    if (!pos || (nkw && !kw)) goto fail;
    for (int i = 1; i < nargs; i++) {
        incref(args[i]);
        pos->items[i - 1] = args[i];
    }
    for (int i = 0; i < nkw; i++)
        if (dict_set(kw, kwnames->items[i], args[nargs + i]) < 0) goto fail;
    entry = tuple_pack(3, args[0], val_from_obj(pos), kw ? val_from_obj(kw) : VAL_NONE);
    if (!entry || list_append(callbacks, val_from_obj(entry)) < 0) goto fail;
    obj_decref(entry);
    obj_decref(pos);
    if (kw) obj_decref(kw);
    incref(args[0]);
    return args[0];
fail:
    if (entry) obj_decref(entry);
    if (pos) obj_decref(pos);
    if (kw) obj_decref(kw);
    return VAL_ERROR;
}

static Value f_unregister(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("atexit", "unregister", nargs, kwnames) < 0) return VAL_ERROR;
    for (int64_t i = 0; callbacks && i < callbacks->len;) {
        Tuple *e = (Tuple *)val_as_obj(callbacks->items[i]);
        Value f = e->items[0];
        incref(f);
        int eq = obj_eq(f, args[0]);
        decref(f);
        if (eq < 0) return VAL_ERROR;
        /* the list may have changed during __eq__: look again at i */
        if (eq && i < callbacks->len && (Tuple *)val_as_obj(callbacks->items[i]) == e) {
            Value x = callbacks->items[i];
            memmove(&callbacks->items[i], &callbacks->items[i + 1],
                    (size_t)(callbacks->len - i - 1) * sizeof(Value));
            callbacks->len--;
            decref(x);
        } else {
            i++;
        }
    }
    return VAL_NONE;
}

/* func(*pos, **kw) */
static Value call_entry(Value func, Tuple *pos, Dict *kw)
{
    int64_t np = pos->len, nk = kw ? kw->used : 0;
    Value *argv = mem_alloc_array((size_t)(np + nk + 1), sizeof(Value));
    Tuple *names = nk ? tuple_new(nk) : NULL;
    if (!argv || (nk && !names)) {
        mem_free(argv);
        if (names) obj_decref(names);
        err_no_memory();
        return VAL_ERROR;
    }
    for (int64_t i = 0; i < np; i++) argv[i] = pos->items[i];
    int64_t pos_i = 0, j = 0;
    Value k, v;
    while (kw && dict_next(kw, &pos_i, &k, &v)) {
        incref(k);
        names->items[j] = k;
        argv[np + j++] = v;
    }
    Value r = obj_call(func, argv, (int)np, names);
    if (names) obj_decref(names);
    mem_free(argv);
    return r;
}

void atexit_run(void)
{
    while (callbacks && callbacks->len > 0) {
        Value item = list_pop_last(callbacks);
        Tuple *e = (Tuple *)val_as_obj(item);
        Tuple *pos = (Tuple *)val_as_obj(e->items[1]);
        Value kw = e->items[2];
        Value r = call_entry(e->items[0], pos, kw == VAL_NONE ? NULL : val_as_dict(kw));
        if (r == VAL_ERROR) {
            if (err_matches(&exc_SystemExit)) {
                err_clear();
            } else {
                Value exc = err_fetch();
                textio_flush_stdout_quiet();
                Value rep = obj_repr(e->items[0]);
                if (rep == VAL_ERROR) err_clear();
                fprintf(stderr, "Exception ignored in atexit callback: %s\n",
                        rep != VAL_ERROR ? val_as_str(rep)->data : "?");
                if (rep != VAL_ERROR) decref(rep);
                if (exc != VAL_UNDEF) {
                    exc_print_unraisable(exc, stderr);
                    decref(exc);
                }
            }
        } else {
            decref(r);
        }
        decref(item);
    }
    if (callbacks) {
        List *l = callbacks;
        callbacks = NULL;
        obj_decref(l);
    }
}

static Value f_run_exitfuncs(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    atexit_run();
    return VAL_NONE;
}

static Value f_clear(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    if (callbacks) {
        List *l = callbacks;
        callbacks = NULL;
        obj_decref(l);
    }
    return VAL_NONE;
}

static const MethodDef atexit_functions[] = {
    {"register", f_register}, {"unregister", f_unregister},
    {"_run_exitfuncs", f_run_exitfuncs}, {"_clear", f_clear},
    {NULL, NULL},
};

Value mod_atexit_init(void) { return module_new_with("atexit", atexit_functions); }
