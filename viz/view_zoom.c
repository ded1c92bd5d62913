/* view_zoom.c: one channel large, and where one of its units looks in the photo.
 *
 * The map is drawn at a whole number of screen pixels per unit, so every unit is a crisp
 * square; the unit under the pointer (or the selected one) shows its value, and beside it the
 * photo shows that unit's receptive field, computed from the stage table (rf, rf_jump, rf_off):
 * 11 px at conv1, growing to 195 px at pool5. Where the field hangs over the edge of the photo
 * the net saw padding. For a vector (fc6 … fc8) every unit sees the whole photo, and the view
 * shows the whole vector, the selected unit outlined, and its value.
 *
 * The panel beside the map measures its words first; the photo takes the room they leave, and
 * in a narrow room the panel goes under the map.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void vzoom_shown(vctx *v, int stage, int *c, int *ux, int *uy)
{
    const view_scene *sc = v->sc;
    const view_state *st = v->st;
    const net_stage *s = &sc->table.s[stage];
    size_t plane = (size_t)s->out_h * s->out_w;
    const float *x = stage < sc->done ? sc->out[stage] : NULL;
    int ch = st->channel >= s->out_c ? s->out_c - 1 : st->channel;
    if (ch < 0) {
        /* the busiest channel: where the stage responds to this photo */
        double best = -INFINITY;
        ch = 0;
        for (int j = 0; x && j < s->out_c; j++) {
            double sum = 0;
            for (size_t i = 0; i < plane; i++)
                if (isfinite(x[(size_t)j * plane + i]))
                    sum += plane > 1 ? fabsf(x[(size_t)j * plane + i]) : x[(size_t)j * plane + i];
            if (sum > best)
                best = sum, ch = j;
        }
    }
    *c = ch;
    *ux = *uy = 0;
    if (plane <= 1)
        return;
    if (st->unit_x >= 0 && st->unit_x < s->out_w && st->unit_y >= 0 && st->unit_y < s->out_h) {
        *ux = st->unit_x, *uy = st->unit_y;
        return;
    }
    /* the channel's strongest unit: its receptive field shows what the channel answers to */
    size_t at = plane / 2;
    const float *p = x ? x + (size_t)ch * plane : NULL;
    for (size_t i = 0; p && i < plane; i++)
        if (isfinite(p[i]) && !(p[i] <= p[at]))
            at = i;
    *ux = (int)(at % (size_t)s->out_w), *uy = (int)(at / (size_t)s->out_w);
}

static int clamp_channel(vctx *v, int stage)
{
    int c, ux, uy;
    vzoom_shown(v, stage, &c, &ux, &uy);
    return c;
}

/* The line above the map: the channel (or unit) and its tower, with the keys in the window. */
static void channel_markup(vctx *v, const net_stage *s, int c, char *buf, size_t len)
{
    int a[2], b[2];
    net_stage_towers(s, a, b);
    int two = b[1] > b[0], tower_b = two && c >= b[0];
    char line[128], hex[8], dim[8];
    vrgb_hex(tower_b ? v->pal.tower_b : v->pal.tower_a, hex);
    vrgb_hex(v->pal.dim, dim);
    snprintf(line, sizeof line, vtext(v, vstage_is_map(s) ? TX_ZOOM_CHANNEL : TX_ZOOM_UNIT_OF), c,
             s->out_c);
    char *l = vmarkup_escape(line),
         *t = vmarkup_escape(two ? vtext(v, tower_b ? TX_TOWER_B : TX_TOWER_A) : "");
    char *k = vmarkup_escape(vtext(v, vstage_is_map(s) ? TX_KEYS_CHANNEL : TX_KEYS_UNIT));
    snprintf(buf, len, "<b>%s</b>%s%s%s%s%s%s", l, two ? "   <b><span foreground=\"" : "",
             two ? hex : "", two ? "\">" : "", t, two ? "</span></b>" : "", "");
    if (!v->st->print) {
        size_t n = strlen(buf);
        snprintf(buf + n, len - n, "   <span foreground=\"%s\">%s</span>", dim, k);
    }
    g_free(l), g_free(t), g_free(k);
}

