#!/usr/bin/python3
"""gen_onnx_golden.py: the ONNX golden test's files, written and run by independent tools.

Writes tests/data/onnx/alexnet_narrow.onnx, a narrow AlexNet (widths 8-16-24-24-16-32-32-10,
224 input) in the layout of a PyTorch export: input "input", Conv/Relu/MaxPool(ceil_mode=1)/LRN
(LRN after pooling, as CaffeNet), Flatten, dropouts before fc6 and fc7, Gemm transB=1, tensors in
raw_data, opset 13, no Softmax. The file is written with the onnx package's helpers, not with
alexviz's C writer, and the activations are computed by PyTorch from the same weights, so the test
pins alexviz's reader and engine against two implementations it shares no code with.

Also writes fuzz/corpus/fuzz_onnx/alexnet_tiny.onnx, the same layout at widths 2 (4 KB), the
fuzzer's seed.

Then writes tests/data/onnx/golden/<stage>.pb, one TensorProto per stage that the test compares,
for the input the test builds itself (tests/onnx_make.c om_input):
    x[i] = float32((i * 2654435761 mod 2**32) >> 8) * 255/2**24 - 128,  shape (1, 3, 224, 224).

Run from the repository root with Debian's Python (python3-torch, python3-onnx):
    /usr/bin/python3 tests/golden/gen_onnx_golden.py
CI never runs this; it runs the committed files.
"""
import os

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

WIDTHS = [8, 16, 24, 24, 16, 32, 32, 10]
S = 224
OUT = "tests/data/onnx"
LRN = dict(size=5, alpha=1e-4, beta=0.75, bias=1.0)


def test_input():
    i = np.arange(3 * S * S, dtype=np.uint64)
    h = (i * np.uint64(2654435761)) % np.uint64(2**32)
    x = (h >> np.uint64(8)).astype(np.float32) * np.float32(255.0 / 16777216.0) - np.float32(128)
    return x.reshape(1, 3, S, S)


