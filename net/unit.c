/* unit.c: one output unit of a convolution, a max pooling or a fully connected stage, taken
 * apart (see alexnet.h): the sums a teacher would write on the board, in double precision.
 *
 * A convolution's unit (m, oy, ox) reads the K×K window at (oy·S − P, ox·S − P) of the input
 * channels of its own group (a tower's, or all of them for conv3), multiplies by filter m and
 * adds the bias; the sums are kept per input channel, so a view can show which channels
 * mattered. Pooling keeps the window's largest value and where it was. An fc unit is one row of
 * W times the flattened input (channel, row, column order) plus the bias, summed per channel of
 * that input.
 */
#include "alexnet.h"

#include <math.h>
#include <stddef.h>

static net_status conv_unit(const net_stage *s, const float *in, const float *w, const float *b,
                            int m, double *part, int cap, net_unit *u, net_err *err)
{
    int C = s->in_c, H = s->in_h, W = s->in_w, K = s->k;
    int cg = C / s->groups, mg = s->out_c / s->groups, g = m / mg;
    if (!part || cap < cg)
        return net_fail(err, NET_ERR_ARG, "%s: room for %d channel sums, %d needed", s->name, cap,
                        cg);
    u->c0 = g * cg, u->c1 = (g + 1) * cg;
    u->y0 = u->y * s->stride - s->pad, u->x0 = u->x * s->stride - s->pad, u->k = K;
    double total = 0;
    for (int c = 0; c < cg; c++) {
        double acc = 0;
        for (int ky = 0; ky < K; ky++)
            for (int kx = 0; kx < K; kx++) {
                int yy = u->y0 + ky, xx = u->x0 + kx;
                if (yy < 0 || yy >= H || xx < 0 || xx >= W) {
                    u->padded += c == 0;
                    continue;
                }
                acc += (double)in[((size_t)(u->c0 + c) * H + yy) * W + xx] *
                       w[(((size_t)m * cg + c) * K + ky) * K + kx];
            }
        part[c] = acc;
        total += acc;
    }
    u->n_part = cg;
    u->bias = b ? b[m] : 0;
    u->sum = total + u->bias;
    return NET_OK;
}

static void pool_unit(const net_stage *s, const float *in, net_unit *u)
{
    int H = s->in_h, W = s->in_w, K = s->k;
    u->c0 = u->c, u->c1 = u->c + 1;
    u->y0 = u->y * s->stride - s->pad, u->x0 = u->x * s->stride - s->pad, u->k = K;
    u->sum = -INFINITY;
    u->win_y = u->win_x = -1;
    for (int ky = 0; ky < K; ky++)
        for (int kx = 0; kx < K; kx++) {
            int yy = u->y0 + ky, xx = u->x0 + kx;
            if (yy < 0 || yy >= H || xx < 0 || xx >= W)
                continue; /* the padding is −∞: it never wins */
            double v = in[((size_t)u->c * H + yy) * W + xx];
            if (v > u->sum)
                u->sum = v, u->win_y = yy, u->win_x = xx;
        }
}

static net_status fc_unit(const net_stage *s, const float *in, const float *w, const float *b,
                          int n, double *part, int cap, net_unit *u, net_err *err)
{
    int C = s->in_c;
    size_t per = (size_t)s->in_h * s->in_w, IN = (size_t)C * per;
    if (!part || cap < C)
        return net_fail(err, NET_ERR_ARG, "%s: room for %d channel sums, %d needed", s->name, cap,
                        C);
    u->c0 = 0, u->c1 = C;
    double total = 0;
    for (int c = 0; c < C; c++) {
        double acc = 0;
        for (size_t i = 0; i < per; i++)
            acc += (double)in[(size_t)c * per + i] * w[(size_t)n * IN + (size_t)c * per + i];
        part[c] = acc;
        total += acc;
    }
    u->n_part = C;
    u->bias = b ? b[n] : 0;
    u->sum = total + u->bias;
    return NET_OK;
}

net_status net_unit_explain(const net_stage *s, const float *in, const float *w, const float *b,
                            int c, int y, int x, double *part, int cap, net_unit *u, net_err *err)
{
    *u = (net_unit){.c = c, .y = y, .x = x};
    if (!s || !in)
        return net_fail(err, NET_ERR_ARG, "net_unit_explain: no stage or no input");
    if (c < 0 || c >= s->out_c || y < 0 || y >= s->out_h || x < 0 || x >= s->out_w)
        return net_fail(err, NET_ERR_ARG, "%s: unit (%d, %d, %d) is outside its %d×%d×%d", s->name,
                        c, y, x, s->out_c, s->out_h, s->out_w);
    switch (s->op) {
    case NET_OP_CONV:
        if (!w)
            break;
        return conv_unit(s, in, w, b, c, part, cap, u, err);
    case NET_OP_POOL: pool_unit(s, in, u); return NET_OK;
    case NET_OP_FC:
        if (!w)
            break;
        return fc_unit(s, in, w, b, c, part, cap, u, err);
    default: break;
    }
    return net_fail(err, NET_ERR_ARG, "%s: not a convolution, pooling or fc stage with weights",
                    s->name);
}
