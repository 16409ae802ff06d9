/* slotwrap.c — the builtin types' special methods as methods (slotwrap.h). */
#include "objects/slotwrap.h"

#include <math.h>
#include <string.h>

#include "core/args.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/floatobj.h"
#include "objects/operators.h"
#include "objects/attrcache.h"
#include "objects/instance.h"
#include "objects/slots.h"
#include "objects/subclass.h"

static Type *solid_of(Value v) { return type_solid(val_type(v)); }

static Value notimpl_obj(Value r)
{
    return r == VAL_NOTIMPL ? new_ref(val_from_obj(&class_notimplemented)) : r;
}

static Value no_slot(const char *name, Value self)
{
    err_format(&exc_TypeError, "descriptor '%s' does not apply to a '%s' object", name, val_type_name(self));
    return VAL_ERROR;
}

static Value bd_repr(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__repr__", nargs, kw, 1) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    return s->repr ? s->repr(val_unbox(args[0])) : obj_repr(val_unbox(args[0]));
}

static Value bd_str(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__str__", nargs, kw, 1) < 0) return VAL_ERROR;
    return obj_str(val_unbox(args[0]));
}

static Value bd_hash(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__hash__", nargs, kw, 1) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    int64_t h;
    if (!s->hash) return no_slot("__hash__", args[0]);
    if (s->hash(val_unbox(args[0]), &h) < 0) return VAL_ERROR;
    return int_from_i64(h);
}

static Value bd_compare(Value *args, int nargs, Tuple *kw, int op)
{
    if (args_slot(slots_cmp_name(op), nargs, kw, 2) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->compare) return notimpl_obj(VAL_NOTIMPL);
    return notimpl_obj(s->compare(val_unbox(args[0]), val_unbox(args[1]), op));
}

#define BD_CMP(fname, op) \
    static Value fname(Value *args, int nargs, Tuple *kw) { return bd_compare(args, nargs, kw, op); }
BD_CMP(bd_lt, CMP_LT)
BD_CMP(bd_le, CMP_LE)
BD_CMP(bd_eq, CMP_EQ)
BD_CMP(bd_ne, CMP_NE)
BD_CMP(bd_gt, CMP_GT)
BD_CMP(bd_ge, CMP_GE)

static Value bd_len(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__len__", nargs, kw, 1) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->len) return no_slot("__len__", args[0]);
    int64_t n = s->len(val_unbox(args[0]));
    return n < 0 ? VAL_ERROR : int_from_i64(n);
}

static Value bd_getitem(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__getitem__", nargs, kw, 2) < 0) return VAL_ERROR;
    Type *t = val_type(args[0]), *s = type_solid(t);
    if (!s->getitem) return no_slot("__getitem__", args[0]);
    if (s == &dict_type && t != s && class_user_defined(t, "__missing__")) return slots_dict_missing(args[0], args[1]);
    return s->getitem(val_unbox(args[0]), args[1]);
}

