/* window.c: the classroom window: SDL events in, one cairo picture out.
 *
 * The main thread owns SDL, cairo and pango. Every frame is drawn by view_draw_screen into a
 * cairo ARGB32 image surface, which is uploaded into an SDL streaming texture (same pixel
 * layout, no conversion); frames are drawn only when something changed. The forward pass runs
 * on the worker (worker.c), which posts a registered SDL event after each stage; the loop then
 * takes the new stages into the scene the views read. Input follows the raylib habit: events
 * update the state, then one draw.
 *
 * A --play script is run here, one command each time the network has settled, so the tests
 * drive the real window (under xvfb-run, or SDL_VIDEODRIVER=dummy) and check its screenshots.
 */
#include "window.h"

#include "msg.h"
#include "png_encode.h"
#include "worker.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MESSAGE_MS 6000
/* At most one frame per display refresh: a burst of events (23 stages in 30 ms, a fast mouse)
 * becomes one frame, and the drawing leaves the CPU to the pass in between. */
#define FRAME_MS 16.0
#define SCRIPT_WATCHDOG_MS 180000.0

/* What a script command waits for besides the worker being idle or paused. */
enum { PEND_NONE, PEND_STAGE, PEND_PASS };

typedef struct {
    const window_opts *o;
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex;
    cairo_surface_t *surf;
    cairo_t *cr;
    int w, h;
    Uint32 ev_worker;

    worker *wk;
    worker_copy copy;
    view_scene sc;
    view_state st;
    uint32_t ver; /* the last version number handed out */

    int follow;  /* the view follows the newest stage */
    int passes;  /* passes begun: the first one is followed from conv1 */
    int restart; /* the next pass is R's: followed from conv1 too */
    int dirty, quit, status;
    int fullscreen;
    double scale;

    char **photos; /* command-line photos, then the bundled ones */
    int n_photos, photo_idx, n_bundled;
    char **bundled;
    char photo_name[256];

    int playing, pace_ms;
    double next_play, message_until;

    play_script *script;
    double sleep_until, wait_since;
    int pending;
    int pending_done;
    unsigned pending_gen, pending_err;

    unsigned photo_seq; /* photos taken so far */
    unsigned tc_photo;  /* the photo the ten patches were asked for (photo_seq; 0: none) */
    int dropout;        /* passes drop as at training time (O) */
    uint64_t drop_seed; /* their masks' seed; R draws the next */
    int sliding;        /* the compute view's window moves on by itself */
    int preset;         /* the playground's preset [ ] last chose */
    double next_slide, slide_ms;
    int pressed, dragging;
    double press_x, press_y, last_x, last_y;

    double first_frame_ms, frame_sum, frame_max, pass_frame_max, last_frame;
    int reported; /* failures already reported, by bit */
    long frames, pass_frames;
} app;

/* ---------------------------------------------------------------- the scene */

static void notify(void *ctx)
{
    app *a = ctx;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = a->ev_worker;
    /* a full queue drops the event; nothing is lost, the loop takes from the worker on every
     * turn anyway, at least four times a second */
    SDL_PushEvent(&e);
}

/* Reports a failed SDL or cairo call once (a failing call would otherwise fail every frame). */
static void report_once(app *a, int bit, const char *what, const char *why)
{
    if (a->reported & bit)
        return;
    a->reported |= bit;
    msg_printf(stderr, "alexviz: %s failed: %s\n", what, why);
}

static void set_message(app *a, const char *msg)
{
    text_copy(a->sc.message, sizeof a->sc.message, msg);
    a->message_until = net_now_ms() + MESSAGE_MS;
    a->dirty = 1;
}

static void set_title(app *a)
{
    char title[512];
    snprintf(title, sizeof title, text_get(TX_TITLE, a->st.lang),
             a->photo_name[0] ? a->photo_name : "AlexNet");
    SDL_SetWindowTitle(a->win, title);
}

