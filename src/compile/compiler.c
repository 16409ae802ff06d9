/* compiler.c — AST (ast.h) to bytecode (bytecode.h).
 *
 * Scope analysis comes first (symtable.c); code generation then walks the
 * tree once per code object ("unit": module, function, lambda,
 * comprehension). Jumps target labels that are patched to instruction
 * indices when a unit is finished. Exception handling follows CPython 3.11:
 * every instruction carries the innermost handler active when it was
 * emitted, and runs of equal handlers become the non-overlapping entries of
 * Code.handlers. `finally` bodies are inlined on every exit path (normal,
 * return/break/continue, exception), with the "frame blocks" stack telling
 * return/break/continue what to undo. Code after a return/jump/raise is not
 * emitted; the operand-stack depth is tracked while emitting (for handler
 * depths) and Code.stacksize comes from a flow analysis of the final code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compile/compiler.h"
#include "compile/symtable.h"
#include "memory/mem.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/operators.h"
#include "objects/set.h"
#include "objects/bytes.h"
#include "objects/ellipsis.h"
#include "core/interp.h"

typedef enum Ctx { CTX_LOAD, CTX_STORE, CTX_DEL } Ctx;

typedef enum FbKind {
    FB_WHILE, FB_FOR,            /* loops: start = continue target, exit = break target */
    FB_TRY_EXCEPT,               /* body of try/except: its handler is active */
    FB_FINALLY_TRY,              /* body of try/finally: exits inline node->finalbody */
    FB_FINALLY_END,              /* finally body on the exception path: [prev exc] on the stack */
    FB_HANDLER_CLEANUP,          /* body of an except clause: [prev] on the stack */
    FB_POP_VALUE,                /* a return value held while an inlined finally runs */
    FB_WITH,                     /* body of a with: [exit] on the stack */
} FbKind;

typedef struct FBlock {
    FbKind kind;
    int start, exit;             /* labels (loops) */
    int hlen;                    /* handler-stack height outside the construct */
    Node *node;                  /* FB_FINALLY_TRY: the try statement */
    const char *name;            /* FB_HANDLER_CLEANUP: the `as` name or NULL */
} FBlock;

typedef struct HDesc {
    int label;
    int depth;                   /* operand depth when the protected region began */
    bool used;                   /* some emitted instruction is covered */
} HDesc;

/* A source range, CPython's (lineno, col_offset, end_lineno, end_col_offset):
 * columns are 0-based byte offsets; col < 0 when only the line is known. */
typedef struct SrcLoc { int line, col, end_line, end_col; } SrcLoc;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    int firstline;
    Instr *code; int32_t *lines; int32_t *hidx; int ncode, codecap;
    SrcLoc *pos;                 /* range of each instruction (parallel to code) */
    Value *consts; int nconsts, constcap;
    int *ctab; int ctabcap;      /* const dedup hash: index + 1, 0 = empty */
    Str **names; int nnames, namecap;
    int *lpos, *ldepth; int nlabels, labelcap;
    HDesc *hdesc; int nhdesc, hdesccap;
    int *hstack; int hlen, hstackcap;
    FBlock *fb; int nfb, fbcap;
    int depth;                   /* operand depth at the emission point */
    bool dead;                   /* the emission point is unreachable */
    SrcLoc loc;                  /* where the instructions emitted next come from */
    Code *result;                /* while finish_unit builds it */
    int **hsaves; int nhsaves, hsavecap;  /* handler stacks saved around return/break/continue */
} Unit;

typedef struct Compiler {
    jmp_buf fail;
    ParseError *err;
    CompileMode mode;
    Unit *u;
    Str *filename;
    Node **spine; int nspine, spinecap;   /* left spines of binop chains being compiled */
    int nesting;                          /* recursion depth of compile_expr/compile_stmt */
    List *frozensets;                     /* constant frozensets made so far (CPython's const cache) */
} Compiler;

/* Deeper nesting than this is refused rather than risking the C stack
 * (left-deep `a+b+c...` chains are compiled iteratively and do not count). */
#define MAX_NESTING 3000

typedef Compiler C;

/* ---- failure ---- */

static void fail_nomem(C *c) __attribute__((noreturn));
static void fail_nomem(C *c)
{
    if (!err_occurred()) err_no_memory();
    memset(c->err, 0, sizeof *c->err);
    snprintf(c->err->msg, sizeof c->err->msg, "out of memory");
    longjmp(c->fail, 1);
}

static void fail_at(C *c, Node *n, const char *fmt, ...) __attribute__((noreturn, format(printf, 3, 4)));
static void fail_at(C *c, Node *n, const char *fmt, ...)
{
    memset(c->err, 0, sizeof *c->err);
    c->err->line = n ? n->line : c->u ? c->u->loc.line : 0;
    c->err->col = n ? n->col : 0;
    /* CPython marks the whole statement or expression being compiled */
    c->err->end_line = n && n->end_col < 0 ? n->line + 1 : c->err->line;
    c->err->end_col = n && n->end_col >= 0 ? n->end_col : c->err->col + 1;
    c->err->from_compiler = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    longjmp(c->fail, 1);
}

static void *grow(C *c, void *p, int *cap, int need, size_t elem)
{
    if (need <= *cap) return p;
    int ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > (1 << 28)) fail_nomem(c);
        ncap *= 2;
    }
    void *np = mem_realloc(p, (size_t)ncap * elem);
    if (!np) fail_nomem(c);
    *cap = ncap;
    return np;
}

/* ---- stack effects (shared by emission tracking and the flow analysis) ---- */

static bool is_jump(int op)
{
    return op == OP_JUMP || op == OP_SEND || op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE ||
           op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP || op == OP_FOR_ITER;
}

static bool is_terminal(int op)
{
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE || op == OP_RERAISE;
}

/* ---- units ---- */

static void unit_free(Unit *u)
{
    if (u->result) obj_decref(u->result);
    for (int i = 0; i < u->nhsaves; i++) mem_free(u->hsaves[i]);
    mem_free(u->hsaves);
    for (int i = 0; i < u->nconsts; i++) decref(u->consts[i]);
    for (int i = 0; i < u->nnames; i++) obj_decref(u->names[i]);
    mem_free(u->code);
    mem_free(u->lines);
    mem_free(u->pos);
    mem_free(u->hidx);
    mem_free(u->consts);
    mem_free(u->ctab);
    mem_free(u->names);
    mem_free(u->lpos);
    mem_free(u->ldepth);
    mem_free(u->hdesc);
    mem_free(u->hstack);
    mem_free(u->fb);
    mem_free(u);
}

/* The instructions emitted next come from n: CPython's SET_LOC. Compound
 * statements are marked as running on past their first line (their end
 * is their body's), which is what decides how a traceback marks them. */
static void set_loc(Unit *u, const Node *n)
{
    if (n->line <= 0) return;
    u->loc.line = n->line;
    if (n->end_line < n->line) {
        u->loc.col = u->loc.end_col = -1;
        u->loc.end_line = n->line;
        return;
    }
    u->loc.col = n->col;
    switch (n->kind) {
    case N_IF: case N_WHILE: case N_FOR: case N_WITH: case N_TRY: case N_DEF: case N_CLASS:
        u->loc.end_line = n->line + 1;
        u->loc.end_col = 0;
        break;
    default:
        u->loc.end_line = n->end_line;
        u->loc.end_col = n->end_lcol;
    }
}

/* An attribute running over lines is located from its name on its last
 * line (CPython's update_start_location_to_match_attr): the start moves,
 * the end stays. The length is counted in characters, as CPython does. */
static void attr_start(Unit *u, const Node *attr)
{
    if (attr->end_line <= 0 || u->loc.line == attr->end_line || u->loc.col < 0) return;
    int len = 0;
    for (const char *q = attr->str; *q; q++) len += ((unsigned char)*q & 0xC0) != 0x80;
    u->loc.line = attr->end_line;
    if (len <= attr->end_lcol) {
        u->loc.col = attr->end_lcol - len;
    } else {
        u->loc.col = u->loc.end_col = -1;
        u->loc.end_line = attr->end_line;
    }
}

/* Only the line is known (implicit returns, loop jumps, handler cleanup). */
static void set_line(Unit *u, int line)
{
    u->loc = (SrcLoc){ line, -1, line, -1 };
}

