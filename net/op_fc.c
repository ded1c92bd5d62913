/* op_fc.c: the fully connected layers as OpenBLAS sgemv, rows shared between the threads.
 *
 * At batch 1 fc6–fc8 read 58 M weights once each, so they run at memory bandwidth; each thread
 * streams its own block of rows of the (N, IN) row-major matrix with one single-threaded sgemv,
 * onto outputs that already hold the bias.
 */
#include "ops.h"

#include <cblas.h>
#include <string.h>

typedef struct {
    const float *in; /* (IN) */
    const float *w;  /* (N, IN) */
    const float *b;  /* (N) or NULL */
    float *out;      /* (N) */
    int IN, N;
} fc_job;

static void fc_part(void *ctx, int part, int parts)
{
    const fc_job *j = ctx;
    int o0, o1;
    op_range(j->N, part, parts, &o0, &o1);
    if (o1 == o0)
        return;
    if (j->b)
        memcpy(j->out + o0, j->b + o0, sizeof(float) * (size_t)(o1 - o0));
    else
        memset(j->out + o0, 0, sizeof(float) * (size_t)(o1 - o0));
    cblas_sgemv(CblasRowMajor, CblasNoTrans, o1 - o0, j->IN, 1.0f, j->w + (size_t)o0 * j->IN, j->IN,
                j->in, 1, 1.0f, j->out + o0, 1);
}

void op_fc(const float *in, int IN, const float *w, const float *b, float *out, int N)
{
    fc_job j = {in, w, b, out, IN, N};
    op_parallel(fc_part, &j);
}
