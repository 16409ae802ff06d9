/* slots.c — the type slots of classes that call dunders (slots.h), the
 * sequence iteration __getitem__ alone gives, operators and `with` on
 * instances, and NotImplemented. */
#include "objects/slots.h"

#include <string.h>

#include "objects/iterators.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/operators.h"
#include "objects/attrcache.h"
#include "objects/descr.h"
#include "objects/instance.h"
#include "objects/subclass.h"

/* ---- NotImplemented ---- */

static Value notimpl_repr(Value v) { (void)v; Str *s = str_from_cstr("NotImplemented"); return s ? str_val(s) : VAL_ERROR; }

Type notimplemented_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "NotImplementedType", .size = sizeof(Obj), .repr = notimpl_repr,
};

Obj class_notimplemented = OBJ_HEAD_INIT(&notimplemented_type);

/* ---- calling dunders from slots ---- */

static Value call_dunder(Value self, const char *name, Value *args, int nargs)
{
    Value d = class_lookup_cstr(val_type(self), name);
    if (d == VAL_UNDEF) {
        err_set(&exc_AttributeError, name);
        return VAL_ERROR;
    }
    incref(d);   /* the call may rebind the class attribute */
    Value r = descr_call(d, self, args, nargs, NULL);
    decref(d);
    return r;
}

/* self.name(other) for a dunder d found in self's class (borrowed): a new
 * reference, VAL_ERROR, or VAL_NOTIMPL when it returned NotImplemented. */
static Value call_binary_dunder(Value d, Value self, Value other)
{
    incref(d);   /* the call may rebind the class attribute */
    Value r = descr_call(d, self, &other, 1, NULL);
    decref(d);
    if (r == val_from_obj(&class_notimplemented)) {
        decref(r);
        return VAL_NOTIMPL;
    }
    return r;
}