static int clamp_int(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Takes what the worker made and points the scene at it. */
static void take(app *a)
{
    worker_copy *c = &a->copy;
    view_scene *sc = &a->sc;
    int ch = worker_take(a->wk, c);
    if (!ch)
        return;
    a->dirty = 1;
    if (ch & WORKER_READY) {
        if (c->ready) {
            sc->table.count = c->table.count;
            memcpy(sc->table.s, c->table.s, sizeof sc->table.s);
            sc->input_size = c->cfg.input_size;
            sc->untrained = c->untrained;
            view_scene_set_run(sc, &c->cfg, &c->pp, c->weights_path[0] ? c->weights_path : NULL,
                               a->o->opts.seed);
            sc->conv1_w = c->conv1_w;
            memcpy(sc->weights, c->weights, sizeof sc->weights);
            memcpy(sc->biases, c->biases, sizeof sc->biases);
            sc->conv1_version = ++a->ver;
            sc->class_name =
                cli_has_class_names(sc->table.s[sc->table.count - 1].out_c) ? cli_class_name : NULL;
            view_state_reset_lrn(&a->st, sc);
        }
    }
    if (ch & WORKER_PHOTO) {
        a->photo_seq++;
        sc->photo = c->input.rgb;
        sc->input = c->input.data;
        sc->photo_version = ++a->ver;
        const char *slash = strrchr(c->photo_path, '/');
        text_copy(a->photo_name, sizeof a->photo_name, slash ? slash + 1 : c->photo_path);
        sc->photo_name = a->photo_name;
        set_title(a);
    }
    if (ch & WORKER_PASS) {
        /* the worker is starting a pass over the outputs: the scene lets go of them */
        sc->done = 0;
        memset(sc->out, 0, sizeof sc->out);
        /* a new photo keeps the stage on screen (in step-through the pass runs as far as the
         * last one had got); the first pass, and R's, start at conv1 and follow it */
        if (a->passes++ == 0 || a->restart) {
            a->follow = 1;
            a->st.stage = 0;
        } else {
            a->follow = 0;
        }
        a->restart = 0;
    }
    if (ch & WORKER_STAGES) {
        for (int i = sc->done; i < c->done; i++) {
            sc->out[i] = c->out[i];
            sc->version[i] = ++a->ver;
            view_scene_update_stats(sc, i);
        }
        sc->done = c->done;
        if (a->follow && sc->done > 0)
            a->st.stage = sc->done - 1;
    }
    sc->dropout = c->drop_on ? &c->drop : NULL;
    /* the ten patches are of one photo: not shown over another */
    sc->tencrop = a->tc_photo == a->photo_seq && c->tc.state != VIEW_TC_NONE ? &c->tc : NULL;
    if (ch & WORKER_ERROR) {
        /* a net that could not be built has said why on stderr already (cli_make_net); either
         * way the window stays up with the message, and exits with status 1 when closed */
        a->status = 1;
        char msg[1200], said[1024];
        if (c->run.failed) {
            text_copy(msg, sizeof msg, msg_err(&c->error, a->st.lang, said, sizeof said));
        } else {
            snprintf(msg, sizeof msg, text_get(TX_MSG_PHOTO_FAILED, a->st.lang),
                     msg_err(&c->error, a->st.lang, said, sizeof said));
            cli_net_error(&c->error);
        }
        set_message(a, msg);
        if (c->run.failed)
            a->message_until = HUGE_VAL; /* nothing else will happen: keep saying why */
    }
    /* what a script waits for */
    if (a->pending == PEND_STAGE && (c->done > a->pending_done || !c->run.running))
        a->pending = PEND_NONE;
    if (a->pending == PEND_PASS && (c->gen != a->pending_gen || c->error_seq != a->pending_err))
        a->pending = PEND_NONE;
}

/* The ten patches of the current photo, when the lesson's page for them is on screen and they
 * have not been asked for this photo (or N asks again). */
static void tencrop_tick(app *a, int again)
{
    const worker_copy *c = &a->copy;
    if (a->st.kind != VIEW_LESSON || a->st.lesson != VIEW_LESSON_TENCROP || !c->ready ||
        !c->input.data || (a->tc_photo == a->photo_seq && !again) || c->tc.state == VIEW_TC_RUNNING)
        return;
    a->tc_photo = a->photo_seq;
    a->pending = PEND_PASS;
    a->pending_gen = c->gen;
    a->pending_err = c->error_seq;
    worker_request_tencrop(a->wk);
}

static void request_photo(app *a, const char *path)
{
    a->pending = PEND_PASS;
    a->pending_gen = a->copy.gen;
    a->pending_err = a->copy.error_seq;
    worker_request_photo(a->wk, path, a->copy.run.step ? a->copy.done : 0);
}

static void request_rerun(app *a)
{
    if (!a->copy.input.data)
        return;
    a->pending = PEND_PASS;
    a->pending_gen = a->copy.gen;
    a->pending_err = a->copy.error_seq;
    a->restart = 1;
    worker_request_rerun(a->wk);
}

/* → : the next computed stage, or in step-through the next stage computed. */
static void step_forward(app *a)
{
    view_scene *sc = &a->sc;
    if (a->st.stage < sc->done - 1) {
        a->st.stage++;
        a->follow = a->st.stage == sc->done - 1;
    } else if (a->copy.run.step && a->copy.run.paused) {
        a->pending = PEND_STAGE;
        a->pending_done = a->copy.done;
        a->follow = 1;
        worker_advance(a->wk);
    }
    a->dirty = 1;
}

static void step_back(app *a)
{
    if (a->st.stage > 0)
        a->st.stage--;
    a->follow = 0;
    a->dirty = 1;
}

/* The channel count of what the current view shows a channel of (in the LRN view: the norm
 * stage it shows, the last one up to the current stage). */
static int channel_count(app *a);

/* Another channel, d from the one on screen (which may be the view's own choice, -1); the
 * unit is then the new channel's own choice. */
static void move_channel(app *a, int d)
{
    view_state *st = &a->st;
    int c = st->channel, ux, uy;
    if (c < 0 && !view_shown_unit(&a->sc, st, &c, &ux, &uy))
        c = 0;
    st->channel = clamp_int(c + d, 0, channel_count(a) - 1);
    st->unit_x = st->unit_y = -1;
}

static int channel_count(app *a)
{
    const view_scene *sc = &a->sc;
    if (sc->table.count <= 0)
        return 1;
    int s = clamp_int(a->st.stage, 0, sc->table.count - 1);
    int norm = net_table_norm_for(&sc->table, s);
    if (a->st.kind == VIEW_LRN && norm >= 0)
        s = norm;
    return sc->table.s[s].out_c;
}

static void change_photo(app *a, int delta)
{
    if (a->n_photos == 0) {
        set_message(a, text_get(TX_MSG_NO_ASSETS, a->st.lang));
        return;
    }
    a->photo_idx = ((a->photo_idx + delta) % a->n_photos + a->n_photos) % a->n_photos;
    request_photo(a, a->photos[a->photo_idx]);
}

static int save_shot(app *a, const char *path, int view_only, int replace, int quiet_exists);

/* S: alexviz-<stage>-<view>.png in the working folder, or -2, -3, … when that name is taken;
 * the name is claimed by the write itself, so two windows never share one. */
static void save_auto(app *a)
{
    char path[512];
    const char *stage = a->sc.table.count
                            ? a->sc.table.s[clamp_int(a->st.stage, 0, a->sc.table.count - 1)].name
                            : "window";
    int r = 0;
    for (int k = 1; k < 1000; k++) {
        if (k == 1)
            snprintf(path, sizeof path, "alexviz-%s-%s.png", stage, view_kind_name(a->st.kind));
        else
            snprintf(path, sizeof path, "alexviz-%s-%s-%d.png", stage, view_kind_name(a->st.kind),
                     k);
        if ((r = save_shot(a, path, 0, 0, 1)) != -1)
            break;
    }
    char msg[600];
    if (r == 1 && (!a->sc.message[0] || strstr(a->sc.message, path))) {
        snprintf(msg, sizeof msg, text_get(TX_MSG_SAVED, a->st.lang), path);
        set_message(a, msg);
    }
}

/* ---------------------------------------------------------------- drawing */

static int make_surface(app *a)
{
    int w, h;
    if (SDL_GetRendererOutputSize(a->ren, &w, &h) || w < 1 || h < 1)
        SDL_GetWindowSize(a->win, &w, &h);
    if (a->surf && w == a->w && h == a->h)
        return 1;
    if (a->tex)
        SDL_DestroyTexture(a->tex);
    if (a->cr)
        cairo_destroy(a->cr);
    if (a->surf)
        cairo_surface_destroy(a->surf);
    a->tex = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
    a->surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    a->cr = cairo_create(a->surf);
    a->w = w, a->h = h;
    if (!a->tex || cairo_status(a->cr) != CAIRO_STATUS_SUCCESS) {
        msg_printf(stderr, "alexviz: cannot make a %d×%d drawing surface: %s\n", w, h,
                   a->tex ? cairo_status_to_string(cairo_status(a->cr)) : SDL_GetError());
        return 0;
    }
    return 1;
}

static void draw(app *a)
{
    if (!make_surface(a)) {
        a->quit = 1, a->status = 1;
        return;
    }
    double t0 = net_now_ms();
    a->st.ui = view_ui_size(a->w, a->h, a->scale);
    view_draw_screen(a->cr, (view_rect){0, 0, a->w, a->h}, &a->sc, &a->st);
    cairo_surface_flush(a->surf);
    if (cairo_status(a->cr) != CAIRO_STATUS_SUCCESS)
        report_once(a, 1, N_("drawing the window"), cairo_status_to_string(cairo_status(a->cr)));
    if (SDL_UpdateTexture(a->tex, NULL, cairo_image_surface_get_data(a->surf),
                          cairo_image_surface_get_stride(a->surf)))
        report_once(a, 2, "SDL_UpdateTexture", SDL_GetError());
    if (SDL_RenderClear(a->ren) || SDL_RenderCopy(a->ren, a->tex, NULL, NULL))
        report_once(a, 4, "SDL_RenderCopy", SDL_GetError());
    SDL_RenderPresent(a->ren);
    double t1 = net_now_ms(), ms = t1 - t0;
    a->last_frame = t0;
    if (!a->frames)
        a->first_frame_ms = t1 - a->o->t_start_ms;
    a->frames++;
    a->frame_sum += ms;
    a->frame_max = fmax(a->frame_max, ms);
    if (a->copy.run.running && !a->copy.run.paused) {
        a->pass_frames++;
        a->pass_frame_max = fmax(a->pass_frame_max, ms);
    }
    a->dirty = 0;
}

/* Saves the window, or with view_only the current view's rectangle alone; replace: over an
 * existing file. Returns 1 when saved, 0 after showing why not, -1 (quiet_exists, nothing
 * shown) when a file is in the way. */
static int save_shot(app *a, const char *path, int view_only, int replace, int quiet_exists)
{
    if (a->dirty || !a->surf)
        draw(a);
    char err[600];
    cairo_surface_t *s = a->surf;
    if (s && view_only) {
        /* the view's rectangle, copied into an image of its own */
        view_rect b = view_screen_body((view_rect){0, 0, a->w, a->h}, &a->sc, &a->st);
        s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)b.w, (int)b.h);
        cairo_t *cr = cairo_create(s);
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
        cairo_set_source_surface(cr, a->surf, -b.x, -b.y);
        cairo_paint(cr);
        cairo_destroy(cr);
    }
    int exists = 0;
    int ok = s && png_write_file(s, path, replace, &exists, err, sizeof err);
    if (s && view_only)
        cairo_surface_destroy(s);
    if (ok)
        return 1;
    if (exists && quiet_exists)
        return -1;
    /* like any bad input: the window stays up with the message, and exits with status 1 */
    char msg[700];
    snprintf(msg, sizeof msg, text_get(TX_MSG_SAVE_FAILED, a->st.lang),
             a->surf ? err : "no surface");
    msg_printf(stderr, "alexviz: %s\n", a->surf ? err : msg_text("no surface to save"));
    set_message(a, msg);
    a->status = 1;
    return 0;
}

