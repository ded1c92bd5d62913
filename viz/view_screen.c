/* view_screen.c: the window's whole picture: the view tabs, the pipeline strip, the current
 * view, the status line, and over them the help overlay and any message.
 *
 * It is a view like the others (cairo only, no SDL), so a screenshot from the window, an export
 * of the same state and a test rendering offscreen are the same pixels. Hit testing reuses the
 * layouts the drawing uses, so a click lands where the eye sees the thing.
 */
#include "view_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const text_id tab_text[VIEW_COUNT] = {TX_VIEW_PIPELINE, TX_VIEW_GRID, TX_VIEW_ZOOM,
                                             TX_VIEW_LRN, TX_VIEW_ARITH, TX_VIEW_FILTERS,
                                             TX_VIEW_PRED};

void view_draw(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    switch (st->kind) {
    case VIEW_PIPELINE: view_draw_pipeline(cr, r, sc, st); break;
    case VIEW_GRID: view_draw_grid(cr, r, sc, st); break;
    case VIEW_ZOOM: view_draw_zoom(cr, r, sc, st); break;
    case VIEW_LRN: view_draw_lrn(cr, r, sc, st); break;
    case VIEW_ARITH: view_draw_arith(cr, r, sc, st); break;
    case VIEW_FILTERS: view_draw_filters(cr, r, sc, st); break;
    case VIEW_PRED: view_draw_pred(cr, r, sc, st); break;
    case VIEW_COUNT: break;
    }
}

/* The screen's bands. */
typedef struct {
    view_rect tabs, strip, body, status;
    double tab_w;
} screen_layout;

static void screen_layout_make(view_rect r, const view_state *st, screen_layout *l)
{
    double u = st->ui > 4 ? st->ui : 4;
    /* whole pixels, so the view drawn here is the same picture as the view drawn alone at
     * (0, 0) with the same size (what export draws) */
    double tabs_h = round(1.9 * u), status_h = round(1.8 * u);
    double strip_h = st->kind == VIEW_PIPELINE ? 0 : round(fmin(4.6 * u, r.h * 0.2));
    l->tabs = (view_rect){r.x, r.y, r.w, tabs_h};
    l->strip = (view_rect){r.x, r.y + tabs_h, r.w, strip_h};
    l->body = (view_rect){r.x, r.y + tabs_h + strip_h, r.w, r.h - tabs_h - strip_h - status_h};
    l->status = (view_rect){r.x, r.y + r.h - status_h, r.w, status_h};
    l->tab_w = fmin(r.w * 0.62 / VIEW_COUNT, 8.5 * u);
}

view_rect view_screen_body(view_rect r, const view_scene *sc, const view_state *st)
{
    (void)sc;
    screen_layout l;
    screen_layout_make(r, st, &l);
    return l.body;
}

static void draw_tabs(vctx *v, const screen_layout *l)
{
    const vpal *pal = &v->pal;
    const view_scene *sc = v->sc;
    double u = v->u;
    view_rect t = l->tabs;
    vfill(v, t.x, t.y, t.w, t.h, pal->panel);
    for (int k = 0; k < VIEW_COUNT; k++) {
        double x = t.x + k * l->tab_w;
        int on = (int)v->st->kind == k;
        if (on) {
            vfill(v, x, t.y, l->tab_w, t.h, pal->bg);
            vfill(v, x, t.y + t.h - fmax(3, 0.14 * u), l->tab_w, fmax(3, 0.14 * u), pal->accent);
        }
        char label[64];
        snprintf(label, sizeof label, "%d %s", k + 1, vtext(v, tab_text[k]));
        vtext_draw(v, x + l->tab_w / 2, t.y + 0.4 * u, 0.72, on, on ? pal->fg : pal->dim,
                   VA_CENTER, l->tab_w - 0.3 * u, label);
    }
    /* right: the photo and, loudly, whether the weights are trained */
    double right = t.x + t.w - 0.5 * u;
    if (sc->untrained) {
        double tw, th;
        vtext_size(v, 0.68, 1, vtext(v, TX_UNTRAINED), &tw, &th);
        vround(v, right - tw - 0.8 * u, t.y + 0.35 * u, tw + 0.8 * u, t.h - 0.7 * u, 0.25 * u);
        vset(v, pal->warn);
        cairo_fill(v->cr);
        vtext_draw(v, right - 0.4 * u, t.y + (t.h - th) / 2, 0.68, 1, pal->bg, VA_RIGHT, 0,
                   vtext(v, TX_UNTRAINED));
        right -= tw + 1.4 * u;
    }
    double left = t.x + VIEW_COUNT * l->tab_w + 0.8 * u;
    if (sc->photo_name && right - left > 2 * u)
        vtext_draw(v, right, t.y + 0.45 * u, 0.68, 0, pal->fg, VA_RIGHT, right - left,
                   sc->photo_name);
}

