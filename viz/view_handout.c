/* view_handout.c: the handout's pages, and the colour ranges of the grid (see handout.h).
 *
 * A stage page is the window's stage grid on top, the paragraph a student reads at home in the
 * middle, and the window's arithmetic view below (its title band clipped off, since the grid
 * above already shows it), so the page and the screen cannot disagree. The paragraphs are built
 * from the stage table and this photo's numbers (how many values ReLU zeroed, how much LRN
 * kept), never written per stage by hand, so a variant (LRN after pooling, 224 input) reads
 * true too. Their text lives in text.c's table with the window's (TX_PG_*), English beside
 * Korean.
 */
#include "handout.h"
#include "view_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *hx(const view_state *st, text_id id) { return text_get(id, st->lang); }

/* ---------------------------------------------------------------- colours */

int view_stage_colours(const view_scene *sc, const view_state *st, int stage, view_colours *out)
{
    memset(out, 0, sizeof *out);
    if (stage < 0 || stage >= sc->done || !sc->out[stage])
        return 0;
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, 0, 0}, sc, st);
    vrange r = vcache_range(&v, stage);
    out->diverging = r.map == VMAP_DIV;
    out->lo = r.lo, out->hi = r.hi;
    return 1;
}

void view_map_colours(const float *plane, size_t n, const view_colours *stage, view_colours *out)
{
    /* the finite values set the range, as they do for the pictures */
    float mn, mx;
    vfinite_range(plane, n, &mn, &mx);
    float amax = fmaxf(fabsf(mn), fabsf(mx));
    if (!(amax > 0))
        amax = 1;
    out->diverging = stage->diverging;
    out->lo = stage->diverging ? -amax : 0;
    out->hi = amax;
}

/* ---------------------------------------------------------------- paragraphs */

/* Appends printf-style text to buf. */
static void append(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t len, const char *fmt, ...)
{
    size_t n = strlen(buf);
    if (n + 1 >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, len - n, fmt, ap);
    va_end(ap);
}

/* Mean of out/in over the non-zero inputs of an LRN stage: how much of its size a value keeps. */
static double lrn_keeps(const view_scene *sc, int stage)
{
    const net_stage *s = &sc->table.s[stage];
    const float *a = sc->out[stage - 1], *b = sc->out[stage];
    size_t n = (size_t)s->out_c * s->out_h * s->out_w, nz = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != 0.0f)
            sum += b[i] / a[i], nz++;
    return nz ? sum / (double)nz : 1.0;
}

void view_stage_paragraph(const view_scene *sc, const view_state *st, int stage, char *buf,
                          size_t len)
{
    buf[0] = 0;
    if (stage < 0 || stage >= sc->table.count || len < 2)
        return;
    const net_stage *s = &sc->table.s[stage];
    int done = stage < sc->done && sc->out[stage];
    char num[32];
    switch (s->op) {
    case NET_OP_CONV:
        if (s->reads == NET_READS_OWN)
            append(buf, len, hx(st, TX_PG_X_CONV_GROUPS), s->out_c, s->k, s->k, s->in_c / s->groups,
                   s->in_c / s->groups);
        else if (s->reads == NET_READS_BOTH)
            append(buf, len, hx(st, TX_PG_X_CONV_BOTH), s->out_c, s->k, s->k, s->in_c, s->in_c);
        else
            append(buf, len, hx(st, TX_PG_X_CONV_IMAGE), s->out_c, s->k, s->k, s->in_c, s->stride,
                   s->out_h, s->out_w);
        append(buf, len, "%s", hx(st, TX_PG_X_CONV_END));
        break;
    case NET_OP_RELU:
        append(buf, len, hx(st, TX_PG_X_RELU), done ? 100 * sc->stats[stage].zeros : 0.0);
        break;
    case NET_OP_LRN:
        append(buf, len, hx(st, TX_PG_X_LRN), s->lrn.n, s->lrn.k, net_lrn_scale(&s->lrn),
               s->lrn.beta);
        if (done && stage > 0 && sc->out[stage - 1])
            append(buf, len, hx(st, TX_PG_X_LRN_KEEPS), 100 * lrn_keeps(sc, stage));
        break;
    case NET_OP_POOL:
        append(buf, len, hx(st, TX_PG_X_POOL), s->k, s->k, s->stride, s->in_h, s->in_w, s->out_h,
               s->out_w, s->out_c);
        break;
    case NET_OP_FC:
        if (s->in_h * s->in_w > 1)
            append(buf, len, hx(st, TX_PG_X_FC_FLAT), s->in_h, s->in_w, s->in_c,
                   s->in_c * s->in_h * s->in_w);
        net_fmt_count(s->n_w, num, sizeof num);
        append(buf, len, hx(st, TX_PG_X_FC), s->out_c, s->in_c * s->in_h * s->in_w, num);
        if (stage + 2 == sc->table.count && sc->table.s[stage + 1].op == NET_OP_SOFTMAX)
            append(buf, len, "%s", hx(st, TX_PG_X_FC_LAST));
        break;
    case NET_OP_DROPOUT: append(buf, len, "%s", hx(st, TX_PG_X_DROPOUT)); break;
    case NET_OP_SOFTMAX: append(buf, len, hx(st, TX_PG_X_SOFTMAX), s->out_c); break;
    case NET_OP_SUBSAMPLE:
    case NET_OP_RBF: break; /* LeNet-5's: never in a net that runs */
    }
    if (s->towers == 2 && vstage_is_map(s))
        append(buf, len, "%s", hx(st, TX_PG_X_TOWERS));
}

