/* suggest.c — the "Did you mean: 'x'?" hint CPython 3.11 adds when it
 * prints a NameError or an AttributeError (Python/suggestions.c of 3.11):
 * the closest candidate by an edit distance where changing a character's
 * case costs 1 and any other edit 2, accepted when at most a third of the
 * characters involved change. The hint is made only when the traceback is
 * printed; str(e) never has it.
 */
#include <stdint.h>
#include <string.h>
#include "objects/code.h"
#include "objects/dict.h"
#include "core/error.h"
#include "core/interp.h"
#include "objects/list.h"
#include "core/object.h"
#include "objects/str.h"
#include "vm/traceback.h"

#define SUGGEST_MAX_CANDIDATES 750     /* more names than this: no hint */
#define SUGGEST_MAX_LEN 40             /* longer (once common ends are cut): too far */
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

static size_t subst_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) return SUGGEST_MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

/* Edit distance of the UTF-8 bytes of a and b, or max_cost + 1 once it
 * is sure to exceed max_cost. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    size_t row[SUGGEST_MAX_LEN];
    while (na && nb && a[0] == b[0]) { a++; b++; na--; nb--; }
    while (na && nb && a[na - 1] == b[nb - 1]) { na--; nb--; }
    if (na == 0 || nb == 0) return (na + nb) * SUGGEST_MOVE_COST;
    if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN) return max_cost + 1;
    if (nb < na) {
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * SUGGEST_MOVE_COST > max_cost) return max_cost + 1;
    for (size_t i = 0; i < na; i++) row[i] = (i + 1) * SUGGEST_MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = result = j * SUGGEST_MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + subst_cost(b[j], a[i]);
            diag = row[i];
            size_t ins = (result < diag ? result : diag) + SUGGEST_MOVE_COST;
            result = ins < sub ? ins : sub;
            row[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* The best of n candidate names (str Values; others are skipped) for
 * name, or NULL. Ties go to the earlier candidate. */
static Str *best_match(Str *name, const Value *cands, int64_t n)
{
    if (n >= SUGGEST_MAX_CANDIDATES) return NULL;
    Str *best = NULL;
    size_t best_dist = SIZE_MAX;
    for (int64_t i = 0; i < n; i++) {
        if (!val_is_str(cands[i])) continue;
        Str *s = val_as_str(cands[i]);
        if (s->len == name->len && memcmp(s->data, name->data, (size_t)s->len) == 0) continue;
        size_t max = ((size_t)name->len + (size_t)s->len + 3) * SUGGEST_MOVE_COST / 6;
        if (best && best_dist - 1 < max) max = best_dist - 1;
        size_t d = edit_distance(name->data, (size_t)name->len, s->data, (size_t)s->len, max);
        if (d > max) continue;
        if (!best || d < best_dist) {
            best = s;
            best_dist = d;
        }
    }
    return best;
}

/* The keys of d in order, as a new list (NULL on failure). */
static List *dict_keys_list(Dict *d)
{
    List *l = list_new(0);
    int64_t pos = 0;
    Value k, v;
    while (l && dict_next(d, &pos, &k, &v))
        if (list_append(l, k) < 0) { obj_decref(l); return NULL; }
    return l;
}

static Str *match_in_list(Str *name, List *l)
{
    return l ? best_match(name, l->items, l->len) : NULL;
}

/* CPython's builtins module lists its names in this order; ties between
 * equally close builtins go to the earlier one. */
static const char *const cpython_builtins_order[] = {
    "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__",
    "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir",
    "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input",
    "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max", "min", "next", "anext", "oct",
    "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars", "None", "Ellipsis",
    "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod",
    "complex", "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map",
    "object", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip",
    "__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit",
    "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
    "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError",
    "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError",
    "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError",
    "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
    "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
    "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError",
    "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError",
    "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError",
    "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError",
    "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError",
    "open", "quit", "exit", "copyright", "credits", "license", "help",
};

/* CPython's builtins in its order (scr programs are a subset of Python's,
 * so the hint is the one python3 would give), then any scr adds. */
static List *builtins_list(void)
{
    List *l = list_new(0), *rest = interp.builtins ? dict_keys_list(interp.builtins) : list_new(0);
    if (!l || !rest) goto fail;
    size_t n = sizeof cpython_builtins_order / sizeof cpython_builtins_order[0];
    for (size_t i = 0; i < n; i++) {
        Str *s = str_intern_cstr(cpython_builtins_order[i]);
        if (!s) goto fail;
        int rc = list_append(l, str_val(s));
        obj_decref(s);
        if (rc < 0) goto fail;
    }
    for (int64_t i = 0; i < rest->len; i++) {
        bool known = false;
        if (val_is_str(rest->items[i]))
            for (size_t k = 0; k < n && !known; k++)
                known = str_eq_cstr(val_as_str(rest->items[i]), cpython_builtins_order[k]);
        if (!known && list_append(l, rest->items[i]) < 0) goto fail;
    }
    obj_decref(rest);
    return l;
fail:
    if (l) obj_decref(l);
    if (rest) obj_decref(rest);
    err_clear();
    return NULL;
}

Str *suggest_for_name(Str *name, const Code *code, Dict *globals)
{
    Str *best = NULL;
    if (code && code->localnames) {
        /* the frame's own variables (free variables are not among them) */
        int32_t n = code->nlocals - code->nfrees;
        List *l = list_new(0);
        for (int32_t i = 0; l && i < n; i++)
            if (code->localnames[i] && list_append(l, str_val(code->localnames[i])) < 0) {
                obj_decref(l);
                l = NULL;
            }
        best = match_in_list(name, l);
        if (best) obj_incref(best);
        if (l) obj_decref(l);
    }
    if (!best && globals) {
        List *l = dict_keys_list(globals);
        best = match_in_list(name, l);
        if (best) obj_incref(best);
        if (l) obj_decref(l);
    }
    if (!best) {
        List *l = builtins_list();
        best = match_in_list(name, l);
        if (best) obj_incref(best);
        if (l) obj_decref(l);
    }
    err_clear();
    return best;
}

Str *suggest_for_attribute(Str *name, Value obj)
{
    Value dir = interp.builtins ? dict_get_cstr(interp.builtins, "dir") : VAL_UNDEF;
    if (dir == VAL_UNDEF) return NULL;
    Value l = obj_call(dir, &obj, 1, NULL);
    if (l == VAL_ERROR) { err_clear(); return NULL; }
    Str *best = NULL;
    if (val_is_obj(l) && val_as_obj(l)->type == &list_type) best = match_in_list(name, (List *)val_as_obj(l));
    if (best) obj_incref(best);
    decref(l);
    return best;
}
