/* file.c: reading whole files and writing them atomically, safely for what users pass in.
 *
 * Reading: only regular files. A name that turns out to be a FIFO would block open() forever, a
 * device could be endless, a folder has no bytes to give; so the path is stat()ed before it is
 * opened, opened with O_NONBLOCK (a FIFO swapped in between cannot block), and fstat()ed again,
 * and only a regular file of a bounded size is read.
 *
 * Writing: every file goes to a temporary name in its own folder, .<name>.alexviz-<pid>-<n>-<ns>.tmp,
 * and is renamed over the target, so a reader sees the old file or the whole new one. Only a
 * regular file is ever replaced: a device node, a folder or a link at the target is refused, so
 * a typo like `shot:/dev/full` cannot replace a device. net_write_new refuses any existing
 * target, atomically (renameat2 with RENAME_NOREPLACE, or link() where the filesystem lacks it).
 * Temporary names in flight are kept in a table that net_temp_cleanup empties from a signal
 * handler, and net_temp_sweep removes the ones a killed run left behind.
 */
#define _GNU_SOURCE /* renameat2, RENAME_NOREPLACE */
#include "alexnet.h"
#include "net_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- reading */

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m))
        return N_("a folder");
    if (S_ISFIFO(m))
        return N_("a named pipe (FIFO)");
    if (S_ISCHR(m))
        return N_("a character device");
    if (S_ISBLK(m))
        return N_("a block device");
    if (S_ISSOCK(m))
        return N_("a socket");
    if (S_ISLNK(m))
        return N_("a symbolic link");
    return N_("not a regular file");
}

