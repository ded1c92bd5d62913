/* input.c: photos and .npy tensors in; .npy tensors and whole files out.
 *
 * A photo becomes the network input the way trained AlexNet weights expect it. stb_image reads
 * the header first, so an image that claims more than NET_MAX_PIXELS is refused before anything
 * is allocated; then it decodes. stb_image_resize scales the shorter side to pp->resize and
 * produces only the centre S×S window of that scaled image (one pass, no full-size copy), in
 * byte values without gamma, as Caffe and torchvision do. Grey becomes R = G = B; alpha is
 * composited on white, so a transparent background reads as paper rather than as black. Each
 * pixel then becomes pixel·scale − mean in the net's channel order.
 *
 * A .npy file is the input as is; its displayable photo is rebuilt by undoing pp. The .npy reader
 * is strict (float32, little-endian, C order, 1–4 dimensions, exact length) and names the rule a
 * file broke. Every write goes through a temporary file in the destination folder and a rename,
 * so a reader sees the old file or the whole new one, never half of one.
 *
 * stb_image itself forgives truncation in several formats (BMP, GIF, TGA, PNM, PSD fill the
 * missing rows with zeros), so the decoder reads through callbacks that note any request past the
 * last byte, and such a file is refused as truncated.
 *
 * Not here: .npz and pickled arrays, EXIF orientation, colour profiles, animation beyond the first
 * GIF frame. Debian's libstb.so carries stb_image's and stb_image_resize's implementations, so
 * this file includes their headers only for the declarations.
 */
#include "alexnet.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <stb_image.h>
#include <stb_image_resize.h>

/* The largest file read whole into memory: room for a NET_MAX_PIXELS photo stored raw, and for
 * the largest tensor below. */
#define INPUT_MAX_FILE_BYTES (512LL << 20)
/* The largest .npy read, in floats: fc6's weights (4096·9216 = 37.7 M) fit with room. */
#define NPY_MAX_COUNT (64LL << 20)
/* numpy itself writes headers of a few hundred bytes; anything larger is not a tensor we want. */
#define NPY_MAX_HEADER 65536
/* Dimensions parsed from a header before giving up; only 1–4 are accepted, but the message
 * should show what the file holds. */
#define NPY_PARSE_DIMS 8
/* Beyond this the longer side would resample from a sliver of the photo. */
#define INPUT_MAX_ASPECT 256

/* ---------------------------------------------------------------- small helpers */

static const unsigned char npy_magic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

static int ends_with_npy(const char *name)
{
    size_t n = strlen(name);
    if (n < 4)
        return 0;
    const char *e = name + n - 4;
    return e[0] == '.' && (e[1] | 32) == 'n' && (e[2] | 32) == 'p' && (e[3] | 32) == 'y';
}

/* Reads a whole regular file of at most max bytes; *out is malloc'd (at least 1 byte). */
static net_status read_file(const char *path, long long max, unsigned char **out, size_t *len,
                            net_err *err)
{
    *out = NULL;
    *len = 0;
    if (!path)
        return net_fail(err, NET_ERR_ARG, "no file name given");
    FILE *f = fopen(path, "rb");
    if (!f)
        return net_fail(err, NET_ERR_IO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st)) {
        int e = errno;
        fclose(f);
        return net_fail(err, NET_ERR_IO, "%s: %s", path, strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        fclose(f);
        return net_fail(err, NET_ERR_IO, "%s: is a folder, not a file", path);
    }
    if (!S_ISREG(st.st_mode)) {
        fclose(f);
        return net_fail(err, NET_ERR_IO, "%s: not a regular file", path);
    }
    if ((long long)st.st_size > max) {
        fclose(f);
        return net_fail(err, NET_ERR_LIMIT, "%s: %lld bytes; at most %lld are read", path,
                        (long long)st.st_size, max);
    }
    size_t n = (size_t)st.st_size;
    unsigned char *buf = malloc(n ? n : 1);
    if (!buf) {
        fclose(f);
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for %zu bytes", path, n);
    }
    size_t got = fread(buf, 1, n, f);
    int failed = ferror(f), e = errno;
    fclose(f);
    if (got != n) {
        free(buf);
        if (failed)
            return net_fail(err, NET_ERR_IO, "%s: read failed: %s", path, strerror(e));
        return net_fail(err, NET_ERR_IO, "%s: the file shrank from %zu to %zu bytes while being "
                        "read", path, n, got);
    }
    *out = buf;
    *len = n;
    return NET_OK;
}

