package profile

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/gopar/gopar/internal/sysmem"
)

const (
	mib = 1 << 20
	// DefaultInterval is memory_profiler's sampling interval.
	DefaultInterval = 100 * time.Millisecond
)

// Resident returns the resident memory of this process in MiB (on Windows
// its working set).
func Resident() float64 {
	n, err := sysmem.Resident(os.Getpid())
	if err != nil {
		return goResident()
	}
	return float64(n) / mib
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
	// HighWater is true when the system's peak-RSS counter (Linux's VmHWM,
	// reset before each run) contributed to the peaks, so that allocations
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
// The system's high-water mark is reset first where it can be (Linux), and
// then read at the end, so the peak is exact even between samples;
// otherwise the peak is the largest sample.
func track(f func() error, interval time.Duration) trace {
	if interval <= 0 {
		interval = DefaultInterval
	}
	var tr trace
	tr.highWater = sysmem.ResetPeak()
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
		if hwm, err := sysmem.Peak(); err == nil {
			tr.peak = max(tr.peak, float64(hwm)/mib)
		} else {
			tr.highWater = false
		}
	}
	return tr
}

// goResident approximates resident memory where the system's figure
// cannot be read: the memory the Go runtime has mapped and not released.
func goResident() float64 { return float64(goFootprint()) / mib }
