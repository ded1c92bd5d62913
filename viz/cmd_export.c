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
#include "cli.h"
#include "handout.h"
#include "msg.h"
#include "outdir.h"
#include "png_encode.h"
#include "views.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

typedef struct {
    cli_opts common;
    const char *out;
    int channels, scale, force, width, height;
    view_theme theme;
    view_contrast contrast;
    int palette;              /* a view_palette, or -1: screen for PNGs, print for the PDF */
    double page_w, page_h;    /* the handout's paper, in points */
    int want[NET_MAX_STAGES]; /* 1: export this stage (all of them unless --stages) */
    const char *stages;       /* --stages as given, checked once the table is known */
} export_opts;

typedef enum {
    EX_PIPELINE,
    EX_STAGE,
    EX_FILTERS,
    EX_LRN,
    EX_PRED,
    EX_CHANNEL,
    EX_HANDOUT,
    EX_MANIFEST
} ex_kind;

static const char *const kind_names[] = {"pipeline", "stage",   "filters", "lrn",
                                         "predictions", "channel", "handout", "manifest"};

typedef struct {
    ex_kind kind;
    int stage, channel;       /* -1 when not about one stage or channel */
    char *path;               /* DIR/<stem>/<rel> */
    const char *rel;          /* inside path */
    /* handed between this thread and the workers under the queue's lock */
    cairo_surface_t *surface; /* a drawn picture waiting to be encoded (owned) */
    int ready;                /* the worker may take it */
    int width, height;        /* of the PNG, filled when written */
    net_stats stats;          /* channel files: of the channel's values */
    view_colours colours;     /* channel files: how values became colours */
} ex_file;

