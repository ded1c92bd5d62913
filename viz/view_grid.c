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

/* The title band: the stage's name and shape (the number the view is about), what it does,
 * and its shape arithmetic, flowing onto more lines where the width is short. Measures when
 * draw is 0. */
static double title_flow(vctx *v, view_rect r, int stage, int draw, int arith)
{
    const vpal *pal = &v->pal;
    const net_stage *s = &v->sc->table.s[stage];
    double u = v->u, x0 = r.x + 0.6 * u, w = r.w - 1.2 * u, x = x0, y = r.y + 0.25 * u;
    char shape[48], op[160], line[640];
    vfmt_shape(s->out_c, s->out_h, s->out_w, shape, sizeof shape);
    vfmt_op(v, s, op, sizeof op);
    double nw, nh, sw, sh, ow;
    vtext_size(v, T_KEY, VT_BOLD, s->name, &nw, &nh);
    vtext_size(v, T_KEY, VT_BOLD, shape, &sw, &sh);
    if (draw)
        vtext_draw(v, x, y, T_KEY, VT_BOLD, pal->accent, VA_LEFT, 0, s->name);
    x += nw + 0.6 * u;
    if (x + sw > x0 + w) {
        x = x0, y += nh;
    }
    if (draw)
        vtext_draw(v, x, y, T_KEY, VT_BOLD | VT_KEY, pal->fg, VA_LEFT, 0, shape);
    x += sw + 0.9 * u;
    /* what the operation is: beside the shape when it fits there, else under it */
    double oh = vtext_para_size(v, w, T_BODY, 0, op, &ow);
    double lh = nh > sh ? nh : sh;
    if (x + ow <= x0 + w) {
        if (draw)
            vtext_draw(v, x, y + (lh - oh) * 0.7, T_BODY, 0, pal->dim, VA_LEFT, 0, op);
        y += lh;
    } else {
        y += lh;
        if (draw)
            vtext_para(v, x0, y, w, T_BODY, pal->dim, op);
        y += oh;
    }
    if (arith) {
        vfmt_shape_line(v, s, line, sizeof line);
        double ah = vtext_para_size(v, w, T_BODY, 0, line, NULL);
        if (draw)
            vtext_para(v, x0, y, w, T_BODY, pal->fg, line);
        y += ah;
    }
    /* where the course notes say otherwise, marked as the arithmetic view marks its notes;
     * left out where it would take the room the maps need (big text in a small window) */
    char trap[1024];
    double th = 0;
    if (vtrap(v, stage, trap, sizeof trap))
        th = vtext_para_size(v, w - 0.6 * u, T_MIN, 0, trap, NULL);
    if (th > 0 && y + 0.25 * u + th - r.y <= 0.4 * v->r.h) {
        y += 0.25 * u;
        if (draw) {
            vfill(v, x0, y, fmax(2, 0.15 * u), th, pal->accent);
            vtext_para(v, x0 + 0.6 * u, y, w - 0.6 * u, T_MIN, pal->fg, trap);
        }
        y += th;
    }
    /* a dropout stage: what its mask did at training time, or how to see it */
    if (s->op == NET_OP_DROPOUT) {
        const unsigned char *mask = vdrop_mask(v, stage);
        int count = s->out_c * s->out_h * s->out_w, kept = 0;
        line[0] = 0;
        if (mask) {
            for (int j = 0; j < count; j++)
                kept += mask[j];
            snprintf(line, sizeof line, vtext(v, TX_DROP_ON_LINE),
                     (unsigned long long)v->sc->dropout->seed, kept, count);
            if (!v->st->print)
                snprintf(line + strlen(line), sizeof line - strlen(line), " %s",
                         vtext(v, TX_DROP_ON_KEYS));
        } else if (!v->st->print) {
            snprintf(line, sizeof line, "%s", vtext(v, TX_DROP_OFF_KEYS));
        }
        if (line[0]) {
            double dh = vtext_para_size(v, w, T_MIN, 0, line, NULL);
            if (y + 0.2 * u + dh - r.y <= 0.4 * v->r.h) {
                if (draw)
                    vtext_para(v, x0, y + 0.2 * u, w, T_MIN, mask ? pal->fg : pal->dim, line);
                y += 0.2 * u + dh;
            }
        }
    }
    return y + 0.3 * u - r.y;
}

