// Command native times gopar's native kernels against the same algorithms
// in C built with gcc -O2, in one run, and writes the comparison as a
// Markdown table to stdout and to RESULTS.md:
//
//	bench/native/run.sh            # or: go run ./bench/native
//	go run ./bench/native -rounds 3 -o /tmp/results.md
//
// Each round runs every C kernel (a fresh process, csrc/, started outside
// the timed region) and every Go kernel once, alternating which goes first;
// the table shows the fastest round and the median. C and Go must compute
// the same result — the same pi for the same seed, the same sum, the same
// Mandelbrot counts — or the run fails: that is what makes the times
// comparable. It also measures what calling a kernel from an interpreted
// cell adds, and reports how much of the machine other processes used
// meanwhile, since they skew the parallel numbers.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gopar/gopar/bench/internal/load"
	"github.com/gopar/gopar/runtime/native"
)

// sizes are the amounts of work of one run of each kernel.
type sizes struct {
	piSamples, sumN int
	box             native.BoundingBox
	maxIter         int
}

// lessonSizes are the lesson's: pi from 1e7 samples, sum_range(1e9), and
// the Mandelbrot test case of the fractals episode.
var lessonSizes = sizes{
	piSamples: 10_000_000,
	sumN:      1_000_000_000,
	box:       native.BoundingBox{Width: 1024, Height: 1024, Center: -1.1195 + 0.2718i, Extent: 0.005 + 0.005i},
	maxIter:   1024,
}

const piSeed = 20250331

// kernel is one row of the table: a Go kernel and its C twin.
type kernel struct {
	name, work string
	goRun      func() string // runs the Go kernel once, returns its result exactly
	cArgs      []string      // arguments of the C driver; nil when there is no C twin
	serial     string        // for a parallel row, the name of its serial row
	workers    int

	goTimes, cTimes []time.Duration
	goResult        string
	cResult         string
}

func main() {
	rounds := flag.Int("rounds", 7, "timed rounds of every kernel")
	out := flag.String("o", "bench/native/RESULTS.md", "Markdown file to write (empty: stdout only)")
	src := flag.String("csrc", "bench/native/csrc", "directory of the C sources")
	flag.Parse()
	if err := run(*rounds, *src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench/native:", err)
		os.Exit(1)
	}
}

func run(rounds int, src, out string) error {
	dir, err := os.MkdirTemp("", "gopar-bench-native")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	cBin, err := buildC(src, dir)
	if err != nil {
		return err
	}
	workers := runtime.NumCPU()
	kernels := lessonSizes.kernels(workers)

	meter := load.Start()
	fmt.Fprintf(os.Stderr, "warming up, then %d rounds of %d kernels in Go and C...\n", rounds, len(kernels))
	for r := -1; r < rounds; r++ { // round -1 warms up and is not recorded
		for _, k := range kernels {
			goFirst := r%2 == 0
			for _, lang := range []bool{goFirst, !goFirst} {
				if lang {
					if err := k.timeGo(r >= 0); err != nil {
						return err
					}
				} else if err := k.timeC(cBin, r >= 0); err != nil {
					return err
				}
			}
		}
	}
	others := meter.OthersShare()
	cell, err := measureCellCalls(rounds)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	notes, err := codegenNotes(src, dir, exe)
	if err != nil {
		return err
	}
	report := markdown(kernels, workers, rounds, others, cell, notes)
	fmt.Print(report)
	if out != "" {
		return os.WriteFile(out, []byte(report), 0o644)
	}
	return nil
}

