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
#include "views.h"
#include "worker.h"

#include <pthread.h>
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

typedef struct {
    double *scratch;  /* (runs), for medians of arrays that must stay in order */
    double *stage_ms; /* (runs, NET_MAX_STAGES) forward */
    double *back_ms;  /* (runs, NET_MAX_STAGES) backward */
    double *rec;      /* where record_hook writes: one of the two */
    int run;
    float *copy; /* room for every stage's output, for the copying hook */
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
    if (runs < 1)
        return 0;
    for (int r = -3; r < runs; r++) {
        b->run = r < 0 ? 0 : r;
        double t0 = net_now_ms();
        net_forward(n, x, hook, b, NULL);
        if (r >= 0)
            ms[r] = net_now_ms() - t0;
    }
    memcpy(b->scratch, ms, sizeof(double) * (size_t)runs);
    return cli_median(b->scratch, runs);
}

/* Like series, for the backward pass of t after one forward pass. */
static double backward_series(net *n, const float *x, const net_grad_target *t, net_hook hook,
                              bench_state *b, int runs, double *ms)
{
    net_forward(n, x, NULL, NULL, NULL);
    for (int r = -3; r < runs; r++) {
        b->run = r < 0 ? 0 : r;
        double t0 = net_now_ms();
        net_backward(n, t, NET_GRAD_PLAIN, hook, b, NULL);
        if (r >= 0)
            ms[r] = net_now_ms() - t0;
    }
    memcpy(b->scratch, ms, sizeof(double) * (size_t)runs);
    return cli_median(b->scratch, runs);
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
            double t0 = net_now_ms();
            net_forward(n, x, hooked ? copy_hook : NULL, b, NULL);
            t[hooked] = net_now_ms() - t0;
        }
        if (r >= 0) {
            ms[r] = t[1];
            rel[r] = 100 * (t[1] - t[0]) / t[0];
        }
    }
    double m = cli_median(rel, runs);
    memcpy(b->scratch, ms, sizeof(double) * (size_t)runs);
    *copied = cli_median(b->scratch, runs);
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

    double t0 = net_now_ms();
    cli_net made;
    cli_make_net(&o, &made);
    net *n = made.net;
    net_preproc pp = made.pp;
    if (!n)
        return 1;
    double setup_ms = net_now_ms() - t0;
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
    double *ms = calloc((size_t)runs, sizeof(double));
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
               "back to the input)\n",
               back, mn, mx, back / plain, top);
        b.rec = b.back_ms;
        backward_series(n, in.data, &t, record_hook, &b, (int)runs, ms);
    }
    for (int i = 0; i < count; i++) {
        double fwd, bwd;
        for (int r = 0; r < runs; r++)
            b.scratch[r] = b.stage_ms[r * NET_MAX_STAGES + i];
        fwd = cli_median(b.scratch, (int)runs);
        for (int r = 0; r < runs; r++)
            b.scratch[r] = b.back_ms[r * NET_MAX_STAGES + i];
        bwd = cli_median(b.scratch, (int)runs);
        printf("stage %-6s median_ms=%.3f backward_ms=%.3f\n", net_stage_at(n, i)->name, fwd, bwd);
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

/* ---------------------------------------------------------------- the views (view --bench) */

/* Wakes the bench's main thread as the window's SDL event would. */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned events;
} bench_waker;

static void bench_wake(void *ctx)
{
    bench_waker *k = ctx;
    pthread_mutex_lock(&k->mu);
    k->events++;
    pthread_cond_signal(&k->cv);
    pthread_mutex_unlock(&k->mu);
}

/* The forward pass through the window's own worker (its hook copies every stage and wakes the
 * main thread, which takes the new stages as the window does), against the same pass with no
 * hook: what streaming costs. Returns 0 on failure. */
static int bench_hooks(const cli_opts *o, net *n, const net_input *in, const char *path, int runs,
                       double *plain, double *hooked)
{
    bench_waker k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
    worker *w = worker_start(o, bench_wake, &k);
    if (!w)
        return 0;
    worker_copy c;
    memset(&c, 0, sizeof c);
    double give_up = net_now_ms() + 600000;
    unsigned seen = 0;
    worker_request_photo(w, path, 0);
    int ok = 1;
    for (int r = -3; r < runs && ok; r++) {
        unsigned gen = c.gen;
        if (r > -3)
            worker_request_rerun(w);
        do {
            pthread_mutex_lock(&k.mu);
            while (k.events == seen)
                pthread_cond_wait(&k.cv, &k.mu);
            seen = k.events;
            pthread_mutex_unlock(&k.mu);
            worker_take(w, &c);
            ok = !c.run.failed && net_now_ms() < give_up && !c.error_seq;
        } while (ok && (c.gen == gen || c.run.running || c.done < c.table.count));
        double t0 = net_now_ms();
        net_forward(n, in->data, NULL, NULL, NULL);
        if (r >= 0)
            plain[r] = net_now_ms() - t0, hooked[r] = c.pass_ms;
    }
    worker_stop(w);
    worker_copy_free(&c);
    return ok;
}

