/* test_backward_golden.c: net_backward against PyTorch autograd, on narrow nets and the full one.
 *
 * tests/golden/gen_backward_golden.py (run once by hand) rebuilt three networks from PyTorch's
 * own operators and stored, for a few targets and all three modes, gradients computed by
 * autograd in float64: the narrow variants A and B (every stage's gradient, sampled, with sums,
 * and the input's) and the full-size net on the program's seeded weights (the input's). Here the
 * engine runs on the same weights and input and each stored gradient is compared in the order
 * the backward pass computes them, so the first stage that disagrees is named.
 *
 * File format (the script's docstring has it in full): ASCII header lines up to "end", then
 * little-endian float32 values, in the order of the header's "wsample" and "grad" lines. Per
 * case: "case <label> target=<kind> stage=<i> c= y= x= mode=<mode>", its near-ties ("near
 * <stage> relu <flat> positive=<0|1> margin=<m>" or "near <stage> pool <c> <oy> <ox> first=<k>
 * second=<k> margin=<m>"), then "grad <stage|input> C H W stride=s stored=m max= sum= sumabs=
 * sumsq=" lines.
 *
 * A near-tie is a ReLU or max-pool decision of the forward pass that float32 rounding could
 * turn the other way (within 1e-5·rms); the gradient then moves by a large part of its range.
 * The script chose data whose near-ties are at least 4e-6·rms from flipping, beyond the
 * engine's float32 error, and lists them; the test checks its forward pass decided each one as
 * PyTorch's float64 run did before comparing gradients, so a flip is reported as what it is.
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

/* Tolerance: |ours − torch| ≤ TOL·max|torch| over each tensor, the "1e-4 of the range".
 * The engine is float32 against a float64 reference, and its gradients come out within about
 * 1e-6 of the range (torch's own float32 run lands at the same distance), so this leaves a
 * margin near 100, while a wrong window, tower or tie rule moves values by a large part of the
 * range. The sums over the whole tensor catch what falls between the samples: float32 errors
 * of either sign grow like √n, so Σg and Σ|g| must agree within TOL·max·√n, Σg² within
 * 2·TOL·max²·√n; plus SUM_RTOL of Σ|g| (2·SUM_RTOL of Σg²) for an error that is not of either
 * sign: one scalar's rounding that scales the whole gradient, such as softmax's p·(1 − p) for
 * a probability near 1 (measured 8e-7 of Σ|g| for p = 0.83). */
#define TOL 1e-4
#define SUM_RTOL 1e-5
#define WSAMPLE_TOL 1e-6 /* seeded weights: torch's calibration pass may move a scale one ulp */

#define GOLDEN_MAX_BYTES (1L << 20)
#define MAX_LINES 256

typedef struct {
    char name[8];
    int c, h, w, stride, stored;
    double max, sum, sumabs, sumsq;
    const float *values;
} grad_line;

typedef struct {
    char stage[8];
    int pool;                     /* 0: relu */
    int flat, positive;           /* relu: the unit of the ReLU's input, and float64's decision */
    int c, oy, ox, first, second; /* pool: the window and its two largest positions */
    double margin;
} near_tie;

typedef struct {
    char label[40], target[12], mode[12];
    int stage, c, y, x;
    int n_near, n_grads;
    near_tie near[24];
    grad_line grads[NET_MAX_STAGES + 1];
} golden_case;

typedef struct {
    char net[8], config[256], widths[128], weights[16], input[16];
    unsigned long long weight_seed, input_seed;
    char input_hash[17];
    int n_hashes;
    struct {
        char name[8], w[17], b[17];
    } hashes[8];
    int n_wsamples;
    struct {
        char name[8];
        int stride, stored;
        double max;
        const float *values;
    } wsamples[8];
    int n_cases;
    golden_case cases[8];
    float *values;
} golden_grads;

static void golden_grads_free(golden_grads *g)
{
    free(g->values);
    free(g);
}

