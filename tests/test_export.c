/* test_export.c: `alexviz export` as a teacher runs it: every file there and decodable, the
 * stage pictures identical to the window's views drawn here in the test, known regions of them
 * (the tower split, the title, the colour scale), per-channel PNGs that are exact, the handout's
 * page count, determinism, and every refusal as one line, a non-zero exit and nothing half
 * written. The program runs from $ALEXVIZ, offscreen: no display is needed.
 */
#include "alexnet.h"
#include "cli.h"
#include "handout.h"
#include "png_encode.h"
#include "run.h"
#include "test.h"
#include "tmp.h"
#include "view_internal.h"

#include <cairo.h>
#include <gif_lib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The flags every export here uses: a smaller size than the default to stay quick, one thread so
 * the test's own forward pass gives the same bits, English, and the seeded weights even where
 * `make weights` has fetched the trained ones. */
#define EX_W 1280
#define EX_H 720
#define EX_FLAGS "--size 1280x720 --threads 1 --lang en --weights default"

/* Reads a whole file; NULL when it cannot. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        if (len)
            *len = (size_t)n;
    }
    return buf;
}

/* Where needle (n bytes) first occurs in hay (len bytes), or NULL. */
static const char *find_bytes(const char *hay, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(hay + i, needle, n))
            return hay + i;
    return NULL;
}

static int exists(const char *path)
{
    struct stat sb;
    return !lstat(path, &sb);
}

/* Files in dir (recursively), counting temporary ones (".…tmp") separately. */
static int count_files(const char *dir, int *temps)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "find %s -type f | wc -l; find %s -name '.*.tmp' | wc -l", dir, dir);
    FILE *p = popen(cmd, "r");
    int n = -1, t = -1;
    if (p) {
        if (fscanf(p, "%d %d", &n, &t) != 2)
            n = t = -1;
        pclose(p);
    }
    if (temps)
        *temps = t;
    return n;
}

/* ---------------------------------------------------------------- the shared export */

/* One export of chelsea.png, made by the first test that needs it. */
static char main_dir[512];
static int main_rc = -1;

static const char *main_export(void)
{
    if (main_rc < 0) {
        if (!test_mkdir("export", main_dir, sizeof main_dir))
            return NULL;
        char args[1024], *out, *err;
        snprintf(args, sizeof args, "export assets/chelsea.png -o %s/out " EX_FLAGS, main_dir);
        main_rc = run_alexviz(args, &out, &err);
        if (main_rc)
            fprintf(stderr, "    export failed (%d): %s", main_rc, err);
        free(out), free(err);
    }
    return main_rc == 0 ? main_dir : NULL;
}

/* The same network and photo in this process, and a scene over them, as the window has it. */
typedef struct {
    net *n;
    net_input in;
    view_scene sc;
} test_scene;

static int scene_make(test_scene *t)
{
    memset(t, 0, sizeof *t);
    net_config cfg;
    net_config_default(&cfg);
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_set_threads(1);
    if (net_create(&t->n, &cfg, NULL) != NET_OK || net_seed_weights(t->n, 1) != NET_OK ||
        net_input_load(&t->in, "assets/chelsea.png", 227, &pp, NULL) != NET_OK ||
        net_forward(t->n, t->in.data, NULL, NULL, NULL) != NET_OK)
        return 0;
    if (!view_scene_init(&t->sc))
        return 0;
    view_scene_from_net(&t->sc, t->n, t->in.rgb, t->in.data, "chelsea.png", 1);
    view_scene_set_run(&t->sc, &cfg, &pp, NULL, 1); /* as the export command does */
    t->sc.class_name = cli_class_name;
    return 1;
}

static void scene_free(test_scene *t)
{
    view_scene_release(&t->sc);
    net_input_free(&t->in);
    net_free(t->n);
    net_set_threads(2);
}

/* The window's state for a stage grid at the export's size. */
static void grid_state(view_state *st, const view_scene *sc, int stage)
{
    view_state_default(st, sc);
    st->kind = VIEW_GRID;
    st->stage = stage;
    st->theme = VIEW_THEME_LIGHT;
    st->lang = TEXT_EN;
    st->ui = view_ui_size(EX_W, EX_H, 1);
    st->print = 1; /* export's PNGs are slides: no key hints */
}