/* __repr__ and __str__ must return a str. */
static Value call_str_dunder(Value v, const char *name)
{
    Value r = call_dunder(v, name, NULL, 0);
    if (r != VAL_ERROR && !val_is_str(r)) {
        err_format(&exc_TypeError, "%s returned non-string (type %s)", name, val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

static Value slot_repr(Value v) { return call_str_dunder(v, "__repr__"); }
static Value slot_str(Value v) { return call_str_dunder(v, "__str__"); }

static int slot_hash(Value v, int64_t *out)
{
    Type *t = val_type(v);
    bool heap_owner;
    Value d = attrcache_lookup_owned(t, "__hash__", &heap_owner);
    if (d == VAL_NONE) {
        err_format(&exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    if (d == VAL_UNDEF || !heap_owner || inst_is_object_hash(d)) {
        /* the builtin base's hash: by identity for object, by value for
         * str, int, float, tuple, frozenset (list, dict, set have None) */
        Type *s = ((Class *)t)->solid;
        if (s == &object_type || (s->flags & TYPE_EXCEPTION) || d == VAL_UNDEF ||
            inst_is_object_hash(d)) {
            *out = inst_pointer_hash(val_as_obj(v));
            return 0;
        }
        if (!s->hash) {
            err_format(&exc_TypeError, "unhashable type: '%s'", t->name);
            return -1;
        }
        return s->hash(val_unbox(v), out);
    }
    Value r = descr_call(d, v, NULL, 0, NULL);
    if (r == VAL_ERROR) return -1;
    if (!val_is_int(r) && !val_isinstance(r, &int_type)) {
        decref(r);
        err_set(&exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* As CPython: a result that fits in 64 bits is the hash itself (-1
     * becomes -2); a bigger one is reduced as hash(int) does. */
    Value u = val_unbox(r);
    int64_t h;
    if (int_to_i64(u, &h) == 0) {
        decref(r);
        *out = h == -1 ? -2 : h;
        return 0;
    }
    err_clear();                     /* OverflowError: too big for 64 bits */
    int rc = obj_hash(u, out);
    decref(r);
    return rc;
}

static const char *const cmp_names[] = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };

const char *slots_cmp_name(int op) { return cmp_names[op]; }

static Value slot_compare(Value a, Value b, int op)
{
    Type *t = val_type(a);
    bool heap_owner;
    Value d = attrcache_lookup_owned(t, cmp_names[op], &heap_owner);
    if (d != VAL_UNDEF && heap_owner && !descr_is_unbound_builtin(d)) return call_binary_dunder(d, a, b);
    /* not defined by a class: the builtin base's comparison */
    if (subclass_is_layout_base(((Class *)t)->solid) || (t->flags & CLASS_BOXED))
        return subclass_base_compare(a, b, op);
    if (op == CMP_NE) {
        /* object.__ne__: the inverse of __eq__ unless that is NotImplemented */
        Value e = class_lookup_cstr(t, "__eq__");
        if (e == VAL_UNDEF || inst_is_object_method(e)) return VAL_NOTIMPL;
        Value r = call_binary_dunder(e, a, b);
        if (r == VAL_ERROR || r == VAL_NOTIMPL) return r;
        int tr = obj_truth(r);
        decref(r);
        if (tr < 0) return VAL_ERROR;
        return val_from_bool(!tr);
    }
    return VAL_NOTIMPL;
}

static int slot_bool(Value v)
{
    Value r = call_dunder(v, "__bool__", NULL, 0);
    if (r == VAL_ERROR) return -1;
    if (!val_is_bool(r)) {
        err_format(&exc_TypeError, "__bool__ should return bool, returned %s", val_type_name(r));
        decref(r);
        return -1;
    }
    return r == VAL_TRUE;
}

static int64_t slot_len(Value v)
{
    Value r = call_dunder(v, "__len__", NULL, 0);
    if (r == VAL_ERROR) return -1;
    if (val_is_boxed(r) && val_is_intlike(val_unbox(r))) {     /* an int subclass instance: its value */
        Value u = new_ref(val_unbox(r));
        decref(r);
        r = u;
    }
    if (!val_is_int(r) && !val_is_bool(r)) {
        if (val_isinstance(r, &int_type)) {
            decref(r);
            err_set(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(r));
        decref(r);
        return -1;
    }
    int64_t n = val_is_bool(r) ? (r == VAL_TRUE) : val_as_int(r);
    if (n < 0) {
        err_set(&exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Value slot_getitem(Value o, Value key)
{
    return call_dunder(o, "__getitem__", &key, 1);
}

static int slot_setitem(Value o, Value key, Value v)
{
    Value args[2] = { key, v };
    Value r = v == VAL_UNDEF ? call_dunder(o, "__delitem__", args, 1) : call_dunder(o, "__setitem__", args, 2);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

static int slot_contains(Value o, Value x)
{
    Value r = call_dunder(o, "__contains__", &x, 1);
    if (r == VAL_ERROR) return -1;
    int t = obj_truth(r);
    decref(r);
    return t;
}

static Value slot_iter(Value o)
{
    Value r = call_dunder(o, "__iter__", NULL, 0);
    if (r == VAL_ERROR) return r;
    if (!val_type(r)->next) {
        err_format(&exc_TypeError, "iter() returned non-iterator of type '%s'", val_type_name(r));
        decref(r);
        return VAL_ERROR;
    }
    return r;
}

static Value slot_next(Value it)
{
    Value r = call_dunder(it, "__next__", NULL, 0);
    if (r == VAL_ERROR && err_matches(&exc_StopIteration)) {
        err_clear();
        return VAL_UNDEF;
    }
    return r;
}

static Value slot_call(Value self, Value *args, int nargs, Tuple *kw)
{
    Value d = class_lookup_cstr(val_type(self), "__call__");
    if (d == VAL_UNDEF) {
        err_format(&exc_TypeError, "'%s' object is not callable", val_type_name(self));
        return VAL_ERROR;
    }
    incref(d);
    Value r = descr_call(d, self, args, nargs, kw);
    decref(d);
    return r;
}

/* ---- iteration through __getitem__ (the old sequence protocol) ---- */

/* iter(x) for a class with __getitem__ and no __iter__: x[0], x[1], ...
 * until IndexError or StopIteration (iterators.h: seq_iterator_type). */
static Value slot_seq_iter(Value o) { return seqiter_new(&seq_iterator_type, o); }

/* ---- a class's slots ---- */

Value slots_dict_missing(Value o, Value key)
{
    Value v = dict_get(val_as_dict(o), key);
    if (v == VAL_ERROR) return VAL_ERROR;
    if (v != VAL_UNDEF) return new_ref(v);
    return call_dunder(o, "__missing__", &key, 1);
}

void slots_update(Class *c)
{
    Type *t = &c->t, *s = c->solid;
    subclass_inherit_slots(c);
    Value (*base_iter)(Value) = t->iter;
    t->hash = slot_hash;
    if (class_user_defined(t, "__repr__")) t->repr = slot_repr;
    if (class_user_defined(t, "__str__")) t->str = slot_str;
    for (int i = 0; i < 6; i++)
        if (class_user_defined(t, cmp_names[i])) t->compare = slot_compare;
    if (class_user_defined(t, "__bool__")) t->truth = slot_bool;
    if (class_user_defined(t, "__len__")) t->len = slot_len;
    if (class_user_defined(t, "__getitem__")) {
        t->getitem = slot_getitem;
        if (!base_iter) t->iter = slot_seq_iter;   /* list, str, ... keep their own iteration */
    } else if (s == &dict_type && class_user_defined(t, "__missing__")) {
        t->getitem = slots_dict_missing;
    }
    if (class_user_defined(t, "__setitem__") || class_user_defined(t, "__delitem__")) t->setitem = slot_setitem;
    if (class_user_defined(t, "__contains__")) t->contains = slot_contains;
    if (class_user_defined(t, "__iter__")) t->iter = slot_iter;
    if (class_user_defined(t, "__next__")) t->next = slot_next;
    if (class_user_defined(t, "__call__")) t->call = slot_call;
    c->has_del = class_user_defined(t, "__del__");
    t->finalize = c->has_del ? inst_finalize : NULL;
}

/* ---- operators ---- */

static const char *const bin_names[][3] = {
    [BINOP_ADD] = {"__add__", "__radd__", "__iadd__"},
    [BINOP_SUB] = {"__sub__", "__rsub__", "__isub__"},
    [BINOP_MUL] = {"__mul__", "__rmul__", "__imul__"},
    [BINOP_TRUEDIV] = {"__truediv__", "__rtruediv__", "__itruediv__"},
    [BINOP_FLOORDIV] = {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    [BINOP_MOD] = {"__mod__", "__rmod__", "__imod__"},
    [BINOP_POW] = {"__pow__", "__rpow__", "__ipow__"},
    [BINOP_LSHIFT] = {"__lshift__", "__rlshift__", "__ilshift__"},
    [BINOP_RSHIFT] = {"__rshift__", "__rrshift__", "__irshift__"},
    [BINOP_AND] = {"__and__", "__rand__", "__iand__"},
    [BINOP_OR] = {"__or__", "__ror__", "__ior__"},
    [BINOP_XOR] = {"__xor__", "__rxor__", "__ixor__"},
    [BINOP_MATMUL] = {"__matmul__", "__rmatmul__", "__imatmul__"},
};

/* self.name(other) if the class defines it: VAL_NOTIMPL when it does not or returns NotImplemented. */
static Value try_dunder(Value self, const char *name, Value other)
{
    Type *t = val_type(self);
    if (!type_is_heap(t)) return VAL_NOTIMPL;
    bool heap_owner;
    Value d = attrcache_lookup_owned(t, name, &heap_owner);
    /* a builtin base's own operators: operators.c applies them after */
    if (d == VAL_UNDEF || d == VAL_NONE || !heap_owner) return VAL_NOTIMPL;
    return call_binary_dunder(d, self, other);
}

Value class_binop(int op, Value a, Value b, bool inplace)
{
    if (op < 0 || op >= BINOP__COUNT) return VAL_NOTIMPL;
    Value r;
    if (inplace) {
        r = try_dunder(a, bin_names[op][2], b);
        if (r != VAL_NOTIMPL) return r;
    }
    Type *ta = val_type(a), *tb = val_type(b);
    bool b_first = ta != tb && type_is_heap(tb) && type_is_subtype(tb, ta) &&
                   class_user_defined(tb, bin_names[op][1]);
    if (b_first) {
        r = try_dunder(b, bin_names[op][1], a);
        if (r != VAL_NOTIMPL) return r;
    }
    r = try_dunder(a, bin_names[op][0], b);
    if (r != VAL_NOTIMPL) return r;
    if (!b_first && ta != tb) {
        r = try_dunder(b, bin_names[op][1], a);
        if (r != VAL_NOTIMPL) return r;
    }
    return VAL_NOTIMPL;
}

Value class_unary(int op, Value a)
{
    static const char *const names[] = { "__neg__", "__pos__", "__invert__" };
    if (op < 0 || op > UOP_INVERT || !type_is_heap(val_type(a))) return VAL_NOTIMPL;
    bool heap_owner;
    Value d = attrcache_lookup_owned(val_type(a), names[op], &heap_owner);
    if (d == VAL_UNDEF || !heap_owner) {
        /* an int or float subclass: the operator on the value */
        Value u = val_unbox(a);
        if (u != a && (val_is_intlike(u) || (val_is_float(u) && op != UOP_INVERT))) return op_unary(op, u);
        return VAL_NOTIMPL;
    }
    incref(d);
    Value r = descr_call(d, a, NULL, 0, NULL);
    decref(d);
    return r;
}

/* ---- with ---- */

Value class_enter(Value mgr, Value *exit_out)
{
    Type *t = val_type(mgr);
    Value enter = type_is_heap(t) ? class_lookup_cstr(t, "__enter__") : VAL_UNDEF;
    Value exitf = type_is_heap(t) ? class_lookup_cstr(t, "__exit__") : VAL_UNDEF;
    if (!type_is_heap(t)) {
        /* builtin managers (files) expose __enter__/__exit__ as methods */
        Value e = obj_getattr_cstr(mgr, "__enter__");
        if (e == VAL_ERROR) {
            err_clear();
            err_format(&exc_TypeError, "'%s' object does not support the context manager protocol", t->name);
            return VAL_ERROR;
        }
        Value x = obj_getattr_cstr(mgr, "__exit__");
        if (x == VAL_ERROR) {
            decref(e);
            err_clear();
            err_format(&exc_TypeError, "'%s' object does not support the context manager protocol", t->name);
            return VAL_ERROR;
        }
        Value r = obj_call(e, NULL, 0, NULL);
        decref(e);
        if (r == VAL_ERROR) { decref(x); return VAL_ERROR; }
        *exit_out = x;
        return r;
    }
    if (enter == VAL_UNDEF || exitf == VAL_UNDEF) {
        err_format(&exc_TypeError, "'%s' object does not support the context manager protocol%s", t->name,
                   enter != VAL_UNDEF ? " (missed __exit__ method)" : "");
        return VAL_ERROR;
    }
    Value x = descr_get(exitf, mgr, t);
    if (x == VAL_ERROR) return VAL_ERROR;
    incref(enter);
    Value r = descr_call(enter, mgr, NULL, 0, NULL);
    decref(enter);
    if (r == VAL_ERROR) { decref(x); return VAL_ERROR; }
    *exit_out = x;
    return r;
}
