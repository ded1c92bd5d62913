/* view_lesson.c: the lesson around the network, pages that do not follow the stage shown.
 *
 * Page 1 lays LeNet-5 beside AlexNet row by row (input, each convolution, each pooling, the fully
 * connected layers, the output), both from stage tables built by the same engine machinery, with
 * the shape arithmetic, parameters and MACs of each, the totals and their ratio, and what changed
 * between 1998 and 2012. Page 2 tells what made 60 million parameters trainable in 2012 in the
 * paper's own numbers, each item saying where alexviz shows it, with the ReLU-versus-tanh
 * comparison drawn as a sketch labelled as one. Page 3 shows dropout at training time from the
 * scene's dropout summary (the rules, a unit, drop6's and drop7's holes, the top-5 under several
 * masks); page 4 the paper's ten patches at test time from the scene's (the square, the
 * patches, their top-1s, the mean's top-5).
 *
 * Each page is a flow of blocks measured before it is drawn: the text takes the largest size
 * that fits (never under 14 px on screen or 7 pt on paper), then loses its least needed lines
 * (descriptions, then the "where in alexviz" lines), then whole blocks from the end.
 */
#include "view_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Appends printf text to buf (len bytes, always NUL-terminated). */
static void cat(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void cat(char *buf, size_t len, const char *fmt, ...)
{
    size_t n = strlen(buf);
    if (n + 1 >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, len - n, fmt, ap);
    va_end(ap);
}

/* The smallest text a page may shrink to, in units of the state's size: 14 px on screen (the
 * back row's limit), 7 pt on paper; never larger than the size itself. */
static double min_scale(const vctx *v)
{
    double px = v->st->print ? 7.0 : 14.0;
    return fmin(1.0, px / (T_MIN * v->st->ui) + 1e-3);
}

/* The first level (fewer lines at each) from 0 up to levels − 1 whose page fits r at a scale
 * k of the text (in steps of 8 %) down to 0.8, or for the last level down to the smallest
 * size: sets v->u and *level. When nothing fits, the smallest size and the last level: the flow
 * then leaves out what does not fit. */
static void fit(vctx *v, view_rect r, int levels, int *level,
                double (*height)(vctx *v, view_rect r, int level, int draw))
{
    double u0 = v->st->ui;
    for (int lv = 0; lv < levels; lv++)
        for (double k = 1, lo = fmax(min_scale(v), lv < levels - 1 ? 0.8 : 0);; k *= 0.92) {
            if (k < lo)
                k = lo;
            v->u = u0 * k;
            *level = lv;
            if (height(v, r, lv, 0) <= r.h)
                return;
            if (k <= lo)
                break;
        }
}

/* ---------------------------------------------------------------- page 1: LeNet-5 and AlexNet */

enum { ROWS = 8 };

/* The comparison's rows: a role, LeNet-5's stage (-1: the input) and AlexNet's learned layers
 * first … last; part 1 takes only their convolution and ReLU, 2 only their LRN and pooling. */
static const struct {
    text_id role;
    int lenet, first, last, part;
} rows[ROWS] = {
    {TX_LS_ROLE_INPUT, -1, 0, 0, 0}, {TX_LS_ROLE_CONV, 0, 1, 1, 1}, {TX_LS_ROLE_POOL, 1, 1, 1, 2},
    {TX_LS_ROLE_CONV, 2, 2, 2, 1},   {TX_LS_ROLE_POOL, 3, 2, 2, 2}, {TX_LS_ROLE_CONV, 4, 3, 5, 0},
    {TX_LS_ROLE_FC, 5, 6, 7, 0},     {TX_LS_ROLE_OUT, 6, 8, 8, 0},
};

/* Whether AlexNet's stage s belongs to row r. */
static int in_row(int r, const net_stage *s)
{
    if (s->layer < rows[r].first || s->layer > rows[r].last)
        return 0;
    int conv = s->op == NET_OP_CONV || s->op == NET_OP_RELU;
    return rows[r].part == 0 || (rows[r].part == 1) == conv;
}

/* The cell's last lines, shared by both networks: the formula, then the counts. */
static void cell_tail(vctx *v, const char *formula, int64_t params, int64_t macs, int fixed,
                      char *buf, size_t len)
{
    char dim[8], p[32], m[32];
    vrgb_hex(v->pal.dim, dim);
    if (formula[0]) {
        char *e = vmarkup_escape(formula);
        cat(buf, len, "\n<span foreground=\"%s\">%s</span>", dim, e);
        g_free(e);
    }
    net_fmt_count(params, p, sizeof p);
    net_fmt_count(macs, m, sizeof m);
    cat(buf, len, "\n");
    cat(buf, len, vtext(v, fixed ? TX_LS_COUNTS_FIXED : TX_LS_COUNTS), p, m);
}

/* "<b>C1</b> → <b>28×28×6</b>", the description when level is 0, then the tail. */
static void cell_head(vctx *v, const char *names, const net_stage *last, const char *desc,
                      int level, char *buf, size_t len)
{
    char shape[48], acc[8];
    vfmt_shape(last->out_c, last->out_h, last->out_w, shape, sizeof shape);
    vrgb_hex(v->pal.accent, acc);
    snprintf(buf, len, "<b>%s</b> → <span foreground=\"%s\"><b>%s</b></span>", names, acc, shape);
    if (level == 0 && desc[0])
        cat(buf, len, "\n%s", desc);
}

static void lenet_cell(vctx *v, const net_table *t, int i, int level, char *buf, size_t len)
{
    char desc[256], formula[160] = "";
    if (i < 0) {
        const net_stage *s = &t->s[0];
        snprintf(buf, len, vtext(v, TX_LS_L_INPUT), s->in_h, s->in_w, s->in_c);
        return;
    }
    const net_stage *s = &t->s[i];
    switch (s->op) {
    case NET_OP_CONV:
        if (s->links)
            snprintf(desc, sizeof desc, vtext(v, TX_LS_L_CONV_TABLE), s->k, s->k, s->out_c,
                     s->links, s->out_c * s->in_c);
        else
            snprintf(desc, sizeof desc, vtext(v, TX_LS_L_CONV), s->k, s->k, s->out_c);
        break;
    case NET_OP_SUBSAMPLE: snprintf(desc, sizeof desc, vtext(v, TX_LS_L_SUB), s->k, s->k); break;
    case NET_OP_FC: snprintf(desc, sizeof desc, vtext(v, TX_LS_L_FC), s->out_c); break;
    default: snprintf(desc, sizeof desc, vtext(v, TX_LS_L_RBF), s->out_c); break;
    }
    cell_head(v, s->name, s, desc, level, buf, len);
    vfmt_shape_line(v, s, formula, sizeof formula);
    int fixed = s->op == NET_OP_RBF;
    cell_tail(v, formula, fixed ? (int64_t)s->out_c * s->in_c : s->params, s->macs, fixed, buf,
              len);
}

static void alex_cell(vctx *v, int r, int level, char *buf, size_t len)
{
    const net_table *t = &v->sc->table;
    if (r == 0) {
        snprintf(buf, len, vtext(v, TX_LS_A_INPUT), v->sc->input_size, v->sc->input_size, 3);
        return;
    }
    char names[96] = "", desc[256] = "", formula[320] = "", prev[160] = "";
    int repeat = 0; /* conv3, conv4 and conv5 keep 13×13 alike: one line, ×3 */
    const net_stage *first = NULL, *last = NULL, *pool = NULL;
    int64_t params = 0, macs = 0;
    int widths[3] = {0}, nconv = 0, norm_first = 0;
    for (int i = 0; i < t->count; i++) {
        const net_stage *s = &t->s[i];
        if (!in_row(r, s))
            continue;
        params += s->params, macs += s->macs;
        last = s;
        if (s->op == NET_OP_RELU || s->op == NET_OP_DROPOUT)
            continue;
        if (!first)
            first = s, norm_first = s->op == NET_OP_LRN;
        if (s->op == NET_OP_POOL)
            pool = s;
        if (s->op == NET_OP_CONV && nconv < 3)
            widths[nconv++] = s->out_c;
        cat(names, sizeof names, "%s%s", names[0] ? ", " : "", s->name);
        if (s->op == NET_OP_CONV || s->op == NET_OP_POOL || s->op == NET_OP_FC) {
            char line[160];
            vfmt_shape_line(v, s, line, sizeof line);
            if (!strcmp(line, prev)) {
                repeat++;
                continue;
            }
            if (repeat > 1)
                cat(formula, sizeof formula, " (×%d)", repeat);
            cat(formula, sizeof formula, "%s%s", formula[0] ? "\n" : "", line);
            snprintf(prev, sizeof prev, "%s", line);
            repeat = 1;
        }
    }
    if (!first || !last) {
        buf[0] = 0;
        return;
    }
    if (repeat > 1)
        cat(formula, sizeof formula, " (×%d)", repeat);
    if (nconv == 3 && pool)
        snprintf(desc, sizeof desc, vtext(v, TX_LS_A_DEEP), widths[0], widths[1], widths[2],
                 pool->k, pool->k);
    else if (first->op == NET_OP_CONV && first->groups > 1)
        snprintf(desc, sizeof desc, vtext(v, TX_LS_A_CONV_TOWERS), first->k, first->k,
                 first->out_c);
    else if (first->op == NET_OP_CONV)
        snprintf(desc, sizeof desc, vtext(v, TX_LS_A_CONV), first->k, first->k, first->stride,
                 first->out_c);
    else if (pool)
        snprintf(desc, sizeof desc, vtext(v, norm_first ? TX_LS_A_NORM_POOL : TX_LS_A_POOL_NORM),
                 pool->k, pool->k, pool->stride);
    else if (last->op == NET_OP_SOFTMAX)
        snprintf(desc, sizeof desc, vtext(v, TX_LS_A_OUT), last->out_c);
    else
        snprintf(desc, sizeof desc, vtext(v, TX_LS_A_FC), first->out_c, last->out_c);
    /* the output row's shape is the last fc's (prob keeps it) */
    cell_head(v, names, last, desc, level, buf, len);
    cell_tail(v, formula, params, macs, 0, buf, len);
}

/* Totals of a table: trainable parameters and MACs. */
static void totals(const net_table *t, int64_t *params, int64_t *macs)
{
    *params = *macs = 0;
    for (int i = 0; i < t->count; i++)
        *params += t->s[i].params, *macs += t->s[i].macs;
}

/* "1,016": the ratio a/b rounded to a whole number, with separators. */
static void ratio(int64_t a, int64_t b, char *buf, size_t len)
{
    net_fmt_count(b ? (int64_t)llround((double)a / (double)b) : 0, buf, len);
}

/* The summary (totals, the notes' thousand, what changed) in width w at (x, y); level 2 leaves
 * out the list's last items when they do not fit under bottom. Returns the height. */
static double lenet_summary(vctx *v, const net_table *le, double x, double y, double w,
                            double bottom, int draw)
{
    const vpal *pal = &v->pal;
    const view_scene *sc = v->sc;
    double u = v->u, y0 = y;
    int64_t lp, lm, ap, am;
    totals(le, &lp, &lm);
    totals(&sc->table, &ap, &am);
    char line[512], a[32], b[32], k[32];
    char blocks[12][512];
    int flags[12], n = 0;
    vrgb colour[12];
    snprintf(blocks[n], sizeof blocks[0], "%s", vtext(v, TX_LS_TOTALS));
    flags[n] = VT_BOLD, colour[n++] = pal->fg;
    net_fmt_count(lp, a, sizeof a), net_fmt_count(ap, b, sizeof b), ratio(ap, lp, k, sizeof k);
    snprintf(blocks[n], sizeof blocks[0], vtext(v, TX_LS_TOTAL_LINE), vtext(v, TX_AR_PARAMS), a, b,
             k);
    flags[n] = VT_BOLD | VT_KEY, colour[n++] = pal->accent;
    net_fmt_count(lm, a, sizeof a), net_fmt_count(am, b, sizeof b), ratio(am, lm, line, 32);
    snprintf(blocks[n], sizeof blocks[0], vtext(v, TX_LS_TOTAL_LINE), vtext(v, TX_AR_MACS_SHORT), a,
             b, line);
    flags[n] = VT_BOLD, colour[n++] = pal->fg;
    snprintf(blocks[n], sizeof blocks[0], vtext(v, TX_LS_THOUSAND), k);
    flags[n] = 0, colour[n++] = pal->dim;
    snprintf(blocks[n], sizeof blocks[0], "%s", vtext(v, TX_LS_CHANGED));
    flags[n] = VT_BOLD, colour[n++] = pal->fg;
    const net_stage *l0 = &le->s[0];
    snprintf(blocks[n], sizeof blocks[0], vtext(v, TX_LS_CH_INPUT), l0->in_h, l0->in_w,
             sc->input_size, sc->input_size);
    flags[n] = 0, colour[n++] = pal->fg;
    static const text_id changes[] = {TX_LS_CH_SQUASH, TX_LS_CH_POOL, TX_LS_CH_DEVICE,
                                      TX_LS_CH_NORM, TX_LS_CH_DROPOUT};
    for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        snprintf(blocks[n], sizeof blocks[0], "%s", vtext(v, changes[i]));
        flags[n] = 0, colour[n++] = pal->fg;
    }
    snprintf(blocks[n], sizeof blocks[0], vtext(v, TX_LS_CH_CLASSES), le->s[le->count - 1].out_c,
             sc->table.count ? sc->table.s[sc->table.count - 1].out_c : 0);
    flags[n] = 0, colour[n++] = pal->fg;
    for (int i = 0; i < n; i++) {
        int item = i >= 5; /* the list of changes: bulleted */
        double size = flags[i] & VT_KEY ? T_KEY : i == 3 ? T_MIN : T_BODY;
        double ix = item ? x + 1.0 * u : x, iw = item ? w - 1.0 * u : w;
        double gap = i == 1 || i == 4 ? 0.6 * u : 0.25 * u;
        double h = vtext_para_size(v, iw, size, flags[i] & VT_BOLD, blocks[i], NULL);
        if (y + gap + h > bottom)
            break;
        y += gap;
        if (draw) {
            vtext_para_as(v, ix, y, iw, size, flags[i], colour[i], blocks[i]);
            if (item)
                vfill(v, x + 0.2 * u, y + 0.45 * u * size, 0.35 * u, 0.35 * u, pal->accent);
        }
        y += h;
    }
    return y - y0;
}

