/* dict.c — the dict type, CPython's compact layout: a sparse index of
 * int8/16/32/64 slots (chosen by table size) into a dense, insertion-ordered
 * entry array, open addressing with perturbation probing, growth at 2/3 load,
 * dummies left by deletions. Index and entries share one allocation. Interned
 * str keys match by pointer, str/int/float keys are compared without calling
 * __eq__, and a lookup restarts if a user __eq__ mutates the dict. Also the
 * dict views (keys/values/items) and their iterators.
 */
#include <string.h>

#include "objects/dict.h"
#include "core/args.h"
#include "objects/subclass.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/function.h"
#include "objects/iterators.h"
#include "memory/gc.h"
#include "core/debug.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define LOOKUP_ERROR (-3)
#define LOOKUP_SUBCLASS (-4)   /* lookup_str met an instance of a str subclass: compare it in lookup() */
#define MINSIZE 8
#define USABLE(size) (((size) << 1) / 3)

static uint64_t version_counter;

/* An empty dict points here: lookups need no NULL check and the first
 * insertion finds no room (cap 0) and allocates. */
static int8_t empty_index[MINSIZE] = { -1, -1, -1, -1, -1, -1, -1, -1 };

static inline void bump(Dict *d) { d->version = ++version_counter; }

/* CPython 3.11's MAINTAIN_TRACKING: a dict is created untracked and becomes
 * tracked by the collector once a key or value that may be part of a cycle
 * is stored in it (gc.c untracks atom-only dicts again in full collections). */
static inline void maintain_tracking(Dict *d, Value key, Value value)
{
    if (!gc_head((Obj *)d)->next && (gc_may_be_tracked(key) || gc_may_be_tracked(value)))
        gc_track((Obj *)d);
}

/* ------------------------------------------------------------------ */
/* the index                                                            */

static inline int64_t ix_get(const Dict *d, uint64_t i)
{
    uint64_t size = (uint64_t)d->mask + 1;
    if (size <= 0x80) return ((const int8_t *)d->index)[i];
    if (size <= 0x8000) return ((const int16_t *)d->index)[i];
    if (size <= UINT64_C(0x80000000)) return ((const int32_t *)d->index)[i];
    return ((const int64_t *)d->index)[i];
}

static inline void ix_set(Dict *d, uint64_t i, int64_t ix)
{
    uint64_t size = (uint64_t)d->mask + 1;
    if (size <= 0x80) ((int8_t *)d->index)[i] = (int8_t)ix;
    else if (size <= 0x8000) ((int16_t *)d->index)[i] = (int16_t)ix;
    else if (size <= UINT64_C(0x80000000)) ((int32_t *)d->index)[i] = (int32_t)ix;
    else ((int64_t *)d->index)[i] = ix;
}

static inline size_t ix_width(uint64_t size)
{
    return size <= 0x80 ? 1 : size <= 0x8000 ? 2 : size <= UINT64_C(0x80000000) ? 4 : 8;
}

#define PROBE_NEXT(i, perturb, mask) \
    do { (perturb) >>= 5; (i) = ((i) * 5 + (perturb) + 1) & (mask); } while (0)

/* First slot for hash that holds no entry (empty or dummy). */
static inline uint64_t find_empty_slot(const Dict *d, int64_t hash)
{
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (ix_get(d, i) >= 0) PROBE_NEXT(i, perturb, mask);
    return i;
}

/* Slot holding entry number ix (which must be in the index). */
static uint64_t find_slot_of(const Dict *d, int64_t hash, int64_t ix)
{
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (ix_get(d, i) != ix) PROBE_NEXT(i, perturb, mask);
    return i;
}

/* ------------------------------------------------------------------ */
/* hashing and key comparison                                           */

static inline int key_hash(Value key, int64_t *h)
{
    if (val_is_str(key)) {
        Str *s = val_as_str(key);
        *h = s->hash != -1 ? s->hash : str_hash(s);
        return 0;
    }
    if (val_is_int(key)) {
        int64_t i = val_as_int(key);
        *h = i == -1 ? -2 : i;
        return 0;
    }
    return obj_hash(key, h);
}

/* Keys with equal hashes but different bits: 1/0 when decidable without
 * running any code, -2 otherwise. */
static inline int key_quick_eq(Value a, Value b)
{
    if (val_is_str(a)) {
        if (!val_is_str(b)) return val_is_obj(b) ? -2 : 0;
        Str *x = val_as_str(a), *y = val_as_str(b);
        if (x->interned && y->interned) return 0;
        return x->len == y->len && memcmp(x->data, y->data, (size_t)x->len) == 0;
    }
    if (val_is_int(a)) {
        if (val_is_int(b)) return 0;
        if (val_is_float(b)) return (double)val_as_int(a) == val_as_float(b);
        return -2;
    }
    if (val_is_float(a)) {
        if (val_is_float(b)) return val_as_float(a) == val_as_float(b);
        if (val_is_int(b)) return (double)val_as_int(b) == val_as_float(a);
        return -2;
    }
    return -2;
}

/* Entry number of key (>= 0), IX_EMPTY if absent, LOOKUP_ERROR on error;
 * *slot gets the index slot of a found key. */
static int64_t lookup(Dict *d, Value key, int64_t hash, uint64_t *slot)
{
restart:;
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) { *slot = i; return ix; }
            if (e->hash == hash) {
                Value ek = e->key;
                int q = key_quick_eq(key, ek);
                if (q == 1) { *slot = i; return ix; }
                if (q == -2) {
                    DictEntry *entries = d->entries;
                    incref(ek);
                    int c = obj_eq(ek, key);
                    decref(ek);
                    if (c < 0) return LOOKUP_ERROR;
                    if (d->entries != entries || d->entries[ix].key != ek) goto restart;
                    if (c) { *slot = i; return ix; }
                }
            }
        } else if (ix == IX_EMPTY) {
            return IX_EMPTY;
        }
        PROBE_NEXT(i, perturb, mask);
    }
}

