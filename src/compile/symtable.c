/* symtable.c — scope analysis before code generation.
 *
 * Pass 1 walks the AST and records, per scope, every name with how it is
 * used (parameter, assigned, read, declared global/nonlocal); declaration
 * errors are reported here as CPython's symtable does. Pass 2 resolves each
 * name (local, global, free), pass 3 turns the locals captured by inner
 * scopes into cells (threading free variables through intermediate scopes),
 * and pass 4 lays out the frame slots: parameters, plain locals, cells, frees.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "compile/symtable.h"
#include "memory/mem.h"
#include "core/error.h"

typedef struct Builder {
    jmp_buf fail;
    ParseError *err;
    int nesting;
} Builder;

#define MAX_NESTING 3000   /* as the compiler's: refuse rather than overflow the C stack */

static void fail_nomem(Builder *b)
{
    err_no_memory();
    b->err->line = 0;
    b->err->col = 0;
    b->err->is_indent = 0;
    b->err->incomplete = 0;
    snprintf(b->err->msg, sizeof b->err->msg, "out of memory");
    longjmp(b->fail, 1);
}

/* end_col: just past the marked range on its line, -1 to the end of the line */
static void fail_syntax_range(Builder *b, int line, int col, int end_col, const char *fmt, const char *name)
{
    b->err->line = line;
    b->err->col = col;
    b->err->end_line = end_col >= 0 ? line : line + 1;
    b->err->end_col = end_col >= 0 ? end_col : 0;
    b->err->from_compiler = 1;
    b->err->text[0] = 0;
    b->err->is_indent = 0;
    b->err->incomplete = 0;
    snprintf(b->err->msg, sizeof b->err->msg, fmt, name);
    longjmp(b->fail, 1);
}

static void fail_syntax(Builder *b, int line, int col, const char *fmt, const char *name)
{
    fail_syntax_range(b, line, col, col + 1, fmt, name);
}

/* marks the whole of node n, as CPython marks its statement or expression */
static void fail_syntax_node(Builder *b, const Node *n, const char *fmt, const char *name)
{
    fail_syntax_range(b, n->line, n->col, n->end_col, fmt, name);
}

static void *xalloc(Builder *b, size_t n)
{
    void *p = mem_alloc(n ? n : 1);
    if (!p) fail_nomem(b);
    return p;
}

static void *xgrow(Builder *b, void *p, int *cap, int need, size_t elem)
{
    if (need <= *cap) return p;
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) ncap *= 2;
    void *np = mem_realloc(p, (size_t)ncap * elem);
    if (!np) fail_nomem(b);
    *cap = ncap;
    return np;
}

static char *xstrdup(Builder *b, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xalloc(b, n);
    memcpy(d, s, n);
    return d;
}

/* ---- scopes and symbols ---- */

static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

Symbol *scope_lookup(Scope *s, const char *name)
{
    if (!s->hashcap) return NULL;
    uint32_t mask = (uint32_t)s->hashcap - 1;
    for (uint32_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
        int k = s->hash[i];
        if (!k) return NULL;
        if (strcmp(s->syms[k - 1].name, name) == 0) return &s->syms[k - 1];
    }
}

static void rehash(Builder *b, Scope *s)
{
    int cap = s->hashcap ? s->hashcap * 2 : 16;
    int *h = mem_calloc((size_t)cap, sizeof(int));
    if (!h) fail_nomem(b);
    mem_free(s->hash);
    s->hash = h;
    s->hashcap = cap;
    for (int k = 0; k < s->nsyms; k++) {
        uint32_t mask = (uint32_t)cap - 1;
        uint32_t i = hash_name(s->syms[k].name) & mask;
        while (h[i]) i = (i + 1) & mask;
        h[i] = k + 1;
    }
}

static Symbol *add_symbol(Builder *b, Scope *s, const char *name)
{
    Symbol *sym = scope_lookup(s, name);
    if (sym) return sym;
    if ((s->nsyms + 1) * 2 > s->hashcap) rehash(b, s);
    s->syms = xgrow(b, s->syms, &s->symcap, s->nsyms + 1, sizeof(Symbol));
    sym = &s->syms[s->nsyms];
    memset(sym, 0, sizeof *sym);
    sym->name = xstrdup(b, name);
    sym->param_slot = -1;
    sym->slot = -1;
    s->nsyms++;
    uint32_t mask = (uint32_t)s->hashcap - 1;
    uint32_t i = hash_name(name) & mask;
    while (s->hash[i]) i = (i + 1) & mask;
    s->hash[i] = s->nsyms;
    return sym;
}

