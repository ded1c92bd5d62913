/* test_window.c: the real window, driven by --play scripts, checked through its screenshots.
 *
 * Runs the program at $ALEXVIZ with SDL's dummy video driver, and under xvfb-run (a real X
 * server) when it is installed; the screenshots are checked at places computed with the same
 * layout functions the views use: the step-through's highlighted stage, the tower split, the
 * title, the message an unreadable photo leaves. Also: no display gives one line pointing to
 * trace and export, and a typo in a script is a usage error.
 */
#include "hostile.h"
#include "test.h"
#include "tmp.h"
#include "view_internal.h"
#include "views.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs a shell command; returns its exit status, stderr's text in err (may be NULL). */
static int run(const char *cmd, char *err, size_t err_len)
{
    char full[4096], path[512];
    snprintf(path, sizeof path, "%s/stderr-XXXXXX", test_tmpdir());
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    snprintf(full, sizeof full, "%s 2>%s", cmd, path);
    int st = system(full);
    if (err && err_len) {
        FILE *f = fopen(path, "r");
        size_t n = f ? fread(err, 1, err_len - 1, f) : 0;
        err[n] = 0;
        if (f)
            fclose(f);
    }
    remove(path);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const char *program(void)
{
    const char *p = getenv("ALEXVIZ");
    return p ? p : "./alexviz";
}

/* A temporary folder (dir, dir_len bytes) with a test card photo in it. */
static int make_photo(char *dir, size_t dir_len, char *png, size_t len)
{
    if (!test_mkdir("window", dir, dir_len))
        return 0;
    snprintf(png, len, "%s/card.png", dir);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 240);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.3, 0.5, 0.9);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 1, 0.85, 0.1);
    cairo_arc(cr, 100, 90, 40, 0, 6.3);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);
    cairo_rectangle(cr, 160, 120, 90, 80);
    cairo_fill(cr);
    cairo_destroy(cr);
    int ok = cairo_surface_write_to_png(s, png) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return ok;
}

static void clean(const char *dir)
{
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "    could not remove %s\n", dir);
}

static uint32_t px(cairo_surface_t *s, int x, int y)
{
    return ((const uint32_t *)(cairo_image_surface_get_data(s) +
                               (size_t)y * cairo_image_surface_get_stride(s)))[x] &
           0xffffff;
}

static int near_color(uint32_t a, vrgb c, int tol);

/* 1 when a pixel within 2 of (x, y) along the row has colour c: for lines a few pixels wide whose
 * edges are antialiased. */
static int line_at(cairo_surface_t *s, double x, int y, vrgb c, int tol)
{
    for (int i = (int)x - 2; i <= (int)x + 2; i++)
        if (i >= 0 && i < cairo_image_surface_get_width(s) && near_color(px(s, i, y), c, tol))
            return 1;
    return 0;
}

static int near_color(uint32_t a, vrgb c, int tol)
{
    int want[3] = {(int)lround(c.r * 255), (int)lround(c.g * 255), (int)lround(c.b * 255)};
    int got[3] = {(int)(a >> 16 & 255), (int)(a >> 8 & 255), (int)(a & 255)};
    for (int k = 0; k < 3; k++)
        if (abs(want[k] - got[k]) > tol)
            return 0;
    return 1;
}

/* The scene the program shows before any data: enough for the layout of the strip and grid. */
static int layout_scene(view_scene *sc)
{
    if (!view_scene_init(sc))
        return 0;
    net_config cfg;
    net_config_default(&cfg);
    net_table_build(&cfg, &sc->table, NULL);
    sc->input_size = cfg.input_size;
    return 1;
}

/* Checks a screenshot of `--step`, three steps, the grid: norm1 highlighted in the strip, the
 * towers split, the title drawn. */
