/* fuzz_onnx.c: libFuzzer target for the ONNX loader (net_onnx_load_mem).
 *
 * Any bytes must give either a net whose table and parameters are consistent, or a refusal with
 * a one-line message; never a crash, a leak or undefined behaviour (the build adds ASan and
 * UBSan). Seeds: fuzz/corpus/fuzz_onnx/, a tiny AlexNet written by tests/golden/gen_onnx_golden.py.
 */
#include "alexnet.h"

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
    return 0;
}
