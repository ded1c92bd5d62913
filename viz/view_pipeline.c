/* view_pipeline.c: the whole network at a glance: every stage a block, the two towers as two
 * lanes, and the links between stages drawn for what each stage reads.
 *
 * A stage whose towers stay apart gets two straight links (A→A, B→B); one that reads both
 * towers (conv3, fc6, fc7, fc8) gets the crossing links too, drawn thicker in their own colour,
 * so the four places where the paper's two GPUs talk stand out; an LRN whose window crosses the
 * boundary gets a dotted rung between the lanes. Done stages are filled and show their busiest
 * map, pending ones are outlines, the current one has a thick accent border.
 *
 * The layout adapts to the room instead of cutting names: the full view tries two rows of layers
 * with shapes and thumbnails, then more rows (layers are never split), then blocks without
 * thumbnails, then names alone, and takes the first whose every name and shape fits at the
 * view's text size; the legend and the "this run" lines go where room is left. The strip above
 * the other views is one row of names; when the row cannot hold every stage it shows the ones
 * around the current stage, with arrows where the list goes on (the window scrolls as the
 * lecturer steps). The function picks full view or strip by the rectangle's height.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- layout */

/* Detail of the full view's blocks. */
enum { DETAIL_NAME, DETAIL_SHAPE, DETAIL_THUMB };

/* Geometry shared by layout, drawing and hit testing. */
typedef struct {
    int rows;         /* rows of blocks */
    int row_first[8]; /* the first item of each row (items: 0 input, i + 1 stage i) */
    int cols;         /* items in the widest row */
    int detail;
    double margin, cw, bw; /* left margin (for the links that wrap), column, block width */
    double label_h, lane_h, lane_gap, row_gap;
    double top[8]; /* top of each row's lanes */
    double name_fs, shape_fs;
    double foot_y, foot_h;               /* the "this run" lines, when shown (foot_h > 0) */
    double legend_x, legend_y, legend_w; /* the legend, when shown (legend_w > 0) */
    int legend_below;
} pipe_geom;

#define RUN_FS T_MIN

static double text_w(vctx *v, double fs, int bold, const char *s)
{
    double w;
    vtext_size(v, fs, bold, s, &w, NULL);
    return w;
}

static double text_h(vctx *v, double fs)
{
    double h;
    vtext_size(v, fs, VT_BOLD, "Ag", NULL, &h);
    return h;
}

/* The shape written in a block: a tower's part, or the whole output. */
static void block_shape(const view_scene *sc, int item, int lane, char *buf, size_t len)
{
    if (item == 0) {
        vfmt_shape(3, sc->input_size, sc->input_size, buf, len);
        return;
    }
    const net_stage *s = &sc->table.s[item - 1];
    int a[2], b[2];
    net_stage_towers(s, a, b);
    int c = s->towers == 2 ? (lane ? b[1] - b[0] : a[1] - a[0]) : s->out_c;
    vfmt_shape(c, s->out_h, s->out_w, buf, len);
}

static const char *item_name(const vctx *v, int item)
{
    return item == 0 ? vtext(v, TX_INPUT) : v->sc->table.s[item - 1].name;
}

/* The widest name (bold) and shape of all items, at the given sizes. */
static void widest(vctx *v, double name_fs, double shape_fs, double *name_w, double *shape_w)
{
    const view_scene *sc = v->sc;
    *name_w = *shape_w = 0;
    for (int item = 0; item <= sc->table.count; item++) {
        char shape[48];
        *name_w = fmax(*name_w, text_w(v, name_fs, VT_BOLD, item_name(v, item)));
        block_shape(sc, item, 0, shape, sizeof shape);
        *shape_w = fmax(*shape_w, text_w(v, shape_fs, 0, shape));
    }
}

/* Splits the items into `rows` rows at layer boundaries (the input goes with layer 1), with the
 * widest row as narrow as it can be. Returns that width in items. */
