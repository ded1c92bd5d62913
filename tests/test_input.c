/* test_input.c: photos and .npy files in, .npy files and atomic writes out (net/input.c).
 *
 * Fixtures are made at test time in a folder under /tmp with stb_image_write (from the same
 * libstb as the decoder), so each case states exactly what it feeds in; only an animated GIF,
 * which stb cannot write, and two .npy files written by numpy itself are committed (tests/data/,
 * 567 bytes in all). Every bad case checks the status, that the message is one line, and that it
 * names the file.
 */
#include "alexnet.h"
#include "test.h"
#include "tmp.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <stb_image_write.h>

/* ---------------------------------------------------------------- helpers */

typedef struct {
    char dir[512];
    char path[4][600]; /* scratch names inside dir */
} scratch;

static int scratch_open(scratch *s) { return test_mkdir("input", s->dir, sizeof s->dir); }

static const char *scratch_name(scratch *s, int slot, const char *file)
{
    /* Through a local buffer: GCC cannot tell that s->dir and s->path[slot] never overlap. */
    char name[sizeof s->path[0]];
    snprintf(name, sizeof name, "%s/%s", s->dir, file);
    memcpy(s->path[slot], name, sizeof name);
    return s->path[slot];
}

static void scratch_close(scratch *s)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "    could not remove %s\n", s->dir);
}

