/* test_cli.c: the trace and shapes commands as a user runs them: output, dumps, and every bad
 * input giving one line that names the file, a non-zero exit and no partial output. */
#include "alexnet.h"
#include "run.h"
#include "test.h"
#include "tmp.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

TEST(cli_shapes_prints_table_and_totals)
{
    char *out, *err;
    int rc = run_alexviz("shapes", &out, &err);
    int ok = rc == 0 && strstr(out, "60,965,224") && strstr(out, "724,406,816") &&
             strstr(out, "floor((227 + 2·0 − 11)/4) + 1 = 55") && strstr(out, "55×55×96") &&
             strstr(out, "6×6×256") && strstr(out, "Number of filters 3");
    if (!ok)
        fprintf(stderr, "%s%s", out, err);
    free(out), free(err);
    CHECK(ok);
}

TEST(cli_shapes_224_explains_ceil_pooling)
{
    char *out, *err;
    int rc = run_alexviz("shapes --input-size 224", &out, &err);
    int ok = rc == 0 && strstr(out, "= 54") && strstr(out, "ceil((54 − 3)/2) + 1 = 27") &&
             strstr(out, "6400") && strstr(out, "60,965,224");
    if (!ok)
        fprintf(stderr, "%s%s", out, err);
    free(out), free(err);
    CHECK(ok);
}

TEST(cli_trace_prints_every_stage_and_top5)
{
    char *out, *err;
    int rc = run_alexviz("trace assets/chelsea.png", &out, &err);
    static const char *want[] = {"conv1",
                                 "norm1",
                                 "pool1",
                                 "conv2",
                                 "pool5",
                                 "fc6",
                                 "drop7",
                                 "prob",
                                 "floor((227 + 2·0 − 11)/4) + 1 = 55",
                                 "96·(11·11·3) + 96 = 34,944",
                                 "A 0–47 | B 48–95",
                                 "zeros",
                                 "out/in",
                                 "untrained",
                                 "top-5",
                                 "60,965,224"};
    int ok = rc == 0;
    for (size_t i = 0; ok && i < sizeof want / sizeof want[0]; i++)
        if (!strstr(out, want[i])) {
            fprintf(stderr, "trace output lacks '%s'\n", want[i]);
            ok = 0;
        }
    if (!ok)
        fprintf(stderr, "rc %d\n%s", rc, err);
    free(out), free(err);
    CHECK(ok);
}

/* trace --dropout N: the test-time pass as without it, then one line per mask with what each
 * dropout stage kept (about half of 4096) and a top-5; the notes' slips under shapes' stages,
 * and not with --notes off. */
