/* op_conv.c: convolution as im2col + one OpenBLAS sgemm per group.
 *
 * For each group g the input patches are unrolled into a matrix col (C/groups·K·K, OH·OW), so
 * the convolution becomes out_g (M/groups, OH·OW) = w_g (M/groups, C/groups·K·K) · col. The
 * bias is written first and sgemm accumulates onto it (beta = 1).
 */
#include "ops.h"

#include <cblas.h>
#include <string.h>

size_t op_conv_work(int C, int K, int groups, int OH, int OW)
{
    return (size_t)(C / groups) * K * K * OH * OW;
}

/* col (cg·K·K, OH·OW) from channels [c0, c0 + cg) of in, zeros where the kernel hangs over. */
static void im2col(const float *in, int c0, int cg, int H, int W, int K, int stride, int pad,
                   int OH, int OW, float *col)
{
    for (int c = 0; c < cg; c++) {
        const float *plane = in + (size_t)(c0 + c) * H * W;
        for (int ky = 0; ky < K; ky++)
            for (int kx = 0; kx < K; kx++) {
                float *row = col + (((size_t)c * K + ky) * K + kx) * OH * OW;
                for (int oy = 0; oy < OH; oy++) {
                    int y = oy * stride - pad + ky;
                    float *dst = row + (size_t)oy * OW;
                    if (y < 0 || y >= H) {
                        memset(dst, 0, sizeof(float) * (size_t)OW);
                        continue;
                    }
                    const float *src = plane + (size_t)y * W;
                    if (stride == 1) {
                        /* a contiguous run, with zeros on the left and right edges */
                        int x0 = kx - pad, ox = 0;
                        for (; ox < OW && x0 + ox < 0; ox++)
                            dst[ox] = 0.0f;
                        int end = OW;
                        while (end > ox && x0 + end - 1 >= W)
                            dst[--end] = 0.0f;
                        if (end > ox)
                            memcpy(dst + ox, src + x0 + ox, sizeof(float) * (size_t)(end - ox));
                    } else {
                        for (int ox = 0; ox < OW; ox++) {
                            int x = ox * stride - pad + kx;
                            dst[ox] = (x >= 0 && x < W) ? src[x] : 0.0f;
                        }
                    }
                }
            }
    }
}

void op_conv(const float *in, int C, int H, int W, const float *w, const float *b, int M, int K,
             int stride, int pad, int groups, float *out, int OH, int OW, float *work)
{
    int cg = C / groups, mg = M / groups, kk = cg * K * K, n = OH * OW;
    for (int m = 0; m < M; m++) {
        float v = b ? b[m] : 0.0f;
        float *o = out + (size_t)m * n;
        for (int i = 0; i < n; i++)
            o[i] = v;
    }
    for (int g = 0; g < groups; g++) {
        const float *col = in + (size_t)g * cg * H * W;
        /* a 1×1 stride-1 unpadded convolution is already a matrix: skip the copy */
        if (!(K == 1 && stride == 1 && pad == 0)) {
            im2col(in, g * cg, cg, H, W, K, stride, pad, OH, OW, work);
            col = work;
        }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, mg, n, kk, 1.0f,
                    w + (size_t)g * mg * kk, kk, col, n, 1.0f, out + (size_t)g * mg * n, n);
    }
}
