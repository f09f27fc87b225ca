// Command programs runs whole programs that exist in both Go and Python
// side by side: each Go program pasted into a gopar cell as a learner
// would, the Python twin under CPython, and the Go program compiled, in
// turn, for several rounds, and writes the times, their ratios and the
// geometric mean of gopar over CPython as Markdown. The sides must print
// the same output: a Python twin and compiled Go that disagree stop the
// run (the benchmark is wrong); gopar disagreeing or failing is reported
// as such in the table, loudly, and leaves that program out of the means.
//
// Run it with bench/programs/run.sh; BENCH_QUICK=1 runs every program
// once at a small size, to see that everything works.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/gopar/gopar/bench/internal/load"
	"github.com/gopar/gopar/bench/internal/sidebyside"
)

// program is one benchmark: testdata/NAME.go and testdata/NAME.py.
type program struct {
	name   string
	origin string // where the task comes from
	what   string // what the time goes to
	size   string // the argument of a timed run
	quick  string // the argument of a quick run and of the smoke test
	// input, when set, is the argument of fasta whose output is the
	// program's standard input (k-nucleotide and reverse-complement read
	// what fasta writes, as their task says).
	input, quickInput string
}

var programs = []program{
	{"binarytrees", "Benchmarks Game", "allocating and walking trees of pointers, recursion", "12", "6", "", ""},
	{"fannkuchredux", "Benchmarks Game", "slice indexing and swapping", "9", "6", "", ""},
	{"nbody", "Benchmarks Game", "float arithmetic on struct fields through pointers, methods", "50000", "1000", "", ""},
	{"spectralnorm", "Benchmarks Game", "float arithmetic, a small function called n² times", "100", "20", "", ""},
	{"mandelbrot", "Benchmarks Game", "float arithmetic in tight loops, bytes written", "200", "40", "", ""},
	{"fasta", "Benchmarks Game", "a random generator called per character, buffered writes", "50000", "1000", "", ""},
	{"knucleotide", "Benchmarks Game", "map[string]int counting, sorting", "", "", "50000", "1000"},
	{"revcomp", "Benchmarks Game", "byte slices, a map lookup per byte", "", "", "50000", "1000"},
	{"pidigits", "Benchmarks Game", "math/big (compiled library code)", "3000", "30", "", ""},
	{"nsieve", "Shootout", "a []bool sieve, tight loops", "7", "2", "", ""},
	{"nqueens", "Rosetta Code", "recursion, methods on a pointer, []bool", "10", "6", "", ""},
	{"levenshtein", "Rosetta Code", "a dynamic programme on two int rows, min", "300", "30", "", ""},
	{"hailstone", "Rosetta Code", "integer arithmetic, slice append", "30000", "1000", "", ""},
	{"primesieve", "Rosetta Code", "goroutines and unbuffered channels (generators in Python)", "900", "50", "", ""},
	{"arith", "Rosetta Code", "a parser's methods on a pointer, interface calls on a tree", "3000", "50", "", ""},
	{"wordfreq", "Rosetta Code", "strings.Builder, strings.FieldsFunc, map[string]int, sorting", "200000", "2000", "", ""},
}

func (p program) arg(quick bool) string {
	if quick {
		return p.quick
	}
	return p.size
}

func (p program) stdinArg(quick bool) string {
	if quick {
		return p.quickInput
	}
	return p.input
}

// args is the program's command line, empty for one that takes none.
func args(a string) []string {
	if a == "" {
		return nil
	}
	return []string{a}
}

