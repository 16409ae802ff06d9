/* lifecycle.c — starting and stopping the one interpreter of the process
 * (lifecycle.h). It sits above the runtime because it assembles all of it:
 * the types' method dicts, the builtins, the module table with sys loaded,
 * sys.argv; interp_free tears everything down so that a leak checker sees
 * no block left behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include "api/lifecycle.h"
#include "core/interp.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/range.h"
#include "objects/function.h"
#include "objects/module.h"
#include "modules/module.h"
#include "builtins/builtins.h"
#include "objects/iterators.h"
#include "objects/textio.h"
#include "objects/fileio.h"
#include "memory/gc.h"
#include "objects/bytes.h"

/* Types whose method dicts interp_init builds and interp_free releases. */
static Type *const library_types[] = {
    &function_type, &builtin_type, &method_type, &cell_type, &module_type, &textio_type,
    &fileio_type,
    &map_type, &filter_type, &zip_type, &enumerate_type, &reversed_type, &callable_iterator_type,
    &str_type, &int_type, &bool_type, &none_type, &float_type, &tuple_type, &list_type,
    &dict_type, &range_type, &slice_type, &type_type,
    NULL,
};

static void fatal(const char *what)
{
    fprintf(stderr, "scr: cannot initialise the interpreter (%s)\n", what);
    exit(1);
}

_Static_assert(sizeof(void *) == 8, "NaN-boxing needs 64-bit pointers");

/* NaN-boxing keeps a pointer in the low 48 bits of a value (value.h). Linux on
 * x86-64 and aarch64 hands out user addresses below 2**47 unless a program
 * asks for more, but check once, in every build, rather than trust it: a small
 * block, a large (mmap'd) block and the stack. */
static void check_48bit_addresses(void)
{
    int on_stack = 0;
    void *small = mem_alloc(16), *large = mem_alloc((size_t)1 << 20);
    uintptr_t hi = (uintptr_t)&on_stack | (uintptr_t)small | (uintptr_t)large;
    mem_free(small);
    mem_free(large);
    if (hi >> 48) {
        fprintf(stderr, "scr: this platform gives addresses above 48 bits, which NaN-boxed values cannot hold\n");
        exit(1);
    }
}

void interp_init(int argc, char **argv)
{
    check_48bit_addresses();
    interp.recursion_limit = 1000;
    interp.depth = 0;
    interp.main_module = VAL_NONE;
    gc_init();
    textio_setup();
    for (int i = 0; library_types[i]; i++) type_ready(library_types[i]);
    dict_type_init();   /* binds dict.fromkeys to the type, a classmethod */
    interp.builtins = builtins_init();
    if (!interp.builtins) fatal("builtins");
    interp.modules = dict_new();
    if (!interp.modules) fatal("modules");
    interp.argv = list_new(argc > 0 ? argc : 1);
    if (!interp.argv) fatal("argv");
    for (int i = 0; i < argc; i++) {
        /* undecodable bytes become lone surrogates, as CPython's sys.argv */
        Value s = codec_decode_os(argv[i], (int64_t)strlen(argv[i]));
        if (s == VAL_ERROR || list_append_steal(interp.argv, s) < 0) fatal("argv");
    }
    if (argc == 0) {
        Str *s = str_from_cstr("");
        if (!s || list_append_steal(interp.argv, str_val(s)) < 0) fatal("argv");
    }
    Str *sys = str_intern_cstr("sys");
    if (!sys) fatal("sys");
    Value m = module_import(sys);
    obj_decref(sys);
    if (m == VAL_ERROR) fatal("sys");
    decref(m);
}

static void clear_module(Value m)
{
    /* the builtins module's dict is interp.builtins, emptied last */
    if (val_is_obj(m) && val_as_obj(m)->type == &module_type && ((Module *)val_as_obj(m))->dict
        && ((Module *)val_as_obj(m))->dict != interp.builtins)
        dict_clear(((Module *)val_as_obj(m))->dict);
}

static void release_type_dict(Type *t)
{
    Dict *d = t->dict;
    if (!d) return;
    t->dict = NULL;
    obj_decref(d);
}

void interp_free(void)
{
    fflush(stdout);
    fflush(stderr);
    /* Tear-down runs no automatic collection, callback or DEBUG_* output. */
    gc_set_enabled(false);
    gc_set_debug(0);
    /* Functions hold their globals and globals hold the functions: empty
     * every module dict first, __main__ before the library modules. */
    clear_module(interp.main_module);
    if (interp.modules) {
        int64_t pos = 0;
        Value k, v;
        while (dict_next(interp.modules, &pos, &k, &v)) clear_module(v);
        dict_clear(interp.modules);
    }
    Value main = interp.main_module;
    interp.main_module = VAL_NONE;
    decref(main);
    if (interp.modules) { obj_decref(interp.modules); interp.modules = NULL; }
    if (interp.builtins) {
        dict_clear(interp.builtins);
        obj_decref(interp.builtins);
        interp.builtins = NULL;
    }
    if (interp.argv) { obj_decref(interp.argv); interp.argv = NULL; }
    /* What is left are cycles (a function and its defaults, a list holding
     * itself, gc.garbage): collect until every one is freed. */
    gc_fini();
    for (int i = 0; library_types[i]; i++) release_type_dict(library_types[i]);
    for (int i = 0; exc_builtin_types[i]; i++) release_type_dict(exc_builtin_types[i]);
    type_release_dicts();    /* any other type readied on the way (set, bytes, ...) */
    str_methods_cleanup();
    str_intern_clear();
}