static int write_bytes(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    int ok = fwrite(buf, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

static unsigned char *read_bytes(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* A w×h image of n channels, every pixel the same bytes px[0..n). */
static unsigned char *uniform(int w, int h, int n, const unsigned char *px)
{
    unsigned char *p = malloc((size_t)w * h * n);
    for (size_t i = 0; p && i < (size_t)w * h; i++)
        memcpy(p + i * n, px, (size_t)n);
    return p;
}

static int write_uniform_png(const char *path, int w, int h, int n, const unsigned char *px)
{
    unsigned char *p = uniform(w, h, n, px);
    int ok = p && stbi_write_png(path, w, h, n, p, w * n);
    free(p);
    return ok;
}

/* A binary PPM (n = 3) or PGM (n = 1), which stb_image_write cannot make. */
static int write_pnm(const char *path, int w, int h, int n, const unsigned char *px)
{
    unsigned char *p = uniform(w, h, n, px);
    char head[32];
    int hl = snprintf(head, sizeof head, "P%c\n%d %d\n255\n", n == 3 ? '6' : '5', w, h);
    FILE *f = fopen(path, "wb");
    int ok = p && f && fwrite(head, 1, (size_t)hl, f) == (size_t)hl &&
             fwrite(p, 1, (size_t)w * h * n, f) == (size_t)w * h * n;
    if (f)
        ok &= fclose(f) == 0;
    free(p);
    return ok;
}

/* One line, naming the file, and containing `needle` when given. */
static int message_ok(const net_err *e, const char *file, const char *needle)
{
    if (strchr(e->msg, '\n') || !strstr(e->msg, file) || (needle && !strstr(e->msg, needle))) {
        fprintf(stderr, "    message: %s\n", e->msg);
        return 0;
    }
    return 1;
}

/* A .npy file with the given header dict and `data_bytes` bytes of zeros after it. */
static int write_npy_raw(const char *path, const char *dict, size_t data_bytes)
{
    size_t dlen = strlen(dict), total = (10 + dlen + 1 + 63) / 64 * 64;
    size_t hlen = total - 10;
    unsigned char *b = calloc(1, total + data_bytes);
    if (!b)
        return 0;
    memcpy(b, "\x93NUMPY\x01\x00", 8);
    b[8] = (unsigned char)(hlen & 0xff);
    b[9] = (unsigned char)(hlen >> 8);
    memset(b + 10, ' ', hlen);
    memcpy(b + 10, dict, dlen);
    b[total - 1] = '\n';
    int ok = write_bytes(path, b, total + data_bytes);
    free(b);
    return ok;
}

static int folder_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

/* ---------------------------------------------------------------- good photos */

TEST(input_bundled_photo_at_227_and_224)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    for (int S = 227; S >= 224; S -= 3) {
        net_input in;
        net_err e = {0};
        CHECKF(net_input_load(&in, "assets/chelsea.png", S, &pp, &e) == NET_OK, "%s", e.msg);
        CHECK_EQ_INT(in.size, S);
        CHECK_EQ_INT(in.src_w, 451);
        CHECK_EQ_INT(in.src_h, 300);
        CHECK_EQ_INT(in.is_npy, 0);
        /* The input is exactly the displayed photo in BGR minus the mean. */
        size_t plane = (size_t)S * S;
        for (size_t i = 0; i < plane; i += 97) {
            for (int c = 0; c < 3; c++)
                CHECK_NEAR(in.data[c * plane + i], in.rgb[3 * i + 2 - c] - pp.mean[c], 1e-4);
        }
        net_input_free(&in);
        CHECK(in.data == NULL && in.rgb == NULL);
    }
}

TEST(input_every_bundled_photo_loads)
{
    static const char *photos[] = {"assets/chelsea.png", "assets/coffee.jpg",
                                   "assets/astronaut.jpg", "assets/rocket.jpg",
                                   "assets/camera.png"};
    net_preproc pp;
    net_preproc_caffe(&pp);
    for (size_t i = 0; i < sizeof photos / sizeof photos[0]; i++) {
        net_input in;
        net_err e = {0};
        CHECKF(net_input_load(&in, photos[i], 227, &pp, &e) == NET_OK, "%s", e.msg);
        net_stats st;
        net_compute_stats(in.data, 3 * 227 * 227, &st);
        CHECKF(st.std > 10, "%s: std %g; a photo should vary", photos[i], (double)st.std);
        net_input_free(&in);
    }
}

/* A uniform colour pins down channel order, mean and scale without any resampling question. */
TEST(input_mean_and_bgr_order_on_a_uniform_image)
{
    scratch s;
    CHECK(scratch_open(&s));
    const unsigned char rgb[3] = {200, 100, 50};
    const char *path = scratch_name(&s, 0, "orange.png");
    CHECK(write_uniform_png(path, 400, 300, 3, rgb));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    CHECKF(net_input_load(&in, path, 227, &pp, &e) == NET_OK, "%s", e.msg);
    size_t plane = 227 * 227;
    for (size_t i = 0; i < plane; i += 101) {
        CHECK_NEAR(in.data[i], 50 - 104.00698793, 1e-4);              /* B */
        CHECK_NEAR(in.data[plane + i], 100 - 116.66876762, 1e-4);     /* G */
        CHECK_NEAR(in.data[2 * plane + i], 200 - 122.67891434, 1e-4); /* R */
        CHECK(in.rgb[3 * i] == 200 && in.rgb[3 * i + 1] == 100 && in.rgb[3 * i + 2] == 50);
    }
    net_input_free(&in);

    /* RGB order, other means, a 1/255 scale. */
    net_preproc rgb_pp = {0, {0.5f, 0.25f, 0.125f}, 1.0f / 255, 256};
    CHECKF(net_input_load(&in, path, 224, &rgb_pp, &e) == NET_OK, "%s", e.msg);
    CHECK_NEAR(in.data[0], 200 / 255.0 - 0.5, 1e-5);
    CHECK_NEAR(in.data[224 * 224], 100 / 255.0 - 0.25, 1e-5);
    CHECK_NEAR(in.data[2 * 224 * 224], 50 / 255.0 - 0.125, 1e-5);
    net_input_free(&in);
    scratch_close(&s);
}

/* Where the crop sits: a ramp whose value is its own x coordinate. */
TEST(input_shorter_side_to_256_then_centre_crop)
{
    scratch s;
    CHECK(scratch_open(&s));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};

    /* 300×256: no resampling; the crop starts at x = (300−227)/2 = 36, y = (256−227)/2 = 14. */
    unsigned char *p = malloc(300 * 256 * 3);
    CHECK(p);
    for (int y = 0; y < 256; y++)
        for (int x = 0; x < 300; x++) {
            unsigned char *q = p + (y * 300 + x) * 3;
            q[0] = (unsigned char)(x & 255), q[1] = (unsigned char)y, q[2] = 0;
        }
    const char *exact = scratch_name(&s, 0, "exact.png");
    CHECK(stbi_write_png(exact, 300, 256, 3, p, 300 * 3));
    free(p);
    CHECKF(net_input_load(&in, exact, 227, &pp, &e) == NET_OK, "%s", e.msg);
    CHECK_EQ_INT(in.rgb[0], 36);
    CHECK_EQ_INT(in.rgb[1], 14);
    CHECK_EQ_INT(in.rgb[(226 * 227 + 226) * 3], (36 + 226) & 255);
    CHECK_EQ_INT(in.rgb[(226 * 227 + 226) * 3 + 1], 14 + 226);
    net_input_free(&in);

    /* 600×512 with R = x·255/599 halves to 300×256: output column 0 of the crop is scaled
     * column 36, whose centre is original x = (36 + 0.5)·2 − 0.5 = 72.5. */
    p = malloc(600 * 512 * 3);
    CHECK(p);
    for (int y = 0; y < 512; y++)
        for (int x = 0; x < 600; x++) {
            unsigned char *q = p + (y * 600 + x) * 3;
            q[0] = (unsigned char)lrint(x * 255.0 / 599), q[1] = 0, q[2] = 0;
        }
    const char *halved = scratch_name(&s, 1, "halved.png");
    CHECK(stbi_write_png(halved, 600, 512, 3, p, 600 * 3));
    free(p);
    CHECKF(net_input_load(&in, halved, 227, &pp, &e) == NET_OK, "%s", e.msg);
    CHECK_NEAR(in.rgb[100 * 227 * 3], 72.5 * 255 / 599, 1.5);
    CHECK_NEAR(in.rgb[(100 * 227 + 226) * 3], 524.5 * 255 / 599, 1.5); /* column 262 */
    net_input_free(&in);
    scratch_close(&s);
}

TEST(input_grey_and_alpha)
{
    scratch s;
    CHECK(scratch_open(&s));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    struct {
        int n;
        unsigned char px[4];
        unsigned char want[3];
    } cases[] = {
        {1, {77}, {77, 77, 77}},               /* grey */
        {2, {0, 0}, {255, 255, 255}},          /* grey, fully transparent: white */
        {2, {0, 255}, {0, 0, 0}},              /* grey, opaque black */
        {3, {10, 20, 30}, {10, 20, 30}},       /* RGB */
        {4, {255, 0, 0, 0}, {255, 255, 255}},  /* transparent red: white */
        {4, {255, 0, 0, 128}, {255, 127, 127}} /* half red on white */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = scratch_name(&s, 0, "case.png");
        CHECK(write_uniform_png(path, 120, 90, cases[k].n, cases[k].px));
        CHECKF(net_input_load(&in, path, 227, &pp, &e) == NET_OK, "%s", e.msg);
        for (int c = 0; c < 3; c++)
            CHECKF(abs(in.rgb[3 * 5000 + c] - cases[k].want[c]) <= 1,
                   "case %zu channel %d: %d, expected %d", k, c, in.rgb[3 * 5000 + c],
                   cases[k].want[c]);
        net_input_free(&in);
    }
    scratch_close(&s);
}

TEST(input_other_formats)
{
    scratch s;
    CHECK(scratch_open(&s));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    const unsigned char px[3] = {30, 140, 220};
    unsigned char *p = uniform(64, 48, 3, px);
    CHECK(p);
    const char *bmp = scratch_name(&s, 0, "a.bmp"), *jpg = scratch_name(&s, 1, "a.jpg"),
               *ppm = scratch_name(&s, 2, "a.ppm"), *pgm = scratch_name(&s, 3, "a.pgm");
    int ok = stbi_write_bmp(bmp, 64, 48, 3, p) && stbi_write_jpg(jpg, 64, 48, 3, p, 95) &&
             write_pnm(ppm, 64, 48, 3, px) && write_pnm(pgm, 64, 48, 1, px + 1);
    free(p);
    CHECK(ok);
    const char *files[] = {bmp, jpg, ppm, pgm};
    for (int f = 0; f < 4; f++) {
        CHECKF(net_input_load(&in, files[f], 227, &pp, &e) == NET_OK, "%s", e.msg);
        for (int c = 0; c < 3; c++) {
            int want = f == 3 ? px[1] : px[c];
            CHECKF(abs(in.rgb[3 * 777 + c] - want) <= 3, "%s channel %d: %d", files[f], c,
                   in.rgb[3 * 777 + c]);
        }
        net_input_free(&in);
    }
    scratch_close(&s);
}

/* The first frame of an animated GIF (red), not the second (blue). */
TEST(input_gif_first_frame)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    CHECKF(net_input_load(&in, "tests/data/red_then_blue.gif", 227, &pp, &e) == NET_OK, "%s",
           e.msg);
    CHECK_EQ_INT(in.src_w, 6);
    CHECK_EQ_INT(in.src_h, 4);
    CHECK(in.rgb[0] == 255 && in.rgb[1] == 0 && in.rgb[2] == 0);
    net_input_free(&in);
}

