/* view_zoom.c: one channel large, and where one of its units looks in the photo.
 *
 * The map is drawn at a whole number of screen pixels per unit, so every unit is a crisp
 * square; the unit under the pointer (or the selected one) shows its value, and beside it the
 * photo shows that unit's receptive field, computed from the stage table (rf, rf_jump, rf_off):
 * 11 px at conv1, growing to 195 px at pool5. Where the field hangs over the edge of the photo
 * the net saw padding.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>

static int clamp_channel(const vctx *v, const net_stage *s)
{
    int c = v->st->channel;
    return c < 0 ? 0 : c >= s->out_c ? s->out_c - 1 : c;
}

void vzoom_layout_make(vctx *v, int stage, vzoom_layout *z)
{
    view_rect r = v->r;
    double u = v->u;
    const net_stage *s = &v->sc->stages[stage];
    z->ok = 0;
    double top = r.y + 2.9 * u, bottom = r.y + r.h - 2.2 * u;
    double left_w = r.w * 0.58;
    z->side = (view_rect){r.x + left_w, top, r.w - left_w, r.y + r.h - top};
    double aw = left_w - 1.2 * u, ah = bottom - top - 1.6 * u;
    if (!vstage_is_map(s) || aw < 4 || ah < 4)
        return;
    z->h = s->out_h, z->w = s->out_w;
    double k = fmin(aw / z->w, ah / z->h);
    z->s = k >= 1 ? floor(k) : k;
    z->x = round(r.x + 0.6 * u + (aw - z->w * z->s) / 2);
    z->y = round(top + 1.4 * u + (ah - z->h * z->s) / 2);
    z->ok = 1;
}

int vzoom_hit(vctx *v, double x, double y, int *ux, int *uy)
{
    int stage = vstage_current(v);
    if (stage < 0)
        return 0;
    vzoom_layout z;
    vzoom_layout_make(v, stage, &z);
    if (!z.ok)
        return 0;
    int px = (int)floor((x - z.x) / z.s), py = (int)floor((y - z.y) / z.s);
    if (px < 0 || py < 0 || px >= z.w || py >= z.h)
        return 0;
    *ux = px, *uy = py;
    return 1;
}

/* The photo with a unit's receptive field; returns the y below it. */
static double draw_field(vctx *v, view_rect side, double y, const net_stage *s, int ux, int uy)
{
    const view_scene *sc = v->sc;
    const vpal *pal = &v->pal;
    cairo_t *cr = v->cr;
    double u = v->u;
    cairo_surface_t *ph = vcache_photo(v);
    int S = sc->input_size;
    double size = fmin(side.w - 1.2 * u, (side.y + side.h - y) * 0.55);
    if (!ph || size < 2 * u)
        return y;
    double x = side.x + 0.6 * u, k = size / S;
    char line[160];
    snprintf(line, sizeof line, vtext(v, TX_ZOOM_PHOTO), S, S);
    vtext_draw(v, x, y, 0.68, 0, pal->dim, VA_LEFT, side.w - 1.2 * u, line);
    y += 1.1 * u;
    vpaint_smooth(v, ph, x, y, k);
    int fx, fy, fw;
    if (s->rf_jump) {
        fx = s->rf_off + ux * s->rf_jump, fy = s->rf_off + uy * s->rf_jump, fw = s->rf;
    } else {
        fx = fy = 0, fw = S;
    }
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
    if (s->rf_jump) {
        snprintf(line, sizeof line, vtext(v, TX_ZOOM_FIELD), fw, fw, fx, fy);
        vtext_draw(v, x, y, 0.72, 0, pal->fg, VA_LEFT, side.w - 1.2 * u, line);
        y += 1.15 * u;
        snprintf(line, sizeof line, vtext(v, TX_ZOOM_JUMP), s->rf_jump);
        vtext_draw(v, x, y, 0.72, 0, pal->fg, VA_LEFT, side.w - 1.2 * u, line);
        y += 1.15 * u;
        if (fx < 0 || fy < 0 || fx + fw > S || fy + fw > S) {
            vtext_draw(v, x, y, 0.65, 0, pal->dim, VA_LEFT, side.w - 1.2 * u,
                       vtext(v, TX_ZOOM_CLIPPED));
            y += 1.1 * u;
        }
    }
    return y;
}

