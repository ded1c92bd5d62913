/* fixture.h: a seeded AlexNet run on a drawn photo, as a scene the views can draw; and the
 * pixel helpers the view tests share.
 */
#ifndef TEST_FIXTURE_H
#define TEST_FIXTURE_H

#include "view_internal.h"
#include "views.h"

#include <stdint.h>

typedef struct {
    int ok;
    net *n;
    net_preproc pp;
    float *input;       /* (3, S, S) */
    unsigned char *rgb; /* (S, S, 3) */
    view_scene sc;      /* the pass's outputs, the photo named `name` */
} scene_fixture;

/* Builds the seeded net, paints its photo with card(rgb, S), runs the pass and fills f->sc;
 * 0 when any of it fails. For a fixture kept for the whole run (nothing is freed). */
int scene_fixture_make(scene_fixture *f, void (*card)(unsigned char *rgb, int S), const char *name);

/* The view tests' fixture, made once for the whole run: a photo-like test card (a sky gradient,
 * a sun, a red box) named card.png through the seeded net; NULL when it cannot be made. */
scene_fixture *view_fixture(void);

/* A view state showing view `kind` at stage `stage` (a name) for a w×h surface. */
void state_for(view_state *st, const view_scene *sc, view_kind kind, const char *stage, int w,
               int h);
/* Pixel (x, y) of an image surface as 0xRRGGBB. */
uint32_t pixel(cairo_surface_t *s, int x, int y);
/* A palette colour as 0xRRGGBB. */
uint32_t rgb_of(vrgb c);
/* Largest channel difference between two 0xRRGGBB colours. */
int color_dist(uint32_t a, uint32_t b);
/* How many pixels of the rectangle differ from colour bg. */
long count_not(cairo_surface_t *s, int x0, int y0, int w, int h, uint32_t bg);
/* The whole window's picture for sc and st on a new w×h surface (the caller destroys it). */
cairo_surface_t *render_screen(const view_scene *sc, const view_state *st, int w, int h);

#endif
