/* mem.c — the counting allocator behind mem.h.
 *
 * Three kinds of blocks, chosen by the requested size:
 *   - small (<= 512 bytes): size-class pools. 256 KiB arenas, aligned to their
 *     size, are cut into 16 KiB pages; a page serves one class (16, 32, ...,
 *     512 bytes) from a free list. Objects are small and die young, and a pool
 *     hands them out in a few instructions with no per-block header. An arena
 *     whose pages are all free is unmapped (one spare is kept so that a loop
 *     allocating at an arena boundary does not mmap/munmap every iteration).
 *   - medium: malloc, behind a 16-byte header recording the size.
 *   - large (>= 128 KiB): their own mmap, so freeing one gives the memory back
 *     to the OS at once, and growing one uses mremap, which moves page tables
 *     rather than bytes: a list growing to 80 MB never needs old + new.
 * Which kind a pointer is: a radix map of the arenas' addresses answers
 * "pooled?" with two loads; every other block has the header.
 *
 * Built with SCR_MALLOC_PASSTHROUGH every block is a plain malloc (with the
 * header) so that ASan and valgrind see each one: pools hide overflows and
 * leaks from them.
 *
 * Counting is in mem_block_size() units in both builds (see mem.h). Traces
 * for tracemalloc live in a hash table outside the counted heap.
 */
#define _GNU_SOURCE
#include "memory/mem.h"
#include "core/debug.h"
#include "core/ptrmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#if !defined(SCR_MALLOC_PASSTHROUGH) && !defined(__unix__)
#define SCR_MALLOC_PASSTHROUGH 1       /* no mmap: plain malloc */
#endif

#ifndef SCR_MALLOC_PASSTHROUGH
#include <sys/mman.h>
#endif

/* Requests above this fail: keeps every size computation below overflow. */
#define MEM_MAX (SIZE_MAX / 2)

/* ------------------------------------------------------------------ */
/* counters and traces                                                  */

static size_t live_bytes, peak_bytes, live_blocks;

static bool tracing;
static PtrMap traces;          /* block address -> its size */
static size_t traced_cur, traced_peak;

static int trace_grow(void) { return ptrmap_reserve(&traces, 1024, calloc, free); }

static int trace_add(void *p, size_t n)
{
    if (trace_grow() < 0 && traces.n + 1 >= traces.cap) return -1;     /* no room at all */
    ptrmap_fill(&traces, ptrmap_slot(&traces, (uintptr_t)p), (uintptr_t)p, n);
    traced_cur += n;
    if (traced_cur > traced_peak) traced_peak = traced_cur;
    return 0;
}

/* Removes p's trace if it has one. */
static void trace_remove(void *p)
{
    PtrMapSlot *s = ptrmap_slot(&traces, (uintptr_t)p);
    if (!s->key) return;
    traced_cur -= s->value;
    ptrmap_remove(&traces, s);
}

/* Returns false only when tracing and the trace cannot be recorded: the
 * caller then fails the allocation, as CPython's tracemalloc does. */
static inline bool note_alloc(void *p, size_t n)
{
    if (UNLIKELY(tracing) && trace_add(p, n) < 0) return false;
    live_bytes += n;
    live_blocks++;
    if (live_bytes > peak_bytes) peak_bytes = live_bytes;
    return true;
}

static inline void note_free(void *p, size_t n)
{
    live_bytes -= n;
    live_blocks--;
    if (UNLIKELY(traces.n)) trace_remove(p);
}

/* After a successful realloc from p (old count on) to q (new count on). */
static inline void note_realloc(void *p, size_t oldn, void *q, size_t newn)
{
    live_bytes += newn - oldn;
    if (live_bytes > peak_bytes) peak_bytes = live_bytes;
    if (UNLIKELY(traces.n | tracing)) {
        trace_remove(p);
        if (tracing) (void)trace_add(q, newn);  /* a slot was just freed, or the trace is lost */
    }
}

/* ------------------------------------------------------------------ */
/* header for every block that is not pooled                            */

typedef struct BigHdr { size_t n; size_t tag; } BigHdr;   /* 16 bytes: keeps max_align_t */
#define HDR sizeof(BigHdr)
#define TAG_MALLOC UINT64_C(0x5c7a110c3a110c00)
#define TAG_MAPPED UINT64_C(0x5c7a110c3a11a900)

