#!/usr/bin/env bash
# Measures what each change to the interpreter did to the episodes' naive
# loops: the interpreter's test binary is built at each step below (a commit
# of this repository's history), and interpreter/loops_bench_test.go's
# BenchmarkLoopsCalcPi (calc_pi(1e6)) and BenchmarkLoopsMandelbrot (256×256,
# max_iter 256) run with every step in turn, ROUNDS times. Writes
# bench/interpreter/RESULTS.md, which BENCHMARKS.md includes. Takes a few
# minutes; needs the repository's history (not a shallow clone).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-3}

# commit|what the step changed
steps=(
	"bea5119|yaegi v0.16.1 as published (the interpreter before these changes)"
	"5570932|compiled funcs of common numeric signatures (rand.Float64, math.Sqrt, cmplx.Abs) called directly instead of through reflect.Value.Call"
	"516b6e5|arithmetic on float64, complex128 and int fused into one step per expression"
	"5702f25|fused expressions read their function's own variables straight from the frame"
	"12a254e|min and max of basic types as interpreter builtins instead of generic interpreted helpers"
)

work=$(mktemp -d)
trap 'for w in "$work"/tree-*; do git worktree remove --force "$w" 2>/dev/null || true; done; rm -rf "$work"' EXIT
for i in "${!steps[@]}"; do
	commit=${steps[$i]%%|*}
	git worktree add -q "$work/tree-$i" "$commit"
	cp interpreter/loops_bench_test.go "$work/tree-$i/interpreter/"
	(cd "$work/tree-$i" && go test -c -o "$work/step-$i.test" ./interpreter/)
	git worktree remove --force "$work/tree-$i"
done

for round in $(seq "$rounds"); do
	for i in "${!steps[@]}"; do
		(cd interpreter && "$work/step-$i.test" -test.run '^$' -test.bench Loops -test.benchtime 3x) |
			awk -v step="$i" '/^BenchmarkLoops/ { print step, $1, $3 }' >> "$work/times"
	done
done

printf '%s\n' "${steps[@]}" > "$work/steps"
/usr/bin/python3 - "$work/steps" "$work/times" "$rounds" "$(nproc)" > bench/interpreter/RESULTS.md <<'PY'
import statistics, sys, datetime
steps = [l.rstrip("\n").split("|", 1) for l in open(sys.argv[1])]
times = {}
for line in open(sys.argv[2]):
    step, bench, ns = line.split()
    name = "calc_pi" if "CalcPi" in bench else "mandelbrot"
    times.setdefault((int(step), name), []).append(float(ns) / 1e6)
rounds, cpus = sys.argv[3], sys.argv[4]
print("Written by `bench/interpreter/run.sh` on %s UTC: the interpreter at each step, the loops of `interpreter/loops_bench_test.go` "
      "run as cells of one session, every step in turn, %s rounds of 3 runs on %s logical CPUs; fastest run, median in brackets."
      % (datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), rounds, cpus))
print()
print("| step | what changed | calc_pi(1e6), ms | Mandelbrot 256², ms | speed-up over yaegi, calc_pi / Mandelbrot |")
print("|---|---|---:|---:|---:|")
base = {n: min(times[(0, n)]) for n in ("calc_pi", "mandelbrot")}
for i, (commit, what) in enumerate(steps):
    cells = []
    for n in ("calc_pi", "mandelbrot"):
        t = times[(i, n)]
        cells.append("%.0f (%.0f)" % (min(t), statistics.median(t)))
    speed = " / ".join("%.2f×" % (base[n] / min(times[(i, n)])) for n in ("calc_pi", "mandelbrot"))
    print("| %d (`%s`) | %s | %s | %s | %s |" % (i, commit, what, cells[0], cells[1], speed))
PY
echo "bench/interpreter/RESULTS.md written" >&2