/* ---------------------------------------------------------------- input */

static void lrn_key(app *a, SDL_Keycode k, int shift)
{
    view_state *st = &a->st;
    switch (k) {
    case SDLK_n: st->lrn.n = clamp_int(st->lrn.n + (shift ? 2 : -2), 1, 15); break;
    case SDLK_k: st->lrn.k = fmaxf(0.5f, fminf(10, st->lrn.k + (shift ? 0.5f : -0.5f))); break;
    case SDLK_a:
        st->lrn.alpha = fmaxf(1e-7f, fminf(1, st->lrn.alpha * (shift ? 10.0f : 0.1f)));
        break;
    case SDLK_b:
        st->lrn.beta = fmaxf(0.25f, fminf(3, st->lrn.beta + (shift ? 0.25f : -0.25f)));
        break;
    case SDLK_v:
        net_lrn_set_formula(&st->lrn,
                            st->lrn.formula == NET_LRN_CAFFE ? NET_LRN_PAPER : NET_LRN_CAFFE);
        break;
    case SDLK_w: st->lrn.within_towers = !st->lrn.within_towers; break;
    case SDLK_x: view_state_reset_lrn(st, &a->sc); break;
    default: return;
    }
    a->dirty = 1;
}

/* The compute view's sliding window: A plays or pauses, N steps one position, E goes to the end
 * of the row, X turns it off. 1 when k was one of them. */
