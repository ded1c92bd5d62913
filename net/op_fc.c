/* op_fc.c: the fully connected layers as one OpenBLAS sgemv.
 *
 * At batch 1 fc6–fc8 read 58 M weights once each, so they run at memory bandwidth; sgemv on the
 * (N, IN) row-major matrix streams it in order.
 */
#include "ops.h"

#include <cblas.h>
#include <string.h>

void op_fc(const float *in, int IN, const float *w, const float *b, float *out, int N)
{
    if (b)
        memcpy(out, b, sizeof(float) * (size_t)N);
    else
        memset(out, 0, sizeof(float) * (size_t)N);
    cblas_sgemv(CblasRowMajor, CblasNoTrans, N, IN, 1.0f, w, IN, in, 1, 1.0f, out, 1);
}