/* Equal contents of two str keys with equal hashes (kept out of line so the
 * probe loops stay small). */
static __attribute__((noinline)) bool str_key_eq(const Str *a, const Str *b)
{
    return !(a->interned && b->interned) && a->len == b->len && memcmp(a->data, b->data, (size_t)a->len) == 0;
}

/* An entry's key with the hash of str key: 1 when it is a str equal to key,
 * 2 when it is an instance of a str subclass (lookup() compares those), else 0. */
static __attribute__((noinline)) int str_key_match(Value ek, const Str *key)
{
    if (val_is_str(ek)) return str_key_eq(val_as_str(ek), key);
    return val_is_boxed(ek) ? 2 : 0;
}

/* Lookup of a str key: never runs user code (no builtin non-str key equals a
 * str; a key of a str subclass with the same hash gives LOOKUP_SUBCLASS). */
static inline __attribute__((always_inline)) int64_t lookup_str(const Dict *d, Str *key, int64_t hash, uint64_t *slot)
{
    Value kv = val_from_obj(key);
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    const DictEntry *entries = d->entries;
    if (mask < 0x80) {                       /* small tables: globals, attributes, kwargs */
        const int8_t *index = d->index;
        for (;;) {
            int64_t ix = index[i];
            if (ix >= 0) {
                const DictEntry *e = &entries[ix];
                int m = 1;
                if (e->key == kv || (e->hash == hash && (m = str_key_match(e->key, key)) != 0)) {
                    if (m == 2) return LOOKUP_SUBCLASS;
                    *slot = i;
                    return ix;
                }
            } else if (ix == IX_EMPTY) {
                return IX_EMPTY;
            }
            PROBE_NEXT(i, perturb, mask);
        }
    }
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix >= 0) {
            const DictEntry *e = &entries[ix];
            int m = 1;
            if (e->key == kv || (e->hash == hash && (m = str_key_match(e->key, key)) != 0)) {
                if (m == 2) return LOOKUP_SUBCLASS;
                *slot = i;
                return ix;
            }
        } else if (ix == IX_EMPTY) {
            return IX_EMPTY;
        }
        PROBE_NEXT(i, perturb, mask);
    }
}

/* ------------------------------------------------------------------ */
/* consistency (SCR_DEBUG)                                              */

#ifdef SCR_DEBUG
/* The counts agree with each other; with full, also the tables: each live
 * entry is found by probing from its stored hash, no slot points at a
 * deleted entry, as many slots point at entries as there are live ones, a
 * str or int key's stored hash is its hash, deleted entries hold no value.
 * Key hashes that would run code (__hash__) are not recomputed. */
static void dict_check_consistency(const Dict *d, bool full)
{
    uint64_t size = (uint64_t)d->mask + 1;
    scr_assert(size >= MINSIZE && (size & (size - 1)) == 0);
    scr_assert(0 <= d->used && d->used <= d->nentries && d->nentries <= d->cap);
    scr_assert((uint64_t)d->cap <= USABLE(size));
    scr_assert((d->cap == 0) == (d->entries == NULL));
    scr_assert(d->cap != 0 || d->index == (void *)empty_index);
    if (!full) return;
    int64_t live = 0, pointed = 0;
    for (int64_t i = 0; i < d->nentries; i++) {
        const DictEntry *e = &d->entries[i];
        if (e->key == VAL_UNDEF) {
            scr_assert(e->value == VAL_UNDEF);
            continue;
        }
        live++;
        scr_assert(e->value != VAL_UNDEF && e->value != VAL_ERROR && e->key != VAL_ERROR);
        if (val_is_str(e->key)) {
            const Str *k = val_as_str(e->key);
            scr_assert(k->hash == -1 || k->hash == e->hash);
        } else if (val_is_int(e->key)) {
            scr_assert(e->hash == (val_as_int(e->key) == -1 ? -2 : val_as_int(e->key)));
        }
        uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)e->hash, j = (uint64_t)e->hash & mask;
        int64_t ix;
        while ((ix = ix_get(d, j)) != i) {
            scr_assert(ix != IX_EMPTY);          /* a lookup would stop here and miss entry i */
            PROBE_NEXT(j, perturb, mask);
        }
    }
    scr_assert(live == d->used);
    for (uint64_t j = 0; j < size; j++) {
        int64_t ix = ix_get(d, j);
        scr_assert(ix == IX_EMPTY || ix == IX_DUMMY || (ix >= 0 && ix < d->nentries));
        if (ix >= 0) {
            scr_assert(d->entries[ix].key != VAL_UNDEF);
            pointed++;
        }
    }
    scr_assert(pointed == d->used);
}

/* After a mutation: the tables in full when they are small, else about
 * once per `size` changes of the dict (the global version counter is the
 * sample), so that checking stays O(1) per mutation on average. */
static void dict_check(const Dict *d)
{
    uint64_t size = (uint64_t)d->mask + 1;
    dict_check_consistency(d, size <= 16 || (d->version & (size - 1)) == 0);
}
#else
#define dict_check_consistency(d, full) ((void)0)
#define dict_check(d) ((void)0)
#endif

/* ------------------------------------------------------------------ */
/* storage                                                              */

static void set_empty(Dict *d)
{
    d->used = 0;
    d->nentries = 0;
    d->cap = 0;
    d->mask = MINSIZE - 1;
    d->index = empty_index;
    d->entries = NULL;
}

static void free_storage(void *index)
{
    if (index != (void *)empty_index) mem_free(index);
}

