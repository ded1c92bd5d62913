/* run.c: see run.h. */
#include "run.h"
#include "tmp.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[512];
static int made;

static void path_of(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
}

const char *run_bin(void)
{
    const char *a = getenv("ALEXVIZ");
    return a ? a : "./alexviz";
}

/* The whole file (up to cap − 1 bytes) as a string; an empty one when it cannot be read. */
static char *slurp_text(const char *path, size_t cap)
{
    char *s = malloc(cap);
    if (!s)
        abort();
    FILE *f = fopen(path, "rb");
    size_t len = f ? fread(s, 1, cap - 1, f) : 0;
    if (f)
        fclose(f);
    s[len] = 0;
    return s;
}

int run_alexviz(const char *args, char **out, char **err)
{
    if (!made) {
        if (!test_mkdir("run", dir, sizeof dir))
            abort();
        made = 1;
    }
    char cmd[4096], path[600];
    snprintf(cmd, sizeof cmd, "%s %s >%s/out 2>%s/err </dev/null", run_bin(), args, dir, dir);
    int st = system(cmd);
    path_of(path, sizeof path, "out");
    *out = slurp_text(path, 1 << 20);
    path_of(path, sizeof path, "err");
    *err = slurp_text(path, 1 << 20);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}
