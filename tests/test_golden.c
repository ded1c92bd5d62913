/* test_golden.c: the engine against PyTorch, stage by stage, on a narrow AlexNet.
 *
 * tests/golden/gen_golden.py (run once by hand) built the same network from PyTorch's own
 * operators and stored every stage's output in tests/golden/<variant>.golden. Here the engine
 * runs on bit-identical weights and input, regenerated from the same splitmix64 stream, and
 * each stage is compared in order; the first stage that disagrees is named with a few values,
 * since every later stage inherits its error.
 *
 * File format (the script's docstring has it in full): ASCII header lines up to "end", then
 * little-endian float32 values. Header: "alexviz-golden 1", "variant X", "config ..." (the
 * net_config in words), "widths ...", "seed N", "hash input fnv1a=H", "hash <layer> w=H b=H"
 * per learned layer (FNV-1a 64 of the float32 bytes), then per stage "stage <name> C H W
 * stride=s stored=m sum=.. sumabs=.. sumsq=..". A stage's m values are its flat C×H×W output at
 * indices 0, s, 2s, ...; the three sums cover the whole stage in float64.
 *
 * The weight scheme: splitmix64 from the seed; for every stage with parameters, in table order,
 * the weights then the biases, value = scale · next_sym with scale GAIN·sqrtf(3/fan_in) for
 * weights and BIAS for biases; then the input (3, S, S) = 100 · next_sym (golden_net.c). The
 * hashes prove the two generators agree before any activation is blamed on the engine.
 */
#include "alexnet.h"
#include "golden_net.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Tolerance: |ours − torch| ≤ ATOL_RMS·rms(stage) + RTOL·|torch|.
 * Both sides are float32 with different summation orders (OpenBLAS sgemm/sgemv blocks vs
 * PyTorch's kernels), so neither is exact: the script measures torch's own float32 result
 * against a float64 run of the same net at ≤ 5e-6·rms for every stage of both variants, and the
 * engine lands in the same range. Errors near zero (conv sums that cancel, ReLU and max-pool
 * ties) are absolute, not relative, hence a term scaled to the stage's magnitude; 1e-4·rms is
 * 20× the measured float32 noise, yet a structural mistake (a wrong LRN window, groups ignored,
 * a pool rounded the other way) moves values by a large fraction of rms. */
#define ATOL_RMS 1e-4
#define RTOL 1e-4

#define GOLDEN_MAX_BYTES (4L << 20)

/* ---------------------------------------------------------------- the golden file */

typedef struct {
    char name[8];
    int c, h, w, stride, stored;
    double sum, sumabs, sumsq; /* over all c·h·w values */
    const float *values;       /* (stored) the output at flat indices 0, stride, 2·stride, ... */
} golden_stage;

typedef struct {
    char config[256], widths[128];
    unsigned long long seed;
    char input_hash[17];
    int n_hashes;
    struct {
        char name[8], w[17], b[17];
    } hashes[8];
    int n_stages;
    golden_stage stages[NET_MAX_STAGES];
    float *values; /* every stored value, stage after stage */
} golden_file;

static void golden_free(golden_file *g)
{
    free(g->values);
    g->values = NULL;
}

/* Reads and checks path into g; on failure fills why and returns 0. */
static int golden_load(const char *path, golden_file *g, char *why, size_t len)
{
    memset(g, 0, sizeof *g);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, len, "%s: cannot open (run the tests from the repository root)", path);
        return 0;
    }
    char *buf = malloc(GOLDEN_MAX_BYTES + 1);
    size_t size = buf ? fread(buf, 1, GOLDEN_MAX_BYTES + 1, f) : 0;
    fclose(f);
    if (!buf || size > GOLDEN_MAX_BYTES) {
        snprintf(why, len, "%s: %s", path, buf ? "larger than 4 MB" : "out of memory");
        free(buf);
        return 0;
    }
    buf[size] = 0;
    char *end = strstr(buf, "\nend\n");
    if (strncmp(buf, "alexviz-golden 1\n", 17) || !end) {
        snprintf(why, len, "%s: not an alexviz-golden 1 file (or no \"end\" line)", path);
        free(buf);
        return 0;
    }
    end[1] = 0;
    size_t data_off = (size_t)(end + 5 - buf), total = 0;
    int ok = 1;
    for (char *line = buf, *next; ok && *line; line = next) {
        next = strchr(line, '\n');
        *next++ = 0;
        if (!strncmp(line, "config ", 7)) {
            snprintf(g->config, sizeof g->config, "%s", line + 7);
        } else if (!strncmp(line, "widths ", 7)) {
            snprintf(g->widths, sizeof g->widths, "%s", line + 7);
        } else if (!strncmp(line, "seed ", 5)) {
            ok = sscanf(line, "seed %llu", &g->seed) == 1;
        } else if (!strncmp(line, "hash input ", 11)) {
            ok = sscanf(line, "hash input fnv1a=%16s", g->input_hash) == 1;
        } else if (!strncmp(line, "hash ", 5)) {
            ok = g->n_hashes < 8 &&
                 sscanf(line, "hash %7s w=%16s b=%16s", g->hashes[g->n_hashes].name,
                        g->hashes[g->n_hashes].w, g->hashes[g->n_hashes].b) == 3;
            g->n_hashes += ok;
        } else if (!strncmp(line, "stage ", 6) && g->n_stages == NET_MAX_STAGES) {
            ok = 0;
        } else if (!strncmp(line, "stage ", 6)) {
            golden_stage *s = &g->stages[g->n_stages];
            ok = sscanf(line, "stage %7s %d %d %d stride=%d stored=%d sum=%lf sumabs=%lf sumsq=%lf",
                        s->name, &s->c, &s->h, &s->w, &s->stride, &s->stored, &s->sum, &s->sumabs,
                        &s->sumsq) == 9 &&
                 s->c > 0 && s->h > 0 && s->w > 0 && s->stride > 0 && s->stored > 0 &&
                 (int64_t)(s->stored - 1) * s->stride < (int64_t)s->c * s->h * s->w;
            total += ok ? (size_t)s->stored : 0;
            g->n_stages++;
        }
        if (!ok)
            snprintf(why, len, "%s: bad header line \"%s\"", path, line);
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
        for (int i = 0; i < g->n_stages; i++) {
            g->stages[i].values = g->values + at;
            at += (size_t)g->stages[i].stored;
        }
    }
    free(buf);
    if (!ok)
        golden_free(g);
    return ok;
}

