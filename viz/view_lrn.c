/* view_lrn.c: local response normalisation, taken apart.
 *
 * For norm1 or norm2: one channel before LRN, after it, and the ratio after ÷ before (how much
 * each position was damped: most where the neighbouring channels are strong too), then the
 * formula with the live numbers of one unit, and the channels its window covers, with the
 * tower boundary. The student changes n, k, α, β, the formula (the paper's s = α or Caffe's
 * s = α/n) and the window (across all channels or within each tower) with keys; the view
 * recomputes with the engine's own LRN (net_lrn_apply) at once.
 *
 * It opens where LRN does the most: the channel and unit whose value it damps the most (of the
 * units strong enough to see), not channel 0, which LRN barely touches. Before and after each
 * get their own colour range (the output is far smaller than the input, and on one range it
 * would look black); C puts them on one range, where damping shows as darkening (the grid's
 * C is the other way round: there per-map ranges are the choice). A zero input
 * has no ratio and shows as "no value", not as "untouched".
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int vlrn_stage(const vctx *v) { return net_table_norm_for(&v->sc->table, vstage_current(v)); }

/* ---------------------------------------------------------------- where LRN does the most */

int vlrn_focus(vctx *v, int stage, int only, int *c, int *ux, int *uy)
{
    const view_scene *sc = v->sc;
    net_stage row;
    const float *after = vcache_lrn(v, stage, &row);
    if (!after)
        return 0;
    size_t plane = (size_t)row.in_h * row.in_w, from = 0, to = (size_t)row.in_c * plane;
    if (only >= 0 && only < row.in_c)
        from = (size_t)only * plane, to = from + plane;
    const float *a = sc->out[stage - 1];
    float amax = 0;
    for (size_t i = from; i < to; i++)
        if (isfinite(a[i]))
            amax = fmaxf(amax, fabsf(a[i]));
    /* the smallest after ÷ before among units a quarter as strong as the strongest, so the
     * unit shown is one the eye finds on the map; failing that, among all nonzero units */
    size_t best = from;
    double best_q = INFINITY;
    for (int pass = 0; pass < 2 && best_q == INFINITY; pass++) {
        float floor_a = pass ? 0 : amax / 4;
        for (size_t i = from; i < to; i++) {
            if (!(fabsf(a[i]) > floor_a))
                continue;
            double q = (double)after[i] / a[i];
            if (isfinite(q) && q < best_q)
                best_q = q, best = i;
        }
    }
    *c = (int)(best / plane);
    *ux = (int)(best % plane % (size_t)row.in_w);
    *uy = (int)(best % plane / (size_t)row.in_w);
    return 1;
}

/* The channel and unit shown: the state's, or where LRN does the most (in the state's channel
 * when only the unit is left to choose). */
static void shown_unit(vctx *v, int stage, int *c, int *ux, int *uy)
{
    const net_stage *s = &v->sc->table.s[stage];
    const view_state *st = v->st;
    int want = st->channel >= s->in_c ? s->in_c - 1 : st->channel;
    int fc = want < 0 ? 0 : want, fx = 0, fy = 0;
    if (want < 0 || st->unit_x < 0 || st->unit_x >= s->in_w || st->unit_y < 0 ||
        st->unit_y >= s->in_h)
        vlrn_focus(v, stage, want, &fc, &fx, &fy);
    *c = want < 0 ? fc : want;
    int keep = want >= 0 && st->unit_x >= 0 && st->unit_x < s->in_w && st->unit_y >= 0 &&
               st->unit_y < s->in_h;
    *ux = keep ? st->unit_x : fx;
    *uy = keep ? st->unit_y : fy;
}

int vlrn_shown(vctx *v, int *c, int *ux, int *uy)
{
    int stage = vlrn_stage(v);
    net_stage row;
    if (stage < 1 || !vcache_lrn(v, stage, &row))
        return 0;
    shown_unit(v, stage, c, ux, uy);
    return 1;
}

/* ---------------------------------------------------------------- the words */

/* Everything the view writes, made once per layout. */
typedef struct {
    char channel[600];  /* markup */
    char label[3][128]; /* over the maps */
    char lo[3][32], hi[3][32];
    char formula[160], params[160], tag[160], kind[256];
    char example[320], result[320], keeps[160];
    char window[128], boundary[256], keys[400];
    int same; /* the parameters are the net's own */
} lrn_words;

