/* views.h: the pictures alexviz draws, each one function over a cairo context.
 *
 * A view draws into the rectangle r of a cairo_t from two read-only inputs: the scene (what the
 * net computed: the stage table, every finished stage's output, the photo, conv1's weights,
 * the predictions) and the view state (what the user is looking at: which view, stage, channel,
 * zoom, contrast mode, theme, language, text size, cursor, LRN parameters). Nothing here knows
 * about SDL, files or threads and nothing keeps global state, so the window (an image surface
 * uploaded to SDL), the export command (PNG and PDF surfaces) and the tests (offscreen image
 * surfaces) call the same functions and get the same pixels.
 *
 * Speed: turning activations into pixels is the costly part, so the first draw of a stage builds
 * one ARGB32 image holding all its maps (an atlas) in the scene's cache and later draws only
 * scale it with nearest-neighbour filtering. The cache is keyed by each stage's version number,
 * which whoever fills the scene bumps when that stage's data changes.
 *
 * Text goes through pango, so Korean is shaped with a CJK font (NanumGothic or Noto Sans CJK).
 * Every user-visible string comes from text.h.
 */
#ifndef VIEWS_H
#define VIEWS_H

#include "alexnet.h"
#include "text.h"

#include <cairo.h>
#include <stdint.h>

/* ---------------------------------------------------------------- the scene */

typedef struct view_cache view_cache;

/* What the worker that computes a scene is doing, as the status line tells it. Its home is the
 * window's copy of the worker's state (worker_copy); a scene points at it. */
typedef struct {
    int loading; /* the net is still being built */
    int failed;  /* it could not be built (the scene's message says why) */
    int step;    /* step-through: the pass pauses after each stage */
    int running; /* a pass is in progress */
    int paused;  /* it is paused now, waiting for the user */
} view_run;

/* Dropout at training time, as a pass ran it (dropout.c makes it, for the window's worker and
 * the export): drop6's and drop7's masks and outputs in the pass shown, and the top-5 at test
 * time, under the shown mask and under a few others. A scene points at one (NULL: test time). */
#define VIEW_DROP_MASKS 4 /* masks beside the shown one */
#define VIEW_DROP_ROWS (2 + VIEW_DROP_MASKS)
typedef struct {
    uint64_t seed;                /* the shown pass's masks */
    int stage[2];                 /* drop6's and drop7's stage indices (-1: none) */
    const float *out[2];          /* their outputs in the shown pass, valid once the stage is */
    const unsigned char *mask[2]; /* their masks (1 kept), as out */
    int ready;                    /* the rows are filled: [0] test time, [2 …] the other masks */
    int shown;                    /* and row [1], the shown mask's: its pass has ended */
    uint64_t row_seed[VIEW_DROP_ROWS];
    int kept[VIEW_DROP_ROWS][2]; /* units each stage kept (test time: all) */
    int k;                       /* classes in each top list (≤ 5) */
    int top[VIEW_DROP_ROWS][5];
    float topv[VIEW_DROP_ROWS][5];
} view_dropout;

/* The paper's ten patches at test time on the photo (net_ten_crop), as the window's worker or
 * the export ran them. A scene points at one (NULL: none). */
#define VIEW_TC_SIDE 256 /* the square they are cut from */
typedef enum {
    VIEW_TC_NONE,    /* not run for this photo */
    VIEW_TC_RUNNING, /* `done` of the ten passes so far */
    VIEW_TC_DONE,
    VIEW_TC_STOPPED, /* stopped by the user after `done` */
    VIEW_TC_NOPHOTO  /* the input is a .npy: no photo to cut */
} view_tc_state;
typedef struct {
    view_tc_state state;
    int done;                    /* passes done */
    int S;                       /* the patches' side: the input size */
    const unsigned char *square; /* (VIEW_TC_SIDE, VIEW_TC_SIDE, 3) RGB, or NULL */
    int xy[NET_TEN_CROPS][2];    /* each patch's top-left corner in the square */
    int top1[NET_TEN_CROPS];     /* each patch's top class and its probability */
    float top1_p[NET_TEN_CROPS];
    int k; /* the mean's top-k (k ≤ 5) */
    int top[5];
    float topv[5];
} view_tencrop;

