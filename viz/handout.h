/* handout.h: the pictures only the exports draw, made with the same view machinery as the window.
 *
 * The printed handout's pages (a cover, one page per stage, a filters page, an LRN page per norm
 * stage, the parameter and MAC table, the per-layer chart) place the window's own views (views.h) on a page and add
 * the words a student reads at home: a paragraph per stage in English or Korean, with this
 * photo's numbers in it. The colour ranges below say, in numbers, how the grid (and
 * view_channel_image, views.h) turned a stage's values into colours, for the export's manifest.
 *
 * Page functions draw into any cairo context (the export uses a PDF surface, the tests an image
 * surface); r is the whole page in the surface's units (points on a PDF page).
 */
#ifndef HANDOUT_H
#define HANDOUT_H

#include "views.h"

/* How a stage's values become colours in the grid with one scale per stage. */
typedef struct {
    int diverging; /* 1: −hi … 0 … hi through the diverging map (the stage has negative values);
                      0: 0 … hi through the sequential map */
    float lo, hi; /* the range shown; values beyond it take the end colours */
} view_colours;

/* The grid's per-stage colours of finished stage `stage` into *out; 0 when it is not done.
 * Reads and fills sc->cache (one thread at a time, like every view). */
int view_stage_colours(const view_scene *sc, const view_state *st, int stage, view_colours *out);

/* The colours of one map of n values under per-map contrast: stretched to its own largest |value|
 * in its stage's colour map, as the grid's per-map contrast does. Thread-safe. */
void view_map_colours(const float *plane, size_t n, const view_colours *stage, view_colours *out);

/* What every handout page prints in its header and footer. */
typedef struct {
    const char *image;       /* the photo's file name */
    const char *weights;     /* the ONNX file of trained weights, or NULL for seeded ones */
    unsigned long long seed; /* the seed of seeded weights */
    int page, pages;         /* 1-based page number and the page count */
} view_page;

/* The handout's pages. st supplies language, theme and text size (ui, in page units); kind and
 * stage are set by each function. */
void view_draw_cover(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                     const view_page *pg);
void view_draw_stage_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                          int stage, const view_page *pg);
void view_draw_filters_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                            const view_page *pg);
/* One unit of stage worked out (the compute view) and what it shows. */
void view_draw_compute_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                            int stage, const view_page *pg);
void view_draw_lrn_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                        int stage, const view_page *pg);
void view_draw_table_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                          const view_page *pg);
/* The eight learned layers: their parameters and MACs as a table and the window's bar chart. */
/* A page of the lesson view (view_lesson_page): LeNet-5 beside AlexNet, why it could be
 * trained. */
void view_draw_lesson_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                           int page, const view_page *pg);
void view_draw_layers_page(cairo_t *cr, view_rect r, const view_scene *sc, const view_state *st,
                           const view_page *pg);

/* The handout's paragraph for stage `stage` (what it does, with this photo's numbers) in the
 * state's language, into buf (always NUL-terminated). */
void view_stage_paragraph(const view_scene *sc, const view_state *st, int stage, char *buf,
                          size_t len);

#endif
