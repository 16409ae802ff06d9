/* sitebuiltins.c — the builtins meant for the interactive prompt, as CPython's
 * site module adds them: exit and quit (whose repr tells how to leave),
 * copyright, credits and license (whose repr is their text), and help (which
 * hands its argument to the pydoc module, runtime/lib/pydoc.scr). Also the
 * pager help writes through, the `_pydoc` module's page(), and the builtins
 * module (`import builtins`, __main__.__builtins__).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins/sitebuiltins.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/tuple.h"
#include "objects/function.h"
#include "modules/module.h"
#include "core/interp.h"
#include "objects/textio.h"
#include "objects/module.h"
#include "core/vmcall.h"

typedef struct SiteObj { Obj ob; const char *name; const char *text; } SiteObj;

static Value site_repr(Value v)
{
    Str *s = str_from_cstr(((SiteObj *)val_as_obj(v))->text);
    return s ? str_val(s) : VAL_ERROR;
}

/* ---- the pager ---- */

static bool env_is(const char *name, const char *a, const char *b)
{
    const char *v = getenv(name);
    return v && (strcmp(v, a) == 0 || strcmp(v, b) == 0);
}

/* The command help pages through, as pydoc chooses it: none unless both
 * standard input and output are terminals; then MANPAGER or PAGER, else
 * less or more when installed and the terminal is not a dumb one. */
static const char *pager_command(void)
{
    if (!isatty(0) || !isatty(1)) return NULL;
    const char *cmd = getenv("MANPAGER");
    if (!cmd || !*cmd) cmd = getenv("PAGER");
    if (cmd && *cmd) return cmd;
    if (env_is("TERM", "dumb", "emacs")) return NULL;
    if (system("command -v less >/dev/null 2>&1") == 0) return "less";
    if (system("command -v more >/dev/null 2>&1") == 0) return "more";
    return NULL;
}

/* text without its overstruck bold ("X\bX" is X), as pydoc's plain(): a
 * malloc'd copy of *len bytes, or NULL with MemoryError set. */
static char *strip_bold(const char *text, int64_t *len)
{
    char *buf = malloc((size_t)*len + 1);
    if (!buf) {
        err_no_memory();
        return NULL;
    }
    int64_t n = 0;
    for (int64_t i = 0; i < *len; i++) {
        if (text[i] == '\b' && n > 0) {
            do n--; while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);   /* a whole UTF-8 character */
            continue;
        }
        buf[n++] = text[i];
    }
    *len = n;
    return buf;
}

int site_page(const char *text, int64_t len)
{
    Value out = textio_sys_stream("stdout");
    if (out == VAL_UNDEF) {
        err_set(&exc_RuntimeError, "lost sys.stdout");
        return -1;
    }
    const char *cmd = pager_command();
    if (!val_is_textio(out) || ((TextIO *)val_as_obj(out))->fp != stdout) cmd = NULL;
    char *plain = NULL;
    if (!cmd || env_is("TERM", "dumb", "emacs")) {   /* a dumb terminal's pager gets no bold either */
        if (!(plain = strip_bold(text, &len))) return -1;
        text = plain;
    }
    if (!cmd) {
        int r = textio_write(out, text, len);
        free(plain);
        return r;
    }
    fflush(stdout);
    /* The pager owns the terminal: Ctrl-C is its to handle, and quitting it
     * early must not kill scr with SIGPIPE. */
    struct sigaction ign, old_int, old_pipe;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &old_int);
    sigaction(SIGPIPE, &ign, &old_pipe);
    FILE *p = popen(cmd, "w");
    if (p) {
        fwrite(text, 1, (size_t)len, p);
        pclose(p);
    }
    sigaction(SIGPIPE, &old_pipe, NULL);
    sigaction(SIGINT, &old_int, NULL);
    int r = 0;
    if (!p) {                /* no shell to run the pager: written plainly after all */
        if (!plain && !(plain = strip_bold(text, &len))) return -1;
        r = textio_write(out, plain, len);
    }
    free(plain);
    return r;
}

static Value pydoc_page(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "page", kwnames) < 0) return VAL_ERROR;
    if (nargs != 1 || !val_is_str(args[0])) {
        err_set(&exc_TypeError, "page() takes one str");
        return VAL_ERROR;
    }
    Str *s = val_as_str(args[0]);
    return site_page(s->data, s->len) < 0 ? VAL_ERROR : VAL_NONE;
}

/* import_module(name): the module, imported by a name only known at run time
 * (help("math.sqrt")). */
static Value pydoc_import_module(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "import_module", kwnames) < 0) return VAL_ERROR;
    if (nargs != 1 || !val_is_str(args[0])) {
        err_set(&exc_TypeError, "import_module() takes one str");
        return VAL_ERROR;
    }
    return module_import(val_as_str(args[0]));
}

/* frozen_source(name): the source of the library module written in scr
 * called name, or None; help() reads a module's leading comments in it. */
static Value pydoc_frozen_source(Value *args, int nargs, Tuple *kwnames)
{
    if (args_no_kw(NULL, "frozen_source", kwnames) < 0) return VAL_ERROR;
    if (nargs != 1 || !val_is_str(args[0])) {
        err_set(&exc_TypeError, "frozen_source() takes one str");
        return VAL_ERROR;
    }
    for (const FrozenModule *fm = frozen_modules; fm->name; fm++) {
        if (!str_eq_cstr(val_as_str(args[0]), fm->name)) continue;
        Str *src = str_new(fm->src, (int64_t)fm->len);
        return src ? str_val(src) : VAL_ERROR;
    }
    return VAL_NONE;
}