/* ---------------------------------------------------------------- pages */

/* Every page is measured before it is drawn: the texts take the room they need (wrapped at the
 * page's width, never smaller than T_MIN, 8.2 pt), and the figures (the grid, the LRN views,
 * the filters, the pipeline) take what is left. Paper shows no key hints: the page state has
 * print set, and every view leaves them out. */

/* The header (photo, stage) and footer (page number) lines; returns the y where the content
 * starts. */
static double page_frame(vctx *v, const view_page *pg, const char *right)
{
    const vpal *pal = &v->pal;
    view_rect r = v->r;
    double u = v->u, m = 3.2 * u, rw = 0;
    char line[512];
    if (right)
        vtext_size(v, T_MIN, 0, right, &rw, NULL);
    snprintf(line, sizeof line, hx(v->st, TX_PG_HEADER), pg->image ? pg->image : "");
    vtext_draw(v, r.x + m, r.y + 1.6 * u, T_MIN, VT_FILE, pal->dim, VA_LEFT, r.w - 2 * m - rw - u,
               line);
    if (right)
        vtext_draw(v, r.x + r.w - m, r.y + 1.6 * u, T_MIN, 0, pal->dim, VA_RIGHT, 0, right);
    vfill(v, r.x + m, r.y + 2.85 * u, r.w - 2 * m, fmax(0.5, 0.05 * u), pal->line);
    snprintf(line, sizeof line, hx(v->st, TX_PG_PAGE), pg->page, pg->pages);
    vtext_draw(v, r.x + r.w / 2, r.y + r.h - 2.4 * u, T_MIN, 0, pal->dim, VA_CENTER, 0, line);
    return r.y + 3.5 * u;
}

/* The bottom of a page's content. */
static double page_bottom(const vctx *v) { return v->r.y + v->r.h - 3.2 * v->u; }

/* A heading (or none) and a paragraph at y; returns the y below them; measures only when draw
 * is 0. */
static double section(vctx *v, double x, double y, double w, const char *head, const char *text,
                      int draw)
{
    double u = v->u;
    if (head) {
        double h = vtext_para_size(v, w, T_LEAD, VT_BOLD, head, NULL);
        if (draw)
            vtext_para_as(v, x, y, w, T_LEAD, VT_BOLD, v->pal.accent, head);
        y += h + 0.25 * u;
    }
    double h = vtext_para_size(v, w, T_BODY, 0, text, NULL);
    if (draw)
        vtext_para(v, x, y, w, T_BODY, v->pal.fg, text);
    return y + h + 0.7 * u;
}

/* A copy of st for one embedded view. */
static view_state sub_state(const view_state *st, view_kind kind, int stage)
{
    view_state s = *st;
    s.kind = kind;
    s.stage = stage;
    s.cursor_in = 0;
    s.help = 0;
    s.zoom = 1;
    s.pan_x = s.pan_y = 0;
    s.print = 1;
    return s;
}

