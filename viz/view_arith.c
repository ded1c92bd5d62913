/* view_arith.c: the shape arithmetic of the current stage, what a teacher would write on the
 * board: the output-size formula with its numbers, the parameter and multiply-accumulate counts,
 * the receptive field, the running totals, and the 224-versus-227 note where it applies.
 *
 * Every line comes from the engine's stage table (net_explain_*), so it cannot disagree with
 * the trace or the exports. A bar chart per learned layer shows the lesson the totals hide:
 * the convolutions do most of the work, the fully connected layers hold most of the weights.
 *
 * Each part is measured before it is drawn (the same function does both): labels go beside
 * their values or, in a narrow room, above them; the chart goes beside the rows, under them,
 * or (when even small text leaves it no room) away; the text shrinks only as far as it must.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>

/* ---------------------------------------------------------------- the rows */

typedef struct {
    const char *label; /* may be "" (the formula under the output size) */
    char value[320];
    double size;
    int flags;
    vrgb c;
    double gap; /* extra room above the row */
} arow;

/* The rows of stage, in v's language; returns their number. *note is the 224 note or NULL,
 * *head the running-total heading. */
static int make_rows(vctx *v, int stage, arow *rows, const char **note, char *head, size_t head_len)
{
    const view_scene *sc = v->sc;
    const net_stage *s = &sc->table.s[stage];
    const vpal *pal = &v->pal;
    char in[48], out[48], a[64], b[64];
    int n = 0;
    vfmt_shape(s->in_c, s->in_h, s->in_w, in, sizeof in);
    vfmt_shape(s->out_c, s->out_h, s->out_w, out, sizeof out);
    rows[n] = (arow){vtext(v, TX_AR_OUTPUT), "", T_KEY, VT_BOLD | VT_KEY, pal->accent, 0};
    snprintf(rows[n++].value, sizeof rows[0].value, vtext(v, TX_AR_SHAPE), in, out);
    rows[n] = (arow){"", "", T_LEAD, VT_BOLD, pal->fg, 0};
    vfmt_shape_line(v, s, rows[n++].value, sizeof rows[0].value);
    rows[n] =
        (arow){vtext(v, TX_AR_PARAMS), "", T_BODY, VT_BOLD, s->params ? pal->fg : pal->dim, 0.2};
    if (s->params)
        net_explain_params(s, rows[n++].value, sizeof rows[0].value);
    else
        snprintf(rows[n++].value, sizeof rows[0].value, "%s", vtext(v, TX_AR_NO_PARAMS));
    rows[n] = (arow){vtext(v, TX_AR_MACS), "", T_BODY, VT_BOLD, s->macs ? pal->fg : pal->dim, 0};
    if (s->macs)
        net_explain_macs(s, rows[n++].value, sizeof rows[0].value);
    else
        snprintf(rows[n++].value, sizeof rows[0].value, "%s", vtext(v, TX_AR_NO_MACS));
    rows[n] = (arow){vtext(v, TX_AR_FIELD), "", T_BODY, 0, pal->fg, 0};
    if (s->rf_jump)
        snprintf(rows[n++].value, sizeof rows[0].value, vtext(v, TX_AR_FIELD_LINE), s->rf, s->rf,
                 s->rf_jump);
    else
        snprintf(rows[n++].value, sizeof rows[0].value, "%s", vtext(v, TX_AR_FIELD_ALL));
    static const text_id reads[] = {[NET_READS_IMAGE] = TX_READS_IMAGE,
                                    [NET_READS_OWN] = TX_READS_OWN,
                                    [NET_READS_BOUNDARY] = TX_READS_BOUNDARY,
                                    [NET_READS_BOTH] = TX_READS_BOTH,
                                    [NET_READS_ALL] = TX_READS_ALL};
    rows[n] = (arow){vtext(v, TX_AR_TOWERS),
                     "",
                     T_BODY,
                     0,
                     s->reads == NET_READS_BOTH ? pal->cross : pal->fg,
                     0};
    snprintf(rows[n++].value, sizeof rows[0].value, "%s", vtext(v, reads[s->reads]));

    /* running totals */
    int64_t p = 0, m = 0, pt = 0, mt = 0;
    for (int i = 0; i < sc->table.count; i++) {
        pt += sc->table.s[i].params, mt += sc->table.s[i].macs;
        if (i <= stage)
            p += sc->table.s[i].params, m += sc->table.s[i].macs;
    }
    snprintf(head, head_len, vtext(v, TX_AR_TOTALS), s->name);
    net_fmt_count(p, a, sizeof a);
    net_fmt_count(pt, b, sizeof b);
    rows[n] = (arow){vtext(v, TX_AR_PARAMS), "", T_BODY, VT_BOLD, pal->tower_a, 0};
    snprintf(rows[n++].value, sizeof rows[0].value, vtext(v, TX_AR_OF), a, b,
             pt ? 100.0 * p / pt : 0.0);
    net_fmt_count(m, a, sizeof a);
    net_fmt_count(mt, b, sizeof b);
    rows[n] = (arow){vtext(v, TX_AR_MACS), "", T_BODY, VT_BOLD, pal->tower_b, 0};
    snprintf(rows[n++].value, sizeof rows[0].value, vtext(v, TX_AR_OF), a, b,
             mt ? 100.0 * m / mt : 0.0);

    /* 224 or 227: at conv1, and at the pools whose rounding the 224 input needs */
    *note = NULL;
    if (s->op == NET_OP_CONV && s->layer == 1)
        *note = vtext(v, sc->input_size == 224 ? TX_AR_224_ZOO : TX_AR_224);
    else if (s->op == NET_OP_POOL && sc->input_size == 224)
        *note = vtext(v, TX_AR_224_ZOO);
    return n;
}