/* What the net computed, as the views read it. Pointers are borrowed from whoever filled the
 * scene (the window's copies, or a net after its pass) and must stay valid while views draw. */
typedef struct {
    net_table table;                      /* a copy of the stage table */
    int input_size;                       /* 227 or 224 */
    int done;                             /* stages [0, done) have outputs */
    const float *out[NET_MAX_STAGES];     /* (out_c, out_h, out_w) of each finished stage */
    const float *input;                   /* (3, S, S) the net's input, or NULL */
    net_stats stats[NET_MAX_STAGES];      /* of each finished stage's output */
    uint32_t version[NET_MAX_STAGES];     /* changes whenever out[i]'s data changes */
    const unsigned char *photo;           /* (S, S, 3) RGB, what the net sees; NULL if none */
    const char *photo_name;               /* file name shown in titles; NULL if none */
    uint32_t photo_version;               /* changes when photo's data changes */
    const float *conv1_w;                 /* (96, 3, 11, 11), channel 0 blue (BGR); or NULL */
    uint32_t conv1_version;               /* changes when conv1_w's data changes */
    const float *weights[NET_MAX_STAGES]; /* each stage's weights and biases as net_weights */
    const float *biases[NET_MAX_STAGES];  /* and net_biases give them (NULL: none, or not known):
                                             the compute view takes units apart with them */
    int untrained;                        /* the weights are seeded, predictions mean nothing */
    /* this run, which the pipeline view sums up (view_scene_set_run; run_known 0: not shown) */
    int run_known;
    net_config cfg;                   /* the variant the net runs */
    net_preproc preproc;              /* how the photo became the input */
    char weights_file[128];           /* the weights' file name; "" for seeded weights */
    uint64_t seed;                    /* of seeded weights */
    const char *(*class_name)(int i); /* ImageNet class i (cli_class_name), or NULL */
    const view_run *run;              /* the worker's status, for the status line; NULL when
                                          nothing computes (an export, a test) */
    const view_dropout *dropout;      /* dropout at training time, or NULL: test time */
    const view_tencrop *tencrop;      /* the ten patches, or NULL */
    int playing;                      /* stepping on by itself at play_ms per stage */
    int play_ms;
    char message[256]; /* an error or notice to show over the view, or "" */
    view_cache *cache; /* memo of map images: every scene has its own (copies of
                                          a scene share it), made by view_scene_init */
} view_scene;

/* An empty scene (nothing computed) with its cache; 0 when out of memory. Every scene a view
 * draws starts here; view_scene_release frees the cache. */
int view_scene_init(view_scene *sc);
void view_scene_release(view_scene *sc);
/* dst as a copy of src with a cache of its own, for drawing on another thread (a cache is one
 * thread's); 0 when out of memory. Release both. */
int view_scene_copy(view_scene *dst, const view_scene *src);

/* Fills a scene (made by view_scene_init; its cache is kept) from a net after net_forward: the
 * table, every output, stats, conv1 weights. photo (S, S, 3) and input may be NULL. Every
 * version becomes `version`. */
void view_scene_from_net(view_scene *sc, net *n, const unsigned char *photo, const float *input,
                         const char *photo_name, uint32_t version);

/* Records what this run is: the variant, the preprocessing, the weights (weights_path NULL:
 * seeded with seed). view_scene_from_net leaves it unknown; the window and the export set it. */
void view_scene_set_run(view_scene *sc, const net_config *cfg, const net_preproc *pp,
                        const char *weights_path, uint64_t seed);

/* Stats of stage i's output into sc->stats[i] (the window calls it as stages arrive). */
void view_scene_update_stats(view_scene *sc, int i);

/* The shape arithmetic of stage s, as the arithmetic view shows it, in lang: the engine's
 * formula where it is only numbers, the table's words (text.h) where it has some. */
