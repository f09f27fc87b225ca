#!/bin/sh
# Measures long sessions (bench/session/bench_session.py: a declaration
# cell and a trivial cell at the start of a session and after 5,000 small
# cells, and the memory each cell adds, in gopar and in ipykernel) and
# writes bench/session/RESULTS.md, or the file -o names. Takes a few
# minutes.
set -eu
cd "$(dirname "$0")/../.."
out=bench/session/RESULTS.md
if [ "${1:-}" = -o ]; then
	out="$2"
fi
bench/with-kernelspec.sh /usr/bin/python3 bench/session/bench_session.py -o "$out"
