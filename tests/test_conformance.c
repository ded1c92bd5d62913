/* test_conformance.c: every operation against ONNX's own conformance cases.
 *
 * The cases come from Debian's libonnx-testdata (read by onnx_testdata.c): each is one ONNX node
 * with inputs and the output ONNX's reference implementation computed. For each case the node's
 * attributes are mapped onto our operation's parameters, the batch is run item by item through
 * the fast path (on 2 threads) and through the reference loop, and both are compared with the
 * expected output: exactly for ReLU and max pooling, which only select values, and otherwise
 * within ONNX's own tolerance (rtol 1e-3, atol 1e-7) or tighter.
 *
 * A case whose geometry our operations cannot express (dilations, 1-D or 3-D, integer types, a
 * softmax over a strided axis) is listed as skipped by design with the reason, and the test
 * checks that the mapping really refuses it, so the list cannot go stale. Two adaptations are
 * exact and therefore run rather than skipped: a rectangular kernel runs as a square one whose
 * extra taps are zero (the input gets matching zero columns, so the output keeps its size), and
 * unequal pads are materialised as zero rows and columns around the input; both add only
 * products with zero. The label of every such case says so.
 */
#include "close.h"
#include "onnx_testdata.h"
#include "ops.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ONNX's backend tests compare with numpy's assert_allclose(rtol=1e-3, atol=1e-7). */
#define ONNX_RTOL 1e-3
#define ONNX_ATOL 1e-7

typedef struct {
    const char *name;
    const char *why; /* why our operation cannot express it */
} skip_case;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Fails the test (returns 0) when the Debian test data is not installed. */
static int data_present(const char *file, int line)
{
    if (otd_available())
        return 1;
    test_fail(file, line,
              "%s not found: run `make test`, which installs Debian's "
              "libonnx-testdata",
              OTD_ROOT);
    return 0;
}

#define NEED_DATA()                            \
    do {                                       \
        if (!data_present(__FILE__, __LINE__)) \
            return;                            \
    } while (0)

/* Loads a case; on failure records the reason and returns 0. */
static int load(otd_case *c, const char *name)
{
    char msg[512];
    if (otd_load(c, name, msg, sizeof msg) == 0)
        return 1;
    test_fail(__FILE__, __LINE__, "%s", msg);
    return 0;
}

/* Each op's mapping has this shape: fill the parameters from the case and describe any
 * adaptation in note (len bytes; "" when none), or return why the case cannot run. */
typedef const char *(*map_fn)(const otd_case *c, void *params, char *note, size_t len);

/* For every skip case: it must exist and the mapping must refuse it (or the loader, for a
 * non-float or multi-node case). */
static int skips_are_real(const skip_case *skips, size_t n, map_fn map, void *params)
{
    for (size_t i = 0; i < n; i++) {
        otd_case c;
        char msg[512];
        if (otd_load(&c, skips[i].name, msg, sizeof msg) == 0) {
            char note[128];
            const char *why = map(&c, params, note, sizeof note);
            otd_free(&c);
            if (!why) {
                test_fail(__FILE__, __LINE__, "%s is listed as skipped (%s) but fits: run it",
                          skips[i].name, skips[i].why);
                return 0;
            }
        } else if (strstr(msg, "cannot open")) {
            test_fail(__FILE__, __LINE__, "skipped case %s is missing: %s", skips[i].name, msg);
            return 0;
        }
    }
    return 1;
}

/* Compares one computed output with the expected one; label names the case and the path. */
static int compare(const otd_case *c, const char *path, const char *note, const float *got,
                   double atol, double rtol)
{
    char label[512];
    snprintf(label, sizeof label, "%s (%s%s%s)", c->name, path, note[0] ? ", " : "", note);
    int shape[3] = {1, 1, (int)c->out.count};
    if (c->out.ndim == 4) {
        shape[0] = (int)(c->out.dims[0] * c->out.dims[1]);
        shape[1] = (int)c->out.dims[2];
        shape[2] = (int)c->out.dims[3];
    }
    return close_check(__FILE__, __LINE__, label, got, c->out.data, c->out.count, atol, rtol,
                       shape);
}

/* Per-case driver: load, map, run fast and reference, compare both. */
typedef void (*run_fn)(const otd_case *c, const void *params, float *out, int fast);

