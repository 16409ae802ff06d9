/* test_parser.c — unit tests of grammar/parser.y: ast_dump of representative
 * programs (precedence, statements, targets), node positions, and the
 * errors with line, column, IndentationError and "incomplete" flags. */

#include "check_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/ast.h"

static char *dump_buf;

/* The dump of src's module body (the "Module" line and one level of
 * indentation removed), or "ERROR ..." */
static const char *parse(const char *src)
{
    ParseError e;
    Node *m = parse_module(src, strlen(src), "<test>", &e);
    size_t size = 0;
    FILE *f;
    free(dump_buf);
    dump_buf = NULL;
    if (!m) {
        f = open_memstream(&dump_buf, &size);
        fprintf(f, "ERROR %d:%d %s", e.line, e.col, e.msg);
        fclose(f);
        return dump_buf;
    }
    f = open_memstream(&dump_buf, &size);
    for (int i = 0; i < m->body.len; i++)
        ast_dump(m->body.items[i], f);
    fclose(f);
    ast_free(m);
    return dump_buf;
}

static Node *parse_ok(const char *src)
{
    ParseError e;
    Node *m = parse_module(src, strlen(src), "<test>", &e);
    ck_assert_msg(m != NULL, "parse failed: %s", e.msg);
    return m;
}

START_TEST(test_precedence)
{
    ck_assert_str_eq(parse("-2**2\n"), "Expr\n  Unary -\n    BinOp **\n      Int 2\n      Int 2\n");
    ck_assert_str_eq(parse("2**-1\n"), "Expr\n  BinOp **\n    Int 2\n    Unary -\n      Int 1\n");
    ck_assert_str_eq(parse("2**3**4\n"),
                     "Expr\n  BinOp **\n    Int 2\n    BinOp **\n      Int 3\n      Int 4\n");
    ck_assert_str_eq(parse("1-2-3\n"), "Expr\n  BinOp -\n    BinOp -\n      Int 1\n      Int 2\n    Int 3\n");
    ck_assert_str_eq(parse("a | b ^ c & d << e + f * g\n"),
                     "Expr\n  BinOp |\n    Name a\n    BinOp ^\n      Name b\n      BinOp &\n        Name c\n"
                     "        BinOp <<\n          Name d\n          BinOp +\n            Name e\n"
                     "            BinOp *\n              Name f\n              Name g\n");
    ck_assert_str_eq(parse("not a < b or c and d\n"),
                     "Expr\n  BoolOp or\n    Unary not\n      Compare\n        Name a\n        op: <\n"
                     "        Name b\n    BoolOp and\n      Name c\n      Name d\n");
    ck_assert_str_eq(parse("a < b <= c is not d not in e\n"),
                     "Expr\n  Compare\n    Name a\n    op: <\n    Name b\n    op: <=\n    Name c\n"
                     "    op: is not\n    Name d\n    op: not in\n    Name e\n");
    ck_assert_str_eq(parse("(a < b) < c\n"),
                     "Expr\n  Compare\n    Compare\n      Name a\n      op: <\n      Name b\n    op: <\n    Name c\n");
    ck_assert_str_eq(parse("a or b or c\n"), "Expr\n  BoolOp or\n    Name a\n    Name b\n    Name c\n");
    ck_assert_str_eq(parse("x = lambda: a if b else c\n"),
                     "Assign\n  target: Name x\n  value: Lambda\n    body: IfExp\n      test: Name b\n"
                     "      body: Name a\n      orelse: Name c\n");
    ck_assert_str_eq(parse("-x.y[1](2)\n"),
                     "Expr\n  Unary -\n    Call\n      func: Subscript\n        Attr y\n          Name x\n"
                     "        Int 1\n      arg: Int 2\n");
    ck_assert_str_eq(parse("~a % -b @ c // d\n"),
                     "Expr\n  BinOp //\n    BinOp @\n      BinOp %\n        Unary ~\n          Name a\n"
                     "        Unary -\n          Name b\n      Name c\n    Name d\n");
}
END_TEST

