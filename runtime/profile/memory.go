package profile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"
)

const (
	mib = 1 << 20
	// DefaultInterval is memory_profiler's sampling interval.
	DefaultInterval = 100 * time.Millisecond
)

// Resident returns the resident memory of this process in MiB.
func Resident() float64 {
	st, err := readStatus()
	if err != nil {
		return goResident()
	}
	return st.rss
}

// MemoryUsage runs f and returns the resident memory of the process in MiB,
// sampled just before f starts, every interval while it runs (0 means
// 100 ms), and once more when it returns, like memory_profiler's
// memory_usage((f,)). The samples are meant for plotting against their index.
func MemoryUsage(f func(), interval time.Duration) []float64 {
	tr := track(func() error { f(); return nil }, interval)
	return tr.samples
}

// MemitResult is what %memit -o returns: the peak of each run and the
// baseline before them, in MiB.
type MemitResult struct {
	MemUsage []float64 // peak resident memory of each run, MiB
	Baseline float64   // resident memory after a collection, before the runs, MiB
	Repeat   int       // number of runs
	Interval float64   // sampling interval, seconds
	// HighWater is true when the kernel's peak-RSS counter (VmHWM, reset
	// before each run) contributed to the peaks, so that allocations
	// shorter than the interval were seen too.
	HighWater bool
}

// Peak is the largest of the runs' peaks, in MiB.
func (r MemitResult) Peak() float64 {
	p := 0.0
	for i, m := range r.MemUsage {
		if i == 0 || m > p {
			p = m
		}
	}
	return p
}

// Increment is Peak minus Baseline, in MiB.
func (r MemitResult) Increment() float64 { return r.Peak() - r.Baseline }

// String is memory_profiler's report: "peak memory: 52.10 MiB, increment: 31.08 MiB".
func (r MemitResult) String() string {
	if len(r.MemUsage) == 0 {
		return "ERROR: could not read memory usage, try with a lower interval or more iterations"
	}
	return fmt.Sprintf("peak memory: %.02f MiB, increment: %.02f MiB", r.Peak(), r.Increment())
}

// Memit measures f as %memit does: after a garbage collection that also
// returns freed memory to the system, it takes the baseline, then runs f
// repeat times (0 means once), each from a freshly collected heap, and keeps
// the peak resident memory of each run. It stops at f's first error.
func Memit(f func() error, repeat int, interval time.Duration) (MemitResult, error) {
	if repeat <= 0 {
		repeat = 1
	}
	if interval <= 0 {
		interval = DefaultInterval
	}
	res := MemitResult{Repeat: repeat, Interval: interval.Seconds(), HighWater: true}
	collect()
	res.Baseline = Resident()
	for i := range repeat {
		if i > 0 {
			collect()
		}
		tr := track(f, interval)
		if tr.err != nil {
			return res, tr.err
		}
		res.MemUsage = append(res.MemUsage, tr.peak)
		res.HighWater = res.HighWater && tr.highWater
	}
	return res, nil
}

func collect() {
	runtime.GC()
	debug.FreeOSMemory()
}

type trace struct {
	samples   []float64
	peak      float64
	highWater bool // peak includes VmHWM
	err       error
}

// track runs f while a goroutine samples resident memory every interval.
// The kernel's high-water mark is reset first where /proc/self/clear_refs
// allows it, and then read at the end, so the peak is exact even between
// samples; otherwise the peak is the largest sample.
func track(f func() error, interval time.Duration) trace {
	if interval <= 0 {
		interval = DefaultInterval
	}
	var tr trace
	tr.highWater = resetHighWater()
	tr.samples = append(tr.samples, Resident())

	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				tr.samples = append(tr.samples, Resident()) // main reads only after done
			case <-stop:
				return
			}
		}
	}()
	tr.err = f()
	close(stop)
	<-done
	tr.samples = append(tr.samples, Resident())

	for _, m := range tr.samples {
		tr.peak = max(tr.peak, m)
	}
	if tr.highWater {
		if st, err := readStatus(); err == nil {
			tr.peak = max(tr.peak, st.hwm)
		} else {
			tr.highWater = false
		}
	}
	return tr
}

// resetHighWater sets VmHWM back to the present VmRSS (writing "5" to
// /proc/self/clear_refs, Linux 4.0+) and reports whether that worked. VmHWM
// is otherwise the peak of the whole process lifetime and useless for one
// statement.
func resetHighWater() bool {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return false
	}
	st, err := readStatus()
	// Right after a reset the mark equals the resident size; allow a little
	// for pages touched in between.
	return err == nil && st.hwm > 0 && st.hwm-st.rss < 1
}

type procStatus struct{ rss, hwm float64 } // MiB

var errNoStatus = errors.New("VmRSS not found in /proc/self/status")

func readStatus() (procStatus, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return procStatus{}, err
	}
	var st procStatus
	found := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Bytes()
		switch {
		case bytes.HasPrefix(line, []byte("VmRSS:")):
			st.rss, found = kiB(line[len("VmRSS:"):]), true
		case bytes.HasPrefix(line, []byte("VmHWM:")):
			st.hwm = kiB(line[len("VmHWM:"):])
		}
	}
	if !found {
		return st, errNoStatus
	}
	return st, nil
}

// kiB parses "   1732 kB" into MiB.
func kiB(field []byte) float64 {
	f := bytes.Fields(field)
	if len(f) == 0 {
		return 0
	}
	n, _ := strconv.ParseFloat(string(f[0]), 64)
	return n / 1024
}

// goResident approximates resident memory without /proc: the memory the Go
// runtime has mapped and not released.
func goResident() float64 { return float64(goFootprint()) / mib }
