/* ast.c — allocation, release and debug dump of the syntax tree built by
 * grammar/parser.y. Trees can be very deep (a 100 000-term `1+1+...` is a
 * left spine of that many nodes), so ast_free walks them without recursion. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include "parse/ast.h"

Node *ast_new(NodeKind kind, int line, int col)
{
    Node *n = calloc(1, sizeof *n);
    if (!n) return NULL;
    n->kind = kind;
    n->line = line;
    n->col = col;
    n->end_col = -1;
    return n;
}

int nodelist_append(NodeList *l, Node *n)
{
    if (l->len == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        Node **items;
        if (l->cap > (1 << 28)) return -1;
        items = realloc(l->items, (size_t)cap * sizeof *items);
        if (!items) return -1;
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = n;
    return 0;
}

void nodelist_push(NodeList *l, Node *n)
{
    /* No way to report failure here: the node is released rather than leaked.
     * Callers that must know use nodelist_append. */
    if (nodelist_append(l, n) < 0)
        ast_free(n);
}

/* The pending nodes form a stack threaded through their ival field, which
 * is dead once a node is being freed: no recursion, no extra allocation. */
#define PUSH(x) do { Node *x_ = (x); if (x_) { x_->ival = (int64_t)(intptr_t)top; top = x_; } } while (0)

static Node *push_list(Node *top, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        PUSH(l->items[i]);
    free(l->items);
    return top;
}

void ast_free(Node *n)
{
    Node *top = NULL;
    PUSH(n);
    while (top) {
        Node *cur = top;
        top = (Node *)(intptr_t)cur->ival;
        PUSH(cur->a);
        PUSH(cur->b);
        PUSH(cur->c);
        top = push_list(top, &cur->list);
        top = push_list(top, &cur->list2);
        top = push_list(top, &cur->body);
        top = push_list(top, &cur->orelse);
        top = push_list(top, &cur->finalbody);
        if (cur->args) {
            Params *pr = cur->args;
            for (int i = 0; i < pr->n; i++) free(pr->names[i]);
            for (int i = 0; i < pr->nkwonly; i++) free(pr->kwonly[i]);
            free(pr->names);
            free(pr->kwonly);
            free(pr->vararg);
            free(pr->kwarg);
            top = push_list(top, &pr->defaults);
            top = push_list(top, &pr->kwdefaults);
            free(pr);
        }
        for (int i = 0; i < cur->nnames; i++) free(cur->names[i]);
        free(cur->names);
        free(cur->ops);
        free(cur->str);
        free(cur->str2);
        free(cur);
    }
}

/* ---- dump ---- */

static const char *const kind_names[] = {
    [N_NAME] = "Name", [N_INT] = "Int", [N_FLOAT] = "Float", [N_STR] = "Str",
    [N_TRUE] = "True", [N_FALSE] = "False", [N_NONE] = "None", [N_ELLIPSIS] = "Ellipsis",
    [N_BINOP] = "BinOp", [N_UNARY] = "Unary", [N_BOOLOP] = "BoolOp", [N_COMPARE] = "Compare",
    [N_IFEXP] = "IfExp", [N_CALL] = "Call", [N_KEYWORD] = "Keyword", [N_ATTR] = "Attr",
    [N_SUBSCRIPT] = "Subscript", [N_SLICE] = "Slice", [N_LIST] = "List", [N_TUPLE] = "Tuple",
    [N_DICT] = "Dict", [N_LISTCOMP] = "ListComp", [N_DICTCOMP] = "DictComp",
    [N_COMPFOR] = "CompFor", [N_LAMBDA] = "Lambda", [N_STARRED] = "Starred", [N_YIELD] = "Yield", [N_YIELD_FROM] = "YieldFrom", [N_GENEXP] = "GenExp",
    [N_EXPR_STMT] = "Expr", [N_ASSIGN] = "Assign", [N_AUGASSIGN] = "AugAssign", [N_IF] = "If",
    [N_WHILE] = "While", [N_FOR] = "For", [N_BREAK] = "Break", [N_CONTINUE] = "Continue",
    [N_PASS] = "Pass", [N_DEF] = "Def", [N_RETURN] = "Return", [N_GLOBAL] = "Global",
    [N_NONLOCAL] = "Nonlocal", [N_DEL] = "Del", [N_ASSERT] = "Assert", [N_IMPORT] = "Import",
    [N_IMPORT_FROM] = "ImportFrom", [N_ALIAS] = "Alias", [N_TRY] = "Try", [N_HANDLER] = "Handler",
    [N_RAISE] = "Raise", [N_MODULE] = "Module",
    [N_SET] = "Set", [N_SETCOMP] = "SetComp", [N_FSTRING] = "FString", [N_FORMATTED] = "Formatted",
    [N_BYTES] = "Bytes",
    [N_CLASS] = "Class", [N_WITH] = "With", [N_WITHITEM] = "WithItem",
};

