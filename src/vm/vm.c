/* vm.c — the bytecode interpreter.
 *
 * One value stack serves every frame: a frame's locals start at its base
 * pointer and its operand stack sits right above them. A call to a scr
 * function turns the arguments already pushed by the caller into the callee's
 * first local slots (no copy, no malloc, no C recursion); the slots below them
 * (the callee, and for method calls the marked method or an UNDEF filler) stay
 * the caller's and are released when the call returns. C code calling back
 * into scr (map, sorted(key=), ...) re-enters run() with a FRAME_ENTRY frame
 * placed above everything in use; run() returns when that frame finishes.
 *
 * LOAD_METHOD leaves [f|METHOD_MARK self] on the stack when it found a method
 * to call with the object as first argument, else [attr UNDEF]; CALL tells
 * the three layouts apart by looking at the slots below the arguments, so the
 * compiler emits the same CALL n either way.
 *
 * Generators (runtime/objects/generator.c): calling a generator function binds the
 * arguments as for any call, then moves the new frame's locals into a
 * Generator object instead of running it. Each resume copies the saved
 * locals and operand stack back onto the value stack as a FRAME_ENTRY frame and
 * runs it with a nested run(); YIELD_VALUE copies them out again and returns
 * from that run(). So a suspended frame lives only in its generator, where
 * the collector can traverse it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "vm/vm.h"
#include "objects/attrcache.h"
#include "objects/slots.h"
#include "compile/bytecode.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/range.h"
#include "objects/function.h"
#include "modules/module.h"
#include "core/interp.h"
#include "objects/operators.h"
#include "objects/textio.h"
#include "objects/set.h"
#include "objects/format.h"
#include "objects/generator.h"
#include "objects/iterators.h"
#include "memory/gc.h"
#include "vm/traceback.h"
#include "core/debug.h"
#include "core/ptrmap.h"
#include "objects/module.h"
#include "core/vmcall.h"

/* Computed goto with GCC. clang 14 at -O2 crashes in the computed-goto loop
 * (it works at -O1 and with the switch), so clang takes the portable switch
 * until that is understood. */
#if defined(__GNUC__) && !defined(__clang__) && !defined(SCR_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

#define STACK_BYTES  ((size_t)512 << 20)     /* address space only: pages are committed on use */
#define MAX_FRAMES   ((size_t)1 << 20)
#define STACK_SLACK  8                        /* slots kept free above every frame */
#define C_REENTRY_MAX 20000                   /* plus the C stack check below */

/* A pointer value with this bit set is still a pointer to every decref (the
 * bit lies in the pointer tag's spare "xx" bits, value.h) but marks a method
 * found by LOAD_METHOD that CALL must call with the object below the args. */
#define METHOD_MARK  (UINT64_C(1) << 48)
static inline bool is_marked(Value v) { return (v & (VAL_PTR_TAG | METHOD_MARK)) == (VAL_PTR_TAG | METHOD_MARK); }

#define AC_WAYS 4                /* classes an attribute site remembers (attr_cache) */

typedef struct GCacheEntry {
    Dict *globals;
    uint64_t gver, bver;
    Value v;                 /* borrowed from the dict while the versions hold */
    bool in_builtins;
} GCacheEntry;

/* How a frame was entered, which decides what its return does. */
typedef enum FrameKind {
    FRAME_CALL,              /* called by scr code: returning resumes the caller in the same run() */
    FRAME_ENTRY,             /* entered from C (a call back into scr, a module, a generator's
                              * resume): returning returns from run() */
    FRAME_INIT               /* the __init__ of a class called by CALL: the caller gets the
                              * instance, waiting in the call's lowest slot, not None */
} FrameKind;

typedef struct Frame {
    Instr *ip;               /* next instruction (saved while a callee runs) */
    Value *base;             /* locals */
    Value *sp;               /* saved operand stack top */
    Value *ret;              /* lowest slot of the call: receives the result */
    Code *code;
    Function *func;          /* NULL for module code */
    Dict *globals;
    GCacheEntry *gcache;     /* LOAD_GLOBAL cache of code, fetched on first use */
    FrameKind kind;
    Generator *gen;          /* the generator whose frame this is, or NULL (always FRAME_ENTRY) */
} Frame;

static struct {
    Value *stack, *stack_end;
    Frame *frames, *frames_end;
    Frame *fr;               /* innermost frame; frames - 1 when none */
    Value handled;           /* the exception being handled (bare raise, __context__) */
    int cdepth;              /* nested run() calls */
    char *cstack_base;
    size_t cstack_limit;
    PtrMap caches;           /* Code -> its LOAD_GLOBAL cache (holds a reference to the Code) */
    bool yielded;            /* run() returned because a generator frame yielded */
    Value gen_throw;         /* raised at once by the next run() (generator.throw), owned */
} vm;

/* ---- the LOAD_GLOBAL cache table ---- */

static GCacheEntry *gcache_for(Code *co)
{
    if (co->vmcache) return co->vmcache;
    if (ptrmap_reserve(&vm.caches, 64, mem_calloc, mem_free) < 0) return NULL;
    PtrMapSlot *slot = ptrmap_slot(&vm.caches, (uintptr_t)co);
    if (slot->key) return (GCacheEntry *)slot->value;
    /* the attribute caches (attrcache.h: AttrCache) follow the nnames entries */
    size_t n = co->nnames ? (size_t)co->nnames : 1;
    GCacheEntry *e = mem_calloc(n, sizeof(GCacheEntry) + AC_WAYS * sizeof(AttrCache));
    if (!e) return NULL;
    obj_incref(co);
    ptrmap_fill(&vm.caches, slot, (uintptr_t)co, (uintptr_t)e);
    co->vmcache = e;
    return e;
}

/* The attribute cache of names[arg] in the running code for instances of
 * t, or NULL (out of memory: the generic path then serves). A site keeps
 * AC_WAYS classes, most recently added first: a method of a base class
 * sees the instances of each subclass. */
static inline AttrCache *attr_cache(Code *co, int arg, Type *t)
{
    GCacheEntry *e = co->vmcache;
    if (UNLIKELY(e == NULL) && (e = gcache_for(co)) == NULL) return NULL;
    AttrCache *c = (AttrCache *)(e + co->nnames) + (size_t)arg * AC_WAYS;
    if (LIKELY(c[0].type == t)) return c;
    for (int i = 1; i < AC_WAYS; i++)
        if (c[i].type == t) return &c[i];
    /* a new class: it takes the first way, the last one is forgotten */
    memmove(c + 1, c, (AC_WAYS - 1) * sizeof(AttrCache));
    memset(c, 0, sizeof(AttrCache));
    return c;
}

static inline Dict *inst_dict_of(Obj *o)
{
    return *(Dict **)((char *)o + ((Class *)o->type)->dictoffset);
}

/* Set asynchronously by the embedder's SIGINT handler (src/cli/main.c); tested
 * only on backward jumps and calls, where every long-running program passes. */
volatile sig_atomic_t vm_sigint;

/* ---- set-up ---- */

