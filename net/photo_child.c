/* photo_child.c: photo_crop in a child process, so that no photo can take the program down.
 *
 * The decoders are the largest body of code that reads what students bring, and a decoder's bug
 * (stb_image is not written for hostile files; libjpeg and libpng have had their share) must cost
 * one message, not the lesson. So the program forks, and the child runs the decoder program
 * (alexviz-decode, whose whole body is net_photo_decoder_main below): it reads the photo's bytes
 * from a memory file the parent filled, and sends back only the S×S crop through a pipe: 155 KB
 * for 227, whatever the photo's size. The decoder runs with limits: a deadline the parent
 * enforces with SIGKILL, a CPU-time limit as a second line, an address-space limit of
 * PHOTO_CHILD_BYTES above what it has when it starts, no core files, and no file descriptor but
 * the photo, the pipe and stderr.
 *
 * Why a program of its own rather than the forked copy of this one: between fork and exec a
 * child of a multithreaded process may only make async-signal-safe calls, and the decoders
 * allocate. glibc's malloc survives a fork, but not every allocator does (the sanitizers' can
 * deadlock in the child when another thread held their lock at the fork), nor would every lock
 * a future decoder takes. The child here only resets signals, moves two descriptors, sets two
 * limits and calls execve, all async-signal-safe; the decoder starts as a fresh, single-threaded
 * process that links only the decoders (about a millisecond: docs/formats.md). When no decoder
 * program was set (a caller of the engine alone), the forked child decodes itself, as safe as
 * the process's allocator is.
 *
 * The engine still never exits: the child is not the engine's caller, and _exit ends only it.
 */
#define _GNU_SOURCE /* close_range, memfd_create, strsignal */
#include "net_internal.h"
#include "photo.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

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

/* The decoder program, when one was set (an absolute path; "" decodes in the forked child). Set
 * once at start-up, before threads that load photos exist; read-only afterwards. */
static char decoder[PATH_MAX];

void net_photo_set_decoder(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    if (n >= sizeof decoder)
        n = 0; /* a path too long to run is no decoder */
    memcpy(decoder, path ? path : "", n);
    decoder[n] = 0;
}

/* What the child sends before the pixels: its size, and its error (with the format and
 * arguments a translation needs) when it failed. The parent trusts none of it but the status
 * range: every string is cut at its end, the count of arguments clamped. */
typedef struct {
    int32_t status;
    int32_t src_w, src_h;
    net_err err;
} child_reply;

/* ---------------------------------------------------------------- the child */

/* This process's address space, in bytes (the first field of /proc/self/statm). */
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

/* No core file, and at most ms of CPU time (plus two seconds: the deadline comes first). */
static void limit_core_and_cpu(int ms)
{
    struct rlimit r = {0, 0};
    setrlimit(RLIMIT_CORE, &r);
    r.rlim_cur = r.rlim_max = (rlim_t)(ms / 1000 + 2);
    setrlimit(RLIMIT_CPU, &r);
}

static void limit_memory(long long base, long long bytes)
{
    if (base > 0) {
        struct rlimit r = {(rlim_t)(base + bytes), (rlim_t)(base + bytes)};
        setrlimit(RLIMIT_AS, &r);
    }
}

/* The program's handlers (temporary files, the window) are not the child's, nor its mask. */
static void default_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2};
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &dfl, NULL);
    sigset_t none;
    sigemptyset(&none);
    pthread_sigmask(SIG_SETMASK, &none, NULL);
}

/* A test's misbehaviour, on purpose; returns only for PHOTO_FAULT_NONE. */
static void child_fault(int fd, photo_fault f)
{
    switch (f) {
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
        child_reply r;
        memset(&r, 0, sizeof r);
        r.status = net_fail(&r.err, NET_ERR_NOMEM, "out of memory");
        net_write_all(fd, &r, sizeof r);
        _exit(0);
    }
    case PHOTO_FAULT_SILENT: _exit(0);
    case PHOTO_FAULT_NONE: break;
    }
}