static Scope *new_scope(Builder *b, ScopeKind kind, Node *node, Scope *parent, const char *name)
{
    Scope *s = mem_calloc(1, sizeof(Scope));
    if (!s) fail_nomem(b);
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    if (parent) {
        parent->children = xgrow(b, parent->children, &parent->childcap, parent->nchildren + 1,
                                 sizeof(Scope *));
        parent->children[parent->nchildren++] = s;
    }
    s->name = xstrdup(b, name);
    return s;
}

void symtable_free(Scope *s)
{
    if (!s) return;
    for (int i = 0; i < s->nchildren; i++) symtable_free(s->children[i]);
    for (int i = 0; i < s->nsyms; i++) mem_free(s->syms[i].name);
    mem_free(s->syms);
    mem_free(s->hash);
    mem_free(s->children);
    mem_free(s->name);
    mem_free(s->qualname);
    mem_free(s->slotnames);
    mem_free(s->cell_param);
    mem_free(s);
}

Scope *scope_child(Scope *s, Node *node)
{
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node) return s->children[i];
    return NULL;
}

/* ---- pass 1: collect ---- */

static void visit_expr(Builder *b, Scope *s, Node *n);
static void visit_stmts(Builder *b, Scope *s, NodeList *l);

static void note(Builder *b, Scope *s, const char *name, int flag)
{
    add_symbol(b, s, name)->flags |= flag;
}

/* __debug__ is a constant: CPython's compiler refuses to bind it, marking
 * the name (targets) or the whole statement (def, class, import) or
 * expression (lambda, call) whose part it is. */
static int is_debug_name(const char *name)
{
    return name && strcmp(name, "__debug__") == 0;
}

static void check_debug_stmt(Builder *b, const Node *stmt, const char *name)
{
    if (is_debug_name(name))
        fail_syntax_range(b, stmt->line, stmt->col, stmt->kind == N_DEF || stmt->kind == N_CLASS ? -1 : stmt->end_col,
                          "cannot assign to %s", name);
}

static void visit_target(Builder *b, Scope *s, Node *n)
{
    if (!n) return;
    switch (n->kind) {
    case N_NAME:
        if (is_debug_name(n->str)) fail_syntax_node(b, n, "cannot assign to %s", n->str);
        note(b, s, n->str, SF_ASSIGNED);
        break;
    case N_ATTR:
        if (is_debug_name(n->str)) fail_syntax_node(b, n, "cannot assign to %s", n->str);
        visit_expr(b, s, n->a);
        break;
    case N_SUBSCRIPT:
        visit_expr(b, s, n->a);
        visit_expr(b, s, n->b);
        break;
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < n->list.len; i++) visit_target(b, s, n->list.items[i]);
        break;
    case N_STARRED:
        visit_target(b, s, n->a);
        break;
    default:
        visit_expr(b, s, n);   /* the compiler reports the bad target */
        break;
    }
}

static void visit_list(Builder *b, Scope *s, NodeList *l)
{
    for (int i = 0; i < l->len; i++) visit_expr(b, s, l->items[i]);
}

static void add_params(Builder *b, Scope *s, Node *fn)
{
    Params *p = fn->args;
    if (!p) return;
    int slot = 0;
    for (int i = 0; i < p->n + p->nkwonly + 2; i++) {
        const char *name = i < p->n ? p->names[i] : i < p->n + p->nkwonly ? p->kwonly[i - p->n]
                         : i == p->n + p->nkwonly ? p->vararg : p->kwarg;
        if (!name) continue;
        check_debug_stmt(b, fn, name);
        Symbol *sym = scope_lookup(s, name);
        if (sym && (sym->flags & SF_PARAM))
            fail_syntax(b, fn->line, fn->col, "duplicate argument '%s' in function definition", name);
        sym = add_symbol(b, s, name);
        sym->flags |= SF_PARAM;
        sym->param_slot = slot++;
    }
    s->nparams = slot;
    s->nkwonly = p->nkwonly;
    s->nposonly = p->nposonly;
    s->varflags = (p->vararg ? 1 : 0) | (p->kwarg ? 2 : 0);
}

static void visit_defaults(Builder *b, Scope *s, Node *fn)
{
    if (fn->args) {
        visit_list(b, s, &fn->args->defaults);
        visit_list(b, s, &fn->args->kwdefaults);
    }
}