static uint32_t px(cairo_surface_t *s, int x, int y)
{
    const unsigned char *d = cairo_image_surface_get_data(s);
    return ((const uint32_t *)(d + (size_t)y * cairo_image_surface_get_stride(s)))[x] & 0xffffff;
}

static uint32_t rgb_of(vrgb c)
{
    return (uint32_t)lround(c.r * 255) << 16 | (uint32_t)lround(c.g * 255) << 8 |
           (uint32_t)lround(c.b * 255);
}

/* ---------------------------------------------------------------- tests */

TEST(export_png_encoder_round_trips_through_cairo)
{
    static const int sizes[][2] = {{1, 1}, {3, 5}, {257, 33}, {640, 480}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        unsigned char *d = cairo_image_surface_get_data(s);
        int stride = cairo_image_surface_get_stride(s);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                /* noise in half the image, each row twice (the encoder's "up" rows), flat
                 * colour in the rest */
                uint32_t v = (uint32_t)x * 2654435761u ^ (uint32_t)(y / 2) * 2246822519u;
                v ^= v >> 13;
                v *= 3266489917u;
                ((uint32_t *)(d + (size_t)y * stride))[x] = x < w / 2 ? v >> 8 : 0x336699;
            }
        cairo_surface_mark_dirty(s);
        unsigned char *png;
        size_t len;
        CHECK(png_encode_rgb(d, w, h, stride, &png, &len));
        char path[512];
        snprintf(path, sizeof path, "%s/png-XXXXXX", test_tmpdir());
        int fd = mkstemp(path);
        CHECK(fd >= 0);
        CHECK(write(fd, png, len) == (ssize_t)len);
        close(fd);
        free(png);
        cairo_surface_t *back = cairo_image_surface_create_from_png(path);
        unlink(path);
        CHECK_EQ_INT(cairo_surface_status(back), CAIRO_STATUS_SUCCESS);
        CHECK_EQ_INT(cairo_image_surface_get_width(back), w);
        CHECK_EQ_INT(cairo_image_surface_get_height(back), h);
        int same = 1;
        for (int y = 0; y < h && same; y++)
            for (int x = 0; x < w && same; x++)
                same = px(back, x, y) == px(s, x, y);
        cairo_surface_destroy(back);
        cairo_surface_destroy(s);
        CHECKF(same, "%d×%d: decoded pixels differ", w, h);
    }
}

