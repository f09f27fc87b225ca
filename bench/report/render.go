package main

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg/draw"

	"github.com/gopar/gopar/runtime/chart"
)

// render writes the whole report and its charts.
func (r *report) render() (string, error) {
	k := r.k
	natives, err := nativeRows(r.native)
	if err != nil {
		return "", err
	}
	tasks, err := taskRows(r.runtime)
	if err != nil {
		return "", err
	}
	m := k.Machine
	r.printf("# gopar benchmarks\n\n")
	r.printf("Written by `make bench` (`scripts/bench.sh`) on %s: every benchmark below in one run on one machine "+
		"(%s, %d logical CPUs, %.0f GiB, %s), gopar against ipykernel %s, CPython %s (Debian's `/usr/bin/python3`), "+
		"asyncio, and C built with `gcc -O2`. The kernel benchmarks took %.0f s.\n\n",
		m.Date, m.CPU, m.CPUs, m.MemoryGiB, m.OS, m.Ipykernel, m.Python, k.Seconds)
	r.printf("Ratios are gopar's time (or memory) over the alternative's: below 1 gopar is faster (or smaller). " +
		"The machine may be shared; where other processes' load matters (parallel speed-up) the section says how much there was.\n\n")

	if err := r.summary(natives, tasks); err != nil {
		return "", err
	}
	if err := r.kernelSection(); err != nil {
		return "", err
	}
	if err := r.interpretedSection(); err != nil {
		return "", err
	}
	for _, s := range r.sideBySide.sections() {
		r.printf("%s\n", strings.TrimRight(s.text, "\n")+"\n")
	}
	if err := r.nativeSection(natives); err != nil {
		return "", err
	}
	r.timeitSection()
	if err := r.runtimeSection(tasks); err != nil {
		return "", err
	}
	if err := r.scalingSection(); err != nil {
		return "", err
	}
	if err := r.memorySection(); err != nil {
		return "", err
	}
	r.roomSection()
	return r.b.String(), nil
}

