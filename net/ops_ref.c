/* ops_ref.c: the reference loops, one per operation, written to read like the formulas.
 *
 * These are the definitions the fast paths in the other op_*.c files are tested against; they
 * are slow on purpose and never used by the forward pass.
 */
#include "ops.h"

#include <math.h>

void op_conv_ref(const float *in, int C, int H, int W, const float *w, const float *b, int M, int K,
                 int stride, int pad, int groups, float *out, int OH, int OW)
{
    int cg = C / groups, mg = M / groups;
    for (int m = 0; m < M; m++) {
        int g = m / mg;
        for (int oy = 0; oy < OH; oy++)
            for (int ox = 0; ox < OW; ox++) {
                double acc = b ? b[m] : 0.0;
                for (int c = 0; c < cg; c++)
                    for (int ky = 0; ky < K; ky++)
                        for (int kx = 0; kx < K; kx++) {
                            int y = oy * stride - pad + ky, x = ox * stride - pad + kx;
                            if (y < 0 || y >= H || x < 0 || x >= W)
                                continue;
                            acc += (double)in[((size_t)(g * cg + c) * H + y) * W + x] *
                                   w[(((size_t)m * cg + c) * K + ky) * K + kx];
                        }
                out[((size_t)m * OH + oy) * OW + ox] = (float)acc;
            }
    }
}

void op_lrn_ref(const float *in, float *out, int C, int HW, int n, float k, float s, float beta,
                int domain)
{
    int before = (n - 1) / 2, after = n - 1 - before;
    for (int c = 0; c < C; c++) {
        int lo = c / domain * domain, hi = lo + domain - 1;
        int j0 = c - before < lo ? lo : c - before, j1 = c + after > hi ? hi : c + after;
        for (int p = 0; p < HW; p++) {
            double sum = 0;
            for (int j = j0; j <= j1; j++) {
                double a = in[(size_t)j * HW + p];
                sum += a * a;
            }
            out[(size_t)c * HW + p] = (float)(in[(size_t)c * HW + p] / pow(k + s * sum, beta));
        }
    }
}

void op_pool_ref(const float *in, int C, int H, int W, int K, int stride, int pad, int pad_end,
                 float *out, int OH, int OW)
{
    (void)pad_end; /* -inf padding after the input never wins a max; OH, OW already count it */
    for (int c = 0; c < C; c++)
        for (int oy = 0; oy < OH; oy++)
            for (int ox = 0; ox < OW; ox++) {
                float best = -INFINITY;
                for (int ky = 0; ky < K; ky++)
                    for (int kx = 0; kx < K; kx++) {
                        int y = oy * stride - pad + ky, x = ox * stride - pad + kx;
                        if (y < 0 || y >= H || x < 0 || x >= W)
                            continue;
                        float v = in[((size_t)c * H + y) * W + x];
                        if (v > best)
                            best = v;
                    }
                out[((size_t)c * OH + oy) * OW + ox] = best;
            }
}

void op_fc_ref(const float *in, int IN, const float *w, const float *b, float *out, int N)
{
    for (int o = 0; o < N; o++) {
        double acc = b ? b[o] : 0.0;
        for (int i = 0; i < IN; i++)
            acc += (double)w[(size_t)o * IN + i] * in[i];
        out[o] = (float)acc;
    }
}

void op_relu_ref(const float *in, float *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}

void op_softmax_ref(const float *in, float *out, int n)
{
    double mx = -INFINITY, sum = 0;
    for (int i = 0; i < n; i++)
        mx = in[i] > mx ? in[i] : mx;
    for (int i = 0; i < n; i++)
        sum += exp(in[i] - mx);
    for (int i = 0; i < n; i++)
        out[i] = (float)(exp(in[i] - mx) / sum);
}
