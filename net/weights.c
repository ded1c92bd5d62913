/* weights.c: deterministic "untrained" default weights.
 *
 * So that the demo runs with no download, every parameter comes from a seed: conv1 is built as a
 * filter bank that looks like what trained AlexNets learn (tower A: oriented, colour-agnostic
 * edges; tower B: colour blobs and colour edges, as the paper observed of its two GPUs); every
 * other layer is uniform noise of He scale. A calibration pass then rescales each conv and fc
 * layer so that its output has a fixed spread on a synthetic photo: the maps neither die nor
 * explode through the eight layers, LRN has activations of trained size to act on, and fc8's
 * logits give a soft (not one-hot) distribution. Takes a single forward pass plus filling 61 M
 * floats.
 */
#include "alexnet.h"
#include "net_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI 3.14159265358979f

/* A counter hash (Wellons' lowbias32 constants): value i of a stream depends only on (key, i),
 * so the fill loop has no carried state and the compiler vectorises it. */
static uint32_t hash32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* Uniform in [-1, 1), exactly representable: 24 random bits. */
static float sym_at(uint32_t key, uint32_t i)
{
    return (float)(hash32(i ^ hash32(key)) >> 8) * (2.0f / 16777216.0f) - 1.0f;
}

/* A small sequential generator for the few values drawn one at a time. */
static float next_sym(uint64_t *s)
{
    *s += 1;
    return sym_at((uint32_t)(*s >> 32) ^ 0x5eedU, (uint32_t)*s);
}

/* Output spread each layer is calibrated to (standard deviation before ReLU). Trained AlexNet's
 * conv outputs have this order of size, which is what gives LRN (k=1, α/n = 2e-5) its bite. */
#define CONV_STD 60.0f
#define FC_STD 30.0f
#define LOGIT_STD 2.5f

/* conv1's bank. Tower A: Gabor edges, the same in R, G and B. Tower B: opponent-colour blobs and
 * colour edges. Each filter has zero mean per channel so flat regions answer 0. w is
 * (M, 3, K, K); the input is in the net's channel order, BGR. */
