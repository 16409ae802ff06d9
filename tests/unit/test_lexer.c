/* test_lexer.c — unit tests of grammar/lexer.re: token streams of small
 * inputs (indentation, continuation, literals of every form) and the errors
 * with their positions. */

#include "check_util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/lexer.h"
#include "parser.h"

/* The token stream as text, e.g. "NAME(x) '=' INT(1) NEWLINE EOF";
 * an error ends it with "ERROR(line:col msg)". */
static char *lex(const char *src, size_t len, ParseError *e)
{
    static char out[8192];
    ParseError dummy;
    Lexer *lx;
    size_t n = 0;
    if (!e) e = &dummy;
    memset(e, 0, sizeof *e);
    lx = lexer_new(src, len, "<test>", e);
    ck_assert_ptr_nonnull(lx);
    out[0] = 0;
    for (;;) {
        LexToken t;
        int k = lexer_next(lx, &t);
        char item[600];
        if (k < 0) {
            snprintf(item, sizeof item, "ERROR(%d:%d %s)", e->line, e->col, e->msg);
        } else if (k == TOK_NAME) {
            snprintf(item, sizeof item, "NAME(%s)", t.str);
        } else if (k == TOK_INT && t.overflow) {
            snprintf(item, sizeof item, "BIGINT(%s)", t.str);
        } else if (k == TOK_INT) {
            snprintf(item, sizeof item, "INT(%lld)", (long long)t.ival);
        } else if (k == TOK_FLOAT) {
            snprintf(item, sizeof item, "FLOAT(%.17g)", t.fval);
        } else if (k == TOK_STRING) {
            size_t m = 0;
            char esc[500];
            for (size_t i = 0; i < t.slen && m + 5 < sizeof esc; i++) {
                unsigned char c = (unsigned char)t.str[i];
                if (c < 0x20 || c >= 0x7F) m += (size_t)snprintf(esc + m, sizeof esc - m, "\\x%02x", c);
                else esc[m++] = (char)c;
            }
            esc[m] = 0;
            snprintf(item, sizeof item, "STRING(%s)", esc);
        } else if (k == TOK_AUGASSIGN) {
            snprintf(item, sizeof item, "AUG(%d)", t.op);
        } else {
            snprintf(item, sizeof item, "%s", lexer_token_name(k));
        }
        free(t.str);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", n ? " " : "", item);
        if (k <= 0 || n >= sizeof out - 1) break;
    }
    lexer_free(lx);
    return out;
}

#define LEX(s) lex((s), strlen(s), NULL)

START_TEST(test_simple)
{
    ck_assert_str_eq(LEX("x = 1\n"), "NAME(x) '=' INT(1) NEWLINE EOF");
    ck_assert_str_eq(LEX("x"), "NAME(x) NEWLINE EOF");          /* no final newline */
    ck_assert_str_eq(LEX(""), "EOF");
    ck_assert_str_eq(LEX("\n\n  \n# only a comment\n"), "EOF");
    ck_assert_str_eq(LEX("#!/usr/bin/env scr\nx # c\n"), "NAME(x) NEWLINE EOF");
    ck_assert_str_eq(LEX("a;b\r\nc\rd"), "NAME(a) ';' NAME(b) NEWLINE NAME(c) NEWLINE NAME(d) NEWLINE EOF");
}
END_TEST

START_TEST(test_indent)
{
    ck_assert_str_eq(LEX("if x:\n    y\n    z\nw\n"),
                     "if NAME(x) ':' NEWLINE INDENT NAME(y) NEWLINE NAME(z) NEWLINE DEDENT NAME(w) NEWLINE EOF");
    ck_assert_str_eq(LEX("a:\n  b:\n    c\n\n  # c\nd"),
                     "NAME(a) ':' NEWLINE INDENT NAME(b) ':' NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT "
                     "NAME(d) NEWLINE EOF");
    /* pending DEDENTs at EOF, without a final newline */
    ck_assert_str_eq(LEX("a:\n b:\n  c"),
                     "NAME(a) ':' NEWLINE INDENT NAME(b) ':' NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT EOF");
    /* a tab goes to column 8: equal to 8 spaces when used consistently */
    ck_assert_str_eq(LEX("a:\n\tb\n\tc\n"), "NAME(a) ':' NEWLINE INDENT NAME(b) NEWLINE NAME(c) NEWLINE DEDENT EOF");
    ck_assert_str_eq(LEX("a:\n\tb:\n\t\tc\n\td\n"),
                     "NAME(a) ':' NEWLINE INDENT NAME(b) ':' NEWLINE INDENT NAME(c) NEWLINE DEDENT NAME(d) "
                     "NEWLINE DEDENT EOF");
    /* lines inside brackets and after a backslash do not count */
    ck_assert_str_eq(LEX("x = (1,\n        2)\ny = 1 + \\\n  2\n"),
                     "NAME(x) '=' '(' INT(1) ',' INT(2) ')' NEWLINE NAME(y) '=' INT(1) '+' INT(2) NEWLINE EOF");
}
END_TEST