START_TEST(test_literals)
{
    ck_assert_str_eq(parse("'a' \"b\"\\\n  '''c'''\n"), "Expr\n  Str 'abc'\n");
    ck_assert_str_eq(parse("x = 99999999999999999999\n"),
                     "Assign\n  target: Name x\n  value: Int 99999999999999999999 (overflow)\n");
    ck_assert_str_eq(parse("-9223372036854775808\n"), "Expr\n  Int -9223372036854775808\n");
    ck_assert_str_eq(parse("[], [1, 2,], (), (1,), {}, {1: 'a', 2: 'b',}, 1.5, None, True, False\n"),
                     "Expr\n  Tuple\n    List\n    List\n      Int 1\n      Int 2\n    Tuple (parens)\n"
                     "    Tuple (parens)\n      Int 1\n    Dict\n    Dict\n      key: Int 1\n      value: Str 'a'\n"
                     "      key: Int 2\n      value: Str 'b'\n    Float 1.5\n    None\n    True\n    False\n");
    {
        Node *m = parse_ok("99999999999999999999\n");
        Node *n = m->body.items[0]->a;
        ck_assert_int_eq(n->kind, N_INT);
        ck_assert_int_eq(n->op, 1);
        ck_assert_str_eq(n->str, "99999999999999999999");
        ast_free(m);
        m = parse_ok("12\n");
        n = m->body.items[0]->a;
        ck_assert_ptr_null(n->str);
        ck_assert_int_eq(n->ival, 12);
        ast_free(m);
        m = parse_ok("'a\\0b'\n");
        ck_assert_int_eq(m->body.items[0]->a->slen, 3);
        ast_free(m);
    }
}
END_TEST

START_TEST(test_assign)
{
    ck_assert_str_eq(parse("a = b = 1\n"), "Assign\n  target: Name a\n  target: Name b\n  value: Int 1\n");
    ck_assert_str_eq(parse("a, = x\n"), "Assign\n  target: Tuple\n    Name a\n  value: Name x\n");
    ck_assert_str_eq(parse("a, (b, [c, *d]) = x.y[0] = z\n"),
                     "Assign\n  target: Tuple\n    Name a\n    Tuple (parens)\n      Name b\n      List\n"
                     "        Name c\n        Starred\n          Name d\n  target: Subscript\n    Attr y\n"
                     "      Name x\n    Int 0\n  value: Name z\n");
    ck_assert_str_eq(parse("x += 1, 2\n"),
                     "AugAssign +\n  Name x\n  Tuple\n    Int 1\n    Int 2\n");
    ck_assert_str_eq(parse("a[i] //= 2; b.c **= 3;\n"),
                     "AugAssign //\n  Subscript\n    Name a\n    Name i\n  Int 2\nAugAssign **\n  Attr c\n    Name b\n  Int 3\n");
    ck_assert_str_eq(parse("del a, b[0], (c, d)\n"),
                     "Del\n  Name a\n  Subscript\n    Name b\n    Int 0\n  Tuple (parens)\n    Name c\n    Name d\n");
}
END_TEST

