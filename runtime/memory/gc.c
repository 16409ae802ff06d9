/* gc.c — the generational cycle collector, after CPython 3.11's
 * Modules/gcmodule.c.
 *
 * Reference counting frees an object when its count reaches zero, which never
 * happens to a group of containers referring to each other. Every container
 * is therefore linked into one of three generation lists (its GCHead, in
 * front of the object). A collection of generations 0..g needs no roots:
 *   1. copy each object's refcount into gc_refs;
 *   2. traverse every object and subtract one for each reference it holds to
 *      an object of the collected set: what keeps gc_refs > 0 is referred to
 *      from outside (a VM stack slot, a static, an older generation);
 *   3. scan the list: an object with gc_refs > 0 is reachable and makes what
 *      it refers to reachable (appended to the list's tail, so the scan itself
 *      is the work queue: no recursion however deep the structure); one with
 *      gc_refs == 0 moves, tentatively, to the unreachable list;
 *   4. clear() each unreachable object, which drops its references so that
 *      reference counting frees the whole group.
 * Survivors move to the next generation. Young collections run when
 * container allocations minus deallocations exceed threshold 0; older ones
 * after threshold 1/2 younger collections, the oldest only when enough new
 * long-lived objects accumulated (linear, not quadratic, building time).
 */
#include "memory/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "memory/mem.h"
#include "core/debug.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/weakref.h"
#include "core/interp.h"

/* Bits of GCHead.refs during a collection; gc_refs lives above them and
 * the lasting flags of gc.h (GC_KEEP) beside them. */
#define COLLECTING   ((intptr_t)1)   /* in the generations being collected */
#define UNREACHABLE  ((intptr_t)2)   /* on the tentatively-unreachable list */
#define REFS_ONE     ((intptr_t)1 << GC_REFS_SHIFT)

static inline intptr_t gc_refs(const GCHead *g) { return g->refs >> GC_REFS_SHIFT; }
/* Replace gc_refs and the collection bits, keeping the lasting flags. */
static inline void set_refs(GCHead *g, intptr_t refs, intptr_t bits)
{
    g->refs = (refs << GC_REFS_SHIFT) | bits | (g->refs & GC_KEEP);
}

typedef struct Generation {
    GCHead head;                 /* circular list of the generation's objects */
    intptr_t threshold;
    intptr_t count;              /* gen 0: allocations - deallocations; else collections of the younger one */
} Generation;

#define GEN_INIT(i, t) { { &state.gen[i].head, &state.gen[i].head, 0 }, (t), 0 }

static struct {
    Generation gen[GC_NGENERATIONS];
    GCHead permanent;            /* gc.freeze(): never collected */
    GCGenStats stats[GC_NGENERATIONS];
    intptr_t long_lived_total;   /* survivors of the last full collection */
    intptr_t long_lived_pending; /* objects promoted to gen 2 since */
    intptr_t trigger;            /* gen[0].count that makes gc_alloc look: see update_trigger */
    bool enabled, collecting, stress;
    int debug;
    List *garbage, *callbacks;
} state = {
    .gen = { GEN_INIT(0, 700), GEN_INIT(1, 10), GEN_INIT(2, 10) },
    .permanent = { &state.permanent, &state.permanent, 0 },
    .trigger = 701,
    .enabled = true,
};

/* ---- lists ---- */

static inline void gc_list_init(GCHead *l) { l->next = l->prev = l; }
static inline bool gc_list_is_empty(const GCHead *l) { return l->next == l; }

static inline void gc_list_append(GCHead *g, GCHead *l)
{
    GCHead *last = l->prev;
    g->prev = last;
    g->next = l;
    last->next = g;
    l->prev = g;
}

static inline void gc_list_remove(GCHead *g)
{
    g->prev->next = g->next;
    g->next->prev = g->prev;
}

static inline void gc_list_move(GCHead *g, GCHead *to)
{
    gc_list_remove(g);
    gc_list_append(g, to);
}

