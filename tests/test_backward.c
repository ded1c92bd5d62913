/* test_backward.c: the backward pass — its API and hook, the reference chain, finite differences.
 *
 * The pass is checked three ways, from the inside out. Its stages must be the reference loops
 * (ops_ref_grad.c) chained by hand over the outputs the forward pass kept, in all three modes:
 * that pins the wiring (which output each stage reads, where each gradient goes). The plain
 * gradient must be the derivative: central finite differences through a forward pass written
 * again here in double, so that rounding does not swamp the difference, for input pixels and
 * for units of many stages, for every kind of target, each difference computed at two step sizes
 * that must agree and refused when a ReLU or a max-pool decision changes between its two points.
 * And against PyTorch autograd (test_backward_golden.c).
 */
#include "alexnet.h"
#include "golden_net.h"
#include "ops.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The narrow golden network (golden_net.c) in three variants. A: the default (227, floor, LRN
 * before pooling, Caffe's LRN across towers). B: the golden B (224, ceil, after pooling, the
 * paper's LRN within towers). C: 224 with floor pooling and one row of end padding (the ONNX
 * zoo's pools), the paper's LRN after pooling with an even window n = 4, whose mirror differs. */
static void narrow_config(net_config *c, char variant)
{
    net_config_default(c);
    memcpy(c->width, GOLDEN_WIDTHS, sizeof GOLDEN_WIDTHS);
    if (variant == 'B' || variant == 'C') {
        net_config_set_input(c, 224);
        net_lrn_set_formula(&c->lrn, NET_LRN_PAPER);
        c->lrn_after_pool = 1;
    }
    if (variant == 'B')
        c->lrn.within_towers = 1;
    if (variant == 'C') {
        c->pool_round = NET_ROUND_FLOOR;
        c->pool_pad_end = 1;
        c->lrn.n = 4;
    }
}

/* A narrow net of the variant (input size 0: the variant's own) with golden weights from seed,
 * its input in *x, forward run. */
static net *narrow_net(char variant, int size, uint64_t seed, float **x)
{
    net_config c;
    narrow_config(&c, variant);
    if (size)
        c.input_size = size;
    net *n = NULL;
    if (net_create(&n, &c, NULL) != NET_OK)
        return NULL;
    int S = c.input_size;
    *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    golden_fill(n, seed, *x, S);
    if (net_forward(n, *x, NULL, NULL, NULL) != NET_OK) {
        net_free(n);
        free(*x);
        return NULL;
    }
    return n;
}

static size_t stage_size(const net_stage *s) { return (size_t)s->out_c * s->out_h * s->out_w; }

static double max_abs(const float *a, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        m = fabs(a[i]) > m ? fabs(a[i]) : m;
    return m;
}

/* ------------------------------------------------------------------ API and hook */

typedef struct {
    const net *n;
    int calls, expect, stop_at, bad;
    char why[240];
} back_log;

static int back_hook(const net_event *ev, void *user)
{
    back_log *l = user;
    if (!l->bad) {
        const float *gin = ev->index ? net_grad(l->n, ev->index - 1) : net_grad_input(l->n);
        if (ev->index != l->expect || ev->count != net_stage_count(l->n) ||
            ev->stage != net_stage_at(l->n, ev->index))
            snprintf(l->why, sizeof l->why, "call %d: stage %d, expected %d", l->calls, ev->index,
                     l->expect);
        else if (ev->out != net_grad(l->n, ev->index) || !ev->out)
            snprintf(l->why, sizeof l->why, "%s: out is not net_grad", ev->stage->name);
        else if (ev->in != gin || !ev->in)
            snprintf(l->why, sizeof l->why, "%s: in is not the gradient just computed",
                     ev->stage->name);
        else if (!(ev->ms >= 0))
            snprintf(l->why, sizeof l->why, "%s: time %g", ev->stage->name, ev->ms);
        l->bad = l->why[0] != 0;
    }
    l->calls++;
    l->expect--;
    return ev->index == l->stop_at;
}