typedef struct {
    const char *path;         /* as given */
    const char *name;         /* its base name, shown on the pictures */
    char stem[256];
    char *folder;             /* DIR/<stem> */
    net_input in;
    ex_file *files;
    int n_files;
} ex_image;

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
static int parse_args(export_opts *o, int argc, char **argv, const char ***images, int *n_images)
{
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

static int add_file(ex_image *im, int cap, ex_kind kind, int stage, int channel,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static int add_file(ex_image *im, int cap, ex_kind kind, int stage, int channel,
                    const char *fmt, ...)
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
static int plan_image(const export_opts *o, const net_table *t, ex_image *im)
{
    int count = t->count, cap = 8 + 2 * count;
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
    for (int i = 0; i < count && o->channels; i++) {
        const net_stage *s = &t->s[i];
        if (o->want[i] && s->out_h * s->out_w > 1)
            for (int c = 0; c < s->out_c; c++)
                ok &= add_file(im, cap, EX_CHANNEL, i, c, "%s/c%03d.png", s->name, c);
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
                      "through links", dir);
        else
            cli_error("%s: not a folder; alexviz writes only into folders under -o, not through "
                      "links", dir);
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

/* ---------------------------------------------------------------- bytes in memory */

typedef struct {
    unsigned char *data;
    size_t len, cap;
    int failed;
} membuf;

static cairo_status_t membuf_write(void *closure, const unsigned char *data, unsigned int len)
{
    membuf *m = closure;
    if (m->len + len > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 16;
        while (cap < m->len + len)
            cap *= 2;
        unsigned char *p = realloc(m->data, cap);
        if (!p) {
            m->failed = 1;
            return CAIRO_STATUS_NO_MEMORY;
        }
        m->data = p, m->cap = cap;
    }
    memcpy(m->data + m->len, data, len);
    m->len += len;
    return CAIRO_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------- the workers */

/* Views are rendered into a few reused surfaces: a fresh 8 MB surface per picture would spend
 * more time in page faults than in drawing. */
#define SPARES 8

/* The PNGs of one image. This thread draws every picture (views into the spare surfaces, each
 * channel into a small surface of its own) and marks its file ready; workers take the files in
 * plan order, encode and write them, and give the surfaces back. */
typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;  /* a file became ready or was finished, a surface came back, or
                                the work stopped */
    ex_file *files;
    int n_files;             /* the PNGs: files [0, n_files) */
    int next;                /* the next file a worker takes */
    int finished;            /* files written */
    int stop;                /* an error, or the end: workers leave */
    char error[600];         /* the first error, one line */
    cairo_surface_t *spare[SPARES];
    int n_spare;
    int channels_out;        /* channel surfaces made and not yet written */
    int channels_max;        /* how many may wait at once (bounds memory at large --scale) */
} ex_work;

static void *worker_main(void *arg)
{
    ex_work *w = arg;
    char msg[600];
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->stop && w->next < w->n_files && !w->files[w->next].ready)
            pthread_cond_wait(&w->changed, &w->lock);
        if (w->stop || w->next >= w->n_files)
            break;
        ex_file *f = &w->files[w->next++];
        cairo_surface_t *s = f->surface;
        f->surface = NULL;
        pthread_mutex_unlock(&w->lock);

        msg[0] = 0;
        f->width = cairo_image_surface_get_width(s);
        f->height = cairo_image_surface_get_height(s);
        int ok = png_write_file(s, f->path, 1, NULL, msg, sizeof msg);
        if (f->kind == EX_CHANNEL)
            cairo_surface_destroy(s);

        pthread_mutex_lock(&w->lock);
        if (f->kind == EX_CHANNEL)
            w->channels_out--;
        else
            w->spare[w->n_spare++] = s;
        if (ok) {
            w->finished++;
        } else if (!w->error[0]) {
            snprintf(w->error, sizeof w->error, "%s", msg);
            w->stop = 1;
        }
        pthread_cond_broadcast(&w->changed);
    }
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* ---------------------------------------------------------------- progress */

typedef struct {
    int on;                  /* stderr is a terminal */
    double last;             /* when the line was last drawn, ms */
    int total, base;         /* files of the whole export; written before this image */
    const char *name;
} progress;

static void progress_show(progress *p, int done)
{
    if (!p->on)
        return;
    double t = net_now_ms();
    if (t - p->last < 100)
        return;
    p->last = t;
    char shown[512];
    msg_printf(stderr, "\ralexviz export: %s  %d/%d files\x1b[K",
               cli_shown(p->name, shown, sizeof shown), p->base + done, p->total);
    fflush(stderr);
}

static void progress_clear(progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

/* Waits on the work's condition, waking now and then on a terminal to move the progress line. */
static void work_sleep(ex_work *w, progress *p)
{
    int finished = w->finished;
    if (p->on) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000)
            until.tv_sec++, until.tv_nsec -= 1000000000;
        pthread_cond_timedwait(&w->changed, &w->lock, &until);
    } else {
        pthread_cond_wait(&w->changed, &w->lock);
    }
    if (w->finished != finished) {
        pthread_mutex_unlock(&w->lock);
        progress_show(p, finished);
        pthread_mutex_lock(&w->lock);
    }
}

/* A free surface to render the next view into, or NULL. */
static cairo_surface_t *work_take_surface(ex_work *w)
{
    cairo_surface_t *s = NULL;
    pthread_mutex_lock(&w->lock);
    if (!w->stop && w->n_spare)
        s = w->spare[--w->n_spare];
    pthread_mutex_unlock(&w->lock);
    return s;
}

/* 1 when another channel surface may be made now. */
static int work_channel_room(ex_work *w)
{
    pthread_mutex_lock(&w->lock);
    int room = w->channels_out < w->channels_max;
    pthread_mutex_unlock(&w->lock);
    return room;
}

/* Waits until a view can be rendered (views left and a surface free) or a channel made
 * (channels left and room for one), or the work stopped. */
static void work_wait_room(ex_work *w, progress *p, int views_left, int channels_left)
{
    pthread_mutex_lock(&w->lock);
    while (!w->stop && !(views_left && w->n_spare) &&
           !(channels_left && w->channels_out < w->channels_max))
        work_sleep(w, p);
    pthread_mutex_unlock(&w->lock);
}

/* Whether the work stopped; *finished gets the count of files written. */
static int work_stopped(ex_work *w, int *finished)
{
    pthread_mutex_lock(&w->lock);
    int stop = w->stop;
    *finished = w->finished;
    pthread_mutex_unlock(&w->lock);
    return stop;
}

/* Hands a rendered picture to the workers. */
static void work_post(ex_work *w, ex_file *f, cairo_surface_t *s)
{
    pthread_mutex_lock(&w->lock);
    f->surface = s;
    f->ready = 1;
    if (f->kind == EX_CHANNEL)
        w->channels_out++;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
}

/* Waits until every PNG is written or the work stopped; 0 on an error. */
static int work_finish(ex_work *w, progress *p)
{
    pthread_mutex_lock(&w->lock);
    while (!w->stop && w->finished < w->n_files)
        work_sleep(w, p);
    int ok = !w->error[0];
    w->stop = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    return ok;
}

static void work_fail(ex_work *w, const char *msg)
{
    pthread_mutex_lock(&w->lock);
    if (!w->error[0])
        snprintf(w->error, sizeof w->error, "%s", msg);
    w->stop = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
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

/* The handout's normal text size, in points. */
#define PAGE_UI 10.0

/* The handout's pages in order: the cover, each chosen stage (with the filters page after
 * conv1 and an LRN page after each norm stage), the stage table, the per-layer chart. */
typedef enum { PG_COVER, PG_STAGE, PG_FILTERS, PG_LRN, PG_TABLE, PG_LAYERS } page_kind;

typedef struct {
    page_kind kind;
    int stage;
} page_item;

static int handout_pages(const export_opts *o, const view_scene *sc, page_item *items)
{
    int n = 0;
    items[n++] = (page_item){PG_COVER, -1};
    for (int i = 0; i < sc->table.count; i++) {
        if (!o->want[i])
            continue;
        const net_stage *s = &sc->table.s[i];
        items[n++] = (page_item){PG_STAGE, i};
        if (s->op == NET_OP_CONV && s->layer == 1)
            items[n++] = (page_item){PG_FILTERS, i};
        if (s->op == NET_OP_LRN)
            items[n++] = (page_item){PG_LRN, i};
    }
    items[n++] = (page_item){PG_TABLE, -1};
    items[n++] = (page_item){PG_LAYERS, -1};
    return n;
}

/* The handout being drawn into memory, one page at a time, so this thread can draw a page
 * whenever the workers have no surface free for the next view. */
typedef struct {
    const export_opts *o;
    const ex_image *im;
    const char *weights;
    view_scene sc;          /* the image's scene with a cache of its own (other sizes) */
    view_state st;
    page_item items[3 * NET_MAX_STAGES + 3];
    int n, next;
    cairo_surface_t *surface;
    cairo_t *cr;
    membuf pdf;
} handout;

static void handout_begin(handout *h)
{
    h->surface = cairo_pdf_surface_create_for_stream(membuf_write, &h->pdf, h->o->page_w,
                                                     h->o->page_h);
    char title[512], name[400];
    net_text_escape(h->im->name, name, sizeof name); /* PDF metadata must be UTF-8 */
    snprintf(title, sizeof title, "AlexNet, stage by stage: %s", name);
    cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_CREATOR, "alexviz export");
    /* no creation date: the same input gives the same bytes */
    cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
    h->cr = cairo_create(h->surface);
    view_state_default(&h->st, &h->sc);
    h->st.theme = VIEW_THEME_LIGHT;
    h->st.contrast = h->o->contrast;
    h->st.palette = h->o->palette == VIEW_PALETTE_SCREEN ? VIEW_PALETTE_SCREEN
                                                         : VIEW_PALETTE_PRINT;
    h->st.print = 1;
    h->st.lang = text_lang_from(h->o->common.lang);
    h->st.ui = PAGE_UI;
    h->n = handout_pages(h->o, &h->sc, h->items);
    h->next = 0;
}

/* Draws the next page; 0 when there is none left. */
static int handout_page(handout *h)
{
    if (h->next >= h->n)
        return 0;
    const page_item *it = &h->items[h->next];
    view_page pg = {h->im->name, h->sc.untrained ? NULL : h->weights, h->o->common.seed,
                    h->next + 1, h->n};
    view_rect r = {0, 0, h->o->page_w, h->o->page_h};
    switch (it->kind) {
    case PG_COVER: view_draw_cover(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_STAGE: view_draw_stage_page(h->cr, r, &h->sc, &h->st, it->stage, &pg); break;
    case PG_FILTERS: view_draw_filters_page(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_LRN: view_draw_lrn_page(h->cr, r, &h->sc, &h->st, it->stage, &pg); break;
    case PG_TABLE: view_draw_table_page(h->cr, r, &h->sc, &h->st, &pg); break;
    case PG_LAYERS: view_draw_layers_page(h->cr, r, &h->sc, &h->st, &pg); break;
    }
    cairo_show_page(h->cr);
    h->next++;
    return 1;
}

/* Finishes the PDF (the bytes are in h->pdf); 0 with msg filled on failure. */
static int handout_end(handout *h, char *msg, size_t len)
{
    cairo_status_t cs = cairo_status(h->cr);
    cairo_destroy(h->cr);
    cairo_surface_finish(h->surface);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(h->surface);
    cairo_surface_destroy(h->surface);
    h->cr = NULL, h->surface = NULL;
    if (cs != CAIRO_STATUS_SUCCESS || h->pdf.failed) {
        msg_snprintf(msg, len, "%s/handout.pdf: cannot draw the handout: %s", h->im->folder,
                     h->pdf.failed ? "out of memory" : cairo_status_to_string(cs));
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- the manifest */


static void json_stats(FILE *f, const net_stats *s)
{
    fprintf(f, "\"stats\": {\"min\": %.9g, \"max\": %.9g, \"mean\": %.9g, \"std\": %.9g, "
               "\"zeros\": %.6f, \"nan\": %zu, \"inf\": %zu, \"subnormal\": %zu}",
            s->min, s->max, s->mean, s->std, s->zeros, s->nan, s->inf, s->subnormal);
}

static void json_shape(FILE *f, const net_stage *s)
{
    if (s->out_h * s->out_w > 1)
        fprintf(f, "\"shape\": [%d, %d, %d]", s->out_c, s->out_h, s->out_w);
    else
        fprintf(f, "\"shape\": [%d]", s->out_c);
}

/* The colours of a stage's maps, so a reader can turn a pixel back into a value. */
static void json_colours(FILE *f, const view_colours *c)
{
    fprintf(f, ", \"colours\": {\"map\": \"%s\", \"lo\": ",
            c->diverging ? "diverging" : "sequential");
    cli_json_num(f, c->lo);
    fprintf(f, ", \"hi\": ");
    cli_json_num(f, c->hi);
    fputc('}', f);
}

static int write_manifest(const export_opts *o, const view_scene *sc, const ex_image *im,
                          const char *weights, const view_colours *colours, int pages,
                          const ex_file *mf, char *msg, size_t len)
{
    char *json = NULL;
    size_t jlen = 0;
    FILE *f = open_memstream(&json, &jlen);
    if (!f) {
        msg_snprintf(msg, len, "%s: out of memory", mf->path);
        return 0;
    }
    int print = o->palette == VIEW_PALETTE_PRINT;
    fprintf(f, "{\n  \"image\": ");
    cli_json_str(f, im->path);
    fprintf(f, ",\n  \"weights\": ");
    cli_json_str(f, weights);
    fprintf(f, ",\n  \"untrained\": %s,\n  \"input_size\": %d,\n  \"lang\": \"%s\",\n"
               "  \"theme\": \"%s\",\n  \"contrast\": \"%s\",\n  \"palette\": \"%s\",\n"
               "  \"size\": [%d, %d],\n  \"scale\": %d,\n",
            sc->untrained ? "true" : "false", sc->input_size, o->common.lang,
            o->theme == VIEW_THEME_DARK ? "dark" : "light",
            o->contrast == VIEW_CONTRAST_MAP ? "map" : "stage", print ? "print" : "screen",
            o->width, o->height, o->scale);
    /* the PNGs' palette; the handout's is print's unless --palette screen */
    if (print)
        fprintf(f, "  \"colour_maps\": {\"sequential\": \"values 0 to hi: paper white, yellow, "
                   "orange, crimson, dark violet\", \"diverging\": \"values -hi to hi: dark blue, "
                   "blue, mid grey at 0, amber, pale yellow\"},\n");
    else
        fprintf(f, "  \"colour_maps\": {\"sequential\": \"values 0 to hi: near-black, violet, "
                   "red, orange, pale yellow\", \"diverging\": \"values -hi to hi: light blue, "
                   "blue, near-black at 0, orange, yellow\"},\n");
    int idx[5];
    float val[5];
    int k = view_scene_top(sc, 5, idx, val);
    fprintf(f, "  \"top5\": [");
    for (int j = 0; j < k; j++) {
        fprintf(f, "%s{\"class\": %d, \"name\": ", j ? ", " : "", idx[j]);
        const char *name = sc->class_name ? sc->class_name(idx[j]) : NULL;
        cli_json_str(f, name ? name : "");
        fprintf(f, ", \"p\": ");
        cli_json_num(f, val[j]);
        fputc('}', f);
    }
    int bad = view_scene_first_nonfinite(sc);
    fprintf(f, "],\n  \"first_nonfinite\": ");
    if (bad >= 0)
        cli_json_str(f, sc->table.s[bad].name);
    else
        fputs("null", f);
    fprintf(f, ",\n  \"files\": [\n");
    int first = 1;
    for (int i = 0; i < im->n_files; i++) {
        const ex_file *e = &im->files[i];
        if (e->kind == EX_MANIFEST)
            continue;
        const net_stage *s = e->stage >= 0 ? &sc->table.s[e->stage] : NULL;
        fprintf(f, "%s    {\"path\": ", first ? "" : ",\n");
        first = 0;
        cli_json_str(f, e->rel);
        fprintf(f, ", \"kind\": \"%s\", \"stage\": ", kind_names[e->kind]);
        if (s)
            cli_json_str(f, s->name);
        else
            fputs("null", f);
        switch (e->kind) {
        case EX_CHANNEL: {
            int a[2], b[2];
            net_stage_towers(s, a, b);
            fprintf(f, ", \"channel\": %d, \"tower\": \"%s\", \"shape\": [%d, %d], "
                       "\"width\": %d, \"height\": %d, ",
                    e->channel, b[1] > b[0] && e->channel >= b[0] ? "B" : "A", s->out_h,
                    s->out_w, e->width, e->height);
            json_stats(f, &e->stats);
            json_colours(f, &e->colours);
            break;
        }
        case EX_STAGE:
        case EX_LRN:
        case EX_PRED:
            fprintf(f, ", ");
            json_shape(f, s);
            fprintf(f, ", \"width\": %d, \"height\": %d, ", e->width, e->height);
            json_stats(f, &sc->stats[e->stage]);
            /* per-map contrast gives each map its own range: see the channel files */
            if (e->kind == EX_STAGE && s->op != NET_OP_SOFTMAX &&
                (o->contrast == VIEW_CONTRAST_STAGE || s->out_h * s->out_w == 1))
                json_colours(f, &colours[e->stage]);
            break;
        case EX_FILTERS:
            fprintf(f, ", \"shape\": [%d, %d, %d, %d], \"width\": %d, \"height\": %d", s->out_c,
                    s->in_c, s->k, s->k, e->width, e->height);
            break;
        case EX_PIPELINE:
            fprintf(f, ", \"width\": %d, \"height\": %d", e->width, e->height);
            break;
        case EX_HANDOUT:
            fprintf(f, ", \"pages\": %d, \"page_size_pt\": [%.3f, %.3f]", pages, o->page_w,
                    o->page_h);
            break;
        case EX_MANIFEST: break;
        }
        fputc('}', f);
    }
    fprintf(f, "\n  ]\n}\n");
    if (fclose(f)) {
        msg_snprintf(msg, len, "%s: out of memory", mf->path);
        free(json);
        return 0;
    }
    net_err err = {0};
    int ok = net_write_atomic(mf->path, json, jlen, &err) == NET_OK;
    if (!ok)
        msg_err(&err, msg_lang(), msg, len);
    free(json);
    return ok;
}

/* ---------------------------------------------------------------- one image */

static int export_image(const export_opts *o, const cli_net *made, ex_image *im,
                        const char *weights, progress *prog)
{
    net *n = made->net;
    net_err err = {0};
    if (net_forward(n, im->in.data, NULL, NULL, &err) != NET_OK) {
        char said[600];
        cli_error("%s: %s", im->path, msg_err(&err, msg_lang(), said, sizeof said));
        return 0;
    }
    char msg[600] = "";
    int ok = 1;
    view_scene sc;
    handout h = {.o = o, .im = im, .weights = weights};
    int scenes = view_scene_init(&sc);
    view_scene_from_net(&sc, n, im->in.rgb, im->in.data, im->name, 1);
    view_scene_set_run(&sc, net_get_config(n), &made->pp,
                       made->weights_path[0] ? made->weights_path : NULL, o->common.seed);
    sc.class_name =
        cli_has_class_names(sc.table.s[sc.table.count - 1].out_c) ? cli_class_name : NULL;
    scenes = view_scene_copy(&h.sc, &sc) && scenes;

    ex_work w;
    memset(&w, 0, sizeof w);
    pthread_mutex_init(&w.lock, NULL);
    pthread_cond_init(&w.changed, NULL);
    w.files = im->files;
    w.n_files = im->n_files - 2; /* the handout and the manifest are written here */
    /* channel surfaces waiting for a worker: a few dozen, or fewer when --scale makes them big */
    long biggest = 1;
    for (int i = 0; i < sc.table.count; i++)
        if ((long)sc.table.s[i].out_h * sc.table.s[i].out_w > biggest)
            biggest = (long)sc.table.s[i].out_h * sc.table.s[i].out_w;
    long fit = (16L << 20) / (biggest * o->scale * o->scale);
    w.channels_max = fit < 1 ? 1 : fit > 64 ? 64 : (int)fit;
    int threads = o->common.threads < 1 ? 1 : o->common.threads > 8 ? 8 : o->common.threads;
    for (int i = 0; i < threads + 2 && i < SPARES; i++) {
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, o->width, o->height);
        if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(s);
            break;
        }
        w.spare[w.n_spare++] = s;
    }
    if (!scenes || !w.n_spare) {
        msg_snprintf(msg, sizeof msg, "out of memory");
        ok = 0;
    }
    view_state st;
    base_state(&st, &sc, o, o->width, o->height);
    view_colours colours[NET_MAX_STAGES];
    for (int i = 0; ok && i < sc.table.count; i++)
        view_stage_colours(&sc, &st, i, &colours[i]);

    pthread_t tid[8];
    int started = 0;
    for (; ok && started < threads; started++)
        if (pthread_create(&tid[started], NULL, worker_main, &w))
            break;
    if (ok && !started) {
        msg_snprintf(msg, sizeof msg, "cannot start a thread: %s", strerror(errno));
        ok = 0;
    }

    /* All drawing happens on this thread (pango and cairo's own caches are not made for two
     * drawing threads): a view whenever the workers have a surface free for it, a channel
     * whenever there is room for one, and a handout page while they are busy encoding. */
    if (ok)
        handout_begin(&h);
    int view = 0, n_views = 0, finished = 0;
    while (n_views < w.n_files && im->files[n_views].kind != EX_CHANNEL)
        n_views++;
    int channel = n_views;
    while (ok && !work_stopped(&w, &finished)) {
        progress_show(prog, finished);
        cairo_surface_t *s = view < n_views ? work_take_surface(&w) : NULL;
        ex_file *f = NULL;
        if (s) {
            f = &im->files[view++];
            cairo_status_t cs = render_view(s, f, &sc, o);
            if (cs != CAIRO_STATUS_SUCCESS) {
                msg_snprintf(msg, sizeof msg, "%s: cannot draw: %s", f->path,
                             cairo_status_to_string(cs));
                cairo_surface_destroy(s);
                s = NULL;
            }
        } else if (channel < w.n_files && work_channel_room(&w)) {
            f = &im->files[channel++];
            s = render_channel(f, &sc, &st, colours, o->scale);
            if (!s)
                msg_snprintf(msg, sizeof msg, "%s: cannot make the image: out of memory", f->path);
        } else if (!handout_page(&h)) {
            if (view >= n_views && channel >= w.n_files)
                break;
            work_wait_room(&w, prog, view < n_views, channel < w.n_files);
            continue;
        } else {
            continue;
        }
        if (!s) {
            work_fail(&w, msg);
            break;
        }
        work_post(&w, f, s);
    }
    if (ok && !handout_end(&h, msg, sizeof msg)) {
        work_fail(&w, msg);
        ok = 0;
    }
    /* a failure before the workers started: nobody will finish the files */
    if (!ok)
        work_fail(&w, msg);
    if (!work_finish(&w, prog) && ok) {
        text_copy(msg, sizeof msg, w.error);
        ok = 0;
    }
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    /* the spares, and any rendered view no worker took after an error */
    for (int i = 0; i < w.n_spare; i++)
        cairo_surface_destroy(w.spare[i]);
    for (int i = 0; i < im->n_files; i++)
        if (im->files[i].surface) {
            cairo_surface_destroy(im->files[i].surface);
            im->files[i].surface = NULL;
        }

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
    view_scene_release(&sc);
    view_scene_release(&h.sc);
    pthread_cond_destroy(&w.changed);
    pthread_mutex_destroy(&w.lock);
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

int cmd_export(int argc, char **argv)
{
    export_opts o;
    memset(&o, 0, sizeof o);
    cli_opts_default(&o.common);
    o.scale = 1;
    o.width = 1920, o.height = 1080;
    o.theme = VIEW_THEME_LIGHT;
    o.palette = -1;
    o.page_w = 595.276, o.page_h = 841.89;
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
     * another, they are read again below. */
    cli_net made = {0};
    net *n = NULL;
    net_preproc pp;
    net_preproc_caffe(&pp);
    int rc = 1, lock = -1;
    char weights[PATH_MAX + 64];
    ex_image *ims = calloc((size_t)n_images, sizeof *ims);
    if (!ims) {
        cli_error("out of memory");
        goto done;
    }
    int size = o.common.cfg.input_size;
    for (int i = 0; i < n_images; i++) {
        ex_image *im = &ims[i];
        net_err err = {0};
        im->path = paths[i];
        make_stem(im->path, im->stem, sizeof im->stem, &im->name);
        for (int j = 0; j < i; j++)
            if (!strcmp(ims[j].stem, im->stem)) {
                cli_error("export: %s and %s would both be written to %s/%s; rename one",
                          ims[j].path, im->path, o.out, im->stem);
                rc = 2;
                goto done;
            }
        size_t flen = strlen(o.out) + 1 + strlen(im->stem) + 1;
        im->folder = malloc(flen);
        if (!im->folder) {
            cli_error("out of memory");
            goto done;
        }
        snprintf(im->folder, flen, "%s/%s", o.out, im->stem);
        if (net_input_load(&im->in, im->path, size, &pp, &err) != NET_OK) {
            cli_net_error(&err);
            goto done;
        }
    }
    if (!plan_all(&o, &table, ims, n_images))
        goto done;

    /* The net: seeded, or trained weights from an ONNX file, whose own geometry (a 224 input,
     * other widths) may differ from the flags'. Then the plan and the photos follow the net. */
    if (!cli_make_net(&o.common, &made))
        goto done;
    n = made.net;
    net_preproc want = made.pp;
    const net_table *real = net_get_table(n);
    if (!same_table(&table, real)) {
        if (!select_stages(&o, real))
            goto done;
        for (int i = 0; i < n_images; i++)
            free_plan(&ims[i]);
        if (!plan_all(&o, real, ims, n_images))
            goto done;
    }
    int real_size = net_get_config(n)->input_size;
    for (int i = 0; i < n_images && (memcmp(&want, &pp, sizeof pp) || real_size != size); i++) {
        net_err err = {0};
        net_input_free(&ims[i].in);
        if (net_input_load(&ims[i].in, ims[i].path, real_size, &want, &err) != NET_OK) {
            cli_net_error(&err);
            goto done;
        }
    }
    /* one export per folder at a time; from here on files are written */
    if (!make_dirs(o.out) || (lock = outdir_lock(o.out)) < 0)
        goto done;
    outdir_catch_signals();
    for (int i = 0; i < n_images; i++)
        if (!prepare_folders(&ims[i]))
            goto done;
    /* files carry the weights' file name, never made.desc: it holds a load time */
    if (net_is_untrained(n))
        snprintf(weights, sizeof weights, "seeded, untrained (seed %llu)",
                 (unsigned long long)o.common.seed);
    else
        snprintf(weights, sizeof weights, "%s", cli_weights_file(&o.common));

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
    net_free(n);
    outdir_unlock(lock);
    return rc;
}
