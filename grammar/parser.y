/* parser.y — the scr grammar (bison, LALR(1), pure, with locations): the
 * subset of Python 3.11 turned into src/parse/ast.h trees, with CPython's
 * precedence and its SyntaxError texts for the common mistakes.
 *
 * ---------------------------------------------------------------------------
 * How the tree uses the fields of src/parse/ast.h (what the compiler may rely on):
 *
 *  positions   line (1-based) and col (0-based byte column) of the node's first
 *              token; end_col = column just past its last token when that is on
 *              the same line, -1 when the node continues on later lines;
 *              end_line/end_lcol = line and column just past its last token
 *              (end_line 0 when unknown). A compound statement's end is its
 *              first line's. f-string fields are moved to their place in the
 *              file when the f-string is on one line.
 *              A parenthesized expression keeps the position of its inside, except
 *              a parenthesized tuple, which starts at its '('.
 *  N_INT       fits in int64: ival, str == NULL, op == 0.
 *              does not fit: op == 1 and str = the literal without '_' (with its
 *              0x/0o/0b prefix, e.g. "0xffffffffffffffffff" or "123456789012345678901"),
 *              ival = 0. (-9223372036854775808 is folded to one N_INT with ival INT64_MIN.)
 *  N_FLOAT     fval.   N_STR: str/slen decoded UTF-8 (may contain NUL; lone
 *              surrogates from \ud800 escapes are 3-byte sequences); adjacent
 *              literals are already joined.
 *  N_TUPLE     list; op == 1 when written with parentheses, 0 for a bare `a, b`.
 *  N_BOOLOP    op 0 = and, 1 = or; `a or b or c` is ONE node with 3 operands,
 *              `(a or b) or c` nests.
 *  N_COMPARE   a, list (len k), ops[k] (CmpOp); `not in` / `is not` are single ops.
 *  N_UNARY     op UnaryOp (UOP_NOT for `not`).
 *  N_CALL      a: callee; list: positional args in order, `*x` as N_STARRED;
 *              list2: N_KEYWORD nodes in order, `**x` as N_KEYWORD with str == NULL.
 *              Ordering rules are checked here (positional after keyword, etc.).
 *  N_SUBSCRIPT b: index; `a[i:j]` -> N_SLICE; `a[1, 2:3]` / `a[:, ]` -> N_TUPLE (op 0)
 *              of the parts.
 *  N_SLICE     a, b, c each NULL when omitted.
 *  N_DICT      list keys, list2 values (same length); `**d` is a NULL key with d as
 *              its value.
 *  N_YIELD     a: value or NULL (`yield`, `yield a, b`); N_YIELD_FROM a. Only as an
 *              expression statement, an assignment's value, `return` value or in
 *              parentheses. (`'yield' outside function` is the symbol table's.)
 *  N_GENEXP    a: element, list: N_COMPFOR clauses; op 1 when written as the bare
 *              argument of a call (`f(x for x in y)`), which must then be the only
 *              argument ("Generator expression must be parenthesized").
 *  N_SET       list: elements (N_STARRED allowed); `{}` stays an empty N_DICT.
 *  N_SETCOMP   a: element, list: N_COMPFOR clauses (like N_LISTCOMP).
 *  N_STR/N_BYTES/N_FSTRING  adjacent literals are joined: str + str -> N_STR,
 *              bytes + bytes -> N_BYTES, anything + f-string -> N_FSTRING, bytes
 *              with non-bytes -> "cannot mix bytes and nonbytes literals".
 *  N_FSTRING   list: parts in order, N_STR (decoded literal text, never empty) or
 *              N_FORMATTED; `f'{x=}'` puts an N_STR "x=" before its field.
 *  N_FORMATTED a: the expression (parsed alone as "(expr)", lines shifted to the
 *              f-string's), op: 's' 'r' 'a' or 0, b: the spec as an N_FSTRING or NULL.
 *  N_LISTCOMP / N_DICTCOMP  list: N_COMPFOR clauses, outermost first.
 *  N_COMPFOR   a: target (validated like an assignment target), b: iterable,
 *              list: the `if` conditions of this clause in order.
 *  N_STARRED   only inside: tuple/list displays, call positional args, assignment /
 *              for targets (at most one per tuple/list level, never alone).
 *  N_ASSIGN    list: targets left to right (`a = b = 1` has [a, b]), a: value.
 *              Targets are validated: N_NAME, N_ATTR, N_SUBSCRIPT, N_TUPLE/N_LIST of
 *              targets, N_STARRED inside those.
 *  N_AUGASSIGN op BinOp, a: N_NAME/N_ATTR/N_SUBSCRIPT, b: value.
 *  N_IF        elif chains: orelse holds exactly one N_IF.
 *  N_FOR       a: target (an N_TUPLE with op 0 for `for i, j in`).
 *  N_DEL       list: targets; `del a, b` gives [a, b]; `del (a, b)` gives [tuple].
 *  N_DEF       str name, args Params (never NULL), body, list: decorator
 *              expressions top to bottom (empty when none); line/col of `def`.
 *  N_LAMBDA    args Params (never NULL), a: body.
 *  Params      names[n] positional params; defaults = expressions of the LAST
 *              defaults.len of them; vararg = name of *args or NULL; kwonly[nkwonly]
 *              keyword-only names; kwdefaults.len == nkwonly, items[i] the default
 *              of kwonly[i] or NULL; kwarg = name of **kwargs or NULL. Duplicate
 *              names, non-default after default, bare `*` without keyword-only
 *              params are rejected here. The first nposonly names are
 *              positional-only (before a `/`).
 *  N_GLOBAL / N_NONLOCAL  names[nnames].
 *  N_IMPORT    list: N_ALIAS (str dotted name "a.b", str2 `as` name or NULL).
 *  N_IMPORT_FROM  str module (dotted), list N_ALIAS; `from m import *` is one
 *              N_ALIAS with str "*". Relative imports are rejected.
 *  N_TRY       body, list N_HANDLER (a bare except is only allowed last), orelse,
 *              finalbody (each possibly empty).
 *  N_HANDLER   a: type or NULL, str: `as` name or NULL, body.
 *  N_RAISE     a: exception or NULL, b: cause or NULL.
 *  N_RETURN    a or NULL.  N_ASSERT a, b or NULL.
 *  N_CLASS     str name, list decorators, list2 bases; N_WITH list of N_WITHITEM (a, b target).
 *  Rejected with "... not supported by scr yet": async, await,
 *  `...`, `:=`, `->`/annotations, imaginary literals.
 *
 * Errors (ParseError): line, col (0-based), msg (CPython's text where known),
 * is_indent = 1 for IndentationError, 2 for TabError; incomplete = 1 when the
 * input ended too early (open bracket, unterminated triple-quoted string,
 * backslash at EOF, missing block after ':', missing except/finally ...).
 * Out of memory: msg "out of memory", line 0. More than 200 open brackets or a
 * nesting deeper than the parser stack (e.g. 20 000 unary minus signs):
 * "too many nested parentheses". Trees of left-associative chains (`1+1+...`)
 * can be arbitrarily deep (the parser stack stays flat); ast_free is
 * iterative, the compiler must not recurse blindly on them.
 * As in CPython, when the parser fails, the rest of the file is still
 * tokenized and a tokenizer error found there (unterminated string, bad
 * literal, unmatched bracket ...) replaces the parser's message.
 * Not checked here (symbol-table errors, the compiler's job): 'return' /
 * 'break' / 'continue' outside function or loop, nonlocal at module level,
 * "name 'x' is assigned to before global declaration", coding cookies.
 * ---------------------------------------------------------------------------
 */

%require "3.8"
%define api.pure full
%define api.token.prefix {TOK_}
%define parse.error custom
%locations
%parse-param {Parser *p}
%lex-param {Parser *p}

%code requires {
#include "parse/ast.h"
typedef struct Parser Parser;
typedef struct IfChain { Node *head, *tail; } IfChain;
}

%code {
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "parse/lexer.h"

/* ==== Python 3.11 syntax scr does not have yet ====
 * The parser rejects these with a message naming the feature instead of
 * CPython's "invalid syntax"; remove a line when its feature arrives
 * (docs/language.md lists them under "Not supported yet"). */
#define SCR_NO_ASYNC            "async and await are not supported by scr yet"
#define SCR_NO_WALRUS           "assignment expressions (:=) are not supported by scr yet"
#define SCR_NO_ANNOTATIONS      "annotations are not supported by scr yet"
#define SCR_NO_RELATIVE_IMPORT  "relative imports are not supported by scr yet"
#define SCR_NO_CLASS_KEYWORDS   "class keyword arguments are not supported by scr yet"
#define SCR_NO_MATCH            "match statements are not supported by scr yet"
#define SCR_NO_EXCEPT_STAR      "exception groups (except*) are not supported by scr yet"
#define SCR_NO_WITH_PARENS      "parenthesized context managers are not supported by scr yet"
/* ==== */

#define YYMAXDEPTH 20000
/* bison's stack growth: a failure there is MemoryError, not deep nesting */
#define YYMALLOC(n) parser_stack_alloc(p, (n))

struct Parser {
    Lexer *lx;
    ParseError *err;
    Node *result;
    int oom;            /* an allocation failed */
    int errset;         /* err already filled (lexer or semantic error) */
    int tok, prev1, prev2;   /* lookahead kind and the two tokens before it */
    int tok_at_eof;
    int line_first;     /* kind of the first token of the current logical line */
    YYLTYPE loc, prev1_loc;  /* locations of the lookahead and of the token before */
    YYLTYPE nl_loc;          /* location of the latest NEWLINE */
    int no_rescan;           /* the error stands even if the rest of the file has a token error */
    /* The tokens of the current logical line, for the error messages that
     * look around the token where parsing failed (see "error messages"). */
    struct ETok *toks;
    int ntoks, captoks;
    int far_line;            /* line of the furthest token read */
    int scan_depth;          /* nested lambdas measured by scan_expr */
    int blocks[100];         /* first token kinds of the lines that opened the blocks we are in */
    int nblocks;
    int lex_failed;          /* reading ahead for a message met a token error, kept here: */
    ParseError lex_err;
};

typedef struct ETok {
    int kind;
    YYLTYPE loc;
    int depth;          /* brackets open after this token */
    char name[8];       /* a short NAME's text */
} ETok;

static void etok_record(Parser *p, int kind, const YYLTYPE *loc, const char *name)
{
    if (p->ntoks > 0) {
        int last = p->toks[p->ntoks - 1].kind;
        if (last == TOK_NEWLINE || last == TOK_INDENT || last == TOK_DEDENT) p->ntoks = 0;
    }
    if (p->ntoks == p->captoks) {
        int cap = p->captoks ? p->captoks * 2 : 64;
        ETok *t = cap < (1 << 24) ? realloc(p->toks, (size_t)cap * sizeof *t) : NULL;
        if (!t) return;          /* the messages only get less precise */
        p->toks = t;
        p->captoks = cap;
    }
    ETok *t = &p->toks[p->ntoks++];
    t->kind = kind;
    t->loc = *loc;
    t->depth = lexer_depth(p->lx);
    t->name[0] = 0;
    if (name && strlen(name) < sizeof t->name) strcpy(t->name, name);
}

static void *parser_stack_alloc(Parser *p, size_t n)
{
    void *r = malloc(n);
    if (!r) p->oom = 1;
    return r;
}

static int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *p);
static void yyerror(YYLTYPE *loc, Parser *p, const char *msg);

/* An action that fails leaves its right-hand side untouched and sets yylen
 * to 0, so that bison's cleanup destroys those symbols too (the skeleton
 * otherwise skips the symbols of the failing rule). */
#define NOMEM() do { p->oom = 1; yylen = 0; YYNOMEM; } while (0)
#define FAIL()  do { yylen = 0; YYABORT; } while (0)
#define NEW(v, k, loc) do { if (!((v) = mk(p, (k), &(loc)))) NOMEM(); } while (0)

/* The end of n is the end of loc (for traceback markers and end_col). */
static void set_end(Node *n, const YYLTYPE *loc)
{
    n->end_col = loc->last_line == n->line ? loc->last_column : -1;
    n->end_line = loc->last_line;
    n->end_lcol = loc->last_column;
}

static Node *mk(Parser *p, NodeKind k, const YYLTYPE *loc)
{
    Node *n = ast_new(k, loc->first_line, loc->first_column);
    (void)p;
    if (n) set_end(n, loc);
    return n;
}

static int reserve(NodeList *l, int extra)
{
    if (l->len + extra > l->cap) {
        int cap = l->cap ? l->cap : 4;
        Node **items;
        while (cap < l->len + extra) {
            if (cap > (1 << 28)) return -1;
            cap *= 2;
        }
        items = realloc(l->items, (size_t)cap * sizeof *items);
        if (!items) return -1;
        l->items = items;
        l->cap = cap;
    }
    return 0;
}