TEST(backward_hook_runs_from_the_target_down_to_stage_0)
{
    float *x;
    net *n = narrow_net('A', 0, 1, &x);
    CHECK(n);
    CHECK(net_grad(n, 0) == NULL && net_grad_input(n) == NULL);
    int conv5 = net_stage_find(n, "conv5");
    const net_stage *s = net_stage_at(n, conv5);
    net_grad_target t = {NET_TARGET_UNIT, conv5, 3, 6, 7};
    back_log l = {.n = n, .expect = conv5, .stop_at = -1};
    net_err err = {0};
    net_status st = net_backward(n, &t, NET_GRAD_PLAIN, back_hook, &l, &err);
    const float *seed = net_grad(n, conv5);
    int ok = st == NET_OK && !l.bad && l.calls == conv5 + 1 && net_grad(n, conv5 + 1) == NULL &&
             net_grad_input(n) != NULL && seed;
    /* the seed is one-hot at the unit */
    double sum = 0;
    for (size_t i = 0; seed && i < stage_size(s); i++)
        sum += seed[i];
    size_t at = ((size_t)3 * s->out_h + 6) * s->out_w + 7;
    ok = ok && sum == 1 && seed[at] == 1;
    net_free(n);
    free(x);
    CHECKF(ok, "status %d (%s), %d calls, %s", st, err.msg, l.calls, l.why);
}

TEST(backward_hook_can_cancel_and_earlier_gradients_stay)
{
    float *x;
    net *n = narrow_net('A', 0, 1, &x);
    CHECK(n);
    int conv3 = net_stage_find(n, "conv3"), fc8 = net_stage_find(n, "fc8");
    net_grad_target t = {.kind = NET_TARGET_SCORE, .c = 4};
    back_log l = {.n = n, .expect = fc8, .stop_at = conv3};
    net_err err = {0};
    net_status st = net_backward(n, &t, NET_GRAD_GUIDED, back_hook, &l, &err);
    int ok = st == NET_ERR_CANCELLED && strstr(err.msg, "conv3") && !l.bad &&
             l.calls == fc8 - conv3 + 1 && net_grad(n, fc8) && net_grad(n, conv3 - 1) &&
             !net_grad(n, conv3 - 2) && !net_grad_input(n) && !net_grad(n, fc8 + 1);
    net_free(n);
    free(x);
    CHECKF(ok, "status %d (%s), %d calls, %s", st, err.msg, l.calls, l.why);
}

TEST(backward_refuses_bad_targets_and_a_missing_forward_pass)
{
    net_config c;
    narrow_config(&c, 'A');
    net *n = NULL;
    CHECK_EQ_INT(net_create(&n, &c, NULL), NET_OK);
    float *x = calloc(3 * 227 * 227, sizeof(float));
    net_err err = {0};
    net_grad_target score = {.kind = NET_TARGET_SCORE, .c = 1};
    int ok = net_backward(n, &score, NET_GRAD_PLAIN, NULL, NULL, &err) == NET_ERR_ARG &&
             strstr(err.msg, "net_forward");
    /* a forward pass cancelled after conv2 reaches conv2, not fc8 */
    back_log stop = {.n = n, .stop_at = 4, .expect = 0};
    net_forward(n, x, back_hook, &stop, NULL);
    net_grad_target conv2 = {NET_TARGET_CHANNEL, 4, 0, 0, 0};
    ok = ok && net_backward(n, &score, NET_GRAD_PLAIN, NULL, NULL, &err) == NET_ERR_ARG &&
         strstr(err.msg, "conv2") && strstr(err.msg, "fc8");
    ok = ok && net_backward(n, &conv2, NET_GRAD_PLAIN, NULL, NULL, &err) == NET_OK;
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    ok = ok && !net_grad(n, 4) && !net_grad_input(n); /* a new pass drops the old gradients */
    struct {
        net_grad_target t;
        int mode;
        const char *says;
    } bad[] = {
        {{.kind = NET_TARGET_SCORE, .c = 10}, 0, "class 10"},
        {{.kind = NET_TARGET_PROB, .c = -1}, 0, "class -1"},
        {{NET_TARGET_UNIT, 23, 0, 0, 0}, 0, "stage 23"},
        {{NET_TARGET_UNIT, -1, 0, 0, 0}, 0, "stage -1"},
        {{NET_TARGET_UNIT, 0, 0, 55, 0}, 0, "y 55"},
        {{NET_TARGET_UNIT, 0, 12, 0, 0}, 0, "c 12"},
        {{NET_TARGET_CHANNEL, 0, 12, 0, 0}, 0, "channel 12"},
        {{(net_target_kind)9, 0, 0, 0, 0}, 0, "kind 9"},
        {{.kind = NET_TARGET_SCORE}, 3, "mode 3"},
    };
    for (size_t i = 0; ok && i < sizeof bad / sizeof bad[0]; i++) {
        ok = net_backward(n, &bad[i].t, (net_grad_mode)bad[i].mode, NULL, NULL, &err) ==
                 NET_ERR_ARG &&
             strstr(err.msg, bad[i].says);
        if (!ok)
            snprintf(stop.why, sizeof stop.why, "case %zu: '%.200s'", i, err.msg);
    }
    ok = ok && net_backward(n, NULL, NET_GRAD_PLAIN, NULL, NULL, &err) == NET_ERR_ARG;
    ok = ok && net_backward_prepare(n, &err) == NET_OK && net_backward_prepare(n, &err) == NET_OK;
    net_free(n);
    free(x);
    CHECKF(ok, "%s (last message '%s')", stop.why, err.msg);
}

