/* test_vm.c — unit tests of the VM: hand-assembled code objects (calls,
 * argument binding, handlers, recursion limit, re-entry from C) and, through
 * run_source, whole programs and their exit statuses. */
#include "check_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include "vm/vm.h"
#include "api/run.h"
#include "compile/bytecode.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "core/interp.h"
#include "objects/operators.h"
#include "objects/module.h"
#include "api/lifecycle.h"

/* ---- a tiny assembler ---- */

typedef struct Asm {
    Instr code[256]; int ncode;
    Value consts[32]; int nconsts;
    const char *names[32]; int nnames;
    ExcHandler handlers[8]; int nhandlers;
} Asm;

static void op(Asm *a, int o, int arg) { a->code[a->ncode++] = INSTR(o, arg); }
static int konst(Asm *a, Value v) { a->consts[a->nconsts] = v; return a->nconsts++; }
static int name(Asm *a, const char *n)
{
    for (int i = 0; i < a->nnames; i++) if (strcmp(a->names[i], n) == 0) return i;
    a->names[a->nnames] = n;
    return a->nnames++;
}
static void handler(Asm *a, int start, int end, int target, int depth)
{
    a->handlers[a->nhandlers++] = (ExcHandler){ start, end, target, depth };
}

static Code *assemble(Asm *a, const char *cname, int nparams, const char *const *locals, int nlocals)
{
    Code *c = code_new();
    ck_assert_ptr_nonnull(c);
    c->ncode = a->ncode;
    c->code = mem_alloc_array((size_t)a->ncode, sizeof(Instr));
    memcpy(c->code, a->code, (size_t)a->ncode * sizeof(Instr));
    c->lines = mem_alloc_array((size_t)a->ncode, sizeof(int32_t));
    for (int i = 0; i < a->ncode; i++) c->lines[i] = i + 1;
    c->nconsts = a->nconsts;
    c->consts = mem_alloc_array(a->nconsts ? (size_t)a->nconsts : 1, sizeof(Value));
    memcpy(c->consts, a->consts, (size_t)a->nconsts * sizeof(Value));   /* steals */
    c->nnames = a->nnames;
    c->names = mem_alloc_array(a->nnames ? (size_t)a->nnames : 1, sizeof(Str *));
    for (int i = 0; i < a->nnames; i++) c->names[i] = str_intern_cstr(a->names[i]);
    c->nhandlers = a->nhandlers;
    c->handlers = mem_alloc_array(a->nhandlers ? (size_t)a->nhandlers : 1, sizeof(ExcHandler));
    memcpy(c->handlers, a->handlers, (size_t)a->nhandlers * sizeof(ExcHandler));
    c->nparams = nparams;
    c->nlocals = nlocals;
    c->localnames = mem_alloc_array(nlocals ? (size_t)nlocals : 1, sizeof(Str *));
    for (int i = 0; i < nlocals; i++) c->localnames[i] = str_intern_cstr(locals[i]);
    c->stacksize = 16;
    c->name = str_intern_cstr(cname);
    c->qualname = str_intern_cstr(cname);
    c->filename = str_intern_cstr("<test>");
    c->firstline = 1;
    return c;
}

static Dict *globals;

static void setup(void)
{
    char *argv[] = { "test" };
    interp_init(1, argv);
    vm_init();
    globals = dict_new();
}

static void teardown(void)
{
    dict_clear(globals);
    obj_decref(globals);
    vm_free();
    interp_free();
}

static Value run_code(Code *c)
{
    Value r = vm_run_module(c, globals);
    obj_decref(c);
    return r;
}

/* Ends a's module code with `return None` and runs it in globals: None,
 * or VAL_ERROR with the exception set. */
static Value run_module(Asm *a)
{
    op(a, OP_LOAD_CONST, konst(a, VAL_NONE));
    op(a, OP_RETURN_VALUE, 0);
    return run_code(assemble(a, "<module>", 0, NULL, 0));
}

/* The code of `def f(param): return callee(param)`. */
static Code *call_code(const char *callee, const char *param)
{
    Asm a = {0};
    op(&a, OP_LOAD_GLOBAL, name(&a, callee));
    op(&a, OP_LOAD_FAST, 0);
    op(&a, OP_CALL, 1);
    op(&a, OP_RETURN_VALUE, 0);
    const char *locals[] = { param };
    return assemble(&a, "f", 1, locals, 1);
}