static void make_words(vctx *v, int stage, int c, int ux, int uy, const net_stage *row,
                       const float *after, lrn_words *w)
{
    const view_scene *sc = v->sc;
    const net_stage *s = &sc->table.s[stage];
    int C = s->in_c, W = s->in_w;
    size_t plane = (size_t)s->in_h * W, at = (size_t)uy * W + ux;
    const float *a = sc->out[stage - 1] + (size_t)c * plane, *b = after + (size_t)c * plane;
    char hex[8], dim[8], v1[32], v2[32], v3[32];
    memset(w, 0, sizeof *w);

    int tb = c >= C / 2;
    vrgb_hex(tb ? v->pal.tower_b : v->pal.tower_a, hex);
    vrgb_hex(v->pal.dim, dim);
    char line[128];
    snprintf(line, sizeof line, vtext(v, TX_ZOOM_CHANNEL), c, C);
    char *e1 = vmarkup_escape(line), *e2 = vmarkup_escape(vtext(v, tb ? TX_TOWER_B : TX_TOWER_A));
    char *e3 = vmarkup_escape(vtext(v, TX_KEYS_CHANNEL));
    snprintf(w->channel, sizeof w->channel, "<b>%s</b>   <b><span foreground=\"%s\">%s</span></b>",
             e1, hex, e2);
    if (!v->st->print) {
        size_t n = strlen(w->channel);
        snprintf(w->channel + n, sizeof w->channel - n, "   <span foreground=\"%s\">%s</span>", dim,
                 e3);
    }
    g_free(e1), g_free(e2), g_free(e3);

    snprintf(w->label[0], sizeof w->label[0], vtext(v, TX_LRN_BEFORE), sc->table.s[stage - 1].name);
    snprintf(w->label[1], sizeof w->label[1], "%s",
             vtext(v, v->st->contrast == VIEW_CONTRAST_MAP ? TX_LRN_AFTER_SHARED : TX_LRN_AFTER));
    snprintf(w->label[2], sizeof w->label[2], "%s", vtext(v, TX_LRN_RATIO));

    w->same = net_lrn_equal(&row->lrn, &s->lrn);
    float ss = net_lrn_scale(&row->lrn);
    vfmt_value(ss, v3, sizeof v3);
    snprintf(w->formula, sizeof w->formula, "b = a / (k + s·Σa²)^β      s = %s = %s",
             row->lrn.formula == NET_LRN_CAFFE ? "α/n" : "α", v3);
    snprintf(w->params, sizeof w->params, "n = %d    k = %g    α = %g    β = %g", row->lrn.n,
             row->lrn.k, row->lrn.alpha, row->lrn.beta);
    snprintf(w->tag, sizeof w->tag, "%s", vtext(v, w->same ? TX_LRN_SAME : TX_LRN_CHANGED));
    snprintf(w->kind, sizeof w->kind, "%s · ",
             vtext(v, row->lrn.formula == NET_LRN_CAFFE ? TX_LRN_CAFFE : TX_LRN_PAPER));
    size_t n = strlen(w->kind);
    if (row->lrn.within_towers)
        snprintf(w->kind + n, sizeof w->kind - n, "%s", vtext(v, TX_LRN_WITHIN));
    else
        snprintf(w->kind + n, sizeof w->kind - n, vtext(v, TX_LRN_ACROSS), C);

    /* the worked example at the unit */
    int before_n = (row->lrn.n - 1) / 2, after_n = row->lrn.n - 1 - before_n;
    int dlo = 0, dhi = C - 1;
    if (row->lrn.within_towers) {
        dlo = c < C / 2 ? 0 : C / 2;
        dhi = dlo + C / 2 - 1;
    }
    double sum = 0;
    for (int j = c - before_n; j <= c + after_n; j++)
        if (j >= dlo && j <= dhi) {
            double q = sc->out[stage - 1][(size_t)j * plane + at];
            sum += q * q;
        }
    vfmt_value(a[at], v1, sizeof v1);
    vfmt_value(sum, v2, sizeof v2);
    char at_txt[64];
    snprintf(at_txt, sizeof at_txt, vtext(v, TX_LRN_AT), ux, uy);
    snprintf(w->example, sizeof w->example, "%s:   a = %s   Σa² = %s", at_txt, v1, v2);
    vfmt_value(b[at], v3, sizeof v3);
    snprintf(w->result, sizeof w->result, "b = %s / (%g + %g·%s)^%g = %s", v1, row->lrn.k, ss, v2,
             row->lrn.beta, v3);

    double ratio_sum = 0;
    size_t nz = 0;
    for (size_t i = 0; i < plane; i++) {
        double q = (double)b[i] / a[i];
        if (a[i] != 0 && isfinite(q))
            ratio_sum += q, nz++;
    }
    snprintf(w->keeps, sizeof w->keeps, vtext(v, TX_LRN_KEEPS),
             nz ? 100.0 * ratio_sum / nz : 100.0);
    snprintf(w->window, sizeof w->window, vtext(v, TX_LRN_WINDOW), c);
    snprintf(w->boundary, sizeof w->boundary, vtext(v, TX_LRN_BOUNDARY), C / 2 - after_n,
             C / 2 - 1 + before_n);
    snprintf(w->keys, sizeof w->keys, "%s", vtext(v, TX_LRN_KEYS));
}

