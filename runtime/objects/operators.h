/* operators.h — Python's operators on builtin values: arithmetic with
 * int/float/bool promotion (floor division and modulo with Python's signs,
 * OverflowError beyond 64 bits), sequence + and *, str %, comparisons and
 * identity. The VM inlines the int and float fast paths and calls these for
 * everything else. */
#ifndef SCR_OPERATORS_H
#define SCR_OPERATORS_H

#include "core/object.h"

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
