#!/bin/sh
# screenshots.sh [BIN]: remakes the pictures in docs/img from the program itself, so the docs
# show what it draws today. The window runs with SDL's dummy driver (no display needed) on the
# seeded weights; the handout pages are rendered by pdftoppm (poppler-utils, which
# `sh scripts/deps.sh dev` installs). Deterministic: run it again and the pictures come out the
# same.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-./alexviz}
out=docs/img
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
photo=assets/chelsea.png
window() { # SIZE SCRIPT [FLAGS...]
    size=$1 script=$2
    shift 2
    ALEXVIZ_WEIGHTS= SDL_VIDEODRIVER=dummy "$bin" view "$photo" --size "$size" --force \
        --play "$script quit" "$@" >/dev/null
}

window 1280x720 "view:pipeline shot:$out/window-pipeline.png"
window 1280x720 "step step step step step step step step shot:$out/window-step.png" --step
window 1280x720 "stage:conv2 view:zoom unit:14,9 shot:$out/window-zoom.png"
window 1280x720 "stage:norm1 view:lrn shot:$out/window-lrn.png"
window 1280x720 "stage:conv1 view:arith shot:$out/window-arith.png"
window 1280x720 "stage:conv1 view:filters shot:$out/window-filters.png"
window 1280x720 "stage:conv4 view:compute unit:12,12 shot:$out/window-compute.png"
# the convolution lab: the window sliding at 227 and at 224, conv3 reading both towers,
# pool1's overlapping windows, the playground
window 1920x1080 "stage:conv1 view:compute move:800,400 shot:$out/window-compute-conv1.png"
window 1280x720 "stage:conv1 view:compute slide:55 shot:$out/window-slide-227.png"
window 1280x720 "stage:conv1 view:compute slide:54 shot:$out/window-slide-224.png" --input-size 224
window 1280x720 "stage:conv3 view:compute unit:6,6 shot:$out/window-compute-conv3.png"
window 1280x720 "stage:pool1 view:compute unit:10,8 shot:$out/window-compute-pool1.png"
window 1280x720 "playground:conv1-224 shot:$out/window-playground.png"
# the lesson around the network: LeNet-5 beside AlexNet, the training story, a slip of the notes
window 1280x720 "lesson:lenet shot:$out/window-lesson-lenet.png"
window 1280x720 "lesson:training shot:$out/window-lesson-training-ko.png" --lang ko
window 1280x720 "key:o lesson:dropout shot:$out/window-lesson-dropout.png"
window 1280x720 "lesson:tencrop wait sleep:300 wait shot:$out/window-lesson-tencrop.png"
window 1280x720 "stage:conv1 view:grid shot:$out/window-notes-conv1-ko.png" --lang ko
# a projector: text one and a half times larger, and the class's language
window 1280x720 "stage:conv1 view:grid shot:$out/window-scale15.png" --scale 1.5
window 1280x720 "stage:conv3 view:grid shot:$out/window-ko.png" --lang ko
window 1280x720 "stage:norm1 view:lrn shot:$out/window-lrn-ko.png" --lang ko --scale 1.5

# slides and the handout
ALEXVIZ_WEIGHTS= "$bin" export "$photo" -o "$tmp/en" --stages conv1,norm1,conv3 --size 1280x720 \
    >/dev/null
ALEXVIZ_WEIGHTS= "$bin" export "$photo" -o "$tmp/ko" --stages conv1,norm1,conv3 --size 1280x720 \
    --lang ko >/dev/null
cp "$tmp/en/chelsea/01-conv1.png" "$out/slide-conv1.png"
page() { # PDF PAGE OUT [FLAGS...]: one page as OUT.png
    pdf=$1 n=$2 png=$3
    shift 3
    pdftoppm -r 60 -png -singlefile -f "$n" -l "$n" "$@" "$pdf" "${png%.png}"
}
page "$tmp/en/chelsea/handout.pdf" 1 "$out/handout-cover.png"
page "$tmp/en/chelsea/handout.pdf" 3 "$out/handout-conv1.png"
page "$tmp/ko/chelsea/handout.pdf" 3 "$out/handout-conv1-ko-grey.png" -gray
echo "screenshots.sh: $(ls "$out" | wc -l) pictures in $out"
