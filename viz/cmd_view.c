/* cmd_view.c: `alexviz [view] [IMAGE...]`: the classroom window, and `view --bench`, which
 * times the views offscreen (no display needed) for `make bench`.
 */
#include "cli.h"
#include "msg.h"
#include "play.h"
#include "views.h"
#include "window.h"
#include "worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char view_help[] = N_(
    "usage: alexviz [view] [IMAGE...] [options]\n\n"
    "Opens the classroom window: AlexNet runs on the photo on a worker thread and every stage\n"
    "appears as it is computed, tower A beside tower B. With no IMAGE the bundled photos in\n"
    "assets/ are used (PageUp/PageDown cycles them; drop a file on the window to use it).\n"
    "Press H in the window for every key.\n\n"
    "  --step                       start in step-through mode (→ or Space runs each stage)\n"
    "  --view NAME                  first view: pipeline, grid, zoom, lrn, arith, filters, pred\n"
    "  --theme dark|light           colours (D switches in the window)\n"
    "  --scale F                    text and interface size, 0.5 to 3 (default 1; + and −)\n"
    "  --size WxH                   window size in pixels (320x240 to 8192x8192; default:\n"
    "                               most of the screen)\n"
    "  --fullscreen                 start fullscreen (F switches)\n"
    "  --pace MS                    play speed: one stage every MS milliseconds (default 800)\n"
    "  --play SCRIPT                run commands in the window, for demos and tests:\n"
    "%s"
    "  --force                      let --play's shot: and viewshot: replace existing files\n"
    "  --bench                      time the views offscreen at 1920×1080 and print figures\n"
    "  --help                       this text\n\n"
    "With no display the window cannot open: use `alexviz trace` or `alexviz export`.\n");

/* ---------------------------------------------------------------- --bench */

static double median(double *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
            double t = v[j];
            v[j] = v[j - 1], v[j - 1] = t;
        }
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

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
static int bench_hooks(const cli_opts *o, net *n, const net_input *in, const char *path,
                       int runs, double *plain, double *hooked)
{
    bench_waker k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
    worker *w = worker_start(o, bench_wake, &k);
    if (!w)
        return 0;
    worker_copy c;
    memset(&c, 0, sizeof c);
    double give_up = window_now_ms() + 600000;
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
            ok = !c.run.failed && window_now_ms() < give_up && !c.error_seq;
        } while (ok && (c.gen == gen || c.run.running || c.done < c.table.count));
        double t0 = window_now_ms();
        net_forward(n, in->data, NULL, NULL, NULL);
        if (r >= 0)
            plain[r] = window_now_ms() - t0, hooked[r] = c.pass_ms;
    }
    worker_stop(w);
    worker_copy_free(&c);
    return ok;
}

static int run_bench(const cli_opts *o, const char *image, double t_start)
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
           "present); medians of %d\n", W, H, RUNS);
    printf("first_frame_ms %.1f (start to the pipeline drawn; target ≤ 1000)\n",
           window_now_ms() - t_start);

    net_preproc pp;
    net *n = cli_make_net(o, &pp);
    if (!n)
        return 1;
    net_input in;
    net_err err = {0};
    char **photos = NULL;
    int n_photos = image ? 0 : window_find_photos(&photos);
    const char *path = image ? image : n_photos ? photos[0] : NULL;
    if (!path) {
        cli_error("view --bench: no image given and no bundled photos found in assets/");
        net_free(n);
        return 1;
    }
    if (net_input_load(&in, path, net_get_config(n)->input_size, &pp, &err) != NET_OK) {
        cli_net_error(&err);
        net_free(n);
        window_free_list(photos, n_photos);
        return 1;
    }
    double plain[RUNS], hooked[RUNS];
    if (bench_hooks(o, n, &in, path, RUNS, plain, hooked)) {
        double mp = median(plain, RUNS), mh = median(hooked, RUNS);
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
            double t0 = window_now_ms();
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            double t1 = window_now_ms();
            st.cursor_in = 1, st.cursor_x = 400 + r, st.cursor_y = 500;
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            st.cursor_in = 0;
            double t2 = window_now_ms();
            cold[r] = t1 - t0, warm[r] = t2 - t1;
        }
        printf("grid_%s_frame_ms median=%.2f new_snapshot=%.2f (%d maps; target ≤ 8)\n",
               stages[k], median(warm, RUNS), median(cold, RUNS), sc.table.s[st.stage].out_c);
    }
    for (int k = 0; k < VIEW_COUNT; k++) {
        st.kind = (view_kind)k;
        st.stage = net_stage_find(n, "conv2");
        double t[RUNS];
        for (int r = 0; r < RUNS; r++) {
            st.cursor_in = 1, st.cursor_x = 400 + r, st.cursor_y = 500;
            double t0 = window_now_ms();
            view_draw_screen(cr, full, &sc, &st);
            cairo_surface_flush(surf);
            t[r] = window_now_ms() - t0;
        }
        printf("view_%s_frame_ms median=%.2f\n", view_kind_name((view_kind)k), median(t, RUNS));
    }
    net_input_free(&in);
    net_free(n);
    window_free_list(photos, n_photos);
    view_scene_release(&sc);
    cairo_destroy(cr);
    cairo_surface_destroy(surf);
    return 0;
}

