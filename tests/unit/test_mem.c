/* test_mem.c — unit tests of runtime/memory/mem.c: exact byte and block counters,
 * pool reuse, contents kept across every kind of realloc (pool -> malloc ->
 * mapping -> mremap and back), large blocks and empty arenas given back to the
 * OS, overflow checks, and the tracemalloc traces. The pool-specific checks
 * are skipped in the pass-through build, whose counters must agree anyway. */
#include "check_util.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "memory/mem.h"

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(i * 31 + seed);
}

static int check_fill(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 31 + seed)) return 0;
    return 1;
}

START_TEST(test_block_size)
{
    ck_assert_uint_eq(mem_block_size(0), 16);
    ck_assert_uint_eq(mem_block_size(1), 16);
    ck_assert_uint_eq(mem_block_size(16), 16);
    ck_assert_uint_eq(mem_block_size(17), 32);
    ck_assert_uint_eq(mem_block_size(512), 512);
    ck_assert_uint_eq(mem_block_size(513), 528);
}
END_TEST

START_TEST(test_counters_exact)
{
    static const size_t sizes[] = {0, 1, 8, 16, 17, 40, 100, 511, 512, 513, 4000, 65536,
                                   MEM_LARGE_MIN - 1, MEM_LARGE_MIN, 3 * MEM_LARGE_MIN + 5};
    enum { N = sizeof sizes / sizeof sizes[0] };
    void *p[N];
    size_t b0 = mem_allocated_bytes(), k0 = mem_allocated_blocks();
    size_t want = 0;
    for (int i = 0; i < N; i++) {
        p[i] = mem_alloc(sizes[i]);
        ck_assert_ptr_nonnull(p[i]);
        ck_assert_uint_eq(((uintptr_t)p[i]) % 16, 0);
        memset(p[i], 0xab, sizes[i]);
        want += mem_block_size(sizes[i]);
        ck_assert_uint_eq(mem_allocated_bytes() - b0, want);
        ck_assert_uint_eq(mem_allocated_blocks() - k0, (size_t)i + 1);
    }
    ck_assert_uint_ge(mem_peak_bytes(), mem_allocated_bytes());
    for (int i = N - 1; i >= 0; i--) {
        if (i % 2) mem_free(p[i]);
        else mem_free_sized(p[i], sizes[i]);
        want -= mem_block_size(sizes[i]);
        ck_assert_uint_eq(mem_allocated_bytes() - b0, want);
    }
    ck_assert_uint_eq(mem_allocated_bytes(), b0);
    ck_assert_uint_eq(mem_allocated_blocks(), k0);
    mem_free(NULL);
    mem_free_sized(NULL, 10);
    ck_assert_uint_eq(mem_allocated_blocks(), k0);
}
END_TEST

START_TEST(test_calloc_zeroes)
{
    static const size_t sizes[] = {24, 300, 5000, 2 * MEM_LARGE_MIN};
    for (int i = 0; i < 4; i++) {
        /* dirty a block of that size first so that reuse would show */
        unsigned char *d = mem_alloc(sizes[i]);
        memset(d, 0x5a, sizes[i]);
        mem_free(d);
        unsigned char *z = mem_calloc(sizes[i] / 4, 4);
        ck_assert_ptr_nonnull(z);
        for (size_t j = 0; j < sizes[i]; j++) ck_assert_uint_eq(z[j], 0);
        mem_free(z);
    }
}
END_TEST

START_TEST(test_pool_reuse)
{
    if (mem_is_passthrough()) return;
    void *a = mem_alloc(40);
    void *b = mem_alloc(40);
    mem_free(a);
    void *c = mem_alloc(33);          /* same class (48): the block just freed */
    ck_assert_ptr_eq(c, a);
    mem_free(b);
    mem_free(c);

    /* Many blocks of every class: none overlaps another. */
    enum { PER = 300, CLASSES = MEM_SMALL_MAX / 16 };
    static unsigned char *blk[CLASSES][PER];
    for (int k = 0; k < CLASSES; k++)
        for (int i = 0; i < PER; i++) {
            size_t n = (size_t)(k + 1) * 16;
            blk[k][i] = mem_alloc(n);
            ck_assert_ptr_nonnull(blk[k][i]);
            fill(blk[k][i], n, (unsigned)(k * PER + i));
        }
    for (int k = 0; k < CLASSES; k++)
        for (int i = 0; i < PER; i++) {
            ck_assert(check_fill(blk[k][i], (size_t)(k + 1) * 16, (unsigned)(k * PER + i)));
            mem_free(blk[k][i]);
        }
}
END_TEST