/* Appends or fails without taking n. */
static int push(NodeList *l, Node *n)
{
    if (reserve(l, 1) < 0) return -1;
    l->items[l->len++] = n;
    return 0;
}

/* Moves every item of src to the end of dst (src's array is freed), or fails
 * leaving both unchanged. */
static int append_all(NodeList *dst, NodeList *src)
{
    if (reserve(dst, src->len) < 0) return -1;
    memcpy(dst->items + dst->len, src->items, (size_t)src->len * sizeof *src->items);
    dst->len += src->len;
    free(src->items);
    src->items = NULL;
    src->len = src->cap = 0;
    return 0;
}

static void list_free(NodeList *l)
{
    for (int i = 0; i < l->len; i++) ast_free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

/* A node whose list holds x (and y when not NULL); NULL without taking them. */
static Node *mk_list(Parser *p, NodeKind k, const YYLTYPE *loc, Node *x, Node *y)
{
    Node *n = mk(p, k, loc);
    if (!n) return NULL;
    if (reserve(&n->list, 2) < 0) { ast_free(n); return NULL; }
    n->list.items[n->list.len++] = x;
    if (y) n->list.items[n->list.len++] = y;
    return n;
}

static Node *mk_binop(Parser *p, const YYLTYPE *loc, int op, Node *a, Node *b)
{
    Node *n = mk(p, N_BINOP, loc);
    if (!n) return NULL;
    n->op = op; n->a = a; n->b = b;
    return n;
}

static int syntax_verror(Parser *p, int line, int col, int end_line, int end_col, const char *fmt, va_list ap)
{
    if (p->errset) return -1;
    p->errset = 1;
    p->err->line = line;
    p->err->col = col;
    p->err->end_line = end_line;
    p->err->end_col = end_col;
    p->err->text[0] = 0;
    p->err->is_indent = 0;
    p->err->incomplete = 0;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    return -1;
}

/* An error marked with one ^ at line:col. */
static int syntax_error(Parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    syntax_verror(p, line, col, 0, 0, fmt, ap);
    va_end(ap);
    return -1;
}

/* An error marked with ^^^ from the start of `from` to the end of `to`. */
static int syntax_error_range(Parser *p, const YYLTYPE *from, const YYLTYPE *to, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    syntax_verror(p, from->first_line, from->first_column, to->last_line, to->last_column, fmt, ap);
    va_end(ap);
    return -1;
}

/* An error marked under the whole of node n (to the end of its first line
 * when it goes on). */
static int error_node(Parser *p, const Node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    syntax_verror(p, n->line, n->col, n->end_col >= 0 ? n->line : n->line + 1, n->end_col >= 0 ? n->end_col : 0,
                  fmt, ap);
    va_end(ap);
    return -1;
}

static int error_at(Parser *p, const Node *n, const char *fmt, const char *arg)
{
    return error_node(p, n, fmt, arg);
}

/* ---- target validation ---- */

enum { CTX_ASSIGN, CTX_DEL, CTX_FOR };

static const char *expr_name(const Node *n)
{
    switch (n->kind) {
    case N_ATTR: return "attribute";
    case N_SUBSCRIPT: return "subscript";
    case N_STARRED: return "starred";
    case N_NAME: return "name";
    case N_LIST: return "list";
    case N_TUPLE: return "tuple";
    case N_LAMBDA: return "lambda";
    case N_CALL: return "function call";
    case N_BOOLOP: case N_BINOP: case N_UNARY: return "expression";
    case N_LISTCOMP: return "list comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_SETCOMP: return "set comprehension";
    case N_FSTRING: return "f-string expression";
    case N_BYTES: return "literal";
    case N_NONE: return "None";
    case N_ELLIPSIS: return "ellipsis";
    case N_TRUE: return "True";
    case N_FALSE: return "False";
    case N_INT: case N_FLOAT: case N_STR: return "literal";
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    case N_SLICE: return "slice";
    case N_YIELD: case N_YIELD_FROM: return "yield expression";
    case N_GENEXP: return "generator expression";
    default: return "expression";
    }
}

static const Node *invalid_target(const Node *n, int ctx)
{
    switch (n->kind) {
    case N_NAME: case N_ATTR: case N_SUBSCRIPT:
        return NULL;
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < n->list.len; i++) {
            const Node *r = invalid_target(n->list.items[i], ctx);
            if (r) return r;
        }
        return NULL;
    case N_STARRED:
        return ctx == CTX_DEL ? n : invalid_target(n->a, ctx);
    default:
        return n;
    }
}

static int check_starred(Parser *p, const Node *n)
{
    int nstar = 0;
    if (n->kind != N_TUPLE && n->kind != N_LIST) return 0;
    for (int i = 0; i < n->list.len; i++) {
        const Node *e = n->list.items[i];
        if (e->kind == N_STARRED) {
            if (++nstar > 1)
                return error_at(p, n, "multiple starred expressions in assignment", NULL);
            e = e->a;
        }
        if (check_starred(p, e) < 0) return -1;
    }
    return 0;
}

/* The first bitwise_or (operand of a comparison, `and`, `or`, `if`) of
 * value, or NULL when it starts otherwise (yield, lambda, not, *x). */
static const Node *first_bitwise_or(const Node *v)
{
    for (;;) {
        switch (v->kind) {
        case N_TUPLE: if (v->op || !v->list.len) return v; v = v->list.items[0]; break;
        case N_COMPARE: v = v->a; break;
        case N_BOOLOP: v = v->list.items[0]; break;
        case N_IFEXP: v = v->b; break;
        case N_YIELD: case N_YIELD_FROM: case N_LAMBDA: case N_STARRED: return NULL;
        case N_UNARY: return v->op == UOP_NOT ? NULL : v;
        default: return v;
        }
    }
}

/* value: for the only target of `x = value`, where CPython (its
 * invalid_named_expression rule, which sees the target's last element
 * followed by '=') may suggest '=='. */
