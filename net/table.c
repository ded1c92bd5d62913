/* table.c: AlexNet as a table of stages, and the arithmetic derived from it.
 *
 * net_table_build lays out the 23 stages for a configuration (the variants only reorder LRN and
 * pooling, change the input size and the pool rounding, or narrow the widths) and derives every
 * shape, parameter and MAC count, receptive field and parameter offset. The explain functions
 * turn one row into the lines a teacher writes on the board. Nothing here touches a tensor.
 */
#include "alexnet.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *net_op_str(net_op op)
{
    switch (op) {
    case NET_OP_CONV: return N_("conv");
    case NET_OP_RELU: return N_("relu");
    case NET_OP_LRN: return N_("lrn");
    case NET_OP_POOL: return N_("maxpool");
    case NET_OP_FC: return N_("fc");
    case NET_OP_DROPOUT: return N_("dropout");
    case NET_OP_SOFTMAX: return N_("softmax");
    case NET_OP_SUBSAMPLE: return N_("subsample");
    case NET_OP_RBF: return N_("rbf");
    }
    return "?";
}

void net_config_default(net_config *cfg)
{
    static const int widths[8] = {96, 256, 384, 384, 256, 4096, 4096, 1000};
    memset(cfg, 0, sizeof *cfg);
    memcpy(cfg->width, widths, sizeof widths);
    cfg->lrn.n = 5;
    cfg->lrn.alpha = 1e-4f;
    cfg->lrn.beta = 0.75f;
    net_config_set_input(cfg, 227);
    net_lrn_set_formula(&cfg->lrn, NET_LRN_CAFFE);
}

void net_config_set_input(net_config *cfg, int input_size)
{
    cfg->input_size = input_size;
    cfg->pool_round = input_size == 227 ? NET_ROUND_FLOOR : NET_ROUND_CEIL;
}

void net_lrn_set_formula(net_lrn *l, net_lrn_formula f)
{
    l->formula = f;
    l->k = f == NET_LRN_PAPER ? 2.0f : 1.0f;
}

float net_lrn_scale(const net_lrn *l)
{
    return l->formula == NET_LRN_CAFFE ? l->alpha / (float)l->n : l->alpha;
}

int net_lrn_equal(const net_lrn *a, const net_lrn *b)
{
    return a->n == b->n && a->k == b->k && a->alpha == b->alpha && a->beta == b->beta &&
           a->formula == b->formula && a->within_towers == b->within_towers;
}

void net_stage_towers(const net_stage *s, int a[2], int b[2])
{
    if (s->towers == 2) {
        a[0] = 0, a[1] = s->out_c / 2;
        b[0] = s->out_c / 2, b[1] = s->out_c;
    } else {
        a[0] = 0, a[1] = s->out_c;
        b[0] = b[1] = 0;
    }
}

/* Appends a stage row with the fields every op shares. */
static net_stage *add(net_stage *st, int *n, const char *name, net_op op, int layer)
{
    net_stage *s = &st[(*n)++];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->op = op;
    s->layer = layer;
    s->reads = NET_READS_OWN;
    s->towers = 2;
    s->groups = 1;
    return s;
}

static void add_conv(net_stage *st, int *n, int layer, int k, int stride, int pad, int groups,
                     int out_c, net_reads reads)
{
    char name[8];
    snprintf(name, sizeof name, "conv%d", layer);
    net_stage *s = add(st, n, name, NET_OP_CONV, layer);
    s->k = k, s->stride = stride, s->pad = pad, s->groups = groups, s->out_c = out_c;
    s->reads = reads;
    snprintf(name, sizeof name, "relu%d", layer);
    add(st, n, name, NET_OP_RELU, layer);
}

static void add_pool(net_stage *st, int *n, int layer, const net_config *cfg)
{
    char name[8];
    snprintf(name, sizeof name, "pool%d", layer);
    net_stage *s = add(st, n, name, NET_OP_POOL, layer);
    s->k = 3, s->stride = 2, s->round = cfg->pool_round, s->pad_end = cfg->pool_pad_end;
}

