/* class.c — class objects (class.h): the C3 method resolution order,
 * creating classes (__build_class__ and type(name, bases, dict)), the
 * attributes a class answers and stores, its teardown, and calling a class.
 * A class's slots, lookups, instances and descriptors are the business of
 * slots.c, attrcache.c, instance.c and descr.c.
 */
#include "objects/class.h"

#include <stdio.h>
#include <string.h>

#include "core/args.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/weakref.h"
#include "objects/attrcache.h"
#include "objects/descr.h"
#include "objects/instance.h"
#include "objects/slots.h"
#include "objects/slotwrap.h"
#include "objects/subclass.h"
#include "objects/code.h"

/* ---- the MRO ---- */

int class_mro(Type *t, Type **out, int max)
{
    int n = 0;
    if (type_is_heap(t)) {
        Class *c = (Class *)t;
        out[n++] = t;
        for (int64_t i = 0; c->mro && i < c->mro->len && n < max; i++)
            out[n++] = (Type *)val_as_obj(c->mro->items[i]);
        return n;
    }
    for (Type *x = t; x && n < max - 1; x = x->base) out[n++] = x;
    if (out[n - 1] != &object_type) out[n++] = &object_type;
    return n;
}

Value class_own_attr(Type *x, Str *name)
{
    if (!x->dict) type_ready(x);
    return x->dict ? dict_get_str(x->dict, name) : VAL_UNDEF;
}

bool class_is_subtype(Type *t, Type *base)
{
    if (t == base || base == &object_type) return true;
    Type *m[CLASS_MRO_MAX];
    int n = class_mro(t, m, CLASS_MRO_MAX);
    for (int i = 0; i < n; i++)
        if (m[i] == base) return true;
    return false;
}

/* C3 linearization of bases: out receives the MRO without the new class. */
static int c3_merge(Tuple *bases, Type **out, int max)
{
    int nseq = (int)bases->len + 1;
    Type *seqs[nseq][CLASS_MRO_MAX];
    int len[nseq], pos[nseq];
    for (int i = 0; i < (int)bases->len; i++) {
        len[i] = class_mro((Type *)val_as_obj(bases->items[i]), seqs[i], CLASS_MRO_MAX);
        pos[i] = 0;
    }
    len[nseq - 1] = (int)bases->len;
    pos[nseq - 1] = 0;
    for (int i = 0; i < (int)bases->len; i++) seqs[nseq - 1][i] = (Type *)val_as_obj(bases->items[i]);
    int n = 0;
    for (;;) {
        bool empty = true;
        for (int i = 0; i < nseq; i++) if (pos[i] < len[i]) empty = false;
        if (empty) return n;
        Type *cand = NULL;
        for (int i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= len[i]) continue;
            Type *h = seqs[i][pos[i]];
            bool in_tail = false;
            for (int j = 0; j < nseq && !in_tail; j++)
                for (int k = pos[j] + 1; k < len[j]; k++)
                    if (seqs[j][k] == h) { in_tail = true; break; }
            if (!in_tail) cand = h;
        }
        if (!cand || n >= max) {
            StrBuf b;
            sb_init(&b);
            sb_puts(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
            for (int i = 0; i < (int)bases->len; i++)
                sb_printf(&b, "%s %s", i ? "," : "", ((Type *)val_as_obj(bases->items[i]))->name);
            Value msg = sb_finish(&b);
            if (msg != VAL_ERROR) {
                err_set(&exc_TypeError, val_as_str(msg)->data);
                decref(msg);
            }
            return -1;
        }
        out[n++] = cand;
        for (int i = 0; i < nseq; i++)
            if (pos[i] < len[i] && seqs[i][pos[i]] == cand) pos[i]++;
    }
}

/* ---- creating classes ---- */