int net_file_open(const char *path, struct stat *st, net_err *err)
{
    if (!path || !*path) {
        net_fail(err, NET_ERR_ARG, "no file name given");
        return -1;
    }
    if (stat(path, st)) {
        net_fail(err, NET_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        net_fail(err, NET_ERR_IO, "%s: %s, not a regular file", path, kind_of(st->st_mode));
        return -1;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        net_fail(err, NET_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    if (fstat(fd, st)) {
        int e = errno;
        close(fd);
        net_fail(err, NET_ERR_IO, "%s: %s", path, strerror(e));
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        net_fail(err, NET_ERR_IO, "%s: became %s while being opened", path, kind_of(st->st_mode));
        return -1;
    }
    return fd;
}

/* A buffer free() takes, on transparent huge pages when large: 244 MB of weights read 4 KB
 * page by page cost a fault each. */
static unsigned char *big_buffer(size_t n)
{
    const size_t huge = (size_t)2 << 20;
    if (n < huge)
        return malloc(n ? n : 1);
    void *p;
    size_t rounded = (n + huge - 1) / huge * huge;
    if (rounded < n || posix_memalign(&p, huge, rounded))
        return NULL;
    madvise(p, rounded, MADV_HUGEPAGE);
    return p;
}

net_status net_file_check(const char *path, net_err *err)
{
    struct stat st;
    int fd = net_file_open(path, &st, err);
    if (fd < 0)
        return err ? err->status : NET_ERR_IO;
    close(fd);
    return NET_OK;
}

net_status net_file_read(const char *path, long long max, unsigned char **out, size_t *len,
                         net_err *err)
{
    *out = NULL;
    *len = 0;
    struct stat st;
    int fd = net_file_open(path, &st, err);
    if (fd < 0)
        return err ? err->status : NET_ERR_IO;
    if ((long long)st.st_size > max) {
        close(fd);
        char have[32], most[32];
        net_fmt_count((int64_t)st.st_size, have, sizeof have);
        net_fmt_count(max, most, sizeof most);
        return net_fail(err, NET_ERR_LIMIT, "%s: %s bytes; at most %s are read", path, have, most);
    }
    size_t n = (size_t)st.st_size, got = 0;
    unsigned char *buf = big_buffer(n);
    if (!buf) {
        close(fd);
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for %zu bytes", path, n);
    }
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            free(buf);
            return net_fail(err, NET_ERR_IO, "%s: read failed: %s", path, strerror(e));
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (got != n) {
        free(buf);
        return net_fail(err, NET_ERR_IO,
                        "%s: the file shrank from %zu to %zu bytes while being "
                        "read",
                        path, n, got);
    }
    *out = buf;
    *len = n;
    return NET_OK;
}

/* ---------------------------------------------------------------- temporary files in flight */

#define TEMP_SLOTS 64
#define TEMP_PATH 4160

/* state: 0 free, 1 being filled, 2 holds a temporary file that exists or is about to */
static struct {
    atomic_int state;
    char path[TEMP_PATH];
} temps[TEMP_SLOTS];

static int temp_claim(const char *path)
{
    for (int i = 0; i < TEMP_SLOTS; i++) {
        int expect = 0;
        if (atomic_compare_exchange_strong(&temps[i].state, &expect, 1)) {
            snprintf(temps[i].path, sizeof temps[i].path, "%s", path);
            atomic_store(&temps[i].state, 2);
            return i;
        }
    }
    return -1; /* all busy: the file is still written, only not cleaned up on a signal */
}

static void temp_release(int slot)
{
    if (slot >= 0)
        atomic_store(&temps[slot].state, 0);
}

/* Set by net_temp_cleanup: the process is about to end, no new temporary file may stay. */
static atomic_int dying;
/* Threads between the start of temp_create and the moment their file is either registered and
 * returned or removed again: net_temp_cleanup waits for them before it sweeps. */
static atomic_int creating;

void net_temp_cleanup(void)
{
    /* a thread creating a temporary file right now either sees `dying` and removes its own
     * file, or registers it before it leaves temp_create; waiting until none is inside (at most
     * a second: the handler's own thread may be one of them) lets the sweep find every file */
    atomic_store(&dying, 1);
    struct timespec pause = {0, 5 * 1000 * 1000};
    for (int i = 0; i < 200 && atomic_load(&creating) > 0; i++)
        nanosleep(&pause, NULL);
    for (int i = 0; i < TEMP_SLOTS; i++)
        if (atomic_load(&temps[i].state) == 2)
            unlink(temps[i].path);
}

#define TEMP_MARK "alexviz-"

/* Parses a temporary name ".<name>.alexviz-<pid>-<n>-<ns>.tmp"; returns the pid or 0. Only
 * names of exactly this form are alexviz's: nothing else is ever removed. */
static long temp_pid(const char *name)
{
    size_t len = strlen(name);
    const char *mark = strstr(name, "." TEMP_MARK);
    if (name[0] != '.' || !mark || mark == name || len < 5 || strcmp(name + len - 4, ".tmp"))
        return 0;
    for (const char *m; (m = strstr(mark + 1, "." TEMP_MARK));) /* the last one */
        mark = m;
    const char *q = mark + 1 + strlen(TEMP_MARK);
    long numbers[3];
    for (int k = 0; k < 3; k++) {
        if (*q < '0' || *q > '9')
            return 0;
        char *stop;
        numbers[k] = strtol(q, &stop, 10);
        if (*stop != (k < 2 ? '-' : '.'))
            return 0;
        q = stop + 1;
    }
    return q - 1 == name + len - 4 && numbers[0] > 0 ? numbers[0] : 0;
}

int net_temp_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    long self = (long)getpid();
    struct dirent *e;
    while ((e = readdir(d))) {
        long pid = temp_pid(e->d_name);
        if (!pid || pid == self)
            continue;
        /* a process that still runs may still be writing it (another alexviz, perhaps in a
         * folder inside this one): only a dead process's file is a leftover */
        if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
            continue;
        char path[TEMP_PATH];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        struct stat st;
        if (!lstat(path, &st) && S_ISREG(st.st_mode) && !unlink(path))
            removed++;
    }
    closedir(d);
    return removed;
}

/* ---------------------------------------------------------------- writing */

int net_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return 0;
        }
        p += n;
        len -= (size_t)n;
    }
    return 1;
}

/* Creates a new file beside path, named .<name>.alexviz-<pid>-<n>-<ns>.tmp. Not mkstemp: it creates
 * files with mode 0600 whatever the umask, and dumps should be as readable as any other file the
 * user writes. O_EXCL gives the same guarantee against clashes. */
