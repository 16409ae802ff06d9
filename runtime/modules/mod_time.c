/* mod_time.c — the time module: wall-clock, monotonic and CPU clocks, and
 * sleep(). */
#include <time.h>
#include <errno.h>
#include <math.h>
#include "core/args.h"
#include "modules/module.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "core/intr.h"
#include "objects/module.h"

static Value clock_value(clockid_t id, const char *fname, int nargs, Tuple *kwnames, bool ns)
{
    if (args_none("time", fname, nargs, kwnames) < 0) return VAL_ERROR;
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) {
        err_set(&exc_OSError, "clock_gettime failed");
        return VAL_ERROR;
    }
    if (ns) return int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
    return val_from_float((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Value f_time(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_REALTIME, "time", n, k, false); }
static Value f_time_ns(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_REALTIME, "time_ns", n, k, true); }
static Value f_perf_counter(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_MONOTONIC, "perf_counter", n, k, false); }
static Value f_perf_counter_ns(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_MONOTONIC, "perf_counter_ns", n, k, true); }
static Value f_monotonic(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_MONOTONIC, "monotonic", n, k, false); }
static Value f_monotonic_ns(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_MONOTONIC, "monotonic_ns", n, k, true); }
static Value f_process_time(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_PROCESS_CPUTIME_ID, "process_time", n, k, false); }
static Value f_process_time_ns(Value *a, int n, Tuple *k) { (void)a; return clock_value(CLOCK_PROCESS_CPUTIME_ID, "process_time_ns", n, k, true); }

static Value f_sleep(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one("time", "sleep", nargs, kwnames) < 0) return VAL_ERROR;
    double secs;
    if (!val_is_float(args[0]) && !val_is_intlike(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", val_type_name(args[0]));
        return VAL_ERROR;
    }
    if (val_to_double(args[0], &secs) < 0) return VAL_ERROR;
    if (isnan(secs)) {
        err_set(&exc_ValueError, "Invalid value NaN (not a number)");
        return VAL_ERROR;
    }
    if (secs < 0) {
        err_set(&exc_ValueError, "sleep length must be non-negative");
        return VAL_ERROR;
    }
    if (secs > 9.2e9) {
        err_set(&exc_OverflowError, "sleep length is too large");
        return VAL_ERROR;
    }
    if (intr_sleep(secs) < 0) return VAL_ERROR;      /* ^C ends the sleep at once */
    return VAL_NONE;
}

static const MethodDef time_functions[] = {
    {"time", f_time}, {"time_ns", f_time_ns},
    {"perf_counter", f_perf_counter}, {"perf_counter_ns", f_perf_counter_ns},
    {"monotonic", f_monotonic}, {"monotonic_ns", f_monotonic_ns},
    {"process_time", f_process_time}, {"process_time_ns", f_process_time_ns},
    {"sleep", f_sleep},
    {NULL, NULL},
};

Value mod_time_init(void) { return module_new_with("time", time_functions); }
