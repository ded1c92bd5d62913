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
 * futex wake-up costs tens of them; the caller waits for the workers the same way. Each poll
 * yields the core, so a poll never keeps a thread that has work off a busy machine. The counter
 * is atomic; the job's fields are written before it is bumped (release) and read after it is
 * seen (acquire), so TSan can check the handoff.
 *
 * A second thread calling op_parallel while a region runs (two nets at once) gets no workers: it
 * runs every part itself, serially. op_set_threads must not run during a pass.
 */
#include "ops.h"

#include <cblas.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#define OP_MAX_THREADS 64
/* Polls before sleeping: with a sched_yield each, about 50–100 µs. */
#define OP_POLLS 100

static struct {
    pthread_mutex_t mu;           /* guards sleeping and waking, and the worker list */
    pthread_cond_t wake, done;
    pthread_t tid[OP_MAX_THREADS];
    int workers;                  /* threads started besides the caller */
    atomic_ulong job;             /* bumped once per region; workers run each value once */
    atomic_int running;           /* workers still inside the current region */
    atomic_int stop;
    op_part_fn fn;                /* the current region, valid while running > 0 */
    void *ctx;
    int parts;
} pool = {.mu = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER,
          .done = PTHREAD_COND_INITIALIZER};

/* Held by whoever owns the workers: a region, or op_set_threads. */
static pthread_mutex_t owner = PTHREAD_MUTEX_INITIALIZER;

void op_range(int n, int part, int parts, int *begin, int *end)
{
    *begin = (int)((long long)n * part / parts);
    *end = (int)((long long)n * (part + 1) / parts);
}

/* Waits until the job counter moves past `seen` or stop is set; returns 0 on stop. */
static int worker_wait(unsigned long seen)
{
    for (int i = 0; i < OP_POLLS && !atomic_load_explicit(&pool.stop, memory_order_relaxed); i++) {
        if (atomic_load_explicit(&pool.job, memory_order_acquire) != seen)
            return 1;
        sched_yield();
    }
    pthread_mutex_lock(&pool.mu);
    while (atomic_load_explicit(&pool.job, memory_order_acquire) == seen &&
           !atomic_load(&pool.stop))
        pthread_cond_wait(&pool.wake, &pool.mu);
    pthread_mutex_unlock(&pool.mu);
    return atomic_load_explicit(&pool.job, memory_order_acquire) != seen;
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
        seen = atomic_load_explicit(&pool.job, memory_order_acquire);
        pool.fn(pool.ctx, a->part, pool.parts);
        if (atomic_fetch_sub_explicit(&pool.running, 1, memory_order_acq_rel) == 1) {
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
    atomic_store_explicit(&pool.running, pool.workers, memory_order_relaxed);
    pthread_mutex_lock(&pool.mu);
    atomic_fetch_add_explicit(&pool.job, 1, memory_order_release);
    pthread_cond_broadcast(&pool.wake);
    pthread_mutex_unlock(&pool.mu);

    fn(ctx, 0, parts);

    for (int i = 0; i < OP_POLLS && atomic_load_explicit(&pool.running, memory_order_acquire); i++)
        sched_yield();
    if (atomic_load_explicit(&pool.running, memory_order_acquire)) {
        pthread_mutex_lock(&pool.mu);
        while (atomic_load_explicit(&pool.running, memory_order_acquire))
            pthread_cond_wait(&pool.done, &pool.mu);
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
