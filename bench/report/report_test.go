package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestTables(t *testing.T) {
	md := "# t\n\ntext\n\n| a | b |\n|---|---:|\n| 1 | 2 |\n| 3 | 4 |\n\nmore\n| x |\n|:-:|\n| y |\n"
	got := tables(md)
	if len(got) != 2 {
		t.Fatalf("found %d tables, want 2", len(got))
	}
	tests := []struct {
		i      int
		header string
		rows   int
		last   string
	}{
		{0, "a,b", 2, "3,4"},
		{1, "x", 1, "y"},
	}
	for _, tt := range tests {
		tb := got[tt.i]
		if h := strings.Join(tb.header, ","); h != tt.header {
			t.Errorf("table %d header %q, want %q", tt.i, h, tt.header)
		}
		if len(tb.rows) != tt.rows || strings.Join(tb.rows[len(tb.rows)-1], ",") != tt.last {
			t.Errorf("table %d rows %q", tt.i, tb.rows)
		}
	}
}

func TestNumberAndMicroseconds(t *testing.T) {
	tests := []struct {
		cell   string
		number float64
		micros float64
		ok     bool
	}{
		{"16.7 (18.0)", 16.7, 16.7, true},
		{"78.91 µs", 78.91, 78.91, true},
		{"1.5 ms", 1.5, 1500, true},
		{"350 ns", 350, 0.35, true},
		{"2 s", 2, 2e6, true},
		{"95×", 95, 95, true},
		{"1,024", 1024, 1024, true},
		{"", 0, 0, false},
		{"yes", 0, 0, false},
	}
	for _, tt := range tests {
		n, ok := number(tt.cell)
		if ok != tt.ok || n != tt.number {
			t.Errorf("number(%q) = %v, %v", tt.cell, n, ok)
		}
		if m, ok := microseconds(tt.cell); ok != tt.ok || m != tt.micros {
			t.Errorf("microseconds(%q) = %v, %v", tt.cell, m, ok)
		}
	}
}

func TestDemote(t *testing.T) {
	got := demote("# Title\n\nintro\n## Part\ntext\n### Sub\n", 1)
	want := "intro\n### Part\ntext\n#### Sub\n"
	if got != want {
		t.Errorf("demote = %q, want %q", got, want)
	}
}