static int run_cases(const char *const *names, size_t n, map_fn map, void *params, run_fn run,
                     double atol, double rtol)
{
    int saved = op_threads(), ok = 1;
    op_set_threads(2);
    for (size_t i = 0; ok && i < n; i++) {
        otd_case c;
        if (!load(&c, names[i])) {
            ok = 0;
            break;
        }
        char note[128];
        const char *why = map(&c, params, note, sizeof note);
        if (why) {
            test_fail(__FILE__, __LINE__, "%s: %s", names[i], why);
            ok = 0;
        } else {
            float *got = calloc(c.out.count, sizeof(float));
            run(&c, params, got, 1);
            ok = compare(&c, "fast path", note, got, atol, rtol);
            if (ok) {
                memset(got, 0, c.out.count * sizeof(float));
                run(&c, params, got, 0);
                ok = compare(&c, "reference", note, got, atol, rtol);
            }
            free(got);
        }
        otd_free(&c);
    }
    op_set_threads(saved);
    return ok;
}

/* The ONNX rule for auto_pad SAME_*: output ceil(I/S), the total padding split in two, the odd
 * one at the end (UPPER) or the beginning (LOWER). */
static void same_pads(const char *mode, int I, int K, int S, int *before, int *after)
{
    int O = (I + S - 1) / S, total = (O - 1) * S + K - I;
    total = total < 0 ? 0 : total;
    *before = strcmp(mode, "SAME_LOWER") == 0 ? total - total / 2 : total / 2;
    *after = total - *before;
}

/* Reads pads [top, left, bottom, right] from pads or auto_pad; returns why not, or NULL. */
static const char *read_pads(const otd_case *c, int H, int W, int kh, int kw, int sh, int sw,
                             int p[4])
{
    char mode[32];
    int64_t v[4] = {0, 0, 0, 0};
    otd_string(c, "auto_pad", mode, sizeof mode);
    if (!strcmp(mode, "SAME_UPPER") || !strcmp(mode, "SAME_LOWER")) {
        same_pads(mode, H, kh, sh, &p[0], &p[2]);
        same_pads(mode, W, kw, sw, &p[1], &p[3]);
        return NULL;
    }
    if (mode[0] && strcmp(mode, "NOTSET") && strcmp(mode, "VALID"))
        return "unknown auto_pad";
    int n = otd_ints(c, "pads", v, 4);
    if (n != 0 && n != 4)
        return "pads for other than two spatial axes";
    for (int i = 0; i < 4; i++)
        p[i] = (int)v[i];
    return NULL;
}

/* Returns why the case's dilations/strides/kernel cannot run, or NULL; fills kernel and strides. */
static const char *read_window(const otd_case *c, int64_t *kernel, int *n_kernel, int64_t *strides)
{
    int64_t d[4] = {1, 1, 1, 1};
    int nd = otd_ints(c, "dilations", d, 4);
    for (int i = 0; i < nd && i < 4; i++)
        if (d[i] != 1)
            return "dilated window: AlexNet has none, and our operations take no dilation";
    *n_kernel = otd_ints(c, "kernel_shape", kernel, 4);
    strides[0] = strides[1] = 1;
    int ns = otd_ints(c, "strides", strides, 4);
    if (ns && ns != 2)
        return "strides for other than two spatial axes";
    if (strides[0] != strides[1])
        return "different strides along the two axes; ours has one";
    return NULL;
}

/* ------------------------------------------------------------------ LRN */

typedef struct {
    int N, C, HW, n;
    float k, s, beta;
} lrn_params;

static const char *map_lrn(const otd_case *c, void *params, char *note, size_t len)
{
    lrn_params *p = params;
    const otd_tensor *x = &c->in[0];
    if (x->ndim < 3)
        return "LRN needs at least (N, C, spatial)";
    (void)len;
    note[0] = '\0';
    p->N = (int)x->dims[0];
    p->C = (int)x->dims[1];
    p->HW = (int)(x->count / ((size_t)p->N * p->C));
    /* ONNX: square_sum over [c − ⌊(size−1)/2⌋, c + ⌈(size−1)/2⌉], y = x / (bias + α/size ·
     * square_sum)^β — our op with k = bias, s = α/size, the window across all channels */
    p->n = (int)otd_int(c, "size", 0);
    float alpha = otd_float(c, "alpha", 1e-4f);
    p->k = otd_float(c, "bias", 1.0f);
    p->s = alpha / (float)p->n;
    p->beta = otd_float(c, "beta", 0.75f);
    return p->n >= 1 ? NULL : "size missing";
}