int cmd_bench_views(const cli_opts *o, const char *image, double t_start)
{
    enum { RUNS = 30 };
    view_scene sc;
    if (!view_scene_init(&sc)) {
        cli_error("out of memory");
        return 1;
    }
    view_state st;
    int W = 1920, H = 1080;
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, W, H);
    cairo_t *cr = cairo_create(surf);
    view_rect full = {0, 0, W, H};

    /* the window's first frame: the pipeline from the table alone, before the net exists */
    net_table_build(&o->cfg, &sc.table, NULL);
    sc.input_size = o->cfg.input_size;
    static const view_run loading = {.loading = 1};
    sc.run = &loading;
    view_state_default(&st, &sc);
    st.ui = view_ui_size(W, H, 1);
    st.lang = text_lang_from(o->lang);
    view_draw_screen(cr, full, &sc, &st);
    cairo_surface_flush(surf);
    printf("views: %d×%d, offscreen (the window adds one texture upload and the display's "
           "present); medians of %d\n",
           W, H, RUNS);
    printf("first_frame_ms %.1f (start to the pipeline drawn; target ≤ 1000)\n",
           net_now_ms() - t_start);

    cli_net made;
    cli_make_net(o, &made);
    net *n = made.net;
    net_preproc pp = made.pp;
    if (!n) {
        view_scene_release(&sc);
        cairo_destroy(cr);
        cairo_surface_destroy(surf);
        return 1;
    }
    net_input in;
    net_err err = {0};
    char **photos = NULL;
    int n_photos = image ? 0 : cli_bundled_photos(&photos);
    const char *path = image ? image : n_photos ? photos[0] : NULL;
    if (!path) {
        cli_error("view --bench: no image given and no bundled photos found in assets/");
        path = NULL;
    } else if (net_input_load(&in, path, net_get_config(n)->input_size, &pp, &err) != NET_OK) {
        cli_net_error(&err);
        path = NULL;
    }
    if (!path) {
        net_free(n);
        cli_free_list(photos, n_photos);
        view_scene_release(&sc);
        cairo_destroy(cr);
        cairo_surface_destroy(surf);
        return 1;
    }
    double plain[RUNS], hooked[RUNS];
    if (bench_hooks(o, n, &in, path, RUNS, plain, hooked)) {
        double mp = cli_median(plain, RUNS), mh = cli_median(hooked, RUNS);
        printf("stream_hook forward_ms=%.2f with_hooks_ms=%.2f overhead=%.1f%% (target ≤ 5 %%)\n",
               mp, mh, 100 * (mh - mp) / mp);
    } else {
        printf("stream_hook: the worker did not finish its passes\n");
    }
    net_forward(n, in.data, NULL, NULL, NULL);

    view_scene_from_net(&sc, n, in.rgb, in.data, path, 1);
    sc.class_name = cli_class_name;
    st.kind = VIEW_GRID;
    const char *stages[] = {"conv1", "conv3"};
    for (int k = 0; k < 2; k++) {
        st.stage = net_stage_find(n, stages[k]);
        double cold[RUNS], warm[RUNS];
        for (int r = 0; r < RUNS; r++) {
            /* cold: a new snapshot of this stage, so its atlas is built again */
            sc.version[st.stage] += 1;
            double t0 = net_now_ms();
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            double t1 = net_now_ms();
            st.cursor_in = 1, st.cursor_x = 400 + r, st.cursor_y = 500;
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            st.cursor_in = 0;
            double t2 = net_now_ms();
            cold[r] = t1 - t0, warm[r] = t2 - t1;
        }
        printf("grid_%s_frame_ms median=%.2f new_snapshot=%.2f (%d maps; target ≤ 8)\n", stages[k],
               cli_median(warm, RUNS), cli_median(cold, RUNS), sc.table.s[st.stage].out_c);
    }
    for (int k = 0; k < VIEW_COUNT; k++) {
        st.kind = (view_kind)k;
        st.stage = net_stage_find(n, "conv2");
        double t[RUNS];
        for (int r = 0; r < RUNS; r++) {
            st.cursor_in = 1, st.cursor_x = 400 + r, st.cursor_y = 500;
            double t0 = net_now_ms();
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            t[r] = net_now_ms() - t0;
        }
        printf("view_%s_frame_ms median=%.2f\n", view_kind_name((view_kind)k), cli_median(t, RUNS));
    }
    /* the one-unit view at its busiest: conv1's 11×11 grids with their 242 numbers and the
     * pointer on a cell, the sliding window at the end of conv1's first row, the playground */
    st.kind = VIEW_COMPUTE, st.stage = net_stage_find(n, "conv1");
    double unit_ms[3];
    for (int k = 0; k < 3; k++) {
        double t[RUNS];
        st.slide = k == 1 ? sc.table.s[st.stage].out_w : 0;
        const view_preset *p = &view_presets[1]; /* conv1 at 224 */
        st.pg[0] = p->i, st.pg[1] = p->k, st.pg[2] = p->s, st.pg[3] = p->p, st.pg_on = k == 2;
        for (int r = 0; r < RUNS; r++) {
            st.cursor_in = 1, st.cursor_x = 760 + r, st.cursor_y = 520;
            double t0 = net_now_ms();
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            t[r] = net_now_ms() - t0;
        }
        unit_ms[k] = cli_median(t, RUNS);
    }
    printf("compute_frame_ms conv1=%.2f slide=%.2f playground=%.2f (target ≤ 16)\n", unit_ms[0],
           unit_ms[1], unit_ms[2]);
    net_input_free(&in);
    net_free(n);
    cli_free_list(photos, n_photos);
    view_scene_release(&sc);
    cairo_destroy(cr);
    cairo_surface_destroy(surf);
    return 0;
}
