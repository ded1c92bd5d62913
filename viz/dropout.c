/* dropout.c: the extra passes the lesson's pages show. Dropout at training time: one pass at
 * test time, a few under other masks, then the pass the views show, each summed up as a row
 * (what each dropout stage kept, the top-5). The ten patches at test time: each patch's top-1 and
 * the top-5 of their mean.
 */
#include "dropout.h"

#include <stdlib.h>
#include <string.h>

/* Row r of d from the pass just run. */
static void fill_row(const net *n, view_dropout *d, int r, uint64_t seed)
{
    int last = net_stage_count(n) - 1;
    const net_stage *prob = net_stage_at(n, last);
    d->k = prob->out_c < 5 ? prob->out_c : 5;
    net_topk(net_output(n, last), prob->out_c, d->k, d->top[r], d->topv[r]);
    d->row_seed[r] = seed;
    for (int k = 0; k < 2; k++) {
        d->kept[r][k] = 0;
        if (d->stage[k] < 0)
            continue;
        const net_stage *s = net_stage_at(n, d->stage[k]);
        int count = s->out_c * s->out_h * s->out_w;
        const unsigned char *m = net_dropout_mask(n, d->stage[k]);
        for (int j = 0; j < count; j++)
            d->kept[r][k] += m ? m[j] : 1;
    }
}

int dropout_rows(net *n, const float *input, uint64_t seed, view_dropout *d, net_err *err)
{
    memset(d, 0, sizeof *d);
    d->seed = seed;
    d->stage[0] = d->stage[1] = -1;
    for (int i = 0, k = 0; i < net_stage_count(n) && k < 2; i++)
        if (net_stage_at(n, i)->op == NET_OP_DROPOUT)
            d->stage[k++] = i;
    net_set_dropout(n, 0, 0);
    if (net_forward(n, input, NULL, NULL, err) != NET_OK)
        return 0;
    fill_row(n, d, 0, 0);
    for (int m = 0; m < VIEW_DROP_MASKS; m++) {
        net_set_dropout(n, 1, seed + 1 + (uint64_t)m);
        if (net_forward(n, input, NULL, NULL, err) != NET_OK)
            return 0;
        fill_row(n, d, 2 + m, seed + 1 + (uint64_t)m);
    }
    d->ready = 1;
    net_set_dropout(n, 1, seed);
    return 1;
}

void dropout_shown(const net *n, view_dropout *d)
{
    for (int k = 0; k < 2; k++)
        if (d->stage[k] >= 0) {
            d->out[k] = net_output(n, d->stage[k]);
            d->mask[k] = net_dropout_mask(n, d->stage[k]);
        }
    fill_row(n, d, 1, d->seed);
    d->shown = 1;
}

int dropout_keep(net *n, const float *input, uint64_t seed, view_dropout *d, void **mem,
                 net_err *err)
{
    *mem = NULL;
    int ok =
        dropout_rows(n, input, seed, d, err) && net_forward(n, input, NULL, NULL, err) == NET_OK;
    if (ok)
        dropout_shown(n, d);
    size_t count[2] = {0, 0};
    for (int k = 0; ok && k < 2; k++)
        if (d->stage[k] >= 0) {
            const net_stage *s = net_stage_at(n, d->stage[k]);
            count[k] = (size_t)s->out_c * s->out_h * s->out_w;
        }
    unsigned char *p = ok ? malloc((count[0] + count[1]) * (sizeof(float) + 1) + 1) : NULL;
    if (ok && !p) {
        net_fail(err, NET_ERR_NOMEM, "out of memory");
        ok = 0;
    }
    for (int k = 0, off = 0; ok && k < 2; k++)
        if (count[k]) {
            float *out = (float *)(void *)p + off;
            memcpy(out, d->out[k], count[k] * sizeof(float));
            d->out[k] = out;
            off += (int)count[k];
        }
    unsigned char *masks = ok ? p + (count[0] + count[1]) * sizeof(float) : NULL;
    for (int k = 0; ok && k < 2; k++)
        if (count[k]) {
            memcpy(masks, d->mask[k], count[k]);
            d->mask[k] = masks;
            masks += count[k];
        }
    net_set_dropout(n, 0, 0);
    *mem = p;
    return ok;
}

typedef struct {
    view_tencrop *t;
    int (*progress)(int done, void *user);
    void *user;
} tc_progress;

/* Counts the passes done into t, then asks the caller's progress. */
static int tc_step(int done, void *user)
{
    tc_progress *p = user;
    p->t->done = done;
    return p->progress ? p->progress(done, p->user) : 0;
}

int tencrop_run(net *n, const unsigned char *square, const net_preproc *pp, view_tencrop *t,
                int (*progress)(int done, void *user), void *user, net_err *err)
{
    int last = net_stage_count(n) - 1, classes = net_stage_at(n, last)->out_c;
    memset(t, 0, sizeof *t);
    t->square = square;
    t->S = net_get_config(n)->input_size;
    t->state = VIEW_TC_RUNNING;
    double *mean = malloc(sizeof(double) * (size_t)classes);
    float *meanf = malloc(sizeof(float) * (size_t)classes);
    net_status st = !mean || !meanf ? net_fail(err, NET_ERR_NOMEM, "out of memory")
                                    : net_ten_crops(NULL, VIEW_TC_SIDE, t->S, pp, NULL, t->xy, err);
    if (st == NET_OK)
        st = net_ten_crop(n, square, VIEW_TC_SIDE, pp, mean, t->top1, t->top1_p, tc_step,
                          &(tc_progress){t, progress, user}, err);
    if (st == NET_OK || st == NET_ERR_CANCELLED) {
        for (int c = 0; c < classes; c++)
            meanf[c] = (float)mean[c];
        t->k = classes < 5 ? classes : 5;
        net_topk(meanf, classes, t->k, t->top, t->topv);
        t->state = st == NET_OK ? VIEW_TC_DONE : VIEW_TC_STOPPED;
    } else {
        t->state = VIEW_TC_NONE;
    }
    free(mean);
    free(meanf);
    return st == NET_OK || st == NET_ERR_CANCELLED;
}