static int temp_create_inside(const char *path, char *tmp, size_t cap, int *slot)
{
    static atomic_uint counter;
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    const char *base = slash ? slash + 1 : path;
    for (int attempt = 0; attempt < 100; attempt++) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        int n = snprintf(tmp, cap, "%.*s.%s." TEMP_MARK "%ld-%u-%ld.tmp", dir_len, path, base,
                         (long)getpid(), atomic_fetch_add(&counter, 1), (long)t.tv_nsec);
        if (n < 0 || (size_t)n >= cap) {
            errno = ENAMETOOLONG;
            return -1;
        }
        /* registered first, so that a signal between open and rename still finds it */
        *slot = temp_claim(tmp);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 && atomic_load(&dying)) {
            close(fd);
            unlink(tmp);
            temp_release(*slot);
            *slot = -1;
            errno = EINTR;
            return -1;
        }
        if (fd >= 0)
            return fd;
        temp_release(*slot);
        *slot = -1;
        if (errno != EEXIST)
            return -1;
    }
    return -1;
}

static int temp_create(const char *path, char *tmp, size_t cap, int *slot)
{
    *slot = -1;
    atomic_fetch_add(&creating, 1);
    int fd = -1;
    if (atomic_load(&dying))
        errno = EINTR; /* the process is ending: nothing new */
    else
        fd = temp_create_inside(path, tmp, cap, slot);
    int e = errno;
    atomic_fetch_sub(&creating, 1);
    errno = e;
    return fd;
}

/* Refuses a target that exists and is not a regular file (lstat: a link is not followed). */
static net_status check_target(const char *path, net_err *err)
{
    struct stat st;
    if (lstat(path, &st)) {
        if (errno == ENOENT)
            return NET_OK;
        return net_fail(err, NET_ERR_IO, "%s: %s", path, strerror(errno));
    }
    if (!S_ISREG(st.st_mode))
        return net_fail(err, NET_ERR_EXISTS, "%s: %s is there; alexviz replaces only files", path,
                        kind_of(st.st_mode));
    return NET_OK;
}

/* Moves tmp to path: over a regular file (replace), or only where nothing is (new). */
static int move_into_place(const char *tmp, const char *path, int replace)
{
    if (replace)
        return rename(tmp, path);
    if (!renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE))
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    /* a filesystem without RENAME_NOREPLACE: link() refuses an existing name too */
    if (link(tmp, path))
        return -1;
    unlink(tmp);
    return 0;
}

static net_status write_file(const char *path, const void *buf, size_t len, int replace,
                             net_err *err)
{
    if (!path || !*path)
        return net_fail(err, NET_ERR_ARG, "no file name given");
    size_t plen = strlen(path);
    if (path[plen - 1] == '/')
        return net_fail(err, NET_ERR_ARG, "%s: names a folder, not a file", path);
    if (!buf && len)
        return net_fail(err, NET_ERR_ARG, "%s: no bytes given", path);
    net_status st = check_target(path, err);
    if (st != NET_OK)
        return st;
    if (!replace && !access(path, F_OK))
        return net_fail(err, NET_ERR_EXISTS, "%s: already exists", path);
    char tmp[TEMP_PATH];
    int slot = -1;
    int fd = temp_create(path, tmp, sizeof tmp, &slot);
    if (fd < 0)
        return net_fail(err, NET_ERR_IO, "%s: cannot create a file in its folder: %s", path,
                        strerror(errno));
    int e = 0;
    if (!net_write_all(fd, buf, len))
        e = errno;
    if (close(fd) && !e)
        e = errno;
    if (e) {
        unlink(tmp);
        temp_release(slot);
        return net_fail(err, NET_ERR_IO, "%s: write failed: %s", path, strerror(e));
    }
    /* checked again: the target may have become something else while the bytes were written */
    if ((st = check_target(path, err)) != NET_OK) {
        unlink(tmp);
        temp_release(slot);
        return st;
    }
    if (move_into_place(tmp, path, replace)) {
        e = errno;
        unlink(tmp);
        temp_release(slot);
        if (e == EEXIST)
            return net_fail(err, NET_ERR_EXISTS, "%s: already exists", path);
        return net_fail(err, NET_ERR_IO, "%s: cannot put the file in place: %s", path, strerror(e));
    }
    temp_release(slot);
    return NET_OK;
}

net_status net_write_atomic(const char *path, const void *buf, size_t len, net_err *err)
{
    return write_file(path, buf, len, 1, err);
}

net_status net_write_new(const char *path, const void *buf, size_t len, net_err *err)
{
    return write_file(path, buf, len, 0, err);
}