static int slide_key(app *a, SDL_Keycode k)
{
    view_state *st = &a->st;
    int w, total = view_slide_positions(&a->sc, st, &w);
    if (!total)
        return 0;
    switch (k) {
    case SDLK_a:
        if (st->slide <= 0 || st->slide >= total)
            st->slide = 1, a->sliding = 1;
        else
            a->sliding = !a->sliding;
        a->next_slide = net_now_ms() + a->slide_ms;
        return 1;
    case SDLK_n:
        st->slide = st->slide < total ? st->slide + 1 : total;
        a->sliding = 0;
        return 1;
    case SDLK_e:
        st->slide = st->slide < 1 ? w : ((st->slide - 1) / w + 1) * w;
        if (st->slide > total)
            st->slide = total;
        a->sliding = 0;
        return 1;
    case SDLK_x: st->slide = 0, a->sliding = 0; return 1;
    default: return 0;
    }
}

/* The playground's keys (G turns it on and off): i I, k K, z Z, o O lower or raise I, K, S, P;
 * [ ] go through the presets. 1 when k was one of them. */
static int playground_key(app *a, SDL_Keycode k, int shift)
{
    view_state *st = &a->st;
    int *preset = &a->preset;
    if (k == SDLK_g) {
        st->pg_on = !st->pg_on;
        if (st->pg_on && st->pg[0] == 0)
            *preset = VIEW_PRESETS - 1, st->pg[0] = view_presets[*preset].i,
            st->pg[1] = view_presets[*preset].k, st->pg[2] = view_presets[*preset].s,
            st->pg[3] = view_presets[*preset].p;
        return 1;
    }
    if (!st->pg_on)
        return 0;
    int d = shift ? 1 : -1, *p = NULL, lo = 0, hi = 0;
    switch (k) {
    case SDLK_i: p = &st->pg[0], lo = 1, hi = 256; break;
    case SDLK_k: p = &st->pg[1], lo = 1, hi = 32; break;
    case SDLK_z: p = &st->pg[2], lo = 1, hi = 16; break;
    case SDLK_o: p = &st->pg[3], lo = 0, hi = 16; break;
    case SDLK_LEFTBRACKET:
    case SDLK_RIGHTBRACKET:
        *preset = (*preset + (k == SDLK_RIGHTBRACKET ? 1 : VIEW_PRESETS - 1)) % VIEW_PRESETS;
        st->pg[0] = view_presets[*preset].i, st->pg[1] = view_presets[*preset].k;
        st->pg[2] = view_presets[*preset].s, st->pg[3] = view_presets[*preset].p;
        return 1;
    default: return 0;
    }
    *p = clamp_int(*p + d, lo, hi);
    return 1;
}

