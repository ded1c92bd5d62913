/* hostile.c: see hostile.h. JPEGs and PNGs are written with libjpeg and libpng themselves, so
 * that every legal variant is what a real encoder makes; the hostile files are built byte by
 * byte (protobuf's wire format by hand: protobuf-c cannot even pack a 6,000-deep message).
 */
#include "hostile.h"
#include "alexnet.h"
#include "onnx_make.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <gif_lib.h>
#include <jpeglib.h>
#include <png.h>

int hostile_write(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    int ok = fwrite(buf, 1, len, f) == len;
    return (fclose(f) == 0) & ok;
}

/* ---------------------------------------------------------------- JPEG */

/* One colour, n components, through libjpeg; *out malloc'd by libjpeg's memory destination. */
static int jpeg_encode(int w, int h, int n, J_COLOR_SPACE space, const unsigned char *px,
                       int progressive, unsigned char **out, unsigned long *len)
{
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    *out = NULL;
    *len = 0;
    jpeg_mem_dest(&c, out, len);
    c.image_width = (JDIMENSION)w;
    c.image_height = (JDIMENSION)h;
    c.input_components = n;
    c.in_color_space = space;
    jpeg_set_defaults(&c);
    if (space == JCS_CMYK)
        jpeg_set_colorspace(&c, JCS_CMYK); /* writes the Adobe marker */
    jpeg_set_quality(&c, 95, TRUE);
    if (progressive)
        jpeg_simple_progression(&c);
    jpeg_start_compress(&c, TRUE);
    unsigned char *row = malloc((size_t)w * n);
    if (!row)
        return 0;
    for (int x = 0; x < w; x++)
        memcpy(row + (size_t)x * n, px, (size_t)n);
    while (c.next_scanline < c.image_height) {
        JSAMPROW r = row;
        jpeg_write_scanlines(&c, &r, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    free(row);
    return 1;
}

static int jpeg_file(const char *path, int w, int h, int n, J_COLOR_SPACE space,
                     const unsigned char *px, int progressive)
{
    unsigned char *buf;
    unsigned long len;
    int ok =
        jpeg_encode(w, h, n, space, px, progressive, &buf, &len) && hostile_write(path, buf, len);
    free(buf);
    return ok;
}

int hostile_jpeg(const char *path, int w, int h, const unsigned char rgb[3], int progressive)
{
    return jpeg_file(path, w, h, 3, JCS_RGB, rgb, progressive);
}

int hostile_jpeg_cmyk(const char *path, int w, int h, const unsigned char cmyk[4])
{
    unsigned char inv[4];
    for (int k = 0; k < 4; k++)
        inv[k] = (unsigned char)(255 - cmyk[k]);
    return jpeg_file(path, w, h, 4, JCS_CMYK, inv, 0);
}

int hostile_jpeg_grey(const char *path, int w, int h, unsigned char v)
{
    return jpeg_file(path, w, h, 1, JCS_GRAYSCALE, &v, 0);
}

int hostile_jpeg_dht(const char *path)
{
    static const unsigned char grey[3] = {120, 130, 140};
    unsigned char *buf;
    unsigned long len;
    if (!jpeg_encode(64, 48, 3, JCS_RGB, grey, 0, &buf, &len))
        return 0;
    int ok = 0;
    for (unsigned long i = 0; i + 21 < len; i++)
        if (buf[i] == 0xFF && buf[i + 1] == 0xC4) {
            /* FF C4, length, class/id, then 16 counts of codes per length */
            buf[i + 5 + 14] = 255;
            buf[i + 5 + 15] = 255;
            ok = 1;
            break;
        }
    ok = ok && hostile_write(path, buf, len);
    free(buf);
    return ok;
}

int hostile_jpeg_rescan(const char *path, int side, int repeats)
{
    unsigned char grey = 128, *buf;
    unsigned long len;
    if (!jpeg_encode(side, side, 1, JCS_GRAYSCALE, &grey, 1, &buf, &len))
        return 0;
    /* the last scan: from the last SOS (FF DA) to the end-of-image marker */
    unsigned long last = 0;
    for (unsigned long i = 0; i + 1 < len; i++)
        if (buf[i] == 0xFF && buf[i + 1] == 0xDA)
            last = i;
    unsigned long scan = len - 2 - last;
    unsigned char *out = malloc(len + scan * (unsigned long)repeats);
    int ok = last && out;
    if (ok) {
        memcpy(out, buf, len - 2);
        for (int r = 0; r < repeats; r++)
            memcpy(out + len - 2 + scan * (unsigned long)r, buf + last, scan);
        memcpy(out + len - 2 + scan * (unsigned long)repeats, "\xFF\xD9", 2);
        ok = hostile_write(path, out, len + scan * (unsigned long)repeats);
    }
    free(out);
    free(buf);
    return ok;
}

int hostile_jpeg_cut_closed(const char *path)
{
    static const unsigned char red[3] = {200, 40, 40};
    unsigned char *buf;
    unsigned long len;
    if (!jpeg_encode(300, 260, 3, JCS_RGB, red, 0, &buf, &len))
        return 0;
    unsigned long keep = len / 3;
    buf[keep] = 0xFF, buf[keep + 1] = 0xD9;
    int ok = hostile_write(path, buf, keep + 2);
    free(buf);
    return ok;
}

int hostile_jpeg_patched(const char *path, int kind)
{
    static const unsigned char grey[3] = {100, 100, 100};
    unsigned char *buf;
    unsigned long len;
    if (!jpeg_encode(64, 48, 3, JCS_RGB, grey, 0, &buf, &len))
        return 0;
    int ok = 0;
    for (unsigned long i = 0; i + 4 < len && !ok; i++)
        if (buf[i] == 0xFF && buf[i + 1] == 0xC0) {
            if (kind == 0)
                buf[i + 4] = 12; /* FF C0, length (2 bytes), precision */
            else
                buf[i + 1] = 0xC3;
            ok = 1;
        }
    ok = ok && hostile_write(path, buf, len);
    free(buf);
    return ok;
}

/* ---------------------------------------------------------------- GIF */

typedef struct {
    unsigned char *b;
    size_t len, cap;
} membuf;

static int gif_put(GifFileType *g, const GifByteType *data, int n)
{
    membuf *m = g->UserData;
    if (m->len + (size_t)n > m->cap) {
        size_t cap = (m->cap ? m->cap * 2 : 4096) + (size_t)n;
        unsigned char *p = realloc(m->b, cap);
        if (!p)
            return 0;
        m->b = p, m->cap = cap;
    }
    memcpy(m->b + m->len, data, (size_t)n);
    m->len += (size_t)n;
    return n;
}

/* A w×h GIF of 256 colours: the pixel (x, y) is index f(x, y) of a grey ramp (noise: 1) or
 * index 0 of a one-colour table (c). */
static int gif_encode(membuf *m, int w, int h, int noise, const unsigned char *c)
{
    int e;
    GifFileType *g = EGifOpen(m, gif_put, &e);
    if (!g)
        return 0;
    GifColorType colours[256];
    for (int i = 0; i < 256; i++)
        colours[i] = noise ? (GifColorType){(GifByteType)i, (GifByteType)i, (GifByteType)i}
                           : (GifColorType){c[0], c[1], c[2]};
    ColorMapObject *map = GifMakeMapObject(256, colours);
    unsigned char *line = malloc((size_t)w);
    int ok = map && line && EGifPutScreenDesc(g, w, h, 8, 0, map) != GIF_ERROR &&
             EGifPutImageDesc(g, 0, 0, w, h, false, NULL) != GIF_ERROR;
    uint32_t rng = 7;
    for (int y = 0; y < h && ok; y++) {
        for (int x = 0; x < w; x++) {
            rng = rng * 1664525u + 1013904223u;
            line[x] = noise ? (GifPixelType)(rng >> 24) : 0;
        }
        ok = EGifPutLine(g, line, w) != GIF_ERROR;
    }
    ok = EGifCloseFile(g, &e) != GIF_ERROR && ok;
    GifFreeMapObject(map);
    free(line);
    return ok;
}

int hostile_gif_cut_closed(const char *path)
{
    membuf m = {0};
    int ok = gif_encode(&m, 96, 96, 1, NULL);
    if (ok) {
        size_t keep = m.len / 2;
        m.b[keep] = 0, m.b[keep + 1] = ';';
        ok = hostile_write(path, m.b, keep + 2);
    }
    free(m.b);
    return ok;
}

int hostile_gif(const char *path, const unsigned char rgb[3])
{
    membuf m = {0};
    int ok = gif_encode(&m, 64, 64, 0, rgb) && hostile_write(path, m.b, m.len);
    free(m.b);
    return ok;
}

/* ---------------------------------------------------------------- PNG */

static int png_file(const char *path, int w, int h, int type, int bits, int interlace, int level,
                    const unsigned char *row, int (*palette)(png_structp, png_infop))
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = p ? png_create_info_struct(p) : NULL;
    if (!info || setjmp(png_jmpbuf(p))) {
        png_destroy_write_struct(&p, info ? &info : NULL);
        fclose(f);
        return 0;
    }
    png_init_io(p, f);
    png_set_compression_level(p, level);
    png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, bits, type,
                 interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    if (palette)
        palette(p, info);
    png_write_info(p, info);
    int passes = interlace ? png_set_interlace_handling(p) : 1;
    for (int pass = 0; pass < passes; pass++)
        for (int y = 0; y < h; y++)
            png_write_row(p, row);
    png_write_end(p, info);
    png_destroy_write_struct(&p, &info);
    return fclose(f) == 0;
}

int hostile_png(const char *path, int w, int h, int channels, int bits, int interlace,
                const unsigned short *px)
{
    static const int types[5] = {0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                 PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
    int bytes = bits / 8;
    unsigned char *row = malloc((size_t)w * channels * bytes);
    if (!row)
        return 0;
    for (int x = 0; x < w; x++)
        for (int c = 0; c < channels; c++) {
            unsigned char *d = row + ((size_t)x * channels + c) * bytes;
            if (bytes == 2)
                d[0] = (unsigned char)(px[c] >> 8), d[1] = (unsigned char)px[c]; /* big-endian */
            else
                d[0] = (unsigned char)px[c];
        }
    int ok = png_file(path, w, h, types[channels], bits, interlace, 6, row, NULL);
    free(row);
    return ok;
}

static int two_entries(png_structp p, png_infop info)
{
    png_color pal[2] = {{200, 30, 30}, {30, 30, 200}};
    png_byte trns[2] = {255, 128};
    png_set_PLTE(p, info, pal, 2);
    png_set_tRNS(p, info, trns, 2, NULL);
    return 1;
}

int hostile_png_palette(const char *path, int w, int h)
{
    unsigned char *row = malloc((size_t)w);
    if (!row)
        return 0;
    for (int x = 0; x < w; x++)
        row[x] = x >= w / 2;
    int ok = png_file(path, w, h, PNG_COLOR_TYPE_PALETTE, 8, 0, 6, row, two_entries);
    free(row);
    return ok;
}

int hostile_png16_bomb(const char *path)
{
    enum { SIDE = 8192 };
    unsigned char *row = calloc((size_t)SIDE * 8, 1);
    if (!row)
        return 0;
    int ok = png_file(path, SIDE, SIDE, PNG_COLOR_TYPE_RGB_ALPHA, 16, 0, 9, row, NULL);
    free(row);
    return ok;
}

/* ---------------------------------------------------------------- BMP, PPM */

static void put_le(unsigned char *p, uint32_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

int hostile_bmp_topdown(const char *path, int w, int h)
{
    size_t row = ((size_t)w * 3 + 3) / 4 * 4, len = 54 + row * h;
    unsigned char *b = calloc(len, 1);
    if (!b)
        return 0;
    b[0] = 'B', b[1] = 'M';
    put_le(b + 2, (uint32_t)len, 4);
    put_le(b + 10, 54, 4);
    put_le(b + 14, 40, 4);
    put_le(b + 18, (uint32_t)w, 4);
    put_le(b + 22, (uint32_t)-h, 4); /* negative: the first row stored is the top one */
    put_le(b + 26, 1, 2);
    put_le(b + 28, 24, 2);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = b + 54 + row * y + 3 * (size_t)x; /* B, G, R */
            int top = y < h / 2;
            p[0] = top ? 0 : 255, p[1] = 0, p[2] = top ? 255 : 0;
        }
    int ok = hostile_write(path, b, len);
    free(b);
    return ok;
}

int hostile_bmp_os2_palette(const char *path)
{
    /* file header 14, core header 12 (w, h as 16 bits, planes, bpp), 256 RGB triples, 4×4 */
    size_t len = 14 + 12 + 256 * 3 + 16;
    unsigned char *b = calloc(len, 1);
    if (!b)
        return 0;
    b[0] = 'B', b[1] = 'M';
    put_le(b + 2, (uint32_t)len, 4);
    put_le(b + 10, 14 + 12 + 256 * 3, 4);
    put_le(b + 14, 12, 4);
    put_le(b + 18, 4, 2);
    put_le(b + 20, 4, 2);
    put_le(b + 22, 1, 2);
    put_le(b + 24, 8, 2);
    int ok = hostile_write(path, b, len);
    free(b);
    return ok;
}

int hostile_bmp_negative_width(const char *path)
{
    if (!hostile_bmp_topdown(path, 300, 200))
        return 0;
    FILE *f = fopen(path, "r+b");
    unsigned char w[4];
    put_le(w, (uint32_t)-300, 4);
    int ok = f && fseek(f, 18, SEEK_SET) == 0 && fwrite(w, 1, 4, f) == 4;
    if (f)
        ok &= fclose(f) == 0;
    return ok;
}

int hostile_pgm_cr(const char *path, unsigned char v)
{
    static const char head[] = "P5\r# scanned\r300 260\r255\r";
    size_t len = sizeof head - 1 + 300 * 260;
    unsigned char *b = malloc(len);
    if (!b)
        return 0;
    memcpy(b, head, sizeof head - 1);
    memset(b + sizeof head - 1, v, 300 * 260);
    int ok = hostile_write(path, b, len);
    free(b);
    return ok;
}

int hostile_ppm16(const char *path, int w, int h, const unsigned short rgb[3])
{
    char head[64];
    int hl = snprintf(head, sizeof head, "P6\n# 16 bits a sample\n%d %d\n65535\n", w, h);
    size_t len = (size_t)hl + (size_t)w * h * 6;
    unsigned char *b = malloc(len);
    if (!b)
        return 0;
    memcpy(b, head, (size_t)hl);
    for (size_t i = 0; i < (size_t)w * h; i++)
        for (int c = 0; c < 3; c++) {
            b[hl + 6 * i + 2 * c] = (unsigned char)(rgb[c] >> 8);
            b[hl + 6 * i + 2 * c + 1] = (unsigned char)rgb[c];
        }
    int ok = hostile_write(path, b, len);
    free(b);
    return ok;
}

/* ---------------------------------------------------------------- protobuf by hand */

/* A byte buffer written back to front, so that each message's length is known when its header
 * is written. */
typedef struct {
    unsigned char *b;
    size_t cap, start; /* the message is b[start, cap) */
} rbuf;

static int rb_grow(rbuf *r, size_t need)
{
    if (r->start >= need)
        return 1;
    size_t used = r->cap - r->start, cap = r->cap ? r->cap : 256;
    while (cap - used < need)
        cap *= 2;
    unsigned char *n = malloc(cap);
    if (!n)
        return 0;
    if (used)
        memcpy(n + cap - used, r->b + r->start, used);
    free(r->b);
    r->b = n, r->start = cap - used, r->cap = cap;
    return 1;
}

static int rb_bytes(rbuf *r, const void *p, size_t n)
{
    if (!rb_grow(r, n))
        return 0;
    r->start -= n;
    memcpy(r->b + r->start, p, n);
    return 1;
}

static int rb_varint(rbuf *r, uint64_t v)
{
    unsigned char tmp[10];
    int n = 0;
    do {
        tmp[n] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            tmp[n] |= 0x80;
        n++;
    } while (v);
    return rb_bytes(r, tmp, (size_t)n);
}

static size_t rb_len(const rbuf *r) { return r->cap - r->start; }

/* Prefixes everything written since `mark` bytes were there with field `field`'s tag and
 * length: it becomes one length-delimited field. */
static int rb_wrap(rbuf *r, size_t mark, int field)
{
    return rb_varint(r, rb_len(r) - mark) && rb_varint(r, (uint64_t)field << 3 | 2);
}

static int rb_string(rbuf *r, int field, const char *s)
{
    size_t mark = rb_len(r);
    return rb_bytes(r, s, strlen(s)) && rb_wrap(r, mark, field);
}

/* Writes ModelProto { ir_version (1) 8, graph (7) = what r holds, opset_import (8) { version (2)
 * 13 } } to path, and frees r. */
static int rb_model(rbuf *r, const char *path)
{
    static const unsigned char ir[] = {0x08, 0x08}, opset[] = {0x42, 0x02, 0x10, 0x0d};
    int ok = rb_wrap(r, 0, 7) && rb_bytes(r, ir, sizeof ir);
    size_t len = rb_len(r);
    unsigned char *all = ok ? malloc(len + sizeof opset) : NULL;
    if (all) {
        memcpy(all, r->b + r->start, len);
        memcpy(all + len, opset, sizeof opset);
        ok = hostile_write(path, all, len + sizeof opset);
    }
    int made = all != NULL;
    free(all);
    free(r->b);
    return ok && made;
}

int hostile_onnx_deep(const char *path, int levels)
{
    rbuf r = {0};
    int ok = 1;
    /* innermost: an empty TypeProto; then TypeProto { sequence_type (4) { elem_type (1) } } */
    for (int i = 0; i < levels && ok; i++)
        ok = rb_wrap(&r, 0, 1) && rb_wrap(&r, 0, 4);
    /* ValueInfoProto { name (1) "data", type (2) }: as a graph input (11) */
    ok = ok && rb_wrap(&r, 0, 2) && rb_string(&r, 1, "data") && rb_wrap(&r, 0, 11);
    if (!ok) {
        free(r.b);
        return 0;
    }
    return rb_model(&r, path);
}

int hostile_onnx_nodes(const char *path, int nodes)
{
    rbuf r = {0};
    int ok = 1;
    for (int i = 0; i < nodes && ok; i++) {
        size_t mark = rb_len(&r);
        /* NodeProto { input (1) "x", output (2) "x", op_type (4) "Relu" } as graph.node (1) */
        ok = rb_string(&r, 4, "Relu") && rb_string(&r, 2, "x") && rb_string(&r, 1, "x") &&
             rb_wrap(&r, mark, 1);
    }
    if (!ok) {
        free(r.b);
        return 0;
    }
    return rb_model(&r, path);
}

int hostile_onnx_merge(const char *path, int repeats)
{
    rbuf r = {0};
    int ok = 1;
    /* NodeProto { op_type "Relu", attribute (5) { name "t", t (5) { dims 1 2 3 4 } × repeats } } */
    for (int i = 0; i < repeats && ok; i++) {
        static const unsigned char dims[] = {0x08, 1, 0x08, 2, 0x08, 3, 0x08, 4};
        size_t mark = rb_len(&r);
        ok = rb_bytes(&r, dims, sizeof dims) && rb_wrap(&r, mark, 5);
    }
    ok = ok && rb_string(&r, 1, "t") && rb_wrap(&r, 0, 5) && rb_string(&r, 4, "Relu") &&
         rb_wrap(&r, 0, 1);
    if (!ok) {
        free(r.b);
        return 0;
    }
    return rb_model(&r, path);
}

int hostile_onnx_wide(const char *path, int width, int side)
{
    om_opts o;
    om_opts_zoo(&o);
    o.width[0] = width;
    o.input_size = side;
    om_model *m = om_alexnet(&o);
    int ok = m && om_save(m, path, 0);
    om_free(m);
    return ok;
}

/* ---------------------------------------------------------------- extreme values */

int hostile_onnx_extreme(const char *path, float value)
{
    om_opts o;
    om_opts_zoo(&o);
    om_model *m = om_alexnet(&o);
    if (!m)
        return 0;
    for (int layer = 1; layer <= 8; layer++)
        for (int bias = 0; bias < 2; bias++) {
            Onnx__TensorProto *t = om_layer_tensor(m, layer, bias);
            for (size_t i = 0; t && i < t->n_float_data; i++)
                t->float_data[i] = value;
        }
    int ok = om_save(m, path, 0);
    om_free(m);
    return ok;
}

int hostile_npy_subnormal(const char *path, int S)
{
    size_t n = 3 * (size_t)S * S;
    float *x = malloc(n * sizeof *x);
    if (!x)
        return 0;
    uint32_t one = 1; /* the smallest positive float: 2^-149 ≈ 1.4e-45 */
    for (size_t i = 0; i < n; i++)
        memcpy(&x[i], &one, 4);
    int shape[3] = {3, S, S};
    net_err e = {0};
    int ok = net_npy_save(path, x, shape, 3, &e) == NET_OK;
    free(x);
    return ok;
}

/* ---------------------------------------------------------------- the corpus */

static const struct {
    const char *name;
    const char *bytes;
    size_t len;
} refused[] = {
    {"heic.heic",
     "\0\0\0\x18"
     "ftypheic\0\0\0\0mif1heic",
     24},
    {"avif.avif",
     "\0\0\0\x1c"
     "ftypavif\0\0\0\0avifmif1miaf",
     28},
    {"webp.webp", "RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0", 20},
    {"tiff.tif", "II*\0\x08\0\0\0\0\0", 10},
    {"ico.ico", "\0\0\1\0\1\0\x10\x10\0\0\1\0\x20\0\x68\4\0\0\x16\0\0\0", 22},
    {"ascii.ppm", "P3\n2 1\n255\n255 0 0 0 0 255\n", 27},
    {"ascii.pgm", "P2\n2 1\n255\n0 255\n", 17},
};

static int corpus_file(const char *dir, const char *sub, const char *name, char *path, size_t len)
{
    snprintf(path, len, "%s/%s", dir, sub);
    if (mkdir(path, 0777) && errno != EEXIST)
        return 0;
    snprintf(path, len, "%s/%s/%s", dir, sub, name);
    return 1;
}

int hostile_write_corpus(const char *dir)
{
    static const unsigned char red[3] = {220, 30, 30}, cmyk[4] = {0, 255, 255, 0};
    static const unsigned short rgba16[4] = {65535, 32768, 0, 40000}, ga16[2] = {30000, 65535};
    static const unsigned short rgb16[3] = {65535, 256, 0};
    char p[4096];
    int n = 0;
    if (mkdir(dir, 0777) && errno != EEXIST)
        return 0;
#define PHOTO(name, call)                                                  \
    do {                                                                   \
        if (!corpus_file(dir, "fuzz_input", name, p, sizeof p) || !(call)) \
            return 0;                                                      \
        n++;                                                               \
    } while (0)
#define MODEL(name, call)                                                 \
    do {                                                                  \
        if (!corpus_file(dir, "fuzz_onnx", name, p, sizeof p) || !(call)) \
            return 0;                                                     \
        n++;                                                              \
    } while (0)
    PHOTO("dht.jpg", hostile_jpeg_dht(p));
    PHOTO("progressive.jpg", hostile_jpeg(p, 40, 30, red, 1));
    PHOTO("cmyk.jpg", hostile_jpeg_cmyk(p, 40, 30, cmyk));
    PHOTO("grey.jpg", hostile_jpeg_grey(p, 40, 30, 99));
    PHOTO("rgba16.png", hostile_png(p, 20, 10, 4, 16, 0, rgba16));
    PHOTO("ga16-interlaced.png", hostile_png(p, 20, 10, 2, 16, 1, ga16));
    PHOTO("palette.png", hostile_png_palette(p, 20, 10));
    PHOTO("topdown.bmp", hostile_bmp_topdown(p, 8, 6));
    PHOTO("deep16.ppm", hostile_ppm16(p, 8, 6, rgb16));
    PHOTO("subnormal.npy", hostile_npy_subnormal(p, 4));
    PHOTO("rescan.jpg", hostile_jpeg_rescan(p, 64, 20));
    PHOTO("cut-closed.jpg", hostile_jpeg_cut_closed(p));
    PHOTO("precision12.jpg", hostile_jpeg_patched(p, 0));
    PHOTO("lossless.jpg", hostile_jpeg_patched(p, 1));
    PHOTO("cut-closed.gif", hostile_gif_cut_closed(p));
    PHOTO("os2.bmp", hostile_bmp_os2_palette(p));
    PHOTO("negative-width.bmp", hostile_bmp_negative_width(p));
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        PHOTO(refused[i].name, hostile_write(p, refused[i].bytes, refused[i].len));
    MODEL("deep.onnx", hostile_onnx_deep(p, 6000));
    MODEL("nodes.onnx", hostile_onnx_nodes(p, 2000));
    MODEL("merge.onnx", hostile_onnx_merge(p, 200));
    MODEL("huge-weights.onnx", hostile_onnx_extreme(p, 3e38f));
    MODEL("tiny-weights.onnx", hostile_onnx_extreme(p, 1e-45f));
    static const float bad[4] = {1, 2, 3, 4};
    static const int64_t dims[2] = {2, 2};
    MODEL("tensor.pb", om_write_tensor(p, bad, dims, 2, 1));
#undef PHOTO
#undef MODEL
    return n;
}