/* ------------------------------------------------------------------ the reference chain */

/* The gradients of target t (at stage ts) through the reference loops and the outputs n kept:
 * grads[i + 1] at stage i's output, grads[0] at the input. */
static void reference_chain(net *n, const net_grad_target *t, int ts, int mode, float **grads)
{
    const net_stage *s = net_stage_at(n, ts);
    size_t hw = (size_t)s->out_h * s->out_w;
    memset(grads[ts + 1], 0, stage_size(s) * sizeof(float));
    if (t->kind == NET_TARGET_CHANNEL)
        for (size_t p = 0; p < hw; p++)
            grads[ts + 1][t->c * hw + p] = 1;
    else if (t->kind == NET_TARGET_UNIT)
        grads[ts + 1][t->c * hw + (size_t)t->y * s->out_w + t->x] = 1;
    else
        grads[ts + 1][t->c] = 1;
    for (int i = ts; i >= 0; i--) {
        s = net_stage_at(n, i);
        const float *g = grads[i + 1], *out = net_output(n, i);
        const float *in = i ? net_output(n, i - 1) : NULL;
        float *gin = grads[i];
        int HW = s->in_h * s->in_w;
        switch (s->op) {
        case NET_OP_CONV:
            op_conv_grad_ref(g, s->out_c, s->out_h, s->out_w, net_weights(n, i), s->k, s->stride,
                             s->pad, s->groups, gin, s->in_c, s->in_h, s->in_w);
            break;
        case NET_OP_RELU: op_relu_grad_ref(out, g, gin, stage_size(s), mode); break;
        case NET_OP_LRN:
            op_lrn_grad_ref(in, g, gin, s->in_c, HW, s->lrn.n, s->lrn.k, net_lrn_scale(&s->lrn),
                            s->lrn.beta, s->lrn.within_towers ? s->in_c / 2 : s->in_c);
            break;
        case NET_OP_POOL:
            op_pool_grad_ref(in, g, gin, s->in_c, s->in_h, s->in_w, s->k, s->stride, s->pad,
                             s->out_h, s->out_w);
            break;
        case NET_OP_FC: op_fc_grad_ref(g, s->out_c, net_weights(n, i), gin, s->in_c * HW); break;
        case NET_OP_DROPOUT: memcpy(gin, g, stage_size(s) * sizeof(float)); break;
        case NET_OP_SOFTMAX: op_softmax_grad_ref(out, g, gin, (int)stage_size(s)); break;
        case NET_OP_SUBSAMPLE:
        case NET_OP_RBF: break; /* LeNet-5's: never in a net */
        }
    }
}

