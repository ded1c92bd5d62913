/* view_internal.h: what the view_*.c files share and nothing else uses: the drawing context of
 * one call, the palettes, text through pango, colour maps and the cache of map images.
 */
#ifndef VIEW_INTERNAL_H
#define VIEW_INTERNAL_H

#include "views.h"

#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    double r, g, b;
} vrgb;

/* A theme's colours. Tower A and B keep their hue in both themes so slides and screen agree. */
typedef struct {
    vrgb bg, panel, fg, dim, line, accent, tower_a, tower_b, split, cross, warn, ok;
} vpal;

void vpal_get(view_theme t, vpal *p);

/* A programmer's error in the views: names the file and the line, and stops, in every build. */
#define VIZ_ASSERT(cond)                                                                 \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* The scene's worker status: sc->run, or an idle one when nothing computes the scene. */
const view_run *vrun(const view_scene *sc);

/* The state of one view call: created by vctx_begin, which saves cr, clips to r and paints the
 * background; vctx_end restores cr and frees what begin made. */
typedef struct {
    cairo_t *cr;
    PangoLayout *layout;
    PangoFontDescription *font;
    const view_scene *sc;
    const view_state *st;
    view_cache *cache; /* sc->cache */
    vpal pal;
    double u; /* st->ui: normal text height in pixels */
    view_rect r;
    int over; /* begun with vctx_begin_over: an overlay */
} vctx;