func (r *report) summary(natives []nativeRow, tasks []taskRow) error {
	k := r.k
	g, p := k.Kernel["gopar"], k.Kernel["ipykernel"]
	r.printf("## Summary\n\n")
	r.printf("| measure | gopar | alternative | gopar / alternative | target | met |\n|---|---:|---:|---:|---:|---|\n")
	var points []ratioPoint
	row := func(label, short string, gv, av float64, unit func(float64) string, target float64, other string) {
		ratio := gv / av
		t, met := "", ""
		if target > 0 {
			t = "≤ " + trim(target)
			met = yesNo(ratio <= target)
		}
		r.printf("| %s | %s | %s (%s) | %s | %s | %s |\n", label, unit(gv), unit(av), other, ratioText(ratio), t, met)
		points = append(points, ratioPoint{label: short, ratio: ratio, target: target})
	}
	row("start-up to first kernel_info_reply (median)", "start-up", g.Startup.Median, p.Startup.Median, ms, 0.05, "ipykernel")
	row("start-up to first cell result (median)", "start to first result", g.FirstCell.Median, p.FirstCell.Median, ms, 0, "ipykernel")
	row("trivial cell round trip, jupyter_client (median)", "round trip", g.RoundTrip.Median, p.RoundTrip.Median, ms, 1.0/6, "ipykernel")
	if g.LeanTrip.Median > 0 && p.LeanTrip.Median > 0 {
		row("trivial cell round trip, lean pyzmq client (median)", "round trip, lean client", g.LeanTrip.Median, p.LeanTrip.Median, ms, 1.0/6, "ipykernel")
	}
	for _, name := range []string{"calc_pi", "mandelbrot"} {
		it, ok := k.Interpreted[name]
		if !ok {
			return fmt.Errorf("no interpreted results for %s", name)
		}
		row("interpreted "+it.What+" (fastest)", "interpreted "+name, it.Gopar.Min, it.CPython.Min, seconds, 1.0, "CPython")
	}
	worst := slices.MaxFunc(natives, func(a, b nativeRow) int { return cmpFloat(a.ratio, b.ratio) })
	r.printf("| native kernels against C (worst of %d: %s) | %.1f ms | %.1f ms (C gcc -O2) | %s | ≤ 1.1 | %s |\n",
		len(natives), worst.name, worst.goMS, worst.cMS, ratioText(worst.ratio), yesNo(worst.ratio <= 1.1))
	r.timeitSummary()
	for _, n := range natives {
		points = append(points, ratioPoint{label: n.name + " vs C", ratio: n.ratio, target: 1.1})
	}
	var perTask, perTaskCell []float64
	for _, t := range tasks {
		perTask = append(perTask, t.compiled/t.asyncio)
		perTaskCell = append(perTaskCell, t.fromC/t.asyncio)
	}
	mid, midCell := median(perTask), median(perTaskCell)
	r.printf("| cost per task, Go + Gather against asyncio.to_thread + gather (median over %d task counts) | | | %s (asyncio costs %.0f× more) | ≤ 0.02 | %s |\n",
		len(tasks), ratioText(mid), 1/mid, yesNo(mid <= 0.02))
	r.printf("| the same, Go + Gather run from a cell | | | %s (%.0f×) | | |\n", ratioText(midCell), 1/midCell)
	points = append(points, ratioPoint{label: "task overhead vs asyncio", ratio: mid, target: 0.02},
		ratioPoint{label: "task overhead from a cell", ratio: midCell})
	sbs, err := r.sideBySide.summary()
	if err != nil {
		return err
	}
	for _, s := range sbs {
		r.printf("%s\n", s.line())
		if s.point.label != "" {
			points = append(points, s.point)
		}
	}
	mg, mp := k.Memory["gopar"], k.Memory["ipykernel"]
	row("kernel memory idle (RSS, kernel + worker)", "memory idle", mg.IdleRSS, mp.IdleRSS, mib, 0, "ipykernel")
	row("kernel memory after a lesson-like session (RSS)", "memory after a session", mg.SessionRSS, mp.SessionRSS, mib, 0, "ipykernel")
	if eff, ok := r.efficiency(r.k.Scaling.Native); ok {
		r.printf("| parallel efficiency of the native Mandelbrot on %d cores | %.0f %% | | | ≥ 90 %% | %s |\n",
			r.lastWorkers(), eff*100, yesNo(eff >= 0.9))
	}
	if eff, ok := r.efficiency(r.k.Scaling.Interpreted); ok {
		r.printf("| parallel efficiency of the interpreted Mandelbrot on %d cores | %.0f %% | | | | |\n", r.lastWorkers(), eff*100)
	}
	r.printf("\n")
	return r.chart(ratioChart(points), "ratios.png", "gopar over the alternative, every ratio", 9, 5)
}