static uint8_t *put_varint(uint8_t *p, uint32_t v)
{
    while (v >= 0x80) {
        *p++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *p++ = (uint8_t)v;
    return p;
}

/* The packed table code_position() reads (src/compile/bytecode.c); NULL when out
 * of memory. */
static uint8_t *encode_positions(Unit *u)
{
    uint8_t *buf = mem_alloc((size_t)u->ncode * 15 + 1), *p = buf;
    if (!buf) return NULL;
    SrcLoc prev = { 0, -1, 0, -1 };
    for (int i = 0; i < u->ncode; i++) {
        SrcLoc l = u->pos[i];
        if (l.col < 0 || l.end_col < 0 || l.end_line < l.line) {
            *p++ = 0;
        } else if (i > 0 && prev.col == l.col && prev.end_col == l.end_col &&
                   prev.end_line - prev.line == l.end_line - l.line) {
            *p++ = 1;
        } else {
            p = put_varint(p, (uint32_t)l.col + 2);
            p = put_varint(p, (uint32_t)(l.end_line - l.line));
            p = put_varint(p, (uint32_t)l.end_col);
        }
        prev = l;
        if (l.col < 0 || l.end_col < 0 || l.end_line < l.line) prev.col = -1;
    }
    uint8_t *shrunk = mem_realloc(buf, (size_t)(p - buf) + 1);
    return shrunk ? shrunk : buf;
}

static void push_unit(C *c, Scope *s, int firstline)
{
    Unit *u = mem_calloc(1, sizeof(Unit));
    if (!u) fail_nomem(c);
    u->parent = c->u;
    u->scope = s;
    u->firstline = firstline;
    set_line(u, firstline);
    c->u = u;
}

static void pop_unit(C *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

/* ---- emission ---- */

static void emit(C *c, int op, int arg)
{
    Unit *u = c->u;
    if (u->dead) return;
    if (arg < 0 || arg > INSTR_ARG_MAX) fail_at(c, NULL, "code too large");
    if (u->ncode + 1 > u->codecap) {
        int cap = u->codecap;
        u->code = grow(c, u->code, &cap, u->ncode + 1, sizeof(Instr));
        cap = u->codecap;
        u->lines = grow(c, u->lines, &cap, u->ncode + 1, sizeof(int32_t));
        cap = u->codecap;
        u->hidx = grow(c, u->hidx, &cap, u->ncode + 1, sizeof(int32_t));
        cap = u->codecap;
        u->pos = grow(c, u->pos, &cap, u->ncode + 1, sizeof(SrcLoc));
        u->codecap = cap;
    }
    int h = u->hlen ? u->hstack[u->hlen - 1] : -1;
    if (h >= 0) u->hdesc[h].used = true;
    u->code[u->ncode] = INSTR(op, arg);
    u->lines[u->ncode] = u->loc.line;
    u->pos[u->ncode] = u->loc;
    u->hidx[u->ncode] = h;
    u->ncode++;
    if (is_jump(op) && u->ldepth[arg] < 0)
        u->ldepth[arg] = u->depth + opcode_stack_effect(op, arg, true);
    u->depth += opcode_stack_effect(op, arg, false);
    if (is_terminal(op)) u->dead = true;
}

static int new_label(C *c)
{
    Unit *u = c->u;
    if (u->nlabels + 1 > u->labelcap) {
        int cap = u->labelcap;
        u->lpos = grow(c, u->lpos, &cap, u->nlabels + 1, sizeof(int));
        cap = u->labelcap;
        u->ldepth = grow(c, u->ldepth, &cap, u->nlabels + 1, sizeof(int));
        u->labelcap = cap;
    }
    u->lpos[u->nlabels] = -1;
    u->ldepth[u->nlabels] = -1;
    return u->nlabels++;
}

static void bind_label(C *c, int l)
{
    Unit *u = c->u;
    u->lpos[l] = u->ncode;
    if (u->ldepth[l] >= 0) {   /* reached by a jump: live, at the jump's depth */
        u->dead = false;
        u->depth = u->ldepth[l];
    }
}

static int push_handler(C *c, int label)
{
    Unit *u = c->u;
    u->hdesc = grow(c, u->hdesc, &u->hdesccap, u->nhdesc + 1, sizeof(HDesc));
    u->hdesc[u->nhdesc] = (HDesc){ label, u->depth, false };
    u->hstack = grow(c, u->hstack, &u->hstackcap, u->hlen + 1, sizeof(int));
    u->hstack[u->hlen++] = u->nhdesc;
    return u->nhdesc++;
}

static void repush_handler(C *c, int h)
{
    Unit *u = c->u;
    u->hstack = grow(c, u->hstack, &u->hstackcap, u->hlen + 1, sizeof(int));
    u->hstack[u->hlen++] = h;
}

/* The handler's code starts here, with the exception pushed on the stack. */
static void bind_handler(C *c, int h)
{
    Unit *u = c->u;
    u->lpos[u->hdesc[h].label] = u->ncode;
    u->dead = !u->hdesc[h].used;
    u->depth = u->hdesc[h].depth + 1;
}

static void push_fblock(C *c, FbKind kind, int start, int exit, int hlen, Node *node, const char *name)
{
    Unit *u = c->u;
    u->fb = grow(c, u->fb, &u->fbcap, u->nfb + 1, sizeof(FBlock));
    u->fb[u->nfb++] = (FBlock){ kind, start, exit, hlen, node, name };
}

static void pop_fblock(C *c)
{
    c->u->nfb--;
}

/* ---- constants and names ---- */

static uint64_t const_hash(Value v)
{
    if (val_is_obj(v)) {
        Obj *o = val_as_obj(v);
        if (o->type == &int_type) return (uint64_t)int_hash_value(v) * 0x9e3779b97f4a7c15u;
        if (o->type == &tuple_type) {
            Tuple *t = (Tuple *)o;
            uint64_t h = 0x345678u + (uint64_t)t->len;
            for (int64_t i = 0; i < t->len; i++) h = (h ^ const_hash(t->items[i])) * 1000003u;
            return h;
        }
        return (uint64_t)(uintptr_t)o >> 4;   /* interned strs, code objects: identity */
    }
    return v * 0x9e3779b97f4a7c15u;
}

static bool const_equal(Value a, Value b)
{
    if (a == b) return true;
    if (!val_is_obj(a) || !val_is_obj(b)) return false;
    Obj *x = val_as_obj(a), *y = val_as_obj(b);
    if (x->type != y->type) return false;
    if (x->type == &int_type) return int_cmp(a, b) == 0;
    if (x->type == &tuple_type) {
        Tuple *s = (Tuple *)x, *t = (Tuple *)y;
        if (s->len != t->len) return false;
        for (int64_t i = 0; i < s->len; i++)
            if (!const_equal(s->items[i], t->items[i])) return false;
        return true;
    }
    return false;
}

static void ctab_insert(Unit *u, int idx)
{
    uint32_t mask = (uint32_t)u->ctabcap - 1;
    uint32_t i = (uint32_t)(const_hash(u->consts[idx]) >> 7) & mask;
    while (u->ctab[i]) i = (i + 1) & mask;
    u->ctab[i] = idx + 1;
}

/* Adds v (stolen) to the unit's constants, reusing an equal one. */
static int add_const(C *c, Value v)
{
    Unit *u = c->u;
    if (v == VAL_ERROR) fail_nomem(c);
    bool dedup = !(val_is_obj(v) && val_as_obj(v)->type == &code_type);
    if (dedup && u->ctabcap) {
        uint32_t mask = (uint32_t)u->ctabcap - 1;
        for (uint32_t i = (uint32_t)(const_hash(v) >> 7) & mask; u->ctab[i]; i = (i + 1) & mask) {
            if (const_equal(u->consts[u->ctab[i] - 1], v)) {
                decref(v);
                return u->ctab[i] - 1;
            }
        }
    }
    if (u->nconsts + 1 > u->constcap) {
        void *p = mem_realloc(u->consts, sizeof(Value) * (size_t)(u->constcap ? u->constcap * 2 : 8));
        if (!p) {
            decref(v);
            fail_nomem(c);
        }
        u->consts = p;
        u->constcap = u->constcap ? u->constcap * 2 : 8;
    }
    int idx = u->nconsts++;
    u->consts[idx] = v;
    if ((u->nconsts + 1) * 2 > u->ctabcap) {
        int cap = u->ctabcap ? u->ctabcap * 2 : 16;
        int *t = mem_calloc((size_t)cap, sizeof(int));
        if (!t) fail_nomem(c);
        mem_free(u->ctab);
        u->ctab = t;
        u->ctabcap = cap;
        for (int i = 0; i < u->nconsts; i++)
            if (!(val_is_obj(u->consts[i]) && val_as_obj(u->consts[i])->type == &code_type))
                ctab_insert(u, i);
    } else if (dedup) {
        ctab_insert(u, idx);
    }
    return idx;
}

static void emit_const(C *c, Value v)
{
    emit(c, OP_LOAD_CONST, add_const(c, v));
}

static Str *intern(C *c, const char *s)
{
    Str *str = str_intern_cstr(s);
    if (!str) fail_nomem(c);
    return str;
}

static int name_index(C *c, const char *name)
{
    Unit *u = c->u;
    Str *s = intern(c, name);
    for (int i = 0; i < u->nnames; i++)
        if (u->names[i] == s) {
            obj_decref(s);
            return i;
        }
    if (u->nnames + 1 > u->namecap) {
        void *p = mem_realloc(u->names, sizeof(Str *) * (size_t)(u->namecap ? u->namecap * 2 : 8));
        if (!p) {
            obj_decref(s);
            fail_nomem(c);
        }
        u->names = p;
        u->namecap = u->namecap ? u->namecap * 2 : 8;
    }
    u->names[u->nnames] = s;
    return u->nnames++;
}

/* Parses an int literal's text (0x/0o/0b prefixes, underscores). */
static bool parse_int_text(const char *s, uint64_t *out)
{
    int base = 10;
    if (s[0] == '0' && s[1]) {
        char p = s[1] | 0x20;
        if (p == 'x') base = 16;
        else if (p == 'o') base = 8;
        else if (p == 'b') base = 2;
        if (base != 10) s += 2;
    }
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s == '_') continue;
        int d;
        char ch = *s;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f') d = (ch | 0x20) - 'a' + 10;
        else return false;
        if (d >= base) return false;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) return false;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    *out = v;
    return true;
}

/* The value of an int literal, negated for `-literal`; false when it does
 * not fit int64. The parser gives ival when it fits (str == NULL), else the
 * literal's text. */
static bool int_value(Node *n, bool negate, int64_t *out)
{
    if (!n->str) {
        if (negate && n->ival == INT64_MIN) return false;
        *out = negate ? -n->ival : n->ival;
        return true;
    }
    uint64_t u;
    if (!parse_int_text(n->str, &u)) return false;
    if (negate) {
        if (u > (uint64_t)INT64_MAX + 1) return false;
        *out = u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
    } else {
        if (u > (uint64_t)INT64_MAX) return false;
        *out = (int64_t)u;
    }
    return true;
}

static bool is_const_node(Node *n)
{
    switch (n->kind) {
    case N_INT: case N_FLOAT: case N_STR: case N_TRUE: case N_FALSE: case N_NONE: case N_BYTES:
    case N_ELLIPSIS:
        return true;
    case N_UNARY:
        return n->op == UOP_NEG && (n->a->kind == N_INT || n->a->kind == N_FLOAT);
    case N_TUPLE:
        for (int i = 0; i < n->list.len; i++)
            if (!is_const_node(n->list.items[i])) return false;
        return true;
    default:
        return false;
    }
}

/* Reports the compile errors of a constant node (literals too large). */
static void check_const(C *c, Node *n)
{
    if (n->kind == N_TUPLE) {
        for (int i = 0; i < n->list.len; i++) check_const(c, n->list.items[i]);
    }
}

/* An int literal beyond int64, from its text (the parser keeps it). */
static Value big_literal(Node *n, bool negate)
{
    Value v = int_parse(n->str, (int64_t)strlen(n->str), 0);
    if (v == VAL_ERROR || !negate) return v;
    Value r = int_unary(UOP_NEG, v);
    decref(v);
    return r;
}

/* New reference to the value of a checked constant node; VAL_ERROR when
 * memory ran out. */
static Value make_const(Node *n)
{
    int64_t v = 0;
    switch (n->kind) {
    case N_INT:
        if (!int_value(n, false, &v)) return big_literal(n, false);
        return int_from_i64(v);
    case N_FLOAT:
        return val_from_float(n->fval);
    case N_STR: {
        Str *s = str_intern(n->str ? n->str : "", n->str ? (int64_t)n->slen : 0);
        return s ? str_val(s) : VAL_ERROR;
    }
    case N_TRUE: return VAL_TRUE;
    case N_FALSE: return VAL_FALSE;
    case N_NONE: return VAL_NONE;
    case N_ELLIPSIS: return val_from_obj(&ellipsis_obj);
    case N_BYTES: {
        Bytes *b = bytes_new(n->str, n->str ? (int64_t)n->slen : 0);
        return b ? val_from_obj(b) : VAL_ERROR;
    }
    case N_UNARY: {
        if (n->a->kind == N_FLOAT) return val_from_float(-n->a->fval);
        if (!int_value(n->a, true, &v)) return big_literal(n->a, true);
        return int_from_i64(v);
    }
    case N_TUPLE: {
        Tuple *t = tuple_new(n->list.len);
        if (!t) return VAL_ERROR;
        for (int i = 0; i < n->list.len; i++) {
            Value item = make_const(n->list.items[i]);
            if (item == VAL_ERROR) {
                obj_decref(t);
                return VAL_ERROR;
            }
            t->items[i] = item;
        }
        return val_from_obj(t);
    }
    default:
        return VAL_ERROR;
    }
}

static Value const_value(C *c, Node *n)
{
    check_const(c, n);
    Value v = make_const(n);
    if (v == VAL_ERROR) fail_nomem(c);
    return v;
}

/* ---- names ---- */

static void compile_name(C *c, const char *name, Ctx ctx)
{
    static const int fast[] = { OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST };
    static const int deref[] = { OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF };
    static const int global[] = { OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL };
    Scope *s = c->u->scope;
    static const int byname[] = { OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME };
    Symbol *sym = scope_is_function(s) ? scope_lookup(s, name) : NULL;
    if (sym && sym->scope == SYM_LOCAL) emit(c, fast[ctx], sym->slot);
    else if (sym && (sym->flags & SF_CLASSFREE)) emit(c, byname[ctx], name_index(c, name));
    else if (sym && (sym->scope == SYM_CELL || sym->scope == SYM_FREE)) emit(c, deref[ctx], sym->slot);
    else if (s->kind == SCOPE_CLASS && !(sym && sym->scope == SYM_GLOBAL_EXPLICIT))
        emit(c, byname[ctx], name_index(c, name));   /* the class namespace */
    else emit(c, global[ctx], name_index(c, name));
}

