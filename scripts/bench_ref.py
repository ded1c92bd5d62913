"""bench_ref.py: times the same AlexNet in PyTorch and in OpenCV's DNN module, for `make bench`.

Both run batch 1 at 227x227 on the given number of threads, with random weights (speed does not
depend on their values): PyTorch on an nn.Sequential with grouped convolutions and LRN, OpenCV on
an ONNX export of that same module. Prints `torch_ms median=...` and `opencv_ms median=...` lines;
a framework that is not installed is reported and skipped. Not used by any test.
"""
import os
import statistics
import sys
import tempfile
import time

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2


def median_ms(fn):
    for _ in range(3):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times), min(times), max(times)


try:
    import torch
    from torch import nn
except ImportError:
    print("torch_ms skipped (python3-torch not installed)")
    sys.exit(0)

torch.set_num_threads(threads)
torch.manual_seed(0)
lrn = dict(size=5, alpha=1e-4, beta=0.75, k=1.0)
model = nn.Sequential(
    nn.Conv2d(3, 96, 11, stride=4), nn.ReLU(), nn.LocalResponseNorm(**lrn), nn.MaxPool2d(3, 2),
    nn.Conv2d(96, 256, 5, padding=2, groups=2), nn.ReLU(), nn.LocalResponseNorm(**lrn),
    nn.MaxPool2d(3, 2),
    nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
    nn.Conv2d(384, 384, 3, padding=1, groups=2), nn.ReLU(),
    nn.Conv2d(384, 256, 3, padding=1, groups=2), nn.ReLU(), nn.MaxPool2d(3, 2),
    nn.Flatten(), nn.Linear(9216, 4096), nn.ReLU(), nn.Linear(4096, 4096), nn.ReLU(),
    nn.Linear(4096, 1000), nn.Softmax(dim=1)).eval()
x = torch.randn(1, 3, 227, 227) * 60

with torch.no_grad():
    m, lo, hi = median_ms(lambda: model(x))
print(f"torch_ms median={m:.2f} min={lo:.2f} max={hi:.2f}")

try:
    import cv2
except ImportError:
    print("opencv_ms skipped (python3-opencv not installed)")
    sys.exit(0)



def onnx_model():
    """The same module as an ONNX graph written node by node: torch's exporter turns LRN into a
    Pad/AvgPool decomposition that OpenCV 4.6 cannot import, while ONNX's LRN operator it can."""
    import onnx
    from onnx import helper, numpy_helper, TensorProto
    nodes, inits, prev = [], [], "data"
    for i, layer in enumerate(model):
        out = f"t{i}"
        if isinstance(layer, nn.Conv2d):
            w, b = f"w{i}", f"b{i}"
            inits += [numpy_helper.from_array(layer.weight.detach().numpy(), w),
                      numpy_helper.from_array(layer.bias.detach().numpy(), b)]
            k, p = layer.kernel_size[0], layer.padding[0]
            nodes.append(helper.make_node("Conv", [prev, w, b], [out], kernel_shape=[k, k],
                                          strides=list(layer.stride), pads=[p] * 4,
                                          group=layer.groups))
        elif isinstance(layer, nn.Linear):
            w, b = f"w{i}", f"b{i}"
            inits += [numpy_helper.from_array(layer.weight.detach().numpy(), w),
                      numpy_helper.from_array(layer.bias.detach().numpy(), b)]
            nodes.append(helper.make_node("Gemm", [prev, w, b], [out], transB=1))
        elif isinstance(layer, nn.ReLU):
            nodes.append(helper.make_node("Relu", [prev], [out]))
        elif isinstance(layer, nn.LocalResponseNorm):
            nodes.append(helper.make_node("LRN", [prev], [out], size=5, alpha=1e-4, beta=0.75,
                                          bias=1.0))
        elif isinstance(layer, nn.MaxPool2d):
            nodes.append(helper.make_node("MaxPool", [prev], [out], kernel_shape=[3, 3],
                                          strides=[2, 2]))
        elif isinstance(layer, nn.Flatten):
            nodes.append(helper.make_node("Flatten", [prev], [out], axis=1))
        elif isinstance(layer, nn.Softmax):
            nodes.append(helper.make_node("Softmax", [prev], [out], axis=1))
        prev = out
    graph = helper.make_graph(
        nodes, "alexnet", [helper.make_tensor_value_info("data", TensorProto.FLOAT,
                                                         [1, 3, 227, 227])],
        [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [1, 1000])], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)])


with tempfile.TemporaryDirectory() as d:
    import onnx
    path = os.path.join(d, "alexnet.onnx")
    onnx.save(onnx_model(), path)
    net = cv2.dnn.readNetFromONNX(path)
cv2.setNumThreads(threads)
blob = x.numpy()


def run_cv():
    net.setInput(blob)
    net.forward()


m, lo, hi = median_ms(run_cv)
print(f"opencv_ms median={m:.2f} min={lo:.2f} max={hi:.2f}")