static void run_lrn(const otd_case *c, const void *params, float *out, int fast)
{
    const lrn_params *p = params;
    size_t item = (size_t)p->C * p->HW;
    for (int b = 0; b < p->N; b++) {
        const float *x = c->in[0].data + b * item;
        if (fast)
            op_lrn(x, out + b * item, p->C, p->HW, p->n, p->k, p->s, p->beta, p->C);
        else
            op_lrn_ref(x, out + b * item, p->C, p->HW, p->n, p->k, p->s, p->beta, p->C);
    }
}

TEST(conformance_lrn)
{
    NEED_DATA();
    static const char *const cases[] = {"node/test_lrn", "node/test_lrn_default"};
    lrn_params p;
    CHECK(run_cases(cases, COUNT(cases), map_lrn, &p, run_lrn, 1e-7, 1e-5));
}

/* ------------------------------------------------------------------ max pooling */

typedef struct {
    int N, C, H, W, K, S, pad, pad_end, OH, OW;
} pool_params;

static const char *map_pool(const otd_case *c, void *params, char *note, size_t len)
{
    pool_params *p = params;
    const otd_tensor *x = &c->in[0];
    int64_t kernel[4], strides[4];
    int nk, pads[4];
    (void)len;
    note[0] = '\0';
    if (x->ndim != 4)
        return "not 2-D pooling";
    if (c->node->n_output > 1)
        return "asks for the argmax indices as a second output";
    const char *why = read_window(c, kernel, &nk, strides);
    if (why)
        return why;
    if (nk != 2 || kernel[0] != kernel[1])
        return "kernel not square";
    p->N = (int)x->dims[0], p->C = (int)x->dims[1], p->H = (int)x->dims[2], p->W = (int)x->dims[3];
    p->K = (int)kernel[0], p->S = (int)strides[0];
    if ((why = read_pads(c, p->H, p->W, p->K, p->K, p->S, p->S, pads)))
        return why;
    if (pads[0] != pads[1] || pads[2] != pads[3])
        return "different pads along the two axes; ours pads both alike";
    p->pad = pads[0], p->pad_end = pads[2];
    int ceil_mode = (int)otd_int(c, "ceil_mode", 0);
    int eh = p->H + p->pad + p->pad_end - p->K, ew = p->W + p->pad + p->pad_end - p->K;
    p->OH = (ceil_mode ? (eh + p->S - 1) / p->S : eh / p->S) + 1;
    p->OW = (ceil_mode ? (ew + p->S - 1) / p->S : ew / p->S) + 1;
    if (p->OH != c->out.dims[2] || p->OW != c->out.dims[3])
        return "our output size differs from ONNX's";
    return NULL;
}

static void run_pool(const otd_case *c, const void *params, float *out, int fast)
{
    const pool_params *p = params;
    size_t in_item = (size_t)p->C * p->H * p->W, out_item = (size_t)p->C * p->OH * p->OW;
    for (int b = 0; b < p->N; b++) {
        const float *x = c->in[0].data + b * in_item;
        if (fast)
            op_pool(x, p->C, p->H, p->W, p->K, p->S, p->pad, p->pad_end, out + b * out_item, p->OH,
                    p->OW);
        else
            op_pool_ref(x, p->C, p->H, p->W, p->K, p->S, p->pad, p->pad_end, out + b * out_item,
                        p->OH, p->OW);
    }
}

static const char *const pool_cases[] = {
    "node/test_maxpool_2d_default",
    "node/test_maxpool_2d_ceil",
    "node/test_maxpool_2d_pads",
    "node/test_maxpool_2d_precomputed_pads",
    "node/test_maxpool_2d_strides",
    "node/test_maxpool_2d_precomputed_strides",
    "node/test_maxpool_2d_same_upper",
    "node/test_maxpool_2d_same_lower",
    "node/test_maxpool_2d_precomputed_same_upper",
    "pytorch-converted/test_MaxPool2d",
};