/* ---- expressions ---- */

static void compile_expr(C *c, Node *n);
static void compile_iterable(C *c, Node *n);
static void compile_body(C *c, NodeList *l);
static void compile_target(C *c, Node *t, Ctx ctx);

static const char *expr_name(Node *n)
{
    switch (n->kind) {
    case N_CALL: return "function call";
    case N_INT: case N_FLOAT: case N_STR: return "literal";
    case N_TRUE: return "True";
    case N_FALSE: return "False";
    case N_NONE: return "None";
    case N_ELLIPSIS: return "ellipsis";
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    case N_LAMBDA: return "lambda";
    case N_LISTCOMP: return "list comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_SETCOMP: return "set comprehension";
    case N_FSTRING: return "f-string expression";
    case N_BYTES: return "literal";
    case N_STARRED: return "starred";
    case N_KEYWORD: return "keyword";
    default: return "expression";
    }
}

static int const_truth(Node *n)   /* -1: not a constant */
{
    switch (n->kind) {
    case N_TRUE: case N_ELLIPSIS: return 1;
    case N_FALSE: case N_NONE: return 0;
    case N_INT: {
        uint64_t u;
        return n->str ? (!parse_int_text(n->str, &u) || u != 0) : n->ival != 0;
    }
    case N_FLOAT: return n->fval != 0.0;
    case N_STR: case N_BYTES: return n->slen != 0;
    default: return -1;
    }
}

