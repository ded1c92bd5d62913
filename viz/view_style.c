/* view_style.c: what every view draws with: the two themes, text through pango, colour maps,
 * and the words for a stage (its shape, its operation, what it does) in the chosen language.
 *
 * One PangoLayout per view call, reused for every line of text, because creating a layout per
 * string costs more than drawing it. Fonts are named by family list so Korean lands on a CJK
 * font that Debian installs (NanumGothic, or Noto Sans CJK) whatever fontconfig prefers.
 */
#include "view_internal.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vpal_get(view_theme t, vpal *p)
{
    if (t == VIEW_THEME_LIGHT) {
        *p = (vpal){.bg = {0.98, 0.98, 0.97},
                    .panel = {0.91, 0.92, 0.93},
                    .fg = {0.07, 0.08, 0.10},
                    .dim = {0.36, 0.38, 0.42},
                    .line = {0.66, 0.68, 0.72},
                    .accent = {0.80, 0.35, 0.0},
                    .tower_a = {0.10, 0.38, 0.85},
                    .tower_b = {0.84, 0.22, 0.18},
                    .split = {0.20, 0.20, 0.20},
                    .cross = {0.62, 0.10, 0.62},
                    .warn = {0.80, 0.10, 0.10},
                    .ok = {0.10, 0.55, 0.25}};
    } else {
        *p = (vpal){.bg = {0.09, 0.10, 0.12},
                    .panel = {0.15, 0.16, 0.19},
                    .fg = {0.94, 0.94, 0.94},
                    .dim = {0.63, 0.65, 0.70},
                    .line = {0.34, 0.36, 0.41},
                    .accent = {1.0, 0.76, 0.10},
                    .tower_a = {0.33, 0.62, 1.0},
                    .tower_b = {1.0, 0.45, 0.40},
                    .split = {0.85, 0.85, 0.85},
                    .cross = {0.90, 0.45, 1.0},
                    .warn = {1.0, 0.40, 0.35},
                    .ok = {0.40, 0.85, 0.50}};
    }
}

/* Layout contexts measure text too (a tab's width, a wrapped status line's height), with a
 * layout of their own thread's, made once on a 1×1 surface and kept: hit testing needs no
 * drawing surface, and gets the same sizes the drawing gets. A thread's is freed when the
 * thread ends (the key's destructor), so drawing threads that come and go leak nothing. */
typedef struct {
    cairo_surface_t *s;
    cairo_t *cr;
    PangoLayout *layout;
    PangoFontDescription *font;
} measurer;

static pthread_key_t meas_key;
static pthread_once_t meas_once = PTHREAD_ONCE_INIT;

static void measurer_free(void *p)
{
    measurer *m = p;
    pango_font_description_free(m->font);
    if (m->layout)
        g_object_unref(m->layout);
    cairo_destroy(m->cr);
    cairo_surface_destroy(m->s);
    free(m);
}

static void meas_key_make(void)
{
    if (pthread_key_create(&meas_key, measurer_free))
        abort(); /* only when the process is out of keys: nothing can be measured */
}

/* This thread's measurer, made on first use. */
static measurer *measurer_get(void)
{
    pthread_once(&meas_once, meas_key_make);
    measurer *m = pthread_getspecific(meas_key);
    if (m)
        return m;
    m = calloc(1, sizeof *m);
    if (!m)
        abort();
    m->s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    m->cr = cairo_create(m->s);
    m->layout = pango_cairo_create_layout(m->cr);
    m->font = pango_font_description_new();
    if (pthread_setspecific(meas_key, m))
        abort();
    return m;
}

static void set_family(PangoFontDescription *f, text_lang lang)
{
    pango_font_description_set_family(f, lang == TEXT_KO
                                             ? "NanumGothic,Noto Sans CJK KR,DejaVu Sans"
                                             : "DejaVu Sans,NanumGothic,Noto Sans CJK KR");
}

/* Both begins: paint 1 clips to r and fills it with the background; 0 draws over what is there. */
static void begin(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                  int paint)
{
    memset(v, 0, sizeof *v);
    v->cr = cr, v->sc = sc, v->st = st, v->r = r;
    v->u = st->ui > 4 ? st->ui : 4;
    vpal_get(st->theme, &v->pal);
    VIZ_ASSERT(sc->cache); /* view_scene_init */
    v->cache = sc->cache;
    cairo_save(cr);
    if (paint) {
        cairo_rectangle(cr, r.x, r.y, r.w, r.h);
        cairo_clip(cr);
        vfill(v, r.x, r.y, r.w, r.h, v->pal.bg);
    }
    v->layout = pango_cairo_create_layout(cr);
    v->font = pango_font_description_new();
    set_family(v->font, st->lang);
}

