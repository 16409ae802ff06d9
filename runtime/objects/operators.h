/* operators.h — Python's operators on values: arithmetic with int/float/bool
 * promotion (floor division and modulo with Python's signs), sequence + and
 * *, str %, the rich comparisons and identity, each dispatching to the
 * operands' type slots and dunders as CPython does. The VM inlines the int
 * and float fast paths and calls these for everything else.
 *
 * Results are new references, or VAL_ERROR with the exception set (TypeError
 * "unsupported operand type(s) ..." when no operand supports the operator). */
#ifndef SCR_OPERATORS_H
#define SCR_OPERATORS_H

#include "core/object.h"

extern const char *const binop_symbols[];   /* "+", "-", ... by BinOp, for error messages */

/* a op b for a BinOp; inplace selects the in-place form (list += iterable
 * extends a). */
Value op_binary(int op, Value a, Value b, bool inplace);
/* a op b by the builtin types' rules only, instances of their subclasses
 * included (no dunders of classes); results have the base type. VAL_NOTIMPL
 * when no rule applies (the caller raises). */
Value op_binary_base(int op, Value a, Value b, bool inplace);
Value op_unary(int op, Value a);              /* a UnaryOp */
Value op_compare(int op, Value a, Value b);   /* every CmpOp; in/not in/is/is not too */
bool  op_is(Value a, Value b);                /* identity; numbers by value (docs/memory.md); never fails */

#endif
