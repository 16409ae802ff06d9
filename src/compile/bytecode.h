/* bytecode.h — the instruction set and code objects shared by the compiler
 * (compiler.c) and the VM (vm.c).
 *
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in the
 * high 24 (INSTR_OP / INSTR_ARG). Jump targets are absolute instruction
 * indices. Stack effects are written [before] -> [after], top of stack last.
 *
 * Frames: a frame's locals (parameters first, then other locals, then cells
 * for variables captured by inner functions, then free variables taken from
 * the closure) sit at the bottom of its region of the VM's one value stack,
 * and its operand stack above them. Every stack slot owns its reference.
 *
 * Exceptions: code->handlers lists protected ranges [start, end) of
 * instructions. When an exception is raised at instruction i, the VM takes the
 * first (innermost) entry covering i, pops the operand stack down to `depth`
 * values (counted above the locals), pushes the exception and jumps to
 * `target`. With no entry the frame is popped and the search goes on in the
 * caller, adding a traceback entry per frame.
 */
#ifndef SCR_BYTECODE_H
#define SCR_BYTECODE_H

#include <stdint.h>
#include "core/object.h"

typedef uint32_t Instr;
#define INSTR_OP(i)   ((i) & 0xff)
#define INSTR_ARG(i)  ((i) >> 8)
#define INSTR(op, arg) ((Instr)(op) | ((Instr)(arg) << 8))
#define INSTR_ARG_MAX 0xffffff