/* ---------------------------------------------------------------- good .npy */

TEST(input_npy_round_trip)
{
    scratch s;
    CHECK(scratch_open(&s));
    enum { S = 227 };
    size_t count = 3 * S * S;
    float *x = malloc(count * sizeof *x);
    CHECK(x);
    for (size_t i = 0; i < count; i++)
        x[i] = (float)((i * 2654435761u) % 1000) / 7.0f - 70.0f;
    const char *path = scratch_name(&s, 0, "x.npy");
    net_err e = {0};
    int shape3[3] = {3, S, S};
    CHECKF(net_npy_save(path, x, shape3, 3, &e) == NET_OK, "%s", e.msg);

    /* numpy's layout: version 1.0, a dict padded to a 64-byte boundary, then the floats. */
    size_t len;
    unsigned char *raw = read_bytes(path, &len);
    CHECK(raw);
    size_t hlen = raw[8] | (size_t)raw[9] << 8;
    int header_ok = !memcmp(raw, "\x93NUMPY\x01\x00", 8) && (10 + hlen) % 64 == 0 &&
                    raw[10 + hlen - 1] == '\n' && len == 10 + hlen + count * 4 &&
                    !memcmp(raw + 10,
                            "{'descr': '<f4', 'fortran_order': False, 'shape': "
                            "(3, 227, 227), }",
                            61);
    free(raw);
    CHECK(header_ok);

    float *y = NULL;
    int shape[4], nd;
    CHECKF(net_npy_load(path, &y, shape, &nd, &e) == NET_OK, "%s", e.msg);
    CHECK(nd == 3 && shape[0] == 3 && shape[1] == S && shape[2] == S && shape[3] == 0);
    CHECK(!memcmp(x, y, count * sizeof *x));
    free(y);

    /* As the network input: taken as is; the photo is the input with the mean added back. */
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    CHECKF(net_input_load(&in, path, S, &pp, &e) == NET_OK, "%s", e.msg);
    CHECK(in.is_npy && in.src_w == 0 && in.src_h == 0);
    CHECK(!memcmp(in.data, x, count * sizeof *x));
    for (size_t i = 0; i < (size_t)S * S; i += 13) {
        float r = x[2 * S * S + i] + pp.mean[2];
        int want = r < 0 ? 0 : r > 255 ? 255 : (int)lrintf(r);
        CHECK_EQ_INT(in.rgb[3 * i], want);
    }
    net_input_free(&in);

    /* (1, 3, S, S) is the same input; and the magic decides, not the extension. */
    int shape4[4] = {1, 3, S, S};
    const char *batch = scratch_name(&s, 1, "batch.tensor");
    CHECKF(net_npy_save(batch, x, shape4, 4, &e) == NET_OK, "%s", e.msg);
    CHECKF(net_input_load(&in, batch, S, &pp, &e) == NET_OK, "%s", e.msg);
    CHECK(in.is_npy && !memcmp(in.data, x, count * sizeof *x));
    net_input_free(&in);
    free(x);
    scratch_close(&s);
}

