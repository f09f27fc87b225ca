#!/usr/bin/env bash
# Builds gopar, installs its kernelspec for this user and starts Jupyter on
# a working copy of the lessons. Open the printed URL in a browser.
#
# The lessons run from lab/ (or $GOPAR_LAB_DIR), not from lessons/: opening
# a notebook rewrites it, and learners edit and save them. The working copy
# is made on the first run, notebooks and data; later runs add what is
# missing and never overwrite a learner's edits.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
go build -o bin/gopar .
./bin/gopar install --user

lab="${GOPAR_LAB_DIR:-lab}"
mkdir -p "$lab"
cp -R -n lessons/*.ipynb lessons/data "$lab"/
echo "Lessons in $lab (a working copy: lessons/ stays as committed)"

args=(--notebook-dir="$lab" --no-browser --ip=127.0.0.1)
[ "$(id -u)" -eq 0 ] && args+=(--allow-root)
if command -v jupyter-lab >/dev/null; then
	exec jupyter-lab "${args[@]}"
fi
exec jupyter-notebook "${args[@]}"
