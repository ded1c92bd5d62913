/* view_lrn.c: local response normalisation, taken apart.
 *
 * For norm1 or norm2: one channel before LRN, after it, and the ratio after ÷ before (how much
 * each position was damped: most where the neighbouring channels are strong too), then the
 * formula with the live numbers of one unit, and the channels its window covers, with the
 * tower boundary. The student changes n, k, α, β, the formula (the paper's s = α or Caffe's
 * s = α/n) and the window (across all channels or within each tower) with keys; the view
 * recomputes with the engine's own LRN (net_lrn_apply) at once. Before and after share one
 * colour range, so damping shows as darkening.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int vlrn_stage(const vctx *v)
{
    const view_scene *sc = v->sc;
    int cur = vstage_current(v), best = -1;
    for (int i = 0; i < sc->n_stages; i++)
        if (sc->stages[i].op == NET_OP_LRN) {
            if (best < 0 || i <= cur)
                best = i;
        }
    return best;
}

void vlrn_layout_make(vctx *v, vlrn_layout *l)
{
    view_rect r = v->r;
    double u = v->u;
    memset(l, 0, sizeof *l);
    l->stage = vlrn_stage(v);
    if (l->stage < 0)
        return;
    const net_stage *s = &v->sc->stages[l->stage];
    double top = r.y + 2.9 * u + 1.3 * u, gap = 1.2 * u;
    double mw = (r.w - 1.2 * u - 2 * gap) / 3, mh = r.h * 0.46;
    double k = fmin(mw / s->out_w, (mh - 1.4 * u) / s->out_h);
    l->s = k >= 1 ? floor(k) : k;
    for (int i = 0; i < 3; i++) {
        double w = s->out_w * l->s, h = s->out_h * l->s;
        double x = r.x + 0.6 * u + i * (mw + gap) + (mw - w) / 2;
        l->map[i] = (view_rect){round(x), round(top + 1.3 * u), w, h};
    }
    l->ok = l->s > 0;
}

int vlrn_hit(vctx *v, double x, double y, int *ux, int *uy)
{
    vlrn_layout l;
    vlrn_layout_make(v, &l);
    if (!l.ok)
        return 0;
    for (int i = 0; i < 3; i++) {
        view_rect m = l.map[i];
        if (x >= m.x && x < m.x + m.w && y >= m.y && y < m.y + m.h) {
            *ux = (int)((x - m.x) / l.s), *uy = (int)((y - m.y) / l.s);
            return 1;
        }
    }
    return 0;
}

/* The squares of the channels around c, those in c's window filled, the boundary drawn. */
static void draw_window(vctx *v, double x, double y, double w, const net_stage *row, int c)
{
    const vpal *pal = &v->pal;
    double u = v->u;
    int C = row->in_c, before = (row->lrn_n - 1) / 2, after = row->lrn_n - 1 - before;
    int lo = 0, hi = C - 1;
    if (row->lrn_within_towers) {
        lo = c < C / 2 ? 0 : C / 2;
        hi = lo + C / 2 - 1;
    }
    int j0 = c - before - 2, j1 = c + after + 2;
    if (j0 < 0)
        j0 = 0;
    if (j1 > C - 1)
        j1 = C - 1;
    double sq = fmin(1.5 * u, w / (j1 - j0 + 2));
    char label[96];
    snprintf(label, sizeof label, vtext(v, TX_LRN_WINDOW), c);
    vtext_draw(v, x, y, 0.65, 0, pal->dim, VA_LEFT, w, label);
    y += 1.1 * u;
    for (int j = j0; j <= j1; j++) {
        double sx = x + (j - j0) * sq;
        int in_win = j >= c - before && j <= c + after, in_dom = j >= lo && j <= hi;
        vrgb hue = j < C / 2 ? pal->tower_a : pal->tower_b;
        vround(v, sx + 1, y, sq - 2, sq - 2, 0.15 * u);
        if (in_win && in_dom)
            vset(v, j == c ? pal->accent : hue);
        else
            vset(v, pal->panel);
        cairo_fill_preserve(v->cr);
        vset(v, in_win && !in_dom ? pal->warn : pal->line);
        cairo_set_line_width(v->cr, in_win && !in_dom ? 2 : 1);
        cairo_stroke(v->cr);
        if (in_win && !in_dom) {
            /* in the window by position, but the other tower's: cut off */
            vset(v, pal->warn);
            cairo_move_to(v->cr, sx + 3, y + 2);
            cairo_line_to(v->cr, sx + sq - 5, y + sq - 4);
            cairo_stroke(v->cr);
        }
        vtext_drawf(v, sx + sq / 2, y + sq, 0.5, 0, pal->dim, VA_CENTER, sq, "%d", j);
        if (j == C / 2 && j > j0) {
            vfill(v, sx - 2, y - 0.3 * u, 3, sq + 1.4 * u, pal->split);
        }
    }
}

