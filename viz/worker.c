/* worker.c: the forward pass on its own thread, handed to the window one stage at a time.
 *
 * Two sides share one struct under one mutex. The worker side owns the net. The net keeps every
 * stage's output until its next pass, so nothing needs copying: after each stage the hook
 * records where the output is and moves `published` on under the mutex, and the main side,
 * having learnt in worker_take (under the mutex) how many stages are published, reads them in
 * place. Within a pass the net never writes a finished stage again. Before the next pass the
 * worker asks the main side to let go of the last one (`want_pass`) and waits until it has
 * (`main_reading` back to 0, in its next worker_take): so neither thread ever reads memory the
 * other may be writing, every handoff goes through the mutex (what `make tsan` checks), and
 * streaming costs the pass one lock and one event per stage. (An earlier version copied every
 * stage into a snapshot in the hook: 1.4 ms of a 27 ms pass, more than the 5 % allowed.)
 *
 * Step-through is a counter: `allowed` is how many stages of this pass may be computed; the
 * hook waits on the condition variable while the next stage is not allowed. A request (new
 * photo, re-run, quit) raises `cancel`, which the hook sees at the end of the stage it is in.
 */
#include "worker.h"

#include "dropout.h"
#include "text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { REQ_NONE, REQ_PHOTO, REQ_RERUN, REQ_TENCROP };

struct worker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    void (*notify)(void *ctx);
    void *ctx;
    cli_opts opts;

    /* requests, main → worker (under mu) */
    int quit, cancel, req, allowed;
    int req_keep; /* in step-through, the stages a requested pass runs before pausing */
    int keep;     /* the same for the pass being run */
    char req_path[4096];
    int req_drop; /* the next passes drop as at training time, with req_seed's masks */
    uint64_t req_seed;

    /* the snapshot, worker → main (under mu) */
    int ready;
    int untrained;
    net_config cfg;
    char weights_path[4096];
    net_table table;
    float *conv1_w;                                                /* (96, 3, 11, 11) */
    const float *weights[NET_MAX_STAGES], *biases[NET_MAX_STAGES]; /* in net */
    size_t conv1_n;
    unsigned gen;
    int published;                    /* stages [0, published) of pass `gen` are at out[i] */
    const float *out[NET_MAX_STAGES]; /* the net's own outputs, borrowed */
    int main_reading;                 /* the main side may be reading pass `gen`'s outputs */
    int want_pass;                    /* the worker waits to start a pass over them */
    double ms[NET_MAX_STAGES];
    int photo_pending;        /* photo_data/photo_rgb wait for worker_take */
    float *photo_data;        /* (3, S, S) */
    unsigned char *photo_rgb; /* (S, S, 3) */
    char photo_path[4096];
    view_run run;   /* failed, step, running, paused (loading: !ready && !failed) */
    int was_paused; /* this pass paused at least once (its time is not the net's) */
    double pass_ms;
    net_err error;
    unsigned error_seq;
    int drop_on;       /* pass `gen` drops as at training time: drop is its summary */
    view_dropout drop; /* its out and mask point into the net, like out[] */
    view_tencrop tc;   /* the ten patches of the current photo; its square is tc_square */
    unsigned char *tc_square;
    unsigned tc_seq; /* changes whenever tc does */

    /* the worker's own (no lock: only its thread touches them) */
    net *net;
    net_preproc pp;
    net_input input;
    int has_input;
    view_dropout drop_rows; /* the rows dropout_rows made for the pass being run */
};

static void notify(worker *w)
{
    if (w->notify)
        w->notify(w->ctx);
}

static void set_error(worker *w, const net_err *err)
{
    pthread_mutex_lock(&w->mu);
    w->error = *err;
    w->error_seq++;
    pthread_mutex_unlock(&w->mu);
    notify(w);
}

/* Waits while step-through holds stage `next` back; returns 1 if the pass must stop. */
static int wait_for_turn(worker *w, int next)
{
    pthread_mutex_lock(&w->mu);
    if (w->run.step && w->allowed <= next && !w->cancel) {
        w->run.paused = 1;
        w->was_paused = 1;
        pthread_mutex_unlock(&w->mu);
        notify(w);
        pthread_mutex_lock(&w->mu);
        while (w->run.step && w->allowed <= next && !w->cancel)
            pthread_cond_wait(&w->cv, &w->mu);
        w->run.paused = 0;
    }
    int stop = w->cancel;
    pthread_mutex_unlock(&w->mu);
    return stop;
}

