/* operators.h — Python's operators on builtin values: arithmetic with
 * int/float/bool promotion (floor division and modulo with Python's signs,
 * OverflowError beyond 64 bits), sequence + and *, str %, comparisons and
 * identity. The VM inlines the int and float fast paths and calls these for
 * everything else. */
#ifndef SCR_OPERATORS_H
#define SCR_OPERATORS_H

#include "core/object.h"

typedef enum BinOp {
    OP_ADD, OP_SUB, OP_MUL, OP_TRUEDIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_AND, OP_OR, OP_XOR, OP_MATMUL,
    OP__COUNT
} BinOp;

typedef enum UnaryOp { UOP_NEG, UOP_POS, UOP_INVERT, UOP_NOT } UnaryOp;

typedef enum CmpOp {
    CMPOP_LT, CMPOP_LE, CMPOP_EQ, CMPOP_NE, CMPOP_GT, CMPOP_GE,   /* = enum CompareOp */
    CMPOP_IN, CMPOP_NOT_IN, CMPOP_IS, CMPOP_IS_NOT
} CmpOp;

extern const char *const binop_symbols[];   /* "+", "-", ... for error messages */

/* a op b; inplace selects the in-place form (list += iterable extends a). */
Value op_binary(int op, Value a, Value b, bool inplace);
Value op_unary(int op, Value a);
Value op_compare(int op, Value a, Value b);   /* every CmpOp */
bool  op_is(Value a, Value b);                /* identity; numbers by value (docs/memory.md) */
/* Added by the subclass helper: a op b by the builtin types' rules only,
 * instances of their subclasses included (no dunders of classes); results
 * have the base type. VAL_NOTIMPL when no rule applies (the caller raises). */
Value op_binary_base(int op, Value a, Value b, bool inplace);

#endif
