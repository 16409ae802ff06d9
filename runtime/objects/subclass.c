/* subclass.c — classes deriving from builtin types (subclass.h): which
 * bases they may have, the slots they inherit, and builtin methods called
 * on their instances. */
#include "objects/subclass.h"

#include <string.h>

#include "core/error.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/bytes.h"
#include "objects/range.h"
#include "objects/generator.h"
#include "objects/fileio.h"
#include "objects/textio.h"
#include "objects/weakref.h"
#include "objects/descr.h"
#include "objects/instance.h"

/* ---- layout ---- */

bool subclass_is_layout_base(Type *s)
{
    return s == &list_type || s == &dict_type || s == &set_type || s == &frozenset_type;
}

bool subclass_is_boxed_base(Type *s)
{
    return s == &int_type || s == &float_type || s == &str_type || s == &tuple_type;
}

/* ---- the slots a subclass inherits ----
 * A class deriving from str, int, float or tuple applies the base's slot
 * to the value its instance holds. */

static Value box_repr(Value v) { return obj_repr(val_unbox(v)); }
static Value box_str(Value v) { return obj_str(val_unbox(v)); }
static int box_truth(Value v) { return obj_truth(val_unbox(v)); }
static int64_t box_len(Value v) { return obj_len(val_unbox(v)); }
static Value box_getitem(Value o, Value key) { return obj_getitem(val_unbox(o), key); }
static int box_contains(Value o, Value x) { return obj_contains(val_unbox(o), x); }
static Value box_iter(Value o) { return obj_iter(val_unbox(o)); }

static const int cmp_swapped[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };

/* The comparison of a boxed instance's value: its base's slot on the
 * unboxed operands, then (for a builtin right operand) the reflection. */
static Value box_compare(Value a, Value b, int op)
{
    Value ua = val_unbox(a), ub = val_unbox(b);
    Type *sa = val_type(ua), *sb = val_type(ub);
    if (sa->compare) {
        Value r = sa->compare(ua, ub, op);
        if (r != VAL_NOTIMPL) return r;
    }
    if (sb != sa && !type_is_heap(sb) && sb->compare) return sb->compare(ub, ua, cmp_swapped[op]);
    return VAL_NOTIMPL;
}

Value subclass_base_compare(Value a, Value b, int op)
{
    Class *c = (Class *)val_type(a);
    if (c->t.flags & CLASS_BOXED) return box_compare(a, b, op);
    if (subclass_is_layout_base(c->solid)) return c->solid->compare(a, b, op);
    return VAL_NOTIMPL;
}

void subclass_inherit_slots(Class *c)
{
    Type *t = &c->t, *s = c->solid;
    bool boxed = (t->flags & CLASS_BOXED) != 0;
    /* a boxed class: the forwarding function for each slot its base has */
#define INHERIT(slot, box_fn) t->slot = !boxed ? s->slot : s->slot ? box_fn : NULL
    INHERIT(repr, box_repr); INHERIT(str, box_str); INHERIT(compare, box_compare); INHERIT(truth, box_truth);
    INHERIT(len, box_len); INHERIT(getitem, box_getitem); INHERIT(contains, box_contains); INHERIT(iter, box_iter);
#undef INHERIT
    /* and none for item assignment, next and call */
    t->setitem = boxed ? NULL : s->setitem;
    t->next = boxed ? NULL : s->next;
    t->call = boxed ? NULL : s->call;
}

/* ---- a builtin type's methods on subclass instances ---- */

Value class_method_self(CFunc fn, Value self)
{
    if (!val_is_boxed(self)) return self;
    const MethodDef *m = ((Class *)val_as_obj(self)->type)->solid->methods;
    for (; m && m->name; m++)
        if (m->fn == fn) return val_unbox(self);
    return self;
}

/* Which builtin type has the method f in its namespace (NULL: none): its
 * unbound calls (list.append(x, 1)) must check that x is one, since the C
 * method takes args[0] as its own type without looking. */
static Type *method_owner_in(Type *t, Value f)
{
    Builtin *b = (Builtin *)val_as_obj(f);
    for (const MethodDef *m = t->methods; m && m->name; m++)
        if (m->fn == b->fn && t->dict && dict_get_cstr(t->dict, m->name) == f) return t;
    return NULL;
}

static Type *boxed_method_owner(Value f)
{
    static Type *const owners[] = { &str_type, &int_type, &float_type, &tuple_type, &list_type, &dict_type,
                                    &set_type, &frozenset_type, &bytes_type, &range_type, &slice_type,
                                    &generator_type, &textio_type, &fileio_type, &weakref_type };
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++)
        if (method_owner_in(owners[i], f)) return owners[i];
    for (int i = 0; exc_builtin_types[i]; i++)
        if (method_owner_in(exc_builtin_types[i], f)) return exc_builtin_types[i];
    return NULL;
}

/* str.upper(x): the trampoline's self is the method itself (args[0]),
 * args[1] the instance, unboxed for the call. */
static Value unbound_call(Value *args, int nargs, Tuple *kw)
{
    Builtin *m = (Builtin *)val_as_obj(args[0]);
    Type *owner = boxed_method_owner(args[0]);
    if (nargs < 2) {
        err_format(&exc_TypeError, "unbound method %s.%s() needs an argument", owner ? owner->name : "?", m->name);
        return VAL_ERROR;
    }
    Value self = args[1], u = val_unbox(self);
    if (owner && !val_isinstance(u, owner)) {
        err_format(&exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->name,
                   owner->name, val_type_name(self));
        return VAL_ERROR;
    }
    args[1] = u;         /* borrowed for the call, as the VM passes a bound self */
    Value r = m->fn(args + 1, nargs - 1, kw);
    args[1] = self;
    return r;
}

bool subclass_is_trampoline(Value d)
{
    return val_is_obj(d) && val_as_obj(d)->type == &builtin_type && ((Builtin *)val_as_obj(d))->fn == unbound_call;
}

Type *class_builtin_method_owner(Value f)
{
    if (subclass_is_trampoline(f)) f = ((Builtin *)val_as_obj(f))->self;
    if (!descr_is_unbound_builtin(f)) return NULL;
    Type *t = boxed_method_owner(f);
    if (t) return t;
    /* the special methods slotwrap_add_all put in the dicts (int.__add__) */
    static Type *const owners[] = { &object_type, &str_type, &int_type, &bool_type, &float_type, &tuple_type,
                                    &list_type, &dict_type, &set_type, &frozenset_type, &bytes_type, &range_type };
    const char *name = ((Builtin *)val_as_obj(f))->name;
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++)
        if (owners[i]->dict && dict_get_cstr(owners[i]->dict, name) == f) return owners[i];
    return NULL;
}

Value class_unbound_method(Value f)
{
    if (descr_is_unbound_builtin(f) && boxed_method_owner(f))
        return builtin_new(((Builtin *)val_as_obj(f))->name, unbound_call, f);
    return new_ref(f);
}
