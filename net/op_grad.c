/* op_grad.c: the fast paths of the gradients of ReLU, max pooling, fc and softmax.
 *
 * ReLU: one pass over memory, split across the threads on large maps, as forward. Max pooling:
 * each output's gradient goes to the first input of its window equal to the output the forward
 * pass kept, which is the first maximum in row-major order, the reference's (and PyTorch's) tie
 * rule, found without comparing the window's values with each other; channels are split across
 * the threads, and each thread adds into its own planes in output order, so the result is the
 * reference's bit for bit. fc: gin = wᵀ·g as single-threaded sgemv calls on column blocks of w,
 * one per thread, so that no two threads write the same input. Softmax: one plain loop.
 */
#include "ops.h"

#include <cblas.h>
#include <string.h>

/* Below this many values a second thread costs more to wake than it saves (as in forward). */
#define RELU_PARALLEL_MIN 65536

typedef struct {
    const float *y, *g;
    float *gin;
    size_t n;
    int mode;
} relu_grad_job;

static void relu_grad_run(const float *y, const float *g, float *gin, size_t n, int mode)
{
    if (mode == OP_RELU_PLAIN)
        for (size_t i = 0; i < n; i++)
            gin[i] = y[i] > 0.0f ? g[i] : 0.0f;
    else if (mode == OP_RELU_DECONVNET)
        for (size_t i = 0; i < n; i++)
            gin[i] = g[i] > 0.0f ? g[i] : 0.0f;
    else
        for (size_t i = 0; i < n; i++)
            gin[i] = y[i] > 0.0f && g[i] > 0.0f ? g[i] : 0.0f;
}

static void relu_grad_part(void *ctx, int part, int parts)
{
    const relu_grad_job *j = ctx;
    size_t i0 = j->n * (size_t)part / (size_t)parts, i1 = j->n * (size_t)(part + 1) / (size_t)parts;
    relu_grad_run(j->y + i0, j->g + i0, j->gin + i0, i1 - i0, j->mode);
}

void op_relu_grad(const float *y, const float *g, float *gin, size_t n, int mode)
{
    if (n < RELU_PARALLEL_MIN) {
        relu_grad_run(y, g, gin, n, mode);
        return;
    }
    relu_grad_job j = {y, g, gin, n, mode};
    op_parallel(relu_grad_part, &j);
}

typedef struct {
    const float *in;  /* (C, H, W) */
    const float *out; /* (C, OH, OW) */
    const float *g;   /* (C, OH, OW) */
    float *gin;       /* (C, H, W) */
    int C, H, W, K, stride, pad, OH, OW;
} pool_grad_job;

static void pool_grad_part(void *ctx, int part, int parts)
{
    const pool_grad_job *j = ctx;
    int c0, c1, S = j->stride;
    op_range(j->C, part, parts, &c0, &c1);
    for (int c = c0; c < c1; c++) {
        const float *plane = j->in + (size_t)c * j->H * j->W;
        const float *out = j->out + (size_t)c * j->OH * j->OW,
                    *g = j->g + (size_t)c * j->OH * j->OW;
        float *gin = j->gin + (size_t)c * j->H * j->W;
        memset(gin, 0, sizeof(float) * (size_t)j->H * j->W);
        for (int oy = 0; oy < j->OH; oy++) {
            int y0 = oy * S - j->pad, y1 = y0 + j->K;
            y0 = y0 < 0 ? 0 : y0;
            y1 = y1 > j->H ? j->H : y1;
            for (int ox = 0; ox < j->OW; ox++) {
                int x0 = ox * S - j->pad, x1 = x0 + j->K;
                x0 = x0 < 0 ? 0 : x0;
                x1 = x1 > j->W ? j->W : x1;
                float best = out[oy * j->OW + ox];
                long at = -1;
                for (int y = y0; y < y1 && at < 0; y++)
                    for (int x = x0; x < x1; x++)
                        if (plane[(size_t)y * j->W + x] == best) {
                            at = (long)y * j->W + x;
                            break;
                        }
                if (at >= 0)
                    gin[at] += g[oy * j->OW + ox];
            }
        }
    }
}

void op_pool_grad(const float *in, const float *out, const float *g, float *gin, int C, int H,
                  int W, int K, int stride, int pad, int OH, int OW)
{
    pool_grad_job j = {in, out, g, gin, C, H, W, K, stride, pad, OH, OW};
    op_parallel(pool_grad_part, &j);
}

typedef struct {
    const float *g; /* (N) */
    const float *w; /* (N, IN) */
    float *gin;     /* (IN) */
    int N, IN;
} fc_grad_job;

static void fc_grad_part(void *ctx, int part, int parts)
{
    const fc_grad_job *j = ctx;
    int i0, i1;
    op_range(j->IN, part, parts, &i0, &i1);
    if (i1 == i0)
        return;
    /* columns [i0, i1) of w: an (N, i1 − i0) matrix with row stride IN, transposed */
    cblas_sgemv(CblasRowMajor, CblasTrans, j->N, i1 - i0, 1.0f, j->w + i0, j->IN, j->g, 1, 0.0f,
                j->gin + i0, 1);
}

void op_fc_grad(const float *g, int N, const float *w, float *gin, int IN)
{
    fc_grad_job j = {g, w, gin, N, IN};
    op_parallel(fc_grad_part, &j);
}

void op_softmax_grad(const float *p, const float *g, float *gin, int n)
{
    double dot = 0;
    for (int i = 0; i < n; i++)
        dot += (double)g[i] * p[i];
    float d = (float)dot;
    for (int i = 0; i < n; i++)
        gin[i] = p[i] * (g[i] - d);
}