TEST(cli_trace_dropout_masks_and_shapes_notes)
{
    char *out, *err, *plain, *perr;
    int rc = run_alexviz("trace assets/chelsea.png --dropout 3", &out, &err);
    int rc0 = run_alexviz("trace assets/chelsea.png", &plain, &perr);
    int ok = rc == 0 && rc0 == 0;
    /* the same test-time top-5 (the lines before the dropout block; times differ) */
    const char *a = strstr(out, "top-5"), *b = strstr(plain, "top-5");
    const char *a_end = a ? strstr(a, "\ndropout at training time, 3 masks") : NULL;
    ok &= a && b && a_end && !strncmp(a, b, (size_t)(a_end - a));
    for (int m = 1; ok && m <= 3; m++) {
        char want[32];
        snprintf(want, sizeof want, "  mask %d: kept ", m);
        const char *line = strstr(out, want);
        int k6 = 0, n6 = 0, k7 = 0, n7 = 0;
        ok &= line && sscanf(line + strlen(want), "%d of %d in drop6, %d of %d in drop7", &k6, &n6,
                             &k7, &n7) == 4;
        ok &= n6 == 4096 && n7 == 4096 && abs(k6 - 2048) <= 160 && abs(k7 - 2048) <= 160;
    }
    if (!ok)
        fprintf(stderr, "rc %d\n%s%s", rc, out, err);
    free(out), free(err), free(plain), free(perr);
    CHECK(ok);

    rc = run_alexviz("trace assets/chelsea.png --dropout 0", &out, &err);
    CHECK_EQ_INT(rc, 2);
    free(out), free(err);

    /* --ten-crop: ten patch lines at the paper's places, then the mean's top-5 */
    rc = run_alexviz("trace assets/chelsea.png --ten-crop", &out, &err);
    ok = rc == 0 && strstr(out, "   1  top-left               at (  0,   0)  top-1 ") &&
         strstr(out, "   4  bottom-right           at ( 29,  29)  top-1 ") &&
         strstr(out, "   5  centre                 at ( 14,  14)  top-1 ") &&
         strstr(out, "  10  centre, mirrored       at ( 14,  14)  top-1 ") &&
         strstr(out, "top-5 of the ten patches' mean softmax:");
    if (!ok)
        fprintf(stderr, "rc %d\n%s%s", rc, out, err);
    free(out), free(err);
    CHECK(ok);
    /* a .npy input is taken as it is: there is no photo to cut patches from */
    char npy[600], cmd[700];
    snprintf(npy, sizeof npy, "%s", test_path("ten.npy"));
    float *zeros = calloc(3 * 227 * 227, sizeof(float));
    const int shape[3] = {3, 227, 227};
    CHECK(zeros && net_npy_save(npy, zeros, shape, 3, NULL) == NET_OK);
    free(zeros);
    snprintf(cmd, sizeof cmd, "trace %s --ten-crop", npy);
    rc = run_alexviz(cmd, &out, &err);
    CHECK(rc == 1 && strstr(err, "not from a .npy input"));
    free(out), free(err);

    rc = run_alexviz("shapes", &out, &err);
    const char *conv1 = strstr(out, "  conv1  floor"), *slip = strstr(out, "Number of filters 3");
    const char *pool1 = strstr(out, "  pool1  floor"),
               *order = strstr(out, "this run follows the paper");
    ok = rc == 0 && conv1 && slip && pool1 && order && conv1 < slip && slip < pool1 &&
         pool1 < order && strstr(out, "to speed things up");
    free(out), free(err);
    CHECK(ok);
    rc = run_alexviz("shapes --notes off", &out, &err);
    ok = rc == 0 && !strstr(out, "Number of filters") && !strstr(out, "speed things up") &&
         strstr(out, "5·5·48");
    free(out), free(err);
    CHECK(ok);
}

TEST(cli_trace_dump_writes_npy_and_json)
{
    char dir[512], args[600], path[600];
    CHECK(test_mkdir("dump", dir, sizeof dir));
    snprintf(args, sizeof args, "trace assets/chelsea.png --dump %s/d", dir);
    char *out, *err;
    int rc = run_alexviz(args, &out, &err);
    free(out), free(err);
    CHECK_EQ_INT(rc, 0);
    float *data = NULL;
    int shape[4], ndim = 0;
    snprintf(path, sizeof path, "%s/d/conv1.npy", dir);
    CHECK_EQ_INT(net_npy_load(path, &data, shape, &ndim, NULL), NET_OK);
    free(data);
    CHECK(ndim == 3 && shape[0] == 96 && shape[1] == 55 && shape[2] == 55);
    snprintf(path, sizeof path, "%s/d/fc6.npy", dir);
    CHECK_EQ_INT(net_npy_load(path, &data, shape, &ndim, NULL), NET_OK);
    free(data);
    CHECK(ndim == 1 && shape[0] == 4096);
    snprintf(path, sizeof path, "%s/d/trace.json", dir);
    FILE *f = fopen(path, "r");
    CHECK(f);
    char buf[8192];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = 0;
    CHECK(strstr(buf, "\"name\": \"norm1\"") && strstr(buf, "\"top5\""));
    snprintf(args, sizeof args, "rm -rf %s", dir);
    CHECK_EQ_INT(system(args), 0);
}