TEST(export_writes_every_file_and_they_decode)
{
    const char *dir = main_export();
    CHECK(dir);
    static const char *stages[] = {"01-conv1",
                                   "02-relu1",
                                   "03-norm1",
                                   "04-pool1",
                                   "05-conv2",
                                   "06-relu2",
                                   "07-norm2",
                                   "08-pool2",
                                   "09-conv3",
                                   "10-relu3",
                                   "11-conv4",
                                   "12-relu4",
                                   "13-conv5",
                                   "14-relu5",
                                   "15-pool5",
                                   "16-fc6",
                                   "17-relu6",
                                   "18-drop6",
                                   "19-fc7",
                                   "20-relu7",
                                   "21-drop7",
                                   "22-fc8",
                                   "23-prob",
                                   "pipeline",
                                   "filters",
                                   "lrn-norm1",
                                   "lrn-norm2",
                                   "predictions",
                                   "compute-conv1",
                                   "compute-pool1",
                                   "compute-conv2",
                                   "compute-conv3",
                                   "compute-conv4",
                                   "compute-conv5",
                                   "compute-fc6",
                                   "playground-conv1-227",
                                   "playground-conv1-224",
                                   "playground-pool1",
                                   "playground-conv2",
                                   "playground-LeNet-5-C1",
                                   "playground-small"};
    char path[1200];
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        snprintf(path, sizeof path, "%s/out/chelsea/%s.png", dir, stages[i]);
        cairo_surface_t *s = cairo_image_surface_create_from_png(path);
        int ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
                 cairo_image_surface_get_width(s) == EX_W &&
                 cairo_image_surface_get_height(s) == EX_H;
        cairo_surface_destroy(s);
        CHECKF(ok, "%s does not decode as a %d×%d PNG", path, EX_W, EX_H);
    }
    int temps;
    /* 45 PNGs, 2 animations, the handout and the manifest; nothing else, no temporary files */
    CHECK_EQ_INT(count_files(dir, &temps), 49);
    CHECK_EQ_INT(temps, 0);

    size_t len;
    snprintf(path, sizeof path, "%s/out/chelsea/handout.pdf", dir);
    char *pdf = slurp(path, &len);
    CHECK(pdf);
    int pages = 0;
    for (const char *p = pdf; (p = find_bytes(p, len - (size_t)(p - pdf), "/Type /Page", 11));
         p += 11)
        pages += p[11] != 's';
    int ok = len > 1000 && !memcmp(pdf, "%PDF-", 5) && find_bytes(pdf, len, "%%EOF", 5) &&
             !find_bytes(pdf, len, "/CreationDate", 13);
    free(pdf);
    CHECK(ok);
    /* cover, LeNet-5, 23 stages, filters, 2 LRN, 7 units worked out, table, layers, training,
     * dropout, ten patches */
    CHECK_EQ_INT(pages, 40);

    /* the manifest lists every other file with its stage, shape and statistics */
    snprintf(path, sizeof path, "%s/out/chelsea/manifest.json", dir);
    char *json = slurp(path, NULL);
    CHECK(json);
    int entries = 0;
    for (const char *p = json; (p = strstr(p, "\"path\": ")); p++)
        entries++;
    ok = entries == 48 &&
         strstr(json, "\"path\": \"01-conv1.png\", \"kind\": \"stage\", "
                      "\"stage\": \"conv1\", \"shape\": [96, 55, 55]") &&
         strstr(json, "\"path\": \"handout.pdf\", \"kind\": \"handout\"") &&
         strstr(json, "\"pages\": 40") && strstr(json, "\"untrained\": true") &&
         strstr(json, "\"path\": \"slide-conv1.gif\", \"kind\": \"animation\", "
                      "\"stage\": \"conv1\", \"frames\": 55") &&
         strstr(json, "\"kind\": \"playground\", \"stage\": null, \"preset\": \"conv1 224\"") &&
         strstr(json, "\"path\": \"lesson-lenet.png\", \"kind\": \"lesson\", \"stage\": null, "
                      "\"page\": \"lenet\"") &&
         strstr(json, "\"palette\": \"screen\"") && strstr(json, "\"stats\": {\"min\": ");
    free(json);
    CHECK(ok);
}

/* The stage PNG is the window's stage grid, pixel for pixel. */
TEST(export_stage_png_is_the_window_view)
{
    const char *dir = main_export();
    CHECK(dir);
    test_scene t;
    CHECK(scene_make(&t));
    static const char *files[] = {"01-conv1", "05-conv2", "15-pool5", "16-fc6", "23-prob"};
    static const int index[] = {0, 4, 14, 15, 22};
    int ok = 1;
    for (size_t k = 0; k < sizeof files / sizeof files[0] && ok; k++) {
        cairo_surface_t *mine = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, EX_W, EX_H);
        cairo_t *cr = cairo_create(mine);
        view_state st;
        grid_state(&st, &t.sc, index[k]);
        view_draw_grid(cr, (view_rect){0, 0, EX_W, EX_H}, &t.sc, &st);
        cairo_destroy(cr);
        cairo_surface_flush(mine);
        char path[1200];
        snprintf(path, sizeof path, "%s/out/chelsea/%s.png", dir, files[k]);
        cairo_surface_t *png = cairo_image_surface_create_from_png(path);
        long diff = 0;
        int fx = -1, fy = -1;
        if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
            diff = -1;
        } else {
            for (int y = 0; y < EX_H; y++)
                for (int x = 0; x < EX_W; x++)
                    if (px(png, x, y) != px(mine, x, y)) {
                        if (!diff++)
                            fx = x, fy = y;
                    }
        }
        if (diff)
            fprintf(stderr, "    %s: %ld pixels differ from the view, first at (%d, %d)\n", path,
                    diff, fx, fy);
        ok = diff == 0;
        cairo_surface_destroy(png);
        cairo_surface_destroy(mine);
    }
    scene_free(&t);
    CHECK(ok);
}

