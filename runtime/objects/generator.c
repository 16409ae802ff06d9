/* generator.c — the generator object: the saved frame of a generator
 * function, its iterator protocol and its methods (send, throw, close).
 * Running the frame is the VM's job (vm_gen_resume in src/vm/vm.c); this file
 * owns the object's life: collector support (the saved frame's values are
 * traversed like any container's items) and closing an unfinished generator
 * when it dies, so its `finally` blocks run as in CPython. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "objects/generator.h"
#include "core/args.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/textio.h"
#include "memory/gc.h"
#include "objects/weakref.h"
#include "objects/code.h"
#include "core/vmcall.h"
#include "objects/iterators.h"

Generator *gen_new(Function *fn, Value *locals)
{
    Code *co = fn->code;
    int32_t cap = co->nlocals + co->stacksize + 1;
    Value *frame = mem_alloc_array((size_t)cap, sizeof(Value));
    Generator *g = frame ? obj_alloc(&generator_type, sizeof(Generator)) : NULL;
    if (!g) {
        mem_free(frame);
        if (!err_occurred()) err_no_memory();
        for (int32_t i = 0; i < co->nlocals; i++) { Value v = locals[i]; locals[i] = VAL_UNDEF; xdecref(v); }
        return NULL;
    }
    memcpy(frame, locals, (size_t)co->nlocals * sizeof(Value));
    for (int32_t i = 0; i < co->nlocals; i++) locals[i] = VAL_UNDEF;
    g->frame = frame;
    g->nframe = co->nlocals;
    g->capframe = cap;
    g->func = fn;
    obj_incref(fn);
    g->ip = 0;
    g->state = GEN_CREATED;
    g->handled = VAL_UNDEF;
    return g;
}

Value gen_send(Generator *g, Value v, int *done)
{
    *done = 0;
    if (g->state == GEN_RUNNING) {
        err_set(&exc_ValueError, "generator already executing");
        return VAL_ERROR;
    }
    if (g->state == GEN_CLOSED) { *done = 1; return VAL_NONE; }
    if (g->state == GEN_CREATED && v != VAL_NONE) {
        err_set(&exc_TypeError, "can't send non-None value to a just-started generator");
        return VAL_ERROR;
    }
    return vm_gen_resume(g, v, VAL_UNDEF, done);
}

static Value stop_iteration(Value r)
{
    Value e = r == VAL_NONE ? exc_new(&exc_StopIteration, NULL, 0) : exc_new(&exc_StopIteration, &r, 1);
    decref(r);
    if (e != VAL_ERROR) err_set_exc(e);
    return VAL_ERROR;
}

static Value gen_iternext(Value self)
{
    int done;
    Value r = gen_send((Generator *)val_as_obj(self), VAL_NONE, &done);
    if (r == VAL_ERROR || !done) return r;
    decref(r);
    return VAL_UNDEF;
}


static Value m_send(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("generator", "send", nargs - 1, kwnames) < 0) return VAL_ERROR;
    int done;
    Value r = gen_send((Generator *)val_as_obj(args[0]), args[1], &done);
    if (r == VAL_ERROR || !done) return r;
    return stop_iteration(r);
}

static int gen_close(Generator *g);

/* Throw exc (an instance, stolen) into g at its current yield. */
static Value gen_throw_exc(Generator *g, Value exc, int *done)
{
    *done = 0;
    if (g->state == GEN_RUNNING) {
        decref(exc);
        err_set(&exc_ValueError, "generator already executing");
        return VAL_ERROR;
    }
    if (g->state != GEN_SUSPENDED) {
        /* not started or finished: raised right away, the generator is done */
        if (g->state == GEN_CREATED) {
            g->state = GEN_CLOSED;
            for (int32_t i = 0; i < g->nframe; i++) { Value v = g->frame[i]; g->frame[i] = VAL_UNDEF; xdecref(v); }
            g->nframe = 0;
        }
        err_set_exc(exc);
        return VAL_ERROR;
    }
    Value sub = vm_gen_delegate(g);
    if (sub != VAL_UNDEF) {
        /* suspended in `yield from sub`: sub gets the exception first */
        incref(sub);
        Value r = VAL_UNDEF;
        int subdone = 0;
        if (val_as_obj(exc)->type == &exc_GeneratorExit) {
            int rc = 0;
            if (val_is_obj(sub) && val_as_obj(sub)->type == &generator_type) {
                rc = gen_close((Generator *)val_as_obj(sub));
            } else {
                Value m = obj_getattr_cstr(sub, "close");
                if (m == VAL_ERROR) err_clear();
                else {
                    Value x = obj_call(m, NULL, 0, NULL);
                    decref(m);
                    if (x == VAL_ERROR) rc = -1; else decref(x);
                }
            }
            if (rc < 0) r = VAL_ERROR;
        } else if (val_is_obj(sub) && val_as_obj(sub)->type == &generator_type) {
            incref(exc);
            r = gen_throw_exc((Generator *)val_as_obj(sub), exc, &subdone);
            if (r != VAL_ERROR && !subdone) {       /* sub yielded: so does g */
                decref(sub);
                decref(exc);
                return r;
            }
        }
        decref(sub);
        if (r == VAL_ERROR) {
            /* raised at g's `yield from` instead */
            decref(exc);
            exc = err_fetch();
        } else if (subdone) {
            /* sub returned r: the `yield from` evaluates to it */
            decref(exc);
            vm_gen_leave_yield_from(g);
            Value res = vm_gen_resume(g, r, VAL_UNDEF, done);
            decref(r);
            return res;
        }
    }
    Value r = vm_gen_resume(g, VAL_NONE, exc, done);
    decref(exc);
    return r;
}

