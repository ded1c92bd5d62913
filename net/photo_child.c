/* photo_child.c: photo_crop in a child process, so that no photo can take the program down.
 *
 * The decoders are the largest body of code that reads what students bring, and a decoder's bug
 * (stb_image is not written for hostile files; libjpeg and libpng have had their share) must cost
 * one message, not the lesson. So the program forks, the child decodes the bytes the parent has
 * already read (shared copy-on-write, never copied), and sends back only the S×S crop through a
 * pipe: 155 KB for 227, whatever the photo's size. The child runs with limits: a deadline the
 * parent enforces with SIGKILL, a CPU-time limit as a second line, an address-space limit of
 * PHOTO_CHILD_BYTES above what it inherited, no core files, and no other file descriptor open.
 * A fork of a process whose parameters sit on huge pages costs well under a millisecond; there
 * is no exec, so nothing is loaded and no helper program has to be found.
 *
 * A multithreaded parent is fine: the child only runs the decoders, which use malloc (fork-safe
 * in glibc) and nothing else, starts no thread and ends with _exit, so no atexit handler, stdio
 * buffer or signal handler of the parent ever runs in it. Signals are blocked around fork() so
 * that the parent's handlers cannot run in the child before it resets them.
 *
 * The engine still never exits: the child is not the engine's caller, and _exit ends only it.
 */
#define _GNU_SOURCE /* close_range, strsignal */
#include "photo.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static atomic_int test_fault;
static atomic_int test_ms;
static _Atomic long long test_bytes;

void photo_test_fault(photo_fault f) { atomic_store(&test_fault, (int)f); }

void photo_test_limits(int ms, long long bytes)
{
    atomic_store(&test_ms, ms);
    atomic_store(&test_bytes, bytes);
}

static int limit_ms(void)
{
    int ms = atomic_load(&test_ms);
    return ms > 0 ? ms : PHOTO_CHILD_MS;
}

static long long limit_bytes(void)
{
    long long b = atomic_load(&test_bytes);
    return b > 0 ? b : PHOTO_CHILD_BYTES;
}

/* What the child sends before the pixels: its size, and its error (with the format and
 * arguments a translation needs) when it failed. The parent trusts none of it but the status
 * range: every string is cut at its end, the count of arguments clamped. */
typedef struct {
    int32_t status;
    int32_t src_w, src_h;
    net_err err;
} child_reply;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        p += n;
        len -= (size_t)n;
    }
    return 1;
}

/* ---------------------------------------------------------------- the child */

/* The address space the child will inherit, in bytes (the first field of /proc/self/statm). */
static long long address_space(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long long pages = 0;
    if (f) {
        if (fscanf(f, "%lld", &pages) != 1)
            pages = 0;
        fclose(f);
    }
    return pages * sysconf(_SC_PAGESIZE);
}

static void child_limits(long long inherited)
{
    struct rlimit r = {0, 0};
    setrlimit(RLIMIT_CORE, &r);
    rlim_t cpu = (rlim_t)(limit_ms() / 1000 + 2);
    r.rlim_cur = r.rlim_max = cpu;
    setrlimit(RLIMIT_CPU, &r);
    if (inherited > 0) {
        r.rlim_cur = r.rlim_max = (rlim_t)(inherited + limit_bytes());
        setrlimit(RLIMIT_AS, &r);
    }
}

static void child_fault(int fd)
{
    switch ((photo_fault)atomic_load(&test_fault)) {
    case PHOTO_FAULT_CRASH:
        /* as a decoder's bad read would end; a sanitizer's report of it would be noise */
        signal(SIGSEGV, SIG_DFL);
        raise(SIGSEGV);
        break;
    case PHOTO_FAULT_HANG:
        for (;;)
            pause();
    case PHOTO_FAULT_MEMORY: {
        /* grow until the limit says no, as a decoder gone wild would */
        for (size_t i = 0;; i++) {
            char *p = malloc(1 << 20);
            if (!p)
                break;
            memset(p, (int)i, 1 << 20);
        }
        child_reply r = {.status = NET_ERR_NOMEM};
        net_fail(&r.err, NET_ERR_NOMEM, "out of memory");
        write_all(fd, &r, sizeof r);
        _exit(0);
    }
    case PHOTO_FAULT_SILENT:
        _exit(0);
    case PHOTO_FAULT_NONE:
        break;
    }
}

