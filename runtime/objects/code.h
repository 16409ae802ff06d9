/* code.h — code objects: one compiled function, class body or module.
 *
 * The compiler (src/compile) fills a Code, the VM (src/vm) runs it; the
 * runtime sees it as an object (f.__code__, generators' gi_code), reads the
 * flags and names of the functions it holds and the source positions of
 * tracebacks. The instruction set itself is src/compile/bytecode.h's.
 *
 * Frames: a frame's locals (parameters first, then other locals, then cells
 * for variables captured by inner functions, then free variables taken from
 * the closure) sit at the bottom of its region of the VM's one value stack,
 * and its operand stack above them. Every stack slot owns its reference.
 *
 * Exceptions: handlers lists protected ranges [start, end) of instructions.
 * When an exception is raised at instruction i, the VM takes the first
 * (innermost) entry covering i, pops the operand stack down to `depth`
 * values (counted above the locals), pushes the exception and jumps to
 * `target`. With no entry the frame is popped and the search goes on in the
 * caller, adding a traceback entry per frame.
 */
#ifndef SCR_CODE_H
#define SCR_CODE_H

#include <stdint.h>
#include "core/object.h"

/* One instruction: opcode in the low 8 bits, argument in the high 24
 * (bytecode.h: INSTR_OP, INSTR_ARG). */
typedef uint32_t Instr;

typedef struct ExcHandler {
    int32_t start, end;      /* protected instructions [start, end) */
    int32_t target;          /* handler's first instruction */
    int32_t depth;           /* operand-stack depth to unwind to before pushing the exception */
} ExcHandler;

/* Code.flags. Keyword-only parameters occupy slots [nparams, nparams +
 * nkwonly), then *args (CO_VARARGS), then **kwargs (CO_VARKW). */
enum { CO_VARARGS = 1, CO_VARKW = 2, CO_GENERATOR = 4, CO_KWONLY = 8 };

/* Every pointer member is owned by the Code and released with it, except
 * vmcache (the VM's). */
typedef struct Code {
    Obj ob;
    Instr *code; int32_t ncode;
    int32_t *lines;          /* line of each instruction (parallel to code) */
    uint8_t *positions;      /* columns and end line of each instruction (code_position) */
    Value *consts; int32_t nconsts;   /* ints, floats, strs, None/True/False, tuples, Codes */
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
    int32_t flags;           /* CO_* */
    int32_t nkwonly;         /* keyword-only parameters */
    int32_t nposonly;        /* the first nposonly parameters cannot be passed by keyword */
    Str *doc;                /* a function's docstring (f.__doc__), or NULL */
    void *vmcache;           /* the VM's global and attribute caches for this code, NULL until
                              * first needed; the VM owns and frees them */
} Code;

extern Type code_type;

/* A new empty Code (refcount 1, every member zero) for the compiler to
 * fill; NULL with MemoryError. */
Code *code_new(void);

/* The source range of instruction i, as CPython's co_positions: 0-based
 * byte columns, *col = -1 when only the line is known. The table is read
 * only when a traceback is printed, so it is packed rather than indexed. */
void code_position(const Code *c, int32_t i, int *line, int *col, int *end_line, int *end_col);

#endif
