#!/bin/sh
# Times the constructs Go code is made of side by side: one Go program as
# a gopar cell and compiled, its Python twin under CPython
# (bench/constructs/main.go says how), and writes the Markdown report,
# bench/constructs/RESULTS.md unless -o says otherwise:
#   bench/constructs/run.sh -o FILE -rounds 5 -goroutines 100000
# BENCH_QUICK=1 runs one round of loops twenty times shorter: a smoke run.
# BENCH_CPUPROFILE=FILE writes a CPU profile of the last gopar cell there
# (go tool pprof FILE).
set -eu
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/bench-constructs" ./bench/constructs
"$dir/bench-constructs" "$@"
