/* cmd_export.c: `alexviz export IMAGE... -o DIR`: pictures for slides and a printed handout.
 *
 * Per image, a folder DIR/<image-stem>/ gets one PNG per stage (the window's stage grid), the
 * pipeline, conv1's filters, the LRN panels, the predictions, optionally every channel as its
 * own pixel-exact PNG, handout.pdf and manifest.json. Everything is drawn by the window's view
 * functions on offscreen cairo surfaces (no display needed), so a slide shows what the screen
 * showed.
 *
 * The plan comes first: every file name is known before the net is built, so an existing file
 * (without --force), a missing photo or a folder that cannot be made stops the export at once,
 * before a single byte is written. (Trained weights may bring another geometry, a 224 input; the
 * plan is then made again from the net's own table, still before writing.) Then, per image: one
 * forward pass; every picture drawn on this thread (pango and cairo's caches are not made for two
 * drawing threads): the views into a few reused surfaces, the channels with the window's
 * view_channel_image, and the handout's pages in between while the workers are busy; PNG
 * encoding and the atomic write (temporary name, then rename) on worker threads. The handout and
 * the manifest are written last, the manifest in plan order, so the same input and flags give the
 * same bytes.
 */
#include "dropout.h"
#include "export.h"
#include "msg.h"
#include "outdir.h"
#include "png_encode.h"
#include "views.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char export_help[] = N_(
    "usage: alexviz export IMAGE... -o DIR [options]\n\n"
    "Writes, for each IMAGE (a photo or a .npy input tensor), a folder DIR/<name>/ with:\n"
    "  NN-<stage>.png     every stage as the window's map grid (tower A | tower B, title,\n"
    "                     arithmetic, colour scale); fc stages as heat strips; prob as top-5\n"
    "  pipeline.png       the whole network, both tower lanes\n"
    "  filters.png        conv1's 96 filters            lrn-<stage>.png  LRN before/after/ratio\n"
    "  predictions.png    the photo and the top-5       handout.pdf      a printable handout\n"
    "  manifest.json      every file with its stage, shape and statistics\n"
    "  <stage>/c###.png   with --channels: every channel of every map stage on its own\n\n"
    "  -o, --out DIR                the output folder (made if missing)\n"
    "  --channels                   also write one PNG per channel, pixel-exact\n"
    "  --scale N                    channel PNGs: each value an N×N square (default 1; 1–32)\n"
    "  --stages LIST                only these stages, comma-separated (e.g. conv1,pool5,prob)\n"
    "  --size WxH                   stage, pipeline, filters, LRN and prediction PNGs\n"
    "                               (320x240 to 8192x8192, default 1920x1080)\n"
    "  --theme light|dark           colours of the PNGs (default light; the PDF is always light)\n"
    "  --contrast stage|map         one colour scale per stage (default: compare channels), or\n"
    "                               each map stretched to its own range (see weak maps)\n"
    "  --palette screen|print       map colours: the window's, or print's, which keep the order\n"
    "                               and sign of values in greyscale (default: screen for the\n"
    "                               PNGs, print for the PDF)\n"
    "  --paper a4|letter            the handout's paper (default a4)\n"
    "  --force                      replace files that already exist\n"
    "  --help                       this text\n");

/* ---------------------------------------------------------------- options and the plan */

static int starts_with_dash(const char *s) { return s[0] == '-' && s[1]; }

typedef struct {
    export_opts *o;
    const char **images;
    int n_images;
} export_args;

