/* view_arith.c: the shape arithmetic of the current stage, what a teacher would write on the
 * board: the output-size formula with its numbers, the parameter and multiply-accumulate counts,
 * the receptive field, the running totals, and the 224-versus-227 note where it applies.
 *
 * Every line comes from the engine's stage table (net_explain_*), so it cannot disagree with
 * the trace or the exports. A bar chart per learned layer shows the lesson the totals hide:
 * the convolutions do most of the work, the fully connected layers hold most of the weights.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>

/* Label on the left, value to its right, wrapped onto more lines where it is wider than the
 * room (the handout's half-page column); returns the height used. */
static double row(vctx *v, double x, double y, double label_w, double w, const char *label,
                  const char *value, double size, vrgb c)
{
    double u = v->u, tw, h;
    vtext_draw(v, x, y + 0.25 * u, 0.7, 0, v->pal.dim, VA_LEFT, label_w - 0.4 * u, label);
    vtext_size(v, size, 1, value, &tw, &h);
    if (tw <= w - label_w)
        vtext_draw(v, x + label_w, y, size, 1, c, VA_LEFT, 0, value);
    else
        h = vtext_para(v, x + label_w, y, w - label_w, size, c, value);
    return fmax(h, 1.2 * u) + 0.45 * u;
}

/* Parameters and MACs per learned layer as two sets of horizontal bars. */
static void draw_layers(vctx *v, view_rect r, int cur)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    double u = v->u;
    int64_t params[9] = {0}, macs[9] = {0}, pmax = 1, mmax = 1;
    int cur_layer = cur >= 0 ? sc->stages[cur].layer : 0;
    for (int i = 0; i < sc->n_stages; i++) {
        int l = sc->stages[i].layer;
        if (l >= 1 && l <= 8) {
            params[l] += sc->stages[i].params;
            macs[l] += sc->stages[i].macs;
        }
    }
    for (int l = 1; l <= 8; l++) {
        pmax = params[l] > pmax ? params[l] : pmax;
        mmax = macs[l] > mmax ? macs[l] : mmax;
    }
    double top = r.y + 1.3 * u, rh = fmin(2.0 * u, (r.h - 1.3 * u) / 8);
    double lab_w = 4.2 * u, bw = (r.w - lab_w - 0.8 * u) / 2;
    vtext_draw(v, r.x + lab_w, r.y, 0.7, 1, pal->tower_a, VA_LEFT, bw, vtext(v, TX_AR_PARAMS));
    vtext_draw(v, r.x + lab_w + bw + 0.8 * u, r.y, 0.7, 1, pal->tower_b, VA_LEFT, bw,
               vtext(v, TX_AR_MACS_SHORT));
    for (int l = 1; l <= 8; l++) {
        double y = top + (l - 1) * rh;
        int past = l <= cur_layer;
        vrgb c = l == cur_layer ? pal->accent : past ? pal->fg : pal->dim;
        char label[32], num[32];
        snprintf(label, sizeof label, vtext(v, TX_LAYER), l);
        vtext_draw(v, r.x, y + 0.1 * u, 0.62, l == cur_layer, c, VA_LEFT, lab_w, label);
        double bars[2] = {(double)params[l] / pmax, (double)macs[l] / mmax};
        int64_t vals[2] = {params[l], macs[l]};
        for (int k = 0; k < 2; k++) {
            double bx = r.x + lab_w + k * (bw + 0.8 * u);
            vrgb fill = k ? pal->tower_b : pal->tower_a;
            vfill(v, bx, y + 0.1 * u, bw, rh - 0.3 * u, pal->panel);
            vfill(v, bx, y + 0.1 * u, fmax(1, bw * bars[k]), rh - 0.3 * u,
                  past ? fill : vmix(fill, pal->bg, 0.6));
            net_fmt_count(vals[k], num, sizeof num);
            double nh;
            vtext_size(v, 0.55, 0, num, NULL, &nh);
            vtext_draw(v, bx + 0.2 * u, y + 0.1 * u + (rh - 0.3 * u - nh) / 2, 0.55, 0, pal->fg,
                       VA_LEFT, bw, num);
        }
    }
}