/* ---------------------------------------------------------------- preprocessing */

void net_preproc_caffe(net_preproc *pp)
{
    /* The per-channel means of Caffe's ilsvrc_2012_mean.npy, in BGR order. */
    pp->bgr = 1;
    pp->mean[0] = 104.00698793f;
    pp->mean[1] = 116.66876762f;
    pp->mean[2] = 122.67891434f;
    pp->scale = 1.0f;
    pp->resize = 256;
}

static net_status check_request(const net_input *in, int size, const net_preproc *pp,
                                const char *name, net_err *err)
{
    if (!in || !pp)
        return net_fail(err, NET_ERR_ARG, "%s: no input or preprocessing given", name);
    if (size < 1 || size > 4096)
        return net_fail(err, NET_ERR_ARG, "%s: input size %d; expected 1..4096", name, size);
    if (pp->resize < size || pp->resize > 65536)
        return net_fail(err, NET_ERR_ARG, "%s: resize %d; expected %d..65536 (at least the crop)",
                        name, pp->resize, size);
    if (!isfinite(pp->scale) || pp->scale == 0.0f)
        return net_fail(err, NET_ERR_ARG, "%s: pixel scale %g; expected a finite nonzero number",
                        name, (double)pp->scale);
    for (int c = 0; c < 3; c++)
        if (!isfinite(pp->mean[c]))
            return net_fail(err, NET_ERR_ARG, "%s: mean of channel %d is not finite", name, c);
    return NET_OK;
}

/* Which RGB channel feeds network channel c. */
static int rgb_channel(const net_preproc *pp, int c) { return pp->bgr ? 2 - c : c; }

/* (S, S, 3) RGB bytes → (3, S, S) network input. */
static void rgb_to_input(const unsigned char *rgb, int S, const net_preproc *pp, float *data)
{
    size_t plane = (size_t)S * S;
    for (int c = 0; c < 3; c++) {
        int k = rgb_channel(pp, c);
        float *d = data + c * plane;
        for (size_t i = 0; i < plane; i++)
            d[i] = rgb[3 * i + k] * pp->scale - pp->mean[c];
    }
}

/* (3, S, S) network input → (S, S, 3) RGB bytes, rounded and clamped. */
static void input_to_rgb(const float *data, int S, const net_preproc *pp, unsigned char *rgb)
{
    size_t plane = (size_t)S * S;
    for (int c = 0; c < 3; c++) {
        int k = rgb_channel(pp, c);
        const float *d = data + c * plane;
        for (size_t i = 0; i < plane; i++) {
            float v = (d[i] + pp->mean[c]) / pp->scale;
            v = v < 0.0f ? 0.0f : v > 255.0f ? 255.0f : v;
            rgb[3 * i + k] = (unsigned char)lrintf(v);
        }
    }
}

static net_status input_alloc(net_input *in, int S, const char *name, net_err *err)
{
    size_t plane = (size_t)S * S;
    in->size = S;
    in->data = malloc(3 * plane * sizeof(float));
    in->rgb = malloc(3 * plane);
    if (!in->data || !in->rgb) {
        net_input_free(in);
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for a %d×%d input", name, S, S);
    }
    return NET_OK;
}

/* ---------------------------------------------------------------- photos */

/* stb_image reads through these callbacks so that a request past the last byte is seen. */
typedef struct {
    const unsigned char *buf;
    size_t len, pos;
    int past_end; /* the decoder wanted more bytes than the file has */
} photo_reader;

static int photo_read(void *user, char *data, int size)
{
    photo_reader *r = user;
    size_t left = r->len - r->pos, n = size > 0 ? (size_t)size : 0;
    if (n > left) {
        /* stb asks for a whole 128-byte buffer at a time, so a short read is normal at the end;
         * a read that finds nothing at all means the decoder needed bytes that are missing. */
        if (left == 0)
            r->past_end = 1;
        n = left;
    }
    memcpy(data, r->buf + r->pos, n);
    r->pos += n;
    return (int)n;
}