/* Jumps to `label` when the truth of n is `cond`, else falls through. */
static void compile_jump_if(C *c, Node *n, bool cond, int label)
{
    SrcLoc saved = c->u->loc;
    int t = const_truth(n);
    if (t >= 0) {
        check_const(c, n);
        if ((t != 0) == cond) emit(c, OP_JUMP, label);
    } else if (n->kind == N_UNARY && n->op == UOP_NOT) {
        compile_jump_if(c, n->a, !cond, label);
    } else if (n->kind == N_BOOLOP) {
        bool is_or = n->op == 1;
        int last = n->list.len - 1;
        if (cond == is_or) {
            /* or-true / and-false: any operand decides */
            for (int i = 0; i <= last; i++) compile_jump_if(c, n->list.items[i], cond, label);
        } else {
            int next = new_label(c);
            for (int i = 0; i < last; i++) compile_jump_if(c, n->list.items[i], !cond, next);
            compile_jump_if(c, n->list.items[last], cond, label);
            bind_label(c, next);
        }
    } else {
        compile_expr(c, n);
        /* As CPython's compiler_jump_if, the jump (where a __bool__ that
         * fails raises) has the location of what holds the test: the `if`,
         * `while` or `assert` statement, the conditional expression or the
         * comprehension; `not` and `and`/`or` in between add none. */
        c->u->loc = saved;
        emit(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    }
    c->u->loc = saved;
}

static void compile_compare(C *c, Node *n)
{
    compile_expr(c, n->a);
    int k = n->list.len;
    if (k == 1) {
        compile_expr(c, n->list.items[0]);
        emit(c, OP_COMPARE_OP, n->ops[0]);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < k - 1; i++) {
        compile_expr(c, n->list.items[i]);
        emit(c, OP_DUP_TOP, 0);
        emit(c, OP_ROT_THREE, 0);
        emit(c, OP_COMPARE_OP, n->ops[i]);
        emit(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(c, n->list.items[k - 1]);
    emit(c, OP_COMPARE_OP, n->ops[k - 1]);
    emit(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit(c, OP_ROT_TWO, 0);
    emit(c, OP_POP_TOP, 0);
    bind_label(c, end);
}

/* f(*a, **k): the positional arguments become one tuple, the keywords one
 * dict (CALL_EX). */
static void compile_call_ex(C *c, Node *n)
{
    compile_expr(c, n->a);
    emit(c, OP_BUILD_LIST, 0);
    for (int i = 0; i < n->list.len; i++) {
        Node *a = n->list.items[i];
        compile_expr(c, a->kind == N_STARRED ? a->a : a);
        if (a->kind == N_STARRED) emit(c, OP_LIST_EXTEND, 2);
        else emit(c, OP_LIST_APPEND, 1);
    }
    emit(c, OP_LIST_TO_TUPLE, 0);
    if (n->list2.len) {
        emit(c, OP_BUILD_DICT, 0);
        for (int i = 0; i < n->list2.len; i++) {
            Node *kw = n->list2.items[i];
            if (kw->str) {
                emit_const(c, str_val(intern(c, kw->str)));
                compile_expr(c, kw->a);
                emit(c, OP_BUILD_DICT, 1);
            } else {
                compile_expr(c, kw->a);
            }
            emit(c, OP_DICT_MERGE, 1);
        }
    }
    emit(c, OP_CALL_EX, n->list2.len ? 1 : 0);
}

static void compile_call(C *c, Node *n)
{
    Node *f = n->a;
    int npos = n->list.len, nkw = n->list2.len;
    for (int i = 0; i < npos; i++)
        if (n->list.items[i]->kind == N_STARRED) { compile_call_ex(c, n); return; }
    for (int i = 0; i < nkw; i++)
        if (!n->list2.items[i]->str) { compile_call_ex(c, n); return; }
    for (int i = 0; i < nkw; i++) {
        Node *kw = n->list2.items[i];
        for (int j = 0; j < i; j++)
            if (strcmp(n->list2.items[j]->str, kw->str) == 0)
                fail_at(c, kw, "keyword argument repeated: %s", kw->str);
    }
    int flag = 0;
    Scope *cs = c->u->scope;
    Symbol *clsym;
    if (f->kind == N_NAME && npos == 0 && nkw == 0 && strcmp(f->str, "super") == 0 &&
        cs->kind == SCOPE_FUNCTION && cs->node && cs->node->args && cs->node->args->n > 0 &&
        (clsym = scope_lookup(cs, "__class__")) && clsym->scope == SYM_FREE) {
        /* zero-argument super(): super(__class__, <first argument>), as CPython's frame lookup */
        compile_name(c, "super", CTX_LOAD);
        compile_name(c, "__class__", CTX_LOAD);
        compile_name(c, cs->node->args->names[0], CTX_LOAD);
        emit(c, OP_CALL, 2);
        return;
    }
    if (f->kind == N_ATTR) {
        compile_expr(c, f->a);
        SrcLoc saved = c->u->loc;
        set_loc(c->u, f);
        attr_start(c->u, f);
        emit(c, OP_LOAD_METHOD, name_index(c, f->str));
        c->u->loc = saved;
        flag = CALL_METHOD;
    } else {
        compile_expr(c, f);
    }
    for (int i = 0; i < npos; i++) compile_expr(c, n->list.items[i]);
    for (int i = 0; i < nkw; i++) compile_expr(c, n->list2.items[i]->a);
    if (nkw) {
        Tuple *t = tuple_new(nkw);
        if (!t) fail_nomem(c);
        for (int i = 0; i < nkw; i++) {
            Str *s = str_intern_cstr(n->list2.items[i]->str);
            if (!s) {
                obj_decref(t);
                fail_nomem(c);
            }
            t->items[i] = str_val(s);
        }
        emit_const(c, val_from_obj(t));
        SrcLoc saved = c->u->loc;
        if (flag) attr_start(c->u, f);
        emit(c, OP_CALL_KW, (npos + nkw) | flag);
        c->u->loc = saved;
    } else {
        SrcLoc saved = c->u->loc;
        if (flag) attr_start(c->u, f);
        emit(c, OP_CALL, npos | flag);
        c->u->loc = saved;
    }
}



/* Pushes the defaults tuple of a def/lambda; returns the MAKE_FUNCTION flags. */
static int compile_defaults_pos(C *c, Node *fn);

static int compile_defaults(C *c, Node *fn)
{
    int flags = compile_defaults_pos(c, fn);
    Params *p = fn->args;
    int nkd = 0;
    if (p)
        for (int i = 0; i < p->nkwonly; i++)
            if (i < p->kwdefaults.len && p->kwdefaults.items[i]) {
                emit_const(c, str_val(intern(c, p->kwonly[i])));
                compile_expr(c, p->kwdefaults.items[i]);
                nkd++;
            }
    if (nkd) {
        emit(c, OP_BUILD_DICT, nkd);
        flags |= MF_KWDEFAULTS;
    }
    return flags;
}

static int compile_defaults_pos(C *c, Node *fn)
{
    Params *p = fn->args;
    if (!p || p->defaults.len == 0) return 0;
    bool all_const = true;
    for (int i = 0; i < p->defaults.len; i++)
        if (!is_const_node(p->defaults.items[i])) all_const = false;
    if (all_const) {
        for (int i = 0; i < p->defaults.len; i++) check_const(c, p->defaults.items[i]);
        Tuple *t = tuple_new(p->defaults.len);
        if (!t) fail_nomem(c);
        for (int i = 0; i < p->defaults.len; i++) {
            Value item = make_const(p->defaults.items[i]);
            if (item == VAL_ERROR) {
                obj_decref(t);
                fail_nomem(c);
            }
            t->items[i] = item;
        }
        emit_const(c, val_from_obj(t));
    } else {
        for (int i = 0; i < p->defaults.len; i++) compile_expr(c, p->defaults.items[i]);
        emit(c, OP_BUILD_TUPLE, p->defaults.len);
    }
    return MF_DEFAULTS;
}

static Code *finish_unit(C *c);
static int last_line(NodeList *l, int dflt);

/* Emits [closure] LOAD_CONST code, MAKE_FUNCTION for a finished child unit. */
static void make_function(C *c, Code *code, Scope *child, int flags)
{
    int idx = add_const(c, val_from_obj(code));
    if (child->nfrees) {
        int first = scope_nlocals(child) - child->nfrees;
        for (int i = 0; i < child->nfrees; i++) {
            Symbol *sym = scope_lookup(c->u->scope, child->slotnames[first + i]);
            if (!sym || (sym->scope != SYM_CELL && sym->scope != SYM_FREE))
                fail_at(c, NULL, "internal compiler error: no cell for '%s'", child->slotnames[first + i]);
            emit(c, OP_LOAD_CLOSURE, sym->slot);
        }
        emit(c, OP_BUILD_TUPLE, child->nfrees);
        flags |= MF_CLOSURE;
    }
    emit(c, OP_LOAD_CONST, idx);
    emit(c, OP_MAKE_FUNCTION, flags);
}

static Scope *child_scope(C *c, Node *n)
{
    Scope *s = scope_child(c->u->scope, n);
    if (!s) fail_at(c, n, "internal compiler error: no scope");
    return s;
}

static void compile_lambda(C *c, Node *n)
{
    int flags = compile_defaults(c, n);
    Scope *s = child_scope(c, n);
    push_unit(c, s, n->line);
    compile_expr(c, n->a);
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = finish_unit(c);
    pop_unit(c);
    make_function(c, code, s, flags);
}

static void compile_comp_clause(C *c, Node *n, int i)
{
    Node *cl = n->list.items[i];
    int nclauses = n->list.len;
    int start = new_label(c), end = new_label(c);
    if (i == 0) {
        emit(c, OP_LOAD_FAST, 0);     /* .0: the iterator of the outermost iterable */
    } else {
        compile_iterable(c, cl->b);
        emit(c, OP_GET_ITER, 0);
    }
    bind_label(c, start);
    emit(c, OP_FOR_ITER, end);
    compile_target(c, cl->a, CTX_STORE);
    for (int k = 0; k < cl->list.len; k++) {
        SrcLoc saved = c->u->loc;
        set_loc(c->u, n);        /* the test's jump is the comprehension's */
        compile_jump_if(c, cl->list.items[k], false, start);
        c->u->loc = saved;
    }
    if (i + 1 < nclauses) {
        compile_comp_clause(c, n, i + 1);
    } else if (n->kind == N_LISTCOMP) {
        compile_expr(c, n->a);
        emit(c, OP_LIST_APPEND, nclauses + 1);
    } else if (n->kind == N_SETCOMP) {
        compile_expr(c, n->a);
        emit(c, OP_SET_ADD, nclauses + 1);
    } else if (n->kind == N_GENEXP) {
        compile_expr(c, n->a);
        emit(c, OP_YIELD_VALUE, 0);
        emit(c, OP_POP_TOP, 0);
    } else {
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        emit(c, OP_DICT_SET, nclauses + 1);
    }
    set_line(c->u, n->line);
    emit(c, OP_JUMP, start);
    bind_label(c, end);
}

static void compile_comprehension(C *c, Node *n)
{
    Scope *s = child_scope(c, n);
    push_unit(c, s, n->line);
    if (n->kind != N_GENEXP)
        emit(c, n->kind == N_LISTCOMP ? OP_BUILD_LIST : n->kind == N_SETCOMP ? OP_BUILD_SET : OP_BUILD_DICT, 0);
    compile_comp_clause(c, n, 0);
    if (n->kind == N_GENEXP) emit_const(c, VAL_NONE);
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = finish_unit(c);
    pop_unit(c);
    make_function(c, code, s, 0);
    compile_iterable(c, n->list.items[0]->b);
    emit(c, OP_GET_ITER, 0);
    emit(c, OP_CALL, 1);
}


#define BIG_DISPLAY 32   /* longer list/dict displays are built item by item */

/* The frozenset constant of an all-constant set display, laid out as
 * CPython's would be: built from the items, then rebuilt in its own
 * iteration order (what the compiler's constant merging does). */
static Value const_frozenset(C *c, Node *n)
{
    for (int i = 0; i < n->list.len; i++) check_const(c, n->list.items[i]);
    Set *fs = set_new(&frozenset_type, VAL_UNDEF);
    if (!fs) fail_nomem(c);
    for (int i = 0; i < n->list.len; i++) {
        Value v = make_const(n->list.items[i]);
        int r = v == VAL_ERROR ? -1 : set_add(fs, v);
        if (v != VAL_ERROR) decref(v);
        if (r < 0) {
            obj_decref(fs);
            fail_nomem(c);
        }
    }
    /* an equal constant made earlier in the module is used again */
    if (!c->frozensets && !(c->frozensets = list_new(0))) {
        obj_decref(fs);
        fail_nomem(c);
    }
    for (int64_t i = 0; i < c->frozensets->len; i++) {
        Value old = c->frozensets->items[i];
        if (val_as_set(old)->used == fs->used && obj_eq(old, val_from_obj(fs)) == 1) {
            obj_decref(fs);
            incref(old);
            return old;
        }
    }
    Value l = list_from_iterable(val_from_obj(fs));
    obj_decref(fs);
    if (l == VAL_ERROR) fail_nomem(c);
    fs = set_new(&frozenset_type, l);
    decref(l);
    if (!fs) fail_nomem(c);
    if (list_append(c->frozensets, val_from_obj(fs)) < 0) {
        obj_decref(fs);
        fail_nomem(c);
    }
    return val_from_obj(fs);
}

static bool is_const_set(Node *n)
{
    if (n->kind != N_SET) return false;
    for (int i = 0; i < n->list.len; i++)
        if (!is_const_node(n->list.items[i])) return false;
    return true;
}

/* The iterable of a for loop or comprehension: a constant set display is
 * a frozenset constant there (CPython's AST optimizer, fold_iter). */
static void compile_iterable(C *c, Node *n)
{
    if (is_const_set(n)) emit_const(c, const_frozenset(c, n));
    else compile_expr(c, n);
}

/* A set display. As CPython: more than two constants become BUILD_SET 0 +
 * a frozenset constant + SET_UPDATE (which decides the table size, hence the
 * iteration order); starred items and long displays go item by item. */
static void compile_set(C *c, Node *n)
{
    int len = n->list.len;
    bool all_const = len > 2, starred = false;
    for (int i = 0; i < len; i++) {
        if (!is_const_node(n->list.items[i])) all_const = false;
        if (n->list.items[i]->kind == N_STARRED) starred = true;
    }
    if (all_const) {
        Value fs = const_frozenset(c, n);
        emit(c, OP_BUILD_SET, 0);
        emit_const(c, fs);
        emit(c, OP_SET_UPDATE, 1);
    } else if (starred || len > BIG_DISPLAY) {
        emit(c, OP_BUILD_SET, 0);
        for (int i = 0; i < len; i++) {
            Node *e = n->list.items[i];
            if (e->kind == N_STARRED) {
                compile_expr(c, e->a);
                emit(c, OP_SET_UPDATE, 1);
            } else {
                compile_expr(c, e);
                emit(c, OP_SET_ADD, 1);
            }
        }
    } else {
        for (int i = 0; i < len; i++) compile_expr(c, n->list.items[i]);
        emit(c, OP_BUILD_SET, len);
    }
}

/* An f-string: its parts are pushed (adjacent literals merged, empty ones
 * dropped) and joined by BUILD_STRING, unless there is only one. */
static void compile_fstring(C *c, Node *n)
{
    int count = 0;
    for (int i = 0; i < n->list.len;) {
        Node *part = n->list.items[i];
        if (part->kind == N_STR) {
            size_t total = 0;
            int j = i;
            for (; j < n->list.len && n->list.items[j]->kind == N_STR; j++) total += n->list.items[j]->slen;
            if (total) {
                char *buf = mem_alloc(total + 1);
                if (!buf) fail_nomem(c);
                size_t at = 0;
                for (int k = i; k < j; k++) {
                    memcpy(buf + at, n->list.items[k]->str, n->list.items[k]->slen);
                    at += n->list.items[k]->slen;
                }
                Str *s = str_intern(buf, (int64_t)total);
                mem_free(buf);
                if (!s) fail_nomem(c);
                emit_const(c, str_val(s));
                count++;
            }
            i = j;
            continue;
        }
        /* N_FORMATTED */
        compile_expr(c, part->a);
        int flags = part->op == 's' ? FV_STR : part->op == 'r' ? FV_REPR : part->op == 'a' ? FV_ASCII : FV_NONE;
        if (part->b) {
            compile_fstring(c, part->b);
            flags |= FV_SPEC;
        }
        emit(c, OP_FORMAT_VALUE, flags);
        count++;
        i++;
    }
    if (count == 0) {
        Str *s = str_intern("", 0);
        if (!s) fail_nomem(c);
        emit_const(c, str_val(s));
    } else if (count > 1) {
        emit(c, OP_BUILD_STRING, count);
    }
}


static bool has_starred(Node *n)
{
    for (int i = 0; i < n->list.len; i++)
        if (n->list.items[i]->kind == N_STARRED) return true;
    return false;
}

/* compile_expr and compile_stmt open and close each node alike: its
 * location is current while it is compiled, and nesting deeper than
 * MAX_NESTING fails as CPython's compiler does. enter_node returns the
 * location that leave_node restores in u, the unit n was entered in. */
static SrcLoc enter_node(C *c, Node *n)
{
    SrcLoc saved = c->u->loc;
    set_loc(c->u, n);
    if (++c->nesting > MAX_NESTING) fail_at(c, n, "maximum recursion depth exceeded during compilation");
    return saved;
}

static void leave_node(Unit *u, C *c, SrcLoc saved)
{
    u->loc = saved;
    c->nesting--;
}

static void compile_expr(C *c, Node *n)
{
    Unit *u = c->u;
    SrcLoc saved = enter_node(c, n);
    switch (n->kind) {
    case N_NAME:
        /* as CPython, __debug__ is a constant the compiler folds (False under -O) */
        if (strcmp(n->str, "__debug__") == 0) emit_const(c, val_from_bool(interp_config.optimize == 0));
        else compile_name(c, n->str, CTX_LOAD);
        break;
    case N_INT: case N_FLOAT: case N_STR: case N_TRUE: case N_FALSE: case N_NONE: case N_BYTES:
    case N_ELLIPSIS:
        emit_const(c, const_value(c, n));
        break;
    case N_SET:
        compile_set(c, n);
        break;
    case N_FSTRING:
        compile_fstring(c, n);
        break;
    case N_BINOP: {
        /* the parser builds `a + b + c ...` left-deep and arbitrarily long */
        int base = c->nspine, k = 0;
        Node *x = n;
        for (; x->kind == N_BINOP; x = x->a) {
            c->spine = grow(c, c->spine, &c->spinecap, c->nspine + 1, sizeof(Node *));
            c->spine[c->nspine++] = x;
            k++;
        }
        compile_expr(c, x);
        for (int i = k - 1; i >= 0; i--) {
            Node *b = c->spine[base + i];
            compile_expr(c, b->b);
            set_loc(u, b);
            emit(c, OP_BINARY_OP, b->op);
        }
        c->nspine = base;
        break;
    }
    case N_UNARY:
        if (is_const_node(n)) {
            emit_const(c, const_value(c, n));
        } else {
            compile_expr(c, n->a);
            emit(c, OP_UNARY_OP, n->op);
        }
        break;
    case N_BOOLOP: {
        int end = new_label(c);
        int last = n->list.len - 1;
        for (int i = 0; i < last; i++) {
            compile_expr(c, n->list.items[i]);
            emit(c, n->op == 1 ? OP_JUMP_IF_TRUE_OR_POP : OP_JUMP_IF_FALSE_OR_POP, end);
        }
        compile_expr(c, n->list.items[last]);
        bind_label(c, end);
        break;
    }
    case N_COMPARE:
        compile_compare(c, n);
        break;
    case N_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        compile_jump_if(c, n->a, false, orelse);
        compile_expr(c, n->b);
        emit(c, OP_JUMP, end);
        bind_label(c, orelse);
        compile_expr(c, n->c);
        bind_label(c, end);
        break;
    }
    case N_CALL:
        compile_call(c, n);
        break;
    case N_ATTR:
        compile_expr(c, n->a);
        attr_start(u, n);
        emit(c, OP_LOAD_ATTR, name_index(c, n->str));
        break;
    case N_SUBSCRIPT:
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case N_SLICE:
        if (n->a) compile_expr(c, n->a); else emit_const(c, VAL_NONE);
        if (n->b) compile_expr(c, n->b); else emit_const(c, VAL_NONE);
        if (n->c) {
            compile_expr(c, n->c);
            emit(c, OP_BUILD_SLICE, 3);
        } else {
            emit(c, OP_BUILD_SLICE, 2);
        }
        break;
    case N_LIST: case N_TUPLE:
        if (has_starred(n)) {
            emit(c, OP_BUILD_LIST, 0);
            for (int i = 0; i < n->list.len; i++) {
                Node *e = n->list.items[i];
                compile_expr(c, e->kind == N_STARRED ? e->a : e);
                emit(c, e->kind == N_STARRED ? OP_LIST_EXTEND : OP_LIST_APPEND, 1);
            }
            if (n->kind == N_TUPLE) emit(c, OP_LIST_TO_TUPLE, 0);
            break;
        }
        if (n->kind == N_TUPLE) goto tuple;
        if (n->list.len > BIG_DISPLAY) {
            emit(c, OP_BUILD_LIST, 0);
            for (int i = 0; i < n->list.len; i++) {
                compile_expr(c, n->list.items[i]);
                emit(c, OP_LIST_APPEND, 1);
            }
        } else {
            for (int i = 0; i < n->list.len; i++) compile_expr(c, n->list.items[i]);
            emit(c, OP_BUILD_LIST, n->list.len);
        }
        break;
    tuple:
        if (is_const_node(n)) {
            emit_const(c, const_value(c, n));
        } else {
            for (int i = 0; i < n->list.len; i++) compile_expr(c, n->list.items[i]);
            emit(c, OP_BUILD_TUPLE, n->list.len);
        }
        break;
    case N_DICT: {
        int len = n->list.len;
        bool dstar = false;
        for (int i = 0; i < len; i++)
            if (!n->list.items[i]) dstar = true;
        if (dstar || len > BIG_DISPLAY) {
            emit(c, OP_BUILD_DICT, 0);
            for (int i = 0; i < len; i++) {
                if (!n->list.items[i]) {
                    compile_expr(c, n->list2.items[i]);
                    emit(c, OP_DICT_UPDATE, 1);
                    continue;
                }
                compile_expr(c, n->list.items[i]);
                compile_expr(c, n->list2.items[i]);
                emit(c, OP_DICT_SET, 1);
            }
        } else {
            for (int i = 0; i < len; i++) {
                compile_expr(c, n->list.items[i]);
                compile_expr(c, n->list2.items[i]);
            }
            emit(c, OP_BUILD_DICT, len);
        }
        break;
    }
    case N_LISTCOMP: case N_DICTCOMP: case N_SETCOMP: case N_GENEXP:
        compile_comprehension(c, n);
        break;
    case N_YIELD:
        if (n->a) compile_expr(c, n->a); else emit_const(c, VAL_NONE);
        emit(c, OP_YIELD_VALUE, 0);
        break;
    case N_YIELD_FROM: {
        int loop = new_label(c), exit = new_label(c);
        compile_expr(c, n->a);
        emit(c, OP_GET_YIELD_FROM_ITER, 0);
        emit_const(c, VAL_NONE);
        bind_label(c, loop);
        emit(c, OP_SEND, exit);
        emit(c, OP_YIELD_VALUE, 1);
        emit(c, OP_JUMP, loop);
        bind_label(c, exit);
        break;
    }
    case N_LAMBDA:
        compile_lambda(c, n);
        break;
    case N_STARRED:
        fail_at(c, n, "starred expressions are not supported yet");
    default:
        fail_at(c, n, "invalid syntax");
    }
    leave_node(u, c, saved);
}

/* ---- assignment targets ---- */

/* Store the value on top of the stack into t (CTX_STORE), or delete t
 * (CTX_DEL). A tuple or list target unpacks the value into its items when
 * storing; deleting one deletes its items in order. */
static void compile_target(C *c, Node *t, Ctx ctx)
{
    bool store = ctx == CTX_STORE;
    SrcLoc saved = c->u->loc;
    set_loc(c->u, t);
    switch (t->kind) {
    case N_NAME:
        compile_name(c, t->str, ctx);
        break;
    case N_ATTR:
        compile_expr(c, t->a);
        attr_start(c->u, t);
        emit(c, store ? OP_STORE_ATTR : OP_DELETE_ATTR, name_index(c, t->str));
        break;
    case N_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit(c, store ? OP_STORE_SUBSCR : OP_DELETE_SUBSCR, 0);
        break;
    case N_TUPLE: case N_LIST:
        if (store) {
            int star = -1;
            for (int i = 0; i < t->list.len; i++)
                if (t->list.items[i]->kind == N_STARRED) {
                    if (star >= 0) fail_at(c, t->list.items[i], "multiple starred expressions in assignment");
                    star = i;
                }
            if (star >= 0) {
                int after = t->list.len - star - 1;
                if (star > 0xff || after > 0xffff) fail_at(c, t, "too many expressions in star-unpacking assignment");
                emit(c, OP_UNPACK_EX, star | (after << 8));
            } else {
                emit(c, OP_UNPACK_SEQUENCE, t->list.len);
            }
        }
        for (int i = 0; i < t->list.len; i++) {
            Node *e = t->list.items[i];
            compile_target(c, store && e->kind == N_STARRED ? e->a : e, ctx);
        }
        break;
    case N_STARRED:
        if (store) fail_at(c, t, "starred assignment targets are not supported yet");
        /* fall through */
    default:
        fail_at(c, t, store ? "cannot assign to %s" : "cannot delete %s", expr_name(t));
    }
    c->u->loc = saved;
}

static void compile_augassign(C *c, Node *n)
{
    Node *t = n->a;
    int op = n->op + BINOP__COUNT;
    /* The target is read and written at its own range, the operation
     * happens at the statement's (as CPython's compiler_augassign). */
    Unit *u = c->u;
    SrcLoc stmt = u->loc;
    switch (t->kind) {
    case N_NAME:
        set_loc(u, t);
        compile_name(c, t->str, CTX_LOAD);
        u->loc = stmt;
        compile_expr(c, n->b);
        emit(c, OP_BINARY_OP, op);
        set_loc(u, t);
        compile_name(c, t->str, CTX_STORE);
        u->loc = stmt;
        break;
    case N_ATTR: {
        int name = name_index(c, t->str);
        compile_expr(c, t->a);
        emit(c, OP_DUP_TOP, 0);
        set_loc(u, t);
        attr_start(u, t);
        emit(c, OP_LOAD_ATTR, name);
        u->loc = stmt;
        compile_expr(c, n->b);
        emit(c, OP_BINARY_OP, op);
        emit(c, OP_ROT_TWO, 0);
        set_loc(u, t);
        attr_start(u, t);
        emit(c, OP_STORE_ATTR, name);
        u->loc = stmt;
        break;
    }
    case N_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        set_loc(u, t);
        emit(c, OP_DUP_TOP_TWO, 0);
        emit(c, OP_BINARY_SUBSCR, 0);
        u->loc = stmt;
        compile_expr(c, n->b);
        emit(c, OP_BINARY_OP, op);
        emit(c, OP_ROT_THREE, 0);
        set_loc(u, t);
        emit(c, OP_STORE_SUBSCR, 0);
        u->loc = stmt;
        break;
    default:
        fail_at(c, t, "'%s' is an illegal expression for augmented assignment",
                t->kind == N_TUPLE ? "tuple" : t->kind == N_LIST ? "list" : expr_name(t));
    }
}

/* ---- leaving blocks: return, break, continue ---- */

static void unwind_fblock(C *c, FBlock *fb, bool preserve)
{
    Unit *u = c->u;
    switch (fb->kind) {
    case FB_WHILE:
        break;
    case FB_FOR:
        if (preserve) emit(c, OP_ROT_TWO, 0);
        emit(c, OP_POP_TOP, 0);      /* the iterator */
        break;
    case FB_TRY_EXCEPT:
        u->hlen = fb->hlen;
        break;
    case FB_FINALLY_TRY: {
        u->hlen = fb->hlen;
        SrcLoc saved = u->loc;
        if (preserve) push_fblock(c, FB_POP_VALUE, -1, -1, u->hlen, NULL, NULL);
        compile_body(c, &fb->node->finalbody);
        if (preserve) pop_fblock(c);
        u->loc = saved;
        break;
    }
    case FB_FINALLY_END:
        if (preserve) emit(c, OP_ROT_TWO, 0);
        emit(c, OP_POP_TOP, 0);      /* the exception */
        if (preserve) emit(c, OP_ROT_TWO, 0);
        u->hlen = fb->hlen;
        emit(c, OP_POP_EXCEPT, 0);
        break;
    case FB_HANDLER_CLEANUP:
        u->hlen = fb->hlen;
        if (preserve) emit(c, OP_ROT_TWO, 0);
        emit(c, OP_POP_EXCEPT, 0);
        if (fb->name) {
            emit_const(c, VAL_NONE);
            compile_name(c, fb->name, CTX_STORE);
            compile_name(c, fb->name, CTX_DEL);
        }
        break;
    case FB_POP_VALUE:
        if (preserve) emit(c, OP_ROT_TWO, 0);
        emit(c, OP_POP_TOP, 0);
        break;
    case FB_WITH:
        /* leaving a with body by return/break/continue: exit(None, None, None) */
        u->hlen = fb->hlen;
        if (preserve) emit(c, OP_ROT_TWO, 0);
        emit_const(c, VAL_NONE);
        emit_const(c, VAL_NONE);
        emit_const(c, VAL_NONE);
        emit(c, OP_CALL, 3);
        emit(c, OP_POP_TOP, 0);
        break;
    }
}

/* Undoes the frame blocks from the innermost outwards, stopping at a loop
 * when to_loop (returns its index) or at the end (returns -1). Each block is
 * popped while its exit code is compiled, so a return inside an inlined
 * finally body does not run that body again. */
static int unwind_stack(C *c, bool preserve, bool to_loop)
{
    Unit *u = c->u;
    if (u->nfb == 0) return -1;
    FBlock top = u->fb[u->nfb - 1];
    if (to_loop && (top.kind == FB_WHILE || top.kind == FB_FOR)) return u->nfb - 1;
    u->nfb--;
    unwind_fblock(c, &top, preserve);
    int r = unwind_stack(c, preserve, to_loop);
    u->fb[u->nfb++] = top;
    return r;
}

/* Unwinding truncates the handler stack (and inlined finally bodies push
 * onto it); the code after a return/break/continue is unreachable, but the
 * statements around it still need the stack as it was. The copies live in
 * the unit so that a compile error on the way frees them. */
typedef struct HSave { int len; } HSave;

static HSave save_handlers(C *c)
{
    Unit *u = c->u;
    u->hsaves = grow(c, u->hsaves, &u->hsavecap, u->nhsaves + 1, sizeof(int *));
    int *items = mem_alloc(sizeof(int) * (size_t)(u->hlen + 1));
    if (!items) fail_nomem(c);
    if (u->hlen) memcpy(items, u->hstack, sizeof(int) * (size_t)u->hlen);
    u->hsaves[u->nhsaves++] = items;
    return (HSave){ u->hlen };
}

static void restore_handlers(C *c, HSave s)
{
    Unit *u = c->u;
    int *items = u->hsaves[u->nhsaves - 1];
    u->hstack = grow(c, u->hstack, &u->hstackcap, s.len + 1, sizeof(int));
    if (s.len) memcpy(u->hstack, items, sizeof(int) * (size_t)s.len);
    u->hlen = s.len;
    u->nhsaves--;
    mem_free(items);
}

static int find_loop(C *c)
{
    for (int i = c->u->nfb - 1; i >= 0; i--)
        if (c->u->fb[i].kind == FB_WHILE || c->u->fb[i].kind == FB_FOR) return i;
    return -1;
}

static void compile_break_continue(C *c, Node *n, bool is_break)
{
    if (find_loop(c) < 0)
        fail_at(c, n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    HSave hs = save_handlers(c);
    int li = unwind_stack(c, false, true);
    FBlock loop = c->u->fb[li];
    set_line(c->u, n->line);
    if (is_break) {
        unwind_fblock(c, &loop, false);
        emit(c, OP_JUMP, loop.exit);
    } else {
        emit(c, OP_JUMP, loop.start);
    }
    restore_handlers(c, hs);
}

static void compile_return(C *c, Node *n)
{
    if (!scope_is_function(c->u->scope) || c->u->scope->kind == SCOPE_CLASS) fail_at(c, n, "'return' outside function");
    bool preserve = n->a && !is_const_node(n->a);
    if (preserve) compile_expr(c, n->a);
    HSave hs = save_handlers(c);
    unwind_stack(c, preserve, false);
    set_line(c->u, n->line);
    if (!n->a) emit_const(c, VAL_NONE);
    else if (!preserve) emit_const(c, const_value(c, n->a));
    emit(c, OP_RETURN_VALUE, 0);
    restore_handlers(c, hs);
}

/* ---- try ---- */

static void clear_name(C *c, const char *name)
{
    emit_const(c, VAL_NONE);
    compile_name(c, name, CTX_STORE);
    compile_name(c, name, CTX_DEL);
}

/* try/except[/else], CPython 3.11's layout (d = depth at the try):
 *
 *        <body>                  handler: H (depth d)
 *        <else>
 *        JUMP end
 *   H:   PUSH_EXC_INFO           [prev exc]; handler: CLEANUP (depth d+1) until the last RERAISE
 *        <type> CHECK_EXC_MATCH POP_JUMP_IF_FALSE next    (per clause)
 *        STORE e                 [prev]     (or POP_TOP without `as`)
 *        <clause body>           handler: CE (depth d+1) when named, else CLEANUP
 *        POP_EXCEPT              []  (no handler of this try)
 *        [e = None; del e]
 *        JUMP end
 *   CE:  e = None; del e; RERAISE          [prev exc2] -> CLEANUP
 *   next: ... RERAISE            no clause matched: [prev exc] -> CLEANUP
 *   CLEANUP: ROT_TWO POP_EXCEPT RERAISE    [prev exc2] -> [exc2]: restore prev, propagate
 *   end:
 */
/* The start of an except, finally or with handler h: binds it, protects
 * what follows with a new cleanup handler (returned) and makes the
 * exception the one being handled: [prev exc]. */
static int begin_exc_handler(C *c, int h)
{
    bind_handler(c, h);
    int h_cleanup = push_handler(c, new_label(c));
    emit(c, OP_PUSH_EXC_INFO, 0);
    return h_cleanup;
}

/* The cleanup handler of an except or finally block, reached with
 * [prev exc2]: restores prev as the exception being handled and propagates
 * exc2. base: the handler stack's height outside the statement. */
static void emit_exc_cleanup(C *c, int h_cleanup, int base)
{
    c->u->hlen = base;
    bind_handler(c, h_cleanup);
    emit(c, OP_ROT_TWO, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_RERAISE, 0);
}

static void compile_try_except(C *c, Node *n)
{
    Unit *u = c->u;
    int l_handler = new_label(c), l_end = new_label(c);
    int base = u->hlen;
    int h_body = push_handler(c, l_handler);
    push_fblock(c, FB_TRY_EXCEPT, -1, -1, base, NULL, NULL);
    compile_body(c, &n->body);
    pop_fblock(c);
    u->hlen = base;
    compile_body(c, &n->orelse);
    set_line(u, n->line);
    emit(c, OP_JUMP, l_end);

    int h_cleanup = begin_exc_handler(c, h_body);
    for (int i = 0; i < n->list.len; i++) {
        Node *h = n->list.items[i];
        if (!h->a && i != n->list.len - 1) fail_at(c, h, "default 'except:' must be last");
        set_line(u, h->line);
        int l_next = new_label(c);
        if (h->a) {
            compile_expr(c, h->a);
            emit(c, OP_CHECK_EXC_MATCH, 0);
            emit(c, OP_POP_JUMP_IF_FALSE, l_next);
        }
        if (h->str) {
            compile_name(c, h->str, CTX_STORE);
            int l_ce = new_label(c);
            int h_ce = push_handler(c, l_ce);
            push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, base, NULL, h->str);
            compile_body(c, &h->body);
            pop_fblock(c);
            u->hlen = base;
            set_line(u, h->line);
            emit(c, OP_POP_EXCEPT, 0);
            clear_name(c, h->str);
            emit(c, OP_JUMP, l_end);
            repush_handler(c, h_cleanup);
            bind_handler(c, h_ce);
            clear_name(c, h->str);
            emit(c, OP_RERAISE, 0);
        } else {
            emit(c, OP_POP_TOP, 0);
            push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, base, NULL, NULL);
            compile_body(c, &h->body);
            pop_fblock(c);
            u->hlen = base;
            set_line(u, h->line);
            emit(c, OP_POP_EXCEPT, 0);
            emit(c, OP_JUMP, l_end);
            repush_handler(c, h_cleanup);
        }
        bind_label(c, l_next);
    }
    emit(c, OP_RERAISE, 0);
    emit_exc_cleanup(c, h_cleanup, base);
    bind_label(c, l_end);
}

/* try/finally (the try part may itself be a try/except):
 *
 *        <try part>              handler: F (depth d)
 *        <finally body>          normal exit
 *        JUMP exit
 *   F:   PUSH_EXC_INFO           [prev exc]; handler: CLEANUP (depth d+1)
 *        <finally body>
 *        RERAISE                 -> CLEANUP
 *   CLEANUP: ROT_TWO POP_EXCEPT RERAISE
 *   exit:
 * return/break/continue inside the try part inline the finally body first.
 */
static void compile_try_finally(C *c, Node *n)
{
    Unit *u = c->u;
    int l_final = new_label(c), l_exit = new_label(c);
    int base = u->hlen;
    int h_final = push_handler(c, l_final);
    push_fblock(c, FB_FINALLY_TRY, -1, -1, base, n, NULL);
    if (n->list.len) compile_try_except(c, n);
    else compile_body(c, &n->body);
    pop_fblock(c);
    u->hlen = base;
    compile_body(c, &n->finalbody);
    set_line(u, n->line);
    emit(c, OP_JUMP, l_exit);

    int h_cleanup = begin_exc_handler(c, h_final);
    push_fblock(c, FB_FINALLY_END, -1, -1, base, NULL, NULL);
    compile_body(c, &n->finalbody);
    pop_fblock(c);
    set_line(u, n->line);
    emit(c, OP_RERAISE, 0);
    emit_exc_cleanup(c, h_cleanup, base);
    bind_label(c, l_exit);
}

/* ---- statements ---- */

/* with a as x, b: body  ==  with a as x: with b: body. CPython 3.11's layout
 * (d = depth before the manager):
 *        <mgr> BEFORE_WITH       [exit res]
 *        <store x | POP_TOP>     [exit]
 *        <body>                  handler: H (depth d+1)
 *        None None None CALL 3 POP_TOP        normal exit
 *        JUMP end
 *   H:   PUSH_EXC_INFO           [exit prev exc]; handler: CLEANUP (depth d+2)
 *        WITH_EXCEPT_START       [exit prev exc r]
 *        POP_JUMP_IF_TRUE S
 *        RERAISE                 -> CLEANUP
 *   S:   POP_TOP POP_EXCEPT POP_TOP JUMP end  (suppressed)
 *   CLEANUP: ROT_TWO POP_EXCEPT ROT_TWO POP_TOP RERAISE
 *   end:
 */
static void compile_with(C *c, Node *n, int item)
{
    Unit *u = c->u;
    Node *it = n->list.items[item];
    int base = u->hlen;
    int l_handler = new_label(c), l_end = new_label(c);
    set_line(u, it->line > 0 ? it->line : n->line);
    compile_expr(c, it->a);
    emit(c, OP_BEFORE_WITH, 0);
    if (it->b) compile_target(c, it->b, CTX_STORE);
    else emit(c, OP_POP_TOP, 0);
    int h_body = push_handler(c, l_handler);
    push_fblock(c, FB_WITH, -1, -1, base, NULL, NULL);
    if (item + 1 < n->list.len) compile_with(c, n, item + 1);
    else compile_body(c, &n->body);
    pop_fblock(c);
    u->hlen = base;
    set_line(u, n->line);
    emit_const(c, VAL_NONE);
    emit_const(c, VAL_NONE);
    emit_const(c, VAL_NONE);
    emit(c, OP_CALL, 3);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_JUMP, l_end);

    int h_cleanup = begin_exc_handler(c, h_body);
    int l_suppress = new_label(c);
    emit(c, OP_WITH_EXCEPT_START, 0);
    emit(c, OP_POP_JUMP_IF_TRUE, l_suppress);
    emit(c, OP_RERAISE, 0);
    u->hlen = base;
    bind_label(c, l_suppress);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_JUMP, l_end);
    bind_handler(c, h_cleanup);
    emit(c, OP_ROT_TWO, 0);
    emit(c, OP_POP_EXCEPT, 0);
    emit(c, OP_ROT_TWO, 0);
    emit(c, OP_POP_TOP, 0);
    emit(c, OP_RERAISE, 0);
    bind_label(c, l_end);
}

