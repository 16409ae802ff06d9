/* args.c — argument checks with CPython 3.11's messages (runtime/core/args.h).
 * Each message mirrors the CPython routine of the same style: METH_NOARGS and
 * METH_O calls, _PyArg_CheckPositional, PyArg_ParseTuple, _PyArg_UnpackKeywords
 * and the binding of a Python function's parameters.
 */
#include <stdio.h>
#include "core/args.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/tuple.h"

static int kw_count(Tuple *kwnames) { return kwnames ? (int)kwnames->len : 0; }

static const char *plural(int n) { return n == 1 ? "" : "s"; }

/* "owner." when there is an owner: CPython qualifies some names and not others. */
#define QUAL(owner) (owner) ? (owner) : "", (owner) ? "." : ""

int args_no_kw(const char *owner, const char *name, Tuple *kwnames)
{
    if (kw_count(kwnames) == 0) return 0;
    err_format(&exc_TypeError, "%s%s%s() takes no keyword arguments", QUAL(owner), name);
    return -1;
}

/* METH_NOARGS and METH_O: n must be want; what says so in the message. */
static int exactly(const char *owner, const char *name, int n, Tuple *kwnames, int want, const char *what)
{
    if (args_no_kw(owner, name, kwnames) < 0) return -1;
    if (n == want) return 0;
    err_format(&exc_TypeError, "%s%s%s() takes %s (%d given)", QUAL(owner), name, what, n);
    return -1;
}

int args_none(const char *owner, const char *name, int n, Tuple *kwnames)
{
    return exactly(owner, name, n, kwnames, 0, "no arguments");
}

int args_one(const char *owner, const char *name, int n, Tuple *kwnames)
{
    return exactly(owner, name, n, kwnames, 1, "exactly one argument");
}

int args_range(const char *owner, const char *name, int n, Tuple *kwnames, int min, int max)
{
    if (args_no_kw(owner, name, kwnames) < 0) return -1;
    if (n >= min && n <= max) return 0;
    int bound = n < min ? min : max;
    const char *which = min == max ? "" : n < min ? "at least " : "at most ";
    err_format(&exc_TypeError, "%s expected %s%d argument%s, got %d", name, which, bound, plural(bound), n);
    return -1;
}

int args_type_none(const char *tname, int n, Tuple *kwnames)
{
    if (n == 0 && kw_count(kwnames) == 0) return 0;
    err_format(&exc_TypeError, "%s takes no arguments", tname);
    return -1;
}

int args_slot(const char *name, int n, Tuple *kwnames, int want)
{
    if (args_no_kw(NULL, name, kwnames) < 0) return -1;
    if (n == want) return 0;
    if (n < 1) err_format(&exc_TypeError, "descriptor '%s' needs an argument", name);
    else err_format(&exc_TypeError, "expected %d argument%s, got %d", want - 1, want == 2 ? "" : "s", n - 1);
    return -1;
}

int args_takes(const char *owner, const char *name, int n, Tuple *kwnames, int min, int max)
{
    (void)owner;
    if (args_no_kw(NULL, name, kwnames) < 0) return -1;
    if (n >= min && n <= max) return 0;
    int bound = n < min ? min : max;
    const char *which = min == max ? "exactly" : n < min ? "at least" : "at most";
    err_format(&exc_TypeError, "%s%s takes %s %d argument%s (%d given)", name ? name : "function",
               name ? "()" : "", which, bound, plural(bound), n);
    return -1;
}

/* ---- keyword binding ---- */

static int names_count(const char *const names[])
{
    int n = 0;
    while (names[n]) n++;
    return n;
}

/* Index of the parameter kw names among names[from..to), or -1; positional-only
 * names (a leading '/') never match. */
static int param_index(const char *const names[], int from, int to, Str *kw)
{
    for (int i = from; i < to; i++)
        if (names[i][0] != '/' && str_eq_cstr(kw, names[i])) return i;
    return -1;
}

/* Position of the keyword named names[i] among kwnames, or -1. */
static int kw_index(Tuple *kwnames, int nkw, const char *name)
{
    if (name[0] == '/') return -1;
    for (int k = 0; k < nkw; k++)
        if (str_eq_cstr(val_as_str(kwnames->items[k]), name)) return k;
    return -1;
}