/* The table's geometry in width w: the role column and the two cells' columns. */
typedef struct {
    double role_w, cell_w, gap;
} ltable;

static ltable table_cols(vctx *v, double w)
{
    ltable g = {0, 0, 0.8 * v->u};
    for (int r = 0; r < ROWS; r++) {
        double rw;
        vtext_size(v, T_MIN, 0, vtext(v, rows[r].role), &rw, NULL);
        g.role_w = fmax(g.role_w, rw);
    }
    g.role_w += g.gap;
    if (w - g.role_w < 24 * v->u)
        g.role_w = 0; /* a narrow room: the roles go, the rows say enough */
    g.cell_w = (w - g.role_w - g.gap) / 2;
    return g;
}

/* The comparison at the top of r: returns its height (to bottom at most when drawing leaves out
 * rows that do not fit). */
static double lenet_table(vctx *v, const net_table *le, double x, double y, double w, double bottom,
                          int level, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, y0 = y;
    ltable g = table_cols(v, w);
    double cx[2] = {x + g.role_w, x + g.role_w + g.cell_w + g.gap};
    /* the heads */
    static const text_id heads[2] = {TX_LS_HEAD_LENET, TX_LS_HEAD_ALEX};
    double hh = 0;
    for (int c = 0; c < 2; c++) {
        double h = vtext_para_size(v, g.cell_w, T_BODY, VT_BOLD, vtext(v, heads[c]), NULL);
        if (draw)
            vtext_para_as(v, cx[c], y, g.cell_w, T_BODY, VT_BOLD, pal->fg, vtext(v, heads[c]));
        hh = fmax(hh, h);
    }
    y += hh + 0.2 * u;
    if (draw)
        vfill(v, x, y, w, fmax(1, 0.08 * u), pal->line);
    y += 0.3 * u;
    for (int r = 0; r < ROWS; r++) {
        char cell[2][1024];
        lenet_cell(v, le, rows[r].lenet, level, cell[0], sizeof cell[0]);
        alex_cell(v, r, level, cell[1], sizeof cell[1]);
        double h = 0;
        for (int c = 0; c < 2; c++)
            h = fmax(h, vtext_markup_size(v, g.cell_w, T_MIN, cell[c], NULL));
        if (g.role_w > 0) {
            double rh =
                vtext_para_size(v, g.role_w - g.gap, T_MIN, 0, vtext(v, rows[r].role), NULL);
            h = fmax(h, rh);
        }
        double pad = 0.15 * u;
        if (y + h + 2 * pad > bottom)
            break;
        if (draw) {
            if (r % 2)
                vfill(v, x - 0.3 * u, y, w + 0.6 * u, h + 2 * pad, pal->panel);
            if (g.role_w > 0)
                vtext_para(v, x, y + pad, g.role_w - g.gap, T_MIN, pal->dim,
                           vtext(v, rows[r].role));
            for (int c = 0; c < 2; c++)
                vtext_markup(v, cx[c], y + pad, g.cell_w, T_MIN, pal->fg, cell[c], NULL);
        }
        y += h + 2 * pad;
    }
    return y - y0;
}