TEST(input_npy_any_rank_round_trip)
{
    scratch s;
    CHECK(scratch_open(&s));
    float v[24];
    for (int i = 0; i < 24; i++)
        v[i] = -1.5f + i;
    int shapes[4][4] = {{24}, {4, 6}, {2, 3, 4}, {1, 2, 3, 4}};
    const char *want[4] = {"(24,)", "(4, 6)", "(2, 3, 4)", "(1, 2, 3, 4)"};
    for (int nd = 1; nd <= 4; nd++) {
        const char *path = scratch_name(&s, 0, "v.npy");
        net_err e = {0};
        CHECKF(net_npy_save(path, v, shapes[nd - 1], nd, &e) == NET_OK, "%s", e.msg);
        size_t len;
        unsigned char *raw = read_bytes(path, &len);
        CHECK(raw);
        int has_shape = strstr((char *)raw + 10, want[nd - 1]) != NULL;
        free(raw);
        CHECKF(has_shape, "shape %s not in the header", want[nd - 1]);
        float *y;
        int shape[4], got;
        CHECKF(net_npy_load(path, &y, shape, &got, &e) == NET_OK, "%s", e.msg);
        CHECK_EQ_INT(got, nd);
        for (int i = 0; i < nd; i++)
            CHECK_EQ_INT(shape[i], shapes[nd - 1][i]);
        CHECK(!memcmp(v, y, sizeof v));
        free(y);
    }
    scratch_close(&s);
}

/* A file numpy itself wrote: np.save(p, np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5). */
TEST(input_npy_written_by_numpy)
{
    float *y;
    int shape[4], nd;
    net_err e = {0};
    CHECKF(net_npy_load("tests/data/small.npy", &y, shape, &nd, &e) == NET_OK, "%s", e.msg);
    CHECK(nd == 2 && shape[0] == 2 && shape[1] == 3);
    for (int i = 0; i < 6; i++)
        CHECK_NEAR(y[i], i - 2.5, 0);
    free(y);
}

/* (1, 3, 4, 4) from numpy: np.arange(48, dtype=np.float32).reshape(1, 3, 4, 4) * 5 − 110. */
TEST(input_npy_input_written_by_numpy)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    CHECKF(net_input_load(&in, "tests/data/tiny_input.npy", 4, &pp, &e) == NET_OK, "%s", e.msg);
    CHECK(in.is_npy && in.size == 4);
    for (int i = 0; i < 48; i++)
        CHECK_NEAR(in.data[i], i * 5 - 110, 0);
    /* Pixel (0, 0): R from channel 2 (50 + 122.68), G (−30 + 116.67), B (−110 + 104.01 < 0). */
    CHECK(in.rgb[0] == 173 && in.rgb[1] == 87 && in.rgb[2] == 0);
    net_input_free(&in);
    CHECK_EQ_INT(net_input_load(&in, "tests/data/tiny_input.npy", 227, &pp, &e), NET_ERR_SHAPE);
    CHECK(message_ok(&e, "tiny_input.npy", "(1, 3, 4, 4)"));
}