/* The scale under the map: the stage's, or in per-map contrast this map's own. */
static vrange map_range(vctx *v, int stage, int c)
{
    const view_scene *sc = v->sc;
    const net_stage *s = &sc->table.s[stage];
    vrange rg = vcache_range(v, stage);
    if (v->st->contrast == VIEW_CONTRAST_MAP && vstage_is_map(s)) {
        size_t plane = (size_t)s->out_h * s->out_w;
        const float *x = sc->out[stage] + (size_t)c * plane;
        float mn, mx;
        vfinite_range(x, plane, &mn, &mx);
        float amax = fmaxf(fabsf(mn), fabsf(mx));
        rg.lo = rg.map == VMAP_DIV ? -amax : 0, rg.hi = amax > 0 ? amax : 1;
        rg.min = mn, rg.max = mx;
    }
    return rg;
}

/* The panel's words, measured or drawn (x, w: its column). */
typedef struct {
    char unit[256], caption[160], field[160], jump[160];
    int clipped;
} side_words;

static double words_height(vctx *v, const side_words *sw, double w, int with_unit)
{
    double u = v->u, h = 0;
    if (with_unit)
        h += vtext_para_size(v, w, T_KEY, VT_BOLD, sw->unit, NULL) + 0.4 * u;
    h += vtext_para_size(v, w, T_MIN, 0, sw->caption, NULL) + 0.2 * u;
    if (sw->field[0])
        h += vtext_para_size(v, w, T_BODY, 0, sw->field, NULL) + 0.15 * u;
    if (sw->jump[0])
        h += vtext_para_size(v, w, T_BODY, 0, sw->jump, NULL) + 0.15 * u;
    if (sw->clipped)
        h += vtext_para_size(v, w, T_MIN, 0, vtext(v, TX_ZOOM_CLIPPED), NULL);
    return h + 0.6 * u;
}

static void side_fill(vctx *v, const net_stage *s, int ux, int uy, const char *unit, side_words *sw)
{
    int S = v->sc->input_size;
    memset(sw, 0, sizeof *sw);
    snprintf(sw->unit, sizeof sw->unit, "%s", unit);
    snprintf(sw->caption, sizeof sw->caption, vtext(v, TX_ZOOM_PHOTO), S, S);
    if (s->rf_jump) {
        int fx = s->rf_off + ux * s->rf_jump, fy = s->rf_off + uy * s->rf_jump, fw = s->rf;
        snprintf(sw->field, sizeof sw->field, vtext(v, TX_ZOOM_FIELD), fw, fw, fx, fy);
        snprintf(sw->jump, sizeof sw->jump, vtext(v, TX_ZOOM_JUMP), s->rf_jump);
        sw->clipped = fx < 0 || fy < 0 || fx + fw > S || fy + fw > S;
    } else {
        snprintf(sw->field, sizeof sw->field, "%s", vtext(v, TX_AR_FIELD_ALL));
    }
}

/* Whether the panel's words fit it, for the widest they can be (a unit far from the corner,
 * the padding note). */
static int side_fits(vctx *v, view_rect side, const net_stage *s)
{
    side_words sw;
    side_fill(v, s, 0, 0, "(99, 99) = -0.000123", &sw);
    sw.clipped = s->rf_jump != 0;
    return words_height(v, &sw, side.w - 1.2 * v->u, 1) <= side.h;
}

/* The layout at v's text size; 0 when its words do not fit the room. */
static int zoom_layout_try(vctx *v, int stage, vzoom_layout *z)
{
    const view_scene *sc = v->sc;
    view_rect r = v->r;
    double u = v->u;
    const net_stage *s = &sc->table.s[stage];
    memset(z, 0, sizeof *z);
    double top = r.y + vstage_title_height(v, r.w, stage);
    z->top = top;
    if (stage >= sc->done)
        return top + 3 * u <= r.y + r.h;
    int c = clamp_channel(v, stage);
    /* the panel beside the map needs about 11 text heights of width; else it goes under it */
    z->stacked = r.w * 0.42 < 11 * u;
    double left_w = z->stacked ? r.w : r.w * 0.58;
    char markup[600];
    channel_markup(v, s, c, markup, sizeof markup);
    z->channel_h = vtext_markup_size(v, left_w - 1.2 * u, T_BODY, markup, NULL) + 0.3 * u;
    vrange rg = map_range(v, stage, c);
    z->scale_h = vscale_height(v, left_w, &rg, 0, NULL);
    double side_h = z->stacked ? fmax(9 * u, (r.y + r.h - top) * 0.45) : r.y + r.h - top;
    double map_bottom = (z->stacked ? r.y + r.h - side_h : r.y + r.h) - z->scale_h;
    z->scale = (view_rect){r.x, map_bottom, left_w, z->scale_h};
    z->side = z->stacked ? (view_rect){r.x, r.y + r.h - side_h, r.w, side_h}
                         : (view_rect){r.x + left_w, top, r.w - left_w, r.y + r.h - top};
    double aw = left_w - 1.2 * u, ah = map_bottom - top - z->channel_h - 0.4 * u;
    if (aw < 2 * u || ah < 2 * u)
        return 0;
    if (vstage_is_map(s)) {
        z->h = s->out_h, z->w = s->out_w;
    } else {
        /* the whole vector, a cell a value, each tower laid out as the grid lays it out, tower
         * B under tower A */
        int a[2], b[2], rows, cols;
        net_stage_towers(s, a, b);
        int towers = b[1] > b[0] ? 2 : 1;
        vvector_grid(s->out_c / towers, &rows, &cols);
        z->w = cols, z->h = rows * towers;
    }
    double k = fmin(aw / z->w, ah / z->h);
    z->s = k >= 1 ? floor(k) : k;
    z->x = round(r.x + 0.6 * u + (aw - z->w * z->s) / 2);
    z->y = round(top + z->channel_h + (ah - z->h * z->s) / 2);
    z->ok = 1;
    return side_fits(v, z->side, s);
}