#define OPCODES(X) \
    X(NOP)              /* */ \
    X(POP_TOP)          /* [a] -> [] */ \
    X(DUP_TOP)          /* [a] -> [a a] */ \
    X(DUP_TOP_TWO)      /* [a b] -> [a b a b] */ \
    X(ROT_TWO)          /* [a b] -> [b a] */ \
    X(ROT_THREE)        /* [a b c] -> [c a b] */ \
    X(ROT_FOUR)         /* [a b c d] -> [d a b c] */ \
    X(LOAD_CONST)       /* arg: consts index.   [] -> [v] */ \
    X(LOAD_FAST)        /* arg: slot. NameError-free: UnboundLocalError "cannot access local variable 'x' where it is not associated with a value" if empty */ \
    X(STORE_FAST)       /* arg: slot.  [v] -> [] */ \
    X(DELETE_FAST)      /* arg: slot (UnboundLocalError if empty) */ \
    X(LOAD_DEREF)       /* arg: slot holding a Cell; pushes its content (NameError "free variable 'x' referenced before assignment in enclosing scope" / UnboundLocalError if empty) */ \
    X(STORE_DEREF)      /* arg: slot holding a Cell.  [v] -> [] */ \
    X(DELETE_DEREF)     /* arg: slot holding a Cell */ \
    X(LOAD_CLOSURE)     /* arg: slot holding a Cell; pushes the Cell itself (for MAKE_FUNCTION) */ \
    X(LOAD_GLOBAL)      /* arg: names index. globals, then builtins; NameError "name 'x' is not defined" */ \
    X(STORE_GLOBAL)     /* arg: names index.  [v] -> [] */ \
    X(DELETE_GLOBAL)    /* arg: names index (NameError if missing) */ \
    X(LOAD_ATTR)        /* arg: names index.  [o] -> [o.name] */ \
    X(STORE_ATTR)       /* arg: names index.  [v o] -> []   (o.name = v) */ \
    X(DELETE_ATTR)      /* arg: names index.  [o] -> [] */ \
    X(LOAD_METHOD)      /* arg: names index.  [o] -> [f o] when f is a method of o's type, else [attr UNDEF]; then CALL counts o when present */ \
    X(BINARY_SUBSCR)    /* [o k] -> [o[k]] */ \
    X(STORE_SUBSCR)     /* [v o k] -> []   (o[k] = v) */ \
    X(DELETE_SUBSCR)    /* [o k] -> [] */ \
    X(BUILD_SLICE)      /* arg: 2 or 3.  [lo hi] or [lo hi step] -> [slice]  (missing parts are None) */ \
    X(BINARY_OP)        /* arg: BinOp (runtime/core/ops.h), + BINOP__COUNT for the in-place form (a += b: list extends in place).  [a b] -> [a op b] */ \
    X(UNARY_OP)         /* arg: UnaryOp (runtime/core/ops.h).  [a] -> [op a] */ \
    X(COMPARE_OP)       /* arg: CmpOp (runtime/core/ops.h): < <= == != > >= in, not in, is, is not.  [a b] -> [result] */ \
    X(JUMP)             /* arg: target */ \
    X(POP_JUMP_IF_FALSE)/* arg: target.  [v] -> [] */ \
    X(POP_JUMP_IF_TRUE) /* arg: target.  [v] -> [] */ \
    X(JUMP_IF_FALSE_OR_POP) /* arg: target. if not v: jump, keeping v; else pop */ \
    X(JUMP_IF_TRUE_OR_POP)  /* arg: target. if v: jump, keeping v; else pop */ \
    X(GET_ITER)         /* [o] -> [iter(o)] */ \
    X(FOR_ITER)         /* arg: target.  [it] -> [it next] or, exhausted, [] and jump */ \
    X(BUILD_LIST)       /* arg: n.  [v1..vn] -> [list] */ \
    X(BUILD_TUPLE)      /* arg: n.  [v1..vn] -> [tuple] */ \
    X(BUILD_DICT)       /* arg: n pairs.  [k1 v1 .. kn vn] -> [dict] */ \
    X(LIST_APPEND)      /* arg: d. [.. list (d-1 more) .. v] -> [.. list ..]: appends v to the list d slots below it (comprehensions) */ \
    X(DICT_SET)         /* arg: d. [.. dict .. k v] -> [.. dict ..]: dict is d slots below k */ \
    X(LIST_EXTEND)      /* [list it] -> [list] (star unpacking); arg 1: [*x] display, 2: f(*x) with f below the list (for the TypeError text) */ \
    X(UNPACK_SEQUENCE)  /* arg: n.  [seq] -> [vn .. v1] (v1 on top); ValueError "not enough values to unpack (expected 2, got 1)" / "too many values to unpack (expected 2)" */ \
    X(CALL)             /* arg: argc.  [f a1..an] -> [result]; after LOAD_METHOD: [f self a1..an] or [attr UNDEF a1..an], argc = n */ \
    X(CALL_KW)          /* arg: argc (positional + keyword values).  [f (self|UNDEF)? a1..an kwnames] -> [result]; kwnames: a tuple const naming the last len(kwnames) values. Used after LOAD_METHOD too (same layout as CALL) */ \
    X(MAKE_FUNCTION)    /* arg: flags MF_*. [defaults? closure? code] -> [function] */ \
    X(RETURN_VALUE)     /* [v] -> returns v to the caller */ \
    X(RAISE)            /* arg: 0 re-raise the exception being handled (RuntimeError "No active exception to reraise" if none); 1: [exc]; 2: [exc cause] */ \
    X(PUSH_EXC_INFO)    /* [exc] -> [prev_handled exc]: exc becomes the exception being handled (bare raise, __context__) */ \
    X(POP_EXCEPT)       /* [prev_handled] -> []: restores the handled exception */ \
    X(CHECK_EXC_MATCH)  /* [exc cls] -> [exc bool]: isinstance for `except cls` (cls may be a tuple); TypeError if cls is not an exception class */ \
    X(RERAISE)          /* [exc] -> raises exc again, keeping its traceback */ \
    X(LOAD_ASSERTION_ERROR) /* [] -> [AssertionError] (the builtin, whatever the name is bound to) */ \
    X(IMPORT_NAME)      /* arg: names index. [] -> [module] */ \
    X(IMPORT_FROM)      /* arg: names index. [module] -> [module attr]; ImportError "cannot import name 'x' from 'm'" */ \
    X(PRINT_EXPR)       /* [v] -> []: REPL echo (repr unless None, sets builtins._) */ \
    X(LOAD_BUILD_CLASS) /* issue 5 */ \
    X(BUILD_SET)        /* arg: n.  [v1..vn] -> [set] (added in that order) */ \
    X(SET_ADD)          /* arg: d. [.. set (d-1 more) .. v] -> [.. set ..]: adds v to the set d slots below it (comprehensions) */ \
    X(SET_UPDATE)       /* arg: d. [.. set (d-1 more) .. it] -> [.. set ..]: adds every item of it ({*a}, constant displays) */ \
    X(FORMAT_VALUE)     /* arg: flags FV_*. [v spec?] -> [str]: f-string field, conversion then format(v, spec) */ \
    X(BUILD_STRING)     /* arg: n.  [s1..sn] -> [s1 + .. + sn] (f-strings) */ \
    X(YIELD_VALUE)      /* arg: 1 inside `yield from`. [v] -> (suspends; on resume) [sent] */ \
    X(GET_YIELD_FROM_ITER) /* [o] -> [iter(o)] (a generator stays itself) */ \
    X(SEND)             /* arg: target. [it v] -> [it yielded], or it finished: [retval] and jump */ \
    X(CALL_EX)          /* arg: 1 with a kwargs dict. [f args_tuple kwargs?] -> [result] (f(*a, **k)) */ \
    X(LIST_TO_TUPLE)    /* [list] -> [tuple] */ \
    X(DICT_UPDATE)      /* arg: d. [.. dict (d-1 more) .. m] -> [.. dict ..]: {**m} */ \
    X(DICT_MERGE)       /* arg: d. like DICT_UPDATE for f(**m): TypeError on a repeated key or a non-mapping */ \
    X(UNPACK_EX)        /* arg: before | after << 8. [seq] -> [v_last .. list .. v1] (a, *b, c = seq) */ \
    X(LOAD_NAME)        /* arg: names index. class bodies: namespace (local slot 0), globals, builtins */ \
    X(STORE_NAME)       /* arg: names index.  [v] -> [] into the namespace */ \
    X(DELETE_NAME)      /* arg: names index (NameError if missing) */ \
    X(BEFORE_WITH)      /* [mgr] -> [exit res]: exit = bound mgr.__exit__, res = mgr.__enter__() */ \
    X(WITH_EXCEPT_START) /* [exit prev exc] -> [exit prev exc r]: r = exit(type(exc), exc, None) */