static const char *const binop_names[] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"
};
static const char *const unop_names[] = { "-", "+", "~", "not" };
static const char *const cmp_names[] = { "<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not" };

static void dump_str(FILE *f, const char *s, size_t n)
{
    fputc('\'', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '\'') fprintf(f, "\\%c", c);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c < 0x20 || c == 0x7F) fprintf(f, "\\x%02x", c);
        else fputc(c, f);
    }
    fputc('\'', f);
}

static void dump(const Node *n, FILE *f, int depth, const char *label);

static void dump_list(const NodeList *l, FILE *f, int depth, const char *label)
{
    for (int i = 0; i < l->len; i++)
        dump(l->items[i], f, depth, label);
}

static void indent(FILE *f, int depth, const char *label)
{
    fprintf(f, "%*s", depth * 2, "");
    if (label) fprintf(f, "%s: ", label);
}

static void dump_params(const Params *pr, FILE *f, int depth)
{
    for (int i = 0; i < pr->n; i++) {
        indent(f, depth, "param");
        fprintf(f, "%s\n", pr->names[i]);
    }
    dump_list(&pr->defaults, f, depth, "default");
    if (pr->vararg) {
        indent(f, depth, "vararg");
        fprintf(f, "%s\n", pr->vararg);
    }
    for (int i = 0; i < pr->nkwonly; i++) {
        indent(f, depth, "kwonly");
        fprintf(f, "%s\n", pr->kwonly[i]);
        if (i < pr->kwdefaults.len && pr->kwdefaults.items[i])
            dump(pr->kwdefaults.items[i], f, depth + 1, "default");
    }
    if (pr->kwarg) {
        indent(f, depth, "kwarg");
        fprintf(f, "%s\n", pr->kwarg);
    }
}