static void draw_status(vctx *v, const screen_layout *l)
{
    const vpal *pal = &v->pal;
    const view_scene *sc = v->sc;
    double u = v->u;
    view_rect s = l->status;
    vfill(v, s.x, s.y, s.w, s.h, pal->panel);
    double x = s.x + 0.5 * u, y = s.y + 0.42 * u, fs = 0.68;
    double help_w = vtext_draw(v, s.x + s.w - 0.5 * u, y, fs, 0, pal->dim, VA_RIGHT, 0,
                               vtext(v, TX_STATUS_HELP));
    double right = s.x + s.w - help_w - 1.5 * u;
    char line[512], shape[48];
    if (sc->step_mode) {
        double tw, th;
        vtext_size(v, fs, 1, vtext(v, TX_STATUS_STEP_ON), &tw, &th);
        vround(v, x, s.y + 0.3 * u, tw + 0.6 * u, s.h - 0.6 * u, 0.2 * u);
        vset(v, pal->accent);
        cairo_fill(v->cr);
        vtext_draw(v, x + 0.3 * u, y, fs, 1, pal->bg, VA_LEFT, 0, vtext(v, TX_STATUS_STEP_ON));
        x += tw + 1.1 * u;
    }
    if (sc->net_failed) {
        vtext_draw(v, x, y, fs, 0, pal->warn, VA_LEFT, right - x, vtext(v, TX_NET_FAILED));
        return;
    }
    if (sc->loading || sc->n_stages == 0) {
        vtext_draw(v, x, y, fs, 0, pal->fg, VA_LEFT, right - x, vtext(v, TX_LOADING));
        return;
    }
    if (!sc->photo && !sc->done && !sc->running) {
        vtext_draw(v, x, y, fs, 0, pal->fg, VA_LEFT, right - x, vtext(v, TX_NO_PHOTO));
        return;
    }
    int cur = vstage_current(v);
    snprintf(line, sizeof line, vtext(v, TX_STATUS_STAGE), sc->stages[cur].name, cur + 1,
             sc->n_stages);
    x += vtext_draw(v, x, y, fs, 1, pal->accent, VA_LEFT, 0, line) + 0.9 * u;
    int bad = view_scene_first_nonfinite(sc);
    if (bad >= 0) {
        snprintf(line, sizeof line, vtext(v, TX_STATUS_NONFINITE), sc->stages[bad].name);
        x += vtext_draw(v, x, y, fs, 1, pal->warn, VA_LEFT, right - x, line) + 0.9 * u;
    }
    size_t len = 0;
    line[0] = 0;
    if (sc->done > 0) {
        const net_stage *d = &sc->stages[sc->done - 1];
        vfmt_shape(d->out_c, d->out_h, d->out_w, shape, sizeof shape);
        len += (size_t)snprintf(line, sizeof line, vtext(v, TX_STATUS_JUST), d->name, shape);
    }
    if (len < sizeof line - 8)
        len += (size_t)snprintf(line + len, sizeof line - len, len ? " · " : "");
    if (sc->done < sc->n_stages) {
        const net_stage *n = &sc->stages[sc->done];
        if (len < sizeof line)
            len += (size_t)snprintf(line + len, sizeof line - len, vtext(v, TX_STATUS_NEXT),
                                    n->name, vstage_explain(v, n));
        if (sc->playing && len < sizeof line)
            len += (size_t)snprintf(line + len, sizeof line - len, " · ");
        if (sc->playing && len < sizeof line)
            len += (size_t)snprintf(line + len, sizeof line - len,
                                    vtext(v, TX_STATUS_PLAYING), sc->play_ms);
        else if (sc->paused && len < sizeof line)
            snprintf(line + len, sizeof line - len, " · %s", vtext(v, TX_STATUS_PRESS));
        else if (sc->running && len < sizeof line)
            snprintf(line + len, sizeof line - len, " · %s", vtext(v, TX_STATUS_RUNNING));
    } else if (len < sizeof line) {
        snprintf(line + len, sizeof line - len, "%s", vtext(v, TX_STATUS_DONE));
    }
    vtext_draw(v, x, y, fs, 0, pal->fg, VA_LEFT, right - x, line);
}