/* Reads path; on failure fills why and returns NULL. */
static golden_grads *golden_grads_load(const char *path, char *why, size_t len)
{
    golden_grads *g = calloc(1, sizeof *g);
    FILE *f = fopen(path, "rb");
    char *buf = malloc(GOLDEN_MAX_BYTES + 1);
    size_t size = f && buf ? fread(buf, 1, GOLDEN_MAX_BYTES + 1, f) : 0;
    if (f)
        fclose(f);
    if (!g || !f || !buf || size > GOLDEN_MAX_BYTES) {
        snprintf(why, len, "%s: %s", path,
                 !f                        ? "cannot open (run the tests from the repository "
                                             "root)"
                 : size > GOLDEN_MAX_BYTES ? "larger than 1 MB"
                                           : "out of memory");
        free(buf);
        free(g);
        return NULL;
    }
    buf[size] = 0;
    char *end = strstr(buf, "\nend\n");
    int ok = !strncmp(buf, "alexviz-backward-golden 1\n", 26) && end;
    if (!ok)
        snprintf(why, len, "%s: not an alexviz-backward-golden 1 file (or no \"end\" line)", path);
    size_t data_off = end ? (size_t)(end + 5 - buf) : 0, total = 0;
    if (ok)
        end[1] = 0;
    /* where each stored block goes, in file order */
    const float **slot[MAX_LINES];
    int counts[MAX_LINES], n_slots = 0;
    golden_case *cs = NULL;
    for (char *line = buf, *next; ok && *line; line = next) {
        next = strchr(line, '\n');
        *next++ = 0;
        if (!strncmp(line, "net ", 4)) {
            snprintf(g->net, sizeof g->net, "%s", line + 4);
        } else if (!strncmp(line, "config ", 7)) {
            snprintf(g->config, sizeof g->config, "%s", line + 7);
        } else if (!strncmp(line, "widths ", 7)) {
            snprintf(g->widths, sizeof g->widths, "%s", line + 7);
        } else if (!strncmp(line, "weights ", 8)) {
            ok = sscanf(line, "weights %15s %llu", g->weights, &g->weight_seed) == 2;
        } else if (!strncmp(line, "input ", 6) && strncmp(line, "input stream", 12)) {
            ok = sscanf(line, "input %15s %llu", g->input, &g->input_seed) == 2;
        } else if (!strncmp(line, "input stream", 12)) {
            snprintf(g->input, sizeof g->input, "stream");
        } else if (!strncmp(line, "hash input ", 11)) {
            ok = sscanf(line, "hash input fnv1a=%16s", g->input_hash) == 1;
        } else if (!strncmp(line, "hash ", 5)) {
            ok = g->n_hashes < 8 &&
                 sscanf(line, "hash %7s w=%16s b=%16s", g->hashes[g->n_hashes].name,
                        g->hashes[g->n_hashes].w, g->hashes[g->n_hashes].b) == 3;
            g->n_hashes += ok;
        } else if (!strncmp(line, "wsample ", 8)) {
            int k = g->n_wsamples;
            ok = k < 8 && n_slots < MAX_LINES &&
                 sscanf(line, "wsample %7s stride=%d stored=%d max=%lf", g->wsamples[k].name,
                        &g->wsamples[k].stride, &g->wsamples[k].stored, &g->wsamples[k].max) == 4 &&
                 g->wsamples[k].stride > 0 && g->wsamples[k].stored > 0;
            if (ok) {
                slot[n_slots] = &g->wsamples[k].values;
                counts[n_slots++] = g->wsamples[k].stored;
                total += (size_t)g->wsamples[k].stored;
                g->n_wsamples++;
            }
        } else if (!strncmp(line, "case ", 5)) {
            ok = g->n_cases < 8;
            cs = ok ? &g->cases[g->n_cases++] : NULL;
            ok = ok &&
                 sscanf(line, "case %39s target=%11s stage=%d c=%d y=%d x=%d mode=%11s", cs->label,
                        cs->target, &cs->stage, &cs->c, &cs->y, &cs->x, cs->mode) == 7;
        } else if (!strncmp(line, "near ", 5)) {
            near_tie *t = cs && cs->n_near < 24 ? &cs->near[cs->n_near++] : NULL;
            ok = t && (sscanf(line, "near %7s relu %d positive=%d margin=%lf", t->stage, &t->flat,
                              &t->positive, &t->margin) == 4 ||
                       (t->pool = sscanf(line,
                                         "near %7s pool %d %d %d first=%d second=%d "
                                         "margin=%lf",
                                         t->stage, &t->c, &t->oy, &t->ox, &t->first, &t->second,
                                         &t->margin) == 7));
        } else if (!strncmp(line, "grad ", 5)) {
            grad_line *gl = cs && cs->n_grads <= NET_MAX_STAGES ? &cs->grads[cs->n_grads++] : NULL;
            ok = gl && n_slots < MAX_LINES &&
                 sscanf(line,
                        "grad %7s %d %d %d stride=%d stored=%d max=%lf sum=%lf sumabs=%lf "
                        "sumsq=%lf",
                        gl->name, &gl->c, &gl->h, &gl->w, &gl->stride, &gl->stored, &gl->max,
                        &gl->sum, &gl->sumabs, &gl->sumsq) == 10 &&
                 gl->c > 0 && gl->h > 0 && gl->w > 0 && gl->stride > 0 && gl->stored > 0 &&
                 (int64_t)(gl->stored - 1) * gl->stride < (int64_t)gl->c * gl->h * gl->w;
            if (ok) {
                slot[n_slots] = &gl->values;
                counts[n_slots++] = gl->stored;
                total += (size_t)gl->stored;
            }
        }
        if (!ok)
            snprintf(why, len, "%s: bad header line \"%.200s\"", path, line);
    }
    if (ok && size - data_off != total * 4) {
        snprintf(why, len, "%s: %zu bytes of values; the header announces %zu", path,
                 size - data_off, total * 4);
        ok = 0;
    }
    if (ok && !(g->values = malloc(total * sizeof(float) + 1))) {
        snprintf(why, len, "%s: out of memory", path);
        ok = 0;
    }
    if (ok) {
        const unsigned char *p = (const unsigned char *)buf + data_off;
        for (size_t i = 0; i < total; i++, p += 4) {
            uint32_t bits =
                p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
            memcpy(&g->values[i], &bits, 4);
        }
        size_t at = 0;
        for (int i = 0; i < n_slots; i++) {
            *slot[i] = g->values + at;
            at += (size_t)counts[i];
        }
    }
    free(buf);
    if (!ok) {
        golden_grads_free(g);
        return NULL;
    }
    return g;
}