static int check_target(Parser *p, const Node *t, int ctx, const Node *value)
{
    const Node *bad = invalid_target(t, ctx);
    if (bad) {
        const char *what = ctx == CTX_DEL ? "delete" : "assign to";
        const Node *rhs = value ? first_bitwise_or(value) : NULL;
        const Node *last = t->kind == N_TUPLE && t->op == 0 && t->list.len ? t->list.items[t->list.len - 1] : t;
        if (rhs && last->kind == N_NAME && last != bad) {
            if (p->errset) return -1;
            syntax_error(p, last->line, last->col, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            p->err->end_line = rhs->end_col >= 0 ? rhs->line : rhs->line + 1;
            p->err->end_col = rhs->end_col;
            return -1;
        }
        if (rhs && invalid_target(last, ctx) == last && last->kind != N_COMPARE && last->kind != N_BOOLOP &&
            !(last->kind == N_UNARY && last->op == UOP_NOT) && last->kind != N_IFEXP && last->kind != N_LAMBDA &&
            last->kind != N_NONE && last->kind != N_TRUE && last->kind != N_FALSE && last->kind != N_GENEXP &&
            last->kind != N_LIST && !(last->kind == N_TUPLE && last->op) && last->kind != N_STARRED)
            return error_node(p, last, "cannot %s %s here. Maybe you meant '==' instead of '='?", what,
                              expr_name(last));
        if (ctx == CTX_ASSIGN && (bad->kind == N_YIELD || bad->kind == N_YIELD_FROM))
            return error_node(p, bad, "assignment to yield expression not possible");
        return error_node(p, bad, "cannot %s %s", what, expr_name(bad));
    }
    if (ctx == CTX_DEL) return 0;
    if (t->kind == N_STARRED)
        return error_at(p, t, "starred assignment target must be in a list or tuple", NULL);
    return check_starred(p, t);
}

static int check_aug_target(Parser *p, const Node *t)
{
    if (t->kind == N_NAME || t->kind == N_ATTR || t->kind == N_SUBSCRIPT) return 0;
    return error_at(p, t, "'%s' is an illegal expression for augmented assignment", expr_name(t));
}

static int check_value(Parser *p, const Node *v)
{
    if (v->kind == N_STARRED)
        return error_at(p, v, "can't use starred expression here", NULL);
    return 0;
}

/* ---- calls ---- */

#define SEEN_KW 1
#define SEEN_KWUNPACK 2

static int add_arg(Parser *p, Node *call, Node *arg)
{
    /* a bare generator expression must be the only argument */
    if (call->op & 4)
        return error_at(p, call->list.items[0], "Generator expression must be parenthesized", NULL);
    if (arg->kind == N_GENEXP && arg->op == 1 && (call->list.len || call->list2.len))
        return error_at(p, arg, "Generator expression must be parenthesized", NULL);
    if (arg->kind == N_GENEXP && arg->op == 1) call->op |= 4;
    if (arg->kind == N_KEYWORD) {
        if (arg->str)
            for (int i = 0; i < call->list2.len; i++) {
                const Node *k = call->list2.items[i];
                if (k->str && strcmp(k->str, arg->str) == 0)
                    return error_at(p, arg, "keyword argument repeated: %s", arg->str);
            }
        if (push(&call->list2, arg) < 0) { p->oom = 1; return -1; }
        call->op |= arg->str ? SEEN_KW : SEEN_KWUNPACK;
        return 0;
    }
    if (arg->kind == N_STARRED) {
        if (call->op & SEEN_KWUNPACK)
            return syntax_error(p, arg->line, arg->col, "iterable argument unpacking follows keyword argument unpacking");
    } else if (call->op & SEEN_KWUNPACK) {
        /* CPython marks the token after the argument (the last one it read) */
        return syntax_error_range(p, &p->loc, &p->loc, "positional argument follows keyword argument unpacking");
    } else if (call->op & SEEN_KW) {
        return syntax_error_range(p, &p->loc, &p->loc, "positional argument follows keyword argument");
    }
    if (push(&call->list, arg) < 0) { p->oom = 1; return -1; }
    return 0;
}

/* ---- parameters ----
 * The grammar collects N_NAME items (op 0 plain with a = default or NULL,
 * 1 = `*` / `*name`, 2 = `**name`, 3 = `/`) in a holder node's list; this
 * checks them and moves their names and defaults into a Params. */

static void params_free_shallow(Params *pr)
{
    if (!pr) return;
    free(pr->names);
    free(pr->kwonly);
    free(pr->defaults.items);
    free(pr->kwdefaults.items);
    free(pr);
}

static Params *build_params(Parser *p, Node *holder)
{
    int n = holder ? holder->list.len : 0;
    Node **it = holder ? holder->list.items : NULL;
    int state = 0, seen_default = 0, npos = 0, ndef = 0, nkw = 0, seen_slash = 0, nposonly = 0;
    const Node *bare = NULL;
    Params *pr;

    for (int i = 0; i < n; i++) {
        const Node *x = it[i];
        if (state == 2) {
            error_at(p, x, "arguments cannot follow var-keyword argument", NULL);
            return NULL;
        }
        if (x->str)
            for (int j = 0; j < i; j++)
                if (it[j]->str && strcmp(it[j]->str, x->str) == 0) {
                    /* CPython's symbol table finds this one: the name is marked */
                    YYLTYPE name = { x->line, x->col + (x->op == 1 || x->op == 2 ? 1 + (x->op == 2) : 0), x->line, 0 };
                    name.last_column = name.first_column + (int)strlen(x->str);
                    syntax_error_range(p, &name, &name, "duplicate argument '%s' in function definition", x->str);
                    p->err->from_compiler = 1;
                    return NULL;
                }
        switch (x->op) {
        case 3:
            if (state != 0) {
                error_at(p, x, "/ must be ahead of *", NULL);
                return NULL;
            }
            if (seen_slash) {
                error_at(p, x, "/ may appear only once", NULL);
                return NULL;
            }
            if (npos == 0) {
                error_at(p, x, "at least one argument must precede /", NULL);
                return NULL;
            }
            seen_slash = 1;
            nposonly = npos;
            break;
        case 1:
            if (state == 1) {
                syntax_error(p, x->line, x->col, "* argument may appear only once");
                return NULL;
            }
            state = 1;
            if (!x->str) bare = x;
            break;
        case 2:
            if (bare && nkw == 0) {
                error_at(p, bare, "named arguments must follow bare *", NULL);
                return NULL;
            }
            state = 2;
            break;
        default:
            if (state == 1) {
                nkw++;
            } else {
                npos++;
                if (x->a) {
                    seen_default = 1;
                    ndef++;
                } else if (seen_default) {
                    error_at(p, x, "non-default argument follows default argument", NULL);
                    return NULL;
                }
            }
        }
    }
    if (bare && nkw == 0) {
        error_at(p, bare, "named arguments must follow bare *", NULL);
        return NULL;
    }

    pr = calloc(1, sizeof *pr);
    if (!pr) goto nomem;
    if (npos && !(pr->names = calloc((size_t)npos, sizeof *pr->names))) goto nomem;
    if (nkw && !(pr->kwonly = calloc((size_t)nkw, sizeof *pr->kwonly))) goto nomem;
    if (reserve(&pr->defaults, ndef) < 0 || reserve(&pr->kwdefaults, nkw) < 0) goto nomem;

    /* nothing can fail from here on: take the names and defaults */
    pr->nposonly = nposonly;
    state = 0;
    for (int i = 0; i < n; i++) {
        Node *x = it[i];
        if (x->op == 3) continue;
        if (x->op == 1) { pr->vararg = x->str; x->str = NULL; state = 1; continue; }
        if (x->op == 2) { pr->kwarg = x->str; x->str = NULL; continue; }
        if (state == 0) {
            pr->names[pr->n++] = x->str;
            if (x->a) pr->defaults.items[pr->defaults.len++] = x->a;
        } else {
            pr->kwonly[pr->nkwonly++] = x->str;
            pr->kwdefaults.items[pr->kwdefaults.len++] = x->a;
        }
        x->str = NULL;
        x->a = NULL;
    }
    return pr;
nomem:
    params_free_shallow(pr);
    p->oom = 1;
    return NULL;
}

/* ---- small utilities of the actions ---- */

static int add_name(Node *n, char *name)
{
    char **names = realloc(n->names, (size_t)(n->nnames + 1) * sizeof *names);
    if (!names) return -1;
    n->names = names;
    names[n->nnames++] = name;
    return 0;
}

static int cmp_append(Node *n, int op, Node *x)
{
    int *ops;
    if (reserve(&n->list, 1) < 0) return -1;
    ops = realloc(n->ops, (size_t)(n->list.len + 1) * sizeof *ops);
    if (!ops) return -1;
    n->ops = ops;
    ops[n->list.len] = op;
    n->list.items[n->list.len++] = x;
    return 0;
}

/* A tuple from testlist-like rules to a list display. */
static Node *to_list(Parser *p, const YYLTYPE *loc, Node *x)
{
    Node *n = mk(p, N_LIST, loc);
    if (!n) return NULL;
    if (x->kind == N_TUPLE && x->op == 0) {
        n->list = x->list;
        x->list = (NodeList){ 0 };
        ast_free(x);
    } else if (push(&n->list, x) < 0) {
        ast_free(n);
        return NULL;
    }
    return n;
}

static void set_pos(Node *n, const YYLTYPE *loc)
{
    n->line = loc->first_line;
    n->col = loc->first_column;
}

static int unsupported(Parser *p, const YYLTYPE *loc, const char *what)
{
    return syntax_error(p, loc->first_line, loc->first_column, "%s are not supported by scr yet", what);
}

/* ---- f-strings ----
 * The lexer hands over an f-string's body as written (TOK_STRING, op 2, or
 * 3 when raw); it is split here as CPython 3.11's string_parser.c does:
 * literal text (escapes decoded, {{ and }} halved) and replacement fields
 * {expr=!c:spec}, whose expression is parsed on its own as "(expr)" and
 * whose spec is itself an f-string (one level of nesting allowed). */

typedef struct FBuf { char *p; size_t len, cap; } FBuf;

static int fbuf_put(FBuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        while (cap < b->len + n + 1) cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 0;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int put_cp(FBuf *b, uint32_t cp)
{
    char o[4];
    int n;
    if (cp < 0x80) { o[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    return fbuf_put(b, o, (size_t)n);
}

/* Decodes the escapes of literal text s[0..n) (already checked by the
 * lexer's scan, so only well-formed ones remain, except \N). */
static int fdecode(Parser *p, FBuf *b, const char *s, size_t n, int line, int col)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\' || i + 1 >= n) { if (fbuf_put(b, s + i, 1) < 0) return -1; i++; continue; }
        c = (unsigned char)s[i + 1];
        i += 2;
        switch (c) {
        case '\n': continue;
        case '\\': case '\'': case '"': if (fbuf_put(b, (char *)&c, 1) < 0) return -1; continue;
        case 'n': c = '\n'; break;
        case 't': c = '\t'; break;
        case 'r': c = '\r'; break;
        case 'a': c = '\a'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'v': c = '\v'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t cp = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++, i++) cp = cp * 8 + (uint32_t)(s[i] - '0');
            if (put_cp(b, cp) < 0) return -1;
            continue;
        }
        case 'x': case 'u': case 'U': {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t cp = 0;
            size_t from = i - 2;
            for (int k = 0; k < nd; k++, i++) {
                int d = i < n ? hexval((unsigned char)s[i]) : -1;
                if (d < 0) {
                    syntax_error(p, line, col, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                 "%zu-%zu: truncated \\%s escape", from, i - 1,
                                 c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
                    return -2;
                }
                cp = cp * 16 + (uint32_t)d;
            }
            if (cp > 0x10FFFF) {
                syntax_error(p, line, col, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                             "%zu-%zu: illegal Unicode character", from, i - 1);
                return -2;
            }
            if (put_cp(b, cp) < 0) return -1;
            continue;
        }
        case 'N':
            syntax_error(p, line, col, "\\N{...} escapes are not supported by scr yet");
            return -2;
        default:
            if (fbuf_put(b, "\\", 1) < 0) return -1;
            i--;
            continue;
        }
        if (fbuf_put(b, (char *)&c, 1) < 0) return -1;
    }
    return 0;
}

/* Moves an f-string expression parsed alone to where it is in the file:
 * delta lines down and, on its first line, dcol columns right; with dcol
 * INT_MIN its columns are unknown (end_line 0). */
static void shift_lines(Node *n, int delta, int dcol)
{
    if (!n) return;
    if (dcol == INT_MIN) {
        n->end_line = 0;
    } else {
        if (n->line == 1) n->col += dcol;
        if (n->line == 1 && n->end_col >= 0) n->end_col += dcol;
        if (n->end_line == 1) n->end_lcol += dcol;
        if (n->end_line > 0) n->end_line += delta;
    }
    n->line += delta;
    shift_lines(n->a, delta, dcol);
    shift_lines(n->b, delta, dcol);
    shift_lines(n->c, delta, dcol);
    for (int i = 0; i < n->list.len; i++) shift_lines(n->list.items[i], delta, dcol);
    for (int i = 0; i < n->list2.len; i++) shift_lines(n->list2.items[i], delta, dcol);
    if (n->args) {
        for (int i = 0; i < n->args->defaults.len; i++) shift_lines(n->args->defaults.items[i], delta, dcol);
        for (int i = 0; i < n->args->kwdefaults.len; i++) shift_lines(n->args->kwdefaults.items[i], delta, dcol);
    }
}

/* Adds literal text (decoded) as an N_STR part; 0, -1 out of memory, -2 error set. */
static int flush_literal(Parser *p, Node *fs, FBuf *lit, int raw, int line, int col)
{
    FBuf d = { 0 };
    Node *n;
    int r;
    if (lit->len == 0) return 0;
    if (raw) r = fbuf_put(&d, lit->p, lit->len);
    else r = fdecode(p, &d, lit->p, lit->len, line, col);
    lit->len = 0;
    if (r < 0) { free(d.p); return r; }
    if (d.len == 0) { free(d.p); return 0; }
    n = ast_new(N_STR, line, col);
    if (!n) { free(d.p); return -1; }
    n->str = d.p;
    n->slen = d.len;
    if (push(&fs->list, n) < 0) { ast_free(n); return -1; }
    return 0;
}

static int fstring_body(Parser *p, const char **sp, const char *end, int raw, int level, int line, int col, Node *fs);

/* The body of the f-string being split (saved and restored around nested ones). */
static const char *fstring_body_start;
/* Column of the body of the f-string token being parsed, -1 when it spans
 * lines; fstring_next_col is the one yylex found for the next fstring_parse. */
static int fstring_body_col = -1, fstring_next_col = -1;

/* One replacement field; *sp is just past its '{'. */
static int fstring_field(Parser *p, const char **sp, const char *end, int raw, int level, int line, int col, Node *fs)
{
    const char *s = *sp, *start = s;
    char stack[200];
    int depth = 0;
    char quote = 0;
    int triple = 0;
    if (level >= 2) return syntax_error(p, line, col, "f-string: expressions nested too deeply"), -2;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') return syntax_error(p, line, col, "f-string expression part cannot include a backslash"), -2;
        if (quote) {
            if (ch == quote) {
                if (!triple) quote = 0;
                else if (s + 2 < end && s[1] == quote && s[2] == quote) { s += 2; quote = 0; }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) { triple = 1; s += 2; }
            else triple = 0;
            quote = ch;
            continue;
        }
        if (ch == '[' || ch == '(' || ch == '{') {
            if (depth >= (int)sizeof stack) return syntax_error(p, line, col, "f-string: too many nested parenthesis"), -2;
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#') return syntax_error(p, line, col, "f-string expression part cannot include '#'"), -2;
        if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end && s[1] == '=' && ch != ':' && ch != '}') { s++; continue; }
            if (ch == '>' || ch == '<') continue;
            break;
        }
        if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) return syntax_error(p, line, col, "f-string: unmatched '%c'", ch), -2;
            char open = stack[--depth];
            if ((ch == ')' && open != '(') || (ch == ']' && open != '[') || (ch == '}' && open != '{'))
                return syntax_error(p, line, col, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open), -2;
        }
    }
    if (quote) return syntax_error(p, line, col, "f-string: unterminated string"), -2;
    if (depth) return syntax_error(p, line, col, "f-string: unmatched '%c'", stack[depth - 1]), -2;
    if (s >= end) return syntax_error(p, line, col, "f-string: expecting '}'"), -2;
    const char *expr_end = s;
    {
        const char *q = start;
        while (q < expr_end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f')) q++;
        if (q == expr_end) return syntax_error(p, line, col, "f-string: empty expression not allowed"), -2;
    }
    /* parse "(expr)" on its own */
    size_t elen = (size_t)(expr_end - start);
    char *src = malloc(elen + 3);
    if (!src) return -1;
    src[0] = '(';
    memcpy(src + 1, start, elen);
    src[elen + 1] = ')';
    src[elen + 2] = 0;
    ParseError perr;
    Node *mod = parse_module(src, elen + 2, "<fstring>", &perr);
    free(src);
    if (!mod) {
        if (strcmp(perr.msg, "out of memory") == 0 && perr.line == 0) return -1;
        if (perr.line == 1 && perr.col >= 0 && !memchr(start, '\n', elen) && elen + 3 <= sizeof perr.text) {
            /* CPython 3.11 shows the expression alone, as it parsed it: "(a b)" */
            int nl = 0;
            for (const char *q = fstring_body_start; q && q < start; q++) nl += *q == '\n';
            syntax_error(p, line + nl, perr.col, "f-string: %s", perr.msg);
            if (p->err->line == line + nl && strncmp(p->err->msg, "f-string: ", 10) == 0) {
                p->err->end_line = perr.end_line ? line + nl + (perr.end_line - perr.line) : 0;
                p->err->end_col = perr.end_col;
                p->err->is_indent = perr.is_indent;
                p->err->text[0] = '(';
                memcpy(p->err->text + 1, start, elen);
                p->err->text[elen + 1] = ')';
                p->err->text[elen + 2] = 0;
            }
            return -2;
        }
        return syntax_error(p, line, col, "f-string: %s", perr.msg), -2;
    }
    if (mod->body.len != 1 || mod->body.items[0]->kind != N_EXPR_STMT) {
        ast_free(mod);
        return syntax_error(p, line, col, "f-string: invalid syntax"), -2;
    }
    Node *expr = mod->body.items[0]->a;
    mod->body.items[0]->a = NULL;
    ast_free(mod);
    {
        /* the expression's own line: the f-string's plus the newlines before it */
        int nl = 0;
        for (const char *q = fstring_body_start; q && q < start; q++) nl += *q == '\n';
        int dcol = nl == 0 && fstring_body_col >= 0 ? fstring_body_col + (int)(start - fstring_body_start) - 1
                                                    : INT_MIN;
        shift_lines(expr, line - 1 + nl, dcol);
    }
    Node *f = ast_new(N_FORMATTED, line, col);
    if (!f) { ast_free(expr); return -1; }
    f->a = expr;
    int debug = 0;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')) s++;
        if (s >= end) { ast_free(f); return syntax_error(p, line, col, "f-string: expecting '}'"), -2; }
        /* the text of the expression, '=' and spaces included, goes first */
        Node *t = ast_new(N_STR, line, col);
        char *txt = t ? malloc((size_t)(s - start) + 1) : NULL;
        if (!txt) { free(t); ast_free(f); return -1; }
        memcpy(txt, start, (size_t)(s - start));
        txt[s - start] = 0;
        t->str = txt;
        t->slen = (size_t)(s - start);
        if (push(&fs->list, t) < 0) { ast_free(t); ast_free(f); return -1; }
        debug = 1;
    }
    if (*s == '!') {
        s++;
        if (s >= end) { ast_free(f); return syntax_error(p, line, col, "f-string: expecting '}'"), -2; }
        char conv = *s++;
        if (conv != 's' && conv != 'r' && conv != 'a') {
            ast_free(f);
            return syntax_error(p, line, col, "f-string: invalid conversion character: expected 's', 'r', or 'a'"), -2;
        }
        f->op = conv;
    }
    if (s < end && *s == ':') {
        s++;
        if (s >= end) { ast_free(f); return syntax_error(p, line, col, "f-string: expecting '}'"), -2; }
        Node *spec = ast_new(N_FSTRING, line, col);
        if (!spec) { ast_free(f); return -1; }
        f->b = spec;
        int r = fstring_body(p, &s, end, raw, level + 1, line, col, spec);
        if (r < 0) { ast_free(f); return r; }
    }
    if (s >= end || *s != '}') { ast_free(f); return syntax_error(p, line, col, "f-string: expecting '}'"), -2; }
    s++;
    if (debug && !f->b && !f->op) f->op = 'r';
    if (push(&fs->list, f) < 0) { ast_free(f); return -1; }
    *sp = s;
    return 0;
}

