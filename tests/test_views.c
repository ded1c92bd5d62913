/* test_views.c: the views drawn offscreen, checked pixel by pixel in known places. (The text
 * table, the LRN lab, the --play parser and the worker have files of their own.)
 *
 * The views are drawn from a real net (seeded weights, one pass on a generated photo) built
 * once for all tests here. Positions come from the same layout functions the views use
 * (view_internal.h), so the checks follow the layout when it changes.
 */
#include "fixture.h"
#include "play.h"
#include "test.h"
#include "tmp.h"
#include "view_internal.h"
#include "views.h"

#include <cairo-pdf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- pixels */

TEST(grid_shows_both_towers_a_split_a_title_and_a_scale)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    view_state st;
    state_for(&st, &f->sc, VIEW_GRID, "conv1", W, H);
    cairo_surface_t *s = render_screen(&f->sc, &st, W, H);
    vpal pal;
    vpal_get(st.theme, &pal);
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &f->sc, &st);
    vctx v;
    vctx_layout(&v, body, &f->sc, &st);
    vgrid_layout g;
    vgrid_layout_make(&v, st.stage, &g);
    CHECK(g.ok && g.towers == 2);
    CHECK_EQ_INT(g.n[0], 48);
    CHECK_EQ_INT(g.c0[1], 48);
    /* the split line, halfway between the panels */
    int sx = (int)((g.panel[0].x + g.panel[0].w + g.panel[1].x) / 2);
    int sy = (int)(g.panel[0].y + g.panel[0].h / 2);
    CHECKF(color_dist(pixel(s, sx, sy), rgb_of(pal.split)) <= 2, "split line at (%d,%d) is %06x",
           sx, sy, pixel(s, sx, sy));
    /* the title band has text */
    CHECK(count_not(s, (int)body.x, (int)body.y, (int)(body.w / 3), (int)g.title.h,
                    rgb_of(pal.bg)) > 300);
    /* the maps of both towers are drawn: coloured pixels in each panel */
    for (int t = 0; t < 2; t++) {
        int w = (int)(g.cols[t] * g.cell_w * g.s), h = (int)(g.rows[t] * g.cell_h * g.s);
        CHECKF(count_not(s, (int)g.ox[t], (int)g.oy[t], w, h, rgb_of(pal.bg)) > w * h / 50,
               "tower %d's maps look empty", t);
    }
    /* the colour scale starts with the diverging map's first colour (conv1 is signed) */
    int bx = (int)(g.scale.x + 0.6 * st.ui + 2), by = (int)(g.scale.y + 0.3 * st.ui + 3);
    CHECKF(color_dist(pixel(s, bx, by), vmap_color(VMAP_DIV, 0) & 0xffffff) <= 12,
           "colour scale at (%d,%d) is %06x", bx, by, pixel(s, bx, by));
    cairo_surface_destroy(s);
}

