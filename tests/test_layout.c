/* test_layout.c: nothing cut off, nothing overlapping, nothing too small, in any room.
 *
 * Every view (and the window around it: tabs, pipeline strip, status line, help, a message) is
 * drawn at every stage, in both languages and both themes, at text scales 1, 1.3, 1.5, 2 and 3,
 * in windows of 1024×768, 1280×720, 1920×1080 and 3840×2160, and each view alone at the export's
 * sizes, with view_state.log recording every text: where its ink went, in which room, at what
 * size, and whether pango had to cut it. The rules (issue 9):
 *   - no text ellipsized except a file name;
 *   - no two texts overlapping (an overlay may cover what is under it, not itself);
 *   - no text outside its view's rectangle;
 *   - at 1280×720 and scale 1, every text at least 14 px high and the view's key number at
 *     least 24 px.
 * The pictures are not drawn (view_text_log.measure): where text goes never depends on them, and
 * the whole matrix then takes seconds.
 */
#include "cli.h"
#include "fixture.h"
#include "handout.h"
#include "test.h"
#include "view_internal.h"
#include "views.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef scene_fixture layout_fixture;

/* A gradient with a checkerboard in blue: edges everywhere, so every stage has values. */
static void layout_card(unsigned char *rgb, int S)
{
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) {
            unsigned char *p = rgb + ((size_t)y * S + x) * 3;
            p[0] = (unsigned char)(40 + 180 * x / S), p[1] = (unsigned char)(200 - 150 * y / S);
            p[2] = (unsigned char)((x / 16 + y / 16) % 2 ? 220 : 40);
        }
}

static layout_fixture *fixture(void)
{
    static layout_fixture f;
    static int tried;
    if (!tried) {
        tried = 1;
        if (scene_fixture_make(&f, layout_card, "a-photo-with-a-rather-long-name.jpg")) {
            view_scene_set_run(&f.sc, net_get_config(f.n), &f.pp, NULL, 1);
            f.sc.class_name = cli_class_name;
        }
    }
    return f.ok ? &f : NULL;
}

/* ---------------------------------------------------------------- the rules */

typedef struct {
    char where[160];
    long by_view[VIEW_COUNT + 1][4]; /* faults by view (the last: help) and kind */
    long checked, failures;
    char first[40][480];
    int n_first;
} verdict;

enum { F_CUT, F_OUTSIDE, F_SMALL, F_OVERLAP };

static _Thread_local int tally_view = 0;

