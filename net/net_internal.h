/* net_internal.h: the net's fields, shared by the files of net/ and by nothing outside it. */
#ifndef NET_INTERNAL_H
#define NET_INTERNAL_H

#include "alexnet.h"

struct net {
    net_config cfg;
    net_stage stages[NET_MAX_STAGES];
    int n_stages;
    float *params;                  /* every stage's weights then biases, at w_off / b_off */
    size_t n_params;
    float *act;                     /* every stage's output, at act_off[i], then the scratch */
    size_t act_off[NET_MAX_STAGES];
    float *work;                    /* scratch for im2col, inside act */
    int last_done;
    int untrained;
};

/* Runs stage i on `in` into its activation slot. */
void net_run_stage(net *n, int i, const float *in);

#endif