int args_bind_full(const char *fname, Value *args, int nargs, Tuple *kwnames,
                   const char *const names[], int maxpos, int minpos, Value *out)
{
    int n = names_count(names), nkw = kw_count(kwnames), posonly = 0;
    while (posonly < n && names[posonly][0] == '/') posonly++;
    for (int i = 0; i < n; i++) out[i] = VAL_UNDEF;
    if (nargs + nkw > n) {
        err_format(&exc_TypeError, "%s() takes at most %d %sargument%s (%d given)", fname, n,
                   nargs == 0 ? "keyword " : "", plural(n), nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            err_format(&exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(&exc_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
                       minpos < maxpos ? "at most" : "exactly", maxpos, plural(maxpos), nargs);
        return -1;
    }
    int minposonly = posonly < minpos ? posonly : minpos;
    if (nargs < minposonly) {
        err_format(&exc_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
                   minposonly < maxpos ? "at least" : "exactly", minposonly, plural(minposonly), nargs);
        return -1;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    int unmatched = nkw;
    for (int i = nargs > posonly ? nargs : posonly; i < n; i++) {
        int k = unmatched ? kw_index(kwnames, nkw, names[i]) : -1;
        if (k >= 0) {
            out[i] = args[nargs + k];
            unmatched--;
        } else if (i < minpos) {
            err_format(&exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return -1;
        }
    }
    if (unmatched == 0) return 0;
    for (int i = posonly; i < nargs; i++)
        if (kw_index(kwnames, nkw, names[i]) >= 0) {
            err_format(&exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                       fname, names[i], i + 1);
            return -1;
        }
    for (int k = 0; k < nkw; k++) {
        Str *kw = val_as_str(kwnames->items[k]);
        if (param_index(names, 0, n, kw) < 0) {
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for %s()", kw->data, fname);
            return -1;
        }
    }
    err_format(&exc_TypeError, "invalid keyword argument for %s()", fname);
    return -1;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'": the missing parameters of a
 * Python function, as its error message lists them. */
static void missing_error(const char *fname, const char *const names[], const int *missing, int nmissing)
{
    char list[256];
    size_t len = 0;
    list[0] = '\0';
    for (int j = 0; j < nmissing && len < sizeof list; j++) {
        const char *sep = j == 0 ? "" : nmissing == 2 ? " and " : j == nmissing - 1 ? ", and " : ", ";
        len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s'", sep, names[missing[j]]);
    }
    err_format(&exc_TypeError, "%s() missing %d required positional argument%s: %s", fname, nmissing,
               plural(nmissing), list);
}

int args_def(const char *fname, int nself, Value *args, int nargs, Tuple *kwnames,
             const char *const names[], int minpos, Value *out)
{
    int n = names_count(names), nkw = kw_count(kwnames);
    for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : VAL_UNDEF;
    for (int k = 0; k < nkw; k++) {
        Str *kw = val_as_str(kwnames->items[k]);
        int i = param_index(names, 0, n, kw);
        if (i < 0) {
            err_format(&exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, kw->data);
            return -1;
        }
        if (out[i] != VAL_UNDEF) {
            err_format(&exc_TypeError, "%s() got multiple values for argument '%s'", fname, names[i]);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    if (nargs > n) {
        int given = nself + nargs, lo = nself + minpos, hi = nself + n;
        if (lo == hi)
            err_format(&exc_TypeError, "%s() takes %d positional argument%s but %d %s given", fname, hi,
                       plural(hi), given, given == 1 ? "was" : "were");
        else
            err_format(&exc_TypeError, "%s() takes from %d to %d positional arguments but %d were given",
                       fname, lo, hi, given);
        return -1;
    }
    int missing[16], nmissing = 0;
    for (int i = 0; i < minpos && i < n && nmissing < 16; i++)
        if (out[i] == VAL_UNDEF) missing[nmissing++] = i;
    if (nmissing) {
        missing_error(fname, names, missing, nmissing);
        return -1;
    }
    return 0;
}
