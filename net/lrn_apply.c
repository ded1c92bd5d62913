/* lrn_apply.c: LRN outside the forward pass, for views that let a student change its parameters.
 *
 * The forward pass runs LRN from the stage table; this runs the same fast path (op_lrn) from a
 * stage row the caller may have edited, after checking the parameters the way net_table_build
 * does, so what the window shows for "k = 2" is exactly what a net built with k = 2 computes.
 * op_lrn's threads are shared: called while another thread's pass holds them, it runs alone.
 */
#include "alexnet.h"
#include "ops.h"

net_status net_lrn_apply(const net_stage *s, const float *in, float *out, net_err *err)
{
    if (!s || s->op != NET_OP_LRN || !in || !out)
        return net_fail(err, NET_ERR_ARG, "net_lrn_apply: %s is not an LRN stage",
                        s ? s->name : "(null)");
    if (s->lrn.n < 1 || !(s->lrn.k > 0) || !(s->lrn.alpha >= 0) || !(s->lrn.beta > 0))
        return net_fail(err, NET_ERR_VALUE,
                        "%s: LRN n=%d k=%g alpha=%g beta=%g; expected n ≥ 1, k > 0, alpha ≥ 0, "
                        "beta > 0",
                        s->name, s->lrn.n, s->lrn.k, s->lrn.alpha, s->lrn.beta);
    if (s->lrn.within_towers && s->in_c % 2)
        return net_fail(err, NET_ERR_VALUE, "%s: %d channels do not split into two towers", s->name,
                        s->in_c);
    op_lrn(in, out, s->in_c, s->in_h * s->in_w, s->lrn.n, s->lrn.k, net_lrn_scale(&s->lrn),
           s->lrn.beta, s->lrn.within_towers ? s->in_c / 2 : s->in_c);
    return NET_OK;
}
