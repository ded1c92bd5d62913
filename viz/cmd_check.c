/* cmd_check.c: `alexviz check MODEL.onnx DIR...`: runs ONNX backend test folders through the
 * loaded network and reports the error.
 *
 * A test folder (as the model zoo's tarballs and Debian's libonnx-testdata lay them out) holds
 * input_0.pb and output_0.pb, TensorProto files with the network input and the expected output.
 * Each DIR is such a folder or holds test_data_set_N folders. The comparison is numpy's
 * assert_allclose, which ONNX's backend tests use: |got − want| ≤ atol + rtol·|want| for every
 * value, with the real AlexNet test's tolerances by default.
 */
#include "cli.h"
#include "msg.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char check_help[] =
    N_("usage: alexviz check MODEL.onnx DIR... [options]\n\n"
       "Loads MODEL.onnx (an AlexNet, as --weights would) and runs every ONNX test folder in\n"
       "DIR: a folder with input_0.pb and output_0.pb, or a folder of test_data_set_N folders.\n"
       "Prints the largest absolute and relative error per folder and PASS or FAIL; exits 1\n"
       "when any folder fails or cannot be read.\n\n"
       "  --rtol R                     relative tolerance (default 1e-3)\n"
       "  --atol A                     absolute tolerance (default 1e-7)\n"
       "  --threads N                  threads for the forward pass (default 2)\n"
       "  --help                       this text\n");

#define MAX_SETS 100000 /* test_data_set_N folders read from one folder */

typedef struct {
    net *n;
    const net_onnx_info *info;
    double rtol, atol;
} checker;

/* Product of the dims after dropping leading 1s, checked against want (C, H, W) or (N). */
static int shape_is(const int64_t *shape, int nd, const int64_t *want, int nw)
{
    while (nd > nw && shape[0] == 1)
        shape++, nd--;
    if (nd != nw)
        return 0;
    for (int i = 0; i < nw; i++)
        if (shape[i] != want[i])
            return 0;
    return 1;
}

static void shape_text(const int64_t *shape, int nd, char *buf, size_t len)
{
    size_t o = (size_t)snprintf(buf, len, "(");
    for (int i = 0; i < nd && o < len; i++)
        o += (size_t)snprintf(buf + o, len - o, "%s%lld", i ? ", " : "", (long long)shape[i]);
    if (o < len)
        snprintf(buf + o, len - o, ")");
}

/* Runs one test folder; 1 PASS, 0 FAIL, -1 unreadable (a line was printed either way). */
static int run_set(checker *c, const char *dir)
{
    char in_path[4096], out_path[4096], got_s[96], want_s[96];
    net_err err = {0};
    float *x = NULL, *want = NULL;
    int64_t xs[8], ws[8];
    int xn, wn, rc = -1;
    snprintf(in_path, sizeof in_path, "%s/input_0.pb", dir);
    snprintf(out_path, sizeof out_path, "%s/output_0.pb", dir);
    const net_config *cfg = net_get_config(c->n);
    const net_stage *last = net_stage_at(c->n, c->info->output_stage);
    int64_t in_shape[3] = {3, cfg->input_size, cfg->input_size}, out_shape[1] = {last->out_c};
    if (net_onnx_read_tensor(in_path, &x, xs, &xn, &err) ||
        net_onnx_read_tensor(out_path, &want, ws, &wn, &err)) {
        cli_net_error(&err);
    } else if (!shape_is(xs, xn, in_shape, 3)) {
        shape_text(xs, xn, got_s, sizeof got_s);
        cli_error("%s: input of shape %s; the model takes (1, 3, %d, %d)", in_path, got_s,
                  cfg->input_size, cfg->input_size);
    } else if (!shape_is(ws, wn, out_shape, 1)) {
        shape_text(ws, wn, got_s, sizeof got_s);
        snprintf(want_s, sizeof want_s, "(1, %d)", last->out_c);
        cli_error("%s: expected output of shape %s; the model's %s gives %s", out_path, got_s,
                  last->name, want_s);
    } else if (net_forward(c->n, x, NULL, NULL, &err)) {
        char said[600];
        cli_error("%s: %s", dir, msg_err(&err, msg_lang(), said, sizeof said));
    } else {
        const float *got = net_output(c->n, c->info->output_stage);
        double max_abs = 0, max_rel = 0;
        int bad = 0, first_bad = -1;
        for (int i = 0; i < last->out_c; i++) {
            double d = fabs((double)got[i] - want[i]), w = fabs((double)want[i]);
            max_abs = d > max_abs || isnan(d) ? d : max_abs;
            if (w > 0 && d / w > max_rel)
                max_rel = d / w;
            if (!(d <= c->atol + c->rtol * w)) {
                bad++;
                if (first_bad < 0)
                    first_bad = i;
            }
        }
        rc = !bad;
        char shown[4096];
        msg_printf(stdout, "%-4s %s: max abs error %.3g, max rel error %.3g", bad ? "FAIL" : "PASS",
                   cli_shown(dir, shown, sizeof shown), max_abs, max_rel);
        if (bad)
            msg_printf(stdout, "; %d of %d values off, first [%d] %.9g vs %.9g", bad, last->out_c,
                       first_bad, got[first_bad], want[first_bad]);
        msg_printf(stdout, "\n");
    }
    free(x);
    free(want);
    return rc;
}

