/* fuzz_input.c: libFuzzer target for the two ways outside bytes become a tensor.
 *
 * Every input goes to net_input_load_mem, which picks the photo decoder or the .npy reader by
 * the bytes' magic exactly as for a file, in this process (the program itself decodes photos in
 * a child, which would hide a crash from the fuzzer), and to net_npy_load_mem, the generic .npy
 * reader. Seeds: the bundled photos, tests/data/, and tests/hostile.c's files (a JPEG with a
 * 510-code Huffman table, progressive and CMYK JPEGs, 16-bit and interlaced PNGs, a top-down
 * BMP, a 16-bit PPM, subnormal .npy values, the first bytes of formats alexviz refuses). Beyond
 * the sanitizers' checks, the target enforces the engine's promise about bad input: a failure
 * leaves nothing allocated and comes with a one-line message that names the file; a success gives
 * an input of the requested size whose values are finite.
 */
#include "alexnet.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz-input"

static void check_message(const net_err *e)
{
    if (!strstr(e->msg, FUZZ_NAME) || strchr(e->msg, '\n'))
        __builtin_trap();
}

static void load_input(const uint8_t *data, size_t size, int S)
{
    net_preproc pp;
    net_preproc_caffe(&pp);
    net_input in;
    net_err e = {0};
    if (net_input_load_mem(&in, data, size, FUZZ_NAME, S, &pp, &e) == NET_OK) {
        if (in.size != S || !in.data || !in.rgb)
            __builtin_trap();
        for (size_t i = 0; i < 3 * (size_t)S * S; i++)
            if (!isfinite(in.data[i]))
                __builtin_trap();
        net_input_free(&in);
    } else {
        check_message(&e);
        if (in.data || in.rgb)
            __builtin_trap();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_input(data, size, 227);
    /* A 227 input tensor is 618 KB, too large for the fuzzer to reach by mutation; at size 4 a
     * 320-byte .npy (the seed tests/data/tiny_input.npy) gets through to the value checks. */
    if (size >= 6 && !memcmp(data, "\x93NUMPY", 6))
        load_input(data, size, 4);

    net_err e = {0};
    float *t = NULL;
    int shape[4], ndim = 0;
    if (net_npy_load_mem(data, size, FUZZ_NAME, &t, shape, &ndim, &e) == NET_OK) {
        if (!t || ndim < 1 || ndim > 4)
            __builtin_trap();
        size_t count = 1;
        for (int i = 0; i < ndim; i++)
            count *= (size_t)shape[i];
        volatile float sink = t[count - 1]; /* ASan: the block holds the whole shape */
        (void)sink;
        free(t);
    } else {
        check_message(&e);
        if (t)
            __builtin_trap();
    }
    return 0;
}
