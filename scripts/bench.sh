#!/usr/bin/env bash
# Runs every side-by-side benchmark in one run and writes BENCHMARKS.md
# (tables as ratios, charts in bench/report/charts): kernel start-up and
# round trip against ipykernel, interpreted loops against CPython, Mandelbrot
# scaling, kernel memory and thirty kernels at once (bench/kernel), native
# kernels against C (bench/native), runtime overhead per task against
# asyncio (bench/runtime), %timeit of a native call against go test -bench
# (magics' BenchmarkTimeitVsGoBench), the constructs of Go code against
# CPython and compiled Go (bench/constructs) and whole programs against
# CPython (bench/programs), modules in cells (bench/modules) and long
# sessions against ipykernel (bench/session). Takes a quarter of an hour; the committed
# RESULTS.md of bench/native and bench/runtime are left as they are, those
# of bench/constructs and bench/programs are rewritten (each suite also
# runs alone, and go run ./bench/report -splice puts its results into
# BENCHMARKS.md). BENCH_QUICK=1 makes those two suites a short smoke run.
# BENCHMARKS.md also includes bench/interpreter/RESULTS.md, what each change
# to the interpreter did to its loops; bench/interpreter/run.sh rewrites it
# (it builds old commits, so it is not part of every run).
set -euo pipefail
cd "$(dirname "$0")/.."

GOPAR_BENCH=1 ./scripts/deps.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== building gopar and installing its kernelspec in $work" >&2
go build -o "$work/gopar" .
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config"
export JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1
"$work/gopar" install --user >/dev/null

echo "== kernels: gopar against ipykernel and CPython (bench/kernel)" >&2
(cd bench/kernel && /usr/bin/python3 bench_kernel.py "$work/kernel.json")

echo "== native kernels against C (bench/native)" >&2
bench/native/run.sh -o "$work/native.md" >/dev/null

echo "== runtime overhead per task against asyncio (bench/runtime)" >&2
bench/runtime/run.sh -o "$work/runtime.md" >/dev/null

# Five rounds, each timing both sides of every call in turn (-count would
# repeat each side in a row); the report keeps each side's fastest round.
# The default -benchtime: with -benchtime Nx the Go side gets too few
# iterations to mean anything.
echo "== constructs against CPython and compiled Go (bench/constructs)" >&2
bench/constructs/run.sh -o bench/constructs/RESULTS.md >/dev/null

echo "== whole programs against CPython (bench/programs)" >&2
bench/programs/run.sh -o bench/programs/RESULTS.md >/dev/null

echo "== modules in cells: first and cached import, calls against a bundled function (bench/modules)" >&2
bench/modules/run.sh -o bench/modules/RESULTS.md >/dev/null

echo "== long sessions: a cell after 5,000 cells, against ipykernel (bench/session)" >&2
bench/session/run.sh -o bench/session/RESULTS.md >/dev/null

echo "== %timeit against go test -bench (magics)" >&2
for _ in 1 2 3 4 5; do
	go test -run '^$' -bench TimeitVsGoBench ./magics/
done >"$work/timeit.txt"

echo "== writing BENCHMARKS.md" >&2
go run ./bench/report -kernel "$work/kernel.json" -native "$work/native.md" -runtime "$work/runtime.md" \
	-timeit "$work/timeit.txt" -interpreter bench/interpreter/RESULTS.md \
	-constructs bench/constructs/RESULTS.md -programs bench/programs/RESULTS.md -modules bench/modules/RESULTS.md \
	-session bench/session/RESULTS.md -o BENCHMARKS.md -charts bench/report/charts
echo "BENCHMARKS.md written" >&2
