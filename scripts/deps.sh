#!/bin/sh
# deps.sh: installs the Debian packages alexviz needs that are missing, and nothing else.
#   sh scripts/deps.sh build   compile ./alexviz
#   sh scripts/deps.sh run     build + what the window needs at run time (fonts)
#   sh scripts/deps.sh test    run + what the tests need (ONNX test data, Xvfb, clang for fuzzing,
#                              clang-format for the layout check)
#   sh scripts/deps.sh dev     test + what regenerates golden files and benchmarks against other
#                              implementations (python3-torch, python3-opencv, skimage); never CI
# Uses apt-get, through sudo when not root. Quiet when everything is already there.
set -eu

build="build-essential pkg-config libsdl2-dev libcairo2-dev libpango1.0-dev libstb-dev
       libopenblas-dev libprotobuf-c-dev protobuf-c-compiler libonnx-dev zlib1g-dev
       libjpeg62-turbo-dev libpng-dev libgif-dev"
run="$build fonts-dejavu-core fonts-nanum"
test="$run libonnx-testdata xvfb xauth clang libclang-rt-dev curl clang-format-14"
dev="$test python3-torch python3-onnx python3-opencv python3-skimage imagemagick poppler-utils"

case "${1:-test}" in
build) want=$build ;;
run) want=$run ;;
test) want=$test ;;
dev) want=$dev ;;
*) echo "deps.sh: unknown set '$1' (build, run, test or dev)" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "alexviz: installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "alexviz: apt-get not found; install these packages by hand:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
