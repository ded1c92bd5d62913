/* test_forward.c: the forward pass and its hook, and the seeded default weights. */
#include "alexnet.h"
#include "test.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int calls, last_index, stop_at, bad;
    char why[200];
    const net *n;
} hook_log;

static int log_hook(const net_event *ev, void *user)
{
    hook_log *l = user;
    const net_stage *s = net_stage_at(l->n, l->calls);
    if (!l->bad) {
        if (ev->index != l->calls || ev->count != net_stage_count(l->n) || ev->stage != s) {
            l->bad = 1;
            snprintf(l->why, sizeof l->why, "call %d got stage %d of %d", l->calls, ev->index,
                     ev->count);
        } else if (ev->out != net_output(l->n, ev->index)) {
            l->bad = 1;
            snprintf(l->why, sizeof l->why, "%s: out is not the kept activation", s->name);
        } else if (ev->index > 0 && ev->in != net_output(l->n, ev->index - 1)) {
            l->bad = 1;
            snprintf(l->why, sizeof l->why, "%s: in is not the previous output", s->name);
        } else if (ev->ms < 0) {
            l->bad = 1;
            snprintf(l->why, sizeof l->why, "%s: negative time", s->name);
        }
        int a[2], b[2];
        net_stage_towers(s, a, b);
        if (memcmp(a, ev->tower_a, sizeof a) || memcmp(b, ev->tower_b, sizeof b)) {
            l->bad = 1;
            snprintf(l->why, sizeof l->why, "%s: tower ranges differ", s->name);
        }
    }
    l->calls++;
    return l->stop_at >= 0 && ev->index == l->stop_at;
}

static net *narrow_net(void)
{
    static const int w[8] = {8, 16, 24, 24, 16, 64, 64, 10};
    net_config c;
    net_config_default(&c);
    memcpy(c.width, w, sizeof w);
    net *n = NULL;
    if (net_create(&n, &c, NULL) != NET_OK)
        return NULL;
    net_seed_weights(n, 7);
    return n;
}

static float *pattern_input(int S)
{
    float *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    for (int i = 0; i < 3 * S * S; i++)
        x[i] = 100.0f * sinf(0.05f * (float)i) * cosf(0.0007f * (float)i);
    return x;
}

TEST(forward_hook_fires_once_per_stage_in_order)
{
    net *n = narrow_net();
    CHECK(n);
    float *x = pattern_input(227);
    hook_log l = {.stop_at = -1, .n = n};
    CHECK(net_output(n, 0) == NULL);
    net_status st = net_forward(n, x, log_hook, &l, NULL);
    int calls = l.calls, bad = l.bad;
    net_free(n);
    free(x);
    CHECK_EQ_INT(st, NET_OK);
    CHECKF(!bad, "%s", l.why);
    CHECK_EQ_INT(calls, 23);
}

TEST(forward_hook_can_cancel_and_earlier_outputs_stay)
{
    net *n = narrow_net();
    float *x = pattern_input(227);
    hook_log l = {.stop_at = 4, .n = n};
    net_err err = {0};
    net_status st = net_forward(n, x, log_hook, &l, &err);
    int ok = st == NET_ERR_CANCELLED && l.calls == 5 && net_last_done(n) == 4 &&
             net_output(n, 4) != NULL && net_output(n, 5) == NULL && strstr(err.msg, "conv2");
    net_free(n);
    free(x);
    CHECKF(ok, "status %d calls %d msg '%s'", st, l.calls, err.msg);
}

TEST(forward_relu_dropout_softmax_semantics)
{
    net *n = narrow_net();
    float *x = pattern_input(227);
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    int ok = 1;
    for (int i = 1; i < net_stage_count(n) && ok; i++) {
        const net_stage *s = net_stage_at(n, i);
        const float *in = net_output(n, i - 1), *out = net_output(n, i);
        size_t cnt = (size_t)s->out_c * s->out_h * s->out_w;
        if (s->op == NET_OP_RELU)
            for (size_t j = 0; j < cnt; j++)
                ok &= out[j] == (in[j] > 0 ? in[j] : 0);
        if (s->op == NET_OP_DROPOUT)
            ok &= !memcmp(in, out, cnt * sizeof(float));
        if (s->op == NET_OP_SOFTMAX) {
            double sum = 0;
            for (size_t j = 0; j < cnt; j++)
                sum += out[j];
            ok &= fabs(sum - 1) < 1e-5;
        }
    }
    net_free(n);
    free(x);
    CHECK(ok);
}

