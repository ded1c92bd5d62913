/* dropout.c: dropout at training time, shown: one pass at test time, a few under other masks,
 * then the pass the views show, each summed up as a row (what each dropout stage kept, the
 * top-5) for the lesson's dropout page.
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
