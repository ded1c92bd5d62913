/* alexnet.h: the engine's one public header.
 *
 * AlexNet (Krizhevsky, Sutskever, Hinton 2012) as a table of stages plus a forward pass that
 * calls a hook after every stage, and a backward pass that does the same on the way back. Everything the program shows (shapes, parameter and MAC counts,
 * receptive fields, the printed arithmetic, the tower split) is derived from the table, so the
 * trace, the window, the exports and the tests cannot disagree.
 *
 * Memory: a net owns two blocks, one for parameters and one for every stage's activations.
 * Pointers it hands out are borrowed: parameters stay valid until net_free, activations until the
 * next net_forward or net_free. A net that runs the backward pass allocates a third block, once,
 * for the gradients (net_backward_prepare). Tensors are float32, C×H×W, row-major, batch 1.
 *
 * Errors: functions that can fail return a net_status and, when given a net_err, fill it with a
 * one-line message naming the file or tensor, what was expected and what was found. The engine
 * never prints and never exits. Free functions accept NULL.
 *
 * Deliberately not here: drawing, text, threads for the caller, training (no weight gradients).
 */
#ifndef ALEXNET_H
#define ALEXNET_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    NET_OK = 0,
    NET_ERR_ARG,         /* a bad argument from the caller */
    NET_ERR_IO,          /* a file could not be opened, read or written */
    NET_ERR_FORMAT,      /* a file is not what it claims to be, or is corrupt */
    NET_ERR_SHAPE,       /* a tensor or image has the wrong shape */
    NET_ERR_LIMIT,       /* something is too large to be sensible */
    NET_ERR_VALUE,       /* a NaN, an infinity or an impossible parameter */
    NET_ERR_UNSUPPORTED, /* valid, but not something alexviz runs */
    NET_ERR_NOMEM,
    NET_ERR_EXISTS,   /* a file is in the way and was not to be replaced */
    NET_ERR_CANCELLED /* the hook asked to stop */
} net_status;

const char *net_status_str(net_status s);

/* A status plus a one-line human message, in English, and what it was made of: the printf
 * format and the text of each of its conversions, so that a program can say the same in
 * another language (its catalog keyed by the format, the arguments put back in its order). */
#define NET_ERR_ARGS 16
typedef struct {
    net_status status;
    char msg[512];
    char fmt[384]; /* "" when the message was not made by net_fail */
    int n_args;
    char args[NET_ERR_ARGS][256]; /* each conversion as msg shows it (one line, UTF-8) */
} net_err;

/* Fills err (when not NULL) with printf-style text and returns status. The message is made one
 * line of valid UTF-8 (net_text_escape): file names may hold any bytes. */