/* A body's docstring: its first statement when that is a plain string
 * literal (not an f-string). */
static Node *docstring(NodeList *body)
{
    if (body->len == 0 || interp_config.optimize >= 2) return NULL;    /* -OO drops docstrings */
    Node *s = body->items[0];
    return s->kind == N_EXPR_STMT && s->a && s->a->kind == N_STR ? s->a : NULL;
}

/* Store the docstring of body as __doc__ in the namespace being built:
 * store_op is STORE_NAME in a class body, STORE_GLOBAL in a module. */
static void store_docstring(C *c, NodeList *body, int store_op)
{
    Node *doc = docstring(body);
    if (!doc) return;
    emit_const(c, const_value(c, doc));
    emit(c, store_op, name_index(c, "__doc__"));
}

static void apply_decorators(C *c, Node *n);

/* class C(bases): body  ->  C = decorators(__build_class__(<body function>, 'C', *bases)).
 * The body runs with the namespace dict as its hidden slot 0 and returns the
 * __class__ cell (or None) so that __build_class__ can fill it for super(). */
static void compile_class(C *c, Node *n)
{
    for (int i = 0; i < n->list.len; i++) compile_expr(c, n->list.items[i]);
    set_line(c->u, n->line);
    emit(c, OP_LOAD_BUILD_CLASS, 0);
    Scope *s = child_scope(c, n);
    push_unit(c, s, n->line);
    compile_name(c, "__name__", CTX_LOAD);
    emit(c, OP_STORE_NAME, name_index(c, "__module__"));
    Str *qn = str_intern_cstr(s->qualname);
    if (!qn) fail_nomem(c);
    emit_const(c, str_val(qn));      /* steals */
    emit(c, OP_STORE_NAME, name_index(c, "__qualname__"));
    store_docstring(c, &n->body, OP_STORE_NAME);
    compile_body(c, &n->body);
    set_line(c->u, last_line(&n->body, n->line));
    Symbol *cell = scope_lookup(s, "__class__");
    if (cell && cell->scope == SYM_CELL) emit(c, OP_LOAD_CLOSURE, cell->slot);
    else emit_const(c, VAL_NONE);
    emit(c, OP_RETURN_VALUE, 0);
    Code *code = finish_unit(c);
    pop_unit(c);
    set_line(c->u, n->line);
    make_function(c, code, s, 0);
    Str *name = str_intern_cstr(n->str);
    if (!name) fail_nomem(c);
    emit_const(c, str_val(name));    /* steals */
    for (int i = 0; i < n->list2.len; i++) {
        if (n->list2.items[i]->kind == N_STARRED) fail_at(c, n->list2.items[i], "'*' in class bases is not supported by scr yet");
        compile_expr(c, n->list2.items[i]);
    }
    emit(c, OP_CALL, 2 + n->list2.len);
    apply_decorators(c, n);
    compile_name(c, n->str, CTX_STORE);
}