/* Append all of from to to; from ends empty. */
static void gc_list_merge(GCHead *from, GCHead *to)
{
    if (gc_list_is_empty(from)) return;
    GCHead *last = to->prev;
    last->next = from->next;
    from->next->prev = last;
    to->prev = from->prev;
    from->prev->next = to;
    gc_list_init(from);
}

static intptr_t gc_list_size(const GCHead *l)
{
    intptr_t n = 0;
    for (const GCHead *g = l->next; g != l; g = g->next) n++;
    return n;
}

static inline Obj *head_obj(GCHead *g) { return (Obj *)(g + 1); }

/* ---- invariants (SCR_DEBUG) ----
 * As CPython's validate_list in debug builds: at each step of a collection
 * every object of a list carries exactly the collection bits that step
 * expects, the links run both ways, and only heap containers of positive
 * refcount that are not embedded dicts are on a list. Costs O(list) per
 * call; the lists checked are those of the generations being collected (and
 * generation 1 in young collections), so the cost stays a constant factor
 * of the collection's own. */
#ifdef SCR_DEBUG
static void gc_validate_list(const GCHead *l, intptr_t bits)
{
    const GCHead *prev = l;
    for (const GCHead *g = l->next; g != l; prev = g, g = g->next) {
        const Obj *o = (const Obj *)(g + 1);
        scr_assert(g->prev == prev);
        scr_assert((g->refs & (COLLECTING | UNREACHABLE)) == bits);
        scr_assert(!(g->refs & GC_EMBEDDED));
        scr_assert(o->refcnt > 0);
        scr_assert(gc_has_head(o));
    }
    scr_assert(l->prev == prev);
}
#else
#define gc_validate_list(l, bits) ((void)0)
#endif

/* ---- tracking ---- */

/* Automatic collections are looked at when gen[0].count reaches the trigger:
 * threshold 0 + 1 normally (CPython collects when count > threshold), 0 in
 * stress mode (every container allocation), never when disabled or when
 * threshold 0 is 0 (stress mode included). */
static void update_trigger(void)
{
    intptr_t t0 = state.gen[0].threshold;
    if (!state.enabled || t0 <= 0) state.trigger = INTPTR_MAX;
    else if (state.stress) state.trigger = 0;
    else state.trigger = t0 < INTPTR_MAX ? t0 + 1 : INTPTR_MAX;
}

void gc_track(Obj *o)
{
    if (!gc_has_head(o)) return;
    GCHead *g = gc_head(o);
    if (g->next || (g->refs & GC_EMBEDDED)) return;
    scr_assert(o->refcnt > 0);   /* tracking an object being freed would leave a dangling link */
    g->refs &= GC_KEEP;
    gc_list_append(g, &state.gen[0].head);
}

bool gc_may_be_tracked(Value v)
{
    if (!val_is_obj(v)) return false;
    Obj *o = val_as_obj(v);
    if (!(o->type->flags & TYPE_CONTAINER)) return false;
    if (o->type == &tuple_type) return gc_is_tracked(o);
    return true;
}

static bool collect_generations(void);
static void stress_collect(void);

/* Out of line so that gc_alloc's common path stays short. */
static __attribute__((noinline)) void maybe_collect(void)
{
    if (state.collecting || err_occurred()) return;
    state.collecting = true;
    /* The schedule is looked at only when threshold 0 is passed, as without
     * stress (CPython consults it on that allocation only). */
    bool ran = state.gen[0].count > state.gen[0].threshold && collect_generations();
    if (!ran && state.stress) stress_collect();
    state.collecting = false;
}

void *gc_alloc(Type *t, size_t size)
{
    if (state.gen[0].count >= state.trigger) maybe_collect();
    if (size > SIZE_MAX - sizeof(GCHead)) {
        err_no_memory();
        return NULL;
    }
    GCHead *g = mem_alloc(sizeof(GCHead) + size);
    if (!g) {
        err_no_memory();
        return NULL;
    }
    /* Zeroed so that a dealloc or a traverse running on a half-built object
     * sees NULL/0 fields rather than garbage. */
    memset(g, 0, sizeof(GCHead) + size);
    Obj *o = head_obj(g);
    o->refcnt = 1;
    o->type = t;
    state.gen[0].count++;
    /* CPython 3.11: a dict is tracked only once something that may be part
     * of a cycle is stored in it (runtime/objects/dict.c). */
    if (t != &dict_type) gc_list_append(g, &state.gen[0].head);
    return o;
}