static Value bd_setitem(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__setitem__", nargs, kw, 3) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->setitem) return no_slot("__setitem__", args[0]);
    return s->setitem(val_unbox(args[0]), args[1], args[2]) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value bd_delitem(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__delitem__", nargs, kw, 2) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->setitem) return no_slot("__delitem__", args[0]);
    return s->setitem(val_unbox(args[0]), args[1], VAL_UNDEF) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value bd_contains(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__contains__", nargs, kw, 2) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->contains) return no_slot("__contains__", args[0]);
    int r = s->contains(val_unbox(args[0]), args[1]);
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

static Value bd_iter(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__iter__", nargs, kw, 1) < 0) return VAL_ERROR;
    Type *s = solid_of(args[0]);
    if (!s->iter) return no_slot("__iter__", args[0]);
    return s->iter(val_unbox(args[0]));
}

/* self.clear() as the base type does it (list, set) */
static int base_clear(Value self, Type *s)
{
    Value f = s->dict ? dict_get_cstr(s->dict, "clear") : VAL_UNDEF;
    if (f == VAL_UNDEF) return 0;
    Value r = obj_call(f, &self, 1, NULL);
    if (r == VAL_ERROR) return -1;
    decref(r);
    return 0;
}

Value slotwrap_init_container(Type *s, Value self, Value *rest, int nrest, Tuple *kw)
{
    int nkw = kw ? (int)kw->len : 0;
    if (nkw && s != &dict_type) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", s->name);
        return VAL_ERROR;
    }
    if (nrest > 1) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %d", s->name, nrest);
        return VAL_ERROR;
    }
    if (s == &dict_type) {
        Dict *d = val_as_dict(self);
        if (nrest == 1 && dict_update(d, rest[0]) < 0) return VAL_ERROR;
        for (int i = 0; i < nkw; i++)
            if (dict_set(d, kw->items[i], rest[nrest + i]) < 0) return VAL_ERROR;
        return VAL_NONE;
    }
    if (base_clear(self, s) < 0) return VAL_ERROR;
    if (nrest == 1) {
        int rc = s == &list_type ? list_extend(val_as_list(self), rest[0]) : set_update(val_as_set(self), rest[0]);
        if (rc < 0) return VAL_ERROR;
    }
    return VAL_NONE;
}

/* list.__init__ and friends called explicitly: args[0] must be one. */
static Value bd_init_of(Type *want, Value *args, int nargs, Tuple *kw)
{
    Type *s = nargs > 0 ? solid_of(args[0]) : NULL;
    if (s != want) {
        if (nargs < 1) err_format(&exc_TypeError, "descriptor '__init__' of '%s' object needs an argument", want->name);
        else err_format(&exc_TypeError, "descriptor '__init__' requires a '%s' object but received a '%s'",
                        want->name, val_type_name(args[0]));
        return VAL_ERROR;
    }
    return slotwrap_init_container(s, args[0], args + 1, nargs - 1, kw);
}

static Value bd_init_list(Value *args, int nargs, Tuple *kw) { return bd_init_of(&list_type, args, nargs, kw); }
static Value bd_init_dict(Value *args, int nargs, Tuple *kw) { return bd_init_of(&dict_type, args, nargs, kw); }
static Value bd_init_set(Value *args, int nargs, Tuple *kw) { return bd_init_of(&set_type, args, nargs, kw); }

/* base.__new__(cls, *args): an instance of cls (base itself or a class
 * deriving from it) made by base's constructor. */
static Value bd_new(Type *base, Value *args, int nargs, Tuple *kw)
{
    if (nargs < 1) {
        err_format(&exc_TypeError, "%s.__new__(): not enough arguments", base->name);
        return VAL_ERROR;
    }
    if (!class_is_type(args[0])) {
        err_format(&exc_TypeError, "%s.__new__(X): X is not a type object (%s)", base->name, val_type_name(args[0]));
        return VAL_ERROR;
    }
    Type *t = (Type *)val_as_obj(args[0]);
    if (!type_is_subtype(t, base)) {
        err_format(&exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", base->name, t->name, t->name, base->name);
        return VAL_ERROR;
    }
    if (!type_is_heap(t)) return t->new(t, args + 1, nargs - 1, kw);
    if (type_solid(t) != base) {
        err_format(&exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", base->name, t->name,
                   type_solid(t)->name);
        return VAL_ERROR;
    }
    return inst_alloc((Class *)t, args + 1, nargs - 1, kw);
}

#define BD_NEW(fname, base) \
    static Value fname(Value *args, int nargs, Tuple *kw) { return bd_new(&base, args, nargs, kw); }
BD_NEW(bd_new_list, list_type)
BD_NEW(bd_new_dict, dict_type)
BD_NEW(bd_new_set, set_type)
BD_NEW(bd_new_frozenset, frozenset_type)
BD_NEW(bd_new_str, str_type)
BD_NEW(bd_new_tuple, tuple_type)
BD_NEW(bd_new_int, int_type)
BD_NEW(bd_new_float, float_type)

/* a op b with the builtin bases' rules only (operators.c). */
static Value bd_binop(Value *args, int nargs, Tuple *kw, const char *name, int op, int form)
{
    if (args_slot(name, nargs, kw, 2) < 0) return VAL_ERROR;
    Value self = val_unbox(args[0]), other = val_unbox(args[1]);
    if (val_is_intlike(self) && !val_is_intlike(other))      /* int.__add__(1, 2.5): NotImplemented */
        return notimpl_obj(VAL_NOTIMPL);
    if (val_is_float(self) && !val_is_float(other) && !val_is_intlike(other)) return notimpl_obj(VAL_NOTIMPL);
    Value r = form == 1 ? op_binary_base(op, args[1], args[0], false)
                        : op_binary_base(op, args[0], args[1], form == 2);
    return notimpl_obj(r);
}

#define BD_BIN(stem, op) \
    static Value bd_##stem(Value *args, int nargs, Tuple *kw) { return bd_binop(args, nargs, kw, "__" #stem "__", op, 0); } \
    static Value bd_r##stem(Value *args, int nargs, Tuple *kw) { return bd_binop(args, nargs, kw, "__r" #stem "__", op, 1); }
#define BD_BIN_I(stem, op) BD_BIN(stem, op) \
    static Value bd_i##stem(Value *args, int nargs, Tuple *kw) { return bd_binop(args, nargs, kw, "__i" #stem "__", op, 2); }
BD_BIN_I(add, BINOP_ADD)
BD_BIN_I(sub, BINOP_SUB)
BD_BIN_I(mul, BINOP_MUL)
BD_BIN(truediv, BINOP_TRUEDIV)
BD_BIN(floordiv, BINOP_FLOORDIV)
BD_BIN(mod, BINOP_MOD)
BD_BIN(pow, BINOP_POW)
BD_BIN(lshift, BINOP_LSHIFT)
BD_BIN(rshift, BINOP_RSHIFT)
BD_BIN_I(and, BINOP_AND)
BD_BIN_I(or, BINOP_OR)
BD_BIN_I(xor, BINOP_XOR)

static Value bd_unary(Value *args, int nargs, Tuple *kw, const char *name, int op)
{
    if (args_slot(name, nargs, kw, 1) < 0) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (!val_is_float(u) && !val_is_intlike(u)) return no_slot(name, args[0]);
    return op_unary(op, u);
}
static Value bd_neg(Value *args, int nargs, Tuple *kw) { return bd_unary(args, nargs, kw, "__neg__", UOP_NEG); }
static Value bd_pos(Value *args, int nargs, Tuple *kw) { return bd_unary(args, nargs, kw, "__pos__", UOP_POS); }
static Value bd_invert(Value *args, int nargs, Tuple *kw) { return bd_unary(args, nargs, kw, "__invert__", UOP_INVERT); }

static Value bd_abs(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__abs__", nargs, kw, 1) < 0) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (val_is_float(u)) return val_from_float(fabs(val_as_float(u)));
    if (val_is_intlike(u)) return int_abs(u);
    return no_slot("__abs__", args[0]);
}

static Value bd_int(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__int__", nargs, kw, 1) < 0) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (val_is_float(u)) return int_from_double(val_as_float(u));
    if (val_is_intlike(u)) return val_is_bool(u) ? val_from_int(u == VAL_TRUE) : new_ref(u);
    return no_slot("__int__", args[0]);
}

static Value bd_index(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__index__", nargs, kw, 1) < 0) return VAL_ERROR;
    Value u = val_unbox(args[0]);
    if (val_is_intlike(u)) return val_is_bool(u) ? val_from_int(u == VAL_TRUE) : new_ref(u);
    return no_slot("__index__", args[0]);
}

static Value bd_float(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__float__", nargs, kw, 1) < 0) return VAL_ERROR;
    double d;
    if (val_to_double(val_unbox(args[0]), &d) < 0) return VAL_ERROR;
    return val_from_float(d);
}

static Value bd_bool(Value *args, int nargs, Tuple *kw)
{
    if (args_slot("__bool__", nargs, kw, 1) < 0) return VAL_ERROR;
    int r = obj_truth(val_unbox(args[0]));
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

#define BD_CMPS {"__eq__", bd_eq}, {"__ne__", bd_ne}, {"__lt__", bd_lt}, {"__le__", bd_le}, \
    {"__gt__", bd_gt}, {"__ge__", bd_ge}, {"__repr__", bd_repr}
#define BD_SEQ {"__len__", bd_len}, {"__contains__", bd_contains}, {"__iter__", bd_iter}
#define BD_ARITH(stem) {"__" #stem "__", bd_##stem}, {"__r" #stem "__", bd_r##stem}
#define BD_INPLACE(stem) {"__i" #stem "__", bd_i##stem}
#define BD_NUM BD_CMPS, {"__hash__", bd_hash}, BD_ARITH(add), BD_ARITH(sub), BD_ARITH(mul), BD_ARITH(truediv), \
    BD_ARITH(floordiv), BD_ARITH(mod), BD_ARITH(pow), {"__neg__", bd_neg}, {"__pos__", bd_pos}, {"__abs__", bd_abs}, \
    {"__int__", bd_int}, {"__float__", bd_float}, {"__bool__", bd_bool}

static const MethodDef bdt_list[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_list}, {"__init__", bd_init_list}, {"__getitem__", bd_getitem},
    {"__setitem__", bd_setitem}, {"__delitem__", bd_delitem}, {"__add__", bd_add}, {"__mul__", bd_mul},
    {"__rmul__", bd_rmul}, BD_INPLACE(add), BD_INPLACE(mul), {NULL, NULL},
};
static const MethodDef bdt_dict[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_dict}, {"__init__", bd_init_dict}, {"__getitem__", bd_getitem},
    {"__setitem__", bd_setitem}, {"__delitem__", bd_delitem}, BD_ARITH(or), BD_INPLACE(or), {NULL, NULL},
};
static const MethodDef bdt_set[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_set}, {"__init__", bd_init_set}, BD_ARITH(or), BD_ARITH(and),
    BD_ARITH(sub), BD_ARITH(xor), BD_INPLACE(or), BD_INPLACE(and), BD_INPLACE(sub), BD_INPLACE(xor), {NULL, NULL},
};
static const MethodDef bdt_frozenset[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_frozenset}, {"__hash__", bd_hash}, BD_ARITH(or), BD_ARITH(and),
    BD_ARITH(sub), BD_ARITH(xor), {NULL, NULL},
};
static const MethodDef bdt_str[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_str}, {"__str__", bd_str}, {"__hash__", bd_hash},
    {"__getitem__", bd_getitem}, {"__add__", bd_add}, {"__mul__", bd_mul}, {"__rmul__", bd_rmul},
    {"__mod__", bd_mod}, {NULL, NULL},
};
static const MethodDef bdt_tuple[] = {
    BD_CMPS, BD_SEQ, {"__new__", bd_new_tuple}, {"__hash__", bd_hash}, {"__getitem__", bd_getitem},
    {"__add__", bd_add}, {"__mul__", bd_mul}, {"__rmul__", bd_rmul}, {NULL, NULL},
};
static const MethodDef bdt_int[] = {
    BD_NUM, {"__new__", bd_new_int}, BD_ARITH(lshift), BD_ARITH(rshift), BD_ARITH(and), BD_ARITH(or),
    BD_ARITH(xor), {"__invert__", bd_invert}, {"__index__", bd_index}, {NULL, NULL},
};
static const MethodDef bdt_float[] = { BD_NUM, {"__new__", bd_new_float}, {NULL, NULL} };