static int split_rows(const view_scene *sc, int rows, int *first)
{
    /* the units: items of each layer, in order */
    int unit_first[16], unit_n[16], units = 0;
    for (int item = 0; item <= sc->table.count; item++) {
        int layer = item == 0 ? sc->table.s[0].layer : sc->table.s[item - 1].layer;
        if (!units || (item > 1 && layer != sc->table.s[item - 2].layer)) {
            if (units == 16)
                break;
            unit_first[units] = item, unit_n[units] = 0;
            units++;
        }
        unit_n[units - 1]++;
    }
    if (rows > units)
        rows = units;
    /* the smallest widest row, by trying every limit (units ≤ 16, items ≤ 25) */
    for (int limit = 1; limit <= sc->table.count + 1; limit++) {
        int r = 0, w = 0, ok = 1;
        for (int k = 0; k < units && ok; k++) {
            if (unit_n[k] > limit)
                ok = 0;
            else if (r == 0 || w + unit_n[k] > limit) {
                if (r == rows)
                    ok = 0;
                else
                    first[r++] = unit_first[k], w = unit_n[k];
            } else {
                w += unit_n[k];
            }
        }
        if (ok) {
            for (int k = r; k < 8; k++)
                first[k] = sc->table.count + 1;
            return limit;
        }
    }
    first[0] = 0;
    return sc->table.count + 1;
}

static int row_of(const pipe_geom *g, int item)
{
    int r = 0;
    while (r + 1 < g->rows && item >= g->row_first[r + 1])
        r++;
    return r;
}

/* The "this run" lines as markup, for wrapping. */
static void run_markup(vctx *v, char *buf, size_t len)
{
    const view_scene *sc = v->sc;
    const net_config *c = &sc->cfg;
    const net_preproc *pp = &sc->preproc;
    char weights[256], input[256], accent[8], warn[8];
    vrgb_hex(v->pal.accent, accent);
    vrgb_hex(v->pal.warn, warn);
    if (sc->weights_file[0])
        snprintf(weights, sizeof weights, vtext(v, TX_RUN_WEIGHTS), sc->weights_file);
    else
        snprintf(weights, sizeof weights, vtext(v, TX_RUN_SEEDED), (unsigned long long)sc->seed);
    const char *order = pp->bgr ? "BGR" : "RGB";
    if (pp->scale == 1.0f)
        snprintf(input, sizeof input, vtext(v, TX_RUN_INPUT), sc->input_size, sc->input_size, order,
                 pp->mean[0], pp->mean[1], pp->mean[2]);
    else
        snprintf(input, sizeof input, vtext(v, TX_RUN_INPUT_SCALED), sc->input_size, sc->input_size,
                 order, pp->scale, pp->mean[0], pp->mean[1], pp->mean[2]);
    int ceil_pools = c->pool_round == NET_ROUND_CEIL || c->pool_pad_end;
    char variant[512];
    snprintf(variant, sizeof variant, "%s  ·  %s  ·  %s, %s",
             vtext(v, c->lrn_after_pool ? TX_RUN_LRN_AFTER : TX_RUN_LRN_BEFORE),
             vtext(v, ceil_pools ? TX_RUN_POOL_CEIL : TX_RUN_POOL_FLOOR),
             vtext(v, c->lrn.formula == NET_LRN_PAPER ? TX_RUN_LRN_PAPER : TX_RUN_LRN_CAFFE),
             vtext(v, c->lrn.within_towers ? TX_RUN_LRN_WITHIN : TX_RUN_LRN_ACROSS));
    char *t = vmarkup_escape(vtext(v, TX_RUN_TITLE)), *w = vmarkup_escape(weights);
    char *i = vmarkup_escape(input), *va = vmarkup_escape(variant);
    snprintf(buf, len,
             "<b><span foreground=\"%s\">%s</span></b>   <span%s%s%s>%s</span>  ·  "
             "%s\n%s",
             accent, t, sc->untrained ? " foreground=\"" : "", sc->untrained ? warn : "",
             sc->untrained ? "\"" : "", w, i, va);
    g_free(t), g_free(w), g_free(i), g_free(va);
}

double vpipe_run_height(vctx *v, double w, double fs)
{
    char markup[2048];
    run_markup(v, markup, sizeof markup);
    return vtext_markup_size(v, w, fs, markup, NULL);
}

double vpipe_run_draw(vctx *v, double x, double y, double w, double fs)
{
    char markup[2048];
    run_markup(v, markup, sizeof markup);
    return vtext_markup(v, x, y, w, fs, v->pal.fg, markup, NULL);
}

/* The legend: samples and their words, flowing left to right and wrapping like text. */
enum { LEG_TOWER_A, LEG_TOWER_B, LEG_OWN, LEG_BOTH, LEG_LRN, LEG_CLICK, LEG_COUNT };

