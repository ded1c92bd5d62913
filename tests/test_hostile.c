/* test_hostile.c: the files students bring (issue 15). Every case here once crashed, hung,
 * fooled or overwrote something; each now ends in one line naming the file, or in the picture
 * being shown right. The files are written by tests/hostile.c at test time.
 */
#define _DEFAULT_SOURCE /* realpath, usleep */
#include "cli.h"
#include "hostile.h"
#include "json_valid.h"
#include "onnx_make.h"
#include "outdir.h"
#include "photo.h"
#include "run.h"
#include "test.h"
#include "tmp.h"
#include "view_internal.h"
#include "views.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

/* Runs a shell command; its stdout and stderr together into out. Returns the exit status. */
static int sh(const char *cmd, char *out, size_t len)
{
    char full[8192 + 32];
    snprintf(full, sizeof full, "(%.8192s) 2>&1 </dev/null", cmd);
    FILE *p = popen(full, "r");
    if (!p)
        return -1;
    size_t n = fread(out, 1, len - 1, p);
    out[n] = 0;
    while (fgetc(p) != EOF)
        ;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The program as an absolute path, for commands run in another folder. */
static const char *program(void)
{
    static char abs[512];
    char real[PATH_MAX];
    if (!abs[0])
        snprintf(abs, sizeof abs, "%.500s", realpath(run_bin(), real) ? real : run_bin());
    return abs;
}

static char *slurp(const char *path, size_t *len)
{
    unsigned char *buf;
    net_err e = {0};
    if (net_file_read(path, 64 << 20, &buf, len, &e) != NET_OK)
        return NULL;
    char *s = realloc(buf, *len + 1);
    if (!s) {
        free(buf);
        return NULL;
    }
    s[*len] = 0;
    return s;
}

/* 1 when the file at path is valid JSON; prints why not. */
static int json_file_ok(const char *path)
{
    size_t len;
    char *s = slurp(path, &len), why[128];
    int ok = s && json_valid(s, len, why, sizeof why);
    if (!ok)
        fprintf(stderr, "    %s: %s\n", path, s ? why : "cannot be read");
    free(s);
    return ok;
}

static int file_contains(const char *path, const char *needle)
{
    size_t len;
    char *s = slurp(path, &len);
    int ok = s && strstr(s, needle);
    free(s);
    return ok;
}

/* The number of files under dir whose name ends in .tmp (find counts them). */
static int temp_files(const char *dir)
{
    char cmd[1024], out[64];
    snprintf(cmd, sizeof cmd, "find '%s' -name '*.tmp' | wc -l", dir);
    return sh(cmd, out, sizeof out) == 0 ? atoi(out) : -1;
}

/* A message (without its newline) that is one line and names the file. */
static int one_line_naming(const char *msg, const char *file)
{
    int ok = !strchr(msg, '\n') && strstr(msg, file);
    if (!ok)
        fprintf(stderr, "    message: %s\n", msg);
    return ok;
}

static net_status load(const char *path, net_input *in, net_err *e)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    memset(e, 0, sizeof *e);
    return net_input_load(in, path, 227, &pp, e);
}

/* ---------------------------------------------------------------- photos */

TEST(hostile_jpeg_with_a_bad_huffman_table_is_a_message)
{
    const char *p = test_path("dht.jpg");
    CHECK(hostile_jpeg_dht(p));
    net_input in;
    net_err e;
    CHECK_EQ_INT(load(p, &in, &e), NET_ERR_FORMAT);
    CHECK(one_line_naming(e.msg, "dht.jpg") && strstr(e.msg, "corrupt JPEG"));
    char cmd[1024], out[4096];
    snprintf(cmd, sizeof cmd, "%s trace %s", program(), p);
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 1 && count_lines(out) == 1 && strstr(out, "dht.jpg: corrupt JPEG"), "exit %d: %s",
           rc, out);
}