/* Title and the notes' words, and on screen the page number and how to turn at the right of
 * the title when it leaves room; returns the height. */
static double page_head(vctx *v, double x, double y, double w, text_id title, text_id quote,
                        int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, tw, pw = 0, ph = 0;
    char pages[64] = "";
    if (!v->st->print) {
        snprintf(pages, sizeof pages, vtext(v, TX_LS_PAGES), v->st->lesson + 1,
                 (int)VIEW_LESSON_PAGES);
        vtext_size(v, T_MIN, 0, pages, &pw, &ph);
    }
    double h = vtext_para_size(v, w, T_LEAD, VT_BOLD, vtext(v, title), &tw);
    if (draw) {
        vtext_para_as(v, x, y, w, T_LEAD, VT_BOLD, pal->fg, vtext(v, title));
        if (pages[0] && tw + pw + 1.5 * u <= w)
            vtext_draw(v, x + w, y + (h - ph) / 2, T_MIN, 0, pal->dim, VA_RIGHT, 0, pages);
    }
    double q = vtext_para_size(v, w, T_MIN, 0, vtext(v, quote), NULL);
    if (draw)
        vtext_para(v, x, y + h + 0.15 * u, w, T_MIN, pal->dim, vtext(v, quote));
    return h + 0.15 * u + q + 0.45 * u;
}