/* Decodes buf and writes the reply (and the crop) to fd; returns the exit status. */
static int decode_and_reply(int fd, const unsigned char *buf, size_t len, const char *name, int S,
                            int resize)
{
    child_reply r;
    memset(&r, 0, sizeof r);
    unsigned char *rgb = malloc((size_t)S * S * 3);
    photo_out o = {rgb, 0, 0};
    r.status = rgb ? photo_crop(buf, len, name, S, resize, &o, &r.err)
                   : net_fail(&r.err, NET_ERR_NOMEM, "out of memory");
    r.src_w = o.src_w, r.src_h = o.src_h;
    int ok = net_write_all(fd, &r, sizeof r) &&
             (r.status != NET_OK || net_write_all(fd, rgb, (size_t)S * S * 3));
    free(rgb);
    return ok ? 0 : 1;
}

/* The forked child when there is no decoder program: decodes the parent's bytes itself. */
static void __attribute__((noreturn))
child_decode(int fd, long long inherited, photo_fault fault, const unsigned char *buf, size_t len,
             const char *name, int S, int resize)
{
    default_signals();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (fd > 3)
        close_range(3, (unsigned)fd - 1, 0);
    close_range((unsigned)fd + 1, ~0u, 0);
    limit_core_and_cpu(limit_ms());
    limit_memory(inherited, limit_bytes());
    child_fault(fd, fault);
    _exit(decode_and_reply(fd, buf, len, name, S, resize));
}

/* The forked child with a decoder program: photo on 0, reply pipe on 1, stderr kept, then exec.
 * Only async-signal-safe calls from here on (both descriptors are above 2: see high_fd). */
static void __attribute__((noreturn)) child_exec(int photo_fd, int reply_fd, char *const argv[])
{
    default_signals();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (dup2(photo_fd, 0) < 0 || dup2(reply_fd, 1) < 0)
        _exit(127);
    close_range(3, ~0u, 0);
    limit_core_and_cpu(limit_ms());
    execve(decoder, argv, environ);
    _exit(127);
}

int net_photo_decoder_main(int argc, char **argv)
{
    /* alexviz-decode NAME S RESIZE BYTES FAULT: the photo on 0, the reply to 1 */
    if (argc != 6)
        return 2;
    char *end;
    long S = strtol(argv[2], &end, 10);
    int bad = *end || S < 1 || S > 4096;
    long resize = strtol(argv[3], &end, 10);
    bad |= *end || resize < S || resize > 65536;
    long long bytes = strtoll(argv[4], &end, 10);
    bad |= *end || bytes < (1 << 20);
    long fault = strtol(argv[5], &end, 10);
    bad |= *end || fault < PHOTO_FAULT_NONE || fault > PHOTO_FAULT_SILENT;
    struct stat sb;
    if (bad || fstat(0, &sb) || !S_ISREG(sb.st_mode) || sb.st_size < 1)
        return 2;
    /* the limit before the first byte of the photo is looked at */
    limit_memory(address_space(), bytes);
    size_t len = (size_t)sb.st_size;
    const unsigned char *buf = mmap(NULL, len, PROT_READ, MAP_PRIVATE, 0, 0);
    if (buf == MAP_FAILED)
        return 2;
    child_fault(1, (photo_fault)fault);
    return decode_and_reply(1, buf, len, argv[1], (int)S, (int)resize);
}

/* ---------------------------------------------------------------- the parent */

