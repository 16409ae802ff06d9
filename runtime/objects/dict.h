/* dict.h — insertion-ordered open-addressing hash tables (CPython's compact
 * layout: a sparse index array of slots into a dense entry array). Used for
 * dict values, module globals, type attributes and the intern table. Keys
 * that are interned strings compare by pointer first.
 *
 * Ownership: keys and values are owned by the dict; lookups return borrowed
 * values. Errors: NULL / VAL_ERROR / -1 with the exception set (TypeError for
 * an unhashable key, MemoryError, or the error of a __hash__ / __eq__). */
#ifndef SCR_DICT_H
#define SCR_DICT_H

#include "core/object.h"

/* ---- the object ---- */

typedef struct DictEntry {
    int64_t hash;
    Value key;           /* VAL_UNDEF: deleted */
    Value value;
} DictEntry;

struct Dict {
    Obj ob;
    int64_t used;        /* live entries */
    int64_t nentries;    /* entries ever appended (incl. deleted) */
    int64_t cap;         /* capacity of entries */
    int64_t mask;        /* index size - 1 (power of two) */
    void *index;         /* int8/16/32/64 slots, chosen by size */
    DictEntry *entries;
    uint64_t version;    /* bumped on every change: lets the VM cache global lookups */
};

extern Type dict_type;

static inline bool val_is_dict(Value v) { return val_is_obj(v) && val_as_obj(v)->type == &dict_type; }
static inline Dict *val_as_dict(Value v) { return (Dict *)val_as_obj(v); }

/* Call once after type_ready(&dict_type) (interp_init): makes dict.fromkeys a
 * classmethod, so that {}.fromkeys(keys) works too. */
void  dict_type_init(void);

/* ---- building (new references) ---- */

Dict *dict_new(void);
Dict *dict_new_presized(int64_t n);             /* room for n items without resizing (BUILD_MAP) */
Dict *dict_copy(Dict *d);
/* Make the zeroed Dict part of an instance of a dict subclass (allocated by
 * the class machinery) an empty dict. Never fails. */
void  dict_init_empty(Dict *d);

/* ---- lookup (borrowed results) ---- */

Value dict_get(Dict *d, Value key);             /* VAL_UNDEF if missing, VAL_ERROR on error */
Value dict_get_str(Dict *d, Str *key);          /* key hash cached; VAL_UNDEF if missing, never fails */
Value dict_get_cstr(Dict *d, const char *key);  /* VAL_UNDEF if missing, never fails */

/* ---- update ---- */

int   dict_set(Dict *d, Value key, Value v);    /* increfs key and v */
int   dict_set_str(Dict *d, Str *key, Value v);
int   dict_set_cstr(Dict *d, const char *key, Value v);
int   dict_del(Dict *d, Value key);             /* KeyError if missing */
int   dict_update(Dict *d, Value other);        /* dict, mapping or iterable of pairs */
void  dict_clear(Dict *d);

/* ---- iteration ---- */

/* `int64_t pos = 0; Value k, v; while (dict_next(d, &pos, &k, &v)) ...`
 * (borrowed; the dict must not change meanwhile). */
bool  dict_next(Dict *d, int64_t *pos, Value *key, Value *value);

#endif