/* A decoder that crashes, hangs or runs away with memory, made to on purpose in the child. */
TEST(hostile_decoder_crash_hang_and_memory_cost_one_message)
{
    const char *p = test_path("fault.jpg");
    static const unsigned char grey[3] = {90, 90, 90};
    CHECK(hostile_jpeg(p, 32, 32, grey, 0));
    struct {
        photo_fault f;
        int ms;
        long long bytes;
        const char *says;
    } cases[] = {
        {PHOTO_FAULT_CRASH, 0, 0, "could not be decoded: the decoder crashed"},
        {PHOTO_FAULT_HANG, 400, 0, "could not be decoded: the decoder took too long"},
        {PHOTO_FAULT_MEMORY, 0, 64LL << 20, "could not be decoded: the decoder needed too much"},
        {PHOTO_FAULT_SILENT, 0, 0, "could not be decoded: the decoder crashed"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        photo_test_fault(cases[k].f);
        photo_test_limits(cases[k].ms, cases[k].bytes);
        net_input in;
        net_err e;
        double t0 = net_now_ms();
        net_status st = load(p, &in, &e);
        double ms = net_now_ms() - t0;
        photo_test_fault(PHOTO_FAULT_NONE);
        photo_test_limits(0, 0);
        CHECKF(st != NET_OK && one_line_naming(e.msg, "fault.jpg") && strstr(e.msg, cases[k].says),
               "case %zu: status %d: %s", k, st, e.msg);
        CHECKF(ms < 5000, "case %zu took %.0f ms", k, ms);
        CHECK(!in.data && !in.rgb);
    }
    /* and the next decode is fine */
    net_input in;
    net_err e;
    CHECKF(load(p, &in, &e) == NET_OK, "%s", e.msg);
    CHECK(abs(in.rgb[0] - 90) <= 2);
    net_input_free(&in);
}

/* Every legal variant of the formats the docs list, decoded to the colour it holds. */
TEST(hostile_every_legal_variant_is_read)
{
    static const unsigned char red[3] = {220, 30, 30}, cmyk_red[4] = {0, 255, 255, 0};
    static const unsigned short rgba16[4] = {65535, 32768, 0, 65535};
    static const unsigned short ga16[2] = {32896, 65535}, grey8[1] = {77};
    static const unsigned short rgb16[3] = {65535, 257 * 100, 0};
    char files[9][600];
    static const char *const names[9] = {"progressive.jpg", "cmyk.jpg",       "grey.jpg",
                                         "rgba16.png",      "ga16-adam7.png", "grey-adam7.png",
                                         "topdown.bmp",     "deep.ppm",       "palette.png"};
    for (int f = 0; f < 9; f++)
        snprintf(files[f], sizeof files[f], "%s", test_path(names[f]));
    const unsigned char want[9][3] = {{220, 30, 30}, {255, 0, 0},     {99, 99, 99},
                                      {255, 128, 0}, {128, 128, 128}, {77, 77, 77},
                                      {255, 0, 0},   {255, 100, 0},   {200, 30, 30}};
    int ok = 1;
    ok &= hostile_jpeg(files[0], 300, 260, red, 1);
    ok &= hostile_jpeg_cmyk(files[1], 300, 260, cmyk_red);
    ok &= hostile_jpeg_grey(files[2], 300, 260, 99);
    ok &= hostile_png(files[3], 300, 260, 4, 16, 0, rgba16);
    ok &= hostile_png(files[4], 300, 260, 2, 16, 1, ga16);
    ok &= hostile_png(files[5], 300, 260, 1, 8, 1, grey8);
    ok &= hostile_bmp_topdown(files[6], 300, 260);
    ok &= hostile_ppm16(files[7], 300, 260, rgb16);
    ok &= hostile_png_palette(files[8], 300, 260);
    CHECK(ok);
    for (int f = 0; f < 9; f++) {
        net_input in;
        net_err e;
        CHECKF(load(files[f], &in, &e) == NET_OK, "%s", e.msg);
        const unsigned char *px = in.rgb + 3 * (10 * 227 + 10); /* near the top left */
        int close_enough = 1;
        for (int c = 0; c < 3; c++)
            close_enough &= abs(px[c] - want[f][c]) <= 4;
        unsigned char got[3] = {px[0], px[1], px[2]};
        net_input_free(&in);
        CHECKF(close_enough, "%s: (%d, %d, %d), expected (%d, %d, %d)", files[f], got[0], got[1],
               got[2], want[f][0], want[f][1], want[f][2]);
        if (f == 6) {
            /* top-down: red stays on top, blue at the bottom */
            CHECK(load(files[f], &in, &e) == NET_OK);
            const unsigned char *bottom = in.rgb + 3 * (220 * 227 + 10);
            int blue = bottom[2] > 200 && bottom[0] < 40;
            net_input_free(&in);
            CHECK(blue);
        }
    }
}

/* 510 KB that inflate to 512 MB: decoded 8 bits at a time, the whole decoder process in under
 * 300 MB. (Under a sanitizer its shadow memory makes any figure meaningless: only the decode is
 * checked then.) */
TEST(hostile_16bit_png_bomb_decodes_in_bounded_memory)
{
    const char *p = test_path("bomb16.png");
    CHECK(hostile_png16_bomb(p));
    struct stat sb;
    CHECK(stat(p, &sb) == 0 && sb.st_size < (1 << 20));
    /* measured in a child of our own, whose only child is the decoder program: its peak RSS */
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        net_input in;
        net_err e;
        long result[2] = {load(p, &in, &e), 0};
        struct rusage ru;
        getrusage(RUSAGE_CHILDREN, &ru);
        result[1] = ru.ru_maxrss;
        _exit(write(fds[1], result, sizeof result) == sizeof result ? 0 : 3);
    }
    close(fds[1]);
    long result[2] = {-1, -1};
    ssize_t got = read(fds[0], result, sizeof result);
    close(fds[0]);
    int wst;
    waitpid(pid, &wst, 0);
    CHECK(got == sizeof result);
    CHECKF(result[0] == NET_OK, "status %ld", result[0]);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    CHECKF(result[1] > 0 && result[1] < 300 * 1024, "the decoder's peak was %ld MB",
           result[1] / 1024);
#endif
}

