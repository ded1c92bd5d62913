/* op_pool.c: the fast path of max pooling.
 *
 * A K×K max is a max over K rows of a max over K columns, and the row part can be shared: for
 * each output row, the K input rows it covers are first reduced column by column into one row
 * (a loop over contiguous floats, which the compiler turns into vector max instructions), and
 * each output then takes the max of K neighbours in that row. The row buffer is filled with −inf
 * beyond the input, so padding costs nothing and no window is clipped one by one. Channels are
 * cut between the threads.
 *
 * The row buffer lives on the stack and holds POOL_SPAN columns; wider rows are done in chunks
 * of outputs. A kernel wider than the buffer (no network has one) takes the reference loop.
 */
#include "ops.h"

#include <math.h>

/* Columns of the reduced row kept at once: 4 KB, AlexNet's widest row (55) in one chunk. */
#define POOL_SPAN 1024

typedef struct {
    const float *in; /* (C, H, W) */
    float *out;      /* (C, OH, OW) */
    int C, H, W, K, stride, pad, pad_end, OH, OW;
} pool_job;

/* Channels [c0, c1). K and S arrive as arguments, not from j, so that the call with AlexNet's
 * 3 and 2 below becomes a copy of its own with the short loops unrolled (3–5× faster). */
static inline void pool_planes(const pool_job *j, int c0, int c1, int K, int S)
{
    int chunk = (POOL_SPAN - K) / S + 1;
    float vm[POOL_SPAN]; /* (span) column maxima of the current rows, −inf outside the input */
    for (int c = c0; c < c1; c++) {
        const float *plane = j->in + (size_t)c * j->H * j->W;
        float *o = j->out + (size_t)c * j->OH * j->OW;
        for (int oy = 0; oy < j->OH; oy++, o += j->OW) {
            int y0 = oy * S - j->pad, y1 = y0 + K;
            y0 = y0 < 0 ? 0 : y0;
            y1 = y1 > j->H ? j->H : y1;
            for (int oa = 0; oa < j->OW; oa += chunk) {
                int ob = oa + chunk < j->OW ? oa + chunk : j->OW;
                /* input columns [xs, xs + span) feed outputs [oa, ob); [i0, i1) of them exist */
                int xs = oa * S - j->pad, span = (ob - oa - 1) * S + K;
                int i0 = xs < 0 ? -xs : 0, i1 = j->W - xs < span ? j->W - xs : span;
                for (int i = 0; i < span; i++)
                    vm[i] = -INFINITY;
                for (int y = y0; y < y1; y++) {
                    const float *r = plane + (size_t)y * j->W; /* column xs + i is r[xs + i] */
                    for (int i = i0; i < i1; i++)
                        vm[i] = r[xs + i] > vm[i] ? r[xs + i] : vm[i];
                }
                for (int ox = oa; ox < ob; ox++) {
                    const float *w = vm + (ox - oa) * S;
                    float best = w[0];
                    for (int k = 1; k < K; k++)
                        best = w[k] > best ? w[k] : best;
                    o[ox] = best;
                }
            }
        }
    }
}

static void pool_part(void *ctx, int part, int parts)
{
    const pool_job *j = ctx;
    int c0, c1;
    op_range(j->C, part, parts, &c0, &c1);
    if (j->K == 3 && j->stride == 2)
        pool_planes(j, c0, c1, 3, 2);
    else if (j->K <= POOL_SPAN)
        pool_planes(j, c0, c1, j->K, j->stride);
    else
        op_pool_ref(j->in + (size_t)c0 * j->H * j->W, c1 - c0, j->H, j->W, j->K, j->stride, j->pad,
                    j->pad_end, j->out + (size_t)c0 * j->OH * j->OW, j->OH, j->OW);
}

void op_pool(const float *in, int C, int H, int W, int K, int stride, int pad, int pad_end,
             float *out, int OH, int OW)
{
    /* -inf padding after the input never wins a max; OH, OW already count it */
    pool_job j = {in, out, C, H, W, K, stride, pad, pad_end, OH, OW};
    op_parallel(pool_part, &j);
}
