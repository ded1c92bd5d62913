/* view_grid.c: every channel of one stage as a small map, tower A beside tower B.
 *
 * Both towers are laid out with the same columns and the same integer magnification (so a map
 * pixel is a whole number of screen pixels and nothing blurs), each tower's maps come from one
 * cached atlas scaled with nearest-neighbour filtering, and a line splits the towers. The
 * colour scale under the maps says what the colours mean: one range for the stage (compare
 * channels: dead ones look dark) or each map stretched to its own (see the shape of weak maps).
 * Vectors (fc6, fc7, fc8) are shown as a heat strip of one cell per value; prob as its top
 * classes. The title band and the colour scale are shared with the zoom and LRN views.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void vstage_title(vctx *v, view_rect r, int stage)
{
    const vpal *pal = &v->pal;
    const net_stage *s = &v->sc->stages[stage];
    double u = v->u, x = r.x + 0.6 * u, y = r.y + 0.25 * u;
    char shape[48], op[160], line[256];
    vfmt_shape(s->out_c, s->out_h, s->out_w, shape, sizeof shape);
    vfmt_op(v, s, op, sizeof op);
    double w = vtext_draw(v, x, y, 1.15, 1, pal->accent, VA_LEFT, 0, s->name);
    w += vtext_draw(v, x + w + 0.6 * u, y + 0.1 * u, 1.0, 1, pal->fg, VA_LEFT, 0, shape);
    vtext_draw(v, x + w + 1.6 * u, y + 0.2 * u, 0.8, 0, pal->dim, VA_LEFT,
               r.x + r.w - (x + w + 1.6 * u) - 0.6 * u, op);
    y += 1.55 * u;
    vfmt_shape_line(v, s, line, sizeof line);
    vtext_draw(v, x, y, 0.8, 0, pal->fg, VA_LEFT, r.w - 1.2 * u, line);
}

void vscale_draw(vctx *v, view_rect r, const vrange *rg, int per_map)
{
    const vpal *pal = &v->pal;
    double u = v->u, bar_w = fmin(r.w * 0.42, 22 * u), bar_h = 0.6 * u;
    double x = r.x + 0.6 * u, y = r.y + 0.3 * u;
    char lo[32], hi[32], mid[32], line[128];
    vmap_bar(v, rg->map, 0, 1, x, y, bar_w, bar_h);
    vframe(v, x - 1, y - 1, bar_w + 2, bar_h + 2, 1, pal->line);
    double ty = y + bar_h + 0.1 * u;
    if (per_map) {
        vtext_draw(v, x + bar_w / 2, ty, 0.62, 0, pal->fg, VA_CENTER, bar_w,
                   vtext(v, TX_SCALE_MAP));
    } else {
        vfmt_value(rg->lo, lo, sizeof lo);
        vfmt_value(rg->hi, hi, sizeof hi);
        vtext_draw(v, x, ty, 0.62, 0, pal->fg, VA_LEFT, 0, lo);
        vtext_draw(v, x + bar_w, ty, 0.62, 0, pal->fg, VA_RIGHT, 0, hi);
        if (rg->map == VMAP_DIV)
            vtext_draw(v, x + bar_w / 2, ty, 0.62, 0, pal->fg, VA_CENTER, 0, "0");
    }
    /* the true range, and whether the brightest values were clipped */
    double tx = x + bar_w + 1.0 * u;
    vfmt_value(rg->min, lo, sizeof lo);
    vfmt_value(rg->max, hi, sizeof hi);
    snprintf(line, sizeof line, "min %s · max %s", lo, hi);
    vtext_draw(v, tx, y - 0.15 * u, 0.7, 0, pal->fg, VA_LEFT, r.x + r.w - tx, line);
    if (rg->nan || rg->inf) {
        snprintf(line, sizeof line, vtext(v, TX_SCALE_NONFINITE), rg->nan, rg->inf);
        vtext_draw(v, tx, y + 0.8 * u, 0.62, 1, pal->warn, VA_LEFT, r.x + r.w - tx, line);
    } else if (!per_map && (rg->max > rg->hi || rg->min < rg->lo)) {
        vfmt_value(rg->hi, mid, sizeof mid);
        snprintf(line, sizeof line, vtext(v, TX_SCALE_CLIP), mid);
        vtext_draw(v, tx, y + 0.8 * u, 0.62, 0, pal->dim, VA_LEFT, r.x + r.w - tx, line);
    }
}

