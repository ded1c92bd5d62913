/* test_worker.c: the window's worker thread: it streams stages, steps, re-runs, refuses a bad
 * photo without losing the last pass, and stops cleanly (make tsan checks the handoff). */
#include "fixture.h"
#include "test.h"
#include "tmp.h"
#include "worker.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int events;
} waker;

static void wake(void *ctx)
{
    waker *k = ctx;
    pthread_mutex_lock(&k->mu);
    k->events++;
    pthread_cond_broadcast(&k->cv);
    pthread_mutex_unlock(&k->mu);
}

/* Takes from the worker until cond holds (or 120 s pass, for the sanitizer builds). */
#define TAKE_UNTIL(w, c, k, cond)                             \
    do {                                                      \
        time_t t0_ = time(NULL);                              \
        worker_take(w, c);                                    \
        while (!(cond) && time(NULL) - t0_ < 120) {           \
            struct timespec ts_;                              \
            clock_gettime(CLOCK_REALTIME, &ts_);              \
            ts_.tv_nsec += 20 * 1000000;                      \
            if (ts_.tv_nsec >= 1000000000)                    \
                ts_.tv_sec++, ts_.tv_nsec -= 1000000000;      \
            pthread_mutex_lock(&(k)->mu);                     \
            pthread_cond_timedwait(&(k)->cv, &(k)->mu, &ts_); \
            pthread_mutex_unlock(&(k)->mu);                   \
            worker_take(w, c);                                \
        }                                                     \
    } while (0)

TEST(worker_streams_steps_reruns_and_stops)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    char dir[512], png[600], bad[600];
    CHECK(test_mkdir("worker", dir, sizeof dir));
    snprintf(png, sizeof png, "%s/card.png", dir);
    snprintf(bad, sizeof bad, "%s/none.png", dir);
    int S = f->sc.input_size;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, S, S);
    cairo_surface_flush(img);
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) {
            const unsigned char *p = f->rgb + ((size_t)y * S + x) * 3;
            ((uint32_t *)(cairo_image_surface_get_data(img) +
                          (size_t)y * cairo_image_surface_get_stride(img)))[x] =
                (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
        }
    cairo_surface_mark_dirty(img);
    CHECK(cairo_surface_write_to_png(img, png) == CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(img);

    waker k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
    cli_opts o;
    cli_opts_default(&o);
    worker *w = worker_start(&o, wake, &k);
    CHECK(w);
    worker_copy c;
    memset(&c, 0, sizeof c);
    worker_set_step(w, 1);
    worker_request_photo(w, png, 0);
    TAKE_UNTIL(w, &c, &k, c.ready && c.input.data && c.run.paused);
    CHECK(c.ready && c.run.paused && c.done == 0 && c.run.step);
    CHECK(strstr(c.photo_path, "card.png"));
    for (int i = 1; i <= 3; i++) {
        worker_advance(w);
        TAKE_UNTIL(w, &c, &k, c.done == i && c.run.paused);
        CHECK_EQ_INT(c.done, i);
    }
    /* the stages the window got are what the same net computes on the same input (the
     * fixture's net, put back to its own input afterwards) */
    CHECK(net_forward(f->n, c.input.data, NULL, NULL, NULL) == NET_OK);
    const net_stage *s0 = net_stage_at(f->n, 2);
    size_t n0 = (size_t)s0->out_c * s0->out_h * s0->out_w;
    float maxdiff = 0, top = 0;
    for (size_t j = 0; j < n0; j++) {
        maxdiff = fmaxf(maxdiff, fabsf(c.out[2][j] - net_output(f->n, 2)[j]));
        top = fmaxf(top, fabsf(net_output(f->n, 2)[j]));
    }
    CHECK(net_forward(f->n, f->input, NULL, NULL, NULL) == NET_OK);
    CHECKF(maxdiff <= 1e-4f * (1 + top), "norm1 differs by %g", maxdiff);
    /* step-through off: the pass runs to the end */
    worker_set_step(w, 0);
    TAKE_UNTIL(w, &c, &k, c.done == c.table.count && !c.run.running);
    CHECK_EQ_INT(c.done, c.table.count);
    unsigned gen = c.gen;
    /* a photo that cannot be read: a message, the old photo and pass stay */
    worker_request_photo(w, bad, 0);
    TAKE_UNTIL(w, &c, &k, c.error_seq > 0);
    CHECK(strstr(c.error.msg, "none.png"));
    CHECK(c.gen == gen && c.done == c.table.count);
    /* a re-run in step-through, cancelled half-way by stopping the worker */
    worker_set_step(w, 1);
    worker_request_rerun(w);
    TAKE_UNTIL(w, &c, &k, c.gen != gen && c.run.paused);
    CHECK(c.gen != gen && c.done == 0);
    worker_advance(w);
    worker_stop(w);
    worker_copy_free(&c);
    remove(png);
    rmdir(dir);
}

/* Dropout at training time through the worker: the pass shown drops with the seed's masks (drop6
 * is its input doubled where the mask keeps it, 0 elsewhere), its summary has the test-time row
 * (all kept), the shown row (what the mask kept) and the other masks' rows; a new seed draws
 * another mask; off again, drop6 is its input. */
TEST(worker_drops_as_at_training_time_on_request)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    waker k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
    cli_opts o;
    cli_opts_default(&o);
    worker *w = worker_start(&o, wake, &k);
    CHECK(w);
    worker_copy c;
    memset(&c, 0, sizeof c);
    worker_set_dropout(w, 1, 5);
    worker_request_photo(w, "assets/chelsea.png", 0);
    int last = f->sc.table.count;
    TAKE_UNTIL(w, &c, &k, c.ready && c.done == last && !c.run.running && c.drop.shown);
    CHECK(c.drop_on && c.drop.ready && c.drop.shown && c.drop.seed == 5);
    int d6 = net_table_find(&c.table, "drop6");
    CHECK(d6 > 0 && c.drop.stage[0] == d6 && c.drop.mask[0] && c.drop.out[0] == c.out[d6]);
    unsigned char first[4096];
    int exact = 1, kept = 0;
    for (int j = 0; d6 > 0 && c.drop.mask[0] && j < 4096; j++) {
        const float in = c.out[d6 - 1][j];
        exact &= c.out[d6][j] == (c.drop.mask[0][j] ? 2.0f * in : 0.0f);
        kept += c.drop.mask[0][j];
        first[j] = c.drop.mask[0][j];
    }
    CHECK(exact);
    CHECK_EQ_INT(c.drop.kept[1][0], kept);
    CHECK_EQ_INT(c.drop.kept[0][0], 4096);
    CHECK(c.drop.row_seed[2] == 6 && c.drop.kept[2][0] > 1800 && c.drop.kept[2][0] < 2300);
    int kept6 = c.drop.kept[2][0], top6 = c.drop.top[2][0];

    unsigned gen = c.gen;
    worker_set_dropout(w, 1, 6);
    worker_request_rerun(w);
    TAKE_UNTIL(w, &c, &k, c.gen != gen && c.done == last && !c.run.running && c.drop.shown);
    CHECK(c.drop_on && c.drop.seed == 6 && c.drop.mask[0]);
    CHECK(c.drop.mask[0] && memcmp(c.drop.mask[0], first, sizeof first) != 0);
    /* mask 6 shown is the one the first run listed as its row 2 */
    CHECK_EQ_INT(c.drop.kept[1][0], kept6);
    CHECK_EQ_INT(c.drop.top[1][0], top6);

    gen = c.gen;
    worker_set_dropout(w, 0, 0);
    worker_request_rerun(w);
    TAKE_UNTIL(w, &c, &k, c.gen != gen && c.done == last && !c.run.running);
    CHECK(!c.drop_on);
    CHECK(!memcmp(c.out[d6], c.out[d6 - 1], 4096 * sizeof(float)));
    worker_stop(w);
    worker_copy_free(&c);
}