static void photo_skip(void *user, int n)
{
    photo_reader *r = user;
    if (n < 0) {
        size_t back = (size_t)-(long long)n;
        r->pos = back > r->pos ? 0 : r->pos - back;
    } else if ((size_t)n > r->len - r->pos) {
        r->past_end = 1;
        r->pos = r->len;
    } else {
        r->pos += (size_t)n;
    }
}

static int photo_eof(void *user)
{
    const photo_reader *r = user;
    return r->pos >= r->len;
}

/* The size a PNG's IHDR claims. stb_image's own header probe rejects a PNG too large to decode
 * as "unknown image type", which would hide the reason. */
static int png_claimed_size(const unsigned char *b, size_t len, uint32_t *w, uint32_t *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    if (len < 24 || memcmp(b, sig, 8) || memcmp(b + 12, "IHDR", 4))
        return 0;
    *w = (uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19];
    *h = (uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23];
    return 1;
}

static net_status refuse_size(const char *name, unsigned long long w, unsigned long long h,
                              net_err *err)
{
    return net_fail(err, NET_ERR_LIMIT,
                    "%s: the header claims %llu×%llu = %llu pixels; at most %ld are decoded",
                    name, w, h, w * h, (long)NET_MAX_PIXELS);
}

static const char *stb_reason(void)
{
    const char *r = stbi_failure_reason();
    return r && *r ? r : "no reason given";
}

/* Decodes a photo into (h, w, n) bytes with n = 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
static net_status photo_decode(const unsigned char *buf, size_t len, const char *name,
                               unsigned char **pix, int *w, int *h, int *n, net_err *err)
{
    *pix = NULL;
    if (len > INT32_MAX)
        return net_fail(err, NET_ERR_LIMIT, "%s: %zu bytes; at most %d are decoded", name, len,
                        INT32_MAX);
    int hw = 0, hh = 0, hn = 0;
    if (!stbi_info_from_memory(buf, (int)len, &hw, &hh, &hn)) {
        uint32_t pw, ph;
        if (png_claimed_size(buf, len, &pw, &ph) && (uint64_t)pw * ph > (uint64_t)NET_MAX_PIXELS)
            return refuse_size(name, pw, ph, err);
        if (!strcmp(stb_reason(), "unknown image type"))
            return net_fail(err, NET_ERR_FORMAT,
                            "%s: not an image (neither JPEG, PNG, BMP, GIF, TGA, PSD, HDR, PIC, "
                            "PNM nor .npy)", name);
        return net_fail(err, NET_ERR_FORMAT, "%s: corrupt image header (stb_image: %s)", name,
                        stb_reason());
    }
    if (hw < 1 || hh < 1)
        return net_fail(err, NET_ERR_FORMAT, "%s: the header claims a %d×%d image", name, hw, hh);
    if ((int64_t)hw * hh > NET_MAX_PIXELS)
        return refuse_size(name, (unsigned long long)hw, (unsigned long long)hh, err);

    photo_reader r = {buf, len, 0, 0};
    stbi_io_callbacks io = {photo_read, photo_skip, photo_eof};
    unsigned char *p = stbi_load_from_callbacks(&io, &r, w, h, n, 0);
    if (!p) {
        if (!strcmp(stb_reason(), "outofmem"))
            return net_fail(err, NET_ERR_NOMEM, "%s: out of memory decoding a %d×%d image", name,
                            hw, hh);
        return net_fail(err, NET_ERR_FORMAT, "%s: corrupt or truncated image (stb_image: %s)",
                        name, stb_reason());
    }
    if (r.past_end) {
        stbi_image_free(p);
        return net_fail(err, NET_ERR_FORMAT,
                        "%s: truncated image: the %d×%d picture needs more than the file's %zu "
                        "bytes", name, hw, hh, len);
    }
    if (*w != hw || *h != hh || *n < 1 || *n > 4) {
        stbi_image_free(p);
        return net_fail(err, NET_ERR_FORMAT, "%s: the header says %d×%d but %d×%d×%d was decoded",
                        name, hw, hh, *w, *h, *n);
    }
    *pix = p;
    return NET_OK;
}

/* Scales (h, w, n) so that its shorter side is `resize` and returns the centre (S, S, n) of the
 * result. Only the window is computed: stb_image_resize takes the scale and the offset of the
 * window, and still filters across the window's edges from the real neighbouring pixels. */