START_TEST(test_indent_errors)
{
    ParseError e;
    ck_assert_str_eq(LEX("if x:\n    a\n  b\n"),
                     "if NAME(x) ':' NEWLINE INDENT NAME(a) NEWLINE "
                     "ERROR(3:3 unindent does not match any outer indentation level)");
    lex("if x:\n    a\n  b\n", strlen("if x:\n    a\n  b\n"), &e);
    ck_assert_int_eq(e.is_indent, 1);
    lex("if x:\n\tpass\n        pass\n", strlen("if x:\n\tpass\n        pass\n"), &e);
    ck_assert_str_eq(e.msg, "inconsistent use of tabs and spaces in indentation");
    ck_assert_int_eq(e.is_indent, 2);
    ck_assert_int_eq(e.line, 3);
}
END_TEST

START_TEST(test_operators)
{
    ck_assert_str_eq(LEX("+ - * / // % ** @ << >> & | ^ ~ < > <= >= == != -> := ... . , : ;"),
                     "'+' '-' '*' '/' '//' '%' '**' '@' '<<' '>>' '&' '|' '^' '~' '<' '>' '<=' '>=' '==' "
                     "'!=' '->' ':=' '...' '.' ',' ':' ';' NEWLINE EOF");
    ck_assert_str_eq(LEX("a+=1;a-=1;a*=1;a/=1;a//=1;a%=1;a**=1;a&=1;a|=1;a^=1;a>>=1;a<<=1;a@=1"),
                     "NAME(a) AUG(0) INT(1) ';' NAME(a) AUG(1) INT(1) ';' NAME(a) AUG(2) INT(1) ';' "
                     "NAME(a) AUG(3) INT(1) ';' NAME(a) AUG(4) INT(1) ';' NAME(a) AUG(5) INT(1) ';' NAME(a) AUG(6) INT(1) ';' "
                     "NAME(a) AUG(9) INT(1) ';' NAME(a) AUG(10) INT(1) ';' NAME(a) AUG(11) INT(1) ';' "
                     "NAME(a) AUG(8) INT(1) ';' NAME(a) AUG(7) INT(1) ';' NAME(a) AUG(12) INT(1) NEWLINE EOF");
    ck_assert_int_eq(BINOP_TRUEDIV, 3);   /* the expected string above relies on the BinOp numbering */
    ck_assert_str_eq(LEX("([{}])"), "'(' '[' '{' '}' ']' ')' NEWLINE EOF");
}
END_TEST

START_TEST(test_keywords_names)
{
    ck_assert_str_eq(LEX("False None True and as assert async await break class continue def del elif"),
                     "False None True and as assert async await break class continue def del elif NEWLINE EOF");
    ck_assert_str_eq(LEX("else except finally for from global if import in is lambda nonlocal not or"),
                     "else except finally for from global if import in is lambda nonlocal not or NEWLINE EOF");
    ck_assert_str_eq(LEX("pass raise return try while with yield"),
                     "pass raise return try while with yield NEWLINE EOF");
    ck_assert_str_eq(LEX("iff _x x1 Nonez café ñ_1 π"),
                     "NAME(iff) NAME(_x) NAME(x1) NAME(Nonez) NAME(café) NAME(ñ_1) NAME(π) NEWLINE EOF");
}
END_TEST

