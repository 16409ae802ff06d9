/* set.c — the set and frozenset types. The table mirrors CPython 3.11's
 * setobject.c entry for entry: an 8-slot table inside the object, growth when
 * fill reaches 3/5 of the table (to used*4, or used*2 past 50 000), LINEAR_PROBES
 * neighbouring slots before each perturbed jump, dummies left by deletions,
 * and the same bulk paths (merge of a set, pre-sized update from a dict), so
 * that a set of small ints iterates in exactly CPython's order. The
 * operations follow setobject.c too (which operand is iterated, which table a
 * result is built from), because that decides the order of their results.
 */
#include <string.h>

#include <stddef.h>
#include "core/args.h"
#include "objects/weakref.h"
#include "objects/set.h"
#include "objects/subclass.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/int.h"
#include "objects/operators.h"
#include "objects/iterators.h"
#include "memory/gc.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define KEY_EMPTY VAL_UNDEF
#define KEY_DUMMY VAL_ERROR    /* never a stored value */

static Type set_iterator_type;

/* ------------------------------------------------------------------ */
/* hashing and comparison                                               */

static inline int key_hash(Value key, int64_t *h)
{
    if (val_is_int(key)) {
        int64_t i = val_as_int(key);
        *h = i == -1 ? -2 : i;
        return 0;
    }
    if (val_is_str(key)) {
        Str *s = val_as_str(key);
        *h = s->hash != -1 ? s->hash : str_hash(s);
        return 0;
    }
    return obj_hash(key, h);
}

/* Equal hashes, different bits: 1/0 when decidable without running code, -2 otherwise. */
static inline int quick_eq(Value a, Value b)
{
    if (val_is_str(a) && val_is_str(b)) {
        Str *x = val_as_str(a), *y = val_as_str(b);
        if (x->interned && y->interned) return 0;
        return x->len == y->len && memcmp(x->data, y->data, (size_t)x->len) == 0;
    }
    if (val_is_int(a) && val_is_int(b)) return 0;
    if (val_is_float(a) && val_is_float(b)) return val_as_float(a) == val_as_float(b);
    return -2;
}

static void init_table(SetEntry *t, int64_t n)
{
    for (int64_t i = 0; i < n; i++) {
        t[i].key = KEY_EMPTY;
        t[i].hash = 0;
    }
}

static void set_empty_small(Set *s)
{
    init_table(s->small, SET_MINSIZE);
    s->table = s->small;
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = 0;
}

/* ------------------------------------------------------------------ */
/* the table                                                            */

/* Entry holding key, or the first never-used entry of its probe sequence;
 * NULL on error. */