START_TEST(test_compound)
{
    ck_assert_str_eq(parse("if a: b\nelif c:\n  d\nelse:\n  e\n  f\n"),
                     "If\n  test: Name a\n  body: Expr\n    Name b\n  orelse: If\n    test: Name c\n"
                     "    body: Expr\n      Name d\n    orelse: Expr\n      Name e\n    orelse: Expr\n      Name f\n");
    ck_assert_str_eq(parse("while x:\n    break\nelse: continue\n"),
                     "While\n  test: Name x\n  body: Break\n  orelse: Continue\n");
    ck_assert_str_eq(parse("for i, (a, b) in x:\n  pass\nelse:\n  pass\n"),
                     "For\n  target: Tuple\n    Name i\n    Tuple (parens)\n      Name a\n      Name b\n"
                     "  iter: Name x\n  body: Pass\n  orelse: Pass\n");
    ck_assert_str_eq(parse("try:\n  a\nexcept (A, B) as e:\n  pass\nexcept C:\n  pass\nexcept:\n  raise\n"
                           "else:\n  pass\nfinally:\n  pass\n"),
                     "Try\n  body: Expr\n    Name a\n  Handler as e\n    Tuple (parens)\n      Name A\n      Name B\n"
                     "    body: Pass\n  Handler\n    Name C\n    body: Pass\n  Handler\n    body: Raise\n"
                     "  orelse: Pass\n  finally: Pass\n");
    ck_assert_str_eq(parse("try: pass\nfinally: pass\n"), "Try\n  body: Pass\n  finally: Pass\n");
    ck_assert_str_eq(parse("raise E(1) from e\n"),
                     "Raise\n  Call\n    func: Name E\n    arg: Int 1\n  cause: Name e\n");
}
END_TEST

START_TEST(test_def)
{
    ck_assert_str_eq(parse("@d\n@e(1)\ndef f(a, b=1, *args, c, d=2, **kw):\n  global g, h\n  return a\n"),
                     "Def f\n  decorator: Name d\n  decorator: Call\n    func: Name e\n    arg: Int 1\n"
                     "  param: a\n  param: b\n  default: Int 1\n  vararg: args\n  kwonly: c\n  kwonly: d\n"
                     "    default: Int 2\n  kwarg: kw\n  body: Global g h\n  body: Return\n    Name a\n");
    ck_assert_str_eq(parse("def f(): return\n"), "Def f\n  body: Return\n");
    ck_assert_str_eq(parse("f = lambda x, y=1,: x\n"),
                     "Assign\n  target: Name f\n  value: Lambda\n    param: x\n    param: y\n"
                     "    default: Int 1\n    body: Name x\n");
    {
        Node *m = parse_ok("def f(*, a, b=3): pass\n");
        Params *p = m->body.items[0]->args;
        ck_assert_int_eq(p->n, 0);
        ck_assert_int_eq(p->nkwonly, 2);
        ck_assert_int_eq(p->kwdefaults.len, 2);
        ck_assert_ptr_null(p->kwdefaults.items[0]);
        ck_assert_ptr_nonnull(p->kwdefaults.items[1]);
        ck_assert_ptr_null(p->vararg);
        ck_assert_int_eq(m->body.items[0]->line, 1);
        ast_free(m);
    }
}
END_TEST

START_TEST(test_calls_subscripts)
{
    ck_assert_str_eq(parse("f(a, *b, c=1, **d)\n"),
                     "Expr\n  Call\n    func: Name f\n    arg: Name a\n    arg: Starred\n      Name b\n"
                     "    kw: Keyword c\n      Int 1\n    kw: Keyword **\n      Name d\n");
    ck_assert_str_eq(parse("f(a,)\n"), "Expr\n  Call\n    func: Name f\n    arg: Name a\n");
    ck_assert_str_eq(parse("a[::2], a[1:], a[:, ]\n"),
                     "Expr\n  Tuple\n    Subscript\n      Name a\n      Slice\n        lower: -\n        upper: -\n"
                     "        step: Int 2\n    Subscript\n      Name a\n      Slice\n        lower: Int 1\n"
                     "        upper: -\n        step: -\n    Subscript\n      Name a\n      Tuple\n        Slice\n"
                     "          lower: -\n          upper: -\n          step: -\n");
    ck_assert_str_eq(parse("a[1, 2]\n"), "Expr\n  Subscript\n    Name a\n    Tuple\n      Int 1\n      Int 2\n");
}
END_TEST

