/* mem.h — the one allocator every interpreter allocation goes through, so
 * that the heap can be counted (tracemalloc, sys.getallocatedblocks) and,
 * later, pooled. Each returns NULL on failure: the caller raises MemoryError
 * (err_no_memory). Sizes are checked for overflow by mem_alloc_array. */
#ifndef SCR_MEM_H
#define SCR_MEM_H

#include <stddef.h>

void  *mem_alloc(size_t n);
void  *mem_calloc(size_t n, size_t size);
void  *mem_alloc_array(size_t n, size_t size);     /* NULL when n * size overflows */
void  *mem_realloc(void *p, size_t n);
void   mem_free(void *p);
size_t mem_allocated_bytes(void);                  /* live heap bytes */
size_t mem_allocated_blocks(void);

#endif
