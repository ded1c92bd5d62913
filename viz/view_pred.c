/* view_pred.c: what the network decided: the photo beside its five most likely classes.
 *
 * Bars are drawn to the same scale (0–100 %) so a confident and an unsure answer look
 * different; with seeded weights a large "untrained" badge says the classes mean nothing.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>

void vpred_bars(vctx *v, view_rect r, int k)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    double u = v->u;
    int idx[10];
    float val[10];
    int n = view_scene_top(sc, k, idx, val);
    if (!n) {
        char line[128];
        snprintf(line, sizeof line, vtext(v, TX_NOT_YET),
                 sc->n_stages ? sc->stages[sc->n_stages - 1].name : "prob");
        vtext_draw(v, r.x + r.w / 2, r.y + r.h / 2 - u, 1.1, 0, pal->dim, VA_CENTER, r.w, line);
        return;
    }
    double row = fmin(2.6 * u, (r.h - 0.6 * u) / n), fs = fmin(1.1, row / u * 0.42);
    double name_w = fmin(r.w * 0.42, 20 * u), x = r.x + 0.6 * u;
    double bar_x = x + name_w + 0.6 * u, bar_w = r.x + r.w - bar_x - 5.5 * u;
    for (int j = 0; j < n; j++) {
        double y = r.y + 0.3 * u + j * row;
        const char *name = sc->class_name ? sc->class_name(idx[j]) : NULL;
        char label[160];
        if (name)
            snprintf(label, sizeof label, "%d. %s", j + 1, name);
        else
            snprintf(label, sizeof label, "%d. #%d", j + 1, idx[j]);
        double th;
        vtext_size(v, fs, j == 0, label, NULL, &th);
        vtext_draw(v, x, y + (row * 0.8 - th) / 2, fs, j == 0, j == 0 ? pal->fg : pal->dim,
                   VA_LEFT, name_w, label);
        if (bar_w > u) {
            vfill(v, bar_x, y + row * 0.1, bar_w, row * 0.6, pal->panel);
            vfill(v, bar_x, y + row * 0.1, fmax(1, bar_w * val[j]), row * 0.6,
                  j == 0 ? pal->accent : vmix(pal->accent, pal->bg, 0.45));
            vtext_drawf(v, bar_x + bar_w + 0.4 * u, y + (row * 0.8 - th) / 2, fs, j == 0,
                        pal->fg, VA_LEFT, 0, "%.1f%%", 100.0 * val[j]);
        }
    }
}

void view_draw_pred(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, y = r.y + 0.5 * u;
    vtext_draw(&v, r.x + 0.6 * u, y, 1.15, 1, pal->fg, VA_LEFT, r.w * 0.6,
               vtext(&v, TX_PRED_TITLE));
    if (sc->untrained) {
        /* a badge nobody in the room can miss */
        double tw, th;
        vtext_size(&v, 1.1, 1, vtext(&v, TX_UNTRAINED), &tw, &th);
        double bx = r.x + r.w - tw - 1.8 * u;
        vround(&v, bx, y - 0.1 * u, tw + 1.2 * u, th + 0.2 * u, 0.3 * u);
        vset(&v, pal->warn);
        cairo_fill(cr);
        vtext_draw(&v, bx + 0.6 * u, y, 1.1, 1, pal->bg, VA_LEFT, 0, vtext(&v, TX_UNTRAINED));
        vtext_draw(&v, r.x + 0.6 * u, y + 1.7 * u, 0.7, 0, pal->warn, VA_LEFT, r.w - 1.2 * u,
                   vtext(&v, TX_UNTRAINED_NOTE));
    }
    y += 3.0 * u;
    double side = fmin(r.h - (y - r.y) - 0.6 * u, r.w * 0.35);
    cairo_surface_t *ph = vcache_photo(&v);
    double bx = r.x;
    if (ph && side > 2 * u) {
        vpaint_smooth(&v, ph, r.x + 0.6 * u, y, side / sc->input_size);
        bx = r.x + 0.6 * u + side + 0.6 * u;
    }
    vpred_bars(&v, (view_rect){bx, y, r.x + r.w - bx, fmin(r.y + r.h - y, 14 * u)}, 5);
    vctx_end(&v);
}