static int take_arg(void *ctx, int argc, char **argv, int *i)
{
    export_args *x = ctx;
    export_opts *o = x->o;
    const char *a = argv[*i], *v;
    if (!strcmp(a, "--channels")) {
        o->channels = 1;
        return 1;
    }
    if (!strcmp(a, "--force")) {
        o->force = 1;
        return 1;
    }
    if (!starts_with_dash(a)) {
        x->images[x->n_images++] = a;
        return 1;
    }
    if (strcmp(a, "-o") && strcmp(a, "--out") && strcmp(a, "--scale") && strcmp(a, "--stages") &&
        strcmp(a, "--size") && strcmp(a, "--theme") && strcmp(a, "--contrast") &&
        strcmp(a, "--palette") && strcmp(a, "--paper"))
        return 0;
    if (!(v = cli_value(argc, argv, i)))
        return -1;
    if (!strcmp(a, "-o") || !strcmp(a, "--out")) {
        o->out = v;
    } else if (!strcmp(a, "--scale")) {
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        if (errno || end == v || *end || n < 1 || n > 32) {
            cli_error("--scale: '%s' is not a whole number from 1 to 32", v);
            return -1;
        }
        o->scale = (int)n;
    } else if (!strcmp(a, "--stages")) {
        o->stages = v;
    } else if (!strcmp(a, "--size")) {
        if (!cli_parse_size(a, v, &o->width, &o->height))
            return -1;
    } else if (!strcmp(a, "--theme")) {
        if (strcmp(v, "light") && strcmp(v, "dark")) {
            cli_error("--theme: '%s' is not light or dark", v);
            return -1;
        }
        o->theme = !strcmp(v, "dark") ? VIEW_THEME_DARK : VIEW_THEME_LIGHT;
    } else if (!strcmp(a, "--palette")) {
        if (strcmp(v, "screen") && strcmp(v, "print")) {
            cli_error("--palette: '%s' is not screen or print", v);
            return -1;
        }
        o->palette = !strcmp(v, "print") ? VIEW_PALETTE_PRINT : VIEW_PALETTE_SCREEN;
    } else if (!strcmp(a, "--paper")) {
        if (strcmp(v, "a4") && strcmp(v, "letter")) {
            cli_error("--paper: '%s' is not a4 or letter", v);
            return -1;
        }
        /* A4: 210 × 297 mm; US Letter: 8.5 × 11 in */
        o->page_w = !strcmp(v, "a4") ? 595.276 : 612;
        o->page_h = !strcmp(v, "a4") ? 841.89 : 792;
    } else {
        if (strcmp(v, "stage") && strcmp(v, "map")) {
            cli_error("--contrast: '%s' is not stage or map", v);
            return -1;
        }
        o->contrast = !strcmp(v, "map") ? VIEW_CONTRAST_MAP : VIEW_CONTRAST_STAGE;
    }
    return 1;
}

/* -1: go on; otherwise the exit status (0 after --help, 2 after a usage error, printed). */
/* The options with their defaults, then the command line's; -1 to go on, else the exit status. */
static int parse_args(export_opts *o, int argc, char **argv, const char ***images, int *n_images)
{
    memset(o, 0, sizeof *o);
    cli_opts_default(&o->common);
    o->scale = 1;
    o->width = 1920, o->height = 1080;
    o->theme = VIEW_THEME_LIGHT;
    o->palette = -1;
    o->page_w = 595.276, o->page_h = 841.89;
    export_args x = {o, calloc((size_t)argc, sizeof *x.images), 0};
    *images = x.images;
    if (!x.images) {
        cli_error("out of memory");
        return 2;
    }
    int rc = cli_parse("export", export_help, &o->common, argc, argv, take_arg, &x);
    *n_images = x.n_images;
    if (rc >= 0)
        return rc;
    if (!*n_images) {
        cli_error("export: no image given (see alexviz export --help)");
        return 2;
    }
    if (!o->out) {
        cli_error("export: no output folder given: add -o DIR");
        return 2;
    }
    if (!outdir_name_ok("-o", o->out))
        return 2;
    if (o->scale > 1 && !o->channels) {
        cli_error("--scale sizes the per-channel PNGs: add --channels");
        return 2;
    }
    return -1;
}

/* Marks the stages named in o->stages; 0 after printing an error naming the unknown one. */
static int select_stages(export_opts *o, const net_table *t)
{
    int count = t->count;
    for (int i = 0; i < count; i++)
        o->want[i] = !o->stages;
    if (!o->stages)
        return 1;
    const char *p = o->stages;
    int any = 0;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char name[16];
        int i = -1;
        if (len > 0 && len < sizeof name) {
            memcpy(name, p, len);
            name[len] = 0;
            i = net_table_find(t, name);
        }
        if (i < 0) {
            char list[512] = "";
            for (int k = 0; k < count; k++)
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? " " : "",
                         t->s[k].name);
            cli_error("--stages: '%.*s' is not a stage of this network (%s)", (int)len, p, list);
            return 0;
        }
        o->want[i] = 1;
        any = 1;
        p += len + (end ? 1 : 0);
    }
    if (!any) {
        cli_error("--stages: no stage named");
        return 0;
    }
    return 1;
}

/* The file's base name without its last extension; "image" when that leaves nothing. */
static void make_stem(const char *path, char *stem, size_t len, const char **name)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    *name = base;
    snprintf(stem, len, "%s", base);
    char *dot = strrchr(stem, '.');
    if (dot && dot != stem)
        *dot = 0;
    if (!stem[0] || !strcmp(stem, ".") || !strcmp(stem, ".."))
        snprintf(stem, len, "image");
}

