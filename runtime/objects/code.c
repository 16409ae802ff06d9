/* code.c — the code object type: what the compiler (src/compile) fills and
 * the VM (src/vm) runs, seen from the runtime as an object (repr, hash,
 * the co_* attributes help() reads) and as a table of source positions
 * for tracebacks. */
#include <stdio.h>
#include <string.h>

#include "objects/code.h"
#include "core/error.h"
#include "memory/mem.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

static void code_dealloc(Obj *o)
{
    Code *c = (Code *)o;
    for (int32_t i = 0; i < c->nconsts; i++)
        decref(c->consts[i]);
    for (int32_t i = 0; i < c->nnames; i++)
        if (c->names[i]) obj_decref(c->names[i]);
    if (c->localnames)
        for (int32_t i = 0; i < c->nlocals; i++)
            if (c->localnames[i]) obj_decref(c->localnames[i]);
    if (c->name) obj_decref(c->name);
    if (c->qualname) obj_decref(c->qualname);
    if (c->doc) obj_decref(c->doc);
    if (c->filename) obj_decref(c->filename);
    mem_free(c->code);
    mem_free(c->lines);
    mem_free(c->positions);
    mem_free(c->consts);
    mem_free(c->names);
    mem_free(c->handlers);
    mem_free(c->cell_param);
    mem_free(c->localnames);
    obj_free(c);
}

/* positions[] holds one entry per instruction, each unsigned LEB128
 * numbers: 0 = columns unknown; 1 = the same range as the instruction
 * before; otherwise col + 2, end_line - line, end_col. */
static uint32_t read_varint(const uint8_t **p)
{
    uint32_t v = 0;
    int shift = 0;
    uint8_t b;
    do {
        b = *(*p)++;
        if (shift < 32) v |= (uint32_t)(b & 0x7f) << shift;
        shift += 7;
    } while (b & 0x80);
    return v;
}

void code_position(const Code *c, int32_t i, int *line, int *col, int *end_line, int *end_col)
{
    *line = *end_line = c->lines ? c->lines[i] : c->firstline;
    *col = *end_col = -1;
    if (!c->positions || i < 0 || i >= c->ncode) return;
    const uint8_t *p = c->positions;
    int dl = 0;
    for (int32_t k = 0; k <= i; k++) {
        uint32_t v = read_varint(&p);
        if (v == 0) {
            *col = *end_col = -1;
            dl = 0;
        } else if (v >= 2) {
            *col = (int)(v - 2);
            dl = (int)read_varint(&p);
            *end_col = (int)read_varint(&p);
        }
    }
    *end_line = *line + dl;
}

static Value code_repr(Value v)
{
    Code *c = (Code *)val_as_obj(v);
    const char *name = c->name ? c->name->data : "?";
    const char *file = c->filename ? c->filename->data : "?";
    size_t n = strlen(name) + strlen(file) + 96;
    char *buf = mem_alloc(n);
    if (!buf) {
        err_no_memory();
        return VAL_ERROR;
    }
    snprintf(buf, n, "<code object %s at %p, file \"%s\", line %d>",
             name, (void *)c, file, (int)c->firstline);
    Str *s = str_from_cstr(buf);
    mem_free(buf);
    return s ? str_val(s) : VAL_ERROR;
}

static int code_hash(Value v, int64_t *out)
{
    *out = (int64_t)(val_as_obj(v)) >> 4;   /* identity, like object.__hash__ */
    return 0;
}

/* The parts of a code object a signature is read from (help() uses them),
 * under CPython's names and with CPython's CO_VARARGS/CO_VARKEYWORDS bits. */
static Value code_getattr(Value v, Str *name)
{
    Code *c = (Code *)val_as_obj(v);
    if (str_eq_cstr(name, "co_argcount")) return val_from_int(c->nparams);
    if (str_eq_cstr(name, "co_posonlyargcount")) return val_from_int(c->nposonly);
    if (str_eq_cstr(name, "co_kwonlyargcount")) return val_from_int(c->nkwonly);
    if (str_eq_cstr(name, "co_flags"))
        return val_from_int(((c->flags & CO_VARARGS) ? 4 : 0) | ((c->flags & CO_VARKW) ? 8 : 0) |
                            ((c->flags & CO_GENERATOR) ? 32 : 0));
    if (str_eq_cstr(name, "co_firstlineno")) return val_from_int(c->firstline);
    Str *s = str_eq_cstr(name, "co_name") ? c->name : str_eq_cstr(name, "co_qualname") ? c->qualname
           : str_eq_cstr(name, "co_filename") ? c->filename : NULL;
    if (s) {
        obj_incref(s);
        return str_val(s);
    }
    if (str_eq_cstr(name, "co_varnames")) {
        int32_t n = c->nlocals - c->ncells - c->nfrees;
        for (int32_t i = 0; i < c->ncells; i++)   /* a captured parameter is still a parameter */
            if (c->cell_param && c->cell_param[i] >= n) n = c->cell_param[i] + 1;
        Tuple *t = tuple_new(n < 0 ? 0 : n);
        if (!t) return VAL_ERROR;
        for (int32_t i = 0; i < n; i++) {
            obj_incref(c->localnames[i]);
            t->items[i] = str_val(c->localnames[i]);
        }
        return val_from_obj(t);
    }
    err_format(&exc_AttributeError, "'code' object has no attribute '%s'", name->data);
    return VAL_ERROR;
}

Type code_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "code",
    .size = sizeof(Code),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .hash = code_hash,
    .getattr = code_getattr,
};

Code *code_new(void)
{
    Code *c = obj_alloc(&code_type, sizeof(Code));
    if (!c)
        return NULL;
    memset((char *)c + sizeof(Obj), 0, sizeof(Code) - sizeof(Obj));
    return c;
}
