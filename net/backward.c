/* backward.c: the backward pass: how one chosen number depends on the input and on every stage.
 *
 * The target is one scalar of the last forward pass: a class score in fc8, a class probability,
 * one unit of any stage, or the sum of one channel of any stage. Its gradient starts as a one-hot
 * (or one-channel) tensor at the target's stage and walks the table backwards: each stage turns
 * the gradient at its output into the gradient at its input (the chain rule, one op_*_grad fast
 * path per operation), reading only what the forward pass kept: the weights, the stage's output
 * (ReLU, pooling, softmax) and the previous stage's output (LRN, pooling). conv1, always stage
 * 0, needs only its weights, so the image itself is never read. After every stage the hook gets
 * the same event as in the forward pass, with gradients in place of activations.
 *
 * Memory: a net that runs backward gets one more block, allocated once (net_backward_prepare,
 * also called by the first net_backward before any stage runs) and mapped like the net's other
 * two (net_alloc_block): the input's gradient, one gradient per stage laid out as the
 * activations are, and scratch for the convolutions' dcol and LRN. A net that only runs forward
 * never pays for it. Nothing is allocated during a pass.
 *
 * The three modes differ only at ReLU (op_relu_grad). Not here: weight gradients, batches and
 * anything else training needs.
 */
#include "alexnet.h"
#include "net_internal.h"
#include "ops.h"

#include <string.h>
#include <time.h>

const char *net_grad_mode_str(net_grad_mode m)
{
    switch (m) {
    case NET_GRAD_PLAIN: return "plain";
    case NET_GRAD_DECONVNET: return "deconvnet";
    case NET_GRAD_GUIDED: return "guided";
    }
    return "?";
}

static size_t input_count(const net *n)
{
    return 3 * (size_t)n->cfg.input_size * n->cfg.input_size;
}

static size_t stage_count(const net_stage *s) { return (size_t)s->out_c * s->out_h * s->out_w; }

/* The gradient at stage i's output, or at the input for i = −1. */
static float *grad_at(const net *n, int i)
{
    return i < 0 ? n->grad : n->grad + input_count(n) + n->act_off[i];
}

net_status net_backward_prepare(net *n, net_err *err)
{
    if (n->grad)
        return NET_OK;
    size_t n_act = 0, work = 0;
    for (int i = 0; i < n->table.count; i++) {
        const net_stage *s = &n->table.s[i];
        size_t need = 0;
        n_act += stage_count(s);
        if (s->op == NET_OP_CONV)
            need = op_conv_grad_work(s->in_c, s->k, s->out_h, s->out_w);
        else if (s->op == NET_OP_LRN)
            need = op_lrn_grad_work(s->in_c, s->in_h * s->in_w);
        work = need > work ? need : work;
    }
    size_t total = input_count(n) + n_act + work;
    if (!(n->grad = net_alloc_block(total, &n->grad_len)))
        return net_fail(err, NET_ERR_NOMEM, "out of memory: %zu MB for the gradients",
                        total * 4 >> 20);
    n->grad_work = n->grad + input_count(n) + n_act;
    return NET_OK;
}

/* The stage the target lives at, after checking it names a real unit; -1 with err filled. */
static int target_stage(const net *n, const net_grad_target *t, net_err *err)
{
    int ts = -1;
    if (t->kind == NET_TARGET_SCORE || t->kind == NET_TARGET_PROB) {
        net_op want = t->kind == NET_TARGET_SCORE ? NET_OP_FC : NET_OP_SOFTMAX;
        for (int i = 0; i < n->table.count; i++)
            ts = n->table.s[i].op == want ? i : ts;
        if (ts < 0) {
            net_fail(err, NET_ERR_ARG, "net_backward: the net has no %s stage", net_op_str(want));
            return -1;
        }
        if (t->c < 0 || t->c >= n->table.s[ts].out_c) {
            net_fail(err, NET_ERR_ARG, "net_backward: class %d is outside %s's 0..%d", t->c,
                     n->table.s[ts].name, n->table.s[ts].out_c - 1);
            return -1;
        }
        return ts;
    }
    if (t->kind != NET_TARGET_UNIT && t->kind != NET_TARGET_CHANNEL) {
        net_fail(err, NET_ERR_ARG, "net_backward: unknown target kind %d", (int)t->kind);
        return -1;
    }
    if (t->stage < 0 || t->stage >= n->table.count) {
        net_fail(err, NET_ERR_ARG, "net_backward: stage %d; expected 0..%d", t->stage,
                 n->table.count - 1);
        return -1;
    }
    const net_stage *s = &n->table.s[t->stage];
    int inside = t->c >= 0 && t->c < s->out_c;
    if (t->kind == NET_TARGET_UNIT)
        inside = inside && t->y >= 0 && t->y < s->out_h && t->x >= 0 && t->x < s->out_w;
    if (!inside) {
        if (t->kind == NET_TARGET_UNIT)
            net_fail(err, NET_ERR_ARG,
                     "net_backward: unit (c %d, y %d, x %d) is outside %s's "
                     "%d×%d×%d",
                     t->c, t->y, t->x, s->name, s->out_c, s->out_h, s->out_w);
        else
            net_fail(err, NET_ERR_ARG, "net_backward: channel %d is outside %s's 0..%d", t->c,
                     s->name, s->out_c - 1);
        return -1;
    }
    return t->stage;
}

