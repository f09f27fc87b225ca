package profile

import (
	"context"
	"errors"
	"math"
	"runtime/debug"
	"testing"
	"time"
)

func TestTimeitResultString(t *testing.T) {
	tests := []struct {
		name string
		all  []float64
		loop int
		prec int
		want string
	}{
		{"seed lesson, one loop", []float64{0.676, 0.676, 0.676, 0.676, 0.676, 0.676, 0.676}, 1, 3,
			"676 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 1 loop each)"},
		{"thousands separators", []float64{0.0826, 0.0826}, 10000000, 3,
			"8.26 ns ± 0 ns per loop (mean ± std. dev. of 2 runs, 10,000,000 loops each)"},
		{"one run", []float64{0.5}, 100, 3,
			"5 ms ± 0 ns per loop (mean ± std. dev. of 1 run, 100 loops each)"},
		{"spread", []float64{1, 3}, 1, 3,
			"2 s ± 1 s per loop (mean ± std. dev. of 2 runs, 1 loop each)"},
		{"precision", []float64{1, 3}, 3, 5,
			"666.67 ms ± 333.33 ms per loop (mean ± std. dev. of 2 runs, 3 loops each)"},
		{"over a minute", []float64{90, 90}, 1, 3,
			"1min 30s ± 0 ns per loop (mean ± std. dev. of 2 runs, 1 loop each)"},
		{"loop count of 1000", []float64{0.2, 0.2, 0.2}, 1000, 3,
			"200 µs ± 0 ns per loop (mean ± std. dev. of 3 runs, 1,000 loops each)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewTimeitResult(tt.all, tt.loop, tt.prec)
			if got := r.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTimeitResultStatistics(t *testing.T) {
	// Per-loop times 1, 2, 3, 4 ms: mean 2.5 ms, population std sqrt(1.25) ms.
	r := NewTimeitResult([]float64{0.01, 0.02, 0.03, 0.04}, 10, 0)
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	if !near(r.Best, 0.001) || !near(r.Worst, 0.004) || !near(r.Average, 0.0025) ||
		!near(r.Stdev, math.Sqrt(1.25)*1e-3) || r.Repeat != 4 || r.Loops != 10 || r.Precision != 3 {
		t.Errorf("got %+v", r)
	}
}

func TestTimeitWarning(t *testing.T) {
	tests := []struct {
		name string
		all  []float64
		loop int
		want string
	}{
		{"over four times", []float64{1, 14.83}, 1,
			"The slowest run took 14.83 times longer than the fastest. This could mean that an intermediate result is being cached."},
		{"exactly four times", []float64{1, 4}, 1, ""},
		{"slowest under a microsecond", []float64{1e-7, 9e-7}, 1, ""},
		{"fastest zero", []float64{0, 1}, 1, ""},
		{"steady", []float64{1, 1.1, 1.2}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewTimeitResult(tt.all, tt.loop, 3).Warning(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// fakeTimer pretends each loop takes perLoop and records the loop counts
// it was asked for.
type fakeTimer struct {
	perLoop time.Duration
	calls   []int
	gcOff   []bool
}

func (f *fakeTimer) time(loops int) time.Duration {
	f.calls = append(f.calls, loops)
	old := debug.SetGCPercent(-1)
	debug.SetGCPercent(old)
	f.gcOff = append(f.gcOff, old < 0)
	return time.Duration(loops) * f.perLoop
}

func TestAutoRange(t *testing.T) {
	tests := []struct {
		perLoop time.Duration
		want    int
		calls   []int
	}{
		{time.Second, 1, []int{1}},
		{200 * time.Millisecond, 1, []int{1}},
		{199 * time.Millisecond, 10, []int{1, 10}},
		{20 * time.Millisecond, 10, []int{1, 10}},
		{676 * time.Microsecond, 1000, []int{1, 10, 100, 1000}},
		{8 * time.Nanosecond, 100000000, []int{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}},
		{0, 1000000000, []int{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000}},
	}
	for _, tt := range tests {
		f := &fakeTimer{perLoop: tt.perLoop}
		got, err := AutoRange(context.Background(), f.time)
		if err != nil || got != tt.want {
			t.Errorf("AutoRange(%v/loop) = %d, %v; want %d", tt.perLoop, got, err, tt.want)
		}
		if !equalInts(f.calls, tt.calls) {
			t.Errorf("AutoRange(%v/loop) tried %v, want %v", tt.perLoop, f.calls, tt.calls)
		}
	}
}

func TestMeasure(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	f := &fakeTimer{perLoop: 3 * time.Millisecond}
	r, err := Measure(context.Background(), f.time, TimeitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Calibration 1, 10, 100 (0.3 s), then 7 runs of 100 loops.
	want := []int{1, 10, 100, 100, 100, 100, 100, 100, 100, 100}
	if !equalInts(f.calls, want) {
		t.Errorf("loop counts %v, want %v", f.calls, want)
	}
	for i, off := range f.gcOff {
		if !off {
			t.Errorf("call %d ran with the garbage collector on", i)
		}
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after Measure = %d, want it restored to 100", got)
	}
	if r.String() != "3 ms ± 0 ns per loop (mean ± std. dev. of 7 runs, 100 loops each)" {
		t.Errorf("result %q", r)
	}

	f = &fakeTimer{perLoop: time.Millisecond}
	r, _ = Measure(context.Background(), f.time, TimeitOptions{Loops: 5, Repeat: 2})
	if !equalInts(f.calls, []int{5, 5}) || r.Repeat != 2 || r.Loops != 5 {
		t.Errorf("-n 5 -r 2: calls %v, result %+v", f.calls, r)
	}
}

func TestMeasureStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	timer := func(loops int) time.Duration {
		calls++
		if calls == 2 {
			cancel()
		}
		return time.Second
	}
	_, err := Measure(ctx, timer, TimeitOptions{Loops: 1, Repeat: 7})
	if !errors.Is(err, context.Canceled) || calls != 2 {
		t.Errorf("err %v after %d calls; want context.Canceled after 2", err, calls)
	}
}

func TestTimeitCallsF(t *testing.T) {
	n := 0
	r := Timeit(func() { n++ }, 3, 4)
	if n != 12 || r.Loops != 3 || r.Repeat != 4 || len(r.All) != 4 {
		t.Errorf("f ran %d times, result %+v; want 12 calls, 3 loops, 4 runs", n, r)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