static int hook(const net_event *ev, void *user)
{
    worker *w = user;
    pthread_mutex_lock(&w->mu);
    int stop = w->cancel;
    if (!stop) {
        w->out[ev->index] = ev->out;
        w->ms[ev->index] = ev->ms;
        w->published = ev->index + 1;
        for (int k = 0; w->drop_on && k < 2; k++)
            if (ev->index == w->drop.stage[k]) {
                w->drop.out[k] = ev->out;
                w->drop.mask[k] = net_dropout_mask(w->net, ev->index);
            }
    }
    pthread_mutex_unlock(&w->mu);
    if (stop)
        return 1;
    notify(w);
    return ev->index + 1 < ev->count ? wait_for_turn(w, ev->index + 1) : 0;
}

/* Builds the net and publishes its table and conv1's weights. */
static int build(worker *w)
{
    cli_net made;
    cli_make_net(&w->opts, &made);
    w->net = made.net;
    w->pp = made.pp;
    pthread_mutex_lock(&w->mu);
    if (!w->net) {
        w->run.failed = 1;
        /* the one line cli_make_net printed: the weights file and what is wrong with it */
        net_fail(&w->error, NET_ERR_FORMAT, "%s", cli_last_error());
        w->error_seq++;
        pthread_mutex_unlock(&w->mu);
        return 0;
    }
    w->table.count = net_stage_count(w->net);
    w->untrained = net_is_untrained(w->net);
    w->cfg = *net_get_config(w->net);
    snprintf(w->weights_path, sizeof w->weights_path, "%s", made.weights_path);
    for (int i = 0; i < w->table.count; i++)
        w->table.s[i] = *net_stage_at(w->net, i);
    w->conv1_n = (size_t)w->table.s[0].n_w;
    w->conv1_w = malloc(sizeof(float) * (w->conv1_n ? w->conv1_n : 1));
    if (!w->conv1_w) {
        w->run.failed = 1;
        net_fail(&w->error, NET_ERR_NOMEM, "out of memory for the window's copies");
        w->error_seq++;
        pthread_mutex_unlock(&w->mu);
        return 0;
    }
    if (w->conv1_n)
        memcpy(w->conv1_w, net_weights(w->net, 0), sizeof(float) * w->conv1_n);
    for (int i = 0; i < w->table.count; i++) {
        w->weights[i] = net_weights(w->net, i);
        w->biases[i] = net_biases(w->net, i);
    }
    w->ready = 1;
    pthread_mutex_unlock(&w->mu);
    return 1;
}

/* Loads path as the new input and hands a copy to the main side. */
static int load_photo(worker *w, const char *path)
{
    net_input in;
    net_err err = {0};
    if (net_input_load(&in, path, w->cfg.input_size, &w->pp, &err) != NET_OK) {
        if (!err.msg[0])
            net_fail(&err, NET_ERR_IO, "%s: cannot be read", path);
        set_error(w, &err);
        return 0;
    }
    size_t S = (size_t)w->cfg.input_size;
    float *data = malloc(sizeof(float) * 3 * S * S);
    unsigned char *rgb = malloc(3 * S * S);
    if (!data || !rgb) {
        free(data);
        free(rgb);
        net_input_free(&in);
        net_err nomem;
        net_fail(&nomem, NET_ERR_NOMEM, "out of memory for the photo");
        set_error(w, &nomem);
        return 0;
    }
    memcpy(data, in.data, sizeof(float) * 3 * S * S);
    if (in.rgb)
        memcpy(rgb, in.rgb, 3 * S * S);
    else
        memset(rgb, 0, 3 * S * S);
    if (w->has_input)
        net_input_free(&w->input);
    w->input = in;
    w->has_input = 1;
    pthread_mutex_lock(&w->mu);
    free(w->photo_data);
    free(w->photo_rgb);
    w->photo_data = data, w->photo_rgb = rgb;
    w->photo_pending = 1;
    text_copy(w->photo_path, sizeof w->photo_path, path);
    pthread_mutex_unlock(&w->mu);
    return 1;
}

