/* input.c: a photo or a .npy tensor becomes the network input.
 *
 * A photo becomes the input the way trained AlexNet weights expect it: decoded, its shorter side
 * scaled to pp->resize and its centre S×S cut (photo.c, run in a child process by
 * photo_child.c), then each pixel becomes pixel·scale − mean in the net's channel order. A .npy
 * file is the input as is (npy.c reads it); its displayable photo is rebuilt by undoing pp. The
 * bytes decide which of the two a file is; the name only keeps a broken .npy from being called
 * "not an image".
 */
#include "alexnet.h"
#include "net_internal.h"
#include "photo.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest file read whole into memory: room for a NET_MAX_PIXELS photo stored raw, and for
 * a 227 input tensor many times over. */
#define INPUT_MAX_FILE_BYTES (512LL << 20)

static int ends_with_npy(const char *name)
{
    size_t n = strlen(name);
    if (n < 4)
        return 0;
    const char *e = name + n - 4;
    return e[0] == '.' && (e[1] | 32) == 'n' && (e[2] | 32) == 'p' && (e[3] | 32) == 'y';
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
    if (pp->resize < 1 || pp->resize > 4096)
        return net_fail(err, NET_ERR_ARG, "%s: resize %d; expected 1..4096", name, pp->resize);
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

static net_status photo_load(net_input *in, const unsigned char *buf, size_t len, const char *name,
                             int S, const net_preproc *pp, int isolated, net_err *err)
{
    net_status st = input_alloc(in, S, name, err);
    if (st != NET_OK)
        return st;
    photo_out o = {in->rgb, 0, 0};
    /* a net whose input is larger than Caffe's 256 (a file may say 300) gets its photos scaled
     * to at least its input before the centre crop */
    int resize = pp->resize > S ? pp->resize : S;
    st = isolated ? photo_crop_isolated(buf, len, name, S, resize, &o, err)
                  : photo_crop(buf, len, name, S, resize, &o, err);
    if (st != NET_OK) {
        net_input_free(in);
        return st;
    }
    rgb_to_input(in->rgb, S, pp, in->data);
    in->src_w = o.src_w;
    in->src_h = o.src_h;
    in->is_npy = 0;
    return NET_OK;
}

/* ---------------------------------------------------------------- .npy */

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
        npy_shape_text(dims, nd, shp, sizeof shp);
        free(d);
        return net_fail(err, NET_ERR_SHAPE,
                        "%s: shape %s; expected (3, %d, %d) or (1, 3, %d, %d) "
                        "for a %d×%d input",
                        name, shp, S, S, S, S, S, S);
    }
    size_t count = 3 * (size_t)S * S;
    for (size_t i = 0; i < count; i++) {
        if (!isfinite(d[i])) {
            const char *what = isnan(d[i]) ? "NaN" : "infinite";
            free(d);
            return net_fail(err, NET_ERR_VALUE, "%s: element %zu is %s; the input must be finite",
                            name, i, what);
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

static net_status input_from_bytes(net_input *in, const unsigned char *buf, size_t len,
                                   const char *name, int size, const net_preproc *pp, int isolated,
                                   net_err *err)
{
    if (!buf || !len)
        return net_fail(err, NET_ERR_FORMAT, "%s: empty file", name);
    if ((len >= sizeof npy_magic && !memcmp(buf, npy_magic, sizeof npy_magic)) ||
        ends_with_npy(name))
        return npy_input_load(in, buf, len, name, size, pp, err);
    return photo_load(in, buf, len, name, size, pp, isolated, err);
}

net_status net_input_load_mem(net_input *in, const unsigned char *buf, size_t len, const char *name,
                              int size, const net_preproc *pp, net_err *err)
{
    if (in)
        memset(in, 0, sizeof *in);
    if (!name)
        name = "(memory)";
    net_status st = check_request(in, size, pp, name, err);
    if (st != NET_OK)
        return st;
    return input_from_bytes(in, buf, len, name, size, pp, 0, err);
}

net_status net_input_load(net_input *in, const char *path, int size, const net_preproc *pp,
                          net_err *err)
{
    if (in)
        memset(in, 0, sizeof *in);
    net_status st = check_request(in, size, pp, path ? path : "(no file)", err);
    if (st != NET_OK)
        return st;
    unsigned char *buf;
    size_t len;
    st = net_file_read(path, INPUT_MAX_FILE_BYTES, &buf, &len, err);
    if (st == NET_OK)
        st = input_from_bytes(in, buf, len, path, size, pp, 1, err);
    free(buf);
    return st;
}

net_status net_ten_crops(const unsigned char *square, int R, int S, const net_preproc *pp,
                         float *out, int xy[NET_TEN_CROPS][2], net_err *err)
{
    if ((out && (!square || !pp)) || S < 1 || S > R)
        return net_fail(err, NET_ERR_ARG, "ten crops of side %d from a %d×%d square", S, R, R);
    const int at[5][2] = {
        {0, 0}, {R - S, 0}, {0, R - S}, {R - S, R - S}, {(R - S) / 2, (R - S) / 2}};
    size_t plane = (size_t)S * S;
    for (int p = 0; p < NET_TEN_CROPS; p++) {
        int ox = at[p % 5][0], oy = at[p % 5][1], mirror = p >= 5;
        if (xy)
            xy[p][0] = ox, xy[p][1] = oy;
        for (int c = 0; c < 3 && out; c++) {
            int k = rgb_channel(pp, c);
            float *d = out + ((size_t)p * 3 + c) * plane;
            for (int y = 0; y < S; y++) {
                const unsigned char *row = square + ((size_t)(oy + y) * R + ox) * 3;
                for (int x = 0; x < S; x++)
                    d[(size_t)y * S + x] =
                        row[3 * (mirror ? S - 1 - x : x) + k] * pp->scale - pp->mean[c];
            }
        }
    }
    return NET_OK;
}

void net_input_free(net_input *in)
{
    if (!in)
        return;
    free(in->data);
    free(in->rgb);
    memset(in, 0, sizeof *in);
}
