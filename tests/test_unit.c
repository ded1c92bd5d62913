/* test_unit.c: one unit taken apart (net_unit_explain, what the compute view shows) is the
 * pass's own value: recomputed here in double, independently, for units of every conv stage in
 * both towers, an edge unit that reads padding, the last unit of a row, the pools and fc6,
 * and compared with net_output (relative error ≤ 1e-5, relative to the stage's largest |value|:
 * a sum of large terms that nearly cancel keeps float32's absolute error, not a relative one)
 * and with the explanation's sum. */
#include "alexnet.h"
#include "test.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The seeded net at 227 after one pass on a smooth test pattern; NULL when it cannot be made. */
static net *unit_net(float **input)
{
    static net *n;
    static float *x;
    if (!n) {
        net_config cfg;
        net_config_default(&cfg);
        if (net_create(&n, &cfg, NULL) != NET_OK || net_seed_weights(n, 1) != NET_OK)
            return NULL;
        size_t plane = 227 * 227;
        x = malloc(sizeof(float) * 3 * plane);
        if (!x)
            return NULL;
        for (int c = 0; c < 3; c++)
            for (size_t i = 0; i < plane; i++)
                x[c * plane + i] = (float)(60 * sin(0.05 * (double)(i % 227) * (c + 1)) +
                                           40 * cos(0.03 * (double)(i / 227)) - 10 * c);
        if (net_forward(n, x, NULL, NULL, NULL) != NET_OK)
            return NULL;
    }
    *input = x;
    return n;
}

/* The stage's input: the previous stage's output, or the net's input for stage 0. */
static const float *input_of(net *n, int i, const float *x) { return i ? net_output(n, i - 1) : x; }

/* Unit (c, y, x) of stage i recomputed here, in double, straight from the definitions. */
static double recompute(net *n, int i, const float *in, int c, int y, int x)
{
    const net_stage *s = net_stage_at(n, i);
    const float *w = net_weights(n, i), *b = net_biases(n, i);
    int C = s->in_c, H = s->in_h, W = s->in_w, K = s->k;
    if (s->op == NET_OP_FC) {
        size_t IN = (size_t)C * H * W;
        double acc = b[c];
        for (size_t j = 0; j < IN; j++)
            acc += (double)in[j] * w[(size_t)c * IN + j];
        return acc;
    }
    if (s->op == NET_OP_POOL) {
        double best = -INFINITY;
        for (int ky = 0; ky < K; ky++)
            for (int kx = 0; kx < K; kx++) {
                int yy = y * s->stride + ky, xx = x * s->stride + kx;
                if (yy < H && xx < W && in[((size_t)c * H + yy) * W + xx] > best)
                    best = in[((size_t)c * H + yy) * W + xx];
            }
        return best;
    }
    int cg = C / s->groups, g = c / (s->out_c / s->groups);
    double acc = b[c];
    for (int k = 0; k < cg; k++)
        for (int ky = 0; ky < K; ky++)
            for (int kx = 0; kx < K; kx++) {
                int yy = y * s->stride - s->pad + ky, xx = x * s->stride - s->pad + kx;
                if (yy < 0 || yy >= H || xx < 0 || xx >= W)
                    continue;
                acc += (double)in[((size_t)(g * cg + k) * H + yy) * W + xx] *
                       w[(((size_t)c * cg + k) * K + ky) * K + kx];
            }
    return acc;
}

