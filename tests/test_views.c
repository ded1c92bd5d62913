/* test_views.c: the views drawn offscreen, checked pixel by pixel in known places; the text
 * table; LRN recomputed outside the pass; the --play parser; the worker's handoff.
 *
 * The views are drawn from a real net (seeded weights, one pass on a generated photo) built
 * once for all tests here. Positions come from the same layout functions the views use
 * (view_internal.h), so the checks follow the layout when it changes.
 */
#include "cli.h"
#include "play.h"
#include "test.h"
#include "text.h"
#include "view_internal.h"
#include "views.h"
#include "worker.h"

#include <cairo-pdf.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---------------------------------------------------------------- fixture */

typedef struct {
    int ok;
    net *n;
    float *input;        /* (3, S, S) */
    unsigned char *rgb;  /* (S, S, 3) */
    view_scene sc;
} fixture;

/* A photo-like test card: a sky gradient, a sun, a red box: edges and colour for conv1. */
static void test_card(unsigned char *rgb, int S)
{
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) {
            unsigned char *p = rgb + ((size_t)y * S + x) * 3;
            p[0] = (unsigned char)(60 + 120 * y / S), p[1] = (unsigned char)(90 + 100 * y / S);
            p[2] = 220;
            int dx = x - S / 3, dy = y - S / 3;
            if (dx * dx + dy * dy < (S / 8) * (S / 8))
                p[0] = 250, p[1] = 220, p[2] = 40;
            if (x > S / 2 && x < S * 5 / 6 && y > S / 2 && y < S * 5 / 6)
                p[0] = 200, p[1] = 30, p[2] = 30;
        }
}

static fixture *get_fixture(void)
{
    static fixture f;
    static int tried;
    if (tried)
        return f.ok ? &f : NULL;
    tried = 1;
    cli_opts o;
    cli_opts_default(&o);
    cli_net made;
    cli_make_net(&o, &made);
    f.n = made.net;
    net_preproc pp = made.pp;
    if (!f.n)
        return NULL;
    int S = net_get_config(f.n)->input_size;
    f.rgb = malloc((size_t)3 * S * S);
    f.input = malloc(sizeof(float) * 3 * S * S);
    test_card(f.rgb, S);
    for (int c = 0; c < 3; c++)
        for (int i = 0; i < S * S; i++)
            f.input[(size_t)c * S * S + i] =
                f.rgb[(size_t)i * 3 + (pp.bgr ? 2 - c : c)] * pp.scale - pp.mean[c];
    if (net_forward(f.n, f.input, NULL, NULL, NULL) != NET_OK)
        return NULL;
    view_scene_init(&f.sc);
    view_scene_from_net(&f.sc, f.n, f.rgb, f.input, "card.png", 1);
    f.ok = 1;
    return &f;
}

static void state_for(view_state *st, const view_scene *sc, view_kind kind, const char *stage,
                      int w, int h)
{
    view_state_default(st, sc);
    st->kind = kind;
    for (int i = 0; i < sc->table.count; i++)
        if (!strcmp(sc->table.s[i].name, stage))
            st->stage = i;
    st->ui = view_ui_size(w, h, 1);
}

static uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    cairo_surface_flush(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
    return ((const uint32_t *)(d + (size_t)y * cairo_image_surface_get_stride(s)))[x] & 0xffffff;
}

static uint32_t rgb_of(vrgb c)
{
    return (uint32_t)lround(c.r * 255) << 16 | (uint32_t)lround(c.g * 255) << 8 |
           (uint32_t)lround(c.b * 255);
}

/* Largest channel difference between two 0xRRGGBB colours. */
static int color_dist(uint32_t a, uint32_t b)
{
    int d = 0;
    for (int k = 0; k < 24; k += 8) {
        int x = (int)(a >> k & 255) - (int)(b >> k & 255);
        d = abs(x) > d ? abs(x) : d;
    }
    return d;
}

/* How many pixels of the rectangle differ from colour bg. */
static long count_not(cairo_surface_t *s, int x0, int y0, int w, int h, uint32_t bg)
{
    long n = 0;
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            n += color_dist(pixel(s, x, y), bg) > 24;
    return n;
}

static cairo_surface_t *render_screen(const view_scene *sc, const view_state *st, int w, int h)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(s);
    view_draw_screen(cr, (view_rect){0, 0, w, h}, sc, st);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return s;
}

