/* ellipsis.h — the Ellipsis singleton (`...`): an immortal static object of
 * type ellipsis, what `x = ...` and the builtin name Ellipsis refer to. */
#ifndef SCR_ELLIPSIS_H
#define SCR_ELLIPSIS_H

#include "core/object.h"

extern Type ellipsis_type;
extern Obj ellipsis_obj;         /* static and immortal: never freed */

#endif
