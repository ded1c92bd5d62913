/* op_lrn.c: the fast path of local response normalisation.
 *
 * Every output needs the sum of squares of its n channel neighbours at the same pixel. The
 * pixels are cut between the threads, and each thread walks its pixels in tiles small enough
 * that the n input rows of a tile stay in L1 cache while every channel's window is summed
 * directly from them. A running sum (add the channel entering the window, subtract the one
 * leaving) would save a few additions, but in float it drifts: after a large value leaves, the
 * sum keeps its rounding error, which can exceed the small values that remain.
 *
 * The power: with β = 3/4 (the paper's and Caffe's value) d^−β = 1/(√d·√√d), far cheaper than
 * powf; other β go through powf. The square roots are written with SSE2 (every x86-64 has it),
 * four lanes at a time: a plain loop of sqrtf stays scalar, because without -fno-math-errno the
 * compiler must keep sqrtf's errno behaviour. That alone made norm1 3× faster.
 */
#include "ops.h"

#include <math.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Pixels per tile: n rows of LRN_TILE floats stay well inside a 32 KB L1 for n up to 15. */
#define LRN_TILE 256

typedef struct {
    const float *in; /* (C, HW) */
    float *out;      /* (C, HW) */
    int C, HW, n, domain;
    float k, s, beta;
} lrn_job;

/* b[q] = a[q] · (k + s·sum[q])^−β for q in [0, len). */
static void lrn_scale(const float *a, const float *sum, float *b, int len, float k, float s,
                      float beta)
{
    if (beta == 0.75f) {
        int q = 0;
#if defined(__SSE2__)
        /* four at a time: the same operations in the same order, so the same bits */
        __m128 vk = _mm_set1_ps(k), vs = _mm_set1_ps(s);
        for (; q + 4 <= len; q += 4) {
            __m128 d = _mm_add_ps(vk, _mm_mul_ps(vs, _mm_loadu_ps(sum + q)));
            __m128 r = _mm_sqrt_ps(d);
            _mm_storeu_ps(b + q, _mm_div_ps(_mm_loadu_ps(a + q), _mm_mul_ps(r, _mm_sqrt_ps(r))));
        }
#endif
        for (; q < len; q++) {
            float d = k + s * sum[q];
            float r = sqrtf(d);
            b[q] = a[q] / (r * sqrtf(r));
        }
    } else {
        for (int q = 0; q < len; q++)
            b[q] = a[q] * powf(k + s * sum[q], -beta);
    }
}

static void lrn_part(void *ctx, int part, int parts)
{
    const lrn_job *j = ctx;
    int before = (j->n - 1) / 2, after = j->n - 1 - before;
    int p0, p1;
    op_range(j->HW, part, parts, &p0, &p1);
    float sum[LRN_TILE]; /* (tile) Σ in² over the current channel's window */
    for (int t = p0; t < p1; t += LRN_TILE) {
        int len = p1 - t < LRN_TILE ? p1 - t : LRN_TILE;
        for (int c = 0; c < j->C; c++) {
            int lo = c / j->domain * j->domain, hi = lo + j->domain - 1;
            int j0 = c - before < lo ? lo : c - before, j1 = c + after > hi ? hi : c + after;
            for (int q = 0; q < len; q++)
                sum[q] = 0.0f;
            for (int i = j0; i <= j1; i++) {
                const float *a = j->in + (size_t)i * j->HW + t;
                for (int q = 0; q < len; q++)
                    sum[q] += a[q] * a[q];
            }
            size_t off = (size_t)c * j->HW + t;
            lrn_scale(j->in + off, sum, j->out + off, len, j->k, j->s, j->beta);
        }
    }
}

void op_lrn(const float *in, float *out, int C, int HW, int n, float k, float s, float beta,
            int domain)
{
    lrn_job j = {in, out, C, HW, n, domain, k, s, beta};
    op_parallel(lrn_part, &j);
}