static Value m_throw(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("generator", "throw", nargs - 1, kwnames, 1, 3) < 0) return VAL_ERROR;
    Value typ = args[1], exc;
    if (val_is_obj(typ) && (val_as_obj(typ)->type->flags & TYPE_EXCEPTION)) {
        incref(typ);
        exc = typ;
    } else if (val_is_obj(typ) && val_as_obj(typ)->type == &type_type &&
               type_is_subtype((Type *)val_as_obj(typ), &exc_BaseException)) {
        exc = nargs > 2 && args[2] != VAL_NONE ? obj_call(typ, &args[2], 1, NULL) : obj_call(typ, NULL, 0, NULL);
        if (exc == VAL_ERROR) return VAL_ERROR;
    } else {
        err_format(&exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                   val_type_name(typ));
        return VAL_ERROR;
    }
    int done;
    Value r = gen_throw_exc((Generator *)val_as_obj(args[0]), exc, &done);
    if (r == VAL_ERROR || !done) return r;
    return stop_iteration(r);
}

static int gen_close(Generator *g)
{
    if (g->state == GEN_CREATED || g->state == GEN_CLOSED) {
        g->state = GEN_CLOSED;
        for (int32_t i = 0; i < g->nframe; i++) { Value v = g->frame[i]; g->frame[i] = VAL_UNDEF; xdecref(v); }
        g->nframe = 0;
        return 0;
    }
    Value exc = exc_new(&exc_GeneratorExit, NULL, 0);
    if (exc == VAL_ERROR) return -1;
    int done;
    Value r = gen_throw_exc(g, exc, &done);
    if (r == VAL_ERROR) {
        if (err_matches(&exc_GeneratorExit) || err_matches(&exc_StopIteration)) {
            err_clear();
            return 0;
        }
        return -1;
    }
    decref(r);
    if (done) return 0;
    err_set(&exc_RuntimeError, "generator ignored GeneratorExit");
    return -1;
}

static Value m_close(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("generator", "close", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return gen_close((Generator *)val_as_obj(args[0])) < 0 ? VAL_ERROR : VAL_NONE;
}

static const char *gen_qualname(Generator *g)
{
    Str *q = g->func->qualname ? g->func->qualname : g->func->name;
    return q ? q->data : "?";
}

static Value gen_repr(Value v)
{
    Generator *g = (Generator *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "<generator object %s at %p>", gen_qualname(g), (void *)g);
    return sb_finish(&b);
}

static Value gen_getattr(Value o, Str *name)
{
    Generator *g = (Generator *)val_as_obj(o);
    if (str_eq_cstr(name, "gi_running")) return val_from_bool(g->state == GEN_RUNNING);
    if (str_eq_cstr(name, "__name__") && g->func->name) { obj_incref(g->func->name); return str_val(g->func->name); }
    if (str_eq_cstr(name, "__qualname__") && g->func->qualname) { obj_incref(g->func->qualname); return str_val(g->func->qualname); }
    if (str_eq_cstr(name, "gi_code")) { obj_incref(g->func->code); return val_from_obj(g->func->code); }
    return VAL_UNDEF;
}

static void gen_clear(Obj *o)
{
    Generator *g = (Generator *)o;
    int32_t n = g->nframe;
    g->nframe = 0;
    if (g->state != GEN_RUNNING) g->state = GEN_CLOSED;
    for (int32_t i = 0; i < n; i++) { Value v = g->frame[i]; g->frame[i] = VAL_UNDEF; xdecref(v); }
    Value h = g->handled;
    g->handled = VAL_UNDEF;
    xdecref(h);
}

static void gen_traverse(Obj *o, VisitProc visit, void *arg)
{
    Generator *g = (Generator *)o;
    if (g->func) visit((Obj *)g->func, arg);
    for (int32_t i = 0; i < g->nframe; i++)
        if (val_is_obj(g->frame[i])) visit(val_as_obj(g->frame[i]), arg);
    if (val_is_obj(g->handled)) visit(val_as_obj(g->handled), arg);
}

/* type->finalize (PEP 442): an unfinished generator is closed when it
 * dies (PEP 342), so its finally blocks run, whether reference counting
 * or the collector finds it dead. */
static void gen_finalize(Obj *o)
{
    Generator *g = (Generator *)o;
    if (g->state != GEN_SUSPENDED || !vm_running()) return;
    Value saved = err_fetch();
    if (gen_close(g) < 0) err_write_unraisable(val_from_obj(o));
    if (saved != VAL_UNDEF) err_set_exc(saved);
}

static void gen_dealloc(Obj *o)
{
    Generator *g = (Generator *)o;
    gc_untrack(o);
    if (g->state == GEN_SUSPENDED && gc_finalize_from_dealloc(o)) return;
    weakref_dealloc_hook(o);
    gen_clear(o);
    if (g->func) obj_decref(g->func);
    mem_free(g->frame);
    obj_free(o);
}

static const MethodDef gen_methods[] = {
    { "send", m_send },
    { "throw", m_throw },
    { "close", m_close },
    { NULL, NULL },
};

Type generator_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "generator", .size = sizeof(Generator),
    .flags = TYPE_CONTAINER, .dealloc = gen_dealloc, .repr = gen_repr,
    .iter = iter_self, .next = gen_iternext, .getattr = gen_getattr,
    .methods = gen_methods, .traverse = gen_traverse, .clear = gen_clear,
    .finalize = gen_finalize, .weaklistoffset = offsetof(Generator, weaklist),
};