void view_draw_cover(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                     const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double top = page_frame(&v, pg, NULL) + 0.8 * u, bottom = page_bottom(&v);
    char photo[512], weights[512];
    snprintf(photo, sizeof photo, hx(st, TX_PG_COVER_PHOTO), pg->image ? pg->image : "");
    if (pg->weights)
        snprintf(weights, sizeof weights, hx(st, TX_PG_COVER_WEIGHTS), pg->weights);
    else
        snprintf(weights, sizeof weights, hx(st, TX_PG_COVER_SEEDED), pg->seed);
    /* the words first: title, photo, this run, the paragraphs, the pipeline's heading */
    double y = top;
    for (int draw = 0; draw < 2; draw++) {
        double pred_h = 0, pipe_h = 0;
        y = top;
        double h = vtext_para_size(&v, w, 2.2, VT_BOLD, hx(st, TX_PG_COVER_TITLE), NULL);
        if (draw)
            vtext_para_as(&v, x, y, w, 2.2, VT_BOLD, pal->fg, hx(st, TX_PG_COVER_TITLE));
        y += h + 0.4 * u;
        h = vtext_para_size(&v, w, T_LEAD, VT_FILE, photo, NULL);
        if (draw)
            vtext_para_as(&v, x, y, w, T_LEAD, VT_FILE, pal->fg, photo);
        y += h + 0.4 * u;
        if (sc->run_known) {
            h = draw ? vpipe_run_draw(&v, x, y, w, T_MIN) : vpipe_run_height(&v, w, T_MIN);
        } else {
            h = vtext_para_size(&v, w, T_MIN, VT_FILE, weights, NULL);
            if (draw)
                vtext_para_as(&v, x, y, w, T_MIN, VT_FILE, sc->untrained ? pal->warn : pal->dim,
                              weights);
        }
        y += h + 0.6 * u;
        /* the photo and the prediction, as the window's top-5 view draws them; the pipeline
         * under the paragraphs at 9/10 of the page's size (its smallest text 7.4 pt) */
        double words = 0;
        if (sc->untrained)
            words += section(&v, x, 0, w, NULL, hx(st, TX_PG_COVER_UNTRAINED), 0);
        words += section(&v, x, 0, w, NULL, hx(st, TX_PG_COVER_HOWTO), 0);
        words +=
            vtext_para_size(&v, w, T_LEAD, VT_BOLD, hx(st, TX_PG_COVER_PIPELINE), NULL) + 0.3 * u;
        double room = bottom - y - words;
        pred_h = fmin(22 * u, room * 0.42);
        pipe_h = room - pred_h - 0.6 * u;
        if (draw) {
            view_state ps = sub_state(st, VIEW_PRED, sc->table.count - 1);
            view_draw_pred(cr, (view_rect){x, y, w, pred_h}, sc, &ps);
        }
        y += pred_h + 0.6 * u;
        if (sc->untrained)
            y = section(&v, x, y, w, NULL, hx(st, TX_PG_COVER_UNTRAINED), draw);
        y = section(&v, x, y, w, NULL, hx(st, TX_PG_COVER_HOWTO), draw);
        h = vtext_para_size(&v, w, T_LEAD, VT_BOLD, hx(st, TX_PG_COVER_PIPELINE), NULL);
        if (draw)
            vtext_para_as(&v, x, y, w, T_LEAD, VT_BOLD, pal->accent, hx(st, TX_PG_COVER_PIPELINE));
        y += h + 0.3 * u;
        if (draw && pipe_h > 10 * u) {
            /* the pass is complete: the last stage is the current one */
            view_state pp = sub_state(st, VIEW_PIPELINE, sc->table.count - 1);
            pp.ui = 0.9 * u;
            view_scene bare = *sc; /* its "this run" lines are on the page already */
            bare.run_known = 0;
            view_draw_pipeline(cr, (view_rect){x, y, w, pipe_h}, &bare, &pp);
        }
    }
    vctx_end(&v);
}

/* "stage 3 of 23". */
static void stage_of(const view_scene *sc, const view_state *st, int stage, char *buf, size_t len)
{
    snprintf(buf, len, hx(st, TX_PG_STAGE_OF), stage + 1, sc->table.count);
}

/* The stage page's words under the grid at y: what it does, on this photo, the arithmetic;
 * returns the y below them. */
