/* test_compiler.c — unit tests of the compiler (src/compile/compiler.c, symtable.c,
 * bytecode.c): instruction sequences of each construct, the handler tables
 * of try/except/finally, frame layouts of closures and comprehensions,
 * stack sizes, line numbers and the SyntaxErrors the compiler reports. */
#include "check_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse/ast.h"
#include "compile/bytecode.h"
#include "compile/compiler.h"

static Code *compile_src(const char *src, CompileMode mode, ParseError *err)
{
    memset(err, 0, sizeof *err);
    Node *mod = parse_module(src, strlen(src), "t.scr", err);
    if (!mod) return NULL;
    Code *co = compile_module(mod, "t.scr", mode, err);
    ast_free(mod);
    return co;
}

static Code *comp(const char *src)
{
    ParseError err;
    Code *co = compile_src(src, COMPILE_FILE, &err);
    if (!co) ck_abort_msg("compile failed: line %d: %s", err.line, err.msg);
    return co;
}

static void expect_syntax_error(const char *src, int line, const char *msg)
{
    ParseError err;
    Code *co = compile_src(src, COMPILE_FILE, &err);
    if (co) {
        obj_decref(co);
        ck_abort_msg("no error for: %s", src);
    }
    ck_assert_str_eq(err.msg, msg);
    ck_assert_int_eq(err.line, line);
}

/* The n-th code object among the constants. */
static Code *code_const(Code *co, int n)
{
    for (int i = 0; i < co->nconsts; i++) {
        Value v = co->consts[i];
        if (val_is_obj(v) && val_as_obj(v)->type == &code_type && n-- == 0)
            return (Code *)val_as_obj(v);
    }
    ck_abort_msg("no code constant");
    return NULL;
}

/* Compares the opcodes with a space-separated list of names. */
static void expect_ops(Code *co, const char *want)
{
    char got[4096] = "";
    for (int i = 0; i < co->ncode; i++) {
        if (i) strcat(got, " ");
        strcat(got, opcode_names[INSTR_OP(co->code[i])]);
    }
    ck_assert_str_eq(got, want);
}

/* Compiles src and checks its whole opcode sequence. */
static void expect_compiled_ops(const char *src, const char *want)
{
    Code *co = comp(src);
    expect_ops(co, want);
    obj_decref(co);
}

static void expect_instr(Code *co, int i, int op, int arg)
{
    ck_assert_int_lt(i, co->ncode);
    ck_assert_str_eq(opcode_names[INSTR_OP(co->code[i])], opcode_names[op]);
    ck_assert_int_eq((int)INSTR_ARG(co->code[i]), arg);
}

static void expect_handler(Code *co, int k, int start, int end, int target, int depth)
{
    ck_assert_int_lt(k, co->nhandlers);
    ck_assert_int_eq(co->handlers[k].start, start);
    ck_assert_int_eq(co->handlers[k].end, end);
    ck_assert_int_eq(co->handlers[k].target, target);
    ck_assert_int_eq(co->handlers[k].depth, depth);
}

static char *dump(Code *co)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    code_dump(co, f);
    fclose(f);
    return buf;
}

static void expect_dump_has(Code *co, const char *text)
{
    char *d = dump(co);
    if (!strstr(d, text)) ck_abort_msg("missing \"%s\" in:\n%s", text, d);
    free(d);
}

static const char *localname(Code *co, int i)
{
    return co->localnames[i]->data;
}

