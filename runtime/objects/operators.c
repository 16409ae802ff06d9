/* operators.c — Python's binary, unary and comparison operators on builtin
 * values.
 *
 * Numbers: int (inline or heap), bool and float with the usual promotion;
 * floor division and modulo take the sign of the divisor as in Python (floats
 * follow CPython's float_divmod); int results beyond 64 bits, and operands
 * that are already big, go to runtime/objects/bigint.c (GMP). Sequences: + and * on str, list and
 * tuple, `str % x`, in-place list += and *=, dict |. Everything else raises
 * CPython's TypeError. Unboxed int and float cases are tested first.
 */
#include "objects/slots.h"
#include "objects/subclass.h"
#include "objects/operators.h"

#include <math.h>

#include "core/error.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/str.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/set.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/format.h"

const char *const binop_symbols[] = {
    [BINOP_ADD] = "+", [BINOP_SUB] = "-", [BINOP_MUL] = "*", [BINOP_TRUEDIV] = "/",
    [BINOP_FLOORDIV] = "//", [BINOP_MOD] = "%", [BINOP_POW] = "** or pow()",
    [BINOP_LSHIFT] = "<<", [BINOP_RSHIFT] = ">>", [BINOP_AND] = "&", [BINOP_OR] = "|",
    [BINOP_XOR] = "^", [BINOP_MATMUL] = "@",
};

static const char *const inplace_symbols[] = {
    [BINOP_ADD] = "+=", [BINOP_SUB] = "-=", [BINOP_MUL] = "*=", [BINOP_TRUEDIV] = "/=",
    [BINOP_FLOORDIV] = "//=", [BINOP_MOD] = "%=", [BINOP_POW] = "**=",
    [BINOP_LSHIFT] = "<<=", [BINOP_RSHIFT] = ">>=", [BINOP_AND] = "&=", [BINOP_OR] = "|=",
    [BINOP_XOR] = "^=", [BINOP_MATMUL] = "@=",
};

static inline bool is_intlike(Value v)
{
    return val_is_int(v) || val_is_bool(v) ||
           (val_is_obj(v) && val_as_obj(v)->type == &int_type);
}

static inline int64_t as_i64(Value v)
{
    if (val_is_int(v)) return val_as_int(v);
    return val_to_i64(v);
}

static inline Value make_int(int64_t r)
{
    return int_fits_inline(r) ? val_from_int(r) : int_from_i64(r);
}

static Value unsupported(int op, Value a, Value b, bool inplace)
{
    err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
               inplace ? inplace_symbols[op] : binop_symbols[op], val_type_name(a), val_type_name(b));
    return VAL_ERROR;
}

