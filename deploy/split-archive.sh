#!/bin/sh
# Check an archive on WORKERS machines (or batch jobs) by splitting it by file: each worker checks its own
# contiguous share of the sorted file list, and the shares' outputs, concatenated in order, are exactly
# what one serial `orbitcheck check --format text ARCHIVE` prints. Here the workers are local processes
# (xargs -P); on a batch system, run the middle step's command once per part-* file as one job each.
#   usage: deploy/split-archive.sh ARCHIVE WORKERS OUTPUT
set -eu
archive=$1 workers=$2 out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
find "$archive" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) | LC_ALL=C sort > "$work/files"
split -n "l/$workers" -d "$work/files" "$work/part-"
parts=$(ls "$work"/part-*)
printf '%s\n' $parts | xargs -P "$workers" -I{} sh -c \
  'xargs -r orbitcheck check --format text --fail-on never --jobs 1 < "$1" > "$1.out" 2> "$1.err"' _ {}
cat "$work"/part-*.out > "$out"
