/* tmp.c: see tmp.h. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "tmp.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static pid_t owner;

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    if (remove(path))
        fprintf(stderr, "tests: could not remove %s\n", path);
    return 0;
}

static void remove_dir(void)
{
    /* only the runner itself: a forked child that exits must not take the folder with it */
    if (getpid() == owner)
        nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *test_tmpdir(void)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/alexviz-test-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        owner = getpid();
        atexit(remove_dir);
    }
    return dir;
}

const char *test_path(const char *name)
{
    static char bufs[8][512];
    static int next;
    char *p = bufs[next++ % 8];
    snprintf(p, sizeof bufs[0], "%s/%s", test_tmpdir(), name);
    return p;
}

int test_mkdir(const char *prefix, char *out, size_t len)
{
    return snprintf(out, len, "%s/%s-XXXXXX", test_tmpdir(), prefix) < (int)len &&
           mkdtemp(out) != NULL;
}