#define N_TOTAL_ROWS 2 /* the last rows: the running totals, under their heading */

/* The rows at (x, y) in width w; returns their height. */
static double rows_flow(vctx *v, double x, double y, double w, int stage, int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, y0 = y;
    arow rows[12];
    const char *note;
    char head[128];
    int n = make_rows(v, stage, rows, &note, head, sizeof head);
    /* the label column: as wide as the widest label, unless that leaves the values too little */
    double label_w = 0;
    for (int i = 0; i < n; i++) {
        double lw;
        vtext_size(v, T_MIN, 0, rows[i].label, &lw, NULL);
        label_w = fmax(label_w, lw);
    }
    label_w += 0.8 * u;
    int above = w - label_w < 14 * u || label_w > 0.42 * w;
    double vw = above ? w : w - label_w;
    for (int i = 0; i < n; i++) {
        const arow *rw = &rows[i];
        if (i == n - N_TOTAL_ROWS) {
            y += 0.6 * u;
            double hh = vtext_para_size(v, w, T_BODY, VT_BOLD, head, NULL);
            if (draw)
                vtext_para_as(v, x, y, w, T_BODY, VT_BOLD, pal->fg, head);
            y += hh + 0.25 * u;
        }
        y += rw->gap * u;
        double lh = 0, vh, fh;
        vtext_size(v, rw->size, rw->flags, "0", NULL, &fh);
        if (rw->label[0]) {
            lh = vtext_para_size(v, above ? w : label_w - 0.4 * u, T_MIN, 0, rw->label, NULL);
            if (draw) {
                /* beside the value: centred on its first line */
                double ly = above ? y : y + fmax(0, (fh - lh) * 0.6);
                vtext_para(v, x, ly, above ? w : label_w - 0.4 * u, T_MIN, pal->dim, rw->label);
            }
        }
        double vy = above && rw->label[0] ? y + lh : y;
        double vx = above ? x : x + label_w;
        vh = vtext_para_size(v, vw, rw->size, rw->flags, rw->value, NULL);
        if (draw)
            vtext_para_as(v, vx, vy, vw, rw->size, rw->flags, rw->c, rw->value);
        y = above ? vy + vh : y + fmax(vh, lh);
        y += 0.35 * u;
    }
    if (note) {
        y += 0.5 * u;
        double h = vtext_para_size(v, w - 1.0 * u, T_BODY, 0, note, NULL);
        if (draw) {
            vtext_para(v, x + 0.6 * u, y + 0.3 * u, w - 1.0 * u, T_BODY, pal->fg, note);
            vfill(v, x, y, 0.2 * u, h + 0.6 * u, pal->accent);
        }
        y += h + 0.6 * u;
    }
    return y - y0;
}

/* ---------------------------------------------------------------- the chart */

/* Parameters and MACs per learned layer as horizontal bars, the current layer marked: two
 * columns of bars when their numbers fit inside them, else one block under the other. Returns
 * the height; draws when draw is set. */
