#!/bin/sh
# bench.sh: `make bench`. Times alexviz, then (where Debian's python3-torch and python3-opencv are
# installed) the same network in PyTorch and OpenCV DNN in the same run, and prints the ratios
# against the targets of issue 2: median ≤ 18 ms, ≤ 0.9× OpenCV DNN, hook copy ≤ 5 %,
# peak RSS < 400 MB; and of issue 12: the backward pass at most 2.5× the forward pass.
set -eu
cd "$(dirname "$0")/.."
runs=${RUNS:-50}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
./alexviz bench --runs "$runs" | tee "$out"
ours=$(sed -n 's/^forward_ms median=\([0-9.]*\).*/\1/p' "$out")
back=$(sed -n 's/^backward_ms median=\([0-9.]*\).*/\1/p' "$out")
[ -n "$back" ] && awk -v a="$back" -v b="$ours" \
    'BEGIN { printf "ratio backward/forward = %.2f (target ≤ 2.5)\n", a / b }'
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    /usr/bin/python3 scripts/bench_ref.py "$runs" 2 2>/dev/null | tee -a "$out"
    for fw in torch opencv; do
        theirs=$(sed -n "s/^${fw}_ms median=\([0-9.]*\).*/\1/p" "$out")
        [ -n "$theirs" ] && awk -v a="$ours" -v b="$theirs" -v fw="$fw" \
            'BEGIN { printf "ratio alexviz/%s = %.2f\n", fw, a / b }'
    done
else
    echo "reference timings skipped: python3-torch not installed (sh scripts/deps.sh dev)"
fi

# The classroom window (issue 4): the views offscreen at 1920×1080 (no display needed), then,
# when Xvfb is installed, the real window's frame times (software rendering: a GPU presents
# faster) while the pointer moves over conv1's maps.
./alexviz view --bench
if command -v xvfb-run >/dev/null 2>&1; then
    moves=""
    for i in $(seq 1 40); do moves="$moves move:$((300 + 10 * i)),500"; done
    xvfb-run -a -s '-screen 0 1920x1080x24' ./alexviz view assets/chelsea.png \
        --size 1920x1080 --play "view:grid stage:conv1 $moves stats quit"
fi

# Exports (issue 5): the whole `alexviz export` command on one photo, start to exit, 2 threads:
# every stage PNG, the other pictures and the handout (target ≤ 2000 ms), then the same with
# --channels, 3,712 more PNGs (target ≤ 15000 ms). Median of 3 runs each.
exdir=$(mktemp -d)
trap 'rm -f "$out"; rm -rf "$exdir"' EXIT
export_time() {
    for i in 1 2 3; do
        t0=$(date +%s%N)
        ./alexviz export assets/chelsea.png -o "$exdir/$i" "$@" >/dev/null
        t1=$(date +%s%N)
        rm -rf "${exdir:?}/$i"
        echo $(((t1 - t0) / 1000000))
    done | sort -n | sed -n 2p
}
echo "export_ms median=$(export_time) (target ≤ 2000: 41 PNGs at 1920×1080, 2 GIFs and a" \
    "36-page PDF)"
echo "export_channels_ms median=$(export_time --channels --scale 4) (target ≤ 15000: plus" \
    "3,712 channel PNGs at 4×)"
