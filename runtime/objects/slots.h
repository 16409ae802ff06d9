/* slots.h — special methods: how builtins and operators reach a class's
 * dunders. Every generic operation goes through a Type slot (repr, compare,
 * len, iter, call, ...); a class's slots are its builtin base's (subclass.h),
 * except that each dunder the class defines puts a function here in its
 * slot, which looks the dunder up in the MRO and calls it, checking the
 * result as CPython's slot wrappers do. Binary and unary operators and the
 * `with` statement dispatch to dunders here too. */
#ifndef SCR_SLOTS_H
#define SCR_SLOTS_H

#include "objects/class.h"

/* ---- NotImplemented ----
 * What a dunder returns to let the other operand try; the C slots say it
 * with VAL_NOTIMPL instead. */
extern Type notimplemented_type;
extern Obj class_notimplemented;       /* the NotImplemented singleton */

/* ---- a class's slots ---- */
/* Sets c's special-method slots (repr, str, hash, compare, truth, len,
 * getitem, setitem, contains, iter, next, call, finalize) from what its MRO
 * defines now: at creation and after a dunder is assigned to or deleted
 * from a class. The slots managing instances (instance.h) are not its
 * business. */
void  slots_update(Class *c);
/* __lt__, __le__, ... for a CMP_* comparison (static string). */
const char *slots_cmp_name(int op);
/* d[key] on an instance of a dict subclass defining __missing__
 * (CPython's dict_subscript): new reference, VAL_ERROR. */
Value slots_dict_missing(Value o, Value key);

/* ---- operators and with ----
 * Operators on instances of classes: VAL_NOTIMPL when no dunder of a class
 * applies (the caller goes on with the builtin rules); else a new reference
 * or VAL_ERROR. op is a BINOP_* / UOP_* (core/ops.h). */
Value class_binop(int op, Value a, Value b, bool inplace);
Value class_unary(int op, Value a);
/* with, for any context manager mgr: returns mgr.__enter__() and sets
 * *exit_out to the bound __exit__ (new references); VAL_ERROR with
 * TypeError set when mgr is none. */
Value class_enter(Value mgr, Value *exit_out);

#endif
