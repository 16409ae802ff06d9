/* generator.h — generator objects: a suspended scr frame (locals and operand
 * stack copied out of the VM's value stack at each yield, copied back on
 * resume) with the iterator protocol, send, throw and close. The frame
 * itself is run by the VM (core/vmcall.h: vm_gen_resume).
 *
 * Errors: VAL_ERROR / NULL with the exception set. */
#ifndef SCR_GENERATOR_H
#define SCR_GENERATOR_H

#include <stdbool.h>
#include "core/object.h"
#include "objects/function.h"

/* ---- the object ---- */

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED };

typedef struct Generator {
    Obj ob;
    Function *func;      /* owned: its code, globals and names */
    Value *frame;        /* nframe slots saved: locals, then the operand stack */
    int32_t nframe, capframe;
    int32_t ip;          /* offset of the next instruction */
    int32_t state;       /* GEN_* */
    Value handled;       /* the exception being handled inside the suspended frame, or VAL_UNDEF */
    struct WeakRef *weaklist;    /* weakref.h */
} Generator;

extern Type generator_type;

/* ---- running it ---- */

/* A new generator for fn whose nlocals argument/local slots are moved from
 * locals (stolen, the slots are left VAL_UNDEF). NULL with MemoryError. */
Generator *gen_new(Function *fn, Value *locals);

/* gen.send(v) as `yield from` needs it: the yielded value (*done = 0), the
 * return value (*done = 1) or VAL_ERROR. */
Value gen_send(Generator *g, Value v, int *done);

#endif
