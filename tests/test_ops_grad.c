/* test_ops_grad.c: the gradients of the operations — by hand, as adjoints, fast against reference.
 *
 * Three layers, as for the forward operations (test_ops.c). Cases computed by hand pin the
 * reference loops (and the fast paths) to the formulas: ReLU's three modes, a max-pool peak shared
 * by four windows and a tie going to the first maximum, LRN with the asymmetric window of an even
 * n (where the mirrored window matters), softmax and fc. The linear operations are checked as
 * adjoints of the forward ones, ⟨op(x), g⟩ = ⟨x, op_grad(g)⟩, which is what "the gradient with
 * respect to the input" means for them, in every geometry. Then every fast path is run against its
 * reference on random inputs in every geometry AlexNet uses, on 1, 2 and 3 threads.
 */
#include "close.h"
#include "ops.h"
#include "test.h"

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

static double dot(const float *a, const float *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)a[i] * b[i];
    return s;
}

static double max_abs(const float *a, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        m = fabs(a[i]) > m ? fabs(a[i]) : m;
    return m;
}

/* ------------------------------------------------------------------ by hand */

TEST(grad_relu_three_modes_by_hand)
{
    /* forward outputs y and incoming gradients g: plain keeps g where y > 0; deconvnet keeps the
     * positive g wherever it is; guided keeps g where both are positive */
    const float y[6] = {2, 0, 3, 0, 1, 0}, g[6] = {1, -1, -2, 4, 0.5f, 0};
    const float plain[6] = {1, 0, -2, 0, 0.5f, 0}, deconv[6] = {1, 0, 0, 4, 0.5f, 0};
    const float guided[6] = {1, 0, 0, 0, 0.5f, 0};
    const float *want[3] = {plain, deconv, guided};
    const char *names[3] = {"plain", "deconvnet", "guided"};
    float got[6];
    for (int m = 0; m < 3; m++) {
        char label[64];
        snprintf(label, sizeof label, "op_relu_grad_ref %s", names[m]);
        op_relu_grad_ref(y, g, got, 6, m);
        CHECK_CLOSE(label, got, want[m], 6, 0, 0, NULL);
        snprintf(label, sizeof label, "op_relu_grad %s", names[m]);
        op_relu_grad(y, g, got, 6, m);
        CHECK_CLOSE(label, got, want[m], 6, 0, 0, NULL);
    }
}

/* Both pooling gradients on one 5×5 plane, 3×3/2 without padding: 4 windows. */
static int pool_grad_both(const char *what, const float *in, const float *g, const float *want)
{
    float out[4], got[25];
    int shape[3] = {1, 5, 5};
    char label[160];
    snprintf(label, sizeof label, "op_pool_grad_ref %s", what);
    op_pool_grad_ref(in, g, got, 1, 5, 5, 3, 2, 0, 2, 2);
    if (!close_check(__FILE__, __LINE__, label, got, want, 25, 0, 0, shape))
        return 0;
    op_pool_ref(in, 1, 5, 5, 3, 2, 0, 0, out, 2, 2);
    snprintf(label, sizeof label, "op_pool_grad %s", what);
    op_pool_grad(in, out, g, got, 1, 5, 5, 3, 2, 0, 2, 2);
    return close_check(__FILE__, __LINE__, label, got, want, 25, 0, 0, shape);
}

TEST(grad_pool_routes_to_the_first_maximum_by_hand)
{
    /* a peak at the centre (2, 2) is the maximum of all four overlapping windows, so it collects
     * all four gradients; every other input gets 0 */
    float peak[25] = {0}, want[25] = {0};
    const float g[4] = {1, 2, 4, 8};
    peak[12] = 9;
    want[12] = 15;
    CHECK(pool_grad_both("shared peak", peak, g, want));
    /* all ties: each window's gradient goes to its first cell in row-major order, its top-left
     * corner (0,0) (0,2) (2,0) (2,2), PyTorch's rule */
    float flat[25], want_flat[25] = {0};
    for (int i = 0; i < 25; i++)
        flat[i] = 1;
    want_flat[0] = 1, want_flat[2] = 2, want_flat[10] = 4, want_flat[12] = 8;
    CHECK(pool_grad_both("ties", flat, g, want_flat));
}