/* ---------------------------------------------------------------- setting up the net */

static void net_config_for(const char *name, net_config *c)
{
    net_config_default(c);
    if (!strcmp(name, "full"))
        return;
    memcpy(c->width, GOLDEN_WIDTHS, sizeof GOLDEN_WIDTHS);
    if (!strcmp(name, "B")) {
        net_config_set_input(c, 224);
        net_lrn_set_formula(&c->lrn, NET_LRN_PAPER);
        c->lrn_after_pool = 1;
        c->lrn.within_towers = 1;
    }
}

/* Builds the file's net with its weights and input (x, malloc'd); NULL with why on failure. */
static net *golden_net_build(const golden_grads *g, float **x, char *why, size_t len)
{
    net_config cfg;
    net_config_for(g->net, &cfg);
    char want[256], h[17];
    golden_config_line(&cfg, want, sizeof want);
    if (strcmp(want, g->config)) {
        snprintf(why, len, "config: the test runs \"%s\", the file has \"%s\"", want, g->config);
        return NULL;
    }
    net *n = NULL;
    net_err err = {0};
    int S = cfg.input_size;
    *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    if (!*x || net_create(&n, &cfg, &err) != NET_OK) {
        snprintf(why, len, "net_create: %.300s", *x ? err.msg : "out of memory");
        return NULL;
    }
    if (!strcmp(g->weights, "splitmix") && !strcmp(g->input, "stream")) {
        golden_fill(n, g->weight_seed, *x, S);
    } else if (!strcmp(g->weights, "seeded") && !strcmp(g->input, "splitmix")) {
        net_seed_weights(n, g->weight_seed);
        uint64_t s = g->input_seed;
        for (size_t j = 0; j < 3 * (size_t)S * S; j++)
            (*x)[j] = 100.0f * golden_next_sym(&s);
    } else {
        snprintf(why, len, "weights '%s' with input '%s': not a scheme the test knows", g->weights,
                 g->input);
        net_free(n);
        return NULL;
    }
    /* the generators must agree before anything is blamed on the engine */
    golden_hash_floats(*x, 3 * (size_t)S * S, h);
    int ok = !strcmp(h, g->input_hash), layer = 0, ws = 0;
    if (!ok)
        snprintf(why, len, "input: the test's is not the script's (hash %s vs %s)", h,
                 g->input_hash);
    for (int i = 0; ok && i < net_stage_count(n); i++) {
        const net_stage *s = net_stage_at(n, i);
        if (!s->n_w)
            continue;
        const float *w = net_weights(n, i);
        if (g->n_hashes) {
            char hb[17];
            golden_hash_floats(w, (size_t)s->n_w, h);
            golden_hash_floats(net_biases(n, i), (size_t)s->n_b, hb);
            ok = layer < g->n_hashes && !strcmp(g->hashes[layer].name, s->name) &&
                 !strcmp(g->hashes[layer].w, h) && !strcmp(g->hashes[layer].b, hb);
            if (!ok)
                snprintf(why, len,
                         "%s: the test's weights are not the script's (hash w=%s "
                         "b=%s): the C and Python generators disagree, not the engine",
                         s->name, h, hb);
            layer++;
        } else {
            ok = ws < g->n_wsamples && !strcmp(g->wsamples[ws].name, s->name);
            for (int j = 0; ok && j < g->wsamples[ws].stored; j++) {
                double a = w[(size_t)j * (size_t)g->wsamples[ws].stride];
                double b = g->wsamples[ws].values[j];
                if (!(fabs(a - b) <= WSAMPLE_TOL * g->wsamples[ws].max)) {
                    snprintf(why, len,
                             "%s: seeded weight [%zu] is %.9g, the script's %.9g: "
                             "weights.c and the script's copy of it disagree, not the engine",
                             s->name, (size_t)j * (size_t)g->wsamples[ws].stride, a, b);
                    ok = 0;
                }
            }
            if (ws >= g->n_wsamples)
                snprintf(why, len, "%s: no wsample line", s->name);
            ws++;
        }
    }
    if (!ok) {
        net_free(n);
        return NULL;
    }
    return n;
}

