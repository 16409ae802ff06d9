/* args.h — checking the arguments a builtin function or method was called
 * with, in CPython 3.11's words.
 *
 * A CFunc (runtime/core/object.h) receives its positional arguments in
 * args[0..nargs) followed by the values of the keyword arguments kwnames
 * names; a method receives self as args[0] and passes nargs - 1 as n below,
 * so messages count what the caller wrote.
 *
 * CPython words an arity error according to how the function is declared,
 * and scripts compare those words. Each check below is one declaration style
 * and gives its message byte for byte; a function picks the style its CPython
 * counterpart has. Names come in two parts because the styles print them
 * differently: owner is the type or module CPython qualifies the name with
 * ("list", "gc", "posix"; NULL for the builtins module), name the function's
 * own name ("append").
 *
 * Contract of every call: args and kwnames are borrowed (kwnames is NULL or
 * a tuple of str; NULL and the empty tuple both mean no keywords); the call
 * returns 0 when the arguments fit and -1 with TypeError set when they do not.
 * A check that refuses keywords tests them before the count, as CPython does.
 */
#ifndef SCR_ARGS_H
#define SCR_ARGS_H

#include "core/object.h"
#include "objects/tuple.h"

/* ---- positional-only functions: a count check ---- */

/* "owner.name() takes no keyword arguments" when kwnames is non-empty. */
int args_no_kw(const char *owner, const char *name, Tuple *kwnames);

/* METH_NOARGS: "owner.name() takes no arguments (n given)". */
int args_none(const char *owner, const char *name, int n, Tuple *kwnames);

/* METH_O: "owner.name() takes exactly one argument (n given)". */
int args_one(const char *owner, const char *name, int n, Tuple *kwnames);

/* Argument Clinic, positional only: min <= n <= max, else "name expected at
 * least 1 argument, got 0", "name expected at most 2 arguments, got 3" or,
 * when min == max, "name expected 2 arguments, got 3". The keyword message
 * names owner.name. */
int args_range(const char *owner, const char *name, int n, Tuple *kwnames, int min, int max);

/* A type whose constructor takes nothing, as object.__new__ checks it: no
 * positional or keyword argument, else "tname takes no arguments". */
int args_type_none(const char *tname, int n, Tuple *kwnames);

/* A slot wrapper called as a method (list.__len__(x), int.__add__(a, b)):
 * n counts self, want is the wrapper's count with self. No keywords
 * ("name() takes no keyword arguments"), "descriptor 'name' needs an argument"
 * without self, else "expected 1 argument, got 2" (self not counted). */
int args_slot(const char *name, int n, Tuple *kwnames, int want);

/* PyArg_ParseTuple: min <= n <= max, else "name() takes at least 1 argument
 * (0 given)", "name() takes at most 2 arguments (3 given)" or, when min == max,
 * "name() takes exactly 2 arguments (3 given)"; a NULL name is printed
 * "function". The keyword message names name alone: owner is only there so
 * every check reads alike. */
int args_takes(const char *owner, const char *name, int n, Tuple *kwnames, int min, int max);

/* ---- functions that take keywords: binding to named parameters ---- */

/* A builtin with keyword parameters, bound as Argument Clinic's parser does.
 * names is NULL-terminated; the first maxpos may be passed by position, the
 * rest are keyword-only; the first minpos are required; names starting with
 * '/' are positional-only (they come first). out[i] receives the borrowed
 * value of names[i] or VAL_UNDEF. Messages name fname: "fname() takes at most
 * 2 arguments (3 given)", "fname() missing required argument 'x' (pos 1)",
 * "'x' is an invalid keyword argument for fname()", ... */
int args_bind_full(const char *fname, Value *args, int nargs, Tuple *kwnames,
                   const char *const names[], int maxpos, int minpos, Value *out);
/* The common call — positional arguments only, enough and not too many —
 * binds inline, where the compiler sees the constant names table: str(x)
 * and dict.get(k) are hot. Everything else goes through args_bind_full. */
static inline int args_bind(const char *fname, Value *args, int nargs, Tuple *kwnames,
                            const char *const names[], int maxpos, int minpos, Value *out)
{
    if ((!kwnames || kwnames->len == 0) && nargs >= minpos && nargs <= maxpos) {
        int i = 0;
        for (; i < nargs; i++) out[i] = args[i];
        for (; names[i]; i++) out[i] = VAL_UNDEF;
        return 0;
    }
    return args_bind_full(fname, args, nargs, kwnames, names, maxpos, minpos, out);
}

/* A function CPython writes in Python, `def fname(<nself bound>, names...)`
 * whose first minpos parameters have no default: out[i] receives the
 * borrowed value of names[i] or VAL_UNDEF. args holds what follows the nself
 * already-bound parameters (a method's self), which the messages count as
 * CPython does: "fname() takes from 1 to 2 positional arguments but 3 were
 * given", "fname() missing 1 required positional argument: 'p'",
 * "fname() got an unexpected keyword argument 'x'", "fname() got multiple
 * values for argument 'x'". */
int args_def(const char *fname, int nself, Value *args, int nargs, Tuple *kwnames,
             const char *const names[], int minpos, Value *out);

#endif
