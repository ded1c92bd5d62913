/* ops.h: the operations, private to net/.
 *
 * Each operation has a plain reference loop (op_*_ref) that reads like the formula, and a fast
 * path (op_*) that the forward pass uses; tests hold the two together. All tensors are float32,
 * C×H×W, batch 1. Output sizes are passed in: the stage table decides them (and their rounding).
 * Nothing here allocates; scratch space comes from the caller through `work`. The fast paths
 * share a few persistent worker threads (op_threads.c).
 */
#ifndef NET_OPS_H
#define NET_OPS_H

#include <stddef.h>

/* Convolution. in (C, H, W); w (M, C/groups, K, K); b (M) or NULL; out (M, OH, OW).
 * Zero padding `pad` on every side; OH = floor((H + 2·pad − K)/stride) + 1. */
void op_conv_ref(const float *in, int C, int H, int W, const float *w, const float *b, int M,
                 int K, int stride, int pad, int groups, float *out, int OH, int OW);
/* im2col + sgemm. work holds at least op_conv_work(...) floats: the im2col matrices of every
 * group at once, (C·K·K, OH·OW), so that the groups can run side by side. */
size_t op_conv_work(int C, int K, int groups, int OH, int OW);
void op_conv(const float *in, int C, int H, int W, const float *w, const float *b, int M, int K,
             int stride, int pad, int groups, float *out, int OH, int OW, float *work);

/* out = max(in, 0); in and out may be the same buffer. */
void op_relu_ref(const float *in, float *out, size_t n);
void op_relu(const float *in, float *out, size_t n);

/* Local response normalisation across channels:
 *   out[c] = in[c] / (k + s · Σ_{j = c−⌊(n−1)/2⌋}^{c+⌈(n−1)/2⌉} in[j]²)^beta
 * with j clipped to the channel's domain. The domain is all C channels when `domain` is C, or the
 * block of `domain` channels containing c (domain = C/2: within towers). HW = H·W. */
void op_lrn_ref(const float *in, float *out, int C, int HW, int n, float k, float s, float beta,
                int domain);
void op_lrn(const float *in, float *out, int C, int HW, int n, float k, float s, float beta,
            int domain);

/* Max pooling with -inf padding: `pad` rows/cols before, `pad_end` after. A window is clipped to
 * the padded input; output size OH, OW is the caller's (floor or ceil rounding). */
void op_pool_ref(const float *in, int C, int H, int W, int K, int stride, int pad, int pad_end,
                 float *out, int OH, int OW);
void op_pool(const float *in, int C, int H, int W, int K, int stride, int pad, int pad_end,
             float *out, int OH, int OW);

/* Fully connected: out (N) = w (N, IN) · in (IN) + b (N). */
void op_fc_ref(const float *in, int IN, const float *w, const float *b, float *out, int N);
void op_fc(const float *in, int IN, const float *w, const float *b, float *out, int N);

/* Numerically stable softmax over n values: exp(x − max) / Σ exp(x − max). */
void op_softmax_ref(const float *in, float *out, int n);
void op_softmax(const float *in, float *out, int n);

/* Threads the fast paths use (≥ 1; the caller counts as one). OpenBLAS itself is set to one
 * thread: the ops split their matrices across these threads instead (see op_threads.c). */
void op_set_threads(int threads);
int op_threads(void);

/* One parallel region: fn(ctx, part, parts) for every part in [0, parts), on parts threads (the
 * caller runs part 0); returns when all have finished. parts is op_threads(), or 1 when another
 * thread's region is running. */
typedef void (*op_part_fn)(void *ctx, int part, int parts);
void op_parallel(op_part_fn fn, void *ctx);
/* Part `part` of [0, n) cut into `parts` near-equal contiguous pieces: [*begin, *end). */
void op_range(int n, int part, int parts, int *begin, int *end);

#endif