void vctx_begin(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
/* vctx_begin for a view of the current stage: returns that stage, or -1 (and ends v) when the
 * scene has no stages. */
int vctx_begin_stage(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
/* The same without clipping or painting: for overlays drawn over other views. */
void vctx_begin_over(vctx *v, cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void vctx_end(vctx *v);
/* The same fields for layout and hit testing only: no cairo, no drawing, no cache. */
void vctx_layout(vctx *v, view_rect r, const view_scene *sc, const view_state *st);

const char *vtext(const vctx *v, text_id id);

void vset(vctx *v, vrgb c);
void vset_a(vctx *v, vrgb c, double alpha);
vrgb vmix(vrgb a, vrgb b, double t);
void vfill(vctx *v, double x, double y, double w, double h, vrgb c);
void vframe(vctx *v, double x, double y, double w, double h, double lw, vrgb c);
/* Rounded rectangle path. */
void vround(vctx *v, double x, double y, double w, double h, double rad);

typedef enum { VA_LEFT, VA_CENTER, VA_RIGHT } valign;

/* Text sizes, in units of u (st->ui). Nothing is written smaller than T_MIN: 14 px in a 1280×720
 * window at scale 1 (u = 17.3 px), what the back row of a classroom still reads on a projector;
 * the number a view is about is at least T_KEY (24 px there). */
#define T_MIN 0.82
#define T_BODY 0.9
#define T_LEAD 1.1
#define T_KEY 1.42
#define T_TITLE 1.5

/* The `bold` argument of the text functions takes these flags: VT_BOLD (or 1) for bold, VT_KEY
 * for the number a view is about, VT_FILE for a file name (the only text that may be cut). */
enum { VT_BOLD = 1, VT_KEY = 2, VT_FILE = 4 };

/* Draws one line of text (size in units of u) with its top at y; x is the left edge, centre or
 * right edge by align. Longer than max_w (when > 0): ellipsized (for file names only: the
 * layout test fails on any other). Returns the drawn width. */
double vtext_draw(vctx *v, double x, double y, double size, int bold, vrgb c, valign a,
                  double max_w, const char *s);
double vtext_drawf(vctx *v, double x, double y, double size, int bold, vrgb c, valign a,
                   double max_w, const char *fmt, ...) __attribute__((format(printf, 9, 10)));
/* Width and height the text would take. */
void vtext_size(vctx *v, double size, int bold, const char *s, double *w, double *h);
/* A paragraph wrapped to width w; returns its height. */
double vtext_para(vctx *v, double x, double y, double w, double size, vrgb c, const char *s);
/* The height (and in *width, when not NULL, the width) vtext_para would take, without drawing. */
double vtext_para_size(vctx *v, double w, double size, int bold, const char *s, double *width);
/* A paragraph of pango markup (<b>, <span foreground="#rrggbb">) wrapped to w (0: one line) in
 * colour c; returns its height (*width, when not NULL: its width). _size only measures. */
double vtext_markup(vctx *v, double x, double y, double w, double size, vrgb c, const char *markup,
                    double *width);
double vtext_markup_size(vctx *v, double w, double size, const char *markup, double *width);
/* vtext_markup with the VT_ flags the text log records (VT_KEY: the number a view is about). */
double vtext_markup_as(vctx *v, double x, double y, double w, double size, int flags, vrgb c,
                       const char *markup, double *width);
/* s as markup text (escaped, and valid UTF-8); g_free the result. */
char *vmarkup_escape(const char *s);
/* "#rrggbb" for markup. */
void vrgb_hex(vrgb c, char out[8]);

/* ---------------------------------------------------------------- colour */

typedef enum {
    VMAP_SEQ,  /* 0 … max: near-black, violet, red, orange, pale yellow */
    VMAP_DIV,  /* −m … 0 … m: cyan-blue, near-black, orange */
    VMAP_DAMP, /* ratio 0 … 1: deep red (strongly damped) to pale (untouched) */
    /* or'ed in: the print palette, whose lightness runs one way from end to end, so that a
     * greyscale copy keeps the order of values and the sign (SEQ: paper white to dark
     * violet; DIV: dark blue, mid grey at 0, pale yellow; DAMP as on screen) */
    VMAP_PRINT = 8
} vmap;

/* ARGB32 (opaque) colour of t in [0, 1]. */
uint32_t vmap_color(vmap m, double t);
/* Map m in the palette of v's state. */
vmap vpal_map(const vctx *v, vmap m);
/* The colour of a value that has no place on a scale: NaN, or a ratio over a zero input. A mid
 * grey, apart from every palette's ends and from the dark and light backgrounds. */
#define VMAP_NO_VALUE 0xFF8C8C8CU
/* The range of x's finite values (0, 0 when there are none). */
void vfinite_range(const float *x, size_t n, float *mn, float *mx);
/* A horizontal colour bar of map m from t0 to t1 (in [0,1]) filling the rectangle. */
void vmap_bar(vctx *v, vmap m, double t0, double t1, double x, double y, double w, double h);

/* Formats a value compactly: "0", "12.5", "1.2e+03", "-0.034". */
void vfmt_value(double x, char *buf, size_t len);

/* ---------------------------------------------------------------- stage helpers */

/* The shape as people write it: "55×55×96", or "4096" for a vector. */
void vfmt_shape(int c, int h, int w, char *buf, size_t len);
/* The shape line of a stage in the view's language (net_explain_shape, translated). */
void vfmt_shape_line(const vctx *v, const net_stage *s, char *buf, size_t len);
/* The one-sentence explanation of what the stage's operation does. */
const char *vstage_explain(const vctx *v, const net_stage *s);
/* Where the course notes differ from the paper at stage, as the state's view shows it: the
 * trap's text (conv1's "3 filters" and the 224 input, the order of LRN and pooling at norm1 and
 * pool1, LRN's reason in the LRN view) into buf, or 0 when there is none or notes are off. */
int vtrap(const vctx *v, int stage, char *buf, size_t len);
/* The text of id, a printf format that takes no arguments (its "%%" are percent signs), as it
 * prints: into buf, which it returns. */
const char *vtext_plain(const vctx *v, text_id id, char *buf, size_t len);
/* Which of the scene's dropout summary's stages `stage` is (0: drop6, 1: drop7) when that
 * summary has its mask and output and the stage is computed, else -1. */
int vdrop_of(const vctx *v, int stage);
/* Dropout stage `stage`'s mask (1 kept, 0 dropped) when the scene's own output for it is the
 * training-time pass's (the window dropping; an export shows test time there), or NULL. */
const unsigned char *vdrop_mask(const vctx *v, int stage);
/* "conv 11×11/4, 96 filters" and the like, in the view's language. */
void vfmt_op(const vctx *v, const net_stage *s, char *buf, size_t len);
/* 1 when the stage's maps are images (h·w > 1), 0 for vectors. */
int vstage_is_map(const net_stage *s);
/* The stage shown, clamped to [0, n_stages); -1 when the table is empty. */
int vstage_current(const vctx *v);

/* ---------------------------------------------------------------- the cache */

/* How a stage's values map to colours: t = (x − lo)/(hi − lo) through `map`. */
typedef struct {
    vmap map;
    float lo, hi;    /* the range shown (hi may be a percentile: brighter values clip) */
    float min, max;  /* the true range of the finite values */
    size_t nan, inf; /* values with no place on the scale (shown as VMAP_NO_VALUE) */
} vrange;

/* The display range of a finished stage (per-stage contrast), cached by version. */
vrange vcache_range(vctx *v, int stage);

/* The atlas of one tower of a stage: its maps laid out in `cols` columns, 1:1 pixels with a
 * 1-pixel transparent gap, as an ARGB32 surface owned by the cache. For vectors the tower's
 * values are one map of vrows×vcols cells. Returns NULL for a stage not done yet. */
typedef struct {
    cairo_surface_t *s;
    int cols, rows; /* maps across and down */
    int mh, mw;     /* one map's size in pixels */
    int c0, c1;     /* the tower's channels [c0, c1) */
} vatlas;
int vcache_atlas(vctx *v, int stage, int tower, int cols, vatlas *out);
/* For vectors: the cell grid the values of one tower of `count` values are laid out in. */
void vvector_grid(int count, int *rows, int *cols);

/* One map of a stage (channel c) as a surface, per the state's contrast; owned by the cache. */
cairo_surface_t *vcache_map(vctx *v, int stage, int c);
/* A map from any float plane (h, w), not cached: the caller destroys it. */
cairo_surface_t *vmap_surface(const float *x, int h, int w, vmap m, float lo, float hi);
/* The photo as a surface, owned by the cache; NULL without one. */
cairo_surface_t *vcache_photo(vctx *v);
/* conv1's filters as 11×11 RGB tiles: filter f at column f % cols (within its tower), owned by
 * the cache. */
cairo_surface_t *vcache_filters(vctx *v, int cols, int *tile);
/* The channel with the largest mean in [c0, c1) of a finished stage (for thumbnails). */
int vcache_busiest(vctx *v, int stage, int c0, int c1);

/* The LRN view's recomputed output of norm stage `stage` with the state's parameters; NULL when
 * its input is not done. The row it ran is copied to *row. */
const float *vcache_lrn(vctx *v, int stage, net_stage *row);

/* A whole picture kept between frames (the pipeline strip, which changes far less often than
 * what is under it): returns the slot's w×h surface; *fresh is 1 when key differs from the
 * last call's and the caller must draw it anew. key must have no uninitialised padding. */
#define VCACHE_MEMOS 2
#define VCACHE_KEY_MAX 128
cairo_surface_t *vcache_memo(view_cache *c, int slot, const void *key, size_t key_len, int w, int h,
                             int *fresh);

/* A buffer of at least n floats owned by the cache, for one draw's temporary values. */
float *vcache_scratch(vctx *v, size_t n);

/* Draws surface s scaled by (sx, sy) with its top-left at (x, y) rounded to whole pixels,
 * nearest-neighbour. The scaled copy is kept with s, so drawing it again costs one copy, and
 * the pixels do not depend on where on the page it lands. */
void vpaint_nearest(vctx *v, cairo_surface_t *s, double x, double y, double sx, double sy);
/* Draws a photo scaled by k, smoothly (photos are not data: they should not look blocky). */
void vpaint_smooth(vctx *v, cairo_surface_t *s, double x, double y, double k);

/* ---------------------------------------------------------------- shared layouts */

/* The grid's layout inside r, shared by drawing and hit testing. */
typedef struct {
    int ok;
    view_rect title, panel[2], scale;
    double label_h; /* the towers' labels over the maps */
    int towers;
    int cols[2], rows[2], n[2], c0[2];
    double cell_w, cell_h; /* one map's cell (map + gap) in pixels */
    double s;              /* map pixels per activation */
    double ox[2], oy[2];   /* top-left of each tower's first map */
    int mh, mw;
} vgrid_layout;
void vgrid_layout_make(vctx *v, int stage, vgrid_layout *g);

/* The zoomed map's place inside r. */
typedef struct {
    int ok;
    double x, y, s;   /* top-left and pixels per unit (for a vector: per value cell) */
    int h, w;         /* units (a vector: its cells, tower A's rows above tower B's) */
    double top;       /* under the title */
    double channel_h; /* the line above the map */
    double scale_h;
    int stacked;     /* the panel is under the map, not beside it */
    view_rect side;  /* the panel with the photo and the numbers */
    view_rect scale; /* the colour scale under the map */
} vzoom_layout;
void vzoom_layout_make(vctx *v, int stage, vzoom_layout *z);

/* The pipeline's blocks. */
typedef struct {
    view_rect block[NET_MAX_STAGES + 1][2]; /* [0] is the input photo; [i+1] stage i; lanes */
    int lanes[NET_MAX_STAGES + 1];          /* 2: tower blocks; 1: one block in [..][0] */
    int compact;                            /* one row of names (the strip) */
    int first, count;                       /* the items shown: all of them, or in a strip
                                               too narrow for all, those around the current
                                               stage (the others' blocks are empty) */
} vpipe_layout;
void vpipe_layout_make(vctx *v, vpipe_layout *p);
/* "this run": the weights and input, then the variant, from the scene's run fields (run_known
 * must be set), wrapped to w at text size fs. Returns the height drawn; _height only measures. */
double vpipe_run_draw(vctx *v, double x, double y, double w, double fs);
double vpipe_run_height(vctx *v, double w, double fs);

/* The LRN view's three maps. */
typedef struct {
    int ok, stage;
    view_rect map[3];    /* before, after, after ÷ before */
    view_rect col[3];    /* the column each map and its label take (label at its top) */
    double s;            /* pixels per unit */
    int channel, ux, uy; /* the channel and unit shown */
    int stacked;         /* the window panel is under the formula, not beside it */
} vlrn_layout;
void vlrn_layout_make(vctx *v, vlrn_layout *l);
/* Where LRN at stage does the most: the channel and unit it damps the most among units at
 * least a quarter as strong as the strongest (in channel only, when only >= 0). 0 when the
 * stage is not computed. */
int vlrn_focus(vctx *v, int stage, int only, int *c, int *ux, int *uy);
/* The channel and unit the LRN view shows for v's state (its -1s resolved); 0 for none. */
int vlrn_shown(vctx *v, int *c, int *ux, int *uy);
/* The same for the zoom at stage: the state's channel, or the busiest one (the largest sum of
 * |x|; for a vector the largest value); the state's unit, or the channel's strongest. */
void vzoom_shown(vctx *v, int stage, int *c, int *ux, int *uy);

/* What lies under (x, y) in each view drawn into v->r: a stage (pipeline), a channel (grid;
 * for vectors the unit), a unit of the zoomed map or of the LRN maps; -1 or 0 for nothing. */
int vpipe_hit(vctx *v, double x, double y);
int vgrid_hit(vctx *v, double x, double y);
int vzoom_hit(vctx *v, double x, double y, int *ux, int *uy);
int vlrn_hit(vctx *v, double x, double y, int *ux, int *uy);

/* The top-k bar chart of the predictions inside r (shared by the grid's prob stage); returns
 * its height; measures only when draw is 0. */
double vpred_bars(vctx *v, view_rect r, int k, int draw);

/* The title band every stage view opens with: name, shape, operation, the shape arithmetic,
 * flowing onto more lines in a narrow room. Returns its height; _height measures for width w. */
double vstage_title(vctx *v, view_rect r, int stage);
double vstage_title_height(vctx *v, double w, int stage);
/* The title band without the shape arithmetic (for the view that writes it out); measures
 * only when draw is 0. */
double vstage_head(vctx *v, view_rect r, int stage, int draw);
/* The arithmetic view's rows (output size, formula, parameters, MACs, field, towers, running
 * totals, the 224 note) in r, with the per-layer chart beside or under them when chart is set;
 * returns the height; measures only when draw is 0. */
double varith_body(vctx *v, view_rect r, int stage, int chart, int draw);
/* The per-layer chart alone in r (cur: the current stage, marked; -1 for none); returns its
 * height, -1 when r is too narrow for its numbers; measures only when draw is 0. */
double varith_chart(vctx *v, view_rect r, int cur, int draw);
/* vtext_para in bold and with the log's role: flags are VT_ flags. */
double vtext_para_as(vctx *v, double x, double y, double w, double size, int flags, vrgb c,
                     const char *s);
/* A colour scale for range rg inside r: the bar, its range, what is clipped, the note (may be
 * NULL; lines split by \n), beside or under the bar as the width allows. Returns its height;
 * _height measures for width w. */
double vscale_draw(vctx *v, view_rect r, const vrange *rg, int per_map, const char *note);
double vscale_height(vctx *v, double w, const vrange *rg, int per_map, const char *note);

/* The stage the compute view takes a unit of apart for the current stage: itself when it is a
 * conv, pool or fc stage, the one before a ReLU or dropout; -1 for the others. */
int vcompute_stage(const vctx *v);
/* The sliding window's input panel: the input (and its padding) at s pixels per unit with the
 * input's (0, 0) at (x, y); the window of position n (1-based) starts at input (wy, wx). 0 when
 * the compute view is not sliding on this stage. */
typedef struct {
    double x, y, s;
    int n, total, oy, ox; /* the position: output (oy, ox) */
    int wy, wx, k;        /* its window's top-left in the input, and K */
} vslide_layout;
int vslide_layout_make(vctx *v, vslide_layout *l);
/* The compute view's patch ⊙ kernel grids of its unit's busiest input channel in r, titled, with
 * their numbers where the cells are wide enough for them (the handout gives them a page's
 * width); 0 when the stage is not a computed convolution. */
int vcompute_grids(vctx *v, view_rect r);
/* The playground (st->pg_on) in r. */
void vplayground_draw(vctx *v, view_rect r);

/* The norm stage the LRN view shows for the current stage, or -1 when there is none. */
int vlrn_stage(const vctx *v);

#endif
