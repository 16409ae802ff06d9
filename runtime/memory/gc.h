/* gc.h — the cycle collector (runtime/memory/gc.c): a GC header in front of
 * every heap object of a TYPE_CONTAINER type, three generations plus a
 * permanent one, and CPython 3.11's collection algorithm. Reference counting
 * frees almost everything; the collector only finds groups of containers
 * that keep each other alive and nothing else refers to.
 *
 * Memory layout of a container:   [ GCHead | Obj ... ]
 *                                  ^ mem_alloc'd block   ^ the Obj * everyone uses
 * Static containers (tuple_empty, the MemoryError instance) have no header:
 * they are recognised by their immortal reference count and never tracked.
 *
 * What a container type must provide (docs/memory.md, "Writing a container
 * type"; the slots are described in runtime/core/object.h):
 *   - TYPE_CONTAINER in its flags, and instances allocated with obj_alloc,
 *     which zeroes them and tracks them at once: a collection can run at the
 *     next allocation and traverse the half-built instance, so a zero field
 *     must mean "nothing there" and the instance must stay valid as it is
 *     filled in;
 *   - traverse: visit each reference the instance owns, exactly once, and
 *     nothing else (in SCR_DEBUG builds a reference counted below zero
 *     aborts the program);
 *   - clear: drop the references that can form cycles, leaving the instance
 *     valid (the collector clears cyclic garbage with it);
 *   - dealloc: entered through obj_dealloc, which untracks the instance
 *     first, so that no collection started by the teardown can see it
 *     half-freed; a dealloc that resurrects (gc_finalize_from_dealloc) gets
 *     it tracked again. Code that tears an instance down any other way calls
 *     gc_untrack itself first.
 * Statically allocated instances must be immortal (OBJ_HEAD_INIT).
 */
#ifndef SCR_GC_H
#define SCR_GC_H

#include <stdbool.h>

#include "core/object.h"

/* ---- the GC header ---- */

typedef struct GCHead {
    struct GCHead *next, *prev;  /* the generation's list; next == NULL: not tracked */
    intptr_t refs;               /* gc_refs << GC_REFS_SHIFT | flags: gc_refs only during a collection */
} GCHead;

/* Flags of GCHead.refs that outlive a collection (gc.c keeps two more bits
 * of its own below GC_REFS_SHIFT while one runs). */
#define GC_FINALIZED ((intptr_t)4)   /* type->finalize has run (PEP 442: at most once) */
#define GC_EMBEDDED  ((intptr_t)8)   /* an instance's own __dict__: never tracked on its own */
#define GC_KEEP      (GC_FINALIZED | GC_EMBEDDED)
#define GC_REFS_SHIFT 4

#define GC_HEAD_SIZE sizeof(GCHead)   /* bytes a container costs in front of its Obj (sys.getsizeof) */

#define GC_NGENERATIONS 3

static inline GCHead *gc_head(Obj *o) { return (GCHead *)o - 1; }

/* A heap container: one that has a GCHead (not a static immortal one). */
static inline bool gc_has_head(const Obj *o)
{
    return (o->type->flags & TYPE_CONTAINER) && o->refcnt < OBJ_IMMORTAL / 2;
}

/* ---- allocation (obj_alloc / obj_free for containers: runtime/core/object.c) ---- */

/* A zeroed container of `size` bytes (Obj header included) with refcnt 1,
 * tracked in generation 0 (a dict only once it holds a container), or NULL
 * with MemoryError set. May run an automatic collection first. */
void *gc_alloc(Type *t, size_t size);
/* Free the memory of a container (unlinking it if still tracked). */
void  gc_free(Obj *o);

/* ---- tracking ---- */

static inline bool gc_is_tracked(Obj *o) { return gc_has_head(o) && gc_head(o)->next != NULL; }

/* CPython's _PyObject_GC_MAY_BE_TRACKED: could v be part of a cycle now?
 * (containers, except tuples the collector has already found atom-only). */
bool gc_may_be_tracked(Value v);

/* Into generation 0; no-op if tracked, headerless or embedded. */
void gc_track(Obj *o);

/* No-op if not tracked. Inline: every container dealloc goes through it. */
static inline void gc_untrack(Obj *o)
{
    if (!gc_has_head(o)) return;
    GCHead *g = gc_head(o);
    if (!g->next) return;
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
    g->refs &= GC_KEEP;          /* no collection bit left behind mid-collection */
}