static double stage_words(vctx *v, double x, double y, double w, int stage, int draw)
{
    const view_scene *sc = v->sc;
    const view_state *st = v->st;
    double u = v->u;
    char para[2048], line[512], a[32], b[32], c[32], d[32];
    view_stage_paragraph(sc, st, stage, para, sizeof para);
    y = section(v, x, y, w, hx(st, TX_PG_WHAT), para, draw);
    if (stage < sc->done && sc->out[stage]) {
        const net_stats *s = &sc->stats[stage];
        vfmt_value(s->min, a, sizeof a);
        vfmt_value(s->max, b, sizeof b);
        vfmt_value(s->mean, c, sizeof c);
        vfmt_value(s->std, d, sizeof d);
        snprintf(line, sizeof line, hx(st, TX_PG_STATS), a, b, c, d);
        if (s->zeros > 0)
            snprintf(line + strlen(line), sizeof line - strlen(line), hx(st, TX_PG_STATS_ZEROS),
                     100 * s->zeros);
        y = section(v, x, y, w, hx(st, TX_PG_NUMBERS), line, draw);
    }
    /* the window's arithmetic, without its title band (the grid above has it) or the
     * per-layer chart (it has a page of its own) */
    double h = vtext_para_size(v, w, T_LEAD, VT_BOLD, hx(st, TX_PG_ARITH), NULL);
    if (draw)
        vtext_para_as(v, x, y, w, T_LEAD, VT_BOLD, v->pal.accent, hx(st, TX_PG_ARITH));
    y += h + 0.25 * u;
    return y + varith_body(v, (view_rect){x - 0.6 * u, y, w + 1.2 * u, 0}, stage, 0, draw);
}

void view_draw_stage_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                          int stage, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    if (stage < 0 || stage >= sc->table.count) {
        vctx_end(&v);
        return;
    }
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    char right[64];
    stage_of(sc, st, stage, right, sizeof right);
    double y = page_frame(&v, pg, right), bottom = page_bottom(&v);
    /* the window's stage grid takes the room the words leave */
    double words = stage_words(&v, x, 0, w, stage, 0);
    double gh = fmin(46 * u, bottom - y - words - 0.8 * u);
    view_state gs = sub_state(st, VIEW_GRID, stage);
    view_draw_grid(cr, (view_rect){x, y, w, gh}, sc, &gs);
    stage_words(&v, x, y + gh + 0.8 * u, w, stage, 1);
    vctx_end(&v);
}

void view_draw_filters_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                            const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL), bottom = page_bottom(&v);
    double words = section(&v, x, 0, w, NULL, hx(st, TX_PG_FILT_TEXT), 0);
    double fh = fmin(40 * u, bottom - y - words - u);
    view_state fs = sub_state(st, VIEW_FILTERS, 0);
    view_draw_filters(cr, (view_rect){x, y, w, fh}, sc, &fs);
    section(&v, x, y + fh + u, w, NULL, hx(st, TX_PG_FILT_TEXT), 1);
    vctx_end(&v);
}

void view_draw_compute_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                            int stage, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL), bottom = page_bottom(&v);
    const char *text = hx(st, sc->table.s[stage].op == NET_OP_POOL ? TX_PG_COMPUTE_POOL
                              : sc->table.s[stage].op == NET_OP_FC ? TX_PG_COMPUTE_FC
                                                                   : TX_PG_COMPUTE_CONV);
    double words = section(&v, x, 0, w, NULL, text, 0);
    /* conv1's 11×11 grids have no room for their numbers in the view; under the words they
     * are drawn again, a page wide, where they do (conv2–conv5's 5×5 and 3×3 already have) */
    int conv = sc->table.s[stage].op == NET_OP_CONV && sc->table.s[stage].k > 5;
    double vh = fmin((conv ? 0.5 : 0.75) * w, bottom - y - words - u);
    view_state cs = sub_state(st, VIEW_COMPUTE, stage);
    view_draw_compute(cr, (view_rect){x - 0.6 * u, y, w + 1.2 * u, vh}, sc, &cs);
    y = section(&v, x, y + vh + u, w, NULL, text, 1) + u;
    if (conv && bottom - y > 8 * u) {
        view_rect gr = {x - 0.6 * u, y, w + 1.2 * u, bottom - y};
        vctx g;
        vctx_begin_over(&g, cr, gr, sc, &cs);
        vcompute_grids(&g, gr);
        vctx_end(&g);
    }
    vctx_end(&v);
}

