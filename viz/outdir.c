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
        cli_error("%s: '%s' is the root folder; name a folder of its own to write into", flag,
                  dir);
        return 0;
    }
    return 1;
}

/* The lock file while this process holds it, to remove it on unlock. */
static char lock_path[PATH_MAX];

int outdir_lock(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/" LOCK_NAME, dir) >= (int)sizeof path) {
        cli_error("%s: the folder name is too long", dir);
        return -1;
    }
    /* the lock must be on the file that is at the path now: a holder removes it on unlock, and
     * a file opened just before that removal would lock nothing anyone else sees */
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0) {
            cli_error("%s: cannot write in this folder: %s", dir, strerror(errno));
            return -1;
        }
        if (flock(fd, LOCK_EX | LOCK_NB)) {
            char pid[24] = "", who[40] = "";
            ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
            pid[n > 0 ? n : 0] = 0;
            pid[strspn(pid, "0123456789")] = 0;
            if (pid[0])
                snprintf(who, sizeof who, " (pid %s)", pid);
            close(fd);
            cli_error("%s: another alexviz%s is writing into this folder; wait for it to finish "
                      "or write somewhere else", dir, who);
            return -1;
        }
        struct stat held, now;
        if (fstat(fd, &held) || stat(path, &now) || held.st_ino != now.st_ino ||
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
        /* the folder is ours: any temporary file in it is a killed run's leftover */
        net_temp_sweep(dir, 1);
        return fd;
    }
    cli_error("%s: the folder's lock keeps changing; another alexviz is busy there", dir);
    return -1;
}

void outdir_unlock(int fd)
{
    if (fd < 0)
        return;
    unlink(lock_path);
    lock_path[0] = 0;
    close(fd);
}

static void on_signal(int sig)
{
    net_temp_cleanup();
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