/* Headers as other writers produce them: version 2.0, keys in another order, double quotes. */
TEST(input_npy_header_variants)
{
    static const char text[] = "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<f4\"}";
    size_t dlen = sizeof text - 1, total = (12 + dlen + 1 + 63) / 64 * 64;
    unsigned char b[256] = {0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0};
    size_t hlen = total - 12;
    b[8] = (unsigned char)hlen;
    memset(b + 12, ' ', hlen);
    memcpy(b + 12, text, dlen);
    b[total - 1] = '\n';
    float two[2] = {1.25f, -3.5f};
    memcpy(b + total, two, sizeof two);
    float *y;
    int shape[4], nd;
    net_err e = {0};
    CHECKF(net_npy_load_mem(b, total + 8, "v2.npy", &y, shape, &nd, &e) == NET_OK, "%s", e.msg);
    CHECK(nd == 1 && shape[0] == 2 && y[0] == 1.25f && y[1] == -3.5f);
    free(y);
}

TEST(input_write_atomic_replaces_and_respects_umask)
{
    scratch s;
    CHECK(scratch_open(&s));
    const char *path = scratch_name(&s, 0, "out.txt");
    net_err e = {0};
    mode_t old = umask(022);
    CHECKF(net_write_atomic(path, "first", 5, &e) == NET_OK, "%s", e.msg);
    CHECKF(net_write_atomic(path, "second", 6, &e) == NET_OK, "%s", e.msg);
    umask(old);
    size_t len;
    unsigned char *raw = read_bytes(path, &len);
    CHECK(raw);
    int same = len == 6 && !memcmp(raw, "second", 6);
    free(raw);
    CHECK(same);
    struct stat st;
    CHECK(stat(path, &st) == 0);
    CHECK_EQ_INT(st.st_mode & 0777, 0644);
    CHECK_EQ_INT(folder_entries(s.dir), 1); /* no temporary file left */
    CHECKF(net_write_atomic(scratch_name(&s, 1, "empty"), "", 0, &e) == NET_OK, "%s", e.msg);
    scratch_close(&s);
}

/* ---------------------------------------------------------------- bad photos */

TEST(input_bad_missing_file)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    const char *path = "/tmp/alexviz-no-such-folder/no-such-photo.jpg";
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_IO);
    CHECK(message_ok(&e, path, "No such file"));
    CHECK(in.data == NULL && in.rgb == NULL);
    net_input_free(&in);
    float *d;
    int shape[4], nd;
    CHECK_EQ_INT(net_npy_load("/tmp/alexviz-no-such-folder/x.npy", &d, shape, &nd, &e), NET_ERR_IO);
    CHECK(message_ok(&e, "x.npy", "No such file"));
}

TEST(input_bad_folder_and_empty_file)
{
    scratch s;
    CHECK(scratch_open(&s));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    CHECK_EQ_INT(net_input_load(&in, s.dir, 227, &pp, &e), NET_ERR_IO);
    CHECK(message_ok(&e, s.dir, "folder"));
    const char *empty = scratch_name(&s, 0, "empty.png");
    CHECK(write_bytes(empty, "", 0));
    CHECK_EQ_INT(net_input_load(&in, empty, 227, &pp, &e), NET_ERR_FORMAT);
    CHECK(message_ok(&e, empty, "empty"));
    scratch_close(&s);
}

TEST(input_bad_text_named_jpg)
{
    scratch s;
    CHECK(scratch_open(&s));
    const char *path = scratch_name(&s, 0, "notes.jpg");
    const char text[] = "Lecture 3: AlexNet has five convolutional layers.\n";
    CHECK(write_bytes(path, text, sizeof text - 1));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_UNSUPPORTED);
    CHECK(message_ok(&e, path, "a text file"));
    scratch_close(&s);
}

/* Formats stb_image knows but alexviz refuses before decoding. The HDR is a truncated
 * run-length scanline, which makes Debian's stb_image loop forever (CVE-2021-42715). */
TEST(input_bad_refused_formats)
{
    scratch s;
    CHECK(scratch_open(&s));
    static const char hdr[] = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 16\n\x02\x02\x00\x10";
    unsigned char tga[18 + 4 * 3] = {0, 0, 2}; /* uncompressed true-colour, 4×1, 24 bits */
    tga[12] = 4, tga[14] = 1, tga[16] = 24;
    const unsigned char psd[26] = {'8', 'B', 'P', 'S', 0, 1};
    struct {
        const char *name;
        const void *b;
        size_t len;
        net_status want;
        const char *needle;
    } cases[] = {{"x.hdr", hdr, sizeof hdr - 1, NET_ERR_UNSUPPORTED, "Radiance HDR"},
                 {"x.tga", tga, sizeof tga, NET_ERR_UNSUPPORTED, "a TGA image"},
                 {"x.psd", psd, sizeof psd, NET_ERR_UNSUPPORTED, "Photoshop PSD"}};
    net_preproc pp;
    net_preproc_caffe(&pp);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = scratch_name(&s, 0, cases[k].name);
        CHECK(write_bytes(path, cases[k].b, cases[k].len));
        net_input in;
        net_err e = {0};
        CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), cases[k].want);
        CHECK(message_ok(&e, path, cases[k].needle));
    }
    scratch_close(&s);
}