TEST(grad_lrn_by_hand_with_the_asymmetric_window)
{
    /* C = 2, n = 2: W(0) = {0, 1} and W(1) = {1} (⌊1/2⌋ = 0 before, 1 after); k = s = β = 1 and
     * a = [1, 2], so d_0 = 1 + 1 + 4 = 6 and d_1 = 1 + 4 = 5, b_0 = a_0/d_0, b_1 = a_1/d_1.
     *   ∂b_0/∂a_0 = 1/6 − 2·1·1/36 = 1/9      ∂b_0/∂a_1 = −2·1·2/36 = −1/9
     *   ∂b_1/∂a_0 = 0 (0 ∉ W(1))              ∂b_1/∂a_1 = 1/5 − 2·4/25 = −3/25 */
    const float a[2] = {1, 2}, g0[2] = {1, 0}, g1[2] = {0, 1};
    const float want0[2] = {1 / 9.0f, -1 / 9.0f}, want1[2] = {0, -3 / 25.0f};
    float got[2], work[2];
    op_lrn_grad_ref(a, g0, got, 2, 1, 2, 1, 1, 1, 2);
    CHECK_CLOSE("op_lrn_grad_ref ∂b_0", got, want0, 2, 1e-7, 1e-6, NULL);
    op_lrn_grad(a, g0, got, 2, 1, 2, 1, 1, 1, 2, work);
    CHECK_CLOSE("op_lrn_grad ∂b_0", got, want0, 2, 1e-7, 1e-6, NULL);
    op_lrn_grad_ref(a, g1, got, 2, 1, 2, 1, 1, 1, 2);
    CHECK_CLOSE("op_lrn_grad_ref ∂b_1", got, want1, 2, 1e-7, 1e-6, NULL);
    op_lrn_grad(a, g1, got, 2, 1, 2, 1, 1, 1, 2, work);
    CHECK_CLOSE("op_lrn_grad ∂b_1", got, want1, 2, 1e-7, 1e-6, NULL);
    /* β = 3/4 (the square-root path), n = 1, a = 2, k = 12, s = 1: d = 16, d^−¾ = 1/8 and
     * ∂b/∂a = 1/8 − 2·¾·4·(1/8)/16 = 1/8 − 3/64 = 5/64 */
    const float two = 2, one = 1, want_b[1] = {5 / 64.0f};
    op_lrn_grad_ref(&two, &one, got, 1, 1, 1, 12, 1, 0.75f, 1);
    CHECK_CLOSE("op_lrn_grad_ref β=3/4", got, want_b, 1, 0, 1e-6, NULL);
    op_lrn_grad(&two, &one, got, 1, 1, 1, 12, 1, 0.75f, 1, work);
    CHECK_CLOSE("op_lrn_grad β=3/4", got, want_b, 1, 0, 1e-6, NULL);
}

TEST(grad_softmax_and_fc_by_hand)
{
    /* p = [1/6, 1/3, 1/2] and the gradient of p_2: p_i·([i = 2] − p_2) = [−1/12, −1/6, 1/4] */
    const float p[3] = {1 / 6.0f, 1 / 3.0f, 0.5f}, g[3] = {0, 0, 1};
    const float want[3] = {-1 / 12.0f, -1 / 6.0f, 0.25f};
    float got[3];
    op_softmax_grad_ref(p, g, got, 3);
    CHECK_CLOSE("op_softmax_grad_ref", got, want, 3, 1e-8, 1e-6, NULL);
    op_softmax_grad(p, g, got, 3);
    CHECK_CLOSE("op_softmax_grad", got, want, 3, 1e-8, 1e-6, NULL);
    /* w (3, 2) = [[1, 2], [3, 4], [5, 6]], g = [1, 0, −1]: wᵀg = [1 − 5, 2 − 6] */
    const float w[6] = {1, 2, 3, 4, 5, 6}, gf[3] = {1, 0, -1}, want_fc[2] = {-4, -4};
    op_fc_grad_ref(gf, 3, w, got, 2);
    CHECK_CLOSE("op_fc_grad_ref", got, want_fc, 2, 0, 0, NULL);
    op_fc_grad(gf, 3, w, got, 2);
    CHECK_CLOSE("op_fc_grad", got, want_fc, 2, 0, 0, NULL);
}