/* One LRN view (at its own opening channel and unit, or channel c's) of height h, then its
 * paragraph; returns the y below them. */
static double lrn_block(vctx *v, double x, double y, double w, double h, int stage, int c,
                        const char *text)
{
    view_state ls = sub_state(v->st, VIEW_LRN, stage);
    view_state_reset_lrn(&ls, v->sc);
    ls.channel = c;
    ls.unit_x = ls.unit_y = -1;
    view_draw_lrn(v->cr, (view_rect){x - 0.6 * v->u, y, w + 1.2 * v->u, h}, v->sc, &ls);
    return section(v, x, y + h + 0.3 * v->u, w, NULL, text, 1) + 0.5 * v->u;
}

void view_draw_lrn_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                        int stage, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    char right[64], first[1024], second[1024];
    stage_of(sc, st, stage, right, sizeof right);
    double y = page_frame(&v, pg, right), bottom = page_bottom(&v);
    /* where LRN damps the most */
    view_state ls = sub_state(st, VIEW_LRN, stage);
    view_state_reset_lrn(&ls, sc);
    ls.channel = -1;
    int c = 0, ux, uy;
    view_shown_unit(sc, &ls, &c, &ux, &uy);
    snprintf(first, sizeof first, hx(st, TX_PG_LRN_TEXT), c, ux, uy);
    /* the last channel of tower A, whose window reaches into tower B: where Caffe and
     * Krizhevsky's two GPUs disagree */
    const net_stage *s = &sc->table.s[stage];
    int C = s->in_c, before = (s->lrn.n - 1) / 2, after = s->lrn.n - 1 - before;
    int edge = C >= 2 && s->lrn.n > 1;
    if (edge)
        snprintf(second, sizeof second,
                 hx(st, s->lrn.within_towers ? TX_PG_LRN_EDGE_WITHIN : TX_PG_LRN_EDGE_ACROSS),
                 C / 2 - 1, s->lrn.n, C / 2 - after, C / 2 - 1 + before);
    double p1 = section(&v, x, 0, w, NULL, first, 0) + 0.8 * u;
    double p2 = edge ? section(&v, x, 0, w, NULL, second, 0) + 0.8 * u : 0;
    double room = bottom - y - p1 - p2, h = edge ? room / 2 : room;
    if (edge && h < 28 * u)
        edge = 0, h = bottom - y - p1; /* one block, large enough to read */
    y = lrn_block(&v, x, y, w, fmin(h, 40 * u), stage, -1, first);
    if (edge)
        lrn_block(&v, x, y, w, fmin(h, 40 * u), stage, C / 2 - 1, second);
    vctx_end(&v);
}

/* ---------------------------------------------------------------- tables */

/* A table of rows × cols cells: each column as wide as its widest cell at the table's size
 * (the widest column, `flex`, takes what is left and wraps), right-aligned where right[k] is
 * set. Returns the height; draws when draw is set; shade: every other row. */
typedef struct {
    int rows, cols, flex;
    const char *(*cell)(void *ctx, int row, int col, int *bold, vrgb *c);
    void *ctx;
    const int *right;
    double fs;
} table;