static void key(app *a, SDL_Keycode k, Uint16 mod)
{
    view_state *st = &a->st;
    int shift = (mod & KMOD_SHIFT) != 0;
    a->dirty = 1;
    if (st->help && k != SDLK_h && k != SDLK_SLASH && k != SDLK_q) {
        st->help = 0;
        if (k == SDLK_ESCAPE)
            return;
    }
    if (st->kind == VIEW_LRN && (k == SDLK_n || k == SDLK_k || k == SDLK_a || k == SDLK_b ||
                                 k == SDLK_v || k == SDLK_w || k == SDLK_x)) {
        lrn_key(a, k, shift);
        return;
    }
    if (st->kind == VIEW_COMPUTE && (playground_key(a, k, shift) || slide_key(a, k)))
        return;
    if (st->kind == VIEW_LESSON && st->lesson == VIEW_LESSON_TENCROP &&
        (k == SDLK_x || k == SDLK_n)) {
        /* the ten patches: X stops them, N runs them again */
        if (k == SDLK_x)
            worker_stop_tencrop(a->wk);
        else
            tencrop_tick(a, 1);
        return;
    }
    if (st->kind == VIEW_LESSON && (k == SDLK_LEFTBRACKET || k == SDLK_RIGHTBRACKET)) {
        st->lesson =
            (st->lesson + (k == SDLK_RIGHTBRACKET ? 1 : VIEW_LESSON_PAGES - 1)) % VIEW_LESSON_PAGES;
        return;
    }
    switch (k) {
    case SDLK_q:
    case SDLK_ESCAPE: a->quit = 1; break;
    case SDLK_RIGHT:
    case SDLK_SPACE: step_forward(a); break;
    case SDLK_LEFT: step_back(a); break;
    case SDLK_HOME:
        st->stage = 0;
        a->follow = a->sc.done <= 1;
        break;
    case SDLK_END:
        st->stage = a->sc.done > 0 ? a->sc.done - 1 : 0;
        a->follow = 1;
        break;
    case SDLK_UP: move_channel(a, -1); break;
    case SDLK_DOWN: move_channel(a, 1); break;
    case SDLK_LEFTBRACKET: move_channel(a, -10); break;
    case SDLK_RIGHTBRACKET: move_channel(a, 10); break;
    case SDLK_j:
        /* two channels before the tower boundary: where LRN across and within differ */
        st->channel = clamp_int(channel_count(a) / 2 - 2, 0, channel_count(a) - 1);
        st->unit_x = st->unit_y = -1;
        break;
    case SDLK_TAB:
        st->kind = (view_kind)((st->kind + (shift ? VIEW_COUNT - 1 : 1)) % VIEW_COUNT);
        break;
    case SDLK_t:
        /* the stage on screen stays: the pass goes on (or waits) behind it */
        a->follow = 0;
        worker_set_step(a->wk, !a->copy.run.step);
        if (a->copy.run.step)
            a->playing = 0;
        break;
    case SDLK_p:
        a->playing = !a->playing;
        if (a->playing && !a->copy.run.step && a->copy.run.running)
            worker_set_step(a->wk, 1);
        a->next_play = net_now_ms() + a->pace_ms;
        break;
    case SDLK_COMMA:
        if (st->kind == VIEW_COMPUTE && st->slide > 0)
            a->slide_ms = fmin(2000, a->slide_ms * 1.5);
        else
            a->pace_ms = clamp_int(a->pace_ms * 3 / 2, 100, 5000);
        break;
    case SDLK_PERIOD:
        if (st->kind == VIEW_COMPUTE && st->slide > 0)
            a->slide_ms = fmax(5, a->slide_ms / 1.5);
        else
            a->pace_ms = clamp_int(a->pace_ms * 2 / 3, 100, 5000);
        break;
    case SDLK_r:
        /* at training time every run draws new masks */
        if (a->dropout)
            worker_set_dropout(a->wk, 1, ++a->drop_seed);
        request_rerun(a);
        break;
    case SDLK_c:
        st->contrast =
            st->contrast == VIEW_CONTRAST_STAGE ? VIEW_CONTRAST_MAP : VIEW_CONTRAST_STAGE;
        break;
    case SDLK_PLUS:
    case SDLK_EQUALS:
    case SDLK_KP_PLUS: a->scale = fmin(3.0, a->scale * 1.1); break;
    case SDLK_MINUS:
    case SDLK_KP_MINUS: a->scale = fmax(0.5, a->scale / 1.1); break;
    case SDLK_z: st->zoom = 1, st->pan_x = st->pan_y = 0; break;
    case SDLK_f:
    case SDLK_F11:
        if (SDL_SetWindowFullscreen(a->win, a->fullscreen ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP))
            report_once(a, 8, "SDL_SetWindowFullscreen", SDL_GetError());
        else
            a->fullscreen = !a->fullscreen;
        break;
    case SDLK_d:
        st->theme = st->theme == VIEW_THEME_DARK ? VIEW_THEME_LIGHT : VIEW_THEME_DARK;
        break;
    case SDLK_l:
        st->lang = st->lang == TEXT_EN ? TEXT_KO : TEXT_EN;
        set_title(a);
        break;
    case SDLK_PAGEDOWN: change_photo(a, 1); break;
    case SDLK_PAGEUP: change_photo(a, -1); break;
    case SDLK_s: save_auto(a); break;
    case SDLK_m: st->notes = !st->notes; break;
    case SDLK_o:
        /* dropout as at training time, or at test time again: the pass runs again */
        a->dropout = !a->dropout;
        worker_set_dropout(a->wk, a->dropout, a->dropout ? ++a->drop_seed : 0);
        request_rerun(a);
        break;
    case SDLK_h:
    case SDLK_SLASH: st->help = !st->help; break;
    default:
        if (k >= SDLK_1 && k <= SDLK_8)
            st->kind = (view_kind)(k - SDLK_1);
        else if (k >= SDLK_KP_1 && k <= SDLK_KP_8)
            st->kind = (view_kind)(k - SDLK_KP_1);
        else if (k == SDLK_0 || k == SDLK_KP_0)
            st->kind = VIEW_LESSON;
        else
            a->dirty = 0;
    }
    if (a->playing && !a->copy.run.step && !a->copy.run.running && a->st.stage >= a->sc.done - 1)
        a->playing = 0;
}

static void click(app *a, double x, double y)
{
    view_state *st = &a->st;
    view_hit h = view_screen_hit((view_rect){0, 0, a->w, a->h}, &a->sc, st, x, y);
    switch (h.kind) {
    case VIEW_HIT_TAB: st->kind = (view_kind)h.value; break;
    case VIEW_HIT_STAGE:
        st->stage = h.value;
        a->follow = 0;
        if (st->kind == VIEW_PIPELINE || st->kind == VIEW_FILTERS || st->kind == VIEW_PRED)
            st->kind = VIEW_GRID;
        break;
    case VIEW_HIT_MAP:
        st->channel = h.value;
        st->unit_x = st->unit_y = -1;
        st->kind = VIEW_ZOOM;
        break;
    case VIEW_HIT_UNIT: {
        int c, ux, uy;
        if (st->channel < 0 && view_shown_unit(&a->sc, st, &c, &ux, &uy))
            st->channel = c;
        st->unit_x = h.x, st->unit_y = h.y;
        break;
    }
    case VIEW_HIT_NONE: return;
    }
    a->dirty = 1;
}

/* The wheel zooms the grid around the pointer. */
static void wheel(app *a, double notches)
{
    view_state *st = &a->st;
    if (st->kind != VIEW_GRID || notches == 0)
        return;
    double z = fmin(40, fmax(1, st->zoom * pow(1.25, notches))), f = z / st->zoom;
    view_rect body = view_screen_body((view_rect){0, 0, a->w, a->h}, &a->sc, st);
    /* each tower's maps are centred in their half: zoom about that centre plus the pan */
    double cx = st->cursor_x < body.x + body.w / 2 ? body.x + body.w / 4 : body.x + body.w * 3 / 4;
    double cy = body.y + body.h / 2;
    st->pan_x = f * st->pan_x + (1 - f) * (st->cursor_x - cx);
    st->pan_y = f * st->pan_y + (1 - f) * (st->cursor_y - cy);
    st->zoom = z;
    if (z == 1)
        st->pan_x = st->pan_y = 0;
    a->dirty = 1;
}