static const text_id legend_text[LEG_COUNT] = {TX_TOWER_A,         TX_TOWER_B,
                                               TX_PIPE_LEGEND_OWN, TX_PIPE_LEGEND_BOTH,
                                               TX_PIPE_LEGEND_LRN, TX_PIPE_CLICK};

static void link_line(vctx *v, double x0, double y0, double x1, double y1, vrgb c, double lw,
                      int dotted);

/* The sample drawn before item i's words, and its width. */
static double legend_sample(vctx *v, int i, double x, double mid, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, lw = fmax(1.5, 0.09 * u), seg = 1.6 * u, sq = 0.55 * u;
    if (i == LEG_CLICK)
        return 0;
    if (i <= LEG_TOWER_B) {
        if (draw)
            vfill(v, x, mid - sq / 2, sq, sq, i ? pal->tower_b : pal->tower_a);
        return sq + 0.35 * u;
    }
    if (draw && i == LEG_OWN)
        link_line(v, x, mid, x + seg, mid, vmix(pal->tower_a, pal->bg, 0.25), lw, 0);
    if (draw && i == LEG_BOTH) {
        link_line(v, x, mid - 0.4 * u, x + seg, mid + 0.4 * u, pal->cross, fmax(2.5, 0.16 * u), 0);
        link_line(v, x, mid + 0.4 * u, x + seg, mid - 0.4 * u, pal->cross, fmax(2.5, 0.16 * u), 0);
    }
    if (draw && i == LEG_LRN)
        link_line(v, x + seg / 2, mid - 0.45 * u, x + seg / 2, mid + 0.45 * u, pal->cross, lw, 1);
    return seg + 0.35 * u;
}

/* Lays the legend out in width w from (x, y), drawing it when draw; returns its height. */
static double legend_flow(vctx *v, double x, double y, double w, int draw)
{
    double u = v->u, fs = T_MIN, gap = 1.2 * u, cx = 0, line_h = 0, h = 0;
    double th = text_h(v, fs);
    for (int i = 0; i < LEG_COUNT; i++) {
        if (i == LEG_CLICK && v->st->print)
            break; /* on paper there is nothing to click */
        const char *t = vtext(v, legend_text[i]);
        double sw = legend_sample(v, i, 0, 0, 0), tw;
        double para_h = vtext_para_size(v, w - sw, fs, 0, t, &tw);
        double iw = sw + tw;
        if (cx > 0 && cx + iw > w) {
            h += line_h + 0.3 * u;
            cx = 0, line_h = 0;
        }
        if (draw) {
            legend_sample(v, i, x + cx, y + h + th / 2, 1);
            vtext_para(v, x + cx + sw, y + h, w - sw, fs, i == LEG_CLICK ? v->pal.dim : v->pal.fg,
                       t);
        }
        cx += iw + gap;
        line_h = fmax(line_h, para_h);
    }
    return h + line_h;
}

static double legend_height(vctx *v, double w, double fs)
{
    (void)fs;
    return legend_flow(v, 0, 0, w, 0);
}