static int add_file(ex_image *im, int cap, ex_kind kind, int stage, int channel, const char *fmt,
                    ...) __attribute__((format(printf, 6, 7)));
static int add_file(ex_image *im, int cap, ex_kind kind, int stage, int channel, const char *fmt,
                    ...)
{
    if (im->n_files >= cap)
        return 0;
    char rel[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rel, sizeof rel, fmt, ap);
    va_end(ap);
    size_t flen = strlen(im->folder), len = flen + 1 + strlen(rel) + 1;
    char *path = malloc(len);
    if (!path)
        return 0;
    snprintf(path, len, "%s/%s", im->folder, rel);
    ex_file *f = &im->files[im->n_files++];
    memset(f, 0, sizeof *f);
    f->kind = kind, f->stage = stage, f->channel = channel;
    f->path = path;
    f->rel = path + flen + 1;
    return 1;
}

/* The files of one image, in the order the workers take them: the views, then the channels;
 * the handout and the manifest last (written by the drawing thread). */
/* The stages a unit is worked out of in the export: every convolution, pool1 and fc6. */
static int computed_on_paper(const net_stage *s)
{
    return s->op == NET_OP_CONV || (s->op == NET_OP_POOL && s->layer == 1) ||
           (s->op == NET_OP_FC && s->layer == 6);
}

static int plan_image(const export_opts *o, const net_table *t, ex_image *im)
{
    int count = t->count, cap = 8 + 3 * count + VIEW_PRESETS;
    for (int i = 0; i < count; i++)
        if (o->channels && o->want[i] && t->s[i].out_h * t->s[i].out_w > 1)
            cap += t->s[i].out_c;
    im->files = calloc((size_t)cap, sizeof *im->files);
    if (!im->files) {
        cli_error("out of memory");
        return 0;
    }
    int ok = add_file(im, cap, EX_PIPELINE, -1, -1, "pipeline.png");
    for (int i = 0; i < count; i++)
        if (o->want[i])
            ok &= add_file(im, cap, EX_STAGE, i, -1, "%02d-%s.png", i + 1, t->s[i].name);
    for (int i = 0; i < count; i++) {
        const net_stage *s = &t->s[i];
        if (o->want[i] && s->op == NET_OP_CONV && s->layer == 1)
            ok &= add_file(im, cap, EX_FILTERS, i, -1, "filters.png");
    }
    for (int i = 0; i < count; i++)
        if (o->want[i] && t->s[i].op == NET_OP_LRN)
            ok &= add_file(im, cap, EX_LRN, i, -1, "lrn-%s.png", t->s[i].name);
    ok &= add_file(im, cap, EX_PRED, count - 1, -1, "predictions.png");
    /* one unit worked out: every conv stage, pool1 and fc6; the playground's presets */
    for (int i = 0; i < count; i++)
        if (o->want[i] && computed_on_paper(&t->s[i]))
            ok &= add_file(im, cap, EX_COMPUTE, i, -1, "compute-%s.png", t->s[i].name);
    for (int p = 0; p < VIEW_PRESETS; p++) {
        char name[32];
        snprintf(name, sizeof name, "%s", view_presets[p].name);
        for (char *c = name; *c; c++)
            *c = *c == ' ' ? '-' : *c;
        ok &= add_file(im, cap, EX_PLAYGROUND, -1, p, "playground-%s.png", name);
    }
    for (int p = 0; p < VIEW_LESSON_PAGES; p++)
        ok &= add_file(im, cap, EX_LESSON, -1, p, "lesson-%s.png", view_lesson_name(p));
    for (int i = 0; i < count && o->channels; i++) {
        const net_stage *s = &t->s[i];
        if (o->want[i] && s->out_h * s->out_w > 1)
            for (int c = 0; c < s->out_c; c++)
                ok &= add_file(im, cap, EX_CHANNEL, i, c, "%s/c%03d.png", s->name, c);
    }
    /* the sliding window of conv1 and of pool1, animated */
    for (int i = 0; i < count; i++) {
        const net_stage *s = &t->s[i];
        if (o->want[i] && s->layer == 1 && (s->op == NET_OP_CONV || s->op == NET_OP_POOL))
            ok &= add_file(im, cap, EX_GIF, i, -1, "slide-%s.gif", s->name);
    }
    ok &= add_file(im, cap, EX_HANDOUT, -1, -1, "handout.pdf");
    ok &= add_file(im, cap, EX_MANIFEST, -1, -1, "manifest.json");
    if (!ok)
        cli_error("out of memory");
    return ok;
}

