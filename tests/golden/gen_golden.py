#!/usr/bin/python3
"""gen_golden.py: golden activations of a narrow AlexNet, computed by PyTorch.

Run once by hand from the repository root (CI never runs Python):

    /usr/bin/python3 tests/golden/gen_golden.py

It rebuilds, with PyTorch's own operators (grouped conv2d, local_response_norm, max_pool2d,
linear, softmax), the network that net/table.c describes, at narrow widths and the real spatial
sizes, for two variants, and writes tests/golden/<variant>.golden. tests/test_golden.c runs the
engine on the same weights and input and compares every stage. The idea: an independent
implementation of each operator, so that a mistake shared by the engine's fast path and its
reference loops (a window off by one, groups ignored, a pool rounded the wrong way) still shows.

Variants (both at widths 12 16 12 12 8 32 32 10 for conv1..conv5, fc6..fc8):
  A  input 227, floor pooling, conv → relu → norm → pool (paper, bvlc_alexnet),
     Caffe LRN (k = 1, s = α/n) across all channels.  Seed 1.
  B  input 224, ceil pooling, conv → relu → pool → norm (CaffeNet, the course notes),
     paper LRN (k = 2, s = α) within each tower.       Seed 2.

Weights and input, reproducible with no file (tests/test_golden.c has the same code):
  splitmix64 with state = the variant's seed: next_u64 adds 0x9E3779B97F4A7C15 to the state and
  mixes it; next_sym = (next_u64 >> 40) · 2/2^24 − 1, a float32 uniform in [-1, 1) (exact).
  One stream, in this order: for every stage with parameters, in table order, its weights
  (conv (M, C/groups, K, K), fc (out, in), row-major) then its biases (M), each value
  float32(scale · next_sym), with
      weight scale = GAIN[layer] · sqrtf(3 / fan_in)   (fan_in = C/groups·K·K, or in)
      bias scale   = BIAS[layer]
  computed in float32; then the input (3, S, S) as float32(100 · next_sym), Caffe's ±100 range.
  GAIN and BIAS are exactly representable in binary, so C literals and Python agree bit for bit.

File format (<variant>.golden): an ASCII header, then little-endian float32 data.
  alexviz-golden 1
  variant A
  config input=227 pool=floor pad_end=0 norm=before-pool lrn=caffe window=across n=5
         alpha=0.0001 beta=0.75 k=1                          (one line)
  widths 12 16 12 12 8 32 32 10
  seed 1
  hash input fnv1a=<16 hex>               FNV-1a 64 of the input's float32 bytes
  hash conv1 w=<16 hex> b=<16 hex>        ... of each layer's weights and biases
  stage <name> <C> <H> <W> stride=<s> stored=<m> sum=<%.17g> sumabs=<%.17g> sumsq=<%.17g>
  ... one stage line per stage, in the variant's order ...
  end
  then, per stage in the same order, m float32 values: the flat C×H×W output at indices
  0, s, 2s, ..., (m−1)·s. s = 1 (everything stored) up to MAX_STORED values; for larger stages s
  is the smallest step that keeps m ≤ MAX_STORED and is coprime with W, so the sample visits
  every column and every channel. sum, sumabs (Σ|x|) and sumsq (Σx²) are over the whole stage,
  in float64, so every value is still checked in aggregate.

The script also checks torch's LRN against the formula written out, and reports how far torch's
float32 result is from the same network run in float64 (the size of honest float32 error).
"""
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

# conv1..conv5, fc6..fc8: narrow, but towers of 6 and 8 channels, so the 5-channel LRN window
# slides inside a tower and meets its boundary.
WIDTHS = [12, 16, 12, 12, 8, 32, 32, 10]
# Per learned layer 1..8. He gain (√2 ≈ 1.5 here) keeps the spread through ReLUs; fc8 is scaled
# down so the logits are a few units and softmax stays soft. Conv outputs come out around 100,
# trained AlexNet's size, where LRN (k = 1, α/n = 2e-5 or k = 2, α = 1e-4) visibly divides.
GAIN = [1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 0.03125]
BIAS = [8.0, 8.0, 8.0, 8.0, 8.0, 4.0, 4.0, 0.5]
INPUT_SCALE = 100.0
MAX_STORED = 6144

VARIANTS = [
    dict(name="A", seed=1, input=227, ceil=False, after=False, lrn="caffe", within=False),
    dict(name="B", seed=2, input=224, ceil=True, after=True, lrn="paper", within=True),
]
LRN_N, LRN_ALPHA, LRN_BETA = 5, 1e-4, 0.75

M64 = (1 << 64) - 1


def splitmix_sym(seed, start, count):
    """next_sym for calls start+1 .. start+count of a splitmix64 stream begun at seed.
    Call i sees state seed + i·γ, so the whole block is computed at once."""
    i = np.arange(start + 1, start + count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(40)).astype(np.float32) * np.float32(2.0 / 16777216.0) - np.float32(1.0)