typedef struct {
    window_opts *w;
    char **photos;
    const char *script_text;
    int bench;
} view_args;

static int take_arg(void *ctx, int argc, char **argv, int *i)
{
    view_args *x = ctx;
    window_opts *w = x->w;
    const char *a = argv[*i], *val;
    char *end;
    if (!strcmp(a, "--step")) {
        w->step = 1;
        return 1;
    }
    if (!strcmp(a, "--fullscreen")) {
        w->fullscreen = 1;
        return 1;
    }
    if (!strcmp(a, "--bench")) {
        x->bench = 1;
        return 1;
    }
    if (!strcmp(a, "--force")) {
        w->force = 1;
        return 1;
    }
    if (a[0] != '-' || !a[1]) {
        x->photos[w->n_photos++] = argv[*i];
        return 1;
    }
    if (strcmp(a, "--view") && strcmp(a, "--theme") && strcmp(a, "--scale") &&
        strcmp(a, "--size") && strcmp(a, "--pace") && strcmp(a, "--play"))
        return 0;
    if (!(val = cli_value(argc, argv, i)))
        return -1;
    if (!strcmp(a, "--view")) {
        int k = view_kind_find(val);
        if (k < 0) {
            cli_error("--view: '%s' is not a view (pipeline, grid, zoom, lrn, arith, filters, "
                      "pred)", val);
            return -1;
        }
        w->first_view = (view_kind)k;
    } else if (!strcmp(a, "--theme")) {
        if (strcmp(val, "dark") && strcmp(val, "light")) {
            cli_error("--theme: '%s' is not dark or light", val);
            return -1;
        }
        w->theme = !strcmp(val, "light") ? VIEW_THEME_LIGHT : VIEW_THEME_DARK;
    } else if (!strcmp(a, "--scale")) {
        w->scale = strtod(val, &end);
        if (*end || !(w->scale >= 0.5 && w->scale <= 3)) {
            cli_error("--scale: '%s' is not a number from 0.5 to 3", val);
            return -1;
        }
    } else if (!strcmp(a, "--size")) {
        if (!cli_parse_size(a, val, &w->width, &w->height))
            return -1;
    } else if (!strcmp(a, "--pace")) {
        long ms = strtol(val, &end, 10);
        if (*end || ms < 100 || ms > 5000) {
            cli_error("--pace: '%s' is not a number of milliseconds from 100 to 5000", val);
            return -1;
        }
        w->pace_ms = (int)ms;
    } else {
        x->script_text = val;
    }
    return 1;
}

int cmd_view(int argc, char **argv)
{
    double t_start = window_now_ms();
    window_opts w;
    memset(&w, 0, sizeof w);
    cli_opts_default(&w.opts);
    w.t_start_ms = t_start;
    w.scale = 1;
    w.pace_ms = 800;
    w.first_view = VIEW_PIPELINE;
    w.theme = VIEW_THEME_DARK;
    view_args x = {&w, calloc((size_t)argc + 1, sizeof *x.photos), NULL, 0};
    char **photos = x.photos;
    if (!photos) {
        cli_error("out of memory");
        return 1;
    }
    const char *vh = msg_text(view_help), *ph = msg_text(play_help);
    size_t help_len = strlen(vh) + strlen(ph) + 1;
    char *help = malloc(help_len);
    if (!help) {
        free(photos);
        cli_error("out of memory");
        return 1;
    }
    snprintf(help, help_len, vh, ph); /* both languages keep view_help's one %s */
    int usage = cli_parse("view", help, &w.opts, argc, argv, take_arg, &x);
    free(help);
    if (usage >= 0) {
        free(photos);
        return usage;
    }
    const char *script_text = x.script_text;
    int bench = x.bench;
    if (bench) {
        int rc = run_bench(&w.opts, w.n_photos ? photos[0] : NULL, t_start);
        free(photos);
        return rc;
    }
    play_script script;
    if (script_text) {
        char err[512];
        if (!play_parse(&script, script_text, err, sizeof err)) {
            cli_error("%s", err);
            free(photos);
            return 2;
        }
        w.script = &script;
    }
    w.photos = photos;
    int rc = window_run(&w);
    if (script_text)
        play_free(&script);
    free(photos);
    return rc;
}