TEST(hostile_formats_alexviz_does_not_read_are_named)
{
    static const struct {
        const char *name, *bytes;
        size_t len;
        const char *says;
    } cases[] = {
        {"a.heic",
         "\0\0\0\x18"
         "ftypheic\0\0\0\0mif1heic",
         24, "a HEIC photo"},
        {"a.avif",
         "\0\0\0\x1c"
         "ftypavif\0\0\0\0avifmif1miaf",
         28, "an AVIF image"},
        {"a.webp", "RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0", 20, "a WebP image"},
        {"a.tif", "II*\0\x08\0\0\0\0\0", 10, "a TIFF image"},
        {"a.ico", "\0\0\1\0\1\0\x10\x10\0\0\1\0\x20\0\x68\4\0\0\x16\0\0\0", 22, "an ICO icon"},
        {"a.tga", "\0\0\2\0\0\0\0\0\0\0\0\0\4\0\1\0\x18\0", 18, "a TGA image"},
        {"a.ppm", "P3\n2 1\n255\n255 0 0 0 0 255\n", 27, "an ASCII PPM image"},
        {"a.pdf", "%PDF-1.4\n", 9, "a PDF document"},
        {"a.jpg", "Lecture 3: AlexNet has five convolutional layers.\n", 0, "a text file"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *p = test_path(cases[k].name);
        size_t len = cases[k].len ? cases[k].len : strlen(cases[k].bytes);
        CHECK(hostile_write(p, cases[k].bytes, len));
        net_input in;
        net_err e;
        net_status st = load(p, &in, &e);
        CHECKF(st == NET_ERR_UNSUPPORTED && one_line_naming(e.msg, cases[k].name) &&
                   strstr(e.msg, cases[k].says),
               "status %d: %s", st, e.msg);
    }
}

/* stb_image's reasons belong to the format that failed, not to the last decoder it tried. */
TEST(hostile_reasons_name_the_format_that_failed)
{
    static const char gif[] = "GIF89a\x10\0\x10\0\x80\0\0\xff\0\0\0\0\xff,\0\0\0\0\x10\0\x10\0\0"
                              "\x02\x99\x99\x99\x99";
    static const char pnm[] = "P6\n4 4\n70000\n";
    static const char bmp[] = "BM\0\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\4\0\0\0\4\0\0\0\1\0\x07\0"
                              "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    struct {
        const char *name;
        const char *bytes;
        size_t len;
        const char *says;
    } cases[] = {{"bad.gif", gif, sizeof gif - 1, "GIF"},
                 {"bad.ppm", pnm, sizeof pnm - 1, "corrupt PNM header: maxval 70000"},
                 {"bad.bmp", bmp, sizeof bmp - 1, "corrupt BMP: 7 bits per pixel"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *p = test_path(cases[k].name);
        CHECK(hostile_write(p, cases[k].bytes, cases[k].len));
        net_input in;
        net_err e;
        CHECK(load(p, &in, &e) != NET_OK);
        CHECKF(one_line_naming(e.msg, cases[k].name) && strstr(e.msg, cases[k].says) &&
                   !strstr(e.msg, "png") && !strstr(e.msg, "JPEG"),
               "%s", e.msg);
    }
}

/* ---------------------------------------------------------------- ONNX */

TEST(hostile_onnx_nesting_and_node_counts_are_refused_at_once)
{
    struct {
        const char *name;
        int deep;
        const char *says;
    } cases[] = {{"deep.onnx", 1, "nested more than 32 deep"},
                 {"nodes.onnx", 0, "more than 4096 nodes"}};
    for (int k = 0; k < 2; k++) {
        const char *p = test_path(cases[k].name);
        CHECK(cases[k].deep ? hostile_onnx_deep(p, 6000) : hostile_onnx_nodes(p, 100000));
        net *n = NULL;
        net_err e = {0};
        double t0 = net_now_ms();
        net_status st = net_onnx_load(p, NULL, &n, NULL, NULL, &e);
        double ms = net_now_ms() - t0;
        CHECK(!n);
        CHECKF(st == NET_ERR_LIMIT && strstr(e.msg, cases[k].says), "%d: %s", st, e.msg);
        CHECKF(ms < 100, "%s refused in %.1f ms", cases[k].name, ms);
        char cmd[1024], out[4096];
        snprintf(cmd, sizeof cmd, "%s shapes --weights %s", program(), p);
        int rc = sh(cmd, out, sizeof out);
        CHECKF(rc == 1 && count_lines(out) == 1 && strstr(out, cases[k].name), "exit %d: %s", rc,
               out);
    }
}

/* A `weights/` file in the folder alexviz runs in is not the download: it is never loaded. */
TEST(hostile_weights_in_the_working_folder_are_not_trusted)
{
    char dir[600], cmd[8192], out[8192];
    snprintf(dir, sizeof dir, "%s/student", test_tmpdir());
    CHECK(mkdir(dir, 0777) == 0 || errno == EEXIST);
    snprintf(cmd, sizeof cmd, "%s/weights", dir);
    CHECK(mkdir(cmd, 0777) == 0 || errno == EEXIST);
    snprintf(cmd, sizeof cmd, "%s/weights/bvlcalexnet-12.onnx", dir);
    CHECK(hostile_onnx_deep(cmd, 6000));
    snprintf(cmd, sizeof cmd, "cd '%s' && env -u ALEXVIZ_WEIGHTS %s shapes", dir, program());
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && !strstr(out, "bvlcalexnet-12.onnx:") && strstr(out, "conv1"),
           "exit %d: %.600s", rc, out);
}

/* ---------------------------------------------------------------- extreme values */

TEST(hostile_extreme_values_are_reported_not_fatal)
{
    const char *huge = test_path("huge.onnx"), *tiny = test_path("tiny.onnx");
    const char *sub = test_path("subnormal.npy"), *sub224 = test_path("subnormal224.npy");
    CHECK(hostile_onnx_extreme(huge, 3e38f) && hostile_onnx_extreme(tiny, 1e-45f));
    CHECK(hostile_npy_subnormal(sub, 227) && hostile_npy_subnormal(sub224, 224));
    char cmd[8192], out[65536], path[700];

    /* weights near FLT_MAX: the trace goes on, says where NaN and ∞ begin, writes valid JSON */
    const char *dump = test_path("huge-dump");
    snprintf(cmd, sizeof cmd, "%s trace assets/chelsea.png --weights %s --dump %s", program(), huge,
             dump);
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "NaN or infinite values from conv1 on") && strstr(out, "warning"),
           "exit %d: %.2000s", rc, out);
    snprintf(path, sizeof path, "%s/trace.json", dump);
    CHECK(json_file_ok(path) && file_contains(path, "\"first_nonfinite\": \"conv1\""));

    /* tiny weights and a subnormal input: the trace says what the numbers are */
    snprintf(cmd, sizeof cmd, "%s trace %s --weights %s", program(), sub224, tiny);
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "subnormal"), "exit %d: %.2000s", rc, out);
    snprintf(cmd, sizeof cmd, "%s trace %s", program(), sub);
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "input values are subnormal"), "exit %d: %.2000s", rc, out);

    /* the export draws every picture and writes a valid manifest that names the stage */
    const char *ex = test_path("huge-export");
    snprintf(cmd, sizeof cmd, "%s export assets/chelsea.png --weights %s -o %s --size 640x360",
             program(), huge, ex);
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0, "exit %d: %.2000s", rc, out);
    snprintf(path, sizeof path, "%s/chelsea/manifest.json", ex);
    CHECK(json_file_ok(path) && file_contains(path, "\"first_nonfinite\": \"conv1\""));
    snprintf(cmd, sizeof cmd, "%s export %s -o %s --size 640x360 --stages conv1,prob", program(),
             sub, test_path("sub-export"));
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0, "exit %d: %.2000s", rc, out);
}

