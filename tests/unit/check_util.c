/* check_util.c — main() of every unit-test program and the checks the
 * suites share (check_util.h). */
#include <stdarg.h>

#include "check_util.h"
#include "core/interp.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "api/lifecycle.h"

void expect_exc(Type *t, const char *msg)
{
    ck_assert(err_occurred());
    ck_assert_msg(err_matches(t), "expected %s for '%s'", t->name, msg ? msg : "");
    Value e = err_fetch();
    if (msg) {
        Exc *x = (Exc *)val_as_obj(e);
        ck_assert_ptr_nonnull(x->args);
        ck_assert_int_ge(x->args->len, 1);
        ck_assert(val_is_str(x->args->items[0]));
        ck_assert_str_eq(val_as_str(x->args->items[0])->data, msg);
    }
    decref(e);
}

void expect_error(Value r, Type *t, const char *msg)
{
    ck_assert(r == VAL_ERROR);
    expect_exc(t, msg);
}

void expect_repr(Value v, const char *want)
{
    ck_assert(v != VAL_ERROR);
    Value r = obj_repr(v);
    ck_assert(r != VAL_ERROR);
    ck_assert_str_eq(val_as_str(r)->data, want);
    decref(r);
}

void expect_repr_new(Value v, const char *want)
{
    expect_repr(v, want);
    decref(v);
}

Value call_method(Value self, const char *name, int n, ...)
{
    const MethodDef *m = val_is_obj(self) && val_as_obj(self)->type == &type_type
        ? ((Type *)val_as_obj(self))->methods : val_type(self)->methods;
    while (m->name && strcmp(m->name, name) != 0) m++;
    ck_assert_msg(m->name != NULL, "no method %s", name);
    Value args[8] = { self };
    ck_assert_int_lt(n, 8);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i + 1] = va_arg(ap, Value);
    va_end(ap);
    return m->fn(args, n + 1, NULL);
}

/* ---- main ---- */

void check_add_tests(TCase *tc, ...)
{
    va_list ap;
    va_start(ap, tc);
    for (const TTest *t; (t = va_arg(ap, const TTest *)) != NULL;) tcase_add_test(tc, t);
    va_end(ap);
}

static void each_setup(void)
{
    if (check_suite.interp == CHECK_INTERP_EACH_TEST) interp_init(0, NULL);
    if (check_suite.setup) check_suite.setup();
}

static void each_teardown(void)
{
    if (check_suite.teardown) check_suite.teardown();
    if (check_suite.interp == CHECK_INTERP_EACH_TEST) interp_free();
}

int main(void)
{
    Suite *s = suite_create(check_suite.name);
    TCase *tc = tcase_create("core");
    if (check_suite.timeout) tcase_set_timeout(tc, check_suite.timeout);
    if (check_suite.interp == CHECK_INTERP_EACH_TEST || check_suite.setup || check_suite.teardown)
        tcase_add_checked_fixture(tc, each_setup, each_teardown);
    check_suite.add_tests(tc);
    suite_add_tcase(s, tc);
    /* Type dicts and builtins, released below so leak checkers stay quiet. */
    if (check_suite.interp == CHECK_INTERP_RUN) interp_init(0, NULL);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (check_suite.at_exit) check_suite.at_exit();
    if (check_suite.interp == CHECK_INTERP_RUN) interp_free();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
