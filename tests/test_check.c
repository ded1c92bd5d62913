/* test_check.c: `alexviz check`, choosing and loading weights in the CLI, and
 * scripts/weights.sh's verification (with local file:// addresses: tests have no network). */
/* posix_openpt and ptsname, for a terminal on stderr */
#define _XOPEN_SOURCE 700

#include "alexnet.h"
#include "cli.h"
#include "onnx_make.h"
#include "run.h"
#include "test.h"
#include "tmp.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs a shell command, output and errors into out; returns its exit status. */
static int run(const char *cmd, char *out, size_t len)
{
    char full[4096];
    snprintf(full, sizeof full, "(%s) 2>&1", cmd);
    FILE *p = popen(full, "r");
    if (!p)
        return -1;
    size_t n = fread(out, 1, len - 1, p);
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* A model and a test folder with n sets whose expected outputs come from the engine with the
 * same weights set directly (not through the loader). */
static int make_test_folder(const char *dir, int sets)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    char path[512];
    mkdir(dir, 0777);
    snprintf(path, sizeof path, "%s/model.onnx", dir);
    int ok = om_save(m, path, 0);
    om_free(m);
    net_config c;
    om_config(&o, &c);
    net *n = NULL;
    net_create(&n, &c, NULL);
    om_fill_net(&o, n);
    int S = c.input_size;
    float *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    for (int k = 0; k < sets && ok; k++) {
        om_input(S, x);
        for (int i = 0; i < 3 * S * S; i++)
            x[i] *= k ? 0.5f : 1.0f;
        net_forward(n, x, NULL, NULL, NULL);
        snprintf(path, sizeof path, "%s/test_data_set_%d", dir, k);
        mkdir(path, 0777);
        int64_t in_dims[4] = {1, 3, S, S}, out_dims[2] = {1, c.width[7]};
        snprintf(path, sizeof path, "%s/test_data_set_%d/input_0.pb", dir, k);
        ok &= om_write_tensor(path, x, in_dims, 4, 1);
        snprintf(path, sizeof path, "%s/test_data_set_%d/output_0.pb", dir, k);
        ok &= om_write_tensor(path, net_output(n, net_stage_count(n) - 1), out_dims, 2, 0);
    }
    free(x);
    net_free(n);
    return ok;
}

TEST(check_passes_on_a_test_folder_and_fails_on_a_perturbed_one)
{
    const char *dir = test_path("check");
    CHECK(make_test_folder(dir, 2));
    char cmd[1024], out[8192];
    snprintf(cmd, sizeof cmd, "%s check %s/model.onnx %s", run_bin(), dir, dir);
    int rc = run(cmd, out, sizeof out);
    CHECKF(rc == 0, "exit %d: %s", rc, out);
    CHECKF(strstr(out, "PASS") && strstr(out, "test_data_set_1: max abs error") &&
               strstr(out, "2 folders: 2 PASS, 0 FAIL") &&
               strstr(out, "widths 8-16-24-24-16-32-32-10") && strstr(out, "loaded in"),
           "%s", out);

    /* the likeliest class 1% off: beyond rtol 1e-3 */
    char path[512], first[32];
    snprintf(path, sizeof path, "%s/test_data_set_1/output_0.pb", dir);
    float *y = NULL;
    int64_t shape[8];
    int nd, top;
    float p;
    CHECK(net_onnx_read_tensor(path, &y, shape, &nd, NULL) == NET_OK);
    net_topk(y, (int)shape[1], 1, &top, &p);
    y[top] *= 1.01f;
    snprintf(first, sizeof first, "first [%d]", top);
    CHECK(om_write_tensor(path, y, shape, nd, 0));
    free(y);
    rc = run(cmd, out, sizeof out);
    CHECKF(rc == 1, "exit %d: %s", rc, out);
    CHECKF(strstr(out, "FAIL") && strstr(out, first) && strstr(out, "1 PASS, 1 FAIL"), "%s", out);
    /* looser tolerances let it pass, and a single set folder works as DIR too */
    snprintf(cmd, sizeof cmd, "%s check %s/model.onnx %s/test_data_set_1 --rtol 0.05", run_bin(),
             dir, dir);
    rc = run(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "1 folder: 1 PASS"), "exit %d: %s", rc, out);
}