static const MethodDef pydoc_functions[] = {
    {"page", pydoc_page}, {"import_module", pydoc_import_module}, {"frozen_source", pydoc_frozen_source},
    {NULL, NULL},
};

Value mod_pydoc_init(void) { return module_new_with("_pydoc", pydoc_functions); }

/* The builtins module: its dict is the interpreter's builtins. */
Value mod_builtins_init(void)
{
    Value m = module_new("builtins");
    if (m == VAL_ERROR) return VAL_ERROR;
    Module *mod = (Module *)val_as_obj(m);
    obj_decref(mod->dict);
    obj_incref(interp.builtins);
    mod->dict = interp.builtins;
    return m;
}

/* The __call__ methods below are written in Python in CPython (site.py,
 * _sitebuiltins.py): their messages count self. */
static const char *const no_params[] = { NULL };

/* ---- exit and quit ---- */

static Value quitter_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    (void)self;
    Value code;
    static const char *const params[] = { "code", NULL };
    if (args_def("Quitter.__call__", 1, args, nargs, kwnames, params, 0, &code) < 0) return VAL_ERROR;
    if (code == VAL_UNDEF) code = VAL_NONE;
    Value exc = exc_new(&exc_SystemExit, &code, 1);
    if (exc == VAL_ERROR) return VAL_ERROR;
    err_set_exc(exc);
    return VAL_ERROR;
}

static Type quitter_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "_sitebuiltins.Quitter",
    .size = sizeof(SiteObj),
    .repr = site_repr,
    .call = quitter_call,
};

static SiteObj site_exit = { OBJ_HEAD_INIT(&quitter_type), "exit", "Use exit() or Ctrl-D (i.e. EOF) to exit" };
static SiteObj site_quit = { OBJ_HEAD_INIT(&quitter_type), "quit", "Use quit() or Ctrl-D (i.e. EOF) to exit" };

/* ---- copyright, credits, license ---- */

static const char license_text[] =
    "scr is distributed under the MIT License:\n"
    "\n"
    "MIT License\n"
    "\n"
    "Copyright (c) 2026 The scr developers\n"
    "\n"
    "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
    "of this software and associated documentation files (the \"Software\"), to deal\n"
    "in the Software without restriction, including without limitation the rights\n"
    "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell\n"
    "copies of the Software, and to permit persons to whom the Software is\n"
    "furnished to do so, subject to the following conditions:\n"
    "\n"
    "The above copyright notice and this permission notice shall be included in all\n"
    "copies or substantial portions of the Software.\n"
    "\n"
    "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n"
    "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\n"
    "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\n"
    "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n"
    "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\n"
    "SOFTWARE.\n";

/* copyright() and credits() print their text; license() pages the licence. */
static Value printer_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    SiteObj *p = (SiteObj *)val_as_obj(self);
    if (args_def("_Printer.__call__", 1, args, nargs, kwnames, no_params, 0, NULL) < 0) return VAL_ERROR;
    if (strcmp(p->name, "license") == 0)
        return site_page(license_text, (int64_t)strlen(license_text)) < 0 ? VAL_ERROR : VAL_NONE;
    Value out = textio_sys_stream("stdout");
    if (out == VAL_UNDEF) {
        err_set(&exc_RuntimeError, "lost sys.stdout");
        return VAL_ERROR;
    }
    if (textio_write(out, p->text, (int64_t)strlen(p->text)) < 0 || textio_write(out, "\n", 1) < 0)
        return VAL_ERROR;
    return VAL_NONE;
}

static Type printer_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "_sitebuiltins._Printer",
    .size = sizeof(SiteObj),
    .repr = site_repr,
    .call = printer_call,
};

static SiteObj site_copyright = { OBJ_HEAD_INIT(&printer_type), "copyright",
    "Copyright (c) 2026 The scr developers.\n"
    "scr is free software, under the MIT License: type license() to read it." };
static SiteObj site_credits = { OBJ_HEAD_INIT(&printer_type), "credits",
    "    scr is written in C by the scr developers. The language it runs is a\n"
    "    subset of Python 3.11: thanks to the Python community for its design." };
static SiteObj site_license = { OBJ_HEAD_INIT(&printer_type), "license",
    "Type license() to see the full license text" };

/* ---- help ---- */

/* help(...) is pydoc.help(...), the module loaded on first use. */
static Value helper_call(Value self, Value *args, int nargs, Tuple *kwnames)
{
    (void)self;
    Value request;
    static const char *const params[] = { "request", NULL };
    if (args_def("Helper.__call__", 1, args, nargs, kwnames, params, 0, &request) < 0) return VAL_ERROR;
    Value f = module_import_attr("pydoc", "help");
    if (f == VAL_ERROR) return VAL_ERROR;
    Value r = obj_call(f, &request, request == VAL_UNDEF ? 0 : 1, NULL);
    decref(f);
    return r;
}

static Type helper_type = {
    .ob = OBJ_HEAD_INIT(&type_type),
    .name = "_sitebuiltins._Helper",
    .size = sizeof(SiteObj),
    .repr = site_repr,
    .call = helper_call,
};

static SiteObj site_help = { OBJ_HEAD_INIT(&helper_type), "help",
    "Type help() for interactive help, or help(object) for help about object." };

int site_add_builtins(Dict *d)
{
    SiteObj *const objs[] = { &site_exit, &site_quit, &site_copyright, &site_credits, &site_license, &site_help, NULL };
    for (int i = 0; objs[i]; i++) {
        type_ready(objs[i]->ob.type);
        if (dict_set_cstr(d, objs[i]->name, val_from_obj(objs[i])) < 0) return -1;
    }
    return 0;
}