/* Best column count for n maps of mh×mw (plus a 1-pixel gap) in a w×h area. */
static int best_cols(int n, int mh, int mw, double w, double h, double *scale)
{
    int best = 1;
    double best_s = 0;
    for (int cols = 1; cols <= n; cols++) {
        int rows = (n + cols - 1) / cols;
        double s = fmin(w / (cols * (mw + 1.0)), h / (rows * (mh + 1.0)));
        if (s > best_s)
            best_s = s, best = cols;
    }
    *scale = best_s;
    return best;
}

void vgrid_layout_make(vctx *v, int stage, vgrid_layout *g)
{
    const view_scene *sc = v->sc;
    const view_state *st = v->st;
    view_rect r = v->r;
    double u = v->u;
    memset(g, 0, sizeof *g);
    if (stage < 0)
        return;
    const net_stage *s = &sc->stages[stage];
    g->title = (view_rect){r.x, r.y, r.w, 2.9 * u};
    g->scale = (view_rect){r.x, r.y + r.h - 2.2 * u, r.w, 2.2 * u};
    double top = r.y + g->title.h, bottom = g->scale.y, split = 1.2 * u;
    int a[2], b[2];
    net_stage_towers(s, a, b);
    g->towers = b[1] > b[0] ? 2 : 1;
    double pw = g->towers == 2 ? (r.w - split) / 2 : r.w;
    for (int t = 0; t < g->towers; t++) {
        g->panel[t] = (view_rect){r.x + t * (pw + split), top, pw, bottom - top};
        g->c0[t] = t ? b[0] : a[0];
        g->n[t] = t ? b[1] - b[0] : a[1] - a[0];
    }
    double label_h = 1.3 * u, pad = 0.5 * u;
    double aw = pw - 2 * pad, ah = bottom - top - label_h - pad;
    if (aw < 4 || ah < 4)
        return;
    double s0;
    if (vstage_is_map(s)) {
        g->mh = s->out_h, g->mw = s->out_w;
        int cols = best_cols(g->n[0], g->mh, g->mw, aw, ah, &s0);
        for (int t = 0; t < g->towers; t++) {
            g->cols[t] = cols;
            g->rows[t] = (g->n[t] + cols - 1) / cols;
        }
        g->cell_w = g->mw + 1, g->cell_h = g->mh + 1;
    } else {
        int rows, cols;
        vvector_grid(g->n[0], &rows, &cols);
        g->mh = rows, g->mw = cols;
        s0 = fmin(aw / cols, ah / rows);
        for (int t = 0; t < g->towers; t++)
            g->cols[t] = g->rows[t] = 1;
        g->cell_w = cols, g->cell_h = rows;
    }
    /* whole pixels per activation once they are big enough for unequal pixels to show;
     * below that, rounding down would waste up to a third of the screen */
    g->s = s0 * (st->zoom > 0 ? st->zoom : 1);
    if (g->s >= 6)
        g->s = floor(g->s);
    for (int t = 0; t < g->towers; t++) {
        double w = (g->cols[t] * g->cell_w - (vstage_is_map(s) ? 1 : 0)) * g->s;
        double h = (g->rows[t] * g->cell_h - (vstage_is_map(s) ? 1 : 0)) * g->s;
        double fx = g->panel[t].x + pad + (aw - w) / 2, fy = top + label_h + (ah - h) / 2;
        if (st->zoom > 1) {
            fx += st->pan_x;
            fy += st->pan_y;
        }
        g->ox[t] = round(fx), g->oy[t] = round(fy);
    }
    g->ok = 1;
}