// kernels returns the rows of the table, each with its C twin.
func (sz sizes) kernels(workers int) []*kernel {
	box, maxIter, piSamples, sumN := sz.box, sz.maxIter, sz.piSamples, sz.sumN
	mandelArgs := func(w int) []string {
		return []string{"mandelbrot", itoa(box.Width), itoa(box.Height),
			ftoa(real(box.Center)), ftoa(imag(box.Center)), ftoa(real(box.Extent)), ftoa(imag(box.Extent)),
			itoa(maxIter), itoa(w)}
	}
	mandelWork := fmt.Sprintf("%d×%d, max_iter %d", box.Width, box.Height, maxIter)
	checksum := func(g *native.IterGrid) string {
		var s int64
		for _, v := range g.Values() {
			s += int64(v)
		}
		return strconv.FormatInt(s, 10)
	}
	ks := []*kernel{
		{name: "CalcPi", work: fmt.Sprintf("%s samples, xoroshiro128+", short(piSamples)),
			goRun: func() string { return gfmt(native.CalcPiSeeded(piSamples, piSeed)) },
			cArgs: []string{"pi", itoa(piSamples), "1", utoa(piSeed)}},
		{name: "CalcPiParallel", work: fmt.Sprintf("%s samples, %d workers", short(piSamples), workers), serial: "CalcPi", workers: workers,
			goRun: func() string { return gfmt(native.CalcPiParallelSeeded(piSamples, workers, piSeed)) },
			cArgs: []string{"pi", itoa(piSamples), itoa(workers), utoa(piSeed)}},
		{name: "SumRange", work: "n = " + short(sumN),
			goRun: func() string { return strconv.FormatInt(native.SumRange(int64(sumN)), 10) },
			cArgs: []string{"sum_range", itoa(sumN)}},
		{name: "ConditionalSumRange", work: "n = " + short(sumN) + ", i%3 == 0",
			goRun: func() string { return strconv.FormatInt(native.ConditionalSumRange(int64(sumN)), 10) },
			cArgs: []string{"conditional_sum_range", itoa(sumN)}},
	}
	if native.CAvailable {
		ks = append(ks, &kernel{name: "SumRangeC (C through cgo)", work: "n = " + short(sumN),
			goRun: func() string { s, _ := native.SumRangeC(int64(sumN)); return strconv.FormatInt(s, 10) },
			cArgs: []string{"sum_range", itoa(sumN)}})
	}
	ks = append(ks,
		&kernel{name: "Mandelbrot", work: mandelWork,
			goRun: func() string { return checksum(native.Mandelbrot(box, maxIter)) },
			cArgs: mandelArgs(1)},
		&kernel{name: "MandelbrotParallel", work: fmt.Sprintf("%s, %d workers", mandelWork, workers),
			serial: "Mandelbrot", workers: workers,
			goRun: func() string { return checksum(native.MandelbrotParallel(box, maxIter, workers)) },
			cArgs: mandelArgs(workers)},
	)
	return ks
}

func (k *kernel) timeGo(record bool) error {
	t0 := time.Now()
	res := k.goRun()
	d := time.Since(t0)
	if k.goResult != "" && res != k.goResult {
		return fmt.Errorf("%s: Go gave %s, then %s", k.name, k.goResult, res)
	}
	k.goResult = res
	if record {
		k.goTimes = append(k.goTimes, d)
	}
	return nil
}

func (k *kernel) timeC(bin string, record bool) error {
	out, err := exec.Command(bin, k.cArgs...).Output()
	if err != nil {
		return fmt.Errorf("running the C twin (%s): %v", strings.Join(k.cArgs, " "), err)
	}
	fields := strings.Fields(string(out))
	if len(fields) != 2 {
		return fmt.Errorf("the C twin of %s printed %q", k.name, out)
	}
	secs, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return err
	}
	if k.goResult != "" && fields[1] != k.goResult {
		return fmt.Errorf("%s: C computed %s, Go %s: not the same algorithm", k.name, fields[1], k.goResult)
	}
	k.cResult = fields[1]
	if record {
		k.cTimes = append(k.cTimes, time.Duration(secs*float64(time.Second)))
	}
	return nil
}

// buildC compiles the C twins with gcc -O2 into dir.
func buildC(src, dir string) (string, error) {
	files, err := filepath.Glob(filepath.Join(src, "*.c"))
	if err != nil || len(files) == 0 {
		return "", fmt.Errorf("no C sources in %s (run from the repository root, or pass -csrc)", src)
	}
	bin := filepath.Join(dir, "bench_c")
	args := append([]string{"-O2", "-pthread", "-o", bin}, files...)
	if out, err := exec.Command("gcc", args...).CombinedOutput(); err != nil {
		return "", fmt.Errorf("gcc %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return bin, nil
}

func fastest(ds []time.Duration) time.Duration { return slices.Min(ds) }

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/1e6) }

// short writes 10000000 as 1e7.
func short(n int) string {
	d, e := n, 0
	for d >= 10 && d%10 == 0 {
		d, e = d/10, e+1
	}
	if e >= 3 && d < 10 {
		return fmt.Sprintf("%de%d", d, e)
	}
	return itoa(n)
}

func itoa(n int) string     { return strconv.Itoa(n) }
func utoa(n uint64) string  { return strconv.FormatUint(n, 10) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
func gfmt(f float64) string { return strconv.FormatFloat(f, 'g', 17, 64) }