/* Each bad input: exit 1 or 2, exactly one line on stderr naming the culprit. */
TEST(cli_bad_inputs_give_one_line)
{
    char dir[512], path[600], args[1600];
    CHECK(test_mkdir("bad", dir, sizeof dir));
    snprintf(path, sizeof path, "%s/notes.jpg", dir);
    FILE *f = fopen(path, "w");
    CHECK(f);
    fputs("this is a text file, not a photo\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/file", dir);
    f = fopen(path, "w");
    CHECK(f);
    fclose(f);
    struct {
        char args[800];
        const char *needle;
    } cases[5];
    snprintf(cases[0].args, sizeof cases[0].args, "trace %s/missing.png", dir);
    cases[0].needle = "missing.png";
    snprintf(cases[1].args, sizeof cases[1].args, "trace %s/notes.jpg", dir);
    cases[1].needle = "notes.jpg";
    snprintf(cases[2].args, sizeof cases[2].args, "trace assets/chelsea.png --dump %s/file/sub",
             dir);
    cases[2].needle = "file/sub";
    snprintf(cases[3].args, sizeof cases[3].args, "trace assets/chelsea.png --frobnicate");
    cases[3].needle = "--frobnicate";
    snprintf(cases[4].args, sizeof cases[4].args, "shapes --input-size 225");
    cases[4].needle = "225";
    for (int i = 0; i < 5; i++) {
        char *out, *err;
        int rc = run_alexviz(cases[i].args, &out, &err);
        int ok = (rc == 1 || rc == 2) && count_lines(err) == 1 && strstr(err, cases[i].needle);
        if (!ok)
            fprintf(stderr, "    `alexviz %s`: rc %d, stderr: %s", cases[i].args, rc, err);
        free(out), free(err);
        CHECK(ok);
    }
    /* nothing was written into the folder by the failed dump */
    snprintf(args, sizeof args, "test \"$(ls -A %s | wc -l)\" = 2 && rm -rf %s", dir, dir);
    CHECK_EQ_INT(system(args), 0);
}

TEST(cli_help_on_every_command)
{
    static const char *cmds[] = {"trace --help", "shapes --help", "bench --help", "export --help",
                                 "view --help",  "check --help",  "--help"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out, *err;
        int rc = run_alexviz(cmds[i], &out, &err);
        int ok = rc == 0 && strstr(out, "usage") && !*err;
        free(out), free(err);
        CHECKF(ok, "alexviz %s: rc %d", cmds[i], rc);
    }
}

/* Every command parses its flags the same way: a usage error is one line naming the command or
 * the flag and what is wrong, exit status 2, before anything runs. */
TEST(cli_usage_errors_name_the_flag_on_every_command)
{
    static const struct {
        const char *args, *needle;
    } cases[] = {
        {"trace assets/chelsea.png --bogus", "trace: unknown option '--bogus'"},
        {"shapes --bogus", "shapes: unknown option '--bogus'"},
        {"shapes stray", "shapes: unexpected argument 'stray'"},
        {"bench --bogus", "bench: unknown option '--bogus'"},
        {"bench --runs", "--runs needs a value"},
        {"bench --runs 0", "--runs: '0' is not a number"},
        {"bench a.png b.png", "bench: one image at a time"},
        {"export --bogus", "export: unknown option '--bogus'"},
        {"export assets/chelsea.png -o /tmp/x --size 10x10", "--size: '10x10' is not WxH"},
        {"view --bogus", "view: unknown option '--bogus'"},
        {"view --size 1920x", "--size: '1920x' is not WxH"},
        {"view --pace", "--pace needs a value"},
        {"trace assets/chelsea.png --threads 0", "--threads: '0' is not a valid value"},
        {"trace assets/chelsea.png --dump", "--dump needs a value"},
        {"trace assets/chelsea.png --weights ''", "--weights: '' is not a valid value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out, *err;
        int rc = run_alexviz(cases[i].args, &out, &err);
        int ok = rc == 2 && count_lines(err) == 1 && strstr(err, cases[i].needle) && !*out;
        CHECKF(ok, "alexviz %s: rc %d, stderr: %s", cases[i].args, rc, err);
        free(out), free(err);
    }
}