static net_status photo_scale_crop(const unsigned char *pix, int w, int h, int n, int resize,
                                   int S, unsigned char *out, const char *name, net_err *err)
{
    int shorter = w < h ? w : h, longer = w < h ? h : w;
    if ((int64_t)longer > (int64_t)shorter * INPUT_MAX_ASPECT)
        return net_fail(err, NET_ERR_SHAPE, "%s: a %d×%d image is more elongated than %d:1", name,
                        w, h, INPUT_MAX_ASPECT);
    double scale = (double)resize / shorter;
    /* The scaled size, rounded like every resize tool; the crop sits in its middle. */
    long sw = lround(w * scale), sh = lround(h * scale);
    if (sw < S)
        sw = S;
    if (sh < S)
        sh = S;
    float off_x = (float)((sw - S) / 2), off_y = (float)((sh - S) / 2);
    int alpha = n == 2 ? 1 : n == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE;
    if (!stbir_resize_subpixel(pix, w, h, w * n, out, S, S, S * n, STBIR_TYPE_UINT8, n, alpha, 0,
                               STBIR_EDGE_CLAMP, STBIR_EDGE_CLAMP, STBIR_FILTER_DEFAULT,
                               STBIR_FILTER_DEFAULT, STBIR_COLORSPACE_LINEAR, NULL,
                               (float)sw / w, (float)sh / h, off_x, off_y))
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory resizing a %d×%d image", name, w,
                        h);
    return NET_OK;
}

/* (S, S, n) → (S, S, 3): grey repeated, alpha composited on white. */
static void photo_to_rgb(const unsigned char *src, int n, size_t count, unsigned char *rgb)
{
    for (size_t i = 0; i < count; i++) {
        const unsigned char *p = src + i * (size_t)n;
        unsigned a = n == 2 ? p[1] : n == 4 ? p[3] : 255;
        for (int k = 0; k < 3; k++) {
            unsigned c = n <= 2 ? p[0] : p[k];
            rgb[3 * i + k] = (unsigned char)((c * a + 255 * (255 - a) + 127) / 255);
        }
    }
}

static net_status photo_load(net_input *in, const unsigned char *buf, size_t len,
                             const char *name, int S, const net_preproc *pp, net_err *err)
{
    unsigned char *pix, *crop = NULL;
    int w, h, n;
    net_status st = photo_decode(buf, len, name, &pix, &w, &h, &n, err);
    if (st != NET_OK)
        return st;
    crop = malloc((size_t)S * S * (size_t)n); /* (S, S, n) */
    if (!crop) {
        st = net_fail(err, NET_ERR_NOMEM, "%s: out of memory for the crop", name);
        goto done;
    }
    st = photo_scale_crop(pix, w, h, n, pp->resize, S, crop, name, err);
    if (st != NET_OK)
        goto done;
    st = input_alloc(in, S, name, err);
    if (st != NET_OK)
        goto done;
    photo_to_rgb(crop, n, (size_t)S * S, in->rgb);
    rgb_to_input(in->rgb, S, pp, in->data);
    in->src_w = w;
    in->src_h = h;
    in->is_npy = 0;
done:
    free(crop);
    stbi_image_free(pix);
    return st;
}

/* ---------------------------------------------------------------- .npy: the header */

typedef struct {
    char descr[16];
    int fortran;                   /* -1 until seen */
    int ndim;                      /* -1 until seen */
    long long dims[NPY_PARSE_DIMS];
} npy_header;

typedef struct {
    const char *p, *end;
} npy_cursor;

static void cur_space(npy_cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

static int cur_take(npy_cursor *c, char ch)
{
    cur_space(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return 1;
    }
    return 0;
}

/* A Python string literal without escapes: 'abc' or "abc". */
static int cur_string(npy_cursor *c, char *out, size_t cap)
{
    cur_space(c);
    if (c->p >= c->end || (*c->p != '\'' && *c->p != '"'))
        return 0;
    char q = *c->p++;
    size_t n = 0;
    while (c->p < c->end && *c->p != q) {
        if (*c->p == '\\' || n + 1 >= cap)
            return 0;
        out[n++] = *c->p++;
    }
    if (c->p >= c->end)
        return 0;
    c->p++;
    out[n] = 0;
    return 1;
}

static int cur_word(npy_cursor *c, const char *word)
{
    cur_space(c);
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) >= n && !memcmp(c->p, word, n)) {
        c->p += n;
        return 1;
    }
    return 0;
}

