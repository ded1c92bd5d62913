#!/usr/bin/python3
"""gen_tencrop_golden.py: the paper's ten-patch test, computed by PyTorch, for tests/test_tencrop.c.

Run once by hand from the repository root (CI never runs Python):

    /usr/bin/python3 tests/golden/gen_tencrop_golden.py

The network is gen_golden.py's variant A (the narrow AlexNet at 227, its weights from splitmix64
seed 1). The photo is a 256×256 RGB square of bytes from a second splitmix64 stream, seed 3:
byte i (row-major y, x, channel) is the top 8 bits of the stream's i-th next_u64. Its ten
patches are cut here, independently of the engine: side S = 227 at the top-left, top-right,
bottom-left and bottom-right corners and at the centre ((256 − 227) // 2 = 14), then each
mirrored left to right; each is turned into the network's input as Caffe does (BGR, minus the
mean 104.00698793, 116.66876762, 122.67891434, in float32). PyTorch runs the ten; the file holds
each patch's corner, mirror flag, FNV-1a hash of its input (so a disagreement about the patches is
reported as that), top-1 class and probability, and the ten softmax vectors' mean (in float64),
which the paper's test procedure ranks.

File format (tencrop.golden, text):
  alexviz-tencrop-golden 1
  variant A
  square seed=3 side=256 fnv1a=<16 hex of the bytes>
  patch <p> x=<x> y=<y> mirror=<0|1> fnv1a=<16 hex of the input's float32> top1=<class> p=<%.9g>
  ... ten patch lines ...
  mean <%.17g> ... (one value per class)
  end
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_golden as G  # noqa: E402

SIDE, S, SEED = 256, 227, 3
MEAN = np.array([104.00698793, 116.66876762, 122.67891434], dtype=np.float32)  # B, G, R


def square_bytes():
    i = np.arange(1, SIDE * SIDE * 3 + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(SEED) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(56)).astype(np.uint8).reshape(SIDE, SIDE, 3)


def fnv1a_bytes(b):
    h = 0xCBF29CE484222325
    for byte in b:
        h = ((h ^ byte) * 0x100000001B3) & G.M64
    return "%016x" % h


def patches(sq):
    at = [(0, 0), (SIDE - S, 0), (0, SIDE - S), (SIDE - S, SIDE - S),
          ((SIDE - S) // 2, (SIDE - S) // 2)]
    out = []
    for p in range(10):
        x, y = at[p % 5]
        rgb = sq[y:y + S, x:x + S, :]
        if p >= 5:
            rgb = rgb[:, ::-1, :]
        bgr = rgb[:, :, ::-1].astype(np.float32)
        inp = np.stack([bgr[:, :, c] - MEAN[c] for c in range(3)]).astype(np.float32)
        out.append((x, y, int(p >= 5), np.ascontiguousarray(inp)))
    return out


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    v = G.VARIANTS[0]
    params, _ = G.make_params(v)
    sq = square_bytes()
    lines = ["alexviz-tencrop-golden 1", "variant A",
             "square seed=%d side=%d fnv1a=%s" % (SEED, SIDE, fnv1a_bytes(sq.tobytes()))]
    probs = []
    for p, (x, y, mirror, inp) in enumerate(patches(sq)):
        out = dict(G.forward(v, params, inp.reshape(1, 3, S, S), torch.float32))
        prob = out["prob"][0].numpy().astype(np.float32)
        probs.append(prob.astype(np.float64))
        top = int(np.argmax(prob))
        lines.append("patch %d x=%d y=%d mirror=%d fnv1a=%s top1=%d p=%.9g"
                     % (p, x, y, mirror, G.fnv1a(inp), top, prob[top]))
    mean = np.mean(probs, axis=0)
    lines.append("mean " + " ".join("%.17g" % m for m in mean))
    lines.append("end")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tencrop.golden")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: mean top %d (%.4f)" % (path, int(np.argmax(mean)), mean.max()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