/* Every view at every stage over scenes of NaN, ±∞, subnormals and values near FLT_MAX. */
TEST(hostile_views_draw_any_float)
{
    om_opts o;
    om_opts_zoo(&o);
    net_config cfg;
    om_config(&o, &cfg);
    net *n = NULL;
    CHECK(net_create(&n, &cfg, NULL) == NET_OK);
    om_fill_net(&o, n);
    int S = cfg.input_size;
    float *x = malloc(sizeof *x * 3 * S * S);
    CHECK(x);
    om_input(S, x);
    CHECK(net_forward(n, x, NULL, NULL, NULL) == NET_OK);
    view_scene sc;
    CHECK(view_scene_init(&sc));
    view_scene_from_net(&sc, n, NULL, x, "extreme.npy", 1);
    size_t total = 0;
    for (int i = 0; i < sc.table.count; i++)
        total += (size_t)sc.table.s[i].out_c * sc.table.s[i].out_h * sc.table.s[i].out_w;
    float *vals = malloc(sizeof *vals * total);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 800, 600);
    cairo_t *cr = cairo_create(s);
    CHECK(vals && cairo_status(cr) == CAIRO_STATUS_SUCCESS);
    for (int kind = 0; kind < 5; kind++) {
        size_t off = 0;
        for (int i = 0; i < sc.table.count; i++) {
            size_t cnt = (size_t)sc.table.s[i].out_c * sc.table.s[i].out_h * sc.table.s[i].out_w;
            for (size_t j = 0; j < cnt; j++) {
                float v = net_output(n, i)[j];
                switch (kind) {
                case 0: v = j % 7 ? v : NAN; break; /* some NaN */
                case 1: v = j % 5 ? (j % 2 ? INFINITY : -INFINITY) : v; break;
                case 2: v = (float)(j % 3) * 1e-44f; break;    /* subnormal */
                case 3: v = j % 2 ? 3.4e38f : -3.4e38f; break; /* the edges */
                default: v = NAN; break;                       /* nothing finite */
                }
                vals[off + j] = v;
            }
            sc.out[i] = vals + off;
            sc.version[i] = 10 + (uint32_t)kind;
            view_scene_update_stats(&sc, i);
            off += cnt;
        }
        for (int view = 0; view < VIEW_COUNT; view++)
            for (int i = 0; i < sc.table.count; i++) {
                view_state st;
                view_state_default(&st, &sc);
                st.kind = (view_kind)view;
                st.stage = i;
                st.ui = view_ui_size(800, 600, 1);
                st.contrast = i % 2 ? VIEW_CONTRAST_MAP : VIEW_CONTRAST_STAGE;
                view_draw_screen(cr, (view_rect){0, 0, 800, 600}, &sc, &st);
                CHECKF(cairo_status(cr) == CAIRO_STATUS_SUCCESS, "kind %d view %d stage %d: %s",
                       kind, view, i, cairo_status_to_string(cairo_status(cr)));
            }
        CHECK(view_scene_first_nonfinite(&sc) == (kind == 0 || kind == 1 || kind == 4 ? 0 : -1));
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    view_scene_release(&sc);
    free(vals);
    free(x);
    net_free(n);
}

/* ---------------------------------------------------------------- not regular files */

TEST(hostile_fifos_devices_and_folders_are_refused_at_once)
{
    const char *fifo_jpg = test_path("pipe.jpg"), *fifo_onnx = test_path("pipe.onnx");
    CHECK(mkfifo(fifo_jpg, 0666) == 0 || errno == EEXIST);
    CHECK(mkfifo(fifo_onnx, 0666) == 0 || errno == EEXIST);
    char set[600], cmd[8192], out[4096];
    snprintf(set, sizeof set, "%s/fifo-set", test_tmpdir());
    CHECK(mkdir(set, 0777) == 0 || errno == EEXIST);
    snprintf(cmd, sizeof cmd, "%s/input_0.pb", set);
    CHECK(mkfifo(cmd, 0666) == 0 || errno == EEXIST);
    snprintf(cmd, sizeof cmd, "%s/output_0.pb", set);
    CHECK(mkdir(cmd, 0777) == 0 || errno == EEXIST);
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    const char *model = test_path("fifo-model.onnx");
    CHECK(m && om_save(m, model, 0));
    om_free(m);
    struct {
        char args[1200];
        const char *says;
    } cases[4];
    snprintf(cases[0].args, sizeof cases[0].args, "trace %s", fifo_jpg);
    cases[0].says = "pipe.jpg: a named pipe (FIFO), not a regular file";
    snprintf(cases[1].args, sizeof cases[1].args, "shapes --weights %s", fifo_onnx);
    cases[1].says = "pipe.onnx: a named pipe (FIFO), not a regular file";
    snprintf(cases[2].args, sizeof cases[2].args, "check %s %s", model, set);
    cases[2].says = "input_0.pb: a named pipe (FIFO), not a regular file";
    snprintf(cases[3].args, sizeof cases[3].args, "trace /dev/zero");
    cases[3].says = "/dev/zero: a character device, not a regular file";
    for (int k = 0; k < 4; k++) {
        snprintf(cmd, sizeof cmd, "timeout 20 %s %s", program(), cases[k].args);
        double t0 = net_now_ms();
        int rc = sh(cmd, out, sizeof out);
        CHECKF(rc == 1 && strstr(out, cases[k].says), "%s: exit %d: %s", cases[k].args, rc, out);
        CHECKF(net_now_ms() - t0 < 5000, "%s took %.0f ms", cases[k].args, net_now_ms() - t0);
    }
    /* a folder named like a tensor: said so, not "8796093022207 MB" */
    CHECK(mkdir(test_path("tensor-folder.pb"), 0777) == 0 || errno == EEXIST);
    float *t = NULL;
    int64_t shape[8];
    int nd;
    net_err e = {0};
    CHECK(net_onnx_read_tensor(test_path("tensor-folder.pb"), &t, shape, &nd, &e) == NET_ERR_IO);
    CHECKF(strstr(e.msg, "a folder, not a regular file") && !strstr(e.msg, "8796093022207"), "%s",
           e.msg);
}