/* The decorators pushed before the function or class, innermost first,
 * each call located at its decorator (as CPython's tracebacks show). */
static void apply_decorators(C *c, Node *n)
{
    SrcLoc saved = c->u->loc;
    for (int i = n->list.len - 1; i >= 0; i--) {
        set_loc(c->u, n->list.items[i]);
        emit(c, OP_CALL, 1);
    }
    c->u->loc = saved;
}

static void compile_def(C *c, Node *n)
{
    for (int i = 0; i < n->list.len; i++) compile_expr(c, n->list.items[i]);
    set_line(c->u, n->line);
    int flags = compile_defaults(c, n);
    Scope *s = child_scope(c, n);
    push_unit(c, s, n->line);
    compile_body(c, &n->body);
    set_line(c->u, last_line(&n->body, n->line));
    emit_const(c, VAL_NONE);
    emit(c, OP_RETURN_VALUE, 0);
    Node *doc = docstring(&n->body);
    Value docval = doc ? const_value(c, doc) : VAL_UNDEF;
    Code *code = finish_unit(c);
    if (doc) code->doc = val_as_str(docval);
    pop_unit(c);
    set_line(c->u, n->line);
    make_function(c, code, s, flags);
    apply_decorators(c, n);
    compile_name(c, n->str, CTX_STORE);
}

