/* bytecode.c — the instruction set's tables (opcode names, stack effects)
 * and the disassembler. code_dump's text is what `scr --dis` prints and
 * what the compiler's unit tests compare against, so it must stay
 * deterministic (no addresses).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>

#include "compile/bytecode.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/floatobj.h"
#include "objects/tuple.h"
#include "objects/operators.h"

const char *const opcode_names[] = {
#define X(name, effect) #name,
    OPCODES(X)
#undef X
};

int opcode_stack_effect(int op, int arg, bool jump)
{
    (void)arg;
    (void)jump;
    switch ((Opcode)op) {
#define X(name, effect) case OP_##name: return (effect);
    OPCODES(X)
#undef X
    case OP__NUM:
        break;
    }
    fprintf(stderr, "scr: stack effect of an unknown opcode %d\n", op);
    abort();
}

/* ---- disassembler ---- */

static void dump_str(FILE *f, const char *s, int64_t len)
{
    char q = memchr(s, '\'', (size_t)len) && !memchr(s, '"', (size_t)len) ? '"' : '\'';
    fputc(q, f);
    for (int64_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == (unsigned char)q || ch == '\\') fprintf(f, "\\%c", ch);
        else if (ch == '\n') fputs("\\n", f);
        else if (ch == '\t') fputs("\\t", f);
        else if (ch == '\r') fputs("\\r", f);
        else if (ch < 0x20 || ch == 0x7f) fprintf(f, "\\x%02x", ch);
        else fputc(ch, f);
    }
    fputc(q, f);
}

static void dump_const(FILE *f, Value v)
{
    if (v == VAL_NONE) fputs("None", f);
    else if (v == VAL_TRUE) fputs("True", f);
    else if (v == VAL_FALSE) fputs("False", f);
    else if (val_is_int(v)) fprintf(f, "%" PRId64, val_as_int(v));
    else if (val_is_float(v)) {
        char buf[64];
        float_repr_buf(val_as_float(v), buf, sizeof buf);
        fputs(buf, f);
    } else if (val_is_obj(v)) {
        Obj *o = val_as_obj(v);
        if (o->type == &int_type && int_is_big(v)) {
            Value r = int_repr(v);
            if (r != VAL_ERROR) { fputs(val_as_str(r)->data, f); decref(r); }
            else err_clear();
        } else if (o->type == &int_type)
            fprintf(f, "%" PRId64, ((HeapInt *)o)->v);
        else if (o->type == &str_type)
            dump_str(f, ((Str *)o)->data, ((Str *)o)->len);
        else if (o->type == &tuple_type) {
            Tuple *t = (Tuple *)o;
            fputc('(', f);
            for (int64_t i = 0; i < t->len; i++) {
                if (i) fputs(", ", f);
                dump_const(f, t->items[i]);
            }
            fputs(t->len == 1 ? ",)" : ")", f);
        } else if (o->type == &code_type)
            fprintf(f, "<code %s>", ((Code *)o)->qualname ? ((Code *)o)->qualname->data : "?");
        else
            fprintf(f, "<%s>", o->type->name);
    } else
        fputs("<?>", f);
}

static bool is_jump(int op)
{
    return op == OP_JUMP || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
           op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP || op == OP_FOR_ITER;
}

static bool argless(int op)
{
    switch (op) {
    case OP_NOP: case OP_POP_TOP: case OP_DUP_TOP: case OP_DUP_TOP_TWO: case OP_ROT_TWO:
    case OP_ROT_THREE: case OP_ROT_FOUR: case OP_BINARY_SUBSCR: case OP_STORE_SUBSCR:
    case OP_DELETE_SUBSCR: case OP_GET_ITER: case OP_LIST_EXTEND: case OP_RETURN_VALUE:
    case OP_PUSH_EXC_INFO: case OP_POP_EXCEPT: case OP_CHECK_EXC_MATCH: case OP_RERAISE:
    case OP_LOAD_ASSERTION_ERROR: case OP_PRINT_EXPR: case OP_LOAD_BUILD_CLASS:
        return true;
    default:
        return false;
    }
}

static const char *const binop_names[] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"
};
static const char *const unop_names[] = { "-", "+", "~", "not" };
static const char *const cmp_names[] = {
    "<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"
};