/* A tuple of non-negative integers: (), (4096,), (3, 227, 227). Returns the count or -1. */
static int cur_shape(npy_cursor *c, long long *dims)
{
    if (!cur_take(c, '('))
        return -1;
    int nd = 0;
    for (;;) {
        if (cur_take(c, ')'))
            return nd;
        cur_space(c);
        if (c->p >= c->end || *c->p < '0' || *c->p > '9' || nd == NPY_PARSE_DIMS)
            return -1;
        long long v = 0;
        while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
            v = v * 10 + (*c->p++ - '0');
            if (v > (1LL << 40))
                return -1;
        }
        if (c->p < c->end && *c->p == 'L') /* Python 2 longs */
            c->p++;
        dims[nd++] = v;
        if (!cur_take(c, ',')) {
            if (!cur_take(c, ')'))
                return -1;
            return nd;
        }
    }
}

/* Parses numpy's header, a Python dict literal with exactly the keys descr, fortran_order and
 * shape; *why says what was wrong. */
static int npy_parse_header(const char *text, size_t len, npy_header *h, const char **why)
{
    npy_cursor c = {text, text + len};
    h->descr[0] = 0;
    h->fortran = -1;
    h->ndim = -1;
    *why = "expected '{'";
    if (!cur_take(&c, '{'))
        return 0;
    for (;;) {
        char key[32];
        if (cur_take(&c, '}'))
            break;
        *why = "expected a quoted key";
        if (!cur_string(&c, key, sizeof key))
            return 0;
        *why = "expected ':' after a key";
        if (!cur_take(&c, ':'))
            return 0;
        if (!strcmp(key, "descr")) {
            *why = "'descr' is not a plain type string";
            if (!cur_string(&c, h->descr, sizeof h->descr))
                return 0;
        } else if (!strcmp(key, "fortran_order")) {
            *why = "'fortran_order' is neither True nor False";
            if (cur_word(&c, "True"))
                h->fortran = 1;
            else if (cur_word(&c, "False"))
                h->fortran = 0;
            else
                return 0;
        } else if (!strcmp(key, "shape")) {
            *why = "'shape' is not a tuple of up to 8 whole numbers";
            h->ndim = cur_shape(&c, h->dims);
            if (h->ndim < 0)
                return 0;
        } else {
            *why = "a key other than descr, fortran_order and shape";
            return 0;
        }
        if (!cur_take(&c, ',')) {
            *why = "expected ',' or '}'";
            if (!cur_take(&c, '}'))
                return 0;
            break;
        }
    }
    cur_space(&c);
    *why = "text after the closing '}'";
    if (c.p != c.end)
        return 0;
    *why = "descr, fortran_order or shape is missing";
    return h->descr[0] && h->fortran >= 0 && h->ndim >= 0;
}

/* "(3, 227, 227)" as Python prints a shape. */
static void shape_str(const long long *dims, int nd, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < nd && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%lld", i ? ", " : "", dims[i]);
    if (n < cap)
        snprintf(buf + n, cap - n, nd == 1 ? ",)" : ")");
}

/* "float64" for '<f8': what numpy calls a descr, so the message reads naturally. */
static void dtype_name(const char *descr, char *buf, size_t cap)
{
    const char *order = descr[0] == '>' ? "big-endian " : "";
    const char *t = descr[0] && strchr("<>=|", descr[0]) ? descr + 1 : descr;
    const char *kind = t[0] == 'f' ? "float" : t[0] == 'i' ? "int" : t[0] == 'u' ? "uint"
                     : t[0] == 'c' ? "complex" : t[0] == 'b' ? "bool" : NULL;
    char *end = "";
    long bytes = t[0] ? strtol(t + 1, &end, 10) : 0;
    if (!kind || bytes <= 0 || bytes > 32 || *end)
        snprintf(buf, cap, "not a plain number type");
    else if (t[0] == 'b')
        snprintf(buf, cap, "bool");
    else
        snprintf(buf, cap, "%s%s%ld", order, kind, bytes * 8);
}

/* ---------------------------------------------------------------- .npy: reading */

