/* subclass.h — classes deriving from builtin types. A class deriving from
 * list, dict, set or frozenset lays its instances out as that type's struct
 * (its methods and slots work on them unchanged), then the __dict__ and
 * weak reference list. Ints and floats are unboxed values, and str and
 * tuple are variable-sized, so a class deriving from one of those is
 * CLASS_BOXED: its instance is a BoxInst holding a value of the exact base
 * type, which the slots and the base's methods unbox. This module gives
 * the C code the checks that see through subclasses, the slots such a class
 * inherits, and the calling of a builtin type's methods on an instance of a
 * subclass. */
#ifndef SCR_SUBCLASS_H
#define SCR_SUBCLASS_H

#include "objects/class.h"

extern Type list_type, dict_type, set_type, frozenset_type, str_type, tuple_type, int_type, float_type;

/* ---- layout ---- */
#define CLASS_BOXED (1u << 25)
typedef struct BoxInst { Obj ob; Value value; } BoxInst;   /* then __dict__, weak references */

/* The static type whose layout and behaviour t's instances have: t itself,
 * or for a class its builtin base (object, an exception, list, str, ...). */
static inline Type *type_solid(Type *t) { return type_is_heap(t) ? ((Class *)t)->solid : t; }
/* Bases a class may derive from besides object and the exceptions:
 * list, dict, set, frozenset (instances laid out as the base) ... */
bool  subclass_is_layout_base(Type *s);
/* ... and str, int, float, tuple (instances boxing a value). */
bool  subclass_is_boxed_base(Type *s);

/* ---- seeing through subclass instances ---- */
static inline bool val_is_boxed(Value v)
{
    return val_is_obj(v) && (val_as_obj(v)->type->flags & CLASS_BOXED);
}
/* The value of the exact base type an instance of a CLASS_BOXED class holds
 * (borrowed); v itself otherwise. */
static inline Value val_unbox(Value v) { return val_is_boxed(v) ? ((BoxInst *)val_as_obj(v))->value : v; }
/* Instances of list/dict/set subclasses (same layout as the base: use
 * val_as_list etc. on them directly), for the C paths CPython takes with
 * PyList_Check rather than PyList_CheckExact. */
static inline bool val_is_list_or_sub(Value v) { return val_is_obj(v) && type_solid(val_as_obj(v)->type) == &list_type; }
static inline bool val_is_dict_or_sub(Value v) { return val_is_obj(v) && type_solid(val_as_obj(v)->type) == &dict_type; }
static inline bool val_is_anyset_or_sub(Value v)
{
    if (!val_is_obj(v)) return false;
    Type *s = type_solid(val_as_obj(v)->type);
    return s == &set_type || s == &frozenset_type;
}
/* A str (or str subclass instance): the exact Str holding its text, else NULL. */
static inline Str *val_str_or_sub(Value v)
{
    v = val_unbox(v);
    return val_is_obj(v) && val_as_obj(v)->type == &str_type ? (Str *)val_as_obj(v) : NULL;
}
static inline Tuple *val_tuple_or_sub(Value v)
{
    v = val_unbox(v);
    return val_is_obj(v) && val_as_obj(v)->type == &tuple_type ? (Tuple *)val_as_obj(v) : NULL;
}

/* ---- the slots a subclass inherits ---- */
/* Sets c's Type slots to its builtin base's behaviour: the base's own slots
 * for a class laid out as the base, functions applying them to the held
 * value for a CLASS_BOXED one. slots_update (slots.h) then overrides those
 * the class's dunders replace. */
void  subclass_inherit_slots(Class *c);
/* a op b (a CMP_*) as the builtin base of a's class compares: VAL_NOTIMPL
 * when it does not apply (or a's class derives from object only); a new
 * reference or VAL_ERROR otherwise. */
Value subclass_base_compare(Value a, Value b, int op);

/* ---- a builtin type's methods on subclass instances ---- */
/* A builtin method found in a boxed base's namespace (str.upper, ...) is
 * called with the unboxed value as self; other builtins (object's methods,
 * the special methods of slotwrap.h, which unbox themselves) keep the
 * instance. Returns the value to pass as self (borrowed). */
Value class_method_self(CFunc fn, Value self);
/* A builtin type's attribute f read from the type (str.upper): new
 * reference to f, or for a method of str, int, float or tuple (and the
 * other builtin types whose methods take self unchecked) a callable that
 * checks and unboxes the instance passed as self (runtime/core/object.c's
 * type getattr and class attribute reads use it). */
Value class_unbound_method(Value f);
/* d is such a callable: its self is the method it wraps. */
bool  subclass_is_trampoline(Value d);
/* The builtin type whose method f is (str for str.upper, unbound or as its
 * type's dict holds it), NULL for anything else. */
Type *class_builtin_method_owner(Value f);

#endif