static const char *slot_name(Code *c, uint32_t slot)
{
    if (c->localnames && slot < (uint32_t)c->nlocals && c->localnames[slot])
        return c->localnames[slot]->data;
    return "?";
}

void code_dump(Code *c, void *file)
{
    FILE *f = file;
    fprintf(f, "code %s (%s, line %d)\n", c->qualname ? c->qualname->data : "?",
            c->filename ? c->filename->data : "?", (int)c->firstline);
    fprintf(f, "  nparams=%d nlocals=%d ncells=%d nfrees=%d stacksize=%d\n",
            (int)c->nparams, (int)c->nlocals, (int)c->ncells, (int)c->nfrees, (int)c->stacksize);
    if (c->nlocals) {
        int firstcell = c->nlocals - c->ncells - c->nfrees;
        fputs("  locals:", f);
        for (int i = 0; i < c->nlocals; i++) {
            const char *kind = i >= c->nlocals - c->nfrees ? "free " : i >= firstcell ? "cell " : "";
            fprintf(f, " %d:%s%s", i, kind, slot_name(c, (uint32_t)i));
            if (i >= firstcell && i < firstcell + c->ncells && c->cell_param &&
                c->cell_param[i - firstcell] >= 0)
                fprintf(f, "(param %d)", (int)c->cell_param[i - firstcell]);
        }
        fputc('\n', f);
    }
    int lastline = -1;
    for (int32_t i = 0; i < c->ncode; i++) {
        Instr in = c->code[i];
        int op = INSTR_OP(in);
        uint32_t arg = INSTR_ARG(in);
        int line = c->lines ? c->lines[i] : 0;
        if (line != lastline) fprintf(f, "%4d ", line);
        else fputs("     ", f);
        lastline = line;
        const char *name = op < OP__NUM ? opcode_names[op] : "???";
        fprintf(f, "%5d %s", (int)i, name);
        if (!argless(op))
            fprintf(f, "%*s", (int)(20 - strlen(name)), "");
        switch (op) {
        case OP_LOAD_CONST:
            fprintf(f, " %u (", arg);
            if (arg < (uint32_t)c->nconsts) dump_const(f, c->consts[arg]);
            fputc(')', f);
            break;
        case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_LOAD_DEREF:
        case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE:
            fprintf(f, " %u (%s)", arg, slot_name(c, arg));
            break;
        case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_ATTR:
        case OP_STORE_ATTR: case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME:
        case OP_IMPORT_FROM: case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME:
            fprintf(f, " %u (%s)", arg, arg < (uint32_t)c->nnames ? c->names[arg]->data : "?");
            break;
        case OP_BINARY_OP:
            if (arg < BINOP__COUNT) fprintf(f, " %u (%s)", arg, binop_names[arg]);
            else if (arg < 2 * BINOP__COUNT) fprintf(f, " %u (%s=)", arg, binop_names[arg - BINOP__COUNT]);
            else fprintf(f, " %u", arg);
            break;
        case OP_UNARY_OP:
            fprintf(f, " %u (%s)", arg, arg < 4 ? unop_names[arg] : "?");
            break;
        case OP_COMPARE_OP:
            fprintf(f, " %u (%s)", arg, arg < 10 ? cmp_names[arg] : "?");
            break;
        default:
            if (argless(op)) break;
            if (is_jump(op)) fprintf(f, " %u (to %u)", arg, arg);
            else fprintf(f, " %u", arg);
            break;
        }
        fputc('\n', f);
    }
    if (c->nhandlers) {
        fputs("  handlers:\n", f);
        for (int32_t i = 0; i < c->nhandlers; i++)
            fprintf(f, "    %d to %d -> %d [%d]\n", (int)c->handlers[i].start, (int)c->handlers[i].end,
                    (int)c->handlers[i].target, (int)c->handlers[i].depth);
    }
    for (int32_t i = 0; i < c->nconsts; i++) {
        Value v = c->consts[i];
        if (val_is_obj(v) && val_as_obj(v)->type == &code_type) {
            fputc('\n', f);
            code_dump((Code *)val_as_obj(v), f);
        }
    }
}