START_TEST(test_numbers)
{
    ck_assert_str_eq(LEX("0 7 1_000_000 0x_fF 0o17 0b1010 0XAB 00 0_0"),
                     "INT(0) INT(7) INT(1000000) INT(255) INT(15) INT(10) INT(171) INT(0) INT(0) NEWLINE EOF");
    ck_assert_str_eq(LEX("9223372036854775807 9223372036854775808 0xffffffffffffffffff"),
                     "INT(9223372036854775807) BIGINT(9223372036854775808) BIGINT(0xffffffffffffffffff) "
                     "NEWLINE EOF");
    ck_assert_str_eq(LEX("1.5 1e9 .5 1024. 1_000.5 1e-5 1E+2 09.5 0e0"),
                     "FLOAT(1.5) FLOAT(1000000000) FLOAT(0.5) FLOAT(1024) FLOAT(1000.5) FLOAT(1.0000000000000001e-05) "
                     "FLOAT(100) FLOAT(9.5) FLOAT(0) NEWLINE EOF");
    ck_assert_str_eq(LEX("1if x else 2"), "INT(1) if NAME(x) else INT(2) NEWLINE EOF");
    ck_assert_str_eq(LEX("1 .real"), "INT(1) '.' NAME(real) NEWLINE EOF");
}
END_TEST

START_TEST(test_number_errors)
{
    ck_assert_str_eq(LEX("1_"), "ERROR(1:1 invalid decimal literal)");
    ck_assert_str_eq(LEX("1__0"), "ERROR(1:1 invalid decimal literal)");
    ck_assert_str_eq(LEX("x = 09"), "NAME(x) '=' ERROR(1:4 leading zeros in decimal integer literals are not "
                                    "permitted; use an 0o prefix for octal integers)");
    ck_assert_str_eq(LEX("0x"), "ERROR(1:1 invalid hexadecimal literal)");
    ck_assert_str_eq(LEX("0b2"), "ERROR(1:2 invalid digit '2' in binary literal)");
    ck_assert_str_eq(LEX("0o78"), "ERROR(1:3 invalid digit '8' in octal literal)");
    ck_assert_str_eq(LEX("0b1_"), "ERROR(1:3 invalid binary literal)");
    ck_assert_str_eq(LEX("1a"), "ERROR(1:0 invalid decimal literal)");
    ck_assert_str_eq(LEX("\n1e"), "ERROR(2:0 invalid decimal literal)");
}
END_TEST

START_TEST(test_strings)
{
    ck_assert_str_eq(LEX("'a' \"b\" '''c\nd''' \"\"\"e\"f\"\"\""),
                     "STRING(a) STRING(b) STRING(c\\x0ad) STRING(e\"f) NEWLINE EOF");
    ck_assert_str_eq(LEX("'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0'"),
                     "STRING(\\x0a\\x09\\x0d\\'\"\\x07\\x08\\x0c\\x0b\\x00) NEWLINE EOF");
    ck_assert_str_eq(LEX("'\\101\\x41\\u00e9\\U0001F600\\q\\777'"),
                     "STRING(AA\\xc3\\xa9\\xf0\\x9f\\x98\\x80\\q\\xc7\\xbf) NEWLINE EOF");
    ck_assert_str_eq(LEX("r'\\n\\'' R\"\\d\" u'x' U'y'"),
                     "STRING(\\n\\') STRING(\\d) STRING(x) STRING(y) NEWLINE EOF");
    ck_assert_str_eq(LEX("'a\\\nb' 'é'"), "STRING(ab) STRING(\\xc3\\xa9) NEWLINE EOF");
    ck_assert_str_eq(LEX("''"), "STRING() NEWLINE EOF");
}
END_TEST