/* ---------------------------------------------------------------- text */

/* The printf conversions of a format, in order, as a string ("%d%s%.1f"). */
static void conversions(const char *f, char *out, size_t len)
{
    size_t o = 0;
    for (; *f && o + 8 < len; f++) {
        if (*f != '%')
            continue;
        f++;
        if (*f == '%')
            continue;
        out[o++] = '%';
        while (*f && !strchr("diouxXeEfgGcsp", *f))
            out[o++] = *f++;
        if (*f)
            out[o++] = *f;
    }
    out[o] = 0;
}

TEST(text_table_is_complete_in_both_languages)
{
    for (int id = 0; id < TX_COUNT; id++) {
        const char *en = text_get((text_id)id, TEXT_EN), *ko = text_get((text_id)id, TEXT_KO);
        CHECKF(text_present((text_id)id, TEXT_EN), "text %d has no English", id);
        CHECKF(text_present((text_id)id, TEXT_KO), "text %d has no Korean", id);
        char ce[64], ck[64];
        conversions(en, ce, sizeof ce);
        conversions(ko, ck, sizeof ck);
        CHECKF(!strcmp(ce, ck), "text %d: English '%s' and Korean '%s' take different arguments",
               id, ce, ck);
    }
    CHECK(text_lang_from("ko_KR.UTF-8") == TEXT_KO);
    CHECK(text_lang_from("en_GB.UTF-8") == TEXT_EN);
    CHECK(text_lang_from(NULL) == TEXT_EN);
}

TEST(text_copy_cuts_at_a_character)
{
    char buf[6];
    text_copy(buf, sizeof buf, "ab한국"); /* a b then two 3-byte characters */
    CHECK(!strcmp(buf, "ab한"));
    text_copy(buf, sizeof buf, "abcdefgh");
    CHECK(!strcmp(buf, "abcde"));
    text_copy(buf, 3, "한");
    CHECK(!strcmp(buf, ""));
}

TEST(korean_text_has_a_font)
{
    /* fonts-nanum (scripts/deps.sh run) must give every Hangul syllable a glyph */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 60);
    cairo_t *cr = cairo_create(s);
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *fd =
        pango_font_description_from_string("NanumGothic,Noto Sans CJK KR,DejaVu Sans 20px");
    pango_layout_set_font_description(l, fd);
    pango_layout_set_text(l, text_get(TX_VIEW_GRID, TEXT_KO), -1);
    int unknown = pango_layout_get_unknown_glyphs_count(l);
    pango_font_description_free(fd);
    g_object_unref(l);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    CHECKF(unknown == 0, "%d Korean characters have no glyph: install fonts-nanum", unknown);
}

/* ---------------------------------------------------------------- LRN outside the pass */

TEST(lrn_apply_is_the_pass_s_own_lrn)
{
    fixture *f = get_fixture();
    CHECK(f);
    int i = net_stage_find(f->n, "norm1");
    CHECK(i > 0);
    const net_stage *s = net_stage_at(f->n, i);
    size_t count = (size_t)s->in_c * s->in_h * s->in_w;
    float *out = malloc(sizeof(float) * count);
    CHECK(out);
    net_stage row = *s;
    CHECK(net_lrn_apply(&row, net_output(f->n, i - 1), out, NULL) == NET_OK);
    CHECK(!memcmp(out, net_output(f->n, i), sizeof(float) * count));
    /* a bigger k divides by more: every nonzero output shrinks */
    row.lrn.k = 2;
    CHECK(net_lrn_apply(&row, net_output(f->n, i - 1), out, NULL) == NET_OK);
    const float *orig = net_output(f->n, i);
    size_t shrank = 0, nonzero = 0;
    for (size_t j = 0; j < count; j++)
        if (orig[j] != 0) {
            nonzero++;
            shrank += fabsf(out[j]) < fabsf(orig[j]);
        }
    CHECK(nonzero > 0 && shrank == nonzero);
    net_err err = {0};
    row.lrn.beta = 0;
    CHECK(net_lrn_apply(&row, net_output(f->n, i - 1), out, &err) == NET_ERR_VALUE);
    CHECK(strstr(err.msg, "norm1") != NULL);
    row = *net_stage_at(f->n, 0);
    CHECK(net_lrn_apply(&row, net_output(f->n, 0), out, &err) == NET_ERR_ARG);
    free(out);
}

