// Command constructs times the constructs ordinary Go code is made of
// (calls, methods, interfaces, closures, allocation, fields, slices,
// maps, strings, channels, select, goroutines, mutexes) side by side: the
// same Go source (testdata/constructs.go) run as a gopar cell and compiled
// by go build, and its Python twin (testdata/constructs.py) under CPython,
// in turn for several rounds; and the memory of 100,000 sleeping
// goroutines in a cell and compiled. It writes ns per operation, the
// ratios and the targets of issue 20 as Markdown. The sides' checksums
// must agree: CPython and compiled Go disagreeing stops the run, gopar
// disagreeing is marked in the table.
//
// Run it with bench/constructs/run.sh; BENCH_QUICK=1 runs one short round.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gopar/gopar/bench/internal/load"
	"github.com/gopar/gopar/bench/internal/sidebyside"
)

// standIn is what the Python twin uses where Python has no such construct.
var standIn = map[string]string{
	"interface method call":    "a method call (every call is dynamic)",
	"method call on a pointer": "a method that changes its object",
	"struct allocation &T{}":   "an instance of a class with __slots__",
	"slice append":             "list.append",
	"map get and set":          "dict get and set",
	"string building":          "list of parts and str.join",
	"channel send and receive": "queue.Queue(maxsize=1) put and get",
	"select of two channels":   "get_nowait on two queue.Queue",
	"goroutine spawn and join": "threading.Thread start and join",
	"mutex lock and unlock":    "threading.Lock acquire and release",
}

func main() {
	sidebyside.ServeCell()
	out := flag.String("o", "bench/constructs/RESULTS.md", "where to write the Markdown report")
	python := flag.String("python", "/usr/bin/python3", "the CPython to compare with")
	rounds := flag.Int("rounds", 5, "rounds, each running every side once")
	sleepers := flag.Int("goroutines", 100000, "sleeping goroutines whose memory is measured")
	dir := flag.String("dir", "bench/constructs/testdata", "where constructs.go and constructs.py are")
	flag.Parse()
	div := 1
	if os.Getenv("BENCH_QUICK") != "" {
		*rounds, div, *sleepers = 1, 20, 10000
	}
	md, err := runAll(*dir, *python, *rounds, div, *sleepers)
	sidebyside.Finish("bench/constructs", *out, md, err)
}

// line is one line the construct programs print.
type line struct {
	name     string
	value    float64
	checksum string
}

func parse(out []byte) ([]line, error) {
	var lines []line
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("not name<TAB>value<TAB>checksum: %q", sc.Text())
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", sc.Text(), err)
		}
		lines = append(lines, line{f[0], v, f[2]})
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("no output")
	}
	return lines, nil
}

// side gathers what the rounds measured of one side.
type side struct {
	order  []string
	values map[string][]float64
	sums   map[string]string
}

func newSide() *side { return &side{values: map[string][]float64{}, sums: map[string]string{}} }

func (s *side) add(lines []line) {
	for _, l := range lines {
		if _, ok := s.values[l.name]; !ok {
			s.order = append(s.order, l.name)
		}
		s.values[l.name] = append(s.values[l.name], l.value)
		s.sums[l.name] = l.checksum
	}
}

func (s *side) min(name string) float64    { return slices.Min(s.values[name]) }
func (s *side) median(name string) float64 { return sidebyside.Median(s.values[name]) }

