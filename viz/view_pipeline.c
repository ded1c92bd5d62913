/* view_pipeline.c: the whole network at a glance: every stage a block, the two towers as two
 * lanes, and the links between stages drawn for what each stage reads.
 *
 * A stage whose towers stay apart gets two straight links (A→A, B→B); one that reads both
 * towers (conv3, fc6, fc7, fc8) gets the crossing links too, drawn thicker in their own colour,
 * so the four places where the paper's two GPUs talk stand out; an LRN whose window crosses the
 * boundary gets a dotted rung between the lanes. Done stages are filled and show their busiest
 * map, pending ones are outlines, the current one has a thick accent border.
 *
 * The same function draws the full view (two rows, with shapes, thumbnails and a legend) and
 * the strip above the other views (one row, names only): it picks by the rectangle's height.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The first stage of row 2 in the two-row layout: the first stage of layer 3. */
static int row_break(const view_scene *sc)
{
    for (int i = 0; i < sc->n_stages; i++)
        if (sc->stages[i].layer >= 3)
            return i;
    return sc->n_stages;
}

/* Geometry shared by layout, drawing and hit testing. */
typedef struct {
    double margin, cw, bw, top[2], lane_h, lane_gap, label_h;
    double run_y;   /* top of the two "this run" lines under row 2, or 0 when not shown */
    int rows, brk, max_cols;
} pipe_geom;

#define RUN_FS 0.62   /* text size of the "this run" lines under the pipeline */
#define RUN_LEAD 1.9  /* their line height, in text sizes */

static void pipe_geom_make(vctx *v, vpipe_layout *p, pipe_geom *g)
{
    const view_scene *sc = v->sc;
    view_rect r = v->r;
    double u = v->u;
    memset(g, 0, sizeof *g);
    p->compact = r.h < 8 * u;
    g->rows = p->compact ? 1 : 2;
    g->brk = p->compact ? sc->n_stages : row_break(sc);
    int cols0 = 1 + g->brk, cols1 = sc->n_stages - g->brk;
    g->max_cols = cols0 > cols1 ? cols0 : cols1;
    /* the full view leaves room at the left for the links that wrap from row 1 to row 2 */
    g->margin = p->compact ? 0.4 * u : 2.0 * u;
    g->cw = (r.w - 2 * g->margin) / (g->max_cols > 0 ? g->max_cols : 1);
    g->bw = g->cw * (p->compact ? 0.82 : 0.76);
    if (p->compact) {
        g->label_h = 0;
        g->lane_gap = 0.25 * u;
        g->lane_h = (r.h - 2 * 0.3 * u - g->lane_gap) / 2;
        g->top[0] = r.y + 0.3 * u;
    } else {
        double gap_rows = 2.4 * u; /* room for the links that wrap from row 1 to row 2 */
        /* the "this run" lines under row 2, when the scene knows the run and there is room */
        double foot = sc->run_known && r.h > 20 * u ? 0.8 * u + 2 * RUN_LEAD * RUN_FS * u : 0;
        g->label_h = 1.5 * u;
        g->lane_gap = 0.5 * u;
        g->lane_h = (r.h - foot - 1.2 * u - gap_rows - 2 * (g->label_h + g->lane_gap)) / 4;
        /* no taller than name, shape and a square thumbnail need */
        double want = 0.3 * u + 0.8 * 1.3 * u + 0.6 * 1.35 * u + g->cw * 0.76 - 0.3 * u;
        if (g->lane_h > want)
            g->lane_h = want;
        double row_h = g->label_h + 2 * g->lane_h + g->lane_gap;
        double y0 = r.y + (r.h - foot - 2 * row_h - gap_rows) / 2;
        g->top[0] = y0 + g->label_h;
        g->top[1] = g->top[0] + row_h + gap_rows;
        g->run_y = foot > 0 ? g->top[1] + 2 * g->lane_h + g->lane_gap + 0.8 * u : 0;
    }
}