func main() {
	sidebyside.ServeCell()
	out := flag.String("o", "bench/programs/RESULTS.md", "where to write the Markdown report")
	python := flag.String("python", "/usr/bin/python3", "the CPython to compare with")
	rounds := flag.Int("rounds", 5, "rounds, each running every program on every side once")
	dir := flag.String("dir", "bench/programs/testdata", "where the programs are")
	only := flag.String("only", "", "comma-separated names of the programs to run (default all)")
	flag.Parse()
	quick := os.Getenv("BENCH_QUICK") != ""
	if quick {
		*rounds = 1
	}
	progs := programs
	if *only != "" {
		names := strings.Split(*only, ",")
		progs = slices.DeleteFunc(slices.Clone(programs), func(p program) bool { return !slices.Contains(names, p.name) })
	}
	md, err := runAll(progs, *dir, *python, *rounds, quick)
	sidebyside.Finish("bench/programs", *out, md, err)
}

// result is what the rounds measured of one program.
type result struct {
	program
	gopar, python, compiled []float64
	failed                  string // how gopar failed or disagreed, or ""
}

func runAll(progs []program, dir, python string, rounds int, quick bool) (string, error) {
	work, err := os.MkdirTemp("", "bench-programs-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(work)
	startup, err := sidebyside.StartupCost(work)
	if err != nil {
		return "", err
	}
	bins := map[string]string{}
	inputs := map[string][]byte{}
	for _, p := range progs {
		if bins[p.name], err = sidebyside.Build(filepath.Join(dir, p.name+".go"), work); err != nil {
			return "", err
		}
		if in := p.stdinArg(quick); in != "" && inputs[in] == nil {
			r, err := sidebyside.Python(python, filepath.Join(dir, "fasta.py"), []string{in}, nil)
			if err != nil {
				return "", fmt.Errorf("making the input of %s: %w", p.name, err)
			}
			inputs[in] = r.Out
		}
	}
	results := make([]*result, len(progs))
	for i, p := range progs {
		results[i] = &result{program: p}
	}
	start, meter := time.Now(), load.Start()
	for round := range rounds {
		for _, r := range results {
			fmt.Fprintf(os.Stderr, "round %d/%d: %s\n", round+1, rounds, r.name)
			if err := r.runRound(round, dir, python, bins[r.name], inputs[r.stdinArg(quick)], quick, startup); err != nil {
				return "", err
			}
		}
	}
	return report(results, python, rounds, quick, startup, time.Since(start), meter.OthersShare()), nil
}

// runRound runs the program once on each side, in the order of round,
// and checks that the outputs agree.
func (r *result) runRound(round int, dir, python, bin string, stdin []byte, quick bool, startup float64) error {
	a := args(r.arg(quick))
	var g, py, c sidebyside.Run
	var gErr, pyErr, cErr error
	sides := []func(){
		func() {
			if r.failed == "" {
				g, gErr = sidebyside.Gopar(filepath.Join(dir, r.name+".go"), a, stdin)
			}
		},
		func() { py, pyErr = sidebyside.Python(python, filepath.Join(dir, r.name+".py"), a, stdin) },
		func() { c, cErr = sidebyside.Compiled(bin, a, stdin, startup) },
	}
	for _, run := range sidebyside.Rotate(sides, round) {
		run()
	}
	if pyErr != nil {
		return fmt.Errorf("%s under CPython: %w", r.name, pyErr)
	}
	if cErr != nil {
		return fmt.Errorf("%s compiled: %w", r.name, cErr)
	}
	if d := sidebyside.Diff(c.Out, py.Out); d != "" {
		return fmt.Errorf("%s: compiled Go and CPython disagree, the benchmark is wrong: %s", r.name, d)
	}
	r.python = append(r.python, py.Seconds)
	r.compiled = append(r.compiled, c.Seconds)
	if r.failed != "" {
		return nil
	}
	switch {
	case gErr != nil:
		r.failed = "fails: " + oneLine(gErr.Error())
	case sidebyside.Diff(g.Out, py.Out) != "":
		r.failed = "wrong output: " + sidebyside.Diff(g.Out, py.Out)
	default:
		r.gopar = append(r.gopar, g.Seconds)
		return nil
	}
	fmt.Fprintf(os.Stderr, "GOPAR %s %s\n", strings.ToUpper(r.name), r.failed)
	return nil
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

func report(results []*result, python string, rounds int, quick bool, startup float64, took time.Duration, others float64) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Whole programs against CPython\n\n")
	p("Written by `bench/programs/run.sh` on %s: %d programs that exist in Go and in Python, on %d logical CPUs (%s/%s), %s, against CPython %s (`%s`)",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), len(results), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), sidebyside.PythonVersion(python), python)
	if quick {
		p(", **quick mode (BENCH_QUICK): small sizes, one round; the times mean nothing**")
	}
	p(". %d round(s), each running every program on gopar, CPython and compiled Go in turn (each round starting with the next side); "+
		"the fastest run and, in brackets, the median. The run took %.0f s", rounds, took.Seconds())
	if others >= 0 {
		p("; other processes used %.0f %% of the machine's CPU time meanwhile", 100*others)
	}
	p(".\n\n")
	p("How: each program is a Benchmarks Game, Shootout or Rosetta Code task written plainly in both languages from the task's description, "+
		"the same algorithm at the same size (`bench/programs/testdata`, each file's header names its task). "+
		"gopar runs the Go program pasted whole into one cell of a fresh session, its size set as `%%args` sets it, and the time is the cell's "+
		"(checking, lowering and running it); CPython's time is taken inside its process around `runpy.run_path` (without the interpreter's start); "+
		"compiled Go (`go build`) is timed around its process, less the %.1f ms an empty compiled program takes to start and end. "+
		"Every run's output is compared with CPython's: compiled Go disagreeing stops the run, gopar disagreeing or failing is marked in the table.\n\n",
		startup*1e3)
	p("| program | task from | where the time goes | size | CPython | gopar | compiled Go | gopar / CPython | gopar / compiled Go | gopar's output |\n")
	p("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n")
	var ratios []float64
	var worst *result
	worstRatio := 0.0
	for _, r := range results {
		size := r.arg(quick)
		if size == "" {
			size = "fasta " + r.stdinArg(quick) + " on stdin"
		}
		pyMin := slices.Min(r.python)
		cMin := slices.Min(r.compiled)
		gCell, ratio, cRatio, status := "—", "—", "—", "**"+r.failed+"**"
		if r.failed == "" {
			gMin := slices.Min(r.gopar)
			gCell = timeCell(r.gopar)
			x := gMin / pyMin
			ratio = fmt.Sprintf("%.2f", x)
			if cMin > 0 {
				cRatio = fmt.Sprintf("%.1f", gMin/cMin)
			}
			status = "same as CPython's"
			ratios = append(ratios, x)
			if x > worstRatio {
				worst, worstRatio = r, x
			}
		}
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.name, r.origin, r.what, size, timeCell(r.python), gCell, timeCell(r.compiled), ratio, cRatio, status)
	}
	p("\n")
	failed := len(results) - len(ratios)
	p("| summary | gopar / CPython | target |\n|---|---:|---:|\n")
	if g, err := sidebyside.GeoMean(ratios); err == nil {
		p("| geometric mean over the %d programs gopar ran right | %.2f | ≤ 1.0 |\n", len(ratios), g)
		p("| worst program: %s | %.2f | ≤ 3 |\n", worst.name, worstRatio)
	}
	p("| programs gopar failed or got wrong | %d | 0 |\n\n", failed)
	if failed > 0 {
		p("Programs gopar failed to run or got wrong are left out of the means (their rows say what happened).\n")
	}
	return b.String()
}

// timeCell is "fastest (median)".
func timeCell(xs []float64) string {
	return fmt.Sprintf("%s (%s)", seconds(slices.Min(xs)), seconds(sidebyside.Median(xs)))
}

func seconds(s float64) string {
	switch {
	case s >= 1:
		return fmt.Sprintf("%.2f s", s)
	case s >= 0.01:
		return fmt.Sprintf("%.0f ms", s*1e3)
	}
	return fmt.Sprintf("%.1f ms", s*1e3)
}