START_TEST(test_arena_release)
{
    if (mem_is_passthrough()) return;
    MemStats s0, s1, s2;
    mem_stats(&s0);
    enum { N = 40000 };                      /* 40000 * 64 B = 2.5 MB: ~10 arenas */
    static void *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = mem_alloc(64);
        ck_assert_ptr_nonnull(p[i]);
    }
    mem_stats(&s1);
    ck_assert_uint_ge(s1.arenas, s0.arenas + 9);
    /* Free in a scattered order: every arena must still empty and go. */
    for (int step = 0; step < 7; step++)
        for (int i = step; i < N; i += 7) mem_free(p[i]);
    mem_stats(&s2);
    ck_assert_uint_le(s2.arenas, s0.arenas + 1);   /* at most one spare kept */
    ck_assert_uint_eq(s2.pages_used, s0.pages_used);
}
END_TEST

START_TEST(test_realloc_keeps_contents)
{
    size_t b0 = mem_allocated_bytes(), k0 = mem_allocated_blocks();
    size_t n = 8;
    unsigned char *p = mem_alloc(n);
    fill(p, n, 7);
    /* Grow as a list does (~1/8) through every kind, up to 48 MB. */
    while (n < ((size_t)48 << 20)) {
        size_t nn = n + (n >> 3) + 8;
        unsigned char *q = mem_realloc(p, nn);
        ck_assert_ptr_nonnull(q);
        ck_assert_msg(check_fill(q, n, 7), "contents lost growing %zu -> %zu", n, nn);
        fill(q, nn, 7);
        p = q;
        n = nn;
        ck_assert_uint_eq(mem_allocated_bytes() - b0, mem_block_size(n));
        ck_assert_uint_eq(mem_allocated_blocks() - k0, 1);
    }
    /* ... and shrink back down through every kind. */
    while (n > 4) {
        size_t nn = n / 3;
        unsigned char *q = mem_realloc(p, nn);
        ck_assert_ptr_nonnull(q);
        ck_assert(check_fill(q, nn, 7));
        p = q;
        n = nn;
        ck_assert_uint_eq(mem_allocated_bytes() - b0, mem_block_size(n));
    }
    mem_free(p);
    ck_assert_uint_eq(mem_allocated_bytes(), b0);
    ck_assert_uint_eq(mem_allocated_blocks(), k0);
    /* realloc(NULL) allocates */
    p = mem_realloc(NULL, 100);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(mem_allocated_blocks() - k0, 1);
    mem_free(p);
}
END_TEST

START_TEST(test_large_block_returned)
{
    if (mem_is_passthrough()) return;     /* glibc may keep freed memory */
    MemStats s0, s1, s2;
    mem_stats(&s0);
    size_t rss0 = mem_rss();
    size_t n = (size_t)64 << 20;
    unsigned char *p = mem_alloc(n);
    ck_assert_ptr_nonnull(p);
    memset(p, 1, n);
    mem_stats(&s1);
    ck_assert_uint_eq(s1.large_blocks, s0.large_blocks + 1);
    ck_assert_uint_ge(s1.large_bytes - s0.large_bytes, n);
    if (rss0) ck_assert_uint_ge(mem_rss(), rss0 + n - ((size_t)4 << 20));
    mem_free(p);
    mem_stats(&s2);
    ck_assert_uint_eq(s2.large_blocks, s0.large_blocks);
    ck_assert_uint_eq(s2.large_bytes, s0.large_bytes);
    if (rss0) ck_assert_uint_le(mem_rss(), rss0 + ((size_t)4 << 20));
}
END_TEST