void vpipe_layout_make(vctx *v, vpipe_layout *p)
{
    const view_scene *sc = v->sc;
    pipe_geom g;
    memset(p, 0, sizeof *p);
    pipe_geom_make(v, p, &g);
    for (int item = 0; item <= sc->n_stages; item++) {
        int row = item > g.brk ? 1 : 0;
        int col = row ? item - 1 - g.brk : item;
        double x = v->r.x + g.margin + col * g.cw;
        double y = g.top[row];
        int two = item > 0 && sc->stages[item - 1].towers == 2;
        p->lanes[item] = two ? 2 : 1;
        if (two) {
            p->block[item][0] = (view_rect){x, y, g.bw, g.lane_h};
            p->block[item][1] = (view_rect){x, y + g.lane_h + g.lane_gap, g.bw, g.lane_h};
        } else {
            p->block[item][0] = (view_rect){x, y, g.bw, 2 * g.lane_h + g.lane_gap};
        }
    }
}

/* Right-edge and left-edge anchor of lane `lane` of an item (lane 0 of a one-block item is its
 * middle). */
static void anchor(const vpipe_layout *p, int item, int lane, int right, double *x, double *y)
{
    const view_rect *b = &p->block[item][p->lanes[item] == 2 ? lane : 0];
    *x = right ? b->x + b->w : b->x;
    *y = b->y + b->h / 2;
}