static double table_flow(vctx *v, const table *t, double x, double y, double w, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, pad = 0.5 * u, cw[8] = {0}, sum = 0, y0 = y;
    for (int k = 0; k < t->cols; k++) {
        for (int r = 0; r < t->rows; r++) {
            int bold = 0;
            vrgb c;
            double tw;
            const char *text = t->cell(t->ctx, r, k, &bold, &c);
            vtext_size(v, t->fs, bold, text, &tw, NULL);
            cw[k] = fmax(cw[k], tw + 2 * pad);
        }
        if (k != t->flex)
            sum += cw[k];
    }
    cw[t->flex] = fmax(4 * u, w - sum); /* the table spans the page */
    double scale = sum + cw[t->flex] > w ? w / (sum + cw[t->flex]) : 1;
    for (int r = 0; r < t->rows; r++) {
        double rh = 0, cx = x;
        for (int k = 0; k < t->cols; k++) {
            int bold = 0;
            vrgb c;
            const char *s = t->cell(t->ctx, r, k, &bold, &c);
            rh = fmax(rh, vtext_para_size(v, cw[k] * scale - 2 * pad, t->fs, bold, s, NULL));
        }
        rh += 0.3 * u;
        if (draw) {
            if (r == 0)
                vfill(v, x, y + rh - fmax(0.5, 0.06 * u), w, fmax(0.5, 0.06 * u), pal->line);
            else if (r % 2)
                vfill(v, x, y, w, rh, vmix(pal->bg, pal->panel, 0.6));
            for (int k = 0; k < t->cols; k++) {
                int bold = 0;
                vrgb c = pal->fg;
                const char *s = t->cell(t->ctx, r, k, &bold, &c);
                double tw, cwk = cw[k] * scale;
                vtext_para_size(v, cwk - 2 * pad, t->fs, bold, s, &tw);
                double tx = t->right[k] ? cx + cwk - pad - tw : cx + pad;
                vtext_para_as(v, tx, y + 0.15 * u, cwk - 2 * pad, t->fs, bold, c, s);
                cx += cwk;
            }
        }
        y += rh;
    }
    return y - y0;
}

/* A page's title at (x, y), w wide; returns the y under it. */
static double page_title(vctx *v, double x, double y, double w, const char *title)
{
    double h = vtext_para_size(v, w, T_TITLE, VT_BOLD, title, NULL);
    vtext_para_as(v, x, y, w, T_TITLE, VT_BOLD, v->pal.fg, title);
    return y + h + 0.6 * v->u;
}

/* The stage table: a header, one row per stage, the totals. */
typedef struct {
    vctx *v;
    char cells[NET_MAX_STAGES + 2][6][160];
    vrgb colour[NET_MAX_STAGES + 2];
    int bold[NET_MAX_STAGES + 2];
} stage_cells;

static const char *stage_cell(void *ctx, int row, int col, int *bold, vrgb *c)
{
    stage_cells *t = ctx;
    *bold = t->bold[row] || (col == 0 && row > 0);
    *c = t->colour[row];
    return t->cells[row][col];
}

void view_draw_table_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                          const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL);
    y = page_title(&v, x, y, w, hx(st, TX_PG_TABLE_TITLE));
    static stage_cells t; /* 25 rows of 6 cells: too large for the stack of a worker */
    memset(&t, 0, sizeof t);
    t.v = &v;
    const text_id head[6] = {TX_PG_COL_STAGE,  TX_PG_COL_OP,   TX_PG_COL_OUT,
                             TX_PG_COL_PARAMS, TX_PG_COL_MACS, TX_PG_COL_FIELD};
    for (int k = 0; k < 6; k++)
        snprintf(t.cells[0][k], sizeof t.cells[0][k], "%s", hx(st, head[k]));
    t.colour[0] = pal->dim, t.bold[0] = 1;
    int64_t pt = 0, mt = 0, pconv = 0, mconv = 0;
    for (int i = 0; i < sc->table.count; i++) {
        const net_stage *s = &sc->table.s[i];
        char(*c)[160] = t.cells[i + 1];
        snprintf(c[0], sizeof c[0], "%s", s->name);
        vfmt_op(&v, s, c[1], sizeof c[1]);
        vfmt_shape(s->out_c, s->out_h, s->out_w, c[2], sizeof c[2]);
        if (s->params)
            net_fmt_count(s->params, c[3], sizeof c[3]);
        if (s->macs)
            net_fmt_count(s->macs, c[4], sizeof c[4]);
        if (s->rf_jump)
            snprintf(c[5], sizeof c[5], "%d", s->rf);
        t.colour[i + 1] = s->params ? pal->fg : pal->dim;
        pt += s->params, mt += s->macs;
        if (s->op == NET_OP_CONV)
            pconv += s->params, mconv += s->macs;
    }
    int last = sc->table.count + 1;
    snprintf(t.cells[last][0], sizeof t.cells[last][0], "%s", hx(st, TX_PG_TOTAL));
    net_fmt_count(pt, t.cells[last][3], sizeof t.cells[last][3]);
    net_fmt_count(mt, t.cells[last][4], sizeof t.cells[last][4]);
    t.colour[last] = pal->fg, t.bold[last] = 1;
    static const int right[6] = {0, 0, 0, 1, 1, 1};
    table tb = {last + 1, 6, 1, stage_cell, &t, right, T_BODY};
    /* the table at the body size, or smaller (never under T_MIN) when the page is short */
    char note[512];
    snprintf(note, sizeof note, hx(st, TX_PG_TABLE_NOTE), pt ? 100.0 * pconv / pt : 0.0,
             mt ? 100.0 * mconv / mt : 0.0);
    double nh = section(&v, x, 0, w, NULL, note, 0);
    while (tb.fs > T_MIN && table_flow(&v, &tb, x, y, w, 0) + nh > page_bottom(&v) - y)
        tb.fs = fmax(T_MIN, tb.fs - 0.04);
    y += table_flow(&v, &tb, x, y, w, 1) + 0.8 * u;
    section(&v, x, y, w, NULL, note, 1);
    vctx_end(&v);
}

