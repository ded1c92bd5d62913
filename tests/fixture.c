/* fixture.c: see fixture.h. */
#include "fixture.h"
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A photo-like test card: a sky gradient, a sun, a red box: edges and colour for conv1. */
static void test_card(unsigned char *rgb, int S)
{
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) {
            unsigned char *p = rgb + ((size_t)y * S + x) * 3;
            p[0] = (unsigned char)(60 + 120 * y / S), p[1] = (unsigned char)(90 + 100 * y / S);
            p[2] = 220;
            int dx = x - S / 3, dy = y - S / 3;
            if (dx * dx + dy * dy < (S / 8) * (S / 8))
                p[0] = 250, p[1] = 220, p[2] = 40;
            if (x > S / 2 && x < S * 5 / 6 && y > S / 2 && y < S * 5 / 6)
                p[0] = 200, p[1] = 30, p[2] = 30;
        }
}

scene_fixture *view_fixture(void)
{
    static scene_fixture f;
    static int tried;
    if (!tried) {
        tried = 1;
        scene_fixture_make(&f, test_card, "card.png");
    }
    return f.ok ? &f : NULL;
}

int scene_fixture_make(scene_fixture *f, void (*card)(unsigned char *rgb, int S), const char *name)
{
    cli_opts o;
    cli_opts_default(&o);
    o.weights = "default";
    o.weights_given = 1;
    cli_net made;
    if (!cli_make_net(&o, &made))
        return 0;
    f->n = made.net;
    f->pp = made.pp;
    int S = net_get_config(f->n)->input_size;
    f->rgb = malloc((size_t)3 * S * S);
    f->input = malloc(sizeof(float) * 3 * S * S);
    if (!f->rgb || !f->input)
        return 0;
    card(f->rgb, S);
    const net_preproc *pp = &f->pp;
    for (int c = 0; c < 3; c++)
        for (int i = 0; i < S * S; i++)
            f->input[(size_t)c * S * S + i] =
                f->rgb[(size_t)i * 3 + (pp->bgr ? 2 - c : c)] * pp->scale - pp->mean[c];
    if (net_forward(f->n, f->input, NULL, NULL, NULL) != NET_OK || !view_scene_init(&f->sc))
        return 0;
    view_scene_from_net(&f->sc, f->n, f->rgb, f->input, name, 1);
    f->ok = 1;
    return 1;
}

void state_for(view_state *st, const view_scene *sc, view_kind kind, const char *stage, int w,
               int h)
{
    view_state_default(st, sc);
    st->kind = kind;
    for (int i = 0; i < sc->table.count; i++)
        if (!strcmp(sc->table.s[i].name, stage))
            st->stage = i;
    st->ui = view_ui_size(w, h, 1);
}

uint32_t pixel(cairo_surface_t *s, int x, int y)
{
    cairo_surface_flush(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
    return ((const uint32_t *)(d + (size_t)y * cairo_image_surface_get_stride(s)))[x] & 0xffffff;
}

uint32_t rgb_of(vrgb c)
{
    return (uint32_t)lround(c.r * 255) << 16 | (uint32_t)lround(c.g * 255) << 8 |
           (uint32_t)lround(c.b * 255);
}

int color_dist(uint32_t a, uint32_t b)
{
    int d = 0;
    for (int k = 0; k < 24; k += 8) {
        int x = (int)(a >> k & 255) - (int)(b >> k & 255);
        d = abs(x) > d ? abs(x) : d;
    }
    return d;
}

long count_not(cairo_surface_t *s, int x0, int y0, int w, int h, uint32_t bg)
{
    long n = 0;
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            n += color_dist(pixel(s, x, y), bg) > 24;
    return n;
}

cairo_surface_t *render_screen(const view_scene *sc, const view_state *st, int w, int h)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(s);
    view_draw_screen(cr, (view_rect){0, 0, w, h}, sc, st);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return s;
}
