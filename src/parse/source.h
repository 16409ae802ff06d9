/* source.h — decoding a source file as its PEP 263 coding declaration says. */
#ifndef SCR_SOURCE_H
#define SCR_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include "parse/ast.h"

/* The bytes of a source file (from_pipe: a program piped to standard input) as the
 * UTF-8 text to lex: 0 with *out NULL when src is to be lexed as it is
 * (no declaration, or UTF-8), 0 with *out a new mem_alloc'ed buffer of
 * *outlen bytes when it was decoded, -1 with err set to CPython's
 * SyntaxError when the declared encoding is unknown or the bytes are not in
 * it: "encoding problem: xyz" (one line, no location), or for a file that
 * declares UTF-8 "(unicode error) ..." at a line and column of *out, the
 * text to show (then non-NULL; the caller frees it in every case). */
int source_decode(const char *src, size_t len, bool from_pipe, char **out, size_t *outlen, ParseError *err);

/* A line read from a source file, as bytes, into buf (room for n bytes):
 * recoded in place to UTF-8 when the file declares Latin-1 or cp1252, so
 * that tracebacks show the characters as python3 does. */
void source_recode_line(const char *filename, char *buf, size_t n);

#endif