void view_draw_lrn(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    const vpal *pal = &v.pal;
    double u = v.u;
    vlrn_layout l;
    vlrn_layout_make(&v, &l);
    if (l.stage < 0) {
        vtext_draw(&v, r.x + r.w / 2, r.y + r.h / 2, 1.0, 0, pal->dim, VA_CENTER, r.w,
                   vtext(&v, TX_LRN_NONE));
        vctx_end(&v);
        return;
    }
    vstage_title(&v, (view_rect){r.x, r.y, r.w, 2.9 * u}, l.stage);
    net_stage row;
    const float *after = vcache_lrn(&v, l.stage, &row);
    const net_stage *s = &sc->stages[l.stage];
    if (!after || !l.ok) {
        char line[128];
        snprintf(line, sizeof line, vtext(&v, TX_NOT_YET), s->name);
        vtext_draw(&v, r.x + r.w / 2, r.y + r.h / 2, 1.0, 0, pal->dim, VA_CENTER, r.w, line);
        vctx_end(&v);
        return;
    }
    int C = s->in_c, H = s->in_h, W = s->in_w;
    int c = st->channel < 0 ? 0 : st->channel >= C ? C - 1 : st->channel;
    size_t plane = (size_t)H * W;
    const float *a = sc->out[l.stage - 1] + (size_t)c * plane, *b = after + (size_t)c * plane;
    char line[320], v1[32], v2[32], v3[32];

    /* channel line */
    snprintf(line, sizeof line, vtext(&v, TX_ZOOM_CHANNEL), c, C);
    double w = vtext_draw(&v, r.x + 0.6 * u, r.y + 3.0 * u, 0.85, 1, pal->fg, VA_LEFT, 0, line);
    vtext_draw(&v, r.x + 1.4 * u + w, r.y + 3.0 * u, 0.85, 1,
               c < C / 2 ? pal->tower_a : pal->tower_b, VA_LEFT, 0,
               vtext(&v, c < C / 2 ? TX_TOWER_A : TX_TOWER_B));

    /* the three maps: before and after on one scale, then their ratio */
    float amax = 0, amin = 0;
    double ratio_sum = 0;
    size_t nz = 0;
    float *ratio = vcache_scratch(&v, plane); /* (H, W) */
    if (!ratio) {
        vctx_end(&v);
        return;
    }
    for (size_t i = 0; i < plane; i++) {
        if (isfinite(a[i])) {
            amax = fmaxf(amax, fabsf(a[i]));
            amin = fminf(amin, a[i]);
        }
        /* a zero input has no ratio: it is shown as "no value", not as "untouched" */
        ratio[i] = a[i] != 0 ? b[i] / a[i] : NAN;
        if (isfinite(ratio[i]))
            ratio_sum += ratio[i], nz++;
    }
    float lo = amin < 0 ? -amax : 0, hi = amax > 0 ? amax : 1;
    vmap m = amin < 0 ? VMAP_DIV : VMAP_SEQ;
    cairo_surface_t *surf[3] = {vmap_surface(a, H, W, m, lo, hi), vmap_surface(b, H, W, m, lo, hi),
                                vmap_surface(ratio, H, W, VMAP_DAMP, 0, 1)};
    snprintf(line, sizeof line, vtext(&v, TX_LRN_BEFORE), sc->stages[l.stage - 1].name);
    const char *labels[3] = {line, vtext(&v, TX_LRN_AFTER), vtext(&v, TX_LRN_RATIO)};
    for (int i = 0; i < 3; i++) {
        view_rect mr = l.map[i];
        double col_w = (r.w - 1.2 * u - 2.4 * u) / 3;
        vtext_draw(&v, mr.x, mr.y - 1.25 * u, 0.72, 1, pal->fg, VA_LEFT, col_w, labels[i]);
        vframe(&v, mr.x - 2, mr.y - 2, mr.w + 4, mr.h + 4, 2, pal->line);
        vpaint_nearest(&v, surf[i], mr.x, mr.y, l.s, l.s);
        cairo_surface_destroy(surf[i]);
    }

    /* the unit: under the pointer, or selected, or the strongest one */
    int ux = -1, uy = -1;
    if (!(st->cursor_in && vlrn_hit(&v, st->cursor_x, st->cursor_y, &ux, &uy))) {
        if (st->unit_x >= 0 && st->unit_x < W && st->unit_y >= 0 && st->unit_y < H) {
            ux = st->unit_x, uy = st->unit_y;
        } else {
            size_t best = 0;
            for (size_t i = 1; i < plane; i++)
                best = a[i] > a[best] ? i : best;
            ux = (int)(best % W), uy = (int)(best / W);
        }
    }
    for (int i = 0; i < 3; i++) {
        view_rect mr = l.map[i];
        double fw = fmax(2, 0.1 * u);
        vframe(&v, mr.x + ux * l.s - fw, mr.y + uy * l.s - fw, l.s + 2 * fw, l.s + 2 * fw, fw,
               pal->accent);
    }
    /* scales under the maps */
    double sy = l.map[0].y + l.map[0].h + 0.4 * u;
    vfmt_value(lo, v1, sizeof v1);
    vfmt_value(hi, v2, sizeof v2);
    for (int i = 0; i < 3; i++) {
        view_rect mr = l.map[i];
        vmap_bar(&v, i == 2 ? VMAP_DAMP : m, 0, 1, mr.x, sy, mr.w, 0.4 * u);
        vtext_draw(&v, mr.x, sy + 0.45 * u, 0.55, 0, pal->dim, VA_LEFT, 0, i == 2 ? "0" : v1);
        vtext_draw(&v, mr.x + mr.w, sy + 0.45 * u, 0.55, 0, pal->dim, VA_RIGHT, 0,
                   i == 2 ? "1" : v2);
    }

    /* the formula with the live numbers */
    double x = r.x + 0.6 * u, y = sy + 1.6 * u, tw = r.w * 0.62 - 0.6 * u;
    size_t at = (size_t)uy * W + ux;
    int before_n = (row.lrn_n - 1) / 2, after_n = row.lrn_n - 1 - before_n;
    int dlo = 0, dhi = C - 1;
    if (row.lrn_within_towers) {
        dlo = c < C / 2 ? 0 : C / 2;
        dhi = dlo + C / 2 - 1;
    }
    double sum = 0;
    for (int j = c - before_n; j <= c + after_n; j++)
        if (j >= dlo && j <= dhi) {
            double q = sc->out[l.stage - 1][(size_t)j * plane + at];
            sum += q * q;
        }
    float sc_s = net_lrn_scale(&row);
    vfmt_value(sc_s, v3, sizeof v3);
    snprintf(line, sizeof line, "b = a / (k + s·Σa²)^β      s = %s = %s",
             row.lrn_formula == NET_LRN_CAFFE ? "α/n" : "α", v3);
    vtext_draw(&v, x, y, 1.05, 1, pal->fg, VA_LEFT, tw, line);
    y += 1.6 * u;
    int same = row.lrn_n == s->lrn_n && row.lrn_k == s->lrn_k && row.lrn_alpha == s->lrn_alpha &&
               row.lrn_beta == s->lrn_beta && row.lrn_formula == s->lrn_formula &&
               row.lrn_within_towers == s->lrn_within_towers;
    snprintf(line, sizeof line, "n = %d    k = %g    α = %g    β = %g", row.lrn_n, row.lrn_k,
             row.lrn_alpha, row.lrn_beta);
    w = vtext_draw(&v, x, y, 0.95, 1, same ? pal->fg : pal->accent, VA_LEFT, tw * 0.6, line);
    vtext_draw(&v, x + w + 1.0 * u, y + 0.15 * u, 0.7, 0, same ? pal->ok : pal->accent, VA_LEFT,
               tw - w - u, vtext(&v, same ? TX_LRN_SAME : TX_LRN_CHANGED));
    y += 1.5 * u;
    snprintf(line, sizeof line, "%s · ", vtext(&v, row.lrn_formula == NET_LRN_CAFFE
                                                        ? TX_LRN_CAFFE
                                                        : TX_LRN_PAPER));
    size_t len = strlen(line);
    if (row.lrn_within_towers)
        snprintf(line + len, sizeof line - len, "%s", vtext(&v, TX_LRN_WITHIN));
    else
        snprintf(line + len, sizeof line - len, vtext(&v, TX_LRN_ACROSS), C);
    vtext_draw(&v, x, y, 0.75, 0, pal->fg, VA_LEFT, tw, line);
    y += 1.4 * u;
    snprintf(line, sizeof line, vtext(&v, TX_LRN_AT), ux, uy);
    w = vtext_draw(&v, x, y, 0.8, 0, pal->dim, VA_LEFT, 0, line);
    vfmt_value(a[at], v1, sizeof v1);
    vfmt_value(sum, v2, sizeof v2);
    vfmt_value(b[at], v3, sizeof v3);
    snprintf(line, sizeof line, "a = %s   Σa² = %s   b = %s / (%g + %g·%s)^%g = %s", v1, v2,
             v1, row.lrn_k, sc_s, v2, row.lrn_beta, v3);
    vtext_draw(&v, x + w + 0.6 * u, y - 0.05 * u, 0.85, 1, pal->accent, VA_LEFT, tw - w, line);
    y += 1.5 * u;
    snprintf(line, sizeof line, vtext(&v, TX_LRN_KEEPS), nz ? 100.0 * ratio_sum / nz : 100.0);
    vtext_draw(&v, x, y, 0.8, 0, pal->fg, VA_LEFT, tw, line);

    /* right of the numbers: the channels in the window, and where the towers meet */
    double wx = r.x + r.w * 0.64, ww = r.x + r.w - wx - 0.6 * u, wy = sy + 1.6 * u;
    draw_window(&v, wx, wy, ww, &row, c);
    /* the channels whose window reaches over the boundary between C/2 − 1 and C/2 */
    snprintf(line, sizeof line, vtext(&v, TX_LRN_BOUNDARY), C / 2 - after_n, C / 2 - 1 + before_n);
    vtext_para(&v, wx, wy + 4.0 * u, ww, 0.68, pal->dim, line);
    vtext_draw(&v, x, r.y + r.h - 1.2 * u, 0.62, 0, pal->dim, VA_LEFT, tw,
               vtext(&v, TX_LRN_KEYS));
    vctx_end(&v);
}