TEST(pipeline_highlights_the_current_stage)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    view_state st;
    state_for(&st, &f->sc, VIEW_PIPELINE, "norm1", W, H);
    view_scene sc = f->sc;
    sc.done = 5; /* conv1 … conv2 computed, relu2 on not */
    cairo_surface_t *s = render_screen(&sc, &st, W, H);
    vpal pal;
    vpal_get(st.theme, &pal);
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &sc, &st);
    vctx v;
    vctx_layout(&v, body, &sc, &st);
    vpipe_layout p;
    vpipe_layout_make(&v, &p);
    CHECK(!p.compact);
    /* the border of norm1 (item 3) is the accent colour in both lanes */
    for (int lane = 0; lane < 2; lane++) {
        view_rect b = p.block[st.stage + 1][lane];
        int y = (int)(b.y + b.h / 2), found = 0;
        for (int x = (int)b.x - 2; x <= (int)b.x + 2; x++)
            found |= color_dist(pixel(s, x, y), rgb_of(pal.accent)) <= 6;
        CHECKF(found, "norm1 lane %d has no accent border at x = %.1f", lane, b.x);
    }
    /* conv3 reads both towers: its blocks are tower blocks, fc8 one block */
    int conv3 = net_stage_find(f->n, "conv3"), fc8 = net_stage_find(f->n, "fc8");
    CHECK_EQ_INT(p.lanes[conv3 + 1], 2);
    CHECK_EQ_INT(p.lanes[fc8 + 1], 1);
    /* a pending stage (relu2) is not highlighted */
    view_rect b = p.block[net_stage_find(f->n, "relu2") + 1][0];
    for (int x = (int)b.x - 2; x <= (int)b.x + 2; x++)
        CHECK(color_dist(pixel(s, x, (int)(b.y + b.h / 2)), rgb_of(pal.accent)) > 40);
    /* a click on a block names its stage */
    view_hit h = view_screen_hit((view_rect){0, 0, W, H}, &sc, &st, b.x + b.w / 2, b.y + 5);
    CHECK(h.kind == VIEW_HIT_STAGE && h.value == net_stage_find(f->n, "relu2"));
    cairo_surface_destroy(s);
}

/* Accent-coloured pixels in rows [y0, y1) of s. */
static int accent_pixels(cairo_surface_t *s, int y0, int y1, uint32_t accent)
{
    int n = 0, w = cairo_image_surface_get_width(s);
    for (int y = y0; y < y1; y++)
        for (int x = 0; x < w; x++)
            n += color_dist(pixel(s, x, y), accent) <= 6;
    return n;
}

TEST(pipeline_says_which_weights_input_and_variant_run)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    view_scene sc = f->sc;
    view_state st;
    state_for(&st, &sc, VIEW_PIPELINE, "prob", W, H);
    vpal pal;
    vpal_get(st.theme, &pal);
    net_preproc pp;
    net_preproc_caffe(&pp);
    view_scene_set_run(&sc, net_get_config(f->n), &pp, "/models/bvlcalexnet-12.onnx", 7);
    CHECK(sc.run_known && !strcmp(sc.weights_file, "bvlcalexnet-12.onnx") && sc.seed == 7);
    CHECK(sc.cfg.input_size == net_get_config(f->n)->input_size && sc.preproc.bgr);
    /* below the last block: the accent-coloured "this run" title, and only when the run is known */
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &sc, &st);
    for (int known = 1; known >= 0; known--) {
        sc.run_known = known;
        vctx v;
        vctx_layout(&v, body, &sc, &st);
        vpipe_layout p;
        vpipe_layout_make(&v, &p);
        view_rect last = p.block[sc.table.count][0];
        int y0 = (int)(last.y + last.h) + 2, y1 = (int)(body.y + body.h);
        cairo_surface_t *s = render_screen(&sc, &st, W, H);
        int n = accent_pixels(s, y0, y1, rgb_of(pal.accent));
        CHECKF(known ? n > 20 : n == 0, "run known %d: %d accent pixels under the pipeline", known,
               n);
        cairo_surface_destroy(s);
    }
}

