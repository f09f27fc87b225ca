#!/bin/sh
# Measures gopar's cell runtime against Python's asyncio, side by side, and
# writes bench/runtime/RESULTS.md. Run from anywhere; takes about a minute.
set -eu
cd "$(dirname "$0")/../.."
go run ./bench/runtime -o bench/runtime/RESULTS.md -python /usr/bin/python3 -script bench/runtime/asyncio_overhead.py "$@"