/* ---------------------------------------------------------------- one case */

static int target_of(const golden_case *c, net_grad_target *t, net_grad_mode *mode)
{
    static const char *kinds[] = {"score", "prob", "unit", "channel"};
    static const char *modes[] = {"plain", "deconvnet", "guided"};
    int k = -1, m = -1;
    for (int i = 0; i < 4; i++)
        k = strcmp(c->target, kinds[i]) ? k : i;
    for (int i = 0; i < 3; i++)
        m = strcmp(c->mode, modes[i]) ? m : i;
    *t = (net_grad_target){(net_target_kind)k, c->stage, c->c, c->y, c->x};
    *mode = (net_grad_mode)m;
    return k >= 0 && m >= 0;
}

/* The forward pass's own decision at each near-tie must be PyTorch's float64 one. */
static int near_ties_agree(net *n, const golden_case *c, char *why, size_t len)
{
    for (int k = 0; k < c->n_near; k++) {
        const near_tie *t = &c->near[k];
        int i = net_stage_find(n, t->stage);
        const net_stage *s = net_stage_at(n, i);
        if (i < 1 || s->op != (t->pool ? NET_OP_POOL : NET_OP_RELU)) {
            snprintf(why, len, "near-tie at %s: not a %s stage", t->stage,
                     t->pool ? "pool" : "relu");
            return 0;
        }
        const float *in = net_output(n, i - 1);
        if (!t->pool) {
            int positive = in[t->flat] > 0;
            if (positive != t->positive) {
                snprintf(why, len,
                         "%s's input [%d] is %.9g in the engine's forward pass but %s in "
                         "PyTorch's float64 run (%.1e·rms from 0): a float32 near-tie flipped, "
                         "not a backward bug; regenerate with another seed",
                         t->stage, t->flat, in[t->flat], t->positive ? "positive" : "negative",
                         t->margin);
                return 0;
            }
            continue;
        }
        /* the window's first maximum in row-major order, as op_pool_grad finds it */
        int best = -1;
        float bv = -INFINITY;
        for (int ky = 0; ky < s->k; ky++)
            for (int kx = 0; kx < s->k; kx++) {
                int y = t->oy * s->stride - s->pad + ky, x = t->ox * s->stride - s->pad + kx;
                if (y < 0 || y >= s->in_h || x < 0 || x >= s->in_w)
                    continue;
                float v = in[((size_t)t->c * s->in_h + y) * s->in_w + x];
                if (best < 0 || v > bv)
                    bv = v, best = ky * s->k + kx;
            }
        if (best != t->first) {
            snprintf(why, len,
                     "%s window (c %d, y %d, x %d): the engine's forward pass has its "
                     "maximum at window position %d, PyTorch's float64 run at %d (%.1e·rms "
                     "ahead of %d): a float32 near-tie flipped, not a backward bug; regenerate "
                     "with another seed",
                     t->stage, t->c, t->oy, t->ox, best, t->first, t->margin, t->second);
            return 0;
        }
    }
    return 1;
}