/* The page in r at v->u: the table beside the summary when the room is wide, else above it. */
static double lenet_flow(vctx *v, view_rect r, int level, int draw)
{
    net_table le;
    net_lenet5_table(&le);
    double u = v->u, x = r.x + 0.6 * u, w = r.w - 1.2 * u, y = r.y + 0.4 * u;
    double bottom = draw ? r.y + r.h : INFINITY;
    y += page_head(v, x, y, w, TX_LS_TITLE, TX_LS_QUOTE, draw);
    int wide = w > 62 * u;
    double tw = wide ? w * 0.66 : w;
    double th = lenet_table(v, &le, x, y, tw, bottom, level, draw);
    double sx = wide ? x + tw + 1.2 * u : x, sw = wide ? w - tw - 1.2 * u : w;
    double sy = wide ? y : y + th + 0.4 * u;
    double sh = lenet_summary(v, &le, sx, sy, sw, bottom, draw);
    return (wide ? fmax(th, sh) : th + 0.4 * u + sh) + (y - r.y);
}

/* ---------------------------------------------------------------- page 2: why it trained */

/* The sketch of the paper's Figure 1 in the rectangle: two falling curves of training error,
 * ReLU's reaching the 25 % line six times sooner than tanh's. Only the line and the ratio are
 * the paper's; the curves' shape is drawn, not data. */
static void relu_sketch(vctx *v, view_rect b)
{
    const vpal *pal = &v->pal;
    double u = v->u, th;
    vtext_size(v, T_MIN, 0, "0", NULL, &th);
    char note[256];
    vtext_plain(v, TX_WHY_SKETCH_NOTE, note, sizeof note);
    double note_h = vtext_para_size(v, b.w, T_MIN, 0, note, NULL);
    double ax = b.x + th * 1.6, ay = b.y + th + 0.2 * u, aw = b.w - th * 1.6 - 0.3 * u;
    double ah = b.h - (ay - b.y) - th * 1.3 - note_h - 0.3 * u;
    if (aw < 6 * u || ah < 4 * u)
        return;
    vset(v, pal->dim);
    cairo_set_line_width(v->cr, fmax(1, 0.08 * u));
    cairo_move_to(v->cr, ax, ay);
    cairo_line_to(v->cr, ax, ay + ah);
    cairo_line_to(v->cr, ax + aw, ay + ah);
    cairo_stroke(v->cr);
    /* error e(t) = 0.75·3^(−t/T): ReLU's T = 1, tanh's T = 6, so both cross 25 % at t = T */
    double tmax = 7.5, line = 0.25;
    double ly = ay + ah * (1 - line / 0.8);
    double dash[2] = {0.3 * u, 0.2 * u};
    cairo_set_dash(v->cr, dash, 2, 0);
    cairo_move_to(v->cr, ax, ly);
    cairo_line_to(v->cr, ax + aw, ly);
    cairo_stroke(v->cr);
    cairo_set_dash(v->cr, NULL, 0, 0);
    for (int c = 0; c < 2; c++) {
        double T = c ? 6 : 1;
        vset(v, c ? pal->dim : pal->accent);
        cairo_set_line_width(v->cr, fmax(1.5, 0.14 * u));
        for (int i = 0; i <= 60; i++) {
            double t = tmax * i / 60, e = 0.75 * pow(3, -t / T);
            double px = ax + aw * t / tmax, py = ay + ah * (1 - e / 0.8);
            if (i)
                cairo_line_to(v->cr, px, py);
            else
                cairo_move_to(v->cr, px, py);
        }
        cairo_stroke(v->cr);
        /* the crossing, and the curve's name beside it */
        double px = ax + aw * T / tmax;
        vfill(v, px - 0.15 * u, ly - 0.15 * u, 0.3 * u, 0.3 * u, c ? pal->fg : pal->accent);
        const char *name = c ? "tanh" : "ReLU";
        double nw;
        vtext_size(v, T_MIN, VT_BOLD, name, &nw, NULL);
        /* ReLU's above the line, where its curve has already passed under it; tanh's under
         * the line, where ReLU's curve is near zero */
        double nx = fmin(px + 0.3 * u, ax + aw - nw);
        vtext_draw(v, nx, c ? ly + 0.2 * u : ly - th - 0.2 * u, T_MIN, VT_BOLD,
                   c ? pal->fg : pal->accent, VA_LEFT, 0, name);
    }
    vtext_draw(v, ax - 0.2 * u, ly - th / 2, T_MIN, 0, pal->dim, VA_RIGHT, 0, "25%");
    /* ×6 between the crossings */
    double x1 = ax + aw / tmax, x6 = ax + aw * 6 / tmax;
    double ay6 = ly + 0.35 * u, hd = 0.25 * u;
    vset(v, pal->fg);
    cairo_set_line_width(v->cr, fmax(1, 0.08 * u));
    cairo_move_to(v->cr, x1 + hd, ay6 - hd), cairo_line_to(v->cr, x1, ay6);
    cairo_line_to(v->cr, x1 + hd, ay6 + hd);
    cairo_move_to(v->cr, x1, ay6), cairo_line_to(v->cr, x6, ay6);
    cairo_move_to(v->cr, x6 - hd, ay6 - hd), cairo_line_to(v->cr, x6, ay6);
    cairo_line_to(v->cr, x6 - hd, ay6 + hd);
    cairo_stroke(v->cr);
    vtext_draw(v, (x1 + x6) / 2, ay6 + 0.15 * u, T_MIN, VT_BOLD, pal->fg, VA_CENTER, 0, "×6");
    vtext_draw(v, ax + aw, ay + ah + 0.15 * u, T_MIN, 0, pal->dim, VA_RIGHT, 0,
               vtext(v, TX_WHY_SKETCH_X));
    vtext_draw(v, b.x, b.y, T_MIN, 0, pal->dim, VA_LEFT, 0, vtext(v, TX_WHY_SKETCH_Y));
    vtext_para(v, b.x, b.y + b.h - note_h, b.w, T_MIN, pal->dim, note);
}