void vm_init(void)
{
    vm.stack = mmap(NULL, STACK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (vm.stack == MAP_FAILED) {
        fputs("scr: cannot reserve the value stack\n", stderr);
        exit(1);
    }
    vm.stack_end = vm.stack + STACK_BYTES / sizeof(Value);
    vm.frames = mmap(NULL, MAX_FRAMES * sizeof(Frame), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (vm.frames == MAP_FAILED) {
        fputs("scr: cannot reserve the frame stack\n", stderr);
        exit(1);
    }
    vm.frames_end = vm.frames + MAX_FRAMES;
    vm.fr = vm.frames - 1;
    vm.stack[0] = VAL_NONE;          /* guard: CALL may peek one slot below a frame */
    vm.handled = VAL_UNDEF;
    vm.gen_throw = VAL_UNDEF;
    vm.yielded = false;
    vm.cdepth = 0;
    class_cache_reset();
    char here;
    vm.cstack_base = &here;
    struct rlimit rl;
    size_t lim = (size_t)8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        lim = (size_t)rl.rlim_cur;
    if (lim > ((size_t)1 << 30)) lim = (size_t)1 << 30;
    /* keep room for the C code (repr, dealloc, builtins) run from the deepest frame */
    vm.cstack_limit = lim > ((size_t)2 << 20) ? lim - ((size_t)1 << 20) : lim / 2;
}

bool vm_running(void)
{
    return vm.frames != NULL;
}

void vm_free(void)
{
    if (vm.frames) atexit_run();     /* first, as CPython: the program is whole */
    /* __main__'s globals die while the VM still runs code, so that the
     * suspended generators they hold are closed (their finally blocks run)
     * as at CPython's shutdown; interp_free clears it again, harmlessly. */
    if (vm.frames && val_is_obj(interp.main_module) && val_as_obj(interp.main_module)->type == &module_type &&
        ((Module *)val_as_obj(interp.main_module))->dict) {
        fflush(stdout);
        tb_finalizing = true;
        dict_clear(((Module *)val_as_obj(interp.main_module))->dict);
        /* and the cycles among them, with their __del__ and finally blocks,
         * as CPython's last collection at shutdown */
        gc_collect_quiet();
    }
    Value h = vm.handled;
    vm.handled = VAL_UNDEF;
    if (h != VAL_UNDEF) decref(h);
    for (size_t i = 0; i < vm.caches.cap; i++) {
        Code *co = (Code *)vm.caches.slots[i].key;
        if (!co) continue;
        co->vmcache = NULL;
        mem_free((void *)vm.caches.slots[i].value);
        obj_decref(co);
    }
    mem_free(vm.caches.slots);
    vm.caches = (PtrMap){0};
    if (vm.stack) munmap(vm.stack, STACK_BYTES);
    if (vm.frames) munmap(vm.frames, MAX_FRAMES * sizeof(Frame));
    vm.stack = vm.stack_end = NULL;
    vm.frames = vm.frames_end = NULL;
    vm.fr = NULL;
    class_cache_reset();
    exc_cleanup();
    tb_finalizing = false;
}

Value vm_handled_exception(void)
{
    Value h = vm.handled;
    if (h == VAL_UNDEF) h = VAL_NONE;
    incref(h);
    return h;
}

Dict *vm_current_globals(void)
{
    if (!vm.frames || vm.fr < vm.frames) return NULL;
    return vm.fr->globals;
}

Value vm_locals(void)
{
    if (!vm.frames || vm.fr < vm.frames || !vm.fr->func) return VAL_UNDEF;
    Frame *f = vm.fr;
    Code *co = f->code;
    Dict *d = dict_new();
    if (!d) return VAL_ERROR;
    int firstcell = co->nlocals - co->ncells - co->nfrees;
    for (int i = 0; i < co->nlocals; i++) {
        Value v = f->base[i];
        if (i >= firstcell && v != VAL_UNDEF && val_is_obj(v) && val_as_obj(v)->type == &cell_type)
            v = ((Cell *)val_as_obj(v))->v;
        if (v == VAL_UNDEF || !co->localnames || !co->localnames[i]) continue;
        if (dict_set_str(d, co->localnames[i], v) < 0) { obj_decref(d); return VAL_ERROR; }
    }
    return val_from_obj(d);
}

/* ---- frames ---- */

static void recursion_error(void)
{
    err_set(&exc_RecursionError, "maximum recursion depth exceeded");
}

static const char *func_name(Function *fn, Code *co)
{
    if (fn && fn->qualname) return fn->qualname->data;
    if (co->qualname) return co->qualname->data;
    return co->name ? co->name->data : "?";
}

static void missing_error(const char *fname, Code *co, Value *args, int from, int to, const char *kind)
{
    int n = 0;
    for (int i = from; i < to; i++) if (args[i] == VAL_UNDEF) n++;
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "%s() missing %d required %s argument%s: ", fname, n, kind, n == 1 ? "" : "s");
    int k = 0;
    for (int i = from; i < to; i++) {
        if (args[i] != VAL_UNDEF) continue;
        if (k > 0) sb_puts(&b, n == 2 ? " and " : (k == n - 1 ? ", and " : ", "));
        sb_printf(&b, "'%s'", co->localnames && co->localnames[i] ? co->localnames[i]->data : "?");
        k++;
    }
    Value s = sb_finish(&b);
    if (s == VAL_ERROR) return;
    err_set_value(&exc_TypeError, s);
    decref(s);
}

static void too_many_error(const char *fname, Code *co, Function *fn, int given)
{
    int np = co->nparams;
    int ndef = fn && fn->defaults ? (int)fn->defaults->len : 0;
    const char *verb = given == 1 ? "was" : "were";
    if (ndef > 0)
        err_format(&exc_TypeError, "%s() takes from %d to %d positional argument%s but %d %s given",
                   fname, np - ndef, np, np == 1 ? "" : "s", given, verb);
    else
        err_format(&exc_TypeError, "%s() takes %d positional argument%s but %d %s given",
                   fname, np, np == 1 ? "" : "s", given, verb);
}

/* CPython's error for f(a=1) when a is positional-only (and f has no
 * **kwargs to take it): names every such keyword. Returns whether it did. */
static bool posonly_as_keyword(const char *fname, Code *co, Tuple *kw)
{
    StrBuf b;
    sb_init(&b);
    int n = 0;
    for (int64_t k = 0; k < kw->len; k++)
        for (int i = 0; i < co->nposonly; i++)
            if (co->localnames[i] && str_eq(co->localnames[i], val_as_str(kw->items[k]))) {
                sb_printf(&b, "%s%s", n++ ? ", " : "", co->localnames[i]->data);
                break;
            }
    if (n == 0) {
        sb_free(&b);
        return false;
    }
    Value names = sb_finish(&b);
    if (names == VAL_ERROR) return true;
    err_format(&exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
               fname, val_as_str(names)->data);
    decref(names);
    return true;
}

/* Bind positional and keyword arguments (at args[0..nargs+nkw)) to the
 * parameter slots: positional, keyword-only, *args, **kwargs (bytecode.h).
 * Every check happens before anything moves, so on error the slots are
 * untouched and still owned by the caller. */
static int bind_args(Function *fn, Code *co, Value *args, int nargs, Tuple *kw)
{
    int np = co->nparams, nl = co->nlocals, nk = co->nkwonly;
    bool varargs = co->flags & CO_VARARGS, varkw = co->flags & CO_VARKW;
    int nkw = kw ? (int)kw->len : 0;
    const char *fname = func_name(fn, co);
    int small_idx[16];
    Value small_val[16];
    int *idx = small_idx;
    Value *vals = small_val;
    Tuple *extra = NULL;
    Dict *kwdict = NULL;
    if (nkw > 16) {
        idx = mem_alloc_array((size_t)nkw, sizeof(int));
        vals = mem_alloc_array((size_t)nkw, sizeof(Value));
        if (!idx || !vals) { mem_free(idx); mem_free(vals); err_no_memory(); return -1; }
    }
    int rc = -1;
    for (int k = 0; k < nkw; k++) {
        Str *key = val_as_str(kw->items[k]);
        int found = -1;
        for (int i = co->nposonly; i < np + nk; i++)
            if (co->localnames[i] && str_eq(co->localnames[i], key)) { found = i; break; }
        if (found < 0 && !varkw && posonly_as_keyword(fname, co, kw)) goto out;
        if (found < 0 && !varkw) {
            err_format(&exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, key->data);
            goto out;
        }
        bool dup = found >= 0 && found < nargs && found < np;
        for (int j = 0; j < k && !dup && found >= 0; j++) if (idx[j] == found) dup = true;
        if (dup) {
            err_format(&exc_TypeError, "%s() got multiple values for argument '%s'", fname, key->data);
            goto out;
        }
        idx[k] = found;
    }
    if (nargs > np && !varargs) {
        too_many_error(fname, co, fn, nargs);
        goto out;
    }
    int ndef = fn && fn->defaults ? (int)fn->defaults->len : 0;
    if (ndef > np) ndef = np;
    /* Missing required parameters: check on a scratch view before moving. */
    int required = np - ndef;
    if (nargs < required) {
        int missing = 0;
        for (int i = nargs; i < required; i++) {
            bool given = false;
            for (int k = 0; k < nkw; k++) if (idx[k] == i) given = true;
            if (!given) missing++;
        }
        if (missing) {
            /* build the message from a temporary marking of the slots */
            Value *mark = mem_alloc_array((size_t)required, sizeof(Value));
            if (!mark) { err_no_memory(); goto out; }
            for (int i = 0; i < required; i++) mark[i] = i < nargs ? VAL_NONE : VAL_UNDEF;
            for (int k = 0; k < nkw; k++) if (idx[k] >= 0 && idx[k] < required) mark[idx[k]] = VAL_NONE;
            missing_error(fname, co, mark, 0, required, "positional");
            mem_free(mark);
            goto out;
        }
    }
    if (nk) {
        Value mark[np + nk];
        int missing = 0;
        for (int i = 0; i < nk; i++) {
            mark[np + i] = VAL_NONE;
            bool given = false;
            for (int k = 0; k < nkw; k++) if (idx[k] == np + i) given = true;
            if (!given && !(fn && fn->kwdefaults && dict_get_str(fn->kwdefaults, co->localnames[np + i]) != VAL_UNDEF)) {
                mark[np + i] = VAL_UNDEF;
                missing++;
            }
        }
        if (missing) {
            missing_error(fname, co, mark, np, np + nk, "keyword-only");
            goto out;
        }
    }
    if (varkw) {
        kwdict = dict_new();
        if (!kwdict) goto out;
        for (int k = 0; k < nkw; k++)
            if (idx[k] < 0 && dict_set(kwdict, kw->items[k], args[nargs + k]) < 0) goto out;
    }
    /* The tuple last: an allocation after it could run a collection that
     * untracks it while its items are still None (then never again). */
    if (varargs) {
        int n = nargs > np ? nargs - np : 0;
        extra = n ? tuple_new(n) : &tuple_empty;
        if (!extra) goto out;
    }
    /* nothing can fail from here on */
    for (int k = 0; k < nkw; k++) vals[k] = args[nargs + k];
    if (extra && extra != &tuple_empty)
        for (int i = np; i < nargs; i++) extra->items[i - np] = args[i];
    for (int i = nargs < np ? nargs : np; i < nl; i++) args[i] = VAL_UNDEF;
    for (int k = 0; k < nkw; k++) {
        if (idx[k] >= 0) args[idx[k]] = vals[k];
        else decref(vals[k]);        /* the dict holds its own reference */
    }
    for (int i = np - ndef; i < np; i++) {
        if (args[i] == VAL_UNDEF) {
            Value d = fn->defaults->items[i - (np - ndef)];
            incref(d);
            args[i] = d;
        }
    }
    for (int i = np; i < np + nk; i++) {
        if (args[i] == VAL_UNDEF) {
            Value d = dict_get_str(fn->kwdefaults, co->localnames[i]);
            incref(d);
            args[i] = d;
        }
    }
    int slot = np + nk;
    if (varargs) { args[slot++] = val_from_obj(extra); extra = NULL; }
    if (varkw) { args[slot++] = val_from_obj(kwdict); kwdict = NULL; }
    rc = 0;
out:
    if (extra && extra != &tuple_empty) {
        for (int64_t i = 0; i < extra->len; i++) extra->items[i] = VAL_NONE;
        obj_decref(extra);
    }
    if (kwdict) obj_decref(kwdict);
    if (idx != small_idx) { mem_free(idx); mem_free(vals); }
    return rc;
}

/* While frame_push allocates (bind_args, cells), the end of the region of
 * the frame it builds: see region_start. */
static Value *frame_building_top;

/* Whether a frame for co with its locals at `locals` may be pushed: under
 * the recursion limit, a free Frame, and room on the value stack for its
 * locals, its operand stack and STACK_SLACK spare slots. Every frame is
 * admitted by this test; RecursionError when it fails. */
static ALWAYS_INLINE bool frame_admits(const Code *co, const Value *locals)
{
    return interp.depth < interp.recursion_limit && vm.fr + 1 < vm.frames_end &&
           locals + co->nlocals + co->stacksize + STACK_SLACK <= vm.stack_end;
}

/* The common call, entered without bind_args: exactly the positional
 * parameters, no keywords (checked by the caller), no cells, no flags. */
static ALWAYS_INLINE bool frame_is_simple(const Code *co, int nargs)
{
    return nargs == co->nparams && !co->flags && !(co->ncells | co->nfrees);
}

/* Push an admitted frame whose locals at base are bound. Its ip and sp are
 * not set: run() keeps them in registers and saves them when it leaves the
 * frame; callers entering run() set them. */
static ALWAYS_INLINE Frame *frame_link(Code *co, Function *fn, Dict *globals, Value *base, Value *ret,
                                       FrameKind kind, Generator *gen)
{
    scr_assert(vm.fr + 1 < vm.frames_end);
    scr_assert(ret < base && base + co->nlocals + co->stacksize + STACK_SLACK <= vm.stack_end);
    scr_assert(vm.fr < vm.frames || ret >= vm.fr->base + vm.fr->code->nlocals);
    Frame *f = ++vm.fr;
    f->base = base;
    f->ret = ret;
    f->code = co;
    f->func = fn;
    f->globals = globals;
    f->gcache = NULL;
    f->kind = kind;
    f->gen = gen;
    interp.depth++;
    return f;
}

/* Enter a simple (frame_is_simple), admitted call of fn: the nargs
 * arguments at args become its first locals, the others start unbound. */
static ALWAYS_INLINE Frame *frame_enter_simple(Function *fn, Value *args, int nargs, Value *ret, FrameKind kind)
{
    Code *co = fn->code;
    for (int i = nargs; i < co->nlocals; i++) args[i] = VAL_UNDEF;
    return frame_link(co, fn, fn->globals, args, ret, kind, NULL);
}

/* Make args[0..) the locals of a new frame running fn. ret is the lowest
 * slot of the call (released by the caller side on return). Returns NULL
 * with an exception set; the argument slots are then still the caller's. */
static inline Frame *frame_push(Function *fn, Value *args, int nargs, Tuple *kw, Value *ret)
{
    Code *co = fn->code;
    if (UNLIKELY(!frame_admits(co, args))) {
        recursion_error();
        return NULL;
    }
    if (LIKELY(!kw && nargs == co->nparams && !(co->flags & (CO_VARARGS | CO_VARKW | CO_KWONLY)))) {
        for (int i = nargs; i < co->nlocals; i++) args[i] = VAL_UNDEF;
    } else {
        Value *saved = frame_building_top;
        frame_building_top = args + co->nlocals + co->stacksize + 1;
        int r = bind_args(fn, co, args, nargs, kw);
        frame_building_top = saved;
        if (r < 0) return NULL;
    }
    if (UNLIKELY(co->ncells | co->nfrees)) {
        Value *cells = args + co->nlocals - co->ncells - co->nfrees;
        Value *saved = frame_building_top;
        frame_building_top = args + co->nlocals + co->stacksize + 1;
        for (int i = 0; i < co->ncells; i++) {
            int p = co->cell_param ? co->cell_param[i] : -1;
            Value c = cell_new(p >= 0 ? args[p] : VAL_UNDEF);
            if (c == VAL_ERROR) {
                frame_building_top = saved;
                for (int j = 0; j < co->nlocals; j++) { Value v = args[j]; args[j] = VAL_UNDEF; decref(v); }
                return NULL;
            }
            cells[i] = c;
        }
        frame_building_top = saved;
        for (int i = 0; i < co->nfrees; i++) {
            Value c = fn->closure && i < fn->closure->len ? fn->closure->items[i] : VAL_UNDEF;
            incref(c);
            cells[co->ncells + i] = c;
        }
    }
    Frame *f = frame_link(co, fn, fn->globals, args, ret, FRAME_CALL, NULL);
    f->ip = co->code;
    f->sp = args + co->nlocals;
    return f;
}

/* The frame frame_push just built for a call of a generator function
 * becomes a generator instead of running: popped, its locals moved into
 * the new generator. NULL on MemoryError (the locals are released). */
static Generator *frame_to_generator(Function *fn, Value *locals)
{
    scr_assert(vm.fr >= vm.frames && vm.fr->base == locals && vm.fr->code == fn->code);
    vm.fr--;
    interp.depth--;
    return gen_new(fn, locals);
}

/* Where a frame entered from C may start: above everything in use. */
static Value *region_start(void)
{
    Value *top;
    if (vm.fr < vm.frames) {
        top = vm.stack + 1;
    } else {
        Frame *f = vm.fr;
        top = f->base + f->code->nlocals + f->code->stacksize + 1;
    }
    /* A frame being built (frame_push) is not on vm.fr yet, but code may run
     * meanwhile: a collection's gc.callbacks at the allocation of a cell or
     * of *args. Start above its region too. */
    return frame_building_top > top ? frame_building_top : top;
}

static bool c_stack_exhausted(void)
{
    char here;
    size_t used = vm.cstack_base > &here ? (size_t)(vm.cstack_base - &here) : (size_t)(&here - vm.cstack_base);
    return used > vm.cstack_limit || vm.cdepth >= C_REENTRY_MAX;
}

static Value run(void);

/* Run the FRAME_ENTRY frame just pushed to its end: a nested run(). */
static Value run_entered(void)
{
    scr_assert(vm.fr >= vm.frames && vm.fr->kind == FRAME_ENTRY);
    vm.cdepth++;
    Value r = run();
    vm.cdepth--;
    return r;
}

Value vm_call_function(Function *fn, Value *args, int nargs, Tuple *kwnames)
{
    if (c_stack_exhausted()) { recursion_error(); return VAL_ERROR; }
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    Value *top = region_start();
    if (top + 1 + total + STACK_SLACK > vm.stack_end) { recursion_error(); return VAL_ERROR; }
    top[0] = val_from_obj(fn);
    obj_incref(fn);
    for (int i = 0; i < total; i++) { incref(args[i]); top[1 + i] = args[i]; }
    Frame *f = frame_push(fn, top + 1, nargs, kwnames, top);
    if (!f) {
        for (int i = total; i >= 0; i--) decref(top[i]);
        return VAL_ERROR;
    }
    if (fn->code->flags & CO_GENERATOR) {
        Generator *g = frame_to_generator(fn, top + 1);
        decref(top[0]);
        return g ? val_from_obj(g) : VAL_ERROR;
    }
    f->kind = FRAME_ENTRY;
    return run_entered();
}

/* Where a FRAME_ENTRY frame for `co` (a module, a resumed generator) starts, or
 * NULL with the exception set when there is no room for it. */
static Value *entry_region(Code *co)
{
    if (!vm.frames) { err_set(&exc_SystemError, "the VM is not initialised"); return NULL; }
    if (c_stack_exhausted()) { recursion_error(); return NULL; }
    Value *top = region_start();
    if (!frame_admits(co, top + 1)) {
        recursion_error();
        return NULL;
    }
    return top;
}

Value vm_run_module(Code *co, Dict *globals)
{
    Value *top = entry_region(co);
    if (!top) return VAL_ERROR;
    top[0] = VAL_NONE;
    Value *base = top + 1;
    for (int i = 0; i < co->nlocals; i++) base[i] = VAL_UNDEF;
    Value *saved = frame_building_top;          /* see region_start */
    frame_building_top = base + co->nlocals + co->stacksize + 1;
    for (int i = 0; i < co->ncells; i++) {
        Value c = cell_new(VAL_UNDEF);
        if (c == VAL_ERROR) {
            frame_building_top = saved;
            for (int j = 0; j < co->nlocals; j++) decref(base[j]);
            return VAL_ERROR;
        }
        base[co->nlocals - co->ncells - co->nfrees + i] = c;
    }
    frame_building_top = saved;
    Frame *f = frame_link(co, NULL, globals, base, top, FRAME_ENTRY, NULL);
    f->ip = co->code;
    f->sp = base + co->nlocals;
    return run_entered();
}
/* ---- slow paths of the loop ---- */

static void set_context(Value exc)
{
    Value h = vm.handled;
    if (h == VAL_UNDEF || h == VAL_NONE || h == exc || !val_is_obj(h) || !val_is_obj(exc)) return;
    if (!(val_as_obj(exc)->type->flags & TYPE_EXCEPTION) || !(val_as_obj(h)->type->flags & TYPE_EXCEPTION)) return;
    /* Break a cycle: exc must not appear in h's own context chain. */
    Exc *o = (Exc *)val_as_obj(h);
    for (int guard = 0; guard < 10000; guard++) {
        Value c = o->context;
        if (!val_is_obj(c)) break;
        if (c == exc) { o->context = VAL_NONE; decref(c); break; }
        o = (Exc *)val_as_obj(c);
    }
    Exc *e = (Exc *)val_as_obj(exc);
    Value old = e->context;
    incref(h);
    e->context = h;
    decref(old);
}

static bool is_exc_class(Value v)
{
    return val_is_obj(v) && val_as_obj(v)->type == &type_type &&
           type_is_subtype((Type *)val_as_obj(v), &exc_BaseException);
}

static bool is_exc_instance(Value v)
{
    return val_is_obj(v) && (val_as_obj(v)->type->flags & TYPE_EXCEPTION);
}

/* The exception `raise v` raises: an instance, or a class called without arguments. */
static Value make_exception(Value v)
{
    if (is_exc_instance(v)) { incref(v); return v; }
    if (is_exc_class(v)) {
        Value e = obj_call(v, NULL, 0, NULL);
        if (e == VAL_ERROR) return VAL_ERROR;
        if (!is_exc_instance(e)) {
            err_format(&exc_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                       ((Type *)val_as_obj(v))->name, val_type_name(e));
            decref(e);
            return VAL_ERROR;
        }
        return e;
    }
    err_set(&exc_TypeError, "exceptions must derive from BaseException");
    return VAL_ERROR;
}

static int check_exc_class(Value cls)
{
    if (val_is_tuple(cls)) {
        Tuple *t = val_as_tuple(cls);
        for (int64_t i = 0; i < t->len; i++)
            if (check_exc_class(t->items[i]) < 0) return -1;
        return 0;
    }
    if (!is_exc_class(cls)) {
        err_set(&exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

static void unbound_local(Code *co, int slot)
{
    const char *n = co->localnames && co->localnames[slot] ? co->localnames[slot]->data : "?";
    err_format(&exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", n);
}

static void unbound_deref(Code *co, int slot)
{
    const char *n = co->localnames && co->localnames[slot] ? co->localnames[slot]->data : "?";
    if (slot >= co->nlocals - co->nfrees) {
        err_format(&exc_NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", n);
        if (co->localnames && co->localnames[slot]) exc_name_error_context(co->localnames[slot]);
    } else
        unbound_local(co, slot);
}

static void name_error(Str *name)
{
    err_format(&exc_NameError, "name '%s' is not defined", name->data);
    exc_name_error_context(name);
}

static Value load_global_slow(Frame *f, int arg)
{
    Code *co = f->code;
    Str *name = co->names[arg];
    Dict *g = f->globals;
    Value v = dict_get_str(g, name);
    bool in_b = false;
    if (v == VAL_UNDEF) {
        v = interp.builtins ? dict_get_str(interp.builtins, name) : VAL_UNDEF;
        if (v == VAL_UNDEF) { name_error(name); return VAL_ERROR; }
        in_b = true;
    }
    if (v == VAL_ERROR) return VAL_ERROR;
    if (!f->gcache) f->gcache = gcache_for(co);
    if (f->gcache) {
        GCacheEntry *e = &f->gcache[arg];
        e->globals = g;
        e->gver = g->version;
        e->bver = in_b ? interp.builtins->version : 0;
        e->in_builtins = in_b;
        e->v = v;
    }
    incref(v);
    return v;
}

/* UNPACK_SEQUENCE on a generic iterable: fills dst[n-1] (first item) .. dst[0]. */
static int unpack_iterable(Value seq, int n, Value *dst)
{
    Value it = obj_iter(seq);
    if (it == VAL_ERROR) {
        if (err_matches(&exc_TypeError) && !val_type(seq)->iter) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %s object", val_type_name(seq));
        }
        return -1;
    }
    int got = 0;
    for (; got < n; got++) {
        Value v = obj_next(it);
        if (v == VAL_ERROR) goto fail;
        if (v == VAL_UNDEF) {
            err_format(&exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, got);
            goto fail;
        }
        dst[n - 1 - got] = v;
    }
    Value extra = obj_next(it);
    if (extra == VAL_ERROR) goto fail;
    if (extra != VAL_UNDEF) {
        decref(extra);
        err_format(&exc_ValueError, "too many values to unpack (expected %d)", n);
        goto fail;
    }
    decref(it);
    return 0;
fail:
    for (int i = 0; i < got; i++) decref(dst[n - 1 - i]);
    decref(it);
    return -1;
}

static int print_expr(Value v)
{
    if (v == VAL_NONE) return 0;
    if (interp.builtins && dict_set_cstr(interp.builtins, "_", VAL_NONE) < 0) return -1;
    Value r = obj_repr(v);
    if (r == VAL_ERROR) return -1;
    Value out = textio_sys_stream("stdout");
    int rc = 0;
    if (out == VAL_UNDEF) {
        fwrite(val_as_str(r)->data, 1, (size_t)val_as_str(r)->len, stdout);
        fputc('\n', stdout);
    } else if (textio_write(out, val_as_str(r)->data, val_as_str(r)->len) < 0 ||
               textio_write(out, "\n", 1) < 0) {
        rc = -1;
    }
    decref(r);
    if (rc == 0 && interp.builtins && dict_set_cstr(interp.builtins, "_", v) < 0) rc = -1;
    return rc;
}

static Value import_from(Value mod, Str *name)
{
    Value v = obj_getattr(mod, name);
    if (v == VAL_ERROR && err_matches(&exc_AttributeError)) {
        err_clear();
        const char *mn = "?";
        if (val_is_obj(mod) && val_as_obj(mod)->type == &module_type && ((Module *)val_as_obj(mod))->name)
            mn = ((Module *)val_as_obj(mod))->name->data;
        Value file = VAL_UNDEF;
        if (val_is_obj(mod) && val_as_obj(mod)->type == &module_type)
            file = dict_get_cstr(((Module *)val_as_obj(mod))->dict, "__file__");
        if (!val_is_str(file))
            err_format(&exc_ImportError, "cannot import name '%s' from '%s' (unknown location)", name->data, mn);
        else if (import_is_initializing(mod))
            err_format(&exc_ImportError, "cannot import name '%s' from partially initialized module '%s' "
                       "(most likely due to a circular import) (%s)", name->data, mn, val_as_str(file)->data);
        else
            err_format(&exc_ImportError, "cannot import name '%s' from '%s' (%s)", name->data, mn,
                       val_as_str(file)->data);
    }
    return v;
}

static inline Value int_result(int64_t r)
{
    return int_fits_inline(r) ? val_from_int(r) : int_from_i64(r);
}

static Value make_function(Code *co, Dict *globals, Value defaults, Value closure)
{
    Value fv = function_new(co, globals);
    if (fv == VAL_ERROR) return VAL_ERROR;
    Function *fn = (Function *)val_as_obj(fv);
    if (defaults != VAL_UNDEF && val_is_tuple(defaults) && val_as_tuple(defaults)->len > 0) {
        incref(defaults);
        fn->defaults = val_as_tuple(defaults);
    }
    if (closure != VAL_UNDEF && val_is_tuple(closure)) {
        incref(closure);
        fn->closure = val_as_tuple(closure);
    }
    return fv;
}

/* An f-string field (FORMAT_VALUE): the conversion, then format(v, spec).
 * Returns a new Str or VAL_ERROR. */
static Value format_field(Value v, int flags, Value spec)
{
    Value conv = VAL_UNDEF;
    switch (flags & FV_CONV_MASK) {
    case FV_STR: conv = obj_str(v); break;
    case FV_REPR: conv = obj_repr(v); break;
    case FV_ASCII: {
        conv = obj_repr(v);
        if (conv == VAL_ERROR || val_as_str(conv)->ascii) break;
        Str *s = val_as_str(conv);
        StrBuf b;
        sb_init(&b);
        const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
        while (p < e) {
            if (*p < 0x80) { sb_putc(&b, (char)*p++); continue; }
            int n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
            uint32_t cp = *p & (0x7f >> n);
            for (int i = 1; i < n && p + i < e; i++) cp = (cp << 6) | (p[i] & 0x3f);
            p += n;
            if (cp <= 0xff) sb_printf(&b, "\\x%02x", cp);
            else if (cp <= 0xffff) sb_printf(&b, "\\u%04x", cp);
            else sb_printf(&b, "\\U%08x", cp);
        }
        decref(conv);
        conv = sb_finish(&b);
        break;
    }
    default: break;
    }
    if (conv == VAL_ERROR) return VAL_ERROR;
    Value x = conv != VAL_UNDEF ? conv : v;
    Value r;
    if (spec == VAL_UNDEF && val_is_str(x)) {
        incref(x);
        r = x;
    } else if (spec == VAL_UNDEF) {
        Str *empty = str_intern("", 0);
        r = empty ? format_value(x, empty) : VAL_ERROR;
        if (empty) obj_decref(empty);
    } else {
        r = format_value(x, val_as_str(spec));
    }
    xdecref(conv);
    return r;
}

/* ---- call forms: f(*args, **kwargs), {**m} ---- */

/* "f" as CPython names a callable in argument errors (without the "()"). */
static void callable_name(Value f, char *buf, size_t n)
{
    if (val_is_obj(f)) {
        Obj *o = val_as_obj(f);
        if (o->type == &function_type) {
            /* CPython's _PyObject_FunctionStr: module.qualname() */
            Function *fn = (Function *)o;
            Value mod = fn->globals ? dict_get_cstr(fn->globals, "__name__") : VAL_UNDEF;
            if (mod != VAL_UNDEF && val_is_str(mod) && !str_eq_cstr(val_as_str(mod), "builtins"))
                snprintf(buf, n, "%s.%s()", val_as_str(mod)->data, func_name(fn, fn->code));
            else
                snprintf(buf, n, "%s()", func_name(fn, fn->code));
            return;
        }
        if (o->type == &builtin_type) { snprintf(buf, n, "%s()", ((Builtin *)o)->name); return; }
        if (o->type == &method_type) { callable_name(((Method *)o)->func, buf, n); return; }
        if (o->type == &type_type) { snprintf(buf, n, "%s()", ((Type *)o)->name); return; }
    }
    snprintf(buf, n, "%s object", val_type_name(f));
}

/* d.update(m) for {**m} (callee NULL) and f(**m) (callee: *callee is f,
 * repeated keys are errors). */
static int dict_update_mapping(Dict *d, Value m, Value *callee)
{
    char name[200];
    if (!val_is_dict(m)) {
        Value keys = val_is_obj(m) ? obj_getattr_cstr(m, "keys") : VAL_ERROR;
        if (keys == VAL_ERROR) {
            err_clear();
            if (callee) {
                callable_name(*callee, name, sizeof name);
                err_format(&exc_TypeError, "%s argument after ** must be a mapping, not %s", name, val_type_name(m));
            } else {
                err_format(&exc_TypeError, "'%s' object is not a mapping", val_type_name(m));
            }
            return -1;
        }
        Value kl = obj_call(keys, NULL, 0, NULL);
        decref(keys);
        if (kl == VAL_ERROR) return -1;
        Value l = list_from_iterable(kl);
        decref(kl);
        if (l == VAL_ERROR) return -1;
        Dict *tmp = dict_new();
        int rc = tmp ? 0 : -1;
        for (int64_t i = 0; rc == 0 && i < val_as_list(l)->len; i++) {
            Value k = val_as_list(l)->items[i];
            Value v = obj_getitem(m, k);
            if (v == VAL_ERROR) { rc = -1; break; }
            rc = dict_set(tmp, k, v);
            decref(v);
        }
        decref(l);
        if (rc == 0) rc = dict_update_mapping(d, val_from_obj(tmp), callee);
        if (tmp) obj_decref(tmp);
        return rc;
    }
    if (!callee) return dict_update(d, m);
    int64_t pos = 0;
    Value k, v;
    while (dict_next(val_as_dict(m), &pos, &k, &v)) {
        if (!val_is_str(k)) {
            err_set(&exc_TypeError, "keywords must be strings");
            return -1;
        }
        Value old = dict_get(d, k);
        if (old == VAL_ERROR) return -1;
        if (old != VAL_UNDEF) {
            callable_name(*callee, name, sizeof name);
            err_format(&exc_TypeError, "%s got multiple values for keyword argument '%s'", name, val_as_str(k)->data);
            return -1;
        }
        if (dict_set(d, k, v) < 0) return -1;
    }
    return 0;
}

static Value call_ex(Value f, Tuple *args, Dict *kw)
{
    int64_t n = args->len, nkw = kw ? kw->used : 0;
    if (n + nkw > INT32_MAX) { err_no_memory(); return VAL_ERROR; }
    Value *argv = mem_alloc_array((size_t)(n + nkw + 1), sizeof(Value));
    Tuple *names = nkw ? tuple_new(nkw) : NULL;
    if (!argv || (nkw && !names)) {
        mem_free(argv);
        if (names) obj_decref(names);
        if (!err_occurred()) err_no_memory();
        return VAL_ERROR;
    }
    for (int64_t i = 0; i < n; i++) argv[i] = args->items[i];
    int64_t pos = 0, j = 0;
    Value k, v;
    while (kw && dict_next(kw, &pos, &k, &v)) {
        Str *ks = val_as_str(k);
        Str *in = str_intern(ks->data, ks->len);
        if (!in) { mem_free(argv); obj_decref(names); return VAL_ERROR; }
        names->items[j] = str_val(in);
        argv[n + j] = v;
        j++;
    }
    Value r = obj_call(f, argv, (int)n, names);
    mem_free(argv);
    if (names) obj_decref(names);
    return r;
}

/* ---- generators ---- */

Value vm_gen_delegate(Generator *g)
{
    Code *co = g->func->code;
    if (g->state != GEN_SUSPENDED || g->ip < 1 || g->nframe <= co->nlocals) return VAL_UNDEF;
    /* suspended by YIELD_VALUE 1, the yield of a `yield from` loop */
    Instr in = co->code[g->ip - 1];
    if (INSTR_OP(in) != OP_YIELD_VALUE || INSTR_ARG(in) != 1) return VAL_UNDEF;
    return g->frame[g->nframe - 1];
}

void vm_gen_leave_yield_from(Generator *g)
{
    /* resume at SEND's exit target, reached through the JUMP that follows
     * the yield */
    Code *co = g->func->code;
    Instr jump = co->code[g->ip];
    Instr send = co->code[INSTR_ARG(jump)];
    g->ip = (int32_t)INSTR_ARG(send);
    Value it = g->frame[--g->nframe];
    decref(it);
}

Value vm_gen_resume(Generator *g, Value send, Value exc, int *done)
{
    *done = 0;
    Code *co = g->func->code;
    Value *top = entry_region(co);
    if (!top) return VAL_ERROR;
    top[0] = VAL_NONE;
    Value *base = top + 1;
    memcpy(base, g->frame, (size_t)g->nframe * sizeof(Value));
    Value *sp = base + g->nframe;
    g->nframe = 0;
    if (g->state == GEN_SUSPENDED && exc == VAL_UNDEF) {
        incref(send);
        *sp++ = send;
    }
    Frame *f = frame_link(co, g->func, g->func->globals, base, top, FRAME_ENTRY, g);
    f->ip = co->code + g->ip;
    f->sp = sp;
    g->state = GEN_RUNNING;
    obj_incref(g);
    if (exc != VAL_UNDEF) { incref(exc); vm.gen_throw = exc; }
    /* The generator has its own "exception being handled" while suspended
     * in an except block; otherwise it sees its caller's. */
    Value caller_handled = vm.handled;
    if (g->handled != VAL_UNDEF) {
        vm.handled = g->handled;
        g->handled = VAL_UNDEF;
    } else {
        incref(caller_handled);
    }
    Value r = run_entered();
    Value gen_handled = vm.handled;
    vm.handled = caller_handled;
    if (vm.yielded && gen_handled != caller_handled) g->handled = gen_handled;
    else decref(gen_handled);
    if (vm.yielded) {
        vm.yielded = false;
        g->state = GEN_SUSPENDED;
    } else {
        g->state = GEN_CLOSED;
        if (r != VAL_ERROR) {
            *done = 1;
        } else if (err_matches(&exc_StopIteration)) {
            /* PEP 479 */
            Value e = err_fetch();
            Value re = exc_new(&exc_RuntimeError, NULL, 0);
            if (re != VAL_ERROR) {
                Value m = str_val(str_intern_cstr("generator raised StopIteration"));
                Exc *x = (Exc *)val_as_obj(re);
                Tuple *a = tuple_pack(1, m);
                decref(m);
                if (a) { Tuple *old = x->args; x->args = a; obj_decref(old); }
                incref(e);
                decref(x->cause); x->cause = e;
                incref(e);
                decref(x->context); x->context = e;
                err_set_exc(re);
            }
            decref(e);
        }
    }
    obj_decref(g);
    return r;
}

/* ---- calls made by the loop ---- */

/* Where the parts of a CALL / CALL_KW sit on the stack. The n values pushed
 * for the arguments (positional, then keyword) lie above one of three
 * layouts (see the top): [f a..] | [attr UNDEF a..] | [f|MARK self a..]. */
typedef struct CallSite {
    Value callee;            /* borrowed: its slot owns it */
    Value *below;            /* the slot right below the pushed values */
    Value *args;             /* first positional argument (a method's self included) */
    Value *ret;              /* lowest slot of the call: receives the result */
    int n;                   /* values pushed for the arguments */
    int nargs;               /* positional arguments at args */
} CallSite;

static ALWAYS_INLINE CallSite call_site(Value *sp, int n, Tuple *kw)
{
    CallSite cs;
    Value *p = sp - n - 1;
    cs.below = p;
    cs.n = n;
    cs.nargs = n - (kw ? (int)kw->len : 0);
    if (*p == VAL_UNDEF) {
        cs.callee = p[-1];
        cs.args = p + 1;
        cs.ret = p - 1;
    } else if (is_marked(p[-1])) {
        cs.callee = p[-1] & ~METHOD_MARK;
        cs.args = p;
        cs.nargs++;
        cs.ret = p - 1;
    } else {
        cs.callee = *p;
        cs.args = p + 1;
        cs.ret = p;
    }
    return cs;
}

/* Put v (a new reference) before the call's arguments: into the free slot
 * below them when LOAD_METHOD left one (VAL_UNDEF), else by shifting them
 * up one slot (STACK_SLACK has room for it). */
static ALWAYS_INLINE void call_insert_first(CallSite *cs, Value **sp, Value v)
{
    Value *p = cs->below;
    if (cs->args == p + 1 && *p == VAL_UNDEF) {
        *p = v;
        cs->args = p;
    } else {
        memmove(cs->args + 1, cs->args, (size_t)(cs->n + (cs->args == p ? 1 : 0)) * sizeof(Value));
        cs->args[0] = v;
        ++*sp;
    }
    cs->nargs++;
}

/* Push the frame of fn for the call: inline for the simple call, else
 * through frame_push. NULL with the exception set when it cannot be built
 * (the argument slots are then still the caller's). */
static ALWAYS_INLINE Frame *call_enter(Function *fn, CallSite *cs, Tuple *kw, FrameKind kind)
{
    if (LIKELY(!kw && frame_is_simple(fn->code, cs->nargs) && frame_admits(fn->code, cs->args)))
        return frame_enter_simple(fn, cs->args, cs->nargs, cs->ret, kind);
    Frame *f = frame_push(fn, cs->args, cs->nargs, kw, cs->ret);
    if (f) f->kind = kind;
    return f;
}

/* What call_setup did: pushed a frame to continue in, or made the call. */
typedef struct CallDone {
    Frame *frame;            /* the callee's frame, or NULL */
    Value *sp;               /* the caller's stack top after it */
    Value res;               /* frame NULL: the result (new reference) or VAL_ERROR */
} CallDone;

/* Make the call at the top of the stack (sp), CALL's n argument values,
 * the last len(kw) of them keyword values named by kw. A scr function, a
 * bound method of one and a class with a scr __init__ are not run here:
 * their frame is pushed and returned for run() to continue in. Any other
 * callee is called at once: no frame, the result or VAL_ERROR (exception
 * set), and the call's slots released (sp at its lowest slot) unless a
 * frame could not be built. */
static ALWAYS_INLINE CallDone call_setup(Value *sp, int n, Tuple *kw)
{
    CallSite cs = call_site(sp, n, kw);
    Value callee = cs.callee;
    Value r;
    if (LIKELY(val_is_obj(callee))) {
        Type *t = val_as_obj(callee)->type;
        Function *fn = NULL;
        if (t == &function_type) {
            fn = (Function *)val_as_obj(callee);
        } else if (t == &method_type) {
            Method *m = (Method *)val_as_obj(callee);
            if (val_is_obj(m->func) && val_as_obj(m->func)->type == &function_type) {
                Value self = m->self;
                incref(self);
                call_insert_first(&cs, &sp, self);
                fn = (Function *)val_as_obj(m->func);
            }
        } else if (t == &type_type && (((Type *)val_as_obj(callee))->flags & TYPE_HEAPTYPE)) {
            /* a class: a bare instance, then its __init__ as a frame of ours */
            Function *init;
            Value obj = class_new_for_init((Type *)val_as_obj(callee), &init);
            if (obj == VAL_ERROR) { r = VAL_ERROR; goto done; }
            if (obj != VAL_UNDEF) {
                call_insert_first(&cs, &sp, obj);
                incref(obj);
                *cs.ret = obj;                 /* the result; the instance holds its class */
                decref(callee);
                return (CallDone){ call_enter(init, &cs, kw, FRAME_INIT), sp, VAL_ERROR };
            }
        } else if (t == &builtin_type) {
            Builtin *b = (Builtin *)val_as_obj(callee);
            if (b->self == VAL_UNDEF) {
                r = b->fn(cs.args, cs.nargs, kw);
            } else {
                Value saved = cs.args[-1];
                cs.args[-1] = b->self;  /* borrowed for the call; the slot's owner is restored below */
                r = b->fn(cs.args - 1, cs.nargs + 1, kw);
                cs.args[-1] = saved;
            }
            goto done;
        }
        if (fn) {
            if (UNLIKELY(fn->code->flags & CO_GENERATOR)) {
                if (UNLIKELY(!frame_push(fn, cs.args, cs.nargs, kw, cs.ret))) return (CallDone){ NULL, sp, VAL_ERROR };
                Generator *g = frame_to_generator(fn, cs.args);
                sp = cs.args;            /* the locals moved into the generator */
                r = g ? val_from_obj(g) : VAL_ERROR;
                goto done;
            }
            return (CallDone){ call_enter(fn, &cs, kw, FRAME_CALL), sp, VAL_ERROR };
        }
    }
    r = obj_call(callee, cs.args, cs.nargs, kw);
done:
    while (sp > cs.ret) decref(*--sp);
    return (CallDone){ NULL, sp, r };
}

/* call_setup out of line, for CALL_KW: one inlined copy (CALL's) keeps the
 * loop small enough for the compiler to keep its registers. */
static __attribute__((noinline)) CallDone call_setup_kw(Value *sp, int n, Tuple *kw)
{
    return call_setup(sp, n, kw);
}

/* ---- the loop ---- */

#define PUSH(v)   (*sp++ = (v))
#define POP()     (*--sp)
#define TOP()     (sp[-1])
#define SECOND()  (sp[-2])
#define ARG       ((int)INSTR_ARG(instr))

/* Before each instruction: ip inside the code, sp inside the frame's
 * operand stack (the compiler's stacksize bounds it). */
#define CHECK_REGS() do { \
        scr_assert(fr == vm.fr && ip >= co->code && ip < co->code + co->ncode); \
        scr_assert(sp >= base + co->nlocals && sp <= base + co->nlocals + co->stacksize); \
    } while (0)

#if USE_COMPUTED_GOTO
#define TARGET(name) L_##name:
#define DISPATCH() do { CHECK_REGS(); instr = *ip++; goto *dispatch_table[INSTR_OP(instr)]; } while (0)
#else
#define TARGET(name) case OP_##name:
#define DISPATCH() goto dispatch
#endif

#define LOAD_REGS() do { co = fr->code; ip = fr->ip; base = fr->base; consts = co->consts; } while (0)

/* Switch the registers to the frame just pushed, at its first instruction. */
#define ENTER_REGS(f) do { \
        fr = (f); co = fr->code; ip = co->code; base = fr->base; consts = co->consts; \
        sp = base + co->nlocals; \
    } while (0)

/* CALL and CALL_KW once the keyword names are off the stack: make the call
 * (call_setup), then go on in the callee's frame or push the result. */
#define CALL_AT_TOP(setup, n, kw) do { \
        fr->ip = ip; \
        CallDone d_ = setup(sp, (n), (kw)); \
        sp = d_.sp; \
        if (d_.frame) { \
            ENTER_REGS(d_.frame); \
            DISPATCH(); \
        } \
        if (d_.res == VAL_ERROR) goto error; \
        PUSH(d_.res); \
        DISPATCH(); \
    } while (0)

static Value run(void)
{
    Frame *fr = vm.fr;
    Code *co;
    Instr *ip;
    Value *base, *consts;
    Value *sp = fr->sp;
    Instr instr;
    Value exc;
    LOAD_REGS();
    if (UNLIKELY(vm.gen_throw != VAL_UNDEF)) {
        /* generator.throw(): raised at the yield the frame is suspended at */
        err_set_exc(vm.gen_throw);
        vm.gen_throw = VAL_UNDEF;
        goto error;
    }

#if USE_COMPUTED_GOTO
    static const void *const dispatch_table[OP__NUM] = {
#define X(name, effect) [OP_##name] = &&L_##name,
        OPCODES(X)
#undef X
    };
    DISPATCH();
    {
#else
dispatch:
    CHECK_REGS();
    instr = *ip++;
    switch (INSTR_OP(instr)) {
#endif

    TARGET(NOP) DISPATCH();

    TARGET(POP_TOP) {
        Value v = POP();
        decref(v);
        DISPATCH();
    }
    TARGET(DUP_TOP) {
        Value v = TOP();
        incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(DUP_TOP_TWO) {
        Value a = sp[-2], b = sp[-1];
        incref(a); incref(b);
        sp[0] = a; sp[1] = b;
        sp += 2;
        DISPATCH();
    }
    TARGET(ROT_TWO) {
        Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t;
        DISPATCH();
    }
    TARGET(ROT_THREE) {
        Value c = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = c;
        DISPATCH();
    }
    TARGET(ROT_FOUR) {
        Value d = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = sp[-4]; sp[-4] = d;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        Value v = consts[ARG];
        incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Value v = base[ARG];
        if (UNLIKELY(v == VAL_UNDEF)) { unbound_local(co, ARG); goto error; }
        incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        Value old = base[ARG];
        base[ARG] = POP();
        decref(old);
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        Value old = base[ARG];
        if (old == VAL_UNDEF) { unbound_local(co, ARG); goto error; }
        base[ARG] = VAL_UNDEF;
        decref(old);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        Cell *c = (Cell *)val_as_obj(base[ARG]);
        Value v = c->v;
        if (UNLIKELY(v == VAL_UNDEF)) { unbound_deref(co, ARG); goto error; }
        incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        Cell *c = (Cell *)val_as_obj(base[ARG]);
        Value old = c->v;
        c->v = POP();
        decref(old);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        Cell *c = (Cell *)val_as_obj(base[ARG]);
        Value old = c->v;
        if (old == VAL_UNDEF) { unbound_deref(co, ARG); goto error; }
        c->v = VAL_UNDEF;
        decref(old);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        Value c = base[ARG];
        incref(c);
        PUSH(c);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        GCacheEntry *e = co->vmcache;     /* the code's own cache, made on first use */
        if (UNLIKELY(e == NULL)) e = gcache_for(co);
        if (LIKELY(e != NULL)) {
            e += ARG;
            Dict *g = fr->globals;
            if (LIKELY(e->globals == g && e->gver == g->version &&
                       (!e->in_builtins || e->bver == interp.builtins->version))) {
                Value v = e->v;
                incref(v);
                PUSH(v);
                DISPATCH();
            }
        }
        Value v = load_global_slow(fr, ARG);
        if (v == VAL_ERROR) goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        Value v = POP();
        int rc = dict_set_str(fr->globals, co->names[ARG], v);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        Str *name = co->names[ARG];
        if (dict_get_str(fr->globals, name) == VAL_UNDEF) { name_error(name); goto error; }
        if (dict_del(fr->globals, str_val(name)) < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        Value o = TOP();
        Value v;
        if (LIKELY(val_is_obj(o)) && (val_as_obj(o)->type->flags & TYPE_HEAPTYPE)) {
            /* an instance of a class: the site's cache (attrcache.h: AttrCache) */
            Obj *ob = val_as_obj(o);
            AttrCache *ac = attr_cache(co, ARG, ob->type);
            if (LIKELY(ac != NULL)) {
                if (LIKELY(ob->type == ac->type && ac->epoch == class_epoch)) {
                    if ((ac->kind & AC_KIND) != AC_PROPERTY) {
                        Dict *d = inst_dict_of(ob);
                        int64_t i = ac->hint;
                        if (LIKELY(d && i >= 0 && i < d->nentries && d->entries[i].key == str_val(co->names[ARG]))) {
                            v = d->entries[i].value;
                            incref(v);
                            sp[-1] = v;
                            decref(o);
                            DISPATCH();
                        }
                    } else if (!(ac->kind & AC_HAS_GETATTR) && val_is_obj(ac->aux) &&
                               val_as_obj(ac->aux)->type == &function_type) {
                        /* a property whose getter is a scr function: [o] -> [fget o], called in place */
                        Function *fn = (Function *)val_as_obj(ac->aux);
                        Code *nco = fn->code;
                        if (frame_is_simple(nco, 1) && frame_admits(nco, sp)) {
                            incref(ac->aux);
                            sp[-1] = ac->aux;
                            *sp++ = o;
                            fr->ip = ip;
                            Frame *nf = frame_enter_simple(fn, sp - 1, 1, sp - 2, FRAME_CALL);
                            ENTER_REGS(nf);
                            DISPATCH();
                        }
                    }
                }
                v = class_getattr_cached(o, co->names[ARG], ac);
                goto load_attr_done;
            }
        }
        v = obj_getattr(o, co->names[ARG]);
    load_attr_done:
        if (v == VAL_ERROR) {
            exc_attribute_error_context(o, co->names[ARG]);
            goto error;
        }
        sp[-1] = v;
        decref(o);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        Value o = sp[-1], v = sp[-2];
        int rc;
        if (LIKELY(val_is_obj(o)) && (val_as_obj(o)->type->flags & TYPE_HEAPTYPE)) {
            Obj *ob = val_as_obj(o);
            AttrCache *ac = attr_cache(co, ARG, ob->type);
            if (LIKELY(ac != NULL)) {
                Dict *d;
                int64_t i = ac->hint;
                if (LIKELY(ob->type == ac->type && ac->epoch == class_epoch && (ac->kind & AC_STORE_DICT) &&
                           (d = inst_dict_of(ob)) != NULL && i >= 0 && i < d->nentries &&
                           d->entries[i].key == str_val(co->names[ARG]) && gc_is_embedded((Obj *)d))) {
                    /* replace the value in place: nobody else sees an embedded
                     * dict (gc.h), so its version need not move */
                    Value old = d->entries[i].value;
                    incref(v);
                    d->entries[i].value = v;
                    decref(old);
                    rc = 0;
                } else {
                    rc = class_setattr_cached(o, co->names[ARG], v, ac);
                }
                goto store_attr_done;
            }
        }
        rc = obj_setattr(o, co->names[ARG], v);
    store_attr_done:
        sp -= 2;
        decref(o);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        Value o = POP();
        int rc = obj_setattr(o, co->names[ARG], VAL_UNDEF);
        decref(o);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        Value o = TOP();
        bool is_method = false;
        Value f;
        if (LIKELY(val_is_obj(o)) && (val_as_obj(o)->type->flags & TYPE_HEAPTYPE)) {
            Obj *ob = val_as_obj(o);
            AttrCache *ac = attr_cache(co, ARG, ob->type);
            if (LIKELY(ac != NULL)) {
                if (LIKELY(ob->type == ac->type && ac->epoch == class_epoch && (ac->kind & AC_KIND) == AC_METHOD)) {
                    /* a function of the class, unless the instance dict shadows it */
                    Dict *d = inst_dict_of(ob);
                    if (!d || d->used == 0 || dict_get_str(d, co->names[ARG]) == VAL_UNDEF) {
                        f = ac->descr;
                        incref(f);
                        sp[-1] = f | METHOD_MARK;
                        PUSH(o);
                        DISPATCH();
                    }
                }
                f = class_getmethod_cached(o, co->names[ARG], ac, &is_method);
                goto load_method_done;
            }
        }
        f = obj_get_method(o, co->names[ARG], &is_method);
    load_method_done:
        if (f == VAL_ERROR) {
            exc_attribute_error_context(o, co->names[ARG]);
            goto error;
        }
        if (is_method && val_is_obj(f)) {
            sp[-1] = f | METHOD_MARK;
            PUSH(o);
        } else {
            sp[-1] = f;
            decref(o);
            PUSH(VAL_UNDEF);
        }
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Value k = sp[-1], o = sp[-2];
        Value r;
        if (val_is_int(k) && val_is_obj(o)) {
            Type *t = val_as_obj(o)->type;
            int64_t i = val_as_int(k);
            if (t == &list_type) {
                List *l = (List *)val_as_obj(o);
                if (i < 0) i += l->len;
                if ((uint64_t)i < (uint64_t)l->len) {
                    r = l->items[i];
                    incref(r);
                    sp--;
                    sp[-1] = r;
                    decref(o);
                    DISPATCH();
                }
            } else if (t == &tuple_type) {
                Tuple *tu = (Tuple *)val_as_obj(o);
                if (i < 0) i += tu->len;
                if ((uint64_t)i < (uint64_t)tu->len) {
                    r = tu->items[i];
                    incref(r);
                    sp--;
                    sp[-1] = r;
                    decref(o);
                    DISPATCH();
                }
            }
        }
        r = obj_getitem(o, k);
        sp -= 2;
        decref(o);
        decref(k);
        if (r == VAL_ERROR) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        Value k = sp[-1], o = sp[-2], v = sp[-3];
        if (val_is_int(k) && val_is_list(o)) {
            List *l = val_as_list(o);
            int64_t i = val_as_int(k);
            if (i < 0) i += l->len;
            if ((uint64_t)i < (uint64_t)l->len) {
                Value old = l->items[i];
                l->items[i] = v;         /* the stack's reference moves into the list */
                sp -= 3;
                decref(old);
                decref(o);
                DISPATCH();
            }
        }
        int rc = obj_setitem(o, k, v);
        sp -= 3;
        decref(k);
        decref(o);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        Value k = sp[-1], o = sp[-2];
        int rc = obj_delitem(o, k);
        sp -= 2;
        decref(o);
        decref(k);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        Value step = VAL_NONE;
        if (ARG == 3) step = POP();
        Value hi = POP(), lo = POP();
        Value s = slice_new(lo, hi, step);
        decref(lo);
        decref(hi);
        decref(step);
        if (s == VAL_ERROR) goto error;
        PUSH(s);
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Value b = sp[-1], a = sp[-2];
        int op = ARG;
        if (op >= BINOP__COUNT) op -= BINOP__COUNT;
        if (val_is_int(a) && val_is_int(b)) {
            int64_t x = val_as_int(a), y = val_as_int(b), r;
            if (op == BINOP_ADD) { r = x + y; goto int_done; }
            if (op == BINOP_SUB) { r = x - y; goto int_done; }
            switch (op) {
            case BINOP_ADD: r = x + y; goto int_done;
            case BINOP_SUB: r = x - y; goto int_done;
            case BINOP_MUL:
                if (__builtin_mul_overflow(x, y, &r)) break;
                goto int_done;
            case BINOP_FLOORDIV:
                if (y == 0) break;
                r = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
                goto int_done;
            case BINOP_MOD:
                if (y == 0) break;
                r = x % y;
                if (r != 0 && ((r < 0) != (y < 0))) r += y;
                goto int_done;
            case BINOP_TRUEDIV:
                if (y == 0) break;
                sp--;
                sp[-1] = val_from_float((double)x / (double)y);
                DISPATCH();
            case BINOP_AND: r = x & y; goto int_done;
            case BINOP_OR: r = x | y; goto int_done;
            case BINOP_XOR: r = x ^ y; goto int_done;
            default: break;
            }
            goto binop_slow;
        int_done:
            if (LIKELY(int_fits_inline(r))) {
                sp--;
                sp[-1] = val_from_int(r);
                DISPATCH();
            }
            goto binop_slow;
        }
        if (val_is_float(a) && val_is_float(b)) {
            double x = val_as_float(a), y = val_as_float(b), r;
            switch (op) {
            case BINOP_ADD: r = x + y; break;
            case BINOP_SUB: r = x - y; break;
            case BINOP_MUL: r = x * y; break;
            case BINOP_TRUEDIV:
                if (y == 0.0) goto binop_slow;
                r = x / y;
                break;
            default: goto binop_slow;
            }
            sp--;
            sp[-1] = val_from_float(r);
            DISPATCH();
        }
    binop_slow: {
            Value res = op_binary(op, a, b, ARG >= BINOP__COUNT);
            sp -= 2;
            decref(a);
            decref(b);
            if (res == VAL_ERROR) goto error;
            PUSH(res);
            DISPATCH();
        }
    }
    TARGET(UNARY_OP) {
        Value a = TOP();
        Value r;
        if (ARG == UOP_NOT) {
            int t;
            if (a == VAL_TRUE) t = 1;
            else if (a == VAL_FALSE || a == VAL_NONE) t = 0;
            else if (val_is_int(a)) t = val_as_int(a) != 0;
            else {
                t = obj_truth(a);
                if (t < 0) goto error;
            }
            sp[-1] = val_from_bool(!t);
            decref(a);
            DISPATCH();
        }
        if (ARG == UOP_NEG && val_is_int(a)) {
            r = int_result(-val_as_int(a));
            if (r == VAL_ERROR) goto error;
            sp[-1] = r;
            DISPATCH();
        }
        r = op_unary(ARG, a);
        if (r == VAL_ERROR) goto error;
        sp[-1] = r;
        decref(a);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Value b = sp[-1], a = sp[-2];
        int op = ARG;
        int res;
        if (val_is_int(a) && val_is_int(b) && op <= CMP_GE) {
            res = cmp_holds_i64(op, val_as_int(a), val_as_int(b));
            goto cmp_done;
        }
        if (val_is_float(a) && val_is_float(b) && op <= CMP_GE) {
            res = cmp_holds_double(op, val_as_float(a), val_as_float(b));
            goto cmp_done;
        }
        if (op == CMP_IS || op == CMP_IS_NOT) {
            res = op_is(a, b) == (op == CMP_IS);
            decref(a);
            decref(b);
            goto cmp_done;
        }
        {
            Value r = op_compare(op, a, b);
            sp -= 2;
            decref(a);
            decref(b);
            if (r == VAL_ERROR) goto error;
            PUSH(r);
            DISPATCH();
        }
    cmp_done:
        sp -= 2;
        {
            Instr next = *ip;
            if (INSTR_OP(next) == OP_POP_JUMP_IF_FALSE) {
                ip++;
                if (!res) ip = co->code + INSTR_ARG(next);
                DISPATCH();
            }
            if (INSTR_OP(next) == OP_POP_JUMP_IF_TRUE) {
                ip++;
                if (res) ip = co->code + INSTR_ARG(next);
                DISPATCH();
            }
        }
        PUSH(val_from_bool(res));
        DISPATCH();
    }
    TARGET(JUMP) {
        if (UNLIKELY(vm_sigint)) goto interrupted;
        ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v == VAL_FALSE) { ip = co->code + ARG; DISPATCH(); }
        if (v == VAL_TRUE) DISPATCH();
        int t = val_is_int(v) ? val_as_int(v) != 0 : v == VAL_NONE ? 0 : obj_truth(v);
        decref(v);
        if (t < 0) goto error;
        if (!t) ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v == VAL_TRUE) { ip = co->code + ARG; DISPATCH(); }
        if (v == VAL_FALSE) DISPATCH();
        int t = val_is_int(v) ? val_as_int(v) != 0 : v == VAL_NONE ? 0 : obj_truth(v);
        decref(v);
        if (t < 0) goto error;
        if (t) ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        Value v = TOP();
        int t = v == VAL_TRUE ? 1 : v == VAL_FALSE ? 0 : obj_truth(v);
        if (t < 0) goto error;
        if (!t) { ip = co->code + ARG; DISPATCH(); }
        sp--;
        decref(v);
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        Value v = TOP();
        int t = v == VAL_TRUE ? 1 : v == VAL_FALSE ? 0 : obj_truth(v);
        if (t < 0) goto error;
        if (t) { ip = co->code + ARG; DISPATCH(); }
        sp--;
        decref(v);
        DISPATCH();
    }
    TARGET(GET_ITER) {
        Value o = TOP();
        Value it = obj_iter(o);
        if (it == VAL_ERROR) goto error;
        sp[-1] = it;
        decref(o);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Value itv = TOP();
        Obj *it = val_as_obj(itv);
        Value v;
        if (it->type == &range_iter_type) {
            RangeIter *r = (RangeIter *)it;
            if (r->remaining > 0) {
                int64_t c = r->next;
                r->next += r->step;
                r->remaining--;
                if (LIKELY(int_fits_inline(c))) { PUSH(val_from_int(c)); DISPATCH(); }
                v = int_from_i64(c);
                if (v == VAL_ERROR) goto error;
                PUSH(v);
                DISPATCH();
            }
        } else if (it->type == &list_iterator_type || it->type == &tuple_iterator_type) {
            SeqIter *s = (SeqIter *)it;
            v = it->type == &list_iterator_type ? seqiter_list_item(s) : seqiter_tuple_item(s);
            if (v != VAL_UNDEF) {
                incref(v);
                PUSH(v);
                DISPATCH();
            }
            obj_next(itv);      /* at the end: marks the iterator exhausted, cannot fail */
        } else {
            v = obj_next(itv);
            if (v == VAL_ERROR) goto error;
            if (v != VAL_UNDEF) { PUSH(v); DISPATCH(); }
        }
        sp--;
        decref(itv);
        ip = co->code + ARG;
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        int n = ARG;
        List *l = list_new(n);
        if (!l) goto error;
        sp -= n;
        if (n > 0) memcpy(l->items, sp, (size_t)n * sizeof(Value));
        l->len = n;
        PUSH(val_from_obj(l));
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        int n = ARG;
        Tuple *t = tuple_new(n);
        if (!t) goto error;
        sp -= n;
        if (n > 0) memcpy(t->items, sp, (size_t)n * sizeof(Value));
        PUSH(val_from_obj(t));
        DISPATCH();
    }
    TARGET(BUILD_DICT) {
        int n = ARG;
        Dict *d = dict_new_presized(n);
        if (!d) goto error;
        Value *items = sp - 2 * n;
        int rc = 0;
        for (int i = 0; i < n && rc == 0; i++) rc = dict_set(d, items[2 * i], items[2 * i + 1]);
        while (sp > items) decref(*--sp);
        if (rc < 0) { obj_decref(d); goto error; }
        PUSH(val_from_obj(d));
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        Value v = POP();
        int rc = list_append_steal(val_as_list(sp[-ARG]), v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DICT_SET) {
        Value v = sp[-1], k = sp[-2];
        int rc = dict_set(val_as_dict(sp[-2 - ARG]), k, v);
        sp -= 2;
        decref(k);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        Value it = POP();
        int rc = list_extend(val_as_list(TOP()), it);
        if (rc < 0 && ARG && err_matches(&exc_TypeError) && !val_type(it)->iter) {
            /* 1: [*x] in a display; 2: f(*x), the callee below the list */
            err_clear();
            if (ARG == 2) {
                char name[200];
                callable_name(sp[-2], name, sizeof name);
                err_format(&exc_TypeError, "%s argument after * must be an iterable, not %s", name, val_type_name(it));
            } else {
                err_format(&exc_TypeError, "Value after * must be an iterable, not %s", val_type_name(it));
            }
        }
        decref(it);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        int n = ARG;
        Value seq = TOP();
        Value *items = NULL;
        int64_t len = -1;
        if (val_is_tuple(seq)) { items = val_as_tuple(seq)->items; len = val_as_tuple(seq)->len; }
        else if (val_is_list(seq)) { items = val_as_list(seq)->items; len = val_as_list(seq)->len; }
        if (items || len == 0) {
            if (len == n) {
                sp--;
                for (int i = 0; i < n; i++) { incref(items[i]); sp[n - 1 - i] = items[i]; }
                sp += n;
                decref(seq);
                DISPATCH();
            }
            if (len < n)
                err_format(&exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, (int)len);
            else
                err_format(&exc_ValueError, "too many values to unpack (expected %d)", n);
            goto error;
        }
        if (unpack_iterable(seq, n, sp - 1 + 1) < 0) goto error;
        /* values were written above seq; slide them down over it */
        memmove(sp - 1, sp, (size_t)n * sizeof(Value));
        sp += n - 1;
        decref(seq);
        DISPATCH();
    }
    TARGET(CALL) {
        if (UNLIKELY(vm_sigint)) goto interrupted;
        CALL_AT_TOP(call_setup, ARG & ~CALL_METHOD, NULL);
    }
    TARGET(CALL_KW) {
        Value kwv = POP();
        Tuple *kw = val_as_tuple(kwv);
        decref(kwv);            /* the constant table keeps it alive */
        if (UNLIKELY(vm_sigint)) goto interrupted;
        CALL_AT_TOP(call_setup_kw, ARG & ~CALL_METHOD, kw);
    }
    TARGET(MAKE_FUNCTION) {
        Value code = POP();
        Value closure = (ARG & MF_CLOSURE) ? POP() : VAL_UNDEF;
        Value kwdefaults = (ARG & MF_KWDEFAULTS) ? POP() : VAL_UNDEF;
        Value defaults = (ARG & MF_DEFAULTS) ? POP() : VAL_UNDEF;
        Value f = make_function((Code *)val_as_obj(code), fr->globals, defaults, closure);
        if (kwdefaults != VAL_UNDEF) {
            if (f != VAL_ERROR) ((Function *)val_as_obj(f))->kwdefaults = val_as_dict(kwdefaults);
            else decref(kwdefaults);
        }
        decref(code);
        if (closure != VAL_UNDEF) decref(closure);
        if (defaults != VAL_UNDEF) decref(defaults);
        if (f == VAL_ERROR) goto error;
        PUSH(f);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        Value res = POP();
        /* locals first to last, as CPython clears a frame (__del__ order) */
        for (Value *q = base; q < sp; q++) { Value v = *q; *q = VAL_UNDEF; decref(v); }
        Value *r = fr->ret;
        if (UNLIKELY(fr->kind == FRAME_INIT)) {
            /* the instance waits in *r; base - 1 == r */
            interp.depth--;
            fr--;
            vm.fr = fr;
            sp = r + 1;
            LOAD_REGS();
            if (res != VAL_NONE) {
                err_format(&exc_TypeError, "__init__() should return None, not '%s'", val_type_name(res));
                decref(res);
                goto error;
            }
            DISPATCH();
        }
        for (Value *q = base - 1; q >= r; q--) decref(*q);
        interp.depth--;
        if (fr->kind == FRAME_ENTRY) {
            vm.fr = fr - 1;
            return res;
        }
        fr--;
        vm.fr = fr;
        *r = res;
        sp = r + 1;
        LOAD_REGS();
        DISPATCH();
    }
    TARGET(RAISE) {
        if (ARG == 0) {
            if (vm.handled == VAL_UNDEF || vm.handled == VAL_NONE) {
                err_set(&exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            exc = vm.handled;
            incref(exc);
            goto unwind;
        }
        Value cause = VAL_UNDEF;
        if (ARG == 2) cause = POP();
        Value v = POP();
        exc = make_exception(v);
        decref(v);
        if (exc == VAL_ERROR) { if (cause != VAL_UNDEF) decref(cause); goto error; }
        if (cause != VAL_UNDEF) {
            Value c;
            if (cause == VAL_NONE) {
                c = VAL_FALSE;         /* `from None`: see runtime/objects/exception.c */
            } else {
                c = make_exception(cause);
                if (c == VAL_ERROR) {
                    decref(cause);
                    decref(exc);
                    if (err_matches(&exc_TypeError)) {
                        err_clear();
                        err_set(&exc_TypeError, "exception causes must derive from BaseException");
                    }
                    goto error;
                }
            }
            decref(cause);
            Exc *e = (Exc *)val_as_obj(exc);
            Value old = e->cause;
            e->cause = c;
            decref(old);
        }
        set_context(exc);
        goto traceback_here;
    }
    TARGET(PUSH_EXC_INFO) {
        Value e = TOP();
        sp[-1] = vm.handled;
        incref(e);
        vm.handled = e;
        PUSH(e);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        Value old = vm.handled;
        vm.handled = POP();
        decref(old);
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        Value cls = TOP();
        if (check_exc_class(cls) < 0) goto error;
        bool m = exc_matches(SECOND(), cls);
        sp[-1] = val_from_bool(m);
        decref(cls);
        DISPATCH();
    }
    TARGET(RERAISE) {
        exc = POP();
        goto unwind;
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(val_from_obj(&exc_AssertionError));
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        Value m = module_import(co->names[ARG]);
        if (m == VAL_ERROR) goto error;
        PUSH(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        Value v = import_from(TOP(), co->names[ARG]);
        if (v == VAL_ERROR) goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        Value v = POP();
        int rc = print_expr(v);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        obj_incref(&class_build_class_fn);
        PUSH(val_from_obj(&class_build_class_fn));
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        int n = ARG;
        Set *s = set_new(&set_type, VAL_UNDEF);
        if (!s) goto error;
        Value *items = sp - n;
        int rc = 0;
        for (int i = 0; i < n && rc == 0; i++) rc = set_add(s, items[i]);
        while (sp > items) decref(*--sp);
        if (rc < 0) { obj_decref(s); goto error; }
        PUSH(val_from_obj(s));
        DISPATCH();
    }
    TARGET(SET_ADD) {
        Value v = POP();
        int rc = set_add(val_as_set(sp[-ARG]), v);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        Value it = POP();
        int rc = set_update(val_as_set(sp[-ARG]), it);
        decref(it);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        int flags = ARG;
        Value spec = (flags & FV_SPEC) ? POP() : VAL_UNDEF;
        Value v = POP();
        Value r = format_field(v, flags, spec);
        decref(v);
        xdecref(spec);
        if (r == VAL_ERROR) goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        int n = ARG;
        Value *items = sp - n;
        int64_t total = 0;
        for (int i = 0; i < n; i++) total += val_as_str(items[i])->len;
        Str *s = str_alloc(total);
        if (s) {
            int64_t at = 0;
            for (int i = 0; i < n; i++) {
                Str *x = val_as_str(items[i]);
                memcpy(s->data + at, x->data, (size_t)x->len);
                at += x->len;
            }
            s->data[total] = 0;
            str_finish(s);
        }
        while (sp > items) decref(*--sp);
        if (!s) goto error;
        PUSH(str_val(s));
        DISPATCH();
    }

    /* ---- class bodies and with ---- */
    TARGET(LOAD_NAME) {
        Str *name = co->names[ARG];
        Value v = dict_get_str(val_as_dict(base[0]), name);
        if (v == VAL_UNDEF) v = dict_get_str(fr->globals, name);
        if (v == VAL_UNDEF && interp.builtins) v = dict_get_str(interp.builtins, name);
        if (v == VAL_UNDEF) { name_error(name); goto error; }
        incref(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        Value v = POP();
        int rc = dict_set_str(val_as_dict(base[0]), co->names[ARG], v);
        decref(v);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        Str *name = co->names[ARG];
        if (dict_get_str(val_as_dict(base[0]), name) == VAL_UNDEF) { name_error(name); goto error; }
        if (dict_del(val_as_dict(base[0]), str_val(name)) < 0) goto error;
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        Value mgr = TOP();
        Value exitf = VAL_UNDEF;
        Value res = class_enter(mgr, &exitf);
        if (res == VAL_ERROR) goto error;
        sp[-1] = exitf;
        decref(mgr);
        PUSH(res);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        Value e = sp[-1];
        Value args[3] = { val_from_obj(val_type(e)), e, VAL_NONE };
        Value r = obj_call(sp[-3], args, 3, NULL);
        if (r == VAL_ERROR) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        Value v = POP();
        Generator *g = fr->gen;
        int32_t n = (int32_t)(sp - base);
        memcpy(g->frame, base, (size_t)n * sizeof(Value));
        g->nframe = n;
        g->ip = (int32_t)(ip - co->code);
        interp.depth--;
        vm.fr = fr - 1;
        vm.yielded = true;
        return v;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        Value o = TOP();
        if (!(val_is_obj(o) && val_as_obj(o)->type == &generator_type)) {
            Value it = obj_iter(o);
            if (it == VAL_ERROR) goto error;
            sp[-1] = it;
            decref(o);
        }
        DISPATCH();
    }
    TARGET(SEND) {
        Value v = POP();
        Value it = TOP();
        int done = 0;
        Value r;
        if (val_is_obj(it) && val_as_obj(it)->type == &generator_type) {
            r = gen_send((Generator *)val_as_obj(it), v, &done);
        } else if (v == VAL_NONE) {
            r = obj_next(it);
            if (r == VAL_UNDEF) { done = 1; r = VAL_NONE; }
        } else {
            Value m = obj_getattr_cstr(it, "send");
            r = m == VAL_ERROR ? VAL_ERROR : obj_call(m, &v, 1, NULL);
            xdecref(m);
            if (r == VAL_ERROR && err_matches(&exc_StopIteration)) {
                Value e = err_fetch();
                r = ((Exc *)val_as_obj(e))->value;
                incref(r);
                decref(e);
                done = 1;
            }
        }
        decref(v);
        if (r == VAL_ERROR) goto error;
        if (done) {
            sp--;
            decref(it);
            PUSH(r);
            ip = co->code + ARG;
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }
    TARGET(CALL_EX) {
        Value kwargs = (ARG & 1) ? POP() : VAL_UNDEF;
        Value argt = POP();
        Value f = POP();
        Value res = call_ex(f, val_as_tuple(argt), kwargs == VAL_UNDEF ? NULL : val_as_dict(kwargs));
        decref(f);
        decref(argt);
        xdecref(kwargs);
        if (res == VAL_ERROR) goto error;
        PUSH(res);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        List *l = val_as_list(TOP());
        Tuple *t = tuple_from_array(l->items, l->len);
        if (!t) goto error;
        decref(sp[-1]);
        sp[-1] = val_from_obj(t);
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        Value m = POP();
        int rc = dict_update_mapping(val_as_dict(sp[-ARG]), m, NULL);
        decref(m);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        Value m = POP();
        /* the callee sits below the argument tuple: [f args dict] */
        int rc = dict_update_mapping(val_as_dict(sp[-ARG]), m, &sp[-ARG - 2]);
        decref(m);
        if (rc < 0) goto error;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        int before = ARG & 0xff, after = ARG >> 8;
        Value seq = POP();
        Value lv = list_from_iterable(seq);
        if (lv == VAL_ERROR) {
            if (err_matches(&exc_TypeError) && !val_type(seq)->iter) {
                err_clear();
                err_format(&exc_TypeError, "cannot unpack non-iterable %s object", val_type_name(seq));
            }
            decref(seq);
            goto error;
        }
        decref(seq);
        List *l = val_as_list(lv);
        int64_t n = l->len;
        if (n < before + after) {
            err_format(&exc_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
                       before + after, (long long)n);
            decref(lv);
            goto error;
        }
        List *mid = list_new(n - before - after);
        if (!mid) { decref(lv); goto error; }
        for (int64_t i = before; i < n - after; i++) { incref(l->items[i]); mid->items[mid->len++] = l->items[i]; }
        for (int64_t i = n - 1; i >= n - after; i--) { incref(l->items[i]); PUSH(l->items[i]); }
        PUSH(val_from_obj(mid));
        for (int64_t i = before - 1; i >= 0; i--) { incref(l->items[i]); PUSH(l->items[i]); }
        decref(lv);
        DISPATCH();
    }

#if !USE_COMPUTED_GOTO
    default:
        err_format(&exc_SystemError, "unknown opcode %d", (int)INSTR_OP(instr));
        goto error;
#endif
    }

interrupted:
    vm_sigint = 0;
    exc = exc_new(&exc_KeyboardInterrupt, NULL, 0);
    if (exc != VAL_ERROR) err_set_exc(exc);
error:
    exc = err_fetch();
    if (exc == VAL_UNDEF) {
        err_set(&exc_SystemError, "error return without exception set");
        exc = err_fetch();
    }
    set_context(exc);
traceback_here:
    exc_add_traceback(exc, co, co->lines ? co->lines[ip - co->code - 1] : co->firstline, (int)(ip - co->code - 1));
unwind:
    for (;;) {
        int32_t at = (int32_t)(ip - co->code - 1);
        ExcHandler *h = NULL;
        for (int32_t i = 0; i < co->nhandlers; i++) {
            if (co->handlers[i].start <= at && at < co->handlers[i].end) { h = &co->handlers[i]; break; }
        }
        if (h) {
            Value *to = base + co->nlocals + h->depth;
            while (sp > to) decref(*--sp);
            PUSH(exc);
            ip = co->code + h->target;
            DISPATCH();
        }
        while (sp > base) decref(*--sp);
        interp.depth--;
        if (fr->kind == FRAME_ENTRY) {
            for (Value *q = base - 1; q >= fr->ret; q--) decref(*q);
            vm.fr = fr - 1;
            err_set_exc(exc);
            return VAL_ERROR;
        }
        sp = base;               /* the call's own slots below base are the caller's to release */
        fr--;
        vm.fr = fr;
        LOAD_REGS();
        exc_add_traceback(exc, co, co->lines ? co->lines[ip - co->code - 1] : co->firstline, (int)(ip - co->code - 1));
    }
}