static Value class_create(Str *name, Tuple *bases, Dict *ns)
{
    Tuple *own_bases = NULL;
    if (bases->len == 0) {
        own_bases = tuple_pack(1, val_from_obj(&object_type));
        if (!own_bases) return VAL_ERROR;
        bases = own_bases;
    } else {
        obj_incref(bases);
        own_bases = bases;
    }
    Type *solid = &object_type;
    for (int64_t i = 0; i < bases->len; i++) {
        Value b = bases->items[i];
        if (!class_is_type(b)) {
            err_set(&exc_TypeError, "bases must be types");
            goto fail;
        }
        Type *bt = (Type *)val_as_obj(b);
        Type *bs = type_is_heap(bt) ? ((Class *)bt)->solid : bt;
        if (bs != &object_type && !(bs->flags & TYPE_EXCEPTION) && !subclass_is_layout_base(bs) && !subclass_is_boxed_base(bs)) {
            if (bs == &bool_type || bs == &none_type || !(bs->flags & TYPE_BASETYPE))
                err_format(&exc_TypeError, "type '%s' is not an acceptable base type", bs->name);
            else
                err_format(&exc_TypeError, "subclassing '%s' is not supported by scr yet", bs->name);
            goto fail;
        }
        for (int64_t j = 0; j < i; j++)
            if (bases->items[j] == b) {
                err_format(&exc_TypeError, "duplicate base class %s", bt->name);
                goto fail;
            }
        if (type_is_subtype(bs, solid)) solid = bs;
        else if (!type_is_subtype(solid, bs)) {
            err_set(&exc_TypeError, "multiple bases have instance lay-out conflict");
            goto fail;
        }
    }
    /* as type.__new__: a class without a docstring has __doc__ None of its
     * own (it does not inherit its base's) */
    if (dict_get_cstr(ns, "__doc__") == VAL_UNDEF && dict_set_cstr(ns, "__doc__", VAL_NONE) < 0) goto fail;
    Type *m[CLASS_MRO_MAX];
    int nm = c3_merge(bases, m, CLASS_MRO_MAX - 1);
    if (nm < 0) goto fail;
    Tuple *mro = tuple_new(nm);
    if (!mro) goto fail;
    for (int i = 0; i < nm; i++) {
        obj_incref(m[i]);
        mro->items[i] = val_from_obj(m[i]);
    }
    Class *c = obj_alloc(&type_type, sizeof(Class));
    if (!c) {
        obj_decref(mro);
        goto fail;
    }
    memset((char *)c + sizeof(Obj), 0, sizeof(Class) - sizeof(Obj));
    c->name = name;
    obj_incref(name);
    Value qn = dict_get_cstr(ns, "__qualname__");
    if (val_is_str(qn)) {
        c->qualname = val_as_str(qn);
        obj_incref(c->qualname);
    } else {
        c->qualname = name;
        obj_incref(name);
    }
    if (qn != VAL_UNDEF) {     /* as type.__new__: __qualname__ is not a class attribute */
        Str *k = str_intern_cstr("__qualname__");
        if (!k || dict_del(ns, str_val(k)) < 0) err_clear();
        if (k) obj_decref(k);
    }
    c->bases = bases;       /* takes own_bases */
    c->mro = mro;
    c->solid = solid;
    bool boxed = subclass_is_boxed_base(solid);
    if (solid == &object_type) c->dictoffset = sizeof(Obj);
    else if (solid->flags & TYPE_EXCEPTION) c->dictoffset = solid->size >= sizeof(Exc) ? solid->size : sizeof(Exc);
    else if (boxed) c->dictoffset = sizeof(BoxInst);
    else c->dictoffset = (solid->size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    c->t.name = name->data;
    c->t.base = (Type *)val_as_obj(bases->items[0]);
    c->t.size = c->dictoffset + sizeof(Dict *) + sizeof(WeakRef *);   /* __dict__, weak references */
    /* as CPython: no weak references to instances of int and tuple subclasses */
    c->t.weaklistoffset = solid == &int_type || solid == &tuple_type ? 0 : c->dictoffset + sizeof(Dict *);
    c->t.flags = TYPE_CONTAINER | TYPE_HEAPTYPE | TYPE_BASETYPE | (solid->flags & (TYPE_EXCEPTION | TYPE_SEQUENCE)) |
                 (boxed ? CLASS_BOXED : 0);
    obj_incref(ns);
    c->t.dict = ns;
    /* as type.__new__: __new__ is implicitly a staticmethod; defining __eq__ alone drops __hash__ */
    Value nf = dict_get_cstr(ns, "__new__");
    if (nf != VAL_UNDEF && val_type(nf) == &function_type) {
        Value w = descr_staticmethod(nf);
        if (w == VAL_ERROR) { obj_decref(c); return VAL_ERROR; }
        int rc = dict_set_cstr(ns, "__new__", w);
        decref(w);
        if (rc < 0) { obj_decref(c); return VAL_ERROR; }
    }
    if (dict_get_cstr(ns, "__eq__") != VAL_UNDEF && dict_get_cstr(ns, "__hash__") == VAL_UNDEF)
        if (dict_set_cstr(ns, "__hash__", VAL_NONE) < 0) { obj_decref(c); return VAL_ERROR; }
    /* instances are managed the same way whatever the class defines */
    c->t.dealloc = inst_dealloc;
    c->t.traverse = inst_traverse;
    c->t.clear = inst_clear;
    c->t.getattr = inst_getattr;
    c->t.setattr = inst_setattr;
    c->t.new = class_new;
    slots_update(c);
    class_epoch++;       /* c may sit where a freed class was */
    return val_from_obj(c);
fail:
    obj_decref(own_bases);
    return VAL_ERROR;
}

/* __build_class__(body, name, *bases) */
static Value build_class(Value *args, int nargs, Tuple *kw)
{
    if (args_no_kw(NULL, "__build_class__", kw) < 0) return VAL_ERROR;
    if (nargs < 2 || !val_is_str(args[1])) {
        err_set(&exc_TypeError, "__build_class__: not enough arguments");
        return VAL_ERROR;
    }
    Tuple *bases = tuple_from_array(args + 2, nargs - 2);
    if (!bases) return VAL_ERROR;
    Dict *ns = dict_new();
    if (!ns) { obj_decref(bases); return VAL_ERROR; }
    Value nsv = val_from_obj(ns);
    Value cell = obj_call(args[0], &nsv, 1, NULL);
    if (cell == VAL_ERROR) { obj_decref(ns); obj_decref(bases); return VAL_ERROR; }
    Value cls = class_create(val_as_str(args[1]), bases, ns);
    obj_decref(bases);
    obj_decref(ns);
    if (cls != VAL_ERROR && val_is_obj(cell) && val_as_obj(cell)->type == &cell_type) {
        Cell *c = (Cell *)val_as_obj(cell);
        Value old = c->v;
        c->v = new_ref(cls);
        xdecref(old);
    }
    decref(cell);
    return cls;
}

Builtin class_build_class_fn = {
    .ob = OBJ_HEAD_INIT(&builtin_type), .name = "__build_class__", .fn = build_class, .self = VAL_UNDEF,
};

Value class_type_new3(Value *args, int nargs)
{
    if (nargs != 3 || !val_is_str(args[0]) || !val_is_tuple(args[1]) || !val_is_dict(args[2])) {
        err_set(&exc_TypeError, "type() takes 1 or 3 arguments");
        return VAL_ERROR;
    }
    Dict *ns = dict_copy(val_as_dict(args[2]));
    if (!ns) return VAL_ERROR;
    if (dict_get_cstr(ns, "__qualname__") == VAL_UNDEF && dict_set_cstr(ns, "__qualname__", args[0]) < 0) {
        obj_decref(ns);
        return VAL_ERROR;
    }
    if (dict_get_cstr(ns, "__module__") == VAL_UNDEF) {
        Str *m = str_from_cstr("__main__");
        if (!m || dict_set_cstr(ns, "__module__", str_val(m)) < 0) {
            if (m) obj_decref(m);
            obj_decref(ns);
            return VAL_ERROR;
        }
        obj_decref(m);
    }
    Value r = class_create(val_as_str(args[0]), val_as_tuple(args[1]), ns);
    obj_decref(ns);
    return r;
}

/* ---- the class object itself (type_type slots for heap types) ---- */

const char *class_module(Type *t)
{
    Value m = type_is_heap(t) && t->dict ? dict_get_cstr(t->dict, "__module__") : VAL_UNDEF;
    return val_is_str(m) ? val_as_str(m)->data : "builtins";
}

const char *class_exc_name(Type *t, char *buf, size_t n)
{
    Class *c = (Class *)t;
    const char *m = class_module(t);
    if (strcmp(m, "__main__") == 0 || strcmp(m, "builtins") == 0) snprintf(buf, n, "%s", c->qualname->data);
    else snprintf(buf, n, "%s.%s", m, c->qualname->data);
    return buf;
}

Value class_type_repr(Value v)
{
    Class *c = (Class *)val_as_obj(v);
    StrBuf b;
    sb_init(&b);
    const char *m = class_module(&c->t);
    if (strcmp(m, "builtins") == 0) sb_printf(&b, "<class '%s'>", c->qualname->data);
    else sb_printf(&b, "<class '%s.%s'>", m, c->qualname->data);
    return sb_finish(&b);
}

Value class_type_getattr(Value o, Str *name)
{
    Class *c = (Class *)val_as_obj(o);
    Type *t = &c->t;
    if (name->data[0] == '_' && name->data[1] == '_') {
        if (str_eq_cstr(name, "__name__")) return new_ref(str_val(c->name));
        if (str_eq_cstr(name, "__qualname__")) return new_ref(str_val(c->qualname));
        if (str_eq_cstr(name, "__bases__")) return new_ref(val_from_obj(c->bases));
        if (str_eq_cstr(name, "__base__")) return new_ref(val_from_obj(t->base));
        if (str_eq_cstr(name, "__dict__")) {
            /* mutable from now on behind class_type_setattr's back: no caching */
            t->flags |= CLASS_DICT_EXPOSED;
            class_epoch++;
            return new_ref(val_from_obj(t->dict));
        }
        if (str_eq_cstr(name, "__class__")) return new_ref(val_from_obj(&type_type));
        if (str_eq_cstr(name, "__mro__")) {
            Tuple *r = tuple_new(c->mro->len + 1);
            if (!r) return VAL_ERROR;
            r->items[0] = new_ref(o);
            for (int64_t i = 0; i < c->mro->len; i++) r->items[i + 1] = new_ref(c->mro->items[i]);
            return val_from_obj(r);
        }
    }
    Value d = class_lookup(t, name);
    if (d != VAL_UNDEF) return descr_get(d, VAL_UNDEF, t);
    if (str_eq_cstr(name, "__doc__")) return VAL_NONE;
    err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", c->qualname->data, name->data);
    return VAL_ERROR;
}

int class_type_setattr(Value o, Str *name, Value v)
{
    Class *c = (Class *)val_as_obj(o);
    int rc;
    class_epoch++;       /* before: the old value's __del__ may look names up */
    if (v == VAL_UNDEF) {
        if (dict_get_str(c->t.dict, name) == VAL_UNDEF) {
            err_format(&exc_AttributeError, "type object '%s' has no attribute '%s'", c->t.name, name->data);
            return -1;
        }
        rc = dict_del(c->t.dict, str_val(name));
    } else {
        rc = dict_set_str(c->t.dict, name, v);
    }
    class_epoch++;
    if (rc == 0 && name->data[0] == '_') slots_update(c);
    return rc;
}

void class_type_traverse(Obj *o, VisitProc visit, void *arg)
{
    Type *t = (Type *)o;
    if (!type_is_heap(t)) return;
    Class *c = (Class *)o;
    if (t->dict) visit((Obj *)t->dict, arg);
    if (c->bases) visit((Obj *)c->bases, arg);
    if (c->mro) visit((Obj *)c->mro, arg);
}

void class_type_clear(Obj *o)
{
    Type *t = (Type *)o;
    if (!type_is_heap(t)) return;
    /* the dict object stays (lookups keep working while the cycle is torn down) */
    class_epoch++;
    if (t->dict) dict_clear(t->dict);
    class_epoch++;
}

void class_type_dealloc(Obj *o)
{
    Type *t = (Type *)o;
    if (!type_is_heap(t)) return;     /* static types are immortal */
    class_epoch++;                    /* no cached lookup may outlive it */
    Class *c = (Class *)o;
    weakref_dealloc_hook(o);
    if (t->dict) obj_decref(t->dict);
    if (c->bases) obj_decref(c->bases);
    if (c->mro) obj_decref(c->mro);
    if (c->qualname) obj_decref(c->qualname);
    if (c->name) obj_decref(c->name);
    obj_free(o);
}

/* ---- calling a class ---- */

Value class_new(Type *t, Value *args, int nargs, Tuple *kw)
{
    Class *c = (Class *)t;
    Value cls = val_from_obj(t);
    bool unew = class_user_defined(t, "__new__"), uinit = class_user_defined(t, "__init__");
    Value obj;
    if (unew) {
        Value f = class_lookup_cstr(t, "__new__");
        if (val_type(f) == &staticmethod_type) f = ((Wrap *)val_as_obj(f))->func;
        incref(f);
        obj = descr_call_prepend(f, cls, args, nargs, kw);
        decref(f);
        if (obj == VAL_ERROR) return VAL_ERROR;
        if (!val_isinstance(obj, t)) return obj;
    } else {
        if (!uinit && (nargs || (kw && kw->len)) && c->solid == &object_type) {
            err_format(&exc_TypeError, "%s() takes no arguments", t->name);
            return VAL_ERROR;
        }
        bool exc_kw = (c->solid->flags & TYPE_EXCEPTION) && !uinit && kw && kw->len;
        if (exc_kw && !exc_takes_keywords(c->solid)) {
            err_format(&exc_TypeError, "%s() takes no keyword arguments", t->name);
            return VAL_ERROR;
        }
        obj = inst_alloc(c, args, nargs, kw);
        if (obj == VAL_ERROR) return VAL_ERROR;
        if (exc_kw && exc_apply_keywords(obj, args + nargs, kw) < 0) {     /* name=, obj= */
            decref(obj);
            return VAL_ERROR;
        }
    }
    if (uinit) {
        Value f = class_lookup_cstr(val_type(obj), "__init__");
        incref(f);
        Value r = descr_call(f, obj, args, nargs, kw);
        decref(f);
        if (r == VAL_ERROR) { decref(obj); return VAL_ERROR; }
        if (r != VAL_NONE) {
            err_format(&exc_TypeError, "__init__() should return None, not '%s'", val_type_name(r));
            decref(r);
            decref(obj);
            return VAL_ERROR;
        }
    } else {
        Type *s = type_solid(val_type(obj));
        if (s == &list_type || s == &dict_type || s == &set_type) {   /* list.__init__(obj, *args) ... */
            Value r = slotwrap_init_container(s, obj, args, nargs, kw);
            if (r == VAL_ERROR) { decref(obj); return VAL_ERROR; }
        }
    }
    return obj;
}

Value class_new_for_init(Type *t, Function **init)
{
    Class *c = (Class *)t;
    if (!type_is_heap(t) || c->solid != &object_type) return VAL_UNDEF;
    Value f = attrcache_init_unless_new(t);
    if (!val_is_obj(f) || val_as_obj(f)->type != &function_type) return VAL_UNDEF;
    Function *fn = (Function *)val_as_obj(f);
    if (fn->code->flags & CO_GENERATOR) return VAL_UNDEF;
    *init = fn;
    return inst_alloc(c, NULL, 0, NULL);
}

/* ---- registration ---- */

int class_add_builtins(Dict *d)
{
    Type *const types[] = { &object_type, &super_type, &property_type, &staticmethod_type, &classmethod_type, NULL };
    for (int i = 0; types[i]; i++) {
        type_ready(types[i]);
        if (dict_set_cstr(d, types[i]->name, val_from_obj(types[i])) < 0) return -1;
    }
    if (slotwrap_add_all() < 0) return -1;
    type_ready(&notimplemented_type);
    if (dict_set_cstr(d, "NotImplemented", val_from_obj(&class_notimplemented)) < 0) return -1;
    return 0;
}