static void fail_once(verdict *v, int kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_once(verdict *v, int kind, const char *fmt, ...)
{
    v->failures++;
    v->by_view[tally_view][kind]++;
    if (v->n_first >= 40)
        return;
    char what[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    /* one line per kind of fault and place: the same fault at every stage is one report */
    for (int i = 0; i < v->n_first; i++)
        if (strstr(v->first[i], what))
            return;
    char line[sizeof v->first[0]];
    snprintf(line, sizeof line, "%.170s: %.300s", v->where, what);
    memcpy(v->first[v->n_first++], line, sizeof line);
}

static int overlaps(view_rect a, view_rect b)
{
    double w = fmin(a.x + a.w, b.x + b.w) - fmax(a.x, b.x);
    double h = fmin(a.y + a.h, b.y + b.h) - fmax(a.y, b.y);
    return w > 1 && h > 1;
}

static int inside(view_rect in, view_rect out)
{
    return in.x >= out.x - 1 && in.y >= out.y - 1 && in.x + in.w <= out.x + out.w + 1 &&
           in.y + in.h <= out.y + out.h + 1;
}

/* What paper must not say: key hints and pointer words (issue 9). */
static const char *const hints[] = {"click", "클릭", "(C)", "↑",     "↓",    "PageDown", "Space",
                                    "wheel", "휠",   "H:",  "press", "누르", "drop one"};

/* Checks one drawing's texts; small: the 1280×720, scale 1 size rules apply; paper: nothing
 * under 7 units (points on a page) and no key hints. */
static void judge_as(verdict *v, const view_text_log *log, view_rect screen, int small, int paper)
{
    v->checked++;
    for (int i = 0; i < log->n; i++) {
        const view_text *t = &log->items[i];
        if (t->box.w <= 0 || t->box.h <= 0)
            continue; /* a space */
        if (t->ellipsized && t->role != VIEW_TEXT_FILE)
            fail_once(v, F_CUT, "cut: \"%s\"", t->text);
        if (!inside(t->box, t->room) || !inside(t->box, screen))
            fail_once(v, F_OUTSIDE,
                      "outside its room: \"%s\" (%.0f,%.0f %.0f×%.0f in %.0f,%.0f %.0f×%.0f)",
                      t->text, t->box.x, t->box.y, t->box.w, t->box.h, t->room.x, t->room.y,
                      t->room.w, t->room.h);
        if (paper && t->px < 7 - 0.01)
            fail_once(v, F_SMALL, "under 7 pt: \"%s\" at %.1f", t->text, t->px);
        for (size_t k = 0; paper && k < sizeof hints / sizeof hints[0]; k++)
            if (strstr(t->text, hints[k]))
                fail_once(v, F_CUT, "a key hint on paper: \"%s\"", t->text);
        if (small && t->px < 14 - 0.01)
            fail_once(v, F_SMALL, "too small: \"%s\" at %.1f px", t->text, t->px);
        if (small && t->role == VIEW_TEXT_KEY && t->px < 24 - 0.01)
            fail_once(v, F_SMALL, "key number too small: \"%s\" at %.1f px", t->text, t->px);
        for (int j = i + 1; j < log->n; j++) {
            const view_text *u = &log->items[j];
            if (u->box.w <= 0 || u->box.h <= 0 || t->overlay != u->overlay)
                continue;
            if (overlaps(t->box, u->box))
                fail_once(v, F_OVERLAP, "overlap: \"%s\" and \"%s\"", t->text, u->text);
        }
    }
}

static void judge(verdict *v, const view_text_log *log, view_rect screen, int small)
{
    judge_as(v, log, screen, small, 0);
}

static void report(const verdict *v)
{
    for (int i = 0; i < v->n_first; i++)
        fprintf(stderr, "    %s\n", v->first[i]);
    for (int k = 0; k <= VIEW_COUNT; k++)
        if (v->by_view[k][0] + v->by_view[k][1] + v->by_view[k][2] + v->by_view[k][3])
            fprintf(stderr, "    %-8s cut %ld, outside %ld, small %ld, overlap %ld\n",
                    k < VIEW_COUNT ? view_kind_name((view_kind)k) : "help", v->by_view[k][0],
                    v->by_view[k][1], v->by_view[k][2], v->by_view[k][3]);
    if (v->failures)
        fprintf(stderr, "    %ld faults in %ld drawings\n", v->failures, v->checked);
}

/* ---------------------------------------------------------------- the matrix */

static const double scales[] = {1, 1.3, 1.5, 2, 3};
static const int sizes[][2] = {{1024, 768}, {1280, 720}, {1920, 1080}, {3840, 2160}};

/* Draws fn's picture into a 1×1 surface (nothing is painted that matters) and judges its log. */
static void measure_screen(verdict *v, view_scene *sc, view_state *st, int w, int h, int alone,
                           int small)
{
    view_text_log log = {.measure = 1};
    st->log = &log;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create(s);
    view_rect r = {0, 0, w, h};
    if (alone)
        view_draw(cr, r, sc, st);
    else
        view_draw_screen(cr, r, sc, st);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    judge(v, &log, r, small);
    view_text_log_free(&log);
    st->log = NULL;
}

/* One language's half of the matrix, in a process of its own (see the test below). */
typedef struct {
    const view_scene *sc;
    int lang;
    const char *only; /* LAYOUT_VIEW=zoom judges one view alone, when working on it */
    verdict v;
} half;

/* A dropout summary over the scene's own drop6 and drop7 outputs, as the window has after O:
 * every third unit dropped, made-up rows. */
static void fake_dropout(const view_scene *sc, view_dropout *d, unsigned char *mask, int cap)
{
    memset(d, 0, sizeof *d);
    for (int j = 0; j < cap; j++)
        mask[j] = j % 3 != 0;
    d->seed = 7;
    d->stage[0] = net_table_find(&sc->table, "drop6");
    d->stage[1] = net_table_find(&sc->table, "drop7");
    for (int k = 0; k < 2; k++) {
        d->out[k] = d->stage[k] >= 0 ? sc->out[d->stage[k]] : NULL;
        d->mask[k] = mask;
    }
    d->ready = d->shown = 1;
    d->k = 5;
    for (int r = 0; r < VIEW_DROP_ROWS; r++) {
        d->row_seed[r] = r ? 6 + (uint64_t)r : 0;
        d->kept[r][0] = r ? 2048 + 10 * r : 4096, d->kept[r][1] = r ? 2040 - 3 * r : 4096;
        for (int j = 0; j < 5; j++)
            d->top[r][j] = (r * 97 + j * 131) % 1000, d->topv[r][j] = 0.1f / (float)(j + 1);
    }
}

/* The ten patches as the window has them when done (every patch with a long class name). */
static void fake_tencrop(const view_scene *sc, view_tencrop *t, unsigned char *square)
{
    memset(t, 0, sizeof *t);
    for (int i = 0; i < VIEW_TC_SIDE * VIEW_TC_SIDE * 3; i++)
        square[i] = (unsigned char)(i * 7);
    t->state = VIEW_TC_DONE;
    t->done = NET_TEN_CROPS;
    t->S = sc->input_size;
    t->square = square;
    net_ten_crops(NULL, VIEW_TC_SIDE, t->S, NULL, NULL, t->xy, NULL);
    for (int p = 0; p < NET_TEN_CROPS; p++)
        t->top1[p] = 100 * p + 17, t->top1_p[p] = 0.05f * (float)(p + 1);
    t->k = 5;
    for (int j = 0; j < 5; j++)
        t->top[j] = 10 * j + 5, t->topv[j] = 0.3f / (float)(j + 1);
}

static void judge_half(half *hf)
{
    view_scene scene, *sc = &scene;
    view_scene_copy(&scene, hf->sc);
    /* the light half sees the window dropping as at training time */
    static unsigned char mask[4096];
    view_dropout drop;
    fake_dropout(sc, &drop, mask, (int)sizeof mask);
    static unsigned char square[VIEW_TC_SIDE * VIEW_TC_SIDE * 3];
    view_tencrop tc;
    fake_tencrop(sc, &tc, square);
    verdict *v = &hf->v;
    int lang = hf->lang;
    for (int theme = 0; theme < 2; theme++)
        for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++)
            for (size_t ki = 0; ki < sizeof scales / sizeof scales[0]; ki++) {
                int w = sizes[si][0], h = sizes[si][1];
                int small = w == 1280 && h == 720 && scales[ki] == 1;
                for (int kind = 0; kind < VIEW_COUNT; kind++)
                    for (int stage = 0; stage < sc->table.count; stage++) {
                        if (hf->only && strcmp(hf->only, view_kind_name((view_kind)kind)))
                            continue;
                        /* the lesson's pages do not follow the stage: each page once */
                        if (kind == VIEW_LESSON && stage >= VIEW_LESSON_PAGES)
                            continue;
                        sc->dropout = theme ? &drop : NULL;
                        sc->tencrop = theme ? &tc : NULL;
                        view_state st;
                        view_state_default(&st, sc);
                        st.kind = (view_kind)kind;
                        st.stage = stage;
                        st.lesson = kind == VIEW_LESSON ? stage : 0;
                        st.lang = (text_lang)lang;
                        st.theme = (view_theme)theme;
                        st.ui = view_ui_size(w, h, scales[ki]);
                        snprintf(v->where, sizeof v->where, "%s %s %dx%d scale %.1f %s %s",
                                 lang ? "ko" : "en", theme ? "light" : "dark", w, h, scales[ki],
                                 view_kind_name(st.kind), sc->table.s[stage].name);
                        tally_view = kind;
                        measure_screen(v, sc, &st, w, h, 0, small);
                        if (kind == VIEW_COMPUTE) {
                            /* the sliding window at a row's end, where it says the most */
                            st.slide = sc->table.s[stage].out_w;
                            measure_screen(v, sc, &st, w, h, 0, small);
                            st.slide = 0;
                        }
                        if (kind == VIEW_COMPUTE && sc->table.s[stage].op == NET_OP_CONV) {
                            /* the pointer on the grids: the cell's numbers written out */
                            const double at[3][2] = {{0.4, 0.45}, {0.45, 0.5}, {0.55, 0.45}};
                            st.cursor_in = 1;
                            for (int i = 0; i < 3; i++) {
                                st.cursor_x = at[i][0] * w, st.cursor_y = at[i][1] * h;
                                measure_screen(v, sc, &st, w, h, 0, small);
                            }
                            st.cursor_in = 0;
                        }
                        if (kind == VIEW_COMPUTE && stage < VIEW_PRESETS + 1) {
                            /* the playground's presets, and a setting no window fits */
                            const view_preset *p = &view_presets[stage % VIEW_PRESETS];
                            int pg[4] = {p->i, p->k, p->s, p->p}, none[4] = {3, 7, 1, 1};
                            memcpy(st.pg, stage == VIEW_PRESETS ? none : pg, sizeof st.pg);
                            st.pg_on = 1;
                            measure_screen(v, sc, &st, w, h, 0, small);
                            st.pg_on = 0;
                        }
                        if (stage == 0 && kind == 0) {
                            tally_view = VIEW_COUNT;
                            st.help = 1;
                            snprintf(v->where, sizeof v->where, "%s %dx%d scale %.1f help",
                                     lang ? "ko" : "en", w, h, scales[ki]);
                            measure_screen(v, sc, &st, w, h, 0, small);
                        }
                    }
            }
    view_scene_release(&scene);
}

/* The net's blocks are not inherited by a child process (MADV_DONTFORK: the photo decoder's
 * never sees them), so the children judge a scene whose outputs and weights are copies on the
 * heap; *keep is that memory (the caller frees it). 0 when out of memory. */
static int heap_scene(const view_scene *src, view_scene *dst, float **keep)
{
    size_t total = 0, n_w = (size_t)src->table.s[0].n_w;
    for (int i = 0; i < src->done; i++)
        total += (size_t)src->table.s[i].out_c * src->table.s[i].out_h * src->table.s[i].out_w;
    for (int i = 0; i < src->table.count; i++)
        total += (size_t)(src->table.s[i].n_w + src->table.s[i].n_b);
    float *mem = *keep = malloc(sizeof(float) * (total + n_w));
    if (!mem)
        return 0;
    *dst = *src;
    for (int i = 0; i < src->done; i++) {
        size_t n = (size_t)src->table.s[i].out_c * src->table.s[i].out_h * src->table.s[i].out_w;
        memcpy(mem, src->out[i], n * sizeof(float));
        dst->out[i] = mem;
        mem += n;
    }
    for (int i = 0; i < src->table.count; i++) {
        const net_stage *s = &src->table.s[i];
        if (src->weights[i]) {
            memcpy(mem, src->weights[i], (size_t)s->n_w * sizeof(float));
            dst->weights[i] = mem;
            mem += s->n_w;
        }
        if (src->biases[i]) {
            memcpy(mem, src->biases[i], (size_t)s->n_b * sizeof(float));
            dst->biases[i] = mem;
            mem += s->n_b;
        }
    }
    if (src->conv1_w) {
        memcpy(mem, src->conv1_w, n_w * sizeof(float));
        dst->conv1_w = mem;
    }
    return 1;
}

/* Runs judge_half in a child process and reads its verdict back; 0 when the child failed. */
static int start_half(half *hf, pid_t *pid, int *fd)
{
    int p[2];
    if (pipe(p))
        return 0;
    fflush(NULL);
    *pid = fork();
    if (*pid == 0) {
        close(p[0]);
        judge_half(hf);
        const char *b = (const char *)&hf->v;
        size_t left = sizeof hf->v;
        while (left) {
            ssize_t n = write(p[1], b, left);
            if (n <= 0)
                _exit(1);
            b += n, left -= (size_t)n;
        }
        _exit(0); /* no atexit handler of the runner's, no leak report of a copy */
    }
    close(p[1]);
    *fd = p[0];
    return *pid > 0;
}

static int finish_half(half *hf, pid_t pid, int fd)
{
    char *b = (char *)&hf->v;
    size_t left = sizeof hf->v;
    while (left) {
        ssize_t n = read(fd, b, left);
        if (n <= 0)
            break;
        b += n, left -= (size_t)n;
    }
    close(fd);
    int st = 0;
    waitpid(pid, &st, 0);
    return !left && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

TEST(layout_never_cuts_overlaps_or_shrinks_text)
{
    layout_fixture *f = fixture();
    CHECK(f);
    /* One process per language, both cores busy. Not threads: cairo's scaled-font caches
     * deadlock when two threads lay out text at once (cairo 1.16: a thread holding one font's
     * lock waits for the font map's, another the other way round; seen here, and what
     * ThreadSanitizer called a lock-order inversion), so alexviz draws on one thread only. */
    half halves[TEXT_LANGS];
    pid_t pid[TEXT_LANGS];
    int fd[TEXT_LANGS];
    view_scene shared;
    float *keep = NULL;
    CHECK(heap_scene(&f->sc, &shared, &keep));
    /* the engine's worker threads are not in a child (the LRN lab runs LRN): none while forking */
    net_set_threads(1);
    for (int lang = 0; lang < TEXT_LANGS; lang++) {
        memset(&halves[lang], 0, sizeof halves[lang]);
        halves[lang].sc = &shared, halves[lang].lang = lang;
        halves[lang].only = getenv("LAYOUT_VIEW");
        CHECK(start_half(&halves[lang], &pid[lang], &fd[lang]));
    }
    verdict v;
    memset(&v, 0, sizeof v);
    for (int lang = 0; lang < TEXT_LANGS; lang++) {
        if (!finish_half(&halves[lang], pid[lang], fd[lang])) {
            fprintf(stderr, "    the %s half did not finish\n", lang ? "Korean" : "English");
            v.failures++;
            continue;
        }
        const verdict *h = &halves[lang].v;
        v.checked += h->checked, v.failures += h->failures;
        for (int k = 0; k <= VIEW_COUNT; k++)
            for (int j = 0; j < 4; j++)
                v.by_view[k][j] += h->by_view[k][j];
        for (int i = 0; i < h->n_first && v.n_first < 40; i++)
            memcpy(v.first[v.n_first++], h->first[i], sizeof v.first[0]);
    }
    free(keep);
    net_set_threads(2);
    report(&v);
    CHECKF(v.failures == 0, "%ld layout faults (the first are above)", v.failures);
}

/* ---------------------------------------------------------------- paper */

/* Every handout page in both languages on A4 and Letter, and every export PNG (print set, as
 * export draws them): nothing cut, overlapping or outside the page, nothing under 7 pt, no key
 * hints. The same log the window's test reads, so this is the text the PDF draws. */
TEST(handout_pages_and_slides_fit_and_carry_no_key_hints)
{
    layout_fixture *f = fixture();
    CHECK(f);
    view_scene *sc = &f->sc;
    verdict v;
    memset(&v, 0, sizeof v);
    static const double papers[2][2] = {{595.276, 841.89}, {612, 792}};
    static const char *const what[] = {"cover",    "stage",   "filters", "lrn",
                                       "table",    "layers",  "compute", "lenet",
                                       "training", "dropout", "tencrop"};
    for (int lang = 0; lang < TEXT_LANGS; lang++)
        for (int paper = 0; paper < 2; paper++) {
            view_state st;
            view_state_default(&st, sc);
            st.theme = VIEW_THEME_LIGHT;
            st.palette = VIEW_PALETTE_PRINT;
            st.lang = (text_lang)lang;
            st.ui = 10;
            st.print = 1;
            view_rect r = {0, 0, papers[paper][0], papers[paper][1]};
            int n = 0;
            for (int kind = 0; kind < 11; kind++) {
                int per_stage = kind == 1 || kind == 3 || kind == 6;
                for (int stage = per_stage ? 0 : -1; stage < (per_stage ? sc->table.count : 0);
                     stage++) {
                    if (kind == 3 && sc->table.s[stage].op != NET_OP_LRN)
                        continue;
                    if (kind == 6 && sc->table.s[stage].op != NET_OP_CONV &&
                        sc->table.s[stage].op != NET_OP_POOL && sc->table.s[stage].op != NET_OP_FC)
                        continue;
                    view_page pg = {"a-photo-with-a-rather-long-name.jpg", NULL, 1, ++n, 30};
                    view_text_log log = {.measure = 1};
                    st.log = &log;
                    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
                    cairo_t *cr = cairo_create(s);
                    snprintf(v.where, sizeof v.where, "%s %s page %s %s", lang ? "ko" : "en",
                             paper ? "letter" : "a4", what[kind],
                             stage >= 0 ? sc->table.s[stage].name : "");
                    switch (kind) {
                    case 0: view_draw_cover(cr, r, sc, &st, &pg); break;
                    case 1: view_draw_stage_page(cr, r, sc, &st, stage, &pg); break;
                    case 2: view_draw_filters_page(cr, r, sc, &st, &pg); break;
                    case 3: view_draw_lrn_page(cr, r, sc, &st, stage, &pg); break;
                    case 4: view_draw_table_page(cr, r, sc, &st, &pg); break;
                    case 6: view_draw_compute_page(cr, r, sc, &st, stage, &pg); break;
                    case 7: view_draw_lesson_page(cr, r, sc, &st, VIEW_LESSON_LENET, &pg); break;
                    case 8: view_draw_lesson_page(cr, r, sc, &st, VIEW_LESSON_TRAINING, &pg); break;
                    case 9: view_draw_lesson_page(cr, r, sc, &st, VIEW_LESSON_DROPOUT, &pg); break;
                    case 10: view_draw_lesson_page(cr, r, sc, &st, VIEW_LESSON_TENCROP, &pg); break;
                    default: view_draw_layers_page(cr, r, sc, &st, &pg); break;
                    }
                    cairo_destroy(cr);
                    cairo_surface_destroy(s);
                    judge_as(&v, &log, r, 0, 1);
                    view_text_log_free(&log);
                }
            }
        }
    /* the slides: each view alone at export's default size, as export draws it */
    for (int lang = 0; lang < TEXT_LANGS; lang++)
        for (int kind = 0; kind < VIEW_COUNT; kind++)
            for (int stage = 0; stage < sc->table.count; stage++) {
                if (kind == VIEW_LESSON && stage >= VIEW_LESSON_PAGES)
                    continue;
                view_state st;
                view_state_default(&st, sc);
                st.kind = (view_kind)kind;
                st.stage = stage;
                st.lesson = kind == VIEW_LESSON ? stage : 0;
                st.lang = (text_lang)lang;
                st.theme = VIEW_THEME_LIGHT;
                st.ui = view_ui_size(1920, 1080, 1);
                st.print = 1;
                snprintf(v.where, sizeof v.where, "%s slide %s %s", lang ? "ko" : "en",
                         view_kind_name(st.kind), sc->table.s[stage].name);
                view_text_log log = {.measure = 1};
                st.log = &log;
                cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
                cairo_t *cr = cairo_create(s);
                view_draw(cr, (view_rect){0, 0, 1920, 1080}, sc, &st);
                cairo_destroy(cr);
                cairo_surface_destroy(s);
                judge_as(&v, &log, (view_rect){0, 0, 1920, 1080}, 0, 1);
                view_text_log_free(&log);
            }
    report(&v);
    CHECKF(v.failures == 0, "%ld faults on paper (the first are above)", v.failures);
}
