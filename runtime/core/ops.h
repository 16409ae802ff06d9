/* ops.h — the operator codes shared by the parser, the compiler, the VM and
 * the types' slots: one enum per kind of operator, in the order the
 * instructions' arguments and the slot tables use.
 *
 * BinOp indexes binop_symbols[] and the BINARY_OP instruction's argument.
 * CmpOp is COMPARE_OP's argument; its first six members are the rich
 * comparisons a type's richcompare slot receives, the last four are handled
 * by the VM (membership, identity) and never reach a slot. */
#ifndef SCR_OPS_H
#define SCR_OPS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum BinOp {
    BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV, BINOP_FLOORDIV, BINOP_MOD, BINOP_POW,
    BINOP_LSHIFT, BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR, BINOP_MATMUL,
    BINOP__COUNT
} BinOp;

typedef enum UnaryOp { UOP_NEG, UOP_POS, UOP_INVERT, UOP_NOT } UnaryOp;

typedef enum CmpOp {
    CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
    CMP_IN, CMP_NOT_IN, CMP_IS, CMP_IS_NOT
} CmpOp;

/* Whether the rich comparison op (CMP_LT..CMP_GE) holds between two operands
 * whose three-way comparison is c: negative, zero or positive. Branch-free:
 * 3 bits per op say whether it holds for less, equal, greater. */
static inline bool cmp_holds_sign(CmpOp op, int sign)   /* sign: -1, 0 or 1 */
{
    const uint32_t masks = 01 | 03 << 3 | 02 << 6 | 05 << 9 | 04 << 12 | 06 << 15;
    return (masks >> (op * 3 + sign + 1)) & 1;
}

static inline bool cmp_holds(CmpOp op, int c)
{
    return cmp_holds_sign(op, (c > 0) - (c < 0));
}

/* The same for two integers, and for two doubles, where a NaN makes every op
 * but != false. The VM's int comparison is one of its hottest paths: the
 * sign is computed once. */
static inline bool cmp_holds_i64(CmpOp op, int64_t x, int64_t y)
{
    return cmp_holds_sign(op, (x > y) - (x < y));
}

static inline bool cmp_holds_double(CmpOp op, double x, double y)
{
    if (x != x || y != y) return op == CMP_NE;
    return cmp_holds_sign(op, (x > y) - (x < y));
}

#endif