/* Literal text and fields up to end (level 0) or to the '}' closing a
 * format spec (level > 0, left at *sp). */
static int fstring_body(Parser *p, const char **sp, const char *end, int raw, int level, int line, int col, Node *fs)
{
    const char *s = *sp;
    FBuf lit = { 0 };
    int r = 0;
    while (s < end) {
        char ch = *s;
        if (ch == '\\' && !raw && s + 1 < end) {
            /* an escape belongs to the literal text, braces after it too (\N{...} aside) */
            if (fbuf_put(&lit, s, 2) < 0) { r = -1; break; }
            s += 2;
            continue;
        }
        if (ch == '{' || ch == '}') {
            if (level == 0 && s + 1 < end && s[1] == ch) {
                if (fbuf_put(&lit, s, 1) < 0) { r = -1; break; }
                s += 2;
                continue;
            }
            if (ch == '}') {
                if (level == 0) { r = -2; syntax_error(p, line, col, "f-string: single '}' is not allowed"); }
                break;
            }
            if ((r = flush_literal(p, fs, &lit, raw, line, col)) < 0) break;
            s++;
            if ((r = fstring_field(p, &s, end, raw, level, line, col, fs)) < 0) break;
            continue;
        }
        if (fbuf_put(&lit, s, 1) < 0) { r = -1; break; }
        s++;
    }
    if (r == 0) r = flush_literal(p, fs, &lit, raw, line, col);
    free(lit.p);
    *sp = s;
    return r;
}

/* The N_FSTRING of an f-string token's body; NULL with p->oom or the error set. */
static Node *fstring_parse(Parser *p, const char *body, size_t len, int raw, int line, int col)
{
    Node *fs = ast_new(N_FSTRING, line, col);
    const char *s = body;
    if (!fs) { p->oom = 1; return NULL; }
    const char *saved = fstring_body_start;
    int saved_col = fstring_body_col;
    fstring_body_start = body;
    fstring_body_col = fstring_next_col;
    int r = fstring_body(p, &s, body + len, raw, 0, line, col, fs);
    fstring_body_start = saved;
    fstring_body_col = saved_col;
    if (r < 0) {
        ast_free(fs);
        if (r == -1) p->oom = 1;
        return NULL;
    }
    return fs;
}

/* Adjacent literals: str + str, bytes + bytes, and anything + f-string. */
static Node *join_strings(Parser *p, Node *a, Node *b)
{
    if ((a->kind == N_BYTES) != (b->kind == N_BYTES)) {
        syntax_error(p, a->line, a->col, "cannot mix bytes and nonbytes literals");
        return NULL;
    }
    if (a->kind != N_FSTRING && b->kind != N_FSTRING) {
        char *s = realloc(a->str, a->slen + b->slen + 1);
        if (!s) { p->oom = 1; return NULL; }
        memcpy(s + a->slen, b->str, b->slen + 1);
        a->str = s;
        a->slen += b->slen;
        ast_free(b);
        return a;
    }
    if (a->kind == N_STR) {
        Node *fs = ast_new(N_FSTRING, a->line, a->col);
        if (!fs) { p->oom = 1; return NULL; }
        fs->end_col = a->end_col;
        fs->end_line = a->end_line; fs->end_lcol = a->end_lcol;
        if (a->slen && push(&fs->list, a) < 0) { ast_free(fs); p->oom = 1; return NULL; }
        if (!a->slen) ast_free(a);
        a = fs;
    }
    if (b->kind == N_STR) {
        if (b->slen == 0) { ast_free(b); return a; }
        if (push(&a->list, b) < 0) { p->oom = 1; return NULL; }
        return a;
    }
    if (append_all(&a->list, &b->list) < 0) { p->oom = 1; return NULL; }
    ast_free(b);
    return a;
}
}

%union {
    Node *node;
    char *str;
    NodeList list;
    IfChain ifc;
    int op;
}

%token <str> NAME
%token <node> INT FLOAT STRING
%token <op> AUGASSIGN
%token NEWLINE INDENT DEDENT
%token FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL
%token ELIF ELSE EXCEPT FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL
%token NOT OR PASS RAISE RETURN TRY WHILE WITH YIELD
%token POW "**" FLOORDIV "//" LSHIFT "<<" RSHIFT ">>" LE "<=" GE ">=" EQ "==" NE "!="
%token ARROW "->" WALRUS ":=" ELLIPSIS "..."

%type <node> module_body small_stmt expr_stmt assign_chain del_stmt flow_stmt
%type <node> import_stmt dotted_as_names dotted_as_name import_targets import_as_names import_as_name
%type <node> global_stmt nonlocal_stmt assert_stmt compound_stmt if_stmt while_stmt for_stmt
%type <node> try_stmt handler funcdef decorated parameters param_items param_item
%type <node> classdef with_stmt with_items with_item
%type <node> testlist_star_expr tuple_seq test_or_star star_expr exprlist expr_seq expr_or_star
%type <node> test or_test or_chain and_test and_chain not_test comparison comp_chain
%type <node> expr xor_expr and_expr shift_expr arith_expr term factor power primary atom strings
%type <node> yield_expr
%type <node> lambdef subscriptlist sub_seq subscript test_opt arglist argument dict_items comp_for
%type <list> stmt stmts simple_stmt small_stmts suite handlers else_opt finally_opt decorators comp_fors
%type <ifc> if_chain
%type <op> comp_op
%type <str> dotted_name

%destructor { free($$); } <str>
%destructor { ast_free($$); } <node>
%destructor { list_free(&$$); } <list>
%destructor { ast_free($$.head); } <ifc>

%start file_input

%%

file_input
    : module_body                { p->result = $1; }
    ;

module_body
    : %empty                     { NEW($$, N_MODULE, @$); $$->line = 1; $$->col = 0; $$->end_col = -1; }
    | module_body stmt           { $$ = $1; if (append_all(&$$->body, &$2) < 0) NOMEM(); }
    ;

stmt
    : simple_stmt                { $$ = $1; }
    | compound_stmt              { $$ = (NodeList){ 0 }; if (push(&$$, $1) < 0) NOMEM(); }
    ;

simple_stmt
    : small_stmts NEWLINE        { $$ = $1; }
    | small_stmts ';' NEWLINE    { $$ = $1; }
    ;

small_stmts
    : small_stmt                 { $$ = (NodeList){ 0 }; if (push(&$$, $1) < 0) NOMEM(); }
    | small_stmts ';' small_stmt { $$ = $1; if (push(&$$, $3) < 0) NOMEM(); }
    ;

small_stmt
    : expr_stmt | del_stmt | flow_stmt | import_stmt | global_stmt | nonlocal_stmt | assert_stmt
    | PASS                       { NEW($$, N_PASS, @$); }
    ;

expr_stmt
    : testlist_star_expr {
        if (check_value(p, $1) < 0) FAIL();
        NEW($$, N_EXPR_STMT, @$); $$->a = $1;
      }
    | yield_expr                 { NEW($$, N_EXPR_STMT, @$); $$->a = $1; }
    | testlist_star_expr AUGASSIGN yield_expr {
        if (check_aug_target(p, $1) < 0) FAIL();
        NEW($$, N_AUGASSIGN, @$); $$->op = $2; $$->a = $1; $$->b = $3;
      }
    | testlist_star_expr AUGASSIGN testlist_star_expr {
        if (check_aug_target(p, $1) < 0 || check_value(p, $3) < 0) FAIL();
        NEW($$, N_AUGASSIGN, @$); $$->op = $2; $$->a = $1; $$->b = $3;
      }
    | assign_chain {
        for (int i = 0; i < $1->list.len; i++)
            if (check_target(p, $1->list.items[i], CTX_ASSIGN, $1->list.len == 1 ? $1->a : NULL) < 0) FAIL();
        if (check_value(p, $1->a) < 0) FAIL();
        $$ = $1;
      }
    ;

assign_chain
    : testlist_star_expr '=' testlist_star_expr {
        if (!($$ = mk_list(p, N_ASSIGN, &@$, $1, NULL))) NOMEM();
        $$->a = $3;
      }
    | assign_chain '=' testlist_star_expr {
        $$ = $1; if (push(&$$->list, $$->a) < 0) NOMEM(); $$->a = $3; set_end($$, &@$);
      }
    | testlist_star_expr '=' yield_expr {
        if (!($$ = mk_list(p, N_ASSIGN, &@$, $1, NULL))) NOMEM();
        $$->a = $3;
      }
    | assign_chain '=' yield_expr {
        $$ = $1; if (push(&$$->list, $$->a) < 0) NOMEM(); $$->a = $3; set_end($$, &@$);
      }
    ;

yield_expr
    : YIELD                      { NEW($$, N_YIELD, @$); }
    | YIELD testlist_star_expr   { if (check_value(p, $2) < 0) FAIL(); NEW($$, N_YIELD, @$); $$->a = $2; }
    | YIELD FROM test            { NEW($$, N_YIELD_FROM, @$); $$->a = $3; }
    ;

del_stmt
    : DEL exprlist {
        if (check_target(p, $2, CTX_DEL, NULL) < 0) FAIL();
        NEW($$, N_DEL, @$);
        if ($2->kind == N_TUPLE && $2->op == 0) {
            $$->list = $2->list; $2->list = (NodeList){ 0 }; ast_free($2);
        } else if (push(&$$->list, $2) < 0) {
            ast_free($$); NOMEM();
        }
      }
    ;

flow_stmt
    : BREAK                      { NEW($$, N_BREAK, @$); }
    | CONTINUE                   { NEW($$, N_CONTINUE, @$); }
    | RETURN                     { NEW($$, N_RETURN, @$); }
    | RETURN testlist_star_expr  { if (check_value(p, $2) < 0) FAIL(); NEW($$, N_RETURN, @$); $$->a = $2; }
    | RETURN yield_expr          { NEW($$, N_RETURN, @$); $$->a = $2; }
    | RAISE                      { NEW($$, N_RAISE, @$); }
    | RAISE test                 { NEW($$, N_RAISE, @$); $$->a = $2; }
    | RAISE test FROM test       { NEW($$, N_RAISE, @$); $$->a = $2; $$->b = $4; }
    ;

import_stmt
    : IMPORT dotted_as_names     { $$ = $2; set_pos($$, &@1); set_end($$, &@$); }
    | FROM dotted_name IMPORT import_targets {
        $$ = $4; set_pos($$, &@1); set_end($$, &@$); $$->str = $2;
      }
    ;

dotted_as_names
    : dotted_as_name             { if (!($$ = mk_list(p, N_IMPORT, &@$, $1, NULL))) NOMEM(); }
    | dotted_as_names ',' dotted_as_name { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); }
    ;

dotted_as_name
    : dotted_name                { NEW($$, N_ALIAS, @$); $$->str = $1; }
    | dotted_name AS NAME        { NEW($$, N_ALIAS, @$); $$->str = $1; $$->str2 = $3; }
    ;

dotted_name
    : NAME                       { $$ = $1; }
    | dotted_name '.' NAME {
        size_t a = strlen($1), b = strlen($3);
        char *s = realloc($1, a + b + 2);
        if (!s) NOMEM();
        s[a] = '.'; memcpy(s + a + 1, $3, b + 1);
        free($3);
        $$ = s;
      }
    ;

import_targets
    : '*' {
        Node *al;
        char *star = malloc(2);
        if (!star) NOMEM();
        star[0] = '*'; star[1] = 0;
        if (!(al = mk(p, N_ALIAS, &@1))) { free(star); NOMEM(); }
        al->str = star;
        if (!($$ = mk_list(p, N_IMPORT_FROM, &@$, al, NULL))) { ast_free(al); NOMEM(); }
      }
    | import_as_names            { $$ = $1; }
    | import_as_names ',' {
        (void)$1; $$ = NULL;
        syntax_error(p, @2.first_line, @2.last_column, "trailing comma not allowed without surrounding parentheses");
        FAIL();
      }
    | '(' import_as_names ')'    { $$ = $2; }
    | '(' import_as_names ',' ')' { $$ = $2; }
    ;

