/* bytes.h — immutable byte strings: literals, indexing (ints), slicing,
 * concatenation, search, hex, and the utf-8 / ascii / latin-1 codecs between
 * bytes and str. */
#ifndef SCR_BYTES_H
#define SCR_BYTES_H

#include "object.h"

typedef struct Bytes {
    Obj ob;
    int64_t len;
    int64_t hash;         /* -1 until computed (the same as str's for the same bytes) */
    char data[];          /* len bytes + a NUL */
} Bytes;

extern Type bytes_type;

Bytes *bytes_new(const char *s, int64_t len);    /* copies; NULL + MemoryError */
static inline bool val_is_bytes(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &bytes_type; }
static inline Bytes *val_as_bytes(Value v) { return (Bytes *)val_as_obj(v); }

/* bytes + bytes, bytes * n, n * bytes; VAL_NOTIMPL for other operands. */
Value bytes_binop(int op, Value a, Value b);
/* str.encode(encoding='utf-8', errors='strict') (registered in str_methods). */
Value bytes_str_encode(Value *args, int nargs, Tuple *kwnames);

#endif
