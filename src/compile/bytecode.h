/* bytecode.h — the instruction set: what the compiler (src/compile) emits
 * into a code object (objects/code.h) and the VM (src/vm) runs.
 *
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in
 * the high 24 (INSTR_OP / INSTR_ARG). Jump targets are absolute instruction
 * indices. Stack effects are written [before] -> [after], top of stack last.
 */
#ifndef SCR_BYTECODE_H
#define SCR_BYTECODE_H

#include <stdbool.h>
#include <stdint.h>
#include "objects/code.h"

/* ---- encoding ---- */

#define INSTR_OP(i)   ((i) & 0xff)
#define INSTR_ARG(i)  ((i) >> 8)
#define INSTR(op, arg) ((Instr)(op) | ((Instr)(arg) << 8))
#define INSTR_ARG_MAX 0xffffff

/* ---- opcodes ----
 *
 * X(name, effect): effect is how much the instruction changes the depth of
 * the operand stack, an expression of its argument `arg` and, for the
 * instructions that may jump, of `jump` (true along the jump). */
#define OPCODES(X) \
    X(NOP, 0)                           /* does nothing (a jump target, a line of its own) */ \
    X(POP_TOP, -1)                      /* [a] -> [] */ \
    X(DUP_TOP, 1)                       /* [a] -> [a a] */ \
    X(DUP_TOP_TWO, 2)                   /* [a b] -> [a b a b] */ \
    X(ROT_TWO, 0)                       /* [a b] -> [b a] */ \
    X(ROT_THREE, 0)                     /* [a b c] -> [c a b] */ \
    X(ROT_FOUR, 0)                      /* [a b c d] -> [d a b c] */ \
    X(LOAD_CONST, 1)                    /* arg: consts index.   [] -> [v] */ \
    X(LOAD_FAST, 1)                     /* arg: slot.  [] -> [v]; UnboundLocalError "cannot access local variable 'x' where it is not associated with a value" if empty */ \
    X(STORE_FAST, -1)                   /* arg: slot.  [v] -> [] */ \
    X(DELETE_FAST, 0)                   /* arg: slot.  [] -> [] (UnboundLocalError if empty) */ \
    X(LOAD_DEREF, 1)                    /* arg: slot holding a Cell.  [] -> [its content]; NameError "free variable 'x' referenced before assignment in enclosing scope" / UnboundLocalError if empty */ \
    X(STORE_DEREF, -1)                  /* arg: slot holding a Cell.  [v] -> [] */ \
    X(DELETE_DEREF, 0)                  /* arg: slot holding a Cell.  [] -> [] */ \
    X(LOAD_CLOSURE, 1)                  /* arg: slot holding a Cell.  [] -> [the Cell itself] (for MAKE_FUNCTION) */ \
    X(LOAD_GLOBAL, 1)                   /* arg: names index.  [] -> [v]: globals, then builtins; NameError "name 'x' is not defined" */ \
    X(STORE_GLOBAL, -1)                 /* arg: names index.  [v] -> [] */ \
    X(DELETE_GLOBAL, 0)                 /* arg: names index.  [] -> [] (NameError if missing) */ \
    X(LOAD_ATTR, 0)                     /* arg: names index.  [o] -> [o.name] */ \
    X(STORE_ATTR, -2)                   /* arg: names index.  [v o] -> []   (o.name = v) */ \
    X(DELETE_ATTR, -1)                  /* arg: names index.  [o] -> [] */ \
    X(LOAD_METHOD, 1)                   /* arg: names index.  [o] -> [f o] when f is a method of o's type, else [attr UNDEF]; then CALL counts o when present */ \
    X(BINARY_SUBSCR, -1)                /* [o k] -> [o[k]] */ \
    X(STORE_SUBSCR, -3)                 /* [v o k] -> []   (o[k] = v) */ \
    X(DELETE_SUBSCR, -2)                /* [o k] -> [] */ \
    X(BUILD_SLICE, 1 - arg)             /* arg: 2 or 3.  [lo hi] or [lo hi step] -> [slice]  (missing parts are None) */ \
    X(BINARY_OP, -1)                    /* arg: BinOp (runtime/core/ops.h), + BINOP__COUNT for the in-place form (a += b: list extends in place).  [a b] -> [a op b] */ \
    X(UNARY_OP, 0)                      /* arg: UnaryOp (runtime/core/ops.h).  [a] -> [op a] */ \
    X(COMPARE_OP, -1)                   /* arg: CmpOp (runtime/core/ops.h): < <= == != > >= in, not in, is, is not.  [a b] -> [result] */ \
    X(JUMP, 0)                          /* arg: target.  [] -> [] */ \
    X(POP_JUMP_IF_FALSE, -1)            /* arg: target.  [v] -> [] */ \
    X(POP_JUMP_IF_TRUE, -1)             /* arg: target.  [v] -> [] */ \
    X(JUMP_IF_FALSE_OR_POP, jump ? 0 : -1) /* arg: target. if not v: jump, keeping v; else pop */ \
    X(JUMP_IF_TRUE_OR_POP, jump ? 0 : -1) /* arg: target. if v: jump, keeping v; else pop */ \
    X(GET_ITER, 0)                      /* [o] -> [iter(o)] */ \
    X(FOR_ITER, jump ? -1 : 1)          /* arg: target.  [it] -> [it next] or, exhausted, [] and jump */ \
    X(BUILD_LIST, 1 - arg)              /* arg: n.  [v1..vn] -> [list] */ \
    X(BUILD_TUPLE, 1 - arg)             /* arg: n.  [v1..vn] -> [tuple] */ \
    X(BUILD_DICT, 1 - 2 * arg)          /* arg: n pairs.  [k1 v1 .. kn vn] -> [dict] */ \
    X(LIST_APPEND, -1)                  /* arg: d. [.. list (d-1 more) .. v] -> [.. list ..]: appends v to the list d slots below it (comprehensions) */ \
    X(DICT_SET, -2)                     /* arg: d. [.. dict .. k v] -> [.. dict ..]: dict is d slots below k */ \
    X(LIST_EXTEND, -1)                  /* [list it] -> [list] (star unpacking); arg 1: [*x] display, 2: f(*x) with f below the list (for the TypeError text) */ \
    X(UNPACK_SEQUENCE, arg - 1)         /* arg: n.  [seq] -> [vn .. v1] (v1 on top); ValueError "not enough values to unpack (expected 2, got 1)" / "too many values to unpack (expected 2)" */ \
    X(CALL, -(arg & ~CALL_METHOD) - !!(arg & CALL_METHOD)) /* arg: argc.  [f a1..an] -> [result]; after LOAD_METHOD: [f self a1..an] or [attr UNDEF a1..an], argc = n */ \
    X(CALL_KW, -(arg & ~CALL_METHOD) - 1 - !!(arg & CALL_METHOD)) /* arg: argc (positional + keyword values).  [f (self|UNDEF)? a1..an kwnames] -> [result]; kwnames: a tuple const naming the last len(kwnames) values. Used after LOAD_METHOD too (same layout as CALL) */ \
    X(MAKE_FUNCTION, -!!(arg & MF_DEFAULTS) - !!(arg & MF_CLOSURE) - !!(arg & MF_KWDEFAULTS)) /* arg: flags MF_*. [defaults? closure? code] -> [function] */ \
    X(RETURN_VALUE, -1)                 /* [v] -> returns v to the caller */ \
    X(RAISE, -arg)                      /* arg: 0 re-raise the exception being handled (RuntimeError "No active exception to reraise" if none); 1: [exc]; 2: [exc cause] */ \
    X(PUSH_EXC_INFO, 1)                 /* [exc] -> [prev_handled exc]: exc becomes the exception being handled (bare raise, __context__) */ \
    X(POP_EXCEPT, -1)                   /* [prev_handled] -> []: restores the handled exception */ \
    X(CHECK_EXC_MATCH, 0)               /* [exc cls] -> [exc bool]: isinstance for `except cls` (cls may be a tuple); TypeError if cls is not an exception class */ \
    X(RERAISE, -1)                      /* [exc] -> raises exc again, keeping its traceback */ \
    X(LOAD_ASSERTION_ERROR, 1)          /* [] -> [AssertionError] (the builtin, whatever the name is bound to) */ \
    X(IMPORT_NAME, 1)                   /* arg: names index. [] -> [module] */ \
    X(IMPORT_FROM, 1)                   /* arg: names index. [module] -> [module attr]; ImportError "cannot import name 'x' from 'm'" */ \
    X(PRINT_EXPR, -1)                   /* [v] -> []: REPL echo (repr unless None, sets builtins._) */ \
    X(LOAD_BUILD_CLASS, 1)              /* [] -> [__build_class__] (the builtin class statements call) */ \
    X(BUILD_SET, 1 - arg)               /* arg: n.  [v1..vn] -> [set] (added in that order) */ \
    X(SET_ADD, -1)                      /* arg: d. [.. set (d-1 more) .. v] -> [.. set ..]: adds v to the set d slots below it (comprehensions) */ \
    X(SET_UPDATE, -1)                   /* arg: d. [.. set (d-1 more) .. it] -> [.. set ..]: adds every item of it ({*a}, constant displays) */ \
    X(FORMAT_VALUE, (arg & FV_SPEC) ? -1 : 0) /* arg: flags FV_*. [v spec?] -> [str]: f-string field, conversion then format(v, spec) */ \
    X(BUILD_STRING, 1 - arg)            /* arg: n.  [s1..sn] -> [s1 + .. + sn] (f-strings) */ \
    X(YIELD_VALUE, 0)                   /* arg: 1 inside `yield from`. [v] -> (suspends; on resume) [sent] */ \
    X(GET_YIELD_FROM_ITER, 0)           /* [o] -> [iter(o)] (a generator stays itself) */ \
    X(SEND, jump ? -1 : 0)              /* arg: target. [it v] -> [it yielded], or it finished: [retval] and jump */ \
    X(CALL_EX, -1 - (arg & 1))          /* arg: 1 with a kwargs dict. [f args_tuple kwargs?] -> [result] (f(*a, **k)) */ \
    X(LIST_TO_TUPLE, 0)                 /* [list] -> [tuple] */ \
    X(DICT_UPDATE, -1)                  /* arg: d. [.. dict (d-1 more) .. m] -> [.. dict ..]: {**m} */ \
    X(DICT_MERGE, -1)                   /* arg: d. like DICT_UPDATE for f(**m): TypeError on a repeated key or a non-mapping */ \
    X(UNPACK_EX, (arg & 0xff) + (arg >> 8)) /* arg: before | after << 8. [seq] -> [v_last .. list .. v1] (a, *b, c = seq) */ \
    X(LOAD_NAME, 1)                     /* arg: names index.  [] -> [v]: class bodies: namespace (local slot 0), globals, builtins */ \
    X(STORE_NAME, -1)                   /* arg: names index.  [v] -> [] into the namespace */ \
    X(DELETE_NAME, 0)                   /* arg: names index.  [] -> [] (NameError if missing) */ \
    X(BEFORE_WITH, 1)                   /* [mgr] -> [exit res]: exit = bound mgr.__exit__, res = mgr.__enter__() */ \
    X(WITH_EXCEPT_START, 1)             /* [exit prev exc] -> [exit prev exc r]: r = exit(type(exc), exc, None) */