import_as_names
    : import_as_name             { if (!($$ = mk_list(p, N_IMPORT_FROM, &@$, $1, NULL))) NOMEM(); }
    | import_as_names ',' import_as_name { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); }
    ;

import_as_name
    : NAME                       { NEW($$, N_ALIAS, @$); $$->str = $1; }
    | NAME AS NAME               { NEW($$, N_ALIAS, @$); $$->str = $1; $$->str2 = $3; }
    ;

global_stmt
    : GLOBAL NAME                { NEW($$, N_GLOBAL, @$); if (add_name($$, $2) < 0) { ast_free($$); NOMEM(); } }
    | global_stmt ',' NAME       { $$ = $1; if (add_name($$, $3) < 0) NOMEM(); $$->end_col = @$.last_line == @$.first_line ? @$.last_column : -1; }
    ;

nonlocal_stmt
    : NONLOCAL NAME              { NEW($$, N_NONLOCAL, @$); if (add_name($$, $2) < 0) { ast_free($$); NOMEM(); } }
    | nonlocal_stmt ',' NAME     { $$ = $1; if (add_name($$, $3) < 0) NOMEM(); $$->end_col = @$.last_line == @$.first_line ? @$.last_column : -1; }
    ;

assert_stmt
    : ASSERT test                { NEW($$, N_ASSERT, @$); $$->a = $2; }
    | ASSERT test ',' test       { NEW($$, N_ASSERT, @$); $$->a = $2; $$->b = $4; }
    ;

compound_stmt
    : if_stmt | while_stmt | for_stmt | try_stmt | funcdef | decorated | classdef | with_stmt
    ;

if_stmt
    : if_chain                   { $$ = $1.head; }
    | if_chain ELSE ':' suite    { $$ = $1.head; $1.tail->orelse = $4; }
    ;

if_chain
    : IF test ':' suite {
        NEW($$.head, N_IF, @1); $$.tail = $$.head;
        $$.head->a = $2; $$.head->body = $4;
      }
    | if_chain ELIF test ':' suite {
        Node *n;
        if (reserve(&$1.tail->orelse, 1) < 0) NOMEM();
        NEW(n, N_IF, @2);
        n->a = $3; n->body = $5;
        $1.tail->orelse.items[$1.tail->orelse.len++] = n;
        $$.head = $1.head; $$.tail = n;
      }
    ;

while_stmt
    : WHILE test ':' suite else_opt {
        NEW($$, N_WHILE, @1); $$->a = $2; $$->body = $4; $$->orelse = $5;
      }
    ;

for_stmt
    : FOR exprlist IN testlist_star_expr ':' suite else_opt {
        if (check_target(p, $2, CTX_FOR, NULL) < 0 || check_value(p, $4) < 0) FAIL();
        NEW($$, N_FOR, @1); $$->a = $2; $$->b = $4; $$->body = $6; $$->orelse = $7;
      }
    ;

else_opt
    : %empty                     { $$ = (NodeList){ 0 }; }
    | ELSE ':' suite             { $$ = $3; }
    ;

finally_opt
    : %empty                     { $$ = (NodeList){ 0 }; }
    | FINALLY ':' suite          { $$ = $3; }
    ;

try_stmt
    : TRY ':' suite handlers else_opt finally_opt {
        NEW($$, N_TRY, @1); $$->body = $3; $$->list = $4; $$->orelse = $5; $$->finalbody = $6;
      }
    | TRY ':' suite FINALLY ':' suite {
        NEW($$, N_TRY, @1); $$->body = $3; $$->finalbody = $6;
      }
    ;

handlers
    : handler                    { $$ = (NodeList){ 0 }; if (push(&$$, $1) < 0) NOMEM(); }
    | handlers handler {
        const Node *last = $1.items[$1.len - 1];
        if (!last->a) { error_at(p, last, "default 'except:' must be last", NULL); FAIL(); }
        $$ = $1; if (push(&$$, $2) < 0) NOMEM();
      }
    ;

handler
    : EXCEPT ':' suite           { NEW($$, N_HANDLER, @1); $$->body = $3; }
    | EXCEPT test ':' suite      { NEW($$, N_HANDLER, @1); $$->a = $2; $$->body = $4; }
    | EXCEPT test AS NAME ':' suite {
        NEW($$, N_HANDLER, @1); $$->a = $2; $$->str = $4; $$->body = $6;
      }
    ;

funcdef
    : DEF NAME parameters ':' suite {
        Params *pr;
        NEW($$, N_DEF, @1);
        if (!(pr = build_params(p, $3))) { ast_free($$); if (p->oom) NOMEM(); FAIL(); }
        ast_free($3);
        $$->str = $2; $$->args = pr; $$->body = $5;
      }
    ;

decorated
    : decorators funcdef         { $$ = $2; $$->list = $1; }
    | decorators classdef        { $$ = $2; $$->list = $1; }
    ;

/* N_CLASS list = decorators, list2 = bases; keywords (metaclass=) are rejected. */
classdef
    : CLASS NAME ':' suite       { NEW($$, N_CLASS, @1); $$->str = $2; $$->body = $4; }
    | CLASS NAME '(' ')' ':' suite { NEW($$, N_CLASS, @1); $$->str = $2; $$->body = $6; }
    | CLASS NAME '(' arglist ')' ':' suite {
        if ($4->list2.len) {
            syntax_error(p, @4.first_line, @4.first_column, SCR_NO_CLASS_KEYWORDS);
            FAIL();
        }
        NEW($$, N_CLASS, @1); $$->str = $2; $$->body = $7;
        $$->list2 = $4->list; $4->list = (NodeList){ 0 }; ast_free($4);
      }
    | CLASS NAME '(' arglist ',' ')' ':' suite {
        if ($4->list2.len) {
            syntax_error(p, @4.first_line, @4.first_column, SCR_NO_CLASS_KEYWORDS);
            FAIL();
        }
        NEW($$, N_CLASS, @1); $$->str = $2; $$->body = $8;
        $$->list2 = $4->list; $4->list = (NodeList){ 0 }; ast_free($4);
      }
    ;

with_stmt
    : WITH with_items ':' suite {
        NEW($$, N_WITH, @1); $$->list = $2->list; $2->list = (NodeList){ 0 }; ast_free($2); $$->body = $4;
      }
    ;

with_items
    : with_item                  { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, NULL))) NOMEM(); }
    | with_items ',' with_item   { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); }
    ;

with_item
    : test                       { NEW($$, N_WITHITEM, @$); $$->a = $1; }
    | test AS expr {
        if (check_target(p, $3, CTX_ASSIGN, NULL) < 0) FAIL();
        NEW($$, N_WITHITEM, @$); $$->a = $1; $$->b = $3;
      }
    ;

decorators
    : '@' test NEWLINE           { $$ = (NodeList){ 0 }; if (push(&$$, $2) < 0) NOMEM(); }
    | decorators '@' test NEWLINE { $$ = $1; if (push(&$$, $3) < 0) NOMEM(); }
    ;

parameters
    : '(' ')'                    { $$ = NULL; }
    | '(' param_items ')'        { $$ = $2; }
    | '(' param_items ',' ')'    { $$ = $2; }
    ;

param_items
    : param_item                 { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, NULL))) NOMEM(); }
    | param_items ',' param_item { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); }
    ;

param_item
    : NAME                       { NEW($$, N_NAME, @$); $$->str = $1; }
    | NAME '=' test              { NEW($$, N_NAME, @$); $$->str = $1; $$->a = $3; }
    | '*'                        { NEW($$, N_NAME, @$); $$->op = 1; }
    | '*' NAME                   { NEW($$, N_NAME, @$); $$->op = 1; $$->str = $2; }
    | "**" NAME                  { NEW($$, N_NAME, @$); $$->op = 2; $$->str = $2; }
    | '/'                        { NEW($$, N_NAME, @$); $$->op = 3; }
    ;

suite
    : simple_stmt                { $$ = $1; }
    | NEWLINE INDENT stmts DEDENT { $$ = $3; }
    ;

stmts
    : stmt                       { $$ = $1; }
    | stmts stmt                 { $$ = $1; if (append_all(&$$, &$2) < 0) NOMEM(); }
    ;

/* ---- expression lists ---- */

testlist_star_expr
    : test_or_star               { $$ = $1; }
    | test_or_star ','           { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, NULL))) NOMEM(); }
    | tuple_seq                  { $$ = $1; }
    | tuple_seq ','              { $$ = $1; set_end($$, &@$); }
    ;

tuple_seq
    : test_or_star ',' test_or_star { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, $3))) NOMEM(); }
    | tuple_seq ',' test_or_star {
        $$ = $1; if (push(&$$->list, $3) < 0) NOMEM();
        set_end($$, &@$);
      }
    ;

test_or_star
    : test | star_expr
    ;

star_expr
    : '*' expr                   { NEW($$, N_STARRED, @$); $$->a = $2; }
    ;

exprlist
    : expr_or_star               { $$ = $1; }
    | expr_or_star ','           { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, NULL))) NOMEM(); }
    | expr_seq                   { $$ = $1; }
    | expr_seq ','               { $$ = $1; }
    ;

expr_seq
    : expr_or_star ',' expr_or_star { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, $3))) NOMEM(); }
    | expr_seq ',' expr_or_star  { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); set_end($$, &@$); }
    ;

expr_or_star
    : expr | star_expr
    ;

/* ---- expressions, loosest first ---- */

test
    : or_test                    { $$ = $1; }
    | or_test IF or_test ELSE test { NEW($$, N_IFEXP, @$); $$->a = $3; $$->b = $1; $$->c = $5; }
    | lambdef                    { $$ = $1; }
    ;

lambdef
    : LAMBDA ':' test {
        Params *pr;
        NEW($$, N_LAMBDA, @$);
        if (!(pr = build_params(p, NULL))) { ast_free($$); NOMEM(); }
        $$->args = pr; $$->a = $3;
      }
    | LAMBDA param_items ':' test {
        Params *pr;
        NEW($$, N_LAMBDA, @$);
        if (!(pr = build_params(p, $2))) { ast_free($$); if (p->oom) NOMEM(); FAIL(); }
        ast_free($2);
        $$->args = pr; $$->a = $4;
      }
    | LAMBDA param_items ',' ':' test {
        Params *pr;
        NEW($$, N_LAMBDA, @$);
        if (!(pr = build_params(p, $2))) { ast_free($$); if (p->oom) NOMEM(); FAIL(); }
        ast_free($2);
        $$->args = pr; $$->a = $5;
      }
    ;

or_test
    : and_test | or_chain
    ;

or_chain
    : and_test OR and_test       { if (!($$ = mk_list(p, N_BOOLOP, &@$, $1, $3))) NOMEM(); $$->op = 1; }
    | or_chain OR and_test       { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); set_end($$, &@$); }
    ;

and_test
    : not_test | and_chain
    ;

and_chain
    : not_test AND not_test      { if (!($$ = mk_list(p, N_BOOLOP, &@$, $1, $3))) NOMEM(); $$->op = 0; }
    | and_chain AND not_test     { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); set_end($$, &@$); }
    ;

not_test
    : NOT not_test               { NEW($$, N_UNARY, @$); $$->op = UOP_NOT; $$->a = $2; }
    | comparison                 { $$ = $1; }
    ;

comparison
    : expr | comp_chain
    ;

comp_chain
    : expr comp_op expr {
        NEW($$, N_COMPARE, @$);
        if (cmp_append($$, $2, $3) < 0) { ast_free($$); NOMEM(); }
        $$->a = $1;
      }
    | comp_chain comp_op expr    { $$ = $1; if (cmp_append($$, $2, $3) < 0) NOMEM(); set_end($$, &@$); }
    ;

comp_op
    : '<'                        { $$ = CMP_LT; }
    | '>'                        { $$ = CMP_GT; }
    | "=="                       { $$ = CMP_EQ; }
    | ">="                       { $$ = CMP_GE; }
    | "<="                       { $$ = CMP_LE; }
    | "!="                       { $$ = CMP_NE; }
    | IN                         { $$ = CMP_IN; }
    | NOT IN                     { $$ = CMP_NOT_IN; }
    | IS                         { $$ = CMP_IS; }
    | IS NOT                     { $$ = CMP_IS_NOT; }
    ;

expr
    : xor_expr
    | expr '|' xor_expr          { if (!($$ = mk_binop(p, &@$, BINOP_OR, $1, $3))) NOMEM(); }
    ;

xor_expr
    : and_expr
    | xor_expr '^' and_expr      { if (!($$ = mk_binop(p, &@$, BINOP_XOR, $1, $3))) NOMEM(); }
    ;

and_expr
    : shift_expr
    | and_expr '&' shift_expr    { if (!($$ = mk_binop(p, &@$, BINOP_AND, $1, $3))) NOMEM(); }
    ;

shift_expr
    : arith_expr
    | shift_expr "<<" arith_expr { if (!($$ = mk_binop(p, &@$, BINOP_LSHIFT, $1, $3))) NOMEM(); }
    | shift_expr ">>" arith_expr { if (!($$ = mk_binop(p, &@$, BINOP_RSHIFT, $1, $3))) NOMEM(); }
    ;

