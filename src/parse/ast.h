/* ast.h — the syntax tree the bison parser builds and the compiler walks.
 *
 * One Node struct for every kind; the fields a kind uses are listed beside it.
 * Strings in the tree (identifiers, string literals) are malloc'd, NUL-terminated
 * UTF-8 owned by the node; ast_free() releases a whole tree.
 */
#ifndef SCR_AST_H
#define SCR_AST_H

#include <stddef.h>
#include <stdint.h>
#include "core/ops.h"   /* BinOp, UnaryOp, CmpOp */

/* ---- the tree ---- */

typedef struct Node Node;

typedef struct NodeList {
    Node **items;
    int len, cap;
} NodeList;

typedef enum NodeKind {
    /* ---- literals and names ---- */
    N_NAME,        /* str: identifier */
    N_INT,         /* ival; str: literal text (an int beyond int64 is made from it) */
    N_FLOAT,       /* fval */
    N_STR,         /* str, slen: decoded value (adjacent literals already joined) */
    N_BYTES,       /* str, slen: the bytes (adjacent literals already joined) */
    N_FSTRING,     /* list: parts, each N_STR (literal text) or N_FORMATTED */
    N_FORMATTED,   /* a: value; op: conversion 's', 'r', 'a' or 0; b: format spec (N_FSTRING) or NULL */
    N_TRUE, N_FALSE, N_NONE, N_ELLIPSIS,

    /* ---- operators ---- */
    N_BINOP,       /* op (BinOp), a, b */
    N_UNARY,       /* op (UnaryOp), a */
    N_BOOLOP,      /* op: 0 = and, 1 = or; list: 2+ operands */
    N_COMPARE,     /* a: first operand; list: further operands; ops[i] (CmpOp) between them */
    N_IFEXP,       /* a: test, b: body, c: orelse      (b if a else c) */

    /* ---- calls, attributes, subscripts ---- */
    N_CALL,        /* a: callee; list: positional args; list2: N_KEYWORD nodes */
    N_KEYWORD,     /* str: name; a: value */
    N_STARRED,     /* a: value (*x in calls, displays and assignment targets) */
    N_ATTR,        /* a: object; str: attribute name */
    N_SUBSCRIPT,   /* a: object; b: index (may be N_SLICE, or N_TUPLE for a[1, 2]) */
    N_SLICE,       /* a: lower, b: upper, c: step (each may be NULL) */

    /* ---- displays and comprehensions ---- */
    N_LIST,        /* list: elements */
    N_TUPLE,       /* list: elements */
    N_SET,         /* list: elements (N_STARRED allowed) */
    N_DICT,        /* list: keys; list2: values */
    N_LISTCOMP,    /* a: element; list: N_COMPFOR clauses */
    N_SETCOMP,     /* a: element; list: N_COMPFOR clauses */
    N_DICTCOMP,    /* a: key, b: value; list: N_COMPFOR clauses */
    N_GENEXP,      /* a: element; list: N_COMPFOR clauses; op 1: bare sole call argument */
    N_COMPFOR,     /* a: target, b: iterable; list: if-conditions */

    /* ---- functions and generators ---- */
    N_LAMBDA,      /* args: parameters; a: body expression */
    N_YIELD,       /* a: value or NULL */
    N_YIELD_FROM,  /* a: iterable */

    /* ---- simple statements ---- */
    N_EXPR_STMT,   /* a: expression */
    N_ASSIGN,      /* list: targets (a = b = value has two); a: value */
    N_AUGASSIGN,   /* op (BinOp); a: target; b: value */
    N_DEL,         /* list: targets */
    N_PASS, N_BREAK, N_CONTINUE,
    N_RETURN,      /* a: value or NULL */
    N_RAISE,       /* a: exception or NULL (bare re-raise); b: cause or NULL */
    N_ASSERT,      /* a: test; b: message or NULL */
    N_GLOBAL,      /* names */
    N_NONLOCAL,    /* names */
    N_IMPORT,      /* list: N_ALIAS nodes */
    N_IMPORT_FROM, /* str: module name; list: N_ALIAS nodes */
    N_ALIAS,       /* str: name (dotted for import); str2: `as` name or NULL */

    /* ---- compound statements ---- */
    N_IF,          /* a: test; body; orelse (an elif is an N_IF alone in orelse) */
    N_WHILE,       /* a: test; body; orelse */
    N_FOR,         /* a: target; b: iterable; body; orelse */
    N_TRY,         /* body; list: N_HANDLER nodes; orelse; finalbody */
    N_HANDLER,     /* a: exception type expression or NULL (bare except); str: `as` name or NULL; body */
    N_WITH,        /* list: N_WITHITEM nodes, outermost first; body */
    N_WITHITEM,    /* a: context manager expression; b: `as` target or NULL */
    N_DEF,         /* str: name; args: parameters; body; list: decorators */
    N_CLASS,       /* str: name; list: decorators; list2: base expressions; body */
    N_MODULE,      /* body */
} NodeKind;