static int64_t global_int(const char *n)
{
    Value v = dict_get_cstr(globals, n);
    ck_assert(val_is_int(v));
    return val_as_int(v);
}

static Code *fib_code(void)
{
    Asm a = {0};
    int c2 = konst(&a, val_from_int(2)), c1 = konst(&a, val_from_int(1));
    int g = name(&a, "fib");
    op(&a, OP_LOAD_FAST, 0);
    op(&a, OP_LOAD_CONST, c2);
    op(&a, OP_COMPARE_OP, CMP_LT);
    op(&a, OP_POP_JUMP_IF_FALSE, 6);
    op(&a, OP_LOAD_FAST, 0);
    op(&a, OP_RETURN_VALUE, 0);
    op(&a, OP_LOAD_GLOBAL, g);          /* 6 */
    op(&a, OP_LOAD_FAST, 0);
    op(&a, OP_LOAD_CONST, c1);
    op(&a, OP_BINARY_OP, BINOP_SUB);
    op(&a, OP_CALL, 1);
    op(&a, OP_LOAD_GLOBAL, g);
    op(&a, OP_LOAD_FAST, 0);
    op(&a, OP_LOAD_CONST, c2);
    op(&a, OP_BINARY_OP, BINOP_SUB);
    op(&a, OP_CALL, 1);
    op(&a, OP_BINARY_OP, BINOP_ADD);
    op(&a, OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "n" };
    return assemble(&a, "fib", 1, locals, 1);
}

/* module: def NAME = code (with defaults tuple if given) */
static void def(Asm *a, Code *fc, const char *fname, Value defaults)
{
    int mf = 0;
    if (defaults != VAL_UNDEF) { op(a, OP_LOAD_CONST, konst(a, defaults)); mf = MF_DEFAULTS; }
    op(a, OP_LOAD_CONST, konst(a, val_from_obj(fc)));
    op(a, OP_MAKE_FUNCTION, mf);
    op(a, OP_STORE_GLOBAL, name(a, fname));
}

START_TEST(test_arith_globals)
{
    Asm a = {0};
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(2)));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(40)));
    op(&a, OP_BINARY_OP, BINOP_ADD);
    op(&a, OP_STORE_GLOBAL, name(&a, "x"));
    Value r = run_module(&a);
    ck_assert(r == VAL_NONE);
    ck_assert_int_eq(global_int("x"), 42);
    ck_assert_int_eq(interp.depth, 0);
}
END_TEST

START_TEST(test_fib)
{
    Asm a = {0};
    def(&a, fib_code(), "fib", VAL_UNDEF);
    op(&a, OP_LOAD_GLOBAL, name(&a, "fib"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(20)));
    op(&a, OP_CALL, 1);
    op(&a, OP_STORE_GLOBAL, name(&a, "r"));
    Value r = run_module(&a);
    ck_assert(r == VAL_NONE);
    ck_assert_int_eq(global_int("r"), 6765);
    ck_assert_int_eq(interp.depth, 0);
    /* from C, through function_type.call -> vm_call_function */
    Value f = dict_get_cstr(globals, "fib");
    Value arg = val_from_int(15);
    Value v = obj_call(f, &arg, 1, NULL);
    ck_assert(val_is_int(v) && val_as_int(v) == 610);
}
END_TEST