static void dump(const Node *n, FILE *f, int depth, const char *label)
{
    indent(f, depth, label);
    if (!n) {
        fputs("-\n", f);
        return;
    }
    fputs((unsigned)n->kind < sizeof kind_names / sizeof kind_names[0] && kind_names[n->kind]
              ? kind_names[n->kind] : "?", f);
    switch (n->kind) {
    case N_NAME: case N_ATTR: case N_DEF:
        fprintf(f, " %s", n->str ? n->str : "?");
        break;
    case N_KEYWORD:
        fprintf(f, " %s", n->str ? n->str : "**");
        break;
    case N_INT:
        if (n->str) fprintf(f, " %s (overflow)", n->str);
        else fprintf(f, " %" PRId64, n->ival);
        break;
    case N_FLOAT:
        fprintf(f, " %.17g", n->fval);
        break;
    case N_STR: case N_BYTES:
        fputc(' ', f);
        dump_str(f, n->str ? n->str : "", n->slen);
        break;
    case N_BINOP: case N_AUGASSIGN:
        fprintf(f, " %s", (unsigned)n->op < 13 ? binop_names[n->op] : "?");
        break;
    case N_UNARY:
        fprintf(f, " %s", (unsigned)n->op < 4 ? unop_names[n->op] : "?");
        break;
    case N_FORMATTED:
        if (n->op) fprintf(f, " !%c", n->op);
        break;
    case N_BOOLOP:
        fputs(n->op ? " or" : " and", f);
        break;
    case N_TUPLE:
        if (n->op) fputs(" (parens)", f);
        break;
    case N_ALIAS:
        fprintf(f, " %s", n->str ? n->str : "?");
        if (n->str2) fprintf(f, " as %s", n->str2);
        break;
    case N_IMPORT_FROM:
        fprintf(f, " %s", n->str ? n->str : "?");
        break;
    case N_HANDLER:
        if (n->str) fprintf(f, " as %s", n->str);
        break;
    case N_GLOBAL: case N_NONLOCAL:
        for (int i = 0; i < n->nnames; i++) fprintf(f, " %s", n->names[i]);
        break;
    default:
        break;
    }
    fputc('\n', f);
    depth++;
    switch (n->kind) {
    case N_COMPARE:
        dump(n->a, f, depth, NULL);
        for (int i = 0; i < n->list.len; i++) {
            indent(f, depth, "op");
            fprintf(f, "%s\n", (unsigned)n->ops[i] < 10 ? cmp_names[n->ops[i]] : "?");
            dump(n->list.items[i], f, depth, NULL);
        }
        return;
    case N_IFEXP:
        dump(n->a, f, depth, "test");
        dump(n->b, f, depth, "body");
        dump(n->c, f, depth, "orelse");
        return;
    case N_CALL:
        dump(n->a, f, depth, "func");
        dump_list(&n->list, f, depth, "arg");
        dump_list(&n->list2, f, depth, "kw");
        return;
    case N_DICT:
        for (int i = 0; i < n->list.len; i++) {
            dump(n->list.items[i], f, depth, "key");
            dump(i < n->list2.len ? n->list2.items[i] : NULL, f, depth, "value");
        }
        return;
    case N_SLICE:
        dump(n->a, f, depth, "lower");
        dump(n->b, f, depth, "upper");
        dump(n->c, f, depth, "step");
        return;
    case N_ASSIGN:
        dump_list(&n->list, f, depth, "target");
        dump(n->a, f, depth, "value");
        return;
    case N_COMPFOR:
        dump(n->a, f, depth, "target");
        dump(n->b, f, depth, "iter");
        dump_list(&n->list, f, depth, "if");
        return;
    case N_LISTCOMP: case N_DICTCOMP: case N_SETCOMP:
        dump(n->a, f, depth, n->kind == N_DICTCOMP ? "key" : "elt");
        if (n->b) dump(n->b, f, depth, "value");
        dump_list(&n->list, f, depth, NULL);
        return;
    case N_DEF: case N_LAMBDA:
        dump_list(&n->list, f, depth, "decorator");
        if (n->args) dump_params(n->args, f, depth);
        if (n->a) dump(n->a, f, depth, "body");
        dump_list(&n->body, f, depth, "body");
        return;
    case N_IF: case N_WHILE: case N_FOR:
        if (n->kind == N_FOR) {
            dump(n->a, f, depth, "target");
            dump(n->b, f, depth, "iter");
        } else {
            dump(n->a, f, depth, "test");
        }
        dump_list(&n->body, f, depth, "body");
        dump_list(&n->orelse, f, depth, "orelse");
        return;
    case N_TRY:
        dump_list(&n->body, f, depth, "body");
        dump_list(&n->list, f, depth, NULL);
        dump_list(&n->orelse, f, depth, "orelse");
        dump_list(&n->finalbody, f, depth, "finally");
        return;
    case N_RAISE:
        if (n->a) dump(n->a, f, depth, NULL);
        if (n->b) dump(n->b, f, depth, "cause");
        return;
    default:
        break;
    }
    if (n->a) dump(n->a, f, depth, NULL);
    if (n->b) dump(n->b, f, depth, NULL);
    if (n->c) dump(n->c, f, depth, NULL);
    dump_list(&n->list, f, depth, NULL);
    dump_list(&n->list2, f, depth, NULL);
    dump_list(&n->body, f, depth, "body");
    dump_list(&n->orelse, f, depth, "orelse");
    dump_list(&n->finalbody, f, depth, "finally");
}

void ast_dump(const Node *n, void *file)
{
    dump(n, file ? (FILE *)file : stdout, 0, NULL);
}