void gc_free(Obj *o)
{
    GCHead *g = gc_head(o);
    if (g->next) gc_list_remove(g);
    if (state.gen[0].count > 0) state.gen[0].count--;
    mem_free(g);
}

bool gc_finalize_from_dealloc(Obj *o)
{
    if (!o->type->finalize || !gc_mark_finalized(o)) return false;
    o->refcnt = 1;
    o->type->finalize(o);
    if (--o->refcnt > 0) {
        gc_track(o);
        return true;
    }
    return false;
}

/* ---- the collection ---- */

static inline bool is_collecting(Obj *o)
{
    return gc_has_head(o) && (gc_head(o)->refs & COLLECTING);
}

static void visit_decref(Obj *o, void *arg)
{
    (void)arg;
    if (is_collecting(o)) {
        /* Below zero: a traverse visits a reference its object does not own. */
        scr_assert(gc_refs(gc_head(o)) > 0);
        gc_head(o)->refs -= REFS_ONE;
    }
}

static void visit_reachable(Obj *o, void *arg)
{
    if (!is_collecting(o)) return;   /* atom, static, older generation, or already scanned */
    GCHead *g = gc_head(o), *young = arg;
    if (g->refs & UNREACHABLE) {
        /* Tentatively unreachable, but referred to by a reachable object:
         * back to the young list's tail, to be scanned in turn. */
        gc_list_move(g, young);
        set_refs(g, 1, COLLECTING);
    } else if (gc_refs(g) < 1) {
        set_refs(g, 1, COLLECTING);        /* not scanned yet: will be as reachable */
    }
}

static inline void traverse(Obj *o, VisitProc visit, void *arg)
{
    if (o->type->traverse) o->type->traverse(o, visit, arg);
}

/* gc_refs = refcount, minus the references from inside the collected set. */
static void update_refs(GCHead *young)
{
    for (GCHead *g = young->next; g != young; g = g->next) {
        scr_assert(head_obj(g)->refcnt > 0);
        set_refs(g, head_obj(g)->refcnt, COLLECTING);
    }
    for (GCHead *g = young->next; g != young; g = g->next)
        traverse(head_obj(g), visit_decref, NULL);
}

static int tuple_items_untracked(Obj *o)
{
    Tuple *t = (Tuple *)o;
    for (int64_t i = 0; i < t->len; i++)
        if (gc_may_be_tracked(t->items[i])) return 0;
    return 1;
}

static int dict_items_untracked(Obj *o)
{
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key == VAL_UNDEF) continue;
        if (gc_may_be_tracked(e->key) || gc_may_be_tracked(e->value)) return 0;
    }
    return 1;
}

/* CPython's move_unreachable: on return young holds the reachable objects
 * (flags cleared) and unreachable the rest (COLLECTING | UNREACHABLE).
 * A reachable tuple of atoms is untracked on the way (CPython's
 * untrack_tuples, folded into this pass since it visits the same objects in
 * the same order). Returns how many objects stay on young. */
static intptr_t move_unreachable(GCHead *young, GCHead *unreachable)
{
    intptr_t survivors = 0;
    GCHead *g = young->next;
    while (g != young) {
        GCHead *next;
        Obj *o = head_obj(g);
        if (gc_refs(g) >= 1) {
            traverse(o, visit_reachable, young);
            set_refs(g, 0, 0);       /* done: later visits ignore it */
            next = g->next;          /* read after traverse: it may have appended after g */
            if (o->type == &tuple_type && tuple_items_untracked(o)) {
                gc_list_remove(g);
                g->next = g->prev = NULL;
            } else {
                survivors++;
            }
        } else {
            next = g->next;
            gc_list_move(g, unreachable);
            set_refs(g, 0, COLLECTING | UNREACHABLE);
        }
        g = next;
    }
    return survivors;
}