/* The layout, at the view's text size or, in a room too small for it, a smaller one (the text
 * shrinks rather than runs out of the view): v->u is left at the size that fits. */
void vzoom_layout_make(vctx *v, int stage, vzoom_layout *z)
{
    double u0 = v->u;
    for (double k = 1; k >= 0.35; k *= 0.9) {
        v->u = u0 * k;
        if (zoom_layout_try(v, stage, z))
            return;
    }
}

int vzoom_hit(vctx *v, double x, double y, int *ux, int *uy)
{
    int stage = vstage_current(v);
    if (stage < 0)
        return 0;
    vzoom_layout z;
    vzoom_layout_make(v, stage, &z);
    if (!z.ok || !vstage_is_map(&v->sc->table.s[stage]))
        return 0;
    int px = (int)floor((x - z.x) / z.s), py = (int)floor((y - z.y) / z.s);
    if (px < 0 || py < 0 || px >= z.w || py >= z.h)
        return 0;
    *ux = px, *uy = py;
    return 1;
}

/* The side panel: the unit's value, then the photo with the unit's field, then what the field
 * is. The photo gets what the words leave. */
static void draw_side(vctx *v, view_rect side, const net_stage *s, int ux, int uy, const char *unit)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    cairo_t *cr = v->cr;
    double u = v->u, x = side.x + 0.6 * u, w = side.w - 1.2 * u, y = side.y + 0.2 * u;
    int S = sc->input_size, fx = 0, fy = 0, fw = S;
    if (s->rf_jump)
        fx = s->rf_off + ux * s->rf_jump, fy = s->rf_off + uy * s->rf_jump, fw = s->rf;
    side_words sw;
    side_fill(v, s, ux, uy, unit, &sw);
    y += vtext_para(v, x, y, w, T_KEY, pal->accent, sw.unit) + 0.4 * u;
    double size = fmin(w, side.y + side.h - y - (words_height(v, &sw, w, 0) - 0.2 * u));
    cairo_surface_t *ph = vcache_photo(v);
    if (ph && size >= 3 * u) {
        y += vtext_para(v, x, y, w, T_MIN, pal->dim, sw.caption) + 0.2 * u;
        double k = size / S;
        vpaint_smooth(v, ph, x, y, k);
        /* dim what the unit does not see, then frame what it does */
        double rx = x + fx * k, ry = y + fy * k, rw = fw * k;
        cairo_save(cr);
        cairo_rectangle(cr, x, y, size, size);
        cairo_clip(cr);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        cairo_rectangle(cr, x, y, size, size);
        cairo_rectangle(cr, rx, ry, rw, rw);
        vset_a(v, pal->bg, 0.55);
        cairo_fill(cr);
        cairo_restore(cr);
        vset(v, pal->accent);
        cairo_set_line_width(cr, fmax(2, 0.12 * u));
        cairo_rectangle(cr, rx, ry, rw, rw);
        cairo_stroke(cr);
        y += size + 0.4 * u;
    }
    if (sw.field[0])
        y += vtext_para(v, x, y, w, T_BODY, pal->fg, sw.field) + 0.15 * u;
    if (sw.jump[0])
        y += vtext_para(v, x, y, w, T_BODY, pal->fg, sw.jump) + 0.15 * u;
    if (sw.clipped)
        vtext_para(v, x, y, w, T_MIN, pal->dim, vtext(v, TX_ZOOM_CLIPPED));
}