static void link_line(vctx *v, double x0, double y0, double x1, double y1, vrgb c, double lw,
                      int dotted)
{
    cairo_t *cr = v->cr;
    vset(v, c);
    cairo_set_line_width(cr, lw);
    if (dotted) {
        double d[2] = {lw, 1.5 * lw};
        cairo_set_dash(cr, d, 2, 0);
    }
    cairo_move_to(cr, x0, y0);
    if (fabs(y1 - y0) < 0.5) {
        cairo_line_to(cr, x1, y1);
    } else {
        double mx = (x0 + x1) / 2;
        cairo_curve_to(cr, mx, y0, mx, y1, x1, y1);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* The links into item (a stage, item ≥ 1) from the item before it, or from the left margin at
 * the start of row 2. */
static void draw_links_into(vctx *v, const vpipe_layout *p, const pipe_geom *g, int item)
{
    const net_stage *s = &v->sc->stages[item - 1];
    const vpal *pal = &v->pal;
    double u = v->u, lw = fmax(1.5, 0.09 * u), lw_x = fmax(2.5, 0.16 * u);
    int prev = item - 1, wrap = !p->compact && item - 1 == g->brk;
    int n_from = p->lanes[prev], n_to = p->lanes[item];
    double fx[2], fy[2], tx[2], ty[2];
    for (int l = 0; l < 2; l++) {
        anchor(p, prev, n_from == 2 ? l : 0, 1, &fx[l], &fy[l]);
        anchor(p, item, n_to == 2 ? l : 0, 0, &tx[l], &ty[l]);
    }
    if (wrap) {
        /* row 2 starts at the left margin: run each lane's link down and back to it */
        double ytop = g->top[1] - g->label_h - 1.5 * u;
        for (int l = 0; l < n_from; l++) {
            vrgb c = l ? pal->tower_b : pal->tower_a;
            double xr = fx[l] + (g->cw - g->bw) / 2 + l * 0.3 * u;
            double yb = ytop + l * 0.35 * u;
            double xl = v->r.x + 0.4 * u + l * 0.35 * u;
            cairo_t *cr = v->cr;
            vset(v, c);
            cairo_set_line_width(cr, lw);
            cairo_move_to(cr, fx[l], fy[l]);
            cairo_line_to(cr, xr, fy[l]);
            cairo_line_to(cr, xr, yb);
            cairo_line_to(cr, xl, yb);
            cairo_line_to(cr, xl, ty[l]);
            cairo_stroke(cr);
            fx[l] = xl, fy[l] = ty[l];
        }
    }
    vrgb ca = vmix(pal->tower_a, pal->bg, 0.25), cb = vmix(pal->tower_b, pal->bg, 0.25);
    switch (s->reads) {
    case NET_READS_IMAGE:
        link_line(v, fx[0], fy[0], tx[0], ty[0], ca, lw, 0);
        link_line(v, fx[0], fy[0], tx[1], ty[1], cb, lw, 0);
        break;
    case NET_READS_OWN:
    case NET_READS_BOUNDARY:
        link_line(v, fx[0], fy[0], tx[0], ty[0], ca, lw, 0);
        if (n_to == 2)
            link_line(v, fx[1], fy[1], tx[1], ty[1], cb, lw, 0);
        if (s->reads == NET_READS_BOUNDARY && n_to == 2) {
            double x = (fx[0] + tx[0]) / 2;
            link_line(v, x, ty[0] + 0.35 * u, x, ty[1] - 0.35 * u, pal->cross, lw, 1);
        }
        break;
    case NET_READS_BOTH:
        if (n_from == 2 && n_to == 2) {
            link_line(v, fx[0], fy[0], tx[0], ty[0], ca, lw, 0);
            link_line(v, fx[1], fy[1], tx[1], ty[1], cb, lw, 0);
        }
        for (int a = 0; a < n_from; a++)
            for (int b = 0; b < n_to; b++)
                if (n_from == 1 || n_to == 1 || a != b)
                    link_line(v, fx[a], fy[a], tx[b], ty[b], pal->cross, lw_x, 0);
        break;
    case NET_READS_ALL:
        for (int a = 0; a < n_from; a++)
            link_line(v, fx[a], fy[a], tx[0], ty[0], pal->fg, lw, 0);
        break;
    }
}

/* One block: fill and border by state, name, and in the full view the shape and a thumbnail. */
static void draw_block(vctx *v, const vpipe_layout *p, int item, int lane, int current,
                       int next)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    cairo_t *cr = v->cr;
    double u = v->u;
    view_rect b = p->block[item][lane];
    int stage = item - 1, two = p->lanes[item] == 2;
    int done = item == 0 ? sc->photo != NULL : stage < sc->done;
    vrgb hue = item == 0 ? pal->fg : !two ? pal->fg : lane ? pal->tower_b : pal->tower_a;
    double rad = fmin(0.25 * u, b.w / 6);

    vround(v, b.x, b.y, b.w, b.h, rad);
    vset(v, done ? vmix(pal->panel, hue, item == 0 ? 0.08 : 0.28) : pal->bg);
    cairo_fill_preserve(cr);
    if (current) {
        vset(v, pal->accent);
        cairo_set_line_width(cr, fmax(3, 0.2 * u));
    } else if (next) {
        double d[2] = {0.3 * u, 0.2 * u};
        cairo_set_dash(cr, d, 2, 0);
        vset(v, pal->accent);
        cairo_set_line_width(cr, fmax(1.5, 0.08 * u));
    } else {
        if (!done) {
            double d[2] = {0.25 * u, 0.2 * u};
            cairo_set_dash(cr, d, 2, 0);
        }
        vset(v, done ? hue : pal->line);
        cairo_set_line_width(cr, fmax(1, 0.06 * u));
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);

    vrgb tc = done ? pal->fg : pal->dim;
    double pad = 0.15 * u, y = b.y + pad, inner_w = b.w - 2 * pad;
    const char *name = item == 0 ? vtext(v, TX_INPUT) : sc->stages[stage].name;
    if (p->compact) {
        double fs = fmin(0.62, (b.h - 2 * pad) / u * 0.8);
        if (item == 0 && sc->photo) {
            cairo_surface_t *ph = vcache_photo(v);
            double side = fmin(b.w, b.h) - 2 * pad;
            if (ph && side > 4) {
                vpaint_smooth(v, ph, b.x + (b.w - side) / 2, b.y + (b.h - side) / 2,
                              side / sc->input_size);
            }
            return;
        }
        double tw, th;
        vtext_size(v, fs, 0, name, &tw, &th);
        if (tw > b.w - 2) /* narrow windows: a smaller name rather than "nor…" */
            fs *= (b.w - 2) / tw;
        vtext_size(v, fs, 0, name, NULL, &th);
        vtext_draw(v, b.x + b.w / 2, b.y + (b.h - th) / 2, fs, 0, current ? pal->accent : tc,
                   VA_CENTER, 0, name);
        return;
    }

    /* full view: name, shape, thumbnail */
    double fs = fmin(0.8, b.w / u / 3.6);
    vtext_draw(v, b.x + b.w / 2, y, fs, 1, tc, VA_CENTER, inner_w, name);
    y += fs * u * 1.3;
    char shape[48];
    if (item == 0) {
        vfmt_shape(3, sc->input_size, sc->input_size, shape, sizeof shape);
    } else {
        const net_stage *s = &sc->stages[stage];
        int a[2], bb[2];
        net_stage_towers(s, a, bb);
        int c = two ? (lane ? bb[1] - bb[0] : a[1] - a[0]) : s->out_c;
        vfmt_shape(c, s->out_h, s->out_w, shape, sizeof shape);
    }
    double ss = 0.6, sw;
    vtext_size(v, ss, 0, shape, &sw, NULL);
    if (sw > inner_w)
        ss *= inner_w / sw;
    vtext_draw(v, b.x + b.w / 2, y, ss, 0, tc, VA_CENTER, 0, shape);
    y += ss * u * 1.35;

    double side = fmin(inner_w, b.y + b.h - pad - y);
    if (side < 0.8 * u || !done)
        return;
    double tx = b.x + (b.w - side) / 2;
    if (item == 0) {
        cairo_surface_t *ph = vcache_photo(v);
        if (ph)
            vpaint_smooth(v, ph, tx, b.y + (b.h - side) / 2, side / sc->input_size);
        return;
    }
    const net_stage *s = &sc->stages[stage];
    int a[2], bb[2];
    net_stage_towers(s, a, bb);
    int c0 = lane ? bb[0] : a[0], c1 = lane ? bb[1] : a[1];
    if (vstage_is_map(s)) {
        cairo_surface_t *m = vcache_map(v, stage, vcache_busiest(v, stage, c0, c1));
        if (m)
            vpaint_nearest(v, m, tx, y, side / s->out_w, side / s->out_h);
    } else if (s->op == NET_OP_SOFTMAX) {
        int idx[1];
        float val[1];
        if (view_scene_top(sc, 1, idx, val)) {
            const char *cls = sc->class_name ? sc->class_name(idx[0]) : NULL;
            if (cls)
                vtext_draw(v, b.x + b.w / 2, y, 0.55, 1, pal->fg, VA_CENTER, inner_w, cls);
            else
                vtext_drawf(v, b.x + b.w / 2, y, 0.55, 1, pal->fg, VA_CENTER, inner_w, "#%d",
                            idx[0]);
            vtext_drawf(v, b.x + b.w / 2, y + 0.8 * u, 0.55, 0, pal->dim, VA_CENTER, inner_w,
                        "%.1f%%", 100 * val[0]);
        }
    } else {
        vatlas at;
        if (vcache_atlas(v, stage, lane, 1, &at)) {
            double k = fmin(side / at.mw, side / at.mh);
            vpaint_nearest(v, at.s, b.x + (b.w - k * at.mw) / 2, y, k, k);
        }
    }
}

static void draw_legend(vctx *v, double x, double y, double w)
{
    const vpal *pal = &v->pal;
    double u = v->u, lw = fmax(1.5, 0.09 * u), fs = 0.62, line = 1.15 * u, seg = 1.6 * u;
    double tx = x + seg + 0.4 * u, tw = w - seg - 0.4 * u;
    /* tower colours */
    vfill(v, x, y + 0.2 * u, 0.6 * u, 0.6 * u, pal->tower_a);
    double wa = vtext_draw(v, x + 0.9 * u, y, fs, 0, pal->fg, VA_LEFT, 0, vtext(v, TX_TOWER_A));
    vfill(v, x + 1.8 * u + wa, y + 0.2 * u, 0.6 * u, 0.6 * u, pal->tower_b);
    vtext_draw(v, x + 2.7 * u + wa, y, fs, 0, pal->fg, VA_LEFT, 0, vtext(v, TX_TOWER_B));
    y += line;
    link_line(v, x, y + 0.5 * u, x + seg, y + 0.5 * u, vmix(pal->tower_a, pal->bg, 0.25), lw, 0);
    vtext_draw(v, tx, y, fs, 0, pal->fg, VA_LEFT, tw, vtext(v, TX_PIPE_LEGEND_OWN));
    y += line;
    link_line(v, x, y + 0.1 * u, x + seg, y + 0.9 * u, pal->cross, fmax(2.5, 0.16 * u), 0);
    link_line(v, x, y + 0.9 * u, x + seg, y + 0.1 * u, pal->cross, fmax(2.5, 0.16 * u), 0);
    vtext_draw(v, tx, y, fs, 0, pal->fg, VA_LEFT, tw, vtext(v, TX_PIPE_LEGEND_BOTH));
    y += line;
    link_line(v, x + seg / 2, y + 0.05 * u, x + seg / 2, y + 0.95 * u, pal->cross, lw, 1);
    vtext_draw(v, tx, y, fs, 0, pal->fg, VA_LEFT, tw, vtext(v, TX_PIPE_LEGEND_LRN));
    y += line;
    vtext_draw(v, x, y + 0.2 * u, fs, 0, pal->dim, VA_LEFT, w, vtext(v, TX_PIPE_CLICK));
}

double vpipe_run_draw(vctx *v, double x, double y, double w, double fs)
{
    const view_scene *sc = v->sc;
    const net_config *c = &sc->cfg;
    const net_preproc *pp = &sc->preproc;
    const vpal *pal = &v->pal;
    double u = v->u;
    char weights[256], input[256], line[600];
    if (sc->weights_file[0])
        snprintf(weights, sizeof weights, vtext(v, TX_RUN_WEIGHTS), sc->weights_file);
    else
        snprintf(weights, sizeof weights, vtext(v, TX_RUN_SEEDED), (unsigned long long)sc->seed);
    const char *order = pp->bgr ? "BGR" : "RGB";
    if (pp->scale == 1.0f)
        snprintf(input, sizeof input, vtext(v, TX_RUN_INPUT), sc->input_size, sc->input_size,
                 order, pp->mean[0], pp->mean[1], pp->mean[2]);
    else
        snprintf(input, sizeof input, vtext(v, TX_RUN_INPUT_SCALED), sc->input_size,
                 sc->input_size, order, pp->scale, pp->mean[0], pp->mean[1], pp->mean[2]);
    double tw = vtext_draw(v, x, y, fs, 1, pal->accent, VA_LEFT, 0, vtext(v, TX_RUN_TITLE));
    double tx = x + tw + 0.8 * u, rw = w - tw - 0.8 * u;
    snprintf(line, sizeof line, "%s  ·  %s", weights, input);
    vtext_draw(v, tx, y, fs, 0, sc->untrained ? pal->warn : pal->fg, VA_LEFT, rw, line);
    int ceil_pools = c->pool_round == NET_ROUND_CEIL || c->pool_pad_end;
    snprintf(line, sizeof line, "%s  ·  %s  ·  %s, %s",
             vtext(v, c->lrn_after_pool ? TX_RUN_LRN_AFTER : TX_RUN_LRN_BEFORE),
             vtext(v, ceil_pools ? TX_RUN_POOL_CEIL : TX_RUN_POOL_FLOOR),
             vtext(v, c->lrn_formula == NET_LRN_PAPER ? TX_RUN_LRN_PAPER : TX_RUN_LRN_CAFFE),
             vtext(v, c->lrn_within_towers ? TX_RUN_LRN_WITHIN : TX_RUN_LRN_ACROSS));
    vtext_draw(v, tx, y + RUN_LEAD * fs * u, fs, 0, pal->fg, VA_LEFT, rw, line);
    return 2 * RUN_LEAD * fs * u;
}

/* "layer N" over the columns of each learned layer, with a bracket. */
static void draw_layer_labels(vctx *v, const vpipe_layout *p, const pipe_geom *g)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    double u = v->u;
    int i = 0;
    while (i < sc->n_stages) {
        int layer = sc->stages[i].layer, j = i;
        int row = i + 1 > g->brk ? 1 : 0;
        while (j + 1 < sc->n_stages && sc->stages[j + 1].layer == layer &&
               (j + 2 > g->brk ? 1 : 0) == row)
            j++;
        double x0 = p->block[i + 1][0].x, x1 = p->block[j + 1][0].x + g->bw;
        double y = g->top[row] - g->label_h;
        vset(v, pal->line);
        cairo_set_line_width(v->cr, fmax(1, 0.06 * u));
        cairo_move_to(v->cr, x0, y + g->label_h - 0.25 * u);
        cairo_line_to(v->cr, x0, y + g->label_h - 0.45 * u);
        cairo_line_to(v->cr, x1, y + g->label_h - 0.45 * u);
        cairo_line_to(v->cr, x1, y + g->label_h - 0.25 * u);
        cairo_stroke(v->cr);
        char label[32];
        snprintf(label, sizeof label, vtext(v, TX_LAYER), layer);
        vtext_draw(v, (x0 + x1) / 2, y, 0.65, 0, pal->dim, VA_CENTER, x1 - x0, label);
        i = j + 1;
    }
}