static void add_norm(net_stage *st, int *n, int layer, const net_config *cfg)
{
    char name[8];
    snprintf(name, sizeof name, "norm%d", layer);
    net_stage *s = add(st, n, name, NET_OP_LRN, layer);
    s->lrn = cfg->lrn;
    s->reads = cfg->lrn.within_towers ? NET_READS_OWN : NET_READS_BOUNDARY;
}

static void add_fc(net_stage *st, int *n, int layer, int out_c, int towers)
{
    char name[8];
    snprintf(name, sizeof name, "fc%d", layer);
    net_stage *s = add(st, n, name, NET_OP_FC, layer);
    s->out_c = out_c, s->reads = NET_READS_BOTH, s->towers = towers;
    if (layer == 8)
        return;
    snprintf(name, sizeof name, "relu%d", layer);
    add(st, n, name, NET_OP_RELU, layer);
    snprintf(name, sizeof name, "drop%d", layer);
    add(st, n, name, NET_OP_DROPOUT, layer);
}

/* Output size of a pool: rounded as configured; in ceil mode a window must start inside the
 * input or its leading pad (PyTorch's and ONNX's rule), otherwise the last one is dropped. */
static int pool_out(int in, int k, int s, int pad, int pad_end, net_round r)
{
    int num = in + pad + pad_end - k;
    int out = (r == NET_ROUND_CEIL ? (num + s - 1) / s : num / s) + 1;
    if (r == NET_ROUND_CEIL && (out - 1) * s >= in + pad)
        out--;
    return out;
}

/* The configuration's own numbers: widths, input size, LRN parameters. */
static int config_ok(const net_config *cfg, net_err *err)
{
    const int *w = cfg->width;
    for (int i = 0; i < 8; i++)
        if (w[i] < 1 || w[i] > 65536) {
            net_fail(err, NET_ERR_ARG, "width of layer %d is %d; expected 1..65536", i + 1, w[i]);
            return 0;
        }
    for (int i = 0; i < 5; i++)
        if (w[i] % 2) {
            net_fail(err, NET_ERR_ARG, "conv%d has %d channels; the two towers need an even number",
                     i + 1, w[i]);
            return 0;
        }
    if (cfg->input_size < 11 || cfg->input_size > 4096) {
        net_fail(err, NET_ERR_ARG, "input size %d; expected 227 or 224 (at least 11)",
                 cfg->input_size);
        return 0;
    }
    if (cfg->lrn.n < 1 || !(cfg->lrn.beta > 0) || !(cfg->lrn.k > 0) || !(cfg->lrn.alpha >= 0)) {
        net_fail(err, NET_ERR_VALUE,
                 "LRN n=%d k=%g alpha=%g beta=%g; expected n ≥ 1, k > 0, "
                 "alpha ≥ 0, beta > 0",
                 cfg->lrn.n, cfg->lrn.k, cfg->lrn.alpha, cfg->lrn.beta);
        return 0;
    }
    return 1;
}

/* The rows in order, with their geometry; returns the count. */
static int lay_out(const net_config *cfg, net_stage *st)
{
    int n = 0;
    const int *w = cfg->width;
    for (int layer = 1; layer <= 2; layer++) {
        if (layer == 1)
            add_conv(st, &n, 1, 11, 4, 0, 1, w[0], NET_READS_IMAGE);
        else
            add_conv(st, &n, 2, 5, 1, 2, 2, w[1], NET_READS_OWN);
        if (cfg->lrn_after_pool) {
            add_pool(st, &n, layer, cfg);
            add_norm(st, &n, layer, cfg);
        } else {
            add_norm(st, &n, layer, cfg);
            add_pool(st, &n, layer, cfg);
        }
    }
    add_conv(st, &n, 3, 3, 1, 1, 1, w[2], NET_READS_BOTH);
    add_conv(st, &n, 4, 3, 1, 1, 2, w[3], NET_READS_OWN);
    add_conv(st, &n, 5, 3, 1, 1, 2, w[4], NET_READS_OWN);
    add_pool(st, &n, 5, cfg);
    add_fc(st, &n, 6, w[5], w[5] % 2 ? 1 : 2);
    add_fc(st, &n, 7, w[6], w[6] % 2 ? 1 : 2);
    add_fc(st, &n, 8, w[7], 1);
    net_stage *prob = add(st, &n, "prob", NET_OP_SOFTMAX, 8);
    prob->reads = NET_READS_ALL;
    prob->towers = 1;
    return n;
}

