/* view_filters.c: conv1's 96 kernels as 11×11 colour tiles, tower A beside tower B.
 *
 * The weights are stored in the net's channel order, BGR (Caffe's), so the tiles are built
 * with channel 2 as red; each filter is scaled to its own largest weight around mid-grey, which
 * shows its pattern whatever its norm. The paper saw tower A learn colour-agnostic edges and
 * tower B colour blobs; side by side the class can check.
 */
#include "view_internal.h"

#include <math.h>

void view_draw_filters(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, x = r.x + 0.6 * u, y = r.y + 0.3 * u;
    vtext_draw(&v, x, y, 1.05, 1, pal->fg, VA_LEFT, r.w - 1.2 * u, vtext(&v, TX_FILT_TITLE));
    y += 1.6 * u;
    if (sc->untrained) {
        vtext_draw(&v, x, y, 0.7, 0, pal->warn, VA_LEFT, r.w - 1.2 * u,
                   vtext(&v, TX_FILT_SEEDED));
    }
    y += 1.3 * u;
    int conv1 = -1;
    for (int i = 0; i < sc->n_stages && conv1 < 0; i++)
        if (sc->stages[i].op == NET_OP_CONV)
            conv1 = i;
    if (!sc->conv1_w || conv1 < 0) {
        vtext_draw(&v, r.x + r.w / 2, r.y + r.h / 2, 1.0, 0, pal->dim, VA_CENTER, r.w,
                   vtext(&v, TX_FILT_NONE));
        vctx_end(&v);
        return;
    }
    int half = sc->stages[conv1].out_c / 2, K = sc->stages[conv1].k;
    double label_h = 2.4 * u, split = 1.4 * u;
    double pw = (r.w - 1.2 * u - split) / 2, ph = r.y + r.h - y - label_h - 0.4 * u;
    /* the column count that gives the largest tiles for 48 filters in one panel */
    int cols = 1;
    double best = 0;
    for (int c = 1; c <= half; c++) {
        int rows = (half + c - 1) / c;
        double s = fmin(pw / (c * (K + 1.0)), ph / (rows * (K + 1.0)));
        if (s > best)
            best = s, cols = c;
    }
    double s = best >= 1 ? floor(best) : best;
    int tile;
    cairo_surface_t *tiles = vcache_filters(&v, cols, &tile);
    if (!tiles || s <= 0) {
        vctx_end(&v);
        return;
    }
    int rows = (half + cols - 1) / cols;
    double tw = (cols * (K + 1) - 1) * s, th = (rows * (K + 1) - 1) * s;
    for (int t = 0; t < 2; t++) {
        double px = x + t * (pw + split);
        vrgb hue = t ? pal->tower_b : pal->tower_a;
        vfill(&v, px, y + 0.15 * u, 0.5 * u, 0.7 * u, hue);
        vtext_draw(&v, px + 0.8 * u, y, 0.8, 1, hue, VA_LEFT, pw - u,
                   vtext(&v, t ? TX_TOWER_B : TX_TOWER_A));
        vtext_draw(&v, px + 0.8 * u, y + 1.1 * u, 0.68, 0, pal->fg, VA_LEFT, pw - u,
                   vtext(&v, t ? TX_FILT_B : TX_FILT_A));
        double ox = round(px + (pw - tw) / 2), oy = round(y + label_h);
        /* the surface holds both towers; show this tower's columns */
        cairo_save(cr);
        cairo_rectangle(cr, ox, oy, tw, th);
        cairo_clip(cr);
        vfill(&v, ox, oy, tw, th, pal->panel);
        vpaint_nearest(&v, tiles, ox - t * (cols + 1) * (K + 1) * s, oy, s, s);
        cairo_restore(cr);
    }
    double lw = fmax(4, round(0.16 * u));
    vfill(&v, round(x + pw + (split - lw) / 2), y, lw, label_h + th, pal->split);
    vctx_end(&v);
}
