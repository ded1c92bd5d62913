/* paths.c: where alexviz's own files are: the folder of the running executable, the data
 * (assets, downloaded weights) and the photo decoder program.
 *
 * Two layouts, both found from the executable's own folder, so that an installed tree can be
 * moved (and a DESTDIR install run before it is moved): the repository, where the executable is
 * build/CONFIG/alexviz, the decoder beside it and the data two folders up; and an installed
 * one (`make install`): PREFIX/bin/alexviz, PREFIX/libexec/alexviz/alexviz-decode and
 * PREFIX/share/alexviz/. Never the working folder: a student's folder must not choose what
 * alexviz runs or reads as its own.
 */
#include "cli.h"

#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static char exe_dir[PATH_MAX];
static pthread_once_t exe_once = PTHREAD_ONCE_INIT;

static void find_exe_dir(void)
{
    ssize_t n = readlink("/proc/self/exe", exe_dir, sizeof exe_dir - 1);
    exe_dir[n > 0 ? n : 0] = 0;
    char *slash = strrchr(exe_dir, '/');
    if (slash)
        *slash = 0;
}

const char *cli_exe_dir(void)
{
    pthread_once(&exe_once, find_exe_dir);
    return exe_dir;
}

/* dir/rel into out when it exists; 1 then. */
static int exists_in(const char *dir, const char *rel, char *out, size_t len)
{
    return dir[0] && snprintf(out, len, "%s/%s", dir, rel) < (int)len && access(out, F_OK) == 0;
}

int cli_data_path(const char *rel, char *out, size_t len)
{
    char dir[PATH_MAX];
    const char *exe = cli_exe_dir();
    if (!exe[0])
        return 0;
    if (snprintf(dir, sizeof dir, "%s/../share/alexviz", exe) < (int)sizeof dir &&
        exists_in(dir, rel, out, len))
        return 1;
    return snprintf(dir, sizeof dir, "%s/../..", exe) < (int)sizeof dir &&
           exists_in(dir, rel, out, len);
}

void cli_init_decoder(void)
{
    char path[PATH_MAX];
    if (exists_in(cli_exe_dir(), "alexviz-decode", path, sizeof path) ||
        exists_in(cli_exe_dir(), "../libexec/alexviz/alexviz-decode", path, sizeof path))
        net_photo_set_decoder(path);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_photo_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || name[0] == '.')
        return 0;
    return !strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg") || !strcasecmp(dot, ".png");
}

int cli_bundled_photos(char ***out)
{
    char dir[PATH_MAX];
    *out = NULL;
    if (!cli_data_path("assets", dir, sizeof dir))
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0, cap = 0;
    char **list = NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_photo_name(e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            char **p = realloc(list, sizeof *list * (size_t)cap);
            if (!p)
                break;
            list = p;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (!(list[n] = malloc(len)))
            break;
        snprintf(list[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(list, (size_t)n, sizeof *list, by_name);
    *out = list;
    return n;
}

void cli_free_list(char **list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
}
