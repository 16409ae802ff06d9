/* header_alone.c — scr.h is self-contained: this translation unit includes
 * nothing else and is the embedding example of docs/cli.md. CTest compiles it
 * (embed/header_alone) with warnings as errors; it is never linked. */
#include <scr.h>

int main(void)
{
    scr_interp *s = scr_new(0, NULL);          /* sys.argv = [''] */
    int status = scr_run_string(s, "x = 6 * 7\nprint(x)");
    status = scr_run_string(s, "print(x + 1)");  /* globals persist */
    scr_free(s);                               /* everything released */
    return status;
}