/* try: x = 1 / 0  except ZeroDivisionError: x = 7 */
START_TEST(test_except)
{
    Asm a = {0};
    int one = konst(&a, val_from_int(1)), zero = konst(&a, val_from_int(0));
    int seven = konst(&a, val_from_int(7)), none = konst(&a, VAL_NONE);
    int x = name(&a, "x"), zde = name(&a, "ZeroDivisionError");
    op(&a, OP_LOAD_CONST, one);          /* 0 */
    op(&a, OP_LOAD_CONST, zero);
    op(&a, OP_BINARY_OP, BINOP_TRUEDIV);
    op(&a, OP_STORE_GLOBAL, x);
    op(&a, OP_JUMP, 15);                 /* 4 */
    op(&a, OP_PUSH_EXC_INFO, 0);         /* 5: [prev exc] */
    op(&a, OP_LOAD_GLOBAL, zde);
    op(&a, OP_CHECK_EXC_MATCH, 0);
    op(&a, OP_POP_JUMP_IF_FALSE, 14);
    op(&a, OP_POP_TOP, 0);               /* 9: [prev] */
    op(&a, OP_LOAD_CONST, seven);
    op(&a, OP_STORE_GLOBAL, x);
    op(&a, OP_POP_EXCEPT, 0);            /* 12 */
    op(&a, OP_JUMP, 15);
    op(&a, OP_RERAISE, 0);               /* 14: no clause matched: [prev exc] */
    op(&a, OP_LOAD_CONST, none);         /* 15 */
    op(&a, OP_RETURN_VALUE, 0);
    op(&a, OP_ROT_TWO, 0);               /* 17: cleanup [prev exc2] */
    op(&a, OP_POP_EXCEPT, 0);
    op(&a, OP_RERAISE, 0);
    handler(&a, 0, 4, 5, 0);
    handler(&a, 5, 12, 17, 1);
    handler(&a, 14, 15, 17, 1);
    Value r = run_code(assemble(&a, "<module>", 0, NULL, 0));
    ck_assert(r == VAL_NONE);
    ck_assert_int_eq(global_int("x"), 7);
    ck_assert_int_eq(interp.depth, 0);
}
END_TEST

/* The same with a non-matching clause: the exception escapes with a traceback. */
START_TEST(test_uncaught)
{
    Asm a = {0};
    int one = konst(&a, val_from_int(1)), zero = konst(&a, val_from_int(0));
    op(&a, OP_LOAD_CONST, one);
    op(&a, OP_LOAD_CONST, zero);
    op(&a, OP_BINARY_OP, BINOP_FLOORDIV);
    op(&a, OP_RETURN_VALUE, 0);
    Value r = run_code(assemble(&a, "<module>", 0, NULL, 0));
    ck_assert(r == VAL_ERROR);
    ck_assert(err_matches(&exc_ZeroDivisionError));
    Value e = err_fetch();
    Exc *ex = (Exc *)val_as_obj(e);
    ck_assert_int_eq(ex->ntb, 1);
    ck_assert_int_eq(ex->tb[0].line, 3);
    Value s = obj_str(e);
    ck_assert_str_eq(val_as_str(s)->data, "integer division or modulo by zero");
    decref(s);
    decref(e);
    ck_assert_int_eq(interp.depth, 0);
}
END_TEST

/* def f(n): return f(n)  -> RecursionError */
START_TEST(test_recursion)
{
    Code *fc = call_code("f", "n");
    Asm a = {0};
    def(&a, fc, "f", VAL_UNDEF);
    op(&a, OP_LOAD_GLOBAL, name(&a, "f"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(1)));
    op(&a, OP_CALL, 1);
    op(&a, OP_RETURN_VALUE, 0);
    Value r = run_code(assemble(&a, "<module>", 0, NULL, 0));
    ck_assert(r == VAL_ERROR);
    ck_assert(err_matches(&exc_RecursionError));
    Value e = err_fetch();
    ck_assert_int_eq(((Exc *)val_as_obj(e))->ntb, 1000);
    decref(e);
    ck_assert_int_eq(interp.depth, 0);
}
END_TEST

static const char *call_error(Value defaults, int nparams, int npos, const char *kw1, const char *kw2)
{
    static char msg[200];
    Asm fa = {0};
    op(&fa, OP_LOAD_CONST, konst(&fa, VAL_NONE));
    op(&fa, OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "a", "b", "c" };
    Code *fc = assemble(&fa, "f", nparams, locals, 3);
    Asm a = {0};
    def(&a, fc, "f", defaults);
    op(&a, OP_LOAD_GLOBAL, name(&a, "f"));
    for (int i = 0; i < npos; i++) op(&a, OP_LOAD_CONST, konst(&a, val_from_int(i)));
    int nkw = (kw1 ? 1 : 0) + (kw2 ? 1 : 0);
    if (nkw) {
        Tuple *t = tuple_new(nkw);
        t->items[0] = str_val(str_intern_cstr(kw1));
        if (kw2) t->items[1] = str_val(str_intern_cstr(kw2));
        for (int i = 0; i < nkw; i++) op(&a, OP_LOAD_CONST, konst(&a, val_from_int(10 + i)));
        op(&a, OP_LOAD_CONST, konst(&a, val_from_obj(t)));
        op(&a, OP_CALL_KW, npos + nkw);
    } else {
        op(&a, OP_CALL, npos);
    }
    op(&a, OP_RETURN_VALUE, 0);
    Value r = run_code(assemble(&a, "<module>", 0, NULL, 0));
    if (r != VAL_ERROR) { decref(r); return "ok"; }
    Value e = err_fetch();
    Value s = obj_str(e);
    snprintf(msg, sizeof msg, "%s", val_as_str(s)->data);
    decref(s);
    decref(e);
    ck_assert_int_eq(interp.depth, 0);
    return msg;
}