/* Cut at several points: JPEG and PNG fail inside stb; BMP, GIF and PPM, which stb would fill
 * with zeros, fail on the read past the end. */
TEST(input_bad_truncated_images)
{
    scratch s;
    CHECK(scratch_open(&s));
    net_preproc pp;
    net_preproc_caffe(&pp);
    const unsigned char px[3] = {1, 2, 3};
    unsigned char *p = uniform(50, 40, 3, px);
    CHECK(p);
    const char *bmp = scratch_name(&s, 0, "w.bmp"), *ppm = scratch_name(&s, 1, "w.ppm");
    int ok = stbi_write_bmp(bmp, 50, 40, 3, p) && write_pnm(ppm, 50, 40, 3, px);
    free(p);
    CHECK(ok);
    const char *sources[] = {"assets/rocket.jpg", "assets/chelsea.png", bmp, ppm,
                             "tests/data/red_then_blue.gif"};
    const double cuts[] = {0.6, 0.3};
    for (size_t f = 0; f < sizeof sources / sizeof sources[0]; f++) {
        size_t len;
        unsigned char *raw = read_bytes(sources[f], &len);
        CHECK(raw);
        for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
            const char *ext = strrchr(sources[f], '.');
            char name[32];
            snprintf(name, sizeof name, "cut%zu%s", c, ext);
            const char *path = scratch_name(&s, 2, name);
            size_t keep = (size_t)(len * cuts[c]);
            if (!write_bytes(path, raw, keep)) {
                free(raw);
                CHECK(0);
            }
            net_input in;
            net_err e = {0};
            net_status st = net_input_load(&in, path, 227, &pp, &e);
            if (st == NET_OK)
                net_input_free(&in);
            if (st != NET_ERR_FORMAT || !message_ok(&e, path, "truncated")) {
                free(raw);
                CHECKF(0, "%s cut to %zu of %zu bytes: status %d, %s", sources[f], keep, len, st,
                       e.msg);
            }
        }
        free(raw);
    }
    scratch_close(&s);
}

TEST(input_bad_corrupt_jpeg)
{
    scratch s;
    CHECK(scratch_open(&s));
    size_t len;
    unsigned char *raw = read_bytes("assets/rocket.jpg", &len);
    CHECK(raw);
    /* Keep the headers, replace the entropy-coded data with a marker it cannot contain. */
    for (size_t i = len / 3; i < len / 3 + 64; i += 2)
        raw[i] = 0xFF, raw[i + 1] = 0xC4;
    const char *path = scratch_name(&s, 0, "corrupt.jpg");
    int ok = write_bytes(path, raw, len);
    free(raw);
    CHECK(ok);
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    net_status st = net_input_load(&in, path, 227, &pp, &e);
    if (st == NET_OK)
        net_input_free(&in);
    CHECK_EQ_INT(st, NET_ERR_FORMAT);
    CHECK(message_ok(&e, path, "corrupt JPEG"));

    /* A PNG with an unknown critical chunk named by a newline and a control byte: stb quotes
     * the raw name in its reason (found by the fuzzer); the message must stay one line. */
    raw = read_bytes("assets/chelsea.png", &len);
    CHECK(raw);
    static const unsigned char chunk[12] = {0, 0, 0, 0, '\n', 1, 'A', 'B', 0, 0, 0, 0};
    memcpy(raw + 33, chunk, sizeof chunk);
    path = scratch_name(&s, 0, "chunk.png");
    ok = write_bytes(path, raw, 33 + sizeof chunk);
    free(raw);
    CHECK(ok);
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_FORMAT);
    CHECK(message_ok(&e, path, "invalid chunk type"));
    scratch_close(&s);
}

static void be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

static void le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

/* Headers that claim 100000×100000 (10^10 pixels, 30 GB as RGB) with no pixel data behind them:
 * refused from the header alone, with the claimed size in the message. */
