/* cmd_bench.c: `alexviz bench`: how fast the forward and backward passes are, and their memory.
 *
 * Timed series on the same input: with no hook (the headline forward_ms), with a hook that only
 * records each stage's time (the per-stage medians), passes with and without a hook that copies
 * every stage's output, alternating, for that hook's overhead, and the backward pass from the top
 * class's probability to the input (backward_ms, and its ratio to forward_ms). Medians, because
 * the first runs warm caches and OpenBLAS's threads. Prints key=value lines that
 * scripts/bench.sh reads. Then what decoding a photo in a child process costs (bench_decode.c).
 */
#include "bench_decode.h"
#include "cli.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char bench_help[] = N_(
    "usage: alexviz bench [--runs N] [IMAGE] [options]\n\n"
    "Times the full network at batch 1 (default 2 threads) and prints\n"
    "forward_ms median=… min=… max=…, the per-stage medians, the cost of a hook that copies\n"
    "every stage's output, backward_ms for the gradient of the top class's probability with\n"
    "respect to the input, and the peak resident memory. IMAGE defaults to assets/chelsea.png.\n\n"
    "  --runs N                     timed runs per series (default 30, after 3 warm-up runs)\n"
    "  --help                       this text\n");

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts v in place. */
static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct {
    double *scratch;  /* (runs), for medians of arrays that must stay in order */
    double *stage_ms; /* (runs, NET_MAX_STAGES) forward */
    double *back_ms;  /* (runs, NET_MAX_STAGES) backward */
    double *rec;      /* where record_hook writes: one of the two */
    int run;
    float *copy;      /* room for every stage's output, for the copying hook */
    size_t copy_off[NET_MAX_STAGES];
} bench_state;

static int record_hook(const net_event *ev, void *user)
{
    bench_state *b = user;
    b->rec[b->run * NET_MAX_STAGES + ev->index] = ev->ms;
    return 0;
}

static int copy_hook(const net_event *ev, void *user)
{
    bench_state *b = user;
    const net_stage *s = ev->stage;
    memcpy(b->copy + b->copy_off[ev->index], ev->out,
           sizeof(float) * (size_t)s->out_c * s->out_h * s->out_w);
    return 0;
}

/* Runs `runs` timed passes (after 3 untimed) and returns their median; times into ms[]. */
static double series(net *n, const float *x, net_hook hook, bench_state *b, int runs, double *ms)
{
    for (int r = -3; r < runs; r++) {
        b->run = r < 0 ? 0 : r;
        double t0 = now_ms();
        net_forward(n, x, hook, b, NULL);
        if (r >= 0)
            ms[r] = now_ms() - t0;
    }
    memcpy(b->scratch, ms, sizeof(double) * (size_t)runs);
    return median(b->scratch, runs);
}

/* Like series, for the backward pass of t after one forward pass. */
static double backward_series(net *n, const float *x, const net_grad_target *t, net_hook hook,
                              bench_state *b, int runs, double *ms)
{
    net_forward(n, x, NULL, NULL, NULL);
    for (int r = -3; r < runs; r++) {
        b->run = r < 0 ? 0 : r;
        double t0 = now_ms();
        net_backward(n, t, NET_GRAD_PLAIN, hook, b, NULL);
        if (r >= 0)
            ms[r] = now_ms() - t0;
    }
    memcpy(b->scratch, ms, sizeof(double) * (size_t)runs);
    return median(b->scratch, runs);
}

/* The copying hook's cost: passes without and with it, alternating (which goes first swaps each
 * run), so that a machine growing busier or quieter during the runs weighs on both alike. Returns
 * the median of the pairs' relative differences, in percent; *copied gets the hooked passes'
 * median time. */
static double paired_overhead(net *n, const float *x, bench_state *b, int runs, double *ms,
                              double *copied)
{
    double *rel = b->scratch;
    for (int r = -3; r < runs; r++) {
        double t[2];
        for (int k = 0; k < 2; k++) {
            int hooked = k ^ (r & 1);
            double t0 = now_ms();
            net_forward(n, x, hooked ? copy_hook : NULL, b, NULL);
            t[hooked] = now_ms() - t0;
        }
        if (r >= 0) {
            ms[r] = t[1];
            rel[r] = 100 * (t[1] - t[0]) / t[0];
        }
    }
    double m = median(rel, runs);
    memcpy(b->scratch, ms, sizeof(double) * (size_t)runs);
    *copied = median(b->scratch, runs);
    return m;
}

typedef struct {
    const char *image;
    long runs;
} bench_args;

static int take_arg(void *ctx, int argc, char **argv, int *i)
{
    bench_args *b = ctx;
    const char *a = argv[*i];
    if (!strcmp(a, "--runs")) {
        const char *v = cli_value(argc, argv, i);
        if (!v)
            return -1;
        char *end;
        b->runs = strtol(v, &end, 10);
        if (end == v || *end || b->runs < 1 || b->runs > 100000) {
            cli_error("--runs: '%s' is not a number from 1 to 100000", v);
            return -1;
        }
        return 1;
    }
    if (a[0] == '-' && a[1])
        return 0;
    if (b->image) {
        cli_error("bench: one image at a time ('%s' and '%s')", b->image, a);
        return -1;
    }
    b->image = a;
    return 1;
}