static const struct {
    text_id head, body, see;
} why_items[] = {
    {TX_WHY_RELU_HEAD, TX_WHY_RELU, TX_WHY_SEE_RELU},
    {TX_WHY_GPU_HEAD, TX_WHY_GPU, TX_WHY_SEE_GPU},
    {TX_WHY_TIME_HEAD, TX_WHY_TIME, 0},
    {TX_WHY_DROP_HEAD, TX_WHY_DROP, TX_WHY_SEE_DROP},
    {TX_WHY_AUG_HEAD, TX_WHY_AUG, TX_WHY_SEE_AUG},
    {TX_WHY_LRN_HEAD, TX_WHY_LRN, TX_WHY_SEE_LRN},
    {TX_WHY_POOL_HEAD, TX_WHY_POOL, TX_WHY_SEE_POOL},
    {TX_WHY_RESULT_HEAD, TX_WHY_RESULT, TX_WHY_SEE_RESULT},
};
enum { WHY_ITEMS = sizeof why_items / sizeof why_items[0] };

/* One item at (x, y) in width w: its heading, then the paper's numbers with where alexviz shows
 * them after an arrow (not at level 1 and up). Returns its height. */
static double why_item(vctx *v, int i, double x, double y, double w, int level, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, y0 = y;
    const char *head = vtext(v, why_items[i].head);
    double h = vtext_para_size(v, w, T_BODY, VT_BOLD, head, NULL);
    if (draw)
        vtext_para_as(v, x, y, w, T_BODY, VT_BOLD, pal->accent, head);
    y += h + 0.1 * u;
    char text[768];
    char *body = vmarkup_escape(vtext_plain(v, why_items[i].body, text, sizeof text)), markup[1536];
    snprintf(markup, sizeof markup, "%s", body);
    g_free(body);
    if (level == 0 && why_items[i].see) {
        char dim[8], *see = vmarkup_escape(vtext(v, why_items[i].see));
        vrgb_hex(pal->dim, dim);
        cat(markup, sizeof markup, " <span foreground=\"%s\">→ %s</span>", dim, see);
        g_free(see);
    }
    h = draw ? vtext_markup(v, x, y, w, T_MIN, pal->fg, markup, NULL)
             : vtext_markup_size(v, w, T_MIN, markup, NULL);
    return y + h - y0;
}

/* The items' heights in columns of width cw into h; returns their sum with the gaps. */
static double why_heights(vctx *v, double cw, int level, double sep, double sk_h, double *h)
{
    double total = 0;
    for (int i = 0; i < WHY_ITEMS; i++) {
        h[i] = why_item(v, i, 0, 0, cw, level, 0) + (i == 0 && sk_h > 0 ? sk_h + 0.3 * v->u : 0);
        total += h[i] + sep;
    }
    return total;
}

/* The sketch's size in a column of width cw: as wide as the column allows, none at level 2. */
static void sketch_size(const vctx *v, double cw, int level, double *w, double *h)
{
    *w = fmin(cw, 24 * v->u);
    *h = level < 2 ? fmin(9 * v->u, *w * 0.45) : 0;
}

/* The page in r: the items in order down one column when it fits (paper), else down two
 * columns of about equal height, the sketch under ReLU's item. Items that do not fit above the
 * bottom are left out. */
static double why_flow(vctx *v, view_rect r, int level, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, x = r.x + 0.6 * u, w = r.w - 1.2 * u, y = r.y + 0.4 * u;
    double bottom = draw ? r.y + r.h : INFINITY;
    y += page_head(v, x, y, w, TX_WHY_TITLE, TX_WHY_QUOTE, draw);
    double gap = 1.4 * u, sep = 0.6 * u, sk_w, sk_h, h[WHY_ITEMS];
    int cols = 1;
    double cw = w;
    sketch_size(v, cw, level, &sk_w, &sk_h);
    double total = why_heights(v, cw, level, sep, sk_h, h);
    if (w > 52 * u && y + total > r.y + r.h) {
        cols = 2, cw = (w - gap) / 2;
        sketch_size(v, cw, level, &sk_w, &sk_h);
        total = why_heights(v, cw, level, sep, sk_h, h);
    }
    double col_y[2] = {y, y}, end = y, left = 0;
    int c = 0;
    for (int i = 0; i < WHY_ITEMS; i++) {
        /* the second column starts where the first has about half */
        if (cols == 2 && c == 0 && i > 0 && left + (h[i] + sep) / 2 > total / 2)
            c = 1;
        left += c == 0 ? h[i] + sep : 0;
        double cx = x + c * (cw + gap);
        if (col_y[c] + h[i] > bottom)
            continue;
        if (draw) {
            double ih = why_item(v, i, cx, col_y[c], cw, level, 1);
            vfill(v, cx - 0.4 * u, col_y[c], fmax(1, 0.12 * u), ih, pal->line);
            if (i == 0 && sk_h > 0)
                relu_sketch(v, (view_rect){cx, col_y[c] + ih + 0.3 * u, sk_w, sk_h});
        }
        col_y[c] += h[i] + sep;
        end = fmax(end, col_y[c]);
    }
    /* the source, under everything */
    const char *src = vtext(v, TX_WHY_SOURCE);
    double sh = vtext_para_size(v, w, T_MIN, 0, src, NULL);
    if (end + sh <= bottom) {
        if (draw)
            vtext_para(v, x, end, w, T_MIN, pal->dim, src);
        end += sh;
    }
    return end - r.y;
}

/* ---------------------------------------------------------------- page 3: dropout */

/* A dropout stage's output as a strip of cells (rows × 128), the kept units by value, the
 * dropped ones grey, in the rectangle (x, y, w): returns its height. */
static double drop_strip(vctx *v, const float *out, const unsigned char *mask, int count, double x,
                         double y, double w, int draw)
{
    int cols = 128, lines = (count + cols - 1) / cols;
    double s = fmax(1, floor(w / cols)), h = lines * s;
    if (!draw || !out || !mask)
        return h;
    float hi = 0;
    for (int j = 0; j < count; j++)
        hi = out[j] > hi ? out[j] : hi;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cols, lines);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return h;
    }
    cairo_surface_flush(img);
    uint32_t *px = (uint32_t *)cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img) / 4;
    vmap m = vpal_map(v, VMAP_SEQ);
    for (int j = 0; j < lines * cols; j++)
        px[(j / cols) * stride + j % cols] =
            j >= count ? 0
            : !mask[j] ? VMAP_NO_VALUE
                       : vmap_color(m, hi > 0 ? fmin(1, fmax(0, out[j] / hi)) : 0);
    cairo_surface_mark_dirty(img);
    cairo_save(v->cr);
    cairo_translate(v->cr, round(x), round(y));
    cairo_scale(v->cr, s, s);
    cairo_set_source_surface(v->cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(v->cr), CAIRO_FILTER_NEAREST);
    cairo_paint(v->cr);
    cairo_restore(v->cr);
    cairo_surface_destroy(img);
    return h;
}