void view_shape_line(text_lang lang, const net_stage *s, char *buf, size_t len);

/* The first finished stage whose output holds a NaN or an infinity (its stats say so), or -1. */
int view_scene_first_nonfinite(const view_scene *sc);

/* Top-k (k ≤ 10) of the last stage (prob) when it is done: returns k found, 0 before. */
int view_scene_top(const view_scene *sc, int k, int *idx, float *val);

/* ---------------------------------------------------------------- the view state */

typedef enum {
    VIEW_PIPELINE,
    VIEW_GRID,
    VIEW_ZOOM,
    VIEW_LRN,
    VIEW_ARITH,
    VIEW_FILTERS,
    VIEW_PRED,
    VIEW_COMPUTE, /* one unit of a conv, pool or fc stage, computed */
    VIEW_LESSON,  /* the lesson around the network: pages that do not follow the stage */
    VIEW_COUNT
} view_kind;

const char *view_kind_name(view_kind k); /* "pipeline", "grid", ... as --play names them */
/* The digit key that opens k, as its tab shows it: 1 … 8, 0 for the lesson. */
int view_kind_digit(view_kind k);

/* The lesson view's pages (view_state.lesson). */
typedef enum {
    VIEW_LESSON_LENET,
    VIEW_LESSON_TRAINING,
    VIEW_LESSON_DROPOUT,
    VIEW_LESSON_TENCROP,
    VIEW_LESSON_PAGES
} view_lesson_page;
const char *view_lesson_name(int page); /* "lenet", "training", "dropout", "tencrop" */
int view_kind_find(const char *name);   /* the kind, or -1 */

typedef enum { VIEW_THEME_DARK, VIEW_THEME_LIGHT } view_theme;
typedef enum { VIEW_CONTRAST_STAGE, VIEW_CONTRAST_MAP } view_contrast;
/* The map colours: the window's, or print's (greyscale-safe: see VMAP_PRINT). */
typedef enum { VIEW_PALETTE_SCREEN, VIEW_PALETTE_PRINT } view_palette;

/* What the views wrote, line by line, for the layout tests: where each text went, in which
 * room, at what size, and whether pango had to cut it. Set view_state.log to record. */
typedef enum {
    VIEW_TEXT_BODY, /* any text */
    VIEW_TEXT_KEY,  /* the number a view is about (a shape, the result of the formula) */
    VIEW_TEXT_FILE  /* a file name: the one kind of text that may be cut (ellipsized) */
} view_text_role;

typedef struct {
    double x, y, w, h;
} view_rect;

typedef struct {
    view_rect box;  /* the text's ink, in device pixels */
    view_rect room; /* the rectangle of the view (or band) that drew it, device pixels */
    double px;      /* font size in pixels */
    int ellipsized; /* pango cut it to fit */
    int overlay;    /* drawn over other views (help, a message): may cover them */
    view_text_role role;
    char text[80]; /* its first bytes, for messages */
} view_text;

typedef struct {
    view_text *items; /* malloc'd, grown as needed */
    int n, cap;
    int measure; /* 1: the pictures are not drawn, only the text is placed */
} view_text_log;

void view_text_log_free(view_text_log *l);

typedef struct {
    view_kind kind;
    int stage;           /* the stage shown */
    int channel;         /* zoom and LRN: the channel shown; -1: where the view opens
                                  (zoom: the busiest channel; LRN: where it damps the most) */
    int unit_x, unit_y;  /* zoom and LRN: the selected unit; -1: the channel's strongest
                                  (LRN: the one it damps the most) */
    double zoom;         /* grid: magnification on top of the fitted size (1 = fit) */
    double pan_x, pan_y; /* grid: offset of the zoomed maps, in pixels */
    view_contrast contrast;
    view_palette palette;
    view_theme theme;
    text_lang lang;
    double ui;                 /* size of normal text in pixels; everything scales with it */
    double cursor_x, cursor_y; /* pointer position in the surface's coordinates */
    int cursor_in;             /* the pointer is over the surface */
    int help;                  /* the help overlay is shown */
    int print;                 /* for paper and slides: no key hints, nothing to click */
    int slide;                 /* the compute view's sliding window (conv and pool): 0 off; n:
                                  the first n output positions of the unit's map computed,
                                  the window at the n-th (1 … out_h·out_w) */
    int pg_on;                 /* the compute view shows the playground instead */
    int pg[4];                 /* its I, K, S, P */
    int lesson;                /* the lesson view's page (view_lesson_page) */
    int notes;                 /* say where the course notes differ from the paper, at the
                                  stage (conv1's 3 filters, LRN's order and reason, 224) */
    /* the LRN view's live parameters */
    net_lrn lrn;
    view_text_log *log; /* when set, every text drawn is recorded there (tests) */
} view_state;