/* Channel (or vector unit) under (x, y), or -1. */
int vgrid_hit(vctx *v, double x, double y)
{
    int stage = vstage_current(v);
    vgrid_layout g;
    vgrid_layout_make(v, stage, &g);
    if (!g.ok)
        return -1;
    const net_stage *s = &v->sc->stages[stage];
    for (int t = 0; t < g.towers; t++) {
        view_rect p = g.panel[t];
        if (x < p.x || x >= p.x + p.w || y < p.y || y >= p.y + p.h)
            continue;
        double fx = (x - g.ox[t]) / g.s, fy = (y - g.oy[t]) / g.s;
        if (fx < 0 || fy < 0)
            return -1;
        if (!vstage_is_map(s)) {
            int cx = (int)fx, cy = (int)fy;
            if (cx >= g.mw || cy >= g.mh)
                return -1;
            int j = cy * g.mw + cx;
            return j < g.n[t] ? g.c0[t] + j : -1;
        }
        int col = (int)(fx / g.cell_w), row = (int)(fy / g.cell_h);
        if (col >= g.cols[t] || fx - col * g.cell_w >= g.mw || fy - row * g.cell_h >= g.mh)
            return -1;
        int j = row * g.cols[t] + col;
        return j < g.n[t] ? g.c0[t] + j : -1;
    }
    return -1;
}

static void draw_tower(vctx *v, const vgrid_layout *g, int stage, int t)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    const net_stage *s = &sc->stages[stage];
    cairo_t *cr = v->cr;
    double u = v->u;
    view_rect p = g->panel[t];
    char label[160], range[96];
    int is_map = vstage_is_map(s);
    snprintf(range, sizeof range, vtext(v, is_map ? TX_TOWER_RANGE : TX_VECTOR_RANGE), g->n[t],
             g->c0[t], g->c0[t] + g->n[t] - 1);
    snprintf(label, sizeof label, "%s · %s",
             g->towers == 2 ? vtext(v, t ? TX_TOWER_B : TX_TOWER_A) : vtext(v, TX_ONE_BLOCK),
             range);
    vrgb hue = g->towers == 2 ? (t ? pal->tower_b : pal->tower_a) : pal->fg;
    vfill(v, p.x + 0.5 * u, p.y + 0.2 * u, 0.5 * u, 0.7 * u, hue);
    vtext_draw(v, p.x + 1.2 * u, p.y + 0.1 * u, 0.75, 1, hue, VA_LEFT, p.w - 1.8 * u, label);

    vatlas at;
    int cols = g->cols[t];
    if (!vcache_atlas(v, stage, t, cols, &at))
        return;
    cairo_save(cr);
    cairo_rectangle(cr, p.x, p.y + 1.3 * u, p.w, p.h - 1.3 * u);
    cairo_clip(cr);
    /* a thin frame around each map, so zero (near-black) edges do not melt into the page */
    if (is_map) {
        vset(v, pal->line);
        for (int j = 0; j < g->n[t]; j++) {
            double x = g->ox[t] + (j % cols) * g->cell_w * g->s;
            double y = g->oy[t] + (j / cols) * g->cell_h * g->s;
            cairo_rectangle(cr, x - 1, y - 1, g->mw * g->s + 2, g->mh * g->s + 2);
        }
        cairo_fill(cr);
    }
    vpaint_nearest(v, at.s, g->ox[t], g->oy[t], g->s, g->s);
    cairo_restore(cr);
}

