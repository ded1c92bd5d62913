/* op_lrn_pool.c: the fast paths of LRN and max pooling.
 *
 * LRN keeps a running sum of squares across the channel window, so each output costs a few
 * operations whatever n is, and raises to -β with sqrt when β = 3/4 (Caffe's and the paper's
 * value): x^-0.75 = 1/(√x·√√x), far cheaper than powf. Pooling walks rows with the kernel
 * window clipped once per row instead of per tap.
 */
#include "ops.h"

#include <cblas.h>
#include <math.h>
#include <string.h>

size_t op_lrn_work(int HW) { return (size_t)HW; }

void op_lrn(const float *in, float *out, int C, int HW, int n, float k, float s, float beta,
            int domain, float *work)
{
    int before = (n - 1) / 2, after = n - 1 - before;
    int fast_beta = beta == 0.75f;
    float *sum = work; /* (HW) Σ in² over the current channel's window */
    for (int lo = 0; lo < C; lo += domain) {
        int hi = lo + domain - 1;
        memset(sum, 0, sizeof(float) * (size_t)HW);
        /* the window of channel lo: [lo, min(hi, lo + after)] */
        for (int j = lo; j <= hi && j <= lo + after; j++) {
            const float *a = in + (size_t)j * HW;
            for (int p = 0; p < HW; p++)
                sum[p] += a[p] * a[p];
        }
        for (int c = lo; c <= hi; c++) {
            const float *a = in + (size_t)c * HW;
            float *b = out + (size_t)c * HW;
            if (fast_beta)
                for (int p = 0; p < HW; p++) {
                    float d = k + s * sum[p];
                    b[p] = a[p] / (sqrtf(d) * sqrtf(sqrtf(d)));
                }
            else
                for (int p = 0; p < HW; p++)
                    b[p] = a[p] * powf(k + s * sum[p], -beta);
            /* slide: channel c+1's window gains c+1+after and loses c−before */
            int add = c + 1 + after, drop = c - before;
            if (add <= hi) {
                const float *x = in + (size_t)add * HW;
                for (int p = 0; p < HW; p++)
                    sum[p] += x[p] * x[p];
            }
            if (drop >= lo) {
                const float *x = in + (size_t)drop * HW;
                for (int p = 0; p < HW; p++)
                    sum[p] -= x[p] * x[p];
            }
        }
    }
}

void op_pool(const float *in, int C, int H, int W, int K, int stride, int pad, int pad_end,
             float *out, int OH, int OW)
{
    (void)pad_end;
    for (int c = 0; c < C; c++) {
        const float *plane = in + (size_t)c * H * W;
        float *o = out + (size_t)c * OH * OW;
        for (int oy = 0; oy < OH; oy++) {
            int y0 = oy * stride - pad, y1 = y0 + K;
            if (y0 < 0)
                y0 = 0;
            if (y1 > H)
                y1 = H;
            for (int ox = 0; ox < OW; ox++) {
                int x0 = ox * stride - pad, x1 = x0 + K;
                if (x0 < 0)
                    x0 = 0;
                if (x1 > W)
                    x1 = W;
                float best = -INFINITY;
                for (int y = y0; y < y1; y++)
                    for (int x = x0; x < x1; x++) {
                        float v = plane[(size_t)y * W + x];
                        best = v > best ? v : best;
                    }
                o[(size_t)oy * OW + ox] = best;
            }
        }
    }
}

static int n_threads = 1;

void op_set_threads(int threads)
{
    n_threads = threads < 1 ? 1 : threads;
    openblas_set_num_threads(n_threads);
}

int op_threads(void) { return n_threads; }