net_status net_fail(net_err *err, net_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* net_fail for a message about a file: "FILE: " and fmt with ap; the format kept is "%s: " and
 * fmt, the file its first conversion, so a catalog translates it as any other. */
net_status net_vfail_in(net_err *err, net_status status, const char *file, const char *fmt,
                        va_list ap);

/* Marks an English text that an engine message passes as an argument (a kind of file, a word),
 * so that a program's catalog holds its translation (gettext's N_); the engine never translates. */
#ifndef N_
#define N_(s) s
#endif

/* The text of each conversion of fmt (%d, %.1f, %s, …; %% is none) with the arguments in ap,
 * into args (up to max of them, each one line of valid UTF-8); returns how many fmt has. For
 * the formats the compiler checks (format attribute): the lengths and types follow C's. */
int net_fmt_args(const char *fmt, va_list ap, char (*args)[256], int max);

/* Copies s into out (cap bytes, always NUL-terminated) as one line of valid UTF-8: valid
 * sequences as they are, every other byte and every control character as \xNN. Returns the
 * length written; a sequence is never cut in two. */
size_t net_text_escape(const char *s, char *out, size_t cap);

/* ---------------------------------------------------------------- the stage table */

typedef enum {
    NET_OP_CONV,
    NET_OP_RELU,
    NET_OP_LRN,
    NET_OP_POOL,    /* max pooling */
    NET_OP_FC,      /* fully connected: y = W x + b, W is (out, in) */
    NET_OP_DROPOUT, /* the identity at inference */
    NET_OP_SOFTMAX,
    /* LeNet-5's (net_lenet5_table: geometry for the comparison, never in a net that runs) */
    NET_OP_SUBSAMPLE, /* a 2×2 sum times a trained coefficient, plus a bias (S2, S4) */
    NET_OP_RBF        /* the output: each class's distance to a fixed vector of F6's size */
} net_op;

const char *net_op_str(net_op op); /* "conv", "relu", ... */

typedef enum { NET_ROUND_FLOOR, NET_ROUND_CEIL } net_round;

/* Which LRN formula: b = a / (k + s·Σa²)^β over n neighbouring channels. */
typedef enum {
    NET_LRN_CAFFE, /* Caffe, ONNX, PyTorch: k = 1, s = α/n. The trained weights need this one. */
    NET_LRN_PAPER  /* the 2012 paper: k = 2, s = α */
} net_lrn_formula;

/* Local response normalisation's parameters, one set wherever LRN is described: a configuration,
 * a norm stage's row, the window's LRN lab. */
typedef struct {
    int n;                /* window size in channels */
    float k, alpha, beta; /* as the formula names them: α is the paper's α */
    net_lrn_formula formula;
    int within_towers; /* 1: the window never crosses the tower boundary (cuda-convnet) */
} net_lrn;

/* Sets the formula with the k it comes with: the paper's k = 2, Caffe's k = 1 (the one place
 * that rule is written). n, α, β and the window are left as they are. */
void net_lrn_set_formula(net_lrn *l, net_lrn_formula f);
/* The scale s that multiplies Σa² (α/n for Caffe, α for the paper). */
float net_lrn_scale(const net_lrn *l);
/* 1 when a and b normalise alike (every field equal). */
int net_lrn_equal(const net_lrn *a, const net_lrn *b);

/* What a stage's input is, seen from the two towers (the paper's two GPUs). */
typedef enum {
    NET_READS_IMAGE,    /* conv1: both towers see the whole image */
    NET_READS_OWN,      /* each tower reads only its own maps (grouped conv, ReLU, pool, LRN
                           within towers, dropout) */
    NET_READS_BOUNDARY, /* LRN across all channels: own tower, except that the window crosses the
                           boundary for the channels next to it */
    NET_READS_BOTH,     /* conv3, fc6, fc7, fc8: every output reads both towers */
    NET_READS_ALL       /* prob: one vector, no towers left */
} net_reads;

typedef struct {
    char name[8]; /* Caffe's stage name: "conv1", "norm1", "prob" */
    net_op op;
    int layer; /* 1..8: which of AlexNet's eight learned layers it belongs to */
    /* geometry (conv and pool) */
    int k, stride;    /* square kernel and stride */
    int pad, pad_end; /* zeros (conv) or -inf (pool) before and after each spatial axis */
    int groups;       /* conv: 1, or 2 for the towers */
    int links;       /* conv with a partial connection table (LeNet-5's C3): input maps read, summed
                  over the output maps; 0: each output map reads in_c/groups of them */
    net_round round; /* pool: how (I + pad + pad_end − K)/S is rounded; conv: floor */
    net_lrn lrn;     /* LRN's parameters (norm stages) */
    /* towers */
    net_reads reads;
    int towers; /* 2: output split in halves, tower A then tower B; 1: one block */
    /* derived from the above and the input size */
    int in_c, in_h, in_w;
    int out_c, out_h, out_w;
    int64_t params;      /* weights + biases */
    int64_t macs;        /* multiply-accumulates of one forward pass */
    int64_t connections; /* LeCun's count: each unit's inputs plus its bias, over all units */
    int rf, rf_jump; /* one output unit sees rf×rf input pixels; neighbours are rf_jump apart */
    int rf_off;      /* input coordinate of the left/top edge of unit 0's field (may be < 0) */
    size_t w_off, b_off; /* offsets (floats) of weights and biases in the parameter block */
    int64_t n_w, n_b;    /* their counts: conv (M, C/groups, K, K) + (M); fc (out, in) + (out) */
} net_stage;

/* The variants of AlexNet the tool can run, all over the same table. */
typedef struct {
    int input_size;       /* 227 (Caffe; gives 55) or 224 (the paper's text; needs ceil pools) */
    net_round pool_round; /* pooling rounding: floor (Caffe's 227) or ceil (the ONNX zoo's 224) */
    int pool_pad_end;     /* extra -inf rows/cols after each pool input (the ONNX zoo: 1) */
    int lrn_after_pool; /* 0: conv→relu→norm→pool (paper, bvlc_alexnet); 1: CaffeNet, notes */
    net_lrn lrn;        /* the norm stages' parameters */
    int width[8];       /* conv1..conv5, fc6..fc8: 96 256 384 384 256 4096 4096 1000 */
} net_config;

/* The paper's order at 227 with Caffe's LRN formula (the one trained weights use). */
void net_config_default(net_config *cfg);
/* Sets input size and the pool rounding that size needs (224 → ceil). */
void net_config_set_input(net_config *cfg, int input_size);

#define NET_MAX_STAGES 24

/* The stage table: the one way it is held (by a net, a scene, the window's worker, the export's
 * plan) and searched. */
typedef struct {
    int count; /* 23 for AlexNet; 0 for a table not built */
    net_stage s[NET_MAX_STAGES];
} net_table;

/* Builds the stage table for cfg into t; returns the count, or 0 with err filled when the
 * geometry is impossible (an input too small, a pool that reaches 5×5 where fc6 needs 6×6 is
 * fine geometrically but is reported by shape checks of loaded weights). */
int net_table_build(const net_config *cfg, net_table *t, net_err *err);
/* The index of the stage named name ("conv1", "norm2"), or -1. */
int net_table_find(const net_table *t, const char *name);
/* The norm stage that belongs with stage i: the last one at or before it, else the first one
 * (for the stages before norm1); -1 when the table has none. */
int net_table_norm_for(const net_table *t, int i);

/* LeNet-5 (LeCun, Bottou, Bengio, Haffner 1998) as a stage table, for the comparison the course
 * notes make: 32×32×1 → C1 6@28×28 → S2 6@14×14 → C3 16@10×10 (a partial connection table) →
 * S4 16@5×5 → C5 120 → F6 84 → 10 radial-basis outputs; every count derived as for AlexNet
 * (60,000 trainable parameters, 340,908 connections; the RBF's 840 fixed values are not
 * trained, so not counted). Geometry only: no net runs it. Returns the count (7). */
int net_lenet5_table(net_table *t);
/* 1 when C3's map o (0..15) reads S2's map i (0..5): the paper's Table I. */
int net_lenet5_c3_reads(int o, int i);

/* The bytes of activations and scratch space a net of this table holds (14 MB for AlexNet at
 * 227). net_create and the ONNX loader refuse a table that would need more than NET_MAX_ACT_MB:
 * a file may claim widths and an input side that are legal but would take gigabytes. */
#define NET_MAX_ACT_MB 512
size_t net_table_memory(const net_table *t);

/* Channel ranges [begin, end) of tower A and tower B in a stage's output; B is empty (0,0) when
 * the stage has one block. */
void net_stage_towers(const net_stage *s, int a[2], int b[2]);

/* ---------------------------------------------------------------- the arithmetic */

/* Each writes one line of text into buf (always NUL-terminated) and returns its length.
 *  - shape:  "floor((227 + 2·0 − 11)/4) + 1 = 55"  (conv/pool); "9216 → 4096" (fc); or the
 *            reason the shape does not change ("ReLU keeps the shape")
 *  - params: "96·(11·11·3) + 96 = 34,944", grouped as "256·(5·5·96/2) + 256 = 307,456"
 *  - macs:   "55·55·96 · (11·11·3) = 105,415,200"
 */
int net_explain_shape(const net_stage *s, char *buf, size_t len);
int net_explain_params(const net_stage *s, char *buf, size_t len);
int net_explain_macs(const net_stage *s, char *buf, size_t len);
/* "34,944" with thousands separators. */
int net_fmt_count(int64_t v, char *buf, size_t len);

/* ---------------------------------------------------------------- the net */

typedef struct net net;

/* Allocates a net for cfg with all parameters zero. */
net_status net_create(net **out, const net_config *cfg, net_err *err);
void net_free(net *n);

const net_config *net_get_config(const net *n);
int net_stage_count(const net *n);
const net_stage *net_stage_at(const net *n, int i);
/* The net's stage table, valid until net_free. */
const net_table *net_get_table(const net *n);
/* net_table_find on the net's table: the index of the stage named name, or -1. */
int net_stage_find(const net *n, const char *name);
int64_t net_total_params(const net *n);
int64_t net_total_macs(const net *n);

/* Parameters of stage i (NULL for stages without any); valid until net_free. */
float *net_weights(net *n, int i);
float *net_biases(net *n, int i);

/* Deterministic "untrained" weights from seed: conv1 an oriented-edge bank (tower A, colour-
 * agnostic) and a colour-blob bank (tower B), the rest scaled so that activations keep their
 * size through all eight layers. */
net_status net_seed_weights(net *n, uint64_t seed);
/* 1 when the parameters came from net_seed_weights (shown as "untrained"). */
int net_is_untrained(const net *n);
void net_set_untrained(net *n, int untrained);

/* A monotonic clock in milliseconds: what the hook's stage times are measured with, and the one
 * clock every part of alexviz times things with. */
double net_now_ms(void);

/* Worker threads used by the fast path (OpenBLAS and the net's own loops). */
void net_set_threads(int threads);

/* ---------------------------------------------------------------- the forward pass and hook */

typedef struct {
    int index, count; /* stage index in [0, count) */
    const net_stage *stage;
    const float *in;  /* (in_c, in_h, in_w), borrowed */
    const float *out; /* (out_c, out_h, out_w), borrowed until the next pass */
    int tower_a[2], tower_b[2];
    double ms; /* wall time of this stage alone */
} net_event;

/* Called after every stage on the thread that runs the pass; return nonzero to stop it. */
typedef int (*net_hook)(const net_event *ev, void *user);

/* Runs input (3, S, S) with S = cfg.input_size. hook may be NULL. Returns NET_ERR_CANCELLED when
 * the hook stopped the pass; the stages before it keep their outputs. No allocation inside. */
net_status net_forward(net *n, const float *input, net_hook hook, void *user, net_err *err);

/* Stage i's output from the last pass (out_c × out_h × out_w), or NULL before any pass. */
const float *net_output(const net *n, int i);
/* Index of the last stage the last pass completed, -1 if none. */
int net_last_done(const net *n);

/* Summary statistics of a tensor: min, max, mean and std over its finite values (all 0 when it
 * has none), so that they are always finite themselves; the values that are not finite, or too
 * small for float32's normal range, are counted on their own. */
typedef struct {
    float min, max, mean, std;
    double zeros;     /* fraction exactly 0 */
    size_t nan, inf;  /* NaN and ±infinity: something overflowed */
    size_t subnormal; /* nonzero but below 1.2e-38: float32 keeps only a few digits */
} net_stats;
void net_compute_stats(const float *x, size_t count, net_stats *st);

/* Top-k of a vector (k ≤ 32): indices into idx, values into val, in descending order. */
void net_topk(const float *x, int count, int k, int *idx, float *val);

/* ---------------------------------------------------------------- dropout at training time */

/* The probability that dropout zeroes a unit during training (the paper's 0.5). */
#define NET_DROPOUT_P 0.5

/* Dropout as at training time, to show it: with train set, every later net_forward zeroes each
 * unit of every dropout stage (drop6, drop7) with probability NET_DROPOUT_P, from masks drawn
 * from seed (the same seed, the same masks, on every machine), and doubles the units it keeps:
 * the "inverted" form frameworks and Caffe train with, whose trained weights then need nothing
 * at test time. (The paper kept units as they were and halved every output at test time
 * instead: the same in expectation.) train 0, the default: the identity, as at test time. The
 * backward pass follows the last forward pass's masks. */
void net_set_dropout(net *n, int train, uint64_t seed);
/* Dropout stage i's mask in the last pass (1: kept, 0: dropped; one byte per unit), or NULL when
 * that pass ran at test time, did not reach stage i, or stage i is not a dropout stage. Valid
 * until the next net_forward. */
const unsigned char *net_dropout_mask(const net *n, int i);

/* ---------------------------------------------------------------- the backward pass */

/* The one scalar the backward pass differentiates, taken from the last forward pass. */
typedef enum {
    NET_TARGET_SCORE,  /* class c's score: unit c of the last fc stage (fc8, before softmax) */
    NET_TARGET_PROB,   /* class c's probability: unit c of the softmax stage (prob) */
    NET_TARGET_UNIT,   /* unit (c, y, x) of stage `stage`'s output */
    NET_TARGET_CHANNEL /* the sum of channel c of stage `stage`'s output over every (y, x) */
} net_target_kind;

typedef struct {
    net_target_kind kind;
    int stage;   /* UNIT and CHANNEL: the stage index; ignored for SCORE and PROB */
    int c, y, x; /* the class (SCORE, PROB), the unit (UNIT) or the channel (CHANNEL, y and x
                    ignored) */
} net_grad_target;

/* How a gradient g crosses a ReLU whose forward output is y (every other stage passes its true
 * gradient in all three modes):
 *   NET_GRAD_PLAIN      g where y > 0, else 0: the true gradient
 *   NET_GRAD_DECONVNET  max(g, 0) whatever y (Zeiler & Fergus 2014, "deconvnet")
 *   NET_GRAD_GUIDED     g where y > 0 and g > 0 (guided backpropagation, Springenberg et al.) */
typedef enum { NET_GRAD_PLAIN, NET_GRAD_DECONVNET, NET_GRAD_GUIDED } net_grad_mode;

const char *net_grad_mode_str(net_grad_mode m); /* "plain", "deconvnet", "guided" */

/* Allocates the gradient memory of n once: a gradient for the input and for every stage's output
 * (the activations' size again) plus the scratch space of the backward fast paths (at 227, about
 * 15 MB in all). net_backward calls it itself before its first stage, so calling it is optional;
 * call it first to have an out-of-memory failure at start-up rather than at the first backward
 * pass. Does nothing the second time. A net that never runs backward never allocates this. */
net_status net_backward_prepare(net *n, net_err *err);

/* Runs the backward pass of target t through the outputs the last net_forward kept, from the
 * target's stage down to the input, batch 1, float32: after it net_grad(n, i) is ∂t/∂(output of
 * stage i) for every stage i up to the target's, and net_grad_input(n) is ∂t/∂input. Only
 * gradients with respect to activations are computed, never with respect to weights. The hook
 * (may be NULL) is called after every stage with the same event as the forward pass, except that
 * `out` is the gradient at the stage's output and `in` the gradient at its input just computed
 * (the input's for stage 0), and ms is the stage's backward time; stages are visited from the
 * target's down to 0, and a nonzero return stops the pass with NET_ERR_CANCELLED (the gradients
 * computed so far stay).
 *
 * NET_ERR_ARG when t or mode is not valid, the unit or channel is outside the stage, or the last
 * forward pass did not reach the target's stage (net_forward first; a pass cancelled earlier
 * counts as not reaching it). NET_ERR_NOMEM when the gradient memory cannot be allocated (the
 * only allocation, before any stage runs; see net_backward_prepare). Nothing is allocated during
 * the pass. The gradients describe the weights as they were during the call. */
net_status net_backward(net *n, const net_grad_target *t, net_grad_mode mode, net_hook hook,
                        void *user, net_err *err);

/* ∂target/∂(output of stage i) from the last backward pass (out_c × out_h × out_w), or NULL when
 * that pass did not compute it (stages after the target, a cancelled pass, no pass yet). Valid
 * until the next net_forward, net_backward or net_free. */
const float *net_grad(const net *n, int i);
/* ∂target/∂input (3, S, S) from the last backward pass, or NULL when it did not get that far. */
const float *net_grad_input(const net *n);

/* ---------------------------------------------------------------- input */

/* How a photo becomes the network input: pixel·scale in the given channel order minus mean. */
typedef struct {
    int bgr;       /* 1: channel 0 is blue (Caffe) */
    float mean[3]; /* per input channel, in the network's channel order */
    float scale;   /* 1 for 0–255 inputs */
    int resize;    /* shorter side is resized to this before the centre crop (256; the
                         input size when that is larger) */
} net_preproc;

void net_preproc_caffe(net_preproc *pp); /* BGR, 0–255, mean B 104.007 G 116.669 R 122.679 */

typedef struct {
    int size;           /* S */
    float *data;        /* (3, S, S) the network input */
    unsigned char *rgb; /* (S, S, 3) what the network sees, as a displayable photo */
    int src_w, src_h;   /* the file's own size (0 for .npy) */
    int is_npy;
} net_input;

/* Maximum pixels accepted from a photo header before decoding (refuses decompression bombs). */
#define NET_MAX_PIXELS (64L * 1024 * 1024)

/* Reads a photo (JPEG, PNG, BMP, GIF's first frame, binary PGM/PPM, recognised by their first
 * bytes; grey and alpha handled) or a .npy float32 tensor of shape (3,S,S) or (1,3,S,S), S = size,
 * taken as the input as is. Only a regular file is read. A photo is decoded in a child process
 * with limits on time and memory, so a decoder that crashes, hangs or runs out of memory on a
 * hostile file only fails this call ("could not be decoded: the decoder crashed"); the caller's
 * process forks for it (under a millisecond). docs/formats.md has the formats and the limits. */
net_status net_input_load(net_input *in, const char *path, int size, const net_preproc *pp,
                          net_err *err);
/* The same from a buffer already in memory, decoded in this process, without the child: for the
 * fuzzer and for bytes that are trusted. name is used in messages. */
net_status net_input_load_mem(net_input *in, const unsigned char *buf, size_t len, const char *name,
                              int size, const net_preproc *pp, net_err *err);
void net_input_free(net_input *in);

/* The paper's test-time patches (Krizhevsky et al. 2012: "the four corner patches and the
 * center patch" of the 256×256 image, "as well as their horizontal reflections"): from a square
 * (R, R, 3) RGB photo — its shorter side scaled to R and its centre cut, as net_input_load with
 * size R = 256 gives it — the patches of side S at the top-left, top-right, bottom-left and
 * bottom-right corners and at the centre ((R − S)/2, rounded down), then each mirrored left to
 * right, as ten network inputs (3, S, S) preprocessed as pp says (channel order, scale, mean),
 * patch p at out + p·3·S·S. xy (may be NULL) gets each patch's top-left corner (x, y) in the
 * square (a mirror's is its patch's); with out NULL only xy is filled. NET_ERR_ARG when S > R. */
#define NET_TEN_CROPS 10
net_status net_ten_crops(const unsigned char *square, int R, int S, const net_preproc *pp,
                         float *out, int xy[NET_TEN_CROPS][2], net_err *err);

/* The paper's test procedure on that square: its ten patches (net_ten_crops, S the net's input
 * size) through n, one pass each; their softmax outputs (the last stage's) averaged into mean
 * (count doubles), and each patch's top-1 class and probability into top1 and top1_p (may be
 * NULL). progress (may be NULL) is called after each pass with how many are done; a nonzero
 * return stops the rest (NET_ERR_CANCELLED, mean then of those done). The passes run at test
 * time whatever net_set_dropout says. Allocates the ten inputs for the call (10·3·S·S floats);
 * the net keeps the last pass's outputs. */
net_status net_ten_crop(net *n, const unsigned char *square, int R, const net_preproc *pp,
                        double *mean, int *top1, float *top1_p,
                        int (*progress)(int done, void *user), void *user, net_err *err);

/* The photo decoder program (alexviz-decode, a main() around net_photo_decoder_main) that
 * net_input_load runs for every photo: an absolute path, set once at start-up before any thread
 * that loads photos exists. Without one (NULL or "", the default) the forked child decodes
 * itself, which is safe only with an allocator that survives a fork in a multithreaded process
 * (glibc's does; the sanitizers' may deadlock). docs/formats.md says why. */
void net_photo_set_decoder(const char *path);
/* The decoder program's whole body: `alexviz-decode NAME S RESIZE BYTES FAULT`, the photo's bytes
 * on descriptor 0 (a regular file), the reply written to 1. Returns the exit status (2 for
 * arguments it was not started with by net_input_load). Prints nothing. */
int net_photo_decoder_main(int argc, char **argv);

/* ---------------------------------------------------------------- .npy files */

/* Writes a float32 C-order .npy atomically (temporary file, then rename). ndim 1..4. */
net_status net_npy_save(const char *path, const float *data, const int *shape, int ndim,
                        net_err *err);
/* The bytes of that file, for a caller that writes them itself: *out is malloc'd (caller frees);
 * name is used in messages. */
net_status net_npy_encode(const char *name, const float *data, const int *shape, int ndim,
                          unsigned char **out, size_t *len, net_err *err);
/* Reads a float32 little-endian C-order .npy; *data is malloc'd, caller frees. */
net_status net_npy_load(const char *path, float **data, int shape[4], int *ndim, net_err *err);
net_status net_npy_load_mem(const unsigned char *buf, size_t len, const char *name, float **data,
                            int shape[4], int *ndim, net_err *err);

/* ---------------------------------------------------------------- files */

/* Reads a whole regular file of at most max bytes into *out (malloc'd, at least 1 byte; the
 * caller frees). A FIFO, a device, a folder or a socket is refused at once, without blocking. */
net_status net_file_read(const char *path, long long max, unsigned char **out, size_t *len,
                         net_err *err);

/* NET_OK when path is a regular file alexviz can open (what net_file_read checks first, without
 * reading it): a program can refuse a missing file or a FIFO at once, before slow work. */
net_status net_file_check(const char *path, net_err *err);

/* Writes len bytes to path via a temporary file in the same folder and a rename, so that a
 * reader sees the old file or the whole new one. Replaces a regular file; refuses (NET_ERR_EXISTS)
 * anything else at path: a folder, a device, a link. */
net_status net_write_atomic(const char *path, const void *buf, size_t len, net_err *err);
/* The same, but refuses (NET_ERR_EXISTS) when anything at all is at path, atomically. */
net_status net_write_new(const char *path, const void *buf, size_t len, net_err *err);

/* Removes the temporary files of writes still in flight. Async-signal-safe: for a SIGINT or
 * SIGTERM handler, before the program ends. */
void net_temp_cleanup(void);
/* Removes the temporary files that earlier runs left in dir (killed before their rename): files
 * named as net_write_atomic names them (.NAME.alexviz-PID-N-NS.tmp) whose process no longer
 * runs. Returns how many it removed. */
int net_temp_sweep(const char *dir);

/* ---------------------------------------------------------------- ONNX weights */

/* What net_onnx_load found in a file, for reports and headers. */
typedef struct {
    int width[8];   /* conv1..conv5, fc6..fc8 as found (the zoo: 96 256 384 384 256 4096
                               4096 1000) */
    int input_size; /* S of the graph input (1, 3, S, S) */
    int64_t ir_version;
    int64_t opset;       /* version of the default (ai.onnx) operator set */
    char producer[64];   /* producer name and version, "" when the file names none */
    char input_name[64]; /* the graph's image input and its output, as named in the file */
    char output_name[64];
    int output_stage;     /* stage whose output is the graph's output: prob, or fc8 when the
                               file ends without a Softmax */
    char variant[320];    /* one line: order, input, pooling, LRN, how fc and tensors are stored */
    net_err variant_said; /* the same as a message: its format and arguments, for a program to
                               say it in its user's language (status NET_OK) */
    int64_t params;       /* weights and biases copied */
    double load_ms;       /* reading, checking and copying, wall time */
} net_onnx_info;

/* Reads an AlexNet from an ONNX file: the model zoo's bvlcalexnet-N.onnx, or any file with the
 * same topology at other channel widths (the tests' narrow copies). The graph is walked in order
 * and mapped onto the stage table by structure, not by names: Conv, Relu, LRN, MaxPool, Dropout,
 * Reshape or Flatten, Gemm (transB 0 or 1) or MatMul + Add, Softmax; Constant nodes and shape
 * initializers are allowed. Every geometric fact (kernels, strides, pads, groups, pool rounding,
 * LRN parameters and position, input size, widths) comes from the file and is checked against
 * what AlexNet can be; each weight tensor's shape is checked, and its values must be finite.
 *
 * On success *out is a new net (the caller frees it with net_free) whose config is the file's,
 * not marked untrained; cfg_out (may be NULL) gets that config, pp (may be NULL) the
 * preprocessing the weights need (Caffe's: BGR, 0–255, mean subtracted), info (may be NULL) what
 * was found. On failure *out is NULL and err names the file, the node or tensor, what was
 * expected and what was found: NET_ERR_FORMAT (not ONNX, truncated), NET_ERR_UNSUPPORTED (another
 * network, a quantized graph, an operator alexviz does not run), NET_ERR_SHAPE, NET_ERR_VALUE
 * (NaN or infinite weights), NET_ERR_LIMIT, NET_ERR_IO, NET_ERR_NOMEM.
 *
 * Memory: besides the net, at most one copy of the weights is held (the decoded message); each
 * tensor is released as soon as it is copied. The file itself is mapped, not read. */
net_status net_onnx_load(const char *path, net_config *cfg_out, net **out, net_preproc *pp,
                         net_onnx_info *info, net_err *err);
/* The same from a buffer in memory (the fuzzer's entry point); name is used in messages. */
net_status net_onnx_load_mem(const unsigned char *buf, size_t len, const char *name,
                             net_config *cfg_out, net **out, net_preproc *pp, net_onnx_info *info,
                             net_err *err);

/* Reads a float32 ONNX TensorProto file (input_0.pb, output_0.pb of ONNX test folders; raw_data
 * or float_data); every value must be finite. *data is malloc'd (caller frees); shape gets up to 8 dims, *ndim their count. */
net_status net_onnx_read_tensor(const char *path, float **data, int64_t shape[8], int *ndim,
                                net_err *err);
/* The same from bytes in memory (the fuzzer's entry point); name is used in messages. */
net_status net_onnx_read_tensor_mem(const unsigned char *buf, size_t len, const char *name,
                                    float **data, int64_t shape[8], int *ndim, net_err *err);

/* ---------------------------------------------------------------- one unit, taken apart */

/* How one output unit of a conv, max pooling or fc stage comes about: the window it reads, the
 * sum per input channel, the bias, the value; for pooling the window's largest value and where
 * it is. What the compute view draws, in double precision from the stage's own input and
 * weights, so it can be checked against the pass's output. */
typedef struct {
    int c, y, x;      /* the unit */
    int y0, x0, k;    /* conv and pool: the K×K window's top-left in the input, i·S − P (may be
                         < 0, or reach past the input: that is padding) */
    int c0, c1;       /* the input channels it reads, [c0, c1): its tower's or all */
    int n_part;       /* conv and fc: parts filled, one per input channel in [c0, c1) (fc: the
                         flattened input's channels, each of in_h·in_w values) */
    double bias;      /* conv and fc */
    double sum;       /* conv and fc: Σ part + bias; pool: the window's largest value */
    int win_y, win_x; /* pool: where that value is, in the input (the first of equal ones) */
    int padded;       /* conv: how many of the window's positions fall on padding (zeros) */
} net_unit;

/* Fills u for unit (c, y, x) of stage s (NET_OP_CONV, NET_OP_POOL or NET_OP_FC) from its input
 * in (s->in_c, s->in_h, s->in_w), weights w and biases b (NULL for pooling); part (cap values,
 * may be NULL for pooling) gets the per-channel sums. NET_ERR_ARG for another op, a unit outside
 * the stage or too little room in part. */
net_status net_unit_explain(const net_stage *s, const float *in, const float *w, const float *b,
                            int c, int y, int x, double *part, int cap, net_unit *u, net_err *err);

/* ---------------------------------------------------------------- LRN on its own */

/* Runs the LRN of stage s (an NET_OP_LRN row, usually a copy whose lrn the caller changed) on in (s->in_c, s->in_h,
 * s->in_w) into out (the same shape), with the same code the forward pass uses. Lets the window
 * recompute LRN at once when a student changes k, n, α or β, without a net; safe to call while
 * another thread runs a pass. NET_ERR_ARG for a row that is not LRN; NET_ERR_VALUE for n < 1,
 * k ≤ 0, α < 0, β ≤ 0 or an odd channel count with the window within towers. */
net_status net_lrn_apply(const net_stage *s, const float *in, float *out, net_err *err);

#endif
