/* op_lrn_grad.c: the gradient at local response normalisation's input.
 *
 * With b_c = a_c·d_c^−β and d_c = k + s·Σ_{j∈W(c)} a_j², input a_i reaches b_i directly and every
 * b_c whose window holds it through d_c:
 *   ∂L/∂a_i = g_i·d_i^−β − 2·s·β·a_i · Σ_{c: i ∈ W(c)} q_c,   q_c = g_c·a_c·d_c^(−β−1).
 * W(c) runs ⌊(n−1)/2⌋ channels before c and ⌈(n−1)/2⌉ after (clipped to c's domain), so the
 * channels c whose window holds i run ⌈(n−1)/2⌉ before i and ⌊(n−1)/2⌋ after: the same window,
 * mirrored (different only for an even n), and clipped to the same domain.
 *
 * Two sweeps over each tile of pixels, as in the forward path (op_lrn.c): the first sums every
 * channel's window directly, as the forward pass does, and keeps d_c^−β (in gin, overwritten
 * next) and q_c (in work); the second sums q over the mirrored windows and writes gin. The pixels
 * are cut between the threads; with β = 3/4, d^−β = 1/(√d·√√d) four lanes at a time.
 */
#include "ops.h"

#include <math.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Pixels per tile: the first sweep reads n rows of it, the second n rows of q. */
#define LRN_TILE 256

typedef struct {
    const float *a; /* (C, HW) the forward input */
    const float *g; /* (C, HW) the gradient at the output */
    float *gin;     /* (C, HW) */
    float *q;       /* (C, HW) g_c·a_c·d_c^(−β−1) */
    int C, HW, n, domain;
    float k, s, beta;
} lrn_grad_job;

size_t op_lrn_grad_work(int C, int HW) { return (size_t)C * HW; }

/* For q in [0, len), with d = k + s·sum[q]: t[q] = d^−β and q[q] = g·a·d^−β / d. */
static void lrn_grad_powers(const float *sum, const float *a, const float *g, float *t, float *qc,
                            int len, float k, float s, float beta)
{
    int q = 0;
    if (beta == 0.75f) {
#if defined(__SSE2__)
        __m128 vk = _mm_set1_ps(k), vs = _mm_set1_ps(s), one = _mm_set1_ps(1.0f);
        for (; q + 4 <= len; q += 4) {
            __m128 d = _mm_add_ps(vk, _mm_mul_ps(vs, _mm_loadu_ps(sum + q)));
            __m128 r = _mm_sqrt_ps(d);
            __m128 tv = _mm_div_ps(one, _mm_mul_ps(r, _mm_sqrt_ps(r)));
            __m128 ga = _mm_mul_ps(_mm_loadu_ps(g + q), _mm_loadu_ps(a + q));
            _mm_storeu_ps(t + q, tv);
            _mm_storeu_ps(qc + q, _mm_div_ps(_mm_mul_ps(ga, tv), d));
        }
#endif
        for (; q < len; q++) {
            float d = k + s * sum[q], r = sqrtf(d), tv = 1.0f / (r * sqrtf(r));
            t[q] = tv;
            qc[q] = g[q] * a[q] * tv / d;
        }
    } else {
        for (; q < len; q++) {
            float d = k + s * sum[q], tv = powf(d, -beta);
            t[q] = tv;
            qc[q] = g[q] * a[q] * tv / d;
        }
    }
}

static void lrn_grad_part(void *ctx, int part, int parts)
{
    const lrn_grad_job *j = ctx;
    int before = (j->n - 1) / 2, after = j->n - 1 - before, p0, p1;
    float coef = 2.0f * j->s * j->beta;
    op_range(j->HW, part, parts, &p0, &p1);
    float acc[LRN_TILE]; /* (tile) Σ a² over a window, then Σ q over a mirrored one */
    for (int t = p0; t < p1; t += LRN_TILE) {
        int len = p1 - t < LRN_TILE ? p1 - t : LRN_TILE;
        for (int c = 0; c < j->C; c++) {
            int lo = c / j->domain * j->domain, hi = lo + j->domain - 1;
            int j0 = c - before < lo ? lo : c - before, j1 = c + after > hi ? hi : c + after;
            for (int q = 0; q < len; q++)
                acc[q] = 0.0f;
            for (int i = j0; i <= j1; i++) {
                const float *a = j->a + (size_t)i * j->HW + t;
                for (int q = 0; q < len; q++)
                    acc[q] += a[q] * a[q];
            }
            size_t off = (size_t)c * j->HW + t;
            lrn_grad_powers(acc, j->a + off, j->g + off, j->gin + off, j->q + off, len, j->k, j->s,
                            j->beta);
        }
        for (int c = 0; c < j->C; c++) {
            int lo = c / j->domain * j->domain, hi = lo + j->domain - 1;
            int m0 = c - after < lo ? lo : c - after, m1 = c + before > hi ? hi : c + before;
            for (int q = 0; q < len; q++)
                acc[q] = 0.0f;
            for (int i = m0; i <= m1; i++) {
                const float *qi = j->q + (size_t)i * j->HW + t;
                for (int q = 0; q < len; q++)
                    acc[q] += qi[q];
            }
            size_t off = (size_t)c * j->HW + t;
            const float *a = j->a + off, *g = j->g + off;
            float *gin = j->gin + off; /* holds d_c^−β from the first sweep */
            for (int q = 0; q < len; q++)
                gin[q] = g[q] * gin[q] - coef * a[q] * acc[q];
        }
    }
}

void op_lrn_grad(const float *a, const float *g, float *gin, int C, int HW, int n, float k, float s,
                 float beta, int domain, float *work)
{
    lrn_grad_job j = {a, g, gin, work, C, HW, n, domain, k, s, beta};
    op_parallel(lrn_grad_part, &j);
}