/* Stage i backwards: the gradient at its output into the gradient at its input. */
static void run_stage_grad(net *n, int i, net_grad_mode mode)
{
    const net_stage *s = &n->table.s[i];
    const float *w = n->params + s->w_off;
    const float *g = grad_at(n, i), *out = n->act + n->act_off[i];
    /* the previous stage's output; stage 0 is conv1, which does not read it */
    const float *in = i > 0 ? n->act + n->act_off[i - 1] : NULL;
    float *gin = grad_at(n, i - 1);
    size_t count = stage_count(s);
    int relu = mode == NET_GRAD_DECONVNET ? OP_RELU_DECONVNET
               : mode == NET_GRAD_GUIDED  ? OP_RELU_GUIDED
                                          : OP_RELU_PLAIN;
    switch (s->op) {
    case NET_OP_CONV:
        op_conv_grad(g, s->out_c, s->out_h, s->out_w, w, s->k, s->stride, s->pad, s->groups, gin,
                     s->in_c, s->in_h, s->in_w, n->grad_work);
        break;
    case NET_OP_RELU: op_relu_grad(out, g, gin, count, relu); break;
    case NET_OP_LRN:
        op_lrn_grad(in, g, gin, s->in_c, s->in_h * s->in_w, s->lrn.n, s->lrn.k,
                    net_lrn_scale(&s->lrn), s->lrn.beta,
                    s->lrn.within_towers ? s->in_c / 2 : s->in_c, n->grad_work);
        break;
    case NET_OP_POOL:
        op_pool_grad(in, out, g, gin, s->in_c, s->in_h, s->in_w, s->k, s->stride, s->pad, s->out_h,
                     s->out_w);
        break;
    case NET_OP_FC: op_fc_grad(g, s->out_c, w, gin, s->in_c * s->in_h * s->in_w); break;
    case NET_OP_DROPOUT:
        if (n->drop_used) /* the pass dropped: the gradient takes the same mask and scale */
            for (size_t j = 0; j < count; j++)
                gin[j] = n->mask[n->mask_off[i] + j] ? g[j] * 2.0f : 0.0f;
        else
            memcpy(gin, g, count * sizeof(float));
        break;
    case NET_OP_SOFTMAX: op_softmax_grad(out, g, gin, (int)count); break;
    case NET_OP_SUBSAMPLE:
    case NET_OP_RBF: break; /* LeNet-5's: net_create never builds a table with them */
    }
}

net_status net_backward(net *n, const net_grad_target *t, net_grad_mode mode, net_hook hook,
                        void *user, net_err *err)
{
    if (!t)
        return net_fail(err, NET_ERR_ARG, "net_backward: no target");
    if (mode != NET_GRAD_PLAIN && mode != NET_GRAD_DECONVNET && mode != NET_GRAD_GUIDED)
        return net_fail(err, NET_ERR_ARG, "net_backward: unknown mode %d", (int)mode);
    int ts = target_stage(n, t, err);
    if (ts < 0)
        return NET_ERR_ARG;
    if (n->last_done < ts) {
        if (n->last_done < 0)
            return net_fail(err, NET_ERR_ARG,
                            "net_backward: no forward pass to go back "
                            "through; run net_forward first");
        return net_fail(err, NET_ERR_ARG,
                        "net_backward: the last forward pass stopped after "
                        "%s, before the target's stage %s",
                        n->table.s[n->last_done].name, n->table.s[ts].name);
    }
    net_status st = net_backward_prepare(n, err);
    if (st != NET_OK)
        return st;

    const net_stage *s = &n->table.s[ts];
    float *seed = grad_at(n, ts);
    size_t hw = (size_t)s->out_h * s->out_w;
    memset(seed, 0, stage_count(s) * sizeof(float));
    if (t->kind == NET_TARGET_CHANNEL)
        for (size_t p = 0; p < hw; p++)
            seed[(size_t)t->c * hw + p] = 1.0f;
    else if (t->kind == NET_TARGET_UNIT)
        seed[(size_t)t->c * hw + (size_t)t->y * s->out_w + t->x] = 1.0f;
    else
        seed[t->c] = 1.0f;
    n->grad_hi = n->grad_lo = ts;

    for (int i = ts; i >= 0; i--) {
        double t0 = net_now_ms();
        run_stage_grad(n, i, mode);
        double t1 = net_now_ms();
        n->grad_lo = i - 1;
        if (hook) {
            net_event ev = {.index = i,
                            .count = n->table.count,
                            .stage = &n->table.s[i],
                            .in = grad_at(n, i - 1),
                            .out = grad_at(n, i),
                            .ms = t1 - t0};
            net_stage_towers(ev.stage, ev.tower_a, ev.tower_b);
            if (hook(&ev, user))
                return net_fail(err, NET_ERR_CANCELLED, "stopped after %s (backward)",
                                n->table.s[i].name);
        }
    }
    return NET_OK;
}

const float *net_grad(const net *n, int i)
{
    if (!n->grad || n->grad_hi < 0 || i < 0 || i < n->grad_lo || i > n->grad_hi)
        return NULL;
    return grad_at(n, i);
}

const float *net_grad_input(const net *n)
{
    return n->grad && n->grad_hi >= 0 && n->grad_lo < 0 ? n->grad : NULL;
}