static inline BigHdr *hdr_of(void *p) { return (BigHdr *)((char *)p - HDR); }

static void bad_pointer(const char *fn, void *p)
{
    fprintf(stderr, "scr: %s(%p): block not allocated by mem_alloc (or freed twice)\n", fn, p);
    abort();
}

#ifdef SCR_MALLOC_PASSTHROUGH
/* ================================================================== */
/* pass-through: plain malloc, one header per block                     */

static void *alloc_impl(size_t n, bool zero)
{
    if (n > MEM_MAX) return NULL;
    BigHdr *h = zero ? calloc(1, n + HDR) : malloc(n + HDR);
    if (!h) return NULL;
    h->n = n;
    h->tag = TAG_MALLOC;
    if (!note_alloc(h + 1, mem_block_size(n))) { free(h); return NULL; }
    return h + 1;
}

void mem_free(void *p)
{
    if (!p) return;
    BigHdr *h = hdr_of(p);
    if (h->tag != TAG_MALLOC) bad_pointer("mem_free", p);
    note_free(p, mem_block_size(h->n));
    h->tag = 0;
    free(h);
}

void mem_free_sized(void *p, size_t n)
{
    (void)n;
    mem_free(p);
}

void *mem_realloc(void *p, size_t n)
{
    if (!p) return alloc_impl(n, false);
    if (n > MEM_MAX) return NULL;
    BigHdr *h = hdr_of(p);
    if (h->tag != TAG_MALLOC) bad_pointer("mem_realloc", p);
    size_t oldn = h->n;
    BigHdr *nh = realloc(h, n + HDR);
    if (!nh) return NULL;
    nh->n = n;
    note_realloc(p, mem_block_size(oldn), nh + 1, mem_block_size(n));
    return nh + 1;
}

bool mem_is_passthrough(void) { return true; }

void mem_stats(MemStats *s)
{
    memset(s, 0, sizeof *s);
}

#else
/* ================================================================== */
/* pools, malloc'd medium blocks, mapped large blocks                   */

#define ARENA_BITS 18                                  /* MEM_ARENA_SIZE */
#define PAGE_BITS 14
#define POOL_PAGE ((size_t)1 << PAGE_BITS)
#define NPAGES (MEM_ARENA_SIZE / POOL_PAGE)            /* 16 pages per arena */
#define NCLASSES (MEM_SMALL_MAX / 16)
#define PAGE_HDR 64

typedef struct Arena Arena;

typedef struct Page {
    void *freelist;            /* freed blocks */
    char *bump, *limit;        /* blocks never handed out yet: [bump, limit) */
    uint32_t nused, nblocks;
    uint32_t bsize, cls;
    struct Page *next, *prev;  /* usable[cls] while 0 < free blocks; next: arena free list */
    Arena *arena;
} Page;
_Static_assert(sizeof(Page) <= PAGE_HDR, "page header too big");

struct Arena {
    char *base;
    Page *freepages;           /* released pages, for any class */
    unsigned nfree;            /* free pages: freepages + untouched */
    unsigned untouched;        /* the last `untouched` pages were never used */
    Arena *next, *prev;        /* in bucket[nfree] */
};

/* Pages with at least one free block, per size class. */
static Page *usable[NCLASSES];
/* Arenas by number of free pages: new pages come from the fullest arena that
 * has room, so that nearly empty arenas drain and can be unmapped. */
static Arena *bucket[NPAGES + 1];
static size_t narenas, npages_used, nlarge, large_mapped;
static size_t os_page;

/* ---- which addresses are arenas: a two-level bitmap over 48-bit addresses ---- */
#define KEY_BITS (48 - ARENA_BITS)                     /* 30 */
#define LEAF_BITS 15
static uint64_t *arena_map[(size_t)1 << (KEY_BITS - LEAF_BITS)];

static inline bool is_pooled(const void *p)
{
    uintptr_t k = (uintptr_t)p >> ARENA_BITS;
    if (UNLIKELY(k >> KEY_BITS)) return false;
    const uint64_t *leaf = arena_map[k >> LEAF_BITS];
    k &= ((uintptr_t)1 << LEAF_BITS) - 1;
    return leaf && (leaf[k >> 6] >> (k & 63) & 1);
}