static const skip_case pool_skips[] = {
    {"node/test_maxpool_2d_dilations", "dilation 2"},
    {"node/test_maxpool_2d_uint8", "uint8 tensors; the engine is float32"},
    {"node/test_maxpool_1d_default", "1-D"},
    {"node/test_maxpool_3d_default", "3-D"},
    {"node/test_maxpool_with_argmax_2d_precomputed_pads", "second output: argmax indices"},
    {"pytorch-converted/test_MaxPool2d_stride_padding_dilation", "dilation 10, 60×80 kernel"},
    {"pytorch-converted/test_MaxPool1d", "1-D"},
    {"pytorch-converted/test_MaxPool3d", "3-D"},
    {"pytorch-operator/test_operator_maxpool", "1-D"},
};

TEST(conformance_maxpool)
{
    NEED_DATA();
    pool_params p;
    CHECK(run_cases(pool_cases, COUNT(pool_cases), map_pool, &p, run_pool, 0, 0));
    CHECK(skips_are_real(pool_skips, COUNT(pool_skips), map_pool, &p));
}

/* ------------------------------------------------------------------ convolution */

typedef struct {
    int N, C, H, W, M, groups, S, OH, OW;
    int kh, kw, pads[4]; /* as ONNX has them */
    int K, pad;          /* what our op gets: a square kernel, one pad for every side */
    int H2, W2, y0, x0;  /* the input our op gets: (C, H2, W2), the original at (y0, x0) */
} conv_params;

static const char *map_conv(const otd_case *c, void *params, char *note, size_t len)
{
    conv_params *p = params;
    const otd_tensor *x = &c->in[0], *w = &c->in[1];
    int64_t kernel[4], strides[4];
    int nk;
    note[0] = '\0';
    if (x->ndim != 4 || w->ndim != 4)
        return x->ndim == 3 ? "1-D" : "not 2-D convolution";
    const char *why = read_window(c, kernel, &nk, strides);
    if (why)
        return why;
    p->N = (int)x->dims[0], p->C = (int)x->dims[1], p->H = (int)x->dims[2], p->W = (int)x->dims[3];
    p->M = (int)w->dims[0], p->kh = (int)w->dims[2], p->kw = (int)w->dims[3];
    p->groups = (int)otd_int(c, "group", 1);
    p->S = (int)strides[0];
    if (nk && (nk != 2 || kernel[0] != p->kh || kernel[1] != p->kw))
        return "kernel_shape disagrees with the weights";
    if (p->groups < 1 || p->C % p->groups || p->M % p->groups || w->dims[1] != p->C / p->groups)
        return "groups do not divide the channels";
    if ((why = read_pads(c, p->H, p->W, p->kh, p->kw, p->S, p->S, p->pads)))
        return why;
    /* the exact adaptations: a square K with zero taps bottom and right, the smallest pad for
     * our op and the rest of each side's padding as zeros in the input */
    p->K = p->kh > p->kw ? p->kh : p->kw;
    p->pad = p->pads[0];
    for (int i = 1; i < 4; i++)
        p->pad = p->pads[i] < p->pad ? p->pads[i] : p->pad;
    p->y0 = p->pads[0] - p->pad, p->x0 = p->pads[1] - p->pad;
    p->H2 = p->H + p->y0 + p->pads[2] - p->pad + p->K - p->kh;
    p->W2 = p->W + p->x0 + p->pads[3] - p->pad + p->K - p->kw;
    p->OH = (p->H + p->pads[0] + p->pads[2] - p->kh) / p->S + 1;
    p->OW = (p->W + p->pads[1] + p->pads[3] - p->kw) / p->S + 1;
    if (p->OH != c->out.dims[2] || p->OW != c->out.dims[3] || p->M != c->out.dims[1])
        return "our output size differs from ONNX's";
    if (p->kh != p->kw || p->H2 != p->H || p->W2 != p->W) {
        snprintf(note, len, "%d×%d kernel, pads %d %d %d %d: run as %d×%d, pad %d", p->kh, p->kw,
                 p->pads[0], p->pads[1], p->pads[2], p->pads[3], p->K, p->K, p->pad);
    }
    return NULL;
}