TEST(seeded_weights_are_deterministic)
{
    net *a = narrow_net(), *b = narrow_net();
    const net_stage *s = net_stage_at(a, net_stage_find(a, "conv3"));
    int same = !memcmp(net_weights(a, net_stage_find(a, "conv3")),
                       net_weights(b, net_stage_find(b, "conv3")), sizeof(float) * s->n_w);
    net_seed_weights(b, 8);
    int differ = memcmp(net_weights(a, 0), net_weights(b, 0), sizeof(float) * 8 * 363) != 0;
    int untrained = net_is_untrained(a);
    net_free(a);
    net_free(b);
    CHECK(same);
    CHECK(differ);
    CHECK(untrained);
}

/* The full network on seeded weights: no stage dies or explodes, LRN visibly damps, and the
 * prediction is soft rather than one-hot. */
TEST(seeded_full_network_keeps_activations_alive)
{
    net_config c;
    net_config_default(&c);
    net *n = NULL;
    CHECK_EQ_INT(net_create(&n, &c, NULL), NET_OK);
    CHECK_EQ_INT(net_seed_weights(n, 1), NET_OK);
    float *x = pattern_input(227);
    net_status st = net_forward(n, x, NULL, NULL, NULL);
    char why[200] = "";
    for (int i = 0; i < net_stage_count(n) && st == NET_OK && !why[0]; i++) {
        const net_stage *s = net_stage_at(n, i);
        net_stats ss;
        net_compute_stats(net_output(n, i), (size_t)s->out_c * s->out_h * s->out_w, &ss);
        if (!isfinite(ss.std) || !isfinite(ss.max))
            snprintf(why, sizeof why, "%s: not finite", s->name);
        else if (s->op == NET_OP_RELU && ss.zeros > 0.9)
            snprintf(why, sizeof why, "%s: %.0f%% zeros", s->name, 100 * ss.zeros);
        else if (s->op != NET_OP_SOFTMAX && (ss.std < 1 || ss.std > 1000))
            snprintf(why, sizeof why, "%s: std %g", s->name, ss.std);
        else if (s->op == NET_OP_SOFTMAX && ss.max > 0.9f)
            snprintf(why, sizeof why, "prob: top class %.3f, one-hot", ss.max);
        if (s->op == NET_OP_LRN) {
            const float *in = net_output(n, i - 1), *out = net_output(n, i);
            float damp = 1;
            for (size_t j = 0; j < (size_t)s->out_c * s->out_h * s->out_w; j++)
                if (in[j] > 0 && out[j] / in[j] < damp)
                    damp = out[j] / in[j];
            if (damp > 0.95f)
                snprintf(why, sizeof why, "%s: LRN never damps below %.3f", s->name, damp);
        }
    }
    net_free(n);
    free(x);
    CHECK_EQ_INT(st, NET_OK);
    CHECKF(!why[0], "%s", why);
}

TEST(topk_and_stats)
{
    float v[6] = {0.1f, 0.5f, -1, 0.5f, 3, 0};
    int idx[3];
    float val[3];
    net_topk(v, 6, 3, idx, val);
    CHECK(idx[0] == 4 && idx[1] == 1 && idx[2] == 3);
    CHECK(val[0] == 3.0f);
    net_stats st;
    net_compute_stats(v, 6, &st);
    CHECK(st.min == -1 && st.max == 3);
    CHECK_NEAR(st.zeros, 1.0 / 6, 1e-9);
    CHECK_NEAR(st.mean, 3.1 / 6, 1e-6);
}

/* Dropout at training time (net_set_dropout): each unit of drop6 and drop7 either 0 or exactly
 * twice its input, about half of them kept (within 5 standard deviations), masks the same for
 * the same seed and different for another and between the stages, the outputs' expectation the
 * input (over many masks), the backward pass through the same masks; at test time again the
 * identity, every output as before. */
