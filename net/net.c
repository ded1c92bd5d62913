/* net.c: the net's lifecycle and the forward pass with its hook.
 *
 * A net is its stage table plus two blocks of memory: every parameter in one allocation, and every
 * stage's output plus the scratch space of the fast paths in another (a net that runs backward
 * gets a third, for gradients: backward.c). The forward pass runs the table row by row, times
 * each stage and hands the result to the hook, which may stop it. Nothing is allocated during a
 * pass.
 */
#define _DEFAULT_SOURCE /* madvise */
#include "alexnet.h"
#include "net_internal.h"
#include "ops.h"

#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

double net_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* A block of the net's own, zeroed: mapped on its own (never from malloc's heap), on 2 MB
 * boundaries and marked for transparent huge pages: the 244 MB of AlexNet's weights then take a
 * few hundred page faults instead of 60,000, which is most of the time it takes to fill them.
 * Marked MADV_DONTFORK too: the photo decoder's child (photo_child.c) never reads the net, and a
 * block it does not inherit costs the fork nothing and is not left copy-on-write for the next
 * pass to fault back in. (Its own mapping, because pages of malloc's heap marked so and freed
 * would later hold memory a child needs.) *len gets the mapped length, for net_free_block. */
float *net_alloc_block(size_t count, size_t *len)
{
    const size_t huge = (size_t)2 << 20;
    size_t bytes = (count ? count : 1) * sizeof(float);
    bytes = (bytes + huge - 1) / huge * huge;
    size_t span = bytes + huge;
    unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    /* keep the 2 MB-aligned part, give back the slack on either side */
    size_t head = (huge - (uintptr_t)p % huge) % huge;
    if (head)
        munmap(p, head);
    if (span - head > bytes)
        munmap(p + head + bytes, span - head - bytes);
    p += head;
    madvise(p, bytes, MADV_HUGEPAGE);
    madvise(p, bytes, MADV_DONTFORK);
    *len = bytes;
    return (float *)p;
}

void net_free_block(float *p, size_t len)
{
    if (p)
        munmap(p, len);
}

net_status net_create(net **out, const net_config *cfg, net_err *err)
{
    *out = NULL;
    net *n = calloc(1, sizeof *n);
    if (!n)
        return net_fail(err, NET_ERR_NOMEM, "out of memory for the net");
    n->cfg = *cfg;
    if (!net_table_build(cfg, &n->table, err)) {
        free(n);
        return err ? err->status : NET_ERR_ARG;
    }
    size_t n_params = 0, n_act = 0, work = 0, n_mask = 0;
    for (int i = 0; i < n->table.count; i++) {
        const net_stage *s = &n->table.s[i];
        n_params += (size_t)s->params;
        n->act_off[i] = n_act;
        n_act += (size_t)s->out_c * s->out_h * s->out_w;
        n->mask_off[i] = n_mask;
        if (s->op == NET_OP_DROPOUT)
            n_mask += (size_t)s->out_c * s->out_h * s->out_w;
    }
    work = (net_table_memory(&n->table) / sizeof(float)) - n_act;
    if (net_table_memory(&n->table) > (size_t)NET_MAX_ACT_MB << 20) {
        net_status st = net_fail(err, NET_ERR_LIMIT,
                                 "a network of this size needs %zu MB of "
                                 "activations; at most %d MB are allowed",
                                 net_table_memory(&n->table) >> 20, NET_MAX_ACT_MB);
        free(n);
        return st;
    }
    n->n_params = n_params;
    n->params = net_alloc_block(n_params, &n->params_len);
    n->act = net_alloc_block(n_act + work, &n->act_len);
    n->mask = malloc(n_mask ? n_mask : 1);
    if (!n->params || !n->act || !n->mask) {
        net_free(n);
        return net_fail(err, NET_ERR_NOMEM,
                        "out of memory: %zu MB of parameters, %zu MB of "
                        "activations",
                        n_params * 4 >> 20, (n_act + work) * 4 >> 20);
    }
    n->work = n->act + n_act;
    n->last_done = -1;
    n->grad_hi = -1;
    *out = n;
    return NET_OK;
}

size_t net_table_memory(const net_table *t)
{
    size_t act = 0, work = 0;
    for (int i = 0; i < t->count; i++) {
        const net_stage *s = &t->s[i];
        act += (size_t)s->out_c * s->out_h * s->out_w;
        size_t need = 0;
        if (s->op == NET_OP_CONV)
            need = op_conv_work(s->in_c, s->k, s->groups, s->out_h, s->out_w);
        if (need > work)
            work = need;
    }
    return (act + work) * sizeof(float);
}

void net_free(net *n)
{
    if (!n)
        return;
    net_free_block(n->params, n->params_len);
    net_free_block(n->act, n->act_len);
    net_free_block(n->grad, n->grad_len);
    free(n->mask);
    free(n);
}

