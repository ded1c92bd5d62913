/* export_gif.c: the compute view's sliding window as an animated GIF a slide program plays.
 *
 * Each frame is the compute view drawn at the next position of the window (the same function
 * the window and the PNGs use), on one surface. The palette is the last frame's (its output map
 * is the fullest), 255 colours made by giflib's quantizer; every frame is mapped to it through
 * a 32×32×32 lookup of nearest colours, and only the rectangle that changed since the frame
 * before is written, in which what did not change is the 256th, transparent colour: a frame
 * costs about its changes. The file loops, and is written
 * atomically like every other.
 */
#include "export.h"
#include "msg.h"

#include <gif_lib.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char *data;
    size_t len, cap;
    int failed;
} gif_buf;

/* The palette's last index: "unchanged" (transparent) in every frame but the first. */
#define CLEAR 255

static int gif_out(GifFileType *g, const GifByteType *bytes, int n)
{
    gif_buf *b = g->UserData;
    if (b->len + (size_t)n > b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 1 << 16;
        while (cap < b->len + (size_t)n)
            cap *= 2;
        unsigned char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = 1;
            return 0;
        }
        b->data = p, b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, (size_t)n);
    b->len += (size_t)n;
    return n;
}

/* Draws the compute view of st at slide position n into s. */
static void draw_frame(cairo_surface_t *s, const view_scene *sc, view_state *st, int n)
{
    cairo_t *cr = cairo_create(s);
    st->slide = n;
    view_draw(
        cr, (view_rect){0, 0, cairo_image_surface_get_width(s), cairo_image_surface_get_height(s)},
        sc, st);
    cairo_destroy(cr);
    cairo_surface_flush(s);
}

/* The palette index of every pixel of s into idx, through the lookup (filled as needed). */
static void map_frame(cairo_surface_t *s, const ColorMapObject *map, short *lookup,
                      unsigned char *idx)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(d + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            uint32_t p = row[x];
            int r = p >> 16 & 255, g = p >> 8 & 255, b = p & 255;
            int key = (r >> 3) << 10 | (g >> 3) << 5 | b >> 3;
            if (lookup[key] < 0) {
                int best = 0, bd = 1 << 30;
                for (int i = 0; i < CLEAR; i++) {
                    const GifColorType *c = &map->Colors[i];
                    int dr = c->Red - r, dg = c->Green - g, db = c->Blue - b;
                    int dist = dr * dr + dg * dg + db * db;
                    if (dist < bd)
                        bd = dist, best = i;
                }
                lookup[key] = (short)best;
            }
            idx[(size_t)y * w + x] = (unsigned char)lookup[key];
        }
    }
}

/* The last frame's 256 colours. */
static ColorMapObject *make_palette(cairo_surface_t *s)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *d = cairo_image_surface_get_data(s);
    size_t n = (size_t)w * h;
    GifByteType *r = malloc(n), *g = malloc(n), *b = malloc(n), *out = malloc(n);
    ColorMapObject *map = GifMakeMapObject(256, NULL);
    int count = CLEAR; /* 255 colours: the last index is for "unchanged" */
    int ok = r && g && b && out && map;
    for (int y = 0; ok && y < h; y++) {
        const uint32_t *row = (const uint32_t *)(d + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            size_t i = (size_t)y * w + x;
            r[i] = row[x] >> 16 & 255, g[i] = row[x] >> 8 & 255, b[i] = row[x] & 255;
        }
    }
    if (ok &&
        GifQuantizeBuffer((unsigned)w, (unsigned)h, &count, r, g, b, out, map->Colors) == GIF_ERROR)
        ok = 0;
    free(r), free(g), free(b), free(out);
    if (!ok) {
        GifFreeMapObject(map);
        return NULL;
    }
    return map;
}