START_TEST(test_module_names)
{
    Code *co = comp("x = 1\ny = x\n");
    expect_ops(co, "LOAD_CONST STORE_GLOBAL LOAD_GLOBAL STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    ck_assert_int_eq(co->nconsts, 2);
    ck_assert_int_eq(co->nnames, 2);
    ck_assert_str_eq(co->names[0]->data, "x");
    ck_assert(co->names[0]->interned);
    ck_assert_int_eq(co->stacksize, 1);
    ck_assert_int_eq(co->nlocals, 0);
    ck_assert_str_eq(co->name->data, "<module>");
    ck_assert_str_eq(co->filename->data, "t.scr");
    ck_assert_int_eq(co->firstline, 1);
    expect_dump_has(co, "   1     0 LOAD_CONST           0 (1)\n");
    expect_dump_has(co, "   2     2 LOAD_GLOBAL          0 (x)\n");
    obj_decref(co);
}
END_TEST

START_TEST(test_consts)
{
    Code *co = comp("t = (1, 2, (3, -4))\nu = 1\nv = 'a'\nw = 'a'\nz = 1.0\nn = -9223372036854775808\n");
    /* (1, 2, (3, -4)), 1, 'a', 1.0, INT64_MIN, None: equal constants shared, 1 and 1.0 kept apart */
    ck_assert_int_eq(co->nconsts, 6);
    expect_dump_has(co, "LOAD_CONST           0 ((1, 2, (3, -4)))");
    expect_dump_has(co, "LOAD_CONST           2 ('a')\n");
    expect_dump_has(co, "LOAD_CONST           4 (-9223372036854775808)");
    ck_assert(val_is_tuple(co->consts[0]));
    obj_decref(co);
}
END_TEST

START_TEST(test_assign_forms)
{
    Code *co = comp("a = b = (1, x)\na, (b, c) = t\n");
    expect_ops(co, "LOAD_CONST LOAD_GLOBAL BUILD_TUPLE DUP_TOP STORE_GLOBAL STORE_GLOBAL "
                   "LOAD_GLOBAL UNPACK_SEQUENCE STORE_GLOBAL UNPACK_SEQUENCE STORE_GLOBAL STORE_GLOBAL "
                   "LOAD_CONST RETURN_VALUE");
    ck_assert_int_eq(co->stacksize, 2);
    obj_decref(co);

    co = comp("a[i] += 1\n");
    expect_ops(co, "LOAD_GLOBAL LOAD_GLOBAL DUP_TOP_TWO BINARY_SUBSCR LOAD_CONST BINARY_OP "
                   "ROT_THREE STORE_SUBSCR LOAD_CONST RETURN_VALUE");
    expect_instr(co, 5, OP_BINARY_OP, BINOP_ADD + BINOP__COUNT);
    ck_assert_int_eq(co->stacksize, 4);
    obj_decref(co);

    co = comp("a.x *= 2\n");
    expect_ops(co, "LOAD_GLOBAL DUP_TOP LOAD_ATTR LOAD_CONST BINARY_OP ROT_TWO STORE_ATTR "
                   "LOAD_CONST RETURN_VALUE");
    expect_instr(co, 4, OP_BINARY_OP, BINOP_MUL + BINOP__COUNT);
    obj_decref(co);

    co = comp("del a[1:3], a.b, c\na[::2] = x\n");
    expect_ops(co, "LOAD_GLOBAL LOAD_CONST LOAD_CONST BUILD_SLICE DELETE_SUBSCR "
                   "LOAD_GLOBAL DELETE_ATTR DELETE_GLOBAL "
                   "LOAD_GLOBAL LOAD_GLOBAL LOAD_CONST LOAD_CONST LOAD_CONST BUILD_SLICE STORE_SUBSCR "
                   "LOAD_CONST RETURN_VALUE");
    expect_instr(co, 3, OP_BUILD_SLICE, 2);
    expect_instr(co, 13, OP_BUILD_SLICE, 3);
    obj_decref(co);
}
END_TEST

START_TEST(test_function_locals)
{
    Code *co = comp("def f(a, b=2):\n    c = a + b\n    return c\n");
    expect_ops(co, "LOAD_CONST LOAD_CONST MAKE_FUNCTION STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    expect_dump_has(co, "LOAD_CONST           0 ((2,))");
    expect_instr(co, 2, OP_MAKE_FUNCTION, MF_DEFAULTS);
    Code *f = code_const(co, 0);
    ck_assert_str_eq(f->name->data, "f");
    ck_assert_str_eq(f->qualname->data, "f");
    ck_assert_int_eq(f->firstline, 1);
    ck_assert_int_eq(f->nparams, 2);
    ck_assert_int_eq(f->nlocals, 3);
    ck_assert_int_eq(f->ncells, 0);
    ck_assert_int_eq(f->nfrees, 0);
    ck_assert_str_eq(localname(f, 2), "c");
    /* the implicit `return None` is unreachable and not emitted */
    expect_ops(f, "LOAD_FAST LOAD_FAST BINARY_OP STORE_FAST LOAD_FAST RETURN_VALUE");
    ck_assert_int_eq(f->stacksize, 2);
    obj_decref(co);

    co = comp("def f():\n    global x\n    x = 1\n    print(y)\n");
    f = code_const(co, 0);
    expect_ops(f, "LOAD_CONST STORE_GLOBAL LOAD_GLOBAL LOAD_GLOBAL CALL POP_TOP LOAD_CONST RETURN_VALUE");
    ck_assert_int_eq(f->nlocals, 0);
    obj_decref(co);

    /* defaults that are not constants are evaluated at def time */
    expect_compiled_ops("def f(a=x, b=1): pass\n",
                        "LOAD_GLOBAL LOAD_CONST BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_GLOBAL "
                        "LOAD_CONST RETURN_VALUE");
}
END_TEST

START_TEST(test_closures)
{
    Code *co = comp("def f(a):\n    b = 1\n    def g():\n        return a + b\n    return g\n");
    Code *f = code_const(co, 0);
    ck_assert_int_eq(f->nparams, 1);
    ck_assert_int_eq(f->nlocals, 4);      /* a, g, cell a, cell b */
    ck_assert_int_eq(f->ncells, 2);
    ck_assert_int_eq(f->nfrees, 0);
    ck_assert_str_eq(localname(f, 0), "a");
    ck_assert_str_eq(localname(f, 1), "g");
    ck_assert_str_eq(localname(f, 2), "a");
    ck_assert_str_eq(localname(f, 3), "b");
    ck_assert_int_eq(f->cell_param[0], 0);
    ck_assert_int_eq(f->cell_param[1], -1);
    expect_ops(f, "LOAD_CONST STORE_DEREF LOAD_CLOSURE LOAD_CLOSURE BUILD_TUPLE LOAD_CONST "
                  "MAKE_FUNCTION STORE_FAST LOAD_FAST RETURN_VALUE");
    expect_instr(f, 6, OP_MAKE_FUNCTION, MF_CLOSURE);
    Code *g = code_const(f, 0);
    ck_assert_str_eq(g->qualname->data, "f.<locals>.g");
    ck_assert_int_eq(g->nlocals, 2);
    ck_assert_int_eq(g->nfrees, 2);
    ck_assert_int_eq(g->ncells, 0);
    /* the closure tuple follows g's free slots */
    ck_assert_str_eq(localname(g, 0), localname(f, (int)INSTR_ARG(f->code[2])));
    ck_assert_str_eq(localname(g, 1), localname(f, (int)INSTR_ARG(f->code[3])));
    expect_ops(g, "LOAD_DEREF LOAD_DEREF BINARY_OP RETURN_VALUE");
    obj_decref(co);

    /* nonlocal through an intermediate scope: free in g and h, cell in f */
    co = comp("def f():\n    x = 0\n    def g():\n        def h():\n            nonlocal x\n"
              "            x = 1\n        return h\n    return g\n");
    f = code_const(co, 0);
    ck_assert_int_eq(f->ncells, 1);
    g = code_const(f, 0);
    ck_assert_int_eq(g->nfrees, 1);
    ck_assert_int_eq(g->nlocals, 2);      /* h, free x */
    Code *h = code_const(g, 0);
    ck_assert_str_eq(h->qualname->data, "f.<locals>.g.<locals>.h");
    ck_assert_int_eq(h->nfrees, 1);
    expect_ops(h, "LOAD_CONST STORE_DEREF LOAD_CONST RETURN_VALUE");
    expect_ops(g, "LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION STORE_FAST LOAD_FAST RETURN_VALUE");
    obj_decref(co);

    /* a function declared global keeps a plain qualname */
    co = comp("def f():\n    global g\n    def g(): pass\n    l = lambda: 0\n");
    f = code_const(co, 0);
    ck_assert_str_eq(code_const(f, 0)->qualname->data, "g");
    ck_assert_str_eq(code_const(f, 1)->qualname->data, "f.<locals>.<lambda>");
    ck_assert_str_eq(code_const(f, 1)->name->data, "<lambda>");
    obj_decref(co);
}
END_TEST

START_TEST(test_calls)
{
    Code *co = comp("o.m(1, k=2)\n");
    expect_ops(co, "LOAD_GLOBAL LOAD_METHOD LOAD_CONST LOAD_CONST LOAD_CONST CALL_KW POP_TOP "
                   "LOAD_CONST RETURN_VALUE");
    expect_instr(co, 5, OP_CALL_KW, 2);
    expect_dump_has(co, "LOAD_CONST           2 (('k',))");
    ck_assert(val_is_tuple(co->consts[2]));
    ck_assert(val_as_str(val_as_tuple(co->consts[2])->items[0])->interned);
    ck_assert_int_eq(co->stacksize, 5);   /* [m o 1 2 kwnames] */
    obj_decref(co);

    co = comp("o.m(a.n())\nf(1)(2)\n");
    expect_ops(co, "LOAD_GLOBAL LOAD_METHOD LOAD_GLOBAL LOAD_METHOD CALL CALL POP_TOP "
                   "LOAD_GLOBAL LOAD_CONST CALL LOAD_CONST CALL POP_TOP LOAD_CONST RETURN_VALUE");
    expect_instr(co, 4, OP_CALL, 0);
    expect_instr(co, 5, OP_CALL, 1);
    ck_assert_int_eq(co->stacksize, 4);
    obj_decref(co);

    co = comp("f(x, y=1, z=2)\n");
    expect_instr(co, 5, OP_CALL_KW, 3);
    expect_dump_has(co, "(('y', 'z'))");
    obj_decref(co);
}
END_TEST

START_TEST(test_comprehensions)
{
    Code *co = comp("r = [x * y for x in a if x for y in b]\n");
    expect_ops(co, "LOAD_CONST MAKE_FUNCTION LOAD_GLOBAL GET_ITER CALL STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    expect_instr(co, 1, OP_MAKE_FUNCTION, 0);
    expect_instr(co, 4, OP_CALL, 1);
    Code *lc = code_const(co, 0);
    ck_assert_str_eq(lc->name->data, "<listcomp>");
    ck_assert_int_eq(lc->nparams, 1);
    ck_assert_str_eq(localname(lc, 0), ".0");
    expect_ops(lc, "BUILD_LIST LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST POP_JUMP_IF_FALSE "
                   "LOAD_GLOBAL GET_ITER FOR_ITER STORE_FAST LOAD_FAST LOAD_FAST BINARY_OP "
                   "LIST_APPEND JUMP JUMP RETURN_VALUE");
    expect_instr(lc, 1, OP_LOAD_FAST, 0);
    expect_instr(lc, 2, OP_FOR_ITER, 16);
    expect_instr(lc, 5, OP_POP_JUMP_IF_FALSE, 2);
    expect_instr(lc, 8, OP_FOR_ITER, 15);
    expect_instr(lc, 13, OP_LIST_APPEND, 3);
    expect_instr(lc, 14, OP_JUMP, 8);
    expect_instr(lc, 15, OP_JUMP, 2);
    ck_assert_int_eq(lc->stacksize, 5);
    obj_decref(co);

    co = comp("d = {k: v for k, v in p}\n");
    Code *dc = code_const(co, 0);
    ck_assert_str_eq(dc->name->data, "<dictcomp>");
    expect_ops(dc, "BUILD_DICT LOAD_FAST FOR_ITER UNPACK_SEQUENCE STORE_FAST STORE_FAST "
                   "LOAD_FAST LOAD_FAST DICT_SET JUMP RETURN_VALUE");
    expect_instr(dc, 8, OP_DICT_SET, 2);
    obj_decref(co);

    /* a comprehension reading a local of its function: a cell and a closure */
    co = comp("def f(n):\n    return [i + n for i in range(3)]\n");
    Code *f = code_const(co, 0);
    ck_assert_int_eq(f->ncells, 1);
    ck_assert_int_eq(f->cell_param[0], 0);
    expect_ops(f, "LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION LOAD_GLOBAL LOAD_CONST CALL "
                  "GET_ITER CALL RETURN_VALUE");
    lc = code_const(f, 0);
    ck_assert_str_eq(lc->qualname->data, "f.<locals>.<listcomp>");
    ck_assert_int_eq(lc->nfrees, 1);
    ck_assert_int_eq(lc->nlocals, 3);      /* .0, i, free n */
    obj_decref(co);
}
END_TEST

START_TEST(test_try_except)
{
    Code *co = comp("try:\n    f()\nexcept E as e:\n    g()\n");
    expect_ops(co,
        "LOAD_GLOBAL CALL POP_TOP JUMP "                                       /* 0-3 */
        "PUSH_EXC_INFO LOAD_GLOBAL CHECK_EXC_MATCH POP_JUMP_IF_FALSE STORE_GLOBAL " /* 4-8 */
        "LOAD_GLOBAL CALL POP_TOP "                                            /* 9-11 */
        "POP_EXCEPT LOAD_CONST STORE_GLOBAL DELETE_GLOBAL JUMP "               /* 12-16 */
        "LOAD_CONST STORE_GLOBAL DELETE_GLOBAL RERAISE "                       /* 17-20 */
        "RERAISE "                                                             /* 21 */
        "ROT_TWO POP_EXCEPT RERAISE "                                          /* 22-24 */
        "LOAD_CONST RETURN_VALUE");
    expect_instr(co, 3, OP_JUMP, 25);
    expect_instr(co, 7, OP_POP_JUMP_IF_FALSE, 21);
    expect_instr(co, 16, OP_JUMP, 25);
    ck_assert_int_eq(co->nhandlers, 4);
    expect_handler(co, 0, 0, 3, 4, 0);      /* body */
    expect_handler(co, 1, 4, 9, 22, 1);     /* dispatch: cleanup restores prev */
    expect_handler(co, 2, 9, 12, 17, 1);    /* named clause body: e = None; del e */
    expect_handler(co, 3, 17, 22, 22, 1);
    ck_assert_int_eq(co->stacksize, 3);
    obj_decref(co);

    /* unnamed clauses; bare except last: no trailing RERAISE */
    co = comp("try:\n    f()\nexcept (A, B):\n    pass\nexcept:\n    g()\n");
    expect_ops(co,
        "LOAD_GLOBAL CALL POP_TOP JUMP "
        "PUSH_EXC_INFO LOAD_GLOBAL LOAD_GLOBAL BUILD_TUPLE CHECK_EXC_MATCH POP_JUMP_IF_FALSE "
        "POP_TOP POP_EXCEPT JUMP "
        "POP_TOP LOAD_GLOBAL CALL POP_TOP POP_EXCEPT JUMP "
        "ROT_TWO POP_EXCEPT RERAISE "
        "LOAD_CONST RETURN_VALUE");
    ck_assert_int_eq(co->stacksize, 4);
    obj_decref(co);

    /* else runs outside the handler */
    co = comp("try:\n    f()\nexcept E:\n    pass\nelse:\n    g()\n");
    expect_ops(co,
        "LOAD_GLOBAL CALL POP_TOP LOAD_GLOBAL CALL POP_TOP JUMP "
        "PUSH_EXC_INFO LOAD_GLOBAL CHECK_EXC_MATCH POP_JUMP_IF_FALSE POP_TOP POP_EXCEPT JUMP "
        "RERAISE ROT_TWO POP_EXCEPT RERAISE LOAD_CONST RETURN_VALUE");
    expect_handler(co, 0, 0, 3, 7, 0);
    obj_decref(co);
}
END_TEST

START_TEST(test_try_finally)
{
    Code *co = comp("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
    Code *f = code_const(co, 0);
    expect_ops(f,
        "LOAD_GLOBAL CALL "                        /* 0-1: protected */
        "LOAD_GLOBAL CALL POP_TOP RETURN_VALUE "   /* 2-5: finally inlined, value kept below */
        "PUSH_EXC_INFO LOAD_GLOBAL CALL POP_TOP RERAISE "   /* 6-10 */
        "ROT_TWO POP_EXCEPT RERAISE");             /* 11-13 */
    ck_assert_int_eq(f->nhandlers, 2);
    expect_handler(f, 0, 0, 2, 6, 0);
    expect_handler(f, 1, 6, 11, 11, 1);
    ck_assert_int_eq(f->stacksize, 3);
    obj_decref(co);

    /* break out of try/finally inside a for loop: finally inlined, iterator popped */
    expect_compiled_ops("for i in x:\n    try:\n        break\n    finally:\n        g()\n",
                        "LOAD_GLOBAL GET_ITER FOR_ITER STORE_GLOBAL "
                        "LOAD_GLOBAL CALL POP_TOP POP_TOP "     /* the break's JUMP would land on the next instruction */
                        "LOAD_CONST RETURN_VALUE");

    /* return inside an except clause: POP_EXCEPT and the name cleared first */
    co = comp("def f():\n    try:\n        pass\n    except E as e:\n        return e\n    x = 1\n");
    f = code_const(co, 0);
    /* the try body is empty: the handler is never entered and not emitted */
    expect_ops(f, "LOAD_CONST STORE_FAST LOAD_CONST RETURN_VALUE");
    ck_assert_int_eq(f->nhandlers, 0);
    obj_decref(co);

    co = comp("def f():\n    try:\n        g()\n    except E as e:\n        return e\n");
    f = code_const(co, 0);
    expect_dump_has(f, "STORE_FAST           0 (e)\n"
                       "   5     9 LOAD_FAST            0 (e)\n"
                       "        10 ROT_TWO\n"
                       "        11 POP_EXCEPT\n"
                       "        12 LOAD_CONST           0 (None)\n"
                       "        13 STORE_FAST           0 (e)\n"
                       "        14 DELETE_FAST          0 (e)\n"
                       "        15 RETURN_VALUE\n");
    obj_decref(co);
}
END_TEST

START_TEST(test_control_flow)
{
    Code *co = comp("for i in x:\n    if i:\n        break\n    continue\nelse:\n    y()\n");
    expect_ops(co, "LOAD_GLOBAL GET_ITER FOR_ITER STORE_GLOBAL LOAD_GLOBAL POP_JUMP_IF_FALSE "
                   "POP_TOP JUMP JUMP LOAD_GLOBAL CALL POP_TOP LOAD_CONST RETURN_VALUE");
    expect_instr(co, 2, OP_FOR_ITER, 9);
    expect_instr(co, 5, OP_POP_JUMP_IF_FALSE, 8);
    expect_instr(co, 7, OP_JUMP, 12);
    expect_instr(co, 8, OP_JUMP, 2);
    obj_decref(co);

    expect_compiled_ops("while a and not b:\n    f()\n",
                        "LOAD_GLOBAL POP_JUMP_IF_FALSE LOAD_GLOBAL POP_JUMP_IF_TRUE "
                        "LOAD_GLOBAL CALL POP_TOP JUMP LOAD_CONST RETURN_VALUE");

    expect_compiled_ops("while True:\n    if x: break\nif 0:\n    f()\n",
                        "LOAD_GLOBAL POP_JUMP_IF_FALSE JUMP JUMP LOAD_CONST RETURN_VALUE");

    co = comp("x = a < b < c\n");
    expect_ops(co, "LOAD_GLOBAL LOAD_GLOBAL DUP_TOP ROT_THREE COMPARE_OP JUMP_IF_FALSE_OR_POP "
                   "LOAD_GLOBAL COMPARE_OP JUMP ROT_TWO POP_TOP STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    expect_instr(co, 5, OP_JUMP_IF_FALSE_OR_POP, 9);
    expect_instr(co, 8, OP_JUMP, 11);
    ck_assert_int_eq(co->stacksize, 3);
    obj_decref(co);

    expect_compiled_ops("x = a and b or c\ny = p if q else r\n",
                        "LOAD_GLOBAL JUMP_IF_FALSE_OR_POP LOAD_GLOBAL JUMP_IF_TRUE_OR_POP LOAD_GLOBAL "
                        "STORE_GLOBAL LOAD_GLOBAL POP_JUMP_IF_FALSE LOAD_GLOBAL JUMP LOAD_GLOBAL "
                        "STORE_GLOBAL LOAD_CONST RETURN_VALUE");

    co = comp("assert x, 'm'\nassert y\n");
    expect_ops(co, "LOAD_GLOBAL POP_JUMP_IF_TRUE LOAD_ASSERTION_ERROR LOAD_CONST CALL RAISE "
                   "LOAD_GLOBAL POP_JUMP_IF_TRUE LOAD_ASSERTION_ERROR RAISE LOAD_CONST RETURN_VALUE");
    expect_instr(co, 4, OP_CALL, 1);
    expect_instr(co, 5, OP_RAISE, 1);
    obj_decref(co);

    co = comp("raise\nraise E\nraise E from c\n");
    expect_instr(co, 0, OP_RAISE, 0);
    obj_decref(co);
}
END_TEST

START_TEST(test_imports)
{
    Code *co = comp("import a.b\nimport c as d\nfrom e import f as g, h\n");
    /* import a.b: import a.b (for its side effects), then bind a to a */
    expect_ops(co, "IMPORT_NAME POP_TOP IMPORT_NAME STORE_GLOBAL IMPORT_NAME STORE_GLOBAL "
                   "IMPORT_NAME IMPORT_FROM STORE_GLOBAL IMPORT_FROM STORE_GLOBAL POP_TOP "
                   "LOAD_CONST RETURN_VALUE");
    expect_dump_has(co, "IMPORT_NAME          0 (a.b)\n         1 POP_TOP\n"
                        "         2 IMPORT_NAME          1 (a)\n         3 STORE_GLOBAL         1 (a)\n");
    expect_dump_has(co, "IMPORT_FROM          5 (f)\n         8 STORE_GLOBAL         6 (g)\n");
    obj_decref(co);

    co = comp("def f():\n    import math\n    return math\n");
    expect_ops(code_const(co, 0), "IMPORT_NAME STORE_FAST LOAD_FAST RETURN_VALUE");
    obj_decref(co);
}
END_TEST

START_TEST(test_interactive)
{
    ParseError err;
    Code *co = compile_src("1\nx + 1\nfor i in y: i\ndef f():\n    i\n", COMPILE_INTERACTIVE, &err);
    ck_assert_ptr_nonnull(co);
    expect_ops(co, "LOAD_CONST PRINT_EXPR LOAD_GLOBAL LOAD_CONST BINARY_OP PRINT_EXPR "
                   "LOAD_GLOBAL GET_ITER FOR_ITER STORE_GLOBAL LOAD_GLOBAL PRINT_EXPR JUMP "
                   "LOAD_CONST MAKE_FUNCTION STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    expect_ops(code_const(co, 0), "LOAD_GLOBAL POP_TOP LOAD_CONST RETURN_VALUE");
    obj_decref(co);

    /* in a file, a module's docstring becomes __doc__; other constant
     * expression statements emit nothing */
    expect_compiled_ops("'doc'\n1\n",
                        "LOAD_CONST STORE_GLOBAL LOAD_CONST RETURN_VALUE");
    expect_compiled_ops("1\n'not a doc'\n",
                        "LOAD_CONST RETURN_VALUE");
}
END_TEST

START_TEST(test_lines)
{
    Code *co = comp("x = 1\n\ny = (2 +\n     z)\nf(a,\n  b.c)\n");
    int want[] = { 1, 1, 3, 4, 3, 3, 5, 5, 6, 6, 5, 5, 5, 5 };
    ck_assert_int_eq(co->ncode, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < co->ncode; i++)
        ck_assert_msg(co->lines[i] == want[i], "instr %d line %d, want %d", i, co->lines[i], want[i]);
    obj_decref(co);

    co = comp("def f():\n    x = 1\n\n    y = 2\n");
    Code *f = code_const(co, 0);
    ck_assert_int_eq(f->firstline, 1);
    ck_assert_int_eq(f->lines[f->ncode - 1], 4);   /* implicit return: last statement */
    obj_decref(co);
}
END_TEST

START_TEST(test_syntax_errors)
{
    expect_syntax_error("x = 1\nif x:\n    return 1\n", 3, "'return' outside function");
    expect_syntax_error("while 1:\n  def f():\n    break\n", 3, "'break' outside loop");
    expect_syntax_error("for x in y:\n  pass\nelse:\n  continue\n", 4, "'continue' not properly in loop");
    expect_syntax_error("try:\n  pass\nfinally:\n  continue\n", 4, "'continue' not properly in loop");
    expect_syntax_error("x = 1\nglobal x\n", 2, "name 'x' is assigned to before global declaration");
    expect_syntax_error("def f():\n  print(x); global x\n", 2, "name 'x' is used prior to global declaration");
    expect_syntax_error("def f(x):\n  global x\n", 2, "name 'x' is parameter and global");
    expect_syntax_error("f(b, a=1, a=2)\n", 1, "keyword argument repeated: a");
    expect_syntax_error("def f():\n  nonlocal x\n", 2, "no binding for nonlocal 'x' found");
    expect_syntax_error("nonlocal x\n", 1, "nonlocal declaration not allowed at module level");
    expect_syntax_error("def f():\n  x = 1\n  nonlocal x\n", 3,
                        "name 'x' is assigned to before nonlocal declaration");
    expect_syntax_error("def f(x):\n  nonlocal x\n", 2, "name 'x' is parameter and nonlocal");
    expect_syntax_error("def f():\n  return\n  break\n", 3, "'break' outside loop");
    expect_syntax_error("x = 1\nyield x\n", 2, "'yield' outside function");
    expect_syntax_error("\n*a, *b = c\n", 2, "multiple starred expressions in assignment");
    expect_syntax_error("from m import *\n", 1, "star imports (from m import *) are not supported by scr yet");
}
END_TEST

/* Trees built by hand: what the compiler does with nodes the parser may
 * never produce. */
START_TEST(test_hand_built)
{
    Node *mod = ast_new(N_MODULE, 1, 0);
    Node *ret = ast_new(N_RETURN, 7, 4);
    nodelist_push(&mod->body, ret);
    ParseError err;
    Code *co = compile_module(mod, "h.scr", COMPILE_FILE, &err);
    ck_assert_ptr_null(co);
    ck_assert_str_eq(err.msg, "'return' outside function");
    ck_assert_int_eq(err.line, 7);
    ck_assert_int_eq(err.col, 4);
    ast_free(mod);

    mod = ast_new(N_MODULE, 1, 0);
    Node *as = ast_new(N_ASSIGN, 2, 0);
    Node *lit = ast_new(N_INT, 2, 0);
    lit->ival = 3;
    nodelist_push(&as->list, lit);
    as->a = ast_new(N_INT, 2, 4);
    nodelist_push(&mod->body, as);
    co = compile_module(mod, "h.scr", COMPILE_FILE, &err);
    ck_assert_ptr_null(co);
    ck_assert_str_eq(err.msg, "cannot assign to literal");
    ck_assert_int_eq(err.line, 2);
    ast_free(mod);
}
END_TEST

START_TEST(test_code_object)
{
    Code *co = comp("def f():\n    pass\n");
    Value r = obj_repr(val_from_obj(code_const(co, 0)));
    ck_assert(r != VAL_ERROR);
    const char *s = val_as_str(r)->data;
    ck_assert_msg(strncmp(s, "<code object f at 0x", 20) == 0, "%s", s);
    ck_assert_msg(strstr(s, ", file \"t.scr\", line 1>") != NULL, "%s", s);
    decref(r);
    expect_dump_has(co, "code f (t.scr, line 1)\n  nparams=0 nlocals=0 ncells=0 nfrees=0 stacksize=1\n");
    obj_decref(co);

    /* big displays are built item by item: the stack stays small */
    char src[8192] = "x = [";
    for (int i = 0; i < 500; i++) sprintf(src + strlen(src), "a%d, ", i);
    strcat(src, "]\n");
    co = comp(src);
    ck_assert_int_le(co->stacksize, 2);
    obj_decref(co);
}
END_TEST

START_TEST(test_deep_trees)
{
    /* left-deep chains are compiled without recursion */
    size_t n = 100000;
    char *src = malloc(4 * n + 16);
    strcpy(src, "x = a");
    char *p = src + strlen(src);
    for (size_t i = 0; i < n; i++) { memcpy(p, " + a", 4); p += 4; }
    strcpy(p, "\n");
    Code *co = comp(src);
    ck_assert_int_eq(co->stacksize, 2);
    ck_assert_int_eq(co->ncode, (int)(2 * n + 4));
    obj_decref(co);
    /* other deep nesting is refused, not a crash */
    strcpy(src, "x = ");
    p = src + strlen(src);
    for (size_t i = 0; i < 9000; i++) *p++ = '-';
    strcpy(p, "1\n");
    expect_syntax_error(src, 1, "maximum recursion depth exceeded during compilation");
    free(src);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_module_names, test_consts, test_assign_forms, test_function_locals,
                    test_closures, test_calls, test_comprehensions, test_try_except,
                    test_try_finally, test_control_flow, test_imports, test_interactive, test_lines,
                    test_syntax_errors, test_hand_built, test_code_object, test_deep_trees, NULL);
}

const CheckSuite check_suite = { .name = "compiler", .add_tests = add_tests };