TEST(views_draw_the_same_pixels_from_a_warm_or_a_cold_cache_and_alone)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1280, H = 720;
    for (int k = 0; k < VIEW_COUNT; k++) {
        view_state st;
        state_for(&st, &f->sc, (view_kind)k, "conv2", W, H);
        st.channel = 130;
        cairo_surface_t *a = render_screen(&f->sc, &st, W, H);
        cairo_surface_t *b = render_screen(&f->sc, &st, W, H); /* warm cache */
        view_scene cold;
        CHECK(view_scene_copy(&cold, &f->sc));
        cairo_surface_t *c = render_screen(&cold, &st, W, H);
        view_scene_release(&cold);
        size_t bytes = (size_t)cairo_image_surface_get_stride(a) * H;
        CHECKF(!memcmp(cairo_image_surface_get_data(a), cairo_image_surface_get_data(b), bytes),
               "%s: a second frame differs", view_kind_name((view_kind)k));
        CHECKF(!memcmp(cairo_image_surface_get_data(a), cairo_image_surface_get_data(c), bytes),
               "%s: drawing from a cold cache differs", view_kind_name((view_kind)k));
        /* the view alone at (0,0), as export draws it, equals its place in the window */
        view_rect body = view_screen_body((view_rect){0, 0, W, H}, &f->sc, &st);
        cairo_surface_t *d =
            cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)body.w, (int)body.h);
        cairo_t *cr = cairo_create(d);
        view_draw(cr, (view_rect){0, 0, body.w, body.h}, &f->sc, &st);
        cairo_destroy(cr);
        cairo_surface_flush(d);
        int same = 1;
        for (int y = 0; y < (int)body.h && same; y++)
            same = !memcmp(cairo_image_surface_get_data(d) +
                               (size_t)y * cairo_image_surface_get_stride(d),
                           cairo_image_surface_get_data(a) +
                               (size_t)(y + (int)body.y) * cairo_image_surface_get_stride(a),
                           (size_t)body.w * 4);
        CHECKF(same, "%s: the view alone differs from the window's", view_kind_name((view_kind)k));
        cairo_surface_destroy(a);
        cairo_surface_destroy(b);
        cairo_surface_destroy(c);
        cairo_surface_destroy(d);
    }
}

TEST(grid_clicks_land_on_the_map_under_them)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    view_state st;
    state_for(&st, &f->sc, VIEW_GRID, "conv3", W, H);
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &f->sc, &st);
    vctx v;
    vctx_layout(&v, body, &f->sc, &st);
    vgrid_layout g;
    vgrid_layout_make(&v, st.stage, &g);
    CHECK(g.ok);
    int want[] = {0, 7, 191, 192, 250, 383};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int c = want[i], t = c >= g.c0[1], j = c - g.c0[t];
        double x = g.ox[t] + ((j % g.cols[t]) + 0.5) * g.cell_w * g.s;
        double y = g.oy[t] + ((j / g.cols[t]) + 0.5) * g.cell_h * g.s;
        view_hit h = view_screen_hit((view_rect){0, 0, W, H}, &f->sc, &st, x, y);
        CHECKF(h.kind == VIEW_HIT_MAP && h.value == c, "map %d: hit %d/%d", c, h.kind, h.value);
    }
}

TEST(filters_are_shown_as_rgb_from_bgr_weights)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    view_scene sc; /* other weights: a cache of its own */
    CHECK(view_scene_copy(&sc, &f->sc));
    const net_stage *c1 = &sc.table.s[0];
    size_t per = (size_t)3 * c1->k * c1->k, n = per * c1->out_c;
    float *w = calloc(n, sizeof(float)); /* (96, 3, 11, 11), channel 0 blue */
    CHECK(w);
    /* filter 0: only channel 2 (red) positive; filter 1: only channel 0 (blue) positive */
    for (int p = 0; p < c1->k * c1->k; p++) {
        w[2 * c1->k * c1->k + p] = 1;
        w[per + p] = 1;
    }
    sc.conv1_w = w;
    view_state st;
    state_for(&st, &sc, VIEW_FILTERS, "conv1", 1280, 720);
    vctx v;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1280, 720);
    cairo_t *cr = cairo_create(s);
    vctx_begin(&v, cr, (view_rect){0, 0, 1280, 720}, &sc, &st);
    int tile;
    cairo_surface_t *tiles = vcache_filters(&v, 8, &tile);
    CHECK(tiles && tile == c1->k);
    uint32_t red = pixel(tiles, 5, 5), blue = pixel(tiles, tile + 1 + 5, 5);
    vctx_end(&v);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    free(w);
    view_scene_release(&sc);
    CHECKF((red >> 16 & 255) > 200 && (red & 255) < 160, "filter 0 (red weights) is %06x", red);
    CHECKF((blue & 255) > 200 && (blue >> 16 & 255) < 160, "filter 1 (blue weights) is %06x", blue);
}