static void compile_import(C *c, Node *n)
{
    for (int i = 0; i < n->list.len; i++) {
        Node *al = n->list.items[i];
        emit(c, OP_IMPORT_NAME, name_index(c, al->str));
        if (al->str2) {
            compile_name(c, al->str2, CTX_STORE);
        } else {
            /* `import a.b` imports a.b, then binds a (to the package) */
            char buf[256];
            size_t k = strcspn(al->str, ".");
            if (k >= sizeof buf) k = sizeof buf - 1;
            memcpy(buf, al->str, k);
            buf[k] = 0;
            if (al->str[k]) {
                emit(c, OP_POP_TOP, 0);
                emit(c, OP_IMPORT_NAME, name_index(c, buf));
            }
            compile_name(c, buf, CTX_STORE);
        }
    }
}

static void compile_import_from(C *c, Node *n)
{
    for (int i = 0; i < n->list.len; i++)
        if (strcmp(n->list.items[i]->str, "*") == 0) {
            if (c->u->scope->kind != SCOPE_MODULE)
                fail_at(c, n->list.items[i], "import * only allowed at module level");
            fail_at(c, n->list.items[i], "star imports (from m import *) are not supported by scr yet");
        }
    emit(c, OP_IMPORT_NAME, name_index(c, n->str));
    for (int i = 0; i < n->list.len; i++) {
        Node *al = n->list.items[i];
        emit(c, OP_IMPORT_FROM, name_index(c, al->str));
        compile_name(c, al->str2 ? al->str2 : al->str, CTX_STORE);
    }
    emit(c, OP_POP_TOP, 0);
}

/* The part a while and a for loop share, once the loop's test is emitted:
 * the body inside a loop block (break jumps to end, continue to start), the
 * jump back to start, then at done (where the test falls out) the else
 * clause. */
static void compile_loop_rest(C *c, Node *n, FbKind kind, int start, int done, int end)
{
    Unit *u = c->u;
    push_fblock(c, kind, start, end, u->hlen, NULL, NULL);
    compile_body(c, &n->body);
    pop_fblock(c);
    set_line(u, n->line);
    emit(c, OP_JUMP, start);
    bind_label(c, done);
    compile_body(c, &n->orelse);
    bind_label(c, end);
}

static void compile_stmt(C *c, Node *n)
{
    Unit *u = c->u;
    SrcLoc saved = enter_node(c, n);
    switch (n->kind) {
    case N_EXPR_STMT:
        if (c->mode == COMPILE_INTERACTIVE && !scope_is_function(u->scope)) {
            compile_expr(c, n->a);
            emit(c, OP_PRINT_EXPR, 0);
        } else if (is_const_node(n->a)) {
            decref(const_value(c, n->a));     /* no code, but literal errors are reported */
        } else {
            compile_expr(c, n->a);
            emit(c, OP_POP_TOP, 0);
        }
        break;
    case N_ASSIGN:
        compile_expr(c, n->a);
        for (int i = 0; i < n->list.len; i++) {
            if (i < n->list.len - 1) emit(c, OP_DUP_TOP, 0);
            compile_target(c, n->list.items[i], CTX_STORE);
        }
        break;
    case N_AUGASSIGN:
        compile_augassign(c, n);
        break;
    case N_IF: {
        int orelse = new_label(c), end = new_label(c);
        compile_jump_if(c, n->a, false, orelse);
        compile_body(c, &n->body);
        if (n->orelse.len) {
            set_line(u, n->line);
            emit(c, OP_JUMP, end);
            bind_label(c, orelse);
            compile_body(c, &n->orelse);
            bind_label(c, end);
        } else {
            bind_label(c, orelse);
        }
        break;
    }
    case N_WHILE: {
        int start = new_label(c), orelse = new_label(c), end = new_label(c);
        bind_label(c, start);
        compile_jump_if(c, n->a, false, orelse);
        compile_loop_rest(c, n, FB_WHILE, start, orelse, end);
        break;
    }
    case N_FOR: {
        int start = new_label(c), cleanup = new_label(c), end = new_label(c);
        compile_iterable(c, n->b);
        emit(c, OP_GET_ITER, 0);
        bind_label(c, start);
        emit(c, OP_FOR_ITER, cleanup);
        compile_target(c, n->a, CTX_STORE);
        compile_loop_rest(c, n, FB_FOR, start, cleanup, end);
        break;
    }
    case N_BREAK:
        compile_break_continue(c, n, true);
        break;
    case N_CONTINUE:
        compile_break_continue(c, n, false);
        break;
    case N_PASS: case N_GLOBAL: case N_NONLOCAL:
        break;
    case N_DEF:
        compile_def(c, n);
        break;
    case N_CLASS:
        compile_class(c, n);
        break;
    case N_WITH:
        compile_with(c, n, 0);
        break;
    case N_RETURN:
        compile_return(c, n);
        break;
    case N_DEL:
        for (int i = 0; i < n->list.len; i++) compile_target(c, n->list.items[i], CTX_DEL);
        break;
    case N_ASSERT: {
        if (interp_config.optimize) break;      /* -O compiles assert statements out */
        int end = new_label(c);
        compile_jump_if(c, n->a, true, end);
        set_loc(u, n->a);         /* CPython raises at the test's range */
        emit(c, OP_LOAD_ASSERTION_ERROR, 0);
        if (n->b) {
            compile_expr(c, n->b);
            emit(c, OP_CALL, 1);
        }
        emit(c, OP_RAISE, 1);
        bind_label(c, end);
        break;
    }
    case N_IMPORT:
        compile_import(c, n);
        break;
    case N_IMPORT_FROM:
        compile_import_from(c, n);
        break;
    case N_TRY:
        if (n->finalbody.len) compile_try_finally(c, n);
        else compile_try_except(c, n);
        break;
    case N_RAISE:
        if (!n->a) {
            emit(c, OP_RAISE, 0);
        } else {
            compile_expr(c, n->a);
            if (n->b) {
                compile_expr(c, n->b);
                emit(c, OP_RAISE, 2);
            } else {
                emit(c, OP_RAISE, 1);
            }
        }
        break;
    default:
        fail_at(c, n, "this statement is not supported yet");
    }
    leave_node(u, c, saved);
}

static void compile_body(C *c, NodeList *l)
{
    for (int i = 0; i < l->len; i++) compile_stmt(c, l->items[i]);
}

/* The line an implicit `return None` gets: the last statement's, as CPython. */
static int last_line(NodeList *l, int dflt)
{
    return l->len && l->items[l->len - 1]->line > 0 ? l->items[l->len - 1]->line : dflt;
}

/* ---- finishing a code object ---- */

/* Drops `JUMP i+1` (left by empty try bodies, `if 0:`, loops ending in
 * break), renumbering jump targets and label positions. */
static void remove_jumps_to_next(C *c, Unit *u)
{
    int n = u->ncode, removed = 0;
    for (int i = 0; i < n; i++)
        if (INSTR_OP(u->code[i]) == OP_JUMP && (int)INSTR_ARG(u->code[i]) == i + 1) removed++;
    if (!removed) return;
    int *newidx = mem_alloc(sizeof(int) * (size_t)(n + 1));
    if (!newidx) fail_nomem(c);
    int k = 0;
    for (int i = 0; i < n; i++) {
        newidx[i] = k;
        if (!(INSTR_OP(u->code[i]) == OP_JUMP && (int)INSTR_ARG(u->code[i]) == i + 1)) k++;
    }
    newidx[n] = k;
    k = 0;
    for (int i = 0; i < n; i++) {
        Instr in = u->code[i];
        int op = INSTR_OP(in);
        if (op == OP_JUMP && (int)INSTR_ARG(in) == i + 1) continue;
        if (is_jump(op)) in = INSTR(op, newidx[INSTR_ARG(in)]);
        u->code[k] = in;
        u->lines[k] = u->lines[i];
        u->pos[k] = u->pos[i];
        u->hidx[k] = u->hidx[i];
        k++;
    }
    u->ncode = k;
    for (int l = 0; l < u->nlabels; l++)
        if (u->lpos[l] >= 0) u->lpos[l] = newidx[u->lpos[l]];
    mem_free(newidx);
}

/* Exact maximum operand depth by following every path (jumps, fallthrough,
 * handler entries). Returns -1 when two paths disagree (a compiler bug), -2
 * when memory ran out. */
static int flow_stacksize(Unit *u, ExcHandler *hs, int nh)
{
    int n = u->ncode;
    if (n == 0) return 0;
    int *depth = mem_alloc(sizeof(int) * (size_t)n);
    int *work = mem_alloc(sizeof(int) * (size_t)(n + nh + 1));
    if (!depth || !work) {
        mem_free(depth);
        mem_free(work);
        return -2;
    }
    for (int i = 0; i < n; i++) depth[i] = -1;
    int nwork = 0, maxd = 0, bad = 0;
    depth[0] = 0;
    work[nwork++] = 0;
    bool more = true;
    while (more) {
        while (nwork) {
            int i = work[--nwork];
            int d = depth[i];
            for (;;) {
                Instr in = u->code[i];
                int op = INSTR_OP(in), arg = (int)INSTR_ARG(in);
                if (d > maxd) maxd = d;
                if (is_jump(op)) {
                    int t = arg, td = d + opcode_stack_effect(op, arg, true);
                    if (t < 0 || t >= n) { bad = 1; break; }
                    if (depth[t] < 0) {
                        depth[t] = td;
                        work[nwork++] = t;
                    } else if (depth[t] != td) {
                        bad = 1;
                    }
                }
                d += opcode_stack_effect(op, arg, false);
                if (d > maxd) maxd = d;
                if (d < 0) bad = 1;
                if (is_terminal(op) || i + 1 >= n) break;
                i++;
                if (depth[i] >= 0) {
                    if (depth[i] != d) bad = 1;
                    break;
                }
                depth[i] = d;
            }
        }
        more = false;
        for (int k = 0; k < nh; k++) {
            int t = hs[k].target;
            if (depth[t] >= 0) continue;
            for (int i = hs[k].start; i < hs[k].end; i++)
                if (depth[i] >= 0) {
                    if (depth[i] < hs[k].depth) bad = 1;
                    depth[t] = hs[k].depth + 1;
                    work[nwork++] = t;
                    more = true;
                    break;
                }
        }
    }
    mem_free(depth);
    mem_free(work);
    return bad ? -1 : maxd;
}