/* --paper letter gives US Letter pages; --palette print reaches the PNGs and the manifest;
 * the PDF takes print's palette by default, the PNGs the window's. */
TEST(export_paper_and_palette)
{
    char dir[512], args[1024], path[1200], *out, *err;
    CHECK(test_mkdir("export", dir, sizeof dir));
    snprintf(args, sizeof args,
             "export assets/chelsea.png -o %s/out --stages conv1 --paper letter --palette print "
             "--weights default",
             dir);
    int rc = run_alexviz(args, &out, &err);
    CHECKF(rc == 0, "%d: %s", rc, err);
    free(out), free(err);
    size_t len;
    snprintf(path, sizeof path, "%s/out/chelsea/handout.pdf", dir);
    char *pdf = slurp(path, &len);
    CHECK(pdf);
    int letter = find_bytes(pdf, len, "/MediaBox [ 0 0 612 792 ]", 25) != NULL;
    free(pdf);
    CHECK(letter);
    snprintf(path, sizeof path, "%s/out/chelsea/manifest.json", dir);
    char *json = slurp(path, NULL);
    CHECK(json);
    int print = strstr(json, "\"palette\": \"print\"") && strstr(json, "dark blue");
    free(json);
    CHECK(print);
    snprintf(args, sizeof args, "export assets/chelsea.png -o %s/x --paper a5", dir);
    rc = run_alexviz(args, &out, &err);
    CHECKF(rc == 2 && strstr(err, "--paper: 'a5' is not a4 or letter"), "%d: %s", rc, err);
    free(out), free(err);
    snprintf(args, sizeof args, "rm -rf %s", dir);
    CHECK(system(args) == 0);
}