TEST(check_names_every_bad_input_in_one_line)
{
    const char *dir = test_path("check_bad");
    CHECK(make_test_folder(dir, 1));
    char cmd[1024], out[8192], path[512];
    struct {
        const char *what, *args, *want;
        int rc;
    } cases[] = {
        {"missing folder", "%s/model.onnx %s/nowhere", "nowhere: No such file", 1},
        {"folder without sets", "%s/model.onnx %s/..", "no input_0.pb and no test_data_set_N", 1},
        {"missing model", "%s/none.onnx %s", "none.onnx: cannot open", 1},
        {"no folder", "%s/model.onnx", "needs MODEL.onnx and at least one test folder", 2},
        {"bad tolerance", "%s/model.onnx %s --rtol x", "--rtol: 'x' is not a tolerance", 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char args[600];
        snprintf(args, sizeof args, cases[i].args, dir, dir);
        snprintf(cmd, sizeof cmd, "%s check %s", run_bin(), args);
        int rc = run(cmd, out, sizeof out);
        CHECKF(rc == cases[i].rc && strstr(out, cases[i].want), "%s: exit %d: %s", cases[i].what,
               rc, out);
    }
    /* a corrupt input: one line naming the file */
    snprintf(path, sizeof path, "%s/test_data_set_0/input_0.pb", dir);
    FILE *f = fopen(path, "wb");
    fputs("\x0a\x40garbage", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s check %s/model.onnx %s 2>&1 >/dev/null", run_bin(), dir, dir);
    int rc = run(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "input_0.pb") && count_lines(out) == 1, "exit %d: %s", rc, out);
    /* an input of the wrong shape */
    float x[3 * 8 * 8] = {0};
    int64_t dims[4] = {1, 3, 8, 8};
    CHECK(om_write_tensor(path, x, dims, 4, 0));
    rc = run(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "input_0.pb: input of shape (1, 3, 8, 8)") &&
               strstr(out, "(1, 3, 224, 224)") && count_lines(out) == 1,
           "exit %d: %s", rc, out);
}

/* ---------------------------------------------------------------- weights in the CLI */

/* Calls cli_make_net with stderr captured into err: a file, or (tty) a pseudo-terminal, as a
 * person at a terminal has. */
static net *make_net_capturing(const cli_opts *o, cli_net *made, char *err, size_t len, int tty)
{
    const char *path = test_path("stderr.txt");
    int master = -1, fd;
    fflush(stderr);
    if (tty) {
        master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || grantpt(master) || unlockpt(master))
            return NULL;
        fd = open(ptsname(master), O_RDWR | O_NOCTTY);
    } else {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    }
    int saved = dup(2);
    dup2(fd, 2);
    close(fd);
    cli_make_net(o, made);
    net *n = made->net;
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    size_t got = 0;
    if (tty) {
        struct pollfd p = {.fd = master, .events = POLLIN};
        while (got < len - 1 && poll(&p, 1, 100) > 0) {
            ssize_t r = read(master, err + got, len - 1 - got);
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        close(master);
    } else {
        FILE *f = fopen(path, "r");
        got = f ? fread(err, 1, len - 1, f) : 0;
        if (f)
            fclose(f);
    }
    err[got] = 0;
    return n;
}

static void narrow_opts(cli_opts *o)
{
    static const int w[8] = {8, 16, 24, 24, 16, 32, 32, 10};
    cli_opts_default(o);
    memcpy(o->cfg.width, w, sizeof w);
}