/* ---------------------------------------------------------------- layout */

/* The room each part takes, from its words at v's text size. */
typedef struct {
    double top, channel_h, label_h, map_h, scale_h, lower_y, keys_h, left_w, right_x, right_w;
    double left_h, right_h, sq;
} lrn_geom;

static double para(vctx *v, double w, double fs, int bold, const char *s)
{
    return vtext_para_size(v, w, fs, bold, s, NULL);
}

/* The formula column's height, and the window column's, for widths lw and rw. */
static double left_height(vctx *v, const lrn_words *w, double lw)
{
    double u = v->u, h = 0, tw;
    h += para(v, lw, T_LEAD, VT_BOLD, w->formula) + 0.3 * u;
    double ph = vtext_para_size(v, lw, T_BODY, VT_BOLD, w->params, &tw);
    double gh = para(v, lw - tw - u, T_MIN, 0, w->tag);
    h += (lw - tw - u > 6 * u ? fmax(ph, gh) : ph + gh) + 0.3 * u;
    h += para(v, lw, T_BODY, 0, w->kind) + 0.3 * u;
    h += para(v, lw, T_BODY, 0, w->example) + 0.1 * u;
    h += para(v, lw, T_KEY, VT_BOLD, w->result) + 0.3 * u;
    h += para(v, lw, T_BODY, 0, w->keeps);
    return h;
}

static double right_height(vctx *v, const lrn_words *w, double rw, double sq)
{
    double u = v->u, nh;
    vtext_size(v, T_MIN, 0, "0", NULL, &nh);
    return para(v, rw, T_MIN, 0, w->window) + 0.3 * u + sq + nh + 0.6 * u +
           para(v, rw, T_MIN, 0, w->boundary);
}

static int lrn_layout_try(vctx *v, const lrn_words *w, vlrn_layout *l, lrn_geom *g, double min_map)
{
    const view_scene *sc = v->sc;
    view_rect r = v->r;
    double u = v->u;
    const net_stage *s = &sc->table.s[l->stage];
    memset(g, 0, sizeof *g);
    g->top = r.y + vstage_title_height(v, r.w, l->stage);
    g->channel_h = vtext_markup_size(v, r.w - 1.2 * u, T_BODY, w->channel, NULL) + 0.3 * u;
    double gap = 1.2 * u, mw = (r.w - 1.2 * u - 2 * gap) / 3;
    for (int i = 0; i < 3; i++)
        g->label_h = fmax(g->label_h, para(v, mw, T_MIN, 0, w->label[i]));
    g->label_h += 0.2 * u;
    double nh;
    vtext_size(v, T_MIN, 0, "0", NULL, &nh);
    g->scale_h = 0.5 * u + nh + 0.4 * u;
    /* under the maps: the formula at the left, the window at the right; side by side when the
     * right column gets 9 text heights, else one under the other */
    double lw = r.w * 0.6 - 0.6 * u, rw = r.w - lw - 2 * u;
    int stack = rw < 9 * u;
    if (stack)
        lw = rw = r.w - 1.2 * u;
    g->left_w = lw, g->right_w = rw;
    g->right_x = stack ? r.x + 0.6 * u : r.x + 0.6 * u + lw + 1.4 * u;
    g->sq = fmin(1.5 * u, rw / 13);
    g->left_h = left_height(v, w, lw);
    g->right_h = right_height(v, w, rw, g->sq);
    double lower_h = stack ? g->left_h + 0.6 * u + g->right_h : fmax(g->left_h, g->right_h);
    g->keys_h = v->st->print ? 0 : para(v, r.w - 1.2 * u, T_MIN, 0, w->keys) + 0.3 * u;
    double maps_room =
        r.y + r.h - g->top - g->channel_h - g->label_h - g->scale_h - 0.6 * u - lower_h - g->keys_h;
    double k = fmin(mw / s->out_w, maps_room / s->out_h);
    if (k * s->out_h < fmax(2.5 * u, min_map))
        return 0;
    l->s = k >= 1 ? floor(k) : k;
    g->map_h = s->out_h * l->s;
    double my = g->top + g->channel_h + g->label_h;
    for (int i = 0; i < 3; i++) {
        double mx = r.x + 0.6 * u + i * (mw + gap) + (mw - s->out_w * l->s) / 2;
        l->map[i] = (view_rect){round(mx), round(my), s->out_w * l->s, g->map_h};
        l->col[i] = (view_rect){r.x + 0.6 * u + i * (mw + gap), my - g->label_h, mw, 0};
    }
    g->lower_y = my + g->map_h + g->scale_h + 0.6 * u;
    l->stacked = stack;
    l->ok = 1;
    return 1;
}