const net_config *net_get_config(const net *n) { return &n->cfg; }
int net_stage_count(const net *n) { return n->table.count; }

const net_stage *net_stage_at(const net *n, int i)
{
    return i >= 0 && i < n->table.count ? &n->table.s[i] : NULL;
}

const net_table *net_get_table(const net *n) { return &n->table; }

int net_stage_find(const net *n, const char *name) { return net_table_find(&n->table, name); }

int64_t net_total_params(const net *n)
{
    int64_t t = 0;
    for (int i = 0; i < n->table.count; i++)
        t += n->table.s[i].params;
    return t;
}

int64_t net_total_macs(const net *n)
{
    int64_t t = 0;
    for (int i = 0; i < n->table.count; i++)
        t += n->table.s[i].macs;
    return t;
}

float *net_weights(net *n, int i)
{
    const net_stage *s = net_stage_at(n, i);
    return s && s->n_w ? n->params + s->w_off : NULL;
}

float *net_biases(net *n, int i)
{
    const net_stage *s = net_stage_at(n, i);
    return s && s->n_b ? n->params + s->b_off : NULL;
}

int net_is_untrained(const net *n) { return n->untrained; }
void net_set_untrained(net *n, int untrained) { n->untrained = untrained; }

void net_set_threads(int threads) { op_set_threads(threads); }

const float *net_output(const net *n, int i)
{
    return i >= 0 && i <= n->last_done ? n->act + n->act_off[i] : NULL;
}

int net_last_done(const net *n) { return n->last_done; }

/* splitmix64: the masks' random bits, the same for the same seed on every machine */
static uint64_t mix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Dropout at training time on stage i: a fresh mask from the seed and the stage's index (each
 * bit keeps a unit with probability 1 − NET_DROPOUT_P = 1/2), kept units doubled: the inverted
 * form, so the expected output is the input, as at test time. */
static void dropout_train(net *n, int i, const float *in, float *out, size_t count)
{
    unsigned char *m = n->mask + n->mask_off[i];
    uint64_t state = n->drop_seed ^ (0xD1B54A32D192ED03ull * (uint64_t)(i + 1)), bits = 0;
    for (size_t j = 0; j < count; j++) {
        if (j % 64 == 0)
            bits = mix64(&state);
        m[j] = (unsigned char)(bits >> (j % 64) & 1);
        out[j] = m[j] ? in[j] * 2.0f : 0.0f;
    }
}

void net_set_dropout(net *n, int train, uint64_t seed)
{
    n->drop_train = train != 0;
    n->drop_seed = seed;
}

const unsigned char *net_dropout_mask(const net *n, int i)
{
    if (!n->drop_used || i < 0 || i >= n->table.count || i > n->last_done ||
        n->table.s[i].op != NET_OP_DROPOUT)
        return NULL;
    return n->mask + n->mask_off[i];
}

void net_run_stage(net *n, int i, const float *in)
{
    const net_stage *s = &n->table.s[i];
    const float *w = n->params + s->w_off, *b = n->params + s->b_off;
    float *out = n->act + n->act_off[i];
    size_t count = (size_t)s->out_c * s->out_h * s->out_w;
    switch (s->op) {
    case NET_OP_CONV:
        op_conv(in, s->in_c, s->in_h, s->in_w, w, b, s->out_c, s->k, s->stride, s->pad, s->groups,
                out, s->out_h, s->out_w, n->work);
        break;
    case NET_OP_RELU: op_relu(in, out, count); break;
    case NET_OP_LRN:
        op_lrn(in, out, s->in_c, s->in_h * s->in_w, s->lrn.n, s->lrn.k, net_lrn_scale(&s->lrn),
               s->lrn.beta, s->lrn.within_towers ? s->in_c / 2 : s->in_c);
        break;
    case NET_OP_POOL:
        op_pool(in, s->in_c, s->in_h, s->in_w, s->k, s->stride, s->pad, s->pad_end, out, s->out_h,
                s->out_w);
        break;
    case NET_OP_FC: op_fc(in, s->in_c * s->in_h * s->in_w, w, b, out, s->out_c); break;
    case NET_OP_DROPOUT:
        if (n->drop_train)
            dropout_train(n, i, in, out, count);
        else
            memcpy(out, in, count * sizeof(float));
        break;
    case NET_OP_SOFTMAX: op_softmax(in, out, (int)count); break;
    case NET_OP_SUBSAMPLE:
    case NET_OP_RBF: break; /* LeNet-5's: net_create never builds a table with them */
    }
}