/* What follows from the geometry, row after row, for an input of c×size×size: shapes, receptive
 * fields, parameter, MAC and connection counts, where the weights live. 0 with err filled when a
 * kernel does not fit its input. */
static int derive(int c, int size, net_table *t, net_err *err)
{
    int h = size, wd = size;
    int rf = 1, jump = 1, off = 0;
    size_t poff = 0;
    for (int i = 0; i < t->count; i++) {
        net_stage *s = &t->s[i];
        s->in_c = c, s->in_h = h, s->in_w = wd;
        int vec = s->op == NET_OP_FC || s->op == NET_OP_RBF;
        s->out_c = s->op == NET_OP_CONV || vec ? s->out_c : c;
        s->out_h = h, s->out_w = wd;
        if (s->op == NET_OP_CONV || s->op == NET_OP_POOL || s->op == NET_OP_SUBSAMPLE) {
            int pe = s->op == NET_OP_CONV ? s->pad : s->pad_end;
            if (h + s->pad + pe < s->k) {
                net_fail(err, NET_ERR_SHAPE,
                         "%s: a %d×%d kernel does not fit a %d×%d input (with padding %d)", s->name,
                         s->k, s->k, h, wd, s->pad + pe);
                return 0;
            }
            if (s->op == NET_OP_CONV) {
                s->out_h = (h + 2 * s->pad - s->k) / s->stride + 1;
                s->out_w = (wd + 2 * s->pad - s->k) / s->stride + 1;
            } else {
                s->out_h = pool_out(h, s->k, s->stride, s->pad, s->pad_end, s->round);
                s->out_w = pool_out(wd, s->k, s->stride, s->pad, s->pad_end, s->round);
            }
            off -= s->pad * jump;
            rf += (s->k - 1) * jump;
            jump *= s->stride;
        } else if (vec) {
            s->out_h = s->out_w = 1;
            rf = size, jump = 0, off = 0;
        }
        s->rf = rf, s->rf_jump = jump, s->rf_off = off;
        if (s->op == NET_OP_CONV) {
            if (c % s->groups) {
                net_fail(err, NET_ERR_SHAPE, "%s: %d input channels do not split into %d groups",
                         s->name, c, s->groups);
                return 0;
            }
            /* the weights of all output maps: each reads c/groups maps, or its row of a table */
            int64_t maps = s->links ? s->links : (int64_t)s->out_c * (c / s->groups);
            s->n_w = maps * s->k * s->k, s->n_b = s->out_c;
            s->macs = (int64_t)s->out_h * s->out_w * s->n_w;
        } else if (s->op == NET_OP_SUBSAMPLE) {
            s->n_w = s->n_b = s->out_c; /* a coefficient and a bias per map */
            s->macs = (int64_t)s->out_h * s->out_w * s->out_c * s->k * s->k;
        } else if (vec) {
            int64_t in = (int64_t)c * h * wd;
            if (s->op == NET_OP_FC)
                s->n_w = s->out_c * in, s->n_b = s->out_c;
            s->macs = s->out_c * in; /* the RBF's are distances to fixed vectors: no parameters */
        }
        s->params = s->n_w + s->n_b;
        s->connections = s->macs + (s->n_b ? (int64_t)s->out_h * s->out_w * s->out_c : 0);
        s->w_off = poff, s->b_off = poff + (size_t)s->n_w;
        poff += (size_t)s->params;
        c = s->out_c, h = s->out_h, wd = s->out_w;
    }
    return 1;
}

int net_table_build(const net_config *cfg, net_table *t, net_err *err)
{
    memset(t, 0, sizeof *t);
    if (!config_ok(cfg, err))
        return 0;
    t->count = lay_out(cfg, t->s);
    if (!derive(3, cfg->input_size, t, err))
        t->count = 0;
    return t->count;
}

