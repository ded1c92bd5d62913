/* view_screen.c: the window's whole picture: the view tabs, the pipeline strip, the current
 * view, the status line, and over them the help overlay and any message.
 *
 * It is a view like the others (cairo only, no SDL), so a screenshot from the window, an export
 * of the same state and a test rendering offscreen are the same pixels. Hit testing reuses the
 * layouts the drawing uses, so a click lands where the eye sees the thing.
 */
#include "view_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const text_id tab_text[VIEW_COUNT] = {TX_VIEW_PIPELINE, TX_VIEW_GRID,    TX_VIEW_ZOOM,
                                             TX_VIEW_LRN,      TX_VIEW_ARITH,   TX_VIEW_FILTERS,
                                             TX_VIEW_PRED,     TX_VIEW_COMPUTE, TX_VIEW_LESSON};

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
    case VIEW_COMPUTE: view_draw_compute(cr, r, sc, st); break;
    case VIEW_LESSON: view_draw_lesson(cr, r, sc, st); break;
    case VIEW_COUNT: break;
    }
}

int view_shown_unit(const view_scene *sc, const view_state *st, int *c, int *ux, int *uy)
{
    vctx v;
    vctx_layout(&v, (view_rect){0, 0, 1, 1}, sc, st);
    int ok = 0;
    if (st->kind == VIEW_LRN) {
        ok = vlrn_shown(&v, c, ux, uy);
    } else {
        int stage = st->kind == VIEW_COMPUTE ? vcompute_stage(&v) : vstage_current(&v);
        if (stage >= 0 && stage < sc->done) {
            vzoom_shown(&v, stage, c, ux, uy);
            ok = 1;
        }
    }
    return ok;
}

/* The screen's bands, and the tabs' places: the tabs, the badge and the photo's name share the
 * top band, the status line takes the lines its text needs. Text is measured, so the layout
 * needs a vctx that can measure (vctx_layout or vctx_begin). */
typedef struct {
    view_rect tabs, strip, body, status;
    view_rect tab[VIEW_COUNT];
    int tab_words;   /* 0: "1 Pipeline"; 1: short words; 2: short only on the current
                               tab, numbers on the others; 3: numbers */
    view_rect badge; /* UNTRAINED (w 0: none) */
    view_rect name;  /* room for the photo's name (w 0: none) */
    double hint_w;   /* "H: keys" at the right of the status line */
} screen_layout;

#define TAB_FS T_BODY
#define STATUS_FS T_MIN

static const text_id tab_short[VIEW_COUNT] = {
    TX_VIEW_PIPELINE_SHORT, TX_VIEW_GRID_SHORT,    TX_VIEW_ZOOM_SHORT,
    TX_VIEW_LRN_SHORT,      TX_VIEW_ARITH_SHORT,   TX_VIEW_FILTERS_SHORT,
    TX_VIEW_PRED_SHORT,     TX_VIEW_COMPUTE_SHORT, TX_VIEW_LESSON_SHORT};

static void tab_label(const vctx *v, int k, int words, char *buf, size_t len)
{
    int current = (int)v->st->kind == k;
    int d = view_kind_digit((view_kind)k);
    if (words == 0)
        snprintf(buf, len, "%d %s", d, vtext(v, tab_text[k]));
    else if (words == 1 || (words == 2 && current))
        snprintf(buf, len, "%d %s", d, vtext(v, tab_short[k]));
    else
        snprintf(buf, len, "%d", d);
}

static double text_w(vctx *v, double fs, int bold, const char *s)
{
    double w, h;
    vtext_size(v, fs, bold, s, &w, &h);
    return w;
}

static void status_markup(vctx *v, char *buf, size_t len);

/* The strip and the status line name the stage the view shows: in the LRN view that is the
 * norm stage up to the current one (norm1 while the pass is at conv1 … pool1). */
static view_state shown_state(const view_scene *sc, const view_state *st)
{
    view_state shown = *st;
    if (st->kind == VIEW_LRN) {
        vctx v;
        vctx_layout(&v, (view_rect){0, 0, 1, 1}, sc, st);
        int lrn = vlrn_stage(&v);
        if (lrn >= 0)
            shown.stage = lrn;
    }
    return shown;
}

