/* test_ops.c: the operations of net/ — fast paths against the reference loops, and by hand.
 *
 * Two layers. Cases computed by hand pin the reference (and the fast path) to the formulas: a
 * 1×1 convolution is a matrix product, LRN on a short vector (its window clipped at the ends and
 * at the tower boundary, ONNX's asymmetric window for an even n), max pooling on a 5×5 ramp
 * (floor, ceil, -inf padding), softmax of known values. Then every fast path is run against its
 * reference on random inputs in every geometry AlexNet uses, on 1, 2 and 3 threads (3 splits
 * unevenly); channel counts are cut down where only the product's size would change, never the
 * spatial geometry. The thread pool itself is tested last.
 */
#include "close.h"
#include "ops.h"
#include "test.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int thread_counts[] = {1, 2, 3};
#define N_THREAD_COUNTS (int)(sizeof thread_counts / sizeof thread_counts[0])

/* A fixed xorshift stream, so every run sees the same "random" tensors. */
static uint64_t rng_state;

static void rng_seed(uint64_t s) { rng_state = s * 0x9E3779B97F4A7C15ull + 1; }

static float rng_uniform(float lo, float hi)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return lo + (hi - lo) * (float)((rng_state >> 40) * (1.0 / 16777216.0));
}

static float *rng_tensor(size_t n, float lo, float hi)
{
    float *p = malloc(n * sizeof(float));
    for (size_t i = 0; i < n; i++)
        p[i] = rng_uniform(lo, hi);
    return p;
}

/* ------------------------------------------------------------------ by hand */

TEST(ops_conv_1x1_is_a_matmul)
{
    /* in (3, 1, 2): three channels of two pixels; w (2, 3, 1, 1); out[m][p] = Σ_c w[m][c]·in[c][p]
     * + b[m]: [1·1 + 2·3 + 3·5 + 0.5, 1·2 + 2·4 + 3·6 + 0.5] and [−1 + 0 + 5 − 1, −2 + 0 + 6 − 1] */
    const float in[6] = {1, 2, 3, 4, 5, 6}, w[6] = {1, 2, 3, -1, 0, 1}, b[2] = {0.5f, -1};
    const float want[4] = {22.5f, 28.5f, 3, 3};
    float got[4], work[6];
    op_conv_ref(in, 3, 1, 2, w, b, 2, 1, 1, 0, 1, got, 1, 2);
    CHECK_CLOSE("op_conv_ref 1×1", got, want, 4, 0, 0, NULL);
    op_conv(in, 3, 1, 2, w, b, 2, 1, 1, 0, 1, got, 1, 2, work);
    CHECK_CLOSE("op_conv 1×1", got, want, 4, 0, 0, NULL);
}

TEST(ops_conv_by_hand_padding_and_groups)
{
    /* one 2×2 input per group, a 2×2 kernel of ones with pad 1: every output sums the inputs the
     * shifted kernel still covers, so the 3×3 output of group 0 is the ramp's partial sums;
     * group 1 has weights 2 and sees only its own channel */
    const float in[8] = {1, 2, 3, 4, 10, 20, 30, 40};
    const float w[8] = {1, 1, 1, 1, 2, 2, 2, 2};
    const float want[18] = {1, 3, 2, 4, 10, 6, 3, 7, 4, 20, 60, 40, 80, 200, 120, 60, 140, 80};
    float got[18], work[2 * 4 * 9];
    op_conv_ref(in, 2, 2, 2, w, NULL, 2, 2, 1, 1, 2, got, 3, 3);
    CHECK_CLOSE("op_conv_ref 2×2 pad 1 groups 2", got, want, 18, 0, 0, NULL);
    op_conv(in, 2, 2, 2, w, NULL, 2, 2, 1, 1, 2, got, 3, 3, work);
    CHECK_CLOSE("op_conv 2×2 pad 1 groups 2", got, want, 18, 0, 0, NULL);
}