/* ---------------------------------------------------------------- pixels */

TEST(grid_shows_both_towers_a_split_a_title_and_a_scale)
{
    fixture *f = get_fixture();
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
    fixture *f = get_fixture();
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
    fixture *f = get_fixture();
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
    fixture *f = get_fixture();
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
        cairo_surface_t *d = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)body.w,
                                                        (int)body.h);
        cairo_t *cr = cairo_create(d);
        view_draw(cr, (view_rect){0, 0, body.w, body.h}, &f->sc, &st);
        cairo_destroy(cr);
        cairo_surface_flush(d);
        int same = 1;
        for (int y = 0; y < (int)body.h && same; y++)
            same = !memcmp(cairo_image_surface_get_data(d) + (size_t)y *
                               cairo_image_surface_get_stride(d),
                           cairo_image_surface_get_data(a) + (size_t)(y + (int)body.y) *
                               cairo_image_surface_get_stride(a),
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
    fixture *f = get_fixture();
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
    fixture *f = get_fixture();
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
    CHECKF((blue & 255) > 200 && (blue >> 16 & 255) < 160, "filter 1 (blue weights) is %06x",
           blue);
}

TEST(zoom_and_lrn_units_follow_the_pointer)
{
    fixture *f = get_fixture();
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
    view_hit h = view_screen_hit((view_rect){0, 0, W, H}, &f->sc, &st, z.x + 4.5 * z.s,
                                 z.y + 2.5 * z.s);
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

/* The LRN lab opens where LRN damps the most: of the units at least a quarter as strong as
 * the strongest, the one whose after ÷ before is smallest (issue 9: channel 0 kept 97.9 %). */
TEST(lrn_lab_opens_where_lrn_damps_the_most)
{
    fixture *f = get_fixture();
    CHECK(f);
    view_state st;
    state_for(&st, &f->sc, VIEW_LRN, "norm1", 1600, 900);
    int c, ux, uy, norm = st.stage;
    CHECK(view_shown_unit(&f->sc, &st, &c, &ux, &uy));
    const net_stage *s = &f->sc.table.s[norm];
    size_t plane = (size_t)s->in_h * s->in_w, n = plane * s->in_c;
    const float *a = f->sc.out[norm - 1], *b = f->sc.out[norm];
    float amax = 0;
    for (size_t i = 0; i < n; i++)
        amax = fmaxf(amax, fabsf(a[i]));
    size_t at = (size_t)c * plane + (size_t)uy * s->in_w + ux;
    CHECKF(a[at] >= amax / 4, "a = %g of %g", a[at], amax);
    double q = b[at] / a[at];
    for (size_t i = 0; i < n; i++)
        if (fabsf(a[i]) > amax / 4)
            CHECKF(b[i] / a[i] >= q - 1e-6, "unit %zu keeps %g < %g", i, b[i] / a[i], q);
    /* a channel the user chose keeps its number; the unit is that channel's own choice */
    st.channel = 7;
    CHECK(view_shown_unit(&f->sc, &st, &c, &ux, &uy) && c == 7);
    CHECK(a[(size_t)7 * plane + (size_t)uy * s->in_w + ux] > 0);
}

/* In the ratio map a zero input is "no value" (grey), not "untouched"; C changes the after
 * map (one range with before) and its label says so. */
TEST(lrn_ratio_of_zero_is_no_value_and_c_rescales_after)
{
    fixture *f = get_fixture();
    CHECK(f);
    int W = 1600, H = 900;
    view_state st;
    state_for(&st, &f->sc, VIEW_LRN, "norm1", W, H);
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, W, H}, &f->sc, &st);
    vlrn_layout l;
    vlrn_layout_make(&v, &l);
    CHECK(l.ok);
    const net_stage *s = &f->sc.table.s[l.stage];
    size_t plane = (size_t)s->in_h * s->in_w;
    const float *a = f->sc.out[l.stage - 1] + (size_t)l.channel * plane;
    int zx = -1, zy = -1;
    for (size_t i = 0; i < plane && zx < 0; i++)
        if (a[i] == 0)
            zx = (int)(i % s->in_w), zy = (int)(i / s->in_w);
    CHECK(zx >= 0);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
    cairo_t *cr = cairo_create(img);
    view_draw_lrn(cr, (view_rect){0, 0, W, H}, &f->sc, &st);
    cairo_surface_flush(img);
    int px = (int)(l.map[2].x + (zx + 0.5) * l.s), py = (int)(l.map[2].y + (zy + 0.5) * l.s);
    CHECKF(color_dist(pixel(img, px, py), VMAP_NO_VALUE) < 8, "ratio of a zero input: %08x",
           pixel(img, px, py));
    /* the after map on its own range, then on before's */
    long own = 0, shared = 0;
    view_rect m = l.map[1];
    for (int y = (int)m.y; y < m.y + m.h; y += 2)
        for (int x = (int)m.x; x < m.x + m.w; x += 2)
            own += (pixel(img, x, y) >> 16 & 0xff) + (pixel(img, x, y) >> 8 & 0xff);
    st.contrast = VIEW_CONTRAST_MAP;
    view_text_log log = {0};
    st.log = &log;
    view_draw_lrn(cr, (view_rect){0, 0, W, H}, &f->sc, &st);
    cairo_surface_flush(img);
    for (int y = (int)m.y; y < m.y + m.h; y += 2)
        for (int x = (int)m.x; x < m.x + m.w; x += 2)
            shared += (pixel(img, x, y) >> 16 & 0xff) + (pixel(img, x, y) >> 8 & 0xff);
    CHECKF(shared < own * 0.8, "after on before's range is not darker: %ld vs %ld", shared, own);
    int said = 0;
    for (int i = 0; i < log.n; i++)
        said |= strstr(log.items[i].text, "before map's range") != NULL;
    CHECK(said);
    view_text_log_free(&log);
    cairo_destroy(cr);
    cairo_surface_destroy(img);
}