arith_expr
    : term
    | arith_expr '+' term        { if (!($$ = mk_binop(p, &@$, BINOP_ADD, $1, $3))) NOMEM(); }
    | arith_expr '-' term        { if (!($$ = mk_binop(p, &@$, BINOP_SUB, $1, $3))) NOMEM(); }
    ;

term
    : factor
    | term '*' factor            { if (!($$ = mk_binop(p, &@$, BINOP_MUL, $1, $3))) NOMEM(); }
    | term '/' factor            { if (!($$ = mk_binop(p, &@$, BINOP_TRUEDIV, $1, $3))) NOMEM(); }
    | term "//" factor           { if (!($$ = mk_binop(p, &@$, BINOP_FLOORDIV, $1, $3))) NOMEM(); }
    | term '%' factor            { if (!($$ = mk_binop(p, &@$, BINOP_MOD, $1, $3))) NOMEM(); }
    | term '@' factor            { if (!($$ = mk_binop(p, &@$, BINOP_MATMUL, $1, $3))) NOMEM(); }
    ;

factor
    : '+' factor                 { NEW($$, N_UNARY, @$); $$->op = UOP_POS; $$->a = $2; }
    | '-' factor {
        if ($2->kind == N_INT && $2->op == 1 && $2->ival == INT64_MIN) {
            /* -9223372036854775808 fits although its literal does not */
            $$ = $2; free($$->str); $$->str = NULL; $$->op = 0; set_pos($$, &@$);
        } else {
            NEW($$, N_UNARY, @$); $$->op = UOP_NEG; $$->a = $2;
        }
      }
    | '~' factor                 { NEW($$, N_UNARY, @$); $$->op = UOP_INVERT; $$->a = $2; }
    | power                      { $$ = $1; }
    ;

power
    : primary                    { $$ = $1; }
    | primary "**" factor        { if (!($$ = mk_binop(p, &@$, BINOP_POW, $1, $3))) NOMEM(); }
    ;

primary
    : atom                       { $$ = $1; }
    | primary '.' NAME           { NEW($$, N_ATTR, @$); $$->a = $1; $$->str = $3; }
    | primary '(' ')'            { NEW($$, N_CALL, @$); $$->a = $1; }
    | primary '(' arglist ')'    { $$ = $3; $$->op = 0; set_pos($$, &@$); set_end($$, &@4); $$->a = $1; }
    | primary '(' arglist ',' ')' { $$ = $3; $$->op = 0; set_pos($$, &@$); set_end($$, &@5); $$->a = $1; }
    | primary '[' subscriptlist ']' { NEW($$, N_SUBSCRIPT, @$); $$->a = $1; $$->b = $3; }
    ;

arglist
    : argument {
        NEW($$, N_CALL, @$);
        if (add_arg(p, $$, $1) < 0) { ast_free($$); if (p->oom) NOMEM(); FAIL(); }
      }
    | arglist ',' argument {
        $$ = $1;
        if (add_arg(p, $$, $3) < 0) { if (p->oom) NOMEM(); FAIL(); }
      }
    ;

argument
    : test                       { $$ = $1; }
    | test '=' test {
        if ($1->kind == N_TRUE || $1->kind == N_FALSE || $1->kind == N_NONE) {
            syntax_error_range(p, &@1, &@2, "cannot assign to %s", expr_name($1));
            FAIL();
        }
        if ($1->kind != N_NAME) {
            syntax_error_range(p, &@1, &@2, "expression cannot contain assignment, perhaps you meant \"==\"?");
            FAIL();
        }
        NEW($$, N_KEYWORD, @$); $$->str = $1->str; $1->str = NULL; ast_free($1); $$->a = $3;
      }
    | '*' test                   { NEW($$, N_STARRED, @$); $$->a = $2; }
    | "**" test                  { NEW($$, N_KEYWORD, @$); $$->a = $2; }
    | test comp_fors             { NEW($$, N_GENEXP, @$); $$->a = $1; $$->list = $2; $$->op = 1; }
    ;

subscriptlist
    : subscript                  { $$ = $1; }
    | subscript ','              { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, NULL))) NOMEM(); }
    | sub_seq                    { $$ = $1; }
    | sub_seq ','                { $$ = $1; }
    ;

sub_seq
    : subscript ',' subscript    { if (!($$ = mk_list(p, N_TUPLE, &@$, $1, $3))) NOMEM(); }
    | sub_seq ',' subscript      { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); set_end($$, &@$); }
    ;

subscript
    : test                       { $$ = $1; }
    | test_opt ':' test_opt      { NEW($$, N_SLICE, @$); $$->a = $1; $$->b = $3; }
    | test_opt ':' test_opt ':' test_opt { NEW($$, N_SLICE, @$); $$->a = $1; $$->b = $3; $$->c = $5; }
    ;

test_opt
    : %empty                     { $$ = NULL; }
    | test                       { $$ = $1; }
    ;

atom
    : NAME                       { NEW($$, N_NAME, @$); $$->str = $1; }
    | INT                        { $$ = $1; }
    | FLOAT                      { $$ = $1; }
    | strings                    { $$ = $1; }
    | NONE                       { NEW($$, N_NONE, @$); }
    | ELLIPSIS                   { NEW($$, N_ELLIPSIS, @$); }
    | TRUE                       { NEW($$, N_TRUE, @$); }
    | FALSE                      { NEW($$, N_FALSE, @$); }
    | '(' ')'                    { NEW($$, N_TUPLE, @$); $$->op = 1; }
    | '(' testlist_star_expr ')' {
        if ($2->kind == N_STARRED) {
            error_at(p, $2, "cannot use starred expression here", NULL);
            FAIL();
        }
        $$ = $2;
        if ($$->kind == N_TUPLE && $$->op == 0) {
            $$->op = 1; set_pos($$, &@$);
            set_end($$, &@$);
        }
      }
    | '(' test comp_fors ')'     { NEW($$, N_GENEXP, @$); $$->a = $2; $$->list = $3; }
    | '(' yield_expr ')'         { $$ = $2; }
    | '[' ']'                    { NEW($$, N_LIST, @$); }
    | '[' testlist_star_expr ']' { if (!($$ = to_list(p, &@$, $2))) NOMEM(); }
    | '[' test_or_star comp_fors ']' {
        if ($2->kind == N_STARRED) {
            error_at(p, $2, "iterable unpacking cannot be used in comprehension", NULL);
            FAIL();
        }
        NEW($$, N_LISTCOMP, @$); $$->a = $2; $$->list = $3;
      }
    | '{' '}'                    { NEW($$, N_DICT, @$); }
    | '{' dict_items '}'         { $$ = $2; set_pos($$, &@$); set_end($$, &@$); }
    | '{' dict_items ',' '}'     { $$ = $2; set_pos($$, &@$); set_end($$, &@$); }
    | '{' test ':' test comp_fors '}' {
        NEW($$, N_DICTCOMP, @$); $$->a = $2; $$->b = $4; $$->list = $5;
      }
    | '{' testlist_star_expr '}' {
        NEW($$, N_SET, @$);
        if ($2->kind == N_TUPLE && $2->op == 0) {
            $$->list = $2->list; $2->list = (NodeList){ 0 }; ast_free($2);
        } else if (push(&$$->list, $2) < 0) {
            ast_free($$); NOMEM();
        }
      }
    | '{' test_or_star comp_fors '}' {
        if ($2->kind == N_STARRED) {
            error_at(p, $2, "iterable unpacking cannot be used in comprehension", NULL);
            FAIL();
        }
        NEW($$, N_SETCOMP, @$); $$->a = $2; $$->list = $3;
      }
    ;

strings
    : STRING                     { $$ = $1; }
    | strings STRING {
        int line = $1->line;
        Node *j = join_strings(p, $1, $2);
        if (!j) { if (p->oom) NOMEM(); FAIL(); }
        (void)line; set_end(j, &@2);
        $$ = j;
      }
    ;

dict_items
    : test ':' test {
        NEW($$, N_DICT, @$);
        if (reserve(&$$->list, 1) < 0 || reserve(&$$->list2, 1) < 0) { ast_free($$); NOMEM(); }
        $$->list.items[$$->list.len++] = $1;
        $$->list2.items[$$->list2.len++] = $3;
      }
    | dict_items ',' test ':' test {
        $$ = $1;
        if (reserve(&$$->list, 1) < 0 || reserve(&$$->list2, 1) < 0) NOMEM();
        $$->list.items[$$->list.len++] = $3;
        $$->list2.items[$$->list2.len++] = $5;
      }
    | "**" expr {
        NEW($$, N_DICT, @$);
        if (reserve(&$$->list, 1) < 0 || reserve(&$$->list2, 1) < 0) { ast_free($$); NOMEM(); }
        $$->list.items[$$->list.len++] = NULL;
        $$->list2.items[$$->list2.len++] = $2;
      }
    | dict_items ',' "**" expr {
        $$ = $1;
        if (reserve(&$$->list, 1) < 0 || reserve(&$$->list2, 1) < 0) NOMEM();
        $$->list.items[$$->list.len++] = NULL;
        $$->list2.items[$$->list2.len++] = $4;
      }
    ;

comp_fors
    : comp_for                   { $$ = (NodeList){ 0 }; if (push(&$$, $1) < 0) NOMEM(); }
    | comp_fors comp_for         { $$ = $1; if (push(&$$, $2) < 0) NOMEM(); }
    ;

comp_for
    : FOR exprlist IN or_test {
        if (check_target(p, $2, CTX_FOR, NULL) < 0) FAIL();
        NEW($$, N_COMPFOR, @$); $$->a = $2; $$->b = $4;
      }
    | comp_for IF or_test        { $$ = $1; if (push(&$$->list, $3) < 0) NOMEM(); }
    ;

%%

static int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *p)
{
    LexToken t;
    int k = lexer_next(p->lx, &t);
    p->prev2 = p->prev1;
    p->prev1 = p->tok;
    p->tok = k;
    if (p->prev1 == 0 || p->prev1 == TOK_NEWLINE || p->prev1 == TOK_INDENT || p->prev1 == TOK_DEDENT)
        p->line_first = k;
    p->tok_at_eof = t.at_eof;
    lloc->first_line = t.line;
    lloc->first_column = t.col;
    lloc->last_line = t.end_line;
    lloc->last_column = t.end_col;
    p->prev1_loc = p->loc;
    p->loc = *lloc;
    if (k == TOK_NEWLINE)
        p->nl_loc = *lloc;
    if (k >= 0) etok_record(p, k, lloc, k == TOK_NAME ? t.str : NULL);
    if (k >= 0 && t.line > p->far_line) p->far_line = t.line;
    if (k == TOK_INDENT && p->nblocks < (int)(sizeof p->blocks / sizeof p->blocks[0]))
        p->blocks[p->nblocks++] = lexer_block_keyword(p->lx, NULL);
    else if (k == TOK_DEDENT && p->nblocks > 0)
        p->nblocks--;
    if (k < 0) {
        p->errset = 1;
        if (p->err->line == 0 && strcmp(p->err->msg, "out of memory") == 0)
            p->oom = 1;
        return TOK_YYerror;
    }
    switch (k) {
    case TOK_NAME:
        lval->str = t.str;
        break;
    case TOK_AUGASSIGN:
        lval->op = t.op;
        break;
    case TOK_STRING:
        if (t.op >= 2) {      /* f-string: t.str is its body as written */
            /* On one line the token is prefix (1-2), quotes (1 or 3) and body. */
            int around = t.end_col - t.col - (int)t.slen;
            fstring_next_col = t.end_line == t.line && around >= 3 ? t.col + around - (around >= 7 ? 3 : 1) : -1;
            Node *n = fstring_parse(p, t.str ? t.str : "", t.slen, t.op == 3, t.line, t.col);
            free(t.str);
            if (!n) {
                if (p->oom) {
                    p->errset = 0;
                    syntax_error(p, 0, 0, "out of memory");
                } else if (p->err->line == t.line && p->err->col == t.col && !p->err->text[0]) {
                    /* CPython finds these after reading the token that follows */
                    p->err->line = t.end_line;
                    p->err->col = lexer_next_col(p->lx);
                    p->err->end_line = 0;
                }
                p->no_rescan = 1;
                return TOK_YYerror;
            }
            n->end_col = t.end_line == t.line ? t.end_col : -1;
            n->end_line = t.end_line; n->end_lcol = t.end_col;
            lval->node = n;
            break;
        }
        /* fall through */
    case TOK_INT: case TOK_FLOAT: {
        Node *n = ast_new(k == TOK_INT ? N_INT : k == TOK_FLOAT ? N_FLOAT : t.op == 1 ? N_BYTES : N_STR, t.line, t.col);
        if (!n) {
            free(t.str);
            p->oom = p->errset = 1;
            snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
            return TOK_YYerror;
        }
        n->end_col = t.end_line == t.line ? t.end_col : -1;
        n->end_line = t.end_line; n->end_lcol = t.end_col;
        n->ival = t.ival;
        n->fval = t.fval;
        n->str = t.str;
        n->slen = t.slen;
        if (k == TOK_INT && t.overflow) {
            n->op = 1;
            n->ival = 0;
            /* only 2**63 can come back into range, by a unary minus */
            if (strcmp(t.str, "9223372036854775808") == 0 || strcmp(t.str, "0x8000000000000000") == 0 ||
                strcmp(t.str, "0X8000000000000000") == 0)
                n->ival = INT64_MIN;
        }
        lval->node = n;
        break;
    }
    default:
        break;
    }
    return k;
}