/* A parameter list: positional parameters (the first nposonly before a
 * `/`), the last defaults.len of which have defaults; then *args,
 * keyword-only parameters and **kwargs. */
typedef struct Params {
    char **names;
    int n;
    int nposonly;
    NodeList defaults;             /* expressions for the last defaults.len parameters */
    char *vararg, *kwarg;          /* *args and **kwargs names, or NULL */
    char **kwonly; int nkwonly;    /* keyword-only parameter names */
    NodeList kwdefaults;           /* per keyword-only parameter: its default or NULL */
} Params;

/* Every string and child is owned by its node (ast_free). */
struct Node {
    NodeKind kind;
    int line, col;            /* 1-based line, 0-based column (bytes) of the first token */
    int end_col;              /* column just past the node on its first line, for ^ markers */
    int end_line, end_lcol;   /* line and column (bytes) just past the node's last token; 0 unknown */
    int op;
    int64_t ival;
    double fval;
    char *str;                /* N_NAME, N_STR, N_ATTR, N_KEYWORD, N_DEF, N_HANDLER, N_ALIAS ... */
    size_t slen;              /* bytes in str for N_STR (may contain NUL) */
    char *str2;
    Node *a, *b, *c;
    NodeList list, list2;
    NodeList body, orelse, finalbody;
    int *ops;                 /* N_COMPARE: list.len operators */
    Params *args;             /* N_DEF, N_LAMBDA */
    char **names; int nnames; /* N_GLOBAL, N_NONLOCAL */
};

/* ---- building and freeing trees ---- */

/* A new node, every field zero but its position (end_col -1: unknown);
 * NULL when out of memory. */
Node *ast_new(NodeKind kind, int line, int col);
/* Append n to l; when out of memory n is freed rather than leaked. */
void  nodelist_push(NodeList *l, Node *n);
/* Like nodelist_push but reports allocation failure: 0, or -1 without taking n. */
int   nodelist_append(NodeList *l, Node *n);
/* Free n, its strings and every node below it (NULL is ignored). */
void  ast_free(Node *n);
/* Debug dump, one node per line, indented (used by the parser's unit tests). */
void  ast_dump(const Node *n, void *file /* FILE * */);

/* ---- parsing (grammar/parser.y + grammar/lexer.re) ---- */
typedef struct ParseError {
    int line, col;            /* where; col 0-based (bytes); -1: no caret is printed */
    int end_line, end_col;    /* end of the range marked with ^ (end_col just past it, bytes);
                                 end_line 0: one ^; end_line > line: to the end of the line */
    int from_compiler;        /* found after parsing (symbol table, compiler): the REPL then
                                 prints no source line, as CPython's */
    char text[120];           /* when not empty: the line to show instead of the source's (an
                                 f-string's expression, shown as CPython shows it: "(expr)") */
    int is_indent;            /* IndentationError rather than SyntaxError */
    int incomplete;           /* input ended inside a statement/bracket: the REPL asks for more */
    char msg[200];
} ParseError;

/* Parse a whole module. Returns the N_MODULE tree, or NULL with *err filled. */
Node *parse_module(const char *src, size_t len, const char *filename, ParseError *err);

#endif