/* The full view's geometry at detail d with `rows` rows; 0 when it does not fit r. */
static int full_fits(vctx *v, int rows, int d, pipe_geom *g)
{
    const view_scene *sc = v->sc;
    view_rect r = v->r;
    double u = v->u;
    memset(g, 0, sizeof *g);
    g->rows = rows, g->detail = d;
    g->cols = split_rows(sc, rows, g->row_first);
    for (int k = 0; k < 8; k++)
        if (g->row_first[k] > sc->table.count)
            g->rows = k < g->rows ? k : g->rows;
    g->name_fs = T_BODY, g->shape_fs = T_MIN;
    g->margin = g->rows > 1 ? 1.2 * u : 0.4 * u;
    g->cw = (r.w - 2 * g->margin) / g->cols;
    g->bw = g->cw - fmax(0.5 * u, 0.1 * g->cw);
    double pad = 0.15 * u, name_w, shape_w;
    widest(v, g->name_fs, g->shape_fs, &name_w, &shape_w);
    /* names may go down to T_MIN, never below, and must fit their block */
    if (name_w + 2 * pad > g->bw)
        g->name_fs = fmax(T_MIN, g->name_fs * (g->bw - 2 * pad) / name_w);
    widest(v, g->name_fs, g->shape_fs, &name_w, &shape_w);
    if (name_w + 2 * pad > g->bw + 0.5 || (d >= DETAIL_SHAPE && shape_w + 2 * pad > g->bw + 0.5))
        return 0;
    double nh = text_h(v, g->name_fs), sh = text_h(v, g->shape_fs);
    double lane = 2 * pad + nh + (d >= DETAIL_SHAPE ? sh : 0);
    g->label_h = text_h(v, T_MIN) + 0.5 * u;
    g->lane_gap = 0.4 * u;
    g->row_gap = g->rows > 1 ? 1.6 * u : 0;
    double fixed = g->rows * (g->label_h + 2 * lane + g->lane_gap) + (g->rows - 1) * g->row_gap;
    double room = r.h - 0.6 * u - fixed;
    /* what else wants room: the "this run" lines under the rows, and the legend at the free end
     * of the first row or under everything; they go (legend first) when the blocks need it */
    double foot = 0, legend = 0;
    if (sc->run_known)
        foot = vpipe_run_height(v, r.w - 2 * g->margin, RUN_FS) + 0.8 * u;
    int first_row_n = g->rows > 1 ? g->row_first[1] : sc->table.count + 1;
    double free_x = r.x + g->margin + first_row_n * g->cw + 0.6 * u;
    double free_w = r.x + r.w - g->margin - free_x, wide = r.w - 2 * g->margin;
    int beside = free_w > 9 * u && legend_height(v, free_w, T_MIN) <= 2 * lane + g->label_h;
    if (!beside)
        legend = legend_height(v, wide, T_MIN) + 0.6 * u;
    double min_thumb = d == DETAIL_THUMB ? 1.2 * u : 0;
    if (room - foot - legend < 2 * g->rows * min_thumb)
        legend = 0, beside = 0;
    if (room - foot < 2 * g->rows * min_thumb)
        foot = 0;
    if (room < 2 * g->rows * min_thumb)
        return 0;
    double thumb = 0;
    if (d == DETAIL_THUMB)
        thumb = fmin(fmin(g->bw - 2 * pad, 3.6 * u), (room - foot - legend) / (2 * g->rows));
    if (thumb < min_thumb)
        return 0;
    g->lane_h = lane + thumb;
    double lanes_h = 2 * g->lane_h + g->lane_gap;
    double blocks_h = g->rows * (g->label_h + lanes_h) + (g->rows - 1) * g->row_gap;
    g->foot_h = foot;
    if (beside)
        g->legend_x = free_x, g->legend_w = free_w;
    else if (legend > 0)
        g->legend_x = r.x + g->margin, g->legend_w = wide, g->legend_below = 1;
    double y = r.y + (r.h - blocks_h - foot - legend) / 2;
    for (int k = 0; k < g->rows; k++) {
        g->top[k] = y + g->label_h;
        y += g->label_h + lanes_h + g->row_gap;
    }
    y -= g->row_gap;
    g->foot_y = y + 0.8 * u;
    g->legend_y = g->legend_below ? y + foot + 0.6 * u : g->top[0];
    return 1;
}

/* The strip: one row of names; returns the first item shown, *n how many. */
static void strip_geom(vctx *v, pipe_geom *g, int *first, int *n)
{
    const view_scene *sc = v->sc;
    view_rect r = v->r;
    double u = v->u, pad = 0.25 * u, name_w, shape_w;
    memset(g, 0, sizeof *g);
    g->rows = 1, g->detail = DETAIL_NAME;
    g->name_fs = T_MIN;
    widest(v, g->name_fs, g->name_fs, &name_w, &shape_w);
    g->bw = name_w + 2 * pad;
    g->cw = g->bw * 1.18;
    int items = sc->table.count + 1, fit = (int)((r.w - 0.8 * u) / g->cw);
    if (fit >= items) {
        *first = 0, *n = items;
        g->cw = (r.w - 0.8 * u) / items;
        g->bw = fmax(g->bw, g->cw * 0.82);
    } else {
        /* room for an arrow at each end; the current stage sits in the middle */
        fit = (int)((r.w - 4 * u) / g->cw);
        fit = fit > 1 ? fit : 1;
        int cur = vstage_current(v) + 1, f = cur - fit / 2;
        f = f < 0 ? 0 : f + fit > items ? items - fit : f;
        *first = f, *n = fit;
    }
    g->margin = (r.w - *n * g->cw) / 2;
    g->lane_gap = 0.25 * u;
    g->lane_h = (r.h - 0.6 * u - g->lane_gap) / 2;
    g->top[0] = r.y + 0.3 * u;
}

