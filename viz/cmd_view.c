/* cmd_view.c: `alexviz [view] [IMAGE...]`: the classroom window's options, then the window.
 * `view --bench` (the views timed offscreen, for `make bench`) is in cmd_bench.c. */
#include "cli.h"
#include "msg.h"
#include "play.h"
#include "views.h"
#include "window.h"

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
    "  --view NAME                  first view: pipeline, grid, zoom, lrn, arith, filters, pred,\n"
    "                               compute, lesson\n"
    "  --theme dark|light           colours (D switches in the window)\n"
    "  --scale F                    text and interface size, 0.5 to 3 (default 1; + and −)\n"
    "  --size WxH                   window size in pixels (320x240 to 8192x8192; default:\n"
    "                               most of the screen)\n"
    "  --fullscreen                 start fullscreen (F switches)\n"
    "  --playground I,K,S,P         start on the output-size playground (or a preset:\n"
    "                               conv1-227, conv1-224, pool1, conv2, LeNet-5-C1, small)\n"
    "  --pace MS                    play speed: one stage every MS milliseconds (default 800)\n"
    "  --play SCRIPT                run commands in the window, for demos and tests:\n"
    "%s"
    "  --force                      let --play's shot: and viewshot: replace existing files\n"
    "  --bench                      time the views offscreen at 1920×1080 and print figures\n"
    "  --help                       this text\n\n"
    "With no display the window cannot open: use `alexviz trace` or `alexviz export`.\n");

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
        strcmp(a, "--size") && strcmp(a, "--pace") && strcmp(a, "--play") &&
        strcmp(a, "--playground"))
        return 0;
    if (!(val = cli_value(argc, argv, i)))
        return -1;
    if (!strcmp(a, "--view")) {
        int k = view_kind_find(val);
        if (k < 0) {
            cli_error("--view: '%s' is not a view (pipeline, grid, zoom, lrn, arith, filters, "
                      "pred, compute, lesson)",
                      val);
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
    } else if (!strcmp(a, "--playground")) {
        if (!play_playground(val, w->playground)) {
            cli_error("--playground: '%s' is not I,K,S,P (I 1-256; K, S, P 0-64) or a preset "
                      "(conv1-227, conv1-224, pool1, conv2, LeNet-5-C1, small)",
                      val);
            return -1;
        }
    } else {
        x->script_text = val;
    }
    return 1;
}

int cmd_view(int argc, char **argv)
{
    double t_start = net_now_ms();
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
        int rc = cmd_bench_views(&w.opts, w.n_photos ? photos[0] : NULL, t_start);
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