static void handle(app *a, const SDL_Event *e)
{
    view_state *st = &a->st;
    if (e->type == a->ev_worker) {
        take(a);
        return;
    }
    switch (e->type) {
    case SDL_QUIT: a->quit = 1; break;
    case SDL_KEYDOWN: key(a, e->key.keysym.sym, e->key.keysym.mod); break;
    case SDL_MOUSEMOTION:
        st->cursor_x = e->motion.x, st->cursor_y = e->motion.y, st->cursor_in = 1;
        if (a->pressed &&
            (fabs(e->motion.x - a->press_x) > 4 || fabs(e->motion.y - a->press_y) > 4))
            a->dragging = 1;
        if (a->dragging && st->kind == VIEW_GRID && st->zoom > 1) {
            st->pan_x += e->motion.x - a->last_x;
            st->pan_y += e->motion.y - a->last_y;
        }
        a->last_x = e->motion.x, a->last_y = e->motion.y;
        if (st->kind == VIEW_GRID || st->kind == VIEW_ZOOM || st->kind == VIEW_LRN ||
            st->kind == VIEW_COMPUTE)
            a->dirty = 1;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT) {
            a->pressed = 1, a->dragging = 0;
            a->press_x = a->last_x = e->button.x, a->press_y = a->last_y = e->button.y;
        }
        break;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button == SDL_BUTTON_LEFT) {
            if (!a->dragging)
                click(a, e->button.x, e->button.y);
            a->pressed = a->dragging = 0;
        }
        break;
    case SDL_MOUSEWHEEL: wheel(a, e->wheel.y); break;
    case SDL_DROPFILE:
        if (e->drop.file) {
            request_photo(a, e->drop.file);
            SDL_free(e->drop.file);
        }
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_LEAVE)
            st->cursor_in = 0;
        a->dirty = 1;
        break;
    default: break;
    }
}

/* ---------------------------------------------------------------- scripts */

static const struct {
    const char *name;
    SDL_Keycode key;
} key_names[] = {
    {"left", SDLK_LEFT}, {"right", SDLK_RIGHT},   {"up", SDLK_UP},
    {"down", SDLK_DOWN}, {"space", SDLK_SPACE},   {"home", SDLK_HOME},
    {"end", SDLK_END},   {"pageup", SDLK_PAGEUP}, {"pagedown", SDLK_PAGEDOWN},
    {"tab", SDLK_TAB},   {"plus", SDLK_PLUS},     {"minus", SDLK_MINUS},
    {"f11", SDLK_F11},   {"esc", SDLK_ESCAPE},    {"question", SDLK_SLASH},
};

/* 1 when the net is built and the pass is finished or paused: a script may go on. */
static int settled(const app *a)
{
    const worker_copy *c = &a->copy;
    return (c->ready || c->run.failed) && a->pending == PEND_NONE &&
           !(c->run.running && !c->run.paused);
}

