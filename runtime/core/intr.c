/* intr.c — Ctrl-C inside C code (see intr.h).
 *
 * The handler is installed with SA_RESTART, so that an unprepared read or
 * write is never cut short; a blocking wait that must end on ^C is done
 * here with ppoll(), which a signal always interrupts. SIGINT is blocked
 * from the test of the flag until ppoll unblocks it atomically: a ^C that
 * comes just before the wait cannot leave it waiting.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <time.h>
#include "core/intr.h"
#include "core/error.h"
#include "core/object.h"

int intr_raise(void)
{
    vm_sigint = 0;
    Value exc = exc_new(&exc_KeyboardInterrupt, NULL, 0);
    if (exc != VAL_ERROR) err_set_exc(exc);
    return -1;
}

/* Wait for input on fd, or (fd < 0) until the CLOCK_MONOTONIC time *until.
 * 1: ready or time is up; -1: KeyboardInterrupt raised. */
static int wait_for(int fd, const struct timespec *until)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    for (;;) {
        sigprocmask(SIG_BLOCK, &block, &old);
        if (vm_sigint) {
            sigprocmask(SIG_SETMASK, &old, NULL);
            return intr_raise();
        }
        struct timespec left, *tp = NULL;
        if (until) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            left.tv_sec = until->tv_sec - now.tv_sec;
            left.tv_nsec = until->tv_nsec - now.tv_nsec;
            if (left.tv_nsec < 0) { left.tv_nsec += 1000000000L; left.tv_sec--; }
            if (left.tv_sec < 0) {
                sigprocmask(SIG_SETMASK, &old, NULL);
                return 1;
            }
            tp = &left;
        }
        struct pollfd p = {fd, POLLIN, 0};
        int r = ppoll(fd >= 0 ? &p : NULL, fd >= 0 ? 1 : 0, tp, &old);
        int e = errno;
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (r > 0 && fd >= 0) return 1;
        if (r < 0 && e != EINTR) return 1;      /* let the read report it */
        /* a signal (the loop tests the flag), or a sleep's time is up */
    }
}

int intr_wait_readable(int fd)
{
    return wait_for(fd, NULL) < 0 ? -1 : 0;
}

int intr_wait_stdio(FILE *fp)
{
    if (feof(fp)) return 0;            /* glibc's end of file is sticky: getc will not wait */
#ifdef __GLIBC__
    if (fp->_IO_read_ptr < fp->_IO_read_end) return 0;      /* buffered input */
    return intr_wait_readable(fileno(fp));
#else
    return 0;       /* the buffer cannot be looked at: getc may wait, uninterrupted */
#endif
}

int intr_sleep(double secs)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    time_t whole = (time_t)secs;
    long ns = (long)((secs - (double)whole) * 1e9);
    if (ns > 999999999L) ns = 999999999L;
    until.tv_sec += whole;
    until.tv_nsec += ns;
    if (until.tv_nsec >= 1000000000L) { until.tv_nsec -= 1000000000L; until.tv_sec++; }
    return wait_for(-1, &until) < 0 ? -1 : 0;
}