static void draw_help(vctx *v, view_rect r)
{
    static const struct {
        const char *keys;
        text_id what;
    } rows[] = {
        {"→  Space", TX_KEY_NEXT},     {"←", TX_KEY_BACK},          {"Home  End", TX_KEY_ENDS},
        {"1 … 7  Tab", TX_KEY_VIEWS},  {"T", TX_KEY_STEP},          {"P", TX_KEY_PLAY},
        {",  .", TX_KEY_PACE},         {"R", TX_KEY_RERUN},         {"↑ ↓  [ ]  J", TX_KEY_CHANNEL},
        {"C", TX_KEY_CONTRAST},        {"wheel", TX_KEY_ZOOM},      {"+  −", TX_KEY_SCALE},
        {"F  F11", TX_KEY_FULL},       {"D", TX_KEY_THEME},         {"L", TX_KEY_LANG},
        {"PgUp  PgDn", TX_KEY_PHOTO},  {"", TX_KEY_DROP},           {"S", TX_KEY_SAVE},
        {"n N k K a A b B V W X", TX_KEY_LRN}, {"click", TX_KEY_CLICK},
        {"H  ?", TX_KEY_HELP},         {"Q  Esc", TX_KEY_QUIT},
    };
    const vpal *pal = &v->pal;
    double u = v->u;
    int n = (int)(sizeof rows / sizeof rows[0]);
    double fs = fmin(0.8, (r.h - 4 * u) / (n * 1.3 * u)), lh = fs * u * 1.3;
    double w = fmin(r.w - 2 * u, 44 * u * fs / 0.8), h = n * lh + 3.2 * u;
    double x = r.x + (r.w - w) / 2, y = r.y + (r.h - h) / 2;
    vround(v, x, y, w, h, 0.5 * u);
    vset_a(v, pal->panel, 0.96);
    cairo_fill_preserve(v->cr);
    vset(v, pal->accent);
    cairo_set_line_width(v->cr, 2);
    cairo_stroke(v->cr);
    vtext_draw(v, x + u, y + 0.6 * u, 1.1, 1, pal->accent, VA_LEFT, w - 2 * u,
               vtext(v, TX_HELP_TITLE));
    double ky = y + 2.4 * u, kw = 0.36 * w;
    for (int i = 0; i < n; i++) {
        vtext_draw(v, x + u, ky, fs, 1, pal->fg, VA_LEFT, kw - u, rows[i].keys);
        vtext_draw(v, x + kw + 0.5 * u, ky, fs, 0, pal->fg, VA_LEFT, w - kw - 1.5 * u,
                   vtext(v, rows[i].what));
        ky += lh;
    }
}

static void draw_message(vctx *v, const screen_layout *l)
{
    const vpal *pal = &v->pal;
    double u = v->u, tw, th;
    const char *msg = v->sc->message;
    vtext_size(v, 0.8, 1, msg, &tw, &th);
    double maxw = l->body.w - 2 * u;
    if (tw > maxw)
        tw = maxw;
    double x = l->body.x + (l->body.w - tw) / 2 - 0.6 * u;
    double y = l->body.y + l->body.h - th - 1.6 * u;
    vround(v, x, y, tw + 1.2 * u, th + 0.6 * u, 0.3 * u);
    vset_a(v, pal->bg, 0.94);
    cairo_fill_preserve(v->cr);
    vset(v, pal->accent);
    cairo_set_line_width(v->cr, 2);
    cairo_stroke(v->cr);
    vtext_draw(v, x + 0.6 * u, y + 0.3 * u, 0.8, 1, pal->fg, VA_LEFT, maxw, msg);
}

/* The strip is the costliest part of a frame (46 labelled blocks) and changes only with the
 * stage, the pass or the look, so it is drawn once into the cache and pasted after that. */