static void check_step_shot(const char *png, int W, int H)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    CHECKF(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS, "%s does not decode", png);
    CHECK_EQ_INT(cairo_image_surface_get_width(s), W);
    CHECK_EQ_INT(cairo_image_surface_get_height(s), H);
    view_scene sc;
    CHECK(layout_scene(&sc));
    /* the state the screenshot was taken in: the layout's text (the status line, the scale's
     * notes) depends on it; norm1's values are not needed, only that there are some */
    static const unsigned char photo[3] = {0};
    static float values[96 * 55 * 55];
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        values[i] = (float)(i % 997) - 300;
    sc.done = 3;
    sc.photo = photo;
    sc.photo_name = "card.png";
    sc.untrained = 1;
    static const view_run stepping = {.step = 1, .running = 1, .paused = 1};
    sc.run = &stepping;
    for (int i = 0; i < 3; i++) {
        sc.out[i] = values;
        view_scene_update_stats(&sc, i);
    }
    view_state st;
    view_state_default(&st, &sc);
    st.kind = VIEW_GRID;
    st.stage = 2;
    st.ui = view_ui_size(W, H, 1);
    vpal pal;
    vpal_get(st.theme, &pal);
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &sc, &st);
    /* the strip: between the tabs and the body */
    int tabs_h = (int)round(1.9 * st.ui);
    view_rect strip = {0, tabs_h, W, body.y - tabs_h};
    vctx v;
    vctx_layout(&v, strip, &sc, &st);
    vpipe_layout p;
    vpipe_layout_make(&v, &p);
    CHECK(p.compact);
    view_rect b = p.block[3][0]; /* norm1 */
    uint32_t c = px(s, (int)b.x, (int)(b.y + b.h / 2));
    CHECKF(line_at(s, b.x, (int)(b.y + b.h / 2), pal.accent, 6),
           "norm1 in the strip: %06x, not the accent", c);
    b = p.block[5][0]; /* conv2: not computed */
    CHECKF(!line_at(s, b.x, (int)(b.y + b.h / 2), pal.accent, 40),
           "conv2 in the strip is highlighted");
    /* the towers' split line */
    vctx_layout(&v, body, &sc, &st);
    vgrid_layout g;
    vgrid_layout_make(&v, 2, &g);
    int sx = (int)((g.panel[0].x + g.panel[0].w + g.panel[1].x) / 2);
    c = px(s, sx, (int)(g.panel[0].y + g.panel[0].h / 2));
    CHECKF(near_color(c, pal.split, 3), "split line: %06x", c);
    /* the title "norm1 55×55×96": accent-coloured text in the title band */
    long accent = 0;
    for (int y = (int)body.y; y < (int)(body.y + g.title.h); y++)
        for (int x = 0; x < W / 4; x++)
            accent += near_color(px(s, x, y), pal.accent, 30);
    CHECKF(accent > 50, "the title band has %ld accent pixels", accent);
    /* the maps themselves: tower A's first map is not the background */
    long painted = 0;
    for (int y = 0; y < 20; y++)
        for (int x = 0; x < 20; x++)
            painted += !near_color(px(s, (int)g.ox[0] + x, (int)g.oy[0] + y), pal.bg, 6);
    CHECKF(painted > 100, "tower A's first map looks empty (%ld pixels)", painted);
    cairo_surface_destroy(s);
    view_scene_release(&sc);
}