def fnv1a(a):
    h = 0xCBF29CE484222325
    for byte in np.ascontiguousarray(a, dtype="<f4").tobytes():
        h = ((h ^ byte) * 0x100000001B3) & M64
    return "%016x" % h


def stage_names(after):
    names = []
    for layer in (1, 2):
        names += ["conv%d" % layer, "relu%d" % layer]
        names += ["pool%d" % layer, "norm%d" % layer] if after else ["norm%d" % layer, "pool%d" % layer]
    names += ["conv3", "relu3", "conv4", "relu4", "conv5", "relu5", "pool5"]
    names += ["fc6", "relu6", "drop6", "fc7", "relu7", "drop7", "fc8", "prob"]
    return names


def make_params(v):
    """Weights, biases and input of variant v from its splitmix64 stream (see the top)."""
    w = WIDTHS
    s = v["input"]
    conv_out = (s - 11) // 4 + 1
    p1 = pool_out(conv_out, v["ceil"])
    p2 = pool_out(p1, v["ceil"])
    p5 = pool_out(p2, v["ceil"])
    # (layer, weight shape) as net_table_build lays them out: conv (M, C/groups, K, K), fc (out, in)
    shapes = [
        (1, (w[0], 3, 11, 11)),
        (2, (w[1], w[0] // 2, 5, 5)),
        (3, (w[2], w[1], 3, 3)),
        (4, (w[3], w[2] // 2, 3, 3)),
        (5, (w[4], w[3] // 2, 3, 3)),
        (6, (w[5], w[4] * p5 * p5)),
        (7, (w[6], w[5])),
        (8, (w[7], w[6])),
    ]
    used, params = 0, []
    for layer, shape in shapes:
        n_w = int(np.prod(shape))
        fan_in = n_w // shape[0]
        scale = np.float32(GAIN[layer - 1]) * np.sqrt(np.float32(3.0) / np.float32(fan_in))
        wt = (scale * splitmix_sym(v["seed"], used, n_w)).reshape(shape)
        used += n_w
        b = np.float32(BIAS[layer - 1]) * splitmix_sym(v["seed"], used, shape[0])
        used += shape[0]
        params.append((wt.astype(np.float32), b.astype(np.float32)))
    x = np.float32(INPUT_SCALE) * splitmix_sym(v["seed"], used, 3 * s * s)
    return params, x.astype(np.float32).reshape(1, 3, s, s)


def pool_out(n, ceil):
    num = n - 3
    out = (-(-num // 2) if ceil else num // 2) + 1
    if ceil and (out - 1) * 2 >= n:
        out -= 1
    return out


def lrn_formula(a, v):
    """b = a / (k + s·Σ a_j²)^β written out in float64: the window c−2..c+2 clipped to the
    channel's domain (all channels, or its tower)."""
    a = a.double()
    C = a.shape[1]
    k, s = (1.0, LRN_ALPHA / LRN_N) if v["lrn"] == "caffe" else (2.0, LRN_ALPHA)
    dom = C // 2 if v["within"] else C
    out = torch.empty_like(a)
    for c in range(C):
        lo, hi = c // dom * dom, c // dom * dom + dom - 1
        j0, j1 = max(lo, c - (LRN_N - 1) // 2), min(hi, c + LRN_N - 1 - (LRN_N - 1) // 2)
        sq = (a[:, j0:j1 + 1] ** 2).sum(1)
        out[:, c] = a[:, c] / (k + s * sq) ** LRN_BETA
    return out


def lrn_torch(x, v):
    # torch divides Σa² by n (an average): Caffe's α/n is alpha=α; the paper's s=α is alpha=α·n.
    alpha, k = (LRN_ALPHA, 1.0) if v["lrn"] == "caffe" else (LRN_ALPHA * LRN_N, 2.0)
    f = lambda t: F.local_response_norm(t, LRN_N, alpha=alpha, beta=LRN_BETA, k=k)
    if v["within"]:
        h = x.shape[1] // 2
        return torch.cat([f(x[:, :h]), f(x[:, h:])], 1)
    return f(x)


def forward(v, params, x, dtype):
    """Every stage's output, in the variant's order, as (name, tensor)."""
    P = [(torch.from_numpy(w).to(dtype), torch.from_numpy(b).to(dtype)) for w, b in params]
    x = torch.from_numpy(x).to(dtype)
    out = []

    def emit(name, t):
        out.append((name, t))
        return t

    pool = lambda t: F.max_pool2d(t, 3, 2, ceil_mode=v["ceil"])
    convs = [(4, 0, 1), (1, 2, 2), (1, 1, 1), (1, 1, 2), (1, 1, 2)]  # stride, pad, groups
    for layer in range(1, 6):
        stride, pad, groups = convs[layer - 1]
        w, b = P[layer - 1]
        x = emit("conv%d" % layer, F.conv2d(x, w, b, stride=stride, padding=pad, groups=groups))
        x = emit("relu%d" % layer, F.relu(x))
        if layer in (1, 2):
            if v["after"]:
                x = emit("pool%d" % layer, pool(x))
                x = emit("norm%d" % layer, lrn_torch(x, v))
            else:
                x = emit("norm%d" % layer, lrn_torch(x, v))
                x = emit("pool%d" % layer, pool(x))
    x = emit("pool5", pool(x))
    x = x.flatten(1)
    for layer in (6, 7):
        w, b = P[layer - 1]
        x = emit("fc%d" % layer, F.linear(x, w, b))
        x = emit("relu%d" % layer, F.relu(x))
        x = emit("drop%d" % layer, F.dropout(x, p=0.5, training=False))
    w, b = P[7]
    x = emit("fc8", F.linear(x, w, b))
    emit("prob", F.softmax(x, 1))
    return out


def sample_stride(count, width):
    s = max(1, -(-count // MAX_STORED))
    while s > 1 and math.gcd(s, width) != 1:
        s += 1
    return s


def config_line(v):
    k = 1 if v["lrn"] == "caffe" else 2
    return ("config input=%d pool=%s pad_end=0 norm=%s lrn=%s window=%s n=%d alpha=%g beta=%g k=%g"
            % (v["input"], "ceil" if v["ceil"] else "floor",
               "after-pool" if v["after"] else "before-pool", v["lrn"],
               "towers" if v["within"] else "across", LRN_N, LRN_ALPHA, LRN_BETA, k))


def generate(v, outdir):
    params, x = make_params(v)
    ours = forward(v, params, x, torch.float32)
    ref = dict(forward(v, params, x, torch.float64))
    assert [n for n, _ in ours] == stage_names(v["after"]), "stage order differs from net/table.c"

    header = ["alexviz-golden 1", "variant %s" % v["name"], config_line(v),
              "widths " + " ".join(str(w) for w in WIDTHS), "seed %d" % v["seed"],
              "hash input fnv1a=%s" % fnv1a(x)]
    for layer, (w, b) in enumerate(params, 1):
        name = "conv%d" % layer if layer <= 5 else "fc%d" % layer
        header.append("hash %s w=%s b=%s" % (name, fnv1a(w), fnv1a(b)))

    data = []
    prev = None
    print("variant %s: %s" % (v["name"], config_line(v)))
    print("  %-6s %-12s %9s %9s %7s %10s  %s" % ("stage", "shape", "rms", "max", "zeros",
                                                "f32-f64", "note"))
    for name, t in ours:
        a = t.detach().numpy().astype(np.float32)[0]
        shape = a.shape if a.ndim == 3 else (a.shape[0], 1, 1)
        flat = a.reshape(-1)
        stride = sample_stride(flat.size, shape[2])
        stored = flat[::stride]
        f64 = flat.astype(np.float64)
        rms = math.sqrt(float((f64 * f64).sum()) / flat.size)
        err = float(np.abs(ref[name].numpy()[0].reshape(-1) - f64).max())
        note = ""
        if name.startswith("norm"):
            # the formula written out must agree with torch's operator on this very input
            want = lrn_formula(prev, v).numpy()[0].reshape(-1)
            dev = float(np.abs(want - f64).max()) / rms
            assert dev < 1e-5, "%s: F.local_response_norm differs from the formula by %g" % (name, dev)
            pin = prev.detach().numpy()[0].reshape(-1).astype(np.float64)
            nz = pin != 0
            ratio = float((f64[nz] / pin[nz]).mean())
            assert ratio < 0.9, "%s: LRN barely acts (mean out/in %.3f)" % (name, ratio)
            note = "out/in %.3f, formula check %.1e" % (ratio, dev)
        if name.startswith("relu"):
            assert (flat == 0).mean() < 0.8, "%s is mostly dead" % name
        if name == "prob":
            note = "max p %.3f" % flat.max()
            assert flat.max() < 0.95, "softmax is one-hot; lower GAIN[fc8]"
        print("  %-6s %-12s %9.4g %9.4g %6.1f%% %10.2e  %s" % (
            name, "x".join(map(str, shape)), rms, np.abs(flat).max(), 100 * (flat == 0).mean(),
            err / rms, note))
        header.append("stage %s %d %d %d stride=%d stored=%d sum=%.17g sumabs=%.17g sumsq=%.17g" % (
            name, shape[0], shape[1], shape[2], stride, stored.size, math.fsum(f64),
            math.fsum(np.abs(f64)), math.fsum(f64 * f64)))
        data.append(stored.astype("<f4").tobytes())
        prev = t
    header.append("end")

    path = os.path.join(outdir, "%s.golden" % v["name"])
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(("\n".join(header) + "\n").encode("ascii"))
        for d in data:
            f.write(d)
    os.replace(tmp, path)
    print("  wrote %s (%d bytes)" % (path, os.path.getsize(path)))


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    outdir = os.path.dirname(os.path.abspath(__file__))
    for v in VARIANTS:
        generate(v, outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