TEST(hostile_check_refuses_a_nan_input)
{
    char set[600], path[700];
    snprintf(set, sizeof set, "%s/nan-set", test_tmpdir());
    CHECK(mkdir(set, 0777) == 0 || errno == EEXIST);
    float v[4] = {1, NAN, 3, 4};
    int64_t dims[2] = {2, 2};
    snprintf(path, sizeof path, "%s/input_0.pb", set);
    CHECK(om_write_tensor(path, v, dims, 2, 1));
    float *t = NULL;
    int64_t shape[8];
    int nd;
    net_err e = {0};
    CHECK_EQ_INT(net_onnx_read_tensor(path, &t, shape, &nd, &e), NET_ERR_VALUE);
    CHECKF(strstr(e.msg, "element 1 is NaN") && !t, "%s", e.msg);
}

/* ---------------------------------------------------------------- writing */

TEST(hostile_output_folders_that_are_empty_or_the_root_are_usage_errors)
{
    static const char *const cases[] = {
        "export assets/chelsea.png -o ''",   "export assets/chelsea.png -o /",
        "export assets/chelsea.png -o //./", "trace assets/chelsea.png --dump ''",
        "trace assets/chelsea.png --dump /", "trace assets/chelsea.png --force",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char *out, *err;
        int rc = run_alexviz(cases[k], &out, &err);
        int ok = rc == 2 && count_lines(err) == 1;
        CHECKF(ok, "%s: exit %d: %s", cases[k], rc, err);
        free(out);
        free(err);
    }
}

TEST(hostile_trace_dump_never_overwrites_without_force)
{
    const char *dir = test_path("dump-twice");
    char args[1024], *out, *err;
    snprintf(args, sizeof args, "trace assets/chelsea.png --dump %s", dir);
    int rc = run_alexviz(args, &out, &err);
    free(out);
    CHECKF(rc == 0, "%s", err);
    free(err);
    char conv1[800];
    snprintf(conv1, sizeof conv1, "%s/conv1.npy", dir);
    struct stat before, after;
    CHECK(stat(conv1, &before) == 0);
    rc = run_alexviz(args, &out, &err);
    free(out);
    CHECKF(rc == 1 && count_lines(err) == 1 && strstr(err, "already exists") &&
               strstr(err, "--force"),
           "exit %d: %s", rc, err);
    free(err);
    CHECK(stat(conv1, &after) == 0 && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec &&
          after.st_ino == before.st_ino);
    snprintf(args, sizeof args, "trace assets/chelsea.png --dump %s --force", dir);
    rc = run_alexviz(args, &out, &err);
    free(out);
    CHECKF(rc == 0, "%s", err);
    free(err);
    CHECK(temp_files(dir) == 0);
}

TEST(hostile_atomic_writes_replace_only_regular_files)
{
    const char *fifo = test_path("target.fifo"), *link = test_path("target.link");
    const char *file = test_path("target.txt");
    CHECK(mkfifo(fifo, 0666) == 0 || errno == EEXIST);
    CHECK(hostile_write(file, "keep", 4));
    unlink(link);
    CHECK(symlink(file, link) == 0);
    net_err e = {0};
    CHECK_EQ_INT(net_write_atomic(fifo, "x", 1, &e), NET_ERR_EXISTS);
    CHECKF(strstr(e.msg, "a named pipe (FIFO) is there"), "%s", e.msg);
    CHECK_EQ_INT(net_write_atomic(link, "x", 1, &e), NET_ERR_EXISTS);
    CHECK_EQ_INT(net_write_new(file, "x", 1, &e), NET_ERR_EXISTS);
    struct stat sb;
    CHECK(stat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode));
    CHECK(lstat(link, &sb) == 0 && S_ISLNK(sb.st_mode));
    CHECK(file_contains(file, "keep"));
    CHECK(net_write_atomic(file, "new", 3, &e) == NET_OK && file_contains(file, "new"));
    CHECK(net_write_new(test_path("brand-new.txt"), "n", 1, &e) == NET_OK);
    CHECK(temp_files(test_tmpdir()) == 0);

    /* the window's screenshot command refuses the FIFO too, and stays up */
    char cmd[8192], out[4096];
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=dummy %s view assets/chelsea.png --size 640x480 "
             "--play 'shot:%s shot:%s/window-after.png quit'",
             program(), fifo, test_tmpdir());
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "target.fifo: a named pipe (FIFO) is there"), "exit %d: %s", rc,
           out);
    CHECK(stat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode));
    snprintf(cmd, sizeof cmd, "%s/window-after.png", test_tmpdir());
    CHECK(stat(cmd, &sb) == 0 && S_ISREG(sb.st_mode));
}