TEST(dropout_at_training_time_masks_scales_and_test_time_is_unchanged)
{
    static const int w[8] = {8, 16, 24, 24, 16, 4096, 4096, 10};
    net_config c;
    net_config_default(&c);
    memcpy(c.width, w, sizeof w);
    net *n = NULL;
    CHECK_EQ_INT(net_create(&n, &c, NULL), NET_OK);
    net_seed_weights(n, 7);
    float *x = pattern_input(227);
    int d6 = net_stage_find(n, "drop6"), d7 = net_stage_find(n, "drop7"),
        pr = net_stage_count(n) - 1;
    CHECK(d6 > 0 && d7 > 0);
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    CHECK(net_dropout_mask(n, d6) == NULL);
    float prob0[10];
    memcpy(prob0, net_output(n, pr), sizeof prob0);

    unsigned char first[2][4096];
    net_set_dropout(n, 1, 42);
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    int exact = 1;
    for (int k = 0; k < 2; k++) {
        int i = k ? d7 : d6;
        const unsigned char *m = net_dropout_mask(n, i);
        CHECK(m != NULL);
        const float *in = net_output(n, i - 1), *out = net_output(n, i);
        int kept = 0;
        for (int j = 0; j < 4096; j++) {
            exact &= m[j] <= 1 && out[j] == (m[j] ? in[j] * 2.0f : 0.0f);
            kept += m[j];
        }
        CHECKF(abs(kept - 2048) <= 5 * 32, "%s kept %d of 4096", net_stage_at(n, i)->name, kept);
        memcpy(first[k], m, 4096);
    }
    CHECK(exact);
    CHECK(net_dropout_mask(n, d6 - 1) == NULL); /* relu6 has none */
    int differ = 0;
    for (int j = 0; j < 4096; j++)
        differ += first[0][j] != first[1][j];
    CHECKF(differ > 1500, "drop6 and drop7 masks differ in %d units only", differ);

    /* the backward pass takes the same mask and scale */
    net_grad_target t = {.kind = NET_TARGET_SCORE, .c = 3};
    CHECK_EQ_INT(net_backward(n, &t, NET_GRAD_PLAIN, NULL, NULL, NULL), NET_OK);
    const float *g_out = net_grad(n, d6), *g_in = net_grad(n, d6 - 1);
    CHECK(g_out && g_in);
    int grad_ok = 1;
    for (int j = 0; g_out && g_in && j < 4096; j++)
        grad_ok &= g_in[j] == (first[0][j] ? g_out[j] * 2.0f : 0.0f);
    CHECK(grad_ok);

    /* the same seed draws the same masks; another seed others */
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    CHECK(!memcmp(net_dropout_mask(n, d6), first[0], 4096));
    net_set_dropout(n, 1, 43);
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    CHECK(memcmp(net_dropout_mask(n, d6), first[0], 4096) != 0);

    /* in expectation the input: drop6's sum over 64 masks against its input's */
    double sum_out = 0, sum_in = 0;
    for (uint64_t seed = 100; seed < 164; seed++) {
        net_set_dropout(n, 1, seed);
        CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
        const float *in = net_output(n, d6 - 1), *out = net_output(n, d6);
        for (int j = 0; j < 4096; j++)
            sum_out += out[j], sum_in += in[j];
    }
    CHECKF(sum_in > 0 && fabs(sum_out / sum_in - 1) < 0.02, "mean over masks / input = %g",
           sum_out / sum_in);

    /* test time again: the identity, and the same probabilities as before */
    net_set_dropout(n, 0, 0);
    CHECK_EQ_INT(net_forward(n, x, NULL, NULL, NULL), NET_OK);
    CHECK(net_dropout_mask(n, d6) == NULL);
    CHECK(!memcmp(net_output(n, d6), net_output(n, d6 - 1), 4096 * sizeof(float)));
    CHECK(!memcmp(net_output(n, pr), prob0, sizeof prob0));
    net_free(n);
    free(x);
}