/* ---------------------------------------------------------------- folders */

/* mkdir -p; 0 after printing why not. */
static int make_dirs(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        cli_error("%s: the folder name is too long", dir);
        return 0;
    }
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p)
            continue;
        char keep = *p;
        *p = 0;
        struct stat sb;
        /* the message names the folder asked for, and the part of it that failed */
        if (mkdir(path, 0777) && errno != EEXIST) {
            if (strcmp(path, dir))
                cli_error("%s: cannot create the folder: %s: %s", dir, path, strerror(errno));
            else
                cli_error("%s: cannot create the folder: %s", dir, strerror(errno));
            return 0;
        }
        if (stat(path, &sb) || !S_ISDIR(sb.st_mode)) {
            cli_error("%s: cannot create the folder: %s is not a folder", dir, path);
            return 0;
        }
        if (!keep)
            break;
        *p = keep;
        while (p[1] == '/')
            p++;
        if (!p[1])
            break;
    }
    return 1;
}

/* Checks, without writing anything, that dir can be made: its deepest existing ancestor is a
 * folder this process may write in. 0 after printing why not. */
static int can_make_dirs(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        cli_error("%s: the folder name is too long", dir);
        return 0;
    }
    /* the shortest prefix that does not exist tells whether its parent can hold it */
    char *end = path + strlen(path);
    for (char *p = path + 1; p <= end; p++) {
        if (*p != '/' && *p)
            continue;
        char keep = *p;
        *p = 0;
        struct stat sb;
        if (stat(path, &sb)) {
            char *slash = strrchr(path, '/');
            const char *parent = slash == path ? "/" : slash ? path : ".";
            if (slash && slash != path)
                *slash = 0;
            if (access(parent, W_OK)) {
                cli_error("%s: cannot create the folder: %s: %s", dir, parent, strerror(errno));
                return 0;
            }
            return 1;
        }
        if (!S_ISDIR(sb.st_mode)) {
            cli_error("%s: cannot create the folder: %s is not a folder", dir, path);
            return 0;
        }
        *p = keep;
    }
    if (access(path, W_OK)) {
        cli_error("%s: cannot write in this folder: %s", dir, strerror(errno));
        return 0;
    }
    return 1;
}

/* A folder the export made or found under -o must be a folder, not a link to somewhere else:
 * a student's `slides/coffee -> ~/notes` would otherwise receive the export (and its sweep).
 * 0 after printing why. */
static int own_folder(const char *dir)
{
    struct stat sb;
    int found = !lstat(dir, &sb);
    if (!found || !S_ISDIR(sb.st_mode)) {
        if (found && S_ISLNK(sb.st_mode))
            cli_error("%s: a symbolic link; alexviz writes only into folders under -o, not "
                      "through links",
                      dir);
        else
            cli_error("%s: not a folder; alexviz writes only into folders under -o, not through "
                      "links",
                      dir);
        return 0;
    }
    net_temp_sweep(dir);
    return 1;
}

/* Creates the image's folder (and the channel folders), each a real folder; temporary files of
 * runs that no longer run are removed from them. */
static int prepare_folders(const ex_image *im)
{
    if (!make_dirs(im->folder) || !own_folder(im->folder))
        return 0;
    for (int i = 0; i < im->n_files; i++) {
        const ex_file *f = &im->files[i];
        if (f->kind == EX_CHANNEL && f->channel == 0) {
            char dir[PATH_MAX];
            snprintf(dir, sizeof dir, "%s", f->path);
            *strrchr(dir, '/') = 0;
            if (!make_dirs(dir) || !own_folder(dir))
                return 0;
        }
    }
    return 1;
}

/* ---------------------------------------------------------------- rendering */

/* The view state every export picture starts from: the window's defaults at this size. */
static void base_state(view_state *st, const view_scene *sc, const export_opts *o, double w,
                       double h)
{
    view_state_default(st, sc);
    st->theme = o->theme;
    st->contrast = o->contrast;
    st->palette = o->palette == VIEW_PALETTE_PRINT ? VIEW_PALETTE_PRINT : VIEW_PALETTE_SCREEN;
    st->lang = text_lang_from(o->common.lang);
    st->notes = o->common.notes;
    st->ui = view_ui_size(w, h, 1);
    st->print = 1; /* slides: no key hints */
}

