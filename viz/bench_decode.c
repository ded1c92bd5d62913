/* bench_decode.c: what decoding a photo in a child process costs (`alexviz bench`).
 *
 * A typical phone-sized JPEG, about 1 MB, is made from a bundled photo (scaled to 3000×2000 with
 * cairo, given some sensor-like noise so that it compresses like a photo, encoded by libjpeg at
 * quality 90), then decoded the way alexviz decodes photos (net_input_load: forked, limited) and
 * in this process (net_input_load_mem on the same bytes), alternating, so that the difference of
 * the medians is the isolation's own cost.
 */
#define _DEFAULT_SOURCE /* mkstemps */
#include "bench_decode.h"
#include "cli.h"

#include <cairo.h>
#include <jpeglib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The photo as 3000×2000 RGB bytes with noise, JPEG-encoded into *out (malloc'd by libjpeg). */
static int make_jpeg(const char *photo, unsigned char **out, unsigned long *len)
{
    enum { W = 3000, H = 2000 };
    cairo_surface_t *src = cairo_image_surface_create_from_png(photo);
    if (cairo_surface_status(src) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(src);
        return 0;
    }
    cairo_surface_t *big = cairo_image_surface_create(CAIRO_FORMAT_RGB24, W, H);
    cairo_t *cr = cairo_create(big);
    cairo_scale(cr, (double)W / cairo_image_surface_get_width(src),
                (double)H / cairo_image_surface_get_height(src));
    cairo_set_source_surface(cr, src, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(src);
    cairo_surface_flush(big);
    const unsigned char *px = cairo_image_surface_get_data(big);
    int stride = cairo_image_surface_get_stride(big);
    unsigned char *row = malloc((size_t)W * 3);
    if (!row || cairo_surface_status(big) != CAIRO_STATUS_SUCCESS) {
        free(row);
        cairo_surface_destroy(big);
        return 0;
    }
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    *out = NULL;
    *len = 0;
    jpeg_mem_dest(&c, out, len);
    c.image_width = W, c.image_height = H, c.input_components = 3, c.in_color_space = JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 90, TRUE);
    jpeg_start_compress(&c, TRUE);
    uint64_t rng = 1;
    for (int y = 0; y < H; y++) {
        const uint32_t *p = (const uint32_t *)(px + (size_t)y * stride);
        for (int x = 0; x < W; x++)
            for (int k = 0; k < 3; k++) {
                rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
                int v = (int)(p[x] >> (16 - 8 * k) & 255) + (int)(rng >> 59) - 16;
                row[3 * x + k] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
            }
        JSAMPROW r = row;
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    free(row);
    cairo_surface_destroy(big);
    return 1;
}

int bench_decode(const char *photo, int S, const net_preproc *pp, int runs)
{
    unsigned char *jpg = NULL;
    unsigned long len = 0;
    char path[] = "/tmp/alexviz-bench-XXXXXX.jpg";
    int fd = mkstemps(path, 4);
    if (fd < 0 || !make_jpeg(photo, &jpg, &len) || write(fd, jpg, len) != (ssize_t)len) {
        cli_error("%s: cannot make the bench's JPEG", photo);
        if (fd >= 0) {
            close(fd);
            unlink(path);
        }
        free(jpg);
        return 0;
    }
    close(fd);
    double *t[2] = {malloc(sizeof(double) * (size_t)runs), malloc(sizeof(double) * (size_t)runs)};
    int ok = t[0] && t[1];
    for (int r = -2; r < runs && ok; r++) {
        for (int k = 0; k < 2 && ok; k++) {
            int isolated = k ^ (r & 1); /* which goes first swaps each run */
            net_input in;
            net_err err = {0};
            double t0 = net_now_ms();
            net_status st = isolated ? net_input_load(&in, path, S, pp, &err)
                                     : net_input_load_mem(&in, jpg, len, path, S, pp, &err);
            double ms = net_now_ms() - t0;
            if (st != NET_OK) {
                cli_net_error(&err);
                ok = 0;
            }
            net_input_free(&in);
            if (r >= 0)
                t[isolated][r] = ms;
        }
    }
    if (ok) {
        double in_proc = cli_median(t[0], runs), iso = cli_median(t[1], runs);
        printf("decode_ms in_process=%.1f isolated=%.1f added=%.1f (a %.2f MB 3000x2000 JPEG; "
               "target: added ≤ 10)\n",
               in_proc, iso, iso - in_proc, len / 1048576.0);
    }
    free(t[0]);
    free(t[1]);
    free(jpg);
    unlink(path);
    return ok;
}