START_TEST(test_overflow_returns_null)
{
    size_t b0 = mem_allocated_bytes(), k0 = mem_allocated_blocks();
    ck_assert_ptr_null(mem_alloc_array(SIZE_MAX / 4, 8));
    ck_assert_ptr_null(mem_alloc_array((size_t)1 << 61, 8));
    ck_assert_ptr_null(mem_calloc(SIZE_MAX, 2));
    ck_assert_ptr_null(mem_alloc(SIZE_MAX));
    ck_assert_ptr_null(mem_alloc(SIZE_MAX - 8));
    unsigned char *p = mem_alloc(100);
    fill(p, 100, 3);
    ck_assert_ptr_null(mem_realloc(p, SIZE_MAX - 3));
    ck_assert(check_fill(p, 100, 3));             /* still valid, still counted */
    ck_assert_uint_eq(mem_allocated_blocks() - k0, 1);
    mem_free(p);
    ck_assert_uint_eq(mem_allocated_bytes(), b0);
    ck_assert_uint_eq(mem_allocated_blocks(), k0);
    /* zero-sized arrays are fine */
    p = mem_alloc_array(0, 8);
    ck_assert_ptr_nonnull(p);
    mem_free(p);
}
END_TEST

START_TEST(test_tracing)
{
    size_t cur, peak;
    ck_assert(!mem_trace_is_tracing());
    void *before = mem_alloc(100);              /* not traced */
    void *early = mem_alloc(20);                /* not traced */
    ck_assert_int_eq(mem_trace_start(), 0);
    ck_assert(mem_trace_is_tracing());
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 0);
    ck_assert_uint_eq(peak, 0);

    void *a = mem_alloc(100);                   /* 112 */
    void *b = mem_alloc(1000);                  /* 1008 */
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 1120);
    ck_assert_uint_eq(peak, 1120);
    mem_free(before);                           /* untraced: no change */
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 1120);
    mem_free(b);
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 112);
    ck_assert_uint_eq(peak, 1120);
    mem_trace_reset_peak();
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(peak, 112);
    a = mem_realloc(a, 300);                    /* traced at its new size */
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 304);
    a = mem_realloc(a, 2 * MEM_LARGE_MIN);
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 2 * MEM_LARGE_MIN);

    /* Many traces: the table grows and shrinks back to nothing. */
    enum { N = 20000 };
    static void *p[N];
    for (int i = 0; i < N; i++) p[i] = mem_alloc((size_t)(i % 200));
    size_t sum = 0;
    for (int i = 0; i < N; i++) sum += mem_block_size((size_t)(i % 200));
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 2 * MEM_LARGE_MIN + sum);
    ck_assert_uint_gt(mem_trace_overhead(), 0);
    for (int i = 0; i < N; i += 2) mem_free(p[i]);
    for (int i = 1; i < N; i += 2) mem_free(p[i]);
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 2 * MEM_LARGE_MIN);
    ck_assert_uint_eq(peak, 2 * MEM_LARGE_MIN + sum);

    mem_trace_clear();                          /* a is no longer traced */
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 0);
    ck_assert_uint_eq(peak, 0);
    mem_free(a);
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 0);

    /* An untraced block realloc'd while tracing is traced at its new size,
     * also when it stays where it is (same pool class). */
    early = mem_realloc(early, 30);
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 32);
    mem_free(early);
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 0);

    void *c = mem_alloc(50);
    mem_trace_stop();
    ck_assert(!mem_trace_is_tracing());
    mem_trace_get(&cur, &peak);
    ck_assert_uint_eq(cur, 0);
    ck_assert_uint_eq(peak, 0);
    mem_free(c);                                /* after stop: no trace to drop */
    ck_assert_uint_eq(mem_trace_overhead(), 0);
}
END_TEST

static void add_tests(TCase *tc)
{
    check_add_tests(tc, test_block_size, test_counters_exact, test_calloc_zeroes, test_pool_reuse,
                    test_arena_release, test_realloc_keeps_contents, test_large_block_returned,
                    test_overflow_returns_null, test_tracing, NULL);
}

const CheckSuite check_suite = { .name = "mem", .add_tests = add_tests, .timeout = 120 };