/* Compares every gradient of the last backward pass with the chain; 0 with why on a mismatch. */
static int chain_case(net *n, const net_grad_target *t, int ts, net_grad_mode mode, char *why,
                      size_t len)
{
    int count = net_stage_count(n), S = net_get_config(n)->input_size, ok = 1;
    float *grads[NET_MAX_STAGES + 1];
    grads[0] = malloc(sizeof(float) * 3 * (size_t)S * S);
    for (int i = 0; i < count; i++)
        grads[i + 1] = malloc(sizeof(float) * stage_size(net_stage_at(n, i)));
    reference_chain(n, t, ts, (int)mode, grads);
    net_err err = {0};
    if (net_backward(n, t, mode, NULL, NULL, &err) != NET_OK) {
        snprintf(why, len, "net_backward: %.300s", err.msg);
        ok = 0;
    }
    for (int i = ts; ok && i >= -1; i--) {
        const net_stage *s = i >= 0 ? net_stage_at(n, i) : NULL;
        size_t m = s ? stage_size(s) : 3 * (size_t)S * S;
        const float *got = i >= 0 ? net_grad(n, i) : net_grad_input(n), *want = grads[i + 1];
        /* float sums against double ones, relative to the tensor's range: a value that cancels
         * to near zero keeps the absolute error of the terms it summed */
        double tol = 1e-5 * max_abs(want, m);
        for (size_t j = 0; ok && j < m; j++)
            if (!(fabs((double)got[j] - want[j]) <= tol + 1e-5 * fabs(want[j]))) {
                snprintf(why, len,
                         "%s mode, gradient at %s [%zu]: net_backward %.9g, reference "
                         "chain %.9g (tol %.2g)",
                         net_grad_mode_str(mode), s ? s->name : "the input", j, got[j], want[j],
                         tol);
                ok = 0;
            }
    }
    for (int i = 0; i <= count; i++)
        free(grads[i]);
    return ok;
}

TEST(backward_equals_the_reference_loops_chained_in_every_mode)
{
    static const char variants[] = {'A', 'B', 'C'};
    char why[800] = "";
    int ok = 1;
    for (int v = 0; ok && v < 3; v++) {
        float *x;
        net *n = narrow_net(variants[v], 0, (uint64_t)v + 1, &x);
        CHECK(n);
        int prob = net_stage_find(n, "prob"), pool2 = net_stage_find(n, "pool2");
        net_grad_target tp = {.kind = NET_TARGET_PROB, .c = 2};
        net_grad_target tc = {NET_TARGET_CHANNEL, pool2, 5, 0, 0};
        for (int m = 0; ok && m < 3; m++)
            ok = chain_case(n, &tp, prob, (net_grad_mode)m, why, sizeof why) &&
                 chain_case(n, &tc, pool2, (net_grad_mode)m, why, sizeof why);
        if (!ok)
            snprintf(why + strlen(why), sizeof why - strlen(why), " (variant %c)", variants[v]);
        net_free(n);
        free(x);
    }
    CHECKF(ok, "%s", why);
}

/* ------------------------------------------------------------------ finite differences */

/* The forward pass again, in double, straight from the formulas, sharing no code with the
 * engine; it also hashes every ReLU's and max pool's decision, so that a difference quotient
 * whose two points fall on either side of a kink can be refused. */
typedef struct {
    net *n;
    double *out[NET_MAX_STAGES];  /* every stage's output */
    double *base[NET_MAX_STAGES]; /* ... at the unperturbed input */
    double *input;                /* (3, S, S) */
    uint64_t decisions;
} dnet;

static void decide(dnet *d, uint64_t v) { d->decisions = (d->decisions ^ v) * 0x100000001B3ull; }