static double chart_flow(vctx *v, view_rect r, int cur, int draw)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    double u = v->u;
    int64_t vals[2][9] = {{0}}, max[2] = {1, 1};
    /* cur < 0: no current layer, all of them shown alike (the handout's page) */
    int cur_layer = cur >= 0 ? sc->table.s[cur].layer : 9, layers = 0;
    for (int i = 0; i < sc->table.count; i++) {
        int l = sc->table.s[i].layer;
        if (l >= 1 && l <= 8) {
            vals[0][l] += sc->table.s[i].params;
            vals[1][l] += sc->table.s[i].macs;
            layers = l > layers ? l : layers;
        }
    }
    for (int k = 0; k < 2; k++)
        for (int l = 1; l <= 8; l++)
            max[k] = vals[k][l] > max[k] ? vals[k][l] : max[k];
    /* the widest label and number */
    double lab_w = 0, num_w = 0, th;
    for (int l = 1; l <= layers; l++) {
        char label[32], num[32];
        double w;
        snprintf(label, sizeof label, vtext(v, TX_LAYER), l);
        vtext_size(v, T_MIN, VT_BOLD, label, &w, &th);
        lab_w = fmax(lab_w, w);
        for (int k = 0; k < 2; k++) {
            net_fmt_count(vals[k][l], num, sizeof num);
            vtext_size(v, T_MIN, 0, num, &w, NULL);
            num_w = fmax(num_w, w);
        }
    }
    lab_w += 0.6 * u;
    double rh = th + 0.35 * u, gap = 0.8 * u;
    double bw2 = (r.w - lab_w - gap) / 2;
    int side = bw2 >= num_w + 0.6 * u;
    double bw = side ? bw2 : r.w - lab_w;
    if (bw < num_w + 0.6 * u)
        return -1; /* too narrow for its numbers */
    static const text_id heads[2] = {TX_AR_PARAMS, TX_AR_MACS_SHORT};
    double y = r.y;
    for (int block = 0; block < (side ? 1 : 2); block++) {
        /* headings */
        double hh = 0;
        for (int k = 0; k < 2; k++) {
            if (!side && k != block)
                continue;
            double hx = r.x + lab_w + (side ? k * (bw + gap) : 0);
            double h = vtext_para_size(v, bw, T_MIN, VT_BOLD, vtext(v, heads[k]), NULL);
            if (draw)
                vtext_para_as(v, hx, y, bw, T_MIN, VT_BOLD, k ? pal->tower_b : pal->tower_a,
                              vtext(v, heads[k]));
            hh = fmax(hh, h);
        }
        y += hh + 0.2 * u;
        for (int l = 1; l <= layers; l++) {
            int past = l <= cur_layer;
            if (draw) {
                vrgb c = l == cur_layer ? pal->accent : past ? pal->fg : pal->dim;
                char label[32];
                snprintf(label, sizeof label, vtext(v, TX_LAYER), l);
                vtext_draw(v, r.x, y + (rh - th) / 2, T_MIN, l == cur_layer, c, VA_LEFT, 0, label);
                for (int k = 0; k < 2; k++) {
                    if (!side && k != block)
                        continue;
                    char num[32];
                    double bx = r.x + lab_w + (side ? k * (bw + gap) : 0);
                    vrgb fill = k ? pal->tower_b : pal->tower_a;
                    vfill(v, bx, y + 0.08 * u, bw, rh - 0.16 * u, pal->panel);
                    /* on a light page the bar is paler, so the number on it stays dark on
                     * light */
                    if (v->st->theme == VIEW_THEME_LIGHT)
                        fill = vmix(fill, pal->bg, 0.55);
                    vfill(v, bx, y + 0.08 * u, fmax(1, bw * vals[k][l] / max[k]), rh - 0.16 * u,
                          past ? fill : vmix(fill, pal->bg, 0.6));
                    net_fmt_count(vals[k][l], num, sizeof num);
                    vtext_draw(v, bx + 0.3 * u, y + (rh - th) / 2, T_MIN, 0, pal->fg, VA_LEFT, 0,
                               num);
                }
            }
            y += rh;
        }
        y += 0.6 * u;
    }
    return y - r.y;
}

double varith_chart(vctx *v, view_rect r, int cur, int draw) { return chart_flow(v, r, cur, draw); }

/* ---------------------------------------------------------------- the view */

double varith_body(vctx *v, view_rect r, int stage, int chart, int draw)
{
    double u = v->u;
    int wide = chart && r.w > 46 * u;
    double rows_w = wide ? r.w * 0.56 - 0.6 * u : r.w - 1.2 * u, x = r.x + 0.6 * u;
    double h = rows_flow(v, x, r.y, rows_w, stage, draw);
    if (!chart)
        return h;
    view_rect cr = wide ? (view_rect){r.x + r.w * 0.6, r.y, r.w * 0.4 - 0.6 * u, r.h}
                        : (view_rect){x, r.y + h + 0.6 * u, rows_w, r.h - h - 0.6 * u};
    double ch = chart_flow(v, cr, stage, draw);
    if (ch < 0)
        return INFINITY;
    return wide ? fmax(h, ch) : h + 0.6 * u + ch;
}

void view_draw_arith(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    int stage = vctx_begin_stage(&v, cr, r, sc, st);
    if (stage < 0)
        return;
    /* the largest text that fits, with the chart while it can keep half the view's size */
    double u0 = v.u;
    int chart = 1;
    for (double k = 1;; k *= 0.92) {
        v.u = u0 * k;
        double top = vstage_head(&v, r, stage, 0);
        double h = varith_body(&v, (view_rect){r.x, r.y + top, r.w, r.h - top}, stage, chart, 0);
        if (top + h <= r.h)
            break;
        if (chart && k < 0.55)
            chart = 0, k = 1 / 0.92;
        else if (k < 0.2)
            break;
    }
    double top = vstage_head(&v, r, stage, 1);
    varith_body(&v, (view_rect){r.x, r.y + top, r.w, r.h - top}, stage, chart, 1);
    vctx_end(&v);
}
