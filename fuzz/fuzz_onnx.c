/* fuzz_onnx.c: libFuzzer target for the two protobuf readers: the ONNX loader
 * (net_onnx_load_mem) and the test-folder tensors of `alexviz check` (net_onnx_read_tensor_mem).
 *
 * Any bytes must give either a net whose table and parameters are consistent (a tensor of the
 * shape it claims, every value finite), or a refusal with a one-line message; never a crash, a
 * leak or undefined behaviour (the build adds ASan and UBSan). Seeds: fuzz/corpus/fuzz_onnx/ (a
 * tiny AlexNet written by tests/golden/gen_onnx_golden.py) and tests/hostile.c's models and
 * tensors (deeply nested types, 2,000 nodes, weights of 3e38 and 1e-45).
 */
#include "alexnet.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    net *n = NULL;
    net_err err = {0};
    net_onnx_info info;
    net_config cfg;
    net_preproc pp;
    net_status st = net_onnx_load_mem(data, size, "fuzz.onnx", &cfg, &n, &pp, &info, &err);
    if (st == NET_OK) {
        /* what the loader claims must hold */
        if (!n || net_stage_count(n) < 22 || info.output_stage >= net_stage_count(n) ||
            info.params != net_total_params(n) || net_is_untrained(n) ||
            memcmp(&cfg, net_get_config(n), sizeof cfg))
            abort();
    } else if (n || !err.msg[0] || strchr(err.msg, '\n')) {
        abort();
    }
    net_free(n);

    float *t = NULL;
    int64_t shape[8];
    int nd = 0;
    net_err terr = {0};
    if (net_onnx_read_tensor_mem(data, size, "fuzz.pb", &t, shape, &nd, &terr) == NET_OK) {
        int64_t count = 1;
        for (int i = 0; i < nd; i++)
            count *= shape[i];
        for (int64_t i = 0; i < count; i++)
            if (!isfinite(t[i])) /* ASan: the block holds the whole shape */
                abort();
        free(t);
    } else if (t || !terr.msg[0] || strchr(terr.msg, '\n')) {
        abort();
    }
    return 0;
}