void view_draw_zoom(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    int stage = vctx_begin_stage(&v, cr, r, sc, st);
    if (stage < 0)
        return;
    const net_stage *s = &sc->stages[stage];
    const vpal *pal = &v.pal;
    double u = v.u;
    char line[256], val[32];
    vstage_title(&v, (view_rect){r.x, r.y, r.w, 2.9 * u}, stage);
    if (stage >= sc->done) {
        snprintf(line, sizeof line, vtext(&v, TX_NOT_YET), s->name);
        vtext_draw(&v, r.x + r.w / 2, r.y + r.h / 2 - u, 1.1, 0, pal->dim, VA_CENTER, r.w, line);
        vctx_end(&v);
        return;
    }
    int c = clamp_channel(&v, s);
    vzoom_layout z;
    vzoom_layout_make(&v, stage, &z);
    int a[2], b[2];
    net_stage_towers(s, a, b);
    int tower_b = b[1] > b[0] && c >= b[0];
    vrgb hue = b[1] > b[0] ? (tower_b ? pal->tower_b : pal->tower_a) : pal->fg;
    snprintf(line, sizeof line, vtext(&v, TX_ZOOM_CHANNEL), c, s->out_c);
    double lx = r.x + 0.6 * u, ly = r.y + 3.0 * u;
    double w = vtext_draw(&v, lx, ly, 0.85, 1, pal->fg, VA_LEFT, 0, line);
    if (b[1] > b[0])
        vtext_draw(&v, lx + w + 0.8 * u, ly, 0.85, 1, hue, VA_LEFT, 0,
                   vtext(&v, tower_b ? TX_TOWER_B : TX_TOWER_A));

    if (!z.ok) {
        /* a vector: the value of unit c, and a field that is the whole photo */
        snprintf(line, sizeof line, vtext(&v, TX_ZOOM_VECTOR), s->name);
        double h = vtext_para(&v, lx, ly + 1.8 * u, r.w * 0.55, 0.85, pal->fg, line);
        vfmt_value(sc->out[stage][c], val, sizeof val);
        vtext_drawf(&v, lx, ly + 2.4 * u + h, 1.6, 1, pal->accent, VA_LEFT, r.w * 0.55,
                    "%s[%d] = %s", s->name, c, val);
        draw_field(&v, z.side, z.side.y + 0.3 * u, s, 0, 0);
        vctx_end(&v);
        return;
    }

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
    int ux, uy;
    if (!(st->cursor_in && vzoom_hit(&v, st->cursor_x, st->cursor_y, &ux, &uy))) {
        ux = st->unit_x >= 0 && st->unit_x < z.w ? st->unit_x : z.w / 2;
        uy = st->unit_y >= 0 && st->unit_y < z.h ? st->unit_y : z.h / 2;
    }
    double fw = fmax(3, 0.14 * u);
    vframe(&v, z.x + ux * z.s - fw, z.y + uy * z.s - fw, z.s + 2 * fw, z.s + 2 * fw, fw,
           pal->accent);

    double y = z.side.y + 0.2 * u, sx = z.side.x + 0.6 * u, sw = z.side.w - 1.2 * u;
    vfmt_value(sc->out[stage][((size_t)c * z.h + uy) * z.w + ux], val, sizeof val);
    snprintf(line, sizeof line, vtext(&v, TX_ZOOM_UNIT), ux, uy, val);
    vtext_draw(&v, sx, y, 1.1, 1, pal->accent, VA_LEFT, sw, line);
    y += 1.8 * u;
    draw_field(&v, z.side, y, s, ux, uy);

    vrange rg = vcache_range(&v, stage);
    if (st->contrast == VIEW_CONTRAST_MAP) {
        /* the scale of this map alone */
        size_t plane = (size_t)z.h * z.w;
        const float *x = sc->out[stage] + (size_t)c * plane;
        float mn, mx;
        vfinite_range(x, plane, &mn, &mx);
        float amax = fmaxf(fabsf(mn), fabsf(mx));
        rg.lo = rg.map == VMAP_DIV ? -amax : 0, rg.hi = amax > 0 ? amax : 1;
        rg.min = mn, rg.max = mx;
    }
    vscale_draw(&v, (view_rect){r.x, r.y + r.h - 2.2 * u, r.w * 0.58, 2.2 * u}, &rg, 0, NULL);
    vctx_end(&v);
}