static void screen_layout_make(vctx *v, view_rect r, screen_layout *l)
{
    const view_state *st = v->st;
    double u = v->u;
    memset(l, 0, sizeof *l);
    /* whole pixels, so the view drawn here is the same picture as the view drawn alone at
     * (0, 0) with the same size (what export draws) */
    double tabs_h = round(1.9 * u);
    l->tabs = (view_rect){r.x, r.y, r.w, tabs_h};

    /* the badge, then as many words on the tabs as the band holds, then the name in what is
     * left (it alone may be cut) */
    double right = r.x + r.w - 0.4 * u;
    if (v->sc->untrained) {
        double bw = text_w(v, TAB_FS, VT_BOLD, vtext(v, TX_UNTRAINED)) + 0.8 * u;
        l->badge = (view_rect){right - bw, r.y + 0.3 * u, bw, tabs_h - 0.6 * u};
        right -= bw + 0.6 * u;
    }
    double widths[VIEW_COUNT], total = 0;
    for (l->tab_words = 0; l->tab_words < 4; l->tab_words++) {
        double pad = l->tab_words == 3 ? 0.25 * u : 0.5 * u; /* numbers alone: closer */
        total = 0;
        for (int k = 0; k < VIEW_COUNT; k++) {
            char label[64];
            tab_label(v, k, l->tab_words, label, sizeof label);
            widths[k] = text_w(v, TAB_FS, VT_BOLD, label) + 2 * pad;
            total += widths[k];
        }
        if (r.x + total <= right || l->tab_words == 3)
            break;
    }
    double x = r.x;
    for (int k = 0; k < VIEW_COUNT; k++) {
        l->tab[k] = (view_rect){x, r.y, widths[k], tabs_h};
        x += widths[k];
    }
    if (right - x > 4 * u)
        l->name = (view_rect){x + 0.6 * u, r.y, right - x - 0.6 * u, tabs_h};

    /* the status line: its text wrapped to the room left of the hint */
    l->hint_w = text_w(v, STATUS_FS, 0, vtext(v, TX_STATUS_HELP));
    char markup[2048];
    view_state shown = shown_state(v->sc, st);
    const view_state *own = v->st;
    v->st = &shown;
    status_markup(v, markup, sizeof markup);
    v->st = own;
    double text_h = vtext_markup_size(v, r.w - l->hint_w - 2 * u, STATUS_FS, markup, NULL);
    double status_h = round(fmax(1.8 * u, text_h + 0.7 * u));
    l->status = (view_rect){r.x, r.y + r.h - status_h, r.w, status_h};

    double strip_h = st->kind == VIEW_PIPELINE ? 0 : round(fmin(4.6 * u, r.h * 0.2));
    l->strip = (view_rect){r.x, r.y + tabs_h, r.w, strip_h};
    l->body = (view_rect){r.x, r.y + tabs_h + strip_h, r.w, r.h - tabs_h - strip_h - status_h};
}

