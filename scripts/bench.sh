#!/bin/sh
# bench.sh: `make bench`. Times alexviz, then (where Debian's python3-torch and python3-opencv are
# installed) the same network in PyTorch and OpenCV DNN in the same run, and prints the ratios
# against the targets of issue 2: median ≤ 18 ms, ≤ 0.9× OpenCV DNN, hook copy ≤ 5 %,
# peak RSS < 400 MB.
set -eu
cd "$(dirname "$0")/.."
runs=${RUNS:-50}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
./alexviz bench --runs "$runs" | tee "$out"
ours=$(sed -n 's/^forward_ms median=\([0-9.]*\).*/\1/p' "$out")
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
