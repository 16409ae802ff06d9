/* module.h — module objects: a name and the dict of globals its code ran
 * in. Builtin modules are made with module_new_with from a MethodDef table;
 * the registry that finds them by name is modules/module.h.
 *
 * Values returned are new references; errors are VAL_ERROR / -1 with the
 * exception set. */
#ifndef SCR_OBJECTS_MODULE_H
#define SCR_OBJECTS_MODULE_H

#include "core/object.h"

typedef struct Module { Obj ob; Str *name; Dict *dict; } Module;   /* both owned */

extern Type module_type;

static inline Dict *module_dict(Value m) { return ((Module *)val_as_obj(m))->dict; }   /* borrowed */

Value module_new(const char *name);             /* with __name__ set in its dict */
/* A new module with the builtin functions of fns (NULL-terminated) bound in
 * its dict, in order. */
Value module_new_with(const char *name, const MethodDef *fns);
/* Add `name` bound to a builtin function to a module dict. */
int   module_add_function(Dict *d, const char *name, CFunc fn);
int   module_add_functions(Dict *d, const MethodDef *fns);   /* each of fns, in order */

#endif