static int by_set_number(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    long nx = strtol(x + strlen("test_data_set_"), NULL, 10);
    long ny = strtol(y + strlen("test_data_set_"), NULL, 10);
    return nx < ny ? -1 : nx > ny ? 1 : strcmp(x, y);
}

/* Runs DIR itself or its test_data_set_N folders; adds to the pass and fail counts. */
static void run_dir(checker *c, const char *dir, int *pass, int *fail)
{
    char path[4096];
    struct stat sb;
    int missing = stat(dir, &sb) != 0;
    if (missing || !S_ISDIR(sb.st_mode)) {
        cli_error("%s: %s", dir, missing ? strerror(errno) : "not a folder");
        (*fail)++;
        return;
    }
    snprintf(path, sizeof path, "%s/input_0.pb", dir);
    if (!lstat(path, &sb)) {
        /* a test folder, whatever input_0.pb turns out to be: the reader says what is wrong */
        int r = run_set(c, dir);
        *pass += r == 1;
        *fail += r != 1;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        cli_error("%s: %s", dir, strerror(errno));
        (*fail)++;
        return;
    }
    char **names = NULL;
    int n = 0, cap = 0, more = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, "test_data_set_", 14))
            continue;
        if (n == MAX_SETS) {
            more++;
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(names, sizeof *names * (size_t)cap);
            if (!grown)
                break;
            names = grown;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (more)
        cli_error("%s: %d test folders; only %d of them are checked", dir, n + more, MAX_SETS);
    if (!n) {
        cli_error("%s: no input_0.pb and no test_data_set_N folders", dir);
        (*fail)++;
        free(names);
        return;
    }
    qsort(names, (size_t)n, sizeof names[0], by_set_number);
    for (int i = 0; i < n; i++) {
        if (names[i]) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            int r = run_set(c, path);
            *pass += r == 1;
            *fail += r != 1;
        } else {
            cli_error("%s: out of memory", dir);
            (*fail)++;
        }
        free(names[i]);
    }
    free(names);
}

static int parse_tol(const char *flag, const char *v, double *out)
{
    char *end;
    double t = strtod(v, &end);
    if (end == v || *end || !(t >= 0) || t > 1e6) {
        cli_error("%s: '%s' is not a tolerance (a number ≥ 0)", flag, v);
        return 0;
    }
    *out = t;
    return 1;
}

int cmd_check(int argc, char **argv)
{
    checker c = {.rtol = 1e-3, .atol = 1e-7};
    const char *model = NULL, *dirs[256];
    int n_dirs = 0, threads = 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(msg_text(check_help), stdout);
            return 0;
        } else if (!strcmp(a, "--rtol") || !strcmp(a, "--atol") || !strcmp(a, "--threads")) {
            if (i + 1 >= argc) {
                cli_error("%s needs a value", a);
                return 2;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--threads")) {
                char *end;
                long t = strtol(v, &end, 10);
                if (end == v || *end || t < 1 || t > 64) {
                    cli_error("--threads: '%s' is not a number from 1 to 64", v);
                    return 2;
                }
                threads = (int)t;
            } else if (!parse_tol(a, v, !strcmp(a, "--rtol") ? &c.rtol : &c.atol)) {
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            cli_error("check: unknown option '%s' (see alexviz check --help)", a);
            return 2;
        } else if (!model) {
            model = a;
        } else if (n_dirs < (int)(sizeof dirs / sizeof dirs[0])) {
            dirs[n_dirs++] = a;
        } else {
            cli_error("check: at most %zu folders at once", sizeof dirs / sizeof dirs[0]);
            return 2;
        }
    }
    if (!model || !n_dirs) {
        cli_error("check: needs MODEL.onnx and at least one test folder (see alexviz check "
                  "--help)");
        return 2;
    }

    net_set_threads(threads);
    net_onnx_info info;
    net_err err = {0};
    if (net_onnx_load(model, NULL, &c.n, NULL, &info, &err) != NET_OK) {
        cli_net_error(&err);
        return 1;
    }
    c.info = &info;
    char shown_model[4096], widths[96];
    snprintf(widths, sizeof widths, "%d-%d-%d-%d-%d-%d-%d-%d", info.width[0], info.width[1],
             info.width[2], info.width[3], info.width[4], info.width[5], info.width[6],
             info.width[7]);
    msg_printf(stdout,
               "model %s: widths %s, %d×%d input, opset %lld%s%s, %lld parameters, loaded in "
               "%.0f ms\n",
               cli_shown(model, shown_model, sizeof shown_model), widths, info.input_size,
               info.input_size, (long long)info.opset, info.producer[0] ? ", producer " : "",
               info.producer, (long long)info.params, info.load_ms);
    char said[600];
    msg_printf(stdout, "      %s\n", msg_err(&info.variant_said, msg_lang(), said, sizeof said));
    msg_printf(stdout, "      compares %s (%s) with output_0.pb: |got − want| ≤ %g + %g·|want|\n",
               net_stage_at(c.n, info.output_stage)->name, info.output_name, c.atol, c.rtol);
    int pass = 0, fail = 0;
    for (int i = 0; i < n_dirs; i++)
        run_dir(&c, dirs[i], &pass, &fail);
    msg_printf(stdout, "check: %d folder%s: %d PASS, %d FAIL\n", pass + fail,
               pass + fail == 1 ? "" : "s", pass, fail);
    net_free(c.n);
    return fail ? 1 : 0;
}