/* BaseException.__init__(self, *args): sets args, for super().__init__(msg). */
static Value exc_init_m(Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw(NULL, "BaseException.__init__", kw) < 0) return VAL_ERROR;
    if (nargs < 1 || !val_isinstance(args[0], &exc_BaseException)) {
        err_set(&exc_TypeError, "descriptor '__init__' requires a 'BaseException' object");
        return VAL_ERROR;
    }
    Exc *e = (Exc *)val_as_obj(args[0]);
    Tuple *a = tuple_from_array(args + 1, nargs - 1);
    if (!a) return VAL_ERROR;
    Tuple *old = e->args;
    e->args = a;
    if (old) obj_decref(old);
    return VAL_NONE;
}

/* ---- registration ---- */

static int add_base_dunders(Type *t, const MethodDef *defs, bool unhashable)
{
    type_ready(t);
    if (!t->dict) {
        err_no_memory();
        return -1;
    }
    for (const MethodDef *m = defs; m->name; m++) {
        if (dict_get_cstr(t->dict, m->name) != VAL_UNDEF) continue;
        Value f = builtin_new(m->name, m->fn, VAL_UNDEF);
        if (f == VAL_ERROR) return -1;
        int rc = dict_set_cstr(t->dict, m->name, f);
        decref(f);
        if (rc < 0) return -1;
    }
    if (unhashable && dict_get_cstr(t->dict, "__hash__") == VAL_UNDEF && dict_set_cstr(t->dict, "__hash__", VAL_NONE) < 0)
        return -1;
    return 0;
}

int slotwrap_add_all(void)
{
    if (add_base_dunders(&list_type, bdt_list, true) < 0 || add_base_dunders(&dict_type, bdt_dict, true) < 0 ||
        add_base_dunders(&set_type, bdt_set, true) < 0 || add_base_dunders(&frozenset_type, bdt_frozenset, false) < 0 ||
        add_base_dunders(&str_type, bdt_str, false) < 0 || add_base_dunders(&tuple_type, bdt_tuple, false) < 0 ||
        add_base_dunders(&int_type, bdt_int, false) < 0 || add_base_dunders(&float_type, bdt_float, false) < 0)
        return -1;
    type_ready(&exc_BaseException);
    if (exc_BaseException.dict && dict_get_cstr(exc_BaseException.dict, "__init__") == VAL_UNDEF) {
        Value f = builtin_new("__init__", exc_init_m, VAL_UNDEF);
        if (f == VAL_ERROR) return -1;
        int rc = dict_set_cstr(exc_BaseException.dict, "__init__", f);
        decref(f);
        if (rc < 0) return -1;
    }
    return 0;
}
