/* ptyrun.c — a tiny "expect" for the REPL tests: runs scr on a pseudo-
 * terminal, types what a script says, and waits (with timeouts, never for
 * ever) for the output it expects.
 *
 *   ptyrun SCRIPT SCR
 *
 * SCRIPT has one command per line ('#' starts a comment line):
 *   require libedit        skip (exit 77) unless $SCR_HAVE_LIBEDIT is 1
 *   env NAME=VALUE         for the next spawns; @TMP@ is a fresh temp dir
 *   spawn ARG...           start SCR ARG... on a new pty (80x24, TERM=xterm);
 *                          "a quoted arg" may hold spaces and escapes
 *   send TEXT              type TEXT (escapes: \n \r \t \e \\ \xHH)
 *   expect TEXT            wait until TEXT appears after the previous match
 *   reject TEXT            fail if TEXT appears (within 0.3 s) after the previous match
 *   sleep MS
 *   timeout SECONDS        for the following expects (default 10)
 *   wait STATUS            wait for scr to exit with STATUS ("sig N": a signal)
 * On failure it prints the line, and the whole transcript, and exits 1.
 * With $PTYRUN_VERBOSE set, every session's transcript is printed.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <ftw.h>
#include <pty.h>
#include <termios.h>
#include <sys/wait.h>
#include <sys/ioctl.h>

static char *out;                 /* everything the child wrote, NUL-terminated */
static size_t outlen, outcap, matched;
static int master = -1;
static pid_t child = -1;
static int child_status = -1;
static int timeout_ms = 10000;
static char tmpdir[] = "/tmp/scr-pty.XXXXXX";
static char *envs[32];
static int nenvs;
static const char *script_path;
static int lineno;

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    return remove(p);
}

static void cleanup(void)
{
    if (child > 0 && child_status < 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    nftw(tmpdir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static void show_transcript(void)
{
    fputs("---- transcript (escaped) ----\n", stderr);
    for (size_t i = 0; i < outlen; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c == '\n') fputs("\\n\n", stderr);
        else if (c == '\r') fputs("\\r", stderr);
        else if (c < 32 || c == 127) fprintf(stderr, "\\x%02x", c);
        else fputc(c, stderr);
    }
    fputs("\n---- end ----\n", stderr);
}

static void fail(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s:%d: FAIL: ", script_path, lineno);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    show_transcript();
    cleanup();
    exit(1);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char m[] = "ptyrun: overall time limit reached\n";
    if (write(2, m, sizeof m - 1) < 0) {}
    if (child > 0) kill(child, SIGKILL);
    _exit(1);
}

static char *unescape(const char *s, size_t *n)
{
    char *r = malloc(strlen(s) + 1), *d = r;
    if (!r) { perror("malloc"); exit(1); }
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) { *d++ = *s; continue; }
        s++;
        switch (*s) {
        case 'n': *d++ = '\n'; break;
        case 'r': *d++ = '\r'; break;
        case 't': *d++ = '\t'; break;
        case 'e': *d++ = 27; break;
        case 'x': {
            char hex[3] = {s[1], s[1] ? s[2] : 0, 0};
            *d++ = (char)strtol(hex, NULL, 16);
            s += 2;
            break;
        }
        default: *d++ = *s; break;
        }
    }
    *d = '\0';
    *n = (size_t)(d - r);
    return r;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Read what is available within ms milliseconds; 0 when the pty is closed. */
static int pump(int ms)
{
    if (master < 0) return 0;
    struct pollfd p = {master, POLLIN, 0};
    int r = poll(&p, 1, ms);
    if (r <= 0) return 1;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) {
        if (n < 0 && errno == EINTR) return 1;
        close(master);
        master = -1;          /* EIO: the child closed its side */
        return 0;
    }
    if (outlen + (size_t)n + 1 > outcap) {
        outcap = (outlen + (size_t)n + 1) * 2;
        out = realloc(out, outcap);
        if (!out) { perror("realloc"); exit(1); }
    }
    memcpy(out + outlen, buf, (size_t)n);
    outlen += (size_t)n;
    out[outlen] = '\0';
    return 1;
}

static char *find(const char *text, size_t n)
{
    if (!out || n == 0) return out ? out + matched : NULL;
    return memmem(out + matched, outlen - matched, text, n);
}

static char *subst_tmp(const char *s)
{
    const char *at = strstr(s, "@TMP@");
    if (!at) return strdup(s);
    char *r = malloc(strlen(s) + strlen(tmpdir) + 1);
    if (!r) exit(1);
    sprintf(r, "%.*s%s%s", (int)(at - s), s, tmpdir, at + 5);
    return r;
}