TEST(zoom_and_lrn_units_follow_the_pointer)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    view_state st;
    state_for(&st, &f->sc, VIEW_ZOOM, "pool5", W, H);
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &f->sc, &st);
    vctx v;
    vctx_layout(&v, body, &f->sc, &st);
    vzoom_layout z;
    vzoom_layout_make(&v, st.stage, &z);
    CHECK(z.ok && z.w == 6 && z.s >= 1 && z.s == floor(z.s));
    view_hit h =
        view_screen_hit((view_rect){0, 0, W, H}, &f->sc, &st, z.x + 4.5 * z.s, z.y + 2.5 * z.s);
    CHECK(h.kind == VIEW_HIT_UNIT && h.x == 4 && h.y == 2);
    /* pool5's field is 195 px, 32 px apart, as ALEXNET.md says */
    CHECK_EQ_INT(f->sc.table.s[st.stage].rf, 195);
    CHECK_EQ_INT(f->sc.table.s[st.stage].rf_jump, 32);
    state_for(&st, &f->sc, VIEW_LRN, "norm2", W, H);
    vctx_layout(&v, body, &f->sc, &st);
    vlrn_layout l;
    vlrn_layout_make(&v, &l);
    CHECK(l.ok && l.stage == net_stage_find(f->n, "norm2"));
    h = view_screen_hit((view_rect){0, 0, W, H}, &f->sc, &st, l.map[2].x + 3.5 * l.s,
                        l.map[2].y + 10.5 * l.s);
    CHECK(h.kind == VIEW_HIT_UNIT && h.x == 3 && h.y == 10);
}

/* fc6 in the zoom: units with one value each, the whole vector, no "channel". */
TEST(zoom_on_a_vector_speaks_of_units)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1920, H = 1080;
    view_state st;
    state_for(&st, &f->sc, VIEW_ZOOM, "fc6", W, H);
    view_text_log log = {.measure = 1};
    st.log = &log;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    cairo_t *cr = cairo_create(img);
    view_draw_zoom(cr, (view_rect){0, 0, W, H}, &f->sc, &st);
    int unit = 0, channel = 0;
    for (int i = 0; i < log.n; i++) {
        unit |= strstr(log.items[i].text, "unit ") && strstr(log.items[i].text, "of 4096");
        channel |= strstr(log.items[i].text, "channel") != NULL;
    }
    CHECK(unit && !channel);
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, W, H}, &f->sc, &st);
    vzoom_layout z;
    vzoom_layout_make(&v, st.stage, &z);
    /* every value has its cell, and the cells use the room */
    CHECK(z.ok && z.w * z.h >= 4096);
    CHECKF(z.w * z.s * z.h * z.s > 0.25 * W * H, "%g of the view", z.w * z.s * z.h * z.s / W / H);
    view_text_log_free(&log);
    cairo_destroy(cr);
    cairo_surface_destroy(img);
}

/* The print palette keeps order and sign in greyscale: its lightness rises from one end to the
 * other (the screen's diverging map is dark in the middle, so grey loses the sign). */
TEST(print_palette_is_monotone_in_grey)
{
    static const vmap maps[] = {VMAP_SEQ, VMAP_DIV, VMAP_DAMP};
    for (size_t k = 0; k < 3; k++) {
        double last = -1;
        int dir = 0;
        for (int i = 0; i <= 64; i++) {
            uint32_t c = vmap_color((vmap)(maps[k] | VMAP_PRINT), i / 64.0);
            double g = 0.2126 * (c >> 16 & 255) + 0.7152 * (c >> 8 & 255) + 0.0722 * (c & 255);
            if (i > 0) {
                int d = g > last ? 1 : g < last ? -1 : 0;
                if (!dir)
                    dir = d;
                CHECKF(d == dir, "map %zu not monotone at %d: %g after %g", k, i, g, last);
            }
            last = g;
        }
    }
}

