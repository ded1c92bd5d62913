/* outdir.c: output folders: refused names, one writer at a time, no leftovers (outdir.h). */
#define _DEFAULT_SOURCE /* flock */
#include "outdir.h"
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOCK_NAME ".alexviz.lock"

int outdir_name_ok(const char *flag, const char *dir)
{
    if (!dir || !*dir) {
        cli_error("%s: an empty folder name; name the folder to write into", flag);
        return 0;
    }
    char real[PATH_MAX];
    if (dir[0] == '/' && realpath(dir, real) && !strcmp(real, "/")) {
        cli_error("%s: '%s' is the root folder; name a folder of its own to write into", flag, dir);
        return 0;
    }
    return 1;
}

/* The lock file while this process holds it, to remove it on unlock or on a signal. */
static char lock_path[PATH_MAX];
static volatile sig_atomic_t lock_held;

/* Refuses when a folder above dir is locked by a run writing there now: an export into slides/
 * and a dump into slides/coffee/conv1/ would both write into the second. 1 when none is. */
static int ancestors_free(const char *dir)
{
    char real[PATH_MAX], path[PATH_MAX + 32];
    if (!realpath(dir, real))
        return 1;
    for (char *slash = strrchr(real, '/'); slash; slash = strrchr(real, '/')) {
        *slash = 0;
        snprintf(path, sizeof path, "%s/" LOCK_NAME, real[0] ? real : "");
        int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd >= 0) {
            int busy = flock(fd, LOCK_SH | LOCK_NB) != 0;
            close(fd);
            if (busy) {
                cli_error("%s: another alexviz is writing into %s, which holds this folder; wait "
                          "for it to finish or write somewhere else",
                          dir, real[0] ? real : "/");
                return 0;
            }
        }
    }
    return 1;
}

/* Opens the lock file: made anew, or an earlier run's (a killed run leaves it) when it is an
 * ordinary file of one name; never a link or a second name of some other file, which would
 * have the pid written over it. */
static int open_lock(const char *dir, const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) {
        if (fd < 0)
            cli_error("%s: cannot write in this folder: %s", dir, strerror(errno));
        return fd;
    }
    fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
        if (fd >= 0)
            close(fd);
        cli_error("%s/%s: not alexviz's lock file (a link, or a file with another name too); "
                  "remove it",
                  dir, LOCK_NAME);
        return -1;
    }
    return fd;
}

int outdir_lock(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/" LOCK_NAME, dir) >= (int)sizeof path) {
        cli_error("%s: the folder name is too long", dir);
        return -1;
    }
    if (!ancestors_free(dir))
        return -1;
    /* the lock must be on the file that is at the path now: a holder removes it on unlock, and
     * a file opened just before that removal would lock nothing anyone else sees */
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = open_lock(dir, path);
        if (fd < 0)
            return -1;
        if (flock(fd, LOCK_EX | LOCK_NB)) {
            char pid[24] = "", who[40] = "";
            ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
            pid[n > 0 ? n : 0] = 0;
            pid[strspn(pid, "0123456789")] = 0;
            if (pid[0])
                snprintf(who, sizeof who, " (pid %s)", pid);
            close(fd);
            cli_error("%s: another alexviz%s is writing into this folder; wait for it to finish "
                      "or write somewhere else",
                      dir, who);
            return -1;
        }
        struct stat held, now;
        if (fstat(fd, &held) || lstat(path, &now) || held.st_ino != now.st_ino ||
            held.st_dev != now.st_dev) {
            close(fd);
            continue;
        }
        /* the pid is for the message another run prints; the lock holds without it */
        char line[32];
        int len = snprintf(line, sizeof line, "%ld\n", (long)getpid());
        int noted = ftruncate(fd, 0) == 0 && pwrite(fd, line, (size_t)len, 0) == len;
        (void)noted;
        snprintf(lock_path, sizeof lock_path, "%s", path);
        lock_held = 1;
        /* temporary files of runs that no longer run are leftovers */
        net_temp_sweep(dir);
        return fd;
    }
    cli_error("%s: the folder's lock keeps changing; another alexviz is busy there", dir);
    return -1;
}

void outdir_unlock(int fd)
{
    if (fd < 0)
        return;
    lock_held = 0;
    unlink(lock_path);
    lock_path[0] = 0;
    close(fd);
}

static void on_signal(int sig)
{
    net_temp_cleanup();
    if (lock_held)
        unlink(lock_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void outdir_catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}