void view_draw_zoom(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    int stage = vctx_begin_stage(&v, cr, r, sc, st);
    if (stage < 0)
        return;
    const net_stage *s = &sc->table.s[stage];
    const vpal *pal = &v.pal;
    double u = v.u;
    char line[256], val[32];
    vzoom_layout z;
    vzoom_layout_make(&v, stage, &z); /* first: it may make the text smaller to fit */
    u = v.u;
    vstage_title(&v, r, stage);
    if (stage >= sc->done) {
        snprintf(line, sizeof line, vtext(&v, TX_NOT_YET), s->name);
        double w, h = vtext_para_size(&v, r.w - 2 * u, T_LEAD, 0, line, &w);
        vtext_para(&v, r.x + (r.w - w) / 2, fmax(z.top, r.y + (r.h - h) / 2), r.w - 2 * u, T_LEAD,
                   pal->dim, line);
        vctx_end(&v);
        return;
    }
    int c = clamp_channel(&v, stage);
    char markup[600];
    channel_markup(&v, s, c, markup, sizeof markup);
    double left_w = z.stacked ? r.w : r.w * 0.58;
    vtext_markup(&v, r.x + 0.6 * u, z.top, left_w - 1.2 * u, T_BODY, pal->fg, markup, NULL);
    if (!z.ok) {
        vctx_end(&v);
        return;
    }
    int a[2], b[2];
    net_stage_towers(s, a, b);
    int tower_b = b[1] > b[0] && c >= b[0];
    vrgb hue = b[1] > b[0] ? (tower_b ? pal->tower_b : pal->tower_a) : pal->fg;
    int ux, uy;
    if (vstage_is_map(s)) {
        cairo_surface_t *m = vcache_map(&v, stage, c);
        if (m) {
            vframe(&v, z.x - 2, z.y - 2, z.w * z.s + 4, z.h * z.s + 4, 2, hue);
            vpaint_nearest(&v, m, z.x, z.y, z.s, z.s);
        }
        if (z.s >= 10) {
            /* a faint grid between units, so single units can be counted */
            vset_a(&v, pal->bg, 0.35);
            cairo_set_line_width(cr, 1);
            for (int i = 1; i < z.w; i++) {
                cairo_move_to(cr, z.x + i * z.s + 0.5, z.y);
                cairo_line_to(cr, z.x + i * z.s + 0.5, z.y + z.h * z.s);
            }
            for (int i = 1; i < z.h; i++) {
                cairo_move_to(cr, z.x, z.y + i * z.s + 0.5);
                cairo_line_to(cr, z.x + z.w * z.s, z.y + i * z.s + 0.5);
            }
            cairo_stroke(cr);
        }
        if (!(st->cursor_in && vzoom_hit(&v, st->cursor_x, st->cursor_y, &ux, &uy))) {
            int cc;
            vzoom_shown(&v, stage, &cc, &ux, &uy);
        }
        vfmt_value(sc->out[stage][((size_t)c * z.h + uy) * z.w + ux], val, sizeof val);
        snprintf(line, sizeof line, vtext(&v, TX_ZOOM_UNIT), ux, uy, val);
    } else {
        /* the whole vector, both towers, the selected unit outlined */
        int towers = b[1] > b[0] ? 2 : 1, per = s->out_c / towers, rows = z.h / towers;
        for (int t = 0; t < towers; t++) {
            vatlas at;
            if (vcache_atlas(&v, stage, t, 1, &at))
                vpaint_nearest(&v, at.s, z.x, z.y + t * rows * z.s, z.s, z.s);
        }
        int t = towers == 2 && c >= per, j = c - t * per;
        double fw = fmax(2, 0.1 * u);
        vframe(&v, z.x + (j % z.w) * z.s - fw, z.y + (t * rows + j / z.w) * z.s - fw, z.s + 2 * fw,
               z.s + 2 * fw, fw, pal->accent);
        vfmt_value(sc->out[stage][c], val, sizeof val);
        snprintf(line, sizeof line, vtext(&v, TX_ZOOM_VALUE), s->name, c, val);
        ux = uy = 0;
    }
    if (vstage_is_map(s)) {
        double fw = fmax(3, 0.14 * u);
        vframe(&v, z.x + ux * z.s - fw, z.y + uy * z.s - fw, z.s + 2 * fw, z.s + 2 * fw, fw,
               pal->accent);
    }
    draw_side(&v, z.side, s, ux, uy, line);
    vrange rg = map_range(&v, stage, c);
    vscale_draw(&v, z.scale, &rg, 0, NULL);
    vctx_end(&v);
}