static int compact(const vctx *v) { return v->r.h < 9 * v->u; }

static void geom_make(vctx *v, vpipe_layout *p, pipe_geom *g)
{
    const view_scene *sc = v->sc;
    memset(p, 0, sizeof *p);
    p->compact = compact(v);
    int first = 0, n = sc->table.count + 1, found = 0;
    if (!p->compact) {
        /* fewer rows first, and thumbnails while they cost at most one more row */
        static const int tries[][2] = {{2, DETAIL_THUMB}, {3, DETAIL_THUMB}, {2, DETAIL_SHAPE},
                                       {3, DETAIL_SHAPE}, {4, DETAIL_THUMB}, {4, DETAIL_SHAPE},
                                       {5, DETAIL_SHAPE}, {6, DETAIL_SHAPE}, {2, DETAIL_NAME},
                                       {3, DETAIL_NAME},  {4, DETAIL_NAME},  {5, DETAIL_NAME},
                                       {6, DETAIL_NAME}};
        for (size_t t = 0; t < sizeof tries / sizeof tries[0] && !found; t++)
            found = full_fits(v, tries[t][0], tries[t][1], g);
        if (!found)
            p->compact = 1; /* not even names fit in rows: the scrolling strip */
    }
    if (p->compact)
        strip_geom(v, g, &first, &n);
    p->first = first, p->count = n;
    for (int item = 0; item <= sc->table.count; item++) {
        int two = item > 0 && sc->table.s[item - 1].towers == 2;
        p->lanes[item] = two ? 2 : 1;
        if (item < first || item >= first + n)
            continue; /* scrolled out of the strip: no place */
        int row = p->compact ? 0 : row_of(g, item);
        int col = p->compact ? item - first : item - g->row_first[row];
        double x = v->r.x + g->margin + col * g->cw + (g->cw - g->bw) / 2;
        double y = g->top[row];
        if (two) {
            p->block[item][0] = (view_rect){x, y, g->bw, g->lane_h};
            p->block[item][1] = (view_rect){x, y + g->lane_h + g->lane_gap, g->bw, g->lane_h};
        } else {
            p->block[item][0] = (view_rect){x, y, g->bw, 2 * g->lane_h + g->lane_gap};
        }
    }
}

void vpipe_layout_make(vctx *v, vpipe_layout *p)
{
    pipe_geom g;
    geom_make(v, p, &g);
}

/* ---------------------------------------------------------------- drawing */

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
    if (!cr)
        return;
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

static int shown(const vpipe_layout *p, int item)
{
    return item >= p->first && item < p->first + p->count;
}

/* The links into item (a stage, item ≥ 1) from the item before it; at the start of a row they
 * run down the left margin from the end of the row above. */