TEST(hostile_one_export_per_folder_at_a_time)
{
    const char *dir = test_path("locked");
    CHECK(mkdir(dir, 0777) == 0 || errno == EEXIST);
    int lock = outdir_lock(dir);
    CHECK(lock >= 0);
    char args[1024], *out, *err, pid[32];
    snprintf(pid, sizeof pid, "(pid %ld)", (long)getpid());
    snprintf(args, sizeof args, "export assets/chelsea.png -o %s --stages conv1", dir);
    int rc = run_alexviz(args, &out, &err);
    free(out);
    outdir_unlock(lock);
    CHECKF(rc == 1 && count_lines(err) == 1 && strstr(err, "another alexviz") && strstr(err, pid),
           "exit %d: %s", rc, err);
    free(err);
    rc = run_alexviz(args, &out, &err);
    free(out);
    CHECKF(rc == 0, "%s", err);
    free(err);
    char lockfile[800];
    snprintf(lockfile, sizeof lockfile, "%s/.alexviz.lock", dir);
    CHECK(access(lockfile, F_OK) != 0);
}

/* Ctrl-C in the middle of writing channel PNGs, and a run killed outright: no .tmp stays. */
TEST(hostile_interrupted_exports_leave_no_temporary_files)
{
    const char *dir = test_path("interrupted");
    char sub[800], stale[900];
    pid_t pid = fork();
    if (pid == 0) {
        execl(program(), program(), "export", "assets/chelsea.png", "--channels", "-o", dir,
              (char *)NULL);
        _exit(127);
    }
    CHECK(pid > 0);
    /* wait until channel files are being written, then interrupt */
    snprintf(sub, sizeof sub, "%s/chelsea/conv1", dir);
    for (int i = 0; i < 400; i++) {
        char cmd[1024], out[64];
        snprintf(cmd, sizeof cmd, "ls '%s' 2>/dev/null | wc -l", sub);
        if (sh(cmd, out, sizeof out) == 0 && atoi(out) >= 10)
            break;
        usleep(10000);
    }
    kill(pid, SIGINT);
    int wst;
    waitpid(pid, &wst, 0);
    CHECKF(WIFSIGNALED(wst) || WIFEXITED(wst), "status %d", wst);
    CHECK(temp_files(dir) == 0);

    /* a leftover of a killed run (its pid no longer runs) goes with the next export there */
    pid_t gone = fork();
    if (gone == 0)
        _exit(0);
    waitpid(gone, &wst, 0);
    snprintf(stale, sizeof stale, "%s/chelsea/.pipeline.png.alexviz-%ld-0-0.tmp", dir, (long)gone);
    CHECK(hostile_write(stale, "half", 4));
    char args[1024], *out, *err;
    snprintf(args, sizeof args, "export assets/chelsea.png -o %s --stages conv1 --force", dir);
    int rc = run_alexviz(args, &out, &err);
    free(out);
    CHECKF(rc == 0, "%s", err);
    free(err);
    CHECK(access(stale, F_OK) != 0 && temp_files(dir) == 0);
}

/* A photo name that is not UTF-8 is shown escaped and written as valid JSON. */
TEST(hostile_names_that_are_not_utf8)
{
    char photo[700], cmd[8192], out[8192], path[1200];
    snprintf(photo, sizeof photo, "%s/caf\xE9.png", test_tmpdir());
    snprintf(cmd, sizeof cmd, "cp assets/chelsea.png '%s'", photo);
    CHECK(sh(cmd, out, sizeof out) == 0);
    const char *ex = test_path("latin1-export"), *dump = test_path("latin1-dump");
    snprintf(cmd, sizeof cmd,
             "%s export '%s' -o %s --stages conv1,prob --size 640x360 && "
             "%s trace '%s' --dump %s >/dev/null",
             program(), photo, ex, program(), photo, dump);
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0, "exit %d: %s", rc, out);
    snprintf(path, sizeof path, "%s/caf\xE9/manifest.json", ex);
    CHECK(json_file_ok(path) && file_contains(path, "caf\\\\xE9.png"));
    snprintf(path, sizeof path, "%s/caf\xE9/handout.pdf", ex);
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && sb.st_size > 1000);
    snprintf(path, sizeof path, "%s/trace.json", dump);
    CHECK(json_file_ok(path));
    /* and a message about it is one valid line */
    net_err e = {0};
    char missing[700];
    snprintf(missing, sizeof missing, "%s/nicht-da-\xFF\n.png", test_tmpdir());
    net_input in;
    CHECK(load(missing, &in, &e) == NET_ERR_IO);
    CHECKF(strstr(e.msg, "nicht-da-\\xFF\\x0A.png") && !strchr(e.msg, '\n'), "%s", e.msg);
}

TEST(hostile_weights_script_refuses_a_folder_or_another_file_as_dest)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    const char *src = test_path("weights-src.onnx"), *folder = test_path("dest-folder");
    CHECK(m && om_save(m, src, 0));
    om_free(m);
    CHECK(mkdir(folder, 0777) == 0 || errno == EEXIST);
    char cmd[8192], out[4096], sha[80];
    snprintf(cmd, sizeof cmd, "sha256sum %s | cut -c1-64", src);
    CHECK(sh(cmd, sha, sizeof sha) == 0);
    sha[64] = 0;
    snprintf(cmd, sizeof cmd, "WEIGHTS_URL=file://%s WEIGHTS_SHA256=%s sh scripts/weights.sh %s",
             src, sha, folder);
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "is a folder"), "exit %d: %s", rc, out);
    snprintf(cmd, sizeof cmd, "ls -A %s", folder);
    CHECKF(sh(cmd, out, sizeof out) == 0 && !out[0], "left in the folder: %s", out);
    const char *other = test_path("dest-other.onnx");
    CHECK(hostile_write(other, "mine", 4));
    snprintf(cmd, sizeof cmd, "WEIGHTS_URL=file://%s WEIGHTS_SHA256=%s sh scripts/weights.sh %s",
             src, sha, other);
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "FORCE=1"), "exit %d: %s", rc, out);
    CHECK(file_contains(other, "mine"));
    snprintf(cmd, sizeof cmd,
             "FORCE=1 WEIGHTS_URL=file://%s WEIGHTS_SHA256=%s sh "
             "scripts/weights.sh %s",
             src, sha, other);
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "sha256 verified"), "exit %d: %s", rc, out);
}