/* Writes the narrow zoo-layout model into the run's folder as name; its path, or NULL. */
static const char *zoo_file(const char *name)
{
    om_opts oo;
    om_opts_zoo(&oo);
    om_model *m = om_alexnet(&oo);
    const char *path = test_path(name);
    int ok = om_save(m, path, 0);
    om_free(m);
    return ok ? path : NULL;
}

TEST(cli_loads_onnx_weights_and_says_so)
{
    const char *path = zoo_file("cli.onnx");
    CHECK(path);
    cli_opts o;
    narrow_opts(&o);
    o.weights = path;
    o.weights_given = 1;
    o.cfg.lrn_after_pool = 1; /* --variant caffenet: the file says otherwise */
    cli_net made;
    char err[1024];
    net *n = make_net_capturing(&o, &made, err, sizeof err, 0);
    CHECKF(n != NULL, "%s", err);
    int ok = !net_is_untrained(n) && net_get_config(n)->input_size == 224 &&
             !net_get_config(n)->lrn_after_pool && made.pp.bgr;
    net_free(n);
    CHECK(ok);
    CHECKF(strstr(err, "note:") && strstr(err, "LRN before pooling") && count_lines(err) == 1, "%s",
           err);
    CHECKF(strstr(made.desc, path) && strstr(made.desc, "loaded in") &&
               !strcmp(made.weights_path, path),
           "%s", made.desc);

    /* a bad file: NULL and one line naming it */
    o.weights = test_path("nothing.onnx");
    n = make_net_capturing(&o, &made, err, sizeof err, 0);
    CHECK(n == NULL);
    CHECKF(strstr(err, "nothing.onnx: cannot open") && count_lines(err) == 1, "%s", err);
}

/* `shapes --weights FILE` prints the file's geometry (224, end-padded pools), not the flags'. */
TEST(cli_shapes_takes_the_geometry_of_a_weights_file)
{
    const char *path = zoo_file("shapes.onnx");
    CHECK(path);
    char args[1200], *out, *err;
    snprintf(args, sizeof args, "shapes --weights %s", path);
    int rc = run_alexviz(args, &out, &err);
    CHECKF(rc == 0 && strstr(out, "AlexNet at 224×224×3, ceil (as end pads) pooling") &&
               strstr(out, "floor((224 + 2·0 − 11)/4) + 1 = 54") && strstr(out, "shapes.onnx"),
           "rc %d: %.300s", rc, out);
    free(out), free(err);
    rc = run_alexviz("shapes", &out, &err);
    CHECKF(rc == 0 && strstr(out, "AlexNet at 227×227×3, floor pooling"), "rc %d", rc);
    free(out), free(err);
    /* the file `make weights` stored (here through $ALEXVIZ_WEIGHTS) counts as well, as it
     * does for trace and the window; --weights default goes back to the flags */
    const char *old = getenv("ALEXVIZ_WEIGHTS");
    char saved[512] = "";
    if (old)
        snprintf(saved, sizeof saved, "%s", old);
    setenv("ALEXVIZ_WEIGHTS", path, 1);
    rc = run_alexviz("shapes", &out, &err);
    int follows = rc == 0 && strstr(out, "AlexNet at 224×224×3");
    free(out), free(err);
    rc = run_alexviz("shapes --weights default", &out, &err);
    int back = rc == 0 && strstr(out, "AlexNet at 227×227×3");
    free(out), free(err);
    if (old)
        setenv("ALEXVIZ_WEIGHTS", saved, 1);
    else
        unsetenv("ALEXVIZ_WEIGHTS");
    CHECK(follows);
    CHECK(back);
}