/* Reads n bytes before the deadline: 1 when all came, 0 at the end of the pipe, -1 on time. */
static int read_until(int fd, void *dst, size_t n, double deadline)
{
    unsigned char *p = dst;
    while (n) {
        double left = deadline - net_now_ms();
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

/* fd moved above 2 (a process started with stdin or stdout closed hands those numbers out),
 * close-on-exec; -1 when it cannot be. */
static int high_fd(int fd)
{
    if (fd < 0 || fd > 2)
        return fd;
    int h = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    close(fd);
    return h;
}

/* A memory file holding the photo's bytes, for the decoder's stdin; -1 with err filled. */
static int photo_memfd(const unsigned char *buf, size_t len, const char *name, net_err *err)
{
    int fd = high_fd(memfd_create("alexviz-photo", MFD_CLOEXEC));
    if (fd < 0 || !net_write_all(fd, buf, len)) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        net_fail(err, NET_ERR_IO, "%s: cannot start the decoder: %s", name, strerror(e));
        return -1;
    }
    return fd;
}

net_status photo_crop_isolated(const unsigned char *buf, size_t len, const char *name, int S,
                               int resize, photo_out *out, net_err *err)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC))
        return net_fail(err, NET_ERR_IO, "%s: cannot start the decoder: %s", name, strerror(errno));
    fds[0] = high_fd(fds[0]), fds[1] = high_fd(fds[1]);
    photo_fault fault = (photo_fault)atomic_load(&test_fault);
    int photo_fd = -1;
    char arg_s[16], arg_resize[16], arg_bytes[32], arg_fault[16];
    char *argv[] = {decoder, (char *)name, arg_s, arg_resize, arg_bytes, arg_fault, NULL};
    long long inherited = 0;
    if (fds[0] >= 0 && fds[1] >= 0 && decoder[0]) {
        /* everything the child needs is made here: after the fork it only moves and execs */
        photo_fd = photo_memfd(buf, len, name, err);
        if (photo_fd < 0) {
            close(fds[0]);
            close(fds[1]);
            return err ? err->status : NET_ERR_IO;
        }
        snprintf(arg_s, sizeof arg_s, "%d", S);
        snprintf(arg_resize, sizeof arg_resize, "%d", resize);
        snprintf(arg_bytes, sizeof arg_bytes, "%lld", limit_bytes());
        snprintf(arg_fault, sizeof arg_fault, "%d", (int)fault);
    } else if (fds[0] >= 0 && fds[1] >= 0) {
        inherited = address_space();
    } else {
        if (fds[0] >= 0)
            close(fds[0]);
        if (fds[1] >= 0)
            close(fds[1]);
        return net_fail(err, NET_ERR_IO, "%s: cannot start the decoder: %s", name,
                        strerror(EMFILE));
    }
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid_t pid = fork();
    if (pid == 0) {
        if (photo_fd >= 0)
            child_exec(photo_fd, fds[1], argv);
        child_decode(fds[1], inherited, fault, buf, len, name, S, resize);
    }
    int fork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    close(fds[1]);
    if (photo_fd >= 0)
        close(photo_fd);
    if (pid < 0) {
        close(fds[0]);
        return net_fail(err, NET_ERR_IO, "%s: cannot start the decoder: %s", name,
                        strerror(fork_errno));
    }

    int ms = limit_ms();
    double deadline = net_now_ms() + ms;
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
        return net_fail(err, NET_ERR_LIMIT,
                        "%s: could not be decoded: the decoder took too long "
                        "(more than %d s)",
                        name, (ms + 999) / 1000);
    if (got == 1 && r.status == NET_ERR_NOMEM)
        return net_fail(err, NET_ERR_LIMIT,
                        "%s: could not be decoded: the decoder needed too "
                        "much memory (more than %lld MB)",
                        name, limit_bytes() >> 20);
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
    if (WIFEXITED(wst) && (WEXITSTATUS(wst) == 127 || WEXITSTATUS(wst) == 2) && decoder[0])
        return net_fail(err, NET_ERR_IO,
                        "%s: could not be decoded: the decoder program %s could "
                        "not start (exit status %d)",
                        name, decoder, WEXITSTATUS(wst));
    char how[96];
    describe_death(wst, how, sizeof how);
    if (WIFSIGNALED(wst) && WTERMSIG(wst) == SIGKILL)
        return net_fail(err, NET_ERR_LIMIT,
                        "%s: could not be decoded: the decoder was killed "
                        "(%s; out of memory?)",
                        name, how);
    return net_fail(err, NET_ERR_FORMAT, "%s: could not be decoded: the decoder crashed (%s)", name,
                    how);
}