static void window_case(const char *driver_prefix)
{
    char dir[512], png[1024], cmd[8192], err[4096], dht[1024];
    CHECK(make_photo(dir, sizeof dir, png, sizeof png));
    /* a JPEG that crashed stb_image (a Huffman table of 510 codes), dropped on the window */
    snprintf(dht, sizeof dht, "%s/dht.jpg", dir);
    CHECK(hostile_jpeg_dht(dht));
    /* the program's own exit status goes to DIR/rc: xvfb-run's can be its own (5 when it fails
     * to remove its temporary folder, which happens now and then) */
    snprintf(cmd, sizeof cmd,
             "%s sh -c '\"$0\" \"$@\"; echo $? > %s/rc' %s view '%s' --step --size 1280x720 "
             "--play 'shot:%s/start.png step step step view:grid shot:%s/norm1.png back "
             "viewshot:%s/view.png drop:%s/dht.jpg shot:%s/after-dht.png drop:%s/missing.png "
             "shot:%s/message.png quit' > /dev/null",
             driver_prefix, dir, program(), png, dir, dir, dir, dir, dir, dir, dir);
    run(cmd, err, sizeof err);
    char path[1024];
    snprintf(path, sizeof path, "%s/rc", dir);
    FILE *f = fopen(path, "r");
    int rc = -1;
    if (!f || fscanf(f, "%d", &rc) != 1)
        rc = -1;
    if (f)
        fclose(f);
    /* the unreadable photo is bad input: the window went on, and exits with status 1 */
    CHECKF(rc == 1, "exit %d: %s", rc, err);
    CHECKF(strstr(err, "missing.png"), "no message about missing.png on stderr: %s", err);
    CHECKF(strstr(err, "dht.jpg: corrupt JPEG"), "no message about dht.jpg on stderr: %s", err);
    snprintf(path, sizeof path, "%s/after-dht.png", dir);
    FILE *after = fopen(path, "rb");
    CHECKF(after != NULL, "the window did not stay up after the crafted JPEG");
    fclose(after);
    snprintf(path, sizeof path, "%s/norm1.png", dir);
    check_step_shot(path, 1280, 720);
    if (test_failed()) {
        clean(dir);
        return;
    }
    /* viewshot: the body alone */
    snprintf(path, sizeof path, "%s/view.png", dir);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    CHECK(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    CHECK_EQ_INT(cairo_image_surface_get_width(s), 1280);
    CHECK(cairo_image_surface_get_height(s) < 720);
    cairo_surface_destroy(s);
    /* the unreadable photo left a message over the view, framed in the accent colour */
    snprintf(path, sizeof path, "%s/message.png", dir);
    s = cairo_image_surface_create_from_png(path);
    CHECK(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    vpal pal;
    vpal_get(VIEW_THEME_DARK, &pal);
    long accent = 0;
    double u = view_ui_size(1280, 720, 1);
    int y0 = 720 - (int)(1.8 * u) - (int)(4.5 * u);
    for (int y = y0; y < 720 - (int)(1.8 * u); y++)
        for (int x = 100; x < 1180; x++)
            accent += near_color(px(s, x, y), pal.accent, 20);
    CHECKF(accent > 200, "no message box above the status line (%ld accent pixels)", accent);
    cairo_surface_destroy(s);
    clean(dir);
}

TEST(window_steps_and_shows_the_towers_dummy_driver) { window_case("SDL_VIDEODRIVER=dummy"); }

TEST(window_steps_and_shows_the_towers_under_xvfb)
{
    if (run("command -v xvfb-run > /dev/null", NULL, 0) != 0) {
        /* CI (.ci/run) must run it: there a missing xvfb-run is a failure, not a skip */
        CHECKF(!getenv("ALEXVIZ_REQUIRE_XVFB"),
               "xvfb-run is not installed, and ALEXVIZ_REQUIRE_XVFB says this run needs it");
        printf("    (xvfb-run is not installed: skipped; sh scripts/deps.sh test installs it)\n");
        return;
    }
    /* no leak report here (the dummy-driver case keeps it): the X11 extension libraries SDL
     * loads are unloaded at SDL_Quit and leave allocations LeakSanitizer cannot name */
    window_case("env -u SDL_VIDEODRIVER -u WAYLAND_DISPLAY ASAN_OPTIONS=detect_leaks=0 "
                "xvfb-run -a -s '-screen 0 1280x720x24'");
}

/* The status line describes the stage on screen (issue 9): before the first step nothing is
 * computed and → runs conv1; after ← it names the stage shown and where the pass waits; a new
 * photo and T keep the stage the lecturer was looking at (the photo's pass, in step-through,
 * runs as far as the last one had got). The `status` command prints what the window says. */
TEST(window_status_line_tells_the_truth_and_keeps_the_place)
{
    char dir[512], png[1024], cmd[8192], out[8192];
    CHECK(make_photo(dir, sizeof dir, png, sizeof png));
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=dummy %s view %s --step --size 1024x768 --play 'status step step "
             "step step back back status photo:%s status key:t wait status key:t status quit' "
             "> %s/out.txt",
             program(), png, png, dir);
    int rc = run(cmd, NULL, 0);
    CHECK_EQ_INT(rc, 0);
    char path[1024];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    FILE *f = fopen(path, "r");
    CHECK(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = 0;
    fclose(f);
    char *line[8] = {0};
    int k = 0;
    for (char *p = strtok(out, "\n"); p && k < 8; p = strtok(NULL, "\n"))
        line[k++] = p;
    CHECK_EQ_INT(k, 5);
    /* before the first step */
    CHECKF(strstr(line[0], "stage=conv1") && strstr(line[0], "nothing computed yet") &&
               strstr(line[0], "computes conv1"),
           "%s", line[0]);
    /* four steps (conv1 … pool1), two back: relu1 on screen, the pass waiting after pool1 */
    CHECKF(strstr(line[1], "stage=relu1") && strstr(line[1], "computed in this pass") &&
               strstr(line[1], "waits after pool1") && strstr(line[1], "shows norm1"),
           "%s", line[1]);
    /* a new photo: still relu1, and the new pass has run as far (to pool1) */
    CHECKF(strstr(line[2], "stage=relu1") && strstr(line[2], "waits after pool1"), "%s", line[2]);
    /* step-through off: the pass completes behind relu1; on again: still relu1 */
    CHECKF(strstr(line[3], "stage=relu1") && strstr(line[3], "the pass is complete") &&
               !strstr(line[3], "step-through"),
           "%s", line[3]);
    CHECKF(strstr(line[4], "stage=relu1") && strstr(line[4], "step-through"), "%s", line[4]);
    clean(dir);
}

/* `alexviz assets/nothere.png`: a missing photo, named with its reason, status 1 (it was
 * "unknown command", status 2). */
TEST(window_names_a_missing_photo)
{
    char cmd[1024], err[2048];
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=dummy %s /tmp/alexviz-nothere/nothere.png --size 640x480 "
             "--play 'quit' > /dev/null",
             program());
    int rc = run(cmd, err, sizeof err);
    CHECKF(rc == 1, "exit %d: %s", rc, err);
    CHECKF(strstr(err, "nothere.png") && strstr(err, "No such file") &&
               !strstr(err, "unknown command"),
           "%s", err);
    snprintf(cmd, sizeof cmd, "%s trase", program());
    CHECK_EQ_INT(run(cmd, err, sizeof err), 2);
    CHECK(strstr(err, "unknown command 'trase'"));
}

TEST(window_without_a_display_says_so_in_one_line)
{
    char cmd[1024], err[2048];
    snprintf(cmd, sizeof cmd,
             "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER %s view > /dev/null", program());
    int rc = run(cmd, err, sizeof err);
    CHECKF(rc == 1, "exit %d", rc);
    CHECK(strstr(err, "no display") && strstr(err, "trace") && strstr(err, "export"));
    CHECKF(strchr(err, '\n') == err + strlen(err) - 1, "more than one line: %s", err);
}

/* Weights the loader refuses: one line naming the file on stderr, status 1, no crash. (Without
 * a script the window stays up with the message; a script cannot go on without a net.) */
TEST(window_refuses_a_bad_weights_file_in_one_line)
{
    char dir[512], path[1024], cmd[2048], err[2048];
    CHECK(test_mkdir("window", dir, sizeof dir));
    snprintf(path, sizeof path, "%s/notes.onnx", dir);
    FILE *f = fopen(path, "w");
    CHECK(f);
    fputs("these are lecture notes, not a model\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=dummy %s view --weights %s --size 640x480 --play 'step quit'",
             program(), path);
    int rc = run(cmd, err, sizeof err);
    CHECKF(rc == 1, "exit %d: %s", rc, err);
    CHECKF(strstr(err, "notes.onnx: not an ONNX model") &&
               strchr(err, '\n') == err + strlen(err) - 1,
           "%s", err);
    clean(dir);
}

TEST(window_script_typos_are_usage_errors)
{
    char cmd[1024], err[2048];
    snprintf(cmd, sizeof cmd, "SDL_VIDEODRIVER=dummy %s view --play 'step stpe quit'", program());
    int rc = run(cmd, err, sizeof err);
    CHECK_EQ_INT(rc, 2);
    CHECK(strstr(err, "stpe"));
    snprintf(cmd, sizeof cmd, "SDL_VIDEODRIVER=dummy %s view --view nowhere", program());
    CHECK_EQ_INT(run(cmd, err, sizeof err), 2);
    CHECK(strstr(err, "nowhere"));
}

/* The lesson's dropout and ten-patch pages in the real window: O makes the pass drop (the page's
 * strips show grey holes), the ten-patch page runs its passes when it opens and the window
 * carries on (the pass is back: the status line says complete). */
TEST(window_lesson_drops_and_runs_the_ten_patches)
{
    char dir[512], png[1024], cmd[8192], out[4096];
    CHECK(make_photo(dir, sizeof dir, png, sizeof png));
    snprintf(cmd, sizeof cmd,
             "SDL_VIDEODRIVER=dummy %s view %s --size 1024x768 --play 'key:o lesson:dropout wait "
             "viewshot:%s/d.png lesson:tencrop wait sleep:200 wait viewshot:%s/t.png status quit' "
             "> %s/out.txt",
             program(), png, dir, dir, dir);
    CHECK_EQ_INT(run(cmd, NULL, 0), 0);
    char path[1024];
    snprintf(path, sizeof path, "%s/d.png", dir);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    long grey = 0;
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(s);
        int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        int stride = cairo_image_surface_get_stride(s);
        const unsigned char *px = cairo_image_surface_get_data(s);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                grey += (((const uint32_t *)(const void *)(px + (size_t)y * stride))[x] &
                         0xFFFFFF) == (VMAP_NO_VALUE & 0xFFFFFF);
    }
    cairo_surface_destroy(s);
    CHECKF(grey > 1000, "the dropout page shows %ld grey (dropped) pixels", grey);
    snprintf(path, sizeof path, "%s/t.png", dir);
    s = cairo_image_surface_create_from_png(path);
    CHECK(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    snprintf(path, sizeof path, "%s/out.txt", dir);
    FILE *f = fopen(path, "r");
    CHECK(f);
    size_t n = f ? fread(out, 1, sizeof out - 1, f) : 0;
    out[n] = 0;
    if (f)
        fclose(f);
    CHECKF(strstr(out, "view=lesson") && strstr(out, "the pass is complete"), "%s", out);
    clean(dir);
}