/* Both LRN paths on one case; the expected values are exact fractions written out. */
static int lrn_both(const char *what, const float *in, int C, int n, float k, float s, float beta,
                    int domain, const float *want, double rtol)
{
    float got[8];
    char label[160];
    snprintf(label, sizeof label, "op_lrn_ref %s", what);
    op_lrn_ref(in, got, C, 1, n, k, s, beta, domain);
    if (!close_check(__FILE__, __LINE__, label, got, want, (size_t)C, 0, rtol, NULL))
        return 0;
    snprintf(label, sizeof label, "op_lrn %s", what);
    op_lrn(in, got, C, 1, n, k, s, beta, domain);
    return close_check(__FILE__, __LINE__, label, got, want, (size_t)C, 0, rtol, NULL);
}

TEST(ops_lrn_by_hand)
{
    /* n = 3, k = 1, s = 0.1, β = 1 on [1..5]: windows {0,1} {0,1,2} {1,2,3} {2,3,4} {3,4}, sums of
     * squares 5, 14, 29, 50, 41, so b = a / (1 + 0.1·Σ) */
    const float ramp[5] = {1, 2, 3, 4, 5};
    const float w3[5] = {1 / 1.5f, 2 / 2.4f, 3 / 3.9f, 4 / 6.0f, 5 / 5.1f};
    CHECK(lrn_both("n=3 β=1", ramp, 5, 3, 1, 0.1f, 1, 5, w3, 1e-6));
    /* even n = 4: ONNX's window is ⌊(n−1)/2⌋ = 1 channel before and ⌈(n−1)/2⌉ = 2 after:
     * windows {0,1,2} {0..3} {1..4} {2,3,4} {3,4}, sums 14, 30, 54, 50, 41; k = s = β = 1 */
    const float w4[5] = {1 / 15.0f, 2 / 31.0f, 3 / 55.0f, 4 / 51.0f, 5 / 42.0f};
    CHECK(lrn_both("n=4 (asymmetric window)", ramp, 5, 4, 1, 1, 1, 5, w4, 1e-6));
    /* β = 3/4, the sqrt path: 2 / (12 + 1·2²)^(3/4) = 2 / 16^(3/4) = 2/8 */
    const float two = 2, quarter = 0.25f;
    CHECK(lrn_both("β=3/4", &two, 1, 5, 12, 1, 0.75f, 1, &quarter, 1e-6));
    /* four ones, n = 5, k = s = β = 1. Across all channels the windows hold 3, 4, 4, 3 ones;
     * within towers of 2 every window is clipped to its own tower and holds 2 */
    const float ones[4] = {1, 1, 1, 1};
    const float across[4] = {0.25f, 0.2f, 0.2f, 0.25f},
                within[4] = {1 / 3.0f, 1 / 3.0f, 1 / 3.0f, 1 / 3.0f};
    CHECK(lrn_both("across towers", ones, 4, 5, 1, 1, 1, 4, across, 1e-6));
    CHECK(lrn_both("within towers", ones, 4, 5, 1, 1, 1, 2, within, 1e-6));
}

/* Both pooling paths on one 5×5 plane. */
static int pool_both(const char *what, const float *in, int K, int S, int pad, int pad_end,
                     const float *want, int OH)
{
    float got[16];
    char label[160];
    int shape[3] = {1, OH, OH};
    snprintf(label, sizeof label, "op_pool_ref %s", what);
    op_pool_ref(in, 1, 5, 5, K, S, pad, pad_end, got, OH, OH);
    if (!close_check(__FILE__, __LINE__, label, got, want, (size_t)(OH * OH), 0, 0, shape))
        return 0;
    snprintf(label, sizeof label, "op_pool %s", what);
    op_pool(in, 1, 5, 5, K, S, pad, pad_end, got, OH, OH);
    return close_check(__FILE__, __LINE__, label, got, want, (size_t)(OH * OH), 0, 0, shape);
}

