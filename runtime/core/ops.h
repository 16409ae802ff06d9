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

#endif
