package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

func markdown(kernels []*kernel, workers, rounds int, others float64, cell cellCalls, notes []string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	w("# gopar native kernels against C\n\n")
	w("Written by `bench/native/run.sh` on %s.\n\n", time.Now().Format("2006-01-02 15:04 MST"))
	w("- Machine: %s, %d logical CPUs, %s/%s\n", cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	w("- Go: %s (default GOAMD64); C: %s, `gcc -O2 -pthread`\n", runtime.Version(), gccVersion())
	w("- %d timed rounds after one warm-up round; each round runs every C kernel (its own process, started outside the timed region) and every Go kernel once, alternating which goes first. Times are the fastest round, the median in brackets.\n", rounds)
	if others >= 0 {
		w("- Other processes used %.0f %% of the machine's CPU time during the rounds. On a shared machine that load, not the code, caps the parallel speed-up.\n", 100*others)
	}
	w("\n| kernel | work | Go native, ms | C gcc -O2, ms | Go / C | parallel efficiency, Go | parallel efficiency, C | same result |\n")
	w("|---|---|---:|---:|---:|---:|---:|---|\n")
	byName := map[string]*kernel{}
	for _, k := range kernels {
		byName[k.name] = k
	}
	for _, k := range kernels {
		goEff, cEff := "", ""
		if s := byName[k.serial]; s != nil {
			goEff = efficiency(fastest(s.goTimes), fastest(k.goTimes), k.workers)
			cEff = efficiency(fastest(s.cTimes), fastest(k.cTimes), k.workers)
		}
		same := "yes"
		if k.goResult != k.cResult {
			same = "no"
		}
		w("| %s | %s | %s (%s) | %s (%s) | %.2f | %s | %s | %s |\n", k.name, k.work,
			ms(fastest(k.goTimes)), ms(median(k.goTimes)), ms(fastest(k.cTimes)), ms(median(k.cTimes)),
			float64(fastest(k.goTimes))/float64(fastest(k.cTimes)), goEff, cEff, same)
	}
	w("\nGo / C is the ratio of the fastest rounds (target: at most 1.10). Parallel efficiency is the serial time over workers × the parallel time (target: at least 90 %%). \"Same result\" compares the printed results exactly: the same pi for the same seed, the same sum, the same sum of all Mandelbrot counts.\n")

	w("\n## Calling a kernel from a cell\n\n")
	w("`native.SumRange(1)`, a kernel with next to no work, called %d times in a loop; fastest of %d rounds, per call.\n\n", cellLoop, rounds)
	w("| | per call |\n|---|---:|\n")
	w("| compiled loop calling the kernel | %s |\n", ns(cell.compiled))
	w("| interpreted (yaegi) loop calling the kernel | %s |\n", ns(cell.interpreted))
	w("| interpreted loop doing the same arithmetic without the call | %s |\n", ns(cell.interpretedNoCall))
	w("| **added by calling from a cell** (the two above, subtracted) | **%s** (target: at most 2 µs) |\n", ns(cell.added()))
	w("| evaluating the one-line cell `native.SumRange(1)`, parse and compile included | %s |\n", ns(cell.oneLineCell))

	w("\n## What the compilers make of sum_range\n\n")
	for _, n := range notes {
		w("- %s\n", n)
	}
	w("\nSo both sides add the numbers one at a time: the comparison times loops, as the lesson intends. (An optimiser that replaced the loop by n(n-1)/2 would make any time meaningless; the check above runs every time.)\n")
	return b.String()
}

func efficiency(serial, parallel time.Duration, workers int) string {
	if parallel <= 0 || workers < 1 {
		return ""
	}
	return fmt.Sprintf("%.0f %%", 100*float64(serial)/(float64(workers)*float64(parallel)))
}

func ns(d time.Duration) string {
	if d >= time.Microsecond {
		return fmt.Sprintf("%.2f µs", float64(d)/1e3)
	}
	return fmt.Sprintf("%d ns", d.Nanoseconds())
}

func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

func gccVersion() string {
	out, err := exec.Command("gcc", "--version").Output()
	if err != nil {
		return "gcc (version unknown)"
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return line
}
