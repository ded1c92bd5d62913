/* test_lrn.c: LRN outside the pass (the window's live k, n, α, β) and the LRN lab, which
 * opens where LRN damps the most and paints what it says. */
#include "fixture.h"
#include "test.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

TEST(lrn_apply_is_the_pass_s_own_lrn)
{
    scene_fixture *f = view_fixture();
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

/* ---------------------------------------------------------------- the LRN lab */

/* The LRN lab opens where LRN damps the most: of the units at least a quarter as strong as
 * the strongest, the one whose after ÷ before is smallest (issue 9: channel 0 kept 97.9 %). */
TEST(lrn_lab_opens_where_lrn_damps_the_most)
{
    scene_fixture *f = view_fixture();
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
    scene_fixture *f = view_fixture();
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
