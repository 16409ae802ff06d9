/* compiler.h — turns a parsed module (ast.h) into a Code object (objects/code.h,
 * instructions of bytecode.h). Resolves every name at compile time: locals
 * to frame slots, variables captured by inner functions to cells, the rest
 * to globals/builtins. */
#ifndef SCR_COMPILER_H
#define SCR_COMPILER_H

#include "parse/ast.h"
#include "compile/bytecode.h"

typedef enum CompileMode {
    COMPILE_FILE,        /* a module: expression statements are discarded */
    COMPILE_INTERACTIVE  /* the REPL: expression statements are echoed (PRINT_EXPR) */
} CompileMode;

/* Returns a new Code, or NULL with *err filled (SyntaxError: 'return' outside
 * function, 'break' outside loop, bad assignment target, ...). */
Code *compile_module(Node *mod, const char *filename, CompileMode mode, ParseError *err);

#endif