/* A window made tiny draws nothing worth drawing, and says nothing on stderr about it. */
TEST(hostile_tiny_windows_draw_quietly)
{
    view_scene sc;
    CHECK(view_scene_init(&sc));
    net_config cfg;
    net_config_default(&cfg);
    net_table_build(&cfg, &sc.table, NULL);
    sc.input_size = 227;
    char log[700];
    snprintf(log, sizeof log, "%s/tiny-stderr.txt", test_tmpdir());
    fflush(stderr);
    int saved = dup(2);
    FILE *f = fopen(log, "w");
    CHECK(saved >= 0 && f);
    dup2(fileno(f), 2);
    static const int sizes[][2] = {{1, 1}, {7, 5}, {40, 30}, {120, 20}, {20, 200}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (int view = 0; view < VIEW_COUNT; view++) {
            int w = sizes[k][0], h = sizes[k][1];
            cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
            cairo_t *cr = cairo_create(s);
            view_state st;
            view_state_default(&st, &sc);
            st.kind = (view_kind)view;
            st.help = view == 0;
            st.ui = view_ui_size(w, h, 3);
            view_draw_screen(cr, (view_rect){0, 0, w, h}, &sc, &st);
            cairo_destroy(cr);
            cairo_surface_destroy(s);
        }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(f);
    view_scene_release(&sc);
    size_t len;
    char *said = slurp(log, &len);
    CHECKF(said && len == 0, "stderr: %.500s", said ? said : "?");
    free(said);
}

/* ---------------------------------------------------------------- what an attacker found */

/* Photos crafted to cost seconds, look whole when they are not, or carry kinds alexviz does not
 * read: each is one line, at once. */
TEST(hostile_photos_that_cost_time_or_hide_damage)
{
    static const unsigned char blue[3] = {20, 40, 220};
    struct {
        const char *name;
        int (*make)(const char *path);
        net_status want;
        const char *says;
    } cases[] = {
        {"cut-closed.jpg", hostile_jpeg_cut_closed, NET_ERR_FORMAT, "stops before its last row"},
        {"cut-closed.gif", hostile_gif_cut_closed, NET_ERR_FORMAT, "GIF"},
        {"os2.bmp", hostile_bmp_os2_palette, NET_ERR_UNSUPPORTED, "an OS/2 1.x BMP"},
        {"negative-width.bmp", hostile_bmp_negative_width, NET_ERR_FORMAT, "a width of -300"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *p = test_path(cases[k].name);
        CHECK(cases[k].make(p));
        net_input in;
        net_err e;
        net_status st = load(p, &in, &e);
        CHECKF(st == cases[k].want && one_line_naming(e.msg, cases[k].name) &&
                   strstr(e.msg, cases[k].says),
               "%s: status %d: %s", cases[k].name, st, e.msg);
    }
    /* a refinement scan repeated 400 times over a 2048×2048 image: refused at the first repeat */
    const char *p = test_path("rescan.jpg");
    CHECK(hostile_jpeg_rescan(p, 2048, 400));
    net_input in;
    net_err e;
    double t0 = net_now_ms();
    CHECK_EQ_INT(load(p, &in, &e), NET_ERR_FORMAT);
    CHECKF(strstr(e.msg, "refines coefficients no earlier scan began") && net_now_ms() - t0 < 1000,
           "%.0f ms: %s", net_now_ms() - t0, e.msg);
    /* JPEGs of kinds libjpeg does not decode are unsupported, not corrupt */
    for (int kind = 0; kind < 2; kind++) {
        p = test_path(kind ? "lossless.jpg" : "precision12.jpg");
        CHECK(hostile_jpeg_patched(p, kind));
        CHECK_EQ_INT(load(p, &in, &e), NET_ERR_UNSUPPORTED);
        CHECKF(!strstr(e.msg, "corrupt") && strstr(e.msg, kind ? "SOF type 0xc3" : "12 bits"), "%s",
               e.msg);
    }
    /* legal: a PGM whose comments end at CR, and a GIF written by giflib */
    p = test_path("cr.pgm");
    CHECK(hostile_pgm_cr(p, 90));
    CHECKF(load(p, &in, &e) == NET_OK, "%s", e.msg);
    CHECK(abs(in.rgb[0] - 90) <= 1);
    net_input_free(&in);
    p = test_path("blue.gif");
    CHECK(hostile_gif(p, blue));
    CHECKF(load(p, &in, &e) == NET_OK, "%s", e.msg);
    CHECK(abs(in.rgb[2] - 220) <= 2 && abs(in.rgb[0] - 20) <= 2);
    net_input_free(&in);
}

/* ONNX files that are legal in form and ruinous to load or run: refused at once. */
TEST(hostile_onnx_that_would_cost_minutes_or_gigabytes)
{
    const char *merge = test_path("merge.onnx"), *wide = test_path("wide.onnx");
    CHECK(hostile_onnx_merge(merge, 99000) && hostile_onnx_wide(wide, 1024, 1024));
    struct {
        const char *path, *says;
    } cases[] = {{merge, "given twice in one AttributeProto"},
                 {wide, "MB of activations; at most 512 MB"}};
    for (int k = 0; k < 2; k++) {
        net *n = NULL;
        net_err e = {0};
        double t0 = net_now_ms();
        net_status st = net_onnx_load(cases[k].path, NULL, &n, NULL, NULL, &e);
        double ms = net_now_ms() - t0;
        CHECK(!n);
        CHECKF(st != NET_OK && strstr(e.msg, cases[k].says), "%d: %s", st, e.msg);
        CHECKF(ms < 500, "%s refused in %.0f ms", cases[k].path, ms);
    }
    /* a model whose input is larger than the 256 photos are scaled to runs on a photo */
    om_opts o;
    om_opts_zoo(&o);
    o.input_size = 300;
    om_model *m = om_alexnet(&o);
    const char *s300 = test_path("input300.onnx");
    CHECK(m && om_save(m, s300, 0));
    om_free(m);
    char cmd[8192], out[8192];
    snprintf(cmd, sizeof cmd, "%s trace assets/chelsea.png --weights %s", program(), s300);
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "300×300"), "exit %d: %.1500s", rc, out);
}