/* A fresh index of `size` slots (power of two) with room for USABLE(size) entries. */
static bool alloc_storage(uint64_t size, void **index, DictEntry **entries, int64_t *cap)
{
    size_t w = ix_width(size);
    uint64_t usable = USABLE(size);
    if (size > (uint64_t)INT64_MAX / 64) return false;
    size_t ibytes = (size_t)size * w;
    char *block = mem_alloc(ibytes + (size_t)usable * sizeof(DictEntry));
    if (!block) return false;
    memset(block, 0xff, ibytes);              /* every width: -1 is all ones */
    *index = block;
    *entries = (DictEntry *)(block + ibytes);
    *cap = (int64_t)usable;
    return true;
}

static uint64_t size_for(int64_t minsize)
{
    uint64_t size = MINSIZE;
    while (size < (uint64_t)minsize && size < (UINT64_C(1) << 62)) size <<= 1;
    return size;
}

/* Rebuild with an index of at least minsize slots, dropping deleted entries. */
static int dict_resize(Dict *d, int64_t minsize)
{
    uint64_t size = size_for(minsize);
    void *index;
    DictEntry *entries;
    int64_t cap;
    if (USABLE(size) < (uint64_t)d->used || !alloc_storage(size, &index, &entries, &cap)) {
        err_no_memory();
        return -1;
    }
    void *oldindex = d->index;
    DictEntry *old = d->entries;
    if (d->nentries == d->used) {
        if (d->used) memcpy(entries, old, (size_t)d->used * sizeof(DictEntry));
    } else {
        int64_t j = 0;
        for (int64_t i = 0; i < d->nentries; i++)
            if (old[i].key != VAL_UNDEF) entries[j++] = old[i];
    }
    d->index = index;
    d->entries = entries;
    d->mask = (int64_t)size - 1;
    d->cap = cap;
    d->nentries = d->used;
    for (int64_t i = 0; i < d->used; i++) ix_set(d, find_empty_slot(d, entries[i].hash), i);
    free_storage(oldindex);
    dict_check_consistency(d, true);
    return 0;
}

static inline int grow(Dict *d) { return dict_resize(d, d->used * 3); }

Dict *dict_new(void)
{
    Dict *d = obj_alloc(&dict_type, sizeof(Dict));
    if (!d) return NULL;
    set_empty(d);
    bump(d);
    return d;
}

/* The zeroed Dict part of a dict subclass instance becomes an empty dict. */
void dict_init_empty(Dict *d)
{
    set_empty(d);
    bump(d);
}

/* A dict with room for n items without resizing. */
Dict *dict_new_presized(int64_t n)
{
    Dict *d = dict_new();
    if (!d || n <= USABLE(MINSIZE)) return d;
    if (dict_resize(d, (n * 3 + 1) / 2) < 0) {
        obj_decref(d);
        return NULL;
    }
    return d;
}

/* Append a new entry; key absent; steals nothing (increfs). */
static int insert_new(Dict *d, Value key, int64_t hash, Value value)
{
    if (d->nentries >= d->cap && grow(d) < 0) return -1;
    uint64_t slot = find_empty_slot(d, hash);
    int64_t ix = d->nentries++;
    DictEntry *e = &d->entries[ix];
    incref(key);
    incref(value);
    maintain_tracking(d, key, value);
    e->hash = hash;
    e->key = key;
    e->value = value;
    ix_set(d, slot, ix);
    d->used++;
    bump(d);
    dict_check(d);
    return 0;
}

static int insert(Dict *d, Value key, int64_t hash, Value value)
{
    uint64_t slot;
    int64_t ix = lookup(d, key, hash, &slot);
    if (ix == LOOKUP_ERROR) return -1;
    if (ix >= 0) {
        Value old = d->entries[ix].value;
        incref(value);
        maintain_tracking(d, key, value);
        d->entries[ix].value = value;
        bump(d);
        dict_check(d);
        decref(old);
        return 0;
    }
    return insert_new(d, key, hash, value);
}

static void delete_at(Dict *d, uint64_t slot, int64_t ix)
{
    DictEntry *e = &d->entries[ix];
    Value k = e->key, v = e->value;
    e->key = VAL_UNDEF;
    e->value = VAL_UNDEF;
    ix_set(d, slot, IX_DUMMY);
    d->used--;
    bump(d);
    dict_check(d);
    decref(k);
    decref(v);
}

/* ------------------------------------------------------------------ */
/* public API                                                           */

Value dict_get(Dict *d, Value key)
{
    int64_t h;
    uint64_t slot;
    if (val_is_str(key)) {
        Str *s = val_as_str(key);
        h = s->hash != -1 ? s->hash : str_hash(s);
        int64_t ix = lookup_str(d, s, h, &slot);
        if (ix != LOOKUP_SUBCLASS) return ix >= 0 ? d->entries[ix].value : VAL_UNDEF;
    } else if (key_hash(key, &h) < 0) {
        return VAL_ERROR;
    }
    int64_t ix = lookup(d, key, h, &slot);
    if (ix == LOOKUP_ERROR) return VAL_ERROR;
    return ix >= 0 ? d->entries[ix].value : VAL_UNDEF;
}

Value dict_get_str(Dict *d, Str *key)
{
    int64_t h = key->hash != -1 ? key->hash : str_hash(key);
    uint64_t slot;
    int64_t ix = lookup_str(d, key, h, &slot);
    if (ix == LOOKUP_SUBCLASS) {
        ix = lookup(d, str_val(key), h, &slot);
        if (ix == LOOKUP_ERROR) err_clear();      /* documented never to fail */
    }
    return ix >= 0 ? d->entries[ix].value : VAL_UNDEF;
}

Value dict_get_cstr(Dict *d, const char *key)
{
    int64_t len = (int64_t)strlen(key);
    int64_t hash = str_hash_bytes(key, len);
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = ix_get(d, i);
        if (ix >= 0) {
            const DictEntry *e = &d->entries[ix];
            if (e->hash == hash && val_is_str(e->key)) {
                Str *s = val_as_str(e->key);
                if (s->len == len && memcmp(s->data, key, (size_t)len) == 0) return e->value;
            }
        } else if (ix == IX_EMPTY) {
            return VAL_UNDEF;
        }
        PROBE_NEXT(i, perturb, mask);
    }
}

