/* view_filters.c: conv1's 96 kernels as 11×11 colour tiles, tower A beside tower B.
 *
 * The weights are stored in the net's channel order, BGR (Caffe's), so the tiles are built
 * with channel 2 as red; each filter is scaled to its own largest weight around mid-grey, which
 * shows its pattern whatever its norm. The paper saw tower A learn colour-agnostic edges and
 * tower B colour blobs; side by side the class can check.
 *
 * The words are measured first and wrap; the tiles take the room left, at a whole number of
 * pixels per weight; in a room where they would be smaller than 2 pixels per weight the text
 * shrinks for them, and in a narrow one tower B goes under tower A.
 */
#include "view_internal.h"

#include <math.h>

typedef struct {
    double title_h, seeded_h, label_h; /* the texts' heights */
    double y;                          /* the top of the tower labels */
    view_rect panel[2];                /* each tower's tiles */
    int cols, stacked;
    double s; /* pixels per weight */
} filt_layout;

static double tower_label_h(vctx *v, double w, int t)
{
    double u = v->u;
    return vtext_para_size(v, w - 0.8 * u, T_BODY, VT_BOLD, vtext(v, t ? TX_TOWER_B : TX_TOWER_A),
                           NULL) +
           vtext_para_size(v, w - 0.8 * u, T_MIN, 0, vtext(v, t ? TX_FILT_B : TX_FILT_A), NULL) +
           0.3 * u;
}

/* The best tiles for 48 filters of K×K in a w × h room: columns and pixels per weight. */
static double best_tiles(int n, int K, double w, double h, int *cols)
{
    double best = 0;
    *cols = 1;
    for (int c = 1; c <= n; c++) {
        int rows = (n + c - 1) / c;
        double s = fmin(w / (c * (K + 1.0)), h / (rows * (K + 1.0)));
        if (s > best)
            best = s, *cols = c;
    }
    return best >= 1 ? floor(best) : best;
}

static int filt_try(vctx *v, int half, int K, filt_layout *f)
{
    const view_scene *sc = v->sc;
    view_rect r = v->r;
    double u = v->u, w = r.w - 1.2 * u, x = r.x + 0.6 * u;
    f->title_h = vtext_para_size(v, w, T_LEAD, VT_BOLD, vtext(v, TX_FILT_TITLE), NULL) + 0.3 * u;
    f->seeded_h = sc->untrained
                      ? vtext_para_size(v, w, T_MIN, 0, vtext(v, TX_FILT_SEEDED), NULL) + 0.4 * u
                      : 0.2 * u;
    f->y = r.y + 0.3 * u + f->title_h + f->seeded_h;
    double room = r.y + r.h - f->y - 0.4 * u, split = 1.4 * u;
    /* side by side, or one tower under the other: whichever gives the larger tiles */
    double best = -1;
    for (int stacked = 0; stacked < 2; stacked++) {
        double pw = stacked ? w : (w - split) / 2;
        double lh = fmax(tower_label_h(v, pw, 0), tower_label_h(v, pw, 1));
        double ph = stacked ? (room - 2 * lh - split) / 2 : room - lh;
        if (ph <= 0 || pw <= 0)
            continue;
        int cols;
        double s = best_tiles(half, K, pw, ph, &cols);
        if (s > best) {
            best = s, f->s = s, f->cols = cols, f->stacked = stacked, f->label_h = lh;
            int rows = (half + cols - 1) / cols;
            double tw = (cols * (K + 1) - 1) * s, th = (rows * (K + 1) - 1) * s;
            for (int t = 0; t < 2; t++) {
                double px = stacked ? x : x + t * (pw + split);
                double py = stacked ? f->y + t * (lh + ph + split) : f->y;
                f->panel[t] = (view_rect){round(px + (pw - tw) / 2), round(py + lh), tw, th};
            }
        }
    }
    return best >= 2;
}

void view_draw_filters(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    int conv1 = -1;
    for (int i = 0; i < sc->table.count && conv1 < 0; i++)
        if (sc->table.s[i].op == NET_OP_CONV)
            conv1 = i;
    if (!sc->conv1_w || conv1 < 0) {
        double u = v.u;
        vtext_para(&v, r.x + u, r.y + r.h / 2 - u, r.w - 2 * u, T_LEAD, pal->dim,
                   vtext(&v, TX_FILT_NONE));
        vctx_end(&v);
        return;
    }
    int half = sc->table.s[conv1].out_c / 2, K = sc->table.s[conv1].k;
    filt_layout f = {0};
    double u0 = v.u;
    for (double k = 1; k > 0.35; k *= 0.9) {
        v.u = u0 * k;
        if (filt_try(&v, half, K, &f))
            break;
    }
    double u = v.u, x = r.x + 0.6 * u, w = r.w - 1.2 * u, y = r.y + 0.3 * u;
    vtext_para_as(&v, x, y, w, T_LEAD, VT_BOLD, pal->fg, vtext(&v, TX_FILT_TITLE));
    y += f.title_h;
    if (sc->untrained)
        vtext_para(&v, x, y, w, T_MIN, pal->warn, vtext(&v, TX_FILT_SEEDED));
    int tile;
    cairo_surface_t *tiles = vcache_filters(&v, f.cols, &tile);
    if (!tiles || f.s <= 0) {
        vctx_end(&v);
        return;
    }
    for (int t = 0; t < 2; t++) {
        view_rect p = f.panel[t];
        double pw = f.stacked ? w : (w - 1.4 * u) / 2;
        double px = f.stacked ? x : x + t * (pw + 1.4 * u), ly = p.y - f.label_h;
        vrgb hue = t ? pal->tower_b : pal->tower_a;
        double nh = vtext_para_size(&v, pw - 0.8 * u, T_BODY, VT_BOLD,
                                    vtext(&v, t ? TX_TOWER_B : TX_TOWER_A), NULL);
        vfill(&v, px, ly + 0.2 * u, 0.5 * u, 0.7 * u, hue);
        vtext_para_as(&v, px + 0.8 * u, ly, pw - 0.8 * u, T_BODY, VT_BOLD, hue,
                      vtext(&v, t ? TX_TOWER_B : TX_TOWER_A));
        vtext_para(&v, px + 0.8 * u, ly + nh, pw - 0.8 * u, T_MIN, pal->fg,
                   vtext(&v, t ? TX_FILT_B : TX_FILT_A));
        /* the surface holds both towers; show this tower's columns */
        cairo_save(cr);
        cairo_rectangle(cr, p.x, p.y, p.w, p.h);
        cairo_clip(cr);
        vfill(&v, p.x, p.y, p.w, p.h, pal->panel);
        vpaint_nearest(&v, tiles, p.x - t * (f.cols + 1) * (K + 1) * f.s, p.y, f.s, f.s);
        cairo_restore(cr);
    }
    if (!f.stacked) {
        double lw = fmax(4, round(0.16 * u)), pw = (w - 1.4 * u) / 2;
        vfill(&v, round(x + pw + (1.4 * u - lw) / 2), f.y, lw, f.label_h + f.panel[0].h,
              pal->split);
    } else {
        double lw = fmax(4, round(0.16 * u));
        vfill(&v, x, round(f.panel[0].y + f.panel[0].h + 0.7 * u - lw / 2), w, lw, pal->split);
    }
    vctx_end(&v);
}
