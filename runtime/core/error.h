/* error.h — raising and catching exceptions from C, and the builtin
 * exception hierarchy.
 *
 * Error convention: a C function that fails sets the pending exception with
 * err_*() and returns VAL_ERROR (or -1 / NULL, as its header says); its
 * caller passes the failure up the same way or handles it (err_matches,
 * err_clear). The VM takes the pending exception with err_fetch() and unwinds
 * to a handler. Exception objects are instances of the exception types below
 * (runtime/objects/exception.c); `e.args` is a tuple.
 */
#ifndef SCR_ERROR_H
#define SCR_ERROR_H

#include <stdarg.h>

#include "core/object.h"

/* ---- exception objects ---- */

typedef struct TbEntry {
    struct Code *code;           /* borrowed through the exception's reference to it */
    int line;
    int instr;                   /* index of the instruction that raised, for code_position */
} TbEntry;

typedef struct Exc {
    Obj ob;
    Tuple *args;
    Value cause;                 /* VAL_NONE unless `raise ... from` */
    Value context;               /* exception being handled when this one was raised */
    int ntb, tbcap;              /* traceback, innermost frame last */
    TbEntry *tb;
    Value value;                 /* StopIteration.value, SystemExit.code */
    Dict *dict;                  /* NULL or attributes set on a builtin exception (e.note = 1) */
    Dict *tb_globals;            /* a NameError's: globals of the frame that raised it (for its hint) */
    Value name_attr, obj_attr;   /* NameError/AttributeError .name, AttributeError .obj; VAL_UNDEF unset */
} Exc;

/* ---- the builtin exception types (static, immortal) ---- */

extern Type exc_BaseException, exc_Exception, exc_SystemExit, exc_KeyboardInterrupt,
    exc_GeneratorExit,
    exc_ArithmeticError, exc_ZeroDivisionError, exc_OverflowError, exc_FloatingPointError,
    exc_LookupError, exc_IndexError, exc_KeyError,
    exc_NameError, exc_UnboundLocalError, exc_TypeError, exc_ValueError, exc_UnicodeError,
    exc_UnicodeDecodeError, exc_UnicodeEncodeError,
    exc_AttributeError, exc_AssertionError, exc_RuntimeError, exc_RecursionError,
    exc_NotImplementedError, exc_MemoryError, exc_StopIteration, exc_SyntaxError,
    exc_IndentationError, exc_ImportError, exc_ModuleNotFoundError, exc_SystemError,
    exc_EOFError;

/* OSError and CPython's subclasses of it; io.UnsupportedOperation is an
 * OSError that `except ValueError` also catches. */
extern Type exc_OSError,
    exc_FileNotFoundError, exc_FileExistsError, exc_PermissionError, exc_IsADirectoryError,
    exc_NotADirectoryError, exc_InterruptedError, exc_BlockingIOError, exc_ChildProcessError,
    exc_ConnectionError, exc_BrokenPipeError, exc_ConnectionAbortedError, exc_ConnectionRefusedError,
    exc_ConnectionResetError, exc_ProcessLookupError, exc_TimeoutError, exc_UnsupportedOperation;

/* Every builtin exception type, NULL-terminated, for the builtins module. */
extern Type *const exc_builtin_types[];

/* The OSError subclass CPython raises for errno e (OSError when none fits). */
Type *exc_oserror_type(int e);

/* ---- raising: each sets the pending exception, replacing any ---- */

void  err_set(Type *t, const char *msg);                   /* t(msg) */
void  err_format(Type *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void  err_set_value(Type *t, Value arg);                   /* t(arg), e.g. KeyError(key); arg borrowed */
void  err_set_exc(Value exc);                              /* raise an instance (steals) */
void  err_no_memory(void);                                 /* MemoryError, never allocates */
/* The OSError subclass for errno e as "[Errno e] strerror(e): 'filename' ->
 * 'filename2'"; filename / filename2 are VAL_UNDEF when absent. */
void  err_set_errno(int e, Value filename, Value filename2);
/* UnicodeDecodeError(encoding, bytes(data[:len]), start, end, reason). */
void  err_unicode_decode(const char *encoding, const char *data, int64_t len, int64_t start, int64_t end,
                         const char *reason);
/* UnicodeEncodeError(encoding, str, start, end, reason); start/end count code points. */
void  err_unicode_encode(const char *encoding, Value str, int64_t start, int64_t end, const char *reason);

/* ---- the pending exception ---- */

bool  err_occurred(void);
Value err_fetch(void);                                     /* take the pending exception (new ref) */
bool  err_matches(Type *t);                                /* pending exception is a t */
void  err_clear(void);
/* For code with no caller to raise to (runtime/core/unraisable.c): print the
 * pending exception as "Exception ignored in: repr(obj)" plus its traceback
 * and clear it (CPython's PyErr_WriteUnraisable). */
void  err_write_unraisable(Value obj);

/* ---- working with exception objects ---- */

Value exc_new(Type *t, Value *args, int nargs);            /* new exception instance */
bool  exc_matches(Value exc, Value cls_or_tuple);          /* for `except`; never fails */
void  exc_add_traceback(Value exc, struct Code *code, int line, int instr);
/* Sets .name and .obj of the pending AttributeError, raised looking up
 * name on obj, unless it has them already (CPython's PyObject_GetAttr). */
void  exc_attribute_error_context(Value obj, Str *name);
/* Sets .name of the pending NameError (raised for an undefined name). */
void  exc_name_error_context(Str *name);
/* NameError and AttributeError (and their subclasses) take name= (and
 * obj=) keywords; exc_apply_keywords sets them on e, or raises TypeError. */
bool  exc_takes_keywords(Type *t);
int   exc_apply_keywords(Value e, Value *kwvals, Tuple *kwnames);

/* ---- printing ---- */

/* Print "Traceback (most recent call last):" ... "Type: msg" as CPython does. */
void  exc_print(Value exc, void *file /* FILE * */);
/* The same for an exception nobody can catch, as CPython's unraisable hook
 * prints it: no chained exceptions, no "Did you mean" hint. */
void  exc_print_unraisable(Value exc, void *file /* FILE * */);
/* A SyntaxError raised by importing a module: exc_print shows it as CPython
 * does, the traceback of the import and then the module's error block,
 * printed by the hook (the CLI's SyntaxError printer) from a copy of the
 * module's source. perr is the parser's error record (src/parse/ast.h's
 * ParseError), copied as perr_size bytes for the hook. */
void  exc_note_syntax_source(Value exc, const void *perr, size_t perr_size, const char *src, size_t len,
                             const char *filename);
extern void (*exc_syntax_block_hook)(const void *perr, const char *src, size_t len, const char *filename);

/* ---- tear-down ---- */

void  exc_cleanup(void);     /* at exit: drop the pending exception and MemoryError's traceback */

#endif