func TestResultsOfTheOtherBenchmarks(t *testing.T) {
	native, err := os.ReadFile("testdata/native.md")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := nativeRows(string(native))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[0].name != "CalcPi" || rows[0].goMS != 16.2 || rows[0].cMS != 16.8 || rows[0].ratio != 0.97 {
		t.Errorf("native rows: %+v", rows)
	}
	runtime, err := os.ReadFile("testdata/runtime.md")
	if err != nil {
		t.Fatal(err)
	}
	tasks, err := taskRows(string(runtime))
	if err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 13 || tasks[0].tasks != 1 || tasks[0].asyncio != 44.41 || tasks[0].compiled != 0.81 || tasks[12].tasks != 4096 {
		t.Errorf("task rows: %+v", tasks)
	}
	if _, err := nativeRows("no table here"); err == nil {
		t.Error("no error for a report without its table")
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "BENCHMARKS.md")
	sbs, err := readSideBySide("testdata/constructs.md", "testdata/programs.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := run("testdata/kernel.json", "testdata/native.md", "testdata/runtime.md", "testdata/timeit.txt", "testdata/interpreter.md", sbs, out, "charts"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	k, err := readKernelResults("testdata/kernel.json")
	if err != nil {
		t.Fatal(err)
	}
	g, p := k.Kernel["gopar"], k.Kernel["ipykernel"]
	for _, want := range []string{
		"## Summary", "## Start-up and round trip, against ipykernel", "## Interpreted loops, against CPython",
		"## Native kernels, against C", "## Runtime overhead per task, against asyncio", "## Mandelbrot scaling from 1 to 2 workers",
		"## Kernel memory, against ipykernel", fmt.Sprintf("## A workshop room: %d kernels at once", k.Room.Kernels),
		"| start-up to first kernel_info_reply (median) | " + ms(g.Startup.Median) + " | " + ms(p.Startup.Median) + " (ipykernel) | " +
			ratioText(g.Startup.Median/p.Startup.Median) + " |",
		"### Calling a kernel from a cell", // bench/native's own section, demoted
		"## %timeit against go test -bench", "The benchmark ran 5 times in a row",
		// Each side's fastest of the five runs in testdata/timeit.txt.
		"| bench.Sum(1) | 1.59 ns (2.19 ns) | 12.3 ns (37.1 ns) | +10.7 ns | 7.707 | none (no work) |  |",
		"| bench.Sum(10,000) | 2.85 µs (4.82 µs) | 3.08 µs (3.77 µs) | +230 ns | 1.081 | 0.90 to 1.10 | yes |",
		"| bench.Sum(10,000,000) | 2.96 ms (5.03 ms) | 3.26 ms (4.49 ms) | +299 µs | 1.101 | 0.90 to 1.10 | **no** |",
		"| %timeit of a native call against go test -bench (furthest of 2: Sum(10,000,000)) | 3.26 ms | 2.96 ms (go test -bench) | 1.101 | 0.90 to 1.10 | **no** |",
		"same sum: yes",
		// bench/interpreter's table, under the interpreted loops.
		"### What made the interpreted loops faster", "| step | what changed | calc_pi(1e6), ms |",
		// The side-by-side suites: their sections, with their tables, and
		// their headline figures in the summary (from testdata's tables).
		constructsHeading, programsHeading, "### Sleeping goroutines, gopar against compiled Go",
		"| binarytrees | Benchmarks Game |", "| function call | 50.4 (50.4) | 544 (544) |",
		"| whole programs against CPython, geometric mean over the 13 programs gopar ran right |  |  | 1.56 | ≤ 1.0 | **no** |",
		"| whole programs against CPython, worst program: spectralnorm |  |  | 7.43 | ≤ 3 | **no** |",
		"| programs gopar failed or got wrong |  |  | 1 | 0 | **no** |",
		"| constructs against CPython, ns per operation (worst of 15: recursive call; 12 slower than CPython) | 1334 (1334) ns | 41.3 (41.3) ns (CPython) | 32.30 | ≤ 1.0 | **no** |",
		"| memory per sleeping goroutine (stacks + heap), against compiled Go | 21592 B (21592) | 2712 B (2712) (compiled Go) | 8.0 | ≤ 2 | **no** |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, name := range []string{"ratios", "startup", "roundtrip", "interpreted", "native", "tasks", "scaling", "memory"} {
		if !strings.Contains(md, "charts/"+name+".png") {
			t.Errorf("the report does not link %s.png", name)
		}
		info, err := os.Stat(filepath.Join(dir, "charts", name+".png"))
		if err != nil || info.Size() < 1000 {
			t.Errorf("chart %s.png: %v", name, err)
		}
	}
}

func TestTimeitResults(t *testing.T) {
	rows, err := readTimeitResults("testdata/timeit.txt")
	if err != nil {
		t.Fatal(err)
	}
	// testdata/timeit.txt is five runs of the real benchmark; each side's
	// fastest and median run, read by hand from the file.
	want := []timeitRow{
		{n: 1, goNS: 1.592, timeitNS: 12.27, goMedianNS: 2.186, timeitMedianNS: 37.06, rounds: 5},
		{n: 10_000, goNS: 2849, timeitNS: 3079, goMedianNS: 4819, timeitMedianNS: 3765, rounds: 5},
		{n: 10_000_000, goNS: 2963031, timeitNS: 3262419, goMedianNS: 5025545, timeitMedianNS: 4492912, rounds: 5},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n%+v, want\n%+v", rows, want)
	}
	if rows[0].hasTarget() || !rows[1].hasTarget() || !rows[2].hasTarget() {
		t.Errorf("only calls doing real work have the ±10 %% target: %+v", rows)
	}

	// One side missing, or no results at all, is an error, not a silent gap.
	for _, bad := range []string{
		"BenchmarkTimeitVsGoBench/gobench/Sum(1)-2   	693879345	         1.778 ns/op\n",
		"BenchmarkTimeitVsGoBench/timeit/Sum(1)-2    	       1	3267820834 ns/op	        18.35 timeit-ns/call\n",
		"BenchmarkTimeitVsGoBench/timeit/Sum(1)-2    	       1	3267820834 ns/op\n" +
			"BenchmarkTimeitVsGoBench/gobench/Sum(1)-2   	693879345	         1.778 ns/op\n",
		"PASS\nok  	github.com/gopar/gopar/magics	13.855s\n",
	} {
		if rows, err := timeitRows(bad); err == nil {
			t.Errorf("no error for %q: %+v", bad, rows)
		}
	}
}

func TestTimeitTarget(t *testing.T) {
	tests := []struct {
		goNS, timeitNS float64
		within         bool
	}{
		{1000, 1000, true},
		{1000, 1099, true},
		{1000, 901, true},
		{1000, 1101, false},
		{1000, 899, false},
	}
	for _, tt := range tests {
		r := timeitRow{n: 10_000, goNS: tt.goNS, timeitNS: tt.timeitNS}
		if r.withinTarget() != tt.within {
			t.Errorf("%v ns against %v ns: within ±10 %% = %v", tt.timeitNS, tt.goNS, !tt.within)
		}
	}
	rows := []timeitRow{
		{n: 1, goNS: 2, timeitNS: 20},
		{n: 10_000, goNS: 1000, timeitNS: 1050},
		{n: 10_000_000, goNS: 1e6, timeitNS: 0.92e6},
	}
	if w, ok := worstTimeit(rows); !ok || w.n != 10_000_000 {
		t.Errorf("furthest from go bench: %+v, %v; want Sum(10000000), not the call without work", w, ok)
	}
	for _, tt := range []struct {
		ns   float64
		want string
	}{{1.778, "1.78 ns"}, {18.35, "18.4 ns"}, {2912, "2.91 µs"}, {3045725, "3.05 ms"}, {-250, "-250 ns"}, {3.2e9, "3.20 s"}} {
		if got := nanos(tt.ns); got != tt.want {
			t.Errorf("nanos(%v) = %q, want %q", tt.ns, got, tt.want)
		}
	}
	if got := thousands(10_000_000); got != "10,000,000" {
		t.Errorf("thousands = %q", got)
	}
}

func TestSideBySideSectionsComeBeforeTheNativeKernels(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "BENCHMARKS.md")
	sbs, err := readSideBySide("testdata/constructs.md", "testdata/programs.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := run("testdata/kernel.json", "testdata/native.md", "testdata/runtime.md", "", "", sbs, out, "charts"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	c, p, n := headingAt(md, constructsHeading), headingAt(md, programsHeading), headingAt(md, nativeHeading)
	if c < 0 || p < 0 || n < 0 || !(c < p && p < n) {
		t.Errorf("sections at %d, %d, %d: want constructs, then programs, then native kernels", c, p, n)
	}
	// The suites' own titles are dropped, their subsections demoted.
	if strings.Contains(md, "\n# Constructs") || strings.Contains(md, "\n## Sleeping goroutines") {
		t.Error("a suite's heading was not demoted")
	}
}

func TestSplice(t *testing.T) {
	doc := "# gopar benchmarks\n\n## Summary\n\nsum\n\n## Interpreted loops, against CPython\n\nloops\n\n" +
		nativeHeading + "\n\nnative\n\n## Kernel memory, against ipykernel\n\nmem\n"
	a := []section{{constructsHeading, constructsHeading + "\n\nfirst constructs\n"}, {programsHeading, programsHeading + "\n\nfirst programs\n"}}
	got := splice(doc, a, nativeHeading)
	want := "# gopar benchmarks\n\n## Summary\n\nsum\n\n## Interpreted loops, against CPython\n\nloops\n\n" +
		constructsHeading + "\n\nfirst constructs\n\n" + programsHeading + "\n\nfirst programs\n\n" +
		nativeHeading + "\n\nnative\n\n## Kernel memory, against ipykernel\n\nmem\n"
	if got != want {
		t.Fatalf("inserted:\n%s\nwant:\n%s", got, want)
	}
	// Again with new results: each section replaced in place, nothing else.
	b := []section{{constructsHeading, constructsHeading + "\n\nsecond constructs\n\n### sub\n\nmore\n"}, {programsHeading, programsHeading + "\n\nsecond programs\n"}}
	got = splice(got, b, nativeHeading)
	want = strings.Replace(strings.Replace(want, "first constructs", "second constructs\n\n### sub\n\nmore", 1), "first programs", "second programs", 1)
	if got != want {
		t.Fatalf("replaced:\n%s\nwant:\n%s", got, want)
	}
	// A section that is the last one of the report is replaced to the end.
	last := splice("# t\n\n"+programsHeading+"\n\nold\n", []section{{programsHeading, programsHeading + "\n\nnew\n"}}, nativeHeading)
	if last != "# t\n\n"+programsHeading+"\n\nnew\n" {
		t.Errorf("last section: %q", last)
	}
	// Without the heading to come before, at the end.
	end := splice("# t\n\ntext\n", []section{{programsHeading, programsHeading + "\n\nnew\n"}}, nativeHeading)
	if end != "# t\n\ntext\n\n"+programsHeading+"\n\nnew\n" {
		t.Errorf("appended: %q", end)
	}
}

func TestSpliceInto(t *testing.T) {
	path := filepath.Join(t.TempDir(), "BENCHMARKS.md")
	if err := os.WriteFile(path, []byte("# gopar benchmarks\n\n"+nativeHeading+"\n\nnative\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := spliceInto(path, sideBySide{}); err == nil {
		t.Error("no error for -splice without results")
	}
	sbs, err := readSideBySide("", "testdata/programs.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := spliceInto(path, sbs); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	md := string(b)
	if !strings.Contains(md, programsHeading) || strings.Contains(md, constructsHeading) || !strings.HasSuffix(md, nativeHeading+"\n\nnative\n") {
		t.Errorf("spliced report:\n%s", md)
	}
	if _, err := readSideBySide("testdata/no-such-file.md", ""); err == nil {
		t.Error("no error for a missing results file")
	}
}

func TestSpliceSummary(t *testing.T) {
	doc := "# t\n\n## Summary\n\n| measure | gopar | alternative | gopar / alternative | target | met |\n|---|---:|---:|---:|---:|---|\n" +
		"| start-up | 1 | 2 | 0.5 | | |\n| kernel memory idle (RSS) | 3 | 4 | 0.75 | | |\n\n![chart](c.png)\n\n## Other\n\n| a | b |\n|---|---|\n| x | y |\n"
	rows := []summaryRow{{label: "whole programs against CPython, geometric mean", ratio: "1.5", target: "≤ 1.0", met: "**no**"},
		{label: "memory per sleeping goroutine (stacks + heap), against compiled Go", gopar: "20 KB", other: "2 KB", ratio: "10", target: "≤ 2", met: "**no**"}}
	want := "# t\n\n## Summary\n\n| measure | gopar | alternative | gopar / alternative | target | met |\n|---|---:|---:|---:|---:|---|\n" +
		"| start-up | 1 | 2 | 0.5 | | |\n" + rows[0].line() + "\n" + rows[1].line() + "\n" +
		"| kernel memory idle (RSS) | 3 | 4 | 0.75 | | |\n\n![chart](c.png)\n\n## Other\n\n| a | b |\n|---|---|\n| x | y |\n"
	got := spliceSummary(doc, rows)
	if got != want {
		t.Fatalf("first splice:\n%s\nwant:\n%s", got, want)
	}
	// Again: the earlier rows give way to the new ones, nothing doubles.
	rows[0].ratio = "0.9"
	again := spliceSummary(got, rows[:1])
	want = strings.Replace(strings.Replace(want, rows[1].line()+"\n", "", 1), "| 1.5 |", "| 0.9 |", 1)
	if again != want {
		t.Fatalf("second splice:\n%s\nwant:\n%s", again, want)
	}
	if doc := "# no summary\n"; spliceSummary(doc, rows) != doc {
		t.Error("a document without a summary changed")
	}
}