static SetEntry *lookkey(Set *s, Value key, int64_t hash)
{
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == KEY_EMPTY) return e;
            if (e->hash == hash) {
                Value sk = e->key;
                if (sk == key) return e;
                int q = quick_eq(sk, key);
                if (q == 1) return e;
                if (q == -2) {
                    SetEntry *table = s->table;
                    incref(sk);
                    int c = obj_eq(sk, key);
                    decref(sk);
                    if (c < 0) return NULL;
                    if (table != s->table || e->key != sk) goto restart;
                    if (c > 0) return e;
                    mask = (uint64_t)s->mask;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void insert_clean(SetEntry *table, uint64_t mask, Value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (e->key == KEY_EMPTY) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == KEY_EMPTY) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int table_resize(Set *s, int64_t minused)
{
    uint64_t newsize = SET_MINSIZE;
    while (newsize <= (uint64_t)minused) {
        if (newsize > (UINT64_C(1) << 58)) { err_no_memory(); return -1; }
        newsize <<= 1;
    }
    SetEntry *old = s->table, *newtable;
    uint64_t oldmask = (uint64_t)s->mask;
    bool old_is_small = old == s->small;
    SetEntry smallcopy[SET_MINSIZE];
    if (newsize == SET_MINSIZE) {
        if (old_is_small) {
            if (s->fill == s->used) return 0;    /* no dummies to drop */
            memcpy(smallcopy, old, sizeof smallcopy);
            old = smallcopy;
        }
        newtable = s->small;
    } else {
        newtable = mem_alloc_array((size_t)newsize, sizeof(SetEntry));
        if (!newtable) { err_no_memory(); return -1; }
    }
    init_table(newtable, (int64_t)newsize);
    s->mask = (int64_t)newsize - 1;
    s->table = newtable;
    for (uint64_t i = 0; i <= oldmask; i++) {
        Value k = old[i].key;
        if (k != KEY_EMPTY && k != KEY_DUMMY) insert_clean(newtable, newsize - 1, k, old[i].hash);
    }
    s->fill = s->used;
    if (!old_is_small) mem_free(old);
    return 0;
}

/* Adds key (a new reference is taken when it is inserted). */
static int add_entry(Set *s, Value key, int64_t hash)
{
    SetEntry *freeslot;
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    freeslot = NULL;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == KEY_EMPTY) {
                if (freeslot) {
                    incref(key);
                    s->used++;
                    freeslot->key = key;
                    freeslot->hash = hash;
                    return 0;
                }
                incref(key);
                s->fill++;
                s->used++;
                e->key = key;
                e->hash = hash;
                if ((uint64_t)s->fill * 5 < mask * 3) return 0;
                return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
            }
            if (e->hash == hash) {
                Value sk = e->key;
                if (sk == key) return 0;
                int q = quick_eq(sk, key);
                if (q == 1) return 0;
                if (q == -2) {
                    SetEntry *table = s->table;
                    incref(sk);
                    int c = obj_eq(sk, key);
                    decref(sk);
                    if (c > 0) return 0;
                    if (c < 0) return -1;
                    if (table != s->table || e->key != sk) goto restart;
                    mask = (uint64_t)s->mask;
                }
            } else if (e->hash == -1) {
                freeslot = e;        /* the last dummy seen, as setobject.c */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_add(Set *s, Value key)
{
    int64_t h;
    if (key_hash(key, &h) < 0) return -1;
    return add_entry(s, key, h);
}

static int contains_entry(Set *s, Value key, int64_t hash)
{
    SetEntry *e = lookkey(s, key, hash);
    if (!e) return -1;
    return e->key != KEY_EMPTY;
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(Set *s, Value key, int64_t hash)
{
    SetEntry *e = lookkey(s, key, hash);
    if (!e) return -1;
    if (e->key == KEY_EMPTY) return 0;
    Value old = e->key;
    e->key = KEY_DUMMY;
    e->hash = -1;
    s->used--;
    decref(old);
    return 1;
}

/* A set used as a key (`{1} in s`, s.remove({1})) is looked up as the frozenset. */
static int with_key(Set *s, Value key, int (*fn)(Set *, Value, int64_t))
{
    int64_t h;
    if (key_hash(key, &h) == 0) return fn(s, key, h);
    if (!val_is_obj(key) || val_as_obj(key)->type != &set_type || !err_matches(&exc_TypeError)) return -1;
    err_clear();
    Set *tmp = set_new(&frozenset_type, key);
    if (!tmp) return -1;
    int r = key_hash(val_from_obj(tmp), &h) < 0 ? -1 : fn(s, val_from_obj(tmp), h);
    obj_decref(tmp);
    return r;
}

int set_contains_key(Set *s, Value key) { return with_key(s, key, contains_entry); }
int set_discard(Set *s, Value key) { return with_key(s, key, discard_entry); }

bool set_next(Set *s, int64_t *pos, Value *key)
{
    int64_t i = *pos;
    while (i <= s->mask) {
        Value k = s->table[i++].key;
        if (k != KEY_EMPTY && k != KEY_DUMMY) {
            *pos = i;
            *key = k;
            return true;
        }
    }
    *pos = i;
    return false;
}

/* set_next with the entry's hash. */
static bool next_entry(Set *s, int64_t *pos, SetEntry **out)
{
    int64_t i = *pos;
    while (i <= s->mask) {
        SetEntry *e = &s->table[i++];
        if (e->key != KEY_EMPTY && e->key != KEY_DUMMY) {
            *pos = i;
            *out = e;
            return true;
        }
    }
    *pos = i;
    return false;
}

static void clear_internal(Set *s)
{
    SetEntry *table = s->table;
    int64_t n = s->mask + 1;
    bool small = table == s->small;
    SetEntry copy[SET_MINSIZE];
    if (s->fill == 0) return;
    if (small) {
        memcpy(copy, table, sizeof copy);
        table = copy;
    }
    set_empty_small(s);
    for (int64_t i = 0; i < n; i++)
        if (table[i].key != KEY_EMPTY && table[i].key != KEY_DUMMY) decref(table[i].key);
    if (!small) mem_free(table);
}

static int merge(Set *s, Set *o)
{
    if (o == s || o->used == 0) return 0;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && table_resize(s, (s->used + o->used) * 2) < 0) return -1;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (int64_t i = 0; i <= o->mask; i++) {
            Value k = o->table[i].key;
            if (k != KEY_EMPTY) {
                incref(k);
                s->table[i] = o->table[i];
            }
        }
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = s->used = o->used;
        for (int64_t i = 0; i <= o->mask; i++) {
            Value k = o->table[i].key;
            if (k != KEY_EMPTY && k != KEY_DUMMY) {
                incref(k);
                insert_clean(s->table, (uint64_t)s->mask, k, o->table[i].hash);
            }
        }
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        SetEntry *e = &o->table[i];
        Value k = e->key;
        if (k != KEY_EMPTY && k != KEY_DUMMY) {
            incref(k);
            int r = add_entry(s, k, e->hash);
            decref(k);
            if (r < 0) return -1;
        }
    }
    return 0;
}

int set_update(Set *s, Value other)
{
    if (val_is_anyset_or_sub(other)) return merge(s, val_as_set(other));
    if (val_is_dict(other)) {
        Dict *d = val_as_dict(other);
        if ((s->fill + d->used) * 5 >= s->mask * 3 && table_resize(s, (s->used + d->used) * 2) < 0) return -1;
        int64_t pos = 0;
        Value k;
        while (dict_next(d, &pos, &k, NULL)) {
            incref(k);
            int r = set_add(s, k);
            decref(k);
            if (r < 0) return -1;
        }
        return 0;
    }
    Value it = obj_iter(other);
    if (it == VAL_ERROR) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (k == VAL_UNDEF) break;
        int r = k == VAL_ERROR ? -1 : set_add(s, k);
        xdecref(k);
        if (r < 0) { decref(it); return -1; }
    }
    decref(it);
    return 0;
}

Set *set_new(Type *t, Value iterable)
{
    Set *s = obj_alloc(t, sizeof(Set));
    if (!s) return NULL;
    set_empty_small(s);
    s->hash = -1;
    if (iterable != VAL_UNDEF && set_update(s, iterable) < 0) {
        obj_decref(s);
        return NULL;
    }
    return s;
}

/* The zeroed Set part of a set or frozenset subclass instance becomes an
 * empty set. */
void set_init_empty(Set *s)
{
    set_empty_small(s);
    s->hash = -1;
}

static Value wrap(Set *s) { return s ? val_from_obj(s) : VAL_ERROR; }

/* A new set of the same kind as s (set or frozenset) with s's keys. */
static Set *copy_of(Set *s) { return set_new(type_solid(s->ob.type), val_from_obj(s)); }

/* ------------------------------------------------------------------ */
/* the algebra (setobject.c's functions of the same names)             */

static Set *intersection(Set *s, Value other)
{
    if (val_from_obj(s) == other) return copy_of(s);
    Set *r = set_new(type_solid(s->ob.type), VAL_UNDEF);
    if (!r) return NULL;
    if (val_is_anyset_or_sub(other)) {
        Set *a = s, *b = val_as_set(other);
        if (b->used > a->used) { Set *t = a; a = b; b = t; }
        int64_t pos = 0;
        SetEntry *e;
        while (next_entry(b, &pos, &e)) {
            Value k = e->key;
            int64_t h = e->hash;
            incref(k);
            int c = contains_entry(a, k, h);
            if (c > 0) c = add_entry(r, k, h);
            decref(k);
            if (c < 0) { obj_decref(r); return NULL; }
        }
        return r;
    }
    Value it = obj_iter(other);
    if (it == VAL_ERROR) { obj_decref(r); return NULL; }
    for (;;) {
        Value k = obj_next(it);
        if (k == VAL_UNDEF) break;
        int64_t h;
        int c = k == VAL_ERROR ? -1 : key_hash(k, &h);
        if (c == 0) c = contains_entry(s, k, h);
        if (c > 0) c = add_entry(r, k, h);
        xdecref(k);
        if (c < 0) { decref(it); obj_decref(r); return NULL; }
    }
    decref(it);
    return r;
}

/* setobject.c's set_swap_bodies: the tables change hands, pop's finger
 * and the weak references stay. */
static void swap_bodies(Set *a, Set *b)
{
    Set t;
    int64_t fa = a->finger, fb = b->finger;
    struct WeakRef *wa = a->weaklist, *wb = b->weaklist;
    size_t off = offsetof(Set, fill), n = sizeof(Set) - off;
    memcpy((char *)&t + off, (char *)a + off, n);
    memcpy((char *)a + off, (char *)b + off, n);
    memcpy((char *)b + off, (char *)&t + off, n);
    if (a->table == b->small) a->table = a->small;
    if (b->table == a->small) b->table = b->small;
    a->finger = fa;
    b->finger = fb;
    a->weaklist = wa;
    b->weaklist = wb;
    a->hash = b->hash = -1;
}

static int intersection_update(Set *s, Value other)
{
    Set *r = intersection(s, other);
    if (!r) return -1;
    swap_bodies(s, r);
    s->hash = -1;
    obj_decref(r);
    return 0;
}

static int difference_update(Set *s, Value other)
{
    if (val_from_obj(s) == other) { clear_internal(s); return 0; }
    if (val_is_anyset_or_sub(other)) {
        Set *o = val_as_set(other);
        if ((o->used >> 3) > s->used) {
            o = intersection(s, other);
            if (!o) return -1;
        } else {
            obj_incref(o);
        }
        int64_t pos = 0;
        SetEntry *e;
        while (next_entry(o, &pos, &e)) {
            Value k = e->key;
            incref(k);
            int r = discard_entry(s, k, e->hash);
            decref(k);
            if (r < 0) { obj_decref(o); return -1; }
        }
        obj_decref(o);
    } else {
        Value it = obj_iter(other);
        if (it == VAL_ERROR) return -1;
        for (;;) {
            Value k = obj_next(it);
            if (k == VAL_UNDEF) break;
            int r = k == VAL_ERROR ? -1 : set_discard(s, k);
            xdecref(k);
            if (r < 0) { decref(it); return -1; }
        }
        decref(it);
    }
    if ((uint64_t)(s->fill - s->used) <= (uint64_t)s->mask / 4) return 0;
    return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

static Set *copy_and_difference(Set *s, Value other)
{
    Set *r = copy_of(s);
    if (!r) return NULL;
    if (difference_update(r, other) < 0) { obj_decref(r); return NULL; }
    return r;
}

static Set *difference(Set *s, Value other)
{
    int64_t other_size;
    if (val_is_anyset_or_sub(other)) other_size = val_as_set(other)->used;
    else if (val_is_dict(other)) other_size = val_as_dict(other)->used;
    else return copy_and_difference(s, other);
    if ((s->used >> 2) > other_size) return copy_and_difference(s, other);
    Set *r = set_new(type_solid(s->ob.type), VAL_UNDEF);
    if (!r) return NULL;
    int64_t pos = 0;
    SetEntry *e;
    while (next_entry(s, &pos, &e)) {
        Value k = e->key;
        int64_t h = e->hash;
        incref(k);
        int c;
        if (val_is_dict(other)) {
            Value v = dict_get(val_as_dict(other), k);
            c = v == VAL_ERROR ? -1 : v != VAL_UNDEF;
        } else {
            c = contains_entry(val_as_set(other), k, h);
        }
        if (c == 0) c = add_entry(r, k, h);
        else if (c > 0) c = 0;
        decref(k);
        if (c < 0) { obj_decref(r); return NULL; }
    }
    return r;
}

static int symmetric_difference_update(Set *s, Value other)
{
    if (val_from_obj(s) == other) { clear_internal(s); return 0; }
    Set *o;
    if (val_is_anyset_or_sub(other)) {
        o = val_as_set(other);
        obj_incref(o);
    } else if (val_is_dict(other)) {
        int64_t pos = 0;
        Value k;
        Dict *d = val_as_dict(other);
        while (dict_next(d, &pos, &k, NULL)) {
            int64_t h;
            incref(k);
            int r = key_hash(k, &h);
            if (r == 0) r = discard_entry(s, k, h);
            if (r == 0) r = add_entry(s, k, h);
            decref(k);
            if (r < 0) return -1;
        }
        return 0;
    } else {
        o = set_new(type_solid(s->ob.type), other);
        if (!o) return -1;
    }
    int64_t pos = 0;
    SetEntry *e;
    while (next_entry(o, &pos, &e)) {
        Value k = e->key;
        int64_t h = e->hash;
        incref(k);
        int r = discard_entry(s, k, h);
        if (r == 0) r = add_entry(s, k, h);
        decref(k);
        if (r < 0) { obj_decref(o); return -1; }
    }
    obj_decref(o);
    return 0;
}

static Set *symmetric_difference(Set *s, Value other)
{
    Set *r = set_new(type_solid(s->ob.type), other);
    if (!r) return NULL;
    if (symmetric_difference_update(r, val_from_obj(s)) < 0) { obj_decref(r); return NULL; }
    return r;
}

static int issubset(Set *s, Value other)
{
    if (!val_is_anyset_or_sub(other)) {
        Set *tmp = set_new(&set_type, other);
        if (!tmp) return -1;
        int r = issubset(s, val_from_obj(tmp));
        obj_decref(tmp);
        return r;
    }
    Set *o = val_as_set(other);
    if (s->used > o->used) return 0;
    int64_t pos = 0;
    SetEntry *e;
    while (next_entry(s, &pos, &e)) {
        Value k = e->key;
        incref(k);
        int c = contains_entry(o, k, e->hash);
        decref(k);
        if (c <= 0) return c;
    }
    return 1;
}

static int issuperset(Set *s, Value other)
{
    if (val_is_anyset_or_sub(other)) return issubset(val_as_set(other), val_from_obj(s));
    Value it = obj_iter(other);
    if (it == VAL_ERROR) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (k == VAL_UNDEF) break;
        int c = k == VAL_ERROR ? -1 : set_contains_key(s, k);
        xdecref(k);
        if (c <= 0) { decref(it); return c; }
    }
    decref(it);
    return 1;
}

static int isdisjoint(Set *s, Value other)
{
    if (val_from_obj(s) == other) return s->used == 0;
    if (val_is_anyset_or_sub(other)) {
        Set *a = s, *b = val_as_set(other);
        if (b->used > a->used) { Set *t = a; a = b; b = t; }
        int64_t pos = 0;
        SetEntry *e;
        while (next_entry(b, &pos, &e)) {
            Value k = e->key;
            incref(k);
            int c = contains_entry(a, k, e->hash);
            decref(k);
            if (c != 0) return c < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = obj_iter(other);
    if (it == VAL_ERROR) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (k == VAL_UNDEF) break;
        int c = k == VAL_ERROR ? -1 : set_contains_key(s, k);
        xdecref(k);
        if (c != 0) { decref(it); return c < 0 ? -1 : 0; }
    }
    decref(it);
    return 1;
}

Value set_binop(int op, Value a, Value b, bool inplace)
{
    if (!val_is_anyset_or_sub(a) || !val_is_anyset_or_sub(b)) return VAL_NOTIMPL;
    Set *s = val_as_set(a);
    if (inplace && type_solid(s->ob.type) == &set_type) {
        int r;
        switch (op) {
        case BINOP_OR: r = set_update(s, b); break;
        case BINOP_AND: r = intersection_update(s, b); break;
        case BINOP_SUB: r = difference_update(s, b); break;
        case BINOP_XOR: r = symmetric_difference_update(s, b); break;
        default: return VAL_NOTIMPL;
        }
        if (r < 0) return VAL_ERROR;
        incref(a);
        return a;
    }
    switch (op) {
    case BINOP_OR: {
        Set *r = copy_of(s);
        if (r && a != b && set_update(r, b) < 0) { obj_decref(r); r = NULL; }
        return wrap(r);
    }
    case BINOP_AND: return wrap(intersection(s, b));
    case BINOP_SUB: return wrap(difference(s, b));
    case BINOP_XOR: return wrap(symmetric_difference(s, b));
    default: return VAL_NOTIMPL;
    }
}

/* ------------------------------------------------------------------ */
/* type slots                                                           */

static void set_dealloc(Obj *o)
{
    Set *s = (Set *)o;
    weakref_dealloc_hook(o);
    for (int64_t i = 0; i <= s->mask; i++) {
        Value k = s->table[i].key;
        if (k != KEY_EMPTY && k != KEY_DUMMY) decref(k);
    }
    if (s->table != s->small) mem_free(s->table);
    obj_free(o);
}

static void set_traverse(Obj *o, VisitProc visit, void *arg)
{
    Set *s = (Set *)o;
    for (int64_t i = 0; i <= s->mask; i++) {
        Value k = s->table[i].key;
        if (k != KEY_EMPTY && k != KEY_DUMMY && val_is_obj(k)) visit(val_as_obj(k), arg);
    }
}

static void set_clear_slot(Obj *o) { clear_internal((Set *)o); }

static Value set_repr(Value v)
{
    Set *s = val_as_set(v);
    bool frozen = s->ob.type != &set_type;     /* frozenset, and subclasses: Name({...}) */
    const char *name = s->ob.type->name;
    StrBuf b;
    sb_init(&b);
    if (s->used == 0) {
        sb_printf(&b, "%s()", name);
        return sb_finish(&b);
    }
    int r = list_repr_enter((Obj *)s);
    if (r < 0) return VAL_ERROR;
    if (r > 0) {
        sb_printf(&b, "%s(...)", name);
        return sb_finish(&b);
    }
    /* The keys are listed first (as CPython does), so that a repr that
     * mutates the set cannot break the walk. */
    Value l = list_from_iterable(v);
    if (l == VAL_ERROR) { list_repr_leave((Obj *)s); return VAL_ERROR; }
    if (frozen) sb_printf(&b, "%s(", name);
    sb_putc(&b, '{');
    List *lst = val_as_list(l);
    for (int64_t i = 0; i < lst->len; i++) {
        if (i) sb_putn(&b, ", ", 2);
        Value kr = obj_repr(lst->items[i]);
        if (kr == VAL_ERROR) {
            decref(l);
            sb_free(&b);
            list_repr_leave((Obj *)s);
            return VAL_ERROR;
        }
        sb_putn(&b, val_as_str(kr)->data, val_as_str(kr)->len);
        decref(kr);
    }
    sb_putc(&b, '}');
    if (frozen) sb_putc(&b, ')');
    decref(l);
    list_repr_leave((Obj *)s);
    return sb_finish(&b);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167);
}

static int frozenset_hash(Value v, int64_t *out)
{
    Set *s = val_as_set(v);
    if (s->hash != -1) { *out = s->hash; return 0; }
    uint64_t hash = 0;
    for (int64_t i = 0; i <= s->mask; i++) hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    if ((s->mask + 1 - s->fill) & 1) hash ^= shuffle_bits(0);
    if ((s->fill - s->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)s->used + 1) * UINT64_C(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * UINT64_C(69069) + UINT64_C(907133923);
    if (hash == (uint64_t)-1) hash = UINT64_C(590923713);
    s->hash = (int64_t)hash;
    *out = s->hash;
    return 0;
}

/* dict.keys() and dict.items() are set-like: CPython's dictview_richcompare
 * compares them with sets, and the views here (runtime/objects/dict.c) leave that to
 * the set's reflected comparison. */
static bool is_dict_setview(Value v)
{
    if (!val_is_obj(v)) return false;
    const char *n = val_type(v)->name;
    return strcmp(n, "dict_keys") == 0 || strcmp(n, "dict_items") == 0;
}

static int all_in_view(Set *s, Value view)
{
    int64_t pos = 0;
    SetEntry *e;
    while (next_entry(s, &pos, &e)) {
        Value k = e->key;
        incref(k);
        int r = obj_contains(view, k);
        decref(k);
        if (r <= 0) return r;
    }
    return 1;
}

static Value compare_view(Set *s, Value view, int op)
{
    int64_t n = obj_len(view);
    if (n < 0) return VAL_ERROR;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = s->used == n ? all_in_view(s, view) : 0;
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LT: r = s->used < n ? all_in_view(s, view) : 0; break;
    case CMP_LE: r = s->used <= n ? all_in_view(s, view) : 0; break;
    case CMP_GT: r = s->used > n ? issuperset(s, view) : 0; break;
    default:     r = s->used >= n ? issuperset(s, view) : 0; break;
    }
    return r < 0 ? VAL_ERROR : val_from_bool(r);
}

static Value set_compare(Value a, Value b, int op)
{
    if (is_dict_setview(b)) return compare_view(val_as_set(a), b, op);
    if (!val_is_anyset_or_sub(b)) return VAL_NOTIMPL;
    Set *s = val_as_set(a), *o = val_as_set(b);
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        if (s->used != o->used) r = 0;
        else if (s->hash != -1 && o->hash != -1 && s->hash != o->hash) r = 0;
        else r = issubset(s, b);
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LE: r = issubset(s, b); break;
    case CMP_GE: r = issuperset(s, b); break;
    case CMP_LT: r = s->used >= o->used ? 0 : issubset(s, b); break;
    case CMP_GT: r = s->used <= o->used ? 0 : issuperset(s, b); break;
    default: return VAL_NOTIMPL;
    }
    if (r < 0) return VAL_ERROR;
    return val_from_bool(r);
}