/* The left column: the two rules, a unit of this pass, the strips. Returns its height. */
static double drop_rules(vctx *v, double x, double y, double w, double bottom, int level, int draw)
{
    const vpal *pal = &v->pal;
    const view_scene *sc = v->sc;
    const view_dropout *d = sc->dropout;
    double u = v->u, y0 = y;
    static const text_id rules[2] = {TX_DP_PAPER, TX_DP_INVERTED};
    for (int i = 0; i < 2; i++) {
        double h = vtext_para_size(v, w - 0.6 * u, T_BODY, 0, vtext(v, rules[i]), NULL);
        if (y + h > bottom)
            return y - y0;
        if (draw) {
            vfill(v, x, y, fmax(2, 0.15 * u), h, i ? pal->accent : pal->dim);
            vtext_para(v, x + 0.6 * u, y, w - 0.6 * u, T_BODY, pal->fg, vtext(v, rules[i]));
        }
        y += h + 0.5 * u;
    }
    int k6 = d ? vdrop_of(v, d->stage[0]) : -1;
    if (k6 < 0) {
        const char *off = vtext(v, v->st->print ? TX_DP_OFF_PRINT : TX_DP_OFF);
        double h = vtext_para_size(v, w, T_BODY, 0, off, NULL);
        if (y + h > bottom)
            return y - y0;
        if (draw)
            vtext_para(v, x, y, w, T_BODY, pal->dim, off);
        return y + h - y0;
    }
    /* one unit: the strongest input of drop6, kept or dropped */
    const unsigned char *m6 = d->mask[k6];
    const net_stage *s6 = &sc->table.s[d->stage[0]];
    const float *in = sc->out[d->stage[0] - 1];
    int count = s6->out_c * s6->out_h * s6->out_w, best = 0;
    for (int j = 1; in && j < count; j++)
        best = in[j] > in[best] ? j : best;
    if (in && level < 2) {
        char xs[32], ys[32], pt[32], pz[32], line[512];
        vfmt_value(in[best], xs, sizeof xs);
        vfmt_value(d->out[k6][best], ys, sizeof ys);
        vfmt_value(m6[best] ? in[best] : 0, pt, sizeof pt);
        vfmt_value(0.5 * in[best], pz, sizeof pz);
        snprintf(line, sizeof line, vtext(v, TX_DP_UNIT), s6->name, best, xs, m6[best], ys, pt, pz);
        double h = vtext_para_size(v, w, T_MIN, 0, line, NULL);
        if (y + h > bottom)
            return y - y0;
        if (draw)
            vtext_para(v, x, y, w, T_MIN, pal->fg, line);
        y += h + 0.5 * u;
    }
    for (int k = 0; k < 2; k++) {
        if (vdrop_of(v, d->stage[k]) != k)
            continue;
        const unsigned char *m = d->mask[k];
        const net_stage *s = &sc->table.s[d->stage[k]];
        int n = s->out_c * s->out_h * s->out_w, kept = 0;
        for (int j = 0; j < n; j++)
            kept += m[j];
        char label[160];
        snprintf(label, sizeof label, vtext(v, TX_DP_STRIP), s->name, kept, n);
        double h = vtext_para_size(v, w, T_MIN, VT_BOLD, label, NULL);
        double sh = drop_strip(v, d->out[k], m, n, x, y, w, 0);
        if (y + h + 0.15 * u + sh > bottom)
            break;
        if (draw)
            vtext_para_as(v, x, y, w, T_MIN, VT_BOLD, pal->fg, label);
        y += h + 0.15 * u;
        y += drop_strip(v, d->out[k], m, n, x, y, w, draw) + 0.4 * u;
    }
    return y - y0;
}

/* The right column: the top-5 at test time and under each mask. Returns its height. */
static double drop_table(vctx *v, double x, double y, double w, double bottom, int draw)
{
    const vpal *pal = &v->pal;
    const view_dropout *d = v->sc->dropout;
    double u = v->u, y0 = y;
    if (!d || !d->ready)
        return 0;
    char head[128];
    snprintf(head, sizeof head, vtext(v, TX_DP_TABLE), VIEW_DROP_MASKS + 1);
    double h = vtext_para_size(v, w, T_BODY, VT_BOLD, head, NULL);
    if (y + h > bottom)
        return 0;
    if (draw)
        vtext_para_as(v, x, y, w, T_BODY, VT_BOLD, pal->fg, head);
    y += h + 0.3 * u;
    for (int r = 0; r < VIEW_DROP_ROWS; r++) {
        if (r == 1 && !d->shown)
            continue;
        char label[96], kept[64], list[96] = "", same[64], line[512];
        if (r == 0)
            snprintf(label, sizeof label, "%s", vtext(v, TX_DP_ROW_TEST));
        else
            snprintf(label, sizeof label, vtext(v, r == 1 ? TX_DP_ROW_SHOWN : TX_DP_ROW_MASK),
                     (unsigned long long)d->row_seed[r]);
        snprintf(kept, sizeof kept, vtext(v, TX_DP_KEPT), d->kept[r][0], d->kept[r][1]);
        int n_same = 0;
        for (int j = 0; j < d->k; j++) {
            cat(list, sizeof list, "%s%d", j ? " " : "", d->top[r][j]);
            for (int i = 0; i < d->k; i++)
                n_same += d->top[r][j] == d->top[0][i];
        }
        snprintf(same, sizeof same, vtext(v, TX_DP_SAME), n_same, d->k);
        char dim[8],
            *top1 = vmarkup_escape(v->sc->class_name ? v->sc->class_name(d->top[r][0]) : "");
        vrgb_hex(pal->dim, dim);
        snprintf(line, sizeof line, "<b>%s</b>  %s\n%s%s%s", label, kept, list,
                 top1[0] ? " · " : "", top1);
        if (r)
            cat(line, sizeof line, "\n<span foreground=\"%s\">%s</span>", dim, same);
        g_free(top1);
        double rh = vtext_markup_size(v, w, T_MIN, line, NULL);
        if (y + rh > bottom)
            break;
        if (draw) {
            if (r == 1)
                vfill(v, x - 0.3 * u, y - 0.1 * u, w + 0.6 * u, rh + 0.2 * u, pal->panel);
            vtext_markup(v, x, y, w, T_MIN, r == 1 ? pal->accent : pal->fg, line, NULL);
        }
        y += rh + 0.4 * u;
    }
    return y - y0;
}

