/* lexer.h — the tokenizer interface (grammar/lexer.re) used by the bison
 * parser's yylex and by the lexer unit tests.
 *
 * Token kinds are bison's (gen/parser.h, prefix TOK_): TOK_NAME, TOK_INT,
 * TOK_FLOAT, TOK_STRING, TOK_NEWLINE, TOK_INDENT, TOK_DEDENT, one TOK_<KW> per
 * reserved word (TOK_IF, TOK_NONE, ...), the multi-character operators
 * (TOK_POW "**", TOK_FLOORDIV "//", TOK_LSHIFT, TOK_RSHIFT, TOK_LE, TOK_GE,
 * TOK_EQ, TOK_NE, TOK_ARROW "->", TOK_WALRUS ":=", TOK_ELLIPSIS "...",
 * TOK_AUGASSIGN with .op = the BinOp of "+=" etc.), and the character itself
 * for every one-character operator or delimiter ('+', '(', ':', ...).
 * TOK_YYEOF (0) ends the stream; -1 is an error (ParseError filled).
 */
#ifndef SCR_LEXER_H
#define SCR_LEXER_H

#include <stddef.h>
#include <stdint.h>
#include "parse/ast.h"

typedef struct Lexer Lexer;

typedef struct LexToken {
    int kind;            /* see above */
    int line, col;       /* first byte: 1-based line, 0-based byte column */
    int end_line, end_col;  /* just past the last byte */
    int at_eof;          /* a DEDENT/EOF synthesized because the input ended */
    int op;              /* TOK_AUGASSIGN: BinOp */
    int overflow;        /* TOK_INT beyond int64: str holds the digits (with 0x/0o/0b prefix, no '_') */
    int64_t ival;        /* TOK_INT */
    double fval;         /* TOK_FLOAT */
    char *str;           /* TOK_NAME, TOK_STRING (decoded UTF-8, NUL-terminated), overflowing TOK_INT;
                            malloc'd, owned by the caller (free()) */
    size_t slen;         /* bytes in str */
} LexToken;

/* The source is copied; filename is only used in messages. NULL when out of memory. */
Lexer *lexer_new(const char *src, size_t len, const char *filename, ParseError *err);
int    lexer_next(Lexer *lx, LexToken *t);          /* returns t->kind */
void   lexer_free(Lexer *lx);

/* The kind of the first token of the last complete logical line (the one
 * ended by the latest NEWLINE), 0 before any; *line gets its line. Used for "expected an indented
 * block after 'if' statement on line N". */
int    lexer_block_keyword(const Lexer *lx, int *line);

/* After an error: 0 for errors CPython's tokenizer raises as exceptions
 * (these take priority over a parser error earlier in the file), 1 for the
 * ones it only flags (indentation, continuation), 2 for "'(' was never closed". */
int    lexer_error_kind(const Lexer *lx);

/* Column of the next token on the current line (after blanks), for errors
 * CPython reports on the token after the one that has them. */
int    lexer_next_col(const Lexer *lx);

/* How many brackets are open after the last token read. */
int    lexer_depth(const Lexer *lx);

/* Printable name of a token kind, e.g. "NAME", "INDENT", "'+'", "'**'", "if". */
const char *lexer_token_name(int kind);

#endif
