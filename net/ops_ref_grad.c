/* ops_ref_grad.c: the reference loops of the backward pass, written to read like the formulas.
 *
 * Each computes the gradient at an operation's input from the gradient at its output, by the
 * chain rule written out for one input element at a time: which outputs does this input feed,
 * and by how much. Sums run in double. They define what the fast paths (op_conv_grad.c,
 * op_grad.c) compute and are slow on purpose; the backward pass never calls them.
 */
#include "ops.h"

#include <math.h>

void op_conv_grad_ref(const float *g, int M, int OH, int OW, const float *w, int K, int stride,
                      int pad, int groups, float *gin, int C, int H, int W)
{
    int cg = C / groups, mg = M / groups;
    for (int c = 0; c < C; c++) {
        int grp = c / cg, cl = c % cg;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                /* input (y, x) meets tap (ky, kx) of output (oy, ox) when
                 * y = oy·stride − pad + ky: oy = (y + pad − ky)/stride, when that divides */
                double acc = 0;
                for (int ky = 0; ky < K; ky++) {
                    int ty = y + pad - ky;
                    if (ty < 0 || ty % stride || ty / stride >= OH)
                        continue;
                    for (int kx = 0; kx < K; kx++) {
                        int tx = x + pad - kx;
                        if (tx < 0 || tx % stride || tx / stride >= OW)
                            continue;
                        int oy = ty / stride, ox = tx / stride;
                        for (int m = grp * mg; m < (grp + 1) * mg; m++)
                            acc += (double)w[(((size_t)m * cg + cl) * K + ky) * K + kx] *
                                   g[((size_t)m * OH + oy) * OW + ox];
                    }
                }
                gin[((size_t)c * H + y) * W + x] = (float)acc;
            }
    }
}

void op_relu_grad_ref(const float *y, const float *g, float *gin, size_t n, int mode)
{
    for (size_t i = 0; i < n; i++) {
        int open = mode == OP_RELU_DECONVNET ? 1 : y[i] > 0.0f;
        int sign = mode == OP_RELU_PLAIN ? 1 : g[i] > 0.0f;
        gin[i] = open && sign ? g[i] : 0.0f;
    }
}

/* d = k + s·Σ_{j∈W(c)} a_j² at pixel p, W(c) = c−⌊(n−1)/2⌋ .. c+⌈(n−1)/2⌉ within c's domain. */
static double lrn_denominator(const float *a, int c, int p, int HW, int n, float k, float s,
                              int domain)
{
    int before = (n - 1) / 2, after = n - 1 - before;
    int lo = c / domain * domain, hi = lo + domain - 1;
    double sum = 0;
    for (int j = c - before; j <= c + after; j++)
        if (j >= lo && j <= hi) {
            double v = a[(size_t)j * HW + p];
            sum += v * v;
        }
    return k + s * sum;
}

/* 1 when channel i is in channel c's window W(c). */
static int lrn_in_window(int i, int c, int n, int domain)
{
    int before = (n - 1) / 2, after = n - 1 - before;
    return c / domain == i / domain && i >= c - before && i <= c + after;
}

void op_lrn_grad_ref(const float *a, const float *g, float *gin, int C, int HW, int n, float k,
                     float s, float beta, int domain)
{
    /* b_c = a_c·d_c^−β, so ∂b_c/∂a_i = [c = i]·d_i^−β − β·a_c·d_c^(−β−1)·2·s·a_i·[i ∈ W(c)] */
    for (int i = 0; i < C; i++)
        for (int p = 0; p < HW; p++) {
            double sum = 0;
            for (int c = i - n; c <= i + n; c++) {
                if (c < 0 || c >= C || !lrn_in_window(i, c, n, domain))
                    continue;
                size_t at = (size_t)c * HW + p;
                double d = lrn_denominator(a, c, p, HW, n, k, s, domain);
                sum += g[at] * (double)a[at] * pow(d, -beta - 1.0);
            }
            size_t at = (size_t)i * HW + p;
            double d = lrn_denominator(a, i, p, HW, n, k, s, domain);
            gin[at] = (float)(g[at] * pow(d, -beta) - 2.0 * s * beta * a[at] * sum);
        }
}

void op_pool_grad_ref(const float *in, const float *g, float *gin, int C, int H, int W, int K,
                      int stride, int pad, int OH, int OW)
{
    for (size_t i = 0; i < (size_t)C * H * W; i++)
        gin[i] = 0.0f;
    for (int c = 0; c < C; c++)
        for (int oy = 0; oy < OH; oy++)
            for (int ox = 0; ox < OW; ox++) {
                /* the window's first maximum in row-major order, as op_pool_ref finds it */
                float best = -INFINITY;
                long at = -1;
                for (int ky = 0; ky < K; ky++)
                    for (int kx = 0; kx < K; kx++) {
                        int y = oy * stride - pad + ky, x = ox * stride - pad + kx;
                        if (y < 0 || y >= H || x < 0 || x >= W)
                            continue;
                        float v = in[((size_t)c * H + y) * W + x];
                        if (v > best || at < 0) {
                            best = v;
                            at = ((long)c * H + y) * W + x;
                        }
                    }
                if (at >= 0)
                    gin[at] += g[((size_t)c * OH + oy) * OW + ox];
            }
}

void op_fc_grad_ref(const float *g, int N, const float *w, float *gin, int IN)
{
    for (int i = 0; i < IN; i++) {
        double acc = 0;
        for (int o = 0; o < N; o++)
            acc += (double)w[(size_t)o * IN + i] * g[o];
        gin[i] = (float)acc;
    }
}

void op_softmax_grad_ref(const float *p, const float *g, float *gin, int n)
{
    /* ∂p_j/∂x_i = p_j·([i = j] − p_i), so gin_i = Σ_j g_j·p_j·([i = j] − p_i) */
    double dot = 0;
    for (int j = 0; j < n; j++)
        dot += (double)g[j] * p[j];
    for (int i = 0; i < n; i++)
        gin[i] = (float)(p[i] * (g[i] - dot));
}