static void yyerror(YYLTYPE *loc, Parser *p, const char *msg)
{
    (void)msg;
    if (p->oom) {
        p->errset = 0;
        syntax_error(p, 0, 0, "out of memory");
        return;
    }
    /* the only other way here: the parser stack is full */
    syntax_error(p, loc->first_line, loc->first_column, "too many nested parentheses");
}

static int expects(const yypcontext_t *ctx, yysymbol_kind_t want)
{
    yysymbol_kind_t exp[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
    for (int i = 0; i < n; i++)
        if (exp[i] == want) return 1;
    return 0;
}

/* ---- error messages ----
 * CPython finds its specific messages with a second parse that tries
 * "invalid_*" rules, and marks ranges such as `a b` in "Perhaps you forgot a
 * comma?". An LALR parser stops at the first token it cannot shift, so the
 * functions below look at the tokens of the failing line instead (p->toks, read on
 * to the end of the line when needed) and measure expressions on them. */

/* Token i of the line (read from the lexer when not there yet); 0 past the end. */
static int etk(Parser *p, int i)
{
    while (i >= p->ntoks) {
        if (p->lex_failed) return 0;
        int last = p->ntoks ? p->toks[p->ntoks - 1].kind : TOK_NEWLINE;
        if (p->ntoks == 0 || last == TOK_NEWLINE || last == TOK_YYEOF || last == TOK_INDENT || last == TOK_DEDENT)
            return 0;
        LexToken t;
        ParseError saved = *p->err;
        int k = lexer_next(p->lx, &t);
        if (k < 0) {
            if (!p->lex_failed) p->lex_err = *p->err;    /* later calls only repeat the failure */
            p->lex_failed = 1;
            *p->err = saved;
            return 0;
        }
        YYLTYPE loc = { t.line, t.col, t.end_line, t.end_col };
        int n = p->ntoks;
        etok_record(p, k, &loc, k == TOK_NAME ? t.str : NULL);
        if (t.line > p->far_line) p->far_line = t.line;
        free(t.str);
        if (p->ntoks == n || (p->ntoks == 1 && n != 0)) return 0;   /* not recorded */
    }
    return i < 0 ? 0 : p->toks[i].kind;
}

static int is_literal_tok(int k)
{
    return k == TOK_NAME || k == TOK_INT || k == TOK_FLOAT || k == TOK_STRING || k == TOK_NONE || k == TOK_TRUE ||
           k == TOK_FALSE || k == TOK_ELLIPSIS;
}

static int is_open(int k) { return k == '(' || k == '[' || k == '{'; }
static int is_close(int k) { return k == ')' || k == ']' || k == '}'; }

/* Index just past the bracket closing the one opened at i, -1 if none. */
static int skip_group(Parser *p, int i)
{
    int depth = p->toks[i].depth;
    for (int j = i + 1; etk(p, j); j++)
        if (is_close(p->toks[j].kind) && p->toks[j].depth == depth - 1) return j + 1;
    return -1;
}

/* Binary operators: level 2 is bitwise_or (arithmetic, shifts, bitwise),
 * level 1 a disjunction (comparisons, `and`, `or` too). Returns the operator's
 * token count, 0 if tokens at i are not one. */
static int binop_at(Parser *p, int i, int level)
{
    switch (etk(p, i)) {
    case '+': case '-': case '*': case '/': case TOK_FLOORDIV: case '%': case '@': case TOK_POW:
    case TOK_LSHIFT: case TOK_RSHIFT: case '&': case '|': case '^':
        return 1;
    case '<': case '>': case TOK_LE: case TOK_GE: case TOK_EQ: case TOK_NE: case TOK_IN: case TOK_AND: case TOK_OR:
        return level <= 1;
    case TOK_IS:
        return level <= 1 ? 1 + (etk(p, i + 1) == TOK_NOT) : 0;
    case TOK_NOT:
        return level <= 1 && etk(p, i + 1) == TOK_IN ? 2 : 0;
    default:
        return 0;
    }
}

static int scan_expr(Parser *p, int i, int level);

/* unary operators, a primary and its trailers; index past them or -1 */
static int scan_operand(Parser *p, int i, int level)
{
    int k;
    while ((k = etk(p, i)) == '-' || k == '+' || k == '~' || (k == TOK_NOT && level <= 1)) i++;
    k = etk(p, i);
    if (k == TOK_STRING) {
        while (etk(p, i) == TOK_STRING) i++;
    } else if (is_literal_tok(k)) {
        i++;
    } else if (is_open(k)) {
        if ((i = skip_group(p, i)) < 0) return -1;
    } else if (k == TOK_LAMBDA && level == 0) {
        int d = p->toks[i].depth;
        for (i++; etk(p, i) && !(p->toks[i].kind == ':' && p->toks[i].depth == d); i++)
            if (p->toks[i].depth < d || p->toks[i].kind == TOK_NEWLINE) return -1;
        if (!etk(p, i) || p->scan_depth >= 100) return -1;   /* lambda: lambda: ... only for a message */
        p->scan_depth++;
        i = scan_expr(p, i + 1, 0);
        p->scan_depth--;
        return i;
    } else {
        return -1;
    }
    for (;;) {
        k = etk(p, i);
        if (k == '(' || k == '[') {
            if ((i = skip_group(p, i)) < 0) return -1;
        } else if (k == '.' && etk(p, i + 1) == TOK_NAME) {
            i += 2;
        } else {
            break;
        }
    }
    return i;
}

/* An expression (level 0, with `x if c else y` and lambda), a disjunction
 * (1) or a bitwise_or (2) from token i: the index past it, -1 if none. */
static int scan_expr(Parser *p, int i, int level)
{
    int n;
    for (;;) {
        if ((i = scan_operand(p, i, level)) < 0) return -1;
        while ((n = binop_at(p, i, level)) > 0)
            if ((i = scan_operand(p, i + n, level)) < 0) return -1;
        if (level != 0 || etk(p, i) != TOK_IF) return i;
        /* x if c else <expression>: go on with the expression after else */
        int j = scan_expr(p, i + 1, 1);
        if (j < 0 || etk(p, j) != TOK_ELSE) return -1;
        i = j + 1;
    }
}

/* Start of the disjunction (level 1) or bitwise_or (level 2) that ends just
 * before token e; -1 if the tokens before e are not one. */
static int back_expr(Parser *p, int e, int level)
{
    int j = e - 1;
    if (j < 0 || j >= p->ntoks) return -1;
    int depth = p->toks[j].depth;
    int start = e;
    for (; j >= 0; j--) {
        const ETok *t = &p->toks[j];
        int k = t->kind;
        if (is_close(k) && t->depth == depth) {
            int o = j - 1;
            while (o >= 0 && !(is_open(p->toks[o].kind) && p->toks[o].depth == depth + 1)) o--;
            if (o < 0) return -1;
            j = o;
            start = j;
            continue;
        }
        if (t->depth != depth) break;
        if (is_literal_tok(k) || k == '.' || k == '~' || k == '-' || k == '+' || binop_at(p, j, level)) {
            start = j;
            continue;
        }
        if (k == TOK_NOT && (level <= 1 || etk(p, j + 1) == TOK_IN)) { start = j; continue; }
        break;
    }
    /* `for x in y z`: that `in` is no operator */
    for (int i = start; i < e; i++)
        if (p->toks[i].kind == TOK_IN) {
            for (int q = i - 1; q >= 0 && p->toks[q].depth >= depth; q--)
                if (p->toks[q].kind == TOK_FOR && p->toks[q].depth == depth) { start = i + 1; break; }
        }
    /* drop leading tokens until what is left is one expression (a few at most) */
    for (int tries = 0; start < e && scan_expr(p, start, level) != e; tries++) {
        if (tries > 16) return -1;
        start++;
    }
    return start < e ? start : -1;
}

/* Marks tokens a..b-1 (b > a). */
static int error_toks(Parser *p, int a, int b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    syntax_verror(p, p->toks[a].loc.first_line, p->toks[a].loc.first_column, p->toks[b - 1].loc.last_line,
                  p->toks[b - 1].loc.last_column, fmt, ap);
    va_end(ap);
    return -1;
}

static int ends_atom(int k)
{
    return k == TOK_NAME || k == TOK_INT || k == TOK_FLOAT || k == TOK_STRING || k == ')' || k == ']' ||
           k == '}' || k == TOK_NONE || k == TOK_TRUE || k == TOK_FALSE;
}

/* CPython's name for the expression in tokens a..b-1 ("function call",
 * "literal", ...), as its _PyPegen_get_expr_name says for the tree. */
static const char *toks_expr_name(Parser *p, int a, int b)
{
    int k0 = p->toks[a].kind, kl = p->toks[b - 1].kind;
    int depth = p->toks[a].depth - is_open(k0);
    for (int i = a; i < b; i++) {
        if (p->toks[i].depth != depth || is_open(p->toks[i].kind)) continue;
        int k = p->toks[i].kind;
        if (k == TOK_AND || k == TOK_OR) return "expression";
    }
    for (int i = a; i < b; i++) {
        int k = p->toks[i].kind;
        if (p->toks[i].depth != depth || (is_close(k) && i == b - 1)) continue;
        if (binop_at(p, i, 1) && i > a) {
            if (k == '<' || k == '>' || k == TOK_LE || k == TOK_GE || k == TOK_EQ || k == TOK_NE || k == TOK_IN ||
                k == TOK_IS || k == TOK_NOT)
                return "comparison";
            return "expression";
        }
    }
    if (k0 == TOK_NOT || ((k0 == '-' || k0 == '+' || k0 == '~') && b - a > 1)) return "expression";
    if (kl == ')' && b - a > 1 && !is_open(k0)) return "function call";
    if (kl == ']' && b - a > 1 && !is_open(k0)) return "subscript";
    if (b - a >= 2 && p->toks[b - 2].kind == '.') return "attribute";
    if (b - a == 1) {
        switch (k0) {
        case TOK_NAME: return "name";
        case TOK_TRUE: return "True";
        case TOK_FALSE: return "False";
        case TOK_NONE: return "None";
        case TOK_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    }
    if (k0 == TOK_STRING) return "literal";
    if (k0 == '[') return "list";
    if (k0 == '{') return "dict literal";
    if (k0 == '(') return "tuple";
    return "expression";
}

static int starts_expr(int k)
{
    return is_literal_tok(k) || is_open(k) || k == '~' || k == TOK_NOT || k == TOK_LAMBDA;
}

/* The specific messages CPython's second pass finds at or before the failing
 * token toks[et] (et > 0). Returns -1 when one was reported. */
static int report_invalid(Parser *p, const yypcontext_t *ctx, int et)
{
    int k = p->toks[et].kind, prev = et > 0 ? p->toks[et - 1].kind : 0;

    /* Python syntax scr does not have yet (SCR_NO_* above) */
    if (k == ':' && prev == TOK_NAME && p->toks[et].depth == 0 && p->toks[0].kind == TOK_NAME) {
        int lambda = 0;
        for (int i = 0; i < et; i++) lambda |= p->toks[i].kind == TOK_LAMBDA;
        if (!lambda) return error_toks(p, et, et + 1, SCR_NO_ANNOTATIONS);         /* x: int = 0 */
    }
    if (k == ':' && prev == TOK_NAME && p->line_first == TOK_DEF && p->toks[et].depth >= 1)
        return error_toks(p, et, et + 1, SCR_NO_ANNOTATIONS);                      /* def f(x: int) */
    if (et == 1 && p->toks[0].kind == TOK_NAME && strcmp(p->toks[0].name, "match") == 0 && starts_expr(k))
        return error_toks(p, 0, 1, SCR_NO_MATCH);
    if (k == '*' && prev == TOK_EXCEPT)
        return error_toks(p, et - 1, et + 1, SCR_NO_EXCEPT_STAR);
    if (k == TOK_AS && p->line_first == TOK_WITH && p->toks[et].depth == 1 && p->toks[1].kind == '(')
        return error_toks(p, 1, 2, SCR_NO_WITH_PARENS);

    /* `else if x:` */
    if ((prev == TOK_ELSE || prev == TOK_TRY || prev == TOK_FINALLY) && k != ':' && k != TOK_NEWLINE)
        return error_toks(p, et, et + 1, "expected ':'");

    /* `except A, B:` */
    if (k == ',' && p->toks[0].kind == TOK_EXCEPT) {
        int a = 1 + (etk(p, 1) == '*'), b = et;
        while (b >= 0 && etk(p, b) == ',' && starts_expr(etk(p, b + 1))) b = scan_expr(p, b + 1, 0);
        if (b > a && scan_expr(p, a, 0) == et)
            return error_toks(p, a, b, "multiple exception types must be parenthesized");
    }

    /* scr has no `async def`, so any await or async for/with is outside an
     * async function: CPython's compiler messages */
    if (k == TOK_AWAIT) {
        int in_def = p->line_first == TOK_DEF;
        for (int i = 0; i < p->nblocks; i++) in_def |= p->blocks[i] == TOK_DEF;
        int b = scan_expr(p, et + 1, 2);
        if (b > et + 1) {
            error_toks(p, et, b, in_def ? "'await' outside async function" : "'await' outside function");
            p->err->from_compiler = 1;
            return -1;
        }
    }
    if (k == TOK_ASYNC && et == 0 && (etk(p, 1) == TOK_FOR || etk(p, 1) == TOK_WITH)) {
        int b = 1;
        while (etk(p, b) && etk(p, b) != TOK_NEWLINE) b++;
        error_toks(p, 0, b, etk(p, 1) == TOK_FOR ? "'async for' outside async function"
                                                 : "'async with' outside async function");
        p->err->from_compiler = 1;
        return -1;
    }

    /* `{1: 2, 3}` */
    if ((k == '}' || k == ',') && prev != ':' && expects(ctx, YYTRANSLATE(':'))) {
        int d = p->toks[et].depth + (k == '}'), o = et - 1;
        while (o >= 0 && !(is_open(p->toks[o].kind) && p->toks[o].depth == d)) o--;
        if (o >= 0 && p->toks[o].kind == '{') {
            const YYLTYPE *l = &p->toks[et - 1].loc;
            return syntax_error(p, l->last_line, l->last_column - 1, "':' expected after dictionary key");
        }
    }

    /* `{"a": }` */
    if ((k == '}' || k == ',') && prev == ':') {
        int d = p->toks[et - 1].depth, o = et - 2;
        while (o >= 0 && !(is_open(p->toks[o].kind) && p->toks[o].depth == d)) o--;
        if (o >= 0 && p->toks[o].kind == '{')
            return error_toks(p, et - 1, et, "expression expected after dictionary key and ':'");
    }

    /* `if x = 1:` and other '=' inside an expression (invalid_named_expression) */
    if (k == '=' && p->toks[et].depth == 0) {
        /* where CPython parses no named expression: no suggestion */
        static const int plain[] = { TOK_RETURN, TOK_DEL, TOK_RAISE, TOK_IMPORT, TOK_FROM, TOK_GLOBAL,
                                     TOK_NONLOCAL, TOK_FOR, TOK_YIELD };
        for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
            if (p->line_first == plain[i]) return 0;
        for (int i = 0; i < et; i++)
            if (p->toks[i].kind == TOK_AUGASSIGN) return 0;
    }
    if (k == '=') {
        int a = back_expr(p, et, 2), b = scan_expr(p, et + 1, 2);
        if (a >= 0 && b >= 0 && etk(p, b) != '=' && etk(p, b) != TOK_WALRUS) {
            int ka = p->toks[a].kind;
            if (a == et - 1 && ka == TOK_NAME)
                return error_toks(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            if (!(ka == '(' || ka == '[' || (a == et - 1 && (ka == TOK_TRUE || ka == TOK_FALSE || ka == TOK_NONE))))
                return error_toks(p, a, et, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                  toks_expr_name(p, a, et));
        }
        return 0;
    }

    /* `print "x"`: a statement of Python 2 (invalid_legacy_expression) */
    if (prev == TOK_NAME && k != '(' && starts_expr(k) &&
        (strcmp(p->toks[et - 1].name, "print") == 0 || strcmp(p->toks[et - 1].name, "exec") == 0) &&
        (et < 2 || p->toks[et - 2].kind != '.')) {
        int b = scan_expr(p, et, 0);
        while (b >= 0 && etk(p, b) == ',' && starts_expr(etk(p, b + 1))) b = scan_expr(p, b + 1, 0);
        if (b >= 0) {
            const char *name = p->toks[et - 1].name;
            return error_toks(p, et - 1, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?", name, name);
        }
    }

    /* `{"a": 1, "b" 2}`: a dict item after the first without ':' */
    if (ends_atom(prev) && starts_expr(k)) {
        int a = back_expr(p, et, 1), d = p->toks[et].depth, o = et - 1, colon = 0;
        while (o >= 0 && !(is_open(p->toks[o].kind) && p->toks[o].depth == d)) {
            colon |= p->toks[o].kind == ':' && p->toks[o].depth == d;
            o--;
        }
        if (a > 0 && o >= 0 && p->toks[o].kind == '{' && colon && p->toks[a - 1].kind == ',') {
            const YYLTYPE *l = &p->toks[et - 1].loc;
            return syntax_error(p, l->last_line, l->last_column - 1, "':' expected after dictionary key");
        }
    }

    /* two expressions in a row inside brackets (invalid_expression) */
    if (ends_atom(prev) && starts_expr(k) && !(prev == TOK_NAME && k == TOK_STRING) &&
        !(p->line_first == TOK_DEF && p->toks[et].depth == 1)) {
        int a = back_expr(p, et, 1), b = scan_expr(p, et, 0);
        /* not after `in` of a comprehension or the `if`/`else` of a conditional expression */
        int after = a > 0 ? p->toks[a - 1].kind : 0;
        if (after == TOK_IN || after == TOK_IF || after == TOK_ELSE) a = -1;
        if (a >= 0 && b >= 0 && p->toks[b - 1].depth > 0 && !(a == et - 1 && prev == TOK_NAME && k == TOK_STRING)) {
            const char *n0 = p->toks[a].name;
            int soft = p->toks[a].kind == TOK_NAME &&
                       (strcmp(n0, "match") == 0 || strcmp(n0, "case") == 0 || strcmp(n0, "_") == 0);
            int legacy = a == et - 1 && p->toks[a].kind == TOK_NAME &&
                         (strcmp(n0, "print") == 0 || strcmp(n0, "exec") == 0);
            if (!soft && !legacy && !(p->toks[a].kind == TOK_NAME && p->toks[a + 1].kind == TOK_STRING))
                return error_toks(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
    }

    /* `x if y` without else */
    if (expects(ctx, YYTRANSLATE(TOK_ELSE)) && !expects(ctx, YYTRANSLATE(TOK_ELIF))) {
        int i = et - 1, d = p->toks[et].depth + is_close(k);
        while (i > 0 && !(p->toks[i].kind == TOK_IF && p->toks[i].depth == d)) i--;
        if (i > 0) {
            int a = back_expr(p, i, 1);
            if (a >= 0 && et > i + 1)
                return error_toks(p, a, et, "expected 'else' after 'if' expression");
        }
    }
    return 0;
}

static const char *block_name(int kw)
{
    switch (kw) {
    case TOK_IF: return "'if' statement";
    case TOK_ELIF: return "'elif' statement";
    case TOK_ELSE: return "'else' statement";
    case TOK_WHILE: return "'while' statement";
    case TOK_FOR: return "'for' statement";
    case TOK_TRY: return "'try' statement";
    case TOK_EXCEPT: return "'except' statement";
    case TOK_FINALLY: return "'finally' statement";
    case TOK_WITH: return "'with' statement";
    case TOK_DEF: return "function definition";
    case TOK_CLASS: return "class definition";
    default: return NULL;
    }
}

static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *p)
{
    const YYLTYPE *loc = yypcontext_location(ctx);
    int line = loc->first_line, col = loc->first_column, k = p->tok;
    const char *msg = "invalid syntax";
    ParseError *e = p->err;

    if (p->errset) return 0;
    if (p->tok_at_eof && p->nl_loc.first_line) {
        /* CPython reports errors at the end of input on the last line */
        line = p->nl_loc.first_line;
        col = p->nl_loc.first_column;
    }
    if (k == TOK_INDENT) {
        syntax_error(p, line, loc->last_column > 0 ? loc->last_column - 1 : 0, "unexpected indent");
        e->is_indent = 1;
        p->no_rescan = 1;
        return 0;
    }
    if (p->prev1 == TOK_NEWLINE && p->prev2 == ':') {
        int kwline, kw = lexer_block_keyword(p->lx, &kwline);
        if (p->tok_at_eof) col = -1;
        const char *what = block_name(kw);
        if (what)
            syntax_error(p, line, col, "expected an indented block after %s on line %d", what, kwline);
        else
            syntax_error(p, line, col, "expected an indented block");
        e->is_indent = 1;
        e->incomplete = p->tok_at_eof;
        return 0;
    }
    int et = p->ntoks - 1;          /* the failing token in p->toks */
    if (et < 0 || p->toks[et].kind != k) et = -1;
    if (p->tok_at_eof && (k == TOK_DEDENT || k == TOK_YYEOF))
        col = -1;                     /* CPython shows no caret there */
    switch (k) {
    case TOK_ASYNC: case TOK_AWAIT:
        if (et >= 0 && report_invalid(p, ctx, et) < 0) return 0;
        msg = SCR_NO_ASYNC;
        break;
    case TOK_WALRUS: msg = SCR_NO_WALRUS; break;
    case TOK_ARROW: msg = SCR_NO_ANNOTATIONS; break;
    case TOK_ELLIPSIS:
        if (p->prev1 == TOK_FROM) msg = SCR_NO_RELATIVE_IMPORT;
        break;
    case '.':
        if (p->prev1 == TOK_FROM) msg = SCR_NO_RELATIVE_IMPORT;
        break;
    case ',':
        if (et > 0 && report_invalid(p, ctx, et) < 0) return 0;
        break;
    case TOK_DEDENT:
        if (!p->tok_at_eof && !expects(ctx, YYTRANSLATE(TOK_EXCEPT))) {
            syntax_error(p, line, col, "unexpected unindent");
            e->is_indent = 1;
            p->no_rescan = 1;
            return 0;
        }
        if (expects(ctx, YYTRANSLATE(TOK_EXCEPT)))
            msg = "expected 'except' or 'finally' block";
        break;
    default:
        if (expects(ctx, YYTRANSLATE(TOK_EXCEPT))) {
            msg = "expected 'except' or 'finally' block";
            break;
        }
        if (p->prev1 == TOK_NAME && p->prev2 == TOK_DEF) {
            msg = "expected '('";
            break;
        }
        if (k == TOK_NEWLINE && expects(ctx, YYTRANSLATE(':'))) {
            msg = "expected ':'";
            break;
        }
        if (et > 0 && report_invalid(p, ctx, et) < 0)
            return 0;
        if (expects(ctx, YYTRANSLATE(TOK_ELSE)) && !expects(ctx, YYTRANSLATE(TOK_ELIF)))
            msg = "expected 'else' after 'if' expression";
        else if (k == ':' && p->prev1 == TOK_NAME && expects(ctx, YYTRANSLATE(')')) &&
                 expects(ctx, YYTRANSLATE('=')))
            msg = SCR_NO_ANNOTATIONS;
        break;
    }
    if (col >= 0 && k != TOK_DEDENT && k != TOK_INDENT && k != TOK_YYEOF)
        syntax_error_range(p, loc, loc, "%s", msg);
    else
        syntax_error(p, line, col, "%s", msg);
    e->incomplete = p->tok_at_eof;
    return 0;
}

Node *parse_module(const char *src, size_t len, const char *filename, ParseError *err)
{
    ParseError dummy;
    Parser p;
    int r;
    if (!err) err = &dummy;
    memset(err, 0, sizeof *err);
    memset(&p, 0, sizeof p);
    p.err = err;
    p.lx = lexer_new(src, len, filename, err);
    if (!p.lx) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    r = yyparse(&p);
    if (r == 1 && !p.oom && p.tok >= 0 && !p.no_rescan) {
        /* Like CPython, a tokenizer error anywhere in the file wins over a
         * syntax error found by the parser before it. */
        ParseError saved = *err;
        LexToken t;
        int k = -1;
        if (p.lex_failed)
            *err = p.lex_err;
        else
            while ((k = lexer_next(p.lx, &t)) > 0)
                free(t.str);
        if (k < 0 && !(strcmp(err->msg, "out of memory") == 0 && err->line == 0) &&
            (lexer_error_kind(p.lx) == 0 || (lexer_error_kind(p.lx) == 2 && err->line < p.far_line)))
            err->incomplete = 0;
        else
            *err = saved;
    }
    lexer_free(p.lx);
    free(p.toks);
    if (r == 0 && p.result)
        return p.result;
    ast_free(p.result);
    if (p.oom) {
        memset(err, 0, sizeof *err);
        snprintf(err->msg, sizeof err->msg, "out of memory");
    } else if (!err->msg[0]) {
        snprintf(err->msg, sizeof err->msg, "invalid syntax");
    }
    return NULL;
}