/* fc6 in the zoom: units with one value each, the whole vector, no "channel". */
TEST(zoom_on_a_vector_speaks_of_units)
{
    fixture *f = get_fixture();
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

/* ---------------------------------------------------------------- --play */

TEST(play_scripts_parse_and_typos_are_named)
{
    play_script s;
    char err[256];
    CHECK(play_parse(&s, "  step step zoom:17 lrn view:grid unit:3,4 size:800x600 shot:a.png "
                         "key:N sleep:10 quit ",
                     err, sizeof err));
    CHECK_EQ_INT(s.count, 11);
    CHECK(s.cmds[2].op == PLAY_ZOOM && s.cmds[2].num[0] == 17);
    CHECK(s.cmds[3].op == PLAY_VIEW && !strcmp(s.cmds[3].arg, "lrn"));
    CHECK(s.cmds[5].op == PLAY_UNIT && s.cmds[5].num[0] == 3 && s.cmds[5].num[1] == 4);
    CHECK(s.cmds[6].num[0] == 800 && s.cmds[6].num[1] == 600);
    CHECK(!strcmp(s.cmds[7].arg, "a.png"));
    play_free(&s);
    const char *bad[] = {"stepp", "zoom:x", "view:nowhere", "size:10x10", "step:3", "shot:",
                         "theme:blue"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECKF(!play_parse(&s, bad[i], err, sizeof err), "'%s' was accepted", bad[i]);
        char word[32];
        snprintf(word, sizeof word, "%.*s", (int)strcspn(bad[i], ":"), bad[i]);
        CHECKF(strstr(err, word), "the message for '%s' does not name it: %s", bad[i], err);
    }
}

/* ---------------------------------------------------------------- the worker */

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int events;
} waker;

static void wake(void *ctx)
{
    waker *k = ctx;
    pthread_mutex_lock(&k->mu);
    k->events++;
    pthread_cond_broadcast(&k->cv);
    pthread_mutex_unlock(&k->mu);
}

