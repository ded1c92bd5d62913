/* golden_net.h: the narrow network and the weight scheme the golden files were made with.
 *
 * tests/golden/gen_golden.py and gen_backward_golden.py build the same weights and inputs in
 * Python from splitmix64; these are the C side, shared by test_golden.c and test_backward.c so
 * that both read the files the same way. The scheme (the scripts' docstrings have it in full):
 * for every stage with parameters, in table order, the weights then the biases, value = scale ·
 * next_sym with scale GAIN·sqrtf(3/fan_in) for weights and BIAS for biases; then the input
 * (3, S, S) = 100 · next_sym. The FNV-1a hashes prove the two generators agree.
 */
#ifndef GOLDEN_NET_H
#define GOLDEN_NET_H

#include "alexnet.h"

#include <stddef.h>
#include <stdint.h>

/* Per learned layer 1..8; exactly representable, so these literals equal the scripts'. */
extern const float GOLDEN_GAIN[8], GOLDEN_BIAS[8];
/* conv1..conv5, fc6..fc8: narrow, but towers of 6 and 8 channels, so the 5-channel LRN window
 * slides inside a tower and meets its boundary. */
extern const int GOLDEN_WIDTHS[8];

/* splitmix64, and a uniform float in [-1, 1) from its top 24 bits (exact in float32). */
uint64_t golden_next_u64(uint64_t *s);
float golden_next_sym(uint64_t *s);

/* FNV-1a 64 over the little-endian bytes of n floats, as "%016llx". */
void golden_hash_floats(const float *x, size_t n, char out[17]);

/* Fills every parameter of n, then input (3, S, S), from the stream that starts at seed. */
void golden_fill(net *n, uint64_t seed, float *input, int S);

/* The header's "config" line for cfg, in the scripts' words. */
void golden_config_line(const net_config *c, char *out, size_t len);

#endif