/* What the comparisons came to: the largest |ours − torch| / range of a stored value, and the
 * largest error of a sum as a fraction of its tolerance. */
typedef struct {
    double value, sums;
} worst_seen;

/* Compares one gradient, noting its worst errors in *worst. */
static int grad_matches(const grad_line *gl, const float *ours, worst_seen *worst, char *why,
                        size_t len)
{
    size_t count = (size_t)gl->c * gl->h * gl->w;
    double tol = TOL * gl->max;
    int bad = 0, o = 0;
    char ex[640] = "";
    for (int j = 0; j < gl->stored; j++) {
        size_t i = (size_t)j * (size_t)gl->stride;
        double a = ours[i], b = gl->values[j], d = fabs(a - b);
        if (gl->max > 0 && d / gl->max > worst->value)
            worst->value = d / gl->max;
        if (d <= tol)
            continue;
        if (bad++ < 4 && o < (int)sizeof ex - 1) {
            int hw = gl->h * gl->w;
            o +=
                snprintf(ex + o, sizeof ex - (size_t)o,
                         "%s[%zu] (c=%zu y=%zu x=%zu) ours %.7g torch %.7g", bad > 1 ? "; " : "", i,
                         i / (size_t)hw, i % (size_t)hw / (size_t)gl->w, i % (size_t)gl->w, a, b);
        }
    }
    if (bad) {
        snprintf(why, len,
                 "%d of %d compared values differ by more than %.2g (1e-4 of the range "
                 "%.3g): %s",
                 bad, gl->stored, tol, gl->max, ex);
        return 0;
    }
    double sum = 0, sumabs = 0, sumsq = 0;
    for (size_t i = 0; i < count; i++) {
        double a = ours[i];
        sum += a, sumabs += fabs(a), sumsq += a * a;
    }
    double root = sqrt((double)count);
    double e1 = TOL * gl->max * root + SUM_RTOL * gl->sumabs;
    double e2 = 2 * TOL * gl->max * gl->max * root + 2 * SUM_RTOL * gl->sumsq;
    double r = fmax(fmax(fabs(sum - gl->sum), fabs(sumabs - gl->sumabs)) / e1,
                    fabs(sumsq - gl->sumsq) / e2);
    worst->sums = r > worst->sums ? r : worst->sums;
    if (!(fabs(sum - gl->sum) <= e1 && fabs(sumabs - gl->sumabs) <= e1 &&
          fabs(sumsq - gl->sumsq) <= e2)) {
        snprintf(why, len,
                 "the %d compared values agree, but over all %zu: Σg %.9g vs torch "
                 "%.9g, Σ|g| %.9g vs %.9g (tol %.2g), Σg² %.9g vs %.9g (tol %.2g)",
                 gl->stored, count, sum, gl->sum, sumabs, gl->sumabs, e1, sumsq, gl->sumsq, e2);
        return 0;
    }
    return 1;
}

