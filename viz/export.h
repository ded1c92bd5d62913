/* export.h: what the files of `alexviz export` share: the options, the plan of files, the
 * encoder pool (export_pool.c), the handout's PDF (export_handout.c) and the manifest
 * (export_manifest.c). The command itself, its plan and its drawing are in cmd_export.c.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "cli.h"
#include "handout.h"
#include "views.h"

#include <cairo.h>
#include <pthread.h>

/* ---------------------------------------------------------------- options and the plan */

typedef struct {
    cli_opts common;
    const char *out;
    int channels, scale, force, width, height;
    view_theme theme;
    view_contrast contrast;
    int palette;              /* a view_palette, or -1: screen for PNGs, print for the PDF */
    double page_w, page_h;    /* the handout's paper, in points */
    int want[NET_MAX_STAGES]; /* 1: export this stage (all of them unless --stages) */
    const char *stages;       /* --stages as given, checked once the table is known */
} export_opts;

typedef enum {
    EX_PIPELINE,
    EX_STAGE,
    EX_FILTERS,
    EX_LRN,
    EX_PRED,
    EX_COMPUTE,    /* one unit of a stage worked out (the compute view) */
    EX_PLAYGROUND, /* a playground preset (channel: its index in view_presets) */
    EX_LESSON,     /* a page of the lesson view (channel: the page) */
    EX_CHANNEL,
    EX_GIF, /* the compute view's sliding window, animated (written here, not by the pool) */
    EX_HANDOUT,
    EX_MANIFEST
} ex_kind;

typedef struct {
    ex_kind kind;
    int stage, channel; /* -1 when not about one stage or channel */
    char *path;         /* DIR/<stem>/<rel> */
    const char *rel;    /* inside path */
    /* handed between this thread and the workers under the queue's lock */
    cairo_surface_t *surface; /* a drawn picture waiting to be encoded (owned) */
    int ready;                /* the worker may take it */
    int width, height;        /* of the PNG, filled when written */
    int frames;               /* EX_GIF: frames written */
    net_stats stats;          /* channel files: of the channel's values */
    view_colours colours;     /* channel files: how values became colours */
} ex_file;

typedef struct {
    const char *path; /* as given */
    const char *name; /* its base name, shown on the pictures */
    char stem[256];
    char *folder; /* DIR/<stem> */
    net_input in;
    ex_file *files;
    int n_files;
} ex_image;

/* The manifest's name for each kind. */
extern const char *const ex_kind_names[];

/* ---------------------------------------------------------------- progress (export_pool.c) */

typedef struct {
    int on;          /* stderr is a terminal */
    double last;     /* when the line was last drawn, ms */
    int total, base; /* files of the whole export; written before this image */
    const char *name;
} progress;

/* The line "alexviz export: NAME  N/M files" on a terminal, at most ten times a second. */
void progress_show(progress *p, int done);
void progress_clear(progress *p);

/* ---------------------------------------------------------------- the encoder pool (export_pool.c) */

/* Views are rendered into a few reused surfaces: a fresh 8 MB surface per picture would spend
 * more time in page faults than in drawing. */
#define EX_SPARES 8

/* The PNGs of one image. This thread draws every picture (views into the spare surfaces, each
 * channel into a small surface of its own) and marks its file ready; workers take the files in
 * plan order, encode and write them, and give the surfaces back. */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a file became ready or was finished, a surface came back, or
                                the work stopped */
    ex_file *files;
    int n_files;     /* the PNGs: files [0, n_files) */
    int next;        /* the next file a worker takes */
    int finished;    /* files written */
    int stop;        /* an error, or the end: workers leave */
    char error[600]; /* the first error, one line */
    cairo_surface_t *spare[EX_SPARES];
    int n_spare;
    int channels_out; /* channel surfaces made and not yet written */
    int channels_max; /* how many may wait at once (bounds memory at large --scale) */
    pthread_t tid[8];
    int started; /* workers running */
} ex_work;

/* Starts `threads` workers (1-8) on files [0, n_files) with the spare surfaces of width×height;
 * 0 with msg filled when not even one surface or thread could be made (nothing to undo but
 * work_finish). */
int work_start(ex_work *w, ex_file *files, int n_files, int threads, int width, int height,
               int channels_max, char *msg, size_t len);
/* A free surface to render the next view into, or NULL. */
cairo_surface_t *work_take_surface(ex_work *w);
/* 1 when another channel surface may be made now. */
int work_channel_room(ex_work *w);
/* Waits until a view can be rendered (views left and a surface free) or a channel made
 * (channels left and room for one), or the work stopped. */
void work_wait_room(ex_work *w, progress *p, int views_left, int channels_left);
/* Whether the work stopped; *finished gets the count of files written. */
int work_stopped(ex_work *w, int *finished);
/* Hands a rendered picture to the workers. */
void work_post(ex_work *w, ex_file *f, cairo_surface_t *s);
/* Stops the work with msg as its error (the first error stays). */
void work_fail(ex_work *w, const char *msg);
/* Waits until every PNG is written or the work stopped, joins the workers, frees the spare
 * surfaces and any picture no worker took; returns 0 with the first error in msg. */
int work_finish(ex_work *w, progress *p, char *msg, size_t len);

/* ---------------------------------------------------------------- the handout (export_handout.c) */

typedef struct {
    unsigned char *data;
    size_t len, cap;
    int failed;
} membuf;

/* The handout's pages in order: the cover, each chosen stage (with the filters page after
 * conv1 and an LRN page after each norm stage), the stage table, the per-layer chart. */
typedef enum {
    PG_COVER,
    PG_STAGE,
    PG_FILTERS,
    PG_LRN,
    PG_COMPUTE,
    PG_TABLE,
    PG_LAYERS,
    PG_LESSON /* stage: the lesson view's page */
} page_kind;

typedef struct {
    page_kind kind;
    int stage;
} page_item;

/* The handout being drawn into memory, one page at a time, so this thread can draw a page
 * whenever the workers have no surface free for the next view. */
typedef struct {
    const export_opts *o;
    const ex_image *im;
    const char *weights;
    view_scene sc; /* the image's scene with a cache of its own (other sizes) */
    view_state st;
    page_item items[4 * NET_MAX_STAGES + 3 + VIEW_LESSON_PAGES];
    int n, next;
    cairo_surface_t *surface;
    cairo_t *cr;
    membuf pdf;
} handout;

/* Opens the PDF in memory and plans its pages. */
void handout_begin(handout *h);
/* Draws the next page; 0 when there is none left. */
int handout_page(handout *h);
/* Finishes the PDF (the bytes are in h->pdf); 0 with msg filled on failure. */
int handout_end(handout *h, char *msg, size_t len);

/* ---------------------------------------------------------------- the animation (export_gif.c) */

/* The compute view of base (its stage and unit) with its sliding window at positions 1 …
 * frames, w×h, as a looping GIF at path (atomically); *out_frames gets the frames written. 0 with
 * msg filled on failure. */
int gif_write_slide(const view_scene *sc, const view_state *base, int frames, int w, int h,
                    const char *path, int *out_frames, char *msg, size_t len);

/* ---------------------------------------------------------------- the manifest (export_manifest.c) */

/* Writes manifest.json (file mf) for image im: every file of the plan with its stage, shape,
 * statistics and colours, in plan order; 0 with msg filled on failure. */
int write_manifest(const export_opts *o, const view_scene *sc, const ex_image *im,
                   const char *weights, const view_colours *colours, int pages, const ex_file *mf,
                   char *msg, size_t len);

#endif
