#!/bin/sh
# Runs a command with gopar built from this checkout and its kernelspec
# installed in a Jupyter directory of its own, removed afterwards, so that
# a benchmark drives this gopar whatever the user has installed:
#   bench/with-kernelspec.sh /usr/bin/python3 bench/session/bench_session.py -o FILE
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gopar" .
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config"
export JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1
"$work/gopar" install --user >/dev/null
"$@"