void vctx_begin(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    begin(v, cr, r, sc, st, 1);
}

int vctx_begin_stage(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    vctx_begin(v, cr, r, sc, st);
    int stage = vstage_current(v);
    if (stage < 0)
        vctx_end(v);
    return stage;
}

void vctx_begin_over(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st)
{
    begin(v, cr, r, sc, st, 0);
    v->over = 1;
}

void vctx_layout(vctx *v, view_rect r, const view_scene *sc, const view_state *st)
{
    memset(v, 0, sizeof *v);
    v->sc = sc, v->st = st, v->r = r;
    v->u = st->ui > 4 ? st->ui : 4;
    vpal_get(st->theme, &v->pal);
    measurer *m = measurer_get();
    set_family(m->font, st->lang);
    v->layout = m->layout;
    v->font = m->font;
    VIZ_ASSERT(sc->cache); /* view_scene_init */
    v->cache = sc->cache;
}

const view_run *vrun(const view_scene *sc)
{
    static const view_run idle;
    return sc->run ? sc->run : &idle;
}

void vctx_end(vctx *v)
{
    pango_font_description_free(v->font);
    g_object_unref(v->layout);
    cairo_restore(v->cr);
}

const char *vtext(const vctx *v, text_id id) { return text_get(id, v->st->lang); }

void vset(vctx *v, vrgb c) { cairo_set_source_rgb(v->cr, c.r, c.g, c.b); }
void vset_a(vctx *v, vrgb c, double a) { cairo_set_source_rgba(v->cr, c.r, c.g, c.b, a); }