view_rect view_screen_body(view_rect r, const view_scene *sc, const view_state *st)
{
    vctx v;
    vctx_layout(&v, r, sc, st);
    screen_layout l;
    screen_layout_make(&v, r, &l);
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
        view_rect b = l->tab[k];
        int on = (int)v->st->kind == k;
        if (on) {
            vfill(v, b.x, b.y, b.w, b.h, pal->bg);
            vfill(v, b.x, b.y + b.h - fmax(3, 0.14 * u), b.w, fmax(3, 0.14 * u), pal->accent);
        }
        char label[64];
        tab_label(v, k, l->tab_words, label, sizeof label);
        double th;
        vtext_size(v, TAB_FS, VT_BOLD, label, NULL, &th);
        vtext_draw(v, b.x + b.w / 2, b.y + (b.h - th) / 2, TAB_FS, on ? VT_BOLD : 0,
                   on ? pal->fg : pal->dim, VA_CENTER, 0, label);
    }
    /* right: the photo and, loudly, whether the weights are trained */
    if (l->badge.w > 0) {
        view_rect b = l->badge;
        double th;
        vtext_size(v, TAB_FS, VT_BOLD, vtext(v, TX_UNTRAINED), NULL, &th);
        vround(v, b.x, b.y, b.w, b.h, 0.25 * u);
        vset(v, pal->warn);
        cairo_fill(v->cr);
        vtext_draw(v, b.x + b.w / 2, b.y + (b.h - th) / 2, TAB_FS, VT_BOLD, pal->bg, VA_CENTER, 0,
                   vtext(v, TX_UNTRAINED));
    }
    if (sc->photo_name && l->name.w > 0) {
        double th;
        vtext_size(v, TAB_FS, 0, sc->photo_name, NULL, &th);
        vtext_draw(v, l->name.x + l->name.w, l->name.y + (l->name.h - th) / 2, TAB_FS, VT_FILE,
                   pal->fg, VA_RIGHT, l->name.w, sc->photo_name);
    }
}

/* Appends text to a markup buffer (escaped), in colour c and bold when asked. */
static void add(char *buf, size_t len, const char *text, const char *colour, int bold)
{
    size_t n = strlen(buf);
    if (n >= len - 1)
        return;
    char *esc = vmarkup_escape(text);
    snprintf(buf + n, len - n, "%s%s%s%s%s%s%s", bold ? "<b>" : "",
             colour ? "<span foreground=\"" : "", colour ? colour : "", colour ? "\">" : "", esc,
             colour ? "</span>" : "", bold ? "</b>" : "");
    g_free(esc);
}