/* ------------------------------------------------------------------ fast against reference */

typedef struct {
    const char *name;
    int C, H, W, M, K, stride, pad, groups;
} conv_geom;

/* The forward tests' geometries (test_ops.c), output channels cut where the reference would
 * take long: conv1 at full spatial size, both sizes; the towers' grouped 5×5 and 3×3; 1×1 (no
 * col2im); odd shapes whose windows hang over the edge or skip input rows (stride > K). */
static const conv_geom conv_geoms[] = {
    {"conv1 11×11/4", 3, 227, 227, 8, 11, 4, 0, 1},
    {"conv1 at 224", 3, 224, 224, 6, 11, 4, 0, 1},
    {"conv2 5×5 pad 2 groups 2", 16, 27, 27, 12, 5, 1, 2, 2},
    {"conv3 3×3 pad 1", 24, 13, 13, 20, 3, 1, 1, 1},
    {"conv4 3×3 pad 1 groups 2", 24, 13, 13, 24, 3, 1, 1, 2},
    {"conv5 3×3 pad 1 groups 2; on 3 threads a thread's rows span both groups", 8, 13, 13, 6, 3, 1,
     1, 2},
    {"1×1", 32, 13, 13, 10, 1, 1, 0, 1},
    {"1×1 groups 2", 16, 6, 6, 6, 1, 1, 0, 2},
    {"3×3/2 pad 1 on 9×7", 5, 9, 7, 7, 3, 2, 1, 1},
    {"5×5/3 pad 3 on 11×8 (kernel beyond the edge)", 2, 11, 8, 3, 5, 3, 3, 1},
    {"1×1/2 pad 1 (inputs no output reads)", 3, 6, 6, 5, 1, 2, 1, 1},
};

static int conv_grad_case(const conv_geom *c, int threads)
{
    int OH = (c->H + 2 * c->pad - c->K) / c->stride + 1;
    int OW = (c->W + 2 * c->pad - c->K) / c->stride + 1;
    size_t n_in = (size_t)c->C * c->H * c->W, n_out = (size_t)c->M * OH * OW;
    size_t n_w = (size_t)c->M * (c->C / c->groups) * c->K * c->K;
    rng_seed((uint64_t)c->C * 131 + c->K + 7);
    float *x = rng_tensor(n_in, -1, 1), *w = rng_tensor(n_w, -1, 1), *g = rng_tensor(n_out, -1, 1);
    float *y = malloc(n_out * sizeof(float)), *want = malloc(n_in * sizeof(float));
    float *got = malloc(n_in * sizeof(float));
    float *work = malloc(op_conv_grad_work(c->C, c->K, OH, OW) * sizeof(float));
    op_conv_grad_ref(g, c->M, OH, OW, w, c->K, c->stride, c->pad, c->groups, want, c->C, c->H,
                     c->W);
    op_set_threads(threads);
    op_conv_grad(g, c->M, OH, OW, w, c->K, c->stride, c->pad, c->groups, got, c->C, c->H, c->W,
                 work);
    /* each input sums at most M/groups·K·K products of values ≤ 1 */
    int terms = c->M / c->groups * c->K * c->K, shape[3] = {c->C, c->H, c->W};
    char label[200];
    snprintf(label, sizeof label, "op_conv_grad %s, %d thread(s)", c->name, threads);
    int ok = close_check(__FILE__, __LINE__, label, got, want, n_in, 1e-6 * terms, 1e-5, shape);
    /* the adjoint identity ⟨conv(x), g⟩ = ⟨x, conv_grad(g)⟩, both sides in double */
    if (ok && threads == 1) {
        op_conv_ref(x, c->C, c->H, c->W, w, NULL, c->M, c->K, c->stride, c->pad, c->groups, y, OH,
                    OW);
        double lhs = dot(y, g, n_out), rhs = dot(x, want, n_in);
        double tol = 1e-6 * (double)terms * sqrt((double)n_in) + 1e-6 * fabs(lhs);
        if (!(fabs(lhs - rhs) <= tol)) {
            test_fail(__FILE__, __LINE__,
                      "%s: ⟨conv(x), g⟩ = %.9g but ⟨x, conv_grad(g)⟩ = %.9g "
                      "(tol %.2g)",
                      c->name, lhs, rhs, tol);
            ok = 0;
        }
    }
    free(x), free(w), free(g), free(y), free(want), free(got), free(work);
    return ok;
}