TEST(channel_images_match_the_zoom_and_views_draw_to_pdf)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1280, H = 720;
    view_state st;
    state_for(&st, &f->sc, VIEW_ZOOM, "conv2", W, H);
    st.channel = 77;
    cairo_surface_t *s = render_screen(&f->sc, &st, W, H);
    cairo_surface_t *img = view_channel_image(&f->sc, &st, st.stage, 77, 3);
    CHECK(img);
    CHECK_EQ_INT(cairo_image_surface_get_width(img), 27 * 3);
    CHECK_EQ_INT(cairo_image_surface_get_height(img), 27 * 3);
    view_rect body = view_screen_body((view_rect){0, 0, W, H}, &f->sc, &st);
    vctx v;
    vctx_layout(&v, body, &f->sc, &st);
    vzoom_layout z;
    vzoom_layout_make(&v, st.stage, &z);
    CHECK(z.ok);
    /* units away from the selected one's frame: the zoom and the export colour them alike */
    int units[][2] = {{0, 0}, {3, 20}, {25, 4}, {26, 26}};
    for (int i = 0; i < 4; i++) {
        int ux = units[i][0], uy = units[i][1];
        uint32_t a = pixel(s, (int)(z.x + (ux + 0.5) * z.s), (int)(z.y + (uy + 0.5) * z.s));
        uint32_t b = pixel(img, ux * 3 + 1, uy * 3 + 1);
        CHECKF(a == b, "unit (%d,%d): zoom %06x, channel image %06x", ux, uy, a, b);
    }
    cairo_surface_destroy(img);
    cairo_surface_destroy(s);
    CHECK(view_channel_image(&f->sc, &st, net_stage_find(f->n, "fc6"), 0, 1) == NULL);
    /* a PDF page of every view: cairo must be happy with what the views do */
    char path[512];
    snprintf(path, sizeof path, "%s/pdf-XXXXXX", test_tmpdir());
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    cairo_surface_t *pdf = cairo_pdf_surface_create(path, 842, 595);
    cairo_t *cr = cairo_create(pdf);
    for (int k = 0; k < VIEW_COUNT; k++) {
        state_for(&st, &f->sc, (view_kind)k, "conv1", 842, 595);
        view_draw(cr, (view_rect){0, 0, 842, 595}, &f->sc, &st);
        cairo_show_page(cr);
    }
    CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    CHECK(cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(pdf);
    FILE *pf = fopen(path, "rb");
    CHECK(pf);
    char head[8] = {0};
    size_t got = fread(head, 1, 5, pf);
    fseek(pf, 0, SEEK_END);
    long size = ftell(pf);
    fclose(pf);
    remove(path);
    CHECK(got == 5 && !memcmp(head, "%PDF-", 5));
    CHECKF(size < 4 * 1024 * 1024, "seven PDF pages take %ld bytes", size);
}

/* The compute view's sliding window sits where the geometry says: conv1's first and last
 * window of a row (216 + 11 − 1 = 226, the input's last column at 227) and conv2's first, over
 * its zero padding (it starts at −2); the window's outline is drawn in the accent colour there,
 * and the view tells the unit's value as the pass computed it. */