static void run_conv(const otd_case *c, const void *params, float *out, int fast)
{
    const conv_params *p = params;
    int cg = p->C / p->groups;
    /* the adapted weights (M, C/groups, K, K) and one adapted input item (C, H2, W2) */
    float *w = calloc((size_t)p->M * cg * p->K * p->K, sizeof(float));
    float *x = calloc((size_t)p->C * p->H2 * p->W2, sizeof(float));
    float *work = malloc(op_conv_work(p->C, p->K, p->groups, p->OH, p->OW) * sizeof(float));
    for (int m = 0; m < p->M; m++)
        for (int i = 0; i < cg; i++)
            for (int ky = 0; ky < p->kh; ky++)
                memcpy(w + (((size_t)m * cg + i) * p->K + ky) * p->K,
                       c->in[1].data + (((size_t)m * cg + i) * p->kh + ky) * p->kw,
                       sizeof(float) * (size_t)p->kw);
    const float *b = c->n_in > 2 && c->in[2].present ? c->in[2].data : NULL;
    size_t out_item = (size_t)p->M * p->OH * p->OW;
    for (int n = 0; n < p->N; n++) {
        for (int i = 0; i < p->C; i++)
            for (int y = 0; y < p->H; y++)
                memcpy(x + ((size_t)i * p->H2 + y + p->y0) * p->W2 + p->x0,
                       c->in[0].data + (((size_t)n * p->C + i) * p->H + y) * p->W,
                       sizeof(float) * (size_t)p->W);
        if (fast)
            op_conv(x, p->C, p->H2, p->W2, w, b, p->M, p->K, p->S, p->pad, p->groups,
                    out + n * out_item, p->OH, p->OW, work);
        else
            op_conv_ref(x, p->C, p->H2, p->W2, w, b, p->M, p->K, p->S, p->pad, p->groups,
                        out + n * out_item, p->OH, p->OW);
    }
    free(w), free(x), free(work);
}

static const char *const conv_cases[] = {
    "node/test_basic_conv_with_padding",
    "node/test_basic_conv_without_padding",
    "node/test_conv_with_strides_no_padding",
    "node/test_conv_with_strides_padding",
    "node/test_conv_with_strides_and_asymmetric_padding",
    "node/test_conv_with_autopad_same",
    "pytorch-converted/test_Conv2d",
    "pytorch-converted/test_Conv2d_groups",
    "pytorch-converted/test_Conv2d_groups_thnn",
    "pytorch-converted/test_Conv2d_no_bias",
    "pytorch-converted/test_Conv2d_padding",
    "pytorch-converted/test_Conv2d_strided",
    "pytorch-converted/test_Conv2d_depthwise",
    "pytorch-converted/test_Conv2d_depthwise_padded",
    "pytorch-converted/test_Conv2d_depthwise_strided",
    "pytorch-converted/test_Conv2d_depthwise_with_multiplier",
    "pytorch-operator/test_operator_conv",
};

static const skip_case conv_skips[] = {
    {"pytorch-converted/test_Conv2d_dilated", "dilation 2"},
    {"pytorch-converted/test_Conv1d", "1-D"},
    {"pytorch-converted/test_Conv1d_groups", "1-D"},
    {"pytorch-converted/test_Conv3d", "3-D"},
    {"pytorch-converted/test_Conv3d_groups", "3-D"},
    {"node/test_basic_convinteger", "ConvInteger on uint8; the engine is float32"},
};

TEST(conformance_conv)
{
    NEED_DATA();
    conv_params p;
    /* sums of up to 144 products of values of order 1: float accumulation error ~1e-7 */
    CHECK(run_cases(conv_cases, COUNT(conv_cases), map_conv, &p, run_conv, 1e-6, 1e-5));
    CHECK(skips_are_real(conv_skips, COUNT(conv_skips), map_conv, &p));
}

/* ------------------------------------------------------------------ Gemm as fully connected */

typedef struct {
    int rows, IN, N; /* Y (rows, N) = A' (rows, IN) · B' (IN, N) */
} gemm_params;

/* Appends one item to a note, "; "-separated. */
static void note_add(char *note, size_t len, const char *item)
{
    size_t n = strlen(note);
    snprintf(note + n, len - n, "%s%s", n ? "; " : "", item);
}