static void visit_comprehension(Builder *b, Scope *s, Node *n)
{
    if (n->list.len == 0) return;
    Node *first = n->list.items[0];
    visit_expr(b, s, first->b);
    Scope *c = new_scope(b, n->kind == N_DICTCOMP ? SCOPE_DICTCOMP : n->kind == N_GENEXP ? SCOPE_GENEXPR : SCOPE_LISTCOMP, n, s,
                         n->kind == N_LISTCOMP ? "<listcomp>" : n->kind == N_SETCOMP ? "<setcomp>" :
                         n->kind == N_GENEXP ? "<genexpr>" : "<dictcomp>");
    if (n->kind == N_GENEXP) c->generator = true;
    Symbol *dot0 = add_symbol(b, c, ".0");
    dot0->flags |= SF_PARAM;
    dot0->param_slot = 0;
    c->nparams = 1;
    for (int i = 0; i < n->list.len; i++) {
        Node *cl = n->list.items[i];
        if (i > 0) visit_expr(b, c, cl->b);
        visit_target(b, c, cl->a);
        visit_list(b, c, &cl->list);
    }
    visit_expr(b, c, n->a);
    if (n->kind == N_DICTCOMP) visit_expr(b, c, n->b);
}

static void visit_expr(Builder *b, Scope *s, Node *n)
{
    if (!n) return;
    /* left-deep `a + b + c ...` chains can be arbitrarily long: walk them */
    while (n->kind == N_BINOP && n->a && n->a->kind == N_BINOP) {
        visit_expr(b, s, n->b);
        n = n->a;
    }
    if (++b->nesting > MAX_NESTING)
        fail_syntax(b, n->line, n->col, "maximum recursion depth exceeded during compilation%s", "");
    switch (n->kind) {
    case N_NAME:
        note(b, s, n->str, SF_USED);
        /* zero-argument super() needs the enclosing class: __class__ becomes free here */
        if (s->kind == SCOPE_FUNCTION && strcmp(n->str, "super") == 0) note(b, s, "__class__", SF_USED);
        break;
    case N_BINOP: case N_SUBSCRIPT:
        visit_expr(b, s, n->a);
        visit_expr(b, s, n->b);
        break;
    case N_UNARY: case N_ATTR: case N_KEYWORD: case N_STARRED:
        visit_expr(b, s, n->a);
        break;
    case N_BOOLOP: case N_LIST: case N_TUPLE: case N_SET: case N_FSTRING:
        visit_list(b, s, &n->list);
        break;
    case N_COMPARE:
        visit_expr(b, s, n->a);
        visit_list(b, s, &n->list);
        break;
    case N_IFEXP: case N_SLICE:
        visit_expr(b, s, n->a);
        visit_expr(b, s, n->b);
        visit_expr(b, s, n->c);
        break;
    case N_CALL:
        for (int i = 0; i < n->list2.len; i++) check_debug_stmt(b, n, n->list2.items[i]->str);
        visit_expr(b, s, n->a);
        visit_list(b, s, &n->list);
        visit_list(b, s, &n->list2);
        break;
    case N_DICT:
        for (int i = 0; i < n->list.len || i < n->list2.len; i++) {
            if (i < n->list.len) visit_expr(b, s, n->list.items[i]);
            if (i < n->list2.len) visit_expr(b, s, n->list2.items[i]);
        }
        break;
    case N_LISTCOMP: case N_DICTCOMP: case N_SETCOMP: case N_GENEXP:
        visit_comprehension(b, s, n);
        break;
    case N_YIELD: case N_YIELD_FROM:
        if (!scope_is_function(s) || s->kind == SCOPE_CLASS)
            fail_syntax_node(b, n, "'yield' outside function%s", "");
        if (s->kind == SCOPE_LISTCOMP || s->kind == SCOPE_DICTCOMP || s->kind == SCOPE_GENEXPR)
            fail_syntax_node(b, n, "'yield' inside %s", s->kind == SCOPE_GENEXPR ? "generator expression"
                        : strcmp(s->name, "<setcomp>") == 0 ? "set comprehension"
                        : s->kind == SCOPE_DICTCOMP ? "dict comprehension" : "list comprehension");
        s->generator = true;
        visit_expr(b, s, n->a);
        break;
    case N_FORMATTED:
        visit_expr(b, s, n->a);
        visit_expr(b, s, n->b);
        break;
    case N_LAMBDA: {
        visit_defaults(b, s, n);
        Scope *f = new_scope(b, SCOPE_LAMBDA, n, s, "<lambda>");
        add_params(b, f, n);
        visit_expr(b, f, n->a);
        break;
    }
    default:
        break;
    }
    b->nesting--;
}