/* The page in r: the rules and the strips beside the table (one under the other when narrow). */
static double dropout_flow(vctx *v, view_rect r, int level, int draw)
{
    double u = v->u, x = r.x + 0.6 * u, w = r.w - 1.2 * u, y = r.y + 0.4 * u;
    double bottom = draw ? r.y + r.h : INFINITY;
    y += page_head(v, x, y, w, TX_DP_TITLE, TX_DP_QUOTE, draw);
    int wide = w > 50 * u;
    double lw = wide ? w * 0.6 : w;
    double lh = drop_rules(v, x, y, lw, bottom, level, draw);
    double tx = wide ? x + lw + 1.2 * u : x, tw = wide ? w - lw - 1.2 * u : w;
    double ty = wide ? y : y + lh + 0.4 * u;
    double th = drop_table(v, tx, ty, tw, bottom, draw);
    return (wide ? fmax(lh, th) : lh + 0.4 * u + th) + (y - r.y);
}

/* ---------------------------------------------------------------- page 4: ten patches */

/* A class as the views name it: its ImageNet name, or its number. */
static void class_label(const vctx *v, int c, char *buf, size_t len)
{
    const char *name = v->sc->class_name ? v->sc->class_name(c) : NULL;
    if (name)
        snprintf(buf, len, "%s", name);
    else
        snprintf(buf, len, "#%d", c);
}

/* The colour of patch p (0 … 4) in the square and in its rows. */
static vrgb tc_hue(const vctx *v, int p)
{
    const vpal *pal = &v->pal;
    const vrgb hue[5] = {pal->tower_a, pal->tower_b, pal->ok, pal->cross, pal->accent};
    return hue[p];
}

/* The square with the five patches outlined and numbered, side `side` at (x, y), and its
 * caption under it in width cap_w. */
static void tc_square(vctx *v, const view_tencrop *t, double x, double y, double side, double cap_w)
{
    const vpal *pal = &v->pal;
    double u = v->u, k = side / VIEW_TC_SIDE;
    cairo_surface_t *img =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, VIEW_TC_SIDE, VIEW_TC_SIDE);
    if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
        cairo_surface_flush(img);
        unsigned char *px = cairo_image_surface_get_data(img);
        int stride = cairo_image_surface_get_stride(img);
        for (int r = 0; r < VIEW_TC_SIDE; r++)
            for (int c = 0; c < VIEW_TC_SIDE; c++) {
                const unsigned char *p = t->square + ((size_t)r * VIEW_TC_SIDE + c) * 3;
                ((uint32_t *)(void *)(px + (size_t)r * stride))[c] =
                    (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
            }
        cairo_surface_mark_dirty(img);
        vpaint_smooth(v, img, x, y, k);
    }
    cairo_surface_destroy(img);
    for (int p = 0; p < 5; p++) {
        double px = x + t->xy[p][0] * k, py = y + t->xy[p][1] * k, s = t->S * k;
        double inset = (p == 4 ? 0 : 0.12 * u);
        vframe(v, px + inset, py + inset, s - 2 * inset, s - 2 * inset, fmax(2, 0.12 * u),
               tc_hue(v, p));
        char num[12];
        snprintf(num, sizeof num, "%d", p + 1);
        double tw, th;
        vtext_size(v, T_MIN, VT_BOLD, num, &tw, &th);
        /* at the patch's own corner of the square (the centre's at its middle) */
        double nx = p == 4 ? px + s / 2 - tw / 2 : p % 2 ? px + s - tw - 0.5 * u : px + 0.5 * u;
        double ny = p == 4 ? py + s / 2 - th / 2 : p >= 2 ? py + s - th - 0.4 * u : py + 0.4 * u;
        vfill(v, nx - 0.2 * u, ny, tw + 0.4 * u, th, pal->bg);
        vtext_draw(v, nx, ny, T_MIN, VT_BOLD, tc_hue(v, p), VA_LEFT, 0, num);
    }
    char cap[96];
    snprintf(cap, sizeof cap, vtext(v, TX_TC_SQUARE), VIEW_TC_SIDE, VIEW_TC_SIDE);
    vtext_para(v, x, y + side + 0.2 * u, cap_w, T_MIN, pal->dim, cap);
}

/* The patches' rows, the mean's top-k and the single pass's answer in width w, once the
 * passes have ended (while they run, the progress line says how far). */
static double tc_rows(vctx *v, const view_tencrop *t, double x, double y, double w, double bottom,
                      int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, y0 = y;
    if (t->state != VIEW_TC_DONE && t->state != VIEW_TC_STOPPED)
        return 0;
    char line[512], label[192], where[96];
    static const text_id place[5] = {TX_TC_P0, TX_TC_P1, TX_TC_P2, TX_TC_P3, TX_TC_P4};
    for (int p = 0; p < t->done && p < NET_TEN_CROPS; p++) {
        if (p < 5)
            snprintf(where, sizeof where, "%s", vtext(v, place[p]));
        else
            snprintf(where, sizeof where, vtext(v, TX_TC_MIRRORED), vtext(v, place[p - 5]));
        class_label(v, t->top1[p], label, sizeof label);
        snprintf(line, sizeof line, vtext(v, TX_TC_ROW), p + 1, where, label, 100.0 * t->top1_p[p]);
        /* the line in its patch's colour, as the square outlines it */
        char hex[8], *esc = vmarkup_escape(line), markup[768];
        vrgb_hex(tc_hue(v, p % 5), hex);
        snprintf(markup, sizeof markup, "<span foreground=\"%s\">■</span> %s", hex, esc);
        g_free(esc);
        double h = vtext_markup_size(v, w, T_MIN, markup, NULL);
        if (y + h > bottom)
            return y - y0;
        if (draw)
            vtext_markup(v, x, y, w, T_MIN, pal->fg, markup, NULL);
        y += h + 0.1 * u;
    }
    y += 0.4 * u;
    snprintf(line, sizeof line, vtext(v, TX_TC_MEAN), t->k);
    double h = vtext_para_size(v, w, T_BODY, VT_BOLD, line, NULL);
    if (y + h > bottom)
        return y - y0;
    if (draw)
        vtext_para_as(v, x, y, w, T_BODY, VT_BOLD, pal->fg, line);
    y += h + 0.2 * u;
    for (int j = 0; j < t->k; j++) {
        class_label(v, t->top[j], label, sizeof label);
        snprintf(line, sizeof line, "%.1f%%  %s", 100.0 * t->topv[j], label);
        h = vtext_para_size(v, w, j ? T_MIN : T_BODY, j ? 0 : VT_BOLD, line, NULL);
        if (y + h > bottom)
            return y - y0;
        if (draw) {
            vfill(v, x, y + 0.1 * u, fmax(1, w * 0.35 * t->topv[j] / fmax(1e-6, t->topv[0])),
                  h - 0.2 * u, vmix(pal->accent, pal->bg, j ? 0.6 : 0.3));
            vtext_para_as(v, x + 0.3 * u, y, w - 0.3 * u, j ? T_MIN : T_BODY, j ? 0 : VT_BOLD,
                          pal->fg, line);
        }
        y += h + 0.1 * u;
    }
    int idx[1];
    float val[1];
    if (view_scene_top(v->sc, 1, idx, val) == 1) {
        class_label(v, idx[0], label, sizeof label);
        snprintf(line, sizeof line, vtext(v, TX_TC_SINGLE), label, 100.0 * val[0]);
        h = vtext_para_size(v, w, T_MIN, 0, line, NULL);
        if (y + 0.3 * u + h <= bottom) {
            if (draw)
                vtext_para(v, x, y + 0.3 * u, w, T_MIN, pal->dim, line);
            y += 0.3 * u + h;
        }
    }
    return y - y0;
}