/* A tuple of atoms can never be part of a cycle: stop scanning it (every
 * collection); dicts likewise, but only in full collections since an
 * untracked dict is tracked again by the next insertion (bpo-14775).
 * As CPython, all tuples first, then the dicts (which may hold those
 * tuples). Returns how many objects stay on the list. */
static intptr_t untrack_atomic(GCHead *list, Type *type, int (*atomic)(Obj *o))
{
    intptr_t n = 0;
    GCHead *g = list->next;
    while (g != list) {
        GCHead *next = g->next;
        Obj *o = head_obj(g);
        if (o->type == type && atomic(o))
            gc_untrack(o);
        else
            n++;
        g = next;
    }
    return n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void debug_cycle(const char *msg, Obj *o)
{
    fprintf(stderr, "gc: %s <%s %p>\n", msg, o->type->name, (void *)o);
}

/* Empty the unreachable list: clear() each object while holding a reference,
 * so that the group's refcounts fall to zero and it is freed. An object
 * still there afterwards is alive (saved in gc.garbage) and moves to old. */
static void delete_garbage(GCHead *unreachable, GCHead *old)
{
    while (!gc_list_is_empty(unreachable)) {
        GCHead *g = unreachable->next;
        Obj *o = head_obj(g);
        if (state.debug & GC_DEBUG_SAVEALL) {
            List *garbage = gc_garbage_list();
            if (!garbage || list_append(garbage, val_from_obj(o)) < 0) err_clear();
        } else if (o->type->clear) {
            obj_incref(o);
            o->type->clear(o);
            obj_decref(o);
        }
        if (unreachable->next == g) {
            set_refs(g, 0, 0);
            gc_list_move(g, old);
        }
    }
}

/* Clear the weak references to the objects of unreachable. One that is
 * itself garbage is cleared without its callback (which might see objects
 * already cleared); a live one with a callback gets it called once all are
 * cleared, so that no callback can reach the garbage. Returns how many of
 * those live weak references died with their callback's return (CPython
 * counts them as collected). */
static intptr_t handle_weakrefs(GCHead *unreachable, GCHead *old)
{
    GCHead callbacks;
    gc_list_init(&callbacks);
    for (GCHead *g = unreachable->next, *next; g != unreachable; g = next) {
        Obj *o = head_obj(g);
        next = g->next;
        if (o->type == &weakref_type) weakref_unlink((WeakRef *)o);
        WeakRef **list = weakref_listptr(o);
        while (list && *list) {
            WeakRef *r = *list;
            weakref_unlink(r);
            if (r->callback == VAL_UNDEF || is_collecting(&r->ob)) continue;
            /* Alive, so not on unreachable: it may move to our list. */
            obj_incref(r);
            gc_list_move(gc_head(&r->ob), &callbacks);
        }
    }
    intptr_t freed = 0;
    while (!gc_list_is_empty(&callbacks)) {
        GCHead *g = callbacks.next;
        WeakRef *r = (WeakRef *)head_obj(g);
        Value cb = r->callback, arg = val_from_obj(r);
        r->callback = VAL_UNDEF;     /* called once: __callback__ is None afterwards, as CPython */
        Value res = obj_call(cb, &arg, 1, NULL);
        if (res == VAL_ERROR) err_write_unraisable(cb);
        else decref(res);
        decref(cb);
        obj_decref(r);
        if (callbacks.next == g) gc_list_move(g, old);   /* still alive */
        else freed++;
    }
    return freed;
}

/* Run each unreachable object's finalizer once (gc.h: GC_FINALIZED).
 * Finalizers run arbitrary code that may free objects of the list, so the
 * head is taken each time and moved to a list of seen objects. Returns
 * whether any finalizer ran (only then can anything be resurrected). */
static bool finalize_garbage(GCHead *unreachable)
{
    GCHead seen;
    gc_list_init(&seen);
    bool ran = false;
    while (!gc_list_is_empty(unreachable)) {
        GCHead *g = unreachable->next;
        Obj *o = head_obj(g);
        gc_list_move(g, &seen);
        if (o->type->finalize && gc_mark_finalized(o)) {
            ran = true;
            obj_incref(o);
            o->type->finalize(o);
            obj_decref(o);
        }
    }
    gc_list_merge(&seen, unreachable);
    return ran;
}

enum CollectMode {
    COLLECT_NORMAL,
    COLLECT_QUIET,      /* at exit: no DEBUG_* output, no gc.garbage */
    COLLECT_STRESS,     /* SCR_GC_STRESS: an extra young collection, see stress_collect */
};

#ifdef SCR_DEBUG
/* After handle_weakrefs: no weak reference leads to the garbage any more. */
static void gc_validate_no_weakrefs(GCHead *l)
{
    for (GCHead *g = l->next; g != l; g = g->next) {
        WeakRef **list = weakref_listptr(head_obj(g));
        scr_assert(!list || !*list);
    }
}

/* After finalize_garbage: every finalizer of what is left has run. */
static void gc_validate_finalized(const GCHead *l)
{
    for (const GCHead *g = l->next; g != l; g = g->next)
        scr_assert(!((const Obj *)(g + 1))->type->finalize || (g->refs & GC_FINALIZED));
}
#else
#define gc_validate_no_weakrefs(l) ((void)0)
#define gc_validate_finalized(l) ((void)0)
#endif

/* One collection of generations 0..generation; returns the number of
 * unreachable objects found. All of them count as collected, those
 * DEBUG_SAVEALL keeps in gc.garbage included: CPython 3.11 counts as
 * uncollectable only objects reachable from a legacy tp_del finalizer,
 * which no scr type has, so GCGenStats.uncollectable stays 0 as CPython's
 * does for every program scr runs (docs/memory.md). */
static intptr_t collect(int generation, enum CollectMode mode)
{
    bool quiet = mode != COLLECT_NORMAL;
    int debug = quiet ? 0 : state.debug;
    double t1 = 0;
    if (debug & GC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
        fprintf(stderr, "gc: objects in each generation:");
        for (int i = 0; i < GC_NGENERATIONS; i++)
            fprintf(stderr, " %ld", (long)gc_list_size(&state.gen[i].head));
        fprintf(stderr, "\ngc: objects in permanent generation: %ld\n", (long)gc_list_size(&state.permanent));
        t1 = now();
    }

    if (mode != COLLECT_STRESS) {
        if (generation + 1 < GC_NGENERATIONS) state.gen[generation + 1].count++;
        for (int i = 0; i <= generation; i++) state.gen[i].count = 0;
    }
    for (int i = 0; i <= generation; i++) gc_validate_list(&state.gen[i].head, 0);
    for (int i = 0; i < generation; i++) gc_list_merge(&state.gen[i].head, &state.gen[generation].head);

    GCHead *young = &state.gen[generation].head;
    GCHead *old = generation + 1 < GC_NGENERATIONS ? &state.gen[generation + 1].head : young;
    /* Young collections outside stress mode (which collects at every
     * allocation) check generation 1 too, which the survivors join; the
     * oldest generation is checked only by the collections that scan it,
     * so that checking never costs more than the collection itself. */
    bool check_old = generation == 0 && mode != COLLECT_STRESS;
    if (check_old) gc_validate_list(old, 0);

    GCHead unreachable;
    gc_list_init(&unreachable);
    update_refs(young);
    gc_validate_list(young, COLLECTING);
    intptr_t survivors = move_unreachable(young, &unreachable);
    gc_validate_list(young, 0);
    gc_validate_list(&unreachable, COLLECTING | UNREACHABLE);
    scr_assert(survivors == gc_list_size(young));
    if (young != old) {
        if (generation == GC_NGENERATIONS - 2) state.long_lived_pending += survivors;
        gc_list_merge(young, old);
    } else {
        state.long_lived_pending = 0;
        state.long_lived_total = untrack_atomic(young, &dict_type, dict_items_untracked);
    }

    if (debug & GC_DEBUG_COLLECTABLE)
        for (GCHead *g = unreachable.next; g != &unreachable; g = g->next)
            debug_cycle("collectable", head_obj(g));

    /* PEP 442, in CPython's order: weak references to the garbage are
     * cleared (and the callbacks of live ones called) before any finalizer
     * can resurrect it; then every finalizer runs once; then what is still
     * unreachable, nothing resurrected, is cleared. */
    intptr_t m = handle_weakrefs(&unreachable, old);
    gc_validate_list(&unreachable, COLLECTING | UNREACHABLE);
    gc_validate_no_weakrefs(&unreachable);
    GCHead still;
    gc_list_init(&still);
    if (finalize_garbage(&unreachable)) {
        gc_validate_list(&unreachable, COLLECTING | UNREACHABLE);
        update_refs(&unreachable);
        move_unreachable(&unreachable, &still);
        gc_validate_list(&unreachable, 0);
        gc_list_merge(&unreachable, old);          /* the resurrected */
    } else {
        gc_list_merge(&unreachable, &still);
    }
    gc_validate_list(&still, COLLECTING | UNREACHABLE);
    gc_validate_finalized(&still);

    m += gc_list_size(&still);
    int saved = state.debug;
    if (mode == COLLECT_QUIET) state.debug &= ~GC_DEBUG_SAVEALL;
    delete_garbage(&still, old);
    state.debug = saved;
    scr_assert(gc_list_is_empty(&still));
    if (check_old || young == old) gc_validate_list(old, 0);

    if (debug & GC_DEBUG_STATS)
        fprintf(stderr, "gc: done, %ld unreachable, 0 uncollectable, %.4fs elapsed\n",
                (long)m, now() - t1);

    if (mode != COLLECT_STRESS) state.stats[generation].collections++;
    state.stats[generation].collected += m;
    return m;
}

/* The collect callbacks' info dict: the generation and the counts of the
 * collection ("collected", and "uncollectable", 0 as in collect). */
static void invoke_callbacks(const char *phase, int generation, intptr_t collected)
{
    List *cbs = state.callbacks;
    if (!cbs || cbs->len == 0) return;
    Dict *info = dict_new();
    Str *ph = str_from_cstr(phase);
    /* Object counts are far inside the unboxed int range. */
    if (!info || !ph || dict_set_cstr(info, "generation", val_from_int(generation)) < 0 ||
        dict_set_cstr(info, "collected", val_from_int(collected)) < 0 ||
        dict_set_cstr(info, "uncollectable", val_from_int(0)) < 0) {
        if (info) obj_decref(info);
        if (ph) obj_decref(ph);
        err_write_unraisable(val_from_obj(cbs));
        return;
    }
    obj_incref(cbs);
    /* The list may change under our feet: index it afresh each time. */
    for (int64_t i = 0; i < cbs->len; i++) {
        Value cb = cbs->items[i];
        incref(cb);
        Value args[2] = { str_val(ph), val_from_obj(info) };
        Value r = obj_call(cb, args, 2, NULL);
        if (r == VAL_ERROR) err_write_unraisable(cb);
        else decref(r);
        decref(cb);
    }
    obj_decref(cbs);
    obj_decref(ph);
    obj_decref(info);
}

static intptr_t collect_with_callback(int generation)
{
    invoke_callbacks("start", generation, 0);
    intptr_t collected = collect(generation, COLLECT_NORMAL);
    invoke_callbacks("stop", generation, collected);
    return collected;
}

/* The automatic schedule (CPython's gc_collect_generations): the oldest
 * generation whose count passed its threshold. Returns whether one ran. */
static bool collect_generations(void)
{
    for (int i = GC_NGENERATIONS - 1; i >= 0; i--) {
        if (state.gen[i].count > state.gen[i].threshold) {
            /* A full collection scans every object: run one only when the
             * objects promoted since the last one exceed a quarter of those
             * it left, so that building a large structure stays linear. */
            if (i == GC_NGENERATIONS - 1 && state.long_lived_pending < state.long_lived_total / 4)
                continue;
            collect_with_callback(i);
            return true;
        }
    }
    return false;
}

/* Stress mode: a real young collection at every container allocation, so
 * that a traverse slot reading a half-built object, a traverse visiting a
 * reference it does not own, or C code keeping a borrowed pointer across an
 * allocation shows up at once. It is an extra collection beside the normal
 * schedule: counts, thresholds, gc.get_stats()' "collections", callbacks and
 * DEBUG_* output stay as without stress (what it frees is added to gen 0's
 * "collected"), so programs observing the collector print the same. */
static void stress_collect(void)
{
    collect(0, COLLECT_STRESS);
}

intptr_t gc_collect(int generation)
{
    if (state.collecting) return 0;
    state.collecting = true;
    intptr_t n = collect_with_callback(generation);
    state.collecting = false;
    return n;
}

/* ---- set-up and tear-down ---- */

void gc_init(void)
{
    const char *s = interp_getenv("SCR_GC_STRESS");
    state.stress = s && *s && strcmp(s, "0") != 0;
    update_trigger();
}

void gc_collect_quiet(void)
{
    if (state.collecting) return;
    state.collecting = true;
    /* Objects frozen by gc.freeze() may be garbage by now too. */
    gc_list_merge(&state.permanent, &state.gen[GC_NGENERATIONS - 1].head);
    while (collect(GC_NGENERATIONS - 1, COLLECT_QUIET) > 0) {}
    state.collecting = false;
}

void gc_fini(void)
{
    List *garbage = state.garbage, *callbacks = state.callbacks;
    state.garbage = state.callbacks = NULL;
    if (garbage) obj_decref(garbage);
    if (callbacks) obj_decref(callbacks);
    gc_collect_quiet();
    /* A later gc_init (the embedding API) starts afresh. */
    for (int i = 0; i < GC_NGENERATIONS; i++) {
        state.gen[i].count = 0;
        state.stats[i] = (GCGenStats){ 0, 0, 0 };
    }
    state.gen[0].threshold = 700;
    state.gen[1].threshold = 10;
    state.gen[2].threshold = 10;
    state.long_lived_total = state.long_lived_pending = 0;
    state.enabled = true;
    state.debug = 0;
    update_trigger();
}

/* ---- what the gc module shows ---- */

bool gc_enabled(void) { return state.enabled; }

void gc_set_enabled(bool on)
{
    state.enabled = on;
    update_trigger();
}

int gc_get_debug(void) { return state.debug; }
void gc_set_debug(int flags) { state.debug = flags; }

void gc_get_thresholds(intptr_t out[GC_NGENERATIONS])
{
    for (int i = 0; i < GC_NGENERATIONS; i++) out[i] = state.gen[i].threshold;
}

void gc_set_thresholds(const intptr_t *t, int n)
{
    for (int i = 0; i < n && i < GC_NGENERATIONS; i++) state.gen[i].threshold = t[i];
    update_trigger();
}

void gc_get_counts(intptr_t out[GC_NGENERATIONS])
{
    for (int i = 0; i < GC_NGENERATIONS; i++) out[i] = state.gen[i].count;
}

GCGenStats gc_get_stats(int generation) { return state.stats[generation]; }

void gc_freeze(void)
{
    for (int i = 0; i < GC_NGENERATIONS; i++) {
        gc_list_merge(&state.gen[i].head, &state.permanent);
        state.gen[i].count = 0;
    }
}

void gc_unfreeze(void) { gc_list_merge(&state.permanent, &state.gen[GC_NGENERATIONS - 1].head); }

intptr_t gc_freeze_count(void) { return gc_list_size(&state.permanent); }

bool gc_collecting(void) { return state.collecting; }

void gc_for_each(int gen, int (*fn)(Obj *o, void *arg), void *arg)
{
    for (int i = 0; i < GC_NGENERATIONS; i++) {
        if (gen >= 0 && i != gen) continue;
        GCHead *l = &state.gen[i].head;
        for (GCHead *g = l->next; g != l; g = g->next)
            if (fn(head_obj(g), arg)) return;
    }
}

static List *owned_list(List **slot)
{
    if (!*slot) *slot = list_new(0);
    return *slot;
}

List *gc_garbage_list(void) { return owned_list(&state.garbage); }
List *gc_callbacks_list(void) { return owned_list(&state.callbacks); }