/* The eight learned layers: their stages, parameters and MACs with their share. */
typedef struct {
    char cells[10][4][96];
    vrgb colour[10][4];
} layer_cells;

static const char *layer_cell(void *ctx, int row, int col, int *bold, vrgb *c)
{
    layer_cells *t = ctx;
    *bold = row == 0 || col == 0;
    *c = t->colour[row][col];
    return t->cells[row][col];
}

void view_draw_layers_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                           const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL);
    y = page_title(&v, x, y, w, hx(st, TX_PG_BY_LAYER));
    layer_cells t;
    memset(&t, 0, sizeof t);
    const text_id head[4] = {TX_PG_COL_LAYER, TX_PG_COL_STAGES, TX_PG_COL_PARAMS, TX_PG_COL_MACS};
    for (int k = 0; k < 4; k++) {
        snprintf(t.cells[0][k], sizeof t.cells[0][k], "%s", hx(st, head[k]));
        t.colour[0][k] = pal->dim;
    }
    int64_t pt = 0, mt = 0;
    for (int i = 0; i < sc->table.count; i++)
        pt += sc->table.s[i].params, mt += sc->table.s[i].macs;
    int rows = 1;
    for (int l = 1; l <= 8; l++) {
        int64_t p = 0, mm = 0;
        int first = -1, last = -1;
        for (int i = 0; i < sc->table.count; i++)
            if (sc->table.s[i].layer == l) {
                p += sc->table.s[i].params, mm += sc->table.s[i].macs;
                first = first < 0 ? i : first;
                last = i;
            }
        if (first < 0)
            continue;
        char a[32], b[32];
        snprintf(t.cells[rows][0], sizeof t.cells[rows][0], vtext(&v, TX_LAYER), l);
        snprintf(t.cells[rows][1], sizeof t.cells[rows][1], "%s – %s", sc->table.s[first].name,
                 sc->table.s[last].name);
        net_fmt_count(p, a, sizeof a);
        net_fmt_count(mm, b, sizeof b);
        snprintf(t.cells[rows][2], sizeof t.cells[rows][2], "%s  (%.1f%%)", a,
                 pt ? 100.0 * p / pt : 0.0);
        snprintf(t.cells[rows][3], sizeof t.cells[rows][3], "%s  (%.1f%%)", b,
                 mt ? 100.0 * mm / mt : 0.0);
        t.colour[rows][0] = t.colour[rows][1] = pal->fg;
        t.colour[rows][2] = pal->tower_a, t.colour[rows][3] = pal->tower_b;
        rows++;
    }
    static const int right[4] = {0, 0, 1, 1};
    table tb = {rows, 4, 1, layer_cell, &t, right, T_BODY};
    y += table_flow(&v, &tb, x, y, w, 1) + 1.4 * u;
    /* the window's per-layer chart: where the weights are, where the work is */
    varith_chart(&v, (view_rect){x, y, w, page_bottom(&v) - y}, -1, 1);
    vctx_end(&v);
}

void view_draw_lesson_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                           int page, const view_page *pg)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    double u = v.u, m = 3.2 * u, w = r.w - 2 * m, x = r.x + m;
    double y = page_frame(&v, pg, NULL), bottom = page_bottom(&v);
    view_state ls = sub_state(st, VIEW_LESSON, 0);
    ls.lesson = page;
    view_draw_lesson(cr, (view_rect){x - 0.6 * u, y, w + 1.2 * u, bottom - y}, sc, &ls);
    vctx_end(&v);
}
