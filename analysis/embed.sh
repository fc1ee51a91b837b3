#!/bin/sh
# embed.sh FILE: FILE's bytes as the body of a C array initializer, so
# that a file of the tree (the HTML report's viewer) is built into the
# analysis: static const char x[] = {
# #include "x.inc"
# 0};
set -e
od -An -v -tx1 "$1" | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'