void view_draw_arith(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    int stage = vctx_begin_stage(&v, cr, r, sc, st);
    if (stage < 0)
        return;
    const net_stage *s = &sc->stages[stage];
    const vpal *pal = &v.pal;
    double u = v.u;
    vstage_title(&v, (view_rect){r.x, r.y, r.w, 2.9 * u}, stage);
    int wide = r.w > 50 * u;
    double x = r.x + 0.6 * u, y = r.y + 3.4 * u;
    double w = wide ? r.w * 0.58 : r.w - 1.2 * u, label_w = fmin(9.5 * u, w * 0.3);
    char in[48], out[48], line[256], a[64], b[64];

    vfmt_shape(s->in_c, s->in_h, s->in_w, in, sizeof in);
    vfmt_shape(s->out_c, s->out_h, s->out_w, out, sizeof out);
    snprintf(line, sizeof line, vtext(&v, TX_AR_SHAPE), in, out);
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_OUTPUT), line, 1.2, pal->accent);
    vfmt_shape_line(&v, s, line, sizeof line);
    y += row(&v, x, y, label_w, w, "", line, 1.0, pal->fg);
    if (s->params)
        net_explain_params(s, line, sizeof line);
    else
        snprintf(line, sizeof line, "%s", vtext(&v, TX_AR_NO_PARAMS));
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_PARAMS), line, 1.0,
             s->params ? pal->fg : pal->dim);
    if (s->macs)
        net_explain_macs(s, line, sizeof line);
    else
        snprintf(line, sizeof line, "%s", vtext(&v, TX_AR_NO_MACS));
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_MACS), line, 1.0,
             s->macs ? pal->fg : pal->dim);
    if (s->rf_jump)
        snprintf(line, sizeof line, vtext(&v, TX_AR_FIELD_LINE), s->rf, s->rf, s->rf_jump);
    else
        snprintf(line, sizeof line, "%s", vtext(&v, TX_AR_FIELD_ALL));
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_FIELD), line, 0.8, pal->fg);
    static const text_id reads[] = {[NET_READS_IMAGE] = TX_READS_IMAGE,
                                    [NET_READS_OWN] = TX_READS_OWN,
                                    [NET_READS_BOUNDARY] = TX_READS_BOUNDARY,
                                    [NET_READS_BOTH] = TX_READS_BOTH,
                                    [NET_READS_ALL] = TX_READS_ALL};
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_TOWERS), vtext(&v, reads[s->reads]), 0.8,
             s->reads == NET_READS_BOTH ? pal->cross : pal->fg);

    /* running totals */
    int64_t p = 0, m = 0, pt = 0, mt = 0;
    for (int i = 0; i < sc->n_stages; i++) {
        pt += sc->stages[i].params, mt += sc->stages[i].macs;
        if (i <= stage)
            p += sc->stages[i].params, m += sc->stages[i].macs;
    }
    y += 0.4 * u;
    snprintf(line, sizeof line, vtext(&v, TX_AR_TOTALS), s->name);
    vtext_draw(&v, x, y, 0.8, 1, pal->fg, VA_LEFT, w, line);
    y += 1.4 * u;
    net_fmt_count(p, a, sizeof a);
    net_fmt_count(pt, b, sizeof b);
    snprintf(line, sizeof line, vtext(&v, TX_AR_OF), a, b, pt ? 100.0 * p / pt : 0.0);
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_PARAMS), line, 0.85, pal->tower_a);
    net_fmt_count(m, a, sizeof a);
    net_fmt_count(mt, b, sizeof b);
    snprintf(line, sizeof line, vtext(&v, TX_AR_OF), a, b, mt ? 100.0 * m / mt : 0.0);
    y += row(&v, x, y, label_w, w, vtext(&v, TX_AR_MACS), line, 0.85, pal->tower_b);

    /* 224 or 227: at conv1, and at the pools whose rounding the 224 input needs */
    int note = -1;
    if (s->op == NET_OP_CONV && s->layer == 1)
        note = sc->input_size == 224 ? TX_AR_224_ZOO : TX_AR_224;
    else if (s->op == NET_OP_POOL && sc->input_size == 224)
        note = TX_AR_224_ZOO;
    if (note >= 0) {
        y += 0.5 * u;
        double h = vtext_para(&v, x + 0.5 * u, y + 0.3 * u, w - 1.0 * u, 0.8, pal->fg,
                              vtext(&v, (text_id)note));
        vset(&v, pal->accent);
        cairo_rectangle(cr, x, y, 0.2 * u, h + 0.6 * u);
        cairo_fill(cr);
        y += h + u;
    }
    view_rect chart = wide ? (view_rect){r.x + r.w * 0.62, r.y + 3.4 * u, r.w * 0.36,
                                         fmin(r.h - 4 * u, 18 * u)}
                           : (view_rect){x, y + 0.5 * u, w, r.y + r.h - y - u};
    if (chart.h > 6 * u)
        draw_layers(&v, chart, stage);
    vctx_end(&v);
}