/* Draws the view a PNG file shows into s (ARGB32, the export's size), as the window does.
 * Every view paints its whole rectangle, so whatever s held before is covered. */
static cairo_status_t render_view(cairo_surface_t *s, const ex_file *f, const view_scene *sc,
                                  const export_opts *o)
{
    int W = o->width, H = o->height;
    cairo_t *cr = cairo_create(s);
    view_state st;
    base_state(&st, sc, o, W, H);
    /* the overview marks the last stage current: the pass is complete */
    st.stage = f->stage >= 0 ? f->stage : sc->table.count - 1;
    switch (f->kind) {
    case EX_PIPELINE: st.kind = VIEW_PIPELINE; break;
    case EX_STAGE: st.kind = VIEW_GRID; break;
    case EX_FILTERS: st.kind = VIEW_FILTERS; break;
    case EX_LRN: st.kind = VIEW_LRN; break;
    case EX_COMPUTE: st.kind = VIEW_COMPUTE; break;
    case EX_PLAYGROUND: {
        const view_preset *p = &view_presets[f->channel];
        st.kind = VIEW_COMPUTE, st.pg_on = 1;
        st.pg[0] = p->i, st.pg[1] = p->k, st.pg[2] = p->s, st.pg[3] = p->p;
        break;
    }
    case EX_LESSON: st.kind = VIEW_LESSON, st.lesson = f->channel; break;
    default: st.kind = VIEW_PRED; break;
    }
    view_draw(cr, (view_rect){0, 0, W, H}, sc, &st);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return cs;
}

/* Draws channel file f with the window's view_channel_image, noting the channel's statistics
 * and the colours it got for the manifest; NULL when out of memory. */
static cairo_surface_t *render_channel(ex_file *f, const view_scene *sc, const view_state *st,
                                       const view_colours *colours, int scale)
{
    const net_stage *s = &sc->table.s[f->stage];
    size_t n = (size_t)s->out_h * s->out_w;
    const float *plane = sc->out[f->stage] + (size_t)f->channel * n;
    net_compute_stats(plane, n, &f->stats);
    f->colours = colours[f->stage];
    if (st->contrast == VIEW_CONTRAST_MAP)
        view_map_colours(plane, n, &colours[f->stage], &f->colours);
    return view_channel_image(sc, st, f->stage, f->channel, scale);
}

/* ---------------------------------------------------------------- one image */

/* The sliding window of file f's stage as a GIF: conv1's first row of positions, pool1's. */
static int write_animation(const export_opts *o, const view_scene *sc, ex_file *f, char *msg,
                           size_t len)
{
    enum { W = 800, H = 450 };
    view_state st;
    base_state(&st, sc, o, W, H);
    st.ui = view_ui_size(W, H, 0.85); /* the pictures are the point: a little less text */
    st.kind = VIEW_COMPUTE, st.stage = f->stage;
    int row, total = view_slide_positions(sc, &st, &row);
    f->width = W, f->height = H;
    return total &&
           gif_write_slide(sc, &st, row < total ? row : total, W, H, f->path, &f->frames, msg, len);
}

/* How many channel pictures may wait for a worker at once: a few dozen, or fewer when --scale
 * makes them big (about 16 MB of them). */
static int channels_max(const export_opts *o, const net_table *t)
{
    long biggest = 1;
    for (int i = 0; i < t->count; i++)
        if ((long)t->s[i].out_h * t->s[i].out_w > biggest)
            biggest = (long)t->s[i].out_h * t->s[i].out_w;
    long fit = (16L << 20) / (biggest * o->scale * o->scale);
    return fit < 1 ? 1 : fit > 64 ? 64 : (int)fit;
}

/* Draws every picture of im on this thread and posts it to the pool: a view whenever a surface
 * is free for it, a channel whenever there is room for one, and a handout page while the
 * workers are busy encoding. 0 with msg filled when a picture could not be made. */