/* Fills l (and g, w when not NULL) at the largest text size, up to the view's, that fits. */
static void lrn_layout(vctx *v, vlrn_layout *l, lrn_geom *g, lrn_words *w)
{
    const view_scene *sc = v->sc;
    memset(l, 0, sizeof *l);
    l->stage = vlrn_stage(v);
    if (l->stage < 1 || l->stage - 1 >= sc->done)
        return;
    net_stage row;
    const float *after = vcache_lrn(v, l->stage, &row);
    if (!after)
        return;
    int c, ux, uy;
    shown_unit(v, l->stage, &c, &ux, &uy);
    l->channel = c, l->ux = ux, l->uy = uy;
    lrn_words words;
    lrn_geom geom;
    if (!w)
        w = &words;
    if (!g)
        g = &geom;
    /* the maps are the point: they get at least a quarter of the room under the title, the
     * text shrinking for them; in a room too small for that, the largest text that fits */
    double u0 = v->u;
    for (int pass = 0; pass < 2; pass++)
        for (double k = 1; k >= 0.3; k *= 0.9) {
            v->u = u0 * k;
            make_words(v, l->stage, c, ux, uy, &row, after, w);
            double room = v->r.y + v->r.h - (v->r.y + vstage_title_height(v, v->r.w, l->stage));
            if (lrn_layout_try(v, w, l, g, pass ? 0 : 0.25 * room))
                return;
        }
    l->ok = 0;
}

void vlrn_layout_make(vctx *v, vlrn_layout *l) { lrn_layout(v, l, NULL, NULL); }

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

/* ---------------------------------------------------------------- drawing */

/* The squares of the channels around c, those in c's window filled, the boundary drawn;
 * returns the height used. */
static double draw_window(vctx *v, double x, double y, double w, double sq, const net_stage *row,
                          int c, const char *label)
{
    const vpal *pal = &v->pal;
    double u = v->u, y0 = y;
    int C = row->in_c, before = (row->lrn.n - 1) / 2, after = row->lrn.n - 1 - before;
    int lo = 0, hi = C - 1;
    if (row->lrn.within_towers) {
        lo = c < C / 2 ? 0 : C / 2;
        hi = lo + C / 2 - 1;
    }
    int j0 = c - before - 2, j1 = c + after + 2;
    if (j0 < 0)
        j0 = 0;
    if (j1 > C - 1)
        j1 = C - 1;
    /* wide enough for the numbers under the squares */
    double nw, nh;
    char widest[16];
    snprintf(widest, sizeof widest, "%d", j1);
    vtext_size(v, T_MIN, 0, widest, &nw, &nh);
    double step = fmax(sq, nw + 0.2 * u);
    int shown = (int)(w / step);
    if (j1 - j0 + 1 > shown) {
        int extra = j1 - j0 + 1 - shown;
        j0 += extra / 2, j1 -= extra - extra / 2;
    }
    y += vtext_para(v, x, y, w, T_MIN, pal->dim, label) + 0.3 * u;
    for (int j = j0; j <= j1; j++) {
        double sx = x + (j - j0) * step + (step - sq) / 2;
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
        vtext_drawf(v, x + (j - j0) * step + step / 2, y + sq, T_MIN, 0, pal->dim, VA_CENTER, 0,
                    "%d", j);
        if (j == C / 2 && j > j0)
            vfill(v, x + (j - j0) * step - 1.5, y - 0.3 * u, 3, sq + 0.6 * u, pal->split);
    }
    return y + sq + nh - y0;
}