static int64_t set_len(Value v) { return val_as_set(v)->used; }

static int set_contains_slot(Value o, Value x) { return set_contains_key(val_as_set(o), x); }

/* ---- iterator ---- */

typedef struct SetIter {
    Obj ob;
    Set *s;               /* NULL once exhausted */
    int64_t used;         /* s->used at creation */
    int64_t pos;
    int64_t len;          /* items left */
} SetIter;

static Value set_iter(Value v)
{
    Set *s = val_as_set(v);
    SetIter *it = obj_alloc(&set_iterator_type, sizeof(SetIter));
    if (!it) return VAL_ERROR;
    obj_incref(s);
    it->s = s;
    it->used = s->used;
    it->pos = 0;
    it->len = s->used;
    return val_from_obj(it);
}

static void setiter_dealloc(Obj *o)
{
    SetIter *it = (SetIter *)o;
    if (it->s) obj_decref(it->s);
    obj_free(o);
}

static void setiter_traverse(Obj *o, VisitProc visit, void *arg)
{
    SetIter *it = (SetIter *)o;
    if (it->s) visit((Obj *)it->s, arg);
}


static Value setiter_next(Value v)
{
    SetIter *it = (SetIter *)val_as_obj(v);
    Set *s = it->s;
    if (!s) return VAL_UNDEF;
    if (it->used != s->used) {
        err_set(&exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return VAL_ERROR;
    }
    Value k;
    if (!set_next(s, &it->pos, &k)) {
        it->s = NULL;
        obj_decref(s);
        return VAL_UNDEF;
    }
    it->len--;
    incref(k);
    return k;
}

static Type set_iterator_type = {
    .ob = OBJ_HEAD_INIT(&type_type), .name = "set_iterator", .size = sizeof(SetIter),
    .flags = TYPE_CONTAINER, .dealloc = setiter_dealloc, .iter = iter_self,
    .next = setiter_next, .traverse = setiter_traverse,
};

/* ------------------------------------------------------------------ */
/* methods                                                              */

static const char *tname(Value *args) { return val_as_obj(args[0])->type->name; }

#define SELF val_as_set(args[0])

static Value m_add(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "add", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return set_add(SELF, args[1]) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value m_remove(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "remove", nargs - 1, kwnames) < 0) return VAL_ERROR;
    int r = set_discard(SELF, args[1]);
    if (r < 0) return VAL_ERROR;
    if (r == 0) {
        err_set_value(&exc_KeyError, args[1]);
        return VAL_ERROR;
    }
    return VAL_NONE;
}