TEST(cli_default_weights_are_the_downloaded_file_else_seeded_with_a_hint)
{
    const char *path = zoo_file("downloaded.onnx");
    CHECK(path);
    const char *old = getenv("ALEXVIZ_WEIGHTS");
    char saved[512] = "";
    if (old)
        snprintf(saved, sizeof saved, "%s", old);
    cli_opts o;
    narrow_opts(&o);
    cli_net made;
    char err[1024];
    setenv("ALEXVIZ_WEIGHTS", path, 1);
    net *n = make_net_capturing(&o, &made, err, sizeof err, 0);
    int trained = n && !net_is_untrained(n);
    net_free(n);
    /* none found: seeded weights, and the hint on a terminal only */
    setenv("ALEXVIZ_WEIGHTS", "", 1);
    n = make_net_capturing(&o, &made, err, sizeof err, 0);
    int seeded = n && net_is_untrained(n) && !err[0];
    net_free(n);
    char hint[1024];
    n = make_net_capturing(&o, &made, hint, sizeof hint, 1);
    seeded &= n && net_is_untrained(n);
    net_free(n);
    /* --weights default asks for the seeded weights: no hint */
    o.weights = "default";
    o.weights_given = 1;
    n = make_net_capturing(&o, &made, err, sizeof err, 1);
    int quiet = n && net_is_untrained(n) && !err[0];
    net_free(n);
    if (old)
        setenv("ALEXVIZ_WEIGHTS", saved, 1);
    else
        unsetenv("ALEXVIZ_WEIGHTS");
    CHECK(trained);
    CHECK(seeded);
    CHECKF(strstr(hint, "untrained weights; run `make weights` for the trained ones") &&
               count_lines(hint) == 1,
           "'%s'", hint);
    CHECKF(quiet, "%s", err);
    CHECKF(strstr(made.desc, "seeded, untrained") && !made.weights_path[0], "%s", made.desc);
}

/* ---------------------------------------------------------------- make weights */

TEST(weights_script_verifies_and_stores_atomically)
{
    const char *src = zoo_file("served.onnx"), *dest_dir = test_path("weights_dir");
    CHECK(src);
    char dest[512], cmd[2048], out[4096], sha[80] = "";
    snprintf(dest, sizeof dest, "%s/bvlcalexnet-12.onnx", dest_dir);
    snprintf(cmd, sizeof cmd, "sha256sum %s | cut -d' ' -f1", src);
    CHECK(run(cmd, sha, sizeof sha) == 0 && strlen(sha) >= 64);
    sha[64] = 0;
    struct stat sb;

    /* the real checksum: a file that is not bvlcalexnet-12.onnx is refused and not kept */
    snprintf(cmd, sizeof cmd, "WEIGHTS_URL=file://%s sh scripts/weights.sh %s", src, dest);
    int rc = run(cmd, out, sizeof out);
    CHECKF(rc != 0 && strstr(out, "checksum mismatch") && strstr(out, "nothing was stored"),
           "exit %d: %s", rc, out);
    CHECK(stat(dest, &sb) != 0);
    snprintf(cmd, sizeof cmd, "ls -A %s", dest_dir);
    CHECKF(run(cmd, out, sizeof out) == 0 && !out[0], "left behind: %s", out);

    /* offline (nothing at the address) */
    snprintf(cmd, sizeof cmd,
             "WEIGHTS_URL=file://%s/none WEIGHTS_SHA256=%s sh scripts/weights.sh "
             "%s",
             dest_dir, sha, dest);
    rc = run(cmd, out, sizeof out);
    CHECKF(rc != 0 && strstr(out, "download failed"), "exit %d: %s", rc, out);
    CHECK(stat(dest, &sb) != 0);

    /* the expected checksum: stored, and alexviz loads it */
    snprintf(cmd, sizeof cmd, "WEIGHTS_URL=file://%s WEIGHTS_SHA256=%s sh scripts/weights.sh %s",
             src, sha, dest);
    rc = run(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "sha256 verified"), "exit %d: %s", rc, out);
    net *n = NULL;
    net_err err = {0};
    CHECKF(net_onnx_load(dest, NULL, &n, NULL, NULL, &err) == NET_OK, "%s", err.msg);
    net_free(n);
    snprintf(cmd, sizeof cmd, "ls -A %s", dest_dir);
    CHECKF(run(cmd, out, sizeof out) == 0 && !strcmp(out, "bvlcalexnet-12.onnx\n"), "%s", out);
}