typedef enum Opcode {
#define X(name) OP_##name,
    OPCODES(X)
#undef X
    OP__NUM
} Opcode;

extern const char *const opcode_names[];

enum { MF_DEFAULTS = 1, MF_CLOSURE = 2 };
/* FORMAT_VALUE: conversion in the low two bits, FV_SPEC when a spec is on the stack. */
enum { FV_NONE = 0, FV_STR = 1, FV_REPR = 2, FV_ASCII = 3, FV_CONV_MASK = 3, FV_SPEC = 4 };

typedef struct ExcHandler {
    int32_t start, end;      /* protected instructions [start, end) */
    int32_t target;          /* handler's first instruction */
    int32_t depth;           /* operand-stack depth to unwind to before pushing the exception */
} ExcHandler;

typedef struct Code {
    Obj ob;
    Instr *code; int32_t ncode;
    int32_t *lines;          /* line of each instruction (parallel to code) */
    uint8_t *positions;      /* columns and end line of each instruction (code_position) */
    Value *consts; int32_t nconsts;   /* owned: ints, floats, strs, None/True/False, tuples, Codes */
    Str **names; int32_t nnames;      /* interned: globals, attributes, modules */
    ExcHandler *handlers; int32_t nhandlers;
    int32_t nparams;         /* positional parameters */
    int32_t nlocals;         /* all slots: params + locals + cells + frees */
    int32_t ncells;          /* cells for captured locals: slots [nlocals - ncells - nfrees, ...) */
    int32_t nfrees;          /* free variables: the last nfrees slots, filled from the closure */
    int32_t *cell_param;     /* ncells entries: parameter slot whose value starts in the cell, or -1 */
    Str **localnames;        /* nlocals names, for errors and debugging */
    int32_t stacksize;       /* maximum operand-stack depth */
    Str *name;               /* "<module>", "<lambda>", "<listcomp>", function name */
    Str *qualname;
    Str *filename;
    int32_t firstline;
    /* added by the gen helper: CO_* flags; keyword-only parameters occupy
     * slots [nparams, nparams + nkwonly), then *args, then **kwargs. */
    int32_t flags;
    int32_t nkwonly;
    int32_t nposonly;        /* the first nposonly parameters cannot be passed by keyword */
    Str *doc;                /* a function's docstring (f.__doc__), or NULL */
    /* added by the bench helper: the VM's global and attribute caches for
     * this code (src/vm/vm.c gcache_for), NULL until first needed */
    void *vmcache;
} Code;

enum { CO_VARARGS = 1, CO_VARKW = 2, CO_GENERATOR = 4, CO_KWONLY = 8 };
/* MAKE_FUNCTION flag (gen helper): a dict of keyword-only defaults sits between defaults and closure. */
enum { MF_KWDEFAULTS = 4 };

extern Type code_type;

/* The source range of instruction i, as CPython's co_positions: 0-based
 * byte columns, *col = -1 when only the line is known. The table is read
 * only when a traceback is printed, so it is packed rather than indexed. */
void  code_position(const Code *c, int32_t i, int *line, int *col, int *end_line, int *end_col);
Code *code_new(void);        /* empty, refcnt 1; the compiler fills it */
/* Disassembly for debugging (scr --dis FILE and the compiler's tests). */
void code_dump(Code *c, void *file /* FILE * */);


/* Added by the vm helper (the compiler defines the same value when absent):
 * CALL / CALL_KW argument flag: the callee was pushed by LOAD_METHOD, so two
 * slots ([f self] or [attr UNDEF]) sit below the arguments. */
#ifndef CALL_METHOD
#define CALL_METHOD 0x800000
#endif

#endif
