// Command runtime measures the per-task cost of gopar's cell runtime
// against Python's asyncio, side by side in one run, and writes the tables
// to RESULTS.md:
//
//   - Go + Gather of n empty tasks against asyncio.to_thread + gather, for n
//     from 1 to 4096 (the lesson's efficiency experiment with the work taken
//     out), from compiled code and from an interpreted cell;
//   - the overhead per task of gopar/delayed and gopar/bag;
//   - the speed-up of CPU-bound compiled tasks gathered on all cores.
//
// Run it with bench/runtime/run.sh from the repository root.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gopar/gopar/runtime/array"
	"github.com/gopar/gopar/runtime/async"
	"github.com/gopar/gopar/runtime/bag"
	"github.com/gopar/gopar/runtime/delayed"
	"github.com/gopar/gopar/symbols"
	"github.com/gopar/gopar/third_party/yaegi/interp"
)

var sizes = []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096}

func main() {
	out := flag.String("o", "bench/runtime/RESULTS.md", "where to write the Markdown report")
	python := flag.String("python", "/usr/bin/python3", "the Python to compare with")
	script := flag.String("script", "bench/runtime/asyncio_overhead.py", "the asyncio side of the experiment")
	budget := flag.Duration("budget", 200*time.Millisecond, "time to spend on each measurement")
	flag.Parse()
	async.SetProgress(false)

	var md strings.Builder
	fmt.Fprintf(&md, "# Cell runtime: cost per task\n\n")
	fmt.Fprintf(&md, "Measured %s on %d CPUs (%s/%s), %s, against Python %s (Debian's `%s`).\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), pythonVersion(*python), *python)
	fmt.Fprintf(&md, "Every figure is the median over repeated runs (at least 5, about %v each); regenerate with `bench/runtime/run.sh`.\n\n", *budget)

	// 1. Go + Gather against asyncio.to_thread + gather.
	py := asyncioOverhead(*python, *script, *budget)
	cell := cellOverhead(*budget)
	fmt.Fprintf(&md, "## Go + Gather against asyncio.to_thread + gather\n\n")
	fmt.Fprintf(&md, "n empty tasks started and gathered; the time of one gather divided by n. ")
	fmt.Fprintf(&md, "\"compiled\" calls `async.Go` and `async.Gather` from Go; \"from a cell\" runs the same loop in the interpreter that runs notebook cells, with an interpreted closure as the task.\n\n")
	fmt.Fprintf(&md, "| tasks | asyncio | gopar compiled | gopar from a cell | asyncio / compiled | asyncio / cell |\n|---:|---:|---:|---:|---:|---:|\n")
	var ratios, cellRatios []float64
	for _, n := range sizes {
		futs := make([]*async.Future, n)
		noop := func() any { return nil }
		goPer := measure(*budget, func() {
			for i := range futs {
				futs[i] = async.Go(noop)
			}
			async.Gather(futs...).Await()
		}) / time.Duration(n)
		p := py[n]
		c := cell[n]
		ratios = append(ratios, float64(p)/float64(goPer))
		cellRatios = append(cellRatios, float64(p)/float64(c))
		fmt.Fprintf(&md, "| %d | %s | %s | %s | %.0f× | %.0f× |\n", n, us(p), us(goPer), us(c), float64(p)/float64(goPer), float64(p)/float64(c))
	}
	fmt.Fprintf(&md, "\nAcross task counts, asyncio costs %.0f–%.0f× more per task than compiled Go + Gather (median %.0f×), and %.0f–%.0f× more than the same loop run from a cell (median %.0f×). Target: at least 50× for compiled Go + Gather.\n\n",
		slices.Min(ratios), slices.Max(ratios), median(ratios), slices.Min(cellRatios), slices.Max(cellRatios), median(cellRatios))

	// 2. delayed and bag overhead per task.
	fmt.Fprintf(&md, "## Overhead per task of delayed and bag\n\n")
	fmt.Fprintf(&md, "Graphs of tasks that do nothing, built and computed on %d workers; the time of building plus computing, divided by the number of tasks in the graph. Target: at most 10 µs.\n\n", delayed.Workers())
	fmt.Fprintf(&md, "| graph | tasks | per task |\n|---|---:|---:|\n")
	for _, row := range graphOverheads(*budget) {
		fmt.Fprintf(&md, "| %s | %d | %s |\n", row.name, row.tasks, us(row.per))
	}
	fmt.Fprintf(&md, "\n")

	// 3. CPU-bound speed-up.
	fmt.Fprintf(&md, "## CPU-bound compiled tasks through Gather\n\n")
	fmt.Fprintf(&md, "Monte Carlo π from 2^24 points in total, split into k tasks started with `async.Go` and gathered; speed-up against one task.\n\n")
	fmt.Fprintf(&md, "| tasks | time | speed-up |\n|---:|---:|---:|\n")
	const total = 1 << 24
	var base time.Duration
	for _, k := range []int{1, 2, 4, 8, 64} {
		t := measure(*budget, func() {
			futs := make([]*async.Future, k)
			for i := range futs {
				futs[i] = async.Go(func() any { return calcPi(total/k, uint64(i)) })
			}
			async.Gather(futs...).AwaitFloats()
		})
		if k == 1 {
			base = t
		}
		fmt.Fprintf(&md, "| %d | %s | %.2f× |\n", k, ms(t), float64(base)/float64(t))
	}
	fmt.Fprintf(&md, "\nTarget: at least 1.8× with %d cores.\n", runtime.NumCPU())

	// 4. The lesson's experiment itself, Go side only.
	fmt.Fprintf(&md, "\n## The lesson's experiment: 2^25 points split into n jobs\n\n")
	fmt.Fprintf(&md, "`calc_pi_split(2^25 / n, n)` with compiled calc_pi through Go + Gather. One job runs on one core; from there on, what a row adds to the time of the row above is the overhead of the extra jobs (the lesson sees about 0.1 s added at 1000 jobs with asyncio).\n\n")
	fmt.Fprintf(&md, "| jobs | time |\n|---:|---:|\n")
	for _, n := range []int{1, 16, 256, 1024, 4096} {
		t := measure(*budget, func() {
			futs := make([]*async.Future, n)
			for i := range futs {
				futs[i] = async.Go(func() any { return calcPi((1<<25)/n, uint64(i)) })
			}
			async.Gather(futs...).AwaitFloats()
		})
		fmt.Fprintf(&md, "| %d | %s |\n", n, ms(t))
	}

	fmt.Print(md.String())
	if err := os.WriteFile(*out, []byte(md.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// measure is the median time of fn over repeated runs: at least five, and
// as many as fit in budget.
func measure(budget time.Duration, fn func()) time.Duration {
	fn() // warm up
	var times []time.Duration
	var spent time.Duration
	for len(times) < 5 || (spent < budget && len(times) < 1000) {
		t := time.Now()
		fn()
		d := time.Since(t)
		times = append(times, d)
		spent += d
	}
	slices.Sort(times)
	return times[len(times)/2]
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func us(d time.Duration) string { return fmt.Sprintf("%.2f µs", float64(d)/1e3) }
func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }

func pythonVersion(python string) string {
	out, err := exec.Command(python, "-c", "import sys; print(sys.version.split()[0])").Output()
	if err != nil {
		return "(not found)"
	}
	return strings.TrimSpace(string(out))
}

// asyncioOverhead runs the Python side and returns its time per task.
func asyncioOverhead(python, script string, budget time.Duration) map[int]time.Duration {
	var ns []string
	for _, n := range sizes {
		ns = append(ns, strconv.Itoa(n))
	}
	cmd := exec.Command(python, script, strings.Join(ns, ","), fmt.Sprint(budget.Seconds()))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "asyncio side failed:", err)
		os.Exit(1)
	}
	var res struct {
		PerTask map[string]float64 `json:"per_task"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		fmt.Fprintln(os.Stderr, "asyncio side:", err, string(out))
		os.Exit(1)
	}
	per := map[int]time.Duration{}
	for k, v := range res.PerTask {
		n, _ := strconv.Atoi(k)
		per[n] = time.Duration(v * 1e9)
	}
	return per
}

// cellSource times Go + Gather from interpreted code, as a cell would.
const cellSource = `
package main

import (
	"fmt"
	"sort"
	"time"
	"gopar/async"
)

func main() {
	noop := func() any { return nil }
	for _, n := range []int{%s} {
		futs := make([]*async.Future, n)
		var times []float64
		spent := 0.0
		for len(times) < 6 || (spent < %f && len(times) < 1000) {
			t := time.Now()
			for i := 0; i < n; i++ {
				futs[i] = async.Go(noop)
			}
			async.Gather(futs...).Await()
			d := time.Since(t).Seconds()
			times = append(times, d)
			spent += d
		}
		times = times[1:]
		sort.Float64s(times)
		fmt.Println(n, times[len(times)/2]/float64(n))
	}
}
`

func cellOverhead(budget time.Duration) map[int]time.Duration {
	var ns []string
	for _, n := range sizes {
		ns = append(ns, strconv.Itoa(n))
	}
	var out bytes.Buffer
	i := interp.New(interp.Options{Stdout: &out, Stderr: os.Stderr})
	if err := i.Use(stdlib.Symbols); err != nil {
		panic(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		panic(err)
	}
	if _, err := i.Eval(fmt.Sprintf(cellSource, strings.Join(ns, ", "), budget.Seconds())); err != nil {
		fmt.Fprintln(os.Stderr, "cell failed:", err)
		os.Exit(1)
	}
	per := map[int]time.Duration{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var n int
		var s float64
		fmt.Sscan(line, &n, &s)
		per[n] = time.Duration(s * 1e9)
	}
	return per
}

type overhead struct {
	name  string
	tasks int
	per   time.Duration
}

func graphOverheads(budget time.Duration) []overhead {
	const n = 4096
	inc := delayed.Named("inc", func(x int) int { return x + 1 })
	identity := func(x any) any { return x }
	rows := []struct {
		name  string
		tasks int
		run   func()
	}{
		{"delayed: 4096 independent calls + Gather", n + 1, func() {
			ps := make([]*delayed.Promise, n)
			for i := range ps {
				ps[i] = inc.Call(i)
			}
			delayed.Gather(ps...).Compute()
		}},
		{"delayed: chain of 4096 calls", n + 1, func() {
			p := delayed.Value(0)
			for range n {
				p = inc.Call(p)
			}
			p.Compute()
		}},
		{"bag: Range(4096, 4096).Map.Sum, one item per partition", 3*n + 1, func() {
			bag.Range(n, n).Map(identity).Sum().Compute()
		}},
		{"bag: Range(4096, 64).Map.Filter.Count", 4*64 + 1, func() {
			bag.Range(n, 64).Map(identity).Filter(func(any) bool { return true }).Count().Compute()
		}},
		{"array: Arange(4096, 1).Sum, one element per chunk", 2*n + 1, func() {
			array.Arange(n, 1).Sum().Compute()
		}},
	}
	var out []overhead
	for _, r := range rows {
		out = append(out, overhead{r.name, r.tasks, measure(budget, r.run) / time.Duration(r.tasks)})
	}
	// Per item, for the cost of a bag operation beyond its tasks.
	const items = 1 << 20
	per := measure(budget, func() { bag.Range(items, 8).Map(identity).Sum().Compute() }) / items
	out = append(out, overhead{"bag: Range(2^20, 8).Map.Sum, per item (not per task)", items, per})
	return out
}

// calcPi is the lesson's Monte Carlo estimate of π, compiled.
func calcPi(n int, seed uint64) float64 {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	m := 0
	for range n {
		x, y := r.Float64()*2-1, r.Float64()*2-1
		if x*x+y*y < 1 {
			m++
		}
	}
	return 4 * float64(m) / float64(n)
}