double vstage_title_height(vctx *v, double w, int stage)
{
    return title_flow(v, (view_rect){0, 0, w, 0}, stage, 0, 1);
}

double vstage_title(vctx *v, view_rect r, int stage) { return title_flow(v, r, stage, 1, 1); }

double vstage_head(vctx *v, view_rect r, int stage, int draw)
{
    return title_flow(v, r, stage, draw, 0);
}

/* The colour scale: the bar with its ends (and 0), then the true range, what is clipped or has
 * no colour, and the caller's note, beside the bar when there is room, else under it. */
static double scale_flow(vctx *v, view_rect r, const vrange *rg, int per_map, const char *note,
                         int draw)
{
    const vpal *pal = &v->pal;
    double u = v->u, x = r.x + 0.6 * u, y = r.y + 0.3 * u, bar_h = 0.6 * u;
    char lo[32], hi[32], mid[32], line[256], markup[1400], dimc[8], warnc[8];
    vfmt_value(rg->lo, lo, sizeof lo);
    vfmt_value(rg->hi, hi, sizeof hi);
    double low, hiw, zw, th;
    vtext_size(v, T_MIN, 0, per_map ? vtext(v, TX_SCALE_MAP) : lo, &low, &th);
    vtext_size(v, T_MIN, 0, hi, &hiw, NULL);
    vtext_size(v, T_MIN, 0, "0", &zw, NULL);
    double need = per_map ? low : low + hiw + (rg->map == VMAP_DIV ? zw + 2 * u : u);
    double bar_w = fmax(need, fmin(r.w * 0.42, 18 * u));
    bar_w = fmin(bar_w, r.w - 1.2 * u);
    if (draw) {
        vmap_bar(v, rg->map, 0, 1, x, y, bar_w, bar_h);
        vframe(v, x - 1, y - 1, bar_w + 2, bar_h + 2, 1, pal->line);
        double ty = y + bar_h + 0.1 * u;
        if (per_map) {
            vtext_draw(v, x + bar_w / 2, ty, T_MIN, 0, pal->fg, VA_CENTER, 0,
                       vtext(v, TX_SCALE_MAP));
        } else {
            vtext_draw(v, x, ty, T_MIN, 0, pal->fg, VA_LEFT, 0, lo);
            vtext_draw(v, x + bar_w, ty, T_MIN, 0, pal->fg, VA_RIGHT, 0, hi);
            if (rg->map == VMAP_DIV)
                vtext_draw(v, x + bar_w / 2, ty, T_MIN, 0, pal->fg, VA_CENTER, 0, "0");
        }
    }
    double bar_block = bar_h + 0.1 * u + th;
    /* the words: the true range, the clipping or the values without a colour, the note */
    vfmt_value(rg->min, lo, sizeof lo);
    vfmt_value(rg->max, hi, sizeof hi);
    vrgb_hex(pal->dim, dimc);
    vrgb_hex(pal->warn, warnc);
    snprintf(line, sizeof line, vtext(v, TX_SCALE_MINMAX), lo, hi);
    char *e = vmarkup_escape(line);
    snprintf(markup, sizeof markup, "%s", e);
    g_free(e);
    if (rg->nan || rg->inf) {
        snprintf(line, sizeof line, vtext(v, TX_SCALE_NONFINITE), rg->nan, rg->inf);
        e = vmarkup_escape(line);
        snprintf(markup + strlen(markup), sizeof markup - strlen(markup),
                 "\n<b><span foreground=\"%s\">%s</span></b>", warnc, e);
        g_free(e);
    } else if (!per_map && (rg->max > rg->hi || rg->min < rg->lo)) {
        vfmt_value(rg->hi, mid, sizeof mid);
        snprintf(line, sizeof line, vtext(v, TX_SCALE_CLIP), mid);
        e = vmarkup_escape(line);
        snprintf(markup + strlen(markup), sizeof markup - strlen(markup),
                 "\n<span foreground=\"%s\">%s</span>", dimc, e);
        g_free(e);
    }
    if (note && *note) {
        e = vmarkup_escape(note);
        snprintf(markup + strlen(markup), sizeof markup - strlen(markup),
                 "\n<span foreground=\"%s\">%s</span>", dimc, e);
        g_free(e);
    }
    /* the band keeps room for three lines of words whatever the values say, so that the maps
     * above it do not jump from stage to stage */
    double side_x = x + bar_w + 1.0 * u, side_w = r.x + r.w - 0.6 * u - side_x;
    double words_w, words_h, three = vtext_markup_size(v, 0, T_MIN, "0\n0\n0", NULL);
    vtext_markup_size(v, 0, T_MIN, markup, &words_w);
    if (side_w >= fmin(words_w, 12 * u)) {
        words_h = fmax(three, vtext_markup_size(v, side_w, T_MIN, markup, NULL));
        if (draw)
            vtext_markup(v, side_x, y - 0.15 * u, side_w, T_MIN, pal->fg, markup, NULL);
        return 0.45 * u + fmax(bar_block, words_h);
    }
    double ww = r.w - 1.2 * u;
    words_h = fmax(three, vtext_markup_size(v, ww, T_MIN, markup, NULL));
    if (draw)
        vtext_markup(v, x, y + bar_block + 0.3 * u, ww, T_MIN, pal->fg, markup, NULL);
    return 0.75 * u + bar_block + words_h;
}

