#!/bin/sh
# Times gopar's native kernels against the same algorithms in C (gcc -O2)
# and writes bench/native/RESULTS.md. Options go to the Go program:
#   bench/native/run.sh -rounds 3
# The program is built (not "go run") so that it keeps the symbol table it
# disassembles to check what the Go compiler made of sum_range.
set -eu
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/bench-native" ./bench/native
"$dir/bench-native" "$@"