START_TEST(test_comprehensions_imports)
{
    ck_assert_str_eq(parse("[x for x in y if x if z for w in x]\n"),
                     "Expr\n  ListComp\n    elt: Name x\n    CompFor\n      target: Name x\n      iter: Name y\n"
                     "      if: Name x\n      if: Name z\n    CompFor\n      target: Name w\n      iter: Name x\n");
    ck_assert_str_eq(parse("{k: v for k, v in d}\n"),
                     "Expr\n  DictComp\n    key: Name k\n    value: Name v\n    CompFor\n      target: Tuple\n"
                     "        Name k\n        Name v\n      iter: Name d\n");
    ck_assert_str_eq(parse("import a.b as c, d\nfrom x.y import (e, f as g,)\nfrom m import *\n"),
                     "Import\n  Alias a.b as c\n  Alias d\nImportFrom x.y\n  Alias e\n  Alias f as g\n"
                     "ImportFrom m\n  Alias *\n");
    ck_assert_str_eq(parse("assert x, 'm'\nnonlocal a\n"), "Assert\n  Name x\n  Str 'm'\nNonlocal a\n");
}
END_TEST

START_TEST(test_positions)
{
    Node *m = parse_ok("x = 1\nif a:\n    y = f(b,\n          c)\n");
    Node *as = m->body.items[0], *ifs = m->body.items[1], *inner = ifs->body.items[0];
    ck_assert_int_eq(as->line, 1);
    ck_assert_int_eq(as->col, 0);
    ck_assert_int_eq(as->end_col, 5);
    ck_assert_int_eq(as->a->col, 4);
    ck_assert_int_eq(ifs->line, 2);
    ck_assert_int_eq(inner->line, 3);
    ck_assert_int_eq(inner->col, 4);
    ck_assert_int_eq(inner->a->kind, N_CALL);
    ck_assert_int_eq(inner->a->col, 8);
    ck_assert_int_eq(inner->a->end_col, -1);       /* continues on the next line */
    ck_assert_int_eq(inner->a->list.items[1]->line, 4);
    ck_assert_int_eq(inner->a->list.items[1]->col, 10);
    ast_free(m);
}
END_TEST

typedef struct { const char *src, *msg; int line, col, indent, incomplete; } ErrCase;

