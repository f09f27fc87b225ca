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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gopar" .
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config"
export JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1
"$work/gopar" install --user >/dev/null
/usr/bin/python3 bench/modules/bench_modules.py -o "$out"