static Value m_discard(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "discard", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return set_discard(SELF, args[1]) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value m_pop(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(tname(args), "pop", nargs - 1, kwnames) < 0) return VAL_ERROR;
    Set *s = SELF;
    if (s->used == 0) {
        Str *msg = str_from_cstr("pop from an empty set");
        if (!msg) return VAL_ERROR;
        err_set_value(&exc_KeyError, str_val(msg));
        obj_decref(msg);
        return VAL_ERROR;
    }
    SetEntry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
    while (e->key == KEY_EMPTY || e->key == KEY_DUMMY) {
        e++;
        if (e > limit) e = s->table;
    }
    Value k = e->key;
    e->key = KEY_DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = e - s->table + 1;
    return k;
}

static Value m_clear(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(tname(args), "clear", nargs - 1, kwnames) < 0) return VAL_ERROR;
    clear_internal(SELF);
    return VAL_NONE;
}

static Value m_copy(Value *args, int nargs, Tuple *kwnames)
{
    if (args_none(tname(args), "copy", nargs - 1, kwnames) < 0) return VAL_ERROR;
    if (SELF->ob.type == &frozenset_type) { incref(args[0]); return args[0]; }
    return wrap(copy_of(SELF));
}

static Value m_update(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "update", kwnames) < 0) return VAL_ERROR;
    for (int i = 1; i < nargs; i++)
        if (set_update(SELF, args[i]) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_union(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "union", kwnames) < 0) return VAL_ERROR;
    Set *r = copy_of(SELF);
    if (!r) return VAL_ERROR;
    for (int i = 1; i < nargs; i++) {
        if (args[i] == args[0]) continue;
        if (set_update(r, args[i]) < 0) { obj_decref(r); return VAL_ERROR; }
    }
    return val_from_obj(r);
}