func (r *report) kernelSection() error {
	k := r.k
	g, p := k.Kernel["gopar"], k.Kernel["ipykernel"]
	r.printf("## Start-up and round trip, against ipykernel\n\n")
	r.printf("How: `bench/kernel/bench_kernel.py` writes a connection file and launches each kernel directly from the argv of its kernelspec "+
		"(no KernelManager), with a `BlockingKernelClient` whose ZeroMQ reconnect interval is 1 ms (`kc.context.setsockopt(zmq.RECONNECT_IVL, 1)`), "+
		"so the client's 100 ms default retry does not hide the kernel's own start. Start-up is the time from launching the process "+
		"to the first `kernel_info_reply`; \"first cell\" goes on to the result of `1 + 1` (gopar's worker process starts in the meantime). "+
		"%d start-ups of each kernel. The round trip is one trivial cell (`1 + 1`) from sending `execute_request` to the `idle` status that ends it, "+
		"as jupyter_client's `BlockingKernelClient` sees it: %d of them after 20 to warm up, with both kernels running and taking turns, 20 cells at a time, "+
		"so that a change in the machine's load falls on both. jupyter_client's own work on every message "+
		"(decoding every frame, parsing dates) is part of that time, the same for both kernels; so the round trip is measured again with "+
		"a lean client on raw pyzmq that signs its request and only looks for the reply and the `idle` status, which shows more of the kernels' own time. "+
		"The lean client also times `kernel_info_request`, which a kernel answers without running a cell (gopar without its worker process): "+
		"the messaging alone, with the client's own cost.\n\n",
		k.Settings.Starts, k.Settings.Trips)
	r.printf("| measure | gopar | ipykernel | gopar / ipykernel | target |\n|---|---:|---:|---:|---:|\n")
	r.printf("| start-up to first kernel_info_reply, median (fastest) | %s (%s) | %s (%s) | %s | ≤ 0.05 |\n",
		ms(g.Startup.Median), ms(g.Startup.Min), ms(p.Startup.Median), ms(p.Startup.Min), ratioText(g.Startup.Median/p.Startup.Median))
	r.printf("| start-up to the first cell's result, median | %s | %s | %s | |\n",
		ms(g.FirstCell.Median), ms(p.FirstCell.Median), ratioText(g.FirstCell.Median/p.FirstCell.Median))
	r.printf("| trivial cell round trip, median | %s | %s | %s | ≤ 0.167 |\n",
		ms(g.RoundTrip.Median), ms(p.RoundTrip.Median), ratioText(g.RoundTrip.Median/p.RoundTrip.Median))
	r.printf("| trivial cell round trip, 90th percentile | %s | %s | %s | |\n",
		ms(g.RoundTrip.P90), ms(p.RoundTrip.P90), ratioText(g.RoundTrip.P90/p.RoundTrip.P90))
	if g.LeanTrip.Median > 0 && p.LeanTrip.Median > 0 {
		r.printf("| trivial cell round trip, lean client, median | %s | %s | %s | ≤ 0.167 |\n", ms(g.LeanTrip.Median), ms(p.LeanTrip.Median), ratioText(g.LeanTrip.Median/p.LeanTrip.Median))
		r.printf("| trivial cell round trip, lean client, 90th percentile | %s | %s | %s | |\n", ms(g.LeanTrip.P90), ms(p.LeanTrip.P90), ratioText(g.LeanTrip.P90/p.LeanTrip.P90))
	}
	if g.LeanInfo.Median > 0 && p.LeanInfo.Median > 0 {
		r.printf("| kernel_info round trip (no cell runs), lean client, median | %s | %s | %s | |\n", ms(g.LeanInfo.Median), ms(p.LeanInfo.Median), ratioText(g.LeanInfo.Median/p.LeanInfo.Median))
	}
	r.printf("\n")
	start := groupedBars("Start-up", "Time [ms]", []string{"to kernel_info_reply", "to first result"}, "%.0f",
		barSeries{"gopar", []float64{g.Startup.Median * 1e3, g.FirstCell.Median * 1e3}},
		barSeries{"ipykernel", []float64{p.Startup.Median * 1e3, p.FirstCell.Median * 1e3}})
	if _, err := save(start, r.chartDir, "startup.png", 5, 3.5); err != nil {
		return err
	}
	trip := groupedBars("Trivial cell round trip (median)", "Time [ms]", []string{"jupyter_client", "lean pyzmq client"}, "%.2f",
		barSeries{"gopar", []float64{g.RoundTrip.Median * 1e3, g.LeanTrip.Median * 1e3}},
		barSeries{"ipykernel", []float64{p.RoundTrip.Median * 1e3, p.LeanTrip.Median * 1e3}})
	if _, err := save(trip, r.chartDir, "roundtrip.png", 5, 3.5); err != nil {
		return err
	}
	r.printf("![start-up](%s/startup.png) ![round trip](%s/roundtrip.png)\n\n", r.chartLink, r.chartLink)
	return nil
}

