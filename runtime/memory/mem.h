/* mem.h — the one allocator every interpreter allocation goes through
 * (runtime/memory/mem.c), so that the heap can be counted (tracemalloc,
 * sys.getallocatedblocks) and pooled.
 *
 * Error convention: each allocating function returns NULL on failure and
 * sets no exception; the caller raises MemoryError (err_no_memory). Sizes are
 * checked for overflow by mem_alloc_array and mem_calloc; any request above
 * SIZE_MAX / 2 fails.
 *
 * Accounting unit: a block counts as its requested size rounded up to a
 * multiple of 16 (a zero-byte request counts 16) — exactly the block size of
 * the small-object pools — in every build, pooled or pass-through, so the
 * numbers scripts see do not depend on the build. */
#ifndef SCR_MEM_H
#define SCR_MEM_H

#include <stdbool.h>
#include <stddef.h>

/* ---- allocating and freeing ---- */

void  *mem_alloc(size_t n);                        /* uninitialised */
void  *mem_calloc(size_t n, size_t size);          /* zeroed; NULL when n * size overflows */
void  *mem_alloc_array(size_t n, size_t size);     /* uninitialised; NULL when n * size overflows */
void  *mem_realloc(void *p, size_t n);             /* NULL on failure: p stays valid */
void   mem_free(void *p);                          /* p may be NULL */
/* mem_free when the caller knows the size it last passed for p (skips the
 * lookup of which allocator p came from). mem_free(p) is always correct. */
void   mem_free_sized(void *p, size_t n);

/* ---- counting ---- */

static inline size_t mem_block_size(size_t n)      /* what a request of n bytes counts */
{
    return n ? (n + 15) & ~(size_t)15 : 16;
}
size_t mem_allocated_bytes(void);                  /* live heap bytes */
size_t mem_allocated_blocks(void);
size_t mem_peak_bytes(void);                       /* highest mem_allocated_bytes so far */
size_t mem_rss(void);                              /* resident set size in bytes, 0 if unknown */

/* ---- tracemalloc ----
 * Traced memory counts the blocks allocated while tracing that are still
 * alive (CPython's semantics); a realloc'd block is traced at its new size.
 * The trace table lives outside the counted heap. */
int    mem_trace_start(void);                      /* 0, or -1 when out of memory */
void   mem_trace_stop(void);                       /* forgets every trace */
bool   mem_trace_is_tracing(void);
void   mem_trace_get(size_t *current, size_t *peak);  /* (0, 0) when not tracing */
void   mem_trace_reset_peak(void);                 /* peak = current */
void   mem_trace_clear(void);                      /* forget traces, current = peak = 0 */
size_t mem_trace_overhead(void);                   /* bytes of the trace table itself */

/* ---- allocator internals, for tests and DEBUG output ---- */

#define MEM_SMALL_MAX 512                          /* largest pooled request */
#define MEM_LARGE_MIN ((size_t)128 * 1024)         /* smallest request given its own mapping */
#define MEM_ARENA_SIZE ((size_t)256 * 1024)

bool   mem_is_passthrough(void);                   /* built with SCR_MALLOC_PASSTHROUGH: every block a malloc */

typedef struct MemStats {
    size_t arenas;          /* pool arenas mapped (256 KiB each) */
    size_t pages_used;      /* 16 KiB pool pages holding live blocks */
    size_t large_blocks;    /* live blocks mapped on their own (>= MEM_LARGE_MIN) */
    size_t large_bytes;     /* bytes mapped for them */
} MemStats;
void   mem_stats(MemStats *s);

#endif
