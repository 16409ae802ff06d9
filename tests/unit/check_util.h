/* check_util.h — what every unit-test program shares: its main() (in
 * check_util.c), the interpreter set up around the tests, and the checks
 * on results, reprs and raised exceptions that several suites make.
 *
 * Each test_*.c defines its tests with check's START_TEST/END_TEST and one
 * `const CheckSuite check_suite`; check_util.c's main() builds a suite of
 * one test case from it, runs it and exits 0 when every test passed. */
#ifndef SCR_TESTS_CHECK_UTIL_H
#define SCR_TESTS_CHECK_UTIL_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/object.h"
#include "core/error.h"

/* ---- the suite a test program runs ---- */

/* When the interpreter (interp_init(0, NULL) .. interp_free()) is up. */
typedef enum CheckInterp {
    CHECK_INTERP_NONE,       /* never: the suite works below it, or sets it up itself */
    CHECK_INTERP_RUN,        /* once around the whole run */
    CHECK_INTERP_EACH_TEST,  /* around each test, outside the suite's own setup/teardown */
} CheckInterp;

typedef struct CheckSuite {
    const char *name;
    void (*add_tests)(TCase *tc);       /* tcase_add_test(tc, ...) for each test */
    int timeout;                        /* seconds a test may take; 0: check's default */
    CheckInterp interp;
    void (*setup)(void);                /* before each test, or NULL */
    void (*teardown)(void);             /* after each test, or NULL */
    void (*at_exit)(void);              /* after the run, before the interpreter goes; or NULL */
} CheckSuite;

extern const CheckSuite check_suite;

/* Adds the tests that follow, up to a NULL, to tc (add_tests calls it; loop
 * tests and other kinds are added with check's own calls). */
void check_add_tests(TCase *tc, ...);

/* ---- checks; each fails the running test when it does not hold ---- */

/* An exception is pending, an instance of t (or of a subclass), whose first
 * argument is the str msg (NULL: any message); it is cleared. */
void expect_exc(Type *t, const char *msg);

/* r is VAL_ERROR, raised as expect_exc(t, msg) describes. */
void expect_error(Value r, Type *t, const char *msg);

/* repr(v) is want. expect_repr borrows v; expect_repr_new takes a new
 * reference (which must not be VAL_ERROR) and releases it. */
void expect_repr(Value v, const char *want);
void expect_repr_new(Value v, const char *want);

/* ---- calls ---- */

/* Calls the method `name` of self's type (of self itself when self is a
 * type: a class method) with the n Values that follow; the method must
 * exist. Returns its result: a new reference or VAL_ERROR. */
Value call_method(Value self, const char *name, int n, ...);

#endif