TEST(ops_pool_5x5_ramp)
{
    /* in[y][x] = 5y + x grows to the bottom right, so each window's max is its clipped bottom-
     * right corner */
    float ramp[25], neg[25];
    for (int i = 0; i < 25; i++) {
        ramp[i] = (float)i;
        neg[i] = -1.0f - (float)i;
    }
    /* 3×3/2, floor((5 − 3)/2) + 1 = 2: corners (2,2) (2,4) (4,2) (4,4) */
    const float floor2[4] = {12, 14, 22, 24};
    CHECK(pool_both("3×3/2", ramp, 3, 2, 0, 0, floor2, 2));
    /* 2×2/2 with ceil: ceil((5 − 2)/2) + 1 = 3; the last window holds column/row 4 alone */
    const float ceil3[9] = {6, 8, 9, 16, 18, 19, 21, 23, 24};
    CHECK(pool_both("2×2/2 ceil", ramp, 2, 2, 0, 0, ceil3, 3));
    /* 3×3/2 with pad 1: windows start at −1, 1, 3; the same corners as above */
    CHECK(pool_both("3×3/2 pad 1", ramp, 3, 2, 1, 1, ceil3, 3));
    /* negative values: the padding is −inf, not 0, so the max is the top-left input of each
     * clipped window */
    const float negw[9] = {-1, -2, -4, -6, -7, -9, -16, -17, -19};
    CHECK(pool_both("3×3/2 pad 1, negative", neg, 3, 2, 1, 1, negw, 3));
}

TEST(ops_fc_by_hand)
{
    const float w[6] = {1, 2, 3, 4, 5, 6}, x[2] = {1, -1}, b[3] = {0.5f, 0, -1};
    const float want[3] = {-0.5f, -1, -2}, want_nb[3] = {-1, -1, -1};
    float got[3];
    op_fc_ref(x, 2, w, b, got, 3);
    CHECK_CLOSE("op_fc_ref", got, want, 3, 0, 0, NULL);
    op_fc(x, 2, w, b, got, 3);
    CHECK_CLOSE("op_fc", got, want, 3, 0, 0, NULL);
    op_fc(x, 2, w, NULL, got, 3);
    CHECK_CLOSE("op_fc without bias", got, want_nb, 3, 0, 0, NULL);
}

TEST(ops_softmax_known_values)
{
    /* exp of [0, ln 2, ln 3] is [1, 2, 3], so softmax is [1/6, 2/6, 3/6]; shifting every input by
     * 1000 must change nothing (exp(1000) alone would overflow) */
    const float x[3] = {0, 0.69314718f, 1.09861229f},
                big[3] = {1000, 1000.69314718f, 1001.09861229f};
    const float want[3] = {1 / 6.0f, 2 / 6.0f, 3 / 6.0f};
    float got[3];
    op_softmax_ref(x, got, 3);
    CHECK_CLOSE("op_softmax_ref", got, want, 3, 0, 1e-6, NULL);
    op_softmax(x, got, 3);
    CHECK_CLOSE("op_softmax", got, want, 3, 0, 1e-6, NULL);
    op_softmax(big, got, 3);
    CHECK_CLOSE("op_softmax shifted by 1000", got, want, 3, 0, 1e-4, NULL);
    const float relu_in[4] = {-2, 0, 3.5f, -0.0f}, relu_want[4] = {0, 0, 3.5f, 0};
    float relu_got[4];
    op_relu(relu_in, relu_got, 4);
    CHECK_CLOSE("op_relu", relu_got, relu_want, 4, 0, 0, NULL);
}

/* ------------------------------------------------------------------ fast against reference */

typedef struct {
    const char *name;
    int C, H, W, M, K, stride, pad, groups;
    int bias;
} conv_geom;

/* AlexNet's convolutions at full spatial size, with fewer channels (the sgemm sizes change, not
 * the patches), plus shapes that are not square or not evenly split. */
