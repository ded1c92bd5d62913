/* dropout.h: the extra passes the lesson's pages show (dropout at training time, the ten
 * patches at test time), shared by the window's worker and the export. */
#ifndef DROPOUT_H
#define DROPOUT_H

#include "views.h"

/* The rows of d that are not the shown pass's, from passes of n on input: one at test time and
 * VIEW_DROP_MASKS with the masks of seed + 1 … (what each dropout stage kept, the top-5 of
 * each). Then sets the net dropping with seed's masks, for the caller's own pass (the one the
 * views show: the window streams it through its hook). 0 with err filled when a pass fails. */
int dropout_rows(net *n, const float *input, uint64_t seed, view_dropout *d, net_err *err);
/* After that pass: row 1, and the dropout stages' outputs and masks (d points into n). */
void dropout_shown(const net *n, view_dropout *d);
/* All of it for a picture made later (the export): the rows, the shown pass with seed's masks,
 * whose dropout outputs and masks are copied into *mem (malloc'd; the caller frees it, d points
 * into it), and the net back at test time. 0 with err filled on a failure. */
int dropout_keep(net *n, const float *input, uint64_t seed, view_dropout *d, void **mem,
                 net_err *err);

/* The paper's ten patches of square (VIEW_TC_SIDE², RGB) through n (net_ten_crop) into t, whose
 * square becomes `square`: progress as net_ten_crop's. t->state says how it ended; 0 with err
 * filled on a failure (not for a stop). */
int tencrop_run(net *n, const unsigned char *square, const net_preproc *pp, view_tencrop *t,
                int (*progress)(int done, void *user), void *user, net_err *err);

#endif