static Value m_intersection(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "intersection", kwnames) < 0) return VAL_ERROR;
    if (nargs == 1) return wrap(copy_of(SELF));
    Set *r = SELF;
    obj_incref(r);
    for (int i = 1; i < nargs; i++) {
        Set *n = intersection(r, args[i]);
        obj_decref(r);
        if (!n) return VAL_ERROR;
        r = n;
    }
    return val_from_obj(r);
}

static Value m_intersection_update(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "intersection_update", kwnames) < 0) return VAL_ERROR;
    Value r = m_intersection(args, nargs, NULL);
    if (r == VAL_ERROR) return VAL_ERROR;
    swap_bodies(SELF, val_as_set(r));
    decref(r);
    return VAL_NONE;
}

static Value m_difference(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "difference", kwnames) < 0) return VAL_ERROR;
    if (nargs == 1) return wrap(copy_of(SELF));
    Set *r = difference(SELF, args[1]);
    if (!r) return VAL_ERROR;
    for (int i = 2; i < nargs; i++)
        if (difference_update(r, args[i]) < 0) { obj_decref(r); return VAL_ERROR; }
    return val_from_obj(r);
}

static Value m_difference_update(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "difference_update", kwnames) < 0) return VAL_ERROR;
    for (int i = 1; i < nargs; i++)
        if (difference_update(SELF, args[i]) < 0) return VAL_ERROR;
    return VAL_NONE;
}