/* Runs one command; returns 0 when the script cannot go on. */
static int run_command(app *a, const play_cmd *c)
{
    view_state *st = &a->st;
    switch (c->op) {
    case PLAY_STEP: step_forward(a); break;
    case PLAY_BACK: step_back(a); break;
    case PLAY_WAIT: break;
    case PLAY_STAGE: {
        int i = net_table_find(&a->sc.table, c->arg);
        if (i < 0) {
            msg_printf(stderr, "alexviz: --play: no stage '%s' in this network\n", c->arg);
            return 0;
        }
        st->stage = i;
        a->follow = 0;
        break;
    }
    case PLAY_VIEW: st->kind = (view_kind)view_kind_find(c->arg); break;
    case PLAY_ZOOM:
        st->kind = VIEW_ZOOM;
        st->channel = clamp_int((int)c->num[0], 0, channel_count(a) - 1);
        break;
    case PLAY_CHANNEL: st->channel = clamp_int((int)c->num[0], 0, channel_count(a) - 1); break;
    case PLAY_UNIT: st->unit_x = (int)c->num[0], st->unit_y = (int)c->num[1]; break;
    case PLAY_SLIDE:
        st->slide = c->num[0] > 0 ? (int)c->num[0] : 0;
        a->sliding = 0;
        break;
    case PLAY_LESSON:
        st->kind = VIEW_LESSON;
        st->lesson = play_lesson(c->arg);
        break;
    case PLAY_PLAYGROUND:
        st->pg_on = play_playground(c->arg, st->pg);
        if (st->pg_on)
            st->kind = VIEW_COMPUTE;
        break;
    case PLAY_KEY: {
        SDL_Keycode k = 0;
        Uint16 mod = 0;
        for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
            if (!strcmp(c->arg, key_names[i].name))
                k = key_names[i].key;
        if (!k && strlen(c->arg) == 1) {
            char ch = c->arg[0];
            if (ch >= 'A' && ch <= 'Z') {
                ch = (char)(ch - 'A' + 'a');
                mod = KMOD_LSHIFT;
            }
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || strchr(",.=/-[]", ch))
                k = (SDL_Keycode)ch;
        }
        if (!k) {
            msg_printf(stderr, "alexviz: --play: unknown key '%s'\n", c->arg);
            return 0;
        }
        key(a, k, mod);
        break;
    }
    case PLAY_MOVE:
    case PLAY_CLICK:
        st->cursor_x = c->num[0], st->cursor_y = c->num[1], st->cursor_in = 1;
        if (c->op == PLAY_CLICK)
            click(a, c->num[0], c->num[1]);
        a->dirty = 1;
        break;
    case PLAY_WHEEL: wheel(a, c->num[0]); break;
    case PLAY_PHOTO: request_photo(a, c->arg); break;
    case PLAY_DROP: {
        /* through SDL's queue, so the script tests the path a real drop takes */
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_DROPFILE;
        e.drop.file = SDL_strdup(c->arg);
        e.drop.windowID = SDL_GetWindowID(a->win);
        if (!e.drop.file || SDL_PushEvent(&e) != 1) {
            SDL_free(e.drop.file);
            msg_printf(stderr, "alexviz: --play: cannot post the drop of %s: %s\n", c->arg,
                       SDL_GetError());
            return 0;
        }
        /* the event is handled on the next turn; wait for the photo it asks for */
        a->pending = PEND_PASS;
        a->pending_gen = a->copy.gen;
        a->pending_err = a->copy.error_seq;
        break;
    }
    case PLAY_THEME:
        st->theme = !strcmp(c->arg, "light") ? VIEW_THEME_LIGHT : VIEW_THEME_DARK;
        break;
    case PLAY_LANG:
        st->lang = text_lang_from(c->arg);
        set_title(a);
        break;
    case PLAY_CONTRAST:
        st->contrast = !strcmp(c->arg, "map") ? VIEW_CONTRAST_MAP : VIEW_CONTRAST_STAGE;
        break;
    case PLAY_SCALE: a->scale = fmin(3, fmax(0.5, c->num[0])); break;
    case PLAY_SIZE: SDL_SetWindowSize(a->win, (int)c->num[0], (int)c->num[1]); break;
    case PLAY_SLEEP: a->sleep_until = net_now_ms() + c->num[0]; break;
    case PLAY_SHOT: save_shot(a, c->arg, 0, a->o->force, 0); break;
    case PLAY_VIEWSHOT: save_shot(a, c->arg, 1, a->o->force, 0); break;
    case PLAY_STATS:
        printf("first_frame_ms=%.1f frames=%ld frame_ms_mean=%.2f frame_ms_max=%.2f "
               "pass_frames=%ld pass_frame_ms_max=%.2f pass_ms=%.1f\n",
               a->first_frame_ms, a->frames, a->frames ? a->frame_sum / a->frames : 0.0,
               a->frame_max, a->pass_frames, a->pass_frame_max, a->copy.pass_ms);
        fflush(stdout);
        break;
    case PLAY_STATUS: {
        char text[2048];
        view_screen_status(&a->sc, &a->st, text, sizeof text);
        printf("stage=%s view=%s status=%s\n",
               a->sc.table.count
                   ? a->sc.table.s[clamp_int(a->st.stage, 0, a->sc.table.count - 1)].name
                   : "-",
               view_kind_name(a->st.kind), text);
        fflush(stdout);
        break;
    }
    case PLAY_QUIT: a->quit = 1; break;
    }
    a->dirty = 1;
    return 1;
}

static void script_tick(app *a)
{
    play_script *s = a->script;
    if (!s || s->next >= s->count || a->quit)
        return;
    double now = net_now_ms();
    if (now < a->sleep_until)
        return;
    if (!settled(a)) {
        if (now - a->wait_since > SCRIPT_WATCHDOG_MS) {
            msg_printf(stderr,
                       "alexviz: --play: the network did not settle within %.0f s before "
                       "command %d\n",
                       SCRIPT_WATCHDOG_MS / 1000, s->next + 1);
            a->quit = 1, a->status = 1;
        }
        return;
    }
    /* a window size change must reach the surface before the next screenshot */
    if (a->dirty)
        draw(a);
    if (!run_command(a, &s->cmds[s->next++])) {
        a->quit = 1, a->status = 1;
        return;
    }
    a->wait_since = net_now_ms();
}

/* ---------------------------------------------------------------- the loop */

static void play_tick(app *a)
{
    if (!a->playing || net_now_ms() < a->next_play)
        return;
    a->next_play = net_now_ms() + a->pace_ms;
    if (a->st.stage < a->sc.done - 1 || (a->copy.run.step && a->copy.run.paused))
        step_forward(a);
    else if (!a->copy.run.running)
        a->playing = 0;
    a->sc.playing = a->playing;
    a->sc.play_ms = a->pace_ms;
    a->dirty = 1;
}

/* The sliding window's next position, at slide_ms each; it stops at the map's last unit. */
static void slide_tick(app *a)
{
    if (!a->sliding || net_now_ms() < a->next_slide)
        return;
    a->next_slide = net_now_ms() + a->slide_ms;
    int w, total = view_slide_positions(&a->sc, &a->st, &w);
    if (a->st.kind != VIEW_COMPUTE || !total || a->st.slide >= total) {
        a->sliding = 0;
        return;
    }
    a->st.slide++;
    a->dirty = 1;
}

static int wait_ms(const app *a)
{
    double now = net_now_ms(), t = 250;
    if (a->dirty)
        t = a->last_frame + FRAME_MS - now;
    if (a->script && a->script->next < a->script->count)
        t = 5;
    if (a->playing)
        t = fmin(t, a->next_play - now);
    if (a->sliding)
        t = fmin(t, a->next_slide - now);
    if (a->sc.message[0])
        t = fmin(t, a->message_until - now);
    return t < 1 ? 1 : (int)t;
}

static void no_display(const char *why)
{
    msg_printf(stderr,
               "alexviz: no display to open a window on (%s); `alexviz trace IMAGE` prints "
               "every stage and `alexviz export IMAGE -o DIR` writes the pictures without "
               "one\n",
               why);
}