static void dstage(dnet *d, int i)
{
    net *n = d->n;
    const net_stage *s = net_stage_at(n, i);
    const double *in = i ? d->out[i - 1] : d->input;
    double *out = d->out[i];
    const float *w = net_weights(n, i), *b = net_biases(n, i);
    int C = s->in_c, H = s->in_h, W = s->in_w, OH = s->out_h, OW = s->out_w, K = s->k;
    int HW = H * W;
    size_t count = stage_size(s);
    if (s->op == NET_OP_CONV) {
        int cg = C / s->groups, mg = s->out_c / s->groups;
        for (int m = 0; m < s->out_c; m++)
            for (int oy = 0; oy < OH; oy++)
                for (int ox = 0; ox < OW; ox++) {
                    double acc = b[m];
                    int y0 = oy * s->stride - s->pad, x0 = ox * s->stride - s->pad;
                    int ky0 = y0 < 0 ? -y0 : 0, ky1 = y0 + K > H ? H - y0 : K;
                    int kx0 = x0 < 0 ? -x0 : 0, kx1 = x0 + K > W ? W - x0 : K;
                    for (int c = 0; c < cg; c++)
                        for (int ky = ky0; ky < ky1; ky++) {
                            const float *wr = w + (((size_t)m * cg + c) * K + ky) * K;
                            const double *r =
                                in + ((size_t)(m / mg * cg + c) * H + y0 + ky) * W + x0;
                            for (int kx = kx0; kx < kx1; kx++)
                                acc += wr[kx] * r[kx];
                        }
                    out[((size_t)m * OH + oy) * OW + ox] = acc;
                }
    } else if (s->op == NET_OP_RELU) {
        for (size_t j = 0; j < count; j++) {
            out[j] = in[j] > 0 ? in[j] : 0;
            decide(d, in[j] > 0);
        }
    } else if (s->op == NET_OP_LRN) {
        int before = (s->lrn.n - 1) / 2, after = s->lrn.n - 1 - before;
        int dom = s->lrn.within_towers ? C / 2 : C;
        double k = s->lrn.k, sc = net_lrn_scale(&s->lrn), beta = s->lrn.beta;
        for (int c = 0; c < C; c++)
            for (int p = 0; p < HW; p++) {
                double sum = 0;
                for (int j = c - before; j <= c + after; j++)
                    if (j >= c / dom * dom && j < c / dom * dom + dom)
                        sum += in[(size_t)j * HW + p] * in[(size_t)j * HW + p];
                out[(size_t)c * HW + p] = in[(size_t)c * HW + p] / pow(k + sc * sum, beta);
            }
    } else if (s->op == NET_OP_POOL) {
        for (int c = 0; c < C; c++)
            for (int oy = 0; oy < OH; oy++)
                for (int ox = 0; ox < OW; ox++) {
                    double best = -INFINITY;
                    int at = -1;
                    for (int ky = 0; ky < K; ky++)
                        for (int kx = 0; kx < K; kx++) {
                            int y = oy * s->stride - s->pad + ky, x = ox * s->stride - s->pad + kx;
                            if (y >= 0 && y < H && x >= 0 && x < W &&
                                in[((size_t)c * H + y) * W + x] > best) {
                                best = in[((size_t)c * H + y) * W + x];
                                at = y * W + x;
                            }
                        }
                    out[((size_t)c * OH + oy) * OW + ox] = best;
                    decide(d, (uint64_t)at);
                }
    } else if (s->op == NET_OP_FC) {
        size_t IN = (size_t)C * HW;
        for (int o = 0; o < s->out_c; o++) {
            double acc = b[o];
            for (size_t j = 0; j < IN; j++)
                acc += w[(size_t)o * IN + j] * in[j];
            out[o] = acc;
        }
    } else if (s->op == NET_OP_DROPOUT) {
        memcpy(out, in, count * sizeof(double));
    } else {
        double mx = -INFINITY, sum = 0;
        for (size_t j = 0; j < count; j++)
            mx = in[j] > mx ? in[j] : mx;
        for (size_t j = 0; j < count; j++)
            sum += exp(in[j] - mx);
        for (size_t j = 0; j < count; j++)
            out[j] = exp(in[j] - mx) / sum;
    }
}

/* Runs stages from..to and returns the target's value. */
static double dnet_run(dnet *d, int from, int to, const net_grad_target *t)
{
    d->decisions = 0xCBF29CE484222325ull;
    for (int i = from; i <= to; i++)
        dstage(d, i);
    const net_stage *s = net_stage_at(d->n, to);
    const double *o = d->out[to];
    size_t hw = (size_t)s->out_h * s->out_w;
    if (t->kind == NET_TARGET_CHANNEL) {
        double sum = 0;
        for (size_t p = 0; p < hw; p++)
            sum += o[t->c * hw + p];
        return sum;
    }
    if (t->kind == NET_TARGET_UNIT)
        return o[t->c * hw + (size_t)t->y * s->out_w + t->x];
    return o[t->c];
}

static int dnet_init(dnet *d, net *n, const float *x)
{
    memset(d, 0, sizeof *d);
    d->n = n;
    int S = net_get_config(n)->input_size, ok = 1;
    d->input = malloc(sizeof(double) * 3 * (size_t)S * S);
    for (int i = 0; i < net_stage_count(n); i++)
        ok &= (d->out[i] = malloc(sizeof(double) * stage_size(net_stage_at(n, i)))) != NULL;
    for (int i = 0; i < net_stage_count(n); i++)
        ok &= (d->base[i] = malloc(sizeof(double) * stage_size(net_stage_at(n, i)))) != NULL;
    if (!ok || !d->input)
        return 0;
    for (size_t j = 0; j < 3 * (size_t)S * S; j++)
        d->input[j] = x[j];
    net_grad_target any = {.kind = NET_TARGET_PROB};
    dnet_run(d, 0, net_stage_count(n) - 1, &any);
    for (int i = 0; i < net_stage_count(n); i++)
        memcpy(d->base[i], d->out[i], sizeof(double) * stage_size(net_stage_at(n, i)));
    return 1;
}

