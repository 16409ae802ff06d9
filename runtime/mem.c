/* mem.c — the counting allocator behind mem.h.
 *
 * Every interpreter allocation goes through here so that live bytes and blocks
 * can be reported (sys.getallocatedblocks, tracemalloc) and so that pools can
 * be slotted in later without touching callers. With glibc the block size comes
 * from malloc_usable_size (no per-block overhead); elsewhere a 16-byte header
 * remembers it.
 */
#include "mem.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#define MEM_USABLE_SIZE 1
#endif

static size_t live_bytes;
static size_t live_blocks;

#ifdef MEM_USABLE_SIZE

static inline void *note_alloc(void *p)
{
    if (p) {
        live_bytes += malloc_usable_size(p);
        live_blocks++;
    }
    return p;
}

void *mem_alloc(size_t n)
{
    return note_alloc(malloc(n ? n : 1));
}

void *mem_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    return note_alloc(calloc(n ? n : 1, size ? size : 1));
}

void *mem_realloc(void *p, size_t n)
{
    if (!p) return mem_alloc(n);
    size_t old = malloc_usable_size(p);
    void *q = realloc(p, n ? n : 1);
    if (!q) return NULL;          /* p is still valid and still counted */
    live_bytes += malloc_usable_size(q) - old;
    return q;
}

void mem_free(void *p)
{
    if (!p) return;
    live_bytes -= malloc_usable_size(p);
    live_blocks--;
    free(p);
}

#else /* portable fallback: a header keeps the requested size */

#define HDR 16   /* keeps max_align_t alignment of the user block */

void *mem_alloc(size_t n)
{
    if (n > SIZE_MAX - HDR) return NULL;
    char *p = malloc(n + HDR);
    if (!p) return NULL;
    *(size_t *)p = n;
    live_bytes += n;
    live_blocks++;
    return p + HDR;
}

void *mem_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = mem_alloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *mem_realloc(void *p, size_t n)
{
    if (!p) return mem_alloc(n);
    if (n > SIZE_MAX - HDR) return NULL;
    char *h = (char *)p - HDR;
    size_t old = *(size_t *)h;
    char *q = realloc(h, n + HDR);
    if (!q) return NULL;
    *(size_t *)q = n;
    live_bytes += n - old;
    return q + HDR;
}

void mem_free(void *p)
{
    if (!p) return;
    char *h = (char *)p - HDR;
    live_bytes -= *(size_t *)h;
    live_blocks--;
    free(h);
}

#endif

void *mem_alloc_array(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    return mem_alloc(n * size);
}

size_t mem_allocated_bytes(void) { return live_bytes; }
size_t mem_allocated_blocks(void) { return live_blocks; }
