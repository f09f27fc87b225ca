#!/bin/sh
# Runs whole programs in Go and Python side by side: each Go program as a
# gopar cell, its Python twin under CPython, and the Go program compiled
# (bench/programs/main.go says how), and writes the Markdown report,
# bench/programs/RESULTS.md unless -o says otherwise:
#   bench/programs/run.sh -o FILE -rounds 5 -only nbody,fasta
# BENCH_QUICK=1 runs each program once at a small size: a smoke run.
# BENCH_CPUPROFILE=FILE writes a CPU profile of the last gopar cell there
# (go tool pprof FILE).
set -eu
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/bench-programs" ./bench/programs
"$dir/bench-programs" "$@"