START_TEST(test_call_errors)
{
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 3, NULL, NULL), "f() takes 2 positional arguments but 3 were given");
    ck_assert_str_eq(call_error(VAL_UNDEF, 0, 1, NULL, NULL), "f() takes 0 positional arguments but 1 was given");
    Tuple *d = tuple_new(1);
    d->items[0] = val_from_int(5);
    ck_assert_str_eq(call_error(val_from_obj(d), 2, 3, NULL, NULL), "f() takes from 1 to 2 positional arguments but 3 were given");
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 1, NULL, NULL), "f() missing 1 required positional argument: 'b'");
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 0, NULL, NULL), "f() missing 2 required positional arguments: 'a' and 'b'");
    ck_assert_str_eq(call_error(VAL_UNDEF, 3, 0, NULL, NULL), "f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 1, "x", NULL), "f() got an unexpected keyword argument 'x'");
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 1, "a", NULL), "f() got multiple values for argument 'a'");
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 1, "b", NULL), "ok");
    ck_assert_str_eq(call_error(VAL_UNDEF, 2, 0, "b", "a"), "ok");
    ck_assert_str_eq(call_error(VAL_UNDEF, 3, 0, "b", NULL), "f() missing 2 required positional arguments: 'a' and 'c'");
}
END_TEST

/* def f(x, y=2): return x * 10 + y; called as f(y=5, x=1) and f(3) */
START_TEST(test_kwargs)
{
    Asm fa = {0};
    op(&fa, OP_LOAD_FAST, 0);
    op(&fa, OP_LOAD_CONST, konst(&fa, val_from_int(10)));
    op(&fa, OP_BINARY_OP, BINOP_MUL);
    op(&fa, OP_LOAD_FAST, 1);
    op(&fa, OP_BINARY_OP, BINOP_ADD);
    op(&fa, OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "x", "y", "z" };
    Code *fc = assemble(&fa, "f", 2, locals, 3);
    Tuple *d = tuple_new(1);
    d->items[0] = val_from_int(2);
    Asm a = {0};
    def(&a, fc, "f", val_from_obj(d));
    op(&a, OP_LOAD_GLOBAL, name(&a, "f"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(5)));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(1)));
    Tuple *kw = tuple_new(2);
    kw->items[0] = str_val(str_intern_cstr("y"));
    kw->items[1] = str_val(str_intern_cstr("x"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_obj(kw)));
    op(&a, OP_CALL_KW, 2);
    op(&a, OP_STORE_GLOBAL, name(&a, "r1"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "f"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(3)));
    op(&a, OP_CALL, 1);
    op(&a, OP_STORE_GLOBAL, name(&a, "r2"));
    ck_assert(run_module(&a) == VAL_NONE);
    ck_assert_int_eq(global_int("r1"), 15);
    ck_assert_int_eq(global_int("r2"), 32);
}
END_TEST