int dict_set(Dict *d, Value key, Value v)
{
    int64_t h;
    if (key_hash(key, &h) < 0) return -1;
    return insert(d, key, h, v);
}

int dict_set_str(Dict *d, Str *key, Value v)
{
    int64_t h = key->hash != -1 ? key->hash : str_hash(key);
    uint64_t slot;
    int64_t ix = lookup_str(d, key, h, &slot);
    if (ix == LOOKUP_SUBCLASS) return insert(d, val_from_obj(key), h, v);
    if (ix >= 0) {
        Value old = d->entries[ix].value;
        incref(v);
        maintain_tracking(d, VAL_NONE, v);
        d->entries[ix].value = v;
        bump(d);
        dict_check(d);
        decref(old);
        return 0;
    }
    return insert_new(d, val_from_obj(key), h, v);
}

int dict_set_cstr(Dict *d, const char *key, Value v)
{
    Str *k = str_intern_cstr(key);
    if (!k) return -1;
    int r = dict_set_str(d, k, v);
    obj_decref(k);
    return r;
}

int dict_del(Dict *d, Value key)
{
    int64_t h;
    if (key_hash(key, &h) < 0) return -1;
    uint64_t slot;
    int64_t ix = lookup(d, key, h, &slot);
    if (ix == LOOKUP_ERROR) return -1;
    if (ix < 0) {
        err_set_value(&exc_KeyError, key);
        return -1;
    }
    delete_at(d, slot, ix);
    return 0;
}

bool dict_next(Dict *d, int64_t *pos, Value *key, Value *value)
{
    int64_t i = *pos;
    while (i < d->nentries) {
        DictEntry *e = &d->entries[i++];
        if (e->key != VAL_UNDEF) {
            *pos = i;
            if (key) *key = e->key;
            if (value) *value = e->value;
            return true;
        }
    }
    *pos = i;
    return false;
}

void dict_clear(Dict *d)
{
    if (d->index == (void *)empty_index && d->nentries == 0) return;
    void *index = d->index;
    DictEntry *entries = d->entries;
    int64_t n = d->nentries;
    set_empty(d);
    bump(d);
    dict_check_consistency(d, true);
    for (int64_t i = 0; i < n; i++) {
        if (entries[i].key != VAL_UNDEF) {
            decref(entries[i].key);
            decref(entries[i].value);
        }
    }
    free_storage(index);
}

Dict *dict_copy(Dict *src)
{
    Dict *d = dict_new();
    if (!d || src->used == 0) return d;
    if (src->nentries == src->used) {
        /* No deletions: clone the whole table. */
        uint64_t size = (uint64_t)src->mask + 1;
        void *index;
        DictEntry *entries;
        int64_t cap;
        if (!alloc_storage(size, &index, &entries, &cap)) {
            err_no_memory();
            obj_decref(d);
            return NULL;
        }
        memcpy(index, src->index, (size_t)size * ix_width(size));
        memcpy(entries, src->entries, (size_t)src->used * sizeof(DictEntry));
        for (int64_t i = 0; i < src->used; i++) {
            incref(entries[i].key);
            incref(entries[i].value);
        }
        d->index = index;
        d->entries = entries;
        d->mask = src->mask;
        d->cap = cap;
        d->used = d->nentries = src->used;
        if (gc_is_tracked((Obj *)src)) gc_track((Obj *)d);
        dict_check_consistency(d, true);
        return d;
    }
    if (dict_resize(d, (src->used * 3 + 1) / 2) < 0) { obj_decref(d); return NULL; }
    for (int64_t i = 0; i < src->nentries; i++) {
        DictEntry *e = &src->entries[i];
        if (e->key != VAL_UNDEF && insert_new(d, e->key, e->hash, e->value) < 0) {
            obj_decref(d);
            return NULL;
        }
    }
    return d;
}

static int merge_dict(Dict *d, Dict *o)
{
    if (o == d || o->used == 0) return 0;
    if (d->used == 0 && d->nentries == 0 && o->nentries == o->used) {
        Dict *c = dict_copy(o);
        if (!c) return -1;
        /* Take c's table; c dies empty. */
        void *index = d->index;
        d->index = c->index;
        d->entries = c->entries;
        d->mask = c->mask;
        d->cap = c->cap;
        d->used = c->used;
        d->nentries = c->nentries;
        bump(d);
        if (gc_is_tracked((Obj *)c)) gc_track((Obj *)d);
        dict_check_consistency(d, true);
        set_empty(c);
        free_storage(index);
        obj_decref(c);
        return 0;
    }
    if (USABLE((uint64_t)d->mask + 1) < (uint64_t)o->used &&
        dict_resize(d, ((d->used + o->used) * 3 + 1) / 2) < 0)
        return -1;
    for (int64_t i = 0; i < o->nentries; i++) {
        DictEntry *e = &o->entries[i];
        if (e->key == VAL_UNDEF) continue;
        Value k = e->key, v = e->value;
        incref(k);
        incref(v);
        int r = insert(d, k, e->hash, v);
        decref(k);
        decref(v);
        if (r < 0) return -1;
    }
    return 0;
}