static void declare(Builder *b, Scope *s, Node *n, bool global)
{
    const char *what = global ? "global" : "nonlocal";
    if (!global && s->kind == SCOPE_MODULE)
        fail_syntax_node(b, n, "nonlocal declaration not allowed at module level%s", "");
    for (int i = 0; i < n->nnames; i++) {
        const char *name = n->names[i];
        Symbol *sym = scope_lookup(s, name);
        int fl = sym ? sym->flags : 0;
        char msg[160];
        if (fl & (global ? SF_NONLOCAL : SF_GLOBAL)) {
            snprintf(msg, sizeof msg, "name '%%s' is nonlocal and global");
            fail_syntax_node(b, n, msg, name);
        }
        if (fl & SF_PARAM) {
            snprintf(msg, sizeof msg, "name '%%s' is parameter and %s", what);
            fail_syntax_node(b, n, msg, name);
        }
        if (fl & SF_USED) {
            snprintf(msg, sizeof msg, "name '%%s' is used prior to %s declaration", what);
            fail_syntax_node(b, n, msg, name);
        }
        if (fl & SF_ASSIGNED) {
            snprintf(msg, sizeof msg, "name '%%s' is assigned to before %s declaration", what);
            fail_syntax_node(b, n, msg, name);
        }
        sym = add_symbol(b, s, name);
        sym->flags |= global ? SF_GLOBAL : SF_NONLOCAL;
        if (!global && !sym->decl_line) {
            sym->decl_line = n->line;
            sym->decl_col = n->col;
            sym->decl_end_col = n->end_col;
        }
    }
}

static void visit_stmt(Builder *b, Scope *s, Node *n)
{
    if (!n) return;
    if (++b->nesting > MAX_NESTING)
        fail_syntax(b, n->line, n->col, "maximum recursion depth exceeded during compilation%s", "");
    switch (n->kind) {
    case N_EXPR_STMT: case N_RETURN:
        visit_expr(b, s, n->a);
        break;
    case N_ASSIGN:
        visit_expr(b, s, n->a);
        for (int i = 0; i < n->list.len; i++) visit_target(b, s, n->list.items[i]);
        break;
    case N_AUGASSIGN:
        if (n->a && n->a->kind == N_NAME && is_debug_name(n->a->str))
            fail_syntax_node(b, n->a, "cannot assign to %s", n->a->str);
        if (n->a && n->a->kind == N_NAME) note(b, s, n->a->str, SF_USED | SF_ASSIGNED);
        else visit_target(b, s, n->a);
        visit_expr(b, s, n->b);
        break;
    case N_IF: case N_WHILE:
        visit_expr(b, s, n->a);
        visit_stmts(b, s, &n->body);
        visit_stmts(b, s, &n->orelse);
        break;
    case N_FOR:
        visit_expr(b, s, n->b);
        visit_target(b, s, n->a);
        visit_stmts(b, s, &n->body);
        visit_stmts(b, s, &n->orelse);
        break;
    case N_DEF: {
        visit_list(b, s, &n->list);
        visit_defaults(b, s, n);
        check_debug_stmt(b, n, n->str);
        note(b, s, n->str, SF_ASSIGNED);
        Scope *f = new_scope(b, SCOPE_FUNCTION, n, s, n->str);
        add_params(b, f, n);
        visit_stmts(b, f, &n->body);
        break;
    }
    case N_CLASS: {
        visit_list(b, s, &n->list);
        visit_list(b, s, &n->list2);
        check_debug_stmt(b, n, n->str);
        note(b, s, n->str, SF_ASSIGNED);
        Scope *k = new_scope(b, SCOPE_CLASS, n, s, n->str);
        Symbol *ns = add_symbol(b, k, ".ns");
        ns->flags |= SF_PARAM;
        ns->param_slot = 0;
        k->nparams = 1;
        add_symbol(b, k, "__class__")->flags |= SF_CLASSCELL;
        visit_stmts(b, k, &n->body);
        break;
    }
    case N_WITH:
        for (int i = 0; i < n->list.len; i++) {
            visit_expr(b, s, n->list.items[i]->a);
            if (n->list.items[i]->b) visit_target(b, s, n->list.items[i]->b);
        }
        visit_stmts(b, s, &n->body);
        break;
    case N_GLOBAL:
        declare(b, s, n, true);
        break;
    case N_NONLOCAL:
        declare(b, s, n, false);
        break;
    case N_DEL:
        for (int i = 0; i < n->list.len; i++) {
            Node *t = n->list.items[i];
            if (t && t->kind == N_NAME && is_debug_name(t->str)) fail_syntax_node(b, t, "cannot delete %s", t->str);
            visit_target(b, s, t);
        }
        break;
    case N_ASSERT: case N_RAISE:
        visit_expr(b, s, n->a);
        visit_expr(b, s, n->b);
        break;
    case N_IMPORT:
        for (int i = 0; i < n->list.len; i++) {
            Node *al = n->list.items[i];
            check_debug_stmt(b, n, al->str2);
            if (al->str2) note(b, s, al->str2, SF_ASSIGNED);
            else {
                char buf[256];
                size_t k = strcspn(al->str, ".");
                if (k >= sizeof buf) k = sizeof buf - 1;
                memcpy(buf, al->str, k);
                buf[k] = 0;
                note(b, s, buf, SF_ASSIGNED);
            }
        }
        break;
    case N_IMPORT_FROM:
        for (int i = 0; i < n->list.len; i++) {
            Node *al = n->list.items[i];
            const char *name = al->str2 ? al->str2 : al->str;
            check_debug_stmt(b, n, name);
            if (strcmp(name, "*") != 0) note(b, s, name, SF_ASSIGNED);
        }
        break;
    case N_TRY:
        visit_stmts(b, s, &n->body);
        for (int i = 0; i < n->list.len; i++) {
            Node *h = n->list.items[i];
            visit_expr(b, s, h->a);
            if (h->str) note(b, s, h->str, SF_ASSIGNED);
            visit_stmts(b, s, &h->body);
        }
        visit_stmts(b, s, &n->orelse);
        visit_stmts(b, s, &n->finalbody);
        break;
    default:
        break;
    }
    b->nesting--;
}

