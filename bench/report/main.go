// Command report assembles BENCHMARKS.md from the results of one
// `make bench` run: the kernel benchmarks of bench/kernel (JSON), the
// native kernels against C (bench/native's Markdown) and the runtime
// against asyncio (bench/runtime's Markdown) and, when given, %timeit of a
// native call against go test -bench (the text output of magics'
// BenchmarkTimeitVsGoBench) and what each change to the interpreter did to
// its loops (bench/interpreter's Markdown) and the side-by-side suites
// of constructs and whole programs against CPython and compiled Go
// (bench/constructs' and bench/programs' Markdown), and modules in cells
// and long sessions (bench/modules' and bench/session's Markdown). It writes the tables
// as ratios and draws the charts as PNG files with gonum plot:
//
//	go run ./bench/report -kernel k.json -native native.md -runtime runtime.md \
//		-timeit timeit.txt -interpreter bench/interpreter/RESULTS.md \
//		-constructs bench/constructs/RESULTS.md -programs bench/programs/RESULTS.md \
//		-modules bench/modules/RESULTS.md -session bench/session/RESULTS.md \
//		-o BENCHMARKS.md -charts bench/report/charts
//
// With -splice it renews only the sections of the side-by-side suites in
// an existing report, and their rows in its summary, for a run of those
// suites alone:
//
//	go run ./bench/report -splice -constructs c.md -programs p.md -o BENCHMARKS.md
//
// scripts/bench.sh runs the benchmarks and then this.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
)

func main() {
	kernelPath := flag.String("kernel", "", "results of bench/kernel/bench_kernel.py (JSON)")
	nativePath := flag.String("native", "", "results of bench/native (Markdown)")
	runtimePath := flag.String("runtime", "", "results of bench/runtime (Markdown)")
	timeitPath := flag.String("timeit", "", "output of go test -bench TimeitVsGoBench ./magics/ (text); without it the report leaves %timeit out")
	interpPath := flag.String("interpreter", "", "results of bench/interpreter (Markdown); without it the report leaves the interpreter's steps out")
	constructsPath := flag.String("constructs", "", "results of bench/constructs (Markdown); without it the report leaves the constructs out")
	programsPath := flag.String("programs", "", "results of bench/programs (Markdown); without it the report leaves the whole programs out")
	modulesPath := flag.String("modules", "", "results of bench/modules (Markdown); without it the report leaves modules out")
	sessionPath := flag.String("session", "", "results of bench/session (Markdown); without it the report leaves long sessions out")
	spliceOnly := flag.Bool("splice", false, "only renew the sections of -constructs and -programs in the existing report -o")
	out := flag.String("o", "BENCHMARKS.md", "the report to write")
	charts := flag.String("charts", "bench/report/charts", "directory for the chart PNGs, relative to the report")
	flag.Parse()
	sbs, err := readSideBySide(*constructsPath, *programsPath)
	if err == nil {
		if *spliceOnly {
			err = spliceInto(*out, sbs)
		} else {
			err = run(*kernelPath, *nativePath, *runtimePath, *timeitPath, *interpPath, sbs, *out, *charts)
			if err == nil && *modulesPath != "" {
				err = appendModules(*out, *modulesPath)
			}
			if err == nil && *sessionPath != "" {
				err = appendSession(*out, *sessionPath)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/report:", err)
		os.Exit(1)
	}
}

// readSideBySide reads the suites' results that were given.
func readSideBySide(constructsPath, programsPath string) (sideBySide, error) {
	var s sideBySide
	for _, f := range []struct {
		path string
		to   *string
	}{{constructsPath, &s.constructs}, {programsPath, &s.programs}} {
		if f.path == "" {
			continue
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return s, err
		}
		*f.to = string(b)
	}
	return s, nil
}

// spliceInto renews the suites' sections of the report at path, and their
// rows in its summary.
func spliceInto(path string, s sideBySide) error {
	if s.constructs == "" && s.programs == "" {
		return fmt.Errorf("-splice needs -constructs or -programs")
	}
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	rows, err := s.summary()
	if err != nil {
		return err
	}
	md := spliceSummary(splice(string(doc), s.sections(), nativeHeading), rows)
	return os.WriteFile(path, []byte(md), 0o644)
}

func run(kernelPath, nativePath, runtimePath, timeitPath, interpPath string, sbs sideBySide, out, charts string) error {
	k, err := readKernelResults(kernelPath)
	if err != nil {
		return err
	}
	nativeMD, err := os.ReadFile(nativePath)
	if err != nil {
		return err
	}
	runtimeMD, err := os.ReadFile(runtimePath)
	if err != nil {
		return err
	}
	var timeit []timeitRow
	if timeitPath != "" {
		if timeit, err = readTimeitResults(timeitPath); err != nil {
			return err
		}
	}
	var interpMD []byte
	if interpPath != "" {
		if interpMD, err = os.ReadFile(interpPath); err != nil {
			return err
		}
	}
	chartDir := filepath.Join(filepath.Dir(out), charts)
	if err := os.MkdirAll(chartDir, 0o755); err != nil {
		return err
	}
	r := &report{k: k, native: string(nativeMD), runtime: string(runtimeMD), timeit: timeit, interpSteps: string(interpMD), sideBySide: sbs,
		chartDir: chartDir, chartLink: filepath.ToSlash(charts)}
	md, err := r.render()
	if err != nil {
		return err
	}
	return os.WriteFile(out, []byte(md), 0o644)
}

// report builds the Markdown and the charts it links.
type report struct {
	k               *kernelResults
	native, runtime string
	timeit          []timeitRow // none when not measured
	interpSteps     string      // bench/interpreter's table, or ""
	sideBySide      sideBySide  // bench/constructs' and bench/programs' results
	chartDir        string      // where charts are written
	chartLink       string      // how the report links them

	b strings.Builder
}

func (r *report) printf(format string, args ...any) { fmt.Fprintf(&r.b, format, args...) }

// chart saves p as name (w × h inches) and links it from the report.
func (r *report) chart(p *plot.Plot, name, alt string, w, h float64) error {
	if _, err := save(p, r.chartDir, name, w, h); err != nil {
		return err
	}
	r.printf("![%s](%s/%s)\n\n", alt, r.chartLink, name)
	return nil
}