/* The lock file may not be a second name of someone's file, nor may -o's subfolders be links;
 * a user's files named like alexviz's temporary ones stay; SIGTERM takes the lock with it. */
TEST(hostile_output_folders_keep_other_files_safe)
{
    char dir[700], notes[800], lock[800], cmd[8192], out[8192];
    snprintf(dir, sizeof dir, "%s/guarded", test_tmpdir());
    CHECK(mkdir(dir, 0777) == 0 || errno == EEXIST);
    snprintf(notes, sizeof notes, "%s/notes.txt", test_tmpdir());
    snprintf(lock, sizeof lock, "%s/.alexviz.lock", dir);
    CHECK(hostile_write(notes, "my notes, keep me", 17));
    unlink(lock);
    CHECK(link(notes, lock) == 0);
    snprintf(cmd, sizeof cmd, "%s trace assets/chelsea.png --dump %s", program(), dir);
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "not alexviz's lock file"), "exit %d: %s", rc, out);
    CHECK(file_contains(notes, "my notes, keep me"));
    unlink(lock);

    /* a user's file that looks like a temporary one (but is not alexviz's) stays */
    char draft[900];
    snprintf(draft, sizeof draft, "%s/.draft.txt.12345-1-1.tmp", dir);
    CHECK(hostile_write(draft, "draft", 5));
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0, "exit %d: %.500s", rc, out);
    CHECK(file_contains(draft, "draft"));

    /* -o's subfolder as a link elsewhere: refused, nothing written there */
    char ex[700], victim[700], link_path[800];
    snprintf(ex, sizeof ex, "%s/linked-export", test_tmpdir());
    snprintf(victim, sizeof victim, "%s/victim", test_tmpdir());
    snprintf(link_path, sizeof link_path, "%s/chelsea", ex);
    CHECK((mkdir(ex, 0777) == 0 || errno == EEXIST) &&
          (mkdir(victim, 0777) == 0 || errno == EEXIST));
    unlink(link_path);
    CHECK(symlink(victim, link_path) == 0);
    snprintf(cmd, sizeof cmd, "%s export assets/chelsea.png -o %s --stages conv1", program(), ex);
    rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 1 && strstr(out, "a symbolic link"), "exit %d: %s", rc, out);
    snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", victim);
    CHECK(sh(cmd, out, sizeof out) == 0 && atoi(out) == 0);

    /* SIGTERM while channel PNGs are written: no temporary file, no lock left */
    char term[700], sub[800];
    snprintf(term, sizeof term, "%s/terminated", test_tmpdir());
    pid_t pid = fork();
    if (pid == 0) {
        execl(program(), program(), "export", "assets/chelsea.png", "--channels", "-o", term,
              (char *)NULL);
        _exit(127);
    }
    snprintf(sub, sizeof sub, "%s/chelsea/conv1", term);
    for (int i = 0; i < 400; i++) {
        snprintf(cmd, sizeof cmd, "ls '%s' 2>/dev/null | wc -l", sub);
        if (sh(cmd, out, sizeof out) == 0 && atoi(out) >= 10)
            break;
        usleep(10000);
    }
    kill(pid, SIGTERM);
    int wst;
    waitpid(pid, &wst, 0);
    snprintf(lock, sizeof lock, "%s/.alexviz.lock", term);
    CHECK(temp_files(term) == 0 && access(lock, F_OK) != 0);
}

/* Names from the command line are shown as one valid line too, not only the engine's. */
TEST(hostile_names_in_cli_messages_are_one_line)
{
    char *out, *err;
    int rc = run_alexviz("trace \"$(printf '/tmp/no\\nsuch\\377.jpg')\"", &out, &err);
    free(out);
    CHECKF(rc == 1 && count_lines(err) == 1 && strstr(err, "no\\x0Asuch\\xFF.jpg"), "exit %d: %s",
           rc, err);
    free(err);
    rc = run_alexviz("export assets/chelsea.png -o /tmp --stages \"$(printf 'conv1,bo\\ngus')\"",
                     &out, &err);
    free(out);
    CHECKF(rc == 2 && count_lines(err) == 1, "exit %d: %s", rc, err);
    free(err);
}

/* make weights with names sha256sum quotes (a backslash) or that look like options. */
TEST(hostile_weights_script_takes_odd_names)
{
    const char *src = test_path("odd-src.bin");
    CHECK(hostile_write(src, "fake model", 10));
    char cmd[8192], out[4096], sha[80];
    snprintf(cmd, sizeof cmd, "sha256sum < %s | cut -c1-64", src);
    CHECK(sh(cmd, sha, sizeof sha) == 0);
    sha[64] = 0;
    snprintf(cmd, sizeof cmd,
             "cd %s && WEIGHTS_URL=file://%s WEIGHTS_SHA256=%s sh %s/scripts/"
             "weights.sh 'my\\model.onnx' && WEIGHTS_URL=file://%s WEIGHTS_SHA256=%s sh "
             "%s/scripts/weights.sh -x.onnx",
             test_tmpdir(), src, sha, getenv("PWD"), src, sha, getenv("PWD"));
    int rc = sh(cmd, out, sizeof out);
    CHECKF(rc == 0 && strstr(out, "stored ./-x.onnx"), "exit %d: %s", rc, out);
}