/* LeNet-5's C3: output maps 0–5 read three neighbouring maps of S2, 6–11 four neighbouring
 * ones, 12–14 four not all neighbours, 15 all six (LeCun et al. 1998, Table I): bit i of
 * c3_table[o] says whether map o reads S2's map i. */
static const unsigned char c3_table[16] = {
    0x07, 0x0E, 0x1C, 0x38, 0x31, 0x23, /* {0,1,2} … {5,0,1} */
    0x0F, 0x1E, 0x3C, 0x39, 0x33, 0x27, /* {0,1,2,3} … {5,0,1,2} */
    0x1B, 0x36, 0x2D,                   /* {0,1,3,4} {1,2,4,5} {0,2,3,5} */
    0x3F};

int net_lenet5_c3_reads(int o, int i)
{
    return o >= 0 && o < 16 && i >= 0 && i < 6 && (c3_table[o] >> i & 1);
}

int net_lenet5_table(net_table *t)
{
    memset(t, 0, sizeof *t);
    net_stage *st = t->s;
    int n = 0, links = 0;
    for (int o = 0; o < 16; o++)
        for (int i = 0; i < 6; i++)
            links += net_lenet5_c3_reads(o, i);
    static const struct {
        const char *name;
        net_op op;
        int k, out_c;
    } rows[] = {{"C1", NET_OP_CONV, 5, 6},    {"S2", NET_OP_SUBSAMPLE, 2, 0},
                {"C3", NET_OP_CONV, 5, 16},   {"S4", NET_OP_SUBSAMPLE, 2, 0},
                {"C5", NET_OP_CONV, 5, 120},  {"F6", NET_OP_FC, 0, 84},
                {"OUTPUT", NET_OP_RBF, 0, 10}};
    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        net_stage *s = add(st, &n, rows[r].name, rows[r].op, (int)r + 1);
        s->k = rows[r].k, s->stride = rows[r].op == NET_OP_SUBSAMPLE ? 2 : 1;
        s->out_c = rows[r].out_c;
        s->towers = 1;
        s->reads = r == 0 ? NET_READS_IMAGE : NET_READS_ALL;
        if (!strcmp(s->name, "C3"))
            s->links = links;
    }
    t->count = n;
    if (!derive(1, 32, t, NULL))
        t->count = 0;
    return t->count;
}

int net_table_find(const net_table *t, const char *name)
{
    for (int i = 0; i < t->count; i++)
        if (!strcmp(t->s[i].name, name))
            return i;
    return -1;
}

int net_table_norm_for(const net_table *t, int i)
{
    int norm = -1;
    for (int j = 0; j < t->count; j++)
        if (t->s[j].op == NET_OP_LRN && (norm < 0 || j <= i))
            norm = j;
    return norm;
}

/* ---------------------------------------------------------------- explanations */