def weights(widths):
    """He-scaled uniform weights and small biases, seeded: (name, array) per learned layer."""
    rng = np.random.RandomState(2012)
    c1, c2, c3, c4, c5, f6, f7, f8 = widths
    shapes = [
        ("features.0", (c1, 3, 11, 11)),
        ("features.4", (c2, c1 // 2, 5, 5)),
        ("features.8", (c3, c2, 3, 3)),
        ("features.10", (c4, c3 // 2, 3, 3)),
        ("features.12", (c5, c4 // 2, 3, 3)),
        ("classifier.1", (f6, c5 * 6 * 6)),
        ("classifier.4", (f7, f6)),
        ("classifier.6", (f8, f7)),
    ]
    out = []
    for name, shape in shapes:
        fan_in = int(np.prod(shape[1:]))
        w = rng.uniform(-1, 1, size=shape).astype(np.float32) * np.float32(np.sqrt(6.0 / fan_in))
        b = rng.uniform(-0.5, 0.5, size=shape[0]).astype(np.float32)
        out.append((name, w, b))
    return out


def write_model(params, path):
    n_out = params[-1][1].shape[0]
    nodes, inits = [], []
    cur = "input"
    count = [0]

    def node(op, inputs, **attrs):
        count[0] += 1
        out = "/n%d/%s_output_0" % (count[0], op)
        nodes.append(helper.make_node(op, inputs, [out], name="/n%d/%s" % (count[0], op), **attrs))
        return out

    def conv(i, x, stride, pad, group):
        name, w, b = params[i]
        inits.extend([numpy_helper.from_array(w, name + ".weight"),
                      numpy_helper.from_array(b, name + ".bias")])
        k = w.shape[2]
        y = node("Conv", [x, name + ".weight", name + ".bias"], kernel_shape=[k, k],
                 strides=[stride, stride], pads=[pad] * 4, dilations=[1, 1], group=group)
        return node("Relu", [y])

    def pool(x):
        return node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[0, 0, 0, 0],
                    ceil_mode=1)

    def fc(i, x, relu):
        name, w, b = params[i]
        inits.extend([numpy_helper.from_array(w, name + ".weight"),
                      numpy_helper.from_array(b, name + ".bias")])
        y = node("Gemm", [x, name + ".weight", name + ".bias"], alpha=1.0, beta=1.0, transB=1)
        return node("Relu", [y]) if relu else y

    cur = node("LRN", [pool(conv(0, cur, 4, 0, 1))], **LRN)
    cur = node("LRN", [pool(conv(1, cur, 1, 2, 2))], **LRN)
    cur = conv(2, cur, 1, 1, 1)
    cur = conv(3, cur, 1, 1, 2)
    cur = pool(conv(4, cur, 1, 1, 2))
    cur = node("Flatten", [cur], axis=1)
    cur = fc(5, node("Dropout", [cur]), True)
    cur = fc(6, node("Dropout", [cur]), True)
    cur = fc(7, cur, False)
    nodes[-1].output[0] = "output"
    graph = helper.make_graph(
        nodes, "alexnet_narrow",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, S, S])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, n_out])],
        inits)
    model = helper.make_model(graph, producer_name="gen_onnx_golden.py",
                              opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    onnx.save(model, path)


def run_torch(params, x):
    t = lambda a: torch.from_numpy(np.ascontiguousarray(a))
    w = [(t(p[1]), t(p[2])) for p in params]
    out = {}
    with torch.no_grad():
        y = torch.from_numpy(x)
        y = out["conv1"] = F.conv2d(y, *w[0], stride=4)
        y = out["pool1"] = F.max_pool2d(F.relu(y), 3, 2, ceil_mode=True)
        y = out["norm1"] = F.local_response_norm(y, LRN["size"], LRN["alpha"], LRN["beta"],
                                                 LRN["bias"])
        y = out["conv2"] = F.conv2d(y, *w[1], padding=2, groups=2)
        y = out["pool2"] = F.max_pool2d(F.relu(y), 3, 2, ceil_mode=True)
        y = out["norm2"] = F.local_response_norm(y, LRN["size"], LRN["alpha"], LRN["beta"],
                                                 LRN["bias"])
        y = out["conv3"] = F.conv2d(y, *w[2], padding=1)
        y = out["conv4"] = F.conv2d(F.relu(y), *w[3], padding=1, groups=2)
        y = out["conv5"] = F.conv2d(F.relu(y), *w[4], padding=1, groups=2)
        y = out["pool5"] = F.max_pool2d(F.relu(y), 3, 2, ceil_mode=True)
        y = out["fc6"] = F.linear(torch.flatten(y, 1), *w[5])
        y = out["fc7"] = F.linear(F.relu(y), *w[6])
        y = out["fc8"] = F.linear(F.relu(y), *w[7])
        out["prob"] = F.softmax(y, dim=1)
    return {k: v.numpy()[0] for k, v in out.items()}


def main():
    torch.use_deterministic_algorithms(True)
    os.makedirs(OUT + "/golden", exist_ok=True)
    os.makedirs("fuzz/corpus/fuzz_onnx", exist_ok=True)
    write_model(weights([2] * 8), "fuzz/corpus/fuzz_onnx/alexnet_tiny.onnx")
    params = weights(WIDTHS)
    write_model(params, OUT + "/alexnet_narrow.onnx")
    acts = run_torch(params, test_input())
    for stage in ["norm1", "pool1", "pool2", "conv3", "conv5", "pool5",
                  "fc6", "fc7", "fc8", "prob"]:
        t = numpy_helper.from_array(acts[stage].astype(np.float32), stage)
        with open("%s/golden/%s.pb" % (OUT, stage), "wb") as f:
            f.write(t.SerializeToString())
        print("%-6s %-14s min %10.4g max %10.4g" % (stage, acts[stage].shape, acts[stage].min(),
                                                    acts[stage].max()))


if __name__ == "__main__":
    main()
