/* ptrmap.h — a hash map from non-NULL addresses to a pointer-sized value, for
 * the interpreter's own bookkeeping (the allocator's tracemalloc traces, the
 * VM's per-code caches). Open addressing with linear probing in a
 * power-of-two table kept at most half full, Fibonacci hashing of the
 * address, deletion by backward shift (no tombstones).
 *
 * The map owns nothing the keys or values point to. Its table comes from the
 * allocator the caller passes to ptrmap_reserve, so the allocator itself can
 * keep one without recursing. A zeroed PtrMap is an empty map. */
#ifndef SCR_PTRMAP_H
#define SCR_PTRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct PtrMapSlot { uintptr_t key; uintptr_t value; } PtrMapSlot;   /* key 0: empty */
typedef struct PtrMap { PtrMapSlot *slots; size_t cap, n; } PtrMap;         /* cap: 0 or 2^k */

/* Where key's probe sequence starts. m->cap > 0. */
static inline size_t ptrmap_home(const PtrMap *m, uintptr_t key)
{
    return (size_t)(((uint64_t)key >> 4) * UINT64_C(0x9E3779B97F4A7C15) >> 20) & (m->cap - 1);
}

/* The slot holding key, or the empty slot where it would go. m->cap > 0. */
static inline PtrMapSlot *ptrmap_slot(PtrMap *m, uintptr_t key)
{
    size_t mask = m->cap - 1, j = ptrmap_home(m, key);
    while (m->slots[j].key && m->slots[j].key != key) j = (j + 1) & mask;
    return &m->slots[j];
}

/* Make room for one more key: when the table would be more than half full,
 * move it to one twice as large (the first one has `first` slots, a power of
 * two). zalloc(n, size) returns zeroed memory or NULL (calloc's contract),
 * release frees the old table. -1 when zalloc fails: the map is unchanged. */
static inline int ptrmap_reserve(PtrMap *m, size_t first, void *(*zalloc)(size_t, size_t),
                                 void (*release)(void *))
{
    if ((m->n + 1) * 2 <= m->cap) return 0;
    size_t ocap = m->cap, ncap = ocap ? ocap * 2 : first;
    PtrMapSlot *old = m->slots, *nt = zalloc(ncap, sizeof(PtrMapSlot));
    if (!nt) return -1;
    m->slots = nt;
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key) *ptrmap_slot(m, old[i].key) = old[i];
    release(old);
    return 0;
}

/* Store key -> value in the empty slot s that ptrmap_slot returned. */
static inline void ptrmap_fill(PtrMap *m, PtrMapSlot *s, uintptr_t key, uintptr_t value)
{
    s->key = key;
    s->value = value;
    m->n++;
}

/* Empty the occupied slot s, moving later entries of its probe run back so
 * that every key stays reachable from its home. */
static inline void ptrmap_remove(PtrMap *m, PtrMapSlot *s)
{
    size_t mask = m->cap - 1, hole = (size_t)(s - m->slots);
    m->n--;
    for (size_t k = (hole + 1) & mask; m->slots[k].key; k = (k + 1) & mask) {
        size_t home = ptrmap_home(m, m->slots[k].key);
        /* k's entry may move into the hole unless its home lies in (hole, k] */
        if (((k - home) & mask) >= ((k - hole) & mask)) {
            m->slots[hole] = m->slots[k];
            hole = k;
        }
    }
    m->slots[hole].key = 0;
}

#endif