/* Takes from the worker until cond holds (or 120 s pass, for the sanitizer builds). */
#define TAKE_UNTIL(w, c, k, cond)                                                               \
    do {                                                                                        \
        time_t t0_ = time(NULL);                                                                \
        worker_take(w, c);                                                                      \
        while (!(cond) && time(NULL) - t0_ < 120) {                                             \
            struct timespec ts_;                                                                \
            clock_gettime(CLOCK_REALTIME, &ts_);                                                \
            ts_.tv_nsec += 20 * 1000000;                                                        \
            if (ts_.tv_nsec >= 1000000000)                                                      \
                ts_.tv_sec++, ts_.tv_nsec -= 1000000000;                                        \
            pthread_mutex_lock(&(k)->mu);                                                       \
            pthread_cond_timedwait(&(k)->cv, &(k)->mu, &ts_);                                   \
            pthread_mutex_unlock(&(k)->mu);                                                     \
            worker_take(w, c);                                                                  \
        }                                                                                       \
    } while (0)

TEST(worker_streams_steps_reruns_and_stops)
{
    fixture *f = get_fixture();
    CHECK(f);
    char dir[] = "/tmp/alexviz-worker-XXXXXX", png[64], bad[64];
    CHECK(mkdtemp(dir));
    snprintf(png, sizeof png, "%s/card.png", dir);
    snprintf(bad, sizeof bad, "%s/none.png", dir);
    int S = f->sc.input_size;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, S, S);
    cairo_surface_flush(img);
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) {
            const unsigned char *p = f->rgb + ((size_t)y * S + x) * 3;
            ((uint32_t *)(cairo_image_surface_get_data(img) +
                          (size_t)y * cairo_image_surface_get_stride(img)))[x] =
                (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
        }
    cairo_surface_mark_dirty(img);
    CHECK(cairo_surface_write_to_png(img, png) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(img);

    waker k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
    cli_opts o;
    cli_opts_default(&o);
    worker *w = worker_start(&o, wake, &k);
    CHECK(w);
    worker_copy c;
    memset(&c, 0, sizeof c);
    worker_set_step(w, 1);
    worker_request_photo(w, png, 0);
    TAKE_UNTIL(w, &c, &k, c.ready && c.input.data && c.run.paused);
    CHECK(c.ready && c.run.paused && c.done == 0 && c.run.step);
    CHECK(strstr(c.photo_path, "card.png"));
    for (int i = 1; i <= 3; i++) {
        worker_advance(w);
        TAKE_UNTIL(w, &c, &k, c.done == i && c.run.paused);
        CHECK_EQ_INT(c.done, i);
    }
    /* the stages the window got are what the same net computes on the same input (the
     * fixture's net, put back to its own input afterwards) */
    CHECK(net_forward(f->n, c.input.data, NULL, NULL, NULL) == NET_OK);
    const net_stage *s0 = net_stage_at(f->n, 2);
    size_t n0 = (size_t)s0->out_c * s0->out_h * s0->out_w;
    float maxdiff = 0, top = 0;
    for (size_t j = 0; j < n0; j++) {
        maxdiff = fmaxf(maxdiff, fabsf(c.out[2][j] - net_output(f->n, 2)[j]));
        top = fmaxf(top, fabsf(net_output(f->n, 2)[j]));
    }
    CHECK(net_forward(f->n, f->input, NULL, NULL, NULL) == NET_OK);
    CHECKF(maxdiff <= 1e-4f * (1 + top), "norm1 differs by %g", maxdiff);
    /* step-through off: the pass runs to the end */
    worker_set_step(w, 0);
    TAKE_UNTIL(w, &c, &k, c.done == c.table.count && !c.run.running);
    CHECK_EQ_INT(c.done, c.table.count);
    unsigned gen = c.gen;
    /* a photo that cannot be read: a message, the old photo and pass stay */
    worker_request_photo(w, bad, 0);
    TAKE_UNTIL(w, &c, &k, c.error_seq > 0);
    CHECK(strstr(c.error.msg, "none.png"));
    CHECK(c.gen == gen && c.done == c.table.count);
    /* a re-run in step-through, cancelled half-way by stopping the worker */
    worker_set_step(w, 1);
    worker_request_rerun(w);
    TAKE_UNTIL(w, &c, &k, c.gen != gen && c.run.paused);
    CHECK(c.gen != gen && c.done == 0);
    worker_advance(w);
    worker_stop(w);
    worker_copy_free(&c);
    remove(png);
    rmdir(dir);
}

TEST(channel_images_match_the_zoom_and_views_draw_to_pdf)
{
    fixture *f = get_fixture();
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
    char path[] = "/tmp/alexviz-pdf-XXXXXX";
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