/* A map's scale bar with its ends written under it. */
static void draw_bar(vctx *v, view_rect m, double y, vmap map, const char *lo, const char *hi)
{
    vmap_bar(v, map, 0, 1, m.x, y, m.w, 0.4 * v->u);
    vtext_draw(v, m.x, y + 0.45 * v->u, T_MIN, 0, v->pal.dim, VA_LEFT, 0, lo);
    vtext_draw(v, m.x + m.w, y + 0.45 * v->u, T_MIN, 0, v->pal.dim, VA_RIGHT, 0, hi);
}

/* The three maps of channel c: before, after (each its own range, or C: one range), their
 * ratio, each with its colour bar; 0 when out of memory. */
static int draw_maps(vctx *v, const vlrn_layout *l, const lrn_geom *g, const lrn_words *w,
                     const float *a, const float *b, int H, int W)
{
    const vpal *pal = &v->pal;
    double u = v->u;
    size_t plane = (size_t)H * W;
    float *ratio = vcache_scratch(v, plane); /* (H, W) */
    if (!ratio)
        return 0;
    for (size_t i = 0; i < plane; i++)
        ratio[i] = a[i] != 0 ? b[i] / a[i] : NAN; /* a zero input has no ratio: "no value" */
    float lo[2], hi[2];
    vmap m[2];
    for (int i = 0; i < 2; i++) {
        float mn, mx;
        vfinite_range(i ? b : a, plane, &mn, &mx);
        if (v->st->contrast == VIEW_CONTRAST_MAP && i == 1) {
            /* one range: the after map on the before map's */
            lo[1] = lo[0], hi[1] = hi[0], m[1] = m[0];
            break;
        }
        float amax = fmaxf(fabsf(mn), fabsf(mx));
        lo[i] = mn < 0 ? -amax : 0, hi[i] = amax > 0 ? amax : 1,
        m[i] = mn < 0 ? VMAP_DIV : VMAP_SEQ;
    }
    cairo_surface_t *surf[3] = {vmap_surface(a, H, W, vpal_map(v, m[0]), lo[0], hi[0]),
                                vmap_surface(b, H, W, vpal_map(v, m[1]), lo[1], hi[1]),
                                vmap_surface(ratio, H, W, vpal_map(v, VMAP_DAMP), 0, 1)};
    for (int i = 0; i < 3; i++) {
        view_rect mr = l->map[i];
        vtext_para(v, l->col[i].x, l->col[i].y, l->col[i].w, T_MIN, pal->fg, w->label[i]);
        vframe(v, mr.x - 2, mr.y - 2, mr.w + 4, mr.h + 4, 2, pal->line);
        vpaint_nearest(v, surf[i], mr.x, mr.y, l->s, l->s);
        cairo_surface_destroy(surf[i]);
        double fw = fmax(2, 0.1 * u);
        vframe(v, mr.x + l->ux * l->s - fw, mr.y + l->uy * l->s - fw, l->s + 2 * fw, l->s + 2 * fw,
               fw, pal->accent);
    }
    double sy = l->map[0].y + g->map_h + 0.4 * u;
    for (int i = 0; i < 2; i++) {
        char v1[32], v2[32];
        vfmt_value(lo[i], v1, sizeof v1);
        vfmt_value(hi[i], v2, sizeof v2);
        draw_bar(v, l->map[i], sy, m[i], v1, v2);
    }
    draw_bar(v, l->map[2], sy, VMAP_DAMP, "0", "1");
    return 1;
}