START_TEST(test_string_errors)
{
    ParseError e;
    ck_assert_str_eq(LEX("x = 'abc\n"), "NAME(x) '=' ERROR(1:4 unterminated string literal (detected at line 1))");
    ck_assert_str_eq(lex("x = '''\na\nb", 11, &e),
                     "NAME(x) '=' ERROR(1:4 unterminated triple-quoted string literal (detected at line 3))");
    ck_assert_int_eq(e.incomplete, 1);
    lex("'abc", 4, &e);
    ck_assert_int_eq(e.incomplete, 0);
    /* decoding errors are reported at the token after the literals, as CPython's parser does */
    ck_assert_str_eq(LEX("'\\x4'"), "STRING() ERROR(1:5 (unicode error) 'unicodeescape' codec can't decode bytes in "
                                    "position 0-2: truncated \\xXX escape)");
    /* f-strings and bytes are STRING tokens (op 2 / 1); the parser builds their nodes */
    ck_assert_str_eq(LEX("f'x{y}'"), "STRING(x{y}) NEWLINE EOF");
    ck_assert_str_eq(LEX("b'x'"), "STRING(x) NEWLINE EOF");
    ck_assert_str_eq(LEX("b'\xc3\xa9'"), "STRING(\\xc3\\xa9) ERROR(1:0 bytes can only contain ASCII literal characters)");
}
END_TEST

START_TEST(test_other_errors)
{
    ParseError e;
    ck_assert_str_eq(lex("x = (1,\n", 8, &e), "NAME(x) '=' '(' INT(1) ',' ERROR(1:4 '(' was never closed)");
    ck_assert_int_eq(e.incomplete, 1);
    ck_assert_str_eq(LEX("x = )"), "NAME(x) '=' ERROR(1:4 unmatched ')')");
    ck_assert_str_eq(LEX("(]"), "'(' ERROR(1:1 closing parenthesis ']' does not match opening parenthesis '(')");
    ck_assert_str_eq(LEX("x = 1 \\ y"), "NAME(x) '=' INT(1) ERROR(1:7 unexpected character after line "
                                        "continuation character)");
    lex("x = 1 + \\\n", 10, &e);
    ck_assert_str_eq(e.msg, "unexpected EOF while parsing");
    ck_assert_int_eq(e.incomplete, 1);
    ck_assert_str_eq(LEX("a $"), "NAME(a) ERROR(1:2 invalid syntax)");
    ck_assert_str_eq(LEX("€"), "ERROR(1:0 invalid character '€' (U+20AC))");
    ck_assert_str_eq(LEX("a\xc2\xa0" "b"), "NAME(a) ERROR(1:1 invalid non-printable character U+00A0)");
    ck_assert_str_eq(lex("x\0", 2, NULL), "ERROR(1:-1 source code cannot contain null bytes)");
    ck_assert_str_eq(LEX("x = 1\n\xff\n"), "ERROR(2:0 Non-UTF-8 code starting with '\\xff' in file <test> on line 2, "
                                           "but no encoding declared; see https://peps.python.org/pep-0263/ "
                                           "for details)");
    {
        char deep[300];
        memset(deep, '(', 201);
        deep[201] = 0;
        lex(deep, 201, &e);
        ck_assert_str_eq(e.msg, "too many nested parentheses");
    }
}
END_TEST

START_TEST(test_positions)
{
    ParseError e;
    Lexer *lx = lexer_new("if x:\n  yy = 'a\\\nb'\n", 20, "<t>", &e);
    LexToken t;
    int kinds[] = { TOK_IF, TOK_NAME, ':', TOK_NEWLINE, TOK_INDENT, TOK_NAME, '=', TOK_STRING, TOK_NEWLINE,
                    TOK_DEDENT, TOK_YYEOF };
    int lines[] = { 1, 1, 1, 1, 2, 2, 2, 2, 3, 4, 4 };
    int cols[] = { 0, 3, 4, 5, 0, 2, 5, 7, 2, 0, 0 };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        ck_assert_int_eq(lexer_next(lx, &t), kinds[i]);
        ck_assert_int_eq(t.line, lines[i]);
        ck_assert_int_eq(t.col, cols[i]);
        if (kinds[i] == TOK_NAME && i == 5) ck_assert_int_eq(t.end_col, 4);
        if (kinds[i] == TOK_DEDENT || kinds[i] == TOK_YYEOF) ck_assert_int_eq(t.at_eof, 1);
        free(t.str);
    }
    lexer_free(lx);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_simple, test_indent, test_indent_errors, test_operators,
                    test_keywords_names, test_numbers, test_number_errors, test_strings,
                    test_string_errors, test_other_errors, test_positions, NULL);
}

const CheckSuite check_suite = { .name = "lexer", .add_tests = add_tests };