static bool map_set(const void *base, bool on)
{
    uintptr_t k = (uintptr_t)base >> ARENA_BITS;
    if (k >> KEY_BITS) return false;
    uint64_t **leafp = &arena_map[k >> LEAF_BITS];
    if (!*leafp) {
        if (!on) return true;
        *leafp = calloc(((size_t)1 << LEAF_BITS) / 64, sizeof(uint64_t));
        if (!*leafp) return false;
    }
    k &= ((uintptr_t)1 << LEAF_BITS) - 1;
    if (on) (*leafp)[k >> 6] |= UINT64_C(1) << (k & 63);
    else (*leafp)[k >> 6] &= ~(UINT64_C(1) << (k & 63));
    return true;
}

static inline Page *page_of(void *p) { return (Page *)((uintptr_t)p & ~(uintptr_t)(POOL_PAGE - 1)); }

/* ---- arenas ---- */

static void bucket_unlink(Arena *a)
{
    if (a->prev) a->prev->next = a->next;
    else bucket[a->nfree] = a->next;
    if (a->next) a->next->prev = a->prev;
}

static void bucket_link(Arena *a)
{
    a->prev = NULL;
    a->next = bucket[a->nfree];
    if (a->next) a->next->prev = a;
    bucket[a->nfree] = a;
}