static const char *map_gemm(const otd_case *c, void *params, char *note, size_t len)
{
    gemm_params *p = params;
    const otd_tensor *a = &c->in[0], *b = &c->in[1];
    note[0] = '\0';
    if (a->ndim != 2 || b->ndim != 2)
        return "Gemm inputs are not matrices";
    int ta = (int)otd_int(c, "transA", 0), tb = (int)otd_int(c, "transB", 0);
    p->rows = (int)a->dims[ta ? 1 : 0];
    p->IN = (int)a->dims[ta ? 0 : 1];
    p->N = (int)b->dims[tb ? 0 : 1];
    if (b->dims[tb ? 1 : 0] != p->IN)
        return "A and B do not chain";
    float alpha = otd_float(c, "alpha", 1), beta = otd_float(c, "beta", 1);
    /* y = W x + b with W (N, IN) is Gemm with transB = 1, alpha = beta = 1 and batch rows; the
     * rest folds into W and b exactly as an importer would */
    if (!tb || ta || alpha != 1 || beta != 1) {
        if (!tb)
            note_add(note, len, "B transposed into W");
        if (ta)
            note_add(note, len, "A transposed");
        if (alpha != 1)
            note_add(note, len, "alpha folded into W");
        if (beta != 1)
            note_add(note, len, "beta folded into b");
    }
    return NULL;
}

/* Element (r, col) of a bias C broadcast to (rows, N): a scalar, (N), (1, N), (rows, 1) … */
static float bias_at(const otd_tensor *t, int r, int col)
{
    if (t->ndim == 0 || t->count == 1)
        return t->data[0];
    if (t->ndim == 1)
        return t->data[col];
    int64_t R = t->dims[0], K = t->dims[1];
    return t->data[(R == 1 ? 0 : r) * K + (K == 1 ? 0 : col)];
}

static void run_gemm(const otd_case *c, const void *params, float *out, int fast)
{
    const gemm_params *p = params;
    int ta = (int)otd_int(c, "transA", 0), tb = (int)otd_int(c, "transB", 0);
    float alpha = otd_float(c, "alpha", 1), beta = otd_float(c, "beta", 1);
    const otd_tensor *cb = c->n_in > 2 && c->in[2].present ? &c->in[2] : NULL;
    float *w = malloc(sizeof(float) * (size_t)p->N * p->IN); /* (N, IN) */
    float *x = malloc(sizeof(float) * (size_t)p->IN), *b = malloc(sizeof(float) * (size_t)p->N);
    for (int n = 0; n < p->N; n++)
        for (int i = 0; i < p->IN; i++)
            w[(size_t)n * p->IN + i] =
                alpha * c->in[1].data[tb ? (size_t)n * p->IN + i : (size_t)i * p->N + n];
    for (int r = 0; r < p->rows; r++) {
        for (int i = 0; i < p->IN; i++)
            x[i] = c->in[0].data[ta ? (size_t)i * p->rows + r : (size_t)r * p->IN + i];
        for (int n = 0; n < p->N; n++)
            b[n] = cb ? beta * bias_at(cb, r, n) : 0.0f;
        if (fast)
            op_fc(x, p->IN, w, cb ? b : NULL, out + (size_t)r * p->N, p->N);
        else
            op_fc_ref(x, p->IN, w, cb ? b : NULL, out + (size_t)r * p->N, p->N);
    }
    free(w), free(x), free(b);
}

static const char *const gemm_cases[] = {
    "node/test_gemm_transposeB",
    "pytorch-converted/test_Linear",
    "node/test_gemm_default_no_bias",
    "node/test_gemm_default_scalar_bias",
    "node/test_gemm_default_single_elem_vector_bias",
    "node/test_gemm_default_vector_bias",
    "node/test_gemm_default_matrix_bias",
    "node/test_gemm_default_zero_bias",
    "node/test_gemm_alpha",
    "node/test_gemm_beta",
    "node/test_gemm_transposeA",
    "node/test_gemm_all_attributes",
};

static const skip_case gemm_skips[] = {
    {"pytorch-converted/test_Linear_no_bias", "two nodes (Transpose, MatMul), not a Gemm"},
    {"pytorch-operator/test_operator_addmm", "two chained Gemm nodes"},
};

