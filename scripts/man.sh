#!/bin/sh
# man.sh BIN VERSION: writes the man page alexviz.1 to stdout, made from the program's own
# --help texts (so that it says what the program says), one section per command.
set -eu
bin=$1
version=$2
# roff: a backslash is written \e, and a line may not start with . or '
quote() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }

cat <<HEAD
.TH ALEXVIZ 1 "" "alexviz $version" "User Commands"
.SH NAME
alexviz \\- walk through AlexNet (2012) stage by stage on a real photo
.SH SYNOPSIS
.B alexviz
[\\fICOMMAND\\fR] [\\fIoptions\\fR] [\\fIIMAGE\\fR...]
.SH DESCRIPTION
HEAD
echo ".nf"
LANG=C LC_ALL=C "$bin" --help | quote
echo ".fi"
for cmd in view trace shapes export check bench; do
    echo ".SH \"alexviz $cmd\""
    echo ".nf"
    LANG=C LC_ALL=C "$bin" "$cmd" --help | quote
    echo ".fi"
done
cat <<TAIL
.SH FILES
.TP
.I PREFIX/share/alexviz/assets
the bundled photos and ImageNet's class names
.TP
.I PREFIX/libexec/alexviz/alexviz-decode
the photo decoder program alexviz runs for every photo, in a child process with limits
.TP
.I PREFIX/share/doc/alexviz
the documentation: the network, the classroom guide, exports, formats, weights
.SH SEE ALSO
The documentation in PREFIX/share/doc/alexviz, starting with README.md.
TAIL
