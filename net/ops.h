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
void op_conv_ref(const float *in, int C, int H, int W, const float *w, const float *b, int M, int K,
                 int stride, int pad, int groups, float *out, int OH, int OW);
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

/* ---------------------------------------------------------------- gradients
 *
 * The backward of each operation with respect to its input only (never its weights): given g,
 * the gradient at the output, each computes gin, the gradient at the input, from what the forward
 * pass kept. A reference loop (op_*_grad_ref, ops_ref_grad.c, accumulating in double where it
 * sums) and a fast path, as for the forward operations. gin never aliases g or the inputs. */

/* Convolution: gin (C, H, W) = the transposed convolution of g (M, OH, OW) with w
 * (M, C/groups, K, K): gin[c,y,x] = Σ_{m in c's group} Σ_{ky,kx: y = oy·stride − pad + ky,
 * x = ox·stride − pad + kx} w[m, c mod C/groups, ky, kx] · g[m, oy, ox]. The fast path computes
 * dcol (C·K·K, OH·OW) = w_gᵀ · g_g with sgemm per group, then adds dcol back into the image
 * (col2im); work holds op_conv_grad_work(...) floats. */
void op_conv_grad_ref(const float *g, int M, int OH, int OW, const float *w, int K, int stride,
                      int pad, int groups, float *gin, int C, int H, int W);
size_t op_conv_grad_work(int C, int K, int OH, int OW);
void op_conv_grad(const float *g, int M, int OH, int OW, const float *w, int K, int stride, int pad,
                  int groups, float *gin, int C, int H, int W, float *work);

/* How the gradient crosses a ReLU; the values of net_grad_mode. */
enum { OP_RELU_PLAIN, OP_RELU_DECONVNET, OP_RELU_GUIDED };
/* ReLU with forward output y (n): plain gin = g·[y > 0]; deconvnet max(g, 0); guided
 * g·[y > 0]·[g > 0]. y > 0 exactly where the ReLU's input was > 0. */
void op_relu_grad_ref(const float *y, const float *g, float *gin, size_t n, int mode);
void op_relu_grad(const float *y, const float *g, float *gin, size_t n, int mode);

/* LRN (the formula of op_lrn) with forward input a (C, HW): with d_c = k + s·Σ_{j∈W(c)} a_j²,
 *   gin_i = g_i·d_i^−β − 2·s·β·a_i · Σ_{c: i ∈ W(c)} g_c·a_c·d_c^(−β−1).
 * {c : i ∈ W(c)} is the window mirrored: ⌈(n−1)/2⌉ channels before i and ⌊(n−1)/2⌋ after,
 * clipped to i's domain. work holds op_lrn_grad_work(C, HW) floats. */
void op_lrn_grad_ref(const float *a, const float *g, float *gin, int C, int HW, int n, float k,
                     float s, float beta, int domain);
size_t op_lrn_grad_work(int C, int HW);
void op_lrn_grad(const float *a, const float *g, float *gin, int C, int HW, int n, float k, float s,
                 float beta, int domain, float *work);

/* Max pooling with forward input in (C, H, W) and output out (C, OH, OW): each g[c, oy, ox] is
 * added to the input that won its window, the first maximum in row-major window order on a tie
 * (PyTorch's rule); gin gets 0 elsewhere. */
void op_pool_grad_ref(const float *in, const float *g, float *gin, int C, int H, int W, int K,
                      int stride, int pad, int OH, int OW);
void op_pool_grad(const float *in, const float *out, const float *g, float *gin, int C, int H,
                  int W, int K, int stride, int pad, int OH, int OW);

/* Fully connected: gin (IN) = wᵀ · g, w (N, IN). */
void op_fc_grad_ref(const float *g, int N, const float *w, float *gin, int IN);
void op_fc_grad(const float *g, int N, const float *w, float *gin, int IN);

/* Softmax with forward output p (n): gin = p ⊙ (g − Σ_j g_j·p_j). */
void op_softmax_grad_ref(const float *p, const float *g, float *gin, int n);
void op_softmax_grad(const float *p, const float *g, float *gin, int n);

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