net_status net_forward(net *n, const float *input, net_hook hook, void *user, net_err *err)
{
    if (!input)
        return net_fail(err, NET_ERR_ARG, "net_forward: no input");
    n->last_done = -1;
    n->grad_hi = -1; /* the gradients described the outputs this pass replaces */
    n->drop_used = n->drop_train;
    const float *in = input;
    for (int i = 0; i < n->table.count; i++) {
        double t0 = net_now_ms();
        net_run_stage(n, i, in);
        double t1 = net_now_ms();
        n->last_done = i;
        const float *out = n->act + n->act_off[i];
        if (hook) {
            net_event ev = {.index = i,
                            .count = n->table.count,
                            .stage = &n->table.s[i],
                            .in = in,
                            .out = out,
                            .ms = t1 - t0};
            net_stage_towers(ev.stage, ev.tower_a, ev.tower_b);
            if (hook(&ev, user))
                return net_fail(err, NET_ERR_CANCELLED, "stopped after %s", n->table.s[i].name);
        }
        in = out;
    }
    return NET_OK;
}

void net_compute_stats(const float *x, size_t count, net_stats *st)
{
    memset(st, 0, sizeof *st);
    if (!count)
        return;
    double sum = 0, sq = 0;
    size_t zeros = 0, finite = 0;
    float mn = INFINITY, mx = -INFINITY;
    for (size_t i = 0; i < count; i++) {
        float v = x[i];
        if (!isfinite(v)) {
            if (isnan(v))
                st->nan++;
            else
                st->inf++;
            continue;
        }
        finite++;
        mn = v < mn ? v : mn;
        mx = v > mx ? v : mx;
        sum += v;
        sq += (double)v * v; /* at most 1.2e77 each: a double holds millions of them */
        zeros += v == 0.0f;
        st->subnormal += v != 0.0f && fabsf(v) < FLT_MIN;
    }
    st->zeros = (double)zeros / count;
    if (!finite)
        return;
    double mean = sum / finite, var = sq / finite - mean * mean;
    st->min = mn, st->max = mx;
    /* a mean of finite floats is within their range, so only the std can leave float's */
    st->mean = (float)mean;
    double sd = sqrt(var > 0 ? var : 0);
    st->std = sd < FLT_MAX ? (float)sd : FLT_MAX;
}

/* NaN ranks below everything, so that a broken pass never puts it first. */
static float rank_key(float v) { return isnan(v) ? -INFINITY : v; }

void net_topk(const float *x, int count, int k, int *idx, float *val)
{
    if (k > count)
        k = count;
    for (int j = 0; j < k; j++)
        idx[j] = -1;
    for (int i = 0; i < count; i++) {
        int pos = k;
        while (pos > 0 && (idx[pos - 1] < 0 || rank_key(x[i]) > rank_key(x[idx[pos - 1]])))
            pos--;
        if (pos == k)
            continue;
        memmove(idx + pos + 1, idx + pos, sizeof(int) * (size_t)(k - pos - 1));
        idx[pos] = i;
    }
    for (int j = 0; j < k; j++)
        val[j] = x[idx[j]];
}

net_status net_ten_crop(net *n, const unsigned char *square, int R, const net_preproc *pp,
                        double *mean, int *top1, float *top1_p,
                        int (*progress)(int done, void *user), void *user, net_err *err)
{
    int S = n->cfg.input_size, last = n->table.count - 1;
    size_t one = (size_t)3 * S * S, classes = (size_t)n->table.s[last].out_c;
    float *in = malloc(sizeof(float) * one * NET_TEN_CROPS);
    if (!in)
        return net_fail(err, NET_ERR_NOMEM, "out of memory for ten %d×%d patches", S, S);
    net_status st = net_ten_crops(square, R, S, pp, in, NULL, err);
    for (size_t c = 0; c < classes; c++)
        mean[c] = 0;
    int done = 0, drop_train = n->drop_train;
    n->drop_train = 0; /* the paper's test: at test time, whatever dropout is set to */
    while (st == NET_OK && done < NET_TEN_CROPS) {
        st = net_forward(n, in + (size_t)done * one, NULL, NULL, err);
        if (st != NET_OK)
            break;
        const float *prob = net_output(n, last);
        for (size_t c = 0; c < classes; c++)
            mean[c] += prob[c];
        if (top1 || top1_p) {
            int k;
            float v;
            net_topk(prob, (int)classes, 1, &k, &v);
            if (top1)
                top1[done] = k;
            if (top1_p)
                top1_p[done] = v;
        }
        done++;
        if (progress && progress(done, user) && done < NET_TEN_CROPS)
            st = net_fail(err, NET_ERR_CANCELLED, "stopped after %d of %d patches", done,
                          NET_TEN_CROPS);
    }
    for (size_t c = 0; done && c < classes; c++)
        mean[c] /= done;
    n->drop_train = drop_train;
    free(in);
    return st;
}