static Arena *arena_new(void)
{
    /* Map twice the size and trim to get an arena aligned to its size. */
    char *raw = mmap(NULL, 2 * MEM_ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    char *base = (char *)(((uintptr_t)raw + MEM_ARENA_SIZE - 1) & ~(uintptr_t)(MEM_ARENA_SIZE - 1));
    if (base > raw) munmap(raw, (size_t)(base - raw));
    if (base + MEM_ARENA_SIZE < raw + 2 * MEM_ARENA_SIZE)
        munmap(base + MEM_ARENA_SIZE, (size_t)(raw + 2 * MEM_ARENA_SIZE - (base + MEM_ARENA_SIZE)));
    Arena *a = malloc(sizeof *a);
    if (!a || !map_set(base, true)) {
        free(a);
        munmap(base, MEM_ARENA_SIZE);
        return NULL;
    }
    a->base = base;
    a->freepages = NULL;
    a->nfree = a->untouched = NPAGES;
    bucket_link(a);
    narenas++;
    return a;
}

static void arena_free(Arena *a)
{
    bucket_unlink(a);
    map_set(a->base, false);
    munmap(a->base, MEM_ARENA_SIZE);
    free(a);
    narenas--;
}

/* ---- pages ---- */

static Page *page_new(unsigned cls)
{
    Arena *a = NULL;
    for (unsigned k = 1; k <= NPAGES && !a; k++) a = bucket[k];
    if (!a && !(a = arena_new())) return NULL;
    Page *pg;
    if (a->freepages) {
        pg = a->freepages;
        a->freepages = pg->next;
    } else {
        pg = (Page *)(a->base + (NPAGES - a->untouched) * POOL_PAGE);
        a->untouched--;
    }
    bucket_unlink(a);
    a->nfree--;
    bucket_link(a);
    npages_used++;

    uint32_t bsize = (cls + 1) * 16;
    pg->arena = a;
    pg->cls = cls;
    pg->bsize = bsize;
    pg->freelist = NULL;
    pg->nused = 0;
    pg->nblocks = (uint32_t)((POOL_PAGE - PAGE_HDR) / bsize);
    pg->bump = (char *)pg + PAGE_HDR;
    pg->limit = pg->bump + (size_t)pg->nblocks * bsize;
    pg->prev = NULL;
    pg->next = usable[cls];
    if (pg->next) pg->next->prev = pg;
    usable[cls] = pg;
    return pg;
}

static void usable_unlink(Page *pg)
{
    if (pg->prev) pg->prev->next = pg->next;
    else usable[pg->cls] = pg->next;
    if (pg->next) pg->next->prev = pg->prev;
}

/* The page's last block was freed: give the page back to its arena. */
static void page_release(Page *pg)
{
    usable_unlink(pg);
    npages_used--;
    Arena *a = pg->arena;
    pg->next = a->freepages;
    a->freepages = pg;
    bucket_unlink(a);
    a->nfree++;
    if (a->nfree == NPAGES && bucket[NPAGES]) {
        bucket_link(a);          /* arena_free unlinks it */
        arena_free(a);
        return;
    }
    bucket_link(a);
}

static inline void *pool_alloc(size_t n)
{
    unsigned cls = (unsigned)((n - (n != 0)) >> 4);
    Page *pg = usable[cls];
    if (UNLIKELY(!pg) && !(pg = page_new(cls))) return NULL;
    void *b = pg->freelist;
    if (b) {
        pg->freelist = *(void **)b;
    } else {
        b = pg->bump;
        pg->bump += pg->bsize;
    }
    if (UNLIKELY(++pg->nused == pg->nblocks)) usable_unlink(pg);
    return b;
}

static inline void pool_free(Page *pg, void *b)
{
    *(void **)b = pg->freelist;
    pg->freelist = b;
    if (UNLIKELY(pg->nused-- == pg->nblocks)) {
        pg->prev = NULL;
        pg->next = usable[pg->cls];
        if (pg->next) pg->next->prev = pg;
        usable[pg->cls] = pg;
    }
    if (UNLIKELY(pg->nused == 0)) page_release(pg);
}

/* ---- large blocks ---- */

static inline size_t map_len(size_t n)
{
    if (!os_page) os_page = (size_t)sysconf(_SC_PAGESIZE);
    return (n + HDR + os_page - 1) & ~(os_page - 1);
}

static void *large_alloc(size_t n)
{
    size_t len = map_len(n);
    BigHdr *h = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (h == MAP_FAILED) return NULL;
    h->n = n;
    h->tag = TAG_MAPPED;
    nlarge++;
    large_mapped += len;
    return h + 1;
}

static void large_free(BigHdr *h)
{
    size_t len = map_len(h->n);
    h->tag = 0;
    munmap(h, len);
    nlarge--;
    large_mapped -= len;
}

/* ---- the three kinds together ---- */

/* Medium or large; zero asks for zeroed memory. */
static void *big_alloc(size_t n, bool zero)
{
    void *p;
    if (n >= MEM_LARGE_MIN) {
        p = large_alloc(n);                  /* fresh mappings are zero */
    } else {
        BigHdr *h = zero ? calloc(1, n + HDR) : malloc(n + HDR);
        if (!h) return NULL;
        h->n = n;
        h->tag = TAG_MALLOC;
        p = h + 1;
    }
    return p;
}

static void big_release(void *p)
{
    BigHdr *h = hdr_of(p);
    if (h->tag == TAG_MALLOC) {
        h->tag = 0;
        free(h);
    } else if (h->tag == TAG_MAPPED) {
        large_free(h);
    } else {
        bad_pointer("mem_free", p);
    }
}

static void *alloc_impl(size_t n, bool zero)
{
    void *p;
    if (LIKELY(n <= MEM_SMALL_MAX)) {
        p = pool_alloc(n);
        if (UNLIKELY(!p)) return NULL;
        if (UNLIKELY(!note_alloc(p, mem_block_size(n)))) {
            pool_free(page_of(p), p);
            return NULL;
        }
        if (zero) memset(p, 0, n);
        return p;
    }
    if (n > MEM_MAX) return NULL;
    p = big_alloc(n, zero);
    if (p && !note_alloc(p, mem_block_size(n))) {
        big_release(p);
        return NULL;
    }
    return p;
}

void mem_free(void *p)
{
    if (!p) return;
    if (LIKELY(is_pooled(p))) {
        Page *pg = page_of(p);
        note_free(p, pg->bsize);
        pool_free(pg, p);
        return;
    }
    BigHdr *h = hdr_of(p);
    if (h->tag != TAG_MALLOC && h->tag != TAG_MAPPED) bad_pointer("mem_free", p);
    note_free(p, mem_block_size(h->n));
    big_release(p);
}

void mem_free_sized(void *p, size_t n)
{
    if (!p) return;
    if (n <= MEM_SMALL_MAX) {
#ifndef NDEBUG
        if (!is_pooled(p)) bad_pointer("mem_free_sized", p);
#endif
        Page *pg = page_of(p);
        note_free(p, pg->bsize);
        pool_free(pg, p);
        return;
    }
    mem_free(p);
}

void *mem_realloc(void *p, size_t n)
{
    if (!p) return alloc_impl(n, false);
    if (n > MEM_MAX) return NULL;
    size_t oldsz;               /* usable bytes of the old block */
    if (is_pooled(p)) {
        oldsz = page_of(p)->bsize;
        if (n <= MEM_SMALL_MAX && mem_block_size(n) == oldsz) {
            note_realloc(p, oldsz, p, oldsz);   /* traced from now on, as in the pass-through build */
            return p;
        }
    } else {
        BigHdr *h = hdr_of(p);
        size_t oldn = h->n;
        oldsz = oldn;
        if (h->tag == TAG_MALLOC && n > MEM_SMALL_MAX && n < MEM_LARGE_MIN) {
            BigHdr *nh = realloc(h, n + HDR);
            if (!nh) return NULL;
            nh->n = n;
            note_realloc(p, mem_block_size(oldn), nh + 1, mem_block_size(n));
            return nh + 1;
        }
        if (h->tag == TAG_MAPPED && n > MEM_SMALL_MAX) {
            /* Stays mapped even when it shrinks below MEM_LARGE_MIN: no copy. */
            size_t oldlen = map_len(oldn), newlen = map_len(n);
            BigHdr *nh = h;
            if (newlen != oldlen) {
#ifdef MREMAP_MAYMOVE
                nh = mremap(h, oldlen, newlen, MREMAP_MAYMOVE);
                if (nh == MAP_FAILED) return NULL;
#else
                nh = mmap(NULL, newlen, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                if (nh == MAP_FAILED) return NULL;
                memcpy(nh, h, oldlen < newlen ? oldlen : newlen);
                munmap(h, oldlen);
#endif
                large_mapped += newlen - oldlen;
            }
            nh->n = n;
            note_realloc(p, mem_block_size(oldn), nh + 1, mem_block_size(n));
            return nh + 1;
        }
        if (h->tag != TAG_MALLOC && h->tag != TAG_MAPPED) bad_pointer("mem_realloc", p);
    }
    /* Changing kind (or pool class): move. */
    void *q = alloc_impl(n, false);
    if (!q) return NULL;
    memcpy(q, p, oldsz < n ? oldsz : n);
    mem_free(p);
    return q;
}

bool mem_is_passthrough(void) { return false; }

void mem_stats(MemStats *s)
{
    s->arenas = narenas;
    s->pages_used = npages_used;
    s->large_blocks = nlarge;
    s->large_bytes = large_mapped;
}

#endif /* SCR_MALLOC_PASSTHROUGH */

/* ------------------------------------------------------------------ */
/* the common entry points                                              */

void *mem_alloc(size_t n)
{
    return alloc_impl(n, false);
}

void *mem_calloc(size_t n, size_t size)
{
    if (size && n > MEM_MAX / size) return NULL;
    return alloc_impl(n * size, true);
}

void *mem_alloc_array(size_t n, size_t size)
{
    if (size && n > MEM_MAX / size) return NULL;
    return alloc_impl(n * size, false);
}

size_t mem_allocated_bytes(void) { return live_bytes; }
size_t mem_allocated_blocks(void) { return live_blocks; }
size_t mem_peak_bytes(void) { return peak_bytes; }

/* /proc/self/statm: "size resident shared text lib data dt", in pages.
 * Read with read(2) so that taking the measure allocates nothing. */
size_t mem_rss(void)
{
    int fd = open("/proc/self/statm", O_RDONLY);
    if (fd < 0) return 0;
    char buf[128];
    ssize_t k = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (k <= 0) return 0;
    buf[k] = '\0';
    unsigned long long size, resident;
    if (sscanf(buf, "%llu %llu", &size, &resident) != 2) return 0;
    return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}

/* ---- tracemalloc ---- */

int mem_trace_start(void)
{
    if (tracing) return 0;
    if (!traces.slots && trace_grow() < 0) return -1;
    tracing = true;
    return 0;
}

void mem_trace_clear(void)
{
    if (traces.slots) memset(traces.slots, 0, traces.cap * sizeof(PtrMapSlot));
    traces.n = 0;
    traced_cur = traced_peak = 0;
}

void mem_trace_stop(void)
{
    tracing = false;
    free(traces.slots);
    traces = (PtrMap){0};
    traced_cur = traced_peak = 0;
}

bool mem_trace_is_tracing(void) { return tracing; }

void mem_trace_get(size_t *current, size_t *peak)
{
    *current = tracing ? traced_cur : 0;
    *peak = tracing ? traced_peak : 0;
}

void mem_trace_reset_peak(void)
{
    if (tracing) traced_peak = traced_cur;
}

size_t mem_trace_overhead(void)
{
    return traces.cap * sizeof(PtrMapSlot);
}