func (r *report) interpretedSection() error {
	k := r.k
	r.printf("## Interpreted loops, against CPython\n\n")
	r.printf("How: the lesson's naive code, timed inside the code itself (`time.perf_counter()` around the call in Python, "+
		"`time.Now()` in Go), %d runs each, fastest and median. CPython runs the lesson's Python (`bench/kernel/workloads.py`) "+
		"in a `/usr/bin/python3` process per run; gopar runs the same algorithm written as a learner writes it in Go, in cells of a gopar kernel "+
		"(the function defined in one cell, each timed run a cell of its own). calc_pi draws `rand.Float64()*2 - 1` where Python calls "+
		"`random.uniform(-1, 1)`; Mandelbrot uses `complex128` as Python uses `complex`, and both print the sum of all iteration counts, "+
		"which must agree.", k.Settings.Runs)
	if k.InterpretedLoad > 0 {
		r.printf(" The runs alternate between CPython and gopar; other processes used %.0f %% of the machine's CPU meanwhile.", k.InterpretedLoad*100)
	}
	r.printf("\n\n| loop | CPython, fastest (median) | gopar, fastest (median) | gopar / CPython | target | results |\n|---|---:|---:|---:|---:|---|\n")
	var groups []string
	var py, gp []float64
	for _, name := range []string{"calc_pi", "mandelbrot"} {
		it := k.Interpreted[name]
		same := "π ≈ " + it.CPythonValue + " / " + it.GoparValue
		if name == "mandelbrot" {
			same = "same sum: " + yesNo(it.CPythonValue == it.GoparValue)
		}
		r.printf("| %s | %s (%s) | %s (%s) | %s | ≤ 1.0 | %s |\n", it.What, seconds(it.CPython.Min), seconds(it.CPython.Median),
			seconds(it.Gopar.Min), seconds(it.Gopar.Median), ratioText(it.Gopar.Min/it.CPython.Min), same)
		groups = append(groups, name)
		py = append(py, it.CPython.Min)
		gp = append(gp, it.Gopar.Min)
	}
	r.printf("\n")
	if r.interpSteps != "" {
		r.printf("### What made the interpreted loops faster\n\n")
		r.printf("yaegi alone ran these loops 2 to 2.5 times slower than CPython. Profiles (`go test -bench Loops -cpuprofile` in `interpreter/`) " +
			"showed where the time went: calc_pi spent 57 %% of it in `reflect.Value.Call` for `rand.Float64`; Mandelbrot spent it " +
			"storing every operator's result in a frame slot and reading it back through reflect, and a third of it in `min`, " +
			"which gopar's lowering had turned into a generic interpreted helper. Each change is a patch to yaegi's interpreter " +
			"(`third_party/yaegi`, its README lists them), measured here step by step:\n\n")
		r.printf("%s\n", demote(r.interpSteps, 2))
	}
	return r.chart(groupedBars("Interpreted loops (fastest run)", "Time [s]", groups, "%.3f",
		barSeries{"CPython", py}, barSeries{"gopar (interpreted)", gp}), "interpreted.png", "interpreted loops against CPython", 6, 3.5)
}

func (r *report) nativeSection(natives []nativeRow) error {
	r.printf("%s\n\n", nativeHeading)
	r.printf("How: `bench/native/run.sh` (its own description follows): each Go kernel of `gopar/native` against the same algorithm in C, " +
		"compiled with `gcc -O2`, in one process run; results must match exactly.\n\n")
	r.printf("%s\n", demote(r.native, 1))
	var names []string
	var goMS, cMS []float64
	for _, n := range natives {
		name, _, _ := strings.Cut(n.name, " (")
		names = append(names, name)
		goMS = append(goMS, n.goMS)
		cMS = append(cMS, n.cMS)
	}
	p := groupedBars("Native kernels against C (fastest round)", "Time [ms]", names, "%.0f",
		barSeries{"Go (gopar/native)", goMS}, barSeries{"C (gcc -O2)", cMS})
	p.X.Tick.Label.Rotation = math.Pi / 8
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	return r.chart(p, "native.png", "native kernels against C", 9, 4)
}