int gif_write_slide(const view_scene *sc, const view_state *base, int frames, int w, int h,
                    const char *path, int *out_frames, char *msg, size_t len)
{
    view_state st = *base;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    unsigned char *cur = malloc((size_t)w * h), *prev = malloc((size_t)w * h);
    GifPixelType *diff = malloc((size_t)w);
    short *lookup = malloc(sizeof(short) * 32768);
    gif_buf buf = {0};
    int err = 0,
        ok = cur && prev && diff && lookup && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
    ColorMapObject *map = NULL;
    GifFileType *g = NULL;
    if (ok) {
        memset(lookup, 0xff, sizeof(short) * 32768);
        draw_frame(s, sc, &st, frames);
        ok = (map = make_palette(s)) != NULL;
    }
    if (ok)
        ok = (g = EGifOpen(&buf, gif_out, &err)) != NULL;
    if (ok) {
        EGifSetGifVersion(g, true);
        ok = EGifPutScreenDesc(g, w, h, 8, 0, map) == GIF_OK;
    }
    if (ok) {
        /* NETSCAPE2.0: loop for ever */
        static const unsigned char loop[3] = {1, 0, 0};
        ok = EGifPutExtensionLeader(g, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
             EGifPutExtensionBlock(g, 11, "NETSCAPE2.0") == GIF_OK &&
             EGifPutExtensionBlock(g, 3, loop) == GIF_OK && EGifPutExtensionTrailer(g) == GIF_OK;
    }
    int written = 0;
    for (int n = 1; ok && n <= frames; n++) {
        draw_frame(s, sc, &st, n);
        map_frame(s, map, lookup, cur);
        /* the rectangle that changed (the whole picture for the first frame); inside it, what
         * did not change is transparent, so each frame costs about its changes */
        int x0 = 0, y0 = 0, x1 = w - 1, y1 = h - 1;
        if (n > 1) {
            x0 = w, y0 = h, x1 = -1, y1 = -1;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    if (cur[(size_t)y * w + x] != prev[(size_t)y * w + x]) {
                        x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
                        y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
                    }
            if (x1 < 0) /* nothing changed: one transparent pixel keeps the frame's time */
                x0 = y0 = x1 = y1 = 0;
        }
        GraphicsControlBlock gcb = {.DisposalMode = DISPOSE_DO_NOT,
                                    .DelayTime = n == frames ? 150 : 12,
                                    .TransparentColor = n > 1 ? CLEAR : NO_TRANSPARENT_COLOR};
        GifByteType ext[4];
        size_t ext_len = EGifGCBToExtension(&gcb, ext);
        ok = EGifPutExtension(g, GRAPHICS_EXT_FUNC_CODE, (int)ext_len, ext) == GIF_OK &&
             EGifPutImageDesc(g, x0, y0, x1 - x0 + 1, y1 - y0 + 1, false, NULL) == GIF_OK;
        for (int y = y0; ok && y <= y1; y++) {
            GifPixelType *line = diff + x0;
            for (int x = x0; x <= x1; x++) {
                size_t i = (size_t)y * w + x;
                line[x - x0] = n > 1 && cur[i] == prev[i] ? CLEAR : cur[i];
            }
            ok = EGifPutLine(g, line, x1 - x0 + 1) == GIF_OK;
        }
        written += ok;
        memcpy(prev, cur, (size_t)w * h);
    }
    if (g && EGifCloseFile(g, &err) != GIF_OK)
        ok = 0;
    net_err werr = {0};
    if (ok && !buf.failed) {
        if (net_write_atomic(path, buf.data, buf.len, &werr) != NET_OK) {
            msg_err(&werr, msg_lang(), msg, len);
            ok = 0;
        }
    } else {
        msg_snprintf(msg, len, "%s: cannot make the animation: %s", path,
                     err ? GifErrorString(err) : "out of memory");
        ok = 0;
    }
    GifFreeMapObject(map);
    free(buf.data);
    free(cur), free(prev), free(diff), free(lookup);
    cairo_surface_destroy(s);
    *out_frames = written;
    return ok;
}