typedef enum Opcode {
#define X(name, effect) OP_##name,
    OPCODES(X)
#undef X
    OP__NUM
} Opcode;

extern const char *const opcode_names[];   /* "NOP", ..., indexed by Opcode */

/* How much op with argument arg changes the operand stack's depth; jump:
 * along its jump rather than falling through (they differ for FOR_ITER,
 * SEND and JUMP_IF_*_OR_POP). Aborts on a value that is no opcode. */
int opcode_stack_effect(int op, int arg, bool jump);

/* ---- argument flags ---- */

/* MAKE_FUNCTION: which of defaults, a dict of keyword-only defaults and a
 * closure sit below the code, in that order from the bottom. */
enum { MF_DEFAULTS = 1, MF_CLOSURE = 2, MF_KWDEFAULTS = 4 };

/* FORMAT_VALUE: conversion in the low two bits, FV_SPEC when a spec is on the stack. */
enum { FV_NONE = 0, FV_STR = 1, FV_REPR = 2, FV_ASCII = 3, FV_CONV_MASK = 3, FV_SPEC = 4 };

/* CALL / CALL_KW argument flag, set while the compiler builds a unit: the
 * callee was pushed by LOAD_METHOD, so two slots ([f self] or [attr UNDEF])
 * sit below the arguments, which the stack-depth analysis must count. The
 * VM tells the layouts apart by itself (vm.c, METHOD_MARK), so the compiler
 * strips the flag from the finished code: CALL n / CALL_KW n count the
 * argument values (positional and keyword, self not counted). */
#define CALL_METHOD 0x800000

/* ---- disassembly ---- */

/* Print c and the code objects among its constants, one instruction a line
 * (scr --dis FILE and the compiler's tests). file is a FILE *. */
void code_dump(Code *c, void *file);

#endif
