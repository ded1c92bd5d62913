/* export_pool.c: the export's encoder pool and its progress line (see export.h).
 *
 * One thread draws every picture (pango and cairo's caches are not made for two drawing
 * threads) and posts it; workers take the files in plan order, encode each as a PNG and write
 * it atomically, and give the view surfaces back for the next picture. Channel pictures are
 * small and made one per file, as many waiting at once as channels_max allows.
 */
#include "export.h"
#include "msg.h"
#include "png_encode.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

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

void progress_show(progress *p, int done)
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

void progress_clear(progress *p)
{
    if (p->on) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
}

int work_start(ex_work *w, ex_file *files, int n_files, int threads, int width, int height,
               int channels_max, char *msg, size_t len)
{
    memset(w, 0, sizeof *w);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, NULL);
    w->files = files;
    w->n_files = n_files;
    w->channels_max = channels_max;
    threads = threads < 1 ? 1 : threads > 8 ? 8 : threads;
    for (int i = 0; i < threads + 2 && i < EX_SPARES; i++) {
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
        if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(s);
            break;
        }
        w->spare[w->n_spare++] = s;
    }
    if (!w->n_spare) {
        msg_snprintf(msg, len, "out of memory");
        return 0;
    }
    for (; w->started < threads; w->started++)
        if (pthread_create(&w->tid[w->started], NULL, worker_main, w))
            break;
    if (!w->started) {
        msg_snprintf(msg, len, "cannot start a thread: %s", strerror(errno));
        return 0;
    }
    return 1;
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
cairo_surface_t *work_take_surface(ex_work *w)
{
    cairo_surface_t *s = NULL;
    pthread_mutex_lock(&w->lock);
    if (!w->stop && w->n_spare)
        s = w->spare[--w->n_spare];
    pthread_mutex_unlock(&w->lock);
    return s;
}

/* 1 when another channel surface may be made now. */
int work_channel_room(ex_work *w)
{
    pthread_mutex_lock(&w->lock);
    int room = w->channels_out < w->channels_max;
    pthread_mutex_unlock(&w->lock);
    return room;
}

/* Waits until a view can be rendered (views left and a surface free) or a channel made
 * (channels left and room for one), or the work stopped. */
void work_wait_room(ex_work *w, progress *p, int views_left, int channels_left)
{
    pthread_mutex_lock(&w->lock);
    while (!w->stop && !(views_left && w->n_spare) &&
           !(channels_left && w->channels_out < w->channels_max))
        work_sleep(w, p);
    pthread_mutex_unlock(&w->lock);
}

/* Whether the work stopped; *finished gets the count of files written. */
int work_stopped(ex_work *w, int *finished)
{
    pthread_mutex_lock(&w->lock);
    int stop = w->stop;
    *finished = w->finished;
    pthread_mutex_unlock(&w->lock);
    return stop;
}

/* Hands a rendered picture to the workers. */
void work_post(ex_work *w, ex_file *f, cairo_surface_t *s)
{
    pthread_mutex_lock(&w->lock);
    f->surface = s;
    f->ready = 1;
    if (f->kind == EX_CHANNEL)
        w->channels_out++;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
}

int work_finish(ex_work *w, progress *p, char *msg, size_t len)
{
    pthread_mutex_lock(&w->lock);
    while (!w->stop && w->finished < w->n_files)
        work_sleep(w, p);
    int ok = !w->error[0];
    if (!ok)
        text_copy(msg, len, w->error);
    w->stop = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    for (int t = 0; t < w->started; t++)
        pthread_join(w->tid[t], NULL);
    /* the spares, and any rendered picture no worker took after an error */
    for (int i = 0; i < w->n_spare; i++)
        cairo_surface_destroy(w->spare[i]);
    w->n_spare = 0;
    for (int i = 0; i < w->n_files; i++)
        if (w->files[i].surface) {
            cairo_surface_destroy(w->files[i].surface);
            w->files[i].surface = NULL;
        }
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    return ok;
}

void work_fail(ex_work *w, const char *msg)
{
    pthread_mutex_lock(&w->lock);
    if (!w->error[0])
        snprintf(w->error, sizeof w->error, "%s", msg);
    w->stop = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
}