/* Waits until the main side has let go of the last pass's outputs, which the next passes
 * overwrite, and starts a new pass (gen) with nothing published; 0 when the worker is quitting.
 * Called with mu held; returns with it held. */
static int let_go(worker *w)
{
    if (w->main_reading) {
        w->want_pass = 1;
        pthread_mutex_unlock(&w->mu);
        notify(w);
        pthread_mutex_lock(&w->mu);
        while (w->main_reading && !w->quit)
            pthread_cond_wait(&w->cv, &w->mu);
        w->want_pass = 0;
    }
    if (w->quit)
        return 0;
    w->gen++;
    w->published = 0;
    return 1;
}

static void run_pass(worker *w)
{
    pthread_mutex_lock(&w->mu);
    if (!let_go(w)) {
        pthread_mutex_unlock(&w->mu);
        return;
    }
    w->run.running = 1;
    w->allowed = w->keep;
    w->was_paused = 0;
    int drop = w->req_drop;
    uint64_t seed = w->req_seed;
    w->drop_on = 0;
    pthread_mutex_unlock(&w->mu);
    notify(w);
    net_err err = {0};
    net_status st = NET_ERR_CANCELLED;
    double t0 = 0, t1 = 0;
    /* dropout at training time: the passes its page compares come first, unseen */
    if (drop && !dropout_rows(w->net, w->input.data, seed, &w->drop_rows, &err)) {
        set_error(w, &err);
        drop = 0;
    }
    if (!drop)
        net_set_dropout(w->net, 0, 0);
    pthread_mutex_lock(&w->mu);
    w->drop_on = drop;
    if (drop)
        w->drop = w->drop_rows;
    pthread_mutex_unlock(&w->mu);
    if (!wait_for_turn(w, 0)) {
        t0 = net_now_ms();
        st = net_forward(w->net, w->input.data, hook, w, &err);
        t1 = net_now_ms();
        if (st != NET_OK && st != NET_ERR_CANCELLED)
            set_error(w, &err);
    }
    pthread_mutex_lock(&w->mu);
    w->run.running = 0;
    if (st == NET_OK && !w->was_paused)
        w->pass_ms = t1 - t0;
    if (st == NET_OK && drop)
        dropout_shown(w->net, &w->drop);
    pthread_mutex_unlock(&w->mu);
    notify(w);
}

/* After each of the ten passes: how far, and whether to stop. */
static int tc_progress(int done, void *user)
{
    worker *w = user;
    pthread_mutex_lock(&w->mu);
    w->tc.done = done;
    w->tc_seq++;
    int stop = w->cancel;
    pthread_mutex_unlock(&w->mu);
    notify(w);
    return stop;
}

/* The ten patches of the current photo (a pass of their own over the net's outputs), then the
 * photo's own pass again, run through, for the other views. */