/* The ten patches through the worker: the photo's square, each patch's top-1, the mean's top-5,
 * then the photo's own pass again, run through even in step-through; a stop asked at once ends
 * them early or finds them done, and the pass comes back either way. */
TEST(worker_runs_the_ten_patches_then_the_pass_again)
{
    scene_fixture *f = view_fixture();
    CHECK(f);
    waker k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
    cli_opts o;
    cli_opts_default(&o);
    worker *w = worker_start(&o, wake, &k);
    CHECK(w);
    worker_copy c;
    memset(&c, 0, sizeof c);
    worker_request_photo(w, "assets/chelsea.png", 0);
    int last = f->sc.table.count;
    TAKE_UNTIL(w, &c, &k, c.ready && c.done == last && !c.run.running);
    float prob[1000];
    memcpy(prob, c.out[last - 1], sizeof prob);
    worker_set_step(w, 1);
    worker_request_tencrop(w);
    TAKE_UNTIL(w, &c, &k, c.tc.state == VIEW_TC_DONE && c.done == last && !c.run.running);
    CHECK(c.tc.state == VIEW_TC_DONE && c.tc.done == NET_TEN_CROPS && c.tc.square);
    CHECK(c.tc.xy[4][0] == 14 && c.tc.xy[3][1] == 29 && c.tc.k == 5);
    CHECK(c.tc.top1_p[0] > 0 && c.tc.topv[0] >= c.tc.topv[4]);
    /* the pass that follows ran through and is the photo's as before */
    CHECK_EQ_INT(c.done, last);
    CHECK(c.done == last && !memcmp(c.out[last - 1], prob, sizeof prob));

    worker_request_tencrop(w);
    worker_stop_tencrop(w);
    TAKE_UNTIL(w, &c, &k,
               (c.tc.state == VIEW_TC_DONE || c.tc.state == VIEW_TC_STOPPED) && c.done == last &&
                   !c.run.running);
    CHECK(c.tc.state == VIEW_TC_DONE || c.tc.state == VIEW_TC_STOPPED);
    CHECK_EQ_INT(c.done, last);
    worker_stop(w);
    worker_copy_free(&c);
}