int net_fmt_count(int64_t v, char *buf, size_t len)
{
    char digits[32], out[48];
    int nd = snprintf(digits, sizeof digits, "%lld", (long long)(v < 0 ? -v : v)), o = 0;
    if (v < 0)
        out[o++] = '-';
    for (int i = 0; i < nd; i++) {
        if (i && (nd - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = 0;
    return snprintf(buf, len, "%s", out);
}

/* snprintf that reports the length actually written, so callers can chain. */
static int put(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int put(char *buf, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    if (r < 0)
        return 0;
    return (size_t)r >= len ? (int)(len ? len - 1 : 0) : r;
}

int net_explain_shape(const net_stage *s, char *buf, size_t len)
{
    if (s->op == NET_OP_CONV)
        return put(buf, len, "floor((%d + 2·%d − %d)/%d) + 1 = %d", s->in_h, s->pad, s->k,
                   s->stride, s->out_h);
    if (s->op == NET_OP_POOL || s->op == NET_OP_SUBSAMPLE) {
        int num = s->in_h + s->pad + s->pad_end - s->k;
        char pads[32] = "";
        if (s->pad || s->pad_end)
            snprintf(pads, sizeof pads, " + %d + %d", s->pad, s->pad_end);
        if (s->round == NET_ROUND_FLOOR)
            return put(buf, len, "floor((%d%s − %d)/%d) + 1 = %d", s->in_h, pads, s->k, s->stride,
                       s->out_h);
        int fl = num / s->stride + 1;
        if (fl == s->out_h)
            return put(buf, len, "ceil((%d%s − %d)/%d) + 1 = %d (floor gives the same)", s->in_h,
                       pads, s->k, s->stride, s->out_h);
        return put(buf, len, "ceil((%d%s − %d)/%d) + 1 = %d (floor would give %d)", s->in_h, pads,
                   s->k, s->stride, s->out_h, fl);
    }
    if (s->op == NET_OP_FC || s->op == NET_OP_RBF) {
        if (s->in_h > 1 || s->in_w > 1)
            return put(buf, len, "flatten %d·%d·%d = %d → %d", s->in_h, s->in_w, s->in_c,
                       s->in_c * s->in_h * s->in_w, s->out_c);
        return put(buf, len, "%d → %d", s->in_c, s->out_c);
    }
    const char *why = s->op == NET_OP_RELU      ? "ReLU max(0, x) keeps the shape"
                      : s->op == NET_OP_LRN     ? "LRN keeps the shape"
                      : s->op == NET_OP_DROPOUT ? "dropout is the identity at inference"
                                                : "softmax keeps the shape";
    if (s->out_h == 1 && s->out_w == 1)
        return put(buf, len, "%s: %d", why, s->out_c);
    return put(buf, len, "%s: %d×%d×%d", why, s->out_h, s->out_w, s->out_c);
}

/* "11·11·3" or "5·5·96/2": the size of one kernel; "60·5·5" for a partial table's links. */
static int kernel_terms(const net_stage *s, char *buf, size_t len)
{
    if (s->links)
        return put(buf, len, "%d·%d·%d", s->links, s->k, s->k);
    if (s->groups > 1)
        return put(buf, len, "%d·%d·%d/%d", s->k, s->k, s->in_c, s->groups);
    return put(buf, len, "%d·%d·%d", s->k, s->k, s->in_c);
}

int net_explain_params(const net_stage *s, char *buf, size_t len)
{
    char total[32], kt[48];
    net_fmt_count(s->params, total, sizeof total);
    if (s->op == NET_OP_CONV) {
        kernel_terms(s, kt, sizeof kt);
        if (s->links)
            return put(buf, len, "%s + %d = %s", kt, s->out_c, total);
        return put(buf, len, "%d·(%s) + %d = %s", s->out_c, kt, s->out_c, total);
    }
    if (s->op == NET_OP_FC)
        return put(buf, len, "%d·%d + %d = %s", s->out_c, s->in_c * s->in_h * s->in_w, s->out_c,
                   total);
    if (s->op == NET_OP_SUBSAMPLE)
        return put(buf, len, "%d·(1 + 1) = %s", s->out_c, total);
    return put(buf, len, "no parameters");
}

int net_explain_macs(const net_stage *s, char *buf, size_t len)
{
    char total[32], kt[48];
    net_fmt_count(s->macs, total, sizeof total);
    if (s->op == NET_OP_CONV) {
        kernel_terms(s, kt, sizeof kt);
        if (s->links)
            return put(buf, len, "%d·%d · (%s) = %s", s->out_h, s->out_w, kt, total);
        return put(buf, len, "%d·%d·%d · (%s) = %s", s->out_h, s->out_w, s->out_c, kt, total);
    }
    if (s->op == NET_OP_SUBSAMPLE)
        return put(buf, len, "%d·%d·%d · (%d·%d) = %s", s->out_h, s->out_w, s->out_c, s->k, s->k,
                   total);
    if (s->op == NET_OP_FC || s->op == NET_OP_RBF)
        return put(buf, len, "%d·%d = %s", s->out_c, s->in_c * s->in_h * s->in_w, total);
    return put(buf, len, "no multiply-accumulates");
}
