/* png_encode.c: the PNG file format written by hand over zlib (see png_encode.h).
 *
 * A PNG is an 8-byte signature and chunks (length, type, data, CRC-32 of type and data): IHDR
 * with the size and pixel format, one IDAT with the zlib-compressed rows (each row a filter
 * byte, then R G B per pixel: filter 0, none, except 2, up, for a row that repeats the one
 * above), and an empty IEND. Rows are converted and fed
 * to zlib a batch at a time, so the only large buffer is the output.
 */
#include "png_encode.h"
#include "msg.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* Writes the chunk whose data (len bytes) already sits at p + 8, filling length, type and CRC;
 * returns the chunk's full size. */
static size_t chunk(unsigned char *p, const char type[4], size_t len)
{
    put32(p, (uint32_t)len);
    memcpy(p + 4, type, 4);
    put32(p + 8 + len, (uint32_t)crc32(crc32(0, NULL, 0), p + 4, (uInt)(len + 4)));
    return len + 12;
}

int png_encode_rgb(const unsigned char *data, int w, int h, int stride, unsigned char **out,
                   size_t *len)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    *out = NULL;
    *len = 0;
    if (w < 1 || h < 1 || w > (1 << 20) || h > (1 << 20) || stride < 4 * w)
        return 0;
    size_t row = 1 + 3 * (size_t)w, raw = row * (size_t)h;
    enum { BATCH = 16 };
    unsigned char *rows = malloc(row * BATCH); /* (BATCH, 1 + 3w) */
    z_stream z;
    memset(&z, 0, sizeof z);
    /* level 1, default window: fast, and the flat colours of a view still shrink 10-20× */
    if (!rows || deflateInit(&z, 1) != Z_OK) {
        free(rows);
        return 0;
    }
    size_t bound = deflateBound(&z, (uLong)raw);
    size_t cap = 8 + 25 + 12 + bound + 12;
    unsigned char *png = malloc(cap);
    if (!png) {
        deflateEnd(&z);
        free(rows);
        return 0;
    }
    size_t at = 0;
    memcpy(png, sig, 8);
    at = 8;
    unsigned char *ihdr = png + at + 8;
    put32(ihdr, (uint32_t)w);
    put32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;  /* bits per sample */
    ihdr[9] = 2;  /* colour type: RGB */
    ihdr[10] = 0; /* deflate */
    ihdr[11] = 0; /* adaptive filtering, method 0 */
    ihdr[12] = 0; /* not interlaced */
    at += chunk(png + at, "IHDR", 13);

    unsigned char *idat = png + at + 8;
    z.next_out = idat;
    z.avail_out = (uInt)bound;
    int ok = 1;
    for (int y0 = 0; y0 < h && ok; y0 += BATCH) {
        int n = h - y0 < BATCH ? h - y0 : BATCH;
        for (int k = 0; k < n; k++) {
            int y = y0 + k;
            const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);
            unsigned char *r = rows + (size_t)k * row;
            /* a row equal to the one above (background, a map scaled up) becomes filter 2,
             * "up", and all zeros: smaller and quicker to compress */
            if (y > 0 && !memcmp(px, data + (size_t)(y - 1) * stride, 4 * (size_t)w)) {
                r[0] = 2;
                memset(r + 1, 0, row - 1);
                continue;
            }
            *r++ = 0; /* filter: none */
            for (int x = 0; x < w; x++, r += 3) {
                uint32_t p = px[x];
                r[0] = (unsigned char)(p >> 16), r[1] = (unsigned char)(p >> 8);
                r[2] = (unsigned char)p;
            }
        }
        z.next_in = rows;
        z.avail_in = (uInt)(row * (size_t)n);
        int last = y0 + n >= h;
        int zs = deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
        ok = last ? zs == Z_STREAM_END : zs == Z_OK && z.avail_in == 0;
    }
    size_t zlen = z.total_out;
    deflateEnd(&z);
    free(rows);
    if (!ok) {
        free(png);
        return 0;
    }
    at += chunk(png + at, "IDAT", zlen);
    at += chunk(png + at, "IEND", 0);
    *out = png;
    *len = at;
    return 1;
}

int png_write_file(cairo_surface_t *s, const char *path, int replace, int *exists, char *msg,
                   size_t len)
{
    if (exists)
        *exists = 0;
    unsigned char *png;
    size_t n;
    cairo_surface_flush(s);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || !cairo_image_surface_get_data(s) ||
        !png_encode_rgb(cairo_image_surface_get_data(s), cairo_image_surface_get_width(s),
                        cairo_image_surface_get_height(s), cairo_image_surface_get_stride(s), &png,
                        &n)) {
        msg_snprintf(msg, len, "%s: out of memory while encoding the PNG", path);
        return 0;
    }
    net_err e = {0};
    net_status st = replace ? net_write_atomic(path, png, n, &e) : net_write_new(path, png, n, &e);
    free(png);
    if (st != NET_OK) {
        msg_err(&e, msg_lang(), msg, len);
        if (exists)
            *exists = st == NET_ERR_EXISTS;
    }
    return st == NET_OK;
}
