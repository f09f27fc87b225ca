#!/usr/bin/env bash
# Builds gopar, installs its kernelspec for this user and starts Jupyter on
# the lessons. Open the printed URL in a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
go build -o bin/gopar .
./bin/gopar install --user
args=(--notebook-dir=lessons --no-browser --ip=127.0.0.1)
[ "$(id -u)" -eq 0 ] && args+=(--allow-root)
if command -v jupyter-lab >/dev/null; then
	exec jupyter-lab "${args[@]}"
fi
exec jupyter-notebook "${args[@]}"