void view_draw_pipeline(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    if (sc->n_stages <= 0) {
        vtext_draw(&v, r.x + r.w / 2, r.y + r.h / 2, 1, 0, v.pal.dim, VA_CENTER, r.w,
                   vtext(&v, TX_NO_STAGES));
        vctx_end(&v);
        return;
    }
    vpipe_layout p;
    pipe_geom g;
    vpipe_layout_make(&v, &p);
    pipe_geom_make(&v, &p, &g);
    if (!p.compact)
        draw_layer_labels(&v, &p, &g);
    for (int item = 1; item <= sc->n_stages; item++)
        draw_links_into(&v, &p, &g, item);
    int cur = vstage_current(&v);
    int next = sc->paused && sc->done < sc->n_stages ? sc->done : -1;
    for (int item = 0; item <= sc->n_stages; item++)
        for (int lane = 0; lane < p.lanes[item]; lane++)
            draw_block(&v, &p, item, lane, item > 0 && item - 1 == cur,
                       item > 0 && item - 1 == next);
    if (!p.compact) {
        /* the legend fills the free end of row 1 */
        double x = p.block[g.brk][0].x + g.cw + 0.6 * v.u;
        double w = r.x + r.w - x - g.margin;
        if (w > 8 * v.u)
            draw_legend(&v, x, g.top[0], w);
        if (g.run_y > 0)
            vpipe_run_draw(&v, r.x + g.margin, g.run_y, r.w - 2 * g.margin, RUN_FS);
    }
    vctx_end(&v);
}

/* Stage index of the block under (x, y), or -1. */
int vpipe_hit(vctx *v, double x, double y)
{
    vpipe_layout p;
    vpipe_layout_make(v, &p);
    for (int item = 1; item <= v->sc->n_stages; item++)
        for (int lane = 0; lane < p.lanes[item]; lane++) {
            view_rect b = p.block[item][lane];
            if (x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)
                return item - 1;
        }
    return -1;
}
