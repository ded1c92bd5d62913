/* worker.h: the thread that owns the net and runs the forward pass for the window.
 *
 * The worker builds the net (seeding the weights takes most of a second, so the window opens
 * first), then waits for requests: load a photo and run, run again, step on. After every stage
 * its hook publishes the stage under the mutex and calls `notify` (the window pushes an SDL
 * event), and in step-through mode then waits on a condition variable until the user lets the
 * next stage run. Before a new pass it waits for the main side to let go of the last one, which
 * happens in the main side's next worker_take: call it whenever notify fires. A new request sets a cancel flag the hook checks, so a pass
 * is never killed, only told to stop at the next stage.
 *
 * The main thread never calls the net: worker_take tells it (in a worker_copy it owns) which
 * stages are ready, and the views read those outputs in place.
 */
#ifndef WORKER_H
#define WORKER_H

#include "cli.h"
#include "views.h"

#include <stddef.h>

typedef struct worker worker;

/* The main thread's copy of what the worker made. Filled and owned by worker_take. */
typedef struct {
    int ready;    /* the net is built: the fields below are valid */
    view_run run; /* loading, failed (error says why), step, running,
                                           paused */
    net_table table;
    int untrained;
    net_config cfg;                       /* the variant the net runs (its input size too) */
    net_preproc pp;                       /* how photos become its input */
    char weights_path[4096];              /* the ONNX file loaded, or "" for seeded weights */
    float *conv1_w;                       /* (96, 3, 11, 11), BGR */
    const float *weights[NET_MAX_STAGES]; /* every stage's weights and biases, in the worker's */
    const float *biases[NET_MAX_STAGES];  /* net: read-only once built, valid until worker_stop */
    /* the current pass */
    unsigned gen;                     /* changes with every new pass */
    int done;                         /* stages [0, done) are ready at out[i] */
    const float *out[NET_MAX_STAGES]; /* stage i's output (out_c, out_h, out_w) for i < done;
                                           borrowed from the worker's net: valid until a
                                           worker_take that reports WORKER_PASS (which sets
                                           done to 0), or worker_stop */
    double ms[NET_MAX_STAGES];        /* time each stage took */
    double pass_ms;                   /* wall time of the last pass that ran through without
                                           a pause, hooks included; 0 before one */
    int drop_on;                      /* the current pass drops as at training time */
    view_dropout drop; /* its summary: out and mask borrowed like out[], read below done */
    view_tencrop tc;   /* the ten patches of the photo; its square is tc_square, owned here */
    unsigned char *tc_square;
    unsigned tc_seq;
    /* the photo of the current pass */
    net_input input; /* data (3,S,S) and rgb (S,S,3); owned here */
    char photo_path[4096];
    net_err error;      /* the last error (a photo that could not be read):
                                           English, with what msg_err translates */
    unsigned error_seq; /* changes with every new error */
} worker_copy;

/* What worker_take found changed. */
enum {
    WORKER_READY = 1,   /* the net was built (or failed to be) */
    WORKER_PASS = 2,    /* a new pass started: done went back to 0 */
    WORKER_STAGES = 4,  /* new stages arrived */
    WORKER_PHOTO = 8,   /* a new photo */
    WORKER_STATUS = 16, /* running, paused or step changed */
    WORKER_ERROR = 32,  /* a new error message */
    WORKER_TENCROP = 64 /* the ten patches moved on */
};

/* Starts the thread; it builds the net from o and calls notify(ctx) from the worker thread
 * whenever there is something to take (notify must be thread-safe; it may be NULL). Returns
 * NULL when the thread cannot be started. */
worker *worker_start(const cli_opts *o, void (*notify)(void *ctx), void *ctx);
/* Cancels any pass, stops and joins the thread, frees everything. NULL is fine. */
void worker_stop(worker *w);

/* Load the photo at path (a copy is kept) and run a pass on it; in step-through the pass runs
 * its first `keep` stages before it pauses (where the last photo's pass had got to). A photo
 * that cannot be read becomes an error message; the previous photo and its pass stay. */
void worker_request_photo(worker *w, const char *path, int keep);
/* Run the current photo again from conv1. */
void worker_request_rerun(worker *w);
/* The paper's ten patches of the current photo, then its own pass again (run through): the
 * views' outputs are let go of meanwhile. worker_stop_tencrop stops the patches early. */
void worker_request_tencrop(worker *w);
void worker_stop_tencrop(worker *w);
/* Dropout as at training time (on) with seed's masks, or at test time, for the passes requested
 * from now on (request one to see it): the passes dropout_rows compares run first. */
void worker_set_dropout(worker *w, int on, uint64_t seed);
/* Step-through on or off: on, the pass pauses before the first stage and after every stage. */
void worker_set_step(worker *w, int on);
/* In step-through: compute the next stage. */
void worker_advance(worker *w);

/* Copies what changed since the last call into c (owned by the caller, zeroed before the first
 * call) and returns a mask of WORKER_* bits. */
int worker_take(worker *w, worker_copy *c);
/* Frees what worker_take allocated in c. */
void worker_copy_free(worker_copy *c);

#endif