static Value m_symmetric_difference(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "symmetric_difference", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return wrap(symmetric_difference(SELF, args[1]));
}

static Value m_symmetric_difference_update(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "symmetric_difference_update", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return symmetric_difference_update(SELF, args[1]) < 0 ? VAL_ERROR : VAL_NONE;
}

static Value bool_result(int r) { return r < 0 ? VAL_ERROR : val_from_bool(r); }

static Value m_issubset(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "issubset", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return bool_result(issubset(SELF, args[1]));
}

static Value m_issuperset(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "issuperset", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return bool_result(issuperset(SELF, args[1]));
}

static Value m_isdisjoint(Value *args, int nargs, Tuple *kwnames)
{
    if (args_one(tname(args), "isdisjoint", nargs - 1, kwnames) < 0) return VAL_ERROR;
    return bool_result(isdisjoint(SELF, args[1]));
}

static const MethodDef set_methods[] = {
    { "add", m_add },
    { "remove", m_remove },
    { "discard", m_discard },
    { "pop", m_pop },
    { "clear", m_clear },
    { "copy", m_copy },
    { "update", m_update },
    { "union", m_union },
    { "intersection", m_intersection },
    { "intersection_update", m_intersection_update },
    { "difference", m_difference },
    { "difference_update", m_difference_update },
    { "symmetric_difference", m_symmetric_difference },
    { "symmetric_difference_update", m_symmetric_difference_update },
    { "issubset", m_issubset },
    { "issuperset", m_issuperset },
    { "isdisjoint", m_isdisjoint },
    { NULL, NULL },
};

