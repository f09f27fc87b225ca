package main

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// timeitRow is one call of magics' BenchmarkTimeitVsGoBench: bench.Sum(n)
// timed by go test -bench and by %timeit from a cell, each side's fastest
// and median run (ns per call).
type timeitRow struct {
	n                          int
	goNS, timeitNS             float64 // fastest
	goMedianNS, timeitMedianNS float64
	rounds                     int // runs of the side that ran fewer times
}

// ratio is %timeit's time over go test -bench's.
func (t timeitRow) ratio() float64 { return t.timeitNS / t.goNS }

// timeitTolerance is how far %timeit may stray from go test -bench on a call
// that does real work; timeitWorkFrom is the least n counted as real work
// (below it the ratio is the interpreter's cost of making the call).
const (
	timeitTolerance = 0.10
	timeitWorkFrom  = 10_000
)

func (t timeitRow) hasTarget() bool { return t.n >= timeitWorkFrom }

func (t timeitRow) withinTarget() bool {
	r := t.ratio()
	return r >= 1-timeitTolerance && r <= 1+timeitTolerance
}

func readTimeitResults(path string) ([]timeitRow, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rows, err := timeitRows(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows, nil
}

// timeitLineRE matches a result line of the benchmark, with or without the
// -GOMAXPROCS suffix: the side, n, and the rest after the iteration count.
var timeitLineRE = regexp.MustCompile(`^BenchmarkTimeitVsGoBench/(gobench|timeit)/Sum\(([0-9]+)\)(?:#[0-9]+)?(?:-[0-9]+)?\s+[0-9]+\s+(.*)$`)

// timeitRows reads the text output of `go test -bench TimeitVsGoBench`, of
// one or more runs or any -count: per n the go bench ns/op and the %timeit
// ns/call (timeit-ns/call, the mean %timeit prints), fastest and median.
func timeitRows(out string) ([]timeitRow, error) {
	type side struct {
		best float64
		all  []float64
	}
	sides := map[string]map[int]*side{"gobench": {}, "timeit": {}}
	unit := map[string]string{"gobench": "ns/op", "timeit": "timeit-ns/call"}
	for _, l := range strings.Split(out, "\n") {
		m := timeitLineRE.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(m[2])
		if err != nil {
			return nil, fmt.Errorf("line %q: %w", l, err)
		}
		v, ok := metric(m[3], unit[m[1]])
		if !ok {
			return nil, fmt.Errorf("line %q has no %s", l, unit[m[1]])
		}
		s := sides[m[1]][n]
		if s == nil {
			s = &side{best: v}
			sides[m[1]][n] = s
		}
		s.best = min(s.best, v)
		s.all = append(s.all, v)
	}
	var out2 []timeitRow
	for n, g := range sides["gobench"] {
		t, ok := sides["timeit"][n]
		if !ok {
			return nil, fmt.Errorf("Sum(%d) was timed by go test -bench but not by %%timeit", n)
		}
		if !(g.best > 0) {
			return nil, fmt.Errorf("Sum(%d): go test -bench measured %v ns/op", n, g.best)
		}
		out2 = append(out2, timeitRow{n: n, goNS: g.best, timeitNS: t.best, goMedianNS: median(g.all), timeitMedianNS: median(t.all),
			rounds: min(len(g.all), len(t.all))})
	}
	for n := range sides["timeit"] {
		if _, ok := sides["gobench"][n]; !ok {
			return nil, fmt.Errorf("Sum(%d) was timed by %%timeit but not by go test -bench", n)
		}
	}
	if len(out2) == 0 {
		return nil, fmt.Errorf("no BenchmarkTimeitVsGoBench results")
	}
	sort.Slice(out2, func(i, j int) bool { return out2[i].n < out2[j].n })
	return out2, nil
}

// metric finds the value reported with unit among a benchmark line's
// "value unit" pairs.
func metric(rest, unit string) (float64, bool) {
	f := strings.Fields(rest)
	for i := 0; i+1 < len(f); i += 2 {
		if f[i+1] == unit {
			v, err := strconv.ParseFloat(f[i], 64)
			return v, err == nil
		}
	}
	return 0, false
}

// worstTimeit is the call with target whose ratio is furthest from 1.
func worstTimeit(rows []timeitRow) (timeitRow, bool) {
	var worst timeitRow
	found := false
	for _, t := range rows {
		if !t.hasTarget() {
			continue
		}
		if !found || distance(t.ratio()) > distance(worst.ratio()) {
			worst, found = t, true
		}
	}
	return worst, found
}

func distance(ratio float64) float64 {
	if ratio < 1 {
		return 1 - ratio
	}
	return ratio - 1
}

func (r *report) timeitSection() {
	rows := r.timeit
	if len(rows) == 0 {
		return
	}
	rounds := rows[0].rounds
	for _, t := range rows {
		rounds = min(rounds, t.rounds)
	}
	r.printf("## %%timeit against go test -bench\n\n")
	r.printf("How: `BenchmarkTimeitVsGoBench` in `magics/yaegi_test.go` times one native function, `bench.Sum(n)` "+
		"(a loop of n steps, compiled Go, never inlined), in two ways: with `go test -bench` (a plain `b.Loop`, the default one-second "+
		"benchtime) and with `res := %%timeit -q bench.Sum(n)` run as a cell through a bare yaegi session, which is %%timeit as a cell uses it: "+
		"IPython's algorithm (auto-ranged loop count, mean of 7 runs) with the interpreted loop's own overhead measured and subtracted. "+
		"The benchmark ran %d times in a row, each run timing both sides of every n in turn; the ratio is of each side's fastest run (for %%timeit, the fastest of the means it printed), the least disturbed one on a shared machine; medians in parentheses. "+
		"The target, %%timeit within ±%.0f %% of go test -bench, is for calls doing real work (n ≥ %s). For n = 1 there is next to no work: the ratio "+
		"and the difference show what it costs the interpreter to call compiled code from a cell (a direct call for common signatures such as `func(int) int`): "+
		"%%timeit rightly includes that cost, since a cell pays it on every call. %%timeit's figure for n = 1 is a small difference of two larger times "+
		"(the loop with the call, less the empty loop measured apart), so it scatters from run to run more than the others.\n\n",
		rounds, timeitTolerance*100, thousands(timeitWorkFrom))
	r.printf("| call | go test -bench, fastest (median) | %%timeit, fastest (median) | difference | %%timeit / go bench | target | met |\n|---|---:|---:|---:|---:|---:|---|\n")
	for _, t := range rows {
		target, met := "none (no work)", ""
		if t.hasTarget() {
			target = fmt.Sprintf("%.2f to %.2f", 1-timeitTolerance, 1+timeitTolerance)
			met = yesNo(t.withinTarget())
		}
		r.printf("| bench.Sum(%s) | %s (%s) | %s (%s) | %s | %s | %s | %s |\n", thousands(t.n), nanos(t.goNS), nanos(t.goMedianNS),
			nanos(t.timeitNS), nanos(t.timeitMedianNS),
			signed(nanos(t.timeitNS-t.goNS)), timeitRatio(t.ratio()), target, met)
	}
	r.printf("\n")
}

// timeitSummary is the summary table's row: the call with work furthest
// from go test -bench.
func (r *report) timeitSummary() {
	worst, ok := worstTimeit(r.timeit)
	if !ok {
		return
	}
	withTarget := 0
	for _, t := range r.timeit {
		if t.hasTarget() {
			withTarget++
		}
	}
	r.printf("| %%timeit of a native call against go test -bench (furthest of %d: Sum(%s)) | %s | %s (go test -bench) | %s | %.2f to %.2f | %s |\n",
		withTarget, thousands(worst.n), nanos(worst.timeitNS), nanos(worst.goNS), timeitRatio(worst.ratio()),
		1-timeitTolerance, 1+timeitTolerance, yesNo(worst.withinTarget()))
}

// timeitRatio prints a ratio with three decimals, enough to tell 1.101
// (outside the target) from 1.10.
func timeitRatio(x float64) string {
	if x >= 10 {
		return ratioText(x)
	}
	return fmt.Sprintf("%.3f", x)
}

// nanos prints a duration given in ns with three significant digits.
func nanos(ns float64) string {
	abs := max(ns, -ns)
	switch {
	case abs >= 1e9:
		return sig3(ns/1e9) + " s"
	case abs >= 1e6:
		return sig3(ns/1e6) + " ms"
	case abs >= 1e3:
		return sig3(ns/1e3) + " µs"
	}
	return sig3(ns) + " ns"
}

func sig3(x float64) string {
	abs := max(x, -x)
	switch {
	case abs >= 100:
		return fmt.Sprintf("%.0f", x)
	case abs >= 10:
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

func signed(s string) string {
	if strings.HasPrefix(s, "-") {
		return "−" + s[1:]
	}
	return "+" + s
}

// thousands writes n with commas: 10,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