/* ---- floats ---- */

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* CPython's float_pow, special cases included. */
static Value float_pow(double iv, double iw)
{
    if (iw == 0) return val_from_float(1.0);
    if (isnan(iv)) return val_from_float(iv);
    if (isnan(iw)) return val_from_float(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return val_from_float(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return val_from_float(fabs(iw));
        return val_from_float(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return val_from_float(odd ? iv : fabs(iv));
        return val_from_float(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            err_set(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return VAL_ERROR;
        }
        return val_from_float(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* CPython returns a complex number here; scr has none. */
            err_set(&exc_ValueError, "negative number cannot be raised to a fractional power");
            return VAL_ERROR;
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return val_from_float(negate ? -1.0 : 1.0);
    double r = pow(iv, iw);
    if (isinf(r)) {
        err_set(&exc_OverflowError, "(34, 'Numerical result out of range')");
        return VAL_ERROR;
    }
    return val_from_float(negate ? -r : r);
}

static Value float_binop(int op, double x, double y, Value a, Value b, bool inplace)
{
    double mod, div;
    switch (op) {
    case BINOP_ADD: return val_from_float(x + y);
    case BINOP_SUB: return val_from_float(x - y);
    case BINOP_MUL: return val_from_float(x * y);
    case BINOP_TRUEDIV:
        if (y == 0.0) {
            err_set(&exc_ZeroDivisionError, "float division by zero");
            return VAL_ERROR;
        }
        return val_from_float(x / y);
    case BINOP_FLOORDIV:
        if (y == 0.0) {
            err_set(&exc_ZeroDivisionError, "float floor division by zero");
            return VAL_ERROR;
        }
        mod = fmod(x, y);
        div = (x - mod) / y;
        if (mod && ((y < 0) != (mod < 0))) div -= 1.0;
        if (div) {
            double fl = floor(div);
            if (div - fl > 0.5) fl += 1.0;
            return val_from_float(fl);
        }
        return val_from_float(copysign(0.0, x / y));
    case BINOP_MOD:
        if (y == 0.0) {
            err_set(&exc_ZeroDivisionError, "float modulo");
            return VAL_ERROR;
        }
        mod = fmod(x, y);
        if (mod) {
            if ((y < 0) != (mod < 0)) mod += y;
        } else {
            mod = copysign(0.0, y);
        }
        return val_from_float(mod);
    case BINOP_POW:
        return float_pow(x, y);
    default:
        return unsupported(op, a, b, inplace);
    }
}

/* ---- ints ---- */

static Value int_pow(int64_t x, int64_t y, Value a, Value b)
{
    if (y < 0) {
        if (x == 0) {
            err_set(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return VAL_ERROR;
        }
        return float_pow((double)x, (double)y);
    }
    int64_t r = 1, base = x;
    while (y) {
        if ((y & 1) && __builtin_mul_overflow(r, base, &r)) return int_binary(BINOP_POW, a, b);
        y >>= 1;
        if (y && __builtin_mul_overflow(base, base, &base)) {
            /* |base| >= 2 here, and base**2 still has to go into the result */
            return int_binary(BINOP_POW, a, b);
        }
    }
    return make_int(r);
}

/* x / y correctly rounded: directly when both fit a double's mantissa, else
 * by the exact algorithm of runtime/objects/bigint.c. */
static Value int_truediv(int64_t x, int64_t y, Value a, Value b)
{
    const int64_t lim = INT64_C(1) << 53;
    if (x >= -lim && x <= lim && y >= -lim && y <= lim) return val_from_float((double)x / (double)y);
    return int_binary(BINOP_TRUEDIV, a, b);
}

static Value int_binop(int op, int64_t x, int64_t y, Value a, Value b, bool inplace)
{
    int64_t r;
    switch (op) {
    case BINOP_ADD:
        if (__builtin_add_overflow(x, y, &r)) return int_binary(op, a, b);
        return make_int(r);
    case BINOP_SUB:
        if (__builtin_sub_overflow(x, y, &r)) return int_binary(op, a, b);
        return make_int(r);
    case BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return int_binary(op, a, b);
        return make_int(r);
    case BINOP_TRUEDIV:
        if (y == 0) {
            err_set(&exc_ZeroDivisionError, "division by zero");
            return VAL_ERROR;
        }
        return int_truediv(x, y, a, b);
    case BINOP_FLOORDIV:
        if (y == 0) {
            err_set(&exc_ZeroDivisionError, "integer division or modulo by zero");
            return VAL_ERROR;
        }
        if (y == -1) return make_int(-x);       /* never INT64_MIN: that one is big */
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
        return make_int(r);
    case BINOP_MOD:
        if (y == 0) {
            err_set(&exc_ZeroDivisionError, "integer modulo by zero");
            return VAL_ERROR;
        }
        if (y == -1) return val_from_int(0);
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return make_int(r);
    case BINOP_POW:
        return int_pow(x, y, a, b);
    case BINOP_LSHIFT:
        if (y < 0) {
            err_set(&exc_ValueError, "negative shift count");
            return VAL_ERROR;
        }
        if (x == 0) return val_from_int(0);
        if (y >= 63) return int_binary(op, a, b);
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x) return int_binary(op, a, b);
        return make_int(r);
    case BINOP_RSHIFT:
        if (y < 0) {
            err_set(&exc_ValueError, "negative shift count");
            return VAL_ERROR;
        }
        if (y >= 64) return val_from_int(x < 0 ? -1 : 0);
        return make_int(x >> y);
    case BINOP_AND: return make_int(x & y);
    case BINOP_OR:  return make_int(x | y);
    case BINOP_XOR: return make_int(x ^ y);
    default:
        return unsupported(op, a, b, inplace);
    }
}

/* ---- sequences ---- */

static bool is_seq_type(Type *t)
{
    return t == &str_type || t == &list_type || t == &tuple_type;
}

static Value seq_repeat(Value seq, int64_t n)
{
    Type *t = type_solid(val_as_obj(seq)->type);
    if (t == &str_type) return str_repeat(val_as_str(seq), n);
    if (t == &list_type) return list_repeat(val_as_list(seq), n);
    return tuple_repeat(val_as_tuple(seq), n);
}

/* list *= n: the list object keeps its identity. */
static Value list_irepeat(Value a, int64_t n)
{
    if (n == 1) {
        incref(a);
        return a;
    }
    Value r = list_repeat(val_as_list(a), n);
    if (r == VAL_ERROR) return VAL_ERROR;
    List *l = val_as_list(a), *nl = val_as_list(r);
    List tmp = *l;                         /* swap contents; r takes the old items away */
    l->len = nl->len; l->cap = nl->cap; l->items = nl->items;
    nl->len = tmp.len; nl->cap = tmp.cap; nl->items = tmp.items;
    decref(r);
    incref(a);
    return a;
}

static Value concat_error(Type *t, Value b)
{
    err_format(&exc_TypeError, "can only concatenate %s (not \"%s\") to %s",
               t->name, val_type_name(b), t->name);
    return VAL_ERROR;
}

static Value wrap_str(Str *s) { return s ? str_val(s) : VAL_ERROR; }

/* Two numbers the builtin rules combine: everything but @, and no bit
 * operations on floats. */
static bool numbers_combine(int op, Value a, Value b)
{
    bool an = is_intlike(a) || val_is_float(a), bn = is_intlike(b) || val_is_float(b);
    if (!an || !bn || op == BINOP_MATMUL) return false;
    if (op == BINOP_LSHIFT || op == BINOP_RSHIFT || op == BINOP_AND || op == BINOP_OR || op == BINOP_XOR)
        return !val_is_float(a) && !val_is_float(b);
    return true;
}

/* The builtin types' rules for a op b, looking through instances of their
 * subclasses (subclass.h): list, dict and set subclass instances are used as
 * they are, boxed ones (str, int, float, tuple) by their value; results have
 * the base type, except that in-place list, dict and set operations keep
 * a's identity. VAL_NOTIMPL when no rule applies. */
static inline __attribute__((always_inline)) Value builtin_binop(int op, Value a, Value b, Value ua, Value ub,
                                                                 Type *sa, Type *sb, bool inplace);

Value op_binary_base(int op, Value a, Value b, bool inplace)
{
    Value ua = val_unbox(a), ub = val_unbox(b);
    if ((ua != a || ub != b) && numbers_combine(op, ua, ub)) return op_binary(op, ua, ub, inplace);
    return builtin_binop(op, a, b, ua, ub, type_solid(val_type(ua)), type_solid(val_type(ub)), inplace);
}

/* The rules themselves: ua, ub are a, b unboxed, sa, sb their types'
 * builtin bases. */
static inline __attribute__((always_inline)) Value builtin_binop(int op, Value a, Value b, Value ua, Value ub,
                                                                 Type *sa, Type *sb, bool inplace)
{
    if (sa == &set_type || sa == &frozenset_type) {    /* set algebra (set.c) */
        Value r = set_binop(op, a, b, inplace);
        if (r != VAL_NOTIMPL) return r;
    }
    if (sa == &bytes_type || sb == &bytes_type) {      /* bytes + and * (bytes.c) */
        Value r = bytes_binop(op, ua, ub);
        if (r != VAL_NOTIMPL) return r;
    }
    switch (op) {
    case BINOP_ADD:
        if (sa == &str_type) {
            if (sb != &str_type) return concat_error(sa, b);
            return wrap_str(str_concat(val_as_str(ua), val_as_str(ub)));
        }
        if (sa == &list_type) {
            if (inplace) {
                if (list_extend(val_as_list(a), b) < 0) return VAL_ERROR;
                incref(a);
                return a;
            }
            if (sb != &list_type) return concat_error(sa, b);
            return list_concat(val_as_list(a), val_as_list(b));
        }
        if (sa == &tuple_type) {
            if (sb != &tuple_type) return concat_error(sa, b);
            return tuple_concat(val_as_tuple(ua), val_as_tuple(ub));
        }
        break;
    case BINOP_MUL:
        if (is_seq_type(sa) || is_seq_type(sb)) {
            bool seq_left = is_seq_type(sa);
            Value count = seq_left ? ub : ua;
            if (!is_intlike(count) && !val_has_index(count)) {
                err_format(&exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                           val_type_name(seq_left ? b : a));
                return VAL_ERROR;
            }
            int64_t n;
            if (val_index(count, &n) < 0) return VAL_ERROR;
            if (seq_left && inplace && sa == &list_type) return list_irepeat(a, n);
            return seq_repeat(seq_left ? ua : ub, n);
        }
        break;
    case BINOP_MOD:
        if (sa == &str_type) return format_percent(val_as_str(ua), b);
        break;
    case BINOP_OR:
        if (sa == &dict_type) {
            if (inplace) {
                if (dict_update(val_as_dict(a), b) < 0) return VAL_ERROR;
                incref(a);
                return a;
            }
            if (sb == &dict_type) {
                Dict *d = dict_copy(val_as_dict(a));
                if (!d) return VAL_ERROR;
                if (dict_update(d, b) < 0) {
                    obj_decref(d);
                    return VAL_ERROR;
                }
                return val_from_obj(d);
            }
        }
        break;
    default:
        break;
    }
    return VAL_NOTIMPL;
}

static Value object_binop(int op, Value a, Value b, bool inplace)
{
    Type *ta = val_type(a), *tb = val_type(b);
    Value r;
    if ((ta->flags | tb->flags) & TYPE_HEAPTYPE) {     /* dunders of classes (slots.c) */
        r = class_binop(op, a, b, inplace);
        if (r != VAL_NOTIMPL) return r;
        r = op_binary_base(op, a, b, inplace);
    } else {
        r = builtin_binop(op, a, b, a, b, ta, tb, inplace);
    }
    if (r != VAL_NOTIMPL) return r;
    return unsupported(op, a, b, inplace);
}

Value op_binary(int op, Value a, Value b, bool inplace)
{
    if (val_is_int(a) && val_is_int(b))
        return int_binop(op, val_as_int(a), val_as_int(b), a, b, inplace);
    if (val_is_float(a) && val_is_float(b))
        return float_binop(op, val_as_float(a), val_as_float(b), a, b, inplace);

    bool aint = is_intlike(a), bint = is_intlike(b);
    if (aint && bint) {
        if (val_is_bool(a) && val_is_bool(b) && (op == BINOP_AND || op == BINOP_OR || op == BINOP_XOR)) {
            bool x = a == VAL_TRUE, y = b == VAL_TRUE;
            return val_from_bool(op == BINOP_AND ? (x & y) : op == BINOP_OR ? (x | y) : (x ^ y));
        }
        if (int_is_big(a) || int_is_big(b)) {
            if (op == BINOP_MATMUL) return unsupported(op, a, b, inplace);
            return int_binary(op, a, b);
        }
        return int_binop(op, as_i64(a), as_i64(b), a, b, inplace);
    }
    if ((aint || val_is_float(a)) && (bint || val_is_float(b))) {
        double x, y;
        if (val_is_float(a)) x = val_as_float(a);
        else if (val_is_int(a)) x = (double)val_as_int(a);
        else if (int_to_double(a, &x) < 0) return VAL_ERROR;
        if (val_is_float(b)) y = val_as_float(b);
        else if (val_is_int(b)) y = (double)val_as_int(b);
        else if (int_to_double(b, &y) < 0) return VAL_ERROR;
        return float_binop(op, x, y, a, b, inplace);
    }
    return object_binop(op, a, b, inplace);
}

/* ---- unary ---- */

Value op_unary(int op, Value a)
{
    static const char *const sym[] = { "-", "+", "~" };
    if (op == UOP_NOT) {
        int t = obj_truth(a);
        return t < 0 ? VAL_ERROR : val_from_bool(!t);
    }
    if (val_is_int(a)) {
        int64_t x = val_as_int(a);
        switch (op) {
        case UOP_NEG: return make_int(-x);
        case UOP_POS: return a;
        default:      return val_from_int(~x);
        }
    }
    if (val_is_float(a)) {
        if (op == UOP_NEG) return val_from_float(-val_as_float(a));
        if (op == UOP_POS) return a;
    } else if (is_intlike(a)) {
        return int_unary(op, a);
    }
    if (val_type(a)->flags & TYPE_HEAPTYPE) {
        Value r = class_unary(op, a);
        if (r != VAL_NOTIMPL) return r;
    }
    err_format(&exc_TypeError, "bad operand type for unary %s: '%s'",
               op >= 0 && op <= UOP_INVERT ? sym[op] : "?", val_type_name(a));
    return VAL_ERROR;
}

/* ---- comparison ---- */

/* Unboxed values are identical when their bits are; heap ints (beyond 48 bits)
 * also compare by value, so that `is` on ints never depends on boxing. */
bool op_is(Value a, Value b)
{
    if (a == b) return true;
    if (val_is_obj(a) && val_is_obj(b) && val_as_obj(a)->type == &int_type &&
        val_as_obj(b)->type == &int_type)
        return int_cmp(a, b) == 0;
    return false;
}

Value op_compare(int op, Value a, Value b)
{
    if (op <= CMP_GE) {
        if (val_is_int(a) && val_is_int(b)) {
            return val_from_bool(cmp_holds_i64(op, val_as_int(a), val_as_int(b)));
        }
        if (val_is_float(a) && val_is_float(b)) {
            return val_from_bool(cmp_holds_double(op, val_as_float(a), val_as_float(b)));
        }
        return obj_compare(a, b, op);
    }
    int r;
    switch (op) {
    case CMP_IN:
    case CMP_NOT_IN:
        r = obj_contains(b, a);
        if (r < 0) return VAL_ERROR;
        return val_from_bool(op == CMP_IN ? r != 0 : r == 0);
    case CMP_IS:     return val_from_bool(op_is(a, b));
    case CMP_IS_NOT: return val_from_bool(!op_is(a, b));
    default:
        err_set(&exc_RuntimeError, "bad comparison operator");
        return VAL_ERROR;
    }
}