static int draw_all(const export_opts *o, const view_scene *sc, const view_state *st,
                    const view_colours *colours, ex_image *im, ex_work *w, handout *h,
                    progress *prog, char *msg, size_t len)
{
    int view = 0, n_views = 0, finished = 0;
    while (n_views < w->n_files && im->files[n_views].kind != EX_CHANNEL)
        n_views++;
    int channel = n_views;
    while (!work_stopped(w, &finished)) {
        progress_show(prog, finished);
        cairo_surface_t *s = view < n_views ? work_take_surface(w) : NULL;
        ex_file *f = NULL;
        if (s) {
            f = &im->files[view++];
            cairo_status_t cs = render_view(s, f, sc, o);
            if (cs != CAIRO_STATUS_SUCCESS) {
                msg_snprintf(msg, len, "%s: cannot draw: %s", f->path, cairo_status_to_string(cs));
                cairo_surface_destroy(s);
                s = NULL;
            }
        } else if (channel < w->n_files && work_channel_room(w)) {
            f = &im->files[channel++];
            s = render_channel(f, sc, st, colours, o->scale);
            if (!s)
                msg_snprintf(msg, len, "%s: cannot make the image: out of memory", f->path);
        } else if (!handout_page(h)) {
            if (view >= n_views && channel >= w->n_files)
                break;
            work_wait_room(w, prog, view < n_views, channel < w->n_files);
            continue;
        } else {
            continue;
        }
        if (!s) {
            work_fail(w, msg);
            return 0;
        }
        work_post(w, f, s);
    }
    return 1;
}

/* One image: its forward pass, every picture through the pool, then the handout and the
 * manifest, written last. */
static int export_image(const export_opts *o, const cli_net *made, ex_image *im,
                        const char *weights, progress *prog)
{
    net *n = made->net;
    net_err err = {0};
    /* the dropout page's passes first (mask 1 shown), then the pass at test time the other
     * pictures show */
    view_dropout drop;
    void *drop_mem = NULL;
    view_tencrop tc = {.state = VIEW_TC_NOPHOTO};
    net_input sq = {0};
    if (!dropout_keep(n, im->in.data, 1, &drop, &drop_mem, &err) ||
        (!im->in.is_npy &&
         (net_input_load(&sq, im->path, VIEW_TC_SIDE, &made->pp, &err) != NET_OK ||
          !tencrop_run(n, sq.rgb, &made->pp, &tc, NULL, NULL, &err))) ||
        net_forward(n, im->in.data, NULL, NULL, &err) != NET_OK) {
        free(drop_mem);
        net_input_free(&sq);
        char said[600];
        cli_error("%s: %s", im->path, msg_err(&err, msg_lang(), said, sizeof said));
        return 0;
    }
    char msg[600] = "";
    view_scene sc;
    handout h = {.o = o, .im = im, .weights = weights};
    int ok = view_scene_init(&sc);
    view_scene_from_net(&sc, n, im->in.rgb, im->in.data, im->name, 1);
    sc.dropout = &drop;
    sc.tencrop = &tc;
    view_scene_set_run(&sc, net_get_config(n), &made->pp,
                       made->weights_path[0] ? made->weights_path : NULL, o->common.seed);
    sc.class_name =
        cli_has_class_names(sc.table.s[sc.table.count - 1].out_c) ? cli_class_name : NULL;
    ok = view_scene_copy(&h.sc, &sc) && ok; /* the handout's pages are other sizes */
    if (!ok)
        msg_snprintf(msg, sizeof msg, "out of memory");

    view_state st;
    base_state(&st, &sc, o, o->width, o->height);
    view_colours colours[NET_MAX_STAGES];
    for (int i = 0; ok && i < sc.table.count; i++)
        view_stage_colours(&sc, &st, i, &colours[i]);

    /* the PNGs go through the pool; the handout and the manifest are written here */
    /* the PNGs go to the pool; the animations, the handout and the manifest are written here */
    int pngs = 0;
    while (pngs < im->n_files && im->files[pngs].kind != EX_GIF &&
           im->files[pngs].kind != EX_HANDOUT)
        pngs++;
    ex_work w;
    int pooled = ok;
    if (pooled)
        ok = work_start(&w, im->files, pngs, o->common.threads, o->width, o->height,
                        channels_max(o, &sc.table), msg, sizeof msg);
    if (ok) {
        char pdf_msg[600];
        handout_begin(&h);
        ok = draw_all(o, &sc, &st, colours, im, &w, &h, prog, msg, sizeof msg);
        if (!handout_end(&h, pdf_msg, sizeof pdf_msg) && ok) {
            text_copy(msg, sizeof msg, pdf_msg);
            ok = 0;
        }
    }
    if (pooled) {
        /* a failure here stops the workers; theirs, if one came first, is the one reported */
        if (!ok)
            work_fail(&w, msg);
        if (!work_finish(&w, prog, msg, sizeof msg))
            ok = 0;
    }

    for (int i = pngs; ok && i < im->n_files; i++)
        if (im->files[i].kind == EX_GIF)
            ok = write_animation(o, &sc, &im->files[i], msg, sizeof msg);
    ex_file *hf = &im->files[im->n_files - 2], *mf = &im->files[im->n_files - 1];
    if (ok) {
        net_err werr = {0};
        if (net_write_atomic(hf->path, h.pdf.data, h.pdf.len, &werr) != NET_OK) {
            msg_err(&werr, msg_lang(), msg, sizeof msg);
            ok = 0;
        }
    }
    if (ok)
        ok = write_manifest(o, &sc, im, weights, colours, h.n, mf, msg, sizeof msg);
    free(h.pdf.data);
    free(drop_mem);
    net_input_free(&sq);
    view_scene_release(&sc);
    view_scene_release(&h.sc);
    progress_clear(prog);
    if (!ok) {
        cli_error("%s", msg[0] ? msg : "export failed");
        return 0;
    }
    char shown_path[2048], shown_folder[2048];
    msg_printf(stdout, "%s: %d files in %s (handout.pdf: %d pages)\n",
               cli_shown(im->path, shown_path, sizeof shown_path), im->n_files,
               cli_shown(im->folder, shown_folder, sizeof shown_folder), h.n);
    prog->base += im->n_files;
    return 1;
}

