/* net_internal.h: the net's fields, shared by the files of net/ and by nothing outside it. */
#ifndef NET_INTERNAL_H
#define NET_INTERNAL_H

#include "alexnet.h"

struct net {
    net_config cfg;
    net_table table;
    float *params;               /* every stage's weights then biases, at w_off / b_off */
    size_t n_params, params_len; /* floats; bytes mapped */
    float *act;                  /* every stage's output, at act_off[i], then the scratch */
    size_t act_len;              /* bytes mapped */
    size_t act_off[NET_MAX_STAGES];
    float *work; /* scratch for im2col, inside act */
    int last_done;
    /* the backward pass (backward.c), allocated by net_backward_prepare: the input's gradient
     * (3, S, S), then every stage's at act_off[i] after it, then the backward scratch */
    float *grad;
    size_t grad_len;      /* bytes mapped */
    float *grad_work;     /* scratch for dcol and LRN's q, inside grad */
    int grad_hi, grad_lo; /* gradients valid from stage grad_lo (−1: the input's too)
                                       up to grad_hi, the target's stage; grad_hi −1: none */
    int untrained;
    /* dropout at training time (net_set_dropout): the masks of the dropout stages, one byte per
     * unit at mask_off[i], allocated with the net */
    unsigned char *mask;
    size_t mask_off[NET_MAX_STAGES];
    int drop_train;     /* the next passes drop */
    uint64_t drop_seed; /* their masks' seed */
    int drop_used;      /* the last pass dropped (its masks are valid) */
};

/* Runs stage i on `in` into its activation slot. */
void net_run_stage(net *n, int i, const float *in);

/* One of the net's blocks (net.c): count floats, zeroed, mapped on its own on 2 MB boundaries,
 * huge pages, not inherited by a fork; NULL when out of memory. *len gets the bytes mapped, for
 * net_free_block, which accepts NULL. */
float *net_alloc_block(size_t count, size_t *len);
void net_free_block(float *p, size_t len);

/* Opens a regular file for reading (file.c): stat first, O_NONBLOCK, fstat again, so that a
 * FIFO, a device or a folder is refused without blocking. Returns the descriptor, or -1 with err
 * filled; st gets the file's status. */
struct stat;
int net_file_open(const char *path, struct stat *st, net_err *err);
/* Writes all len bytes to fd (again after EINTR); 0 with errno set when it cannot. Only
 * async-signal-safe calls: the photo decoder's child uses it too. */
int net_write_all(int fd, const void *buf, size_t len);

/* .npy (npy.c): the magic, and a shape as Python prints it, "(3, 227, 227)". */
extern const unsigned char npy_magic[6];
void npy_shape_text(const long long *dims, int nd, char *buf, size_t cap);

#endif