/* l = []; l.append(3); l.append(4); n = len(l); for i in range(5): s += i; for v in l: t += v */
START_TEST(test_methods_loops)
{
    Asm a = {0};
    int l = name(&a, "l"), s = name(&a, "s"), t = name(&a, "t");
    int zero = konst(&a, val_from_int(0));
    op(&a, OP_BUILD_LIST, 0);
    op(&a, OP_STORE_GLOBAL, l);
    for (int k = 3; k <= 4; k++) {
        op(&a, OP_LOAD_GLOBAL, l);
        op(&a, OP_LOAD_METHOD, name(&a, "append"));
        op(&a, OP_LOAD_CONST, konst(&a, val_from_int(k)));
        op(&a, OP_CALL, 1 | CALL_METHOD);
        op(&a, OP_POP_TOP, 0);
    }
    op(&a, OP_LOAD_CONST, zero);
    op(&a, OP_STORE_GLOBAL, s);
    op(&a, OP_LOAD_GLOBAL, name(&a, "range"));   /* 14 */
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(5)));
    op(&a, OP_CALL, 1);
    op(&a, OP_GET_ITER, 0);
    int loop = a.ncode;
    op(&a, OP_FOR_ITER, 0);                        /* patched */
    op(&a, OP_LOAD_GLOBAL, s);
    op(&a, OP_BINARY_OP, BINOP_ADD + BINOP__COUNT);
    op(&a, OP_STORE_GLOBAL, s);
    op(&a, OP_JUMP, loop);
    a.code[loop] = INSTR(OP_FOR_ITER, a.ncode);
    op(&a, OP_LOAD_CONST, zero);
    op(&a, OP_STORE_GLOBAL, t);
    op(&a, OP_LOAD_GLOBAL, l);
    op(&a, OP_GET_ITER, 0);
    loop = a.ncode;
    op(&a, OP_FOR_ITER, 0);
    op(&a, OP_LOAD_GLOBAL, t);
    op(&a, OP_ROT_TWO, 0);
    op(&a, OP_BINARY_OP, BINOP_ADD);
    op(&a, OP_STORE_GLOBAL, t);
    op(&a, OP_JUMP, loop);
    a.code[loop] = INSTR(OP_FOR_ITER, a.ncode);
    op(&a, OP_LOAD_GLOBAL, name(&a, "len"));
    op(&a, OP_LOAD_GLOBAL, l);
    op(&a, OP_CALL, 1);
    op(&a, OP_STORE_GLOBAL, name(&a, "n"));
    ck_assert(run_module(&a) == VAL_NONE);
    ck_assert_int_eq(global_int("n"), 2);
    ck_assert_int_eq(global_int("s"), 10);
    ck_assert_int_eq(global_int("t"), 7);
}
END_TEST

/* getrefcount(x) inside def f(x) is 3 (CPython 3.11) */
START_TEST(test_refcount_in_call)
{
    Code *fc = call_code("getrefcount", "x");
    Asm a = {0};
    def(&a, fc, "f", VAL_UNDEF);
    op(&a, OP_BUILD_LIST, 0);
    op(&a, OP_STORE_GLOBAL, name(&a, "a"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "f"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "a"));
    op(&a, OP_CALL, 1);
    op(&a, OP_STORE_GLOBAL, name(&a, "r"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "getrefcount"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "a"));
    op(&a, OP_CALL, 1);
    op(&a, OP_STORE_GLOBAL, name(&a, "r0"));
    ck_assert(run_module(&a) == VAL_NONE);
    ck_assert_int_eq(global_int("r"), 3);
    ck_assert_int_eq(global_int("r0"), 2);
}
END_TEST

/* list(map(fib, [10, 11])) re-enters the VM from C */
START_TEST(test_reentry)
{
    Asm a = {0};
    def(&a, fib_code(), "fib", VAL_UNDEF);
    op(&a, OP_LOAD_GLOBAL, name(&a, "list"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "map"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "fib"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(10)));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(11)));
    op(&a, OP_BUILD_LIST, 2);
    op(&a, OP_CALL, 2);
    op(&a, OP_CALL, 1);
    op(&a, OP_UNPACK_SEQUENCE, 2);
    op(&a, OP_STORE_GLOBAL, name(&a, "x"));
    op(&a, OP_STORE_GLOBAL, name(&a, "y"));
    ck_assert(run_module(&a) == VAL_NONE);
    ck_assert_int_eq(global_int("x"), 55);
    ck_assert_int_eq(global_int("y"), 89);
}
END_TEST

/* PRINT_EXPR (the REPL's echo) binds builtins._; a bound builtin method
 * (LOAD_ATTR, then CALL) gets its self prepended. */