/* Iterable of pairs (CPython's dict_merge_from_seq2). */
static int merge_pairs(Dict *d, Value seq)
{
    Value it = obj_iter(seq);
    if (it == VAL_ERROR) return -1;
    for (int64_t n = 0;; n++) {
        Value item = obj_next(it);
        if (item == VAL_UNDEF) break;
        if (item == VAL_ERROR) { decref(it); return -1; }
        Value tmp = VAL_UNDEF;
        const Value *p;
        int64_t len;
        if (val_is_tuple(item)) {
            p = val_as_tuple(item)->items;
            len = val_as_tuple(item)->len;
        } else if (val_is_list(item)) {
            p = val_as_list(item)->items;
            len = val_as_list(item)->len;
        } else {
            if (val_type(item)->iter == NULL) {
                err_format(&exc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                           (long long)n);
                decref(item);
                decref(it);
                return -1;
            }
            tmp = list_from_iterable(item);
            if (tmp == VAL_ERROR) { decref(item); decref(it); return -1; }
            p = val_as_list(tmp)->items;
            len = val_as_list(tmp)->len;
        }
        if (len != 2) {
            err_format(&exc_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                       (long long)n, (long long)len);
            xdecref(tmp);
            decref(item);
            decref(it);
            return -1;
        }
        Value k = p[0], v = p[1];
        incref(k);
        incref(v);
        xdecref(tmp);
        decref(item);
        int r = dict_set(d, k, v);
        decref(k);
        decref(v);
        if (r < 0) { decref(it); return -1; }
    }
    decref(it);
    return 0;
}

/* Anything with keys(): d[k] = other[k] for k in other.keys(). */
static int merge_mapping(Dict *d, Value other, Value keysfn)
{
    Value keys = obj_call(keysfn, NULL, 0, NULL);
    if (keys == VAL_ERROR) return -1;
    Value it = obj_iter(keys);
    decref(keys);
    if (it == VAL_ERROR) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (k == VAL_UNDEF) break;
        if (k == VAL_ERROR) { decref(it); return -1; }
        Value v = obj_getitem(other, k);
        if (v == VAL_ERROR) { decref(k); decref(it); return -1; }
        int r = dict_set(d, k, v);
        decref(k);
        decref(v);
        if (r < 0) { decref(it); return -1; }
    }
    decref(it);
    return 0;
}

int dict_update(Dict *d, Value other)
{
    /* as CPython's dict_merge: a dict subclass that keeps dict's iteration
     * is read directly (its __getitem__ is not called) */
    if (val_is_dict(other) || (val_is_dict_or_sub(other) && val_type(other)->iter == dict_type.iter))
        return merge_dict(d, val_as_dict(other));
    if (!val_is_list(other) && !val_is_tuple(other) && !val_is_str(other) && val_is_obj(other)) {
        Value keysfn = obj_getattr_cstr(other, "keys");
        if (keysfn != VAL_ERROR) {
            int r = merge_mapping(d, other, keysfn);
            decref(keysfn);
            return r;
        }
        if (!err_matches(&exc_AttributeError)) return -1;
        err_clear();
    }
    return merge_pairs(d, other);
}

/* ------------------------------------------------------------------ */
/* type slots                                                           */

static void dict_dealloc(Obj *o)
{
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key != VAL_UNDEF) {
            decref(e->key);
            decref(e->value);
        }
    }
    free_storage(d->index);
    obj_free(o);
}

static void dict_traverse(Obj *o, VisitProc visit, void *arg)
{
    Dict *d = (Dict *)o;
    for (int64_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key == VAL_UNDEF) continue;
        if (val_is_obj(e->key)) visit(val_as_obj(e->key), arg);
        if (val_is_obj(e->value)) visit(val_as_obj(e->value), arg);
    }
}

static void dict_clear_slot(Obj *o) { dict_clear((Dict *)o); }

static bool put_repr(StrBuf *b, Value v)
{
    Value s = obj_repr(v);
    if (s == VAL_ERROR) return false;
    sb_putn(b, val_as_str(s)->data, val_as_str(s)->len);
    decref(s);
    return true;
}

static Value dict_repr(Value v)
{
    Dict *d = val_as_dict(v);
    if (d->used == 0) { Str *s = str_new("{}", 2); return s ? str_val(s) : VAL_ERROR; }
    int r = list_repr_enter((Obj *)d);
    if (r < 0) return VAL_ERROR;
    if (r > 0) { Str *s = str_new("{...}", 5); return s ? str_val(s) : VAL_ERROR; }
    StrBuf b;
    sb_init(&b);
    sb_putc(&b, '{');
    bool first = true;
    for (int64_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key == VAL_UNDEF) continue;
        Value k = e->key, x = e->value;
        if (!first) sb_putn(&b, ", ", 2);
        first = false;
        incref(k);
        incref(x);
        bool ok = put_repr(&b, k);
        if (ok) { sb_putn(&b, ": ", 2); ok = put_repr(&b, x); }
        decref(k);
        decref(x);
        if (!ok) { sb_free(&b); list_repr_leave((Obj *)d); return VAL_ERROR; }
    }
    sb_putc(&b, '}');
    list_repr_leave((Obj *)d);
    return sb_finish(&b);
}

static int64_t dict_len(Value v) { return val_as_dict(v)->used; }

static Value dict_getitem(Value o, Value key)
{
    Value v = dict_get(val_as_dict(o), key);
    if (v == VAL_ERROR) return VAL_ERROR;
    if (v == VAL_UNDEF) {
        err_set_value(&exc_KeyError, key);
        return VAL_ERROR;
    }
    incref(v);
    return v;
}

static int dict_setitem(Value o, Value key, Value v)
{
    if (v == VAL_UNDEF) return dict_del(val_as_dict(o), key);
    return dict_set(val_as_dict(o), key, v);
}

static int dict_contains(Value o, Value key)
{
    Value v = dict_get(val_as_dict(o), key);
    if (v == VAL_ERROR) return -1;
    return v != VAL_UNDEF;
}

static int dict_equal(Dict *a, Dict *b)
{
    if (a->used != b->used) return 0;
    for (int64_t i = 0; i < a->nentries; i++) {
        DictEntry *e = &a->entries[i];
        if (e->key == VAL_UNDEF) continue;
        Value k = e->key, v = e->value;
        incref(k);
        incref(v);
        Value bv = dict_get(b, k);
        int r;
        if (bv == VAL_ERROR) r = -1;
        else if (bv == VAL_UNDEF) r = 0;
        else if (bv == v) r = 1;
        else {
            incref(bv);
            r = obj_eq(v, bv);
            decref(bv);
        }
        decref(k);
        decref(v);
        if (r <= 0) return r;
    }
    return 1;
}