static int case_matches(net *n, const golden_case *c, worst_seen *worst, char *why, size_t len)
{
    net_grad_target t;
    net_grad_mode mode;
    net_err err = {0};
    char what[900];
    if (!target_of(c, &t, &mode)) {
        snprintf(why, len, "case %s: target '%s' or mode '%s' unknown", c->label, c->target,
                 c->mode);
        return 0;
    }
    if (!near_ties_agree(n, c, what, sizeof what)) {
        snprintf(why, len, "case %s: %s", c->label, what);
        return 0;
    }
    if (net_backward(n, &t, mode, NULL, NULL, &err) != NET_OK) {
        snprintf(why, len, "case %s: net_backward: %.300s", c->label, err.msg);
        return 0;
    }
    for (int k = 0; k < c->n_grads; k++) {
        const grad_line *gl = &c->grads[k];
        int i = strcmp(gl->name, "input") ? net_stage_find(n, gl->name) : -1;
        const net_stage *s = i >= 0 ? net_stage_at(n, i) : NULL;
        const float *ours = s ? net_grad(n, i) : net_grad_input(n);
        int S = net_get_config(n)->input_size;
        int c0 = s ? s->out_c : 3, h0 = s ? s->out_h : S, w0 = s ? s->out_w : S;
        if ((s == NULL && strcmp(gl->name, "input")) || !ours || c0 != gl->c || h0 != gl->h ||
            w0 != gl->w) {
            snprintf(why, len,
                     "case %s: the file's gradient at %s %d×%d×%d is not one the "
                     "engine computed",
                     c->label, gl->name, gl->c, gl->h, gl->w);
            return 0;
        }
        if (!grad_matches(gl, ours, worst, what, sizeof what)) {
            snprintf(why, len, "case %s (%s mode): first divergence at the gradient %s %s: %s",
                     c->label, c->mode, s ? "at stage" : "at the", gl->name, what);
            return 0;
        }
    }
    return 1;
}

static int golden_backward_run(const char *path, char *why, size_t len)
{
    golden_grads *g = golden_grads_load(path, why, len);
    if (!g)
        return 0;
    float *x = NULL;
    char what[1200];
    net *n = golden_net_build(g, &x, what, sizeof what);
    int ok = n != NULL;
    if (!ok)
        snprintf(why, len, "%s: %s", path, what);
    net_err err = {0};
    if (ok && net_forward(n, x, NULL, NULL, &err) != NET_OK) {
        snprintf(why, len, "%s: net_forward: %.300s", path, err.msg);
        ok = 0;
    }
    worst_seen worst = {0, 0};
    for (int k = 0; ok && k < g->n_cases; k++)
        if (!(ok = case_matches(n, &g->cases[k], &worst, what, sizeof what)))
            snprintf(why, len, "%s: %s", path, what);
    if (ok && getenv("ALEXVIZ_TEST_VERBOSE"))
        printf("    %s: %d cases, worst |ours − torch| %.2e of the range, worst sum %.3f of its "
               "tolerance\n",
               path, g->n_cases, worst.value, worst.sums);
    net_free(n);
    free(x);
    golden_grads_free(g);
    return ok;
}

TEST(backward_golden_a_narrow_227_caffe_lrn_across)
{
    char why[1600];
    CHECKF(golden_backward_run("tests/golden/A_backward.golden", why, sizeof why), "%s", why);
}

TEST(backward_golden_b_narrow_224_ceil_paper_lrn_towers)
{
    char why[1600];
    CHECKF(golden_backward_run("tests/golden/B_backward.golden", why, sizeof why), "%s", why);
}

/* On 2 threads, the program's default, so that the threaded fast paths run end to end here. */
TEST(backward_golden_full_size_on_the_seeded_weights)
{
    char why[1600];
    int saved = op_threads();
    net_set_threads(2);
    int ok = golden_backward_run("tests/golden/full_backward.golden", why, sizeof why);
    net_set_threads(saved);
    CHECKF(ok, "%s", why);
}