START_TEST(test_print_expr_bound)
{
    Asm a = {0};
    op(&a, OP_BUILD_LIST, 0);
    op(&a, OP_STORE_GLOBAL, name(&a, "l"));
    op(&a, OP_LOAD_GLOBAL, name(&a, "l"));
    op(&a, OP_LOAD_ATTR, name(&a, "append"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(9)));
    op(&a, OP_CALL, 1);
    op(&a, OP_POP_TOP, 0);
    op(&a, OP_LOAD_GLOBAL, name(&a, "l"));
    op(&a, OP_LOAD_CONST, konst(&a, val_from_int(0)));
    op(&a, OP_BINARY_SUBSCR, 0);
    op(&a, OP_PRINT_EXPR, 0);
    op(&a, OP_LOAD_CONST, konst(&a, VAL_NONE));
    op(&a, OP_PRINT_EXPR, 0);
    ck_assert(run_module(&a) == VAL_NONE);
    Value u = dict_get_cstr(interp.builtins, "_");
    ck_assert(val_is_int(u) && val_as_int(u) == 9);
}
END_TEST

/* ---- whole programs (needs the parser and compiler) ---- */

static int run_prog(const char *src)
{
    fflush(stdout);
    fflush(stderr);
    int saved = dup(2);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    close(devnull);
    int st = run_source(src, strlen(src), "<string>");
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    return st;
}

static int64_t main_int(const char *n)
{
    Module *m = (Module *)val_as_obj(interp.main_module);
    Value v = dict_get_cstr(m->dict, n);
    ck_assert(val_is_int(v));
    return val_as_int(v);
}

START_TEST(test_programs)
{
    ck_assert_int_eq(run_prog("x = 1\n"), 0);
    ck_assert_int_eq(run_prog("raise ValueError('x')\n"), 1);
    ck_assert_int_eq(run_prog("import sys\nsys.exit(3)\n"), 3);
    ck_assert_int_eq(run_prog("import sys\nsys.exit()\n"), 0);
    ck_assert_int_eq(run_prog("import sys\nsys.exit('bye')\n"), 1);
    ck_assert_int_eq(run_prog("x = = 1\n"), 1);
    ck_assert_int_eq(run_prog(
        "def f(n):\n    return f(n + 1)\n"
        "try:\n    f(0)\nexcept RecursionError:\n    ok = 1\n"), 0);
    ck_assert_int_eq(main_int("ok"), 1);
    ck_assert_int_eq(run_prog(
        "def f():\n    try:\n        return 1\n    finally:\n        global fin\n        fin = 5\n"
        "r = f()\n"), 0);
    ck_assert_int_eq(main_int("r"), 1);
    ck_assert_int_eq(main_int("fin"), 5);
    ck_assert_int_eq(run_prog(
        "n = 0\ntry:\n    try:\n        1/0\n    except ZeroDivisionError:\n        raise KeyError(1)\n"
        "except KeyError as e:\n    n = 1 if isinstance(e.__context__, ZeroDivisionError) else 2\n"), 0);
    ck_assert_int_eq(main_int("n"), 1);
    ck_assert_int_eq(run_prog(
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nr = fib(20)\n"), 0);
    ck_assert_int_eq(main_int("r"), 6765);
    ck_assert_int_eq(run_prog(
        "r = 0\ntry:\n    raise\nexcept RuntimeError:\n    r = 1\n"), 0);
    ck_assert_int_eq(main_int("r"), 1);
    ck_assert_int_eq(run_prog(
        "r = 0\ntry:\n    try:\n        [][1]\n    except 3:\n        pass\nexcept TypeError:\n    r = 1\n"), 0);
    ck_assert_int_eq(main_int("r"), 1);
    ck_assert_int_eq(run_prog(
        "import sys\nsys.setrecursionlimit(1000000)\n"
        "def g(x):\n    return list(map(g, [x - 1])) if x else 0\nr = 0\n"
        "try:\n    g(100000)\nexcept RecursionError:\n    r = 1\n"), 0);
    ck_assert_int_eq(main_int("r"), 1);
    ck_assert_int_eq(run_prog(
        "import sys\nsys.setrecursionlimit(1000000)\n"
        "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nr = f(100000)\n"), 0);
    ck_assert_int_eq(main_int("r"), 100000);
    ck_assert_int_eq(interp.depth, 0);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_arith_globals, test_fib, test_except, test_uncaught, test_recursion,
                    test_call_errors, test_kwargs, test_methods_loops, test_refcount_in_call,
                    test_reentry, test_print_expr_bound, test_programs, NULL);
}

const CheckSuite check_suite = { .name = "vm", .add_tests = add_tests, .timeout = 60,
    .setup = setup, .teardown = teardown };