/* ---------------------------------------------------------------- the command */

static void free_plan(ex_image *im)
{
    for (int k = 0; k < im->n_files; k++)
        free(im->files[k].path);
    free(im->files);
    im->files = NULL;
    im->n_files = 0;
}

static void free_images(ex_image *ims, int n)
{
    for (int i = 0; ims && i < n; i++) {
        free_plan(&ims[i]);
        free(ims[i].folder);
        net_input_free(&ims[i].in);
    }
    free(ims);
}

/* The first planned file that exists already, and how many do; NULL when none. */
static const char *first_existing(const ex_image *ims, int n, long *count)
{
    const char *first = NULL;
    *count = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < ims[i].n_files; k++) {
            struct stat sb;
            if (!lstat(ims[i].files[k].path, &sb)) {
                if (!first)
                    first = ims[i].files[k].path;
                ++*count;
            }
        }
    return first;
}

/* The images' plans: every file named, none of them already there (unless --force), the
 * folders made and writable. 0 after printing why not. */
static int plan_all(const export_opts *o, const net_table *t, ex_image *ims, int n_images)
{
    for (int i = 0; i < n_images; i++)
        if (!plan_image(o, t, &ims[i]))
            return 0;
    long existing;
    const char *first = first_existing(ims, n_images, &existing);
    if (first && !o->force) {
        if (existing > 1)
            cli_error("%s already exists, and %ld other files; nothing was written (--force "
                      "replaces them)",
                      first, existing - 1);
        else
            cli_error("%s already exists; nothing was written (--force replaces it)", first);
        return 0;
    }
    for (int i = 0; i < n_images; i++)
        if (!can_make_dirs(ims[i].folder))
            return 0;
    return 1;
}

/* 1 when two stage tables give the same plan: the same stages with the same output shapes. */
static int same_table(const net_table *a, const net_table *b)
{
    if (a->count != b->count)
        return 0;
    for (int i = 0; i < a->count; i++) {
        const net_stage *x = &a->s[i], *y = &b->s[i];
        if (strcmp(x->name, y->name) || x->op != y->op || x->layer != y->layer ||
            x->out_c != y->out_c || x->out_h != y->out_h || x->out_w != y->out_w)
            return 0;
    }
    return 1;
}

/* Names every image's folder and reads its photo with pp at size; returns -1 when all is well,
 * else the exit status (2: two images would share a folder) after printing why. */
static int read_images(const export_opts *o, const char **paths, ex_image *ims, int n_images,
                       const net_preproc *pp, int size)
{
    for (int i = 0; i < n_images; i++) {
        ex_image *im = &ims[i];
        net_err err = {0};
        im->path = paths[i];
        make_stem(im->path, im->stem, sizeof im->stem, &im->name);
        for (int j = 0; j < i; j++)
            if (!strcmp(ims[j].stem, im->stem)) {
                cli_error("export: %s and %s would both be written to %s/%s; rename one",
                          ims[j].path, im->path, o->out, im->stem);
                return 2;
            }
        size_t flen = strlen(o->out) + 1 + strlen(im->stem) + 1;
        im->folder = malloc(flen);
        if (!im->folder) {
            cli_error("out of memory");
            return 1;
        }
        snprintf(im->folder, flen, "%s/%s", o->out, im->stem);
        if (net_input_load(&im->in, im->path, size, pp, &err) != NET_OK) {
            cli_net_error(&err);
            return 1;
        }
    }
    return -1;
}