static void draw_links_into(vctx *v, const vpipe_layout *p, const pipe_geom *g, int item)
{
    if (!shown(p, item) || !shown(p, item - 1))
        return;
    const net_stage *s = &v->sc->table.s[item - 1];
    const vpal *pal = &v->pal;
    double u = v->u, lw = fmax(1.5, 0.09 * u), lw_x = fmax(2.5, 0.16 * u);
    int prev = item - 1;
    int wrap = !p->compact && row_of(g, item) != row_of(g, prev);
    int n_from = p->lanes[prev], n_to = p->lanes[item];
    double fx[2], fy[2], tx[2], ty[2];
    for (int l = 0; l < 2; l++) {
        anchor(p, prev, n_from == 2 ? l : 0, 1, &fx[l], &fy[l]);
        anchor(p, item, n_to == 2 ? l : 0, 0, &tx[l], &ty[l]);
    }
    if (wrap) {
        /* the next row starts at the left margin: run each lane's link down and back to it */
        int row = row_of(g, item);
        double ytop = g->top[row] - g->label_h - 0.5 * g->row_gap;
        for (int l = 0; l < n_from; l++) {
            vrgb c = l ? pal->tower_b : pal->tower_a;
            double xr = fx[l] + (g->cw - g->bw) / 2 + l * 0.3 * u;
            double yb = ytop + l * 0.35 * u;
            double xl = v->r.x + 0.3 * u + l * 0.35 * u;
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

/* The top class in the prob block, when its name fits there on up to two lines. */
static void draw_top_class(vctx *v, view_rect b, double y, double fs)
{
    const view_scene *sc = v->sc;
    double u = v->u, pad = 0.15 * u, w = b.w - 2 * pad;
    int idx[1];
    float val[1];
    if (!view_scene_top(sc, 1, idx, val))
        return;
    char cls[96], pct[32];
    if (sc->class_name)
        snprintf(cls, sizeof cls, "%s", sc->class_name(idx[0]));
    else
        snprintf(cls, sizeof cls, "#%d", idx[0]);
    snprintf(pct, sizeof pct, "%.1f%%", 100 * val[0]);
    double ch = vtext_para_size(v, w, fs, VT_BOLD, cls, NULL), pw;
    double ph = vtext_para_size(v, w, fs, 0, pct, &pw);
    if (ch > 2.6 * text_h(v, fs) || y + ch + ph > b.y + b.h - pad || pw > w)
        return;
    char *esc = vmarkup_escape(cls), markup[300];
    snprintf(markup, sizeof markup, "<b>%s</b>", esc);
    g_free(esc);
    double cw;
    vtext_markup_size(v, w, fs, markup, &cw);
    vtext_markup(v, b.x + (b.w - cw) / 2, y, w, fs, v->pal.fg, markup, NULL);
    vtext_draw(v, b.x + b.w / 2, y + ch, fs, 0, v->pal.dim, VA_CENTER, 0, pct);
}

/* One block: fill and border by state, name, and in the full view the shape and a thumbnail. */
static void draw_block(vctx *v, const vpipe_layout *p, const pipe_geom *g, int item, int lane,
                       int current, int next)
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
    double pad = 0.15 * u, inner_w = b.w - 2 * pad;
    const char *name = item_name(v, item);
    if (p->compact) {
        if (item == 0 && sc->photo) {
            cairo_surface_t *ph = vcache_photo(v);
            double side = fmin(b.w, b.h) - 2 * pad;
            if (ph && side > 4)
                vpaint_smooth(v, ph, b.x + (b.w - side) / 2, b.y + (b.h - side) / 2,
                              side / sc->input_size);
            return;
        }
        double th = text_h(v, g->name_fs);
        vtext_draw(v, b.x + b.w / 2, b.y + (b.h - th) / 2, g->name_fs, current ? VT_BOLD : 0,
                   current ? pal->accent : tc, VA_CENTER, 0, name);
        return;
    }

    /* full view: name, shape, thumbnail */
    double y = b.y + pad;
    vtext_draw(v, b.x + b.w / 2, y, g->name_fs, VT_BOLD, tc, VA_CENTER, 0, name);
    y += text_h(v, g->name_fs);
    if (g->detail < DETAIL_SHAPE)
        return;
    char shape[48];
    block_shape(sc, item, lane, shape, sizeof shape);
    vtext_draw(v, b.x + b.w / 2, y, g->shape_fs, 0, tc, VA_CENTER, 0, shape);
    y += text_h(v, g->shape_fs);
    if (g->detail < DETAIL_THUMB || !done)
        return;
    double side = fmin(inner_w, b.y + b.h - pad - y);
    if (side < 0.8 * u)
        return;
    double tx = b.x + (b.w - side) / 2;
    if (item == 0) {
        cairo_surface_t *ph = vcache_photo(v);
        if (ph)
            vpaint_smooth(v, ph, tx, y, side / sc->input_size);
        return;
    }
    const net_stage *s = &sc->table.s[stage];
    int a[2], bb[2];
    net_stage_towers(s, a, bb);
    int c0 = lane ? bb[0] : a[0], c1 = lane ? bb[1] : a[1];
    if (vstage_is_map(s)) {
        cairo_surface_t *m = vcache_map(v, stage, vcache_busiest(v, stage, c0, c1));
        if (m)
            vpaint_nearest(v, m, tx, y, side / s->out_w, side / s->out_h);
    } else if (s->op == NET_OP_SOFTMAX) {
        draw_top_class(v, b, y, T_MIN);
    } else {
        vatlas at;
        if (vcache_atlas(v, stage, lane, 1, &at)) {
            double k = fmin(side / at.mw, side / at.mh);
            vpaint_nearest(v, at.s, b.x + (b.w - k * at.mw) / 2, y, k, k);
        }
    }
}

/* An arrow at the end of a scrolled strip: more stages that way. */
static void draw_more(vctx *v, double x, double y, double h, int left)
{
    double s = fmin(0.45 * v->u, h / 3);
    vset(v, v->pal.dim);
    cairo_move_to(v->cr, x + (left ? s : -s), y + h / 2 - s);
    cairo_line_to(v->cr, x, y + h / 2);
    cairo_line_to(v->cr, x + (left ? s : -s), y + h / 2 + s);
    cairo_close_path(v->cr);
    cairo_fill(v->cr);
}

/* "layer N" over the blocks of each learned layer, with a bracket; "L N" where that is too
 * long for the layer's blocks. */
static void draw_layer_labels(vctx *v, const vpipe_layout *p, const pipe_geom *g)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    double u = v->u;
    int i = 0;
    while (i < sc->table.count) {
        int layer = sc->table.s[i].layer, j = i;
        while (j + 1 < sc->table.count && sc->table.s[j + 1].layer == layer &&
               row_of(g, j + 2) == row_of(g, i + 1))
            j++;
        int row = row_of(g, i + 1);
        double x0 = p->block[i + 1][0].x, x1 = p->block[j + 1][0].x + g->bw;
        double y = g->top[row] - g->label_h;
        vset(v, pal->line);
        cairo_set_line_width(v->cr, fmax(1, 0.06 * u));
        cairo_move_to(v->cr, x0, y + g->label_h - 0.1 * u);
        cairo_line_to(v->cr, x0, y + g->label_h - 0.3 * u);
        cairo_line_to(v->cr, x1, y + g->label_h - 0.3 * u);
        cairo_line_to(v->cr, x1, y + g->label_h - 0.1 * u);
        cairo_stroke(v->cr);
        char label[32];
        snprintf(label, sizeof label, vtext(v, TX_LAYER), layer);
        if (text_w(v, T_MIN, 0, label) > x1 - x0 + g->cw - g->bw)
            snprintf(label, sizeof label, vtext(v, TX_LAYER_SHORT), layer);
        if (text_w(v, T_MIN, 0, label) <= x1 - x0 + g->cw - g->bw)
            vtext_draw(v, (x0 + x1) / 2, y, T_MIN, 0, pal->dim, VA_CENTER, 0, label);
        i = j + 1;
    }
}

void view_draw_pipeline(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    if (sc->table.count <= 0) {
        vtext_para(&v, r.x + v.u, r.y + r.h / 2, r.w - 2 * v.u, T_BODY, v.pal.dim,
                   vtext(&v, TX_NO_STAGES));
        vctx_end(&v);
        return;
    }
    vpipe_layout p;
    pipe_geom g;
    geom_make(&v, &p, &g);
    if (!p.compact)
        draw_layer_labels(&v, &p, &g);
    for (int item = 1; item <= sc->table.count; item++)
        draw_links_into(&v, &p, &g, item);
    int cur = vstage_current(&v);
    int next = vrun(sc)->paused && sc->done < sc->table.count ? sc->done : -1;
    for (int item = p.first; item < p.first + p.count; item++)
        for (int lane = 0; lane < p.lanes[item]; lane++)
            draw_block(&v, &p, &g, item, lane, item > 0 && item - 1 == cur,
                       item > 0 && item - 1 == next);
    if (p.compact) {
        double x0 = r.x + g.margin, x1 = r.x + g.margin + p.count * g.cw;
        if (p.first > 0)
            draw_more(&v, x0 - 0.9 * v.u, g.top[0], 2 * g.lane_h + g.lane_gap, 1);
        if (p.first + p.count <= sc->table.count)
            draw_more(&v, x1 + 0.9 * v.u, g.top[0], 2 * g.lane_h + g.lane_gap, 0);
    } else {
        if (g.legend_w > 0)
            legend_flow(&v, g.legend_x, g.legend_y, g.legend_w, 1);
        if (g.foot_h > 0)
            vpipe_run_draw(&v, r.x + g.margin, g.foot_y, r.w - 2 * g.margin, RUN_FS);
    }
    vctx_end(&v);
}

/* Stage index of the block under (x, y), or -1. */
int vpipe_hit(vctx *v, double x, double y)
{
    vpipe_layout p;
    vpipe_layout_make(v, &p);
    for (int item = 1; item <= v->sc->table.count; item++)
        for (int lane = 0; lane < p.lanes[item]; lane++) {
            view_rect b = p.block[item][lane];
            if (b.w > 0 && x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)
                return item - 1;
        }
    return -1;
}