static void conv1_bank(float *w, int M, int K, uint64_t *seed)
{
    int half = M / 2;
    float c = (K - 1) / 2.0f;
    for (int m = 0; m < M; m++) {
        float *f = w + (size_t)m * 3 * K * K;
        int j = m < half ? m : m - half;
        float theta = PI * (float)(j % 8) / 8.0f;
        float jitter = 0.15f * next_sym(seed);
        if (m < half) {
            float lambda = 3.0f + 2.0f * (float)((j / 8) % 3); /* wavelengths 3, 5, 7 px */
            float phase = (j / 24) % 2 ? PI / 2 : 0.0f;        /* even and odd edges */
            float sigma = 0.45f * lambda + 0.5f;
            for (int y = 0; y < K; y++)
                for (int x = 0; x < K; x++) {
                    float dx = x - c, dy = y - c;
                    float u = dx * cosf(theta + jitter) + dy * sinf(theta + jitter);
                    float v = -dx * sinf(theta + jitter) + dy * cosf(theta + jitter);
                    float g = expf(-(u * u + 0.6f * v * v) / (2 * sigma * sigma)) *
                              cosf(2 * PI * u / lambda + phase);
                    for (int ch = 0; ch < 3; ch++)
                        f[(ch * K + y) * K + x] = g;
                }
        } else {
            /* colour axes in BGR: red–green, blue–yellow, and each primary against grey */
            static const float axes[6][3] = {
                {0, -1, 1},       {1, -0.5f, -0.5f}, {0, 1, -1},
                {-1, 0.5f, 0.5f}, {-0.5f, -0.5f, 1}, {1, 1, -2},
            };
            const float *col = axes[j % 6];
            int edge = (j / 6) % 2; /* blob or colour edge */
            float sigma = 1.5f + 0.6f * (float)((j / 12) % 4);
            for (int y = 0; y < K; y++)
                for (int x = 0; x < K; x++) {
                    float dx = x - c, dy = y - c;
                    float g;
                    if (edge) {
                        float u = dx * cosf(theta * 2 + jitter) + dy * sinf(theta * 2 + jitter);
                        g = u * expf(-(dx * dx + dy * dy) / (2 * sigma * sigma)) / sigma;
                    } else {
                        g = expf(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                    }
                    for (int ch = 0; ch < 3; ch++)
                        f[(ch * K + y) * K + x] = g * col[ch];
                }
        }
        for (int ch = 0; ch < 3; ch++) {
            float *p = f + (size_t)ch * K * K, mean = 0;
            for (int i = 0; i < K * K; i++)
                mean += p[i];
            mean /= (float)(K * K);
            for (int i = 0; i < K * K; i++)
                p[i] -= mean;
        }
    }
}

/* A deterministic stand-in for a photo: smooth coloured blobs and a few edges, mean-subtracted
 * like a Caffe input, so calibration sees structure at every scale. */
static void calibration_input(float *x, int S, uint64_t seed)
{
    uint64_t s = seed ^ 0xC0FFEEull;
    memset(x, 0, sizeof(float) * 3 * (size_t)S * S);
    for (int b = 0; b < 40; b++) {
        float cx = (next_sym(&s) + 1) * S / 2, cy = (next_sym(&s) + 1) * S / 2;
        float r = (0.05f + 0.2f * (next_sym(&s) + 1)) * S;
        float col[3] = {60 * next_sym(&s), 60 * next_sym(&s), 60 * next_sym(&s)};
        int sharp = b % 3 == 0;
        for (int y = 0; y < S; y++)
            for (int xx = 0; xx < S; xx++) {
                float d = ((xx - cx) * (xx - cx) + (y - cy) * (y - cy)) / (r * r);
                float a = sharp ? (d < 1 ? 1.0f : 0.0f) : expf(-d);
                for (int ch = 0; ch < 3; ch++)
                    x[((size_t)ch * S + y) * S + xx] += a * col[ch];
            }
    }
}

/* Mean of x² over count values. */
static double mean_square(const float *x, size_t count)
{
    double sq = 0;
    for (size_t i = 0; i < count; i++)
        sq += (double)x[i] * x[i];
    return count ? sq / count : 0;
}

net_status net_seed_weights(net *n, uint64_t seed)
{
    int S = n->cfg.input_size;
    float *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    if (!x)
        return NET_ERR_NOMEM;
    calibration_input(x, S, seed);

    /* One pass over the table: each learned layer's weights are drawn at the scale that gives
     * its output the target spread on what actually reaches it. For iid uniform weights in
     * [-a, a], E[y²] = fan_in · a²/3 · E[x²], so a follows from E[x²] of the input; conv1's
     * hand-built bank is measured instead. */
    const float *in = x;
    /* the weights are calibrated on test-time passes, whatever dropout is set to */
    int drop_train = n->drop_train;
    n->drop_train = 0;
    for (int i = 0; i < n->table.count; i++) {
        const net_stage *st = &n->table.s[i];
        float *w = n->params + st->w_off, *b = n->params + st->b_off;
        float *out = n->act + n->act_off[i];
        size_t count = (size_t)st->out_c * st->out_h * st->out_w;
        float target = st->op == NET_OP_CONV ? CONV_STD : st->layer == 8 ? LOGIT_STD : FC_STD;
        if (st->n_b)
            memset(b, 0, sizeof(float) * (size_t)st->n_b);
        if (i == 0) {
            uint64_t s = seed;
            conv1_bank(w, st->out_c, st->k, &s);
            net_run_stage(n, i, in);
            net_stats stats;
            net_compute_stats(out, count, &stats);
            float f = stats.std > 0 ? target / stats.std : 1.0f;
            for (int64_t j = 0; j < st->n_w; j++)
                w[j] *= f;
            for (size_t j = 0; j < count; j++)
                out[j] *= f;
        } else if (st->n_w) {
            double fan_in = (double)(st->n_w / st->out_c);
            double ms = mean_square(in, (size_t)st->in_c * st->in_h * st->in_w);
            float a = ms > 0 ? (float)(target / sqrt(fan_in / 3 * ms)) : 1.0f;
            uint32_t key = (uint32_t)(seed * 0x9E3779B1u) ^ (uint32_t)(i * 0x85EBCA6Bu);
            for (int64_t j = 0; j < st->n_w; j++)
                w[j] = a * sym_at(key, (uint32_t)j);
            net_run_stage(n, i, in);
        } else {
            net_run_stage(n, i, in);
        }
        in = out;
    }
    free(x);
    n->drop_train = drop_train;
    n->last_done = -1;
    n->untrained = 1;
    return NET_OK;
}