static Value dict_compare(Value a, Value b, int op)
{
    if (!val_is_dict_or_sub(b) || (op != CMP_EQ && op != CMP_NE)) return VAL_NOTIMPL;
    int r = dict_equal(val_as_dict(a), val_as_dict(b));
    if (r < 0) return VAL_ERROR;
    return val_from_bool(op == CMP_EQ ? r : !r);
}

/* ------------------------------------------------------------------ */
/* iterators                                                            */

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

typedef struct DictIter {
    Obj ob;
    Dict *d;              /* NULL once exhausted */
    int64_t used;         /* d->used at creation: detects size changes */
    int64_t pos;
    int64_t remaining;
    Tuple *result;        /* items: reused while nobody else holds it */
} DictIter;

static Type dict_keyiterator_type, dict_valueiterator_type, dict_itemiterator_type;

static void dictiter_dealloc(Obj *o)
{
    DictIter *it = (DictIter *)o;
    if (it->d) obj_decref(it->d);
    if (it->result) obj_decref(it->result);
    obj_free(o);
}

static void dictiter_traverse(Obj *o, VisitProc visit, void *arg)
{
    DictIter *it = (DictIter *)o;
    if (it->d) visit((Obj *)it->d, arg);
    if (it->result) visit((Obj *)it->result, arg);
}


static Value dictiter_next(Value v)
{
    DictIter *it = (DictIter *)val_as_obj(v);
    Dict *d = it->d;
    if (!d) return VAL_UNDEF;
    if (it->used != d->used) {
        err_set(&exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return VAL_ERROR;
    }
    int64_t i = it->pos, n = d->nentries;
    while (i < n && d->entries[i].key == VAL_UNDEF) i++;
    it->pos = i + 1;
    if (i >= n) {
        it->d = NULL;
        obj_decref(d);
        return VAL_UNDEF;
    }
    if (it->remaining == 0) {
        err_set(&exc_RuntimeError, "dictionary keys changed during iteration");
        it->d = NULL;
        obj_decref(d);
        return VAL_ERROR;
    }
    it->remaining--;
    DictEntry *e = &d->entries[i];
    Type *t = it->ob.type;
    if (t == &dict_keyiterator_type) { incref(e->key); return e->key; }
    if (t == &dict_valueiterator_type) { incref(e->value); return e->value; }
    incref(e->key);
    incref(e->value);
    Tuple *r = it->result;
    if (r && r->ob.refcnt == 1) {
        Value ok = r->items[0], ov = r->items[1];
        r->items[0] = e->key;
        r->items[1] = e->value;
        /* The collector may have untracked it as atom-only (CPython does the same). */
        if (!gc_is_tracked((Obj *)r)) gc_track((Obj *)r);
        obj_incref(r);
        decref(ok);
        decref(ov);
        return val_from_obj(r);
    }
    /* tuple_new may run a collection and its callbacks, which may change
     * the dict: keep the pair, not the entry pointer. */
    Value key = e->key, value = e->value;
    r = tuple_new(2);
    if (!r) { decref(key); decref(value); return VAL_ERROR; }
    r->items[0] = key;
    r->items[1] = value;
    if (!it->result) {
        obj_incref(r);
        it->result = r;
    }
    return val_from_obj(r);
}

#define DICT_ITER_TYPE(var, tname) \
    static Type var = { \
        .ob = OBJ_HEAD_INIT(&type_type), .name = tname, .size = sizeof(DictIter), \
        .flags = TYPE_CONTAINER, .dealloc = dictiter_dealloc, .iter = iter_self, \
        .next = dictiter_next, .traverse = dictiter_traverse, \
    }
DICT_ITER_TYPE(dict_keyiterator_type, "dict_keyiterator");
DICT_ITER_TYPE(dict_valueiterator_type, "dict_valueiterator");
DICT_ITER_TYPE(dict_itemiterator_type, "dict_itemiterator");

static Value dictiter_new(Dict *d, Type *t)
{
    DictIter *it = obj_alloc(t, sizeof(DictIter));
    if (!it) return VAL_ERROR;
    obj_incref(d);
    it->d = d;
    it->used = d->used;
    it->pos = 0;
    it->remaining = d->used;
    it->result = NULL;
    return val_from_obj(it);
}

static Value dict_iter(Value v) { return dictiter_new(val_as_dict(v), &dict_keyiterator_type); }

/* ------------------------------------------------------------------ */
/* views                                                                */

typedef struct DictView { Obj ob; Dict *d; } DictView;

static Type dict_keys_type, dict_values_type, dict_items_type;

static Value view_new(Dict *d, Type *t)
{
    DictView *v = obj_alloc(t, sizeof(DictView));
    if (!v) return VAL_ERROR;
    obj_incref(d);
    v->d = d;
    return val_from_obj(v);
}

static void view_dealloc(Obj *o)
{
    obj_decref(((DictView *)o)->d);
    obj_free(o);
}

static void view_traverse(Obj *o, VisitProc visit, void *arg) { visit((Obj *)((DictView *)o)->d, arg); }

static int64_t view_len(Value v) { return ((DictView *)val_as_obj(v))->d->used; }

static Value view_iter(Value v)
{
    DictView *w = (DictView *)val_as_obj(v);
    Type *t = w->ob.type == &dict_keys_type ? &dict_keyiterator_type
            : w->ob.type == &dict_values_type ? &dict_valueiterator_type : &dict_itemiterator_type;
    return dictiter_new(w->d, t);
}

static Value view_repr(Value v)
{
    DictView *w = (DictView *)val_as_obj(v);
    int r = list_repr_enter((Obj *)w);
    if (r < 0) return VAL_ERROR;
    if (r > 0) { Str *s = str_new("...", 3); return s ? str_val(s) : VAL_ERROR; }
    Value l = list_from_iterable(v);
    Value lr = l == VAL_ERROR ? VAL_ERROR : obj_repr(l);
    xdecref(l);
    list_repr_leave((Obj *)w);
    if (lr == VAL_ERROR) return VAL_ERROR;
    StrBuf b;
    sb_init(&b);
    sb_puts(&b, w->ob.type->name);
    sb_putc(&b, '(');
    sb_putn(&b, val_as_str(lr)->data, val_as_str(lr)->len);
    sb_putc(&b, ')');
    decref(lr);
    return sb_finish(&b);
}

static int keys_contains(Value o, Value x) { return dict_contains(val_from_obj(((DictView *)val_as_obj(o))->d), x); }

static int items_contains(Value o, Value x)
{
    Dict *d = ((DictView *)val_as_obj(o))->d;
    if (!val_is_tuple(x) || val_as_tuple(x)->len != 2) return 0;
    Value v = dict_get(d, val_as_tuple(x)->items[0]);
    if (v == VAL_ERROR) return -1;
    if (v == VAL_UNDEF) return 0;
    Value want = val_as_tuple(x)->items[1];
    if (v == want) return 1;
    incref(v);
    int r = obj_eq(v, want);
    decref(v);
    return r;
}

static int values_contains(Value o, Value x)
{
    Dict *d = ((DictView *)val_as_obj(o))->d;
    for (int64_t i = 0; i < d->nentries; i++) {
        Value v = d->entries[i].value;
        if (d->entries[i].key == VAL_UNDEF) continue;
        if (v == x) return 1;
        incref(v);
        int r = obj_eq(v, x);
        decref(v);
        if (r) return r;
    }
    return 0;
}

/* keys and items views compare as sets (only with each other here). */
static Value view_compare(Value a, Value b, int op)
{
    Type *ta = val_type(a), *tb = val_type(b);
    if (ta != tb || (op != CMP_EQ && op != CMP_NE)) return VAL_NOTIMPL;
    DictView *x = (DictView *)val_as_obj(a), *y = (DictView *)val_as_obj(b);
    int eq = 1;
    if (x->d->used != y->d->used) eq = 0;
    else {
        Value it = obj_iter(a);
        if (it == VAL_ERROR) return VAL_ERROR;
        for (;;) {
            Value k = obj_next(it);
            if (k == VAL_UNDEF) break;
            if (k == VAL_ERROR) { decref(it); return VAL_ERROR; }
            int r = ta->contains(b, k);
            decref(k);
            if (r < 0) { decref(it); return VAL_ERROR; }
            if (!r) { eq = 0; break; }
        }
        decref(it);
    }
    return val_from_bool(op == CMP_EQ ? eq : !eq);
}

static Type dict_keys_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "dict_keys", .size = sizeof(DictView),
    .flags = TYPE_CONTAINER, .dealloc = view_dealloc, .repr = view_repr, .compare = view_compare,
    .len = view_len, .contains = keys_contains, .iter = view_iter, .traverse = view_traverse,
};
static Type dict_values_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "dict_values", .size = sizeof(DictView),
    .flags = TYPE_CONTAINER, .dealloc = view_dealloc, .repr = view_repr,
    .len = view_len, .contains = values_contains, .iter = view_iter, .traverse = view_traverse,
};
static Type dict_items_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "dict_items", .size = sizeof(DictView),
    .flags = TYPE_CONTAINER, .dealloc = view_dealloc, .repr = view_repr, .compare = view_compare,
    .len = view_len, .contains = items_contains, .iter = view_iter, .traverse = view_traverse,
};