static void spawn(const char *scr, char *args)
{
    char *argv[64];
    int argc = 0;
    argv[argc++] = (char *)scr;
    /* words split at spaces; "a quoted word" may hold spaces and escapes */
    for (char *p = args; *p && argc < 63;) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *start = p, *end;
        if (*p == '"') {
            start = ++p;
            while (*p && !(*p == '"' && p[-1] != '\\')) p++;
            end = p;
            if (*p) p++;
        } else {
            while (*p && *p != ' ') p++;
            end = p;
        }
        char save = *end;
        *end = '\0';
        char *word = subst_tmp(start);
        size_t n;
        argv[argc++] = unescape(word, &n);
        free(word);
        *end = save;
        if (p == end && *p) p++;
    }
    argv[argc] = NULL;
    struct winsize ws = {24, 80, 0, 0};
    outlen = matched = 0;
    if (out) out[0] = '\0';
    child_status = -1;
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0) { perror("forkpty"); exit(1); }
    if (child == 0) {
        setenv("TERM", "xterm", 1);
        for (int i = 0; i < nenvs; i++) putenv(envs[i]);
        execv(scr, argv);
        perror("execv");
        _exit(127);
    }
    for (int i = 1; i < argc; i++) free(argv[i]);   /* the child has its copy */
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s SCRIPT SCR\n", argv[0]);
        return 2;
    }
    script_path = argv[1];
    const char *scr = argv[2];
    FILE *f = fopen(script_path, "r");
    if (!f) { perror(script_path); return 2; }
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 2; }
    signal(SIGALRM, on_alarm);
    alarm(120);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t l = strlen(line);
        if (l && line[l - 1] == '\n') line[--l] = '\0';
        if (line[0] == '#' || line[0] == '\0') continue;
        char *arg = strchr(line, ' ');
        if (arg) *arg++ = '\0';
        else arg = line + l;
        if (strcmp(line, "require") == 0) {
            const char *have = getenv("SCR_HAVE_LIBEDIT");
            if (strcmp(arg, "libedit") == 0 && !(have && strcmp(have, "1") == 0)) {
                printf("SKIP: scr was built without libedit (%s)\n", script_path);
                cleanup();
                return 77;
            }
        } else if (strcmp(line, "env") == 0) {
            if (nenvs < 32) envs[nenvs++] = subst_tmp(arg);
        } else if (strcmp(line, "spawn") == 0) {
            spawn(scr, arg);
        } else if (strcmp(line, "send") == 0) {
            size_t n;
            char *t = unescape(arg, &n);
            if (master < 0 || write(master, t, n) != (ssize_t)n) fail("cannot send '%s'", arg);
            free(t);
        } else if (strcmp(line, "expect") == 0 || strcmp(line, "reject") == 0) {
            size_t n;
            char *t = unescape(arg, &n);
            if (line[0] == 'r') {
                long end = now_ms() + 300;      /* let pending output arrive */
                while (now_ms() < end && pump((int)(end - now_ms()))) {}
                if (find(t, n)) fail("unexpected '%s'", arg);
            } else {
                long end = now_ms() + timeout_ms;
                char *at;
                while (!(at = find(t, n))) {
                    long left = end - now_ms();
                    if (left <= 0) fail("timed out waiting for '%s'", arg);
                    if (!pump((int)left) && !(at = find(t, n))) fail("scr exited before printing '%s'", arg);
                }
                matched = (size_t)(at - out) + n;
            }
            free(t);
        } else if (strcmp(line, "sleep") == 0) {
            long end = now_ms() + atol(arg);
            while (now_ms() < end) pump((int)(end - now_ms()));
        } else if (strcmp(line, "timeout") == 0) {
            timeout_ms = atoi(arg) * 1000;
        } else if (strcmp(line, "wait") == 0) {
            long end = now_ms() + timeout_ms;
            int st = 0;
            pid_t r;
            while ((r = waitpid(child, &st, WNOHANG)) == 0) {
                if (now_ms() > end) fail("scr did not exit (expected status %s)", arg);
                pump(20);
            }
            while (pump(20) && master >= 0) {}
            child_status = st;
            char got[64];
            if (WIFEXITED(st)) snprintf(got, sizeof got, "%d", WEXITSTATUS(st));
            else snprintf(got, sizeof got, "sig %d", WTERMSIG(st));
            if (strcmp(got, arg) != 0) {
                fprintf(stderr, "(exit status: %s)\n", got);
                fail("wrong exit status, expected %s", arg);
            }
            if (getenv("PTYRUN_VERBOSE")) show_transcript();
            if (master >= 0) { close(master); master = -1; }
        } else {
            fail("unknown command '%s'", line);
        }
    }
    fclose(f);
    if (child > 0 && child_status < 0) fail("%s", "script ended without `wait`");
    cleanup();
    return 0;
}