static void dnet_free(dnet *d)
{
    free(d->input);
    for (int i = 0; i < NET_MAX_STAGES; i++) {
        free(d->out[i]);
        free(d->base[i]);
    }
}

/* (f(v + h) − f(v − h)) / 2h for value *v, the tensor of stage `from − 1`'s output (or the
 * input), running stages from..to, which are then put back as they were at the base point;
 * *kink is set when a decision differs between the two points. */
static double dnet_diff(dnet *d, double *v, double h, int from, int to, const net_grad_target *t,
                        int *kink)
{
    double v0 = *v;
    *v = v0 + h;
    double fp = dnet_run(d, from, to, t);
    uint64_t dp = d->decisions;
    *v = v0 - h;
    double fm = dnet_run(d, from, to, t);
    *kink = d->decisions != dp;
    *v = v0;
    for (int i = from; i <= to; i++)
        memcpy(d->out[i], d->base[i], sizeof(double) * stage_size(net_stage_at(d->n, i)));
    return (fp - fm) / (2 * h);
}

typedef struct {
    int checked, kinks;
    double worst;    /* largest |engine − fd| / tolerance */
    char where[200]; /* ... and where */
} fd_report;

/* Checks the engine's gradient at element j of stage i's output (i = −1: the input). */
static int fd_check(dnet *d, const net_grad_target *t, int ts, int i, size_t j, fd_report *r,
                    char *why, size_t len)
{
    net *n = d->n;
    int S = net_get_config(n)->input_size;
    const net_stage *s = i >= 0 ? net_stage_at(n, i) : NULL;
    size_t m = s ? stage_size(s) : 3 * (size_t)S * S;
    const float *g = i >= 0 ? net_grad(n, i) : net_grad_input(n);
    double *v = (i >= 0 ? d->out[i] : d->input) + j;
    double rms = 0;
    const double *vals = i >= 0 ? d->out[i] : d->input;
    for (size_t q = 0; q < m; q++)
        rms += vals[q] * vals[q];
    rms = sqrt(rms / (double)m);
    /* steps of 10⁻⁴ of the tensor's rms, made smaller while a decision flips between the points
     * (a flip at every step means a tie at the point itself: a true kink, skipped); each
     * difference is taken at h and h/2, which must agree (then the truncation error is small) */
    double h = 1e-4 * (rms > 0 ? rms : 1);
    for (int tries = 0; tries < 3; tries++, h /= 4) {
        int k1, k2;
        double f1 = dnet_diff(d, v, h, i + 1, ts, t, &k1);
        double f2 = dnet_diff(d, v, h / 2, i + 1, ts, t, &k2);
        if (k1 || k2) {
            r->kinks++;
            continue;
        }
        double range = max_abs(g, m), tol = 1e-5 * range + 1e-5 * fabs(f2);
        if (!(fabs(f1 - f2) <= 0.1 * tol)) {
            snprintf(why, len,
                     "the difference quotient at %s [%zu] does not settle: %.9g at h, "
                     "%.9g at h/2",
                     s ? s->name : "the input", j, f1, f2);
            return 0;
        }
        double ratio = fabs(g[j] - f2) / tol;
        r->checked++;
        if (ratio > r->worst) {
            r->worst = ratio;
            snprintf(r->where, sizeof r->where, "%s [%zu]", s ? s->name : "input", j);
        }
        if (!(ratio <= 1)) {
            snprintf(why, len,
                     "∂target/∂%s [%zu]: net_backward %.9g, finite difference %.9g "
                     "(tol %.2g, range %.3g)",
                     s ? s->name : "input", j, g[j], f2, tol, range);
            return 0;
        }
        return 1;
    }
    return 1; /* a kink at every step size: nothing to compare at this point */
}

/* For target t: the largest gradient and two others with a gradient of at least 1 % of the
 * range, at every stage below the target (or every other stage), and `pixels` (≤ 3) of them at
 * the input, where each difference runs the whole net. */
