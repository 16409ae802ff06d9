/* symtable.h — scope analysis for the compiler: which names of each scope are
 * locals (frame slots), cells (locals captured by inner functions), free
 * variables (taken from the closure) or globals. Built in one pass over the
 * AST before code generation, as CPython's symtable.c does. */
#ifndef SCR_SYMTABLE_H
#define SCR_SYMTABLE_H

#include <stdbool.h>
#include "parse/ast.h"

typedef enum ScopeKind {
    SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_LISTCOMP, SCOPE_DICTCOMP, SCOPE_GENEXPR,
    SCOPE_CLASS,   /* class body: a function of one hidden parameter, the namespace dict (slot 0);
                      its own names are SYM_GLOBAL_IMPLICIT, compiled as LOAD_NAME/STORE_NAME */
} ScopeKind;

/* How a name is resolved in its scope. */
typedef enum SymScope {
    SYM_UNRESOLVED, SYM_LOCAL, SYM_CELL, SYM_FREE, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT
} SymScope;

/* Flags collected while walking a scope. */
enum {
    SF_PARAM = 1, SF_ASSIGNED = 2, SF_USED = 4, SF_GLOBAL = 8, SF_NONLOCAL = 16,
    SF_CLASSCELL = 1024,  /* the implicit __class__ of a class scope (zero-argument super()) */
    SF_CLASSFREE = 2048   /* class scope: bound in the namespace AND passed to methods as a free variable */
};

typedef struct Symbol {
    char *name;
    int flags;
    SymScope scope;
    int slot;          /* LOCAL: its slot; CELL/FREE: the cell's slot */
    int param_slot;    /* parameter slot, or -1 */
    int decl_line, decl_col;   /* of a nonlocal declaration, for errors */
    int decl_end_col;          /* just past it on its line, -1 when it goes on */
} Symbol;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    Node *node;                 /* N_MODULE, N_DEF, N_LAMBDA, N_LISTCOMP, N_DICTCOMP */
    Scope *parent;
    char *name;                 /* "<module>", function name, "<lambda>", ... */
    char *qualname;
    Symbol *syms; int nsyms, symcap;   /* in order of first appearance */
    int *hash; int hashcap;            /* open addressing: index + 1 into syms, 0 = empty */
    Scope **children; int nchildren, childcap;
    /* frame layout (function-like scopes): params, plain locals, cells, frees */
    int nparams, nplain, ncells, nfrees;
    char **slotnames;           /* nlocals names (borrowed from syms) */
    int *cell_param;            /* ncells entries */
    /* a generator (contains yield, or a generator expression); nparams
     * counts every parameter slot: positional, keyword-only, *args, **kwargs */
    bool generator;
    int nkwonly, varflags;      /* varflags: CO_VARARGS | CO_VARKW */
    int nposonly;               /* leading parameters before a `/` */
};

static inline bool scope_is_function(const Scope *s) { return s->kind != SCOPE_MODULE; }
static inline int scope_nlocals(const Scope *s) { return s->nparams + s->nplain + s->ncells + s->nfrees; }

/* Builds and analyses the scopes of a module. Returns the module scope or NULL
 * with *err filled (SyntaxError) — or, when memory ran out, with
 * err->msg "out of memory" and MemoryError pending. */
Scope *symtable_build(Node *module, ParseError *err);
/* Free s and every scope below it (their symbols and names). */
void   symtable_free(Scope *s);

/* The symbol of name in s (owned by s), or NULL when s never saw it. */
Symbol *scope_lookup(Scope *s, const char *name);
/* The child scope created for a def/lambda/class/comprehension node (owned
 * by s), or NULL. */
Scope  *scope_child(Scope *s, Node *node);

#endif