func (r *report) runtimeSection(tasks []taskRow) error {
	r.printf("## Runtime overhead per task, against asyncio\n\n")
	r.printf("How: `bench/runtime/run.sh` (its own description follows), in the same run.\n\n")
	r.printf("%s\n", demote(r.runtime, 1))
	var x, a, c, cell []float64
	for _, t := range tasks {
		x = append(x, t.tasks)
		a = append(a, t.asyncio)
		c = append(c, t.compiled)
		cell = append(cell, t.fromC)
	}
	p := chart.LogLog("Cost per task, n tasks started and gathered", "Tasks", "Time per task [µs]",
		chart.Series{Name: "asyncio.to_thread + gather", X: x, Y: a},
		chart.Series{Name: "gopar Go + Gather, from a cell", X: x, Y: cell},
		chart.Series{Name: "gopar Go + Gather, compiled", X: x, Y: c})
	p.Y.Max *= 6 // room for the legend above the lines
	return r.chart(p, "tasks.png", "cost per task against asyncio", 6, 4)
}

func (r *report) scalingSection() error {
	s := r.k.Scaling
	if len(s.Workers) == 0 {
		return fmt.Errorf("no scaling results")
	}
	r.printf("## Mandelbrot scaling from 1 to %d workers\n\n", r.lastWorkers())
	r.printf("How: from cells of one gopar kernel, the picture computed by 1 to NumCPU goroutines: %s, and %s; "+
		"%d rounds, each running every worker count once, and the fastest run of each. "+
		"Speed-up is the one-worker time over the time; efficiency is speed-up over workers.", s.InterpretedWhat, s.NativeWhat, s.Rounds)
	if s.OtherLoad > 0 {
		r.printf(" Other processes used %.0f %% of the machine's CPU during these runs: on a shared machine that load, not the code, caps the speed-up.", s.OtherLoad*100)
	}
	r.printf("\n\n| workers | interpreted | speed-up | efficiency | native | speed-up | efficiency |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	i1, n1 := s.Interpreted["1"].Min, s.Native["1"].Min
	var is, ns chart.Series
	is.Name, ns.Name = "interpreted (256², 256 iterations)", "native (1024², 1024 iterations)"
	for _, w := range s.Workers {
		key := strconv.Itoa(w)
		it, nt := s.Interpreted[key].Min, s.Native[key].Min
		r.printf("| %d | %s | %.2f× | %.0f %% | %s | %.2f× | %.0f %% |\n", w, seconds(it), i1/it, i1/it/float64(w)*100,
			seconds(nt), n1/nt, n1/nt/float64(w)*100)
		is.X, is.Y = append(is.X, float64(w)), append(is.Y, i1/it)
		ns.X, ns.Y = append(ns.X, float64(w)), append(ns.Y, n1/nt)
	}
	r.printf("\n")
	return r.chart(speedupChart("Mandelbrot speed-up with workers", s.Workers, is, ns), "scaling.png", "Mandelbrot scaling", 6, 4)
}

func (r *report) memorySection() error {
	mg, mp := r.k.Memory["gopar"], r.k.Memory["ipykernel"]
	r.printf("## Kernel memory, against ipykernel\n\n")
	r.printf("How: each kernel started as above; memory read from `/proc` two seconds after its first cell (idle) and two seconds after "+
		"a lesson-like session of %d cells (gopar: naive calc_pi(10⁶), a goroutine pool summing chunks, the naive Mandelbrot on 2 goroutines, "+
		"a native Mandelbrot drawn as a PNG chart; ipykernel: the same in Python with a thread pool, numpy and a matplotlib figure, %d cells). "+
		"gopar's figure is the kernel process plus its worker process. RSS counts the pages each process has resident; PSS splits pages "+
		"shared between processes (the kernel and its worker run the same binary) among them.\n\n", mg.Cells, mp.Cells)
	r.printf("| | gopar | ipykernel | gopar / ipykernel |\n|---|---:|---:|---:|\n")
	r.printf("| idle, RSS | %s | %s | %s |\n", mib(mg.IdleRSS), mib(mp.IdleRSS), ratioText(mg.IdleRSS/mp.IdleRSS))
	r.printf("| idle, PSS | %s | %s | %s |\n", mib(mg.IdlePSS), mib(mp.IdlePSS), ratioText(mg.IdlePSS/mp.IdlePSS))
	r.printf("| after the session, RSS | %s | %s | %s |\n", mib(mg.SessionRSS), mib(mp.SessionRSS), ratioText(mg.SessionRSS/mp.SessionRSS))
	r.printf("| after the session, PSS | %s | %s | %s |\n\n", mib(mg.SessionPSS), mib(mp.SessionPSS), ratioText(mg.SessionPSS/mp.SessionPSS))
	return r.chart(groupedBars("Kernel memory (RSS)", "Memory [MiB]", []string{"idle", "after a lesson-like session"}, "%.0f",
		barSeries{"gopar (kernel + worker)", []float64{mg.IdleRSS, mg.SessionRSS}},
		barSeries{"ipykernel", []float64{mp.IdleRSS, mp.SessionRSS}}), "memory.png", "kernel memory against ipykernel", 6, 3.5)
}

func (r *report) roomSection() {
	room := r.k.Room
	if room.Kernels == 0 {
		return
	}
	r.printf("## A workshop room: %d kernels at once\n\n", room.Kernels)
	r.printf("How: %d gopar kernels launched at once on this machine (from the kernelspec, as above), then every one "+
		"sent a lesson-like cell at the same moment: 8 goroutines summing chunks of 200,000 numbers, printing 80 lines. "+
		"Every line and the total were checked in every kernel (the same check runs in `tests/protocol/test_hardening.py`).\n\n", room.Kernels)
	r.printf("| | |\n|---|---:|\n")
	r.printf("| all kernels ready, from the first launch | %s |\n", seconds(room.ReadyS))
	r.printf("| the cell run in all kernels at once | %s |\n", seconds(room.RanS))
	r.printf("| memory per kernel: kernel process, RSS (mean) | %s |\n", mib(room.KernelRSS))
	r.printf("| memory per kernel: worker process, RSS (mean) | %s |\n", mib(room.WorkerRSS))
	r.printf("| memory per kernel, kernel + worker, PSS (mean) | %s |\n", mib(room.PSS))
	r.printf("| output lost | none |\n\n")
}

// efficiency is the parallel efficiency at the most workers.
func (r *report) efficiency(times map[string]stats) (float64, bool) {
	w := r.lastWorkers()
	one, ok1 := times["1"]
	last, ok2 := times[strconv.Itoa(w)]
	if !ok1 || !ok2 || last.Min <= 0 || w == 0 {
		return 0, false
	}
	return one.Min / last.Min / float64(w), true
}

func (r *report) lastWorkers() int {
	w := r.k.Scaling.Workers
	if len(w) == 0 {
		return 0
	}
	return w[len(w)-1]
}

func ms(s float64) string {
	if s < 0.01 {
		return fmt.Sprintf("%.2f ms", s*1e3)
	}
	return fmt.Sprintf("%.1f ms", s*1e3)
}

func seconds(s float64) string {
	if s < 1 {
		return fmt.Sprintf("%.0f ms", s*1e3)
	}
	return fmt.Sprintf("%.2f s", s)
}

func mib(v float64) string { return fmt.Sprintf("%.1f MiB", v) }

// ratioText prints a ratio with three significant digits.
func ratioText(x float64) string {
	switch {
	case x >= 10:
		return fmt.Sprintf("%.1f", x)
	case x >= 0.1:
		return fmt.Sprintf("%.2f", x)
	default:
		return fmt.Sprintf("%.3f", x)
	}
}

func trim(x float64) string { return strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "**no**"
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
