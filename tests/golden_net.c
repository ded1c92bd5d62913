/* golden_net.c: the golden files' weight scheme, C side; see golden_net.h. */
#include "golden_net.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const float GOLDEN_GAIN[8] = {1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 0.03125f};
const float GOLDEN_BIAS[8] = {8.0f, 8.0f, 8.0f, 8.0f, 8.0f, 4.0f, 4.0f, 0.5f};
const int GOLDEN_WIDTHS[8] = {12, 16, 12, 12, 8, 32, 32, 10};

uint64_t golden_next_u64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

float golden_next_sym(uint64_t *s)
{
    return (float)(golden_next_u64(s) >> 40) * (2.0f / 16777216.0f) - 1.0f;
}

void golden_hash_floats(const float *x, size_t n, char out[17])
{
    uint64_t h = 0xCBF29CE484222325ull;
    for (size_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, &x[i], 4);
        for (int b = 0; b < 4; b++)
            h = (h ^ ((bits >> (8 * b)) & 0xFF)) * 0x100000001B3ull;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

void golden_fill(net *n, uint64_t seed, float *input, int S)
{
    uint64_t s = seed;
    for (int i = 0; i < net_stage_count(n); i++) {
        const net_stage *st = net_stage_at(n, i);
        if (!st->n_w)
            continue;
        float *w = net_weights(n, i), *b = net_biases(n, i);
        float scale = GOLDEN_GAIN[st->layer - 1] * sqrtf(3.0f / (float)(st->n_w / st->out_c));
        for (int64_t j = 0; j < st->n_w; j++)
            w[j] = scale * golden_next_sym(&s);
        for (int64_t j = 0; j < st->n_b; j++)
            b[j] = GOLDEN_BIAS[st->layer - 1] * golden_next_sym(&s);
    }
    for (size_t j = 0; j < 3 * (size_t)S * S; j++)
        input[j] = 100.0f * golden_next_sym(&s);
}

void golden_config_line(const net_config *c, char *out, size_t len)
{
    snprintf(out, len,
             "input=%d pool=%s pad_end=%d norm=%s lrn=%s window=%s n=%d alpha=%g beta=%g k=%g",
             c->input_size, c->pool_round == NET_ROUND_CEIL ? "ceil" : "floor", c->pool_pad_end,
             c->lrn_after_pool ? "after-pool" : "before-pool",
             c->lrn.formula == NET_LRN_PAPER ? "paper" : "caffe",
             c->lrn.within_towers ? "towers" : "across", c->lrn.n, (double)c->lrn.alpha,
             (double)c->lrn.beta, (double)c->lrn.k);
}