TEST(compute_view_slides_its_window_where_the_geometry_says)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    static const struct {
        const char *stage;
        int slide, wy, wx;
    } cases[] = {{"conv1", 1, 0, 0},
                 {"conv1", 55, 0, 216},
                 {"conv2", 1, -2, -2},
                 {"conv2", 28, -1, -2},
                 {"pool1", 27, 0, 52}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        view_state st;
        state_for(&st, &f->sc, VIEW_COMPUTE, cases[i].stage, W, H);
        st.slide = cases[i].slide;
        cairo_surface_t *s = render_screen(&f->sc, &st, W, H);
        vpal pal;
        vpal_get(st.theme, &pal);
        view_rect body = view_screen_body((view_rect){0, 0, W, H}, &f->sc, &st);
        vctx v;
        vctx_layout(&v, body, &f->sc, &st);
        vslide_layout l;
        CHECKF(vslide_layout_make(&v, &l), "%s: no sliding window", cases[i].stage);
        CHECKF(l.wy == cases[i].wy && l.wx == cases[i].wx, "%s at %d: window at (%d, %d)",
               cases[i].stage, cases[i].slide, l.wy, l.wx);
        /* the outline: the middle of its top and left edges */
        int x0 = (int)(l.x + l.s * l.wx), y0 = (int)(l.y + l.s * l.wy);
        int side = (int)(l.s * l.k);
        uint32_t top = pixel(s, x0 + side / 2, y0 + 1), left = pixel(s, x0 + 1, y0 + side / 2);
        CHECKF(color_dist(top, rgb_of(pal.accent)) <= 40 &&
                   color_dist(left, rgb_of(pal.accent)) <= 40,
               "%s at %d: the outline at (%d,%d) is %06x / %06x", cases[i].stage, cases[i].slide,
               x0, y0, top, left);
        cairo_surface_destroy(s);
    }
    /* the last conv1 window of a row ends exactly at the input's last column */
    const net_stage *c1 = &f->sc.table.s[0];
    CHECK_EQ_INT((c1->out_w - 1) * c1->stride - c1->pad + c1->k - 1, c1->in_w - 1);
}

/* The playground says O with its numbers for each preset (55 at 227, 54 at 224 with a column
 * never read, 27 for pool1, the same 27 for conv2 with its padding, 28 for LeNet-5), and
 * settings no window fits get a sentence, not a crash. */
TEST(playground_counts_positions_and_refuses_impossible_settings)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    static const struct {
        int pg[4];
        const char *says;
    } cases[] = {
        {{227, 11, 4, 0}, "floor(216/4) + 1 = 55"},
        {{224, 11, 4, 0}, "floor(213/4) + 1 = 54"},
        {{224, 11, 4, 0}, "53.25"},
        {{55, 3, 2, 0}, "floor(52/2) + 1 = 27"},
        {{27, 5, 1, 2}, "floor(26/1) + 1 = 27"},
        {{32, 5, 1, 0}, "floor(27/1) + 1 = 28"},
        {{3, 7, 1, 1}, "no window fits"},
        {{13, 3, 0, 0}, "at least 1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        view_state st;
        state_for(&st, &f->sc, VIEW_COMPUTE, "conv1", 1280, 720);
        st.pg_on = 1;
        memcpy(st.pg, cases[i].pg, sizeof st.pg);
        view_text_log log = {0};
        st.log = &log;
        cairo_surface_t *s = render_screen(&f->sc, &st, 1280, 720);
        int found = 0;
        for (int t = 0; t < log.n && !found; t++)
            found = strstr(log.items[t].text, cases[i].says) != NULL;
        view_text_log_free(&log);
        cairo_surface_destroy(s);
        CHECKF(found, "playground %d,%d,%d,%d does not say \"%s\"", cases[i].pg[0], cases[i].pg[1],
               cases[i].pg[2], cases[i].pg[3], cases[i].says);
    }
    /* --play takes presets by name and I,K,S,P, and refuses anything else */
    int pg[4];
    CHECK(play_playground("conv1-224", pg) && pg[0] == 224 && pg[1] == 11);
    CHECK(play_playground("LeNet-5-C1", pg) && pg[0] == 32 && pg[1] == 5);
    CHECK(play_playground("9,3,2,0", pg) && pg[2] == 2);
    CHECK(!play_playground("9,3,2", pg) && !play_playground("conv9", pg));
}