net_status net_npy_load_mem(const unsigned char *buf, size_t len, const char *name, float **data,
                            int shape[4], int *ndim, net_err *err)
{
    if (!name)
        name = "(memory)";
    if (!data || !shape || !ndim)
        return net_fail(err, NET_ERR_ARG, "%s: nowhere to put the tensor", name);
    *data = NULL;
    *ndim = 0;
    for (int i = 0; i < 4; i++)
        shape[i] = 0;
    if (!buf && len)
        return net_fail(err, NET_ERR_ARG, "%s: no bytes given", name);
    if (len < 10 || memcmp(buf, npy_magic, sizeof npy_magic))
        return net_fail(err, NET_ERR_FORMAT, "%s: not a .npy file (it does not start with "
                        "\\x93NUMPY)", name);
    int major = buf[6], minor = buf[7];
    size_t hlen, off;
    if (major == 1) {
        hlen = (size_t)buf[8] | (size_t)buf[9] << 8;
        off = 10;
    } else if (major == 2 || major == 3) {
        if (len < 12)
            return net_fail(err, NET_ERR_FORMAT, "%s: truncated .npy header (%zu bytes)", name,
                            len);
        hlen = (size_t)buf[8] | (size_t)buf[9] << 8 | (size_t)buf[10] << 16 |
               (size_t)buf[11] << 24;
        off = 12;
    } else {
        return net_fail(err, NET_ERR_UNSUPPORTED, "%s: .npy format version %d.%d; expected 1.0, "
                        "2.0 or 3.0", name, major, minor);
    }
    if (hlen > NPY_MAX_HEADER)
        return net_fail(err, NET_ERR_LIMIT, "%s: a .npy header of %zu bytes; at most %d expected",
                        name, hlen, NPY_MAX_HEADER);
    if (hlen > len - off)
        return net_fail(err, NET_ERR_FORMAT, "%s: truncated .npy header: it claims %zu bytes, "
                        "the file has %zu after the preamble", name, hlen, len - off);
    npy_header h;
    const char *why;
    if (!npy_parse_header((const char *)buf + off, hlen, &h, &why))
        return net_fail(err, NET_ERR_FORMAT, "%s: malformed .npy header: %s", name, why);
    off += hlen;

    char shp[160], found[48];
    shape_str(h.dims, h.ndim, shp, sizeof shp);
    if (strcmp(h.descr, "<f4")) {
        dtype_name(h.descr, found, sizeof found);
        return net_fail(err, NET_ERR_FORMAT, "%s: dtype '%s' (%s); expected '<f4' (float32, "
                        "little-endian)", name, h.descr, found);
    }
    if (h.fortran)
        return net_fail(err, NET_ERR_UNSUPPORTED, "%s: Fortran (column-major) order; expected C "
                        "order (save np.ascontiguousarray(x))", name);
    if (h.ndim < 1 || h.ndim > 4)
        return net_fail(err, NET_ERR_SHAPE, "%s: shape %s has %d dimensions; expected 1 to 4",
                        name, shp, h.ndim);
    long long count = 1;
    for (int i = 0; i < h.ndim; i++) {
        if (h.dims[i] < 1)
            return net_fail(err, NET_ERR_SHAPE, "%s: shape %s holds no numbers", name, shp);
        if (h.dims[i] > NPY_MAX_COUNT || count * h.dims[i] > NPY_MAX_COUNT)
            return net_fail(err, NET_ERR_LIMIT, "%s: shape %s is more than %lld floats", name,
                            shp, (long long)NPY_MAX_COUNT);
        count *= h.dims[i];
    }
    size_t need = (size_t)count * 4, have = len - off;
    if (have < need)
        return net_fail(err, NET_ERR_FORMAT, "%s: truncated: shape %s needs %zu bytes of data, "
                        "the file has %zu", name, shp, need, have);
    if (have > need)
        return net_fail(err, NET_ERR_FORMAT, "%s: %zu bytes of data where shape %s needs %zu",
                        name, have, shp, need);
    float *d = malloc(need);
    if (!d)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for shape %s", name, shp);
    /* Little-endian whatever the host, one byte at a time. */
    const unsigned char *src = buf + off;
    for (long long i = 0; i < count; i++) {
        const unsigned char *b = src + 4 * i;
        uint32_t u = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
                     (uint32_t)b[3] << 24;
        memcpy(&d[i], &u, 4);
    }
    *data = d;
    *ndim = h.ndim;
    for (int i = 0; i < h.ndim; i++)
        shape[i] = (int)h.dims[i];
    return NET_OK;
}

