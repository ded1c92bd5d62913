/* op_conv_grad.c: the gradient at a convolution's input, as sgemm + col2im on the shared threads.
 *
 * The forward pass is out_g = w_g · col_g, with col (C·K·K, OH·OW) the unrolled input patches
 * (op_conv.c). Its gradient with respect to col is therefore one product per group,
 *   dcol_g (C/groups·K·K, OH·OW) = w_gᵀ (C/groups·K·K, M/groups) · g_g (M/groups, OH·OW),
 * and the gradient with respect to the input adds every row of dcol back where im2col took it
 * from: input pixel (c, y, x) collects dcol[(c, ky, kx), (oy, ox)] for every tap with
 * y = oy·stride − pad + ky and x = ox·stride − pad + kx (col2im).
 *
 * Two parallel regions. The threads first share the rows of dcol, each piece one single-threaded
 * sgemm cut at group boundaries; then they share the input's rows (c, y), so that each thread
 * writes only its own rows and col2im needs no atomics: for a row, the taps ky that reach it
 * pick one row oy of dcol, and each tap kx adds that row, shifted, along the image row. A 1×1,
 * stride-1, unpadded convolution needs no col2im: dcol is the gradient itself.
 *
 * The weight gradient (dw = g · colᵀ) is not computed: nothing in alexviz trains.
 */
#include "ops.h"

#include <cblas.h>
#include <string.h>

typedef struct {
    const float *g; /* (M, OH, OW) */
    const float *w; /* (M, C/groups, K, K) */
    float *gin;     /* (C, H, W) */
    float *dcol;    /* (C·K·K, OH·OW) */
    int M, OH, OW, K, stride, pad, groups, C, H, W;
} conv_grad_job;

size_t op_conv_grad_work(int C, int K, int OH, int OW) { return (size_t)C * K * K * OH * OW; }

static void dcol_part(void *ctx, int part, int parts)
{
    const conv_grad_job *j = ctx;
    int kk = j->C / j->groups * j->K * j->K, mg = j->M / j->groups, n = j->OH * j->OW, r0, r1;
    op_range(j->C * j->K * j->K, part, parts, &r0, &r1);
    /* rows [r0, r1) cut at group boundaries: rows r..end of w_gᵀ are columns r..end of w_g */
    for (int r = r0; r < r1;) {
        int grp = r / kk, end = (grp + 1) * kk < r1 ? (grp + 1) * kk : r1;
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, end - r, n, mg, 1.0f,
                    j->w + (size_t)grp * mg * kk + (r - grp * kk), kk, j->g + (size_t)grp * mg * n,
                    n, 0.0f, j->dcol + (size_t)r * n, n);
        r = end;
    }
}

/* Input row (c, y): the sum of every dcol row segment that im2col copied from it. */
static void col2im_row(const conv_grad_job *j, int c, int y, float *row)
{
    int K = j->K, S = j->stride, pad = j->pad, OW = j->OW;
    memset(row, 0, sizeof(float) * (size_t)j->W);
    for (int ky = 0; ky < K; ky++) {
        int ty = y + pad - ky;
        if (ty < 0 || ty % S || ty / S >= j->OH)
            continue;
        int oy = ty / S;
        for (int kx = 0; kx < K; kx++) {
            const float *src =
                j->dcol + ((size_t)(c * K + ky) * K + kx) * j->OH * OW + (size_t)oy * OW;
            /* x = ox·S − pad + kx lies in [0, W) exactly for ox in [ox0, ox1), as in im2col */
            int ox0 = kx >= pad ? 0 : (pad - kx + S - 1) / S;
            int ox1 = j->W + pad - kx <= 0 ? 0 : (j->W + pad - kx + S - 1) / S;
            ox0 = ox0 < OW ? ox0 : OW;
            ox1 = ox1 < ox0 ? ox0 : ox1 > OW ? OW : ox1;
            int off = kx - pad; /* row[ox·S + off] is column x */
            if (S == 1)
                for (int ox = ox0; ox < ox1; ox++) /* contiguous: the compiler vectorises it */
                    row[ox + off] += src[ox];
            else
                for (int ox = ox0; ox < ox1; ox++)
                    row[ox * S + off] += src[ox];
        }
    }
}

static void col2im_part(void *ctx, int part, int parts)
{
    const conv_grad_job *j = ctx;
    int r0, r1;
    op_range(j->C * j->H, part, parts, &r0, &r1);
    for (int r = r0; r < r1; r++)
        col2im_row(j, r / j->H, r % j->H, j->gin + (size_t)r * j->W);
}

void op_conv_grad(const float *g, int M, int OH, int OW, const float *w, int K, int stride, int pad,
                  int groups, float *gin, int C, int H, int W, float *work)
{
    conv_grad_job j = {g, w, gin, work, M, OH, OW, K, stride, pad, groups, C, H, W};
    if (K == 1 && stride == 1 && pad == 0) {
        j.dcol = gin;
        op_parallel(dcol_part, &j);
        return;
    }
    op_parallel(dcol_part, &j);
    op_parallel(col2im_part, &j);
}
