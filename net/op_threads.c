/* op_threads.c: the worker threads the fast paths share, and how OpenBLAS fits in.
 *
 * The idea: one parallel region at a time. op_parallel(fn, ctx) runs fn(ctx, part, parts) once
 * for every part on `parts` threads (the caller is part 0) and returns when all are done; each op
 * cuts its own work by part (op_range). The workers persist between calls: a pass makes about 25
 * such calls, each worth 0.05–2 ms, so starting threads per call would cost more than it saves.
 *
 * OpenBLAS is held at one thread. The convolutions and fc layers split their matrices across
 * these parts and each part makes its own single-threaded sgemm/sgemv call, so `threads` is the
 * number of busy cores whatever runs, never threads × OpenBLAS's threads. (Measured on 2 cores,
 * splitting ourselves is also faster: grouped layers run one group per core, with no
 * synchronisation inside OpenBLAS.)
 *
 * Handoff: a worker that has just finished polls the job counter for a while before it sleeps
 * on a condition variable, because the next region usually starts within microseconds and a
 * wake-up through the kernel costs tens of them; the caller waits for the workers the same way.
 * Each poll yields the core (sched_yield), so a polling thread never keeps one with work off a
 * busy machine or a hyperthread sibling; a pure spin would hand off in 0.2 µs instead of about
 * 3, but measured no faster over a whole pass. The counter is atomic; the job's fields are
 * written before it is bumped and read after it is seen, so TSan can check the handoff.
 *
 * A second thread calling op_parallel while a region runs (two nets at once) gets no workers: it
 * runs every part itself, serially. op_set_threads waits for a running region to finish.
 */
#include "ops.h"

#include <cblas.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#define OP_MAX_THREADS 64
/* Polls before sleeping: with a sched_yield each, about 0.1–0.5 ms. */
#define OP_POLLS 100

static struct {
    pthread_mutex_t mu; /* taken only to sleep or to wake a sleeper */
    pthread_cond_t wake, done;
    pthread_t tid[OP_MAX_THREADS];
    int workers;              /* threads started besides the caller */
    atomic_ulong job;         /* bumped once per region; workers run each value once */
    atomic_int running;       /* workers still inside the current region */
    atomic_int sleepers;      /* workers asleep on wake, or about to be */
    atomic_int caller_asleep; /* the caller is asleep on done, or about to be */
    atomic_int stop;
    op_part_fn fn; /* the current region, valid while running > 0 */
    void *ctx;
    int parts;
} pool = {.mu = PTHREAD_MUTEX_INITIALIZER,
          .wake = PTHREAD_COND_INITIALIZER,
          .done = PTHREAD_COND_INITIALIZER};

/* Held by whoever owns the workers: a region, or op_set_threads. */
static pthread_mutex_t owner = PTHREAD_MUTEX_INITIALIZER;

void op_range(int n, int part, int parts, int *begin, int *end)
{
    *begin = (int)((long long)n * part / parts);
    *end = (int)((long long)n * (part + 1) / parts);
}

/* Waits until the job counter moves past `seen` or stop is set; returns 0 on stop.
 *
 * Sleeping and waking skip the mutex when nobody sleeps: a worker announces itself in sleepers
 * before its last look at job, and the caller bumps job before it looks at sleepers, so (all
 * four being sequentially consistent) at least one of them sees the other. */
static int worker_wait(unsigned long seen)
{
    for (int i = 0; i < OP_POLLS && !atomic_load(&pool.stop); i++) {
        if (atomic_load(&pool.job) != seen)
            return 1;
        sched_yield();
    }
    pthread_mutex_lock(&pool.mu);
    atomic_fetch_add(&pool.sleepers, 1);
    while (atomic_load(&pool.job) == seen && !atomic_load(&pool.stop))
        pthread_cond_wait(&pool.wake, &pool.mu);
    atomic_fetch_sub(&pool.sleepers, 1);
    pthread_mutex_unlock(&pool.mu);
    return atomic_load(&pool.job) != seen;
}

typedef struct {
    int part;
    unsigned long seen; /* the job counter when the worker was started */
} worker_arg;

static worker_arg args[OP_MAX_THREADS];

static void *worker_main(void *p)
{
    const worker_arg *a = p;
    unsigned long seen = a->seen;
    while (worker_wait(seen)) {
        seen = atomic_load(&pool.job);
        pool.fn(pool.ctx, a->part, pool.parts);
        /* the last one out wakes the caller, if it went to sleep (the same handshake as above) */
        if (atomic_fetch_sub(&pool.running, 1) == 1 && atomic_load(&pool.caller_asleep)) {
            pthread_mutex_lock(&pool.mu);
            pthread_cond_signal(&pool.done);
            pthread_mutex_unlock(&pool.mu);
        }
    }
    return NULL;
}

void op_parallel(op_part_fn fn, void *ctx)
{
    if (pthread_mutex_trylock(&owner)) {
        fn(ctx, 0, 1);
        return;
    }
    int parts = pool.workers + 1;
    if (parts == 1) {
        pthread_mutex_unlock(&owner);
        fn(ctx, 0, 1);
        return;
    }
    pool.fn = fn;
    pool.ctx = ctx;
    pool.parts = parts;
    atomic_store(&pool.running, pool.workers);
    atomic_fetch_add(&pool.job, 1); /* publishes fn, ctx, parts and running */
    if (atomic_load(&pool.sleepers)) {
        pthread_mutex_lock(&pool.mu);
        pthread_cond_broadcast(&pool.wake);
        pthread_mutex_unlock(&pool.mu);
    }

    fn(ctx, 0, parts);

    for (int i = 0; i < OP_POLLS && atomic_load(&pool.running); i++)
        sched_yield();
    if (atomic_load(&pool.running)) {
        pthread_mutex_lock(&pool.mu);
        atomic_store(&pool.caller_asleep, 1);
        while (atomic_load(&pool.running))
            pthread_cond_wait(&pool.done, &pool.mu);
        atomic_store(&pool.caller_asleep, 0);
        pthread_mutex_unlock(&pool.mu);
    }
    pthread_mutex_unlock(&owner);
}

/* Stops and joins every worker; the caller owns the pool. */
static void stop_workers(void)
{
    pthread_mutex_lock(&pool.mu);
    atomic_store(&pool.stop, 1);
    pthread_cond_broadcast(&pool.wake);
    pthread_mutex_unlock(&pool.mu);
    for (int i = 0; i < pool.workers; i++)
        pthread_join(pool.tid[i], NULL);
    pool.workers = 0;
    atomic_store(&pool.stop, 0);
}

void op_set_threads(int threads)
{
    if (threads < 1)
        threads = 1;
    if (threads > OP_MAX_THREADS)
        threads = OP_MAX_THREADS;
    pthread_mutex_lock(&owner);
    openblas_set_num_threads(1);
    if (pool.workers + 1 != threads) {
        stop_workers();
        unsigned long now = atomic_load(&pool.job);
        /* a thread that cannot be started leaves the pool smaller, not broken */
        for (int i = 0; i < threads - 1; i++) {
            args[i] = (worker_arg){.part = i + 1, .seen = now};
            if (pthread_create(&pool.tid[i], NULL, worker_main, &args[i]))
                break;
            pool.workers++;
        }
    }
    pthread_mutex_unlock(&owner);
}

int op_threads(void)
{
    pthread_mutex_lock(&owner);
    int n = pool.workers + 1;
    pthread_mutex_unlock(&owner);
    return n;
}