vrgb vmix(vrgb a, vrgb b, double t)
{
    return (vrgb){a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

void vfill(vctx *v, double x, double y, double w, double h, vrgb c)
{
    vset(v, c);
    cairo_rectangle(v->cr, x, y, w, h);
    cairo_fill(v->cr);
}

void vframe(vctx *v, double x, double y, double w, double h, double lw, vrgb c)
{
    vset(v, c);
    cairo_set_line_width(v->cr, lw);
    cairo_rectangle(v->cr, x + lw / 2, y + lw / 2, w - lw, h - lw);
    cairo_stroke(v->cr);
}

void vround(vctx *v, double x, double y, double w, double h, double rad)
{
    cairo_t *cr = v->cr;
    if (rad > w / 2)
        rad = w / 2;
    if (rad > h / 2)
        rad = h / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - rad, y + rad, rad, -G_PI / 2, 0);
    cairo_arc(cr, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
    cairo_arc(cr, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
    cairo_arc(cr, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

/* Korean is written with spaces between words, and a line should break only there; pango,
 * following Unicode's line breaking, may break between any two Hangul syllables ("간/격"). A
 * word joiner (U+2060, invisible) between two syllables keeps each word whole; a word longer
 * than the line still breaks (WORD_CHAR wrapping). Returns s, or the joined copy in *own (to
 * g_free). */
static int hangul_at(const unsigned char *p)
{
    /* U+AC00 … U+D7A3 are EA B0 80 … ED 9E A3 */
    if (p[0] < 0xEA || p[0] > 0xED || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
    unsigned cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

static const char *keep_words(const char *s, char **own)
{
    *own = NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), pairs = 0;
    for (size_t i = 0; i + 6 <= n; i++)
        if (hangul_at(p + i) && hangul_at(p + i + 3))
            pairs++;
    if (!pairs)
        return s;
    char *out = g_malloc(n + 3 * pairs + 1), *o = out;
    for (size_t i = 0; i < n;) {
        if (i + 6 <= n && hangul_at(p + i) && hangul_at(p + i + 3)) {
            memcpy(o, s + i, 3), o += 3, i += 3;
            memcpy(o, "\xE2\x81\xA0", 3), o += 3;
        } else {
            *o++ = s[i++];
        }
    }
    *o = 0;
    *own = out;
    return out;
}

/* Sets the layout's text and font; wrap_w > 0 wraps, max_w > 0 ellipsizes one line. Text that
 * is not valid UTF-8 (a file name from an old archive) is shown with its odd bytes as \xNN, and
 * a size squeezed below a pixel (a window made tiny) is one pixel: pango takes neither. */
static void set_text(vctx *v, double size, int bold, const char *s, double max_w, double wrap_w)
{
    double px = size * v->u;
    pango_font_description_set_absolute_size(v->font, (px >= 1 ? px : 1) * PANGO_SCALE);
    pango_font_description_set_weight(v->font,
                                      bold & VT_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(v->layout, v->font);
    if (g_utf8_validate(s, -1, NULL)) {
        char *own;
        pango_layout_set_text(v->layout, keep_words(s, &own), -1);
        g_free(own);
    } else {
        char clean[4096];
        net_text_escape(s, clean, sizeof clean);
        pango_layout_set_text(v->layout, clean, -1);
    }
    if (wrap_w > 0) {
        pango_layout_set_width(v->layout, (int)(wrap_w * PANGO_SCALE));
        pango_layout_set_wrap(v->layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(v->layout, PANGO_ELLIPSIZE_NONE);
    } else if (max_w > 0) {
        pango_layout_set_width(v->layout, (int)(max_w * PANGO_SCALE));
        pango_layout_set_ellipsize(v->layout, PANGO_ELLIPSIZE_END);
    } else {
        pango_layout_set_width(v->layout, -1);
        pango_layout_set_ellipsize(v->layout, PANGO_ELLIPSIZE_NONE);
    }
}

void vtext_size(vctx *v, double size, int bold, const char *s, double *w, double *h)
{
    int pw, ph;
    set_text(v, size, bold, s, 0, 0);
    pango_layout_get_pixel_size(v->layout, &pw, &ph);
    if (w)
        *w = pw;
    if (h)
        *h = ph;
}

/* The device rectangle of user rectangle (x, y, w, h) (the views never rotate). */
static view_rect to_device(cairo_t *cr, double x, double y, double w, double h)
{
    double x0 = x, y0 = y, x1 = x + w, y1 = y + h;
    cairo_user_to_device(cr, &x0, &y0);
    cairo_user_to_device(cr, &x1, &y1);
    return (view_rect){fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0), fabs(y1 - y0)};
}

/* Records the layout just shown at (x, y) in the state's log, when there is one. */
static void log_text(vctx *v, double x, double y, double size, int flags, const char *s)
{
    view_text_log *l = v->st->log;
    if (!l)
        return;
    if (l->n == l->cap) {
        int cap = l->cap ? 2 * l->cap : 256;
        view_text *grown = realloc(l->items, sizeof *grown * (size_t)cap);
        if (!grown)
            return;
        l->items = grown, l->cap = cap;
    }
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(v->layout, &ink, &logical);
    view_text *t = &l->items[l->n++];
    memset(t, 0, sizeof *t);
    t->box = to_device(v->cr, x + ink.x, y + ink.y, ink.width, ink.height);
    t->room = to_device(v->cr, v->r.x, v->r.y, v->r.w, v->r.h);
    double ux = size * v->u, uy = 0;
    cairo_user_to_device_distance(v->cr, &ux, &uy);
    t->px = fabs(ux) > 0 ? hypot(ux, uy) : size * v->u;
    t->ellipsized = pango_layout_is_ellipsized(v->layout);
    t->overlay = v->over;
    t->role = flags & VT_FILE ? VIEW_TEXT_FILE : flags & VT_KEY ? VIEW_TEXT_KEY : VIEW_TEXT_BODY;
    snprintf(t->text, sizeof t->text, "%s", s);
}

void view_text_log_free(view_text_log *l)
{
    if (!l)
        return;
    free(l->items);
    memset(l, 0, sizeof *l);
}

double vtext_draw(vctx *v, double x, double y, double size, int bold, vrgb c, valign a,
                  double max_w, const char *s)
{
    if (!s || !*s)
        return 0;
    int pw, ph;
    set_text(v, size, bold, s, max_w, 0);
    pango_layout_get_pixel_size(v->layout, &pw, &ph);
    double x0 = round(a == VA_CENTER ? x - pw / 2.0 : a == VA_RIGHT ? x - pw : x);
    vset(v, c);
    cairo_move_to(v->cr, x0, round(y));
    pango_cairo_show_layout(v->cr, v->layout);
    log_text(v, x0, round(y), size, bold, s);
    return pw;
}

double vtext_drawf(vctx *v, double x, double y, double size, int bold, vrgb c, valign a,
                   double max_w, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return vtext_draw(v, x, y, size, bold, c, a, max_w, buf);
}

/* Text that is not valid UTF-8 shown escaped, as set_text does, for markup's dynamic parts. */
char *vmarkup_escape(const char *s)
{
    if (g_utf8_validate(s, -1, NULL))
        return g_markup_escape_text(s, -1);
    char clean[4096];
    net_text_escape(s, clean, sizeof clean);
    return g_markup_escape_text(clean, -1);
}

static double markup_set(vctx *v, double w, double size, const char *markup, double *width)
{
    double px = size * v->u;
    pango_font_description_set_absolute_size(v->font, (px >= 1 ? px : 1) * PANGO_SCALE);
    pango_font_description_set_weight(v->font, PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(v->layout, v->font);
    char *own;
    pango_layout_set_markup(v->layout, keep_words(markup, &own), -1);
    g_free(own);
    pango_layout_set_width(v->layout, w > 0 ? (int)(w * PANGO_SCALE) : -1);
    pango_layout_set_wrap(v->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(v->layout, PANGO_ELLIPSIZE_NONE);
    int pw, ph;
    pango_layout_get_pixel_size(v->layout, &pw, &ph);
    if (width)
        *width = pw;
    return ph;
}

double vtext_markup_size(vctx *v, double w, double size, const char *markup, double *width)
{
    double h = markup_set(v, w, size, markup, width);
    pango_layout_set_attributes(v->layout, NULL); /* plain text again for the next caller */
    return h;
}

double vtext_markup_as(vctx *v, double x, double y, double w, double size, int flags, vrgb c,
                       const char *markup, double *width)
{
    double h = markup_set(v, w, size, markup, width);
    vset(v, c);
    cairo_move_to(v->cr, round(x), round(y));
    pango_cairo_show_layout(v->cr, v->layout);
    log_text(v, round(x), round(y), size, flags, pango_layout_get_text(v->layout));
    pango_layout_set_attributes(v->layout, NULL);
    return h;
}

double vtext_markup(vctx *v, double x, double y, double w, double size, vrgb c, const char *markup,
                    double *width)
{
    return vtext_markup_as(v, x, y, w, size, 0, c, markup, width);
}

double vtext_para_size(vctx *v, double w, double size, int bold, const char *s, double *width)
{
    int pw, ph;
    set_text(v, size, bold, s, 0, w);
    pango_layout_get_pixel_size(v->layout, &pw, &ph);
    if (width)
        *width = pw;
    return ph;
}

double vtext_para_as(vctx *v, double x, double y, double w, double size, int flags, vrgb c,
                     const char *s)
{
    int pw, ph;
    set_text(v, size, flags, s, 0, w);
    pango_layout_get_pixel_size(v->layout, &pw, &ph);
    vset(v, c);
    cairo_move_to(v->cr, round(x), round(y));
    pango_cairo_show_layout(v->cr, v->layout);
    log_text(v, round(x), round(y), size, flags, s);
    return ph;
}

double vtext_para(vctx *v, double x, double y, double w, double size, vrgb c, const char *s)
{
    return vtext_para_as(v, x, y, w, size, 0, c, s);
}

/* ---------------------------------------------------------------- colour maps */

typedef struct {
    double t;
    unsigned char r, g, b;
} stop;

static const stop seq_stops[] = {{0.00, 12, 10, 32},
                                 {0.25, 84, 22, 124},
                                 {0.50, 192, 52, 72},
                                 {0.75, 246, 142, 32},
                                 {1.00, 255, 246, 186}};
static const stop div_stops[] = {{0.00, 110, 220, 255},
                                 {0.25, 30, 100, 210},
                                 {0.50, 16, 16, 24},
                                 {0.75, 205, 82, 28},
                                 {1.00, 255, 224, 120}};
static const stop damp_stops[] = {
    {0.00, 110, 0, 24}, {0.50, 214, 64, 40}, {0.80, 246, 178, 108}, {1.00, 248, 246, 236}};

static const stop seq_print_stops[] = {{0.00, 252, 250, 244},
                                       {0.25, 250, 204, 120},
                                       {0.50, 226, 112, 52},
                                       {0.75, 150, 40, 72},
                                       {1.00, 40, 8, 60}};
static const stop div_print_stops[] = {{0.00, 14, 28, 100},
                                       {0.25, 62, 108, 186},
                                       {0.50, 160, 160, 160},
                                       {0.75, 232, 178, 84},
                                       {1.00, 255, 246, 206}};

vmap vpal_map(const vctx *v, vmap m)
{
    return v->st->palette == VIEW_PALETTE_PRINT ? (vmap)(m | VMAP_PRINT) : m;
}

uint32_t vmap_color(vmap m, double t)
{
    int print = (m & VMAP_PRINT) != 0;
    m = (vmap)(m & ~VMAP_PRINT);
    const stop *s = m == VMAP_DIV    ? (print ? div_print_stops : div_stops)
                    : m == VMAP_DAMP ? damp_stops
                                     : (print ? seq_print_stops : seq_stops);
    int n = m == VMAP_DAMP ? 4 : 5;
    if (!(t > 0))
        t = 0;
    if (t > 1)
        t = 1;
    int i = 0;
    while (i < n - 2 && t > s[i + 1].t)
        i++;
    double f = (t - s[i].t) / (s[i + 1].t - s[i].t);
    unsigned r = (unsigned)lround(s[i].r + (s[i + 1].r - s[i].r) * f);
    unsigned g = (unsigned)lround(s[i].g + (s[i + 1].g - s[i].g) * f);
    unsigned b = (unsigned)lround(s[i].b + (s[i + 1].b - s[i].b) * f);
    return 0xff000000u | r << 16 | g << 8 | b;
}

void vmap_bar(vctx *v, vmap m, double t0, double t1, double x, double y, double w, double h)
{
    cairo_pattern_t *p = cairo_pattern_create_linear(x, 0, x + w, 0);
    for (int i = 0; i <= 16; i++) {
        uint32_t c = vmap_color(vpal_map(v, m), t0 + (t1 - t0) * i / 16.0);
        cairo_pattern_add_color_stop_rgb(p, i / 16.0, (c >> 16 & 255) / 255.0,
                                         (c >> 8 & 255) / 255.0, (c & 255) / 255.0);
    }
    cairo_set_source(v->cr, p);
    cairo_rectangle(v->cr, x, y, w, h);
    cairo_fill(v->cr);
    cairo_pattern_destroy(p);
}

void vfmt_value(double x, char *buf, size_t len)
{
    double a = fabs(x);
    if (x == 0)
        snprintf(buf, len, "0");
    else if (a >= 1e5 || a < 1e-3)
        snprintf(buf, len, "%.3g", x);
    else if (a >= 100)
        snprintf(buf, len, "%.0f", x);
    else if (a >= 10)
        snprintf(buf, len, "%.1f", x);
    else
        snprintf(buf, len, "%.3g", x);
}

/* ---------------------------------------------------------------- stage words */

void vfmt_shape(int c, int h, int w, char *buf, size_t len)
{
    if (h == 1 && w == 1)
        snprintf(buf, len, "%d", c);
    else
        snprintf(buf, len, "%d×%d×%d", h, w, c);
}

void view_shape_line(text_lang lang, const net_stage *s, char *buf, size_t len)
{
    /* conv and floor pooling are pure arithmetic: the engine's line is the same in every
     * language. The rest have words in them. */
    if (s->op == NET_OP_CONV || (s->op == NET_OP_POOL && s->round == NET_ROUND_FLOOR) ||
        s->op == NET_OP_SUBSAMPLE || s->op == NET_OP_RBF) {
        net_explain_shape(s, buf, len);
        return;
    }
    char shape[48], note[96];
    if (s->op == NET_OP_POOL) {
        int num = s->in_h + s->pad + s->pad_end - s->k, fl = num / s->stride + 1;
        char pads[32] = "";
        if (s->pad || s->pad_end)
            snprintf(pads, sizeof pads, " + %d + %d", s->pad, s->pad_end);
        if (fl == s->out_h)
            snprintf(note, sizeof note, "%s", text_get(TX_AR_CEIL_SAME, lang));
        else
            snprintf(note, sizeof note, text_get(TX_AR_CEIL_DIFF, lang), fl);
        snprintf(buf, len, "ceil((%d%s − %d)/%d) + 1 = %d %s", s->in_h, pads, s->k, s->stride,
                 s->out_h, note);
    } else if (s->op == NET_OP_FC) {
        if (s->in_h > 1 || s->in_w > 1)
            snprintf(buf, len, text_get(TX_AR_FLATTEN, lang), s->in_h, s->in_w, s->in_c,
                     s->in_c * s->in_h * s->in_w, s->out_c);
        else
            snprintf(buf, len, "%d → %d", s->in_c, s->out_c);
    } else {
        const char *op = s->op == NET_OP_RELU      ? "ReLU"
                         : s->op == NET_OP_LRN     ? "LRN"
                         : s->op == NET_OP_DROPOUT ? text_get(TX_OP_DROPOUT, lang)
                                                   : text_get(TX_OP_SOFTMAX, lang);
        vfmt_shape(s->out_c, s->out_h, s->out_w, shape, sizeof shape);
        snprintf(buf, len, text_get(TX_AR_KEEPS, lang), op, shape);
    }
}

void vfmt_shape_line(const vctx *v, const net_stage *s, char *buf, size_t len)
{
    view_shape_line(v->st->lang, s, buf, len);
}

const char *vstage_explain(const vctx *v, const net_stage *s)
{
    switch (s->op) {
    case NET_OP_CONV:
        return vtext(v, s->reads == NET_READS_OWN    ? TX_EXPLAIN_CONV_GROUPS
                        : s->reads == NET_READS_BOTH ? TX_EXPLAIN_CONV_BOTH
                                                     : TX_EXPLAIN_CONV);
    case NET_OP_RELU: return vtext(v, TX_EXPLAIN_RELU);
    case NET_OP_LRN: return vtext(v, TX_EXPLAIN_LRN);
    case NET_OP_POOL: return vtext(v, TX_EXPLAIN_POOL);
    case NET_OP_FC: return vtext(v, TX_EXPLAIN_FC);
    case NET_OP_DROPOUT: return vtext(v, TX_EXPLAIN_DROPOUT);
    case NET_OP_SOFTMAX: return vtext(v, TX_EXPLAIN_SOFTMAX);
    case NET_OP_SUBSAMPLE:
    case NET_OP_RBF: break; /* LeNet-5's: the lesson view writes its own */
    }
    return "";
}

void vfmt_op(const vctx *v, const net_stage *s, char *buf, size_t len)
{
    switch (s->op) {
    case NET_OP_CONV:
        if (s->groups > 1)
            snprintf(buf, len, vtext(v, TX_OP_CONV_GROUPS), s->k, s->k, s->stride, s->pad, s->out_c,
                     s->groups);
        else
            snprintf(buf, len, vtext(v, TX_OP_CONV), s->k, s->k, s->stride, s->pad, s->out_c);
        break;
    case NET_OP_RELU: snprintf(buf, len, "%s", vtext(v, TX_OP_RELU)); break;
    case NET_OP_LRN: snprintf(buf, len, vtext(v, TX_OP_LRN), s->lrn.n); break;
    case NET_OP_POOL: snprintf(buf, len, vtext(v, TX_OP_POOL), s->k, s->k, s->stride); break;
    case NET_OP_FC: snprintf(buf, len, vtext(v, TX_OP_FC), s->out_c); break;
    case NET_OP_DROPOUT: snprintf(buf, len, "%s", vtext(v, TX_OP_DROPOUT)); break;
    case NET_OP_SOFTMAX: snprintf(buf, len, "%s", vtext(v, TX_OP_SOFTMAX)); break;
    case NET_OP_SUBSAMPLE:
    case NET_OP_RBF: buf[0] = 0; break; /* LeNet-5's: the lesson view writes its own */
    }
}

const char *vtext_plain(const vctx *v, text_id id, char *buf, size_t len)
{
    size_t o = 0;
    for (const char *s = vtext(v, id); *s && o + 1 < len; s++)
        if (!(s[0] == '%' && s[1] == '%'))
            buf[o++] = *s;
    buf[o] = 0;
    return buf;
}

int vtrap(const vctx *v, int stage, char *buf, size_t len)
{
    const view_scene *sc = v->sc;
    buf[0] = 0;
    if (!v->st->notes || stage < 0 || stage >= sc->table.count)
        return 0;
    const net_stage *s = &sc->table.s[stage];
    if (s->layer != 1)
        return 0;
    char a[512], b[512];
    if (v->st->kind == VIEW_LRN && s->op == NET_OP_LRN) {
        vtext_plain(v, TX_TRAP_SPEED, buf, len);
    } else if (s->op == NET_OP_CONV) {
        /* the arithmetic says 224 against 227 in its own rows: in its view, and under the
         * grid on the handout's page */
        if (v->st->kind == VIEW_ARITH || v->st->print)
            vtext_plain(v, TX_TRAP_FILTERS, buf, len);
        else
            snprintf(
                buf, len, "%s %s", vtext_plain(v, TX_TRAP_FILTERS, a, sizeof a),
                vtext_plain(v, sc->input_size == 224 ? TX_AR_224_ZOO : TX_AR_224, b, sizeof b));
    } else if (s->op == NET_OP_LRN || s->op == NET_OP_POOL) {
        int norm = net_table_find(&sc->table, "norm1"), pool = net_table_find(&sc->table, "pool1");
        vtext_plain(v, norm < pool ? TX_TRAP_ORDER_BEFORE : TX_TRAP_ORDER_AFTER, buf, len);
    }
    return buf[0] != 0;
}

int vdrop_of(const vctx *v, int stage)
{
    const view_dropout *d = v->sc->dropout;
    if (!d || stage < 0 || stage >= v->sc->done)
        return -1;
    for (int k = 0; k < 2; k++)
        if (d->stage[k] == stage && d->mask[k] && d->out[k])
            return k;
    return -1;
}

const unsigned char *vdrop_mask(const vctx *v, int stage)
{
    int k = vdrop_of(v, stage);
    return k >= 0 && v->sc->dropout->out[k] == v->sc->out[stage] ? v->sc->dropout->mask[k] : NULL;
}

int vstage_is_map(const net_stage *s) { return s->out_h * s->out_w > 1; }

int vstage_current(const vctx *v)
{
    int n = v->sc->table.count;
    if (n <= 0)
        return -1;
    int i = v->st->stage;
    return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/* ---------------------------------------------------------------- state */

static const char *const kind_names[VIEW_COUNT] = {"pipeline", "grid", "zoom",    "lrn",   "arith",
                                                   "filters",  "pred", "compute", "lesson"};

const char *view_kind_name(view_kind k) { return (unsigned)k < VIEW_COUNT ? kind_names[k] : "?"; }

int view_kind_digit(view_kind k) { return k == VIEW_LESSON ? 0 : (int)k + 1; }

const char *view_lesson_name(int page)
{
    static const char *const names[VIEW_LESSON_PAGES] = {"lenet", "training", "dropout", "tencrop"};
    return page >= 0 && page < VIEW_LESSON_PAGES ? names[page] : "?";
}

int view_kind_find(const char *name)
{
    for (int k = 0; k < VIEW_COUNT; k++)
        if (!strcmp(name, kind_names[k]))
            return k;
    return -1;
}

void view_state_reset_lrn(view_state *st, const view_scene *sc)
{
    st->lrn = (net_lrn){.n = 5, .k = 1, .alpha = 1e-4f, .beta = 0.75f, .formula = NET_LRN_CAFFE};
    for (int i = 0; i < sc->table.count; i++) {
        const net_stage *s = &sc->table.s[i];
        if (s->op == NET_OP_LRN) {
            st->lrn = s->lrn;
            break;
        }
    }
}

void view_state_default(view_state *st, const view_scene *sc)
{
    memset(st, 0, sizeof *st);
    st->kind = VIEW_PIPELINE;
    st->channel = -1;
    st->unit_x = st->unit_y = -1;
    st->zoom = 1;
    st->ui = 24;
    st->notes = 1;
    view_state_reset_lrn(st, sc);
}

double view_ui_size(double w, double h, double scale)
{
    /* 1920×1080 gives 26 px: legible from the back of a classroom on a projector. Never less
     * than 17.3 px, 1280×720's size (a common projector): in smaller windows the views make
     * room for text this size rather than shrink it, so that T_MIN stays 14 px. */
    double u = fmin(w / 74.0, h / 41.5);
    if (u < 1280 / 74.0)
        u = 1280 / 74.0;
    return u * (scale > 0 ? scale : 1);
}

void vrgb_hex(vrgb c, char out[8])
{
    snprintf(out, 8, "#%02x%02x%02x", (unsigned)lround(c.r * 255), (unsigned)lround(c.g * 255),
             (unsigned)lround(c.b * 255));
}