static void visit_stmts(Builder *b, Scope *s, NodeList *l)
{
    for (int i = 0; i < l->len; i++) visit_stmt(b, s, l->items[i]);
}

/* ---- pass 2: resolve ---- */

/* Is name bound by an enclosing function scope (a candidate for a closure)? */
static Scope *binding_scope(Scope *s, const char *name)
{
    for (Scope *p = s->parent; p && scope_is_function(p); p = p->parent) {
        Symbol *sym = scope_lookup(p, name);
        if (!sym) continue;
        /* a class body's names are not visible to the functions inside it */
        if (p->kind == SCOPE_CLASS) {
            if (sym->flags & SF_CLASSCELL) return p;
            continue;
        }
        if (sym->flags & SF_GLOBAL) return NULL;
        if (sym->flags & (SF_PARAM | SF_ASSIGNED | SF_NONLOCAL)) return p;
    }
    return NULL;
}

static void resolve(Builder *b, Scope *s)
{
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if (!scope_is_function(s)) {
            sym->scope = (sym->flags & SF_GLOBAL) ? SYM_GLOBAL_EXPLICIT : SYM_GLOBAL_IMPLICIT;
        } else if (s->kind == SCOPE_CLASS && !(sym->flags & SF_GLOBAL) && !(sym->flags & SF_NONLOCAL)) {
            if (sym->flags & (SF_PARAM | SF_CLASSCELL)) sym->scope = SYM_LOCAL;
            else if (sym->flags & SF_ASSIGNED) sym->scope = SYM_GLOBAL_IMPLICIT;   /* namespace dict */
            else sym->scope = binding_scope(s, sym->name) ? SYM_FREE : SYM_GLOBAL_IMPLICIT;
        } else if (sym->flags & SF_GLOBAL) {
            sym->scope = SYM_GLOBAL_EXPLICIT;
        } else if (sym->flags & SF_NONLOCAL) {
            if (!binding_scope(s, sym->name))
                fail_syntax_range(b, sym->decl_line, sym->decl_col, sym->decl_end_col, "no binding for nonlocal '%s' found",
                            sym->name);
            sym->scope = SYM_FREE;
        } else if (sym->flags & (SF_PARAM | SF_ASSIGNED)) {
            sym->scope = SYM_LOCAL;
        } else {
            sym->scope = binding_scope(s, sym->name) ? SYM_FREE : SYM_GLOBAL_IMPLICIT;
        }
    }
    for (int i = 0; i < s->nchildren; i++) resolve(b, s->children[i]);
}