func runAll(dir, python string, rounds, div, sleepers int) (string, error) {
	work, err := os.MkdirTemp("", "bench-constructs-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(work)
	goSrc, pySrc := filepath.Join(dir, "constructs.go"), filepath.Join(dir, "constructs.py")
	bin, err := sidebyside.Build(goSrc, work)
	if err != nil {
		return "", err
	}
	gopar, py, compiled := newSide(), newSide(), newSide()
	goparMem, compiledMem := newSide(), newSide()
	var failed []string
	start, meter := time.Now(), load.Start()
	constructArgs := []string{strconv.Itoa(div), "0"}
	memArgs := []string{"0", strconv.Itoa(sleepers)}
	for round := range rounds {
		fmt.Fprintf(os.Stderr, "round %d/%d\n", round+1, rounds)
		var g, p, c sidebyside.Run
		var gErr, pErr, cErr error
		sides := []func(){
			func() { g, gErr = sidebyside.Gopar(goSrc, constructArgs, nil) },
			func() { p, pErr = sidebyside.Python(python, pySrc, []string{strconv.Itoa(div)}, nil) },
			func() { c, cErr = sidebyside.Compiled(bin, constructArgs, nil, 0) },
		}
		for _, run := range sidebyside.Rotate(sides, round) {
			run()
		}
		if pErr != nil {
			return "", fmt.Errorf("CPython: %w", pErr)
		}
		if cErr != nil {
			return "", fmt.Errorf("compiled Go: %w", cErr)
		}
		pl, err := parse(p.Out)
		if err != nil {
			return "", fmt.Errorf("CPython: %w", err)
		}
		cl, err := parse(c.Out)
		if err != nil {
			return "", fmt.Errorf("compiled Go: %w", err)
		}
		if d := checksums(cl, pl); d != "" {
			return "", fmt.Errorf("compiled Go and CPython disagree, the benchmark is wrong: %s", d)
		}
		py.add(pl)
		compiled.add(cl)
		gl, err := parse(g.Out)
		switch {
		case gErr != nil:
			failed = append(failed, "gopar failed: "+gErr.Error())
		case err != nil:
			failed = append(failed, "gopar: "+err.Error())
		case checksums(gl, cl) != "":
			failed = append(failed, "gopar's checksums differ from compiled Go's: "+checksums(gl, cl))
		default:
			gopar.add(gl)
		}
		if sleepers > 0 {
			gm, gErr := sidebyside.Gopar(goSrc, memArgs, nil)
			cm, err := sidebyside.Compiled(bin, memArgs, nil, 0)
			if err != nil {
				return "", fmt.Errorf("compiled Go, sleeping goroutines: %w", err)
			}
			cml, err := parse(cm.Out)
			if err != nil {
				return "", fmt.Errorf("compiled Go, sleeping goroutines: %w", err)
			}
			compiledMem.add(cml)
			gml, err := parse(gm.Out)
			if gErr == nil && err == nil {
				goparMem.add(gml)
			} else {
				failed = append(failed, fmt.Sprintf("gopar, sleeping goroutines: %v %v", gErr, err))
			}
		}
		if len(failed) > 0 {
			for _, f := range failed {
				fmt.Fprintln(os.Stderr, "GOPAR FAILED:", f)
			}
			break
		}
	}
	return report(python, rounds, div, sleepers, gopar, py, compiled, goparMem, compiledMem, failed, time.Since(start), meter.OthersShare()), nil
}

// checksums says where the checksums of got first differ from want's, or
// is "".
func checksums(got, want []line) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d lines, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].name != want[i].name || got[i].checksum != want[i].checksum {
			return fmt.Sprintf("%s checksum %s, want %s %s", got[i].name, got[i].checksum, want[i].name, want[i].checksum)
		}
	}
	return ""
}