net_status net_npy_load(const char *path, float **data, int shape[4], int *ndim, net_err *err)
{
    unsigned char *buf;
    size_t len;
    net_status st = read_file(path, NPY_MAX_HEADER + 12 + NPY_MAX_COUNT * 4, &buf, &len, err);
    if (st == NET_OK)
        st = net_npy_load_mem(buf, len, path, data, shape, ndim, err);
    free(buf);
    return st;
}

static net_status npy_input_load(net_input *in, const unsigned char *buf, size_t len,
                                 const char *name, int S, const net_preproc *pp, net_err *err)
{
    float *d;
    int shape[4], nd;
    net_status st = net_npy_load_mem(buf, len, name, &d, shape, &nd, err);
    if (st != NET_OK)
        return st;
    int ok = (nd == 3 && shape[0] == 3 && shape[1] == S && shape[2] == S) ||
             (nd == 4 && shape[0] == 1 && shape[1] == 3 && shape[2] == S && shape[3] == S);
    if (!ok) {
        long long dims[4];
        char shp[96];
        for (int i = 0; i < nd; i++)
            dims[i] = shape[i];
        shape_str(dims, nd, shp, sizeof shp);
        free(d);
        return net_fail(err, NET_ERR_SHAPE, "%s: shape %s; expected (3, %d, %d) or (1, 3, %d, %d) "
                        "for a %d×%d input", name, shp, S, S, S, S, S, S);
    }
    size_t count = 3 * (size_t)S * S;
    for (size_t i = 0; i < count; i++) {
        if (!isfinite(d[i])) {
            free(d);
            return net_fail(err, NET_ERR_VALUE, "%s: element %zu is %s; the input must be finite",
                            name, i, isnan(d[i]) ? "NaN" : "infinite");
        }
    }
    in->size = S;
    in->data = d;
    in->rgb = malloc(count);
    if (!in->rgb) {
        net_input_free(in);
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for a %d×%d input", name, S, S);
    }
    input_to_rgb(d, S, pp, in->rgb);
    in->src_w = in->src_h = 0;
    in->is_npy = 1;
    return NET_OK;
}

/* ---------------------------------------------------------------- input */

net_status net_input_load_mem(net_input *in, const unsigned char *buf, size_t len, const char *name,
                              int size, const net_preproc *pp, net_err *err)
{
    if (!name)
        name = "(memory)";
    net_status st = check_request(in, size, pp, name, err);
    if (st != NET_OK)
        return st;
    memset(in, 0, sizeof *in);
    if (!buf || !len)
        return net_fail(err, NET_ERR_FORMAT, "%s: empty file", name);
    /* The magic decides; the extension only keeps a broken .npy from being called "not an
     * image". */
    if ((len >= sizeof npy_magic && !memcmp(buf, npy_magic, sizeof npy_magic)) ||
        ends_with_npy(name))
        return npy_input_load(in, buf, len, name, size, pp, err);
    return photo_load(in, buf, len, name, size, pp, err);
}

net_status net_input_load(net_input *in, const char *path, int size, const net_preproc *pp,
                          net_err *err)
{
    net_status st = check_request(in, size, pp, path ? path : "(no file)", err);
    if (st != NET_OK)
        return st;
    memset(in, 0, sizeof *in);
    unsigned char *buf;
    size_t len;
    st = read_file(path, INPUT_MAX_FILE_BYTES, &buf, &len, err);
    if (st == NET_OK)
        st = net_input_load_mem(in, buf, len, path, size, pp, err);
    free(buf);
    return st;
}

void net_input_free(net_input *in)
{
    if (!in)
        return;
    free(in->data);
    free(in->rgb);
    memset(in, 0, sizeof *in);
}

/* ---------------------------------------------------------------- writing */

static int write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return 0;
        }
        p += n;
        len -= (size_t)n;
    }
    return 1;
}

/* Creates a new file beside path, named .<name>.<pid>-<n>-<ns>.tmp. Not mkstemp: it creates
 * files with mode 0600 whatever the umask, and dumps should be as readable as any other file the
 * user writes. O_EXCL gives the same guarantee against clashes. */