/* ---- pass 3: cells ---- */

static void capture(Builder *b, Scope *s)
{
    for (int i = 0; i < s->nchildren; i++) capture(b, s->children[i]);
    for (int i = 0; i < s->nsyms; i++) {
        if (s->syms[i].scope != SYM_FREE) continue;
        /* Post-order: the parent threads the name further up itself. */
        Scope *p = s->parent;
        Symbol *sym = add_symbol(b, p, s->syms[i].name);
        if (p->kind == SCOPE_CLASS && sym->scope == SYM_GLOBAL_IMPLICIT && (sym->flags & SF_ASSIGNED))
            sym->flags |= SF_CLASSFREE;   /* the class body keeps using its namespace */
        if (sym->scope == SYM_LOCAL || sym->scope == SYM_CELL)
            sym->scope = SYM_CELL;
        else
            sym->scope = SYM_FREE;   /* passes through an intermediate scope */
    }
}

/* ---- pass 4: slots and names ---- */

static void qualify(Builder *b, Scope *s)
{
    Scope *p = s->parent;
    if (!p || !scope_is_function(p)) {
        s->qualname = xstrdup(b, s->name);
    } else if (p->kind == SCOPE_CLASS) {
        size_t n = strlen(p->qualname) + strlen(s->name) + 2;
        s->qualname = xalloc(b, n);
        snprintf(s->qualname, n, "%s.%s", p->qualname, s->name);
    } else {
        Symbol *sym = s->kind == SCOPE_FUNCTION ? scope_lookup(p, s->name) : NULL;
        if (sym && sym->scope == SYM_GLOBAL_EXPLICIT) {
            s->qualname = xstrdup(b, s->name);
        } else {
            size_t n = strlen(p->qualname) + strlen(s->name) + 11;
            s->qualname = xalloc(b, n);
            snprintf(s->qualname, n, "%s.<locals>.%s", p->qualname, s->name);
        }
    }
}

static void layout(Builder *b, Scope *s)
{
    if (s->parent) qualify(b, s);
    else s->qualname = xstrdup(b, s->name);
    if (scope_is_function(s)) {
        int nplain = 0, ncells = 0, nfrees = 0;
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = &s->syms[i];
            if (sym->scope == SYM_LOCAL && !(sym->flags & SF_PARAM)) nplain++;
            else if (sym->scope == SYM_CELL) ncells++;
            else if (sym->scope == SYM_FREE) nfrees++;
        }
        s->nplain = nplain;
        s->ncells = ncells;
        s->nfrees = nfrees;
        int nlocals = scope_nlocals(s);
        s->slotnames = xalloc(b, sizeof(char *) * (size_t)(nlocals ? nlocals : 1));
        s->cell_param = xalloc(b, sizeof(int) * (size_t)(ncells ? ncells : 1));
        int plain = s->nparams, cell = s->nparams + nplain, free = cell + ncells;
        int firstcell = cell;
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = &s->syms[i];
            if (sym->flags & SF_PARAM) s->slotnames[sym->param_slot] = sym->name;
            if (sym->scope == SYM_LOCAL) {
                sym->slot = (sym->flags & SF_PARAM) ? sym->param_slot : plain++;
                s->slotnames[sym->slot] = sym->name;
            } else if (sym->scope == SYM_CELL) {
                sym->slot = cell++;
                s->slotnames[sym->slot] = sym->name;
                s->cell_param[sym->slot - firstcell] = (sym->flags & SF_PARAM) ? sym->param_slot : -1;
            } else if (sym->scope == SYM_FREE) {
                sym->slot = free++;
                s->slotnames[sym->slot] = sym->name;
            }
        }
    }
    for (int i = 0; i < s->nchildren; i++) layout(b, s->children[i]);
}

Scope *symtable_build(Node *module, ParseError *err)
{
    Builder b;
    b.err = err;
    b.nesting = 0;
    Scope *volatile top = NULL;
    if (setjmp(b.fail)) {
        symtable_free(top);
        return NULL;
    }
    top = new_scope(&b, SCOPE_MODULE, module, NULL, "<module>");
    visit_stmts(&b, top, &module->body);
    resolve(&b, top);
    capture(&b, top);
    layout(&b, top);
    return top;
}
