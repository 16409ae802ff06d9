/* mod_tracemalloc.c — the tracemalloc module: how many bytes of the
 * interpreter's heap were allocated while tracing and are still alive, and
 * the peak of that figure. The counting is mem.c's (every allocation goes
 * through it); this file only exposes it with CPython's names and errors.
 * No snapshots or tracebacks: scr records sizes, not allocation sites, so the
 * traceback limit is accepted and reported but never used.
 */
#include <stdint.h>
#include "core/args.h"
#include "modules/module.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/module.h"

static int64_t traceback_limit = 1;

static Value f_start(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("_tracemalloc", "start", nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    int64_t n = 1;
    if (nargs == 1) {
        if (val_index(args[0], &n) < 0) return VAL_ERROR;
        if (n > INT32_MAX || n < INT32_MIN) {
            err_set(&exc_OverflowError, "Python int too large to convert to C int");
            return VAL_ERROR;
        }
        if (n < 1 || n > 65535) {
            err_set(&exc_ValueError, "the number of frames must be in range [1; 65535]");
            return VAL_ERROR;
        }
    }
    if (mem_trace_is_tracing()) return VAL_NONE;   /* CPython keeps its traces and limit */
    if (mem_trace_start() < 0) {
        err_no_memory();
        return VAL_ERROR;
    }
    traceback_limit = n;
    return VAL_NONE;
}

static Value f_stop(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "stop", nargs, kwnames) < 0) return VAL_ERROR;
    mem_trace_stop();
    return VAL_NONE;
}

static Value f_is_tracing(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "is_tracing", nargs, kwnames) < 0) return VAL_ERROR;
    return val_from_bool(mem_trace_is_tracing());
}

static Value f_clear_traces(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "clear_traces", nargs, kwnames) < 0) return VAL_ERROR;
    if (mem_trace_is_tracing()) mem_trace_clear();
    return VAL_NONE;
}

static Value f_get_traced_memory(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "get_traced_memory", nargs, kwnames) < 0) return VAL_ERROR;
    /* Read before building the result, which is itself traced. */
    size_t cur, peak;
    mem_trace_get(&cur, &peak);
    Value c = int_from_i64((int64_t)cur);
    if (c == VAL_ERROR) return VAL_ERROR;
    return tuple_pair_steal(c, int_from_i64((int64_t)peak));
}

static Value f_reset_peak(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "reset_peak", nargs, kwnames) < 0) return VAL_ERROR;
    mem_trace_reset_peak();
    return VAL_NONE;
}

static Value f_get_tracemalloc_memory(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "get_tracemalloc_memory", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64((int64_t)mem_trace_overhead());
}

static Value f_get_traceback_limit(Value *args, int nargs, Tuple *kwnames)
{
    (void)args;
    if (args_none("_tracemalloc", "get_traceback_limit", nargs, kwnames) < 0) return VAL_ERROR;
    return int_from_i64(traceback_limit);
}

static const MethodDef tracemalloc_functions[] = {
    {"start", f_start}, {"stop", f_stop}, {"is_tracing", f_is_tracing},
    {"clear_traces", f_clear_traces}, {"get_traced_memory", f_get_traced_memory},
    {"reset_peak", f_reset_peak}, {"get_tracemalloc_memory", f_get_tracemalloc_memory},
    {"get_traceback_limit", f_get_traceback_limit},
    {NULL, NULL},
};

Value mod_tracemalloc_init(void) { return module_new_with("tracemalloc", tracemalloc_functions); }