TEST(input_bad_huge_claimed_size)
{
    scratch s;
    CHECK(scratch_open(&s));
    unsigned char png[33] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    be32(png + 16, 100000);
    be32(png + 20, 100000);
    png[24] = 8; /* bit depth */
    png[25] = 2; /* RGB */
    unsigned char bmp[54] = {'B', 'M'};
    le32(bmp + 10, 54);     /* pixel data offset */
    le32(bmp + 14, 40);     /* BITMAPINFOHEADER */
    le32(bmp + 18, 100000); /* width */
    le32(bmp + 22, 100000); /* height */
    bmp[26] = 1;            /* planes */
    bmp[28] = 24;           /* bits per pixel */
    unsigned char gif[13] = {'G', 'I', 'F', '8', '9', 'a', 0xFF, 0xFF, 0xFF, 0xFF};
    struct {
        const char *name;
        const unsigned char *b;
        size_t len;
        const char *claim;
    } cases[] = {{"huge.png", png, sizeof png, "100000×100000"},
                 {"huge.bmp", bmp, sizeof bmp, "100000×100000"},
                 {"huge.gif", gif, sizeof gif, "65535×65535"}};
    net_preproc pp;
    net_preproc_caffe(&pp);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = scratch_name(&s, 0, cases[k].name);
        CHECK(write_bytes(path, cases[k].b, cases[k].len));
        net_input in;
        net_err e = {0};
        CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_LIMIT);
        CHECK(message_ok(&e, path, cases[k].claim));
    }
    scratch_close(&s);
}

TEST(input_bad_arguments)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    CHECK_EQ_INT(net_input_load(&in, "assets/chelsea.png", 0, &pp, &e), NET_ERR_ARG);
    CHECK(message_ok(&e, "chelsea.png", "input size"));
    pp.resize = 0;
    CHECK_EQ_INT(net_input_load(&in, "assets/chelsea.png", 227, &pp, &e), NET_ERR_ARG);
    CHECK(message_ok(&e, "chelsea.png", "resize"));
    /* a resize smaller than the input (a net of 300×300) scales to the input instead */
    pp.resize = 100;
    CHECKF(net_input_load(&in, "assets/chelsea.png", 300, &pp, &e) == NET_OK, "%s", e.msg);
    CHECK(in.size == 300);
    net_input_free(&in);
    net_preproc_caffe(&pp);
    pp.scale = 0;
    CHECK_EQ_INT(net_input_load(&in, "assets/chelsea.png", 227, &pp, &e), NET_ERR_ARG);
    CHECK_EQ_INT(net_input_load(&in, NULL, 227, &pp, &e), NET_ERR_ARG);
}

/* ---------------------------------------------------------------- bad .npy */

TEST(input_bad_npy_shape)
{
    scratch s;
    CHECK(scratch_open(&s));
    size_t count = 3 * 224 * 224;
    float *x = calloc(count, sizeof *x);
    CHECK(x);
    int shape[3] = {3, 224, 224};
    const char *path = scratch_name(&s, 0, "small.npy");
    net_err e = {0};
    net_status saved = net_npy_save(path, x, shape, 3, &e);
    free(x);
    CHECK(saved == NET_OK);
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_SHAPE);
    CHECK(message_ok(&e, path, "(3, 224, 224)"));
    CHECK(message_ok(&e, path, "(3, 227, 227)"));
    CHECK(in.data == NULL);

    /* (227, 227, 3), the photo's own layout, is not the network's. */
    CHECK(write_npy_raw(path, "{'descr': '<f4', 'fortran_order': False, 'shape': (227, 227, 3), }",
                        227 * 227 * 3 * 4));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_SHAPE);
    CHECK(message_ok(&e, path, "(227, 227, 3)"));
    scratch_close(&s);
}

TEST(input_bad_npy_dtype_and_order)
{
    scratch s;
    CHECK(scratch_open(&s));
    struct {
        const char *dict;
        size_t bytes;
        net_status want;
        const char *needle;
    } cases[] = {
        {"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 227, 227), }", 3 * 227 * 227 * 8,
         NET_ERR_FORMAT, "float64"},
        {"{'descr': '<i4', 'fortran_order': False, 'shape': (3, 227, 227), }", 3 * 227 * 227 * 4,
         NET_ERR_FORMAT, "int32"},
        {"{'descr': '>f4', 'fortran_order': False, 'shape': (3, 227, 227), }", 3 * 227 * 227 * 4,
         NET_ERR_FORMAT, "big-endian float32"},
        {"{'descr': '<f4', 'fortran_order': True, 'shape': (3, 227, 227), }", 3 * 227 * 227 * 4,
         NET_ERR_UNSUPPORTED, "Fortran"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 4, NET_ERR_SHAPE,
         "0 dimensions"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 3, 227, 227), }",
         3 * 227 * 227 * 4, NET_ERR_SHAPE, "5 dimensions"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (3, 0, 227), }", 0, NET_ERR_SHAPE,
         "no numbers"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", 64, NET_ERR_LIMIT,
         "(100000, 100000)"},
        {"{'descr': '<f4', 'fortran_order': False, }", 64, NET_ERR_FORMAT, "missing"},
        {"{'descr': '<f4', 'fortran_order': False, 'shape': (3, 227, 227), 'x': 1}", 64,
         NET_ERR_FORMAT, "malformed"},
        {"not a dict at all", 64, NET_ERR_FORMAT, "malformed"},
    };
    net_preproc pp;
    net_preproc_caffe(&pp);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = scratch_name(&s, 0, "bad.npy");
        CHECK(write_npy_raw(path, cases[k].dict, cases[k].bytes));
        net_input in;
        net_err e = {0};
        net_status st = net_input_load(&in, path, 227, &pp, &e);
        CHECKF(st == cases[k].want, "case %zu: status %d, expected %d (%s)", k, st, cases[k].want,
               e.msg);
        CHECK(message_ok(&e, path, cases[k].needle));
        float *d;
        int shape[4], nd;
        st = net_npy_load(path, &d, shape, &nd, &e);
        CHECKF(st == cases[k].want, "case %zu via net_npy_load: %s", k, e.msg);
        CHECK(d == NULL && nd == 0);
    }
    scratch_close(&s);
}