static const conv_geom conv_geoms[] = {
    {"conv1 11×11/4", 3, 227, 227, 16, 11, 4, 0, 1, 1},
    {"conv1 at 224", 3, 224, 224, 8, 11, 4, 0, 1, 1},
    {"conv2 5×5 pad 2 groups 2", 16, 27, 27, 12, 5, 1, 2, 2, 1},
    {"conv3 3×3 pad 1", 24, 13, 13, 20, 3, 1, 1, 1, 1},
    {"conv4 3×3 pad 1 groups 2", 24, 13, 13, 24, 3, 1, 1, 2, 1},
    {"conv5 3×3 pad 1 groups 2, no bias; on 3 threads one spans both groups", 8, 13, 13, 6, 3, 1, 1,
     2, 0},
    {"1×1", 32, 13, 13, 10, 1, 1, 0, 1, 1},
    {"1×1 groups 2", 16, 6, 6, 6, 1, 1, 0, 2, 1},
    {"3×3/2 pad 1 on 9×7", 5, 9, 7, 7, 3, 2, 1, 1, 1},
    {"5×5/3 pad 3 on 11×8 (kernel beyond the edge)", 2, 11, 8, 3, 5, 3, 3, 1, 1},
    {"1×1/2 pad 1", 3, 6, 6, 5, 1, 2, 1, 1, 1},
};

static int conv_case(const conv_geom *g, int threads)
{
    int OH = (g->H + 2 * g->pad - g->K) / g->stride + 1;
    int OW = (g->W + 2 * g->pad - g->K) / g->stride + 1;
    size_t n_in = (size_t)g->C * g->H * g->W, n_out = (size_t)g->M * OH * OW;
    size_t n_w = (size_t)g->M * (g->C / g->groups) * g->K * g->K;
    rng_seed((uint64_t)g->C * 131 + g->K);
    float *in = rng_tensor(n_in, -1, 1), *w = rng_tensor(n_w, -1, 1), *b = rng_tensor(g->M, -1, 1);
    float *want = malloc(n_out * sizeof(float)), *got = malloc(n_out * sizeof(float));
    float *work = malloc(op_conv_work(g->C, g->K, g->groups, OH, OW) * sizeof(float));
    const float *bias = g->bias ? b : NULL;
    op_conv_ref(in, g->C, g->H, g->W, w, bias, g->M, g->K, g->stride, g->pad, g->groups, want, OH,
                OW);
    op_set_threads(threads);
    op_conv(in, g->C, g->H, g->W, w, bias, g->M, g->K, g->stride, g->pad, g->groups, got, OH, OW,
            work);
    /* terms of size ≤ 1: float sums of kk of them stay within ~kk·2⁻²⁴ of the double sum */
    int kk = g->C / g->groups * g->K * g->K, shape[3] = {g->M, OH, OW};
    char label[160];
    snprintf(label, sizeof label, "op_conv %s, %d thread(s)", g->name, threads);
    int ok = close_check(__FILE__, __LINE__, label, got, want, n_out, 1e-6 * kk, 1e-5, shape);
    free(in), free(w), free(b), free(want), free(got), free(work);
    return ok;
}