static int fd_target(dnet *d, const net_grad_target *t, int every, int pixels, fd_report *r,
                     char *why, size_t len)
{
    net *n = d->n;
    net_err err = {0};
    if (net_backward(n, t, NET_GRAD_PLAIN, NULL, NULL, &err) != NET_OK) {
        snprintf(why, len, "net_backward: %.300s", err.msg);
        return 0;
    }
    int ts = 0, S = net_get_config(n)->input_size;
    while (net_grad(n, ts + 1))
        ts++;
    for (int i = ts - 1; i >= -1; i -= i > 0 ? every : 1) {
        size_t m = i >= 0 ? stage_size(net_stage_at(n, i)) : 3 * (size_t)S * S;
        const float *g = i >= 0 ? net_grad(n, i) : net_grad_input(n);
        double range = max_abs(g, m);
        size_t best = 0, picks[3];
        for (size_t j = 0; j < m; j++)
            best = fabs(g[j]) > fabs(g[best]) ? j : best;
        picks[0] = best;
        int found = 1;
        /* walk from two fixed starting points to the next unit with a sizeable gradient */
        for (int k = 1; k < 3; k++)
            for (size_t q = 0, j0 = m * (size_t)k / 3 + 7; q < m; q++) {
                size_t j = (j0 + q * 7919) % m;
                if (fabs(g[j]) >= 0.01 * range && j != best) {
                    picks[found++] = j;
                    break;
                }
            }
        if (i < 0 && found > pixels)
            found = pixels;
        for (int k = 0; k < found; k++)
            if (range > 0 && !fd_check(d, t, ts, i, picks[k], r, why, len))
                return 0;
    }
    return 1;
}

/* Variant A at its own size, with 1 input pixel per target; C at `size` with 3. */
static int fd_variant(char variant, int size, uint64_t seed, fd_report *r, char *why, size_t len)
{
    float *x;
    net *n = narrow_net(variant, size, seed, &x);
    dnet d;
    if (!n || !dnet_init(&d, n, x)) {
        snprintf(why, len, "variant %c: no net", variant);
        return 0;
    }
    int conv5 = net_stage_find(n, "conv5"), norm1 = net_stage_find(n, "norm1");
    int relu6 = net_stage_find(n, "relu6");
    const net_stage *c5 = net_stage_at(n, conv5);
    /* a class score, a probability (the softmax's own gradient), one conv5 unit (the golden
     * test's target) and one channel's sum at norm1, whose gradient covers the whole image */
    net_grad_target targets[] = {
        {.kind = NET_TARGET_SCORE, .c = 3},
        {.kind = NET_TARGET_PROB, .c = 7},
        {NET_TARGET_UNIT, conv5, 5, c5->out_h / 2, c5->out_w / 2},
        {NET_TARGET_CHANNEL, norm1, 5, 0, 0},
        {NET_TARGET_UNIT, relu6, 9, 0, 0},
    };
    int ok = 1;
    for (size_t k = 0; ok && k < sizeof targets / sizeof targets[0]; k++) {
        ok = fd_target(&d, &targets[k], 1 + (int)(k % 2), variant == 'A' ? 1 : 3, r, why, len);
        if (!ok) {
            size_t o = strlen(why);
            snprintf(why + o, len - o, " (variant %c, target %zu)", variant, k);
        }
    }
    dnet_free(&d);
    net_free(n);
    free(x);
    return ok;
}

TEST(backward_plain_gradient_matches_finite_differences_in_double)
{
    fd_report r = {0};
    char why[800] = "";
    /* C at 99: conv1 23×23, pools (with their end padding) 11, 5 and 2, fc6 reading 2×2×8 */
    int ok =
        fd_variant('A', 0, 1, &r, why, sizeof why) && fd_variant('C', 99, 3, &r, why, sizeof why);
    CHECKF(ok, "%s", why);
    /* most points must have been compared, not skipped at a kink */
    CHECKF(r.checked >= 100, "only %d points compared (%d kinks)", r.checked, r.kinks);
    if (getenv("ALEXVIZ_TEST_VERBOSE"))
        printf("    finite differences: %d points, %d kinks stepped around, worst %.3f of the "
               "tolerance at %s\n",
               r.checked, r.kinks, r.worst, r.where);
}
