#!/bin/sh
# Measures modules in cells (bench/modules/bench_modules.py: the first
# import of a module gopar does not bundle, the import from gopar's cache,
# a call into it against a bundled compiled function) and writes
# bench/modules/RESULTS.md, or the file -o names. Needs the go command and
# the module proxy; takes a few minutes.
set -eu
cd "$(dirname "$0")/../.."
out=bench/modules/RESULTS.md
if [ "${1:-}" = -o ]; then
	out="$2"
fi
bench/with-kernelspec.sh /usr/bin/python3 bench/modules/bench_modules.py -o "$out"