static void run_tencrop(worker *w)
{
    char path[4096];
    pthread_mutex_lock(&w->mu);
    if (!let_go(w)) {
        pthread_mutex_unlock(&w->mu);
        return;
    }
    memset(&w->tc, 0, sizeof w->tc);
    w->tc.state = w->input.is_npy ? VIEW_TC_NOPHOTO : VIEW_TC_RUNNING;
    w->tc_seq++;
    w->run.running = 1;
    text_copy(path, sizeof path, w->photo_path);
    if (!w->tc_square)
        w->tc_square = malloc((size_t)VIEW_TC_SIDE * VIEW_TC_SIDE * 3);
    int go = w->tc.state == VIEW_TC_RUNNING && w->tc_square;
    pthread_mutex_unlock(&w->mu);
    notify(w);
    net_input sq = {0};
    net_err err = {0};
    view_tencrop t = {0};
    if (go && net_input_load(&sq, path, VIEW_TC_SIDE, &w->pp, &err) != NET_OK) {
        set_error(w, &err);
        go = 0;
    }
    if (go) {
        pthread_mutex_lock(&w->mu);
        memcpy(w->tc_square, sq.rgb, (size_t)VIEW_TC_SIDE * VIEW_TC_SIDE * 3);
        w->tc.square = w->tc_square;
        w->tc_seq++;
        pthread_mutex_unlock(&w->mu);
        if (!tencrop_run(w->net, sq.rgb, &w->pp, &t, tc_progress, w, &err))
            set_error(w, &err);
    }
    net_input_free(&sq);
    pthread_mutex_lock(&w->mu);
    if (go) {
        w->tc = t;
        w->tc.square = w->tc_square;
    } else if (w->tc.state == VIEW_TC_RUNNING) {
        w->tc.state = VIEW_TC_NONE;
    }
    w->tc_seq++;
    w->run.running = 0;
    if (w->req == REQ_NONE)
        w->cancel = 0; /* a stop ends the patches, not the pass that follows */
    w->keep = w->table.count;
    pthread_mutex_unlock(&w->mu);
    notify(w);
    run_pass(w);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    int ok = build(w);
    notify(w);
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (!w->quit && w->req == REQ_NONE)
            pthread_cond_wait(&w->cv, &w->mu);
        int req = w->req, quit = w->quit;
        char path[4096];
        text_copy(path, sizeof path, w->req_path);
        w->req = REQ_NONE;
        w->keep = w->req_keep;
        w->cancel = 0;
        pthread_mutex_unlock(&w->mu);
        if (quit)
            break;
        if (!ok)
            continue;
        if (req == REQ_PHOTO && !load_photo(w, path))
            continue;
        if (req == REQ_TENCROP && w->has_input)
            run_tencrop(w);
        else if (w->has_input)
            run_pass(w);
    }
    if (w->has_input)
        net_input_free(&w->input);
    net_free(w->net);
    return NULL;
}

worker *worker_start(const cli_opts *o, void (*fn)(void *ctx), void *ctx)
{
    worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->opts = *o;
    w->notify = fn, w->ctx = ctx;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    if (pthread_create(&w->thread, NULL, worker_main, w)) {
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->mu);
        free(w);
        return NULL;
    }
    return w;
}

void worker_stop(worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->quit = 1;
    w->cancel = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
    free(w->conv1_w);
    free(w->tc_square);
    free(w->photo_data);
    free(w->photo_rgb);
    free(w);
}