static Code *finish_unit(C *c)
{
    Unit *u = c->u;
    Scope *s = u->scope;
    /* labels -> instruction indices */
    for (int i = 0; i < u->ncode; i++) {
        int op = INSTR_OP(u->code[i]);
        if (is_jump(op)) {
            int pos = u->lpos[INSTR_ARG(u->code[i])];
            if (pos < 0) fail_at(c, NULL, "internal compiler error: unbound label");
            u->code[i] = INSTR(op, pos);
        }
    }
    remove_jumps_to_next(c, u);
    /* the handler table: runs of instructions with the same innermost handler */
    int nh = 0;
    for (int i = 0; i < u->ncode; i++)
        if (u->hidx[i] >= 0 && (i == 0 || u->hidx[i - 1] != u->hidx[i])) nh++;
    ExcHandler *hs = nh ? mem_alloc(sizeof(ExcHandler) * (size_t)nh) : NULL;
    if (nh && !hs) fail_nomem(c);
    nh = 0;
    for (int i = 0; i < u->ncode; i++) {
        int h = u->hidx[i];
        if (h < 0) continue;
        if (i > 0 && u->hidx[i - 1] == h) {
            hs[nh - 1].end = i + 1;
            continue;
        }
        hs[nh].start = i;
        hs[nh].end = i + 1;
        hs[nh].target = u->lpos[u->hdesc[h].label];
        hs[nh].depth = u->hdesc[h].depth;
        nh++;
    }
    int stacksize = flow_stacksize(u, hs, nh);
    if (stacksize < 0) {
        mem_free(hs);
        if (stacksize == -2) fail_nomem(c);
        fail_at(c, NULL, "internal compiler error: inconsistent stack depth in %s", s->qualname);
    }
    for (int i = 0; i < u->ncode; i++) {
        int op = INSTR_OP(u->code[i]);
        if (op == OP_CALL || op == OP_CALL_KW)
            u->code[i] = INSTR(op, INSTR_ARG(u->code[i]) & ~(uint32_t)CALL_METHOD);
    }
    Code *co = code_new();
    if (!co) {
        mem_free(hs);
        fail_nomem(c);
    }
    u->result = co;     /* freed with the unit if what follows fails */
    co->handlers = hs;
    co->nhandlers = nh;
    co->code = u->code; u->code = NULL;
    co->lines = u->lines; u->lines = NULL;
    co->positions = encode_positions(u);
    if (!co->positions) fail_nomem(c);
    co->ncode = u->ncode;
    co->consts = u->consts; u->consts = NULL;
    co->nconsts = u->nconsts; u->nconsts = 0;
    co->names = u->names; u->names = NULL;
    co->nnames = u->nnames; u->nnames = 0;
    co->firstline = u->firstline;
    co->filename = c->filename;
    obj_incref(c->filename);
    co->stacksize = stacksize;
    co->name = intern(c, s->name);
    co->qualname = intern(c, s->qualname);
    if (scope_is_function(s)) {
        co->flags = (s->generator ? CO_GENERATOR : 0) | s->varflags | (s->nkwonly ? CO_KWONLY : 0);
        co->nkwonly = s->nkwonly;
        co->nposonly = s->nposonly;
        co->nparams = s->nparams - s->nkwonly - ((s->varflags & 1) ? 1 : 0) - ((s->varflags & 2) ? 1 : 0);
        int nlocals = scope_nlocals(s);
        co->ncells = s->ncells;
        co->nfrees = s->nfrees;
        if (s->ncells) {
            co->cell_param = mem_alloc(sizeof(int32_t) * (size_t)s->ncells);
            if (!co->cell_param) fail_nomem(c);
            for (int i = 0; i < s->ncells; i++) co->cell_param[i] = s->cell_param[i];
        }
        if (nlocals) {
            co->localnames = mem_calloc((size_t)nlocals, sizeof(Str *));
            if (!co->localnames) fail_nomem(c);
            co->nlocals = nlocals;
            for (int i = 0; i < nlocals; i++) co->localnames[i] = intern(c, s->slotnames[i]);
        }
    }
    u->result = NULL;
    return co;
}

/* ---- compile-time SyntaxWarnings ----
 * CPython's compiler warns about a few programs that can only fail: `is`
 * with a literal, an assert on a tuple, calling or indexing a literal. With
 * no warnings module yet they are written as its default filter shows them:
 * "file:line: SyntaxWarning: message", then the stripped source line. */

/* The type CPython infers for a literal or display, NULL when unknown. */
static const char *warn_literal_type(const Node *n)
{
    if (!n) return NULL;
    switch (n->kind) {
    case N_INT: return "int";
    case N_FLOAT: return "float";
    case N_STR: case N_FSTRING: case N_FORMATTED: return "str";
    case N_BYTES: return "bytes";
    case N_TRUE: case N_FALSE: return "bool";
    case N_NONE: return "NoneType";
    case N_ELLIPSIS: return "ellipsis";
    case N_TUPLE: return "tuple";
    case N_LIST: case N_LISTCOMP: return "list";
    case N_DICT: case N_DICTCOMP: return "dict";
    case N_SET: case N_SETCOMP: return "set";
    case N_GENEXP: return "generator";
    case N_LAMBDA: return "function";
    case N_SLICE: return "slice";
    case N_UNARY:   /* folded by CPython's optimizer into a constant */
        if ((n->op == UOP_NEG || n->op == UOP_POS) && n->a && (n->a->kind == N_INT || n->a->kind == N_FLOAT))
            return warn_literal_type(n->a);
        return NULL;
    default: return NULL;
    }
}

/* A constant after CPython's folding: literals and tuples of them. */
static bool warn_is_constant(const Node *n)
{
    if (!n) return false;
    if (n->kind == N_TUPLE) {
        for (int i = 0; i < n->list.len; i++)
            if (!warn_is_constant(n->list.items[i])) return false;
        return true;
    }
    if (n->kind == N_FSTRING || n->kind == N_FORMATTED || n->kind == N_SLICE) return false;
    return warn_literal_type(n) && n->kind != N_LIST && n->kind != N_LISTCOMP && n->kind != N_DICT &&
           n->kind != N_DICTCOMP && n->kind != N_SET && n->kind != N_SETCOMP && n->kind != N_GENEXP &&
           n->kind != N_LAMBDA;
}

static void warn_emit(const char *filename, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: SyntaxWarning: ", filename, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    /* the warnings module shows the line through linecache: files only */
    FILE *f = filename[0] != '<' ? fopen(filename, "rb") : NULL;
    if (!f) return;
    int cur = 1, ch;
    while (cur < line && (ch = getc(f)) != EOF)
        if (ch == '\n') cur++;
    char buf[4096];
    if (cur == line && fgets(buf, sizeof buf, f)) {
        size_t len = strlen(buf);
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' ' || buf[len - 1] == '\t'))
            len--;
        size_t i = 0;
        while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\f')) i++;
        if (i < len) fprintf(stderr, "  %.*s\n", (int)(len - i), buf + i);
    }
    fclose(f);
}

static void warn_walk(const char *filename, const Node *n, int depth);

static void warn_walk_list(const char *filename, const NodeList *l, int depth)
{
    for (int i = 0; i < l->len; i++) warn_walk(filename, l->items[i], depth);
}

/* In source order, as CPython warns. Nesting deeper than the compiler's own
 * limit is not walked, so that the C stack stays bounded: the compiler
 * refuses such code anyway, except left-deep chains (`a + a + ... + a`),
 * whose innermost terms go unchecked. */
static void warn_walk(const char *filename, const Node *n, int depth)
{
    if (n && depth <= MAX_NESTING) {
        const char *t;
        switch (n->kind) {
        case N_COMPARE:
            for (int i = 0; i < n->list.len; i++) {
                const Node *left = i == 0 ? n->a : n->list.items[i - 1], *right = n->list.items[i];
                if ((n->ops[i] == CMP_IS || n->ops[i] == CMP_IS_NOT) &&
                    ((warn_is_constant(left) && left->kind != N_NONE && left->kind != N_TRUE && left->kind != N_FALSE &&
                      left->kind != N_ELLIPSIS) ||
                     (warn_is_constant(right) && right->kind != N_NONE && right->kind != N_TRUE &&
                      right->kind != N_FALSE && right->kind != N_ELLIPSIS))) {
                    warn_emit(filename, n->line, n->ops[i] == CMP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                                                       : "\"is not\" with a literal. Did you mean \"!=\"?");
                    break;
                }
            }
            break;
        case N_ASSERT:
            if (n->a && n->a->kind == N_TUPLE && n->a->list.len > 0)
                warn_emit(filename, n->line, "assertion is always true, perhaps remove parentheses?");
            break;
        case N_CALL:
            if (n->a && n->a->kind != N_LAMBDA && n->a->kind != N_SLICE && (t = warn_literal_type(n->a)))
                warn_emit(filename, n->line, "'%s' object is not callable; perhaps you missed a comma?", t);
            break;
        case N_SUBSCRIPT: {
            const Node *v = n->a;
            const char *it = warn_literal_type(n->b);
            t = warn_literal_type(v);
            if (!t) break;
            if (warn_is_constant(v) && v->kind != N_STR && v->kind != N_BYTES && v->kind != N_TUPLE)
                warn_emit(filename, n->line, "'%s' object is not subscriptable; perhaps you missed a comma?", t);
            else if (v->kind == N_SET || v->kind == N_SETCOMP || v->kind == N_GENEXP || v->kind == N_LAMBDA)
                warn_emit(filename, n->line, "'%s' object is not subscriptable; perhaps you missed a comma?", t);
            else if (it && strcmp(it, "int") != 0 && strcmp(it, "bool") != 0 && strcmp(it, "slice") != 0 &&
                     (v->kind == N_STR || v->kind == N_BYTES || v->kind == N_TUPLE || v->kind == N_LIST ||
                      v->kind == N_LISTCOMP || v->kind == N_FSTRING))
                warn_emit(filename, n->line, "%s indices must be integers or slices, not %s; perhaps you missed a comma?",
                          t, it);
            break;
        }
        default:
            break;
        }
        warn_walk(filename, n->a, depth + 1);
        warn_walk(filename, n->b, depth + 1);
        warn_walk(filename, n->c, depth + 1);
        warn_walk_list(filename, &n->list, depth + 1);
        warn_walk_list(filename, &n->list2, depth + 1);
        warn_walk_list(filename, &n->body, depth + 1);
        warn_walk_list(filename, &n->orelse, depth + 1);
        warn_walk_list(filename, &n->finalbody, depth + 1);
    }
}

Code *compile_module(Node *mod, const char *filename, CompileMode mode, ParseError *err)
{
    Scope *top = symtable_build(mod, err);
    if (!top) return NULL;
    warn_walk(filename ? filename : "<string>", mod, 0);
    C *c = mem_calloc(1, sizeof(C));
    if (!c) {
        symtable_free(top);
        err_no_memory();
        memset(err, 0, sizeof *err);
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    c->err = err;
    c->mode = mode;
    Code *volatile code = NULL;
    if (setjmp(c->fail) == 0) {
        c->filename = intern(c, filename ? filename : "<string>");
        push_unit(c, top, 1);
        if (mode == COMPILE_FILE) store_docstring(c, &mod->body, OP_STORE_GLOBAL);
        compile_body(c, &mod->body);
        set_line(c->u, last_line(&mod->body, 1));
        emit_const(c, VAL_NONE);
        emit(c, OP_RETURN_VALUE, 0);
        code = finish_unit(c);
        pop_unit(c);
    }
    while (c->u) pop_unit(c);
    if (c->filename) obj_decref(c->filename);
    if (c->frozensets) obj_decref(c->frozensets);
    mem_free(c->spine);
    mem_free(c);
    symtable_free(top);
    return code;
}