func report(python string, rounds, div, sleepers int, gopar, py, compiled, goparMem, compiledMem *side, failed []string, took time.Duration, others float64) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Constructs against CPython and compiled Go\n\n")
	p("Written by `bench/constructs/run.sh` on %s, on %d logical CPUs (%s/%s), %s, against CPython %s (`%s`)",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), sidebyside.PythonVersion(python), python)
	if div != 1 {
		p(", **quick mode (BENCH_QUICK): loops %d times shorter, one round; the figures mean little**", div)
	}
	p(". %d round(s), each running gopar, CPython and compiled Go in turn (each round starting with the next side); the run took %.0f s", rounds, took.Seconds())
	if others >= 0 {
		p("; other processes used %.0f %% of the machine's CPU time meanwhile", 100*others)
	}
	p(".\n\n")
	p("How: `bench/constructs/testdata/constructs.go` is one Go program that times each construct in a loop inside the code " +
		"(`time.Now()` around it, the fastest of three runs) and prints ns per operation; gopar runs it pasted whole into one cell " +
		"of a fresh session, and the same file is compiled with `go build` (its called funcs marked `go:noinline`, so that the " +
		"compiled calls are calls). `constructs.py` is the same loops in Python, timed with `time.perf_counter_ns()`. " +
		"Each figure is the fastest round, the median round in brackets. Every construct's loop computes a checksum that must be the same on every side.\n\n")
	if len(failed) > 0 {
		p("**gopar failed:**\n\n")
		for _, f := range failed {
			p("- %s\n", strings.ReplaceAll(f, "\n", " "))
		}
		p("\n")
	}
	p("| construct | CPython, ns/op | gopar, ns/op | compiled Go, ns/op | gopar / CPython | gopar / compiled Go | target | met | Python's stand-in |\n")
	p("|---|---:|---:|---:|---:|---:|---|---|---|\n")
	for _, name := range compiled.order {
		gCell, r, rc, target, met := "—", "—", "—", "", ""
		if _, ok := gopar.values[name]; ok {
			gCell = nsCell(gopar, name)
			x, xc := gopar.min(name)/py.min(name), gopar.min(name)/compiled.min(name)
			r, rc = fmt.Sprintf("%.2f", x), fmt.Sprintf("%.1f", xc)
			target, met = "≤ 1.0 × CPython", yesNo(x <= 1)
			if name == "goroutine spawn and join" {
				target, met = "≤ 1.0 × CPython, ≤ 3 × compiled Go", yesNo(x <= 1 && xc <= 3)
			}
		}
		stand, ok := standIn[name]
		if !ok {
			stand = "the same"
		}
		p("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, nsCell(py, name), gCell, nsCell(compiled, name), r, rc, target, met, stand)
	}
	p("\n")
	if sleepers > 0 && len(compiledMem.order) > 0 {
		p("## Sleeping goroutines, gopar against compiled Go\n\n")
		p("%d goroutines started, each blocking on a channel until all have started; then measured, released and joined. "+
			"Memory is the growth of the Go runtime's stacks and heap in use (`runtime.MemStats` StackInuse + HeapInuse) "+
			"and of the process's resident set (`/proc/self/statm`), per goroutine. Fastest round, median in brackets.\n\n", sleepers)
		p("| per goroutine | gopar | compiled Go | gopar / compiled Go | target | met |\n|---|---:|---:|---:|---|---|\n")
		rows := []struct{ key, label, unit, target string }{
			{"goroutine memory", "memory: stacks + heap in use", "B", "≤ 2"},
			{"goroutine rss", "memory: resident set", "B", ""},
			{"goroutine start, all sleeping", "time to start, until all sleep", "ns", ""},
			{"goroutine all, start to joined", "time from start to all joined", "ns", ""},
		}
		for _, r := range rows {
			c := fmt.Sprintf("%.0f %s (%.0f)", compiledMem.min(r.key), r.unit, compiledMem.median(r.key))
			g, ratio, met := "—", "—", ""
			if _, ok := goparMem.values[r.key]; ok {
				x := goparMem.min(r.key) / compiledMem.min(r.key)
				g = fmt.Sprintf("%.0f %s (%.0f)", goparMem.min(r.key), r.unit, goparMem.median(r.key))
				ratio = fmt.Sprintf("%.1f", x)
				if r.target != "" {
					met = yesNo(x <= 2)
				}
			}
			p("| %s | %s | %s | %s | %s | %s |\n", r.label, g, c, ratio, r.target, met)
		}
		if _, ok := goparMem.values["goroutine memory"]; ok {
			p("\nAt these rates 1,000,000 sleeping goroutines take %.1f GiB of stacks and heap in gopar and %.1f GiB compiled (target: they fit in 4 GiB).\n",
				goparMem.min("goroutine memory")*1e6/(1<<30), compiledMem.min("goroutine memory")*1e6/(1<<30))
		}
	}
	return b.String()
}

func nsCell(s *side, name string) string {
	if _, ok := s.values[name]; !ok {
		return "—"
	}
	return fmt.Sprintf("%s (%s)", ns(s.min(name)), ns(s.median(name)))
}

func ns(x float64) string {
	if x >= 100 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "**no**"
}