static int open_window(app *a)
{
    const window_opts *o = a->o;
    const char *want = getenv("SDL_VIDEODRIVER");
    /* without X11 or Wayland, SDL would fall back to an invisible offscreen window (and
     * libwayland would complain on stderr); say what is wrong instead */
    if (!(want && *want) && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY")) {
        no_display(N_("neither DISPLAY nor WAYLAND_DISPLAY is set"));
        return 0;
    }
    /* only the display system that is there, so a dead one fails with one clear line */
    if (!(want && *want))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, getenv("DISPLAY")
                                              ? (getenv("WAYLAND_DISPLAY") ? "wayland,x11" : "x11")
                                              : "wayland");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS)) {
        no_display(SDL_GetError());
        return 0;
    }
    const char *drv = SDL_GetCurrentVideoDriver();
    if (drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy")) &&
        !(want && !strcmp(want, drv))) {
        no_display(N_("SDL found only its offscreen driver"));
        return 0;
    }
    int w = o->width, h = o->height;
    if (!w || !h) {
        SDL_Rect b;
        if (SDL_GetDisplayUsableBounds(0, &b) == 0 && b.w > 0 && b.h > 0) {
            w = b.w * 9 / 10, h = b.h * 9 / 10;
            if (w > 1920)
                w = 1920;
            if (h > 1080)
                h = 1080;
        }
        if (w < 1024 || h < 640)
            w = 1280, h = 720;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | (o->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    a->win =
        SDL_CreateWindow("alexviz", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!a->win) {
        no_display(SDL_GetError());
        return 0;
    }
    a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        msg_printf(stderr, "alexviz: cannot draw into the window: %s\n", SDL_GetError());
        return 0;
    }
    a->ev_worker = SDL_RegisterEvents(1);
    if (a->ev_worker == (Uint32)-1) {
        msg_printf(stderr, "alexviz: no SDL event left for the worker: %s\n", SDL_GetError());
        return 0;
    }
    SDL_EventState(SDL_DROPFILE, SDL_ENABLE);
    return 1;
}

int window_run(const window_opts *o)
{
    app *a = calloc(1, sizeof *a);
    if (!a) {
        msg_printf(stderr, "alexviz: out of memory\n");
        return 1;
    }
    a->o = o;
    a->scale = o->scale > 0 ? o->scale : 1;
    a->pace_ms = o->pace_ms > 0 ? o->pace_ms : 800;
    a->fullscreen = o->fullscreen;
    a->script = o->script;
    a->follow = 1;
    a->slide_ms = 60;
    int status = 1;
    if (!open_window(a))
        goto out;

    /* the table is known before the net: the first frame shows the whole pipeline */
    if (!view_scene_init(&a->sc)) {
        msg_printf(stderr, "alexviz: out of memory\n");
        goto out;
    }
    net_table_build(&o->opts.cfg, &a->sc.table, NULL);
    a->sc.input_size = o->opts.cfg.input_size;
    a->copy.run.loading = 1; /* until the worker has built the net */
    a->sc.run = &a->copy.run;
    view_state_default(&a->st, &a->sc);
    a->st.kind = o->first_view;
    if (o->playground[0]) {
        a->st.kind = VIEW_COMPUTE, a->st.pg_on = 1;
        memcpy(a->st.pg, o->playground, sizeof a->st.pg);
    }
    a->st.theme = o->theme;
    a->st.lang = text_lang_from(o->opts.lang);
    a->st.notes = o->opts.notes;
    set_title(a);
    draw(a);

    /* photos: the command line's, then the bundled ones */
    a->n_bundled = cli_bundled_photos(&a->bundled);
    a->n_photos = o->n_photos + a->n_bundled;
    a->photos = calloc((size_t)a->n_photos + 1, sizeof *a->photos);
    if (!a->photos) {
        msg_printf(stderr, "alexviz: out of memory\n");
        goto out;
    }
    for (int i = 0; i < o->n_photos; i++)
        a->photos[i] = o->photos[i];
    for (int i = 0; i < a->n_bundled; i++)
        a->photos[o->n_photos + i] = a->bundled[i];

    a->wk = worker_start(&o->opts, notify, a);
    if (!a->wk) {
        msg_printf(stderr, "alexviz: cannot start the worker thread\n");
        goto out;
    }
    if (o->step)
        worker_set_step(a->wk, 1);
    if (a->n_photos)
        request_photo(a, a->photos[0]);
    a->wait_since = net_now_ms();
    while (!a->quit) {
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait_ms(a))) {
            handle(a, &e);
            while (!a->quit && SDL_PollEvent(&e))
                handle(a, &e);
        }
        take(a);
        if (a->sc.message[0] && net_now_ms() >= a->message_until) {
            a->sc.message[0] = 0;
            a->dirty = 1;
        }
        play_tick(a);
        slide_tick(a);
        tencrop_tick(a, 0);
        a->sc.playing = a->playing;
        a->sc.play_ms = a->pace_ms;
        script_tick(a);
        if (a->dirty && !a->quit && net_now_ms() >= a->last_frame + FRAME_MS)
            draw(a);
        if (a->copy.run.failed && a->script)
            a->quit = 1; /* a script cannot go on without a net */
    }
    status = a->status;
out:
    worker_stop(a->wk);
    worker_copy_free(&a->copy);
    view_scene_release(&a->sc);
    free(a->photos);
    cli_free_list(a->bundled, a->n_bundled);
    if (a->cr)
        cairo_destroy(a->cr);
    if (a->surf)
        cairo_surface_destroy(a->surf);
    if (a->tex)
        SDL_DestroyTexture(a->tex);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->win)
        SDL_DestroyWindow(a->win);
    SDL_Quit();
    free(a);
    return status;
}