static const MethodDef frozenset_methods[] = {
    { "copy", m_copy },
    { "union", m_union },
    { "intersection", m_intersection },
    { "difference", m_difference },
    { "symmetric_difference", m_symmetric_difference },
    { "issubset", m_issubset },
    { "issuperset", m_issuperset },
    { "isdisjoint", m_isdisjoint },
    { NULL, NULL },
};

static Value set_type_new(Type *t, Value *args, int nargs, Tuple *kwnames)
{
    if (args_range(NULL, t->name, nargs, kwnames, 0, 1) < 0) return VAL_ERROR;
    if (t == &frozenset_type && nargs == 1 && val_is_obj(args[0]) && val_as_obj(args[0])->type == &frozenset_type) {
        incref(args[0]);
        return args[0];
    }
    return wrap(set_new(t, nargs ? args[0] : VAL_UNDEF));
}

Type set_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "set",
    .size = sizeof(Set),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .compare = set_compare,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .new = set_type_new,
    .methods = set_methods,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .weaklistoffset = offsetof(Set, weaklist),
};

Type frozenset_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "frozenset",
    .size = sizeof(Set),
    .flags = TYPE_CONTAINER | TYPE_BASETYPE,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .compare = set_compare,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .new = set_type_new,
    .methods = frozenset_methods,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .weaklistoffset = offsetof(Set, weaklist),
};