/* ---------------------------------------------------------------- the comparison */

/* Checks that the engine's table, generator and file describe the same network. */
static int golden_match_setup(const golden_file *g, net *n, const float *input, char *why,
                              size_t len)
{
    const net_config *cfg = net_get_config(n);
    char want[256], h[17];
    golden_config_line(cfg, want, sizeof want);
    if (strcmp(want, g->config)) {
        snprintf(why, len, "config: the test runs \"%s\", the file has \"%s\"", want, g->config);
        return 0;
    }
    int o = 0;
    for (int i = 0; i < 8; i++)
        o += snprintf(want + o, sizeof want - (size_t)o, i ? " %d" : "%d", cfg->width[i]);
    if (strcmp(want, g->widths)) {
        snprintf(why, len, "widths: the test runs %s, the file has %s", want, g->widths);
        return 0;
    }
    if (net_stage_count(n) != g->n_stages) {
        snprintf(why, len, "the engine has %d stages, the file %d", net_stage_count(n),
                 g->n_stages);
        return 0;
    }
    for (int i = 0, layer = 0; i < g->n_stages; i++) {
        const net_stage *s = net_stage_at(n, i);
        const golden_stage *t = &g->stages[i];
        if (strcmp(s->name, t->name) || s->out_c != t->c || s->out_h != t->h || s->out_w != t->w) {
            snprintf(why, len, "stage %d is %s %d×%d×%d in the engine but %s %d×%d×%d in the file",
                     i, s->name, s->out_c, s->out_h, s->out_w, t->name, t->c, t->h, t->w);
            return 0;
        }
        if (!s->n_w)
            continue;
        char hb[17];
        golden_hash_floats(net_weights(n, i), (size_t)s->n_w, h);
        golden_hash_floats(net_biases(n, i), (size_t)s->n_b, hb);
        if (layer >= g->n_hashes || strcmp(g->hashes[layer].name, s->name) ||
            strcmp(g->hashes[layer].w, h) || strcmp(g->hashes[layer].b, hb)) {
            snprintf(why, len,
                     "%s: the test's weights are not the script's (hash w=%s b=%s); "
                     "the C and Python generators disagree, not the engine",
                     s->name, h, hb);
            return 0;
        }
        layer++;
    }
    golden_hash_floats(input, 3 * (size_t)cfg->input_size * cfg->input_size, h);
    if (strcmp(h, g->input_hash)) {
        snprintf(why, len, "input: the test's input is not the script's (hash %s vs %s)", h,
                 g->input_hash);
        return 0;
    }
    return 1;
}

