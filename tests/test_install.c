/* test_install.c: `make install` gives a program that runs from anywhere, and `make uninstall`
 * takes all of it back.
 *
 * The build under test (build/CONFIG/, from $ALEXVIZ) is installed into a DESTDIR with
 * PREFIX=/usr, then the installed binary is run from another folder on a bundled photo it must
 * find among its own data: `--version`, `trace` (which also needs the installed decoder program
 * and the class names) and the window, which runs the installed bundled photos when given none.
 * The man page must hold every command's help. Uninstalling must leave no file behind.
 */
#include "test.h"
#include "tmp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs cmd through the shell with stdout and stderr into out (NUL-terminated); exit status. */
static int sh_out(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The build configuration of $ALEXVIZ (build/CONFIG/alexviz), "release" for ./alexviz. */
static void config_of_binary(char *out, size_t cap)
{
    const char *bin = getenv("ALEXVIZ");
    const char *b = bin ? strstr(bin, "build/") : NULL;
    snprintf(out, cap, "%s", "release");
    if (b) {
        b += strlen("build/");
        const char *slash = strchr(b, '/');
        if (slash && (size_t)(slash - b) < cap)
            snprintf(out, cap, "%.*s", (int)(slash - b), b);
    }
}

TEST(install_runs_from_anywhere_and_uninstall_leaves_nothing)
{
    char dir[512], cfg[32], cmd[4096], out[1 << 16], here[1024];
    CHECK(test_mkdir("install", dir, sizeof dir));
    CHECK(getcwd(here, sizeof here));
    config_of_binary(cfg, sizeof cfg);
    /* make's variables of the make that runs the tests must not reach this one */
    const char *make = "env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory";
    snprintf(cmd, sizeof cmd, "cd '%s' && %s CONFIG=%s DESTDIR=%s PREFIX=/usr install 2>&1", here,
             make, cfg, dir);
    int rc = sh_out(cmd, out, sizeof out);
    CHECKF(rc == 0, "make install: exit %d: %.2000s", rc, out);
    static const char *const files[] = {"usr/bin/alexviz",
                                        "usr/libexec/alexviz/alexviz-decode",
                                        "usr/share/alexviz/assets/chelsea.png",
                                        "usr/share/alexviz/assets/imagenet_classes.txt",
                                        "usr/share/doc/alexviz/README.md",
                                        "usr/share/doc/alexviz/LICENSE",
                                        "usr/share/doc/alexviz/CHANGELOG.md",
                                        "usr/share/doc/alexviz/docs/classroom.md",
                                        "usr/share/man/man1/alexviz.1"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(cmd, sizeof cmd, "%s/%s", dir, files[i]);
        CHECKF(access(cmd, R_OK) == 0, "not installed: %s", files[i]);
    }

    /* the version, from VERSION */
    char version[64] = "", want[96];
    FILE *v = fopen("VERSION", "r");
    CHECK(v && fgets(version, sizeof version, v));
    fclose(v);
    version[strcspn(version, "\n")] = 0;
    snprintf(want, sizeof want, "alexviz %s\n", version);
    snprintf(cmd, sizeof cmd, "cd / && %s/usr/bin/alexviz --version", dir);
    CHECK_EQ_INT(sh_out(cmd, out, sizeof out), 0);
    CHECKF(!strcmp(out, want), "--version says '%s', VERSION '%s'", out, version);

    /* trace from another folder: the decoder, the class names and the photo are the installed
     * ones (the repository is not where the program looks) */
    snprintf(cmd, sizeof cmd,
             "cd / && ALEXVIZ_WEIGHTS= %s/usr/bin/alexviz trace %s/usr/share/alexviz/assets/"
             "chelsea.png 2>&1",
             dir, dir);
    rc = sh_out(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "55×55×96") && strstr(out, "top-5") && !strstr(out, "class "),
           "installed trace: exit %d: %.3000s", rc, out);

    /* the window with no photo opens the installed bundled photos */
    int xvfb = sh_out("command -v xvfb-run", out, sizeof out) == 0;
    snprintf(cmd, sizeof cmd,
             "cd / && ALEXVIZ_WEIGHTS= %s %s/usr/bin/alexviz --size 640x480 --play "
             "'status quit' 2>&1",
             /* under Xvfb, no leak report: SDL unloads X11's extension libraries before
                LeakSanitizer looks (as in test_window.c) */
             xvfb ? "env -u SDL_VIDEODRIVER ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "
                    "'-screen 0 800x600x24'"
                  : "SDL_VIDEODRIVER=dummy",
             dir);
    rc = sh_out(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "computed in this pass"), "installed window: exit %d: %.3000s",
           rc, out);

    /* the man page holds every command's help */
    snprintf(cmd, sizeof cmd, "%s/usr/share/man/man1/alexviz.1", dir);
    FILE *m = fopen(cmd, "r");
    CHECK(m);
    size_t n = fread(out, 1, sizeof out - 1, m);
    out[n] = 0;
    fclose(m);
    static const char *const cmds[] = {"view", "trace", "shapes", "export", "check", "bench"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        snprintf(cmd, sizeof cmd, "usage: alexviz %s", cmds[i]);
        CHECKF(strstr(out, cmd) || (i == 0 && strstr(out, "usage: alexviz [view]")),
               "the man page lacks %s's help", cmds[i]);
    }

    snprintf(cmd, sizeof cmd, "cd '%s' && %s CONFIG=%s DESTDIR=%s PREFIX=/usr uninstall 2>&1", here,
             make, cfg, dir);
    rc = sh_out(cmd, out, sizeof out);
    CHECKF(rc == 0, "make uninstall: exit %d: %.2000s", rc, out);
    snprintf(cmd, sizeof cmd, "find %s -mindepth 1 \\( -type f -o -type l -o -name '*alexviz*' \\)",
             dir);
    CHECK_EQ_INT(sh_out(cmd, out, sizeof out), 0);
    CHECKF(!out[0], "left behind by uninstall:\n%s", out);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_EQ_INT(sh_out(cmd, out, sizeof out), 0);
}