int cmd_bench(int argc, char **argv)
{
    cli_opts o;
    cli_opts_default(&o);
    bench_args args = {.runs = 30};
    int rc = cli_parse("bench", bench_help, &o, argc, argv, take_arg, &args);
    if (rc >= 0)
        return rc;
    const char *image = args.image;
    long runs = args.runs;

    double t0 = now_ms();
    net_preproc pp;
    net *n = cli_make_net(&o, &pp);
    if (!n)
        return 1;
    double setup_ms = now_ms() - t0;
    net_input in = {0};
    net_err err = {0};
    const char *path = image ? image : "assets/chelsea.png";
    if (net_input_load(&in, path, net_get_config(n)->input_size, &pp, &err) != NET_OK) {
        cli_net_error(&err);
        net_free(n);
        return 1;
    }

    int count = net_stage_count(n);
    bench_state b = {0};
    size_t total = 0;
    for (int i = 0; i < count; i++) {
        const net_stage *s = net_stage_at(n, i);
        b.copy_off[i] = total;
        total += (size_t)s->out_c * s->out_h * s->out_w;
    }
    b.stage_ms = calloc((size_t)runs * NET_MAX_STAGES, sizeof(double));
    b.back_ms = calloc((size_t)runs * NET_MAX_STAGES, sizeof(double));
    b.copy = malloc(sizeof(float) * total);
    double *ms = malloc(sizeof(double) * (size_t)runs);
    b.scratch = malloc(sizeof(double) * (size_t)runs);
    if (!b.stage_ms || !b.back_ms || !b.copy || !ms || !b.scratch) {
        cli_error("out of memory");
        free(b.scratch);
        free(ms);
        free(b.stage_ms);
        free(b.back_ms);
        free(b.copy);
        net_input_free(&in);
        net_free(n);
        return 1;
    }

    printf("bench: %s, %d×%d, %d threads, %ld runs\n", path, in.size, in.size, o.threads, runs);
    printf("setup_ms %.1f (net and %s weights)\n", setup_ms,
           net_is_untrained(n) ? "seeded" : "loaded");
    double plain = series(n, in.data, NULL, &b, (int)runs, ms);
    double mn = ms[0], mx = ms[0];
    for (int r = 0; r < runs; r++) {
        mn = ms[r] < mn ? ms[r] : mn;
        mx = ms[r] > mx ? ms[r] : mx;
    }
    printf("forward_ms median=%.2f min=%.2f max=%.2f\n", plain, mn, mx);

    b.rec = b.stage_ms;
    series(n, in.data, record_hook, &b, (int)runs, ms);

    double copied, overhead = paired_overhead(n, in.data, &b, (int)runs, ms, &copied);
    printf("hook_copy_ms median=%.2f overhead=%.1f%%\n", copied, overhead);

    int prob = count - 1, top;
    float top_p;
    net_topk(net_output(n, prob), net_stage_at(n, prob)->out_c, 1, &top, &top_p);
    net_grad_target t = {.kind = NET_TARGET_PROB, .c = top};
    if (net_backward_prepare(n, &err) != NET_OK) {
        cli_net_error(&err);
    } else {
        double back = backward_series(n, in.data, &t, NULL, &b, (int)runs, ms);
        mn = mx = ms[0];
        for (int r = 0; r < runs; r++) {
            mn = ms[r] < mn ? ms[r] : mn;
            mx = ms[r] > mx ? ms[r] : mx;
        }
        printf("backward_ms median=%.2f min=%.2f max=%.2f ratio=%.2f (probability of class %d "
               "back to the input)\n", back, mn, mx, back / plain, top);
        b.rec = b.back_ms;
        backward_series(n, in.data, &t, record_hook, &b, (int)runs, ms);
    }
    for (int i = 0; i < count; i++) {
        double fwd, bwd;
        for (int r = 0; r < runs; r++)
            b.scratch[r] = b.stage_ms[r * NET_MAX_STAGES + i];
        fwd = median(b.scratch, (int)runs);
        for (int r = 0; r < runs; r++)
            b.scratch[r] = b.back_ms[r * NET_MAX_STAGES + i];
        bwd = median(b.scratch, (int)runs);
        printf("stage %-6s median_ms=%.3f backward_ms=%.3f\n", net_stage_at(n, i)->name, fwd,
               bwd);
    }

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak_rss_mb %.1f\n", ru.ru_maxrss / 1024.0);
    /* after the memory figure: the decodes' buffers are not the pass's */
    bench_decode("assets/chelsea.png", net_get_config(n)->input_size, &pp,
                 runs < 15 ? (int)runs : 15);

    free(b.scratch);
    free(ms);
    free(b.stage_ms);
    free(b.back_ms);
    free(b.copy);
    net_input_free(&in);
    net_free(n);
    return 0;
}
