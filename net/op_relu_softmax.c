/* op_relu_softmax.c: the fast paths of ReLU and softmax.
 *
 * ReLU is one pass over memory; on a large map (relu1: 290,400 values) the threads each take a
 * contiguous slice. Softmax runs once per pass on 1000 values, so it is a plain loop in float
 * with the sum in double; the reference does everything in double.
 */
#include "ops.h"

#include <math.h>

/* Below this many values a second thread costs more to wake than it saves. */
#define RELU_PARALLEL_MIN 65536

typedef struct {
    const float *in;
    float *out;
    size_t n;
} relu_job;

static void relu_run(const float *in, float *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}

static void relu_part(void *ctx, int part, int parts)
{
    const relu_job *j = ctx;
    size_t i0 = j->n * (size_t)part / (size_t)parts, i1 = j->n * (size_t)(part + 1) / (size_t)parts;
    relu_run(j->in + i0, j->out + i0, i1 - i0);
}

void op_relu(const float *in, float *out, size_t n)
{
    if (n < RELU_PARALLEL_MIN) {
        relu_run(in, out, n);
        return;
    }
    relu_job j = {in, out, n};
    op_parallel(relu_part, &j);
}

void op_softmax(const float *in, float *out, int n)
{
    float mx = -INFINITY;
    for (int i = 0; i < n; i++)
        mx = in[i] > mx ? in[i] : mx;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        out[i] = expf(in[i] - mx);
        sum += out[i];
    }
    float inv = (float)(1.0 / sum);
    for (int i = 0; i < n; i++)
        out[i] *= inv;
}
