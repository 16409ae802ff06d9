/* docstrings.h — the documentation of the builtin functions, methods, types
 * and modules, as CPython 3.11 has it: what their __doc__ and
 * __text_signature__ return and what help() shows. Static text; nothing is
 * allocated. */
#ifndef SCR_DOCSTRINGS_H
#define SCR_DOCSTRINGS_H

/* The doc of owner.name ("list", "append"), or of name alone when owner is
 * NULL ("len"; "type:list" for a type, "module:math" for a module); NULL
 * when there is none. *sig (if sig is not NULL) receives the text signature
 * or NULL. The strings are static. */
const char *doc_lookup(const char *owner, const char *name, const char **sig);

#endif
