#!/bin/sh
# weights.sh: downloads the ONNX model zoo's bvlcalexnet-12.onnx (the 2012 AlexNet as Caffe
# trained it), verifies its sha256 and stores it where alexviz looks for it by default.
#
#   sh scripts/weights.sh [DEST]    (make weights)
#
# DEST defaults to weights/bvlcalexnet-12.onnx in the repository. The file appears there only
# complete and verified: curl writes DEST.part-XXXXXX beside it, which is checked and then renamed
# over DEST in one step; on any failure (offline, interrupted, wrong checksum) the partial file is
# removed, a message says why, and the exit status is non-zero. An existing verified DEST is kept;
# any other file there is replaced only with FORCE=1, and a folder or a device never.
#
# Environment, for mirrors and for the tests (which use a local file:// address):
#   WEIGHTS_URL     where to download from (default: the model zoo's mirror)
#   WEIGHTS_SHA256  the checksum to expect (default: bvlcalexnet-12.onnx's)
#   FORCE=1         replace a file at DEST that is not the verified download
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$repo/weights/bvlcalexnet-12.onnx}
url=${WEIGHTS_URL:-https://huggingface.co/onnxmodelzoo/legacy_models/resolve/main/validated/vision/classification/alexnet/model/bvlcalexnet-12.onnx}
sha=${WEIGHTS_SHA256:-6b0da9510f27f234ee96a85dc3809dd210150fdefad87f6850f9788513216945}

say() { printf '%s\n' "weights.sh: $*" >&2; }
# the checksum from the bytes on stdin: sha256sum marks a file name holding a backslash or a
# newline with a leading backslash, which would spoil the comparison
sha_of() { sha256sum < "$1" | cut -d' ' -f1; }

for tool in curl sha256sum mktemp; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        say "$tool is not installed (sh scripts/deps.sh test installs curl)"
        exit 1
    fi
done

# a name starting with '-' would be taken for an option by the tools below
case $dest in -*) dest=./$dest ;; esac
case $dest in
*/) say "$dest names a folder; name the file to store (e.g. ${dest}bvlcalexnet-12.onnx)"
    exit 1 ;;
esac
if [ -d "$dest" ]; then
    say "$dest is a folder; name the file to store (e.g. $dest/bvlcalexnet-12.onnx)"
    exit 1
fi
if [ -e "$dest" ] || [ -L "$dest" ]; then
    if [ ! -f "$dest" ] || [ -L "$dest" ]; then
        say "$dest exists and is not a plain file; nothing was stored"
        exit 1
    fi
    if [ "$(sha_of "$dest")" = "$sha" ]; then
        say "$dest is already there and verified"
        exit 0
    fi
    if [ "${FORCE:-}" != 1 ]; then
        say "$dest exists and is not the verified download; FORCE=1 replaces it"
        exit 1
    fi
fi

dir=$(dirname "$dest")
if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then
    say "cannot write to $dir"
    exit 1
fi
part=$(mktemp "$dest.part-XXXXXX" 2>/dev/null) || { say "cannot create a file in $dir"; exit 1; }
trap 'rm -f "$part"' EXIT
trap 'rm -f "$part"; say "interrupted; nothing was stored"; exit 130' INT TERM HUP

say "downloading $url"
# --fail: an HTTP error is an error, not a page saved as the model; -L: the mirror redirects
if ! curl --fail --location --progress-bar --retry 2 --connect-timeout 20 -o "$part" "$url"; then
    say "download failed (offline, or the address moved?); nothing was stored."
    say "the file is also listed in the ONNX model zoo as bvlcalexnet-12.onnx; see docs/weights.md"
    exit 1
fi

got=$(sha_of "$part")
if [ "$got" != "$sha" ]; then
    size=$(wc -c <"$part" | tr -d ' ')
    say "checksum mismatch: got sha256 $got ($size bytes),"
    say "expected $sha (243,863,787 bytes for bvlcalexnet-12.onnx); nothing was stored"
    exit 1
fi

chmod 644 "$part"
# -T: DEST is the file itself, never a folder to move into
mv -f -T "$part" "$dest"
trap - EXIT
say "stored $dest (sha256 verified)"