TEST(ops_conv_fast_matches_ref)
{
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof conv_geoms / sizeof conv_geoms[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = conv_case(&conv_geoms[i], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

typedef struct {
    const char *name;
    int C, H, W, n;
    float k, s, beta;
    int towers; /* 2: the window stays within each half of the channels */
} lrn_geom;

static const lrn_geom lrn_geoms[] = {
    {"norm1 Caffe (k=1, s=α/n) across", 96, 55, 55, 5, 1, 1e-4f / 5, 0.75f, 1},
    {"norm1 Caffe within towers", 96, 55, 55, 5, 1, 1e-4f / 5, 0.75f, 2},
    {"norm1 paper (k=2, s=α) β=0.6", 96, 55, 55, 5, 2, 1e-4f, 0.6f, 1},
    {"norm1 paper within towers β=0.9", 96, 55, 55, 5, 2, 1e-4f, 0.9f, 2},
    {"norm2 Caffe across", 256, 27, 27, 5, 1, 1e-4f / 5, 0.75f, 1},
    {"norm2 paper within towers", 256, 27, 27, 5, 2, 1e-4f, 0.75f, 2},
    {"norm1 after pooling (27×27)", 96, 27, 27, 5, 1, 1e-4f / 5, 0.75f, 1},
    {"n=3 β=0.5 (ONNX test_lrn)", 10, 7, 9, 3, 2, 2e-4f / 3, 0.5f, 1},
    {"n=4 (asymmetric window)", 12, 5, 5, 4, 1, 0.01f, 0.75f, 2},
    {"n=1", 6, 4, 4, 1, 1, 0.01f, 0.75f, 1},
    {"n wider than the channels", 3, 10, 10, 7, 1, 0.01f, 0.75f, 1},
};

static int lrn_case(const lrn_geom *g, int threads)
{
    size_t n = (size_t)g->C * g->H * g->W;
    rng_seed((uint64_t)g->C * 7 + g->H);
    /* activations of the size ReLU hands to norm1 (tens to a few hundred), with some negative
     * ones for generality; large enough that s·Σa² is comparable to k */
    float *in = rng_tensor(n, -60, 300), *want = malloc(n * sizeof(float));
    float *got = malloc(n * sizeof(float));
    int domain = g->C / g->towers, shape[3] = {g->C, g->H, g->W};
    op_lrn_ref(in, want, g->C, g->H * g->W, g->n, g->k, g->s, g->beta, domain);
    op_set_threads(threads);
    op_lrn(in, got, g->C, g->H * g->W, g->n, g->k, g->s, g->beta, domain);
    char label[160];
    snprintf(label, sizeof label, "op_lrn %s, %d thread(s)", g->name, threads);
    int ok = close_check(__FILE__, __LINE__, label, got, want, n, 1e-6, 2e-6, shape);
    free(in), free(want), free(got);
    return ok;
}

TEST(ops_lrn_fast_matches_ref)
{
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof lrn_geoms / sizeof lrn_geoms[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = lrn_case(&lrn_geoms[i], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

TEST(ops_lrn_sum_does_not_drift)
{
    /* huge values in the first channels, tiny ones after: a running sum that adds the entering
     * channel and subtracts the leaving one keeps the rounding error of 1e8 long after those
     * values left the window, which swamps 1e-3² terms. With k = 0 and β = 1/2 the output is
     * a / ‖window‖, where that error would show at once */
    enum { C = 40, HW = 300 };
    float *in = malloc(sizeof(float) * C * HW), *want = malloc(sizeof(float) * C * HW);
    float *got = malloc(sizeof(float) * C * HW);
    rng_seed(99);
    for (int c = 0; c < C; c++)
        for (int p = 0; p < HW; p++)
            in[c * HW + p] = (c < 3 ? 1e4f : 1e-3f) * rng_uniform(0.5f, 1.5f);
    op_lrn_ref(in, want, C, HW, 5, 0, 1, 0.5f, C);
    op_lrn(in, got, C, HW, 5, 0, 1, 0.5f, C);
    int shape[3] = {C, 1, HW};
    CHECK_CLOSE("op_lrn after a large activation", got, want, (size_t)C * HW, 0, 2e-6, shape);
    free(in), free(want), free(got);
}

typedef struct {
    const char *name;
    int C, H, W, K, stride, pad, pad_end, ceil;
} pool_geom;

static const pool_geom pool_geoms[] = {
    {"pool1 3×3/2 55→27", 96, 55, 55, 3, 2, 0, 0, 0},
    {"pool1 at 224: 54→27 ceil", 96, 54, 54, 3, 2, 0, 0, 1},
    {"pool1 at 224: 54→27 pad_end 1 (ONNX zoo)", 96, 54, 54, 3, 2, 0, 1, 0},
    {"pool2 3×3/2 27→13", 256, 27, 27, 3, 2, 0, 0, 0},
    {"pool5 3×3/2 13→6", 256, 13, 13, 3, 2, 0, 0, 0},
    {"pool5 at 224: 12→6 ceil", 256, 12, 12, 3, 2, 0, 0, 1},
    {"3×3/2 pad 1", 7, 13, 13, 3, 2, 1, 1, 0},
    {"2×2/2 ceil on 9×6", 5, 9, 6, 2, 2, 0, 0, 1},
    {"5×5/3 pad 2 on 8×11", 3, 8, 11, 5, 3, 2, 2, 1},
    {"kernel wider than the input", 2, 3, 3, 5, 1, 2, 2, 0},
    {"rows wider than the row buffer, in chunks", 2, 3, 2500, 3, 2, 1, 1, 0},
    {"kernel wider than the row buffer", 1, 2, 2, 1030, 1000, 1029, 0, 0},
};

static int pool_case(const pool_geom *g, int threads)
{
    int eh = g->H + g->pad + g->pad_end - g->K, ew = g->W + g->pad + g->pad_end - g->K;
    int OH = (g->ceil ? (eh + g->stride - 1) / g->stride : eh / g->stride) + 1;
    int OW = (g->ceil ? (ew + g->stride - 1) / g->stride : ew / g->stride) + 1;
    size_t n_in = (size_t)g->C * g->H * g->W, n_out = (size_t)g->C * OH * OW;
    rng_seed((uint64_t)g->C * 3 + g->H);
    float *in = rng_tensor(n_in, -5, 5), *want = malloc(n_out * sizeof(float));
    float *got = malloc(n_out * sizeof(float));
    op_pool_ref(in, g->C, g->H, g->W, g->K, g->stride, g->pad, g->pad_end, want, OH, OW);
    op_set_threads(threads);
    op_pool(in, g->C, g->H, g->W, g->K, g->stride, g->pad, g->pad_end, got, OH, OW);
    char label[160];
    snprintf(label, sizeof label, "op_pool %s, %d thread(s)", g->name, threads);
    int shape[3] = {g->C, OH, OW};
    int ok = close_check(__FILE__, __LINE__, label, got, want, n_out, 0, 0, shape);
    free(in), free(want), free(got);
    return ok;
}

TEST(ops_pool_fast_matches_ref)
{
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof pool_geoms / sizeof pool_geoms[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = pool_case(&pool_geoms[i], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

static int fc_case(int IN, int N, int bias, int threads)
{
    rng_seed((uint64_t)IN + N);
    float *x = rng_tensor((size_t)IN, 0, 2), *w = rng_tensor((size_t)N * IN, -0.05f, 0.05f);
    float *b = rng_tensor((size_t)N, -1, 1), *want = malloc(sizeof(float) * N);
    float *got = malloc(sizeof(float) * N);
    op_fc_ref(x, IN, w, bias ? b : NULL, want, N);
    op_set_threads(threads);
    op_fc(x, IN, w, bias ? b : NULL, got, N);
    char label[160];
    snprintf(label, sizeof label, "op_fc %d → %d%s, %d thread(s)", IN, N, bias ? "" : " no bias",
             threads);
    /* terms of size ≤ 0.1, IN of them */
    int ok = close_check(__FILE__, __LINE__, label, got, want, (size_t)N, 1e-7 * IN, 1e-5, NULL);
    free(x), free(w), free(b), free(want), free(got);
    return ok;
}

TEST(ops_fc_fast_matches_ref)
{
    /* fc6's input with a cut-down output, fc8's output, and sizes that split unevenly */
    static const int sizes[][3] = {
        {9216, 40, 1}, {4096, 37, 1}, {256, 1000, 1}, {100, 3, 0}, {5, 1, 1}};
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = fc_case(sizes[i][0], sizes[i][1], sizes[i][2], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

TEST(ops_relu_and_softmax_fast_match_ref)
{
    int saved = op_threads(), ok = 1;
    size_t n = 96 * 55 * 55; /* relu1: large enough to be split */
    rng_seed(5);
    float *in = rng_tensor(n, -3, 3), *want = malloc(n * sizeof(float));
    float *got = malloc(n * sizeof(float));
    op_relu_ref(in, want, n);
    for (int t = 0; ok && t < N_THREAD_COUNTS; t++) {
        op_set_threads(thread_counts[t]);
        op_relu(in, got, n);
        ok = close_check(__FILE__, __LINE__, "op_relu relu1", got, want, n, 0, 0, NULL);
        memcpy(got, in, n * sizeof(float));
        op_relu(got, got, n);
        ok = ok && close_check(__FILE__, __LINE__, "op_relu in place", got, want, n, 0, 0, NULL);
        op_relu(in, got, 1000);
        ok = ok && close_check(__FILE__, __LINE__, "op_relu 1000", got, want, 1000, 0, 0, NULL);
    }
    op_set_threads(saved);
    /* fc8's 1000 logits, spread as trained ones are */
    float *logits = rng_tensor(1000, -20, 25);
    op_softmax_ref(logits, want, 1000);
    op_softmax(logits, got, 1000);
    ok =
        ok && close_check(__FILE__, __LINE__, "op_softmax 1000", got, want, 1000, 1e-9, 1e-5, NULL);
    free(in), free(want), free(got), free(logits);
    CHECK(ok);
}

/* ------------------------------------------------------------------ the threads */

TEST(ops_range_covers_everything_once)
{
    for (int n = 0; n < 40; n++)
        for (int parts = 1; parts <= 7; parts++) {
            int next = 0;
            for (int p = 0; p < parts; p++) {
                int b, e;
                op_range(n, p, parts, &b, &e);
                CHECK_EQ_INT(b, next);
                CHECK(e >= b && e - b <= n / parts + 1);
                next = e;
            }
            CHECK_EQ_INT(next, n);
        }
}

typedef struct {
    int hits[8];  /* how often each part ran */
    int parts[8]; /* the parts count each saw */
} parts_log;

static void log_part(void *ctx, int part, int parts)
{
    parts_log *l = ctx;
    l->hits[part]++;
    l->parts[part] = parts;
}

TEST(ops_parallel_runs_every_part_once)
{
    int saved = op_threads();
    for (int t = 1; t <= 4; t++) {
        op_set_threads(t);
        CHECK_EQ_INT(op_threads(), t);
        for (int rep = 0; rep < 50; rep++) {
            parts_log l = {{0}, {0}};
            op_parallel(log_part, &l);
            for (int p = 0; p < 8; p++) {
                CHECK_EQ_INT(l.hits[p], p < t);
                CHECK_EQ_INT(l.parts[p], p < t ? t : 0);
            }
        }
    }
    op_set_threads(saved);
}

/* Two threads running regions at once: one gets the workers, the other runs alone; both must
 * finish with every part done exactly once. */
static void *region_loop(void *arg)
{
    int *fail = arg;
    for (int rep = 0; rep < 200; rep++) {
        parts_log l = {{0}, {0}};
        op_parallel(log_part, &l);
        int parts = l.parts[0];
        for (int p = 0; p < 8; p++)
            if (l.hits[p] != (p < parts) || (p < parts && l.parts[p] != parts))
                *fail = 1;
    }
    return NULL;
}

TEST(ops_parallel_from_two_threads)
{
    int saved = op_threads(), fail_a = 0, fail_b = 0;
    op_set_threads(2);
    pthread_t other;
    CHECK(pthread_create(&other, NULL, region_loop, &fail_b) == 0);
    region_loop(&fail_a);
    pthread_join(other, NULL);
    op_set_threads(saved);
    CHECK(!fail_a && !fail_b);
}