TEST(grad_conv_fast_matches_ref_and_is_the_adjoint)
{
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof conv_geoms / sizeof conv_geoms[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = conv_grad_case(&conv_geoms[i], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

typedef struct {
    const char *name;
    int C, H, W, n;
    float k, s, beta;
    int towers;
} lrn_geom;

/* The forward tests' LRN cases: both formulas, across and within towers, β = 3/4 and not, norm1
 * and norm2 sizes, and the windows that differ from their mirror (n = 4) or cover everything. */
static const lrn_geom lrn_geoms[] = {
    {"norm1 Caffe (k=1, s=α/n) across", 96, 55, 55, 5, 1, 1e-4f / 5, 0.75f, 1},
    {"norm1 Caffe within towers", 96, 55, 55, 5, 1, 1e-4f / 5, 0.75f, 2},
    {"norm1 paper (k=2, s=α) β=0.6", 96, 27, 27, 5, 2, 1e-4f, 0.6f, 1},
    {"norm2 Caffe across", 256, 27, 27, 5, 1, 1e-4f / 5, 0.75f, 1},
    {"norm2 paper within towers", 256, 13, 13, 5, 2, 1e-4f, 0.75f, 2},
    {"n=3 β=0.5", 10, 7, 9, 3, 2, 2e-4f / 3, 0.5f, 1},
    {"n=4 (the mirrored window differs)", 12, 5, 5, 4, 1, 0.01f, 0.75f, 2},
    {"n=4 across", 9, 4, 5, 4, 1, 0.01f, 0.9f, 1},
    {"n=1", 6, 4, 4, 1, 1, 0.01f, 0.75f, 1},
    {"n wider than the channels", 3, 10, 10, 7, 1, 0.01f, 0.75f, 1},
};

static int lrn_grad_case(const lrn_geom *l, int threads)
{
    size_t n = (size_t)l->C * l->H * l->W;
    int HW = l->H * l->W, domain = l->C / l->towers, shape[3] = {l->C, l->H, l->W};
    rng_seed((uint64_t)l->C * 7 + l->H + 3);
    /* activations of the size ReLU hands to norm1, where s·Σa² is comparable to k */
    float *a = rng_tensor(n, -60, 300), *g = rng_tensor(n, -1, 1);
    float *want = malloc(n * sizeof(float)), *got = malloc(n * sizeof(float));
    float *work = malloc(op_lrn_grad_work(l->C, HW) * sizeof(float));
    op_lrn_grad_ref(a, g, want, l->C, HW, l->n, l->k, l->s, l->beta, domain);
    op_set_threads(threads);
    op_lrn_grad(a, g, got, l->C, HW, l->n, l->k, l->s, l->beta, domain, work);
    char label[160];
    snprintf(label, sizeof label, "op_lrn_grad %s, %d thread(s)", l->name, threads);
    /* the two terms cancel in part, so the error is relative to the larger of them, ≤ |g|·d^−β */
    int ok =
        close_check(__FILE__, __LINE__, label, got, want, n, 2e-6 * max_abs(want, n), 1e-5, shape);
    free(a), free(g), free(want), free(got), free(work);
    return ok;
}

TEST(grad_lrn_fast_matches_ref)
{
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof lrn_geoms / sizeof lrn_geoms[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = lrn_grad_case(&lrn_geoms[i], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

typedef struct {
    const char *name;
    int C, H, W, K, stride, pad, pad_end, ceil;
    int ties; /* 1: inputs rounded to a few integers, so most windows hold ties */
} pool_geom;

static const pool_geom pool_geoms[] = {
    {"pool1 3×3/2 55→27", 96, 55, 55, 3, 2, 0, 0, 0, 0},
    {"pool1 with ties", 96, 55, 55, 3, 2, 0, 0, 0, 1},
    {"pool1 at 224: 54→27 ceil", 96, 54, 54, 3, 2, 0, 0, 1, 0},
    {"pool1 at 224: 54→27 pad_end 1 (ONNX zoo), ties", 96, 54, 54, 3, 2, 0, 1, 0, 1},
    {"pool2 3×3/2 27→13", 256, 27, 27, 3, 2, 0, 0, 0, 0},
    {"pool5 3×3/2 13→6 with ties", 256, 13, 13, 3, 2, 0, 0, 0, 1},
    {"pool5 at 224: 12→6 ceil", 256, 12, 12, 3, 2, 0, 0, 1, 0},
    {"3×3/2 pad 1, ties", 7, 13, 13, 3, 2, 1, 1, 0, 1},
    {"2×2/2 ceil on 9×6", 5, 9, 6, 2, 2, 0, 0, 1, 0},
    {"5×5/3 pad 2 on 8×11", 3, 8, 11, 5, 3, 2, 2, 1, 1},
    {"kernel wider than the input", 2, 3, 3, 5, 1, 2, 2, 0, 0},
};

static int pool_grad_case(const pool_geom *p, int threads)
{
    int eh = p->H + p->pad + p->pad_end - p->K, ew = p->W + p->pad + p->pad_end - p->K;
    int OH = (p->ceil ? (eh + p->stride - 1) / p->stride : eh / p->stride) + 1;
    int OW = (p->ceil ? (ew + p->stride - 1) / p->stride : ew / p->stride) + 1;
    size_t n_in = (size_t)p->C * p->H * p->W, n_out = (size_t)p->C * OH * OW;
    rng_seed((uint64_t)p->C * 3 + p->H + 11);
    float *in = rng_tensor(n_in, -5, 5), *g = rng_tensor(n_out, -1, 1);
    if (p->ties)
        for (size_t i = 0; i < n_in; i++)
            in[i] = in[i] < 0 ? 0 : roundf(in[i] / 2); /* zeros after a ReLU, and a few levels */
    float *out = malloc(n_out * sizeof(float)), *want = malloc(n_in * sizeof(float));
    float *got = malloc(n_in * sizeof(float));
    op_pool(in, p->C, p->H, p->W, p->K, p->stride, p->pad, p->pad_end, out, OH, OW);
    op_pool_grad_ref(in, g, want, p->C, p->H, p->W, p->K, p->stride, p->pad, OH, OW);
    op_set_threads(threads);
    op_pool_grad(in, out, g, got, p->C, p->H, p->W, p->K, p->stride, p->pad, OH, OW);
    char label[160];
    snprintf(label, sizeof label, "op_pool_grad %s, %d thread(s)", p->name, threads);
    int shape[3] = {p->C, p->H, p->W};
    /* the same additions in the same order: equal to the bit */
    int ok = close_check(__FILE__, __LINE__, label, got, want, n_in, 0, 0, shape);
    /* and every output's gradient lands somewhere: the sums agree */
    double sg = 0, sw = 0;
    for (size_t i = 0; i < n_out; i++)
        sg += g[i];
    for (size_t i = 0; i < n_in; i++)
        sw += want[i];
    if (ok && !(fabs(sg - sw) <= 1e-4 * sqrt((double)n_out))) {
        test_fail(__FILE__, __LINE__, "%s: Σg %.9g but Σgin %.9g", label, sg, sw);
        ok = 0;
    }
    free(in), free(g), free(out), free(want), free(got);
    return ok;
}

TEST(grad_pool_fast_matches_ref_exactly)
{
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof pool_geoms / sizeof pool_geoms[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = pool_grad_case(&pool_geoms[i], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

static int fc_grad_case(int IN, int N, int threads)
{
    rng_seed((uint64_t)IN * 3 + N);
    float *x = rng_tensor((size_t)IN, 0, 2), *w = rng_tensor((size_t)N * IN, -0.05f, 0.05f);
    float *g = rng_tensor((size_t)N, -1, 1), *y = malloc(sizeof(float) * (size_t)N);
    float *want = malloc(sizeof(float) * (size_t)IN), *got = malloc(sizeof(float) * (size_t)IN);
    op_fc_grad_ref(g, N, w, want, IN);
    op_set_threads(threads);
    op_fc_grad(g, N, w, got, IN);
    char label[160];
    snprintf(label, sizeof label, "op_fc_grad %d → %d, %d thread(s)", IN, N, threads);
    /* N terms of size ≤ 0.05 each */
    int ok = close_check(__FILE__, __LINE__, label, got, want, (size_t)IN, 1e-7 * N, 1e-5, NULL);
    if (ok && threads == 1) {
        op_fc_ref(x, IN, w, NULL, y, N);
        double lhs = dot(y, g, (size_t)N), rhs = dot(x, want, (size_t)IN);
        if (!(fabs(lhs - rhs) <= 1e-6 * (fabs(lhs) + sqrt((double)IN * N) * 0.1))) {
            test_fail(__FILE__, __LINE__, "%s: ⟨Wx, g⟩ = %.9g but ⟨x, Wᵀg⟩ = %.9g", label, lhs,
                      rhs);
            ok = 0;
        }
    }
    free(x), free(w), free(g), free(y), free(want), free(got);
    return ok;
}

TEST(grad_fc_fast_matches_ref_and_is_the_adjoint)
{
    /* fc6 (9216 in) with a cut-down output, fc7, fc8 (1000 out), and sizes that split unevenly */
    static const int sizes[][2] = {{9216, 40}, {4096, 37}, {4096, 1000}, {100, 3}, {5, 1}};
    int saved = op_threads(), ok = 1;
    for (size_t i = 0; ok && i < sizeof sizes / sizeof sizes[0]; i++)
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++)
            ok = fc_grad_case(sizes[i][0], sizes[i][1], thread_counts[t]);
    op_set_threads(saved);
    CHECK(ok);
}

TEST(grad_relu_and_softmax_fast_match_ref)
{
    int saved = op_threads(), ok = 1;
    size_t n = 96 * 55 * 55; /* relu1: large enough to be split */
    rng_seed(17);
    float *x = rng_tensor(n, -3, 3), *g = rng_tensor(n, -1, 1), *y = malloc(n * sizeof(float));
    float *want = malloc(n * sizeof(float)), *got = malloc(n * sizeof(float));
    op_relu(x, y, n);
    for (int m = 0; m < 3 && ok; m++) {
        op_relu_grad_ref(y, g, want, n, m);
        for (int t = 0; ok && t < N_THREAD_COUNTS; t++) {
            op_set_threads(thread_counts[t]);
            op_relu_grad(y, g, got, n, m);
            ok = close_check(__FILE__, __LINE__, "op_relu_grad relu1", got, want, n, 0, 0, NULL);
            op_relu_grad(y, g, got, 1000, m);
            ok = ok &&
                 close_check(__FILE__, __LINE__, "op_relu_grad 1000", got, want, 1000, 0, 0, NULL);
        }
    }
    op_set_threads(saved);
    /* fc8's 1000 logits, spread as trained ones are, and a gradient on every class */
    float *logits = rng_tensor(1000, -20, 25), *p = malloc(1000 * sizeof(float));
    op_softmax(logits, p, 1000);
    op_softmax_grad_ref(p, g, want, 1000);
    op_softmax_grad(p, g, got, 1000);
    ok = ok &&
         close_check(__FILE__, __LINE__, "op_softmax_grad 1000", got, want, 1000, 1e-7, 1e-5, NULL);
    free(x), free(g), free(y), free(want), free(got), free(logits), free(p);
    CHECK(ok);
}