/* Trained weights may bring their own geometry (a 224 input, other widths) and preprocessing:
 * the plan and the photos follow the net that was made. 0 after printing why it cannot. */
static int follow_net(export_opts *o, const net_table *planned, const cli_net *made, ex_image *ims,
                      int n_images, const net_preproc *read_with, int read_at)
{
    const net_table *real = net_get_table(made->net);
    if (!same_table(planned, real)) {
        if (!select_stages(o, real))
            return 0;
        for (int i = 0; i < n_images; i++)
            free_plan(&ims[i]);
        if (!plan_all(o, real, ims, n_images))
            return 0;
    }
    int size = net_get_config(made->net)->input_size;
    if (!memcmp(&made->pp, read_with, sizeof *read_with) && size == read_at)
        return 1;
    for (int i = 0; i < n_images; i++) {
        net_err err = {0};
        net_input_free(&ims[i].in);
        if (net_input_load(&ims[i].in, ims[i].path, size, &made->pp, &err) != NET_OK) {
            cli_net_error(&err);
            return 0;
        }
    }
    return 1;
}

/* The output folder locked for this process, and each image's folders made; the lock (to
 * unlock) into *lock. 0 after printing why not. */
static int prepare_output(const export_opts *o, const ex_image *ims, int n_images, int *lock)
{
    /* one export per folder at a time; from here on files are written */
    if (!make_dirs(o->out) || (*lock = outdir_lock(o->out)) < 0)
        return 0;
    outdir_catch_signals();
    for (int i = 0; i < n_images; i++)
        if (!prepare_folders(&ims[i]))
            return 0;
    return 1;
}

int cmd_export(int argc, char **argv)
{
    export_opts o;
    const char **paths = NULL;
    int n_images = 0;
    int r = parse_args(&o, argc, argv, &paths, &n_images);
    if (r >= 0) {
        free(paths);
        return r;
    }

    /* the plan comes from the flags' table, built without a net (which takes a while) */
    net_table table;
    net_err terr = {0};
    if (!net_table_build(&o.common.cfg, &table, &terr)) {
        cli_net_error(&terr);
        free(paths);
        return 2;
    }
    if (!select_stages(&o, &table)) {
        free(paths);
        return 2;
    }

    /* Every photo read and every file named before anything is written, and before the net
     * is built (the slow part), so a mistake is reported at once. The photos are read with the
     * preprocessing every weights file alexviz knows needs (Caffe's); should the net ask for
     * another, they are read again. */
    cli_net made = {0};
    net_preproc pp;
    net_preproc_caffe(&pp);
    int rc = 1, lock = -1;
    ex_image *ims = calloc((size_t)n_images, sizeof *ims);
    if (!ims) {
        cli_error("out of memory");
        goto done;
    }
    if ((r = read_images(&o, paths, ims, n_images, &pp, o.common.cfg.input_size)) >= 0) {
        rc = r;
        goto done;
    }
    if (!plan_all(&o, &table, ims, n_images) || !cli_make_net(&o.common, &made) ||
        !follow_net(&o, &table, &made, ims, n_images, &pp, o.common.cfg.input_size) ||
        !prepare_output(&o, ims, n_images, &lock))
        goto done;

    /* files carry the weights' file name, never made.desc: it holds a load time */
    char weights[PATH_MAX + 64];
    if (net_is_untrained(made.net))
        snprintf(weights, sizeof weights, "seeded, untrained (seed %llu)",
                 (unsigned long long)o.common.seed);
    else
        snprintf(weights, sizeof weights, "%s", made.weights_path);
    progress prog = {.on = isatty(STDERR_FILENO), .last = -1e9};
    for (int i = 0; i < n_images; i++)
        prog.total += ims[i].n_files;
    for (int i = 0; i < n_images; i++) {
        prog.name = ims[i].name;
        if (!export_image(&o, &made, &ims[i], weights, &prog))
            goto done;
    }
    rc = 0;
done:
    free_images(ims, n_images);
    free(paths);
    cli_net_free(&made);
    outdir_unlock(lock);
    return rc;
}