double vscale_height(vctx *v, double w, const vrange *rg, int per_map, const char *note)
{
    return scale_flow(v, (view_rect){0, 0, w, 0}, rg, per_map, note, 0);
}

double vscale_draw(vctx *v, view_rect r, const vrange *rg, int per_map, const char *note)
{
    return scale_flow(v, r, rg, per_map, note, 1);
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

/* The words under the grid's scale: the contrast mode (with its key in the window), or how a
 * vector is laid out; the zoom when zoomed. */
static const char *grid_note(vctx *v, int stage, char *buf, size_t len)
{
    const net_stage *s = &v->sc->table.s[stage];
    const view_state *st = v->st;
    int per_map = st->contrast == VIEW_CONTRAST_MAP;
    if (vstage_is_map(s))
        snprintf(buf, len, "%s%s", vtext(v, per_map ? TX_CONTRAST_MAP : TX_CONTRAST_STAGE),
                 st->print ? "" : " (C)");
    else {
        int rows, cols;
        vvector_grid(s->towers == 2 ? s->out_c / 2 : s->out_c, &rows, &cols);
        snprintf(buf, len, vtext(v, TX_FC_CELLS), s->towers == 2 ? s->out_c / 2 : s->out_c, cols,
                 rows);
    }
    if (st->zoom != 1 && !st->print) {
        size_t n = strlen(buf);
        snprintf(buf + n, len - n, "\n");
        n = strlen(buf);
        snprintf(buf + n, len - n, vtext(v, TX_ZOOMED), 100 * st->zoom);
    }
    return buf;
}

/* The label over a tower's maps. */
static void tower_label(vctx *v, const vgrid_layout *g, int stage, int t, char *buf, size_t len)
{
    const net_stage *s = &v->sc->table.s[stage];
    char range[96];
    snprintf(range, sizeof range, vtext(v, vstage_is_map(s) ? TX_TOWER_RANGE : TX_VECTOR_RANGE),
             g->n[t], g->c0[t], g->c0[t] + g->n[t] - 1);
    snprintf(buf, len, "%s · %s",
             g->towers == 2 ? vtext(v, t ? TX_TOWER_B : TX_TOWER_A) : vtext(v, TX_ONE_BLOCK),
             range);
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
    const net_stage *s = &sc->table.s[stage];
    g->title = (view_rect){r.x, r.y, r.w, vstage_title_height(v, r.w, stage)};
    if (stage >= sc->done || s->op == NET_OP_SOFTMAX)
        return;
    char note[256];
    vrange rg = vcache_range(v, stage);
    int per_map = st->contrast == VIEW_CONTRAST_MAP && vstage_is_map(s);
    double scale_h = vscale_height(v, r.w, &rg, per_map, grid_note(v, stage, note, sizeof note));
    g->scale = (view_rect){r.x, r.y + r.h - scale_h, r.w, scale_h};
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
    /* the towers' labels, wrapped to their panels: the taller sets where the maps start */
    g->label_h = 0;
    for (int t = 0; t < g->towers; t++) {
        char label[192];
        tower_label(v, g, stage, t, label, sizeof label);
        g->label_h =
            fmax(g->label_h, vtext_para_size(v, pw - 1.8 * u, T_MIN, VT_BOLD, label, NULL));
    }
    g->label_h += 0.3 * u;
    double label_h = g->label_h, pad = 0.5 * u;
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
    const net_stage *s = &v->sc->table.s[stage];
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
    const net_stage *s = &sc->table.s[stage];
    cairo_t *cr = v->cr;
    double u = v->u;
    view_rect p = g->panel[t];
    char label[192];
    int is_map = vstage_is_map(s);
    tower_label(v, g, stage, t, label, sizeof label);
    vrgb hue = g->towers == 2 ? (t ? pal->tower_b : pal->tower_a) : pal->fg;
    vfill(v, p.x + 0.5 * u, p.y + 0.25 * u, 0.5 * u, 0.6 * u, hue);
    char hex[8], markup[400];
    vrgb_hex(hue, hex);
    char *esc = vmarkup_escape(label);
    snprintf(markup, sizeof markup, "<b><span foreground=\"%s\">%s</span></b>", hex, esc);
    g_free(esc);
    vtext_markup(v, p.x + 1.2 * u, p.y + 0.05 * u, p.w - 1.8 * u, T_MIN, hue, markup, NULL);

    vatlas at;
    int cols = g->cols[t];
    if (!vcache_atlas(v, stage, t, cols, &at))
        return;
    cairo_save(cr);
    cairo_rectangle(cr, p.x, p.y + g->label_h, p.w, p.h - g->label_h);
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
    /* dropout at training time: the dropped units are holes */
    const unsigned char *mask = vdrop_mask(v, stage);
    if (mask && !is_map) {
        uint32_t grey = VMAP_NO_VALUE;
        cairo_set_source_rgb(cr, (grey >> 16 & 255) / 255.0, (grey >> 8 & 255) / 255.0,
                             (grey & 255) / 255.0);
        for (int j = 0; j < g->n[t]; j++)
            if (!mask[g->c0[t] + j])
                cairo_rectangle(cr, g->ox[t] + (j % g->mw) * g->s, g->oy[t] + (j / g->mw) * g->s,
                                g->s, g->s);
        cairo_fill(cr);
    }
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
    const net_stage *s = &v->sc->table.s[stage];
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
    const net_stage *s = &sc->table.s[stage];
    const vpal *pal = &v.pal;
    double u = v.u;
    if (stage >= sc->done) {
        char line[128];
        snprintf(line, sizeof line, vtext(&v, TX_NOT_YET), s->name);
        double w, h = vtext_para_size(&v, r.w - 2 * u, T_LEAD, 0, line, &w);
        double y = fmax(r.y + g.title.h, r.y + (r.h - h) / 2);
        vtext_para(&v, r.x + (r.w - w) / 2, y, r.w - 2 * u, T_LEAD, pal->dim, line);
        vctx_end(&v);
        return;
    }
    if (s->op == NET_OP_SOFTMAX) {
        /* the top 10, their text as large as the room under the title lets it be down to
         * 60 %; in a smaller room fewer classes */
        view_rect b = {r.x, r.y + g.title.h, r.w, r.h - g.title.h};
        int n = 10;
        for (double k = 1; vpred_bars(&v, b, n, 0) > b.h;) {
            if (k > 0.6)
                v.u = u * (k *= 0.9);
            else if (n > 1)
                n--;
            else
                break;
        }
        vpred_bars(&v, b, n, 1);
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
        double x = round(g.panel[0].x + g.panel[0].w +
                         (g.panel[1].x - g.panel[0].x - g.panel[0].w - lw) / 2);
        vfill(&v, x, g.panel[0].y, lw, g.panel[0].h, pal->split);
    }
    vrange rg = vcache_range(&v, stage);
    int per_map = st->contrast == VIEW_CONTRAST_MAP && vstage_is_map(s);
    char note[256];
    vscale_draw(&v, g.scale, &rg, per_map, grid_note(&v, stage, note, sizeof note));
    draw_hover(&v, &g, stage);
    vctx_end(&v);
}
