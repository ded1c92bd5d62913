/* view_pred.c: what the network decided: the photo beside its five most likely classes.
 *
 * Bars are drawn to the same scale (0–100 %) so a confident and an unsure answer look
 * different; with seeded weights a large "untrained" badge says the classes mean nothing.
 * Class names wrap rather than being cut; where the names leave the bars too little room, each
 * name goes above its bar. The text shrinks only when the rows would not fit otherwise.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>

typedef struct {
    int n, idx[10];
    float val[10];
    char label[10][160], pct[10][16];
} pred_rows;

static void make_rows(vctx *v, int k, pred_rows *p)
{
    const view_scene *sc = v->sc;
    p->n = view_scene_top(sc, k, p->idx, p->val);
    for (int j = 0; j < p->n; j++) {
        const char *name = sc->class_name ? sc->class_name(p->idx[j]) : NULL;
        if (name)
            snprintf(p->label[j], sizeof p->label[j], "%d. %s", j + 1, name);
        else
            snprintf(p->label[j], sizeof p->label[j], "%d. #%d", j + 1, p->idx[j]);
        snprintf(p->pct[j], sizeof p->pct[j], "%.1f%%", 100.0 * p->val[j]);
    }
}

/* The rows in r: beside their bars (names up to 45 % of the width) or above them. Returns the
 * height; draws when draw is set. */
static double bars_flow(vctx *v, view_rect r, const pred_rows *p, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, x = r.x + 0.6 * u, w = r.w - 1.2 * u;
    double name_w = 0, pct_w = 0, th;
    for (int j = 0; j < p->n; j++) {
        double a, b;
        vtext_size(v, T_BODY, j == 0, p->label[j], &a, &th);
        vtext_size(v, T_BODY, j == 0, p->pct[j], &b, NULL);
        name_w = fmax(name_w, a), pct_w = fmax(pct_w, b);
    }
    name_w += 0.6 * u, pct_w += 0.4 * u;
    int above = name_w > 0.45 * w || w - name_w - pct_w < 6 * u;
    if (above)
        name_w = w;
    double bar_x = above ? x : x + name_w, bar_w = x + w - pct_w - bar_x, y = r.y + 0.2 * u;
    for (int j = 0; j < p->n; j++) {
        int bold = j == 0;
        double nh =
            vtext_para_size(v, name_w - (above ? 0 : 0.6 * u), T_BODY, bold, p->label[j], NULL);
        double bar_h = th * 0.9;
        if (draw)
            vtext_para_as(v, x, y, name_w - (above ? 0 : 0.6 * u), T_BODY, bold,
                          bold ? pal->fg : pal->dim, p->label[j]);
        double by = above ? y + nh + 0.1 * u : y + (th - bar_h) / 2;
        if (draw) {
            vfill(v, bar_x, by, bar_w, bar_h, pal->panel);
            vfill(v, bar_x, by, fmax(1, bar_w * p->val[j]), bar_h,
                  bold ? pal->accent : vmix(pal->accent, pal->bg, 0.45));
            vtext_draw(v, bar_x + bar_w + 0.4 * u, by + (bar_h - th) / 2, T_BODY, bold, pal->fg,
                       VA_LEFT, 0, p->pct[j]);
        }
        y += (above ? nh + 0.1 * u + fmax(bar_h, th) : fmax(nh, th)) + 0.45 * u;
    }
    return y - r.y;
}

double vpred_bars(vctx *v, view_rect r, int k, int draw)
{
    pred_rows p;
    make_rows(v, k, &p);
    if (!p.n) {
        char line[128];
        const view_scene *sc = v->sc;
        snprintf(line, sizeof line, vtext(v, TX_NOT_YET),
                 sc->table.count ? sc->table.s[sc->table.count - 1].name : "prob");
        double u = v->u, h = vtext_para_size(v, r.w - 2 * u, T_LEAD, 0, line, NULL);
        if (draw)
            vtext_para(v, r.x + u, r.y + fmax(0, r.h / 2 - h), r.w - 2 * u, T_LEAD, v->pal.dim,
                       line);
        return h;
    }
    return bars_flow(v, r, &p, draw);
}

/* The title line with the badge, the untrained note under them; returns the height. */
static double head_flow(vctx *v, view_rect r, int draw)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    double u = v->u, x = r.x + 0.6 * u, w = r.w - 1.2 * u, y = r.y + 0.4 * u;
    double bw = 0, bh = 0, tw;
    if (sc->untrained) {
        vtext_size(v, T_LEAD, VT_BOLD, vtext(v, TX_UNTRAINED), &bw, &bh);
        bw += 1.2 * u;
    }
    /* the badge at the right of the title, or on its own line when the title needs the room */
    double title_w = sc->untrained && w - bw - u > 10 * u ? w - bw - u : w;
    double th = vtext_para_size(v, title_w, T_LEAD, VT_BOLD, vtext(v, TX_PRED_TITLE), &tw);
    if (draw)
        vtext_para_as(v, x, y, title_w, T_LEAD, VT_BOLD, pal->fg, vtext(v, TX_PRED_TITLE));
    double line_h = th;
    if (sc->untrained) {
        double bx = title_w < w ? x + w - bw : x, byy = title_w < w ? y : y + th + 0.3 * u;
        if (draw) {
            /* a badge nobody in the room can miss */
            vround(v, bx, byy - 0.1 * u, bw, bh + 0.2 * u, 0.3 * u);
            vset(v, pal->warn);
            cairo_fill(v->cr);
            vtext_draw(v, bx + 0.6 * u, byy, T_LEAD, VT_BOLD, pal->bg, VA_LEFT, 0,
                       vtext(v, TX_UNTRAINED));
        }
        line_h = title_w < w ? fmax(th, bh) : th + 0.3 * u + bh;
        y += line_h + 0.3 * u;
        double nh = vtext_para_size(v, w, T_MIN, 0, vtext(v, TX_UNTRAINED_NOTE), NULL);
        if (draw)
            vtext_para(v, x, y, w, T_MIN, pal->warn, vtext(v, TX_UNTRAINED_NOTE));
        y += nh;
    } else {
        y += line_h;
    }
    return y + 0.6 * u - r.y;
}

void view_draw_pred(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    cairo_surface_t *ph = vcache_photo(&v);
    /* the photo beside the bars when the view is wide, above them when it is tall */
    double u0 = v.u, top = 0, side = 0;
    int beside = 1;
    for (double k = 1; k > 0.3; k *= 0.9) {
        v.u = u0 * k;
        double u = v.u;
        top = head_flow(&v, r, 0);
        double room = r.h - top - 0.4 * u;
        beside = r.w >= r.h;
        side = ph ? fmin(room, r.w * 0.4) : 0;
        if (!beside)
            side = ph ? fmin(r.w - 1.2 * u, room * 0.45) : 0;
        double bx = beside && side > 0 ? side + 1.2 * u : 0;
        double bh = vpred_bars(&v, (view_rect){r.x + bx, 0, r.w - bx, 0}, 5, 0);
        if ((beside ? bh : bh + side + 0.6 * u) <= room)
            break;
    }
    double u = v.u, y = r.y + head_flow(&v, r, 1);
    double bx = r.x;
    if (ph && side > 2 * u) {
        vpaint_smooth(&v, ph, r.x + 0.6 * u, y, side / sc->input_size);
        if (beside)
            bx = r.x + 0.6 * u + side + 0.6 * u;
        else
            y += side + 0.6 * u;
    }
    vpred_bars(&v, (view_rect){bx, y, r.x + r.w - bx, r.y + r.h - y}, 5, 1);
    vctx_end(&v);
}