TEST(input_bad_npy_truncated_and_absurd)
{
    scratch s;
    CHECK(scratch_open(&s));
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    const char *path = scratch_name(&s, 0, "cut.npy");
    const char *dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 227, 227), }";
    CHECK(write_npy_raw(path, dict, 3 * 227 * 227 * 4 - 100));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_FORMAT);
    CHECK(message_ok(&e, path, "truncated"));
    CHECK(write_npy_raw(path, dict, 3 * 227 * 227 * 4 + 4));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_FORMAT);
    CHECK(message_ok(&e, path, "bytes of data"));

    /* Cut inside the header; a header that claims 4 GB; a header length beyond the file. */
    CHECK(write_bytes(path, "\x93NUMPY\x01\x00\x76\x00{'descr'", 17));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_FORMAT);
    CHECK(message_ok(&e, path, "truncated .npy header"));
    CHECK(write_bytes(path, "\x93NUMPY\x02\x00\xff\xff\xff\xff{}", 14));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_LIMIT);
    CHECK(message_ok(&e, path, "header of 4294967295 bytes"));
    CHECK(write_bytes(path, "\x93NUMPY\x07\x00\x00\x00", 10));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_UNSUPPORTED);
    CHECK(message_ok(&e, path, "version 7.0"));

    /* Named .npy without the magic: a broken tensor, not "not an image". */
    CHECK(write_bytes(path, "hello", 5));
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_FORMAT);
    CHECK(message_ok(&e, path, "not a .npy file"));
    scratch_close(&s);
}

TEST(input_bad_npy_not_finite)
{
    scratch s;
    CHECK(scratch_open(&s));
    size_t count = 3 * 227 * 227;
    float *x = calloc(count, sizeof *x);
    CHECK(x);
    x[1234] = NAN;
    int shape[3] = {3, 227, 227};
    const char *path = scratch_name(&s, 0, "nan.npy");
    net_err e = {0};
    net_status saved = net_npy_save(path, x, shape, 3, &e);
    free(x);
    CHECK(saved == NET_OK);
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    CHECK_EQ_INT(net_input_load(&in, path, 227, &pp, &e), NET_ERR_VALUE);
    CHECK(message_ok(&e, path, "element 1234 is NaN"));
    scratch_close(&s);
}

/* ---------------------------------------------------------------- bad writes */

/* Unwritable even for root: a folder that is a regular file, and a folder under /proc. */
TEST(input_bad_unwritable_folder)
{
    scratch s;
    CHECK(scratch_open(&s));
    const char *file = scratch_name(&s, 0, "plain-file");
    CHECK(write_bytes(file, "x", 1));
    const char *inside = scratch_name(&s, 1, "plain-file/conv1.npy");
    float v[4] = {1, 2, 3, 4};
    int shape[1] = {4};
    net_err e = {0};
    CHECK_EQ_INT(net_npy_save(inside, v, shape, 1, &e), NET_ERR_IO);
    CHECK(message_ok(&e, inside, "Not a directory"));
    CHECK_EQ_INT(net_npy_save("/proc/alexviz-dump/conv1.npy", v, shape, 1, &e), NET_ERR_IO);
    CHECK(message_ok(&e, "/proc/alexviz-dump/conv1.npy", NULL));
    CHECK_EQ_INT(net_write_atomic("/proc/alexviz-dump/trace.json", "{}", 2, &e), NET_ERR_IO);
    CHECK(message_ok(&e, "/proc/alexviz-dump/trace.json", NULL));

    /* The rename fails (the target is a folder): the temporary file must not stay behind. */
    const char *sub = scratch_name(&s, 2, "sub");
    CHECK(mkdir(sub, 0777) == 0);
    CHECK(write_bytes(scratch_name(&s, 3, "sub/keep"), "k", 1));
    CHECK_EQ_INT(net_write_atomic(sub, "data", 4, &e), NET_ERR_EXISTS);
    CHECK(message_ok(&e, sub, "a folder is there"));
    CHECK_EQ_INT(folder_entries(s.dir), 2); /* plain-file and sub, nothing else */
    CHECK_EQ_INT(net_npy_save(scratch_name(&s, 3, "x.npy"), v, shape, 0, &e), NET_ERR_ARG);
    scratch_close(&s);
}