/* Compares one stage; on a mismatch writes what differs (with up to 4 values) into why. */
static int golden_match_stage(const golden_stage *t, const float *ours, char *why, size_t len)
{
    size_t count = (size_t)t->c * t->h * t->w;
    double atol = ATOL_RMS * sqrt(t->sumsq / (double)count); /* the stage's rms, scaled */
    int bad = 0, o = 0;
    char ex[640] = "";
    for (int j = 0; j < t->stored; j++) {
        size_t i = (size_t)j * (size_t)t->stride;
        double a = ours[i], b = t->values[j], tol = atol + RTOL * fabs(b);
        if (fabs(a - b) <= tol)
            continue;
        if (bad++ < 4 && o < (int)sizeof ex - 1) {
            int hw = t->h * t->w;
            o += snprintf(ex + o, sizeof ex - (size_t)o,
                          "%s[%zu] (c=%zu y=%zu x=%zu) ours %.7g torch %.7g (tol %.2g)",
                          bad > 1 ? "; " : "", i, i / (size_t)hw, i % (size_t)hw / (size_t)t->w,
                          i % (size_t)t->w, a, b, tol);
        }
    }
    if (bad) {
        snprintf(why, len, "%d of %d compared values differ: %s", bad, t->stored, ex);
        return 0;
    }
    /* The whole stage, through sums, so that values between the samples are checked too. The
     * float32 errors of the two sides are many small roundings of either sign, so their sum
     * grows like √n, not n: over both variants, release and asan builds, |ΔΣx| and |ΔΣ|x||
     * stayed ≤ 3.4e-6·rms·√n and |ΔΣx²| ≤ 7.9e-6·rms²·√n. Allowing ATOL_RMS·rms·√n (and twice
     * that times rms for Σx²) keeps the elementwise margin of about 25×, yet a single value off
     * by 2 % of the rms among 36,300 fails, let alone a wrong row, column or channel. */
    double sum = 0, sumabs = 0, sumsq = 0;
    for (size_t i = 0; i < count; i++) {
        double a = ours[i];
        sum += a, sumabs += fabs(a), sumsq += a * a;
    }
    double rms = sqrt(t->sumsq / (double)count), root = sqrt((double)count);
    double e1 = ATOL_RMS * rms * root, e2 = 2 * ATOL_RMS * rms * rms * root;
    if (!(fabs(sum - t->sum) <= e1 && fabs(sumabs - t->sumabs) <= e1 &&
          fabs(sumsq - t->sumsq) <= e2)) {
        snprintf(why, len,
                 "the %d compared values agree, but over all %zu: sum %.9g vs torch "
                 "%.9g, Σ|x| %.9g vs %.9g (tol %.2g), Σx² %.9g vs %.9g (tol %.2g)",
                 t->stored, count, sum, t->sum, sumabs, t->sumabs, e1, sumsq, t->sumsq, e2);
        return 0;
    }
    return 1;
}

/* Runs the variant in cfg against path; on failure fills why and returns 0. */
static int golden_run(const char *path, const net_config *cfg, char *why, size_t len)
{
    golden_file g;
    if (!golden_load(path, &g, why, len))
        return 0;
    net *n = NULL;
    net_err err = {0};
    int S = cfg->input_size, ok = 0;
    float *x = malloc(sizeof(float) * 3 * (size_t)S * S);
    if (!x || net_create(&n, cfg, &err) != NET_OK) {
        snprintf(why, len, "%s: net_create: %s", path, x ? err.msg : "out of memory");
        goto done;
    }
    golden_fill(n, g.seed, x, S);
    char what[900];
    if (!golden_match_setup(&g, n, x, what, sizeof what)) {
        snprintf(why, len, "%s: %s", path, what);
        goto done;
    }
    if (net_forward(n, x, NULL, NULL, &err) != NET_OK) {
        snprintf(why, len, "%s: net_forward: %s", path, err.msg);
        goto done;
    }
    ok = 1;
    for (int i = 0; i < g.n_stages && ok; i++) {
        ok = golden_match_stage(&g.stages[i], net_output(n, i), what, sizeof what);
        if (!ok)
            snprintf(why, len, "%s: first divergence at stage %d %s (%s): %s", path, i,
                     g.stages[i].name, net_op_str(net_stage_at(n, i)->op), what);
    }
done:
    net_free(n);
    free(x);
    golden_free(&g);
    return ok;
}

/* A: the default variant — input 227, floor pooling, conv → relu → norm → pool, Caffe's LRN
 * (k = 1, α/n) across all channels. */
TEST(golden_a_paper_order_caffe_lrn_227)
{
    net_config c;
    net_config_default(&c);
    memcpy(c.width, GOLDEN_WIDTHS, sizeof GOLDEN_WIDTHS);
    char why[1400];
    CHECKF(golden_run("tests/golden/A.golden", &c, why, sizeof why), "%s", why);
}

/* B: input 224 with ceil pooling, CaffeNet's conv → relu → pool → norm, the paper's LRN
 * (k = 2, α) within each tower. */
TEST(golden_b_caffenet_order_paper_lrn_towers_224)
{
    net_config c;
    net_config_default(&c);
    memcpy(c.width, GOLDEN_WIDTHS, sizeof GOLDEN_WIDTHS);
    net_config_set_input(&c, 224);
    net_lrn_set_formula(&c.lrn, NET_LRN_PAPER);
    c.lrn_after_pool = 1;
    c.lrn.within_towers = 1;
    char why[1400];
    CHECKF(golden_run("tests/golden/B.golden", &c, why, sizeof why), "%s", why);
}