static void addf(char *buf, size_t len, const char *colour, int bold, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void addf(char *buf, size_t len, const char *colour, int bold, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    add(buf, len, text, colour, bold);
}

/* The status line, as markup: what the stage on screen is, whether this pass has computed it,
 * where the pass is, and what the keys do next. */
static void status_markup(vctx *v, char *buf, size_t len)
{
    const view_scene *sc = v->sc;
    char accent[8], warn[8], shape[48];
    vrgb_hex(v->pal.accent, accent);
    vrgb_hex(v->pal.warn, warn);
    buf[0] = 0;
    const char *sep = "  ·  ";
    const view_run *run = vrun(sc);
    if (run->step) {
        add(buf, len, vtext(v, TX_STATUS_STEP_ON), accent, 1);
        add(buf, len, sep, NULL, 0);
    }
    if (run->failed) {
        add(buf, len, vtext(v, TX_NET_FAILED), warn, 0);
        return;
    }
    if (run->loading || sc->table.count == 0) {
        add(buf, len, vtext(v, TX_LOADING), NULL, 0);
        return;
    }
    if (!sc->photo && !sc->done && !run->running) {
        add(buf, len, vtext(v, TX_NO_PHOTO), NULL, 0);
        return;
    }
    int cur = vstage_current(v);
    const net_stage *s = &sc->table.s[cur];
    addf(buf, len, accent, 1, vtext(v, TX_STATUS_STAGE), s->name, cur + 1, sc->table.count);
    add(buf, len, sep, NULL, 0);
    int bad = view_scene_first_nonfinite(sc);
    if (bad >= 0) {
        addf(buf, len, warn, 1, vtext(v, TX_STATUS_NONFINITE), sc->table.s[bad].name);
        add(buf, len, sep, NULL, 0);
    }
    vfmt_shape(s->out_c, s->out_h, s->out_w, shape, sizeof shape);
    if (cur < sc->done)
        addf(buf, len, NULL, 0, vtext(v, TX_STATUS_COMPUTED), shape);
    else if (sc->done == 0)
        add(buf, len, vtext(v, TX_STATUS_NOTHING_YET), NULL, 0);
    else
        addf(buf, len, NULL, 0, vtext(v, TX_STATUS_NOT_YET), s->name);
    add(buf, len, sep, NULL, 0);
    int next = sc->done; /* the stage the pass computes next */
    if (sc->playing && next < sc->table.count) {
        addf(buf, len, NULL, 0, vtext(v, TX_STATUS_PLAYING), sc->play_ms);
    } else if (run->running && !run->paused) {
        add(buf, len, vtext(v, TX_STATUS_RUNNING), NULL, 0);
    } else if (next >= sc->table.count) {
        add(buf, len, vtext(v, TX_STATUS_DONE), NULL, 0);
        if (cur + 1 < sc->table.count) {
            add(buf, len, sep, NULL, 0);
            addf(buf, len, NULL, 0, vtext(v, TX_STATUS_SHOWS), sc->table.s[cur + 1].name);
        }
    } else if (run->paused) {
        if (next > 0 && cur != next - 1) {
            addf(buf, len, NULL, 0, vtext(v, TX_STATUS_WAITS), sc->table.s[next - 1].name);
            add(buf, len, sep, NULL, 0);
        }
        if (cur < next - 1)
            addf(buf, len, accent, 1, vtext(v, TX_STATUS_SHOWS), sc->table.s[cur + 1].name);
        else
            addf(buf, len, accent, 1, vtext(v, TX_STATUS_COMPUTES), sc->table.s[next].name,
                 vstage_explain(v, &sc->table.s[next]));
    }
}

void view_screen_status(const view_scene *sc, const view_state *st, char *buf, size_t len)
{
    vctx v;
    view_state shown = shown_state(sc, st);
    vctx_layout(&v, (view_rect){0, 0, 1, 1}, sc, &shown);
    char markup[2048], *text = NULL;
    status_markup(&v, markup, sizeof markup);
    if (pango_parse_markup(markup, -1, 0, NULL, &text, NULL, NULL))
        snprintf(buf, len, "%s", text);
    else
        snprintf(buf, len, "%s", markup);
    g_free(text);
}

static void draw_status(vctx *v, const screen_layout *l)
{
    const vpal *pal = &v->pal;
    double u = v->u;
    view_rect s = l->status;
    vfill(v, s.x, s.y, s.w, s.h, pal->panel);
    char markup[2048];
    status_markup(v, markup, sizeof markup);
    double w = s.w - l->hint_w - 2 * u;
    double h = vtext_markup_size(v, w, STATUS_FS, markup, NULL);
    vtext_markup(v, s.x + 0.5 * u, s.y + (s.h - h) / 2, w, STATUS_FS, pal->fg, markup, NULL);
    double th;
    vtext_size(v, STATUS_FS, 0, vtext(v, TX_STATUS_HELP), NULL, &th);
    vtext_draw(v, s.x + s.w - 0.5 * u, s.y + (s.h - th) / 2, STATUS_FS, 0, pal->dim, VA_RIGHT, 0,
               vtext(v, TX_STATUS_HELP));
}

static const struct {
    const char *keys; /* the keys as printed on a keyboard */
    text_id key_word; /* or a word for what is not a key (the wheel, a click) */
    text_id what;
} help_rows[] = {
    {"→  Space", 0, TX_KEY_NEXT},
    {"←", 0, TX_KEY_BACK},
    {"Home  End", 0, TX_KEY_ENDS},
    {"1 … 8  Tab", 0, TX_KEY_VIEWS},
    {"0  [ ]", 0, TX_KEY_LESSON},
    {"T", 0, TX_KEY_STEP},
    {"P", 0, TX_KEY_PLAY},
    {",  .", 0, TX_KEY_PACE},
    {"R", 0, TX_KEY_RERUN},
    {"↑ ↓  [ ]  J", 0, TX_KEY_CHANNEL},
    {"C", 0, TX_KEY_CONTRAST},
    {NULL, TX_KEYNAME_WHEEL, TX_KEY_ZOOM},
    {"+  −", 0, TX_KEY_SCALE},
    {"F  F11", 0, TX_KEY_FULL},
    {"D", 0, TX_KEY_THEME},
    {"L", 0, TX_KEY_LANG},
    {"PgUp  PgDn", 0, TX_KEY_PHOTO},
    {"", 0, TX_KEY_DROP},
    {"S", 0, TX_KEY_SAVE},
    {"M", 0, TX_KEY_NOTES},
    {"O", 0, TX_KEY_DROPOUT},
    {"X  N", 0, TX_KEY_TENCROP},
    {"n N k K a A b B V W X", 0, TX_KEY_LRN},
    {"A N E X", 0, TX_KEY_SLIDE},
    {"G  i I k K z Z o O", 0, TX_KEY_PLAYGROUND},
    {NULL, TX_KEYNAME_CLICK, TX_KEY_CLICK},
    {"H  ?", 0, TX_KEY_HELP},
    {"Q  Esc", 0, TX_KEY_QUIT},
};
enum { HELP_ROWS = sizeof help_rows / sizeof help_rows[0] };

static const char *help_keys(const vctx *v, int i)
{
    return help_rows[i].keys ? help_rows[i].keys : vtext(v, help_rows[i].key_word);
}

/* The help box: its rows in one or two columns, at the largest text size up to T_BODY at which
 * every row fits, descriptions wrapped. */
typedef struct {
    double fs, x, y, w, h, key_w, col_w;
    int cols, per_col;
    double row_h[HELP_ROWS];
} help_layout;

static int help_fit(vctx *v, view_rect r, double fs, int cols, help_layout *hl)
{
    double u = v->u;
    hl->fs = fs, hl->cols = cols;
    hl->per_col = (HELP_ROWS + cols - 1) / cols;
    hl->w = r.w - 2 * u;
    hl->col_w = (hl->w - 2 * u - (cols - 1) * 1.5 * u) / cols;
    hl->key_w = 0;
    for (int i = 0; i < HELP_ROWS; i++) {
        double kw, kh;
        vtext_size(v, fs, VT_BOLD, help_keys(v, i), &kw, &kh);
        hl->key_w = fmax(hl->key_w, kw);
    }
    hl->key_w = fmin(hl->key_w, hl->col_w * 0.45);
    double title_h = vtext_para_size(v, hl->w - 2 * u, T_LEAD * fs / T_BODY, VT_BOLD,
                                     vtext(v, TX_HELP_TITLE), NULL);
    double tallest = 0;
    for (int c = 0; c < cols; c++) {
        double col_h = 0;
        for (int i = c * hl->per_col; i < (c + 1) * hl->per_col && i < HELP_ROWS; i++) {
            double kh = vtext_para_size(v, hl->key_w, fs, VT_BOLD, help_keys(v, i), NULL);
            double dh = vtext_para_size(v, hl->col_w - hl->key_w - 0.6 * u, fs, 0,
                                        vtext(v, help_rows[i].what), NULL);
            hl->row_h[i] = fmax(kh, dh) + 0.25 * fs * u;
            col_h += hl->row_h[i];
        }
        tallest = fmax(tallest, col_h);
    }
    hl->h = title_h + tallest + 2.2 * u;
    hl->x = r.x + (r.w - hl->w) / 2, hl->y = r.y + (r.h - hl->h) / 2;
    return hl->h <= r.h - 0.5 * u;
}

static void help_layout_make(vctx *v, view_rect r, help_layout *hl)
{
    /* two columns before smaller text; three only when two no longer fit at a third of it
     * (big text in a small window) */
    for (double fs = T_BODY; fs > 0.2; fs *= 0.94)
        for (int cols = 1; cols <= (fs > 0.3 ? 2 : 3); cols++)
            if (help_fit(v, r, fs, cols, hl))
                return;
}

static void draw_help(vctx *v, view_rect r)
{
    const vpal *pal = &v->pal;
    double u = v->u;
    help_layout hl;
    help_layout_make(v, r, &hl);
    vround(v, hl.x, hl.y, hl.w, hl.h, 0.5 * u);
    vset_a(v, pal->panel, 0.97);
    cairo_fill_preserve(v->cr);
    vset(v, pal->accent);
    cairo_set_line_width(v->cr, 2);
    cairo_stroke(v->cr);
    double title_fs = T_LEAD * hl.fs / T_BODY;
    double y0 = hl.y + 0.7 * u;
    y0 +=
        vtext_para(v, hl.x + u, y0, hl.w - 2 * u, title_fs, pal->accent, vtext(v, TX_HELP_TITLE)) +
        0.5 * u;
    for (int c = 0; c < hl.cols; c++) {
        double x = hl.x + u + c * (hl.col_w + 1.5 * u), y = y0;
        for (int i = c * hl.per_col; i < (c + 1) * hl.per_col && i < HELP_ROWS; i++) {
            char *esc = vmarkup_escape(help_keys(v, i)), markup[256];
            snprintf(markup, sizeof markup, "<b>%s</b>", esc);
            g_free(esc);
            vtext_markup(v, x, y, hl.key_w, hl.fs, pal->fg, markup, NULL);
            vtext_para(v, x + hl.key_w + 0.6 * u, y, hl.col_w - hl.key_w - 0.6 * u, hl.fs, pal->fg,
                       vtext(v, help_rows[i].what));
            y += hl.row_h[i];
        }
    }
}

static void draw_message(vctx *v, const screen_layout *l)
{
    const vpal *pal = &v->pal;
    double u = v->u, tw;
    const char *msg = v->sc->message;
    double maxw = l->body.w - 3.2 * u, fs = T_BODY;
    char *esc = vmarkup_escape(msg), markup[1400];
    snprintf(markup, sizeof markup, "<b>%s</b>", esc);
    g_free(esc);
    double th = vtext_markup_size(v, maxw, fs, markup, &tw);
    /* a message taller than half the view gets smaller, never cut */
    while (th > l->body.h * 0.5 && fs > 0.4) {
        fs *= 0.9;
        th = vtext_markup_size(v, maxw, fs, markup, &tw);
    }
    double x = l->body.x + (l->body.w - tw) / 2 - 0.6 * u;
    double y = l->body.y + l->body.h - th - 1.2 * u;
    vround(v, x, y, tw + 1.2 * u, th + 0.6 * u, 0.3 * u);
    vset_a(v, pal->bg, 0.95);
    cairo_fill_preserve(v->cr);
    vset(v, pal->accent);
    cairo_set_line_width(v->cr, 2);
    cairo_stroke(v->cr);
    vtext_markup(v, x + 0.6 * u, y + 0.3 * u, maxw, fs, pal->fg, markup, NULL);
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
    key.w = (int)ceil(r.w), key.h = (int)ceil(r.h), key.n = sc->table.count, key.cur = st->stage;
    key.done = sc->done, key.paused = vrun(sc)->paused, key.theme = (int)st->theme;
    key.lang = (int)st->lang, key.ui = st->ui, key.photo = sc->photo ? sc->photo_version : 0;
    int fresh;
    /* a layout test records the text where it lands: no memo in between */
    cairo_surface_t *m = sc->cache && !st->log
                             ? vcache_memo(sc->cache, 0, &key, sizeof key, key.w, key.h, &fresh)
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
    /* a window made too small for a single line draws its background and nothing else */
    if (r.w < 8 * st->ui || r.h < 6 * st->ui) {
        vpal pal;
        vpal_get(st->theme, &pal);
        cairo_save(cr);
        cairo_set_source_rgb(cr, pal.bg.r, pal.bg.g, pal.bg.b);
        cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        cairo_fill(cr);
        cairo_restore(cr);
        return;
    }
    screen_layout l;
    vctx lv;
    vctx_layout(&lv, r, sc, st);
    screen_layout_make(&lv, r, &l);
    view_draw(cr, l.body, sc, st);
    view_state shown = shown_state(sc, st);
    vctx v;
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
        if (sc->message[0] && !st->help)
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
    vctx v;
    if (st->help || r.w < 8 * st->ui || r.h < 6 * st->ui)
        return h;
    vctx_layout(&v, r, sc, st);
    screen_layout_make(&v, r, &l);
    if (py >= l.tabs.y && py < l.tabs.y + l.tabs.h) {
        for (int k = 0; k < VIEW_COUNT; k++)
            if (px >= l.tab[k].x && px < l.tab[k].x + l.tab[k].w)
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