TEST(unit_explained_is_the_pass_s_own_value)
{
    float *x;
    net *n = unit_net(&x);
    CHECK(n);
    static const struct {
        const char *stage;
        int c, y, x; /* c −1: the last channel (tower B); y, x −1: the last row or column */
    } units[] = {
        {"conv1", 5, 20, 31},   {"conv1", -1, 54, -1}, {"conv2", 3, 0, 0},    {"conv2", -1, 26, 13},
        {"conv2", 130, 13, -1}, {"conv3", 7, 6, 6},    {"conv3", -1, 0, 12},  {"conv4", 200, 12, 0},
        {"conv5", 1, 5, -1},    {"conv5", -1, 12, 12}, {"pool1", 40, 26, -1}, {"pool2", -1, 0, 0},
        {"pool5", 100, 5, 5},   {"fc6", 0, 0, 0},      {"fc6", -1, 0, 0},     {"fc8", 281, 0, 0},
    };
    static double part[4096];
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        int i = net_stage_find(n, units[k].stage);
        CHECK(i >= 0);
        const net_stage *s = net_stage_at(n, i);
        int c = units[k].c < 0 ? s->out_c - 1 : units[k].c;
        int y = units[k].y < 0 ? s->out_h - 1 : units[k].y;
        int xx = units[k].x < 0 ? s->out_w - 1 : units[k].x;
        const float *in = input_of(n, i, x);
        net_unit u;
        net_err e = {0};
        CHECKF(net_unit_explain(s, in, net_weights(n, i), net_biases(n, i), c, y, xx, part, 4096,
                                &u, &e) == NET_OK,
               "%s", e.msg);
        double mine = recompute(n, i, in, c, y, xx);
        double pass = net_output(n, i)[((size_t)c * s->out_h + y) * s->out_w + xx];
        net_stats stats;
        net_compute_stats(net_output(n, i), (size_t)s->out_c * s->out_h * s->out_w, &stats);
        double scale = fmax(fabs(mine), fmax(fabs(stats.min), fabs(stats.max)));
        CHECKF(fabs(pass - mine) / scale <= 1e-5, "%s (%d, %d, %d): the pass says %.9g, %.9g here",
               s->name, c, y, xx, pass, mine);
        CHECKF(fabs(u.sum - mine) / scale <= 1e-9, "%s (%d, %d, %d): explained %.12g, %.12g here",
               s->name, c, y, xx, u.sum, mine);
        if (s->op != NET_OP_POOL) {
            double total = u.bias;
            for (int p = 0; p < u.n_part; p++)
                total += part[p];
            CHECK(fabs(total - u.sum) <= 1e-9 * scale);
        }
    }
    /* the edge unit of conv2 (pad 2) reads padding; its window starts at −2 */
    int i = net_stage_find(n, "conv2");
    net_unit u;
    CHECK(net_unit_explain(net_stage_at(n, i), net_output(n, i - 1), net_weights(n, i),
                           net_biases(n, i), 3, 0, 0, part, 4096, &u, NULL) == NET_OK);
    CHECK_EQ_INT(u.y0, -2);
    CHECK_EQ_INT(u.x0, -2);
    CHECK_EQ_INT(u.padded, 25 - 9);
    CHECK_EQ_INT(u.c1 - u.c0, 48); /* tower A's own 48 maps */
    /* conv3 reads both towers; conv4 only its own */
    i = net_stage_find(n, "conv3");
    CHECK(net_unit_explain(net_stage_at(n, i), net_output(n, i - 1), net_weights(n, i),
                           net_biases(n, i), 300, 4, 4, part, 4096, &u, NULL) == NET_OK);
    CHECK(u.c0 == 0 && u.c1 == 256);
    i = net_stage_find(n, "conv4");
    CHECK(net_unit_explain(net_stage_at(n, i), net_output(n, i - 1), net_weights(n, i),
                           net_biases(n, i), 300, 4, 4, part, 4096, &u, NULL) == NET_OK);
    CHECK(u.c0 == 192 && u.c1 == 384);
    /* pool1's winner is inside its window; a unit outside the stage is refused */
    i = net_stage_find(n, "pool1");
    CHECK(net_unit_explain(net_stage_at(n, i), net_output(n, i - 1), NULL, NULL, 9, 26, 26, NULL, 0,
                           &u, NULL) == NET_OK);
    CHECK(u.win_y >= u.y0 && u.win_y < u.y0 + 3 && u.win_x >= u.x0 && u.win_x < u.x0 + 3);
    net_err e = {0};
    CHECK(net_unit_explain(net_stage_at(n, i), net_output(n, i - 1), NULL, NULL, 9, 27, 0, NULL, 0,
                           &u, &e) == NET_ERR_ARG);
    CHECK(strstr(e.msg, "outside"));
}