/* The page in r: the square with its patches beside the rows (under them when narrow). */
static double tencrop_flow(vctx *v, view_rect r, int level, int draw)
{
    (void)level;
    const vpal *pal = &v->pal;
    const view_tencrop *t = v->sc->tencrop;
    double u = v->u, x = r.x + 0.6 * u, w = r.w - 1.2 * u, y = r.y + 0.4 * u;
    double bottom = draw ? r.y + r.h : INFINITY;
    char quote[512];
    int S = t && t->S ? t->S : v->sc->input_size;
    snprintf(quote, sizeof quote, vtext(v, TX_TC_QUOTE), S, S);
    /* the head with the quote formatted: page_head takes text ids, so it is drawn here */
    double th = vtext_para_size(v, w, T_LEAD, VT_BOLD, vtext(v, TX_TC_TITLE), NULL);
    double qh = vtext_para_size(v, w, T_MIN, 0, quote, NULL);
    if (draw) {
        vtext_para_as(v, x, y, w, T_LEAD, VT_BOLD, pal->fg, vtext(v, TX_TC_TITLE));
        vtext_para(v, x, y + th + 0.15 * u, w, T_MIN, pal->dim, quote);
    }
    y += th + 0.15 * u + qh + 0.45 * u;
    /* a state without patches says so */
    char state[256] = "";
    if (!t || t->state == VIEW_TC_NONE)
        snprintf(state, sizeof state, "%s", vtext(v, v->st->print ? TX_TC_NONE_PRINT : TX_TC_NONE));
    else if (t->state == VIEW_TC_NOPHOTO)
        snprintf(state, sizeof state, "%s", vtext(v, TX_TC_NOPHOTO));
    else if (t->state == VIEW_TC_RUNNING && !v->st->print)
        snprintf(state, sizeof state, vtext(v, TX_TC_RUNNING), t->done, NET_TEN_CROPS);
    else if (t->state == VIEW_TC_STOPPED)
        snprintf(state, sizeof state, vtext(v, TX_TC_STOPPED), t->done, NET_TEN_CROPS);
    if (state[0]) {
        double h = vtext_para_size(v, w, T_BODY, 0, state, NULL);
        if (y + h <= bottom) {
            if (draw)
                vtext_para(v, x, y, w, T_BODY, pal->accent, state);
            y += h + 0.4 * u;
        }
    }
    if (!t || !t->square)
        return y - r.y;
    int wide = w > 40 * u;
    char cap[96];
    snprintf(cap, sizeof cap, vtext(v, TX_TC_SQUARE), VIEW_TC_SIDE, VIEW_TC_SIDE);
    double cap_w = wide ? w * 0.42 : w;
    double cap_h = vtext_para_size(v, cap_w, T_MIN, 0, cap, NULL) + 0.2 * u;
    double room = (draw ? bottom : r.y + r.h) - y - 0.4 * u;
    double side = wide ? fmin(w * 0.42, room - cap_h) : fmin(w, 14 * u);
    if (wide) {
        /* the caption as wide as the square: it may take more lines */
        cap_w = fmax(side, 4 * u);
        cap_h = vtext_para_size(v, cap_w, T_MIN, 0, cap, NULL) + 0.2 * u;
        side = fmin(side, room - cap_h);
        cap_w = fmax(side, 4 * u);
    }
    side = fmax(side, 0);
    double tx = wide ? x + side + 1.2 * u : x, tw = wide ? w - side - 1.2 * u : w;
    double ty = wide ? y : y + side + cap_h + 0.6 * u;
    if (draw && side > 4 * u && y + side + cap_h <= bottom)
        tc_square(v, t, x, y, side, cap_w);
    double rh = tc_rows(v, t, tx, ty, tw, bottom, draw);
    return (wide ? fmax(side + cap_h + 0.4 * u, rh) : side + cap_h + 0.6 * u + rh) + (y - r.y);
}

/* ---------------------------------------------------------------- the view */

void view_draw_lesson(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    static double (*const flows[VIEW_LESSON_PAGES])(vctx *, view_rect, int,
                                                    int) = {[VIEW_LESSON_LENET] = lenet_flow,
                                                            [VIEW_LESSON_TRAINING] = why_flow,
                                                            [VIEW_LESSON_DROPOUT] = dropout_flow,
                                                            [VIEW_LESSON_TENCROP] = tencrop_flow};
    double (*flow)(vctx *, view_rect, int, int) =
        flows[st->lesson >= 0 && st->lesson < VIEW_LESSON_PAGES ? st->lesson : 0];
    int level;
    fit(&v, r, 3, &level, flow);
    flow(&v, r, level, 1);
    vctx_end(&v);
}