static void draw_strip(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    struct {
        int w, h, n, cur, done, paused, theme, lang;
        double ui;
        uint32_t photo;
    } key;
    memset(&key, 0, sizeof key);
    key.w = (int)ceil(r.w), key.h = (int)ceil(r.h), key.n = sc->n_stages, key.cur = st->stage;
    key.done = sc->done, key.paused = sc->paused, key.theme = (int)st->theme;
    key.lang = (int)st->lang, key.ui = st->ui, key.photo = sc->photo ? sc->photo_version : 0;
    int fresh;
    cairo_surface_t *m = sc->cache ? vcache_memo(sc->cache, 0, &key, sizeof key, key.w, key.h,
                                                 &fresh)
                                   : NULL;
    if (!m) {
        view_draw_pipeline(cr, r, sc, st);
        return;
    }
    if (fresh) {
        cairo_t *mc = cairo_create(m);
        view_draw_pipeline(mc, (view_rect){0, 0, r.w, r.h}, sc, st);
        cairo_destroy(mc);
        cairo_surface_flush(m);
    }
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_clip(cr);
    cairo_set_source_surface(cr, m, r.x, r.y);
    cairo_paint(cr);
    cairo_restore(cr);
}

void view_draw_screen(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    screen_layout l;
    screen_layout_make(r, st, &l);
    view_draw(cr, l.body, sc, st);
    /* the strip and the status line name the stage the view shows: in the LRN view that is the
     * norm stage up to the current one (norm1 while the pass is at conv1 … pool1) */
    view_state shown = *st;
    vctx v;
    if (st->kind == VIEW_LRN) {
        vctx_layout(&v, l.body, sc, st);
        int lrn = vlrn_stage(&v);
        if (lrn >= 0)
            shown.stage = lrn;
    }
    if (l.strip.h > 0)
        draw_strip(cr, l.strip, sc, &shown);
    vctx_begin(&v, cr, (view_rect){r.x, r.y, r.w, l.tabs.h}, sc, st);
    draw_tabs(&v, &l);
    vctx_end(&v);
    vctx_begin(&v, cr, l.status, sc, &shown);
    draw_status(&v, &l);
    vctx_end(&v);
    if (sc->message[0] || st->help) {
        /* overlays: drawn over everything without repainting the background */
        vctx_begin_over(&v, cr, r, sc, st);
        if (sc->message[0])
            draw_message(&v, &l);
        if (st->help)
            draw_help(&v, r);
        vctx_end(&v);
    }
}

view_hit view_screen_hit(view_rect r, const view_scene *sc, const view_state *st, double px,
                         double py)
{
    view_hit h = {VIEW_HIT_NONE, -1, -1, -1};
    screen_layout l;
    screen_layout_make(r, st, &l);
    vctx v;
    if (st->help)
        return h;
    if (py >= l.tabs.y && py < l.tabs.y + l.tabs.h) {
        int k = (int)floor((px - l.tabs.x) / l.tab_w);
        if (k >= 0 && k < VIEW_COUNT)
            h.kind = VIEW_HIT_TAB, h.value = k;
        return h;
    }
    if (l.strip.h > 0 && py >= l.strip.y && py < l.strip.y + l.strip.h) {
        vctx_layout(&v, l.strip, sc, st);
        int s = vpipe_hit(&v, px, py);
        if (s >= 0)
            h.kind = VIEW_HIT_STAGE, h.value = s;
        return h;
    }
    vctx_layout(&v, l.body, sc, st);
    int ux, uy, c;
    switch (st->kind) {
    case VIEW_PIPELINE:
        if ((c = vpipe_hit(&v, px, py)) >= 0)
            h.kind = VIEW_HIT_STAGE, h.value = c;
        break;
    case VIEW_GRID:
        if (vstage_current(&v) < sc->done && (c = vgrid_hit(&v, px, py)) >= 0)
            h.kind = VIEW_HIT_MAP, h.value = c;
        break;
    case VIEW_ZOOM:
        if (vzoom_hit(&v, px, py, &ux, &uy))
            h.kind = VIEW_HIT_UNIT, h.x = ux, h.y = uy;
        break;
    case VIEW_LRN:
        if (vlrn_hit(&v, px, py, &ux, &uy))
            h.kind = VIEW_HIT_UNIT, h.x = ux, h.y = uy;
        break;
    default: break;
    }
    return h;
}