TEST(conformance_gemm)
{
    NEED_DATA();
    gemm_params p;
    CHECK(run_cases(gemm_cases, COUNT(gemm_cases), map_gemm, &p, run_gemm, 1e-6, 1e-5));
    CHECK(skips_are_real(gemm_skips, COUNT(gemm_skips), map_gemm, &p));
}

/* ------------------------------------------------------------------ ReLU and softmax */

typedef struct {
    int rows, n; /* softmax over each of `rows` contiguous runs of n values */
} flat_params;

static const char *map_relu(const otd_case *c, void *params, char *note, size_t len)
{
    flat_params *p = params;
    (void)len;
    note[0] = '\0';
    p->rows = 1;
    p->n = (int)c->in[0].count;
    return NULL;
}

static void run_relu(const otd_case *c, const void *params, float *out, int fast)
{
    const flat_params *p = params;
    (fast ? op_relu : op_relu_ref)(c->in[0].data, out, (size_t)p->n);
}

TEST(conformance_relu)
{
    NEED_DATA();
    static const char *const cases[] = {"node/test_relu", "pytorch-converted/test_ReLU"};
    flat_params p;
    CHECK(run_cases(cases, COUNT(cases), map_relu, &p, run_relu, 0, 0));
}

static const char *map_softmax(const otd_case *c, void *params, char *note, size_t len)
{
    flat_params *p = params;
    const otd_tensor *x = &c->in[0];
    (void)len;
    note[0] = '\0';
    /* before opset 13 softmax flattens the input to 2-D at axis (default 1), so it always runs
     * over contiguous rows; from 13 on it runs along the one axis (default −1), which is
     * contiguous only when it is the last */
    int64_t axis = otd_int(c, "axis", c->opset < 13 ? 1 : -1);
    if (axis < 0)
        axis += x->ndim;
    if (axis < 0 || axis >= x->ndim)
        return "axis out of range";
    if (c->opset >= 13 && axis != x->ndim - 1)
        return "softmax along a strided axis; ours runs along contiguous values";
    p->n = 1;
    for (int i = (int)axis; i < x->ndim; i++)
        p->n *= (int)x->dims[i];
    p->rows = (int)(x->count / (size_t)p->n);
    return NULL;
}

static void run_softmax(const otd_case *c, const void *params, float *out, int fast)
{
    const flat_params *p = params;
    for (int r = 0; r < p->rows; r++)
        (fast ? op_softmax : op_softmax_ref)(c->in[0].data + (size_t)r * p->n,
                                             out + (size_t)r * p->n, p->n);
}

TEST(conformance_softmax)
{
    NEED_DATA();
    static const char *const cases[] = {
        "node/test_softmax_axis_2",
        "node/test_softmax_default_axis",
        "node/test_softmax_negative_axis",
        "node/test_softmax_example",
        "node/test_softmax_large_number",
        "pytorch-converted/test_Softmax",
        "pytorch-converted/test_softmax_lastdim",
        "pytorch-converted/test_softmax_functional_dim3",
    };
    static const skip_case skips[] = {
        {"node/test_softmax_axis_0", "axis 0 of (3, 4, 5), strided"},
        {"node/test_softmax_axis_1", "axis 1 of (3, 4, 5), strided"},
    };
    flat_params p;
    CHECK(run_cases(cases, COUNT(cases), map_softmax, &p, run_softmax, 1e-7, 1e-5));
    CHECK(skips_are_real(skips, COUNT(skips), map_softmax, &p));
}

TEST(conformance_reader_refuses_bad_cases)
{
    NEED_DATA();
    otd_case c;
    char msg[512];
    CHECK(otd_load(&c, "node/no_such_case", msg, sizeof msg) == -1);
    CHECK(strstr(msg, "no_such_case/model.onnx: cannot open") != NULL);
    CHECK(otd_load(&c, "node/test_maxpool_2d_uint8", msg, sizeof msg) == -1);
    CHECK(strstr(msg, "expected float") != NULL);
    CHECK(otd_load(&c, "node/test_softmax_axis_0_expanded", msg, sizeof msg) == -1);
    CHECK(strstr(msg, "expected one") != NULL);
}