/* Regions a teacher relies on: the bar between the towers, the title, the colour scale. */
TEST(export_stage_png_has_split_title_and_scale)
{
    const char *dir = main_export();
    CHECK(dir);
    char path[1200];
    snprintf(path, sizeof path, "%s/out/chelsea/05-conv2.png", dir);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    CHECK_EQ_INT(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    vpal pal;
    vpal_get(VIEW_THEME_LIGHT, &pal);
    uint32_t bg = rgb_of(pal.bg), split = rgb_of(pal.split);
    double u = view_ui_size(EX_W, EX_H, 1);

    /* the split: a solid vertical bar of the split colour near the middle, most of the height */
    int bar_x = -1;
    for (int x = EX_W / 2 - (int)(2 * u); x < EX_W / 2 + (int)(2 * u) && bar_x < 0; x++)
        if (px(s, x, EX_H / 2) == split)
            bar_x = x;
    int run = 0;
    for (int y = (int)(3 * u); bar_x >= 0 && y < EX_H - (int)(2.5 * u); y++)
        run += px(s, bar_x, y) == split;
    /* the title band (name, shape, arithmetic) holds text: pixels that are not background */
    long ink = 0;
    for (int y = 0; y < (int)(2.9 * u); y++)
        for (int x = 0; x < EX_W / 3; x++)
            ink += px(s, x, y) != bg;
    /* the colour scale: a band of many distinct colours along one row near the bottom */
    int colours = 0;
    uint32_t last = 0xffffffff;
    int row = EX_H - (int)(2.2 * u) + (int)(0.6 * u);
    for (int x = 0; x < EX_W / 2; x++) {
        uint32_t c = px(s, x, row);
        colours += c != last && c != bg;
        last = c;
    }
    /* maps on both sides of the split */
    long left = 0, right = 0;
    for (int y = (int)(5 * u); y < EX_H - (int)(3 * u); y += 3)
        for (int x = 0; x < EX_W / 2 - (int)u; x += 3) {
            left += px(s, x, y) != bg;
            right += px(s, EX_W - 1 - x, y) != bg;
        }
    cairo_surface_destroy(s);
    CHECKF(bar_x >= 0 && run > EX_H / 2, "no tower split bar (x %d, run %d)", bar_x, run);
    CHECKF(ink > 500, "title band is empty (%ld pixels of ink)", ink);
    CHECKF(colours > 40, "no colour scale on row %d (%d colours)", row, colours);
    CHECKF(left > 5000 && right > 5000, "maps missing: %ld left, %ld right", left, right);
}

/* --channels: one exact PNG per channel of each chosen map stage, in the grid's colours. */
TEST(export_channels_are_pixel_exact)
{
    char dir[512], args[1200], path[1200];
    CHECK(test_mkdir("export-ch", dir, sizeof dir));
    char *out, *err;
    snprintf(
        args, sizeof args,
        "export assets/chelsea.png -o %s --channels --scale 3 --stages conv1,pool5,fc6 " EX_FLAGS,
        dir);
    int rc = run_alexviz(args, &out, &err);
    if (rc)
        fprintf(stderr, "    %s", err);
    free(out), free(err);
    CHECK_EQ_INT(rc, 0);
    /* 96 + 256 channels (fc6 is a vector: no channel files), 3 stage PNGs, pipeline, filters,
     * predictions, handout, manifest; conv1's and fc6's units, the 6 playgrounds, conv1's
     * animation, the 4 lesson pages */
    CHECK_EQ_INT(count_files(dir, NULL), 96 + 256 + 3 + 5 + 2 + 6 + 1 + 4);
    snprintf(path, sizeof path, "%s/chelsea/fc6", dir);
    CHECK(!exists(path));

    test_scene t;
    CHECK(scene_make(&t));
    view_state st;
    grid_state(&st, &t.sc, 14);
    view_colours vc;
    CHECK(view_stage_colours(&t.sc, &st, 14, &vc));
    int ok = !vc.diverging && vc.hi > 0;
    for (int c = 0; c < 256 && ok; c += 51) {
        snprintf(path, sizeof path, "%s/chelsea/pool5/c%03d.png", dir, c);
        cairo_surface_t *s = cairo_image_surface_create_from_png(path);
        ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
             cairo_image_surface_get_width(s) == 18 && cairo_image_surface_get_height(s) == 18;
        const float *plane = t.sc.out[14] + (size_t)c * 36;
        /* each unit a 3×3 square of exactly its colour on the stage's scale */
        for (int y = 0; ok && y < 18; y++)
            for (int x = 0; ok && x < 18; x++) {
                float v = plane[(y / 3) * 6 + x / 3];
                float q = (v - vc.lo) * (255.0f / (vc.hi - vc.lo)) + 0.5f;
                int idx = q <= 0 ? 0 : q >= 255 ? 255 : (int)q;
                uint32_t want = vmap_color(VMAP_SEQ, idx / 255.0) & 0xffffff;
                ok = px(s, x, y) == want;
                if (!ok)
                    fprintf(stderr, "    %s (%d, %d): %06x, want %06x\n", path, x, y, px(s, x, y),
                            want);
            }
        cairo_surface_destroy(s);
    }
    snprintf(path, sizeof path, "%s/chelsea/conv1/c095.png", dir);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
         cairo_image_surface_get_width(s) == 165;
    cairo_surface_destroy(s);
    snprintf(path, sizeof path, "%s/chelsea/manifest.json", dir);
    char *json = slurp(path, NULL);
    ok = ok && json &&
         strstr(json, "{\"path\": \"pool5/c255.png\", \"kind\": \"channel\", \"stage\": "
                      "\"pool5\", \"channel\": 255, \"tower\": \"B\", \"shape\": [6, 6], "
                      "\"width\": 18, \"height\": 18");
    free(json);
    scene_free(&t);
    CHECK(ok);
    snprintf(args, sizeof args, "rm -rf %s", dir);
    CHECK_EQ_INT(system(args), 0);
}

/* An existing file is kept unless --force, which writes the same bytes again: the same input
 * and flags give the same output. */
TEST(export_is_deterministic_and_refuses_to_overwrite)
{
    char dir[512], args[1200], a[600], b[1300];
    CHECK(test_mkdir("export-re", dir, sizeof dir));
    char *out, *err;
    snprintf(args, sizeof args,
             "export assets/coffee.jpg -o %s --stages pool5,fc8 --lang ko "
             "--size 640x360 --threads 1 --weights default",
             dir);
    CHECK_EQ_INT(run_alexviz(args, &out, &err), 0);
    free(out), free(err);
    snprintf(b, sizeof b, "cp -r %s/coffee %s/first", dir, dir);
    CHECK_EQ_INT(system(b), 0);

    /* again into the same folder: refused before anything is written */
    snprintf(a, sizeof a, "%s/coffee/handout.pdf", dir);
    FILE *f = fopen(a, "r+b");
    CHECK(f);
    fputs("%PDF-edited", f); /* a mark, to see whether the file gets replaced */
    fclose(f);
    int rc = run_alexviz(args, &out, &err);
    /* said in Korean, as --lang ko asks: "… 이미 있습니다 … (--force를 주면 바꿉니다)" */
    int ok =
        rc == 1 && count_lines(err) == 1 && strstr(err, "이미 있습니다") && strstr(err, "--force");
    if (!ok)
        fprintf(stderr, "    rc %d: %s", rc, err);
    free(out), free(err);
    CHECK(ok);
    char *after = slurp(a, NULL);
    ok = after && !memcmp(after, "%PDF-edited", 11);
    free(after);
    CHECKF(ok, "the refused export changed %s", a);

    /* with --force every file is replaced, by the same bytes as the first time */
    snprintf(b, sizeof b, "%s --force", args);
    CHECK_EQ_INT(run_alexviz(b, &out, &err), 0);
    free(out), free(err);
    snprintf(b, sizeof b, "diff -r %s/first %s/coffee >/dev/null", dir, dir);
    CHECKF(system(b) == 0, "the same photo with the same flags gave other bytes");

    /* a failure half-way (the handout's name is taken by a folder): one line, non-zero, and
     * no temporary file left behind */
    snprintf(b, sizeof b, "rm %s && mkdir %s", a, a);
    CHECK_EQ_INT(system(b), 0);
    snprintf(b, sizeof b, "%s --force", args);
    rc = run_alexviz(b, &out, &err);
    ok = rc == 1 && count_lines(err) == 1 && strstr(err, "handout.pdf");
    if (!ok)
        fprintf(stderr, "    rc %d: %s", rc, err);
    free(out), free(err);
    CHECK(ok);
    int temps;
    count_files(dir, &temps);
    CHECK_EQ_INT(temps, 0);
    snprintf(args, sizeof args, "rm -rf %s", dir);
    CHECK_EQ_INT(system(args), 0);
}

/* Trained weights bring their own geometry: the narrow ONNX test model runs LRN after pooling
 * at 224, so norm1 is stage 4 and its maps are 27×27; the files follow the net, not the flags. */
TEST(export_follows_the_geometry_of_onnx_weights)
{
    char dir[512], args[1200], path[1200];
    CHECK(test_mkdir("export-onnx", dir, sizeof dir));
    char *out, *err;
    snprintf(args, sizeof args,
             "export assets/chelsea.png -o %s --weights tests/data/onnx/alexnet_narrow.onnx "
             "--stages norm1 --channels --size 640x360 --threads 1",
             dir);
    int rc = run_alexviz(args, &out, &err);
    if (rc)
        fprintf(stderr, "    %s", err);
    free(out), free(err);
    CHECK_EQ_INT(rc, 0);
    snprintf(path, sizeof path, "%s/chelsea/manifest.json", dir);
    char *json = slurp(path, NULL);
    int ok =
        json &&
        strstr(json, "\"path\": \"04-norm1.png\", \"kind\": \"stage\", \"stage\": \"norm1\"") &&
        strstr(json, "\"path\": \"lrn-norm1.png\"") &&
        strstr(json, "\"weights\": \"tests/data/onnx/alexnet_narrow.onnx\"") &&
        strstr(json, "\"untrained\": false") && strstr(json, "\"input_size\": 224") &&
        strstr(json, "\"kind\": \"channel\", \"stage\": \"norm1\", \"channel\": 0, "
                     "\"tower\": \"A\", \"shape\": [27, 27]");
    if (!ok)
        fprintf(stderr, "    %s\n", json ? json : "(no manifest)");
    free(json);
    CHECK(ok);
    snprintf(args, sizeof args, "rm -rf %s", dir);
    CHECK_EQ_INT(system(args), 0);
}

/* Each bad input: exit 1 or 2, one line on stderr naming the culprit, nothing written. */
TEST(export_bad_inputs_give_one_line_and_write_nothing)
{
    char dir[512], file[600];
    CHECK(test_mkdir("export-bad", dir, sizeof dir));
    snprintf(file, sizeof file, "%s/file", dir);
    FILE *f = fopen(file, "w");
    CHECK(f);
    fclose(f);
    struct {
        char args[1400];
        const char *needle;
        int rc;
    } cases[] = {
        {"", "file/out", 1},    /* a folder under a regular file */
        {"", "missing.jpg", 1}, /* no such photo */
        {"", "--bogus", 2},     /* unknown flag */
        {"", "--scale", 2},     /* --scale 0 */
        {"", "conv9", 2},       /* no such stage */
        {"", "-o DIR", 2},      /* no output folder */
        {"", "--size", 2},      /* a slide of 10×10 */
        {"", "--channels", 2},  /* --scale without --channels */
    };
    snprintf(cases[0].args, sizeof cases[0].args, "export assets/chelsea.png -o %s/out", file);
    snprintf(cases[1].args, sizeof cases[1].args,
             "export assets/chelsea.png %s/missing.jpg -o %s/out", dir, dir);
    snprintf(cases[2].args, sizeof cases[2].args, "export assets/chelsea.png -o %s/out --bogus",
             dir);
    snprintf(cases[3].args, sizeof cases[3].args,
             "export assets/chelsea.png -o %s/out --channels --scale 0", dir);
    snprintf(cases[4].args, sizeof cases[4].args,
             "export assets/chelsea.png -o %s/out --stages conv1,conv9", dir);
    snprintf(cases[5].args, sizeof cases[5].args, "export assets/chelsea.png");
    snprintf(cases[6].args, sizeof cases[6].args,
             "export assets/chelsea.png -o %s/out --size 10x10", dir);
    snprintf(cases[7].args, sizeof cases[7].args, "export assets/chelsea.png -o %s/out --scale 4",
             dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out, *err;
        int rc = run_alexviz(cases[i].args, &out, &err);
        int ok = rc == cases[i].rc && count_lines(err) == 1 && strstr(err, cases[i].needle);
        if (!ok)
            fprintf(stderr, "    `alexviz %s`: rc %d, stderr: %s", cases[i].args, rc, err);
        free(out), free(err);
        CHECK(ok);
    }
    /* only the regular file is there: no folder, no partial file */
    CHECK_EQ_INT(count_files(dir, NULL), 1);
    char path[700];
    snprintf(path, sizeof path, "%s/out", dir);
    CHECK(!exists(path));
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_EQ_INT(system(cmd), 0);
}

TEST(export_help_lists_the_files)
{
    char *out, *err;
    int rc = run_alexviz("export --help", &out, &err);
    int ok = rc == 0 && strstr(out, "usage: alexviz export") && strstr(out, "handout.pdf") &&
             strstr(out, "--channels") && strstr(out, "--force");
    free(out), free(err);
    CHECK(ok);
}

/* The animations decode (giflib) as 800×450 loops of one frame per position of the first row:
 * 55 for conv1 at 227, 27 for pool1. */
TEST(export_animations_decode_frame_by_frame)
{
    const char *dir = main_export();
    CHECK(dir);
    static const struct {
        const char *file;
        int frames;
    } gifs[] = {{"slide-conv1.gif", 55}, {"slide-pool1.gif", 27}};
    for (size_t i = 0; i < sizeof gifs / sizeof gifs[0]; i++) {
        char path[1200];
        snprintf(path, sizeof path, "%s/out/chelsea/%s", dir, gifs[i].file);
        int err = 0;
        GifFileType *g = DGifOpenFileName(path, &err);
        CHECKF(g, "%s: %s", path, GifErrorString(err));
        int ok = DGifSlurp(g) == GIF_OK;
        int w = g->SWidth, h = g->SHeight, n = g->ImageCount;
        DGifCloseFile(g, &err);
        CHECKF(ok && w == 800 && h == 450 && n == gifs[i].frames,
               "%s: %d×%d, %d frames (decoded: %d)", gifs[i].file, w, h, n, ok);
    }
}