/* Defaults for a scene: pipeline view, dark theme, fitted zoom, the net's own LRN parameters. */
void view_state_default(view_state *st, const view_scene *sc);
/* The channel and unit the zoom (or, for kind VIEW_LRN, the LRN view) shows for st, its -1s
 * resolved; 0 when its stage is not computed. */
int view_shown_unit(const view_scene *sc, const view_state *st, int *c, int *ux, int *uy);
/* How many positions the compute view's sliding window has for st (the output map's units of
 * the stage it takes apart, conv or pool), and how many make a row (*row_len); 0 when it has
 * none. */
int view_slide_positions(const view_scene *sc, const view_state *st, int *row_len);
/* The playground's presets: conv1 at 227 and 224, pool1, conv2, LeNet-5's C1, a small one. */
typedef struct {
    const char *name;
    int i, k, s, p;
} view_preset;
#define VIEW_PRESETS 6
extern const view_preset view_presets[VIEW_PRESETS];

/* Resets the LRN parameters to those of the scene's norm stages. */
void view_state_reset_lrn(view_state *st, const view_scene *sc);
/* Text size for a surface of w×h at user scale `scale` (1 = default). */
double view_ui_size(double w, double h, double scale);

/* ---------------------------------------------------------------- drawing */

/* One function per view; each fills r with the theme's background first. */
void view_draw_pipeline(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_grid(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_zoom(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_lrn(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_arith(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_filters(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_pred(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_compute(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);
void view_draw_lesson(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);

/* Draws st->kind into r (the dispatch the window and export share). */
void view_draw(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);

/* The whole window: tabs, the pipeline strip, the current view, the status line, and the help
 * overlay and message when present. */
void view_draw_screen(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st);

/* ---------------------------------------------------------------- hit testing */

typedef enum {
    VIEW_HIT_NONE,
    VIEW_HIT_TAB,   /* a view tab: value = view_kind */
    VIEW_HIT_STAGE, /* a pipeline block: value = stage index */
    VIEW_HIT_MAP,   /* a map in the grid: value = channel */
    VIEW_HIT_UNIT   /* a unit of the zoomed or LRN map: x, y */
} view_hit_kind;

typedef struct {
    view_hit_kind kind;
    int value, x, y;
} view_hit;

/* What lies under (px, py) in a screen drawn by view_draw_screen with the same arguments. */
view_hit view_screen_hit(view_rect r, const view_scene *sc, const view_state *st, double px,
                         double py);

/* Channel c of stage `stage` as its own image, (out_w·scale)×(out_h·scale) pixels, each unit a
 * scale×scale square, coloured exactly as the grid and the zoom colour it for st->contrast;
 * NULL for a stage not done or a vector stage. The caller destroys it. (For export's
 * one-PNG-per-channel.) */
cairo_surface_t *view_channel_image(const view_scene *sc, const view_state *st, int stage, int c,
                                    int scale);

/* The rectangle the current view gets inside a screen of rectangle r. */
/* The status line's text, without its colours: what the window says under the view. */
void view_screen_status(const view_scene *sc, const view_state *st, char *buf, size_t len);
view_rect view_screen_body(view_rect r, const view_scene *sc, const view_state *st);

#endif