static const ErrCase err_cases[] = {
    { "x = 1 +\n", "invalid syntax", 1, 7, 0, 0 },
    { "x = (1,\n", "'(' was never closed", 1, 4, 0, 1 },
    { "s = '''abc\n", "unterminated triple-quoted string literal (detected at line 1)", 1, 4, 0, 1 },
    { "if x:\n", "expected an indented block after 'if' statement on line 1", 1, -1, 1, 1 },
    { "if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2, 0, 1, 0 },
    { "def f():\n  if x:\n    pass\n  else:\n", "expected an indented block after 'else' statement on line 4",
      4, -1, 1, 1 },
    { "def f():\nx\n", "expected an indented block after function definition on line 1", 2, 0, 1, 0 },
    { "for x in y:\n  pass\n", NULL, 0, 0, 0, 0 },
    { "  x = 1\n", "unexpected indent", 1, 1, 1, 0 },
    { "try:\n  x\n", "expected 'except' or 'finally' block", 2, -1, 0, 1 },
    { "if x\n", "expected ':'", 1, 4, 0, 0 },
    { "f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0, 0, 0 },
    { "1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0, 0, 0 },
    { "(a, 1) = x\n", "cannot assign to literal", 1, 4, 0, 0 },
    { "x = f() = 1\n", "cannot assign to function call", 1, 4, 0, 0 },
    { "a < b = 1\n", "cannot assign to comparison", 1, 0, 0, 0 },
    { "None = 1\n", "cannot assign to None", 1, 0, 0, 0 },
    { "for f() in x: pass\n", "cannot assign to function call", 1, 4, 0, 0 },
    { "del f()\n", "cannot delete function call", 1, 4, 0, 0 },
    { "f() += 1\n", "'function call' is an illegal expression for augmented assignment", 1, 0, 0, 0 },
    { "a, b += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 0, 0, 0 },
    { "*a = 1\n", "starred assignment target must be in a list or tuple", 1, 0, 0, 0 },
    { "*a, *b = c\n", "multiple starred expressions in assignment", 1, 0, 0, 0 },
    { "x = *a\n", "can't use starred expression here", 1, 4, 0, 0 },
    { "f(a=1, b)\n", "positional argument follows keyword argument", 1, 8, 0, 0 },
    { "f(**k, b)\n", "positional argument follows keyword argument unpacking", 1, 8, 0, 0 },
    { "f(**k, *b)\n", "iterable argument unpacking follows keyword argument unpacking", 1, 7, 0, 0 },
    { "f(a, a=1, a=2)\n", "keyword argument repeated: a", 1, 10, 0, 0 },
    { "f(a+1=2)\n", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2, 0, 0 },
    { "def f(a=1, b): pass\n", "non-default argument follows default argument", 1, 11, 0, 0 },
    { "def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 9, 0, 0 },
    { "def f(*): pass\n", "named arguments must follow bare *", 1, 6, 0, 0 },
    { "def f(**k, a): pass\n", "arguments cannot follow var-keyword argument", 1, 11, 0, 0 },
    { "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", "default 'except:' must be last", 3, 0, 0, 0 },
    { "[1 2]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 1, 0, 0 },
    { "print 'x'\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0, 0, 0 },
    { "a if b\n", "expected 'else' after 'if' expression", 1, 0, 0, 0 },
    { "x = (\n\n", "'(' was never closed", 1, 4, 0, 1 },
    { "x = 1\ny = )\n", "unmatched ')'", 2, 4, 0, 0 },
    { "class A(metaclass=M): pass\n", "class keyword arguments are not supported by scr yet", 1, 8, 0, 0 },
    { "f(i for i in y, 1)\n", "Generator expression must be parenthesized", 1, 2, 0, 0 },
    { "from a import b,\n", "trailing comma not allowed without surrounding parentheses", 1, 16, 0, 0 },
};

START_TEST(test_errors)
{
    const ErrCase *c = &err_cases[_i];
    ParseError e;
    Node *m = parse_module(c->src, strlen(c->src), "<test>", &e);
    if (!c->msg) {
        ck_assert_msg(m != NULL, "%s: unexpected error %s", c->src, e.msg);
        ast_free(m);
        return;
    }
    ck_assert_msg(m == NULL, "%s: parsed", c->src);
    ck_assert_str_eq(e.msg, c->msg);
    ck_assert_msg(e.line == c->line && e.col == c->col, "%s: at %d:%d, expected %d:%d", c->src, e.line, e.col,
                  c->line, c->col);
    ck_assert_int_eq(e.is_indent, c->indent);
    ck_assert_int_eq(e.incomplete, c->incomplete);
}
END_TEST

START_TEST(test_deep)
{
    size_t n = 100000, len = 0;
    char *src = malloc(n * 2 + 16);
    Node *m;
    ParseError e;
    /* 100 000 terms: left-recursive, the parser stack stays shallow */
    for (size_t i = 0; i < n; i++) { src[len++] = '1'; src[len++] = '+'; }
    src[len - 1] = '\n';
    m = parse_module(src, len, "<test>", &e);
    ck_assert_ptr_nonnull(m);
    ast_free(m);
    /* deeply nested unary operators: a clean SyntaxError */
    len = 0;
    for (size_t i = 0; i < n; i++) src[len++] = '-';
    src[len++] = '1';
    src[len++] = '\n';
    m = parse_module(src, len, "<test>", &e);
    ck_assert_ptr_null(m);
    ck_assert_str_eq(e.msg, "too many nested parentheses");
    /* 200 parentheses are fine, 201 are not (CPython's limit) */
    len = 0;
    for (int i = 0; i < 200; i++) src[len++] = '(';
    src[len++] = '1';
    for (int i = 0; i < 200; i++) src[len++] = ')';
    src[len++] = '\n';
    m = parse_module(src, len, "<test>", &e);
    ck_assert_ptr_nonnull(m);
    ast_free(m);
    len = 0;
    for (int i = 0; i < 1000; i++) src[len++] = '(';
    m = parse_module(src, len, "<test>", &e);
    ck_assert_ptr_null(m);
    ck_assert_str_eq(e.msg, "too many nested parentheses");
    free(src);
}
END_TEST

/* The range CPython marks with ^ for an error: line:col to end_line:end_col
 * (end_line 0: one ^; end_line > line: to the end of the line). */
typedef struct { const char *src, *msg; int line, col, end_line, end_col; } RangeCase;

static const RangeCase range_cases[] = {
    { "print(x x)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 1, 9 },
    { "a = [1 + 2 3]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 5, 1, 12 },
    { "if x = 1:\n  pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3, 1, 8 },
    { "while f(x) = 1:\n  pass\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?",
      1, 6, 1, 10 },
    { "print 'a', b\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0, 1, 12 },
    { "f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0, 1, 3 },
    { "x = f() = 1\n", "cannot assign to function call", 1, 4, 1, 7 },
    { "f(1,\n  2) = 3\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0, 2, 0 },
    { "f(), a = 1, 2\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 5, 1, 10 },
    { "x = 1 if y\n", "expected 'else' after 'if' expression", 1, 4, 1, 10 },
    { "f(True=1)\n", "cannot assign to True", 1, 2, 1, 7 },
    { "f(a.b=1)\n", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2, 1, 6 },
    { "x = 0_7\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
      1, 4, 1, 6 },
    { "x = 1abc\n", "invalid decimal literal", 1, 4, 0, 0 },
    { "try:\n  pass\nexcept A, B:\n  pass\n", "multiple exception types must be parenthesized", 3, 7, 3, 11 },
    { "d = {1: }\n", "expression expected after dictionary key and ':'", 1, 6, 1, 7 },
    { "x = (1 + 2\ny = 3\n", "'(' was never closed", 1, 4, 0, 0 },
    { "def f(x, yy, yy): pass\n", "duplicate argument 'yy' in function definition", 1, 13, 1, 15 },
    { "x: int = 0\n", "annotations are not supported by scr yet", 1, 1, 1, 2 },
    { "match x:\n  case 1: pass\n", "match statements are not supported by scr yet", 1, 0, 1, 5 },
    { "try:\n  pass\n", "expected 'except' or 'finally' block", 2, -1, 0, 0 },
};

START_TEST(test_error_ranges)
{
    const RangeCase *c = &range_cases[_i];
    ParseError e;
    Node *m = parse_module(c->src, strlen(c->src), "<test>", &e);
    ck_assert_msg(m == NULL, "%s: parsed", c->src);
    ck_assert_str_eq(e.msg, c->msg);
    ck_assert_msg(e.line == c->line && e.col == c->col && e.end_line == c->end_line &&
                  (c->end_line == 0 || c->end_line > c->line || e.end_col == c->end_col),
                  "%s: at %d:%d-%d:%d, expected %d:%d-%d:%d", c->src, e.line, e.col, e.end_line, e.end_col,
                  c->line, c->col, c->end_line, c->end_col);
}
END_TEST

static void free_dump(void) { free(dump_buf); }

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_precedence, test_literals, test_assign, test_compound, test_def,
                    test_calls_subscripts, test_comprehensions_imports, test_positions, test_deep,
                    NULL);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof err_cases / sizeof err_cases[0]));
    tcase_add_loop_test(tc, test_error_ranges, 0, (int)(sizeof range_cases / sizeof range_cases[0]));
}

const CheckSuite check_suite = { .name = "parser", .add_tests = add_tests, .timeout = 30,
    .at_exit = free_dump };