/* The formula with the live numbers of the unit, down the left column from g->lower_y. */
static void draw_formula(vctx *v, const lrn_geom *g, const lrn_words *w)
{
    const vpal *pal = &v->pal;
    double u = v->u;
    double x = v->r.x + 0.6 * u, y = g->lower_y, lw = g->left_w, tw;
    y += vtext_para(v, x, y, lw, T_LEAD, pal->fg, w->formula) + 0.3 * u;
    double ph = vtext_para_size(v, lw, T_BODY, VT_BOLD, w->params, &tw);
    char *esc = vmarkup_escape(w->params), markup[400];
    snprintf(markup, sizeof markup, "<b>%s</b>", esc);
    g_free(esc);
    vtext_markup(v, x, y, lw, T_BODY, w->same ? pal->fg : pal->accent, markup, NULL);
    if (lw - tw - u > 6 * u) {
        double gh = vtext_para_size(v, lw - tw - u, T_MIN, 0, w->tag, NULL);
        vtext_para(v, x + tw + u, y + (ph - gh) * 0.6, lw - tw - u, T_MIN,
                   w->same ? pal->ok : pal->accent, w->tag);
        y += fmax(ph, gh) + 0.3 * u;
    } else {
        y += ph;
        y += vtext_para(v, x, y, lw, T_MIN, w->same ? pal->ok : pal->accent, w->tag) + 0.3 * u;
    }
    y += vtext_para(v, x, y, lw, T_BODY, pal->fg, w->kind) + 0.3 * u;
    y += vtext_para(v, x, y, lw, T_BODY, pal->dim, w->example) + 0.1 * u;
    esc = vmarkup_escape(w->result);
    snprintf(markup, sizeof markup, "<b>%s</b>", esc);
    g_free(esc);
    double rh = vtext_markup_size(v, lw, T_KEY, markup, NULL);
    vtext_markup_as(v, x, y, lw, T_KEY, VT_KEY, pal->accent, markup, NULL);
    y += rh + 0.3 * u;
    vtext_para(v, x, y, lw, T_BODY, pal->fg, w->keeps);
}

/* A message where the view would be (no norm stage, or not computed yet). */
static void draw_nothing(vctx *v, const vlrn_layout *l)
{
    view_rect r = v->r;
    double u = v->u;
    if (l->stage < 0) {
        vtext_para(v, r.x + u, r.y + r.h / 2, r.w - 2 * u, T_BODY, v->pal.dim,
                   vtext(v, TX_LRN_NONE));
        return;
    }
    char line[128];
    snprintf(line, sizeof line, vtext(v, TX_NOT_YET), v->sc->table.s[l->stage].name);
    double top = r.y + vstage_title_height(v, r.w, l->stage);
    vtext_para(v, r.x + u, fmax(top, r.y + r.h / 2 - u), r.w - 2 * u, T_LEAD, v->pal.dim, line);
}

void view_draw_lrn(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_begin(&v, cr, r, sc, st);
    vlrn_layout l;
    lrn_geom g;
    lrn_words w;
    lrn_layout(&v, &l, &g, &w);
    double u = v.u;
    if (l.stage >= 0)
        vstage_title(&v, r, l.stage);
    net_stage row;
    const float *after = l.stage >= 0 && l.ok ? vcache_lrn(&v, l.stage, &row) : NULL;
    if (!after) {
        draw_nothing(&v, &l);
        vctx_end(&v);
        return;
    }
    const net_stage *s = &sc->table.s[l.stage];
    int H = s->in_h, W = s->in_w, c = l.channel;
    size_t plane = (size_t)H * W;
    const float *a = sc->out[l.stage - 1] + (size_t)c * plane, *b = after + (size_t)c * plane;
    vtext_markup(&v, r.x + 0.6 * u, g.top, r.w - 1.2 * u, T_BODY, v.pal.fg, w.channel, NULL);
    if (draw_maps(&v, &l, &g, &w, a, b, H, W)) {
        draw_formula(&v, &g, &w);
        /* the channels in the window, and where the towers meet */
        double wy = l.stacked ? g.lower_y + g.left_h + 0.6 * u : g.lower_y;
        wy += draw_window(&v, g.right_x, wy, g.right_w, g.sq, &row, c, w.window) + 0.6 * u;
        vtext_para(&v, g.right_x, wy, g.right_w, T_MIN, v.pal.dim, w.boundary);
        if (!st->print)
            vtext_para(&v, r.x + 0.6 * u, r.y + r.h - g.keys_h, r.w - 1.2 * u, T_MIN, v.pal.dim,
                       w.keys);
    }
    vctx_end(&v);
}
