package profile

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"

	"github.com/gopar/gopar/runtime/interrupt"
)

// Timer runs the code being measured loops times in a row and returns how
// long that took.
type Timer func(loops int) time.Duration

// TimeitOptions choose how Measure runs a Timer. Zero values take IPython's
// defaults.
type TimeitOptions struct {
	Loops     int // loops per run; 0 picks a power of ten by AutoRange
	Repeat    int // runs; 0 means 7
	Precision int // significant digits when printed; 0 means 3
}

const (
	// DefaultRepeat is IPython's number of timed runs.
	DefaultRepeat = 7
	// DefaultPrecision is IPython's number of significant digits.
	DefaultPrecision = 3
	// autoRangeTarget is the run length AutoRange grows the loop count to.
	autoRangeTarget = 200 * time.Millisecond
	// autoRangeSteps caps the loop count at 10^9, as IPython does.
	autoRangeSteps = 10
)

// TimeitResult is what %timeit -o returns: the times of each run and their
// summary, in seconds per loop except All.
type TimeitResult struct {
	Loops       int       // loops per run
	Repeat      int       // number of runs
	Best        float64   // fastest run, seconds per loop
	Worst       float64   // slowest run, seconds per loop
	Average     float64   // mean over runs, seconds per loop
	Stdev       float64   // population standard deviation over runs, seconds per loop
	All         []float64 // total seconds of each run (Loops loops each)
	Precision   int       // significant digits of String
	CompileTime float64   // seconds spent compiling the statement
}

// NewTimeitResult summarises runs of loops loops each, given as total seconds
// per run.
func NewTimeitResult(all []float64, loops, precision int) TimeitResult {
	if precision <= 0 {
		precision = DefaultPrecision
	}
	r := TimeitResult{Loops: loops, Repeat: len(all), All: all, Precision: precision}
	if len(all) == 0 || loops <= 0 {
		return r
	}
	per := make([]float64, len(all))
	r.Best, r.Worst = math.Inf(1), math.Inf(-1)
	for i, t := range all {
		per[i] = t / float64(loops)
		r.Best = min(r.Best, per[i])
		r.Worst = max(r.Worst, per[i])
	}
	r.Average = fsum(per) / float64(len(per))
	dev := make([]float64, len(per))
	for i, t := range per {
		dev[i] = (t - r.Average) * (t - r.Average)
	}
	r.Stdev = math.Sqrt(fsum(dev) / float64(len(dev)))
	return r
}

// String is IPython's one-line report:
// "676 ms ± 6.39 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)".
func (r TimeitResult) String() string {
	p := r.Precision
	if p <= 0 {
		p = DefaultPrecision
	}
	return FormatTime(r.Average, p) + " ± " + FormatTime(r.Stdev, p) +
		" per loop (mean ± std. dev. of " + Thousands(r.Repeat) + " run" + plural(r.Repeat) +
		", " + Thousands(r.Loops) + " loop" + plural(r.Loops) + " each)"
}

// Warning returns IPython's caching warning when the slowest run took more
// than four times as long as the fastest (and over a microsecond), else "".
func (r TimeitResult) Warning() string {
	if r.Worst > 4*r.Best && r.Best > 0 && r.Worst > 1e-6 {
		return "The slowest run took " + fmt.Sprintf("%.2f", r.Worst/r.Best) +
			" times longer than the fastest. This could mean that an intermediate result is being cached."
	}
	return ""
}

// AutoRange finds IPython's loop count: the first power of ten (1, 10, ...
// up to 10^9) whose run takes at least 0.2 s. The calibration runs are not
// kept. The garbage collector is off while t runs.
func AutoRange(ctx context.Context, t Timer) (int, error) {
	loops := 1
	err := withoutGC(func() error {
		for i := range autoRangeSteps {
			loops = pow10(i)
			if err := ctx.Err(); err != nil {
				return err
			}
			runtime.GC()
			if t(loops) >= autoRangeTarget {
				break
			}
		}
		return nil
	})
	return loops, err
}

// Runs times repeat runs of loops loops each and returns the seconds of each.
// The garbage collector is off while t runs; a collection between runs
// (untimed) starts each from the same clean heap, much as reference counting
// does for IPython.
func Runs(ctx context.Context, t Timer, loops, repeat int) ([]float64, error) {
	all := make([]float64, 0, repeat)
	err := withoutGC(func() error {
		for range repeat {
			if err := ctx.Err(); err != nil {
				return err
			}
			runtime.GC()
			all = append(all, t(loops).Seconds())
		}
		return nil
	})
	return all, err
}

// Measure is %timeit's algorithm: auto-range the loop count unless o.Loops is
// set, then time o.Repeat runs. It stops between runs when ctx is done.
func Measure(ctx context.Context, t Timer, o TimeitOptions) (TimeitResult, error) {
	if o.Repeat <= 0 {
		o.Repeat = DefaultRepeat
	}
	if o.Loops <= 0 {
		loops, err := AutoRange(ctx, t)
		if err != nil {
			return TimeitResult{}, err
		}
		o.Loops = loops
	}
	all, err := Runs(ctx, t, o.Loops, o.Repeat)
	if err != nil {
		return TimeitResult{}, err
	}
	return NewTimeitResult(all, o.Loops, o.Precision), nil
}

// Timeit times f like %timeit: loops calls per run (0 auto-ranges) and repeat
// runs (0 means 7); it stops between runs when the cell is interrupted. The figure includes the cost of calling f itself, about
// a microsecond when f is an interpreted func; %timeit subtracts its loop
// overhead and is the finer instrument for very short statements.
func Timeit(f func(), loops, repeat int) TimeitResult {
	t := func(n int) time.Duration {
		t0 := time.Now()
		for range n {
			f()
		}
		return time.Since(t0)
	}
	r, _ := Measure(interrupt.Context(), t, TimeitOptions{Loops: loops, Repeat: repeat})
	return r
}

func pow10(i int) int {
	n := 1
	for range i {
		n *= 10
	}
	return n
}

// fsum adds with Neumaier's compensation, close to Python's math.fsum.
func fsum(xs []float64) float64 {
	var sum, c float64
	for _, x := range xs {
		t := sum + x
		if math.Abs(sum) >= math.Abs(x) {
			c += (sum - t) + x
		} else {
			c += (x - t) + sum
		}
		sum = t
	}
	return sum + c
}