static void __attribute__((noreturn))
child_main(int fd, long long inherited, const unsigned char *buf, size_t len, const char *name,
           int S, int resize)
{
    /* the program's handlers (temporary files, the window) are not the child's */
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2};
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &dfl, NULL);
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (fd > 3)
        close_range(3, (unsigned)fd - 1, 0);
    close_range((unsigned)fd + 1, ~0u, 0);
    child_limits(inherited);
    child_fault(fd);

    child_reply r;
    memset(&r, 0, sizeof r);
    unsigned char *rgb = malloc((size_t)S * S * 3);
    photo_out o = {rgb, 0, 0};
    r.status = rgb ? photo_crop(buf, len, name, S, resize, &o, &r.err)
                   : net_fail(&r.err, NET_ERR_NOMEM, "out of memory");
    r.src_w = o.src_w, r.src_h = o.src_h;
    int ok = write_all(fd, &r, sizeof r) &&
             (r.status != NET_OK || write_all(fd, rgb, (size_t)S * S * 3));
    _exit(ok ? 0 : 1);
}

/* ---------------------------------------------------------------- the parent */

/* Reads n bytes before the deadline: 1 when all came, 0 at the end of the pipe, -1 on time. */
static int read_until(int fd, void *dst, size_t n, double deadline)
{
    unsigned char *p = dst;
    while (n) {
        double left = deadline - now_ms();
        if (left <= 0)
            return -1;
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, (int)left + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return 0;
        if (r == 0)
            continue; /* the loop checks the deadline */
        ssize_t got = read(fd, p, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return 0;
        p += got;
        n -= (size_t)got;
    }
    return 1;
}

static void describe_death(int wst, char *buf, size_t cap)
{
    if (WIFSIGNALED(wst))
        snprintf(buf, cap, "signal %d, %s", WTERMSIG(wst), strsignal(WTERMSIG(wst)));
    else if (WIFEXITED(wst))
        snprintf(buf, cap, "exit status %d", WEXITSTATUS(wst));
    else
        snprintf(buf, cap, "status %d", wst);
}

net_status photo_crop_isolated(const unsigned char *buf, size_t len, const char *name, int S,
                               int resize, photo_out *out, net_err *err)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC))
        return net_fail(err, NET_ERR_IO, "%s: cannot start the decoder: %s", name,
                        strerror(errno));
    long long inherited = address_space();
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid_t pid = fork();
    if (pid == 0)
        child_main(fds[1], inherited, buf, len, name, S, resize);
    int fork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return net_fail(err, NET_ERR_IO, "%s: cannot start the decoder: %s", name,
                        strerror(fork_errno));
    }

    int ms = limit_ms();
    double deadline = now_ms() + ms;
    child_reply r;
    int got = read_until(fds[0], &r, sizeof r, deadline);
    if (got == 1 && r.status == NET_OK)
        got = read_until(fds[0], out->rgb, (size_t)S * S * 3, deadline);
    close(fds[0]);
    if (got < 0)
        kill(pid, SIGKILL);
    int wst = 0;
    while (waitpid(pid, &wst, 0) < 0 && errno == EINTR)
        ;

    if (got < 0 || (WIFSIGNALED(wst) && WTERMSIG(wst) == SIGXCPU))
        return net_fail(err, NET_ERR_LIMIT, "%s: could not be decoded: the decoder took too long "
                        "(more than %d s)", name, (ms + 999) / 1000);
    if (got == 1 && r.status == NET_ERR_NOMEM)
        return net_fail(err, NET_ERR_LIMIT, "%s: could not be decoded: the decoder needed too "
                        "much memory (more than %lld MB)", name, limit_bytes() >> 20);
    if (got == 1) {
        net_err *e = &r.err;
        char clean[sizeof e->msg];
        e->msg[sizeof e->msg - 1] = 0;
        net_text_escape(e->msg, clean, sizeof clean);
        memcpy(e->msg, clean, sizeof e->msg);
        e->fmt[sizeof e->fmt - 1] = 0;
        for (int i = 0; i < NET_ERR_ARGS; i++) {
            e->args[i][sizeof e->args[i] - 1] = 0;
            net_text_escape(e->args[i], clean, sizeof e->args[i]);
            memcpy(e->args[i], clean, sizeof e->args[i]);
        }
        if (e->n_args < 0 || e->n_args > NET_ERR_ARGS)
            e->n_args = 0, e->fmt[0] = 0;
        if (r.status < NET_OK || r.status > NET_ERR_CANCELLED)
            r.status = NET_ERR_FORMAT;
        if (r.status != NET_OK) {
            if (err) {
                *err = *e;
                err->status = (net_status)r.status;
            }
            return (net_status)r.status;
        }
        out->src_w = r.src_w;
        out->src_h = r.src_h;
        return NET_OK;
    }
    char how[96];
    describe_death(wst, how, sizeof how);
    if (WIFSIGNALED(wst) && WTERMSIG(wst) == SIGKILL)
        return net_fail(err, NET_ERR_LIMIT, "%s: could not be decoded: the decoder was killed "
                        "(%s; out of memory?)", name, how);
    return net_fail(err, NET_ERR_FORMAT, "%s: could not be decoded: the decoder crashed (%s)",
                    name, how);
}
