#!/bin/sh
# fuzz.sh SECONDS BIN...: runs each libFuzzer binary for SECONDS and fails on the first finding.
#
# Each binary gets its own corpus folder, build/fuzz/corpus-NAME, seeded with every file under
# assets/, tests/data/, fuzz/corpus/NAME/ (photos, .npy, ONNX files) and $FUZZ_SEEDS/NAME/ (the
# hostile files `alexviz_tests --corpus` writes; make fuzz passes them), and kept between runs,
# so later runs start where earlier ones stopped. A crash, leak, sanitizer report or timeout leaves
# its input in build/fuzz/NAME-crash-… (or -leak-, -timeout-) and makes this script exit 1.
# Run from the repository root (make fuzz does).
set -u

if [ $# -lt 2 ]; then
    echo "usage: sh scripts/fuzz.sh SECONDS BIN..." >&2
    exit 2
fi
seconds=$1
shift
case $seconds in
    '' | *[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac

failed=0
for bin in "$@"; do
    name=$(basename "$bin")
    corpus=build/fuzz/corpus-$name
    log=build/fuzz/$name.log
    mkdir -p "$corpus"
    for seed in assets/* tests/data/* fuzz/corpus/"$name"/* ${FUZZ_SEEDS:+"$FUZZ_SEEDS/$name"/*}; do
        [ -f "$seed" ] && cp "$seed" "$corpus/"
    done
    echo "fuzz: $name for ${seconds}s (corpus $corpus, log $log)"
    # -timeout: one input taking 20 s is a hang worth reporting; the largest photo alexviz
    # accepts decodes in about a second.
    if "$bin" "$corpus" -max_total_time="$seconds" -timeout=20 -print_final_stats=1 \
        -artifact_prefix="build/fuzz/$name-" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done' "$log" | sed 's/^/  /'
    else
        echo "fuzz: $name found a problem; the end of $log:" >&2
        tail -n 40 "$log" >&2
        failed=1
    fi
done
exit $failed