static void request(worker *w, int req, const char *path, int keep)
{
    pthread_mutex_lock(&w->mu);
    w->req = req;
    w->req_keep = keep > 0 ? keep : 0;
    if (path)
        text_copy(w->req_path, sizeof w->req_path, path);
    w->cancel = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

void worker_request_photo(worker *w, const char *path, int keep)
{
    request(w, REQ_PHOTO, path, keep);
}
void worker_request_rerun(worker *w) { request(w, REQ_RERUN, NULL, 0); }

void worker_request_tencrop(worker *w) { request(w, REQ_TENCROP, NULL, 0); }

void worker_stop_tencrop(worker *w)
{
    pthread_mutex_lock(&w->mu);
    if (w->tc.state == VIEW_TC_RUNNING)
        w->cancel = 1;
    pthread_mutex_unlock(&w->mu);
}

void worker_set_dropout(worker *w, int on, uint64_t seed)
{
    pthread_mutex_lock(&w->mu);
    w->req_drop = on, w->req_seed = seed;
    pthread_mutex_unlock(&w->mu);
}

void worker_set_step(worker *w, int on)
{
    pthread_mutex_lock(&w->mu);
    w->run.step = on;
    /* turning it on mid-pass lets the stage being computed finish, then pauses */
    w->allowed = w->published + (w->run.running ? 1 : 0);
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    notify(w);
}

void worker_advance(worker *w)
{
    pthread_mutex_lock(&w->mu);
    if (w->run.step && w->allowed <= w->published)
        w->allowed = w->published + 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

int worker_take(worker *w, worker_copy *c)
{
    int changed = 0;
    pthread_mutex_lock(&w->mu);
    if ((w->ready && !c->ready) || (w->run.failed && !c->run.failed)) {
        c->ready = w->ready, c->run.failed = w->run.failed;
        c->table.count = w->table.count;
        memcpy(c->table.s, w->table.s, sizeof c->table.s);
        c->untrained = w->untrained;
        c->cfg = w->cfg;
        c->pp = w->pp;
        memcpy(c->weights_path, w->weights_path, sizeof c->weights_path);
        if (w->ready) {
            memcpy(c->weights, w->weights, sizeof c->weights);
            memcpy(c->biases, w->biases, sizeof c->biases);
            c->conv1_w = malloc(sizeof(float) * (w->conv1_n ? w->conv1_n : 1));
            if (c->conv1_w)
                memcpy(c->conv1_w, w->conv1_w, sizeof(float) * w->conv1_n);
            if (!c->conv1_w) {
                c->ready = 0, c->run.failed = 1;
                net_fail(&c->error, NET_ERR_NOMEM, "out of memory for the window's copies");
            }
        }
        changed |= WORKER_READY;
    }
    if (w->photo_pending) {
        free(c->input.data);
        free(c->input.rgb);
        memset(&c->input, 0, sizeof c->input);
        c->input.data = w->photo_data, c->input.rgb = w->photo_rgb;
        c->input.size = w->cfg.input_size;
        w->photo_data = NULL, w->photo_rgb = NULL;
        w->photo_pending = 0;
        text_copy(c->photo_path, sizeof c->photo_path, w->photo_path);
        changed |= WORKER_PHOTO;
    }
    if (w->want_pass && w->main_reading) {
        /* the worker is about to overwrite the last pass: stop reading it (the caller sees
         * done = 0 and must drop its pointers) */
        c->done = 0;
        memset(c->out, 0, sizeof c->out);
        w->main_reading = 0;
        pthread_cond_broadcast(&w->cv);
        changed |= WORKER_PASS;
    }
    if (w->gen != c->gen) {
        c->gen = w->gen;
        c->done = 0;
        memset(c->out, 0, sizeof c->out);
        changed |= WORKER_PASS;
    }
    if (w->gen && !w->want_pass)
        w->main_reading = 1;
    /* only while the main side holds the pass: just after it let go of the last one, the
     * stages still published are that pass's, about to be overwritten */
    if (w->main_reading && w->published > c->done) {
        memcpy(c->out, w->out, sizeof(c->out[0]) * (size_t)w->published);
        memcpy(c->ms, w->ms, sizeof c->ms);
        c->done = w->published;
        changed |= WORKER_STAGES;
    }
    c->pass_ms = w->pass_ms;
    if (c->tc_seq != w->tc_seq) {
        c->tc_seq = w->tc_seq;
        c->tc = w->tc;
        c->tc.square = NULL;
        if (w->tc.square && !c->tc_square)
            c->tc_square = malloc((size_t)VIEW_TC_SIDE * VIEW_TC_SIDE * 3);
        if (w->tc.square && c->tc_square) {
            memcpy(c->tc_square, w->tc_square, (size_t)VIEW_TC_SIDE * VIEW_TC_SIDE * 3);
            c->tc.square = c->tc_square;
        }
        changed |= WORKER_TENCROP;
    }
    /* dropout's summary goes with the pass: its pointers are read only below c->done */
    if (w->gen == c->gen) {
        c->drop_on = w->drop_on;
        c->drop = w->drop;
    }
    int loading = !c->ready && !c->run.failed;
    if (c->run.running != w->run.running || c->run.paused != w->run.paused ||
        c->run.step != w->run.step || c->run.loading != loading) {
        c->run.running = w->run.running, c->run.paused = w->run.paused, c->run.step = w->run.step;
        c->run.loading = loading;
        changed |= WORKER_STATUS;
    }
    if (c->error_seq != w->error_seq) {
        c->error_seq = w->error_seq;
        c->error = w->error;
        changed |= WORKER_ERROR;
    }
    pthread_mutex_unlock(&w->mu);
    return changed;
}

void worker_copy_free(worker_copy *c)
{
    if (!c)
        return;
    free(c->conv1_w);
    free(c->tc_square);
    free(c->input.data);
    free(c->input.rgb);
    memset(c, 0, sizeof *c);
}
