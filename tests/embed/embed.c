/* embed.c — a C program using scr through its public API only (scr.h),
 * built against the installed library with `pkg-config --cflags --libs scr`
 * by tests/embed/run.sh. Its stdout is compared with embed.out. */
#include <stdio.h>
#include <scr.h>

int main(void)
{
    char *argv[] = {"embedded", "arg1", NULL};
    scr_interp *s = scr_new(2, argv);
    if (!s) { puts("scr_new failed"); return 1; }
    if (scr_new(0, NULL) != NULL) { puts("a second interpreter was allowed"); return 1; }
    printf("version %s\n", scr_version()[0] ? "ok" : "empty");
    fflush(stdout);

    int st = scr_run_string(s, "import sys\nsquares = [i * i for i in range(10)]\n"
                               "print('hello from scr', sum(squares), sys.argv)");
    printf("status %d\n", st);
    fflush(stdout);
    st = scr_run_string(s, "print(squares[-1])");          /* globals persist */
    printf("status %d\n", st);
    fflush(stdout);
    st = scr_run_string(s, "1 / 0");                         /* traceback on stderr */
    printf("status %d\n", st);
    fflush(stdout);
    st = scr_run_string(s, "x = = 1");                       /* SyntaxError */
    printf("status %d\n", st);
    fflush(stdout);
    st = scr_run_string(s, "sys.exit(7)");
    printf("status %d\n", st);
    fflush(stdout);
    st = scr_run_file(s, "/nonexistent/file.scr");
    printf("status %d\n", st);
    fflush(stdout);
    scr_free(s);

    /* and once more, after the first one is gone */
    s = scr_new(0, NULL);
    if (!s) { puts("scr_new failed the second time"); return 1; }
    st = scr_run_string(s, "print('again', 'squares' in globals())");
    printf("status %d\n", st);
    scr_free(s);
    scr_free(NULL);
    return 0;
}