/* ------------------------------------------------------------------ */
/* methods                                                              */

static Value m_get(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("dict", "get", nargs - 1, kwnames, 1, 2) < 0) return VAL_ERROR;
    Value v = dict_get(val_as_dict(args[0]), args[1]);
    if (v == VAL_ERROR) return VAL_ERROR;
    if (v == VAL_UNDEF) v = nargs > 2 ? args[2] : VAL_NONE;
    incref(v);
    return v;
}

static Value m_keys(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("dict", "keys", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return view_new(val_as_dict(args[0]), &dict_keys_type);
}

static Value m_values(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("dict", "values", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return view_new(val_as_dict(args[0]), &dict_values_type);
}

static Value m_items(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("dict", "items", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return view_new(val_as_dict(args[0]), &dict_items_type);
}

static Value m_pop(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("dict", "pop", nargs - 1, kwnames, 1, 2) < 0) return VAL_ERROR;
    Dict *d = val_as_dict(args[0]);
    int64_t h = 0;
    uint64_t slot;
    int64_t ix = IX_EMPTY;
    if (d->used) {                   /* CPython does not hash the key of an empty dict */
        if (key_hash(args[1], &h) < 0) return VAL_ERROR;
        ix = lookup(d, args[1], h, &slot);
    }
    if (ix == LOOKUP_ERROR) return VAL_ERROR;
    if (ix < 0) {
        if (nargs > 2) { incref(args[2]); return args[2]; }
        err_set_value(&exc_KeyError, args[1]);
        return VAL_ERROR;
    }
    Value v = d->entries[ix].value;
    incref(v);
    delete_at(d, slot, ix);
    return v;
}

static Value m_popitem(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("dict", "popitem", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Dict *d = val_as_dict(args[0]);
    if (d->used == 0) {
        Str *msg = str_from_cstr("popitem(): dictionary is empty");
        if (!msg) return VAL_ERROR;
        err_set_value(&exc_KeyError, str_val(msg));
        obj_decref(msg);
        return VAL_ERROR;
    }
    Tuple *r = tuple_new(2);
    if (!r) return VAL_ERROR;
    int64_t i = d->nentries - 1;
    while (d->entries[i].key == VAL_UNDEF) i--;
    DictEntry *e = &d->entries[i];
    uint64_t slot = find_slot_of(d, e->hash, i);
    ix_set(d, slot, IX_DUMMY);
    r->items[0] = e->key;            /* the entry's references move to the tuple */
    r->items[1] = e->value;
    e->key = e->value = VAL_UNDEF;
    d->nentries = i;
    d->used--;
    bump(d);
    dict_check(d);
    return val_from_obj(r);
}

static Value m_setdefault(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("dict", "setdefault", nargs - 1, kwnames, 1, 2) < 0) return VAL_ERROR;
    Dict *d = val_as_dict(args[0]);
    Value dflt = nargs > 2 ? args[2] : VAL_NONE;
    int64_t h;
    if (key_hash(args[1], &h) < 0) return VAL_ERROR;
    uint64_t slot;
    int64_t ix = lookup(d, args[1], h, &slot);
    if (ix == LOOKUP_ERROR) return VAL_ERROR;
    if (ix >= 0) {
        Value v = d->entries[ix].value;
        incref(v);
        return v;
    }
    if (insert_new(d, args[1], h, dflt) < 0) return VAL_ERROR;
    incref(dflt);
    return dflt;
}

static int update_kwargs(Dict *d, Value *kwvals, Tuple *kwnames)
{
    for (int64_t k = 0; kwnames && k < kwnames->len; k++)
        if (dict_set(d, kwnames->items[k], kwvals[k]) < 0) return -1;
    return 0;
}

static Value m_update(Value *args, int nargs, Tuple *kwnames)
{
    if (args_range("dict", "update", nargs - 1, NULL, 0, 1) < 0) return VAL_ERROR;
    Dict *d = val_as_dict(args[0]);
    if (nargs == 2 && dict_update(d, args[1]) < 0) return VAL_ERROR;
    if (update_kwargs(d, args + nargs, kwnames) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_clear(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("dict", "clear", nargs - 1, kwnames) < 0) return VAL_ERROR;
    dict_clear(val_as_dict(args[0]));
    return VAL_NONE;
}

static Value m_copy(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none("dict", "copy", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Dict *c = dict_copy(val_as_dict(args[0]));
    return c ? val_from_obj(c) : VAL_ERROR;
}

/* fromkeys is a classmethod: dict_type_init() stores it in the type's dict
 * bound to the type, so args[0] is the type whether it is reached through
 * dict.fromkeys or {}.fromkeys. Before that (or from the plain method
 * table) a first argument that is not a type is the iterable. */
static Value m_fromkeys(Value *args, int nargs, Tuple *kwnames)
{
    Type *cls = &dict_type;
    if (nargs > 0 && val_is_obj(args[0]) && val_as_obj(args[0])->type == &type_type) {
        cls = (Type *)val_as_obj(args[0]);
        args++;
        nargs--;
    }
    if (args_range("dict", "fromkeys", nargs, kwnames, 1, 2) < 0) return VAL_ERROR;
    Value value = nargs > 1 ? args[1] : VAL_NONE;
    if (cls != &dict_type) {
        /* a subclass: cls(), then r[key] = value through its __setitem__ */
        Value r = obj_call(val_from_obj(cls), NULL, 0, NULL);
        if (r == VAL_ERROR) return VAL_ERROR;
        Value it = obj_iter(args[0]);
        if (it == VAL_ERROR) { decref(r); return VAL_ERROR; }
        for (;;) {
            Value k = obj_next(it);
            if (k == VAL_UNDEF) break;
            int rc = k == VAL_ERROR ? -1 : obj_setitem(r, k, value);
            xdecref(k);
            if (rc < 0) { decref(it); decref(r); return VAL_ERROR; }
        }
        decref(it);
        return r;
    }
    Dict *d = dict_new();
    if (!d) return VAL_ERROR;
    Value it = obj_iter(args[0]);
    if (it == VAL_ERROR) { obj_decref(d); return VAL_ERROR; }
    for (;;) {
        Value k = obj_next(it);
        if (k == VAL_UNDEF) break;
        int r = k == VAL_ERROR ? -1 : dict_set(d, k, value);
        xdecref(k);
        if (r < 0) { decref(it); obj_decref(d); return VAL_ERROR; }
    }
    decref(it);
    return val_from_obj(d);
}

static const MethodDef dict_methods[] = {
    { "get", m_get },
    { "keys", m_keys },
    { "values", m_values },
    { "items", m_items },
    { "pop", m_pop },
    { "popitem", m_popitem },
    { "setdefault", m_setdefault },
    { "update", m_update },
    { "clear", m_clear },
    { "copy", m_copy },
    { "fromkeys", m_fromkeys },
    { NULL, NULL },
};

void dict_type_init(void)
{
    type_ready(&dict_type);
    if (!dict_type.dict) return;
    Value f = builtin_new("fromkeys", m_fromkeys, val_from_obj(&dict_type));
    if (f == VAL_ERROR) { err_clear(); return; }
    if (dict_set_cstr(dict_type.dict, "fromkeys", f) < 0) err_clear();
    decref(f);
}

static Value dict_type_new(Type *tp, Value *args, int nargs, Tuple *kwnames)
{
    (void)tp;
    if (args_range(NULL, "dict", nargs, NULL, 0, 1) < 0) return VAL_ERROR;
    Dict *d = dict_new();
    if (!d) return VAL_ERROR;
    if ((nargs == 1 && dict_update(d, args[0]) < 0) || update_kwargs(d, args + nargs, kwnames) < 0) {
        obj_decref(d);
        return VAL_ERROR;
    }
    return val_from_obj(d);
}

Type dict_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "dict",
    .size = sizeof(Dict),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .compare = dict_compare,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .iter = dict_iter,
    .new = dict_type_new,
    .methods = dict_methods,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
};