/* Outline and name the map (or value) under the pointer. */
static void draw_hover(vctx *v, const vgrid_layout *g, int stage)
{
    const view_state *st = v->st;
    if (!st->cursor_in)
        return;
    int c = vgrid_hit(v, st->cursor_x, st->cursor_y);
    if (c < 0)
        return;
    const net_stage *s = &v->sc->stages[stage];
    const vpal *pal = &v->pal;
    int t = g->towers == 2 && c >= g->c0[1] ? 1 : 0, j = c - g->c0[t];
    char val[32], line[128];
    double x, y, w, h;
    if (vstage_is_map(s)) {
        int cols = g->cols[t];
        x = g->ox[t] + (j % cols) * g->cell_w * g->s, y = g->oy[t] + (j / cols) * g->cell_h * g->s;
        w = g->mw * g->s, h = g->mh * g->s;
        size_t plane = (size_t)s->out_h * s->out_w;
        const float *m = v->sc->out[stage] + (size_t)c * plane;
        float mx = m[0];
        for (size_t i = 1; i < plane; i++)
            mx = m[i] > mx ? m[i] : mx;
        vfmt_value(mx, val, sizeof val);
        snprintf(line, sizeof line, vtext(v, TX_MAP_HOVER), c, val);
    } else {
        x = g->ox[t] + (j % g->mw) * g->s, y = g->oy[t] + (j / g->mw) * g->s;
        w = h = g->s;
        vfmt_value(v->sc->out[stage][c], val, sizeof val);
        snprintf(line, sizeof line, "%s %d = %s", s->name, c, val);
    }
    vframe(v, x - 3, y - 3, w + 6, h + 6, 3, pal->accent);
    double tw, th, u = v->u;
    vtext_size(v, 0.75, 1, line, &tw, &th);
    double lx = fmin(x, v->r.x + v->r.w - tw - 0.8 * u), ly = y + h + 6;
    if (ly + th + 0.3 * u > g->scale.y)
        ly = y - th - 0.5 * u;
    vround(v, lx - 0.3 * u, ly, tw + 0.6 * u, th + 0.2 * u, 0.2 * u);
    vset_a(v, pal->bg, 0.9);
    cairo_fill(v->cr);
    vtext_draw(v, lx, ly + 0.1 * u, 0.75, 1, pal->accent, VA_LEFT, 0, line);
}

void view_draw_grid(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    int stage = vctx_begin_stage(&v, cr, r, sc, st);
    if (stage < 0)
        return;
    vgrid_layout g;
    vgrid_layout_make(&v, stage, &g);
    vstage_title(&v, g.title, stage);
    const net_stage *s = &sc->stages[stage];
    const vpal *pal = &v.pal;
    double u = v.u;
    if (stage >= sc->done) {
        char line[128];
        snprintf(line, sizeof line, vtext(&v, TX_NOT_YET), s->name);
        vtext_draw(&v, r.x + r.w / 2, r.y + r.h / 2 - u, 1.1, 0, pal->dim, VA_CENTER, r.w, line);
        vctx_end(&v);
        return;
    }
    if (s->op == NET_OP_SOFTMAX) {
        vpred_bars(&v, (view_rect){r.x, r.y + g.title.h, r.w, r.h - g.title.h}, 10);
        vctx_end(&v);
        return;
    }
    if (!g.ok) {
        vctx_end(&v);
        return;
    }
    for (int t = 0; t < g.towers; t++)
        draw_tower(&v, &g, stage, t);
    if (g.towers == 2) {
        /* the split between the towers: a solid bar the width of a few pixels */
        double lw = fmax(4, round(0.16 * u));
        double x = round(g.panel[0].x + g.panel[0].w + (g.panel[1].x - g.panel[0].x -
                                                         g.panel[0].w - lw) / 2);
        vfill(&v, x, g.panel[0].y, lw, g.panel[0].h, pal->split);
    }
    vrange rg = vcache_range(&v, stage);
    int per_map = st->contrast == VIEW_CONTRAST_MAP && vstage_is_map(s);
    vscale_draw(&v, g.scale, &rg, per_map);
    const char *mode = vstage_is_map(s)
                           ? vtext(&v, per_map ? TX_CONTRAST_MAP : TX_CONTRAST_STAGE)
                           : NULL;
    char cells[96];
    if (!vstage_is_map(s)) {
        snprintf(cells, sizeof cells, vtext(&v, TX_FC_CELLS), g.n[0], g.mw, g.mh);
        mode = cells;
    }
    vtext_draw(&v, r.x + r.w - 0.6 * u, g.scale.y + 0.2 * u, 0.7, 0, pal->dim, VA_RIGHT,
               r.w * 0.4, mode);
    if (st->zoom != 1) {
        char z[64];
        snprintf(z, sizeof z, vtext(&v, TX_ZOOMED), 100 * st->zoom);
        vtext_draw(&v, r.x + r.w - 0.6 * u, g.scale.y + 1.2 * u, 0.62, 0, pal->dim, VA_RIGHT,
                   r.w * 0.4, z);
    }
    draw_hover(&v, &g, stage);
    vctx_end(&v);
}