static int temp_create(const char *path, char *tmp, size_t cap)
{
    static atomic_uint counter;
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    const char *base = slash ? slash + 1 : path;
    for (int attempt = 0; attempt < 100; attempt++) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        int n = snprintf(tmp, cap, "%.*s.%s.%ld-%u-%ld.tmp", dir_len, path, base, (long)getpid(),
                         atomic_fetch_add(&counter, 1), (long)t.tv_nsec);
        if (n < 0 || (size_t)n >= cap) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

net_status net_write_atomic(const char *path, const void *buf, size_t len, net_err *err)
{
    if (!path || !*path)
        return net_fail(err, NET_ERR_ARG, "no file name given");
    size_t plen = strlen(path);
    if (plen && path[plen - 1] == '/')
        return net_fail(err, NET_ERR_ARG, "%s: names a folder, not a file", path);
    if (!buf && len)
        return net_fail(err, NET_ERR_ARG, "%s: no bytes given", path);
    char tmp[4096 + 64];
    int fd = temp_create(path, tmp, sizeof tmp);
    if (fd < 0)
        return net_fail(err, NET_ERR_IO, "%s: cannot create a file in its folder: %s", path,
                        strerror(errno));
    if (!write_all(fd, buf, len)) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return net_fail(err, NET_ERR_IO, "%s: write failed: %s", path, strerror(e));
    }
    if (close(fd)) {
        int e = errno;
        unlink(tmp);
        return net_fail(err, NET_ERR_IO, "%s: write failed: %s", path, strerror(e));
    }
    if (rename(tmp, path)) {
        int e = errno;
        unlink(tmp);
        return net_fail(err, NET_ERR_IO, "%s: cannot replace the file: %s", path, strerror(e));
    }
    return NET_OK;
}

net_status net_npy_save(const char *path, const float *data, const int *shape, int ndim,
                        net_err *err)
{
    const char *name = path ? path : "(no file)";
    if (!data || !shape || ndim < 1 || ndim > 4)
        return net_fail(err, NET_ERR_ARG, "%s: %d dimensions; expected 1 to 4 and some data", name,
                        ndim);
    long long dims[4], count = 1;
    for (int i = 0; i < ndim; i++) {
        dims[i] = shape[i];
        if (shape[i] < 1)
            return net_fail(err, NET_ERR_ARG, "%s: dimension %d is %d; expected at least 1", name,
                            i, shape[i]);
        count *= shape[i];
        if (count > NPY_MAX_COUNT)
            return net_fail(err, NET_ERR_LIMIT, "%s: more than %lld floats", name,
                            (long long)NPY_MAX_COUNT);
    }
    /* Version 1.0: magic, version, a 2-byte length, then the dict padded with spaces and a
     * newline so that the data starts on a 64-byte boundary, as numpy writes it. */
    char shp[96], head[256];
    shape_str(dims, ndim, shp, sizeof shp);
    int dict = snprintf(head + 10, sizeof head - 10,
                        "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }", shp);
    size_t total = ((size_t)(10 + dict + 1) + 63) / 64 * 64;
    size_t hlen = total - 10;
    memcpy(head, npy_magic, sizeof npy_magic);
    head[6] = 1;
    head[7] = 0;
    head[8] = (char)(hlen & 0xff);
    head[9] = (char)(hlen >> 8);
    memset(head + 10 + dict, ' ', hlen - (size_t)dict - 1);
    head[total - 1] = '\n';

    /* Little-endian whatever the host, one byte at a time. */
    size_t bytes = (size_t)count * 4;
    unsigned char *file = malloc(total + bytes); /* header, then (shape) floats */
    if (!file)
        return net_fail(err, NET_ERR_NOMEM, "%s: out of memory for %zu bytes", name, bytes);
    memcpy(file, head, total);
    for (long long i = 0; i < count; i++) {
        uint32_t u;
        memcpy(&u, &data[i], 4);
        unsigned char *b = file + total + 4 * i;
        b[0] = (unsigned char)u;
        b[1] = (unsigned char)(u >> 8);
        b[2] = (unsigned char)(u >> 16);
        b[3] = (unsigned char)(u >> 24);
    }
    net_status st = net_write_atomic(path, file, total + bytes, err);
    free(file);
    return st;
}