/* An instance's attribute dict lives inside the instance as far as the
 * collector is concerned (CPython 3.11 keeps the values inline): it is
 * traversed through the instance, not tracked or counted on its own, until
 * Python code gets hold of it (obj.__dict__, vars(obj)). */
static inline void gc_set_embedded(Obj *o, bool on)
{
    if (!gc_has_head(o)) return;
    if (on) gc_head(o)->refs |= GC_EMBEDDED;
    else gc_head(o)->refs &= ~GC_EMBEDDED;
}
static inline bool gc_is_embedded(Obj *o) { return gc_has_head(o) && (gc_head(o)->refs & GC_EMBEDDED); }

/* ---- finalizers (PEP 442) ---- */

/* The "finalizer already ran" bit; headerless objects have none. */
static inline bool gc_is_finalized(Obj *o) { return gc_has_head(o) && (gc_head(o)->refs & GC_FINALIZED); }
/* Sets the bit; returns whether the finalizer may run (it had not yet). */
static inline bool gc_mark_finalized(Obj *o)
{
    if (!gc_has_head(o) || (gc_head(o)->refs & GC_FINALIZED)) return false;
    gc_head(o)->refs |= GC_FINALIZED;
    return true;
}

/* From a dealloc (refcount reached zero): run o->type->finalize unless it
 * already ran, with o briefly alive again. Returns true when the finalizer
 * resurrected o (stored a reference to it): the dealloc must stop there; o is
 * tracked again. */
bool gc_finalize_from_dealloc(Obj *o);

/* ---- collecting ---- */

/* Values of gc.set_debug, as CPython's. */
enum {
    GC_DEBUG_STATS = 1,
    GC_DEBUG_COLLECTABLE = 2,
    GC_DEBUG_UNCOLLECTABLE = 4,
    GC_DEBUG_SAVEALL = 32,
    GC_DEBUG_LEAK = GC_DEBUG_COLLECTABLE | GC_DEBUG_UNCOLLECTABLE | GC_DEBUG_SAVEALL,
};

/* Collect generations 0..generation (0..2) as gc.collect() does: callbacks,
 * DEBUG_* output, statistics. Returns the number of unreachable objects
 * found (under DEBUG_SAVEALL those kept in gc.garbage included); 0 without
 * collecting when a collection is already running. In SCR_DEBUG builds every
 * step checks the flags and links of the lists it works on. */
intptr_t gc_collect(int generation);
bool     gc_collecting(void);    /* a collection is running (finalizers, callbacks) */

/* ---- set-up and tear-down (src/api/lifecycle.c) ---- */

/* Reads SCR_GC_STRESS: an extra young collection at every container
 * allocation, invisible to programs. */
void gc_init(void);
/* Drops gc.garbage and gc.callbacks and collects until no cycle is left,
 * silently, then resets the state for a later gc_init. */
void gc_fini(void);
/* At exit: full collections, silently, until one finds nothing (finalizers
 * run while the VM can still run them: src/vm/vm.c's vm_free). */
void gc_collect_quiet(void);

/* ---- the state the gc module shows (runtime/modules/mod_gc.c) ---- */

/* gc.get_stats() of one generation. uncollectable counts what CPython 3.11
 * counts there, objects reachable from a legacy tp_del finalizer, which no
 * scr type has: it stays 0, as CPython's does for every program scr runs;
 * what DEBUG_SAVEALL keeps in gc.garbage counts as collected. */
typedef struct GCGenStats { intptr_t collections, collected, uncollectable; } GCGenStats;

bool     gc_enabled(void);
void     gc_set_enabled(bool on);
int      gc_get_debug(void);
void     gc_set_debug(int flags);
void     gc_get_thresholds(intptr_t out[GC_NGENERATIONS]);
void     gc_set_thresholds(const intptr_t *t, int n);   /* the first n of the three */
void     gc_get_counts(intptr_t out[GC_NGENERATIONS]);
GCGenStats gc_get_stats(int generation);
void     gc_freeze(void);
void     gc_unfreeze(void);
intptr_t gc_freeze_count(void);
/* Call fn(o, arg) for every tracked object of generation g (0..2), or of all
 * three when g < 0; stops early when fn returns nonzero. fn must not
 * allocate containers or free objects. */
void     gc_for_each(int g, int (*fn)(Obj *o, void *arg), void *arg);
/* gc.garbage and gc.callbacks: created on first use, owned by the collector
 * (borrowed here); NULL with MemoryError set if they cannot be created. */
List    *gc_garbage_list(void);
List    *gc_callbacks_list(void);

#endif
